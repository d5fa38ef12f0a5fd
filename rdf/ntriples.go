package rdf

import (
	"unicode/utf8"
)

// Writer is what AppendNTriples writes to: a strings.Builder or a
// bufio.Writer, both of which never fail part-way in a way callers must
// check per call (bufio keeps its error sticky).
type Writer interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
	WriteRune(r rune) (int, error)
}

// AppendNTriples writes t in canonical N-Triples syntax: IRIs in <>, blank
// nodes as _:label, literals quoted with every character that could end or
// corrupt them escaped, then @lang or ^^<datatype> (none for xsd:string).
func AppendNTriples(w Writer, t Term) {
	switch t.Kind {
	case KindIRI:
		w.WriteByte('<')
		WriteIRIEscaped(w, t.Value)
		w.WriteByte('>')
	case KindBlank:
		w.WriteString("_:")
		w.WriteString(t.Value)
	case KindLiteral:
		w.WriteByte('"')
		WriteStringEscaped(w, t.Value)
		w.WriteByte('"')
		switch {
		case t.Lang != "":
			w.WriteByte('@')
			w.WriteString(t.Lang)
		case t.Datatype != "" && t.Datatype != XSDString:
			w.WriteString("^^<")
			WriteIRIEscaped(w, t.Datatype)
			w.WriteByte('>')
		}
	}
}

// WriteStringEscaped writes s as the inside of a double-quoted N-Triples or
// Turtle string: quotes, backslashes and line breaks escaped, other control
// characters as \u escapes, invalid UTF-8 as U+FFFD, so no input can end the
// literal early.
func WriteStringEscaped(w Writer, s string) {
	for i := 0; ; {
		at, esc, next := nextStringEscape(s, i)
		w.WriteString(s[i:at])
		if at == len(s) {
			return
		}
		w.WriteString(esc)
		i = next
	}
}

// AppendStringEscaped appends s to dst as WriteStringEscaped writes it,
// for callers that build lines in a buffer of their own.
func AppendStringEscaped(dst []byte, s string) []byte {
	for i := 0; ; {
		at, esc, next := nextStringEscape(s, i)
		dst = append(dst, s[i:at]...)
		if at == len(s) {
			return dst
		}
		dst = append(dst, esc...)
		i = next
	}
}

// nextStringEscape finds, from s[i:], the first byte that a string's
// inside cannot hold as it is: it returns its index (len(s) when there is
// none), the text written in its place and the index past it.
func nextStringEscape(s string, i int) (at int, esc string, next int) {
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			i++
			continue
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
			return i, "\uFFFD", i + 1
		}
		switch c {
		case '"':
			return i, `\"`, i + 1
		case '\\':
			return i, `\\`, i + 1
		case '\n':
			return i, `\n`, i + 1
		case '\r':
			return i, `\r`, i + 1
		case '\t':
			return i, `\t`, i + 1
		}
		return i, controlEscapes[c], i + 1
	}
	return len(s), "", len(s)
}

// controlEscapes holds the \u escape of each control character.
var controlEscapes = func() (t [0x80]string) {
	const hex = "0123456789ABCDEF"
	for c := range t {
		if c < 0x20 || c == 0x7f {
			t[c] = `\u00` + string(hex[c>>4]) + string(hex[c&15])
		}
	}
	return t
}()

// WriteIRIEscaped writes IRI s for use inside <>: characters that IRIREF
// forbids become \u escapes, so even an invalid IRI cannot break the syntax.
// Callers validate IRIs first; this is the last line of defence.
func WriteIRIEscaped(w Writer, s string) {
	if isSafeIRI(s) {
		w.WriteString(s)
		return
	}
	const hex = "0123456789ABCDEF"
	for _, r := range s {
		if iriChar(r) {
			w.WriteRune(r)
			continue
		}
		if r > 0xffff {
			w.WriteString(`\U`)
			for sh := 28; sh >= 0; sh -= 4 {
				w.WriteByte(hex[(r>>sh)&15])
			}
			continue
		}
		if r == utf8.RuneError || r >= 0xd800 && r <= 0xdfff {
			r = 0xfffd
		}
		w.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			w.WriteByte(hex[(r>>sh)&15])
		}
	}
}

// isSafeIRI reports whether IRIREF takes all of s unescaped, the common
// case that can be written in one piece.
func isSafeIRI(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if iriPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if !iriASCII[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !iriChar(r) {
			return false
		}
		i += size
	}
	return true
}
