package extract

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// MaxLineLength is the most bytes of one input line that a Reader keeps. The
// rest of a longer line is skipped and reported as ErrLineTooLong.
const MaxLineLength = 1 << 20

// The errors a Reader reports inside a ParseError.
var (
	// ErrTextBeforeTitle reports text before the first title line.
	ErrTextBeforeTitle = errors.New("text before the first article title")
	// ErrEmptyTitle reports a title line with no title in it, such as "= =".
	ErrEmptyTitle = errors.New("empty article title")
	// ErrInvalidUTF8 reports a byte that is not part of valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrNUL reports a NUL byte.
	ErrNUL = errors.New("NUL byte")
	// ErrLineTooLong reports a line longer than MaxLineLength; the column is
	// that of the first byte dropped.
	ErrLineTooLong = errors.New("line too long, truncated")
)

const readerBufSize = 8 << 10

// utf8BOM is the byte order mark that a file may start with.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// A Reader reads articles from an input in wikikg's flattened plain-text
// format, one article per call to Next, as encoding/csv's Reader reads
// records.
//
// An article starts at a title line "= Title =". The first lines after it may
// be an infobox: a header line (which may be missing) followed by "- Key:
// Value" lines. Every other non-blank line is a Block: a heading ("==X==",
// "=== X ===", ...), a list item ("- X", "  - X", ...) or a paragraph. A
// heading's Section is the heading before it. In the infobox, a "- " line
// without ':' (as where an article was cut off) is a key with an empty value.
//
// Positions count bytes: a UTF-8 byte order mark at the start of the input is
// skipped but counted, so the first line's text then starts at column 4 and
// offset 3, as go/scanner counts. A "\r" before a line's "\n" is dropped.
//
// An article's title, values and prose are strings that share chunks of
// memory with those of the articles around it: a caller that keeps one
// for long after the article should copy it (strings.Clone), or it keeps
// the chunk alive.
type Reader struct {
	// File is the name used in errors and in Article.File. Set it after
	// NewReader and before the first call to Next.
	File string
	// SkipProse makes Next leave every Article's Blocks empty, for a pass
	// that needs titles and infoboxes only. Articles, their lines and the
	// errors about them are the same as without it.
	SkipProse bool

	br  *bufio.Reader
	err error // sticky: io.EOF or an I/O error

	// win is what br holds buffered past the lines read, taken whole
	// (with Peek) after each line read from br: the lines in it are cut
	// from it with no call to br, and taken counts the bytes cut, which
	// br is told of (with Discard) when win has no whole line left.
	// good is the length of the start of win known to hold no byte
	// readerFirstBad finds, checked once for the lines in it.
	win         []byte
	taken, good int

	// line is the number of lines read so far; offset the offset of the next
	// line's first byte.
	line, offset int

	buf []byte // accumulates lines longer than br's buffer

	// fields and blocks collect an article's fields and blocks, to be
	// copied when it ends into the memory of a released article, or else
	// into new slices of the right size.
	fields []Field
	blocks []Block
	// spareIB and spareBlocks are memory of released articles, kept until
	// an article has an infobox or blocks to fill them with.
	spareIB     *Infobox
	spareBlocks []Block

	// text holds the titles, values and prose of the articles read.
	text textSlab

	// keys interns infobox keys and headers, which repeat across articles.
	keys map[string]string
	// recent holds the key last interned in each slot of a hash of its
	// length and first, middle and last bytes: most keys are found there,
	// compared without a map's hashing. It is made once keys has a few
	// dozen keys, which a Reader of one short document never has.
	recent *[1024]string

	// The title line read ahead, which starts the next article.
	pending   bool
	pendTitle string
	pendPos   Pos
	pendErrs  ErrorList
}

// NewReader returns a Reader that reads from r. The Reader buffers its input
// and starts no goroutines.
func NewReader(r io.Reader) *Reader {
	return newReaderSize(r, readerBufSize)
}

// newReaderSize is NewReader with a given buffer size, for tests of long lines.
func newReaderSize(r io.Reader, size int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, size)}
}

