package extract

import (
	"slices"
	"testing"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func TestClassFromTitle(t *testing.T) {
	conflict := ontology.MilitaryConflict
	tests := []struct {
		title string
		want  rdf.Term
	}{
		{"Battle of Sekigahara", conflict},
		{"Siege of Osaka", conflict},
		{"Imjin War", conflict},
		{"Genpei Wars", conflict},
		{"Shimabara Rebellion", conflict},
		{"Kyushu campaign", conflict},
		{"Japanese invasions of Korea (1592–1598)", conflict},
		{"Mongol Invasion", conflict},
		{"Ikkō-ikki Uprising", conflict},
		{"Nore Mutiny", conflict},
		{"War", conflict},
		{"Warlords of Japan", rdf.Term{}}, // a cue's initial and no cue
		{"Wa", rdf.Term{}},
		{"Rebellions", rdf.Term{}},
		{"Campaigner", rdf.Term{}},
		{"Invasionary", rdf.Term{}},
		{"Mutinous crew", rdf.Term{}},
		{"Battle", rdf.Term{}},
		{"Postwar Japan", rdf.Term{}},
		{"War_Memorial", rdf.Term{}}, // '_' is a word character
		{"Oda Nobunaga", rdf.Term{}},
		{"", rdf.Term{}},
	}
	for _, tt := range tests {
		if got := ClassFromTitle(tt.title); got != tt.want {
			t.Errorf("ClassFromTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// TestExtractArticleIRI checks that the graph Pipeline.Extract gives is
// named ontology.ArticleIRI of the title, whether the subject's IRI is
// minted the short way (and the article's beside it) or not, under either
// base, with a Resolver that renames the subject or none, in Light passes
// and full ones, and that ValidName tells it valid.
func TestExtractArticleIRI(t *testing.T) {
	titles := []string{
		"Yi Sun-sin", // canonical ASCII: the short way
		"Battle of Okpo",
		"Ōkuma Shigenobu",            // canonical, past ASCII
		"yi Sun-sin",                 // not canonical: lower-case initial
		"Won  Gyun",                  // two spaces
		"Siege of Jinju (1592–1593)", // a year range
		"100% Korea",                 // escaped
		"Sŏ Ae",
		"!!!", // no letter or digit: no IRI
	}
	for _, base := range []string{"", "http://example.org/r/"} {
		for _, r := range []Resolver{nil, plainResolver{"Yi Sun-sin": "Yi Sunsin", "Battle of Okpo": "Battle of Okpo"}} {
			for _, light := range []bool{false, true} {
				p := NewPipeline(base, nil)
				p.Resolver, p.Light = r, light
				for _, title := range titles {
					want := ontology.ArticleIRI(base, title)
					g, err := p.Extract(&Article{Title: title, Pos: Pos{Line: 1, Column: 1}})
					if want.IsZero() {
						if err == nil {
							t.Errorf("base %q: Extract(%q) gave a graph, want ErrNoTitle", base, title)
						}
						continue
					}
					if err != nil {
						t.Errorf("base %q: Extract(%q): %v", base, title, err)
						continue
					}
					if light {
						// A Light pass names no graph.
						if !g.Name.IsZero() {
							t.Errorf("base %q: Light Extract(%q) named %v", base, title, g.Name)
						}
						g.Release()
						continue
					}
					if g.Name != want {
						t.Errorf("base %q, resolver %v, light %v: Extract(%q) named %v, want %v", base, r, light, title, g.Name, want)
					}
					if !g.ValidName() {
						t.Errorf("base %q: Extract(%q): ValidName() = false for %v", base, title, g.Name)
					}
					if !light {
						// The source page is the subject's label escaped.
						subject := g.Entities()[0]
						wantSrc := rdf.IRI(DefaultSourcePrefix + ontology.EscapeName(subject.Label))
						if got := g.Objects(g.Name, ontology.Derived); len(got) != 1 || got[0] != wantSrc {
							t.Errorf("base %q, resolver %v: Extract(%q): source %v, want %v", base, r, title, got, wantSrc)
						}
					}
					g.Release()
				}
			}
		}
	}
	g := NewGraph(rdf.IRI("http://example.org/a b"))
	if g.ValidName() {
		t.Errorf("ValidName() = true for %v", g.Name)
	}
	g.Name = rdf.Blank("b0")
	if !g.ValidName() {
		t.Errorf("ValidName() = false for %v", g.Name)
	}
	g.Name = rdf.String("a")
	if g.ValidName() {
		t.Errorf("ValidName() = true for %v", g.Name)
	}
}

// TestLightPipelineSubject checks that a Light pipeline, which finds the
// subject's fallback class after its extractors and mints no article
// node, gives the subject the classes a full one gives and fails the
// titles a full one fails.
func TestLightPipelineSubject(t *testing.T) {
	for _, title := range []string{"Siege of Osaka", "Imjin War", "Oda Nobunaga", "siege of osaka", " !! ", "", "–"} {
		var classes [2][]rdf.Term
		var errs [2]error
		for i, light := range []bool{false, true} {
			p := NewPipeline("", ontology.DefaultMapping())
			p.Light = light
			g, err := p.Extract(&Article{Title: title})
			if errs[i] = err; err != nil {
				continue
			}
			for e := range g.AllEntities() {
				classes[i] = e.Classes
				break
			}
		}
		if (errs[0] == nil) != (errs[1] == nil) || !slices.Equal(classes[0], classes[1]) {
			t.Errorf("%q: full pipeline gives %v, %v; Light %v, %v", title, classes[0], errs[0], classes[1], errs[1])
		}
	}
}
