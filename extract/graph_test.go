package extract

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikikg/wikikg/internal/plainlang"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// TestFinishValidatesChangedIRIs checks that finish trusts the IRIs
// Graph.Entity minted, and validates one a caller put in their place.
func TestFinishValidatesChangedIRIs(t *testing.T) {
	article := ontology.ArticleIRI("", "Yi Sun-sin")
	g := NewGraph(article)
	minted := g.Entity("", "Yi Sun-sin", ontology.Person)
	bad := g.Entity("", "Won Gyun", ontology.Person)
	bad.IRI = rdf.IRI("http://example.org/Won Gyun")
	other := g.Entity("", "Hansan", ontology.Place)
	other.IRI = rdf.IRI("http://example.org/Hansan")
	g.finish(article)
	subjects := map[rdf.Term]int{}
	for _, tr := range g.Triples() {
		subjects[tr.S]++
		if tr.O == bad.IRI {
			t.Errorf("invalid IRI written: %v", tr)
		}
	}
	for _, tt := range []struct {
		iri  rdf.Term
		want int
	}{
		{minted.IRI, 3}, // label, kg:Person, schema:Person
		{bad.IRI, 0},
		{other.IRI, 3},
		{article, 2}, // the mentions of the two valid entities
	} {
		if got := subjects[tt.iri]; got != tt.want {
			t.Errorf("%v is the subject of %d triples, want %d", tt.iri, got, tt.want)
		}
	}
}

// TestGraphEntityIndex checks that Graph.Entity finds each entity again
// by any name that mints its IRI, as its index grows, that a graph
// reused after Release knows none of the entities of the one before, and
// that the IRIs minted stay as they were, in this graph and later ones.
func TestGraphEntityIndex(t *testing.T) {
	const n = 300 // past the index's first sizes, and a chunk of IRIs
	var kept []rdf.Term
	var want []string
	for round := 0; round < 3; round++ {
		g := NewGraph(ontology.ArticleIRI("", "Test"))
		var all []*Entity
		for i := 0; i < n; i++ {
			name := "Person " + strconv.Itoa(i)
			if i%7 == 0 {
				name += " /" + strings.Repeat("é?", i+1) // escaped, and long
			}
			e := g.Entity("", name, ontology.Person)
			if e == nil || e.Label != name {
				t.Fatalf("round %d: Entity(%q) = %v", round, name, e)
			}
			all = append(all, e)
			kept = append(kept, e.IRI)
			want = append(want, ontology.EntityIRI("", name).Value)
		}
		for i, e := range all {
			// Not canonical, the long way: the same entity.
			name := "person  " + e.Label[len("Person "):]
			if got := g.Entity("", name, ontology.Place); got != e {
				t.Fatalf("round %d: Entity(%q) = %p, want %p", round, name, got, e)
			}
			if len(e.Classes) != 2 {
				t.Errorf("round %d: %s has classes %v", round, e.Label, e.Classes)
			}
			if i%7 == 0 {
				// Not found by a name minting another IRI.
				if got := g.Entity("", "Person "+strconv.Itoa(i)+" /", ontology.Place); got == e {
					t.Errorf("round %d: %s found by another name", round, e.Label)
				}
			}
		}
		if got := len(g.Entities()); got != n+(n+6)/7 {
			t.Errorf("round %d: %d entities, want %d", round, got, n+(n+6)/7)
		}
		g.Release()
	}
	for i, iri := range kept {
		if iri.Value != want[i] {
			t.Fatalf("IRI %d is %q, want %q", i, iri.Value, want[i])
		}
	}
}

