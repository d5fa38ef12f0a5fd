package extract

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of prose, with byte offsets into
// the text it was cut from.
type token struct {
	start, end int
	// key is the folded word (foldString); "" for punctuation.
	key  string
	word bool
	// upper is set when the word starts with an upper-case letter.
	upper bool
	// poss is set when the word carries a possessive "'s" (not in the
	// token's span).
	poss bool
	// punct is the punctuation rune of a non-word token.
	punct rune
	// lex holds the lexicons the key is in (lexicon[key]), looked up once
	// per word rather than by every pattern that tests it. Only
	// tokenizeFrom, as the prose scan calls it, sets it.
	lex lexFlag
}

// lexFlag is a set of the cue-word lexicons below, one bit each.
type lexFlag uint32

const (
	lexRoyal lexFlag = 1 << iota
	lexRank
	lexOffice
	lexKin
	lexPersonVerb
	lexMilitary
	lexPlaceHead
	lexLowerPlaceHead
	lexPlacePrefix
	lexForceHead
	lexEventHead    // a key of eventHeads
	lexConflictHead // a key of eventHeads whose value is true
	lexEventPrefix
	lexDemonym
	lexPlacePrep
	lexCapture
	lexTime
	lexCompass
	lexConnector
	lexOrgHead
	lexStop
	lexSurname
	lexOrdinal
	lexTitleModifier
	lexOrgNoun
	lexPlaceListNoun
	lexPlaceListCue
	lexPersonListNoun
	lexPersonListCue
	// lexAliasCue marks the words of aliasCues, one of which is in every
	// alias phrase: a sentence without them needs no search for one.
	lexAliasCue
	// lexThe marks "the", which the prose scan looks for among the
	// lower-case words: one test of a flag, as for the capitalised ones.
	lexThe
)

// lexicon maps every word of the lexicons to the set of lexicons it is
// in: one map look-up per word instead of one per lexicon tested.
var lexicon = func() map[string]lexFlag {
	m := map[string]lexFlag{}
	for _, l := range []struct {
		words map[string]bool
		f     lexFlag
	}{
		{royalTitles, lexRoyal}, {rankTitles, lexRank}, {officeWords, lexOffice}, {kinNouns, lexKin},
		{personVerbs, lexPersonVerb}, {militaryNouns, lexMilitary}, {placeHeads, lexPlaceHead},
		{lowerPlaceHeads, lexLowerPlaceHead}, {placePrefixes, lexPlacePrefix}, {forceHeads, lexForceHead},
		{eventPrefixes, lexEventPrefix}, {demonyms, lexDemonym}, {placePreps, lexPlacePrep},
		{captureNouns, lexCapture}, {timeWords, lexTime}, {compass, lexCompass}, {connectors, lexConnector},
		{orgHeads, lexOrgHead}, {stopWords, lexStop}, {surnames, lexSurname},
		{ordinals, lexOrdinal}, {titleModifiers, lexTitleModifier}, {orgNouns, lexOrgNoun},
		{placeListNouns, lexPlaceListNoun}, {placeListCues, lexPlaceListCue},
		{personListNouns, lexPersonListNoun}, {personListCues, lexPersonListCue},
		{aliasCues, lexAliasCue},
	} {
		for w, ok := range l.words {
			if ok {
				m[w] |= l.f
			}
		}
	}
	for w, conflict := range eventHeads {
		m[w] |= lexEventHead
		if conflict {
			m[w] |= lexConflictHead
		}
	}
	m["the"] |= lexThe
	return m
}()

// is reports whether t's key is in any of the lexicons f.
func (t token) is(f lexFlag) bool { return t.lex&f != 0 }

// isWordRune reports whether r continues a word.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		// No ASCII rune is a mark (Mn), and the ASCII letters and digits
		// are those of asciiWord: the test that most runes of English
		// prose need, inlined, without the Unicode tables.
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

//go:noinline
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two word parts into one word when it
// stands between them: "Won-ik", "Manch'un", "Goguryeo–Tang".
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '–', '‐', 'ʼ':
		return true
	}
	return false
}

