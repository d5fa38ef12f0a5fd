package ontology

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"

	krdf "github.com/knakk/rdf"
	"github.com/wikikg/wikikg/rdf"
)

// contractTerms returns every kg: term named in the tables of
// docs/vocabulary.md, in order of first appearance.
func contractTerms(t *testing.T) []rdf.Term {
	t.Helper()
	f, err := os.Open("../docs/vocabulary.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile("`kg:([A-Za-z][A-Za-z0-9]*)`")
	seen := map[string]bool{}
	var out []rdf.Term
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		for _, m := range re.FindAllStringSubmatch(line, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, rdf.IRI(KG+m[1]))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("found only %d kg: terms in the contract's tables: %v", len(out), out)
	}
	return out
}

// owlVocabTerms lists the KG terms that vocab.go defines.
var owlVocabTerms = []rdf.Term{
	Person, Place, Force, Event, MilitaryConflict, ConflictSide, Article, Quantity,
	PartOf, StartDate, EndDate, PlaceP, Result, Side, Belligerent, Commander,
	Strength, Casualties, BirthDate, DeathDate, BirthPlace, DeathPlace, Country,
	Mentions, About, Title,
	SideNumber, StrengthDetail, CasualtyCount, MinValue, MaxValue, Qualifier,
	SourceText, SourceFile, SourceLine, Date,
}

// tripleIndex groups triples by subject and predicate.
type tripleIndex map[rdf.Term]map[rdf.Term][]rdf.Term

func newTripleIndex(ts []rdf.Triple) tripleIndex {
	ix := tripleIndex{}
	for _, t := range ts {
		if ix[t.S] == nil {
			ix[t.S] = map[rdf.Term][]rdf.Term{}
		}
		ix[t.S][t.P] = append(ix[t.S][t.P], t.O)
	}
	return ix
}

func (ix tripleIndex) has(s, p, o rdf.Term) bool {
	for _, x := range ix[s][p] {
		if x == o {
			return true
		}
	}
	return false
}

var owlKinds = []rdf.Term{owlClass, owlObjectProperty, owlDatatypeProperty}

func TestOntologyDeclaresContract(t *testing.T) {
	ix := newTripleIndex(Ontology())
	terms := append(contractTerms(t), owlVocabTerms...)
	for _, term := range terms {
		n := 0
		for _, k := range owlKinds {
			if ix.has(term, Type, k) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: declared with %d of owl:Class, owl:ObjectProperty, owl:DatatypeProperty, want 1", term, n)
		}
		for _, p := range []rdf.Term{Label, rdfsComment} {
			var en int
			for _, o := range ix[term][p] {
				if o.Lang == "en" && strings.TrimSpace(o.Value) != "" {
					en++
				}
			}
			if en != 1 || len(ix[term][p]) != 1 {
				t.Errorf("%s: %d %s values, %d in English; want exactly one, in English", term, len(ix[term][p]), p, en)
			}
		}
	}
}

