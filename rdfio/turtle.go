package rdfio

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// This file is a streaming parser of Turtle and TriG (RDF 1.1). It is this
// package's own rather than knakk/rdf's, whose lexer runs in a goroutine of
// its own and panics or loops on inputs such as ".0" (a panic there cannot
// be recovered, so a bad file would crash the reader), and which has no
// TriG. It holds one statement at a time, reports errors with line and
// column, and is strict where lax parsers are not (language tags, escapes of
// surrogates, invalid UTF-8).

const (
	rdfNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsdNS    = "http://www.w3.org/2001/XMLSchema#"
	maxToken = 48 << 10 // longest prefixed name or number, within bufio's buffer
)

// ttlParser parses one Turtle or TriG document.
type ttlParser struct {
	br        *bufio.Reader
	line, col int
	trig      bool
	prefixes  map[string]string
	base      *url.URL
	graph     rdf.Term
	bnodes    int
	emit      func(q rdf.Quad, line int)
}

// ttlError is a syntax error, raised by panic inside the parser and
// recovered in parse.
type ttlError struct{ err *SyntaxError }

// ParseTurtle parses r, calling emit for every statement, and returns the
// first syntax error (a *SyntaxError) or an I/O error.
func ParseTurtle(r io.Reader, trig bool, emit func(rdf.Quad, int)) (err error) {
	p := &ttlParser{br: bufio.NewReaderSize(r, 64<<10), line: 1, col: 1, trig: trig, prefixes: map[string]string{}, emit: emit}
	defer func() {
		if e := recover(); e != nil {
			te, ok := e.(ttlError)
			if !ok {
				panic(e)
			}
			err = te.err
		}
	}()
	for {
		p.ws()
		if p.eof() {
			return nil
		}
		p.statement()
	}
}

func (p *ttlParser) fail(format string, a ...any) {
	panic(ttlError{&SyntaxError{Line: p.line, Column: p.col, Err: fmt.Errorf(format, a...)}})
}

// peekAt returns the byte i ahead, or 0 at the end of the input.
func (p *ttlParser) peekAt(i int) byte {
	b, err := p.br.Peek(i + 1)
	if len(b) <= i {
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			panic(ttlError{&SyntaxError{Line: p.line, Column: p.col, Err: err}})
		}
		return 0
	}
	return b[i]
}

func (p *ttlParser) eof() bool {
	_, err := p.br.Peek(1)
	return err != nil
}

// next consumes and returns one byte, keeping the position.
func (p *ttlParser) next() byte {
	c, err := p.br.ReadByte()
	if err != nil {
		p.fail("unexpected end of input")
	}
	if c == '\n' {
		p.line++
		p.col = 1
	} else {
		p.col++
	}
	return c
}

func (p *ttlParser) skip(n int) {
	for i := 0; i < n; i++ {
		p.next()
	}
}

// ws skips white space and comments.
func (p *ttlParser) ws() {
	for {
		switch p.peekAt(0) {
		case ' ', '\t', '\r', '\n':
			p.next()
		case '#':
			for c := p.peekAt(0); c != '\n' && c != 0; c = p.peekAt(0) {
				p.next()
			}
		default:
			return
		}
	}
}

func (p *ttlParser) expect(c byte) {
	p.ws()
	if p.peekAt(0) != c {
		p.fail("expected %q", c)
	}
	p.next()
}

// word returns the bare word ahead (letters only), without consuming it.
func (p *ttlParser) word() string {
	var b []byte
	for i := 0; i < 16; i++ {
		c := p.peekAt(i)
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		b = append(b, c)
	}
	return string(b)
}

// keyword reports whether the case-insensitive keyword kw is ahead, as a
// whole word.
func (p *ttlParser) keyword(kw string) bool {
	w := p.word()
	if !strings.EqualFold(w, kw) {
		return false
	}
	c := p.peekAt(len(w))
	return c != ':' && !isNameByte(c)
}

