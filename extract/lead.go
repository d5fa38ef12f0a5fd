package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// leadHeads maps the head noun of a lead's defining phrase ("X is a river
// in …") to its contract class. A noun that names none (cruiser, film,
// kingdom) is absent: the subject is then left untyped rather than guessed.
// Kingdoms, states, dynasties and empires are absent on purpose, as they
// are places or forces by role.
var leadHeads = func() map[string]rdf.Term {
	m := map[string]rdf.Term{}
	add := func(class rdf.Term, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = class
		}
	}
	add(ontology.MilitaryConflict, "battle siege war campaign invasion rebellion uprising mutiny revolt insurrection "+
		"skirmish offensive blockade raid conflict attack assault bombardment engagement")
	add(ontology.Event, "festival ceremony celebration conference incident massacre election coronation "+
		"earthquake famine disaster tournament")
	add(ontology.Person, "general admiral daimyo daimyō samurai emperor empress king queen monarch prince princess "+
		"ruler warlord commander officer soldier politician statesman diplomat scholar poet writer philosopher "+
		"monk priest painter artist merchant nobleman noblewoman aristocrat regent shogun shōgun minister consort "+
		"concubine chancellor dictator bureaucrat strategist warrior pirate missionary explorer historian engineer "+
		"architect businessman physician scientist inventor actor actress singer person man woman")
	add(ontology.Place, "city town village municipality prefecture province county district region river "+
		"mountain island peninsula bay strait sea lake valley plain fortress castle port harbour harbor capital "+
		"country settlement commune ward suburb township metropolis territory colony archipelago gulf cape "+
		"coast desert forest canal palace")
	add(ontology.Force, "army navy fleet regiment division brigade battalion corps militia clan squadron garrison")
	return m
}()

// leadCopulas are the verbs of a defining sentence.
var leadCopulas = set("is", "was", "are", "were")

// isLeadSkipped reports whether w is one of the words between the verb
// and the defining noun phrase that carry no meaning for the class: "was
// also a", "is one of the".
func isLeadSkipped(w string) bool {
	switch w {
	case "a", "an", "the", "also", "originally", "formerly", "currently", "now", "once", "one", "of",
		"series", "pair", "two", "three", "several", "many":
		return true
	}
	return false
}

// isLeadPhraseEnd reports whether w ends the defining noun phrase: the
// prepositions, conjunctions and relative pronouns.
func isLeadPhraseEnd(w string) bool {
	switch w {
	case "of", "in", "at", "on", "from", "by", "for", "near", "with", "to", "during", "between",
		"within", "under", "against", "that", "which", "who", "whose", "where", "when", "and", "or",
		"but", "than", "as", "off", "along", "across", "around", "since", "until", "after", "before":
		return true
	}
	return false
}

// isLeadTrailer reports whether w is one of the participles that may
// follow the head noun inside the phrase: "a battle fought", "a festival
// held annually".
func isLeadTrailer(w string) bool {
	switch w {
	case "fought", "held", "located", "situated", "built", "conducted", "founded", "waged", "led",
		"named", "known", "based", "made", "launched", "organized", "organised", "celebrated",
		"occurring", "taking", "lasting", "annually", "primarily", "mainly":
		return true
	}
	return false
}

// isLeadNameWord reports whether the folded word w may stand lower-case
// in a subject's name ("Siege of X", "Fujiwara no Kamatari"), or is a
// title left where the flattened text dropped the name ("Viscount was a
// Japanese samurai").
func isLeadNameWord(w string) bool {
	switch w {
	case "the", "of", "de", "no", "von", "van", "der", "den", "du", "da", "di", "la", "le", "al",
		"bin", "and", "or", "y", "na", "ni", "viscount", "count", "baron", "marquis", "marquess", "duke",
		"prince", "princess", "emperor", "empress", "king", "queen", "lord", "lady", "sir", "admiral",
		"general":
		return true
	}
	return false
}

