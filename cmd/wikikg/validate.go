package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/validate"
)

func init() { subcommands = append(subcommands, newValidateCmd) }

// newValidateCmd builds "wikikg validate", which checks files against the
// output contract and exits 1 on any violation.
func newValidateCmd(e *env) *cobra.Command {
	var base, format string
	var quiet bool
	cmd := &cobra.Command{
		Use:   "validate [flags] FILE...",
		Short: "Check RDF files against the output contract and its SHACL shapes",
		Long: `validate reads each FILE (N-Triples, N-Quads, Turtle, TriG or JSON-LD, by its
extension or --format; - for standard input, which needs --format) and checks
it against wikikg's output contract: the syntax; every IRI absolute and valid,
entity IRIs under --base; every literal's lexical form valid for its datatype
(a "2020-02-30"^^xsd:date or an "abc"^^xsd:integer is an error) and every
language tag well-formed (@en_US is an error); and the core constraints of the
SHACL shapes that "wikikg shapes" prints: exactly one rdfs:label@en per
entity, a contract class for every subject, date datatypes on dates, a
kg:sideNumber and a fact on every side, integers for figures, the class of
every linked entity, exactly one kg:about per article.

Every violation is printed with its subject and reason, sorted; the exit
status is 1 when there is any, 0 when there is none. N-Triples and N-Quads
are read line by line, in bounded memory whatever their size; N-Quads and
TriG are checked one named graph at a time.`,
		Example: `  wikikg build testdata/corpus/articles -o corpus.nq && wikikg validate corpus.nq
  wikikg build --format ttl x.txt | wikikg validate --format ttl -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			var f validate.Format
			if format != "" {
				var err error
				if f, err = validate.ParseFormat(format); err != nil {
					return usageError("--format: %v", err)
				}
			}
			if err := checkBase(base); err != nil {
				return usageError("--base: %v", err)
			}
			violations, dropped, statements := 0, 0, 0
			for _, path := range args {
				var rep *validate.Report
				if path == "-" {
					if f == "" {
						return usageError("standard input needs --format")
					}
					c := validate.NewChecker(base)
					c.SetFile("<stdin>")
					if err := c.Read(e.stdin, f); err != nil {
						return err
					}
					rep = c.Finish()
				} else {
					if f == "" {
						if _, err := validate.FormatFromPath(path); err != nil {
							return usageError("%v", err)
						}
					}
					var err error
					if rep, err = validate.File(path, f, base); err != nil {
						return err
					}
				}
				for _, v := range rep.Violations {
					fmt.Fprintln(e.stdout, v)
				}
				if rep.Dropped > 0 {
					fmt.Fprintf(e.stdout, "%s: %d more violations not shown\n", path, rep.Dropped)
				}
				violations += len(rep.Violations) + rep.Dropped
				dropped += rep.Dropped
				statements += rep.Statements
			}
			if !quiet {
				fmt.Fprintf(e.stderr, "wikikg: %d statements in %d files, %d violations\n", statements, len(args), violations)
			}
			if violations > 0 {
				return &exitError{code: exitInput, err: fmt.Errorf("%d violations of the output contract", violations)}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&base, "base", ontology.DefaultBase, "the entity namespace `IRI` entity IRIs must be under")
	fl.StringVar(&format, "format", "", "the input format for every FILE: nt, nq, ttl, trig, jsonld (default: from the extension)")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print no summary")
	return cmd
}
