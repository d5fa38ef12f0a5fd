package extract

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// TestLexiconFlags checks that a word's lexicon flags are the word sets it
// is in, as the patterns that test a flag in place of a set rely on.
func TestLexiconFlags(t *testing.T) {
	for _, l := range []struct {
		name  string
		words map[string]bool
		f     lexFlag
	}{
		{"ordinals", ordinals, lexOrdinal},
		{"titleModifiers", titleModifiers, lexTitleModifier},
		{"orgNouns", orgNouns, lexOrgNoun},
		{"placeListNouns", placeListNouns, lexPlaceListNoun},
		{"placeListCues", placeListCues, lexPlaceListCue},
		{"personListNouns", personListNouns, lexPersonListNoun},
		{"personListCues", personListCues, lexPersonListCue},
		{"aliasCues", aliasCues, lexAliasCue},
		{"orgHeads", orgHeads, lexOrgHead},
	} {
		for w, f := range lexicon {
			if in := l.words[w]; in != (f&l.f != 0) {
				t.Errorf("%s: lexicon[%q] has the flag %v, the set %v", l.name, w, f&l.f != 0, in)
			}
		}
		for w := range l.words {
			if lexicon[w]&l.f == 0 {
				t.Errorf("%s: lexicon[%q] lacks the flag", l.name, w)
			}
		}
	}
	for _, w := range []string{"newspaper", "book", "university"} {
		if lexicon[w]&lexOrgNoun == 0 {
			t.Errorf("%q is no orgNoun", w)
		}
	}
}

// TestIsRoyalTitle checks that isRoyalTitle is royalTitles, for every word
// of the lexicon and some that are in none of its sets.
func TestIsRoyalTitle(t *testing.T) {
	words := []string{"", "k", "kings", "kin", "King", "grandprinces", "seonjo"}
	for w := range lexicon {
		words = append(words, w)
	}
	for w := range royalTitles {
		words = append(words, w)
	}
	for _, w := range words {
		if got := isRoyalTitle(w); got != royalTitles[w] {
			t.Errorf("isRoyalTitle(%q) = %v, royalTitles has %v", w, got, royalTitles[w])
		}
	}
}

// TestAliasPhrasesHaveCue checks that each alias phrase has a word of
// aliasCues between spaces, which scan looks for among a sentence's
// tokens before it searches the sentence.
func TestAliasPhrasesHaveCue(t *testing.T) {
	for _, p := range aliasPhrases {
		found := false
		for w := range aliasCues {
			found = found || strings.Contains(" "+p, " "+w+" ")
		}
		if !found {
			t.Errorf("alias phrase %q has no word of aliasCues", p)
		}
	}
}

func TestWordBefore(t *testing.T) {
	for _, tc := range []struct {
		text       string
		start, end int
		want       string
	}{
		{"fought at Nagashino", 0, 10, "at"},
		{"fought At  Nagashino", 0, 11, "at"},
		{"under\u00a0Kim", 0, 7, "under"},    // a no-break space
		{"captured Pusan", 0, 9, "captured"}, // no space before end
		{"près Séoul", 0, 6, "pres"},
		{"x Ōmura", 0, 2, "x"},
		{"a, Kim", 0, 3, ""},
		{"the army under Kim", 9, 15, "under"},
		{"the army under Kim", 11, 15, "der"}, // not before start
		{"Kim", 0, 0, ""},
		{"Won-ik Kim", 0, 7, "ik"},
	} {
		var buf [4]byte // shorter than some words: they grow it
		if got := wordBefore(buf[:0], tc.text, tc.start, tc.end); got != tc.want {
			t.Errorf("wordBefore(%q, %d, %d) = %q, want %q", tc.text, tc.start, tc.end, got, tc.want)
		}
	}
}

