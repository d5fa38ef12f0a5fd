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
	// Template parameters leak through flattening as "| name = value"; the
	// value belongs to another parameter, so the whole pair goes.
	reTemplateParam = regexp.MustCompile(`\|\s*[A-Za-z][A-Za-z0-9_-]*\s*=[^|]*`)
	// Image sizes ("20px", "20x30px") come from flag icons before names.
	reImageSize = regexp.MustCompile(`(?i)(?:^|\b)(?:\d+x)?\d+px\b`)
	// An item ending in an image extension is a file name (a signature or
	// kao image); it may contain spaces, so the whole item is dropped.
	reFileItem = regexp.MustCompile(`(?i)[^,;|]*\.(?:png|jpe?g|svg|gif|tiff?|webp)\b`)
	// HTML line breaks and horizontal rules separate list items.
	reBreak = regexp.MustCompile(`(?i)<\s*br\s*/?\s*>|<\s*hr\s*/?\s*>|-{4,}`)
	// Other HTML-like tags carry no words.
	reTag = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	// Brackets left empty once their contents were removed upstream.
	reEmptyBrackets = regexp.MustCompile(`[(\[]\s*[,;:|.]*\s*[,;:|.]*\s*[)\]]`)
	// Spaces before punctuation and doubled separators are flattening residue.
	reSpaceBeforePunct = regexp.MustCompile(`\s+([,;:.!?)\]])`)
	reSpaceAfterOpen   = regexp.MustCompile(`([(\[])\s+`)
	reRepeatedSep      = regexp.MustCompile(`([,;])(\s*[,;])+`)
	reSpaces           = regexp.MustCompile(`\s+`)
	// Casualty markers glued to the end of a name: "Ding RuchangKIA". A
	// lower-case letter must precede the marker so that acronyms and names
	// written in capitals are left alone.
	reGluedFlag = regexp.MustCompile(`(\p{Ll}\p{M}*)\s*(KIA|WIA|POW|MIA)$`)
	// The same markers standing alone or in brackets after a name.
	reLooseFlag = regexp.MustCompile(`(?:^|\s+)[(\[]?(KIA|WIA|POW|MIA|k\.i\.a\.)[)\]]?$`)
	// A trailing parenthetical note such as "(naval)" or "(Liu Biao's son)".
	reTrailingNote = regexp.MustCompile(`\s*\(([^()]*)\)$`)
	// Years in brackets disambiguate names ("Battle of Sacheon (1592)") and
	// stay part of the name.
	reYearNote = regexp.MustCompile(`^\s*\d{1,4}(?:\s*[–—-]\s*\d{1,4})?\s*(?:BC|BCE|AD|CE)?\s*$`)
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
	s = stripResidue(s)
	if mayBreak(s) {
		s = reBreak.ReplaceAllString(s, ", ")
	}
	s = strings.ReplaceAll(s, "|", ", ")
	s = regexpReplaceWords(s)
	return tidy(s)
}

// The regular expressions below cost far more than the values they clean
// usually need; these guards skip each one when its residue cannot occur.

func mayBreak(s string) bool { return strings.Contains(s, "<") || strings.Contains(s, "----") }

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

// mayEmptyBrackets reports whether an opening bracket is followed by a
// closing one with nothing but white space and separators between them,
// which reEmptyBrackets needs.
func mayEmptyBrackets(s string) bool {
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

// maySpaceAfterOpen reports whether an opening bracket is followed by white
// space, which reSpaceAfterOpen needs.
func maySpaceAfterOpen(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '(' || s[i] == '[') && strings.IndexByte("\t\n\f\r ", s[i+1]) >= 0 {
			return true
		}
	}
	return false
}

func mayFlag(s string) bool {
	return strings.Contains(s, "KIA") || strings.Contains(s, "WIA") || strings.Contains(s, "POW") || strings.Contains(s, "MIA")
}

