package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/wikikg/wikikg/rdf"
)

// JSONLDEncoder writes quads as compacted JSON-LD 1.1: one document whose
// inline "@context" declares the prefixes and whose "@graph" holds a node
// object for each run of consecutive quads with the same subject. Graph
// names are ignored. The context is never fetched from anywhere: it is
// written in full, so the output stands alone.
type JSONLDEncoder struct {
	s      sink
	pref   []jsonldPrefix // longest IRI first
	node   []rdf.Quad     // the pending node object's quads
	nulled []bool         // per pref: undefined inside the pending node
	used   []bool         // per node quad: already written
	nodes  int
	sbuf   bytes.Buffer
	je     *json.Encoder
}

type jsonldPrefix struct {
	name, iri string
}

// NewJSONLDEncoder returns an encoder writing JSON-LD to w, with prefixes as
// terms of the context used to write compact IRIs. Prefixes whose name is
// not a Turtle PN_PREFIX (which rules out keywords, ':' and '/') or is "_",
// or whose IRI is not absolute, are left out.
func NewJSONLDEncoder(w io.Writer, prefixes []rdf.Prefix) *JSONLDEncoder {
	e := &JSONLDEncoder{}
	e.s.init(w)
	e.je = json.NewEncoder(&e.sbuf)
	e.je.SetEscapeHTML(false)
	pt := newPrefixTable(prefixes, func(n string) bool { return n != "" && n != "_" && validTurtlePrefix(n) })
	pt = dropSelfReferent(pt)
	for _, p := range pt.byLen {
		e.pref = append(e.pref, jsonldPrefix{p.Name, p.IRI})
	}
	e.nulled = make([]bool, len(e.pref))
	bw := e.s.bw
	bw.WriteString("{\n  \"@context\": {\n    \"@version\": 1.1")
	// "@prefix": true makes each term usable as a prefix whatever its IRI
	// ends with; JSON-LD 1.1 only infers that for IRIs ending in a
	// gen-delim character.
	for _, p := range pt.decl {
		bw.WriteString(",\n    ")
		e.writeString(p.Name)
		bw.WriteString(": {\"@id\": ")
		e.writeString(p.IRI)
		bw.WriteString(", \"@prefix\": true}")
	}
	bw.WriteString("\n  },\n  \"@graph\": [")
	return e
}

// Encode adds q's triple to the pending node object, writing the previous
// one when q's subject differs. An invalid quad is not written: Encode
// returns an *InvalidQuadError and the encoder stays usable.
func (e *JSONLDEncoder) Encode(q rdf.Quad) error {
	if err := e.s.check(q); err != nil {
		return err
	}
	q.G = rdf.Term{}
	if len(e.node) > 0 && e.node[0].S != q.S {
		e.flushNode()
	}
	e.node = append(e.node, q)
	return e.s.done()
}

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *JSONLDEncoder) EncodeValid(q rdf.Quad) error { return e.s.encodeValid(e, q) }

// Close writes the pending node object and the end of the document, and
// flushes buffered output. It does not close the underlying writer.
func (e *JSONLDEncoder) Close() error {
	if e.s.err == nil && !e.s.closed {
		if len(e.node) > 0 {
			e.flushNode()
		}
		if e.nodes > 0 {
			e.s.bw.WriteString("\n  ")
		}
		e.s.bw.WriteString("]\n}\n")
	}
	return e.s.close()
}

// flushNode writes the pending quads, all with one subject, as a node
// object: "@id", then "@type" for IRI-valued rdf:type, then one key per
// predicate in order of first appearance, so no key repeats.
func (e *JSONLDEncoder) flushNode() {
	bw := e.s.bw
	e.markConflicts()
	if e.nodes > 0 {
		bw.WriteByte(',')
	}
	e.nodes++
	bw.WriteString("\n    {")
	if e.anyNulled() {
		// An absolute IRI whose scheme is one of our terms would be read
		// as a compact IRI; turning the term's prefix flag off for this
		// node keeps the IRI absolute. (A null definition would do too,
		// but json-gold v0.9.1 crashes on it.)
		bw.WriteString("\"@context\": {")
		n := 0
		for i, p := range e.pref {
			if e.nulled[i] {
				if n > 0 {
					bw.WriteString(", ")
				}
				n++
				e.writeString(p.name)
				bw.WriteString(": {\"@id\": ")
				e.writeString(p.iri)
				bw.WriteString(", \"@prefix\": false}")
			}
		}
		bw.WriteString("}, ")
	}
	bw.WriteString("\"@id\": ")
	e.writeIRI(e.node[0].S)

	e.used = e.used[:0]
	for range e.node {
		e.used = append(e.used, false)
	}
	n := 0
	for i, q := range e.node {
		if q.P.Value != rdf.RDFType || !q.O.IsIRI() {
			continue
		}
		if n == 0 {
			bw.WriteString(", \"@type\": [")
		} else {
			bw.WriteString(", ")
		}
		n++
		e.writeIRI(q.O)
		e.used[i] = true
	}
	if n > 0 {
		bw.WriteByte(']')
	}
	for i, q := range e.node {
		if e.used[i] {
			continue
		}
		bw.WriteString(",\n      ")
		e.writeIRI(q.P)
		bw.WriteString(": [")
		for j := i; j < len(e.node); j++ {
			if e.used[j] || e.node[j].P != q.P {
				continue
			}
			if j > i {
				bw.WriteString(", ")
			}
			e.writeValue(e.node[j].O)
			e.used[j] = true
		}
		bw.WriteByte(']')
	}
	bw.WriteString("\n    }")
	clear(e.nulled)
	clear(e.node)
	e.node = e.node[:0]
}