// rawLine is one line of input without its line ending.
type rawLine struct {
	text []byte
	pos  Pos // position of text[0]
	cut  int // index in text where the line was truncated, or -1
	bad  int // index of the first invalid UTF-8 or NUL byte, or -1
}

// at returns the position of text[i].
func (l *rawLine) at(i int) Pos {
	return Pos{Line: l.pos.Line, Column: l.pos.Column + i, Offset: l.pos.Offset + i}
}

// str returns text[i:j] as a string, with each invalid byte and NUL replaced
// by U+FFFD when the line has any.
func (l *rawLine) str(i, j int) string {
	if l.bad < 0 || j <= l.bad {
		return string(l.text[i:j])
	}
	return readerSanitize(l.text[i:j])
}

// textOf returns text[i:j] of l as l.str does, copied into the reader's
// slab rather than a string of its own.
func (r *Reader) textOf(l *rawLine, i, j int) string {
	if l.bad < 0 || j <= l.bad {
		return r.text.str(l.text[i:j])
	}
	return readerSanitize(l.text[i:j])
}

// A textSlab hands out strings copied into chunks of bytes, in place of a
// string, and an allocation, each: an article's values and prose are
// dozens of them. A chunk is never written again once its bytes are handed
// out, nor reused: a full one is left to the strings made from it, which
// keep it alive. What outlives the articles (the catalog's names) must
// therefore be copied, or it keeps the text of the articles around it.
type textSlab struct {
	buf []byte // the chunk, whose bytes from n on are free
	n   int
}

// Chunks start small, for a Reader of one short document, and double up
// to maxSlabChunk; a string of slabOwn bytes or more that does not fit
// gets a string of its own rather than a chunk with a wasted tail.
const (
	minSlabChunk = 2 << 10
	maxSlabChunk = 32 << 10
	slabOwn      = 1 << 10 // at most minSlabChunk
)

// str returns b as a string in the slab.
func (s *textSlab) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	n := s.n
	if len(b) > len(s.buf)-n {
		if len(b) >= slabOwn {
			return string(b)
		}
		s.buf, n = make([]byte, min(max(2*len(s.buf), minSlabChunk), maxSlabChunk)), 0
	}
	// Only n is stored for most strings, not the chunk's slice.
	s.n = n + copy(s.buf[n:], b)
	return unsafe.String(&s.buf[n], len(b))
}

// readLine reads the next line. It returns false at the end of the input or
// on an I/O error, which it leaves in r.err.
func (r *Reader) readLine(l *rawLine) bool {
	if r.err != nil {
		return false
	}
	// Most lines are whole in win: one search for the line's end, and
	// its bytes were checked with the window's.
	if i := bytes.IndexByte(r.win, '\n'); i >= 0 && i <= MaxLineLength {
		s := r.win[:i]
		r.win = r.win[i+1:]
		r.taken += i + 1
		r.line++
		l.pos, l.cut = Pos{Line: r.line, Column: 1, Offset: r.offset}, -1
		r.offset += i + 1
		if i > 0 && s[i-1] == '\r' {
			s = s[:i-1]
		}
		l.text = s
		l.bad = -1
		if i > r.good {
			l.bad = readerFirstBad(s)
		}
		if r.good -= i + 1; r.good < 0 {
			r.good = readerGood(r.win)
		}
		return true
	}
	if r.taken > 0 {
		r.br.Discard(r.taken)
		r.win, r.taken = nil, 0
	}
	s, err := r.br.ReadSlice('\n')
	total := len(s)
	var b1, b2 byte // the line's last two bytes
	if err == bufio.ErrBufferFull {
		kept := r.keep(r.buf[:0], s)
		b1, b2 = s[len(s)-2], s[len(s)-1]
		for err == bufio.ErrBufferFull {
			s, err = r.br.ReadSlice('\n')
			total += len(s)
			kept = r.keep(kept, s)
			switch len(s) {
			case 0:
			case 1:
				b1, b2 = b2, s[0]
			default:
				b1, b2 = s[len(s)-2], s[len(s)-1]
			}
		}
		r.buf = kept
		s = kept
	} else if total > 0 {
		b2 = s[total-1]
		if total > 1 {
			b1 = s[total-2]
		}
	}
	if err != nil && (err != io.EOF || total == 0) {
		// A line cut short by an I/O error is dropped with it.
		r.err = err
		return false
	}
	// n is the length of the line without "\n", m without "\r\n" too.
	n := total
	if b2 == '\n' {
		n--
		b2 = b1
	}
	m := n
	if n > 0 && b2 == '\r' {
		m--
	}
	r.line++
	// Field by field: l.text is set below, and storing it twice cost a
	// write barrier's test each time.
	l.pos, l.cut = Pos{Line: r.line, Column: 1, Offset: r.offset}, -1
	r.offset += total
	if m > MaxLineLength {
		cut := MaxLineLength
		// Cut before a multi-byte character rather than inside it.
		for i := 0; i < utf8.UTFMax-1 && cut > 0 && !utf8.RuneStart(s[cut]); i++ {
			cut--
		}
		if !utf8.RuneStart(s[cut]) {
			cut = MaxLineLength
		}
		s = s[:cut]
		l.cut = cut
	} else {
		s = s[:m]
	}
	if l.pos.Offset == 0 && bytes.HasPrefix(s, utf8BOM) {
		s = s[len(utf8BOM):]
		l.pos.Column += len(utf8BOM)
		l.pos.Offset += len(utf8BOM)
		if l.cut >= 0 {
			l.cut -= len(utf8BOM)
		}
	}
	l.text = s
	l.bad = readerFirstBad(s)
	// What br holds past the line stays put until br is read again.
	r.win, _ = r.br.Peek(r.br.Buffered())
	r.good = readerGood(r.win)
	return true
}