// TestEntityHash checks that entityHash, which reads at most the last 24
// bytes of an IRI, hashes IRIs of every length, and that IRIs it cannot
// tell apart, minted under two bases of one length, stay two entities.
func TestEntityHash(t *testing.T) {
	iri := []byte("http://example.org/entity/Siege_of_Pyongyang_(1592)")
	for n := range len(iri) + 1 {
		if a, b := entityHash(iri[:n]), entityHash(bytes.Clone(iri[:n])); a != b {
			t.Fatalf("entityHash(%q) = %#x, then %#x", iri[:n], a, b)
		}
	}
	if entityHash([]byte("Japan")) == entityHash([]byte("Korea")) {
		t.Errorf("entityHash of short IRIs does not read them")
	}
	g := NewGraph(ontology.ArticleIRI("", "Test"))
	defer g.Release()
	for _, base := range []string{"http://a.example/e/", "http://b.example/e/", ""} {
		for _, name := range []string{"Siege of Pyongyang (1592)", "Japan"} {
			if g.Entity(base, name, ontology.Event) == nil {
				t.Fatalf("Entity(%q, %q) = nil", base, name)
			}
		}
	}
	if got := len(g.Entities()); got != 6 {
		t.Errorf("%d entities, want 6", got)
	}
	for _, base := range []string{"http://a.example/e/", "http://b.example/e/", ""} {
		e := g.Entity(base, "Japan", ontology.Place)
		if want := ontology.EntityIRI(base, "Japan").Value; e.IRI.Value != want {
			t.Errorf("Entity(%q, Japan) is %s, want %s", base, e.IRI.Value, want)
		}
	}
	if got := len(g.Entities()); got != 6 {
		t.Errorf("%d entities after finding them again, want 6", got)
	}
}

// TestAlsoTyped checks the broader classes of each contract class, by
// its own string or another of the same text.
func TestAlsoTyped(t *testing.T) {
	tests := []struct {
		class rdf.Term
		want  []rdf.Term
	}{
		{ontology.Person, []rdf.Term{ontology.SchemaPerson}},
		{ontology.Place, []rdf.Term{ontology.SchemaPlace}},
		{ontology.Force, []rdf.Term{ontology.SchemaOrganization}},
		{ontology.Event, []rdf.Term{ontology.SchemaEvent}},
		{ontology.MilitaryConflict, []rdf.Term{ontology.Event, ontology.SchemaEvent}},
		{ontology.Article, []rdf.Term{ontology.SchemaArticle}},
		{ontology.SchemaPerson, nil},
		{rdf.LangString(ontology.Person.Value, "en"), nil},
		{rdf.String(ontology.Person.Value), nil},
		{rdf.Term{}, nil},
	}
	for _, tt := range tests {
		for _, c := range []rdf.Term{tt.class, {Kind: tt.class.Kind, Value: strings.Clone(tt.class.Value), Datatype: tt.class.Datatype, Lang: tt.class.Lang}} {
			if got := alsoTyped(c); !slices.Equal(got, tt.want) {
				t.Errorf("alsoTyped(%v) = %v, want %v", c, got, tt.want)
			}
		}
	}
}

// TestFinishChecksChangedLabels checks that finish trusts the labels
// Graph.Entity gave, and checks one a caller put in their place.
func TestFinishChecksChangedLabels(t *testing.T) {
	article := ontology.ArticleIRI("", "Yi Sun-sin")
	g := NewGraph(article)
	kept := g.Entity("", "Yi Sun-sin", ontology.Person)
	bad := g.Entity("", "Won Gyun", ontology.Person)
	bad.Label = "Won \xff"
	good := g.Entity("", "Hansan", ontology.Place)
	good.Label = "Hansan Island"
	g.finish(article)
	labels := map[rdf.Term]string{}
	for _, tr := range g.Triples() {
		if tr.P == ontology.Label {
			labels[tr.S] = tr.O.Value
		}
	}
	for _, tt := range []struct {
		e    *Entity
		want string
	}{{kept, "Yi Sun-sin"}, {bad, ""}, {good, "Hansan Island"}} {
		if got := labels[tt.e.IRI]; got != tt.want {
			t.Errorf("%v has label %q, want %q", tt.e.IRI, got, tt.want)
		}
	}
}

