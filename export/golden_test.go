package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/rdf"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.* from the encoders' output")

// TestGolden compares each encoder's whole output for hardQuads with a file
// under testdata, so any change of output shows up in review.
func TestGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			out, _ := encodeAll(t, f, testPrefixes, hardQuads())
			path := filepath.Join("testdata", "golden."+string(f))
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", path, out)
			}
		})
	}
}

// TestTermSyntax pins how single objects are written, one case per pitfall.
func TestTermSyntax(t *testing.T) {
	s := rdf.IRI(res + "S")
	p := rdf.IRI(ont + "p")
	tests := []struct {
		name   string
		o      rdf.Term
		turtle string
		jsonld string
	}{
		{"parens written in full", rdf.IRI(res + "Siege_of_Pyongyang_(1592)"), `<` + res + `Siege_of_Pyongyang_(1592)>`, `{"@id": "res:Siege_of_Pyongyang_(1592)"}`},
		{"percent kept", rdf.IRI(res + "a%25b"), `res:a%25b`, `{"@id": "res:a%25b"}`},
		{"trailing dot", rdf.IRI(res + "St."), `<` + res + `St.>`, `{"@id": "res:St."}`},
		{"leading dash", rdf.IRI(res + "-x"), `<` + res + `-x>`, `{"@id": "res:-x"}`},
		{"leading digit", rdf.IRI(res + "1592"), `res:1592`, `{"@id": "res:1592"}`},
		{"colon", rdf.IRI(res + "Category:War"), `<` + res + `Category:War>`, `{"@id": "res:Category:War"}`},
		{"non-ASCII", rdf.IRI(res + "Kim_Myŏngwŏn"), `<` + res + `Kim_Myŏngwŏn>`, `{"@id": "res:Kim_Myŏngwŏn"}`},
		{"no PN_CHARS", rdf.IRI(res + "a[1]"), `<` + res + `a[1]>`, `{"@id": "res:a[1]"}`},
		{"empty local", rdf.IRI(res), `res:`, `{"@id": "https://w3id.org/wikikg/resource/"}`},
		{"double slash", rdf.IRI(res + "//x"), `<` + res + `//x>`, `{"@id": "https://w3id.org/wikikg/resource///x"}`},
		{"injection", rdf.String(`x" . <http://evil> <p> "y`), `"x\" . <http://evil> <p> \"y"`, `"x\" . <http://evil> <p> \"y"`},
		{"controls", rdf.String("a\nb\x00c\u2028d\\e\"\"\"f"), "\"a\\nb\\u0000c\u2028d\\\\e\\\"\\\"\\\"f\"", `"a\nb\u0000c\u2028d\\e\"\"\"f"`},
		{"lang", rdf.LangString("Pyongyang", "en-GB"), `"Pyongyang"@en-gb`, `{"@value": "Pyongyang", "@language": "en-gb"}`},
		{"integer", rdf.Typed("42", rdf.XSDInteger), `42`, `{"@value": "42", "@type": "xsd:integer"}`},
		{"negative", rdf.Typed("-42", rdf.XSDInteger), `-42`, `{"@value": "-42", "@type": "xsd:integer"}`},
		{"leading zero", rdf.Typed("007", rdf.XSDInteger), `"007"^^xsd:integer`, `{"@value": "007", "@type": "xsd:integer"}`},
		{"plus", rdf.Typed("+5", rdf.XSDInteger), `"+5"^^xsd:integer`, `{"@value": "+5", "@type": "xsd:integer"}`},
		{"minus zero", rdf.Typed("-0", rdf.XSDInteger), `"-0"^^xsd:integer`, `{"@value": "-0", "@type": "xsd:integer"}`},
		{"decimal", rdf.Typed("1.5", rdf.XSDDecimal), `1.5`, `{"@value": "1.5", "@type": "xsd:decimal"}`},
		{"decimal no frac", rdf.Typed("1.", rdf.XSDDecimal), `"1."^^xsd:decimal`, `{"@value": "1.", "@type": "xsd:decimal"}`},
		{"double", rdf.Typed("1.5E-3", rdf.XSDDouble), `1.5E-3`, `{"@value": "1.5E-3", "@type": "xsd:double"}`},
		{"double INF", rdf.Typed("INF", rdf.XSDDouble), `"INF"^^xsd:double`, `{"@value": "INF", "@type": "xsd:double"}`},
		{"double no exp", rdf.Typed("1.5", rdf.XSDDouble), `"1.5"^^xsd:double`, `{"@value": "1.5", "@type": "xsd:double"}`},
		{"boolean", rdf.Typed("false", rdf.XSDBoolean), `false`, `{"@value": "false", "@type": "xsd:boolean"}`},
		{"boolean 1", rdf.Typed("1", rdf.XSDBoolean), `"1"^^xsd:boolean`, `{"@value": "1", "@type": "xsd:boolean"}`},
		{"gYear", rdf.Typed("-0044", rdf.XSDGYear), `"-0044"^^xsd:gYear`, `{"@value": "-0044", "@type": "xsd:gYear"}`},
		{"other datatype", rdf.Typed("x", "http://example.org/dt"), `"x"^^<http://example.org/dt>`, `{"@value": "x", "@type": "http://example.org/dt"}`},
		{"blank", rdf.Blank("b0"), `_:b0`, `{"@id": "_:b0"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := rdf.Quad{S: s, P: p, O: tt.o}
			out, written := encodeAll(t, Turtle, testPrefixes, []rdf.Quad{q})
			body := string(out[strings.Index(string(out), "\n\n")+2:])
			if want := "res:S ont:p " + tt.turtle + " .\n"; body != want {
				t.Errorf("Turtle:\n got %q\nwant %q", body, want)
			}
			roundTrip(t, Turtle, out, written)
			rapperCheck(t, Turtle, out, len(written))
			out, written = encodeAll(t, JSONLD, testPrefixes, []rdf.Quad{q})
			if want := `"ont:p": [` + tt.jsonld + "]"; !strings.Contains(string(out), want) {
				t.Errorf("JSON-LD: want %s in\n%s", want, out)
			}
			roundTrip(t, JSONLD, out, written)
		})
	}
}

// TestJSONLDSchemeClash covers an absolute IRI whose scheme is one of the
// prefix names: JSON-LD would read "ex:thing" as a compact IRI, so the
// term is undefined for that node object.
func TestJSONLDSchemeClash(t *testing.T) {
	prefixes := []rdf.Prefix{{Name: "urn", IRI: "http://example.org/urn/"}, {Name: "res", IRI: res}}
	qs := []rdf.Quad{
		{S: rdf.IRI("urn:isbn:123"), P: rdf.IRI(ont + "p"), O: rdf.IRI("http://example.org/urn/x")},
		{S: rdf.IRI(res + "a"), P: rdf.IRI("urn:p"), O: rdf.Typed("v", "urn:dt")},
		{S: rdf.IRI(res + "b"), P: rdf.IRI(ont + "p"), O: rdf.IRI("http://example.org/urn/y")},
	}
	out, written := encodeAll(t, JSONLD, prefixes, qs)
	roundTrip(t, JSONLD, out, written)
	if !strings.Contains(string(out), `{"@id": "urn:y"}`) {
		t.Errorf("prefix not used where it does not clash:\n%s", out)
	}
	for _, f := range []Format{Turtle, TriG} {
		out, written := encodeAll(t, f, prefixes, qs)
		roundTrip(t, f, out, written)
		rapperCheck(t, f, out, len(written))
	}
}
