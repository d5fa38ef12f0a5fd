package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/inspect"
	"github.com/wikikg/wikikg/ontology"
)

func init() { subcommands = append(subcommands, newVizCmd) }

func newVizCmd(e *env) *cobra.Command {
	var focus inspect.Focus
	var output string
	cmd := &cobra.Command{
		Use:   "viz (--entity IRI | --article TITLE) [-o FILE] FILE...",
		Short: "Draw an entity's or an article's neighbourhood",
		Long: `viz draws the neighbourhood of an entity or an article from graphs wikikg
wrote, as Graphviz DOT on standard output, or with -o as .dot, .svg or .png
(the last two need Graphviz's dot, Debian package graphviz). Nodes show
labels, not IRIs, coloured by class; conflict sides are drawn as sides.`,
		Example: `  wikikg viz --article "Siege of Pyongyang (1592)" -o siege.svg corpus.nq`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if (focus.Entity == "") == (focus.Article == "") {
				return usageError("give exactly one of --entity and --article")
			}
			var dot bytes.Buffer
			if err := inspect.DOT(&dot, args, focus); err != nil {
				if errors.Is(err, inspect.ErrNotFound) {
					return &exitError{code: exitInput, err: err}
				}
				return err
			}
			if output == "" {
				_, err := e.stdout.Write(dot.Bytes())
				return err
			}
			ext := strings.TrimPrefix(filepath.Ext(output), ".")
			switch ext {
			case "dot", "gv":
				return os.WriteFile(output, dot.Bytes(), 0o644)
			case "svg", "png":
				bin, err := exec.LookPath("dot")
				if err != nil {
					return fmt.Errorf("drawing %s needs Graphviz's dot (apt-get install graphviz); write .dot instead", ext)
				}
				cmd := exec.Command(bin, "-T"+ext, "-o", output)
				cmd.Stdin = &dot
				cmd.Stderr = e.stderr
				return cmd.Run()
			}
			return usageError("-o %s: want .dot, .svg or .png", output)
		},
	}
	f := cmd.Flags()
	f.StringVar(&focus.Entity, "entity", "", "the entity `IRI` to draw")
	f.StringVar(&focus.Article, "article", "", "the article `TITLE` to draw")
	f.StringVar(&focus.Base, "base", ontology.DefaultBase, "entity namespace `IRI` the graph was built with")
	f.StringVarP(&output, "output", "o", "", "write to `FILE` (.dot, .svg, .png)")
	return cmd
}
