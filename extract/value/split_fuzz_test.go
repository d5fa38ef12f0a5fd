package value

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusValues returns the values of the infobox fields of the test corpus
// ("- Key: value" lines), and the prose lines, as the extractors meet them.
func corpusValues(tb testing.TB) (values, prose []string) {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/corpus/articles/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "- "); ok {
				if _, v, ok := strings.Cut(rest, ": "); ok {
					values = append(values, v)
				} else {
					values = append(values, rest)
				}
			} else if len(line) > 0 {
				prose = append(prose, line)
			}
		}
	}
	return values, prose
}

// oracleSeeds are values that exercise the corners of the cleaning code:
// markers, brackets, folded letters, odd white space, image sizes.
var oracleSeeds = []string{
	"Yi Sun-sinKIA", "Yi Sun-sin KIA", "Yi Sun-sin (KIA)", "Yi Sun-sin [MIA]", "Yi Sun-sin k.i.a.", "Yi (k.i.a.)",
	"KIA", "(KIA)", " POW", "Ko YŏnsuPOW", "Ko Yŏnsu\u0301 WIA", "ÉtienneKIA)", "étienne\tMIA", "a\vKIA", "x\u00a0KIA",
	"† Oda Nobunaga", "Oda Nobunaga †", "††", "Oda Nobunaga (naval) (land)", "Battle of Sacheon (1592)",
	"Siege (1592 – 1598 BC)", "Siege ( 12-13 BCE )", "Siege (12—13AD)", "Siege (12345)", "Siege (12 CE CE)", "Siege ((1))",
	"Siege (a)(b)", "Siege ( )", "Siege ()", "Siege [ , ; ]", "Siege (\t)", "Siege \t(note)", "x)", ")", "()",
	"the Japanese invasions of Korea (1592–1598)", "The ", "the the Ming", "The The Ming",
	"Unknown", "UNKNOWN", "UN\u212aNOWN", "unknown commanders", "N/A", "LİGHT", "ſeveral", "SEVERAL", "Others", "?",
	"20px Toyotomi Japan", "20x30PX flag", "20pX flag", "20Px|30px", "a20px", "_20px", "20px_", "20x30xpx", "1x2x3px", "٣px",
	"KurodaK kao.png", "Signature.SVG, Oda", "x.ſvg", "file.jpeg; Oda", "a.tiff", "a.webp)", "a.JPG|b",
	"| cor-type = x | Oda", "Oda | x=y", "a|b", "<br>Oda<br/>Tokugawa< br />x<hr>y----z", "<ref>x</ref>Oda", "<b>Oda</b>",
	"Main:", "Main: , ", "Main:, Konishi Yukinaga , Reinforcement:, Shimazu Yoshihiro", "10:30 Oda", "In Ansi:, Yang Manch'un",
	"Ming , Li Rusong , Joseon , Yi Il", "Ming dynasty, Li Rusong, Kingdom of Joseon, Yi Il", "Joseon", "Ming, Ming",
	"Oda and Tokugawa", "Oda (and Tokugawa, Azai)", "and Oda", "Oda and", " and ", "d and e", "Odand Tokugawa", "Oda anda Tokugawa",
	"Oda  and  Tokugawa", "Oda and and Tokugawa", "Oda\tand Tokugawa", "(x) and y", "x and (y", "(x and) y", "[x] and d", "dd and dd", "* Oda\n* Tokugawa", "• Oda · Tokugawa # x", "Oda;;, ; Tokugawa",
	"Oda ,Tokugawa .", "Oda Co.", "Oda victory.", "Oda vic.", "( Oda )", "[ Oda ]", "Oda  Nobunaga", "Oda\r\nNobunaga",
	"Oda\u2028Nobunaga", "Oda\u3000Nobunaga", "Oda\u0085Nobunaga", "Oda\u200bNobunaga", "\ufeffOda", "Oda\x00\x7f\u0080",
	"Oda\xffNobunaga", "\xe2\x80", "Oda\u00a0Nobunaga", "–Oda—", "-- Oda --", "---", "1,000", "citizens", "王", "김유신",
	"Ōtomo Sōrin", "İstanbul", "ǅemal", "ᾈ", "ꝺ",
	// scanPieces: a space before a separator, in brackets or not, a
	// bracket closing another kind, edges only a part has.
	"Oda , Tokugawa ; Azai", "Oda  , Tokugawa", "(Oda , x) , y", "Oda [x) , y", "Oda (x] , y", "Oda), Azai (", "Oda – , † Azai",
	"Oda pX, Azai", "Oda P x", "Main: Oda , Azai (naval) , x: , Go Ō", "Oda .png", "Oda ( ) and Azai", "• Oda, ·Azai　, Oda ",
}

