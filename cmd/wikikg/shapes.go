package main

import (
	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/ontology"
)

func init() { subcommands = append(subcommands, newShapesCmd) }

// newShapesCmd builds "wikikg shapes", which prints the SHACL shapes of the
// output contract as Turtle.
func newShapesCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "shapes",
		Short: "Print the SHACL shapes of the output contract (Turtle)",
		Long: `shapes prints the SHACL shapes that wikikg's output conforms to, as Turtle,
for any SHACL engine: wikikg validate checks the same constraints natively.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := e.stdout.Write(ontology.Shapes())
			return err
		},
	}
}