func (p *ttlParser) statement() {
	switch {
	case p.peekAt(0) == '@':
		p.next()
		switch w := p.word(); w {
		case "prefix":
			p.skip(len(w))
			p.prefixDecl()
			p.expect('.')
		case "base":
			p.skip(len(w))
			p.baseDecl()
			p.expect('.')
		default:
			p.fail("unknown directive @%s", w)
		}
		return
	case p.keyword("PREFIX"):
		p.skip(6)
		p.prefixDecl()
		return
	case p.keyword("BASE"):
		p.skip(4)
		p.baseDecl()
		return
	}
	if p.trig {
		p.trigBlock()
		return
	}
	p.triples()
	p.expect('.')
}

func (p *ttlParser) prefixDecl() {
	p.ws()
	var name []byte
	for c := p.peekAt(0); c != ':'; c = p.peekAt(0) {
		if c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '<' {
			p.fail("expected a prefix name ending in ':'")
		}
		name = append(name, p.next())
	}
	p.next()
	p.ws()
	if p.peekAt(0) != '<' {
		p.fail("expected an IRI")
	}
	p.prefixes[string(name)] = p.iriRef().Value
}

func (p *ttlParser) baseDecl() {
	p.ws()
	if p.peekAt(0) != '<' {
		p.fail("expected an IRI")
	}
	u, err := url.Parse(p.iriRef().Value)
	if err != nil {
		p.fail("bad base IRI: %v", err)
	}
	p.base = u
}

// trigBlock parses one TriG statement: a graph block with or without a
// label and GRAPH, or triples in the default graph.
func (p *ttlParser) trigBlock() {
	if p.keyword("GRAPH") {
		p.skip(5)
		p.ws()
		p.graph = p.labelTerm()
		p.wrappedGraph()
		return
	}
	if p.peekAt(0) == '{' {
		p.graph = rdf.Term{}
		p.wrappedGraph()
		return
	}
	// A label, or the subject of default-graph triples.
	if c := p.peekAt(0); c != '[' && c != '(' {
		line := p.line
		t := p.labelTerm()
		p.ws()
		if p.peekAt(0) == '{' {
			p.graph = t
			p.wrappedGraph()
			return
		}
		p.graph = rdf.Term{}
		p.predicateObjectList(t, line)
		p.expect('.')
		return
	}
	p.graph = rdf.Term{}
	p.triples()
	p.expect('.')
}

func (p *ttlParser) labelTerm() rdf.Term {
	switch c := p.peekAt(0); {
	case c == '<':
		return p.iri()
	case c == '_' && p.peekAt(1) == ':':
		return p.blank()
	case c == '[' && p.peekAt(1) == ']':
		p.skip(2)
		return p.fresh()
	}
	t := p.prefixedName()
	return t
}

func (p *ttlParser) wrappedGraph() {
	p.expect('{')
	for {
		p.ws()
		if p.peekAt(0) == '}' {
			p.next()
			p.graph = rdf.Term{}
			return
		}
		p.triples()
		p.ws()
		switch p.peekAt(0) {
		case '.':
			p.next()
		case '}':
		default:
			p.fail("expected '.' or '}'")
		}
	}
}

// triples parses subject and predicate-object list.
func (p *ttlParser) triples() {
	p.ws()
	line := p.line
	switch c := p.peekAt(0); {
	case c == '[' && !p.emptyBrackets():
		s := p.propertyList()
		p.ws()
		if c := p.peekAt(0); c == '.' || c == '}' || c == 0 {
			return
		}
		p.predicateObjectList(s, line)
	case c == '(':
		p.predicateObjectList(p.collection(), line)
	default:
		p.predicateObjectList(p.subject(), line)
	}
}

