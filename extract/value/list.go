package value

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Item is one entity named in a list value such as a Commander or Combatant
// field.
type Item struct {
	// Name is the cleaned name (see CleanName).
	Name string
	// Group is the label the item falls under: a "Label:" heading before it,
	// or a known group name (SplitEntitiesGrouped) listed before it. It is
	// empty when the list has no groups.
	Group string
	// Flags holds casualty markers found on the name, such as KIA.
	Flags Flags
	// Note is a descriptive note that followed the name in brackets, such as
	// "naval" in "Minamoto no Yoshitsune (naval)".
	Note string
}

// SplitEntities splits a list value into the entities it names. Items are
// separated by commas, semicolons, pipes, " and ", line breaks, horizontal
// rules and bullet stars; separators inside brackets do not split. Each item
// is cleaned with CleanName and dropped when nothing name-like remains. A
// heading ending in a colon ("Main:", "Joseon dynasty:") is never an item: it
// becomes the Group of the items after it.
func SplitEntities(s string) []Item {
	return SplitEntitiesGrouped(s, nil)
}

// SplitEntitiesGrouped is SplitEntities for lists whose items are grouped
// under names the caller knows, typically commanders listed under their
// belligerents ("Ming , Li Rusong , … , Joseon , Yi Il" with groups from the
// Combatant fields). An item that matches one of groups starts that group and
// is not itself returned; the items after it carry the group's name as the
// caller spelled it. A group matches when the names are equal ignoring case,
// or equal once generic words ("dynasty", "clan", "Kingdom of", …) are
// removed from both, so "Ming" matches "Ming dynasty".
func SplitEntitiesGrouped(s string, groups []string) []Item {
	return AppendEntities(nil, s, groups)
}

// AppendEntities appends the items of SplitEntitiesGrouped(s, groups) to dst
// and returns the extended slice, so that a caller splitting many lists
// can reuse one.
func AppendEntities(dst []Item, s string, groups []string) []Item {
	gm := groupMatcher{groups: groups}
	dst, _ = appendEntities(dst, nil, false, s, &gm)
	return dst
}

// AppendEntitiesClean is AppendEntities that also appends to clean, in
// step with the items, whether each item's Name is the text it was
// cleaned from, unchanged: CleanName gives such a name back as it is, and
// a caller that cleans names again need not for these.
func AppendEntitiesClean(dst []Item, clean []bool, s string, groups []string) ([]Item, []bool) {
	gm := groupMatcher{groups: groups}
	return appendEntities(dst, clean, true, s, &gm)
}

// AppendEntitiesCleanGroups is AppendEntitiesClean with the groups of g,
// which keeps what matching names against them needs from one list to
// the next.
func AppendEntitiesCleanGroups(dst []Item, clean []bool, s string, g *Groups) ([]Item, []bool) {
	return appendEntities(dst, clean, true, s, &g.m)
}

// Groups holds group names, as SplitEntitiesGrouped takes them, for the
// lists that share them, such as an infobox's commander lists: the forms
// of the names that other names are matched against are made once for
// all of them, not once for each list.
type Groups struct {
	m groupMatcher
}

// Reset makes names g's groups, keeping g's buffers.
func (g *Groups) Reset(names []string) {
	g.m = groupMatcher{groups: names, buf: g.m.buf[:0], ends: g.m.ends[:0], lasts: g.m.lasts[:0]}
}

// Grouped reports whether the last list split with g's groups
// (AppendEntitiesCleanGroups) was grouped: it has more than one item,
// and its first, with no label before it, is one of g's groups. A grouped
// list that gave no item names only groups: each of its names, as
// SplitEntities gives them, is one of g's groups.
func (g *Groups) Grouped() bool { return g.m.grouped }

// Names returns g's group names.
func (g *Groups) Names() []string { return g.m.groups }

// Is reports whether the cleaned name names one of g's groups, as
// IsGroup does.
func (g *Groups) Is(name string) bool { return g.m.match(name) != "" }

// appendEntities is AppendEntities, appending to clean too when withClean
// is set, with the groups of gm.
func appendEntities(dst []Item, clean []bool, withClean bool, s string, gm *groupMatcher) ([]Item, []bool) {
	var buf [16]piece
	pieces, ok := scanPieces(buf[:0], s)
	if !ok {
		pieces = cutPieces(buf[:0], s)
	}
	return appendItems(dst, clean, withClean, pieces, gm)
}

