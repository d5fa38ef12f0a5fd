package extract

import (
	"cmp"
	"encoding/binary"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/internal/plainlang"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Graph collects the triples extracted from one article, without duplicates,
// together with the entities they name.
type Graph struct {
	// Name is the article's IRI, which names its graph.
	Name rdf.Term
	// triples holds every triple added, duplicates included until the
	// first call that needs them distinct, or finish, sorts and compacts
	// it: Add is on the hot path and a map keyed by three terms costs
	// more to hash than one sort costs.
	triples []rdf.Triple
	// distinct is set while triples is sorted and free of duplicates.
	distinct bool
	// light is set in a Light pass, whose graph keeps the entities and
	// the start and birth dates a catalog reads, and no other triple.
	light bool
	// validator validates what is added, each IRI once: entities and
	// vocabulary terms share one string for every triple that names them.
	// It is kept by pointer so that Release does not copy its cache.
	validator *rdf.Validator
	// entities indexes the entities by IRI; order holds them in order
	// of first mention.
	entities entityIndex
	order    []*Entity
	// slab holds the entities, allocated a chunk at a time and kept with
	// the graph when it is released; slabUsed counts those in use.
	slab     []*[entityChunk]Entity
	slabUsed int
	// iris is the free end of a chunk of memory that IRIs are minted
	// into: a new entity's IRI stays there, and the string of it points
	// there, and iris is moved past it. Bytes before iris are never
	// written again; a full chunk is left to the strings in it, which
	// keep it alive while any of them is.
	iris []byte
	// Warnings are things about the input that did not stop extraction:
	// values kept as plain literals because no parser understood them.
	Warnings ErrorList
	// Resolver, when set, maps names to the run's canonical names.
	Resolver Resolver
	// title is the canonical title of the article, the context names are
	// resolved in.
	title string
	// base is the base the graph's first entity was minted under, and
	// mixed is set when another was minted under another base: finish
	// sorts entities of one base by their keys.
	base  string
	mixed bool
}

// Resolver maps a name found in the article titled article (its canonical
// title) to the canonical name of the entity it refers to across the run,
// such as "Battle of Miyajima (1555)" to the article "Battle of Miyajima".
// It reports false when it knows no better name, or the name is ambiguous.
type Resolver interface {
	Resolve(article, name string, class rdf.Term) (canonical string, ok bool)
}

// CanonicalASCIIResolver is a Resolver with a shorter way for the names
// most are: ResolveCanonicalASCII is Resolve for a name known to be
// canonical (ontology.CanonicalName(name) == name) and ASCII, which
// Graph.Entity learns as it mints the IRI, so the Resolver need not check
// it again. Graph.Entity uses it when its Resolver has it.
type CanonicalASCIIResolver interface {
	Resolver
	ResolveCanonicalASCII(article, name string, class rdf.Term) (canonical string, ok bool)
}

// Entity is an entity an article names, with every class and surface form
// seen for it in that article.
type Entity struct {
	IRI     rdf.Term
	Label   string
	Classes []rdf.Term
	Aliases []string
	// classes backs Classes while it fits.
	classes [2]rdf.Term
	// minted is the IRI Graph.Entity minted and validated for it: finish
	// need not validate IRI again while it is that string.
	minted string
	// key is the eight bytes of minted after the graph's base (see
	// Graph.base), as valueKey8 gives them: finish sorts the entities by
	// it, where their IRIs are still those minted.
	key uint64
	// label is the Label Graph.Entity gave it when that is a canonical
	// name, valid UTF-8: finish need not check Label while it is that.
	label string
	// plain is set when label is a name minted the short way, whose
	// bytes AppendCanonicalEntityIRI checked: it holds nothing an
	// N-Triples string escapes, and its literal is tagged plainlang.En.
	plain bool
	// prose is the prose extractor's record of it (see proseEntity).
	prose *proseEntity
}

// NewGraph returns an empty graph named name.
func NewGraph(name rdf.Term) *Graph { return newGraph(name, initialTriples) }

// newGraph is NewGraph with room for n triples: an article gives a few
// dozen, and starting with room for them saves the slice's growth by
// doubling, a large share of all allocation, on every article. A released
// graph is reused whole: its triple slice, entity index and entity slab,
// and the Graph itself with its validator and its cache.
func newGraph(name rdf.Term, n int) *Graph {
	g, _ := graphPool.Get().(*Graph)
	if g == nil {
		g = &Graph{validator: new(rdf.Validator)}
	}
	g.Name, g.distinct = name, true
	if cap(g.triples) < n {
		g.triples = make([]rdf.Triple, 0, n)
	}
	return g
}

// graphPool holds released graphs.
var graphPool sync.Pool

// maxPooledTriples bounds the graphs kept for reuse, so that one huge
// article does not pin its memory for the rest of the run.
const maxPooledTriples = 4096

// entityChunk is the number of entities a graph allocates at a time; an
// article names a few dozen.
const entityChunk = 32

// newEntity returns an entity from g's slab for Graph.Entity to fill: its
// IRI, Label, minted, key, label and plain are left for it to set, and the
// rest is as in a zero entity, but that its Classes start in its own array
// (most entities have one or two), whose elements, past Classes, are left
// as they were.
func (g *Graph) newEntity() *Entity {
	c, i := g.slabUsed/entityChunk, g.slabUsed%entityChunk
	if c == len(g.slab) {
		g.slab = append(g.slab, new([entityChunk]Entity))
	}
	g.slabUsed++
	e := &g.slab[c][i]
	e.Classes, e.Aliases, e.prose = e.classes[:0], nil, nil
	return e
}

// Release gives g's memory back for reuse by graphs made later. Neither g,
// its entities, nor any slice its methods returned may be used afterwards.
// Callers that drop a graph without releasing it lose only the reuse.
func (g *Graph) Release() {
	if cap(g.triples) > maxPooledTriples || len(g.order) > maxPooledTriples {
		return
	}
	// The triples, order and slab are not cleared: what they still point
	// at is one article's strings, bounded by maxPooledTriples, and
	// clearing them is pointer writes the collector's write barrier makes
	// dear. They are overwritten as the next article fills them.
	g.entities.reset()
	// The validator keeps what it holds: valid IRIs, compared by content,
	// among them the vocabulary's, which every article uses.
	*g = Graph{triples: g.triples[:0], validator: g.validator, entities: g.entities, order: g.order[:0], slab: g.slab, iris: g.iris}
	graphPool.Put(g)
}

// initialTriples is the capacity a graph starts with: about what a
// typical article gives; lightTriples is that of a Light pass, which
// writes the infobox's entity links and little else.
const (
	initialTriples = 64
	lightTriples   = 16
)

// Add adds the triple (s, p, o) unless one of its terms is zero or invalid,
// which extractors never produce on purpose: the check keeps output valid
// whatever the input holds.
func (g *Graph) Add(s, p, o rdf.Term) {
	if g.light && !sameTerm(&p, &ontology.StartDate) && !sameTerm(&p, &ontology.BirthDate) {
		return
	}
	// IRIs seen before in this graph are taken from the validator's
	// cache. The terms are passed on by address: helpers taking them by
	// value copied all three twice, even inlined.
	if g.validator.Triple(&s, &p, &o) == nil {
		g.triples = appendTriple(g.triples, &s, &p, &o)
		g.distinct = false
	}
}

// compact sorts the triples and removes duplicates.
func (g *Graph) compact() {
	if g.distinct {
		return
	}
	s := getSorter()
	g.triples = s.sort(g.triples)
	g.distinct = true
	putSorter(s)
}

// getSorter returns a sorter from sorterPool, or a new one.
func getSorter() *tripleSorter {
	s, _ := sorterPool.Get().(*tripleSorter)
	if s == nil {
		s = newTripleSorter()
	}
	return s
}

// putSorter gives s back to sorterPool, unless it grew too large to keep.
func putSorter(s *tripleSorter) {
	if cap(s.spare) <= maxPooledTriples {
		sorterPool.Put(s)
	}
}

// sorterPool holds the sorters compact uses, as many as graphs are sorted
// at once: a sorter's predicate vocabulary is learnt once, not once for
// every graph in flight.
var sorterPool sync.Pool

// tripleSorter sorts triples by subject, predicate and object. An article's
// triples share a few dozen subjects and predicates: each distinct one is
// ranked once, and the triples are put in order of their ranks by two
// counting sorts, comparing terms only between triples of one subject and
// predicate, and there by rank too when the objects are subjects (the
// article's kg:mentions). Sorting by a comparator of whole terms cost ten
// times as much, and sorting integer keys twice as much.
type tripleSorter struct {
	// slots is an open-addressing table of the terms met, keyed by the
	// address of their value's bytes: a graph's triples share one string
	// for each entity and vocabulary term, and finding it by address
	// costs a fifth of a map's hash of its text. Terms of equal text and
	// different strings get numbers of their own and are given one rank
	// when sorted. A slot is in use when its gen is the sorter's.
	slots []sortSlot
	gen   uint32
	// terms holds each number's term, byRank the numbers sorted.
	terms  []rdf.Term
	byRank []int32
	// rankOf holds each number's rank.
	rankOf []int32
	// subj, pred and obj hold each triple's subject's and predicate's
	// rank, and its object's rank among the subjects, or -1.
	subj, pred, obj []int32
	// order is the triples' order, tmp and count the counting sorts'.
	order, tmp, count []int32
	// dup marks the positions in order of duplicates.
	dup []bool
	// spare is the array sort copies the triples it sorts to: the last
	// one sorted, whose triples it does not clear, as Graph.Release does
	// not clear a graph's.
	spare []rdf.Triple
	// keys is sortValues's scratch.
	keys []uint64
	// vocab ranks the predicates, which are few and the same from one
	// article to the next.
	vocab predicateVocab
	// ents, group and types are Graph.finish's scratch: the valid
	// entities, one subject's triples, and one entity's types or aliases.
	ents  []*Entity
	group []rdf.Triple
	types []rdf.Term
}

// predicateVocab ranks the predicates met in the articles sorted so far,
// in CompareTerms order among them all: ranking an article's predicates
// by it costs a look-up of each, where sorting them cost a few dozen
// comparisons of long, alike IRIs. It holds IRIs only, at most
// maxVocabulary: a predicate it does not hold is added while there is
// room, and an article with one past that is ranked the long way.
type predicateVocab struct {
	// slots is an open-addressing table of the predicates' strings met,
	// keyed by their address. A slot holds its string, which keeps the
	// bytes it points at alive and so unchanged: a string of that
	// address and length has that text. Strings of a text already known
	// are added as they are met; the table is emptied when half full.
	slots []vocabSlot
	used  int
	// byText numbers the predicates by text; terms holds each number's
	// text, ord its rank, and byRank the numbers in order.
	byText map[string]int32
	terms  []string
	ord    []int32
	byRank []int32
}

// vocabSlot is a slot of predicateVocab.slots: id is a number plus one,
// zero for an empty slot.
type vocabSlot struct {
	value string
	id    int32
}

// maxVocabulary bounds predicateVocab: a corpus of real infoboxes has
// thousands of generic properties (prop:…), most of them rare.
const maxVocabulary = 256

// ranks writes each triple's predicate's rank to ranks and returns the
// number of ranks, or reports false if a predicate is not known.
func (v *predicateVocab) ranks(ts []rdf.Triple, ranks []int32) (int, bool) {
	var last *byte
	n, r, top := -1, int32(0), int32(0)
	for i := 0; i < len(ts); i++ {
		p := &ts[i].P
		if p.Kind != rdf.KindIRI || p.Datatype != "" || p.Lang != "" {
			return 0, false
		}
		// Consecutive triples mostly share their predicate's string.
		if unsafe.StringData(p.Value) != last || len(p.Value) != n {
			id := v.find(p.Value)
			if id < 0 {
				if !v.add(p.Value) {
					return 0, false
				}
				// The ranks given so far changed: start again.
				last, n, top, i = nil, -1, 0, -1
				continue
			}
			r = v.ord[id]
			top = max(top, r)
			last, n = unsafe.StringData(p.Value), len(p.Value)
		}
		ranks[i] = r
	}
	return int(top + 1), true
}

// find returns the number of the predicate IRI of text value, or -1.
func (v *predicateVocab) find(value string) int32 {
	if len(v.terms) == 0 {
		return -1
	}
	addr := unsafe.StringData(value)
	h := (uint64(uintptr(unsafe.Pointer(addr))) ^ uint64(len(value))<<48) * 0x9e3779b97f4a7c15
	mask := uint64(len(v.slots) - 1)
	i := h >> 32 & mask
	for ; v.slots[i].id != 0; i = (i + 1) & mask {
		if e := &v.slots[i]; unsafe.StringData(e.value) == addr && len(e.value) == len(value) {
			return e.id - 1
		}
	}
	id, ok := v.byText[value]
	if !ok {
		return -1
	}
	if 2*(v.used+1) > len(v.slots) {
		clear(v.slots)
		v.used = 0
		i = h >> 32 & mask
		for v.slots[i].id != 0 {
			i = (i + 1) & mask
		}
	}
	v.slots[i] = vocabSlot{value: value, id: id + 1}
	v.used++
	return id
}

// add adds the predicate IRI of text value, unless v is full, and
// ranks v's predicates again. It reports whether it added it.
func (v *predicateVocab) add(value string) bool {
	if len(v.terms) == maxVocabulary {
		return false
	}
	if v.byText == nil {
		v.byText = make(map[string]int32)
		v.slots = make([]vocabSlot, 2*maxVocabulary)
	}
	// A copy: the predicate's string may be part of an article's text.
	value = strings.Clone(value)
	id := int32(len(v.terms))
	v.byText[value] = id
	v.terms = append(v.terms, value)
	at, _ := slices.BinarySearchFunc(v.byRank, value, func(n int32, value string) int { return strings.Compare(v.terms[n], value) })
	v.byRank = slices.Insert(v.byRank, at, id)
	v.ord = append(v.ord, 0)
	for r, n := range v.byRank {
		v.ord[n] = int32(r)
	}
	return true
}

// sortSlot is a slot of tripleSorter.slots.
type sortSlot struct {
	addr uintptr
	n    int32
	gen  uint32
	num  int32
	kind rdf.Kind
}

func newTripleSorter() *tripleSorter { return &tripleSorter{} }

// sort returns ts sorted by subject, predicate and object, without
// duplicates, in an array of the sorter's, which keeps ts's array in
// turn: ts may not be used afterwards.
func (s *tripleSorter) sort(ts []rdf.Triple) []rdf.Triple {
	if len(ts) > math.MaxInt32 {
		return sortTriplesByComparator(ts)
	}
	n := len(ts)
	s.sortOrder(ts)
	// The triples are copied in order to the spare array, each once, and
	// ts's array is the spare one then.
	out := s.spareFor(ts, n)
	w := 0
	for i, k := range s.order {
		if !s.dup[i] {
			out[w] = ts[k]
			w++
		}
	}
	s.spare = ts[:0]
	return out[:w]
}

// spareFor returns the spare array with length n, or a new one when it is
// too short or is ts's, which is about to become the spare one.
func (s *tripleSorter) spareFor(ts []rdf.Triple, n int) []rdf.Triple {
	out := s.spare[:cap(s.spare)]
	if len(out) < max(n, 1) || unsafe.SliceData(out) == unsafe.SliceData(ts) {
		out = make([]rdf.Triple, max(n, cap(ts)))
	}
	return out[:n]
}

// sortOrder sets s.order to the indexes of ts, at most math.MaxInt32, in
// order of subject, predicate and object, and s.dup[i] to whether the
// triple at s.order[i] is the one before it again.
func (s *tripleSorter) sortOrder(ts []rdf.Triple) {
	n := len(ts)
	s.pred = resize(s.pred, n)
	s.subj = resize(s.subj, n)
	s.obj = resize(s.obj, n)
	s.tmp = resize(s.tmp, n)
	s.order = resize(s.order, n)
	s.dup = slices.Grow(s.dup[:0], n)[:n]
	dp, ok := s.vocab.ranks(ts, s.pred)
	if !ok {
		dp = s.rankInto(ts, true, s.pred)
	}
	// Subjects last: objects are looked up in their table.
	ds := s.rankInto(ts, false, s.subj)
	// By predicate, then stably by subject; triples of one subject and
	// predicate stay in their first order, as sorting by index would.
	s.countingSort(s.tmp, nil, s.pred, dp)
	s.countingSort(s.order, s.tmp, s.subj, ds)
	// Triples of one subject and predicate are sorted by object, and
	// duplicates are adjacent then.
	for i := 0; i < n; {
		j := i + 1
		a := s.order[i]
		for j < n && s.subj[s.order[j]] == s.subj[a] && s.pred[s.order[j]] == s.pred[a] {
			j++
		}
		s.dup[i] = false
		if j-i > 1 {
			s.sortObjects(ts, s.order[i:j], ds)
			for k := i + 1; k < j; k++ {
				s.dup[k] = sameTerm(&ts[s.order[k]].O, &ts[s.order[k-1]].O)
			}
		}
		i = j
	}
}

// resize returns b with length n, its contents undefined.
func resize(b []int32, n int) []int32 { return slices.Grow(b[:0], n)[:n] }

// countingSort writes to dst the indexes of from (0, 1, 2… when nil)
// sorted stably by their rank in ranks, each below d.
func (s *tripleSorter) countingSort(dst, from, ranks []int32, d int) {
	count := s.count[:0]
	count = slices.Grow(count, d+1)[:d+1]
	clear(count)
	for _, r := range ranks {
		count[r+1]++
	}
	for r := 1; r <= d; r++ {
		count[r] += count[r-1]
	}
	if from == nil {
		for i, r := range ranks {
			dst[count[r]] = int32(i)
			count[r]++
		}
	} else {
		for _, i := range from {
			r := ranks[i]
			dst[count[r]] = i
			count[r]++
		}
	}
	s.count = count
}

// sortObjects sorts order, triples of one subject and predicate, by
// object. Objects that are subjects too compare by their rank, below ds.
func (s *tripleSorter) sortObjects(ts []rdf.Triple, order []int32, ds int) {
	if len(order) == 2 {
		// Most often an entity's two classes: one comparison, with no
		// look-up of the objects' ranks, costs less.
		if a, b := order[0], order[1]; compareTerms(&ts[a].O, &ts[b].O) > 0 {
			order[0], order[1] = b, a
		}
		return
	}
	if s.sortPlainObjects(ts, order) {
		return
	}
	all := true
	for _, i := range order {
		r := int32(-1)
		if n := s.find(&ts[i].O); n >= 0 {
			r = s.rankOf[n]
		}
		s.obj[i] = r
		all = all && r >= 0
	}
	if all && len(order) >= 16 {
		// The article's mentions of its entities: counted by rank, below
		// ds, the number of subjects.
		count := slices.Grow(s.count[:0], ds+1)[:ds+1]
		clear(count)
		for _, i := range order {
			count[s.obj[i]+1]++
		}
		for r := 1; r <= ds; r++ {
			count[r] += count[r-1]
		}
		sorted := s.tmp[:len(order)]
		for _, i := range order {
			r := s.obj[i]
			sorted[count[r]] = i
			count[r]++
		}
		copy(order, sorted)
		s.count = count
		return
	}
	if all {
		keys := s.keys[:0]
		for _, i := range order {
			keys = append(keys, uint64(s.obj[i])<<32|uint64(i))
		}
		slices.Sort(keys)
		for x, k := range keys {
			order[x] = int32(uint32(k))
		}
		s.keys = keys
		return
	}
	slices.SortFunc(order, func(i, j int32) int {
		// Ranks are in CompareTerms order: comparing them is comparing
		// the terms.
		if ri, rj := s.obj[i], s.obj[j]; ri >= 0 && rj >= 0 {
			return cmp.Compare(ri, rj)
		}
		return compareTerms(&ts[i].O, &ts[j].O)
	})
}

// sortPlainObjects sorts order, triples of one subject and predicate, by
// object when the objects are few plain terms of one kind, such as the
// entities a commander field lists, and reports whether it did: by an
// insertion sort of the eight bytes of their values after the prefix
// they share, and of the rest where those tie. Compared whole, their IRIs
// compared their shared namespace again and again.
func (s *tripleSorter) sortPlainObjects(ts []rdf.Triple, order []int32) bool {
	first := &ts[order[0]].O
	if len(order) > maxInsertionSort || !plainTerm(first) {
		return false
	}
	shared := len(first.Value)
	for _, i := range order[1:] {
		o := &ts[i].O
		if o.Kind != first.Kind || !plainTerm(o) {
			return false
		}
		shared = commonPrefix(first.Value, o.Value, 0, shared)
	}
	keys := slices.Grow(s.keys[:0], len(order))[:len(order)]
	for x, i := range order {
		v := ts[i].O.Value
		k, j := valueKey8(v, shared), x
		for ; j > 0; j-- {
			if p := keys[j-1]; p < k || p == k && ts[order[j-1]].O.Value[shared:] <= v[shared:] {
				break
			}
			keys[j], order[j] = keys[j-1], order[j-1]
		}
		keys[j], order[j] = k, i
	}
	s.keys = keys[:0]
	return true
}

// slot returns the slot of t's value in s.slots: the one holding it, or
// the empty one it would take. Only IRIs and blank nodes are kept there.
func (s *tripleSorter) slot(t *rdf.Term) *sortSlot {
	addr := uintptr(unsafe.Pointer(unsafe.StringData(t.Value)))
	h := (uint64(addr) ^ uint64(len(t.Value))<<48) * 0x9e3779b97f4a7c15
	mask := uint64(len(s.slots) - 1)
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		e := &s.slots[i]
		if e.gen != s.gen || e.addr == addr && e.n == int32(len(t.Value)) && e.kind == t.Kind {
			return e
		}
	}
}