// tokenizeFrom is tokenize for s[i:], with offsets into s, and returns
// the union of the words' lexicon flags too. An ASCII word, most words of
// English prose, is cut eight bytes at a time and looked up by the bytes
// it was cut from, folded as they are loaded, without copying them; a word
// with a joiner or a "'s" in it or a rune past ASCII next to it goes
// through word, and one whose slot does not hold it at first sight through
// asciiWord.
func (in *interner) tokenizeFrom(s string, i int, toks []token) ([]token, lexFlag) {
	if len(s) < 8 {
		// The loop below loads 8 bytes at a time, the last 8 of s at its
		// end.
		return in.tokenizeShort(s, i, toks)
	}
	// A token takes at least a byte of s: toks has room for all of them,
	// written in place up to nt.
	nt := len(toks)
	toks = slices.Grow(toks, len(s)-i)
	toks = toks[:cap(toks)]
	// The tokens that need a call are left to functions that take and
	// return i and nt, so that these stay in registers; in.lex gathers
	// the words' lexicon flags.
	in.lex = 0
	for i < len(s) {
		c := s[i]
		if !asciiAlnum[c] {
			if c >= utf8.RuneSelf {
				i, nt = in.nonASCII(s, i, toks, nt)
				continue
			}
			if !asciiSpace[c] {
				t := &toks[nt]
				nt++
				t.start, t.end, t.key = i, i+1, ""
				t.word, t.upper, t.poss = false, false, false
				t.punct, t.lex = rune(c), 0
			}
			i++
			continue
		}
		// The word's first 8 bytes, folded: an ASCII letter or digit
		// folds by setting its 0x20 bit. The bytes past the end of s
		// load as zeros.
		var x uint64
		if i+8 <= len(s) {
			x = load64(s, i)
		} else {
			x = load64(s, len(s)-8) >> (8 * (i + 8 - len(s)))
		}
		m := asciiNotAlnum64(x)
		k := bits.TrailingZeros64(m) >> 3
		w := x | foldBits
		j := i + k
		if k == 8 {
			for {
				if j+8 <= len(s) {
					x = load64(s, j)
				} else {
					x = load64(s, len(s)-8) >> (8 * (j + 8 - len(s))) // 0 for j == len(s)
				}
				k = bits.TrailingZeros64(asciiNotAlnum64(x)) >> 3
				j += k
				if k < 8 {
					break
				}
			}
		} else {
			// The bytes below the lowest bit of m: the word's.
			w &= (m&-m)>>7 - 1
		}
		// c is the byte after the word, s[j], byte k of x: 0 when the
		// word ends s.
		c = byte(x >> (8 * k & 63))
		if wordGoesOn[c] {
			// A joiner, a "'s" or a rune past ASCII may make the word
			// longer or its key different.
			i, nt = in.word(s, i, toks, nt)
			continue
		}
		// The word's slot is the one slot picks for its folded bytes. Up
		// to 16 bytes, its first and last 8 tell it.
		n := j - i
		h := w ^ uint64(n)
		var last uint64
		if n > 8 {
			last = load64(s, j-8) | foldBits
			h ^= bits.RotateLeft64(last, 29)
		}
		slot := &in.slots[(h*internMul)>>(64-internBits)]
		key := slot.s
		if len(key) != n || slot.w != w || n > 8 && (n > 16 || load64(key, n-8) != last) {
			i, nt = in.asciiWord(s, i, j, toks, nt)
			continue
		}
		in.lex |= slot.lex
		toks[nt].setWord(i, j, key, s[i], slot.lex)
		nt++
		i = j
		if c == ' ' {
			i++ // the space after most words, which is no token
		}
	}
	return toks[:nt], in.lex
}

// wordGoesOn holds the bytes after a run of ASCII letters and digits that
// may continue the word or change its key: a joiner, the apostrophe of a
// "'s" and the first bytes of runes past ASCII.
var wordGoesOn = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	t['-'], t['\''] = true, true
	return t
}()

// setWord makes t the ASCII word s[start:end] whose first byte is c, its
// key and its lexicon flags l.
func (t *token) setWord(start, end int, key string, c byte, l lexFlag) {
	t.start, t.end, t.key = start, end, key
	t.word, t.upper, t.poss = true, c-'A' < 26, false
	t.punct, t.lex = 0, l
}

// tokenizeShort is tokenizeFrom for s shorter than 8 bytes, a token at a
// time through nextToken and fold.
//
//go:noinline
func (in *interner) tokenizeShort(s string, i int, toks []token) ([]token, lexFlag) {
	var lex lexFlag
	for {
		t, next, ok := nextToken(s, i)
		if !ok {
			return toks, lex
		}
		i = next
		if t.word {
			t.key, t.lex = in.fold(s[t.start:t.end])
			lex |= t.lex
		}
		toks = append(toks, t)
	}
}

// foldBits has the bit of each byte of a word that, set, folds an ASCII
// letter to lower case and leaves a digit as it is.
const foldBits = 0x2020202020202020

// asciiNotAlnum64 returns the high bit of each of the 8 bytes of x that is
// not an ASCII letter or digit (see asciiClasses).
func asciiNotAlnum64(x uint64) uint64 {
	const ones = 0x0101010101010101
	y := x &^ highBits
	digits := (y + (0x80-'0')*ones) &^ (y + (0x7f-'9')*ones)
	l := y | 0x20*ones
	letters := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
	return (x | ^(digits | letters)) & highBits
}

