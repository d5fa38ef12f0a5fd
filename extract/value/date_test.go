package value

import (
	"testing"

	"github.com/wikikg/wikikg/rdf"
)

// TestParseDateRangeCorpus checks every Date, Birth/Death Date, Reign, Term
// and Coronation value of the corpus against the gold's normalised form.
func TestParseDateRangeCorpus(t *testing.T) {
	tests := []struct {
		in         string
		start, end string // Lexical forms; "" end means the zero Date
		ok         bool
	}{
		{"30 July 1570", "1570-07-30", "1570-07-30", true},
		{"20 June – 18 September 645 CE", "0645-06-20", "0645-09-18", true},
		{"April 25, 1185", "1185-04-25", "1185-04-25", true},
		{"15 August 1592", "1592-08-15", "1592-08-15", true},
		{"July 6–7, 1592 (Gregorian Calendar);, May 17–18, 1592 (Lunar calendar)", "1592-07-06", "1592-07-07", true},
		{"16 October 1555", "1555-10-16", "1555-10-16", true},
		{"28 June 1575", "1575-06-28", "1575-06-28", true},
		{"2–10 February 1626", "1626-02-02", "1626-02-10", true},
		{"16 December 1598 (Gregorian Calendar) , Keichō 3, 19th day of 11 month (Lunar calendar)", "1598-12-16", "1598-12-16", true},
		{"25 July 1894", "1894-07-25", "1894-07-25", true},
		{"Winter, 208 AD", "0208", "0208", true},
		{"17 September 1894", "1894-09-17", "1894-09-17", true},
		{"1871–1909", "1871", "1909", true},
		{"9 May 1611 – 22 December 1629", "1611-05-09", "1629-12-22", true},
		{"23 May 1611 | cor-type = Japan", "1611-05-23", "1611-05-23", true},
		{"1596-06-29", "1596-06-29", "1596-06-29", true},
		{"December 17, 1586 – May 9, 1611", "1586-12-17", "1611-05-09", true},
		{"January 4, 1587 | cor-type = Japan", "1587-01-04", "1587-01-04", true},
		{"December 31, 1571", "1571-12-31", "1571-12-31", true},
		{"6 March 1608 – 12 April 1623 | reign-type = Reign", "1608-03-06", "1623-04-12", true},
		{"| cor-type =", "", "", false},
		{"1592–1608 | reign-type1 = Regency", "1592", "1608", true},
		{"4 June 1575", "1575-06-04", "1575-06-04", true},
		{"July – October 1592", "1592-07", "1592-10", true},
		{") (Gregorian calendar);|1592 (Wanli 20, Bunroku 1), 13th day of the 4th month – 1598 (Wanli 26, Keichō 3), 19th day of the 11th month (lunar calendar)", "1592", "1598", true},
		{"1533", "1533", "1533", true},
		{"1558", "1558", "1558", true},
		{"April 16, 1497", "1497-04-16", "1497-04-16", true},
		{"July 6, 1571 (aged 74)", "1571-07-06", "1571-07-06", true},
		{"July 1523", "1523-07", "1523-07", true},
		{"February 1890", "1890-02", "1890-02", true},
		{"9 December 1636 – 30 January 1637", "1636-12-09", "1637-01-30", true},
		{"May 25, 1592 (Gregorian Calendar), April 15, 1592 (Lunar calendar);", "1592-05-25", "1592-05-25", true},
		{"November 8–13, 1592 (Gregorian Calendar);, October 5–10, 1592 (Lunar Calendar)", "1592-11-08", "1592-11-13", true},
		{"19 July 1592 – 24 July 1592", "1592-07-19", "1592-07-24", true},
		{"6–8 February 1593", "1593-02-06", "1593-02-08", true},
		{"12 February 1540", "1540-02-12", "1540-02-12", true},
		{"594", "0594", "0594", true},
		{"666", "0666", "0666", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			start, end, ok := ParseDateRange(tt.in)
			if ok != tt.ok || start.Lexical() != tt.start || end.Lexical() != tt.end {
				t.Errorf("ParseDateRange(%q) = %q, %q, %v; want %q, %q, %v", tt.in, start.Lexical(), end.Lexical(), ok, tt.start, tt.end, tt.ok)
			}
		})
	}
}

