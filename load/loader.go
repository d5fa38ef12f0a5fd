package load

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/rdf"
)

// Loader writes graphs into a store and counts what a graph holds there.
type Loader interface {
	// Load replaces each graph of batch in the store with its triples, or,
	// with merge, adds its triples to what the graph holds.
	Load(ctx context.Context, batch []*Graph, merge bool) error
	// Count returns the number of triples graph holds in the store.
	Count(ctx context.Context, graph string) (int64, error)
	// BatchTriples is how many triples one call to Load may carry in all;
	// 0 means one graph per call.
	BatchTriples() int
}

// DefaultMaxBody bounds a request body. Virtuoso can hang after a partial
// commit on bodies of 64 MiB and more; 16 MiB keeps well clear of that.
const DefaultMaxBody = 16 << 20

// GSP loads through the SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces a
// graph, POST adds to it, both with ?graph=IRI (or Virtuoso's graph-uri).
type GSP struct {
	Client *Client
	// Endpoint is the Graph Store endpoint, such as Fuseki's
	// http://host:3030/ds/data or Virtuoso's
	// http://host:8890/sparql-graph-crud-auth.
	Endpoint string
	// Query is the SPARQL query endpoint Count asks.
	Query string
	// GraphParam is the query parameter naming the graph: "graph" by the
	// standard; Virtuoso also reads "graph-uri".
	GraphParam string
	// Format is the body's syntax, export.NTriples (the default) or
	// export.Turtle. Virtuoso refuses N-Quads and JSON-LD here, and its
	// 7.2 Turtle parser keeps the backslash of escaped local names
	// (res:Battle\#side1 becomes <…Battle\#side1>), so N-Triples is the
	// safe default; Turtle is smaller for stores that read it right.
	Format export.Format
	// Prefixes abbreviate IRIs in Turtle bodies.
	Prefixes []rdf.Prefix
	// MaxBody bounds a body; a larger graph goes as a PUT and POSTs.
	MaxBody int
}

// BatchTriples is 0: the protocol carries one graph per request.
func (l *GSP) BatchTriples() int { return 0 }

