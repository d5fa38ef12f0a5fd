package extract_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"two", "He came. He left.", []string{"He came.", "He left."}},
		{"initial", "J. R. Smith came. He left.", []string{"J. R. Smith came.", "He left."}},
		{"circa", "Born c. 1552 in Uiryeong. He died.", []string{"Born c. 1552 in Uiryeong.", "He died."}},
		{"abbreviation", "Gen. Kim fled. The city fell.", []string{"Gen. Kim fled.", "The city fell."}},
		{"dotted", "The U.S. Navy came. Then Japan.", []string{"The U.S. Navy came.", "Then Japan."}},
		{"residue", "Kwak Chaeu (; 1552–1617) was a general. He fought.", []string{"Kwak Chaeu (; 1552–1617) was a general.", "He fought."}},
		{"native", "The Battle of Hansan Island () took place. It ended.", []string{"The Battle of Hansan Island () took place.", "It ended."}},
		{"inside brackets", "Jinju (Japanese: . Chinju) is a city. It is old.", []string{"Jinju (Japanese: . Chinju) is a city.", "It is old."}},
		{"date", "It ended on 24 July 1592. The Ming came.", []string{"It ended on 24 July 1592.", "The Ming came."}},
		{"quote", `He said "go." Then he left.`, []string{`He said "go."`, "Then he left."}},
		{"lower after period", "It was approx. ten miles.", []string{"It was approx. ten miles."}},
		{"cut off", "He came. The Jap", []string{"He came.", "The Jap"}},
		{"upper-case abbreviation", "He met GEN. Kim. MR. Yi left. Sept. came.", []string{"He met GEN. Kim.", "MR. Yi left.", "Sept. came."}},
		{"long word", "Ōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōō. Ēst. Next", []string{"Ōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōō.", "Ēst. Next"}},
		{"spaces", "\t He came.\u00a0\n He left. \u2003", []string{"He came.", "He left."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range extract.SplitSentences(tc.in) {
				got = append(got, tc.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFoldName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Katō Kiyomasa", "kato kiyomasa"},
		{"Yi Won-ik", "yi wonik"},
		{"Yang Manch'un", "yang manchun"},
		{"Kuroda Nagamasa's", "kuroda nagamasa"},
		{"Goguryeo–Tang War", "goguryeotang war"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := extract.FoldName(tc.in); got != tc.want {
				t.Errorf("FoldName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDictionary(t *testing.T) {
	d := extract.NewDictionary()
	d.Add("Katō Kiyomasa", ontology.Person)
	d.Add("Ming", ontology.Person)
	d.Add("Ming", ontology.Force)
	for _, tc := range []struct {
		key   string
		name  string
		class rdf.Term
		found bool
	}{
		{"kato kiyomasa", "Katō Kiyomasa", ontology.Person, true},
		{"kato", "", rdf.Term{}, false},
		{"ming", "Ming", ontology.Force, true},
		{"nothing", "", rdf.Term{}, false},
	} {
		t.Run(tc.key, func(t *testing.T) {
			name, class, found := d.Lookup(tc.key)
			if name != tc.name || class != tc.class || found != tc.found {
				t.Errorf("Lookup(%q) = %q %v %v", tc.key, name, class, found)
			}
		})
	}
}

// TestDictionaryManyNames checks the dictionary past many growths of its
// filter: every name is found, and no other key.
func TestDictionaryManyNames(t *testing.T) {
	d := extract.NewDictionary()
	const n = 50000
	for i := range n {
		d.Add(fmt.Sprintf("Siege of Place %c%d", 'A'+i%26, i), ontology.MilitaryConflict)
	}
	if d.Len() != n {
		t.Fatalf("Len %d, want %d", d.Len(), n)
	}
	for i := range n {
		key := fmt.Sprintf("siege of place %c%d", 'a'+i%26, i)
		if name, _, found := d.Lookup(key); !found || extract.FoldName(name) != key {
			t.Fatalf("Lookup(%q) = %q, %v", key, name, found)
		}
		for _, other := range []string{key + " x", key + "x", "siege of place"} {
			if name, _, found := d.Lookup(other); found {
				t.Fatalf("Lookup(%q) = %q, found", other, name)
			}
		}
	}
}

// seedGraph extracts the seed article with mentions.
func seedGraph(t *testing.T) *extract.Graph {
	t.Helper()
	arts := readArticles(t, "../testdata/seed/siege-of-pyongyang-1592.txt")
	pipe := extract.NewPipeline("", nil)
	pipe.Prose.Mentions = true
	g, err := pipe.Extract(arts[0])
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestProseSeed checks what the issue asks of the seed: the names the prose
// alone gives, short names and other romanisations resolved.
func TestProseSeed(t *testing.T) {
	g := seedGraph(t)
	byLabel := map[string]*extract.Entity{}
	for _, e := range g.Entities() {
		byLabel[e.Label] = e
		for _, a := range e.Aliases {
			if byLabel[a] == nil {
				byLabel[a] = e
			}
		}
	}
	for _, tc := range []struct {
		name  string
		class rdf.Term
	}{
		{"Kato Kiyomasa", ontology.Person}, {"King Seonjo", ontology.Person}, {"Yi Won-ik", ontology.Person},
		{"Zhao Chengxun", ontology.Person}, {"Kaesong", ontology.Place}, {"Hwanghae Province", ontology.Place},
		{"Hamgyong Province", ontology.Place}, {"Pyongan Province", ontology.Place}, {"Taedong River", ontology.Place},
		{"Yeongbyeon", ontology.Place}, {"Sunan", ontology.Place}, {"Battle of Imjin River", ontology.MilitaryConflict},
		{"Siege of Pyongyang (1593)", ontology.MilitaryConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := byLabel[tc.name]
			if e == nil {
				t.Fatalf("no entity %q", tc.name)
			}
			if !contains(e.Classes, tc.class) {
				t.Errorf("%q has classes %v, want %v", tc.name, e.Classes, tc.class)
			}
		})
	}
	for _, tc := range []struct{ alias, label string }{
		{"Kim", "Kim Myŏngwŏn"}, {"Konishi", "Konishi Yukinaga"}, {"Kuroda", "Kuroda Nagamasa"},
		{"Pyongyang", "Pyeongyang"},
	} {
		t.Run(tc.alias, func(t *testing.T) {
			if e := byLabel[tc.alias]; e == nil || e.Label != tc.label {
				t.Errorf("%q resolves to %+v, want %q", tc.alias, e, tc.label)
			}
		})
	}
	for _, bad := range []string{"Japanese", "See also", "Background", "Rather", "Korean", "Following", "Conflict", "Partof"} {
		if byLabel[bad] != nil {
			t.Errorf("entity %q should not exist", bad)
		}
	}
}

func contains(ts []rdf.Term, t rdf.Term) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// TestMentionOffsets checks every NIF mention of the corpus: the substring
// [beginIndex, endIndex) of its context's nif:isString, counted in code
// points, is its nif:anchorOf.
func TestMentionOffsets(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/articles/*.txt")
	files = append(files, "../testdata/seed/siege-of-pyongyang-1592.txt")
	pipe := extract.NewPipeline("", nil)
	pipe.Prose.Mentions = true
	n := 0
	for _, f := range files {
		for _, a := range readArticles(t, f) {
			g, err := pipe.Extract(a)
			if err != nil {
				t.Fatal(err)
			}
			n += checkMentions(t, g)
		}
	}
	if n < 500 {
		t.Errorf("only %d mentions in the corpus", n)
	}
}

func checkMentions(t *testing.T, g *extract.Graph) int {
	type node struct {
		anchor, str, ctx string
		begin, end       int
		ref              bool
	}
	nodes := map[string]*node{}
	get := func(s string) *node {
		if nodes[s] == nil {
			nodes[s] = &node{begin: -1, end: -1}
		}
		return nodes[s]
	}
	for _, q := range g.Quads() {
		switch q.P {
		case extract.NIFAnchorOf:
			get(q.S.Value).anchor = q.O.Value
		case extract.NIFIsString:
			get(q.S.Value).str = q.O.Value
		case extract.NIFReferenceContext:
			get(q.S.Value).ctx = q.O.Value
		case extract.ITSTaIdentRef:
			get(q.S.Value).ref = true
		case extract.NIFBeginIndex:
			get(q.S.Value).begin, _ = strconv.Atoi(q.O.Value)
		case extract.NIFEndIndex:
			get(q.S.Value).end, _ = strconv.Atoi(q.O.Value)
		}
	}
	n := 0
	for iri, m := range nodes {
		if m.ctx == "" {
			continue
		}
		n++
		ctx := nodes[m.ctx]
		if ctx == nil || ctx.str == "" {
			t.Errorf("%s: no context string", iri)
			continue
		}
		r := []rune(ctx.str)
		if m.begin < 0 || m.end > len(r) || m.begin >= m.end {
			t.Errorf("%s: [%d,%d) outside %q", iri, m.begin, m.end, ctx.str)
			continue
		}
		if got := string(r[m.begin:m.end]); got != m.anchor {
			t.Errorf("%s: text [%d,%d) is %q, anchorOf %q", iri, m.begin, m.end, got, m.anchor)
		}
		if !m.ref {
			t.Errorf("%s: no itsrdf:taIdentRef", iri)
		}
		if !strings.HasSuffix(iri, ",") && !strings.Contains(iri, "-char="+strconv.Itoa(m.begin)+","+strconv.Itoa(m.end)) {
			t.Errorf("%s: IRI does not carry its offsets", iri)
		}
	}
	return n
}

// BenchmarkExtractCorpus reads the whole development corpus, concatenated,
// and extracts infobox and prose; MB/s is of article text per core.
//
// The pipelined variants read in one goroutine and extract in another, as
// build runs them. With one core this matters to the collector: a single
// goroutine that never blocks is preempted only every 10 ms, so each
// collection's marking stretches over that long, and every pointer write
// meanwhile pays the write barrier.
func BenchmarkExtractCorpus(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/articles/*.txt")
	var buf bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(data)
		buf.WriteByte('\n')
	}
	data := buf.Bytes()
	for _, bc := range []struct {
		name             string
		prose, pipelined bool
	}{
		{"infobox", false, false},
		{"infobox+prose", true, false},
		{"infobox/pipelined", false, true},
		{"infobox+prose/pipelined", true, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			pipe := extract.NewPipeline("", nil)
			if !bc.prose {
				pipe.Extractors = pipe.Extractors[:1]
			}
			extractAll := func(next func() (*extract.Article, error)) {
				n := 0
				for {
					a, err := next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err) // the corpus reads without error
					}
					g, err := pipe.Extract(a)
					if err != nil {
						b.Fatal(err)
					}
					g.Release() // as build does once a graph is written
					n++
				}
				if n != len(files) {
					b.Fatalf("extracted %d articles, want %d", n, len(files))
				}
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r := extract.NewReader(bytes.NewReader(data))
				if !bc.pipelined {
					extractAll(r.Next)
					continue
				}
				articles := make(chan *extract.Article, 16)
				go func() {
					defer close(articles)
					for {
						a, err := r.Next()
						if err != nil {
							return
						}
						articles <- a
					}
				}()
				extractAll(func() (*extract.Article, error) {
					if a, ok := <-articles; ok {
						return a, nil
					}
					return nil, io.EOF
				})
			}
		})
	}
}

// TestProsePersons checks which spans of prose become persons: titles
// without a name, offices, works, battles and cut words are not persons.
func TestProsePersons(t *testing.T) {
	for _, tc := range []struct {
		text    string
		persons []string
	}{
		{"The defectors handed over their princes, Sunhwa and Imhae.", []string{"Imhae", "Sunhwa"}},
		{"His sons were Tadaoki, Okimoto and Takayoshi.", []string{"Okimoto", "Tadaoki", "Takayoshi"}},
		// "of" after a kind of person leads to no person.
		{"The generals of Joseon and Ming met at the river.", nil},
		{"In 1592 he was installed as Crown Prince.", nil},
		{"His father had the status of Grand Internal Prince.", nil},
		{"The envoys reached the Queen Dowager.", nil},
		{"The envoys were sent by the Wanli Emperor.", []string{"Wanli Emperor"}},
		{"It was renamed in the 23rd year of King Taejo of the Goryeo Dynasty.", []string{"King Taejo"}},
		{"In the 33rd year of King Gojong of the Joseon Dynasty (1896), it became a capital.", []string{"King Gojong"}},
		{"It was also called the Battle of Nomura (野村合戦 Nomura Kassen) by the clans.", nil},
		{"According to Nihon Gaishi (unofficial history of Japan), the siege began in spring.", nil},
		{"He and his brother became known as the “Mōri Ryōsen”, or “Mōri's Two Rivers”.", nil},
		// A bare surname is one of the article's people, or no one.
		{"Some of the defenders were not under Kim's command.", nil},
		{"Kim Myŏngwŏn led the army. The defenders were under Kim's command.", []string{"Kim Myŏngwŏn"}},
		{"At dawn Admiral Yi sailed from the port with his fleet.", nil},
		// A paragraph cut in its last word.
		{"According to imperial sources, King Seonj", nil},
		{"Kōchi Prefecture", nil},
		// A clan, "no", a given name.
		{"The clan claimed descent from Ōe no Hiromoto, an adviser to Minamoto no Yoritomo.", []string{"Minamoto no Yoritomo", "Ōe no Hiromoto"}},
		{"He was buried in Fukakusa no kita no Misasagi in Kyoto.", nil},
		{"The fleet was lost at Dan no Ura in 1185.", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			g := proseGraph(t, "= Titles Test =\n"+tc.text+"\n", nil)
			var persons []string
			for e := range g.AllEntities() {
				if contains(e.Classes, ontology.Person) {
					persons = append(persons, e.Label)
				} else if slices.ContainsFunc(tc.persons, func(p string) bool { return strings.Contains(e.Label, p) }) {
					t.Errorf("%s is a %v", e.Label, e.Classes)
				}
			}
			slices.Sort(persons)
			if !slices.Equal(persons, tc.persons) {
				t.Errorf("persons %q, want %q", persons, tc.persons)
			}
		})
	}
}

// TestProsePlaces checks the cues that make an unknown name a place: a
// direction or a kind of settlement before "of", "present-day", and a
// comma after a place ("Yueyang, Hunan").
func TestProsePlaces(t *testing.T) {
	for _, tc := range []struct {
		text   string
		places []string
	}{
		{"The troops were stationed in Asan, south of Seoul, numbering 3,000 men.", []string{"Asan", "Seoul"}},
		{"Uwajima lies to the south-southeast of Yawatahama, by the sea.", []string{"Yawatahama"}},
		{"The river joins the Han River downstream of Seoul.", []string{"Han River", "Seoul"}},
		{"The Ming lost the key city of Shenyang in 1621 and the port city of Lüshun in 1625.", []string{"Lüshun", "Shenyang"}},
		{"He met Cho Yŏnggyu, the magistrate of Yangsan, on the road.", []string{"Yangsan"}},
		{"Uwajima (notably the island of Hiburijima) was a centre of piracy.", []string{"Hiburijima"}},
		{"The site lies northeast of Baqiu in present-day Yueyang, Hunan.", []string{"Baqiu", "Hunan", "Yueyang"}},
		{"Bordering prefectures are Dalian (SW), Anshan (W), Liaoyang (NW), and Benxi (N).", []string{"Anshan", "Benxi", "Dalian", "Liaoyang"}},
		{"They mobilised in the provinces of Zhili, Shandong and in Manchuria.", []string{"Manchuria", "Shandong", "Zhili"}},
		{"The fleet visited the ports of Weihaiwei or Lüshun.", []string{"Lüshun", "Weihaiwei"}},
		{"At Dangpo, they received news of a Japanese fleet.", []string{"Dangpo"}},
		{"They invaded Hamgyeong following the taking of Gaeseong.", []string{"Gaeseong"}},
		{"Admiral Yi destroyed a few ships at Happo and Jeokjinpo.", []string{"Happo", "Jeokjinpo"}},
		{"The battleships were imported from Germany and Great Britain.", []string{"Germany", "Great Britain"}},
		{"The councils of Gangwon and Gyeonggi provinces signed a peace pact.", []string{"Gangwon", "Gyeonggi"}},
		{"The fleet was supplied through the Bay of Asan and the Strait of Korea.", []string{"Bay of Asan", "Strait of Korea"}},
		// "and" after a place joins a clause, not a place, unless the
		// phrase ends with the name.
		{"They landed at Busan and Konishi marched north.", []string{"Busan"}},
		{"They landed at Busan and Konishi Yukinaga marched north.", []string{"Busan"}},
		{"At Busan, Kato as commander fought.", []string{"Busan"}},
		{"Chinese and Japanese provinces traded.", nil},
		{"Borderingz prefectures are few.", nil},
		{"From Yi, they learned of the fleet.", nil},
		{"In Korean, the river is called Rimjin.", nil},
		// A list with no kind of place before it, or one broken by other
		// words, is no list of places.
		{"The frontiers became the states of Shu Han and Eastern Wu.", nil},
		{"The provinces of Zhili were held by Li Hongzhang, Yuan Shikai and Ding Ruchang.", []string{"Zhili"}},
		// No cue: a comma after a place is followed by a sentence's
		// subject, a quoted name is no direction, a son is no place.
		{"They landed at Busan, Yi and Won sailed east.", []string{"Busan"}},
		{"This city was called 'Geoyeolseong' of Baekje during the Three Kingdom Era.", nil},
		{"He was the second son of Kōno, the lord.", nil},
		{"The North of Korea was cold.", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			checkLabels(t, "= Places Test =\n"+tc.text+"\n", nil, tc.places, ontology.Place)
		})
	}
}

// TestProsePlaceLists checks that the items of a section listing places
// are places, and that other sections' items, and items that are more
// than a name, are not.
func TestProsePlaceLists(t *testing.T) {
	for _, tc := range []struct {
		name, section, items string
		places               []string
	}{
		{"neighbours", "=== Neighbouring municipalities ===", "- Ainan\n- Kihoku\n- Shimanto city\n", []string{"Ainan", "Kihoku", "Shimanto"}},
		{"sister cities", "== Twin towns – sister cities ==", "- Seiyo\n", []string{"Seiyo"}},
		{"American spelling", "==Adjacent counties==", "- Orange County\n", []string{"Orange County"}},
		{"other section", "== Notable people ==", "- Ainan\n", nil},
		{"a sentence", "=== Neighbouring municipalities ===", "- the town was merged in 2005\n- Several villages joined the town in 2005\n", nil},
		{"a sentence read as prose", "=== Neighbouring municipalities ===", "- the city of Matsuno\n", []string{"Matsuno"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkLabels(t, "= Places Test =\nA town.\n"+tc.section+"\n"+tc.items, nil, tc.places, ontology.Place)
		})
	}
}

// TestProseEvents checks which spans name events: a numbered war is one,
// a nationality adjective and a lower-case head is a description.
func TestProseEvents(t *testing.T) {
	for _, tc := range []struct {
		text   string
		events []string
	}{
		{"The port was taken during World War I by Japan.", []string{"World War I"}},
		{"Both sides fought along the river in the Korean War.", []string{"Korean War"}},
		{"The festival recalls the Japanese invasion and its sieges.", nil},
		{"The city fell in the Second Siege of Jinju.", []string{"Second Siege of Jinju"}},
		{"Henry V was crowned King of England.", nil},
		{"He led the second Siege of Jinju (1593) in person.", []string{"Siege of Jinju (1593)"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			checkLabels(t, "= Events Test =\n"+tc.text+"\n", nil, tc.events, ontology.Event, ontology.MilitaryConflict)
		})
	}
}

// TestProseDatedEvents checks that a year in brackets after an event's
// name picks the catalog's dated name, and is left out when the catalog
// knows the name without it.
func TestProseDatedEvents(t *testing.T) {
	cat := extract.NewDictionary()
	cat.Add("Siege of Pyongyang (1592)", ontology.MilitaryConflict)
	cat.Add("Siege of Pyongyang (1593)", ontology.MilitaryConflict)
	cat.Add("Battle of Hansan Island", ontology.MilitaryConflict)
	for _, tc := range []struct{ text, want string }{
		{"Konishi held the city until the Siege of Pyongyang (1593) drove him out.", "Siege of Pyongyang (1593)"},
		{"Konishi took the city in the Siege of Pyongyang (1592) in June.", "Siege of Pyongyang (1592)"},
		{"The fleet had won the Battle of Hansan Island (1592) in August.", "Battle of Hansan Island"},
		{"Konishi fled after the Siege of Pyongyang in 1593 was lost.", "Siege of Pyongyang (1593)"},
		{"The fleet had won the Battle of Hansan Island in 1592.", "Battle of Hansan Island"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var events []string
			for e := range proseGraph(t, "= Dated Test =\n"+tc.text+"\n", cat).AllEntities() {
				if strings.HasPrefix(e.Label, "Siege") || strings.HasPrefix(e.Label, "Battle") {
					events = append(events, e.Label)
				}
				for _, a := range e.Aliases {
					// "Siege of Pyongyang in 1593" and "Siege of
					// Pyongyang" name no single siege.
					if strings.Contains(e.Label, "(") && !strings.Contains(a, "(") {
						t.Errorf("%s has the alias %q", e.Label, a)
					}
				}
			}
			if !slices.Equal(events, []string{tc.want}) {
				t.Errorf("events %q, want %q", events, tc.want)
			}
		})
	}
}

// TestProseOrdinalEvents checks that an ordinal before an event's name
// picks out one of the events of that name: never the catalog's event of
// the bare name, which is another one.
func TestProseOrdinalEvents(t *testing.T) {
	cat := extract.NewDictionary()
	cat.Add("Siege of Jinju", ontology.MilitaryConflict)
	cat.Add("First siege of Jinju", ontology.MilitaryConflict)
	cat.Add("Siege of Pyongyang (1593)", ontology.MilitaryConflict)
	for _, tc := range []struct {
		text   string
		events []string
	}{
		{"It was followed up by the second siege of Jinju the next year.", []string{"Second siege of Jinju"}},
		{"The festival derives from the second Siege of Jinju in 1593 during the war.", []string{"Siege of Jinju (1593)"}},
		{"The first siege of Jinju was a victory.", []string{"First siege of Jinju"}},
		{"Konishi fled after the second Siege of Pyongyang (1593).", []string{"Siege of Pyongyang (1593)"}},
		{"The second battle of Ulsan was fought in 1598.", []string{"Second battle of Ulsan"}},
		// No ordinal: the catalog's event.
		{"The war ended with the Siege of Jinju.", []string{"Siege of Jinju"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			checkLabels(t, "= Ordinal Test =\n"+tc.text+"\n", cat, tc.events, ontology.Event, ontology.MilitaryConflict)
		})
	}
}

// TestProseSentenceStartKnown checks that a sentence's first word that is
// usually no name ("Later") starts one when the run's catalog knows the
// whole span, and only then.
func TestProseSentenceStartKnown(t *testing.T) {
	cat := extract.NewDictionary()
	cat.Add("Later Jin", ontology.Force)
	for _, tc := range []struct {
		text   string
		cat    extract.Catalog
		forces []string
	}{
		{"Later Jin accused Joseon of harbouring fugitives.", cat, []string{"Later Jin"}},
		{"Later Jin accused Joseon of harbouring fugitives.", nil, nil},
	} {
		t.Run(fmt.Sprint(tc.cat != nil), func(t *testing.T) {
			checkLabels(t, "= Start Test =\n"+tc.text+"\n", tc.cat, tc.forces, ontology.Force)
		})
	}
}

// TestProseForces checks where a force's name ends: a lower-case head
// completes a name ("the Oda clan"), but not one that ends in a head of
// its own ("the Argentine Navy cruiser").
func TestProseForces(t *testing.T) {
	for _, tc := range []struct {
		text   string
		forces []string
	}{
		{"Yoshino improved on the Argentine Navy cruiser Veinticinco de Mayo.", []string{"Argentine Navy"}},
		{"The Oda clan fought at the river.", []string{"Oda clan"}},
		{"The Japanese Navy fleet sailed west.", []string{"Japanese Navy"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			checkLabels(t, "= Forces Test =\n"+tc.text+"\n", nil, tc.forces, ontology.Force)
		})
	}
}

// TestProseDynastyByName checks that a bare name is the dynasty the
// catalog knows by it ("the Ming" is the Ming dynasty), and only when the
// catalog knows that dynasty as a force.
func TestProseDynastyByName(t *testing.T) {
	forces := extract.NewDictionary()
	forces.Add("Ming dynasty", ontology.Force)
	places := extract.NewDictionary()
	places.Add("Ming dynasty", ontology.Place)
	// others has no dynasty: its filter rules "ming dynasty" out, and the
	// article's own names are asked alone.
	others := extract.NewDictionary()
	others.Add("Joseon Navy", ontology.Force)
	others.Add("Qing dynasty", ontology.Force)
	named := "The Ming dynasty sent an army under Li Rusong. Konishi sent 20 men to greet the Ming envoys at the gate."
	for _, tc := range []struct {
		text string
		cat  extract.Catalog
		want []string
	}{
		{"Konishi sent 20 men to greet the Ming envoys at the gate.", forces, []string{"Ming dynasty"}},
		{"Konishi sent 20 men to greet the Ming envoys at the gate.", nil, nil},
		{"Konishi sent 20 men to greet the Ming envoys at the gate.", places, nil},
		{"Konishi sent 20 men to greet the Ming envoys at the gate.", others, nil},
		{named, nil, nil},
		{named, others, nil},
		{named, forces, []string{"Ming dynasty"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, l := range entityLabels(proseGraph(t, "= Envoys Test =\n"+tc.text+"\n", tc.cat)) {
				if strings.HasPrefix(l, "Ming") {
					got = append(got, l)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("entities %q, want %q", got, tc.want)
			}
		})
	}
}

// TestProseDemonymBeforeKnownName checks that a nationality adjective
// before a name the catalog knows ("the Chinese Beiyang Fleet") makes no
// second entity.
func TestProseDemonymBeforeKnownName(t *testing.T) {
	cat := extract.NewDictionary()
	cat.Add("Beiyang Fleet", ontology.Force)
	labels := entityLabels(proseGraph(t, "= Dingyuan Test =\nIn 1894 the Chinese Beiyang Fleet met the Japanese Combined Fleet at the Yalu River.\n", cat))
	if !slices.Contains(labels, "Beiyang Fleet") || slices.Contains(labels, "Chinese Beiyang Fleet") {
		t.Errorf("entities %q, want Beiyang Fleet once", labels)
	}
}

// TestProseOffices checks that the name of an office is no entity, even
// when the words after its "of" end in a force's head.
func TestProseOffices(t *testing.T) {
	for _, tc := range []struct{ text, office string }{
		{"He replaced Yi Sun-sin as Commander-in-Chief of the Three Provinces Navy (삼도수군통제사) in 1597.", "Commander-in-Chief"},
		{"He was the Naval Commander of Gyeongsang Right Province and led the navy.", "Naval Commander"},
		{"The fleet swore allegiance to the Emperor of China in 1888.", "Emperor of China"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			for _, l := range entityLabels(proseGraph(t, "= Offices Test =\n"+tc.text+"\n", nil)) {
				if strings.Contains(l, tc.office) {
					t.Errorf("entity %q", l)
				}
			}
		})
	}
}

// proseGraph extracts the one article of text with the default pipeline,
// the prose matched against cat when it is not nil.
func proseGraph(t *testing.T, text string, cat extract.Catalog) *extract.Graph {
	t.Helper()
	a, err := extract.NewReader(strings.NewReader(text)).Next()
	if err != nil {
		t.Fatal(err)
	}
	p := extract.NewPipeline("", nil)
	p.Prose.Catalog = cat
	g, err := p.Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func entityLabels(g *extract.Graph) []string {
	var labels []string
	for e := range g.AllEntities() {
		labels = append(labels, e.Label)
	}
	return labels
}

// checkLabels fails t unless the entities of classes that article gives,
// with the catalog cat, have the labels want, sorted.
func checkLabels(t *testing.T, article string, cat extract.Catalog, want []string, classes ...rdf.Term) {
	t.Helper()
	if got := classLabels(proseGraph(t, article, cat), classes...); !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
}

// classLabels returns the sorted labels of g's entities that have any of
// classes.
func classLabels(g *extract.Graph, classes ...rdf.Term) []string {
	var labels []string
	for e := range g.AllEntities() {
		if slices.ContainsFunc(classes, func(c rdf.Term) bool { return contains(e.Classes, c) }) {
			labels = append(labels, e.Label)
		}
	}
	slices.Sort(labels)
	return labels
}

// TestProseSubjectAliases checks that the names after "was also known as"
// in a sentence about the subject are the subject's, and only there.
func TestProseSubjectAliases(t *testing.T) {
	for _, tc := range []struct {
		article string
		aliases []string // of the subject, in any order
		not     string   // a name that is no alias of the subject
	}{
		{"= Battle of Anegawa =\nThe battle was fought in 1570. It was also referred to as the Battle of Nomura (野村合戦 Nomura Kassen) by the Oda and Azai clans and the Battle of Mitamura (三田村合戦 Mitamura Kassen) by the Asakura clan.\n",
			[]string{"Battle of Nomura", "Battle of Mitamura"}, ""},
		{"= Takeda Shingen =\nTakeda Shingen was a daimyo. He was also known as the Tiger of Kai for his skill.\n",
			[]string{"Tiger of Kai"}, ""},
		{"= Emperor Test =\nHe was the eldest son of Prince Masahito, also known as Prince Sanehito, who was a prince.\n",
			nil, "Prince Sanehito"},
		{"= Yi Test =\nYi Test was an admiral. His flagship was also known as the Turtle Ship.\n",
			nil, "Turtle Ship"},
		{"= Oda =\nOda was a family. Oda Nobunaga was also known as the Demon King of the Sixth Heaven.\n",
			nil, "Demon King of the Sixth Heaven"},
		{"= Oda =\nOda was a family. Oda's army was also known as the Owari Army.\n",
			nil, "Owari Army"},
		{"= Oda Test =\nOda Test, a clan of Owari, was also known as the Owari Oda.\n",
			[]string{"Owari Oda"}, ""},
	} {
		t.Run(tc.article[:strings.IndexByte(tc.article, '\n')], func(t *testing.T) {
			g := proseGraph(t, tc.article, nil)
			var subject *extract.Entity
			for e := range g.AllEntities() {
				subject = e
				break
			}
			for _, a := range tc.aliases {
				if !slices.Contains(subject.Aliases, a) {
					t.Errorf("%s has aliases %q, want %q among them", subject.Label, subject.Aliases, a)
				}
				for e := range g.AllEntities() {
					if e.Label == a {
						t.Errorf("%q is an entity of its own", a)
					}
				}
			}
			if tc.not != "" && slices.Contains(subject.Aliases, tc.not) {
				t.Errorf("%s has alias %q", subject.Label, tc.not)
			}
		})
	}
}

// wrappedCatalog is a Catalog that is no *Dictionary, which the prose
// extractor looks names up in through the interface.
type wrappedCatalog struct{ d *extract.Dictionary }

func (w wrappedCatalog) Lookup(key string) (string, rdf.Term, bool) { return w.d.Lookup(key) }

// TestProseCatalogPaths checks that the prose extractor finds in a
// Dictionary, which it probes directly, what it finds through the Catalog
// interface: the graphs of the gold articles are the same triples.
func TestProseCatalogPaths(t *testing.T) {
	pairs := goldPairs(t)
	cat := runCatalog(t, pairs)
	direct, wrapped := extract.NewPipeline("", nil), extract.NewPipeline("", nil)
	direct.Prose.Catalog, wrapped.Prose.Catalog = cat, wrappedCatalog{cat}
	for _, p := range pairs {
		for _, a := range readArticles(t, p.article) {
			g1, err1 := direct.Extract(a)
			g2, err2 := wrapped.Extract(a)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if t1, t2 := g1.Triples(), g2.Triples(); !slices.Equal(t1, t2) {
				t.Errorf("%s: %d triples through the Dictionary, %d through the interface", a.Title, len(t1), len(t2))
			}
		}
	}
}
