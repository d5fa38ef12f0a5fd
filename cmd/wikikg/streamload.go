package main

import (
	"context"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/load"
	"github.com/wikikg/wikikg/rdf"
)

// streamLoad is an encoder that sends each article's graph to a SPARQL
// store as build writes it: build writes an article's quads together, so a
// change of graph name ends a graph.
type streamLoad struct {
	run     *loadRun
	graphs  chan *load.Graph
	name    string
	triples []rdf.Triple
	done    chan struct{}
	st      load.Stats
	err     error
}

// startStreamLoad starts a load whose graphs come from Encode.
func startStreamLoad(ctx context.Context, e *env, o *loadOptions) (*streamLoad, error) {
	run, err := newLoadRun(e, o)
	if err != nil {
		return nil, err
	}
	s := &streamLoad{run: run, graphs: make(chan *load.Graph, 16), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.st, s.err = load.Run(ctx, run.Options, func(fn func(*load.Graph) error) error {
			for g := range s.graphs {
				if err := fn(g); err != nil {
					for range s.graphs {
						// Drain, so that build is never blocked.
					}
					return err
				}
			}
			return nil
		})
	}()
	return s, nil
}

// Encode adds q to the current graph, sending the previous one when the
// graph name changes.
func (s *streamLoad) Encode(q rdf.Quad) error {
	if q.G.Value != s.name {
		s.flush()
		s.name = q.G.Value
	}
	s.triples = append(s.triples, q.Triple())
	return nil
}

func (s *streamLoad) flush() {
	if s.name != "" && len(s.triples) > 0 {
		s.graphs <- load.NewGraph(s.name, s.triples)
	}
	s.triples = nil
}

// Close sends the last graph and ends the stream.
func (s *streamLoad) Close() error {
	s.flush()
	close(s.graphs)
	return nil
}

// wait waits for the load to finish.
func (s *streamLoad) wait() (load.Stats, error) {
	<-s.done
	return s.st, s.err
}

// teeEncoder writes every quad to two encoders.
type teeEncoder struct {
	a, b export.Encoder
}

func (t teeEncoder) Encode(q rdf.Quad) error {
	if err := t.a.Encode(q); err != nil {
		return err
	}
	return t.b.Encode(q)
}

func (t teeEncoder) Close() error {
	err := t.a.Close()
	if err2 := t.b.Close(); err == nil {
		err = err2
	}
	return err
}