// find returns the number of t, or -1 if it has none.
func (s *tripleSorter) find(t *rdf.Term) int32 {
	if !plainTerm(t) {
		return -1
	}
	if e := s.slot(t); e.gen == s.gen {
		return e.num
	}
	return -1
}

// plainTerm reports whether t is an IRI or blank node, as kept in
// tripleSorter.slots.
func plainTerm(t *rdf.Term) bool {
	return (t.Kind == rdf.KindIRI || t.Kind == rdf.KindBlank) && t.Datatype == "" && t.Lang == ""
}

// rankInto writes to ranks the rank of each triple's subject (or
// predicate) among the distinct subjects (or predicates) of ts in
// CompareTerms order, and returns their number.
func (s *tripleSorter) rankInto(ts []rdf.Triple, predicate bool, ranks []int32) int {
	// The table is at most half full, so probes stay short.
	if size := max(64, 2*len(ts)); len(s.slots) < size {
		s.slots = make([]sortSlot, 1<<bits.Len(uint(size-1)))
		s.gen = 0
	}
	s.gen++
	if s.gen == 0 {
		clear(s.slots)
		s.gen = 1
	}
	s.terms = s.terms[:0]
	var last *rdf.Term
	var n int32
	// ranks holds each triple's number until the numbers are ranked.
	ranks = ranks[:len(ts)]
	for i := range ts {
		t := &ts[i].S
		if predicate {
			t = &ts[i].P
		}
		// Consecutive triples mostly share their subject and predicate,
		// and their string.
		if last == nil || !samePlain(t, last) {
			if !plainTerm(t) {
				n = int32(len(s.terms))
				s.terms = append(s.terms, *t)
			} else if e := s.slot(t); e.gen == s.gen {
				n = e.num
			} else {
				n = int32(len(s.terms))
				*e = sortSlot{addr: uintptr(unsafe.Pointer(unsafe.StringData(t.Value))), n: int32(len(t.Value)), gen: s.gen, num: n, kind: t.Kind}
				s.terms = append(s.terms, *t)
			}
			last = t
		}
		ranks[i] = n
	}
	// byRank lists the numbers in sorted order, so its inverse, rankOf,
	// gives each number's rank; equal terms, found under different
	// strings, share one.
	s.byRank = s.byRank[:0]
	for i := range s.terms {
		s.byRank = append(s.byRank, int32(i))
	}
	s.sortTerms(s.byRank)
	s.rankOf = resize(s.rankOf, len(s.byRank))
	r := int32(-1)
	for p, n := range s.byRank {
		if p == 0 || !sameTerm(&s.terms[n], &s.terms[s.byRank[p-1]]) {
			r++
		}
		s.rankOf[n] = r
	}
	for i, n := range ranks {
		ranks[i] = s.rankOf[n]
	}
	return int(r + 1)
}

