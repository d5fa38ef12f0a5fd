package validate

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wikikg/wikikg/rdfio"
)

// Format is an RDF syntax the validator reads (rdfio's).
type Format = rdfio.Format

// The syntaxes the validator reads: all of wikikg's output formats.
const (
	NTriples = rdfio.NTriples
	NQuads   = rdfio.NQuads
	Turtle   = rdfio.Turtle
	TriG     = rdfio.TriG
	JSONLD   = rdfio.JSONLD
)

// FormatFromPath returns the syntax a file name's extension names.
func FormatFromPath(path string) (Format, error) { return rdfio.FormatFromPath(path) }

// ParseFormat returns the Format named s (nt, nq, ttl, trig, jsonld).
func ParseFormat(s string) (Format, error) { return rdfio.ParseFormat(s) }

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
		nq, err := rdfio.JSONLDToNQuads(data)
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
	d := rdfio.NewLineDecoder(r, quads)
	for {
		q, err := d.Decode()
		if err == io.EOF {
			return nil
		}
		var se *rdfio.SyntaxError
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

// readTurtle reads a Turtle or TriG document with rdfio's own parser, one statement at a time; the first syntax error ends
// the document.
func (c *Checker) readTurtle(r io.Reader, trig bool) error {
	err := rdfio.ParseTurtle(r, trig, c.Add)
	var se *rdfio.SyntaxError
	if errors.As(err, &se) {
		c.SyntaxError(se.Line, se.Column, se.Err)
		return nil
	}
	return err
}
