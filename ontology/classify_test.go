package ontology

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// classifyBrute is Classify as the mapping file defines it: every signal of
// every kind tried against every key.
func classifyBrute(m *Mapping, keys []string) *Kind {
	var best *Kind
	bestScore := 0
	for i := range m.Kinds {
		k := &m.Kinds[i]
		score, decisive := 0, false
		for _, s := range k.Signals {
			for _, nk := range keys {
				if _, ok := s.Key.Match(nk); ok {
					score++
					decisive = decisive || s.Decisive
					break
				}
			}
		}
		if (decisive || score >= 2) && score > bestScore {
			best, bestScore = k, score
		}
	}
	return best
}

// TestClassifyIndexed checks the indexed Classify against the brute force
// on random sets of signal keys, numbered keys and noise.
func TestClassifyIndexed(t *testing.T) {
	m := DefaultMapping()
	var pool []string
	for _, k := range m.Kinds {
		for _, s := range k.Signals {
			if s.Key.numbered {
				pool = append(pool, s.Key.prefix+"2"+s.Key.suffix, s.Key.prefix+s.Key.suffix)
			} else {
				pool = append(pool, s.Key.prefix)
			}
		}
	}
	pool = append(pool, "name", "image", "caption", "notes", "x1")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		keys := make([]string, rng.IntN(8))
		for j := range keys {
			keys[j] = pool[rng.IntN(len(pool))]
		}
		want := classifyBrute(m, keys)
		if got := m.Classify(keys); got != want {
			t.Fatalf("Classify(%q) = %v, want %v", keys, name(got), name(want))
		}
		var matches []*KeyMatch
		for _, nk := range keys {
			matches = append(matches, m.Match(nk))
		}
		if got := m.ClassifyMatched(matches); got != want {
			t.Fatalf("ClassifyMatched(%q) = %v, want %v", keys, name(got), name(want))
		}
	}
}

// lookupBrute is Lookup as the mapping file defines it: every rule tried
// in file order.
func lookupBrute(m *Mapping, nk string, kind *Kind, field func(string) (string, bool)) (*Rule, int) {
	for i := range m.Rules {
		r := &m.Rules[i]
		n, ok := r.Key.Match(nk)
		if !ok {
			continue
		}
		if r.Kinds != nil && (kind == nil || !slices.Contains(r.Kinds, kind.Name)) {
			continue
		}
		if r.WhenValue != "" {
			v, ok := field(r.When.With(n))
			if !ok || !strings.EqualFold(strings.TrimSpace(v), r.WhenValue) {
				continue
			}
		}
		return r, n
	}
	return nil, 0
}

// TestLookupMatched checks Lookup and LookupMatched against the brute
// force for every rule's key, numbered and not, under every kind, with
// and without the conditions' fields.
func TestLookupMatched(t *testing.T) {
	m := DefaultMapping()
	var keys []string
	for _, r := range m.Rules {
		keys = append(keys, r.Key.With(1), r.Key.With(3), r.Key.prefix+r.Key.suffix)
	}
	keys = append(keys, "name", "x1", "")
	kinds := []*Kind{nil}
	for i := range m.Kinds {
		kinds = append(kinds, &m.Kinds[i])
	}
	fields := []map[string]string{nil, {}}
	for _, r := range m.Rules {
		if r.WhenValue != "" {
			fields[1][r.When.With(1)] = " " + strings.ToUpper(r.WhenValue)
			fields[1][r.When.With(3)] = r.WhenValue
		}
	}
	for _, fs := range fields {
		field := func(nk string) (string, bool) { v, ok := fs[nk]; return v, ok }
		for _, kind := range kinds {
			for _, nk := range keys {
				wr, wn := lookupBrute(m, nk, kind, field)
				if r, n := m.Lookup(nk, kind, field); r != wr || n != wn {
					t.Errorf("Lookup(%q, %v) = %v, %d, want %v, %d", nk, name(kind), r, n, wr, wn)
				}
				if r, n := m.LookupMatched(m.Match(nk), kind, field); r != wr || n != wn {
					t.Errorf("LookupMatched(%q, %v) = %v, %d, want %v, %d", nk, name(kind), r, n, wr, wn)
				}
			}
		}
	}
}

func name(k *Kind) string {
	if k == nil {
		return "nil"
	}
	return k.Name + "@" + strconv.Itoa(k.Line)
}

// TestHandBuiltMappingConcurrent uses a Mapping built by hand, indexed on
// first use, from several goroutines at once (run with -race).
func TestHandBuiltMappingConcurrent(t *testing.T) {
	def := DefaultMapping()
	m := &Mapping{Kinds: def.Kinds, Rules: def.Rules}
	keys := []string{"commander1", "combatant2", "date", "place", "result"}
	want := def.Classify(keys)
	done := make(chan bool)
	for range 4 {
		go func() {
			k := m.Classify(keys)
			r, _ := m.Lookup("commander1", k, func(string) (string, bool) { return "", false })
			done <- k != nil && k.Name == want.Name && r != nil
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("a hand-built mapping classified or looked up otherwise than the default")
		}
	}
}
