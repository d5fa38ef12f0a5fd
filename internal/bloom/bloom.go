// Package bloom is a blocked Bloom filter over strings. It lets a look-up in
// a map of millions of keys, most of which find nothing, answer "absent"
// from a bit array small enough to stay in the processor's cache, where the
// map's own probe would miss it.
package bloom

import "math/bits"

// bitsPerKey sizes a filter: with 16 bits per key and four bits set per
// key inside one 64-bit block, fewer than one absent key in a hundred
// passes (0.3–0.5% in TestFilter).
const bitsPerKey = 16

// Filter is a set of strings that may answer "present" for an absent
// string, never "absent" for a present one. Its answers are the same in
// every process. Its zero value holds nothing and answers "present" to
// everything: a filter not yet sized filters nothing. A Filter is safe
// for concurrent MayContain calls once filled.
type Filter struct {
	blocks []uint64
	mask   uint64 // len(blocks)-1, a power of two minus one
	n      int
}

// New returns a filter sized for n strings. More may be added, at a rising
// rate of false positives.
func New(n int) *Filter {
	words := max(1, (n*bitsPerKey+63)/64)
	size := 1 << bits.Len(uint(words-1))
	return &Filter{blocks: make([]uint64, size), mask: uint64(size - 1)}
}

// Len returns the number of strings added.
func (f *Filter) Len() int { return f.n }

// Cap returns the number of strings the filter was sized for.
func (f *Filter) Cap() int { return len(f.blocks) * 64 / bitsPerKey }

// Add adds s.
func (f *Filter) Add(s string) { f.AddHash(Hash(s)) }

// AddHash adds the string whose Hash is h.
func (f *Filter) AddHash(h uint64) {
	if f.blocks == nil {
		return
	}
	i, m := f.probe(h)
	f.blocks[i] |= m
	f.n++
}

// MayContain reports whether s may have been added; false means it was
// not.
func (f *Filter) MayContain(s string) bool { return f.MayContainHash(Hash(s)) }

// MayContainHash is MayContain for the string whose Hash is h.
func (f *Filter) MayContainHash(h uint64) bool {
	if f.blocks == nil {
		return true
	}
	i, m := f.probe(h)
	return f.blocks[i]&m == m
}

// probe returns the block of hash h and the four bits it sets there: the
// hash's low bits pick the block, four 6-bit fields of its high bits the
// bits.
func (f *Filter) probe(h uint64) (uint64, uint64) {
	m := uint64(1)<<(h>>58) | uint64(1)<<(h>>52&63) | uint64(1)<<(h>>46&63) | uint64(1)<<(h>>40&63)
	return h & f.mask, m
}

// Hash is the 64-bit hash of s that filters use, the same in every
// process (unlike hash/maphash's), so that what a filter answers can be
// tested: 8-byte words folded in by 128-bit multiplication, as wyhash
// does. A caller that also keys a map by it hashes each string once.
func Hash(s string) uint64 {
	const m1, m2, m3 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	h := uint64(len(s)) ^ m3
	for ; len(s) >= 8; s = s[8:] {
		h = mix(h^m1^(uint64(s[0])|uint64(s[1])<<8|uint64(s[2])<<16|uint64(s[3])<<24|
			uint64(s[4])<<32|uint64(s[5])<<40|uint64(s[6])<<48|uint64(s[7])<<56), m2)
	}
	var tail uint64
	for i := len(s) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(s[i])
	}
	return mix(mix(h^m1^tail, m2), m3)
}

// HashLowerASCII returns Hash of s with its ASCII upper-case letters
// lower-cased, for an s of ASCII bytes only, without building the
// lower-cased string: a caller can filter a name by its lower-case key
// and build the key only for the few names the filter lets through.
func HashLowerASCII(s string) uint64 {
	const m1, m2, m3 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	h := uint64(len(s)) ^ m3
	for ; len(s) >= 8; s = s[8:] {
		h = mix(h^m1^lowerASCII(uint64(s[0])|uint64(s[1])<<8|uint64(s[2])<<16|uint64(s[3])<<24|
			uint64(s[4])<<32|uint64(s[5])<<40|uint64(s[6])<<48|uint64(s[7])<<56), m2)
	}
	var tail uint64
	for i := len(s) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(s[i])
	}
	return mix(mix(h^m1^lowerASCII(tail), m2), m3)
}

// lowerASCII lower-cases the bytes 'A' to 'Z' of w, each of whose bytes
// is below 0x80: adding 0x3f sets a byte's top bit from 'A' on, adding
// 0x25 from 'Z'+1 on, and neither carries into the next byte.
func lowerASCII(w uint64) uint64 {
	const ones = 0x0101010101010101
	upper := (w + 0x3f*ones) &^ (w + 0x25*ones) & (0x80 * ones)
	return w | upper>>2
}

// mix multiplies a and b into 128 bits and folds the halves together.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// HashLowerName returns HashLowerASCII(s) and true when s is printable
// ASCII whose only white space is single spaces between words, as in a
// canonical name: folding such a name for case and spacing only
// lower-cases it, so a filter of folded keys can test it by this hash
// without the fold. For any other s it returns 0 and false. It tests and
// hashes eight bytes at a time in one pass, where a test and then
// HashLowerASCII made two, and takes the tail from the last eight bytes,
// which overlap the word before.
func HashLowerName(s string) (uint64, bool) {
	const m1, m2, m3 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	n := len(s)
	if n < 8 {
		if !lowerNameBytes(s) {
			return 0, false
		}
		return HashLowerASCII(s), true
	}
	if s[0] == ' ' || s[n-1] == ' ' {
		return 0, false
	}
	h := uint64(n) ^ m3
	var last uint64 // 0x80 when the word before ended in a space
	i := 0
	for ; i+8 <= n; i += 8 {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		spaces := spaceBytes(w)
		if badBytes(w)|spaces&(spaces>>8|last) != 0 {
			return 0, false
		}
		last = spaces >> 56
		h = mix(h^m1^lowerASCII(w), m2)
	}
	var tail uint64
	if r := n - i; r > 0 {
		// Every pair of adjacent bytes across the word before is within
		// this overlapping one.
		b := s[n-8:]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		spaces := spaceBytes(w)
		if badBytes(w)|spaces&(spaces>>8) != 0 {
			return 0, false
		}
		tail = w >> (64 - 8*r)
	}
	return mix(mix(h^m1^lowerASCII(tail), m2), m3), true
}

// badBytes returns w with the top bit set of some byte if any byte of w
// is below ' ' or above '~': the carries and borrows flag bytes beyond
// the first bad one only.
func badBytes(w uint64) uint64 {
	const ones, highs uint64 = 0x0101010101010101, 0x8080808080808080
	return ((w-0x20*ones)&^w | (w + ones) | w) & highs
}

// spaceBytes returns the top bit of each byte of w that is a space,
// exactly.
func spaceBytes(w uint64) uint64 {
	const highs uint64 = 0x8080808080808080
	x := w ^ 0x2020202020202020
	return ^((x&^highs + ^highs) | x) & highs
}

// lowerNameBytes is HashLowerName's test a byte at a time, for short
// names.
func lowerNameBytes(s string) bool {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ') {
		return false
	}
	for i := 0; i < len(s); i++ {
		// One comparison for most bytes: a space, a control or a byte
		// beyond ASCII is below '!' or above '~' once shifted.
		if c := s[i]; c-'!' > '~'-'!' && (c != ' ' || s[i+1] == ' ') {
			return false
		}
	}
	return true
}
