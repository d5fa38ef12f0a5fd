package link

import (
	"bufio"
	"bytes"
	"container/heap"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/wikikg/wikikg/internal/atomicfile"
)

// The index is one sorted file of key/value entries with a sparse index,
// written by an external merge sort so that building needs bounded memory
// whatever the dump's size, and read with positioned reads so that opening
// it loads only the sparse index (one key per block) and a lookup reads a
// block or two.
//
//	magic "WKGIDX1\n"
//	blocks of entries: uvarint len(key), key, uvarint len(value), value
//	sparse index: per block uvarint len(first key), first key, uvarint offset
//	trailer: uint64 sparse-index offset, uint64 blocks, uint64 items, magic
//
// Keys: "t\x00" + enwiki title gives the item's record; "n\x00" + NameKey
// + "\x00" + QID gives the record too, once per distinct key of the item,
// so a lookup is one read and never a second seek for the item. Records are
// the JSON of Item.
const (
	indexMagic = "WKGIDX1\n"
	blockSize  = 4096
	trailerLen = 24 + len(indexMagic)
)

const (
	titlePrefix = "t\x00"
	namePrefix  = "n\x00"
)

// IndexWriter builds an index file from items added in any order.
type IndexWriter struct {
	path    string
	tmpDir  string
	limit   int
	buf     []kv
	bufSize int
	runs    []string
	items   int
	keyBuf  []string
}

type kv struct{ k, v []byte }

// NewIndexWriter returns a writer of the index at path that keeps at most
// about memLimit bytes of entries in memory, spilling sorted runs to
// temporary files next to path beyond that.
func NewIndexWriter(path string, memLimit int) (*IndexWriter, error) {
	if memLimit <= 0 {
		memLimit = 256 << 20
	}
	dir, err := os.MkdirTemp(filepath.Dir(path), ".wikidata-idx-*")
	if err != nil {
		return nil, err
	}
	return &IndexWriter{path: path, tmpDir: dir, limit: memLimit}, nil
}

// Add adds an item under its enwiki title and each of its name keys.
func (w *IndexWriter) Add(it *Item) error {
	rec, err := json.Marshal(it)
	if err != nil {
		return err
	}
	w.items++
	if it.Sitelink != "" {
		w.put([]byte(titlePrefix+it.Sitelink), rec)
	}
	w.keyBuf = w.keyBuf[:0]
	for _, n := range it.names() {
		k := NameKey(n)
		if k == "" || slices.Contains(w.keyBuf, k) {
			continue
		}
		w.keyBuf = append(w.keyBuf, k)
		w.put([]byte(namePrefix+k+"\x00"+it.ID), rec)
	}
	if w.bufSize >= w.limit {
		return w.spill()
	}
	return nil
}

func (w *IndexWriter) put(k, v []byte) {
	w.buf = append(w.buf, kv{k, v})
	w.bufSize += len(k) + len(v) + 48
}

func (w *IndexWriter) sortBuf() {
	slices.SortStableFunc(w.buf, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
}

// spill writes the buffer as a sorted run.
func (w *IndexWriter) spill() error {
	w.sortBuf()
	f, err := os.CreateTemp(w.tmpDir, "run-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	for _, e := range w.buf {
		writeEntry(bw, e.k, e.v)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	w.runs = append(w.runs, f.Name())
	w.buf, w.bufSize = w.buf[:0], 0
	return nil
}

func writeEntry(w *bufio.Writer, k, v []byte) int {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], uint64(len(k)))
	w.Write(tmp[:n])
	w.Write(k)
	m := binary.PutUvarint(tmp[:], uint64(len(v)))
	w.Write(tmp[:m])
	w.Write(v)
	return n + len(k) + m + len(v)
}

// Items returns the number of items added so far.
func (w *IndexWriter) Items() int { return w.items }

