package link

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// requireTool returns the path of an external command, skipping the test
// when it is missing unless WIKIKG_REQUIRE_TOOLS=1 (scripts/test.sh), which
// makes a missing tool a failure.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("WIKIKG_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s not found and WIKIKG_REQUIRE_TOOLS=1", name)
		}
		t.Skipf("%s not found (install it, or set WIKIKG_REQUIRE_TOOLS=1 to make this a failure)", name)
	}
	return p
}

// TestIndexBuildBzip2 compresses the fixture dump with the bzip2 command
// (Go has no bzip2 writer) and checks that the index built from the .bz2,
// recognised by its magic bytes, is the very file built from the plain
// JSON. The fixture is written twice over (the second copy with its own
// QIDs and names) as two concatenated bzip2 streams, as the parallel
// compressors write them, so the multi-stream case is read too.
func TestIndexBuildBzip2(t *testing.T) {
	bz := requireTool(t, "bzip2")
	raw, err := os.ReadFile("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	compress := func(b []byte) []byte {
		t.Helper()
		cmd := exec.Command(bz, "-c", "-9")
		cmd.Stdin = bytes.NewReader(b)
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("bzip2: %v: %s", err, stderr.Bytes())
		}
		if !bytes.HasPrefix(out.Bytes(), []byte("BZh")) {
			t.Fatalf("bzip2 wrote no bzip2 stream: % x", out.Bytes()[:min(8, out.Len())])
		}
		return out.Bytes()
	}
	two := repeatDump(raw, 2)
	// Split the two-copy dump between its copies (at a line boundary) and
	// compress each half on its own.
	half := bytes.Index(two, []byte("\n{\"type\":\"item\",\"id\":\"Q9001"))
	if half < 0 {
		t.Fatal("no second copy in the repeated dump")
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		plain []byte
		bz    []byte
		items int
	}{
		{"one stream", raw, compress(raw), 41},
		{"two streams", two, append(compress(two[:half+1]), compress(two[half+1:])...), 82},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := t.TempDir()
			plain := filepath.Join(sub, "dump.json")
			// A misleading name: the reader goes by the bytes.
			bzPath := filepath.Join(sub, "dump.json.bz2.data")
			if err := os.WriteFile(plain, tc.plain, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(bzPath, tc.bz, 0o644); err != nil {
				t.Fatal(err)
			}
			build := func(dump string) []byte {
				t.Helper()
				idx := dump + ".idx"
				read, kept, err := BuildIndex(ctx, dump, idx, 0, DumpOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if read != tc.items || kept != tc.items {
					t.Fatalf("%s: read %d kept %d, want %d", filepath.Base(dump), read, kept, tc.items)
				}
				b, err := os.ReadFile(idx)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			want, got := build(plain), build(bzPath)
			if !bytes.Equal(got, want) {
				t.Errorf("index from .bz2 (%d bytes) differs from the one from .json (%d bytes)", len(got), len(want))
			}
			ix, err := OpenIndex(bzPath + ".idx")
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if it, err := ix.Title("Siege of Pyongyang (1593)"); err != nil || it == nil || it.ID != "Q900000006" {
				t.Errorf("Title from the .bz2 index: %+v, %v", it, err)
			}
		})
	}
}
