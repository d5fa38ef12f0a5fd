package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/load/loadtest"
)

func TestLoadCommand(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.nq")
	if code := Run([]string{"build", "-q", "-o", corpus, "../../testdata/seed/siege-of-pyongyang-1592.txt"}, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("build: exit %d", code)
	}
	s := (&loadtest.Store{User: "dba", Password: "t0psecret"}).Start()
	defer s.Close()
	state := filepath.Join(dir, "state.json")
	base := []string{"load", "--endpoint", s.URL("/gsp"), "--query", s.URL("/sparql"), "--state", state, "--backoff", "1ms"}
	tests := []struct {
		name     string
		args     []string
		password string
		code     int
		stderr   string
	}{
		{"load", append(base, corpus), "t0psecret", 0, "1 graphs: 1 sent, 0 skipped"},
		{"rerun skips", append(base, corpus), "t0psecret", 0, "0 sent, 1 skipped"},
		{"force", append(base, "--force", corpus), "t0psecret", 0, "1 sent, 0 skipped"},
		{"update", []string{"load", "--protocol", "update", "--endpoint", s.URL("/update"), "--query", s.URL("/sparql"), corpus}, "t0psecret", 0, "verified 1 graphs by COUNT: 0 mismatches"},
		{"wrong password", append(base, "--force", corpus), "wrong-pw", 1, "401 Unauthorized"},
		{"no endpoint", []string{"load", corpus}, "", 2, "--endpoint is required"},
		{"trig", append(base, "x.trig"), "", 2, "TriG"},
		{"no query endpoint", []string{"load", "--endpoint", s.URL("/elsewhere"), corpus}, "", 2, "--query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("WIKIKG_STORE_USER", "dba")
			t.Setenv("WIKIKG_STORE_PASSWORD", tt.password)
			var stdout, stderr bytes.Buffer
			code := Run(tt.args, nil, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, want %d; stderr:\n%s\nwant it to contain %q", code, tt.code, stderr.String(), tt.stderr)
			}
			if tt.password != "" && strings.Contains(stdout.String()+stderr.String(), tt.password) {
				t.Error("the output shows the password")
			}
		})
	}
	if s.Graphs() != 1 {
		t.Errorf("%d graphs in the store, want 1", s.Graphs())
	}
}

// TestBuildLoad checks build --load: every article's graph reaches the
// store as it is extracted, the same triples as the N-Quads written, and a
// rerun with the state file sends nothing.
func TestBuildLoad(t *testing.T) {
	s := (&loadtest.Store{User: "dba", Password: "t0psecret"}).Start()
	defer s.Close()
	t.Setenv("WIKIKG_STORE_USER", "dba")
	t.Setenv("WIKIKG_STORE_PASSWORD", "t0psecret")
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.nq")
	state := filepath.Join(dir, "state.json")
	args := []string{"build", "-o", out, "--load", s.URL("/gsp"), "--load-query", s.URL("/sparql"), "--load-state", state, corpusDir}
	var stdout, stderr bytes.Buffer
	if code := Run(args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "45 graphs: 45 sent") {
		t.Errorf("stderr lacks the load summary:\n%s", stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		i := strings.LastIndex(strings.TrimSuffix(line, " ."), " <")
		g := line[i+2 : len(line)-3]
		if written[g] == nil {
			written[g] = map[string]bool{}
		}
		written[g][line[:i]] = true
	}
	if s.Graphs() != len(written) || len(written) != 45 {
		t.Fatalf("store has %d graphs, output %d", s.Graphs(), len(written))
	}
	for g, triples := range written {
		if n := s.Count(g); n != len(triples) {
			t.Errorf("graph %s: %d triples in the store, %d written", g, n, len(triples))
		}
	}
	stderr.Reset()
	if code := Run(args, nil, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "0 sent, 45 skipped") {
		t.Errorf("rerun: exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestLoadGzip checks --gzip against a store that reads gzip bodies, and
// the clear error from one that does not.
func TestLoadGzip(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "seed.nq")
	if code := Run([]string{"build", "-q", "-o", corpus, "../../testdata/seed/siege-of-pyongyang-1592.txt"}, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("build: exit %d", code)
	}
	for _, accept := range []bool{true, false} {
		s := (&loadtest.Store{AcceptGzip: accept}).Start()
		var stderr bytes.Buffer
		code := Run([]string{"load", "--gzip", "--backoff", "1ms", "--endpoint", s.URL("/gsp"), "--query", s.URL("/sparql"), corpus}, nil, &bytes.Buffer{}, &stderr)
		switch {
		case accept && (code != 0 || s.Gzipped == 0 || s.Graphs() != 1):
			t.Errorf("store reading gzip: exit %d, %d gzipped requests, %d graphs\n%s", code, s.Gzipped, s.Graphs(), stderr.String())
		case !accept && (code != 1 || !strings.Contains(stderr.String(), "415")):
			t.Errorf("store refusing gzip: exit %d, stderr:\n%s", code, stderr.String())
		}
		s.Close()
	}
}
