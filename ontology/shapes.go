package ontology

import (
	"bytes"
	_ "embed"
)

//go:embed shapes.ttl
var shapesTTL []byte

// Shapes returns the SHACL shapes of wikikg's output contract as Turtle: one
// sh:NodeShape per class of the KG namespace, checking labels, the
// datatypes of dates and figures, the classes of linked entities, and the
// facts every conflict side and article must state. Each call returns a new
// copy, which the caller may modify.
func Shapes() []byte { return bytes.Clone(shapesTTL) }
