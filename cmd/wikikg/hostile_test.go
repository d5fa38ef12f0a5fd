package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/validate"
)

const hostileDir = "../../testdata/hostile"

// companion is a good article built in every hostile run, to show that bad
// input never costs the other articles.
const companion = "= Companion Article =\n\nInfobox\n- Birth Date: 2 June 1560\n\nCompanion Article was a person.\n"

// hostileCase is one hostile input and the behaviour the user gets.
type hostileCase struct {
	name string
	// file is an input under testdata/hostile; gen, when set, makes the
	// input in dir instead (for inputs too big to commit, or links).
	file string
	gen  func(t *testing.T, dir string) string
	// code is the exit status; errs the lines expected on stderr, "FILE"
	// standing for the input's path.
	code int
	errs []string
	// readerErr, when set, is the error the article reader reports, at
	// line:col pos, checked with errors.As.
	readerErr error
	pos       string
	// labels are labels the output must hold besides the companion's.
	labels []string
	// maxHeap bounds the heap in use during the run, when set.
	maxHeap uint64
}

var hostileCases = []hostileCase{
	{name: "invalid UTF-8 in title, key and value", file: "invalid-utf8.txt", code: exitInput,
		errs:      []string{"FILE:9:7: invalid UTF-8", "FILE:12:5: invalid UTF-8", "FILE:13:26: invalid UTF-8"},
		readerErr: extract.ErrInvalidUTF8, pos: "9:7", labels: []string{"Good Article", "Other Article"}},
	{name: "NUL bytes", file: "nul.txt", code: exitInput,
		errs:      []string{"FILE:9:6: NUL byte", "FILE:12:8: NUL byte"},
		readerErr: extract.ErrNUL, pos: "9:6", labels: []string{"Good Article", "Other Article"}},
	{name: "50 MB line", gen: genLongLine, code: exitInput,
		errs:      []string{"FILE:5:1048577: line too long, truncated"},
		readerErr: extract.ErrLineTooLong, pos: "5:1048577", labels: []string{"After Long"}, maxHeap: 256 << 20},
	{name: "empty file", file: "empty.txt", code: exitOK},
	{name: "binary PNG", file: "png.txt", code: exitInput,
		errs: []string{"FILE:1:1: text before the first article title"}, readerErr: extract.ErrTextBeforeTitle, pos: "1:1"},
	{name: "truncated gzip", file: "truncated.txt.gz", code: exitInput,
		errs: []string{"FILE: unexpected EOF"}, readerErr: io.ErrUnexpectedEOF},
	{name: "empty title", file: "empty-title.txt", code: exitInput,
		errs:      []string{"FILE:1:1: empty article title", "FILE:6:1: empty article title"},
		readerErr: extract.ErrEmptyTitle, pos: "1:1", labels: []string{"Good Article"}},
	{name: "infobox of 100000 keys", gen: genManyKeys, code: exitOK, labels: []string{"Many Keys"}},
	{name: "values injecting Turtle and JSON", file: "inject.txt", code: exitOK,
		labels: []string{`Inject \" \"\"\" > \\ } Title`, "Good Article"}},
	{name: "unpaired surrogates in JSON Lines", file: "surrogates.jsonl", code: exitOK,
		labels: []string{"Surrogate \uFFFD Title", "Json Good"}},
	{name: "file name with spaces and non-ASCII", file: "name with spaces é 名.txt", code: exitOK,
		labels: []string{"Good Article", "name with spaces é 名.txt"}},
	{name: "same title twice", file: "twice.txt", code: exitOK, labels: []string{"Good Article"}},
	{name: "directory loop", gen: genLoop, code: exitOK, labels: []string{"Looped Article"}},
	{name: "bzip2 bomb", file: "bomb.txt.bz2", code: exitInput,
		errs: []string{"FILE: compressed input expands more than 200 to 1"}, readerErr: input.ErrBomb},
}

