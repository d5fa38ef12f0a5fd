package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/internal/gold"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// leadArticle returns an article titled title whose lead is lead.
func leadArticle(t testing.TB, title, lead string) *extract.Article {
	t.Helper()
	r := extract.NewReader(strings.NewReader("= " + title + " =\n\n" + lead + "\n\n== History ==\nIt was.\n"))
	a, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestClassFromLead(t *testing.T) {
	tests := []struct {
		title, lead string
		want        rdf.Term
	}{
		{"Uwajima Ushi-oni Festival", " is a festival and purification event held annually July 22–24 in Uwajima, Ehime Prefecture, Japan.", ontology.Event},
		{"Kwak Chaeu", "Kwak Chaeu (; 1552–1617) was a Korean military general from Uiryeong. He was called the Red Robe General.", ontology.Person},
		{"Saionji Kinmochi", "Prince Saionji Kinmochi (西園寺 公望; 7 December 1849 – 24 November 1940) was a Japanese statesman and diplomat who twice served as Prime Minister.", ontology.Person},
		{"Imjin River", "The Imjin River (; South Korean spelling) or Rimjin (; North Korean spelling) is the seventh-largest river in Korea.", ontology.Place},
		{"Imjin War", "The Imjin War () was a series of two Japanese invasions of Korea: an initial invasion in 1592.", ontology.MilitaryConflict},
		{"Hamgyong campaign", "The Hamgyong campaign, also known as Katō Kiyomasa's northern campaign, was Kiyomasa's invasion of Hamgyeong Province.", ontology.MilitaryConflict},
		{"Siege of Pyongyang (1593)", "The siege of Pyongyang was a military conflict fought between the allied Ming-Joseon army and the Japanese First Division.", ontology.MilitaryConflict},
		{"Battle of Itsukushima", "The 1555 ' was the only battle to be fought on the sacred island of Miyajima.", ontology.MilitaryConflict},
		{"Siege of Jinju (1592)", "The first siege of Jinju was one of the major land battles during the Imjin War.", ontology.MilitaryConflict},
		{"Shimanto", "Shimanto is a city located in Kōchi Prefecture, Japan.", ontology.Place},
		{"Oda clan", "The Oda clan was a family of Japanese daimyōs.", rdf.Term{}},
		{"Saionji clan", "The Saionji clan was a samurai clan of Iyo Province.", ontology.Force},
		{"Beiyang Fleet", "The Beiyang Fleet was one of the four modernised Chinese navies in the late Qing dynasty.", ontology.Force},
		{"Yi Sun-sin", "Yi Sun-sin was a Korean admiral and military general.", ontology.Person},
		{"Go-Yōzei", "Emperor Go-Yōzei was the 107th Emperor of Japan.", ontology.Person},
		{"Enomoto Takeaki", "Viscount was a Japanese samurai and admiral of the Tokugawa navy.", ontology.Person},
		{"Yŏn Kaesomun", "Yŏn Kaesomun (; 594–666) was a powerful military dictator in the waning days of the Goguryeo kingdom.", ontology.Person},
		{"Battle of the Yalu River (1894)", "The Battle of the Yalu River (; 黄海海戦; ) was the largest naval engagement of the First Sino-Japanese War.", ontology.MilitaryConflict},
		// What names no contract class, or is not a definition, gives none.
		{"Japanese cruiser Yoshino", " was a protected cruiser of the Imperial Japanese Navy.", rdf.Term{}},
		{"Mikasa", "Mikasa is a battle cruiser of the Imperial Japanese Navy.", rdf.Term{}},
		{"Nagashino memorial", "The Nagashino memorial is a war memorial in Shinshiro.", rdf.Term{}},
		{"South Korean general election", "The South Korean general election was a general election held in 1948.", ontology.Event},
		{"Siege of Sacheon", "The first siege of Sacheon was a siege.", ontology.MilitaryConflict},
		{"Battle of Sacheon", "The siege of Jinju was a siege.", rdf.Term{}},
		{"Siege of Pyongyang (1592)", "The siege of Pyongyang was part of the Japanese invasions of Korea.", rdf.Term{}},
		{"Battle of Noryang", "The Battle of Noryang, the last major battle of the Japanese invasions of Korea, was fought between the Japanese navy and the Joseon navy.", rdf.Term{}},
		{"Battle of Anegawa", "The Sengoku period (30 July 1570) occurred near Lake Biwa, which was a lake.", rdf.Term{}},
		{"Sengoku", "In 1592 Japan was a unified country.", rdf.Term{}},
		{"Katō Kiyomasa", "His father was a samurai of Owari.", rdf.Term{}},
		{"Konishi Yukinaga", "Toyotomi Hideyoshi was a daimyo who unified Japan.", rdf.Term{}},
		{"Seven Samurai", "Seven Samurai is a 1954 Japanese film.", rdf.Term{}},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := extract.ClassFromLead(leadArticle(t, tt.title, tt.lead)); got != tt.want {
				t.Errorf("ClassFromLead(%q) = %v, want %v", tt.lead, got, tt.want)
			}
		})
	}
}

