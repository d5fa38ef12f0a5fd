// Command gencorpus writes a large synthetic corpus for benchmarks: the
// development articles copied over and over, every name of copy k given a
// suffix made from k, so each copy names new entities and the run's
// catalog grows as a real corpus's does. A name is a capitalised word the
// corpus never writes in lower case: "Pyongyang" becomes "Pyongyangb" but
// "Battle", "River" and "King" (the corpus has "battle", "river", "king")
// stay, and so do month names, infobox keys and headings, which a real
// corpus shares across all its articles.
//
//	go run ./internal/gencorpus -n 100000 -o big.txt testdata/corpus/articles
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	n := flag.Int("n", 10000, "number of articles to write")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	if err := run(*n, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, dirs []string) error {
	var articles []string
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join(d, "*.txt"))
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			articles = append(articles, strings.TrimRight(string(b), "\n")+"\n")
		}
	}
	if len(articles) == 0 {
		return fmt.Errorf("no articles in %v", dirs)
	}
	vocab := lowerWords(articles)
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriterSize(f, 1<<20)
	}
	for i := 0; i < n; i++ {
		copyNo := i / len(articles)
		text := articles[i%len(articles)]
		if copyNo > 0 {
			text = renameArticle(text, suffix(copyNo), vocab)
		}
		w.WriteString(text)
		w.WriteByte('\n')
	}
	return w.Flush()
}

// suffix spells k in lower-case letters: 1 → "b", 26 → "ba".
func suffix(k int) string {
	var b []byte
	for {
		b = append([]byte{byte('a' + k%26)}, b...)
		k /= 26
		if k == 0 {
			return string(b)
		}
	}
}

// months are capitalised words that are no names.
var months = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true, "September": true, "October": true, "November": true, "December": true}

// lowerWords returns the words the articles write in lower case.
func lowerWords(articles []string) map[string]bool {
	words := map[string]bool{}
	for _, a := range articles {
		for _, w := range strings.FieldsFunc(a, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				words[w] = true
			}
		}
	}
	return words
}

// renameArticle renames the names of an article line by line, leaving
// headings, the infobox header and infobox keys as they are.
func renameArticle(text, sfx string, vocab map[string]bool) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	for line := range strings.SplitAfterSeq(text, "\n") {
		switch {
		case strings.HasPrefix(line, "=="), strings.TrimSpace(line) == "Infobox":
			b.WriteString(line)
		case strings.HasPrefix(line, "- ") && strings.Contains(line, ":"):
			k := strings.IndexByte(line, ':')
			b.WriteString(line[:k])
			b.WriteString(rename(line[k:], sfx, vocab))
		default:
			b.WriteString(rename(line, sfx, vocab))
		}
	}
	return b.String()
}

// rename appends sfx to every name longer than two letters.
func rename(text, sfx string, vocab map[string]bool) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += s2
		}
		w := text[i:j]
		b.WriteString(w)
		if j-i > 2 && !months[w] && !vocab[strings.ToLower(w)] {
			b.WriteString(sfx)
		}
		i = j
	}
	return b.String()
}
