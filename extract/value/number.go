package value

import (
	"bytes"
	"math"
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
	// reGluedLabel separates a heading glued to the word before it, as in
	// "157 shipsMing: 30,000+ killed".
	reGluedLabel = regexp.MustCompile(`(\p{Ll})(\p{Lu}[\p{L}\p{M}]*:)`)
	// reSourceNote recognises a bracketed note naming a source, which makes
	// figures alternatives rather than parts.
	reSourceNote = regexp.MustCompile(`(?i)` + strings.Join(sourceWords[:], "|"))
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

// appendClauses appends to dst, which a caller may hold on its stack, the
// clauses of s: s split at top-level commas, semicolons, pipes, "or" and
// "plus", bracketed text collected as notes. It returns the extended slice.
//
// A note, and a clause's text without brackets, are parts of s, as most
// are: only the text of a clause that brackets break is copied. A string
// that is not valid UTF-8, whose invalid bytes become U+FFFD, is read
// again from its start by appendClausesRunes once its first invalid byte
// is met.
func appendClauses(dst []clause, s string) []clause {
	out := dst
	var cur clause
	// The clause's text is s[start:end], trimmed, unless a bracket broke
	// it: then it is broken, which holds the text before start.
	var stack [64]byte
	broken := stack[:0]
	isBroken := false
	start, open, depth := 0, 0, 0
	flush := func(end, next int, alt bool) {
		if isBroken {
			if depth == 0 {
				broken = append(broken, s[start:end]...)
			}
			cur.text = string(bytes.TrimSpace(broken))
			broken, isBroken = broken[:0], false
		} else {
			cur.text = strings.TrimSpace(s[start:end])
		}
		out = append(out, cur)
		cur = clause{alt: alt}
		start = next
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !clauseByte[c] {
			continue
		}
		switch c {
		case '(', '[':
			if depth == 0 {
				broken = append(append(broken, s[start:i]...), ' ')
				isBroken = true
				open = i + 1
			}
			depth++
		case ')', ']':
			switch {
			case depth == 0: // a stray closing bracket, dropped
				broken = append(broken, s[start:i]...)
				isBroken = true
				start = i + 1
			case depth == 1:
				cur.notes = append(cur.notes, strings.TrimSpace(s[open:i]))
				start = i + 1
			}
			depth = max(depth-1, 0)
		case ',', ';', '|':
			if depth == 0 && (c != ',' || !thousandsComma(s, i)) {
				flush(i, i+1, false)
			}
		case 'o':
			// An "o" or a "p" after a letter or digit starts no word.
			if depth == 0 && (i == 0 || !isDigit(s[i-1]) && !isASCIILetter(s[i-1])) && wordAt(s, i, "or") {
				flush(i, i+2, true)
				i++
			}
		case 'p':
			if depth == 0 && (i == 0 || !isDigit(s[i-1]) && !isASCIILetter(s[i-1])) && wordAt(s, i, "plus") {
				flush(i, i+4, false)
				i += 3
			}
		default: // a rune past ASCII
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return appendClausesRunes(dst, s)
			}
			i += size - 1
		}
	}
	flush(len(s), len(s), false)
	return out
}

// clauseByte marks the bytes appendClauses acts on: brackets, separators,
// the first letters of "or" and "plus", and those of runes past ASCII.
var clauseByte = func() (t [256]bool) {
	for _, c := range []byte("([)],;|op") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	return t
}()