// ClassFromLead types an article's subject from the first sentence of its
// lead, where an encyclopedia defines it: "X (…) is the seventh-largest
// river in Korea", "X was a Japanese statesman and diplomat", "The X was a
// famous battle". The sentence must start with the subject (its title, a
// name, or nothing where the flattened text dropped the bold title) and go
// on with "is", "was", "are" or "were"; the head noun of the phrase after
// it gives the class. It returns the zero Term when the sentence defines
// the subject otherwise (a cruiser, a film) or is not a definition.
func ClassFromLead(a *Article) rdf.Term {
	i := firstParagraph(a)
	if i < 0 || a.Blocks[i].Section != "" {
		return rdf.Term{}
	}
	text := a.Blocks[i].Text
	if len(text) > leadMaxBytes {
		// The first sentence is all that is read; a cut mid-sentence
		// leaves that sentence's first words as they are.
		k := leadMaxBytes
		for k > 0 && !utf8.RuneStart(text[k]) {
			k--
		}
		text = text[:k]
	}
	span, ok := firstSentence(text)
	if !ok {
		return rdf.Term{}
	}
	// The words are read as far as they are needed: to the verb and the
	// end of the phrase after it, a dozen of a lead's words.
	ws := leadWords{s: text[span.Start:span.End], start: -1}
	verb := -1
	for k := 0; ws.has(k); k++ {
		if leadCopulas[ws.w[k].text] {
			verb = k
			break
		}
	}
	// Reading word verb settled the commas of those before it.
	if verb < 0 || !leadSubject(ws.w[:verb], a.Title) {
		return rdf.Term{}
	}
	return leadHeadClass(&ws, verb+1)
}

// leadWord is a word of a lead sentence, and whether punctuation that ends
// a phrase (a comma, a colon, a semicolon, a dash) follows it.
type leadWord struct {
	text  string
	comma bool
}

// leadMaxWords bounds the words of a lead sentence read: a definition
// comes in its first few dozen.
const leadMaxWords = 48

// leadMaxBytes bounds the bytes of a lead read for its first sentence.
const leadMaxBytes = 1024

// leadWords reads the first leadMaxWords words of a sentence, without
// what brackets enclose ("Kwak Chaeu (; 1552–1617) was") and without
// quotes, as far as they are asked for.
type leadWords struct {
	s string
	// w holds the n words read.
	w [leadMaxWords]leadWord
	n int
	// i is where reading goes on, depth the brackets open there and
	// start where the word being read starts (-1 between words).
	i, depth, start int
	done            bool
}

// has reports whether the sentence has a word k, reading on to it.
func (ws *leadWords) has(k int) bool {
	for ws.n <= k && !ws.done {
		ws.read()
	}
	return k < ws.n
}

// settled reports whether the sentence has a word k, reading on until
// what follows the word (its comma) is known too.
func (ws *leadWords) settled(k int) bool {
	ws.has(k + 1)
	return k < ws.n
}

// read reads on to the end of the next word, or of the sentence.
func (ws *leadWords) read() {
	s, n := ws.s, ws.n
	for ws.i < len(s) && ws.n < leadMaxWords {
		i := ws.i
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		ws.i += size
		switch {
		case r == '(' || r == '[':
			ws.flush(i)
			ws.depth++
		case r == ')' || r == ']':
			ws.flush(i)
			if ws.depth > 0 {
				ws.depth--
			}
		case ws.depth > 0:
		case r < utf8.RuneSelf && asciiAlnum[r] || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
			(r == '-' || r == '\'' || r == '’') && ws.start >= 0:
			if ws.start < 0 {
				ws.start = i
			}
		default:
			ws.flush(i)
			if (r == ',' || r == ';' || r == ':' || r == '–' || r == '—') && ws.n > 0 {
				ws.w[ws.n-1].comma = true
			}
		}
		if ws.n > n {
			return
		}
	}
	ws.flush(len(s))
	ws.done = true
}

// flush ends the word being read at end.
func (ws *leadWords) flush(end int) {
	if ws.start >= 0 {
		w := ws.s[ws.start:end]
		// Only a word ending in '-', '\'' or a byte that ends '’' can
		// lose a tail.
		if c := w[len(w)-1]; c == '-' || c == '\'' || c == "’"[2] {
			w = strings.TrimRight(w, "-'’")
		}
		ws.w[ws.n] = leadWord{text: w}
		ws.n++
		ws.start = -1
	}
}

