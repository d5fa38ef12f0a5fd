package export

import (
	"encoding/binary"
	"io"
	"strings"

	"github.com/wikikg/wikikg/internal/plainlang"
	"github.com/wikikg/wikikg/rdf"
)

// NTriplesEncoder writes quads as N-Triples, one triple a line, ignoring
// graph names.
type NTriplesEncoder struct {
	s sink
}

// NewNTriplesEncoder returns an encoder writing N-Triples to w.
func NewNTriplesEncoder(w io.Writer) *NTriplesEncoder {
	e := &NTriplesEncoder{}
	e.s.init(w)
	return e
}

// Encode writes q's triple. An invalid quad is not written: Encode returns an
// *InvalidQuadError and the encoder stays usable.
func (e *NTriplesEncoder) Encode(q rdf.Quad) error {
	if err := e.s.check(q); err != nil {
		return err
	}
	e.s.writeLine(&q.S, &q.P, &q.O, &q.G, false)
	return e.s.done()
}

// EncodeValid writes q, which must be valid (see ValidEncoder).
func (e *NTriplesEncoder) EncodeValid(q rdf.Quad) error { return e.s.encodeValid(e, q) }

// Close flushes buffered output. It does not close the underlying writer.
func (e *NTriplesEncoder) Close() error { return e.s.close() }

// EncodeValidGraph writes ts, which must be valid (see GraphEncoder).
func (e *NTriplesEncoder) EncodeValidGraph(g rdf.Term, ts []rdf.Triple) error {
	return e.s.writeValidLines(g, ts, false)
}

// writeLine writes the statement subj pred obj as one N-Triples or, with
// graph set, N-Quads line in graph g. The terms come by pointer: quads and
// triples are too large to copy for every line.
func (s *sink) writeLine(subj, pred, obj, g *rdf.Term, graph bool) {
	s.writeStatement(subj, pred, obj)
	if graph && !g.IsZero() {
		s.bw.WriteByte(' ')
		s.writeTerm(*g)
	}
	s.bw.WriteString(" .\n")
}

// writeValidLines writes the valid triples ts in graph g, one line each,
// trusting them as EncodeValid does its quad. The lines are built in the
// underlying writer's own buffer when it is an appendWriter, else in a
// buffer of the sink's own, s.lines, and written a batch at a time: a
// bufio call for every term and space cost more than the bytes they copy.
// A batch goes to the underlying writer directly, not copied into the
// buffered writer's buffer; the lines short of a batch wait in s.lines for
// the next graph, or whatever else is written (see flushLines).
func (s *sink) writeValidLines(g rdf.Term, ts []rdf.Triple, graph bool) error {
	if err := s.usable(); err != nil {
		return err
	}
	end := s.lineEnd(g, graph)
	// The ends of lines whose object is an IRI, or a label, copied with
	// what closes the object.
	s.tailIRI = append(append(s.tailIRI[:0], '>'), end...)
	s.tailEn = append(append(s.tailEn[:0], `"@en`...), end...)
	endIRI, endEn := s.tailIRI, s.tailEn
	b, limit := s.lineBuffer()
	for i := range ts {
		t := &ts[i]
		// Most terms are IRIs, which need no call.
		if t.S.Kind == rdf.KindIRI && t.P.Kind == rdf.KindIRI {
			b = append(b, '<')
			b = append(b, t.S.Value...)
			b = append(b, "> <"...)
			b = append(b, t.P.Value...)
			b = append(b, "> "...)
		} else {
			b = appendValidTerm(b, &t.S)
			b = append(b, ' ')
			b = appendValidTerm(b, &t.P)
			b = append(b, ' ')
		}
		if t.O.Kind == rdf.KindIRI {
			b = append(b, '<')
			b = append(b, t.O.Value...)
			b = append(b, endIRI...)
		} else if t.O.Kind == rdf.KindLiteral && t.O.Lang == "en" && (plainlang.IsEn(t.O.Lang) || plainString(t.O.Value)) {
			// Labels, most literals, need no call either, and those of
			// minted names (plainlang.En) no look at their bytes.
			b = append(b, '"')
			b = append(b, t.O.Value...)
			b = append(b, endEn...)
		} else {
			b = appendValidTerm(b, &t.O)
			b = append(b, end...)
		}
		if len(b) >= limit {
			b, limit = s.writeLines(b)
		}
	}
	s.keepLines(b)
	return s.done()
}

// lineBuffer returns the buffer writeValidLines appends its lines to, and
// the length at which it calls writeLines: the appendWriter's own buffer,
// after anything the buffered writer holds, when there is one, s.lines
// otherwise.
func (s *sink) lineBuffer() ([]byte, int) {
	if s.appender == nil {
		return s.lines, linesFlush
	}
	if s.bw.Buffered() > 0 {
		s.bw.Flush()
	}
	b := s.appender.Buffer()
	return b, len(b) + linesFlush
}

