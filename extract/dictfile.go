package extract

import (
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/wikikg/wikikg/internal/gobbatch"
	"github.com/wikikg/wikikg/rdf"
)

// savedDictionary heads a Dictionary written by EncodeGob: the classes its
// entries count, then the entries in gobbatch's batches.
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
	return gobbatch.Encode(enc, int(d.entries), func(i int) savedEntry {
		e := d.entry(int32(i))
		se := savedEntry{Key: e.key, Name: e.name, Ambiguous: e.ambiguous}
		for _, c := range e.classes {
			se.Classes = append(se.Classes, savedCount{c.class, c.n})
		}
		return se
	})
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
	err := gobbatch.Decode(dec, func(se savedEntry) error {
		if se.Key == "" || d.entries >= head.Entries {
			return ErrBadDictionary
		}
		i, h, found, taken := d.find(se.Key)
		if found {
			return fmt.Errorf("%w: key %q twice", ErrBadDictionary, se.Key)
		}
		i = d.add(se.Key, h, taken)
		e := d.entry(i)
		e.name, e.ambiguous = se.Name, se.Ambiguous
		for _, c := range se.Classes {
			if int(c.Class) >= len(d.classes) {
				return ErrBadDictionary
			}
			e.classes = append(e.classes, classCount{c.Class, c.N})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.entries != head.Entries {
		return nil, fmt.Errorf("%w: %d entries, want %d", ErrBadDictionary, d.entries, head.Entries)
	}
	return d, nil
}
