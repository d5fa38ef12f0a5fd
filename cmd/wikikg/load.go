package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/load"
	"github.com/wikikg/wikikg/ontology"
)

func init() { subcommands = append(subcommands, newLoadCmd) }

// loadOptions are the flags of "wikikg load".
type loadOptions struct {
	endpoint, query, protocol, graph, format, state string
	user, password, body, graphParam, verify, base  string
	merge, force, gzip, quiet                       bool
	parallel, retries, chunk, maxBody               int
	backoff, timeout                                time.Duration
}

// newLoadCmd builds "wikikg load", which puts output files into a SPARQL
// store, one named graph per article.
func newLoadCmd(e *env) *cobra.Command {
	var o loadOptions
	cmd := &cobra.Command{
		Use:   "load --endpoint URL [flags] FILE...",
		Short: "Load output files into a SPARQL store, one named graph per article",
		Long: `load puts each FILE (N-Quads, N-Triples, Turtle or JSON-LD, by its extension
or --format; - for standard input, which needs --format) into a SPARQL store,
replacing one named graph per article, so that a rerun replaces rather than
duplicates.

--protocol gsp (the default) uses the SPARQL 1.1 Graph Store HTTP Protocol at
--endpoint: PUT replaces a graph, --merge POSTs into it instead. --protocol
update sends SPARQL 1.1 Update to --endpoint: DROP SILENT GRAPH then INSERT
DATA, at most --chunk triples a request.

Graph names: N-Quads carry them (wikikg's are the article IRIs). A triple
file goes into --graph, or else into the graph named by its single kg:Article
node; a merged file of many articles needs --graph or, better, N-Quads.

Credentials (--user/--password, or WIKIKG_STORE_USER/WIKIKG_STORE_PASSWORD)
answer HTTP Basic or Digest challenges and are never printed. Requests are
retried with exponential backoff on connection errors, 5xx and 429. With
--state FILE, graphs already loaded with the same content are skipped, so an
interrupted load continues where it stopped (--force sends everything).
Afterwards every graph sent is counted in the store with SPARQL and compared
with what was sent (--verify).`,
		Example: `  wikikg build testdata/corpus/articles -o corpus.nq
  WIKIKG_STORE_PASSWORD=secret wikikg load --user dba --state load.json \
    --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth corpus.nq
  wikikg load --protocol update --endpoint http://127.0.0.1:3030/ds/update \
    --query http://127.0.0.1:3030/ds/sparql corpus.nq`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runLoad(c.Context(), e, &o, args)
		},
	}
	f := cmd.Flags()
	o.register(f, "")
	f.StringVar(&o.graph, "graph", "", "the graph `IRI` for statements in the default graph")
	f.StringVar(&o.format, "format", "", "the input format for every FILE: nq, nt, ttl, jsonld (default: from the extension)")
	f.StringVar(&o.base, "base", ontology.DefaultBase, "the entity namespace `IRI`, for Turtle prefixes")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no progress and no summary")
	return cmd
}

