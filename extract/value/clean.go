// Package value parses the values of Wikipedia infobox fields as they reach
// wikikg after flattening: dates and date ranges, strength and casualty
// figures, lists of entities, and names and texts with wiki residue (image
// sizes, file names, template parameters, casualty markers) removed.
//
// Every parser is conservative: when a value cannot be read with confidence it
// reports ok=false (or returns nothing) rather than a plausible but wrong
// result, because a wrong typed fact is worse than a missing one.
package value

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Flags marks what a name carried besides the name itself, such as the
// "KIA" that infoboxes glue to commanders killed in the battle.
type Flags uint8

// The flags CleanNameFlags recognises.
const (
	// KIA marks a person killed in action ("KIA", "†").
	KIA Flags = 1 << iota
	// WIA marks a person wounded in action.
	WIA
	// POW marks a person taken prisoner.
	POW
	// MIA marks a person missing in action.
	MIA
)

// String returns the flags as a space-separated list such as "KIA POW".
func (f Flags) String() string {
	var parts []string
	for _, x := range []struct {
		f    Flags
		name string
	}{{KIA, "KIA"}, {WIA, "WIA"}, {POW, "POW"}, {MIA, "MIA"}} {
		if f&x.f != 0 {
			parts = append(parts, x.name)
		}
	}
	return strings.Join(parts, " ")
}

var (
	// An item ending in an image extension is a file name (a signature or
	// kao image); it may contain spaces, so the whole item is dropped.
	reFileItem = regexp.MustCompile(`(?i)[^,;|]*\.(?:png|jpe?g|svg|gif|tiff?|webp)\b`)
	// HTML line breaks and horizontal rules separate list items.
	reBreak = regexp.MustCompile(`(?i)<\s*br\s*/?\s*>|<\s*hr\s*/?\s*>|-{4,}`)
	// Other HTML-like tags carry no words.
	reTag = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	// Spaces before punctuation and doubled separators are flattening residue.
	reSpaceBeforePunct = regexp.MustCompile(`\s+([,;:.!?)\]])`)
	reRepeatedSep      = regexp.MustCompile(`([,;])(\s*[,;])+`)
	// Runs of white space; number.go collapses them too.
	reSpaces = regexp.MustCompile(`\s+`)
)

// notNames are values that infoboxes use in place of a name; they must never
// become entities.
var notNames = map[string]bool{
	"?": true, "unknown": true, "none": true, "n/a": true, "na": true,
	"light": true, "heavy": true, "minimal": true, "annihilated": true,
	"various": true, "several": true, "many": true, "total": true,
	"unknown commanders": true, "other": true, "others": true,
}

// CleanText removes wiki residue from a literal value (a Result, for
// instance) while keeping all of its words: template parameters, image sizes,
// file names, HTML tags, empty brackets, stray pipes, doubled separators,
// dangling punctuation and runs of spaces. A casualty marker glued to a word
// ("RuchangKIA") is separated from it rather than dropped, since in running
// text it is information.
func CleanText(s string) string {
	// One pass finds what each step acts on: what it found of tidy's
	// work and of casualty markers holds as long as no step changes s.
	bits, found, flag := scanText(s)
	t, bits := stripResidueFrom(s, bits)
	if bits&(resLess|resDashes) != 0 { // mayBreak
		t = reBreak.ReplaceAllString(t, ", ")
		bits |= resPipe
	}
	if bits&resPipe != 0 {
		t = strings.ReplaceAll(t, "|", ", ")
	}
	if t != s {
		flag = mayFlag(t)
	}
	if flag {
		t = replaceWords(t)
	}
	if t != s {
		return tidy(t)
	}
	return tidyFrom(t, found)
}

// The regular expressions below cost far more than the values they clean
// usually need; these guards skip each one when its residue cannot occur.

