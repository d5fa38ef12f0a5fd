package rdfio

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/wikikg/wikikg/export"
	"github.com/wikikg/wikikg/rdf"
)

func TestLineDecoder(t *testing.T) {
	tests := []struct {
		name, in string
		want     rdf.Quad
	}{
		{"iri", "<http://a/s> <http://a/p> <http://a/o> .", rdf.Quad{S: rdf.IRI("http://a/s"), P: rdf.IRI("http://a/p"), O: rdf.IRI("http://a/o")}},
		{"lang", `<http://a/s> <http://a/p> "Kim Myŏngwŏn"@EN .`, rdf.Quad{S: rdf.IRI("http://a/s"), P: rdf.IRI("http://a/p"), O: rdf.Term{Kind: rdf.KindLiteral, Value: "Kim Myŏngwŏn", Datatype: rdf.RDFLangString, Lang: "EN"}}},
		{"typed", `_:b1 <http://a/p> "1592"^^<http://www.w3.org/2001/XMLSchema#gYear> <http://a/g> .`, rdf.Quad{S: rdf.Blank("b1"), P: rdf.IRI("http://a/p"), O: rdf.Typed("1592", rdf.XSDGYear), G: rdf.IRI("http://a/g")}},
		{"escapes", `<http://a/s> <http://a/p> "x\" . <http://evil> \u00E9\n\\" .`, rdf.Quad{S: rdf.IRI("http://a/s"), P: rdf.IRI("http://a/p"), O: rdf.String("x\" . <http://evil> é\n\\")}},
		{"iri escape", `<http://a/\u00E9> <http://a/p> "v" . # comment`, rdf.Quad{S: rdf.IRI("http://a/é"), P: rdf.IRI("http://a/p"), O: rdf.String("v")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := NewLineDecoder(strings.NewReader(tt.in), true).Decode()
			if err != nil || q != tt.want {
				t.Errorf("Decode = %+v, %v; want %+v", q, err, tt.want)
			}
		})
	}
}

// TestLineDecoderErrors checks syntax errors and their positions. Term
// validity (a relative IRI, a bad language tag's case) is not the parser's
// business but rdf.Term.Validate's, which the validator applies.
func TestLineDecoderErrors(t *testing.T) {
	tests := []struct {
		name, in string
		col      int
	}{
		{"no dot", `<http://a/s> <http://a/p> "v"`, 30},
		{"literal subject", `"s" <http://a/p> "v" .`, 1},
		{"bad escape", `<http://a/s> <http://a/p> "\q" .`, 28},
		{"bad lang", `<http://a/s> <http://a/p> "v"@en_US .`, 33},
		{"trailing", `<http://a/s> <http://a/p> "v" . x`, 33},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewLineDecoder(strings.NewReader("\n"+tt.in+"\n<http://a/s> <http://a/p> <http://a/o> .\n"), true)
			_, err := d.Decode()
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line != 2 || se.Column != tt.col {
				t.Fatalf("err = %v, want a SyntaxError at 2:%d", err, tt.col)
			}
			if _, err := d.Decode(); err != nil {
				t.Errorf("the decoder did not go on after a bad line: %v", err)
			}
			if _, err := d.Decode(); err != io.EOF {
				t.Errorf("want EOF, got %v", err)
			}
		})
	}
}

// FuzzEncodeDecode checks that any statement our N-Quads encoder writes
// decodes to the same quad, and that no input makes the decoder panic.
func FuzzEncodeDecode(f *testing.F) {
	f.Add("http://a/s", "Kim \"x\" \n", "en", "<http://a/s> <http://a/p> \"v\" .")
	f.Fuzz(func(t *testing.T, iri, lex, lang, line string) {
		NewLineDecoder(strings.NewReader(line), true).Decode()
		q := rdf.Quad{S: rdf.IRI(iri), P: rdf.IRI("http://a/p"), O: rdf.LangString(lex, lang), G: rdf.IRI("http://a/g")}
		if lang == "" {
			q.O = rdf.String(lex)
		}
		if q.Validate() != nil {
			return
		}
		var b strings.Builder
		enc := export.NewNQuadsEncoder(&b)
		if err := enc.Encode(q); err != nil {
			return
		}
		enc.Close()
		got, err := NewLineDecoder(strings.NewReader(b.String()), true).Decode()
		if err != nil || got != q {
			t.Fatalf("round trip of %+v via %q: %+v, %v", q, b.String(), got, err)
		}
	})
}
