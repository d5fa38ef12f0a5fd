package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/extract"
)

func TestExpandOrderAndFilter(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.jsonl.gz", "sub/c.txt.bz2", "notes.md", "image.png"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// A link loop must not hang the walk.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	got, err := Expand([]string{dir, "-", filepath.Join(dir, "b.*")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range got {
		names = append(names, strings.TrimPrefix(s.Name, dir+"/"))
	}
	want := []string{"a.jsonl.gz", "b.txt", "sub/c.txt.bz2", "<stdin>", "b.txt"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("Expand = %q, want %q", names, want)
	}
	if _, err := Expand([]string{filepath.Join(dir, "nothing-*.txt")}); err == nil {
		t.Error("a glob that matches nothing is no error")
	}
}

func TestDecompressBomb(t *testing.T) {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 200; i++ { // 200 MiB of zeros, about 200 KiB compressed
		zw.Write(zero)
	}
	zw.Close()
	rc, err := Decompress(io.NopCloser(bytes.NewReader(b.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.Copy(io.Discard, rc)
	if !errors.Is(err, ErrBomb) {
		t.Errorf("err = %v, want ErrBomb", err)
	}
}

func TestJSONL(t *testing.T) {
	in := `{"title": "Siege of Pyongyang (1592)", "text": "Infobox\n- Conflict: Siege of Pyongyang\n- Date: 1592\n\nThe siege."}

{"title": "Broken", "text": 
{"text": "no title"}
{"title": "Bad \ud800 text", "text": "ok"}
{"title": "Last", "text": "Prose."}
`
	r := NewArticleReader(strings.NewReader(in), "dump.jsonl", Auto)
	var titles []string
	var errs []*extract.ParseError
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *extract.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is no ParseError", err)
			}
			errs = append(errs, pe)
			continue
		}
		titles = append(titles, a.Title)
		if a.Title == "Siege of Pyongyang (1592)" && (a.Infobox == nil || len(a.Infobox.Fields) != 2) {
			t.Errorf("infobox not read from the record's text: %+v", a.Infobox)
		}
	}
	if want := "Siege of Pyongyang (1592)|Bad \uFFFD text|Last"; strings.Join(titles, "|") != want {
		t.Errorf("titles = %q, want %q", strings.Join(titles, "|"), want)
	}
	if len(errs) != 2 || errs[0].File != "dump.jsonl" || errs[0].Line != 3 || errs[1].Line != 4 {
		for _, e := range errs {
			t.Logf("%v", e)
		}
		t.Errorf("want errors on lines 3 and 4 of dump.jsonl")
	}
}

// TestInfoboxReader checks that NewInfoboxReader finds, in both formats,
// the articles and errors NewArticleReader finds, with no Blocks.
func TestInfoboxReader(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"text", "= A =\nInfobox\n- K: v\n\nProse.\n== S ==\n- item\n= B \xff =\ntext\n"},
		{"jsonl", `{"title": "A", "text": "Infobox\n- K: v\n\nProse."}` + "\n{\"title\": 1}\n" + `{"title": "B", "text": "== S ==\ntext"}` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			full := NewArticleReader(strings.NewReader(tc.in), "f", Auto)
			skim := NewInfoboxReader(strings.NewReader(tc.in), "f", Auto)
			articles := 0
			for {
				a, err := full.Next()
				b, errB := skim.Next()
				if !reflect.DeepEqual(err, errB) {
					t.Fatalf("error %v, want %v", errB, err)
				}
				if err == io.EOF {
					break
				}
				if a == nil {
					continue
				}
				articles++
				if len(a.Blocks) == 0 || b.Blocks != nil {
					t.Fatalf("%q: %d blocks from the infobox reader, %d from the article reader", a.Title, len(b.Blocks), len(a.Blocks))
				}
				a.Blocks = nil
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("article %+v, want %+v", b, a)
				}
			}
			if articles != 2 {
				t.Errorf("%d articles, want 2", articles)
			}
		})
	}
}

func TestDetectText(t *testing.T) {
	r := NewArticleReader(strings.NewReader("\ufeff= T =\n\nProse.\n"), "a.txt", Auto)
	a, err := r.Next()
	if err != nil || a.Title != "T" {
		t.Fatalf("Next = %+v, %v", a, err)
	}
}

// FuzzJSONL checks that no input makes the JSON Lines reader panic or
// loop, and that every error carries a position.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"title": "T", "text": "x"}` + "\n"))
	f.Add([]byte("{\"title\": \"= =\", \"text\": \"= X =\\n- a: b\"}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewArticleReader(bytes.NewReader(data), "f.jsonl", JSONL)
		for i := 0; i < 100000; i++ {
			_, err := r.Next()
			if err == io.EOF {
				return
			}
			var pe *extract.ParseError
			if err != nil && !errors.As(err, &pe) {
				t.Fatalf("error without position: %v", err)
			}
		}
		t.Fatal("no end after 100000 calls")
	})
}
