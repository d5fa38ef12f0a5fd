package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/internal/gold"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// goldType maps a contract class to the gold's entity type; MilitaryConflict
// counts as Event.
var goldType = map[rdf.Term]string{
	ontology.Person: "Person", ontology.Place: "Place", ontology.Force: "Force",
	ontology.Event: "Event", ontology.MilitaryConflict: "Event",
}

// goldPair is one gold file and its article.
type goldPair struct{ gold, article string }

func goldPairs(t testing.TB) []goldPair {
	golds, err := filepath.Glob("../testdata/corpus/gold/*.json")
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	var out []goldPair
	for _, g := range golds {
		out = append(out, goldPair{g, strings.Replace(strings.TrimSuffix(g, ".json"), "/gold/", "/articles/", 1) + ".txt"})
	}
	return append(out, goldPair{"../testdata/seed/siege-of-pyongyang-1592.gold.json", "../testdata/seed/siege-of-pyongyang-1592.txt"})
}

// readArticles reads every article of a file.
func readArticles(t testing.TB, path string) []*extract.Article {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := extract.NewReader(f)
	r.File = path
	var out []*extract.Article
	for {
		a, err := r.Next()
		if err != nil {
			return out
		}
		out = append(out, a)
	}
}

// runCatalog builds the run-wide dictionary as a run over these articles
// would: a first infobox-only pass, every entity with a contract class.
func runCatalog(t testing.TB, pairs []goldPair) *extract.Dictionary {
	d := extract.NewDictionary()
	pipe := infoboxPipeline()
	for _, p := range pairs {
		for _, a := range readArticles(t, p.article) {
			g, err := pipe.Extract(a)
			if err != nil {
				t.Fatal(err)
			}
			d.AddGraph(g)
		}
	}
	return d
}

// infoboxPipeline returns a pipeline with the infobox extractor alone.
func infoboxPipeline() *extract.Pipeline {
	p := extract.NewPipeline("", nil)
	p.Extractors = p.Extractors[:1]
	return p
}

// scoreEntities matches a graph's entities against one gold file's, one to
// one, and adds the counts per type.
func scoreEntities(t *testing.T, g *extract.Graph, gf *gold.File, scores map[string]*gold.Score, name string) {
	type ours struct {
		e      *extract.Entity
		types  map[string]bool
		labels map[string]bool
	}
	var preds []ours
	for _, e := range g.Entities() {
		o := ours{e: e, types: map[string]bool{}, labels: map[string]bool{gold.Normalize(e.Label): true}}
		for _, c := range e.Classes {
			if gt, ok := goldType[c]; ok {
				o.types[gt] = true
			}
		}
		if len(o.types) == 0 {
			continue
		}
		for _, a := range e.Aliases {
			o.labels[gold.Normalize(a)] = true
		}
		preds = append(preds, o)
	}
	matchGold := func(ge gold.Entity, o ours) bool {
		gt := ge.Type
		if gt == "MilitaryConflict" {
			gt = "Event"
		}
		if !o.types[gt] {
			return false
		}
		for _, l := range append([]string{ge.Label}, ge.Aliases...) {
			if o.labels[gold.Normalize(l)] {
				return true
			}
		}
		return false
	}
	used := make([]bool, len(preds))
	typeOf := func(ge gold.Entity) string {
		if ge.Type == "MilitaryConflict" {
			return "Event"
		}
		return ge.Type
	}
	// Required gold entities first, then optional ones, which only absorb
	// predictions.
	for _, optional := range []bool{false, true} {
		for _, ge := range gf.Entities {
			if ge.Optional != optional {
				continue
			}
			s := scores[typeOf(ge)]
			if s == nil {
				continue // a type outside the four ("Other")
			}
			found := false
			for i, o := range preds {
				if !used[i] && matchGold(ge, o) {
					used[i], found = true, true
					break
				}
			}
			if !optional {
				if found {
					s.TP++
				} else {
					s.FN++
					if testing.Verbose() {
						t.Logf("%s: missed %s %q", name, ge.Type, ge.Label)
					}
				}
			}
		}
	}
	// An entity matching a gold record already used (two records, one
	// real-world entity) is not extra either.
	for i, o := range preds {
		if used[i] {
			continue
		}
		matched := false
		for _, ge := range gf.Entities {
			if matchGold(ge, o) {
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		for gt := range o.types {
			scores[gt].FP++
			if testing.Verbose() {
				t.Logf("%s: extra %s %q %v", name, gt, o.e.Label, o.e.Aliases)
			}
			break
		}
	}
}

// TestEntityQuality scores the entities of the graph (infobox and prose,
// with a run catalog of the corpus) against the gold annotations, per type,
// and fails below F1 0.80 or precision 0.85 overall.
func TestEntityQuality(t *testing.T) {
	pairs := goldPairs(t)
	catalog := runCatalog(t, pairs)
	for _, tc := range []struct {
		name    string
		prose   bool
		catalog extract.Catalog
		minF1   float64
		minP    float64
	}{
		{"infobox only", false, nil, 0, 0},
		{"prose, article only", true, nil, 0.80, 0.85},
		{"prose, run catalog", true, catalog, 0.80, 0.85},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scores := map[string]*gold.Score{"Person": {}, "Place": {}, "Force": {}, "Event": {}}
			pipe := infoboxPipeline()
			if tc.prose {
				pipe.Extractors = append(pipe.Extractors, &extract.ProseExtractor{Catalog: tc.catalog})
			}
			for _, p := range pairs {
				gf, err := gold.Load(p.gold)
				if err != nil {
					t.Fatal(err)
				}
				arts := readArticles(t, p.article)
				if len(arts) != 1 {
					t.Fatalf("%s: %d articles", p.article, len(arts))
				}
				g, err := pipe.Extract(arts[0])
				if err != nil {
					t.Fatal(err)
				}
				scoreEntities(t, g, gf, scores, filepath.Base(p.article))
			}
			table := gold.Table(scores)
			t.Logf("entities against %d gold files (%s):\n%s", len(pairs), tc.name, table)
			fmt.Printf("entities, %s:\n%s", tc.name, table)
			var total gold.Score
			for _, s := range scores {
				total.Add(*s)
			}
			if total.F1() < tc.minF1 || total.Precision() < tc.minP {
				t.Errorf("entity F1 %.3f precision %.3f, want at least %.2f and %.2f", total.F1(), total.Precision(), tc.minF1, tc.minP)
			}
		})
	}
}