// A piece is a list part, or a group label.
type piece struct {
	s    string
	kind uint8
}

// The kinds of piece.
const (
	// pieceLabel is a group label.
	pieceLabel = iota
	// piecePart is a list part.
	piecePart
	// pieceChecked is a list part that cleanAlready's pass over its bytes
	// would let through (scanPieces).
	pieceChecked
	// pieceCheckedASCII is a pieceChecked part that is all ASCII.
	pieceCheckedASCII
)

// cutPieces appends the pieces of the list s to pieces, step after step:
// residue is stripped, then s is cut at its separators and each part is
// trimmed and split at its label.
func cutPieces(pieces []piece, s string) []piece {
	s, bits := stripResidueScan(s)
	if bits&(resLess|resDashes) != 0 { // mayBreak
		s = reBreak.ReplaceAllString(s, "|")
	}
	for rest, more := s, true; more; {
		var part string
		part, rest, more = cutTopLevel(rest)
		pieces = appendPiece(pieces, part, piecePart, true)
	}
	return pieces
}

// appendPiece appends to pieces the part of a list, trimmed, and its
// label; colon reports whether the part may have one.
func appendPiece(pieces []piece, part string, kind uint8, colon bool) []piece {
	// Most parts are trimmed of spaces only: the others are trimmed
	// again as they were.
	i, j := 0, len(part)
	for i < j && part[i] == ' ' {
		i++
	}
	for j > i && part[j-1] == ' ' {
		j--
	}
	if part = part[i:j]; part != "" && (partEdge[part[0]] || part[len(part)-1] >= utf8.RuneSelf || part[len(part)-1] <= '\r') {
		part = strings.TrimSpace(part)
		part = trimBullets(part)
	}
	if part == "" {
		return pieces
	}
	// "Label: name" or a bare "Label:" heading.
	if colon {
		if label, rest, found := cutLabel(part); found {
			if l := tidy(label); l != "" {
				pieces = append(pieces, piece{s: l, kind: pieceLabel})
			}
			part = strings.TrimSpace(rest)
			if part == "" {
				return pieces
			}
		}
	}
	return append(pieces, piece{s: part, kind: kind})
}

// scanPieces is cutPieces in one pass over s, which also tells of each
// part whether cleanAlready's pass over its bytes would let it through,
// for the most lists, which have no residue. It reports false, having
// appended what it may, when stripResidueScan or the break replacement
// may change s: the caller then takes the steps.
//
// A part is checked as a whole, before it is trimmed and its label cut:
// what trimming drops (white space, bullets, a label without brackets)
// has no bracket, so a check it fails only makes a part unchecked.
func scanPieces(pieces []piece, s string) ([]piece, bool) {
	depth := 0 // brackets of both kinds, as cutTopLevel counts them
	start := 0 // where the part starts
	// Of the part: round brackets open, as cleanAlready counts them;
	// whether a check failed, all its bytes are ASCII, it has a colon.
	paren, bad, ascii, colon := 0, false, true, false
	pipe, equal, dot := false, false, false
	for i := 0; i < len(s); i++ {
		for i < len(s) && listByte[s[i]] == 0 {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		switch listByte[c] {
		case lbAbort:
			return pieces, false // a control or a tag
		case lbSpace:
			// " and " is found at its first space, not at its d as
			// cutTopLevel finds it: the bytes between are no stop, and
			// spaces are, where a d would be one more.
			if depth == 0 && i+4 < len(s) && s[i+1] == 'a' && s[i+2] == 'n' && s[i+3] == 'd' && s[i+4] == ' ' {
				pieces = appendScanned(pieces, s[start:i], paren, bad, ascii, colon)
				start = i + 5
				paren, bad, ascii, colon = 0, false, true, false
				i += 4
				continue
			}
			// A space before punctuation is tidied, but for one that
			// ends a part, which trimming drops.
			if i+1 < len(s) && spaceBefore[s[i+1]] && (depth > 0 || s[i+1] != ',' && s[i+1] != ';') {
				bad = true
			}
		case lbOpen:
			depth++
			if c == '(' {
				paren++
			}
			if i+1 < len(s) && strings.IndexByte(" ,;:|.)]", s[i+1]) >= 0 {
				bad = true
			}
		case lbClose:
			if depth > 0 {
				depth--
			}
			if c == ')' {
				if paren > 0 {
					paren--
				} else {
					bad = true // perhaps one trimUnbalanced drops
				}
			}
		case lbSep, lbPipe:
			if c == '|' {
				pipe = true
			}
			if depth == 0 {
				pieces = appendScanned(pieces, s[start:i], paren, bad, ascii, colon)
				start = i + 1
				paren, bad, ascii, colon = 0, false, true, false
				continue
			}
			if c == '|' || i+1 < len(s) && (s[i+1] == ',' || s[i+1] == ';') {
				bad = true
			}
		case lbDot:
			dot = true
		case lbEqual:
			equal = true
		case lbColon:
			colon = true
		case lbDash:
			if strings.HasPrefix(s[i:], "----") {
				return pieces, false // a break
			}
			if i+1 < len(s) && s[i+1] == '-' {
				bad = true
			}
		case lbX:
			if i > 0 && (s[i-1] == 'p' || s[i-1] == 'P') {
				return pieces, false // perhaps an image size
			}
		case lbMulti:
			ascii = false
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1, r <= '\u00a0', r == '\u200b', r == '\ufeff':
				return pieces, false // residue
			case isSpaceAboveLatin1(r), r == '\u0130', r == '\u212a':
				// White space, or "İ" and the Kelvin sign "K", which
				// lower-case to ASCII letters as cleanEnd would test.
				bad = true
			}
			i += n - 1
		}
	}
	if pipe && equal || dot && mayFileItem(s) {
		return pieces, false // perhaps a template parameter or a file name
	}
	return appendScanned(pieces, s[start:], paren, bad, ascii, colon), true
}

