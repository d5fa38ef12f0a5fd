// Package loadtest is an in-memory SPARQL store for tests of wikikg load: the
// SPARQL 1.1 Graph Store HTTP Protocol (PUT, POST, DELETE, GET) at /gsp,
// enough SPARQL 1.1 Update (DROP SILENT GRAPH, INSERT DATA with GRAPH
// blocks of N-Triples) at /update and enough SPARQL (a COUNT over one graph)
// at /sparql, behind optional Digest or Basic authentication, with failures
// to inject.
package loadtest

import (
	"compress/gzip"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"

	"github.com/wikikg/wikikg/rdf"
	"github.com/wikikg/wikikg/rdfio"
)

// Store is the fake store. Set its fields before the first request.
type Store struct {
	// User and Password, when User is set, are required: by Digest unless
	// Basic is set.
	User, Password string
	Basic          bool
	// Fail, when it returns a status, answers a request with it instead;
	// n counts requests from 1.
	Fail func(n int, r *http.Request) int

	mu       sync.Mutex
	graphs   map[string]map[rdf.Triple]bool
	requests int
	// Methods counts the requests of each method to /gsp, and updates.
	Methods map[string]int
	// MaxUpdateTriples is the most triples one update request carried.
	MaxUpdateTriples int
	// AcceptGzip makes the store read gzip request bodies
	// (Content-Encoding: gzip); without it they are refused with 415, as
	// stores that do not support them answer. Gzipped counts those read.
	AcceptGzip bool
	Gzipped    int

	Server *httptest.Server
}

// New starts a Store on a loopback port; Close it when done.
func New() *Store {
	s := &Store{graphs: map[string]map[rdf.Triple]bool{}, Methods: map[string]int{}}
	s.Server = httptest.NewServer(s)
	return s
}

// Start starts s on a loopback port, for a Store configured before.
func (s *Store) Start() *Store {
	s.graphs = map[string]map[rdf.Triple]bool{}
	s.Methods = map[string]int{}
	s.Server = httptest.NewServer(s)
	return s
}

// Close stops the server.
func (s *Store) Close() { s.Server.Close() }

// URL returns the address of path (/gsp, /update, /sparql).
func (s *Store) URL(path string) string { return s.Server.URL + path }

// Count returns the number of triples in graph.
func (s *Store) Count(graph string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.graphs[graph])
}

// Graphs returns the number of non-empty graphs.
func (s *Store) Graphs() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, g := range s.graphs {
		if len(g) > 0 {
			n++
		}
	}
	return n
}

// Has reports whether graph holds t.
func (s *Store) Has(graph string, t rdf.Triple) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.graphs[graph][t]
}

const realm = "loadtest"

func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	n := s.requests
	s.mu.Unlock()
	if s.Fail != nil {
		if code := s.Fail(n, r); code != 0 {
			io.Copy(io.Discard, r.Body)
			http.Error(w, fmt.Sprintf("injected failure %d", code), code)
			return
		}
	}
	if s.User != "" && !s.authorized(r) {
		if s.Basic {
			w.Header().Set("WWW-Authenticate", `Basic realm="`+realm+`"`)
		} else {
			w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Digest realm="%s", domain="/gsp", nonce="%x", opaque="o", stale="false", qop="auth", algorithm="MD5"`, realm, n))
		}
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	var in io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		if !s.AcceptGzip {
			http.Error(w, "Content-Encoding gzip is not supported", http.StatusUnsupportedMediaType)
			return
		}
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		in = zr
		s.mu.Lock()
		s.Gzipped++
		s.mu.Unlock()
	}
	body, err := io.ReadAll(in)
	if err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	switch r.URL.Path {
	case "/gsp":
		s.gsp(w, r, body)
	case "/update":
		s.update(w, r, body)
	case "/sparql":
		s.query(w, r, body)
	default:
		http.NotFound(w, r)
	}
}

// authorized checks the request's credentials, computing the Digest
// response independently of the client under test.
func (s *Store) authorized(r *http.Request) bool {
	if s.Basic {
		u, p, ok := r.BasicAuth()
		return ok && u == s.User && p == s.Password
	}
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Digest ") {
		return false
	}
	f := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+)=(?:"([^"]*)"|([^,\s]+))`).FindAllStringSubmatch(h[7:], -1) {
		f[m[1]] = m[2] + m[3]
	}
	md := func(s string) string { x := md5.Sum([]byte(s)); return hex.EncodeToString(x[:]) }
	ha1 := md(s.User + ":" + realm + ":" + s.Password)
	ha2 := md(r.Method + ":" + f["uri"])
	want := md(ha1 + ":" + f["nonce"] + ":" + f["nc"] + ":" + f["cnonce"] + ":auth:" + ha2)
	return f["username"] == s.User && f["realm"] == realm && f["uri"] == r.URL.RequestURI() && f["response"] == want
}

