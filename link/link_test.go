package link

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func TestParseWikidataTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		prec int
		want Date
	}{
		{"+1592-07-19T00:00:00Z", 11, Date{1592, 7, 19, 11}},
		{"+1592-07-00T00:00:00Z", 10, Date{1592, 7, 0, 10}},
		{"+1592-00-00T00:00:00Z", 9, Date{1592, 0, 0, 9}},
		{"-0500-00-00T00:00:00Z", 9, Date{-500, 0, 0, 9}},
		{"+1500-00-00T00:00:00Z", 7, Date{}}, // a century: too vague
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseWikidataTime(tc.in, tc.prec)
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestParseEntity(t *testing.T) {
	const e = `{"type":"item","id":"Q900000099","labels":{"en":{"language":"en","value":"X"},"ko":{"language":"ko","value":"엑스"}},
	"aliases":{"en":[{"language":"en","value":"Y"}]},"sitelinks":{"enwiki":{"site":"enwiki","title":"X (place)","badges":[]},"kowiki":{"site":"kowiki","title":"엑스","badges":[]}},
	"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":515,"id":"Q515"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"},
	{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":11424,"id":"Q11424"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"deprecated"}],
	"P580":[{"mainsnak":{"snaktype":"somevalue","property":"P580"},"type":"statement","rank":"normal"}],
	"P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1600-00-00T00:00:00Z","timezone":0,"before":0,"after":0,"precision":9,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"normal"},
	{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1601-03-00T00:00:00Z","timezone":0,"before":0,"after":0,"precision":10,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"preferred"}],
	"P625":[{"mainsnak":{"snaktype":"value","property":"P625","datavalue":{"value":{"latitude":39.5,"longitude":125.25,"altitude":null,"precision":0.01,"globe":"http://www.wikidata.org/entity/Q2"},"type":"globecoordinate"},"datatype":"globe-coordinate"},"type":"statement","rank":"normal"}]}}`
	it, err := ParseEntity([]byte(e), []string{"ko"})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"label", it.Label, "X"},
		{"ko label", it.Labels["ko"], "엑스"},
		{"aliases", strings.Join(it.Aliases, "|"), "Y"},
		{"sitelink", it.Sitelink, "X (place)"},
		{"links", it.Links, 2},
		{"classes (deprecated dropped)", strings.Join(it.Classes, "|"), "Q515"},
		{"somevalue start", it.Start, Date{}},
		{"preferred point", it.Point, Date{1601, 3, 0, 10}},
		{"coord", *it.Coord, Coord{39.5, 125.25}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
	for _, other := range []string{`{"type":"property","id":"P31"}`, `{"id":"Q1","missing":""}`} {
		if it, err := ParseEntity([]byte(other), nil); it != nil || err != nil {
			t.Errorf("%s: got %v, %v; want nil, nil", other, it, err)
		}
	}
}

func TestNameKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Kim Myŏngwŏn", "Kim Myeong-won"},
		{"Wŏn Kyun", "Won Gyun"},
		{"P'yŏngyang", "Pyeongyang"},
		{"Katō Kiyomasa", "kato kiyomasa"},
		{"Yŏn Kaesomun", "Yeon Gaesomun"},
	} {
		t.Run(tc.a, func(t *testing.T) {
			if NameKey(tc.a) != NameKey(tc.b) {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q", tc.a, NameKey(tc.a), tc.b, NameKey(tc.b))
			}
		})
	}
	if NameKey("Sin Hal") == NameKey("Sin Rip") {
		t.Error("Sin Hal and Sin Rip share a key")
	}
}

