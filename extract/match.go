package extract

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/wikikg/wikikg/internal/bloom"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Catalog is a run-wide dictionary of names that the ProseExtractor matches
// in prose besides the article's own entities: the titles and infobox
// entities of every article of a run, later an external index. Keys are
// names folded by FoldName: "Katō Kiyomasa" and "Kato Kiyomasa" are both
// "kato kiyomasa".
type Catalog interface {
	// Lookup returns the canonical name and class of the entry whose folded
	// key is key, and whether there is one. Key is valid only during the
	// call: the matcher reuses its bytes.
	Lookup(key string) (name string, class rdf.Term, found bool)
}

// Dictionary is a Catalog held in memory: a map from every folded key to
// its entry. It is safe for concurrent lookups once filled.
type Dictionary struct {
	// index maps the bloom.Hash of every key to its entry's number, and
	// collided the keys whose hash an earlier key has. A map keyed by
	// strings rehashed every key each time it grew, an eighth of the
	// catalog pass. A run's catalog has millions of entries: held in
	// chunks, they cost no allocation or pointer each, change in place,
	// and are never copied as the catalog grows, as one slice's would be
	// at every doubling.
	index    dictIndex
	collided map[string]int32
	// filter holds the keys' hashes: most keys a matcher looks up are no
	// name, and the filter says so from bits that stay in the cache,
	// where a probe of index, too large for it, would miss.
	filter  bloom.Filter
	chunks  []*[dictChunk]dictEntry
	entries int32
	// classes are the classes entries count, which entries name by index:
	// a run has a handful.
	classes []rdf.Term
	// text holds the names of the entries Add makes, and the collided
	// keys, packed (and never reset): a string of its own each would cost
	// an allocation, and a name sliced from an infobox value would keep
	// the whole value's line alive.
	text keyArena
	// more holds the counts of the classes after an entry's first, under
	// its number: few entries have two.
	more map[int32][]classCount
	// contract holds, by kindOf, the index in classes plus one of
	// each contract class the dictionary has counted, which AddGraph
	// finds by its name in place of comparing it with each class.
	contract [6]uint16
	// kinds finds the kinds of AddGraph's classes.
	kinds kindCache
	// dynasties has a bit dynastyBit(p) for each key "p dynasty": the
	// prose extractor asks for "Ming dynasty" at most bare names, which
	// this tells it no key is, without hashing the key.
	dynasties [64]uint64
}

// dynastySuffix ends the keys that dynasties filters.
const dynastySuffix = " dynasty"

// dynastyBit returns the bit of Dictionary.dynasties for the key p
// followed by dynastySuffix; p must not be empty.
func dynastyBit(p string) uint {
	n := len(p)
	h := (uint32(n)<<24 | uint32(p[0])<<16 | uint32(p[n/2])<<8 | uint32(p[n-1])) * 0x9e3779b1
	return uint(h >> (32 - 12)) // 12 bits: 4096 of them
}

// mayHaveDynasty reports whether the dictionary may have the key p
// followed by dynastySuffix: false for most p it has not.
func (d *Dictionary) mayHaveDynasty(p string) bool {
	if p == "" {
		return true // no bit; the look-up tells
	}
	b := dynastyBit(p)
	return d.dynasties[b>>6]&(1<<(b&63)) != 0
}

// kindCache remembers the kinds (kindOf) of the class IRIs it was asked
// for by the address of their text: a run's classes are the few dozen
// terms a mapping made, each compared with the contract's IRIs, 40 bytes
// long, before; now once. It keeps the IRIs it holds alive, so that an
// address it holds is never another string's.
type kindCache [64]struct {
	iri  string
	kind classKind
}

// of returns kindOf(c).
func (kc *kindCache) of(c rdf.Term) classKind { return kc.ofRef(&c) }

// ofRef returns kindOf(*c): a Term is 56 bytes to copy, which cost a
// call of of as much as the rest of it.
func (kc *kindCache) ofRef(c *rdf.Term) classKind {
	if c.Kind != rdf.KindIRI || c.Datatype != "" || c.Lang != "" {
		return kindNone
	}
	p := unsafe.StringData(c.Value)
	e := &kc[uint64(uintptr(unsafe.Pointer(p)))*0x9e3779b97f4a7c15>>58]
	if unsafe.StringData(e.iri) == p && len(e.iri) == len(c.Value) {
		return e.kind
	}
	k := kindOf(*c)
	e.iri, e.kind = c.Value, k
	return k
}

