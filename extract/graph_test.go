package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// TestFinishValidatesChangedIRIs checks that finish trusts the IRIs
// Graph.Entity minted, and validates one a caller put in their place.
func TestFinishValidatesChangedIRIs(t *testing.T) {
	article := ontology.ArticleIRI("", "Yi Sun-sin")
	g := NewGraph(article)
	minted := g.Entity("", "Yi Sun-sin", ontology.Person)
	bad := g.Entity("", "Won Gyun", ontology.Person)
	bad.IRI = rdf.IRI("http://example.org/Won Gyun")
	other := g.Entity("", "Hansan", ontology.Place)
	other.IRI = rdf.IRI("http://example.org/Hansan")
	g.finish(article)
	subjects := map[rdf.Term]int{}
	for _, tr := range g.Triples() {
		subjects[tr.S]++
		if tr.O == bad.IRI {
			t.Errorf("invalid IRI written: %v", tr)
		}
	}
	for _, tt := range []struct {
		iri  rdf.Term
		want int
	}{
		{minted.IRI, 3}, // label, kg:Person, schema:Person
		{bad.IRI, 0},
		{other.IRI, 3},
		{article, 2}, // the mentions of the two valid entities
	} {
		if got := subjects[tt.iri]; got != tt.want {
			t.Errorf("%v is the subject of %d triples, want %d", tt.iri, got, tt.want)
		}
	}
}

// TestGraphEntityIndex checks that Graph.Entity finds each entity again
// by any name that mints its IRI, as its index grows, that a graph
// reused after Release knows none of the entities of the one before, and
// that the IRIs minted stay as they were, in this graph and later ones.
func TestGraphEntityIndex(t *testing.T) {
	const n = 300 // past the index's first sizes, and a chunk of IRIs
	var kept []rdf.Term
	var want []string
	for round := 0; round < 3; round++ {
		g := NewGraph(ontology.ArticleIRI("", "Test"))
		var all []*Entity
		for i := 0; i < n; i++ {
			name := "Person " + strconv.Itoa(i)
			if i%7 == 0 {
				name += " /" + strings.Repeat("é?", i+1) // escaped, and long
			}
			e := g.Entity("", name, ontology.Person)
			if e == nil || e.Label != name {
				t.Fatalf("round %d: Entity(%q) = %v", round, name, e)
			}
			all = append(all, e)
			kept = append(kept, e.IRI)
			want = append(want, ontology.EntityIRI("", name).Value)
		}
		for i, e := range all {
			// Not canonical, the long way: the same entity.
			name := "person  " + e.Label[len("Person "):]
			if got := g.Entity("", name, ontology.Place); got != e {
				t.Fatalf("round %d: Entity(%q) = %p, want %p", round, name, got, e)
			}
			if len(e.Classes) != 2 {
				t.Errorf("round %d: %s has classes %v", round, e.Label, e.Classes)
			}
			if i%7 == 0 {
				// Not found by a name minting another IRI.
				if got := g.Entity("", "Person "+strconv.Itoa(i)+" /", ontology.Place); got == e {
					t.Errorf("round %d: %s found by another name", round, e.Label)
				}
			}
		}
		if got := len(g.Entities()); got != n+(n+6)/7 {
			t.Errorf("round %d: %d entities, want %d", round, got, n+(n+6)/7)
		}
		g.Release()
	}
	for i, iri := range kept {
		if iri.Value != want[i] {
			t.Fatalf("IRI %d is %q, want %q", i, iri.Value, want[i])
		}
	}
}

// TestAlsoTyped checks the broader classes of each contract class, by
// its own string or another of the same text.
func TestAlsoTyped(t *testing.T) {
	tests := []struct {
		class rdf.Term
		want  []rdf.Term
	}{
		{ontology.Person, []rdf.Term{ontology.SchemaPerson}},
		{ontology.Place, []rdf.Term{ontology.SchemaPlace}},
		{ontology.Force, []rdf.Term{ontology.SchemaOrganization}},
		{ontology.Event, []rdf.Term{ontology.SchemaEvent}},
		{ontology.MilitaryConflict, []rdf.Term{ontology.Event, ontology.SchemaEvent}},
		{ontology.Article, []rdf.Term{ontology.SchemaArticle}},
		{ontology.SchemaPerson, nil},
		{rdf.LangString(ontology.Person.Value, "en"), nil},
		{rdf.String(ontology.Person.Value), nil},
		{rdf.Term{}, nil},
	}
	for _, tt := range tests {
		for _, c := range []rdf.Term{tt.class, {Kind: tt.class.Kind, Value: strings.Clone(tt.class.Value), Datatype: tt.class.Datatype, Lang: tt.class.Lang}} {
			if got := alsoTyped(c); !slices.Equal(got, tt.want) {
				t.Errorf("alsoTyped(%v) = %v, want %v", c, got, tt.want)
			}
		}
	}
}

// TestFinishChecksChangedLabels checks that finish trusts the labels
// Graph.Entity gave, and checks one a caller put in their place.
func TestFinishChecksChangedLabels(t *testing.T) {
	article := ontology.ArticleIRI("", "Yi Sun-sin")
	g := NewGraph(article)
	kept := g.Entity("", "Yi Sun-sin", ontology.Person)
	bad := g.Entity("", "Won Gyun", ontology.Person)
	bad.Label = "Won \xff"
	good := g.Entity("", "Hansan", ontology.Place)
	good.Label = "Hansan Island"
	g.finish(article)
	labels := map[rdf.Term]string{}
	for _, tr := range g.Triples() {
		if tr.P == ontology.Label {
			labels[tr.S] = tr.O.Value
		}
	}
	for _, tt := range []struct {
		e    *Entity
		want string
	}{{kept, "Yi Sun-sin"}, {bad, ""}, {good, "Hansan Island"}} {
		if got := labels[tt.e.IRI]; got != tt.want {
			t.Errorf("%v has label %q, want %q", tt.e.IRI, got, tt.want)
		}
	}
}
