package value

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitClausesBuilder is splitClauses as it was written with
// strings.Builder, kept as the oracle of the byte-buffer version.
func splitClausesBuilder(s string) []clause {
	var out []clause
	var cur clause
	var text, note strings.Builder
	depth := 0
	flush := func(alt bool) {
		cur.text = strings.TrimSpace(text.String())
		out = append(out, cur)
		cur = clause{alt: alt}
		text.Reset()
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				note.Reset()
				text.WriteByte(' ')
			} else {
				note.WriteRune(r)
			}
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					cur.notes = append(cur.notes, strings.TrimSpace(note.String()))
				} else {
					note.WriteRune(r)
				}
			}
		case depth > 0:
			note.WriteRune(r)
		case r == ',' && thousandsComma(s, i):
			text.WriteRune(r)
		case r == ',' || r == ';' || r == '|':
			flush(false)
		case r == 'o' && wordAt(s, i, "or"):
			flush(true)
			size = 2
		case r == 'p' && wordAt(s, i, "plus"):
			flush(false)
			size = 4
		default:
			text.WriteRune(r)
		}
		i += size
	}
	flush(false)
	return out
}

// clauseCases exercise splitClauses: words starting with "o" and "p"
// after ASCII, other runes, punctuation, digits and "_", brackets.
var clauseCases = []string{
	"13,000 (est.) or 20,000; plus 300 ships", "(a (b) c) | d", "x\xffy (\xfe)", "18,000–20,000 (Japanese: 15,000)", "ab or cd plus", "",
	"or", "plus", "o", "p", "op", "xor", "xplus", "1or", "1plus", "_or", "_plus", "-or", "-plus", " or ", ".or", "éor", "éplus", "\xffor",
	"or1", "orx", "plusx", "pluso", "ore or ors", "plus plus", "(or) (plus) [x or y]", "(a or b, c) or d", "oo or pp plus",
	"5,000 soldiers or 6,000,0000", "12,345,678 men plus 3 ships", "a,b;c|d", "((x)", "x))", "[a(b]c)", "Ōtomo or Shimazu",
}

// TestSplitClausesOracle checks splitClauses against splitClausesBuilder
// on clauseCases, the fuzz seeds and strings put together from pieces.
func TestSplitClausesOracle(t *testing.T) {
	check := func(s string) {
		want := splitClausesBuilder(s)
		if got := splitClauses(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitClauses(%q) = %#v, want %#v", s, got, want)
		}
		if got := appendClausesRunes(nil, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("appendClausesRunes(%q) = %#v, want %#v", s, got, want)
		}
	}
	for _, s := range append(append([]string(nil), clauseCases...), fuzzSeeds...) {
		check(s)
	}
	pieces := []string{"or", "plus", "o", "p", "x", "1", ",", ",000", ";", "|", "(", ")", "[", "]", " ", "_", "é", "\xff", "ships"}
	eachConcat(pieces, 4, check)
}

// FuzzSplitClausesOracle checks splitClauses against splitClausesBuilder.
func FuzzSplitClausesOracle(f *testing.F) {
	for _, s := range []string{"13,000 (est.) or 20,000; plus 300 ships", "(a (b) c) | d", "x\xffy (\xfe)", "18,000–20,000 (Japanese: 15,000)", "ab or cd plus", ""} {
		f.Add(s)
	}
	for _, s := range clauseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := splitClauses(s), splitClausesBuilder(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitClauses(%q) = %#v, want %#v", s, got, want)
		}
	})
}