// appendClausesRunes is appendClauses for any s, which it reads rune by
// rune, copying each clause's text and each note.
func appendClausesRunes(dst []clause, s string) []clause {
	out := dst
	var cur clause
	// text and note gather bytes of s, never longer than s: one buffer
	// holds both, and each clause's strings are copied out once.
	buf := make([]byte, 0, 2*len(s))
	text, note := buf[:0:len(s)], buf[len(s):len(s)]
	depth := 0
	flush := func(alt bool) {
		cur.text = string(bytes.TrimSpace(text))
		out = append(out, cur)
		cur = clause{alt: alt}
		text = text[:0]
	}
	for i := 0; i < len(s); {
		// Runs of ASCII that neither bracket nor separate are copied
		// whole: most of a value. An "o" or a "p" after a letter or digit
		// starts no word.
		if j := i; s[j] < utf8.RuneSelf && clausePlain[s[j]] {
			for j++; j < len(s); j++ {
				if c := s[j]; c >= utf8.RuneSelf || !clausePlain[c] && !((c == 'o' || c == 'p') && (isDigit(s[j-1]) || isASCIILetter(s[j-1]))) {
					break
				}
			}
			if depth > 0 {
				note = append(note, s[i:j]...)
			} else {
				text = append(text, s[i:j]...)
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				note = note[:0]
				text = append(text, ' ')
			} else {
				note = appendRuneAt(note, s, i, size)
			}
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					cur.notes = append(cur.notes, string(bytes.TrimSpace(note)))
				} else {
					note = appendRuneAt(note, s, i, size)
				}
			}
		case depth > 0:
			note = appendRuneAt(note, s, i, size)
		case r == ',' && thousandsComma(s, i):
			text = appendRuneAt(text, s, i, size)
		case r == ',' || r == ';' || r == '|':
			flush(false)
		case r == 'o' && wordAt(s, i, "or"):
			flush(true)
			size = 2
		case r == 'p' && wordAt(s, i, "plus"):
			flush(false)
			size = 4
		default:
			text = appendRuneAt(text, s, i, size)
		}
		i += size
	}
	flush(false)
	return out
}

// clausePlain marks the ASCII bytes that appendClausesRunes copies as they are
// wherever they are: all but brackets, separators and the first letters of
// "or" and "plus".
var clausePlain = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = true
	}
	for _, c := range "([)],;|op" {
		t[c] = false
	}
	return t
}()

// appendRuneAt appends the rune of size bytes at s[i], as
// strings.Builder.WriteRune would: an invalid byte becomes U+FFFD.
func appendRuneAt(b []byte, s string, i, size int) []byte {
	if size == 1 && s[i] >= utf8.RuneSelf {
		return utf8.AppendRune(b, utf8.RuneError)
	}
	return append(b, s[i:i+size]...)
}

// sourceWords are the words reSourceNote looks for.
var sourceWords = [...]string{"source", "claim", "estimate", "record", "according", "account", "report", "chronicle", "histor"}

// isSourceNote is reSourceNote.MatchString(n), without the expression:
// folding ASCII case is exact but for a note with the long s or the Kelvin
// sign, which fold to s and k. Bytes of other runes match no ASCII letter.
// Notes in another script took the expression, 4,800 instructions a call.
func isSourceNote(n string) bool {
	if strings.Contains(n, "ſ") || strings.Contains(n, "\u212a") {
		return reSourceNote.MatchString(n)
	}
	// One pass over n, not one for each word: a word is compared where
	// n has its first letter, as containsFoldASCII compares it.
	for i := 0; i < len(n); i++ {
		c := n[i] | 0x20
		if !sourceWordStart[c] {
			continue
		}
		for _, w := range sourceWordsAt[c] {
			if hasFoldASCIIPrefix(n[i:], w) {
				return true
			}
		}
	}
	return false
}

// sourceWordStart marks the first letters of sourceWords, and
// sourceWordsAt holds the words that start with each.
var sourceWordStart, sourceWordsAt = func() (t [256]bool, at [256][]string) {
	for _, w := range sourceWords {
		t[w[0]] = true
		at[w[0]] = append(at[w[0]], w)
	}
	return t, at
}()

// hasFoldASCIIPrefix reports whether s starts with the lower-case ASCII
// word, each byte of s with bit 0x20 set, as containsFoldASCII compares.
func hasFoldASCIIPrefix(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		if s[j]|0x20 != word[j] {
			return false
		}
	}
	return true
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

// appendFigures appends to dst, which a caller may hold on its stack,
// every figure in text, each with the words up to the next figure as its
// unit, and returns the extended slice.
func appendFigures(dst []figure, text string) []figure {
	return appendFiguresUnits(dst, text, true)
}

