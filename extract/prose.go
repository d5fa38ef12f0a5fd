package extract

import (
	"bytes"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// ProseExtractor finds the people, places, forces and events an article's
// prose names, types them, resolves them within the article and records
// them in the graph, where Graph.finish gives each its label, types,
// skos:altLabel for every other surface form, and the article's kg:mentions.
//
// Mentions are found without a statistical model: a dictionary matcher over
// folded tokens, fed by the entities already in the graph (the infobox's,
// so it must run after the InfoboxExtractor), the article's title, its
// "See also" list and the run's Catalog; then patterns over capitalised
// spans with cue words (titles and ranks, place, force and event heads,
// prepositions, possessives, family-name shapes). Typing takes the
// strongest evidence: the graph's own class (the infobox role), then the
// catalog's, then head and title cues, then context, then name shape;
// between equally strong conflicting cues the mention is dropped.
//
// With Mentions set, every mention is also written as a NIF 2.0 node:
//
//	<…#article-sentence-S> a nif:Context, nif:Sentence ;
//	    nif:isString "the sentence" ; nif:beginIndex 0 ; nif:endIndex N ;
//	    dcterms:isPartOf <…#article> .
//	<…#article-sentence-S-char=B,E> a nif:Phrase, nif:OffsetBasedString ;
//	    nif:anchorOf "Pyeongyang" ; nif:beginIndex B ; nif:endIndex E ;
//	    nif:referenceContext <…#article-sentence-S> ;
//	    itsrdf:taIdentRef res:Pyongyang .
//
// S is the sentence's byte offset from the start of the article's title
// line, so IRIs are deterministic for a given input; B and E count Unicode
// code points within the sentence, as NIF requires, and the substring
// [B, E) of nif:isString is nif:anchorOf.
//
// Relations the prose states plainly and the infobox does not (a conflict's
// place, a commander, a force's part in a conflict) are written as
// kg:ProseFact nodes, reified rdf:Statements carrying kg:sentence, the
// sentence's text, and prov:wasDerivedFrom the article (or the sentence's
// context node with Mentions); with AssertFacts the triple itself is also
// asserted.
type ProseExtractor struct {
	Base string
	// Catalog, when set, is the run-wide dictionary of names.
	Catalog Catalog
	// Mentions writes each mention as a NIF node.
	Mentions bool
	// AssertFacts asserts the relations read from prose besides reifying
	// them.
	AssertFacts bool
}

// Evidence strengths, strongest last.
const (
	evShape = iota + 1
	evContext
	evCue
	evCatalog
	evGraph
)

// known is a dictionary entry of one article: an entity already in the
// graph or one the catalog named.
type known struct {
	ent   *Entity
	class rdf.Term
}

// mention is one name found in a sentence.
type mention struct {
	sent  *sentence
	start int // byte offsets in the block text
	end   int
	// key is the folded name without rank titles; label the name to mint
	// an entity with when no dictionary entry resolved it.
	key, label string
	class      rdf.Term
	strength   int
	titles     []string
	ent        *Entity
	// single is a one-word name that only the name-part index can resolve.
	single bool
	// description marks "the king": it resolves but gives no alias.
	description bool
}

// sentence is one sentence of a block, with its place in the article.
type sentence struct {
	text       string // the block's text
	span       Span
	articleOff int // byte offset of the sentence from the article's start
	lead       bool
	// cut is set on the last sentence of a paragraph that stops in the
	// middle of it: its last word may be a fragment ("King Seonj").
	cut         bool
	index       int // sentence number within its block
	context     rdf.Term
	wroteContxt bool
}

// proseState is the per-article state of an extraction.
type proseState struct {
	x    *ProseExtractor
	g    *Graph
	s    *Subject
	dict *keyTable[known]
	phon *keyTable[known] // zero value (no entity): ambiguous
	// phonKeys has bit phonBit(f, l) set for every key of phon, f and l
	// being its first and last bytes, and for every key of sc.phonLater;
	// phonLens bit phonLenBit(f, l, n), n being the key's length, which
	// tells apart nine in ten of the keys phonKeys lets through, but costs
	// a scan of the key to find. The keys of a bit of phonDone, one of
	// phonLens's, are all in phon; the others wait in phonLater until a
	// look-up asks for their bit.
	phonKeys, phonLens, phonDone [8]uint64
	// dictKeys has the bits of the keys of dict.
	dictKeys keyBits
	ments    []*mention
	article  rdf.Term
	base     string
	toks     []token
	sc       *proseScratch
	// aliasFrom is the offset in the block after "also known as" in a
	// sentence about the subject, or -1: the names after it are the
	// subject's. aliasTaken is set once a subject that is no event has
	// its one.
	aliasFrom  int
	aliasTaken bool
	// catalogHit is the entry lookup returned for its last catalog hit,
	// and catalogKey the key it looked up, which is FoldName of the
	// catalog's name, valid until the next probe.
	catalogHit known
	catalogKey string
	// catalog is the Catalog when it is a Dictionary.
	catalog *Dictionary
	// partMiss has bit x-k set for each word toks[x] of the span
	// toks[k:j] that knownPart found no dictionary knows; subMatches
	// of the span, which follows with no addition between, takes it.
	partMiss uint64
}

// proseScratch is the memory one extraction reuses from the last: the
// interned words and keys, and buffers. Extract takes one from a pool, so
// concurrent extractions never share one.
type proseScratch struct {
	in   interner
	toks []token
	key  []byte
	span []byte // spanProbe's
	// spans are the sentences of the block being scanned.
	spans []Span
	dict  keyTable[known]
	phon  keyTable[known]
	// phonLater holds the additions to phon that wait for a look-up of
	// their bit (see proseState.phonDone).
	phonLater []phonAdd
	// keys holds the keys of the extraction's indexes (dict, phon,
	// groups, parts), which live only as long as their entries.
	keys keyArena
	// The mentions and sentences of an extraction, kept from one to the
	// next: there are several per sentence, and allocating each was a
	// large share of the prose extractor's garbage.
	ments     []*mention
	mentions  slab[mention]
	sentences slab[sentence]
	// resolve's and relations' indexes, cleared after each article.
	groups     keyTable[*mentionGroup]
	groupSlab  slab[mentionGroup]
	groupOrder []*mentionGroup
	resolved   []*mention
	parts      keyTable[nameOwner]
	titles     keyTable[nameOwner]
	// minted holds the first catalog hit of each label resolve minted.
	minted keyTable[*mention]
	// ents holds the extraction's records of entities; aliasKeys the
	// keys of their aliases.
	ents      slab[proseEntity]
	aliasKeys []string
	// kinds finds the kinds of the entities' classes.
	kinds kindCache
}

// proseEntity is what one extraction keeps of an entity: its class, and
// the keys of its names, each folded once. It is the entity's while e is
// the entity: the records are reused by later extractions.
type proseEntity struct {
	e *Entity
	// class is the entity's class while it has classes-1 classes; 0 is
	// never a count plus one.
	class   rdf.Term
	kind    classKind
	classes int
	// label is FoldName(e.Label), once labelSet; the keys of the first
	// nAliases aliases are aliasKeys[aliasOff:aliasOff+nAliases].
	label              string
	labelSet           bool
	aliasOff, nAliases int
	// surface is the surface form resolve last made an alias of it.
	surface string
}

// record returns e's record in this extraction, making it if need be.
func (st *proseState) record(e *Entity) *proseEntity {
	if p := e.prose; p != nil && p.e == e {
		return p
	}
	p := st.sc.ents.get()
	p.e = e
	e.prose = p
	return p
}

// nameKey returns FoldName of e's label (i < 0) or of its alias i, folded
// once in an extraction and valid until it ends.
func (st *proseState) nameKey(e *Entity, i int) string {
	p := st.record(e)
	if i < 0 {
		if !p.labelSet {
			p.label, p.labelSet = st.foldKey(e.Label), true
		}
		return p.label
	}
	if i < p.nAliases {
		return st.sc.aliasKeys[p.aliasOff+i]
	}
	if p.nAliases == 0 {
		p.aliasOff = len(st.sc.aliasKeys)
	}
	if p.aliasOff+p.nAliases != len(st.sc.aliasKeys) {
		// Another entity's keys follow this one's: the alias is folded
		// each time, as it is rare that a later alias is asked for.
		return st.foldKey(e.Aliases[i])
	}
	for ; p.nAliases < len(e.Aliases); p.nAliases++ {
		st.sc.aliasKeys = append(st.sc.aliasKeys, st.foldKey(e.Aliases[p.nAliases]))
	}
	return st.sc.aliasKeys[p.aliasOff+i]
}

// mentionGroup gathers the unresolved mentions of one key, with the
// strongest evidence of their class.
type mentionGroup struct {
	key, label string
	best       rdf.Term
	strength   int
	count      int
	clash      bool
	ments      []*mention
}

// nameOwner tells which entity a name part or title belongs to: only
// one (first), or several.
type nameOwner struct {
	first *Entity
	many  bool
}

func (o *nameOwner) add(e *Entity) {
	if o.first == nil {
		o.first = e
	} else if o.first != e {
		o.many = true
	}
}

// addOwner records that e bears the name part or title key, which is not
// "" and is kept.
func addOwner(t *keyTable[nameOwner], key string, e *Entity) {
	i, ok := t.slot(key)
	if !ok {
		t.fill(i, key, nameOwner{})
	}
	t.slots[i].k.add(e)
}

// only returns the one entity of o, or nil.
func (o nameOwner) only() *Entity {
	if o.many {
		return nil
	}
	return o.first
}

// slab hands out pointers to zero values from chunks it keeps, so that
// values an extraction needs until it returns cost no allocation once the
// pool holds a scratch.
type slab[T any] struct {
	chunks [][]T
	n      int // values handed out since reset
}

const slabChunk = 64

func (s *slab[T]) get() *T {
	c, i := s.n/slabChunk, s.n%slabChunk
	if c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slabChunk))
	}
	s.n++
	return &s.chunks[c][i]
}

// reset takes back every value, zeroed so that the pool keeps nothing
// they pointed to (the article's text, its graph's entities) alive.
func (s *slab[T]) reset() {
	for c := 0; c*slabChunk < s.n; c++ {
		clear(s.chunks[c][:min(slabChunk, s.n-c*slabChunk)])
	}
	s.n = 0
}

// keyArena hands out strings copied into chunks of bytes it reuses from
// one extraction to the next: an article's dictionary has a key or two for
// every entity, each of which was an allocation of its own.
type keyArena struct {
	buf []byte
}

// maxKeyArena bounds the chunk a keyArena keeps for reuse.
const maxKeyArena = 64 << 10

// str returns b as a string that stays valid until the next reset.
func (a *keyArena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.buf)-len(a.buf) < len(b) {
		// The full chunk is left to the strings already made from it.
		a.buf = make([]byte, 0, min(max(2*cap(a.buf), 1024, len(b)), max(maxKeyArena, len(b))))
	}
	n := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[n], len(b))
}

