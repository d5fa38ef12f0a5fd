package rdf

import (
	"strconv"
	"strings"
)

// ValidLexical reports whether s is in the lexical space of datatype dt, for
// the XSD datatypes wikikg writes. Other datatypes accept any string: RDF
// leaves them to their owners.
func ValidLexical(s, dt string) bool { return validLexical(s, xsdLocal(dt)) }

// validLexical is ValidLexical for the datatype of local name local (see
// xsdLocal).
func validLexical(s, local string) bool {
	switch local {
	case "integer":
		return isInteger(s)
	case "decimal":
		return isDecimal(s)
	case "double":
		return isDouble(s)
	case "boolean":
		return s == "true" || s == "false" || s == "1" || s == "0"
	case "date":
		y, rest, ok := cutYear(s)
		if !ok || len(rest) < 6 || rest[0] != '-' || rest[3] != '-' {
			return false
		}
		m, ok1 := twoDigits(rest[1:3])
		d, ok2 := twoDigits(rest[4:6])
		return ok1 && ok2 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && isTimezone(rest[6:])
	case "gYearMonth":
		_, rest, ok := cutYear(s)
		if !ok || len(rest) < 3 || rest[0] != '-' {
			return false
		}
		m, ok1 := twoDigits(rest[1:3])
		return ok1 && m >= 1 && m <= 12 && isTimezone(rest[3:])
	case "gYear":
		_, rest, ok := cutYear(s)
		return ok && isTimezone(rest)
	}
	return true
}

func isInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isDecimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return false
	}
	if whole != "" && !isInteger(whole) || dot && frac != "" && !isInteger(frac) {
		return false
	}
	return !(dot && frac != "" && (frac[0] == '+' || frac[0] == '-')) && !(whole != "" && (whole[0] == '+' || whole[0] == '-'))
}

func isDouble(s string) bool {
	switch s {
	case "INF", "-INF", "+INF", "NaN":
		return true
	}
	mant, exp, hasExp := strings.Cut(strings.ReplaceAll(s, "E", "e"), "e")
	if !isDecimal(mant) {
		return false
	}
	return !hasExp || isInteger(exp)
}

// cutYear splits an XSD year (-?[0-9]{4,}, no leading zero past four digits,
// never 0000 under XSD 1.0 but allowed by 1.1: we accept it as 1.1 does) from
// the rest of s.
func cutYear(s string) (year int, rest string, ok bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n < 4 || n > 4 && s[0] == '0' || n > 9 {
		return 0, "", false
	}
	y, err := strconv.Atoi(s[:n])
	if err != nil {
		return 0, "", false
	}
	if neg {
		y = -y
	}
	return y, s[n:], true
}

func twoDigits(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

func isTimezone(s string) bool {
	switch {
	case s == "" || s == "Z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		h, ok1 := twoDigits(s[1:3])
		m, ok2 := twoDigits(s[4:6])
		return ok1 && ok2 && (h < 14 && m < 60 || h == 14 && m == 0)
	}
	return false
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		// XSD years are proleptic Gregorian; year 0 (1 BC) is a leap year.
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
