package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a range [Start, End) of byte offsets into a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence (folded,
// without the period).
var abbreviations = set("c", "ca", "cf", "st", "mt", "dr", "mr", "mrs", "ms", "gen", "adm", "lt", "col", "capt",
	"cpt", "sgt", "maj", "no", "nos", "vol", "vols", "vs", "etc", "jr", "sr", "approx", "ft", "ltd", "inc", "co",
	"corp", "est", "fl", "r", "b", "d", "p", "pp", "ed", "eds", "trans", "rev", "hon", "prof", "fig", "op", "al",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lit", "var", "viz", "ie", "eg")

// SplitSentences cuts a paragraph into sentences. A sentence ends at ".",
// "!" or "?" (with any closing quotes and brackets after it) followed by a
// space and an upper-case letter, a digit or an opening quote or bracket, or
// by the end of the text. A period does not end a sentence after an
// abbreviation ("c.", "Gen."), an initial ("J. R."), inside a dotted
// abbreviation ("U.S.", "e.g."), or inside brackets, so that residue such
// as "()", "(; )" and "(Japanese: )" stays inside its sentence. Leading and
// trailing spaces are not part of a sentence; empty sentences are dropped.
func SplitSentences(text string) []Span {
	return AppendSentences(nil, text)
}

// AppendSentences appends the sentences of text, as SplitSentences cuts
// them, to out.
func AppendSentences(out []Span, text string) []Span {
	return appendSentences(out, text, false)
}

// firstSentence returns the first sentence of text as SplitSentences cuts
// it, and false when text has none, without searching the rest of text.
func firstSentence(text string) (Span, bool) {
	var buf [1]Span
	out := appendSentences(buf[:0], text, true)
	if len(out) == 0 {
		return Span{}, false
	}
	return out[0], true
}

// appendSentences appends the sentences of text to out, or only the first
// when first is set.
func appendSentences(out []Span, text string, first bool) []Span {
	n := len(out)
	// Only the bytes of sentenceBytes matter here, and no byte of a
	// multi-byte character is one of them. next holds where each occurs
	// next (len(text) when it does not): one fast search per occurrence
	// rather than a test per byte.
	// Outside brackets a closing bracket changes nothing, inside them
	// only brackets do: each byte is searched for only where it matters,
	// and most blocks have no brackets. (-1 is a search not yet made.)
	next := [len(sentenceBytes)]int{-1, -1, -1, -1, -1, -1, -1}
	start := 0
	depth := 0
	for i := 0; ; {
		stop := len(text)
		from, to := 0, outsideBytes
		if depth > 0 {
			from, to = insideFrom, len(next)
		}
		for k := from; k < to; k++ {
			at := next[k]
			if at < i {
				at = indexByteFrom(text, i, sentenceBytes[k])
				next[k] = at
			}
			stop = min(stop, at)
		}
		i = stop
		if i == len(text) {
			break
		}
		c := text[i]
		switch c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 || c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		end, ends := sentenceEnd(text, i)
		if !ends {
			i = end
			continue
		}
		out = appendSentence(out, text, start, end)
		if first && len(out) > n {
			return out
		}
		start = end
		i = end
	}
	return appendSentence(out, text, start, len(text))
}

// sentenceBytes are the bytes AppendSentences stops at: the first
// outsideBytes of them outside brackets, those from insideFrom inside.
const (
	sentenceBytes = ".!?([)]"
	outsideBytes  = 5
	insideFrom    = 3
)

// indexByteFrom returns the index of the first c in text at or after i, or
// len(text).
func indexByteFrom(text string, i int, c byte) int {
	if k := strings.IndexByte(text[i:], c); k >= 0 {
		return i + k
	}
	return len(text)
}

// sentenceEnd takes the terminal punctuation mark at text[i] and returns
// where the run of punctuation and closing quotes and brackets after it
// ends, and whether a sentence ends there: not after an abbreviation or
// an initial, and only before what can start a sentence.
func sentenceEnd(text string, i int) (end int, ends bool) {
	end = i + 1
	for end < len(text) {
		r, n := rune(text[end]), 1 // ASCII, most of prose, without a call
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[end:])
		}
		if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' {
			end += n
			continue
		}
		break
	}
	if text[i] == '.' && !periodEnds(text, i) {
		return end, false
	}
	return end, end == len(text) || boundaryFollows(text[end:])
}

// appendSentence appends the trimmed span [start, end) of text unless it is
// empty.
func appendSentence(out []Span, text string, start, end int) []Span {
	for start < end {
		r, n := rune(text[start]), 1 // ASCII, most of prose, without a call
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[start:])
		}
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := rune(text[end-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(text[start:end])
		}
		if !isSpace(r) {
			break
		}
		end -= n
	}
	if end > start {
		out = append(out, Span{start, end})
	}
	return out
}

// isSpace is unicode.IsSpace, without a call for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// periodEnds reports whether the period at text[i] can end a sentence,
// judging by the word before it.
func periodEnds(text string, i int) bool {
	j := i
	ascii := true
	for j > 0 {
		if c := text[j-1]; c < utf8.RuneSelf {
			if !asciiAlnum[c] && c != '.' {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRune(r) && r != '.' {
			break
		}
		ascii = false
		j -= n
	}
	word := text[j:i]
	if word == "" {
		return true
	}
	if strings.Contains(word, ".") {
		return false // "U.S." or "e.g."
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return false // an initial
	}
	if ascii && len(word) > maxAbbreviation {
		return true // an ASCII word folds to as many bytes
	}
	var buf [32]byte
	var key []byte
	if ascii {
		// ASCII letters and digits, no longer than buf: folding
		// lower-cases them.
		key = buf[:len(word)]
		for k := 0; k < len(word); k++ {
			c := word[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			key[k] = c
		}
	} else {
		key = appendFold(buf[:0], word)
	}
	return !isAbbreviation(string(key))
}

// isAbbreviation reports abbreviations[w] by a switch, which compares w's
// length before any bytes, where the map hashes it.
func isAbbreviation(w string) bool {
	switch w {
	case "c", "ca", "cf", "st", "mt", "dr", "mr", "mrs", "ms", "gen", "adm", "lt", "col", "capt",
		"cpt", "sgt", "maj", "no", "nos", "vol", "vols", "vs", "etc", "jr", "sr", "approx", "ft", "ltd", "inc", "co",
		"corp", "est", "fl", "r", "b", "d", "p", "pp", "ed", "eds", "trans", "rev", "hon", "prof", "fig", "op", "al",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lit", "var", "viz", "ie", "eg":
		return true
	}
	return false
}

// maxAbbreviation is the length of the longest abbreviation.
var maxAbbreviation = func() int {
	n := 0
	for a := range abbreviations {
		n = max(n, len(a))
	}
	return n
}()

// boundaryFollows reports whether rest (the text after a sentence's final
// punctuation) starts a new sentence: spaces, then an upper-case letter, a
// digit or an opening quote or bracket.
func boundaryFollows(rest string) bool {
	i := 0
	for i < len(rest) {
		if c := rest[i]; c < utf8.RuneSelf {
			// ASCII, most of prose, without a call.
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == 0 {
		return false
	}
	if i == len(rest) {
		return true
	}
	if c := rest[i]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '"' || c == '(' || c == '[' || c == '\''
	}
	r, _ := utf8.DecodeRuneInString(rest[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '(' || r == '[' || r == '\'' || unicode.IsLetter(r) && !unicode.IsLower(r)
}
