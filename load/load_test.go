package load

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/load/loadtest"
	"github.com/wikikg/wikikg/rdf"
)

const nq = `<http://ex/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/wikikg/ontology#Article> <http://ex/a> .
<http://ex/a> <http://www.w3.org/2000/01/rdf-schema#label> "Siège"@fr <http://ex/a> .
<http://ex/a> <http://ex/date> "1592-06-13"^^<http://www.w3.org/2001/XMLSchema#date> <http://ex/a> .
<http://ex/a> <http://ex/date> "1592-06-13"^^<http://www.w3.org/2001/XMLSchema#date> <http://ex/a> .
<http://ex/b> <http://www.w3.org/2000/01/rdf-schema#label> "평양" <http://ex/b> .
<http://ex/b> <http://ex/year> "1593"^^<http://www.w3.org/2001/XMLSchema#gYear> <http://ex/b> .
<http://ex/c> <http://ex/p> <http://ex/o> <http://ex/c> .
`

// source returns a Run source over N-Quads text.
func source(text string) func(func(*Graph) error) error {
	return func(fn func(*Graph) error) error {
		return ReadGraphs(strings.NewReader(text), NQuads, "", fn)
	}
}

func fastClient(s *loadtest.Store, user, password string) *Client {
	return &Client{User: user, Password: password, Retries: 3, Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}
}

func gsp(s *loadtest.Store, c *Client) *GSP {
	return &GSP{Client: c, Endpoint: s.URL("/gsp"), Query: s.URL("/sparql")}
}

func TestLoadGSPAndResume(t *testing.T) {
	s := (&loadtest.Store{User: "dba", Password: "s3cret"}).Start()
	defer s.Close()
	state := filepath.Join(t.TempDir(), "state.json")
	run := func(force bool) Stats {
		t.Helper()
		st, err := OpenState(state)
		if err != nil {
			t.Fatal(err)
		}
		stats, err := Run(context.Background(), Options{Loader: gsp(s, fastClient(s, "dba", "s3cret")), Store: s.URL("/gsp"), State: st, Parallel: 2, Force: force}, source(nq))
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		return stats
	}
	first := run(false)
	if first.Sent != 3 || first.Triples != 6 || first.Verified != 3 || len(first.Mismatches) != 0 {
		t.Errorf("first run: %+v", first)
	}
	if got := s.Count("http://ex/a"); got != 3 {
		t.Errorf("graph a holds %d triples, want 3 (duplicates removed)", got)
	}
	if !s.Has("http://ex/a", rdf.Triple{S: rdf.IRI("http://ex/a"), P: rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: rdf.LangString("Siège", "fr")}) {
		t.Error("language-tagged non-ASCII label lost")
	}
	second := run(false)
	if second.Sent != 0 || second.Skipped != 3 {
		t.Errorf("rerun: sent %d, skipped %d; want 0, 3", second.Sent, second.Skipped)
	}
	third := run(true)
	if third.Sent != 3 || s.Count("http://ex/a") != 3 || s.Graphs() != 3 {
		t.Errorf("--force: sent %d, graph a %d triples, %d graphs", third.Sent, s.Count("http://ex/a"), s.Graphs())
	}
	if s.Methods["POST"] != 0 || s.Methods["PUT"] != 6 {
		t.Errorf("methods %v, want 6 PUTs", s.Methods)
	}
	b, _ := os.ReadFile(state)
	if strings.Contains(string(b), "s3cret") {
		t.Error("the state file holds the password")
	}
}

