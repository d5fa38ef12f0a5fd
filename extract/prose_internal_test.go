package extract

import (
	"strings"
	"testing"
)

// TestLexiconFlags checks that a word's lexicon flags are the word sets it
// is in, as the patterns that test a flag in place of a set rely on.
func TestLexiconFlags(t *testing.T) {
	for _, l := range []struct {
		name  string
		words map[string]bool
		f     lexFlag
	}{
		{"ordinals", ordinals, lexOrdinal},
		{"titleModifiers", titleModifiers, lexTitleModifier},
		{"orgNouns", orgNouns, lexOrgNoun},
		{"placeListNouns", placeListNouns, lexPlaceListNoun},
		{"placeListCues", placeListCues, lexPlaceListCue},
		{"personListNouns", personListNouns, lexPersonListNoun},
		{"personListCues", personListCues, lexPersonListCue},
		{"aliasCues", aliasCues, lexAliasCue},
		{"orgHeads", orgHeads, lexOrgHead},
	} {
		for w, f := range lexicon {
			if in := l.words[w]; in != (f&l.f != 0) {
				t.Errorf("%s: lexicon[%q] has the flag %v, the set %v", l.name, w, f&l.f != 0, in)
			}
		}
		for w := range l.words {
			if lexicon[w]&l.f == 0 {
				t.Errorf("%s: lexicon[%q] lacks the flag", l.name, w)
			}
		}
	}
	for _, w := range []string{"newspaper", "book", "university"} {
		if lexicon[w]&lexOrgNoun == 0 {
			t.Errorf("%q is no orgNoun", w)
		}
	}
}

// TestAliasPhrasesHaveCue checks that each alias phrase has a word of
// aliasCues between spaces, which scan looks for among a sentence's
// tokens before it searches the sentence.
func TestAliasPhrasesHaveCue(t *testing.T) {
	for _, p := range aliasPhrases {
		found := false
		for w := range aliasCues {
			found = found || strings.Contains(" "+p, " "+w+" ")
		}
		if !found {
			t.Errorf("alias phrase %q has no word of aliasCues", p)
		}
	}
}

func TestWordBefore(t *testing.T) {
	for _, tc := range []struct {
		text       string
		start, end int
		want       string
	}{
		{"fought at Nagashino", 0, 10, "at"},
		{"fought At  Nagashino", 0, 11, "at"},
		{"under\u00a0Kim", 0, 7, "under"},    // a no-break space
		{"captured Pusan", 0, 9, "captured"}, // no space before end
		{"près Séoul", 0, 6, "pres"},
		{"x Ōmura", 0, 2, "x"},
		{"a, Kim", 0, 3, ""},
		{"the army under Kim", 9, 15, "under"},
		{"the army under Kim", 11, 15, "der"}, // not before start
		{"Kim", 0, 0, ""},
		{"Won-ik Kim", 0, 7, "ik"},
	} {
		var buf [4]byte // shorter than some words: they grow it
		if got := wordBefore(buf[:0], tc.text, tc.start, tc.end); got != tc.want {
			t.Errorf("wordBefore(%q, %d, %d) = %q, want %q", tc.text, tc.start, tc.end, got, tc.want)
		}
	}
}

// TestPeriodEnds checks periodEnds against the words before a period it
// must tell apart, ASCII or not, short or long.
func TestPeriodEnds(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"He came.", true},
		{"Born c.", false},
		{"It was approx.", false},
		{"It was Approx.", false},
		{"It was approxx.", true},
		{"the U.S.", false},
		{"J.", false},
		{"Ō.", false},
		{"Gén.", false}, // folds to "gen"
		{"Gen.", false},
		{"Él fue Capt.", false},
		{"an extraordinarily.", true},
		{".", true},
		{" .", true},
		{"in 1592.", true},
		{"Myŏngwŏn.", true},
	} {
		if got := periodEnds(tc.text, len(tc.text)-1); got != tc.want {
			t.Errorf("periodEnds(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
