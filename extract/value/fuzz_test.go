package value

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// fuzzSeeds are real corpus values, so the fuzzer starts from the shapes
// the parsers meet.
var fuzzSeeds = []string{
	"19 July 1592 – 24 July 1592",
	"16 December 1598 (Gregorian Calendar) , Keichō 3, 19th day of 11 month (Lunar calendar)",
	") (Gregorian calendar);|1592 (Wanli 20, Bunroku 1), 13th day of the 4th month – 1598 (Wanli 26, Keichō 3), 19th day of the 11th month (lunar calendar)",
	"20 June – 18 September 645 CE", "Winter, 208 AD", "209–208 BC", "July 6, 1571 (aged 74)",
	"1597–98", "c. 1555", "1554-01-30", "6 March 1608 – 12 April 1623 | reign-type = Reign",
	"28,000 total, (23,000 Oda troops, plus 5,000 from Tokugawa Ieyasu)",
	"800 ships (Azuma Kagami) or 3,000 (The Tale of the Heike)",
	"2,500–3,000 men , total: 20,000 (including civilians and militia)",
	"Joseon:–192,000 (including sailors and insurgent fighters)|300 ships Ming:| 2nd. (1597–98), 75,000–98,000 soldiers|Total: 166,700 Ming|192,000 Joseon",
	"24,500, 1 seaplane carrier, 5 battleships", "less than 1,000 |", "Joseon: | 157 shipsMing: 30,000+ killed",
	"Main:, Konishi Yukinaga , Reinforcement:, Shimazu Yoshihiro",
	"Emperor AntokuKIA, KIA, (exiled), , Taira no KagekiyoPOW",
	"Minamoto no Noriyori (land), , (naval)", "20px Toyotomi Japan", "KurodaK kao.png", "| cor-type =",
	"Ming , Li Rusong , Joseon , Yi Il", "?", "",
}

func FuzzParseDateRange(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start, end, ok := ParseDateRange(s)
		if !ok {
			if !start.IsZero() || !end.IsZero() {
				t.Fatalf("ParseDateRange(%q) failed but returned %v, %v", s, start, end)
			}
			return
		}
		if start.IsZero() {
			t.Fatalf("ParseDateRange(%q) ok with zero start", s)
		}
		for _, d := range []Date{start, end} {
			if d.IsZero() {
				continue
			}
			if !rdf.ValidLexical(d.Lexical(), d.Datatype()) {
				t.Fatalf("ParseDateRange(%q) gave %q, not a valid %s", s, d.Lexical(), d.Datatype())
			}
		}
		if !end.IsZero() && start.after(end) {
			t.Fatalf("ParseDateRange(%q) runs backwards: %v – %v", s, start, end)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(n Number) {
			if n.Value < 0 || n.Min < 0 || n.Max < 0 {
				t.Fatalf("%q: negative figure %+v", s, n)
			}
			switch n.Qualifier {
			case Exact, Approximate:
				if n.Min != n.Value || n.Max != n.Value {
					t.Fatalf("%q: inconsistent %+v", s, n)
				}
			case AtLeast:
				if n.Min != n.Value || n.Max != 0 {
					t.Fatalf("%q: inconsistent %+v", s, n)
				}
			case AtMost:
				if n.Max != n.Value || n.Min != 0 {
					t.Fatalf("%q: inconsistent %+v", s, n)
				}
			case Range:
				if n.Min >= n.Max || n.Value < n.Min || n.Value > n.Max {
					t.Fatalf("%q: inconsistent %+v", s, n)
				}
			default:
				t.Fatalf("%q: unknown qualifier %+v", s, n)
			}
			if !utf8.ValidString(n.Unit) || !utf8.ValidString(n.Text) {
				t.Fatalf("%q: invalid UTF-8 in %+v", s, n)
			}
		}
		if n, ok := ParseNumber(s); ok {
			check(n)
		}
		if n, ok := ParseStrength(s); ok {
			check(n)
		}
		for _, n := range ParseCount(s) {
			check(n)
		}
		checkCountOne(t, s)
		if s != "" {
			if got, want := unitClass(s), unitClassRunes(s); got != want {
				t.Fatalf("unitClass(%q) = %d, unitClassRunes gives %d", s, got, want)
			}
		}
		if got, want := trimClauseBullets(s), strings.TrimLeft(s, "*•· "); got != want {
			t.Fatalf("trimClauseBullets(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzSplitEntities(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "Ming dynasty")
	}
	f.Fuzz(func(t *testing.T, s, group string) {
		for _, it := range SplitEntitiesGrouped(s, []string{group, "Joseon"}) {
			if it.Name == "" || !utf8.ValidString(it.Name) || it.Name != strings.TrimSpace(it.Name) {
				t.Fatalf("SplitEntitiesGrouped(%q) gave bad item %+v", s, it)
			}
		}
		checkAppendEntitiesClean(t, s, []string{group, "Joseon"})
	})
}

func FuzzCleanName(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, _, ok := CleanNameFlags(s)
		if ok != (name != "") {
			t.Fatalf("CleanNameFlags(%q) = %q, %v", s, name, ok)
		}
		if ok && (!utf8.ValidString(name) || name != strings.TrimSpace(name) || strings.Contains(name, "  ")) {
			t.Fatalf("CleanNameFlags(%q) = %q: not clean", s, name)
		}
		if txt := CleanText(s); !utf8.ValidString(txt) || txt != strings.TrimSpace(txt) {
			t.Fatalf("CleanText(%q) = %q: not clean", s, txt)
		}
	})
}