// TestPlainLabels checks that finish tags with plainlang.En the labels of
// names minted the short way, and that every label it tags holds nothing
// an N-Triples string escapes, which writers then do not look for.
func TestPlainLabels(t *testing.T) {
	article := ontology.ArticleIRI("", "Yi Sun-sin")
	g := NewGraph(article)
	names := []string{"Yi Sun-sin", "Tōkyō", "Siege of X (1592)", "Operation \"Z\"", "A\\B", "Ctl\x7fX",
		"yi sun", "Yi  Sun", "Bad \xff", "A/B?", "Siege (1592-1598)", "Tab\tX", "Ōmi Province"}
	for _, name := range names {
		g.Entity("", name, ontology.Person)
	}
	changed := g.Entity("", "Hansan", ontology.Place)
	changed.Label = "Hansan \"Island\""
	g.finish(article)
	plain := map[string]bool{}
	for _, tr := range g.Triples() {
		if tr.P != ontology.Label {
			continue
		}
		if !plainlang.IsEn(tr.O.Lang) {
			continue
		}
		plain[tr.O.Value] = true
		if v := tr.O.Value; !utf8.ValidString(v) || string(rdf.AppendStringEscaped(nil, v)) != v {
			t.Errorf("label %q is tagged plain", v)
		}
	}
	for _, name := range []string{"Yi Sun-sin", "Tōkyō", "Siege of X (1592)"} {
		if !plain[name] {
			t.Errorf("label %q is not tagged plain", name)
		}
	}
	if plain[changed.Label] {
		t.Errorf("changed label %q is tagged plain", changed.Label)
	}
}

// TestFinishSortedAgrees checks that finish, which writes the entities'
// triples in order and merges them with the others, gives the triples
// that adding them all and sorting gives: on graphs whose entities have
// several classes, aliases, labels and IRIs changed by a caller (to
// invalid ones, to each other's and to the article's, which take the
// long way), and other triples that repeat some of finish's.
func TestFinishSortedAgrees(t *testing.T) {
	names := []string{"Yi Sun-sin", "Yi Sun", "Yi", "Won Gyun", "Hansan", "Taira no Tokiko", "Taira no Tomomori",
		"Taira no Tomo", "Siege of X (1592)", "A/B?", "Ōmi Province", "yi sun", "Yi_Sun"}
	classes := []rdf.Term{ontology.Person, ontology.Place, ontology.Force, ontology.Event, ontology.MilitaryConflict,
		ontology.Article, ontology.SchemaPerson, ontology.SchemaEvent, rdf.IRI("http://example.org/C"),
		rdf.IRI("http://example.org/bad class"), rdf.String("Person"), {}}
	commander := rdf.IRI("https://w3id.org/wikikg/ontology#commander")
	build := func(seed uint64) (*Graph, rdf.Term) {
		r := rand.New(rand.NewPCG(seed, 7))
		title := names[r.IntN(len(names))]
		article := ontology.ArticleIRI("", title)
		switch r.IntN(8) {
		case 0:
			article = rdf.Blank("a")
		case 1:
			article = rdf.IRI("http://example.org/bad article")
		}
		g := NewGraph(article)
		var ents []*Entity
		// Graphs of more entities than finish sorts by their keys, and
		// of entities minted under other bases, take the long way too.
		n, bases := r.IntN(12), []string{""}
		if r.IntN(4) == 0 {
			n = 20 + r.IntN(30)
		}
		switch r.IntN(6) {
		case 0:
			bases = []string{"", strings.Clone(ontology.DefaultBase)}
		case 1:
			bases = []string{"", "http://example.org/r/"}
		}
		for range n {
			name := names[r.IntN(len(names))]
			if r.IntN(3) == 0 {
				name = fmt.Sprintf("%s %d", name, r.IntN(40))
			}
			e := g.Entity(bases[r.IntN(len(bases))], name, classes[r.IntN(len(classes))])
			if e == nil {
				continue
			}
			ents = append(ents, e)
			for range r.IntN(3) {
				e.AddClass(classes[r.IntN(len(classes))])
			}
			for range r.IntN(3) {
				e.AddAlias(names[r.IntN(len(names))])
			}
		}
		pick := func() *Entity { return ents[r.IntN(len(ents))] }
		for range r.IntN(10) {
			if len(ents) == 0 {
				break
			}
			e := pick()
			switch r.IntN(12) {
			case 0:
				e.Label = "Bad \xff"
			case 1:
				e.Label = ""
			case 2:
				e.Label = names[r.IntN(len(names))]
			case 3:
				e.Aliases = append(e.Aliases, "\xff", "", e.Label, "Zed")
			case 4:
				e.IRI = rdf.IRI("http://example.org/bad iri")
			case 5:
				e.IRI = rdf.Blank("b")
			case 6:
				e.IRI = rdf.IRI(strings.Clone(pick().IRI.Value))
			case 7:
				e.IRI = article
			case 8:
				e.IRI = rdf.IRI(strings.Clone(e.IRI.Value))
			case 9:
				e.Classes = append(e.Classes, e.Classes...)
			}
		}
		for range r.IntN(20) {
			if len(ents) == 0 {
				break
			}
			e := pick()
			switch r.IntN(8) {
			case 0:
				g.Add(article, ontology.Type, ontology.Article)
			case 1:
				g.Add(article, ontology.Mentions, e.IRI)
			case 2:
				if len(e.Classes) > 0 {
					g.Add(e.IRI, ontology.Type, e.Classes[r.IntN(len(e.Classes))])
				}
			case 3:
				g.Add(e.IRI, ontology.Label, rdf.LangString(e.Label, "en"))
			case 4:
				g.Add(e.IRI, commander, pick().IRI)
			case 5:
				g.Add(rdf.IRI(e.IRI.Value+"#side1"), commander, e.IRI)
			case 6:
				g.Add(e.IRI, ontology.AltLabel, rdf.LangString("Zed", "en"))
			case 7:
				g.Add(article, ontology.Label, rdf.String(e.Label))
			}
		}
		if r.IntN(3) == 0 {
			g.compact()
		}
		return g, article
	}
	for seed := range uint64(3000) {
		got, article := build(seed)
		got.finish(article)
		want, _ := build(seed)
		want.appendFinish(article, want.validator.Term(article) == nil && (article.IsIRI() || article.IsBlank()))
		if g, w := got.Triples(), want.Triples(); !slices.Equal(g, w) {
			t.Fatalf("seed %d: finish gives\n%v\nwant\n%v", seed, g, w)
		}
		got.Release()
		want.Release()
	}
}

