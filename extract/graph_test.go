package extract

import (
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
