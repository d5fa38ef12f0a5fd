// Package rdf holds the small, comparable RDF term type that every other
// package of wikikg builds on: IRIs, blank nodes and literals, and the triples
// and quads made of them.
//
// Terms are plain values: two terms are equal (==) exactly when they are the
// same RDF term, datatype and language tag included. Constructors never fail;
// Validate says whether a term may be written as RDF.
package rdf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind tells which of the three kinds of RDF term a Term is.
type Kind uint8

// The kinds of term. The zero Kind marks the zero Term, which is no term at all.
const (
	KindNone Kind = iota
	KindIRI
	KindBlank
	KindLiteral
)

// Well-known datatype IRIs.
const (
	XSDString     = "http://www.w3.org/2001/XMLSchema#string"
	XSDInteger    = "http://www.w3.org/2001/XMLSchema#integer"
	XSDDecimal    = "http://www.w3.org/2001/XMLSchema#decimal"
	XSDDouble     = "http://www.w3.org/2001/XMLSchema#double"
	XSDBoolean    = "http://www.w3.org/2001/XMLSchema#boolean"
	XSDDate       = "http://www.w3.org/2001/XMLSchema#date"
	XSDGYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth"
	XSDGYear      = "http://www.w3.org/2001/XMLSchema#gYear"
	XSDAnyURI     = "http://www.w3.org/2001/XMLSchema#anyURI"
	RDFLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	RDFType       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

// Term is an RDF term. For an IRI, Value is the IRI; for a blank node, its
// label (without "_:"); for a literal, its lexical form, with Datatype set
// (xsd:string for plain literals, rdf:langString when Lang is set).
type Term struct {
	Kind     Kind
	Value    string
	Datatype string
	Lang     string
}

// IRI returns the IRI term s.
func IRI(s string) Term { return Term{Kind: KindIRI, Value: s} }

// Blank returns the blank node labelled label.
func Blank(label string) Term { return Term{Kind: KindBlank, Value: label} }

// String returns the simple literal s (datatype xsd:string).
func String(s string) Term { return Term{Kind: KindLiteral, Value: s, Datatype: XSDString} }

// LangString returns the literal s tagged with language lang, normalised to
// lower case as RDF 1.1 compares tags case-insensitively.
func LangString(s, lang string) Term {
	return Term{Kind: KindLiteral, Value: s, Datatype: RDFLangString, Lang: strings.ToLower(lang)}
}

// Typed returns the literal with lexical form s and datatype dt. An empty dt
// means xsd:string.
func Typed(s, dt string) Term {
	if dt == "" {
		dt = XSDString
	}
	return Term{Kind: KindLiteral, Value: s, Datatype: dt}
}

// Integer returns n as an xsd:integer literal.
func Integer(n int64) Term { return Typed(strconv.FormatInt(n, 10), XSDInteger) }

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t.Kind == KindNone }

// IsIRI reports whether t is an IRI.
func (t Term) IsIRI() bool { return t.Kind == KindIRI }

// IsBlank reports whether t is a blank node.
func (t Term) IsBlank() bool { return t.Kind == KindBlank }

// IsLiteral reports whether t is a literal.
func (t Term) IsLiteral() bool { return t.Kind == KindLiteral }

// String returns t in N-Triples syntax.
func (t Term) String() string {
	var b strings.Builder
	AppendNTriples(&b, t)
	return b.String()
}

// Triple is an RDF triple.
type Triple struct {
	S, P, O Term
}

// Quad is a triple in a graph; the zero G means the default graph.
type Quad struct {
	S, P, O, G Term
}

// Triple returns q without its graph.
func (q Quad) Triple() Triple { return Triple{q.S, q.P, q.O} }

// Validation errors.
var (
	ErrEmptyIRI      = errors.New("empty IRI")
	ErrBadIRI        = errors.New("IRI holds a character not allowed in IRIs")
	ErrRelativeIRI   = errors.New("IRI has no scheme")
	ErrBadUTF8       = errors.New("invalid UTF-8")
	ErrBadBlank      = errors.New("invalid blank node label")
	ErrBadLang       = errors.New("invalid language tag")
	ErrNoTerm        = errors.New("zero term")
	ErrBadPosition   = errors.New("term not allowed in this position")
	ErrBadLexical    = errors.New("lexical form does not match datatype")
	ErrLangDatatype  = errors.New("language tag requires rdf:langString")
	ErrMissingDataty = errors.New("literal without datatype")
)

