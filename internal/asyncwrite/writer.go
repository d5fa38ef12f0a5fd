// Package asyncwrite provides a buffered Writer whose writes to the
// underlying writer run on a goroutine of their own, so that the work that
// produces output and the system calls that write it overlap.
package asyncwrite

import (
	"errors"
	"io"
	"sync"
)

// Writer buffers what is written to it, as bufio.Writer does, and hands
// each full buffer to a goroutine that writes it while the caller fills a
// second one. One hand-off per buffer, not per write, keeps the goroutines'
// wakeups rare. Its methods may be called from one goroutine at a time.
type Writer struct {
	w     io.Writer
	size  int         // the length at which Commit hands a buffer on
	buf   []byte      // the buffer being filled; nil once closed
	spare chan []byte // the other buffer, once written
	full  chan []byte // a buffer to write
	done  chan struct{}

	mu  sync.Mutex // guards err, which the writing goroutine sets
	err error
}

// ErrClosed is returned by a Writer's methods after Close.
var ErrClosed = errors.New("asyncwrite: writer closed")

// NewWriter returns a Writer to w with two buffers of size bytes.
func NewWriter(w io.Writer, size int) *Writer {
	if size <= 0 {
		size = 64 << 10
	}
	a := &Writer{
		w:     w,
		size:  size,
		buf:   make([]byte, 0, size),
		spare: make(chan []byte, 1),
		full:  make(chan []byte, 1),
		done:  make(chan struct{}),
	}
	a.spare <- make([]byte, 0, size)
	go a.run()
	return a
}

func (a *Writer) run() {
	defer close(a.done)
	for b := range a.full {
		// After an error, buffers are dropped, not written: the output
		// is lost already, and the caller learns so at its next call.
		if a.error() == nil {
			if _, err := a.w.Write(b); err != nil {
				a.mu.Lock()
				a.err = err
				a.mu.Unlock()
			}
		}
		a.spare <- b[:0]
	}
}

func (a *Writer) error() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// Write copies p into the buffer. An error of the underlying writer is
// returned by the first call after it happened, and by every one after
// that.
func (a *Writer) Write(p []byte) (int, error) {
	if a.buf == nil {
		return 0, ErrClosed
	}
	if err := a.error(); err != nil {
		return 0, err
	}
	n := 0
	for len(p) > 0 {
		if len(a.buf) == cap(a.buf) {
			a.send()
		}
		k := copy(a.buf[len(a.buf):cap(a.buf)], p)
		a.buf = a.buf[:len(a.buf)+k]
		p = p[k:]
		n += k
	}
	return n, nil
}

// Buffer returns the buffer being filled, holding what was written and
// not yet handed on, for the caller to append to and give back to Commit:
// bytes appended there are written with no copy. No other method may be
// called between the two.
func (a *Writer) Buffer() []byte { return a.buf }

// Commit makes b, the slice Buffer returned with bytes appended (append
// may have moved it), the buffer being filled, and hands it on once it
// holds the Writer's size or more. It returns the error Write would.
func (a *Writer) Commit(b []byte) error {
	if a.buf == nil {
		return ErrClosed
	}
	a.buf = b
	if len(b) >= a.size {
		a.send()
	}
	return a.error()
}

// send hands the buffer to the writing goroutine and takes the other one
// once it is written.
func (a *Writer) send() {
	a.full <- a.buf
	a.buf = <-a.spare
}

// Flush writes what is buffered and returns once the underlying writer
// has been given all of it.
func (a *Writer) Flush() error {
	if a.buf == nil {
		return ErrClosed
	}
	if len(a.buf) > 0 {
		a.send()
	}
	// The other buffer comes back once written.
	b := <-a.spare
	a.spare <- b
	return a.error()
}

// Close flushes the buffer and stops the writing goroutine. It does not
// close the underlying writer.
func (a *Writer) Close() error {
	if a.buf == nil {
		return ErrClosed
	}
	err := a.Flush()
	close(a.full)
	<-a.done
	a.buf = nil
	return err
}
