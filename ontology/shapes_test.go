package ontology

import (
	"bytes"
	"os"
	"strings"
	"testing"

	krdf "github.com/knakk/rdf"
	"github.com/wikikg/wikikg/rdf"
)

const shNS = "http://www.w3.org/ns/shacl#"

// parseShapes parses Shapes() and returns its triples as rdf.Triples.
func parseShapes(t *testing.T) []rdf.Triple {
	t.Helper()
	got, err := krdf.NewTripleDecoder(bytes.NewReader(Shapes()), krdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("shapes.ttl: %v", err)
	}
	conv := func(x krdf.Term) rdf.Term {
		switch v := x.(type) {
		case krdf.IRI:
			return rdf.IRI(v.String())
		case krdf.Blank:
			return rdf.Blank(strings.TrimPrefix(v.String(), "_:"))
		case krdf.Literal:
			if v.Lang() != "" {
				return rdf.LangString(v.String(), v.Lang())
			}
			return rdf.Typed(v.String(), v.DataType.String())
		}
		t.Fatalf("unexpected term %v", x)
		return rdf.Term{}
	}
	out := make([]rdf.Triple, len(got))
	for i, tr := range got {
		out[i] = rdf.Triple{S: conv(tr.Subj), P: conv(tr.Pred), O: conv(tr.Obj)}
	}
	return out
}

func TestShapesParse(t *testing.T) {
	ts := parseShapes(t)
	if len(ts) < 100 {
		t.Errorf("parsed only %d triples", len(ts))
	}
	if _, err := os.Stat("/usr/bin/rapper"); err == nil {
		rapperCheck(t, "turtle", Shapes())
	}
}

func TestShapesPerClass(t *testing.T) {
	ix := newTripleIndex(parseShapes(t))
	nodeShape := rdf.IRI(shNS + "NodeShape")
	targets := map[rdf.Term]rdf.Term{}
	for s, ps := range ix {
		if !ix.has(s, Type, nodeShape) {
			continue
		}
		for _, c := range ps[rdf.IRI(shNS+"targetClass")] {
			if _, dup := targets[c]; !dup {
				targets[c] = s
			}
		}
	}
	for _, c := range []rdf.Term{Person, Place, Force, Event, MilitaryConflict, ConflictSide, Article, Quantity} {
		if _, ok := targets[c]; !ok {
			t.Errorf("no sh:NodeShape targets %s", c)
		}
	}
	// Every named entity's shape requires one English rdfs:label.
	label := rdf.IRI("https://w3id.org/wikikg/shapes#label")
	for _, c := range []rdf.Term{Person, Place, Force, Event, MilitaryConflict} {
		if s := targets[c]; !ix.has(s, rdf.IRI(shNS+"property"), label) {
			t.Errorf("%s: shape %s does not check rdfs:label", c, s)
		}
	}
	if !ix.has(label, rdf.IRI(shNS+"minCount"), rdf.Integer(1)) || !ix.has(label, rdf.IRI(shNS+"maxCount"), rdf.Integer(1)) {
		t.Error("the label shape does not ask for exactly one rdfs:label")
	}
}

// TestShapesUseDeclaredTerms checks that every KG term in the shapes is
// declared by the ontology, so a typo in shapes.ttl cannot go unnoticed.
func TestShapesUseDeclaredTerms(t *testing.T) {
	onto := newTripleIndex(Ontology())
	for _, tr := range parseShapes(t) {
		for _, x := range []rdf.Term{tr.S, tr.P, tr.O} {
			if x.IsIRI() && strings.HasPrefix(x.Value, KG) && len(onto[x][Type]) == 0 {
				t.Errorf("shapes.ttl uses %s, which the ontology does not declare", x)
			}
		}
		if tr.P == rdf.IRI(shNS+"path") && tr.O.IsIRI() && !strings.HasPrefix(tr.O.Value, KG) {
			switch tr.O {
			case Label, AltLabel, SameAs, Derived:
			default:
				t.Errorf("sh:path %s is outside the contract", tr.O)
			}
		}
	}
}

func TestShapesCopy(t *testing.T) {
	a := Shapes()
	a[0] = 'X'
	if Shapes()[0] == 'X' {
		t.Error("Shapes returns a shared slice")
	}
}
