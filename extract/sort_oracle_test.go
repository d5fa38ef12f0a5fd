package extract

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// sortOracle is the plainest statement of what compact must give: the
// triples sorted by subject, predicate and object with CompareTerms, then
// without duplicates.
func sortOracle(ts []rdf.Triple) []rdf.Triple {
	out := slices.Clone(ts)
	slices.SortFunc(out, func(x, y rdf.Triple) int {
		if c := CompareTerms(x.S, y.S); c != 0 {
			return c
		}
		if c := CompareTerms(x.P, y.P); c != 0 {
			return c
		}
		return CompareTerms(x.O, y.O)
	})
	return slices.Compact(out)
}

// sortTermPool holds terms that differ in one field only: the same value as
// an IRI and a blank node, as a plain, typed and tagged literal; and equal
// terms whose values are different strings, or whose different kinds share
// one string, which the sorter, keeping terms by their string's address,
// must tell apart and rank alike.
var sortTermPool = []rdf.Term{
	rdf.IRI(strings.Clone("https://w3id.org/wikikg/resource/Yi_Sun")),
	rdf.IRI(sharedValue),
	rdf.Blank(sharedValue),
	{Kind: rdf.KindIRI, Value: sharedValue, Datatype: rdf.XSDString},
	rdf.IRI(strings.Clone("http://www.w3.org/2000/01/rdf-schema#label")),
	rdf.IRI("https://w3id.org/wikikg/resource/Yi_Sun-sin"),
	rdf.IRI("https://w3id.org/wikikg/resource/Yi_Sun"),
	rdf.IRI("https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)"),
	rdf.IRI("https://w3id.org/wikikg/ontology#commander"),
	rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"),
	rdf.Blank("Yi_Sun"),
	rdf.String("Yi Sun"),
	rdf.LangString("Yi Sun", "en"),
	rdf.LangString("Yi Sun", "ko"),
	rdf.Integer(1592),
	rdf.String("1592"),
	rdf.String(""),
}

// sharedValue is the value of an IRI and a blank node of sortTermPool.
var sharedValue = strings.Clone("Yi_Sun")

// randomTriples returns n triples over the first k terms of the pool.
func randomTriples(r *rand.Rand, n, k int) []rdf.Triple {
	ts := make([]rdf.Triple, n)
	pick := func() rdf.Term { return sortTermPool[r.IntN(k)] }
	for i := range ts {
		ts[i] = rdf.Triple{S: pick(), P: pick(), O: pick()}
	}
	return ts
}

func TestTripleSorterAgrees(t *testing.T) {
	s := newTripleSorter()
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 64, 300} {
		for _, k := range []int{1, 2, 5, len(sortTermPool)} {
			for range 20 {
				ts := randomTriples(r, n, k)
				want := sortOracle(ts)
				// The sorter is reused, as a pooled graph's is.
				if got := s.sort(slices.Clone(ts)); !slices.Equal(got, want) {
					t.Fatalf("n=%d k=%d: tripleSorter.sort gives\n%v\nwant\n%v", n, k, got, want)
				}
				if got := sortTriplesByComparator(slices.Clone(ts)); !slices.Equal(got, want) {
					t.Fatalf("n=%d k=%d: sortTriplesByComparator gives\n%v\nwant\n%v", n, k, got, want)
				}
			}
		}
	}
}

// FuzzTripleSorterOracle checks the sorter against sortOracle on triples
// drawn from the pool by the fuzzer's bytes, three to a triple.
func FuzzTripleSorterOracle(f *testing.F) {
	f.Add([]byte{0, 3, 6, 1, 3, 7, 0, 3, 6, 5, 4, 11, 2, 3, 9})
	s := newTripleSorter()
	f.Fuzz(func(t *testing.T, b []byte) {
		var ts []rdf.Triple
		term := func(c byte) rdf.Term { return sortTermPool[int(c)%len(sortTermPool)] }
		for i := 0; i+2 < len(b); i += 3 {
			ts = append(ts, rdf.Triple{S: term(b[i]), P: term(b[i+1]), O: term(b[i+2])})
		}
		want := sortOracle(ts)
		if got := s.sort(slices.Clone(ts)); !slices.Equal(got, want) {
			t.Fatalf("tripleSorter.sort gives\n%v\nwant\n%v", got, want)
		}
	})
}

// TestClassSwitches checks the constant-string switches against the
// vocabulary's terms: a renamed class would silently fall out of them.
func TestClassSwitches(t *testing.T) {
	for _, c := range []rdf.Term{ontology.Person, ontology.Place, ontology.Force, ontology.Event, ontology.MilitaryConflict} {
		if !isContractClass(c) || len(alsoTyped(c)) == 0 {
			t.Errorf("%v: isContractClass %v, alsoTyped %v", c, isContractClass(c), alsoTyped(c))
		}
	}
	if len(alsoTyped(ontology.Article)) != 1 || alsoTyped(ontology.MilitaryConflict)[0] != ontology.Event {
		t.Errorf("alsoTyped(Article) = %v, alsoTyped(MilitaryConflict) = %v", alsoTyped(ontology.Article), alsoTyped(ontology.MilitaryConflict))
	}
	for _, c := range []rdf.Term{ontology.Article, ontology.SchemaPerson, rdf.String(ontology.Person.Value), {}} {
		if isContractClass(c) {
			t.Errorf("isContractClass(%v) = true", c)
		}
	}
	if alsoTyped(rdf.String(ontology.Person.Value)) != nil {
		t.Error("alsoTyped of a literal is not nil")
	}
}

