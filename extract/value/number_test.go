package value

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseNumberCorpus checks every Strength value of the corpus against
// the gold's strength facts (ok=false where the gold has none).
func TestParseNumberCorpus(t *testing.T) {
	tests := []struct {
		in       string
		value    int64
		min, max int64
		q        Qualifier
		unit     string
		ok       bool
	}{
		{"28,000 total, (23,000 Oda troops, plus 5,000 from Tokugawa Ieyasu)", 28000, 28000, 28000, Exact, "", true},
		{"18,000", 18000, 18000, 18000, Exact, "", true},
		{"In Ansi: ~5,000 (garrison), At Jupilsan: ~150,000 (reinforcements)", 0, 0, 0, 0, "", false},
		{"In Ansi: Unknown, At Jupilsan: ~30,000 soldiers", 0, 0, 0, 0, "", false},
		{"800 ships (Azuma Kagami) or 3,000 (The Tale of the Heike)", 800, 800, 3000, Range, "ships", true},
		{"500 ships (Azuma Kagami) or 1,000 (The Tale of the Heike)", 500, 500, 1000, Range, "ships", true},
		{"Hansando:, 36 large ships, 24 medium vessels, 13 small boats, Angolpo:, 42 ships", 0, 0, 0, 0, "", false},
		{"10,000, or , 13,000 Korean army", 10000, 10000, 13000, Range, "Korean army", true},
		{"20,000", 20000, 20000, 20000, Exact, "", true},
		{"20,000–30,000", 20000, 20000, 30000, Range, "", true},
		{"4,000–10,000", 4000, 4000, 10000, Range, "", true},
		{"15,000–20,000", 15000, 15000, 20000, Range, "", true},
		{"38,000–72,000", 38000, 38000, 72000, Range, "", true},
		{"130,000", 130000, 130000, 130000, Exact, "", true},
		{"Ningyuan: 20,000, Juehua Island: 7,000", 0, 0, 0, 0, "", false},
		{"300 ships , 500 ships (Korean sources)", 300, 300, 500, Range, "ships", true},
		{"Joseon: 85 warships, Ming: 65 warships, * 2 Panokseons, * 6 large junks, * 57 small junks", 0, 0, 0, 0, "", false},
		{"2 protected cruisers , 1 gunboat , 1 transport ship", 0, 0, 0, 0, "", false},
		{"50,000", 50000, 50000, 50000, Exact, "", true},
		// The gold gives o=800000 here; by its own convention (figures from
		// two sources make a range) this is 220,000–800,000, and Value
		// keeps the figure the infobox leads with.
		{"800,000 (Cao Cao's claim), 220,000–240,000 (Zhou Yu's estimate)", 800000, 220000, 800000, Range, "", true},
		{"2 ironclad battleships, 1 coastal battleship, 2 armoured cruisers, 3 protected cruisers, 1 composite cruiser, 2 light cruisers, 1 gunboat, 2 torpedo boats", 0, 0, 0, 0, "", false},
		{"7 protected cruisers, 1 belted cruiser, 2 ironclads, 1 gunboat, 1 transport ship", 0, 0, 0, 0, "", false},
		{"20,000, 3,000 Korean defectors", 0, 0, 0, 0, "", false},
		{"?", 0, 0, 0, 0, "", false},
		{"~10,000", 10000, 10000, 10000, Approximate, "", true},
		{"Joseon:–192,000 (including sailors and insurgent fighters)|300 ships Ming:| 2nd. (1597–98), 75,000–98,000 soldiers (including naval reinforcements)|Total: 166,700 Ming|192,000 Joseon", 0, 0, 0, 0, "", false},
		{"Japan (including labourers and sailors)| 700 transport ships| 300 warships| 2nd. (1597–98)| 1,000 ships (some armed with cannons)|Total:", 0, 0, 0, 0, "", false},
		{"100,000", 100000, 100000, 100000, Exact, "", true},
		{"80,000–90,000", 80000, 80000, 90000, Range, "", true},
		{"18,000 men", 18000, 18000, 18000, Exact, "men", true},
		{"2,500–3,000 men , total: 20,000 (including civilians and militia)", 20000, 20000, 20000, Exact, "", true},
		{"30,000", 30000, 30000, 30000, Exact, "", true},
		{"3,800 soldiers , 2,200+ irregulars, 170 muskets", 0, 0, 0, 0, "", false},
		{"~20,000", 20000, 20000, 20000, Approximate, "", true},
		{"10,000", 10000, 10000, 10000, Exact, "", true},
		{"15,000–30,000", 15000, 15000, 30000, Range, "", true},
		{"Ming , 43,000, 200+ cannons, Joseon, 10,000, 4,200 monks", 0, 0, 0, 0, "", false},
		{"24,500, 1 seaplane carrier, 5 battleships, 2 battlecruisers, 1 protected cruiser, 2 destroyers, 2 airplanes", 24500, 24500, 24500, Exact, "", true},
		{"3,750, 1 protected cruiser, 1 unprotected cruiser, 1 torpedo boat, 4 gunboats, 2 airplanes", 3750, 3750, 3750, Exact, "", true},
		// Forms from the brief.
		{"2,750+", 2750, 2750, 0, AtLeast, "", true},
		{"At least 5,000", 5000, 5000, 0, AtLeast, "", true},
		{"<1,000", 1000, 0, 1000, AtMost, "", true},
		{"less than 1,000", 1000, 0, 1000, AtMost, "", true},
		{"20,000 or 30,000", 20000, 20000, 30000, Range, "", true},
		{"6,000-7,000", 6000, 6000, 7000, Range, "", true},
		{"Total: 166,700", 166700, 166700, 166700, Exact, "", true},
		{"light", 0, 0, 0, 0, "", false},
		{"Unknown", 0, 0, 0, 0, "", false},
		{"", 0, 0, 0, 0, "", false},
		{"30,000–20,000", 0, 0, 0, 0, "", false},
		{"99999999999999999999", 0, 0, 0, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok := ParseNumber(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseNumber(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, n)
			}
			if !ok {
				return
			}
			if n.Value != tt.value || n.Min != tt.min || n.Max != tt.max || n.Qualifier != tt.q || n.Unit != tt.unit {
				t.Errorf("ParseNumber(%q) = %d [%d, %d] %v %q; want %d [%d, %d] %v %q",
					tt.in, n.Value, n.Min, n.Max, n.Qualifier, n.Unit, tt.value, tt.min, tt.max, tt.q, tt.unit)
			}
		})
	}
}

