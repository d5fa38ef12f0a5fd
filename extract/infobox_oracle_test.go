package extract

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// placeDescriptorCases are names that placeDescriptor changes or nearly
// does.
var placeDescriptorCases = []string{
	"off the coast of Namhae Island", "Near Seoul", "northeast of Kaesong", "NorthWest of X", "ſouth of X", "Seoul", "eastwestern X",
	"around\tX", "outside", "OFF  X", "South Korea", "South of", "South of ", "South  OF\tX", "South ofX", "south  X of Y",
	"west  of", "West\nOf\nX", "Westof X", "north east of X", "sOuth of X", "eaſt of X", "Eastern X", "", "o", "n X", "é of X",
	"near near X", "off the coast X", "off the coast of", "west of east of X", "Northeast of", "northwestern of X",
}

func checkPlaceDescriptorFilter(t *testing.T, s string) {
	t.Helper()
	if !mayDescribePlace(s) && placeDescriptor.ReplaceAllString(s, "") != s {
		t.Fatalf("mayDescribePlace(%q) = false, but placeDescriptor removes %q", s, placeDescriptor.FindString(s))
	}
}

// TestPlaceDescriptorFilter checks mayDescribePlace on placeDescriptorCases
// and on every string of up to four pieces.
func TestPlaceDescriptorFilter(t *testing.T) {
	for _, s := range placeDescriptorCases {
		checkPlaceDescriptorFilter(t, s)
	}
	if mayDescribePlace("South Korea") {
		t.Errorf("mayDescribePlace(%q) = true, want false", "South Korea")
	}
	pieces := []string{"north", "South", "east", "west", "ſ", "of", "OF", "off", "near", "the coast", " ", "\t", "X", "o", "f"}
	eachConcat(pieces, 5, func(s string) { checkPlaceDescriptorFilter(t, s) })
}

// FuzzPlaceDescriptorFilter checks that mayDescribePlace never rules out a
// name that placeDescriptor would change.
func FuzzPlaceDescriptorFilter(f *testing.F) {
	for _, s := range placeDescriptorCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlaceDescriptorFilter(t, s)
	})
}

// oracleIsLatinName is isLatinName as it was written first, rune by rune.
func oracleIsLatinName(s string) bool {
	first := true
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		}
	}
	return !first
}

// latinNameCases exercise the ASCII fast path of isLatinName, its blocks
// of eight bytes and the runes after them.
var latinNameCases = []string{
	"", "A", "a", " ", "Z", "@", "[", "Seonjo", "seonjo", "Toyotomi Hideyoshi", "Toyotomi Hideyoshi 豊臣", "Yi Sun-sin",
	"Émile", "émile", "Ōtomo Sōrin", "Abcdefgh", "Abcdefghé", "Abcdefghi선조", "Abcdefg선", "Abcdefgh선", "선조", "Kim 선조",
	"Ab\xff", "\xffAb", "Abcdefgh\xff", "ǅemal", "ΣΑΣ", "Aσ", "Abcdefghijklmnop", "Abcdefghijklmnopq",
	"Abcdefghijklmnopé", "A\u0301", "Abcdefgh\u0301",
}

// TestIsLatinName checks isLatinName against oracleIsLatinName on
// latinNameCases and on every string of up to four pieces.
func TestIsLatinName(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := isLatinName(s), oracleIsLatinName(s); got != want {
			t.Fatalf("isLatinName(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range latinNameCases {
		check(s)
	}
	pieces := []string{"A", "b", "Abcdefg", "é", "É", "선", "σ", "Σ", " ", "\xff", "-", "\u0301"}
	eachConcat(pieces, 4, check)
}

// FuzzIsLatinName checks isLatinName against oracleIsLatinName.
func FuzzIsLatinName(f *testing.F) {
	for _, s := range latinNameCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isLatinName(s), oracleIsLatinName(s); got != want {
			t.Fatalf("isLatinName(%q) = %v, want %v", s, got, want)
		}
	})
}

// The expressions joinPlaces and partAfterScript stand for.
var (
	placeJoiners     = regexp.MustCompile(`\s+near\s+|\s*\((?:now|today|present-day|modern)[ ,:]+([^()]*)\)?`)
	placeAfterScript = regexp.MustCompile(`\s*\([^()A-Za-z]*\)\s+(\p{Lu})`)
)