// fold returns FoldName(name), folded in place, valid until the next
// reset.
func (a *keyArena) fold(name string) string {
	// A name's key is mostly no longer than the name: room for twice
	// its length and a little holds almost every one.
	if need := 2*len(name) + 8; cap(a.buf)-len(a.buf) < need {
		a.buf = make([]byte, 0, min(max(2*cap(a.buf), 1024, need), max(maxKeyArena, need)))
	}
	n := len(a.buf)
	// Folded after the chunk's strings, as the start of a new slice
	// (appendFoldName puts a space between what b holds and the key).
	b := appendFoldName(a.buf[n:n], name)
	if len(b) == 0 {
		return ""
	}
	if unsafe.SliceData(b) == unsafe.SliceData(a.buf[n:n+1]) {
		a.buf = a.buf[:n+len(b)]
	}
	// Else the key outgrew the chunk into an array of its own, which
	// nothing else writes to.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// copy returns a copy of s that stays valid until the next reset.
func (a *keyArena) copy(s string) string {
	return a.str(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// reset makes the bytes of every string str returned free for reuse.
func (a *keyArena) reset() {
	if cap(a.buf) > maxKeyArena {
		a.buf = nil
	}
	a.buf = a.buf[:0]
}

// keep records mention m, copied into the scratch's slab so that callers
// can build it on the stack.
func (st *proseState) keep(m *mention) {
	p := st.sc.mentions.get()
	*p = *m
	st.ments = append(st.ments, p)
}

// newSentence returns sen copied into the scratch's slab.
func (st *proseState) newSentence(sen sentence) *sentence {
	p := st.sc.sentences.get()
	*p = sen
	return p
}

var proseScratchPool = sync.Pool{New: func() any {
	return new(proseScratch)
}}

// Extract implements Extractor.
func (x *ProseExtractor) Extract(a *Article, s *Subject, g *Graph) error {
	if s.Light {
		return nil // a catalog pass needs the infobox's names only
	}
	sc := proseScratchPool.Get().(*proseScratch)
	st := &proseState{x: x, g: g, s: s, dict: &sc.dict, phon: &sc.phon, ments: sc.ments[:0], article: g.Name, base: x.Base, toks: sc.toks, sc: sc}
	defer func() {
		sc.toks = st.toks
		clear(st.ments)
		sc.ments = st.ments[:0]
		sc.mentions.reset()
		sc.sentences.reset()
		sc.groupSlab.reset()
		sc.dict.reset()
		sc.phon.reset()
		clear(sc.phonLater)
		sc.phonLater = sc.phonLater[:0]
		sc.keys.reset()
		sc.groups.reset()
		sc.parts.reset()
		sc.titles.reset()
		sc.minted.reset()
		sc.ents.reset()
		clear(sc.aliasKeys)
		sc.aliasKeys = sc.aliasKeys[:0]
		clear(sc.groupOrder)
		sc.groupOrder = sc.groupOrder[:0]
		proseScratchPool.Put(sc)
	}()
	if st.base == "" {
		st.base = ontology.DefaultBase
	}
	st.catalog, _ = x.Catalog.(*Dictionary)
	st.seedDictionary(a)
	lead := true
	first := firstParagraph(a)
	for bi := range a.Blocks {
		b := &a.Blocks[bi]
		if b.Kind == Heading {
			lead = false
			continue
		}
		if isSeeAlso(b.Section) {
			if b.Kind == ListItem {
				st.seeAlso(a, b)
			}
			continue
		}
		if b.Kind == ListItem && listsPlaces(b.Section) && st.placeItem(a, b) {
			continue
		}
		st.sc.spans = AppendSentences(st.sc.spans[:0], b.Text)
		cutAt := -1 // where a paragraph cut mid-sentence ends
		if b.Kind == Paragraph {
			if t := strings.TrimRightFunc(b.Text, unicode.IsSpace); endsInWord(t) {
				cutAt = len(t)
			}
		}
		for si, sp := range st.sc.spans {
			sen := st.newSentence(sentence{text: b.Text, span: sp, articleOff: b.Pos.Offset - a.Pos.Offset + sp.Start, lead: lead && bi == first, cut: sp.End == cutAt, index: si})
			st.scan(sen)
		}
	}
	st.resolve()
	st.relations()
	st.write()
	return nil
}

// endsInWord reports whether text ends in a letter or digit, not in
// punctuation.
func endsInWord(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func firstParagraph(a *Article) int {
	for i, b := range a.Blocks {
		if b.Kind == Paragraph {
			return i
		}
	}
	return -1
}

func isSeeAlso(section string) bool {
	var buf [32]byte
	return string(appendFold(buf[:0], section)) == "seealso"
}

// seedDictionary indexes the entities already in the graph, the subject
// first, under their labels and aliases.
func (st *proseState) seedDictionary(a *Article) {
	// Ranging over order sees the entities as they were when it began,
	// as a copy would.
	for _, e := range st.g.order {
		c := st.classOf(e)
		if c.IsZero() {
			continue
		}
		// The keys are kept with the entity: resolve's name parts are
		// made of them again.
		st.addKey(st.nameKey(e, -1), true, e, c)
		for i := range e.Aliases {
			st.addKey(st.nameKey(e, i), true, e, c)
		}
	}
}

func (st *proseState) addKnown(name string, e *Entity, c rdf.Term) {
	// The key is folded on the stack and copied only when it is new: an
	// article names most of its entities several times.
	var buf [64]byte
	kb := appendFoldName(buf[:0], name)
	if len(kb) == 0 {
		return
	}
	st.addKey(unsafe.String(&kb[0], len(kb)), false, e, c)
}

// addKey indexes e of class c under key, a folded name, which is copied
// when it is to be kept unless lasting, valid until the extraction ends.
func (st *proseState) addKey(key string, lasting bool, e *Entity, c rdf.Term) {
	sp := strings.IndexByte(key, ' ')
	// A key of two words or more that starts with a letter is usable, as
	// usableKey would find without a look-up; most names are.
	if !(sp > 0 && key[0] >= 'a' && key[0] <= 'z') && !usableKey(key) {
		return
	}
	kept := ""
	if lasting {
		kept = key
	}
	if slot, ok := st.dict.slot(key); !ok {
		if kept == "" {
			kept = st.sc.keys.copy(key)
		}
		st.dict.fill(slot, kept, known{ent: e, class: c})
		st.dictKeys.add(kept)
	}
	// Titled persons are known by their bare name too: "King Seonjo" as
	// "Seonjo".
	// The first word is tested first: few are titles, where many
	// entities are persons, whose classes compare at some length.
	if i := sp; i > 0 && isRoyalTitle(key[:i]) && c == ontology.Person {
		if !st.inDict(key[i+1:]) && usableKey(key[i+1:]) {
			if kept == "" {
				kept = st.sc.keys.copy(key)
			}
			slot, _ := st.dict.slot(kept[i+1:])
			st.dict.fill(slot, kept[i+1:], known{ent: e, class: c})
			st.dictKeys.add(kept[i+1:])
		}
	}
	st.addPhonKey(key, kept, e, c)
}

// addPhonKey indexes e of class c under the phonetic key of key, a usable
// folded name; kept is key when it is kept, or "".
func (st *proseState) addPhonKey(key, kept string, e *Entity, c rdf.Term) {
	// The phonetic key is made only when a look-up asks for its bit:
	// most are never asked for.
	f, l := phoneticFirst(key), phoneticLast(key)
	// The first filter's bit is set even when the key is added at once:
	// a look-up of another key, whose ends differ but whose bit of
	// phonLens is the same, may have made that bit done.
	fb := phonBit(f, l)
	st.phonKeys[fb>>6] |= 1 << (fb & 63)
	b := phonLenBit(f, l, phoneticWeight(key))
	if st.phonDone[b>>6]&(1<<(b&63)) != 0 {
		st.addPhonetic(key, e, c)
		return
	}
	if kept == "" {
		kept = st.sc.keys.copy(key)
	}
	st.sc.phonLater = append(st.sc.phonLater, phonAdd{key: kept, bit: uint16(b), ent: e, class: c})
	st.phonLens[b>>6] |= 1 << (b & 63)
}

// phonAdd is an addition to the phonetic index that waits for a look-up.
type phonAdd struct {
	key   string
	bit   uint16
	ent   *Entity
	class rdf.Term
}

// addPhonetic indexes e of class c under the phonetic key of key; a key
// two entities share is ambiguous.
func (st *proseState) addPhonetic(key string, e *Entity, c rdf.Term) {
	st.sc.key = appendPhonetic(st.sc.key[:0], key)
	slot, ok := st.phon.slot(unsafe.String(unsafe.SliceData(st.sc.key), len(st.sc.key)))
	if ok {
		if k := &st.phon.slots[slot].k; k.ent != nil && k.ent != e {
			*k = known{}
		}
		return
	}
	pk := st.sc.keys.str(st.sc.key)
	st.phon.fill(slot, pk, known{ent: e, class: c})
}

// phonGet returns the phonetic index's entry for key, a folded name, or
// nil; the entry is valid until the next addition.
func (st *proseState) phonGet(key string) *known {
	if key == "" {
		return nil
	}
	f, l := phoneticFirst(key), phoneticLast(key)
	b := phonBit(f, l)
	if st.phonKeys[b>>6]&(1<<(b&63)) == 0 {
		return nil
	}
	b = phonLenBit(f, l, phoneticWeight(key))
	if st.phonLens[b>>6]&(1<<(b&63)) == 0 {
		return nil
	}
	if st.phonDone[b>>6]&(1<<(b&63)) == 0 {
		// The waiting keys of the bit are added in the order they came,
		// which decides the same ambiguities as adding them at once:
		// only keys of one bit can share a phonetic key.
		st.phonDone[b>>6] |= 1 << (b & 63)
		for i := range st.sc.phonLater {
			if a := &st.sc.phonLater[i]; uint(a.bit) == b {
				st.addPhonetic(a.key, a.ent, a.class)
			}
		}
	}
	st.sc.key = appendPhonetic(st.sc.key[:0], key)
	return st.phon.get(unsafe.String(unsafe.SliceData(st.sc.key), len(st.sc.key)))
}

// isRoyalTitle reports royalTitles[w] by a switch, which compares w's
// length before any bytes, where the map hashes it.
func isRoyalTitle(w string) bool {
	switch w {
	case "king", "queen", "emperor", "empress", "prince", "princess", "lady", "grandprince", "consort", "dowager", "shogun":
		return true
	}
	return false
}

// inDict reports whether dict holds key.
func (st *proseState) inDict(key string) bool {
	if !st.dictKeys.may(key) {
		return false
	}
	return st.dict.get(key) != nil
}

// phonBit returns the bit of phonKeys for a phonetic key's first and
// last bytes.
func phonBit(first, last byte) uint {
	return (uint(first)*31 + uint(last)) % uint(64*len(proseState{}.phonKeys))
}

// phonLenBit returns the bit of phonLens for a phonetic key's first and
// last bytes and its length.
func phonLenBit(first, last byte, n int) uint {
	h := (uint32(first)<<16 | uint32(last)<<8 ^ uint32(n)) * 0x9e3779b1
	return uint(h >> (32 - 9)) // 9 bits: 512 of them
}

// phoneticWeight returns the number of bytes of key that are neither 'e'
// nor 'h', which is that of phoneticKey(key) too: appendPhonetic drops
// some e's and h's ("eo", "ch") and maps each other byte to one that is
// neither. Keys of one phonetic key have one weight, as phonLenBit needs
// of its n, which tells keys apart about as well as their phonetic
// length, but is counted eight bytes at a time.
func phoneticWeight(key string) int {
	n := len(key)
	if n < 8 {
		eh := 0
		for i := 0; i < n; i++ {
			if c := key[i]; c == 'e' || c == 'h' {
				eh++
			}
		}
		return n - eh
	}
	eh := 0
	i := 0
	for ; i+8 <= n; i += 8 {
		eh += countEH(load64(key, i))
	}
	if i < n {
		// The last bytes, shifted down past the bytes counted: zeros
		// come in, which count as neither.
		eh += countEH(load64(key, n-8) >> (8 * (i + 8 - n)))
	}
	return n - eh
}

// countEH returns the number of the 8 bytes of x that are 'e' or 'h'.
func countEH(x uint64) int {
	const ones, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	// A byte of v is 0 where x's is the byte sought; its high bit of
	// (v&low7 + low7) | v is clear then only.
	ve, vh := x^('e'*ones), x^('h'*ones)
	te, th := (ve&low7+low7)|ve, (vh&low7+low7)|vh
	return bits.OnesCount64(^(te & th) & highBits)
}

// phoneticLast returns the last byte of phoneticKey(key), which must not
// be empty, as phoneticFirst returns its first: a final "ch" or "sh" is
// "c" or "s", and any other last byte is phoneticByte's.
func phoneticLast(key string) byte {
	n := len(key)
	if n >= 2 && key[n-1] == 'h' && (key[n-2] == 'c' || key[n-2] == 's') {
		return key[n-2]
	}
	return phoneticByte[key[n-1]]
}

// dictBit returns the bit of a keyBits for a non-empty key.
func dictBit(key string) uint {
	return (uint(len(key))*37 + uint(key[0])*7 + uint(key[len(key)-1])) % uint(64*len(keyBits{}))
}

// keyTable maps an article's folded keys to their entries. It is an
// open-addressing table of its own rather than a map: a key is hashed once
// to be looked up and added, and reset clears only the slots filled since
// the last, where clearing a map clears all the room that the article with
// the most names made it grow to.
type keyTable[V any] struct {
	slots []keySlot[V] // a power of two of them, at most half filled
	// filled holds the indexes of the filled slots.
	filled []int32
}

// keySlot is a slot of a keyTable, empty while key is "".
type keySlot[V any] struct {
	key  string
	hash uint64
	k    V
}

// keyHash returns the hash of a key for a keyTable: a multiplicative
// hash of its length and of its first and last 8 bytes, which tell most
// of an article's keys apart and cost the same for any length.
func keyHash(key string) uint64 {
	n := len(key)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(key, 0), load64(key, n-8)
	case n >= 4:
		a, b = uint64(load32(key, 0)), uint64(load32(key, n-4))
	case n > 0:
		a = uint64(key[0])<<16 | uint64(key[n/2])<<8 | uint64(key[n-1])
	}
	h := (a ^ bits.RotateLeft64(b, 29) ^ uint64(n)) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// load32 returns the 4 bytes of s from i as a little-endian word.
func load32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// get returns key's entry, or nil. The pointer is valid until the next
// fill.
func (t *keyTable[V]) get(key string) *V {
	if len(t.filled) == 0 || key == "" {
		return nil
	}
	h := keyHash(key)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return nil
		}
		if s.hash == h && s.key == key {
			return &s.k
		}
	}
}

// slot returns the index of key's slot, key being non-empty, and whether
// the slot is filled: an empty one is filled with fill before any other
// call.
func (t *keyTable[V]) slot(key string) (int, bool) {
	if 2*(len(t.filled)+1) > len(t.slots) {
		t.grow()
	}
	h := keyHash(key)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			s.hash = h
			return int(i), false
		}
		if s.hash == h && s.key == key {
			return int(i), true
		}
	}
}

