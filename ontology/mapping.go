package ontology

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/wikikg/wikikg/rdf"
)

//go:embed mapping.tsv
var defaultMapping []byte

// DefaultMappingSource returns the text of the built-in mapping file.
func DefaultMappingSource() []byte { return bytes.Clone(defaultMapping) }

// Parser names how a mapped infobox value is read.
type Parser string

// The value parsers a mapping rule may name.
const (
	ParseEntity     Parser = "entity"
	ParseEntities   Parser = "entities"
	ParsePlaces     Parser = "places"
	ParseDateRange  Parser = "daterange"
	ParseDate       Parser = "date"
	ParseText       Parser = "text"
	ParseNumber     Parser = "number"
	ParseCasualties Parser = "casualties"
	ParseAlias      Parser = "alias"
	ParseIgnore     Parser = "ignore"
)

var parsers = map[Parser]bool{
	ParseEntity: true, ParseEntities: true, ParsePlaces: true, ParseDateRange: true, ParseDate: true,
	ParseText: true, ParseNumber: true, ParseCasualties: true, ParseAlias: true, ParseIgnore: true,
}

// Kind is a kind of infobox, recognised by its keys.
type Kind struct {
	Name string
	// Class is the contract class of the subject; zero for kinds with none.
	Class   rdf.Term
	Signals []Signal
	Line    int
}

// Signal is a key whose presence points to a kind.
type Signal struct {
	Key      KeyPattern
	Decisive bool
}

// Rule maps one infobox key to a property.
type Rule struct {
	Key      KeyPattern
	Kinds    []string // nil means any kind
	Parser   Parser
	Property rdf.Term
	// Range is the class of entities the value names, or, for daterange,
	// the property of the end date.
	Range rdf.Term
	// When, if set, is a condition on another key of the same infobox.
	When      KeyPattern
	WhenValue string
	Line      int
}

// Mapping is a parsed mapping file. Its Kinds and Rules must not change
// once it is used: its indexes of keys, signals and kinds are built on
// first use and kept, as are the rules an InfoboxExtractor keeps per key.
type Mapping struct {
	Kinds []Kind
	Rules []Rule

	// byKey indexes the rules without {N} by key, and numbered lists the
	// indexes of those with one, both in file order, so Lookup need not
	// try every rule.
	byKey    map[string][]int
	numbered []int
	// The kinds' signals, numbered kind after kind, indexed the same
	// way; signalKind holds, by signal, the index of its kind in Kinds.
	signals         []Signal
	signalsByKey    map[string][]int
	numberedSignals []int
	signalKind      []int32
	// ruleKinds holds, by rule, a kindBit mask of the kinds it applies
	// to: LookupMatched uses them when Kinds are few (fewKinds), and the
	// kinds' names otherwise.
	ruleKinds []uint64
	// indexed guards index, which a Mapping built by hand, not by
	// ParseMapping, runs on first use, perhaps from several goroutines.
	indexed sync.Once
}

// index builds the lookup tables.
func (m *Mapping) index() {
	m.byKey = map[string][]int{}
	m.numbered = nil
	for i, r := range m.Rules {
		if r.Key.numbered {
			m.numbered = append(m.numbered, i)
		} else {
			m.byKey[r.Key.prefix] = append(m.byKey[r.Key.prefix], i)
		}
	}
	m.signals = nil
	m.signalsByKey = map[string][]int{}
	m.numberedSignals = nil
	m.signalKind = nil
	for ki, k := range m.Kinds {
		for _, sig := range k.Signals {
			id := len(m.signals)
			m.signals = append(m.signals, sig)
			m.signalKind = append(m.signalKind, int32(ki))
			if sig.Key.numbered {
				m.numberedSignals = append(m.numberedSignals, id)
			} else {
				m.signalsByKey[sig.Key.prefix] = append(m.signalsByKey[sig.Key.prefix], id)
			}
		}
	}
	m.ruleKinds = make([]uint64, len(m.Rules))
	for i, r := range m.Rules {
		if r.Kinds == nil {
			m.ruleKinds[i] = ^uint64(0) // any kind, and none
			continue
		}
		for j, k := range m.Kinds {
			if slices.Contains(r.Kinds, k.Name) {
				m.ruleKinds[i] |= 1 << (j + 1)
			}
		}
	}
}

