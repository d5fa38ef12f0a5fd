package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.ttl")
	if err := Write(p, []byte("whole")); err != nil {
		t.Fatal(err)
	}
	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	f.Abort()
	if b, _ := os.ReadFile(p); string(b) != "whole" {
		t.Errorf("an aborted write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", info.Mode())
	}
}

// TestWriteBehind writes a file of several writeBehind spans in uneven
// pieces, by Write and WriteString, and checks that writing to disk was
// asked for span by span and that the file committed holds every byte.
func TestWriteBehind(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.nq")
	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	var want []byte
	piece := make([]byte, 1<<20+7)
	for i := 0; len(want) < 3*writeBehind+5; i++ {
		for j := range piece {
			piece[j] = byte('a' + (i+j)%26)
		}
		if i%2 == 0 {
			_, err = f.Write(piece)
		} else {
			_, err = f.WriteString(string(piece))
		}
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, piece...)
		if f.written != int64(len(want)) {
			t.Fatalf("written %d after %d bytes", f.written, len(want))
		}
		if waiting := f.written - f.started; waiting < 0 || waiting >= writeBehind {
			t.Fatalf("after %d bytes, %d wait unasked (started %d)", len(want), waiting, f.started)
		}
	}
	if f.started < 3*writeBehind {
		t.Errorf("writing asked for %d bytes of %d", f.started, len(want))
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the file differs from the %d bytes written (%d bytes)", len(want), len(got))
	}
}