// fill fills the empty slot i, which slot returned, with key and k; key
// must be the one slot was given, and is kept.
func (t *keyTable[V]) fill(i int, key string, k V) {
	t.slots[i].key, t.slots[i].k = key, k
	t.filled = append(t.filled, int32(i))
}

// grow doubles the slots, placing the filled ones again.
func (t *keyTable[V]) grow() {
	old := t.slots
	t.slots = make([]keySlot[V], max(64, 2*len(old)))
	mask := uint64(len(t.slots) - 1)
	t.filled = t.filled[:0]
	for oi := range old {
		o := &old[oi]
		if o.key == "" {
			continue
		}
		i := o.hash & mask
		for t.slots[i].key != "" {
			i = (i + 1) & mask
		}
		t.slots[i] = *o
		t.filled = append(t.filled, int32(i))
	}
}

// reset empties t, keeping its slots; nothing they held stays reachable.
func (t *keyTable[V]) reset() {
	for _, i := range t.filled {
		t.slots[i] = keySlot[V]{}
	}
	t.filled = t.filled[:0]
}

// keyBits is a 512-bit filter of folded keys, a bit dictBit(k) for
// each key k added: a key whose bit is clear was never added.
type keyBits [8]uint64

// add adds key, which must not be empty.
func (f *keyBits) add(key string) {
	b := dictBit(key)
	f[b>>6] |= 1 << (b & 63)
}

// may reports whether key may have been added: false for most keys that
// were not, without hashing them into a map.
func (f *keyBits) may(key string) bool {
	if key == "" {
		return false // see add
	}
	b := dictBit(key)
	return f[b>>6]&(1<<(b&63)) != 0
}

// lookup resolves a folded key: the article's own entities first, then the
// run's catalog, then another romanisation of an article entity. It
// returns the key's entry, or nil, with the catalog's name for it and the
// evidence; the entry is valid until the next look-up or addition, and is
// returned by pointer as it is 64 bytes.
func (st *proseState) lookup(key string) (*known, string, int) {
	return st.lookupAsking(key, true)
}

// lookupAsking is lookup, which asks the run's catalog only when
// askCatalog is set.
func (st *proseState) lookupAsking(key string, askCatalog bool) (*known, string, int) {
	if st.dictKeys.may(key) {
		if k := st.dict.get(key); k != nil {
			return k, "", evGraph
		}
	}
	if d := st.catalog; !askCatalog {
		// The caller knows the catalog has no such key.
	} else if d != nil {
		// Most keys miss: the Dictionary's filter tells, with no call
		// through the interface, no entry and no class returned.
		if i, _, ok, _ := d.find(key); ok {
			if name, c, ok := d.lookupEntry(i); ok && !c.IsZero() {
				st.catalogHit, st.catalogKey = known{class: c}, key
				return &st.catalogHit, name, evCatalog
			}
		}
	} else if st.x.Catalog != nil {
		if name, c, ok := st.x.Catalog.Lookup(key); ok && !c.IsZero() {
			st.catalogHit, st.catalogKey = known{class: c}, key
			return &st.catalogHit, name, evCatalog
		}
	}
	// Most keys are no name of the article's: phon holds none with the
	// key's first and last phonetic bytes, found without folding the
	// whole key.
	if k := st.phonGet(key); k != nil && k.ent != nil && strings.IndexByte(key, ' ') < 0 == !foldHasSpace(k.ent.Label) {
		return k, "", evGraph
	}
	return nil, "", 0
}

// lookupDynasty is lookup(key) for key, the key p followed by
// dynastySuffix: when the run's catalog has no such key, as its filter
// tells for most p, it asks the article's keys and the phonetic index
// alone, as lookup would after the catalog's miss.
func (st *proseState) lookupDynasty(p, key string) (*known, string, int) {
	d := st.catalog
	return st.lookupAsking(key, d == nil || d.mayHaveDynasty(p))
}

// listsPlaces reports whether a section's list items name one place each:
// "Neighbouring municipalities", "Adjacent counties", "Twin towns – sister
// cities". A place named alone on its line has no cue in its sentence.
func listsPlaces(section string) bool {
	words := strings.Fields(strings.ToLower(section))
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	return placeListQualifiers[words[0]] && placeListNouns[words[len(words)-1]]
}

var (
	placeListQualifiers = set("neighbouring", "neighboring", "adjacent", "surrounding", "bordering", "nearby", "twin", "sister")
	placeListNouns      = set("municipalities", "cities", "towns", "villages", "prefectures", "provinces", "counties", "districts", "communes", "regions", "islands", "ports", "rivers")
	// placeKinds follow a place's name in a list: "Shimanto city".
	placeKinds = set("city", "town", "village")
)

// placeItem adds the place a place-list item names ("Ainan", "Shimanto
// city"). It reports false when the item is more than a name, to be read
// as prose.
func (st *proseState) placeItem(a *Article, b *Block) bool {
	text := strings.TrimSpace(b.Text)
	if i := strings.LastIndexByte(text, ' '); i > 0 && placeKinds[text[i+1:]] {
		text = text[:i]
	}
	name, ok := cleanEntityName(text, ontology.Place)
	if !ok || !capitalisedWords(name, 4) {
		return false
	}
	if k, cname, _ := st.lookup(st.foldKey(name)); k != nil {
		if k.ent != nil || k.class != ontology.Place {
			return false // named before, or known as no place
		}
		if cname != "" {
			name = cname
		}
	}
	e := st.g.Entity(st.base, name, ontology.Place)
	if e == nil {
		return false
	}
	st.addKnown(name, e, ontology.Place)
	// The mention is the name, without "city": its text is an alias.
	start := strings.Index(b.Text, name)
	end := start + len(name)
	if start < 0 {
		start, end = 0, len(b.Text)
	}
	sen := st.newSentence(sentence{text: b.Text, span: Span{0, len(b.Text)}, articleOff: b.Pos.Offset - a.Pos.Offset})
	st.keep(&mention{sent: sen, start: start, end: end, ent: e, class: ontology.Place, strength: evGraph})
	return true
}

