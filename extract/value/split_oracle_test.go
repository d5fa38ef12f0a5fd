package value

// This file is a frozen copy of the list and name cleaning code as it was
// before its speed-up (prefixed "oracle"), so that FuzzSplitOracle can check
// that the fast versions give exactly the same results.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// Template parameters leak through flattening as "| name = value"; the
	// value belongs to another parameter, so the whole pair goes.
	oracleReTemplateParam = regexp.MustCompile(`\|\s*[A-Za-z][A-Za-z0-9_-]*\s*=[^|]*`)
	// Image sizes ("20px", "20x30px") come from flag icons before names.
	oracleReImageSize = regexp.MustCompile(`(?i)(?:^|\b)(?:\d+x)?\d+px\b`)
	// An item ending in an image extension is a file name (a signature or
	// kao image); it may contain spaces, so the whole item is dropped.
	oracleReFileItem = regexp.MustCompile(`(?i)[^,;|]*\.(?:png|jpe?g|svg|gif|tiff?|webp)\b`)
	// HTML line breaks and horizontal rules separate list items.
	oracleReBreak = regexp.MustCompile(`(?i)<\s*br\s*/?\s*>|<\s*hr\s*/?\s*>|-{4,}`)
	// Other HTML-like tags carry no words.
	oracleReTag = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	// Brackets left empty once their contents were removed upstream.
	oracleReEmptyBrackets = regexp.MustCompile(`[(\[]\s*[,;:|.]*\s*[,;:|.]*\s*[)\]]`)
	// Spaces before punctuation and doubled separators are flattening residue.
	oracleReSpaceBeforePunct = regexp.MustCompile(`\s+([,;:.!?)\]])`)
	oracleReSpaceAfterOpen   = regexp.MustCompile(`([(\[])\s+`)
	oracleReRepeatedSep      = regexp.MustCompile(`([,;])(\s*[,;])+`)
	oracleReSpaces           = regexp.MustCompile(`\s+`)
	// Casualty markers glued to the end of a name: "Ding RuchangKIA". A
	// lower-case letter must precede the marker so that acronyms and names
	// written in capitals are left alone.
	oracleReGluedFlag = regexp.MustCompile(`(\p{Ll}\p{M}*)\s*(KIA|WIA|POW|MIA)$`)
	// The same markers standing alone or in brackets after a name.
	oracleReLooseFlag = regexp.MustCompile(`(?:^|\s+)[(\[]?(KIA|WIA|POW|MIA|k\.i\.a\.)[)\]]?$`)
	// A trailing parenthetical note such as "(naval)" or "(Liu Biao's son)".
	oracleReTrailingNote = regexp.MustCompile(`\s*\(([^()]*)\)$`)
	// Years in brackets disambiguate names ("Battle of Sacheon (1592)") and
	// stay part of the name.
	oracleReYearNote = regexp.MustCompile(`^\s*\d{1,4}(?:\s*[–—-]\s*\d{1,4})?\s*(?:BC|BCE|AD|CE)?\s*$`)
)

// oracleNotNames are values that infoboxes use in place of a name; they must never
// become entities.
var oracleNotNames = map[string]bool{
	"?": true, "unknown": true, "none": true, "n/a": true, "na": true,
	"light": true, "heavy": true, "minimal": true, "annihilated": true,
	"various": true, "several": true, "many": true, "total": true,
	"unknown commanders": true, "other": true, "others": true,
}

// oracleCleanText removes wiki residue from a literal value (a Result, for
// instance) while keeping all of its words: template parameters, image sizes,
// file names, HTML tags, empty brackets, stray pipes, doubled separators,
// dangling punctuation and runs of spaces. A casualty marker glued to a word
// ("RuchangKIA") is separated from it rather than dropped, since in running
// text it is information.
func oracleCleanText(s string) string {
	s = oracleStripResidue(s)
	if oracleMayBreak(s) {
		s = oracleReBreak.ReplaceAllString(s, ", ")
	}
	s = strings.ReplaceAll(s, "|", ", ")
	s = oracleRegexpReplaceWords(s)
	return oracleTidy(s)
}