// register adds the flags of a load to f. build registers them with the
// prefix "load-" (and --load for the endpoint), load with none.
func (o *loadOptions) register(f *pflag.FlagSet, prefix string) {
	name := func(n string) string {
		if prefix != "" && n == "endpoint" {
			return strings.TrimSuffix(prefix, "-")
		}
		return prefix + n
	}
	f.StringVar(&o.endpoint, name("endpoint"), "", "the store's Graph Store (or, with --protocol update, SPARQL Update) `URL`")
	f.StringVar(&o.query, name("query"), "", "the SPARQL query `URL` for verification (default: guessed from the endpoint)")
	f.StringVar(&o.protocol, name("protocol"), "gsp", "gsp (SPARQL 1.1 Graph Store Protocol) or update (SPARQL 1.1 Update)")
	f.StringVar(&o.state, name("state"), "", "a JSON state `FILE` recording what was loaded, to skip unchanged graphs and resume")
	f.StringVar(&o.user, name("user"), os.Getenv("WIKIKG_STORE_USER"), "the user for HTTP Basic or Digest authentication (env WIKIKG_STORE_USER)")
	f.StringVar(&o.password, name("password"), "", "the password (env WIKIKG_STORE_PASSWORD, which keeps it out of the process list)")
	f.StringVar(&o.body, name("body"), "nt", "the Graph Store request body: nt, or ttl (smaller; Virtuoso 7.2 misreads escaped local names)")
	f.StringVar(&o.graphParam, name("graph-param"), "graph", "the query parameter naming the graph (Virtuoso also reads graph-uri)")
	f.StringVar(&o.verify, name("verify"), "sent", "which graphs to count in the store afterwards: sent, all, none")
	f.BoolVar(&o.merge, name("merge"), false, "add to graphs (POST, or INSERT without DROP) instead of replacing them")
	f.BoolVar(&o.force, name("force"), false, "send graphs the state file says are loaded already")
	f.BoolVar(&o.gzip, name("gzip"), false, "gzip request bodies (only for stores that accept Content-Encoding: gzip)")
	f.IntVar(&o.parallel, name("parallel"), 4, "requests in flight at once")
	f.IntVar(&o.retries, name("retries"), 5, "retries of a request after a connection error, 5xx or 429")
	f.IntVar(&o.chunk, name("chunk"), load.DefaultChunk, "with protocol update, triples a request (Virtuoso fails above about 1200)")
	f.IntVar(&o.maxBody, name("max-body"), load.DefaultMaxBody, "the largest Graph Store request body in `bytes`; bigger graphs are split")
	f.DurationVar(&o.backoff, name("backoff"), 500*time.Millisecond, "the wait before the first retry; it doubles each time")
	f.DurationVar(&o.timeout, name("timeout"), 5*time.Minute, "the time limit of one request")
}

func runLoad(ctx context.Context, e *env, o *loadOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	formats := make([]load.Format, len(args))
	for i, path := range args {
		f, err := loadFormat(o.format, path)
		if err != nil {
			return usageError("%v", err)
		}
		formats[i] = f
	}
	opt, err := newLoadRun(e, o)
	if err != nil {
		return err
	}
	st, err := load.Run(ctx, opt.Options, func(fn func(*load.Graph) error) error {
		for i, path := range args {
			if err := readGraphFile(e, path, formats[i], o.graph, fn); err != nil {
				return err
			}
		}
		return nil
	})
	return opt.report(st, err)
}

// loadRun is a load set up from its flags: the options for load.Run, and
// what reports its outcome.
type loadRun struct {
	load.Options
	e      *env
	o      *loadOptions
	verify load.Verify
	prog   *progress
}

// newLoadRun checks the flags and builds the loader.
func newLoadRun(e *env, o *loadOptions) (*loadRun, error) {
	if o.endpoint == "" {
		return nil, usageError("--endpoint is required")
	}
	u, err := url.Parse(o.endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usageError("--endpoint: want an http or https URL, got %q", o.endpoint)
	}
	password := o.password
	if password == "" {
		password = os.Getenv("WIKIKG_STORE_PASSWORD")
	}
	user := o.user
	// Credentials written into the URL are taken out of it, so that the URL
	// can appear in messages.
	if u.User != nil {
		if user == "" {
			user = u.User.Username()
		}
		if p, ok := u.User.Password(); ok && password == "" {
			password = p
		}
		u.User = nil
	}
	endpoint := u.String()
	var verify load.Verify
	switch o.verify {
	case "sent":
		verify = load.VerifySent
	case "all":
		verify = load.VerifyAll
	case "none":
		verify = load.VerifyNone
	default:
		return nil, usageError("--verify: want sent, all or none, got %q", o.verify)
	}
	if o.parallel < 1 {
		return nil, usageError("--parallel: want at least 1")
	}
	if o.graph != "" {
		if u, err := url.Parse(o.graph); err != nil || !u.IsAbs() {
			return nil, usageError("--graph: want an absolute IRI, got %q", o.graph)
		}
	}
	client := &load.Client{
		HTTP:     &http.Client{Timeout: o.timeout},
		User:     user,
		Password: password,
		Retries:  o.retries,
		Backoff:  o.backoff,
		Gzip:     o.gzip,
	}
	query := o.query
	var loader load.Loader
	switch o.protocol {
	case "gsp":
		if query == "" && verify != load.VerifyNone {
			q, ok := load.QueryEndpoint(endpoint)
			if !ok {
				return nil, usageError("--query: cannot guess the SPARQL query endpoint from %s; pass --query URL or --verify none", endpoint)
			}
			query = q
		}
		var bf export.Format
		switch o.body {
		case "ttl", "turtle":
			bf = export.Turtle
		case "nt", "ntriples":
			bf = export.NTriples
		default:
			return nil, usageError("--body: want ttl or nt, got %q", o.body)
		}
		loader = &load.GSP{Client: client, Endpoint: endpoint, Query: query, GraphParam: o.graphParam,
			Format: bf, Prefixes: ontology.Prefixes(o.base), MaxBody: o.maxBody}
	case "update":
		if o.chunk < 1 {
			return nil, usageError("--chunk: want at least 1")
		}
		loader = &load.Update{Client: client, Endpoint: endpoint, Query: query, Chunk: o.chunk}
	default:
		return nil, usageError("--protocol: want gsp or update, got %q", o.protocol)
	}
	var state *load.State
	if o.state != "" {
		if state, err = load.OpenState(o.state); err != nil {
			return nil, err
		}
	}

	prog := newProgress(e.stderr, o.quiet)
	var pmu sync.Mutex
	var last time.Time
	opt := load.Options{
		Loader: loader, Store: o.protocol + " " + endpoint, State: state, Parallel: o.parallel,
		Merge: o.merge, Force: o.force, Verify: verify,
		Progress: func(st load.Stats) {
			if prog == nil {
				return
			}
			pmu.Lock()
			defer pmu.Unlock()
			if time.Since(last) < 100*time.Millisecond {
				return
			}
			last = time.Now()
			fmt.Fprintf(prog.w, "\r\033[K%d graphs: %d sent, %d skipped, %d failed, %d triples, %.0f triples/s",
				st.Graphs, st.Sent, st.Skipped, st.Failed, st.Triples, st.TriplesPerSecond())
			prog.drawn = true
		},
	}
	return &loadRun{Options: opt, e: e, o: o, verify: verify, prog: prog}, nil
}

