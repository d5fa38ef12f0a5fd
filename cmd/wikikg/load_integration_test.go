//go:build virtuoso

package main

// Integration tests of "wikikg load" against a real Virtuoso, which
// scripts/virtuoso.sh starts privately on loopback and describes in the
// environment. Run them with: bash scripts/virtuoso.sh

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wikikg/wikikg/load"
	"github.com/wikikg/wikikg/rdf"
)

// virtuoso is the private instance the environment describes.
type virtuoso struct {
	url, user, password, ini string
}

func getVirtuoso(t *testing.T) virtuoso {
	t.Helper()
	v := virtuoso{os.Getenv("WIKIKG_VIRTUOSO_URL"), os.Getenv("WIKIKG_VIRTUOSO_USER"), os.Getenv("WIKIKG_VIRTUOSO_PASSWORD"), os.Getenv("WIKIKG_VIRTUOSO_INI")}
	if v.url == "" || v.password == "" || v.ini == "" {
		t.Fatal("WIKIKG_VIRTUOSO_URL, _USER, _PASSWORD and _INI are unset: run bash scripts/virtuoso.sh")
	}
	return v
}

func (v virtuoso) gsp() string { return v.url + "/sparql-graph-crud-auth" }

// load runs "wikikg load" in-process with the store's credentials in the
// environment, and returns its exit status and standard error.
func (v virtuoso) load(t *testing.T, password string, args ...string) (int, string) {
	t.Helper()
	t.Setenv("WIKIKG_STORE_USER", v.user)
	t.Setenv("WIKIKG_STORE_PASSWORD", password)
	var stdout, stderr bytes.Buffer
	code := Run(append([]string{"load"}, args...), nil, &stdout, &stderr)
	if strings.Contains(stdout.String()+stderr.String(), password) {
		t.Error("load printed the password")
	}
	return code, stderr.String()
}