// Close merges the runs into the index file, written to a temporary name
// and renamed into place, and removes the runs.
func (w *IndexWriter) Close() (err error) {
	defer os.RemoveAll(w.tmpDir)
	var next func() (kv, bool, error)
	if len(w.runs) == 0 {
		w.sortBuf()
		i := 0
		next = func() (kv, bool, error) {
			if i == len(w.buf) {
				return kv{}, false, nil
			}
			i++
			return w.buf[i-1], true, nil
		}
	} else {
		if len(w.buf) > 0 {
			if err := w.spill(); err != nil {
				return err
			}
		}
		m, err := newMerger(w.runs)
		if err != nil {
			return err
		}
		defer m.close()
		next = m.next
	}
	f, err := atomicfile.Create(w.path)
	if err != nil {
		return err
	}
	defer f.Abort()
	bw := bufio.NewWriterSize(f, 1<<20)
	bw.WriteString(indexMagic)
	off := int64(len(indexMagic))
	type sparse struct {
		key []byte
		off int64
	}
	var idx []sparse
	blockStart := int64(-1 << 62)
	var last []byte
	for {
		e, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if last != nil && bytes.Equal(e.k, last) {
			continue // the same title twice in a dump: keep the first
		}
		last = append(last[:0], e.k...)
		if off-blockStart >= blockSize {
			idx = append(idx, sparse{bytes.Clone(e.k), off})
			blockStart = off
		}
		off += int64(writeEntry(bw, e.k, e.v))
	}
	idxOff := off
	var tmp [binary.MaxVarintLen64]byte
	for _, s := range idx {
		n := binary.PutUvarint(tmp[:], uint64(len(s.key)))
		bw.Write(tmp[:n])
		bw.Write(s.key)
		n = binary.PutUvarint(tmp[:], uint64(s.off))
		bw.Write(tmp[:n])
	}
	var tr [24]byte
	binary.LittleEndian.PutUint64(tr[0:], uint64(idxOff))
	binary.LittleEndian.PutUint64(tr[8:], uint64(len(idx)))
	binary.LittleEndian.PutUint64(tr[16:], uint64(w.items))
	bw.Write(tr[:])
	bw.WriteString(indexMagic)
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Commit()
}

// merger merges sorted runs with a heap; on equal keys the earlier run
// wins, which keeps the first of duplicate titles.
type merger struct {
	runs []*runReader
	h    runHeap
}

type runReader struct {
	f   *os.File
	r   *bufio.Reader
	cur kv
	n   int
}

func newMerger(paths []string) (*merger, error) {
	m := &merger{}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			m.close()
			return nil, err
		}
		rr := &runReader{f: f, r: bufio.NewReaderSize(f, 256<<10), n: i}
		m.runs = append(m.runs, rr)
		ok, err := rr.advance()
		if err != nil {
			m.close()
			return nil, err
		}
		if ok {
			m.h = append(m.h, rr)
		}
	}
	heap.Init(&m.h)
	return m, nil
}

