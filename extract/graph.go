package extract

import (
	"cmp"
	"slices"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Graph collects the triples extracted from one article, without duplicates,
// together with the entities they name.
type Graph struct {
	// Name is the article's IRI, which names its graph.
	Name    rdf.Term
	triples map[rdf.Triple]struct{}
	// entities by IRI, in order of first mention.
	entities map[rdf.Term]*Entity
	order    []rdf.Term
	// Warnings are things about the input that did not stop extraction:
	// values kept as plain literals because no parser understood them.
	Warnings ErrorList
	// Resolver, when set, maps names to the run's canonical names.
	Resolver Resolver
}

// Resolver maps a name found in an article to the canonical name of the
// entity it refers to across the run, such as "Battle of Miyajima (1555)"
// to the article "Battle of Miyajima". It reports false when it knows no
// better name, or the name is ambiguous.
type Resolver interface {
	Resolve(name string, class rdf.Term) (canonical string, ok bool)
}

// Entity is an entity an article names, with every class and surface form
// seen for it in that article.
type Entity struct {
	IRI     rdf.Term
	Label   string
	Classes []rdf.Term
	Aliases []string
}

// NewGraph returns an empty graph named name.
func NewGraph(name rdf.Term) *Graph {
	return &Graph{Name: name, triples: map[rdf.Triple]struct{}{}, entities: map[rdf.Term]*Entity{}}
}

// Add adds the triple (s, p, o) unless one of its terms is zero or invalid,
// which extractors never produce on purpose: the check keeps output valid
// whatever the input holds.
func (g *Graph) Add(s, p, o rdf.Term) {
	q := rdf.Quad{S: s, P: p, O: o}
	if q.Validate() != nil {
		return
	}
	g.triples[q.Triple()] = struct{}{}
}

// Entity returns the entity named name (its IRI minted under base), creating
// it, and records class and surface as evidence. It returns nil when the name
// mints no IRI.
func (g *Graph) Entity(base, name string, class rdf.Term) *Entity {
	canonical := ontology.CanonicalName(name)
	alias := ""
	if g.Resolver != nil {
		if c, ok := g.Resolver.Resolve(canonical, class); ok && c != canonical {
			alias, canonical = canonical, c
		}
	}
	iri := ontology.EntityIRI(base, canonical)
	if iri.IsZero() || iri.Validate() != nil {
		return nil
	}
	e := g.entities[iri]
	if e == nil {
		e = &Entity{IRI: iri, Label: canonical}
		g.entities[iri] = e
		g.order = append(g.order, iri)
	}
	e.AddClass(class)
	if alias != "" {
		e.AddAlias(alias)
	}
	return e
}

// AddClass records that e is of class c (a zero c is ignored).
func (e *Entity) AddClass(c rdf.Term) {
	if !c.IsZero() && !slices.Contains(e.Classes, c) {
		e.Classes = append(e.Classes, c)
	}
}

// AddAlias records another surface form of e.
func (e *Entity) AddAlias(s string) {
	s = ontology.CanonicalName(s)
	if s != "" && s != e.Label && !slices.Contains(e.Aliases, s) {
		e.Aliases = append(e.Aliases, s)
	}
}

// Entities returns the graph's entities in order of first mention.
func (g *Graph) Entities() []*Entity {
	out := make([]*Entity, len(g.order))
	for i, iri := range g.order {
		out[i] = g.entities[iri]
	}
	return out
}

// alsoTyped gives the classes every entity of a contract class also gets, so
// that stores without inference answer queries on the broader classes.
var alsoTyped = map[rdf.Term][]rdf.Term{
	ontology.Person:           {ontology.SchemaPerson},
	ontology.Place:            {ontology.SchemaPlace},
	ontology.Force:            {ontology.SchemaOrganization},
	ontology.Event:            {ontology.SchemaEvent},
	ontology.MilitaryConflict: {ontology.Event, ontology.SchemaEvent},
	ontology.Article:          {ontology.SchemaArticle},
}

// finish writes the entities' types, labels and aliases, and the article's
// kg:mentions of each.
func (g *Graph) finish(article rdf.Term) {
	for _, iri := range g.order {
		e := g.entities[iri]
		g.Add(iri, ontology.Label, rdf.LangString(e.Label, "en"))
		for _, a := range e.Aliases {
			g.Add(iri, ontology.AltLabel, rdf.LangString(a, "en"))
		}
		for _, c := range e.Classes {
			g.Add(iri, ontology.Type, c)
			for _, also := range alsoTyped[c] {
				g.Add(iri, ontology.Type, also)
			}
		}
		g.Add(article, ontology.Mentions, iri)
	}
}

// Quads returns the graph's triples as quads in the graph Name, sorted by
// subject, predicate and object, so output is deterministic and each
// subject's triples are adjacent.
func (g *Graph) Quads() []rdf.Quad {
	out := make([]rdf.Quad, 0, len(g.triples))
	for t := range g.triples {
		out = append(out, rdf.Quad{S: t.S, P: t.P, O: t.O, G: g.Name})
	}
	slices.SortFunc(out, func(a, b rdf.Quad) int {
		if c := CompareTerms(a.S, b.S); c != 0 {
			return c
		}
		if c := CompareTerms(a.P, b.P); c != 0 {
			return c
		}
		return CompareTerms(a.O, b.O)
	})
	return out
}

// CompareTerms orders terms by kind, value, datatype and language.
func CompareTerms(a, b rdf.Term) int {
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return cmp.Compare(a.Lang, b.Lang)
}

// Len returns the number of triples in g.
func (g *Graph) Len() int { return len(g.triples) }
