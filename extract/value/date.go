package value

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikikg/wikikg/rdf"
)

// Precision tells which parts of a Date are known.
type Precision uint8

// The precisions of a Date. The zero Precision marks the zero Date, no date.
const (
	PrecisionNone Precision = iota
	// PrecisionYear: only the year is known (xsd:gYear).
	PrecisionYear
	// PrecisionYearMonth: year and month are known (xsd:gYearMonth).
	PrecisionYearMonth
	// PrecisionDay: the full date is known (xsd:date).
	PrecisionDay
)

// Date is a calendar date as precise as its source: Month and Day are 0
// when not stated. Year counts as people write it (1 and up) with BC telling
// the era; the date is in the Gregorian calendar as written (dates before
// 1582 are taken as the source gives them, usually Julian).
type Date struct {
	Year, Month, Day int
	Precision        Precision
	// Approx is set for dates marked "c.", "circa" or "about".
	Approx bool
	// BC is set for years before the common era.
	BC bool
}

// IsZero reports whether d is the zero Date, meaning no date.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// astroYear returns the astronomical year number: 1 BC is 0, 2 BC is -1.
func (d Date) astroYear() int {
	if d.BC {
		return 1 - d.Year
	}
	return d.Year
}

// Lexical returns d in the XSD lexical form of its Datatype: YYYY,
// YYYY-MM or YYYY-MM-DD, years zero-padded to four digits ("0645"). BC years
// follow XSD 1.1, which numbers years astronomically: 1 BC is "0000" and
// n BC is -(n-1), so 208 BC is "-0207". The zero Date gives "".
func (d Date) Lexical() string {
	if d.IsZero() {
		return ""
	}
	// Appended rather than formatted with fmt: every date of every
	// article is written this way.
	var buf [24]byte
	b := buf[:0]
	y := d.astroYear()
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	switch d.Precision {
	case PrecisionYearMonth:
		b = appendPadded(append(b, '-'), d.Month, 2)
	case PrecisionDay:
		b = appendPadded(append(b, '-'), d.Month, 2)
		b = appendPadded(append(b, '-'), d.Day, 2)
	}
	return string(b)
}

