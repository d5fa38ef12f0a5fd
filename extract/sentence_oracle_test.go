package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oracleSplitSentences is SplitSentences as it was before it skipped to the
// next byte that matters, a rune at a time: an oracle for
// FuzzSplitSentencesOracle. What follows a terminal mark is shared.
func oracleSplitSentences(text string) []Span {
	var out []Span
	start := 0
	depth := 0
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1 // ASCII, most of prose, without a call
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if (r != '.' && r != '!' && r != '?') || depth > 0 {
			i += n
			continue
		}
		end, ends := sentenceEnd(text, i)
		if !ends {
			i = end
			continue
		}
		out = appendSentence(out, text, start, end)
		start = end
		i = end
	}
	return appendSentence(out, text, start, len(text))
}

// FuzzSplitSentencesOracle checks that SplitSentences and AppendSentences
// cut every text as the rune-by-rune loop they replaced did, and that
// firstSentence finds the first sentence they cut.
func FuzzSplitSentencesOracle(f *testing.F) {
	for _, s := range []string{"He came. He left.", "c. 1552 (; ) (Japanese: ). J. R. Smith.", "U.S. e.g. ()", "", ".", "a.\xffB",
		"He left (in 1592.) Then [x.] he came!) Back? (yes.", "Ni… Ō. Él (é). “Quote.” Next", "a).B .) (. ) ] ["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := oracleSplitSentences(s)
		if got := SplitSentences(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("SplitSentences(%q) = %v, want %v", s, got, want)
		}
		prefix := []Span{{0, 0}}
		if got := AppendSentences(prefix, s); !reflect.DeepEqual(got[1:], want) && (len(got) != 1 || len(want) != 0) {
			t.Fatalf("AppendSentences(%q) = %v, want %v", s, got[1:], want)
		}
		if got, ok := firstSentence(s); ok != (len(want) > 0) || ok && got != want[0] {
			t.Fatalf("firstSentence(%q) = %v, %v, want %v", s, got, ok, want)
		}
		for i := range s {
			if got, want := boundaryFollows(s[i:]), oracleBoundaryFollows(s[i:]); got != want {
				t.Fatalf("boundaryFollows(%q) = %v, want %v", s[i:], got, want)
			}
		}
	})
}

// oracleBoundaryFollows is boundaryFollows as it was before it tested
// ASCII bytes itself, a rune at a time.
func oracleBoundaryFollows(rest string) bool {
	i := 0
	for i < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == 0 {
		return false
	}
	if i == len(rest) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '(' || r == '[' || r == '\'' || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// TestBoundaryFollowsASCII checks boundaryFollows against its oracle for
// every ASCII byte after every kind of space, where it tests bytes itself.
func TestBoundaryFollowsASCII(t *testing.T) {
	for _, space := range []string{"", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u2003", " \u00a0 "} {
		for c := range utf8.RuneSelf {
			for _, after := range []string{"", "x", "\u00c9"} {
				rest := space + string(rune(c)) + after
				if got, want := boundaryFollows(rest), oracleBoundaryFollows(rest); got != want {
					t.Errorf("boundaryFollows(%q) = %v, want %v", rest, got, want)
				}
			}
		}
		for _, r := range []string{"É", "é", "“", "ǅ", "Ⅻ", "\xff"} {
			if got, want := boundaryFollows(space+r), oracleBoundaryFollows(space+r); got != want {
				t.Errorf("boundaryFollows(%q) = %v, want %v", space+r, got, want)
			}
		}
	}
}

// oraclePeriodEnds is periodEnds as it was before it lower-cased ASCII
// words itself and tested abbreviations by a switch: an oracle for
// FuzzPeriodEndsOracle.
func oraclePeriodEnds(text string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRune(r) && r != '.' {
			break
		}
		j -= n
	}
	word := text[j:i]
	if word == "" {
		return true
	}
	if strings.Contains(word, ".") {
		return false
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return false
	}
	return !abbreviations[foldString(word)]
}

// FuzzPeriodEndsOracle checks periodEnds at every period of a text against
// oraclePeriodEnds.
func FuzzPeriodEndsOracle(f *testing.F) {
	for _, s := range []string{"Gen. GEN. gEn. Sept. SEPT. Ēst. est. x. X. e.g. U.S.", "Ōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōō. approx. Approx. approxi.", "\xff. a\xffb. 1st. No. 5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) {
			if s[i] != '.' {
				continue
			}
			if got, want := periodEnds(s, i), oraclePeriodEnds(s, i); got != want {
				t.Fatalf("periodEnds(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	})
}

// TestIsAbbreviation checks isAbbreviation against abbreviations.
func TestIsAbbreviation(t *testing.T) {
	for w := range abbreviations {
		if !isAbbreviation(w) {
			t.Errorf("isAbbreviation(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "a", "gens", "Gen", "sept.", "approxi", "king"} {
		if isAbbreviation(w) != abbreviations[w] {
			t.Errorf("isAbbreviation(%q) = %v, want %v", w, isAbbreviation(w), abbreviations[w])
		}
	}
}
