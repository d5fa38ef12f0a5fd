package main

import (
	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func init() { subcommands = append(subcommands, newOntologyCmd) }

func newOntologyCmd(e *env) *cobra.Command {
	format := "ttl"
	cmd := &cobra.Command{
		Use:   "ontology",
		Short: "Print the OWL ontology of the wikikg vocabulary",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			f, err := export.ParseFormat(format)
			if err != nil {
				return usageError("%v", err)
			}
			enc, err := export.NewEncoder(e.stdout, f, export.Options{Prefixes: ontology.OntologyPrefixes()})
			if err != nil {
				return usageError("%v", err)
			}
			for _, t := range ontology.Ontology() {
				if err := enc.Encode(rdf.Quad{S: t.S, P: t.P, O: t.O}); err != nil {
					return err
				}
			}
			return enc.Close()
		},
	}
	cmd.Flags().StringVar(&format, "format", format, "output format: ttl, jsonld, nt, nq, trig")
	return cmd
}
