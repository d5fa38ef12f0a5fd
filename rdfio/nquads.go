// Package rdfio reads the RDF syntaxes wikikg writes back into rdf.Quads:
// N-Triples and N-Quads with its own streaming parser (bounded memory, any
// file size, errors with line and column), Turtle with the knakk/rdf
// decoder, JSON-LD with json-gold (never fetching a remote context).
package rdfio

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// SyntaxError is an error in a document, at a line and column (1-based;
// the column counts bytes).
type SyntaxError struct {
	Line, Column int
	Err          error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// MaxLine bounds one N-Triples or N-Quads line.
const MaxLine = 16 << 20

// LineDecoder reads N-Triples or N-Quads one statement at a time.
type LineDecoder struct {
	br    *bufio.Reader
	quads bool
	line  int
	err   error
}

// NewLineDecoder returns a decoder of N-Quads (quads true) or N-Triples.
func NewLineDecoder(r io.Reader, quads bool) *LineDecoder {
	return &LineDecoder{br: bufio.NewReaderSize(r, 256<<10), quads: quads}
}

// Decode returns the next statement, io.EOF at the end. A *SyntaxError is
// about one line: the next call goes on with the next line. Other errors
// are sticky.
func (d *LineDecoder) Decode() (rdf.Quad, error) {
	for {
		if d.err != nil {
			return rdf.Quad{}, d.err
		}
		line, err := d.readLine()
		if err != nil {
			if err == errLineTooLong {
				return rdf.Quad{}, &SyntaxError{Line: d.line, Column: 1, Err: err}
			}
			d.err = err
			continue
		}
		p := &lineParser{s: line, line: d.line}
		p.skipSpace()
		if p.done() || p.peek() == '#' {
			continue
		}
		q, err := p.statement(d.quads)
		if err != nil {
			return rdf.Quad{}, err
		}
		return q, nil
	}
}

var errLineTooLong = errors.New("line longer than 16 MiB")

func (d *LineDecoder) readLine() (string, error) {
	d.line++
	var buf []byte
	for {
		chunk, err := d.br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLine {
			for err == bufio.ErrBufferFull {
				_, err = d.br.ReadSlice('\n')
			}
			return "", errLineTooLong
		}
		buf = append(buf, chunk...)
		switch err {
		case nil:
			return strings.TrimRight(string(buf), "\r\n"), nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(buf) > 0 {
				return strings.TrimRight(string(buf), "\r\n"), nil
			}
			return "", io.EOF
		default:
			return "", err
		}
	}
}

// lineParser parses one statement.
type lineParser struct {
	s    string
	i    int
	line int
}

func (p *lineParser) done() bool { return p.i >= len(p.s) }
func (p *lineParser) peek() byte { return p.s[p.i] }

func (p *lineParser) fail(format string, a ...any) error {
	return &SyntaxError{Line: p.line, Column: p.i + 1, Err: fmt.Errorf(format, a...)}
}

func (p *lineParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *lineParser) statement(quads bool) (rdf.Quad, error) {
	var q rdf.Quad
	var err error
	if q.S, err = p.term(); err != nil {
		return q, err
	}
	if !(q.S.IsIRI() || q.S.IsBlank()) {
		return q, p.fail("subject must be an IRI or a blank node")
	}
	p.skipSpace()
	if q.P, err = p.term(); err != nil {
		return q, err
	}
	if !q.P.IsIRI() {
		return q, p.fail("predicate must be an IRI")
	}
	p.skipSpace()
	if q.O, err = p.term(); err != nil {
		return q, err
	}
	p.skipSpace()
	if quads && !p.done() && p.peek() != '.' {
		if q.G, err = p.term(); err != nil {
			return q, err
		}
		if q.G.IsLiteral() {
			return q, p.fail("graph name must be an IRI or a blank node")
		}
		p.skipSpace()
	}
	if p.done() || p.peek() != '.' {
		return q, p.fail("expected '.' at the end of the statement")
	}
	p.i++
	p.skipSpace()
	if !p.done() && p.peek() != '#' {
		return q, p.fail("unexpected text after '.'")
	}
	return q, nil
}

func (p *lineParser) term() (rdf.Term, error) {
	if p.done() {
		return rdf.Term{}, p.fail("unexpected end of line")
	}
	switch c := p.peek(); {
	case c == '<':
		v, err := p.iri()
		return rdf.IRI(v), err
	case c == '_':
		if !strings.HasPrefix(p.s[p.i:], "_:") {
			return rdf.Term{}, p.fail("expected _: for a blank node")
		}
		p.i += 2
		start := p.i
		for p.i < len(p.s) && !strings.ContainsRune(" \t<\"", rune(p.s[p.i])) {
			p.i++
		}
		label := strings.TrimSuffix(p.s[start:p.i], ".")
		p.i = start + len(label)
		t := rdf.Blank(label)
		if err := t.Validate(); err != nil {
			return t, p.fail("%v", err)
		}
		return t, nil
	case c == '"':
		return p.literal()
	}
	return rdf.Term{}, p.fail("unexpected %q", p.s[p.i])
}

func (p *lineParser) iri() (string, error) {
	p.i++ // <
	var b strings.Builder
	for {
		if p.done() {
			return "", p.fail("unterminated IRI")
		}
		c := p.s[p.i]
		switch {
		case c == '>':
			p.i++
			v := b.String()
			if err := rdf.IRI(v).Validate(); err != nil {
				return v, p.fail("%v", err)
			}
			return v, nil
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
}

func (p *lineParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) {
		return 0, p.fail("unterminated escape")
	}
	n := 0
	switch p.s[p.i+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, p.fail("bad escape \\%c", p.s[p.i+1])
	}
	if p.i+2+n > len(p.s) {
		return 0, p.fail("short \\u escape")
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+n], 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, p.fail("bad \\u escape %q", p.s[p.i:p.i+2+n])
	}
	p.i += 2 + n
	return rune(v), nil
}

func (p *lineParser) literal() (rdf.Term, error) {
	p.i++ // "
	var b strings.Builder
	for {
		if p.done() {
			return rdf.Term{}, p.fail("unterminated string")
		}
		c := p.s[p.i]
		if c == '"' {
			p.i++
			break
		}
		if c != '\\' {
			b.WriteByte(c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return rdf.Term{}, p.fail("unterminated escape")
		}
		switch e := p.s[p.i+1]; e {
		case 't', 'b', 'n', 'r', 'f', '"', '\'', '\\':
			b.WriteByte(map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}[e])
			p.i += 2
		default:
			r, err := p.uchar()
			if err != nil {
				return rdf.Term{}, err
			}
			b.WriteRune(r)
		}
	}
	lex := b.String()
	if !utf8.ValidString(lex) {
		return rdf.Term{}, p.fail("literal is not valid UTF-8")
	}
	switch {
	case strings.HasPrefix(p.s[p.i:], "@"):
		p.i++
		start := p.i
		for p.i < len(p.s) && (isAlnum(p.s[p.i]) || p.s[p.i] == '-') {
			p.i++
		}
		t := rdf.LangString(lex, p.s[start:p.i])
		if err := t.Validate(); err != nil {
			return t, p.fail("%v", err)
		}
		return t, nil
	case strings.HasPrefix(p.s[p.i:], "^^"):
		p.i += 2
		if p.done() || p.peek() != '<' {
			return rdf.Term{}, p.fail("expected <datatype IRI>")
		}
		dt, err := p.iri()
		return rdf.Typed(lex, dt), err
	}
	return rdf.String(lex), nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
