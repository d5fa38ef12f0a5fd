package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wikikg/wikikg/extract"
)

// Format is an input format.
type Format string

// The input formats.
const (
	Auto  Format = ""
	Text  Format = "text"
	JSONL Format = "jsonl"
)

// ParseFormat returns the input format named s: "auto" (or ""), "text" or
// "jsonl".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "text", "txt":
		return Text, nil
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown input format %q (want auto, text or jsonl)", s)
}

// ArticleReader yields articles one at a time, io.EOF at the end. As with
// extract.Reader, an error about one article (an extract.ErrorList or
// *extract.ParseError) does not stop the reader: call Next again.
type ArticleReader interface {
	Next() (*extract.Article, error)
}

// NewArticleReader returns a reader of the articles in r, named name in
// errors. With Auto, the format is detected from the content: a stream whose
// first non-blank byte is '{' is JSON Lines, anything else flattened text.
func NewArticleReader(r io.Reader, name string, f Format) ArticleReader {
	return newArticleReader(r, name, f, false)
}

// NewInfoboxReader is NewArticleReader for a pass that needs titles and
// infoboxes only: its articles have no Blocks, which saves the cost of
// the prose. It finds the same articles and errors.
func NewInfoboxReader(r io.Reader, name string, f Format) ArticleReader {
	return newArticleReader(r, name, f, true)
}

func newArticleReader(r io.Reader, name string, f Format, skipProse bool) ArticleReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if f == Auto {
		f = Text
		if head, _ := br.Peek(4096); firstNonSpace(head) == '{' {
			f = JSONL
		}
	}
	if f == JSONL {
		return &jsonlReader{br: br, name: name, skipProse: skipProse}
	}
	rd := extract.NewReader(br)
	rd.File = name
	rd.SkipProse = skipProse
	return rd
}

func firstNonSpace(b []byte) byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// jsonlReader reads JSON Lines with "title" and "text" fields, the shape most
// article dumps are converted to. Each record's text is read as an article
// in the flattened format under a title line made from its title; positions
// in errors are "FILE[LINE]:line:col", the record's line in the file, then
// the position inside its text.
type jsonlReader struct {
	br        *bufio.Reader
	name      string
	skipProse bool
	line      int
	pending   []*extract.Article
	err       error
}

// maxRecord bounds one JSON Lines record, so a corrupt file cannot exhaust
// memory.
const maxRecord = 64 << 20

// ErrRecordTooLong is the error for a JSON Lines record over 64 MiB.
var ErrRecordTooLong = errors.New("JSON Lines record longer than 64 MiB")

type record struct {
	Title *string `json:"title"`
	Text  *string `json:"text"`
}

func (j *jsonlReader) Next() (*extract.Article, error) {
	for {
		if len(j.pending) > 0 {
			a := j.pending[0]
			j.pending = j.pending[1:]
			return a, nil
		}
		if j.err != nil {
			return nil, j.err
		}
		line, err := j.readLine()
		if err == ErrRecordTooLong {
			return nil, &extract.ParseError{File: j.name, Line: j.line, Column: 1, Err: err}
		}
		if err != nil {
			j.err = err
			if err != io.EOF {
				return nil, &extract.ParseError{File: j.name, Line: j.line, Column: 1, Err: err}
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec record
		if err := json.Unmarshal(line, &rec); err != nil {
			col := 1
			var se *json.SyntaxError
			if errors.As(err, &se) {
				col = int(se.Offset)
			}
			return nil, &extract.ParseError{File: j.name, Line: j.line, Column: col, Err: fmt.Errorf("JSON Lines record: %w", err)}
		}
		if rec.Title == nil || rec.Text == nil {
			return nil, &extract.ParseError{File: j.name, Line: j.line, Column: 1, Err: errors.New(`JSON Lines record needs "title" and "text" strings`)}
		}
		title := strings.Join(strings.Fields(*rec.Title), " ")
		doc := "= " + title + " =\n" + *rec.Text
		rd := extract.NewReader(strings.NewReader(doc))
		rd.File = fmt.Sprintf("%s[%d]", j.name, j.line)
		rd.SkipProse = j.skipProse
		var errs extract.ErrorList
		for {
			a, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var list extract.ErrorList
				if errors.As(err, &list) {
					errs = append(errs, list...)
				} else {
					var pe *extract.ParseError
					if errors.As(err, &pe) {
						errs = append(errs, pe)
					}
				}
			}
			if a != nil && len(j.pending) == 0 {
				// A record is one article: lines of its text that look
				// like title lines do not start another.
				j.pending = append(j.pending, a)
			}
		}
		if len(errs) > 0 {
			j.pending = nil
			return nil, errs
		}
	}
}

func (j *jsonlReader) readLine() ([]byte, error) {
	j.line++
	var buf []byte
	for {
		chunk, err := j.br.ReadSlice('\n')
		if len(buf)+len(chunk) > maxRecord {
			// Skip the rest of the record.
			for err == bufio.ErrBufferFull {
				_, err = j.br.ReadSlice('\n')
			}
			return nil, ErrRecordTooLong
		}
		buf = append(buf, chunk...)
		switch err {
		case nil:
			return buf, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(buf) > 0 {
				return buf, nil
			}
			return nil, io.EOF
		default:
			return nil, err
		}
	}
}