func TestLoadReplacesChangedGraph(t *testing.T) {
	s := loadtest.New()
	defer s.Close()
	st, _ := OpenState(filepath.Join(t.TempDir(), "state.json"))
	opt := Options{Loader: gsp(s, fastClient(s, "", "")), Store: "x", State: st}
	if _, err := Run(context.Background(), opt, source(nq)); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(nq, `"평양"`, `"Pyongyang"`, 1)
	stats, err := Run(context.Background(), opt, source(changed))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Sent != 1 || stats.Skipped != 2 {
		t.Errorf("sent %d, skipped %d; want 1, 2", stats.Sent, stats.Skipped)
	}
	if s.Count("http://ex/b") != 2 || s.Has("http://ex/b", rdf.Triple{S: rdf.IRI("http://ex/b"), P: rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: rdf.String("평양")}) {
		t.Error("graph b not replaced")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		store    *loadtest.Store
		user, pw string
		wantOK   bool
		check    func(t *testing.T, err error)
	}{
		{name: "digest", store: &loadtest.Store{User: "dba", Password: "pw"}, user: "dba", pw: "pw", wantOK: true},
		{name: "basic", store: &loadtest.Store{User: "dba", Password: "pw", Basic: true}, user: "dba", pw: "pw", wantOK: true},
		{name: "wrong password", store: &loadtest.Store{User: "dba", Password: "pw"}, user: "dba", pw: "nope", check: func(t *testing.T, err error) {
			var ae *AuthError
			if !errors.As(err, &ae) || ae.Status != http.StatusUnauthorized || ae.NoCredentials {
				t.Errorf("want a 401 AuthError, got %v", err)
			}
			if strings.Contains(err.Error(), "nope") {
				t.Error("the error shows the password")
			}
		}},
		{name: "no credentials", store: &loadtest.Store{User: "dba", Password: "pw"}, check: func(t *testing.T, err error) {
			var ae *AuthError
			if !errors.As(err, &ae) || !ae.NoCredentials {
				t.Errorf("want an AuthError without credentials, got %v", err)
			}
		}},
		{name: "transient 500 and 429", wantOK: true, store: &loadtest.Store{Fail: func(n int, _ *http.Request) int {
			switch n {
			case 1:
				return 500
			case 2:
				return 429
			}
			return 0
		}}},
		{name: "always 500", store: &loadtest.Store{Fail: func(int, *http.Request) int { return 500 }}, check: func(t *testing.T, err error) {
			var se *StatusError
			var re *RetryError
			if !errors.As(err, &se) || se.Status != 500 || !errors.As(err, &re) || re.Attempts != 4 {
				t.Errorf("want a 500 StatusError after 4 attempts, got %v", err)
			}
			if !strings.Contains(err.Error(), "injected failure 500") {
				t.Errorf("the error lacks the store's message: %v", err)
			}
		}},
		{name: "400 names the graph", store: &loadtest.Store{Fail: func(_ int, r *http.Request) int {
			if strings.Contains(r.URL.RawQuery, "ex%2Fb") {
				return 400
			}
			return 0
		}}, check: func(t *testing.T, err error) {
			var se *StatusError
			if !errors.As(err, &se) || se.Status != 400 || se.Graph != "<http://ex/b>" {
				t.Errorf("want a 400 about <http://ex/b>, got %v", err)
			}
			var re *RetryError
			if errors.As(err, &re) {
				t.Error("a 400 was retried")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.store.Start()
			defer s.Close()
			stats, err := Run(context.Background(), Options{Loader: gsp(s, fastClient(s, tt.user, tt.pw)), Store: "x"}, source(nq))
			if tt.wantOK {
				if err != nil || s.Graphs() != 3 {
					t.Fatalf("err %v, %d graphs in the store", err, s.Graphs())
				}
				return
			}
			if !errors.Is(err, ErrIncomplete) {
				t.Fatalf("Run: %v, want ErrIncomplete", err)
			}
			if len(stats.Errors) == 0 {
				t.Fatal("no error recorded")
			}
			tt.check(t, stats.Errors[0])
		})
	}
}

func TestLoadUpdateChunks(t *testing.T) {
	s := loadtest.New()
	defer s.Close()
	// One graph of 25 triples and two small ones, in chunks of 10.
	var b strings.Builder
	b.WriteString(nq)
	for i := range 25 {
		b.WriteString(`<http://ex/d> <http://ex/p> "` + strings.Repeat("x", i) + `" <http://ex/d> .` + "\n")
	}
	l := &Update{Client: fastClient(s, "", ""), Endpoint: s.URL("/update"), Query: s.URL("/sparql"), Chunk: 10}
	stats, err := Run(context.Background(), Options{Loader: l, Store: "u", Parallel: 3}, source(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if s.Count("http://ex/d") != 25 || s.Graphs() != 4 || stats.Verified != 4 {
		t.Errorf("graph d %d triples, %d graphs, %d verified", s.Count("http://ex/d"), s.Graphs(), stats.Verified)
	}
	if s.MaxUpdateTriples > 10 {
		t.Errorf("a request carried %d triples, above the chunk of 10", s.MaxUpdateTriples)
	}
	// A rerun replaces: the counts stay.
	if _, err := Run(context.Background(), Options{Loader: l, Store: "u"}, source(b.String())); err != nil {
		t.Fatal(err)
	}
	if s.Count("http://ex/d") != 25 {
		t.Errorf("after a rerun graph d holds %d triples", s.Count("http://ex/d"))
	}
}

func TestGSPSplitsLargeGraphs(t *testing.T) {
	s := loadtest.New()
	defer s.Close()
	var b strings.Builder
	for i := range 100 {
		b.WriteString(`<http://ex/big> <http://ex/p> "` + strings.Repeat("y", i) + `" <http://ex/big> .` + "\n")
	}
	l := &GSP{Client: fastClient(s, "", ""), Endpoint: s.URL("/gsp"), Query: s.URL("/sparql"), Format: export.NTriples, MaxBody: 1000}
	if _, err := Run(context.Background(), Options{Loader: l, Store: "g"}, source(b.String())); err != nil {
		t.Fatal(err)
	}
	if s.Count("http://ex/big") != 100 || s.Methods["PUT"] != 1 || s.Methods["POST"] < 2 {
		t.Errorf("%d triples, methods %v", s.Count("http://ex/big"), s.Methods)
	}
}

func TestReadGraphs(t *testing.T) {
	article := `<http://ex/a> a <https://w3id.org/wikikg/ontology#Article> ; <http://ex/p> "x" .` + "\n"
	tests := []struct {
		name, text string
		f          Format
		graph      string
		want       []string
		err        error
	}{
		{"nquads", nq, NQuads, "", []string{"http://ex/a", "http://ex/b", "http://ex/c"}, nil},
		{"turtle single article", article, Turtle, "", []string{"http://ex/a"}, nil},
		{"turtle --graph", `<http://ex/s> <http://ex/p> 1 .`, Turtle, "http://ex/g", []string{"http://ex/g"}, nil},
		{"turtle two articles", article + `<http://ex/b> a <https://w3id.org/wikikg/ontology#Article> .`, Turtle, "", nil, ErrNoGraph},
		{"default graph quad", `<http://ex/s> <http://ex/p> <http://ex/o> .` + "\n", NQuads, "", nil, ErrNoGraph},
		{"not contiguous", `<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g1> .
<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g2> .
<http://ex/s> <http://ex/q> <http://ex/o> <http://ex/g1> .
`, NQuads, "", []string{"http://ex/g2", "http://ex/g1"}, nil},
		{"not contiguous from a pipe", "<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g1> .\n<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g2> .\n<http://ex/s> <http://ex/q> <http://ex/o> <http://ex/g1> .\n", NQuads, "pipe", nil, ErrNotContiguous},
		{"jsonld", `{"@id": "http://ex/a", "@type": "https://w3id.org/wikikg/ontology#Article", "http://ex/p": "x"}`, JSONLD, "", []string{"http://ex/a"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var r io.Reader = strings.NewReader(tt.text)
			if tt.graph == "pipe" {
				r, tt.graph = struct{ io.Reader }{r}, ""
			}
			err := ReadGraphs(r, tt.f, tt.graph, func(g *Graph) error {
				got = append(got, g.Name)
				return nil
			})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil || strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("graphs %v, err %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestChallenges(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		scheme  string
		nonce   string
		qop     bool
	}{
		{"virtuoso", []string{`Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="acd72e", opaque="5ebe", stale="false", qop="auth", algorithm="MD5"`}, "digest", "acd72e", true},
		{"basic", []string{`Basic realm="x"`}, "basic", "", false},
		{"digest preferred", []string{`Basic realm="x"`, `Digest realm="y", nonce="n\"q", qop="auth-int, auth"`}, "digest", `n"q`, true},
		{"two in one header", []string{`Basic realm="x", Digest realm="y", nonce=abc`}, "digest", "abc", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, ok := parseChallenges(tt.headers)
			if !ok || ch.scheme != tt.scheme || ch.nonce != tt.nonce || ch.qopAuth != tt.qop {
				t.Errorf("got %+v, %v", ch, ok)
			}
		})
	}
}

func TestQueryEndpoint(t *testing.T) {
	tests := map[string]string{
		"http://h:8890/sparql-graph-crud-auth":             "http://h:8890/sparql",
		"http://h:3030/ds/data":                            "http://h:3030/ds/sparql",
		"http://h:7878/store":                              "http://h:7878/query",
		"http://h:7200/repositories/kg/rdf-graphs/service": "http://h:7200/repositories/kg",
		"http://h:9999/blazegraph/namespace/kb/sparql?x=1": "http://h:9999/blazegraph/namespace/kb/sparql",
		"http://h/other":                                   "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			got, _ := QueryEndpoint(in)
			if got != want {
				t.Errorf("QueryEndpoint(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
