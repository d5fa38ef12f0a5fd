package extract

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/wikikg/wikikg/extract/value"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func TestSplitPersonRuns(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Enomoto Takenori (son) Enomoto Kinu (daughter) Enomoto Takako (daughter)",
			[]string{"Enomoto Takenori (son)", "Enomoto Kinu (daughter)", "Enomoto Takako (daughter)"}},
		{"Emperor Meiji Emperor Taishō", []string{"Emperor Meiji", "Emperor Taishō"}},
		{"Prince Arisugawa Taruhito Prince Komatsu Akihito", []string{"Prince Arisugawa Taruhito", "Prince Komatsu Akihito"}},
		{"Ishii Fujiko (daughter) Émile Guimet", []string{"Ishii Fujiko (daughter)", "Émile Guimet"}},
		// A bracket before the first space, then a note.
		{"Kajūji(Fujiwara) Haruko (wife) Ito Hiro", []string{"Kajūji(Fujiwara) Haruko (wife)", "Ito Hiro"}},
		{"(son) Ito Hiro", []string{"(son) Ito Hiro"}},
		// A bracket inside a name, a note at its end, a note that is no
		// relation, and a title repeated before no name stay whole.
		{"Fujiwara no (Kajūji) Haruko", []string{"Fujiwara no (Kajūji) Haruko"}},
		{"Fujiwara (Konoe) Sakiko", []string{"Fujiwara (Konoe) Sakiko"}},
		{"Liu Qi (son)", []string{"Liu Qi (son)"}},
		{"Liu Qi (son of Liu Biao) and", []string{"Liu Qi (son of Liu Biao) and"}},
		{"King Taejo of the Goryeo Dynasty", []string{"King Taejo of the Goryeo Dynasty"}},
		{"Emperor Go-Yōzei", []string{"Emperor Go-Yōzei"}},
		{"King Sejong the king who", []string{"King Sejong the king who"}},
		{"General Kim General Yi", []string{"General Kim General Yi"}}, // a rank, not a title
		{"Emperor", []string{"Emperor"}},
		{"Inaba Yoshimichi Tokugawa Ieyasu", []string{"Inaba Yoshimichi", "Tokugawa Ieyasu"}},
		{"Akao Kiyotsuna Asakura Yoshikage", []string{"Akao Kiyotsuna", "Asakura Yoshikage"}},
		{"Ōkubo Tadayo Ōkubo Tadasuke", []string{"Ōkubo Tadayo", "Ōkubo Tadasuke"}},
		// Not four Japanese-shaped capitalised words.
		{"Fujiwara no Kajūji Haruko", []string{"Fujiwara no Kajūji Haruko"}},
		{"Nathaniel Walter Barnardiston Smith", []string{"Nathaniel Walter Barnardiston Smith"}},
		{"Kato Mitsuyasu Hasegawa", []string{"Kato Mitsuyasu Hasegawa"}},
		{"Kato Mitsuyasu Hasegawa Hidekazu Kimura", []string{"Kato Mitsuyasu Hasegawa Hidekazu Kimura"}},
		{"Kato  Mitsuyasu Hasegawa Hidekazu", []string{"Kato  Mitsuyasu Hasegawa Hidekazu"}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			items, clean := splitPersonRuns([]value.Item{{Name: tc.in, Group: "Side", Flags: value.KIA, Note: "x"}}, []bool{true})
			if len(clean) != len(items) {
				t.Fatalf("%d items but %d clean marks", len(items), len(clean))
			}
			for i := range clean {
				if clean[i] != (len(items) == 1) {
					t.Errorf("item %d of %d marked clean %v", i, len(items), clean[i])
				}
			}
			var got []string
			for i, it := range items {
				got = append(got, it.Name)
				if it.Group != "Side" {
					t.Errorf("item %d lost its group: %+v", i, it)
				}
				// Flags and notes were read at the end of the item.
				if last := i == len(items)-1; (it.Flags == value.KIA) != last || (it.Note == "x") != last {
					t.Errorf("item %d of %d has flags %v and note %q", i, len(items), it.Flags, it.Note)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestKinDescribedBy(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Fukubara Hirotoshi's daughter", "Fukubara Hirotoshi", true},
		{"Kim Yu-sin’s Wife", "Kim Yu-sin", true},
		{"Lady Oichi", "", false},
		{"Hideyoshi's Korea", "", false},
		{"'s son", "", false},
		{"Liu Biao's", "", false},
		{"Oda Nobunaga", "", false},
		{"Oda Nobunaga's", "", false},
		{"Oda Nobunaga’s son", "Oda Nobunaga", true},
		{"Oda ƙa's son", "Oda ƙa", true}, // ƙ ends in 0x99
		{"Oda ƙs son", "", false},
		{"Oda's", "", false},
		{"Oda\u2019s Heir", "Oda", true},
	} {
		if got, ok := kinDescribedBy(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("kinDescribedBy(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestPersonFields checks what person fields give in a whole extraction:
// placeholders no entity, a description of a relative the person it
// names and no relation, runs of names each name.
func TestPersonFields(t *testing.T) {
	const article = `= Enomoto Test =
Enomoto Test
- Birth Date: 5 October 1836
- Predecessor: Position established
- Successor: Office abolished
- Predecessor2: Himself
- Mother: Fukubara Hirotoshi's daughter
- Monarch: Emperor Meiji Emperor Taishō
- Children: Enomoto Takenori (son) Enomoto Kinu (daughter) Ishii Fujiko (daughter)
- Relatives: Enomoto Takeshi (brother)
- Burial Place: Fukakusa no kita no Misasagi (深草北陵) Kyoto
- Death Place: Tokugawa shogunate, (now Japan)

Enomoto Test was a statesman.
`
	g := extractArticle(t, article)
	var labels []string
	for e := range g.AllEntities() {
		labels = append(labels, e.Label)
	}
	for _, no := range []string{"Position established", "Office abolished", "Himself", "Fukubara Hirotoshi's daughter", "Emperor Meiji Emperor Taishō", "Japan)", "Fukakusa no kita no Misasagi (深草北陵) Kyoto"} {
		if slices.Contains(labels, no) {
			t.Errorf("entity %q among %q", no, labels)
		}
	}
	for _, yes := range []string{"Fukubara Hirotoshi", "Emperor Meiji", "Emperor Taishō", "Enomoto Takenori", "Enomoto Kinu", "Ishii Fujiko", "Enomoto Takeshi", "Fukakusa no kita no Misasagi", "Kyoto", "Tokugawa shogunate", "Japan"} {
		if !slices.Contains(labels, yes) {
			t.Errorf("no entity %q among %q", yes, labels)
		}
	}
	subject := ontology.EntityIRI(ontology.DefaultBase, "Enomoto Test")
	// The description of the mother stays a literal, as any value that
	// names no one does; a placeholder leaves nothing.
	for _, tc := range []struct {
		prop              string
		entities, literal int
	}{{"predecessor", 0, 0}, {"successor", 0, 0}, {"predecessor2", 0, 0}, {"mother", 0, 1}, {"monarch", 2, 0}, {"children", 3, 0}, {"relatives", 1, 0}} {
		entities, literals := 0, 0
		for _, o := range g.Objects(subject, rdf.IRI(ontology.PropertyNS+tc.prop)) {
			if o.Kind == rdf.KindIRI {
				entities++
			} else {
				literals++
			}
		}
		if entities != tc.entities || literals != tc.literal {
			t.Errorf("prop:%s has %d entities and %d literals, want %d and %d", tc.prop, entities, literals, tc.entities, tc.literal)
		}
	}
}

// FuzzSplitPersonRuns checks that splitting a person list's item neither
// loses nor invents text: the pieces, joined by spaces, are the item, and
// none is empty.
func FuzzSplitPersonRuns(f *testing.F) {
	for _, s := range []string{
		"Enomoto Takenori (son) Enomoto Kinu (daughter) Enomoto Takako (daughter)",
		"Emperor Meiji Emperor Taishō", "Fujiwara no (Kajūji) Haruko", "King  King King X",
		"a (son) (son) B", "Queen (wife) Queen Ö", "Prince Prince",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		items, _ := splitPersonRuns([]value.Item{{Name: s}}, []bool{false})
		var names []string
		for _, it := range items {
			if it.Name == "" {
				t.Fatalf("splitPersonRuns(%q) gives an empty name among %q", s, names)
			}
			names = append(names, it.Name)
		}
		if strings.Join(strings.Fields(strings.Join(names, " ")), " ") != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("splitPersonRuns(%q) = %q", s, names)
		}
	})
}

func TestAppendVictors(t *testing.T) {
	for _, tc := range []struct {
		result string
		want   []string
	}{
		{"Joseon and Ming victory", []string{"Joseon", "Ming"}},
		{"Decisive Mōri clan victory", []string{"Mōri clan"}},
		{"Oda–Tokugawa victory.", []string{"Oda", "Tokugawa"}},
		{"Qing victory, Joseon switches tributary allegiance from the Ming to Qing", []string{"Qing"}},
		{"Stalemate|Pyrrhic Allied victory", []string{"Allied"}},
		{"Victory for Oda Nobunaga and Tokugawa Ieyasu.", nil},
		{"Japanese retreat from Pyeongyang", nil},
		{"End of the Imjin War", nil},
		{"a victoryless stalemate", nil},
		{"DECISIVE Joseon & Ming/Tokugawa — Oda and  Azai victory", []string{"Joseon", "Ming", "Tokugawa", "Oda", "Azai"}},
		{"Crushing && Ming and victory", []string{"Ming and"}},
	} {
		t.Run(tc.result, func(t *testing.T) {
			if got := appendVictors(nil, tc.result); !slices.Equal(got, tc.want) {
				t.Errorf("appendVictors(%q) = %q, want %q", tc.result, got, tc.want)
			}
		})
	}
}

// appendVictorsOracle is appendVictors as it was written first, with
// strings.ToLower, strings.FieldsFunc and strings.Split.
func appendVictorsOracle(result string) []string {
	var names []string
	i := indexWordFold(result, "victory")
	if i <= 0 {
		return names
	}
	head := result[:i]
	if j := strings.LastIndexAny(head, "|;,.()"); j >= 0 {
		head = head[j+1:]
	}
	for head = strings.TrimSpace(head); head != ""; {
		w, rest := head, ""
		if sp := strings.IndexFunc(head, unicode.IsSpace); sp >= 0 {
			w, rest = head[:sp], head[sp:]
		}
		if startsUpper(w) && !victoryAdjectives[strings.ToLower(w)] {
			break
		}
		head = strings.TrimSpace(rest)
	}
	for _, part := range strings.FieldsFunc(head, func(r rune) bool { return r == '&' || r == '/' || r == '–' || r == '—' }) {
		for _, name := range strings.Split(part, " and ") {
			if name = strings.TrimSpace(name); startsUpper(name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// FuzzAppendVictors checks that the victors read from a result are
// capitalised pieces of it.
func FuzzAppendVictors(f *testing.F) {
	for _, s := range []string{"Joseon and Ming victory", "Decisive Mōri clan victory", "Oda–Tokugawa victory.",
		"Stalemate|Pyrrhic Allied victory", "Victory for Oda Nobunaga", "A and  and B & C/ D victory", "Éa victory",
		"DECISIVE Joseon & Ming/Tokugawa — Oda and  Azai victory", "Crushing && Ming and victory", "Tactical A\xff–B victory"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, result string) {
		if got, want := appendVictors(nil, result), appendVictorsOracle(result); !slices.Equal(got, want) {
			t.Errorf("appendVictors(%q) = %q, want %q", result, got, want)
		}
		for _, name := range appendVictors(nil, result) {
			if !strings.Contains(result, name) || !startsUpper(name) || name != strings.TrimSpace(name) {
				t.Errorf("appendVictors(%q) gave %q", result, name)
			}
		}
	})
}

// TestCommanderGroupsFromResult checks that a commander list grouped
// under sides the infobox names only in its result ("Joseon ---- Ming")
// gives no person named after a side.
func TestCommanderGroupsFromResult(t *testing.T) {
	const article = `= War Test =
Infobox
- Result: Joseon and Ming victory
- Combatant2: Toyotomi government of Japan
- Commander1: Joseon ---- Ming
- Commander2: Ming , Li Rusong , Joseon , Yi Il
- Commander3: Katō Kiyomasa, Konishi Yukinaga

War Test was a war.
`
	g := extractArticle(t, article)
	var persons []string
	for e := range g.AllEntities() {
		if slices.Contains(e.Classes, ontology.Person) {
			persons = append(persons, e.Label)
		}
	}
	slices.Sort(persons)
	if want := []string{"Katō Kiyomasa", "Konishi Yukinaga", "Li Rusong", "Yi Il"}; !slices.Equal(persons, want) {
		t.Errorf("persons %q, want %q", persons, want)
	}
	// The list of labels alone is neither a literal nor a warning.
	subject := ontology.EntityIRI(ontology.DefaultBase, "War Test")
	if o := g.Objects(subject, rdf.IRI(ontology.PropertyNS+"commander1")); len(o) > 0 {
		t.Errorf("prop:commander1 %v", o)
	}
	if len(g.Warnings) > 0 {
		t.Errorf("warnings: %v", g.Warnings)
	}
}

// extractArticle extracts the one article of text with the default
// pipeline.
func extractArticle(t *testing.T, text string) *Graph {
	t.Helper()
	a, err := NewReader(strings.NewReader(text)).Next()
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewPipeline("", nil).Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestSubjectAliases(t *testing.T) {
	for _, tc := range []struct {
		article string
		want    []string
	}{
		// A belligerent's caption is no name of the battle.
		{"= Battle of Pungdo =\nJapan\n- Conflict: Battle of Pungdo\n- Date: 25 July 1894\n- Result: Japanese victory\n- Commander1: Tsuboi Kōzō\n", nil},
		{"= Imjin River =\nImjin\n- Country: South Korea\n- Length: 254 km\n", []string{"Imjin"}},
		{"= Seonjo of Joseon =\nSeonjo, 선조, 宣祖\n- Birth Date: 26 November 1552\n- Spouse: Queen Uiin\n", []string{"Seonjo"}},
		// A name that changed gives both.
		{"= Seonjo of Joseon =\nInfobox\n- Birth Date: 26 November 1552\n- Temple Name: Seonjong () → Seonjo ()\n", []string{"Seonjong", "Seonjo"}},
		// A person's header names the person, whatever it shares.
		{"= Yi Sun-sin =\nChungmugong\n- Birth Date: 28 April 1545\n- Allegiance: Joseon\n", []string{"Chungmugong"}},
	} {
		t.Run(tc.article[:strings.IndexByte(tc.article, '\n')], func(t *testing.T) {
			g := extractArticle(t, tc.article)
			var subject *Entity
			for e := range g.AllEntities() {
				subject = e
				break
			}
			if !slices.Equal(subject.Aliases, tc.want) {
				t.Errorf("%s has aliases %q, want %q", subject.Label, subject.Aliases, tc.want)
			}
		})
	}
}

// TestPlaceRegexpGuards checks that mayJoinPlaces and mayPlaceAfterScript
// report true wherever the expressions they guard match, on strings made
// of the pieces the expressions look for.
func TestPlaceRegexpGuards(t *testing.T) {
	pieces := []string{"(", ")", " ", "\t", "near", "Near", "now", "today", "present-day", "modern", ",", ":", "深草", "a", "K", "1592", "(now ", "Ane River"}
	check := func(s string) {
		if placeJoiners.MatchString(s) && !mayJoinPlaces(s) {
			t.Fatalf("mayJoinPlaces(%q) = false, but placeJoiners matches", s)
		}
		if placeAfterScript.MatchString(s) && !mayPlaceAfterScript(s) {
			t.Fatalf("mayPlaceAfterScript(%q) = false, but placeAfterScript matches", s)
		}
	}
	for _, s := range []string{"Ane River near Lake Biwa", "Tokugawa shogunate (now Japan)", "Fukakusa no kita no Misasagi (深草北陵) Kyoto", "(1) (深) Kyoto", "(a)(深) K"} {
		if !mayJoinPlaces(s) && !mayPlaceAfterScript(s) {
			t.Errorf("neither guard passes %q", s)
		}
		check(s)
	}
	// Every string of up to five pieces.
	eachConcat(pieces, 4, check)
}

func TestEventAlias(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Siege of Busan (1592)", "Siege of Busan", true},
		{"Battle of Sacheon (1592) (naval)", "Battle of Sacheon (1592)", true},
		{"Imjin War", "", false},
		{"(1592)", "", false},
	} {
		got, ok := eventAlias(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("eventAlias(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		want := []string(nil)
		if tc.ok {
			want = []string{tc.want}
		}
		if got := eventAliases(tc.in, ontology.MilitaryConflict); !slices.Equal(got, want) {
			t.Errorf("eventAliases(%q) = %q, want %q", tc.in, got, want)
		}
		if got := eventAliases(tc.in, ontology.Person); got != nil {
			t.Errorf("eventAliases(%q, Person) = %q", tc.in, got)
		}
	}
}

// TestFoldSet checks foldSet.has against inSetASCIIFold, the look-up it
// rules most names out before.
func TestFoldSet(t *testing.T) {
	inputs := []string{"", "Emperor Meiji", "Toyotomi", "x", "King", "KING", "kinG", "Kind", "Sing",
		"Position Established", "HIMSELF", "Herself.", "self", "Self ", "a-very-long-string-of-thirty-bytes"}
	for _, set := range []map[string]bool{officePlaceholders, kinWords, royalTitles} {
		for w := range set {
			inputs = append(inputs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[1:], w+"s", "x"+w[1:], w[:len(w)-1]+"\u00e9")
		}
	}
	for _, set := range []map[string]bool{officePlaceholders, kinWords, royalTitles, {}} {
		fs := newFoldSet(set)
		for _, s := range inputs {
			if got, want := fs.has(s), inSetASCIIFold(set, s); got != want {
				t.Errorf("has(%q) = %v, inSetASCIIFold gives %v", s, got, want)
			}
		}
	}
}

func TestIsUnknown(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true}, {"?", true}, {" . ", true}, {"–", true}, {"Unknown", true}, {"UNKNOWN.", true},
		{"un\u212anown", true}, {"N/A", true}, {"None", true}, {"|none|", true},
		{"Unknow", false}, {"Unknowns", false}, {"n/a/", false}, {"Nones", false}, {"Oda Nobunaga", false},
	} {
		if got := isUnknown(tc.in); got != tc.want {
			t.Errorf("isUnknown(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestInfoboxKeyCache checks that the scratch gives a key what the mapping
// says of it, the same each time, whichever keys share its slot.
func TestInfoboxKeyCache(t *testing.T) {
	m := ontology.DefaultMapping()
	var sc infoboxScratch
	sc.known = map[string]*infoboxKey{}
	sc.use(m)
	keys := []string{"Commander1", "Commander2", "Result", "Term Start", "Rank", "", "x", strings.Repeat("k", 70)}
	for i := range 2000 {
		keys = append(keys, "Key"+strings.Repeat("y", i%7)+string(rune('a'+i%26)))
	}
	first := map[string]*infoboxKey{}
	for round := range 3 {
		for _, k := range keys {
			got := sc.key(m, k)
			if want := m.Match(ontology.NormalizeKey(k)); got.match.Key != want.Key {
				t.Fatalf("key(%q) matches %q, want %q", k, got.match.Key, want.Key)
			}
			if p, ok := first[k]; ok && p != got && len(k) <= maxKnownKey {
				t.Fatalf("key(%q) changed in round %d", k, round)
			}
			first[k] = got
		}
	}
}

// TestCommanderGroupsFromCombatants checks that a commander list is
// grouped by the Combatant fields' names alike whether apply cleaned them
// first (they come before it) or belligerentNames splits them itself.
func TestCommanderGroupsFromCombatants(t *testing.T) {
	combatants := "- Combatant1: Joseon, Ming dynasty (Wanli)\n- Combatant2: [[Toyotomi clan]] , Unknown\n"
	commanders := "- Commander1: Ming , Li Rusong , Joseon , Yi Il\n- Commander2: Toyotomi , Katō Kiyomasa\n"
	var want []string
	for i, box := range []string{combatants + commanders, commanders + combatants} {
		g := extractArticle(t, "= War Test =\nInfobox\n- Conflict: War Test\n"+box+"\nWar Test was a war.\n")
		var persons []string
		for e := range g.AllEntities() {
			if slices.Contains(e.Classes, ontology.Person) {
				persons = append(persons, e.Label)
			}
		}
		slices.Sort(persons)
		if i == 0 {
			want = persons
			if !slices.Contains(persons, "Yi Il") || slices.Contains(persons, "Joseon") || slices.Contains(persons, "Ming") {
				t.Errorf("combatants first: persons %q", persons)
			}
		} else if !slices.Equal(persons, want) {
			t.Errorf("commanders first: persons %q, want %q", persons, want)
		}
	}
}

// TestStartsWithLetterOrDigit checks its ASCII test against the Unicode
// tables it stands for, and runes outside ASCII.
func TestStartsWithLetterOrDigit(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		s := string(rune(c)) + "x"
		if got, want := startsWithLetterOrDigit(s), unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)); got != want {
			t.Errorf("startsWithLetterOrDigit(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"": false, "Ōmi": true, "–": false, "٣": true, "\xff": false} {
		if got := startsWithLetterOrDigit(s); got != want {
			t.Errorf("startsWithLetterOrDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestUnparsedWarning checks that unparsedWarning makes the error
// fmt.Errorf made, and that it is ErrUnparsed.
func TestUnparsedWarning(t *testing.T) {
	for _, tc := range [][2]string{
		{"date", "12 June 1592"},
		{"result", `Oda "victory"` + "\t\x01\u00a0王\xff"},
		{"", ""},
	} {
		got := unparsedWarning(tc[0], tc[1])
		want := fmt.Errorf("%w: %s %q kept as a literal", ErrUnparsed, tc[0], tc[1])
		if got.Error() != want.Error() || !errors.Is(got, ErrUnparsed) {
			t.Errorf("unparsedWarning(%q, %q) = %q, want %q", tc[0], tc[1], got, want)
		}
	}
}

// TestAppendQuote checks appendQuote against strconv.Quote, and that the
// runes quotePlain lets through are all printable.
func TestAppendQuote(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if quotePlain(r) && !strconv.IsPrint(r) {
			t.Fatalf("quotePlain(%U), but strconv.IsPrint is false", r)
		}
	}
	for _, s := range []string{
		"", "12 June 1592", `Oda "victory"\` + "\t\x01\x7f", "王 and Ō–ŏ “x” é\u00ad\u2028\u3000あ\u30fb",
		"\xff\xe2\x80", "\xe2\x80x", "\ufffd\U0001F600\u0085", "a\xc3", "\u9fff\u4e00\u30fa\u3096\u2010\u2027\u024f\u00a1",
	} {
		if got, want := string(appendQuote([]byte("x"), s)), "x"+strconv.Quote(s); got != want {
			t.Errorf("appendQuote(%q) = %s, want %s", s, got, want)
		}
	}
	const alphabet = "a \"\\\x00\x7f\xc3\xa9\xe2\x80\x94\xe3\x81\x82\xe4\xb8\x80\xff\xad\xc2"
	seed := uint32(1)
	for n := 0; n < 20000; n++ {
		b := make([]byte, n%24)
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = alphabet[seed>>8%uint32(len(alphabet))]
		}
		if got, want := string(appendQuote(nil, string(b))), strconv.Quote(string(b)); got != want {
			t.Fatalf("appendQuote(%q) = %s, want %s", b, got, want)
		}
	}
}

// TestClassTerm checks that classTerm gives a term equal to the class it
// is given, whether or not it is one of the ontology's own.
func TestClassTerm(t *testing.T) {
	for _, c := range []rdf.Term{
		rdf.IRI(ontology.KG + "Person"), rdf.IRI(ontology.KG + "Place"), rdf.IRI(ontology.KG + "Force"),
		rdf.IRI(ontology.KG + "Event"), rdf.IRI(ontology.KG + "MilitaryConflict"),
		rdf.IRI(ontology.KG + "Settlement"), rdf.Typed("Person", ontology.KG+"Person"),
	} {
		if got := classTerm(kindOf(c), c); got != c {
			t.Errorf("classTerm(%v) = %v", c, got)
		}
	}
}

// TestRuleInfo checks infoboxScratch.rule, which keeps a key's rule for
// each kind, against the mapping's LookupMatched on every key of the
// built-in mapping under every kind, twice (the second time from what
// was kept), with the fields that conditions read changing in between,
// and that every parser has its ID.
func TestRuleInfo(t *testing.T) {
	for p := range map[ontology.Parser]bool{ontology.ParseEntity: true, ontology.ParseEntities: true,
		ontology.ParsePlaces: true, ontology.ParseDateRange: true, ontology.ParseDate: true, ontology.ParseText: true,
		ontology.ParseNumber: true, ontology.ParseCasualties: true, ontology.ParseAlias: true, ontology.ParseIgnore: true} {
		if parserIDs[p] == parseOther {
			t.Errorf("parser %q has no ID", p)
		}
	}
	m := ontology.DefaultMapping()
	var keys []string
	for _, r := range m.Rules {
		keys = append(keys, r.Key.With(1), r.Key.With(2))
		if r.WhenValue != "" {
			keys = append(keys, r.When.With(1))
		}
	}
	keys = append(keys, "", "nokey")
	kinds := []*ontology.Kind{nil}
	for i := range m.Kinds {
		kinds = append(kinds, &m.Kinds[i])
	}
	sc := &infoboxScratch{known: map[string]*infoboxKey{}}
	sc.use(m)
	for round, values := range []map[string]string{
		{"subdivisiontype1": "Country", "subdivisiontype2": "Provinces"},
		{"subdivisiontype1": "Provinces", "subdivisiontype2": "Country"},
	} {
		field := func(nk string) (string, bool) { v, ok := values[nk]; return v, ok }
		for _, nk := range keys {
			k := sc.key(m, nk)
			for _, kind := range kinds {
				r, n := m.LookupMatched(k.match, kind, field)
				got := sc.rule(m, k, kind, field)
				if got != newRuleInfo(r, n) {
					t.Fatalf("round %d: rule(%q, %v) = %+v, want %+v", round, nk, kind, got, newRuleInfo(r, n))
				}
				if r == nil {
					continue
				}
				want := ruleInfo{rule: r, n: n, parser: parserIDs[r.Parser], kind: kindOf(r.Range), class: r.Range,
					light: lightRule(r), year: writesYear(r),
					side: n > 0 && r.Key.Numbered() && isSideParser(r.Parser)}
				if got != want {
					t.Fatalf("rule(%q, %v) = %+v, want %+v", nk, kind, got, want)
				}
			}
		}
	}
}

// TestRoleOf checks the roles belligerentNames reads fields by, which
// the keys' normalised forms give.
func TestRoleOf(t *testing.T) {
	for nk, want := range map[string]keyRole{
		"combatant": roleCombatant, "combatant1": roleCombatant, "combatant12": roleCombatant,
		"result": roleResult, "results": roleNone, "commander1": roleNone, "": roleNone, "combat": roleNone,
	} {
		if got := roleOf(nk); got != want {
			t.Errorf("roleOf(%q) = %d, want %d", nk, got, want)
		}
	}
	sc := &infoboxScratch{known: map[string]*infoboxKey{}}
	m := ontology.DefaultMapping()
	sc.use(m)
	for key, want := range map[string]keyRole{"Combatant 2": roleCombatant, "Result": roleResult, "Commander_1": roleNone} {
		if got := sc.key(m, key).role; got != want {
			t.Errorf("key(%q).role = %d, want %d", key, got, want)
		}
	}
}