func addOracleSeeds(f *testing.F) {
	values, prose := corpusValues(f)
	for _, s := range values {
		f.Add(s, "Ming dynasty")
	}
	for i, s := range prose {
		if i%7 == 0 {
			f.Add(s, "Joseon")
		}
	}
	for _, s := range fuzzSeeds {
		f.Add(s, "Ming")
	}
	for _, s := range oracleSeeds {
		f.Add(s, "Kingdom of Joseon")
	}
}

// checkOracle compares every changed function with its frozen copy.
func checkOracle(t *testing.T, s, group string) {
	t.Helper()
	checkHelpers(t, s)
	if got, want := stripResidue(s), oracleStripResidue(s); got != want {
		t.Fatalf("stripResidue(%q) = %q, want %q", s, got, want)
	}
	if got, want := tidy(s), oracleTidy(s); got != want {
		t.Fatalf("tidy(%q) = %q, want %q", s, got, want)
	}
	if got, want := nameLike(s), oracleNameLike(s); got != want {
		t.Fatalf("nameLike(%q) = %v, want %v", s, got, want)
	}
	if got, want := CleanText(s), oracleCleanText(s); got != want {
		t.Fatalf("CleanText(%q) = %q, want %q", s, got, want)
	}
	n, f, note, ok := cleanName(s)
	wn, wf, wnote, wok := oracleCleanNameNote(s)
	if n != wn || f != wf || note != wnote || ok != wok {
		t.Fatalf("cleanName(%q) = %q, %v, %q, %v, want %q, %v, %q, %v", s, n, f, note, ok, wn, wf, wnote, wok)
	}
	if n, ok := CleanName(s); true {
		if wn, wok := oracleCleanName(s); n != wn || ok != wok {
			t.Fatalf("CleanName(%q) = %q, %v, want %q, %v", s, n, ok, wn, wok)
		}
	}
	if n, f, ok := CleanNameFlags(s); true {
		if wn, wf, wok := oracleCleanNameFlags(s); n != wn || f != wf || ok != wok {
			t.Fatalf("CleanNameFlags(%q) = %q, %v, %v, want %q, %v, %v", s, n, f, ok, wn, wf, wok)
		}
	}
	checkScanPieces(t, s)
	items := SplitEntities(s)
	if want := oracleSplitEntities(s); !reflect.DeepEqual(items, want) {
		t.Fatalf("SplitEntities(%q) = %#v, want %#v", s, items, want)
	}
	for _, groups := range [][]string{nil, {group}, {group, "Joseon", "Ming dynasty"}, {"Ming", group, "Taira clan"}} {
		got := SplitEntitiesGrouped(s, groups)
		if want := oracleSplitEntitiesGrouped(s, groups); !reflect.DeepEqual(got, want) {
			t.Fatalf("SplitEntitiesGrouped(%q, %q) = %#v, want %#v", s, groups, got, want)
		}
	}
	// The extractors clean the names SplitEntities gives once more.
	for _, it := range items {
		n, ok := CleanName(it.Name)
		if wn, wok := oracleCleanName(it.Name); n != wn || ok != wok {
			t.Fatalf("CleanName(%q) = %q, %v, want %q, %v", it.Name, n, ok, wn, wok)
		}
	}
}

