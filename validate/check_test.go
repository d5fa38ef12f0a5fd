package validate

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/rdf"
	"github.com/wikikg/wikikg/rdfio"
)

// good is a small graph that keeps the contract: a battle with a side, a
// commander, a place, and the article about it.
const good = `@prefix kg: <https://w3id.org/wikikg/ontology#> .
@prefix res: <https://w3id.org/wikikg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
res:B a kg:MilitaryConflict, kg:Event ; rdfs:label "B"@en ;
  kg:startDate "1592-07-19"^^xsd:date ; kg:place res:P ; kg:side res:B\#side1 .
res:B\#side1 a kg:ConflictSide ; kg:sideNumber 1 ; kg:commander res:K ; kg:strength 100 .
res:K a kg:Person ; rdfs:label "K"@en .
res:P a kg:Place ; rdfs:label "P"@en .
res:B\#article a kg:Article ; rdfs:label "B"@en ; kg:about res:B ; kg:mentions res:K ;
  prov:wasDerivedFrom <https://en.wikipedia.org/wiki/B> ; kg:sourceLine 1 .
`

func check(t *testing.T, doc string, f Format) *Report {
	t.Helper()
	c := NewChecker("")
	c.SetFile("test")
	if err := c.Read(strings.NewReader(doc), f); err != nil {
		t.Fatal(err)
	}
	return c.Finish()
}

func TestGoodGraph(t *testing.T) {
	if r := check(t, good, Turtle); !r.OK() {
		t.Fatalf("violations in a good graph: %v", r.Violations)
	}
}

// TestViolations checks one graph per kind of violation: the good graph
// with one statement replaced or added, and the reason expected.
func TestViolations(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"bad date", `"1592-07-19"^^xsd:date`, `"2020-02-30"^^xsd:date`, "not a valid"},
		{"bad integer", "kg:strength 100", `kg:strength "abc"^^xsd:integer`, "not a valid"},
		{"string strength", "kg:strength 100", `kg:strength "100"`, "is not an xsd:integer"},
		{"negative strength", "kg:strength 100", `kg:strength -5`, "less than 0"},
		{"date datatype", `"1592-07-19"^^xsd:date`, `"1592"`, "is not an xsd:date, xsd:gYearMonth or xsd:gYear"},
		{"label not en", `res:K a kg:Person ; rdfs:label "K"@en`, `res:K a kg:Person ; rdfs:label "K"@ko`, "not a literal tagged @en"},
		{"label untagged", `res:K a kg:Person ; rdfs:label "K"@en`, `res:K a kg:Person ; rdfs:label "K"`, "not a literal tagged @en"},
		{"two labels", `res:K a kg:Person ; rdfs:label "K"@en`, `res:K a kg:Person ; rdfs:label "K"@en, "L"@en`, "has 2 rdfs:label"},
		{"no label", `res:P a kg:Place ; rdfs:label "P"@en`, `res:P a kg:Place`, "has 0 rdfs:label"},
		{"commander not a person", "res:K a kg:Person", "res:K a kg:Place", "is not typed kg:Person"},
		{"place not a place", "res:P a kg:Place", "res:P a kg:Force", "is not typed kg:Place"},
		{"no class", `res:K a kg:Person ;`, `res:K `, "has no class"},
		{"schema type alone", `res:K a kg:Person ;`, `res:K a <https://schema.org/Person> ;`, "not its contract class kg:Person"},
		{"unknown class", `res:K a kg:Person ;`, `res:K a kg:Person, kg:Wizard ;`, "unknown class"},
		{"unknown property", `kg:strength 100`, `kg:strength 100 ; kg:colour "red"`, "unknown property"},
		{"side without number", "kg:sideNumber 1 ;", "", "0 kg:sideNumber"},
		{"side number zero", "kg:sideNumber 1", "kg:sideNumber 0", "less than 1"},
		{"side without facts", "kg:commander res:K ; kg:strength 100", "kg:casualties", "states none of"},
		{"side IRI", `kg:side res:B\#side1 .`, `kg:side res:B\#side1, res:B\#flank .
res:B\#flank a kg:ConflictSide ; kg:sideNumber 2 ; kg:strength 1 .`, "does not end in #sideN"},
		{"article about two", "kg:about res:B", "kg:about res:B, res:K", "2 kg:about"},
		{"article about none", "kg:about res:B ;", "", "0 kg:about"},
		{"article source", "prov:wasDerivedFrom <https://en.wikipedia.org/wiki/B> ;", "", "no prov:wasDerivedFrom"},
		{"IRI outside base", "kg:mentions res:K", "kg:mentions <http://example.org/K>", "not under the base"},
		{"subject outside base", `res:P a kg:Place ; rdfs:label "P"@en .`, `res:P a kg:Place ; rdfs:label "P"@en . <http://example.org/X> a kg:Place ; rdfs:label "X"@en .`, "subject IRI is not under the base"},
		{"relative IRI", "kg:mentions res:K", "kg:mentions <K>", "no scheme"},
		{"sameAs", `res:K a kg:Person ;`, `res:K a kg:Person ; <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/Q1> ;`, "Wikidata"},
		{"langString without tag", `kg:strength 100`, `kg:strength 100 ; kg:casualties "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>`, "invalid statement"},
		{"result untagged", `kg:place res:P ;`, `kg:place res:P ; kg:result "won" ;`, "ontology#result> \"won\" is not a literal tagged @en"},
		{"quantity values", "kg:strength 100", "kg:strength 100 ; kg:strengthDetail res:B\\#q .\nres:B\\#q a kg:Quantity ; kg:minValue 1, 2", "2 kg:minValue"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(good, tc.old) {
				t.Fatalf("test bug: %q not in the good graph", tc.old)
			}
			r := check(t, strings.Replace(good, tc.old, tc.new, 1), Turtle)
			if r.OK() {
				t.Fatalf("no violation, want %q", tc.want)
			}
			found := false
			for _, v := range r.Violations {
				found = found || strings.Contains(v.String(), tc.want)
			}
			if !found {
				t.Errorf("want a violation with %q, got %v", tc.want, r.Violations)
			}
		})
	}
}