// sortTerms sorts nums, numbers of s.terms, in CompareTerms order. When
// the terms are a few hundred at most and of one plain kind, as an
// article's subjects are, they are sorted by their values alone, by
// sortValues.
func (s *tripleSorter) sortTerms(nums []int32) {
	if len(nums) < 2 {
		return
	}
	if len(s.terms) <= 256 {
		kind := s.terms[nums[0]].Kind
		plain := true
		for _, n := range nums {
			t := &s.terms[n]
			plain = plain && t.Kind == kind && plainTerm(t)
		}
		if plain {
			s.sortValues(nums, 0, false)
			return
		}
	}
	slices.SortFunc(nums, func(a, b int32) int { return compareTerms(&s.terms[a], &s.terms[b]) })
}

// sortValues sorts nums, numbers below 256 of terms of one plain kind
// whose values share their first from bytes, by value; tied is set when
// they tied by their keys after those bytes. The terms are
// sorted by the seven bytes of their values after the prefix they all
// share, as integers, and each run that ties by them after the prefix
// its terms share: an article's entity IRIs share their namespace, and
// comparing it again and again was most of the cost of comparing terms.
func (s *tripleSorter) sortValues(nums []int32, from int, tied bool) {
	first := s.terms[nums[0]].Value
	shared := len(first)
	for _, n := range nums[1:] {
		shared = commonPrefix(first, s.terms[n].Value, from, shared)
	}
	if tied && shared == from {
		// Tied by bytes they do not have: one is a prefix of another
		// followed by zero bytes, or they are equal.
		slices.SortFunc(nums, func(a, b int32) int { return strings.Compare(s.terms[a].Value, s.terms[b].Value) })
		return
	}
	// The keys are appended past those of the runs being sorted.
	start := len(s.keys)
	keys := s.keys
	for _, n := range nums {
		keys = append(keys, valueKey(s.terms[n].Value, shared)|uint64(n))
	}
	s.keys = keys
	run := keys[start:]
	slices.Sort(run)
	for x, k := range run {
		nums[x] = int32(uint8(k))
	}
	for i := 0; i < len(run); {
		j := i + 1
		for j < len(run) && run[j]>>8 == run[i]>>8 {
			j++
		}
		switch {
		case j-i == 2:
			a, b := &nums[i], &nums[i+1]
			if strings.Compare(s.terms[*a].Value[shared:], s.terms[*b].Value[shared:]) > 0 {
				*a, *b = *b, *a
			}
		case j-i > 2:
			s.sortValues(nums[i:j], shared, true)
			run = s.keys[start : start+len(nums)]
		}
		i = j
	}
	s.keys = s.keys[:start]
}