// asciiWord is tokenizeFrom's step for the word s[i:j], of ASCII letters
// and digits, whose slot does not hold it at first sight: a word of more
// than 16 bytes it holds is compared whole, and one it does not hold is
// put in it. It returns the next token search's start and nt past the
// word.
//
//go:noinline
func (in *interner) asciiWord(s string, i, j int, toks []token, nt int) (int, int) {
	n := j - i
	if cap(in.buf) < n+8 {
		in.buf = make([]byte, 0, 2*n+8)
	}
	// b is the word folded 8 bytes at a time, and up to 7 bytes past it.
	b := in.buf[:n+8]
	for k := 0; k < n; k += 8 {
		var x uint64
		if i+k+8 <= len(s) {
			x = load64(s, i+k)
		} else {
			x = load64(s, len(s)-8) >> (8 * (i + k + 8 - len(s)))
		}
		binary.LittleEndian.PutUint64(b[k:], x|foldBits)
	}
	w := binary.LittleEndian.Uint64(b)
	if n < 8 {
		w &= 1<<(8*n) - 1
	}
	key, l := in.lookup(b[:n], w)
	toks[nt].setWord(i, j, key, s[i], l)
	if j < len(s) && s[j] == ' ' {
		j++
	}
	in.lex |= l
	return j, nt + 1
}

// nonASCII is tokenizeFrom's step for the token at s[i], a rune past
// ASCII: it returns the next token search's start and nt past the
// token, and len(s) when s has no token left.
//
//go:noinline
func (in *interner) nonASCII(s string, i int, toks []token, nt int) (int, int) {
	if f := latinAt(s, i); f != 0 && f != latinSlow {
		return in.word(s, i, toks, nt) // "Ōsaka"
	}
	t, next, ok := nextToken(s, i)
	if !ok {
		return len(s), nt
	}
	if t.word {
		t.key, t.lex = in.fold(s[t.start:t.end])
	}
	toks[nt] = t
	in.lex |= t.lex
	return next, nt + 1
}

// word is tokenizeFrom's step for the word at s[i], an ASCII letter or
// digit or a Latin letter of two bytes (see latinAt), that has a joiner
// or a "'s" in it or a rune past ASCII next to it: it returns the next
// token search's start and nt past the word.
// A word of ASCII letters, digits and joiners is folded eight bytes at a
// time, and the Latin letters of two bytes that fold to one ASCII letter
// ("Hōjō") and the joiners "‐", "–" and "’" are read here too, so that
// the romanised names and year ranges of prose need no decoding of runes
// and no second cache (foldUnicode); another rune past ASCII that decides
// where the word ends sends it to nextToken and fold.
//
//go:noinline
func (in *interner) word(s string, i int, toks []token, nt int) (int, int) {
	// The word's folded bytes go to word, which has room for the longest
	// word s can hold and for writing and reading 8 bytes past it.
	if len(in.wordBuf) < len(s)+8 {
		in.wordBuf = make([]byte, len(s)+8)
	}
	word := in.wordBuf
	// slow is set when a rune past ASCII decides where the word ends;
	// poss when "'s" ends it.
	// jn is the length of the last joiner seen.
	j, n, jn, slow, poss := i, 0, 1, false, false
scan:
	for {
		// Eight bytes at a time while s has them: the run of ASCII
		// letters and digits among them is folded in one store.
		for j+8 <= len(s) {
			x := load64(s, j)
			letters, alnum := asciiClasses(x)
			binary.LittleEndian.PutUint64(word[n:], x|letters>>2)
			k := bits.TrailingZeros64(^alnum&highBits) >> 3
			j += k
			n += k
			if k < 8 {
				break
			}
		}
		if j+8 > len(s) {
			for ; j < len(s); j++ {
				c := asciiFold[s[j]]
				if c == 0 {
					break
				}
				word[n] = c
				n++
			}
		}
		if j == len(s) {
			break
		}
		// apos is set for an apostrophe.
		var apos bool
		jn = 1
		switch c := s[j]; {
		case c == '-':
		case c == '\'':
			apos = true
		case c < utf8.RuneSelf:
			break scan
		case c == 0xe2 && j+2 < len(s) && s[j+1] == 0x80 && s[j+2]&0xc0 == 0x80:
			// U+2000 to U+203F: spaces and punctuation, three of them
			// joiners.
			switch s[j+2] {
			case 0x90, 0x93: // "‐", "–"
			case 0x99: // "’"
				apos = true
			default:
				break scan
			}
			jn = 3
		default:
			switch f := latinAt(s, j); f {
			case latinSlow:
				slow = true
				break scan
			case 0:
				break scan // a rune that neither continues nor joins a word
			default:
				word[n] = f // a Latin letter that folds to f: "Hōjō"
				n++
				j += 2
				continue
			}
		}
		// A joiner joins when a word rune follows it; an apostrophe
		// before an "s" that ends the word is a possessive.
		k := j + jn
		if k == len(s) {
			break
		}
		switch c := s[k]; {
		case c >= utf8.RuneSelf:
			switch latinAt(s, k) {
			case latinSlow:
				slow = true
				break scan
			case 0:
				break scan // a joiner before no word rune ends the word
			}
		case !asciiAlnum[c]:
			break scan
		case apos && (c == 's' || c == 'S'):
			if k++; k == len(s) {
				poss = true // "Hideyoshi's"
				break scan
			} else if c := s[k]; c >= utf8.RuneSelf {
				switch latinAt(s, k) {
				case latinSlow:
					slow = true
					break scan
				case 0:
					poss = true
					break scan
				}
			} else if !asciiAlnum[c] {
				poss = true
				break scan
			}
		}
		j += jn // a joiner between word parts, which keys leave out
	}
	if slow {
		t, next, _ := nextToken(s, i)
		t.key, t.lex = in.fold(s[t.start:t.end])
		toks[nt] = t
		in.lex |= t.lex
		return next, nt + 1
	}
	w := binary.LittleEndian.Uint64(word[:8])
	if n < 8 {
		w &= 1<<(8*n) - 1
	}
	key, l := in.lookup(word[:n], w)
	toks[nt].setWord(i, j, key, s[i], l)
	toks[nt].poss = poss
	if c := s[i]; c >= utf8.RuneSelf {
		// A Latin letter of two bytes (nonASCII).
		toks[nt].upper = unicode.IsUpper(rune(c&0x1f)<<6 | rune(s[i+1]&0x3f))
	}
	if poss {
		j += jn + 1 // past the "'s", which is not in the token
	}
	if j < len(s) && s[j] == ' ' {
		j++ // the space after most words, which is no token
	}
	in.lex |= l
	return j, nt + 1
}