// fewKinds is the largest number of kinds a kindBit mask holds, with
// the bit of no kind.
const fewKinds = 63

// kindBit returns the bit of kind in the masks of ruleKinds: bit 0 for
// no kind, bit i+1 for Kinds[i]. It reports false for a kind that is
// not one of m.Kinds, or when they are more than fewKinds.
func (m *Mapping) kindBit(kind *Kind) (uint64, bool) {
	if kind == nil {
		return 1, true
	}
	if len(m.Kinds) > fewKinds {
		return 0, false
	}
	for j := range m.Kinds {
		if &m.Kinds[j] == kind {
			return 1 << (j + 1), true
		}
	}
	return 0, false
}

// KeyPattern is a normalised infobox key, perhaps with one "{N}" standing for
// a number.
type KeyPattern struct {
	prefix, suffix string
	numbered       bool
}

// NormalizeKey folds a key for matching: lower case, without spaces,
// underscores and hyphens.
func NormalizeKey(key string) string {
	// Most keys are ASCII and often already folded: skip the builder then.
	folded := true
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c == ' ' || c == '_' || c == '-' || c == '\t' {
			folded = false
			break
		}
	}
	if folded {
		return key
	}
	var b strings.Builder
	b.Grow(len(key))
	for _, r := range key {
		if unicode.IsSpace(r) || r == '_' || r == '-' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func parseKeyPattern(s string) (KeyPattern, error) {
	before, after, found := strings.Cut(s, "{N}")
	if strings.Contains(after, "{N}") {
		return KeyPattern{}, errors.New("more than one {N} in key")
	}
	p := KeyPattern{prefix: NormalizeKey(before), suffix: NormalizeKey(after), numbered: found}
	if p.prefix == "" && p.suffix == "" {
		return KeyPattern{}, errors.New("empty key")
	}
	return p, nil
}

// Match reports whether the normalised key nk matches p, and returns the
// number {N} stood for (0 when p has none).
func (p KeyPattern) Match(nk string) (n int, ok bool) {
	if !p.numbered {
		return 0, nk == p.prefix
	}
	if !strings.HasPrefix(nk, p.prefix) || !strings.HasSuffix(nk, p.suffix) || len(nk) <= len(p.prefix)+len(p.suffix) {
		return 0, false
	}
	digits := nk[len(p.prefix) : len(nk)-len(p.suffix)]
	if len(digits) > 4 {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

// With returns the normalised key that p names for number n.
func (p KeyPattern) With(n int) string {
	if !p.numbered {
		return p.prefix
	}
	return fmt.Sprintf("%s%d%s", p.prefix, n, p.suffix)
}

// Numbered reports whether p has a {N}.
func (p KeyPattern) Numbered() bool { return p.numbered }

// MappingError is an error in a mapping file, at a line.
type MappingError struct {
	File string
	Line int
	Err  error
}

func (e *MappingError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *MappingError) Unwrap() error { return e.Err }

// DefaultMapping returns the built-in mapping.
func DefaultMapping() *Mapping {
	m, err := ParseMapping(bytes.NewReader(defaultMapping), "mapping.tsv")
	if err != nil {
		panic("built-in mapping: " + err.Error()) // covered by tests
	}
	return m
}

// ParseMapping reads a mapping file in the format documented at the top of
// the built-in mapping.tsv. name is used in errors.
func ParseMapping(r io.Reader, name string) (*Mapping, error) {
	m := &Mapping{}
	kinds := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		fields := splitTabs(text)
		fail := func(format string, a ...any) error {
			return &MappingError{File: name, Line: line, Err: fmt.Errorf(format, a...)}
		}
		switch fields[0] {
		case "kind":
			if len(fields) != 4 {
				return nil, fail("kind wants NAME, CLASS and signal keys, got %d fields", len(fields)-1)
			}
			k := Kind{Name: fields[1], Line: line}
			if kinds[k.Name] {
				return nil, fail("kind %q defined twice", k.Name)
			}
			if fields[2] != "-" {
				c, err := ExpandTerm(fields[2])
				if err != nil {
					return nil, fail("class: %v", err)
				}
				k.Class = c
			}
			for _, s := range strings.Split(fields[3], ",") {
				s = strings.TrimSpace(s)
				decisive := strings.HasPrefix(s, "!")
				p, err := parseKeyPattern(strings.TrimPrefix(s, "!"))
				if err != nil {
					return nil, fail("signal %q: %v", s, err)
				}
				k.Signals = append(k.Signals, Signal{Key: p, Decisive: decisive})
			}
			kinds[k.Name] = true
			m.Kinds = append(m.Kinds, k)
		case "map":
			if len(fields) < 5 && !(len(fields) == 4 && fields[3] == string(ParseIgnore)) {
				return nil, fail("map wants KEY, KINDS, PARSER and PROPERTY")
			}
			key, err := parseKeyPattern(fields[1])
			if err != nil {
				return nil, fail("key %q: %v", fields[1], err)
			}
			rule := Rule{Key: key, Parser: Parser(fields[3]), Line: line}
			if !parsers[rule.Parser] {
				return nil, fail("unknown parser %q", fields[3])
			}
			if fields[2] != "*" {
				for _, k := range strings.Split(fields[2], ",") {
					k = strings.TrimSpace(k)
					if !kinds[k] {
						return nil, fail("unknown kind %q (define it above with a kind line)", k)
					}
					rule.Kinds = append(rule.Kinds, k)
				}
			}
			if rule.Parser != ParseIgnore {
				if len(fields) < 5 {
					return nil, fail("map wants a PROPERTY")
				}
				if rule.Property, err = ExpandTerm(fields[4]); err != nil {
					return nil, fail("property: %v", err)
				}
			}
			if len(fields) > 5 && fields[5] != "-" {
				if rule.Range, err = ExpandTerm(fields[5]); err != nil {
					return nil, fail("range: %v", err)
				}
			}
			if rule.Parser == ParseDateRange && rule.Range.IsZero() {
				return nil, fail("daterange wants the end-date property in the RANGE field")
			}
			if len(fields) > 6 {
				k, v, ok := strings.Cut(fields[6], "=")
				if !ok {
					return nil, fail("condition %q is not KEY=VALUE", fields[6])
				}
				if rule.When, err = parseKeyPattern(k); err != nil {
					return nil, fail("condition key: %v", err)
				}
				rule.WhenValue = strings.TrimSpace(v)
			}
			if len(fields) > 7 {
				return nil, fail("too many fields")
			}
			m.Rules = append(m.Rules, rule)
		default:
			return nil, fail("unknown directive %q (want kind or map)", fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &MappingError{File: name, Line: line + 1, Err: err}
	}
	m.indexed.Do(m.index)
	return m, nil
}

func splitTabs(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "\t") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ExpandTerm turns a prefixed name of the contract's prefixes (with res:
// bound to the default base) or an <IRI> into an IRI term.
func ExpandTerm(s string) (rdf.Term, error) {
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		t := rdf.IRI(s[1 : len(s)-1])
		return t, t.Validate()
	}
	pfx, local, ok := strings.Cut(s, ":")
	if !ok {
		return rdf.Term{}, fmt.Errorf("%q is neither prefix:name nor <IRI>", s)
	}
	for _, p := range Prefixes(DefaultBase) {
		if p.Name == pfx {
			t := rdf.IRI(p.IRI + local)
			return t, t.Validate()
		}
	}
	return rdf.Term{}, fmt.Errorf("unknown prefix %q", pfx)
}

// Classify returns the kind of an infobox from its normalised keys: the kind
// with the most signal keys present, provided it has a decisive one or at
// least two. It returns nil when no kind qualifies.
func (m *Mapping) Classify(keys []string) *Kind {
	matches := make([]*KeyMatch, len(keys))
	for i, nk := range keys {
		matches[i] = m.Match(nk)
	}
	return m.ClassifyMatched(matches)
}

// KeyMatch is what a mapping says of one normalised key, whatever the
// infobox: the signals and the rules whose key patterns match it. An
// extractor that meets the same keys in infobox after infobox gets it once
// per key from Mapping.Match, and classifies and looks up with it rather
// than matching the key against the patterns again.
type KeyMatch struct {
	// Key is the normalised key.
	Key     string
	signals []int32
	rules   []ruleMatch
	// conditional is set when one of rules has a condition.
	conditional bool
}

// Conditional reports whether a rule for km's key has a condition on
// another key: when none has, LookupMatched's answer depends on the kind
// alone, and a caller may keep it for each kind.
func (km *KeyMatch) Conditional() bool { return km.conditional }

// ruleMatch is a rule whose key pattern matches a key, and the number its
// {N} stood for.
type ruleMatch struct{ rule, n int32 }

// Match returns the KeyMatch of the normalised key nk.
func (m *Mapping) Match(nk string) *KeyMatch {
	m.indexed.Do(m.index)
	km := &KeyMatch{Key: nk}
	for _, id := range m.signalsByKey[nk] {
		km.signals = append(km.signals, int32(id))
	}
	for _, id := range m.numberedSignals {
		if _, ok := m.signals[id].Key.Match(nk); ok {
			km.signals = append(km.signals, int32(id))
		}
	}
	// Rules apply in file order: merge the exact and the numbered
	// candidates by index.
	exact, numbered := m.byKey[nk], m.numbered
	for len(exact) > 0 || len(numbered) > 0 {
		var i int
		if len(numbered) == 0 || len(exact) > 0 && exact[0] < numbered[0] {
			i, exact = exact[0], exact[1:]
		} else {
			i, numbered = numbered[0], numbered[1:]
		}
		if n, ok := m.Rules[i].Key.Match(nk); ok {
			km.rules = append(km.rules, ruleMatch{int32(i), int32(n)})
			km.conditional = km.conditional || m.Rules[i].WhenValue != ""
		}
	}
	return km
}

// ClassifyMatched is Classify of the keys of matches. The kinds' scores
// are counted from the signals the keys match, most keys none, each signal
// once, rather than by going through every signal of every kind.
func (m *Mapping) ClassifyMatched(matches []*KeyMatch) *Kind {
	m.indexed.Do(m.index)
	// Most mappings fit the arrays; a larger one takes slices.
	var seenBuf [4]uint64
	var scoreBuf [32]int32
	var decisiveBuf [32]bool
	seen, score, decisive := seenBuf[:], scoreBuf[:], decisiveBuf[:]
	if n := (len(m.signals) + 63) / 64; n > len(seen) {
		seen = make([]uint64, n)
	}
	if len(m.Kinds) > len(score) {
		score, decisive = make([]int32, len(m.Kinds)), make([]bool, len(m.Kinds))
	}
	for _, km := range matches {
		for _, id := range km.signals {
			if seen[id>>6]&(1<<(id&63)) != 0 {
				continue
			}
			seen[id>>6] |= 1 << (id & 63)
			k := m.signalKind[id]
			score[k]++
			decisive[k] = decisive[k] || m.signals[id].Decisive
		}
	}
	var best *Kind
	bestScore := int32(0)
	for i := range m.Kinds {
		if s := score[i]; (decisive[i] || s >= 2) && s > bestScore {
			best, bestScore = &m.Kinds[i], s
		}
	}
	return best
}

// Lookup returns the first rule for the normalised key nk under kind (nil
// kind matches only "*" rules) whose condition holds, and the number its {N}
// stood for. field returns the value of another normalised key of the same
// infobox, for conditions.
func (m *Mapping) Lookup(nk string, kind *Kind, field func(nk string) (string, bool)) (*Rule, int) {
	return m.LookupMatched(m.Match(nk), kind, field)
}

// LookupMatched is Lookup of km's key.
func (m *Mapping) LookupMatched(km *KeyMatch, kind *Kind, field func(nk string) (string, bool)) (*Rule, int) {
	bit, few := uint64(0), false
	if len(km.rules) > 0 {
		m.indexed.Do(m.index)
		bit, few = m.kindBit(kind)
	}
	for _, c := range km.rules {
		r, n := &m.Rules[c.rule], int(c.n)
		if few {
			if m.ruleKinds[c.rule]&bit == 0 {
				continue
			}
		} else if r.Kinds != nil {
			in := false
			for _, k := range r.Kinds {
				in = in || kind != nil && k == kind.Name
			}
			if !in {
				continue
			}
		}
		if r.WhenValue != "" {
			v, ok := field(r.When.With(n))
			if !ok || !strings.EqualFold(strings.TrimSpace(v), r.WhenValue) {
				continue
			}
		}
		return r, n
	}
	return nil, 0
}