// readerGood returns the length of the start of b that holds no byte
// readerFirstBad finds. Over a window of lines, it tells of each line
// whole before it what readerFirstBad would, as no UTF-8 sequence, valid
// or not, takes in a '\n': a line's first bad byte is the window's, from
// the line on.
func readerGood(b []byte) int {
	if i := readerFirstBad(b); i >= 0 {
		return i
	}
	return len(b)
}

// keep appends to kept as much of s as fits in MaxLineLength+1 bytes,
// doubling kept's capacity as it grows so that a long line costs a bounded
// amount of allocation.
func (r *Reader) keep(kept, s []byte) []byte {
	room := MaxLineLength + 1 - len(kept)
	if room <= 0 {
		return kept
	}
	s = s[:min(room, len(s))]
	if need := len(kept) + len(s); need > cap(kept) {
		c := max(2*cap(kept), need, 4096)
		if c > MaxLineLength/2 {
			c = MaxLineLength + 1
		}
		kept = append(make([]byte, 0, c), kept...)
	}
	return append(kept, s...)
}

// maxInterned bounds the number of strings a Reader interns.
const maxInterned = 4096

// intern returns b as a string, sharing one copy of strings seen before.
func (r *Reader) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	var slot *string
	if r.recent != nil {
		h := (uint32(len(b))<<24 | uint32(b[0])<<16 | uint32(b[len(b)/2])<<8 | uint32(b[len(b)-1])) * 0x9e3779b1
		slot = &r.recent[h>>22]
		if *slot == string(b) {
			return *slot
		}
	}
	s, ok := r.keys[string(b)]
	if !ok {
		s = string(b)
		if len(r.keys) < maxInterned && len(s) <= 64 {
			if r.keys == nil {
				r.keys = make(map[string]string)
			}
			r.keys[s] = s
		}
	}
	if slot != nil {
		*slot = s
	} else if len(r.keys) >= 32 {
		r.recent = new([1024]string)
	}
	return s
}