// latinSlow is latinAt's answer for a rune that word leaves to nextToken.
const latinSlow = 0xff

// latinAt classes the rune at s[j], a byte past ASCII, for word: 0 for a
// rune that is no word rune (nor a joiner), the ASCII letter it folds to
// for a letter of two bytes that folds to one ("ō", "é"), and latinSlow
// for any other rune and for bytes that are not UTF-8.
func latinAt(s string, j int) byte {
	c := s[j]
	if c < 0xc2 || c > 0xc5 || j+1 == len(s) || s[j+1]&0xc0 != 0x80 {
		return latinSlow
	}
	return latinClass[rune(c&0x1f)<<6|rune(s[j+1]&0x3f)]
}

// latinClass is latinAt's answer for each rune of two bytes up to U+017F.
var latinClass = func() (t [0x180]byte) {
	for r := rune(0x80); r < 0x180; r++ {
		switch f := foldRune(r); {
		case isJoiner(r):
			t[r] = latinSlow
		case !isWordRune(r):
		case len(f) == 1 && f[0] < utf8.RuneSelf:
			t[r] = f[0]
		default:
			t[r] = latinSlow
		}
	}
	return t
}()

// highBits has the high bit of each byte of a word set.
const highBits = 0x8080808080808080

// load64 returns the 8 bytes of s from i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiClasses returns, for the 8 bytes of x, the high bit of each byte
// that is an ASCII letter (letters) and of each that is an ASCII letter or
// digit (alnum). Each range test adds to the bytes' low 7 bits a constant
// that carries into the high bit at the range's bound, and no sum carries
// out of its byte.
func asciiClasses(x uint64) (letters, alnum uint64) {
	const ones = 0x0101010101010101
	y := x &^ highBits
	digits := (y + (0x80-'0')*ones) &^ (y + (0x7f-'9')*ones)
	l := y | 0x20*ones // upper case to lower
	letters = (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones) &^ x & highBits
	return letters, (digits&^x)&highBits | letters
}

// asciiFold maps each ASCII letter and digit to its lower case, and any
// other byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		if asciiWord[c] {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// asciiAlnum holds the ASCII letters and digits, indexed by any byte.
var asciiAlnum = func() (t [256]bool) {
	copy(t[:], asciiWord[:])
	return t
}()