func (p *ttlParser) emptyBrackets() bool {
	for i := 1; i < maxToken; i++ {
		switch p.peekAt(i) {
		case ' ', '\t', '\r', '\n':
			continue
		case ']':
			return true
		}
		return false
	}
	return false
}

func (p *ttlParser) subject() rdf.Term {
	switch c := p.peekAt(0); {
	case c == '<':
		return p.iri()
	case c == '_' && p.peekAt(1) == ':':
		return p.blank()
	case c == '[':
		p.next()
		p.expect(']')
		return p.fresh()
	}
	return p.prefixedName()
}

func (p *ttlParser) predicateObjectList(s rdf.Term, line int) {
	for {
		p.ws()
		var verb rdf.Term
		if p.peekAt(0) == 'a' && !isNameByte(p.peekAt(1)) && p.peekAt(1) != ':' {
			p.next()
			verb = rdf.IRI(rdf.RDFType)
		} else if p.peekAt(0) == '<' {
			verb = p.iri()
		} else {
			verb = p.prefixedName()
		}
		for {
			o := p.object()
			p.emit(rdf.Quad{S: s, P: verb, O: o, G: p.graph}, line)
			p.ws()
			if p.peekAt(0) != ',' {
				break
			}
			p.next()
		}
		p.ws()
		if p.peekAt(0) != ';' {
			return
		}
		for p.peekAt(0) == ';' {
			p.next()
			p.ws()
		}
		if c := p.peekAt(0); c == '.' || c == ']' || c == '}' || c == 0 {
			return
		}
	}
}

func (p *ttlParser) object() rdf.Term {
	p.ws()
	switch c := p.peekAt(0); {
	case c == '<':
		return p.iri()
	case c == '_' && p.peekAt(1) == ':':
		return p.blank()
	case c == '[':
		if p.emptyBrackets() {
			p.next()
			p.expect(']')
			return p.fresh()
		}
		return p.propertyList()
	case c == '(':
		return p.collection()
	case c == '"' || c == '\'':
		return p.literal()
	case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		return p.number()
	}
	if p.keyword("true") || p.keyword("false") {
		w := p.word()
		p.skip(len(w))
		if w != "true" && w != "false" {
			p.fail("booleans are lower case: %q", w)
		}
		return rdf.Typed(w, rdf.XSDBoolean)
	}
	return p.prefixedName()
}

// fresh returns a new blank node; the labels of the document's own blank
// nodes cannot hold '.' followed by 'g', so none collides.
func (p *ttlParser) fresh() rdf.Term {
	p.bnodes++
	return rdf.Blank("anon.g" + strconv.Itoa(p.bnodes))
}

func (p *ttlParser) propertyList() rdf.Term {
	line := p.line
	p.next() // '['
	b := p.fresh()
	p.predicateObjectList(b, line)
	p.expect(']')
	return b
}

func (p *ttlParser) collection() rdf.Term {
	line := p.line
	p.next() // '('
	head := rdf.IRI(rdfNS + "nil")
	var last rdf.Term
	for {
		p.ws()
		if p.peekAt(0) == ')' {
			p.next()
			if !last.IsZero() {
				p.emit(rdf.Quad{S: last, P: rdf.IRI(rdfNS + "rest"), O: rdf.IRI(rdfNS + "nil"), G: p.graph}, line)
			}
			return head
		}
		node := p.fresh()
		if last.IsZero() {
			head = node
		} else {
			p.emit(rdf.Quad{S: last, P: rdf.IRI(rdfNS + "rest"), O: node, G: p.graph}, line)
		}
		p.emit(rdf.Quad{S: node, P: rdf.IRI(rdfNS + "first"), O: p.object(), G: p.graph}, line)
		last = node
	}
}

// iri parses an IRIREF and resolves it against the base.
func (p *ttlParser) iri() rdf.Term {
	t := p.iriRef()
	if p.base != nil && !hasScheme(t.Value) {
		u, err := url.Parse(t.Value)
		if err != nil {
			p.fail("bad relative IRI %q: %v", t.Value, err)
		}
		t.Value = p.base.ResolveReference(u).String()
	}
	return t
}