// maxInsertionSort is the most entities Graph.sortEntities sorts: an
// article's few dozen cost less by an insertion sort of keys made when
// they were minted than ranked by sortValues; many more cost more.
const maxInsertionSort = 64

// valueKey8 returns the eight bytes of v from i on, big-endian, padded
// with zeros: keys in order are values in order, but for ties.
func valueKey8(v string, i int) uint64 {
	v = v[min(i, len(v)):]
	if len(v) >= 8 {
		return binary.BigEndian.Uint64([]byte(v[:8]))
	}
	var k uint64
	for j := 0; j < 8; j++ {
		k <<= 8
		if j < len(v) {
			k |= uint64(v[j])
		}
	}
	return k
}

// commonPrefix returns the length of the prefix a and b share, given
// that they share their first from bytes and that it is at most limit.
func commonPrefix(a, b string, from, limit int) int {
	limit = min(limit, len(b))
	i := from
	for ; i+8 <= limit; i += 8 {
		if x := binary.LittleEndian.Uint64([]byte(a[i:i+8])) ^ binary.LittleEndian.Uint64([]byte(b[i:i+8])); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < limit && a[i] == b[i]; i++ {
	}
	return i
}

// valueKey returns the seven bytes of v from i on, big-endian in the top
// 56 bits, padded with zeros: keys in order are values in order, but for
// ties.
func valueKey(v string, i int) uint64 {
	var k uint64
	v = v[min(i, len(v)):]
	if len(v) >= 8 {
		return binary.BigEndian.Uint64([]byte(v[:8])) &^ 0xff
	}
	for j := 0; j < 7; j++ {
		k <<= 8
		if j < len(v) {
			k |= uint64(v[j])
		}
	}
	return k << 8
}

// samePlain reports whether a and b are terms of one kind and one
// string, with neither datatype nor language, and so equal: telling so
// takes no comparison of bytes.
func samePlain(a, b *rdf.Term) bool {
	return unsafe.StringData(a.Value) == unsafe.StringData(b.Value) && len(a.Value) == len(b.Value) &&
		a.Kind == b.Kind && len(a.Datatype)|len(a.Lang)|len(b.Datatype)|len(b.Lang) == 0
}

// sameTerm is *a == *b, inlined: the comparison the compiler generates
// for Terms is a call.
func sameTerm(a, b *rdf.Term) bool {
	return a.Value == b.Value && a.Kind == b.Kind && a.Datatype == b.Datatype && a.Lang == b.Lang
}

// permute moves the triples so that position i takes the triple at
// order[i], cycle by cycle, moving each triple once: swapping 168-byte
// triples with pointers costs write barriers at every move.
func permute(ts []rdf.Triple, order []int32) {
	for i := range order {
		if order[i] < 0 {
			continue
		}
		t := ts[i]
		j := i
		for {
			k := int(order[j])
			order[j] = -1
			if k == i {
				ts[j] = t
				break
			}
			ts[j] = ts[k]
			j = k
		}
	}
}

// sortTriplesByComparator is tripleSorter.sort for graphs too large for
// its keys.
func sortTriplesByComparator(ts []rdf.Triple) []rdf.Triple {
	idx := make([]int32, len(ts))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		x, y := &ts[a], &ts[b]
		if x.S != y.S {
			return CompareTerms(x.S, y.S)
		}
		if x.P != y.P {
			return CompareTerms(x.P, y.P)
		}
		return CompareTerms(x.O, y.O)
	})
	permute(ts, idx)
	return slices.Compact(ts)
}

