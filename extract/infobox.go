package extract

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/wikikg/wikikg/extract/value"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Extractor adds what it finds in an article to the article's graph.
type Extractor interface {
	Extract(a *Article, s *Subject, g *Graph) error
}

// Subject is what an article is about: its entity and, once an infobox
// extractor has classified the infobox, its kind.
type Subject struct {
	Entity *Entity
	Kind   *ontology.Kind
	// Fallback is the class the subject's title or lead gives (ClassFromTitle,
	// ClassFromLead), which it takes when its infobox gives none.
	Fallback rdf.Term
	// Light asks extractors to skip what only output needs (see
	// Pipeline.Light).
	Light bool
}

// InfoboxExtractor maps infobox fields to facts with a mapping.
type InfoboxExtractor struct {
	Base    string
	Mapping *ontology.Mapping
}

// ErrUnparsed marks a warning about a mapped value that its parser did not
// understand; the value is kept as a literal on the key's generic property.
var ErrUnparsed = errors.New("value not understood")

// Extract classifies the infobox, types the subject and writes one or more
// triples for every field: typed facts where the mapping covers the key and
// the value parses, a literal on the key's generic property otherwise.
func (x *InfoboxExtractor) Extract(a *Article, s *Subject, g *Graph) error {
	if a.Infobox == nil {
		return nil
	}
	ib := a.Infobox
	sc := infoboxScratchPool.Get().(*infoboxScratch)
	sc.use(x.Mapping)
	matches, keys := sc.matches[:0], sc.keys[:0]
	defer func() {
		clear(matches)
		sc.matches = matches[:0]
		clear(keys)
		sc.keys = keys[:0]
		clear(sc.sides)
		sc.groups.Reset(nil)
		clear(sc.forceNames)
		sc.forceNames, sc.forces = sc.forceNames[:0], sc.forces[:0]
		clear(sc.belligerents)
		sc.belligerents = sc.belligerents[:0]
		infoboxScratchPool.Put(sc)
	}()
	roles := false // whether a field names belligerents
	for _, f := range ib.Fields {
		k := sc.key(x.Mapping, f.Key)
		matches = append(matches, k)
		keys = append(keys, k.match.Key)
		sc.forces = append(sc.forces, nameSpan{})
		roles = roles || k.role != roleNone
	}
	// Only commander lists need the belligerents' names: found at the
	// first, once, and made ready to match names against once. Most
	// infoboxes, a person's, have none, and need no look for them.
	groupsFound := !roles
	belligerents := func() *value.Groups {
		if !groupsFound {
			sc.groups.Reset(x.belligerentNames(ib, matches, sc))
			groupsFound = true
		}
		return &sc.groups
	}
	kms := sc.kms[:0]
	for _, k := range matches {
		kms = append(kms, k.match)
	}
	s.Kind = x.Mapping.ClassifyMatched(kms)
	clear(kms)
	sc.kms = kms[:0]
	if s.Kind != nil {
		s.Entity.AddClass(s.Kind.Class)
	}
	x.headerAliases(ib.Header, s.Entity)

	subj := s.Entity.IRI
	// Conditions on other fields are rare: a scan finds the first field
	// of a key, as an index of them all would.
	lookup := func(nk string) (string, bool) {
		if i := slices.Index(keys, nk); i >= 0 {
			return ib.Fields[i].Value, true
		}
		return "", false
	}
	// Side nodes are a conflict's: told once, not for each field.
	conflict := s.Kind != nil && s.Kind.Class == ontology.MilitaryConflict
	for i, f := range ib.Fields {
		ri := sc.rule(x.Mapping, matches[i], s.Kind, lookup)
		if ri.rule == nil {
			if !s.Light {
				x.literal(g, subj, f, matches[i])
			}
			continue
		}
		if ri.parser == parseIgnore {
			continue
		}
		if s.Light && !ri.light {
			continue
		}
		target := subj
		// A Light pass keeps no triple on a side but a date's, which
		// a side parser writes under an odd mapping only: the side
		// node, which costs an IRI, is made for those alone.
		if ri.side && conflict && (!s.Light || ri.year) {
			target = sc.side(g, subj, ri.n)
		}
		sc.field = i
		if !x.apply(g, s, sc, &ri, target, f, belligerents) {
			if s.Light {
				continue // the literal and its warning are output only
			}
			g.Warnings.Add(a.File, f.ValuePos, unparsedWarning(f.Key, f.Value))
			x.literal(g, subj, f, matches[i])
		}
	}
	return nil
}

// unparsedError is the warning about a value kept as a literal.
type unparsedError struct{ msg string }

func (e *unparsedError) Error() string { return e.msg }

// Unwrap returns ErrUnparsed, which the warning is.
func (e *unparsedError) Unwrap() error { return ErrUnparsed }

// unparsedWarning returns the warning about the value of key kept as a
// literal: the error fmt.Errorf("%w: %s %q kept as a literal", ErrUnparsed,
// key, value) makes, whose message is built without fmt, at a tenth of its
// cost, for one field in a dozen.
func unparsedWarning(key, value string) error {
	const tail = " kept as a literal"
	head := ErrUnparsed.Error()
	b := make([]byte, 0, len(head)+len(key)+len(value)+len(tail)+8)
	b = append(b, head...)
	b = append(b, ": "...)
	b = append(b, key...)
	b = append(b, ' ')
	b = appendQuote(b, value)
	b = append(b, tail...)
	return &unparsedError{msg: string(b)}
}

// appendQuote is strconv.AppendQuote(b, s), which costs some hundred
// instructions a rune: printable ASCII and the runes of quotePlain are
// copied in runs, and strconv quotes the others one by one, as it would
// within s (it decodes s rune by rune, and no rune has an ASCII byte in
// the middle).
func appendQuote(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if quotePlain(r) {
				i += n
				continue
			}
		} else if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		m := len(b)
		b = strconv.AppendQuote(b, s[i:i+n])
		// Drop the quotes of the rune's.
		b = append(b[:m], b[m+1:len(b)-1]...)
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// quotePlain reports whether r is in one of the ranges of printable runes
// the values have most (Latin, dashes and quotation marks, kana and CJK
// ideographs), which strconv.Quote leaves as they are.
func quotePlain(r rune) bool {
	switch {
	case r < 0xa1:
		return false
	case r <= 0x24f:
		return r != 0xad // the soft hyphen is no graphic
	case r < 0x2010:
		return false
	case r <= 0x2027:
		return true
	case r < 0x3041:
		return false
	case r <= 0x3096:
		return true
	case r < 0x30a1:
		return false
	case r <= 0x30fa:
		return true
	}
	return r >= 0x4e00 && r <= 0x9fef
}

