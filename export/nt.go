package export

import (
	"io"

	"github.com/wikikg/wikikg/rdf"
)

// NTriplesEncoder writes quads as N-Triples, one triple a line, ignoring
// graph names.
type NTriplesEncoder struct {
	s sink
}

// NewNTriplesEncoder returns an encoder writing N-Triples to w.
func NewNTriplesEncoder(w io.Writer) *NTriplesEncoder {
	e := &NTriplesEncoder{}
	e.s.init(w)
	return e
}

// Encode writes q's triple. An invalid quad is not written: Encode returns an
// *InvalidQuadError and the encoder stays usable.
func (e *NTriplesEncoder) Encode(q rdf.Quad) error {
	if err := e.s.check(q); err != nil {
		return err
	}
	e.s.writeLine(q, false)
	return e.s.done()
}

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *NTriplesEncoder) EncodeValid(q rdf.Quad) error { return e.s.encodeValid(e, q) }

// Close flushes buffered output. It does not close the underlying writer.
func (e *NTriplesEncoder) Close() error { return e.s.close() }

// writeLine writes q as one N-Triples or, with graph set, N-Quads line.
func (s *sink) writeLine(q rdf.Quad, graph bool) {
	s.writeTerm(q.S)
	s.bw.WriteByte(' ')
	s.writeTerm(q.P)
	s.bw.WriteByte(' ')
	s.writeTerm(q.O)
	if graph && !q.G.IsZero() {
		s.bw.WriteByte(' ')
		s.writeTerm(q.G)
	}
	s.bw.WriteString(" .\n")
}

// writeTerm writes t in N-Triples syntax. An IRI the validator finds
// valid is written as it is: validity implies that IRIREF takes it
// unescaped, and the validator's cache knows the IRIs that repeat from
// line to line (subjects, predicates, graph names) without reading them.
// A quad given to EncodeValid is valid already.
func (s *sink) writeTerm(t rdf.Term) {
	if t.Kind == rdf.KindIRI && (s.trusted || s.valid.Term(t) == nil) {
		s.bw.WriteByte('<')
		s.bw.WriteString(t.Value)
		s.bw.WriteByte('>')
		return
	}
	rdf.AppendNTriples(s.bw, t)
}