func genLongLine(t *testing.T, dir string) string {
	path := filepath.Join(dir, "long.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprint(f, "= Long =\n\nInfobox\n- Birth Date: 1 May 1550\n- Birth Place: ")
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for i := 0; i < 50; i++ {
		f.Write(chunk)
	}
	fmt.Fprint(f, "\n\nText.\n\n= After Long =\n\nAfter Long was a person.\n")
	return path
}

func genManyKeys(t *testing.T, dir string) string {
	var b strings.Builder
	b.WriteString("= Many Keys =\n\nInfobox\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, "- Key%d: value %d\n", i, i)
	}
	b.WriteString("\nText.\n")
	path := filepath.Join(dir, "keys.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// genLoop makes a directory holding an article and a link to itself.
func genLoop(t *testing.T, dir string) string {
	loop := filepath.Join(dir, "loop")
	if err := os.Mkdir(loop, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(loop, "a.txt"), []byte("= Looped Article =\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(loop, "self")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink(loop, filepath.Join(loop, "self.txt")); err != nil {
		t.Fatal(err)
	}
	return loop
}

// runBounded runs wikikg with args within limit, sampling the heap; it
// fails the test on a hang.
func runBounded(t *testing.T, limit time.Duration, args ...string) (code int, stderr string, peak uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	done := make(chan struct{})
	var errBuf bytes.Buffer
	go func() {
		defer close(done)
		code = Run(args, nil, io.Discard, &errBuf)
	}()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var ms runtime.MemStats
	for {
		select {
		case <-done:
			return code, errBuf.String(), peak
		case <-tick.C:
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		case <-ctx.Done():
			t.Fatalf("wikikg %s: no answer within %v", strings.Join(args, " "), limit)
		}
	}
}

// optionalTool returns the path of an external tool, or "" when it is not
// installed; with WIKIKG_REQUIRE_TOOLS=1 a missing tool fails the test.
func optionalTool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("WIKIKG_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required but not installed", name)
		}
		return ""
	}
	return p
}

// TestHostile builds each hostile input next to a good article: no crash,
// no hang, bounded memory, a clear error with its position on stderr and
// from the reader, every other article still written, and output that our
// validator and rapper accept.
func TestHostile(t *testing.T) {
	rapper := optionalTool(t, "rapper")
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(hostileDir, tc.file)
			if tc.gen != nil {
				path = tc.gen(t, dir)
			}
			good := filepath.Join(dir, "companion.txt")
			if err := os.WriteFile(good, []byte(companion), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, ext := range []string{"nt", "ttl"} {
				out := filepath.Join(dir, "out."+ext)
				code, stderr, peak := runBounded(t, 2*time.Minute, "build", "-q", "--workers", "2", "-o", out, path, good)
				if code != tc.code {
					t.Fatalf("exit %d, want %d\n%s", code, tc.code, stderr)
				}
				for _, want := range tc.errs {
					if want = strings.ReplaceAll(want, "FILE", path); !strings.Contains(stderr, want) {
						t.Errorf("stderr lacks %q:\n%s", want, stderr)
					}
				}
				if tc.code == exitOK && stderr != "" {
					t.Errorf("stderr: %s", stderr)
				}
				if tc.maxHeap > 0 && peak > tc.maxHeap {
					t.Errorf("heap in use reached %d MB, want at most %d MB", peak>>20, tc.maxHeap>>20)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if ext == "nt" {
					for _, l := range append(tc.labels, "Companion Article") {
						if !bytes.Contains(data, []byte(l)) {
							t.Errorf("output lacks %q", l)
						}
					}
				}
				rep, err := validate.File(out, "", "")
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range rep.Violations {
					t.Errorf("%s: %v", ext, v)
				}
				if rapper != "" {
					syntax := map[string]string{"nt": "ntriples", "ttl": "turtle"}[ext]
					cmd := exec.Command(rapper, "-i", syntax, "-c", out)
					var rerr bytes.Buffer
					cmd.Stderr = &rerr
					if err := cmd.Run(); err != nil || strings.Contains(rerr.String(), "Warning") || strings.Contains(rerr.String(), "Error") {
						t.Errorf("rapper %s: %v\n%s", ext, err, rerr.String())
					}
				}
			}
			if tc.readerErr != nil {
				checkReaderError(t, path, tc.readerErr, tc.pos)
			}
		})
	}
}

// checkReaderError reads path as build does and requires the error want,
// found with errors.As, at pos (line:col) when pos is set.
func checkReaderError(t *testing.T, path string, want error, pos string) {
	t.Helper()
	src := input.Source{Name: path, Path: path}
	rc, err := src.Open(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	rd := input.NewArticleReader(rc, path, input.Auto)
	for i := 0; i < 1000; i++ {
		_, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err == nil {
			continue
		}
		var list extract.ErrorList
		var pe *extract.ParseError
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				if errors.Is(e, want) && (pos == "" || fmt.Sprintf("%d:%d", e.Line, e.Column) == pos) {
					return
				}
			}
		case errors.As(err, &pe):
			if errors.Is(pe, want) && (pos == "" || fmt.Sprintf("%d:%d", pe.Line, pe.Column) == pos) {
				return
			}
		case errors.Is(err, want):
			// An error reading the file on, which build reports for the
			// whole file.
			return
		default:
			t.Fatalf("reader error %v is neither a ParseError nor %v", err, want)
		}
	}
	t.Errorf("the reader reported no %v at %s", want, pos)
}
