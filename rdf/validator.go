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
	iris [validatorSlots]string
}

// validatorSlots is the size of the cache: an article names a hundred
// IRIs or so, its vocabulary's among them, which 64 slots did not hold.
const validatorSlots = 256

// Term returns t.Validate().
func (v *Validator) Term(t Term) error {
	if t.Kind != KindIRI || t.Value == "" {
		return t.Validate()
	}
	i := (uintptr(unsafe.Pointer(unsafe.StringData(t.Value)))>>3 ^ uintptr(len(t.Value))) % validatorSlots
	if v.iris[i] == t.Value {
		return nil
	}
	if err := t.Validate(); err != nil {
		return err
	}
	v.iris[i] = t.Value
	return nil
}

// Quad returns q.Validate().
func (v *Validator) Quad(q Quad) error {
	if err := q.checkPositions(); err != nil {
		return err
	}
	for _, t := range [...]Term{q.S, q.P, q.O} {
		if err := v.Term(t); err != nil {
			return err
		}
	}
	if !q.G.IsZero() {
		return v.Term(q.G)
	}
	return nil
}
