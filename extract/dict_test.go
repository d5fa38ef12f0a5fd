package extract

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// TestDictionaryHashCollisions fills a dictionary under a hash that makes
// most keys collide: every name is still found, and no other key.
func TestDictionaryHashCollisions(t *testing.T) {
	defer func(m uint64) { dictHashMask = m }(dictHashMask)
	dictHashMask = 7
	d := NewDictionary()
	var names []string
	for i := range 2000 {
		names = append(names, fmt.Sprintf("Yi Sun %d", i), fmt.Sprintf("Battle %c%d", 'A'+i%26, i))
	}
	for i, n := range names {
		class := ontology.Person
		if i%2 == 1 {
			class = ontology.MilitaryConflict
		}
		d.Add(n, class)
	}
	if d.Len() != len(names) {
		t.Fatalf("Len %d, want %d", d.Len(), len(names))
	}
	for i, n := range names {
		name, class, found := d.Lookup(FoldName(n))
		if !found || name != n || (class == ontology.Person) != (i%2 == 0) {
			t.Fatalf("Lookup(%q) = %q, %v, %v", FoldName(n), name, class, found)
		}
		if _, _, found := d.Lookup(FoldName(n) + "x"); found {
			t.Fatalf("Lookup(%q) found", FoldName(n)+"x")
		}
	}
}

// TestDictIndex fills a dictIndex with hashes whose low bits, which pick
// their slots, are shared by runs of them and wrap around the table's end:
// every hash finds its entry as the table grows, and no other hash one.
func TestDictIndex(t *testing.T) {
	for _, n := range []int{0, 1, 47, 48, 49, 1000, 5000} {
		for _, sized := range []bool{false, true} {
			var x dictIndex
			if sized {
				x.init(n)
			}
			hash := func(i int) uint64 { return uint64(i%7)<<40 | uint64(i/7)<<8 | 0x3f }
			for i := range n {
				x.put(hash(i), int32(i))
			}
			for i := range n {
				if j, ok := x.get(hash(i)); !ok || j != int32(i) {
					t.Fatalf("%d hashes: get(%#x) = %d, %v; want %d", n, hash(i), j, ok, i)
				}
			}
			for _, h := range []uint64{0, 0x40, 0x3f | 1<<62, hash(n), hash(n) ^ 1<<63} {
				if j, ok := x.get(h); ok {
					t.Fatalf("%d hashes: get(%#x) = %d, absent", n, h, j)
				}
			}
			seen := 0
			x.all(func(uint64) { seen++ })
			if seen != n || x.n != n || len(x.slots)*3 < 4*n {
				t.Fatalf("%d hashes: %d yielded, %d counted in %d slots", n, seen, x.n, len(x.slots))
			}
		}
	}
}