// dictEntry is a name and the classes it was added with, in 24 bytes. Its
// key is not kept: it is the name folded (appendFoldName), which find
// folds again for the one entry a hash points at. Keeping the key, and a
// slice of class counts, made the catalog of 100 k generated articles
// 206 MB against 126 MB.
type dictEntry struct {
	name string
	// class and n count the first class the name was added with (n is 0
	// while it has none); more says that Dictionary.more counts others,
	// so that a state named as a belligerent in one article and a place
	// in three is a place.
	class uint16
	more  bool
	// ambiguous is set when two different names fold to the same key.
	ambiguous bool
	n         uint32
}

type classCount struct {
	class uint16 // index in Dictionary.classes
	n     uint32
}

// dictIndex is an open-addressing table from the hashes of keys to their
// entries' numbers, each hash once, probed linearly. A map[uint64]int32
// hashed each hash again, cost some 400 instructions an entry to fill,
// and took 16 bytes a slot, where the table takes 12: the catalog of
// 100 k generated articles takes 112 MB against 125.
type dictIndex struct {
	hashes []uint64
	// slots hold entry numbers plus one, 0 in an empty slot.
	slots []int32
	n     int
}

// dictIndexMin is the fewest slots a dictIndex has.
const dictIndexMin = 64

// init sizes x, empty, for n hashes.
func (x *dictIndex) init(n int) {
	size := dictIndexMin
	for size*3/4 < n {
		size *= 2
	}
	x.hashes, x.slots, x.n = make([]uint64, size), make([]int32, size), 0
}

// get returns the number of the entry whose key hashes to h.
func (x *dictIndex) get(h uint64) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		switch s := x.slots[k]; {
		case s == 0:
			return 0, false
		case x.hashes[k] == h:
			return s - 1, true
		}
	}
}

// put records that entry i's key hashes to h, which no other key's does.
func (x *dictIndex) put(h uint64, i int32) {
	if (x.n+1)*4 > len(x.slots)*3 {
		x.grow()
	}
	x.place(h, i)
	x.n++
}

// place puts h and i in the first empty slot from h's.
func (x *dictIndex) place(h uint64, i int32) {
	mask := uint64(len(x.slots) - 1)
	k := h & mask
	for x.slots[k] != 0 {
		k = (k + 1) & mask
	}
	x.hashes[k], x.slots[k] = h, i+1
}

// grow doubles x's slots (or makes its first), and places every hash anew.
func (x *dictIndex) grow() {
	hashes, slots := x.hashes, x.slots
	size := max(dictIndexMin, 2*len(slots))
	x.hashes, x.slots = make([]uint64, size), make([]int32, size)
	for k, s := range slots {
		if s != 0 {
			x.place(hashes[k], s-1)
		}
	}
}

// all yields every hash in x.
func (x *dictIndex) all(yield func(uint64)) {
	for k, s := range x.slots {
		if s != 0 {
			yield(x.hashes[k])
		}
	}
}

// dictChunk is the number of entries a Dictionary allocates at a time.
const dictChunk = 4096

// entry returns entry number i.
func (d *Dictionary) entry(i int32) *dictEntry { return &d.chunks[i/dictChunk][i%dictChunk] }

// NewDictionary returns an empty Dictionary.
func NewDictionary() *Dictionary { return &Dictionary{} }

// dictHashMask masks the keys' hashes: all ones, fewer bits in tests
// that make keys collide.
var dictHashMask = ^uint64(0)

// find returns the index of key's entry, key's hash, and whether another
// key has that hash. Most keys a run adds are new: the filter tells so
// without probing the index.
func (d *Dictionary) find(key string) (i int32, h uint64, found, taken bool) {
	return d.findNamed(key, "")
}

// findNamed is find for the key of name (or of any name, when name is
// ""): an entry of that very name has the key, which it need not fold
// again to tell.
func (d *Dictionary) findNamed(key, name string) (i int32, h uint64, found, taken bool) {
	h = bloom.Hash(key) & dictHashMask
	if !d.filter.MayContainHash(h) {
		return 0, h, false, false
	}
	if i, ok := d.index.get(h); ok {
		if name != "" && d.entry(i).name == name || d.keyIs(i, key) {
			return i, h, true, false
		}
		i, ok := d.collided[key]
		return i, h, ok, true
	}
	return 0, h, false, false
}