// FuzzSourceNoteOracle checks isSourceNote against the expression it
// stands for.
func FuzzSourceNoteOracle(f *testing.F) {
	for _, s := range []string{"Korean sources", "CLAIMED", "est.", "according to Yu", "ſource", "Chronicle", "histories", "records", "\u212Aorean", "조선 sources", "(朝鮮 records)", "ſource 朝", "朝鮮", "é\u212aſ histor", "sourc", "a", "xxHISTORx", "the report", "Estimat", "ac count", "[SOURCE]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isSourceNote(s), reSourceNote.MatchString(s); got != want {
			t.Errorf("isSourceNote(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzGluedLabelsOracle checks separateGluedLabels against the expression
// it stands for.
func FuzzGluedLabelsOracle(f *testing.F) {
	for _, s := range []string{"Joseon: 157 shipsMing: 30,000+ killed", "aBcD:", "aBc dE:", "xÉcole:", "éÀ\u0301b:", "a\xffB:", "aB:cD:eF", "Ming:", "aB", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := separateGluedLabels(s), reGluedLabel.ReplaceAllString(s, "$1, $2"); got != want {
			t.Errorf("separateGluedLabels(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestGluedLabelsOracle checks separateGluedLabels and
// separateGluedLabelsRunes against the expression they stand for, on
// strings put together from pieces: ASCII runs, which separateGluedLabels
// reads from their colon back, and other runes next to them, which send it
// to separateGluedLabelsRunes.
func TestGluedLabelsOracle(t *testing.T) {
	check := func(s string) {
		want := reGluedLabel.ReplaceAllString(s, "$1, $2")
		if got := separateGluedLabels(s); got != want {
			t.Fatalf("separateGluedLabels(%q) = %q, want %q", s, got, want)
		}
		if got := separateGluedLabelsRunes(s); got != want {
			t.Fatalf("separateGluedLabelsRunes(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Joseon: 157 shipsMing: 30,000+ killed", "aBcD:", "aBc dE:", "xÉcole:", "éÀ\u0301b:", "a\xffB:", "aB:cD:eF", "Ming:", "aB", "", "shipsMing: 1, menJoseon: 2", "éB:", "aBÀ:", "a1B:"} {
		check(s)
	}
	pieces := []string{"a", "B", "c", "D", ":", " ", "é", "É", "\u0301", "\xff", "1"}
	eachConcat(pieces, 5, check)
}

// TestUnitClass checks unitClass, which reads ASCII units on its own,
// and unitClassRunes, which it calls for other units.
func TestUnitClass(t *testing.T) {
	for _, c := range []struct {
		unit string
		want int
	}{
		{"", classPersonnel},
		{"ships", classMateriel},
		{"SHIPS", classMateriel},
		{"Turtle Ships", classMateriel},
		{"soldiers killed", classPersonnel},
		{"men, 3 ships", classMateriel},
		{"Ming", classOther},
		{"samurais", classPersonnel},
		{"s", classOther},
		{"battlecruisers", classMateriel},
		{"supercalifragilisticexpialidocious ships", classMateriel},
		{"men é", classPersonnel},
		{"éships", classOther},
		{"shipsé men", classPersonnel},
		{"ſhips", classOther},
		{"\u212aorean men", classPersonnel},
		{"soldiers\xffships", classMateriel},
		{"ARMIES", classPersonnel},
		{"levies", classPersonnel},
		{"gun-boats", classMateriel},
	} {
		if got := unitClass(c.unit); got != c.want {
			t.Errorf("unitClass(%q) = %d, want %d", c.unit, got, c.want)
		}
		if got := unitClassRunes(c.unit); c.unit != "" && got != c.want {
			t.Errorf("unitClassRunes(%q) = %d, want %d", c.unit, got, c.want)
		}
	}
}

// TestTrimClauseBullets checks trimClauseBullets against strings.TrimLeft.
func TestTrimClauseBullets(t *testing.T) {
	for _, s := range []string{"", "x", "* a", "•• b", "· c", " *•· d", "\xe2x", "\xc2", "– e", "é"} {
		if got, want := trimClauseBullets(s), strings.TrimLeft(s, "*•· "); got != want {
			t.Errorf("trimClauseBullets(%q) = %q, want %q", s, got, want)
		}
	}
}
