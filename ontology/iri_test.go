package ontology

import (
	"cmp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

func TestEntityIRI(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"Konishi Yukinaga", "https://w3id.org/wikikg/resource/Konishi_Yukinaga"},
		{"Siege of Pyongyang (1592)", "https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)"},
		{"  Kim   Myŏngwŏn ", "https://w3id.org/wikikg/resource/Kim_Myŏngwŏn"},
		{"japanese invasions of Korea (1592–1598)", "https://w3id.org/wikikg/resource/Japanese_invasions_of_Korea_(1592–1598)"},
		{"100% Pure", "https://w3id.org/wikikg/resource/100%25_Pure"},
		{"AC/DC", "https://w3id.org/wikikg/resource/AC%2FDC"},
		{"What? #1", "https://w3id.org/wikikg/resource/What%3F_%231"},
		{`x" . <http://evil> <p> "y`, "https://w3id.org/wikikg/resource/X%22_._%3Chttp:%2F%2Fevil%3E_%3Cp%3E_%22y"},
		{"Uwajima, Ehime", "https://w3id.org/wikikg/resource/Uwajima,_Ehime"},
		// Years ranges take an en dash, as titles write them; other
		// hyphens stay.
		{"Japanese invasions of Korea (1592-1598)", "https://w3id.org/wikikg/resource/Japanese_invasions_of_Korea_(1592–1598)"},
		{"Siege of Yoshida-Kōriyama Castle (1540-1541)", "https://w3id.org/wikikg/resource/Siege_of_Yoshida-Kōriyama_Castle_(1540–1541)"},
		{"War of 1540-41 and 1600-1601", "https://w3id.org/wikikg/resource/War_of_1540–41_and_1600–1601"},
		{"1592-1598", "https://w3id.org/wikikg/resource/1592–1598"},
		{"T-34-85", "https://w3id.org/wikikg/resource/T-34-85"},
		{"Route 12-34", "https://w3id.org/wikikg/resource/Route_12-34"},
		{"A1592-1598", "https://w3id.org/wikikg/resource/A1592-1598"},
		{"1592-15985", "https://w3id.org/wikikg/resource/1592-15985"},
		{"1592-159", "https://w3id.org/wikikg/resource/1592-159"},
		{"Yi Sun-sin", "https://w3id.org/wikikg/resource/Yi_Sun-sin"},
		{"Kin'ito", "https://w3id.org/wikikg/resource/Kin'ito"},
		{"a\u2028b", "https://w3id.org/wikikg/resource/A_b"},
		{"ǆemal", "https://w3id.org/wikikg/resource/Ǆemal"},
		{"---", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EntityIRI("", tt.name)
			if got.Value != tt.want {
				t.Errorf("EntityIRI(%q) = %q, want %q", tt.name, got.Value, tt.want)
			}
			if !got.IsZero() {
				if err := got.Validate(); err != nil {
					t.Errorf("invalid IRI %q: %v", got.Value, err)
				}
			}
		})
	}
}

// TestArticleIRI checks that ArticleIRI is EntityIRI with the fragment
// #article, for names minted the short way and the long way.
func TestArticleIRI(t *testing.T) {
	for _, title := range []string{"Battle of Sekigahara", "Kim Myŏngwŏn", "yi Sun", "AC/DC", "War (1592-1598)", "\xff", "---", ""} {
		for _, base := range []string{"", "http://x.test/r/"} {
			want := rdf.Term{}
			if e := EntityIRI(base, title); !e.IsZero() {
				want = rdf.IRI(e.Value + "#article")
			}
			if got := ArticleIRI(base, title); got != want {
				t.Errorf("ArticleIRI(%q, %q) = %v, want %v", base, title, got, want)
			}
		}
	}
}

func TestKeyProperty(t *testing.T) {
	tests := map[string]string{
		"Commander1":      PropertyNS + "commander1",
		"Birth Place":     PropertyNS + "birthPlace",
		"Empress (Chūgū)": PropertyNS + "empressChūgū",
		"Basin Size Km2":  PropertyNS + "basinSizeKm2",
		"| x = ":          PropertyNS + "x",
		"::":              "",
	}
	for key, want := range tests {
		if got := KeyProperty(key); got.Value != want {
			t.Errorf("KeyProperty(%q) = %q, want %q", key, got.Value, want)
		}
	}
}

// FuzzEntityIRI checks that any name mints a valid IRI or none, and that
// minting is a function of the canonical name.
func FuzzEntityIRI(f *testing.F) {
	for _, s := range []string{"Siege of Pyongyang (1592)", "100%", "a b", "\xff", "<>", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		iri := EntityIRI("", name)
		if iri.IsZero() {
			return
		}
		if err := (rdf.Quad{S: iri, P: Label, O: rdf.String("x")}).Validate(); err != nil {
			t.Fatalf("EntityIRI(%q) = %q: %v", name, iri.Value, err)
		}
		if again := EntityIRI("", CanonicalName(name)); again != iri {
			t.Fatalf("not idempotent: %q then %q", iri.Value, again.Value)
		}
		if a := ArticleIRI("", name); a.Value != iri.Value+"#article" {
			t.Fatalf("ArticleIRI(%q) = %q, want %q#article", name, a.Value, iri.Value)
		}
	})
}

