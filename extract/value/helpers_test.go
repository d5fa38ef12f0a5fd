package value

import (
	"strings"
	"unicode/utf8"
)

// The helpers below are the plain forms that the tests compare the
// package's faster code with.

// tidyClean reports, in one pass, that tidySpacing would return s as it is:
// that s has no white space but single spaces, no space before
// punctuation or after an opening bracket, no bracket empty but for
// separators and no doubled separator.
func tidyClean(s string) bool { return tidyScan(s) == 0 }

// splitClauses splits s at top-level commas, semicolons, pipes, "or" and
// "plus", collecting bracketed text as notes.
func splitClauses(s string) []clause { return appendClauses(nil, s) }

// scanFigures finds every figure in text, each with the words up to the next
// figure as its unit.
func scanFigures(text string) []figure { return appendFigures(nil, text) }

// oracleScanResidue is the residue part of scanText in a scan of its own,
// as scanResidue was before it took scanText's: the test compares them.
func oracleScanResidue(s string) (bits uint) {
	for i := 0; i < len(s); i++ {
		if residueByte[s[i]] == 0 {
			continue
		}
		switch c := s[i]; c {
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
		default:
			if c < utf8.RuneSelf { // an ASCII control
				bits |= resSpaceMap
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				bits |= resInvalid
			case r <= '\u00a0' || r == '\u200b' || r == '\ufeff':
				// U+0080–U+009F are controls, U+00A0 is a no-break space.
				bits |= resSpaceMap
			}
			i += n - 1
		}
	}
	return bits
}

// eachConcat calls f on every concatenation of up to n of pieces, the
// empty string first, each piece any number of times: the strings of a
// few pieces on which a test compares fast code with its oracle.
func eachConcat(pieces []string, n int, f func(string)) {
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		f(prefix)
		if n > 0 {
			for _, p := range pieces {
				gen(prefix+p, n-1)
			}
		}
	}
	gen("", n)
}