// Entity returns the entity named name (its IRI minted under base), creating
// it, and records class and surface as evidence. It returns nil when the name
// mints no IRI.
func (g *Graph) Entity(base, name string, class rdf.Term) *Entity {
	// Minting costs less than a cache of minted IRIs would: a corpus
	// names more entities than a cache could hold, and most names need
	// neither canonicalising nor escaping, which one pass over the name
	// checks as it mints the IRI. The IRI is minted at the free end of
	// the graph's chunk of IRIs, and kept there only for a new entity:
	// one allocation a chunk, not one an entity.
	if need := len(base) + len(ontology.DefaultBase) + 3*len(name); cap(g.iris) < need {
		g.iris = make([]byte, 0, max(iriChunk, need))
	}
	buf, done, ascii := ontology.AppendCanonicalEntityIRI(g.iris[:0], base, name)
	canonical := name
	if !done {
		canonical = ontology.CanonicalName(name)
	}
	alias := ""
	if g.Resolver != nil {
		var c string
		var ok bool
		if r, fast := g.Resolver.(CanonicalASCIIResolver); ascii && fast {
			c, ok = r.ResolveCanonicalASCII(g.title, canonical, class)
		} else {
			c, ok = g.Resolver.Resolve(g.title, canonical, class)
		}
		if ok && c != canonical {
			alias, canonical, done = canonical, c, false
		}
	}
	if !done {
		minted := canonical
		if alias != "" {
			minted = ontology.CanonicalName(canonical) // as EntityIRI would
		}
		if minted == "" {
			return nil
		}
		buf = ontology.AppendEntityIRI(buf[:0], base, minted)
	}
	h := entityHash(buf)
	slot := g.entities.find(h, buf)
	e := slot.e
	if slot.gen != g.entities.gen {
		// The IRI is kept where it was minted, past which minting goes
		// on. (An escaped name may have outgrown the chunk: it is then
		// in an array of its own, kept as the chunk.)
		iri := rdf.IRI(unsafe.String(unsafe.SliceData(buf), len(buf)))
		g.iris = buf[len(buf):]
		// Validated once here, it is remembered, and the triples naming
		// it need no second look. The base, which the IRI was minted
		// under, is validated once a graph; the rest of an IRI minted
		// the short way is of characters AppendCanonicalEntityIRI
		// checked as it copied them.
		if base == "" {
			base = ontology.DefaultBase
		}
		// A Light graph is never finished, and names few entities in its
		// triples: an IRI minted the short way under the base its first
		// entity's was, which was validated then, is valid, and needs no
		// remembering by the validator nor a key to sort by.
		lean := g.light && done && len(g.order) > 0 && sameString(base, g.base)
		if !lean {
			var err error
			if done {
				err = g.validator.MintedIRI(base, iri.Value)
			} else {
				err = g.validator.PrefixedIRI(base, iri.Value)
			}
			if err != nil {
				return nil
			}
			if len(g.order) == 0 {
				g.base = base
			} else if base != g.base {
				g.mixed = true
			}
		}
		e = g.newEntity()
		e.IRI, e.Label, e.minted = iri, canonical, iri.Value
		if !g.light {
			e.key = valueKey8(iri.Value, len(base))
		}
		if alias == "" {
			e.label = canonical // not the Resolver's
			e.plain = done
		} else {
			e.label, e.plain = "", false
		}
		*slot = entitySlot{hash: h, gen: g.entities.gen, e: e}
		g.order = append(g.order, e)
		if g.entities.full(len(g.order)) {
			g.entities.grow()
		}
		// A new entity has no class to compare class with.
		if !class.IsZero() {
			e.classes[0] = class
			e.Classes = e.classes[:1]
		}
	} else {
		e.AddClass(class)
	}
	if alias != "" {
		e.AddAlias(alias)
	}
	return e
}

// articleIRI returns ontology.ArticleIRI(base, title), base not empty,
// for the article whose subject is e, the entity Entity gave for title in
// a new graph. When e's IRI was minted the short way from title, which it
// most often is, the article's is that IRI and its fragment, minted beside
// it and validated as it is: its characters past base were checked, and
// the graph names its triples and its quads with it.
func (g *Graph) articleIRI(e *Entity, base, title string) rdf.Term {
	if e == nil || !e.plain || !sameString(e.IRI.Value, e.minted) {
		return ontology.ArticleIRI(base, title)
	}
	const fragment = "#article"
	if need := len(e.minted) + len(fragment); cap(g.iris) < need {
		g.iris = make([]byte, 0, max(iriChunk, need))
	}
	b := append(append(g.iris[:0], e.minted...), fragment...)
	g.iris = b[len(b):]
	iri := rdf.IRI(unsafe.String(unsafe.SliceData(b), len(b)))
	if g.validator.MintedIRI(base, iri.Value) != nil {
		return ontology.ArticleIRI(base, title)
	}
	return iri
}

// sourceIRI returns the IRI of the source page of the article whose
// subject is e, minted under base (not empty): prefix and e's label
// escaped, as ontology.EscapeName escapes it. While e's IRI and label are
// those Graph.Entity gave it under base, with no alias, the escaped label
// is the rest of its IRI after base, which is taken, and validated as the
// IRI was, so that the triple naming the page finds it valid.
func (g *Graph) sourceIRI(e *Entity, base, prefix string) rdf.Term {
	if e.label == "" || !sameString(e.Label, e.label) || !sameString(e.IRI.Value, e.minted) || len(e.minted) < len(base) {
		return rdf.IRI(prefix + ontology.EscapeName(e.Label))
	}
	iri := rdf.IRI(prefix + e.minted[len(base):])
	// An invalid prefix is told when the triple is added.
	if e.plain {
		_ = g.validator.MintedIRI(prefix, iri.Value)
	} else {
		_ = g.validator.PrefixedIRI(prefix, iri.Value)
	}
	return iri
}

// ValidName reports whether g.Name is a valid IRI or blank node, as
// g.Name.Validate() == nil does: the name, which the graph's triples
// about its article use, is most often in its validator's cache.
func (g *Graph) ValidName() bool {
	return (g.Name.IsIRI() || g.Name.IsBlank()) && g.validator.Term(g.Name) == nil
}

// iriChunk is the size of the chunks IRIs are minted into: an article's
// entities' IRIs take a few kilobytes.
const iriChunk = 4096

// entityIndex is an open-addressing table of a graph's entities by
// their minted IRI. It hashes the IRI once, where a map hashed it to
// look it up and again to insert it, and the minted bytes need no string
// for the look-up; a released graph's table is emptied by starting a new
// generation, not by clearing it.
type entityIndex struct {
	slots []entitySlot
	// gen is the generation of the slots in use.
	gen uint32
}

// entitySlot is a slot of entityIndex; it is in use when its gen is the
// index's.
type entitySlot struct {
	hash uint32
	gen  uint32
	e    *Entity
}

// entityHash hashes a minted IRI by its length and its last 24 bytes at
// most, which the graph's base, shared by most of its IRIs, seldom
// reaches: eight bytes at a time folded in by 128-bit multiplication, the
// last eight overlapping the word before. IRIs alike in those only share
// a hash, which find's comparison tells apart; maphash of the whole IRI
// cost several times as much.
func entityHash(b []byte) uint32 {
	const m1, m2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(b)
	h := uint64(n) ^ m2
	if n < 8 {
		var w uint64
		for i := n - 1; i >= 0; i-- {
			w = w<<8 | uint64(b[i])
		}
		return uint32(mix64(h^w, m1))
	}
	for t := b[max(0, n-24):]; len(t) > 8; t = t[8:] {
		h = mix64(h^binary.LittleEndian.Uint64(t), m1)
	}
	return uint32(mix64(h^binary.LittleEndian.Uint64(b[n-8:]), m1))
}

// mix64 multiplies a and b into 128 bits and folds the halves together.
func mix64(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// find returns the slot of the entity minted as iri, of hash h: the one
// holding it, or the empty slot it would take.
func (x *entityIndex) find(h uint32, iri []byte) *entitySlot {
	if x.slots == nil {
		x.slots = make([]entitySlot, 64)
		x.gen = 1
	}
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.gen != x.gen || s.hash == h && s.e.minted == string(iri) {
			return s
		}
	}
}

// full reports whether the table, holding n entities, should grow: it is
// kept at most half full, so that probes stay short.
func (x *entityIndex) full(n int) bool { return 2*n > len(x.slots) }