// appendPadded appends n, not negative, in decimal with leading zeros to
// width digits, as fmt's %0*d does.
func appendPadded(b []byte, n, width int) []byte {
	// A month, a day and a year of four digits, most of Lexical's
	// numbers, are written digit by digit.
	switch u := uint(n); {
	case width == 2 && u < 100:
		return append(b, byte('0'+u/10), byte('0'+u%10))
	case width == 4 && u < 10000:
		return append(b, byte('0'+u/1000), byte('0'+u/100%10), byte('0'+u/10%10), byte('0'+u%10))
	}
	for w, m := 1, n; w < width; w++ {
		if m /= 10; m == 0 {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Datatype returns the XSD datatype IRI matching d's precision:
// rdf.XSDDate, rdf.XSDGYearMonth or rdf.XSDGYear; "" for the zero Date.
func (d Date) Datatype() string {
	switch d.Precision {
	case PrecisionDay:
		return rdf.XSDDate
	case PrecisionYearMonth:
		return rdf.XSDGYearMonth
	case PrecisionYear:
		return rdf.XSDGYear
	}
	return ""
}

// String returns d as Lexical does, prefixed with "c. " when approximate.
func (d Date) String() string {
	if d.Approx {
		return "c. " + d.Lexical()
	}
	return d.Lexical()
}

// after reports whether d is strictly later than e, comparing only the
// parts both dates know.
func (d Date) after(e Date) bool {
	dy, ey := d.astroYear(), e.astroYear()
	if dy != ey {
		return dy > ey
	}
	if d.Precision < PrecisionYearMonth || e.Precision < PrecisionYearMonth {
		return false
	}
	if d.Month != e.Month {
		return d.Month > e.Month
	}
	if d.Precision < PrecisionDay || e.Precision < PrecisionDay {
		return false
	}
	return d.Day > e.Day
}

// valid reports whether d is a real calendar date at its precision.
func (d Date) valid() bool {
	if d.Year < 1 || d.Year > 9999 {
		return false
	}
	switch d.Precision {
	case PrecisionYear:
		return d.Month == 0 && d.Day == 0
	case PrecisionYearMonth:
		return d.Month >= 1 && d.Month <= 12 && d.Day == 0
	case PrecisionDay:
		return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.astroYear(), d.Month)
	}
	return false
}

// daysIn returns the days in month m of astronomical year y, proleptic
// Gregorian as XSD requires.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var (
	// reAged removes the age at death: "(aged 74)", ", (aged 56 or 57)".
	reAged = regexp.MustCompile(`(?i)[(\[]?\s*\baged\s+[^()\[\]]*[)\]]?`)
)

// lunarPhrase is the expression of a date counted in lunar months, which
// cannot be turned into Gregorian days: "13th day of the 4th month".
// lunarPhraseAt stands for it; the tests keep it as their oracle.
const lunarPhrase = `\b\d+(?:st|nd|rd|th)?\s+day\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)?|[a-z]+)\s+(?:lunar\s+)?month\b|\b\d+(?:st|nd|rd|th)\s+(?:lunar\s+)?month\b`

// monthNumber returns the number of the month a lower-case name or
// abbreviation names, or 0.
func monthNumber(w string) int {
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

// isFillerWord reports whether a lower-case word carries no date
// information; seasons and "early"/"late" make a date vaguer but never
// wrong at the precision stated.
func isFillerWord(w string) bool {
	switch w {
	case "on", "in", "of", "the", "from",
		"winter", "spring", "summer", "autumn", "fall",
		"early", "late", "mid", "middle":
		return true
	}
	return false
}

// segment is a part of a date value with its calendar annotation.
type segment struct {
	text     string
	calendar string // "gregorian", "lunar", "julian" or "" when unmarked
}

// ParseDateRange reads a date or date range from an infobox value. For a
// single date start == end; for an open range ("1592 – present") end is the
// zero Date. It accepts day-month-year, month-day-year and ISO dates, month
// and year, or year alone, with ranges written with an en dash, em dash,
// hyphen or "to" ("19 July 1592 – 24 July 1592", "6–8 February 1593",
// "July – October 1592", "1592–98"), eras ("208 BC", "645 CE"), "c." for
// approximate dates, and ages at death, template parameters and seasons
// ("Winter, 208 AD") ignored.
//
// When a value gives the date in several calendars the Gregorian one is
// used; a date given only in a lunar calendar (or only as Old Style) gives its
// year alone, since its month and day are not Gregorian ones. Precision is
// never invented, and anything not understood gives ok=false rather than a
// guess: unknown words, impossible days (30 February), ranges running
// backwards.
func ParseDateRange(s string) (start, end Date, ok bool) {
	s = stripResidue(s)
	aged, month := dateWords(s)
	if aged {
		s = reAged.ReplaceAllString(s, " ")
	}
	// A value has one segment, or one for each calendar and a note.
	var buf [4]segment
	segs := appendSegments(buf[:0], s)
	// Prefer an explicit Gregorian segment, then unmarked ones, then the
	// others at year precision.
	for _, want := range []string{"gregorian", ""} {
		for _, sg := range segs {
			if sg.calendar != want {
				continue
			}
			if month && containsFoldASCII(sg.text, "month") && hasLunarPhrase(sg.text) {
				continue
			}
			if a, b, ok := parseRange(sg.text); ok {
				return a, b, true
			}
		}
	}
	for _, sg := range segs {
		if sg.calendar == "gregorian" {
			continue
		}
		t := sg.text
		if month && containsFoldASCII(t, "month") {
			t = removeLunarPhrases(t)
		}
		if sg.calendar == "" && t == sg.text {
			// The loop above read this text, and parseRange failed.
			continue
		}
		if a, b, ok := parseRange(t); ok {
			return yearOnly(a), yearOnly(b), true
		}
	}
	return Date{}, Date{}, false
}

// dateWords reports whether s contains "aged" and "month", in any case, as
// containsFoldASCII would, in one pass over s. A segment of s, or s with
// its ages removed (each replaced with a space), contains "month" only if s
// does.
func dateWords(s string) (aged, month bool) {
	// The pass looks for the g of "aged" and the h of "month", letters
	// dates have few of, and compares the rest only where it finds one.
	for i := 1; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'g':
			if i+2 < len(s) && s[i-1]|0x20 == 'a' && s[i+1]|0x20 == 'e' && s[i+2]|0x20 == 'd' {
				aged = true
			}
		case 'h':
			if i >= 4 && s[i-4]|0x20 == 'm' && s[i-3]|0x20 == 'o' && s[i-2]|0x20 == 'n' && s[i-1]|0x20 == 't' {
				month = true
			}
		}
	}
	return aged, month
}

// ParseDate reads a single date; a range gives ok=false.
func ParseDate(s string) (Date, bool) {
	a, b, ok := ParseDateRange(s)
	if !ok || a != b {
		return Date{}, false
	}
	return a, true
}

