package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/build"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/atomicfile"
)

type catalogOptions struct {
	output string
	corpus corpusFlags
	shard  string
	merge  bool
	quiet  bool
}

func init() { subcommands = append(subcommands, newCatalogCmd) }

func newCatalogCmd(e *env) *cobra.Command {
	var o catalogOptions
	cmd := &cobra.Command{
		Use:   "catalog -o FILE [flags] PATH...",
		Short: "Run the catalog pass alone and save the catalog",
		Long: `catalog runs build's first pass over the articles of each PATH (as build
reads them) and saves the run's catalog of titles, aliases and names to
FILE. "build --catalog FILE" over the same input then skips that pass: the
machines of a sharded run load one catalog instead of each reading the
whole corpus for it, and write what they would have written.

With --shard I/N it makes the pass over the I-th of N contiguous slices of
the input's files only, and saves a part of the catalog; "catalog --merge"
joins the N parts, given in order, into the run's catalog, the same bytes as
one pass over the whole input makes. So N machines share the first pass as
they share the second. Slices are cut between files: a corpus in fewer
files than machines leaves some parts empty.

The catalog is tied to the input, the infobox mapping and this wikikg
binary: build refuses one made with another mapping or binary, a part, and
one whose file or article counts the input does not match.`,
		Example: `  wikikg catalog -o run.catalog 'dump/*.jsonl.bz2'
  wikikg build --catalog run.catalog --shard 3/8 -o part-3.nq 'dump/*.jsonl.bz2'

  wikikg catalog --shard 3/8 -o run-3.part 'dump/*.jsonl.bz2'   # on machine 3 of 8
  wikikg catalog --merge -o run.catalog run-1.part run-2.part … run-8.part`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalog(cmd.Context(), e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write the catalog to `FILE` (required)")
	o.corpus.register(f)
	f.StringVar(&o.shard, "shard", "", "make the part of the catalog of slice `I/N` of the input's files (1-based I)")
	f.BoolVar(&o.merge, "merge", false, "merge the catalog parts PATH..., given in order, into the run's catalog")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no summary")
	return cmd
}

func runCatalog(ctx context.Context, e *env, o catalogOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.output == "" {
		return usageError("catalog needs -o FILE")
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
	switch {
	case o.merge && o.shard != "":
		return usageError("--merge and --shard exclude each other")
	case o.merge:
		if cat, err = mergeParts(args, identity); err != nil {
			return &exitError{code: exitInput, err: err}
		}
	default:
		sources, err := input.Expand(args)
		if err != nil {
			return usageError("%v", err)
		}
		newPipeline := func() *extract.Pipeline { return extract.NewPipeline("", mapping) }
		if o.shard != "" {
			cat, err = build.BuildCatalogPart(ctx, sources, shard, shards, inFormat, newPipeline, o.corpus.workers)
		} else {
			cat, err = build.BuildCatalog(ctx, sources, inFormat, newPipeline, o.corpus.workers)
		}
		if err != nil {
			return err
		}
	}
	file, err := atomicfile.Create(o.output)
	if err != nil {
		return err
	}
	defer file.Abort()
	if err := cat.Save(file, identity); err != nil {
		return err
	}
	if err := file.Commit(); err != nil {
		return err
	}
	if !o.quiet {
		what := "catalog"
		if first, n, total := cat.Sources(); cat.IsPart() {
			what = fmt.Sprintf("catalog part (files %d–%d of %d)", first+1, first+n, total)
		}
		fmt.Fprintf(e.stderr, "wikikg: %s of %d articles (%.1f MB): %d titles, %d names\n",
			what, cat.Articles, float64(cat.Bytes)/1e6, cat.Titles(), cat.Dictionary.Len())
	}
	return nil
}

// mergeParts loads the catalog parts at paths, in order, and merges them
// into the run's catalog. The next part loads while one merges: memory
// holds the merge and two parts.
func mergeParts(paths []string, identity string) (*build.Catalog, error) {
	type loaded struct {
		part *build.Catalog
		err  error
	}
	parts := make(chan loaded)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(parts)
		for _, path := range paths {
			part, err := readCatalog(path, identity)
			if err == nil && !part.IsPart() {
				err = fmt.Errorf("%s: %w: a whole catalog", path, build.ErrNotPart)
			}
			select {
			case parts <- loaded{part, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var cat *build.Catalog
	i := 0
	for l := range parts {
		if l.err != nil {
			return nil, l.err
		}
		if cat == nil {
			cat = l.part
		} else if err := cat.Merge(l.part); err != nil {
			return nil, fmt.Errorf("%s: %w", paths[i], err)
		}
		i++
	}
	if err := cat.Complete(); err != nil {
		return nil, err
	}
	return cat, nil
}

// readCatalog loads the catalog saved at path, made with the mapping and
// binary identified by identity.
func readCatalog(path, identity string) (*build.Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cat, err := build.LoadCatalog(f, identity)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cat, nil
}
