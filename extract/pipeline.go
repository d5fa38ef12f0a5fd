package extract

import (
	"cmp"
	"errors"
	"strings"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// DefaultSourcePrefix is prepended to an article's escaped title to name its
// source page in prov:wasDerivedFrom.
const DefaultSourcePrefix = "https://en.wikipedia.org/wiki/"

// Pipeline turns articles into graphs: it makes the article and subject
// nodes, then runs its extractors in order.
type Pipeline struct {
	// Base is the entity namespace (ontology.DefaultBase when empty).
	Base string
	// SourcePrefix names source pages (DefaultSourcePrefix when empty).
	SourcePrefix string
	Extractors   []Extractor
	// Resolver, when set, maps names to the run's canonical names.
	Resolver Resolver
	// Light skips the work that only output needs (literals for unmapped
	// keys, texts, figures and dates other than start and birth dates,
	// prose, the article node and the entities' label, type and mention
	// triples), for a catalog pass that needs names, classes and the
	// subject's start or birth date only. The extractors of a Light
	// pipeline see no Subject.Fallback: it is found after them, for a
	// subject they gave no class.
	Light bool
	// Prose is the prose extractor among Extractors, so callers can set its
	// Catalog and Mentions; nil when the pipeline has none.
	Prose *ProseExtractor
}

// NewPipeline returns a pipeline with the infobox extractor using mapping m
// (the built-in mapping when nil), then the prose extractor.
func NewPipeline(base string, m *ontology.Mapping) *Pipeline {
	if base == "" {
		base = ontology.DefaultBase
	}
	if m == nil {
		m = ontology.DefaultMapping()
	}
	prose := &ProseExtractor{Base: base}
	return &Pipeline{
		Base: base,
		// The prose extractor runs after the infobox's, whose entities are
		// its dictionary.
		Extractors: []Extractor{&InfoboxExtractor{Base: base, Mapping: m}, prose},
		Prose:      prose,
	}
}

// ErrNoTitle is the error for an article whose title mints no IRI.
var ErrNoTitle = errors.New("article title has no letter or digit")

// Extract returns the graph of article a. Warnings about values kept as
// literals are in the graph's Warnings; an error means the article gave no
// graph.
func (p *Pipeline) Extract(a *Article) (*Graph, error) {
	// The title mints an article IRI exactly when its canonical name is
	// not empty (see ontology.ArticleIRI).
	title := ontology.CanonicalName(a.Title)
	if title == "" {
		return nil, &ParseError{File: a.File, Line: a.Pos.Line, Column: a.Pos.Column, Err: ErrNoTitle}
	}
	n := initialTriples
	if p.Light {
		n = lightTriples
	}
	g := newGraph(rdf.Term{}, n)
	g.light = p.Light
	g.Resolver = p.Resolver
	g.title = title
	subject := g.Entity(p.Base, a.Title, rdf.Term{})
	base := cmp.Or(p.Base, ontology.DefaultBase)
	var article rdf.Term
	s := &Subject{Entity: subject, Light: p.Light}
	if !p.Light {
		// The article node names the graph, which a catalog never
		// writes: a Light pass mints none.
		article = g.articleIRI(subject, base, a.Title)
		g.Name = article
		s.Fallback = fallbackClass(a)
	}
	for _, x := range p.Extractors {
		if err := x.Extract(a, s, g); err != nil {
			return nil, err
		}
	}
	if len(subject.Classes) == 0 && s.Kind == nil {
		if p.Light {
			s.Fallback = fallbackClass(a)
		}
		subject.AddClass(s.Fallback)
	}
	if p.Light {
		// The article node and the entities' labels, types and mentions
		// are triples for output only: a catalog reads the entities.
		return g, nil
	}

	prefix := cmp.Or(p.SourcePrefix, DefaultSourcePrefix)
	g.Add(article, ontology.Type, ontology.Article)
	g.Add(article, ontology.Type, ontology.SchemaArticle)
	g.Add(article, ontology.Label, rdf.LangString(subject.Label, "en"))
	g.Add(article, ontology.About, subject.IRI)
	g.Add(article, ontology.Derived, g.sourceIRI(subject, base, prefix))
	if a.File != "" {
		g.Add(article, ontology.SourceFile, rdf.String(a.File))
	}
	g.Add(article, ontology.SourceLine, rdf.Integer(int64(a.Pos.Line)))
	g.finish(article)
	return g, nil
}

// fallbackClass returns the class the title of a, or else its lead, gives
// its subject (Subject.Fallback).
func fallbackClass(a *Article) rdf.Term {
	if c := ClassFromTitle(a.Title); !c.IsZero() {
		return c
	}
	return ClassFromLead(a)
}

// conflictPrefixes and conflictWords are the title cues of ClassFromTitle:
// what the expression
//
//	^(Battle|Siege|Sack|Raid|Fall|Capture|Bombardment|Invasion) of |\b(War|Wars|Rebellion|Campaign|campaign|campaigns|[Ii]nvasions?|Uprising|Mutiny)\b
//
// matches, tested without a regular expression as it runs for every article.
var (
	conflictPrefixes = []string{"Battle of ", "Siege of ", "Sack of ", "Raid of ", "Fall of ", "Capture of ", "Bombardment of ", "Invasion of "}
	conflictWords    = set("War", "Wars", "Rebellion", "Campaign", "campaign", "campaigns", "Invasion", "invasion", "Invasions", "invasions", "Uprising", "Mutiny")
	// conflictInitial marks the first letters of conflictWords, whose
	// lengths are 3 to 9.
	conflictInitial = func() (t [256]bool) {
		for w := range conflictWords {
			t[w[0]] = true
		}
		return t
	}()
	// conflictPrefixInitial marks the first letters of conflictPrefixes:
	// most titles start with none.
	conflictPrefixInitial = func() (t [256]bool) {
		for _, p := range conflictPrefixes {
			t[p[0]] = true
		}
		return t
	}()
)

// ClassFromTitle types an article's subject from its title when there is no
// infobox to tell: "Battle of X", "X War", "X campaign" and the like are
// military conflicts. It returns the zero Term when the title says nothing.
func ClassFromTitle(title string) rdf.Term {
	if title != "" && conflictPrefixInitial[title[0]] {
		for _, p := range conflictPrefixes {
			if strings.HasPrefix(title, p) {
				return ontology.MilitaryConflict
			}
		}
	}
	// A whole word between ASCII word boundaries (\b): a maximal run of
	// [0-9A-Za-z_].
	for i := 0; i < len(title); {
		if !asciiWordByte[title[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(title) && asciiWordByte[title[j]] {
			j++
		}
		// Most words are not cues by their length or first letter, which
		// cost less to tell than a look-up of the word.
		if n := j - i; n >= 3 && n <= 9 && conflictInitial[title[i]] && conflictWords[title[i:j]] {
			return ontology.MilitaryConflict
		}
		i = j
	}
	return rdf.Term{}
}

// asciiWordByte holds the bytes of [0-9A-Za-z_].
var asciiWordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
	}
	return t
}()