// mayFileItem reports whether s has a period followed by the start of an
// image extension, which reFileItem needs. The expression's case folding
// also matches "ſ" (long s) for the "s" of "svg".
func mayFileItem(s string) bool {
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

// mayFlag reports whether s may have a casualty marker: KIA, WIA and MIA
// end in "IA".
func mayFlag(s string) bool {
	return containsByByte(s, "IA") || containsByByte(s, "POW")
}

// containsByByte is strings.Contains(s, sub) for a short sub whose first
// byte is rare in s, as a capital letter is: it searches for that byte,
// which costs less on short strings than the search for a short sub.
func containsByByte(s, sub string) bool {
	for {
		i := strings.IndexByte(s, sub[0])
		if i < 0 {
			return false
		}
		if strings.HasPrefix(s[i:], sub) {
			return true
		}
		s = s[i+1:]
	}
}

// replaceWords separates glued casualty markers inside the running text
// s, for which mayFlag holds.
func replaceWords(s string) string {
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
		if i+3 < len(s) && isASCIIWord(s[i+3]) {
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
		if b.Cap() == 0 {
			b.Grow(len(s) + 8)
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

func isASCIIWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// stripResidue removes the residue that carries no words at all.
func stripResidue(s string) string {
	s, _ = stripResidueScan(s)
	return s
}

// The bits scanResidue reports: what is in a string that the steps of
// stripResidue and the break and pipe replacements after it act on.
const (
	resSpaceMap = 1 << iota // a rune residueRune changes
	resPipe                 // "|"
	resEqual                // "="
	resLess                 // "<"
	resDot                  // "."
	resPx                   // "px", "PX" or "Px"
	resDashes               // "----"
	resInvalid              // invalid UTF-8
)

// scanResidue reports in one pass over s which of the residue stripResidue
// and mayBreak look for may be in s: the residue part of scanText, which
// values with residue, few, take the time to learn.
func scanResidue(s string) uint {
	bits, _, _ := scanText(s)
	return bits
}

// residueByte is 1 for the bytes scanText looks at for residue.
var residueByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	for _, c := range []byte("\x7f|=<.-pP") {
		t[c] = 1
	}
	for c := utf8.RuneSelf; c < 0x100; c++ {
		t[c] = 1
	}
	return t
}()

// skipPlain returns the index of the first byte of s at or after i that
// plain marks, or len(s). Most bytes of a value are letters that the
// scans pass over: four are tested at a time, with one bounds check and
// one branch.
func skipPlain(s string, i int, plain *[256]uint8) int {
	for ; len(s)-i >= 4; i += 4 {
		w := s[i : i+4]
		if plain[w[0]]|plain[w[1]]|plain[w[2]]|plain[w[3]] != 0 {
			break
		}
	}
	for i < len(s) && plain[s[i]] == 0 {
		i++
	}
	return i
}

// residueRune maps the white space stripResidue normalises to a space and
// drops controls and zero-width characters.
func residueRune(r rune) rune {
	if r == '\u00a0' || r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
		return -1
	}
	return r
}

// stripResidueScan is stripResidue that also returns scanResidue of its
// result. Each step runs only when the scan finds what it acts on, and
// the scan is redone only when a step changed the string.
func stripResidueScan(s string) (string, uint) {
	return stripResidueFrom(s, scanResidue(s))
}

// stripResidueFrom is stripResidueScan of s, of which bits is
// scanResidue's report.
func stripResidueFrom(s string, bits uint) (string, uint) {
	if bits&resInvalid != 0 {
		s = strings.ToValidUTF8(s, "")
		bits = scanResidue(s)
	}
	if bits&resSpaceMap != 0 {
		s = strings.Map(residueRune, s)
		bits = scanResidue(s)
	}
	if bits&resPipe != 0 && bits&resEqual != 0 {
		if t := dropTemplateParams(s); t != s {
			s, bits = t, scanResidue(t)
		}
	}
	if bits&resLess != 0 {
		t := reTag.ReplaceAllStringFunc(s, func(t string) string {
			if reBreak.MatchString(t) {
				return t
			}
			return " "
		})
		if t != s {
			s, bits = t, scanResidue(t)
		}
	}
	if bits&resDot != 0 && mayFileItem(s) {
		if t := reFileItem.ReplaceAllString(s, ""); t != s {
			s, bits = t, scanResidue(t)
		}
	}
	if bits&resPx != 0 {
		if t := dropImageSizes(s); t != s {
			s, bits = t, scanResidue(t)
		}
	}
	return s, bits
}

// The functions below replace regular expressions that cost far more than
// the scans that do their work. Each is exactly ReplaceAllString of the
// expression it names (white space \s is \t \n \f \r and space, not \v,
// and \b is an ASCII word boundary), and returns s itself when it has
// nothing to replace.

// cutRanges returns s without the byte ranges cut, which are in order and
// do not overlap.
func cutRanges(s string, cut [][2]int) string {
	if len(cut) == 0 {
		return s
	}
	var b strings.Builder
	n := len(s)
	for _, c := range cut {
		n -= c[1] - c[0]
	}
	b.Grow(n)
	last := 0
	for _, c := range cut {
		b.WriteString(s[last:c[0]])
		last = c[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// dropTemplateParams removes template parameters, which leak through
// flattening as "| name = value": the value belongs to another parameter,
// so the whole pair goes. It replaces `\|\s*[A-Za-z][A-Za-z0-9_-]*\s*=[^|]*`
// by "".
func dropTemplateParams(s string) string {
	var buf [4][2]int
	cut := buf[:0]
	for i := 0; i < len(s); {
		p := strings.IndexByte(s[i:], '|')
		if p < 0 {
			break
		}
		p += i
		j := skipREspace(s, p+1)
		if j == len(s) || !isASCIILetter(s[j]) {
			i = p + 1
			continue
		}
		for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '-') {
			j++
		}
		j = skipREspace(s, j)
		if j == len(s) || s[j] != '=' {
			i = p + 1
			continue
		}
		e := len(s)
		if k := strings.IndexByte(s[j+1:], '|'); k >= 0 {
			e = j + 1 + k
		}
		cut = append(cut, [2]int{p, e})
		i = e
	}
	return cutRanges(s, cut)
}

func isASCIILetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// dropImageSizes removes image sizes ("20px", "20x30px"), which come from
// flag icons before names. It replaces `(?i)(?:^|\b)(?:\d+x)?\d+px\b` by "":
// a size starts a word with a digit, and ends it.
func dropImageSizes(s string) string {
	var buf [4][2]int
	cut := buf[:0]
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && isASCIIWord(s[i-1]) {
			continue
		}
		j := i + countDigits(s[i:])
		// With a width: digits, x, digits, px.
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			if k := j + 1 + countDigits(s[j+1:]); k > j+1 && isPxEnd(s, k) {
				cut = append(cut, [2]int{i, k + 2})
				i = k + 1
				continue
			}
		}
		// Without: digits, px.
		if isPxEnd(s, j) {
			cut = append(cut, [2]int{i, j + 2})
			i = j + 1
			continue
		}
		i = j - 1 // no match can start among the digits
	}
	return cutRanges(s, cut)
}

// isPxEnd reports whether s has "px", in any case, at i and then a word
// boundary.
func isPxEnd(s string, i int) bool {
	return i+2 <= len(s) && (s[i] == 'p' || s[i] == 'P') && (s[i+1] == 'x' || s[i+1] == 'X') &&
		(i+2 == len(s) || !isASCIIWord(s[i+2]))
}

// dropEmptyBrackets removes brackets left empty once their contents were
// removed upstream. It replaces `[(\[]\s*[,;:|.]*\s*[,;:|.]*\s*[)\]]` by "":
// an opening and a closing bracket with only white space and at most two
// runs of separators between them.
func dropEmptyBrackets(s string) string {
	var buf [4][2]int
	cut := buf[:0]
	for i := 0; i < len(s); i++ {
		if s[i] != '(' && s[i] != '[' {
			continue
		}
		if j, ok := emptyBracketEnd(s, i); ok {
			cut = append(cut, [2]int{i, j + 1})
			i = j
		}
	}
	return cutRanges(s, cut)
}

// emptyBracketEnd reports whether the bracket s[i] opens an empty bracket
// as dropEmptyBrackets finds one, and where that ends: at s[j].
func emptyBracketEnd(s string, i int) (j int, ok bool) {
	runs := 0
	for j = i + 1; j < len(s); j++ {
		if isREspace(s[j]) {
			continue
		}
		if strings.IndexByte(",;:|.", s[j]) < 0 {
			break
		}
		if strings.IndexByte(",;:|.", s[j-1]) < 0 {
			runs++
		}
	}
	return j, j < len(s) && (s[j] == ')' || s[j] == ']') && runs <= 2
}

// collapseSpaces replaces `\s+` by " ".
func collapseSpaces(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; isREspace(c) && (c != ' ' || i+1 < len(s) && isREspace(s[i+1])) {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if isREspace(s[i]) {
			b.WriteByte(' ')
			i = skipREspace(s, i)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// dropSpaceAfterOpen replaces `([(\[])\s+` by "$1".
func dropSpaceAfterOpen(s string) string {
	var buf [4][2]int
	cut := buf[:0]
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '(' || s[i] == '[') && isREspace(s[i+1]) {
			j := skipREspace(s, i+1)
			cut = append(cut, [2]int{i + 1, j})
			i = j - 1
		}
	}
	return cutRanges(s, cut)
}

// tidy collapses spaces, removes empty brackets and doubled separators, and
// trims punctuation left dangling at either end.
func tidy(s string) string {
	return tidyFrom(s, tidyScan(s))
}

// tidyFrom is tidy of s, of which found is tidyScan's report.
func tidyFrom(s string, found uint) string {
	for {
		t := s
		switch found {
		case 0:
		case tidyPunctSpace:
			t = dropPunctSpaces(t)
		default:
			t = tidySpacing(t)
		}
		if t != "" && (trimEdge[t[0]] || trimEdge[t[len(t)-1]]) {
			t = strings.TrimSpace(t)
		}
		if t != "" && strings.IndexByte(",;:|.- \xe2", t[0]) >= 0 {
			// Only then can t start with one of these ("–" and "—"
			// start with the byte 0xe2).
			t = strings.TrimLeft(t, ",;:|.-–— ")
		}
		if t != "" && strings.IndexByte(",;:| \x93\x94", t[len(t)-1]) >= 0 {
			// Only then can t end with one of these ("–" and "—" end
			// with the bytes 0x93 and 0x94).
			t = strings.TrimRight(t, ",;:|–— ")
		}
		if t != "" && t[len(t)-1] == '.' {
			t = trimFinalPeriod(t)
		}
		if t == s {
			return t
		}
		s = t
		if found != 0 {
			found = tidyScan(s)
		}
		// Else t is a part of s, which tidyScan passes as it passed s:
		// it looks at no byte before the one it tests.
	}
}

// trimEdge marks the bytes strings.TrimSpace may trim at either end of a
// string: ASCII white space, and the bytes past ASCII, which may start or
// end a white space rune.
var trimEdge = func() (t [256]bool) {
	for _, c := range []byte("\t\n\v\f\r ") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

// tidySpacing removes empty brackets, collapses spaces, and drops spaces
// before punctuation, spaces after opening brackets and doubled separators.
// It does what tidySpacingPasses does, step after step, in one pass over
// t: each step only drops bytes or makes white space a space, so each can
// take the bytes the step before it gives as they come. A string with a
// vertical tab, which some steps take for white space and others not,
// takes tidySpacingPasses.
func tidySpacing(t string) string {
	if strings.IndexByte(t, '\v') >= 0 {
		return tidySpacingPasses(t)
	}
	var buf [256]byte
	b := buf[:0]
	if len(t) > len(buf) {
		b = make([]byte, 0, len(t))
	}
	var (
		// The state of collapseSpaces: the last byte given was white
		// space.
		inSpace bool
		// That of dropSpaceBeforePunct: the last byte was a space,
		// which b ends with unless dropSpaceAfterOpen dropped it, and
		// b was spaceAt bytes long before it.
		spaced  bool
		spaceAt int
		// That of dropSpaceAfterOpen: the last byte it kept opened a
		// bracket.
		afterOpen bool
		// That of dropRepeatedSep: the last byte it kept other than a
		// space was a separator, which ends b[:sepEnd].
		afterSep bool
		sepEnd   int
	)
	for i := 0; i < len(t); i++ {
		c := t[i]
		// dropEmptyBrackets.
		if c == '(' || c == '[' {
			if j, ok := emptyBracketEnd(t, i); ok {
				i = j
				continue
			}
		}
		// collapseSpaces: with no vertical tab, what it gives has no
		// white space but single spaces, and dropSpaceBeforePunct,
		// dropSpaceAfterOpen and dropRepeatedSep see those only.
		if isREspace(c) {
			if inSpace {
				continue
			}
			inSpace, c = true, ' '
		} else {
			inSpace = false
		}
		// dropSpaceBeforePunct: a space is passed on, and taken back
		// when punctuation follows; a space changes neither
		// afterOpen, nor afterSep and sepEnd.
		if c == ' ' {
			spaced, spaceAt = true, len(b)
		} else {
			if spaced && strings.IndexByte(",;:.!?)]", c) >= 0 {
				b = b[:spaceAt]
			}
			spaced = false
		}
		// dropSpaceAfterOpen.
		if afterOpen && c == ' ' {
			continue
		}
		afterOpen = c == '(' || c == '['
		// dropRepeatedSep.
		isSep := c == ',' || c == ';'
		if afterSep && isSep {
			b = b[:sepEnd]
			continue
		}
		b = append(b, c)
		if isSep {
			afterSep, sepEnd = true, len(b)
		} else if c != ' ' {
			afterSep = false
		}
	}
	if string(b) == t {
		return t
	}
	return string(b)
}

// tidySpacingPasses is tidySpacing in one pass for each of its steps.
func tidySpacingPasses(t string) string {
	// Each step returns t itself when it finds nothing to do.
	t = dropEmptyBrackets(t)
	t = collapseSpaces(t)
	if strings.Contains(t, " ") && strings.ContainsAny(t, ",;:.!?)]") {
		t = dropSpaceBeforePunct(t)
	}
	t = dropSpaceAfterOpen(t)
	if strings.ContainsAny(t, ",;") {
		t = dropRepeatedSep(t)
	}
	return t
}

// What tidyScan finds in a string for tidySpacing to do.
const (
	// tidyPunctSpace is a single space before punctuation, after a
	// byte that is no white space: flattening leaves many ("800 killed
	// , 1,000 wounded").
	tidyPunctSpace = 1 << iota
	// tidyOther is anything else tidySpacing acts on.
	tidyOther
)

// tidyScan reports, in one pass, what tidySpacing would do to s: nothing
// (0), only drop single spaces before punctuation (tidyPunctSpace), which
// dropPunctSpaces does, or more (tidyOther), at the first sign of which it
// stops. With only single spaces as white space, no empty bracket, no
// space after an opening bracket and no doubled separator, dropping the
// spaces before punctuation makes none of these.
func tidyScan(s string) (found uint) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !tidyByte[c] {
			continue
		}
		switch c {
		case ' ':
			if i+1 < len(s) && spaceBefore[s[i+1]] {
				if s[i+1] == ' ' {
					return tidyOther // a run of spaces
				}
				found |= tidyPunctSpace
			}
		case '(', '[':
			if i+1 < len(s) && s[i+1] == ' ' {
				return tidyOther // a space after the bracket
			}
			j := i + 1
			for j < len(s) && strings.IndexByte("\t\n\f\r ,;:|.", s[j]) >= 0 {
				j++
			}
			if j < len(s) && (s[j] == ')' || s[j] == ']') {
				return tidyOther // an empty bracket
			}
		case ',', ';':
			j := i + 1
			for j < len(s) && isSpaceByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == ',' || s[j] == ';') {
				return tidyOther
			}
		case 0xc2: // U+0085, U+00A0
			if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xa0) {
				return tidyOther
			}
		case 0xe2: // U+2028, U+2029
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return tidyOther
			}
		case 0xe3: // U+3000
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return tidyOther
			}
		default: // \t \n \v \f \r
			return tidyOther
		}
	}
	return found
}

