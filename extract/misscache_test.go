package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/ontology"
)

// TestMissCache checks that a cache of a Dictionary's misses answers as
// the Dictionary does: under a hash that makes most keys collide (so
// slots are shared and a hash alone would mislead), after keys are added
// (which may make a remembered miss present), for keys too long to be
// kept, and for another Dictionary.
func TestMissCache(t *testing.T) {
	defer func(m uint64) { dictHashMask = m }(dictHashMask)
	for _, mask := range []uint64{^uint64(0), 7} {
		t.Run(fmt.Sprintf("mask %x", mask), func(t *testing.T) {
			dictHashMask = mask
			d := NewDictionary()
			other := NewDictionary()
			other.Add("Yi Sun-sin", ontology.Person)
			var c missCache
			keys := []string{"", "yi sun-sin", "won gyun", "japanese", strings.Repeat("x", missKeyMax), strings.Repeat("y", missKeyMax+1)}
			for i := range 300 {
				keys = append(keys, fmt.Sprintf("key %d", i))
			}
			check := func(step string, d *Dictionary) {
				t.Helper()
				for round := range 2 { // the second round answers from the cache
					for _, k := range keys {
						i, ok := c.find(d, k)
						wi, _, wok, _ := d.find(k)
						if ok != wok || ok && i != wi {
							t.Fatalf("%s, round %d: find(%q) = %d, %v; the Dictionary's %d, %v", step, round, k, i, ok, wi, wok)
						}
					}
				}
			}
			check("empty", d)
			d.Add("Won Gyun", ontology.Person)
			check("after Won Gyun", d)
			for i := range 300 {
				if i%3 == 0 {
					d.Add(fmt.Sprintf("Key %d", i), ontology.Place)
				}
			}
			check("after some keys", d)
			d.Add(strings.Repeat("Y", missKeyMax+1), ontology.Place)
			check("after a long key", d)
			check("another dictionary", other)
			check("back", d)
		})
	}
}

// TestMissCacheUncached checks that a Dictionary not made by
// NewDictionary, which has no id, is asked every time.
func TestMissCacheUncached(t *testing.T) {
	var d Dictionary
	var c missCache
	if _, ok := c.find(&d, "won gyun"); ok {
		t.Fatal("found in an empty dictionary")
	}
	if c.slots != ([missSlots]missSlot{}) {
		t.Error("a miss of a dictionary without id was cached")
	}
	d.Add("Won Gyun", ontology.Person)
	if _, ok := c.find(&d, "won gyun"); !ok {
		t.Error("an added key is not found")
	}
}
