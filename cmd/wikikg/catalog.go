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

The catalog is tied to the input, the infobox mapping and this wikikg
binary: build refuses one made with another mapping or binary, and one whose
article count the input does not match.`,
		Example: `  wikikg catalog -o run.catalog 'dump/*.jsonl.bz2'
  wikikg build --catalog run.catalog --shard 3/8 -o part-3.nq 'dump/*.jsonl.bz2'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalog(cmd.Context(), e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write the catalog to `FILE` (required)")
	o.corpus.register(f)
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
	sources, err := input.Expand(args)
	if err != nil {
		return usageError("%v", err)
	}
	cat, err := build.BuildCatalog(ctx, sources, inFormat, func() *extract.Pipeline {
		return extract.NewPipeline("", mapping)
	}, o.corpus.workers)
	if err != nil {
		return err
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
		fmt.Fprintf(e.stderr, "wikikg: catalog of %d articles (%.1f MB): %d titles, %d names\n",
			cat.Articles, float64(cat.Bytes)/1e6, cat.Titles(), cat.Dictionary.Len())
	}
	return nil
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
