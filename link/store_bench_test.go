package link

// The issue asks to measure before choosing the offline index's store.
// These benchmarks compare the sorted file with a sparse index (index.go)
// with bbolt holding the very same records, key for key, on the fixture
// repeated storeBenchCopies times:
//
//	go test ./link -run '^$' -bench BenchmarkStore -benchtime 3x
//
// bbolt is a test-only dependency: nothing outside _test.go imports it.
// The numbers and the decision are in docs/linking.md.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// storeBenchCopies copies of the fixture's 41 items: 205,000 items and
// about 810,000 records (an item is stored under its title and each of its
// name keys).
const storeBenchCopies = 5000

// storeBenchMem is the sorted file's sort buffer (--mem 32), so that the
// build runs its external merge sort.
const storeBenchMem = 32 << 20

var storeBench struct {
	once  sync.Once
	items []*Item
	err   error
}

// storeBenchItems parses the repeated fixture once for all benchmarks, so
// that build times measure the stores, not JSON decoding of the dump.
func storeBenchItems(b *testing.B) []*Item {
	b.Helper()
	storeBench.once.Do(func() {
		raw, err := os.ReadFile("testdata/fixture.json")
		if err != nil {
			storeBench.err = err
			return
		}
		dump := repeatDump(raw, storeBenchCopies)
		_, _, storeBench.err = ReadDump(context.Background(), bytes.NewReader(dump), "bench.json", DumpOptions{}, func(it *Item) error {
			storeBench.items = append(storeBench.items, it)
			return nil
		})
	})
	if storeBench.err != nil {
		b.Fatal(storeBench.err)
	}
	return storeBench.items
}

