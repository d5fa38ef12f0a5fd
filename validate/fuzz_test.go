package validate

import (
	"bytes"
	"testing"
)

// FuzzChecker checks that the checker never panics or hangs on any N-Quads
// or TriG input.
func FuzzChecker(f *testing.F) {
	f.Add([]byte("<https://w3id.org/wikikg/resource/A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/wikikg/ontology#Person> .\n"), false)
	f.Add([]byte("@prefix res: <https://w3id.org/wikikg/resource/> .\nres:G { res:A a res:B . }\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, trig bool) {
		c := NewChecker("")
		format := NQuads
		if trig {
			format = TriG
		}
		if err := c.Read(bytes.NewReader(data), format); err != nil {
			t.Fatal(err)
		}
		c.Finish()
	})
}

// FuzzTurtle checks that no Turtle input makes the validator panic: the
// decoder is knakk/rdf's, whose lexer runs in its own goroutine, where a
// panic cannot be recovered and ends the process.
func FuzzTurtle(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(".0\n"))
	f.Add([]byte("@prefix x: <http://a/> .\nx:a x:b .5, \"\"\"\n.5\"\"\" ; x:c [ x:d ( 1 2 ) ] .\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewChecker("")
		if err := c.Read(bytes.NewReader(data), Turtle); err != nil {
			t.Fatal(err)
		}
		c.Finish()
	})
}
