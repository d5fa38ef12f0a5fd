// Package plainlang marks the literals whose value a writer may copy
// without escaping: the labels of names that extract minted, whose bytes
// it checked as it minted them (valid UTF-8, no control character, quote
// or backslash). The mark is the language tag itself, "en" in a string of
// its own, so it costs a literal nothing, and being internal it is a
// promise between wikikg's packages, not one its users can make.
package plainlang

import (
	"strings"
	"unsafe"
)

// En is the language tag "en" in a string of its own. A literal whose
// Lang is this very string, not merely one equal to it, promises that its
// value needs no escape in N-Triples.
var En = strings.Clone("en")

// IsEn reports whether lang is En itself.
func IsEn(lang string) bool {
	return unsafe.StringData(lang) == unsafe.StringData(En) && len(lang) == len(En)
}