// asciiSpace holds the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// nextToken returns the first token of s at or after byte i, without its
// key and lexicon flags, and the byte where the next token search starts;
// ok is false when s has no token left.
func nextToken(s string, i int) (t token, next int, ok bool) {
	for i < len(s) {
		r, n := rune(s[i]), 1 // ASCII, most of prose, without a call
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			return token{start: i, end: i + n, punct: r}, i + n, true
		}
		start := i
		poss := false
		end := i
		for j := i; j < len(s); {
			r, n := rune(s[j]), 1 // ASCII, most of prose, without a call
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r) {
				j += n
				end = j
				continue
			}
			if isJoiner(r) && j+n < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j+n:])
				if !isWordRune(r2) {
					break
				}
				if (r == '\'' || r == '’') && (r2 == 's' || r2 == 'S') {
					k := j + n + n2
					r3, _ := utf8.DecodeRuneInString(s[k:]) // s[k:] may be empty
					if k >= len(s) || !isWordRune(r3) {
						poss = true
						end = j
						j = k
						i = k
						break
					}
				}
				j += n
				continue
			}
			break
		}
		if !poss {
			i = end
		}
		first, _ := utf8.DecodeRuneInString(s[start:])
		return token{start: start, end: end, word: true, upper: unicode.IsUpper(first), poss: poss}, i, true
	}
	return token{}, i, false
}

