package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/inspect"
)

func init() { subcommands = append(subcommands, newStatsCmd) }

func newStatsCmd(e *env) *cobra.Command {
	asJSON := false
	cmd := &cobra.Command{
		Use:   "stats [--json] FILE...",
		Short: "Print the figures of graphs wikikg wrote",
		Long: `stats reads graphs (.nt, .nq, .ttl, .jsonld, perhaps compressed) and prints
their figures: statements, named graphs, subjects, articles, entities per
class, statements per predicate. N-Triples and N-Quads are read streaming.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			st, err := inspect.Count(args, func(err error) error {
				fmt.Fprintln(e.stderr, err)
				return nil
			})
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				err = enc.Encode(st)
			} else {
				err = st.Write(e.stdout)
			}
			if err == nil && st.SyntaxErrors > 0 {
				return &exitError{code: exitInput, err: fmt.Errorf("%d syntax errors", st.SyntaxErrors)}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	return cmd
}