// appendFiguresUnits is appendFigures, which leaves each figure's unit
// empty unless units is set.
func appendFiguresUnits(dst []figure, text string, units bool) []figure {
	figs := dst
	var buf [8 * figureLocs]int
	locs := appendFigureLocs(buf[:0], text)
	for k := 0; k < len(locs); k += figureLocs {
		m := locs[k : k+figureLocs]
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
		if units {
			unitEnd := len(text)
			if k+figureLocs < len(locs) {
				unitEnd = locs[k+figureLocs]
			}
			if unitEnd < end {
				unitEnd = end
			}
			n.Unit = collapseFigureSpace(trimUnit(text[end:unitEnd]))
		}
		f.n = n
		figs = append(figs, f)
	}
	return figs
}

// trimUnit is strings.Trim(s, " ,;:.–—-"), whose cut set, with runes
// past ASCII, strings.Trim decodes for every rune it tests.
func trimUnit(s string) string {
	for s != "" {
		if c := s[0]; unitEdge[c] {
			s = s[1:]
		} else if c == 0xe2 && (strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—")) {
			s = s[len("–"):]
		} else {
			break
		}
	}
	for s != "" {
		if c := s[len(s)-1]; unitEdge[c] {
			s = s[:len(s)-1]
		} else if (c == 0x93 || c == 0x94) && (strings.HasSuffix(s, "–") || strings.HasSuffix(s, "—")) {
			s = s[:len(s)-len("–")]
		} else {
			break
		}
	}
	return s
}

// unitEdge marks the ASCII bytes of trimUnit's cut set.
var unitEdge = func() (t [256]bool) {
	for _, c := range []byte(" ,;:.-") {
		t[c] = true
	}
	return t
}()

// figureLocs is the number of offsets appendFigureLocs gives for one
// figure: start and end of the whole figure, then of its five parts — the
// qualifier ("c. ", "at least "), the digits, a "+", the digits of a second
// figure making a range, and its "+" — each -1, -1 when absent.
const figureLocs = 12

// appendFigureLocs appends to dst the offsets of every figure in text, in
// order, figureLocs for each, and returns the extended slice.
//
// A figure is an optional qualifier, digits (with thousands commas or
// without), an optional "+", and optionally a dash or "to" and a second
// figure with its own "+". The offsets are exactly those of the submatches
// of the regular expression
//
//	(?i)(~|≈|\bc\.\s*|\bca\.\s*|\bcirca\s+|\babout\s+|\bapprox(?:\.|imately)?\s*|
//	\baround\s+|\broughly\s+|\bsome\s+|\best\.\s*|\bat\s+least\s+|\bover\s+|
//	\bmore\s+than\s+|>\s*|≥\s*|\bat\s+most\s+|\bup\s+to\s+|\bless\s+than\s+|
//	\bfewer\s+than\s+|\bunder\s+|<\s*|≤\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\+)?
//	(?:\s*(?:[–—−-]|to\s)\s*(\d{1,3}(?:,\d{3})+|\d+)(\+)?)?
//
// (one line, no breaks) as Go's regexp finds them with
// FindAllStringSubmatchIndex, which the tests check: leftmost-first
// alternation, \s and \b over ASCII only, and case folded as (?i) folds it,
// so that "ſ" (U+017F) matches "s"; the only other letter outside ASCII that
// folds to an ASCII one, the Kelvin sign, folds to "k", which no qualifier
// holds.
func appendFigureLocs(dst []int, text string) []int {
	pos := 0
	for pos < len(text) {
		// Every figure holds a digit and no qualifier does, so the first
		// digit from pos begins the first figure's digits, and the figure
		// begins at the leftmost qualifier running up to that digit, or at
		// the digit itself.
		d := pos
		for d < len(text) && !isDigit(text[d]) {
			d++
		}
		if d == len(text) {
			break
		}
		start := d
		for p := pos; p < d; p++ {
			if qualifierEnd(text, p) == d {
				start = p
				break
			}
		}
		qs, qe := -1, -1
		if start < d {
			qs, qe = start, d
		}
		end := figureDigitsEnd(text, d)
		ds, de := d, end
		ps, pe := -1, -1
		if end < len(text) && text[end] == '+' {
			ps, pe = end, end+1
			end++
		}
		rs, re, rps, rpe := -1, -1, -1, -1
		if i := skipFigureSpace(text, end); i < len(text) {
			sep := 0
			switch c := text[i]; {
			case c == '-':
				sep = 1
			case c == 0xE2 && (strings.HasPrefix(text[i:], "–") || strings.HasPrefix(text[i:], "—") || strings.HasPrefix(text[i:], "−")):
				sep = 3
			case c|0x20 == 't' && i+2 < len(text) && text[i+1]|0x20 == 'o' && isFigureSpace(text[i+2]):
				sep = 3
			}
			if sep > 0 {
				if j := skipFigureSpace(text, i+sep); j < len(text) && isDigit(text[j]) {
					rs, re = j, figureDigitsEnd(text, j)
					end = re
					if end < len(text) && text[end] == '+' {
						rps, rpe = end, end+1
						end++
					}
				}
			}
		}
		dst = append(dst, start, end, qs, qe, ds, de, ps, pe, rs, re, rps, rpe)
		pos = end
	}
	return dst
}

