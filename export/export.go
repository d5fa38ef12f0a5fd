// Package export writes RDF quads as N-Triples, N-Quads, Turtle, TriG and
// JSON-LD, each with a streaming encoder.
package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/wikikg/wikikg/rdf"
)

// Format names an output syntax.
type Format string

// The formats wikikg writes.
const (
	Turtle   Format = "ttl"
	NTriples Format = "nt"
	NQuads   Format = "nq"
	TriG     Format = "trig"
	JSONLD   Format = "jsonld"
)

// Formats lists every format, in the order help texts show them.
var Formats = []Format{Turtle, JSONLD, NTriples, NQuads, TriG}

// ParseFormat returns the format named s ("ttl", "turtle", "nt", "ntriples",
// "nq", "nquads", "trig", "jsonld", "json-ld").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "ttl", "turtle":
		return Turtle, nil
	case "nt", "ntriples", "n-triples":
		return NTriples, nil
	case "nq", "nquads", "n-quads":
		return NQuads, nil
	case "trig":
		return TriG, nil
	case "jsonld", "json-ld":
		return JSONLD, nil
	}
	return "", fmt.Errorf("unknown format %q (want one of ttl, jsonld, nt, nq, trig)", s)
}

// FormatFromPath returns the format that a file name's extension names.
func FormatFromPath(path string) (Format, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if ext == "" {
		return "", fmt.Errorf("%s: no extension to tell the format from (want .ttl, .jsonld, .nt, .nq or .trig)", path)
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Encoder writes quads in one syntax. Encode may buffer; Close flushes and
// writes whatever ends the document, but does not close the underlying
// writer. Errors are sticky: after one, every call returns it.
type Encoder interface {
	Encode(q rdf.Quad) error
	Close() error
}

// ValidEncoder is implemented by the encoders of this package: EncodeValid
// is Encode for a quad the caller has validated already (q.Validate()
// returned nil), which it writes without checking it again. A pipeline
// that validates every triple as it builds its graphs, as wikikg's
// extractors do, saves checking each twice; an invalid quad given to
// EncodeValid makes invalid output.
type ValidEncoder interface {
	Encoder
	EncodeValid(q rdf.Quad) error
}

// GraphEncoder is implemented by the N-Triples and N-Quads encoders:
// EncodeValidGraph writes the triples ts, which must be valid, as quads of
// graph g (a valid IRI or blank node, or the zero Term for the default
// graph): the bytes EncodeValid would write quad by quad, in one call.
type GraphEncoder interface {
	ValidEncoder
	EncodeValidGraph(g rdf.Term, ts []rdf.Triple) error
}

var (
	_ GraphEncoder = (*NTriplesEncoder)(nil)
	_ GraphEncoder = (*NQuadsEncoder)(nil)
)

// Options tune the encoders.
type Options struct {
	// Prefixes are declared up front by Turtle, TriG and JSON-LD (as the
	// @context) and used to abbreviate IRIs.
	Prefixes []rdf.Prefix
}

// NewEncoder returns an encoder of format f writing to w. Triple formats
// (Turtle, N-Triples, JSON-LD) write the default graph and ignore quads'
// graph names; N-Quads and TriG keep them.
func NewEncoder(w io.Writer, f Format, opt Options) (Encoder, error) {
	switch f {
	case NTriples:
		return NewNTriplesEncoder(w), nil
	case NQuads:
		return NewNQuadsEncoder(w), nil
	case Turtle:
		return NewTurtleEncoder(w, opt.Prefixes), nil
	case TriG:
		return NewTriGEncoder(w, opt.Prefixes), nil
	case JSONLD:
		return NewJSONLDEncoder(w, opt.Prefixes), nil
	}
	return nil, fmt.Errorf("unknown format %q", f)
}
