package extract

import (
	"reflect"
	"testing"
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
// cut every text as the rune-by-rune loop they replaced did.
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
	})
}