// appendScanned is appendPiece for a part scanPieces checked.
func appendScanned(pieces []piece, part string, paren int, bad, ascii, colon bool) []piece {
	kind := uint8(piecePart)
	if paren == 0 && !bad {
		kind = pieceChecked
		if ascii {
			kind = pieceCheckedASCII
		}
	}
	return appendPiece(pieces, part, kind, colon)
}

// The byte classes of scanPieces.
const (
	lbAbort = 1 + iota
	lbSpace
	lbOpen
	lbClose
	lbSep
	lbPipe
	lbDot
	lbEqual
	lbColon
	lbDash
	lbX
	lbMulti
)

// listByte gives the bytes scanPieces looks at their class.
var listByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = lbAbort
	}
	t[0x7f], t['<'] = lbAbort, lbAbort
	t[' '] = lbSpace
	t['('], t['['] = lbOpen, lbOpen
	t[')'], t[']'] = lbClose, lbClose
	t[','], t[';'] = lbSep, lbSep
	t['|'] = lbPipe
	t['.'] = lbDot
	t['='] = lbEqual
	t[':'] = lbColon
	t['-'] = lbDash
	t['x'], t['X'] = lbX, lbX
	for c := utf8.RuneSelf; c < 0x100; c++ {
		t[c] = lbMulti
	}
	return t
}()

// cleanPiece is cleanName of a list part.
func cleanPiece(pc piece) (name string, flags Flags, note string, ok bool) {
	if pc.kind >= pieceChecked && cleanStart(pc.s) && !dashOrDaggerEdge(pc.s) {
		// cleanAlready's pass over the bytes would let pc through.
		// scanPieces checks no part with a rune that lower-cases to
		// an ASCII letter.
		if cleanEnd(pc.s, pc.kind == pieceCheckedASCII, false) {
			return pc.s, 0, "", true
		}
		return cleanNameSteps(pc.s)
	}
	return cleanName(pc.s)
}

// dashOrDaggerEdge reports whether s may start or end with a dash or a
// dagger, which cleanAlready's pass over the bytes rejects there: "–",
// "—" and "†" start with the byte 0xe2 and end with 0x93, 0x94 and 0xa0.
func dashOrDaggerEdge(s string) bool {
	switch s[len(s)-1] {
	case 0x93, 0x94, 0xa0:
		return true
	}
	return s[0] == 0xe2
}

