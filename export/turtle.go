package export

import (
	"io"
	"sort"
	"strings"

	"github.com/wikikg/wikikg/rdf"
)

// TurtleEncoder writes quads as Turtle, ignoring graph names. Consecutive
// quads with the same subject share one statement (";"), and consecutive
// quads with the same subject and predicate share one predicate (",").
type TurtleEncoder struct {
	t ttlWriter
}

// NewTurtleEncoder returns an encoder writing Turtle to w, declaring
// prefixes up front and using them to abbreviate IRIs. Prefixes whose name is
// not a valid Turtle PN_PREFIX or whose IRI is not a valid absolute IRI are
// left out; of two with the same name, the first is kept.
func NewTurtleEncoder(w io.Writer, prefixes []rdf.Prefix) *TurtleEncoder {
	e := &TurtleEncoder{}
	e.t.init(w, prefixes, false)
	return e
}

// Encode writes q's triple. An invalid quad is not written: Encode returns an
// *InvalidQuadError and the encoder stays usable.
func (e *TurtleEncoder) Encode(q rdf.Quad) error { return e.t.encode(q) }

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *TurtleEncoder) EncodeValid(q rdf.Quad) error { return e.t.s.encodeValid(e, q) }

// Close ends the last statement and flushes buffered output. It does not
// close the underlying writer.
func (e *TurtleEncoder) Close() error { return e.t.close() }

// ttlWriter is the Turtle and TriG writer; TriG differs only in wrapping
// named-graph quads in "<g> { ... }" blocks.
type ttlWriter struct {
	s        sink
	pt       prefixTable
	trig     bool
	open     bool // a statement is open: lastS and lastP are set
	inGraph  bool // a "{" block of TriG is open
	lastS    rdf.Term
	lastP    rdf.Term
	lastG    rdf.Term
	anything bool // a quad has been written, so lastG is meaningful
}

func (t *ttlWriter) init(w io.Writer, prefixes []rdf.Prefix, trig bool) {
	t.s.init(w)
	t.trig = trig
	t.pt = newPrefixTable(prefixes, validTurtlePrefix)
	for _, p := range t.pt.decl {
		t.s.bw.WriteString("@prefix ")
		t.s.bw.WriteString(p.Name)
		t.s.bw.WriteString(": <")
		rdf.WriteIRIEscaped(t.s.bw, p.IRI)
		t.s.bw.WriteString("> .\n")
	}
	if len(t.pt.decl) > 0 {
		t.s.bw.WriteByte('\n')
	}
}

func (t *ttlWriter) encode(q rdf.Quad) error {
	if err := t.s.check(q); err != nil {
		return err
	}
	w := t.s.bw
	if t.trig && (!t.anything || q.G != t.lastG) {
		t.endStatement()
		if t.inGraph {
			w.WriteString("}\n")
			t.inGraph = false
		}
		if !q.G.IsZero() {
			t.writeIRIOrBlank(q.G)
			w.WriteString(" {\n")
			t.inGraph = true
		}
		t.lastG = q.G
	}
	t.anything = true
	switch {
	case t.open && q.S == t.lastS && q.P == t.lastP:
		w.WriteString(" ,\n")
		t.indent()
		w.WriteString("        ")
	case t.open && q.S == t.lastS:
		w.WriteString(" ;\n")
		t.indent()
		w.WriteString("    ")
		t.writePredicate(q.P)
		w.WriteByte(' ')
	default:
		t.endStatement()
		t.indent()
		t.writeIRIOrBlank(q.S)
		w.WriteByte(' ')
		t.writePredicate(q.P)
		w.WriteByte(' ')
	}
	t.writeObject(q.O)
	t.open = true
	t.lastS, t.lastP = q.S, q.P
	return t.s.done()
}

func (t *ttlWriter) indent() {
	if t.inGraph {
		t.s.bw.WriteString("    ")
	}
}

// endStatement closes the open statement, if any. The space before "." keeps
// a bare integer object from reading as a decimal.
func (t *ttlWriter) endStatement() {
	if t.open {
		t.s.bw.WriteString(" .\n")
		t.open = false
	}
}

func (t *ttlWriter) close() error {
	if t.s.err == nil && !t.s.closed {
		t.endStatement()
		if t.inGraph {
			t.s.bw.WriteString("}\n")
			t.inGraph = false
		}
	}
	return t.s.close()
}

func (t *ttlWriter) writePredicate(p rdf.Term) {
	if p.Value == rdf.RDFType {
		t.s.bw.WriteByte('a')
		return
	}
	t.writeIRIOrBlank(p)
}

func (t *ttlWriter) writeIRIOrBlank(x rdf.Term) {
	if x.Kind == rdf.KindIRI {
		t.writeIRI(x.Value)
		return
	}
	rdf.AppendNTriples(t.s.bw, x)
}