// writeLines writes the lines in b and returns the buffer to append the
// next ones to, and the length at which to call it again. An
// appendWriter's buffer is given back to it a batch at a time, so that a
// large graph's lines are handed on to be written as they are made.
func (s *sink) writeLines(b []byte) ([]byte, int) {
	if s.appender != nil {
		s.commit(b)
		return s.lineBuffer()
	}
	if s.bw.Buffered() > 0 {
		s.bw.Flush()
	}
	s.ew.Write(b)
	return b[:0], linesFlush
}

// keepLines keeps the lines in b, short of a batch, until the next graph
// or whatever else is written; an appendWriter has them in its buffer.
func (s *sink) keepLines(b []byte) {
	if s.appender != nil {
		s.commit(b)
		return
	}
	s.lines = b
}

// commit gives b back to the appendWriter, its error recorded as the
// errWriter records its writer's.
func (s *sink) commit(b []byte) {
	if err := s.appender.Commit(b); err != nil && s.ew.err == nil {
		s.ew.err = err
	}
}

// linesFlush is the size at which writeValidLines writes its lines: that
// of the buffered writer's buffer, so that it writes as seldom.
const linesFlush = 64 << 10

// flushLines hands the lines writeValidLines keeps to the buffered
// writer, ahead of anything else written through it.
func (s *sink) flushLines() {
	if len(s.lines) > 0 {
		s.bw.Write(s.lines)
		s.lines = s.lines[:0]
	}
}

// appendValidTerm appends t, which is valid, in N-Triples syntax: the
// bytes rdf.AppendNTriples writes for it. A valid IRI, the datatype of a
// valid literal among them, is one IRIREF takes unescaped.
func appendValidTerm(b []byte, t *rdf.Term) []byte {
	switch t.Kind {
	case rdf.KindIRI:
		b = append(b, '<')
		b = append(b, t.Value...)
		return append(b, '>')
	case rdf.KindBlank:
		b = append(b, "_:"...)
		return append(b, t.Value...)
	case rdf.KindLiteral:
		b = append(b, '"')
		if plainString(t.Value) {
			b = append(b, t.Value...)
		} else {
			b = rdf.AppendStringEscaped(b, t.Value)
		}
		b = append(b, '"')
		switch {
		case t.Lang != "":
			b = append(b, '@')
			b = append(b, t.Lang...)
		case t.Datatype != "" && t.Datatype != rdf.XSDString:
			b = append(b, "^^<"...)
			b = append(b, t.Datatype...)
			b = append(b, '>')
		}
	}
	return b
}

// plainString reports whether rdf.AppendStringEscaped gives s back as it
// is, s being valid UTF-8, as a valid literal's value is: whether it has
// no control character, quote or backslash. It tests eight bytes at a
// time, where the escaper tests each, and the last eight bytes of a
// string of eight or more as one word, whatever words before took some.
func plainString(s string) bool {
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 < len(s); i += 8 {
		if !plainWord(binary.LittleEndian.Uint64([]byte(s[i : i+8]))) {
			return false
		}
	}
	return plainWord(binary.LittleEndian.Uint64([]byte(s[len(s)-8:])))
}

// plainWord reports whether no byte of x is below 0x20, 0x22, 0x5C or
// 0x7F: a byte is one of these when it is zero in one of the words
// tested, and each test finds whether any byte is, exactly.
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, bs, del := x^0x2222222222222222, x^0x5c5c5c5c5c5c5c5c, x^0x7f7f7f7f7f7f7f7f
	return ((x-0x20*ones)&^x|(q-ones)&^q|(bs-ones)&^bs|(del-ones)&^del)&highs == 0
}

// writeStatement writes subj pred obj, the start of a line.
func (s *sink) writeStatement(subj, pred, obj *rdf.Term) {
	s.writeTerm(*subj)
	s.bw.WriteByte(' ')
	s.writeTerm(*pred)
	s.bw.WriteByte(' ')
	s.writeTerm(*obj)
}

// lineEnd returns the end of every line in graph g, the valid graph name
// (with graph set) and " .": every line of a graph ends alike, so it is
// written once and copied.
func (s *sink) lineEnd(g rdf.Term, graph bool) []byte {
	b := s.tail[:0]
	switch {
	case !graph || g.IsZero():
	case g.Kind == rdf.KindIRI:
		b = append(append(append(b, " <"...), g.Value...), '>')
	default:
		var sb strings.Builder
		sb.WriteByte(' ')
		rdf.AppendNTriples(&sb, g)
		b = append(b, sb.String()...)
	}
	s.tail = append(b, " .\n"...)
	return s.tail
}

// writeTerm writes t in N-Triples syntax. An IRI the validator finds
// valid is written as it is: validity implies that IRIREF takes it
// unescaped, and the validator's cache knows the IRIs that repeat from
// line to line (subjects, predicates, graph names) without reading them.
// A quad given to EncodeValid is valid already.
func (s *sink) writeTerm(t rdf.Term) {
	if t.Kind == rdf.KindIRI && (s.trusted || s.valid.Term(t) == nil) {
		s.bw.WriteByte('<')
		s.bw.WriteString(t.Value)
		s.bw.WriteByte('>')
		return
	}
	rdf.AppendNTriples(s.bw, t)
}
