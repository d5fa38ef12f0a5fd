// Package validate checks RDF against wikikg's output contract
// (docs/vocabulary.md): the syntax, every term (absolute valid IRIs, entity
// IRIs under the base, datatypes' lexical forms, language tags), and the core
// constraints of the SHACL shapes (ontology/shapes.ttl) implemented natively,
// so that no SHACL engine is needed to trust a file.
//
// Memory model. Statements are read one at a time with this package's own
// strict parsers: N-Triples and N-Quads one line at a time (MaxLine at
// most), Turtle and TriG one statement at a time; JSON-LD is read whole
// (json-gold needs the document).
// Term-level checks need nothing more. Entity-level checks (one label per
// entity, sh:class constraints, a side's facts) keep a small summary per
// subject and one entry per IRI-valued link to check: a graph's summaries are
// freed when it is finished. In N-Quads and TriG a graph is finished when
// the next statement names another graph (wikikg writes each article's graph
// contiguously), so memory there is bounded by the largest graph; in
// N-Triples, Turtle and JSON-LD the whole file is one default graph, and
// memory grows with its number of subjects and links and the labels it
// counts, not with its other literals. At most MaxViolations violations are kept, for sorting;
// the rest are counted.
package validate

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// MaxViolations is the most violations a Checker keeps; the rest are counted
// in Report.Dropped.
const MaxViolations = 100000

// Violation is one breach of the contract.
type Violation struct {
	// Subject is the node the violation is about, in N-Triples syntax; for a
	// syntax error, empty.
	Subject string
	// Graph is the named graph it was found in, in N-Triples syntax; empty
	// for the default graph.
	Graph string
	// Reason says what is wrong.
	Reason string
	// File, Line and Column locate it where known: the statement, or the
	// first statement about the subject (0 when unknown); Column only for
	// syntax errors.
	File         string
	Line, Column int
}

// String returns the violation as one line: subject, graph, reason, place.
func (v Violation) String() string {
	var b strings.Builder
	if v.Subject != "" {
		b.WriteString(v.Subject)
		if v.Graph != "" {
			b.WriteString(" in graph ")
			b.WriteString(v.Graph)
		}
		b.WriteString(": ")
	} else if v.File != "" {
		fmt.Fprintf(&b, "%s:%d:%d: ", v.File, v.Line, v.Column)
	}
	b.WriteString(v.Reason)
	if v.Subject != "" && v.File != "" {
		if v.Line > 0 {
			fmt.Fprintf(&b, " (%s:%d)", v.File, v.Line)
		} else {
			fmt.Fprintf(&b, " (%s)", v.File)
		}
	}
	return b.String()
}

// Report is the outcome of validating: the violations, sorted, and counts.
type Report struct {
	Violations []Violation
	// Dropped counts violations past MaxViolations.
	Dropped int
	// Statements counts the statements read.
	Statements int
}

// OK reports whether no violation was found.
func (r *Report) OK() bool { return len(r.Violations) == 0 && r.Dropped == 0 }