// readerFirstBad returns the index of the first byte of s that is NUL or not
// part of valid UTF-8, or -1. It passes over ASCII without NUL 32 or 8
// bytes at a time, where utf8.Valid and then bytes.IndexByte each read
// the line, and decodes a rune only at a byte past ASCII.
func readerFirstBad(s []byte) int {
	p := s
	for {
		for len(p) >= 32 && plain32((*[32]byte)(p)) {
			p = p[32:]
		}
		var m uint64 // the top bits of the bytes of p that need a look
		for len(p) >= 8 {
			if m = notPlain(binary.LittleEndian.Uint64(p)); m != 0 {
				break
			}
			p = p[8:]
		}
		if len(p) < 8 {
			if len(s) >= 8 {
				// The word that ends s, without the bytes before p.
				m = notPlain(binary.LittleEndian.Uint64(s[len(s)-8:])) >> (64 - 8*len(p))
			} else {
				var w uint64
				for i := len(p) - 1; i >= 0; i-- {
					w = w<<8 | uint64(p[i])
				}
				m = notPlain(w) & (1<<(8*len(p)) - 1)
			}
			if m == 0 {
				return -1
			}
		}
		p = p[bits.TrailingZeros64(m)/8:]
		c := p[0]
		switch {
		case c == 0:
			return len(s) - len(p)
		case c >= 0xC2 && c <= 0xDF && len(p) >= 2 && p[1]&0xC0 == 0x80:
			// Two bytes, as most letters with diacritics: decoded
			// here, as the call to DecodeRune cost more.
			p = p[2:]
			continue
		case c&0xF0 == 0xE0 && len(p) >= 3 && p[2]&0xC0 == 0x80:
			// Three bytes, as dashes and CJK: the second's range
			// depends on the first (no overlong form, no surrogate).
			lo, hi := byte(0x80), byte(0xBF)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
			if c1 := p[1]; c1 >= lo && c1 <= hi {
				p = p[3:]
				continue
			}
		}
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size == 1 {
			return len(s) - len(p)
		}
		p = p[size:]
	}
}

// notPlain returns the top bit of each byte of w, from its first on,
// that is 0 or beyond ASCII, with others above the first: a byte has its
// top bit set in w, or in w minus one in each byte, which borrows from a
// 0 byte and then perhaps from those above it.
func notPlain(w uint64) uint64 {
	return (w | (w - 0x0101010101010101)) & 0x8080808080808080
}

// plain32 reports whether every byte of b is 1 to 0x7f, as notPlain tells
// of each of its words, in one test.
func plain32(b *[32]byte) bool {
	const ones = 0x0101010101010101
	w := binary.LittleEndian.Uint64(b[:8])
	x := binary.LittleEndian.Uint64(b[8:16])
	y := binary.LittleEndian.Uint64(b[16:24])
	z := binary.LittleEndian.Uint64(b[24:])
	return (w|(w-ones)|x|(x-ones)|y|(y-ones)|z|(z-ones))&0x8080808080808080 == 0
}