// checkScanPieces checks that scanPieces, when it reads s, cuts it into
// the pieces of cutPieces, and that the parts it checks are those
// cleanAlready's pass over the bytes lets through: cleanAlready gives
// what cleanEnd gives of them.
func checkScanPieces(t *testing.T, s string) {
	t.Helper()
	want := cutPieces(nil, s)
	got, ok := scanPieces(nil, s)
	if !ok {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("scanPieces(%q) = %q, want %q", s, got, want)
	}
	for i, pc := range got {
		if pc.s != want[i].s || (pc.kind == pieceLabel) != (want[i].kind == pieceLabel) {
			t.Fatalf("scanPieces(%q) = %q, want %q", s, got, want)
		}
		if pc.kind < pieceChecked || !cleanStart(pc.s) || dashOrDaggerEdge(pc.s) {
			continue
		}
		ascii := pc.kind == pieceCheckedASCII
		if ascii && !isASCII(pc.s) || cleanAlready(pc.s) != cleanEnd(pc.s, ascii, false) {
			t.Fatalf("scanPieces(%q) checks %q (ASCII %v), but cleanAlready gives %v", s, pc.s, ascii, cleanAlready(pc.s))
		}
	}
	for _, groups := range [][]string{nil, {"Ming", "Joseon"}} {
		var gm, wgm groupMatcher
		gm.groups, wgm.groups = groups, groups
		items, clean := appendEntities(nil, nil, true, s, &gm)
		witems, wclean := appendItems(nil, nil, true, want, &wgm)
		if !reflect.DeepEqual(items, witems) || !reflect.DeepEqual(clean, wclean) || gm.grouped != wgm.grouped {
			t.Fatalf("appendEntities(%q, %q) = %v, %v, want %v, %v", s, groups, items, clean, witems, wclean)
		}
	}
}

// FuzzSplitOracle checks that the list and name cleaning code gives exactly
// what its frozen copy in split_oracle_test.go gives.
func FuzzSplitOracle(f *testing.F) {
	addOracleSeeds(f)
	f.Fuzz(func(t *testing.T, s, group string) {
		checkOracle(t, s, group)
		checkOracle(t, group, s)
	})
}

// TestSplitOracleCorpus runs the oracle comparison on the corpus values, the
// seeds, and their joins and cuts, so that plain go test covers it.
func TestSplitOracleCorpus(t *testing.T) {
	values, prose := corpusValues(t)
	all := append(append(append([]string{}, values...), prose...), oracleSeeds...)
	all = append(all, fuzzSeeds...)
	n := len(all)
	for i := 0; i < n; i++ {
		s := all[i]
		all = append(all, s+" "+all[(i*7+3)%n], all[(i*13+5)%n]+s)
		for _, cut := range []int{len(s) / 3, len(s) / 2, len(s) - 1} {
			if cut > 0 && cut < len(s) {
				all = append(all, s[cut:], s[:cut])
			}
		}
	}
	for i, s := range all {
		checkOracle(t, s, all[(i*31+1)%len(all)])
	}
}

// oracleTidySpacing is the first part of an iteration of oracleTidy.
func oracleTidySpacing(t string) string {
	brackets := strings.ContainsAny(t, "([")
	if brackets && oracleMayEmptyBrackets(t) {
		t = oracleReEmptyBrackets.ReplaceAllString(t, "")
	}
	if strings.Contains(t, "  ") || oracleHasOddSpace(t) {
		t = oracleReSpaces.ReplaceAllString(t, " ")
	}
	if strings.Contains(t, " ") && strings.ContainsAny(t, ",;:.!?)]") {
		t = oracleDropSpaceBeforePunct(t)
	}
	if brackets && oracleMaySpaceAfterOpen(t) {
		t = oracleReSpaceAfterOpen.ReplaceAllString(t, "$1")
	}
	if strings.ContainsAny(t, ",;") {
		t = oracleDropRepeatedSep(t)
	}
	return t
}

