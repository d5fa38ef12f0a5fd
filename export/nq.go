package export

import (
	"io"

	"github.com/wikikg/wikikg/rdf"
)

// NQuadsEncoder writes quads as N-Quads, one quad a line; quads in the
// default graph are written without a graph label.
type NQuadsEncoder struct {
	s sink
}

// NewNQuadsEncoder returns an encoder writing N-Quads to w.
func NewNQuadsEncoder(w io.Writer) *NQuadsEncoder {
	e := &NQuadsEncoder{}
	e.s.init(w)
	return e
}

// Encode writes q. An invalid quad is not written: Encode returns an
// *InvalidQuadError and the encoder stays usable.
func (e *NQuadsEncoder) Encode(q rdf.Quad) error {
	if err := e.s.check(q); err != nil {
		return err
	}
	e.s.writeLine(&q.S, &q.P, &q.O, &q.G, true)
	return e.s.done()
}

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *NQuadsEncoder) EncodeValid(q rdf.Quad) error { return e.s.encodeValid(e, q) }

// EncodeValidGraph writes ts, which must be valid, in graph g (see
// GraphEncoder).
func (e *NQuadsEncoder) EncodeValidGraph(g rdf.Term, ts []rdf.Triple) error {
	return e.s.writeValidLines(g, ts, true)
}

// Close flushes buffered output. It does not close the underlying writer.
func (e *NQuadsEncoder) Close() error { return e.s.close() }
