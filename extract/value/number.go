package value

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Qualifier tells how a stated figure relates to the true number.
type Qualifier uint8

// The qualifiers a Number can carry.
const (
	// Exact is a figure stated without qualification ("18,000").
	Exact Qualifier = iota
	// Approximate is a figure marked as approximate ("~20,000", "c. 500").
	Approximate
	// AtLeast is a lower bound ("2,750+", "At least 5,000", "over 100").
	AtLeast
	// AtMost is an upper bound ("<1,000", "less than 1,000").
	AtMost
	// Range is a span between two figures ("15,000–30,000") or a set of
	// alternatives ("20,000 or 30,000", figures from two sources).
	Range
)

// String returns the qualifier's name.
func (q Qualifier) String() string {
	switch q {
	case Exact:
		return "Exact"
	case Approximate:
		return "Approximate"
	case AtLeast:
		return "AtLeast"
	case AtMost:
		return "AtMost"
	case Range:
		return "Range"
	}
	return "Qualifier(" + strconv.Itoa(int(q)) + ")"
}

// Number is a figure read from an infobox value.
//
// Value is the best single figure, the one kg:strength takes: the figure
// itself for Exact and Approximate; the bound for AtLeast and AtMost (as the
// gold annotators settled: "At least N" gives N, "<N" gives N); for a Range,
// the first figure the source states, which for "A–B" is the lower bound A
// and for alternatives is the one the infobox leads with.
//
// Min and Max bound the number: both equal Value for Exact and Approximate;
// for AtLeast Min is the bound and Max is 0, meaning unbounded; for AtMost
// Max is the bound and Min is 0; for a Range, Min < Max are its ends.
type Number struct {
	Value, Min, Max int64
	Qualifier       Qualifier
	// Unit holds the words that follow the figure ("ships", "men",
	// "soldiers killed"); it is empty when none are stated.
	Unit string
	// Text is the cleaned source text the number was read from.
	Text string
}

// IsMateriel reports whether n counts ships, boats or weapons rather than
// people, judging by its unit.
func (n Number) IsMateriel() bool { return unitClass(n.Unit) == classMateriel }

var (
	// reFigure matches a figure with its optional qualifier and an optional
	// second figure making a range. Boundaries are checked by hand, since
	// Go's regexp has no look-around.
	reFigure = regexp.MustCompile(`(?i)(~|≈|\bc\.\s*|\bca\.\s*|\bcirca\s+|\babout\s+|\bapprox(?:\.|imately)?\s*|\baround\s+|\broughly\s+|\bsome\s+|\best\.\s*|\bat\s+least\s+|\bover\s+|\bmore\s+than\s+|>\s*|≥\s*|\bat\s+most\s+|\bup\s+to\s+|\bless\s+than\s+|\bfewer\s+than\s+|\bunder\s+|<\s*|≤\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\+)?(?:\s*(?:[–—−-]|to\s)\s*(\d{1,3}(?:,\d{3})+|\d+)(\+)?)?`)
	// reGluedLabel separates a heading glued to the word before it, as in
	// "157 shipsMing: 30,000+ killed".
	reGluedLabel = regexp.MustCompile(`(\p{Ll})(\p{Lu}[\p{L}\p{M}]*:)`)
	// reSourceNote recognises a bracketed note naming a source, which makes
	// figures alternatives rather than parts.
	reSourceNote = regexp.MustCompile(`(?i)source|claim|estimate|record|according|account|report|chronicle|histor`)
)

// figure is one figure found in a value, with the context the strength
// conventions need.
type figure struct {
	n      Number
	label  string // heading of its clause, "" if none
	total  bool   // stated as an explicit total
	unsure bool   // could not be read with confidence
}

// clause is a top-level piece of a value: the text outside brackets, the
// bracketed notes, and whether it was introduced by "or".
type clause struct {
	text  string
	notes []string
	alt   bool
}