// Load sends each graph of batch: one PUT (or POST with merge), followed by
// POSTs when the graph is larger than MaxBody.
func (l *GSP) Load(ctx context.Context, batch []*Graph, merge bool) error {
	for _, g := range batch {
		bodies, err := l.bodies(g.Triples)
		if err != nil {
			return fmt.Errorf("graph <%s>: %w", g.Name, err)
		}
		param := l.GraphParam
		if param == "" {
			param = "graph"
		}
		u, err := withQuery(l.Endpoint, param, g.Name)
		if err != nil {
			return err
		}
		for i, body := range bodies {
			method := "PUT"
			if merge || i > 0 {
				method = "POST"
			}
			if _, err := l.Client.Do(ctx, Request{Method: method, URL: u, ContentType: l.contentType(), Body: body, Graph: "<" + g.Name + ">"}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *GSP) format() export.Format {
	if l.Format == "" {
		return export.NTriples
	}
	return l.Format
}

func (l *GSP) contentType() string {
	if l.format() == export.NTriples {
		return "application/n-triples"
	}
	return "text/turtle; charset=utf-8"
}

// bodies serialises triples, split into parts under MaxBody. An empty graph
// is one empty body, so PUT still clears it.
func (l *GSP) bodies(triples []rdf.Triple) ([][]byte, error) {
	max := l.MaxBody
	if max <= 0 {
		max = DefaultMaxBody
	}
	body, err := encode(triples, l.format(), l.Prefixes, rdf.Term{})
	if err != nil {
		return nil, err
	}
	if len(body) <= max || len(triples) < 2 {
		return [][]byte{body}, nil
	}
	half := len(triples) / 2
	a, err := l.bodies(triples[:half])
	if err != nil {
		return nil, err
	}
	b, err := l.bodies(triples[half:])
	if err != nil {
		return nil, err
	}
	return append(a, b...), nil
}

// encode writes triples with wikikg's encoders, in graph g when not zero.
func encode(triples []rdf.Triple, f export.Format, prefixes []rdf.Prefix, g rdf.Term) ([]byte, error) {
	var b bytes.Buffer
	enc, err := export.NewEncoder(&b, f, export.Options{Prefixes: prefixes})
	if err != nil {
		return nil, err
	}
	for _, t := range triples {
		if err := enc.Encode(rdf.Quad{S: t.S, P: t.P, O: t.O, G: g}); err != nil {
			return nil, err
		}
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Count asks the query endpoint for the number of triples in graph.
func (l *GSP) Count(ctx context.Context, graph string) (int64, error) {
	return count(ctx, l.Client, l.Query, graph)
}

// Update loads through SPARQL 1.1 Update, for stores without the Graph Store
// Protocol: DROP SILENT GRAPH and INSERT DATA, with at most Chunk triples a
// request, several small graphs sharing one request.
type Update struct {
	Client *Client
	// Endpoint takes the updates (application/sparql-update).
	Endpoint string
	// Query is the SPARQL query endpoint Count asks; empty means Endpoint.
	Query string
	// Chunk bounds the triples of one request. Virtuoso fails above about
	// 1,200; the default is 1,000.
	Chunk int
}

// DefaultChunk is Update's default number of triples a request.
const DefaultChunk = 1000

// BatchTriples is Chunk: small graphs share a request up to it.
func (l *Update) BatchTriples() int { return l.chunk() }

func (l *Update) chunk() int {
	if l.Chunk > 0 {
		return l.Chunk
	}
	return DefaultChunk
}

// Load sends batch as requests of at most Chunk triples. The first request
// about a graph drops it (unless merging); a graph larger than Chunk goes
// on in further INSERT DATA requests. The data inside INSERT DATA is written
// by the N-Triples encoder, which is valid SPARQL.
func (l *Update) Load(ctx context.Context, batch []*Graph, merge bool) error {
	var req bytes.Buffer
	var names []string
	n := 0
	send := func() error {
		if req.Len() == 0 {
			return nil
		}
		graphs := "<" + names[0] + ">"
		if len(names) > 1 {
			graphs += fmt.Sprintf(" and %d more", len(names)-1)
		}
		_, err := l.Client.Do(ctx, Request{Method: "POST", URL: l.Endpoint, ContentType: "application/sparql-update; charset=utf-8", Body: bytes.Clone(req.Bytes()), Graph: graphs})
		req.Reset()
		names, n = names[:0], 0
		return err
	}
	for _, g := range batch {
		name := rdf.IRI(g.Name)
		if err := name.Validate(); err != nil {
			return fmt.Errorf("graph <%s>: %w", g.Name, err)
		}
		iri := name.String()
		names = append(names, g.Name)
		if !merge {
			fmt.Fprintf(&req, "DROP SILENT GRAPH %s ;\n", iri)
		}
		rest := g.Triples
		for len(rest) > 0 {
			room := l.chunk() - n
			if room <= 0 {
				if err := send(); err != nil {
					return err
				}
				names = append(names, g.Name)
				room = l.chunk()
			}
			part := rest[:min(room, len(rest))]
			rest = rest[len(part):]
			data, err := encode(part, export.NTriples, nil, rdf.Term{})
			if err != nil {
				return fmt.Errorf("graph <%s>: %w", g.Name, err)
			}
			fmt.Fprintf(&req, "INSERT DATA { GRAPH %s {\n%s} } ;\n", iri, data)
			n += len(part)
		}
	}
	return send()
}

// Count asks the query endpoint for the number of triples in graph.
func (l *Update) Count(ctx context.Context, graph string) (int64, error) {
	q := l.Query
	if q == "" {
		q = l.Endpoint
	}
	return count(ctx, l.Client, q, graph)
}

// count runs SELECT (COUNT(*) AS ?n) over graph at the query endpoint.
func count(ctx context.Context, c *Client, endpoint, graph string) (int64, error) {
	if endpoint == "" {
		return 0, fmt.Errorf("no SPARQL query endpoint to verify with")
	}
	name := rdf.IRI(graph)
	if err := name.Validate(); err != nil {
		return 0, fmt.Errorf("graph <%s>: %w", graph, err)
	}
	query := "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + name.String() + " { ?s ?p ?o } }"
	form := url.Values{"query": {query}}.Encode()
	body, err := c.Do(ctx, Request{Method: "POST", URL: endpoint, ContentType: "application/x-www-form-urlencoded",
		Accept: "application/sparql-results+json", Body: []byte(form), Graph: "<" + graph + ">"})
	if err != nil {
		return 0, err
	}
	var res struct {
		Results struct {
			Bindings []map[string]struct {
				Value string `json:"value"`
			} `json:"bindings"`
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return 0, fmt.Errorf("graph <%s>: count: reading the store's answer: %w", graph, err)
	}
	if len(res.Results.Bindings) != 1 {
		return 0, fmt.Errorf("graph <%s>: count: %d result rows, want 1", graph, len(res.Results.Bindings))
	}
	n, err := strconv.ParseInt(res.Results.Bindings[0]["n"].Value, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("graph <%s>: count: %w", graph, err)
	}
	return n, nil
}

// withQuery returns endpoint with param=value added to its query string.
func withQuery(endpoint, param, value string) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set(param, value)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// QueryEndpoint guesses the SPARQL query endpoint of a store from its Graph
// Store endpoint, for the stores docs/loading.md describes: Virtuoso
// (/sparql-graph-crud[-auth] → /sparql), Fuseki (/ds/data → /ds/sparql),
// Oxigraph (/store → /query), GraphDB (/repositories/R/rdf-graphs/service →
// /repositories/R), Blazegraph (…/sparql serves both).
func QueryEndpoint(gsp string) (string, bool) {
	u, err := url.Parse(gsp)
	if err != nil {
		return "", false
	}
	u.RawQuery, u.User = "", nil
	p := u.Path
	switch {
	case strings.HasSuffix(p, "/sparql-graph-crud-auth"), strings.HasSuffix(p, "/sparql-graph-crud"):
		u.Path = p[:strings.LastIndex(p, "/")] + "/sparql"
	case strings.HasSuffix(p, "/rdf-graphs/service"):
		u.Path = strings.TrimSuffix(p, "/rdf-graphs/service")
	case strings.HasSuffix(p, "/data"):
		u.Path = strings.TrimSuffix(p, "/data") + "/sparql"
	case strings.HasSuffix(p, "/store"):
		u.Path = strings.TrimSuffix(p, "/store") + "/query"
	case strings.HasSuffix(p, "/sparql"):
	default:
		return "", false
	}
	return u.String(), true
}
