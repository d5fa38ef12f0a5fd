package rdfio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/wikikg/wikikg/rdf"
)

// Format is an RDF syntax rdfio reads.
type Format string

// The syntaxes rdfio reads: all of wikikg's output formats.
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

// Decode calls fn for every statement of r in syntax f, with the line it is
// on (0 when unknown): strict parsers, in bounded memory except for
// JSON-LD. It stops at the first syntax error, a *SyntaxError.
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
		return ParseTurtle(r, f == TriG, fn)
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

// errStop carries an error out of a ParseTurtle callback.
type errStop struct{ err error }

// Read calls fn for every statement of r in syntax f. N-Triples and N-Quads
// go on after a bad line, reporting it (a *SyntaxError) to onErr, which may
// return an error to stop; a Turtle, TriG or JSON-LD syntax error ends the
// document and goes to onErr. A nil onErr stops at the first error. An
// error from fn stops the reading and is returned.
func Read(r io.Reader, f Format, fn func(rdf.Quad) error, onErr func(error) error) (err error) {
	if onErr == nil {
		onErr = func(err error) error { return err }
	}
	switch f {
	case NTriples, NQuads:
		d := NewLineDecoder(r, f == NQuads)
		for {
			q, err := d.Decode()
			if err == io.EOF {
				return nil
			}
			var se *SyntaxError
			if errors.As(err, &se) {
				if err := onErr(err); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			if err := fn(q); err != nil {
				return err
			}
		}
	case Turtle, TriG:
		defer func() {
			if e := recover(); e != nil {
				stop, ok := e.(errStop)
				if !ok {
					panic(e)
				}
				err = stop.err
			}
		}()
		err := ParseTurtle(r, f == TriG, func(q rdf.Quad, _ int) {
			if err := fn(q); err != nil {
				panic(errStop{err})
			}
		})
		var se *SyntaxError
		if errors.As(err, &se) {
			return onErr(err)
		}
		return err
	case JSONLD:
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		nq, err := JSONLDToNQuads(data)
		if err != nil {
			return onErr(err)
		}
		return Read(strings.NewReader(nq), NQuads, fn, onErr)
	}
	return fmt.Errorf("unknown syntax %q", f)
}

// refusingLoader is a JSON-LD document loader that loads nothing: wikikg's
// output carries its context inline, and a reader must never reach the
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
