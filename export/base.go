package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/wikikg/wikikg/rdf"
)

// ErrClosed is returned by Encode and Close once an encoder has been closed.
var ErrClosed = errors.New("export: encoder closed")

// InvalidQuadError reports a quad that an encoder refused to write because
// it is not valid RDF. It is not sticky: the encoder stays usable.
type InvalidQuadError struct {
	Quad rdf.Quad
	Err  error
}

// Error returns the quad in N-Triples syntax and why it is invalid.
func (e *InvalidQuadError) Error() string {
	return fmt.Sprintf("export: invalid quad %v %v %v: %v", e.Quad.S, e.Quad.P, e.Quad.O, e.Err)
}

// Unwrap returns the validation error, for errors.Is with rdf.ErrBadIRI
// and the like.
func (e *InvalidQuadError) Unwrap() error { return e.Err }

// errWriter records the first error of the writer under a bufio.Writer, so
// that encoders can write through helpers that ignore per-call errors (as
// rdf.AppendNTriples does) and still see failures after each quad.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
	}
	return n, err
}

// sink is the part every encoder shares: a buffered writer, the sticky
// error and the closed state. Whatever writes through the buffered writer
// calls check first, which writes the lines writeValidLines keeps.
type sink struct {
	ew     errWriter
	bw     *bufio.Writer
	err    error
	closed bool
	// valid checks every quad, remembering the IRIs that repeat.
	valid rdf.Validator
	// trusted is set while EncodeValid writes a quad its caller checked.
	trusted bool
	// tail is the line end writeValidLines copies (see lineEnd);
	// tailIRI and tailEn are that end after an IRI object's '>' and a
	// label's closing quote and tag.
	tail, tailIRI, tailEn []byte
	// lines is writeValidLines's buffer, and holds the lines it has yet
	// to write.
	lines []byte
	// appender is the underlying writer when writeValidLines can append
	// its lines to that writer's own buffer (see appendWriter), nil
	// otherwise.
	appender appendWriter
}

// appendWriter is a writer whose buffer its caller may append to, as
// asyncwrite.Writer's is: Buffer returns it, Commit takes it back, with
// the appended bytes, to write them. writeValidLines builds its lines
// there, which spares their copy from a buffer of its own.
type appendWriter interface {
	io.Writer
	Buffer() []byte
	Commit([]byte) error
}

// encodeValid is the EncodeValid of every encoder: enc's Encode, with s's
// validation off for q.
func (s *sink) encodeValid(enc Encoder, q rdf.Quad) error {
	s.trusted = true
	err := enc.Encode(q)
	s.trusted = false
	return err
}

func (s *sink) init(w io.Writer) {
	s.ew.w = w
	s.appender, _ = w.(appendWriter)
	s.bw = bufio.NewWriterSize(&s.ew, 64<<10)
}

// check is called before each Encode: it returns the sticky error, or a
// non-sticky *InvalidQuadError for a quad that must not be written.
func (s *sink) check(q rdf.Quad) error {
	if err := s.usable(); err != nil {
		return err
	}
	s.flushLines()
	if s.trusted {
		return nil
	}
	if err := s.valid.Quad(q); err != nil {
		return &InvalidQuadError{Quad: q, Err: err}
	}
	return nil
}

// usable returns the sticky error, or ErrClosed once closed.
func (s *sink) usable() error {
	if s.err != nil {
		return s.err
	}
	if s.closed {
		return ErrClosed
	}
	return nil
}

// done makes any write error of the underlying writer sticky.
func (s *sink) done() error {
	if s.ew.err != nil && s.err == nil {
		s.err = s.ew.err
	}
	return s.err
}

// close flushes and marks the encoder closed; a second Close returns the
// first one's error, or ErrClosed.
func (s *sink) close() error {
	if s.closed {
		if s.err != nil {
			return s.err
		}
		return ErrClosed
	}
	s.closed = true
	if s.err != nil {
		return s.err
	}
	s.flushLines()
	if err := s.bw.Flush(); err != nil && s.err == nil {
		s.err = err
	}
	return s.done()
}
