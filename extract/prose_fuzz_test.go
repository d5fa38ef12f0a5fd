package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikikg/wikikg/extract"
)

// FuzzSplitSentences checks that sentences are ordered, non-overlapping,
// non-empty spans within the text, starting and ending on rune boundaries.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"He came. He left.", "c. 1552 (; ) (Japanese: ). J. R. Smith.", "U.S. e.g. ()", "", ".", "a.\xffB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range extract.SplitSentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(s[sp.Start:sp.End])) {
				t.Fatalf("span %v cuts a rune in %q", sp, s)
			}
			prev = sp.End
		}
	})
}

// FuzzProse runs the infobox and prose extractors, with mentions, over
// arbitrary article text: no panics, and every mention's offsets lie within
// its sentence and point at its text.
func FuzzProse(f *testing.F) {
	f.Add("= Siege of X =\n\nInfobox\n- Commander1: Kim Myŏngwŏn\n\nKorean General Kim Myŏngwŏn fled to Sunan. Kim fled. The Battle of Imjin River () ended.\n")
	f.Add("= A =\n\nKing Seonjo's army under Li Rusong captured Pyeongyang and Pyongyang.\n\n== See also ==\n- Battle of B\n")
	f.Add("= A =\n\nX's 's ' – - (; ) c. J. of the of Y River\n")
	f.Add("= A B (1) =\n\nThe first A b (; ) or C [) is one of the - ies, held, festival of\n")
	f.Fuzz(func(t *testing.T, s string) {
		r := extract.NewReader(strings.NewReader(s))
		pipe := extract.NewPipeline("", nil)
		pipe.Prose.Mentions = true
		for {
			a, err := r.Next()
			if err != nil {
				if err.Error() == "EOF" {
					return
				}
				continue
			}
			g, err := pipe.Extract(a)
			if err != nil {
				continue
			}
			checkMentions(t, g)
		}
	})
}