// keyIs reports whether entry i's key is key.
func (d *Dictionary) keyIs(i int32, key string) bool {
	return foldNameIs(d.entry(i).name, key)
}

// foldNameIs reports whether FoldName(s) is key. It compares while it
// folds the ASCII letters, digits and separators of s, which are all of
// most names, and stops at the first byte that differs; only a name with
// a joiner or a byte beyond ASCII is folded whole.
func foldNameIs(s, key string) bool {
	n := 0 // bytes of key matched
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		f := foldByte[c]
		if f == 0 {
			if c >= utf8.RuneSelf || c == '-' || c == '\'' {
				var buf [64]byte
				return string(appendFoldName(buf[:0], s)) == key
			}
			inWord = false
			continue
		}
		if !inWord {
			if n > 0 {
				if n >= len(key) || key[n] != ' ' {
					return false
				}
				n++
			}
			inWord = true
		}
		if n >= len(key) || key[n] != f {
			return false
		}
		n++
	}
	return n == len(key)
}

// add makes an entry named name, whose key, of hash h, is key, and returns
// its index; taken says that another key has h. Key may be a scratch
// buffer's bytes: it is copied when kept.
func (d *Dictionary) add(key, name string, h uint64, taken bool) int32 {
	i := d.entries
	if i%dictChunk == 0 {
		d.chunks = append(d.chunks, new([dictChunk]dictEntry))
	}
	d.entries++
	d.entry(i).name = name
	if len(key) > len(dynastySuffix) && key[len(key)-len(dynastySuffix):] == dynastySuffix {
		b := dynastyBit(key[:len(key)-len(dynastySuffix)])
		d.dynasties[b>>6] |= 1 << (b & 63)
	}
	if taken {
		if d.collided == nil {
			d.collided = map[string]int32{}
		}
		d.collided[d.text.str(unsafe.Slice(unsafe.StringData(key), len(key)))] = i
		return i
	}
	d.index.put(h, i)
	if d.filter.Len() < d.filter.Cap() {
		d.filter.AddHash(h)
		return i
	}
	// Full: a filter of twice the hashes, refilled, as a slice grows.
	d.filter = *bloom.New(2 * d.index.n)
	d.index.all(d.filter.AddHash)
	return i
}

// classIndex returns the index of c in d.classes, adding it; the zero
// Term has none.
func (d *Dictionary) classIndex(c rdf.Term) (uint16, bool) {
	if c.IsZero() {
		return 0, false
	}
	for i, x := range d.classes {
		if x == c {
			return uint16(i), true
		}
	}
	if len(d.classes) == 1<<16-1 {
		return 0, false // a mapping with more classes than any could have
	}
	d.classes = append(d.classes, c)
	return uint16(len(d.classes) - 1), true
}

// Len returns the number of names in d.
func (d *Dictionary) Len() int { return int(d.entries) }

// Add records name with class (zero when unknown). A name that folds to the
// key of a different name makes the key ambiguous: Lookup then finds
// neither, as resolution must not guess.
func (d *Dictionary) Add(name string, class rdf.Term) {
	ci := int32(-1)
	if i, ok := d.classIndex(class); ok {
		ci = int32(i)
	}
	d.addCanonical(ontology.CanonicalName(name), ci)
}

// addCanonical is Add for a name that is canonical already, of class
// number ci, or of none when ci is negative.
func (d *Dictionary) addCanonical(name string, ci int32) {
	// The key is folded on the stack and copied only for a new entry: a
	// run adds the same names over and over.
	var buf [64]byte
	kb := appendFoldName(buf[:0], name)
	if len(kb) == 0 || !usableKey(unsafe.String(&kb[0], len(kb))) {
		return
	}
	key := unsafe.String(&kb[0], len(kb))
	i, h, ok, taken := d.findNamed(key, name)
	if !ok {
		// The new entry has this very name: no spelling to compare.
		i = d.add(key, d.text.str(unsafe.Slice(unsafe.StringData(name), len(name))), h, taken)
	} else if e := d.entry(i); e.name != name && !sameLetters(e.name, name) {
		// "Kato" and "Katō" are one name spelt twice, anything else is a
		// clash. (Both fold to the entry's key.)
		e.ambiguous = true
	}
	if ci >= 0 {
		d.count(i, uint16(ci), 1)
	}
}