// infoboxScratch is the scratch of one infobox's extraction, reused from
// one extraction to the next: nothing keeps an article's strings once
// Extract returns.
type infoboxScratch struct {
	// matches and keys are the fields' keys and their normalised forms.
	matches []*infoboxKey
	keys    []string
	kms     []*ontology.KeyMatch
	// items is the scratch of list values' items, and clean whether
	// each one's name is as its cleaning left it.
	items []value.Item
	clean []bool
	// groups are the belligerents' names, which commander lists are
	// grouped by.
	groups value.Groups
	// forces holds, by field, the span of forceNames that has the names
	// of a Force list apply cleaned, field the index of the field apply
	// is given: belligerentNames takes a Combatant field's names there
	// rather than split and clean the list again.
	forces     []nameSpan
	forceNames []string
	field      int
	// belligerents holds the names belligerentNames gives.
	belligerents []string
	// sides are the side nodes of the conflict, by number, once made.
	sides []rdf.Term
	// known caches what the mapping says of each key: a corpus's
	// infoboxes share a few hundred keys, and the reader gives each one
	// string. It holds for mapping only.
	known   map[string]*infoboxKey
	mapping *ontology.Mapping
	// recent holds keys of known by a cheap hash of their bytes (recentSlot),
	// the last one of each: an infobox's keys are most often found there,
	// compared with one string of the reader's, without hashing them all
	// as a map look-up does.
	recent [recentKeys]recentKey
}

// nameSpan is a span of infoboxScratch.forceNames; ok is set when the
// span holds a field's names.
type nameSpan struct {
	lo, hi int
	ok     bool
}

// recentKey is an entry of infoboxScratch.recent.
type recentKey struct {
	key string
	k   *infoboxKey
}

// recentKeys is the number of entries of infoboxScratch.recent: a
// corpus's infoboxes share a few hundred keys.
const recentKeys = 1024

// recentSlot returns the index in infoboxScratch.recent of key, not empty:
// its length and three of its bytes tell most keys apart ("Commander1",
// "Commander2", "Strength1").
func recentSlot(key string) int {
	n := len(key)
	return (n*37 + int(key[0])*11 + int(key[n/2])*5 + int(key[n-1])) % recentKeys
}

// infoboxKey is what an extractor knows of one infobox key.
type infoboxKey struct {
	match *ontology.KeyMatch
	// property is the key's generic property, once a literal needed it.
	property     rdf.Term
	propertyDone bool
	// rules holds the rule the key takes under each kind it was met
	// with, when no rule of it has a condition (KeyMatch.Conditional).
	rules []keyRule
	// role tells whether the key's field names belligerents
	// (belligerentNames).
	role keyRole
}

// keyRole is the part of a key's field in belligerentNames.
type keyRole uint8

const (
	roleNone keyRole = iota
	roleCombatant
	roleResult
)

// roleOf returns the role of the normalised key nk.
func roleOf(nk string) keyRole {
	switch {
	case strings.HasPrefix(nk, "combatant"):
		return roleCombatant
	case nk == "result":
		return roleResult
	}
	return roleNone
}

// keyRule is the rule a key takes under a kind.
type keyRule struct {
	kind *ontology.Kind
	ruleInfo
}

// ruleInfo is a rule a field takes, the number its key's {N} stood for,
// and what Extract and apply ask of the rule, told once for each key and
// kind rather than for each field.
type ruleInfo struct {
	rule   *ontology.Rule
	n      int
	parser parserID
	// kind and class are the kind of the rule's range (kindOf) and its
	// class as entities take it (classTerm).
	kind  classKind
	class rdf.Term
	// light is lightRule(rule), year writesYear(rule), and side is set
	// for a side parser's rule with a numbered key and n > 0, whose
	// triples a conflict's side takes.
	light, year, side bool
}

// parserID is an ontology.Parser as a small integer, which a switch
// tells apart without comparing strings.
type parserID uint8

const (
	parseOther parserID = iota
	parseIgnore
	parseAlias
	parseText
	parseDate
	parseDateRange
	parseNumber
	parseCasualties
	parseEntity
	parseEntities
	parsePlaces
)

// parserIDs are the IDs of the ontology's parsers.
var parserIDs = map[ontology.Parser]parserID{
	ontology.ParseIgnore: parseIgnore, ontology.ParseAlias: parseAlias, ontology.ParseText: parseText,
	ontology.ParseDate: parseDate, ontology.ParseDateRange: parseDateRange, ontology.ParseNumber: parseNumber,
	ontology.ParseCasualties: parseCasualties, ontology.ParseEntity: parseEntity,
	ontology.ParseEntities: parseEntities, ontology.ParsePlaces: parsePlaces,
}

// newRuleInfo returns the ruleInfo of rule r, nil or not, and n.
func newRuleInfo(r *ontology.Rule, n int) ruleInfo {
	if r == nil {
		return ruleInfo{}
	}
	kind := kindOf(r.Range)
	return ruleInfo{
		rule: r, n: n, parser: parserIDs[r.Parser],
		kind: kind, class: classTerm(kind, r.Range),
		light: lightRule(r), year: writesYear(r),
		side: n > 0 && r.Key.Numbered() && isSideParser(r.Parser),
	}
}

// maxKeyRules bounds the kinds an infoboxKey keeps a rule for.
const maxKeyRules = 8

// rule returns the ruleInfo of the rule of m that key k takes under kind,
// field giving the values of other keys for conditions, from k's rules
// when it is there.
func (sc *infoboxScratch) rule(m *ontology.Mapping, k *infoboxKey, kind *ontology.Kind, field func(string) (string, bool)) ruleInfo {
	conditional := k.match.Conditional()
	if !conditional {
		for i := range k.rules {
			if k.rules[i].kind == kind {
				return k.rules[i].ruleInfo
			}
		}
	}
	ri := newRuleInfo(m.LookupMatched(k.match, kind, field))
	if !conditional && len(k.rules) < maxKeyRules {
		k.rules = append(k.rules, keyRule{kind, ri})
	}
	return ri
}

