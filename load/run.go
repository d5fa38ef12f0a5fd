package load

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Verify says which graphs Run counts in the store after loading.
type Verify int

// The verification modes.
const (
	VerifySent Verify = iota // the graphs sent in this run (the default)
	VerifyAll                // also the graphs skipped as already loaded
	VerifyNone               // none
)

// Options configure Run.
type Options struct {
	// Loader sends the graphs.
	Loader Loader
	// Store names the store in State: its endpoint.
	Store string
	// State, when not nil, is consulted and updated.
	State *State
	// Parallel is how many requests are in flight at once (default 1).
	Parallel int
	// Merge adds to graphs (POST) instead of replacing them.
	Merge bool
	// Force sends graphs State says are loaded already.
	Force bool
	// Verify selects the graphs counted after loading.
	Verify Verify
	// Progress, when not nil, is called after each graph with the totals.
	Progress func(Stats)
}

// Stats are a load's totals.
type Stats struct {
	Graphs  int // graphs read
	Sent    int // graphs loaded in this run
	Skipped int // graphs unchanged since the state file says they were loaded
	Failed  int // graphs refused, or not sent because the load stopped
	// Triples sent, and triples in skipped graphs.
	Triples, SkippedTriples int64
	// Verified graphs, and the mismatches among them.
	Verified   int
	Mismatches []Mismatch
	// Errors holds one entry per failed request, about its graphs.
	Errors  []error
	Elapsed time.Duration
	// Stopped is set when the load stopped early: the store was unreachable
	// or refused the credentials.
	Stopped error
}

// TriplesPerSecond is the rate of triples sent.
func (s Stats) TriplesPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Triples) / s.Elapsed.Seconds()
}

// Mismatch is a graph whose count in the store differs from what was sent.
type Mismatch struct {
	Graph        string
	Sent, Stored int64
	Err          error // set when the count itself failed
}

func (m Mismatch) String() string {
	if m.Err != nil {
		return fmt.Sprintf("graph <%s>: cannot verify: %v", m.Graph, m.Err)
	}
	return fmt.Sprintf("graph <%s>: %d triples sent, %d in the store", m.Graph, m.Sent, m.Stored)
}

// refuseLimit is how many failed requests without any success stop a load.
const refuseLimit = 3

// ErrIncomplete is returned by Run when some graph failed or did not match.
var ErrIncomplete = errors.New("load incomplete")

