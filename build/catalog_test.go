package build

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/bloom"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// addPersonYears records, for each name, the years of the articles that
// name it, as the catalog pass would.
func addPersonYears(c *Catalog, years map[string][]int) {
	for name, ys := range years {
		for _, y := range ys {
			c.addPersonYear(name, y)
		}
	}
}

func TestHomonymPeriods(t *testing.T) {
	cat := newCatalog()
	cat.titles["Titled"] = &Title{Name: "Titled", Classes: []rdf.Term{ontology.Person}, Year: 1554}
	cat.titles["Dated 1592"] = &Title{Name: "Dated 1592", Year: 1592}
	cat.titles["Dated 1460"] = &Title{Name: "Dated 1460", Year: 1460}
	cat.titles["Dated 1800"] = &Title{Name: "Dated 1800", Year: 1800}
	cat.titles["Dated 200 BC"] = &Title{Name: "Dated 200 BC", Year: -200}
	cat.titles["Undated"] = &Title{Name: "Undated"}
	addPersonYears(cat, map[string][]int{
		"One Era":     {1592, 1598, 1550, 1592, 1690}, // within 150 years: one person
		"Two Eras":    {1592, 1598, 1894, 1900},       // two people
		"Titled":      {1592, 1460, 1674, 1800},       // the titled one, and a later one
		"Titled Only": {1592},                         // no article: one person
		"Ancient":     {-200, -180, 1592},             // years before the common era
	})
	cat.settle()
	for _, tc := range []struct {
		article, name, want string
		ok                  bool
	}{
		{"Dated 1592", "One Era", "", false},
		{"Dated 1592", "Two Eras", "Two Eras (fl. 1592)", true},
		{"Dated 1800", "Two Eras", "Two Eras (fl. 1800)", true}, // in no period: its own year
		{"Undated", "Two Eras", "", false},
		{"Dated 1592", "Titled", "Titled", true},
		{"Dated 1460", "Titled", "Titled", true}, // a generation before the birth
		{"Dated 1800", "Titled", "Titled (fl. 1800)", true},
		{"Undated", "Titled", "Titled", true},
		{"Dated 200 BC", "Ancient", "Ancient (fl. 200 BC)", true},
		{"Dated 1592", "Ancient", "Ancient (fl. 1592)", true},
	} {
		t.Run(tc.article+"/"+tc.name, func(t *testing.T) {
			got, ok := resolve(t, cat, tc.article, tc.name, ontology.Person)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", tc.article, tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
	// A place is never split by time: Pyongyang is one city in 1592 and 1894.
	if got, ok := cat.Resolve("Dated 1592", "Two Eras", ontology.Place); ok {
		t.Errorf("a place was resolved as a homonym: %q", got)
	}
}

// resolve returns cat.Resolve(article, name, class), after checking that
// ResolveCanonicalASCII answers the same for a name Graph.Entity would
// give it.
func resolve(t *testing.T, cat *Catalog, article, name string, class rdf.Term) (string, bool) {
	t.Helper()
	got, ok := cat.Resolve(article, name, class)
	if _, canonical, ascii := ontology.AppendCanonicalEntityIRI(nil, "", name); canonical && ascii {
		if got2, ok2 := cat.ResolveCanonicalASCII(article, name, class); got2 != got || ok2 != ok {
			t.Errorf("ResolveCanonicalASCII(%q, %q) = %q, %v; Resolve %q, %v", article, name, got2, ok2, got, ok)
		}
	}
	return got, ok
}

// TestResolve checks the resolution rules of Catalog.Resolve, on a catalog
// large enough that its filters are exercised.
func TestResolve(t *testing.T) {
	cat := newCatalog()
	add := func(name string, class rdf.Term, year int, aliases ...string) {
		cat.titles[name] = &Title{Name: name, Classes: []rdf.Term{class}, Year: year, Aliases: aliases}
		for _, a := range aliases {
			cat.addAlias(a, name)
		}
	}
	add("Japanese invasions of Korea (1592–1598)", ontology.MilitaryConflict, 1592, "Japanese invasions of Korea", "Imjin War")
	add("Siege of Pyongyang (1592)", ontology.MilitaryConflict, 1592, "Siege of Pyongyang")
	add("Siege of Pyongyang (1593)", ontology.MilitaryConflict, 1593, "Siege of Pyongyang")
	add("Battle of Okpo", ontology.MilitaryConflict, 1592)
	add("Hansan Island", ontology.Place, 0, "Hansando", "hansando", "Hansan-do")
	add("Katō Kiyomasa", ontology.Person, 1562, "Kato Kiyomasa")
	add("Seoul, Korea", ontology.Place, 0)
	add("Okpo  Bay", ontology.Place, 0)
	for i := range 5000 {
		add(fmt.Sprintf("Battle %d", i), ontology.MilitaryConflict, 1000+i%900, fmt.Sprintf("Fight %d", i))
	}
	cat.settle()
	for _, tc := range []struct {
		name  string
		class rdf.Term
		want  string
		ok    bool
	}{
		{"Battle of Okpo", ontology.MilitaryConflict, "Battle of Okpo", true},
		{"Battle of Okpo (1592)", ontology.MilitaryConflict, "Battle of Okpo", true},
		{"Battle of Okpo (1593)", ontology.MilitaryConflict, "", false},
		{"Imjin War", ontology.MilitaryConflict, "Japanese invasions of Korea (1592–1598)", true},
		{"imjin  WAR", ontology.Event, "Japanese invasions of Korea (1592–1598)", true},
		{"Siege of Pyongyang", ontology.MilitaryConflict, "", false}, // two articles carry it
		{"Hansando", ontology.Place, "Hansan Island", true},
		{"Hansando", ontology.MilitaryConflict, "", false}, // a battle is not the island
		{"Fight 4321", rdf.Term{}, "Battle 4321", true},
		{"Battle 4999", ontology.MilitaryConflict, "Battle 4999", true},
		{"Battle 5000", ontology.MilitaryConflict, "", false},
		{"Nowhere", ontology.Place, "", false},
		{"Katō Kiyomasa", ontology.Person, "Katō Kiyomasa", true},
		{"Kato Kiyomasa", ontology.Person, "Katō Kiyomasa", true},
		{"Seoul, Korea", ontology.Place, "Seoul, Korea", true},
		{"seoul, korea", ontology.Place, "", false},
		{"Okpo  Bay", ontology.Place, "Okpo  Bay", true},
		{"Okpo Bay", ontology.Place, "", false},
		{"Hansan-do", ontology.Place, "Hansan Island", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := resolve(t, cat, "Battle of Okpo", tc.name, tc.class)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestAppendFold(t *testing.T) {
	for _, s := range []string{"", " ", "Siege of Pyongyang", "  Siege\tof\n\nPYONGYANG ", "Katō Kiyomasa", "İstanbul", "a\u00a0b", "x\x1fy",
		"ÉCOLE\u2003 De\u0085x ", "Kat\xffō", "Kat\ufffdō  Kiyo", "ō A  B\tC", " \u00a0ō",
		"ŌSAKA  Ōmura\u00a0X", "Ŏ\u0085Ǳ ɏ", "小早川 隆景\u3000Ⅻ", "ōÀ\u2028B"} {
		if got, want := string(appendFold(nil, s)), fold(s); got != want {
			t.Errorf("appendFold(%q) = %q, want fold's %q", s, got, want)
		}
	}
}

// FuzzAppendFoldOracle checks the allocation-free fold against fold.
func FuzzAppendFoldOracle(f *testing.F) {
	f.Add("  Siege\tof\n\nPYONGYANG ")
	f.Add("Katō  Kiyomasa")
	f.Fuzz(func(t *testing.T, s string) {
		var buf [8]byte
		if got, want := string(appendFold(buf[:0], s)), fold(s); got != want {
			t.Fatalf("appendFold(%q) = %q, want fold's %q", s, got, want)
		}
		checkHashLowerName(t, s)
	})
}

// yearSuffix is the expression matchYearSuffix reads by hand: its oracle.
var yearSuffix = regexp.MustCompile(`^(.+) \((\d{3,4})\)$`)

// checkYearSuffix compares matchYearSuffix(name) with yearSuffix.
func checkYearSuffix(t *testing.T, name string) {
	t.Helper()
	base, year, ok := matchYearSuffix(name)
	m := yearSuffix.FindStringSubmatch(name)
	if ok != (m != nil) {
		t.Fatalf("matchYearSuffix(%q) ok = %v, want %v", name, ok, m != nil)
	}
	if m == nil {
		return
	}
	if y, _ := strconv.Atoi(m[2]); base != m[1] || year != y {
		t.Fatalf("matchYearSuffix(%q) = %q, %d; want %q, %d", name, base, year, m[1], y)
	}
}

func TestMatchYearSuffix(t *testing.T) {
	for _, s := range []string{"", ")", "X (123)", "X (1555)", "Battle of Okpo (1592)", " (1592)", "X (12)", "X (12345)",
		"X(1555)", "X  (1555)", "X (155a)", "X (1555) ", "a\nb (1555)", "\xff (0000)", "(1555)", "X ((1555)", "XY (01)"} {
		checkYearSuffix(t, s)
	}
}

func FuzzMatchYearSuffixOracle(f *testing.F) {
	f.Add("Battle of Okpo (1592)")
	f.Add("X (12345)")
	f.Fuzz(checkYearSuffix)
}

// checkHashLowerName checks that a name HashLowerName passes folds to
// itself lower-cased, whose filter hash it gives, and that a name it
// fails does not.
func checkHashLowerName(t *testing.T, s string) {
	t.Helper()
	h, ok := bloom.HashLowerName(s)
	lower := strings.ToLower(s)
	// ResolveCanonicalASCII takes this for granted.
	if _, canonical, ascii := ontology.AppendCanonicalEntityIRI(nil, "", s); canonical && ascii && (!ok || h != bloom.HashLowerASCII(s)) {
		t.Fatalf("HashLowerName(%q) = %#x, %v for a canonical ASCII name", s, h, ok)
	}
	if !ok {
		if ascii := strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r > '~' }) < 0; ascii && fold(s) == lower && s == strings.Join(strings.Fields(s), " ") {
			t.Fatalf("HashLowerName(%q) fails a name that folds to itself lower-cased", s)
		}
		return
	}
	if fold(s) != lower || h != bloom.Hash(lower) {
		t.Fatalf("HashLowerName(%q), but fold gives %q, ToLower %q", s, fold(s), lower)
	}
}

func TestHashLowerName(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", true}, {"Siege of Pyongyang", true}, {"SIEGE OF PYONGYANG (1592)", true}, {"a-b_c~!", true},
		{" Siege", false}, {"Siege ", false}, {"Siege  of", false}, {"Siege\tof", false}, {"Katō", false},
		{"a\x7f", false}, {"a\x00", false}, {" ", false},
		{"Battle of Okpo (1592)", true}, {"abcdefg  hij", false}, {"abcdefgh  ij", false}, {"abcdef  ghijklmn", false},
		{"abcdefghijklmno ", false}, {" bcdefghijklmnop", false}, {"abcdefghijklmno\x7f", false}, {"abcdefghij\x1fklmnop", false},
		{"abcdefgh ijklmnop", true}, {"abcdefghi\xc5\x8dklm", false}, {"a b c d e f g h i", true}, {"~!~!~!~!~!", true},
		{"ABCDEFGH", true}, {"ABCDEFGHI", true}, {"ABCDEFGHIJKLMNOP", true}, {"Abcdefgh Ijklmnopq", true},
	} {
		if _, got := bloom.HashLowerName(tc.s); got != tc.want {
			t.Errorf("HashLowerName(%q) = %v, want %v", tc.s, got, tc.want)
		}
		checkHashLowerName(t, tc.s)
	}
}

// TestHashLowerNameWords checks the word-at-a-time HashLowerName against
// fold on random names of the bytes that matter to it.
func TestHashLowerNameWords(t *testing.T) {
	const alphabet = "aZ~! \t\x1f\x7f\x80\xff"
	rnd := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 40)
	for range 100000 {
		n := rnd.IntN(len(b))
		for i := range n {
			// Mostly letters, so that a name's one odd byte can fall
			// anywhere.
			b[i] = 'a'
			if rnd.IntN(8) == 0 {
				b[i] = alphabet[rnd.IntN(len(alphabet))]
			}
		}
		checkHashLowerName(t, string(b[:n]))
	}
}

// TestSortPersonYears checks the bucket sort against a comparison sort, on
// lists small and large (sorted by their top bits first), with hashes
// spread, spread in few top buckets, clustered in one bucket of the top
// byte, and shared by different names.
func TestSortPersonYears(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 100, 1023, 1024, 5000, 70000} {
		for _, spread := range []uint64{^uint64(0), 0xff << 56, 0xffff0000ffff0000, 0xff, 3, 0} {
			ys := make([]personYear, n)
			for i := range ys {
				name := fmt.Sprintf("Person %d", i*7919%(n/3+1))
				ys[i] = personYear{bloom.Hash(name) & spread, name, int32(i * 31 % 400)}
			}
			want := slices.Clone(ys)
			slices.SortFunc(want, comparePersonYears)
			sortPersonYears(ys)
			if !slices.Equal(ys, want) {
				t.Errorf("%d person years, hashes masked by %#x: sorted differently", n, spread)
			}
		}
	}
}

// TestCatalogKeepsNoArticleText checks that the names the catalog keeps
// are its own copies, none a string of the reader's: the reader packs the
// articles' text in chunks that a name kept for the run would keep whole.
func TestCatalogKeepsNoArticleText(t *testing.T) {
	srcs, _ := corpusSources(t)
	for _, part := range []bool{false, true} {
		cat := newCatalog()
		cat.part = part
		pipe := extract.NewPipeline("", ontology.DefaultMapping())
		pipe.Light = true
		var spans [][2]uintptr // the bytes of the articles' strings
		span := func(s string) {
			if s != "" {
				p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
				spans = append(spans, [2]uintptr{p, p + uintptr(len(s))})
			}
		}
		for _, src := range srcs {
			err := eachArticle(src, input.Auto, true, func(a *extract.Article, err error, _ int64) bool {
				if a == nil || err != nil {
					return true
				}
				span(a.Title)
				if ib := a.Infobox; ib != nil {
					span(ib.Header)
					for _, f := range ib.Fields {
						span(f.Value)
					}
				}
				g, err := pipe.Extract(a)
				a.Release()
				if err == nil {
					cat.addGraph(g)
					g.Release()
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		inText := func(s string) bool {
			p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
			for _, sp := range spans {
				if p >= sp[0] && p < sp[1] {
					return true
				}
			}
			return false
		}
		var kept []string
		for k, ti := range cat.titles {
			kept = append(kept, k, ti.Name)
			kept = append(kept, ti.Aliases...)
		}
		for _, ts := range cat.aliases {
			kept = append(kept, ts...)
		}
		persons := 0
		for _, py := range cat.allPersonYears() {
			kept = append(kept, py.name)
			persons++
		}
		for _, m := range cat.mentions {
			kept = append(kept, m.title)
			kept = append(kept, m.persons...)
			persons += len(m.persons)
		}
		if len(cat.titles) == 0 || persons == 0 {
			t.Fatalf("part %v: %d titles and %d person mentions: the corpus tests nothing", part, len(cat.titles), persons)
		}
		for _, s := range kept {
			if inText(s) {
				t.Errorf("part %v: the catalog keeps %q, a string of an article's text", part, s)
			}
		}
	}
}

// TestCatalogChunks checks that the slices the catalog takes from its
// chunks of classes and strings are copied when appended to, not grown
// over the next one's.
func TestCatalogChunks(t *testing.T) {
	c := newCatalog()
	a, b := c.newClass(ontology.Person), c.newClass(ontology.Place)
	a = append(a, ontology.Event)
	if b[0] != ontology.Place || len(a) != 2 || a[0] != ontology.Person {
		t.Errorf("classes %v and %v, want [Person Event] and [Place]", a, b)
	}
	var all [][]string
	for n := range 3 * titleChunk {
		all = append(all, append(c.newStrings(n%5), strings.Repeat("x", n%5)))
	}
	for n, ss := range all {
		ss = append(ss, "more")
		if len(ss) != 2 || ss[0] != strings.Repeat("x", n%5) || all[n][0] != ss[0] {
			t.Fatalf("strings %d: %q", n, ss)
		}
	}
	for n, ss := range all {
		if len(ss) != 1 || ss[0] != strings.Repeat("x", n%5) {
			t.Fatalf("strings %d changed: %q", n, ss)
		}
	}
	if ti, tj := c.newTitle("A"), c.newTitle("B"); ti == tj || ti.Name != "A" || tj.Name != "B" {
		t.Errorf("titles %q and %q", ti.Name, tj.Name)
	}
}

// fold is what appendFold appends, in its plain form: case and spacing
// folded, as strings.ToLower and strings.Fields do.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