// capitalisedWords reports whether name is at most n words, each of
// which starts with an upper-case letter.
func capitalisedWords(name string, n int) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > n {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// seeAlso adds the conflict or catalogued name of a "See also" item.
func (st *proseState) seeAlso(a *Article, b *Block) {
	name, ok := cleanEntityName(b.Text, ontology.MilitaryConflict)
	if !ok || strings.HasPrefix(name, "List of") || strings.HasPrefix(name, "Lists of") || strings.HasPrefix(name, "Timeline") || strings.HasPrefix(name, "Outline") {
		return
	}
	key := st.foldKey(name)
	class := rdf.Term{}
	if k, cname, _ := st.lookup(key); k != nil {
		class = k.class
		if k.ent != nil {
			return
		}
		if cname != "" {
			name = cname
		}
	} else {
		class = ClassFromTitle(name)
	}
	if class.IsZero() {
		return
	}
	e := st.g.Entity(st.base, name, class)
	if e == nil {
		return
	}
	for _, al := range eventAliases(name, class) {
		e.AddAlias(al)
	}
	st.addKnown(name, e, class)
	sen := st.newSentence(sentence{text: b.Text, span: Span{0, len(b.Text)}, articleOff: b.Pos.Offset - a.Pos.Offset})
	st.keep(&mention{sent: sen, start: 0, end: len(b.Text), ent: e, class: class, strength: evGraph})
}

// scan finds the mentions of one sentence.
func (st *proseState) scan(sen *sentence) {
	text := sen.text[sen.span.Start:sen.span.End]
	var lex lexFlag
	st.toks, lex = st.sc.in.tokenizeFrom(sen.text[:sen.span.End], sen.span.Start, st.toks[:0])
	toks := st.toks
	st.aliasFrom, st.aliasTaken = -1, false
	if lex&lexAliasCue == 0 {
		// No alias phrase: each has a word of aliasCues.
	} else if k := alsoKnownAs(text, toks, sen.span.Start); k >= 0 && st.aboutSubject(text, toks) {
		st.aliasFrom = sen.span.Start + k
	}
	for i := 0; i < len(toks); {
		t := &toks[i] // not copied: most tokens are tested for a flag or two
		if !t.upper {
			// A lower-case word or a punctuation mark, whose lex is
			// empty: only "the" starts a mention.
			if t.lex&lexThe != 0 && i+1 < len(toks) && toks[i+1].word && !toks[i+1].upper && toks[i+1].is(lexRoyal|lexRank) &&
				(i+2 >= len(toks) || !toks[i+2].word || !toks[i+2].upper) {
				st.keep(&mention{sent: sen, start: t.start, end: toks[i+1].end, key: toks[i+1].key, description: true})
				i += 2
				continue
			}
			i++
			continue
		}
		j := spanEnd(sen.text, toks, i)
		st.classify(sen, toks, i, j)
		i = j
	}
}

// adjacent reports whether tokens a and b are separated by spaces only.
func adjacent(text string, a, b *token) bool {
	n := b.start - a.end
	return n == 0 || n == 1 && text[a.end] == ' ' || spacesOnly(text, a.end, b.start)
}

// spacesOnly reports whether text[i:j] is white space only.
func spacesOnly(text string, i, j int) bool {
	return strings.TrimSpace(text[i:j]) == ""
}

// spanEnd returns the end (exclusive token index) of the capitalised span
// that starts at toks[i]: capitalised words, connectors between them ("of",
// "no", "the"), and a lower-case head after them ("Oda clan", "Japanese
// invasions of Korea").
func spanEnd(text string, toks []token, i int) int {
	j := i + 1
	for j < len(toks) && !toks[j-1].poss {
		t := &toks[j]
		if !t.word {
			break
		}
		// adjacent, with its test of one space or none inlined.
		if e := toks[j-1].end; t.start != e && (t.start != e+1 || text[e] != ' ') && !spacesOnly(text, e, t.start) {
			break
		}
		if t.upper {
			j++
			continue
		}
		if t.is(lexConnector) && t.key != "and" {
			// "of the Yalu River": connectors, then a capitalised word.
			k := j
			for k < len(toks) && toks[k].word && !toks[k].upper && toks[k].is(lexConnector) && toks[k].key != "and" && adjacent(text, &toks[k-1], &toks[k]) {
				k++
			}
			if k < len(toks) && k-j <= 2 && toks[k].word && toks[k].upper && adjacent(text, &toks[k-1], &toks[k]) {
				j = k + 1
				continue
			}
			break
		}
		if t.is(lexEventHead|lexForceHead|lexPlaceHead|lexOrgHead) && !toks[j-1].is(lexEventHead|lexForceHead|lexPlaceHead|lexOrgHead) {
			// A name that ends in its own head takes no second one:
			// "the Argentine Navy cruiser".
			j++
			// "invasions of Korea": the head's object.
			if (t.key == "invasion" || t.key == "invasions") && j+1 < len(toks) && toks[j].key == "of" && toks[j+1].word && toks[j+1].upper {
				j += 2
				for j < len(toks) && toks[j].word && toks[j].upper && adjacent(text, &toks[j-1], &toks[j]) {
					j++
				}
			}
		}
		break
	}
	return j
}

// classify types the capitalised span toks[i:j] and records its mentions.
func (st *proseState) classify(sen *sentence, toks []token, i, j int) {
	text := sen.text
	sentStart := i == 0 || (i == 1 && !toks[0].word)
	// spanKnown is set when the span toks[i:j] is known to the dictionaries
	// from its first look-up, which would find it again.
	spanKnown := false
	// Sentence-initial function words and adverbs are not names.
	if sentStart && (toks[i].is(lexStop) || isAdverbish(toks[i].key) && j-i == 1) {
		// Unless the article, or for a longer span the run, knows the
		// whole span: "Later Jin accused Joseon …".
		key := st.spanProbe(toks, i, j)
		if j-i == 1 {
			spanKnown = st.inDict(key)
		} else {
			kp, _, _ := st.lookup(key)
			spanKnown = kp != nil
		}
		if !spanKnown {
			i++
		}
	}
	// missFrom and missTo are a span that the dictionaries were found
	// not to know, when it is not to be looked up again.
	missFrom, missTo := -1, -1
	if sentStart && !spanKnown && i < j && !toks[i].is(lexEventPrefix|lexRoyal|lexRank) {
		// "Part of the Ming army": a sentence-initial word before "of" is
		// not part of a name the dictionaries do not know.
		if kp, _, _ := st.lookup(st.spanProbe(toks, i, j)); kp == nil {
			missFrom, missTo = i, j
			for k := i + 1; k < j-1; k++ {
				if toks[k].key == "of" {
					i = k + 1
					break
				}
			}
		}
	}
	for i < j && toks[i].is(lexConnector) {
		i++
	}
	for j > i && toks[j-1].is(lexConnector) {
		j--
	}
	if i >= j {
		return
	}
	m := &mention{sent: sen, start: toks[i].start, end: toks[j-1].end}
	if st.aliasFrom >= 0 && toks[i].start >= st.aliasFrom && st.subjectAlias(toks, i, j) {
		st.known(m, &known{ent: st.s.Entity, class: st.subjectClass()}, "", evGraph)
		return
	}
	// An ordinal or "of" before the span, and "(" or "in" after it, are
	// rare: most spans are asked about neither an ordinal nor a year.
	if i > 0 && (toks[i-1].is(lexOrdinal) || toks[i-1].key == "of") && st.ordinalEvent(m, toks, i, j) {
		return
	}
	if j+1 < len(toks) && (toks[j].punct == '(' || toks[j].key == "in") {
		if year, n := yearAfter(toks, j); n > 0 {
			if c, ok := eventSpan(toks, i, j); ok && st.datedEvent(m, toks, i, j, year, n, c) {
				return
			}
		}
	}
	full := st.spanKey(toks, i, j)
	// A sentence's first span was mostly looked up whole already.
	if i != missFrom || j != missTo {
		if k, name, ev := st.lookup(full); k != nil {
			st.known(m, k, name, ev)
			return
		}
	}
	if j-i >= 3 && toks[i].is(lexDemonym) && toks[i+1].upper {
		// "the Chinese Beiyang Fleet" is the Beiyang Fleet the article
		// knows, when no name has the adjective.
		if k, name, ev := st.lookup(st.spanProbe(toks, i+1, j)); k != nil {
			m.start = toks[i+1].start
			st.known(m, k, name, ev)
			return
		}
	}
	if sen.cut && i > 0 && j == len(toks) && toks[j-1].end == sen.span.End {
		// The paragraph was cut inside this span's last word: the
		// words before it are all that can be trusted. A paragraph that
		// is a name alone ("Kōchi Prefecture") was not cut.
		st.classify(sen, toks, i, j-1)
		return
	}
	if j-i >= 2 && toks[j-1].is(lexRoyal) && toks[j-2].is(lexTitleModifier) {
		return // a longer title, no name: "Crown Prince", "Grand Internal Prince"
	}
	if c, ok := eventSpan(toks, i, j); ok {
		m.key, m.label, m.class, m.strength = full, text[m.start:m.end], c, evCue
		st.keep(m)
		return
	}
	// A proper name with a capitalised head keeps its adjectives:
	// "Imperial Japanese Navy", "Northern Seas Fleet".
	// titleOf is hasTitleOf(toks, i, j) once asked, which the office
	// test below would ask again.
	titleOf, askedTitleOf := false, false
	if toks[j-1].upper && j-i >= 2 {
		titleOf, askedTitleOf = hasTitleOf(toks, i, j), true
	}
	if last := &toks[j-1]; last.upper && j-i >= 2 && !titleOf {
		if last.is(lexForceHead | lexPlaceHead) {
			if p := titledNameOf(toks, i, j); p > 0 {
				// "King Taejo of the Goryeo Dynasty" is a king and the
				// dynasty, not a force named after him.
				st.classify(sen, toks, i, p)
				st.classify(sen, toks, p+1, j)
				return
			}
		}
		switch {
		case last.is(lexForceHead) && last.key != "forces":
			m.key, m.label, m.class, m.strength = full, text[m.start:m.end], ontology.Force, evCue
			st.keep(m)
			return
		case last.is(lexPlaceHead) && !toks[j-2].is(lexDemonym):
			m.key, m.label, m.class, m.strength = full, text[m.start:m.end], ontology.Place, evCue
			st.keep(m)
			return
		case last.is(lexRoyal) && !toks[j-2].is(lexDemonym):
			// "the Wanli Emperor".
			m.key, m.label, m.class, m.strength = full, text[m.start:m.end], ontology.Person, evCue
			st.keep(m)
			return
		}
	}
	if askedTitleOf && titleOf || !askedTitleOf && hasTitleOf(toks, i, j) {
		return // an office: "Naval Commander of Jeolla Left Province"
	}
	// Titles and nationality adjectives before the name.
	var titles []string
	royalStart := -1
	k := i
	for k < j {
		key, lex := toks[k].key, toks[k].lex
		switch {
		case lex&lexDemonym != 0 && len(titles) == 0 && royalStart < 0:
			k++
			continue
		case lex&lexRoyal != 0 && k+1 < j:
			titles = append(titles, key)
			if royalStart < 0 {
				royalStart = k
			}
			k++
			continue
		case lex&lexRank != 0 && k+1 < j && royalStart < 0:
			titles = append(titles, key)
			k++
			if k < j && toks[k].key == "of" {
				k++
				for k < j && toks[k].is(lexOffice) {
					k++
				}
			}
			continue
		}
		break
	}
	if k >= j || toks[k].is(lexRoyal|lexRank) {
		return
	}
	prev := token{}
	if i > 0 {
		prev = toks[i-1]
	}
	if prev.word && !prev.upper && prev.is(lexRank|lexRoyal) {
		titles = append(titles, prev.key)
	}
	// Without titles the name is the whole span, whose key no dictionary
	// holds: it is neither copied nor looked up again.
	nameKey := full
	if k > i {
		nameKey = st.spanKey(toks, k, j)
	}
	labelStart := toks[k].start
	if royalStart >= 0 {
		labelStart = toks[royalStart].start
	}
	m.start = labelStart
	m.titles = titles
	if royalStart > i {
		if kn, name, ev := st.lookup(st.spanProbe(toks, royalStart, j)); kn != nil {
			st.known(m, kn, name, ev)
			return
		}
	}
	if k > i {
		if kn, name, ev := st.lookup(nameKey); kn != nil {
			st.known(m, kn, name, ev)
			return
		}
	}
	if j-k == 1 && len(titles) == 0 {
		// "the Ming", "a Ming defector": a dynasty goes by its bare
		// name.
		st.sc.span = append(append(st.sc.span[:0], nameKey...), dynastySuffix...)
		if kn, name, ev := st.lookupDynasty(nameKey, unsafe.String(unsafe.SliceData(st.sc.span), len(st.sc.span))); kn != nil && kn.class == ontology.Force {
			st.known(m, kn, name, ev)
			return
		}
	}
	m.key, m.label = nameKey, text[labelStart:m.end]
	last, lastTok := toks[j-1].key, toks[j-1]
	st.partMiss = 0
	next := token{}
	if j < len(toks) {
		next = toks[j]
	}
	switch {
	case lastTok.is(lexOrgHead|lexDemonym) || toks[k].is(lexTime):
		return
	case lastTok.is(lexPlaceHead) && j-k >= 2 && (toks[j-1].upper || lastTok.is(lexLowerPlaceHead)), toks[k].is(lexPlacePrefix) && j-k >= 2:
		m.class, m.strength = ontology.Place, evCue
	case lastTok.is(lexForceHead) && j-k >= 2 && last != "forces" && last != "dynasty" && !toks[j-2].is(lexDemonym) && !hasConnector(toks, k, j):
		m.class, m.strength = ontology.Force, evCue
	case lastTok.is(lexForceHead | lexPlaceHead):
		return
	case len(titles) > 0:
		m.class, m.strength = ontology.Person, evCue
		// "Admiral Yi": which Yi, the name parts tell. A royal title
		// names a reign, which the parts may not: Emperor Yōzei is not
		// Yōzei II.
		m.single = j-k == 1 && royalStart < 0
	case toks[j-1].poss && next.word && next.is(lexMilitary):
		m.class, m.strength = ontology.Person, evContext
		m.single = j-k == 1 // "Kim's command": whose, the name parts tell
	case prev.word && (prev.key == "under" || prev.key == "by" && j-k >= 2 && i >= 2 && (toks[i-2].key == "led" || toks[i-2].key == "commanded")):
		m.class, m.strength = ontology.Person, evContext
		m.single = j-k == 1
	case prev.word && prev.key == "of" && i >= 2 && toks[i-2].is(lexKin):
		m.class, m.strength = ontology.Person, evContext
		m.single = j-k == 1
	case prev.word && prev.key == "of" && i >= 2 && (toks[i-2].is(lexCapture) || isDirection(toks[i-2].key)) && !toks[i-2].upper && j-k <= 2:
		// "the capture of Kaesong", "the port city of Lüshun", "south of
		// Seoul".
		m.class, m.strength = ontology.Place, evContext
		m.single = j-k == 1
	case j-k <= 2 && (inList(toks, i, lexPlaceListNoun, lexPlaceListCue) || !sentStart && beforeListNoun(toks, j, lexPlaceListNoun)):
		// A sentence's first word before the noun is mostly not a name:
		// "Bordering prefectures are …".
		m.class, m.strength = ontology.Place, evContext
		m.single = j-k == 1
	case j-k <= 3 && len(titles) == 0 && inList(toks, i, lexPersonListNoun, lexPersonListCue):
		m.class, m.strength = ontology.Person, evContext
		m.single = j-k == 1
	case prev.key == "the" || quotedAfterThe(toks, i) || prev.word && prev.is(lexOrgNoun) || st.knownPart(toks, k, j):
		// Persons take no article, even around quotes ("known as the
		// “Mōri Ryōsen”"), and a span with a known state or place in it
		// ("Tang China") is not a personal name.
		if j-k > 1 {
			st.subMatches(sen, toks, k, j)
			return
		}
		m.single = true
	case j-k >= 2 && j-k <= 3 && toks[k].is(lexSurname) && !anyHead(toks, k, j):
		m.class, m.strength = ontology.Person, evShape
	case j-k == 2 && japaneseName(toks[k].key) && japaneseName(toks[k+1].key) && !anyHead(toks, k, j):
		m.class, m.strength = ontology.Person, evShape
	case j-k == 3 && toks[k+1].key == "no" && !toks[k+1].upper && toks[k].upper && toks[k+2].upper &&
		japaneseName(toks[k].key) && japaneseName(toks[k+2].key) && !anyHead(toks, k, k+1) && !anyHead(toks, k+2, j):
		// "Minamoto no Yoritomo": a clan, "no", a given name.
		m.class, m.strength = ontology.Person, evShape
	case j-k >= 2 && next.word && next.is(lexPersonVerb) && !anyHead(toks, k, j):
		m.class, m.strength = ontology.Person, evContext
	case prev.word && prev.is(lexPlacePrep) && (j-k == 1 || j-k == 2 && toks[k].is(lexCompass)) && (!sentStart || i == 1 && next.punct == ',' && openingPlacePreps[prev.key]):
		// "reached Busan"; at a sentence's start, only a phrase of its
		// own: "At Dangpo, they received news".
		m.class, m.strength = ontology.Place, evContext
		m.single = j-k == 1
	case j-k <= 2 && prev.word && prev.key == "and" && !prev.upper && st.placeBefore(sen, toks, i-1) && endsPhrase(next, j == len(toks)):
		// "at Happo and Jeokjinpo.": the second of two places a
		// preposition governs.
		m.class, m.strength = ontology.Place, evContext
		m.single = j-k == 1
	case j-k == 1 && st.afterPlace(sen, toks, i) && endsPhrase(next, j == len(toks)):
		// "in present-day Yueyang, Hunan": a place's appositive is the
		// larger place it lies in.
		m.class, m.strength = ontology.Place, evContext
		m.single = true
	case j-k == 1:
		m.single = true
	default:
		// A longer span of unknown words: the names inside it that the
		// dictionaries know.
		st.subMatches(sen, toks, k, j)
		return
	}
	st.keep(m)
}

// isDirection reports whether the key w names a direction that "of" and
// a place follow: "south", "northeast", "south-southeast" (whose key has
// no hyphen), "downstream".
func isDirection(w string) bool {
	if w == "upstream" || w == "downstream" {
		return true
	}
	for n := 0; ; n++ {
		switch {
		case w == "":
			return n > 0
		case strings.HasPrefix(w, "north"), strings.HasPrefix(w, "south"):
			w = w[5:]
		case strings.HasPrefix(w, "east"), strings.HasPrefix(w, "west"):
			w = w[4:]
		default:
			return false
		}
	}
}

// afterPlace reports whether toks[i] follows a comma that ends a mention
// of a place in the sentence: "Yueyang, Hunan", "Sinuiju, North Korea".
func (st *proseState) afterPlace(sen *sentence, toks []token, i int) bool {
	return i >= 2 && toks[i-1].punct == ',' && st.placeBefore(sen, toks, i-1)
}

// placeBefore reports whether the sentence's last mention so far is a
// place that ends just before toks[i].
func (st *proseState) placeBefore(sen *sentence, toks []token, i int) bool {
	if i < 1 || len(st.ments) == 0 {
		return false
	}
	m := st.ments[len(st.ments)-1]
	return m.sent == sen && m.end == toks[i-1].end && m.class == ontology.Place
}

// inList reports whether the name at toks[i] is an item of a list of
// nouns' kind: one of nouns, perhaps a comma or one of cues, then names
// separated by commas, "and" or "or", each perhaps followed by a
// parenthesis. "the provinces of Zhili, Shandong …", "Bordering
// prefectures are Dalian (SW), Anshan (W) … and Benxi (N)", "their
// princes, Sunhwa and Imhae".
func inList(toks []token, i int, nouns, cues lexFlag) bool {
	// Most spans follow a word that is no noun, cue or separator of a
	// list: the walk back would stop there.
	if i < 2 {
		return false
	}
	if t := &toks[i-1]; t.punct != ',' && (!t.word || t.upper || t.lex&(nouns|cues) == 0 && t.key != "and" && t.key != "or") {
		return false
	}
	return inListFrom(toks, i, nouns, cues)
}

// inListFrom is inList past its first test.
func inListFrom(toks []token, i int, nouns, cues lexFlag) bool {
	isNoun := func(p int) bool { return p >= 0 && toks[p].word && !toks[p].upper && toks[p].is(nouns) }
	p := i - 1
	for range maxListItems {
		if p < 1 {
			return false
		}
		if isNoun(p) || (toks[p].punct == ',' || toks[p].word && !toks[p].upper && toks[p].is(cues)) && isNoun(p-1) {
			return true
		}
		// A separator: ",", "and", "or" or ", and".
		switch {
		case toks[p].word && !toks[p].upper && (toks[p].key == "and" || toks[p].key == "or"):
			p--
			if p >= 0 && toks[p].punct == ',' {
				p--
			}
		case toks[p].punct == ',':
			p--
		default:
			return false
		}
		// The item before it, perhaps followed by a parenthesis: "Dalian (SW)".
		if p >= 0 && toks[p].punct == ')' {
			q := p - 1
			for q >= 0 && p-q <= 4 && toks[q].punct != '(' {
				q--
			}
			if q < 0 || toks[q].punct != '(' {
				return false
			}
			p = q - 1
		}
		n := 0
		for p >= 0 && n < 3 && toks[p].word && toks[p].upper {
			p--
			n++
		}
		if n == 0 {
			return false
		}
	}
	return false
}

// beforeListNoun reports whether the name that ends before toks[j] is an
// item of a list that a plural noun of nouns' kind ends: "Gangwon and
// Gyeonggi provinces", "the Yalu and Tumen rivers".
func beforeListNoun(toks []token, j int, nouns lexFlag) bool {
	// As for inList, most spans are followed by no noun or separator.
	if j >= len(toks) {
		return false
	}
	if t := &toks[j]; t.punct != ',' && (!t.word || t.upper || t.lex&nouns == 0 && t.key != "and" && t.key != "or") {
		return false
	}
	return beforeListNounFrom(toks, j, nouns)
}

// beforeListNounFrom is beforeListNoun past its first test.
func beforeListNounFrom(toks []token, j int, nouns lexFlag) bool {
	p := j
	for range maxListItems {
		if p >= len(toks) {
			return false
		}
		if toks[p].word && !toks[p].upper && toks[p].is(nouns) {
			return true
		}
		// A separator, then the next item's capitalised words.
		switch {
		case toks[p].punct == ',':
			p++
			if p < len(toks) && toks[p].word && !toks[p].upper && (toks[p].key == "and" || toks[p].key == "or") {
				p++
			}
		case toks[p].word && !toks[p].upper && (toks[p].key == "and" || toks[p].key == "or"):
			p++
		default:
			return false
		}
		n := 0
		for p < len(toks) && n < 3 && toks[p].word && toks[p].upper {
			p++
			n++
		}
		if n == 0 {
			return false
		}
	}
	return false
}

// maxListItems bounds how far back inList looks for a list's cue.
const maxListItems = 8

// openingPlacePreps start a sentence's opening phrase of place: "At
// Dangpo, …"; "From Yi, …" and "To Yi, …" name persons as often.
var openingPlacePreps = set("at", "in", "near", "outside", "around")

// placeListCues come between a plural kind of place and the places
// listed; personListCues between a plural kind of person and the persons:
// "generals of Japan" names no general.
var (
	placeListCues  = set("of", "are", "were", "include", "included", "including")
	personListCues = set("were", "included", "including", "namely")
	// personListNouns are plural kinds of persons a list of names follows.
	personListNouns = set("princes", "princesses", "sons", "daughters", "brothers", "sisters", "generals", "admirals", "commanders", "consorts", "wives")
)

// endsPhrase reports whether next, the token after a name, ends the
// phrase the name is in: punctuation or the sentence's end.
func endsPhrase(next token, last bool) bool {
	if last {
		return true
	}
	switch next.punct {
	case ',', '.', ';', ':', ')':
		return true
	}
	return false
}

// orgNouns before a name make it the name of an organisation or a work
// ("the political party Rikken Kaishintō").
var orgNouns = func() map[string]bool {
	m := set("newspaper", "book", "novel", "poem", "film", "term", "word")
	for w, ok := range orgHeads {
		m[w] = ok
	}
	return m
}()

// hasTitleOf reports whether a title in toks[i:j] is followed by "of", as
// in the name of an office ("Emperor of China", "Commander of X").
func hasTitleOf(toks []token, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if (toks[k].is(lexRoyal|lexRank) || strings.HasSuffix(toks[k].key, "chief")) && toks[k+1].key == "of" {
			// "Minister of Interior Yi Won-ik" is a titled name;
			// "Commander-in-Chief of the Three Provinces Navy", whose
			// words after the office's end in a head, an office.
			e := k + 2
			for e < j && toks[e].is(lexOffice) {
				e++
			}
			return e == k+2 || e == j || toks[j-1].is(lexForceHead|lexPlaceHead|lexOrgHead)
		}
	}
	return false
}