// TestLexicalStrictness is what rapper lets through and we must not:
// N-Triples lines with bad literals and language tags.
func TestLexicalStrictness(t *testing.T) {
	const s = "<https://w3id.org/wikikg/resource/A#article> <https://w3id.org/wikikg/ontology#sourceLine> "
	for _, tc := range []struct{ name, line, want string }{
		{"Feb 30", `<https://w3id.org/wikikg/resource/B> <https://w3id.org/wikikg/ontology#startDate> "2020-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .`, "not a valid"},
		{"abc integer", s + `"abc"^^<http://www.w3.org/2001/XMLSchema#integer> .`, "not a valid"},
		{"underscore tag", `<https://w3id.org/wikikg/resource/B> <http://www.w3.org/2004/02/skos/core#altLabel> "x"@en_US .`, "language tag"},
		{"surrogate escape", `<https://w3id.org/wikikg/resource/B> <http://www.w3.org/2004/02/skos/core#altLabel> "\ud800"@en .`, "surrogate"},
		{"bad UTF-8", "<https://w3id.org/wikikg/resource/B> <http://www.w3.org/2004/02/skos/core#altLabel> \"\xff\"@en .", "invalid UTF-8"},
		{"space in IRI", `<https://w3id.org/wikikg/resource/B C> <http://www.w3.org/2004/02/skos/core#altLabel> "x"@en .`, "not allowed in an IRI"},
		{"missing dot", `<https://w3id.org/wikikg/resource/B> <http://www.w3.org/2004/02/skos/core#altLabel> "x"@en`, "expected '.'"},
		{"graph in N-Triples", `<https://w3id.org/wikikg/resource/B> <http://www.w3.org/2004/02/skos/core#altLabel> "x"@en <http://g> .`, "expected '.'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := check(t, tc.line+"\n", NTriples)
			found := false
			for _, v := range r.Violations {
				found = found || strings.Contains(v.String(), tc.want)
			}
			if !found {
				t.Errorf("want a violation with %q, got %v", tc.want, r.Violations)
			}
		})
	}
}

