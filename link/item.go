package link

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Item is what the linker keeps of a Wikidata item: enough to choose
// between candidates, and no more, so that an index of the relevant part of
// Wikidata fits on a laptop.
type Item struct {
	ID       string            `json:"id"`
	Label    string            `json:"l,omitempty"`
	Aliases  []string          `json:"a,omitempty"`
	Labels   map[string]string `json:"ol,omitempty"` // labels in the --lang languages other than English
	Classes  []string          `json:"c,omitempty"`  // P31
	Sitelink string            `json:"s,omitempty"`  // enwiki title
	Links    int               `json:"n,omitempty"`  // sitelink count
	Born     Date              `json:"b,omitzero"`   // P569
	Died     Date              `json:"d,omitzero"`   // P570
	Start    Date              `json:"st,omitzero"`  // P580
	End      Date              `json:"en,omitzero"`  // P582
	Point    Date              `json:"pt,omitzero"`  // P585
	Coord    *Coord            `json:"g,omitempty"`  // P625
	Country  []string          `json:"co,omitempty"` // P17
	PartOf   []string          `json:"po,omitempty"` // P361
	Location []string          `json:"lo,omitempty"` // P276
}

// Coord is a point on Earth from P625.
type Coord struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Date is a Wikidata time value at its precision: Prec 9 is a year, 10 a
// month, 11 a day. Year is negative before the common era.
type Date struct {
	Year  int `json:"y,omitempty"`
	Month int `json:"m,omitempty"`
	Day   int `json:"d,omitempty"`
	Prec  int `json:"p,omitempty"`
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Prec == 0 }

// Years returns d as a fractional year, the middle of the period its
// precision leaves open, for comparing dates of different precision.
func (d Date) Years() float64 {
	y := float64(d.Year)
	switch {
	case d.Prec >= 11 && d.Month > 0:
		return y + float64(d.Month-1)/12 + float64(max(d.Day, 1)-1)/365
	case d.Prec == 10 && d.Month > 0:
		return y + (float64(d.Month)-0.5)/12
	}
	return y + 0.5
}

// ParseWikidataTime reads a Wikidata time value such as
// "+1592-07-19T00:00:00Z" with its precision; a precision coarser than a
// year (decades, centuries) gives the zero Date, as too vague to compare.
func ParseWikidataTime(s string, prec int) (Date, error) {
	if prec < 9 {
		return Date{}, nil
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	ys, rest, ok := strings.Cut(s, "-")
	if !ok {
		return Date{}, fmt.Errorf("time %q: no year", s)
	}
	y, err := strconv.Atoi(ys)
	if err != nil {
		return Date{}, fmt.Errorf("time %q: bad year", s)
	}
	if neg {
		y = -y
	}
	d := Date{Year: y, Prec: min(prec, 11)}
	if prec >= 10 && len(rest) >= 5 {
		d.Month, _ = strconv.Atoi(rest[0:2])
		if prec >= 11 {
			d.Day, _ = strconv.Atoi(rest[3:5])
		}
	}
	return d, nil
}

// ParseXSDDate reads the lexical forms of xsd:date, xsd:gYearMonth and
// xsd:gYear ("1592-07-19", "1592-07", "0645") that the graph holds.
func ParseXSDDate(s string) (Date, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	parts := strings.SplitN(s, "-", 3)
	y, err := strconv.Atoi(parts[0])
	if err != nil {
		return Date{}, false
	}
	if neg {
		y = -y
	}
	d := Date{Year: y, Prec: 9}
	if len(parts) > 1 {
		if m, err := strconv.Atoi(parts[1]); err == nil {
			d.Month, d.Prec = m, 10
		}
	}
	if len(parts) > 2 && len(parts[2]) >= 2 {
		if day, err := strconv.Atoi(parts[2][:2]); err == nil {
			d.Day, d.Prec = day, 11
		}
	}
	return d, true
}

// entityJSON is the shape of one entity in the dump and in wbgetentities:
// only the parts the linker keeps are decoded, and claims only for the
// properties it reads, so the decoder skips the rest without allocating.
type entityJSON struct {
	Type      string                            `json:"type"`
	ID        string                            `json:"id"`
	Labels    map[string]langValue              `json:"labels"`
	Aliases   map[string][]langValue            `json:"aliases"`
	Sitelinks map[string]struct{ Title string } `json:"sitelinks"`
	Claims    struct {
		P31  []claim `json:"P31"`
		P569 []claim `json:"P569"`
		P570 []claim `json:"P570"`
		P580 []claim `json:"P580"`
		P582 []claim `json:"P582"`
		P585 []claim `json:"P585"`
		P625 []claim `json:"P625"`
		P17  []claim `json:"P17"`
		P361 []claim `json:"P361"`
		P276 []claim `json:"P276"`
	} `json:"claims"`
	Missing *string `json:"missing"`
}

type langValue struct {
	Value string `json:"value"`
}

type claim struct {
	Rank     string `json:"rank"`
	Mainsnak struct {
		Snaktype  string `json:"snaktype"`
		Datavalue struct {
			Type  string          `json:"type"`
			Value json.RawMessage `json:"value"`
		} `json:"datavalue"`
	} `json:"mainsnak"`
}

// value returns the claim's datavalue unless it is deprecated or has no
// value ("somevalue", "novalue").
func (c *claim) value() (string, json.RawMessage) {
	if c.Rank == "deprecated" || c.Mainsnak.Snaktype != "value" {
		return "", nil
	}
	return c.Mainsnak.Datavalue.Type, c.Mainsnak.Datavalue.Value
}

func entityIDs(cs []claim) ([]string, error) {
	var out []string
	for i := range cs {
		t, v := cs[i].value()
		if t != "wikibase-entityid" {
			continue
		}
		var e struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, err
		}
		if e.ID != "" && !contains(out, e.ID) {
			out = append(out, e.ID)
		}
	}
	return out, nil
}

