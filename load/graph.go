// Package load puts wikikg's output into SPARQL stores: one named graph per
// article, replaced with the SPARQL 1.1 Graph Store HTTP Protocol (PUT, or
// POST to merge) or, for stores without it, with SPARQL 1.1 Update (DROP
// SILENT GRAPH and INSERT DATA in small chunks). Bodies are serialised by
// wikikg's own encoders, never pasted together from strings.
//
// Run drives a load: it skips graphs a State says were loaded with the same
// content, sends the others in parallel through a Loader, records each in
// the State as it succeeds (so an interrupted load continues where it
// stopped), and verifies every graph sent with a SPARQL COUNT.
package load

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
	"github.com/wikikg/wikikg/rdfio"
)

// Graph is the content of one named graph.
type Graph struct {
	// Name is the graph's IRI.
	Name string
	// Triples are the graph's distinct triples.
	Triples []rdf.Triple
}

// NewGraph returns the graph name holding triples, without duplicates.
func NewGraph(name string, triples []rdf.Triple) *Graph {
	seen := make(map[rdf.Triple]struct{}, len(triples))
	out := triples[:0:0]
	for _, t := range triples {
		if _, dup := seen[t]; !dup {
			seen[t] = struct{}{}
			out = append(out, t)
		}
	}
	return &Graph{Name: name, Triples: out}
}

