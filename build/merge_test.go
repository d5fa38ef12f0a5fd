package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
)

// partSources returns an undated article titled as one of the dev corpus's,
// with another alias, then the dev corpus's sources, then copies of some of
// its articles with every year moved three centuries on, titled as the
// originals, and an empty source. A copy's people are dated by the year of
// the first article of its title, which a part that reads only the copies
// does not know; the first article's title takes the year and alias of a
// later part; the empty source has no article for a part to hold.
func partSources(t *testing.T) []input.Source {
	t.Helper()
	dir := t.TempDir()
	undated := filepath.Join(dir, "undated.txt")
	if err := os.WriteFile(undated, []byte("= Siege of Pyongyang (1592) =\n\nInfobox\n- Conflict: Pyongyang siege\n"+
		"- Commander1: Konishi Yukinaga\n- Commander2: Yun Tusu\n\nThe siege of Pyongyang.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus, _ := corpusSources(t)
	srcs := append([]input.Source{{Name: undated, Path: undated}}, corpus...)
	moved := strings.NewReplacer("15", "18", "16", "19")
	for _, name := range []string{"yi-sun-sin.txt", "siege-of-pyongyang-1592.txt", "won-kyun.txt", "imjin-war.txt", "konishi-yukinaga.txt"} {
		data, err := os.ReadFile(filepath.Join("../testdata/corpus/articles", name))
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		path := filepath.Join(dir, "moved-"+name)
		if err := os.WriteFile(path, []byte(title+"\n"+moved.Replace(body)), 0o644); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, input.Source{Name: path, Path: path})
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return append(srcs, input.Source{Name: empty, Path: empty})
}

// saveLoad round-trips c through its file format, as the parts of a run
// on several machines travel.
func saveLoad(t *testing.T, c *Catalog) *Catalog {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Save(&buf, "m"); err != nil {
		t.Fatal(err)
	}
	got, err := LoadCatalog(&buf, "m")
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func savedBytes(t *testing.T, c *Catalog) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Save(&buf, "m"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCatalogParts checks that the parts of a catalog, made one per slice
// of the sources, saved, loaded and merged in order, are the catalog one
// pass over all the sources makes, to the byte, however many parts.
func TestCatalogParts(t *testing.T) {
	ctx := context.Background()
	srcs := partSources(t)
	newPipe := func() *extract.Pipeline { return devPipeline(nil) }
	whole, err := BuildCatalog(ctx, srcs, input.Auto, newPipe, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := savedBytes(t, whole)
	for _, shards := range []int{1, 2, 3, 7, len(srcs) - 1, len(srcs), len(srcs) + 4} {
		t.Run(fmt.Sprint(shards), func(t *testing.T) {
			var merged *Catalog
			// redated counts the mentions whose year a part before
			// theirs sets: the copies' people.
			redated := 0
			for i := range shards {
				part, err := BuildCatalogPart(ctx, srcs, i, shards, input.Auto, newPipe, 1+i%2)
				if err != nil {
					t.Fatal(err)
				}
				part = saveLoad(t, part)
				if merged == nil {
					merged = part
					continue
				}
				for _, m := range part.mentions {
					if t, ok := merged.titles[m.title]; ok && t.Year != 0 && t.Year != m.year {
						redated += len(m.persons)
					}
				}
				if err := merged.Merge(part); err != nil {
					t.Fatal(err)
				}
			}
			if shards == len(srcs) && redated == 0 {
				t.Error("no part's mention took its year from a part before it: the test does not see that merge")
			}
			if err := merged.Complete(); err != nil {
				t.Fatal(err)
			}
			if got := savedBytes(t, merged); !bytes.Equal(got, want) {
				t.Fatalf("%d parts merged save %d bytes unlike the whole catalog's %d", shards, len(got), len(want))
			}
		})
	}
}

// TestCatalogPartErrors checks that parts merge only in order and
// complete only when they cover every source, and that a run takes no part.
func TestCatalogPartErrors(t *testing.T) {
	ctx := context.Background()
	srcs := partSources(t)
	newPipe := func() *extract.Pipeline { return devPipeline(nil) }
	part := func(i, n int) *Catalog {
		c, err := BuildCatalogPart(ctx, srcs, i, n, input.Auto, newPipe, 2)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if err := part(0, 3).Merge(part(2, 3)); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("part 1 of 3 merged with part 3: %v, want ErrCatalogMismatch", err)
	}
	if err := part(1, 3).Merge(part(0, 3)); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("part 2 of 3 merged with part 1: %v, want ErrCatalogMismatch", err)
	}
	if err := part(0, 2).Merge(part(1, 3)); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("part 1 of 2 merged with part 2 of 3: %v, want ErrCatalogMismatch", err)
	}
	for _, c := range []*Catalog{part(0, 2), part(1, 2)} {
		if err := c.Complete(); !errors.Is(err, ErrCatalogMismatch) {
			t.Errorf("half the sources completed: %v, want ErrCatalogMismatch", err)
		}
	}
	whole, err := BuildCatalog(ctx, srcs, input.Auto, newPipe, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := whole.Merge(part(0, 1)); !errors.Is(err, ErrNotPart) {
		t.Errorf("a whole catalog merged: %v, want ErrNotPart", err)
	}
	if err := whole.Complete(); !errors.Is(err, ErrNotPart) {
		t.Errorf("a whole catalog completed: %v, want ErrNotPart", err)
	}
	if _, err := runNQuads(t, srcs, part(0, 1), 0, 1); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("a run with a part: %v, want ErrCatalogMismatch", err)
	}
	if _, err := runNQuads(t, srcs[1:], whole, 0, 1); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("a run with one source fewer than its catalog: %v, want ErrCatalogMismatch", err)
	}
	if _, err := BuildCatalogPart(ctx, srcs, 3, 3, input.Auto, newPipe, 1); err == nil {
		t.Error("part 4 of 3 was made")
	}
}

// TestShardSkipsSources checks that a shard reads no source before its
// slice, and that one whose articles are not those the catalog counted
// fails the run.
func TestShardSkipsSources(t *testing.T) {
	ctx := context.Background()
	srcs := partSources(t)
	cat, err := BuildCatalog(ctx, srcs, input.Auto, func() *extract.Pipeline { return devPipeline(nil) }, 2)
	if err != nil {
		t.Fatal(err)
	}
	want, err := runNQuads(t, srcs, cat, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The first source is far before the last third: a shard that tried
	// to read it would report it missing.
	gone := append([]input.Source{{Name: "gone", Path: filepath.Join(t.TempDir(), "gone.txt")}}, srcs[1:]...)
	got, err := runNQuads(t, gone, cat, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("shard 3 of 3 wrote other quads when a source before its slice was gone")
	}
	// The last source but the empty one swapped for one of two articles.
	two := filepath.Join(t.TempDir(), "two.txt")
	if err := os.WriteFile(two, []byte("= One =\nText.\n\n= Two =\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	swapped := append([]input.Source(nil), srcs...)
	swapped[len(swapped)-2] = input.Source{Name: two, Path: two}
	if _, err := runNQuads(t, swapped, cat, 2, 3); !errors.Is(err, ErrCatalogMismatch) {
		t.Errorf("a source of other articles: %v, want ErrCatalogMismatch", err)
	}
}
