package rdfio

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/rdf"
)

// FuzzLineDecoder checks that any input decodes without a panic, that every
// statement accepted is valid RDF once the checker's term checks pass, and
// that an accepted statement written back as N-Quads decodes to itself.
func FuzzLineDecoder(f *testing.F) {
	for _, s := range []string{
		"<http://a/s> <http://a/p> \"x\"@en .\n",
		"<http://a/s> <http://a/p> \"2020-02-30\"^^<http://www.w3.org/2001/XMLSchema#date> <http://a/g> .\n",
		"_:b1 <http://a/p> _:b2 .\n# comment\n\n",
		"<http://a/s> <http://a/p> \"\\ud800\" .\n",
		"<http://a/s> <http://a/p> \"a\"@en_US .\n",
		"<s> <p> \"\\\"\\\\\\n\" .",
		"_:a.. <http://a/p> _:b. .\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewLineDecoder(bytes.NewReader(data), true)
		for i := 0; i < 10000; i++ {
			q, err := d.Decode()
			if err == io.EOF {
				return
			}
			var se *SyntaxError
			if errors.As(err, &se) {
				if se.Line < 1 || se.Column < 1 {
					t.Fatalf("bad position %d:%d", se.Line, se.Column)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if q.Validate() != nil {
				continue
			}
			var b strings.Builder
			rdf.AppendNTriples(&b, q.S)
			b.WriteByte(' ')
			rdf.AppendNTriples(&b, q.P)
			b.WriteByte(' ')
			rdf.AppendNTriples(&b, q.O)
			if !q.G.IsZero() {
				b.WriteByte(' ')
				rdf.AppendNTriples(&b, q.G)
			}
			b.WriteString(" .\n")
			back, err := NewLineDecoder(strings.NewReader(b.String()), true).Decode()
			if err != nil {
				t.Fatalf("%q: written back as %q: %v", data, b.String(), err)
			}
			if q.O.Lang != "" {
				q.O.Lang = strings.ToLower(q.O.Lang)
				back.O.Lang = strings.ToLower(back.O.Lang)
			}
			if back != q {
				t.Fatalf("round trip: %#v became %#v", q, back)
			}
		}
	})
}