// quotedAfterThe reports whether toks[i] follows "the" and an opening
// quote.
func quotedAfterThe(toks []token, i int) bool {
	if i < 2 || toks[i-1].word || toks[i-2].key != "the" {
		return false
	}
	switch toks[i-1].punct {
	case '"', '“', '\'', '‘', '«', '「':
		return true
	}
	return false
}

// aliasPhrases introduce another name of what a sentence is about.
var aliasPhrases = []string{"also known as ", "also referred to as ", "also called ", "better known as ", "commonly known as ", "otherwise known as "}

// aliasCues are the words of which every alias phrase has one, rarer in
// prose than "as".
var aliasCues = set("known", "referred", "called")

// aliasCueAt holds the offset in each alias phrase of its word of
// aliasCues.
var aliasCueAt = func() []int {
	at := make([]int, len(aliasPhrases))
	for i, p := range aliasPhrases {
		for k := 0; k < len(p); k++ {
			if (k == 0 || p[k-1] == ' ') && aliasCues[p[k:k+strings.IndexByte(p[k:], ' ')]] {
				at[i] = k
			}
		}
	}
	return at
}()

// alsoKnownAs returns the offset in text after its first alias phrase
// that follows a form of "be" ("It was also known as"), or -1. After a
// comma ("the son of X, also known as Y") the phrase names X, not what the
// sentence is about. Toks are text's tokens, whose offsets are off more
// than text's: an alias phrase is found at each of its word of aliasCues,
// a token of its own, where searching text for each phrase read the
// sentence six times.
func alsoKnownAs(text string, toks []token, off int) int {
	best := -1
	var seen uint // the phrases whose first place was found
	for x := range toks {
		if toks[x].lex&lexAliasCue == 0 {
			continue
		}
		s := toks[x].start - off
		for pi, p := range aliasPhrases {
			k := s - aliasCueAt[pi]
			if seen&(1<<pi) != 0 || k < 0 || !strings.HasPrefix(text[k:], p) {
				continue
			}
			seen |= 1 << pi // only a phrase's first place counts
			if best >= 0 && k+len(p) >= best {
				continue
			}
			before := strings.TrimRight(text[:k], " ")
			switch before[strings.LastIndexByte(before, ' ')+1:] {
			case "was", "is", "are", "were", "been", "be":
				best = k + len(p)
			}
		}
	}
	return best
}