// Validate reports whether t can be written in every RDF syntax: an absolute
// IRI with no character that IRIs forbid, a blank node label that N-Triples
// accepts, a literal of valid UTF-8 with a well-formed language tag, and, for
// the XSD datatypes wikikg writes, a lexical form in the datatype's space.
func (t Term) Validate() error {
	switch t.Kind {
	case KindIRI:
		return validateIRI(t.Value)
	case KindBlank:
		return validateBlank(t.Value)
	case KindLiteral:
		if !utf8.ValidString(t.Value) {
			return ErrBadUTF8
		}
		if t.Datatype == "" {
			return ErrMissingDataty
		}
		if t.Lang != "" {
			if t.Datatype != RDFLangString {
				return ErrLangDatatype
			}
			if t.Lang == "en" {
				return nil // the tag of nearly every literal wikikg writes
			}
			return validateLang(t.Lang)
		}
		if t.Datatype == RDFLangString {
			return ErrBadLang
		}
		// The datatypes wikikg writes are constants known to be valid;
		// skipping them matters as every literal of every quad is checked.
		// They are told apart by their local names, as their IRIs share
		// the namespace, which comparing them whole would read each time.
		local := xsdLocal(t.Datatype)
		if !knownLocal(local) {
			if err := validateIRI(t.Datatype); err != nil {
				return fmt.Errorf("datatype: %w", err)
			}
		}
		if !validLexical(t.Value, local) {
			return fmt.Errorf("%w: %q is not a valid %s", ErrBadLexical, t.Value, t.Datatype)
		}
		return nil
	}
	return ErrNoTerm
}

// Validate reports whether q is a valid RDF quad: IRI or blank subject, IRI
// predicate, any object, and an IRI, blank or default graph.
func (q Quad) Validate() error {
	if err := q.checkPositions(); err != nil {
		return err
	}
	for _, t := range []Term{q.S, q.P, q.O} {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	if !q.G.IsZero() {
		return q.G.Validate()
	}
	return nil
}

// checkPositions reports a term of a kind its position does not allow.
func (q Quad) checkPositions() error {
	if !(q.S.IsIRI() || q.S.IsBlank()) {
		return fmt.Errorf("subject: %w", ErrBadPosition)
	}
	if !q.P.IsIRI() {
		return fmt.Errorf("predicate: %w", ErrBadPosition)
	}
	if !(q.G.IsZero() || q.G.IsIRI() || q.G.IsBlank()) {
		return fmt.Errorf("graph: %w", ErrBadPosition)
	}
	return nil
}

func validateIRI(s string) error {
	if s == "" {
		return ErrEmptyIRI
	}
	colon := strings.IndexByte(s, ':')
	if colon < 1 {
		return relativeOrUTF8(s)
	}
	for i := 0; i < colon; i++ {
		c := s[i]
		alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !(alpha || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return relativeOrUTF8(s)
		}
	}
	return validateIRIFrom(s, 0)
}

// validateIRIFrom is validateIRI for an s whose scheme is valid and whose
// bytes before i are valid in an IRI, a '%' among them followed by two
// hex digits: the rest is checked as validateIRI would check it.
func validateIRIFrom(s string, i int) error {
	// One pass over the bytes, with a table for ASCII, as this runs for
	// every IRI of every quad written; eight plain bytes at a time first,
	// which takes most IRIs whole but their last few bytes.
	for ; len(s)-i >= 8; i += 8 {
		b := s[i : i+8]
		if iriPlain8[b[0]]&iriPlain8[b[1]]&iriPlain8[b[2]]&iriPlain8[b[3]]&iriPlain8[b[4]]&iriPlain8[b[5]]&iriPlain8[b[6]]&iriPlain8[b[7]] == 0 {
			break
		}
	}
	for i < len(s) {
		c := s[i]
		if iriPlain[c] {
			i++ // the common case, one table look-up a byte
			continue
		}
		if c < utf8.RuneSelf {
			if !iriASCII[c] {
				return fmt.Errorf("%w: %q", ErrBadIRI, rune(c))
			}
			// RFC 3987 allows '%' only as the start of a %HH escape;
			// JSON-LD processors drop IRIs that break this, and Turtle
			// cannot write them as prefixed names.
			if c == '%' && (i+2 >= len(s) || !isHexDigit(s[i+1]) || !isHexDigit(s[i+2])) {
				return fmt.Errorf("%w: %q not followed by two hex digits", ErrBadIRI, rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return ErrBadUTF8
		}
		if !iriChar(r) {
			return fmt.Errorf("%w: %q", ErrBadIRI, r)
		}
		i += size
	}
	return nil
}

// relativeOrUTF8 is the error for an IRI without a valid scheme: invalid
// UTF-8 is reported first, as it is the graver fault.
func relativeOrUTF8(s string) error {
	if !utf8.ValidString(s) {
		return ErrBadUTF8
	}
	return ErrRelativeIRI
}

// iriASCII tells, for each ASCII byte, whether iriChar accepts it.
var iriASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = iriChar(rune(c))
	}
	return t
}()

// iriPlain tells, for each byte, whether it is an ASCII character iriChar
// accepts other than '%', which needs no further check.
var iriPlain = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = iriChar(rune(c)) && c != '%'
	}
	return t
}()

