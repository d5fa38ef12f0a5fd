// Package ontology holds wikikg's output contract: the vocabulary's terms,
// the prefixes output declares, IRI minting from titles, the infobox mapping
// and the OWL ontology.
package ontology

import "github.com/wikikg/wikikg/rdf"

// Namespaces of the contract (docs/vocabulary.md).
const (
	KG          = "https://w3id.org/wikikg/ontology#"
	DefaultBase = "https://w3id.org/wikikg/resource/"
	// PropertyNS holds the generic per-key properties for infobox keys that
	// no mapping covers.
	PropertyNS = "https://w3id.org/wikikg/property/"
	RDF        = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS       = "http://www.w3.org/2000/01/rdf-schema#"
	SKOS       = "http://www.w3.org/2004/02/skos/core#"
	Schema     = "https://schema.org/"
	OWL        = "http://www.w3.org/2002/07/owl#"
	PROV       = "http://www.w3.org/ns/prov#"
	XSD        = "http://www.w3.org/2001/XMLSchema#"
	WD         = "http://www.wikidata.org/entity/"
	WDT        = "http://www.wikidata.org/prop/direct/"
	DBO        = "http://dbpedia.org/ontology/"
	DCTerms    = "http://purl.org/dc/terms/"
)

// Prefixes returns the contract's prefixes, with res: bound to base, in the
// order output declares them.
func Prefixes(base string) []rdf.Prefix {
	if base == "" {
		base = DefaultBase
	}
	return []rdf.Prefix{
		{Name: "kg", IRI: KG},
		{Name: "res", IRI: base},
		{Name: "prop", IRI: PropertyNS},
		{Name: "rdf", IRI: RDF},
		{Name: "rdfs", IRI: RDFS},
		{Name: "skos", IRI: SKOS},
		{Name: "schema", IRI: Schema},
		{Name: "owl", IRI: OWL},
		{Name: "prov", IRI: PROV},
		{Name: "xsd", IRI: XSD},
		{Name: "wd", IRI: WD},
		{Name: "nif", IRI: NIF},
		{Name: "itsrdf", IRI: ITSRDF},
		{Name: "dcterms", IRI: DCTerms},
	}
}

// Classes of the contract.
var (
	Person           = rdf.IRI(KG + "Person")
	Place            = rdf.IRI(KG + "Place")
	Force            = rdf.IRI(KG + "Force")
	Event            = rdf.IRI(KG + "Event")
	MilitaryConflict = rdf.IRI(KG + "MilitaryConflict")
	ConflictSide     = rdf.IRI(KG + "ConflictSide")
	Article          = rdf.IRI(KG + "Article")
	// Quantity is wikikg's node for a figure with a qualifier (approximate, at
	// least, a range), so the qualifier is data, not only a string.
	Quantity = rdf.IRI(KG + "Quantity")

	SchemaPerson       = rdf.IRI(Schema + "Person")
	SchemaPlace        = rdf.IRI(Schema + "Place")
	SchemaOrganization = rdf.IRI(Schema + "Organization")
	SchemaEvent        = rdf.IRI(Schema + "Event")
	SchemaArticle      = rdf.IRI(Schema + "Article")
)

// Properties of the contract and the standard ones wikikg writes.
var (
	Type     = rdf.IRI(rdf.RDFType)
	Label    = rdf.IRI(RDFS + "label")
	AltLabel = rdf.IRI(SKOS + "altLabel")
	SameAs   = rdf.IRI(OWL + "sameAs")
	Derived  = rdf.IRI(PROV + "wasDerivedFrom")

	PartOf      = rdf.IRI(KG + "partOf")
	StartDate   = rdf.IRI(KG + "startDate")
	EndDate     = rdf.IRI(KG + "endDate")
	PlaceP      = rdf.IRI(KG + "place")
	Result      = rdf.IRI(KG + "result")
	Side        = rdf.IRI(KG + "side")
	Belligerent = rdf.IRI(KG + "belligerent")
	Commander   = rdf.IRI(KG + "commander")
	Strength    = rdf.IRI(KG + "strength")
	Casualties  = rdf.IRI(KG + "casualties")
	BirthDate   = rdf.IRI(KG + "birthDate")
	DeathDate   = rdf.IRI(KG + "deathDate")
	BirthPlace  = rdf.IRI(KG + "birthPlace")
	DeathPlace  = rdf.IRI(KG + "deathPlace")
	Country     = rdf.IRI(KG + "country")
	Mentions    = rdf.IRI(KG + "mentions")
	About       = rdf.IRI(KG + "about")
	Title       = rdf.IRI(KG + "title")

	// Additions of wikikg beyond the contract's core.
	SideNumber     = rdf.IRI(KG + "sideNumber")
	StrengthDetail = rdf.IRI(KG + "strengthDetail")
	CasualtyCount  = rdf.IRI(KG + "casualtyCount")
	MinValue       = rdf.IRI(KG + "minValue")
	MaxValue       = rdf.IRI(KG + "maxValue")
	Qualifier      = rdf.IRI(KG + "qualifier")
	SourceText     = rdf.IRI(KG + "sourceText")
	SourceLine     = rdf.IRI(KG + "sourceLine")
	SourceFile     = rdf.IRI(KG + "sourceFile")
	Date           = rdf.IRI(KG + "date")

	// Prose extraction: a fact read from prose is reified as a kg:ProseFact
	// with the sentence that states it; kg:participant links a conflict to
	// a force that took part in it.
	// Wikidata linking: an entity's owl:sameAs comes with a link node
	// <entity#wikidata> that keeps the evidence.
	WikidataLink  = rdf.IRI(KG + "WikidataLink")
	WikidataLinkP = rdf.IRI(KG + "wikidataLink")
	LinkTarget    = rdf.IRI(KG + "linkTarget")
	LinkScore     = rdf.IRI(KG + "linkScore")
	LinkMargin    = rdf.IRI(KG + "linkMargin")
	LinkRoute     = rdf.IRI(KG + "linkRoute")

	ProseFact   = rdf.IRI(KG + "ProseFact")
	SentenceP   = rdf.IRI(KG + "sentence")
	Participant = rdf.IRI(KG + "participant")
)

// Namespaces of the standards prose mentions are written with.
const (
	// NIF is NLP Interchange Format 2.0 core.
	NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
	// ITSRDF is the RDF binding of ITS 2.0.
	ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
)

// OntologyPrefixes returns the prefixes the OWL ontology and the SHACL shapes
// are written with: the contract's, plus those of the vocabularies they
// align to.
func OntologyPrefixes() []rdf.Prefix {
	return append(Prefixes(DefaultBase),
		rdf.Prefix{Name: "dbo", IRI: DBO},
		rdf.Prefix{Name: "wdt", IRI: WDT},
	)
}
