package export

import (
	"io"

	"github.com/wikikg/wikikg/rdf"
)

// TriGEncoder writes quads as TriG: Turtle statements, with each run of
// consecutive quads in the same named graph wrapped in a "<g> { ... }"
// block and default-graph quads outside any block. A blank node graph name
// is written as "_:g { ... }", which TriG 1.1 allows but Raptor 2.0.15
// rejects.
type TriGEncoder struct {
	t ttlWriter
}

// NewTriGEncoder returns an encoder writing TriG to w, declaring prefixes
// up front as NewTurtleEncoder does.
func NewTriGEncoder(w io.Writer, prefixes []rdf.Prefix) *TriGEncoder {
	e := &TriGEncoder{}
	e.t.init(w, prefixes, true)
	return e
}

// Encode writes q. An invalid quad is not written: Encode returns an
// *InvalidQuadError and the encoder stays usable.
func (e *TriGEncoder) Encode(q rdf.Quad) error { return e.t.encode(q) }

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *TriGEncoder) EncodeValid(q rdf.Quad) error { return e.t.s.encodeValid(e, q) }

// Close ends the last statement and graph block and flushes buffered
// output. It does not close the underlying writer.
func (e *TriGEncoder) Close() error { return e.t.close() }
