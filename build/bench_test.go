package build

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
)

// corpusSources returns the development corpus as sources; a benchmark
// file named by WIKIKG_BENCH_CORPUS replaces it.
func corpusSources(tb testing.TB) ([]input.Source, int64) {
	if p := os.Getenv("WIKIKG_BENCH_CORPUS"); p != "" {
		info, err := os.Stat(p)
		if err != nil {
			tb.Fatal(err)
		}
		return []input.Source{{Name: p, Path: p}}, info.Size()
	}
	files, _ := filepath.Glob("../testdata/corpus/articles/*.txt")
	sort.Strings(files)
	var srcs []input.Source
	var n int64
	for _, f := range files {
		info, _ := os.Stat(f)
		n += info.Size()
		srcs = append(srcs, input.Source{Name: f, Path: f})
	}
	return srcs, n
}

// BenchmarkBuild measures the whole run (both passes, extraction and
// N-Quads encoding) with one worker, so MB/s is per core.
func BenchmarkBuild(b *testing.B) {
	srcs, size := corpusSources(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		enc := export.NewNQuadsEncoder(io.Discard)
		st, err := Run(context.Background(), srcs, enc, Options{
			Workers: 1,
			NewPipeline: func(cat *Catalog) *extract.Pipeline {
				p := extract.NewPipeline("", ontology.DefaultMapping())
				if cat != nil {
					p.Resolver = cat
					p.Prose.Catalog = cat.Dictionary
				}
				return p
			},
		})
		if err != nil || len(st.Errors) > 0 {
			b.Fatal(err, st.Errors)
		}
		enc.Close()
	}
}

// BenchmarkCatalog measures the catalog pass alone (reading, the Light
// extraction, joining the catalog) with one worker.
func BenchmarkCatalog(b *testing.B) {
	srcs, size := corpusSources(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cat, err := BuildCatalog(context.Background(), srcs, input.Auto, func() *extract.Pipeline {
			return extract.NewPipeline("", ontology.DefaultMapping())
		}, 1)
		if err != nil || cat.Titles() == 0 {
			b.Fatal(err, cat)
		}
	}
}
