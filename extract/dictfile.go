package extract

import (
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/wikikg/wikikg/internal/bloom"
	"github.com/wikikg/wikikg/rdf"
)

// savedDictionary heads a Dictionary written by EncodeGob: the classes its
// entries count, then the entries in batches (see encodeEntries).
type savedDictionary struct {
	Classes []string
	Entries int32
}

// entryBatch is the number of entries in one batch.
const entryBatch = 4096

// EncodeGob writes d to enc, entries in the order they were added, so that
// the same dictionary always gives the same bytes.
func (d *Dictionary) EncodeGob(enc *gob.Encoder) error {
	head := savedDictionary{Entries: d.entries}
	for _, c := range d.classes {
		head.Classes = append(head.Classes, c.Value)
	}
	if err := enc.Encode(head); err != nil {
		return err
	}
	var batch []byte
	for lo := int32(0); lo < d.entries; lo += entryBatch {
		batch = d.encodeEntries(batch[:0], lo, min(lo+entryBatch, d.entries))
		if err := enc.Encode(batch); err != nil {
			return err
		}
	}
	return enc.Encode([]byte{})
}

// encodeEntries appends entries lo..hi-1 to b, each as its key and name
// (a uvarint length, then the bytes), 1 if ambiguous or else 0, the number
// of its classes, and each class's index and count as uvarints. Gob's
// reflection, per entry, cost three times what reading these bytes does,
// and a catalog has millions of entries.
func (d *Dictionary) encodeEntries(b []byte, lo, hi int32) []byte {
	var key []byte
	for i := lo; i < hi; i++ {
		e := d.entry(i)
		key = appendFoldName(key[:0], e.name)
		b = binary.AppendUvarint(b, uint64(len(key)))
		b = append(b, key...)
		b = binary.AppendUvarint(b, uint64(len(e.name)))
		b = append(b, e.name...)
		flag := byte(0)
		if e.ambiguous {
			flag = 1
		}
		b = append(b, flag)
		if e.n == 0 {
			b = append(b, 0)
			continue
		}
		more := d.more[i]
		b = binary.AppendUvarint(b, uint64(1+len(more)))
		b = binary.AppendUvarint(b, uint64(e.class))
		b = binary.AppendUvarint(b, uint64(e.n))
		for _, c := range more {
			b = binary.AppendUvarint(b, uint64(c.class))
			b = binary.AppendUvarint(b, uint64(c.n))
		}
	}
	return b
}

// ErrBadDictionary reports a saved dictionary that does not hold together.
var ErrBadDictionary = errors.New("malformed saved dictionary")

// DecodeDictionary reads a Dictionary that EncodeGob wrote.
func DecodeDictionary(dec *gob.Decoder) (*Dictionary, error) {
	var head savedDictionary
	if err := dec.Decode(&head); err != nil {
		return nil, err
	}
	if len(head.Classes) >= 1<<16 || head.Entries < 0 {
		return nil, ErrBadDictionary
	}
	d := NewDictionary()
	// Sized for the entries the header announces, within reason (it may
	// lie), the index and filter are not rebuilt as they fill.
	if n := min(int(head.Entries), 1<<22); n > 0 {
		d.index.init(n)
		d.filter = *bloom.New(n)
	}
	for _, c := range head.Classes {
		d.classes = append(d.classes, rdf.IRI(c))
	}
	for {
		var batch []byte
		if err := dec.Decode(&batch); err != nil {
			return nil, err
		}
		if len(batch) == 0 {
			break
		}
		if err := d.decodeEntries(string(batch), head.Entries); err != nil {
			return nil, err
		}
	}
	if d.entries != head.Entries {
		return nil, fmt.Errorf("%w: %d entries, want %d", ErrBadDictionary, d.entries, head.Entries)
	}
	return d, nil
}

// decodeEntries adds the entries encodeEntries wrote to batch, up to limit
// entries in all. Keys and names are substrings of batch, which costs one
// allocation a batch rather than two an entry.
func (d *Dictionary) decodeEntries(batch string, limit int32) error {
	r := entryReader{s: batch}
	for r.s != "" {
		key, name := r.string(), r.string()
		flag := r.byte()
		n := r.uvarint()
		if r.bad || key == "" || flag > 1 || n > uint64(len(d.classes)) || d.entries >= limit {
			return ErrBadDictionary
		}
		// An entry keeps its name only, from which find folds its key
		// again.
		var buf [64]byte
		if string(appendFoldName(buf[:0], name)) != key {
			return fmt.Errorf("%w: key %q is not that of its name %q", ErrBadDictionary, key, name)
		}
		i, h, found, taken := d.find(key)
		if found {
			return fmt.Errorf("%w: key %q twice", ErrBadDictionary, key)
		}
		i = d.add(key, name, h, taken)
		d.entry(i).ambiguous = flag == 1
		for range n {
			class, count := r.uvarint(), r.uvarint()
			if r.bad || class >= uint64(len(d.classes)) || count == 0 || count > 1<<32-1 {
				return ErrBadDictionary
			}
			if !d.count(i, uint16(class), uint32(count)) {
				return fmt.Errorf("%w: key %q counts a class twice", ErrBadDictionary, key)
			}
		}
	}
	return nil
}

// entryReader reads what encodeEntries wrote; bad is set, and stays set,
// once it reads past the end or a malformed number.
type entryReader struct {
	s   string
	bad bool
}

func (r *entryReader) uvarint() uint64 {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.s == "" {
			r.bad = true
			return 0
		}
		c := r.s[0]
		r.s = r.s[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.bad = true
	return 0
}

func (r *entryReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *entryReader) byte() byte {
	if r.s == "" {
		r.bad = true
		return 0
	}
	c := r.s[0]
	r.s = r.s[1:]
	return c
}