// count adds n (not 0) to entry i's count of class number ci, and reports
// whether the entry had no count of that class before.
func (d *Dictionary) count(i int32, ci uint16, n uint32) bool {
	e := d.entry(i)
	switch {
	case e.n == 0:
		e.class, e.n = ci, n
		return true
	case e.class == ci:
		e.n += n
		return false
	}
	more := d.more[i]
	for k := range more {
		if more[k].class == ci {
			more[k].n += n
			return false
		}
	}
	if d.more == nil {
		d.more = map[int32][]classCount{}
	}
	d.more[i] = append(more, classCount{class: ci, n: n})
	e.more = true
	return true
}

// sameLetters reports whether a and b differ only in diacritics and case.
func sameLetters(a, b string) bool { return foldString(a) == foldString(b) }

// AddGraph adds every entity of g that has a contract class, with its label
// and aliases, as a run's first pass over its articles does. The aliases
// are canonical names (Entity.AddAlias), and so are the labels of a graph
// without a Resolver (Graph.Entity): they are not canonicalised again.
func (d *Dictionary) AddGraph(g *Graph) {
	canonical := g.Resolver == nil
	for _, e := range g.order {
		ci, ok := d.contractIndex(e.Classes)
		if !ok {
			continue
		}
		label := e.Label
		if !canonical {
			label = ontology.CanonicalName(label)
		}
		d.addCanonical(label, ci)
		for _, a := range e.Aliases {
			if isLatinName(a) {
				d.addCanonical(a, ci)
			}
		}
	}
}

// contractIndex returns the number of the first contract class of classes
// in d.classes, adding it (-1 when d has no room for it), and whether
// classes has one.
func (d *Dictionary) contractIndex(classes []rdf.Term) (int32, bool) {
	for i := range classes {
		c := &classes[i]
		k := d.kinds.ofRef(c) // kindOf(*c)
		if k == kindNone {
			continue
		}
		if x := d.contract[k]; x != 0 {
			return int32(x) - 1, true
		}
		ci, ok := d.classIndex(*c)
		if !ok {
			return -1, true
		}
		d.contract[k] = ci + 1
		return int32(ci), true
	}
	return 0, false
}

// Lookup implements Catalog.
func (d *Dictionary) Lookup(key string) (string, rdf.Term, bool) {
	i, _, ok, _ := d.find(key)
	if !ok {
		return "", rdf.Term{}, false
	}
	return d.lookupEntry(i)
}

// lookupEntry is Lookup for the key of entry i.
func (d *Dictionary) lookupEntry(i int32) (string, rdf.Term, bool) {
	e := d.entry(i)
	if e.ambiguous {
		return "", rdf.Term{}, false
	}
	if e.n == 0 {
		return e.name, rdf.Term{}, true
	}
	if !e.more {
		return e.name, d.classes[e.class], true
	}
	var best rdf.Term
	var n uint32
	consider := func(c classCount) {
		// A state named among commanders ("Ming") is an infobox's group
		// label more often than a person: any other class wins over Person.
		if class := d.classes[c.class]; c.n > n && class != ontology.Person {
			best, n = class, c.n
		}
	}
	consider(classCount{class: e.class, n: e.n})
	for _, c := range d.more[i] {
		consider(c)
	}
	return e.name, best, true
}