// The regular expressions below cost far more than the values they clean
// usually need; these guards skip each one when its residue cannot occur.

func oracleMayBreak(s string) bool { return strings.Contains(s, "<") || strings.Contains(s, "----") }

// oracleMayFileItem reports whether s has a period followed by the start of an
// image extension, which oracleReFileItem needs. The expression's case folding
// also matches "ſ" (long s) for the "s" of "svg".
func oracleMayFileItem(s string) bool {
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return false
		}
		if strings.HasPrefix(s[i+1:], "ſ") {
			return true
		}
		if i+4 > len(s) {
			return false
		}
		var ext [3]byte
		for k := range ext {
			c := s[i+1+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			ext[k] = c
		}
		switch string(ext[:]) {
		case "png", "jpg", "jpe", "svg", "gif", "tif", "web":
			return true
		}
		s = s[i+1:]
	}
}

// oracleMayEmptyBrackets reports whether an opening bracket is followed by a
// closing one with nothing but white space and separators between them,
// which oracleReEmptyBrackets needs.
func oracleMayEmptyBrackets(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' && s[i] != '[' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("\t\n\f\r ,;:|.", s[j]) >= 0 {
			j++
		}
		if j < len(s) && (s[j] == ')' || s[j] == ']') {
			return true
		}
	}
	return false
}

// oracleMaySpaceAfterOpen reports whether an opening bracket is followed by white
// space, which oracleReSpaceAfterOpen needs.
func oracleMaySpaceAfterOpen(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '(' || s[i] == '[') && strings.IndexByte("\t\n\f\r ", s[i+1]) >= 0 {
			return true
		}
	}
	return false
}

func oracleMayFlag(s string) bool {
	return strings.Contains(s, "KIA") || strings.Contains(s, "WIA") || strings.Contains(s, "POW") || strings.Contains(s, "MIA")
}

// oracleRegexpReplaceWords separates glued casualty markers inside running text.
func oracleRegexpReplaceWords(s string) string {
	if !oracleMayFlag(s) {
		return s
	}
	// What replacing `(\p{Ll}\p{M}*)(KIA|WIA|POW|MIA)\b` by "$1 $2" does,
	// by a scan rather than a regular expression: a
	// marker preceded by a lower-case letter (and any marks) and followed
	// by an ASCII word boundary gets a space before it.
	var b strings.Builder
	last := 0
	for i := 0; i+3 <= len(s); i++ {
		switch s[i : i+3] {
		case "KIA", "WIA", "POW", "MIA":
		default:
			continue
		}
		if i+3 < len(s) && oracleIsASCIIWord(s[i+3]) {
			continue
		}
		j := i
		r, n := utf8.DecodeLastRuneInString(s[:j])
		for n > 0 && unicode.Is(unicode.M, r) {
			j -= n
			r, n = utf8.DecodeLastRuneInString(s[:j])
		}
		if n == 0 || !unicode.Is(unicode.Ll, r) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteByte(' ')
		last = i
		i += 2
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func oracleIsASCIIWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// oracleStripResidue removes the residue that carries no words at all.
func oracleStripResidue(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	if strings.Contains(s, "|") && strings.Contains(s, "=") {
		s = oracleReTemplateParam.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "<") {
		s = oracleReTag.ReplaceAllStringFunc(s, func(t string) string {
			if oracleReBreak.MatchString(t) {
				return t
			}
			return " "
		})
	}
	if oracleMayFileItem(s) {
		s = oracleReFileItem.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "px") || strings.Contains(s, "PX") || strings.Contains(s, "Px") {
		s = oracleReImageSize.ReplaceAllString(s, "")
	}
	return s
}

// oracleTidy collapses spaces, removes empty brackets and doubled separators, and
// trims punctuation left dangling at either end.
func oracleTidy(s string) string {
	for {
		t := oracleTidySpacing(s)
		t = strings.TrimSpace(t)
		t = strings.TrimLeft(t, ",;:|.-–— ")
		t = strings.TrimRight(t, ",;:|–— ")
		t = oracleTrimFinalPeriod(t)
		if t == s {
			return t
		}
		s = t
	}
}

// oracleHasOddSpace is strings.ContainsAny(s, "\t\n\r\v\f\u0085\u00a0\u2028\u2029\u3000"),
// which, as its set is not ASCII, decodes and searches for every rune of
// s: here ASCII bytes cost one comparison and only other runes are decoded.
func oracleHasOddSpace(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= '\t' && c <= '\r' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u0085', '\u00a0', '\u2028', '\u2029', '\u3000':
			return true
		}
		i += n
	}
	return false
}

