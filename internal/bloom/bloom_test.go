package bloom

import (
	"strconv"
	"testing"
)

func TestFilter(t *testing.T) {
	for _, n := range []int{1, 10, 1000, 100000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			f := New(n)
			if f.Cap() < n {
				t.Fatalf("Cap %d, want at least %d", f.Cap(), n)
			}
			for i := range n {
				f.Add("name " + strconv.Itoa(i))
			}
			if f.Len() != n {
				t.Errorf("Len %d, want %d", f.Len(), n)
			}
			for i := range n {
				if s := "name " + strconv.Itoa(i); !f.MayContain(s) {
					t.Fatalf("%q added but absent", s)
				}
			}
			// Absent strings: about 1% pass at capacity; a broken probe
			// (all bits in one place, too few bits) lets far more through.
			const absent = 100000
			passed := 0
			for i := range absent {
				if f.MayContain("other " + strconv.Itoa(i)) {
					passed++
				}
			}
			rate := float64(passed) / absent
			t.Logf("%d strings: %.2f%% of absent strings pass", n, 100*rate)
			if n >= 1000 && rate > 0.03 {
				t.Errorf("%.2f%% of absent strings pass, want under 3%%", 100*rate)
			}
		})
	}
}

func TestZeroFilter(t *testing.T) {
	var f Filter
	f.Add("a")
	if !f.MayContain("b") || f.Len() != 0 {
		t.Errorf("zero Filter filters: MayContain %v, Len %d", f.MayContain("b"), f.Len())
	}
}

func BenchmarkMayContain(b *testing.B) {
	const n = 1 << 20
	f := New(n)
	keys := make([]string, 4096)
	for i := range n {
		s := "Battle of Place " + strconv.Itoa(i)
		f.Add(s)
		if i < len(keys) {
			keys[i] = "Siege of Place " + strconv.Itoa(i)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.MayContain(keys[i%len(keys)])
	}
}

// TestHashStable pins the hash: a filter answers the same in every
// process, so a change of hash is a change of every false positive.
func TestHashStable(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want uint64
	}{
		{"", 0x8719a11b60a8cd23},
		{"a", 0x9ef7b25dd677eebc},
		{"siege of pyongyang", 0x9b7a7ce6480e0b53},
		{"katō kiyomasa", 0xc8fdbd2cec8bbfc0},
	} {
		if got := Hash(tc.s); got != tc.want {
			t.Errorf("Hash(%q) = %#x, want %#x", tc.s, got, tc.want)
		}
	}
}

// TestHashLowerASCII checks HashLowerASCII against Hash of the lower-cased
// string, for every ASCII byte in every position of a word and the tail.
func TestHashLowerASCII(t *testing.T) {
	check := func(s string) {
		t.Helper()
		lower := []byte(s)
		for i, c := range lower {
			if 'A' <= c && c <= 'Z' {
				lower[i] = c + 'a' - 'A'
			}
		}
		if got, want := HashLowerASCII(s), Hash(string(lower)); got != want {
			t.Fatalf("HashLowerASCII(%q) = %#x, want Hash(%q) = %#x", s, got, lower, want)
		}
	}
	for _, s := range []string{"", "A", "Siege of Pyongyang", "SIEGE OF PYONGYANG", "@[`{ AZaz09\x7f\x00"} {
		check(s)
	}
	for c := range 0x80 {
		for _, n := range []int{1, 7, 8, 9, 16, 23} {
			for i := 0; i < n; i++ {
				b := []byte("Ab@Z[z`{" + "Yy^_ Kk0" + "Qq\x7f\x01Aa Z")[:n]
				b[i] = byte(c)
				check(string(b))
			}
		}
	}
}