// TestClassFromLeadGold types every corpus article from its lead alone,
// whatever its infobox says, and checks each class against the gold's type
// of the article's subject: the lead must never contradict it.
func TestClassFromLeadGold(t *testing.T) {
	want := map[rdf.Term]string{
		ontology.Person: "Person", ontology.Place: "Place", ontology.Force: "Force",
		ontology.Event: "Event", ontology.MilitaryConflict: "MilitaryConflict",
	}
	typed := 0
	for _, p := range goldPairs(t) {
		g, err := gold.Load(p.gold)
		if err != nil {
			t.Fatal(err)
		}
		a := readArticles(t, p.article)[0]
		c := extract.ClassFromLead(a)
		if c.IsZero() {
			continue
		}
		typed++
		if want[c] != g.About.Type {
			t.Errorf("%s: lead gives %v, gold says %s", p.article, c, g.About.Type)
		}
	}
	t.Logf("%d of %d articles typed from their lead", typed, len(goldPairs(t)))
	if typed < 15 {
		t.Errorf("only %d articles typed from their lead, want at least 15", typed)
	}
}

func ExampleClassFromLead() {
	r := extract.NewReader(strings.NewReader("= Kwak Chaeu =\n\nKwak Chaeu (; 1552–1617) was a Korean military general from Uiryeong.\n"))
	a, _ := r.Next()
	fmt.Println(extract.ClassFromLead(a))
	// Output: <https://w3id.org/wikikg/ontology#Person>
}

// TestPipelineLeadClass checks that the lead types a subject that neither
// its infobox nor its title types, and only such a subject.
func TestPipelineLeadClass(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  rdf.Term
	}{
		{"no infobox", "= Uwajima Ushi-oni Festival =\n\n is a festival held annually in Uwajima, Japan.\n",
			ontology.Event, rdf.Term{}},
		{"infobox wins", "= Kwak Chaeu =\n\nInfobox\n- Birth Date: 1552\n- Death Date: 1617\n- Birth Place: Uiryeong\n\nKwak Chaeu was a city in Korea.\n",
			ontology.Person, ontology.Place},
		{"title wins", "= Battle of Sacheon =\n\nSacheon was a town in Korea.\n",
			ontology.MilitaryConflict, ontology.Place},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			classes := subjectObjects(t, tt.text, ontology.Type)
			if !classes[tt.want] || classes[tt.not] {
				t.Errorf("subject typed %v, want %v and not %v", classes, tt.want, tt.not)
			}
		})
	}
}

// TestLeadSubjectShortName checks that a subject typed by its lead is
// known by its name's parts in the prose, as one typed by its infobox is:
// "Kwak" is Kwak Chaeu, and an alias of his.
func TestLeadSubjectShortName(t *testing.T) {
	aliases := subjectObjects(t, "= Kwak Chaeu =\n\nKwak Chaeu (; 1552–1617) was a Korean military general.\n\nKwak was a yangban.\n", ontology.AltLabel)
	if !aliases[rdf.LangString("Kwak", "en")] {
		t.Errorf("Kwak Chaeu has aliases %v, want Kwak among them", aliases)
	}
}

// subjectObjects extracts the one article text holds and returns the
// objects of its subject's triples with predicate p.
func subjectObjects(t *testing.T, text string, p rdf.Term) map[rdf.Term]bool {
	t.Helper()
	a, err := extract.NewReader(strings.NewReader(text)).Next()
	if err != nil {
		t.Fatal(err)
	}
	g, err := extract.NewPipeline("", nil).Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	subject := ontology.EntityIRI("", a.Title)
	objects := map[rdf.Term]bool{}
	for _, tr := range g.Triples() {
		if tr.S == subject && tr.P == p {
			objects[tr.O] = true
		}
	}
	return objects
}