// regexpReplaceWords separates glued casualty markers inside running text.
func regexpReplaceWords(s string) string {
	if !mayFlag(s) {
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
		s = reTemplateParam.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "<") {
		s = reTag.ReplaceAllStringFunc(s, func(t string) string {
			if reBreak.MatchString(t) {
				return t
			}
			return " "
		})
	}
	if mayFileItem(s) {
		s = reFileItem.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "px") || strings.Contains(s, "PX") || strings.Contains(s, "Px") {
		s = reImageSize.ReplaceAllString(s, "")
	}
	return s
}

// tidy collapses spaces, removes empty brackets and doubled separators, and
// trims punctuation left dangling at either end.
func tidy(s string) string {
	for {
		t := s
		brackets := strings.ContainsAny(t, "([")
		if brackets && mayEmptyBrackets(t) {
			t = reEmptyBrackets.ReplaceAllString(t, "")
		}
		if strings.Contains(t, "  ") || hasOddSpace(t) {
			t = reSpaces.ReplaceAllString(t, " ")
		}
		if strings.Contains(t, " ") && strings.ContainsAny(t, ",;:.!?)]") {
			t = dropSpaceBeforePunct(t)
		}
		if brackets && maySpaceAfterOpen(t) {
			t = reSpaceAfterOpen.ReplaceAllString(t, "$1")
		}
		if strings.ContainsAny(t, ",;") {
			t = dropRepeatedSep(t)
		}
		t = strings.TrimSpace(t)
		t = strings.TrimLeft(t, ",;:|.-–— ")
		t = strings.TrimRight(t, ",;:|–— ")
		t = trimFinalPeriod(t)
		if t == s {
			return t
		}
		s = t
	}
}

// hasOddSpace is strings.ContainsAny(s, "\t\n\r\v\f\u0085\u00a0\u2028\u2029\u3000"),
// which, as its set is not ASCII, decodes and searches for every rune of
// s: here ASCII bytes cost one comparison and only other runes are decoded.
func hasOddSpace(s string) bool {
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
	if len([]rune(last)) <= 2 {
		return s
	}
	r := []rune(last)
	if !unicode.IsLower(r[len(r)-1]) {
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
	s = stripResidue(s)
	if mayBreak(s) {
		s = reBreak.ReplaceAllString(s, " ")
	}
	s = strings.ReplaceAll(s, "|", " ")
	// A heading ("Main:") labels the names after it and is no name itself;
	// tidy would trim its colon, so look first.
	if strings.HasSuffix(strings.TrimRight(s, " ,;|"), ":") {
		return "", 0, "", false
	}
	s = tidy(s)
	for changed := true; changed; {
		changed = false
		if strings.HasPrefix(s, "†") || strings.HasSuffix(s, "†") {
			s = strings.TrimSpace(strings.Trim(s, "†"))
			flags |= KIA
			changed = true
		}
		if mayFlag(s) || strings.Contains(s, "k.i.a.") {
			if m := reGluedFlag.FindStringSubmatchIndex(s); m != nil {
				flags |= flagOf(s[m[4]:m[5]])
				s = strings.TrimSpace(s[:m[4]])
				changed = true
			} else if m := reLooseFlag.FindStringSubmatchIndex(s); m != nil {
				flags |= flagOf(s[m[2]:m[3]])
				s = strings.TrimSpace(s[:m[0]])
				changed = true
			}
		}
		if strings.HasSuffix(s, ")") {
			if m := reTrailingNote.FindStringSubmatchIndex(s); m != nil && !reYearNote.MatchString(s[m[2]:m[3]]) {
				if note == "" {
					note = strings.TrimSpace(s[m[2]:m[3]])
				}
				s = strings.TrimSpace(s[:m[0]])
				changed = true
			}
		}
		s = tidy(s)
	}
	for _, p := range []string{"the ", "The "} {
		if rest, found := strings.CutPrefix(s, p); found && rest != "" {
			s = rest
		}
	}
	if !nameLike(s) {
		return "", flags, note, false
	}
	return s, flags, note, true
}

func flagOf(m string) Flags {
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

// nameLike reports whether s can be a proper name: it has a capital letter
// or a letter of a script without case (Chinese, Korean, Japanese), and it is
// not a placeholder.
func nameLike(s string) bool {
	if s == "" || notNames[strings.ToLower(s)] {
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
