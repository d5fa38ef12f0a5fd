package build

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/internal/gobbatch"
	"github.com/wikikg/wikikg/rdf"
)

// A saved catalog is one gob stream: a catalogHeader, the titles, aliases
// and homonyms sorted by name (so that one catalog always gives the same
// bytes), a part's person mentions in input order, each list in gobbatch's
// batches, then the dictionary.
//
// The version changes with the format and with the names extraction gives:
// a catalog of names another version extracted would resolve this one's
// names to other IRIs than its own first pass would. The identity Save
// records names the binary's revision only when the build recorded one
// (not under go run); the version holds then too. Version 3's names write
// year ranges with an en dash and take no belligerent for a person.
const (
	catalogMagic   = "wikikg catalog"
	catalogVersion = 3
)

type catalogHeader struct {
	Magic   string
	Version int
	// Mapping identifies the mapping the catalog pass ran with: the
	// classes it holds are that mapping's.
	Mapping  string
	Articles int
	Bytes    int64
	// Sources counts each source's articles and bytes; a part's are
	// sources FirstSource onwards of TotalSources.
	Sources      []sourceCount
	Part         bool
	FirstSource  int
	TotalSources int
	// Titles, Aliases and Mentions are the lengths of the lists that
	// follow, which size the maps that load them.
	Titles, Aliases, Mentions int
}

type savedMentions struct {
	Title   string
	Year    int
	Persons []string
}

type savedTitle struct {
	Name    string
	Classes []string
	Year    int
	Aliases []string
}

type savedAlias struct {
	Key    string
	Titles []string
}

type savedHomonym struct {
	Name    string
	Titled  bool
	Birth   int
	Periods []int
}

// ErrCatalogMismatch reports a saved catalog that another version of
// wikikg wrote, one made with another mapping, or one that counted other
// articles than the input has.
var ErrCatalogMismatch = errors.New("catalog does not match this run")

// Save writes the catalog to w, marked with mapping, an identifier of the
// mapping it was built with, which LoadCatalog checks.
func (c *Catalog) Save(w io.Writer, mapping string) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := gob.NewEncoder(bw)
	head := catalogHeader{Magic: catalogMagic, Version: catalogVersion, Mapping: mapping, Articles: c.Articles, Bytes: c.Bytes,
		Sources: c.sources, Part: c.part, FirstSource: c.firstSource, TotalSources: c.totalSources,
		Titles: len(c.titles), Aliases: len(c.aliases), Mentions: len(c.mentions)}
	if err := enc.Encode(head); err != nil {
		return err
	}
	names := sortedKeys(c.titles)
	if err := gobbatch.Encode(enc, len(names), func(i int) savedTitle {
		t := c.titles[names[i]]
		st := savedTitle{Name: t.Name, Year: t.Year, Aliases: t.Aliases}
		for _, cl := range t.Classes {
			st.Classes = append(st.Classes, cl.Value)
		}
		return st
	}); err != nil {
		return err
	}
	keys := sortedKeys(c.aliases)
	if err := gobbatch.Encode(enc, len(keys), func(i int) savedAlias {
		return savedAlias{Key: keys[i], Titles: c.aliases[keys[i]]}
	}); err != nil {
		return err
	}
	names = sortedKeys(c.homonyms)
	if err := gobbatch.Encode(enc, len(names), func(i int) savedHomonym {
		h := c.homonyms[names[i]]
		return savedHomonym{Name: names[i], Titled: h.titled, Birth: h.birth, Periods: h.periods}
	}); err != nil {
		return err
	}
	if err := gobbatch.Encode(enc, len(c.mentions), func(i int) savedMentions {
		m := c.mentions[i]
		return savedMentions{Title: m.title, Year: m.year, Persons: m.persons}
	}); err != nil {
		return err
	}
	if err := c.Dictionary.EncodeGob(enc); err != nil {
		return err
	}
	return bw.Flush()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// LoadCatalog reads a catalog that Save wrote, made with the mapping