func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for j := 0; j < i; j++ {
		c := s[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// iriRef parses <...> without resolving it.
func (p *ttlParser) iriRef() rdf.Term {
	p.next() // '<'
	var b strings.Builder
	for {
		c := p.peekAt(0)
		switch {
		case c == '>':
			p.next()
			return rdf.IRI(b.String())
		case c == '\\':
			b.WriteRune(p.uchar())
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			p.fail("character %q not allowed in an IRI", rune(c))
		default:
			b.WriteByte(p.next())
		}
	}
}

// uchar parses \uXXXX or \UXXXXXXXX.
func (p *ttlParser) uchar() rune {
	p.next() // '\\'
	n := 0
	switch p.peekAt(0) {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		p.fail("bad escape \\%c", p.peekAt(0))
	}
	p.next()
	var hex []byte
	for i := 0; i < n; i++ {
		hex = append(hex, p.next())
	}
	v, err := strconv.ParseUint(string(hex), 16, 32)
	if err != nil {
		p.fail("bad hex digits in \\u escape")
	}
	if v >= 0xD800 && v <= 0xDFFF || v > utf8.MaxRune {
		p.fail("\\u escape of U+%04X, not a Unicode scalar value (an unpaired surrogate?)", v)
	}
	return rune(v)
}

func (p *ttlParser) blank() rdf.Term {
	p.skip(2) // "_:"
	n := p.nameLen(false)
	if n == 0 {
		p.fail("empty blank node label")
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = p.next()
	}
	return rdf.Blank(string(b))
}

// isNameByte reports whether c may be in a prefixed name or blank node
// label (non-ASCII bytes are checked as runes by nameLen).
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// nameLen returns the length of the name ahead: name bytes, dots not at the
// end, and in local names ':', %HH and \-escapes.
func (p *ttlParser) nameLen(local bool) int {
	n, end := 0, 0
	for n < maxToken {
		c := p.peekAt(n)
		switch {
		case c >= 0x80:
			var buf [4]byte
			k := 0
			for ; k < 4 && p.peekAt(n+k) != 0; k++ {
				buf[k] = p.peekAt(n + k)
			}
			r, size := utf8.DecodeRune(buf[:k])
			if r == utf8.RuneError && size <= 1 {
				p.fail("invalid UTF-8")
			}
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 0xB7 || r >= 0x203F && r <= 0x2040) {
				return end
			}
			n += size
			end = n
		case isNameByte(c):
			n++
			end = n
		case c == '.':
			n++
		case local && c == ':':
			n++
			end = n
		case local && c == '%':
			if !isHex(p.peekAt(n+1)) || !isHex(p.peekAt(n+2)) {
				p.fail("'%%' not followed by two hex digits")
			}
			n += 3
			end = n
		case local && c == '\\':
			if strings.IndexByte("_~.-!$&'()*+,;=/?#@%", p.peekAt(n+1)) < 0 {
				p.fail("bad escape in a local name")
			}
			n += 2
			end = n
		default:
			return end
		}
	}
	p.fail("name too long")
	return 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// prefixedName parses prefix:local and expands it.
func (p *ttlParser) prefixedName() rdf.Term {
	var prefix []byte
	if c := p.peekAt(0); c != ':' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
		p.fail("expected an IRI, a prefixed name or a literal")
	}
	for c := p.peekAt(0); c != ':'; c = p.peekAt(0) {
		if !isNameByte(c) && c != '.' {
			p.fail("expected an IRI, a prefixed name or a literal")
		}
		prefix = append(prefix, p.next())
	}
	p.next() // ':'
	ns, ok := p.prefixes[string(prefix)]
	if !ok {
		p.fail("undeclared prefix %q", prefix)
	}
	n := p.nameLen(true)
	var b strings.Builder
	b.WriteString(ns)
	for i := 0; i < n; i++ {
		c := p.next()
		if c == '\\' {
			c = p.next()
			i++
		}
		b.WriteByte(c)
	}
	return rdf.IRI(b.String())
}

func (p *ttlParser) literal() rdf.Term {
	q := p.next()
	long := p.peekAt(0) == q && p.peekAt(1) == q
	if long {
		p.skip(2)
	}
	var b strings.Builder
	for {
		c := p.peekAt(0)
		if c == 0 && p.eof() {
			p.fail("string not closed")
		}
		if c == q {
			if !long {
				p.next()
				break
			}
			if p.peekAt(1) == q && p.peekAt(2) == q {
				// A long string may end with up to two more quotes.
				for p.peekAt(3) == q {
					b.WriteByte(p.next())
				}
				p.skip(3)
				break
			}
			b.WriteByte(p.next())
			continue
		}
		if c == '\\' {
			e := p.peekAt(1)
			if e == 'u' || e == 'U' {
				b.WriteRune(p.uchar())
				continue
			}
			i := strings.IndexByte(`tbnrf"'\`, e)
			if i < 0 {
				p.fail("bad escape \\%c", e)
			}
			p.skip(2)
			b.WriteByte("\t\b\n\r\f\"'\\"[i])
			continue
		}
		if !long && (c == '\n' || c == '\r') {
			p.fail("line break in a short string")
		}
		b.WriteByte(p.next())
	}
	lex := b.String()
	if !utf8.ValidString(lex) {
		p.fail("invalid UTF-8 in a string")
	}
	switch p.peekAt(0) {
	case '@':
		p.next()
		var tag []byte
		for c := p.peekAt(0); c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'; c = p.peekAt(0) {
			tag = append(tag, p.next())
		}
		if p.peekAt(0) == '_' {
			p.fail("invalid language tag: '_' not allowed (BCP 47 uses '-')")
		}
		if !validLangSyntax(string(tag)) {
			p.fail("invalid language tag %q", tag)
		}
		return rdf.Term{Kind: rdf.KindLiteral, Value: lex, Datatype: rdf.RDFLangString, Lang: string(tag)}
	case '^':
		if p.peekAt(1) != '^' {
			p.fail("expected '^^'")
		}
		p.skip(2)
		var dt rdf.Term
		if p.peekAt(0) == '<' {
			dt = p.iri()
		} else {
			dt = p.prefixedName()
		}
		return rdf.Term{Kind: rdf.KindLiteral, Value: lex, Datatype: dt.Value}
	}
	return rdf.String(lex)
}

// number parses an integer, decimal or double.
func (p *ttlParser) number() rdf.Term {
	n := 0
	if c := p.peekAt(0); c == '+' || c == '-' {
		n++
	}
	digits := func() int {
		k := 0
		for c := p.peekAt(n); c >= '0' && c <= '9' && n < maxToken; c = p.peekAt(n) {
			n++
			k++
		}
		return k
	}
	whole := digits()
	dt := rdf.XSDInteger
	if p.peekAt(n) == '.' {
		c := p.peekAt(n + 1)
		if c >= '0' && c <= '9' || (c == 'e' || c == 'E') && whole > 0 {
			n++
			digits()
			dt = rdf.XSDDecimal
		}
	}
	if c := p.peekAt(n); c == 'e' || c == 'E' {
		m := n + 1
		if s := p.peekAt(m); s == '+' || s == '-' {
			m++
		}
		if d := p.peekAt(m); d >= '0' && d <= '9' {
			n = m
			digits()
			dt = rdf.XSDDouble
		}
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = p.next()
	}
	s := string(b)
	if !rdf.ValidLexical(s, dt) || s == "+" || s == "-" || s == "" {
		p.fail("bad number %q", s)
	}
	return rdf.Typed(s, dt)
}
