package value

import (
	"strings"
	"unicode"
)

// Item is one entity named in a list value such as a Commander or Combatant
// field.
type Item struct {
	// Name is the cleaned name (see CleanName).
	Name string
	// Group is the label the item falls under: a "Label:" heading before it,
	// or a known group name (SplitEntitiesGrouped) listed before it. It is
	// empty when the list has no groups.
	Group string
	// Flags holds casualty markers found on the name, such as KIA.
	Flags Flags
	// Note is a descriptive note that followed the name in brackets, such as
	// "naval" in "Minamoto no Yoshitsune (naval)".
	Note string
}

// SplitEntities splits a list value into the entities it names. Items are
// separated by commas, semicolons, pipes, " and ", line breaks, horizontal
// rules and bullet stars; separators inside brackets do not split. Each item
// is cleaned with CleanName and dropped when nothing name-like remains. A
// heading ending in a colon ("Main:", "Joseon dynasty:") is never an item: it
// becomes the Group of the items after it.
func SplitEntities(s string) []Item {
	return SplitEntitiesGrouped(s, nil)
}

// SplitEntitiesGrouped is SplitEntities for lists whose items are grouped
// under names the caller knows, typically commanders listed under their
// belligerents ("Ming , Li Rusong , … , Joseon , Yi Il" with groups from the
// Combatant fields). An item that matches one of groups starts that group and
// is not itself returned; the items after it carry the group's name as the
// caller spelled it. A group matches when the names are equal ignoring case,
// or equal once generic words ("dynasty", "clan", "Kingdom of", …) are
// removed from both, so "Ming" matches "Ming dynasty".
func SplitEntitiesGrouped(s string, groups []string) []Item {
	s = stripResidue(s)
	if mayBreak(s) {
		s = reBreak.ReplaceAllString(s, "|")
	}
	// A piece is a list part, or a group label when label is set.
	type piece struct {
		part, label string
	}
	var pieces []piece
	for _, part := range splitTopLevel(s) {
		part = strings.TrimSpace(part)
		part = strings.TrimLeft(part, "*•·#- ")
		if part == "" {
			continue
		}
		// "Label: name" or a bare "Label:" heading.
		if label, rest, found := cutLabel(part); found {
			if l := tidy(label); l != "" {
				pieces = append(pieces, piece{label: l})
			}
			part = strings.TrimSpace(rest)
			if part == "" {
				continue
			}
		}
		pieces = append(pieces, piece{part: part})
	}
	// Known group names act as labels only in a list that starts with one
	// ("Ming , Li Rusong , Joseon , Yi Il"); in "Zhou Yu, Cheng Pu, Liu Bei"
	// a commander who shares a belligerent's name is a commander, and so
	// is the only name of a list.
	grouped := len(pieces) > 1 && pieces[0].label == ""
	if grouped {
		_, grouped = matchGroup(pieces[0].part, groups)
	}
	var items []Item
	group := ""
	for _, pc := range pieces {
		if pc.label != "" {
			group = pc.label
			continue
		}
		if grouped {
			if g, found := matchGroup(pc.part, groups); found {
				group = g
				continue
			}
		}
		name, flags, note, ok := cleanName(pc.part)
		if !ok {
			continue
		}
		items = append(items, Item{Name: name, Group: group, Flags: flags, Note: note})
	}
	return items
}

// splitTopLevel splits s at list separators that are outside brackets.
func splitTopLevel(s string) []string {
	var parts []string
	depth := 0
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';', '|', '\n':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[start:i])
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	return append(parts, s[start:])
}

// cutLabel splits "Label: rest" or "Label:" where the label is a short
// heading (not a time like "10:30" and not inside brackets).
func cutLabel(s string) (label, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(s[:i])
	if label == "" || strings.ContainsAny(label, "()[]") || len(strings.Fields(label)) > 5 {
		return "", "", false
	}
	if r := []rune(label); unicode.IsDigit(r[len(r)-1]) {
		return "", "", false
	}
	return label, s[i+1:], true
}

// genericGroupWords are words that vary between spellings of the same state
// or force ("Ming" and "Ming dynasty", "Joseon" and "Kingdom of Joseon").
var genericGroupWords = map[string]bool{
	"dynasty": true, "clan": true, "kingdom": true, "empire": true, "of": true,
	"the": true, "navy": true, "army": true, "forces": true, "force": true,
	"government": true, "state": true, "republic": true,
}

// groupCore returns the lower-cased words of s without generic words.
func groupCore(s string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !genericGroupWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// matchGroup reports whether the list item part names one of groups.
func matchGroup(part string, groups []string) (string, bool) {
	if len(groups) == 0 {
		return "", false
	}
	name, ok := CleanName(part)
	if !ok {
		return "", false
	}
	for _, g := range groups {
		if strings.EqualFold(name, g) {
			return g, true
		}
	}
	core := groupCore(name)
	if core == "" {
		return "", false
	}
	for _, g := range groups {
		if gc := groupCore(g); gc != "" && gc == core {
			return g, true
		}
	}
	return "", false
}
