package extract

import (
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/wikikg/wikikg/rdf"
)

// savedDictionary heads a Dictionary written by EncodeGob: the classes its
// entries count, then the entries in batches of savedBatch, ended by an
// empty batch.
type savedDictionary struct {
	Classes []string
	Entries int32
}

type savedEntry struct {
	Key, Name string
	Classes   []savedCount
	Ambiguous bool
}

type savedCount struct {
	Class uint16
	N     uint32
}

// savedBatch is the number of entries in one gob value: small enough to
// keep the encoder's buffer small, large enough to keep its overhead low.
const savedBatch = 4096

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
	batch := make([]savedEntry, 0, savedBatch)
	for i := range d.entries {
		e := d.entry(i)
		se := savedEntry{Key: e.key, Name: e.name, Ambiguous: e.ambiguous}
		for _, c := range e.classes {
			se.Classes = append(se.Classes, savedCount{c.class, c.n})
		}
		batch = append(batch, se)
		if len(batch) == savedBatch || i == d.entries-1 {
			if err := enc.Encode(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return enc.Encode(batch[:0])
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
	for _, c := range head.Classes {
		d.classes = append(d.classes, rdf.IRI(c))
	}
	for {
		// A fresh slice each time: gob leaves the fields a value omits
		// (its zero fields) as they were in a slice it decodes into.
		var batch []savedEntry
		if err := dec.Decode(&batch); err != nil {
			return nil, err
		}
		if len(batch) == 0 {
			break
		}
		for _, se := range batch {
			if se.Key == "" || d.entries >= head.Entries {
				return nil, ErrBadDictionary
			}
			i, h, found, taken := d.find(se.Key)
			if found {
				return nil, fmt.Errorf("%w: key %q twice", ErrBadDictionary, se.Key)
			}
			i = d.add(se.Key, h, taken)
			e := d.entry(i)
			e.name, e.ambiguous = se.Name, se.Ambiguous
			for _, c := range se.Classes {
				if int(c.Class) >= len(d.classes) {
					return nil, ErrBadDictionary
				}
				e.classes = append(e.classes, classCount{c.Class, c.N})
			}
		}
	}
	if d.entries != head.Entries {
		return nil, fmt.Errorf("%w: %d entries, want %d", ErrBadDictionary, d.entries, head.Entries)
	}
	return d, nil
}