func (s *Store) gsp(w http.ResponseWriter, r *http.Request, body []byte) {
	graph := r.URL.Query().Get("graph")
	if graph == "" {
		graph = r.URL.Query().Get("graph-uri")
	}
	if graph == "" {
		http.Error(w, "no graph parameter", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.Methods[r.Method]++
	s.mu.Unlock()
	var triples []rdf.Triple
	if r.Method == "PUT" || r.Method == "POST" {
		f := rdfio.Turtle
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/n-triples") {
			f = rdfio.NTriples
		}
		err := rdfio.Read(strings.NewReader(string(body)), f, func(q rdf.Quad) error {
			triples = append(triples, q.Triple())
			return nil
		}, nil)
		if err != nil {
			http.Error(w, "syntax error: "+err.Error(), http.StatusBadRequest)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case "PUT":
		s.graphs[graph] = map[rdf.Triple]bool{}
		fallthrough
	case "POST":
		if s.graphs[graph] == nil {
			s.graphs[graph] = map[rdf.Triple]bool{}
		}
		for _, t := range triples {
			s.graphs[graph][t] = true
		}
		w.WriteHeader(http.StatusCreated)
	case "DELETE":
		delete(s.graphs, graph)
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

var (
	dropRE   = regexp.MustCompile(`^DROP SILENT GRAPH <([^>]*)> ;\n`)
	insertRE = regexp.MustCompile(`^INSERT DATA \{ GRAPH <([^>]*)> \{\n((?s:.*?))\} \} ;\n`)
)

// update understands the updates load.Update writes, and nothing else.
func (s *Store) update(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Method != "POST" || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/sparql-update") {
		http.Error(w, "want POST application/sparql-update", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Methods["UPDATE"]++
	rest := string(body)
	total := 0
	for rest != "" {
		if m := dropRE.FindStringSubmatch(rest); m != nil {
			delete(s.graphs, m[1])
			rest = rest[len(m[0]):]
			continue
		}
		m := insertRE.FindStringSubmatch(rest)
		if m == nil {
			http.Error(w, "cannot parse update at: "+rest[:min(len(rest), 80)], http.StatusBadRequest)
			return
		}
		g := s.graphs[m[1]]
		if g == nil {
			g = map[rdf.Triple]bool{}
			s.graphs[m[1]] = g
		}
		err := rdfio.Read(strings.NewReader(m[2]), rdfio.NTriples, func(q rdf.Quad) error {
			g[q.Triple()] = true
			total++
			return nil
		}, nil)
		if err != nil {
			http.Error(w, "syntax error: "+err.Error(), http.StatusBadRequest)
			return
		}
		rest = rest[len(m[0]):]
	}
	s.MaxUpdateTriples = max(s.MaxUpdateTriples, total)
	w.WriteHeader(http.StatusNoContent)
}

var countRE = regexp.MustCompile(`SELECT \(COUNT\(\*\) AS \?n\) WHERE \{ GRAPH <([^>]*)> \{ \?s \?p \?o \} \}`)

func (s *Store) query(w http.ResponseWriter, r *http.Request, body []byte) {
	q := r.URL.Query().Get("query")
	if r.Method == "POST" {
		v, err := parseForm(string(body))
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		q = v
	}
	m := countRE.FindStringSubmatch(q)
	if m == nil {
		http.Error(w, "unsupported query", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/sparql-results+json")
	fmt.Fprintf(w, `{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"%d"}}]}}`, s.Count(m[1]))
}

func parseForm(body string) (string, error) {
	r, err := http.NewRequest("POST", "/", strings.NewReader(body))
	if err != nil {
		return "", err
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := r.ParseForm(); err != nil {
		return "", err
	}
	return r.PostForm.Get("query"), nil
}