// appendItems appends the items of the list cut into pieces to dst, and
// to clean when withClean is set, with the groups of gm.
func appendItems(dst []Item, clean []bool, withClean bool, pieces []piece, gm *groupMatcher) ([]Item, []bool) {
	groups := gm.groups
	// Known group names act as labels only in a list that starts with one
	// ("Ming , Li Rusong , Joseon , Yi Il"); in "Zhou Yu, Cheng Pu, Liu Bei"
	// a commander who shares a belligerent's name is a commander, and so
	// is the only name of a list.
	grouped := len(pieces) > 1 && pieces[0].kind != pieceLabel && len(groups) > 0
	// Each part is cleaned once, both to match it against groups and to
	// give its item; the first part is cleaned before the others to know
	// whether the list is grouped.
	var first struct {
		name, note string
		flags      Flags
		ok         bool
	}
	if grouped {
		first.name, first.flags, first.note, first.ok = cleanPiece(pieces[0])
		grouped = first.ok && gm.match(first.name) != ""
	}
	gm.grouped = grouped
	items := dst
	group := ""
	for i, pc := range pieces {
		if pc.kind == pieceLabel {
			group = pc.s
			continue
		}
		var name, note string
		var flags Flags
		var ok bool
		if i == 0 && grouped {
			name, flags, note, ok = first.name, first.flags, first.note, first.ok
		} else {
			name, flags, note, ok = cleanPiece(pc)
		}
		if !ok {
			continue
		}
		if grouped {
			if g := gm.match(name); g != "" {
				group = g
				continue
			}
		}
		if items == nil {
			items = make([]Item, 0, len(pieces)-i)
		}
		items = append(items, Item{Name: name, Group: group, Flags: flags, Note: note})
		if withClean {
			clean = append(clean, name == pc.s)
		}
	}
	return items, clean
}

// partEdge marks the bytes strings.TrimSpace and trimBullets may trim at
// the start of a part: those of white space or a bullet, and those past
// ASCII. At its end, only strings.TrimSpace trims: white space, \t to
// \r, a space or a rune past ASCII.
var partEdge = func() [256]bool {
	t := trimEdge
	for _, c := range []byte("*#-") {
		t[c] = true
	}
	return t
}()

// trimBullets is strings.TrimLeft(s, "*•·#- ").
func trimBullets(s string) string {
	if s == "" || strings.IndexByte("*#- \xe2\xc2", s[0]) < 0 {
		return s // "•" starts with the byte 0xe2, "·" with 0xc2
	}
	return strings.TrimLeft(s, "*•·#- ")
}

// cutTopLevel cuts s at its first list separator outside brackets,
// returning the part before it and the rest after it, or s and false when
// there is none.
func cutTopLevel(s string) (part, rest string, found bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		if i = skipPlain(s, i, &topLevelByte); i == len(s) {
			break
		}
		switch c := s[i]; c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';', '|', '\n':
			if depth == 0 {
				return s[:i], s[i+1:], true
			}
		case 'd':
			// " and " is found at its d, rarer than a space; its
			// letters change no depth.
			if depth == 0 && i >= 3 && strings.HasPrefix(s[i-3:], " and ") {
				return s[:i-3], s[i-3+len(" and "):], true
			}
		}
	}
	return s, "", false
}

// topLevelByte is 1 for the bytes cutTopLevel looks at.
var topLevelByte = func() (t [256]uint8) {
	for _, c := range []byte("()[],;|\nd") {
		t[c] = 1
	}
	return t
}()

// cutLabel splits "Label: rest" or "Label:" where the label is a short
// heading (not a time like "10:30" and not inside brackets).
func cutLabel(s string) (label, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(s[:i])
	if label == "" || strings.ContainsAny(label, "()[]") || countFields(label) > 5 {
		return "", "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(label); unicode.IsDigit(r) {
		return "", "", false
	}
	return label, s[i+1:], true
}

