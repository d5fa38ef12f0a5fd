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
	WikidataLink = rdf.IRI(ontology.KG + "WikidataLink")
	// WikidataLinkP relates an entity to its link node.
	WikidataLinkP = rdf.IRI(ontology.KG + "wikidataLink")
	// LinkTarget is the Wikidata item a link node links to.
	LinkTarget = rdf.IRI(ontology.KG + "linkTarget")
	// LinkScore is the chosen candidate's score, 0 to 1 (xsd:decimal).
	LinkScore = rdf.IRI(ontology.KG + "linkScore")
	// LinkMargin is the score's lead over the runner-up (xsd:decimal); 1
	// when there was no runner-up.
	LinkMargin = rdf.IRI(ontology.KG + "linkMargin")
	// LinkRoute says how the link was made: "sitelink" (the entity's name
	// is the item's English Wikipedia title), "score" (the candidates were
	// scored) or "manual" (a person decided, through --links).
	LinkRoute = rdf.IRI(ontology.KG + "linkRoute")
)

// Terms lists the kg: terms of this file, for the ontology's declarations.
func Terms() []rdf.Term {
	return []rdf.Term{WikidataLink, WikidataLinkP, LinkTarget, LinkScore, LinkMargin, LinkRoute}
}
