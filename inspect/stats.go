// Package inspect summarises and draws graphs that wikikg wrote: figures
// for `wikikg stats`, Graphviz DOT for `wikikg viz`.
package inspect

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
	"github.com/wikikg/wikikg/rdfio"
)

// Stats are the figures of a graph.
type Stats struct {
	Statements      int            `json:"statements"`
	Graphs          int            `json:"graphs"`
	Subjects        int            `json:"subjects"`
	Articles        int            `json:"articles"`
	EntitiesByClass map[string]int `json:"entitiesByClass"`
	Predicates      map[string]int `json:"predicates"`
	SameAs          int            `json:"sameAsLinks"`
	SyntaxErrors    int            `json:"syntaxErrors"`
}

// ReadFiles reads each file in the syntax its extension names (compressed
// files too) and calls fn for every statement. Syntax errors go to onErr,
// named by file, line and column.
func ReadFiles(paths []string, fn func(rdf.Quad) error, onErr func(error) error) error {
	for _, p := range paths {
		f, err := rdfio.FormatFromPath(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(p, ".gz"), ".bz2"), ".zst"))
		if err != nil {
			return err
		}
		file, err := os.Open(p)
		if err != nil {
			return err
		}
		rc, err := input.Decompress(file)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		err = rdfio.Read(rc, f, fn, func(e error) error {
			if onErr == nil {
				return fmt.Errorf("%s:%w", p, e)
			}
			return onErr(fmt.Errorf("%s:%w", p, e))
		})
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Count computes the figures of the graphs in paths. Memory grows with the
// number of distinct subjects and graphs, not statements.
func Count(paths []string, onErr func(error) error) (*Stats, error) {
	st := &Stats{EntitiesByClass: map[string]int{}, Predicates: map[string]int{}}
	subjects := map[string]struct{}{}
	graphs := map[string]struct{}{}
	typed := map[[2]string]struct{}{}
	err := ReadFiles(paths, func(q rdf.Quad) error {
		st.Statements++
		subjects[q.S.Value] = struct{}{}
		if !q.G.IsZero() {
			graphs[q.G.Value] = struct{}{}
		}
		st.Predicates[Compact(q.P.Value)]++
		switch {
		case q.P == ontology.Type && q.O == ontology.Article:
			st.Articles++
		case q.P == ontology.Type && strings.HasPrefix(q.O.Value, ontology.KG):
			k := [2]string{q.S.Value, q.O.Value}
			if _, seen := typed[k]; !seen {
				typed[k] = struct{}{}
				st.EntitiesByClass[Compact(q.O.Value)]++
			}
		case q.P == ontology.SameAs:
			st.SameAs++
		}
		return nil
	}, func(err error) error {
		st.SyntaxErrors++
		if onErr != nil {
			return onErr(err)
		}
		return nil
	})
	st.Subjects = len(subjects)
	st.Graphs = len(graphs)
	return st, err
}

// Compact abbreviates an IRI with the contract's prefixes.
func Compact(iri string) string {
	for _, p := range ontology.Prefixes("") {
		if strings.HasPrefix(iri, p.IRI) && len(iri) > len(p.IRI) {
			return p.Name + ":" + iri[len(p.IRI):]
		}
	}
	return "<" + iri + ">"
}

// Write prints the figures as a table.
func (st *Stats) Write(w io.Writer) error {
	fmt.Fprintf(w, "statements      %d\n", st.Statements)
	fmt.Fprintf(w, "named graphs    %d\n", st.Graphs)
	fmt.Fprintf(w, "subjects        %d\n", st.Subjects)
	fmt.Fprintf(w, "articles        %d\n", st.Articles)
	fmt.Fprintf(w, "owl:sameAs      %d\n", st.SameAs)
	if st.SyntaxErrors > 0 {
		fmt.Fprintf(w, "syntax errors   %d\n", st.SyntaxErrors)
	}
	fmt.Fprintln(w, "entities by class:")
	for _, k := range sortedKeys(st.EntitiesByClass) {
		fmt.Fprintf(w, "  %-22s %d\n", k, st.EntitiesByClass[k])
	}
	fmt.Fprintln(w, "statements by predicate:")
	for _, k := range sortedKeys(st.Predicates) {
		fmt.Fprintf(w, "  %-22s %d\n", k, st.Predicates[k])
	}
	return nil
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
