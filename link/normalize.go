package link

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s, removes diacritics (ŏ → o, ŭ → u, ō → o) and keeps
// only letters and digits, one space between words, so that "Yi Sun-sin"
// and "Yi Sunsin" still differ in spacing but not in case or marks.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '-' || r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			// Hyphens and apostrophes inside romanised names ("Sun-sin",
			// "Yang Manch'un") are spelling, not word breaks.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// NameKey returns the key a name is indexed and looked up by: the folded
// name without spaces, with the romanisation variants of Korean and Chinese
// names merged (McCune–Reischauer against Revised Romanization: eo/o, eu/u,
// and the voicing pairs g/k, d/t, b/p, j/ch, r/l). The key only gathers
// candidates; scoring tells an exact match from a variant.
func NameKey(s string) string {
	f := strings.ReplaceAll(Fold(s), " ", "")
	var b strings.Builder
	b.Grow(len(f))
	for i := 0; i < len(f); i++ {
		c := f[i]
		next := byte(0)
		if i+1 < len(f) {
			next = f[i+1]
		}
		switch {
		case c == 'e' && (next == 'o' || next == 'u'):
			// eo → o, eu → u
		case c == 'c' && next == 'h':
			b.WriteByte('c')
			i++
		case c == 'j':
			b.WriteByte('c')
		case c == 'g':
			b.WriteByte('k')
		case c == 'd':
			b.WriteByte('t')
		case c == 'b':
			b.WriteByte('p')
		case c == 'r':
			b.WriteByte('l')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// stripParen removes a trailing disambiguator from a Wikipedia title:
// "Siege of Pyongyang (1592)" gives "Siege of Pyongyang".
func stripParen(title string) string {
	if strings.HasSuffix(title, ")") {
		if i := strings.LastIndex(title, " ("); i > 0 {
			return title[:i]
		}
	}
	return title
}