// Run loads the graphs source yields. source calls its argument with each
// graph and stops when it returns an error; ReadGraphs over the input files
// is one. Run returns the totals, and an error wrapping ErrIncomplete when
// some graph failed or mismatched, or source's own error.
func Run(ctx context.Context, opt Options, source func(fn func(*Graph) error) error) (Stats, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	par := max(opt.Parallel, 1)

	type item struct {
		name    string
		triples int64
		hash    string
		sent    bool
	}
	var (
		mu    sync.Mutex
		st    Stats
		items []item
	)
	progress := func() {
		if opt.Progress != nil {
			s := st
			s.Elapsed = time.Since(start)
			opt.Progress(s)
		}
	}
	type job struct {
		graphs []*Graph
		hashes []string
	}
	jobs := make(chan job, par)
	var wg sync.WaitGroup
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					mu.Lock()
					st.Failed += len(j.graphs)
					mu.Unlock()
					continue
				}
				err := opt.Loader.Load(ctx, j.graphs, opt.Merge)
				mu.Lock()
				if err != nil {
					st.Failed += len(j.graphs)
					if ctx.Err() == nil || !errors.Is(err, context.Canceled) {
						st.Errors = append(st.Errors, err)
					}
					// A store that refuses the first graphs it gets, and
					// accepts none, would refuse the rest too: stop rather
					// than retry every graph.
					refused := st.Sent == 0 && len(st.Errors) >= refuseLimit
					if (fatal(err) || refused) && st.Stopped == nil {
						st.Stopped = err
						cancel()
					}
				} else {
					for i, g := range j.graphs {
						st.Sent++
						st.Triples += int64(len(g.Triples))
						items = append(items, item{g.Name, int64(len(g.Triples)), j.hashes[i], true})
						if serr := opt.State.Record(opt.Store, g.Name, j.hashes[i], len(g.Triples)); serr != nil && st.Stopped == nil {
							st.Stopped = fmt.Errorf("state file: %w", serr)
							cancel()
						}
					}
				}
				progress()
				mu.Unlock()
			}
		}()
	}

	limit := opt.Loader.BatchTriples()
	var batch job
	var batchTriples int
	flush := func() error {
		if len(batch.graphs) == 0 {
			return nil
		}
		select {
		case jobs <- batch:
		case <-ctx.Done():
			mu.Lock()
			st.Failed += len(batch.graphs)
			mu.Unlock()
			return ctx.Err()
		}
		batch, batchTriples = job{}, 0
		return nil
	}
	srcErr := source(func(g *Graph) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		h := g.Hash()
		mu.Lock()
		st.Graphs++
		if !opt.Force && opt.State.Loaded(opt.Store, g.Name, h) {
			st.Skipped++
			st.SkippedTriples += int64(len(g.Triples))
			items = append(items, item{g.Name, int64(len(g.Triples)), h, false})
			progress()
			mu.Unlock()
			return nil
		}
		mu.Unlock()
		if limit <= 0 || batchTriples+len(g.Triples) > limit {
			if err := flush(); err != nil {
				return err
			}
		}
		batch.graphs = append(batch.graphs, g)
		batch.hashes = append(batch.hashes, h)
		batchTriples += len(g.Triples)
		if limit <= 0 || batchTriples >= limit {
			return flush()
		}
		return nil
	})
	if srcErr == nil {
		srcErr = flush()
	}
	close(jobs)
	wg.Wait()
	if err := opt.State.Save(); err != nil && st.Stopped == nil {
		st.Stopped = fmt.Errorf("state file: %w", err)
	}
	if st.Stopped != nil && errors.Is(srcErr, context.Canceled) {
		srcErr = nil // the source stopped because the load did
	}

	if opt.Verify != VerifyNone && st.Stopped == nil && ctx.Err() == nil {
		st.Mismatches, st.Verified = verify(ctx, opt, par, items, func(i item) (string, int64, bool) {
			return i.name, i.triples, i.sent || opt.Verify == VerifyAll
		})
	}
	sort.Slice(st.Mismatches, func(i, j int) bool { return st.Mismatches[i].Graph < st.Mismatches[j].Graph })
	st.Elapsed = time.Since(start)
	switch {
	case srcErr != nil:
		return st, srcErr
	case st.Stopped != nil:
		return st, fmt.Errorf("%w: %v", ErrIncomplete, st.Stopped)
	case st.Failed > 0 || len(st.Mismatches) > 0:
		return st, fmt.Errorf("%w: %d graphs failed, %d mismatched", ErrIncomplete, st.Failed, len(st.Mismatches))
	}
	return st, nil
}

// verify counts the chosen graphs in the store, par at a time, and returns
// the mismatches and how many were counted. A mismatched graph is dropped
// from the state, so the next run sends it again.
func verify[T any](ctx context.Context, opt Options, par int, items []T, pick func(T) (string, int64, bool)) ([]Mismatch, int) {
	var (
		mu  sync.Mutex
		out []Mismatch
		n   int
		wg  sync.WaitGroup
	)
	ch := make(chan T)
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				name, sent, _ := pick(it)
				got, err := opt.Loader.Count(ctx, name)
				// A merge adds to what was there: more is fine.
				bad := err != nil || got < sent || (!opt.Merge && got != sent)
				mu.Lock()
				n++
				if bad {
					out = append(out, Mismatch{Graph: name, Sent: sent, Stored: got, Err: err})
					// A graph the store holds otherwise is sent again
					// next time; one that could not be counted may be fine.
					if err == nil {
						opt.State.Forget(opt.Store, name)
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, it := range items {
		if _, _, ok := pick(it); ok {
			ch <- it
		}
	}
	close(ch)
	wg.Wait()
	opt.State.Save()
	return out, n
}

// fatal reports whether err ends the whole load rather than one graph: bad
// credentials, or a store that stayed unreachable through every retry.
func fatal(err error) bool {
	var ae *AuthError
	if errors.As(err, &ae) {
		return true
	}
	var re *RetryError
	if errors.As(err, &re) {
		var se *StatusError
		// 502, 503 and 504 are a proxy or the store saying it is not there.
		return !errors.As(re.Err, &se) || se.Status == 429 || se.Status == 502 || se.Status == 503 || se.Status == 504
	}
	return false
}
