package inspect

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// writeGraph writes quads as N-Quads to a temporary file.
func writeGraph(t *testing.T, quads []rdf.Quad) string {
	t.Helper()
	var b bytes.Buffer
	enc := export.NewNQuadsEncoder(&b)
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	p := filepath.Join(t.TempDir(), "g.nq")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sample() []rdf.Quad {
	siege := ontology.EntityIRI("", "Siege of Pyongyang (1592)")
	side := rdf.IRI(siege.Value + "#side1")
	konishi := ontology.EntityIRI("", "Konishi Yukinaga")
	art := ontology.ArticleIRI("", "Siege of Pyongyang (1592)")
	return []rdf.Quad{
		{S: art, P: ontology.Type, O: ontology.Article, G: art},
		{S: art, P: ontology.About, O: siege, G: art},
		{S: siege, P: ontology.Type, O: ontology.MilitaryConflict, G: art},
		{S: siege, P: ontology.Label, O: rdf.LangString("Siege of Pyongyang (1592)", "en"), G: art},
		{S: siege, P: ontology.Side, O: side, G: art},
		{S: side, P: ontology.Type, O: ontology.ConflictSide, G: art},
		{S: side, P: ontology.Commander, O: konishi, G: art},
		{S: konishi, P: ontology.Type, O: ontology.Person, G: art},
		{S: konishi, P: ontology.Label, O: rdf.LangString(`Konishi "Yukinaga"`, "en"), G: art},
	}
}

func TestCount(t *testing.T) {
	st, err := Count([]string{writeGraph(t, sample())}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Statements != 9 || st.Graphs != 1 || st.Articles != 1 || st.EntitiesByClass["kg:Person"] != 1 || st.EntitiesByClass["kg:MilitaryConflict"] != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestDOT(t *testing.T) {
	path := writeGraph(t, sample())
	var b bytes.Buffer
	if err := DOT(&b, []string{path}, Focus{Article: "Siege of Pyongyang (1592)"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "-> ") || !strings.Contains(b.String(), `label="about"`) {
		t.Errorf("article drawing lacks its edges:\n%s", b.String())
	}
	b.Reset()
	if err := DOT(&b, []string{path}, Focus{Entity: ontology.EntityIRI("", "Siege of Pyongyang (1592)").Value}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`label="side 1"`, `shape=box`, `label="Konishi \"Yukinaga\""`, `label="commander"`} {
		if !strings.Contains(out, want) {
			t.Errorf("entity drawing lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, `label="ConflictSide"`) {
		t.Errorf("a class became a node:\n%s", out)
	}
	err := DOT(&b, []string{path}, Focus{Entity: "https://w3id.org/wikikg/resource/Nobody"})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}
