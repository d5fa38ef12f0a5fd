package link

import (
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Terms the linker writes beyond the contract's core. An entity linked to
// Wikidata gets owl:sameAs wd:Q… and a link node <entity#wikidata> that
// holds the evidence, so that a query can keep only links above a score or
// made by a given route:
//
//	res:Pyongyang owl:sameAs wd:Q900000010 ;
//	    kg:wikidataLink <res:Pyongyang#wikidata> .
//	<res:Pyongyang#wikidata> a kg:WikidataLink ;
//	    kg:linkTarget wd:Q900000010 ;
//	    kg:linkRoute "score" ;
//	    kg:linkScore "0.902"^^xsd:decimal ;
//	    kg:linkMargin "0.550"^^xsd:decimal .
var (
	// WikidataLink is the class of link nodes.
	WikidataLink = ontology.WikidataLink
	// WikidataLinkP relates an entity to its link node.
	WikidataLinkP = ontology.WikidataLinkP
	// LinkTarget is the Wikidata item a link node links to.
	LinkTarget = ontology.LinkTarget
	// LinkScore is the chosen candidate's score, 0 to 1 (xsd:decimal).
	LinkScore = ontology.LinkScore
	// LinkMargin is the score's lead over the runner-up (xsd:decimal); 1
	// when there was no runner-up.
	LinkMargin = ontology.LinkMargin
	// LinkRoute says how the link was made: "sitelink" (the entity's name
	// is the item's English Wikipedia title), "score" (the candidates were
	// scored) or "manual" (a person decided, through --links).
	LinkRoute = ontology.LinkRoute
)

// Terms lists the kg: terms of this file, for the ontology's declarations.
func Terms() []rdf.Term {
	return []rdf.Term{WikidataLink, WikidataLinkP, LinkTarget, LinkScore, LinkMargin, LinkRoute}
}
