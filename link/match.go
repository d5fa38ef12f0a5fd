package link

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Default decision thresholds: a scored link needs a score of at least
// DefaultThreshold and a lead of DefaultMargin over the runner-up. With the
// weights of score, an exact label and an agreeing type but no dates to
// compare scores about 0.88; an unknown type or a name that is only one of
// our aliases falls below 0.8.
const (
	DefaultThreshold = 0.8
	DefaultMargin    = 0.1
)

// Routes of a link, the values of kg:linkRoute.
const (
	RouteSitelink = "sitelink"
	RouteScore    = "score"
	RouteManual   = "manual"
)

// Matcher chooses, for each entity of a graph, the Wikidata item it is, if
// the evidence is strong enough. It is safe for concurrent use.
type Matcher struct {
	Linker  Linker
	Classes ClassList
	// Threshold and Margin are the least score, and lead over the
	// runner-up, of a scored link.
	Threshold, Margin float64
	// Decisions maps entity IRIs to a QID or "none", a person's choices
	// read back from a review file; they override the scoring.
	Decisions map[string]string

	mu     sync.Mutex
	review map[string]ReviewRow
	stats  Stats
}

// Stats count a matcher's outcomes.
type Stats struct {
	Entities    int `json:"entities"`
	Linked      int `json:"linked"`
	Sitelink    int `json:"sitelink"`
	Scored      int `json:"scored"`
	Manual      int `json:"manual"`
	Ambiguous   int `json:"ambiguous"`
	LowScore    int `json:"lowScore"`
	NoCandidate int `json:"noCandidate"`
}

// NewMatcher returns a matcher over l with the default class list and
// thresholds.
func NewMatcher(l Linker) *Matcher {
	return &Matcher{Linker: l, Classes: DefaultClasses(), Threshold: DefaultThreshold, Margin: DefaultMargin}
}

// Scored is a candidate with its score and the evidence behind it.
type Scored struct {
	Item  *Item
	Score float64
	// Why says what the score rests on, for the review file.
	Why string
}

// Decision is the outcome for one entity.
type Decision struct {
	Entity *extract.Entity
	// QID is the linked item, "" when none.
	QID    string
	Route  string
	Score  float64
	Margin float64
	// Reason says why there is no link: "ambiguous", "low score", "no
	// candidate", "decided none".
	Reason     string
	Candidates []Scored
}

// span is a period in fractional years; lo > hi when unknown.
type span struct{ lo, hi float64 }

func (s span) known() bool { return s.lo <= s.hi }

func noSpan() span { return span{1, 0} }

func spanOf(a, b Date) span {
	switch {
	case !a.IsZero() && !b.IsZero():
		return span{min(a.Years(), b.Years()), max(a.Years(), b.Years())}
	case !a.IsZero():
		return span{a.Years(), a.Years()}
	case !b.IsZero():
		return span{b.Years(), b.Years()}
	}
	return noSpan()
}

// articleSpan returns the period an article is about: its subject's
// start and end, or its subject's life; a life known at one end only is
// taken to last up to 80 years.
func articleSpan(f *facts) span {
	if f == nil {
		return noSpan()
	}
	if s := spanOf(f.start, f.end); s.known() {
		return s
	}
	s := spanOf(f.birth, f.death)
	switch {
	case !s.known():
	case f.death.IsZero():
		s.hi += 80
	case f.birth.IsZero():
		s.lo -= 80
	}
	return s
}

// gap returns the years between two periods, 0 when they overlap.
func gap(a, b span) float64 {
	switch {
	case a.hi < b.lo:
		return b.lo - a.hi
	case b.hi < a.lo:
		return a.lo - b.hi
	}
	return 0
}

// facts are the graph's dates of one entity.
type facts struct{ birth, death, start, end Date }

// graphFacts reads the dates of every subject and the article's subject.
func graphFacts(g *extract.Graph) (map[rdf.Term]*facts, rdf.Term) {
	out := map[rdf.Term]*facts{}
	var about rdf.Term
	for _, q := range g.Quads() {
		if q.P == ontology.About {
			about = q.O
			continue
		}
		var slot func(*facts) *Date
		switch q.P {
		case ontology.BirthDate:
			slot = func(f *facts) *Date { return &f.birth }
		case ontology.DeathDate:
			slot = func(f *facts) *Date { return &f.death }
		case ontology.StartDate:
			slot = func(f *facts) *Date { return &f.start }
		case ontology.EndDate:
			slot = func(f *facts) *Date { return &f.end }
		default:
			continue
		}
		d, ok := ParseXSDDate(q.O.Value)
		if !ok {
			continue
		}
		f := out[q.S]
		if f == nil {
			f = &facts{}
			out[q.S] = f
		}
		*slot(f) = d
	}
	return out, about
}

