package rdfio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	krdf "github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"

	"github.com/wikikg/wikikg/rdf"
)

// Format is an RDF syntax rdfio reads.
type Format string

// The syntaxes rdfio reads.
const (
	NTriples Format = "nt"
	NQuads   Format = "nq"
	Turtle   Format = "ttl"
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
	case "jsonld", "json":
		return JSONLD, nil
	}
	return "", fmt.Errorf("%s: cannot tell the syntax from the extension (want .nt, .nq, .ttl or .jsonld)", path)
}

// ErrSyntaxLimit is returned after too many syntax errors in one document.
var ErrSyntaxLimit = errors.New("too many syntax errors")

// Read calls fn for every statement of r in syntax f. N-Triples and
// N-Quads stream in bounded memory and report every bad line through onErr
// (nil means stop at the first); Turtle and JSON-LD documents are parsed
// whole, and a syntax error ends them.
func Read(r io.Reader, f Format, fn func(rdf.Quad) error, onErr func(error) error) error {
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
	case Turtle:
		dec := krdf.NewTripleDecoder(r, krdf.Turtle)
		for {
			t, err := dec.Decode()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return onErr(err)
			}
			q := rdf.Quad{S: FromKnakk(t.Subj), P: FromKnakk(t.Pred), O: FromKnakk(t.Obj)}
			if err := fn(q); err != nil {
				return err
			}
		}
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

// FromKnakk converts a knakk/rdf term to ours, keeping datatype and
// language (knakk's own equality ignores datatypes).
func FromKnakk(t krdf.Term) rdf.Term {
	switch v := t.(type) {
	case krdf.IRI:
		return rdf.IRI(v.String())
	case krdf.Blank:
		return rdf.Blank(strings.TrimPrefix(v.String(), "_:"))
	case krdf.Literal:
		if v.Lang() != "" {
			return rdf.LangString(v.String(), v.Lang())
		}
		return rdf.Typed(v.String(), v.DataType.String())
	}
	return rdf.Term{}
}

// refusingLoader is a JSON-LD document loader that loads nothing: wikikg's
// output carries its context inline, and a reader must never reach the
// network because a document asks it to.
type refusingLoader struct{}

func (refusingLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "remote documents are refused: "+u)
}

// JSONLDToNQuads converts a JSON-LD document to N-Quads with json-gold.
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
