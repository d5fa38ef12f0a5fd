package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWikidataLinking runs the commands end to end: index the fixture
// dump, build the seed article linked against it with a review file, and
// link the unlinked output with the link command.
func TestWikidataLinking(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "wd.idx")
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Run(args, strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("wikikg %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
		return out.String()
	}
	run("wikidata", "index", "-q", "--filter", "../../link/testdata/fixture.json", "-o", idx)
	seed := "../../testdata/seed/siege-of-pyongyang-1592.txt"
	review := filepath.Join(dir, "review.tsv")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"build", []string{"build", "-q", "--format", "nt", "--wikidata", idx, "--review", review, seed}},
		{"link", []string{"link", "-q", "--format", "nt", "--wikidata", idx, filepath.Join(dir, "plain.nt")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "link" {
				if err := os.WriteFile(filepath.Join(dir, "plain.nt"), []byte(run("build", "-q", "--format", "nt", seed)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := run(tc.args...)
			for _, want := range []string{
				"<https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q900000005> .",
				"<https://w3id.org/wikikg/resource/Kim_Myŏngwŏn> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q900000009> .",
				`<https://w3id.org/wikikg/resource/Kim_Myŏngwŏn#wikidata> <https://w3id.org/wikikg/ontology#linkRoute> "score" .`,
			} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %s", want)
				}
			}
		})
	}
	b, err := os.ReadFile(review)
	if err != nil || !strings.HasPrefix(string(b), "# entity\tdecision") {
		t.Errorf("review file: %v %q", err, b)
	}
	var errb bytes.Buffer
	if code := Run([]string{"build", "--wikidata", filepath.Join(dir, "none.idx"), seed}, nil, &bytes.Buffer{}, &errb); code != exitUsage {
		t.Errorf("missing index: exit %d, want %d (%s)", code, exitUsage, errb.String())
	}
}
