// Package input finds and opens the inputs of a run: files, directories,
// glob patterns and standard input, compressed or not, holding articles in
// the flattened text format or as JSON Lines.
package input

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Source is one input: a file, or standard input when Path is "-".
type Source struct {
	// Name is how errors and provenance name the source.
	Name string
	Path string
}

// Stdin is the source that reads standard input.
var Stdin = Source{Name: "<stdin>", Path: "-"}

// inputExts are the names a directory walk picks up.
var inputExts = []string{".txt", ".jsonl", ".ndjson"}
var compressedExts = []string{"", ".gz", ".bz2", ".zst"}

// IsInputName reports whether a file found in a directory is an input:
// *.txt, *.jsonl or *.ndjson, perhaps compressed (.gz, .bz2, .zst).
func IsInputName(name string) bool {
	for _, e := range inputExts {
		for _, c := range compressedExts {
			if strings.HasSuffix(name, e+c) {
				return true
			}
		}
	}
	return false
}

// Expand turns command-line arguments into sources, in a deterministic
// order: each argument in turn; a directory's inputs (IsInputName) in
// lexical order of their paths; a glob pattern's matches sorted. Symbolic
// links to directories are not followed, so a link loop cannot hang a walk.
func Expand(args []string) ([]Source, error) {
	var out []Source
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Stdin)
			continue
		}
		paths := []string{arg}
		if _, err := os.Lstat(arg); err != nil && strings.ContainsAny(arg, "*?[") {
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				return nil, fmt.Errorf("%s: %w", arg, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			paths = matches
		}
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				return nil, err
			}
			if !info.IsDir() {
				out = append(out, Source{Name: p, Path: p})
				continue
			}
			var files []string
			err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.Type().IsRegular() && IsInputName(d.Name()) {
					files = append(files, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			sort.Strings(files)
			for _, f := range files {
				out = append(out, Source{Name: f, Path: f})
			}
		}
	}
	return out, nil
}

// MaxRatio bounds how many bytes a compressed input may expand to per byte
// read, past the first MaxRatioSlack bytes: real text compresses about ten
// to one, and a decompression bomb many thousands to one.
const (
	MaxRatio      = 200
	MaxRatioSlack = 64 << 20
)

// ErrBomb is returned when a compressed input expands past MaxRatio.
var ErrBomb = errors.New("compressed input expands more than 200 to 1: refusing a possible decompression bomb")

// Open opens the source for reading, decompressing gzip, bzip2 and zstd
// streams recognised by their magic bytes, whatever the file is called.
func (s Source) Open(stdin io.Reader) (io.ReadCloser, error) {
	var rc io.ReadCloser
	if s.Path == "-" {
		rc = io.NopCloser(stdin)
	} else {
		f, err := os.Open(s.Path)
		if err != nil {
			return nil, err
		}
		rc = f
	}
	return Decompress(rc)
}

// Decompress wraps rc in a decompressor when its first bytes are a gzip,
// bzip2 or zstd magic number; otherwise it returns rc buffered. Closing the
// result closes rc.
func Decompress(rc io.ReadCloser) (io.ReadCloser, error) {
	counted := &CountingReader{R: rc}
	br := bufio.NewReaderSize(counted, 64<<10)
	magic, _ := br.Peek(4)
	var dec io.Reader
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("gzip: %w", err)
		}
		dec = zr
	case bytes.HasPrefix(magic, []byte("BZh")):
		dec = bzip2.NewReader(br)
	case bytes.HasPrefix(magic, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return &readCloser{Reader: &ratioReader{r: zstdReader{zr}, in: counted}, close: func() error { zr.Close(); return rc.Close() }}, nil
	default:
		return &readCloser{Reader: br, close: rc.Close}, nil
	}
	return &readCloser{Reader: &ratioReader{r: dec, in: counted}, close: rc.Close}, nil
}

type zstdReader struct{ d *zstd.Decoder }

func (z zstdReader) Read(p []byte) (int, error) { return z.d.Read(p) }

type readCloser struct {
	io.Reader
	close func() error
}

func (r *readCloser) Close() error { return r.close() }

// CountingReader counts the bytes read through it, for progress figures.
type CountingReader struct {
	R io.Reader
	N int64
}

func (c *CountingReader) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.N += int64(n)
	return n, err
}

// ratioReader fails with ErrBomb when the output outgrows the input by more
// than MaxRatio.
type ratioReader struct {
	r   io.Reader
	in  *CountingReader
	out int64
}

func (r *ratioReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.out += int64(n)
	if r.out > MaxRatioSlack && r.out > MaxRatio*r.in.N {
		return n, ErrBomb
	}
	return n, err
}