// grow doubles the table, and indexes all anew by their stored hashes.
func (x *entityIndex) grow() {
	old, gen := x.slots, x.gen
	x.slots = make([]entitySlot, 2*len(old))
	x.gen = 1
	mask := uint32(len(x.slots) - 1)
	for _, s := range old {
		if s.gen != gen {
			continue
		}
		// The entities are distinct: each takes the first empty slot.
		i := s.hash & mask
		for x.slots[i].gen == x.gen {
			i = (i + 1) & mask
		}
		x.slots[i] = entitySlot{hash: s.hash, gen: x.gen, e: s.e}
	}
}

// reset empties the table.
func (x *entityIndex) reset() {
	x.gen++
	if x.gen == 0 {
		clear(x.slots)
		x.gen = 1
	}
}

// AddClass records that e is of class c (a zero c is ignored).
func (e *Entity) AddClass(c rdf.Term) {
	if c.IsZero() {
		return
	}
	// Not slices.Contains, whose generic equality of terms is a call a
	// term compared; sameTerm compares the values first.
	for i := range e.Classes {
		if sameTerm(&e.Classes[i], &c) {
			return
		}
	}
	e.Classes = append(e.Classes, c)
}

// AddAlias records another surface form of e.
func (e *Entity) AddAlias(s string) {
	// Most often the label again, which needs no canonicalising when
	// Graph.Entity gave it, canonical.
	if e.isLabel(s) {
		return
	}
	s = ontology.CanonicalName(s)
	if s != "" && s != e.Label && !slices.Contains(e.Aliases, s) {
		e.Aliases = append(e.Aliases, s)
	}
}

// isLabel reports whether s is e's label as Graph.Entity gave it,
// canonical: as an alias it would add nothing.
func (e *Entity) isLabel(s string) bool {
	return sameString(e.Label, e.label) && s == e.Label
}

// Entities returns the graph's entities in order of first mention.
func (g *Graph) Entities() []*Entity {
	return slices.Clone(g.order)
}

// AllEntities yields the graph's entities in order of first mention, as
// Entities returns them, without copying the list: the graph must not
// change while it runs.
func (g *Graph) AllEntities() iter.Seq[*Entity] {
	return func(yield func(*Entity) bool) {
		for _, e := range g.order {
			if !yield(e) {
				return
			}
		}
	}
}

// alsoTyped returns the classes every entity of a contract class also
// gets, so that stores without inference answer queries on the broader
// classes.
func alsoTyped(c rdf.Term) []rdf.Term {
	if t := classTypes(c); t != nil {
		return t.also
	}
	return nil
}

// sortedTypes returns the types finish gives an entity of the one class
// c, c and those alsoTyped returns, sorted by CompareTerms, or nil when c
// is its only one.
func sortedTypes(c rdf.Term) []rdf.Term {
	if t := classTypes(c); t != nil {
		return t.sorted
	}
	return nil
}

// classTypes returns the types of class c, or nil for a class with no
// others.
func classTypes(c rdf.Term) *typeSet {
	if c.Kind != rdf.KindIRI || c.Datatype != "" || c.Lang != "" {
		return nil
	}
	// Compared whole, as the classes mostly are these very strings: a
	// comparison of one string with itself looks at no byte.
	switch c.Value {
	case ontology.Person.Value:
		return &typesPerson
	case ontology.Place.Value:
		return &typesPlace
	case ontology.Force.Value:
		return &typesForce
	case ontology.Event.Value:
		return &typesEvent
	case ontology.MilitaryConflict.Value:
		return &typesConflict
	case ontology.Article.Value:
		return &typesArticle
	}
	return nil
}

// typeSet is the types of a class with others: those it also gets, and
// all of them, itself among them, sorted by CompareTerms once for the
// run.
type typeSet struct {
	also, sorted []rdf.Term
}

var (
	typesPerson   = newTypeSet(ontology.Person, ontology.SchemaPerson)
	typesPlace    = newTypeSet(ontology.Place, ontology.SchemaPlace)
	typesForce    = newTypeSet(ontology.Force, ontology.SchemaOrganization)
	typesEvent    = newTypeSet(ontology.Event, ontology.SchemaEvent)
	typesConflict = newTypeSet(ontology.MilitaryConflict, ontology.Event, ontology.SchemaEvent)
	typesArticle  = newTypeSet(ontology.Article, ontology.SchemaArticle)
)

func newTypeSet(c rdf.Term, also ...rdf.Term) typeSet {
	var sorted []rdf.Term
	for _, t := range append([]rdf.Term{c}, also...) {
		sorted = insertTerm(sorted, t)
	}
	return typeSet{also: also, sorted: sorted}
}

// finish writes the entities' types, labels and aliases, and the article's
// kg:mentions of each. These are most of an article's triples, made of
// terms known valid, or checked once here: each entity's IRI was checked
// when minted, labels and aliases are canonical names (valid UTF-8), and
// the predicates are the vocabulary's. Adding them unchecked saves
// validating every one.
//
// finish also sorts the graph, as output needs it sorted: the triples it
// writes are made in order, entity by entity, and merged with the others
// sorted, which costs a fraction of sorting them all. A graph whose
// entities' IRIs a caller changed to one another's, or to the article's,
// takes the long way: its triples are added, and sorted by compact.
func (g *Graph) finish(article rdf.Term) {
	articleOK := g.validator.Term(article) == nil && (article.IsIRI() || article.IsBlank())
	if len(g.triples) <= math.MaxInt32 && len(g.order) <= math.MaxInt32 {
		s := getSorter()
		ok := g.finishSorted(s, article, articleOK)
		putSorter(s)
		if ok {
			return
		}
	}
	g.appendFinish(article, articleOK)
}

// appendFinish is finish for a graph left unsorted: it adds the triples
// finish writes, for compact to sort.
func (g *Graph) appendFinish(article rdf.Term, articleOK bool) {
	for _, e := range g.order {
		if !g.validEntity(e) {
			continue
		}
		iri := e.IRI
		if g.validLabel(e) {
			g.addUnchecked(iri, ontology.Label, enString(e.Label))
		}
		for _, a := range e.Aliases {
			g.addLabel(iri, ontology.AltLabel, a)
		}
		for _, c := range e.Classes {
			if !c.IsIRI() || g.validator.Term(c) != nil {
				continue
			}
			g.addUnchecked(iri, ontology.Type, c)
			for _, also := range alsoTyped(c) {
				g.addUnchecked(iri, ontology.Type, also)
			}
		}
		if articleOK {
			g.addUnchecked(article, ontology.Mentions, iri)
		}
	}
}

// validEntity reports whether finish writes e's triples: whether its IRI
// is the one Graph.Entity minted, or another valid IRI.
func (g *Graph) validEntity(e *Entity) bool {
	iri := &e.IRI
	return iri.IsIRI() && (sameString(iri.Value, e.minted) || g.validator.Term(*iri) == nil)
}

// validLabel reports whether finish writes e's label: one Graph.Entity
// gave, or another valid UTF-8.
func (g *Graph) validLabel(e *Entity) bool {
	return e.Label != "" && (sameString(e.Label, e.label) || utf8.ValidString(e.Label))
}

// sameString is a == b, telling the same string, as it most often is,
// by its address without a call.
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// enString is rdf.LangString(s, "en"), without lower-casing the tag.
func enString(s string) rdf.Term {
	return rdf.Term{Kind: rdf.KindLiteral, Value: s, Datatype: rdf.RDFLangString, Lang: "en"}
}

// The predicates finish gives an entity.
const (
	predType = iota
	predLabel
	predAltLabel
)

// finishPreds are the predicates finish gives an entity, in CompareTerms
// order.
var finishPreds = func() [3]uint8 {
	terms := [3]rdf.Term{predType: ontology.Type, predLabel: ontology.Label, predAltLabel: ontology.AltLabel}
	p := [3]uint8{predType, predLabel, predAltLabel}
	slices.SortFunc(p[:], func(a, b uint8) int { return CompareTerms(terms[a], terms[b]) })
	return p
}()