// usableKey rejects keys no prose mention should be matched against: a
// single letter, a bare number, a single short common word.
func usableKey(key string) bool {
	if len(key) < 2 {
		return false
	}
	// A stop word is one word, and a key longer than all is none; most
	// keys of a stop word's length start with none of the letters stop
	// words of that length start with.
	if len(key) <= stopWordMax && stopWordStarts[len(key)]&(1<<(key[0]&63)) != 0 && stopWords[key] {
		return false
	}
	if c := key[0]; c >= 'a' && c <= 'z' {
		return true // as most keys start
	}
	for _, r := range key {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// stopWordMax is the length of the longest stop word.
var stopWordMax = func() (n int) {
	for w := range stopWords {
		n = max(n, len(w))
	}
	return n
}()

// stopWordStarts holds, for each length of stop word, a bit for the low 6
// bits of the first byte of each stop word of that length.
var stopWordStarts = func() (t [64]uint64) {
	for w := range stopWords {
		t[len(w)] |= 1 << (w[0] & 63)
	}
	return t
}()

// FoldName folds a name to a dictionary key: its words (as the prose
// tokenizer cuts them) case-folded, without diacritics, hyphens or
// apostrophes, joined by single spaces.
func FoldName(s string) string {
	var buf [64]byte
	return string(appendFoldName(buf[:0], s))
}

// appendFoldName appends FoldName(s) to b. It folds in one scan what
// tokenizing and folding each word would give: a word is a run of word
// runes, which a joiner between two of them ("Won-ik", "Manch'un") does
// not end and folding drops; a possessive "'s" ends a word and is dropped
// with the apostrophe; every other rune ends a word. Most names are ASCII
// letters, digits and spaces, a table look-up a byte.
func appendFoldName(b []byte, s string) []byte {
	// The ASCII words and separators at the start, all of most names,
	// are written by index into room made once: each byte of s gives at
	// most one byte of the key, and only the first word's space has no
	// separator byte to stand for.
	if cap(b)-len(b) <= len(s) {
		b = slices.Grow(b, len(s)+1)
	}
	n := len(b)
	out := b[:cap(b)]
	inWord := false
	i := 0
	if n == 0 && len(s) >= 8 && s[0] != ' ' && s[len(s)-1] != ' ' {
		i = foldPlainName(out, s)
		n = i
		if i == len(s) {
			return out[:n]
		}
		// Folded as the loop below would have, up to s[i]: but for a
		// space before it, which the loop writes when a word follows.
		if i > 0 {
			if s[i-1] == ' ' {
				n--
			} else {
				inWord = true
			}
		}
	}
	for i < len(s) {
		c := s[i]
		if foldByte[c] == 0 {
			if c >= utf8.RuneSelf || c == '-' || c == '\'' {
				break
			}
			inWord = false
			i++
			continue
		}
		if !inWord {
			if n > 0 {
				out[n] = ' '
				n++
			}
			inWord = true
		}
		if len(s) >= 8 && n+8 <= len(out) {
			// Up to 8 of the word's bytes at once, lower-cased as a
			// word; the bytes stored past the word's end are
			// overwritten or past the key. Near the end of s the last
			// 8 bytes are loaded, shifted so that zeros, no word bytes,
			// follow s's end.
			var x uint64
			if i+8 <= len(s) {
				x = load64(s, i)
			} else {
				x = load64(s, len(s)-8) >> (8 * (i + 8 - len(s)))
			}
			letters, alnum := asciiClasses(x)
			k := bits.TrailingZeros64(^alnum&highBits) >> 3
			binary.LittleEndian.PutUint64(out[n:], x|letters>>2)
			i += k
			n += k
			continue
		}
		out[n] = foldByte[c]
		n++
		i++
	}
	if i == len(s) {
		return out[:n]
	}
	return appendFoldNameFrom(out[:n], s, i, inWord)
}

// foldPlainName writes to out the fold of the longest prefix of s, of at
// least 8 bytes and with room for it in out, that is ASCII letters and
// digits in words that single spaces part, 8 bytes at a time, and returns
// its length: all of s for most names, whose key is then the name
// lower-cased, with no word to find. The prefix ends at a multiple of 8
// bytes but for the last 8 bytes of s, which s must not end with a space
// in.
func foldPlainName(out []byte, s string) int {
	var before uint64 // the top bit of the byte before x, if a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		letters, alnum := asciiClasses(x)
		spaces := spaceBytes(x)
		if alnum|spaces != highBits || spaces&(spaces<<8|before) != 0 {
			return i
		}
		before = spaces >> 56
		binary.LittleEndian.PutUint64(out[i:], x|letters>>2)
	}
	if r := len(s) - i; r > 0 {
		// The last 8 bytes, whose first 8-r bytes were folded above.
		x := load64(s, len(s)-8)
		letters, alnum := asciiClasses(x)
		spaces := spaceBytes(x)
		if alnum|spaces != highBits || spaces&(spaces<<8) != 0 {
			return i
		}
		binary.LittleEndian.PutUint64(out[len(s)-8:], x|letters>>2)
	}
	return len(s)
}

// spaceBytes returns the top bit of each byte of x that is a space.
func spaceBytes(x uint64) uint64 {
	y := x ^ 0x2020202020202020
	return ^((y&^highBits + ^uint64(highBits)) | y) & highBits
}

// appendFoldNameFrom is appendFoldName from s[i], a joiner or a byte
// beyond ASCII, inWord telling whether s[i-1] is in a word.
func appendFoldNameFrom(b []byte, s string, i int, inWord bool) []byte {
	for i < len(s) {
		c := s[i]
		if f := foldByte[c]; f != 0 {
			if !inWord {
				if len(b) > 0 {
					b = append(b, ' ')
				}
				inWord = true
			}
			b = append(b, f)
			i++
			continue
		}
		if c < utf8.RuneSelf && c != '-' && c != '\'' {
			inWord = false
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r < foldTableEnd && foldWord[r-utf8.RuneSelf] || r >= foldTableEnd && isWordRuneSlow(r) {
				if !inWord {
					if len(b) > 0 {
						b = append(b, ' ')
					}
					inWord = true
				}
				b = appendFoldRune(b, r)
				i += n
				continue
			}
		}
		i += n
		if !inWord || !isJoiner(r) {
			inWord = false
			continue
		}
		// As nextToken: a joiner followed by a word rune joins, but for a
		// possessive "'s" at the word's end, which ends it.
		if i < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r2) {
				if (r == '\'' || r == '’') && (r2 == 's' || r2 == 'S') {
					if r3, _ := utf8.DecodeRuneInString(s[i+n2:]); i+n2 >= len(s) || !isWordRune(r3) {
						i += n2
						inWord = false
					}
				}
				continue
			}
		}
		inWord = false
	}
	return b
}

