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

// factKeys are the gold fact keys and the contract properties they score.
var factKeys = map[string]rdf.Term{
	"partOf": ontology.PartOf, "startDate": ontology.StartDate, "endDate": ontology.EndDate,
	"place": ontology.PlaceP, "result": ontology.Result, "belligerent": ontology.Belligerent,
	"commander": ontology.Commander, "strength": ontology.Strength, "birthDate": ontology.BirthDate,
	"deathDate": ontology.DeathDate, "birthPlace": ontology.BirthPlace, "deathPlace": ontology.DeathPlace,
	"country": ontology.Country,
}

// predicted is one extracted fact in the gold's terms.
type predicted struct {
	key    string
	side   int
	labels []string // normalised labels of an entity object, or the literal
	num    int64
	min    int64
	max    int64
}

// extractFile runs the pipeline over one article file.
func extractFile(t *testing.T, path string) []*extract.Graph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := extract.NewReader(f)
	r.File = path
	pipe := extract.NewPipeline("", nil)
	var graphs []*extract.Graph
	for {
		a, err := r.Next()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s: %v", path, err)
			}
			return graphs
		}
		g, err := pipe.Extract(a)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		graphs = append(graphs, g)
	}
}

// predictions turns a graph's subject and side facts into gold terms.
func predictions(g *extract.Graph) []predicted {
	labels := map[rdf.Term][]string{}
	for _, e := range g.Entities() {
		ls := []string{gold.Normalize(e.Label)}
		for _, a := range e.Aliases {
			ls = append(ls, gold.Normalize(a))
		}
		labels[e.IRI] = ls
	}
	quants := map[rdf.Term][2]int64{}
	quads := g.Quads()
	for _, q := range quads {
		if q.P == ontology.MinValue || q.P == ontology.MaxValue {
			v := quants[q.S]
			var n int64
			fmt.Sscan(q.O.Value, &n)
			if q.P == ontology.MinValue {
				v[0] = n
			} else {
				v[1] = n
			}
			quants[q.S] = v
		}
	}
	about := g.Entities()[0].IRI
	var out []predicted
	for _, q := range quads {
		side := 0
		if q.S != about {
			i := strings.LastIndex(q.S.Value, "#side")
			if i < 0 || q.S.Value[:i] != about.Value {
				continue
			}
			fmt.Sscan(q.S.Value[i+len("#side"):], &side)
		}
		for key, p := range factKeys {
			if q.P != p {
				continue
			}
			pr := predicted{key: key, side: side}
			switch {
			case q.O.IsIRI():
				pr.labels = labels[q.O]
			case q.O.Datatype == rdf.XSDInteger:
				fmt.Sscan(q.O.Value, &pr.num)
				if key == "strength" {
					detail := rdf.IRI(q.S.Value + "-strength")
					if side == 0 {
						detail = rdf.IRI(q.S.Value + "#strength")
					}
					mm := quants[detail]
					pr.min, pr.max = mm[0], mm[1]
				}
			default:
				pr.labels = []string{gold.Normalize(q.O.Value)}
			}
			out = append(out, pr)
		}
	}
	return out
}

func matches(f gold.Fact, p predicted, aliases map[string][]string) bool {
	if f.P != p.key || f.Side != p.side {
		return false
	}
	if f.P == "strength" {
		if f.Min != nil && f.Max != nil {
			return p.min == *f.Min && p.max == *f.Max
		}
		n, ok := f.O.(float64)
		return ok && int64(n) == p.num
	}
	o, ok := f.O.(string)
	if !ok {
		return false
	}
	want := append([]string{gold.Normalize(o)}, aliases[gold.Normalize(o)]...)
	for _, w := range want {
		for _, l := range p.labels {
			if w == l {
				return true
			}
		}
	}
	return false
}

// TestInfoboxQuality scores infobox facts against the development corpus's
// gold annotations, per property, and fails below F1 0.90 overall.
func TestInfoboxQuality(t *testing.T) {
	golds, err := filepath.Glob("../testdata/corpus/gold/*.json")
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	golds = append(golds, "../testdata/seed/siege-of-pyongyang-1592.gold.json")
	scores := map[string]*gold.Score{}
	for k := range factKeys {
		scores[k] = &gold.Score{}
	}
	for _, gpath := range golds {
		gf, err := gold.Load(gpath)
		if err != nil {
			t.Fatal(err)
		}
		article := strings.Replace(strings.TrimSuffix(gpath, ".json"), "/gold/", "/articles/", 1) + ".txt"
		if strings.HasSuffix(gpath, ".gold.json") {
			article = strings.TrimSuffix(gpath, ".gold.json") + ".txt"
		}
		graphs := extractFile(t, article)
		if len(graphs) != 1 {
			t.Fatalf("%s: %d articles", article, len(graphs))
		}
		aliases := map[string][]string{}
		for _, e := range gf.Entities {
			for _, a := range e.Aliases {
				aliases[gold.Normalize(e.Label)] = append(aliases[gold.Normalize(e.Label)], gold.Normalize(a))
			}
		}
		preds := predictions(graphs[0])
		used := make([]bool, len(preds))
		for _, f := range gf.Facts {
			found := false
			for i, p := range preds {
				if !used[i] && matches(f, p, aliases) {
					used[i], found = true, true
					break
				}
			}
			if found {
				scores[f.P].TP++
			} else {
				scores[f.P].FN++
				if testing.Verbose() {
					t.Logf("%s: missed %s side %d %v %v-%v", filepath.Base(article), f.P, f.Side, f.O, deref(f.Min), deref(f.Max))
				}
			}
		}
		for i, p := range preds {
			if !used[i] {
				scores[p.key].FP++
				if testing.Verbose() {
					t.Logf("%s: extra %s side %d %v %d (%d-%d)", filepath.Base(article), p.key, p.side, p.labels, p.num, p.min, p.max)
				}
			}
		}
	}
	table := gold.Table(scores)
	t.Logf("infobox facts against %d gold files:\n%s", len(golds), table)
	fmt.Print(table)
	var total gold.Score
	for _, s := range scores {
		total.Add(*s)
	}
	if total.F1() < 0.90 {
		t.Errorf("infobox fact F1 %.3f, want at least 0.90", total.F1())
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
