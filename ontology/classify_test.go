package ontology

import (
	"math/rand/v2"
	"strconv"
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
		if got, want := m.Classify(keys), classifyBrute(m, keys); got != want {
			t.Fatalf("Classify(%q) = %v, want %v", keys, name(got), name(want))
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
