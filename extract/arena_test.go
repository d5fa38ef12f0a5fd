package extract

import (
	"strconv"
	"strings"
	"testing"
)

// TestKeyArena checks that the strings a keyArena hands out keep their
// bytes as later ones fill its chunk and start new ones, up to a reset.
func TestKeyArena(t *testing.T) {
	var a keyArena
	for round := 0; round < 3; round++ {
		var got, want []string
		for i := 0; i < 2000; i++ {
			w := strings.Repeat(strconv.Itoa(i), 1+i%7)
			if i == 1000 {
				w = strings.Repeat("x", maxKeyArena+1) // larger than a chunk
			}
			want = append(want, w)
			got = append(got, a.str([]byte(w)))
		}
		if s := a.str(nil); s != "" {
			t.Errorf("str(nil) = %q", s)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("round %d: string %d = %.20q, want %.20q", round, i, got[i], want[i])
			}
		}
		a.reset()
		if cap(a.buf) > maxKeyArena {
			t.Errorf("reset kept a chunk of %d bytes", cap(a.buf))
		}
	}
}