// maxKnownKeys bounds an infoboxScratch's cache of keys.
const maxKnownKeys = 1024

// use readies sc for an extraction with mapping m.
func (sc *infoboxScratch) use(m *ontology.Mapping) {
	if sc.mapping != m {
		clear(sc.known)
		clear(sc.recent[:])
		sc.mapping = m
	}
}

// key returns what m says of key, from the cache when it is there.
func (sc *infoboxScratch) key(m *ontology.Mapping, key string) *infoboxKey {
	if key == "" {
		return sc.knownKey(m, key)
	}
	r := &sc.recent[recentSlot(key)]
	if r.k != nil && r.key == key {
		return r.k
	}
	k := sc.knownKey(m, key)
	if len(key) <= maxKnownKey {
		r.key, r.k = key, k
	}
	return k
}

// knownKey returns what m says of key, from known when it is there.
func (sc *infoboxScratch) knownKey(m *ontology.Mapping, key string) *infoboxKey {
	if k, ok := sc.known[key]; ok {
		return k
	}
	nk := ontology.NormalizeKey(key)
	k := &infoboxKey{match: m.Match(nk), role: roleOf(nk)}
	if len(sc.known) < maxKnownKeys && len(key) <= maxKnownKey {
		sc.known[key] = k
	}
	return k
}

// maxKnownKey is the length of the longest key infoboxScratch keeps.
const maxKnownKey = 64

var infoboxScratchPool = sync.Pool{New: func() any {
	return &infoboxScratch{known: map[string]*infoboxKey{}}
}}

// lightRule reports whether a Light pass applies rule: a catalog needs the
// infobox's names, aliases and the subject's start or birth date (for its
// year), not the texts, figures and other dates it would parse for output
// only. A rule writing either date property applies whatever its parser,
// so that any mapping gives the catalog the triples it read before.
func lightRule(r *ontology.Rule) bool {
	switch r.Parser {
	case ontology.ParseAlias, ontology.ParseEntity, ontology.ParseEntities, ontology.ParsePlaces:
		return true
	}
	return writesYear(r)
}

// writesYear reports whether rule r may write a start or birth date, the
// triples a Light pass's graph keeps (Graph.Add).
func writesYear(r *ontology.Rule) bool {
	return r.Property == ontology.StartDate || r.Property == ontology.BirthDate ||
		r.Range == ontology.StartDate || r.Range == ontology.BirthDate
}

func isSideParser(p ontology.Parser) bool {
	switch p {
	case ontology.ParseEntities, ontology.ParseEntity, ontology.ParseNumber, ontology.ParseCasualties:
		return true
	}
	return false
}

// side returns the IRI of side n of the conflict subj, creating its node
// the first time the infobox names it; most of a conflict's fields are
// about one side or the other.
func (sc *infoboxScratch) side(g *Graph, subj rdf.Term, n int) rdf.Term {
	if n < len(sc.sides) && !sc.sides[n].IsZero() {
		return sc.sides[n]
	}
	side := rdf.IRI(subj.Value + "#side" + strconv.Itoa(n))
	if n < maxCachedSides {
		if n >= len(sc.sides) {
			sc.sides = append(sc.sides, make([]rdf.Term, n+1-len(sc.sides))...)
		}
		sc.sides[n] = side
	}
	g.Add(subj, ontology.Side, side)
	g.Add(side, ontology.Type, ontology.ConflictSide)
	g.Add(side, ontology.SideNumber, rdf.Integer(int64(n)))
	return side
}

// maxCachedSides bounds infoboxScratch.sides: side numbers come from keys
// such as "Strength99999", and a conflict has two or three sides.
const maxCachedSides = 16

// literal keeps a field's value, cleaned of residue, on the key's generic
// property, so that nothing the infobox says is dropped.
func (x *InfoboxExtractor) literal(g *Graph, subj rdf.Term, f Field, k *infoboxKey) {
	if !k.propertyDone {
		k.property, k.propertyDone = ontology.KeyProperty(f.Key), true
	}
	p := k.property
	if p.IsZero() {
		return
	}
	text := value.CleanText(f.Value)
	if text == "" {
		return
	}
	g.Add(subj, p, rdf.LangString(text, "en"))
}