// oracleDropSpaceBeforePunct removes white space before , ; : . ! ? ) ], as
// oracleReSpaceBeforePunct does, without the cost of a regular expression.
func oracleDropSpaceBeforePunct(s string) string {
	// A run of spaces before a mark ends in a space right before it: when
	// there is none, s is returned as it is rather than copied.
	found := false
	for i := 1; i < len(s) && !found; i++ {
		found = oracleIsSpaceByte(s[i-1]) && strings.IndexByte(",;:.!?)]", s[i]) >= 0
	}
	if !found {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if oracleIsSpaceByte(s[i]) {
			j := i
			for j < len(s) && oracleIsSpaceByte(s[j]) {
				j++
			}
			if j < len(s) && strings.IndexByte(",;:.!?)]", s[j]) >= 0 {
				i = j
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// oracleDropRepeatedSep keeps the first of a run of , and ; separated only by
// white space, as oracleReRepeatedSep does.
func oracleDropRepeatedSep(s string) string {
	if !oracleHasRepeatedSep(s) {
		return s // nothing to drop: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		b.WriteByte(c)
		i++
		if c != ',' && c != ';' {
			continue
		}
		for {
			j := i
			for j < len(s) && oracleIsSpaceByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == ',' || s[j] == ';') {
				i = j + 1
				continue
			}
			break
		}
	}
	return b.String()
}

// oracleHasRepeatedSep reports whether s has a , or ; followed, after white
// space only, by another: whether oracleDropRepeatedSep changes s.
func oracleHasRepeatedSep(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != ';' {
			continue
		}
		j := i + 1
		for j < len(s) && oracleIsSpaceByte(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == ',' || s[j] == ';') {
			return true
		}
	}
	return false
}

func oracleIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// oracleTrimFinalPeriod drops a sentence-final period ("Oda–Tokugawa victory.")
// but keeps one that ends an abbreviation or initial ("Co.", "c.", "J.").
func oracleTrimFinalPeriod(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	body := strings.TrimSuffix(s, ".")
	i := strings.LastIndexAny(body, " .")
	last := body[i+1:]
	if len([]rune(last)) <= 2 {
		return s
	}
	r := []rune(last)
	if !unicode.IsLower(r[len(r)-1]) {
		return s
	}
	return body
}

// oracleCleanName cleans a value that should name an entity and reports whether
// anything name-like remains. Besides the residue oracleCleanText removes, it drops
// casualty markers (see oracleCleanNameFlags), a trailing descriptive note in
// brackets other than a year ("Minamoto no Noriyori (naval)" gives
// "Minamoto no Noriyori", "Battle of Sacheon (1592)" stays whole), and a
// leading "the" ("the Japanese invasions of Korea (1592–1598)"). It reports
// false for placeholders ("?", "Unknown", "none", "light"), values without a
// capital letter (common nouns such as "citizens"), values without letters
// ("---", "1,000") and labels ending in a colon ("Main:").
func oracleCleanName(s string) (string, bool) {
	name, _, ok := oracleCleanNameFlags(s)
	return name, ok
}

// oracleCleanNameFlags is oracleCleanName that also returns the casualty markers found
// on the name, so that "Ding RuchangKIA" gives "Ding Ruchang" and KIA.
func oracleCleanNameFlags(s string) (name string, flags Flags, ok bool) {
	name, flags, _, ok = oracleCleanNameNote(s)
	return name, flags, ok
}

// oracleCleanName is oracleCleanNameFlags that also returns the descriptive note removed
// from the end of the name.
func oracleCleanNameNote(s string) (name string, flags Flags, note string, ok bool) {
	s = oracleStripResidue(s)
	if oracleMayBreak(s) {
		s = oracleReBreak.ReplaceAllString(s, " ")
	}
	s = strings.ReplaceAll(s, "|", " ")
	// A heading ("Main:") labels the names after it and is no name itself;
	// oracleTidy would trim its colon, so look first.
	if strings.HasSuffix(strings.TrimRight(s, " ,;|"), ":") {
		return "", 0, "", false
	}
	s = oracleTidy(s)
	for changed := true; changed; {
		changed = false
		if strings.HasPrefix(s, "†") || strings.HasSuffix(s, "†") {
			s = strings.TrimSpace(strings.Trim(s, "†"))
			flags |= KIA
			changed = true
		}
		if oracleMayFlag(s) || strings.Contains(s, "k.i.a.") {
			if m := oracleReGluedFlag.FindStringSubmatchIndex(s); m != nil {
				flags |= oracleFlagOf(s[m[4]:m[5]])
				s = strings.TrimSpace(s[:m[4]])
				changed = true
			} else if m := oracleReLooseFlag.FindStringSubmatchIndex(s); m != nil {
				flags |= oracleFlagOf(s[m[2]:m[3]])
				s = strings.TrimSpace(s[:m[0]])
				changed = true
			}
		}
		if strings.HasSuffix(s, ")") {
			if m := oracleReTrailingNote.FindStringSubmatchIndex(s); m != nil && !oracleReYearNote.MatchString(s[m[2]:m[3]]) {
				if note == "" {
					note = strings.TrimSpace(s[m[2]:m[3]])
				}
				s = strings.TrimSpace(s[:m[0]])
				changed = true
			}
		}
		s = oracleTidy(s)
	}
	for _, p := range []string{"the ", "The "} {
		if rest, found := strings.CutPrefix(s, p); found && rest != "" {
			s = rest
		}
	}
	s = trimUnbalanced(s) // tested on its own by TestTrimUnbalanced
	if !oracleNameLike(s) {
		return "", flags, note, false
	}
	return s, flags, note, true
}

func oracleFlagOf(m string) Flags {
	switch strings.ToUpper(m) {
	case "KIA", "K.I.A.":
		return KIA
	case "WIA":
		return WIA
	case "POW":
		return POW
	case "MIA":
		return MIA
	}
	return 0
}

// oracleNameLike reports whether s can be a proper name: it has a capital letter
// or a letter of a script without case (Chinese, Korean, Japanese), and it is
// not a placeholder.
func oracleNameLike(s string) bool {
	if s == "" || oracleNotNames[strings.ToLower(s)] {
		return false
	}
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
		if unicode.IsLetter(r) && !unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// oracleSplitEntities splits a list value into the entities it names. Items are
// separated by commas, semicolons, pipes, " and ", line breaks, horizontal
// rules and bullet stars; separators inside brackets do not split. Each item
// is cleaned with oracleCleanName and dropped when nothing name-like remains. A
// heading ending in a colon ("Main:", "Joseon dynasty:") is never an item: it
// becomes the Group of the items after it.
func oracleSplitEntities(s string) []Item {
	return oracleSplitEntitiesGrouped(s, nil)
}

// oracleSplitEntitiesGrouped is oracleSplitEntities for lists whose items are grouped
// under names the caller knows, typically commanders listed under their
// belligerents ("Ming , Li Rusong , … , Joseon , Yi Il" with groups from the
// Combatant fields). An item that matches one of groups starts that group and
// is not itself returned; the items after it carry the group's name as the
// caller spelled it. A group matches when the names are equal ignoring case,
// or equal once generic words ("dynasty", "clan", "Kingdom of", …) are
// removed from both, so "Ming" matches "Ming dynasty".
func oracleSplitEntitiesGrouped(s string, groups []string) []Item {
	s = oracleStripResidue(s)
	if oracleMayBreak(s) {
		s = oracleReBreak.ReplaceAllString(s, "|")
	}
	// A piece is a list part, or a group label when label is set.
	type piece struct {
		part, label string
	}
	var pieces []piece
	for _, part := range oracleSplitTopLevel(s) {
		part = strings.TrimSpace(part)
		part = strings.TrimLeft(part, "*•·#- ")
		if part == "" {
			continue
		}
		// "Label: name" or a bare "Label:" heading.
		if label, rest, found := oracleCutLabel(part); found {
			if l := oracleTidy(label); l != "" {
				pieces = append(pieces, piece{label: l})
			}
			part = strings.TrimSpace(rest)
			if part == "" {
				continue
			}
		}
		pieces = append(pieces, piece{part: part})
	}
	// Known group names act as labels only in a list that starts with one
	// ("Ming , Li Rusong , Joseon , Yi Il"); in "Zhou Yu, Cheng Pu, Liu Bei"
	// a commander who shares a belligerent's name is a commander, and so
	// is the only name of a list.
	grouped := len(pieces) > 1 && pieces[0].label == ""
	if grouped {
		_, grouped = oracleMatchGroup(pieces[0].part, groups)
	}
	var items []Item
	group := ""
	for _, pc := range pieces {
		if pc.label != "" {
			group = pc.label
			continue
		}
		if grouped {
			if g, found := oracleMatchGroup(pc.part, groups); found {
				group = g
				continue
			}
		}
		name, flags, note, ok := oracleCleanNameNote(pc.part)
		if !ok {
			continue
		}
		items = append(items, Item{Name: name, Group: group, Flags: flags, Note: note})
	}
	return items
}

// oracleSplitTopLevel splits s at list separators that are outside brackets.
func oracleSplitTopLevel(s string) []string {
	var parts []string
	depth := 0
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';', '|', '\n':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[start:i])
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	return append(parts, s[start:])
}

// oracleCutLabel splits "Label: rest" or "Label:" where the label is a short
// heading (not a time like "10:30" and not inside brackets).
func oracleCutLabel(s string) (label, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(s[:i])
	if label == "" || strings.ContainsAny(label, "()[]") || len(strings.Fields(label)) > 5 {
		return "", "", false
	}
	if r := []rune(label); unicode.IsDigit(r[len(r)-1]) {
		return "", "", false
	}
	return label, s[i+1:], true
}

// oracleGenericGroupWords are words that vary between spellings of the same state
// or force ("Ming" and "Ming dynasty", "Joseon" and "Kingdom of Joseon").
var oracleGenericGroupWords = map[string]bool{
	"dynasty": true, "clan": true, "kingdom": true, "empire": true, "of": true,
	"the": true, "navy": true, "army": true, "forces": true, "force": true,
	"government": true, "state": true, "republic": true,
}

// oracleGroupCore returns the lower-cased words of s without generic words.
func oracleGroupCore(s string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !oracleGenericGroupWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// oracleMatchGroup reports whether the list item part names one of groups.
func oracleMatchGroup(part string, groups []string) (string, bool) {
	if len(groups) == 0 {
		return "", false
	}
	name, ok := oracleCleanName(part)
	if !ok {
		return "", false
	}
	for _, g := range groups {
		if strings.EqualFold(name, g) {
			return g, true
		}
	}
	core := oracleGroupCore(name)
	if core == "" {
		return "", false
	}
	for _, g := range groups {
		if gc := oracleGroupCore(g); gc != "" && gc == core {
			return g, true
		}
	}
	return "", false
}