// Hash returns a digest of the graph's content that does not depend on the
// order of its triples: SHA-256 over its sorted N-Triples lines.
func (g *Graph) Hash() string {
	lines := make([]string, len(g.Triples))
	for i, t := range g.Triples {
		var b strings.Builder
		rdf.AppendNTriples(&b, t.S)
		b.WriteByte(' ')
		rdf.AppendNTriples(&b, t.P)
		b.WriteByte(' ')
		rdf.AppendNTriples(&b, t.O)
		lines[i] = b.String()
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l)
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Format is an input syntax: the extensions wikikg build writes.
type Format string

// The input syntaxes.
const (
	NTriples Format = "nt"
	NQuads   Format = "nq"
	Turtle   Format = "ttl"
	JSONLD   Format = "jsonld"
)

// ErrNoGraph is returned when statements cannot be given a graph name.
var ErrNoGraph = errors.New("cannot tell which graph the statements belong to")

// ErrNotContiguous is returned when a named graph's quads are split by
// another graph's: streaming would replace the first part with the second.
var ErrNotContiguous = errors.New("the quads of a graph are not contiguous")

// ReadGraphs reads r in syntax f and calls fn with each named graph in turn.
//
// The graph of a statement is, in order: its N-Quads graph name; defaultGraph
// when not empty; for a triple syntax (Turtle, N-Triples, JSON-LD) without
// named graphs, the IRI of the document's single kg:Article node, which is
// the graph name wikikg's N-Quads give that article. A triple document with
// several articles (wikikg's merged output of a corpus) has no single graph:
// ReadGraphs then fails with ErrNoGraph, since which triples belong to which
// article is lost once they are merged; load the N-Quads output instead.
//
// N-Quads are streamed: a graph is handed to fn when the next graph begins.
// A graph whose quads are not contiguous (two articles of one title) is
// gathered and handed on at the end, when r can seek (a file); from a pipe
// it is an ErrNotContiguous. The other syntaxes are read whole.
func ReadGraphs(r io.Reader, f Format, defaultGraph string, fn func(*Graph) error) error {
	switch f {
	case NQuads:
		return readQuads(r, defaultGraph, fn)
	case NTriples, Turtle, JSONLD:
	default:
		return fmt.Errorf("unknown input syntax %q (want nt, nq, ttl or jsonld)", f)
	}
	// JSON-LD may hold named graphs: go through N-Quads to keep them.
	if f == JSONLD {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		nq, err := rdfio.JSONLDToNQuads(data)
		if err != nil {
			return fmt.Errorf("JSON-LD: %w", err)
		}
		if defaultGraph == "" {
			// Name the default graph by its article when it has one.
			var triples []rdf.Triple
			if err := rdfio.Read(strings.NewReader(nq), rdfio.NQuads, func(q rdf.Quad) error {
				if q.G.IsZero() {
					triples = append(triples, q.Triple())
				}
				return nil
			}, nil); err != nil {
				return err
			}
			if len(triples) > 0 {
				name, err := articleGraph(triples)
				if err != nil {
					return err
				}
				defaultGraph = name
			}
		}
		return readQuads(strings.NewReader(nq), defaultGraph, fn)
	}
	var triples []rdf.Triple
	if err := rdfio.Read(r, rdfio.Format(f), func(q rdf.Quad) error {
		triples = append(triples, q.Triple())
		return nil
	}, nil); err != nil {
		return err
	}
	if len(triples) == 0 {
		return nil
	}
	name := defaultGraph
	if name == "" {
		var err error
		if name, err = articleGraph(triples); err != nil {
			return err
		}
	}
	return fn(NewGraph(name, triples))
}

// articleGraph returns the IRI of the single kg:Article in triples.
func articleGraph(triples []rdf.Triple) (string, error) {
	var articles []string
	for _, t := range triples {
		if t.P.Value == rdf.RDFType && t.O == ontology.Article && t.S.IsIRI() && !slices.Contains(articles, t.S.Value) {
			articles = append(articles, t.S.Value)
		}
	}
	switch len(articles) {
	case 1:
		return articles[0], nil
	case 0:
		return "", fmt.Errorf("%w: no kg:Article node and no --graph", ErrNoGraph)
	}
	return "", fmt.Errorf("%w: %d kg:Article nodes in one default graph; load the N-Quads output (one graph per article) or pass --graph", ErrNoGraph, len(articles))
}

// readQuads streams N-Quads graph by graph. A graph whose quads are split
// by another graph's (two articles with one title) is gathered whole before
// it is handed on, which needs a first pass to find such graphs: done when
// r can seek (files can), otherwise ErrNotContiguous.
func readQuads(r io.Reader, defaultGraph string, fn func(*Graph) error) error {
	split := map[string]bool{}
	if rs, ok := r.(io.ReadSeeker); ok {
		start, err := rs.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		var cur string
		ended := map[string]bool{}
		if err := eachQuad(rs, defaultGraph, func(name string, _ rdf.Quad) error {
			if name != cur {
				if ended[name] {
					split[name] = true
				}
				ended[cur] = true
				cur = name
			}
			return nil
		}); err != nil {
			return err
		}
		if _, err := rs.Seek(start, io.SeekStart); err != nil {
			return err
		}
	}
	var cur string
	var triples []rdf.Triple
	done := map[string]bool{}
	gathered := map[string][]rdf.Triple{}
	var order []string
	flush := func() error {
		if len(triples) == 0 {
			return nil
		}
		done[cur] = true
		g := NewGraph(cur, triples)
		triples = nil
		return fn(g)
	}
	err := eachQuad(r, defaultGraph, func(name string, q rdf.Quad) error {
		if split[name] {
			if gathered[name] == nil {
				order = append(order, name)
			}
			gathered[name] = append(gathered[name], q.Triple())
			return nil
		}
		if name != cur {
			if err := flush(); err != nil {
				return err
			}
			if done[name] {
				return fmt.Errorf("%w: %s appears again after other graphs (read from a file, not a pipe, to have such graphs gathered)", ErrNotContiguous, name)
			}
			cur = name
		}
		triples = append(triples, q.Triple())
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	for _, name := range order {
		if err := fn(NewGraph(name, gathered[name])); err != nil {
			return err
		}
	}
	return nil
}

// eachQuad calls fn with each quad of N-Quads r and its graph name.
func eachQuad(r io.Reader, defaultGraph string, fn func(string, rdf.Quad) error) error {
	return rdfio.Read(r, rdfio.NQuads, func(q rdf.Quad) error {
		name := q.G.Value
		if q.G.IsZero() {
			if defaultGraph == "" {
				return fmt.Errorf("%w: a statement in the default graph (%s %s %s); pass --graph", ErrNoGraph, q.S, q.P, q.O)
			}
			name = defaultGraph
		} else if !q.G.IsIRI() {
			return fmt.Errorf("%w: blank node graph name %s", ErrNoGraph, q.G)
		}
		return fn(name, q)
	}, nil)
}
