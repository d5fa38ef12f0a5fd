package link

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
)

// fixtureIndex builds the fixture's index in a test's temporary directory.
func fixtureIndex(t testing.TB) *Index {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.idx")
	if _, _, err := BuildIndex(context.Background(), "testdata/fixture.json", path, 0, DumpOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// corpusDecision is one entity of one corpus article and its decision.
type corpusDecision struct {
	article, label string
	d              Decision
}

// linkCorpus extracts every dev-corpus article and decides its entities
// against l.
func linkCorpus(t testing.TB, m *Matcher) []corpusDecision {
	t.Helper()
	files, err := filepath.Glob("../testdata/corpus/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus articles: %v", err)
	}
	sort.Strings(files)
	p := extract.NewPipeline("", nil)
	var out []corpusDecision
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		rd := extract.NewReader(r)
		for {
			a, err := rd.Next()
			if a == nil {
				break
			}
			if err != nil {
				continue
			}
			g, err := p.Extract(a)
			if err != nil {
				continue
			}
			ds, err := m.Decide(context.Background(), g)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				out = append(out, corpusDecision{strings.TrimSuffix(filepath.Base(f), ".txt"), d.Entity.Label, d})
			}
		}
		r.Close()
	}
	return out
}

// expectedLinks is the truth for the dev corpus against the fixture: the
// item each entity label is, checked by hand against the articles. Every
// other entity has no item in the fixture, so any link it gets is wrong.
// An article-specific entry ("article|label") overrides the label's.
var expectedLinks = map[string]string{
	"Oda Nobunaga": "Q900000028", "Hashiba Hideyoshi": "Q900000027", "Toyotomi Hideyoshi": "Q900000027",
	"Hideyoshi": "Q900000027", "Tokugawa Ieyasu": "Q900000029", "Battle of Ansi": "Q900000032",
	"Emperor Taizong of Tang": "Q900000031", "Yŏn Kaesomun": "Q900000030", "Battle of Hansan Island": "Q900000018",
	"Imjin War": "Q900000001", "Japanese invasions of Korea (1592–1598)": "Q900000001",
	"Japanese invasions of Korea (1592-1598)": "Q900000001", "Japanese invasions of Korea": "Q900000001",
	"Yi Sun-sin": "Q900000013", "Wŏn Kyun": "Q900000017", "Noryang": "Q900000011", "Noryang Strait": "Q900000011",
	"Battle of Imjin River (1592)": "Q900000023", "Battle of Imjin River": "Q900000023",
	"Battle of the Imjin River": "Q900000024", "Imjin River": "Q900000025", "Joseon": "Q900000002",
	"Joseon dynasty": "Q900000002", "Joseon Dynasty": "Q900000002", "Kim Myŏngwŏn": "Q900000009",
	"Yi Il": "Q900000007", "Katō Kiyomasa": "Q900000015", "Kato Kiyomasa": "Q900000015",
	"Konishi Yukinaga": "Q900000014", "Hanseong": "Q900000012", "Ming dynasty": "Q900000003",
	"Battle of Noryang": "Q900000019", "Namhae Island": "Q900000038", "Japan": "Q900000039",
	"Japan)": "Q900000039", "Battle of the Yalu River (1894)": "Q900000034", "Beiyang Fleet": "Q900000033",
	"Dandong": "Q900000037", "Itō Hirobumi": "Q900000036", "Seonjo": "Q900000016",
	"Seonjo of Joseon": "Q900000016", "King Seonjo": "Q900000016", "King Seonjo of Joseon": "Q900000016",
	"Jinju": "Q900000020", "Siege of Jinju (1592)": "Q900000021", "Pyongyang": "Q900000004",
	"Pyeongyang": "Q900000004", "Siege of Pyongyang (1592)": "Q900000005", "Siege of Pyongyang (1593)": "Q900000006",
	"Seoul": "Q900000012", "Siege of Jinju (1593)": "Q900000022", "Second siege of Jinju": "Q900000022",
	// The article's own battle, named without its year in its prose, and
	// the battle the ironclad fought in.
	"battle-of-the-yalu-river-1894|Battle of the Yalu River": "Q900000034",
	"chinese-ironclad-dingyuan|Battle of the Yalu River":     "Q900000034",
}

// hardCases are the labels of the fixture's traps; precision on them must
// be 1.
var hardCases = map[string]bool{
	"Yi Il": true, "Pyongyang": true, "Pyeongyang": true, "Siege of Pyongyang (1592)": true,
	"Siege of Pyongyang (1593)": true, "Kim Myŏngwŏn": true, "Wŏn Kyun": true, "Hanseong": true,
	"Noryang Strait": true, "Konishi Yukinaga": true, "Kim": true, "Battle of Imjin River": true,
	"Battle of the Imjin River": true, "Siege of Jinju": true, "Battle of the Yalu River": true,
}

// TestCorpusPrecisionRecall links the dev corpus's entities against the
// fixture and prints precision and recall against expectedLinks.
func TestCorpusPrecisionRecall(t *testing.T) {
	m := NewMatcher(fixtureIndex(t))
	type counts struct{ linked, correct, expected int }
	var all, hard counts
	for _, c := range linkCorpus(t, m) {
		want, ok := expectedLinks[c.article+"|"+c.label]
		if !ok {
			want = expectedLinks[c.label]
		}
		got := c.d.QID
		for _, k := range []*counts{&all, map[bool]*counts{true: &hard, false: new(counts)}[hardCases[c.label]]} {
			if got != "" {
				k.linked++
			}
			if want != "" {
				k.expected++
			}
			if got != "" && got == want {
				k.correct++
			}
		}
		if got != "" && got != want {
			t.Errorf("%s: %s linked to %s, want %q (%s %.3f)", c.article, c.label, got, want, c.d.Route, c.d.Score)
		}
		if got == "" && want != "" && testing.Verbose() {
			t.Logf("missed: %s: %s → %s (%s)", c.article, c.label, want, c.d.Reason)
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	for _, r := range []struct {
		name string
		c    counts
	}{{"all entities", all}, {"hard cases", hard}} {
		p, rc := ratio(r.c.correct, r.c.linked), ratio(r.c.correct, r.c.expected)
		fmt.Printf("linking %s: precision %.3f (%d/%d), recall %.3f (%d/%d)\n", r.name, p, r.c.correct, r.c.linked, rc, r.c.correct, r.c.expected)
		if p < 1 {
			t.Errorf("%s: precision %.3f, want 1", r.name, p)
		}
	}
	if r := ratio(all.correct, all.expected); r < 0.9 {
		t.Errorf("recall %.3f, want at least 0.9", r)
	}
}
