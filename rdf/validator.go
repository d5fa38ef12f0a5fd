package rdf

import "unsafe"

// Validator validates quads as Quad.Validate does, remembering the IRIs it
// found valid: the subjects, predicates and graph names of a stream repeat
// from quad to quad, and an IRI seen before is not scanned again. The zero
// Validator is ready to use; one must not be used concurrently.
type Validator struct {
	// iris is a direct-mapped cache indexed by the address and length of
	// an IRI's bytes: the same string value shared by many quads hits the
	// same slot. A hit compares contents, so distinct strings are safe.
	// It holds the IRIs Term found valid: the vocabulary's and the like,
	// which every document uses.
	iris [validatorSlots]string
	// minted holds the IRIs PrefixedIRI found valid, as iris does: a
	// document's own entities, which are many and new in every document,
	// and in iris would push the vocabulary out.
	minted [mintedSlots]string
	// prefix is the last valid prefix PrefixedIRI or MintedIRI was given,
	// and prefix2 the one before it: a document's entities share one, and
	// the links to its source pages another.
	prefix, prefix2 string
}

// validatorSlots is the size of the cache of Term's IRIs: a run's
// vocabulary and infobox properties are several hundred IRIs, which 256
// slots did not hold without collisions; mintedSlots is that of
// PrefixedIRI's, the few dozen entities of an article.
const (
	validatorSlots = 1024
	mintedSlots    = 256
)

// Term returns t.Validate().
func (v *Validator) Term(t Term) error { return v.term(&t) }

// term is Term for a term passed by address: a Term is seven words.
func (v *Validator) term(t *Term) error {
	if t.Kind != KindIRI || t.Value == "" {
		return t.Validate()
	}
	i := slot(t.Value)
	if same(v.iris[i%validatorSlots], t.Value) || same(v.minted[i%mintedSlots], t.Value) {
		return nil
	}
	if err := t.Validate(); err != nil {
		return err
	}
	v.iris[i%validatorSlots] = t.Value
	return nil
}

// PrefixedIRI returns IRI(s).Validate() for an s that begins with
// prefix, one many IRIs share, such as the base of entity IRIs: a valid
// prefix is remembered, and only the rest of s is scanned then. (An IRI
// whose prefix is valid is valid when the rest holds only characters
// valid in an IRI, and each '%' there is followed by two hex digits.) The
// caller vouches that s begins with prefix, having made s by appending
// to it: the bytes of s are not compared with it, and the string prefix,
// which is kept, is most often the very one given before. A valid s is
// remembered as Term remembers it.
func (v *Validator) PrefixedIRI(prefix, s string) error {
	n := len(prefix)
	if n == 0 || n > len(s) {
		return v.Term(IRI(s))
	}
	if !v.validPrefix(prefix) {
		return v.Term(IRI(s))
	}
	if err := validateIRIFrom(s, n); err != nil {
		return err
	}
	v.minted[slot(s)%mintedSlots] = s
	return nil
}

// MintedIRI is PrefixedIRI for an s whose rest after prefix its caller
// made of characters valid in an IRI other than '%', as minting an
// entity's IRI from a name checked character by character does: only
// the prefix is validated, once while it is the one given before, and
// the rest is not scanned again.
func (v *Validator) MintedIRI(prefix, s string) error {
	if len(prefix) == 0 || len(prefix) > len(s) || !v.validPrefix(prefix) {
		return v.Term(IRI(s))
	}
	v.minted[slot(s)%mintedSlots] = s
	return nil
}

// validPrefix reports whether prefix is a valid IRI, and remembers it if
// so: it is most often the very string given the last time, or the time
// before.
func (v *Validator) validPrefix(prefix string) bool {
	if same(prefix, v.prefix) || same(prefix, v.prefix2) {
		return true
	}
	if validateIRI(prefix) != nil {
		return false
	}
	v.prefix, v.prefix2 = prefix, v.prefix
	return true
}

// slot returns the hash of s that, modulo their sizes, gives its slots in
// Validator.iris and minted: the address and length of its bytes.
func slot(s string) uintptr {
	return uintptr(unsafe.Pointer(unsafe.StringData(s)))>>3 ^ uintptr(len(s))
}

// same reports whether a == b, comparing their addresses first: a hit
// in the cache is most often the very string that was looked up, and
// its bytes need no reading then.
func same(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// Quad returns q.Validate().
func (v *Validator) Quad(q Quad) error {
	if err := q.checkPositions(); err != nil {
		return err
	}
	if err := v.Triple(&q.S, &q.P, &q.O); err != nil {
		return err
	}
	if !q.G.IsZero() {
		return v.term(&q.G)
	}
	return nil
}

// Triple returns Quad{S: *s, P: *p, O: *o}.Validate(), without copying
// the terms into a quad: a graph checks every triple added to it.
func (v *Validator) Triple(s, p, o *Term) error {
	if s.Kind != KindIRI && s.Kind != KindBlank || p.Kind != KindIRI {
		return (&Quad{S: *s, P: *p}).checkPositions()
	}
	if err := v.term(s); err != nil {
		return err
	}
	if err := v.term(p); err != nil {
		return err
	}
	return v.term(o)
}
