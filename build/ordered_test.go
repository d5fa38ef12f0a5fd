package build

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counter yields 0, 1, … n-1, counting what it has yielded.
type counter struct {
	n, yielded int
}

func (c *counter) next() (int, bool) {
	if c.yielded == c.n {
		return 0, false
	}
	c.yielded++
	return c.yielded - 1, true
}

func TestMapOrdered(t *testing.T) {
	for _, workers := range []int{1, 2, 3, 8} {
		for _, n := range []int{0, 1, batchLen - 1, batchLen, 5*batchLen + 3} {
			t.Run(fmt.Sprintf("%d workers, %d values", workers, n), func(t *testing.T) {
				c := &counter{n: n}
				var made atomic.Int32
				newWorker := func() func(int) int {
					made.Add(1)
					return func(v int) int {
						// Later values often finish first.
						if v%3 == 0 {
							time.Sleep(time.Duration(v%5) * 100 * time.Microsecond)
						}
						return v * 10
					}
				}
				var got []int
				err := mapOrdered(context.Background(), workers, c.next, newWorker, func(r int) error {
					got = append(got, r)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != n {
					t.Fatalf("emitted %d values, want %d", len(got), n)
				}
				for i, r := range got {
					if r != i*10 {
						t.Fatalf("value %d is %d, want %d", i, r, i*10)
					}
				}
				if workers == 1 && made.Load() != 1 {
					t.Errorf("one worker made %d worker functions", made.Load())
				}
			})
		}
	}
}

func TestMapOrderedEmitError(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			boom := errors.New("disk full")
			c := &counter{n: 1000}
			var emitted []int
			err := mapOrdered(context.Background(), workers, c.next, func() func(int) int {
				return func(v int) int { return v }
			}, func(r int) error {
				if r == 20 {
					return boom
				}
				emitted = append(emitted, r)
				return nil
			})
			if !errors.Is(err, boom) {
				t.Fatalf("error %v, want %v", err, boom)
			}
			if len(emitted) != 20 || emitted[19] != 19 {
				t.Errorf("emitted %v, want 0…19", emitted)
			}
			// The workers stop reading soon after: at most the batches
			// in work and pending besides the failed one.
			if limit := (3*workers + 3) * batchLen; c.yielded > limit {
				t.Errorf("read %d values after the error, want at most %d", c.yielded, limit)
			}
		})
	}
}

func TestMapOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := &counter{n: 1 << 20}
	err := mapOrdered(ctx, 4, c.next, func() func(int) int {
		return func(v int) int {
			if v == 100 {
				cancel()
			}
			return v
		}
	}, func(int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if c.yielded > 1000 {
		t.Errorf("read %d values after cancellation", c.yielded)
	}
}

// TestMapOrderedBounded checks that a slow value holds the other workers
// back: results waiting for it stay bounded, rather than the whole input.
func TestMapOrderedBounded(t *testing.T) {
	const workers = 4
	c := &counter{n: 10000}
	var mu sync.Mutex
	emitted, maxAhead := 0, 0
	next := func() (int, bool) {
		v, ok := c.next()
		mu.Lock()
		maxAhead = max(maxAhead, c.yielded-emitted)
		mu.Unlock()
		return v, ok
	}
	err := mapOrdered(context.Background(), workers, next, func() func(int) int {
		return func(v int) int {
			if v == 0 {
				time.Sleep(50 * time.Millisecond)
			}
			return v
		}
	}, func(int) error {
		mu.Lock()
		emitted++
		mu.Unlock()
		return nil
	})
	if err != nil || emitted != c.n {
		t.Fatalf("emitted %d of %d, error %v", emitted, c.n, err)
	}
	// Pending batches, one in work per worker, and the one being read.
	if limit := (2*workers + workers + 1) * batchLen; maxAhead > limit {
		t.Errorf("read up to %d values ahead of the writer, want at most %d", maxAhead, limit)
	}
}
