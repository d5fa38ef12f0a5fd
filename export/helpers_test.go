package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	krdf "github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"

	"github.com/wikikg/wikikg/rdf"
)

const (
	res = "https://w3id.org/wikikg/resource/"
	ont = "https://w3id.org/wikikg/ontology/"
	xsd = "http://www.w3.org/2001/XMLSchema#"
)

var testPrefixes = []rdf.Prefix{
	{Name: "res", IRI: res},
	{Name: "ont", IRI: ont},
	{Name: "xsd", IRI: xsd},
	{Name: "rdf", IRI: "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
}

// hardQuads holds the cases that break naive encoders.
func hardQuads() []rdf.Quad {
	siege := rdf.IRI(res + "Siege_of_Pyongyang_(1592)")
	kim := rdf.IRI(res + "Kim_Myŏngwŏn")
	g := rdf.IRI("https://w3id.org/wikikg/graph/1")
	return []rdf.Quad{
		{S: siege, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(ont + "Battle")},
		{S: siege, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(ont + "Event")},
		{S: siege, P: rdf.IRI(ont + "commander"), O: kim},
		{S: siege, P: rdf.IRI(ont + "commander"), O: rdf.IRI(res + "100%25_pure")},
		{S: siege, P: rdf.IRI(ont + "label"), O: rdf.LangString("Siege of Pyongyang", "en")},
		{S: siege, P: rdf.IRI(ont + "date"), O: rdf.Typed("1592-07-15", rdf.XSDDate)},
		{S: siege, P: rdf.IRI(ont + "year"), O: rdf.Typed("1592", rdf.XSDGYear)},
		{S: kim, P: rdf.IRI(ont + "note"), O: rdf.String(`x" . <http://evil> <p> "y`)},
		{S: kim, P: rdf.IRI(ont + "note"), O: rdf.String("line1\nline2\x00nul\u2028sep\\back\"\"\"")},
		{S: kim, P: rdf.IRI(ont + "count"), O: rdf.Typed("007", rdf.XSDInteger)},
		{S: kim, P: rdf.IRI(ont + "count"), O: rdf.Typed("42", rdf.XSDInteger)},
		{S: kim, P: rdf.IRI(ont + "flag"), O: rdf.Typed("true", rdf.XSDBoolean)},
		{S: rdf.Blank("b1"), P: rdf.IRI(ont + "knows"), O: rdf.Blank("b2"), G: g},
		{S: rdf.Blank("b1"), P: rdf.IRI("http://example.org/p.end."), O: rdf.IRI(res + "end."), G: g},
	}
}

// key renders q as one canonical line for set comparison; with noBlank,
// blank node labels are erased, for parsers that relabel them.
func key(q rdf.Quad, noBlank bool) string {
	t := func(x rdf.Term) string {
		if noBlank && x.IsBlank() {
			return "_:"
		}
		if x.IsLiteral() {
			x.Lang = strings.ToLower(x.Lang)
		}
		return x.String()
	}
	s := t(q.S) + " " + t(q.P) + " " + t(q.O)
	if !q.G.IsZero() {
		s += " " + t(q.G)
	}
	return s
}

func keys(qs []rdf.Quad, noGraph, noBlank bool) []string {
	var out []string
	for _, q := range qs {
		if noGraph {
			q.G = rdf.Term{}
		}
		out = append(out, key(q, noBlank))
	}
	sort.Strings(out)
	return out
}

func sameSet(t testing.TB, got, want []string, output string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("round trip differs\n got: %q\nwant: %q\noutput:\n%s", got, want, output)
	}
}

func fromKnakk(t krdf.Term) rdf.Term {
	switch x := t.(type) {
	case krdf.IRI:
		return rdf.IRI(x.String())
	case krdf.Blank:
		return rdf.Blank(x.String())
	case krdf.Literal:
		// knakk's term equality ignores datatypes, so the datatype and
		// language are carried over explicitly.
		if x.Lang() != "" {
			return rdf.Term{Kind: rdf.KindLiteral, Value: x.String(), Datatype: rdf.RDFLangString, Lang: x.Lang()}
		}
		return rdf.Typed(x.String(), x.DataType.String())
	}
	return rdf.Term{}
}