// identified by mapping.
func LoadCatalog(r io.Reader, mapping string) (*Catalog, error) {
	dec := gob.NewDecoder(bufio.NewReaderSize(r, 256<<10))
	var head catalogHeader
	if err := dec.Decode(&head); err != nil || head.Magic != catalogMagic {
		return nil, fmt.Errorf("not a wikikg catalog")
	}
	if head.Version != catalogVersion {
		return nil, fmt.Errorf("%w: version %d, this wikikg reads %d", ErrCatalogMismatch, head.Version, catalogVersion)
	}
	if head.Mapping != mapping {
		return nil, fmt.Errorf("%w: built with another infobox mapping or wikikg build", ErrCatalogMismatch)
	}
	corrupt := func(what string) error { return fmt.Errorf("corrupt catalog: %s", what) }
	if err := checkHeader(head); err != nil {
		return nil, corrupt(err.Error())
	}
	c := newCatalog()
	// The header's lengths may lie: they size what is allocated only
	// within reason.
	const hint = 1 << 22
	c.titles = make(map[string]*Title, min(max(head.Titles, 0), hint))
	c.aliases = make(map[string][]string, min(max(head.Aliases, 0), hint))
	c.mentions = make([]mentions, 0, min(max(head.Mentions, 0), hint))
	c.Articles, c.Bytes = head.Articles, head.Bytes
	c.sources, c.part, c.firstSource, c.totalSources = head.Sources, head.Part, head.FirstSource, head.TotalSources
	err := gobbatch.Decode(dec, func(st savedTitle) error {
		if _, dup := c.titles[st.Name]; dup {
			return corrupt("title " + st.Name + " twice")
		}
		t := &Title{Name: st.Name, Year: st.Year, Aliases: st.Aliases}
		for _, cl := range st.Classes {
			t.Classes = append(t.Classes, rdf.IRI(cl))
		}
		c.titles[st.Name] = t
		return nil
	})
	if err == nil {
		err = gobbatch.Decode(dec, func(sa savedAlias) error {
			for _, t := range sa.Titles {
				if c.titles[t] == nil {
					return corrupt("alias of no title")
				}
			}
			c.aliases[sa.Key] = sa.Titles
			return nil
		})
	}
	if err == nil {
		err = gobbatch.Decode(dec, func(sh savedHomonym) error {
			c.homonyms[sh.Name] = &homonym{titled: sh.Titled, birth: sh.Birth, periods: sh.Periods}
			return nil
		})
	}
	if err == nil {
		err = gobbatch.Decode(dec, func(sm savedMentions) error {
			if !c.part {
				return corrupt("mentions in a whole catalog")
			}
			c.mentions = append(c.mentions, mentions{sm.Title, sm.Year, sm.Persons})
			return nil
		})
	}
	if err == nil {
		c.Dictionary, err = extract.DecodeDictionary(dec)
	}
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, corrupt("truncated")
		}
		return nil, fmt.Errorf("corrupt catalog: %w", err)
	}
	if !c.part {
		c.indexKeys()
	}
	return c, nil
}

// checkHeader reports a header whose counts do not hold together.
func checkHeader(h catalogHeader) error {
	articles, bytes := 0, int64(0)
	for _, s := range h.Sources {
		if s.Articles < 0 || s.Bytes < 0 {
			return errors.New("negative count")
		}
		articles += s.Articles
		bytes += s.Bytes
	}
	switch {
	case articles != h.Articles || bytes != h.Bytes:
		return errors.New("the sources' counts do not add up")
	case h.FirstSource < 0 || h.FirstSource > h.TotalSources || len(h.Sources) > h.TotalSources-h.FirstSource:
		return errors.New("sources out of range")
	case !h.Part && (h.FirstSource != 0 || len(h.Sources) != h.TotalSources):
		return errors.New("a whole catalog of some sources only")
	}
	return nil
}
