package extract

import (
	"strings"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// The helpers below are the plain forms that the tests compare the
// extractors' faster code with, or that they build expectations from.

// tokenize cuts s into words and punctuation marks, appending to toks.
// Spaces separate tokens and are not tokens.
func tokenize(s string, toks []token) []token {
	return tokenizeInto(s, toks, nil)
}

// tokenizeInto is tokenize with the words' keys taken from in, when not
// nil, so that a word seen before costs no allocation.
func tokenizeInto(s string, toks []token, in *interner) []token {
	if in != nil {
		return in.tokenize(s, toks)
	}
	for i := 0; ; {
		t, next, ok := nextToken(s, i)
		if !ok {
			return toks
		}
		i = next
		if t.word {
			t.key = foldString(s[t.start:t.end])
		}
		toks = append(toks, t)
	}
}

// tokenize is tokenizeInto(s, toks, in).
func (in *interner) tokenize(s string, toks []token) []token {
	toks, _ = in.tokenizeFrom(s, 0, toks)
	return toks
}

// contractClass returns the first contract class (Person, Place, Force,
// Event, MilitaryConflict) of classes, or the zero Term.
func contractClass(classes []rdf.Term) rdf.Term {
	for _, c := range classes {
		if isContractClass(c) {
			return c
		}
	}
	return rdf.Term{}
}

// isContractClass reports whether c is kg:Person, kg:Place, kg:Force,
// kg:Event or kg:MilitaryConflict.
func isContractClass(c rdf.Term) bool { return contractKind(c) != 0 }

// contractKind numbers the contract classes: kg:Person 1, kg:Place 2,
// kg:Force 3, kg:Event 4 and kg:MilitaryConflict 5; any other term is 0.
func contractKind(c rdf.Term) int {
	switch kgLocalName(c) {
	case "Person":
		return 1
	case "Place":
		return 2
	case "Force":
		return 3
	case "Event":
		return 4
	case "MilitaryConflict":
		return 5
	}
	return 0
}

// kgLocalName returns the name of c in the kg namespace ("Person" for
// kg:Person), or "" for any other term: a switch on it tests constant
// strings, rather than comparing c with each class in turn, as this runs
// for every mention and entity.
func kgLocalName(c rdf.Term) string {
	if c.Kind != rdf.KindIRI || c.Datatype != "" || c.Lang != "" {
		return ""
	}
	if name, ok := strings.CutPrefix(c.Value, ontology.KG); ok {
		return name
	}
	return ""
}

// eachConcat calls f on every concatenation of up to n of pieces, the
// empty string first, each piece any number of times: the strings of a
// few pieces on which a test compares fast code with its oracle.
func eachConcat(pieces []string, n int, f func(string)) {
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		f(prefix)
		if n > 0 {
			for _, p := range pieces {
				gen(prefix+p, n-1)
			}
		}
	}
	gen("", n)
}
