package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/build"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/atomicfile"
	"github.com/wikikg/wikikg/ontology"
)

type catalogOptions struct {
	output      string
	mapping     string
	workers     int
	inputFormat string
	quiet       bool
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
	f.StringVar(&o.mapping, "mapping", "", "infobox mapping `FILE` replacing the built-in one")
	f.IntVar(&o.workers, "workers", 0, "extraction workers (default: all cores)")
	f.StringVar(&o.inputFormat, "input-format", "auto", "input format: auto, text, jsonl")
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
	inFormat, err := input.ParseFormat(o.inputFormat)
	if err != nil {
		return usageError("--input-format: %v", err)
	}
	mapping, identity, err := loadMapping(o.mapping)
	if err != nil {
		return usageError("--mapping: %v", err)
	}
	sources, err := input.Expand(args)
	if err != nil {
		return usageError("%v", err)
	}
	cat, err := build.BuildCatalog(ctx, sources, inFormat, func() *extract.Pipeline {
		return extract.NewPipeline("", mapping)
	}, o.workers)
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

// loadMapping returns the infobox mapping in the file at path, the
// built-in one when path is "", and the identity a saved catalog records:
// the mapping's digest and this binary's revision, since a catalog holds
// what that code extracted with that mapping.
func loadMapping(path string) (*ontology.Mapping, string, error) {
	src := ontology.DefaultMappingSource()
	mapping := ontology.DefaultMapping()
	if path != "" {
		var err error
		if src, err = os.ReadFile(path); err != nil {
			return nil, "", err
		}
		if mapping, err = ontology.ParseMapping(bytes.NewReader(src), path); err != nil {
			return nil, "", err
		}
	}
	sum := sha256.Sum256(src)
	return mapping, "mapping sha256:" + hex.EncodeToString(sum[:]) + ", wikikg " + codeIdentity(), nil
}

// codeIdentity names the code of this binary: its version and VCS
// revision, as far as the build recorded them.
func codeIdentity() string {
	id := version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return id
	}
	if id == "" {
		id = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			id += " " + s.Value
		case "vcs.modified":
			if s.Value == "true" {
				id += "+modified"
			}
		}
	}
	return id
}
