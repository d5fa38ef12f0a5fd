package value

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The expressions the date scanners stand for.
var (
	reCalendar    = regexp.MustCompile(`(?i)[(\[]\s*(gregorian|lunar|julian|old style|new style|o\.\s?s\.|n\.\s?s\.)(?:\s+calendar)?\s*[)\]]`)
	reLunarPhrase = regexp.MustCompile(`(?i)` + lunarPhrase)
	reBrackets    = regexp.MustCompile(`[(\[][^()\[\]]*[)\]]`)
)

// checkDateScanners compares findCalendar, hasLunarPhrase,
// removeLunarPhrases and removeBrackets with the expressions on s.
func checkDateScanners(t *testing.T, s string) {
	t.Helper()
	m, ok := findCalendar(s)
	want := reCalendar.FindStringSubmatchIndex(s)
	if ok != (want != nil) || ok && [4]int(want) != m {
		t.Errorf("findCalendar(%q) = %v, %v, want %v", s, m, ok, want)
	}
	if got, want := hasLunarPhrase(s), reLunarPhrase.MatchString(s); got != want {
		t.Errorf("hasLunarPhrase(%q) = %v, want %v", s, got, want)
	}
	if got, want := removeLunarPhrases(s), reLunarPhrase.ReplaceAllString(s, " "); got != want {
		t.Errorf("removeLunarPhrases(%q) = %q, want %q", s, got, want)
	}
	wantB := reBrackets.ReplaceAllString(s, " ")
	if got, ok := removeBrackets(s); got != wantB || ok != (wantB != s) {
		t.Errorf("removeBrackets(%q) = %q, %v, want %q", s, got, ok, wantB)
	}
	// tokenizeUnbracketed stands for tokenize after removeBrackets.
	toks, toksOK := tokenizeUnbracketed(nil, s)
	wantToks, wantOK := tokenizeBracketsRemoved(nil, s)
	if toksOK != wantOK || !slices.Equal(toks, wantToks) {
		t.Errorf("tokenizeUnbracketed(%q) = %v, %v, want %v, %v", s, toks, toksOK, wantToks, wantOK)
	}
	if aged, month := dateWords(s); aged != containsFoldASCII(s, "aged") || month != containsFoldASCII(s, "month") {
		t.Errorf("dateWords(%q) = %v, %v, want %v, %v", s, aged, month, !aged, !month)
	}
}

// dateScannerCases exercise each branch of the date scanners.
var dateScannerCases = []string{
	"1 (a) 2 [b] 3", "1 (a (b) c) 2", "1 (a (b) c 2", "1 ) (2) (", "((((((((((1)))))))))) 2", "(1)(2)(3)(4)(5)(6)(7)(8)(9) 10",
	"16(th) May", "16 (x)th May", "May(x)1592", "1592(a)b", "1592-(x)-93", "(aged 74)", "AGED", "agex", "ag", "Month", "mont", "xmonthx",
	"", "(", ")", "()", "[]", "(]", "[)", "((x))", "([x)]", "a (b) c [d] e", "(a (b) c)", "((", "(x", "x)",
	"(Gregorian Calendar)", "[Lunar calendar]", "(O.S.)", "(o. s.)", "(O.\tS.)", "(o.  s.)", "(N.S.)", "( n.s. )",
	"(julian)", "(Old Style)", "(new style calendar)", "(NEW STYLE\tCALENDAR )", "(gregorian calendar", "(gregorian calendarx)",
	"(gregoria)", "(gregorian x)", "[ lunar ]", "(lunar]", "(Lunar calendar]", "(Julian calendar calendar)",
	"(o.ſ.)", "(old ſtyle)", "(\u212a)", "(oldstyle)", "(o.s)", "(o s.)", "(o.x.)", "(n.\ns.)",
	"16 December 1598 (Gregorian Calendar) , Keichō 3, 19th day of 11 month (Lunar calendar)",
	"July 6–7, 1592 (Gregorian Calendar);, May 17–18, 1592 (Lunar calendar)",
	"13th day of the 4th month", "19th day of the 11th month", "19th day of 11 month", "1 day of the month",
	"1 day of the lunar month", "1 day of lunar month", "1 day of the the month", "2nd lunar month", "2nd month",
	"2 month", "2nd months", "2nd month_", "2nd month.", "x2nd month", "_2nd month", "é2nd month", "2ND MONTH",
	"3rd Day Of The Fifth Lunar Month", "1ſt month", "1ſt day of the ſixth month", "1 day of the \u212aorean month",
	"1 day of the 5ſt month", "1 day of the 5 month", "1 day of 5 month", "1 day of the 5x month", "1  day\tof\nthe 4th   month",
	"1st\tmonth, 2nd month", "1st month2nd month", "1st month 2nd month", "12 day of the month of may",
	"1598 (Wanli 26, Keichō 3), 19th day of the 11th month (lunar calendar)",
	") (Gregorian calendar);|1592 (Wanli 20, Bunroku 1), 13th day of the 4th month – 1598 (Wanli 26, Keichō 3), 19th day of the 11th month (lunar calendar)",
	"19th day of the 11th lunar month", "4th lunar  month", "4th lunarmonth", "4th lunar\tmonth", "4th day", "4th day of",
	"12345th day of the twelfth month", "1 day of thee month", "1 day of the\tmonth", "1 day of the lunar lunar month",
	"\xff1st month", "1st\xffmonth", "1st month\xff",
	"1 day of the month month", "1st day of the 2nd lunar lunar month", "1 day of the 2 lunar month", "1 day of the ſ month",
	"1 day of the \u212a\u212a month", "1 day of ſixth month", "1st day month", "1ſt lunar month", "1ſ month", "1ſx day of 2 month",
	"1 day of the 2ſt month", "1 day of the 2nd month_x", "1 day of the lunar month2", "1 day of 2nd", "1 day of the", "1st",
	"1 day of the x", "1 day of the 2", "1 day of the 2nd", "1 day of the 2nd lunar", "1 day of the 2nd lunar month", "1 th month",
}

// dateScannerPieces are what the date expressions look for, for random
// strings to be put together from.
var dateScannerPieces = []string{
	"(", ")", "[", "]", "(", ")", " ", "  ", "\t", "\n", ".", ",", "x", "_", "é", "\u212a", "ſ", "\xff", "1", "19", "4th", "st", "nd",
	"rd", "th", "TH", "ſt", "day", "DAY", "day", "of", "of", "the", "The", "lunar", "month", "Month", "month", "months", "1st", "2nd",
	"gregorian", "Gregorian", "calendar", "Calendar", "julian", "lunar", "old style", "new style", "o.", "n.", "s.", "S.", "o. s.",
}

func TestDateScanners(t *testing.T) {
	cases := append(append([]string(nil), dateScannerCases...), fuzzSeeds...)
	for _, s := range cases {
		checkDateScanners(t, s)
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < n && !t.Failed(); i++ {
		b.Reset()
		// Mostly words with spaces between, as the expressions want.
		for k := rng.Intn(14); k >= 0; k-- {
			b.WriteString(dateScannerPieces[rng.Intn(len(dateScannerPieces))])
			if rng.Intn(4) > 0 {
				b.WriteByte(' ')
			}
		}
		checkDateScanners(t, b.String())
	}
}

func FuzzDateScanners(f *testing.F) {
	for _, s := range dateScannerCases {
		f.Add(s)
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDateScanners(t, s)
	})
}
