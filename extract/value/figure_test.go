package value

import (
	"fmt"
	"math/rand"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// reFigure is the regular expression appendFigureLocs replaced: a figure
// with its optional qualifier and an optional second figure making a range.
// It is the oracle the scanner must agree with on every input.
var reFigure = regexp.MustCompile(`(?i)(~|≈|\bc\.\s*|\bca\.\s*|\bcirca\s+|\babout\s+|\bapprox(?:\.|imately)?\s*|\baround\s+|\broughly\s+|\bsome\s+|\best\.\s*|\bat\s+least\s+|\bover\s+|\bmore\s+than\s+|>\s*|≥\s*|\bat\s+most\s+|\bup\s+to\s+|\bless\s+than\s+|\bfewer\s+than\s+|\bunder\s+|<\s*|≤\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\+)?(?:\s*(?:[–—−-]|to\s)\s*(\d{1,3}(?:,\d{3})+|\d+)(\+)?)?`)

// reFigureSpaces is the regular expression collapseFigureSpace replaced.
var reFigureSpaces = regexp.MustCompile(`\s+`)

// parseDigitsStrconv is parseDigits without its fast path.
func parseDigitsStrconv(s string) (int64, error) {
	return strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
}

// scanFiguresRegexp is scanFigures as it was with reFigure, the oracle
// for the figures scanFigures reads.
func scanFiguresRegexp(text string) []figure {
	var figs []figure
	locs := reFigure.FindAllStringSubmatchIndex(text, -1)
	for k, m := range locs {
		var f figure
		start, end := m[0], m[1]
		// A letter or digit right before, or a letter, digit, decimal point
		// or colon right after, means the digits are part of something else
		// ("2nd", "8138.90", "10:30", "x20").
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' {
				continue
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ':' || r == '.' && end+1 < len(text) && isDigit(text[end+1]) {
				continue
			}
		}
		// A dash right before a lone figure is a range whose first figure
		// was lost ("Joseon:–192,000").
		if before := strings.TrimRight(text[:start], " "); before != "" {
			if r, _ := utf8.DecodeLastRuneInString(before); r == '–' || r == '—' || r == '-' || r == '−' {
				f.unsure = true
			}
		}
		qual := strings.ToLower(strings.TrimSpace(sub(text, m, 1)))
		a, errA := parseDigitsStrconv(sub(text, m, 2))
		plus := sub(text, m, 3) != "" || sub(text, m, 5) != ""
		n := Number{Value: a, Min: a, Max: a, Qualifier: Exact}
		if errA != nil {
			f.unsure = true
		}
		if m[8] >= 0 {
			b, err := parseDigitsStrconv(sub(text, m, 4))
			switch {
			case err != nil || b < a:
				f.unsure = true
			case b > a:
				n = Number{Value: a, Min: a, Max: b, Qualifier: Range}
			}
		}
		if n.Qualifier == Exact {
			switch {
			case plus || qual == ">" || qual == "≥" || strings.HasPrefix(qual, "at least") || qual == "over" || strings.HasPrefix(qual, "more"):
				n.Qualifier, n.Max = AtLeast, 0
			case qual == "<" || qual == "≤" || strings.HasPrefix(qual, "at most") || strings.HasPrefix(qual, "up to") ||
				strings.HasPrefix(qual, "less") || strings.HasPrefix(qual, "fewer") || qual == "under":
				n.Qualifier, n.Min = AtMost, 0
			case qual != "":
				n.Qualifier = Approximate
			}
		}
		unitEnd := len(text)
		if k+1 < len(locs) {
			unitEnd = locs[k+1][0]
		}
		if unitEnd < end {
			unitEnd = end
		}
		n.Unit = strings.Trim(text[end:unitEnd], " ,;:.–—-")
		n.Unit = reFigureSpaces.ReplaceAllString(n.Unit, " ")
		f.n = n
		figs = append(figs, f)
	}
	return figs
}

