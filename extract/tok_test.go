package extract

import (
	"encoding/binary"
	"slices"
	"testing"
)

// TestInternerTokenizeFast checks the tokenizer's look-up of ASCII words
// by the bytes they were cut from against tokenizeGeneric: words that end
// with the text or within 8 bytes of it, texts shorter than 8 bytes, words
// longer than 8 and 16 bytes seen twice, words that share a slot's first
// and last 8 bytes and length but not the rest, the bytes whose 0x20 bit
// makes them look like letters or digits, and the joiners, "'s" and runes
// past ASCII that send a word to the slow path.
func TestInternerTokenizeFast(t *testing.T) {
	var fast, slow interner
	for _, s := range []string{
		"a", "Ab", "abc d", "1592", "x.", "Kim KIM kim kIm",
		"abcdefg", "abcdefgh", "abcdefghi", "Seven Abcdefgh", "eight 12345678",
		"aaaaaaaaBaaaaaaaa aaaaaaaaCaaaaaaaa aaaaaaaaBaaaaaaaa",
		"aaaaaaaaBaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaCaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaabaaaaaaaaaaaaaaaaaaaaaaaa",
		"Commanders Commanders Internationalisation internationalisation",
		"a\x10b\x19c\x1ad\x01e@f[g`h{i/j:k0\x7fl", "\x10\x11\x19\x30\x39\x40\x5b\x60\x7b",
		"word- word' word's word'S word'sx word-x word-é word'é word'sé wordé word’s",
		"end-", "end'", "end's", "endé", "Won-ik's army", "Goguryeo–Tang", "naïve",
		"\t\n\v\f\r words\u00a0and\u0085spaces ",
		// Latin letters of two bytes and joiners of three, which word
		// folds itself, and runes past them it leaves to nextToken.
		"Hōjō Ōsaka Tōkyō-to Myŏngwŏn Ieyasu’s 1592–1598 Won‐ik Kōbe’sx naïveté",
		"xō xō- xō’ xō’s xō’sé xō’sŏ xō–ō xō–é xō–ʼ xōʼ xō\u0304 xŉ xß xª xµ x°y x×y x«y xŀx",
		"ab–", "ab’", "ab’s", "ab–\u2000x", "ab\u2014cd", "ab\u2019\u2019", "ab\xe2\x80", "ab\xe2\x80\x93",
		"ab\xc5", "ab\xc5x", "ab\xc5\xc5", "ab'\xc5", "ab's\xc3", "abcdefghō ijklmnopō'qrstuvwxō's",
		"Ōsaka ōsaka Ōno-ha Éa é’s ŏ\u0304 Ŀx ª º ŉ ß Ōsakaōsaka",
	} {
		for i := range len(s) {
			got, want := fast.tokenize(s[i:], nil), tokenizeGeneric(&slow, s[i:], nil)
			if !slices.Equal(got, want) { // an empty slice is nil's equal
				t.Errorf("tokenize(%q)\n got %+v\nwant %+v", s[i:], got, want)
			}
		}
	}
}

// TestInternerLexicon checks that the interner gives every word of the
// lexicons its flags, past lexiconBits, which filters the look-ups.
func TestInternerLexicon(t *testing.T) {
	var in interner
	for k, want := range lexicon {
		var b [8]byte
		copy(b[:], k)
		if _, got := in.lookup([]byte(k), binary.LittleEndian.Uint64(b[:])); got != want {
			t.Errorf("lookup(%q) flags = %b, want %b", k, got, want)
		}
		var toks []token
		if toks, _ = in.tokenizeFrom(k+" padding", 0, toks); len(k) > 0 && asciiAlnum[k[0]] && toks[0].key == k && toks[0].lex != want {
			t.Errorf("tokenizeFrom(%q) flags = %b, want %b", k, toks[0].lex, want)
		}
	}
}
