// Package link links the entities of extracted graphs to Wikidata items:
// candidate items come from a Linker (an offline index built from the
// Wikidata JSON dump, the online API, or both in a chain), and a Matcher
// chooses among them with evidence from the graph, links only what it is
// sure of, and writes the rest to a review file for a person to decide.
package link

import "context"

// Query asks for the items that may be one entity.
type Query struct {
	// Title is tried as an English Wikipedia title (the entity's canonical
	// name).
	Title string
	// Names are the entity's label and aliases, looked up by NameKey.
	Names []string
}

// Linker finds candidate items. Implementations must be safe for
// concurrent use: build's workers link their graphs in parallel.
type Linker interface {
	// Candidates returns, for each query, the items whose enwiki sitelink
	// is its Title or whose names share a NameKey with one of its Names,
	// each item once.
	Candidates(ctx context.Context, qs []Query) ([][]*Item, error)
}

// Chain asks each Linker in turn, the next only for the queries that the
// ones before found nothing for: the offline index first, the API for the
// rest.
type Chain []Linker

// Candidates implements Linker.
func (c Chain) Candidates(ctx context.Context, qs []Query) ([][]*Item, error) {
	out := make([][]*Item, len(qs))
	todo := make([]int, len(qs))
	for i := range qs {
		todo[i] = i
	}
	for _, l := range c {
		if len(todo) == 0 {
			break
		}
		sub := make([]Query, len(todo))
		for j, i := range todo {
			sub[j] = qs[i]
		}
		res, err := l.Candidates(ctx, sub)
		if err != nil {
			return nil, err
		}
		next := todo[:0]
		for j, i := range todo {
			out[i] = res[j]
			if len(res[j]) == 0 {
				next = append(next, i)
			}
		}
		todo = next
	}
	return out, nil
}

// dedupe appends the items of add not yet in items (by ID).
func dedupe(items []*Item, add ...*Item) []*Item {
	for _, it := range add {
		dup := false
		for _, x := range items {
			if x.ID == it.ID {
				dup = true
				break
			}
		}
		if !dup {
			items = append(items, it)
		}
	}
	return items
}