// Lexicons of the cue words the mention patterns use. Keys are folded.
var (
	// royalTitles stay part of a person's label ("King Seonjo", "Emperor
	// Go-Mizunoo"), as encyclopedias title monarchs.
	royalTitles = set("king", "queen", "emperor", "empress", "prince", "princess", "lady", "grandprince", "consort", "dowager", "shogun")
	// titleModifiers make a royal title a longer title, not a name:
	// "Crown Prince", "Grand Internal Prince", "Royal Consort".
	titleModifiers = set("crown", "grand", "internal", "royal", "imperial", "hereditary", "heir", "noble", "queen", "empress")
	// rankTitles precede a name but are not part of it ("General Kim
	// Myŏngwŏn", "Admiral Yi Sun-sin").
	rankTitles = set("general", "admiral", "minister", "marshal", "commander", "captain", "colonel", "major", "lieutenant",
		"regent", "chancellor", "lord", "sir", "marquess", "marquis", "count", "duke", "viscount", "baron", "daimyo",
		"governor", "magistrate", "official", "monk", "priest", "warlord", "statesman", "scholar", "envoy", "ambassador",
		"premier", "president", "councillor", "chief", "vice", "deputy", "field", "grand", "senior", "junior", "prime",
		"samurai", "retainer", "vassal", "ruler", "chieftain", "leader", "khan", "chancellor", "secretary")
	// officeWords follow "Minister of" before a name: "Minister of
	// Interior Yi Won-ik".
	officeWords = set("interior", "finance", "war", "foreign", "affairs", "justice", "state", "navy", "army", "home",
		"education", "agriculture", "commerce", "rites", "personnel", "works", "revenue", "defense", "defence",
		"communications", "imperial", "household", "the", "left", "right")
	// kinNouns name a person when "of X" or "X's" follows or precedes them.
	kinNouns = set("son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "consort", "heir",
		"grandson", "granddaughter", "nephew", "niece", "uncle", "successor", "predecessor", "retainer", "vassal", "concubine")
	// personVerbs follow a person's name as the subject of a sentence.
	personVerbs = set("led", "ordered", "commanded", "decided", "fled", "died", "married", "succeeded", "sent", "wrote",
		"was born", "counterattacked", "retreated", "surrendered", "proceeded", "arrived", "became", "served", "joined",
		"rendezvoused", "resigned", "returned", "abdicated", "ascended", "reigned", "founded", "ruled", "had")
	// militaryNouns after "X's" make X a commander.
	militaryNouns = set("army", "armies", "fleet", "forces", "force", "men", "troops", "navy", "vanguard", "soldiers", "ships", "division", "son", "daughter", "wife", "father", "brother", "retainers", "death", "command", "reign", "rule", "abilities")
	// placeHeads end place names.
	placeHeads = set("river", "province", "island", "islands", "strait", "straits", "castle", "mountain", "mountains",
		"bay", "sea", "peninsula", "prefecture", "domain", "county", "city", "palace", "temple", "shrine", "fortress",
		"harbor", "harbour", "gulf", "pass", "plain", "valley", "region", "station", "mausoleum", "district", "ocean",
		"lake", "hill", "hills", "coast", "canal", "channel", "estuary", "fort", "port", "town", "village", "prefecture",
		"misasagi", "ward", "gate", "do", "gun", "si", "ku")
	// lowerPlaceHeads may end a place name in lower case: "Odani castle",
	// "Nara prefecture"; "Azai fort" and "Shinto shrine" are not names.
	lowerPlaceHeads = set("river", "province", "castle", "island", "prefecture", "mountains", "region", "domain", "peninsula", "strait")
	// placePrefixes begin place names: "Mount Fuji", "Lake Biwa".
	placePrefixes = set("mount", "lake", "cape", "fort", "port", "isle", "gulf", "bay", "sea", "strait")
	// forceHeads end force names; "clan" is there because clans that fight
	// are forces.
	forceHeads = set("army", "armies", "navy", "fleet", "division", "corps", "regiment", "brigade", "clan", "bakufu",
		"squadron", "legion", "guard", "militia", "forces", "dynasty")
	// eventHeads end event names; the value tells conflicts from others.
	eventHeads = map[string]bool{"war": true, "wars": true, "rebellion": true, "campaign": true, "campaigns": true,
		"invasion": true, "invasions": true, "uprising": true, "mutiny": true, "expedition": true, "offensive": true,
		"revolution": false, "incident": false, "restoration": false, "massacre": false, "treaty": false, "revolt": true,
		"conflict": true, "conflicts": true, "crisis": false, "affair": false}
	// eventPrefixes begin conflict names: "Battle of X", "Siege of X".
	eventPrefixes = set("battle", "siege", "sack", "fall", "capture", "bombardment", "raid", "invasion", "naval",
		"first", "second", "third", "1st", "2nd", "3rd", "defence", "defense", "relief", "conquest", "occupation")
	// demonyms are adjectives of nations and languages: they never start a
	// name on their own ("Japanese daimyō", "(Japanese: )").
	demonyms = set("japanese", "korean", "koreans", "chinese", "manchu", "mongol", "mongolian", "english", "french",
		"german", "british", "russian", "american", "portuguese", "dutch", "spanish", "jurchen", "western", "eastern",
		"christian", "buddhist", "confucian", "catholic", "european", "asian", "italian", "taiwanese", "vietnamese",
		"hangul", "hanja", "kanji", "latin", "imperial", "royal", "allied", "northern", "southern", "native", "sino",
		"japanese–korean", "indian", "tibetan", "turkish", "ottoman", "persian", "greek", "roman")
	// placePreps before a capitalised word make it a place.
	placePreps = set("at", "in", "into", "near", "from", "to", "towards", "toward", "via", "outside", "around", "reached",
		"captured", "occupied", "besieged", "entered", "across", "off", "through", "presentday", "modernday") // "present-day": keys leave joiners out
	// captureNouns before "of X" make X a place: "the capture of Kaesong".
	captureNouns = set("capture", "recapture", "taking", "seizure", "siege", "fall", "sack", "occupation", "defence", "defense", "bombardment", "outskirts", "walls", "governor", "mayor",
		"magistrate", "city", "town", "village", "port", "island", "province", "provinces", "prefecture", "county", "district")
	// placeVerbs state that an event happened at a place.
	placeVerbs = set("captured", "occupied", "besieged", "took", "seized", "attacked", "sacked", "conquered")
	// months, weekdays and eras' words are never names.
	timeWords = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"ad", "bc", "bce", "ce")
	// compass words may start a place name: "South Korea", "North Hwanghae".
	compass = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "central", "greater", "inner", "outer")
	// connectors may stand inside a name between capitalised words.
	connectors = set("of", "no", "de", "the", "von", "van", "al", "da", "du", "la", "le", "y", "and")
	// orgHeads end names of things that are not among the four types,
	// romanised Japanese ones too: "Nomura Kassen" is a name of a battle
	// and "Nihon Gaishi" a book, not persons.
	orgHeads = set("university", "school", "college", "party", "company", "museum", "library", "hospital", "bank",
		"church", "society", "association", "committee", "council", "house", "court", "ministry", "office", "government",
		"academy", "newspaper", "magazine", "award", "prize", "order", "script", "language", "calendar", "constitution",
		"era", "period", "eras", "periods", "style", "law", "act", "movement", "system", "ship", "ships", "cruiser",
		"ironclad", "battleship", "station", "airport", "line", "railway", "festival", "clique", "faction",
		"kassen", "gaishi", "shoki", "monogatari", "jinja", "jingu", "taisha")
	// stopWords are common English words that start sentences or follow
	// them capitalised; they never start a name there.
	stopWords = set("the", "a", "an", "in", "on", "at", "after", "before", "during", "following", "however", "his",
		"her", "their", "its", "this", "that", "these", "those", "although", "while", "when", "then", "meanwhile",
		"since", "as", "by", "with", "from", "to", "under", "upon", "despite", "unlike", "like", "both", "each", "many",
		"some", "most", "all", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"one", "he", "she", "it", "they", "we", "i", "there", "here", "if", "but", "and", "or", "so", "yet", "also",
		"because", "though", "once", "until", "for", "of", "not", "no", "only", "even", "thus", "therefore",
		"later", "soon", "initially", "finally", "eventually", "afterwards", "afterward", "instead", "rather",
		"unable", "within", "without", "between", "among", "against", "about", "around", "over", "through", "throughout",
		"what", "which", "who", "whom", "whose", "where", "why", "how", "another", "other", "such", "none", "any",
		"every", "first", "second", "third", "last", "next", "new", "old", "more", "less", "few", "much", "according",
		"toward", "towards", "along", "near", "outside", "inside", "beyond", "further", "furthermore", "moreover",
		"nevertheless", "nonetheless", "consequently", "subsequently", "accordingly", "today", "tomorrow", "yesterday",
		"now", "modern", "present", "born", "see", "list", "note", "notes", "references", "is", "was", "were", "are",
		"be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may",
		"might", "must", "shall", "should", "upon", "amid", "although", "whereas", "whilst", "hence", "indeed",
		"perhaps", "still", "already", "again", "once", "almost", "nearly", "about", "approximately", "roughly",
		"traditionally", "historically", "originally", "recently", "previously", "currently", "formerly", "fourteen",
		"twelve", "eleven", "twenty", "thirty", "hundred", "thousand", "battle", "war", "siege", "army", "fleet",
		"navy", "city", "castle", "river", "king", "emperor", "general", "admiral", "province", "island", "clan",
		"our", "my", "your", "us", "them", "him", "me", "you", "on", "at", "per", "via", "vs", "etc")
	// surnames are common Korean and Chinese family names, which come first
	// in a personal name: an unknown "Zhao Chengxun" is a person.
	surnames = set("kim", "yi", "lee", "park", "pak", "choi", "choe", "jeong", "chong", "kang", "cho", "jo", "yun",
		"yoon", "jang", "chang", "lim", "han", "oh", "seo", "so", "shin", "sin", "kwon", "gwon", "hwang", "ahn",
		"hong", "jeon", "chon", "ko", "mun", "moon", "yang", "son", "bae", "baek", "paek", "heo", "ho", "nam", "sim",
		"shim", "ha", "kwak", "gwak", "won", "yon", "yeon", "min", "seong", "song", "cha", "ju", "chu", "gu", "ku",
		"na", "jin", "chin", "eom", "chae", "pyeon", "ryu", "yu", "im", "u", "wi", "do", "ok", "ra", "ma", "gil",
		"li", "wang", "zhang", "liu", "chen", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu", "gao", "lin",
		"he", "guo", "luo", "liang", "zheng", "xie", "tang", "feng", "dong", "xiao", "cheng", "cao", "yuan", "deng",
		"xue", "tian", "pan", "du", "dai", "xia", "zhong", "wei", "jiang", "fan", "fang", "shi", "yao", "tan",
		"liao", "zou", "xiong", "lu", "hao", "kong", "bai", "cui", "mao", "qiu", "qin", "hou", "shao", "meng",
		"long", "wan", "duan", "lei", "qian", "yin", "zu", "zuo", "man", "ding", "sa", "zhangsun", "sima", "zhuge",
		"ouyang", "xiahou", "ge", "gong", "geng", "shang", "kou", "dou", "lai", "pei", "yan", "ni", "niu", "ren")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// japaneseName reports whether a folded word is written as a Hepburn