// figureDigitsEnd returns the end of the digits that begin at text[i], a
// digit: up to three digits followed by groups of a comma and three digits
// if there is at least one such group, else the whole run of digits.
func figureDigitsEnd(text string, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j-i <= 3 {
		k := j
		for k+3 < len(text) && text[k] == ',' && isDigit(text[k+1]) && isDigit(text[k+2]) && isDigit(text[k+3]) {
			k += 4
		}
		return k
	}
	return j
}

// figureQualifiers holds the qualifiers that begin with a letter, by that
// letter, each in the order the alternation tries them. In a pattern, a
// space stands for \s+ and a final '*' for \s*; letters match either case.
var figureQualifiers = [26][]string{
	'a' - 'a': {"about ", "approx.*", "approximately*", "approx*", "around ", "at least ", "at most "},
	'c' - 'a': {"c.*", "ca.*", "circa "},
	'e' - 'a': {"est.*"},
	'f' - 'a': {"fewer than "},
	'l' - 'a': {"less than "},
	'm' - 'a': {"more than "},
	'o' - 'a': {"over "},
	'r' - 'a': {"roughly "},
	's' - 'a': {"some "},
	'u' - 'a': {"up to ", "under "},
}

// qualifierEnd returns where the first qualifier beginning at text[p] that
// is followed by a digit ends, or -1 if there is none.
func qualifierEnd(text string, p int) int {
	c := text[p]
	e := -1
	switch {
	case c == '~':
		e = p + 1
	case c == '>' || c == '<':
		e = skipFigureSpace(text, p+1)
	case c == 0xE2:
		switch {
		case strings.HasPrefix(text[p:], "≈"):
			e = p + len("≈")
		case strings.HasPrefix(text[p:], "≥") || strings.HasPrefix(text[p:], "≤"):
			e = skipFigureSpace(text, p+len("≥"))
		}
	case c == 0xC5:
		// "ſome": \b holds before "ſ", not a word character, only after one.
		if strings.HasPrefix(text[p:], "ſ") && p > 0 && isFigureWord(text[p-1]) {
			e = qualifierWordEnd(text, p, figureQualifiers['s'-'a'])
		}
	default:
		l := c | 0x20
		if l >= 'a' && l <= 'z' && (p == 0 || !isFigureWord(text[p-1])) {
			e = qualifierWordEnd(text, p, figureQualifiers[l-'a'])
		}
	}
	if e >= 0 && e < len(text) && isDigit(text[e]) {
		return e
	}
	return -1
}

// qualifierWordEnd returns the end of the first of pats matching at text[p]
// and followed by a digit, or -1.
func qualifierWordEnd(text string, p int, pats []string) int {
	for _, pat := range pats {
		if e := matchQualifier(text, p, pat); e >= 0 && e < len(text) && isDigit(text[e]) {
			return e
		}
	}
	return -1
}

