package export_test

import (
	"fmt"
	"os"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/rdf"
)

func ExampleNewEncoder() {
	const res = "https://w3id.org/wikikg/resource/"
	enc, err := export.NewEncoder(os.Stdout, export.Turtle, export.Options{
		Prefixes: []rdf.Prefix{{Name: "res", IRI: res}, {Name: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"}},
	})
	if err != nil {
		panic(err)
	}
	siege := rdf.IRI(res + "Siege_of_Pyongyang_(1592)")
	quads := []rdf.Quad{
		{S: siege, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(res + "Battle")},
		{S: siege, P: rdf.IRI(res + "commander"), O: rdf.IRI(res + "Kim_Myŏngwŏn")},
		{S: siege, P: rdf.IRI(res + "year"), O: rdf.Typed("1592", rdf.XSDGYear)},
		{S: siege, P: rdf.IRI(res + "year"), O: rdf.Typed("abc", rdf.XSDInteger)}, // rejected
		{S: siege, P: rdf.IRI(res + "label"), O: rdf.LangString(`The "siege"`, "en")},
	}
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			fmt.Println("skipped:", err)
		}
	}
	if err := enc.Close(); err != nil {
		panic(err)
	}
	// Output:
	// skipped: export: invalid quad <https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)> <https://w3id.org/wikikg/resource/year> "abc"^^<http://www.w3.org/2001/XMLSchema#integer>: lexical form does not match datatype: "abc" is not a valid http://www.w3.org/2001/XMLSchema#integer
	// @prefix res: <https://w3id.org/wikikg/resource/> .
	// @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
	//
	// <https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)> a res:Battle ;
	//     res:commander <https://w3id.org/wikikg/resource/Kim_Myŏngwŏn> ;
	//     res:year "1592"^^xsd:gYear ;
	//     res:label "The \"siege\""@en .
}

func ExampleNewJSONLDEncoder() {
	const res = "https://w3id.org/wikikg/resource/"
	enc := export.NewJSONLDEncoder(os.Stdout, []rdf.Prefix{{Name: "res", IRI: res}})
	siege := rdf.IRI(res + "Siege_of_Pyongyang_(1592)")
	enc.Encode(rdf.Quad{S: siege, P: rdf.IRI(rdf.RDFType), O: rdf.IRI(res + "Battle")})
	enc.Encode(rdf.Quad{S: siege, P: rdf.IRI(res + "year"), O: rdf.Typed("1592", rdf.XSDGYear)})
	enc.Close()
	// Output:
	// {
	//   "@context": {
	//     "@version": 1.1,
	//     "res": {"@id": "https://w3id.org/wikikg/resource/", "@prefix": true}
	//   },
	//   "@graph": [
	//     {"@id": "res:Siege_of_Pyongyang_(1592)", "@type": ["res:Battle"],
	//       "res:year": [{"@value": "1592", "@type": "http://www.w3.org/2001/XMLSchema#gYear"}]
	//     }
	//   ]
	// }
}
