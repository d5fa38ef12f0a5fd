// Package build runs extraction over a whole corpus: a first pass builds a
// catalog of the run's entities, a second extracts every article in
// parallel and writes the graphs in input order, so the output is the same
// bytes whatever the number of workers, and memory grows with the catalog,
// never with the number of triples written.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"os"
	"runtime"
	"sort"
	"time"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Options configure a run.
type Options struct {
	// Catalog, when set, is the run's catalog, as LoadCatalog reads it
	// from a file: the run then makes no catalog pass.
	Catalog *Catalog
	// NewPipeline returns the per-article pipeline, given the run's
	// catalog. Each worker gets its own; the catalog pass's workers get
	// theirs with a nil catalog.
	NewPipeline func(cat *Catalog) *extract.Pipeline
	// Workers is the number of extraction goroutines (all cores when 0).
	Workers int
	// Shard and Shards select the Shard-th (0-based) of Shards contiguous
	// slices of the run's articles; Shards 0 or 1 means the whole run.
	Shard, Shards int
	// InputFormat forces the input format (detected per source when Auto).
	InputFormat input.Format
	// Stdin is what the source "-" reads.
	Stdin io.Reader
	// PostExtract, when set, is called on every graph before it is written
	// (by the workers, in parallel), for example to link entities.
	PostExtract func(ctx context.Context, g *extract.Graph) error
	// Progress, when set, is called from time to time, and once at the end,
	// from one goroutine at a time, though not always the same one.
	Progress func(Stats)
	// ProgressEvery is the least time between two Progress calls.
	ProgressEvery time.Duration
}

// Stats are a run's figures.
type Stats struct {
	Articles        int            `json:"articles"`
	Failed          int            `json:"articlesWithErrors"`
	Triples         int            `json:"triples"`
	Warnings        int            `json:"warnings"`
	Bytes           int64          `json:"bytesRead"`
	TotalBytes      int64          `json:"totalBytes"`
	TotalArticles   int            `json:"totalArticles"`
	EntitiesByClass map[string]int `json:"entitiesByClass"`
	WarningsByKind  map[string]int `json:"warningsByKind"`
	Elapsed         time.Duration  `json:"-"`
	Seconds         float64        `json:"seconds"`
	// Errors holds every error about the input, sorted by position.
	Errors extract.ErrorList `json:"-"`
	// WarningList holds every warning, in input order.
	WarningList extract.ErrorList `json:"-"`
	// classCounts counts the entities per class IRI, which EntitiesByClass
	// counts per label once the Progress callback or the caller reads it:
	// a run has a few dozen classes, which a slice finds without the two
	// map look-ups per class and article that a label cost.
	classCounts []classCount
}

// result is one article's outcome, in input order.
type result struct {
	graph  *extract.Graph
	errs   extract.ErrorList
	warns  extract.ErrorList
	bytes  int64
	failed bool
	// classes counts the graph's entities per class IRI.
	classes []classCount
}

// job is one article to extract.
type job struct {
	a     *extract.Article
	err   error // a reader error in place of an article
	bytes int64
}

