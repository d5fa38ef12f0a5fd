package extract

import (
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