// TestParseStrength checks that a lone count of ships gives no strength, as
// in the gold, while ship alternatives still do.
func TestParseStrength(t *testing.T) {
	tests := []struct {
		in    string
		value int64
		ok    bool
	}{
		{"3 turtle ships", 0, false},
		{"3 protected cruisers", 0, false},
		{"300 ships , 500 ships (Korean sources)", 300, true},
		{"~20,000", 20000, true},
		{"18,000 men", 18000, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok := ParseStrength(tt.in)
			if ok != tt.ok || n.Value != tt.value {
				t.Errorf("ParseStrength(%q) = %d, %v; want %d, %v", tt.in, n.Value, ok, tt.value, tt.ok)
			}
		})
	}
}

type count struct {
	value int64
	q     Qualifier
	unit  string
}

// TestParseCountCorpus checks casualty values of the corpus.
func TestParseCountCorpus(t *testing.T) {
	tests := []struct {
		in   string
		want []count
	}{
		{"800 killed", []count{{800, Exact, "killed"}}},
		{"20,000+ killed , 36,800 surrendered", []count{{20000, AtLeast, "killed"}, {36800, Exact, "surrendered"}}},
		{"Unknown", nil},
		{"Annihilated", nil},
		{"light", nil},
		{"?|", nil},
		{"~100 ships", []count{{100, Approximate, "ships"}}},
		{"19 dead, 114 wounded |", []count{{19, Exact, "dead"}, {114, Exact, "wounded"}}},
		{"2,750+, Nurhaci is wounded and later dies", []count{{2750, AtLeast, ""}}},
		{"Juehua Island: 6,000-7,000", []count{{6000, Range, ""}}},
		{"200 ships sunk , 100 ships captured , 500 soldiers beheaded , 100+ soldiers captured , 13,000 soldiers killed , 200 ships",
			[]count{{200, Exact, "ships sunk"}, {100, Exact, "ships captured"}, {500, Exact, "soldiers beheaded"}, {100, AtLeast, "soldiers captured"}, {13000, Exact, "soldiers killed"}, {200, Exact, "ships"}}},
		{"500 soldiers and sailors , 1 Panokseon crippled|", []count{{500, Exact, "soldiers and sailors"}, {1, Exact, "Panokseon crippled"}}},
		{"380 killed and wounded 5 protected cruisers damaged, 1 ironclad damaged", []count{{380, Exact, "killed and wounded"}, {5, Exact, "protected cruisers damaged"}, {1, Exact, "ironclad damaged"}}},
		{"Joseon: | 157 shipsMing: 30,000+ killed", []count{{157, Exact, "ships"}, {30000, AtLeast, "killed"}}},
		{"3,000 killed , 500 POW , (Korean records) , , 5,000 killed , (Japanese records)", []count{{3000, Exact, "killed"}, {500, Exact, "POW"}, {5000, Exact, "killed"}}},
		{"less than 1,000 |", []count{{1000, AtMost, ""}}},
		{"1,300–1,700 killed in combat, 5,000 died from fires, 6,000 drowned", []count{{1300, Range, "killed in combat"}, {5000, Exact, "died from fires"}, {6000, Exact, "drowned"}}},
		{"Ming , 796 killed, 1,492 wounded , Joseon , 600+", []count{{796, Exact, "killed"}, {1492, Exact, "wounded"}, {600, AtLeast, ""}}},
		{"199 killed, 504 wounded, 3,047 captured, 1 protected cruiser scuttled", []count{{199, Exact, "killed"}, {504, Exact, "wounded"}, {3047, Exact, "captured"}, {1, Exact, "protected cruiser scuttled"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ParseCount(tt.in)
			checkCountOne(t, tt.in)
			if clean := ParseCleanCount(CleanText(tt.in)); !reflect.DeepEqual(clean, got) {
				t.Errorf("ParseCleanCount(CleanText(%q)) = %+v, ParseCount gives %+v", tt.in, clean, got)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("ParseCount(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i, w := range tt.want {
				if g := got[i]; g.Value != w.value || g.Qualifier != w.q || g.Unit != w.unit {
					t.Errorf("ParseCount(%q)[%d] = %d %v %q, want %d %v %q", tt.in, i, g.Value, g.Qualifier, g.Unit, w.value, w.q, w.unit)
				}
			}
		})
	}
}

// checkCountOne checks CleanCountOne against ParseCleanCount, on s cleaned
// and as it is, and trimUnit against strings.Trim.
func checkCountOne(t *testing.T, s string) {
	t.Helper()
	for _, text := range []string{CleanText(s), s} {
		counts := ParseCleanCount(text)
		got, ok := CleanCountOne(text)
		if ok != (len(counts) == 1) || ok && got != counts[0].Value {
			t.Fatalf("CleanCountOne(%q) = %d, %v; ParseCleanCount gives %+v", text, got, ok, counts)
		}
	}
	for _, u := range []string{s, " , " + s + "–", "—" + s + ".–-"} {
		if got, want := trimUnit(u), strings.Trim(u, " ,;:.–—-"); got != want {
			t.Fatalf("trimUnit(%q) = %q, want %q", u, got, want)
		}
	}
}