// apply writes the facts of one mapped field and reports whether its value
// was understood (an unknown value such as "?" counts as understood: it
// gives no triple by contract).
func (x *InfoboxExtractor) apply(g *Graph, s *Subject, sc *infoboxScratch, ri *ruleInfo, target rdf.Term, f Field, belligerents func() *value.Groups) bool {
	v := strings.TrimSpace(f.Value)
	if isUnknown(v) {
		return true
	}
	r := ri.rule
	switch ri.parser {
	case parseAlias:
		// "Seonjong () → Seonjo ()": a name changed, both are names.
		for _, item := range value.SplitEntities(strings.ReplaceAll(v, "→", ",")) {
			if name, ok := cleanEntityName(item.Name, rdf.Term{}); ok {
				s.Entity.AddAlias(name)
			}
		}
		return true
	case parseText:
		text := value.CleanText(v)
		if text == "" {
			return true
		}
		g.Add(target, r.Property, rdf.LangString(text, "en"))
		return true
	case parseDate, parseDateRange:
		start, end, ok := value.ParseDateRange(v)
		if !ok {
			return false
		}
		g.Add(target, r.Property, rdf.Typed(start.Lexical(), start.Datatype()))
		if ri.parser == parseDateRange && !end.IsZero() {
			g.Add(target, r.Range, rdf.Typed(end.Lexical(), end.Datatype()))
		}
		return true
	case parseNumber:
		num, ok := value.ParseStrength(v)
		if !ok {
			return false
		}
		g.Add(target, r.Property, rdf.Integer(num.Value))
		x.quantity(g, target, r.Property, num)
		return true
	case parseCasualties:
		text := value.CleanText(v)
		if text == "" {
			return true
		}
		g.Add(target, r.Property, rdf.LangString(text, "en"))
		if count, ok := value.CleanCountOne(text); ok {
			g.Add(target, r.Property, rdf.Integer(count))
		}
		return true
	case parseEntity, parseEntities, parsePlaces:
		// clean tells, item by item, whether the list's cleaning left the
		// name as it was, which cleanEntityName would do again.
		items, clean := sc.items[:0], sc.clean[:0]
		kind, class := ri.kind, ri.class
		switch {
		case ri.parser == parsePlaces:
			// "Ane River near Lake Biwa" names two places, and so does
			// "Tokugawa shogunate (now Japan)".
			if mayJoinPlaces(v) {
				v = joinPlaces(v)
			}
			// "Fukakusa no kita no Misasagi (深草北陵) Kyoto": a name in
			// another script between two places parts them.
			if mayPlaceAfterScript(v) {
				v = partAfterScript(v)
			}
			items, clean = value.AppendEntitiesClean(items, clean, v, nil)
		case kind.isEvent():
			// "Asian and Pacific theatre of World War I" is one event:
			// event names are split at commas, never at "and".
			items, clean = value.AppendEntitiesClean(items, clean, strings.ReplaceAll(v, " and ", keepAnd), nil)
			for i := range items {
				if strings.Contains(items[i].Name, keepAnd) {
					items[i].Name = strings.ReplaceAll(items[i].Name, keepAnd, " and ")
					clean[i] = false
				}
			}
		case kind == kindPerson:
			// Commander lists name their belligerents as group labels.
			groups := belligerents()
			items, clean = value.AppendEntitiesCleanGroups(items, clean, v, groups)
			items, clean = splitPersonRuns(items, clean)
			if len(items) == 0 && groups.Grouped() {
				// "Joseon ---- Ming": the sides' labels, without their
				// commanders, name no one.
				return true
			}
		default:
			items, clean = value.AppendEntitiesClean(items, clean, v, nil)
		}
		// A Combatant field's names are its belligerents' (see
		// belligerentNames), which a commander list may need next: they
		// are kept when they are all of SplitEntities(f.Value).
		keep := kind == kindForce && ri.parser == parseEntities && v == f.Value
		// A Light pass's graph keeps no link to an entity but under a
		// start or birth date (Graph.Add), which no entity rule is
		// likely to write: the links are not made.
		link := !s.Light || ri.year
		lo := len(sc.forceNames)
		n, placeholder := 0, false
		for i, item := range items {
			name, ok := cleanEntityNameKind(item.Name, kind, clean[i])
			if !ok {
				continue
			}
			if keep {
				sc.forceNames = append(sc.forceNames, name)
			}
			if kind == kindPerson {
				if isOfficePlaceholder(name) {
					// No one: neither an entity nor a literal.
					placeholder = true
					continue
				}
				if kin, ok := kinDescribedBy(name); ok {
					// "Fukubara Hirotoshi's daughter" names him, not
					// the mother: he is mentioned, she has no name.
					g.Entity(x.Base, kin, class)
					continue
				}
			}
			e := g.Entity(x.Base, name, class)
			if e == nil {
				continue
			}
			if kind.isEvent() {
				if alias, ok := eventAlias(name); ok {
					e.AddAlias(alias)
				}
			}
			if link {
				g.Add(target, r.Property, e.IRI)
			}
			n++
			if ri.parser == parseEntity {
				break
			}
		}
		if keep {
			sc.forces[sc.field] = nameSpan{lo, len(sc.forceNames), true}
		}
		clear(items) // the scratch keeps no article's strings
		sc.items, sc.clean = items[:0], clean[:0]
		return n > 0 || placeholder
	}
	return false
}

// classTerm returns the ontology's own term for the class c of kind k, or
// c: the mapping's copy of the term is equal, but the catalog compares
// classes with the ontology's, whose strings are the same then, which
// saves comparing their bytes.
func classTerm(k classKind, c rdf.Term) rdf.Term {
	switch k {
	case kindPerson:
		return ontology.Person
	case kindPlace:
		return ontology.Place
	case kindForce:
		return ontology.Force
	case kindEvent:
		return ontology.Event
	case kindConflict:
		return ontology.MilitaryConflict
	}
	return c
}

// quantity writes the kg:Quantity node that keeps a figure's qualifier and
// bounds: "~20,000" is approximate, "2,750+" at least, "15,000–30,000" a
// range.
func (x *InfoboxExtractor) quantity(g *Graph, target, prop rdf.Term, num value.Number) {
	local := prop.Value[strings.LastIndexAny(prop.Value, "#/")+1:]
	sep := "-"
	if !strings.Contains(target.Value, "#") {
		sep = "#"
	}
	if num.Qualifier == value.Exact {
		return // the integer says it all
	}
	q := rdf.IRI(target.Value + sep + local)
	g.Add(target, ontology.StrengthDetail, q)
	g.Add(q, ontology.Type, ontology.Quantity)
	g.Add(q, ontology.Qualifier, rdf.String(strings.ToLower(num.Qualifier.String())))
	switch num.Qualifier {
	case value.Range:
		g.Add(q, ontology.MinValue, rdf.Integer(num.Min))
		g.Add(q, ontology.MaxValue, rdf.Integer(num.Max))
	case value.AtLeast:
		g.Add(q, ontology.MinValue, rdf.Integer(num.Value))
	case value.AtMost:
		g.Add(q, ontology.MaxValue, rdf.Integer(num.Value))
	}
	if num.Text != "" {
		g.Add(q, ontology.SourceText, rdf.String(num.Text))
	}
}

// belligerentNames returns the cleaned names of every side's belligerents,
// which commander lists use as group labels ("Ming , Li Rusong , Joseon ,
// Yi Il"): the Combatant fields' names, and the victors a result names
// ("Joseon and Ming victory"), since an infobox may lack a side's
// Combatant field while its commanders are still listed under it. The
// names of a Combatant field that apply has cleaned are taken from sc.
func (x *InfoboxExtractor) belligerentNames(ib *Infobox, matches []*infoboxKey, sc *infoboxScratch) []string {
	names := sc.belligerents[:0]
	for i, f := range ib.Fields {
		switch matches[i].role {
		case roleCombatant:
			if sp := sc.forces[i]; sp.ok {
				names = append(names, sc.forceNames[sp.lo:sp.hi]...)
				continue
			}
			for _, item := range value.SplitEntities(f.Value) {
				if name, ok := cleanEntityName(item.Name, ontology.Force); ok {
					names = append(names, name)
				}
			}
		case roleResult:
			names = appendVictors(names, f.Value)
		}
	}
	sc.belligerents = names
	return names
}