func (e *JSONLDEncoder) anyNulled() bool {
	for _, b := range e.nulled {
		if b {
			return true
		}
	}
	return false
}

// markConflicts finds the terms that must not act as prefixes in the
// pending node: those equal to the scheme of an IRI it holds, unless the IRI
// goes on with "//", which JSON-LD reads as absolute whatever the terms.
func (e *JSONLDEncoder) markConflicts() {
	if len(e.pref) == 0 {
		return
	}
	for _, q := range e.node {
		e.markConflict(q.S)
		e.markConflict(q.P)
		e.markConflict(q.O)
	}
}

func (e *JSONLDEncoder) markConflict(t rdf.Term) {
	var iri string
	switch {
	case t.IsIRI():
		iri = t.Value
	case t.IsLiteral() && t.Lang == "" && t.Datatype != rdf.XSDString:
		iri = t.Datatype
	default:
		return
	}
	scheme, rest, _ := strings.Cut(iri, ":")
	if strings.HasPrefix(rest, "//") {
		return
	}
	for i, p := range e.pref {
		if p.name == scheme {
			e.nulled[i] = true
		}
	}
}

// dropSelfReferent leaves out the prefixes whose own IRI would be read as a
// compact IRI: a term definition's "@id" is expanded against the context,
// so "urn": "urn:x:" is a cyclic definition, and "a": "b:x" would expand
// through term b.
func dropSelfReferent(pt prefixTable) prefixTable {
	clash := func(iri string) bool {
		scheme, rest, _ := strings.Cut(iri, ":")
		if strings.HasPrefix(rest, "//") {
			return false
		}
		for _, p := range pt.decl {
			if p.Name == scheme {
				return true
			}
		}
		return false
	}
	var out prefixTable
	for _, p := range pt.decl {
		if !clash(p.IRI) {
			out.decl = append(out.decl, p)
		}
	}
	for _, p := range pt.byLen {
		if !clash(p.IRI) {
			out.byLen = append(out.byLen, p)
		}
	}
	return out
}

// writeIRI writes an IRI or blank node as a JSON string: a blank node as
// "_:label", an IRI compacted with the longest prefix that leaves a
// non-empty local part not starting with "//", else absolute.
func (e *JSONLDEncoder) writeIRI(t rdf.Term) {
	if t.IsBlank() {
		e.writeString("_:" + t.Value)
		return
	}
	e.writeString(e.compact(t.Value))
}

func (e *JSONLDEncoder) compact(iri string) string {
	for i, p := range e.pref {
		if e.nulled[i] || !strings.HasPrefix(iri, p.iri) {
			continue
		}
		local := iri[len(p.iri):]
		if local == "" || strings.HasPrefix(local, "//") {
			continue
		}
		return p.name + ":" + local
	}
	return iri
}

// writeValue writes an object: IRIs and blank nodes as {"@id": ...},
// xsd:string literals as plain strings, other literals as value objects
// whose "@value" is always a string, so no number conversion can change
// the lexical form.
func (e *JSONLDEncoder) writeValue(o rdf.Term) {
	bw := e.s.bw
	if !o.IsLiteral() {
		bw.WriteString("{\"@id\": ")
		e.writeIRI(o)
		bw.WriteByte('}')
		return
	}
	if o.Lang == "" && o.Datatype == rdf.XSDString {
		e.writeString(o.Value)
		return
	}
	bw.WriteString("{\"@value\": ")
	e.writeString(o.Value)
	if o.Lang != "" {
		bw.WriteString(", \"@language\": ")
		e.writeString(o.Lang)
	} else {
		bw.WriteString(", \"@type\": ")
		e.writeString(e.compact(o.Datatype))
	}
	bw.WriteByte('}')
}

// writeString writes s as a JSON string through encoding/json, which escapes
// controls, U+2028 and U+2029 and replaces invalid UTF-8.
func (e *JSONLDEncoder) writeString(s string) {
	e.sbuf.Reset()
	e.je.Encode(s) // cannot fail for a string
	b := e.sbuf.Bytes()
	e.s.bw.Write(b[:len(b)-1]) // drop Encode's newline
}