// matchQualifier matches the pattern pat (see figureQualifiers) at text[i]
// and returns where the match ends, or -1.
func matchQualifier(text string, i int, pat string) int {
	for j := 0; j < len(pat); j++ {
		switch c := pat[j]; c {
		case ' ':
			if i >= len(text) || !isFigureSpace(text[i]) {
				return -1
			}
			i = skipFigureSpace(text, i+1)
		case '*':
			i = skipFigureSpace(text, i)
		case '.':
			if i >= len(text) || text[i] != '.' {
				return -1
			}
			i++
		case 's':
			switch {
			case i < len(text) && text[i]|0x20 == 's':
				i++
			case strings.HasPrefix(text[i:], "ſ"):
				i += len("ſ")
			default:
				return -1
			}
		default:
			if i >= len(text) || text[i]|0x20 != c {
				return -1
			}
			i++
		}
	}
	return i
}

// isFigureSpace reports whether c is white space as \s means it: ASCII tab,
// newline, form feed, carriage return or space (not vertical tab).
func isFigureSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipFigureSpace returns the index of the first byte at or after i in text
// that is not white space as \s means it.
func skipFigureSpace(text string, i int) int {
	for i < len(text) && isFigureSpace(text[i]) {
		i++
	}
	return i
}

// isFigureWord reports whether c is a word character as \b means it:
// an ASCII letter, digit or underscore.
func isFigureWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
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
	var n int64
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ',' {
			continue
		}
		if !isDigit(c) || n > (math.MaxInt64-9)/10 {
			// Signs, other bytes and figures near overflow take the
			// general path, for its exact results and errors.
			return strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		}
		n = n*10 + int64(c-'0')
		digits++
	}
	if digits == 0 {
		return strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
	}
	return n, nil
}

