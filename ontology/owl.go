package ontology

import "github.com/wikikg/wikikg/rdf"

// OntologyIRI is the IRI of wikikg's OWL ontology, the document that
// declares the terms of the KG namespace.
const OntologyIRI = "https://w3id.org/wikikg/ontology"

// OntologyVersion is the owl:versionInfo of the ontology that Ontology
// returns.
const OntologyVersion = "1.0.0"

// OWL and RDFS terms the ontology is written with.
var (
	owlOntology             = rdf.IRI(OWL + "Ontology")
	owlClass                = rdf.IRI(OWL + "Class")
	owlObjectProperty       = rdf.IRI(OWL + "ObjectProperty")
	owlDatatypeProperty     = rdf.IRI(OWL + "DatatypeProperty")
	owlAnnotationProperty   = rdf.IRI(OWL + "AnnotationProperty")
	owlFunctionalProperty   = rdf.IRI(OWL + "FunctionalProperty")
	owlInverseFunctional    = rdf.IRI(OWL + "InverseFunctionalProperty")
	owlVersionInfo          = rdf.IRI(OWL + "versionInfo")
	rdfsComment             = rdf.IRI(RDFS + "comment")
	rdfsSeeAlso             = rdf.IRI(RDFS + "seeAlso")
	rdfsSubClassOf          = rdf.IRI(RDFS + "subClassOf")
	rdfsSubPropertyOf       = rdf.IRI(RDFS + "subPropertyOf")
	rdfsDomain              = rdf.IRI(RDFS + "domain")
	rdfsRange               = rdf.IRI(RDFS + "range")
	rdfsLiteral             = rdf.IRI(RDFS + "Literal")
	rdfLangString           = rdf.IRI(rdf.RDFLangString)
	xsdInteger              = rdf.IRI(rdf.XSDInteger)
	xsdString               = rdf.IRI(rdf.XSDString)
	provEntity              = rdf.IRI(PROV + "Entity")
	schemaQuantitativeValue = rdf.IRI(Schema + "QuantitativeValue")
)

// owlAxiom is one predicate-object pair of a declaration.
type owlAxiom struct{ p, o rdf.Term }

// owlDecl is the declaration of one term: its OWL type, English label and
// comment, and further axioms, in the order they are written.
type owlDecl struct {
	term           rdf.Term
	kind           rdf.Term
	label, comment string
	axioms         []owlAxiom
}

func owlSubClassOf(c rdf.Term) owlAxiom    { return owlAxiom{rdfsSubClassOf, c} }
func owlSubPropertyOf(p rdf.Term) owlAxiom { return owlAxiom{rdfsSubPropertyOf, p} }
func owlDomain(c rdf.Term) owlAxiom        { return owlAxiom{rdfsDomain, c} }
func owlRange(c rdf.Term) owlAxiom         { return owlAxiom{rdfsRange, c} }
func owlSeeAlso(t rdf.Term) owlAxiom       { return owlAxiom{rdfsSeeAlso, t} }
func owlAlsoType(kind rdf.Term) owlAxiom   { return owlAxiom{Type, kind} }
func schemaTerm(local string) rdf.Term     { return rdf.IRI(Schema + local) }
func dboTerm(local string) rdf.Term        { return rdf.IRI(DBO + local) }
func wdtTerm(pid string) rdf.Term          { return rdf.IRI(WDT + pid) }
func wdTerm(qid string) rdf.Term           { return rdf.IRI(WD + qid) }

// owlDateNote ends the comment of every date-valued property.
const owlDateNote = " The value is an xsd:date, xsd:gYearMonth or xsd:gYear literal, as precise as the source; the range is given as rdfs:Literal because xsd:gYear and xsd:gYearMonth are outside the OWL 2 datatype map, and shapes.ttl checks the three datatypes."