// TestAddAlias checks that an entity's label is no alias of it, given as
// Graph.Entity gave it or in another form, and that a label a caller set
// is canonicalised as any alias is.
func TestAddAlias(t *testing.T) {
	g := NewGraph(rdf.IRI("http://example.org/a"))
	e := g.Entity("", "Yi Sun-sin", ontology.Person)
	for _, s := range []string{"Yi Sun-sin", strings.Clone("Yi Sun-sin"), "Yi_Sun-sin", " Yi  Sun-sin "} {
		e.AddAlias(s)
	}
	if len(e.Aliases) != 0 {
		t.Errorf("aliases of %q: %q, want none", e.Label, e.Aliases)
	}
	e.AddAlias("Yi")
	e.Label = "yi sun" // not canonical
	e.AddAlias("yi sun")
	if want := []string{"Yi", "Yi sun"}; !slices.Equal(e.Aliases, want) {
		t.Errorf("aliases: %q, want %q", e.Aliases, want)
	}
}

// TestIsLabel checks that isLabel, by which resolve gives no alias of a
// mention naming an entity by its label, holds only for the label
// Graph.Entity gave the entity, canonical, not for one a caller set.
func TestIsLabel(t *testing.T) {
	g := NewGraph(rdf.IRI("http://example.org/a"))
	yi := g.Entity("", "Yi Sun-sin", ontology.Person)
	set := g.Entity("", "Konishi Yukinaga", ontology.Person)
	set.Label = "konishi"
	for _, c := range []struct {
		e    *Entity
		s    string
		want bool
	}{
		{yi, "Yi Sun-sin", true},
		{yi, strings.Clone("Yi Sun-sin"), true},
		{yi, "Yi_Sun-sin", false},
		{yi, "Yi", false},
		{yi, "", false},
		{set, "konishi", false},
		{set, "Konishi Yukinaga", false},
	} {
		if got := c.e.isLabel(c.s); got != c.want {
			t.Errorf("isLabel(%q) of %q: %v, want %v", c.s, c.e.Label, got, c.want)
		}
	}
}

