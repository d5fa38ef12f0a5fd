package build

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"reflect"
	"testing"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func devPipeline(cat *Catalog) *extract.Pipeline {
	p := extract.NewPipeline("", ontology.DefaultMapping())
	if cat != nil {
		p.Resolver = cat
		p.Prose.Catalog = cat.Dictionary
	}
	return p
}

// runNQuads runs the dev corpus's sources as shard i of n with catalog
// (a catalog pass when nil) and returns the N-Quads.
func runNQuads(t *testing.T, srcs []input.Source, cat *Catalog, i, n int) ([]byte, error) {
	t.Helper()
	var out bytes.Buffer
	enc := export.NewNQuadsEncoder(&out)
	_, err := Run(context.Background(), srcs, enc, Options{NewPipeline: devPipeline, Catalog: cat, Shard: i, Shards: n, Workers: 2})
	if err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), nil
}

// TestSavedCatalog checks that a run with a catalog saved and loaded
// writes what a run with its own catalog pass writes, whole and in shards,
// and that a catalog of other input, another mapping or broken bytes is
// refused.
func TestSavedCatalog(t *testing.T) {
	srcs, _ := corpusSources(t)
	built, err := BuildCatalog(context.Background(), srcs, input.Auto, func() *extract.Pipeline { return devPipeline(nil) }, 2)
	if err != nil {
		t.Fatal(err)
	}
	var saved bytes.Buffer
	if err := built.Save(&saved, "mapping-1"); err != nil {
		t.Fatal(err)
	}
	file := bytes.Clone(saved.Bytes())
	cat, err := LoadCatalog(bytes.NewReader(file), "mapping-1")
	if err != nil {
		t.Fatal(err)
	}
	if cat.Articles != built.Articles || cat.Bytes != built.Bytes || cat.Titles() != built.Titles() || cat.Dictionary.Len() != built.Dictionary.Len() {
		t.Fatalf("loaded catalog: %d articles, %d bytes, %d titles, %d names; want %d, %d, %d, %d",
			cat.Articles, cat.Bytes, cat.Titles(), cat.Dictionary.Len(), built.Articles, built.Bytes, built.Titles(), built.Dictionary.Len())
	}
	if !reflect.DeepEqual(cat.titles, built.titles) || !reflect.DeepEqual(cat.aliases, built.aliases) || !reflect.DeepEqual(cat.homonyms, built.homonyms) {
		t.Error("the loaded catalog's titles, aliases or homonyms differ")
	}
	var again bytes.Buffer
	if err := cat.Save(&again, "mapping-1"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), file) {
		t.Error("the loaded catalog saves other bytes")
	}

	want, err := runNQuads(t, srcs, nil, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := runNQuads(t, srcs, cat, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("a run with the saved catalog writes other N-Quads than a run with its own")
	}
	var parts []byte
	for i := range 3 {
		part, err := runNQuads(t, srcs, cat, i, 3)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part...)
	}
	if !bytes.Equal(parts, want) {
		t.Fatal("three shards with the saved catalog, concatenated, differ from a single run")
	}

	t.Run("other input", func(t *testing.T) {
		// The last shard reads to the end and counts every article; the
		// first stops at its slice, which a third of the input ends
		// before.
		for shard := range 2 {
			if _, err := runNQuads(t, srcs[:len(srcs)/3], cat, shard, 2); !errors.Is(err, ErrCatalogMismatch) {
				t.Errorf("shard %d of 2 of a third of the input with the whole input's catalog: %v, want ErrCatalogMismatch", shard+1, err)
			}
		}
	})
	t.Run("homonyms", func(t *testing.T) {
		c := newCatalog()
		c.titles["Titled"] = &Title{Name: "Titled", Classes: []rdf.Term{ontology.Person}, Year: 1554}
		c.titles["Dated 1800"] = &Title{Name: "Dated 1800", Year: 1800}
		addPersonYears(c, map[string][]int{"Titled": {1592, 1800}, "Two Eras": {1592, 1900}})
		c.settle()
		got := saveLoad(t, c)
		if len(c.homonyms) != 2 || !reflect.DeepEqual(got.homonyms, c.homonyms) {
			t.Fatalf("homonyms %v after the round trip, want %v", got.homonyms, c.homonyms)
		}
		if name, _ := got.Resolve("Dated 1800", "Titled", ontology.Person); name != "Titled (fl. 1800)" {
			t.Errorf("Resolve = %q, want Titled (fl. 1800)", name)
		}
	})
	t.Run("other mapping", func(t *testing.T) {
		if _, err := LoadCatalog(bytes.NewReader(file), "mapping-2"); !errors.Is(err, ErrCatalogMismatch) {
			t.Errorf("LoadCatalog with another mapping: %v, want ErrCatalogMismatch", err)
		}
	})
	t.Run("broken", func(t *testing.T) {
		for _, data := range [][]byte{nil, []byte("= Title =\n"), file[:len(file)/3], file[:len(file)-1]} {
			if _, err := LoadCatalog(bytes.NewReader(data), "mapping-1"); err == nil {
				t.Errorf("%d bytes of %d loaded without error", len(data), len(file))
			}
		}
	})
}

// FuzzLoadCatalog checks that no bytes make LoadCatalog panic, and that
// what it loads saves again.
func FuzzLoadCatalog(f *testing.F) {
	c := newCatalog()
	c.titles["Battle of Okpo"] = &Title{Name: "Battle of Okpo", Classes: []rdf.Term{ontology.MilitaryConflict}, Year: 1592, Aliases: []string{"Okpo"}}
	c.addAlias("Okpo", "Battle of Okpo")
	c.Dictionary.Add("Battle of Okpo", ontology.MilitaryConflict)
	c.Dictionary.Add("Yi Sun-sin", ontology.Person)
	addPersonYears(c, map[string][]int{"Yi": {1592, 1900}})
	c.settle()
	var buf bytes.Buffer
	if err := c.Save(&buf, "m"); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/2])
	// A part, with the mentions that stand in for its years.
	p := newCatalog()
	p.part, p.firstSource, p.totalSources = true, 1, 3
	p.sources, p.Articles, p.Bytes = []sourceCount{{Articles: 1, Bytes: 40}}, 1, 40
	p.titles["Battle of Okpo"] = &Title{Name: "Battle of Okpo", Year: 1592}
	p.mentions = []mentions{{"Battle of Okpo", 1592, []string{"Yi Sun-sin", "Won Gyun"}}, {"Battle of Okpo", 0, []string{"Yi Eok-gi"}}}
	buf.Reset()
	if err := p.Save(&buf, "m"); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := LoadCatalog(bytes.NewReader(data), "m")
		if err != nil {
			return
		}
		if err := got.Save(&bytes.Buffer{}, "m"); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCatalogVersion checks that a catalog of another version, whose
// names another extraction gave, is refused rather than used.
func TestCatalogVersion(t *testing.T) {
	var buf bytes.Buffer
	for _, v := range []int{catalogVersion - 1, catalogVersion + 1} {
		buf.Reset()
		if err := gob.NewEncoder(&buf).Encode(catalogHeader{Magic: catalogMagic, Version: v, Mapping: "m"}); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadCatalog(&buf, "m"); !errors.Is(err, ErrCatalogMismatch) {
			t.Errorf("version %d: LoadCatalog gave %v, want ErrCatalogMismatch", v, err)
		}
	}
}