// victoryAdjectives qualify a victory without naming a side. None has a
// "k", the only ASCII letter a rune outside ASCII lower-cases to (the
// Kelvin sign): victoryAdjectiveSet folds ASCII only, as strings.ToLower
// would fold them.
var (
	victoryAdjectives   = set("decisive", "pyrrhic", "tactical", "strategic", "major", "minor", "overwhelming", "indecisive", "crushing", "narrow", "final", "partial")
	victoryAdjectiveSet = newFoldSet(victoryAdjectives)
)

// appendVictors appends to names the sides a result's "X victory" names:
// "Decisive Joseon and Ming victory" gives Joseon and Ming. "Victory for
// Oda Nobunaga" names people, who are commanders, not group labels, and
// gives nothing.
func appendVictors(names []string, result string) []string {
	i := indexWordFold(result, "victory")
	if i <= 0 {
		return names
	}
	head := result[:i]
	if j := strings.LastIndexAny(head, "|;,.()"); j >= 0 {
		head = head[j+1:]
	}
	// Drop the words before the first capitalised one that is no adjective.
	for head = strings.TrimSpace(head); head != ""; {
		w, rest := head, ""
		if sp := strings.IndexFunc(head, unicode.IsSpace); sp >= 0 {
			w, rest = head[:sp], head[sp:]
		}
		if startsUpper(w) && !victoryAdjectiveSet.has(w) {
			break
		}
		head = strings.TrimSpace(rest)
	}
	// The parts between "&", "/" and dashes, each cut at " and ", as
	// strings.FieldsFunc and strings.Split would give them (an empty
	// part gives no name), without the slices.
	for head != "" {
		part := head
		if i := strings.IndexFunc(head, isVictorSeparator); i >= 0 {
			_, n := utf8.DecodeRuneInString(head[i:])
			part, head = head[:i], head[i+n:]
		} else {
			head = ""
		}
		for more := true; more; {
			var name string
			name, part, more = strings.Cut(part, " and ")
			if name = strings.TrimSpace(name); startsUpper(name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// isVictorSeparator reports whether r separates the sides a result names.
func isVictorSeparator(r rune) bool { return r == '&' || r == '/' || r == '–' || r == '—' }

// indexWordFold returns the index of the first whole-word, case-insensitive
// occurrence of the ASCII word w in s, or -1.
func indexWordFold(s, w string) int {
	// Only an ASCII letter folds to a w[0] but k or s (the Kelvin sign
	// folds to k, the long s to s): other first bytes need no EqualFold.
	c0 := w[0]
	quick := 'a' <= c0 && c0 <= 'z' && c0 != 'k' && c0 != 's'
	for i := 0; i+len(w) <= len(s); i++ {
		if quick && s[i]|0x20 != c0 {
			continue
		}
		if strings.EqualFold(s[i:i+len(w)], w) &&
			(i == 0 || !isWordByte(s[i-1])) && (i+len(w) == len(s) || !isWordByte(s[i+len(w)])) {
			return i
		}
	}
	return -1
}

// isWordByte reports whether c may be part of a word: an ASCII letter or
// digit, or a byte of a multi-byte rune.
func isWordByte(c byte) bool { return c >= utf8.RuneSelf || asciiWord[c] }

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// headerAliases records the Latin-script names of the infobox header line
// ("Seonjo, 선조, 宣祖") that differ from the title as aliases: all of a
// person's, and those of other subjects that share a word with the title.
func (x *InfoboxExtractor) headerAliases(header string, e *Entity) {
	if strings.EqualFold(strings.TrimSpace(header), "infobox") {
		return
	}
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "" || !isLatinName(part) || strings.ContainsAny(part, "|=§") {
			continue
		}
		name, ok := value.CleanName(part)
		if !ok {
			continue
		}
		if !slices.Contains(e.Classes, ontology.Person) && !shareWord(name, e.Label) {
			// A battle's or a fleet's header is often a belligerent's
			// caption ("Japan", "Qing Empire"), not the subject's name;
			// a person's header is the person's name, however written.
			continue
		}
		e.AddAlias(name)
	}
}

// shareWord reports whether a and b have a folded word of three or more
// letters in common ("Imjin" and "Imjin River").
func shareWord(a, b string) bool {
	fb := " " + FoldName(b) + " "
	for _, w := range strings.Fields(FoldName(a)) {
		if len(w) >= 3 && strings.Contains(fb, " "+w+" ") {
			return true
		}
	}
	return false
}

// isLatinName reports whether s is written in Latin script and starts with
// an upper-case letter, as a name in English text does. Prose tests every
// mention's surface with it: ASCII, all Latin, is passed over eight bytes
// at a time, and only the runes from the first other byte on are decoded.
func isLatinName(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		if c < 'A' || c > 'Z' {
			return false // the only upper-case ASCII letters
		}
		i := 1
		for ; len(s)-i >= 8; i += 8 {
			if s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7] >= utf8.RuneSelf {
				break
			}
		}
		for i < len(s) && s[i] < utf8.RuneSelf {
			i++
		}
		if i == len(s) {
			return true
		}
		return isLatinNameRunes(s, i)
	}
	return isLatinNameRunes(s, 0)
}

// isLatinNameRunes is isLatinName of s whose bytes before i are ASCII and,
// when i > 0, start with an upper-case letter.
func isLatinNameRunes(s string, i int) bool {
	first := i == 0
	for _, r := range s[i:] {
		// ASCII letters are Latin: only other letters need the tables.
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		}
	}
	return !first
}

// isUnknown reports whether v says the value is not known, which by
// contract gives no triple.
func isUnknown(v string) bool {
	// strings.Trim(v, " .|"), without building the cut set each time.
	for v != "" && (v[0] == ' ' || v[0] == '.' || v[0] == '|') {
		v = v[1:]
	}
	for v != "" && (v[len(v)-1] == ' ' || v[len(v)-1] == '.' || v[len(v)-1] == '|') {
		v = v[:len(v)-1]
	}
	if len(v) > 3*len("unknown") {
		return false // longer than any of them, whatever their case
	}
	switch v {
	case "", "?", "-", "–", "—":
		return true
	}
	// Only the k of "unknown" folds from a rune outside ASCII, the
	// Kelvin sign, two bytes longer: a value's length tells which word
	// it may be.
	switch len(v) {
	case len("n/a"):
		return strings.EqualFold(v, "n/a")
	case len("none"):
		return strings.EqualFold(v, "none")
	case len("unknown"), len("unknown") + len("\u212a") - 1:
		return strings.EqualFold(v, "unknown")
	}
	return false
}