// checkHelpers compares the hand-written scans with the regular
// expressions and library calls they replace, on any string (the callers
// give them valid UTF-8 only).
func checkHelpers(t *testing.T, s string) {
	t.Helper()
	m := oracleReGluedFlag.FindStringSubmatchIndex(s)
	if g, ok := gluedFlag(s); ok != (m != nil) || ok && g != m[4] {
		t.Fatalf("gluedFlag(%q) = %d, %v, want %v", s, g, ok, m)
	}
	m = oracleReLooseFlag.FindStringSubmatchIndex(s)
	if start, m0, m1, ok := looseFlag(s); ok != (m != nil) || ok && (start != m[0] || m0 != m[2] || m1 != m[3]) {
		t.Fatalf("looseFlag(%q) = %d, %d, %d, %v, want %v", s, start, m0, m1, ok, m)
	}
	m = oracleReTrailingNote.FindStringSubmatchIndex(s)
	if start, n0, n1, ok := trailingNote(s); ok != (m != nil) || ok && (start != m[0] || n0 != m[2] || n1 != m[3]) {
		t.Fatalf("trailingNote(%q) = %d, %d, %d, %v, want %v", s, start, n0, n1, ok, m)
	}
	if got, want := isYearNote(s), oracleReYearNote.MatchString(s); got != want {
		t.Fatalf("isYearNote(%q) = %v, want %v", s, got, want)
	}
	for _, c := range []struct {
		name      string
		got, want string
	}{
		{"dropTemplateParams", dropTemplateParams(s), oracleReTemplateParam.ReplaceAllString(s, "")},
		{"dropImageSizes", dropImageSizes(s), oracleReImageSize.ReplaceAllString(s, "")},
		{"dropEmptyBrackets", dropEmptyBrackets(s), oracleReEmptyBrackets.ReplaceAllString(s, "")},
		{"collapseSpaces", collapseSpaces(s), oracleReSpaces.ReplaceAllString(s, " ")},
		{"dropSpaceAfterOpen", dropSpaceAfterOpen(s), oracleReSpaceAfterOpen.ReplaceAllString(s, "$1")},
		{"tidySpacing", tidySpacing(s), oracleTidySpacing(s)},
	} {
		if c.got != c.want {
			t.Fatalf("%s(%q) = %q, want %q", c.name, s, c.got, c.want)
		}
	}
	if tidyClean(s) && tidySpacing(s) != s {
		t.Fatalf("tidyClean(%q) but tidySpacing gives %q", s, tidySpacing(s))
	}
	if tidyScan(s) == tidyPunctSpace {
		if got, want := dropPunctSpaces(s), tidySpacing(s); got != want || got == s {
			t.Fatalf("tidyScan(%q) finds spaces before punctuation only, but dropPunctSpaces gives %q and tidySpacing %q", s, got, want)
		}
	}
	if got, want := isNotName(s), oracleNotNames[strings.ToLower(s)]; got != want {
		t.Fatalf("isNotName(%q) = %v, want %v", s, got, want)
	}
	if got, want := string(appendGroupCore([]byte("x"), s)), "x"+oracleGroupCore(s); got != want {
		t.Fatalf("appendGroupCore(%q) = %q, want %q", s, got, want)
	}
	if got, ok := lastCoreWord(s); ok {
		core := oracleGroupCore(s)
		if want := core[strings.LastIndexByte(core, ' ')+1:]; strings.ToLower(got) != want {
			t.Fatalf("lastCoreWord(%q) = %q, want %q", s, got, want)
		}
	}
	if got, want := countFields(s), len(strings.Fields(s)); got != want {
		t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
	}
	if got, want := endsWithColon(s), strings.HasSuffix(strings.TrimRight(s, " ,;|"), ":"); got != want {
		t.Fatalf("endsWithColon(%q) = %v, want %v", s, got, want)
	}
	if got, want := trimBullets(s), strings.TrimLeft(s, "*•·#- "); got != want {
		t.Fatalf("trimBullets(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimFinalPeriod(s), oracleTrimFinalPeriod(s); got != want {
		t.Fatalf("trimFinalPeriod(%q) = %q, want %q", s, got, want)
	}
	var parts []string
	for rest, more := s, true; more; {
		var part string
		part, rest, more = cutTopLevel(rest)
		parts = append(parts, part)
	}
	if want := oracleSplitTopLevel(s); !reflect.DeepEqual(parts, want) {
		t.Fatalf("cutTopLevel(%q) gives %q, want %q", s, parts, want)
	}
	if tidyScan(s) == 0 {
		for _, k := range []int{1, 2, len(s) / 2, len(s) - 2, len(s) - 1} {
			if k > 0 && k < len(s) && (tidyScan(s[k:]) != 0 || tidyScan(s[:k]) != 0) {
				t.Fatalf("tidyScan(%q) = 0, but not of %q or %q", s, s[k:], s[:k])
			}
		}
	}
	if bits, found, flag := scanText(s); bits != oracleScanResidue(s) || found != tidyScan(s) || flag != mayFlag(s) {
		t.Fatalf("scanText(%q) = %b, %b, %v, want %b, %b, %v", s, bits, found, flag, oracleScanResidue(s), tidyScan(s), mayFlag(s))
	}
	if bits := scanResidue(s); bits&resInvalid != 0 == utf8.ValidString(s) {
		t.Fatalf("scanResidue(%q) = %b", s, bits)
	}
	if utf8.ValidString(s) {
		bits := scanResidue(s)
		px := strings.Contains(s, "px") || strings.Contains(s, "PX") || strings.Contains(s, "Px")
		if bits&resPx != 0 != px || bits&resPipe != 0 != strings.Contains(s, "|") ||
			bits&resEqual != 0 != strings.Contains(s, "=") || bits&resLess != 0 != strings.Contains(s, "<") ||
			bits&resDot != 0 != strings.Contains(s, ".") || bits&(resLess|resDashes) != 0 != oracleMayBreak(s) ||
			bits&resSpaceMap != 0 != (strings.Map(residueRune, s) != s) {
			t.Fatalf("scanResidue(%q) = %b", s, bits)
		}
	}
}

// oracleTokens are the pieces TestSplitOracleRandom builds strings from:
// the characters and words the cleaning code looks for, and some it must
// leave alone.
var oracleTokens = []string{
	"KIA", "WIA", "POW", "MIA", "k.i.a.", "IA", "PO", "(", ")", "[", "]", " ", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r",
	"\u00a0", "\u0085", "\u2028", "\u3000", "\u200b", "\ufeff", "\x01", "\x7f", "\u0080", "\xff", "\xe2\x80",
	",", ";", ":", "|", ".", "!", "?", "-", "----", "–", "—", "†", "*", "•", "·", "#", "=", "<br>", "<br/>", "<hr>", "<b>", "</b>", "<",
	"1", "20", "592", "1592", "12345", "x", "X", "px", "PX", "pX", "Px", "20px", "20x30px", ".png", ".svg", ".ſvg", "kao.JPG",
	"BC", "BCE", "AD", "CE", "the ", "The ", "and", " and ", "Oda", "Nobunaga", "clan", "dynasty", "Ming", "Joseon", "Kingdom", "of",
	"a", "é", "e\u0301", "Ō", "ŏ", "ǅ", "İ", "\u212a", "ſ", "王", "김", "_", "unknown", "Unknown", "none", "n/a", "?", "Main", "co",
	"| name = v", "|x=", "= ", "10:30", "victory", "Co",
}

// TestSplitOracleRandom compares the cleaning code with its frozen copy on
// strings made of the tokens it looks for, which byte-level fuzzing meets
// only by chance.
func TestSplitOracleRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	if s := os.Getenv("SPLIT_ORACLE_N"); s != "" {
		fmt.Sscan(s, &n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	gen := func() string {
		b.Reset()
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(oracleTokens[r.IntN(len(oracleTokens))])
		}
		return b.String()
	}
	for i := 0; i < n; i++ {
		checkOracle(t, gen(), gen())
	}
}

// TestScanPiecesEdges checks scanPieces against cutPieces, and the
// cleaning around them against the oracles, where its fast paths turn:
// " and " found at its first space (overlapping, at a part's start,
// inside brackets, at the end), the runes that lower-case to ASCII
// letters, and the ends tidy trims only when they are white space or a
// period.
func TestScanPiecesEdges(t *testing.T) {
	for _, s := range []string{
		"Oda and Tokugawa",
		"Oda and and Tokugawa",
		"Oda and  and Tokugawa",
		"Oda, and Tokugawa",
		"and Tokugawa",
		" and Tokugawa",
		"Oda and",
		"Oda and ",
		"Oda (and Tokugawa) and Imagawa",
		"Oda anda Tokugawa; Land and Sea",
		"Oda  and Tokugawa",
		"Oda and (Tokugawa)",
		"L\u0130GHT, Oda",
		"UN\u212aNOWN and Oda",
		"Ōtomo and \u0130mamura",
		"Oda–Tokugawa victory.",
		"Oda victory. ",
		"\u00a0Oda\u00a0",
		" Oda ",
		"Oda\u2003",
	} {
		checkScanPieces(t, s)
		checkOracle(t, s, "Oda")
	}
}