// romanisation of Japanese can be: syllables of (consonant)(y)vowel, a
// syllabic n, or a doubled consonant. "Kiyomasa" and "Nobunaga" are,
// "Chengxun" and "Hwanghae" are not.
func japaneseName(w string) bool {
	if len(w) < 2 {
		return false
	}
	i := 0
	syllables := 0
	for i < len(w) {
		c := w[i]
		if isVowel(c) {
			i++
			syllables++
			continue
		}
		if c == 'n' && (i+1 == len(w) || !isVowel(w[i+1]) && w[i+1] != 'y') {
			i++
			continue
		}
		// Consonant onsets.
		on := 0
		switch {
		case strings.HasPrefix(w[i:], "sh"), strings.HasPrefix(w[i:], "ch"), strings.HasPrefix(w[i:], "ts"):
			on = 2
		case strings.IndexByte("kgsztdnhbpmyrwjf", c) >= 0:
			on = 1
		default:
			return false
		}
		// A doubled consonant (kk, tt, ss, pp, tch).
		if i+on < len(w) && w[i+on] == c && on == 1 && strings.IndexByte("ktsp", c) >= 0 {
			i++
			continue
		}
		if c == 't' && strings.HasPrefix(w[i:], "tch") {
			i++
			continue
		}
		j := i + on
		if j < len(w) && w[j] == 'y' && c != 'y' {
			j++
		}
		if j >= len(w) || !isVowel(w[j]) {
			return false
		}
		i = j + 1
		syllables++
	}
	return syllables >= 2
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// interner hands out one string for the words it saw recently, so that the
// prose extractor, which folds every word of every sentence, allocates
// mostly for rare words. It is a direct-mapped cache rather than a map: a
// corpus has more distinct words than a map should hold, and a miss costs
// only the allocation the cache saves on a hit. One belongs to one
// extraction at a time (see proseScratch).
type interner struct {
	buf     []byte
	wordBuf []byte // word's
	slots   [internSlots]internSlot
	// lex is the union of the lexicon flags of the words tokenizeFrom
	// has cut so far.
	lex lexFlag
	// written caches the keys of words with bytes past ASCII by the word
	// as written (see foldUnicode).
	written [writtenSlots]writtenSlot
}

// writtenSlot is a word as written, its key and its lexicon flags.
type writtenSlot struct {
	written, key string
	lex          lexFlag
}

const writtenSlots = 1024

// internSlot is a word and its lexicon flags, which are kept with it so
// that a word seen before costs no look-up either.
type internSlot struct {
	s   string
	lex lexFlag
	// w holds the bytes of s when it has at most 8, so that most words
	// are compared without reading their bytes through s.
	w uint64
}

const (
	// internBits is the log of the number of slots. At 1<<14 (512 KB)
	// one word in thirteen of 2 k articles' prose finds its slot taken
	// and is copied again, and 1<<15 saves 0.4% of a build's
	// instructions, but its 1 MB, all of this machine's L2 cache of a
	// core, was no faster in alternating runs on 10 k and 100 k
	// articles (0.92/0.81/1.04 s against 0.98/0.88/1.05 s at
	// 10 k).
	internBits  = 14
	internSlots = 1 << internBits
	// internMul is the multiplier of the slots' hash.
	internMul = 0x9e3779b97f4a7c15
)

// fold returns foldString(s) and lexicon[foldString(s)]. ASCII words are
// folded in one pass; others go to foldString.
func (in *interner) fold(s string) (string, lexFlag) {
	b := in.buf[:0]
	var w uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			in.buf = b
			return in.foldUnicode(s)
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		default:
			continue
		}
		if len(b) < 8 {
			w |= uint64(c) << (8 * len(b))
		}
		b = append(b, c)
	}
	in.buf = b
	return in.lookup(b, w)
}

