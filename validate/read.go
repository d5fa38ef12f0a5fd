package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/wikikg/wikikg/rdf"
)

// Format is an RDF syntax Validate reads.
type Format string

// The syntaxes Validate reads: all of wikikg's output formats.
const (
	NTriples Format = "nt"
	NQuads   Format = "nq"
	Turtle   Format = "ttl"
	TriG     Format = "trig"
	JSONLD   Format = "jsonld"
)

// FormatFromPath returns the syntax a file name's extension names.
func FormatFromPath(path string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(filepath.Ext(path), ".")) {
	case "nt":
		return NTriples, nil
	case "nq":
		return NQuads, nil
	case "ttl":
		return Turtle, nil
	case "trig":
		return TriG, nil
	case "jsonld", "json":
		return JSONLD, nil
	}
	return "", fmt.Errorf("%s: cannot tell the syntax from the extension (want .nt, .nq, .ttl, .trig or .jsonld)", path)
}

// ParseFormat returns the Format named s (nt, nq, ttl, trig, jsonld).
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case NTriples, NQuads, Turtle, TriG, JSONLD:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want nt, nq, ttl, trig or jsonld)", s)
}

// File validates the file at path, in the format its extension names when f
// is empty. The error is about reading the file; what is wrong inside it is
// in the report.
func File(path string, f Format, base string) (*Report, error) {
	if f == "" {
		var err error
		if f, err = FormatFromPath(path); err != nil {
			return nil, err
		}
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	c := NewChecker(base)
	c.SetFile(path)
	if err := c.Read(file, f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c.Finish(), nil
}

// Read feeds the statements of r, in syntax f, to the checker, recording
// syntax errors as violations. N-Triples and N-Quads report every bad line
// and go on; Turtle, TriG and JSON-LD stop at their first syntax error. The error returned is an I/O error.
func (c *Checker) Read(r io.Reader, f Format) error {
	switch f {
	case NTriples, NQuads:
		return c.readLines(r, f == NQuads, true)
	case Turtle, TriG:
		return c.readTurtle(r, f == TriG)
	case JSONLD:
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		nq, err := JSONLDToNQuads(data)
		if err != nil {
			c.SyntaxError(0, 0, fmt.Errorf("JSON-LD: %w", err))
			return nil
		}
		// The lines of json-gold's N-Quads are not the document's: none are
		// reported.
		return c.readLines(strings.NewReader(nq), true, false)
	}
	return fmt.Errorf("unknown format %q", f)
}

func (c *Checker) readLines(r io.Reader, quads, lines bool) error {
	d := NewLineDecoder(r, quads)
	for {
		q, err := d.Decode()
		if err == io.EOF {
			return nil
		}
		var se *SyntaxError
		if errors.As(err, &se) {
			c.SyntaxError(se.Line, se.Column, se.Err)
			continue
		}
		if err != nil {
			return err
		}
		line := 0
		if lines {
			line = d.Line()
		}
		c.Add(q, line)
	}
}

// readTurtle reads a Turtle or TriG document with this package's own
// parser (turtle.go), one statement at a time; the first syntax error ends
// the document.
func (c *Checker) readTurtle(r io.Reader, trig bool) error {
	err := parseTurtle(r, trig, c.Add)
	var se *SyntaxError
	if errors.As(err, &se) {
		c.SyntaxError(se.Line, se.Column, se.Err)
		return nil
	}
	return err
}

// refusingLoader is a JSON-LD document loader that loads nothing: wikikg's
// output carries its context inline, and a validator must never reach the
// network, or the file system, because a document asks it to.
type refusingLoader struct{}

func (refusingLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "remote documents are refused: "+u)
}

// JSONLDToNQuads converts a JSON-LD document to N-Quads with json-gold,
// refusing every remote context.
func JSONLDToNQuads(data []byte) (string, error) {
	doc, err := ld.DocumentFromReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	opts.DocumentLoader = refusingLoader{}
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return "", err
	}
	s, ok := out.(string)
	if !ok {
		return "", errors.New("json-gold returned no N-Quads")
	}
	return s, nil
}

// Decode calls fn for every statement of r in syntax f, with the line it is
// on (0 when unknown), using the parsers the validator uses: strict, in
// bounded memory except for JSON-LD. It stops at the first syntax error, a
// *SyntaxError.
func Decode(r io.Reader, f Format, fn func(q rdf.Quad, line int)) error {
	switch f {
	case NTriples, NQuads:
		d := NewLineDecoder(r, f == NQuads)
		for {
			q, err := d.Decode()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			fn(q, d.Line())
		}
	case Turtle, TriG:
		return parseTurtle(r, f == TriG, fn)
	case JSONLD:
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		nq, err := JSONLDToNQuads(data)
		if err != nil {
			return err
		}
		return Decode(strings.NewReader(nq), NQuads, func(q rdf.Quad, _ int) { fn(q, 0) })
	}
	return fmt.Errorf("unknown format %q", f)
}
