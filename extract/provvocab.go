package extract

import (
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Namespaces of the standards the prose extractor writes mentions with.
const (
	// NIF is NLP Interchange Format 2.0 core.
	NIF = ontology.NIF
	// ITSRDF is the RDF binding of ITS 2.0, whose taIdentRef links a NIF
	// string to the entity it names.
	ITSRDF = ontology.ITSRDF
	// XSDNonNegativeInteger is the range of nif:beginIndex and nif:endIndex.
	XSDNonNegativeInteger = ontology.XSD + "nonNegativeInteger"
)

// Terms the prose extractor writes that the contract's vocabulary does not
// declare yet (kg:) or that come from NIF, ITS and RDF reification.
var (
	NIFContext           = rdf.IRI(NIF + "Context")
	NIFSentence          = rdf.IRI(NIF + "Sentence")
	NIFPhrase            = rdf.IRI(NIF + "Phrase")
	NIFOffsetBasedString = rdf.IRI(NIF + "OffsetBasedString")
	NIFIsString          = rdf.IRI(NIF + "isString")
	NIFAnchorOf          = rdf.IRI(NIF + "anchorOf")
	NIFBeginIndex        = rdf.IRI(NIF + "beginIndex")
	NIFEndIndex          = rdf.IRI(NIF + "endIndex")
	NIFReferenceContext  = rdf.IRI(NIF + "referenceContext")
	ITSTaIdentRef        = rdf.IRI(ITSRDF + "taIdentRef")
	DCTermsIsPartOf      = rdf.IRI(ontology.DCTerms + "isPartOf")

	RDFStatement = rdf.IRI(ontology.RDF + "Statement")
	RDFSubject   = rdf.IRI(ontology.RDF + "subject")
	RDFPredicate = rdf.IRI(ontology.RDF + "predicate")
	RDFObject    = rdf.IRI(ontology.RDF + "object")

	// ProseFact is a statement (an rdf:Statement) read from the prose, not
	// the infobox: it is reified, not asserted, unless the extractor is
	// told to assert prose facts.
	ProseFact = ontology.ProseFact
	// Sentence gives a ProseFact the sentence that states it.
	Sentence = ontology.SentenceP
	// Participant links a conflict to a force that took part in it.
	Participant = ontology.Participant
)
