// Command mutcorpus writes a damaged copy of a corpus for differential
// tests: the articles of its directories, concatenated, with characters
// deleted, pieces that the extractors treat specially inserted (brackets,
// dashes, years, "dynasty", non-ASCII letters, list and line breaks) and
// letters' case swapped, each at the given rate, from a seed. The same
// seed gives the same bytes, so two builds of wikikg can be compared on
// inputs no test author wrote (scripts/difftest.sh).
//
//	go run ./internal/mutcorpus -seed 3 -rate 0.02 -o m3.txt testdata/corpus/articles
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	rate := flag.Float64("rate", 0.01, "share of characters changed")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	if err := run(*seed, *rate, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "mutcorpus:", err)
		os.Exit(1)
	}
}

// inserts are the pieces mutcorpus inserts: those the reader and the
// extractors give a meaning to.
var inserts = []string{"é", "名", "(", ")", "[", "]", "–", "1592", " dynasty", "’", ",", ";", " and ", "  ", "\t", "c. ", "BC", "?", "İ", "K", ":", "- ", "\n", "= ", " =", "\xff"}

func run(seed uint64, rate float64, out string, dirs []string) error {
	var files []string
	for _, d := range dirs {
		fs, err := filepath.Glob(filepath.Join(d, "*.txt"))
		if err != nil {
			return err
		}
		files = append(files, fs...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return fmt.Errorf("no .txt files in %s", strings.Join(dirs, ", "))
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for s := string(text); s != ""; {
			r, n := utf8.DecodeRuneInString(s)
			piece := s[:n]
			s = s[n:]
			x := rng.Float64()
			if x < rate/3 {
				continue // deleted
			}
			if x < 2*rate/3 {
				b.WriteString(inserts[rng.IntN(len(inserts))])
			}
			if x < rate && unicode.IsLetter(r) {
				if unicode.IsUpper(r) {
					r = unicode.ToLower(r)
				} else {
					r = unicode.ToUpper(r)
				}
				piece = string(r)
			}
			b.WriteString(piece)
		}
	}
	if out == "" {
		_, err := os.Stdout.WriteString(b.String())
		return err
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
