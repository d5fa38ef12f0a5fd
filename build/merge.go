package build

import (
	"errors"
	"fmt"
	"slices"
)

// ErrNotPart reports a catalog given where a part was wanted, or a part
// where a run's whole catalog was.
var ErrNotPart = errors.New("not a catalog part")

// IsPart reports whether c is a part that BuildCatalogPart made (or Merge
// grew), still to be completed.
func (c *Catalog) IsPart() bool { return c.part }

// Sources returns the first source and the number of sources of the run
// that c covers, and the run's number of sources.
func (c *Catalog) Sources() (first, n, total int) {
	return c.firstSource, len(c.sources), c.totalSources
}

// Merge appends part p, the catalog of the sources that follow c's, to part
// c, which becomes what one part over both would be: the titles, aliases
// and names of p join c's as if the pass had read on from c's last article.
func (c *Catalog) Merge(p *Catalog) error {
	if !c.part || !p.part {
		return ErrNotPart
	}
	if p.totalSources != c.totalSources || p.firstSource != c.firstSource+len(c.sources) {
		return fmt.Errorf("%w: the part of files %s does not follow that of files %s",
			ErrCatalogMismatch, p.span(), c.span())
	}
	// A mention's year is its title's first known one: c's, when c knows
	// one, for the articles of p come after c's.
	c.mentions = slices.Grow(c.mentions, len(p.mentions))
	for _, m := range p.mentions {
		if t := c.titles[m.title]; t != nil && t.Year != 0 {
			m.year = t.Year
		}
		c.mentions = append(c.mentions, m)
	}
	for name, pt := range p.titles {
		t := c.titles[name]
		if t == nil {
			c.titles[name] = pt
			continue
		}
		for _, cl := range pt.Classes {
			t.Classes = appendTerm(t.Classes, cl)
		}
		if t.Year == 0 {
			t.Year = pt.Year
		}
		t.Aliases = append(t.Aliases, pt.Aliases...)
	}
	for key, titles := range p.aliases {
		for _, t := range titles {
			c.addAliasKey(key, t)
		}
	}
	c.Dictionary.Merge(p.Dictionary)
	c.sources = append(c.sources, p.sources...)
	c.Articles += p.Articles
	c.Bytes += p.Bytes
	return nil
}

// Complete turns part c, once it covers every source of its run, into the
// run's catalog, the one BuildCatalog makes of the same sources.
func (c *Catalog) Complete() error {
	if !c.part {
		return ErrNotPart
	}
	if c.firstSource != 0 || len(c.sources) != c.totalSources {
		return fmt.Errorf("%w: the parts cover files %s, not all %d", ErrCatalogMismatch, c.span(), c.totalSources)
	}
	for _, m := range c.mentions {
		if m.year != 0 {
			for _, person := range m.persons {
				c.addPersonYear(person, m.year)
			}
		}
	}
	c.part, c.mentions = false, nil
	c.settle()
	return nil
}

// span names c's sources, 1-based as the shards of the command line.
func (c *Catalog) span() string {
	if len(c.sources) == 0 {
		return fmt.Sprintf("(none, before %d)", c.firstSource+1)
	}
	return fmt.Sprintf("%d–%d", c.firstSource+1, c.firstSource+len(c.sources))
}