// Sort orders the violations by subject, graph, reason, file and line, so
// output is the same on every run.
func (r *Report) Sort() {
	sort.Slice(r.Violations, func(i, j int) bool {
		a, b := r.Violations[i], r.Violations[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Graph != b.Graph {
			return a.Graph < b.Graph
		}
		if a.Reason != b.Reason {
			return a.Reason < b.Reason
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// Contract classes, as bits of a node's summary.
type class uint16

const (
	cPerson class = 1 << iota
	cPlace
	cForce
	cEvent
	cConflict
	cSide
	cArticle
	cQuantity
)

// cEntity are the classes whose instances are named entities: IRIs under
// the base, with exactly one rdfs:label@en.
const cEntity = cPerson | cPlace | cForce | cEvent | cConflict

var classBits = map[string]class{
	ontology.Person.Value:           cPerson,
	ontology.Place.Value:            cPlace,
	ontology.Force.Value:            cForce,
	ontology.Event.Value:            cEvent,
	ontology.MilitaryConflict.Value: cConflict,
	ontology.ConflictSide.Value:     cSide,
	ontology.Article.Value:          cArticle,
	ontology.Quantity.Value:         cQuantity,
}

// schemaClasses maps the schema.org types wikikg writes to the contract
// classes they stand beside (docs/vocabulary.md, "also typed as").
var schemaClasses = map[string]class{
	ontology.SchemaPerson.Value:       cPerson,
	ontology.SchemaPlace.Value:        cPlace,
	ontology.SchemaOrganization.Value: cForce,
	ontology.SchemaEvent.Value:        cEvent | cConflict,
	ontology.SchemaArticle.Value:      cArticle,
}

func (c class) String() string {
	var names []string
	for iri, bit := range classBits {
		if c&bit != 0 {
			names = append(names, "kg:"+strings.TrimPrefix(iri, ontology.KG))
		}
	}
	sort.Strings(names)
	return strings.Join(names, " or ")
}

// counted are the properties whose number per subject the shapes bound.
type counted int

const (
	nLabel counted = iota
	nSideNumber
	nAbout
	nDerived
	nTitle
	nMinValue
	nMaxValue
	nSideFacts
	nCounted
)

// node is what the entity-level checks keep about one subject.
type node struct {
	classes class
	targets class // classes the node is a target of as an object (kg:side, kg:strengthDetail)
	// vals holds the distinct values of each counted property (RDF graphs
	// are sets: a statement written twice, as a merge of articles does, is
	// one triple), at most maxVals each.
	vals       [nCounted][]string
	otherClass bool  // typed with a class outside the contract's
	schemaWant class // contract classes one of which its schema.org types call for
	about      bool  // the object of a kg:about
	line       int
	subject    bool // the node is the subject of a statement, not only an object
	file       string
	sideLabel  bool // subject IRI ends in #sideN
}

// link is an IRI-valued statement whose object must have one of want's
// classes (sh:class).
type link struct {
	s, p, o string
	want    class
	line    int
}

// scope is the state of one graph being checked.
type scope struct {
	graph string
	nodes map[string]*node
	links []link
}

// Checker checks statements against the contract. Feed it with Add and call
// Finish; it is what Validate uses, exposed for callers with their own
// statements.
type Checker struct {
	base    string
	file    string
	report  Report
	scopes  map[string]*scope // open graphs
	order   []string          // graph names in order of opening
	current string
	known   map[string]bool // the kg: terms of the ontology
}

// NewChecker returns a Checker for entities under base (the --base of
// build; ontology.DefaultBase when empty).
func NewChecker(base string) *Checker {
	if base == "" {
		base = ontology.DefaultBase
	}
	return &Checker{base: base, scopes: map[string]*scope{}, known: kgTerms()}
}

// kgTerms returns the terms the ontology declares in the KG namespace.
func kgTerms() map[string]bool {
	m := map[string]bool{}
	for _, t := range ontology.Ontology() {
		for _, x := range []rdf.Term{t.S, t.O} {
			if x.IsIRI() && strings.HasPrefix(x.Value, ontology.KG) {
				m[x.Value] = true
			}
		}
	}
	return m
}

// SetFile sets the file name that following violations carry.
func (c *Checker) SetFile(name string) { c.file = name }

func (c *Checker) add(v Violation) {
	if v.File == "" {
		v.File = c.file
	}
	if len(c.report.Violations) >= MaxViolations {
		c.report.Dropped++
		return
	}
	c.report.Violations = append(c.report.Violations, v)
}

// SyntaxError records a syntax error at line and column (0 when unknown).
func (c *Checker) SyntaxError(line, column int, err error) {
	c.add(Violation{Line: line, Column: column, Reason: "syntax error: " + err.Error()})
}

// Add checks one statement read at line (0 when unknown) and records what
// the entity-level checks need.
func (c *Checker) Add(q rdf.Quad, line int) {
	c.report.Statements++
	g := ""
	if !q.G.IsZero() {
		g = q.G.String()
	}
	subj := q.S.String()
	bad := func(reason string) {
		c.add(Violation{Subject: subj, Graph: g, Reason: reason, Line: line})
	}
	if err := q.Validate(); err != nil {
		bad(fmt.Sprintf("invalid statement %s %s %s: %v", clip(q.S.String()), clip(q.P.String()), clip(q.O.String()), err))
		return
	}
	// Entities, sides and articles are IRIs under the base; so is every
	// entity a kg: property links to.
	if q.S.IsIRI() && !strings.HasPrefix(q.S.Value, c.base) {
		bad(fmt.Sprintf("subject IRI is not under the base %s", c.base))
	}
	p := q.P.Value
	if strings.HasPrefix(p, ontology.KG) && !c.known[p] {
		bad(fmt.Sprintf("unknown property %s: not in the ontology", q.P))
	}
	if g != "" && g != c.current {
		c.switchGraph(g)
	}
	sc := c.scope(g)
	n := sc.node(subj, c.file, line)
	n.subject = true
	if q.S.IsIRI() && sideIRI.MatchString(q.S.Value) {
		n.sideLabel = true
	}
	key := q.O.String() // the object as a node of the graph
	obj := clip(key)    // the object in messages
	needIRIUnderBase := func() {
		if !q.O.IsIRI() {
			bad(fmt.Sprintf("%s has a %s value %s, not an IRI", q.P, kindName(q.O), obj))
			return
		}
		if !strings.HasPrefix(q.O.Value, c.base) {
			bad(fmt.Sprintf("%s links to %s, not under the base %s", q.P, obj, c.base))
		}
	}
	linkTo := func(want class) {
		needIRIUnderBase()
		if q.O.IsIRI() {
			sc.links = append(sc.links, link{s: subj, p: p, o: key, want: want, line: line})
		}
	}
	english := func() {
		if q.O.Datatype != rdf.RDFLangString || !strings.EqualFold(q.O.Lang, "en") {
			bad(fmt.Sprintf("%s %s is not a literal tagged @en", q.P, obj))
		}
	}
	integer := func(min int) {
		if q.O.Datatype != rdf.XSDInteger {
			bad(fmt.Sprintf("%s %s is not an xsd:integer", q.P, obj))
			return
		}
		if v := q.O.Value; strings.HasPrefix(v, "-") && strings.Trim(v, "-0") != "" || min == 1 && strings.Trim(v, "+0") == "" {
			bad(fmt.Sprintf("%s %s is less than %d", q.P, obj, min))
		}
	}
	literal := func() {
		if !q.O.IsLiteral() {
			bad(fmt.Sprintf("%s %s is not a literal", q.P, obj))
		}
	}
	switch p {
	case rdf.RDFType:
		if bit, ok := classBits[q.O.Value]; ok {
			n.classes |= bit
			break
		}
		// The project may add vocabularies (NIF for mentions, rdf:Statement
		// for prose facts): a class of another namespace is a class, but the
		// kg: namespace holds only what the ontology declares, and a
		// schema.org type stands beside its contract class, never alone.
		n.otherClass = true
		n.schemaWant |= schemaClasses[q.O.Value]
		if strings.HasPrefix(q.O.Value, ontology.KG) && !c.known[q.O.Value] {
			bad(fmt.Sprintf("unknown class %s: not in the ontology", obj))
		}
	case ontology.Label.Value:
		n.count(nLabel, key)
		english()
	case ontology.AltLabel.Value:
		english()
	case ontology.Result.Value:
		english()
	case ontology.SameAs.Value:
		if !q.O.IsIRI() || !wikidataIRI.MatchString(q.O.Value) {
			bad(fmt.Sprintf("owl:sameAs %s is not a Wikidata item wd:Q…", obj))
		}
	case ontology.StartDate.Value, ontology.EndDate.Value, ontology.BirthDate.Value, ontology.DeathDate.Value:
		switch q.O.Datatype {
		case rdf.XSDDate, rdf.XSDGYearMonth, rdf.XSDGYear:
		default:
			bad(fmt.Sprintf("%s %s is not an xsd:date, xsd:gYearMonth or xsd:gYear literal", q.P, obj))
		}
	case ontology.PlaceP.Value, ontology.BirthPlace.Value, ontology.DeathPlace.Value, ontology.Country.Value:
		linkTo(cPlace)
	case ontology.PartOf.Value:
		linkTo(cEvent | cConflict)
	case ontology.Side.Value:
		needIRIUnderBase()
		if q.O.IsIRI() {
			sc.node(key, c.file, line).targets |= cSide
			if !sideIRI.MatchString(q.O.Value) {
				bad(fmt.Sprintf("kg:side %s does not end in #sideN", obj))
			}
		}
	case ontology.Belligerent.Value:
		n.count(nSideFacts, "")
		linkTo(cForce)
	case ontology.Commander.Value:
		n.count(nSideFacts, "")
		linkTo(cPerson)
	case ontology.Strength.Value, ontology.CasualtyCount.Value:
		n.count(nSideFacts, "")
		integer(0)
	case ontology.StrengthDetail.Value:
		n.count(nSideFacts, "")
		if q.O.IsLiteral() {
			bad(fmt.Sprintf("kg:strengthDetail %s is a literal, not a node", obj))
		} else {
			sc.node(key, c.file, line).targets |= cQuantity
		}
	case ontology.Casualties.Value:
		n.count(nSideFacts, "")
		literal()
	case ontology.SideNumber.Value:
		n.count(nSideNumber, key)
		integer(1)
	case ontology.MinValue.Value:
		n.count(nMinValue, key)
		integer(-1)
	case ontology.MaxValue.Value:
		n.count(nMaxValue, key)
		integer(-1)
	case ontology.Qualifier.Value:
		literal()
	case ontology.About.Value:
		n.count(nAbout, key)
		needIRIUnderBase()
		if q.O.IsIRI() {
			sc.node(key, c.file, line).about = true
		}
	case ontology.Mentions.Value:
		needIRIUnderBase()
	case ontology.Derived.Value:
		n.count(nDerived, key)
		if !q.O.IsIRI() {
			bad(fmt.Sprintf("prov:wasDerivedFrom %s is not an IRI", obj))
		}
	case ontology.Title.Value:
		n.count(nTitle, key)
		literal()
	case ontology.SourceFile.Value:
		if q.O.Datatype != rdf.XSDString {
			bad(fmt.Sprintf("kg:sourceFile %s is not an xsd:string", obj))
		}
	case ontology.SourceLine.Value:
		integer(1)
	}
}

var (
	sideIRI     = regexp.MustCompile(`#side[1-9][0-9]*$`)
	wikidataIRI = regexp.MustCompile(`^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$`)
)

// clip shortens a term for a message: a literal may be megabytes long.
func clip(s string) string {
	const max = 200
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("…(%d bytes)", len(s))
}

func kindName(t rdf.Term) string {
	switch t.Kind {
	case rdf.KindBlank:
		return "blank node"
	case rdf.KindLiteral:
		return "literal"
	}
	return "IRI"
}

func (c *Checker) scope(g string) *scope {
	sc := c.scopes[g]
	if sc == nil {
		sc = &scope{graph: g, nodes: map[string]*node{}}
		c.scopes[g] = sc
		c.order = append(c.order, g)
	}
	return sc
}

const maxVals = 16

// count records a value of a counted property.
func (n *node) count(k counted, v string) {
	for _, x := range n.vals[k] {
		if x == v {
			return
		}
	}
	if len(n.vals[k]) < maxVals {
		n.vals[k] = append(n.vals[k], v)
	}
}

func (sc *scope) node(key, file string, line int) *node {
	n := sc.nodes[key]
	if n == nil {
		n = &node{file: file, line: line}
		sc.nodes[key] = n
	}
	return n
}

// switchGraph finishes the named graph being read when another starts.
func (c *Checker) switchGraph(g string) {
	if c.current != "" {
		if sc := c.scopes[c.current]; sc != nil {
			c.finishScope(sc)
			delete(c.scopes, c.current)
		}
	}
	// A graph met again (the same title twice in a run) is checked run by
	// run: each of wikikg's article graphs is self-contained.
	c.current = g
}

// Finish runs the entity-level checks on every open graph and returns the
// report, sorted.
func (c *Checker) Finish() *Report {
	for _, g := range c.order {
		if sc := c.scopes[g]; sc != nil {
			c.finishScope(sc)
			delete(c.scopes, g)
		}
	}
	c.order = nil
	c.report.Sort()
	// The same fault met on many statements (every statement of a subject
	// outside the base) is one violation, at its first place.
	vs := c.report.Violations[:0]
	for i, v := range c.report.Violations {
		if i > 0 {
			p := vs[len(vs)-1]
			if p.Subject != "" && p.Subject == v.Subject && p.Graph == v.Graph && p.Reason == v.Reason && p.File == v.File {
				continue
			}
		}
		vs = append(vs, v)
	}
	c.report.Violations = vs
	r := c.report
	return &r
}

// finishScope applies the per-subject constraints of the shapes to one
// graph.
func (c *Checker) finishScope(sc *scope) {
	keys := make([]string, 0, len(sc.nodes))
	for k := range sc.nodes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		n := sc.nodes[k]
		bad := func(reason string) {
			c.add(Violation{Subject: k, Graph: sc.graph, Reason: reason, File: n.file, Line: n.line})
		}
		all := n.classes | n.targets
		if n.classes == 0 && n.targets == 0 {
			// Only subjects need a class: an IRI only linked to is checked
			// by the link's sh:class, or is outside the graph (a source
			// page, a Wikidata item). An article's topic may be of no
			// contract class (the mapping's Ship kind has none), but it is
			// still named by exactly one label.
			switch {
			case n.about:
				if len(n.vals[nLabel]) != 1 {
					bad(fmt.Sprintf("an article's topic has %d rdfs:label, want exactly one", len(n.vals[nLabel])))
				}
			case n.subject && !n.otherClass:
				bad("has no class: no rdf:type, and not the value of kg:about, kg:side or kg:strengthDetail")
			}
			if n.schemaWant != 0 {
				bad(fmt.Sprintf("has a schema.org type but not its contract class %s", n.schemaWant.String()))
			}
			continue
		}
		if n.schemaWant != 0 && n.classes&n.schemaWant == 0 {
			bad(fmt.Sprintf("has a schema.org type but not its contract class %s", n.schemaWant.String()))
		}
		if all&(cEntity|cSide|cArticle) != 0 && strings.HasPrefix(k, "_:") {
			bad(fmt.Sprintf("a %s must be an IRI, not a blank node", (all & (cEntity | cSide | cArticle)).String()))
		}
		if n.classes&cEntity != 0 && len(n.vals[nLabel]) != 1 {
			bad(fmt.Sprintf("a %s has %d rdfs:label, want exactly one", (n.classes & cEntity).String(), len(n.vals[nLabel])))
		}
		if all&cSide != 0 {
			if !n.sideLabel {
				bad("a kg:ConflictSide IRI does not end in #sideN")
			}
			if len(n.vals[nSideNumber]) != 1 {
				bad(fmt.Sprintf("a kg:ConflictSide has %d kg:sideNumber, want exactly one", len(n.vals[nSideNumber])))
			}
			if len(n.vals[nSideFacts]) == 0 {
				bad("a kg:ConflictSide states none of kg:belligerent, kg:commander, kg:strength, kg:strengthDetail, kg:casualties, kg:casualtyCount")
			}
		}
		if all&cQuantity != 0 {
			if len(n.vals[nMinValue]) > 1 {
				bad(fmt.Sprintf("a kg:Quantity has %d kg:minValue, want at most one", len(n.vals[nMinValue])))
			}
			if len(n.vals[nMaxValue]) > 1 {
				bad(fmt.Sprintf("a kg:Quantity has %d kg:maxValue, want at most one", len(n.vals[nMaxValue])))
			}
		}
		if n.classes&cArticle != 0 {
			if len(n.vals[nAbout]) != 1 {
				bad(fmt.Sprintf("a kg:Article has %d kg:about, want exactly one", len(n.vals[nAbout])))
			}
			if len(n.vals[nDerived]) == 0 {
				bad("a kg:Article has no prov:wasDerivedFrom")
			}
			if len(n.vals[nTitle]) > 1 {
				bad(fmt.Sprintf("a kg:Article has %d kg:title, want at most one", len(n.vals[nTitle])))
			}
		}
	}
	for _, l := range sc.links {
		o := sc.nodes[l.o]
		if o == nil || o.classes&l.want == 0 {
			n := sc.nodes[l.s]
			c.add(Violation{Subject: l.s, Graph: sc.graph, File: n.file, Line: l.line,
				Reason: fmt.Sprintf("<%s> %s is not typed %s in the graph", l.p, clip(l.o), l.want.String())})
		}
	}
}