// foldByte folds each ASCII letter and digit, a word byte, to what
// FoldName makes of it; every other byte maps to 0.
var foldByte = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case asciiWord[c]:
			t[c] = byte(c)
		}
	}
	return t
}()

// foldString lower-cases s and removes diacritics, hyphens, apostrophes and
// every other non-letter, non-digit rune: "Myŏngwŏn" gives "myongwon" and
// "Won-ik" "wonik".
func foldString(s string) string {
	var buf [64]byte
	return string(appendFold(buf[:0], s))
}

// appendFold appends foldString(s) to b.
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return appendFoldUnicode(b, s[i:])
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return b
}

// appendFoldUnicode is appendFold past the first non-ASCII byte. It folds
// rune by rune, which gives what folding the NFKD form of the whole string
// gives: NFKD decomposes each rune on its own and then only reorders
// combining marks, which folding drops (TestFoldRunesSeparable checks
// that no letter or digit is a reordered mark). The ASCII before it folds
// the same either way.
func appendFoldUnicode(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				b = append(b, byte(r))
			}
		default:
			b = appendFoldRune(b, r)
		}
	}
	return b
}

// appendFoldRune appends the fold of r, a rune beyond ASCII, to b: from
// the table, or for the two blocks beyond it that names in English text
// use most, as foldRune would make it (TestFoldRuneBlocks checks), and
// otherwise from foldRune, which normalises the rune, at a cost.
func appendFoldRune(b []byte, r rune) []byte {
	switch {
	case r < foldTableEnd:
		return append(b, foldTable[r-utf8.RuneSelf]...)
	case r >= punctuationFirst && r <= punctuationLast:
		// General Punctuation ("–", "’") has no letter or digit.
		return b
	case r >= ideographFirst && r <= ideographLast:
		// CJK Unified Ideographs are letters without case or
		// decomposition.
		return utf8.AppendRune(b, r)
	}
	return append(b, foldRune(r)...)
}

// The blocks of runes that appendFoldRune folds without foldRune.
const (
	punctuationFirst, punctuationLast = 0x2000, 0x206f
	ideographFirst, ideographLast     = 0x4e00, 0x9fff
)

// foldTableEnd bounds the runes whose folds are computed once: Latin,
// IPA, Greek and Cyrillic, the scripts of most names in English text.
const foldTableEnd = 0x530

