package rdf

import (
	"errors"
	"strings"
	"testing"
)

func TestTermValidate(t *testing.T) {
	tests := []struct {
		name string
		term Term
		want error // nil for valid; else errors.Is target
	}{
		{"iri", IRI("https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(1592)"), nil},
		{"iri non-ASCII", IRI("https://w3id.org/wikikg/resource/Kim_Myŏngwŏn"), nil},
		{"iri percent", IRI("https://example.org/100%25"), nil},
		{"iri bad percent", IRI("https://example.org/100%"), ErrBadIRI},
		{"iri bad percent hex", IRI("https://example.org/%zz"), ErrBadIRI},
		{"iri space", IRI("https://example.org/a b"), ErrBadIRI},
		{"iri angle", IRI("https://example.org/a>b"), ErrBadIRI},
		{"iri relative", IRI("a/b"), ErrRelativeIRI},
		{"iri bad scheme", IRI("1http://x"), ErrRelativeIRI},
		{"iri empty", IRI(""), ErrEmptyIRI},
		{"iri bad utf8", IRI("http://x/\xff"), ErrBadUTF8},
		// Faults in and after the blocks of eight bytes read at once.
		{"iri percent in block", IRI("https://example.org/%41%42/12345678"), nil},
		{"iri bad percent in block", IRI("https://example.org/%4/12345678"), ErrBadIRI},
		{"iri bad percent at block end", IRI("http://x/abcdef%"), ErrBadIRI},
		{"iri space in block", IRI("https://example.org/abcdefg h12345678"), ErrBadIRI},
		{"iri brace in tail", IRI("https://example.org/abcdefgh{"), ErrBadIRI},
		{"iri control in block", IRI("https://example.org/abc\x01defgh12345678"), ErrBadIRI},
		{"iri DEL in block", IRI("https://example.org/abc\x7fdefgh12345678"), ErrBadIRI},
		{"iri non-ASCII then block", IRI("https://example.org/ŏ/abcdefgh12345678"), nil},
		{"iri bad utf8 in block", IRI("https://example.org/ab\xffcdefgh12345678"), ErrBadUTF8},
		{"iri non-character in block", IRI("https://example.org/ab\ufdd0cdefgh12345678"), ErrBadIRI},
		{"blank", Blank("b1"), nil},
		{"blank dot inside", Blank("b.1"), nil},
		{"blank dot end", Blank("b."), ErrBadBlank},
		{"blank two dots", Blank("a..b"), ErrBadBlank},
		{"blank space", Blank("b 1"), ErrBadBlank},
		{"blank empty", Blank(""), ErrBadBlank},
		{"string", String("x\" . <http://evil> <p> \"y"), nil},
		{"string bad utf8", String("\xff"), ErrBadUTF8},
		{"lang", LangString("x", "en"), nil},
		{"lang region", LangString("x", "en-US"), nil},
		{"lang underscore", LangString("x", "en_US"), ErrBadLang},
		{"lang empty subtag", LangString("x", "en--us"), ErrBadLang},
		{"lang digit first", LangString("x", "1en"), ErrBadLang},
		{"langString without lang", Typed("x", RDFLangString), ErrBadLang},
		{"lang with other datatype", Term{Kind: KindLiteral, Value: "x", Datatype: XSDString, Lang: "en"}, ErrLangDatatype},
		{"no datatype", Term{Kind: KindLiteral, Value: "x"}, ErrMissingDataty},
		{"integer", Typed("007", XSDInteger), nil},
		{"integer sign", Typed("+5", XSDInteger), nil},
		{"integer abc", Typed("abc", XSDInteger), ErrBadLexical},
		{"integer empty", Typed("", XSDInteger), ErrBadLexical},
		{"decimal", Typed("-1.50", XSDDecimal), nil},
		{"decimal dot only", Typed(".", XSDDecimal), ErrBadLexical},
		{"double", Typed("1.5E-3", XSDDouble), nil},
		{"double INF", Typed("INF", XSDDouble), nil},
		{"double bad", Typed("1e", XSDDouble), ErrBadLexical},
		{"boolean", Typed("1", XSDBoolean), nil},
		{"boolean bad", Typed("yes", XSDBoolean), ErrBadLexical},
		{"date", Typed("1592-07-15", XSDDate), nil},
		{"date leap", Typed("2020-02-29", XSDDate), nil},
		{"date Feb 30", Typed("2020-02-30", XSDDate), ErrBadLexical},
		{"date Feb 29 non-leap", Typed("1900-02-29", XSDDate), ErrBadLexical},
		{"date tz", Typed("1592-07-15+09:00", XSDDate), nil},
		{"date bad tz", Typed("1592-07-15+15:00", XSDDate), ErrBadLexical},
		{"gYear", Typed("1592", XSDGYear), nil},
		{"gYear BC", Typed("-0044", XSDGYear), nil},
		{"gYear short", Typed("592", XSDGYear), ErrBadLexical},
		{"gYearMonth", Typed("1592-13", XSDGYearMonth), ErrBadLexical},
		{"other datatype any lexical", Typed("whatever", "http://example.org/dt"), nil},
		{"lang en bad utf8", LangString("\xff", "en"), ErrBadUTF8},
		{"lang EN", LangString("x", "EN"), nil},
		{"lang en with other datatype", Term{Kind: KindLiteral, Value: "x", Datatype: XSDInteger, Lang: "en"}, ErrLangDatatype},
		{"string typed", Typed("abc", XSDString), nil},
		{"anyURI", Typed("not a URI", XSDAnyURI), nil},
		{"xsd namespace alone", Typed("x", "http://www.w3.org/2001/XMLSchema#"), nil},
		{"xsd other local name", Typed("x", "http://www.w3.org/2001/XMLSchema#time"), nil},
		{"xsd local name with space", Typed("x", "http://www.w3.org/2001/XMLSchema#inte ger"), ErrBadIRI},
		{"xsd local name as IRI", Typed("abc", "integer"), ErrRelativeIRI},
		{"integer in other namespace", Typed("abc", "http://example.org/2001/XMLSchema#integer"), nil},
		{"datatype relative", Typed("x", "dt"), ErrRelativeIRI},
		{"zero", Term{}, ErrNoTerm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.term.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate(%#v) = %v, want nil", tt.term, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Validate(%#v) = %v, want %v", tt.term, err, tt.want)
			}
		})
	}
}