// foldUnicode is fold for a word with bytes past ASCII, whose folding
// decomposes runes (foldRune) at many times the cost of the look-up: the
// word's key is cached under the word as written.
func (in *interner) foldUnicode(s string) (string, lexFlag) {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	slot := &in.written[h%writtenSlots]
	if slot.written == s {
		return slot.key, slot.lex
	}
	k := foldString(s)
	*slot = writtenSlot{written: strings.Clone(s), key: k, lex: lexicon[k]}
	return k, slot.lex
}

// lookup returns string(b) and its lexicon flags, from the cache when it
// holds them; w is the first 8 bytes of b, zero-padded.
func (in *interner) lookup(b []byte, w uint64) (string, lexFlag) {
	slot := in.slot(b, w)
	if slot.holds(b, w) {
		return slot.s, slot.lex
	}
	return slot.fill(b, w)
}

// slot returns the slot of b, whose first 8 bytes are w, zero-padded: it
// is picked by a multiplicative hash of the first and last 8 bytes and
// the length.
func (in *interner) slot(b []byte, w uint64) *internSlot {
	h := w ^ uint64(len(b))
	if len(b) > 8 {
		h ^= bits.RotateLeft64(binary.LittleEndian.Uint64(b[len(b)-8:]), 29)
	}
	return &in.slots[(h*internMul)>>(64-internBits)]
}

// holds reports whether slot holds b, whose first 8 bytes are w.
func (slot *internSlot) holds(b []byte, w uint64) bool {
	// Up to 8 bytes, the length and w tell b: no byte of b is 0.
	return len(slot.s) == len(b) && slot.w == w && (len(b) <= 8 || slot.s == string(b))
}

// fill makes slot hold string(b), whose first 8 bytes are w, and returns
// it and its lexicon flags.
//
//go:noinline
func (slot *internSlot) fill(b []byte, w uint64) (string, lexFlag) {
	s := string(b)
	var lex lexFlag
	if h := lexiconHash(w, len(b)); lexiconBits[h/64]&(1<<(h%64)) != 0 {
		lex = lexicon[s]
	}
	*slot = internSlot{s: s, lex: lex, w: w}
	return s, lex
}

// lexiconBits has the bit lexiconHash sets for each word of lexicon, so
// that most words interned, which are in no lexicon, are told so without
// a map look-up.
var lexiconBits = func() *[1 << lexiconHashBits / 64]uint64 {
	var t [1 << lexiconHashBits / 64]uint64
	for k := range lexicon {
		var b [8]byte
		copy(b[:], k)
		h := lexiconHash(binary.LittleEndian.Uint64(b[:]), len(k))
		t[h/64] |= 1 << (h % 64)
	}
	return &t
}()

const lexiconHashBits = 16

// lexiconHash returns the bit of lexiconBits of a word of n bytes whose
// first 8 bytes are w, zero-padded.
func lexiconHash(w uint64, n int) uint64 {
	return ((w ^ uint64(n)) * internMul) >> (64 - lexiconHashBits)
}