// yearOnly reduces d to its year.
func yearOnly(d Date) Date {
	if d.IsZero() {
		return d
	}
	d.Month, d.Day, d.Precision = 0, 0, PrecisionYear
	return d
}

// appendSegments appends to segs the parts of s cut after each calendar
// annotation; the text before an annotation is in that calendar.
func appendSegments(segs []segment, s string) []segment {
	// Every annotation is bracketed: most dates have no bracket, and
	// need not run the expression.
	for hasBracket(s) {
		m, ok := findCalendar(s)
		if !ok {
			break
		}
		cal := strings.ToLower(s[m[2]:m[3]])
		switch {
		case strings.HasPrefix(cal, "o"), cal == "julian":
			cal = "julian"
		case strings.HasPrefix(cal, "n"):
			cal = "gregorian"
		}
		segs = append(segs, segment{text: s[:m[0]], calendar: cal})
		s = s[m[1]:]
	}
	if hasLetterOrDigit(s) {
		// Text after the last annotation is in a calendar of its own only
		// when no annotation came before; otherwise it is a trailing note.
		cal := ""
		if len(segs) > 0 {
			cal = "unmarked-after"
		}
		segs = append(segs, segment{text: s, calendar: cal})
	}
	return segs
}

// hasLetterOrDigit reports whether s has a letter or a digit.
func hasLetterOrDigit(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if isASCIILetter(c) || isDigit(c) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += size
	}
	return false
}

// token kinds for date parsing.
const (
	tokNum = iota
	tokWord
	tokDash
	tokISO
)

// The classes of a tokWord, which parseSide tests in this order.
const (
	wordUnknown = iota
	wordMonth
	wordBC
	wordAD
	wordApprox
	wordPresent
	wordFiller
)

// token is a number, a word, a dash or an ISO date of a date's text.
type token struct {
	kind    uint8
	word    uint8 // a tokWord's class
	ordinal bool
	digits  uint8
	// month is a wordMonth's month or a tokISO's; day is a tokISO's.
	month, day uint8
	// n is a tokNum's number or a tokISO's year.
	n int
}

// hasBracket reports whether s has an opening bracket, which every
// calendar annotation and every bracketed note starts with.
func hasBracket(s string) bool {
	return strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, '[') >= 0
}

// isISODateAt reports whether an ISO date, dddd-dd-dd, starts at s[i].
func isISODateAt(s string, i int) bool {
	if len(s)-i < 10 || s[i+4] != '-' || s[i+7] != '-' {
		return false
	}
	for _, k := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[i+k]) {
			return false
		}
	}
	return true
}

// tokenize splits a date text into numbers, words, dashes and ISO dates,
// appended to toks; other punctuation is dropped. The words of a date are
// almost always ASCII, which is read without decoding runes.
func tokenize(toks []token, s string) ([]token, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			if isISODateAt(s, i) && (i+10 == len(s) || !isDigit(s[i+10])) {
				toks = append(toks, token{
					kind:  tokISO,
					n:     decimal(s[i : i+4]),
					month: uint8(decimal(s[i+5 : i+7])),
					day:   uint8(decimal(s[i+8 : i+10])),
				})
				i += 10
				continue
			}
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j-i > 4 {
				return nil, false
			}
			t := token{kind: tokNum, n: decimal(s[i:j]), digits: uint8(j - i)}
			// Ordinal suffixes: "16th".
			if k := j + 2; k <= len(s) && isOrdinalSuffix(s[j], s[j+1]) {
				if k == len(s) || !unicode.IsLetter(rune(s[k])) {
					t.ordinal = true
					j = k
				}
			}
			if j < len(s) && (isASCIILetter(s[j]) || s[j] >= utf8.RuneSelf && runeLetterAt(s, j)) {
				return nil, false // "20px", "1592a"
			}
			toks = append(toks, t)
			i = j
		case isASCIILetter(c) || c >= utf8.RuneSelf && runeLetterAt(s, i):
			j := i
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					if !isASCIILetter(c) && c != '.' {
						break
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				j += size
			}
			toks = append(toks, wordToken(s[i:j]))
			i = j
		case c < utf8.RuneSelf:
			if c == '-' {
				toks = append(toks, token{kind: tokDash})
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '–', '—', '−', '‒', '―':
				toks = append(toks, token{kind: tokDash})
			}
			i += size
		}
	}
	return toks, true
}