// cleanEntityName cleans residue from a name and drops parenthesised notes
// ("(biological)", "(PRK)", "(弥九郎)"), keeping a year in parentheses on
// conflicts, where it is part of the title ("Siege of Pyongyang (1592)").
func cleanEntityName(s string, class rdf.Term) (string, bool) {
	return cleanEntityNameOf(s, class, false)
}

// cleanEntityNameOf is cleanEntityName of s, which CleanName gives back
// as it is when clean is set, so that it need not run.
func cleanEntityNameOf(s string, class rdf.Term, clean bool) (string, bool) {
	return cleanEntityNameKind(s, kindOf(class), clean)
}

// cleanEntityNameKind is cleanEntityNameOf for a class of kind kind
// (kindOf), which a list finds once for all of its names.
func cleanEntityNameKind(s string, kind classKind, clean bool) (string, bool) {
	name := s
	if !clean {
		var ok bool
		if name, ok = value.CleanName(s); !ok {
			return "", false
		}
	}
	for strings.HasSuffix(name, ")") {
		i := strings.LastIndex(name, " (")
		if i < 0 {
			break
		}
		inner := name[i+2 : len(name)-1]
		if kind.isEvent() && isYearish(inner) {
			break
		}
		name = strings.TrimSpace(name[:i])
	}
	if kind == kindPlace {
		// Descriptions before a place name: "off the coast of Namhae Island".
		name = trimLowerPrefix(name)
		if mayDescribePlace(name) {
			name = placeDescriptor.ReplaceAllString(name, "")
		}
		// A period is a time, not a place ("Azuchi–Momoyama period").
		if endsWithPeriodName(name) {
			return "", false
		}
	}
	if name == "" || !startsWithLetterOrDigit(name) {
		return "", false
	}
	return name, true
}

// placeDescriptor matches the descriptions before a place name ("off the
// coast of", "northeast of").
var placeDescriptor = regexp.MustCompile(`^(?i:(?:(?:off|near|outside|around)(?:\s+the\s+coast\s+of)?|(?:north|south|east|west)(?:east|west)?\s+of)\s+)+`)

