// Command gencorpus writes a large synthetic corpus for benchmarks: the
// development articles copied over and over, every capitalised word of copy
// k given a suffix made from k, so each copy names new entities and the
// run's catalog grows as a real corpus's does.
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
			text = rename(text, suffix(copyNo))
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

// rename appends sfx to every capitalised word longer than two letters.
func rename(text, sfx string) string {
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
		b.WriteString(text[i:j])
		if j-i > 2 {
			b.WriteString(sfx)
		}
		i = j
	}
	return b.String()
}
