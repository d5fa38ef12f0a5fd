package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
	"unsafe"
)

// readAll reads every article of input, keeping the errors returned with each
// call. It fails the test if Next does not reach io.EOF in a bounded number of
// calls.
func readAll(t testing.TB, r *Reader, input []byte) ([]*Article, []error) {
	t.Helper()
	var arts []*Article
	var errs []error
	for range len(input) + 2 {
		a, err := r.Next()
		if err == io.EOF {
			if a != nil {
				t.Fatalf("Next returned an article with io.EOF")
			}
			return arts, errs
		}
		if a == nil && err == nil {
			t.Fatalf("Next returned neither article nor error")
		}
		arts = append(arts, a)
		errs = append(errs, err)
	}
	t.Fatalf("Next did not reach io.EOF after %d calls", len(input)+2)
	return nil, nil
}

// parseString reads every article of s with the default reader.
func parseString(t testing.TB, s string) ([]*Article, []error) {
	t.Helper()
	return readAll(t, NewReader(strings.NewReader(s)), []byte(s))
}

// lineStarts returns the offset of each line's first byte in input.
func lineStarts(input []byte) []int {
	starts := []int{0}
	for i, c := range input {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// checkPos checks that pos is within input, that its Line and Column agree
// with its Offset, and that the input at pos starts with want (unless the line
// had invalid bytes, which the text shows replaced).
func checkPos(t testing.TB, input []byte, starts []int, what string, pos Pos, want string) {
	t.Helper()
	if pos.Offset < 0 || pos.Offset > len(input) {
		t.Errorf("%s: offset %d outside input of %d bytes", what, pos.Offset, len(input))
		return
	}
	if pos.Line < 1 || pos.Line > len(starts) {
		t.Errorf("%s: line %d outside input of %d lines", what, pos.Line, len(starts))
		return
	}
	if got := pos.Offset - starts[pos.Line-1] + 1; got != pos.Column {
		t.Errorf("%s: pos %v offset %d is at column %d", what, pos, pos.Offset, got)
	}
	if pos.Line < len(starts) && pos.Offset >= starts[pos.Line] {
		t.Errorf("%s: pos %v offset %d is past its line", what, pos, pos.Offset)
	}
	if strings.ContainsRune(want, utf8.RuneError) {
		return
	}
	if !bytes.HasPrefix(input[pos.Offset:], []byte(want)) {
		t.Errorf("%s: input at %v is %.20q, want %.20q", what, pos, input[pos.Offset:], want)
	}
}

// checkArticle checks every position in a against input.
func checkArticle(t testing.TB, input []byte, starts []int, a *Article) {
	t.Helper()
	checkPos(t, input, starts, "title "+a.Title, a.Pos, "")
	if off := a.Pos.Offset; off >= len(input) || input[off] != '=' {
		t.Errorf("title %q: Pos %v is not at a '='", a.Title, a.Pos)
	}
	if ib := a.Infobox; ib != nil {
		checkPos(t, input, starts, "infobox header", ib.Pos, ib.Header)
		for _, f := range ib.Fields {
			checkPos(t, input, starts, "key "+f.Key, f.KeyPos, f.Key)
			checkPos(t, input, starts, "value of "+f.Key, f.ValuePos, f.Value)
		}
	}
	for _, b := range a.Blocks {
		checkPos(t, input, starts, "block", b.Pos, b.Text)
		if !utf8.ValidString(b.Text) || strings.IndexByte(b.Text, 0) >= 0 {
			t.Errorf("block %v: text %q is not valid UTF-8 without NUL", b.Pos, b.Text)
		}
	}
}

// parseErrors returns the *ParseErrors in err, found with errors.As.
func parseErrors(t testing.TB, err error) []*ParseError {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v has no *ParseError", err)
	}
	return list
}

// errAt describes an expected ParseError.
type errAt struct {
	err          error
	line, column int
}

func (e errAt) String() string { return fmt.Sprintf("%d:%d: %v", e.line, e.column, e.err) }

func TestReaderShapes(t *testing.T) {
	type art struct {
		title  string
		header string // "-" for no infobox
		fields []string
		blocks []string // "P:text", "H2:text", "L1:text", each with "@section" when not ""
		lines  int
		errs   []errAt
	}
	noBox := "-"
	tests := []struct {
		name  string
		input string
		want  []art // a nil-title entry stands for a skipped region
	}{
		{
			name:  "infobox with header",
			input: "= T =\n\nInfobox\n- A: 1\n- B: two words\n\nText.\n",
			want:  []art{{title: "T", header: "Infobox", fields: []string{"A=1", "B=two words"}, blocks: []string{"P:Text."}, lines: 7}},
		},
		{
			name:  "name header",
			input: "= Seonjo of Joseon =\n\nSeonjo, 선조, 宣祖\n- Dynasty: Yi\n- Spouses: ,\n",
			want:  []art{{title: "Seonjo of Joseon", header: "Seonjo, 선조, 宣祖", fields: []string{"Dynasty=Yi", "Spouses=,"}, lines: 5}},
		},
		{
			name:  "dangling commas header",
			input: "= G =\nGwanghaegun, ,\n- Dynasty: Yi\n- Coronation: | cor-type =\n",
			want:  []art{{title: "G", header: "Gwanghaegun, ,", fields: []string{"Dynasty=Yi", "Coronation=| cor-type ="}, lines: 4}},
		},
		{
			name:  "no header",
			input: "= T =\n\n- Key: v\n- Other:\n\nProse.",
			want:  []art{{title: "T", header: "", fields: []string{"Key=v", "Other="}, blocks: []string{"P:Prose."}, lines: 6}},
		},
		{
			name:  "cut inside infobox",
			input: "= T =\n\nInfobox\n- A: 1\n- Primeminister",
			want:  []art{{title: "T", header: "Infobox", fields: []string{"A=1", "Primeminister="}, lines: 5}},
		},
		{
			name:  "cut after header",
			input: "= T =\n\nInfobox",
			want:  []art{{title: "T", header: noBox, blocks: []string{"P:Infobox"}, lines: 3}},
		},
		{
			name:  "colons in value",
			input: "= T =\nH\n-  Key : a: b:c  \n",
			want:  []art{{title: "T", header: "H", fields: []string{"Key=a: b:c"}, lines: 3}},
		},
		{
			name:  "no infobox",
			input: "= T =\n\n was a ship.\n\n==Background==\nIt was.\n",
			want:  []art{{title: "T", header: noBox, blocks: []string{"P:was a ship.", "H2:Background", "P:It was.@Background"}, lines: 6}},
		},
		{
			name:  "paragraph then list is prose",
			input: "= T =\n\nIntro.\n\nConsort:\n- Empress: X\n",
			want:  []art{{title: "T", header: noBox, blocks: []string{"P:Intro.", "P:Consort:", "L1:Empress: X"}, lines: 6}},
		},
		{
			name:  "heading then fields is prose",
			input: "= T =\n== S ==\n- A: 1\n",
			want:  []art{{title: "T", header: noBox, blocks: []string{"H2:S", "L1:A: 1@S"}, lines: 3}},
		},
		{
			name:  "list without colon after title",
			input: "= T =\n\n- Ainan\n- B: 1\n",
			want:  []art{{title: "T", header: noBox, blocks: []string{"L1:Ainan", "L1:B: 1"}, lines: 4}},
		},
		{
			name:  "infobox ends at other line",
			input: "= T =\nH\n- A: 1\nNot a field\n- B: 2\n",
			want:  []art{{title: "T", header: "H", fields: []string{"A=1"}, blocks: []string{"P:Not a field", "L1:B: 2"}, lines: 5}},
		},
		{
			name: "headings",
			input: "= T =\n==A==\n== B ==\n===C===\n=== D ===\n==E ==\n====F====\n==G\n" +
				"text\n",
			want: []art{{title: "T", header: noBox, blocks: []string{
				"H2:A", "H2:B@A", "H3:C@B", "H3:D@C", "H2:E@D", "H4:F@E", "H2:G@F", "P:text@G",
			}, lines: 9}},
		},
		{
			name:  "list levels",
			input: "= T =\nP\n\n- one\n  - two\n    - three\n-\n- \n",
			want:  []art{{title: "T", header: noBox, blocks: []string{"P:P", "L1:one", "L2:two", "L3:three", "L1:", "L1:"}, lines: 8}},
		},
		{
			name:  "title variants",
			input: "= A =\n=B=\n= C\n=  D  =  \n",
			want: []art{
				{title: "A", header: noBox, lines: 1},
				{title: "B", header: noBox, lines: 1},
				{title: "C", header: noBox, lines: 1},
				{title: "D", header: noBox, lines: 1},
			},
		},
		{
			name:  "several articles",
			input: "= A =\n\nInfobox\n- K: v\n\nText A.\n\n= B =\n\nText B.\n",
			want: []art{
				{title: "A", header: "Infobox", fields: []string{"K=v"}, blocks: []string{"P:Text A."}, lines: 7},
				{title: "B", header: noBox, blocks: []string{"P:Text B."}, lines: 3},
			},
		},
		{
			name:  "text before first title",
			input: "\n\n  junk\nmore junk\n= A =\nx\n",
			want: []art{
				{errs: []errAt{{ErrTextBeforeTitle, 3, 3}}},
				{title: "A", header: noBox, blocks: []string{"P:x"}, lines: 2},
			},
		},
		{
			name:  "empty title",
			input: "= A =\n= =\nskipped\n- K: v\n=  =\n= B =\nb\n",
			want: []art{
				{title: "A", header: noBox, lines: 1},
				{errs: []errAt{{ErrEmptyTitle, 2, 1}}},
				{errs: []errAt{{ErrEmptyTitle, 5, 1}}},
				{title: "B", header: noBox, blocks: []string{"P:b"}, lines: 2},
			},
		},
		{
			name:  "only junk",
			input: "junk",
			want:  []art{{errs: []errAt{{ErrTextBeforeTitle, 1, 1}}}},
		},
		{
			name:  "invalid UTF-8 and NUL",
			input: "= A =\nInfo\xffbox\n- K: a\x00b\nok\nbad \xe2\x82 end\n= B =\nfine\n",
			want: []art{
				{title: "A", header: "Info\uFFFDbox", fields: []string{"K=a\uFFFDb"}, blocks: []string{"P:ok", "P:bad \uFFFD\uFFFD end"}, lines: 5,
					errs: []errAt{{ErrInvalidUTF8, 2, 5}, {ErrNUL, 3, 7}, {ErrInvalidUTF8, 5, 5}}},
				{title: "B", header: noBox, blocks: []string{"P:fine"}, lines: 2},
			},
		},
		{
			name:  "invalid title",
			input: "= A\xc0 =\n",
			want:  []art{{title: "A\uFFFD", header: noBox, lines: 1, errs: []errAt{{ErrInvalidUTF8, 1, 4}}}},
		},
		{
			name:  "blank lines only",
			input: "\n \n\t\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := []byte(tt.input)
			starts := lineStarts(input)
			arts, errs := parseString(t, tt.input)
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d results, want %d: %v", len(arts), len(tt.want), errs)
			}
			for i, w := range tt.want {
				a, err := arts[i], errs[i]
				var gotErrs []errAt
				for _, pe := range parseErrors(t, err) {
					if pe.File != "" {
						t.Errorf("error %v has a file name", pe)
					}
					gotErrs = append(gotErrs, errAt{pe.Err, pe.Line, pe.Column})
				}
				if fmt.Sprint(gotErrs) != fmt.Sprint(w.errs) {
					t.Errorf("result %d: errors %v, want %v", i, gotErrs, w.errs)
				}
				for j := range min(len(gotErrs), len(w.errs)) {
					if !errors.Is(gotErrs[j].err, w.errs[j].err) {
						t.Errorf("result %d: error %d is %v, want %v", i, j, gotErrs[j].err, w.errs[j].err)
					}
				}
				if w.title == "" {
					if a != nil {
						t.Errorf("result %d: got article %q, want none", i, a.Title)
					}
					continue
				}
				if a == nil {
					t.Fatalf("result %d: no article, want %q", i, w.title)
				}
				checkArticle(t, input, starts, a)
				if a.Title != w.title {
					t.Errorf("title %q, want %q", a.Title, w.title)
				}
				if a.Lines != w.lines {
					t.Errorf("%s: Lines %d, want %d", a.Title, a.Lines, w.lines)
				}
				if w.header == noBox {
					if a.Infobox != nil {
						t.Errorf("%s: infobox %+v, want none", a.Title, a.Infobox)
					}
				} else if a.Infobox == nil {
					t.Errorf("%s: no infobox", a.Title)
				} else {
					if a.Infobox.Header != w.header {
						t.Errorf("%s: header %q, want %q", a.Title, a.Infobox.Header, w.header)
					}
					var fields []string
					for _, f := range a.Infobox.Fields {
						fields = append(fields, f.Key+"="+f.Value)
					}
					if w.fields != nil && !reflect.DeepEqual(fields, w.fields) {
						t.Errorf("%s: fields %q, want %q", a.Title, fields, w.fields)
					}
				}
				var blocks []string
				for _, b := range a.Blocks {
					s := ""
					switch b.Kind {
					case Paragraph:
						s = "P:" + b.Text
					case Heading:
						s = fmt.Sprintf("H%d:%s", b.Level, b.Text)
					case ListItem:
						s = fmt.Sprintf("L%d:%s", b.Level, b.Text)
					}
					if b.Section != "" {
						s += "@" + b.Section
					}
					blocks = append(blocks, s)
				}
				if (w.blocks != nil || blocks != nil) && !reflect.DeepEqual(blocks, w.blocks) {
					t.Errorf("%s: blocks %q, want %q", a.Title, blocks, w.blocks)
				}
			}
		})
	}
}

