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
	writeLine(e.s.bw, q, false)
	return e.s.done()
}

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *NTriplesEncoder) EncodeValid(q rdf.Quad) error {
	e.s.trusted = true
	err := e.Encode(q)
	e.s.trusted = false
	return err
}

// Close flushes buffered output. It does not close the underlying writer.
func (e *NTriplesEncoder) Close() error { return e.s.close() }

// writeLine writes q as one N-Triples or, with graph set, N-Quads line.
func writeLine(w rdf.Writer, q rdf.Quad, graph bool) {
	rdf.AppendNTriples(w, q.S)
	w.WriteByte(' ')
	rdf.AppendNTriples(w, q.P)
	w.WriteByte(' ')
	rdf.AppendNTriples(w, q.O)
	if graph && !q.G.IsZero() {
		w.WriteByte(' ')
		rdf.AppendNTriples(w, q.G)
	}
	w.WriteString(" .\n")
}