// decimal returns the value of s, a few ASCII digits.
func decimal(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isOrdinalSuffix reports whether a and b spell an ordinal suffix, "st",
// "nd", "rd" or "th", in any case. No pair of bytes that is not ASCII
// lower-cases to one.
func isOrdinalSuffix(a, b byte) bool {
	a, b = a|0x20, b|0x20
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

// runeLetterAt reports whether the rune at s[i], past ASCII, is a letter.
// tokenize tests an ASCII byte itself, which costs less than a call.
func runeLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// wordToken returns the token of w, a word of letters, dots and marks:
// "to", "until" and "till" are dashes, and other words are classed as
// parseSide reads them.
func wordToken(w string) token {
	// An ASCII word is lower-cased on the stack; strings.ToLower would
	// allocate for each capitalised month.
	var buf [32]byte
	lw := w
	if len(w) <= len(buf) && isASCII(w) {
		if hasUpperASCII(w) {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			lw = string(buf[:len(w)])
		}
	} else {
		lw = strings.ToLower(w)
	}
	switch strings.TrimRight(lw, ".") {
	case "to", "until", "till":
		return token{kind: tokDash}
	}
	t := token{kind: tokWord}
	trimmed := strings.TrimSuffix(lw, ".")
	switch {
	case monthNumber(trimmed) != 0:
		t.word, t.month = wordMonth, uint8(monthNumber(trimmed))
	case equalSkippingDots(lw, "bc") || equalSkippingDots(lw, "bce"):
		t.word = wordBC
	case equalSkippingDots(lw, "ad") || equalSkippingDots(lw, "ce"):
		t.word = wordAD
	case lw == "c." || lw == "c" || lw == "ca." || lw == "ca" || lw == "circa" || lw == "about" || lw == "around" || lw == "approximately" || lw == "approx.":
		t.word = wordApprox
	case lw == "present" || lw == "now" || lw == "today":
		t.word = wordPresent
	case isFillerWord(trimmed):
		t.word = wordFiller
	}
	return t
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasUpperASCII reports whether s has an ASCII upper-case letter.
func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// equalSkippingDots reports whether s with its dots removed is want.
func equalSkippingDots(s, want string) bool {
	j := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			continue
		}
		if j == len(want) || s[i] != want[j] {
			return false
		}
		j++
	}
	return j == len(want)
}

// side is what one side of a range states.
type side struct {
	day, month, year int
	yearDigits       int
	bc, ad, approx   bool
	present          bool
	hasISO           bool
	iso              Date
	loneNum          int // a number that may be a day or a year, -1 if none
}

// parseSide reads the tokens of one side of a range.
func parseSide(toks []token) (side, bool) {
	sd := side{loneNum: -1}
	// Only the first two numbers are read: a side with more fails.
	var nums [2]token
	count := 0
	for _, t := range toks {
		switch t.kind {
		case tokISO:
			if sd.hasISO {
				return sd, false
			}
			sd.hasISO = true
			sd.iso = Date{Year: t.n, Month: int(t.month), Day: int(t.day), Precision: PrecisionDay}
		case tokNum:
			if count < len(nums) {
				nums[count] = t
			}
			count++
		case tokWord:
			switch t.word {
			case wordMonth:
				if sd.month != 0 {
					return sd, false
				}
				sd.month = int(t.month)
			case wordBC:
				sd.bc = true
			case wordAD:
				sd.ad = true
			case wordApprox:
				sd.approx = true
			case wordPresent:
				sd.present = true
			case wordFiller:
			default:
				return sd, false
			}
		default:
			return sd, false
		}
	}
	if sd.hasISO && (count > 0 || sd.month != 0 || sd.bc) {
		return sd, false
	}
	switch count {
	case 0:
	case 1:
		n := nums[0]
		switch {
		case n.ordinal:
			if sd.month == 0 {
				return sd, false
			}
			sd.day = n.n
		case n.digits >= 3 || sd.bc || sd.ad:
			sd.year, sd.yearDigits = n.n, int(n.digits)
		case sd.month != 0:
			// "July 6" or "6 July": a day, the year coming from the other side.
			sd.day = n.n
		default:
			sd.loneNum = n.n
			sd.yearDigits = int(n.digits)
		}
	case 2:
		a, b := nums[0], nums[1]
		// Without a month the pair must still read as day and year, the
		// month coming from the other side ("July 6–7, 1592").
		if a.digits > 2 || b.ordinal || b.digits < 3 && !(sd.bc || sd.ad) {
			return sd, false
		}
		sd.day, sd.year, sd.yearDigits = a.n, b.n, int(b.digits)
	default:
		return sd, false
	}
	if sd.present && (sd.year != 0 || sd.month != 0 || sd.day != 0 || sd.loneNum >= 0 || sd.hasISO) {
		return sd, false
	}
	return sd, true
}

// parseRange parses one calendar's text as a date or range.
func parseRange(s string) (Date, Date, bool) {
	// A date has a few tokens: room for them on the stack.
	var buf [12]token
	var toks []token
	var ok bool
	if hasBracket(s) {
		toks, ok = tokenizeUnbracketed(buf[:0], s)
	} else {
		toks, ok = tokenize(buf[:0], s)
	}
	if !ok {
		return Date{}, Date{}, false
	}
	// Drop dashes at either end ("– 1592", residue of cut text).
	for len(toks) > 0 && toks[0].kind == tokDash {
		toks = toks[1:]
	}
	open := false
	for len(toks) > 0 && toks[len(toks)-1].kind == tokDash {
		toks = toks[:len(toks)-1]
		open = true
	}
	if len(toks) == 0 {
		return Date{}, Date{}, false
	}
	dash := -1
	for i, t := range toks {
		if t.kind == tokDash {
			if dash >= 0 {
				return Date{}, Date{}, false
			}
			dash = i
		}
	}
	if dash < 0 {
		if open {
			// "1592 –": a start with no end.
			sd, ok := parseSide(toks)
			if !ok {
				return Date{}, Date{}, false
			}
			d, ok := single(sd)
			return d, Date{}, ok
		}
		sd, ok := parseSide(toks)
		if !ok {
			return Date{}, Date{}, false
		}
		d, ok := single(sd)
		return d, d, ok
	}
	if open {
		return Date{}, Date{}, false
	}
	a, okA := parseSide(toks[:dash])
	b, okB := parseSide(toks[dash+1:])
	if !okA || !okB {
		return Date{}, Date{}, false
	}
	if b.present {
		d, ok := single(a)
		return d, Date{}, ok
	}
	if a.present {
		return Date{}, Date{}, false
	}
	// A lone number on the right: an abbreviated year ("1597–98") or a
	// year; on the left: a day ("6–8 February") or a year ("1592–1598").
	if b.loneNum >= 0 {
		switch {
		case a.year != 0 && a.month == 0 && a.day == 0 && b.yearDigits == 2 && a.yearDigits == 4:
			y := a.year/100*100 + b.loneNum
			if y <= a.year {
				return Date{}, Date{}, false
			}
			b.year, b.yearDigits = y, 4
		case a.month != 0 && a.year == 0 && a.day != 0:
			// "July 6–7, 1592" lost its year? Only when the other side
			// has no year either, which leaves no year at all.
			return Date{}, Date{}, false
		default:
			return Date{}, Date{}, false
		}
		b.loneNum = -1
	}
	if a.loneNum >= 0 {
		switch {
		case b.month != 0 && b.day != 0 && a.yearDigits <= 2:
			a.day = a.loneNum
		case b.month != 0 && b.day == 0 && b.year != 0 && a.yearDigits <= 2:
			// "6 – February 1593" is not a form anyone writes; refuse.
			return Date{}, Date{}, false
		default:
			return Date{}, Date{}, false
		}
		a.loneNum = -1
	}
	// "July 6–7, 1592": the right side has a day and year but no month.
	if !b.hasISO && b.day != 0 && b.month == 0 {
		if a.month == 0 {
			return Date{}, Date{}, false
		}
		b.month = a.month
	}
	// The left side takes what it lacks from the right: year and era, and
	// the month when it states only a day.
	if !a.hasISO {
		if a.year == 0 {
			switch {
			case b.hasISO:
				a.year, a.bc = b.iso.Year, false
			case b.year != 0:
				a.year, a.yearDigits = b.year, b.yearDigits
				if !a.ad && !a.bc {
					a.bc = b.bc
				}
			default:
				return Date{}, Date{}, false
			}
			if a.month == 0 && a.day != 0 {
				if b.hasISO {
					a.month = b.iso.Month
				} else {
					a.month = b.month
				}
			}
		} else if b.bc && !a.ad && !a.bc {
			// "209–208 BC": the era covers both years.
			a.bc = true
		}
	}
	da, okA := single(a)
	db, okB := single(b)
	if !okA || !okB || da.after(db) {
		return Date{}, Date{}, false
	}
	return da, db, true
}

// single turns a completed side into a Date.
func single(sd side) (Date, bool) {
	var d Date
	if sd.hasISO {
		d = sd.iso
	} else {
		if sd.loneNum >= 0 || sd.year == 0 || sd.bc && sd.ad {
			return Date{}, false
		}
		d = Date{Year: sd.year, Month: sd.month, Day: sd.day, BC: sd.bc}
		switch {
		case sd.day != 0 && sd.month != 0:
			d.Precision = PrecisionDay
		case sd.day != 0:
			return Date{}, false
		case sd.month != 0:
			d.Precision = PrecisionYearMonth
		default:
			d.Precision = PrecisionYear
		}
	}
	d.Approx = sd.approx
	if !d.valid() {
		return Date{}, false
	}
	return d, true
}

// containsFoldASCII reports whether s contains word, an ASCII lower-case
// word, in any case: the guard of a case-insensitive expression that needs
// the word. It is exact for words without k and s, the only ASCII letters
// that Unicode folds to non-ASCII ones (K, ſ).
func containsFoldASCII(s, word string) bool {
	if len(word) == 0 {
		return true
	}
	// Most bytes are not the word's first letter: the loop tests that
	// alone, and compares the rest only where it is.
	c0 := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 != c0 {
			continue
		}
		j := 1
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// findCalendar finds the first calendar annotation in s, as the expression
//
//	(?i)[(\[]\s*(gregorian|lunar|julian|old style|new style|o\.\s?s\.|n\.\s?s\.)(?:\s+calendar)?\s*[)\]]
//
// would: m holds the bounds of the annotation and of its calendar's name.
// Every date with a bracket is searched, and the expression cost 28,000
// instructions a search.
func findCalendar(s string) (m [4]int, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' && s[i] != '[' {
			continue
		}
		j := skipSpace(s, i+1)
		// At most one name matches: those that share a first letter
		// differ in the second.
		k := -1
		for _, name := range [...]string{"gregorian", "lunar", "julian", "old style", "new style"} {
			if k = foldPrefixAt(s, j, name); k >= 0 {
				break
			}
		}
		if k < 0 {
			k = abbrevStyleAt(s, j)
		}
		if k < 0 {
			continue
		}
		// (?:\s+calendar)? is taken when what follows it matches.
		end := -1
		if c := skipSpace(s, k); c > k {
			if c = foldPrefixAt(s, c, "calendar"); c >= 0 {
				end = closingAt(s, skipSpace(s, c))
			}
		}
		if end < 0 {
			end = closingAt(s, skipSpace(s, k))
		}
		if end >= 0 {
			return [4]int{i, end, j, k}, true
		}
	}
	return m, false
}

// abbrevStyleAt returns the end of "o.s." or "n.s.", in any case and with
// one white space byte allowed before the second letter, at s[i], or -1.
func abbrevStyleAt(s string, i int) int {
	if i+2 > len(s) || s[i+1] != '.' {
		return -1
	}
	switch s[i] | 0x20 {
	case 'o', 'n':
	default:
		return -1
	}
	j := i + 2
	if j < len(s) && isASCIISpace(s[j]) {
		if k := foldPrefixAt(s, j+1, "s."); k >= 0 {
			return k
		}
	}
	return foldPrefixAt(s, j, "s.")
}

// closingAt returns the index after s[i] when it is a closing bracket, or -1.
func closingAt(s string, i int) int {
	if i < len(s) && (s[i] == ')' || s[i] == ']') {
		return i + 1
	}
	return -1
}

// skipSpace returns the index of the first byte at or after s[i] that is
// not white space as regular expressions mean \s.
func skipSpace(s string, i int) int {
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	return i
}

// isASCIISpace reports whether c is white space as regular expressions
// mean \s.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// foldPrefixAt returns the end of word at s[i] when s has it there under
// Unicode simple case folding, as a case-insensitive expression matches
// it, or -1. word is lower-case ASCII; its k and s may also be the
// Kelvin sign and the long s.
func foldPrefixAt(s string, i int, word string) int {
	for w := 0; w < len(word); w++ {
		if i >= len(s) {
			return -1
		}
		c, l := s[i], word[w]
		switch {
		case c == l || 'a' <= l && l <= 'z' && c == l-('a'-'A'):
			i++
		case l == 's' && strings.HasPrefix(s[i:], "\u017f"):
			i += len("\u017f")
		case l == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// tokenizeUnbracketed tokenizes s as tokenize would s with removeBrackets
// applied until it finds no more brackets, but without building that text.
// Its result has a space for each outermost pair of brackets, found as a
// stack matches them (an opening bracket of either kind with the next
// unmatched closing one); what is left of s between them is tokenized
// piece by piece, a space being a boundary no token crosses.
func tokenizeUnbracketed(toks []token, s string) ([]token, bool) {
	var opens [8]int  // positions of the unmatched opening brackets
	var groups [8]int // bounds of the outermost pairs so far, start and end
	nOpen, nGroup := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			if nOpen == len(opens) {
				return tokenizeBracketsRemoved(toks, s)
			}
			opens[nOpen] = i
			nOpen++
		case ')', ']':
			if nOpen == 0 {
				continue
			}
			nOpen--
			start := opens[nOpen]
			// The pairs inside this one are the last ones found.
			for nGroup > 0 && groups[nGroup-2] > start {
				nGroup -= 2
			}
			if nGroup == len(groups) {
				return tokenizeBracketsRemoved(toks, s)
			}
			groups[nGroup], groups[nGroup+1] = start, i+1
			nGroup += 2
		}
	}
	last := 0
	for g := 0; g < nGroup; g += 2 {
		var ok bool
		if toks, ok = tokenize(toks, s[last:groups[g]]); !ok {
			return nil, false
		}
		last = groups[g+1]
	}
	return tokenize(toks, s[last:])
}

// tokenizeBracketsRemoved is tokenizeUnbracketed for a text of many
// brackets.
func tokenizeBracketsRemoved(toks []token, s string) ([]token, bool) {
	for {
		t, ok := removeBrackets(s)
		if !ok {
			break
		}
		s = t
	}
	return tokenize(toks, s)
}

// removeBrackets replaces each innermost bracketed text of s, from an
// opening to a closing bracket of either kind, with a space, as
// `[(\[][^()\[\]]*[)\]]` would, and reports whether it found any.
func removeBrackets(s string) (string, bool) {
	var b []byte
	last := 0 // s[last:] is not yet in b
	for i := 0; i < len(s); {
		if s[i] != '(' && s[i] != '[' {
			i++
			continue
		}
		j := strings.IndexAny(s[i+1:], "()[]")
		if j < 0 {
			break
		}
		j += i + 1
		if s[j] == '(' || s[j] == '[' {
			i = j
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(append(b, s[last:i]...), ' ')
		last, i = j+1, j+1
	}
	if b == nil {
		return s, false
	}
	return string(append(b, s[last:]...)), true
}

// hasLunarPhrase reports whether s has a date counted in lunar months.
func hasLunarPhrase(s string) bool {
	for i := 0; i < len(s); i++ {
		// A phrase starts with a digit: most bytes are not one.
		if isDigit(s[i]) && lunarPhraseAt(s, i) > 0 {
			return true
		}
	}
	return false
}

// removeLunarPhrases replaces each date counted in lunar months in s with
// a space, as reLunarPhrase.ReplaceAllString(s, " ") would.
func removeLunarPhrases(s string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		n := lunarPhraseAt(s, i)
		if n == 0 {
			continue
		}
		b = append(append(b, s[last:i]...), ' ')
		last = i + n
		i = last - 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// lunarPhraseAt returns the length of the date counted in lunar months
// that starts at s[i], or 0. The expression runs only where one can
// start: at a number that starts a word, followed, perhaps after an
// ordinal suffix, by white space and the d of "day", the l of "lunar" or
// the m of "month". Unanchored, it cost 87,000 instructions a date.
func lunarPhraseAt(s string, i int) int {
	if !isDigit(s[i]) || i > 0 && isWordChar(s[i-1]) {
		return 0
	}
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	// The suffix is two letters, three bytes with a long s.
	k := j
	for k < len(s) && k-j <= 3 && !isASCIISpace(s[k]) {
		k++
	}
	if k == len(s) || !isASCIISpace(s[k]) {
		return 0
	}
	if k = skipSpace(s, k); k == len(s) {
		return 0
	}
	switch s[k] | 0x20 {
	case 'd', 'l', 'm':
	default:
		return 0
	}
	if e := matchLunar(s, j); e > 0 {
		return e - i
	}
	return 0
}

// matchLunar is the expression lunarPhrase, anchored at a number that
// starts a word and ends at s[j], written out: it returns the end of the
// match, or 0. Each optional part is tried first with, then without, as
// the expression's leftmost-first matching does; where a greedy repeat
// could give back, what follows cannot start with what it gave back, so
// only the longest repeat is tried. An anchored expression cost 21,000
// instructions a call.
func matchLunar(s string, j int) int {
	// \d+(?:st|nd|rd|th)?\s+day\s+of\s+(?:the\s+)?X\s+(?:lunar\s+)?month\b
	if k := ordinalSuffix(s, j); k > 0 {
		if e := lunarDayOf(s, k); e > 0 {
			return e
		}
	}
	if e := lunarDayOf(s, j); e > 0 {
		return e
	}
	// \d+(?:st|nd|rd|th)\s+(?:lunar\s+)?month\b
	if k := ordinalSuffix(s, j); k > 0 {
		if k = spaces(s, k); k > 0 {
			return lunarMonth(s, k)
		}
	}
	return 0
}

// lunarDayOf matches \s+day\s+of\s+(?:the\s+)?X\s+(?:lunar\s+)?month\b
// at s[i], where X is \d+(?:st|nd|rd|th)? or [a-z]+, and returns its end or 0.
func lunarDayOf(s string, i int) int {
	if i = spaces(s, i); i == 0 {
		return 0
	}
	if i = foldWordAt(s, i, "day"); i == 0 {
		return 0
	}
	if i = spaces(s, i); i == 0 {
		return 0
	}
	if i = foldWordAt(s, i, "of"); i == 0 {
		return 0
	}
	if i = spaces(s, i); i == 0 {
		return 0
	}
	if k := foldWordAt(s, i, "the"); k > 0 {
		if k = spaces(s, k); k > 0 {
			if e := lunarMonthOf(s, k); e > 0 {
				return e
			}
		}
	}
	return lunarMonthOf(s, i)
}

// lunarMonthOf matches (?:\d+(?:st|nd|rd|th)?|[a-z]+)\s+(?:lunar\s+)?month\b
// at s[i] and returns its end or 0.
func lunarMonthOf(s string, i int) int {
	if i < len(s) && isDigit(s[i]) {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if k := ordinalSuffix(s, j); k > 0 {
			if k = spaces(s, k); k > 0 {
				if e := lunarMonth(s, k); e > 0 {
					return e
				}
			}
		}
		if j = spaces(s, j); j == 0 {
			return 0
		}
		return lunarMonth(s, j)
	}
	// (?i)[a-z] is also the long s and the Kelvin sign.
	j := i
	for j < len(s) {
		switch {
		case 'a' <= s[j]|0x20 && s[j]|0x20 <= 'z':
			j++
			continue
		case strings.HasPrefix(s[j:], "ſ"), strings.HasPrefix(s[j:], "\u212a"):
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
			continue
		}
		break
	}
	if j == i {
		return 0
	}
	if j = spaces(s, j); j == 0 {
		return 0
	}
	return lunarMonth(s, j)
}

// lunarMonth matches (?:lunar\s+)?month\b at s[i] and returns its end or 0.
func lunarMonth(s string, i int) int {
	if k := foldWordAt(s, i, "lunar"); k > 0 {
		if k = spaces(s, k); k > 0 {
			if e := monthAt(s, k); e > 0 {
				return e
			}
		}
	}
	return monthAt(s, i)
}

// monthAt matches month\b at s[i] and returns its end or 0.
func monthAt(s string, i int) int {
	e := foldWordAt(s, i, "month")
	if e == 0 || e < len(s) && isWordChar(s[e]) {
		return 0
	}
	return e
}

// ordinalSuffix matches (?i)(?:st|nd|rd|th) at s[i], the s perhaps long,
// and returns its end or 0.
func ordinalSuffix(s string, i int) int {
	if strings.HasPrefix(s[i:], "ſ") {
		if i+2 < len(s) && s[i+2]|0x20 == 't' {
			return i + 3
		}
		return 0
	}
	if i+1 >= len(s) {
		return 0
	}
	a, b := s[i]|0x20, s[i+1]|0x20
	if a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h' {
		return i + 2
	}
	return 0
}

// spaces matches \s+ at s[i] and returns its end, or 0 when s[i] is not
// white space.
func spaces(s string, i int) int {
	if i >= len(s) || !isASCIISpace(s[i]) {
		return 0
	}
	return skipSpace(s, i+1)
}

// foldWordAt returns the end of the lower-case ASCII word w at s[i] under
// case folding, or 0; w has neither k nor s, which fold to other runes too.
func foldWordAt(s string, i int, w string) int {
	if len(s)-i < len(w) {
		return 0
	}
	for k := 0; k < len(w); k++ {
		if s[i+k]|0x20 != w[k] {
			return 0
		}
	}
	return i + len(w)
}

// isWordChar reports whether c is an ASCII word character, as \b means one.
func isWordChar(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
