// Package extract reads articles in wikikg's flattened plain-text format and
// turns their infoboxes and prose into RDF facts.
package extract

import (
	"fmt"
	"sort"
	"sync"
)

// Pos is a position in an input file: 1-based line and column (in bytes, as
// go/scanner counts them), and the 0-based byte offset from the file's start.
type Pos struct {
	Line, Column, Offset int
}

// String returns "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Field is one "- Key: Value" line of an infobox.
type Field struct {
	Key   string
	Value string
	// KeyPos is where the key starts, ValuePos where the value starts (the
	// first byte after ": " and any spaces).
	KeyPos, ValuePos Pos
}

// Infobox is the block of fields right after an article's title.
type Infobox struct {
	// Header is the line above the fields: "Infobox", the subject's name
	// (perhaps with native script or dangling commas), or template junk.
	Header string
	Pos    Pos
	Fields []Field
}

// BlockKind tells what a Block of prose is.
type BlockKind uint8

// The kinds of prose block.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
)

// Block is a paragraph, a section heading or a list item of prose.
type Block struct {
	Kind BlockKind
	// Level is the heading level (2 for ==X==, 3 for ===X===) or the list
	// nesting depth (1 for "- ", 2 for "  - ").
	Level int
	// Text is the block's text without heading marks or list bullets, trimmed.
	Text string
	// Pos is where Text starts.
	Pos Pos
	// Section is the text of the nearest heading above the block, "" before
	// the first one.
	Section string
}

// Article is one article read from input.
type Article struct {
	// File is the name the Reader was given, for provenance and errors.
	File string
	// Title is the text between the "= " and " =" of the title line.
	Title string
	// Pos is where the title line starts.
	Pos Pos
	// Infobox is nil when the article has none.
	Infobox *Infobox
	Blocks  []Block
	// Lines is the number of lines the article spans in its file.
	Lines int
}

// articlePool holds released Articles, whose Infobox, Fields and Blocks a
// Reader fills again rather than allocate them for every article.
var articlePool = sync.Pool{New: func() any { return new(Article) }}

// Release gives a's memory back for reuse by a Reader once the caller is
// done with it: neither a nor its Infobox, Fields or Blocks may be used
// after. Strings taken from them stay valid. Calling Release is optional.
func (a *Article) Release() {
	ib := a.Infobox
	if ib != nil {
		clear(ib.Fields)
		*ib = Infobox{Fields: ib.Fields[:0]}
	}
	// Cleared so that the pooled memory pins none of the article's text.
	clear(a.Blocks)
	*a = Article{Infobox: ib, Blocks: a.Blocks[:0]}
	articlePool.Put(a)
}

// ParseError is an error about input at a position, as encoding/csv's.
type ParseError struct {
	File   string
	Line   int
	Column int
	Err    error
}

func (e *ParseError) Error() string {
	if e.Line == 0 && e.File != "" {
		// An error about a whole file (it could not be read on) has no
		// position to print.
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is a list of ParseErrors, sorted by position as go/scanner's.
type ErrorList []*ParseError

// Add appends an error at pos.
func (l *ErrorList) Add(file string, pos Pos, err error) {
	*l = append(*l, &ParseError{File: file, Line: pos.Line, Column: pos.Column, Err: err})
}

// Sort sorts the list by file, line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the list's errors, so errors.As finds a *ParseError in it.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
