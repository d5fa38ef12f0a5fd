package plainlang

import (
	"strings"
	"testing"
)

func TestIsEn(t *testing.T) {
	for _, c := range []struct {
		lang string
		want bool
	}{
		{En, true},
		{"en", false},
		{strings.Clone(En), false},
		{En[:1], false},
		{"", false},
	} {
		if got := IsEn(c.lang); got != c.want {
			t.Errorf("IsEn(%q) = %v, want %v", c.lang, got, c.want)
		}
	}
}
