package build

import (
	"context"
	"sync"
)

// batchLen is how many articles a worker takes from the reader at a time,
// so that the reader's lock and the writer's are taken once per batch,
// not once per article.
const batchLen = 8

// mapOrdered calls a worker's function on every value next yields, on
// workers goroutines at once, and emit on the results in the order next
// yielded their values. Each goroutine gets its function from newWorker.
//
// There is no reader or writer goroutine to hand values to: a worker takes
// a batch from next under a lock, works on it, and emits, under the
// writer's token, every result now in order, its own and those other
// workers left because an earlier batch was still in work. Handing each
// batch between goroutines woke a sleeping thread twice per batch, which
// cost a third more CPU time than the work itself with one worker on two
// cores; one worker now runs on the calling goroutine alone.
//
// It stops early when emit fails, returning its error, or when ctx is done,
// returning ctx's error. next is called from one goroutine at a time, and
// emit too.
func mapOrdered[J, R any](ctx context.Context, workers int, next func() (J, bool), newWorker func() func(J) R, emit func(R) error) error {
	m := &orderedMap[J, R]{ctx: ctx, next: next, emit: emit, pending: map[int][]R{}}
	m.cond.L = &m.mu
	// Finished batches waiting for an earlier one are bounded, so that
	// memory stays bounded when one article takes long.
	m.maxPending = 2 * workers
	if workers <= 1 {
		m.work(newWorker())
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				m.work(newWorker())
			}()
		}
		wg.Wait()
	}
	if m.err != nil {
		return m.err
	}
	return ctx.Err()
}

// orderedMap is mapOrdered's state.
type orderedMap[J, R any] struct {
	ctx  context.Context
	emit func(R) error

	// readMu guards next, exhausted and read.
	readMu    sync.Mutex
	next      func() (J, bool)
	exhausted bool
	read      int // batches read

	// mu guards the rest.
	mu         sync.Mutex
	cond       sync.Cond // signalled when pending shrinks or err is set
	pending    map[int][]R
	maxPending int
	written    int  // number of the batch to emit next
	writing    bool // a worker holds the writer's token
	err        error
}

// work takes batches until next is exhausted, the context is done or
// emitting failed.
func (m *orderedMap[J, R]) work(fn func(J) R) {
	var jobs []J
	for {
		m.mu.Lock()
		for len(m.pending) >= m.maxPending && m.err == nil {
			m.cond.Wait()
		}
		failed := m.err != nil
		m.mu.Unlock()
		if failed || m.ctx.Err() != nil {
			return
		}
		var n int
		n, jobs = m.take(jobs[:0])
		if len(jobs) == 0 {
			return
		}
		rs := make([]R, len(jobs))
		for i, j := range jobs {
			rs[i] = fn(j)
		}
		clear(jobs) // the jobs' articles are garbage now
		m.put(n, rs)
	}
}

// take appends the next batch to jobs and returns its number.
func (m *orderedMap[J, R]) take(jobs []J) (int, []J) {
	m.readMu.Lock()
	defer m.readMu.Unlock()
	for !m.exhausted && len(jobs) < batchLen {
		j, ok := m.next()
		if !ok {
			m.exhausted = true
			break
		}
		jobs = append(jobs, j)
	}
	n := m.read
	if len(jobs) > 0 {
		m.read++
	}
	return n, jobs
}

// put files batch n's results and, unless another worker holds the
// writer's token, emits every batch now in order.
func (m *orderedMap[J, R]) put(n int, rs []R) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending[n] = rs
	if m.writing {
		return // the writer emits it, when in order
	}
	m.writing = true
	for m.err == nil {
		rs, ok := m.pending[m.written]
		if !ok {
			break
		}
		delete(m.pending, m.written)
		m.written++
		m.mu.Unlock()
		var err error
		for _, r := range rs {
			if err = m.emit(r); err != nil {
				break
			}
		}
		m.mu.Lock()
		if err != nil {
			m.err = err
		}
	}
	m.writing = false
	m.cond.Broadcast()
}