// TestParseDateRangeForms covers forms the brief names that the corpus
// holds only in part.
func TestParseDateRangeForms(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
		approx, ok bool
	}{
		{"1554-01-30", "1554-01-30", "1554-01-30", false, true},
		{"1592–1598", "1592", "1598", false, true},
		{"1592 - 1598", "1592", "1598", false, true},
		{"1592 to 1598", "1592", "1598", false, true},
		{"1597–98", "1597", "1598", false, true},
		{"c. 1555", "1555", "1555", true, true},
		{"circa 1555", "1555", "1555", true, true},
		{"9 May 1598, (aged 56 or 57)", "1598-05-09", "1598-05-09", false, true},
		{"9 May 1598 (aged 56–57)", "1598-05-09", "1598-05-09", false, true},
		{"208 BC", "-0207", "-0207", false, true},
		{"1 BC", "0000", "0000", false, true},
		{"209–208 BC", "-0208", "-0207", false, true},
		{"16 December 1598 [Gregorian Calendar]", "1598-12-16", "1598-12-16", false, true},
		{"1592 (Wanli 20, Bunroku 1), 13th day of the 4th month", "1592", "1592", false, true},
		{"May 17–18, 1592 (Lunar calendar)", "1592", "1592", false, true},
		{"September–October 1592", "1592-09", "1592-10", false, true},
		{"Sept. 1592", "1592-09", "1592-09", false, true},
		{"July 1592", "1592-07", "1592-07", false, true},
		{"16th December 1598", "1598-12-16", "1598-12-16", false, true},
		{"1592 – present", "1592", "", false, true},
		{"2000-02-29", "2000-02-29", "2000-02-29", false, true},
		// Never a valid-looking but wrong date.
		{"30 February 1592", "", "", false, false},
		{"1900-02-29", "", "", false, false},
		{"31 April 1592", "", "", false, false},
		{"24 July 1592 – 19 July 1592", "", "", false, false},
		{"208–209 BC", "", "", false, false},
		{"before 1592", "", "", false, false},
		{"Keichō 3, 19th day of 11 month (Lunar calendar)", "", "", false, false},
		{"?", "", "", false, false},
		{"Unknown", "", "", false, false},
		{"", "", "", false, false},
		{"12", "", "", false, false},
		{"1592–06", "", "", false, false},
		{"1 2 3 1592", "", "", false, false},
		{"0 BC", "", "", false, false},
		{"32 July 1592", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			start, end, ok := ParseDateRange(tt.in)
			if ok != tt.ok || start.Lexical() != tt.start || end.Lexical() != tt.end || ok && start.Approx != tt.approx {
				t.Errorf("ParseDateRange(%q) = %q, %q, %v (approx %v); want %q, %q, %v (approx %v)",
					tt.in, start.Lexical(), end.Lexical(), ok, start.Approx, tt.start, tt.end, tt.ok, tt.approx)
			}
		})
	}
}

func TestDateDatatype(t *testing.T) {
	tests := []struct {
		d       Date
		lexical string
		dt      string
	}{
		{Date{Year: 645, Month: 6, Day: 20, Precision: PrecisionDay}, "0645-06-20", rdf.XSDDate},
		{Date{Year: 1592, Month: 7, Precision: PrecisionYearMonth}, "1592-07", rdf.XSDGYearMonth},
		{Date{Year: 1592, Precision: PrecisionYear}, "1592", rdf.XSDGYear},
		{Date{Year: 208, Precision: PrecisionYear, BC: true}, "-0207", rdf.XSDGYear},
		{Date{Year: 1, Precision: PrecisionYear, BC: true}, "0000", rdf.XSDGYear},
		{Date{Year: 7, Month: 1, Day: 2, Precision: PrecisionDay}, "0007-01-02", rdf.XSDDate},
		{Date{Year: 12345, Month: 12, Day: 31, Precision: PrecisionDay}, "12345-12-31", rdf.XSDDate},
		{Date{Year: 10000, Precision: PrecisionYear, BC: true}, "-9999", rdf.XSDGYear},
		{Date{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.lexical, func(t *testing.T) {
			if got := tt.d.Lexical(); got != tt.lexical {
				t.Errorf("Lexical() = %q, want %q", got, tt.lexical)
			}
			if got := tt.d.Datatype(); got != tt.dt {
				t.Errorf("Datatype() = %q, want %q", got, tt.dt)
			}
			if tt.dt != "" && !rdf.ValidLexical(tt.d.Lexical(), tt.d.Datatype()) {
				t.Errorf("%q is not a valid %s", tt.d.Lexical(), tt.dt)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	if d, ok := ParseDate("July 6, 1571 (aged 74)"); !ok || d.Lexical() != "1571-07-06" {
		t.Errorf("ParseDate = %v, %v", d, ok)
	}
	if _, ok := ParseDate("1592–1598"); ok {
		t.Error("ParseDate accepted a range")
	}
}
