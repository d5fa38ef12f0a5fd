package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenArticles are the inputs whose whole graphs are kept as golden files:
// the seed and a spread of corpus articles covering every infobox kind and
// the messy shapes (group labels, KIA flags, lunar dates, no infobox).
var goldenArticles = []string{
	"../../testdata/seed/siege-of-pyongyang-1592.txt",
	"../../testdata/corpus/articles/battle-of-noryang.txt",
	"../../testdata/corpus/articles/battle-of-ningyuan.txt",
	"../../testdata/corpus/articles/battle-of-the-yalu-river-1894.txt",
	"../../testdata/corpus/articles/imjin-war.txt",
	"../../testdata/corpus/articles/siege-of-pyongyang-1593.txt",
	"../../testdata/corpus/articles/seonjo-of-joseon.txt",
	"../../testdata/corpus/articles/kobayakawa-takakage.txt",
	"../../testdata/corpus/articles/konishi-yukinaga.txt",
	"../../testdata/corpus/articles/dandong.txt",
	"../../testdata/corpus/articles/imjin-river.txt",
	"../../testdata/corpus/articles/beiyang-fleet.txt",
	"../../testdata/corpus/articles/joseon-naval-campaigns-of-1592.txt",
	"../../testdata/corpus/articles/chinese-ironclad-dingyuan.txt",
}

// sortedLines returns b's lines sorted, so golden files compare as sets
// whatever order the encoder wrote.
func sortedLines(b []byte) []byte {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n") + "\n")
}

// TestGolden compares each golden article's graph, as sorted N-Triples, with
// testdata/golden/NAME.nt; run with -update to rewrite them after a change
// you have checked.
func TestGolden(t *testing.T) {
	for _, in := range goldenArticles {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Run([]string{"build", "--format", "nt", in}, nil, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			got := sortedLines(out.Bytes())
			path := filepath.Join("testdata", "golden", name+".nt")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("graph differs from %s; diff:\n%s", path, lineDiff(want, got))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got []byte) string {
	in := func(b []byte) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(string(b), "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(string(want), "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(string(got), "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
