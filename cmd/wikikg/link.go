package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/wikikg/wikikg/build"
	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/atomicfile"
	"github.com/wikikg/wikikg/link"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
	"github.com/wikikg/wikikg/rdfio"
)

// linkFlags are the Wikidata linking flags build and link share.
type linkFlags struct {
	index     string
	online    bool
	cache     string
	api       string
	threshold float64
	margin    float64
	review    string
	links     string
	classes   string
	langs     []string
}

func (lf *linkFlags) register(f *pflag.FlagSet) {
	f.StringVar(&lf.index, "wikidata", "", "link entities to Wikidata with the index `FILE` ('wikikg wikidata index')")
	f.BoolVar(&lf.online, "wikidata-online", false, "link entities with Wikidata's API (after the index, if --wikidata is given too)")
	f.StringVar(&lf.cache, "wikidata-cache", "", "keep API responses in `DIR`, so a rerun asks nothing twice")
	f.StringVar(&lf.api, "wikidata-api", link.DefaultEndpoint, "Wikidata API endpoint `URL`")
	f.Float64Var(&lf.threshold, "link-threshold", link.DefaultThreshold, "least score of a scored link (0 to 1)")
	f.Float64Var(&lf.margin, "link-margin", link.DefaultMargin, "least lead of a scored link over the runner-up")
	f.StringVar(&lf.review, "review", "", "write the entities left unlinked, with their candidates, as TSV to `FILE`")
	f.StringVar(&lf.links, "links", "", "read linking decisions (entity IRI, TAB, QID or none) from `FILE`")
	f.StringVar(&lf.classes, "wikidata-classes", "", "P31 class list `FILE` replacing the built-in one (QID TAB kind)")
	f.StringSliceVar(&lf.langs, "wikidata-lang", nil, "languages besides English whose labels the API is asked for")
}

// enabled reports whether any linking was asked for.
func (lf *linkFlags) enabled() bool {
	return lf.index != "" || lf.online || lf.links != ""
}

// matcher builds the matcher the flags describe and returns it with a
// function that writes the review file and releases the index.
func (lf *linkFlags) matcher() (*link.Matcher, func() error, error) {
	if lf.threshold < 0 || lf.threshold > 1 || lf.margin < 0 || lf.margin > 1 {
		return nil, nil, usageError("--link-threshold and --link-margin are between 0 and 1")
	}
	if lf.cache != "" && !lf.online {
		return nil, nil, usageError("--wikidata-cache needs --wikidata-online")
	}
	var chain link.Chain
	var closers []func() error
	closeAll := func() {
		for _, c := range closers {
			c()
		}
	}
	if lf.index != "" {
		ix, err := link.OpenIndex(lf.index)
		if err != nil {
			return nil, nil, usageError("--wikidata: %v", err)
		}
		chain = append(chain, ix)
		closers = append(closers, ix.Close)
	}
	if lf.online {
		var f link.Fetcher = &link.HTTPFetcher{Endpoint: lf.api}
		if lf.cache != "" {
			f = &link.CachedFetcher{Fetcher: f, Dir: lf.cache}
		}
		chain = append(chain, &link.API{Fetcher: f, Langs: lf.langs})
	}
	m := link.NewMatcher(chain)
	m.Threshold, m.Margin = lf.threshold, lf.margin
	if lf.classes != "" {
		cl, err := readWith(lf.classes, link.ParseClassList)
		if err != nil {
			closeAll()
			return nil, nil, usageError("--wikidata-classes: %v", err)
		}
		m.Classes = cl
	}
	if lf.links != "" {
		d, err := readWith(lf.links, link.ReadDecisions)
		if err != nil {
			closeAll()
			return nil, nil, usageError("--links: %v", err)
		}
		m.Decisions = d
	}
	finish := func() error {
		defer closeAll()
		if lf.review == "" {
			return nil
		}
		f, err := atomicfile.Create(lf.review)
		if err != nil {
			return err
		}
		defer f.Abort()
		if err := m.WriteReview(f); err != nil {
			return err
		}
		return f.Commit()
	}
	return m, finish, nil
}

