package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	krdf "github.com/knakk/rdf"
)

const corpusDir = "../../testdata/corpus/articles"

// requireTool returns the path of an external validator, skipping the test
// when it is missing unless WIKIKG_REQUIRE_TOOLS=1 (as the README's test
// command sets), where a missing validator fails.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("WIKIKG_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required but not installed (scripts/test.sh installs it)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// buildCorpus writes the whole corpus and the seed in format ext to a file
// and returns its path.
func buildCorpus(t *testing.T, ext string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "corpus."+ext)
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"build", "-o", out, corpusDir, "../../testdata/seed"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr.String())
	}
	return out
}

// TestRapper runs rapper -c over the corpus's Turtle, N-Triples, N-Quads
// and TriG and requires zero errors and zero warnings.
func TestRapper(t *testing.T) {
	rapper := requireTool(t, "rapper")
	for _, f := range []struct{ ext, syntax string }{
		{"ttl", "turtle"}, {"nt", "ntriples"}, {"nq", "nquads"}, {"trig", "trig"},
	} {
		t.Run(f.ext, func(t *testing.T) {
			path := buildCorpus(t, f.ext)
			cmd := exec.Command(rapper, "-i", f.syntax, "-c", path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("rapper: %v\n%s", err, stderr.String())
			}
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.Contains(line, "Error") || strings.Contains(line, "Warning") {
					t.Errorf("rapper: %s", line)
				}
			}
			if !strings.Contains(stderr.String(), "returned") {
				t.Errorf("rapper printed no triple count: %s", stderr.String())
			}
		})
	}
}

// canonicalNT parses N-Triples or N-Quads (graph dropped) with knakk/rdf and
// returns the triples as sorted canonical lines, datatypes included (knakk's
// own term equality ignores them, so we compare our serialisation of its
// terms).
func canonicalNT(t *testing.T, data []byte, format krdf.Format) []string {
	t.Helper()
	var lines []string
	if format == krdf.NQuads {
		dec := krdf.NewQuadDecoder(bytes.NewReader(data), krdf.NQuads)
		qs, err := dec.DecodeAll()
		if err != nil {
			t.Fatalf("decoding N-Quads: %v", err)
		}
		for _, q := range qs {
			lines = append(lines, tripleLine(q.Subj, q.Pred, q.Obj))
		}
	} else {
		dec := krdf.NewTripleDecoder(bytes.NewReader(data), format)
		ts, err := dec.DecodeAll()
		if err != nil {
			t.Fatalf("decoding: %v", err)
		}
		for _, tr := range ts {
			lines = append(lines, tripleLine(tr.Subj, tr.Pred, tr.Obj))
		}
	}
	sort.Strings(lines)
	return dedupe(lines)
}

func tripleLine(s krdf.Subject, p krdf.Predicate, o krdf.Object) string {
	obj := o.Serialize(krdf.NTriples)
	if lit, ok := o.(krdf.Literal); ok {
		obj = fmt.Sprintf("%q@%s^^%s", lit.String(), lit.Lang(), lit.DataType.String())
	}
	return s.Serialize(krdf.NTriples) + " " + p.Serialize(krdf.NTriples) + " " + obj
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, l := range s {
		if i == 0 || l != s[i-1] {
			out = append(out, l)
		}
	}
	return out
}

// TestRoundTrip reads our Turtle and N-Quads back with knakk/rdf and
// requires the same triples as our N-Triples.
func TestRoundTrip(t *testing.T) {
	ntData, err := os.ReadFile(buildCorpus(t, "nt"))
	if err != nil {
		t.Fatal(err)
	}
	want := canonicalNT(t, ntData, krdf.NTriples)
	if len(want) < 1000 {
		t.Fatalf("only %d triples from the corpus", len(want))
	}
	for _, f := range []struct {
		ext    string
		format krdf.Format
	}{{"ttl", krdf.Turtle}, {"nq", krdf.NQuads}} {
		t.Run(f.ext, func(t *testing.T) {
			data, err := os.ReadFile(buildCorpus(t, f.ext))
			if err != nil {
				t.Fatal(err)
			}
			got := canonicalNT(t, data, f.format)
			compareLines(t, want, got)
		})
	}
}

func compareLines(t *testing.T, want, got []string) {
	t.Helper()
	if strings.Join(want, "\n") == strings.Join(got, "\n") {
		return
	}
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	n := 0
	for _, l := range want {
		if !g[l] && n < 10 {
			t.Errorf("missing: %s", l)
			n++
		}
	}
	for _, l := range got {
		if !w[l] && n < 20 {
			t.Errorf("extra: %s", l)
			n++
		}
	}
	t.Errorf("%d triples wanted, %d got", len(want), len(got))
}

// TestJSONLDIndependent converts our JSON-LD of the corpus to N-Quads with
// jsonld.js, an independent processor, and requires the same graph as our
// N-Triples.
func TestJSONLDIndependent(t *testing.T) {
	script := os.Getenv("WIKIKG_JSONLD_JS")
	if script == "" {
		if os.Getenv("WIKIKG_REQUIRE_TOOLS") == "1" {
			t.Fatal("WIKIKG_JSONLD_JS is not set (scripts/test.sh sets it)")
		}
		t.Skip("WIKIKG_JSONLD_JS not set")
	}
	node := requireTool(t, "node")
	jsonldData, err := os.ReadFile(buildCorpus(t, "jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script)
	cmd.Stdin = bytes.NewReader(jsonldData)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jsonld.js: %v\n%s", err, stderr.String())
	}
	ntData, err := os.ReadFile(buildCorpus(t, "nt"))
	if err != nil {
		t.Fatal(err)
	}
	compareLines(t, canonicalNT(t, ntData, krdf.NTriples), canonicalNT(t, stdout.Bytes(), krdf.NQuads))
}
