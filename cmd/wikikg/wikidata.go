package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/link"
)

func init() { subcommands = append(subcommands, newWikidataCmd) }

func newWikidataCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wikidata",
		Short: "Build and query the offline Wikidata index used for linking",
	}
	cmd.AddCommand(newWikidataIndexCmd(e), newWikidataLookupCmd(e))
	return cmd
}

func newWikidataIndexCmd(e *env) *cobra.Command {
	var output, classes string
	var filter, quiet bool
	var langs []string
	var memMB int
	cmd := &cobra.Command{
		Use:   "index [flags] DUMP -o FILE",
		Short: "Build a linking index from a Wikidata JSON dump",
		Long: `index streams a Wikidata JSON dump (latest-all.json, .json.gz or .json.bz2:
one JSON array, one entity a line) and writes an index for build --wikidata.
It keeps, for each item, the English label and aliases (and those of --lang),
the P31 classes, the enwiki title, the sitelink count, P569/P570,
P580/P582/P585, P625, P17, P361 and P276.

--filter keeps only the items whose P31 is a person, place, organisation or
force, or event class of the class list (built in, or --classes FILE). The
list stands in for the P279 subclass closure, which would need the whole
dump first: an item of a class missing from it is dropped.

Memory stays bounded: entries are sorted in runs of --mem MB and merged.`,
		Example: `  wikikg wikidata index latest-all.json.gz --filter -o wikidata.idx`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usageError("index needs -o FILE")
			}
			opt := link.DumpOptions{Langs: langs}
			if filter {
				cl := link.DefaultClasses()
				if classes != "" {
					var err error
					if cl, err = readWith(classes, link.ParseClassList); err != nil {
						return usageError("--classes: %v", err)
					}
				}
				opt.Filter = cl
			}
			start := time.Now()
			if !quiet && isTerminal(e.stderr) {
				opt.ProgressEvery = 10000
				opt.Progress = func(read, kept int) {
					secs := time.Since(start).Seconds()
					fmt.Fprintf(e.stderr, "\r\033[K%d items read, %d kept, %.0f items/s", read, kept, float64(read)/secs)
				}
			}
			read, kept, err := link.BuildIndex(cmd.Context(), args[0], output, memMB<<20, opt)
			if opt.Progress != nil {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if !quiet {
				secs := time.Since(start).Seconds()
				size := int64(0)
				if st, err := os.Stat(output); err == nil {
					size = st.Size()
				}
				fmt.Fprintf(e.stderr, "wikikg: %d items read, %d kept, index %.1f MB, %.2fs (%.0f items/s), peak RSS %.0f MB\n",
					read, kept, float64(size)/1e6, secs, float64(read)/secs, float64(peakRSS())/1e6)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&output, "output", "o", "", "write the index to `FILE`")
	f.BoolVar(&filter, "filter", false, "keep only people, places, organisations/forces and events")
	f.StringVar(&classes, "classes", "", "class list `FILE` (QID TAB person|place|force|polity|event|conflict|other) for --filter and linking")
	f.StringSliceVar(&langs, "lang", nil, "also keep labels and aliases in these languages")
	f.IntVar(&memMB, "mem", 256, "sort runs of this many `MB` in memory")
	f.BoolVarP(&quiet, "quiet", "q", false, "print no progress and no summary")
	return cmd
}

func newWikidataLookupCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "lookup INDEX NAME...",
		Short: "Print the index's candidates for names, as JSON lines",
		Long: `lookup prints, for each NAME, the items whose enwiki title is NAME or whose
label or alias matches it (case, diacritics and romanisation variants
folded), one JSON object a line, to see what linking will choose from.`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := link.OpenIndex(args[0])
			if err != nil {
				return usageError("%v", err)
			}
			defer ix.Close()
			qs := make([]link.Query, 0, len(args)-1)
			for _, n := range args[1:] {
				qs = append(qs, link.Query{Title: n, Names: []string{n}})
			}
			res, err := ix.Candidates(cmd.Context(), qs)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(e.stdout)
			for i, items := range res {
				if err := enc.Encode(struct {
					Name  string       `json:"name"`
					Items []*link.Item `json:"items"`
				}{args[i+1], items}); err != nil {
					return err
				}
			}
			return nil
		},
	}
}