func readWith[T any](path string, parse func(io.Reader, string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return parse(f, path)
}

// setup makes build link every graph when the flags ask for it, and
// returns what to call once the run is over: it writes the review file and
// prints the linking figures.
func (lf *linkFlags) setup(e *env, opt *build.Options, quiet bool) (func() error, error) {
	if !lf.enabled() {
		return func() error { return nil }, nil
	}
	m, finish, err := lf.matcher()
	if err != nil {
		return nil, err
	}
	opt.PostExtract = m.LinkGraph
	return func() error {
		if !quiet {
			printLinkStats(e.stderr, m.Stats())
		}
		return finish()
	}, nil
}

func printLinkStats(w io.Writer, s link.Stats) {
	fmt.Fprintf(w, "wikikg: wikidata: %d of %d entity mentions linked (%d by sitelink, %d scored, %d decided by hand); unlinked: %d ambiguous, %d low score, %d no candidate\n",
		s.Linked, s.Entities, s.Sitelink, s.Scored, s.Manual, s.Ambiguous, s.LowScore, s.NoCandidate)
}

func init() { subcommands = append(subcommands, newLinkCmd) }

func newLinkCmd(e *env) *cobra.Command {
	var lf linkFlags
	var output, format string
	var quiet bool
	cmd := &cobra.Command{
		Use:   "link [flags] FILE...",
		Short: "Add Wikidata links to graphs wikikg wrote",
		Long: `link reads graphs that wikikg wrote (.nt, .nq, .ttl, .jsonld, perhaps
compressed) and writes them again with owl:sameAs links to Wikidata and the
link nodes that hold their evidence, as build --wikidata does. Each named
graph (an article's, in N-Quads) is linked with its own article as context;
a triple file is linked as one graph. The graphs are held in memory.`,
		Example: `  wikikg link corpus.nq --wikidata wikidata.idx -o linked.nq
  wikikg link corpus.nt --wikidata-online --wikidata-cache ~/.cache/wikikg --review review.tsv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !lf.enabled() {
				return usageError("link needs --wikidata, --wikidata-online or --links")
			}
			return runLink(cmd.Context(), e, lf, output, format, quiet, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&output, "output", "o", "", "write to `FILE` (format from its extension)")
	f.StringVar(&format, "format", "nq", "output format without -o: ttl, jsonld, nt, nq, trig")
	f.BoolVarP(&quiet, "quiet", "q", false, "print no summary")
	lf.register(f)
	return cmd
}

func runLink(ctx context.Context, e *env, lf linkFlags, output, format string, quiet bool, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	outFormat, err := export.ParseFormat(format)
	if err != nil {
		return usageError("%v", err)
	}
	if output != "" {
		if outFormat, err = export.FormatFromPath(output); err != nil {
			return usageError("%v", err)
		}
	}
	m, finish, err := lf.matcher()
	if err != nil {
		return err
	}
	// Read every statement, grouped by graph in order of first sight.
	var order []rdf.Term
	graphs := map[rdf.Term][]rdf.Quad{}
	for _, path := range args {
		rf, err := rdfio.FormatFromPath(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".bz2"), ".zst"))
		if err != nil {
			finish()
			return usageError("%v", err)
		}
		f, err := os.Open(path)
		if err != nil {
			finish()
			return &exitError{code: exitInput, err: err}
		}
		rc, err := input.Decompress(f)
		if err != nil {
			f.Close()
			finish()
			return &exitError{code: exitInput, err: fmt.Errorf("%s: %v", path, err)}
		}
		err = rdfio.Read(bufio.NewReaderSize(rc, 1<<20), rf, func(q rdf.Quad) error {
			if _, ok := graphs[q.G]; !ok {
				order = append(order, q.G)
			}
			graphs[q.G] = append(graphs[q.G], q)
			return nil
		}, nil)
		rc.Close()
		if err != nil {
			finish()
			return &exitError{code: exitInput, err: fmt.Errorf("%s:%v", path, err)}
		}
	}
	var out io.Writer = e.stdout
	var file *atomicfile.File
	if output != "" {
		if file, err = atomicfile.Create(output); err != nil {
			finish()
			return err
		}
		defer file.Abort()
		out = file
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	enc, err := export.NewEncoder(bw, outFormat, export.Options{Prefixes: ontology.Prefixes("")})
	if err != nil {
		finish()
		return usageError("%v", err)
	}
	for _, name := range order {
		qs := graphs[name]
		g := graphOf(name, qs)
		ds, err := m.Decide(ctx, g)
		if err != nil {
			finish()
			return err
		}
		links := extract.NewGraph(name)
		for _, d := range ds {
			if d.QID != "" {
				link.AddLink(links, d)
			}
		}
		for _, q := range append(qs, links.Quads()...) {
			if err := enc.Encode(q); err != nil {
				finish()
				return err
			}
		}
	}
	if err := enc.Close(); err != nil {
		finish()
		return err
	}
	if err := bw.Flush(); err != nil {
		finish()
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			finish()
			return err
		}
	}
	if !quiet {
		printLinkStats(e.stderr, m.Stats())
	}
	return finish()
}

// graphOf rebuilds the entities of one graph of wikikg's output: every
// subject with an English rdfs:label and a contract class, its aliases,
// its dates, and the article's kg:about. The entity's IRI is minted again
// from its label under the base it was minted under, which is what the
// IRI holds before the escaped label.
func graphOf(name rdf.Term, qs []rdf.Quad) *extract.Graph {
	g := extract.NewGraph(name)
	labels := map[rdf.Term]string{}
	classes := map[rdf.Term][]rdf.Term{}
	aliases := map[rdf.Term][]string{}
	var subjects []rdf.Term
	for _, q := range qs {
		switch q.P {
		case ontology.Label:
			if q.O.Lang == "en" {
				if _, ok := labels[q.S]; !ok {
					subjects = append(subjects, q.S)
				}
				labels[q.S] = q.O.Value
			}
		case ontology.Type:
			switch q.O {
			case ontology.Person, ontology.Place, ontology.Force, ontology.Event, ontology.MilitaryConflict:
				classes[q.S] = append(classes[q.S], q.O)
			}
		case ontology.AltLabel:
			aliases[q.S] = append(aliases[q.S], q.O.Value)
		case ontology.BirthDate, ontology.DeathDate, ontology.StartDate, ontology.EndDate, ontology.About:
			g.Add(q.S, q.P, q.O)
		}
	}
	for _, s := range subjects {
		cs := classes[s]
		if len(cs) == 0 || !s.IsIRI() {
			continue
		}
		label := labels[s]
		base, ok := strings.CutSuffix(s.Value, ontology.EscapeName(ontology.CanonicalName(label)))
		if !ok {
			continue
		}
		ent := g.Entity(base, label, cs[0])
		if ent == nil || ent.IRI != s {
			continue
		}
		for _, c := range cs[1:] {
			ent.AddClass(c)
		}
		for _, a := range aliases[s] {
			ent.AddAlias(a)
		}
	}
	return g
}