func buildSortedFile(items []*Item, path string) error {
	w, err := NewIndexWriter(path, storeBenchMem)
	if err != nil {
		return err
	}
	for _, it := range items {
		if err := w.Add(it); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}

var boltBucket = []byte("wikidata")

// boltBatch is how many items go into one bbolt write transaction: one
// transaction for the whole dump would hold every dirty page in memory.
const boltBatch = 10000

// itemRecords returns the records the index stores for it: the same keys
// and values as IndexWriter.Add.
func itemRecords(it *Item) ([]kv, error) {
	rec, err := json.Marshal(it)
	if err != nil {
		return nil, err
	}
	var out []kv
	if it.Sitelink != "" {
		out = append(out, kv{[]byte(titlePrefix + it.Sitelink), rec})
	}
	var seen []string
	for _, n := range it.names() {
		k := NameKey(n)
		if k == "" || slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
		out = append(out, kv{[]byte(namePrefix + k + "\x00" + it.ID), rec})
	}
	return out, nil
}

// buildBolt writes the items' records into a bbolt file in the order the
// dump gives them (a streaming build: bbolt sorts as it goes), a batch of
// items a transaction, synced once at the end.
func buildBolt(items []*Item, path string) error {
	os.Remove(path)
	db, err := bolt.Open(path, 0o644, &bolt.Options{NoSync: true, NoFreelistSync: true})
	if err != nil {
		return err
	}
	for i := 0; i < len(items); i += boltBatch {
		err := db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucketIfNotExists(boltBucket)
			if err != nil {
				return err
			}
			for _, it := range items[i:min(i+boltBatch, len(items))] {
				recs, err := itemRecords(it)
				if err != nil {
					return err
				}
				for _, r := range recs {
					// The sorted file keeps the first of duplicate
					// titles; so does this.
					if bytes.HasPrefix(r.k, []byte(titlePrefix)) && bk.Get(r.k) != nil {
						continue
					}
					if err := bk.Put(r.k, r.v); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			db.Close()
			return err
		}
	}
	if err := db.Sync(); err != nil {
		db.Close()
		return err
	}
	return db.Close()
}

// boltStore is a Linker over a bbolt file built by buildBolt, answering
// as Index does.
type boltStore struct{ db *bolt.DB }

func openBolt(path string) (*boltStore, error) {
	db, err := bolt.Open(path, 0o444, &bolt.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return &boltStore{db}, nil
}

func (s *boltStore) Close() error { return s.db.Close() }

func (s *boltStore) Candidates(ctx context.Context, qs []Query) ([][]*Item, error) {
	out := make([][]*Item, len(qs))
	err := s.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(boltBucket)
		for i, q := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if q.Title != "" {
				if v := bk.Get([]byte(titlePrefix + q.Title)); v != nil {
					it := new(Item)
					if err := json.Unmarshal(v, it); err != nil {
						return err
					}
					out[i] = dedupe(out[i], it)
				}
			}
			for _, n := range q.Names {
				k := NameKey(n)
				if k == "" {
					continue
				}
				prefix := []byte(namePrefix + k + "\x00")
				c := bk.Cursor()
				for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
					it := new(Item)
					if err := json.Unmarshal(v, it); err != nil {
						return err
					}
					out[i] = dedupe(out[i], it)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// storeBenchQueries returns n queries as linking asks them (a title and
// its names), over random copies of the fixture: a siege with two items
// sharing a name, a romanised name, an alias-only name and a miss.
func storeBenchQueries(n int) []Query {
	rng := rand.New(rand.NewPCG(1, 2))
	tag := func(r int) string {
		if r == 0 {
			return ""
		}
		return "R" + pad3(r) + " "
	}
	var qs []Query
	for len(qs) < n {
		t := tag(rng.IntN(storeBenchCopies))
		switch len(qs) % 4 {
		case 0:
			qs = append(qs, Query{Title: t + "Siege of Pyongyang (1592)", Names: []string{t + "Siege of Pyongyang (1592)", t + "Siege of Pyongyang"}})
		case 1:
			qs = append(qs, Query{Title: t + "Kim Myŏngwŏn", Names: []string{t + "Kim Myŏngwŏn", t + "Kim Myeong-won"}})
		case 2:
			qs = append(qs, Query{Title: t + "Hanseong", Names: []string{t + "Hanseong"}})
		default:
			qs = append(qs, Query{Title: t + "Nowhere Castle", Names: []string{t + "Nowhere Castle", t + "Nowhere"}})
		}
	}
	return qs
}

func fileMB(b *testing.B, path string) float64 {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return float64(st.Size()) / 1e6
}

// BenchmarkStoreBuild writes the records of 205,000 parsed items into each
// store and reports items/s and the file's size.
func BenchmarkStoreBuild(b *testing.B) {
	items := storeBenchItems(b)
	for _, s := range []struct {
		name  string
		build func([]*Item, string) error
	}{{"sorted-file", buildSortedFile}, {"bbolt", buildBolt}} {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "store")
			for b.Loop() {
				if err := s.build(items, path); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "items/s")
			b.ReportMetric(fileMB(b, path), "file-MB")
		})
	}
}

// BenchmarkStoreLookup looks queries up in each store (warm page cache,
// one goroutine, as linking does) and reports lookups/s, a lookup being a
// title and its names.
func BenchmarkStoreLookup(b *testing.B) {
	items := storeBenchItems(b)
	dir := b.TempDir()
	sortedPath, boltPath := filepath.Join(dir, "sorted.idx"), filepath.Join(dir, "bolt.db")
	if err := buildSortedFile(items, sortedPath); err != nil {
		b.Fatal(err)
	}
	if err := buildBolt(items, boltPath); err != nil {
		b.Fatal(err)
	}
	ix, err := OpenIndex(sortedPath)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	bs, err := openBolt(boltPath)
	if err != nil {
		b.Fatal(err)
	}
	defer bs.Close()
	qs := storeBenchQueries(4096)
	// Both stores must answer alike, or the comparison means nothing.
	want, err := ix.Candidates(context.Background(), qs)
	if err != nil {
		b.Fatal(err)
	}
	got, err := bs.Candidates(context.Background(), qs)
	if err != nil {
		b.Fatal(err)
	}
	if d := diffCandidates(want, got); d != "" {
		b.Fatal(d)
	}
	for _, s := range []struct {
		name string
		l    Linker
	}{{"sorted-file", ix}, {"bbolt", bs}} {
		b.Run(s.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				q := qs[n%len(qs) : n%len(qs)+1]
				if _, err := s.l.Candidates(context.Background(), q); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
		})
	}
}

// diffCandidates describes the first difference between two stores'
// answers, or returns "".
func diffCandidates(a, b [][]*Item) string {
	ids := func(its []*Item) []string {
		var s []string
		for _, it := range its {
			s = append(s, it.ID)
		}
		sort.Strings(s)
		return s
	}
	if len(a) != len(b) {
		return fmt.Sprintf("%d answers against %d", len(a), len(b))
	}
	found := 0
	for i := range a {
		x, y := ids(a[i]), ids(b[i])
		if !slices.Equal(x, y) {
			return fmt.Sprintf("query %d: %v against %v", i, x, y)
		}
		found += len(x)
	}
	if found == 0 {
		return "no query found anything"
	}
	return ""
}

// TestBoltStoreMatchesIndex checks, on the fixture, that the benchmarks'
// bbolt store answers every title and name of every item as the sorted
// file does.
func TestBoltStoreMatchesIndex(t *testing.T) {
	ix := fixtureIndex(t)
	var items []*Item
	f, err := os.Open("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, _, err := ReadDump(context.Background(), f, "fixture.json", DumpOptions{}, func(it *Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bolt.db")
	if err := buildBolt(items, path); err != nil {
		t.Fatal(err)
	}
	bs, err := openBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer bs.Close()
	qs := []Query{{Title: "Nowhere", Names: []string{"Nowhere"}}}
	for _, it := range items {
		qs = append(qs, Query{Title: it.Sitelink, Names: it.names()})
	}
	want, err := ix.Candidates(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := bs.Candidates(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffCandidates(want, got); d != "" {
		t.Error(d)
	}
}