// leadSubject reports whether the words before a lead's verb name the
// subject: up to the first comma, which ends an appositive ("The Battle of
// Noryang, the last major battle of …, was fought"), they are the title,
// or a name sharing a word with it ("Prince Saionji Kinmochi", "The Imjin
// River or Rimjin"), or nothing but an article and digits where the
// flattened text dropped the bold title ("The 1555 ' was").
func leadSubject(words []leadWord, title string) bool {
	var lw [24]byte // lowerWord's
	for k, w := range words {
		if w.comma {
			words = words[:k+1]
			break
		}
	}
	if len(words) > 0 && isLeadOpener(lowerWord(&lw, words[0].text)) {
		return false // "In 1592 Japan was …", "His father was …"
	}
	if k := strings.LastIndex(title, " ("); k > 0 {
		title = title[:k] // "Siege of Pyongyang (1592)"
	}
	name, named, shared := true, false, false
	var buf [128]byte
	said := buf[:0]
	for _, w := range words {
		said = appendFold(said, w.text)
		r, _ := utf8.DecodeRuneInString(w.text)
		switch {
		case unicode.IsDigit(r) || isLeadNameWord(lowerWord(&lw, w.text)):
		case unicode.IsUpper(r):
			named = true
			shared = shared || inTitle(w.text, title)
		default:
			name = false
		}
	}
	if name && (!named || shared) {
		return true
	}
	var tbuf [128]byte
	said, want := bytes.TrimPrefix(said, []byte("the")), bytes.TrimPrefix(appendFold(tbuf[:0], title), []byte("the"))
	if bytes.Equal(said, want) {
		return true
	}
	// "The first siege of Jinju" is the article "Siege of Jinju (1592)".
	for _, o := range leadOrdinals {
		if rest, ok := bytes.CutPrefix(said, []byte(o)); ok && bytes.Equal(rest, want) {
			return true
		}
	}
	return false
}

// inTitle reports whether word is, folded, one of title's words.
func inTitle(word, title string) bool {
	var wbuf, tbuf [64]byte
	w := appendFold(wbuf[:0], word)
	for t := range strings.FieldsSeq(title) {
		if bytes.Equal(appendFold(tbuf[:0], t), w) {
			return true
		}
	}
	return false
}

// leadOrdinals may precede the title in a lead, folded.
var leadOrdinals = []string{"first", "second", "third", "fourth", "fifth"}

// isLeadOpener reports whether w starts a sentence whose subject is not
// the article's.
func isLeadOpener(w string) bool {
	switch w {
	case "in", "on", "at", "during", "after", "before", "from", "by", "since", "until", "when",
		"while", "although", "though", "because", "however", "it", "he", "she", "they", "this", "these",
		"there", "its", "his", "her", "their":
		return true
	}
	return false
}

// leadHeadClass returns the class the head noun of the phrase that opens
// ws's words from word from names: the phrase runs to a preposition, a
// conjunction or a comma, and its head is its last noun, before any
// participle.
func leadHeadClass(ws *leadWords, from int) rdf.Term {
	var lw [24]byte // lowerWord's
	k := from
	for ws.settled(k) && isLeadSkipped(lowerWord(&lw, ws.w[k].text)) && !ws.w[k].comma {
		k++
	}
	end := k
	for ws.settled(end) && !isLeadPhraseEnd(lowerWord(&lw, ws.w[end].text)) {
		end++
		if ws.w[end-1].comma {
			break
		}
	}
	words := ws.w[:ws.n]
	for end > k && isLeadTrailer(lowerWord(&lw, words[end-1].text)) {
		end--
	}
	if end == k {
		return rdf.Term{}
	}
	head := strings.ToLower(words[end-1].text)
	if c, ok := leadHeads[head]; ok {
		return c
	}
	for _, plural := range [...]struct{ suffix, singular string }{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if stem, ok := strings.CutSuffix(head, plural.suffix); ok {
			if c, ok := leadHeads[stem+plural.singular]; ok {
				return c
			}
		}
	}
	return rdf.Term{}
}

// lowerWord returns s lower-cased, in buf for a short ASCII word, which
// costs no allocation. The word sets it is tested against are switches,
// which compare a word's length before any bytes, where a map hashes it.
func lowerWord(buf *[24]byte, s string) string {
	if len(s) > len(buf) {
		return strings.ToLower(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(s))
}