// firstTime returns the preferred-rank time of cs if there is one, else the
// first normal-rank one: Wikidata marks the accepted date of several
// candidates preferred.
func firstTime(cs []claim) (Date, error) {
	var best Date
	bestPreferred := false
	for i := range cs {
		t, v := cs[i].value()
		if t != "time" {
			continue
		}
		var tv struct {
			Time      string `json:"time"`
			Precision int    `json:"precision"`
		}
		if err := json.Unmarshal(v, &tv); err != nil {
			return Date{}, err
		}
		d, err := ParseWikidataTime(tv.Time, tv.Precision)
		if err != nil {
			return Date{}, err
		}
		if d.IsZero() {
			continue
		}
		pref := cs[i].Rank == "preferred"
		if best.IsZero() || pref && !bestPreferred {
			best, bestPreferred = d, pref
		}
	}
	return best, nil
}

func firstCoord(cs []claim) (*Coord, error) {
	for i := range cs {
		t, v := cs[i].value()
		if t != "globecoordinate" {
			continue
		}
		var g struct {
			Latitude  float64 `json:"latitude"`
			Longitude float64 `json:"longitude"`
		}
		if err := json.Unmarshal(v, &g); err != nil {
			return nil, err
		}
		if math.IsNaN(g.Latitude) || math.IsNaN(g.Longitude) {
			continue
		}
		return &Coord{Lat: g.Latitude, Lon: g.Longitude}, nil
	}
	return nil, nil
}

// ParseEntity decodes one entity in the dump's and the API's JSON shape. It
// returns nil and no error for an entity that is not an item (a property,
// a lexeme) or is missing. langs are the languages besides English whose
// labels and aliases are kept.
func ParseEntity(data []byte, langs []string) (*Item, error) {
	var e entityJSON
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, err
	}
	return e.item(langs)
}

func (e *entityJSON) item(langs []string) (*Item, error) {
	if e.Missing != nil || e.Type != "item" || e.ID == "" {
		return nil, nil
	}
	it := &Item{ID: e.ID, Label: e.Labels["en"].Value, Links: len(e.Sitelinks)}
	for _, a := range e.Aliases["en"] {
		if a.Value != "" && !contains(it.Aliases, a.Value) {
			it.Aliases = append(it.Aliases, a.Value)
		}
	}
	for _, l := range langs {
		if l == "en" {
			continue
		}
		if v := e.Labels[l].Value; v != "" {
			if it.Labels == nil {
				it.Labels = map[string]string{}
			}
			it.Labels[l] = v
		}
		for _, a := range e.Aliases[l] {
			if a.Value != "" && !contains(it.Aliases, a.Value) {
				it.Aliases = append(it.Aliases, a.Value)
			}
		}
	}
	if s, ok := e.Sitelinks["enwiki"]; ok {
		it.Sitelink = s.Title
	}
	c := &e.Claims
	var err error
	if it.Classes, err = entityIDs(c.P31); err != nil {
		return nil, fmt.Errorf("%s P31: %v", e.ID, err)
	}
	if it.Country, err = entityIDs(c.P17); err != nil {
		return nil, fmt.Errorf("%s P17: %v", e.ID, err)
	}
	if it.PartOf, err = entityIDs(c.P361); err != nil {
		return nil, fmt.Errorf("%s P361: %v", e.ID, err)
	}
	if it.Location, err = entityIDs(c.P276); err != nil {
		return nil, fmt.Errorf("%s P276: %v", e.ID, err)
	}
	for _, t := range []struct {
		cs []claim
		d  *Date
		p  string
	}{{c.P569, &it.Born, "P569"}, {c.P570, &it.Died, "P570"}, {c.P580, &it.Start, "P580"}, {c.P582, &it.End, "P582"}, {c.P585, &it.Point, "P585"}} {
		if *t.d, err = firstTime(t.cs); err != nil {
			return nil, fmt.Errorf("%s %s: %v", e.ID, t.p, err)
		}
	}
	if it.Coord, err = firstCoord(c.P625); err != nil {
		return nil, fmt.Errorf("%s P625: %v", e.ID, err)
	}
	return it, nil
}

// names returns every name the item is known by: English label, enwiki
// title and the title without its disambiguator, other labels, aliases.
func (it *Item) names() []string {
	out := make([]string, 0, 3+len(it.Aliases)+len(it.Labels))
	add := func(s string) {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	add(it.Label)
	add(it.Sitelink)
	add(stripParen(it.Sitelink))
	for _, l := range it.Labels {
		add(l)
	}
	for _, a := range it.Aliases {
		add(a)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