// owlClasses declares the classes of the contract, in the contract's order.
func owlClasses() []owlDecl {
	return []owlDecl{
		{Person, owlClass, "Person",
			"A named individual human being, such as a commander, ruler or any other person an article names. Output also types every person as schema:Person.",
			[]owlAxiom{owlSubClassOf(SchemaPerson), owlSubClassOf(dboTerm("Person")), owlSubClassOf(wdTerm("Q5"))}},
		{Place, owlClass, "Place",
			"A named location: a settlement, province, region, river, island, mountain, or a country named as territory. Output also types every place as schema:Place.",
			[]owlAxiom{owlSubClassOf(SchemaPlace), owlSubClassOf(dboTerm("Place"))}},
		{Force, owlClass, "Force",
			"An armed force or a belligerent party: an army, navy, unit or division, or a state or dynasty named as a fighting party. Output also types every force as schema:Organization. It is not aligned with dbo:MilitaryUnit, since a state fighting as a side is no military unit.",
			[]owlAxiom{owlSubClassOf(SchemaOrganization)}},
		{Event, owlClass, "Event",
			"A named event. Output also types every event as schema:Event.",
			[]owlAxiom{owlSubClassOf(SchemaEvent), owlSubClassOf(dboTerm("Event"))}},
		{MilitaryConflict, owlClass, "Military conflict",
			"A war, campaign, battle or siege. Output also types every military conflict as schema:Event.",
			[]owlAxiom{owlSubClassOf(Event), owlSubClassOf(SchemaEvent), owlSubClassOf(dboTerm("MilitaryConflict")), owlSubClassOf(wdTerm("Q180684"))}},
		{ConflictSide, owlClass, "Conflict side",
			"One side of a military conflict as its infobox lists it (Combatant1, Commander1, Strength1, Casualties1 and so on for side 1). Its IRI is the conflict's IRI followed by #side1, #side2 and so on.",
			nil},
		{Article, owlClass, "Article",
			"A source article: one input text, from which one named graph of output is extracted. Output also types every article as schema:Article.",
			[]owlAxiom{owlSubClassOf(SchemaArticle), owlSubClassOf(provEntity)}},
		{WikidataLink, owlClass, "Wikidata link",
			"The evidence for an entity's owl:sameAs to a Wikidata item: the route that found it (sitelink, score or manual), its score and its margin over the runner-up. Its IRI is the entity's IRI followed by #wikidata.",
			nil},
		{ProseFact, owlClass, "Prose fact",
			"A statement read from an article's prose rather than its infobox, reified (rdf:subject, rdf:predicate, rdf:object) with the sentence that states it, so users choose whether to trust it. It is asserted as a plain triple only when the user asks.",
			[]owlAxiom{owlSubClassOf(rdf.IRI(RDF + "Statement"))}},
		{Quantity, owlClass, "Quantity",
			"A figure as the source states it when a single integer does not say it all: a range, or a number with a qualifier such as approximately or at least.",
			[]owlAxiom{owlSubClassOf(schemaQuantitativeValue)}},
	}
}