// collapseFigureSpace replaces every run of white space (as \s means it) in
// s with one space.
func collapseFigureSpace(s string) string {
	i := 0
	for i < len(s) {
		if c := s[i]; isFigureSpace(c) && (c != ' ' || i+1 < len(s) && isFigureSpace(s[i+1])) {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		if isFigureSpace(s[i]) {
			b = append(b, ' ')
			i = skipFigureSpace(s, i)
			continue
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
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
	// An ASCII unit, as most are, is lower-cased a word at a time on the
	// stack: its words are runs of ASCII letters.
	var buf [24]byte
	class := classOther
	for i := 0; i < len(unit); {
		c := unit[i]
		if c >= utf8.RuneSelf {
			return unitClassRunes(unit)
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(unit) && isASCIILetter(unit[j]) {
			j++
		}
		if j < len(unit) && unit[j] >= utf8.RuneSelf {
			return unitClassRunes(unit)
		}
		w := unit[i:j]
		if w[len(w)-1]|0x20 == 's' {
			w = w[:len(w)-1]
		}
		i = j
		if len(w) > len(buf) {
			continue // longer than any word of the maps
		}
		b := buf[:len(w)]
		for k := range len(w) {
			b[k] = w[k] | 0x20
		}
		if materielWords[string(b)] {
			return classMateriel
		}
		if personnelWords[string(b)] {
			class = classPersonnel
		}
	}
	return class
}

// unitClassRunes is unitClass for any unit, whose words are runs of
// letters of any script.
func unitClassRunes(unit string) int {
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
// The figures are appended to dst, which a caller may hold on its stack.
func readFigures(dst []figure, s string) (text string, figs []figure, labelled, alt bool) {
	figs = dst
	text = CleanText(s)
	text = separateGluedLabels(text)
	var clauses [8]clause // most values' clauses, without an allocation
	for _, c := range appendClauses(clauses[:0], text) {
		if c.alt {
			alt = true
		}
		for _, n := range c.notes {
			if isSourceNote(n) {
				alt = true
			}
		}
		body := trimClauseBullets(c.text)
		label := ""
		if l, rest, ok := cutLabel(body); ok {
			label, body = l, rest
		}
		isTotal := strings.EqualFold(label, "total")
		n := len(figs)
		figs = appendFigures(figs, body)
		fs := figs[n:]
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
	}
	return text, figs, labelled, alt
}

// trimClauseBullets is strings.TrimLeft(s, "*•· "), which decodes every rune it
// tests against a cut set with runes past ASCII: most texts start with
// none of them.
func trimClauseBullets(s string) string {
	if s == "" || s[0] != '*' && s[0] != ' ' && s[0] != 0xe2 && s[0] != 0xc2 {
		return s // "•" starts with the byte 0xe2, "·" with 0xc2
	}
	return strings.TrimLeft(s, "*•· ")
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
	var buf [8]figure // most values' figures, without an allocation
	text, figs, labelled, alt := readFigures(buf[:0], s)
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
	return ParseCleanCount(CleanText(s))
}

// ParseCleanCount is ParseCount of a value that CleanText cleaned into
// text, for a caller that keeps the text too and need not have the value
// cleaned twice.
func ParseCleanCount(text string) []Number {
	var out []Number
	var body, clauseText string
	eachCleanFigure(text, true, func(b string, n Number) bool {
		if b != body {
			body, clauseText = b, tidy(b)
		}
		n.Text = clauseText
		out = append(out, n)
		return true
	})
	return out
}

// CleanCountOne returns the figure of ParseCleanCount(text) when it
// gives exactly one, and whether it does: the units and texts of the
// figures, which ParseCleanCount makes, are not made, and the figures
// are not read past the second.
func CleanCountOne(text string) (int64, bool) {
	var value int64
	found := 0
	eachCleanFigure(text, false, func(_ string, n Number) bool {
		value = n.Value
		found++
		return found < 2
	})
	if found != 1 {
		return 0, false
	}
	return value, true
}

// eachCleanFigure calls yield with each sure figure of the clauses of
// text and the clause's body it is in (the clause less its bullets and
// label), its unit read when units is set, until yield returns false.
func eachCleanFigure(text string, units bool, yield func(body string, n Number) bool) {
	text = separateGluedLabels(text)
	// Most values' clauses and figures, without an allocation.
	var clauses [8]clause
	var figs [8]figure
	for _, c := range appendClauses(clauses[:0], text) {
		body := trimClauseBullets(c.text)
		if _, rest, ok := cutLabel(body); ok {
			body = rest
		}
		for _, f := range appendFiguresUnits(figs[:0], body, units) {
			if !f.unsure && !yield(body, f.n) {
				return
			}
		}
	}
}

// separateGluedLabels is reGluedLabel.ReplaceAllString(text, "$1, $2"),
// written out: the expression backtracks over every lower-case letter of
// long strength and casualty values.
//
// Every match ends with a colon, and starts where an upper-case letter
// follows a lower-case one in the run of letters and marks before the
// colon: the first such place in the run, since matches do not overlap.
// Runs of ASCII letters, most, are looked at from their colon back;
// a run next to other runes takes separateGluedLabelsRunes.
func separateGluedLabels(text string) string {
	var b []byte // nil until the first match
	done := 0    // text[:done] is in b
	for from := 0; ; {
		j := strings.IndexByte(text[from:], ':')
		if j < 0 {
			break
		}
		j += from
		from = j + 1
		k := j // text[k:j] is the run of letters before the colon
		for k > 0 && isASCIILetter(text[k-1]) {
			k--
		}
		if k > 0 && text[k-1] >= utf8.RuneSelf {
			return separateGluedLabelsRunes(text)
		}
		for i := k + 1; i < j; i++ {
			if isASCIIUpper(text[i]) && isASCIILower(text[i-1]) {
				b = append(append(b, text[done:i]...), ", "...)
				done = i
				break
			}
		}
	}
	if b == nil {
		return text
	}
	return string(append(b, text[done:]...))
}

func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isASCIILower(c byte) bool { return c >= 'a' && c <= 'z' }

// separateGluedLabelsRunes is separateGluedLabels for any text, which it
// reads rune by rune.
func separateGluedLabelsRunes(text string) string {
	if strings.IndexByte(text, ':') < 0 {
		return text // every match ends with a colon
	}
	var b []byte // nil until the first match
	done := 0    // text[:done] is in b
	prevLower := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !prevLower || !unicode.IsUpper(r) {
			prevLower = unicode.IsLower(r)
			i += n
			continue
		}
		// A lower-case letter, then r upper case: a match when letters
		// and marks run from r to a colon.
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
				break
			}
			j += n
		}
		if j == len(text) || text[j] != ':' {
			prevLower = false // r is upper case
			i += n
			continue
		}
		b = append(append(b, text[done:i]...), ", "...)
		done = i
		i = j + 1
		prevLower = false // the colon
	}
	if b == nil {
		return text
	}
	return string(append(b, text[done:]...))
}