func TestOntologyContractDomainsAndRanges(t *testing.T) {
	ix := newTripleIndex(Ontology())
	none := rdf.Term{}
	want := []struct {
		p, kind, dom, rng rdf.Term
	}{
		{PartOf, owlObjectProperty, Event, Event},
		{StartDate, owlDatatypeProperty, Event, rdfsLiteral},
		{EndDate, owlDatatypeProperty, Event, rdfsLiteral},
		{PlaceP, owlObjectProperty, Event, Place},
		{Result, owlDatatypeProperty, Event, rdfLangString},
		{Side, owlObjectProperty, MilitaryConflict, ConflictSide},
		{Belligerent, owlObjectProperty, ConflictSide, Force},
		{Commander, owlObjectProperty, ConflictSide, Person},
		{Strength, owlDatatypeProperty, ConflictSide, xsdInteger},
		{Casualties, owlDatatypeProperty, ConflictSide, rdfsLiteral},
		{BirthDate, owlDatatypeProperty, Person, rdfsLiteral},
		{DeathDate, owlDatatypeProperty, Person, rdfsLiteral},
		{BirthPlace, owlObjectProperty, Person, Place},
		{DeathPlace, owlObjectProperty, Person, Place},
		{Country, owlObjectProperty, Place, Place},
		{Mentions, owlObjectProperty, Article, none},
		{About, owlObjectProperty, Article, none},
		{SideNumber, owlDatatypeProperty, ConflictSide, xsdInteger},
		{StrengthDetail, owlObjectProperty, ConflictSide, Quantity},
		{CasualtyCount, owlDatatypeProperty, ConflictSide, xsdInteger},
		{MinValue, owlDatatypeProperty, Quantity, xsdInteger},
		{MaxValue, owlDatatypeProperty, Quantity, xsdInteger},
	}
	for _, w := range want {
		if !ix.has(w.p, Type, w.kind) {
			t.Errorf("%s: not a %s", w.p, w.kind)
		}
		for _, c := range []struct {
			p, o rdf.Term
		}{{rdfsDomain, w.dom}, {rdfsRange, w.rng}} {
			got := ix[w.p][c.p]
			switch {
			case c.o.IsZero() && len(got) != 0:
				t.Errorf("%s %s %v, want none", w.p, c.p, got)
			case !c.o.IsZero() && (len(got) != 1 || got[0] != c.o):
				t.Errorf("%s %s %v, want %s", w.p, c.p, got, c.o)
			}
		}
	}
	if !ix.has(MilitaryConflict, rdfsSubClassOf, Event) {
		t.Error("kg:MilitaryConflict is not a subclass of kg:Event")
	}
	// The contract's "also typed as" column.
	for c, owlAlsoType := range map[rdf.Term]rdf.Term{
		Person: SchemaPerson, Place: SchemaPlace, Force: SchemaOrganization,
		Event: SchemaEvent, MilitaryConflict: SchemaEvent, Article: SchemaArticle,
	} {
		if !ix.has(c, rdfsSubClassOf, owlAlsoType) {
			t.Errorf("%s is not a subclass of %s", c, owlAlsoType)
		}
	}
}

func TestOntologyHonestAlignments(t *testing.T) {
	ix := newTripleIndex(Ontology())
	// These DBpedia properties are stated on the conflict, or admit only
	// xsd:date: they must not be super-properties of wikikg's.
	for p, not := range map[rdf.Term]rdf.Term{
		Commander:  dboTerm("commander"),
		Strength:   dboTerm("strength"),
		Casualties: dboTerm("casualties"),
		PartOf:     dboTerm("isPartOfMilitaryConflict"),
		BirthDate:  dboTerm("birthDate"),
		DeathDate:  dboTerm("deathDate"),
	} {
		if ix.has(p, rdfsSubPropertyOf, not) || ix.has(p, rdf.IRI(OWL+"equivalentProperty"), not) {
			t.Errorf("%s is aligned with %s, which does not hold", p, not)
		}
	}
	if ix.has(Force, rdfsSubClassOf, dboTerm("MilitaryUnit")) || ix.has(Force, rdf.IRI(OWL+"equivalentClass"), dboTerm("MilitaryUnit")) {
		t.Error("kg:Force is aligned with dbo:MilitaryUnit")
	}
}

func TestOntologyHeader(t *testing.T) {
	ts := Ontology()
	ont := rdf.IRI(OntologyIRI)
	if ts[0] != (rdf.Triple{S: ont, P: Type, O: owlOntology}) {
		t.Errorf("first triple %v, want the owl:Ontology declaration", ts[0])
	}
	ix := newTripleIndex(ts)
	if !ix.has(ont, owlVersionInfo, rdf.String(OntologyVersion)) {
		t.Error("no owl:versionInfo")
	}
	if len(ix[ont][Label]) != 1 || len(ix[ont][rdfsComment]) != 1 {
		t.Error("the ontology has no single label and comment")
	}
}

func TestOntologyTriplesValid(t *testing.T) {
	for _, tr := range Ontology() {
		if err := (rdf.Quad{S: tr.S, P: tr.P, O: tr.O}).Validate(); err != nil {
			t.Errorf("%v %v %v: %v", tr.S, tr.P, tr.O, err)
		}
	}
}

func TestOntologyNoDuplicates(t *testing.T) {
	seen := map[rdf.Triple]bool{}
	for _, tr := range Ontology() {
		if seen[tr] {
			t.Errorf("duplicate triple %v %v %v", tr.S, tr.P, tr.O)
		}
		seen[tr] = true
	}
}

func TestOntologyDeterministic(t *testing.T) {
	a := Ontology()
	a[0] = rdf.Triple{} // a caller's change must not reach the next call
	b, c := Ontology(), Ontology()
	if !reflect.DeepEqual(b, c) {
		t.Fatal("Ontology returns different triples on two calls")
	}
	if b[0].S.IsZero() {
		t.Fatal("Ontology returns a shared slice")
	}
}

