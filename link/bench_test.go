package link

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkIndexBuild builds an index from the gzip-compressed fixture
// repeated 200 times (8,200 items with distinct QIDs) and reports items/s;
// SetBytes makes MB/s the compressed input's rate.
func BenchmarkIndexBuild(b *testing.B) {
	dir := b.TempDir()
	const times = 200
	gz := gzipFixture(b, dir, times)
	st, _ := os.Stat(gz)
	b.SetBytes(st.Size())
	items := 0
	for b.Loop() {
		read, _, err := BuildIndex(context.Background(), gz, filepath.Join(dir, "bench.idx"), 0, DumpOptions{})
		if err != nil {
			b.Fatal(err)
		}
		items += read
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkLookup looks up names and titles in an index of the repeated
// fixture, as linking does: one title and two names a query.
func BenchmarkLookup(b *testing.B) {
	dir := b.TempDir()
	gz := gzipFixture(b, dir, 200)
	path := filepath.Join(dir, "bench.idx")
	if _, _, err := BuildIndex(context.Background(), gz, path, 0, DumpOptions{}); err != nil {
		b.Fatal(err)
	}
	ix, err := OpenIndex(path)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	qs := []Query{
		{Title: "Siege of Pyongyang (1592)", Names: []string{"Siege of Pyongyang (1592)", "Siege of Pyongyang"}},
		{Title: "Kim Myŏngwŏn", Names: []string{"Kim Myŏngwŏn", "Kim"}},
		{Title: "Nowhere Castle", Names: []string{"Nowhere Castle", "Nowhere"}},
	}
	n := 0
	for b.Loop() {
		if _, err := ix.Candidates(context.Background(), qs); err != nil {
			b.Fatal(err)
		}
		n += len(qs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}
