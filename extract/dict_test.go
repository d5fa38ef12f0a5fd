package extract

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"testing"

	"github.com/wikikg/wikikg/ontology"
)

// TestDictionaryHashCollisions fills a dictionary under a hash that makes
// most keys collide: every name is still found, and no other key.
func TestDictionaryHashCollisions(t *testing.T) {
	defer func(m uint64) { dictHashMask = m }(dictHashMask)
	dictHashMask = 7
	d := NewDictionary()
	var names []string
	for i := range 2000 {
		names = append(names, fmt.Sprintf("Yi Sun %d", i), fmt.Sprintf("Battle %c%d", 'A'+i%26, i))
	}
	for i, n := range names {
		class := ontology.Person
		if i%2 == 1 {
			class = ontology.MilitaryConflict
		}
		d.Add(n, class)
	}
	if d.Len() != len(names) {
		t.Fatalf("Len %d, want %d", d.Len(), len(names))
	}
	for i, n := range names {
		name, class, found := d.Lookup(FoldName(n))
		if !found || name != n || (class == ontology.Person) != (i%2 == 0) {
			t.Fatalf("Lookup(%q) = %q, %v, %v", FoldName(n), name, class, found)
		}
		if _, _, found := d.Lookup(FoldName(n) + "x"); found {
			t.Fatalf("Lookup(%q) found", FoldName(n)+"x")
		}
	}
}

// TestDictionaryGob checks that a dictionary read back from EncodeGob
// answers every look-up as the original does, and writes the same bytes.
func TestDictionaryGob(t *testing.T) {
	d := NewDictionary()
	for i := range 10000 {
		d.Add(fmt.Sprintf("Battle of Place %d", i), ontology.MilitaryConflict)
		d.Add(fmt.Sprintf("Kim %d", i%300), ontology.Person)
	}
	d.Add("Ming", ontology.Person)
	d.Add("Ming", ontology.Force)
	d.Add("Kato", ontology.Person)
	d.Add("Katō", ontology.Person)
	d.Add("Ka To", ontology.Person) // folds as "ka to": another key
	var buf bytes.Buffer
	if err := d.EncodeGob(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	first := bytes.Clone(buf.Bytes())
	got, err := DecodeDictionary(gob.NewDecoder(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != d.Len() {
		t.Fatalf("Len %d, want %d", got.Len(), d.Len())
	}
	for i := range d.entries {
		key := d.entry(i).key
		for _, k := range []string{key, key + "x"} {
			n1, c1, f1 := d.Lookup(k)
			n2, c2, f2 := got.Lookup(k)
			if n1 != n2 || c1 != c2 || f1 != f2 {
				t.Fatalf("Lookup(%q) = %q %v %v after the round trip, want %q %v %v", k, n2, c2, f2, n1, c1, f1)
			}
		}
	}
	buf.Reset()
	if err := got.EncodeGob(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), first) {
		t.Error("the dictionary read back writes other bytes")
	}
	// Truncated input is an error, never a smaller dictionary.
	for _, n := range []int{0, 10, len(first) / 2, len(first) - 1} {
		if _, err := DecodeDictionary(gob.NewDecoder(bytes.NewReader(first[:n]))); err == nil {
			t.Errorf("%d of %d bytes read without error", n, len(first))
		}
	}
}