// LinkGraph links g's entities, adding owl:sameAs and the link nodes to g,
// and records the entities it could not link for the review file. It has
// build.Options.PostExtract's signature.
func (m *Matcher) LinkGraph(ctx context.Context, g *extract.Graph) error {
	ds, err := m.Decide(ctx, g)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if d.QID != "" {
			AddLink(g, d)
		}
	}
	m.record(g, ds)
	return nil
}

// AddLink writes decision d's link and its evidence to g.
func AddLink(g *extract.Graph, d Decision) {
	e := d.Entity.IRI
	target := rdf.IRI(ontology.WD + d.QID)
	node := rdf.IRI(e.Value + "#wikidata")
	g.Add(e, ontology.SameAs, target)
	g.Add(e, WikidataLinkP, node)
	g.Add(node, ontology.Type, WikidataLink)
	g.Add(node, LinkTarget, target)
	g.Add(node, LinkRoute, rdf.String(d.Route))
	g.Add(node, LinkScore, decimal(d.Score))
	g.Add(node, LinkMargin, decimal(d.Margin))
}

func decimal(x float64) rdf.Term {
	return rdf.Typed(strconv.FormatFloat(math.Round(x*1000)/1000, 'f', 3, 64), ontology.XSD+"decimal")
}

// Decide returns a decision for every entity of g, in g's order.
func (m *Matcher) Decide(ctx context.Context, g *extract.Graph) ([]Decision, error) {
	ents := g.Entities()
	fs, about := graphFacts(g)
	art := articleSpan(fs[about])
	ds := make([]Decision, len(ents))
	var qs []Query
	var qi []int
	for i, e := range ents {
		ds[i].Entity = e
		if v, ok := m.Decisions[e.IRI.Value]; ok {
			if v == "none" {
				ds[i].Reason = "decided none"
			} else {
				ds[i].QID, ds[i].Route, ds[i].Score, ds[i].Margin = v, RouteManual, 1, 1
			}
			continue
		}
		qs = append(qs, Query{Title: e.Label, Names: append([]string{e.Label}, e.Aliases...)})
		qi = append(qi, i)
	}
	var cands [][]*Item
	if len(qs) > 0 && m.Linker != nil {
		var err error
		if cands, err = m.Linker.Candidates(ctx, qs); err != nil {
			return nil, err
		}
	}
	linked := map[string]bool{}
	for _, d := range ds {
		if d.QID != "" {
			linked[d.QID] = true
		}
	}
	// The exact route first, so that its links are context for scoring.
	pending := make([]bool, len(qs))
	for j, i := range qi {
		e := ents[i]
		ek := entityKind(e.Classes)
		var own facts
		if f := fs[e.IRI]; f != nil {
			own = *f
		}
		pending[j] = true
		for _, it := range cands[j] {
			if it.Sitelink != e.Label {
				continue
			}
			if compatible(ek, m.Classes.Kind(it.Classes)) < 0 || ownMismatch(ek, own, it) {
				break
			}
			ds[i].QID, ds[i].Route, ds[i].Score = it.ID, RouteSitelink, 1
			linked[it.ID] = true
			pending[j] = false
			break
		}
	}
	for j, i := range qi {
		e := ents[i]
		var own facts
		if f := fs[e.IRI]; f != nil {
			own = *f
		}
		ctxSpan := art
		if e.IRI == about {
			ctxSpan = noSpan()
		}
		var sc []Scored
		for _, it := range cands[j] {
			if s, ok := m.score(e, own, ctxSpan, linked, it); ok {
				sc = append(sc, s)
			}
		}
		slices.SortStableFunc(sc, func(a, b Scored) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return cmp.Compare(a.Item.ID, b.Item.ID)
		})
		d := &ds[i]
		d.Candidates = sc
		if !pending[j] {
			d.Margin = 1
			for _, s := range sc {
				if s.Item.ID != d.QID {
					d.Margin = max(0, 1-s.Score)
					break
				}
			}
			continue
		}
		switch {
		case len(sc) == 0:
			d.Reason = "no candidate"
		case sc[0].Score < m.Threshold:
			d.Reason = "low score"
		case len(sc) > 1 && sc[0].Score-sc[1].Score < m.Margin:
			d.Reason = "ambiguous"
		default:
			d.QID, d.Route, d.Score, d.Margin = sc[0].Item.ID, RouteScore, sc[0].Score, 1
			if len(sc) > 1 {
				d.Margin = sc[0].Score - sc[1].Score
			}
		}
	}
	return ds, nil
}