// splitClauses splits s at top-level commas, semicolons, pipes, "or" and
// "plus", collecting bracketed text as notes.
func splitClauses(s string) []clause {
	var out []clause
	var cur clause
	var text, note strings.Builder
	depth := 0
	flush := func(alt bool) {
		cur.text = strings.TrimSpace(text.String())
		out = append(out, cur)
		cur = clause{alt: alt}
		text.Reset()
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				note.Reset()
				text.WriteByte(' ')
			} else {
				note.WriteRune(r)
			}
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					cur.notes = append(cur.notes, strings.TrimSpace(note.String()))
				} else {
					note.WriteRune(r)
				}
			}
		case depth > 0:
			note.WriteRune(r)
		case r == ',' && thousandsComma(s, i):
			text.WriteRune(r)
		case r == ',' || r == ';' || r == '|':
			flush(false)
		case r == 'o' && wordAt(s, i, "or"):
			flush(true)
			size = 2
		case r == 'p' && wordAt(s, i, "plus"):
			flush(false)
			size = 4
		default:
			text.WriteRune(r)
		}
		i += size
	}
	flush(false)
	return out
}

// thousandsComma reports whether the comma at s[i] groups the digits of a
// figure ("13,000") rather than separating clauses.
func thousandsComma(s string, i int) bool {
	if i == 0 || !isDigit(s[i-1]) || i+4 > len(s) {
		return false
	}
	for j := i + 1; j < i+4; j++ {
		if !isDigit(s[j]) {
			return false
		}
	}
	return i+4 == len(s) || !isDigit(s[i+4])
}

