package inspect

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Focus says what to draw: an entity's neighbourhood, or an article's.
type Focus struct {
	// Entity is an entity IRI; Article an article title. One is set.
	Entity  string
	Article string
	Base    string
}

// classColours colours nodes by class, so the kinds of entity stand out.
var classColours = []struct {
	class  rdf.Term
	colour string
}{
	{ontology.MilitaryConflict, "#f4a6a6"},
	{ontology.Event, "#f7c6a3"},
	{ontology.Person, "#a6c8f4"},
	{ontology.Place, "#b5e3b0"},
	{ontology.Force, "#e0c3f0"},
	{ontology.ConflictSide, "#eeeeee"},
	{ontology.Article, "#fff3b0"},
}

// ErrNotFound is returned when the focus is in none of the files.
var ErrNotFound = errors.New("not found in the graph")

// hidden predicates carry no edge worth drawing.
var hidden = map[rdf.Term]bool{
	ontology.Label: true, ontology.AltLabel: true, ontology.Type: true, ontology.SideNumber: true,
	ontology.SourceFile: true, ontology.SourceLine: true, ontology.Derived: true, ontology.StrengthDetail: true,
}

// DOT writes the neighbourhood of the focus as a Graphviz digraph: nodes
// labelled by rdfs:label, coloured by class, conflict sides drawn as boxed
// sides; literal facts are folded into their node's label. It reads the
// files twice, keeping only the neighbourhood in memory.
func DOT(w io.Writer, paths []string, focus Focus) error {
	var center rdf.Term
	switch {
	case focus.Entity != "":
		center = rdf.IRI(focus.Entity)
	case focus.Article != "":
		center = ontology.ArticleIRI(focus.Base, focus.Article)
	default:
		return errors.New("say which entity or article to draw")
	}
	isSideOf := func(t rdf.Term) bool {
		rest, ok := strings.CutPrefix(t.Value, center.Value+"#side")
		return t.IsIRI() && ok && rest != "" && strings.Trim(rest, "0123456789") == ""
	}
	var edges []rdf.Quad
	seen := map[rdf.Triple]bool{}
	nodes := map[rdf.Term]bool{center: true}
	found := false
	err := ReadFiles(paths, func(q rdf.Quad) error {
		if q.S == center || q.O == center {
			found = true
		}
		if !(q.S == center || q.O == center && !hidden[q.P] || isSideOf(q.S)) {
			return nil
		}
		if seen[q.Triple()] {
			return nil
		}
		seen[q.Triple()] = true
		edges = append(edges, q)
		nodes[q.S] = true
		if q.O.IsIRI() && !hidden[q.P] {
			nodes[q.O] = true
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("%s: %w", center.Value, ErrNotFound)
	}
	labels := map[rdf.Term]string{}
	classes := map[rdf.Term][]rdf.Term{}
	err = ReadFiles(paths, func(q rdf.Quad) error {
		if !nodes[q.S] {
			return nil
		}
		switch q.P {
		case ontology.Label:
			if _, ok := labels[q.S]; !ok {
				labels[q.S] = q.O.Value
			}
		case ontology.Type:
			classes[q.S] = append(classes[q.S], q.O)
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}

	ids := map[rdf.Term]string{}
	var order []rdf.Term
	for n := range nodes {
		order = append(order, n)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Value < order[j].Value })
	for i, n := range order {
		ids[n] = fmt.Sprintf("n%d", i)
	}
	facts := map[rdf.Term][]string{}
	var lines []string
	for _, q := range edges {
		if hidden[q.P] {
			continue
		}
		if q.O.IsLiteral() {
			facts[q.S] = append(facts[q.S], fmt.Sprintf("%s: %s", localName(q.P.Value), q.O.Value))
			continue
		}
		if q.O.IsIRI() {
			lines = append(lines, fmt.Sprintf("  %s -> %s [label=%s];", ids[q.S], ids[q.O], quote(localName(q.P.Value))))
		}
	}
	sort.Strings(lines)
	fmt.Fprintln(w, "digraph wikikg {")
	fmt.Fprintln(w, `  graph [rankdir=LR, fontname="Helvetica"];`)
	fmt.Fprintln(w, `  node [style=filled, fontname="Helvetica", shape=ellipse];`)
	fmt.Fprintln(w, `  edge [fontname="Helvetica", fontsize=10];`)
	for _, n := range order {
		label := labels[n]
		shape := "ellipse"
		if label == "" {
			label = localName(n.Value)
		}
		for _, c := range classes[n] {
			if c == ontology.ConflictSide {
				shape = "box"
				if i := strings.LastIndex(n.Value, "#side"); i >= 0 {
					label = "side " + n.Value[i+len("#side"):]
				}
			}
		}
		fs := facts[n]
		sort.Strings(fs)
		if len(fs) > 0 {
			label += "\n" + strings.Join(fs, "\n")
		}
		extra := ""
		if n == center {
			extra = ", penwidth=3"
		}
		fmt.Fprintf(w, "  %s [label=%s, shape=%s, fillcolor=%s%s];\n", ids[n], quote(label), shape, quote(colour(classes[n])), extra)
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	_, err = fmt.Fprintln(w, "}")
	return err
}

func colour(classes []rdf.Term) string {
	for _, cc := range classColours {
		for _, c := range classes {
			if c == cc.class {
				return cc.colour
			}
		}
	}
	return "#ffffff"
}

func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 && i < len(iri)-1 {
		return iri[i+1:]
	}
	return iri
}

// quote writes s as a DOT string: quotes and backslashes escaped, line
// breaks as \n, so no label can break the DOT syntax.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