// FuzzCanonicalFastPath checks that CanonicalName's shortcut, which
// returns a name unchanged when isCanonical says it is canonical, agrees
// with building the canonical name.
func FuzzCanonicalFastPath(f *testing.F) {
	for _, s := range []string{"", "Yi Sun-sin", "yi", " Yi", "Yi ", "Yi  Il", "Yi_Il", "Ŏ", "ŏ", "Kim Myŏngwŏn", "Siege of Pyongyang (1592)", "()", "1592", "a\u00a0b", "\xff", "Ǆ", "ǆ", "ǅa", "\u0085x", "x\x7f", "War (1592-1598)", "T-34-85", "Yi Il ", "A \u00a0b", "9", "-", "Ŏ-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		built := canonicalName(s)
		// "" is canonical but has no letter: the shortcut leaves it to the
		// long way, which gives "" too.
		if got := isCanonical(s); got != (built == s && s != "") {
			t.Errorf("isCanonical(%q) = %v, but canonicalName gives %q", s, got, built)
		}
		if got := CanonicalName(s); got != built {
			t.Errorf("CanonicalName(%q) = %q, want %q", s, got, built)
		}
	})
}

// escapeNameRunes is EscapeName as first written, rune by rune: the
// oracle of the byte-wise version.
func escapeNameRunes(name string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == ' ':
			b.WriteByte('_')
		case r < 0x80 && needsEscape(byte(r)) || r >= 0x80 && !iriUcschar(r):
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				b.WriteByte('%')
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzEscapeNameOracle checks EscapeName and EntityIRI against the rune by
// rune escaping.
func FuzzEscapeNameOracle(f *testing.F) {
	for _, s := range []string{"Siege of Pyongyang (1592)", "100% pure", "a\xffb", "\uFFFD", "Kim Myŏngwŏn", "\U000EFFFE", "<>\"{}|\\^`?#[]/", "\x7f\x00 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := EscapeName(s), escapeNameRunes(s); got != want {
			t.Errorf("EscapeName(%q) = %q, want %q", s, got, want)
		}
		c := CanonicalName(s)
		if got := EntityIRI("http://x.test/r/", s); c != "" && got.Value != "http://x.test/r/"+escapeNameRunes(c) {
			t.Errorf("EntityIRI(%q) = %v", s, got)
		}
	})
}

// checkCanonicalEntityIRI checks AppendCanonicalEntityIRI(name) against
// CanonicalName and AppendEntityIRI: it mints what they mint when it
// reports true, and reports false only for a name that is not canonical
// or needs a percent-encoding.
func checkCanonicalEntityIRI(t *testing.T, base, name string) bool {
	t.Helper()
	got, ok, ascii := AppendCanonicalEntityIRI([]byte("x"), base, name)
	c := CanonicalName(name)
	if !ok {
		if ascii {
			t.Errorf("AppendCanonicalEntityIRI(%q) reports false, but ASCII", name)
		}
		if string(got) != "x" {
			t.Errorf("AppendCanonicalEntityIRI(%q) = %q, false: dst changed", name, got)
		}
		if c == name && c != "" && !strings.Contains(EscapeName(name), "%") {
			t.Errorf("AppendCanonicalEntityIRI(%q) reports false for a canonical name", name)
		}
		return false
	}
	if c != name {
		t.Errorf("AppendCanonicalEntityIRI(%q) reports true, CanonicalName gives %q", name, c)
	}
	printable := !strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r > '~' })
	if ascii != printable {
		t.Errorf("AppendCanonicalEntityIRI(%q) reports ASCII %v", name, ascii)
	}
	if want := "x" + string(AppendEntityIRI(nil, base, name)); string(got) != want {
		t.Errorf("AppendCanonicalEntityIRI(%q) = %q, want %q", name, got, want)
	}
	// What follows the base needs no validating (rdf.Validator.MintedIRI).
	if rest := string(got[1+len(cmp.Or(base, DefaultBase)):]); strings.Contains(rest, "%") || rdf.IRI("x:"+rest).Validate() != nil {
		t.Errorf("AppendCanonicalEntityIRI(%q) appends %q, not made of valid characters", name, rest)
	}
	return true
}

func TestAppendCanonicalEntityIRI(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"Konishi Yukinaga", true},
		{"Siege of Pyongyang (1592)", true},
		{"Kim Myŏngwŏn", true},
		{"Ŏ-ri", true},
		{"Uwajima, Ehime", true},
		{"T-34-85", true},
		{"Japanese invasions of Korea (1592–1598)", true},
		{"Japanese invasions of Korea (1592-1598)", false}, // an en dash is due
		{"konishi", false},
		{"ŏ", false},
		{" Yi", false},
		{"Yi ", false},
		{"Yi  Il", false},
		{"Yi_Il", false},
		{"Yi\tIl", false},
		{"A\u00a0b", false},
		{"---", false},
		{"", false},
		{"AC/DC", false}, // canonical, but escaped
		{"100%", false},
		{"What?", false},
		{"X\u0085", false},
		{"X\xff", false},
		{"X\uFFFE", false},
	}
	for _, tt := range tests {
		for _, base := range []string{"", "http://x.test/r/"} {
			if got := checkCanonicalEntityIRI(t, base, tt.name); got != tt.ok {
				t.Errorf("AppendCanonicalEntityIRI(%q, %q) reports %v, want %v", base, tt.name, got, tt.ok)
			}
		}
	}
}

// FuzzCanonicalEntityIRI checks AppendCanonicalEntityIRI against
// CanonicalName and AppendEntityIRI.
func FuzzCanonicalEntityIRI(f *testing.F) {
	for _, s := range []string{"Siege of Pyongyang (1592)", "Yi  Il", "War (1592-1598)", "Kim Myŏngwŏn", "ŏ", "AC/DC", "\xff", "X\u2028Y", "9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		checkCanonicalEntityIRI(t, "http://x.test/r/", name)
	})
}