// gzipFixture writes the fixture gzip-compressed under dir.
func gzipFixture(t testing.TB, dir string, times int) string {
	t.Helper()
	raw, err := os.ReadFile("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	body := raw
	if times > 1 {
		body = repeatDump(raw, times)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	path := filepath.Join(dir, "fixture.json.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// repeatDump returns a dump of the fixture's entities times over, each copy
// with its own QIDs and names, so that the index grows with it.
func repeatDump(raw []byte, times int) []byte {
	lines := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
	ents := lines[1 : len(lines)-1]
	var b bytes.Buffer
	b.WriteString("[\n")
	for r := 0; r < times; r++ {
		for i, l := range ents {
			l = bytes.TrimSuffix(l, []byte(","))
			if r > 0 {
				l = bytes.ReplaceAll(l, []byte(`"Q9000`), []byte("\"Q9"+pad3(r)))
				// Distinct names too, so that a lookup finds one copy.
				tag := []byte("R" + pad3(r) + " ")
				l = bytes.ReplaceAll(l, []byte(`"value":"`), append([]byte(`"value":"`), tag...))
				l = bytes.ReplaceAll(l, []byte(`"title":"`), append([]byte(`"title":"`), tag...))
			}
			b.Write(l)
			if r < times-1 || i < len(ents)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString("]\n")
	return b.Bytes()
}

func pad3(n int) string { return fmt.Sprintf("%03d", n) }

func TestIndexBuild(t *testing.T) {
	dir := t.TempDir()
	gz := gzipFixture(t, dir, 1)
	ctx := context.Background()
	for _, tc := range []struct {
		name, dump string
		mem        int
		filter     ClassList
		items      int
	}{
		{"json", "testdata/fixture.json", 0, nil, 41},
		{"json.gz", gz, 0, nil, 41},
		{"external sort in runs", gz, 2000, nil, 41},
		{"filtered", "testdata/fixture.json", 0, DefaultClasses(), 38},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".idx")
			read, kept, err := BuildIndex(ctx, tc.dump, path, tc.mem, DumpOptions{Filter: tc.filter})
			if err != nil {
				t.Fatal(err)
			}
			if read != 41 || kept != tc.items {
				t.Fatalf("read %d kept %d, want 41 and %d", read, kept, tc.items)
			}
			ix, err := OpenIndex(path)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if ix.Items() != tc.items {
				t.Errorf("Items() = %d", ix.Items())
			}
			it, err := ix.Title("Siege of Pyongyang (1593)")
			if err != nil || it == nil || it.ID != "Q900000006" || it.Point != (Date{1593, 2, 8, 11}) {
				t.Errorf("Title: %+v, %v", it, err)
			}
			its, err := ix.Name("siege of pyongyang")
			if err != nil || len(its) != 2 {
				t.Errorf("Name: %d items, %v; want both sieges", len(its), err)
			}
			if its, _ := ix.Name("Kim Myŏngwŏn"); len(its) != 1 || its[0].ID != "Q900000009" {
				t.Errorf("romanisation variant: %+v", its)
			}
			if it, _ := ix.Title("Nowhere"); it != nil {
				t.Errorf("Title(Nowhere) = %+v", it)
			}
		})
	}
}

func TestDumpErrors(t *testing.T) {
	for _, tc := range []struct{ name, dump, want string }{
		{"bad JSON", "[\n{\"type\":\"item\",\"id\":\"Q1\"},\n{\"type\":\n]\n", "dump.json:3:"},
		{"bad time", "[\n" + `{"type":"item","id":"Q1","claims":{"P569":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"time","value":{"time":"+x-01-01T00:00:00Z","precision":11}}}}]}}` + "\n]\n", "dump.json:2: Q1 P569"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadDump(context.Background(), strings.NewReader(tc.dump), "dump.json", DumpOptions{}, func(*Item) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := OpenIndex("testdata/fixture.json"); err == nil {
		t.Error("OpenIndex on a dump: no error")
	}
}

// article makes a graph of an article about subject (dated from..to when
// given) naming one entity with the given class, aliases and own dates.
type entitySpec struct {
	label   string
	class   rdf.Term
	aliases []string
	dates   map[rdf.Term]string
}

func article(subject string, subjClass rdf.Term, subjDates map[rdf.Term]string, es ...entitySpec) *extract.Graph {
	base := ontology.DefaultBase
	g := extract.NewGraph(ontology.ArticleIRI(base, subject))
	s := g.Entity(base, subject, subjClass)
	g.Add(g.Name, ontology.About, s.IRI)
	for p, v := range subjDates {
		g.Add(s.IRI, p, rdf.Typed(v, ontology.XSD+"date"))
	}
	for _, e := range es {
		x := g.Entity(base, e.label, e.class)
		for _, a := range e.aliases {
			x.AddAlias(a)
		}
		for p, v := range e.dates {
			g.Add(x.IRI, p, rdf.Typed(v, ontology.XSD+"date"))
		}
	}
	return g
}

// TestHardCases checks the fixture's traps: no wrong link, whatever the
// labels say.
func TestHardCases(t *testing.T) {
	m := NewMatcher(fixtureIndex(t))
	y1592 := map[rdf.Term]string{ontology.StartDate: "1592-07-19", ontology.EndDate: "1592-07-24"}
	y1894 := map[rdf.Term]string{ontology.StartDate: "1894-09-17"}
	for _, tc := range []struct {
		name     string
		subjDate map[rdf.Term]string
		e        entitySpec
		want     string // QID, or "" for no link
		route    string
	}{
		{"same name, 16th-century article", y1592, entitySpec{label: "Yi Il", class: ontology.Person}, "Q900000007", RouteScore},
		{"same name, 19th-century article", y1894, entitySpec{label: "Yi Il", class: ontology.Person}, "Q900000008", RouteScore},
		{"same name, no dates: no guess", nil, entitySpec{label: "Yi Il", class: ontology.Person}, "", ""},
		{"same name, own birth date", nil, entitySpec{label: "Yi Il", class: ontology.Person, dates: map[rdf.Term]string{ontology.BirthDate: "1838-01-01"}}, "Q900000008", RouteScore},
		{"city, not the sieges", y1592, entitySpec{label: "Pyongyang", class: ontology.Place}, "Q900000004", RouteSitelink},
		{"city by alias", y1592, entitySpec{label: "Pyeongyang", class: ontology.Place}, "Q900000004", RouteScore},
		{"siege by its title", nil, entitySpec{label: "Siege of Pyongyang (1593)", class: ontology.MilitaryConflict}, "Q900000006", RouteSitelink},
		{"siege by own date", nil, entitySpec{label: "Siege of Pyongyang", class: ontology.MilitaryConflict, dates: map[rdf.Term]string{ontology.StartDate: "1592-07-19"}}, "Q900000005", RouteScore},
		{"siege without date: no guess", nil, entitySpec{label: "Siege of Pyongyang", class: ontology.MilitaryConflict}, "", ""},
		{"two romanisations", y1592, entitySpec{label: "Kim Myŏngwŏn", class: ontology.Person}, "Q900000009", RouteScore},
		{"two romanisations, voicing", y1592, entitySpec{label: "Wŏn Kyun", class: ontology.Person}, "Q900000017", RouteScore},
		{"alias only", y1592, entitySpec{label: "Hanseong", class: ontology.Place}, "Q900000012", RouteScore},
		{"wrong type, better label", y1592, entitySpec{label: "Noryang Strait", class: ontology.Place}, "Q900000011", RouteScore},
		{"wrong type, same title", y1592, entitySpec{label: "Konishi Yukinaga", class: ontology.Person}, "Q900000014", RouteSitelink},
		{"family name is not a person", y1592, entitySpec{label: "Kim", class: ontology.Person}, "", ""},
		{"died 1600, not in 1894", y1894, entitySpec{label: "Kim Myŏngwŏn", class: ontology.Person}, "", ""},
		{"battle of another war", y1592, entitySpec{label: "Battle of the Imjin River", class: ontology.MilitaryConflict, dates: map[rdf.Term]string{ontology.StartDate: "1592-07-06"}}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := article("Test article", ontology.MilitaryConflict, tc.subjDate, tc.e)
			ds, err := m.Decide(context.Background(), g)
			if err != nil {
				t.Fatal(err)
			}
			var d *Decision
			for i := range ds {
				if ds[i].Entity.Label == tc.e.label {
					d = &ds[i]
				}
			}
			if d == nil {
				t.Fatalf("no decision for %s", tc.e.label)
			}
			if d.QID != tc.want || d.Route != tc.route {
				var why []string
				for _, c := range d.Candidates {
					why = append(why, c.Item.ID+" "+c.Why)
				}
				t.Errorf("got %q by %q (%s), want %q by %q\n%s", d.QID, d.Route, d.Reason, tc.want, tc.route, strings.Join(why, "\n"))
			}
		})
	}
}

func TestLinkGraphAndReview(t *testing.T) {
	m := NewMatcher(fixtureIndex(t))
	y1592 := map[rdf.Term]string{ontology.StartDate: "1592-07-19"}
	g := article("Test article", ontology.MilitaryConflict, y1592,
		entitySpec{label: "Hanseong", class: ontology.Place},
		entitySpec{label: "Siege of Jinju", class: ontology.MilitaryConflict},
		entitySpec{label: "Nowhere Castle", class: ontology.Place})
	if err := m.LinkGraph(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	han := ontology.EntityIRI("", "Hanseong")
	node := rdf.IRI(han.Value + "#wikidata")
	want := map[rdf.Triple]bool{
		{S: han, P: ontology.SameAs, O: rdf.IRI(ontology.WD + "Q900000012")}:    true,
		{S: han, P: WikidataLinkP, O: node}:                                     true,
		{S: node, P: ontology.Type, O: WikidataLink}:                            true,
		{S: node, P: LinkRoute, O: rdf.String(RouteScore)}:                      true,
		{S: node, P: LinkScore, O: rdf.Typed("0.850", ontology.XSD+"decimal")}:  true,
		{S: node, P: LinkMargin, O: rdf.Typed("1.000", ontology.XSD+"decimal")}: true,
	}
	for _, q := range g.Quads() {
		if err := q.Validate(); err != nil {
			t.Errorf("%v: %v", q, err)
		}
		delete(want, q.Triple())
	}
	for tr := range want {
		t.Errorf("missing %v", tr)
	}
	var buf bytes.Buffer
	if err := m.WriteReview(&buf); err != nil {
		t.Fatal(err)
	}
	review := buf.String()
	for _, s := range []string{"Siege_of_Jinju\t\tSiege of Jinju\tconflict\tambiguous", "Q900000021 ", "Q900000022 ", "Nowhere_Castle\t\tNowhere Castle\tplace\tno candidate"} {
		if !strings.Contains(review, s) {
			t.Errorf("review lacks %q:\n%s", s, review)
		}
	}
	// A person decides; the decisions come back through ReadDecisions.
	decided := strings.Replace(review, "Siege_of_Jinju\t\t", "Siege_of_Jinju\tQ900000021\t", 1)
	decided = strings.Replace(decided, "Nowhere_Castle\t\t", "Nowhere_Castle\tnone\t", 1)
	d, err := ReadDecisions(strings.NewReader(decided), "review.tsv")
	if err != nil {
		t.Fatal(err)
	}
	m2 := NewMatcher(m.Linker)
	m2.Decisions = d
	ds, err := m2.Decide(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ds {
		switch x.Entity.Label {
		case "Siege of Jinju":
			if x.QID != "Q900000021" || x.Route != RouteManual {
				t.Errorf("manual decision: got %q by %q", x.QID, x.Route)
			}
		case "Nowhere Castle":
			if x.QID != "" || x.Reason != "decided none" {
				t.Errorf("none: got %q (%s)", x.QID, x.Reason)
			}
		}
	}
}

func TestReadDecisionsErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"bad QID", "https://x/A\tQ12x\n", "links.tsv:1: decision"},
		{"not an IRI", "# c\nA\tQ1\n", "links.tsv:2: \"A\" is not"},
		{"no tab", "https://x/A Q1\n", "links.tsv:1: want"},
		{"twice", "https://x/A\tQ1\nhttps://x/A\tQ2\n", "links.tsv:2: https://x/A decided twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDecisions(strings.NewReader(tc.in), "links.tsv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}