// tidyByte marks the bytes tidyScan looks at.
var tidyByte = func() (t [256]bool) {
	for _, c := range []byte("\t\n\v\f\r ([,;\xc2\xe2\xe3") {
		t[c] = true
	}
	return t
}()

// scanText is scanResidue, tidyScan and mayFlag of s in one pass over it,
// for the values CleanText and CleanName clean: most have no residue,
// and what tidyScan and mayFlag found then holds for the string tidy gets.
func scanText(s string) (bits, found uint, flag bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if textByte[c] == 0 {
			continue
		}
		switch c {
		case ' ':
			if i+1 < len(s) && spaceBefore[s[i+1]] {
				if s[i+1] == ' ' {
					found |= tidyOther // a run of spaces
				} else {
					found |= tidyPunctSpace
				}
			}
		case '(', '[':
			if found&tidyOther != 0 {
				continue
			}
			if i+1 < len(s) && s[i+1] == ' ' {
				found |= tidyOther // a space after the bracket
				continue
			}
			j := i + 1
			for j < len(s) && strings.IndexByte("\t\n\f\r ,;:|.", s[j]) >= 0 {
				j++
			}
			if j < len(s) && (s[j] == ')' || s[j] == ']') {
				found |= tidyOther // an empty bracket
			}
		case ',', ';':
			if found&tidyOther != 0 {
				continue
			}
			j := i + 1
			for j < len(s) && isSpaceByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == ',' || s[j] == ';') {
				found |= tidyOther
			}
		case '|':
			bits |= resPipe
		case '=':
			bits |= resEqual
		case '<':
			bits |= resLess
		case '.':
			bits |= resDot
		case '-':
			if strings.HasPrefix(s[i:], "----") {
				bits |= resDashes
			}
		case 'p':
			if i+1 < len(s) && s[i+1] == 'x' {
				bits |= resPx
			}
		case 'P':
			if i+1 < len(s) && (s[i+1] == 'X' || s[i+1] == 'x') {
				bits |= resPx
			}
			if strings.HasPrefix(s[i:], "POW") {
				flag = true
			}
		case 'I':
			if i+1 < len(s) && s[i+1] == 'A' {
				flag = true
			}
		default:
			if c < utf8.RuneSelf { // an ASCII control
				bits |= resSpaceMap
				if isSpaceByte(c) {
					found |= tidyOther
				}
				continue
			}
			// The white space above ASCII tidyScan looks for, byte
			// by byte as it does.
			switch {
			case c == 0xc2 && i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xa0),
				c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9),
				c == 0xe3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80:
				found |= tidyOther
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				bits |= resInvalid
			case r <= '\u00a0' || r == '\u200b' || r == '\ufeff':
				bits |= resSpaceMap
			}
			i += n - 1
		}
	}
	if found&tidyOther != 0 {
		found = tidyOther
	}
	return bits, found, flag
}