// writeIRI writes iri as a prefixed name when a declared prefix makes one
// that Turtle's PN_LOCAL production accepts, else as <iri>.
func (t *ttlWriter) writeIRI(iri string) {
	w := t.s.bw
	for _, p := range t.pt.byLen {
		if len(iri) >= len(p.IRI) && iri[:len(p.IRI)] == p.IRI && turtleLocalOK(iri[len(p.IRI):]) {
			w.WriteString(p.Name)
			w.WriteByte(':')
			writeTurtleLocal(w, iri[len(p.IRI):])
			return
		}
	}
	w.WriteByte('<')
	rdf.WriteIRIEscaped(w, iri)
	w.WriteByte('>')
}

func (t *ttlWriter) writeObject(o rdf.Term) {
	if o.Kind != rdf.KindLiteral {
		t.writeIRIOrBlank(o)
		return
	}
	w := t.s.bw
	switch o.Datatype {
	case rdf.XSDInteger:
		if isCanonicalInteger(o.Value) {
			w.WriteString(o.Value)
			return
		}
	case rdf.XSDBoolean:
		if o.Value == "true" || o.Value == "false" {
			w.WriteString(o.Value)
			return
		}
	case rdf.XSDDecimal:
		if isTurtleDecimal(o.Value) {
			w.WriteString(o.Value)
			return
		}
	case rdf.XSDDouble:
		if isTurtleDouble(o.Value) {
			w.WriteString(o.Value)
			return
		}
	}
	w.WriteByte('"')
	rdf.WriteStringEscaped(w, o.Value)
	w.WriteByte('"')
	switch {
	case o.Lang != "":
		w.WriteByte('@')
		w.WriteString(o.Lang)
	case o.Datatype != rdf.XSDString:
		w.WriteString("^^")
		t.writeIRI(o.Datatype)
	}
}

// isCanonicalInteger reports whether s is an xsd:integer in a form that
// Turtle's INTEGER production reads back unchanged and that looks like the
// number it is: no "+", no leading zeros, no "-0".
func isCanonicalInteger(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
		if s == "0" {
			return false
		}
	}
	if s == "" || s[0] == '0' && len(s) > 1 {
		return false
	}
	return allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isTurtleDecimal accepts -?[0-9]+.[0-9]+, a conservative subset of the
// DECIMAL production.
func isTurtleDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, ok := strings.Cut(s, ".")
	return ok && whole != "" && frac != "" && allDigits(whole) && allDigits(frac)
}

// isTurtleDouble accepts -?[0-9]+(.[0-9]+)?[eE]-?[0-9]+, a conservative
// subset of the DOUBLE production.
func isTurtleDouble(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return false
	}
	mant, exp := strings.TrimPrefix(s[:i], "-"), strings.TrimPrefix(s[i+1:], "-")
	if exp == "" || !allDigits(exp) || mant == "" {
		return false
	}
	return allDigits(mant) || isTurtleDecimal(mant)
}

// turtleLocalOK reports whether s can be written as the local part of a
// prefixed name with no escape at all. Turtle's PN_LOCAL allows much more
// (backslash escapes such as "\\#", ':' and most non-ASCII letters), but
// stores differ on those: Virtuoso 7 keeps the backslash of "res:X\\#side1"
// in the IRI. So a local name is ASCII letters, digits and '_', with '-' and
// '.' inside it and %HH escapes; anything else is written as <iri>, which
// every parser reads alike.
func turtleLocalOK(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '.' || s[len(s)-1] == '.' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			i += 2
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		default:
			return false
		}
	}
	return true
}

// writeTurtleLocal writes s, which turtleLocalOK accepted as it stands.
func writeTurtleLocal(w rdf.Writer, s string) {
	w.WriteString(s)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isPNCharsBase is Turtle's PN_CHARS_BASE.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// isPNChars is Turtle's PN_CHARS.
func isPNChars(r rune) bool {
	return isPNCharsBase(r) || r == '_' || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// validTurtlePrefix reports whether name is a PN_PREFIX (or empty):
// PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?.
func validTurtlePrefix(name string) bool {
	for i, r := range name {
		switch {
		case i == 0:
			if !isPNCharsBase(r) {
				return false
			}
		case r == '.':
			if i == len(name)-1 {
				return false
			}
		case !isPNChars(r):
			return false
		}
	}
	return true
}

// prefixTable holds the prefixes an encoder declares, and the same sorted
// longest IRI first so that abbreviation picks the most specific one.
type prefixTable struct {
	decl  []rdf.Prefix
	byLen []rdf.Prefix
}

func newPrefixTable(prefixes []rdf.Prefix, validName func(string) bool) prefixTable {
	var pt prefixTable
	seen := map[string]bool{}
	for _, p := range prefixes {
		if seen[p.Name] || !validName(p.Name) || rdf.IRI(p.IRI).Validate() != nil {
			continue
		}
		seen[p.Name] = true
		pt.decl = append(pt.decl, p)
	}
	pt.byLen = append([]rdf.Prefix(nil), pt.decl...)
	sort.SliceStable(pt.byLen, func(i, j int) bool { return len(pt.byLen[i].IRI) > len(pt.byLen[j].IRI) })
	return pt
}
