package value

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCleanNameFlags(t *testing.T) {
	tests := []struct {
		in    string
		name  string
		flags Flags
		ok    bool
	}{
		{"Ding RuchangKIA", "Ding Ruchang", KIA, true},
		{"Li DaozongWIA", "Li Daozong", WIA, true},
		{"Ko YŏnsuPOW", "Ko Yŏnsu", POW, true},
		{"Battle of NoryangKIA", "Battle of Noryang", KIA, true},
		{"† Yi Sun-sin", "Yi Sun-sin", KIA, true},
		{"Yi Sun-sin (KIA)", "Yi Sun-sin", KIA, true},
		{"KIA", "", KIA, false},
		{"20px Toyotomi Japan", "Toyotomi Japan", 0, true},
		{"15px Mōri clan", "Mōri clan", 0, true},
		{"50px Kingdom of Joseon", "Kingdom of Joseon", 0, true},
		{"Konishi Yukinaga |", "Konishi Yukinaga", 0, true},
		{"| reign-type = Reign", "", 0, false},
		{"| cor-type =", "", 0, false},
		{"KurodaK kao.png", "", 0, false},
		{"Emperor Go-Yozei kao.jpg", "", 0, false},
		{"Flag of Japan.svg", "", 0, false},
		{"Yi Hon ()", "Yi Hon", 0, true},
		// What a bracket cut in two leaves.
		{"Japan)", "Japan", 0, true},
		{"(Japan", "Japan", 0, true},
		{"Japan (now", "Japan", 0, true},
		{"Fujiwara no (Kajūji) Haruko", "Fujiwara no (Kajūji) Haruko", 0, true},
		{"Kyoto (Heian-kyō))", "Kyoto (Heian-kyō)", 0, true},
		{")", "", 0, false},
		{"Yi Hon (; )", "Yi Hon", 0, true},
		{"Yi Hon (, )", "Yi Hon", 0, true},
		{"the Japanese invasions of Korea (1592–1598)", "Japanese invasions of Korea (1592–1598)", 0, true},
		{"The First Sino-Japanese War", "First Sino-Japanese War", 0, true},
		{"the Genpei War", "Genpei War", 0, true},
		{"Battle of Sacheon (1592)", "Battle of Sacheon (1592)", 0, true},
		{"Siege of Yoshida-Kōriyama Castle (1540-1541)", "Siege of Yoshida-Kōriyama Castle (1540-1541)", 0, true},
		{"Minamoto no Yoshitsune (naval)", "Minamoto no Yoshitsune", 0, true},
		{"Orangai (Jurchens)", "Orangai", 0, true},
		{"  Kim   Myŏngwŏn , ", "Kim Myŏngwŏn", 0, true},
		{"Main:", "", 0, false},
		{"?", "", 0, false},
		{"Unknown", "", 0, false},
		{"none", "", 0, false},
		{"light", "", 0, false},
		{"citizens", "", 0, false},
		{"1,000", "", 0, false},
		{"---", "", 0, false},
		{"", "", 0, false},
		{"郭再祐", "郭再祐", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			name, flags, ok := CleanNameFlags(tt.in)
			if name != tt.name || flags != tt.flags || ok != tt.ok {
				t.Errorf("CleanNameFlags(%q) = %q, %v, %v; want %q, %v, %v", tt.in, name, flags, ok, tt.name, tt.flags, tt.ok)
			}
			if n, ok2 := CleanName(tt.in); n != name || ok2 != ok {
				t.Errorf("CleanName(%q) = %q, %v; disagrees with CleanNameFlags", tt.in, n, ok2)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Oda–Tokugawa victory.", "Oda–Tokugawa victory"},
		{"Victory for Oda Nobunaga and Tokugawa Ieyasu. Weakening of the Takeda clan.", "Victory for Oda Nobunaga and Tokugawa Ieyasu. Weakening of the Takeda clan"},
		{"Japanese occupation of Hamgyeong, Japanese withdraw from Jurchen territory, Japanese capture of two Korean princes", "Japanese occupation of Hamgyeong, Japanese withdraw from Jurchen territory, Japanese capture of two Korean princes"},
		{"19 dead, 114 wounded |", "19 dead, 114 wounded"},
		{"?|", "?"},
		{"Jeonju Yi | house-type = Clan", "Jeonju Yi"},
		{"Yes | mapframe-zoom = 7", "Yes"},
		{"Deng ShichangKIA killed", "Deng Shichang KIA killed"},
		{"20px Toyotomi Japan victory", "Toyotomi Japan victory"},
		{"Yi Hon ()", "Yi Hon"},
		{"Joseon ,  Ming", "Joseon, Ming"},
		{"c.", "c."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFlagsString(t *testing.T) {
	if got := (KIA | POW).String(); got != "KIA POW" {
		t.Errorf("String() = %q", got)
	}
}

// TestTidyLoopsMatchRegexps checks the hand-written replacements of two
// regular expressions against the expressions themselves.
func TestTidyLoopsMatchRegexps(t *testing.T) {
	for _, s := range []string{
		"a , b", "a ,, b", "a , ; , b", "x ( y )", "end .", "a  ;  ;b", "none", " , ", "a\t,b", ",;,", "a ]", "Ming ,, Li Rusong , , Joseon",
	} {
		if got, want := dropSpaceBeforePunct(s), reSpaceBeforePunct.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("dropSpaceBeforePunct(%q) = %q, want %q", s, got, want)
		}
		if got, want := dropRepeatedSep(s), reRepeatedSep.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("dropRepeatedSep(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTidyScan checks what tidyScan finds, and that dropPunctSpaces does
// what tidySpacing does where it finds only spaces before punctuation.
func TestTidyScan(t *testing.T) {
	for _, tc := range []struct {
		in    string
		found uint
	}{
		{"Oda Nobunaga", 0},
		{"800 killed , 1,000 wounded", tidyPunctSpace},
		{"300 ships , 500 ships (Korean sources) .", tidyPunctSpace},
		{"x (y )", tidyPunctSpace},
		{"a  , b", tidyOther},
		{"a , , b", tidyOther},
		{"a ( , ) b", tidyOther},
		{"a ,\tb", tidyOther},
		{"a\t, b", tidyOther},
		{"a ,\u00a0b", tidyOther},
	} {
		if got := tidyScan(tc.in); got != tc.found {
			t.Errorf("tidyScan(%q) = %b, want %b", tc.in, got, tc.found)
		}
		if tc.found == tidyPunctSpace {
			if got, want := dropPunctSpaces(tc.in), tidySpacing(tc.in); got != want {
				t.Errorf("dropPunctSpaces(%q) = %q, tidySpacing gives %q", tc.in, got, want)
			}
		}
	}
}

func TestTrimUnbalanced(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Japan)", "Japan"},
		{"(Japan", "Japan"},
		{"Japan (now", "Japan"},
		{"Japan (now (modern", "Japan"},
		{"Fujiwara no (Kajūji) Haruko", "Fujiwara no (Kajūji) Haruko"},
		{"Kyoto (Heian-kyō))", "Kyoto (Heian-kyō)"},
		{"0(0(A)(", "0"},
		{"((Japan))", "((Japan))"},
		{"a) b", "a) b"},
		{"(", ""},
		{"Japan", "Japan"},
	} {
		if got := trimUnbalanced(tc.in); got != tc.want {
			t.Errorf("trimUnbalanced(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCleanAlready checks that the names cleanAlready passes are those
// cleaning leaves as they are, and that it passes the usual ones.
func TestCleanAlready(t *testing.T) {
	for _, s := range []string{"Yi Sun-sin", "Wŏn Kyun", "Battle of Sacheon (1592)", "Fujiwara no (Kajūji) Haruko",
		"St. Petersburg", "Toyotomi Hideyoshi", "王", "Ming", "Kim Si-min", "Yi Il [1]", "Oda, Tokugawa", "de Gaulle", "al-Din Khan",
		"Minamoto no Yoshitsune", "Xu Da", "ǅemal"} {
		if !cleanAlready(s) {
			t.Errorf("cleanAlready(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"", " Yi", "Yi ", "Yi  Il", "the Ming", "The Ming", "Ming (naval)", "Ming)", "(Ming", "Ming (now",
		"Ding RuchangKIA", "Ding Ruchang KIA", "Ding (KIA)", "†Ding", "Ding†", "Main:", "– Ming", "Ming –", "Ming.", "none", "None",
		"Unknown", "citizens", "20px Ming", "Ming|Joseon", "Ming <br> Joseon", "Ming ---- Joseon", "kao.jpg Ming", "Ming , Joseon",
		"Ming,,Joseon", "Ming ( ) Joseon", "Ming (, ) Joseon", "( Ming)", "Ming\u00a0Joseon", "Ming\u3000", "Ming\u200b", "\xffMing",
		"Ming\tJoseon", ",Ming", "-Ming", "Ming-", "Ming ]", "Ming :x", "Ming !", "Ming ?", "20px", "de gaulle", "x"} {
		if cleanAlready(s) {
			t.Errorf("cleanAlready(%q) = true, want false", s)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	passed := 0
	for i := 0; i < 50000; i++ {
		b.Reset()
		for k := r.IntN(6); k >= 0; k-- {
			b.WriteString(oracleTokens[r.IntN(len(oracleTokens))])
		}
		s := b.String()
		if !cleanAlready(s) {
			continue
		}
		passed++
		if n, f, note, ok := cleanNameSteps(s); n != s || f != 0 || note != "" || !ok {
			t.Fatalf("cleanAlready(%q) = true, but cleaning gives %q, %v, %q, %v", s, n, f, note, ok)
		}
	}
	if passed < 1000 {
		t.Errorf("cleanAlready passed only %d random strings", passed)
	}
}

// TestIsNotNameASCII checks isNotNameASCII against isNotName.
func TestIsNotNameASCII(t *testing.T) {
	tests := []string{"", "?", "Unknown", "UNKNOWN COMMANDERS", "unknown commander", "N/A", "na", "Na", "nb", "Others", "other ", "Ming", "Several"}
	for k := range notNames {
		tests = append(tests, k, strings.ToUpper(k), k+"s", k[1:])
	}
	for _, s := range tests {
		if got, want := isNotNameASCII(s), isNotName(s); got != want {
			t.Errorf("isNotNameASCII(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAppendLower checks appendLower against strings.ToLower, with and
// without a limit.
func TestAppendLower(t *testing.T) {
	for _, s := range append([]string{"", "ABC", "Ming Dynasty", "ÉCOLE de Paris", "a\xffB", "İstanbul", "ΣΑΣ x", "\u212aelvin", "ſ"}, fuzzSeeds...) {
		want := strings.ToLower(s)
		if got, ok := appendLower([]byte("x"), s, -1); string(got) != "x"+want || !ok {
			t.Errorf("appendLower(%q, -1) = %q, %v, want %q", s, got, ok, want)
		}
		for limit := 0; limit <= len(want)+1; limit++ {
			got, ok := appendLower(nil, s, limit)
			if ok != (len(want) <= limit) || ok && string(got) != want {
				t.Errorf("appendLower(%q, %d) = %q, %v, want %q", s, limit, got, ok, want)
			}
		}
	}
}

// TestIsSpaceAboveLatin1 checks isSpaceAboveLatin1 against unicode.IsSpace
// for every rune above Latin-1.
func TestIsSpaceAboveLatin1(t *testing.T) {
	for r := rune(0x100); r <= unicode.MaxRune; r++ {
		if got, want := isSpaceAboveLatin1(r), unicode.IsSpace(r); got != want {
			t.Errorf("isSpaceAboveLatin1(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestSkipPlain(t *testing.T) {
	for _, s := range []string{"", "a", "ab|", "abcd", "abcde|", "abcdefgh", "abcdefg.", "|abcdefgh", "abc|defghij", "abcdefghijklmnopq.r", "Ōda"} {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && residueByte[s[want]] == 0 {
				want++
			}
			if got := skipPlain(s, i, &residueByte); got != want {
				t.Errorf("skipPlain(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestContainsByByte(t *testing.T) {
	for _, s := range []string{"", "I", "IA", "xIA", "IIA", "IxIA", "Ix", "PO", "POW", "PPOW", "PxPOW", "POPOW", "KIA ", "Imjin"} {
		for _, sub := range []string{"IA", "POW"} {
			if got, want := containsByByte(s, sub), strings.Contains(s, sub); got != want {
				t.Errorf("containsByByte(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// TestLowersToASCII checks that lowersToASCII knows every rune past ASCII
// that lower-cases to ASCII, so that cleanEnd asks isNotName of every
// name that may be a placeholder.
func TestLowersToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf && !lowersToASCII("Ab"+string(r)) {
			t.Errorf("lowersToASCII misses %U, which lower-cases to %q", r, unicode.ToLower(r))
		}
	}
	if lowersToASCII("Ōtomo") || !isNotName("UN\u212aNOWN") || !isNotName("LİGHT") {
		t.Error("lowersToASCII or isNotName is wrong")
	}
}

// TestTidySpacingOnePass checks tidySpacing, which takes its steps in one
// pass, against tidySpacingPasses, which takes them one after the other,
// on strings of the bytes the steps act on.
func TestTidySpacingOnePass(t *testing.T) {
	cases := []string{
		"", "Yi Hon ()", "Seonjong ( )", "a (  , ; ) b", "a ( ,;, ) b", "(( x", "( ( x", "[ ]x",
		"a ()  , b", "a , , ; b", "a ,  ; ,b", "a, ", "a ,", "x ( , y )", "a\t\t,\n b", "( ,x)",
		"a ( ) , , b .", "Name:–192,000 (a b), 300 c d:,  2e. (1597–98), w:", ", , w w:,",
		"3,000 w , 500 w , (w w) , , 5,000 w , (w w)", "a\v, b", "a \v ,b", "( \v x", "a,\v,b",
		"x\u00a0, y", "a (  ) ( ; ) b", "[,] (.:.) (|)",
	}
	const alphabet = "([)],;:|.!? \t\n\r\f\vab\xe2\x80\x94"
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := tidySpacing(s), tidySpacingPasses(s); got != want {
			t.Fatalf("tidySpacing(%q) = %q, want %q", s, got, want)
		}
	}
}