// figureValues are strength and casualty values from the corpus, with a
// few written for the cases the corpus lacks.
var figureValues = []string{
	"c. 20,000 (Joseon army)", "18,700 men; 1,000 ships", "Ming: 43,000–50,000+ Joseon: 10,000",
	"1,300–1,700 killed in combat, 5,000 died from fires, 6,000 drowned",
	"200 ships sunk , 100 ships captured , 500 soldiers beheaded , 100+ soldiers captured , 13,000 soldiers killed , 200 ships",
	"28,000 total, (23,000 Oda troops, plus 5,000 from Tokugawa Ieyasu)",
	"800,000 (Cao Cao's claim), 220,000–240,000 (Zhou Yu's estimate)",
	"In Ansi: ~5,000 (garrison), At Jupilsan: ~150,000 (reinforcements)",
	"Japan: 100,000+ soldiers and sailors killed, captured, or missing, 450 ships",
	"Joseon:–192,000 (including sailors and insurgent fighters)|300 ships Ming:| 2nd. (1597–98), 75,000–98,000 soldiers (including naval reinforcements)|Total: 166,700 Ming|192,000 Joseon",
	"24,500, 1 seaplane carrier, 5 battleships, 2 battlecruisers, 1 protected cruiser, 2 destroyers, 2 airplanes",
	"3,000 killed , 500 POW , (Korean records) , , 5,000 killed , (Japanese records)",
	"Juehua Island: 6,000-7,000", "Ming , 43,000, 200+ cannons, Joseon, 10,000, 4,200 monks",
	"less than 1,000 |", "Unknown", "~20,000", "15,000–30,000", "at least 5,000 men", "about 3 to 4 ships",
}

// figureLocsRegexp returns reFigure's matches in the layout of
// appendFigureLocs.
func figureLocsRegexp(s string) []int {
	var out []int
	for _, m := range reFigure.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, m...)
	}
	return out
}

// checkFigureLocs checks the scanner against reFigure on s, and the
// figures scanFigures reads from s against scanFiguresRegexp.
func checkFigureLocs(t *testing.T, s string) {
	t.Helper()
	want := figureLocsRegexp(s)
	got := appendFigureLocs(nil, s)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("appendFigureLocs(%q)\n got %v\nwant %v", s, got, want)
	}
	if got, want := scanFigures(s), scanFiguresRegexp(s); !reflect.DeepEqual(got, want) {
		t.Errorf("scanFigures(%q)\n got %+v\nwant %+v", s, got, want)
	}
	if got, want := collapseFigureSpace(s), reFigureSpaces.ReplaceAllString(s, " "); got != want {
		t.Errorf("collapseFigureSpace(%q) = %q, want %q", s, got, want)
	}
	gotN, gotErr := parseDigits(s)
	wantN, wantErr := parseDigitsStrconv(s)
	if gotN != wantN || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("parseDigits(%q) = %d, %v, want %d, %v", s, gotN, gotErr, wantN, wantErr)
	}
}