var foldTable = func() (t [foldTableEnd - utf8.RuneSelf]string) {
	for i := range t {
		t[i] = foldRune(rune(i + utf8.RuneSelf))
	}
	return t
}()

// foldWord tells the runes of foldTable that are word runes (isWordRune),
// which the Unicode tables tell at a cost.
var foldWord = func() (t [foldTableEnd - utf8.RuneSelf]bool) {
	for i := range t {
		t[i] = isWordRuneSlow(rune(i + utf8.RuneSelf))
	}
	return t
}()

// foldRune folds one rune: its NFKD decomposition lower-cased, without
// marks and without what is not a letter or digit. Invalid UTF-8 decodes
// to U+FFFD, which is neither.
func foldRune(r rune) string {
	var out []byte
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case unicode.IsLetter(d) || unicode.IsDigit(d):
			out = utf8.AppendRune(out, unicode.ToLower(d))
		}
	}
	return string(out)
}

// phoneticKey folds a folded key further so that the romanisations of one
// Korean or Chinese name meet: McCune–Reischauer and Revised Romanization
// differ in eo/o, eu/u and voicing (Pyeongyang/Pyongyang, Myeongwon/
// Myŏngwŏn, Dusu/Tusu, Gaeseong/Kaesong, Busan/Pusan). It is used only to
// unify names within one article, never to match a catalog.
func phoneticKey(key string) string {
	return string(appendPhonetic(make([]byte, 0, len(key)), key))
}

// appendPhonetic appends phoneticKey(key) to b, so that look-ups can use a
// scratch buffer.
func appendPhonetic(b []byte, key string) []byte {
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch c {
		case 'e':
			if i+1 < len(key) && (key[i+1] == 'o' || key[i+1] == 'u') {
				continue // eo → o, eu → u
			}
		case 'c', 's':
			if i+1 < len(key) && key[i+1] == 'h' {
				i++ // ch → c, sh → s
			}
		}
		b = append(b, phoneticByte[c])
	}
	return b
}

// phoneticByte maps each byte to itself, but for the consonants whose
// voiced and unvoiced (or r and l) romanisations appendPhonetic unifies.
var phoneticByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	t['j'], t['g'], t['d'], t['b'], t['r'] = 'c', 'k', 't', 'p', 'l'
	return t
}()

// phoneticFirst returns the first byte of phoneticKey(key), which must not
// be empty, without building the key: a look-up tests it against the
// first bytes of the keys an article has before folding the whole key.
func phoneticFirst(key string) byte {
	c := key[0]
	if c == 'e' && len(key) > 1 && (key[1] == 'o' || key[1] == 'u') {
		return key[1]
	}
	switch c {
	case 'j':
		return 'c'
	case 'g':
		return 'k'
	case 'd':
		return 't'
	case 'b':
		return 'p'
	case 'r':
		return 'l'
	}
	return c
}

// Merge adds the names of q, names added after d's, to d, as if they had
// been added to d in q's order: the first name of a key stays its name,
// class counts add up, and a key is ambiguous when either dictionary
// found it so or their first names differ in more than diacritics and
// case (the test Add makes, which is an equivalence).
func (d *Dictionary) Merge(q *Dictionary) {
	classOf := make([]int32, len(q.classes))
	for i, c := range q.classes {
		classOf[i] = -1
		if ci, ok := d.classIndex(c); ok {
			classOf[i] = int32(ci)
		}
	}
	var buf [64]byte
	for i := range q.entries {
		qe := q.entry(i)
		kb := appendFoldName(buf[:0], qe.name)
		key := unsafe.String(unsafe.SliceData(kb), len(kb))
		j, h, found, taken := d.find(key)
		if !found {
			j = d.add(key, qe.name, h, taken)
		}
		e := d.entry(j)
		switch {
		case !found:
			e.ambiguous = qe.ambiguous
		case qe.ambiguous || !sameLetters(e.name, qe.name):
			e.ambiguous = true
		}
		if qe.n == 0 {
			continue
		}
		if ci := classOf[qe.class]; ci >= 0 {
			d.count(j, uint16(ci), qe.n)
		}
		for _, qc := range q.more[i] {
			if ci := classOf[qc.class]; ci >= 0 {
				d.count(j, uint16(ci), qc.n)
			}
		}
	}
}