// report prints a load's outcome and turns it into the command's error.
func (r *loadRun) report(st load.Stats, err error) error {
	e, o, verify, prog := r.e, r.o, r.verify, r.prog
	prog.done()
	for _, le := range st.Errors {
		if le != st.Stopped { // printed once, below
			fmt.Fprintf(e.stderr, "error: %v\n", le)
		}
	}
	for _, m := range st.Mismatches {
		fmt.Fprintf(e.stderr, "mismatch: %v\n", m)
	}
	if !o.quiet {
		fmt.Fprintf(e.stderr, "wikikg: %d graphs: %d sent, %d skipped, %d failed; %d triples sent in %.2fs (%.0f triples/s)\n",
			st.Graphs, st.Sent, st.Skipped, st.Failed, st.Triples, st.Elapsed.Seconds(), st.TriplesPerSecond())
		if verify != load.VerifyNone && st.Verified > 0 {
			fmt.Fprintf(e.stderr, "wikikg: verified %d graphs by COUNT: %d mismatches\n", st.Verified, len(st.Mismatches))
		}
		if st.Stopped != nil && o.state != "" {
			fmt.Fprintf(e.stderr, "wikikg: load stopped; rerun the same command to continue from %s\n", o.state)
		}
	}
	if err != nil {
		if errors.Is(err, load.ErrIncomplete) {
			return &exitError{code: exitInput, err: err}
		}
		return err
	}
	return nil
}

// loadFormat returns the input syntax of path, from --format or from its
// extension.
func loadFormat(flag, path string) (load.Format, error) {
	name := flag
	if name == "" {
		if path == "-" {
			return "", fmt.Errorf("standard input needs --format")
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return "", fmt.Errorf("%s: no extension to tell the format from (want .nq, .nt, .ttl or .jsonld)", path)
		}
		name = path[i+1:]
	}
	switch strings.ToLower(name) {
	case "nq", "nquads":
		return load.NQuads, nil
	case "nt", "ntriples":
		return load.NTriples, nil
	case "ttl", "turtle":
		return load.Turtle, nil
	case "jsonld", "json-ld", "json":
		return load.JSONLD, nil
	case "trig":
		return "", fmt.Errorf("%s: TriG is not read by load yet; write N-Quads (-o FILE.nq), which carries the same graphs", path)
	}
	return "", fmt.Errorf("%s: unknown format %q (want nq, nt, ttl or jsonld)", path, name)
}

func readGraphFile(e *env, path string, f load.Format, graph string, fn func(*load.Graph) error) error {
	if path == "-" {
		return load.ReadGraphs(e.stdin, f, graph, fn)
	}
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	if err := load.ReadGraphs(file, f, graph, fn); err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
