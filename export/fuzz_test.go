package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/internal/plainlang"
	"github.com/wikikg/wikikg/rdf"
)

// fuzzQuads builds quads from arbitrary strings: iri is appended to a
// namespace (and also used whole, as an absolute IRI), lex and lang make
// literals of several datatypes. Many results are invalid on purpose: the
// encoders must reject exactly those.
func fuzzQuads(iri, lex, lang, blank string) []rdf.Quad {
	s := rdf.IRI(res + iri)
	p := rdf.IRI(ont + iri)
	abs := rdf.IRI(iri)
	b := rdf.Blank(blank)
	objs := []rdf.Term{
		rdf.String(lex),
		rdf.LangString(lex, lang),
		{Kind: rdf.KindLiteral, Value: lex, Datatype: rdf.RDFLangString, Lang: lang},
		rdf.Typed(lex, rdf.XSDInteger),
		rdf.Typed(lex, rdf.XSDDecimal),
		rdf.Typed(lex, rdf.XSDDouble),
		rdf.Typed(lex, rdf.XSDBoolean),
		rdf.Typed(lex, rdf.XSDDate),
		rdf.Typed(lex, rdf.XSDGYear),
		rdf.Typed(lex, res+iri),
		s, abs, b,
	}
	var qs []rdf.Quad
	for _, o := range objs {
		qs = append(qs, rdf.Quad{S: s, P: p, O: o}, rdf.Quad{S: abs, P: abs, O: o, G: b})
	}
	qs = append(qs,
		rdf.Quad{S: b, P: rdf.IRI(rdf.RDFType), O: s, G: s},
		rdf.Quad{S: b, P: rdf.IRI(rdf.RDFType), O: rdf.String(lex), G: s},
	)
	return qs
}

func addSeeds(f *testing.F) {
	f.Add("Siege_of_Pyongyang_(1592)", `x" . <http://evil> <p> "y`, "en", "b1")
	f.Add("100%25_pure", "line\n\x00\u2028\\\"\"\"", "en-US", "b.1")
	f.Add("Kim_Myŏngwŏn", "007", "en_US", "-b")
	f.Add("St.", "2020-02-30", "ko", "b-")
	f.Add("urn:isbn:1", "1.5E-3", "x-private", "_")
	f.Add("res:x", "-0", "", "0")
	f.Add("-x.", "true", "@en", "b")
	f.Add("//a", "INF", "en--us", "a.b")
	f.Add("mailto:someone", "", "", "b")
}

func fuzzFormat(f *testing.F, formats ...Format) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, iri, lex, lang, blank string) {
		qs := fuzzQuads(iri, lex, lang, blank)
		prefixes := append([]rdf.Prefix{{Name: "urn", IRI: "urn:x:"}, {Name: "mailto", IRI: "http://example.org/mailto/"}}, testPrefixes...)
		for _, format := range formats {
			for _, pf := range [][]rdf.Prefix{nil, prefixes} {
				out, written := encodeAll(t, format, pf, qs)
				roundTrip(t, format, out, written)
			}
			checkGraphEncoder(t, format, qs)
		}
	})
}

// checkGraphEncoder checks that a GraphEncoder writes the valid quads of
// qs, a run of one graph per EncodeValidGraph call, as EncodeValid writes
// them one by one.
func checkGraphEncoder(t *testing.T, format Format, qs []rdf.Quad) {
	t.Helper()
	var one, batch bytes.Buffer
	enc, _ := NewEncoder(&one, format, Options{})
	genc, ok := enc.(GraphEncoder)
	if !ok {
		return
	}
	ge, _ := NewEncoder(&batch, format, Options{})
	var run []rdf.Triple
	var g rdf.Term
	flush := func() {
		if err := ge.(GraphEncoder).EncodeValidGraph(g, run); err != nil {
			t.Fatal(err)
		}
		run = run[:0]
	}
	for _, q := range qs {
		if q.Validate() != nil {
			continue
		}
		if err := genc.EncodeValid(q); err != nil {
			t.Fatal(err)
		}
		if len(run) > 0 && q.G != g {
			flush()
		}
		g = q.G
		run = append(run, rdf.Triple{S: q.S, P: q.P, O: q.O})
	}
	flush()
	enc.Close()
	if err := ge.Close(); err != nil {
		t.Fatal(err)
	}
	if one.String() != batch.String() {
		t.Fatalf("%s: EncodeValidGraph wrote\n%s\nEncodeValid\n%s", format, batch.String(), one.String())
	}
	if err := ge.(GraphEncoder).EncodeValidGraph(rdf.Term{}, nil); err != ErrClosed {
		t.Fatalf("%s: EncodeValidGraph after Close: %v, want ErrClosed", format, err)
	}

	// The same calls, through a writer whose buffer the lines are
	// appended to, one small enough to be handed on within a graph.
	ab := &appendBuffer{size: 300}
	ae, _ := NewEncoder(ab, format, Options{})
	run, g = run[:0], rdf.Term{}
	for _, q := range qs {
		if q.Validate() != nil {
			continue
		}
		if len(run) > 0 && q.G != g {
			if err := ae.(GraphEncoder).EncodeValidGraph(g, run); err != nil {
				t.Fatal(err)
			}
			run = run[:0]
		}
		g = q.G
		run = append(run, rdf.Triple{S: q.S, P: q.P, O: q.O})
	}
	if err := ae.(GraphEncoder).EncodeValidGraph(g, run); err != nil {
		t.Fatal(err)
	}
	if err := ae.Close(); err != nil {
		t.Fatal(err)
	}
	if got := ab.String(); got != one.String() {
		t.Fatalf("%s: EncodeValidGraph to an appendWriter wrote\n%s\nEncodeValid\n%s", format, got, one.String())
	}
}

