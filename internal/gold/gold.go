// Package gold reads the hand-made gold annotations of the development
// corpus (docs/gold-format.md) and scores extraction against them.
package gold

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// File is one article's gold annotation.
type File struct {
	Title    string   `json:"title"`
	About    Entity   `json:"about"`
	Entities []Entity `json:"entities"`
	Facts    []Fact   `json:"facts"`
}

// Entity is an annotated entity.
type Entity struct {
	Label    string   `json:"label"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Optional bool     `json:"optional"`
}

// Fact is an annotated infobox fact.
type Fact struct {
	P    string `json:"p"`
	Side int    `json:"side"`
	O    any    `json:"o"`
	Min  *int64 `json:"min"`
	Max  *int64 `json:"max"`
}

// Load reads a gold file.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &f, nil
}

// Normalize folds a label as the scoring rules say: Unicode NFKD,
// diacritics removed, case folded, punctuation and spaces collapsed.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Score counts matches of a set of predictions against a set of gold items.
type Score struct {
	TP, FP, FN int
}

// Add adds another score's counts.
func (s *Score) Add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Precision returns TP/(TP+FP), or 1 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall returns TP/(TP+FN), or 1 when there was nothing to find.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 returns the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Table formats per-key scores and a total, sorted by key.
func Table(scores map[string]*Score) string {
	keys := make([]string, 0, len(scores))
	var total Score
	for k, s := range scores {
		keys = append(keys, k)
		total.Add(*s)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %5s %5s %5s %9s %7s %6s\n", "key", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, k := range append(keys, "overall") {
		s := total
		if k != "overall" {
			s = *scores[k]
		}
		fmt.Fprintf(&b, "%-14s %5d %5d %5d %9.3f %7.3f %6.3f\n", k, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	return b.String()
}
