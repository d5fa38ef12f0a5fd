package link

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Kind is the contract class an item's P31 says it is, or one of two kinds
// the contract has no class for.
type Kind uint8

// Kinds of items.
const (
	KindUnknown Kind = iota // P31 in no list: neither for nor against
	KindPerson
	KindPlace
	KindForce
	KindEvent
	KindConflict
	// KindPolity is a state or dynasty, both a place and a belligerent.
	KindPolity
	// KindOther is a work, a name or a Wikimedia page: never one of our
	// entities, whatever its label.
	KindOther
)

var kindNames = map[string]Kind{
	"person": KindPerson, "place": KindPlace, "force": KindForce, "event": KindEvent,
	"conflict": KindConflict, "polity": KindPolity, "other": KindOther,
}

// String returns the kind's name as the class list writes it.
func (k Kind) String() string {
	for n, v := range kindNames {
		if v == k {
			return n
		}
	}
	return "unknown"
}

// DefaultClassList maps P31 values to kinds. Wikidata's classes form a deep
// hierarchy (P279, subclass of); a full closure needs the whole of P279 and
// is approximated here by listing the common direct classes of the items
// the corpus is about. A class missing from the list makes an item's type
// unknown, which costs it score but never makes a wrong link.
const DefaultClassList = `# QID	kind	label
Q5	person	human
Q515	place	city
Q486972	place	human settlement
Q3957	place	town
Q532	place	village
Q5119	place	capital
Q1549591	place	big city
Q2221906	place	geographic location
Q82794	place	geographic region
Q4022	place	river
Q23442	place	island
Q8502	place	mountain
Q23397	place	lake
Q37901	place	strait
Q165	place	sea
Q39614	place	cape
Q23413	place	castle
Q57821	place	fortification
Q56061	place	administrative territorial entity
Q6256	polity	country
Q3624078	polity	sovereign state
Q3024240	polity	historical country
Q417175	polity	kingdom
Q164950	polity	dynasty
Q7275	polity	state
Q43229	force	organization
Q176799	force	military unit
Q8473	force	military
Q13417114	force	noble family
Q8436	force	family
Q178561	conflict	battle
Q188055	conflict	siege
Q198	conflict	war
Q180684	conflict	conflict
Q350604	conflict	armed conflict
Q831663	conflict	military campaign
Q645883	conflict	military operation
Q124734	conflict	rebellion
Q1190554	event	occurrence
Q1656682	event	event
Q13418847	event	historical event
Q132241	event	festival
Q11424	other	film
Q5398426	other	television series
Q7725634	other	literary work
Q571	other	book
Q482994	other	album
Q7366	other	song
Q4167410	other	Wikimedia disambiguation page
Q4167836	other	Wikimedia category
Q13406463	other	Wikimedia list article
Q101352	other	family name
Q202444	other	given name
Q16521	other	taxon
`

// ClassList maps P31 QIDs to kinds.
type ClassList map[string]Kind

// ParseClassList reads a class list: one "QID<TAB>kind" a line, with
// optional further fields and # comments. Errors carry name:line.
func ParseClassList(r io.Reader, name string) (ClassList, error) {
	cl := ClassList{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) < 2 || !isQID(f[0]) {
			return nil, fmt.Errorf("%s:%d: want QID and kind, got %q", name, line, s)
		}
		k, ok := kindNames[f[1]]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown kind %q (person, place, force, event, conflict, polity, other)", name, line, f[1])
		}
		cl[f[0]] = k
	}
	return cl, sc.Err()
}

// DefaultClasses returns the built-in class list.
func DefaultClasses() ClassList {
	cl, err := ParseClassList(strings.NewReader(DefaultClassList), "built-in class list")
	if err != nil {
		panic(err)
	}
	return cl
}

// Kind returns the kind of an item with P31 values classes: the first
// listed kind other than KindOther, else KindOther if any class is of that
// kind, else KindUnknown. An item that is a city and a film adaptation's
// subject is a city.
func (cl ClassList) Kind(classes []string) Kind {
	other := false
	for _, c := range classes {
		switch k := cl[c]; k {
		case KindUnknown:
		case KindOther:
			other = true
		default:
			return k
		}
	}
	if other {
		return KindOther
	}
	return KindUnknown
}

// Relevant reports whether an item with P31 values classes is a person,
// place, force or event, for the index's --filter.
func (cl ClassList) Relevant(classes []string) bool {
	k := cl.Kind(classes)
	return k != KindUnknown && k != KindOther
}

// entityKind returns the kind of an entity of the graph from its contract
// classes, KindUnknown when it has none.
func entityKind(classes []rdf.Term) Kind {
	k := KindUnknown
	for _, c := range classes {
		switch c {
		case ontology.Person:
			return KindPerson
		case ontology.MilitaryConflict:
			return KindConflict
		case ontology.Event:
			k = KindEvent
		case ontology.Place:
			if k == KindUnknown {
				k = KindPlace
			}
		case ontology.Force:
			if k == KindUnknown {
				k = KindForce
			}
		}
	}
	return k
}

// compatible tells whether an item of kind item may be an entity of kind
// entity: 1 when they agree, 0.5 when either is unknown, -1 when they
// cannot be the same thing.
func compatible(entity, item Kind) float64 {
	switch {
	case item == KindOther:
		return -1
	case entity == KindUnknown || item == KindUnknown:
		return 0.5
	case entity == item:
		return 1
	}
	switch entity {
	case KindEvent:
		if item == KindConflict {
			return 1
		}
	case KindConflict:
		if item == KindEvent {
			return 1
		}
	case KindPlace, KindForce:
		// A state is where a battle was fought and a side that fought it.
		if item == KindPolity {
			return 1
		}
		// Our extraction types a belligerent "Joseon" as a force and a
		// fortress as a place: forces and places meet at polities and
		// strongholds, so this pair is doubtful, not impossible.
		if item == KindPlace || item == KindForce {
			return 0
		}
	}
	return -1
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