// appendBuffer is an appendWriter, as asyncwrite.Writer is, that hands
// its buffer on to out once it holds size bytes, and fails once err is
// set.
type appendBuffer struct {
	out  bytes.Buffer
	buf  []byte
	size int
	err  error
}

func (a *appendBuffer) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	a.buf = append(a.buf, p...)
	return len(p), nil
}

func (a *appendBuffer) Buffer() []byte { return a.buf }

func (a *appendBuffer) Commit(b []byte) error {
	a.buf = b
	if len(b) >= a.size && a.err == nil {
		a.out.Write(b)
		a.buf = b[:0]
	}
	return a.err
}

func (a *appendBuffer) String() string { return a.out.String() + string(a.buf) }

func TestEncodeValidGraph(t *testing.T) {
	for _, format := range []Format{NTriples, NQuads} {
		t.Run(string(format), func(t *testing.T) {
			checkGraphEncoder(t, format, hardQuads())
		})
		// A graph whose lines fill writeValidLines's buffer many times.
		t.Run(string(format)+"/large", func(t *testing.T) {
			var qs []rdf.Quad
			for i := 0; i < 2000; i++ {
				s := rdf.IRI(fmt.Sprintf("%sE%d", res, i))
				qs = append(qs,
					rdf.Quad{S: s, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(ont + "Person"), G: rdf.IRI(res + "g")},
					rdf.Quad{S: s, P: rdf.IRI(ont + "label"), O: rdf.LangString(fmt.Sprintf("E \"%d\"\n", i), "en"), G: rdf.IRI(res + "g")})
			}
			checkGraphEncoder(t, format, qs)
		})
		// Objects around the fast paths for IRIs and labels: labels plain
		// and not, of eight bytes and about, in other tags, and terms of
		// other kinds that carry a tag.
		t.Run(string(format)+"/objects", func(t *testing.T) {
			s, p, g := rdf.IRI(res+"S"), rdf.IRI(ont+"label"), rdf.IRI(res+"g")
			var qs []rdf.Quad
			for _, o := range []rdf.Term{
				rdf.LangString("", "en"), rdf.LangString("Ane", "en"), rdf.LangString("Ane Riv", "en"),
				rdf.LangString("Ane Rive", "en"), rdf.LangString("Ane River", "en"), rdf.LangString("Tōkyō 東京", "en"),
				rdf.LangString("a \"b\"", "en"), rdf.LangString("line\nbreak ok", "en"), rdf.LangString("x", "en-GB"),
				rdf.LangString("x", "fr"), rdf.String("plain"), rdf.Integer(7),
				{Kind: rdf.KindBlank, Value: "b1", Lang: "en"}, {Kind: rdf.KindIRI, Value: res + "O", Lang: "en"},
				// Labels tagged plainlang.En, written without a look.
				{Kind: rdf.KindLiteral, Value: "Ane River", Datatype: rdf.RDFLangString, Lang: plainlang.En},
				{Kind: rdf.KindLiteral, Value: "Tōkyō", Datatype: rdf.RDFLangString, Lang: plainlang.En},
			} {
				qs = append(qs, rdf.Quad{S: s, P: p, O: o, G: g}, rdf.Quad{S: rdf.Blank("b2"), P: p, O: o, G: g})
			}
			checkGraphEncoder(t, format, qs)
		})
	}
}

func FuzzNTriples(f *testing.F) { fuzzFormat(f, NTriples) }
func FuzzNQuads(f *testing.F)   { fuzzFormat(f, NQuads) }
func FuzzTurtle(f *testing.F)   { fuzzFormat(f, Turtle) }
func FuzzJSONLD(f *testing.F)   { fuzzFormat(f, JSONLD) }

// FuzzTriG checks that TriG output, which no Go parser here reads, has the
// same statements as the Turtle output once block syntax is taken out: the
// two share their writer, so this checks the block bookkeeping.
func FuzzTriG(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, iri, lex, lang, blank string) {
		qs := fuzzQuads(iri, lex, lang, blank)
		out, written := encodeAll(t, TriG, testPrefixes, qs)
		if n := strings.Count(string(out), " {\n"); n > len(written) {
			t.Fatalf("%d blocks for %d quads", n, len(written))
		}
	})
}

// TestEncodeValidGraphMixed interleaves EncodeValidGraph with Encode and
// EncodeValid, whose lines must come after the lines EncodeValidGraph
// keeps back, and checks the output against Encode's alone.
func TestEncodeValidGraphMixed(t *testing.T) {
	for _, format := range []Format{NTriples, NQuads} {
		t.Run(string(format), func(t *testing.T) {
			var want, got bytes.Buffer
			plain, _ := NewEncoder(&want, format, Options{})
			enc, _ := NewEncoder(&got, format, Options{})
			ge := enc.(GraphEncoder)
			for i, q := range hardQuads() {
				if q.Validate() != nil {
					continue
				}
				if err := plain.Encode(q); err != nil {
					t.Fatal(err)
				}
				var err error
				switch i % 3 {
				case 0:
					err = ge.EncodeValidGraph(q.G, []rdf.Triple{{S: q.S, P: q.P, O: q.O}})
				case 1:
					err = ge.Encode(q)
				default:
					err = ge.EncodeValid(q)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			plain.Close()
			if err := enc.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("mixed calls wrote\n%s\nEncode wrote\n%s", got.String(), want.String())
			}
		})
	}
}