// isGenericGroupWord reports whether the lower-cased word w varies between
// spellings of the same state or force ("Ming" and "Ming dynasty", "Joseon"
// and "Kingdom of Joseon"). A switch compares w with them without hashing
// it, as a map look-up would for every word of every name matched.
func isGenericGroupWord(w []byte) bool {
	switch string(w) {
	case "dynasty", "clan", "kingdom", "empire", "of", "the", "navy", "army", "forces", "force",
		"government", "state", "republic":
		return true
	}
	return false
}

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n := 0
	inField := false
	for _, r := range s {
		space := isFieldSpace(r)
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

// asciiSpace reports whether c is white space for strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// IsGroup reports whether the cleaned name names one of groups, as
// SplitEntitiesGrouped matches them.
func IsGroup(name string, groups []string) bool {
	return matchName(name, groups) != ""
}

// matchName returns the one of groups that the cleaned name names, or "":
// the names are equal ignoring case, or have the same groupCore.
func matchName(name string, groups []string) string {
	for _, g := range groups {
		if strings.EqualFold(name, g) {
			return g
		}
	}
	var buf, gbuf [64]byte
	core := appendGroupCore(buf[:0], name)
	if len(core) == 0 {
		return ""
	}
	for _, g := range groups {
		if gc := appendGroupCore(gbuf[:0], g); len(gc) > 0 && string(gc) == string(core) {
			return g
		}
	}
	return ""
}

// groupMatcher is matchName for the names of one list: it keeps each
// group's core (appendGroupCore) once made, rather than making them all
// again for every name.
type groupMatcher struct {
	groups []string
	// grouped is set when the last list matched was grouped.
	grouped bool
	// buf holds the groups' cores, each ending at the index in ends.
	buf  []byte
	ends []int
	// lasts holds the last word of each group's core as lastCoreWord
	// finds it in the group's name, or " " where it does not.
	lasts []string
}

// match returns matchName(name, m.groups).
func (m *groupMatcher) match(name string) string {
	for _, g := range m.groups {
		if strings.EqualFold(name, g) {
			return g
		}
	}
	// Most names share no core with a group, and the last words of
	// their cores, compared in the names, already differ: the cores
	// need not be made.
	if len(m.lasts) < len(m.groups) {
		for _, g := range m.groups {
			w, ok := lastCoreWord(g)
			if !ok {
				w = " "
			}
			m.lasts = append(m.lasts, w)
		}
	}
	if w, ok := lastCoreWord(name); ok {
		if w == "" {
			return "" // the core is empty
		}
		maybe := false
		for _, l := range m.lasts {
			if l == " " || l != "" && strings.EqualFold(l, w) {
				maybe = true
				break
			}
		}
		if !maybe {
			return ""
		}
	}
	var buf [64]byte
	core := appendGroupCore(buf[:0], name)
	if len(core) == 0 {
		return ""
	}
	if len(m.ends) < len(m.groups) {
		for _, g := range m.groups {
			m.buf = appendGroupCore(m.buf, g)
			m.ends = append(m.ends, len(m.buf))
		}
	}
	start := 0
	for i, end := range m.ends {
		if gc := m.buf[start:end]; len(gc) > 0 && string(gc) == string(core) {
			return m.groups[i]
		}
		start = end
	}
	return ""
}

// lastCoreWord returns the word of s that is the last of its core
// (appendGroupCore), in its case in s, and whether it could tell: it
// does not when a word it reads has a byte past ASCII, which may start
// a white space rune or lower-case to an ASCII letter ("K", the Kelvin
// sign).
func lastCoreWord(s string) (string, bool) {
	for j := len(s); j > 0; {
		if asciiSpace(s[j-1]) {
			j--
			continue
		}
		i := j
		for i > 0 && !asciiSpace(s[i-1]) {
			if s[i-1] >= utf8.RuneSelf {
				return "", false
			}
			i--
		}
		if w := s[i:j]; !isGenericGroupWordASCII(w) {
			return w, true
		}
		j = i
	}
	return "", true
}

// isGenericGroupWordASCII is isGenericGroupWord of the ASCII word w
// lower-cased.
func isGenericGroupWordASCII(w string) bool {
	const longest = len("government")
	if len(w) < 2 || len(w) > longest {
		return false
	}
	var b [longest]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return isGenericGroupWord(b[:len(w)])
}

// appendGroupCore appends to dst the lower-cased words of s but generic
// ones (isGenericGroupWord), a space between them. The lower-cased s is
// appended first, and its words are then moved back over it.
func appendGroupCore(dst []byte, s string) []byte {
	start := len(dst)
	dst, _ = appendLower(dst, s, -1)
	w := start // where the next word goes
	for i := start; i < len(dst); {
		// ASCII is split without decoding it.
		n := 1
		if c := dst[i]; c < utf8.RuneSelf {
			if asciiSpace(c) {
				i++
				continue
			}
		} else {
			var r rune
			if r, n = utf8.DecodeRune(dst[i:]); unicode.IsSpace(r) {
				i += n
				continue
			}
		}
		j := i + n
		for j < len(dst) {
			if c := dst[j]; c < utf8.RuneSelf {
				if asciiSpace(c) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRune(dst[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if word := dst[i:j]; !isGenericGroupWord(word) {
			if w > start {
				dst[w] = ' '
				w++
			}
			w += copy(dst[w:], word)
		}
		i = j
	}
	return dst[:w]
}

// isFieldSpace reports whether strings.Fields splits at r.
func isFieldSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace(byte(r))
	}
	return unicode.IsSpace(r)
}