// iriPlain8 is iriPlain as bytes, 1 for true, to AND eight look-ups.
var iriPlain8 = func() (t [256]uint8) {
	for c, ok := range iriPlain {
		if ok {
			t[c] = 1
		}
	}
	return t
}()

// xsdNS is the namespace of the XSD datatypes.
const xsdNS = "http://www.w3.org/2001/XMLSchema#"

// xsdLocal returns the local name of dt in the XSD namespace, or "" for
// a dt outside it.
func xsdLocal(dt string) string {
	if len(dt) > len(xsdNS) && dt[:len(xsdNS)] == xsdNS {
		return dt[len(xsdNS):]
	}
	return ""
}

// knownLocal reports whether local is the local name (see xsdLocal) of
// one of the well-known datatype IRIs, which are valid.
func knownLocal(local string) bool {
	switch local {
	case "string", "integer", "decimal", "double", "boolean", "date", "gYearMonth", "gYear", "anyURI":
		return true
	}
	return false
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// iriChar reports whether r may stand unescaped in an IRIREF of N-Triples
// and Turtle, and in an RFC 3987 IRI: no controls, space or <>"{}|^`\.
func iriChar(r rune) bool {
	if r <= 0x20 || r == 0x7f {
		return false
	}
	switch r {
	case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		return false
	}
	if r >= 0x80 && r <= 0x9f || r == utf8.RuneError || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe {
		return false
	}
	if r >= 0xd800 && r <= 0xdfff {
		return false
	}
	return true
}

// validateBlank accepts the ASCII subset of N-Triples' BLANK_NODE_LABEL,
// minus two dots in a row: the grammar allows "a..b", but some parsers
// (github.com/knakk/rdf rejects it, and hangs on it as an N-Quads graph
// label) do not, and generated labels never need it.
func validateBlank(s string) error {
	if s == "" || strings.Contains(s, "..") {
		return ErrBadBlank
	}
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
		if i > 0 && i < len(s)-1 {
			ok = ok || r == '-' || r == '.'
		} else if i > 0 {
			ok = ok || r == '-'
		}
		if !ok {
			return ErrBadBlank
		}
	}
	return nil
}

// validateLang checks the BCP 47 shape that N-Triples accepts:
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validateLang(s string) error {
	// Subtags are cut without strings.Split: every literal is checked.
	for i := 0; ; i++ {
		p, rest, more := strings.Cut(s, "-")
		if p == "" || len(p) > 8 {
			return ErrBadLang
		}
		for j := 0; j < len(p); j++ {
			c := p[j]
			alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !(alpha || i > 0 && c >= '0' && c <= '9') {
				return ErrBadLang
			}
		}
		if !more {
			return nil
		}
		s = rest
	}
}

// Prefix binds a namespace prefix to an IRI, for syntaxes that abbreviate.
type Prefix struct {
	Name, IRI string
}