// textByte is 1 for the bytes scanText looks at: those of scanResidue
// and tidyScan, and the capitals casualty markers start "IA" and "POW"
// with.
var textByte = func() (t [256]uint8) {
	t = residueByte
	for c := range tidyByte {
		if tidyByte[c] {
			t[c] = 1
		}
	}
	t['I'] = 1
	return t
}()

// dropPunctSpaces is dropSpaceBeforePunct of s, whose only white space is
// single spaces, none after another: each space before punctuation goes,
// and the runs between them are copied whole.
func dropPunctSpaces(s string) string {
	var b strings.Builder
	last := 0 // s[last:] is not yet in b
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ' ' && spaceBefore[s[i+1]] {
			if b.Cap() == 0 {
				b.Grow(len(s) - 1)
			}
			b.WriteString(s[last:i])
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// dropSpaceBeforePunct removes white space before , ; : . ! ? ) ], as
// reSpaceBeforePunct does, without the cost of a regular expression.
func dropSpaceBeforePunct(s string) string {
	// A run of spaces before a mark ends in a space right before it: when
	// there is none, s is returned as it is rather than copied.
	found := false
	for i := 1; i < len(s) && !found; i++ {
		found = isSpaceByte(s[i-1]) && strings.IndexByte(",;:.!?)]", s[i]) >= 0
	}
	if !found {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if isSpaceByte(s[i]) {
			j := i
			for j < len(s) && isSpaceByte(s[j]) {
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

// dropRepeatedSep keeps the first of a run of , and ; separated only by
// white space, as reRepeatedSep does.
func dropRepeatedSep(s string) string {
	if !hasRepeatedSep(s) {
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
			for j < len(s) && isSpaceByte(s[j]) {
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

// hasRepeatedSep reports whether s has a , or ; followed, after white
// space only, by another: whether dropRepeatedSep changes s.
func hasRepeatedSep(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != ';' {
			continue
		}
		j := i + 1
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == ',' || s[j] == ';') {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// trimFinalPeriod drops a sentence-final period ("Oda–Tokugawa victory.")
// but keeps one that ends an abbreviation or initial ("Co.", "c.", "J.").
func trimFinalPeriod(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	body := strings.TrimSuffix(s, ".")
	i := strings.LastIndexAny(body, " .")
	last := body[i+1:]
	if utf8.RuneCountInString(last) <= 2 {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(last); !unicode.IsLower(r) {
		return s
	}
	return body
}

// CleanName cleans a value that should name an entity and reports whether
// anything name-like remains. Besides the residue CleanText removes, it drops
// casualty markers (see CleanNameFlags), a trailing descriptive note in
// brackets other than a year ("Minamoto no Noriyori (naval)" gives
// "Minamoto no Noriyori", "Battle of Sacheon (1592)" stays whole), and a
// leading "the" ("the Japanese invasions of Korea (1592–1598)"). It reports
// false for placeholders ("?", "Unknown", "none", "light"), values without a
// capital letter (common nouns such as "citizens"), values without letters
// ("---", "1,000") and labels ending in a colon ("Main:").
func CleanName(s string) (string, bool) {
	name, _, ok := CleanNameFlags(s)
	return name, ok
}

// CleanNameFlags is CleanName that also returns the casualty markers found
// on the name, so that "Ding RuchangKIA" gives "Ding Ruchang" and KIA.
func CleanNameFlags(s string) (name string, flags Flags, ok bool) {
	name, flags, _, ok = cleanName(s)
	return name, flags, ok
}

// cleanName is CleanNameFlags that also returns the descriptive note removed
// from the end of the name.
func cleanName(s string) (name string, flags Flags, note string, ok bool) {
	if cleanAlready(s) {
		return s, 0, "", true
	}
	return cleanNameSteps(s)
}

// cleanNameSteps is cleanName, step after step.
func cleanNameSteps(s string) (name string, flags Flags, note string, ok bool) {
	bits, found, _ := scanText(s)
	t, bits := stripResidueFrom(s, bits)
	if bits&(resLess|resDashes) != 0 { // mayBreak
		t = reBreak.ReplaceAllString(t, " ")
		bits |= resPipe
	}
	if bits&resPipe != 0 {
		t = strings.ReplaceAll(t, "|", " ")
	}
	// A heading ("Main:") labels the names after it and is no name itself;
	// tidy would trim its colon, so look first.
	if endsWithColon(t) {
		return "", 0, "", false
	}
	if t != s {
		found = tidyScan(t)
	}
	s = tidyFrom(t, found)
	for changed := true; changed; {
		changed = false
		if strings.HasPrefix(s, "†") || strings.HasSuffix(s, "†") {
			s = strings.TrimSpace(strings.Trim(s, "†"))
			flags |= KIA
			changed = true
		}
		if m, ok := gluedFlag(s); ok {
			flags |= flagOf(s[m:])
			s = strings.TrimSpace(s[:m])
			changed = true
		} else if start, m0, m1, ok := looseFlag(s); ok {
			flags |= flagOf(s[m0:m1])
			s = strings.TrimSpace(s[:start])
			changed = true
		}
		if start, n0, n1, ok := trailingNote(s); ok && !isYearNote(s[n0:n1]) {
			if note == "" {
				note = strings.TrimSpace(s[n0:n1])
			}
			s = strings.TrimSpace(s[:start])
			changed = true
		}
		// tidy returns a string it leaves as it is, so it need not run
		// again when nothing changed.
		if changed {
			s = tidy(s)
		}
	}
	for _, p := range []string{"the ", "The "} {
		if rest, found := strings.CutPrefix(s, p); found && rest != "" {
			s = rest
		}
	}
	s = trimUnbalanced(s)
	if !nameLike(s) {
		return "", flags, note, false
	}
	return s, flags, note, true
}

// cleanAlready reports whether cleanName(s) returns s itself, name-like,
// with no flag and no note. Most names, and every name cleaned once that
// cleaning left as it was, are so; one pass over s finds that instead of
// the passes of each step of cleaning. It may report false for some names
// cleaning leaves alone: those take the steps.
func cleanAlready(s string) bool {
	if !cleanStart(s) {
		return false
	}
	depth := 0
	ascii, dot := true, false
	plain := &cleanPlain
	for i := 0; i < len(s); i++ {
		// Letters but x, the most of a name, are passed over in a
		// loop of their own; the switch sees only the other bytes.
		for i < len(s) && plain[s[i]] == 0 {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		switch cleanByte[c] {
		case cbReject:
			return false
		case cbSpace:
			// No white space run, no space before punctuation or a
			// closing bracket (an end space is an edge).
			if spaceBefore[s[i+1]] {
				return false
			}
		case cbOpen:
			// No space after an opening bracket, no bracket empty
			// but for separators.
			if i+1 < len(s) && strings.IndexByte(" ,;:|.)]", s[i+1]) >= 0 {
				return false
			}
			if c == '(' {
				depth++
			}
		case cbClose:
			if depth > 0 {
				depth--
			} else if i == len(s)-1 {
				return false // trimUnbalanced drops it
			}
		case cbSep:
			if i+1 < len(s) && (s[i+1] == ',' || s[i+1] == ';') {
				return false
			}
		case cbDot:
			dot = true
		case cbDash:
			if i+1 < len(s) && s[i+1] == '-' {
				return false // perhaps "----", a break
			}
		case cbX:
			if i > 0 && (s[i-1] == 'p' || s[i-1] == 'P') {
				return false // perhaps an image size
			}
		case cbMulti:
			ascii = false
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1, r <= '\u00a0', r == '\u200b', r == '\ufeff',
				isSpaceAboveLatin1(r):
				return false // residue, or white space stripping or tidying changes
			case r == '†' && (i == 0 || i+n == len(s)),
				(r == '–' || r == '—') && (i == 0 || i+n == len(s)):
				return false // a marker or a dash that tidying trims
			}
			i += n - 1
		}
	}
	if depth > 0 || dot && mayFileItem(s) {
		return false
	}
	return cleanEnd(s, ascii, true)
}

// cleanStart is the first test of cleanAlready: s is not empty, has
// nothing cleaning trims at either end, and does not start with "the".
func cleanStart(s string) bool {
	return s != "" && !cleanEdge[s[0]] && !cleanEdge[s[len(s)-1]] && s[len(s)-1] != '.' &&
		!strings.HasPrefix(s, "the ") && !strings.HasPrefix(s, "The ")
}

// cleanEnd is the last test of cleanAlready, of an s that cleanStart and
// cleanAlready's pass over the bytes let through: s has no marker, no
// note, and names something. ascii reports whether s is all ASCII, fold
// whether it may have a rune past ASCII that lower-cases to an ASCII
// letter (lowersToASCII).
func cleanEnd(s string, ascii, fold bool) bool {
	// A marker ends in "A" or "W", perhaps in brackets; a note ends in a
	// bracket. Other names have neither.
	switch s[len(s)-1] {
	case 'A', 'W', ')', ']':
		if _, ok := gluedFlag(s); ok {
			return false
		}
		if _, _, _, ok := looseFlag(s); ok {
			return false
		}
		if _, n0, n1, ok := trailingNote(s); ok && !isYearNote(s[n0:n1]) {
			return false
		}
	}
	if ascii {
		if isNotNameASCII(s) {
			return false
		}
	} else if fold && lowersToASCII(s) && isNotName(s) {
		return false
	}
	// isNotName(s) is false: nameLike(s) need only look for a letter
	// that can start a name, which most names start with.
	return 'A' <= s[0] && s[0] <= 'Z' || hasNameLetter(s)
}

// lowersToASCII reports whether s, which has a rune past ASCII, may be
// all ASCII once lower-cased, as a key of notNames is: of the runes past
// ASCII, only "İ" and the Kelvin sign "K" lower-case to ASCII letters.
func lowersToASCII(s string) bool {
	return strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a")
}

// isSpaceAboveLatin1 is unicode.IsSpace(r) for r above U+00FF, without the
// table search: the white space of Unicode there is a short list.
func isSpaceAboveLatin1(r rune) bool {
	switch {
	case r < '\u1680':
		return false // most runes of names: Latin letters and marks
	case r <= '\u200a':
		return r == '\u1680' || r >= '\u2000'
	}
	return r == '\u2028' || r == '\u2029' || r == '\u202f' || r == '\u205f' || r == '\u3000'
}

// isNotNameASCII is isNotName for an ASCII s: the keys of its length are
// compared with it, ignoring case.
func isNotNameASCII(s string) bool {
	if len(s) >= len(notNamesByLen) {
		return false
	}
	for _, k := range notNamesByLen[len(s)] {
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != k[i] {
				break
			}
		}
		if i == len(s) {
			return true
		}
	}
	return false
}

// notNamesByLen lists notNames by their length.
var notNamesByLen = func() [][]string {
	t := make([][]string, maxNotName+1)
	for k := range notNames {
		t[len(k)] = append(t[len(k)], k)
	}
	return t
}()

// The byte classes of cleanAlready.
const (
	cbUpper = 1 + iota
	cbReject
	cbSpace
	cbOpen
	cbClose
	cbSep
	cbDot
	cbDash
	cbX
	cbMulti
)

// cleanByte gives the bytes cleanAlready looks at their class.
var cleanByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = cbReject
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cbUpper
	}
	for _, c := range []byte("\x7f|<") {
		t[c] = cbReject
	}
	t[' '] = cbSpace
	t['('], t['['] = cbOpen, cbOpen
	t[')'] = cbClose
	t[','], t[';'] = cbSep, cbSep
	t['.'] = cbDot
	t['-'] = cbDash
	t['x'], t['X'] = cbX, cbX
	for c := utf8.RuneSelf; c < 0x100; c++ {
		t[c] = cbMulti
	}
	return t
}()

// cleanPlain is 0 for the bytes cleanAlready passes over: those of class
// 0 and the upper-case letters but X, which it need not count, as most
// names start with one.
var cleanPlain = func() (t [256]uint8) {
	for c := range t {
		if k := cleanByte[c]; k != 0 && k != cbUpper {
			t[c] = 1
		}
	}
	return t
}()

// spaceBefore marks the bytes that may not follow a space in a name that
// cleaning leaves as it is.
var spaceBefore = func() (t [256]bool) {
	for _, c := range []byte(" ,;:.!?)]") {
		t[c] = true
	}
	return t
}()

// cleanEdge marks the bytes that cleaning trims or rejects at either end
// of a name: white space, separators, a heading's colon, dashes.
var cleanEdge = func() (t [256]bool) {
	for _, c := range []byte("\t\n\v\f\r ,;:|.-") {
		t[c] = true
	}
	return t
}()

// trimUnbalanced drops what a bracket cut in two leaves in a name: an
// unmatched ")" at its end ("Japan)"), an unclosed "(" at its start
// ("(Japan"), and an unclosed "(" elsewhere with all that follows it
// ("Japan (now"). Balanced brackets stay: "Fujiwara no (Kajūji) Haruko".
func trimUnbalanced(s string) string {
	for strings.ContainsAny(s, "()") {
		var stack [8]int
		open := stack[:0]
		shutAtEnd := false
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '(':
				open = append(open, i)
			case ')':
				if len(open) > 0 {
					open = open[:len(open)-1]
				} else if i == len(s)-1 {
					shutAtEnd = true
				}
			}
		}
		switch {
		case shutAtEnd:
			s = strings.TrimSpace(s[:len(s)-1])
		case len(open) > 0 && open[0] == 0:
			s = strings.TrimSpace(s[1:])
		case len(open) > 0:
			s = strings.TrimSpace(s[:open[0]])
		default:
			return s
		}
	}
	return s
}

// endsWithColon is strings.HasSuffix(strings.TrimRight(s, " ,;|"), ":").
func endsWithColon(s string) bool {
	i := len(s) - 1
	for i >= 0 && (s[i] == ' ' || s[i] == ',' || s[i] == ';' || s[i] == '|') {
		i--
	}
	return i >= 0 && s[i] == ':'
}

// isREspace reports whether c is white space for \s in a regular
// expression: \t \n \f \r or a space (not \v).
func isREspace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isFlagMarker reports whether m is one of the three-letter casualty
// markers.
func isFlagMarker(m string) bool {
	switch m {
	case "KIA", "WIA", "POW", "MIA":
		return true
	}
	return false
}

// gluedFlag finds a casualty marker glued to the end of a name: "Ding
// RuchangKIA". A lower-case letter must precede the marker so that acronyms
// and names written in capitals are left alone. It returns where the marker
// starts, as the regular expression `(\p{Ll}\p{M}*)\s*(KIA|WIA|POW|MIA)$`
// would find it: after a lower-case letter, any marks and white space.
func gluedFlag(s string) (marker int, ok bool) {
	e := len(s) - 3
	if e < 0 || !isFlagMarker(s[e:]) {
		return 0, false
	}
	j := e
	for j > 0 && isREspace(s[j-1]) {
		j--
	}
	r, n := utf8.DecodeLastRuneInString(s[:j])
	for n > 0 && unicode.Is(unicode.M, r) {
		j -= n
		r, n = utf8.DecodeLastRuneInString(s[:j])
	}
	if n == 0 || !unicode.Is(unicode.Ll, r) {
		return 0, false
	}
	return e, true
}

// looseFlag finds a casualty marker standing alone or in brackets after a
// name, as `(?:^|\s+)[(\[]?(KIA|WIA|POW|MIA|k\.i\.a\.)[)\]]?$` would: it
// returns the start of the match and the bounds of the marker. The marker,
// in brackets or not, ends s and starts it or follows white space, where
// the match starts.
func looseFlag(s string) (start, m0, m1 int, ok bool) {
	m1 = len(s)
	if m1 > 0 && (s[m1-1] == ')' || s[m1-1] == ']') {
		m1--
	}
	switch {
	case m1 >= 3 && isFlagMarker(s[m1-3:m1]):
		m0 = m1 - 3
	case m1 >= 6 && s[m1-6:m1] == "k.i.a.":
		m0 = m1 - 6
	default:
		return 0, 0, 0, false
	}
	start = m0
	if start > 0 && (s[start-1] == '(' || s[start-1] == '[') {
		start--
	}
	if start == 0 {
		return 0, m0, m1, true
	}
	j := start
	for j > 0 && isREspace(s[j-1]) {
		j--
	}
	if j == start {
		return 0, 0, 0, false
	}
	return j, m0, m1, true
}

// trailingNote finds a trailing parenthetical note such as "(naval)" or
// "(Liu Biao's son)", as `\s*\(([^()]*)\)$` would: it returns the start of
// the match (white space before the bracket) and the bounds of the note.
func trailingNote(s string) (start, n0, n1 int, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return 0, 0, 0, false
	}
	n1 = len(s) - 1
	k := strings.LastIndexAny(s[:n1], "()")
	if k < 0 || s[k] != '(' {
		return 0, 0, 0, false
	}
	start = k
	for start > 0 && isREspace(s[start-1]) {
		start--
	}
	return start, k + 1, n1, true
}

// isYearNote reports whether s is a year note: years in brackets
// disambiguate names ("Battle of Sacheon (1592)") and stay part of the name.
// It is `^\s*\d{1,4}(?:\s*[–—-]\s*\d{1,4})?\s*(?:BC|BCE|AD|CE)?\s*$`
// matching s: a year or a range of years of up to four digits, an era, and
// white space around.
func isYearNote(s string) bool {
	i := skipREspace(s, 0)
	n := countDigits(s[i:])
	if n < 1 || n > 4 {
		return false
	}
	i += n
	j := skipREspace(s, i)
	dash := 0
	switch {
	case strings.HasPrefix(s[j:], "-"):
		dash = 1
	case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
		dash = len("–")
	}
	if dash > 0 {
		j = skipREspace(s, j+dash)
		n := countDigits(s[j:])
		if n < 1 || n > 4 {
			return false
		}
		i = j + n
	}
	i = skipREspace(s, i)
	for _, era := range [...]string{"BCE", "BC", "AD", "CE"} {
		if strings.HasPrefix(s[i:], era) {
			i += len(era)
			break
		}
	}
	return skipREspace(s, i) == len(s)
}

func skipREspace(s string, i int) int {
	for i < len(s) && isREspace(s[i]) {
		i++
	}
	return i
}

// countDigits returns the number of ASCII digits s starts with.
func countDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func flagOf(m string) Flags {
	switch m {
	case "KIA", "k.i.a.":
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

// nameLike reports whether s can be a proper name: it has a capital letter
// or a letter of a script without case (Chinese, Korean, Japanese), and it is
// not a placeholder.
func nameLike(s string) bool {
	return s != "" && !isNotName(s) && hasNameLetter(s)
}

// hasNameLetter reports whether s has a capital letter or a letter of a
// script without case, as nameLike requires.
func hasNameLetter(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
		if unicode.IsLetter(r) && !unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// maxNotName is the length of the longest of notNames.
var maxNotName = func() int {
	n := 0
	for k := range notNames {
		n = max(n, len(k))
	}
	return n
}()

// notNameLen marks the lengths of notNames.
var notNameLen = func() []bool {
	t := make([]bool, maxNotName+1)
	for k := range notNames {
		t[len(k)] = true
	}
	return t
}()

// notNameStart marks the first bytes of notNames.
var notNameStart = func() (t [utf8.RuneSelf]bool) {
	for k := range notNames {
		if k[0] < utf8.RuneSelf {
			t[k[0]] = true
		}
	}
	return t
}()

// isNotName is notNames[strings.ToLower(s)] without building the lower-case
// string: it is built on the stack, and only as long as it can be a key.
func isNotName(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		c := s[0]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !notNameStart[c] {
			return false // no key starts with its lower case
		}
	}
	var buf [32]byte
	b, ok := appendLower(buf[:0], s, maxNotName)
	return ok && notNameLen[len(b)] && notNames[string(b)]
}

// appendLower appends strings.ToLower(s) to b, runs of ASCII at a time.
// It stops, reporting false, when it would append more than limit bytes; a
// negative limit means none.
func appendLower(b []byte, s string, limit int) ([]byte, bool) {
	start := len(b)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if limit >= 0 && len(b)-start+j-i > limit {
				return b, false
			}
			k := len(b)
			b = append(b, s[i:j]...)
			for ; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 'a' - 'A'
				}
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
		if limit >= 0 && len(b)-start > limit {
			return b, false
		}
	}
	return b, true
}