// TestEntityClasses checks the classes Graph.Entity records: a new
// entity's class is its first, a zero class is none, and a class given
// again, equal in value if not the same string, is not recorded twice.
func TestEntityClasses(t *testing.T) {
	clone := rdf.IRI(strings.Clone(ontology.Person.Value))
	for _, c := range []struct {
		name    string
		classes []rdf.Term
		want    []rdf.Term
	}{
		{"Yi Sun-sin", []rdf.Term{ontology.Person}, []rdf.Term{ontology.Person}},
		{"Yi Sun-sin", []rdf.Term{{}}, nil},
		{"Yi Sun-sin", []rdf.Term{{}, ontology.Person, clone}, []rdf.Term{ontology.Person}},
		{"Yi Sun-sin", []rdf.Term{ontology.Person, {}, ontology.Force, clone}, []rdf.Term{ontology.Person, ontology.Force}},
	} {
		g := NewGraph(rdf.IRI("http://example.org/a"))
		var e *Entity
		for _, class := range c.classes {
			e = g.Entity("", c.name, class)
		}
		if !slices.Equal(e.Classes, c.want) {
			t.Errorf("classes of %q given %v: %v, want %v", c.name, c.classes, e.Classes, c.want)
		}
		g.Release()
	}
}

// plainResolver is a Resolver with Resolve alone, as a user's may be.
type plainResolver map[string]string

func (r plainResolver) Resolve(_, name string, _ rdf.Term) (string, bool) {
	c, ok := r[name]
	return c, ok
}

// fastResolver is a plainResolver that is also a CanonicalASCIIResolver,
// and counts the names it was given the short way.
type fastResolver struct {
	plainResolver
	short *int
}

func (r fastResolver) ResolveCanonicalASCII(article, name string, class rdf.Term) (string, bool) {
	*r.short++
	return r.Resolve(article, name, class)
}

// TestGraphResolvers checks that Graph.Entity resolves names through a
// Resolver that has Resolve alone as through one with the short way for
// canonical ASCII names, and takes the short way only for those.
func TestGraphResolvers(t *testing.T) {
	names := plainResolver{"Yi Sunsin": "Yi Sun-sin", "Sŏ Ae": "Seo Ae", "Ming": "Ming dynasty"}
	short := 0
	for _, r := range []Resolver{names, fastResolver{names, &short}} {
		g := NewGraph(rdf.IRI(ontology.DefaultBase + "A#article"))
		g.Resolver = r
		for _, tc := range []struct{ name, want string }{
			{"Yi Sunsin", "Yi_Sun-sin"},
			{"Sŏ Ae", "Seo_Ae"},
			{"Ming", "Ming_dynasty"},
			{"Won  Gyun", "Won_Gyun"},
			{"Kwak Chaeu", "Kwak_Chaeu"},
		} {
			e := g.Entity(ontology.DefaultBase, tc.name, ontology.Person)
			if want := ontology.DefaultBase + tc.want; e.IRI.Value != want {
				t.Errorf("%T: Entity(%q) = %s, want %s", r, tc.name, e.IRI.Value, want)
			}
		}
	}
	// "Yi Sunsin", "Ming" and "Kwak Chaeu" are canonical and ASCII.
	if short != 3 {
		t.Errorf("%d names took the short way, want 3", short)
	}
}

// entityFields is the number of fields of Entity that TestEntityReuse
// knows newEntity and Entity set.
const entityFields = 10