// aboutSubject reports whether a sentence is about the article's subject:
// it starts with "It", "He", "She", "This", "The" and a common noun ("The
// battle"), or the subject's name.
func (st *proseState) aboutSubject(text string, toks []token) bool {
	if label := st.s.Entity.Label; strings.HasPrefix(text, label) {
		after := text[len(label):]
		switch r, _ := utf8.DecodeRuneInString(after); {
		case r == '\'' || r == '’':
			return false // "Oda's army"
		case r == ' ':
			// The whole name: "Oda Nobunaga" is not the subject "Oda".
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " "))
			return !unicode.IsUpper(next)
		default:
			return after != "" && !isWordRune(r) // "Oda, a clan"; not "Odawara"
		}
	}
	if len(toks) < 2 || !toks[0].word {
		return false
	}
	switch toks[0].key {
	case "it", "he", "she", "this":
		return true
	case "the":
		return toks[1].word && !toks[1].upper
	}
	return false
}

// subjectAlias reports whether toks[i:j], after an alias phrase, is
// another name of the subject: every event name for an event ("the Battle
// of Nomura … and the Battle of Mitamura"), the first name for any other.
func (st *proseState) subjectAlias(toks []token, i, j int) bool {
	if isEventClass(st.subjectClass()) {
		c, ok := eventSpan(toks, i, j)
		return ok && isEventClass(c)
	}
	if st.aliasTaken {
		return false
	}
	st.aliasTaken = true
	return true
}

// subjectClass returns the class of the article's subject: its infobox's,
// or else its title's ("Siege of X") or lead's.
func (st *proseState) subjectClass() rdf.Term {
	return st.classOf(st.s.Entity)
}

// classOf returns e's contract class; the subject, which takes its title's
// or lead's class only once the extractors are done, has that one already.
func (st *proseState) classOf(e *Entity) rdf.Term {
	return st.classRecord(e).class
}

// kindOf returns the kind of classOf(e).
func (st *proseState) kindOf(e *Entity) classKind {
	return st.classRecord(e).kind
}

// classRecord returns e's record with its class up to date.
func (st *proseState) classRecord(e *Entity) *proseEntity {
	// The class is found once for each count of classes: they are only
	// ever added to.
	p := st.record(e)
	if p.classes != len(e.Classes)+1 {
		// contractClass, finding the class's kind on the way: the
		// contract classes are those of a kind.
		c, k := rdf.Term{}, kindNone
		for i := range e.Classes {
			if k = st.sc.kinds.of(e.Classes[i]); k != kindNone {
				c = e.Classes[i]
				break
			}
		}
		if k == kindNone && e == st.s.Entity {
			c = st.s.Fallback
			k = kindOf(c)
		}
		p.class, p.kind, p.classes = c, k, len(e.Classes)+1
	}
	return p
}

// classKind is a contract class as a small integer, which tests compare
// without comparing terms.
type classKind uint8

const (
	kindNone classKind = iota
	kindPerson
	kindPlace
	kindForce
	kindEvent
	kindConflict
)

// kindOf returns the kind of class c: kindNone for no contract class.
func kindOf(c rdf.Term) classKind {
	// The IRIs are compared whole, their lengths first, rather than
	// cutting the namespace off (kgLocalName) to compare the rest.
	if c.Kind != rdf.KindIRI || c.Datatype != "" || c.Lang != "" {
		return kindNone
	}
	switch c.Value {
	case ontology.KG + "Person":
		return kindPerson
	case ontology.KG + "Place":
		return kindPlace
	case ontology.KG + "Force":
		return kindForce
	case ontology.KG + "Event":
		return kindEvent
	case ontology.KG + "MilitaryConflict":
		return kindConflict
	}
	return kindNone
}

// isEvent reports whether k is an event's kind, as isEventClass does for
// its class.
func (k classKind) isEvent() bool { return k == kindEvent || k == kindConflict }

// titledNameOf returns the index of the "of" in toks[i:j] that follows a
// royal title and a name ("King Gojong of the Joseon Dynasty"), or 0.
func titledNameOf(toks []token, i, j int) int {
	if !toks[i].is(lexRoyal) || !toks[i+1].upper || toks[i+1].is(lexRoyal|lexRank) {
		return 0
	}
	for p := i + 2; p < j-1; p++ {
		if toks[p].key == "of" {
			return p
		}
		if !toks[p].upper {
			return 0
		}
	}
	return 0
}

func hasConnector(toks []token, i, j int) bool {
	for _, t := range toks[i:j] {
		if t.is(lexConnector) {
			return true
		}
	}
	return false
}

// knownPart reports whether a word of toks[i:j] is on its own a place or
// force the dictionaries know.
func (st *proseState) knownPart(toks []token, i, j int) bool {
	if j-i < 2 {
		return false
	}
	for k := i; k < j; k++ {
		kn, _, _ := st.lookup(toks[k].key)
		if kn != nil && (kn.class == ontology.Place || kn.class == ontology.Force) {
			return true
		}
		if kn == nil && k-i < 64 {
			st.partMiss |= 1 << (k - i)
		}
	}
	return false
}

func isAdverbish(w string) bool {
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed")
}

func anyHead(toks []token, i, j int) bool {
	for _, t := range toks[i:j] {
		if t.is(lexEventHead | lexPlaceHead | lexForceHead | lexOrgHead | lexTime | lexStop | lexConnector | lexDemonym) {
			return true
		}
	}
	return false
}

// subMatches records the dictionary names inside toks[i:j], longest first
// from the left. The caller has looked toks[i:j] up whole and missed: no
// dictionary gains a key during a scan, so it is not looked up again.
func (st *proseState) subMatches(sen *sentence, toks []token, i, j int) {
	from, miss := i, st.partMiss
	st.partMiss = 0
	for i < j {
		found := false
		e := j
		if i == from {
			e = j - 1
		}
		for ; e > i; e-- {
			if e == i+1 && i-from < 64 && miss&(1<<(i-from)) != 0 {
				break // a word knownPart found unknown
			}
			if kn, name, ev := st.lookup(st.spanProbe(toks, i, e)); kn != nil {
				st.known(&mention{sent: sen, start: toks[i].start, end: toks[e-1].end}, kn, name, ev)
				i, found = e, true
				break
			}
		}
		if !found {
			i++
		}
	}
}

// known records a mention resolved by a dictionary, right after the
// look-up that returned k.
func (st *proseState) known(m *mention, k *known, name string, ev int) {
	m.class, m.strength = k.class, ev
	if k.ent != nil {
		m.ent = k.ent
	} else {
		// A catalog hit: the key looked up is FoldName(name), which
		// need not be folded again, only kept.
		m.label = name
		m.key = st.sc.keys.copy(st.catalogKey)
	}
	st.keep(m)
}