// selectRows runs a SELECT at /sparql and returns its bindings as terms.
func (v virtuoso) selectRows(t *testing.T, query string) []map[string]rdf.Term {
	t.Helper()
	resp, err := http.PostForm(v.url+"/sparql", url.Values{"query": {query}, "format": {"application/sparql-results+json"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Results struct {
			Bindings []map[string]struct {
				Type, Value, Datatype string
				Lang                  string `json:"xml:lang"`
			}
		}
	}
	if resp.StatusCode != 200 {
		b := new(bytes.Buffer)
		b.ReadFrom(resp.Body)
		t.Fatalf("query: %s: %s", resp.Status, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]rdf.Term
	for _, b := range res.Results.Bindings {
		row := map[string]rdf.Term{}
		for k, x := range b {
			switch {
			case x.Type == "uri":
				row[k] = rdf.IRI(x.Value)
			case x.Type == "bnode":
				row[k] = rdf.Blank(x.Value)
			case x.Lang != "":
				row[k] = rdf.LangString(x.Value, x.Lang)
			default:
				row[k] = canonical(rdf.Typed(x.Value, x.Datatype))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// canonical rewrites integers to their canonical form: Virtuoso stores
// values, not lexical forms (007 comes back as 7).
func canonical(t rdf.Term) rdf.Term {
	if t.IsLiteral() && t.Datatype == rdf.XSDInteger {
		if n, err := strconv.ParseInt(t.Value, 10, 64); err == nil {
			return rdf.Integer(n)
		}
	}
	return t
}

func (v virtuoso) count(t *testing.T, where string) int {
	t.Helper()
	rows := v.selectRows(t, "SELECT (COUNT(*) AS ?n) WHERE { "+where+" }")
	n, _ := strconv.Atoi(rows[0]["n"].Value)
	return n
}

// ours counts the triples in the graphs under our base, all of the test's.
const ours = `GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/wikikg/resource/"))`

// readCorpus returns the graphs of an N-Quads file.
func readCorpus(t *testing.T, path string) ([]*load.Graph, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var graphs []*load.Graph
	total := 0
	if err := load.ReadGraphs(f, load.NQuads, "", func(g *load.Graph) error {
		graphs = append(graphs, g)
		total += len(g.Triples)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return graphs, total
}

func writeGraphs(t *testing.T, path string, graphs []*load.Graph) {
	t.Helper()
	var b strings.Builder
	for _, g := range graphs {
		for _, tr := range g.Triples {
			fmt.Fprintf(&b, "%s %s %s <%s> .\n", tr.S, tr.P, tr.O, g.Name)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIntegrationVirtuoso(t *testing.T) {
	v := getVirtuoso(t)
	dir := t.TempDir()
	corpus := buildCorpus(t, "nq")
	graphs, total := readCorpus(t, corpus)
	state := filepath.Join(dir, "state.json")

	t.Run("load", func(t *testing.T) {
		code, stderr := v.load(t, v.password, "--endpoint", v.gsp(), "--state", state, corpus)
		if code != 0 || !strings.Contains(stderr, fmt.Sprintf("%d sent, 0 skipped, 0 failed", len(graphs))) || !strings.Contains(stderr, "0 mismatches") {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		t.Log(strings.TrimSpace(stderr))
		if got := v.count(t, ours); got != total {
			t.Errorf("the store holds %d triples, want %d", got, total)
		}
	})
	t.Run("rerun skips", func(t *testing.T) {
		code, stderr := v.load(t, v.password, "--endpoint", v.gsp(), "--state", state, "--verify", "all", corpus)
		if code != 0 || !strings.Contains(stderr, fmt.Sprintf("0 sent, %d skipped", len(graphs))) {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
	})
	t.Run("rerun without state replaces", func(t *testing.T) {
		code, stderr := v.load(t, v.password, "--endpoint", v.gsp(), corpus)
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		if got := v.count(t, ours); got != total {
			t.Errorf("after a rerun the store holds %d triples, want %d", got, total)
		}
	})
	t.Run("update protocol", func(t *testing.T) {
		code, stderr := v.load(t, v.password, "--protocol", "update", "--endpoint", v.url+"/sparql-auth", "--query", v.url+"/sparql", corpus)
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		if got := v.count(t, ours); got != total {
			t.Errorf("after an update load the store holds %d triples, want %d", got, total)
		}
	})
	t.Run("replace one graph", func(t *testing.T) {
		g := graphs[0]
		cut := &load.Graph{Name: g.Name, Triples: g.Triples[:len(g.Triples)/2]}
		one := filepath.Join(dir, "one.nq")
		writeGraphs(t, one, []*load.Graph{cut})
		if code, stderr := v.load(t, v.password, "--endpoint", v.gsp(), "--state", state, one); code != 0 {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		if got := v.count(t, "GRAPH <"+g.Name+"> { ?s ?p ?o }"); got != len(cut.Triples) {
			t.Errorf("graph holds %d triples after replacing, want %d", got, len(cut.Triples))
		}
		// The state file knows the graph changed: loading the corpus again
		// sends that graph only.
		code, stderr := v.load(t, v.password, "--endpoint", v.gsp(), "--state", state, corpus)
		if code != 0 || !strings.Contains(stderr, fmt.Sprintf("1 sent, %d skipped", len(graphs)-1)) {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		if got := v.count(t, ours); got != total {
			t.Errorf("the store holds %d triples, want %d", got, total)
		}
	})
	t.Run("values come back", func(t *testing.T) {
		var seen = map[string]bool{}
		for _, g := range graphs {
			rows := v.selectRows(t, "SELECT ?s ?p ?o WHERE { GRAPH <"+g.Name+"> { ?s ?p ?o } }")
			got := map[rdf.Triple]bool{}
			for _, r := range rows {
				got[rdf.Triple{S: r["s"], P: r["p"], O: r["o"]}] = true
			}
			for _, tr := range g.Triples {
				want := rdf.Triple{S: tr.S, P: tr.P, O: canonical(tr.O)}
				if !got[want] {
					t.Errorf("graph <%s>: %s %s %s did not come back", g.Name, tr.S, tr.P, tr.O)
					continue
				}
				o := tr.O
				switch {
				case o.Lang != "":
					seen["language tag"] = true
				case o.Datatype == rdf.XSDDate, o.Datatype == rdf.XSDGYear:
					seen[o.Datatype] = true
				}
				if o.IsLiteral() && strings.ContainsFunc(o.Value, func(r rune) bool { return r > 127 }) {
					seen["non-ASCII"] = true
				}
			}
			if len(rows) != len(g.Triples) {
				t.Errorf("graph <%s>: %d triples in the store, %d sent", g.Name, len(rows), len(g.Triples))
			}
		}
		for _, k := range []string{"language tag", rdf.XSDDate, rdf.XSDGYear, "non-ASCII"} {
			if !seen[k] {
				t.Errorf("the corpus checked no %s", k)
			}
		}
	})
	t.Run("README queries", func(t *testing.T) {
		for i, q := range readmeQueries(t) {
			want, err := os.ReadFile(filepath.Join("testdata", "queries", fmt.Sprintf("%d.csv", i+1)))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(want)), "\n")
			vars := strings.Split(lines[0], ",")
			// Virtuoso's default graph is the union of all graphs, where a
			// label restated by many articles is many rows: compare sets.
			var got []string
			for _, r := range v.selectRows(t, q) {
				var cells []string
				for _, name := range vars {
					cells = append(cells, csvCell(r[name].Value))
				}
				got = append(got, strings.Join(cells, ","))
			}
			g, w := dedupe(sortStrings(got)), dedupe(sortStrings(lines[1:]))
			if i == 1 {
				// The golden answers of query 2 come from roqet, whose
				// OPTIONAL pairs conflicts with other conflicts' end dates
				// and which drops the leading zero of years before 1000:
				// compare the conflicts answered, not whole rows.
				if a, b := firstColumn(g), firstColumn(w); !slices.Equal(a, b) {
					t.Errorf("query 2: Virtuoso answered conflicts\n%s\nroqet\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
				}
				continue
			}
			if !slices.Equal(g, w) {
				t.Errorf("query %d: Virtuoso answered %d rows, want %d:\n%s", i+1, len(g), len(w), lineDiff([]byte(strings.Join(w, "\n")+"\n"), []byte(strings.Join(g, "\n")+"\n")))
			}
		}
	})
	t.Run("wrong password", func(t *testing.T) {
		code, stderr := v.load(t, "not-"+v.password, "--endpoint", v.gsp(), "--force", corpus)
		if code != 1 || !strings.Contains(stderr, "401 Unauthorized") {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	})
	t.Run("store killed mid-load", func(t *testing.T) {
		killState := filepath.Join(dir, "kill.json")
		// A proxy in front of the store kills it before the 11th PUT.
		target, _ := url.Parse(v.url)
		proxy := httputil.NewSingleHostReverseProxy(target)
		var mu sync.Mutex
		puts, killed := 0, false
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			if r.Method == "PUT" && r.Header.Get("Authorization") != "" {
				puts++
				if puts == 11 && !killed {
					killed = true
					v.kill(t)
				}
			}
			mu.Unlock()
			proxy.ServeHTTP(w, r)
		}))
		defer srv.Close()
		code, stderr := v.load(t, v.password, "--endpoint", srv.URL+"/sparql-graph-crud-auth", "--state", killState,
			"--force", "--parallel", "1", "--retries", "1", "--backoff", "10ms", corpus)
		if code != 1 || !killed {
			t.Fatalf("exit %d, killed %v:\n%s", code, killed, stderr)
		}
		t.Log(strings.TrimSpace(stderr))
		v.start(t)
		code, stderr = v.load(t, v.password, "--endpoint", srv.URL+"/sparql-graph-crud-auth", "--state", killState, "--verify", "all", corpus)
		if code != 0 || !strings.Contains(stderr, "10 skipped") {
			t.Fatalf("resume: exit %d:\n%s", code, stderr)
		}
		t.Log(strings.TrimSpace(stderr))
		if got := v.count(t, ours); got != total {
			t.Errorf("after the resumed load the store holds %d triples, want %d", got, total)
		}
	})
}

// kill stops the instance as a crash would.
func (v virtuoso) kill(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(filepath.Dir(v.ini), "db", "virtuoso.lck"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(string(b), "VIRT_PID=")))
	if err != nil {
		t.Fatalf("lock file: %q", b)
	}
	syscall.Kill(pid, syscall.SIGKILL)
	for range 100 {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("virtuoso did not die")
}

// start starts the instance again and waits until it answers.
func (v virtuoso) start(t *testing.T) {
	db := filepath.Join(filepath.Dir(v.ini), "db")
	os.Remove(filepath.Join(db, "virtuoso.lck"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "virtuoso-t", "+configfile", v.ini, "+wait")
	cmd.Dir = db
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("restart: %v\n%s", err, out)
	}
	for ctx.Err() == nil {
		if resp, err := http.Get(v.url + "/sparql?query=ASK%7B%7D"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("virtuoso did not come back")
}

func csvCell(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// firstColumn returns the distinct first cells of CSV rows, sorted.
func firstColumn(rows []string) []string {
	var out []string
	for _, r := range rows {
		cell, _, _ := strings.Cut(r, ",")
		out = append(out, cell)
	}
	return dedupe(sortStrings(out))
}

func sortStrings(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
