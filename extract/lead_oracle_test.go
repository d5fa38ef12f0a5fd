package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// oracleClassFromLead is ClassFromLead as it was before it read the words
// of a lead only as far as it needed them: all sentences cut, the first
// sentence's words all read. An oracle for FuzzClassFromLeadOracle.
func oracleClassFromLead(a *Article) rdf.Term {
	i := firstParagraph(a)
	if i < 0 || a.Blocks[i].Section != "" {
		return rdf.Term{}
	}
	text := a.Blocks[i].Text
	if len(text) > leadMaxBytes {
		k := leadMaxBytes
		for k > 0 && !utf8.RuneStart(text[k]) {
			k--
		}
		text = text[:k]
	}
	spans := SplitSentences(text)
	if len(spans) == 0 {
		return rdf.Term{}
	}
	words := oracleLeadWords(text[spans[0].Start:spans[0].End])
	verb := -1
	for k, w := range words {
		if leadCopulas[w.text] {
			verb = k
			break
		}
	}
	if verb < 0 || !leadSubject(words[:verb], a.Title) {
		return rdf.Term{}
	}
	words = words[verb+1:]
	k := 0
	for k < len(words) && leadSkipped[strings.ToLower(words[k].text)] && !words[k].comma {
		k++
	}
	end := k
	for end < len(words) && !leadPhraseEnds[strings.ToLower(words[end].text)] {
		end++
		if words[end-1].comma {
			break
		}
	}
	for end > k && leadTrailers[strings.ToLower(words[end-1].text)] {
		end--
	}
	if end == k {
		return rdf.Term{}
	}
	head := strings.ToLower(words[end-1].text)
	if c, ok := leadHeads[head]; ok {
		return c
	}
	for _, plural := range [...]struct{ suffix, singular string }{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if stem, ok := strings.CutSuffix(head, plural.suffix); ok {
			if c, ok := leadHeads[stem+plural.singular]; ok {
				return c
			}
		}
	}
	return rdf.Term{}
}

// oracleLeadWords returns the first leadMaxWords words of a sentence, as
// appendLeadWords did.
func oracleLeadWords(s string) []leadWord {
	var out []leadWord
	depth, start := 0, -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, leadWord{text: s[start:end]})
			start = -1
		}
	}
	for i := 0; i < len(s) && len(out) < leadMaxWords; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(' || r == '[':
			flush(i)
			depth++
		case r == ')' || r == ']':
			flush(i)
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '-' || r == '\'' || r == '’') && start >= 0:
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			if (r == ',' || r == ';' || r == ':' || r == '–' || r == '—') && len(out) > 0 {
				out[len(out)-1].comma = true
			}
		}
		i += n
	}
	flush(len(s))
	for k := range out {
		out[k].text = strings.TrimRight(out[k].text, "-'’")
	}
	return out
}

// FuzzClassFromLeadOracle checks ClassFromLead against
// oracleClassFromLead on a lead and a title.
func FuzzClassFromLeadOracle(f *testing.F) {
	for _, s := range [][2]string{
		{"Imjin War", "The Imjin War () was a series of two Japanese invasions of Korea: an initial invasion in 1592."},
		{"Saionji Kinmochi", "Prince Saionji Kinmochi (西園寺 公望; 7 December 1849 – 24 November 1940) was a Japanese statesman and diplomat."},
		{"Battle of Noryang", "The Battle of Noryang, the last major battle of the Japanese invasions of Korea, was fought between navies."},
		{"Uwajima Festival", " is a festival and purification event held annually July 22–24 in Uwajima. It was."},
		{"Siege of Jinju (1592)", "The first siege of Jinju was one of the major land battles."},
		{"X", "X was a of, the: of — fleets"},
		{"X", "X is an " + strings.Repeat("old ", 60) + "city."},
		{"X", "X is " + strings.Repeat("a ", 46) + "city, of."},
		{"Y", "Y were the armies' (x) ; ]] [ cities"},
		{"Ōe", "Ōe was a Ōkubo-' ’ daimyō’s."},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, title, lead string) {
		a := &Article{Title: title, Blocks: []Block{{Kind: Paragraph, Text: lead}}}
		if got, want := ClassFromLead(a), oracleClassFromLead(a); got != want {
			t.Fatalf("ClassFromLead(%q, %q) = %v, want %v", title, lead, got, want)
		}
	})
}

// The word sets of the lead's switches (isLeadSkipped and the others), as
// maps: the oracle's.
var (
	leadSkipped    = set("a", "an", "the", "also", "originally", "formerly", "currently", "now", "once", "one", "of", "series", "pair", "two", "three", "several", "many")
	leadPhraseEnds = set("of", "in", "at", "on", "from", "by", "for", "near", "with", "to", "during", "between", "within", "under", "against", "between", "that", "which", "who", "whose", "where", "when", "and", "or", "but", "than", "as", "off", "along", "across", "around", "since", "until", "after", "before")
	leadTrailers   = set("fought", "held", "located", "situated", "built", "conducted", "founded", "waged", "led", "named", "known", "based", "made", "launched", "organized", "organised", "celebrated", "occurring", "taking", "lasting", "annually", "primarily", "mainly")
	leadNameWords  = set("the", "of", "de", "no", "von", "van", "der", "den", "du", "da", "di", "la", "le", "al", "bin", "and", "or", "y", "na", "ni", "viscount", "count", "baron", "marquis", "marquess", "duke", "prince", "princess", "emperor", "empress", "king", "queen", "lord", "lady", "sir", "admiral", "general")
	leadOpeners    = set("in", "on", "at", "during", "after", "before", "from", "by", "since", "until", "when", "while", "although", "though", "because", "however", "it", "he", "she", "they", "this", "these", "there", "its", "his", "her", "their")
)

// TestLeadWordSwitches checks the lead's word switches against the sets,
// for every word of any set, lower-cased and not.
func TestLeadWordSwitches(t *testing.T) {
	for _, c := range []struct {
		set map[string]bool
		in  func(string) bool
	}{
		{leadSkipped, isLeadSkipped}, {leadPhraseEnds, isLeadPhraseEnd}, {leadTrailers, isLeadTrailer},
		{leadNameWords, isLeadNameWord}, {leadOpeners, isLeadOpener},
	} {
		for _, m := range []map[string]bool{leadSkipped, leadPhraseEnds, leadTrailers, leadNameWords, leadOpeners, {"": true, "x": true, "Of": true}} {
			for w := range m {
				var lw [24]byte
				if got, want := c.in(lowerWord(&lw, w)), c.set[strings.ToLower(w)]; got != want {
					t.Errorf("switch(%q) = %v, want %v", w, got, want)
				}
				if got, want := c.in(lowerWord(&lw, strings.ToUpper(w))), c.set[strings.ToLower(w)]; got != want {
					t.Errorf("switch(%q) = %v, want %v", strings.ToUpper(w), got, want)
				}
			}
		}
	}
	var lw [24]byte
	for _, w := range []string{"", "ÉTÉ", "Of", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Ǆ"} {
		if got, want := lowerWord(&lw, w), strings.ToLower(w); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, want)
		}
	}
}