// spanKey folds toks[i:j] into a dictionary key, valid until the
// extraction ends; a one-word span's key is its token's, with no copy.
func (st *proseState) spanKey(toks []token, i, j int) string {
	// The key is joined at the free end of the arena, kept there only
	// when it is not one token's key.
	if j-i == 1 && toks[i].word {
		return toks[i].key // most spans are one word: nothing to join
	}
	a := &st.sc.keys
	if cap(a.buf)-len(a.buf) < spanKeyRoom {
		a.buf = make([]byte, 0, min(max(2*cap(a.buf), 1024), maxKeyArena))
	}
	n := len(a.buf)
	b, last := appendSpanKey(a.buf[n:n], toks, i, j)
	if len(b) == len(last) {
		return last // one word's, or none
	}
	if unsafe.SliceData(b) == unsafe.SliceData(a.buf[n:n+1]) {
		a.buf = a.buf[:n+len(b)]
	}
	// Else the key outgrew the chunk into an array of its own, which
	// nothing else writes to.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// spanKeyRoom is the room spanKey makes in the key arena, enough for
// almost every span's key.
const spanKeyRoom = 256

// foldKey returns FoldName(name), valid until the extraction ends.
func (st *proseState) foldKey(name string) string {
	return st.sc.keys.fold(name)
}

// foldHasSpace reports whether FoldName(name) has more than one word.
func foldHasSpace(name string) bool {
	var buf [64]byte
	return bytes.IndexByte(appendFoldName(buf[:0], name), ' ') >= 0
}

// spanProbe is spanKey for a look-up: the key it returns is only valid
// until the next call, and costs no allocation.
func (st *proseState) spanProbe(toks []token, i, j int) string {
	if j-i == 1 && toks[i].word {
		return toks[i].key
	}
	b, last := appendSpanKey(st.sc.span[:0], toks, i, j)
	st.sc.span = b
	if len(b) == len(last) {
		return last
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendSpanKey appends the keys of the words of toks[i:j] to b, separated
// by spaces, and returns the last word's key.
func appendSpanKey(b []byte, toks []token, i, j int) ([]byte, string) {
	last := ""
	for k := i; k < j; k++ {
		t := &toks[k]
		if !t.word {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.key...)
		last = t.key
	}
	return b, last
}

// eventSpan reports whether toks[i:j] is an event's name: "Battle of X",
// "Siege of X", "X War", "X campaign", "X invasions of Y".
func eventSpan(toks []token, i, j int) (rdf.Term, bool) {
	// "Siege of X": a word after the "of" or "on", so no span shorter
	// than three words.
	for k := i; k+2 < j; k++ {
		if of := toks[k+1].key; of == "of" || of == "on" {
			switch toks[k].key {
			case "battle", "siege", "sack", "fall", "capture", "bombardment", "raid", "invasion", "invasions", "conquest", "defence", "defense", "relief":
				return ontology.MilitaryConflict, true
			}
		}
	}
	h := j - 1
	if h-i >= 2 && toks[h].upper && isRomanNumeral(toks[h].key) {
		h-- // "World War I"
	}
	if last := &toks[h]; last.is(lexEventHead) && h > i {
		if toks[i].is(lexDemonym) && h-i == 1 && !last.upper {
			// "Japanese invasion" is a description, "Korean War" a
			// name.
			return rdf.Term{}, false
		}
		if last.is(lexConflictHead) {
			return ontology.MilitaryConflict, true
		}
		return ontology.Event, true
	}
	return rdf.Term{}, false
}

// datedEvent records m, the event toks[i:j] of class c, with the year
// its n tokens after it give, and reports whether it did. "The second
// Siege of Jinju (1593)": the year tells one siege of a town from another,
// as Wikipedia's titles do. A name the catalog knows with the year is
// that entity, whether the year is in brackets or follows "in"; a
// bracketed year is left out when the catalog knows the name without
// it, and kept when it knows neither.
func (st *proseState) datedEvent(m *mention, toks []token, i, j int, year string, n int, c rdf.Term) bool {
	if kn, name, ev := st.lookup(st.datedProbe(toks, i, j, year)); kn != nil {
		if toks[j].key == "in" {
			// "the Siege of Pyongyang in 1593" calls it by a name that
			// the other siege has too: no alias.
			m.description = true
		} else {
			m.end = toks[j+n-1].end
		}
		st.known(m, kn, name, ev)
		return true
	}
	if toks[j].key == "in" {
		return false
	}
	dated := st.sc.keys.str(st.sc.span) // kept: spanProbe reuses datedProbe's buffer
	if kp, _, _ := st.lookup(st.spanProbe(toks, i, j)); kp != nil {
		return false
	}
	m.end = toks[j+n-1].end
	m.key, m.label, m.class, m.strength = dated, m.sent.text[m.start:m.end], c, evCue
	st.keep(m)
	return true
}

// ordinals before an event's name tell apart the events of that name.
var ordinals = set("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

// ordinalEvent records m as the event an ordinal picks out, toks[i:j]
// being the capitalised words after it ("the second Siege of Jinju") or
// after a lower-case head ("the second siege of Jinju"), and reports
// whether it did. The name with its ordinal, or with the year that
// follows it, is looked up first; otherwise the event is minted under
// that name ("Siege of Jinju (1593)", "Second siege of Jinju"), never
// resolved to the catalog's event of the bare name, which is another
// siege of the same town.
func (st *proseState) ordinalEvent(m *mention, toks []token, i, j int) bool {
	s := i // the name's first token, its head when lower-case
	if i >= 3 && toks[i-1].key == "of" && toks[i-2].word && !toks[i-2].upper {
		s = i - 2
	}
	o := s - 1
	if o < 0 || !toks[o].word || toks[o].upper || !toks[o].is(lexOrdinal) {
		return false
	}
	c, ok := eventSpan(toks, s, j)
	if !ok {
		return false
	}
	text := m.sent.text
	m.start, m.end = toks[o].start, toks[j-1].end
	if k, name, ev := st.lookup(st.spanProbe(toks, o, j)); k != nil {
		st.known(m, k, name, ev)
		return true
	}
	name := text[toks[s].start:toks[j-1].end]
	if year, n := yearAfter(toks, j); n > 0 {
		if k, cname, ev := st.lookup(st.datedProbe(toks, s, j, year)); k != nil {
			st.known(m, k, cname, ev)
			return true
		}
		// Minting makes the first letter upper case.
		m.key, m.label = st.sc.keys.str(st.sc.span), name+" ("+year+")"
	} else {
		m.label = text[m.start:m.end]
		m.key = st.foldKey(m.label)
	}
	m.class, m.strength = c, evCue
	st.keep(m)
	return true
}

// datedProbe returns the key of toks[i:j] followed by year ("siege of
// jinju 1593"), the key of the name "Siege of Jinju (1593)". It is valid
// until the next probe, and st.sc.span holds its bytes.
func (st *proseState) datedProbe(toks []token, i, j int, year string) string {
	b, _ := appendSpanKey(st.sc.span[:0], toks, i, j)
	st.sc.span = append(append(b, ' '), year...)
	return unsafe.String(unsafe.SliceData(st.sc.span), len(st.sc.span))
}

// yearAfter returns the year that the tokens from toks[j] give, "(1593)"
// or "in 1593", and how many tokens that takes, or 0.
func yearAfter(toks []token, j int) (string, int) {
	switch {
	case j+2 < len(toks) && toks[j].punct == '(' && toks[j+2].punct == ')' && isYear(toks[j+1].key):
		return toks[j+1].key, 3
	case j+1 < len(toks) && toks[j].key == "in" && isYear(toks[j+1].key):
		return toks[j+1].key, 2
	}
	return "", 0
}

// isYear reports whether the key w is a four-digit year.
func isYear(w string) bool {
	return len(w) == 4 && w[0] >= '1' && w[0] <= '2' && strings.Trim(w, "0123456789") == ""
}

// isRomanNumeral reports whether the key w is a small Roman numeral, as
// ends the names of numbered wars.
func isRomanNumeral(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi":
		return true
	}
	return false
}

// resolve turns mentions into entities: dictionary hits are already
// resolved; the other names are grouped by key and typed by their
// strongest evidence; one-word names resolve through the article's people
// ("Kim" to the one Kim), clans and titles ("the king").
func (st *proseState) resolve() {
	groups, order := &st.sc.groups, st.sc.groupOrder[:0]
	var noKey *mentionGroup // the group of key "", which groups cannot hold
	for _, m := range st.ments {
		if m.ent != nil || m.description || m.class.IsZero() && m.single {
			continue
		}
		if m.label != "" && m.strength >= evCatalog {
			continue
		}
		if m.single && (m.strength < evCue || m.class == ontology.Person) {
			continue // decided after the name-part index
		}
		var g *mentionGroup
		if m.key == "" {
			if noKey == nil {
				noKey = st.sc.groupSlab.get()
				order = append(order, noKey)
			}
			g = noKey
		} else if i, ok := groups.slot(m.key); ok {
			g = groups.slots[i].k
		} else {
			g = st.sc.groupSlab.get()
			g.key = m.key
			groups.fill(i, m.key, g)
			order = append(order, g)
		}
		g.ments = append(g.ments, m)
		if len(m.label) > len(g.label) {
			g.label = m.label
		}
		switch {
		case m.strength > g.strength:
			g.best, g.strength, g.clash, g.count = m.class, m.strength, false, 1
		case m.strength == g.strength && m.class == g.best:
			g.count++
		case m.strength == g.strength:
			g.clash = true
		}
	}
	st.sc.groupOrder = order
	// Catalog hits first: they carry their own canonical names. A name
	// and class met before give the entity they gave then, as entity
	// would again.
	minted := &st.sc.minted
	for _, m := range st.ments {
		if m.ent == nil && m.label != "" && m.strength >= evCatalog {
			i, ok := minted.slot(m.label)
			if ok {
				if first := minted.slots[i].k; first.class == m.class {
					m.ent = first.ent
					continue
				}
			}
			// resolveEntity adds to no table of resolve's: the slot
			// stays the label's.
			m.ent = st.resolveEntity(m.label, m.key, m.class)
			if !ok {
				minted.fill(i, m.label, m)
			}
		}
	}
	for _, g := range order {
		key := g.key
		if g.clash || g.best.IsZero() {
			continue
		}
		label := stripRank(g.label)
		var e *Entity
		if k := st.phonGet(key); k != nil && k.ent != nil && k.class == g.best {
			e = k.ent
		} else {
			e = st.resolveEntity(label, "", g.best)
		}
		for _, m := range g.ments {
			m.ent, m.class = e, g.best
		}
	}
	// Name parts of the article's people, clans' names, titles: indexes
	// that only unresolved one-word names and descriptions use.
	// The name-part index holds only the parts that an unresolved name may
	// ask for, a few of the article's many: asked has the bits of their
	// keys.
	needParts, needTitles := false, false
	var asked keyBits
	for _, m := range st.ments {
		if m.ent == nil {
			if m.single && !m.description && m.key != "" {
				needParts = true
				asked.add(m.key)
			}
			needTitles = needTitles || m.description
		}
	}
	parts, titles := &st.sc.parts, &st.sc.titles
	for _, e := range st.g.order {
		if !needParts {
			break
		}
		switch st.kindOf(e) {
		case kindPerson:
			for ni := -1; ni < len(e.Aliases); ni++ {
				key := st.nameKey(e, ni)
				if of := strings.Index(key, " of "); of > 0 {
					key = key[:of]
				}
				// FoldName separates words by single spaces.
				for key != "" {
					p := key
					if sp := strings.IndexByte(key, ' '); sp >= 0 {
						p, key = key[:sp], key[sp+1:]
					} else {
						key = ""
					}
					if len(p) > 1 && asked.may(p) && lexicon[p]&(lexRoyal|lexRank|lexConnector) == 0 {
						addOwner(parts, p, e)
					}
				}
			}
		case kindForce:
			if key := st.nameKey(e, -1); strings.HasSuffix(key, " clan") {
				if p := strings.TrimSuffix(key, " clan"); p != "" && asked.may(p) {
					addOwner(parts, p, e)
				}
			}
		}
	}
	for _, m := range st.ments {
		if !needTitles {
			break
		}
		if m.ent != nil && st.kindOf(m.ent) == kindPerson {
			for _, t := range m.titles {
				addOwner(titles, t, m.ent)
			}
		}
	}
	for _, m := range st.ments {
		if m.ent != nil {
			continue
		}
		switch {
		case m.description:
			if o := titles.get(m.key); o != nil {
				if e := o.only(); e != nil {
					m.ent = e
				}
			}
		case m.single:
			if o := parts.get(m.key); o != nil {
				if e := o.only(); e != nil {
					m.ent = e
					m.ent.AddAlias(m.sent.text[m.start:m.end])
				}
				continue
			}
			if m.strength >= evContext && !m.class.IsZero() && !(m.class == ontology.Person && lexicon[m.key]&lexSurname != 0) {
				// A bare surname ("under Kim") that no person of the
				// article bears names no one the article knows.
				// Nothing is looked up after this: the entity is not
				// indexed. A name and class met before give the
				// entity they gave then.
				label := stripRank(m.label)
				i, ok := minted.slot(label)
				if ok {
					if first := minted.slots[i].k; first.class == m.class {
						m.ent = first.ent
						continue
					}
				}
				m.ent = st.g.Entity(st.base, label, m.class)
				if !ok {
					minted.fill(i, label, m)
				}
			}
		}
	}
	// Surface forms become aliases.
	for _, m := range st.ments {
		if m.ent == nil || m.description {
			continue
		}
		// An entity is mostly named by its label, or by one surface form
		// several times: the label Graph.Entity gave, canonical, and the
		// form it was last given are given again at no cost.
		surface := m.sent.text[m.start:m.end]
		if m.ent.isLabel(surface) {
			continue
		}
		if p := st.record(m.ent); p.surface != surface {
			p.surface = surface
			if isLatinName(surface) {
				m.ent.AddAlias(surface)
			}
		}
	}
}

// stripRank removes a leading rank title from a label.
func stripRank(label string) string {
	// The word is folded on the stack: a map look-up of string(b) makes
	// no string.
	var buf [32]byte
	for {
		i := strings.IndexByte(label, ' ')
		if i < 0 || !rankTitles[string(appendFold(buf[:0], label[:i]))] {
			return label
		}
		label = label[i+1:]
	}
}

// resolveEntity returns the graph's entity for a name of class class,
// whose key, FoldName(name), is key when not "", valid until the
// extraction ends. The scan is over: only the phonetic look-ups of
// resolve's groups ask for an entity by its name, so the entity is
// indexed by its name's phonetic key alone, not in the dictionary.
func (st *proseState) resolveEntity(name, key string, class rdf.Term) *Entity {
	e := st.g.Entity(st.base, name, class)
	if e == nil {
		return nil
	}
	if name == e.Label {
		if p := st.record(e); key != "" && !p.labelSet {
			p.label, p.labelSet = key, true
		}
		key = st.nameKey(e, -1)
	}
	kept := key // a key given or the label's lasts
	if key == "" {
		var buf [64]byte
		kb := appendFoldName(buf[:0], name)
		if len(kb) == 0 {
			return e
		}
		key = unsafe.String(&kb[0], len(kb))
	}
	// As addKey would find.
	if sp := strings.IndexByte(key, ' '); !(sp > 0 && key[0] >= 'a' && key[0] <= 'z') && !usableKey(key) {
		return e
	}
	st.addPhonKey(key, kept, e, class)
	return e
}

// relations reads the facts the prose states plainly: a conflict's place
// ("captured Pyongyang", "fought at Nagashino") in the lead when the
// infobox gives none, its commanders ("under Konishi Yukinaga") and the
// forces that "fought in" a conflict.
func (st *proseState) relations() {
	subj := st.s.Entity
	subjConflict := isEventClass(st.subjectClass())
	hasPlace := false
	// The commanders already stated: an article has a handful.
	var commandersBuf [16]rdf.Term
	commanders := commandersBuf[:0]
	// Only a conflict's place and commanders are read; the predicates'
	// values are compared first, as most differ in length.
	for _, t := range st.g.triples {
		if !subjConflict {
			break
		}
		switch {
		case t.P.Value == ontology.PlaceP.Value && t.S == subj.IRI && t.P == ontology.PlaceP:
			hasPlace = true
		case t.P.Value == ontology.Commander.Value && t.P == ontology.Commander && strings.HasPrefix(t.S.Value, subj.IRI.Value):
			commanders = append(commanders, t.O)
		}
	}
	// A sentence's mentions are adjacent in st.ments, which scan fills one
	// sentence at a time; ms collects the resolved ones of each.
	var beforeBuf [32]byte
	ms := st.sc.resolved[:0]
	defer func() { clear(ms); st.sc.resolved = ms[:0] }()
	for lo := 0; lo < len(st.ments); {
		sen := st.ments[lo].sent
		ms = ms[:0]
		hi := lo
		for ; hi < len(st.ments) && st.ments[hi].sent == sen; hi++ {
			if st.ments[hi].ent != nil {
				ms = append(ms, st.ments[hi])
			}
		}
		lo = hi
		for _, m := range ms {
			k := st.kindOf(m.ent)
			// The word before the mention is read only for the cases
			// below that test it.
			before := ""
			if subjConflict && (k == kindPlace && !hasPlace && sen.lead && sen.index < 2 || k == kindPerson) {
				before = wordBefore(beforeBuf[:0], sen.text, sen.span.Start, m.start)
			}
			switch {
			case k == kindPlace && subjConflict && !hasPlace && sen.lead && sen.index < 2 &&
				(placeVerbs[before] || (before == "at" || before == "in" || before == "near") && statesOccurrence(sen.text[sen.span.Start:m.start])):
				st.fact(sen, m, subj.IRI, ontology.PlaceP, m.ent.IRI)
				hasPlace = true
			case k == kindPerson && before == "under" && subjConflict && !slices.Contains(commanders, m.ent.IRI) && m.ent != subj:
				st.fact(sen, m, subj.IRI, ontology.Commander, m.ent.IRI)
				commanders = append(commanders, m.ent.IRI)
			case k == kindForce:
				// "<force> fought in the <conflict>".
				for _, ev := range ms {
					if ev.start <= m.end || !st.kindOf(ev.ent).isEvent() {
						continue
					}
					between := strings.ToLower(sen.text[m.end:ev.start])
					if (strings.Contains(between, "fought in") || strings.Contains(between, "took part in") || strings.Contains(between, "participated in")) && len(between) < 40 {
						st.fact(sen, ev, ev.ent.IRI, Participant, m.ent.IRI)
					}
					break
				}
			}
		}
	}
}

// statesOccurrence reports whether the text before a place says the
// subject happened there ("was fought in 1575 at", "took place at").
func statesOccurrence(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "fought") || strings.Contains(s, "took place") || strings.Contains(s, "occurred") || strings.Contains(s, "was waged")
}

// wordBefore returns the folded word right before offset end in text,
// not looking before start. The word is folded into b, so it is valid
// only as long as b's array is not written.
func wordBefore(b []byte, text string, start, end int) string {
	i := end
	for i > start {
		if c := text[i-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	j := i
	for j > start {
		if c := text[j-1]; c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRune(r) {
			break
		}
		j -= n
	}
	b = appendFold(b, text[j:i])
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// fact writes a kg:ProseFact for (s, p, o) stated in sentence sen at
// mention m.
func (st *proseState) fact(sen *sentence, m *mention, s, p, o rdf.Term) {
	local := p.Value[strings.LastIndexAny(p.Value, "#/")+1:]
	off := sen.articleOff + (m.start - sen.span.Start)
	f := rdf.IRI(st.article.Value + "-fact-" + local + "-" + strconv.Itoa(off))
	g := st.g
	g.Add(f, ontology.Type, ProseFact)
	g.Add(f, ontology.Type, RDFStatement)
	g.Add(f, RDFSubject, s)
	g.Add(f, RDFPredicate, p)
	g.Add(f, RDFObject, o)
	g.Add(f, Sentence, rdf.LangString(sen.text[sen.span.Start:sen.span.End], "en"))
	if st.x.Mentions {
		g.Add(f, ontology.Derived, st.context(sen))
	} else {
		g.Add(f, ontology.Derived, st.article)
	}
	if st.x.AssertFacts {
		g.Add(s, p, o)
	}
}

// context returns the NIF context node of a sentence, writing it once.
func (st *proseState) context(sen *sentence) rdf.Term {
	if sen.wroteContxt {
		return sen.context
	}
	sen.wroteContxt = true
	sen.context = rdf.IRI(st.article.Value + "-sentence-" + strconv.Itoa(sen.articleOff))
	text := sen.text[sen.span.Start:sen.span.End]
	g := st.g
	g.Add(sen.context, ontology.Type, NIFContext)
	g.Add(sen.context, ontology.Type, NIFSentence)
	g.Add(sen.context, NIFIsString, rdf.String(text))
	g.Add(sen.context, NIFBeginIndex, rdf.Typed("0", XSDNonNegativeInteger))
	g.Add(sen.context, NIFEndIndex, rdf.Typed(strconv.Itoa(utf8.RuneCountInString(text)), XSDNonNegativeInteger))
	g.Add(sen.context, DCTermsIsPartOf, st.article)
	return sen.context
}

// write writes the mention nodes when asked to.
func (st *proseState) write() {
	if !st.x.Mentions {
		return
	}
	for _, m := range st.ments {
		if m.ent == nil {
			continue
		}
		sen := m.sent
		ctx := st.context(sen)
		b := utf8.RuneCountInString(sen.text[sen.span.Start:m.start])
		e := b + utf8.RuneCountInString(sen.text[m.start:m.end])
		node := rdf.IRI(ctx.Value + "-char=" + strconv.Itoa(b) + "," + strconv.Itoa(e))
		g := st.g
		g.Add(node, ontology.Type, NIFPhrase)
		g.Add(node, ontology.Type, NIFOffsetBasedString)
		g.Add(node, NIFAnchorOf, rdf.String(sen.text[m.start:m.end]))
		g.Add(node, NIFBeginIndex, rdf.Typed(strconv.Itoa(b), XSDNonNegativeInteger))
		g.Add(node, NIFEndIndex, rdf.Typed(strconv.Itoa(e), XSDNonNegativeInteger))
		g.Add(node, NIFReferenceContext, ctx)
		g.Add(node, ITSTaIdentRef, m.ent.IRI)
	}
}
