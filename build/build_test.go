package build

import (
	"maps"
	"testing"

	"github.com/wikikg/wikikg/ontology"
)

func TestSameClass(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"", "", true}, {"", "x", false}, {ontology.KG + "Person", ontology.KG + "Person", true},
		{ontology.KG + "Person", ontology.KG + "Battle", false}, {ontology.KG + "Persom", ontology.KG + "Person", false},
		{ontology.KG + "Xerson", ontology.KG + "Person", false}, {"ab", "abc", false},
	} {
		if got := sameClass(tc.a, tc.b); got != tc.want {
			t.Errorf("sameClass(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestClassCounts checks the per-article counts kept in a slab, and the
// run's counts by label: a slab's slices must not share room, and two
// IRIs of one label add up.
func TestClassCounts(t *testing.T) {
	person, battle := ontology.KG+"Person", ontology.KG+"Battle"
	var slab classSlab
	var kept [][]classCount
	for i := range 300 {
		var counts []classCount
		for range i%3 + 1 {
			counts = countClass(counts, person)
		}
		if i%2 == 0 {
			counts = countClass(counts, battle)
		}
		kept = append(kept, slab.keep(counts))
	}
	// A kept slice has no room to grow into the next one's counts.
	_ = append(kept[0], classCount{"x", 9})
	st := &Stats{EntitiesByClass: map[string]int{}}
	for i, counts := range kept {
		if counts[0] != (classCount{person, i%3 + 1}) || len(counts) != 1+(i+1)%2 {
			t.Fatalf("article %d: counts %v", i, counts)
		}
		for _, cc := range counts {
			st.classCounts = addClassCount(st.classCounts, cc)
		}
	}
	st.classCounts = addClassCount(st.classCounts, classCount{"kg:Battle", 1})
	st.countClasses()
	want := map[string]int{"kg:Person": 600, "kg:Battle": 151}
	if !maps.Equal(st.EntitiesByClass, want) {
		t.Errorf("EntitiesByClass = %v, want %v", st.EntitiesByClass, want)
	}
}
