// Package gobbatch writes long lists to a gob stream in batches, each list
// ended by an empty batch, so that neither side holds a whole list of
// millions of items as one value.
package gobbatch

import "encoding/gob"

// Size is the number of items in one batch: enough to keep gob's
// per-value overhead low, few enough to keep its buffers small.
const Size = 4096

// Encode encodes item(0)…item(n-1) in batches, then an empty batch.
func Encode[T any](enc *gob.Encoder, n int, item func(int) T) error {
	batch := make([]T, 0, min(n, Size))
	for i := range n {
		batch = append(batch, item(i))
		if len(batch) == Size {
			if err := enc.Encode(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := enc.Encode(batch); err != nil {
			return err
		}
	}
	return enc.Encode(batch[:0])
}

// Decode calls add for every item of the batches Encode wrote, in order,
// up to the empty batch, and returns add's first error.
func Decode[T any](dec *gob.Decoder, add func(T) error) error {
	for {
		// A fresh slice each time: gob leaves the fields a value omits
		// (its zero fields) as they were in a slice it decodes into.
		var batch []T
		if err := dec.Decode(&batch); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, it := range batch {
			if err := add(it); err != nil {
				return err
			}
		}
	}
}