// TestEntityReuse checks that an entity made in a graph reused after
// Release keeps nothing of the one its memory held before: aliases, the
// prose extractor's record, the label given by the Resolver's renaming,
// classes.
func TestEntityReuse(t *testing.T) {
	// newEntity resets only the fields Entity does not set: a field added
	// to Entity must be set or reset there, and counted here.
	if n := reflect.TypeFor[Entity]().NumField(); n != entityFields {
		t.Fatalf("Entity has %d fields, not %d: make newEntity or Entity set the new ones, then update entityFields", n, entityFields)
	}
	names := plainResolver{"Yi Sunsin": "Yi Sun-sin"}
	g := NewGraph(rdf.IRI(ontology.DefaultBase + "A#article"))
	g.Resolver = names
	for i := 0; i < 2*entityChunk; i++ {
		e := g.Entity("", "Yi Sunsin", ontology.Person)
		if i == 0 && (len(e.Aliases) != 1 || e.label != "" || e.plain) {
			t.Fatalf("renamed entity: aliases %q, label %q, plain %v", e.Aliases, e.label, e.plain)
		}
		e.prose = &proseEntity{}
		e = g.Entity("", "Person "+strconv.Itoa(i), ontology.Place)
		e.AddAlias("P" + strconv.Itoa(i))
		e.AddClass(ontology.Person)
		e.prose = &proseEntity{}
	}
	g.Release()
	for round := 0; round < 2; round++ {
		g = NewGraph(rdf.IRI(ontology.DefaultBase + "B#article"))
		for i := 0; i < 2*entityChunk; i++ {
			var class rdf.Term
			if i%2 == 0 {
				class = ontology.Place
			}
			name := "Kim " + strconv.Itoa(i)
			e := g.Entity("", name, class)
			if len(e.Aliases) != 0 || e.prose != nil || e.Label != name || e.label != name || !e.plain {
				t.Fatalf("round %d: reused entity %q: aliases %q, prose %v, label %q, %q, plain %v", round, name, e.Aliases, e.prose, e.Label, e.label, e.plain)
			}
			if want := ontology.EntityIRI("", name); e.IRI != want || e.minted != want.Value {
				t.Fatalf("round %d: reused entity %q: IRI %v, minted %q", round, name, e.IRI, e.minted)
			}
			if (i%2 == 0) != (len(e.Classes) == 1) || len(e.Classes) > 1 {
				t.Fatalf("round %d: reused entity %q: classes %v", round, name, e.Classes)
			}
		}
		g.Release()
	}
}

// TestLightEntities checks that a Light graph, whose entities minted the
// short way under its first entity's base skip the validator, gives the
// entities a full graph gives: the same IRIs, labels and classes, and
// none for a base that is no IRI.
func TestLightEntities(t *testing.T) {
	names := []string{"Yi Sun-sin", "Ming", "Battle of Okpo", "Kwak Chaeu", "Katō Kiyomasa", "a b", "  Hideyoshi ", "Seoul", "100% (x)"}
	for _, base := range []string{"", "http://example.org/e/", "not an iri"} {
		full, light := NewGraph(rdf.Term{}), NewGraph(rdf.Term{})
		light.light = true
		for _, name := range names {
			want, got := full.Entity(base, name, ontology.Person), light.Entity(base, name, ontology.Person)
			switch {
			case (want == nil) != (got == nil):
				t.Fatalf("base %q: Entity(%q) = %v in a Light graph, %v in a full one", base, name, got, want)
			case want == nil:
			case got.IRI != want.IRI || got.Label != want.Label || !slices.Equal(got.Classes, want.Classes):
				t.Errorf("base %q: Entity(%q) = %v %q %v in a Light graph, %v %q %v in a full one", base, name, got.IRI, got.Label, got.Classes, want.IRI, want.Label, want.Classes)
			}
		}
		if base == "not an iri" && len(light.order) != 0 {
			t.Errorf("base %q: a Light graph has %d entities", base, len(light.order))
		}
		full.Release()
		light.Release()
	}
}