// checkPlaceSplitters compares joinPlaces and partAfterScript with the
// expressions on s.
func checkPlaceSplitters(t *testing.T, s string) {
	t.Helper()
	if got, want := joinPlaces(s), placeJoiners.ReplaceAllString(s, ", $1"); got != want {
		t.Fatalf("joinPlaces(%q) = %q, want %q", s, got, want)
	}
	if got, want := partAfterScript(s), placeAfterScript.ReplaceAllString(s, ", $1"); got != want {
		t.Fatalf("partAfterScript(%q) = %q, want %q", s, got, want)
	}
}

// placeSplitterCases exercise each branch of joinPlaces and
// partAfterScript.
var placeSplitterCases = []string{
	"", " ", "(", ")", "()", "Ane River near Lake Biwa", "Ane River  near\tLake Biwa", "near Lake Biwa", " near Biwa", "A near", "A near ",
	"A nearby B", "A Near B", "A near near B", "A near  near B", "Anear B", "A\nnear\nB", "A\vnear B",
	"Tokugawa shogunate (now Japan)", "Tokugawa shogunate(now Japan)", "X  (now Japan", "X (now Japan) Y", "X (nowhere)", "X (now)",
	"X (now,Japan)", "X (now: Japan)", "X (today , Japan)", "X (present-day Japan)", "X (present day Japan)", "X (modern Kyoto, Japan)",
	"X (now Japan (Honshu))", "X (now (Japan))", "X (now Japan (now Honshu))", "(now A)(now B)", "X (now  )", "X (Now Japan)",
	"X (today\tJapan)", "X (now\nJapan)", "X (now Ja\npan) near Y", "X near (now Y)", "X (now Y) near Z",
	"Fukakusa no kita no Misasagi (深草北陵) Kyoto", "Misasagi (深草北陵)Kyoto", "Misasagi (深草北陵) kyoto", "Misasagi(深草北陵) Kyoto",
	"(1) (深) Kyoto", "(a)(深) K", "(深) Émile", "(深) \xff", "(深)  \tǅ", "(深) ǅ", "A (深 (草) B", "A ((深) B", "A (深) (草) B", "A (深) B (草) C",
	"A () B", "A ( ) B", "A (1592) Busan", "A (深) 1", "A (深)", "A (深) ", "A (深)  ", "A\t(深)\tB", "A (\xff) B", "A (é) B",
}

// placeSplitterPieces are what the expressions look for, for strings to be
// put together from.
var placeSplitterPieces = []string{
	"(", ")", " ", "\t", "near", "Near", "now", "today", "present-day", "modern", ",", ":", "深草", "a", "K", "é", "É", "1592", "(now ", "\xff",
}

// TestPlaceSplitters checks joinPlaces and partAfterScript against the
// expressions on placeSplitterCases, on every string of up to four
// pieces and on random strings of more.
func TestPlaceSplitters(t *testing.T) {
	for _, s := range placeSplitterCases {
		checkPlaceSplitters(t, s)
	}
	eachConcat(placeSplitterPieces, 4, func(s string) { checkPlaceSplitters(t, s) })
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		b.Reset()
		for k := rng.Intn(16); k >= 0; k-- {
			b.WriteString(placeSplitterPieces[rng.Intn(len(placeSplitterPieces))])
		}
		checkPlaceSplitters(t, b.String())
	}
}

// FuzzPlaceSplitters checks joinPlaces and partAfterScript against the
// expressions.
func FuzzPlaceSplitters(f *testing.F) {
	for _, s := range placeSplitterCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlaceSplitters(t, s)
	})
}

// oracleIndexWordFold is indexWordFold without its first-byte test.
func oracleIndexWordFold(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) &&
			(i == 0 || !isWordByte(s[i-1])) && (i+len(w) == len(s) || !isWordByte(s[i+len(w)])) {
			return i
		}
	}
	return -1
}

// TestIndexWordFold checks indexWordFold against oracleIndexWordFold on
// results and on every string of up to four pieces, for words it tests
// by their first byte and words it does not.
func TestIndexWordFold(t *testing.T) {
	pieces := []string{"victory", "VICTORY", "Victor", "y", " ", "x", "é", "\u212a", "ſ", "kin", "Kin", "sun", "\xff", "-"}
	words := []string{"victory", "kin", "sun", "y"}
	check := func(s string) {
		t.Helper()
		for _, w := range words {
			if got, want := indexWordFold(s, w), oracleIndexWordFold(s, w); got != want {
				t.Fatalf("indexWordFold(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
	}
	for _, s := range []string{"Decisive Joseon and Ming victory", "Victory for Oda Nobunaga", "victorys", "Pyrrhic VICTORY.", "\u212ain", "ſun"} {
		check(s)
	}
	eachConcat(pieces, 4, check)
}