// joinPlaces replaces, as the expression
//
//	\s+near\s+|\s*\((?:now|today|present-day|modern)[ ,:]+([^()]*)\)?
//
// would by ", $1", each "near" between white space and each bracketed
// modern name ("(now Japan)") with a comma and the name, so that the two
// places are two items. The expression cost 31,000 instructions a value.
func joinPlaces(s string) string {
	var b []byte
	last := 0 // s[last:] is not yet in b
	for i := 0; i < len(s); {
		// A match starts at the first white space of a run, or at a
		// bracket; any start within the run would lead to the same.
		j := skipASCIISpace(s, i)
		if j == len(s) {
			break
		}
		end, c0, c1 := -1, 0, 0
		switch {
		case j > i && s[j] == 'n' && strings.HasPrefix(s[j:], "near") && j+4 < len(s) && isASCIISpace(s[j+4]):
			end = skipASCIISpace(s, j+4)
		case s[j] == '(':
			end, c0, c1 = modernNameAt(s, j)
		}
		if end < 0 {
			i = j + 1
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+8)
		}
		b = append(append(append(b, s[last:i]...), ", "...), s[c0:c1]...)
		last, i = end, end
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// modernNameAt matches `\((?:now|today|present-day|modern)[ ,:]+([^()]*)\)?`
// at s[i], a bracket: it returns the end of the match and the bounds of
// the name, or -1.
func modernNameAt(s string, i int) (end, c0, c1 int) {
	j := i + 1
	for _, w := range [...]string{"now", "today", "present-day", "modern"} {
		if strings.HasPrefix(s[j:], w) {
			j += len(w)
			break
		}
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == ',' || s[k] == ':') {
		k++
	}
	if j == i+1 || k == j {
		return -1, 0, 0
	}
	c0 = k
	for k < len(s) && s[k] != '(' && s[k] != ')' {
		k++
	}
	end = k
	if k < len(s) && s[k] == ')' {
		end++
	}
	return end, c0, k
}

// partAfterScript replaces, as `\s*\([^()A-Za-z]*\)\s+(\p{Lu})` would by
// ", $1", each bracket without ASCII letters that is followed by white
// space and a capital letter with a comma: "Misasagi (深草北陵) Kyoto"
// names two places.
func partAfterScript(s string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); {
		j := skipASCIISpace(s, i)
		if j == len(s) {
			break
		}
		if s[j] != '(' {
			i = j + 1
			continue
		}
		k := j + 1
		for k < len(s) && s[k] != '(' && s[k] != ')' && !isASCIILetter(s[k]) {
			k++
		}
		if k == len(s) || s[k] != ')' {
			i = j + 1
			continue
		}
		k++
		m := skipASCIISpace(s, k)
		r, n := utf8.DecodeRuneInString(s[m:])
		if m == k || n == 0 || !unicode.IsUpper(r) {
			i = j + 1
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(append(append(b, s[last:i]...), ", "...), s[m:m+n]...)
		last, i = m+n, m+n
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// mayJoinPlaces reports whether joinPlaces may change s: whether s has
// "near" or an opening bracket before one of its words.
func mayJoinPlaces(s string) bool {
	if strings.Contains(s, "near") {
		return true
	}
	// One search for each bracket, not one for each word.
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		if strings.HasPrefix(s, "now") || strings.HasPrefix(s, "today") ||
			strings.HasPrefix(s, "present-day") || strings.HasPrefix(s, "modern") {
			return true
		}
	}
}

// mayPlaceAfterScript reports whether partAfterScript may change s:
// whether s has brackets with neither an ASCII letter nor a bracket
// between them, then white space.
func mayPlaceAfterScript(s string) bool {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		j := strings.IndexAny(s, "()")
		if j < 0 {
			return false
		}
		if s[j] == ')' && j+1 < len(s) && isASCIISpace(s[j+1]) && !hasASCIILetter(s[:j]) {
			return true
		}
		s = s[j:]
	}
}

// hasASCIILetter reports whether s has an ASCII letter.
func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// officePlaceholders are what office-holder infoboxes write in place of a
// predecessor, successor or minister who is no other person.
var officePlaceholders = set("position established", "position created", "position abolished",
	"office established", "office created", "office abolished", "post established", "post created",
	"post abolished", "new creation", "new office", "new position", "inaugural holder", "vacant",
	"abolished", "established", "himself", "herself", "self")

// isOfficePlaceholder reports whether name is one of officePlaceholders.
func isOfficePlaceholder(name string) bool { return officePlaceholderSet.has(name) }

// inSetASCIIFold reports whether s, its ASCII letters lower-cased, is in
// set, whose keys are short ASCII: it runs for every name of a person
// list, which strings.ToLower would copy.
func inSetASCIIFold(set map[string]bool, s string) bool {
	var buf [maxFoldWord]byte
	if len(s) > len(buf) {
		return false
	}
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return set[string(b)]
}

// maxFoldWord is the length of the longest string inSetASCIIFold looks up.
const maxFoldWord = 24

// foldSet is inSetASCIIFold for one set, which the names of every person
// list are tested against: most names have no key's length, or neither
// the first nor the last byte of a key of it in either case, and are ruled
// out without lower-casing and hashing them.
type foldSet struct {
	words map[string]bool
	// ends[n] marks, at byte c, that a key of n bytes starts with c
	// (bit 0) or ends with it (bit 1), in either case.
	ends [maxFoldWord + 1]*[256]uint8
}

// newFoldSet returns the foldSet of words.
func newFoldSet(words map[string]bool) *foldSet {
	fs := &foldSet{words: words}
	mark := func(t *[256]uint8, c byte, bit uint8) {
		t[c] |= bit
		if c >= 'a' && c <= 'z' {
			t[c-('a'-'A')] |= bit
		}
	}
	for w := range words {
		if w == "" || len(w) > maxFoldWord {
			continue // inSetASCIIFold finds neither
		}
		t := fs.ends[len(w)]
		if t == nil {
			t = new([256]uint8)
			fs.ends[len(w)] = t
		}
		mark(t, w[0], 1)
		mark(t, w[len(w)-1], 2)
	}
	return fs
}

// has is inSetASCIIFold(fs.words, s).
func (fs *foldSet) has(s string) bool {
	if s == "" {
		return fs.words[s]
	}
	if len(s) > maxFoldWord {
		return false
	}
	t := fs.ends[len(s)]
	if t == nil || t[s[0]]&1 == 0 || t[s[len(s)-1]]&2 == 0 {
		return false
	}
	return inSetASCIIFold(fs.words, s)
}

var (
	officePlaceholderSet = newFoldSet(officePlaceholders)
	kinWordSet           = newFoldSet(kinWords)
	royalTitleSet        = newFoldSet(royalTitles)
)

// kinWords are the relations that flattened lists of relatives note after
// each name ("Enomoto Takenori (son) Enomoto Kinu (daughter)"), and that
// describe an unnamed relative ("Fukubara Hirotoshi's daughter").
var kinWords = set("son", "daughter", "sons", "daughters", "child", "children", "wife", "husband",
	"consort", "widow", "mother", "father", "brother", "sister", "stepson", "stepdaughter",
	"adopted son", "adopted daughter", "heir", "concubine")

// kinDescribedBy returns the person through whom name describes an
// unnamed relative ("X's daughter" gives X), and whether it does.
func kinDescribedBy(name string) (string, bool) {
	// The possessive first: most names have none, and need no look-up.
	// Its apostrophe is "'" or "’" (E2 80 99): a name with neither the
	// byte 0x27 nor 0x99 has none, which two byte searches tell for less
	// than the search for the last space costs.
	if strings.IndexByte(name, '\'') < 0 && strings.IndexByte(name, 0x99) < 0 {
		return "", false
	}
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return "", false
	}
	who := name[:i]
	for _, poss := range [...]string{"'s", "’s"} {
		if w, ok := strings.CutSuffix(who, poss); ok && w != "" {
			if !kinWordSet.has(name[i+1:]) {
				return "", false
			}
			return w, true
		}
	}
	return "", false
}

// splitPersonRuns splits the items of a person list whose names run
// together where flattening lost the line breaks between them: after a
// relation note ("Enomoto Takenori (son) Enomoto Kinu (daughter)") or
// before a title that starts the item again ("Emperor Meiji Emperor
// Taishō"). The note stays with the name before it, which cleaning drops.
// clean, whether each item's name is as its cleaning left it, is kept in
// step: the names of a split item are not.
func splitPersonRuns(items []value.Item, clean []bool) ([]value.Item, []bool) {
	for i := 0; i < len(items); i++ {
		name := items[i].Name
		cut := personRunCut(name)
		if cut < 0 {
			continue
		}
		// Flags and notes were read at the end of the item: the names
		// before it have none.
		rest := items[i]
		rest.Name = strings.TrimSpace(name[cut:])
		items[i] = value.Item{Name: strings.TrimSpace(name[:cut]), Group: rest.Group}
		items = slices.Insert(items, i+1, rest)
		clean[i] = false
		clean = slices.Insert(clean, i+1, false)
	}
	return items, clean
}

// personRunCut returns where the second of two names run together in name
// starts, or -1 (see splitPersonRuns).
func personRunCut(name string) int {
	// Every cut follows a space: a name without one, a single word, has
	// none. The byte searches are the vector ones of package strings,
	// where a loop over the bytes cost some fourteen instructions a byte.
	sp := strings.IndexByte(name, ' ')
	if sp < 0 {
		return -1
	}
	// After a relation note, before a capital letter: a note follows a
	// space, and most names have no bracket after their first.
	rest := name[sp+1:]
	if strings.IndexByte(rest, '(') >= 0 {
		if cut := kinNoteCut(name, sp); cut > 0 {
			return cut
		}
	}
	// Two names of two words each: most names have not a second space.
	if strings.IndexByte(rest, ' ') >= 0 {
		if cut := japaneseNamePairCut(name); cut > 0 {
			return cut
		}
	}
	// Before the item's opening title, repeated before a capital letter.
	if sp == 0 || !royalTitleSet.has(name[:sp]) {
		return -1
	}
	title := name[:sp]
	for i := sp + 1; i < len(name); {
		k := strings.Index(name[i:], title)
		if k < 0 {
			break
		}
		k += i
		if name[k-1] == ' ' && startsUpperWord(name[k+len(title):]) {
			return k
		}
		i = k + 1
	}
	return -1
}

