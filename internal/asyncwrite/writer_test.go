package asyncwrite

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"testing"
)

// slowWriter records what it is given and can fail after some bytes.
type slowWriter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	failAt  int // fail the write that would pass this many bytes; 0 never
	written int
}

var errDisk = errors.New("disk full")

func (w *slowWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failAt > 0 && w.written+len(p) > w.failAt {
		return 0, errDisk
	}
	w.written += len(p)
	return w.buf.Write(p)
}

func (w *slowWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func TestWriter(t *testing.T) {
	for _, size := range []int{1, 7, 64, 1 << 16} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			dst := &slowWriter{}
			a := NewWriter(dst, size)
			var want bytes.Buffer
			for i := range 500 {
				line := fmt.Sprintf("line %d %s\n", i, bytes.Repeat([]byte{'x'}, i%37))
				want.WriteString(line)
				if n, err := io.WriteString(a, line); n != len(line) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
				if i == 250 {
					// Flush returns with everything handed over.
					if err := a.Flush(); err != nil {
						t.Fatal(err)
					}
					if got := dst.String(); got != want.String() {
						t.Fatalf("after Flush, %d bytes written, want %d", len(got), want.Len())
					}
				}
			}
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			if got := dst.String(); got != want.String() {
				t.Fatalf("%d bytes written, want %d", len(got), want.Len())
			}
			if _, err := a.Write([]byte("x")); !errors.Is(err, ErrClosed) {
				t.Errorf("Write after Close: %v, want ErrClosed", err)
			}
			if err := a.Close(); !errors.Is(err, ErrClosed) {
				t.Errorf("second Close: %v, want ErrClosed", err)
			}
		})
	}
}

// TestWriterError checks that the underlying writer's error reaches the
// caller, and stays.
func TestWriterError(t *testing.T) {
	dst := &slowWriter{failAt: 100}
	a := NewWriter(dst, 16)
	var err error
	for range 100 {
		if _, err = a.Write([]byte("0123456789")); err != nil {
			break
		}
	}
	if err == nil {
		err = a.Flush()
	}
	if !errors.Is(err, errDisk) {
		t.Fatalf("error %v, want %v", err, errDisk)
	}
	if _, err := a.Write([]byte("x")); !errors.Is(err, errDisk) {
		t.Errorf("Write after the error: %v", err)
	}
	if err := a.Close(); !errors.Is(err, errDisk) {
		t.Errorf("Close after the error: %v", err)
	}
	if dst.written > 100 {
		t.Errorf("%d bytes written past the failure", dst.written)
	}
}

// TestBufferCommit checks that bytes appended to Buffer's slice and given
// to Commit are written in order with Write's, through buffers moved by
// append, and that Commit returns the underlying writer's error.
func TestBufferCommit(t *testing.T) {
	dst := &slowWriter{}
	a := NewWriter(dst, 16)
	var want bytes.Buffer
	for i := range 50 {
		line := fmt.Sprintf("line %d\n", i)
		want.WriteString(line)
		if i%3 == 0 {
			a.Write([]byte(line))
			continue
		}
		if err := a.Commit(append(a.Buffer(), line...)); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if got := dst.String(); got != want.String() {
		t.Fatalf("wrote %q, want %q", got, want.String())
	}
	if err := a.Commit(nil); err != ErrClosed {
		t.Errorf("Commit after Close: %v, want ErrClosed", err)
	}

	dst = &slowWriter{failAt: 100}
	a = NewWriter(dst, 16)
	var err error
	for range 100 {
		if err = a.Commit(append(a.Buffer(), "0123456789"...)); err != nil {
			break
		}
	}
	if err == nil {
		err = a.Flush()
	}
	if !errors.Is(err, errDisk) {
		t.Fatalf("error %v, want %v", err, errDisk)
	}
	if err := a.Close(); !errors.Is(err, errDisk) {
		t.Errorf("Close after the error: %v", err)
	}
}

// FuzzWriter checks that any sequence of writes and flushes reaches the
// underlying writer whole and in order.
func FuzzWriter(f *testing.F) {
	f.Add([]byte("hello, world"), uint8(3), uint8(5))
	f.Add(bytes.Repeat([]byte("ab"), 300), uint8(1), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, size, flushEvery uint8) {
		dst := &slowWriter{}
		a := NewWriter(dst, int(size)+1)
		chunk := int(size)%13 + 1
		for i := 0; i < len(data); i += chunk {
			end := min(i+chunk, len(data))
			if _, err := a.Write(data[i:end]); err != nil {
				t.Fatal(err)
			}
			if flushEvery > 0 && (i/chunk)%int(flushEvery) == 0 {
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		if got := dst.String(); got != string(data) {
			t.Fatalf("wrote %q, want %q", got, data)
		}
	})
}

func ExampleWriter() {
	var out bytes.Buffer
	w := NewWriter(&out, 1<<20)
	fmt.Fprintln(w, "<https://example.org/s> <https://example.org/p> \"o\" .")
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Print(out.String())
	// Output: <https://example.org/s> <https://example.org/p> "o" .
}

func BenchmarkWriter(b *testing.B) {
	line := bytes.Repeat([]byte("x"), 200)
	b.SetBytes(int64(len(line)))
	w := NewWriter(io.Discard, 1<<20)
	for b.Loop() {
		w.Write(line)
	}
	w.Close()
}
