package build

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
)

// TestTrailingErrors is a regression test: errors after a run's last
// article (a file with no article at all, text after it) were dropped, so a
// binary file gave exit status 0 and no message.
func TestTrailingErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) input.Source {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return input.Source{Name: p, Path: p}
	}
	good := write("good.txt", "= Good =\n\nText.\n")
	binary := write("binary.txt", "\x89PNG\r\n\x1a\n")
	for _, tc := range []struct {
		name    string
		sources []input.Source
		shards  int
	}{
		{"binary file alone", []input.Source{binary}, 1},
		{"binary file last", []input.Source{good, binary}, 1},
		{"binary file last, two shards", []input.Source{good, binary}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			enc, err := export.NewEncoder(io.Discard, export.NTriples, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			st, err := Run(context.Background(), tc.sources, enc, Options{
				NewPipeline: func(*Catalog) *extract.Pipeline {
					return extract.NewPipeline(ontology.DefaultBase, ontology.DefaultMapping())
				},
				Shard: tc.shards - 1, Shards: tc.shards,
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range st.Errors {
				if errors.Is(e, extract.ErrTextBeforeTitle) && e.File == binary.Name && e.Line == 1 {
					return
				}
			}
			t.Errorf("errors %v, want text before the first title at %s:1", st.Errors, binary.Name)
		})
	}
}
