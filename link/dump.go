package link

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/wikikg/wikikg/input"
)

// DumpOptions configure reading a Wikidata JSON dump.
type DumpOptions struct {
	// Langs are the languages besides English whose labels and aliases
	// are kept.
	Langs []string
	// Filter, when set, keeps only the items whose P31 it finds relevant.
	Filter ClassList
	// Progress, when set, is called every ProgressEvery items with the
	// items read and kept so far.
	Progress      func(read, kept int)
	ProgressEvery int
}

// OpenDump opens a dump file, decompressing gzip, bzip2 or zstd as its
// first bytes say (whatever its name), and returns the reader and a count
// of the compressed bytes read, for progress. compress/bzip2 reads the
// concatenated streams of parallel compressors too; it is slow (tens of
// MB/s), so prefer .gz.
func OpenDump(path string) (io.ReadCloser, *int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	cr := &input.CountingReader{R: f}
	rc, err := input.Decompress(struct {
		io.Reader
		io.Closer
	}{cr, f})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	return rc, &cr.N, nil
}

// ReadDump streams the entities of a dump in Wikidata's JSON format (one
// array, one entity a line, each line but the last ending in a comma) and
// calls fn with each item that passes the filter. Memory stays bounded by
// the longest line. Errors carry name:line.
func ReadDump(ctx context.Context, r io.Reader, name string, opt DumpOptions, fn func(*Item) error) (read, kept int, err error) {
	br := bufio.NewReaderSize(r, 4<<20)
	line := 0
	var long []byte
	for {
		if line&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return read, kept, err
			}
		}
		b, rerr := br.ReadSlice('\n')
		if rerr == bufio.ErrBufferFull {
			// A line longer than the buffer (a much-edited item can
			// take megabytes): gather it.
			long = append(long[:0], b...)
			for rerr == bufio.ErrBufferFull {
				b, rerr = br.ReadSlice('\n')
				long = append(long, b...)
			}
			b = long
		}
		if rerr != nil && rerr != io.EOF {
			return read, kept, fmt.Errorf("%s:%d: %v", name, line+1, rerr)
		}
		if len(b) == 0 && rerr == io.EOF {
			break
		}
		line++
		b = bytes.TrimSpace(b)
		b = bytes.TrimSuffix(b, []byte(","))
		if len(b) == 0 || len(b) == 1 && (b[0] == '[' || b[0] == ']') {
			if rerr == io.EOF {
				break
			}
			continue
		}
		it, err := ParseEntity(b, opt.Langs)
		if err != nil {
			return read, kept, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if it != nil {
			read++
			if opt.Filter == nil || opt.Filter.Relevant(it.Classes) {
				kept++
				if err := fn(it); err != nil {
					return read, kept, err
				}
			}
			if opt.Progress != nil && opt.ProgressEvery > 0 && read%opt.ProgressEvery == 0 {
				opt.Progress(read, kept)
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	return read, kept, nil
}

// BuildIndex reads the dump at dumpPath and writes the index at idxPath.
func BuildIndex(ctx context.Context, dumpPath, idxPath string, memLimit int, opt DumpOptions) (read, kept int, err error) {
	rc, _, err := OpenDump(dumpPath)
	if err != nil {
		return 0, 0, err
	}
	defer rc.Close()
	w, err := NewIndexWriter(idxPath, memLimit)
	if err != nil {
		return 0, 0, err
	}
	read, kept, err = ReadDump(ctx, rc, dumpPath, opt, w.Add)
	if err != nil {
		w.Abort()
		return read, kept, err
	}
	return read, kept, w.Close()
}