// Run extracts every article of sources and writes its quads to enc, in
// input order. Errors about the input are collected in the returned Stats;
// the error returned is one that stops the run (writing failed, the context
// was cancelled).
func Run(ctx context.Context, sources []input.Source, enc export.Encoder, opt Options) (*Stats, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Shards <= 1 {
		opt.Shards, opt.Shard = 1, 0
	}
	if opt.Shard < 0 || opt.Shard >= opt.Shards {
		return nil, fmt.Errorf("shard %d of %d does not exist", opt.Shard+1, opt.Shards)
	}
	sources, cleanup, err := spoolStdin(sources, opt.Stdin)
	if err != nil {
		return nil, err
	}
	defer cleanup()

	st := &Stats{EntitiesByClass: map[string]int{}, WarningsByKind: map[string]int{}}
	start := time.Now()
	cat := opt.Catalog
	if cat == nil {
		cat, err = BuildCatalog(ctx, sources, opt.InputFormat, func() *extract.Pipeline { return opt.NewPipeline(nil) }, opt.Workers)
		if err != nil {
			return nil, err
		}
	}
	if cat.part {
		return nil, fmt.Errorf("%w: the catalog is a part of one, to merge with the others first", ErrCatalogMismatch)
	}
	if len(cat.sources) != len(sources) {
		return nil, fmt.Errorf("%w: it counted %d files, the input has %d", ErrCatalogMismatch, len(cat.sources), len(sources))
	}
	st.TotalArticles, st.TotalBytes = cat.Articles, cat.Bytes
	lo, hi := 0, cat.Articles
	if opt.Shards > 1 {
		lo = opt.Shard * cat.Articles / opt.Shards
		hi = (opt.Shard + 1) * cat.Articles / opt.Shards
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opt.Shard == opt.Shards-1 {
		hi = -1 // the last slice: feed reads to the end
	}
	var readErr error
	next, stop := iter.Pull(func(yield func(job) bool) {
		readErr = feed(ctx, sources, opt.InputFormat, lo, hi, cat, yield)
	})
	defer stop()
	newWorker := func() func(job) result {
		pipe := opt.NewPipeline(cat)
		slab := new(classSlab)
		return func(j job) result { return extractOne(ctx, pipe, slab, j, opt.PostExtract) }
	}
	lastProgress := time.Now()
	write := func(r result) error {
		if err := st.add(r, enc); err != nil {
			return err
		}
		if opt.Progress != nil && time.Since(lastProgress) >= opt.ProgressEvery {
			lastProgress = time.Now()
			st.Elapsed = time.Since(start)
			st.countClasses()
			opt.Progress(*st)
		}
		return nil
	}
	writeErr := mapOrdered(ctx, opt.Workers, next, newWorker, write)
	if writeErr != nil {
		cancel()
	}
	// The reader may be mid-source when writing failed: stop ends it.
	stop()
	if readErr != nil && writeErr == nil {
		writeErr = readErr
	}
	st.Elapsed = time.Since(start)
	st.Seconds = st.Elapsed.Seconds()
	st.Errors.Sort()
	st.countClasses()
	if opt.Progress != nil {
		opt.Progress(*st)
	}
	return st, writeErr
}

// add writes one result and counts it.
func (st *Stats) add(r result, enc export.Encoder) error {
	st.Bytes += r.bytes
	st.Errors = append(st.Errors, r.errs...)
	st.WarningList = append(st.WarningList, r.warns...)
	st.Warnings += len(r.warns)
	for _, w := range r.warns {
		st.WarningsByKind[warningKind(w)]++
	}
	if r.failed {
		st.Failed++
	}
	if r.graph == nil && r.failed {
		return nil
	}
	st.Articles++
	for _, cc := range r.classes {
		st.classCounts = addClassCount(st.classCounts, cc)
	}
	if r.graph == nil {
		return nil
	}
	// The graph's memory goes back for reuse once its quads are written.
	defer r.graph.Release()
	name := r.graph.Name
	encode := enc.Encode
	// A graph's triples were validated as they were added: with a valid
	// graph name, its quads need no second check.
	if ve, ok := enc.(export.ValidEncoder); ok && r.graph.ValidName() {
		if ge, ok := ve.(export.GraphEncoder); ok {
			ts := r.graph.Triples()
			if err := ge.EncodeValidGraph(name, ts); err != nil {
				return err
			}
			st.Triples += len(ts)
			return nil
		}
		encode = ve.EncodeValid
	}
	for _, t := range r.graph.Triples() {
		if err := encode(rdf.Quad{S: t.S, P: t.P, O: t.O, G: name}); err != nil {
			var invalid *export.InvalidQuadError
			if errors.As(err, &invalid) {
				// Extractors validate what they add; an invalid quad here is
				// a bug, reported but never written.
				st.Errors = append(st.Errors, &extract.ParseError{Err: err})
				continue
			}
			return err
		}
		st.Triples++
	}
	return nil
}

func warningKind(w *extract.ParseError) string {
	if errors.Is(w, extract.ErrUnparsed) {
		return "value kept as literal"
	}
	return "other"
}

// extractOne runs the pipeline on one job.
func extractOne(ctx context.Context, pipe *extract.Pipeline, slab *classSlab, j job, post func(context.Context, *extract.Graph) error) result {
	r := result{bytes: j.bytes}
	if j.err != nil {
		// An article with bad bytes is reported and left out rather than
		// written with replacement characters in its names.
		r.failed = true
		r.errs = asErrorList(j.err, "")
		return r
	}
	if j.a == nil || ctx.Err() != nil {
		r.failed = true
		return r
	}
	g, err := pipe.Extract(j.a)
	// The graph keeps none of the article's memory, which the reader
	// fills again.
	file := j.a.File
	j.a.Release()
	if err == nil && post != nil {
		err = post(ctx, g)
	}
	if err != nil {
		r.failed = true
		r.errs = append(r.errs, asErrorList(err, file)...)
		return r
	}
	// Sorting here keeps it in the worker, not the writer.
	g.Triples()
	r.graph = g
	r.warns = g.Warnings
	var buf [8]classCount
	counts := buf[:0]
	for e := range g.AllEntities() {
		for _, c := range e.Classes {
			counts = countClass(counts, c.Value)
		}
	}
	r.classes = slab.keep(counts)
	return r
}

// classCount is the number of a graph's entities of one class.
type classCount struct {
	class string
	n     int
}

// countClass counts one more entity of class in counts: a graph has a
// handful of classes, which a slice counts without a map's allocations.
func countClass(counts []classCount, class string) []classCount {
	for i := range counts {
		if sameClass(counts[i].class, class) {
			counts[i].n++
			return counts
		}
	}
	return append(counts, classCount{class, 1})
}

// sameClass reports whether the class IRIs a and b are equal. IRIs of one
// namespace share a long prefix and differ at the end, which it compares
// first.
func sameClass(a, b string) bool {
	return len(a) == len(b) && (a == "" || a[len(a)-1] == b[len(b)-1]) && a == b
}

// classSlab holds the class counts of a worker's results, so that an
// article's few counts cost no allocation of their own.
type classSlab struct {
	free []classCount
}

// keep returns a copy of counts in the slab. The slab is never reused:
// once full, a new one takes its place, and the old is garbage when the
// results that hold its counts are.
func (s *classSlab) keep(counts []classCount) []classCount {
	if cap(s.free)-len(s.free) < len(counts) {
		s.free = make([]classCount, 0, max(256, len(counts)))
	}
	n := len(s.free)
	s.free = append(s.free, counts...)
	return s.free[n:len(s.free):len(s.free)]
}

// addClassCount adds cc to counts.
func addClassCount(counts []classCount, cc classCount) []classCount {
	for i := range counts {
		if sameClass(counts[i].class, cc.class) {
			counts[i].n += cc.n
			return counts
		}
	}
	return append(counts, cc)
}

// countClasses sets EntitiesByClass from classCounts.
func (st *Stats) countClasses() {
	clear(st.EntitiesByClass)
	for _, cc := range st.classCounts {
		st.EntitiesByClass[classLabel(cc.class)] += cc.n
	}
}

// classLabel abbreviates a class IRI in the wikikg namespace to kg:Name.
func classLabel(class string) string {
	if len(class) > len(ontology.KG) && class[:len(ontology.KG)] == ontology.KG {
		return "kg:" + class[len(ontology.KG):]
	}
	return class
}

// asErrorList turns any error about an article into ParseErrors.
func asErrorList(err error, file string) extract.ErrorList {
	var list extract.ErrorList
	if errors.As(err, &list) {
		return list
	}
	var pe *extract.ParseError
	if errors.As(err, &pe) {
		return extract.ErrorList{pe}
	}
	return extract.ErrorList{{File: file, Err: err}}
}

// feed reads the sources in order and sends articles lo..hi-1 (counted
// over the whole run, whose catalog cat counted the articles of each
// source) to send, which returns false to stop it. Reader errors travel in
// order with the articles, so the error list is the same whatever the
// number of workers. The sources before the slice are skipped unread, so
// that the machines of a sharded run read their own part of the corpus
// only.
func feed(ctx context.Context, sources []input.Source, f input.Format, lo, hi int, cat *Catalog, send func(job) bool) error {
	// The last slice also takes the errors after the run's last article
	// (trailing garbage, a truncated compressed file, a file with no
	// article at all), which no following article can carry.
	last := hi == -1
	if last {
		hi = math.MaxInt
	}
	index := 0
	for k, src := range sources {
		if index >= hi {
			return nil
		}
		counted := cat.sources[k].Articles
		if index+counted < lo {
			// The source's articles precede the slice, and so does the
			// article that follows any error it holds.
			index += counted
			continue
		}
		first := index
		err := eachArticle(src, f, false, func(a *extract.Article, err error, n int64) bool {
			if a == nil {
				// Errors with no article belong to the slice of the
				// article that follows them.
				if index >= lo && index < hi {
					return send(job{err: err, bytes: n})
				}
				return true
			}
			in := index >= lo && index < hi
			index++
			if in {
				return send(job{a: a, err: err, bytes: n})
			}
			return index < hi
		})
		// Below hi, and not cancelled, the source was read to its end.
		if err == nil && ctx.Err() == nil && index < hi && index-first != counted {
			return fmt.Errorf("%w: it counted %d articles in %s, which has %d", ErrCatalogMismatch, counted, src.Name, index-first)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// The source could not be opened or read: an input error.
			if !send(job{err: &extract.ParseError{File: src.Name, Err: err}}) {
				return ctx.Err()
			}
		}
	}
	// A catalog of other input would resolve names wrongly: the input
	// must have the articles it counted.
	if last && index != cat.Articles || !last && index < hi {
		return fmt.Errorf("%w: it counted %d articles, the input has %d", ErrCatalogMismatch, cat.Articles, index)
	}
	return nil
}

// eachArticle calls fn for every article (or article-less error) of src,
// with the number of bytes read since the last call, until fn returns false;
// infoboxOnly leaves the articles' prose out. It returns an error only when
// the source cannot be opened or read on.
func eachArticle(src input.Source, f input.Format, infoboxOnly bool, fn func(a *extract.Article, err error, n int64) bool) error {
	rc, err := src.Open(nil)
	if err != nil {
		return err
	}
	defer rc.Close()
	counter := &input.CountingReader{R: rc}
	var rd input.ArticleReader
	if infoboxOnly {
		rd = input.NewInfoboxReader(counter, src.Name, f)
	} else {
		rd = input.NewArticleReader(counter, src.Name, f)
	}
	var last int64
	for {
		a, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil && !isInputError(err) {
			return err
		}
		n := counter.N - last
		last = counter.N
		if !fn(a, err, n) {
			return nil
		}
	}
}

// isInputError reports whether err, from an ArticleReader, is about the
// input (an ErrorList or a *ParseError) rather than about reading it. It is
// a function of its own so that the variables errors.As fills are made
// for an error only, not for every article.
func isInputError(err error) bool {
	var list extract.ErrorList
	var pe *extract.ParseError
	return errors.As(err, &list) || errors.As(err, &pe)
}

// spoolStdin copies standard input to a temporary file, so that both passes
// can read it.
func spoolStdin(sources []input.Source, stdin io.Reader) ([]input.Source, func(), error) {
	cleanup := func() {}
	out := make([]input.Source, len(sources))
	copy(out, sources)
	for i, s := range out {
		if s.Path != "-" {
			continue
		}
		if stdin == nil {
			stdin = os.Stdin
		}
		f, err := os.CreateTemp("", "wikikg-stdin-*")
		if err != nil {
			return nil, cleanup, err
		}
		name := f.Name()
		cleanup = func() { os.Remove(name) }
		if _, err := io.Copy(f, stdin); err != nil {
			f.Close()
			cleanup()
			return nil, func() {}, fmt.Errorf("reading standard input: %w", err)
		}
		if err := f.Close(); err != nil {
			cleanup()
			return nil, func() {}, err
		}
		out[i] = input.Source{Name: s.Name, Path: name}
		// A second "-" reads the same spooled input as the first.
		for j := i + 1; j < len(out); j++ {
			if out[j].Path == "-" {
				out[j] = out[i]
			}
		}
		break
	}
	return out, cleanup, nil
}

// SortedClasses returns the class counts as sorted lines, for summaries.
func (st *Stats) SortedClasses() []string {
	var out []string
	for c, n := range st.EntitiesByClass {
		out = append(out, fmt.Sprintf("%s %d", c, n))
	}
	sort.Strings(out)
	return out
}
