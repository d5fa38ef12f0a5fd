package extract

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzReader checks that the Reader never panics or loops, that every
// position it returns is within the input and agrees with its line and
// column, that the text it returns is valid UTF-8, and that SkipProse
// changes nothing but the Blocks; and that readerFirstBad finds the
// first bad byte of the whole input as its oracle does.
func FuzzReader(f *testing.F) {
	f.Add([]byte("= T =\n\nInfobox\n- K: v\n\n==S==\n- item\n  - sub\ntext\n"))
	f.Add([]byte("\uFEFFjunk\r\n= =\r\n= A\xff =\r\nH\x00\r\n- K:\r\n"))
	f.Add([]byte("= A\n- K: V\n- L\n= B =\n=\n==\n- \n-"))
	names, _ := filepath.Glob("../testdata/corpus/articles/*.txt")
	for _, name := range names[:3] {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := readerFirstBad(data), firstBadOracle(data); got != want {
			t.Fatalf("first bad byte at %d, want %d", got, want)
		}
		checkSkipProse(t, data)
		starts := lineStarts(data)
		for _, size := range []int{16, readerBufSize} {
			r := newReaderSize(bytes.NewReader(data), size)
			lines := 0
			calls := 0
			for {
				calls++
				if calls > len(data)+2 {
					t.Fatalf("Next did not reach io.EOF after %d calls", calls)
				}
				a, err := r.Next()
				if err == io.EOF {
					if a != nil {
						t.Fatalf("article with io.EOF")
					}
					break
				}
				if err != nil {
					var pe *ParseError
					if !errors.As(err, &pe) {
						t.Fatalf("error %v is no ParseError", err)
					}
					for _, pe := range parseErrors(t, err) {
						checkPos(t, data, starts, "error", Pos{pe.Line, pe.Column, starts[pe.Line-1] + pe.Column - 1}, "")
					}
				}
				if a == nil {
					if err == nil {
						t.Fatalf("neither article nor error")
					}
					continue
				}
				checkArticle(t, data, starts, a)
				if a.Pos.Line <= lines {
					t.Fatalf("article %q at line %d overlaps the one before, which ended at %d", a.Title, a.Pos.Line, lines)
				}
				lines = a.Pos.Line + a.Lines - 1
				if lines > len(starts) {
					t.Fatalf("article %q at line %d spans %d lines, past the input's %d", a.Title, a.Pos.Line, a.Lines, len(starts))
				}
			}
		}
	})
}

// checkSkipProse checks that a Reader with SkipProse returns what one
// without it returns, call by call, with no Blocks; and that a Reader whose
// articles are released, so that it fills their memory again, returns the
// same as one whose articles are not.
func checkSkipProse(t *testing.T, data []byte) {
	t.Helper()
	full, skim := NewReader(bytes.NewReader(data)), NewReader(bytes.NewReader(data))
	reuse := NewReader(bytes.NewReader(data))
	skim.SkipProse = true
	for calls := 0; calls <= len(data)+2; calls++ {
		a, err := full.Next()
		c, errC := reuse.Next()
		if !reflect.DeepEqual(err, errC) || !reflect.DeepEqual(a, c) {
			t.Fatalf("call %d: article %+v, error %v after releasing, want %+v, %v", calls, c, errC, a, err)
		}
		if c != nil {
			c.Release()
		}
		b, errB := skim.Next()
		if !reflect.DeepEqual(err, errB) {
			t.Fatalf("call %d: error %v with SkipProse, want %v", calls, errB, err)
		}
		if b != nil && b.Blocks != nil {
			t.Fatalf("call %d: %d blocks with SkipProse", calls, len(b.Blocks))
		}
		if a != nil {
			a.Blocks = nil
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("call %d: article %+v with SkipProse, want %+v", calls, b, a)
		}
		if err == io.EOF {
			return
		}
	}
}