// kinNoteCut returns where a name starts after a relation note in name,
// whose first space is at sp ("Enomoto Takenori (son) Enomoto Kinu" gives
// the index of the second "Enomoto"), or -1.
func kinNoteCut(name string, sp int) int {
	// A note follows a space: a bracket before the first follows none.
	if strings.IndexByte(name[sp:], '(') < 0 {
		return -1 // most names
	}
	for i := sp; ; {
		open := strings.Index(name[i:], " (")
		if open < 0 {
			return -1
		}
		open += i
		end := strings.IndexByte(name[open:], ')')
		if end < 0 {
			return -1
		}
		end += open
		if kinWordSet.has(name[open+2:end]) && startsUpperWord(name[end+1:]) {
			return end + 2
		}
		i = end
	}
}

// japaneseNamePairCut returns where the third word of name starts when
// name is four capitalised, Japanese-shaped words: two family-and-given
// names run together ("Inaba Yoshimichi Tokugawa Ieyasu"), as no single
// name of a list is written so. Otherwise it returns -1.
func japaneseNamePairCut(name string) int {
	if strings.Count(name, " ") != 3 {
		return -1 // most names: no word needs folding
	}
	cut, words := -1, 0
	for i := 0; i < len(name); {
		j := strings.IndexByte(name[i:], ' ')
		if j < 0 {
			j = len(name)
		} else {
			j += i
		}
		w := name[i:j]
		if words++; !startsUpper(w) || !japaneseName(foldString(w)) {
			return -1
		}
		if words == 3 {
			cut = i
		}
		i = j + 1
	}
	return cut
}

// startsUpperWord reports whether s is a space, then an upper-case letter.
func startsUpperWord(s string) bool {
	return strings.HasPrefix(s, " ") && startsUpper(s[1:])
}

// keepAnd stands for " and " inside event names while a list is split.
const keepAnd = "\uE000and\uE000"

func isEventClass(c rdf.Term) bool {
	return c == ontology.MilitaryConflict || c == ontology.Event
}

// eventAliases returns the form of a conflict's name without its
// parenthesised year, which articles use too.
func eventAliases(name string, class rdf.Term) []string {
	if !isEventClass(class) {
		return nil
	}
	if alias, ok := eventAlias(name); ok {
		return []string{alias}
	}
	return nil
}

// eventAlias returns the one alias eventAliases gives an event's name,
// and whether there is one, without a slice to hold it.
func eventAlias(name string) (string, bool) {
	if !strings.HasSuffix(name, ")") {
		return "", false
	}
	i := strings.LastIndex(name, " (")
	if i < 0 {
		return "", false
	}
	return name[:i], true
}

func isYearish(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '–' || r == '-' || r == ' ' || r == '—':
		default:
			return false
		}
	}
	return digits >= 3
}

// trimLowerPrefix drops leading lower-case words ("off the coast of").
func trimLowerPrefix(s string) string {
	for {
		if s == "" {
			return s
		}
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLower(r) {
			return s
		}
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return s
		}
		s = strings.TrimSpace(s[i+1:])
	}
}

func startsWithLetterOrDigit(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return isASCIILetter(s[0]) || '0' <= s[0] && s[0] <= '9' // most names
	}
	for _, r := range s {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// mayDescribePlace reports whether name may start with what
// placeDescriptor removes: its first word, up to white space, is off, near,
// outside, around or a compass point in any case, the last followed by
// white space, "of" and white space, or has a non-ASCII letter, which case
// folding may map to one ("ſ" folds to "s").
func mayDescribePlace(name string) bool {
	if name == "" {
		return false
	}
	switch name[0] | 0x20 {
	case 'o', 'n', 'a', 's', 'e', 'w':
	default:
		if name[0] < utf8.RuneSelf {
			return false // no word of them starts so
		}
	}
	end := 0
	for end < len(name) && !isASCIISpace(name[end]) {
		if name[end] >= utf8.RuneSelf {
			return true
		}
		end++
	}
	if end == len(name) {
		return false // the expression needs white space after the word
	}
	var buf [16]byte
	if end > len(buf) {
		return false
	}
	w := buf[:end]
	for i := range w {
		w[i] = name[i] | 0x20 // only ASCII letters can match
	}
	switch string(w) {
	case "off", "near", "outside", "around":
		return true
	}
	// (north|south|east|west)(east|west)?\s+of\s+
	for _, p := range [...]string{"north", "south", "east", "west"} {
		if rest, ok := strings.CutPrefix(string(w), p); ok {
			return (rest == "" || rest == "east" || rest == "west") && ofFollows(name[end:])
		}
	}
	return false
}

// ofFollows reports whether s is white space, "of" in any case, then
// white space.
func ofFollows(s string) bool {
	i := skipASCIISpace(s, 0)
	return i > 0 && i+2 < len(s) && s[i]|0x20 == 'o' && s[i+1]|0x20 == 'f' && isASCIISpace(s[i+2])
}

// endsWithPeriodName reports whether name ends with white space and
// "period" or "era", lower case or capitalised: a time, not a place.
func endsWithPeriodName(name string) bool {
	if name == "" || name[len(name)-1] != 'd' && name[len(name)-1] != 'a' {
		return false // neither "period" nor "era"
	}
	for _, w := range [...]string{"period", "era", "Period", "Era"} {
		if n := len(name) - len(w) - 1; n >= 0 && strings.HasSuffix(name, w) && isASCIISpace(name[n]) {
			return true
		}
	}
	return false
}

// skipASCIISpace returns the index of the first byte at or after s[i]
// that is not white space as regular expressions mean \s.
func skipASCIISpace(s string, i int) int {
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	return i
}

// isASCIISpace reports whether c is white space as regular expressions
// mean \s.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