// finishSorted is finish for a graph left sorted: the entities are sorted
// by IRI, each one's triples written in order, and merged with the
// graph's other triples, sorted by s. It reports false, having added
// nothing, when two valid entities, or one and the article, share an IRI.
func (g *Graph) finishSorted(s *tripleSorter, article rdf.Term, articleOK bool) bool {
	// The valid entities, sorted by IRI.
	ents := s.ents[:0]
	bound := 0
	for _, e := range g.order {
		if !g.validEntity(e) {
			continue
		}
		if !plainTerm(&e.IRI) {
			return false
		}
		ents = append(ents, e)
		bound += 2 + len(e.Aliases) + 3*len(e.Classes)
	}
	s.ents = ents
	defer clear(s.ents)
	// The other triples, sorted first: sorting them takes s.terms and
	// s.byRank, which then sort the entities.
	ts := g.triples
	nb := len(ts)
	if g.distinct {
		s.order = resize(s.order, nb)
		s.dup = slices.Grow(s.dup[:0], nb)[:nb]
		for i := range s.order {
			s.order[i] = int32(i)
			s.dup[i] = false
		}
	} else {
		s.sortOrder(ts)
	}
	nums := s.byRank[:0]
	for i := range ents {
		nums = append(nums, int32(i))
	}
	// Entities whose IRIs are those minted are distinct, as the entity
	// index keeps one entity an IRI; others may share one.
	keyed := g.sortEntities(s, nums)
	if !keyed {
		s.terms = s.terms[:0]
		for _, e := range ents {
			s.terms = append(s.terms, e.IRI)
		}
		s.sortTerms(nums)
		for i := 1; i < len(nums); i++ {
			if s.terms[nums[i]].Value == s.terms[nums[i-1]].Value {
				return false
			}
		}
	}
	s.byRank = nums
	// at is where the article's group of mentions goes among the
	// entities'.
	at := len(nums)
	if articleOK && len(nums) > 0 {
		var found bool
		at, found = slices.BinarySearchFunc(nums, article, func(n int32, a rdf.Term) int { return compareTerms(&ents[n].IRI, &a) })
		if found {
			return false
		}
	}

	// Each group of triples of one subject is written in place, or
	// merged with the other triples of that subject.
	m := finishMerge{s: s, ts: ts, out: s.spareFor(ts, nb+bound)[:0], pendAt: -1}
	if keyed {
		m.base = g.base
	}
	for i := 0; i <= len(nums); i++ {
		if i == at && articleOK && len(nums) > 0 {
			if m.skipTo(&article) {
				m.mergeMentions(&article, ents, nums)
			} else {
				m.out = g.appendMentions(m.out, s, article)
			}
		}
		if i < len(nums) {
			e := ents[nums[i]]
			if m.before(e.key) {
				m.out = g.appendEntityTriples(m.out, s, e)
			} else if m.skipTo(&e.IRI) {
				s.group = g.appendEntityTriples(s.group[:0], s, e)
				m.merge(&e.IRI, s.group)
			} else {
				m.out = g.appendEntityTriples(m.out, s, e)
			}
		}
	}
	m.rest()
	s.spare = ts[:0]
	g.triples = m.out
	g.distinct = true
	return true
}

// sortEntities sorts nums, numbers of s.ents, by the entities' IRIs when
// they are the IRIs Graph.Entity minted, under one base, and few: by an
// insertion sort of their keys, and of their IRIs after the base where
// the keys tie. It reports false, having sorted nothing, otherwise.
func (g *Graph) sortEntities(s *tripleSorter, nums []int32) bool {
	ents := s.ents
	if g.mixed || len(nums) > maxInsertionSort {
		return false
	}
	for _, e := range ents {
		if unsafe.StringData(e.IRI.Value) != unsafe.StringData(e.minted) || len(e.IRI.Value) != len(e.minted) {
			return false
		}
	}
	n := len(g.base)
	for x, i := range nums {
		e := ents[i]
		j := x
		for ; j > 0; j-- {
			if p := ents[nums[j-1]]; p.key < e.key || p.key == e.key && p.minted[n:] <= e.minted[n:] {
				break
			}
			nums[j] = nums[j-1]
		}
		nums[j] = i
	}
	return true
}

// appendEntityTriples appends e's label, alias and type triples to dst
// in order.
func (g *Graph) appendEntityTriples(dst []rdf.Triple, s *tripleSorter, e *Entity) []rdf.Triple {
	iri := &e.IRI
	if finishPreds == [3]uint8{predType, predLabel, predAltLabel} {
		// The order of the vocabulary's predicates, known at compile
		// time: no loop and switch for each entity.
		dst = g.appendTypes(dst, s, iri, e)
		dst = g.appendLabel(dst, iri, e)
		return g.appendAliases(dst, s, iri, e)
	}
	for _, p := range finishPreds {
		switch p {
		case predType:
			dst = g.appendTypes(dst, s, iri, e)
		case predLabel:
			dst = g.appendLabel(dst, iri, e)
		case predAltLabel:
			dst = g.appendAliases(dst, s, iri, e)
		}
	}
	return dst
}

// appendTypes appends e's type triples, of subject *iri, to dst in order.
func (g *Graph) appendTypes(dst []rdf.Triple, s *tripleSorter, iri *rdf.Term, e *Entity) []rdf.Triple {
	if len(e.Classes) == 1 {
		// Most entities have one class, whose types are sorted once for
		// the run.
		c := &e.Classes[0]
		if !c.IsIRI() || g.validator.Term(*c) != nil {
			return dst
		}
		if types := sortedTypes(*c); types != nil {
			for i := range types {
				dst = appendTriple(dst, iri, &ontology.Type, &types[i])
			}
			return dst
		}
		return appendTriple(dst, iri, &ontology.Type, c)
	}
	types := s.types[:0]
	for _, c := range e.Classes {
		if !c.IsIRI() || g.validator.Term(c) != nil {
			continue
		}
		types = insertTerm(types, c)
		for _, also := range alsoTyped(c) {
			types = insertTerm(types, also)
		}
	}
	for i := range types {
		dst = appendTriple(dst, iri, &ontology.Type, &types[i])
	}
	s.types = types
	return dst
}

// appendLabel appends e's label triple, of subject *iri, to dst.
func (g *Graph) appendLabel(dst []rdf.Triple, iri *rdf.Term, e *Entity) []rdf.Triple {
	if !g.validLabel(e) {
		return dst
	}
	label := enString(e.Label)
	if e.plain && sameString(e.Label, e.label) {
		label.Lang = plainlang.En
	}
	return appendTriple(dst, iri, &ontology.Label, &label)
}

// appendAliases appends e's alias triples, of subject *iri, to dst in
// order.
func (g *Graph) appendAliases(dst []rdf.Triple, s *tripleSorter, iri *rdf.Term, e *Entity) []rdf.Triple {
	if len(e.Aliases) == 0 {
		return dst
	}
	aliases := s.types[:0]
	for _, a := range e.Aliases {
		if a != "" && utf8.ValidString(a) {
			aliases = insertTerm(aliases, enString(a))
		}
	}
	for i := range aliases {
		dst = appendTriple(dst, iri, &ontology.AltLabel, &aliases[i])
	}
	s.types = aliases
	return dst
}

// appendMentions appends the article's kg:mentions of the entities to
// dst, in order of their IRIs.
func (g *Graph) appendMentions(dst []rdf.Triple, s *tripleSorter, article rdf.Term) []rdf.Triple {
	for _, n := range s.byRank {
		dst = appendTriple(dst, &article, &ontology.Mentions, &s.ents[n].IRI)
	}
	return dst
}