// TestDictionaryGob checks that a dictionary read back from EncodeGob
// answers every look-up as the original does, and writes the same bytes.
func TestDictionaryGob(t *testing.T) {
	d := NewDictionary()
	for i := range 10000 {
		d.Add(fmt.Sprintf("Battle of Place %d", i), ontology.MilitaryConflict)
		d.Add(fmt.Sprintf("Kim %d", i%300), ontology.Person)
	}
	d.Add("Ming", ontology.Person)
	d.Add("Ming", ontology.Force)
	d.Add("Kato", ontology.Person)
	d.Add("Katō", ontology.Person)
	d.Add("Ka To", ontology.Person) // folds as "ka to": another key
	var buf bytes.Buffer
	if err := d.EncodeGob(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	first := bytes.Clone(buf.Bytes())
	got, err := DecodeDictionary(gob.NewDecoder(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != d.Len() {
		t.Fatalf("Len %d, want %d", got.Len(), d.Len())
	}
	for i := range d.entries {
		key := string(appendFoldName(nil, d.entry(i).name))
		for _, k := range []string{key, key + "x"} {
			n1, c1, f1 := d.Lookup(k)
			n2, c2, f2 := got.Lookup(k)
			if n1 != n2 || c1 != c2 || f1 != f2 {
				t.Fatalf("Lookup(%q) = %q %v %v after the round trip, want %q %v %v", k, n2, c2, f2, n1, c1, f1)
			}
		}
	}
	buf.Reset()
	if err := got.EncodeGob(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), first) {
		t.Error("the dictionary read back writes other bytes")
	}
	// Truncated input is an error, never a smaller dictionary.
	for _, n := range []int{0, 10, len(first) / 2, len(first) - 1} {
		if _, err := DecodeDictionary(gob.NewDecoder(bytes.NewReader(first[:n]))); err == nil {
			t.Errorf("%d of %d bytes read without error", n, len(first))
		}
	}
}

// TestDictionaryClassCounts checks the counts of entries whose classes
// come interleaved: each entry's first count is packed next to its
// neighbours', which a second class must not overwrite.
func TestDictionaryClassCounts(t *testing.T) {
	d := NewDictionary()
	for range 2 {
		d.Add("Alpha Beta", ontology.Person)
		d.Add("Gamma Delta", ontology.Place)
		d.Add("Alpha Beta", ontology.Force)
		d.Add("Epsilon Zeta", ontology.Force)
		d.Add("Gamma Delta", ontology.Person)
	}
	d.Add("Gamma Delta", ontology.Place)
	want := map[string][]classCount{
		"alpha beta":   {{d.mustClass(t, ontology.Person), 2}, {d.mustClass(t, ontology.Force), 2}},
		"gamma delta":  {{d.mustClass(t, ontology.Place), 3}, {d.mustClass(t, ontology.Person), 2}},
		"epsilon zeta": {{d.mustClass(t, ontology.Force), 2}},
	}
	for key, w := range want {
		i, _, ok, _ := d.find(key)
		if !ok {
			t.Fatalf("no entry %q", key)
		}
		if got := d.counts(i); !slices.Equal(got, w) {
			t.Errorf("%q counts %v, want %v", key, got, w)
		}
	}
	if _, c, _ := d.Lookup("gamma delta"); c != ontology.Place {
		t.Errorf("gamma delta is a %v, want a place", c)
	}
	// A saved entry that counts a class twice is refused, as Add never
	// writes one.
	i, _, _, _ := d.find("epsilon zeta")
	e := d.entry(i)
	d.more[i] = append(d.more[i], classCount{class: e.class, n: e.n})
	e.more = true
	var buf bytes.Buffer
	if err := d.EncodeGob(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeDictionary(gob.NewDecoder(&buf)); !errors.Is(err, ErrBadDictionary) {
		t.Errorf("a class counted twice: %v, want ErrBadDictionary", err)
	}
}

// TestDictionaryCopiesNames checks that an entry keeps a copy of its name,
// not the string it was sliced from: a name from an infobox value would
// otherwise keep the value's whole line for the run.
func TestDictionaryCopiesNames(t *testing.T) {
	line := strings.Repeat("x", 1000) + "Kim Si-min, Yi Sun-sin"
	d := NewDictionary()
	d.Add(line[1000:1010], ontology.Person)
	i, _, ok, _ := d.find("kim simin")
	if !ok {
		t.Fatal("no entry for Kim Si-min")
	}
	name := d.entry(i).name
	start, end := uintptr(unsafe.Pointer(unsafe.StringData(line))), uintptr(unsafe.Pointer(unsafe.StringData(line)))+uintptr(len(line))
	if p := uintptr(unsafe.Pointer(unsafe.StringData(name))); name != "Kim Si-min" || p >= start && p < end {
		t.Errorf("entry name %q shares the bytes of the line it came from", name)
	}
}

// mustClass returns the index of class c in d.
func (d *Dictionary) mustClass(t *testing.T, c rdf.Term) uint16 {
	t.Helper()
	i := slices.Index(d.classes, c)
	if i < 0 {
		t.Fatalf("no class %v", c)
	}
	return uint16(i)
}

// FuzzDictionaryMerge checks that adding names to two or three
// dictionaries in turn and merging them in order gives the dictionary that
// adds them all to one, to the byte: each op byte adds a name of a pool
// (spellings of one key among them, and "Louis Ⅻ", whose numeral folds in
// its letters but not its key, which makes "Louis" ambiguous) with a
// class, and each 0xff starts the next dictionary.
func FuzzDictionaryMerge(f *testing.F) {
	names := []string{"Kato Kiyomasa", "Katō Kiyomasa", "Kato, Kiyomasa", "KATO KIYOMASA", "Yi Sun-sin", "Yi Sun sin",
		"Ming", "ming", "Ka To", "Battle of Okpo", "the", "Imjin War", "Louis", "Louis Ⅻ"}
	classes := []rdf.Term{ontology.Person, ontology.Force, ontology.MilitaryConflict, ontology.Place, {}}
	f.Add([]byte{0, 1, 0xff, 2, 3, 0xff, 14, 4 | 1<<4, 5, 6 | 2<<4, 7 | 3<<4})
	f.Add([]byte{1 | 4<<4, 2, 0xff, 0 | 1<<4, 9, 0xff, 10, 11 | 2<<4, 12 | 2<<4, 9 | 3<<4})
	f.Add([]byte{0xff, 0xff, 6, 7})
	f.Add([]byte{12, 0xff, 13, 0xff, 12})
	f.Add([]byte{12, 13, 0xff, 12, 0xff, 12})
	f.Add([]byte{12, 0xff, 12, 13})
	f.Fuzz(func(t *testing.T, ops []byte) {
		whole := NewDictionary()
		parts := []*Dictionary{NewDictionary()}
		for _, op := range ops {
			if op == 0xff {
				if len(parts) < 3 {
					parts = append(parts, NewDictionary())
				}
				continue
			}
			name, class := names[int(op&15)%len(names)], classes[int(op>>4)%len(classes)]
			whole.Add(name, class)
			parts[len(parts)-1].Add(name, class)
		}
		merged := parts[0]
		for _, p := range parts[1:] {
			merged.Merge(p)
		}
		var want, got bytes.Buffer
		if err := whole.EncodeGob(gob.NewEncoder(&want)); err != nil {
			t.Fatal(err)
		}
		if err := merged.EncodeGob(gob.NewEncoder(&got)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%d dictionaries merged differ from one", len(parts))
		}
	})
}

// TestDecodeDictionaryBadEntries checks that saved entries that Add never
// writes are refused: a key that is not its name folded, which find could
// never match as it folds the name again, and a class counted zero times.
func TestDecodeDictionaryBadEntries(t *testing.T) {
	entry := func(key, name string, counts ...uint64) []byte {
		b := binary.AppendUvarint(nil, uint64(len(key)))
		b = append(b, key...)
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(append(b, name...), 0)
		b = binary.AppendUvarint(b, uint64(len(counts)))
		for _, n := range counts {
			b = binary.AppendUvarint(append(b, 0), n)
		}
		return b
	}
	for _, tc := range []struct {
		name  string
		batch []byte
		ok    bool
	}{
		{"good", entry("kim simin", "Kim Si-min", 2), true},
		{"key of another name", entry("yi sunsin", "Kim Si-min", 2), false},
		{"zero count", entry("kim simin", "Kim Si-min", 0), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := gob.NewEncoder(&buf)
			for _, v := range []any{savedDictionary{Classes: []string{ontology.Person.Value}, Entries: 1}, tc.batch, []byte{}} {
				if err := enc.Encode(v); err != nil {
					t.Fatal(err)
				}
			}
			d, err := DecodeDictionary(gob.NewDecoder(&buf))
			if tc.ok {
				if err != nil {
					t.Fatal(err)
				}
				if name, class, ok := d.Lookup("kim simin"); !ok || name != "Kim Si-min" || class != ontology.Person {
					t.Errorf("Lookup = %q, %v, %v", name, class, ok)
				}
				return
			}
			if !errors.Is(err, ErrBadDictionary) {
				t.Errorf("err = %v, want ErrBadDictionary", err)
			}
		})
	}
}

// counts returns entry i's class counts, its first class's first.
func (d *Dictionary) counts(i int32) []classCount {
	e := d.entry(i)
	if e.n == 0 {
		return nil
	}
	return append([]classCount{{class: e.class, n: e.n}}, d.more[i]...)
}

// TestFoldNameScan checks the one-scan FoldName against the oracle and
// expected keys on what its paths handle: ASCII words, joiners that join
// or end a word, possessives, non-ASCII letters, marks and separators.
func TestFoldNameScan(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Yi Sun-sin", "yi sunsin"},
		{"  Kato  Kiyomasa ", "kato kiyomasa"},
		{"Yang Manch'un", "yang manchun"},
		{"Kuroda's men", "kuroda men"},
		{"X'sy", "xsy"},
		{"O’Neill’s", "oneill"},
		{"a--b", "a b"},
		{"a- b", "a b"},
		{"-a", "a"},
		{"a-", "a"},
		{"Battle of Hansan (1592)", "battle of hansan 1592"},
		{"Goguryeo–Tang War", "goguryeotang war"},
		{"Kim\u00a0Yu-sin", "kim yusin"},
		{"Katō Kiyomasa", "kato kiyomasa"},
		{"a\u0301b", "ab"},
		{"\u0301x", "x"},
		{"a \u0301 b", "a  b"},
		{"野村", "野村"},
		{"x\xffy", "x y"},
		// Words read 8 bytes at a time: across the boundaries, ending
		// in the shifted last 8 bytes, and before a joiner or a rune
		// beyond ASCII, after which the scan goes on a byte at a time.
		{"Konishi Yukinaga", "konishi yukinaga"},
		{"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"},
		{"Siege of Jinju (1593)", "siege of jinju 1593"},
		{"[@`{Z]az09/:", "z az09"},
		{"Tokugawa Ieyasu's army", "tokugawa ieyasu army"},
		{"Goguryeo-Tang War Mohe", "goguryeotang war mohe"},
		{"Myeongnyang Ōmi Province", "myeongnyang omi province"},
		// Plain names, folded whole 8 bytes at a time, and names that
		// leave that path at a space, a double space, a byte beyond
		// ASCII or punctuation in their first, middle or last 8 bytes.
		{"Yi Sun Sin", "yi sun sin"},
		{"Battle of Okpo 1592", "battle of okpo 1592"},
		{"ABCDEFGH", "abcdefgh"},
		{"ABCDEFG H", "abcdefg h"},
		{"Abcdefgh Ijklmnop", "abcdefgh ijklmnop"},
		{"Abcdefg  Hijklmnop", "abcdefg hijklmnop"},
		{"Abcdefgh  Ijklmnop", "abcdefgh ijklmnop"},
		{"Abcdefghi Jk  Lmno", "abcdefghi jk lmno"},
		{" Abcdefgh Ijk", "abcdefgh ijk"},
		{"Abcdefgh Ijk ", "abcdefgh ijk"},
		{"Abc.Defgh Ijk", "abc defgh ijk"},
		{"Abcdefgh Ij.k", "abcdefgh ij k"},
		{"Abcdefgh I-jk Lmnopq", "abcdefgh ijk lmnopq"},
		{"Abcdefgh Ijklmnop Ō", "abcdefgh ijklmnop o"},
		{"Abcdefgh Ijklmnop's", "abcdefgh ijklmnop"},
		{"Abcdefgh Ijklmno @", "abcdefgh ijklmno"},
		{"Abcdefg\tHijklmnop", "abcdefg hijklmnop"},
	} {
		if got := FoldName(tc.in); got != tc.want {
			t.Errorf("FoldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := FoldName(tc.in), oracleFoldName(tc.in); got != want && utf8.ValidString(tc.in) {
			t.Errorf("FoldName(%q) = %q, oracle %q", tc.in, got, want)
		}
		checkFoldNameIs(t, tc.in)
	}
}

// checkFoldNameIs checks that foldNameIs(s, key) holds for s's key alone:
// not for the key cut short, made longer, or with a byte changed.
func checkFoldNameIs(t *testing.T, s string) {
	t.Helper()
	key := FoldName(s)
	if !foldNameIs(s, key) {
		t.Errorf("foldNameIs(%q, %q) = false", s, key)
	}
	others := []string{key + " ", key + "a", "x" + key}
	if key != "" {
		others = append(others, key[:len(key)-1], key[1:])
		for i := range key {
			b := []byte(key)
			b[i] ^= 0x20
			others = append(others, string(b))
		}
	}
	for _, o := range others {
		if o != key && foldNameIs(s, o) {
			t.Errorf("foldNameIs(%q, %q) = true, key %q", s, o, key)
		}
	}
}

// TestAppendFoldNameRoom checks that appendFoldName appends the key
// after a space to a buffer that holds bytes, whatever room it has left,
// and leaves those bytes as they were.
func TestAppendFoldNameRoom(t *testing.T) {
	for _, name := range []string{"Yi", "Konishi Yukinaga", "Battle of the Yalu River (1894)", "Yi Sun-sin of Joseon", "Katō Kiyomasa", "ﷺ x"} {
		for room := 0; room < 48; room++ {
			b := make([]byte, 3, 3+room)
			copy(b, "abc")
			got := string(appendFoldName(b, name))
			if want := "abc " + FoldName(name); got != want {
				t.Errorf("appendFoldName(%q, %q) with room %d = %q, want %q", "abc", name, room, got, want)
			}
			if string(b) != "abc" {
				t.Errorf("appendFoldName changed its buffer's bytes to %q", b)
			}
		}
	}
}

// TestAddGraphCanonical checks that AddGraph, which does not canonicalise
// a graph's labels and aliases again, makes the dictionary that Add makes
// of them.
func TestAddGraphCanonical(t *testing.T) {
	g := NewGraph(rdf.IRI("http://example.org/g"))
	for _, n := range []struct {
		name, alias string
		class       rdf.Term
	}{
		{"  yi  sun-sin ", "yi_sunsin", ontology.Person}, {"kato_kiyomasa", "Katō  Kiyomasa", ontology.Person},
		{"Battle of Okpo (1592-98)", "okpo", ontology.MilitaryConflict}, {"Okpo", "Okpo Bay", ontology.Place},
		{"ōtomo Yoshimune", "Otomo\tYoshimune", ontology.Person}, {"Yi Sun-sin", "Admiral Yi", ontology.Person},
		{"Joseon Navy", "Navy", ontology.Force}, {"Ming", "Ming dynasty", ontology.Force},
		{"Hansan Island", "Hansando", ontology.Place}, {"Nanjung Ilgi", "War Diary", ontology.Article},
	} {
		e := g.Entity("http://example.org/e/", n.name, n.class)
		e.AddAlias(n.alias)
	}
	got, want := NewDictionary(), NewDictionary()
	got.AddGraph(g)
	for _, e := range g.order {
		c := contractClass(e.Classes)
		if c.IsZero() {
			continue
		}
		want.Add(e.Label, c)
		for _, a := range e.Aliases {
			if isLatinName(a) {
				want.Add(a, c)
			}
		}
	}
	if !slices.Equal(got.classes, want.classes) {
		t.Errorf("AddGraph counts classes %v, Add %v", got.classes, want.classes)
	}
	if got.Len() != want.Len() || got.Len() == 0 {
		t.Fatalf("AddGraph made %d entries, Add %d", got.Len(), want.Len())
	}
	for i := range got.entries {
		if g, w := *got.entry(i), *want.entry(i); g != w {
			t.Errorf("entry %d: AddGraph made %+v, Add %+v", i, g, w)
		}
	}
}

// TestUsableKey checks which keys prose mentions are matched against.
func TestUsableKey(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{"", false}, {"x", false}, {"yi", true}, {"12", false}, {"1592", false}, {"1592 1598", false},
		{"the", false}, {"the yalu", true}, {"traditionally", false}, {"traditionallyx", true},
		{"of the", true}, {"1592 yi", true}, {"ō", true}, {"1ō", true}, {"1 2 ō", true}, {"-1", false},
		// Keys of a stop word's length and first letter, and of neither.
		{"thx", true}, {"while", false}, {"whilx", true}, {"qhile", true}, {"ōhe", true},
	} {
		if got := usableKey(tc.key); got != tc.want {
			t.Errorf("usableKey(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

// TestFoldRuneBlocks checks that appendFoldRune folds every rune of the
// blocks it folds without foldRune as foldRune does.
func TestFoldRuneBlocks(t *testing.T) {
	for _, block := range [][2]rune{{punctuationFirst, punctuationLast}, {ideographFirst, ideographLast}} {
		for r := block[0]; r <= block[1]; r++ {
			if got, want := string(appendFoldRune(nil, r)), foldRune(r); got != want {
				t.Errorf("appendFoldRune(%U) = %q, foldRune %q", r, got, want)
			}
		}
	}
}

// TestFoldNameRunes checks FoldName against the oracle for every rune of
// foldTable and some beyond, alone and within, before and after words,
// where appendFoldNameFrom tells word runes by foldWord.
func TestFoldNameRunes(t *testing.T) {
	for r := rune(utf8.RuneSelf); r < foldTableEnd+0x100; r++ {
		c := string(r)
		for _, s := range []string{c, "Ab" + c + "cd", "Kim " + c + " Yu", "Abcdefgh" + c, c + "-x"} {
			if got, want := FoldName(s), oracleFoldName(s); got != want {
				t.Errorf("FoldName(%q) = %q, oracle %q", s, got, want)
			}
		}
	}
}
