package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit statuses: 0 when every article was processed, 1 when some article had
// errors (the others are still written), 2 for usage errors.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// exitError carries an exit status out of a subcommand.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error in how the command was called.
func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

// env is what a subcommand reads and writes, so tests call them directly.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// subcommands holds a constructor for every subcommand; each subcommand's
// file adds its own in init, so adding one touches no other file.
var subcommands []func(*env) *cobra.Command

// newRoot builds the command tree.
func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "wikikg",
		Short: "Turn encyclopedia articles into an RDF knowledge graph",
		Long: `wikikg reads Wikipedia-derived articles in a flattened plain-text format and
writes a knowledge graph of people, places, forces and events as RDF
(Turtle, JSON-LD, N-Triples, N-Quads, TriG), following the wikikg vocabulary.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	for _, sub := range subcommands {
		root.AddCommand(sub(e))
	}
	return root
}

// Run runs wikikg with args and returns its exit status.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "wikikg: %v\n", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// cobra's own errors (unknown command, bad arguments) are usage errors.
	return exitUsage
}
