package ontology

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/rdf"
)

// CanonicalName returns name as an English Wikipedia title would write it:
// white space runs collapsed to one space, trimmed, underscores read as
// spaces, the first letter upper case, a hyphen between years an en dash
// (see yearRangeAt). It returns "" for a name with no letter or digit.
func CanonicalName(name string) string {
	if isCanonical(name) {
		return name // most names are, and need no copy
	}
	return canonicalName(name)
}

// canonicalName is CanonicalName without the check for names that are
// canonical already.
func canonicalName(name string) string {
	name = strings.ToValidUTF8(name, "\uFFFD")
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		if r == '_' || unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	s := b.String()
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && yearRangeAt(s, i) {
			s = s[:i] + "–" + s[i+1:] // its bytes are no hyphen, no digit
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if up := unicode.ToUpper(r); up != r && utf8.RuneLen(up) > 0 {
		s = string(up) + s[size:]
	}
	return s
}

// yearRangeAt reports whether the hyphen at s[i] joins a range of years,
// which a Wikipedia title writes with an en dash: "(1592-1598)" and
// "(1540-41)" are "(1592–1598)" and "(1540–41)", while "T-34-85" keeps
// its hyphens. A year has three or four digits, the end of a range two or
// four.
func yearRangeAt(s string, i int) bool {
	left := 0
	for k := i - 1; k >= 0 && isDigit(s[k]); k-- {
		left++
	}
	if left < 3 || left > 4 || i-left > 0 && isAlnumByte(s[i-left-1]) {
		return false
	}
	right := 0
	for k := i + 1; k < len(s) && isDigit(s[k]); k++ {
		right++
	}
	if right != 2 && right != 4 {
		return false
	}
	return i+1+right == len(s) || !isAlnumByte(s[i+1+right])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnumByte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c >= 0x80
}

// isCanonical reports whether CanonicalName(s) == s, without building it:
// valid UTF-8 with a letter or digit, no white space but single spaces
// between words, no underscore or control character, and a first rune
// that has no upper case other than itself.
func isCanonical(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || 'a' <= s[0] && s[0] <= 'z' {
		return false
	}
	// ASCII letters and digits, most of a name, only mark it as having
	// one: the bytes to look at are the few others.
	seen := uint8(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		k := canonicalByte[c]
		seen |= k
		if k&cbLook == 0 {
			continue
		}
		switch {
		case c == ' ':
			if s[i+1] == ' ' { // not the last byte, which is no space
				return false
			}
		case c == '-':
			if yearRangeAt(s, i) {
				return false
			}
		case c < utf8.RuneSelf: // a control or '_'
			return false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || unicode.IsControl(r) {
				return false
			}
			if i == 0 && unicode.ToUpper(r) != r {
				return false
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				seen |= cbAlnum
			}
			i += size - 1
		}
	}
	return seen&cbAlnum != 0
}

// The bits of canonicalByte.
const (
	cbAlnum  = 1 << iota // an ASCII letter or digit
	cbLook               // a byte isCanonical looks at
	cbEscape             // an ASCII byte appendEscaped does not copy as it is
	cbHigh               // a byte beyond ASCII
)

// canonicalByte marks the ASCII letters and digits, the bytes
// isCanonical looks at: the space, the hyphen, controls, '_' and those
// of runes beyond ASCII, and the ASCII bytes appendEscaped replaces.
var canonicalByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = cbAlnum
		case c == ' ', c == '-', c == '_', c < 0x20, c == 0x7f:
			t[c] = cbLook
		case c >= utf8.RuneSelf:
			t[c] = cbLook | cbHigh
		}
		if c < utf8.RuneSelf && asciiEscaped[c] {
			t[c] |= cbEscape
		}
	}
	return t
}()

// AppendCanonicalEntityIRI appends to dst the value of EntityIRI(base,
// name) and reports true when name is canonical (CanonicalName(name) ==
// name, not "") and needs no percent-encoding, as most names a graph is
// given are: one pass over the name checks it and mints the IRI, where
// CanonicalName and AppendEntityIRI make two. Otherwise it returns dst
// (perhaps grown) and false, and the caller takes the long way. What it
// appends after base when it reports true is characters valid in an IRI
// other than '%' (see rdf.Validator.MintedIRI). When it reports true, it
// also reports whether name is ASCII: printable ASCII, then, whose only
// white space is single spaces between words.
func AppendCanonicalEntityIRI(dst []byte, base, name string) (iri []byte, ok, ascii bool) {
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' || 'a' <= name[0] && name[0] <= 'z' {
		return dst, false, false
	}
	if base == "" {
		base = DefaultBase
	}
	start := len(dst)
	// The name is copied whole, and its spaces then made underscores in
	// place: a name that needs more than that goes the long way.
	b := append(append(dst, base...), name...)
	out := b[len(b)-len(name):]
	seen := uint8(0)
	for i := 0; i < len(name); i++ {
		c := name[i]
		k := canonicalByte[c]
		seen |= k
		if k&(cbLook|cbEscape) == 0 {
			continue
		}
		switch {
		case c == ' ':
			if name[i+1] == ' ' { // not the last byte, which is no space
				return b[:start], false, false
			}
			out[i] = '_'
		case c == '-':
			if yearRangeAt(name, i) {
				return b[:start], false, false
			}
		case c < utf8.RuneSelf: // a control, '_' or a byte to escape
			return b[:start], false, false
		default:
			r, size := utf8.DecodeRuneInString(name[i:])
			if r == utf8.RuneError && size == 1 || !iriUcschar(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
				return b[:start], false, false
			}
			if i == 0 && unicode.ToUpper(r) != r {
				return b[:start], false, false
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				seen |= cbAlnum
			}
			i += size - 1
		}
	}
	if seen&cbAlnum == 0 {
		return b[:start], false, false
	}
	return b, true, seen&cbHigh == 0
}

