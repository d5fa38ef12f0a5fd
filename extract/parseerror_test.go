package extract

import (
	"errors"
	"testing"
)

// TestParseErrorWithoutPosition is a regression test: an error about a
// whole file (a truncated gzip) printed as "f.gz:0:0: unexpected EOF".
func TestParseErrorWithoutPosition(t *testing.T) {
	for _, tc := range []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{File: "f.gz", Err: errors.New("unexpected EOF")}, "f.gz: unexpected EOF"},
		{&ParseError{File: "f.txt", Line: 3, Column: 4, Err: ErrNUL}, "f.txt:3:4: NUL byte"},
		{&ParseError{Line: 3, Column: 4, Err: ErrNUL}, "3:4: NUL byte"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
