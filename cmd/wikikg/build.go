package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/build"
	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/asyncwrite"
	"github.com/wikikg/wikikg/internal/atomicfile"
	"github.com/wikikg/wikikg/ontology"
)

type buildOptions struct {
	output   string
	format   string
	base     string
	corpus   corpusFlags
	catalog  string
	shard    string
	report   string
	quiet    bool
	verbose  bool
	mentions bool
	wikidata linkFlags
	load     loadOptions
}

func init() { subcommands = append(subcommands, newBuildCmd) }

func newBuildCmd(e *env) *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build [flags] PATH...",
		Short: "Extract a knowledge graph from articles",
		Long: `build reads articles from each PATH and writes their knowledge graph.

A PATH is a file, a directory (read recursively for *.txt, *.jsonl and
*.ndjson, perhaps compressed), a glob pattern, or - for standard input. Files
compressed with gzip, bzip2 or zstd are read streaming, whatever their name.
The input format (the flattened article text, or JSON Lines with "title" and
"text" fields) is detected from the content; --input-format forces it.

With -o FILE the graph goes to FILE, written atomically, its format taken from
the extension (.ttl, .jsonld, .nt, .nq, .trig); otherwise to standard output in
the --format given. Errors about the input are printed as file:line:col; the
other articles are still written, and the exit status is 1.

The output is the same bytes whatever --workers says. --shard I/N writes the
I-th of N contiguous slices of the run's articles: concatenated in order, the
N N-Triples or N-Quads outputs equal a single run's. Every shard makes the
first pass over the whole input, unless --catalog gives it the catalog that
"wikikg catalog" saved from that input (or merged from its parts, one per
machine); with a catalog, a shard opens no file before its slice.

With --load URL, every article's graph is also sent to a SPARQL store as it
is extracted, as "wikikg load" would (its flags, prefixed --load-).`,
		Example: `  wikikg build testdata/seed/siege-of-pyongyang-1592.txt -o siege.ttl
  wikikg build --format jsonld testdata/corpus/articles/ > corpus.jsonld
  wikikg build --shard 2/8 -o part2.nq 'dump/*.jsonl.bz2'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(cmd.Context(), e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	f.StringVar(&o.format, "format", "ttl", "output format without -o: ttl, jsonld, nt, nq, trig")
	f.StringVar(&o.base, "base", ontology.DefaultBase, "entity namespace `IRI`")
	f.StringVar(&o.catalog, "catalog", "", "use the catalog `FILE` that \"wikikg catalog\" saved, in place of a first pass")
	o.corpus.register(f)
	f.StringVar(&o.shard, "shard", "", "process only slice `I/N` of the input (1-based I)")
	f.StringVar(&o.report, "report", "", "write the run's figures and every error as JSON to `FILE`")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no progress and no summary")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also print every warning (values kept as literals)")
	f.BoolVar(&o.mentions, "mentions", false, "also write each prose mention as a NIF node with its sentence and offsets")
	o.wikidata.register(f)
	o.load.register(f, "load-")
	return cmd
}

func runBuild(ctx context.Context, e *env, o buildOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	format, err := export.ParseFormat(o.format)
	if err != nil {
		return usageError("%v", err)
	}
	if o.output != "" {
		if format, err = export.FormatFromPath(o.output); err != nil {
			return usageError("%v", err)
		}
	}
	if err := checkBase(o.base); err != nil {
		return usageError("--base: %v", err)
	}
	inFormat, mapping, identity, err := o.corpus.parse()
	if err != nil {
		return err
	}
	shard, shards, err := parseShard(o.shard)
	if err != nil {
		return usageError("--shard: %v", err)
	}
	var cat *build.Catalog
	if o.catalog != "" {
		if cat, err = readCatalog(o.catalog, identity); err != nil {
			return &exitError{code: exitInput, err: fmt.Errorf("--catalog: %w", err)}
		}
	}
	sources, err := input.Expand(args)
	if err != nil {
		return usageError("%v", err)
	}

	var out io.Writer = e.stdout
	var file *atomicfile.File
	if o.output != "" {
		if file, err = atomicfile.Create(o.output); err != nil {
			return err
		}
		defer file.Abort()
		out = file
	}
	// The output, twelve times the input in N-Quads, is written on a
	// goroutine of its own: its write calls, 7 of the 31 CPU seconds of
	// 100 k articles, would otherwise stall the worker that holds the
	// writer's token.
	bw := asyncwrite.NewWriter(out, 1<<20)
	defer bw.Close()
	enc, err := export.NewEncoder(bw, format, export.Options{Prefixes: ontology.Prefixes(o.base)})
	if err != nil {
		return usageError("%v", err)
	}

	opt := build.Options{
		NewPipeline: func(cat *build.Catalog) *extract.Pipeline {
			p := extract.NewPipeline(o.base, mapping)
			p.Prose.Mentions = o.mentions
			if cat != nil {
				p.Resolver = cat
				p.Prose.Catalog = cat.Dictionary
			}
			return p
		},
		Catalog:     cat,
		Workers:     o.corpus.workers,
		Shard:       shard,
		Shards:      shards,
		InputFormat: inFormat,
		Stdin:       e.stdin,
	}
	progress := newProgress(e.stderr, o.quiet)
	if progress != nil {
		opt.Progress = progress.show
		opt.ProgressEvery = 200 * time.Millisecond
	}
	finishLinks, err := o.wikidata.setup(e, &opt, o.quiet)
	if err != nil {
		return err
	}
	var loading *streamLoad
	if o.load.endpoint != "" {
		o.load.base, o.load.quiet = o.base, true
		if loading, err = startStreamLoad(ctx, e, &o.load); err != nil {
			return err
		}
		enc = teeEncoder{enc, loading}
	}
	st, err := build.Run(ctx, sources, enc, opt)
	if err != nil {
		if loading != nil {
			loading.Close()
			loading.wait()
		}
		if errors.Is(err, build.ErrCatalogMismatch) {
			// The saved catalog's, or the first pass's when the input
			// changed under the run.
			if o.catalog != "" {
				err = fmt.Errorf("--catalog %s: %w", o.catalog, err)
			}
			return &exitError{code: exitInput, err: err}
		}
		return err
	}
	if err := finishLinks(); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	var loadErr error
	if loading != nil {
		lst, err := loading.wait()
		loading.run.o.quiet = o.quiet
		loadErr = loading.run.report(lst, err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	progress.done()
	for _, err := range st.Errors {
		fmt.Fprintln(e.stderr, err)
	}
	if o.verbose {
		for _, w := range st.WarningList {
			fmt.Fprintf(e.stderr, "warning: %v\n", w)
		}
	}
	if !o.quiet {
		printSummary(e.stderr, st)
	}
	if o.report != "" {
		if err := writeReport(o.report, st); err != nil {
			return err
		}
	}
	if len(st.Errors) > 0 {
		return &exitError{code: exitInput, err: fmt.Errorf("%d input errors in %d articles", len(st.Errors), max(st.Failed, 1))}
	}
	if loadErr != nil {
		return loadErr
	}
	return nil
}

// parseShard reads "I/N" (1-based I) and returns the 0-based index and N.
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 0, 1, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("%q is not I/N with 1 ≤ I ≤ N", s)
	}
	return i - 1, n, nil
}

// printSummary prints a run's figures.
func printSummary(w io.Writer, st *build.Stats) {
	rate := 0.0
	if st.Seconds > 0 {
		rate = float64(st.Bytes) / 1e6 / st.Seconds
	}
	fmt.Fprintf(w, "wikikg: %d articles (%d with errors), %d triples, %d warnings, %.1f MB in %.2fs (%.1f MB/s)\n",
		st.Articles, st.Failed, st.Triples, st.Warnings, float64(st.Bytes)/1e6, st.Seconds, rate)
	if len(st.EntitiesByClass) > 0 {
		fmt.Fprintf(w, "wikikg: entities: %s\n", strings.Join(st.SortedClasses(), ", "))
	}
	for k, n := range st.WarningsByKind {
		fmt.Fprintf(w, "wikikg: warnings: %s %d\n", k, n)
	}
}

// reportJSON is the --report file's shape.
type reportJSON struct {
	*build.Stats
	PeakRSSBytes int64       `json:"peakRSSBytes"`
	Errors       []errorJSON `json:"errors"`
	Warnings     []errorJSON `json:"warningList"`
}

type errorJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func toErrorJSON(l extract.ErrorList) []errorJSON {
	out := make([]errorJSON, 0, len(l))
	for _, e := range l {
		msg := ""
		if e.Err != nil {
			msg = e.Err.Error()
		}
		out = append(out, errorJSON{File: e.File, Line: e.Line, Column: e.Column, Message: msg})
	}
	return out
}

func writeReport(path string, st *build.Stats) error {
	r := reportJSON{Stats: st, PeakRSSBytes: peakRSS(), Errors: toErrorJSON(st.Errors), Warnings: toErrorJSON(st.WarningList)}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(b, '\n'))
}

// peakRSS returns the process's peak resident set size in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss * 1024 // Linux reports kilobytes
}

func checkBase(base string) error {
	if !strings.Contains(base, "://") {
		return fmt.Errorf("%q is not an absolute IRI", base)
	}
	if e := ontology.EntityIRI(base, "X"); e.Validate() != nil {
		return fmt.Errorf("%q: %v", base, e.Validate())
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		return fmt.Errorf("%q should end with / or #", base)
	}
	return nil
}