// EscapeName returns the IRI path segment for a canonical name: spaces become
// underscores, and every character that an IRI or the Turtle and N-Triples
// syntaxes forbid, plus '%' itself (so an escape in a title is never decoded
// twice), is percent-encoded. Letters outside ASCII stay as they are: these
// are IRIs, not URIs.
func EscapeName(name string) string {
	b := appendEscaped(make([]byte, 0, len(name)+len(name)/4), name)
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not kept
}

// appendEscaped appends EscapeName(name) to b. Runs of characters that
// need no escape, most of every name, are copied whole.
func appendEscaped(b []byte, name string) []byte {
	const hex = "0123456789ABCDEF"
	run := 0 // where the run not yet copied starts
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if !asciiEscaped[c] {
				i++
				continue
			}
			b = append(b, name[run:i]...)
			if c == ' ' {
				b = append(b, '_')
			} else {
				b = append(b, '%', hex[c>>4], hex[c&15])
			}
			i++
			run = i
			continue
		}
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 || !iriUcschar(r) {
			b = append(b, name[run:i]...)
			// An invalid byte is escaped as the replacement character
			// it stands for, as ranging over the string gave it.
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				b = append(b, '%', hex[c>>4], hex[c&15])
			}
			run = i + size
		}
		i += size
	}
	return append(b, name[run:]...)
}

// asciiEscaped marks the ASCII bytes appendEscaped does not copy as they
// are: the space, which becomes '_', and those needsEscape names.
var asciiEscaped = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c == ' ' || needsEscape(byte(c))
	}
	return t
}()

// needsEscape reports whether an ASCII byte must be percent-encoded in a
// path segment of an entity IRI. Wikipedia titles keep ( ) , ' ! ; : * & in
// the clear, and so do we; '?' and '#' would start a query or fragment.
func needsEscape(c byte) bool {
	if c <= 0x20 || c == 0x7f {
		return true
	}
	return strings.IndexByte("%<>\"{}|\\^`?#[]/", c) >= 0
}

// iriUcschar reports whether r may stand unescaped in an IRI (RFC 3987
// ucschar), which also keeps Turtle and N-Triples happy.
func iriUcschar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		return r&0xFFFE != 0xFFFE
	}
	return false
}

// EntityIRI mints the IRI of the entity called name under base: base plus
// the escaped canonical name. It returns the zero Term when the name has no
// letter or digit.
func EntityIRI(base, name string) rdf.Term {
	c := CanonicalName(name)
	if c == "" {
		return rdf.Term{}
	}
	b := AppendEntityIRI(make([]byte, 0, len(base)+len(c)+len(c)/4), base, c)
	return rdf.IRI(unsafe.String(unsafe.SliceData(b), len(b))) // b is not kept
}

// AppendEntityIRI appends to dst the value of EntityIRI(base, canonical) for
// a name already canonical (as CanonicalName returns it, and not ""), so
// that a caller can look an IRI up before paying for its string.
func AppendEntityIRI(dst []byte, base, canonical string) []byte {
	if base == "" {
		base = DefaultBase
	}
	return appendEscaped(append(dst, base...), canonical)
}

// ArticleIRI returns the IRI of the article node of title: the entity IRI
// with the fragment #article. It also names the article's graph.
func ArticleIRI(base, title string) rdf.Term {
	// Minted in one buffer, the short way when title is canonical, as it
	// is for every article: not minted, then copied with the fragment.
	const fragment = "#article"
	b := make([]byte, 0, len(base)+len(DefaultBase)+len(title)+len(title)/4+len(fragment))
	b, ok, _ := AppendCanonicalEntityIRI(b, base, title)
	if !ok {
		c := CanonicalName(title)
		if c == "" {
			return rdf.Term{}
		}
		b = AppendEntityIRI(b[:0], base, c)
	}
	b = append(b, fragment...)
	return rdf.IRI(unsafe.String(unsafe.SliceData(b), len(b))) // b is not kept
}

// KeyProperty returns the generic property for an infobox key that no
// mapping covers: the key's letters and digits in lower camel case under
// PropertyNS, so "Commander1" gives prop:commander1 and "Birth Place"
// prop:birthPlace. It returns the zero Term for a key with no letter or digit.
func KeyProperty(key string) rdf.Term {
	var b strings.Builder
	upper := false
	for _, r := range key {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			upper = b.Len() > 0
			continue
		}
		switch {
		case b.Len() == 0:
			r = unicode.ToLower(r)
		case upper:
			r = unicode.ToUpper(r)
		}
		upper = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return rdf.Term{}
	}
	return rdf.IRI(PropertyNS + EscapeName(b.String()))
}