// TestPeriodEnds checks periodEnds against the words before a period it
// must tell apart, ASCII or not, short or long.
func TestPeriodEnds(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"He came.", true},
		{"Born c.", false},
		{"It was approx.", false},
		{"It was Approx.", false},
		{"It was approxx.", true},
		{"the U.S.", false},
		{"J.", false},
		{"Ō.", false},
		{"Gén.", false}, // folds to "gen"
		{"Gen.", false},
		{"Él fue Capt.", false},
		{"an extraordinarily.", true},
		{".", true},
		{" .", true},
		{"in 1592.", true},
		{"Myŏngwŏn.", true},
	} {
		if got := periodEnds(tc.text, len(tc.text)-1); got != tc.want {
			t.Errorf("periodEnds(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestASCIIClasses checks asciiClasses against the byte tables for every
// byte value in every position of a word, among neighbours of each kind.
func TestASCIIClasses(t *testing.T) {
	for _, fill := range []byte{0, 'a', 'Z', '5', ' ', 0x80, 0xff, '@', '[', '`', '{', '/', ':'} {
		for pos := range 8 {
			for c := range 256 {
				var x uint64
				for p := range 8 {
					b := fill
					if p == pos {
						b = byte(c)
					}
					x |= uint64(b) << (8 * p)
				}
				letters, alnum := asciiClasses(x)
				for p := range 8 {
					b := byte(x >> (8 * p))
					isLetter := b < 0x80 && asciiAlnum[b] && (b < '0' || b > '9')
					if got := letters>>(8*p+7)&1 == 1; got != isLetter {
						t.Fatalf("asciiClasses(%#x): byte %d (%#x) letter %v, want %v", x, p, b, got, isLetter)
					}
					if got := alnum>>(8*p+7)&1 == 1; got != asciiAlnum[b] {
						t.Fatalf("asciiClasses(%#x): byte %d (%#x) alnum %v, want %v", x, p, b, got, asciiAlnum[b])
					}
					if asciiAlnum[b] {
						if got := byte((x | letters>>2) >> (8 * p)); got != asciiFold[b] {
							t.Fatalf("folding %#x: byte %d is %q, want %q", x, p, got, asciiFold[b])
						}
					}
				}
			}
		}
	}
}

// TestInternerTokenizeLong checks the tokenizer's eight-byte steps, on
// words longer than eight bytes, against tokenizeGeneric.
func TestInternerTokenizeLong(t *testing.T) {
	var fast, slow interner
	for _, s := range []string{
		"Internationalisation's Commander-in-Chief ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 abcdefgh",
		"abcdefgh-ijklmnop'qrstuvwx abcdefghé Abcdefghijklmnopqrstuvwxyz@[`{/: 12345678.",
		"Tokugawa Ieyasu's Sekigahara campaign of 1600, Yoshimichi–Tokugawa",
		"xxxxxxxxxxxxxxx'sxxxxxxxx xxxxxxxxxxxxxxxx's",
	} {
		for i := range len(s) {
			got, want := fast.tokenize(s[i:], nil), tokenizeGeneric(&slow, s[i:], nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("tokenize(%q)\n got %+v\nwant %+v", s[i:], got, want)
			}
			got, _ = fast.tokenizeFrom(s, i, nil)
			for k := range want {
				want[k].start += i
				want[k].end += i
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("tokenizeFrom(%q, %d)\n got %+v\nwant %+v", s, i, got, want)
			}
		}
	}
}

// TestPhoneticEnds checks phoneticFirst, phoneticLast and phoneticWeight,
// which the phonetic index's filters use, against the phonetic key they
// stand for.
func TestPhoneticEnds(t *testing.T) {
	const alphabet = "aceghjosu bdr"
	var keys []string
	eachConcat(strings.Split(alphabet, ""), 4, func(s string) {
		if s != "" {
			keys = append(keys, s)
		}
	})
	keys = append(keys, "pyeongyang", "kim jeong-eun", "myeongwon", "shch", "eo", "ch", "sh", "hch", "chh", "cch")
	for _, key := range keys {
		p := phoneticKey(key)
		if p == "" {
			continue
		}
		if got := phoneticFirst(key); got != p[0] {
			t.Errorf("phoneticFirst(%q) = %q, want %q (of %q)", key, got, p[0], p)
		}
		if got := phoneticLast(key); got != p[len(p)-1] {
			t.Errorf("phoneticLast(%q) = %q, want %q (of %q)", key, got, p[len(p)-1], p)
		}
		if got, want := phoneticWeight(key), len(p)-strings.Count(p, "e")-strings.Count(p, "h"); got != want {
			t.Errorf("phoneticWeight(%q) = %d, want %d (of %q)", key, got, want, p)
		}
		// Longer keys, of 8 bytes and more, whose weight is counted 8
		// bytes at a time, and with bytes past ASCII.
		for _, long := range []string{key + " " + key, "kim jeong-eun " + key, key + " ōhé eh", strings.Repeat(key+"x", 3)} {
			if got, want := phoneticWeight(long), len(phoneticKey(long))-strings.Count(phoneticKey(long), "e")-strings.Count(phoneticKey(long), "h"); got != want {
				t.Errorf("phoneticWeight(%q) = %d, want %d", long, got, want)
			}
		}
	}
}

// TestInternerFoldUnicode checks that words past ASCII fold to
// foldString's key and lexicon flags from the cache as from a miss,
// among words whose slots collide.
func TestInternerFoldUnicode(t *testing.T) {
	var in interner
	words := []string{"Myŏngwŏn", "Ōmi", "Kaihō", "Goguryeo–Tang", "Ōmi", "Myŏngwŏn", "ÉMPEROR", "Kōchi", "naïve", "Ōmi"}
	for range 3 {
		for _, w := range words {
			key, lex := in.fold(w)
			if want := foldString(w); key != want || lex != lexicon[want] {
				t.Errorf("fold(%q) = %q, %v; want %q, %v", w, key, lex, want, lexicon[want])
			}
		}
		// Fill every slot with another word.
		for i := range 4 * writtenSlots {
			w := "Ō" + strconv.Itoa(i)
			if key, _ := in.fold(w); key != foldString(w) {
				t.Fatalf("fold(%q) = %q, want %q", w, key, foldString(w))
			}
		}
	}
}

// TestKeyBits checks that a keyBits filter never rules out a key added to
// it, as the dictionary and the name-part index rely on, and that it rules
// out the empty key and keys whose bits no added key has.
func TestKeyBits(t *testing.T) {
	var f keyBits
	added := []string{"kim", "yi sunsin", "kwak", "ming dynasty", "x"}
	for _, k := range added {
		f.add(k)
	}
	for _, k := range added {
		if !f.may(k) {
			t.Errorf("may(%q) = false after add", k)
		}
	}
	if f.may("") {
		t.Error(`may("") = true`)
	}
	for _, k := range []string{"kwan", "chaeu", "joseon", "hideyoshi"} {
		hit := false
		for _, a := range added {
			hit = hit || dictBit(a) == dictBit(k)
		}
		if f.may(k) != hit {
			t.Errorf("may(%q) = %v, want %v", k, f.may(k), hit)
		}
	}
}

// TestDictionaryDynasties checks that a Dictionary's dynasty filter
// never rules out the name before " dynasty" of a key it has, added or
// merged, as lookupDynasty relies on, and rules out names whose bits no
// such key has.
func TestDictionaryDynasties(t *testing.T) {
	d, q := NewDictionary(), NewDictionary()
	d.Add("Ming dynasty", ontology.Force)
	d.Add("Goryeo Dynasty", ontology.Place)
	d.Add("Dynasty", ontology.Force)
	q.Add("Later Jin dynasty", ontology.Force)
	q.Add("Nguyễn dynasty", ontology.Force)
	d.Merge(q)
	has := []string{"ming", "goryeo", "later jin", "nguyen"}
	for _, p := range has {
		if !d.mayHaveDynasty(p) {
			t.Errorf("mayHaveDynasty(%q) = false, want true", p)
		}
	}
	if !d.mayHaveDynasty("") {
		t.Error(`mayHaveDynasty("") = false, want true`)
	}
	for _, p := range []string{"qing", "joseon", "yi", "later", "tang"} {
		hit := false
		for _, h := range has {
			hit = hit || dynastyBit(h) == dynastyBit(p)
		}
		if d.mayHaveDynasty(p) != hit {
			t.Errorf("mayHaveDynasty(%q) = %v, want %v", p, d.mayHaveDynasty(p), hit)
		}
	}
}

// TestKeyTable checks the prose dictionary's table against a map: keys
// of any length found, filled and left out, through growth and resets.
func TestKeyTable(t *testing.T) {
	var tab keyTable[known]
	for round, n := range []int{0, 5, 300, 40, 1000, 3} {
		want := map[string]*Entity{}
		for i := range n {
			// Keys of 1 to 40 bytes, some the same.
			key := strings.Repeat("ab", i*7%(n+1)%20) + strconv.Itoa(i*7%(n+1))
			e := &Entity{Label: key}
			i, ok := tab.slot(key)
			if _, in := want[key]; ok != in {
				t.Fatalf("round %d: slot(%q) filled %v, want %v", round, key, ok, in)
			}
			if !ok {
				tab.fill(i, key, known{ent: e})
				want[key] = e
			}
		}
		for key, e := range want {
			if k := tab.get(key); k == nil || k.ent != e {
				t.Errorf("round %d: get(%q) = %v, want %v", round, key, k, e)
			}
		}
		for _, key := range []string{"", "key", "key -1", "key " + strconv.Itoa(n+2)} {
			if k := tab.get(key); k != nil {
				t.Errorf("round %d: get(%q) = %v, want nil", round, key, k)
			}
		}
		tab.reset()
		for key := range want {
			if k := tab.get(key); k != nil {
				t.Errorf("round %d: get(%q) after reset = %v, want nil", round, key, k)
			}
		}
		for i := range tab.slots {
			if tab.slots[i] != (keySlot[known]{hash: tab.slots[i].hash}) {
				t.Fatalf("round %d: slot %d holds %v after reset", round, i, tab.slots[i])
			}
		}
	}
}

// TestKindOfContractClasses checks that the classes with a kind are the
// contract classes, as classRecord finds an entity's contract class by
// its kind, numbered as contractKind numbers them.
func TestKindOfContractClasses(t *testing.T) {
	for _, c := range []rdf.Term{
		ontology.Person, ontology.Place, ontology.Force, ontology.Event, ontology.MilitaryConflict,
		ontology.ConflictSide, ontology.Article, ontology.Quantity, ontology.SchemaPerson, ontology.SchemaEvent,
		rdf.String(ontology.KG + "Person"), rdf.LangString("Person", "en"), {},
	} {
		if got, want := kindOf(c) != kindNone, isContractClass(c); got != want {
			t.Errorf("kindOf(%v) is a kind: %v, isContractClass: %v", c, got, want)
		}
		if got, want := int(kindOf(c)), contractKind(c); got != want {
			t.Errorf("kindOf(%v) = %d, contractKind %d: Dictionary.contractIndex takes one for the other", c, got, want)
		}
	}
}

// TestKindCache checks that a kindCache finds kindOf of terms whose IRIs
// share their text's address (a prefix of another IRI, the same IRI as
// a literal) or are made anew, asked for in turn and again.
func TestKindCache(t *testing.T) {
	person := ontology.KG + "Person/x"
	made := func(s string) string { return string([]byte(s)) }
	terms := []rdf.Term{
		rdf.IRI(person[:len(ontology.KG)+6]), rdf.IRI(person), rdf.IRI(person[:len(ontology.KG)]),
		rdf.String(person[:len(ontology.KG)+6]), rdf.LangString(person[:len(ontology.KG)+6], "en"),
		rdf.IRI(made(ontology.Place.Value)), rdf.IRI(made(ontology.Place.Value)), ontology.Place,
		ontology.Force, ontology.Event, ontology.MilitaryConflict, ontology.SchemaPerson, rdf.IRI(""), {},
	}
	for i := 0; i < 200; i++ {
		// Enough new IRIs to evict the cache's entries, some of a kind.
		terms = append(terms, rdf.IRI(made(ontology.Person.Value)), rdf.IRI(made(ontology.KG+"Other")))
	}
	var kc kindCache
	for round := range 2 {
		for _, c := range terms {
			if got, want := kc.of(c), kindOf(c); got != want {
				t.Errorf("round %d: kindCache.of(%v) = %d, want %d", round, c, got, want)
			}
		}
	}
}

// TestClassRecord checks that an entity's record takes its first contract
// class.
func TestClassRecord(t *testing.T) {
	for _, classes := range [][]rdf.Term{
		nil,
		{ontology.SchemaPerson},
		{ontology.SchemaPerson, ontology.Person},
		{ontology.ConflictSide, ontology.Force, ontology.Place},
		{ontology.MilitaryConflict, ontology.Event},
	} {
		st := &proseState{s: &Subject{Entity: &Entity{}}, sc: &proseScratch{}}
		e := &Entity{Classes: classes}
		p := st.classRecord(e)
		if want := contractClass(classes); p.class != want || p.kind != kindOf(want) {
			t.Errorf("classRecord of %v: %v (kind %d), want %v", classes, p.class, p.kind, want)
		}
	}
}

// TestPhoneticIndexLater checks that the phonetic index, whose additions
// wait for a look-up of their bit, finds what adding them at once would:
// a key shared by two entities is ambiguous, whichever came first, and a
// key added after its bit was looked up is found too, even when that bit
// of phonLens was made done by a key of other ends.
func TestPhoneticIndexLater(t *testing.T) {
	kato, katou, sejo := &Entity{Label: "Kato"}, &Entity{Label: "Katou"}, &Entity{Label: "Sejo"}
	pyongyang, joachim := &Entity{Label: "Pyongyang"}, &Entity{Label: "Joachim"}
	// "joachim" ("coacim") has bits of phonKeys other than "kato"'s but
	// the same bit of phonLens, which the look-up of "kato" makes done.
	lenBit := func(k string) uint { return phonLenBit(phoneticFirst(k), phoneticLast(k), phoneticWeight(k)) }
	endBit := func(k string) uint { return phonBit(phoneticFirst(k), phoneticLast(k)) }
	if lenBit("joachim") != lenBit("kato") || endBit("joachim") == endBit("kato") {
		t.Fatal(`"joachim" and "kato" no longer share only their bit of phonLens: choose another key`)
	}
	for _, tc := range []struct {
		name   string
		before []string // added before the first look-up
		after  []string // added after it
		look   string
		want   *Entity
	}{
		{"one", []string{"kato"}, nil, "gato", kato},
		{"absent", []string{"kato"}, nil, "sejong", nil},
		{"shared", []string{"kato", "gato"}, nil, "kato", nil},
		{"same entity", []string{"kato", "kado"}, nil, "gado", kato},
		{"added after", []string{"sejo"}, []string{"kato"}, "gato", kato},
		{"shared after", []string{"kato"}, []string{"gato"}, "kato", nil},
		{"other length", []string{"kato"}, nil, "kaito", nil},
		{"longer key", []string{"pyeongyang"}, nil, "pyongyang", pyongyang},
		{"longer look-up", []string{"pyongyang"}, nil, "pyeongyang", pyongyang},
		{"other ends after", []string{"kato"}, []string{"joachim"}, "joachim", joachim},
	} {
		st := &proseState{s: &Subject{Entity: &Entity{}}, sc: &proseScratch{}}
		st.dict, st.phon = &st.sc.dict, &st.sc.phon
		ents := map[string]*Entity{"kato": kato, "kado": kato, "gato": katou, "sejo": sejo, "pyeongyang": pyongyang, "pyongyang": pyongyang, "joachim": joachim}
		add := func(keys []string) {
			for _, k := range keys {
				st.addKey(k, false, ents[k], ontology.Person)
			}
		}
		add(tc.before)
		st.phonGet("sejo")
		st.phonGet("kato")
		add(tc.after)
		var got *Entity
		if k := st.phonGet(tc.look); k != nil {
			got = k.ent
		}
		if got != tc.want {
			t.Errorf("%s: phonGet(%q) = %v, want %v", tc.name, tc.look, got, tc.want)
		}
	}
}

// TestAddOwner checks that a name part or title held in a keyTable tells
// its one owner, and none once two entities bear it.
func TestAddOwner(t *testing.T) {
	a, b := &Entity{Label: "Kim Si-min"}, &Entity{Label: "Kim Chon-il"}
	var tab keyTable[nameOwner]
	for _, tc := range []struct {
		key  string
		e    *Entity
		want *Entity
	}{
		{"kim", a, a},
		{"kim", a, a},
		{"simin", a, a},
		{"kim", b, nil},
		{"chonil", b, b},
		{"kim", a, nil},
	} {
		addOwner(&tab, tc.key, tc.e)
		if o := tab.get(tc.key); o == nil || o.only() != tc.want {
			t.Errorf("after adding %v under %q: %v, want %v", tc.e.Label, tc.key, o, tc.want)
		}
	}
	if o := tab.get("yi"); o != nil {
		t.Errorf("get(%q) = %v, want nil", "yi", o)
	}
}

// TestKeyArenaFold checks that a keyArena folds a name in place as
// FoldName does, keeps the keys it made as they were, and makes a key
// longer than its room in an array of its own ("ﷺ" folds to 30 bytes).
func TestKeyArenaFold(t *testing.T) {
	var a keyArena
	names := []string{"Katō Kiyomasa", "", "  ", "Yi Sun-sin", "Won-ik's", "Ǆ ǅ ǆ ǲ ﬃ ﬀ ß", "ﷺ ﷺ ﷺ ﷺ ﷺ", strings.Repeat("Ōmi ", 300), "Battle of Sacheon (1598)"}
	var keys []string
	for range 3 {
		for _, name := range names {
			keys = append(keys, a.fold(name))
		}
	}
	for i, k := range keys {
		if want := FoldName(names[i%len(names)]); k != want {
			t.Errorf("fold(%q) = %q, want %q", names[i%len(names)], k, want)
		}
	}
	a.reset()
	if k := a.fold("Hanseong"); k != "hanseong" {
		t.Errorf("fold after reset = %q, want %q", k, "hanseong")
	}
	// A chunk with room for the name's twice and more but not its key.
	a = keyArena{buf: make([]byte, 0, 64)}
	long, want := a.fold("ﷺ ﷺ ﷺ"), FoldName("ﷺ ﷺ ﷺ")
	if k := a.fold("Kim"); k != "kim" || long != want || len(a.buf) != 3 {
		t.Errorf("fold past the chunk: %q and %q, chunk holding %d bytes; want %q and %q, 3", long, k, len(a.buf), want, "kim")
	}
}

// TestSpanKey checks the keys spanKey joins in the key arena: one word's
// is its token's, a longer span's stays valid past later keys, and one
// longer than the room the arena makes outgrows it.
func TestSpanKey(t *testing.T) {
	words := func(keys ...string) []token {
		var toks []token
		for _, k := range keys {
			toks = append(toks, token{key: k, word: k != ""}, token{punct: ','})
		}
		return toks
	}
	long := strings.Repeat("ōmi ", 100)
	cases := []struct {
		toks []token
		want string
	}{
		{words("hanseong"), "hanseong"},
		{words(), ""},
		{words("yi", "sun", "sin"), "yi sun sin"},
		{words(strings.Fields(long)...), strings.TrimSpace(long)},
		{words("battle", "of", "sacheon"), "battle of sacheon"},
	}
	for _, chunk := range []int{0, 300, spanKeyRoom} {
		st := &proseState{sc: new(proseScratch)}
		st.sc.keys.buf = make([]byte, 0, chunk)
		var got []string
		for range 3 {
			for _, tc := range cases {
				got = append(got, st.spanKey(tc.toks, 0, len(tc.toks)))
			}
		}
		for i, k := range got {
			if want := cases[i%len(cases)].want; k != want {
				t.Errorf("chunk %d: spanKey #%d = %q, want %q", chunk, i, k, want)
			}
		}
	}
}

// TestAdjacent checks adjacent's one-space fast path against the gaps it
// trims.
func TestAdjacent(t *testing.T) {
	for _, tc := range []struct {
		gap  string
		want bool
	}{
		{"", true}, {" ", true}, {"  ", true}, {"\u00a0", true}, {" \t", true}, {"\t", true}, {",", false}, {" , ", false}, {"-", false},
	} {
		text := "Oda" + tc.gap + "Nobunaga"
		a, b := token{start: 0, end: 3}, token{start: 3 + len(tc.gap), end: len(text)}
		if got := adjacent(text, &a, &b); got != tc.want {
			t.Errorf("adjacent across %q = %v, want %v", tc.gap, got, tc.want)
		}
	}
}

// TestSpanEndGaps checks spanEnd's inlined test of the gap between two
// words against adjacent: one space or none goes on without a call, a
// longer gap only when it is white space.
func TestSpanEndGaps(t *testing.T) {
	var in interner
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Oda Nobunaga ruled", 2}, {"OdaNobunaga ruled", 1}, {"Oda  Nobunaga ruled", 2},
		{"Oda\u00a0Nobunaga ruled", 2}, {"Oda\tNobunaga ruled", 2}, {"Oda, Nobunaga ruled", 1},
		{"Oda ,Nobunaga ruled", 1}, {"Battle of the Yalu River", 5}, {"Battle of  the Yalu River", 5},
		{"Battle of the, Yalu River", 1}, {"Oda clan ruled", 2}, {"Oda \u2013 clan", 1},
	} {
		toks := in.tokenize(tc.text, nil)
		if got := spanEnd(tc.text, toks, 0); got != tc.want {
			t.Errorf("spanEnd(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestLexThe checks that lexThe marks "the" and no other word, which
// scan takes it for.
func TestLexThe(t *testing.T) {
	for w, f := range lexicon {
		if got := f&lexThe != 0; got != (w == "the") {
			t.Errorf("lexicon[%q] has lexThe %v", w, got)
		}
	}
	var in interner
	for _, tok := range in.tokenize("The king and the Queen, then THE", nil) {
		if got := tok.is(lexThe); got != (tok.key == "the") {
			t.Errorf("token %q: is(lexThe) = %v", tok.key, got)
		}
	}
}

// oracleEventSpan is eventSpan as it was before it skipped spans too
// short for "Siege of X" in its first loop.
func oracleEventSpan(toks []token, i, j int) (rdf.Term, bool) {
	for k := i; k < j; k++ {
		key := toks[k].key
		if k+1 < j && toks[k+1].key == "of" || k+1 < j && toks[k+1].key == "on" {
			switch key {
			case "battle", "siege", "sack", "fall", "capture", "bombardment", "raid", "invasion", "invasions", "conquest", "defence", "defense", "relief":
				if k+2 < j {
					return ontology.MilitaryConflict, true
				}
			}
		}
	}
	h := j - 1
	if h-i >= 2 && toks[h].upper && isRomanNumeral(toks[h].key) {
		h--
	}
	if last := toks[h]; last.is(lexEventHead) && h > i {
		if toks[i].is(lexDemonym) && h-i == 1 && !last.upper {
			return rdf.Term{}, false
		}
		if last.is(lexConflictHead) {
			return ontology.MilitaryConflict, true
		}
		return ontology.Event, true
	}
	return rdf.Term{}, false
}

// TestListAndEventQuickTests checks that the first tests of inList and
// beforeListNoun, which most spans fail, and eventSpan's shorter loop
// never change what the full walks find, at every span of sentences with
// lists, separators, parentheses and events.
func TestListAndEventQuickTests(t *testing.T) {
	var in interner
	for _, s := range []string{
		"Bordering prefectures are Dalian (SW), Anshan (W), and Benxi (N).",
		"the provinces of Zhili, Shandong and Fengtian, and their princes, Sunhwa and Imhae",
		"Gangwon and Gyeonggi provinces, the Yalu and Tumen rivers, Busan or Ulsan ports, Kim, Yi",
		"the Siege of Jinju on Jinju Castle, Battle of X, Sack of Seoul, Fall on Y, the Imjin War, World War II",
		"generals of Japan, the capture of Kaesong, south of Seoul, Princes: Sunhwa, and Imhae.",
		"Japanese invasion of Korea, the Korean War, the Battle on Hansan Island (1592), generals Yi and Kim",
	} {
		toks := in.tokenize(s, nil)
		for i := 0; i <= len(toks); i++ {
			for _, f := range [][2]lexFlag{{lexPlaceListNoun, lexPlaceListCue}, {lexPersonListNoun, lexPersonListCue}} {
				if got, want := inList(toks, i, f[0], f[1]), inListFrom(toks, i, f[0], f[1]); got != want {
					t.Errorf("%q: inList(%d) = %v, want %v", s, i, got, want)
				}
				if got, want := beforeListNoun(toks, i, f[0]), beforeListNounFrom(toks, i, f[0]); got != want {
					t.Errorf("%q: beforeListNoun(%d) = %v, want %v", s, i, got, want)
				}
			}
			for j := i + 1; j <= len(toks); j++ {
				gc, gok := eventSpan(toks, i, j)
				wc, wok := oracleEventSpan(toks, i, j)
				if gc != wc || gok != wok {
					t.Errorf("%q: eventSpan(%d, %d) = %v, %v, want %v, %v", s, i, j, gc, gok, wc, wok)
				}
			}
		}
	}
}

// oracleAlsoKnownAs is alsoKnownAs as it searched the sentence for each
// alias phrase, which alsoKnownAs finds at the tokens of their cue words.
func oracleAlsoKnownAs(text string) int {
	best := -1
	for _, p := range aliasPhrases {
		k := strings.Index(text, p)
		if k < 0 || best >= 0 && k+len(p) >= best {
			continue
		}
		before := strings.TrimRight(text[:k], " ")
		switch before[strings.LastIndexByte(before, ' ')+1:] {
		case "was", "is", "are", "were", "been", "be":
			best = k + len(p)
		}
	}
	return best
}

// TestAlsoKnownAs checks alsoKnownAs against oracleAlsoKnownAs on
// sentences with alias phrases at their start, after other words, twice,
// cut, in other cases and after the sentence's start in its block.
func TestAlsoKnownAs(t *testing.T) {
	in := new(interner)
	for _, s := range []string{
		"It was also known as Oda.",
		"also known as X",
		"It is also called Y, and was also called Z.",
		"It was also Known as X.",
		"The son of X, also known as Y, was also referred to as Z.",
		"He was better known as Kim and was commonly known as Lee.",
		"He is otherwise known as Yi, also known as Ri.",
		"It was also known as X; it was also known as Y.",
		"He was known as Kim. It was also called",
		"They were  also known as Ming.",
		"It was xalso known as Oda.",
		"It be also knownas X, be also known  as Y, be also known as",
		"It was known as X, also called Y, been also called Z.",
		"Known called referred known as also referred to as",
		"It is also known as Ōsaka, also called Ōsaka-jō.",
		"",
	} {
		for _, prefix := range []string{"", "He came. ", "Über. "} {
			block := prefix + s
			toks, lex := in.tokenizeFrom(block, len(prefix), nil)
			want := oracleAlsoKnownAs(s)
			if lex&lexAliasCue == 0 {
				if want >= 0 {
					t.Errorf("%q: no alias cue, but the phrase ends at %d", block, want)
				}
				continue
			}
			if got := alsoKnownAs(s, toks, len(prefix)); got != want {
				t.Errorf("alsoKnownAs(%q) = %d, want %d", block, got, want)
			}
		}
	}
}