// TestSyntaxErrorPosition checks that a bad line is reported with its line
// and column and that the lines after it are still read.
func TestSyntaxErrorPosition(t *testing.T) {
	doc := "<http://a/s> <http://a/p> \"x\" .\n<http://a/s> <http://a/p> \"x\"@ .\n<http://a/s> <http://a/p> <http://a/o> .\n"
	d := rdfio.NewLineDecoder(strings.NewReader(doc), false)
	var got []string
	for {
		q, err := d.Decode()
		if err == io.EOF {
			break
		}
		var se *rdfio.SyntaxError
		if errors.As(err, &se) {
			if se.Line != 2 || se.Column != 31 {
				t.Errorf("error at %d:%d, want 2:31: %v", se.Line, se.Column, se)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, q.O.String())
	}
	if len(got) != 2 {
		t.Errorf("read %v, want two statements around the bad line", got)
	}
}

// TestLongLine checks that a line past rdfio.MaxLine is reported, not kept, and
// that reading goes on.
func TestLongLine(t *testing.T) {
	doc := "<http://a/s> <http://a/p> \"" + strings.Repeat("x", rdfio.MaxLine) + "\" .\n<http://a/s> <http://a/p> \"y\" .\n"
	d := rdfio.NewLineDecoder(strings.NewReader(doc), false)
	_, err := d.Decode()
	if !errors.Is(err, rdfio.ErrLineTooLong) {
		t.Fatalf("got %v, want rdfio.ErrLineTooLong", err)
	}
	if q, err := d.Decode(); err != nil || q.O.Value != "y" {
		t.Fatalf("after the long line: %v %v", q, err)
	}
}

// TestTriG checks graph blocks with and without GRAPH, a comment and a
// string holding braces, and that violations carry their graph.
func TestTriG(t *testing.T) {
	doc := "@prefix res: <https://w3id.org/wikikg/resource/> .\n@prefix kg: <https://w3id.org/wikikg/ontology#> .\n" +
		"res:A\\#article { res:K a kg:Person . # no label {\n }\nGRAPH <https://w3id.org/wikikg/resource/C#article> { res:P a kg:Place ; <http://www.w3.org/2000/01/rdf-schema#label> \"P }\"@en . }\n"
	r := check(t, doc, TriG)
	if len(r.Violations) != 1 || !strings.Contains(r.Violations[0].String(), "0 rdfs:label") || r.Violations[0].Graph != "<https://w3id.org/wikikg/resource/A#article>" {
		t.Errorf("got %v, want one missing label in graph A#article", r.Violations)
	}
	if r.Statements != 3 {
		t.Errorf("%d statements, want 3", r.Statements)
	}
}

// TestTurtleSyntax checks the Turtle parser on the syntax wikikg does not
// write but other tools do, against the N-Triples it means.
func TestTurtleSyntax(t *testing.T) {
	doc := `@base <http://a/> . PREFIX x: <http://a/x#>
<s> x:p 1, -2.5, .5, 1e3, 4.E-2, true ; x:q """a "quoted"
line""", 'single', '''long 'x' '''@en-GB ;; x:r x:local\.name\#frag, x:%41 ;
  x:s [ x:t "in" ], [], ( 1 <o> ) , () ; .
[ x:u x:v ] .
# comment
_:b1 a x:C .`
	want := []string{
		`<http://a/s> <http://a/x#p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		`<http://a/s> <http://a/x#p> "-2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>`,
		`<http://a/s> <http://a/x#p> ".5"^^<http://www.w3.org/2001/XMLSchema#decimal>`,
		`<http://a/s> <http://a/x#p> "1e3"^^<http://www.w3.org/2001/XMLSchema#double>`,
		`<http://a/s> <http://a/x#p> "4.E-2"^^<http://www.w3.org/2001/XMLSchema#double>`,
		`<http://a/s> <http://a/x#p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean>`,
		`<http://a/s> <http://a/x#q> "a \"quoted\"\nline"`,
		`<http://a/s> <http://a/x#q> "single"`,
		`<http://a/s> <http://a/x#q> "long 'x' "@en-GB`,
		`<http://a/s> <http://a/x#r> <http://a/x#local.name#frag>`,
		`<http://a/s> <http://a/x#r> <http://a/x#%41>`,
		`_:anon.g1 <http://a/x#t> "in"`,
		`<http://a/s> <http://a/x#s> _:anon.g1`,
		`<http://a/s> <http://a/x#s> _:anon.g2`,
		`_:anon.g3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		`_:anon.g3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:anon.g4`,
		`_:anon.g4 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://a/o>`,
		`_:anon.g4 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>`,
		`<http://a/s> <http://a/x#s> _:anon.g3`,
		`<http://a/s> <http://a/x#s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>`,
		`_:anon.g5 <http://a/x#u> <http://a/x#v>`,
		`_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/x#C>`,
	}
	var got []string
	err := rdfio.Decode(strings.NewReader(doc), Turtle, func(q rdf.Quad, _ int) {
		got = append(got, q.S.String()+" "+q.P.String()+" "+q.O.String())
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTurtleErrors checks that bad Turtle is a *rdfio.SyntaxError at its line
// and column, never a panic or a hang (".0" crashed knakk/rdf's lexer, and
// ". .5" made it loop).
func TestTurtleErrors(t *testing.T) {
	for _, tc := range []struct{ doc, pos string }{
		{".0\n", "1:1"},
		{"@prefixx:<ttp://a/>..5,\"\"\"5\"\"\";x: [x:d(1 2](", "1:2"},
		{"<a> <b> \"x\"@en_US .", "1:15"},
		{"<a> <b> \"\\ud800\" .", "1:16"},
		{"<a> <b> <c>\n<d> <e> <f> .", "2:1"},
		{"<a> <b> x:c .", "1:11"},
		{"<a> <b> \"open", "1:14"},
	} {
		t.Run(tc.doc, func(t *testing.T) {
			err := rdfio.Decode(strings.NewReader(tc.doc), Turtle, func(rdf.Quad, int) {})
			var se *rdfio.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *rdfio.SyntaxError", err)
			}
			if got := fmt.Sprintf("%d:%d", se.Line, se.Column); got != tc.pos {
				t.Errorf("error %v at %s, want %s", se, got, tc.pos)
			}
		})
	}
}
