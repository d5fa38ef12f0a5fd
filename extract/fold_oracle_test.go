package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The functions below are the tokenizer and folding as they were before
// FoldName stopped building token slices: an oracle for FuzzFoldOracle.

func oracleTokenize(s string, toks []token) []token {
	i := 0
	for i < len(s) {
		r, n := rune(s[i]), 1 // ASCII, most of prose, without a call
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{start: i, end: i + n, punct: r})
			i += n
			continue
		}
		start := i
		poss := false
		end := i
		for j := i; j < len(s); {
			r, n := rune(s[j]), 1 // ASCII, most of prose, without a call
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r) {
				j += n
				end = j
				continue
			}
			if isJoiner(r) && j+n < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j+n:])
				if !isWordRune(r2) {
					break
				}
				if (r == '\'' || r == '’') && (r2 == 's' || r2 == 'S') {
					k := j + n + n2
					r3, _ := utf8.DecodeRuneInString(s[k:]) // s[k:] may be empty
					if k >= len(s) || !isWordRune(r3) {
						poss = true
						end = j
						j = k
						i = k
						break
					}
				}
				j += n
				continue
			}
			break
		}
		if !poss {
			i = end
		}
		first, _ := utf8.DecodeRuneInString(s[start:])
		var key string
		var lex lexFlag
		key = oracleFoldString(s[start:end])
		toks = append(toks, token{start: start, end: end, key: key, word: true, upper: unicode.IsUpper(first), poss: poss, lex: lex})
	}
	return toks
}

func oracleFoldString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	if ascii {
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func oracleFoldName(s string) string {
	var b strings.Builder
	for _, t := range oracleTokenize(s, nil) {
		if !t.word {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// FuzzFoldOracle checks that tokenize, foldString and FoldName give what
// the implementations they replaced gave.
func FuzzFoldOracle(f *testing.F) {
	for _, s := range []string{"", "Kim Myŏngwŏn", "Yi Won-ik's army", "King Seonjo", "Goguryeo–Tang War",
		"Manch'un", "a\u0301b", "\u0301x", "Ōtomo Yoshimune", "x\xffy", "ﬁne Ⅻ", "İstanbul", "O’Neill’s", "'s", "a-", "—", "1592–1598",
		"Kuroda's men", "X'sy", "X'S", "a--b", "a -b", "a- b", "a-'b", "a'ŝ", "a’sé", "Kim\u00a0Yu-sin", "Hwang Yun-gil (1536)", "a\tb\u2003c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// On invalid UTF-8, which the reader never lets through, the old
		// folding left runes after a bad byte undecomposed ("\xf2Ď" gave
		// "ď"); the new one folds them as anywhere else.
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		if got, want := foldString(s), oracleFoldString(s); got != want {
			t.Errorf("foldString(%q) = %q, want %q", s, got, want)
		}
		if got, want := FoldName(s), oracleFoldName(s); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", s, got, want)
		}
		checkFoldNameIs(t, s)
		// slices.Equal, not reflect.DeepEqual: an empty slice of tokens
		// with room for more is no token, as nil is.
		if got, want := tokenize(s, nil), oracleTokenize(s, nil); !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
		var in interner
		got := tokenizeInto(s, nil, &in)
		for i := range got {
			got[i].lex = 0
		}
		if want := oracleTokenize(s, nil); !slices.Equal(got, want) {
			t.Errorf("tokenizeInto(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestFoldRunesSeparable checks what folding rune by rune relies on: no
// rune decomposes (NFKD) into a letter or digit with a non-zero combining
// class, which NFKD could move relative to the runes around it.
func TestFoldRunesSeparable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		d := norm.NFKD.String(string(r))
		for i := 0; i < len(d); {
			p := norm.NFKD.PropertiesString(d[i:])
			c, n := utf8.DecodeRuneInString(d[i:])
			if p.CCC() != 0 && !unicode.Is(unicode.Mn, c) && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
				t.Errorf("U+%04X decomposes to U+%04X, a letter or digit of combining class %d", r, c, p.CCC())
			}
			i += n
		}
	}
}

// appendPhoneticSwitch is appendPhonetic as it was written with one case
// per rule, the oracle of FuzzPhoneticOracle.
func appendPhoneticSwitch(b []byte, key string) []byte {
	for i := 0; i < len(key); i++ {
		c := key[i]
		next := byte(0)
		if i+1 < len(key) {
			next = key[i+1]
		}
		switch {
		case c == 'e' && (next == 'o' || next == 'u'):
			continue // eo → o, eu → u
		case c == 'c' && next == 'h', c == 's' && next == 'h':
			b = append(b, c)
			i++
		case c == 'j':
			b = append(b, 'c')
		case c == 'g':
			b = append(b, 'k')
		case c == 'd':
			b = append(b, 't')
		case c == 'b':
			b = append(b, 'p')
		case c == 'r':
			b = append(b, 'l')
		default:
			b = append(b, c)
		}
	}
	return b
}

// FuzzPhoneticOracle checks appendPhonetic against appendPhoneticSwitch.
func FuzzPhoneticOracle(f *testing.F) {
	for _, s := range []string{"pyeongyang", "myeongwon", "dusu tusu", "kim jeong-eun", "shch", "e", "eo", "ch", "\xff\x00r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := string(appendPhoneticSwitch(nil, s))
		if got := string(appendPhonetic(nil, s)); got != want {
			t.Errorf("appendPhonetic(%q) = %q, want %q", s, got, want)
		}
	})
}

// tokenizeGeneric is the interner's tokenize as it was, a token at a time
// through nextToken and fold: the oracle of FuzzInternerTokenizeOracle.
func tokenizeGeneric(in *interner, s string, toks []token) []token {
	toks = tokenizeInto(s, toks, nil)
	for i, t := range toks {
		if t.word {
			toks[i].key, toks[i].lex = in.fold(s[t.start:t.end])
		}
	}
	return toks
}

// FuzzInternerTokenizeOracle checks the interner's one-pass tokenizer
// against tokenizeGeneric.
func FuzzInternerTokenizeOracle(f *testing.F) {
	for _, s := range []string{
		"Hideyoshi's army crossed the Won-ik's river.", "Kim Myŏngwŏn's men", "O'Neill's", "rock'n'roll", "a-", "a-é", "a'ſ", "x's", "x'sé", "x's-y",
		"Goguryeo–Tang War", "Manch'un", "end-", "'s", "it's\tfine", "1592–1598", "\xff's", "a\u00a0b", "word\u0085next", "x'S.",
	} {
		f.Add(s)
	}
	var fast, slow interner
	f.Fuzz(func(t *testing.T, s string) {
		got, want := fast.tokenize(s, nil), tokenizeGeneric(&slow, s, nil)
		if !slices.Equal(got, want) { // an empty slice is nil's equal
			t.Errorf("tokenize(%q)\n got %+v\nwant %+v", s, got, want)
		}
	})
}
