package rdfio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// MaxLine bounds one N-Triples or N-Quads line. A longer line is skipped
// (read through to its end without keeping it) and reported, so a file of
// any size is read in bounded memory.
const MaxLine = 16 << 20

// SyntaxError is a syntax error in a document at a line and column (both
// 1-based; the column counts bytes, as go/scanner does).
type SyntaxError struct {
	Line, Column int
	Err          error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrLineTooLong is the error of a line longer than MaxLine.
var ErrLineTooLong = errors.New("line too long")

// LineDecoder reads N-Triples or N-Quads one statement at a time, strictly by
// the RDF 1.1 grammars: it is this package's own parser rather than
// knakk/rdf's because it must reject what lax parsers accept (a "_" in a
// language tag, an escaped surrogate, invalid UTF-8) and report every bad
// line with its position, and it never holds more than one line.
type LineDecoder struct {
	br    *bufio.Reader
	quads bool
	line  int
	long  bool
	buf   []byte
}

// NewLineDecoder returns a decoder of N-Quads when quads is true, else of
// N-Triples (where a fourth term is an error).
func NewLineDecoder(r io.Reader, quads bool) *LineDecoder {
	return &LineDecoder{br: bufio.NewReaderSize(r, 64<<10), quads: quads}
}

// Line returns the number of the line the last statement or error was on.
func (d *LineDecoder) Line() int { return d.line }

// Decode returns the next statement, or io.EOF at the end. A *SyntaxError is
// about one line only: the next call goes on with the next line. Any other
// error is the reader's.
func (d *LineDecoder) Decode() (rdf.Quad, error) {
	for {
		line, err := d.readLine()
		if err == io.EOF {
			return rdf.Quad{}, io.EOF
		}
		if err != nil {
			return rdf.Quad{}, err
		}
		if d.long {
			return rdf.Quad{}, &SyntaxError{Line: d.line, Column: MaxLine + 1, Err: ErrLineTooLong}
		}
		p := lineParser{s: line}
		q, ok, perr := p.statement(d.quads)
		if perr != nil {
			return rdf.Quad{}, &SyntaxError{Line: d.line, Column: p.i + 1, Err: perr}
		}
		if ok {
			return q, nil
		}
	}
}

// readLine returns the next line without its end of line; d.long tells
// whether it was cut short at MaxLine.
func (d *LineDecoder) readLine() ([]byte, error) {
	d.buf = d.buf[:0]
	d.long = false
	for {
		chunk, err := d.br.ReadSlice('\n')
		if !d.long {
			if len(d.buf)+len(chunk) > MaxLine {
				d.long = true
				d.buf = d.buf[:0]
			} else {
				d.buf = append(d.buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			d.line++
			return trimEOL(d.buf), nil
		case io.EOF:
			if len(chunk) == 0 && len(d.buf) == 0 && !d.long {
				return nil, io.EOF
			}
			d.line++
			return trimEOL(d.buf), nil
		default:
			return nil, err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// lineParser parses one line of N-Triples or N-Quads.
type lineParser struct {
	s []byte
	i int
}

var (
	errExpected = func(what string) error { return fmt.Errorf("expected %s", what) }
	errTrailing = errors.New("unexpected text after the statement's final '.'")
)

// statement parses the line; ok is false for a blank or comment line.
func (p *lineParser) statement(quads bool) (q rdf.Quad, ok bool, err error) {
	if !utf8.Valid(p.s) {
		for p.i < len(p.s) {
			r, n := utf8.DecodeRune(p.s[p.i:])
			if r == utf8.RuneError && n == 1 {
				return q, false, rdf.ErrBadUTF8
			}
			p.i += n
		}
	}
	p.space()
	if p.i == len(p.s) || p.s[p.i] == '#' {
		return q, false, nil
	}
	if q.S, err = p.subjectOrGraph("subject"); err != nil {
		return
	}
	p.space()
	if p.peek() != '<' {
		return q, false, errExpected("predicate IRI")
	}
	if q.P, err = p.iri(); err != nil {
		return
	}
	p.space()
	if q.O, err = p.object(); err != nil {
		return
	}
	p.space()
	if quads && p.peek() != '.' {
		if q.G, err = p.subjectOrGraph("graph label or '.'"); err != nil {
			return
		}
		p.space()
	}
	if p.peek() != '.' {
		return q, false, errExpected("'.'")
	}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] != '#' {
		return q, false, errTrailing
	}
	return q, true, nil
}

func (p *lineParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *lineParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *lineParser) subjectOrGraph(what string) (rdf.Term, error) {
	switch p.peek() {
	case '<':
		return p.iri()
	case '_':
		return p.blank()
	}
	return rdf.Term{}, errExpected(what)
}

func (p *lineParser) object() (rdf.Term, error) {
	switch p.peek() {
	case '<':
		return p.iri()
	case '_':
		return p.blank()
	case '"':
		return p.literal()
	}
	return rdf.Term{}, errExpected("object")
}

// iri parses an IRIREF, decoding \u escapes; whether the IRI is absolute
// and valid is the checker's business (rdf.Term.Validate).
func (p *lineParser) iri() (rdf.Term, error) {
	p.i++ // '<'
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '>':
			p.i++
			return rdf.IRI(b.String()), nil
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return rdf.Term{}, err
			}
			b.WriteRune(r)
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			return rdf.Term{}, fmt.Errorf("character %q not allowed in an IRI", rune(c))
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return rdf.Term{}, errExpected("'>'")
}

// uchar decodes \uXXXX or \UXXXXXXXX at p.i.
func (p *lineParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) {
		return 0, errors.New("bad escape")
	}
	n := 0
	switch p.s[p.i+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, fmt.Errorf("bad escape \\%c", p.s[p.i+1])
	}
	if p.i+2+n > len(p.s) {
		return 0, errors.New("short \\u escape")
	}
	v, err := strconv.ParseUint(string(p.s[p.i+2:p.i+2+n]), 16, 32)
	if err != nil {
		return 0, errors.New("bad hex digits in \\u escape")
	}
	r := rune(v)
	if r >= 0xD800 && r <= 0xDFFF || r > utf8.MaxRune {
		return 0, fmt.Errorf("\\u escape of U+%04X, not a Unicode scalar value (an unpaired surrogate?)", v)
	}
	p.i += 2 + n
	return r, nil
}

func (p *lineParser) blank() (rdf.Term, error) {
	if p.i+1 >= len(p.s) || p.s[p.i+1] != ':' {
		return rdf.Term{}, errExpected("'_:'")
	}
	p.i += 2
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == ' ' || c == '\t' || c == '<' || c == '"' || c == '#' {
			break
		}
		p.i++
	}
	label := string(p.s[start:p.i])
	// A final '.' belongs to the statement, not the label.
	for strings.HasSuffix(label, ".") {
		label = label[:len(label)-1]
		p.i--
	}
	t := rdf.Blank(label)
	if t.Validate() != nil {
		p.i = start
		return rdf.Term{}, fmt.Errorf("invalid blank node label %q", label)
	}
	return t, nil
}

func (p *lineParser) literal() (rdf.Term, error) {
	p.i++ // '"'
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			return rdf.Term{}, errExpected("closing '\"'")
		}
		c := p.s[p.i]
		if c == '"' {
			p.i++
			break
		}
		if c == '\\' {
			if p.i+1 < len(p.s) && (p.s[p.i+1] == 'u' || p.s[p.i+1] == 'U') {
				r, err := p.uchar()
				if err != nil {
					return rdf.Term{}, err
				}
				b.WriteRune(r)
				continue
			}
			if p.i+1 >= len(p.s) {
				return rdf.Term{}, errors.New("bad escape")
			}
			e := strings.IndexByte(`tbnrf"'\`, p.s[p.i+1])
			if e < 0 {
				return rdf.Term{}, fmt.Errorf("bad escape \\%c", p.s[p.i+1])
			}
			b.WriteByte("\t\b\n\r\f\"'\\"[e])
			p.i += 2
			continue
		}
		if c == '\r' {
			return rdf.Term{}, errors.New("unescaped carriage return in a literal")
		}
		b.WriteByte(c)
		p.i++
	}
	lex := b.String()
	switch p.peek() {
	case '@':
		p.i++
		start := p.i
		for p.i < len(p.s) {
			c := p.s[p.i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				break
			}
			p.i++
		}
		lang := string(p.s[start:p.i])
		if p.i < len(p.s) && p.s[p.i] != ' ' && p.s[p.i] != '\t' && p.s[p.i] != '.' && p.s[p.i] != '<' && p.s[p.i] != '_' {
			return rdf.Term{}, fmt.Errorf("invalid language tag: %q not allowed", p.s[p.i])
		}
		if p.peek() == '_' && (p.i+1 >= len(p.s) || p.s[p.i+1] != ':') {
			return rdf.Term{}, errors.New("invalid language tag: '_' not allowed (BCP 47 uses '-')")
		}
		if !validLangSyntax(lang) {
			p.i = start
			return rdf.Term{}, fmt.Errorf("invalid language tag %q", lang)
		}
		return rdf.Term{Kind: rdf.KindLiteral, Value: lex, Datatype: rdf.RDFLangString, Lang: lang}, nil
	case '^':
		if p.i+1 >= len(p.s) || p.s[p.i+1] != '^' {
			return rdf.Term{}, errExpected("'^^'")
		}
		p.i += 2
		if p.peek() != '<' {
			return rdf.Term{}, errExpected("datatype IRI")
		}
		dt, err := p.iri()
		if err != nil {
			return rdf.Term{}, err
		}
		return rdf.Term{Kind: rdf.KindLiteral, Value: lex, Datatype: dt.Value}, nil
	}
	return rdf.String(lex), nil
}

// validLangSyntax checks N-Triples' LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangSyntax(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}