// ownMismatch reports whether the entity's own dates rule the item out: a
// person born in 1545 is not one born in 1845, a battle of 1592 not one of
// 1894. Two dates precise to the month or day may differ by 55 days (a
// lunar date against its Gregorian one, Julian against Gregorian); a year
// and a half otherwise, for dates of different precision.
func ownMismatch(ek Kind, own facts, it *Item) bool {
	far := func(a, b Date) bool {
		if a.IsZero() || b.IsZero() {
			return false
		}
		slack := 1.5
		if a.Prec >= 10 && b.Prec >= 10 {
			slack = 0.15
		}
		return math.Abs(a.Years()-b.Years()) > slack
	}
	switch ek {
	case KindPerson:
		return far(own.birth, it.Born) || far(own.death, it.Died)
	case KindEvent, KindConflict:
		start := it.Start
		if start.IsZero() {
			start = it.Point
		}
		return far(own.start, start) || far(own.end, it.End) && !it.End.IsZero()
	}
	return false
}

// Weights of the score's parts; they sum to 1 with popularity.
const (
	wName    = 0.55
	wType    = 0.25
	wTime    = 0.15
	wContext = 0.04
	wPop     = 0.01
)

// score scores item it as entity e. It reports false when the item is ruled
// out: no name in common, a type that cannot be e's, or dates of e's own
// that contradict it.
func (m *Matcher) score(e *extract.Entity, own facts, art span, linked map[string]bool, it *Item) (Scored, bool) {
	name, how := nameScore(e, it)
	if name == 0 {
		return Scored{}, false
	}
	ek := entityKind(e.Classes)
	ik := m.Classes.Kind(it.Classes)
	typ := compatible(ek, ik)
	if typ < 0 || ownMismatch(ek, own, it) {
		return Scored{}, false
	}
	t, twhy := timeScore(ek, own, art, it)
	c := 0.0
	for _, ids := range [][]string{it.PartOf, it.Country, it.Location} {
		for _, id := range ids {
			if linked[id] {
				c = 1
			}
		}
	}
	pop := min(1, math.Log10(1+float64(it.Links))/3)
	s := wName*name + wType*typ + wTime*t + wContext*c + wPop*pop
	why := fmt.Sprintf("name %s %.2f; type %s/%s %.1f; time %s; context %.0f; sitelinks %d", how, name, ek, ik, typ, twhy, c, it.Links)
	return Scored{Item: it, Score: max(0, min(1, s)), Why: why}, true
}

// nameScore compares e's names with it's: the same letters (case and
// diacritics folded) score higher than a romanisation variant, the
// entity's label higher than one of its aliases, and the item's label or
// title higher than one of its aliases.
func nameScore(e *extract.Entity, it *Item) (float64, string) {
	primary := []string{it.Label, it.Sitelink, stripParen(it.Sitelink)}
	for _, l := range it.Labels {
		primary = append(primary, l)
	}
	best, how := 0.0, ""
	try := func(en string, enPrimary bool, in string, inPrimary bool) {
		if in == "" {
			return
		}
		var s float64
		var h string
		switch {
		case Fold(en) == Fold(in):
			s, h = 1, "exact"
		case NameKey(en) == NameKey(in):
			s, h = 0.92, "variant"
		default:
			return
		}
		if !inPrimary {
			s -= 0.05
			h += " item-alias"
		}
		if !enPrimary {
			s -= 0.15
			h += " our-alias"
		}
		if s > best {
			best, how = s, h
		}
	}
	names := append([]string{e.Label}, e.Aliases...)
	for k, en := range names {
		for _, in := range primary {
			try(en, k == 0, in, true)
		}
		for _, in := range it.Aliases {
			try(en, k == 0, in, false)
		}
	}
	return best, how
}

// timeScore compares the item's dates with the entity's own and, failing
// those, with the article's period: 1 when they agree, 0.5 when there is
// nothing to compare, and -2 (outweighing a type match) when the item
// lived or happened far from the article's time: a man who died in 1600
// did not fight in 1894.
func timeScore(ek Kind, own facts, art span, it *Item) (float64, string) {
	switch ek {
	case KindPerson:
		if !own.birth.IsZero() && !it.Born.IsZero() || !own.death.IsZero() && !it.Died.IsZero() {
			return 1, "own dates agree"
		}
		life := spanOf(it.Born, it.Died)
		if !art.known() || !life.known() {
			return 0.5, "no dates"
		}
		// Only one end of a life known: assume a life of up to 90 years.
		if it.Born.IsZero() {
			life.lo -= 90
		}
		if it.Died.IsZero() {
			life.hi += 90
		}
		if g := gap(life, art); g > 1 {
			return -2, fmt.Sprintf("lived %d years from the article's time", int(g))
		}
		return 1, "alive at the article's time"
	case KindEvent, KindConflict:
		when := spanOf(it.Start, it.End)
		if !when.known() {
			when = spanOf(it.Point, it.Point)
		}
		if !own.start.IsZero() && when.known() {
			return 1, "own dates agree"
		}
		if !art.known() || !when.known() {
			return 0.5, "no dates"
		}
		switch g := gap(when, art); {
		case g <= 1:
			return 1 - 0.3*g, fmt.Sprintf("%.1f years from the article's time", g)
		case g <= 30:
			return 0.5, fmt.Sprintf("%.0f years from the article's time", g)
		default:
			return -2, fmt.Sprintf("%.0f years from the article's time", g)
		}
	}
	return 0.5, "not compared"
}