func TestQuadValidate(t *testing.T) {
	s, p, o := IRI("http://x/s"), IRI("http://x/p"), String("o")
	tests := []struct {
		name string
		q    Quad
		ok   bool
	}{
		{"triple", Quad{S: s, P: p, O: o}, true},
		{"named graph", Quad{S: s, P: p, O: o, G: IRI("http://x/g")}, true},
		{"blank graph", Quad{S: Blank("g"), P: p, O: Blank("o"), G: Blank("g")}, true},
		{"literal subject", Quad{S: o, P: p, O: o}, false},
		{"blank predicate", Quad{S: s, P: Blank("p"), O: o}, false},
		{"literal graph", Quad{S: s, P: p, O: o, G: o}, false},
		{"missing object", Quad{S: s, P: p}, false},
		{"invalid object", Quad{S: s, P: p, O: Typed("x", XSDInteger)}, false},
		{"invalid graph", Quad{S: s, P: p, O: o, G: IRI("g")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.q.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestAppendNTriples(t *testing.T) {
	tests := []struct {
		term Term
		want string
	}{
		{IRI("http://x/a(1)"), "<http://x/a(1)>"},
		{IRI("http://x/Myŏng"), "<http://x/Myŏng>"},
		{IRI("http://x/a b"), `<http://x/a\u0020b>`},
		{Blank("b1"), "_:b1"},
		{String(`x" . <http://evil> <p> "y`), `"x\" . <http://evil> <p> \"y"`},
		{String("a\nb\r\tc\x00\x7f\\"), `"a\nb\r\tc\u0000\u007F\\"`},
		{String("bad\xffutf8"), "\"bad\uFFFDutf8\""},
		{LangString("x", "EN-us"), `"x"@en-us`},
		{Typed("007", XSDInteger), `"007"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{String("plain"), `"plain"`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.term.String(); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// FuzzAppendNTriples checks that no lexical form, valid or not, can break
// out of its literal: the output is one line, starts and ends where it
// should, and decodes back to the input (with invalid UTF-8 replaced).
func FuzzAppendNTriples(f *testing.F) {
	for _, s := range []string{"", `x" . <http://evil> <p> "y`, "a\nb", "\x00", "\u2028", `\`, `"""`, "\xff\xfe", "Myŏngwŏn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s).String()
		if strings.ContainsAny(out, "\n\r") {
			t.Fatalf("line break in %q", out)
		}
		if len(out) < 2 || out[0] != '"' || out[len(out)-1] != '"' {
			t.Fatalf("not a quoted literal: %q", out)
		}
		got, ok := unescapeNT(out[1 : len(out)-1])
		if !ok {
			t.Fatalf("unescaped quote or bad escape in %q", out)
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); got != want && got != replaceEach(s) {
			t.Fatalf("round trip: got %q, want %q", got, want)
		}
		var b strings.Builder
		WriteStringEscaped(&b, s)
		if got := string(AppendStringEscaped([]byte("x"), s)); got != "x"+b.String() {
			t.Fatalf("AppendStringEscaped gave %q, WriteStringEscaped %q", got, b.String())
		}
		iri := IRI("http://x/" + s).String()
		if strings.ContainsAny(iri[1:len(iri)-1], "<> \"{}|^`\n") {
			t.Fatalf("IRI escape leaked a forbidden character: %q", iri)
		}
	})
}

// TestAppendStringEscaped checks that AppendStringEscaped appends what
// WriteStringEscaped writes.
func TestAppendStringEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `a"b\c`, "l1\nl2\r\t", "\x00\x1f\x7f", "Myŏngwŏn", "bad\xffutf8\xfe", "\u2028"} {
		var b strings.Builder
		WriteStringEscaped(&b, s)
		if got := string(AppendStringEscaped([]byte("<"), s)); got != "<"+b.String() {
			t.Errorf("AppendStringEscaped(%q) = %q, want %q", s, got, "<"+b.String())
		}
	}
}

// replaceEach replaces each invalid byte by U+FFFD, as WriteStringEscaped
// does (strings.ToValidUTF8 replaces runs).
func replaceEach(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// unescapeNT decodes the inside of an N-Triples string, failing on an
// unescaped quote or unknown escape.
func unescapeNT(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return "", false
		case '\\':
			if i+1 >= len(s) {
				return "", false
			}
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '"', '\\':
				b.WriteByte(s[i])
			case 'u':
				if i+4 >= len(s) {
					return "", false
				}
				var r rune
				for _, h := range s[i+1 : i+5] {
					switch {
					case h >= '0' && h <= '9':
						r = r*16 + h - '0'
					case h >= 'A' && h <= 'F':
						r = r*16 + h - 'A' + 10
					default:
						return "", false
					}
				}
				b.WriteRune(r)
				i += 4
			default:
				return "", false
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// TestValidatorAgrees checks that the caching validator gives what
// Quad.Validate gives, whether the IRIs were seen before or not.
func TestValidatorAgrees(t *testing.T) {
	good := IRI("http://example.org/a")
	quads := []Quad{
		{S: good, P: good, O: good},
		{S: good, P: good, O: String("x"), G: good},
		{S: IRI("http://example.org/a b"), P: good, O: good},
		{S: good, P: IRI("rel"), O: good},
		{S: String("s"), P: good, O: good},
		{S: good, P: good, O: Term{Kind: KindLiteral, Value: "x"}},
		{S: good, P: good, O: good, G: String("g")},
		{S: good, P: good, O: good, G: IRI("http://example.org/<")},
		{S: Blank("b1"), P: good, O: LangString("x", "en")},
		{S: good, P: good, O: IRI("")},
		{S: good, P: String("p"), O: good},
		{S: IRI("http://example.org/<"), P: IRI("rel"), O: good},
	}
	var v Validator
	for round := 0; round < 2; round++ {
		for _, q := range quads {
			want, got := q.Validate(), v.Quad(q)
			if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
				t.Errorf("round %d: Validator.Quad(%v) = %v, Quad.Validate() = %v", round, q, got, want)
			}
			// Triple agrees with the quad's triple.
			tr := Quad{S: q.S, P: q.P, O: q.O}
			want, got = tr.Validate(), v.Triple(&q.S, &q.P, &q.O)
			if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
				t.Errorf("round %d: Validator.Triple(%v) = %v, Quad.Validate() = %v", round, tr, got, want)
			}
			// Term agrees term by term, whatever was remembered before.
			for _, term := range []Term{q.S, q.P, q.O, q.G} {
				if term.IsZero() {
					continue
				}
				if want, got := term.Validate() == nil, v.Term(term) == nil; got != want {
					t.Errorf("round %d: Validator.Term(%v) == nil is %v, want %v", round, term, got, want)
				}
			}
		}
	}
}

// FuzzValidIRIIsSafe checks what the N-Triples and N-Quads encoders rely
// on to write valid IRIs without escaping: every IRI that validates is
// one IRIREF takes unescaped.
func FuzzValidIRIIsSafe(f *testing.F) {
	for _, s := range []string{"http://example.org/a", "http://example.org/Kim_Myŏngwŏn", "http://x/%41", "http://x/a b", "http://x/\u00a0", "http://x/\U000EFFFE", "urn:x:{}", "http://x/\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validateIRI(s) == nil && !isSafeIRI(s) {
			t.Errorf("%q validates but needs escaping", s)
		}
	})
}

// checkPrefixedIRI checks that Validator.PrefixedIRI(prefix, s) gives
// what IRI(s).Validate() gives, with v's prefix remembered or not.
func checkPrefixedIRI(t *testing.T, v *Validator, prefix, s string) {
	t.Helper()
	want, got := IRI(s).Validate(), v.PrefixedIRI(prefix, s)
	if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
		t.Errorf("PrefixedIRI(%q, %q) = %v, Validate() = %v", prefix, s, got, want)
	}
}

func TestValidatorPrefixedIRI(t *testing.T) {
	tests := []struct {
		prefix, rest string
	}{
		{"https://w3id.org/wikikg/resource/", "Kim_Myŏngwŏn"},
		{"https://w3id.org/wikikg/resource/", "100%25_Pure"},
		{"https://w3id.org/wikikg/resource/", "100%2"},
		{"https://w3id.org/wikikg/resource/", "100%"},
		{"https://w3id.org/wikikg/resource/", "a b"},
		{"https://w3id.org/wikikg/resource/", "a<b>"},
		{"https://w3id.org/wikikg/resource/", "\xff"},
		{"https://w3id.org/wikikg/resource/", "\u0085"},
		{"https://w3id.org/wikikg/resource/", ""},
		{"http://x/%4", "1"}, // an escape across the cut
		{"http://x/%", "41"},
		{"http://x/%4", "x"},
		{"x", ":y"}, // the scheme's colon after the cut
		{"", "http://x/y"},
		{"", ""},
		{"1x", ":y"},
		{"x y", ":z"},
		{"http://x/\xff", "a"},
		{"urn:a:", "{}"},
	}
	var v Validator
	for round := 0; round < 3; round++ {
		for _, tt := range tests {
			// The prefix remembered, as the same string and as another.
			prefix := tt.prefix
			if round == 2 {
				prefix = strings.Clone(prefix)
			}
			checkPrefixedIRI(t, &v, prefix, tt.prefix+tt.rest)
			// As remembered: Term agrees afterwards.
			s := tt.prefix + tt.rest
			if want, got := IRI(s).Validate() == nil, v.Term(IRI(s)) == nil; got != want {
				t.Errorf("Term(%q) == nil is %v after PrefixedIRI, want %v", s, got, want)
			}
		}
	}
	checkPrefixedIRI(t, &v, "http://x/a/b", "http://x/a") // longer than s
}

// TestValidatorMintedIRI checks that Validator.MintedIRI gives what
// IRI(s).Validate() gives for IRIs whose rest after the prefix is made of
// valid characters other than '%', with valid and invalid prefixes.
func TestValidatorMintedIRI(t *testing.T) {
	tests := []struct {
		prefix, rest string
	}{
		{"https://w3id.org/wikikg/resource/", "Kim_Myŏngwŏn"},
		{"https://w3id.org/wikikg/resource/", "Siege_of_Pyongyang_(1592)"},
		{"http://x/%4", "1"}, // an escape across the cut
		{"http://x/%", "41"},
		{"x", ":y"}, // the scheme's colon after the cut
		{"1x", ":y"},
		{"x y", ":z"},
		{"http://x/\xff", "a"},
		{"", "http://x/y"},
	}
	var v Validator
	for round := 0; round < 3; round++ {
		for _, tt := range tests {
			prefix := tt.prefix
			if round == 2 {
				prefix = strings.Clone(prefix)
			}
			s := tt.prefix + tt.rest
			want, got := IRI(s).Validate(), v.MintedIRI(prefix, s)
			if (want == nil) != (got == nil) {
				t.Errorf("MintedIRI(%q, %q) = %v, Validate() = %v", prefix, s, got, want)
			}
			if want, got := want == nil, v.Term(IRI(s)) == nil; got != want {
				t.Errorf("Term(%q) == nil is %v after MintedIRI, want %v", s, got, want)
			}
		}
	}
}

// TestValidatorTwoPrefixes checks that Validator remembers the last two
// valid prefixes it was given, as a document's entities and its source
// page give them by turns, and no invalid one, and that what PrefixedIRI
// and MintedIRI return agrees with Validate whichever it remembers.
func TestValidatorTwoPrefixes(t *testing.T) {
	const (
		entities = "https://w3id.org/wikikg/resource/"
		pages    = "https://en.wikipedia.org/wiki/"
		bad      = "http://x y/"
	)
	var v Validator
	for i, prefix := range []string{entities, pages, entities, pages, bad, pages, entities, "urn:x:", entities, bad, pages} {
		for _, rest := range []string{"Yi_Sun-sin", "100%25", "a b"} {
			s := prefix + rest
			want := IRI(s).Validate() == nil
			if got := v.PrefixedIRI(prefix, s) == nil; got != want {
				t.Errorf("%d: PrefixedIRI(%q, %q) == nil is %v, want %v", i, prefix, s, got, want)
			}
			if !strings.ContainsAny(rest, "% ") {
				if got := v.MintedIRI(prefix, s) == nil; got != want {
					t.Errorf("%d: MintedIRI(%q, %q) == nil is %v, want %v", i, prefix, s, got, want)
				}
			}
		}
		if v.prefix == bad || v.prefix2 == bad {
			t.Errorf("%d: invalid prefix %q remembered", i, bad)
		}
		if prefix != bad && v.prefix != prefix && v.prefix2 != prefix {
			t.Errorf("%d: prefix %q not remembered: %q, %q", i, prefix, v.prefix, v.prefix2)
		}
	}
	// With both remembered, neither is validated again.
	v = Validator{}
	v.PrefixedIRI(entities, entities+"A")
	v.PrefixedIRI(pages, pages+"A")
	if v.prefix != pages || v.prefix2 != entities {
		t.Errorf("prefixes %q, %q remembered, want %q, %q", v.prefix, v.prefix2, pages, entities)
	}
	v.PrefixedIRI(entities, entities+"B")
	if v.prefix != pages || v.prefix2 != entities {
		t.Errorf("after a hit, prefixes %q, %q remembered, want %q, %q", v.prefix, v.prefix2, pages, entities)
	}
}

// FuzzPrefixedIRI checks Validator.PrefixedIRI against Term.Validate for
// any cut of any IRI, after a valid prefix was remembered.
func FuzzPrefixedIRI(f *testing.F) {
	f.Add("https://w3id.org/wikikg/resource/Kim_Myŏngwŏn", 33)
	f.Add("http://x/%41", 10)
	f.Add("x:y", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		var v Validator
		v.PrefixedIRI("http://x/", "http://x/a")
		prefix := s + "/" // longer than s: not its prefix
		if n >= 0 && n <= len(s) {
			prefix = strings.Clone(s[:n])
		}
		checkPrefixedIRI(t, &v, prefix, s)
		// Again, with the prefix remembered if valid.
		checkPrefixedIRI(t, &v, prefix, s)
	})
}
