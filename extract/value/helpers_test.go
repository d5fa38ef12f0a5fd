package value

// The helpers below are the plain forms that the tests compare the
// package's faster code with.

// tidyClean reports, in one pass, that tidySpacing would return s as it is:
// that s has no white space but single spaces, no space before
// punctuation or after an opening bracket, no bracket empty but for
// separators and no doubled separator.
func tidyClean(s string) bool { return tidyScan(s) == 0 }

// splitClauses splits s at top-level commas, semicolons, pipes, "or" and
// "plus", collecting bracketed text as notes.
func splitClauses(s string) []clause { return appendClauses(nil, s) }

// scanFigures finds every figure in text, each with the words up to the next
// figure as its unit.
func scanFigures(text string) []figure { return appendFigures(nil, text) }