// ReviewRow is one line of the review file.
type ReviewRow struct {
	Entity     string
	Label      string
	Kind       Kind
	Article    string
	Reason     string
	Candidates []Scored
}

// record keeps the unlinked entities for the review file and counts.
func (m *Matcher) record(g *extract.Graph, ds []Decision) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.review == nil {
		m.review = map[string]ReviewRow{}
	}
	for _, d := range ds {
		m.stats.Entities++
		switch d.Route {
		case RouteSitelink:
			m.stats.Sitelink++
		case RouteScore:
			m.stats.Scored++
		case RouteManual:
			m.stats.Manual++
		}
		if d.QID != "" {
			m.stats.Linked++
			continue
		}
		switch d.Reason {
		case "ambiguous":
			m.stats.Ambiguous++
		case "low score":
			m.stats.LowScore++
		case "no candidate":
			m.stats.NoCandidate++
		case "decided none":
			continue
		}
		// The row outlives the graph: its strings are copied, since an
		// entity's IRI shares its graph's chunk of minted IRIs and its
		// label may be a slice of the article's text.
		row := ReviewRow{Entity: strings.Clone(d.Entity.IRI.Value), Label: strings.Clone(d.Entity.Label), Kind: entityKind(d.Entity.Classes),
			Article: g.Name.Value, Reason: d.Reason, Candidates: d.Candidates[:min(3, len(d.Candidates))]}
		// One row per entity: the article whose evidence came closest,
		// then the first article by IRI, so the file does not depend on
		// the order workers finish in.
		if old, ok := m.review[row.Entity]; !ok || better(row, old) {
			m.review[row.Entity] = row
		}
	}
}

func better(a, b ReviewRow) bool {
	sa, sb := -1.0, -1.0
	if len(a.Candidates) > 0 {
		sa = a.Candidates[0].Score
	}
	if len(b.Candidates) > 0 {
		sb = b.Candidates[0].Score
	}
	if sa != sb {
		return sa > sb
	}
	return a.Article < b.Article
}

// Stats returns the outcomes so far.
func (m *Matcher) Stats() Stats {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.stats
}

// reviewHeader names the review file's columns. A person fills in the
// second, decision, with a QID or "none"; --links reads the file back.
const reviewHeader = "# entity\tdecision\tlabel\tkind\treason\tarticle\tcandidates (QID score label [enwiki title] evidence), best first\n"

// WriteReview writes the review file: the entities left unlinked, sorted by
// IRI, with their top three candidates.
func (m *Matcher) WriteReview(w io.Writer) error {
	m.mu.Lock()
	rows := make([]ReviewRow, 0, len(m.review))
	for _, r := range m.review {
		rows = append(rows, r)
	}
	m.mu.Unlock()
	slices.SortFunc(rows, func(a, b ReviewRow) int { return cmp.Compare(a.Entity, b.Entity) })
	bw := bufio.NewWriter(w)
	bw.WriteString(reviewHeader)
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t\t%s\t%s\t%s\t%s", r.Entity, tsv(r.Label), r.Kind, r.Reason, r.Article)
		for _, c := range r.Candidates {
			fmt.Fprintf(bw, "\t%s %.3f %s [%s] %s", c.Item.ID, c.Score, tsv(c.Item.Label), tsv(c.Item.Sitelink), c.Why)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func tsv(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// ReadDecisions reads a person's decisions: lines of entity IRI, TAB, QID
// or "none", and perhaps more fields (the review file's layout); lines
// whose decision is empty, and # comments, are skipped. Errors carry
// name:line.
func ReadDecisions(r io.Reader, name string) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want entity IRI, TAB, QID or none", name, line)
		}
		iri, dec := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if dec == "" {
			continue
		}
		dec = strings.TrimPrefix(dec, ontology.WD)
		if dec != "none" && !isQID(dec) {
			return nil, fmt.Errorf("%s:%d: decision %q is neither a QID (Q42) nor none", name, line, dec)
		}
		if !strings.Contains(iri, "://") {
			return nil, fmt.Errorf("%s:%d: %q is not an entity IRI", name, line, iri)
		}
		if old, ok := out[iri]; ok && old != dec {
			return nil, fmt.Errorf("%s:%d: %s decided twice (%s, %s)", name, line, iri, old, dec)
		}
		out[iri] = dec
	}
	return out, sc.Err()
}
