package ontology

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestDefaultMappingParses(t *testing.T) {
	m := DefaultMapping()
	if len(m.Kinds) < 4 || len(m.Rules) < 20 {
		t.Fatalf("built-in mapping has %d kinds and %d rules", len(m.Kinds), len(m.Rules))
	}
}

func TestClassify(t *testing.T) {
	m := DefaultMapping()
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"Conflict", "Partof", "Date", "Place", "Combatant1", "Commander1"}, "MilitaryConflict"},
		{[]string{"Date", "Place", "Result", "Territory", "Combatant2", "Commander1"}, "MilitaryConflict"},
		{[]string{"Rank", "Birth Date", "Death Date", "Father"}, "Person"},
		{[]string{"Native name", "Population", "Country", "Region"}, "Place"},
		{[]string{"Unit Name", "Dates", "Allegiance", "Branch", "Garrison"}, "Force"},
		{[]string{"Section3"}, ""}, // one weak signal is not enough
		{[]string{"Map Type"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			var nks []string
			for _, k := range tt.keys {
				nks = append(nks, NormalizeKey(k))
			}
			k := m.Classify(nks)
			got := ""
			if k != nil {
				got = k.Name
			}
			if got != tt.want {
				t.Errorf("Classify(%v) = %q, want %q", tt.keys, got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	m := DefaultMapping()
	conflict := m.Classify([]string{"conflict", "combatant1"})
	fields := map[string]string{"subdivisiontype1": "Country", "subdivisiontype2": "Provinces"}
	get := func(nk string) (string, bool) { v, ok := fields[nk]; return v, ok }
	r, n := m.Lookup(NormalizeKey("Commander2"), conflict, get)
	if r == nil || r.Property != Commander || n != 2 {
		t.Errorf("Commander2 → %+v, %d", r, n)
	}
	if r, _ := m.Lookup(NormalizeKey("Birth Date"), conflict, get); r != nil {
		t.Errorf("a person rule applied to a conflict: %+v", r)
	}
	place := m.Classify([]string{"subdivisiontype1", "population"})
	if r, _ := m.Lookup("subdivisionname1", place, get); r == nil || r.Property != Country {
		t.Errorf("Subdivision Name1 with Type1=Country → %+v", r)
	}
	// Provinces are subdivisions, not countries: the rule for Country
	// comes first, and does not apply.
	if r, _ := m.Lookup("subdivisionname2", place, get); r == nil || r.Property.Value != PropertyNS+"subdivision" {
		t.Errorf("Subdivision Name2 with Type2=Provinces → %+v, want prop:subdivision", r)
	}
	if !m.Match("subdivisionname2").Conditional() || m.Match("commander2").Conditional() {
		t.Errorf("Conditional: subdivisionname2 %v, commander2 %v; want true, false",
			m.Match("subdivisionname2").Conditional(), m.Match("commander2").Conditional())
	}
}

func TestParseMappingErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"unknown directive", "kind\tA\tkg:Person\tX\nfoo\tbar\n", 2},
		{"unknown parser", "kind\tA\tkg:Person\tX\nmap\tX\tA\tguess\tkg:place\n", 2},
		{"unknown kind", "map\tX\tNope\ttext\tkg:result\n", 1},
		{"unknown prefix", "kind\tA\tkg:Person\tX\nmap\tX\tA\ttext\tzz:result\n", 2},
		{"daterange without end", "map\tDate\t*\tdaterange\tkg:startDate\n", 1},
		{"bad condition", "map\tX{N}\t*\ttext\tkg:result\t-\tnope\n", 1},
		{"kind twice", "kind\tA\tkg:Person\tX\nkind\tA\tkg:Place\tY\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMapping(strings.NewReader(tt.src), "m.tsv")
			var me *MappingError
			if !errors.As(err, &me) {
				t.Fatalf("err = %v, want a *MappingError", err)
			}
			if me.Line != tt.line || me.File != "m.tsv" {
				t.Errorf("error at %s:%d, want line %d", me.File, me.Line, tt.line)
			}
		})
	}
}

func TestKeyPatternMatch(t *testing.T) {
	p, _ := parseKeyPattern("Source{N} Location")
	for nk, want := range map[string]int{"source1location": 1, "source12location": 12, "sourcelocation": 0, "source1": 0, "sourcexlocation": 0} {
		n, ok := p.Match(nk)
		if ok != (want > 0) || n != want {
			t.Errorf("Match(%q) = %d, %v; want %d", nk, n, ok, want)
		}
	}
}

// oracleClassify is Classify as its doc comment says it, signal by
// signal of kind by kind: the kind with the most signal keys among keys,
// provided it has a decisive one or at least two, the first of those with
// most.
func oracleClassify(m *Mapping, keys []string) *Kind {
	var best *Kind
	bestScore := 0
	for i, k := range m.Kinds {
		score, decisive := 0, false
		for _, sig := range k.Signals {
			if slices.ContainsFunc(keys, func(nk string) bool { _, ok := sig.Key.Match(nk); return ok }) {
				score++
				decisive = decisive || sig.Decisive
			}
		}
		if (decisive || score >= 2) && score > bestScore {
			best, bestScore = &m.Kinds[i], score
		}
	}
	return best
}

// TestMatchedAgainstNames checks ClassifyMatched against Classify and
// both against oracleClassify, and
// LookupMatched with the mapping's own kinds, which it tells by their
// bits, against a copy of each, which it tells by name, on every key of
// the built-in mapping and sets of them.
func TestMatchedAgainstNames(t *testing.T) {
	m := DefaultMapping()
	var keys []string
	for _, k := range m.Kinds {
		for _, s := range k.Signals {
			keys = append(keys, s.Key.With(1), s.Key.With(2))
		}
	}
	for _, r := range m.Rules {
		keys = append(keys, r.Key.With(1), r.Key.With(3))
		if r.WhenValue != "" {
			keys = append(keys, r.When.With(1))
		}
	}
	keys = append(keys, "", "nokey", "commander12345")
	fields := map[string]string{"subdivisiontype1": "Country", "subdivisiontype3": "Provinces"}
	get := func(nk string) (string, bool) { v, ok := fields[nk]; return v, ok }
	kinds := []*Kind{nil}
	for i := range m.Kinds {
		kinds = append(kinds, &m.Kinds[i])
	}
	for _, nk := range keys {
		km := m.Match(nk)
		for _, k := range kinds {
			r, n := m.LookupMatched(km, k, get)
			var named *Kind
			if k != nil {
				named = &Kind{Name: k.Name}
			}
			wr, wn := m.LookupMatched(km, named, get)
			if r != wr || n != wn {
				t.Errorf("LookupMatched(%q, %v) = %v, %d; by name %v, %d", nk, named, r, n, wr, wn)
			}
		}
	}
	// Sets of keys: each key alone, and windows of the list.
	for size := 1; size <= 6; size++ {
		for i := 0; i+size <= len(keys); i++ {
			set := keys[i : i+size]
			var kms []*KeyMatch
			for _, nk := range set {
				kms = append(kms, m.Match(nk))
			}
			if got, want := m.ClassifyMatched(kms), m.Classify(set); got != want {
				t.Errorf("ClassifyMatched(%q) = %v, Classify %v", set, got, want)
			}
			if got, want := m.Classify(set), oracleClassify(m, set); got != want {
				t.Errorf("Classify(%q) = %v, want %v", set, got, want)
			}
		}
	}
}