func (r *runReader) advance() (bool, error) {
	k, err := readChunk(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	v, err := readChunk(r.r)
	if err != nil {
		return false, fmt.Errorf("run %s: %w", r.f.Name(), err)
	}
	r.cur = kv{k, v}
	return true, nil
}

func readChunk(r *bufio.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return b, nil
}

func (m *merger) next() (kv, bool, error) {
	if len(m.h) == 0 {
		return kv{}, false, nil
	}
	top := m.h[0]
	e := top.cur
	ok, err := top.advance()
	if err != nil {
		return kv{}, false, err
	}
	if ok {
		heap.Fix(&m.h, 0)
	} else {
		heap.Pop(&m.h)
	}
	return e, true, nil
}

func (m *merger) close() {
	for _, r := range m.runs {
		r.f.Close()
	}
}

type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := bytes.Compare(h[i].cur.k, h[j].cur.k); c != 0 {
		return c < 0
	}
	return h[i].n < h[j].n
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Index is an open index file. It is safe for concurrent use.
type Index struct {
	f     *os.File
	keys  [][]byte
	offs  []int64
	end   int64
	items int
}

// ErrNotIndex is returned for a file that is not a wikikg index.
var ErrNotIndex = errors.New("not a wikikg Wikidata index (build one with 'wikikg wikidata index')")

// OpenIndex opens the index at path, reading only its sparse index.
func OpenIndex(path string) (*Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	ix, err := openIndex(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ix, nil
}

func openIndex(f *os.File) (*Index, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size < int64(len(indexMagic)+trailerLen) {
		return nil, ErrNotIndex
	}
	tr := make([]byte, trailerLen)
	if _, err := f.ReadAt(tr, size-int64(trailerLen)); err != nil {
		return nil, err
	}
	if string(tr[24:]) != indexMagic {
		return nil, ErrNotIndex
	}
	idxOff := int64(binary.LittleEndian.Uint64(tr[0:]))
	blocks := int(binary.LittleEndian.Uint64(tr[8:]))
	ix := &Index{f: f, end: idxOff, items: int(binary.LittleEndian.Uint64(tr[16:]))}
	if idxOff < int64(len(indexMagic)) || idxOff > size-int64(trailerLen) {
		return nil, ErrNotIndex
	}
	sp := make([]byte, size-int64(trailerLen)-idxOff)
	if _, err := f.ReadAt(sp, idxOff); err != nil {
		return nil, err
	}
	r := bytes.NewReader(sp)
	for range blocks {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(r.Len()) {
			return nil, ErrNotIndex
		}
		k := make([]byte, n)
		r.Read(k)
		off, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, ErrNotIndex
		}
		ix.keys = append(ix.keys, k)
		ix.offs = append(ix.offs, int64(off))
	}
	return ix, nil
}

// Items returns the number of items in the index.
func (ix *Index) Items() int { return ix.items }

// Close closes the index file.
func (ix *Index) Close() error { return ix.f.Close() }

// scan calls fn with every entry whose key starts with prefix, in key
// order, until fn returns false.
func (ix *Index) scan(prefix []byte, fn func(k, v []byte) bool) error {
	// The last block whose first key is below prefix may hold its first
	// entries.
	b := sort.Search(len(ix.keys), func(i int) bool { return bytes.Compare(ix.keys[i], prefix) >= 0 })
	if b > 0 {
		b--
	}
	for ; b < len(ix.keys); b++ {
		end := ix.end
		if b+1 < len(ix.offs) {
			end = ix.offs[b+1]
		}
		buf := make([]byte, end-ix.offs[b])
		if _, err := ix.f.ReadAt(buf, ix.offs[b]); err != nil {
			return err
		}
		for len(buf) > 0 {
			kl, n := binary.Uvarint(buf)
			if n <= 0 || uint64(len(buf)-n) < kl {
				return ErrNotIndex
			}
			k := buf[n : n+int(kl)]
			buf = buf[n+int(kl):]
			vl, m := binary.Uvarint(buf)
			if m <= 0 || uint64(len(buf)-m) < vl {
				return ErrNotIndex
			}
			v := buf[m : m+int(vl)]
			buf = buf[m+int(vl):]
			switch c := bytes.Compare(k, prefix); {
			case c < 0:
				continue
			case !bytes.HasPrefix(k, prefix):
				return nil
			}
			if !fn(k, v) {
				return nil
			}
		}
	}
	return nil
}

// Title returns the item whose enwiki sitelink is title, or nil.
func (ix *Index) Title(title string) (*Item, error) {
	var it *Item
	var err error
	key := []byte(titlePrefix + title)
	serr := ix.scan(key, func(k, v []byte) bool {
		if len(k) == len(key) {
			it = new(Item)
			err = json.Unmarshal(v, it)
		}
		return false
	})
	if serr != nil {
		return nil, serr
	}
	return it, err
}

// Name returns the items with a name whose NameKey is that of name.
func (ix *Index) Name(name string) ([]*Item, error) {
	k := NameKey(name)
	if k == "" {
		return nil, nil
	}
	var out []*Item
	var err error
	serr := ix.scan([]byte(namePrefix+k+"\x00"), func(_, v []byte) bool {
		it := new(Item)
		if err = json.Unmarshal(v, it); err != nil {
			return false
		}
		out = append(out, it)
		return true
	})
	if serr != nil {
		return nil, serr
	}
	return out, err
}

// Candidates implements Linker.
func (ix *Index) Candidates(ctx context.Context, qs []Query) ([][]*Item, error) {
	out := make([][]*Item, len(qs))
	for i, q := range qs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if q.Title != "" {
			it, err := ix.Title(q.Title)
			if err != nil {
				return nil, err
			}
			if it != nil {
				out[i] = dedupe(out[i], it)
			}
		}
		for _, n := range q.Names {
			its, err := ix.Name(n)
			if err != nil {
				return nil, err
			}
			out[i] = dedupe(out[i], its...)
		}
	}
	return out, nil
}

// Abort removes the writer's temporary files without writing the index.
func (w *IndexWriter) Abort() { os.RemoveAll(w.tmpDir) }