func TestReaderFieldPositions(t *testing.T) {
	input := "= T =\r\n\r\nHead\r\n- Key: Value\r\n-  Spaced  :   far  \r\n- Empty:\r\n\r\n  para  \r\n"
	arts, errs := parseString(t, input)
	if len(arts) != 1 || errs[0] != nil {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	ib := arts[0].Infobox
	want := []Field{
		{"Key", "Value", Pos{4, 3, 17}, Pos{4, 8, 22}},
		{"Spaced", "far", Pos{5, 4, 32}, Pos{5, 16, 44}},
		{"Empty", "", Pos{6, 3, 53}, Pos{6, 9, 59}},
	}
	if ib == nil || ib.Header != "Head" || ib.Pos != (Pos{3, 1, 9}) {
		t.Fatalf("infobox %+v", ib)
	}
	if !reflect.DeepEqual(ib.Fields, want) {
		t.Errorf("fields\n%+v\nwant\n%+v", ib.Fields, want)
	}
	if b := arts[0].Blocks; len(b) != 1 || b[0].Pos != (Pos{8, 3, 65}) || b[0].Text != "para" {
		t.Errorf("blocks %+v", b)
	}
	checkArticle(t, []byte(input), lineStarts([]byte(input)), arts[0])
}

// corpusFile is one article file of the test corpus.
type corpusFile struct {
	name  string
	title string // from index.tsv, or from the title line
	data  []byte
}

// corpus returns the seed article and every article of the corpus.
func corpus(t testing.TB) []corpusFile {
	t.Helper()
	titles := map[string]string{}
	index, err := os.ReadFile("../testdata/corpus/index.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(index)), "\n")[1:] {
		cols := strings.Split(line, "\t")
		titles[filepath.Base(cols[0])] = cols[2]
	}
	seed, err := os.ReadFile("../testdata/seed/siege-of-pyongyang-1592.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := []corpusFile{{"seed", "Siege of Pyongyang (1592)", seed}}
	names, err := filepath.Glob("../testdata/corpus/articles/*.txt")
	if err != nil || len(names) != 45 {
		t.Fatalf("found %d corpus articles (%v), want 45", len(names), err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		title, ok := titles[filepath.Base(name)]
		if !ok {
			t.Fatalf("%s is not in index.tsv", name)
		}
		files = append(files, corpusFile{filepath.Base(name), title, data})
	}
	return files
}

// countFields counts an article's infobox fields independently of the
// Reader: the lines starting with "- " right after the first non-blank line
// after the title (or from it, when it is itself a "- K: V" line), when the
// first of them has a ':'.
func countFields(data []byte) int {
	lines := strings.Split(string(data), "\n")
	i := 1
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && !strings.HasPrefix(lines[i], "- ") {
		i++ // the header
	}
	if i >= len(lines) || !strings.HasPrefix(lines[i], "- ") || !strings.Contains(lines[i], ":") {
		return -1
	}
	n := 0
	for ; i < len(lines) && strings.HasPrefix(lines[i], "- "); i++ {
		n++
	}
	return n
}

func TestReaderCorpus(t *testing.T) {
	shapes := map[string]int{}
	for _, f := range corpus(t) {
		t.Run(f.name, func(t *testing.T) {
			r := NewReader(bytes.NewReader(f.data))
			r.File = f.name
			arts, errs := readAll(t, r, f.data)
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1 (errors %v)", len(arts), errs)
			}
			a := arts[0]
			if errs[0] != nil {
				t.Errorf("error %v", errs[0])
			}
			if a.Title != f.title || a.File != f.name {
				t.Errorf("title %q in %q, want %q in %q", a.Title, a.File, f.title, f.name)
			}
			want := bytes.Count(f.data, []byte("\n"))
			if !bytes.HasSuffix(f.data, []byte("\n")) {
				want++
			}
			if a.Lines != want {
				t.Errorf("Lines %d, want %d", a.Lines, want)
			}
			checkArticle(t, f.data, lineStarts(f.data), a)
			want = countFields(f.data)
			switch {
			case want < 0 && a.Infobox != nil:
				t.Errorf("infobox %q with %d fields, want none", a.Infobox.Header, len(a.Infobox.Fields))
			case want >= 0 && a.Infobox == nil:
				t.Errorf("no infobox, want %d fields", want)
			case want >= 0 && len(a.Infobox.Fields) != want:
				t.Errorf("%d infobox fields, want %d", len(a.Infobox.Fields), want)
			}
			switch {
			case a.Infobox == nil:
				shapes["no infobox"]++
			case a.Infobox.Header == "":
				shapes["infobox without header"]++
			case a.Infobox.Header == "Infobox":
				shapes[`header "Infobox"`]++
			default:
				shapes["other header"]++
			}
			for _, b := range a.Blocks {
				if b.Kind == Heading && b.Level < 2 {
					t.Errorf("heading %q has level %d", b.Text, b.Level)
				}
			}
		})
	}
	t.Logf("infobox shapes: %v", shapes)
}

// concatCorpus joins the seed and the corpus articles with newlines, as the
// files do not end in one.
func concatCorpus(t testing.TB) ([]byte, []string) {
	var buf bytes.Buffer
	var titles []string
	for _, f := range corpus(t) {
		buf.Write(f.data)
		buf.WriteByte('\n')
		titles = append(titles, f.title)
	}
	return buf.Bytes(), titles
}

// summary describes an article without positions.
func summary(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%d|", a.Title, a.Lines)
	if a.Infobox != nil {
		fmt.Fprintf(&b, "%q:", a.Infobox.Header)
		for _, f := range a.Infobox.Fields {
			fmt.Fprintf(&b, "%q=%q,", f.Key, f.Value)
		}
	}
	for _, bl := range a.Blocks {
		fmt.Fprintf(&b, "%d/%d/%q/%q;", bl.Kind, bl.Level, bl.Text, bl.Section)
	}
	return b.String()
}

// TestReaderSkipProse checks SkipProse on the concatenated corpus and on
// hostile shapes: the same articles and errors, without Blocks.
func TestReaderSkipProse(t *testing.T) {
	input, _ := concatCorpus(t)
	for _, tc := range []struct{ name, in string }{
		{"corpus", string(input)},
		{"header then prose", "= T =\nT\nProse.\n== S ==\n- item\n"},
		{"heading first", "= T =\n== S ==\n- K: v\ntext\n"},
		{"bad bytes in prose", "= T =\nInfobox\n- K: v\n\nbad \xff here\n= U =\n\x00\n"},
		{"text before title", "junk\n= T =\n- K: v\n= =\nlost\n"},
		// Each article fills the memory of the one before, released.
		{"shapes in turn", "= A =\nInfobox\n- K: v\n- L: w\n- M: x\nText.\n- item\n= B =\nProse only.\n== S ==\n= C =\n- K: v\n= D =\n= E =\nH\n- K: \xff\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSkipProse(t, []byte(tc.in))
		})
	}
}

func TestReaderConcatenated(t *testing.T) {
	input, titles := concatCorpus(t)
	starts := lineStarts(input)
	arts, errs := readAll(t, NewReader(bytes.NewReader(input)), input)
	if len(arts) != 46 {
		t.Fatalf("got %d articles, want 46", len(arts))
	}
	line := 1
	for i, a := range arts {
		if errs[i] != nil {
			t.Errorf("%s: %v", a.Title, errs[i])
		}
		if a.Title != titles[i] {
			t.Errorf("article %d is %q, want %q", i, a.Title, titles[i])
		}
		if a.Pos.Line != line {
			t.Errorf("%s starts at line %d, want %d", a.Title, a.Pos.Line, line)
		}
		line += a.Lines
		checkArticle(t, input, starts, a)
	}
	if line != len(starts) {
		t.Errorf("articles span %d lines, want %d", line-1, len(starts)-1)
	}

	// Small buffers and one-byte reads take the long-line path for nearly
	// every line and must give the same articles.
	for _, size := range []int{16, 100} {
		r := newReaderSize(iotest.OneByteReader(bytes.NewReader(input)), size)
		small, _ := readAll(t, r, input)
		if len(small) != len(arts) {
			t.Fatalf("buffer %d: %d articles, want %d", size, len(small), len(arts))
		}
		for i := range arts {
			if !reflect.DeepEqual(small[i], arts[i]) {
				t.Errorf("buffer %d: article %q differs", size, arts[i].Title)
			}
		}
	}
}

func TestReaderCRLF(t *testing.T) {
	lf, _ := concatCorpus(t)
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	want, _ := readAll(t, NewReader(bytes.NewReader(lf)), lf)
	got, errs := readAll(t, NewReader(bytes.NewReader(crlf)), crlf)
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	starts := lineStarts(crlf)
	// shift moves an LF position to the CRLF input: one more byte per line
	// above.
	shift := func(p Pos) Pos { p.Offset += p.Line - 1; return p }
	for i, a := range got {
		w := want[i]
		if errs[i] != nil {
			t.Errorf("%s: %v", a.Title, errs[i])
		}
		if summary(a) != summary(w) {
			t.Errorf("%s: CRLF article differs:\n%s\nwant\n%s", a.Title, summary(a), summary(w))
			continue
		}
		checkArticle(t, crlf, starts, a)
		if a.Pos != shift(w.Pos) {
			t.Errorf("%s: Pos %+v, want %+v", a.Title, a.Pos, shift(w.Pos))
		}
		if a.Infobox != nil {
			if a.Infobox.Pos != shift(w.Infobox.Pos) {
				t.Errorf("%s: infobox Pos %+v, want %+v", a.Title, a.Infobox.Pos, shift(w.Infobox.Pos))
			}
			for j, f := range a.Infobox.Fields {
				wf := w.Infobox.Fields[j]
				if f.KeyPos != shift(wf.KeyPos) || f.ValuePos != shift(wf.ValuePos) {
					t.Errorf("%s: field %s at %+v %+v, want %+v %+v", a.Title, f.Key, f.KeyPos, f.ValuePos, shift(wf.KeyPos), shift(wf.ValuePos))
				}
			}
		}
		for j, b := range a.Blocks {
			if b.Pos != shift(w.Blocks[j].Pos) {
				t.Errorf("%s: block %d at %+v, want %+v", a.Title, j, b.Pos, shift(w.Blocks[j].Pos))
			}
		}
	}
}

func TestReaderBOM(t *testing.T) {
	plain := []byte("= T =\n\nInfobox\n- K: v\n\nText.\n")
	input := append([]byte("\uFEFF"), plain...)
	arts, errs := readAll(t, NewReader(bytes.NewReader(input)), input)
	if len(arts) != 1 || errs[0] != nil {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Title != "T" {
		t.Errorf("title %q", a.Title)
	}
	// Offsets count the BOM; so do columns on the first line, as go/scanner's.
	if a.Pos != (Pos{1, 4, 3}) {
		t.Errorf("Pos %+v, want 1:4 offset 3", a.Pos)
	}
	if f := a.Infobox.Fields[0]; f.KeyPos != (Pos{4, 3, 20}) {
		t.Errorf("KeyPos %+v", f.KeyPos)
	}
	checkArticle(t, input, lineStarts(input), a)

	// A BOM and blank lines before the title are no error; a BOM alone is
	// empty input.
	for _, s := range []string{"\uFEFF", "\uFEFF\n", "\uFEFF\r\n\n"} {
		if arts, errs := parseString(t, s); len(arts) != 0 {
			t.Errorf("%q: got %d results (%v), want none", s, len(arts), errs)
		}
	}
	if arts, errs := parseString(t, "\uFEFF\n\n= A =\n"); len(arts) != 1 || errs[0] != nil || arts[0].Pos != (Pos{3, 1, 5}) {
		t.Errorf("BOM and blank lines: %v %v", arts, errs)
	}
}

func TestReaderEmpty(t *testing.T) {
	for _, s := range []string{"", "\n", "\r\n", "  \n\t\n"} {
		r := NewReader(strings.NewReader(s))
		for range 3 {
			if a, err := r.Next(); a != nil || err != io.EOF {
				t.Errorf("%q: Next = %v, %v, want nil, io.EOF", s, a, err)
			}
		}
	}
}

func TestReaderIOError(t *testing.T) {
	boom := errors.New("boom")
	input := "= A =\ntext\n= B =\nmore text\n"
	// Fail after the first article and part of the second.
	src := io.MultiReader(strings.NewReader(input[:20]), iotest.ErrReader(boom))
	r := NewReader(src)
	a, err := r.Next()
	if err != nil || a == nil || a.Title != "A" {
		t.Fatalf("first Next = %v, %v", a, err)
	}
	for range 3 {
		if a, err := r.Next(); a != nil || !errors.Is(err, boom) {
			t.Errorf("Next = %v, %v, want nil, boom", a, err)
		}
	}
}

// xReader produces n bytes of 'x' without holding them.
type xReader struct{ n int }

func (x *xReader) Read(p []byte) (int, error) {
	if x.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), x.n)
	for i := range k {
		p[i] = 'x'
	}
	x.n -= k
	return k, nil
}