// wordAt reports whether the word w starts at s[i] and stands alone.
func wordAt(s string, i int, w string) bool {
	if !strings.HasPrefix(s[i:], w) {
		return false
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j := i + len(w); j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// scanFigures finds every figure in text, each with the words up to the next
// figure as its unit.
func scanFigures(text string) []figure {
	var figs []figure
	locs := reFigure.FindAllStringSubmatchIndex(text, -1)
	for k, m := range locs {
		var f figure
		start, end := m[0], m[1]
		// A letter or digit right before, or a letter, digit, decimal point
		// or colon right after, means the digits are part of something else
		// ("2nd", "8138.90", "10:30", "x20").
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' {
				continue
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ':' || r == '.' && end+1 < len(text) && isDigit(text[end+1]) {
				continue
			}
		}
		// A dash right before a lone figure is a range whose first figure
		// was lost ("Joseon:–192,000").
		if before := strings.TrimRight(text[:start], " "); before != "" {
			if r, _ := utf8.DecodeLastRuneInString(before); r == '–' || r == '—' || r == '-' || r == '−' {
				f.unsure = true
			}
		}
		qual := strings.ToLower(strings.TrimSpace(sub(text, m, 1)))
		a, errA := parseDigits(sub(text, m, 2))
		plus := sub(text, m, 3) != "" || sub(text, m, 5) != ""
		n := Number{Value: a, Min: a, Max: a, Qualifier: Exact}
		if errA != nil {
			f.unsure = true
		}
		if m[8] >= 0 {
			b, err := parseDigits(sub(text, m, 4))
			switch {
			case err != nil || b < a:
				f.unsure = true
			case b > a:
				n = Number{Value: a, Min: a, Max: b, Qualifier: Range}
			}
		}
		if n.Qualifier == Exact {
			switch {
			case plus || qual == ">" || qual == "≥" || strings.HasPrefix(qual, "at least") || qual == "over" || strings.HasPrefix(qual, "more"):
				n.Qualifier, n.Max = AtLeast, 0
			case qual == "<" || qual == "≤" || strings.HasPrefix(qual, "at most") || strings.HasPrefix(qual, "up to") ||
				strings.HasPrefix(qual, "less") || strings.HasPrefix(qual, "fewer") || qual == "under":
				n.Qualifier, n.Min = AtMost, 0
			case qual != "":
				n.Qualifier = Approximate
			}
		}
		unitEnd := len(text)
		if k+1 < len(locs) {
			unitEnd = locs[k+1][0]
		}
		if unitEnd < end {
			unitEnd = end
		}
		n.Unit = strings.Trim(text[end:unitEnd], " ,;:.–—-")
		n.Unit = reSpaces.ReplaceAllString(n.Unit, " ")
		f.n = n
		figs = append(figs, f)
	}
	return figs
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sub returns submatch i of m in s, or "" when it did not participate.
func sub(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// parseDigits parses a figure written with or without thousands commas.
func parseDigits(s string) (int64, error) {
	return strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
}

// Unit classes: people, materiel (ships, boats, guns), or something else,
// such as a group name.
const (
	classOther = iota
	classPersonnel
	classMateriel
)

var personnelWords = map[string]bool{
	"man": true, "men": true, "soldier": true, "troop": true, "warrior": true,
	"infantry": true, "cavalry": true, "samurai": true, "sailor": true,
	"marine": true, "irregular": true, "militia": true, "militiamen": true,
	"defector": true, "monk": true, "army": true, "armie": true, "guerrilla": true,
	"personnel": true, "garrison": true, "civilian": true, "archer": true,
	"fighter": true, "horsemen": true, "volunteer": true, "insurgent": true,
	"reinforcement": true, "crew": true, "levy": true, "levie": true,
}

var materielWords = map[string]bool{
	"ship": true, "vessel": true, "boat": true, "junk": true, "warship": true,
	"cruiser": true, "battleship": true, "battlecruiser": true, "ironclad": true,
	"gunboat": true, "destroyer": true, "carrier": true, "airplane": true,
	"aircraft": true, "seaplane": true, "plane": true, "cannon": true,
	"musket": true, "gun": true, "panokseon": true, "tank": true,
	"artillery": true, "frigate": true, "corvette": true, "submarine": true,
	"sloop": true, "transport": true, "horse": true, "galley": true,
}

// unitClass classifies a unit by its words; no unit at all means people, as
// an unqualified strength figure counts troops.
func unitClass(unit string) int {
	if unit == "" {
		return classPersonnel
	}
	class := classOther
	for _, w := range strings.FieldsFunc(strings.ToLower(unit), func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.TrimSuffix(w, "s")
		if materielWords[w] {
			return classMateriel
		}
		if personnelWords[w] {
			class = classPersonnel
		}
	}
	return class
}

// readFigures cleans s and returns its figures and whether it is a list of
// labelled parts (headings such as "Ming:" or a bare "Joseon" between
// figures), and whether figures are alternatives ("or", source notes).
func readFigures(s string) (text string, figs []figure, labelled, alt bool) {
	text = CleanText(s)
	text = reGluedLabel.ReplaceAllString(text, "$1, $2")
	for _, c := range splitClauses(text) {
		if c.alt {
			alt = true
		}
		for _, n := range c.notes {
			if reSourceNote.MatchString(n) {
				alt = true
			}
		}
		body := strings.TrimLeft(c.text, "*•· ")
		label := ""
		if l, rest, ok := cutLabel(body); ok {
			label, body = l, rest
		}
		isTotal := strings.EqualFold(label, "total")
		fs := scanFigures(body)
		if len(fs) == 0 {
			if label != "" || nameLike(strings.TrimSpace(body)) {
				labelled = true
			}
			continue
		}
		if label != "" && !isTotal {
			labelled = true
		}
		for i := range fs {
			fs[i].label = label
			unit := fs[i].n.Unit
			if rest, ok := cutWordPrefix(unit, "total"); ok {
				fs[i].total = true
				fs[i].n.Unit = rest
			}
			if isTotal {
				fs[i].total = true
			}
		}
		figs = append(figs, fs...)
	}
	return text, figs, labelled, alt
}

// cutWordPrefix removes the word w (any case) from the start of s.
func cutWordPrefix(s, w string) (string, bool) {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) || !wordAt(strings.ToLower(s), 0, w) {
		return s, false
	}
	return strings.TrimSpace(strings.TrimLeft(s[len(w):], " ,:")), true
}

// ParseNumber reads a strength-like value as one Number, following the
// conventions of the gold annotations:
//
//   - "~20,000" is Approximate, "2,750+" and "At least 5,000" are AtLeast,
//     "<1,000" and "less than 1,000" are AtMost, "15,000–30,000" is a Range;
//   - alternatives ("20,000 or 30,000", "300 ships , 500 ships (Korean
//     sources)") make a Range from the smallest to the largest figure;
//   - an explicit total ("Total: 166,700", "28,000 total, (…)") wins over the
//     parts listed with it, unless it is a total for one named group only;
//   - a list of parts with no total ("Ningyuan: 20,000, Juehua Island: 7,000",
//     "20,000, 3,000 Korean defectors") gives ok=false, except that one troop
//     figure listed with ships is taken ("24,500, 1 seaplane carrier, …");
//   - placeholders ("?", "Unknown", "light") give ok=false.
func ParseNumber(s string) (Number, bool) {
	text, figs, labelled, alt := readFigures(s)
	for _, f := range figs {
		if f.unsure {
			return Number{}, false
		}
	}
	var totals []figure
	for _, f := range figs {
		if f.total {
			totals = append(totals, f)
		}
	}
	if len(totals) > 1 {
		return Number{}, false
	}
	if len(totals) == 1 {
		n := totals[0].n
		// "Total: 166,700 Ming" is one belligerent's total, not the whole.
		if r, _ := utf8.DecodeRuneInString(n.Unit); unicode.IsUpper(r) {
			return Number{}, false
		}
		n.Text = text
		return n, true
	}
	if labelled || len(figs) == 0 {
		return Number{}, false
	}
	if len(figs) == 1 {
		n := figs[0].n
		n.Text = text
		return n, true
	}
	if alt {
		n := Number{Value: figs[0].n.Value, Min: figs[0].n.Value, Max: figs[0].n.Value, Qualifier: Range, Text: text}
		unit := ""
		sameUnit := true
		for _, f := range figs {
			lo, hi := f.n.Value, f.n.Value
			if f.n.Qualifier == Range {
				lo, hi = f.n.Min, f.n.Max
			}
			n.Min = min(n.Min, lo)
			n.Max = max(n.Max, hi)
			if f.n.Unit != "" {
				if unit != "" && !strings.EqualFold(unit, f.n.Unit) {
					sameUnit = false
				}
				if unit == "" {
					unit = f.n.Unit
				}
			}
		}
		if sameUnit {
			n.Unit = unit
		} else {
			n.Unit = figs[0].n.Unit
		}
		if n.Min == n.Max {
			n.Qualifier = Exact
		}
		return n, true
	}
	// Parts: one troop figure beside ships and guns is the strength.
	var people []figure
	for _, f := range figs {
		switch unitClass(f.n.Unit) {
		case classPersonnel:
			people = append(people, f)
		case classOther:
			return Number{}, false
		}
	}
	if len(people) == 1 {
		n := people[0].n
		n.Text = text
		return n, true
	}
	return Number{}, false
}

// ParseStrength is ParseNumber with one more of the gold conventions: a
// value that states only a count of ships or weapons ("3 turtle ships",
// "3 protected cruisers") gives ok=false, since it is not the number of
// troops; alternatives between ship counts ("300 ships , 500 ships (Korean
// sources)") are still taken, as the gold takes them.
func ParseStrength(s string) (Number, bool) {
	n, ok := ParseNumber(s)
	if !ok || n.Qualifier != Range && n.IsMateriel() {
		return Number{}, false
	}
	return n, true
}

// ParseCount returns every figure stated in a casualties-like text, in
// order, each with the words that follow it as its Unit and the clause it
// came from as its Text: "200 ships sunk , 13,000 soldiers killed" gives 200
// "ships sunk" and 13000 "soldiers killed". Figures inside brackets (sources,
// years) and figures that cannot be read with confidence are skipped; a
// placeholder such as "Unknown" gives nil.
func ParseCount(s string) []Number {
	text := CleanText(s)
	text = reGluedLabel.ReplaceAllString(text, "$1, $2")
	var out []Number
	for _, c := range splitClauses(text) {
		body := strings.TrimLeft(c.text, "*•· ")
		if _, rest, ok := cutLabel(body); ok {
			body = rest
		}
		clauseText := tidy(body)
		for _, f := range scanFigures(body) {
			if f.unsure {
				continue
			}
			f.n.Text = clauseText
			out = append(out, f.n)
		}
	}
	return out
}
