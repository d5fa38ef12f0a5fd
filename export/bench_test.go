package export

import (
	"bytes"
	"io"
	"strconv"
	"testing"

	"github.com/wikikg/wikikg/rdf"
)

// benchQuads is a wikikg-shaped workload: subjects with a type, a label,
// a date, a count and several links, some of which need escaping.
func benchQuads(n int) []rdf.Quad {
	var qs []rdf.Quad
	for i := 0; len(qs) < n; i++ {
		s := rdf.IRI(res + "Battle_" + strconv.Itoa(i) + "_(1592)")
		g := rdf.IRI("https://w3id.org/wikikg/graph/" + strconv.Itoa(i/100))
		qs = append(qs,
			rdf.Quad{S: s, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(ont + "Battle"), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "label"), O: rdf.LangString("Battle "+strconv.Itoa(i)+" of \"Pyongyang\"", "en"), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "date"), O: rdf.Typed("1592-07-15", rdf.XSDDate), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "casualties"), O: rdf.Typed(strconv.Itoa(i*37), rdf.XSDInteger), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "commander"), O: rdf.IRI(res + "Kim_Myŏngwŏn"), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "commander"), O: rdf.IRI(res + "Konishi_Yukinaga"), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "place"), O: rdf.IRI(res + "Pyongyang"), G: g},
			rdf.Quad{S: s, P: rdf.IRI(ont + "abstract"), O: rdf.String("The siege took place in 1592.\nIt ended the first phase of the war."), G: g},
		)
	}
	return qs[:n]
}

func benchEncoder(b *testing.B, f Format) {
	qs := benchQuads(8000)
	var sized bytes.Buffer
	enc, _ := NewEncoder(&sized, f, Options{Prefixes: testPrefixes})
	for _, q := range qs {
		enc.Encode(q)
	}
	enc.Close()
	b.SetBytes(int64(sized.Len() / len(qs)))
	enc, _ = NewEncoder(io.Discard, f, Options{Prefixes: testPrefixes})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := enc.Encode(qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

func BenchmarkNTriples(b *testing.B) { benchEncoder(b, NTriples) }
func BenchmarkNQuads(b *testing.B)   { benchEncoder(b, NQuads) }
func BenchmarkTurtle(b *testing.B)   { benchEncoder(b, Turtle) }
func BenchmarkTriG(b *testing.B)     { benchEncoder(b, TriG) }
func BenchmarkJSONLD(b *testing.B)   { benchEncoder(b, JSONLD) }

// BenchmarkNQuadsValid and BenchmarkNQuadsValidGraph write the same valid
// graph quad by quad and in one call, as build does.
func BenchmarkNQuadsValid(b *testing.B)      { benchValid(b, false) }
func BenchmarkNQuadsValidGraph(b *testing.B) { benchValid(b, true) }

func benchValid(b *testing.B, graph bool) {
	qs := benchQuads(8000)
	g := rdf.IRI(res + "Siege_of_Pyongyang_(1592)#article")
	ts := make([]rdf.Triple, len(qs))
	for i, q := range qs {
		ts[i] = rdf.Triple{S: q.S, P: q.P, O: q.O}
	}
	enc := NewNQuadsEncoder(io.Discard)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if graph {
			enc.EncodeValidGraph(g, ts)
			continue
		}
		for _, t := range ts {
			enc.EncodeValid(rdf.Quad{S: t.S, P: t.P, O: t.O, G: g})
		}
	}
	b.ReportMetric(float64(b.N*len(ts))/b.Elapsed().Seconds(), "triples/s")
}