// BenchmarkTripleSorter sorts the graphs of the development corpus as
// extraction leaves them, before compact.
func BenchmarkTripleSorter(b *testing.B) {
	pipe := NewPipeline("", nil)
	var graphs [][]rdf.Triple
	n := 0
	for _, f := range corpus(b) {
		a, err := NewReader(bytes.NewReader(f.data)).Next()
		if err != nil {
			b.Fatal(err)
		}
		g, err := pipe.Extract(a)
		if err != nil {
			b.Fatal(err)
		}
		graphs = append(graphs, slices.Clone(g.triples))
		n += len(g.triples)
	}
	s := newTripleSorter()
	work := make([]rdf.Triple, 0, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ts := range graphs {
			// sort keeps work's array and gives back its spare one.
			work = s.sort(append(work[:0], ts...))
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "triples/s")
}

// TestSortTermsByValue checks sortTerms against a comparator sort on
// values built to tie by their keys: long shared prefixes, prefixes of one
// another, zero bytes, and equal values of different strings.
func TestSortTermsByValue(t *testing.T) {
	s := newTripleSorter()
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "ab_\x00z"
	for _, m := range []int{2, 3, 8, 40, 256, 257} {
		for _, kind := range []rdf.Kind{rdf.KindIRI, rdf.KindBlank} {
			for range 50 {
				prefix := strings.Repeat("https://w3id.org/wikikg/resource/", r.IntN(2))
				s.terms = s.terms[:0]
				for range m {
					b := []byte(prefix)
					for range r.IntN(20) {
						b = append(b, alphabet[r.IntN(len(alphabet))])
					}
					s.terms = append(s.terms, rdf.Term{Kind: kind, Value: string(b)})
				}
				nums := make([]int32, m)
				for i := range nums {
					nums[i] = int32(i)
				}
				s.sortTerms(nums)
				for i := 1; i < m; i++ {
					if a, b := s.terms[nums[i-1]], s.terms[nums[i]]; CompareTerms(a, b) > 0 {
						t.Fatalf("m=%d: %q before %q", m, a.Value, b.Value)
					}
				}
				slices.Sort(nums)
				for i, n := range nums {
					if n != int32(i) {
						t.Fatalf("m=%d: numbers lost: %v", m, nums)
					}
				}
			}
		}
	}
}

// TestPredicateVocabulary sorts articles whose predicates are more than
// the sorter's vocabulary holds, each often under a string of its own, as
// a reused sorter meets them, and checks that a known article's are
// ranked by the vocabulary.
func TestPredicateVocabulary(t *testing.T) {
	s := newTripleSorter()
	r := rand.New(rand.NewPCG(5, 6))
	var preds []rdf.Term
	for i := range 2 * maxVocabulary {
		preds = append(preds, rdf.IRI(fmt.Sprintf("https://w3id.org/wikikg/property/p%d", i*7%(2*maxVocabulary))))
	}
	preds = append(preds, sortTermPool...)
	for round := range 400 {
		ts := randomTriples(r, 1+r.IntN(60), len(sortTermPool))
		// Early articles use a few predicates; later ones all of them.
		k := min(len(preds), 8+round)
		for i := range ts {
			p := preds[r.IntN(k)]
			if r.IntN(2) == 0 {
				p.Value = strings.Clone(p.Value)
			}
			ts[i].P = p
		}
		want := sortOracle(ts)
		if got := s.sort(slices.Clone(ts)); !slices.Equal(got, want) {
			t.Fatalf("round %d: tripleSorter.sort gives\n%v\nwant\n%v", round, got, want)
		}
	}
	ts := []rdf.Triple{{S: sortTermPool[0], P: preds[0], O: sortTermPool[1]}, {S: sortTermPool[0], P: preds[1], O: sortTermPool[1]}}
	if _, ok := s.vocab.ranks(ts, make([]int32, len(ts))); !ok {
		t.Errorf("predicates %v and %v unknown to the vocabulary", preds[0], preds[1])
	}
	if len(s.vocab.terms) != maxVocabulary {
		t.Errorf("vocabulary holds %d predicates, want %d", len(s.vocab.terms), maxVocabulary)
	}
}

// TestSortPlainObjects checks the sort of one subject's and predicate's
// objects by their values' keys against the oracle, on objects built to
// tie by their keys: long shared prefixes, prefixes of one another, zero
// bytes, equal values of different strings, and a kind or literal among
// them, which takes the long way.
func TestSortPlainObjects(t *testing.T) {
	s := newTripleSorter()
	r := rand.New(rand.NewPCG(7, 8))
	const alphabet = "ab_\x00z"
	subj, pred := sortTermPool[0], sortTermPool[8]
	for _, m := range []int{3, 8, maxInsertionSort, maxInsertionSort + 1} {
		for range 200 {
			prefix := strings.Repeat("https://w3id.org/wikikg/resource/Taira_no_", r.IntN(2))
			var ts []rdf.Triple
			for range m {
				b := []byte(prefix)
				for range r.IntN(12) {
					b = append(b, alphabet[r.IntN(len(alphabet))])
				}
				o := rdf.IRI(string(b))
				switch r.IntN(40) {
				case 0:
					o = rdf.Blank(o.Value)
				case 1:
					o = rdf.String(o.Value)
				}
				ts = append(ts, rdf.Triple{S: subj, P: pred, O: o})
			}
			want := sortOracle(ts)
			if got := s.sort(slices.Clone(ts)); !slices.Equal(got, want) {
				t.Fatalf("m=%d: tripleSorter.sort gives\n%v\nwant\n%v", m, got, want)
			}
		}
	}
}
