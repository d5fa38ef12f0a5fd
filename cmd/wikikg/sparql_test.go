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

// TestREADMEQueries runs the README's SPARQL queries with roqet over the
// corpus's Turtle and compares the answers with golden CSV files (rewritten
// with -update).
func TestREADMEQueries(t *testing.T) {
	roqet := requireTool(t, "roqet")
	queries := readmeQueries(t)
	if len(queries) < 3 {
		t.Fatalf("the README has %d SPARQL queries, want at least 3", len(queries))
	}
	// roqet keeps repeated statements and joins without indexes: give it
	// each triple once (every article restates the labels it uses).
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
			cmd := exec.CommandContext(ctx, roqet, "-q", "-i", "sparql", "-D", data, "-r", "csv", qf)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("roqet: %v\n%s", err, stderr.String())
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