func TestFigureLocsMatchRegexp(t *testing.T) {
	cases := []string{
		"", "x", "0", "12", "1,000", "12,34", "1,0000", "1,000,000", "1,000,00", "1234,567", "123,456,7890",
		",123", "1,", "1,2", "1,23", "1,234,", "1,234,5", "0001,000",
		"c. 1,000–2,000+", "c.1,000", "C. 500", "ca.5", "ca. 5", "CA.  5", "circa 5", "circa5", "Circa\t5",
		"c. ", "c.", "ca", "c.x5", "about 3 to 4", "about3", "ABOUT 3 TO 4", "3 to4", "3 to 4", "3 to\t4", "3 tO\n4",
		"3 to", "3 to ", "3to 4", "3 too 4", "3 -4", "3- 4", "3 - 4", "3--4", "3 – 4", "3—4", "3−4", "3 ‒ 4", "3 ‐ 4",
		"3+", "3+–4+", "3 +4", "3+ - 4+", "3+to 4", "1,000+–2,000+5",
		"approximately 5", "approximately5", "approx. 5", "approx.5", "approx 5", "approx5", "approx.x5", "approx. x 5",
		"approxim 5", "Approximately 5", "APPROX. 5",
		"at least 5", "at  least\t5", "at least5", "atleast 5", "at least", "at most 5", "at most5", "at  most 5",
		"more than 5", "more  than  5", "morethan 5", "more than5", "over 5", "over5", "moreover 5",
		"less than 5", "fewer than 5", "under 5", "up to 5", "up to5", "upto 5", "up  to 5",
		"around 5", "roughly 5", "some 5", "some5", "est. 5", "est.5", "est 5", "EST. 5",
		"~5", "~ 5", "~~5", "≈5", "≈ 5", "≥5", "≥ 5", "≤5", "≤  5", ">5", "> 5", "<5", "<\t5", ">>5", "<~5", "~>5",
		"\u212a5", "\u212aabout 5", "ſome 5", "xſome 5", "_ſome 5", "ſ ome 5", "eſt. 5", "at leaſt 5", "leſs than 5",
		"at moſt 5", "ſome5", "Some 5", "SOME 5", "a ſome 5", "5ſome 5",
		"handsome 5", "the sum of some 5", "xabout 5", "_about 5", "1about 5", "é about 5", "éabout 5", "Aabout 5",
		"about about 5", "about c. 5", "c. about 5", "about ~5", "at least about 5", "at about 5", "at up to 5",
		"2nd", "x20", "8138.90", "10:30", "5 ships 6 men", "5ships", "a5b6c7",
		"Ming: 43,000–50,000+ Joseon: 10,000", "18,700 men; 1,000 ships",
		"20 000", "20\u00a0000", "5\v- 6", "5\v6", "5 \f– \r6", "over\v5", "c.\v5",
		"日本 5,000 人", "約5,000", "–5", "—5,000", "−5",
		"\xff5", "\xe2\x80", "5\xe2\x80\x93", "5\xe2\x806", "5 \xe2\x806", "\xc5", "\xc5some 5", "x\xc5\xbfome 5",
		"\xe2\x89", "\xe2\x89\x885", "\xe2\x89\xa5 5", "\xe2\x89\xa4\t5", "\xe2\x89\x88 5", "\xe25",
		"about\n5 to\n6+", "c. 20,000 (Joseon army)",
		"9223372036854775807", "9223372036854775808", "9,223,372,036,854,775,807", "9,223,372,036,854,775,808",
		"922337203685477580", "99999999999999999999", "1 – 99999999999999999999", "-5", "+5", ",", ",,", "",
		"5 men\t\tkilled", "5 men \n killed , 6", "5 \v men\u00a0 x", "5  men   6",
	}
	cases = append(cases, figureValues...)
	cases = append(cases, fuzzSeeds...)
	for _, s := range cases {
		checkFigureLocs(t, s)
	}
}

// figureTokens are the pieces figures and their qualifiers are made of, for
// TestFigureLocsRandom to put together.
var figureTokens = []string{
	"0", "1", "12", "123", "1234", ",", ",000", ",12", ",1234", "+", ".", ":", "-", "–", "—", "−", "~", "≈", "≥", "≤", "<", ">",
	" ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "to", "TO", "to ", "tO\t", "c", "c.", "C.", "ca", "ca.", "circa", "about",
	"approx", "approx.", "approximately", "imately", "around", "roughly", "some", "ſome", "ſ", "s", "S", "est", "est.", "eſt.",
	"at", "AT", "least", "leaſt", "most", "moſt", "over", "more", "than", "up", "less", "leſs", "fewer", "under",
	"x", "_", "é", "\u212a", "K", "k", "日", "\xff", "\xe2", "\xe2\x80", "\xc5", "men", "ships",
}

// TestFigureLocsRandom checks the scanner against reFigure on strings put
// together from figureTokens.
func TestFigureLocsRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(figureTokens[rng.Intn(len(figureTokens))])
		}
		checkFigureLocs(t, b.String())
		checkCountOne(t, b.String())
		if t.Failed() {
			return
		}
	}
}

func FuzzFigures(f *testing.F) {
	for _, s := range figureValues {
		f.Add(s)
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"c. 1,000–2,000+", "about 3 to 4", "ſome 5", "xſome 5", "at leaſt 5", "≈5 ≥ 6 ≤7", "approx.5", "1,0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFigureLocs(t, s)
		checkCountOne(t, s)
	})
}

// BenchmarkFigures measures the figures read from strength and casualty
// values: "find" only locates them, "scan" also reads them.
func BenchmarkFigures(b *testing.B) {
	n := 0
	for _, v := range figureValues {
		n += len(v)
	}
	b.Run("find", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		var locs []int
		for i := 0; i < b.N; i++ {
			for _, v := range figureValues {
				locs = appendFigureLocs(locs[:0], v)
			}
		}
	})
	b.Run("find-regexp", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, v := range figureValues {
				reFigure.FindAllStringSubmatchIndex(v, -1)
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, v := range figureValues {
				scanFigures(v)
			}
		}
	})
}