// insertTerm inserts t into ts, sorted by CompareTerms, unless it holds
// it: an entity has a class or two, and an alias or two.
func insertTerm(ts []rdf.Term, t rdf.Term) []rdf.Term {
	i := len(ts)
	for i > 0 {
		c := compareTerms(&ts[i-1], &t)
		if c == 0 {
			return ts
		}
		if c < 0 {
			break
		}
		i--
	}
	return slices.Insert(ts, i, t)
}

// finishMerge merges sorted groups of triples, each of one subject, in
// order of their subjects, with a graph's other triples, sorted, into out.
type finishMerge struct {
	s *tripleSorter
	// ts are the other triples, and next the position in s.order of the
	// next one to merge.
	ts   []rdf.Triple
	next int
	// out has room for all the triples.
	out []rdf.Triple
	// base is the base of the entities when they are sorted by their
	// keys (see Entity.key), or "". When the next other triple, at
	// pendAt, is of an IRI under base, pendKey is its key, and pendOK
	// set: entities of lesser keys come before it.
	base    string
	pendAt  int
	pendKey uint64
	pendOK  bool
}

// before reports whether an entity of key k, sorted by its key, comes
// before the next other triple's subject, as skipTo last found it, by
// their keys alone.
func (m *finishMerge) before(k uint64) bool {
	return m.pendAt == m.next && m.pendOK && k < m.pendKey
}

// skipTo writes the other triples of subjects before subj, which comes
// after those of the groups written before, and reports whether the next
// other triple is of subject subj.
func (m *finishMerge) skipTo(subj *rdf.Term) bool {
	order, dup := m.s.order, m.s.dup
	var last *rdf.Term
	for ; m.next < len(order); m.next++ {
		if dup[m.next] {
			continue
		}
		t := &m.ts[order[m.next]]
		if last == nil || !samePlain(&t.S, last) {
			if c := compareTerms(&t.S, subj); c >= 0 {
				if c > 0 && m.base != "" {
					v := t.S.Value
					m.pendAt, m.pendOK = m.next, plainTerm(&t.S) && t.S.Kind == rdf.KindIRI && strings.HasPrefix(v, m.base)
					m.pendKey = valueKey8(v, len(m.base))
				}
				return c == 0
			}
			last = &t.S
		}
		m.out = appendCopy(m.out, t)
	}
	return false
}

// merge writes the group's triples, of subject subj, merged with the
// other triples of that subject.
func (m *finishMerge) merge(subj *rdf.Term, group []rdf.Triple) {
	order, dup := m.s.order, m.s.dup
	i := 0
	for ; m.next < len(order) && i < len(group); m.next++ {
		if dup[m.next] {
			continue
		}
		t := &m.ts[order[m.next]]
		if !sameTerm(&t.S, subj) {
			break
		}
		for i < len(group) {
			c := comparePO(&group[i], t)
			if c > 0 {
				break
			}
			if c < 0 {
				m.out = appendCopy(m.out, &group[i])
			}
			i++
		}
		m.out = appendCopy(m.out, t)
	}
	m.out = append(m.out, group[i:]...)
}

// mergeMentions is merge for the article's group, its mentions of the
// entities ents[nums[0]], ents[nums[1]]…, which are written as they are
// merged, not made first.
func (m *finishMerge) mergeMentions(article *rdf.Term, ents []*Entity, nums []int32) {
	order, dup := m.s.order, m.s.dup
	i := 0
	for ; m.next < len(order) && i < len(nums); m.next++ {
		if dup[m.next] {
			continue
		}
		t := &m.ts[order[m.next]]
		if !sameTerm(&t.S, article) {
			break
		}
		pc := 0
		if !samePlain(&ontology.Mentions, &t.P) {
			pc = compareTerms(&ontology.Mentions, &t.P)
		}
		for i < len(nums) {
			o := &ents[nums[i]].IRI
			c := pc
			if c == 0 {
				c = compareTerms(o, &t.O)
			}
			if c > 0 {
				break
			}
			if c < 0 {
				m.out = appendTriple(m.out, article, &ontology.Mentions, o)
			}
			i++
		}
		m.out = appendCopy(m.out, t)
	}
	for _, n := range nums[i:] {
		m.out = appendTriple(m.out, article, &ontology.Mentions, &ents[n].IRI)
	}
}

// rest writes the other triples after the last group's.
func (m *finishMerge) rest() {
	for ; m.next < len(m.s.order); m.next++ {
		if !m.s.dup[m.next] {
			m.out = appendCopy(m.out, &m.ts[m.s.order[m.next]])
		}
	}
}

// comparePO compares two triples of one subject by predicate and object.
func comparePO(a, b *rdf.Triple) int {
	if !samePlain(&a.P, &b.P) {
		if c := compareTerms(&a.P, &b.P); c != 0 {
			return c
		}
	}
	return compareTerms(&a.O, &b.O)
}

// compareTerms is CompareTerms for terms passed by address.
func compareTerms(a, b *rdf.Term) int {
	if a.Kind != b.Kind {
		return cmp.Compare(a.Kind, b.Kind)
	}
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}

// addLabel adds (s, p, label@en) for a valid subject and predicate.
func (g *Graph) addLabel(s, p rdf.Term, label string) {
	if label != "" && utf8.ValidString(label) {
		g.addUnchecked(s, p, rdf.LangString(label, "en"))
	}
}

// appendTriple is append(dst, rdf.Triple{S: *s, P: *p, O: *o}), writing
// the terms in place: the append builds the triple, 21 words, in a
// temporary and copies that.
func appendTriple(dst []rdf.Triple, s, p, o *rdf.Term) []rdf.Triple {
	if len(dst) == cap(dst) {
		return append(dst, rdf.Triple{S: *s, P: *p, O: *o})
	}
	dst = dst[:len(dst)+1]
	t := &dst[len(dst)-1]
	t.S = *s
	t.P = *p
	t.O = *o
	return dst
}

// appendCopy is append(dst, *t), copying *t in place, not through a
// temporary as the append does.
func appendCopy(dst []rdf.Triple, t *rdf.Triple) []rdf.Triple {
	if len(dst) == cap(dst) {
		return append(dst, *t)
	}
	dst = dst[:len(dst)+1]
	dst[len(dst)-1] = *t
	return dst
}

// addUnchecked is Add for terms the caller knows valid.
func (g *Graph) addUnchecked(s, p, o rdf.Term) {
	g.triples = appendTriple(g.triples, &s, &p, &o)
	g.distinct = false
}

// Quads returns the graph's triples as quads in the graph Name, sorted by
// subject, predicate and object, so output is deterministic and each
// subject's triples are adjacent.
func (g *Graph) Quads() []rdf.Quad {
	g.compact()
	out := make([]rdf.Quad, len(g.triples))
	for i, t := range g.triples {
		out[i] = rdf.Quad{S: t.S, P: t.P, O: t.O, G: g.Name}
	}
	return out
}

// Objects returns the distinct objects of the triples (s, p, ·), sorted by
// CompareTerms: the order Quads gives them in. It does not sort the whole
// graph, so a pass that needs one fact of each article (the catalog's
// start and birth dates) skips the sort that only output needs.
func (g *Graph) Objects(s, p rdf.Term) []rdf.Term {
	var out []rdf.Term
	for _, t := range g.triples {
		if t.S == s && t.P == p {
			out = append(out, t.O)
		}
	}
	slices.SortFunc(out, CompareTerms)
	return slices.Compact(out)
}

// CompareTerms orders terms by kind, value, datatype and language.
func CompareTerms(a, b rdf.Term) int {
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	// strings.Compare is one pass over the bytes; cmp.Compare makes two.
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}

// Triples returns the graph's triples sorted by subject, predicate and
// object, without duplicates: Quads without the copy. The slice is the
// graph's own, valid until the next Add or Release.
func (g *Graph) Triples() []rdf.Triple {
	g.compact()
	return g.triples
}

// Len returns the number of triples in g.
func (g *Graph) Len() int {
	g.compact()
	return len(g.triples)
}