// TestOntologyEveryTermDeclared checks that every IRI the axioms refer to is
// declared, so the ontology is complete for OWL 2 DL tools: every term of
// the KG namespace, and every class or property of another vocabulary used
// as the object of an axiom.
func TestOntologyEveryTermDeclared(t *testing.T) {
	ts := Ontology()
	ix := newTripleIndex(ts)
	builtin := func(x rdf.Term) bool {
		return strings.HasPrefix(x.Value, OWL) || strings.HasPrefix(x.Value, XSD) ||
			strings.HasPrefix(x.Value, RDFS) || strings.HasPrefix(x.Value, RDF)
	}
	declared := func(x rdf.Term) bool {
		return len(ix[x][Type]) > 0
	}
	axioms := map[rdf.Term]bool{rdfsSubClassOf: true, rdfsSubPropertyOf: true, rdfsDomain: true, rdfsRange: true}
	for _, tr := range ts {
		for _, x := range []rdf.Term{tr.S, tr.O} {
			if x.IsIRI() && strings.HasPrefix(x.Value, KG) && !declared(x) {
				t.Errorf("%s used but not declared", x)
			}
		}
		if axioms[tr.P] && tr.O.IsIRI() && !builtin(tr.O) && !declared(tr.O) {
			t.Errorf("%s, object of %s, is not declared", tr.O, tr.P)
		}
		if tr.P != Type && !builtin(tr.P) && !declared(tr.P) {
			t.Errorf("predicate %s is not declared", tr.P)
		}
	}
	// A property is aligned only with a property of its own kind.
	for _, tr := range ts {
		if tr.P != rdfsSubPropertyOf {
			continue
		}
		for _, k := range []rdf.Term{owlObjectProperty, owlDatatypeProperty} {
			if ix.has(tr.S, Type, k) && !ix.has(tr.O, Type, k) {
				t.Errorf("%s is a %s, its super-property %s is not", tr.S, k, tr.O)
			}
		}
	}
}

func owlNTriples(ts []rdf.Triple) []byte {
	var b strings.Builder
	for _, tr := range ts {
		rdf.AppendNTriples(&b, tr.S)
		b.WriteByte(' ')
		rdf.AppendNTriples(&b, tr.P)
		b.WriteByte(' ')
		rdf.AppendNTriples(&b, tr.O)
		b.WriteString(" .\n")
	}
	return []byte(b.String())
}

func TestOntologyParses(t *testing.T) {
	ts := Ontology()
	nt := owlNTriples(ts)
	got, err := krdf.NewTripleDecoder(bytes.NewReader(nt), krdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ts) {
		t.Errorf("parsed %d triples, want %d", len(got), len(ts))
	}
	if _, err := os.Stat("/usr/bin/rapper"); err == nil {
		rapperCheck(t, "ntriples", nt)
	}
}

// rapperCheck parses data with rapper and fails on any error or warning.
func rapperCheck(t *testing.T, syntax string, data []byte) {
	t.Helper()
	cmd := exec.Command("/usr/bin/rapper", "-i", syntax, "-c", "-", "https://w3id.org/wikikg/test")
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("rapper: %v\n%s", err, stderr.String())
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, "Warning") || strings.Contains(line, "Error") {
			t.Errorf("rapper: %s", line)
		}
	}
}

// TestVocabularyDocListsOntology checks that docs/vocabulary.md names every
// kg: term the ontology declares, so the reference stays in step with
// `wikikg ontology`.
func TestVocabularyDocListsOntology(t *testing.T) {
	doc, err := os.ReadFile("../docs/vocabulary.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, tr := range Ontology() {
		if !strings.HasPrefix(tr.S.Value, KG) || seen[tr.S.Value] {
			continue
		}
		seen[tr.S.Value] = true
		name := "kg:" + strings.TrimPrefix(tr.S.Value, KG)
		if !strings.Contains(string(doc), "`"+name+"`") && !strings.Contains(string(doc), "`"+name+" ") && !strings.Contains(string(doc), name+"`") {
			t.Errorf("docs/vocabulary.md does not list %s", name)
		}
	}
	if len(seen) < 30 {
		t.Errorf("only %d kg: terms in the ontology", len(seen))
	}
}