func TestReaderLongLine(t *testing.T) {
	const long = 5 << 20
	tests := []struct {
		name     string
		run      int
		after    string // rest of the long line
		wantKept int
	}{
		{"5MB", long, "", MaxLineLength},
		{"max and CR", MaxLineLength, "\r", MaxLineLength},
		{"max plus one", MaxLineLength + 1, "", MaxLineLength},
		{"cut before multibyte", MaxLineLength - 1, "é and more", MaxLineLength - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := "= Long =\n\n"
			tail := "\nnext line\n= After =\n"
			src := io.MultiReader(strings.NewReader(head), &xReader{tt.run}, strings.NewReader(tt.after+tail))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r := NewReader(src)
			a, err := r.Next()
			runtime.ReadMemStats(&after)
			if a == nil {
				t.Fatalf("no article: %v", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*MaxLineLength {
				t.Errorf("reading allocated %d bytes", alloc)
			}
			lineLen := tt.run + len(tt.after)
			if strings.HasSuffix(tt.after, "\r") {
				lineLen--
			}
			truncated := lineLen > MaxLineLength
			if len(a.Blocks) != 2 {
				t.Fatalf("%d blocks", len(a.Blocks))
			}
			if got := len(a.Blocks[0].Text); got != tt.wantKept {
				t.Errorf("kept %d bytes, want %d", got, tt.wantKept)
			}
			if !utf8.ValidString(a.Blocks[0].Text) {
				t.Errorf("kept text is not valid UTF-8")
			}
			pes := parseErrors(t, err)
			if truncated {
				if len(pes) != 1 || !errors.Is(pes[0], ErrLineTooLong) || pes[0].Line != 3 || pes[0].Column != tt.wantKept+1 {
					t.Errorf("errors %v, want line too long at 3:%d", pes, tt.wantKept+1)
				}
			} else if len(pes) != 0 {
				t.Errorf("errors %v, want none", pes)
			}
			next := a.Blocks[1]
			wantOff := len(head) + tt.run + len(tt.after) + 1
			if next.Text != "next line" || next.Pos != (Pos{4, 1, wantOff}) {
				t.Errorf("next block %q at %+v, want offset %d", next.Text, next.Pos, wantOff)
			}
			b, err := r.Next()
			if err != nil || b.Title != "After" || b.Pos != (Pos{5, 1, wantOff + len("next line\n")}) {
				t.Errorf("next article %+v, %v", b, err)
			}
		})
	}
}

// TestReaderLongLineSmallBuffer checks the long-line path with lines that do
// and do not fit a small buffer, against the default buffer.
func TestReaderLongLineSmallBuffer(t *testing.T) {
	input := []byte("= T =\r\nHeader that is long\r\n- A key that is long: and a value that is longer\r\n" +
		"x\r\n\r\n" + strings.Repeat("é", 40) + "\xff\r\n= U =\r")
	want, wantErrs := readAll(t, NewReader(bytes.NewReader(input)), input)
	for _, size := range []int{16, 17, 18, 19, 20, 33} {
		got, gotErrs := readAll(t, newReaderSize(bytes.NewReader(input), size), input)
		if !reflect.DeepEqual(got, want) || fmt.Sprint(gotErrs) != fmt.Sprint(wantErrs) {
			t.Errorf("buffer %d: got %v %v, want %v %v", size, got, gotErrs, want, wantErrs)
		}
	}
	if len(want) != 2 || want[1].Title != "U" {
		t.Fatalf("got %d articles", len(want))
	}
	pes := parseErrors(t, wantErrs[0])
	if len(pes) != 1 || pes[0].Line != 6 || pes[0].Column != 81 || !errors.Is(pes[0], ErrInvalidUTF8) {
		t.Errorf("errors %v", pes)
	}
	checkArticle(t, input, lineStarts(input), want[0])
}

func TestReaderFileName(t *testing.T) {
	r := NewReader(strings.NewReader("junk\n= A =\nbad\xff\n"))
	r.File = "in.txt"
	_, err := r.Next()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "in.txt" || pe.Line != 1 || !errors.Is(err, ErrTextBeforeTitle) {
		t.Errorf("error %v", err)
	}
	a, err := r.Next()
	if a == nil || a.File != "in.txt" || !errors.As(err, &pe) || pe.File != "in.txt" || pe.Line != 3 || pe.Column != 4 {
		t.Errorf("Next = %v, %v", a, err)
	}
}

func BenchmarkReader(b *testing.B) {
	input, _ := concatCorpus(b)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(input))
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// firstBadOracle is readerFirstBad as utf8.Valid and bytes.IndexByte, then
// a rune at a time, tell it.
func firstBadOracle(s []byte) int {
	if utf8.Valid(s) && bytes.IndexByte(s, 0) < 0 {
		return -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if s[i] == 0 || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// TestReaderFirstBad checks readerFirstBad against its oracle with a NUL,
// a byte past ASCII, an invalid byte or a truncated rune at every offset of
// lines shorter and longer than its blocks and words.
func TestReaderFirstBad(t *testing.T) {
	inserts := []string{"\x00", "é", "\xff", "\x80", "\xe2\x80", "中", "\U0001F600", "é\x00", "\xed\xa0\x80",
		// The edges of the two- and three-byte forms readerFirstBad
		// decodes itself: overlong forms, surrogates, bad last bytes.
		"\xc1\xbf", "\xc2\x80", "\xdf\xbf", "\xdf\xc0", "\xc3\x28", "\xe0\x9f\xbf", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xed\xbf\xbf", "\xee\x80\x80", "\xef\xbf\xbf", "\xe2\x28\xa1", "\xe2\x82\x28", "\xe1\xc0\x80"}
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 31, 32, 33, 40, 63, 64, 65, 100} {
		line := []byte(strings.Repeat("abcdefghij", 10)[:n])
		if got := readerFirstBad(line); got != -1 {
			t.Errorf("%q: %d, want -1", line, got)
		}
		for at := 0; at <= n; at++ {
			for _, ins := range inserts {
				s := append(append(append([]byte(nil), line[:at]...), ins...), line[at:]...)
				if got, want := readerFirstBad(s), firstBadOracle(s); got != want {
					t.Errorf("%q: %d, want %d", s, got, want)
				}
				for _, ins2 := range inserts {
					// A second insert after the first, past a rune that
					// may be valid.
					s2 := append(append([]byte(nil), s...), ins2...)
					if got, want := readerFirstBad(s2), firstBadOracle(s2); got != want {
						t.Errorf("%q: %d, want %d", s2, got, want)
					}
				}
			}
		}
	}
}

// TestReaderInternKeys reads articles with many infobox keys, some of
// them alike at their ends and in length: every key is read as written,
// and each is one string however often it repeats, past the cache of
// recent keys too.
func TestReaderInternKeys(t *testing.T) {
	var keys []string
	for i := range 300 {
		keys = append(keys, fmt.Sprintf("K%03dx", i), fmt.Sprintf("Key %d", i%40))
	}
	var in strings.Builder
	for a := range 50 {
		fmt.Fprintf(&in, "= Article %d =\n", a)
		for k := range 30 {
			fmt.Fprintf(&in, "- %s: v\n", keys[(a*37+k*11)%len(keys)])
		}
	}
	r := NewReader(strings.NewReader(in.String()))
	seen := map[string]*byte{}
	for a := 0; ; a++ {
		art, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for k, f := range art.Infobox.Fields {
			if want := keys[(a*37+k*11)%len(keys)]; f.Key != want {
				t.Fatalf("article %d field %d: key %q, want %q", a, k, f.Key, want)
			}
			if p, ok := seen[f.Key]; ok && p != unsafe.StringData(f.Key) {
				t.Fatalf("key %q read as two strings", f.Key)
			}
			seen[f.Key] = unsafe.StringData(f.Key)
		}
	}
	if r.recent == nil {
		t.Error("no cache of recent keys")
	}
}

// TestReaderWindow checks the lines cut from the buffered window, whose
// bytes are checked a window at a time, against readerFirstBad's oracle
// line by line: bad bytes before, in and after lines, and runes, valid or
// cut short, across the ends of windows of every size.
func TestReaderWindow(t *testing.T) {
	var b strings.Builder
	b.WriteString("= T =\n")
	bad := []string{"", "\x00", "é", "\xff", "\xe2\x80", "中", "\U0001F600", "\xed\xa0\x80", "\xe2\x80\r"}
	for i := range 120 {
		fmt.Fprintf(&b, "%s- K%d: v%s%s\n", bad[i%3], i, strings.Repeat("x", i%17), bad[i%len(bad)])
		if i%5 == 0 {
			b.WriteString("\r\n" + bad[i%len(bad)] + strings.Repeat("é", i%7) + "\r\n")
		}
		if i%40 == 39 {
			fmt.Fprintf(&b, "= U%d%s =\n", i, bad[i%len(bad)])
		}
	}
	input := []byte(b.String())
	var want []string
	for i, line := range bytes.Split(input, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if j := firstBadOracle(line); j >= 0 {
			err := ErrInvalidUTF8
			if line[j] == 0 {
				err = ErrNUL
			}
			want = append(want, errAt{err, i + 1, j + 1}.String())
		}
	}
	for _, size := range []int{16, 17, 19, 23, 31, 32, 33, 47, 64, 100, readerBufSize} {
		_, errs := readAll(t, newReaderSize(bytes.NewReader(input), size), input)
		var got []string
		for _, err := range errs {
			for _, pe := range parseErrors(t, err) {
				got = append(got, errAt{pe.Err, pe.Line, pe.Column}.String())
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("buffer %d: errors\n%v\nwant\n%v", size, got, want)
		}
	}
}

// TestTextSlab checks that the strings a textSlab hands out keep their
// bytes as chunks fill and new ones start, for short strings, strings
// that fill a chunk, and strings long enough to get their own.
func TestTextSlab(t *testing.T) {
	var s textSlab
	var got, want []string
	for i := range 3000 {
		// The first string of a chunk fills it, in turn, with each
		// length: the slab starts with the longest it keeps.
		n := []int{slabOwn - 1, 1, 7, 100, slabOwn, minSlabChunk, maxSlabChunk + 1}[i%7]
		b := bytes.Repeat([]byte{byte('a' + i%26)}, n)
		got = append(got, s.str(b))
		want = append(want, string(b))
		clear(b) // the slab keeps a copy, not b
	}
	if s.str(nil) != "" {
		t.Error(`str(nil) != ""`)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d changed: %.20q…, want %.20q…", i, got[i], want[i])
		}
	}
}

// TestReaderIsSpace checks readerIsSpace's bit mask on every byte.
func TestReaderIsSpace(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f'
		if got := readerIsSpace(b); got != want {
			t.Errorf("readerIsSpace(%q) = %v, want %v", b, got, want)
		}
	}
}
