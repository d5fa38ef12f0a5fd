package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeQueries returns the SPARQL queries of the README, in order.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile("(?s)```sparql\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// TestREADMEQueries runs the README's SPARQL queries with Oxigraph, a SPARQL
// 1.1 engine (npm oxigraph, .ci/sparql/query.mjs), over the corpus's
// N-Triples and compares the answers with golden CSV files (rewritten with
// -update). The Virtuoso integration test runs them on a real store too.
func TestREADMEQueries(t *testing.T) {
	script := os.Getenv("WIKIKG_SPARQL_JS")
	if script == "" {
		if os.Getenv("WIKIKG_REQUIRE_TOOLS") == "1" {
			t.Fatal("WIKIKG_SPARQL_JS is not set (scripts/test.sh sets it)")
		}
		t.Skip("WIKIKG_SPARQL_JS not set")
	}
	node := requireTool(t, "node")
	queries := readmeQueries(t)
	if len(queries) < 3 {
		t.Fatalf("the README has %d SPARQL queries, want at least 3", len(queries))
	}
	// Every article restates the labels it uses: give the engine each
	// triple once, as a store would keep it.
	raw, err := os.ReadFile(buildCorpus(t, "nt"))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "corpus.nt")
	if err := os.WriteFile(data, sortedUniqueLines(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			qf := filepath.Join(t.TempDir(), "q.rq")
			if err := os.WriteFile(qf, []byte(q), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, script, data, qf)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("oxigraph: %v\n%s", err, stderr.String())
			}
			got := strings.ReplaceAll(stdout.String(), "\r\n", "\n")
			if strings.Count(got, "\n") < 3 {
				t.Errorf("query %d answered %d rows:\n%s", i+1, strings.Count(got, "\n")-1, got)
			}
			path := filepath.Join("testdata", "queries", fmt.Sprintf("%d.csv", i+1))
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("answers differ from %s:\n%s", path, lineDiff(want, []byte(got)))
			}
		})
	}
}

// sortedUniqueLines returns b's lines sorted, each once.
func sortedUniqueLines(b []byte) []byte {
	lines := strings.Split(strings.TrimSuffix(string(sortedLines(b)), "\n"), "\n")
	return []byte(strings.Join(dedupe(lines), "\n") + "\n")
}