// owlObjectProperties declares the object properties: the contract's, then
// wikikg's additions.
func owlObjectProperties() []owlDecl {
	return []owlDecl{
		{PartOf, owlObjectProperty, "part of",
			"Relates an event to a larger event it is part of, such as a battle to its campaign or war (infobox Partof, and prose). Not a subproperty of dbo:isPartOfMilitaryConflict, whose domain and range are military conflicts only.",
			[]owlAxiom{owlDomain(Event), owlRange(Event), owlSubPropertyOf(schemaTerm("superEvent")), owlSubPropertyOf(wdtTerm("P361")), owlSeeAlso(dboTerm("isPartOfMilitaryConflict"))}},
		{PlaceP, owlObjectProperty, "place",
			"Relates an event to a place where it happened (infobox Place or Location); a value naming several places gives one kg:place per place.",
			[]owlAxiom{owlDomain(Event), owlRange(Place), owlSubPropertyOf(schemaTerm("location")), owlSubPropertyOf(dboTerm("place")), owlSubPropertyOf(wdtTerm("P276"))}},
		{Side, owlObjectProperty, "side",
			"Relates a military conflict to one of its sides (infobox Combatant1, Combatant2 and so on). A side belongs to one conflict only.",
			[]owlAxiom{owlAlsoType(owlInverseFunctional), owlDomain(MilitaryConflict), owlRange(ConflictSide)}},
		{Belligerent, owlObjectProperty, "belligerent",
			"Relates a side of a military conflict to a force fighting on it (infobox CombatantN). The chain kg:side / kg:belligerent corresponds to Wikidata's participant (P710), which is stated on the conflict, so there is no subproperty axiom.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(Force)}},
		{Commander, owlObjectProperty, "commander",
			"Relates a side of a military conflict to a person commanding on it (infobox CommanderN). DBpedia's dbo:commander is stated on the conflict itself, not on a side, so kg:commander is not its subproperty; the chain kg:side / kg:commander corresponds to it.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(Person), owlSeeAlso(dboTerm("commander"))}},
		{BirthPlace, owlObjectProperty, "birth place",
			"Relates a person to the place where they were born (person infoboxes).",
			[]owlAxiom{owlDomain(Person), owlRange(Place), owlSubPropertyOf(schemaTerm("birthPlace")), owlSubPropertyOf(dboTerm("birthPlace")), owlSubPropertyOf(wdtTerm("P19"))}},
		{DeathPlace, owlObjectProperty, "death place",
			"Relates a person to the place where they died (person infoboxes).",
			[]owlAxiom{owlDomain(Person), owlRange(Place), owlSubPropertyOf(schemaTerm("deathPlace")), owlSubPropertyOf(dboTerm("deathPlace")), owlSubPropertyOf(wdtTerm("P20"))}},
		{Country, owlObjectProperty, "country",
			"Relates a place to the country it lies in, the country taken as territory (settlement infoboxes).",
			[]owlAxiom{owlDomain(Place), owlRange(Place), owlSubPropertyOf(dboTerm("country")), owlSubPropertyOf(wdtTerm("P17"))}},
		{Mentions, owlObjectProperty, "mentions",
			"Relates an article to an entity (person, place, force or event) found in its text or infobox.",
			[]owlAxiom{owlDomain(Article), owlSubPropertyOf(schemaTerm("mentions"))}},
		{About, owlObjectProperty, "about",
			"Relates an article to the entity it is about, found from its title and infobox. An article is about one entity.",
			[]owlAxiom{owlAlsoType(owlFunctionalProperty), owlDomain(Article), owlSubPropertyOf(schemaTerm("about"))}},
		{WikidataLinkP, owlObjectProperty, "Wikidata link",
			"Relates an entity to the node that holds the evidence for its owl:sameAs link to Wikidata.",
			[]owlAxiom{owlRange(WikidataLink)}},
		{LinkTarget, owlObjectProperty, "link target",
			"Relates a Wikidata link node to the Wikidata item (wd:Q…) the entity was linked to.",
			[]owlAxiom{owlDomain(WikidataLink)}},
		{Participant, owlObjectProperty, "participant",
			"Relates a military conflict to a force the prose says took part in it, where the infobox lists no sides.",
			[]owlAxiom{owlDomain(MilitaryConflict), owlRange(Force), owlSubPropertyOf(wdtTerm("P710"))}},
		{StrengthDetail, owlObjectProperty, "strength detail",
			"Relates a side of a military conflict to a quantity that states its strength in full, as a range or with a qualifier, alongside or instead of the single figure of kg:strength.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(Quantity)}},
	}
}

// owlDatatypeProperties declares the datatype properties: the contract's, then
// wikikg's additions.
func owlDatatypeProperties() []owlDecl {
	return []owlDecl{
		{StartDate, owlDatatypeProperty, "start date",
			"Gives the date an event began (infobox Date)." + owlDateNote,
			[]owlAxiom{owlDomain(Event), owlRange(rdfsLiteral), owlSubPropertyOf(schemaTerm("startDate")), owlSubPropertyOf(wdtTerm("P580"))}},
		{EndDate, owlDatatypeProperty, "end date",
			"Gives the date an event ended (infobox Date)." + owlDateNote,
			[]owlAxiom{owlDomain(Event), owlRange(rdfsLiteral), owlSubPropertyOf(schemaTerm("endDate")), owlSubPropertyOf(wdtTerm("P582"))}},
		{Result, owlDatatypeProperty, "result",
			"Gives the outcome of an event as the source states it, as English text (infobox Result). Not declared a subproperty of DBpedia's dbo:result, whose domain and datatype differ.",
			[]owlAxiom{owlDomain(Event), owlRange(rdfLangString), owlSeeAlso(dboTerm("result"))}},
		{Strength, owlDatatypeProperty, "strength",
			"Gives the best single figure for the number of fighters on a side of a military conflict (infobox StrengthN); ranges and notes are kept with kg:strengthDetail. DBpedia's dbo:strength is stated on the conflict, not on a side, so kg:strength is not its subproperty.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(xsdInteger), owlSeeAlso(dboTerm("strength"))}},
		{Casualties, owlDatatypeProperty, "casualties",
			"Gives the casualties and losses of a side of a military conflict as the source states them (infobox CasualtiesN): a text literal, and an xsd:integer literal where a number is stated. DBpedia's dbo:casualties is stated on the conflict, not on a side, so kg:casualties is not its subproperty.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(rdfsLiteral), owlSeeAlso(dboTerm("casualties"))}},
		{BirthDate, owlDatatypeProperty, "birth date",
			"Gives the date a person was born (person infoboxes)." + owlDateNote + " Not a subproperty of dbo:birthDate, whose range is xsd:date only.",
			[]owlAxiom{owlDomain(Person), owlRange(rdfsLiteral), owlSubPropertyOf(schemaTerm("birthDate")), owlSubPropertyOf(wdtTerm("P569")), owlSeeAlso(dboTerm("birthDate"))}},
		{DeathDate, owlDatatypeProperty, "death date",
			"Gives the date a person died (person infoboxes)." + owlDateNote + " Not a subproperty of dbo:deathDate, whose range is xsd:date only.",
			[]owlAxiom{owlDomain(Person), owlRange(rdfsLiteral), owlSubPropertyOf(schemaTerm("deathDate")), owlSubPropertyOf(wdtTerm("P570")), owlSeeAlso(dboTerm("deathDate"))}},
		{Title, owlDatatypeProperty, "title",
			"Gives the title of an article as its input states it.",
			[]owlAxiom{owlDomain(Article), owlRange(rdfsLiteral), owlSubPropertyOf(schemaTerm("name"))}},
		{SideNumber, owlDatatypeProperty, "side number",
			"Gives the number of a side of a military conflict: N of the infobox keys CombatantN, CommanderN, StrengthN and CasualtiesN, and of the side's IRI suffix #sideN.",
			[]owlAxiom{owlAlsoType(owlFunctionalProperty), owlDomain(ConflictSide), owlRange(xsdInteger)}},
		{CasualtyCount, owlDatatypeProperty, "casualty count",
			"Gives a number of casualties of a side of a military conflict where its casualties are stated as a figure.",
			[]owlAxiom{owlDomain(ConflictSide), owlRange(xsdInteger)}},
		{MinValue, owlDatatypeProperty, "minimum value",
			"Gives the lower bound of a quantity stated as a range, or the figure of one stated as a lower bound (at least).",
			[]owlAxiom{owlAlsoType(owlFunctionalProperty), owlDomain(Quantity), owlRange(xsdInteger), owlSubPropertyOf(schemaTerm("minValue"))}},
		{MaxValue, owlDatatypeProperty, "maximum value",
			"Gives the upper bound of a quantity stated as a range, or the figure of one stated as an upper bound (at most).",
			[]owlAxiom{owlAlsoType(owlFunctionalProperty), owlDomain(Quantity), owlRange(xsdInteger), owlSubPropertyOf(schemaTerm("maxValue"))}},
		{Qualifier, owlDatatypeProperty, "qualifier",
			"Gives the qualifier a source puts on a figure of a quantity, such as approximately, at least or more than.",
			[]owlAxiom{owlDomain(Quantity), owlRange(rdfsLiteral)}},
		{SourceText, owlDatatypeProperty, "source text",
			"Gives the text of the source, verbatim, that a node or value was read from.",
			[]owlAxiom{owlRange(rdfsLiteral)}},
		{LinkScore, owlDatatypeProperty, "link score",
			"Gives a Wikidata link's score, from 0 to 1 (1 for an exact sitelink match or a person's decision).",
			[]owlAxiom{owlDomain(WikidataLink), owlRange(rdf.IRI(XSD + "decimal"))}},
		{LinkMargin, owlDatatypeProperty, "link margin",
			"Gives how far a Wikidata link's score is ahead of the runner-up candidate's.",
			[]owlAxiom{owlDomain(WikidataLink), owlRange(rdf.IRI(XSD + "decimal"))}},
		{LinkRoute, owlDatatypeProperty, "link route",
			"Gives how a Wikidata link was found: \"sitelink\" (the entity's name is the item's English Wikipedia title), \"score\" (candidates scored on name, type, time and context) or \"manual\" (a person's decision read with --links).",
			[]owlAxiom{owlDomain(WikidataLink), owlRange(xsdString)}},
		{SentenceP, owlDatatypeProperty, "sentence",
			"Gives a prose fact the text of the sentence that states it.",
			[]owlAxiom{owlDomain(ProseFact), owlRange(xsdString)}},
		{SourceFile, owlDatatypeProperty, "source file",
			"Gives the name of the input file that an article was read from, as wikikg was given it.",
			[]owlAxiom{owlDomain(Article), owlRange(xsdString)}},
		{SourceLine, owlDatatypeProperty, "source line",
			"Gives the 1-based number of the input line that a node was read from; for an article, the line of its title.",
			[]owlAxiom{owlRange(xsdInteger)}},
		{Date, owlDatatypeProperty, "date",
			"Gives the date of something the source dates with a single date rather than a span, such as a one-day event." + owlDateNote,
			[]owlAxiom{owlRange(rdfsLiteral), owlSubPropertyOf(wdtTerm("P585"))}},
	}
}

// owlTyped is a term of another vocabulary and the OWL type it is declared with.
type owlTyped struct{ term, kind rdf.Term }

// owlExternal declares the terms of other vocabularies that the ontology's
// axioms and annotations use, typed as they are used, so OWL 2 DL tools read
// the ontology without guessing. Their labels and comments are their owners'.
func owlExternal() []owlTyped {
	var out []owlTyped
	for _, c := range []rdf.Term{
		SchemaPerson, SchemaPlace, SchemaOrganization, SchemaEvent, SchemaArticle, schemaQuantitativeValue,
		dboTerm("Person"), dboTerm("Place"), dboTerm("Event"), dboTerm("MilitaryConflict"),
		wdTerm("Q5"), wdTerm("Q180684"), provEntity,
	} {
		out = append(out, owlTyped{c, owlClass})
	}
	for _, p := range []rdf.Term{
		schemaTerm("superEvent"), schemaTerm("location"), schemaTerm("birthPlace"), schemaTerm("deathPlace"),
		schemaTerm("mentions"), schemaTerm("about"),
		dboTerm("place"), dboTerm("birthPlace"), dboTerm("deathPlace"), dboTerm("country"),
		wdtTerm("P361"), wdtTerm("P276"), wdtTerm("P19"), wdtTerm("P20"), wdtTerm("P17"), wdtTerm("P710"),
		Derived,
	} {
		out = append(out, owlTyped{p, owlObjectProperty})
	}
	for _, p := range []rdf.Term{
		schemaTerm("startDate"), schemaTerm("endDate"), schemaTerm("birthDate"), schemaTerm("deathDate"),
		schemaTerm("name"), schemaTerm("minValue"), schemaTerm("maxValue"),
		wdtTerm("P580"), wdtTerm("P582"), wdtTerm("P569"), wdtTerm("P570"), wdtTerm("P585"),
	} {
		out = append(out, owlTyped{p, owlDatatypeProperty})
	}
	out = append(out, owlTyped{AltLabel, owlAnnotationProperty})
	return out
}

// Ontology returns wikikg's OWL ontology as triples, in a fixed order: the
// ontology header, the declarations of the other vocabularies' terms that
// its axioms use, then every class, object property and datatype property
// of the KG namespace with its English label and comment, its domain and
// range, and its alignments with schema.org, the DBpedia ontology and
// Wikidata. An alignment is a subclass or subproperty axiom only where it
// holds for every value wikikg writes; near misses are rdfs:seeAlso links
// explained in the comment. Each call returns a new slice.
func Ontology() []rdf.Triple {
	ont := rdf.IRI(OntologyIRI)
	out := []rdf.Triple{
		{S: ont, P: Type, O: owlOntology},
		{S: ont, P: Label, O: rdf.LangString("wikikg ontology", "en")},
		{S: ont, P: rdfsComment, O: rdf.LangString("The vocabulary of wikikg's output: the people, places, forces, events and military conflicts found in Wikipedia-derived articles, the sides of military conflicts, and the facts relating them, with alignments to schema.org, the DBpedia ontology and Wikidata.", "en")},
		{S: ont, P: owlVersionInfo, O: rdf.String(OntologyVersion)},
	}
	for _, a := range owlExternal() {
		out = append(out, rdf.Triple{S: a.term, P: Type, O: a.kind})
	}
	for _, group := range [][]owlDecl{owlClasses(), owlObjectProperties(), owlDatatypeProperties()} {
		for _, d := range group {
			out = append(out,
				rdf.Triple{S: d.term, P: Type, O: d.kind},
				rdf.Triple{S: d.term, P: Label, O: rdf.LangString(d.label, "en")},
				rdf.Triple{S: d.term, P: rdfsComment, O: rdf.LangString(d.comment, "en")},
			)
			for _, a := range d.axioms {
				out = append(out, rdf.Triple{S: d.term, P: a.p, O: a.o})
			}
		}
	}
	return out
}