// decodeKnakk parses output in format f ("nt", "nq" or "ttl") with knakk.
func decodeKnakk(data []byte, f Format) ([]rdf.Quad, error) {
	var out []rdf.Quad
	if f == NQuads {
		qs, err := krdf.NewQuadDecoder(bytes.NewReader(data), krdf.NQuads).DecodeAll()
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			g := fromKnakk(q.Ctx)
			if b, ok := q.Ctx.(krdf.Blank); ok && b.String() == "defaultGraph" {
				g = rdf.Term{}
			}
			out = append(out, rdf.Quad{S: fromKnakk(q.Subj), P: fromKnakk(q.Pred), O: fromKnakk(q.Obj), G: g})
		}
		return out, nil
	}
	kf := krdf.NTriples
	if f == Turtle {
		kf = krdf.Turtle
	}
	ts, err := krdf.NewTripleDecoder(bytes.NewReader(data), kf).DecodeAll()
	if err != nil {
		return nil, err
	}
	for _, t := range ts {
		out = append(out, rdf.Quad{S: fromKnakk(t.Subj), P: fromKnakk(t.Pred), O: fromKnakk(t.Obj)})
	}
	return out, nil
}

// refuseLoader is a json-gold document loader that loads nothing, so a test
// can never reach the network.
type refuseLoader struct{}

func (refuseLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("refusing to load %q", u))
}

func fromGold(n ld.Node) rdf.Term {
	switch x := n.(type) {
	case ld.IRI:
		return rdf.IRI(x.Value)
	case *ld.IRI:
		return rdf.IRI(x.Value)
	case ld.BlankNode:
		return rdf.Blank(strings.TrimPrefix(x.Attribute, "_:"))
	case *ld.BlankNode:
		return rdf.Blank(strings.TrimPrefix(x.Attribute, "_:"))
	case ld.Literal:
		return goldLiteral(x)
	case *ld.Literal:
		return goldLiteral(*x)
	}
	return rdf.Term{}
}

func goldLiteral(x ld.Literal) rdf.Term {
	if x.Language != "" {
		return rdf.Term{Kind: rdf.KindLiteral, Value: x.Value, Datatype: rdf.RDFLangString, Lang: x.Language}
	}
	return rdf.Typed(x.Value, x.Datatype)
}

// decodeJSONLD turns JSON-LD output into quads with json-gold.
func decodeJSONLD(data []byte) ([]rdf.Quad, error) {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = refuseLoader{}
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, err
	}
	ds, ok := out.(*ld.RDFDataset)
	if !ok {
		return nil, errors.New("ToRDF returned no dataset")
	}
	var qs []rdf.Quad
	for g, quads := range ds.Graphs {
		if g != "@default" {
			return nil, fmt.Errorf("unexpected graph %q", g)
		}
		for _, q := range quads {
			qs = append(qs, rdf.Quad{S: fromGold(q.Subject), P: fromGold(q.Predicate), O: fromGold(q.Object)})
		}
	}
	return qs, nil
}

// encodeAll writes qs with a new encoder of format f, skipping (and
// counting) the quads it rejects as invalid.
func encodeAll(t testing.TB, f Format, prefixes []rdf.Prefix, qs []rdf.Quad) (out []byte, written []rdf.Quad) {
	t.Helper()
	var buf bytes.Buffer
	enc, err := NewEncoder(&buf, f, Options{Prefixes: prefixes})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		err := enc.Encode(q)
		var iq *InvalidQuadError
		switch {
		case err == nil:
			if q.Validate() != nil {
				t.Fatalf("%s: invalid quad %v accepted", f, q)
			}
			written = append(written, q)
		case errors.As(err, &iq):
			if q.Validate() == nil {
				t.Fatalf("%s: valid quad %v rejected: %v", f, q, err)
			}
		default:
			t.Fatalf("%s: Encode: %v", f, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("%s: Close: %v", f, err)
	}
	return buf.Bytes(), written
}

// roundTrip decodes out with an independent parser and requires the same
// quads as written (graphs dropped for triple formats).
func roundTrip(t testing.TB, f Format, out []byte, written []rdf.Quad) {
	t.Helper()
	var got []rdf.Quad
	var err error
	noBlank := false
	switch f {
	case JSONLD:
		got, err = decodeJSONLD(out)
		noBlank = true
	case TriG:
		return // no Go TriG parser at hand; rapper checks TriG
	default:
		got, err = decodeKnakk(out, f)
	}
	if err != nil {
		t.Fatalf("%s: decoding our output: %v\n%s", f, err, out)
	}
	noGraph := f != NQuads
	// Triple formats and json-gold drop duplicates, as RDF graphs are sets.
	sameSet(t, dedup(keys(got, noGraph, noBlank)), dedup(keys(written, noGraph, noBlank)), string(out))
}

func dedup(s []string) []string {
	out := s[:0:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