// readerSanitize returns s as a string with each NUL and each byte that is not
// part of valid UTF-8 replaced by U+FFFD.
func readerSanitize(s []byte) string {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

// addLineErrors records the errors about line l: its first bad byte and its
// truncation.
func (r *Reader) addLineErrors(errs *ErrorList, l *rawLine) {
	if l.bad >= 0 {
		err := ErrInvalidUTF8
		if l.text[l.bad] == 0 {
			err = ErrNUL
		}
		errs.Add(r.File, l.at(l.bad), err)
	}
	if l.cut >= 0 {
		errs.Add(r.File, l.at(l.cut), ErrLineTooLong)
	}
}

// readerSpaces has bit c set for each space byte c that readerIsSpace
// reports.
const readerSpaces = 1<<' ' | 1<<'\t' | 1<<'\r' | 1<<'\v' | 1<<'\f'

// readerIsSpace reports whether c is ' ', '\t', '\r', '\v' or '\f': most
// bytes, past ' ', with one comparison.
func readerIsSpace(c byte) bool {
	return c <= ' ' && uint64(readerSpaces)>>c&1 != 0
}

// readerTrim returns the bounds of s[i:j] without leading and trailing space.
func readerTrim(s []byte, i, j int) (int, int) {
	for i < j && readerIsSpace(s[i]) {
		i++
	}
	for j > i && readerIsSpace(s[j-1]) {
		j--
	}
	return i, j
}

func readerIsBlank(s []byte) bool {
	i, j := readerTrim(s, 0, len(s))
	return i == j
}

// readerIsTitle reports whether s is a title line: one '=' and then anything
// but another '='.
func readerIsTitle(s []byte) bool {
	return len(s) > 0 && s[0] == '=' && (len(s) == 1 || s[1] != '=')
}

// setPending parses the title line l into the reader's look-ahead.
func (r *Reader) setPending(l *rawLine) {
	_, j := readerTrim(l.text, 1, len(l.text))
	for j > 1 && l.text[j-1] == '=' {
		j--
	}
	i, j := readerTrim(l.text, 1, j)
	r.pending = true
	r.pendTitle = r.textOf(l, i, j)
	r.pendPos = l.pos
	r.pendErrs = nil
	r.addLineErrors(&r.pendErrs, l)
}

// Next reads and returns the next article. It returns io.EOF after the last.
//
// When some lines of the article are malformed (invalid UTF-8, NUL bytes,
// lines longer than MaxLineLength), Next returns the article, with those bytes
// replaced by U+FFFD or those lines truncated, and an ErrorList of
// *ParseError naming each. When Next returns a nil Article with an ErrorList,
// the input it describes (text before the first title, or an article with an
// empty title) was skipped. Either way the next call goes on with the next
// article. An I/O error is returned by this and every later call; an article
// it cuts short is lost.
func (r *Reader) Next() (*Article, error) {
	var l rawLine
	if !r.pending {
		var errs ErrorList
		for {
			if !r.readLine(&l) {
				if errs != nil {
					return nil, errs
				}
				return nil, r.err
			}
			if readerIsTitle(l.text) {
				r.setPending(&l)
				break
			}
			if errs == nil && !readerIsBlank(l.text) {
				i, _ := readerTrim(l.text, 0, len(l.text))
				errs.Add(r.File, l.at(i), ErrTextBeforeTitle)
			}
		}
		if errs != nil {
			return nil, errs
		}
	}
	r.pending = false
	errs := r.pendErrs
	if r.pendTitle == "" {
		errs.Add(r.File, r.pendPos, ErrEmptyTitle)
		for r.readLine(&l) {
			if readerIsTitle(l.text) {
				r.setPending(&l)
				break
			}
		}
		if r.err != nil && r.err != io.EOF {
			return nil, r.err
		}
		errs.Sort()
		return nil, errs
	}
	// A released article's memory is filled again: its Infobox, Fields
	// and Blocks are kept aside until an article turns out to have them.
	a := articlePool.Get().(*Article)
	if ib := a.Infobox; ib != nil && (r.spareIB == nil || cap(ib.Fields) > cap(r.spareIB.Fields)) {
		r.spareIB = ib
	}
	if cap(a.Blocks) > cap(r.spareBlocks) {
		r.spareBlocks = a.Blocks[:0]
	}
	*a = Article{File: r.File, Title: r.pendTitle, Pos: r.pendPos, Lines: 1}
	p := articleParser{r: r, a: a}
	r.fields, r.blocks = r.fields[:0], r.blocks[:0]
	for r.readLine(&l) {
		if readerIsTitle(l.text) {
			r.setPending(&l)
			break
		}
		p.a.Lines++
		if l.bad >= 0 || l.cut >= 0 {
			r.addLineErrors(&errs, &l)
		}
		p.line(&l)
	}
	if r.err != nil && r.err != io.EOF {
		return nil, r.err
	}
	p.flush()
	if errs != nil {
		errs.Sort()
		return p.a, errs
	}
	return p.a, nil
}

// The states of an articleParser.
const (
	apStart     = iota // after the title
	apCandidate        // after a line that may be an infobox header
	apInfobox          // in the infobox's fields
	apProse            // in the prose
)

// articleParser turns an article's lines after its title into an Article.
type articleParser struct {
	r       *Reader
	a       *Article
	state   int
	cand    Block // the possible infobox header, in state apCandidate
	section string
}

// newInfobox returns the article's Infobox, the reader's spare one if it
// has one.
func (p *articleParser) newInfobox(header string, pos Pos) *Infobox {
	ib := p.r.spareIB
	if ib == nil {
		ib = new(Infobox)
	}
	p.r.spareIB = nil
	*ib = Infobox{Header: header, Pos: pos, Fields: ib.Fields[:0]}
	return ib
}

// line takes the article's next line.
func (p *articleParser) line(l *rawLine) {
	s := l.text
	switch p.state {
	case apStart:
		if readerIsBlank(s) {
			return
		}
		if readerIsField(s) {
			p.a.Infobox = p.newInfobox("", l.pos)
			p.field(l)
			p.state = apInfobox
			return
		}
		b := p.block(l)
		if b.Kind == Paragraph {
			p.cand = b
			p.state = apCandidate
			return
		}
		p.add(b)
		p.state = apProse
	case apCandidate:
		if readerIsField(s) {
			p.a.Infobox = p.newInfobox(p.cand.Text, p.cand.Pos)
			p.field(l)
			p.state = apInfobox
			return
		}
		p.add(p.cand)
		p.state = apProse
		p.prose(l)
	case apInfobox:
		if len(s) >= 2 && s[0] == '-' && s[1] == ' ' {
			p.field(l)
			return
		}
		p.state = apProse
		p.prose(l)
	default:
		p.prose(l)
	}
}

// flush ends the article.
func (p *articleParser) flush() {
	if p.state == apCandidate {
		p.add(p.cand)
		p.state = apProse
	}
	if ib := p.a.Infobox; ib != nil {
		ib.Fields = append(ib.Fields, p.r.fields...)
	}
	if len(p.r.blocks) > 0 {
		p.a.Blocks = append(p.r.spareBlocks, p.r.blocks...)
		p.r.spareBlocks = nil
	}
	clear(p.r.fields)
	clear(p.r.blocks)
}

// key returns text[i:j] of l as an interned string.
func (p *articleParser) key(l *rawLine, i, j int) string {
	if l.bad >= 0 && l.bad < j {
		return l.str(i, j)
	}
	return p.r.intern(l.text[i:j])
}

// readerIsField reports whether s can start an infobox: "- Key: Value".
func readerIsField(s []byte) bool {
	return len(s) >= 2 && s[0] == '-' && s[1] == ' ' && bytes.IndexByte(s[2:], ':') >= 0
}

// field adds the infobox field on line l, which starts with "- ". A line
// without ':' is a key with an empty value.
func (p *articleParser) field(l *rawLine) {
	s := l.text
	var f Field
	colon := bytes.IndexByte(s[2:], ':')
	if colon < 0 {
		i, j := readerTrim(s, 2, len(s))
		f.Key, f.KeyPos = l.str(i, j), l.at(i)
		f.ValuePos = l.at(j)
	} else {
		colon += 2
		i, j := readerTrim(s, 2, colon)
		f.Key, f.KeyPos = p.key(l, i, j), l.at(i)
		i, j = readerTrim(s, colon+1, len(s))
		f.Value, f.ValuePos = p.r.textOf(l, i, j), l.at(i)
	}
	p.r.fields = append(p.r.fields, f)
}

// prose adds line l as a block of prose unless it is blank.
func (p *articleParser) prose(l *rawLine) {
	if !p.r.SkipProse && !readerIsBlank(l.text) {
		p.add(p.block(l))
	}
}

// add appends b to the article, setting its section.
func (p *articleParser) add(b Block) {
	if p.r.SkipProse {
		return
	}
	b.Section = p.section
	if b.Kind == Heading {
		p.section = b.Text
	}
	p.r.blocks = append(p.r.blocks, b)
}

// block classifies the non-blank line l as a heading, list item or paragraph.
func (p *articleParser) block(l *rawLine) Block {
	s := l.text
	if len(s) >= 2 && s[0] == '=' && s[1] == '=' {
		n := 2
		for n < len(s) && s[n] == '=' {
			n++
		}
		j := len(s)
		for j > n && s[j-1] == '=' {
			j--
		}
		if i, j := readerTrim(s, n, j); i < j {
			return Block{Kind: Heading, Level: n, Text: p.r.textOf(l, i, j), Pos: l.at(i)}
		}
	}
	k := 0
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && s[k] == '-' && (k+1 == len(s) || s[k+1] == ' ') {
		i, j := readerTrim(s, k+1, len(s))
		return Block{Kind: ListItem, Level: k/2 + 1, Text: p.r.textOf(l, i, j), Pos: l.at(i)}
	}
	i, j := readerTrim(s, 0, len(s))
	return Block{Kind: Paragraph, Text: p.r.textOf(l, i, j), Pos: l.at(i)}
}
