package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/ontology"
)

type buildOptions struct {
	output  string
	format  string
	base    string
	mapping string
	verbose bool
}

func init() { subcommands = append(subcommands, newBuildCmd) }

func newBuildCmd(e *env) *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build [flags] PATH...",
		Short: "Extract a knowledge graph from articles",
		Long: `build reads articles from each PATH (a file, a directory read recursively for
*.txt files, or - for standard input) and writes their knowledge graph.

With -o FILE the graph goes to FILE, written atomically, its format taken from
the extension (.ttl, .jsonld, .nt, .nq, .trig); otherwise to standard output in
the --format given. Errors about the input are printed as file:line:col; the
other articles are still written, and the exit status is 1.`,
		Example: `  wikikg build testdata/seed/siege-of-pyongyang-1592.txt -o siege.ttl
  wikikg build --format jsonld testdata/corpus/articles/ > corpus.jsonld`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (format from its extension)")
	f.StringVar(&o.format, "format", "ttl", "output format without -o: ttl, jsonld, nt, nq, trig")
	f.StringVar(&o.base, "base", ontology.DefaultBase, "entity namespace `IRI`")
	f.StringVar(&o.mapping, "mapping", "", "infobox mapping `FILE` replacing the built-in one")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print warnings about values kept as literals")
	return cmd
}

func runBuild(e *env, o buildOptions, args []string) error {
	format, err := export.ParseFormat(o.format)
	if err != nil {
		return usageError("%v", err)
	}
	if o.output != "" {
		if format, err = export.FormatFromPath(o.output); err != nil {
			return usageError("%v", err)
		}
	}
	if err := checkBase(o.base); err != nil {
		return usageError("--base: %v", err)
	}
	mapping := ontology.DefaultMapping()
	if o.mapping != "" {
		f, err := os.Open(o.mapping)
		if err != nil {
			return usageError("--mapping: %v", err)
		}
		mapping, err = ontology.ParseMapping(f, o.mapping)
		f.Close()
		if err != nil {
			return usageError("--mapping: %v", err)
		}
	}
	inputs, err := expandInputs(args)
	if err != nil {
		return usageError("%v", err)
	}

	var out io.Writer = e.stdout
	var file *atomicFile
	if o.output != "" {
		if file, err = createAtomic(o.output); err != nil {
			return err
		}
		defer file.Abort()
		out = file
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	enc, err := export.NewEncoder(bw, format, export.Options{Prefixes: ontology.Prefixes(o.base)})
	if err != nil {
		return usageError("%v", err)
	}

	pipe := extract.NewPipeline(o.base, mapping)
	var errs extract.ErrorList
	var stats buildStats
	for _, in := range inputs {
		if err := buildInput(e, in, pipe, enc, &errs, &stats, o.verbose); err != nil {
			return err
		}
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	errs.Sort()
	for _, err := range errs {
		fmt.Fprintln(e.stderr, err)
	}
	if o.verbose || len(errs) > 0 {
		fmt.Fprintf(e.stderr, "wikikg: %d articles, %d with errors, %d triples, %d warnings\n",
			stats.articles, stats.failed, stats.triples, stats.warnings)
	}
	if len(errs) > 0 {
		return &exitError{code: exitInput, err: fmt.Errorf("%d articles had errors", stats.failed)}
	}
	return nil
}

type buildStats struct {
	articles, failed, triples, warnings int
}

// buildInput extracts every article of one input. Errors about articles go
// to errs; only errors that stop the whole run are returned.
func buildInput(e *env, name string, pipe *extract.Pipeline, enc export.Encoder, errs *extract.ErrorList, st *buildStats, verbose bool) error {
	var r io.Reader
	if name == "-" {
		r = e.stdin
		name = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			*errs = append(*errs, &extract.ParseError{File: name, Line: 0, Column: 0, Err: err})
			st.failed++
			return nil
		}
		defer f.Close()
		r = f
	}
	rd := extract.NewReader(r)
	rd.File = name
	for {
		a, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var list extract.ErrorList
			var pe *extract.ParseError
			switch {
			case errors.As(err, &list):
				*errs = append(*errs, list...)
			case errors.As(err, &pe):
				*errs = append(*errs, pe)
			default:
				*errs = append(*errs, &extract.ParseError{File: name, Err: err})
				st.failed++
				return nil // an I/O error ends this input, not the run
			}
			st.failed++
			continue // the reader goes on with the next article
		}
		st.articles++
		g, err := pipe.Extract(a)
		if err != nil {
			var pe *extract.ParseError
			if !errors.As(err, &pe) {
				pe = &extract.ParseError{File: name, Line: a.Pos.Line, Column: a.Pos.Column, Err: err}
			}
			*errs = append(*errs, pe)
			st.failed++
			continue
		}
		st.warnings += len(g.Warnings)
		if verbose {
			for _, w := range g.Warnings {
				fmt.Fprintf(e.stderr, "warning: %v\n", w)
			}
		}
		for _, q := range g.Quads() {
			if err := enc.Encode(q); err != nil {
				return fmt.Errorf("%s: writing %s: %w", name, a.Title, err)
			}
			st.triples++
		}
	}
}

// expandInputs turns the command's arguments into files: directories are
// walked for *.txt files in lexical order, following no symbolic links to
// directories, so a link loop cannot hang the walk.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		if arg == "-" {
			out = append(out, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, arg)
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".txt") && d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func checkBase(base string) error {
	if !strings.Contains(base, "://") {
		return fmt.Errorf("%q is not an absolute IRI", base)
	}
	if e := ontology.EntityIRI(base, "X"); e.Validate() != nil {
		return fmt.Errorf("%q: %v", base, e.Validate())
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		return fmt.Errorf("%q should end with / or #", base)
	}
	return nil
}

// atomicFile is an output file written to a temporary name and renamed into
// place on Commit, so a failed run never leaves a truncated graph behind.
type atomicFile struct {
	*os.File
	path string
	done bool
}

func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	return &atomicFile{File: f, path: path}, nil
}

// Commit syncs, closes and renames the file into place.
func (f *atomicFile) Commit() error {
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		return err
	}
	f.done = true
	return nil
}

// Abort removes the temporary file unless Commit succeeded.
func (f *atomicFile) Abort() {
	if !f.done {
		f.Close()
		os.Remove(f.Name())
	}
}
