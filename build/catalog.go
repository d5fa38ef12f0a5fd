package build

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/wikikg/wikikg/extract"
	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/internal/bloom"
	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

// Catalog is what the first pass learns about the run: every article's
// title, class, year and aliases, and every entity its infobox names. It
// resolves names across articles, so the same entity gets the same IRI in
// every article, and it is the same on every shard, so shards agree without
// talking.
type Catalog struct {
	// Articles is the number of articles of the run, all shards together,
	// and Bytes the number of bytes they were read from.
	Articles int
	Bytes    int64
	// titles by canonical name.
	titles map[string]*Title
	// aliases maps a folded alias to the canonical titles that carry it.
	aliases map[string][]string
	// titleKeys and aliasKeys hold the keys of titles and aliases, once
	// settled: most names Resolve is asked are neither, and a filter says
	// so from bits that stay in the cache, where maps of millions of keys
	// would miss it. foldedKeys holds the aliases' keys and the titles
	// folded, which a canonical ASCII name, lower-cased, is when it is
	// either: one hash of the name tells most names from both.
	titleKeys, aliasKeys, foldedKeys bloom.Filter
	// personYears lists, for every person a dated article's infobox
	// names, the name and the article's start or birth year; homonyms
	// holds the names those years show to be several people's (see
	// settle). A list, grouped once when settled, costs an append a
	// mention where a map of names grew and rehashed.
	personYears []personYear
	// fullYears holds the full chunks of personYears, which settle joins:
	// a slice grown by append, a quarter at a time once large, had
	// allocated some five times its final size when the catalog was in.
	fullYears [][]personYear
	homonyms  map[string]*homonym
	// names holds the catalog's copies of the titles and aliases, and
	// personNames those of the names in personYears and mentions, until
	// settled: the graphs' labels are the reader's, whose chunks of text
	// a label kept for the run would keep whole.
	names, personNames namePack
	// newTitles holds Titles not yet in use, classes room for the first
	// class of each, and strs for their aliases and the titles of each
	// alias:
	// a run has millions, which an allocation each made a good part of
	// the catalog pass's.
	newTitles []Title
	classes   []rdf.Term
	strs      []string
	// Dictionary holds every title and infobox entity of the run, with its
	// aliases, for the prose extractor's matcher.
	Dictionary *extract.Dictionary
	// sources counts the articles and bytes of each source, in order: a
	// shard skips, unread, the sources before its slice.
	sources []sourceCount
	// A part is the catalog of the sources firstSource onwards of a run
	// of totalSources (see BuildCatalogPart), not yet settled: its
	// mentions stand in for personYears, as their years may come from
	// the titles of the parts before it.
	part         bool
	firstSource  int
	totalSources int
	mentions     []mentions
}

// sourceCount is what the catalog pass counted in one source.
type sourceCount struct {
	Articles int
	Bytes    int64
}

// mentions are the people one article's infobox names, in an article of
// the title whose year, as far as the part knew it then, was year (0:
// unknown).
type mentions struct {
	title   string
	year    int
	persons []string
}

// personYear is a person named in the infobox of an article of a year,
// with the name's hash, by which settle groups the names.
type personYear struct {
	hash uint64
	name string
	year int32 // in 32 bytes, not 40: a run has millions
}

// addPersonYear records that the infobox of an article of year names
// the person called name.
func (c *Catalog) addPersonYear(name string, year int) {
	if len(c.personYears) == cap(c.personYears) {
		if len(c.personYears) > 0 {
			c.fullYears = append(c.fullYears, c.personYears)
		}
		// A small run's chunks are small.
		c.personYears = make([]personYear, 0, min(max(2*cap(c.personYears), 64), personYearChunk))
	}
	c.personYears = append(c.personYears, personYear{bloom.Hash(name), name, int32(year)})
}

// namePack holds copies of strings packed in chunks of bytes, which it
// never writes again nor reuses: a string of its own each would cost an
// allocation.
type namePack struct {
	buf []byte
}

// namePackChunk is the size of a namePack's chunks; a longer string gets
// one of its own.
const namePackChunk = 64 << 10

// copy returns a copy of s in the pack.
func (p *namePack) copy(s string) string {
	if len(s) == 0 {
		return ""
	}
	if cap(p.buf)-len(p.buf) < len(s) {
		if len(s) >= namePackChunk/8 {
			return strings.Clone(s)
		}
		p.buf = make([]byte, 0, namePackChunk)
	}
	n := len(p.buf)
	p.buf = append(p.buf, s...)
	return unsafe.String(&p.buf[n], len(s))
}

// personYearChunk is the most person years of a chunk.
const personYearChunk = 4096

// allPersonYears returns every person year of the catalog in one slice.
func (c *Catalog) allPersonYears() []personYear {
	if len(c.fullYears) == 0 {
		return c.personYears
	}
	n := len(c.personYears)
	for _, ys := range c.fullYears {
		n += len(ys)
	}
	all := make([]personYear, 0, n)
	for _, ys := range c.fullYears {
		all = append(all, ys...)
	}
	return append(all, c.personYears...)
}

// Title is what the catalog knows of one article's subject.
type Title struct {
	Name    string
	Classes []rdf.Term
	// Year is the subject's start or birth year, 0 when unknown.
	Year    int
	Aliases []string
}

// newCatalog returns an empty catalog.
func newCatalog() *Catalog {
	return &Catalog{titles: map[string]*Title{}, aliases: map[string][]string{},
		homonyms: map[string]*homonym{}, Dictionary: extract.NewDictionary()}
}

// BuildCatalog reads every source once, running the infobox extractor only
// (Light) in workers goroutines, each with a pipeline from newPipeline, and
// counts the run's articles and bytes (Catalog.Articles and Bytes). The
// graphs join the catalog in input order, so the catalog is the same
// whatever the number of workers.
func BuildCatalog(ctx context.Context, sources []input.Source, f input.Format, newPipeline func() *extract.Pipeline, workers int) (*Catalog, error) {
	cat, err := buildCatalog(ctx, sources, f, newPipeline, workers, newCatalog())
	if err != nil {
		return nil, err
	}
	cat.totalSources = len(sources)
	cat.settle()
	return cat, nil
}

// BuildCatalogPart is BuildCatalog over the shard-th (0-based) of shards
// contiguous slices of sources, cut at source boundaries: the catalog
// pass of one machine of several. The parts, merged in order (Merge, then
// Complete), are the catalog BuildCatalog makes of all the sources, so no
// machine reads the whole corpus for it.
func BuildCatalogPart(ctx context.Context, sources []input.Source, shard, shards int, f input.Format, newPipeline func() *extract.Pipeline, workers int) (*Catalog, error) {
	if shards < 1 || shard < 0 || shard >= shards {
		return nil, fmt.Errorf("shard %d of %d does not exist", shard+1, shards)
	}
	lo, hi := shard*len(sources)/shards, (shard+1)*len(sources)/shards
	cat := newCatalog()
	cat.part, cat.firstSource, cat.totalSources = true, lo, len(sources)
	return buildCatalog(ctx, sources[lo:hi], f, newPipeline, workers, cat)
}

// buildCatalog adds sources to cat, which it returns unsettled.
func buildCatalog(ctx context.Context, sources []input.Source, f input.Format, newPipeline func() *extract.Pipeline, workers int, cat *Catalog) (*Catalog, error) {
	if workers < 1 {
		workers = 1
	}
	// The reader counts into cat.Articles, Bytes and sources, which
	// nothing else touches while it runs.
	next, stop := iter.Pull(func(yield func(*extract.Article) bool) {
		for _, src := range sources {
			if ctx.Err() != nil {
				return
			}
			cat.sources = append(cat.sources, sourceCount{})
			count := &cat.sources[len(cat.sources)-1]
			// The catalog reads infoboxes only (Light).
			eachArticle(src, f, true, func(a *extract.Article, err error, n int64) bool {
				cat.Bytes += n
				count.Bytes += n
				if a == nil {
					return true
				}
				cat.Articles++
				count.Articles++
				if err != nil {
					return true // the second pass reports it
				}
				return yield(a)
			})
		}
	})
	defer stop()
	newWorker := func() func(*extract.Article) *extract.Graph {
		pipe := newPipeline()
		pipe.Light = true
		pipe.Resolver = nil
		return func(a *extract.Article) *extract.Graph {
			g, err := pipe.Extract(a)
			// The graph keeps none of the article's memory, which the
			// reader fills again.
			a.Release()
			if err != nil {
				return nil
			}
			return g
		}
	}
	// Graphs join the catalog in input order.
	join := func(g *extract.Graph) error {
		if g != nil {
			cat.addGraph(g)
			g.Release()
		}
		return nil
	}
	if err := mapOrdered(ctx, workers, next, newWorker, join); err != nil {
		return nil, err
	}
	return cat, nil
}

// addGraph records an article's subject, its first entity, and the
// entities its infobox names.
func (c *Catalog) addGraph(g *extract.Graph) {
	c.Dictionary.AddGraph(g)
	var t *Title
	var ms *mentions
	for e := range g.AllEntities() {
		if t == nil {
			t = c.addTitle(g, e)
			continue
		}
		var name string // e's label, copied once it is kept
		for _, cl := range e.Classes {
			switch {
			case len(cl.Value) != len(ontology.Person.Value) || cl != ontology.Person:
				// (The length tells most classes from Person inline.)
			case c.part:
				// The title's year may come from a part before this one.
				if ms == nil {
					c.mentions = append(c.mentions, mentions{title: t.Name, year: t.Year})
					ms = &c.mentions[len(c.mentions)-1]
				}
				if name == "" {
					name = c.personNames.copy(e.Label)
				}
				ms.persons = append(ms.persons, name)
			case t.Year != 0:
				if name == "" {
					name = c.personNames.copy(e.Label)
				}
				c.addPersonYear(name, t.Year)
			}
		}
	}
}

// addTitle records the article of g whose subject is subj.
func (c *Catalog) addTitle(g *extract.Graph, subj *extract.Entity) *Title {
	t := c.titles[subj.Label]
	if t == nil {
		t = c.newTitle(c.names.copy(subj.Label))
		c.titles[t.Name] = t
	}
	for _, cl := range subj.Classes {
		if t.Classes == nil {
			t.Classes = c.newClass(cl)
			continue
		}
		t.Classes = appendTerm(t.Classes, cl)
	}
	// The first of the subject's start and birth dates, in Quads order
	// (predicate, then object), that has a year; read without Quads,
	// whose sort of the whole graph only output needs.
	preds := [2]rdf.Term{ontology.StartDate, ontology.BirthDate}
	if extract.CompareTerms(preds[1], preds[0]) < 0 {
		preds[0], preds[1] = preds[1], preds[0]
	}
	for _, p := range preds {
		if t.Year != 0 {
			break // Objects would find no other year
		}
		for _, o := range g.Objects(subj.IRI, p) {
			if t.Year == 0 {
				t.Year = leadingYear(o.Value)
			}
		}
	}
	if t.Aliases == nil && len(subj.Aliases) > 0 {
		t.Aliases = c.newStrings(len(subj.Aliases))
	}
	for _, a := range subj.Aliases {
		c.addAlias(a, t.Name)
		t.Aliases = append(t.Aliases, c.names.copy(a))
	}
	return t
}

// titleChunk is the number of Titles or classes the catalog allocates
// at a time.
const titleChunk = 256

// newTitle returns a new Title named name, from the catalog's chunk.
func (c *Catalog) newTitle(name string) *Title {
	if len(c.newTitles) == 0 {
		c.newTitles = make([]Title, titleChunk)
	}
	t := &c.newTitles[0]
	c.newTitles = c.newTitles[1:]
	t.Name = name
	return t
}

// newClass returns a slice of the one class cl, from the catalog's chunk,
// whose capacity ends at its length so that appending to it copies it.
func (c *Catalog) newClass(cl rdf.Term) []rdf.Term {
	if len(c.classes) == 0 {
		c.classes = make([]rdf.Term, titleChunk)
	}
	c.classes[0] = cl
	ts := c.classes[:1:1]
	c.classes = c.classes[1:]
	return ts
}

// Homonyms. Entity IRIs come from names, so two people of one name would
// share one IRI; the catalog tells them apart by time. An article's year is
// its subject's start or birth year. The people an article's infobox names
// lived around that year, so the years of the articles naming one person
// fall within a lifetime and a generation of each other (a biography, dated
// by its subject's birth, may name a grandson). Years further apart than
// that are different people's.
const (
	// homonymSpan is the widest spread of years one person's mentions
	// are taken to have.
	homonymSpan = 150
	// titleBefore and titleAfter bound, around a titled person's birth
	// year, the years of the articles that can name that person.
	titleBefore = 100
	titleAfter  = 120
)

// homonym is a name the catalog knows to be several people's: the
// article's titled person, if any, and one person per period of years.
type homonym struct {
	titled bool
	birth  int
	// periods holds the first year of each period, ascending; a period
	// covers homonymSpan years.
	periods []int
}

// settle finds the homonyms once every article is in: a person's name whose
// mentions' years spread over more than one period, or fall outside the
// lifetime of the person whose article carries the name.
func (c *Catalog) settle() {
	// Sorted by hash, then name, then year, each name's years are a run,
	// in order; the hashes spare most comparisons a look at the names.
	ys := c.allPersonYears()
	c.personYears, c.fullYears = nil, nil
	sortPersonYears(ys)
	// The titles' filter, by the names' hashes, spares most names a
	// look-up among the titles: most people an infobox names have no
	// article.
	c.indexKeys()
	var periods [4]int // most names' periods, without an allocation
	for i := 0; i < len(ys); {
		name := ys[i].name
		h := homonym{periods: periods[:0]}
		if c.titleKeys.MayContainHash(ys[i].hash) { // bloom.Hash(name)
			if t, ok := c.titles[name]; ok && t.Year != 0 && slices.Contains(t.Classes, ontology.Person) {
				h.titled, h.birth = true, t.Year
			}
		}
		for ; i < len(ys) && ys[i].name == name; i++ {
			y := int(ys[i].year)
			if h.titled && h.coversTitle(y) {
				continue
			}
			if n := len(h.periods); n == 0 || y > h.periods[n-1]+homonymSpan {
				h.periods = append(h.periods, y)
			}
		}
		if len(h.periods) > 1 || h.titled && len(h.periods) > 0 {
			// Copied: personNames goes with personYears.
			c.homonyms[strings.Clone(name)] = &homonym{titled: h.titled, birth: h.birth, periods: slices.Clone(h.periods)}
		}
	}
	c.personNames = namePack{}
}

// comparePersonYears orders person years by hash, then name, then year.
func comparePersonYears(a, b personYear) int {
	if a.hash != b.hash {
		return cmp.Compare(a.hash, b.hash)
	}
	return cmp.Or(strings.Compare(a.name, b.name), cmp.Compare(a.year, b.year))
}

// sortPersonYears sorts ys by comparePersonYears. It first places them in
// buckets by their hashes' top bits, in place (an American flag sort), as
// many buckets as person years or so, and each bucket by the next byte,
// and so on, down to buckets small enough to sort by comparison: a
// comparison sort of the whole list called comparePersonYears some
// log2(len(ys)) times a person year.
func sortPersonYears(ys []personYear) {
	if len(ys) < 1024 {
		radixSortPersonYears(ys, 56)
		return
	}
	// First by as many top bits of the hashes as it takes for buckets of
	// a person year or two: by a byte, each of the 256 buckets of a large
	// list was a sort of its own, with its 256 counts gone through three
	// times.
	b := min(bits.Len(uint(len(ys))), 24)
	shift := uint(64 - b)
	start := make([]int32, 1<<b+1)
	for _, y := range ys {
		start[y.hash>>shift+1]++
	}
	for k := range 1 << b {
		start[k+1] += start[k]
	}
	next := slices.Clone(start[:1<<b])
	for k := range 1 << b {
		// Swap each person year not of bucket k into its own bucket.
		for next[k] < start[k+1] {
			y := ys[next[k]]
			d := y.hash >> shift
			if d == uint64(k) {
				next[k]++
				continue
			}
			ys[next[k]], ys[next[d]] = ys[next[d]], y
			next[d]++
		}
	}
	for k := range 1 << b {
		// The hashes of a bucket agree above bit shift, and below are
		// sorted a byte at a time.
		if lo, hi := start[k], start[k+1]; hi-lo > 1 {
			radixSortPersonYears(ys[lo:hi], shift-8)
		}
	}
}

// radixSortPersonYears sorts ys, whose hashes agree above bit shift+8,
// by the hashes' byte at shift, then each bucket on.
func radixSortPersonYears(ys []personYear, shift uint) {
	switch {
	case len(ys) < 16:
		insertionSortPersonYears(ys)
		return
	case shift > 56:
		slices.SortFunc(ys, comparePersonYears)
		return
	}
	var start, next [257]int
	for _, y := range ys {
		start[y.hash>>shift&0xff+1]++
	}
	for b := range 256 {
		start[b+1] += start[b]
	}
	next = start
	for b := range 256 {
		// Swap each person year not of bucket b into its own bucket.
		for next[b] < start[b+1] {
			y := ys[next[b]]
			d := y.hash >> shift & 0xff
			if d == uint64(b) {
				next[b]++
				continue
			}
			ys[next[b]], ys[next[d]] = ys[next[d]], y
			next[d]++
		}
	}
	for b := range 256 {
		// Most buckets below the top byte's hold one person year or
		// none: a call each, with its 2 kB of counts, cost more than
		// the rest of the sort.
		if start[b+1]-start[b] > 1 {
			radixSortPersonYears(ys[start[b]:start[b+1]], shift-8)
		}
	}
}

// insertionSortPersonYears sorts the few person years of a bucket by
// comparePersonYears, comparing their hashes in place first.
func insertionSortPersonYears(ys []personYear) {
	for i := 1; i < len(ys); i++ {
		y := ys[i]
		j := i
		for ; j > 0 && (ys[j-1].hash > y.hash || ys[j-1].hash == y.hash && comparePersonYears(ys[j-1], y) > 0); j-- {
			ys[j] = ys[j-1]
		}
		ys[j] = y
	}
}

// indexKeys fills the filters of the titles' and aliases' keys.
func (c *Catalog) indexKeys() {
	c.titleKeys = *bloom.New(len(c.titles))
	for k := range c.titles {
		c.titleKeys.Add(k)
	}
	c.aliasKeys = *bloom.New(len(c.aliases))
	c.foldedKeys = *bloom.New(len(c.titles) + len(c.aliases))
	for k := range c.aliases {
		h := bloom.Hash(k)
		c.aliasKeys.AddHash(h)
		c.foldedKeys.AddHash(h)
	}
	var buf []byte
	for k := range c.titles {
		// Most titles are canonical ASCII, whose fold is the title
		// lower-cased, which HashLowerName hashes without the fold
		// (checkHashLowerName checks that it is).
		if h, ok := bloom.HashLowerName(k); ok {
			c.foldedKeys.AddHash(h)
			continue
		}
		buf = appendFold(buf[:0], k)
		c.foldedKeys.Add(unsafe.String(unsafe.SliceData(buf), len(buf)))
	}
}

// title returns the article titled name, nil when there is none.
func (c *Catalog) title(name string) *Title {
	if !c.titleKeys.MayContain(name) {
		return nil
	}
	return c.titles[name]
}

func (h *homonym) coversTitle(year int) bool {
	return year >= h.birth-titleBefore && year <= h.birth+titleAfter
}

// name returns the canonical name of the one of the people called name
// that an article of the year means: the titled person's, name itself,
// when the year is within that person's lifetime; otherwise name
// qualified by the first year of the period the year falls in, or by the
// year itself when it falls in none, as Wikipedia titles people known by
// when they flourished: "Yi Il (fl. 1592)".
func (h *homonym) name(name string, year int) string {
	if h.titled && h.coversTitle(year) {
		return name
	}
	period := year
	for _, p := range h.periods {
		if year >= p && year <= p+homonymSpan {
			period = p
			break
		}
	}
	if period < 0 {
		return fmt.Sprintf("%s (fl. %d BC)", name, -period)
	}
	return fmt.Sprintf("%s (fl. %d)", name, period)
}

// addAlias records that title carries alias; its key is folded on the
// stack, and copied only when new.
func (c *Catalog) addAlias(alias, title string) {
	var buf [128]byte
	key := appendFold(buf[:0], alias)
	ts, ok := c.aliases[string(key)]
	for _, t := range ts {
		if t == title {
			return
		}
	}
	if !ok {
		// Most aliases are one title's: the key and the list of one
		// are packed with the catalog's others.
		c.aliases[c.names.copy(unsafe.String(unsafe.SliceData(key), len(key)))] = append(c.newStrings(1), title)
		return
	}
	c.aliases[string(key)] = append(ts, title)
}

// newStrings returns an empty slice with room for n strings, from the
// catalog's chunk when n is small, whose capacity ends at n so that
// appending more copies it.
func (c *Catalog) newStrings(n int) []string {
	if n > titleChunk/8 {
		return make([]string, 0, n)
	}
	if len(c.strs) < n {
		c.strs = make([]string, titleChunk)
	}
	ss := c.strs[:0:n]
	c.strs = c.strs[n:]
	return ss
}

// addAliasKey records that title carries the alias folded to key.
func (c *Catalog) addAliasKey(key, title string) {
	for _, t := range c.aliases[key] {
		if t == title {
			return
		}
	}
	c.aliases[key] = append(c.aliases[key], title)
}

func appendTerm(ts []rdf.Term, t rdf.Term) []rdf.Term {
	for _, x := range ts {
		if x == t {
			return ts
		}
	}
	return append(ts, t)
}

func leadingYear(lexical string) int {
	neg := strings.HasPrefix(lexical, "-")
	s := strings.TrimPrefix(lexical, "-")
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	if neg {
		return -y
	}
	return y
}

// appendFold appends to dst the fold of a name for alias lookup, case and
// spacing only (strings.ToLower of its strings.Fields joined by single
// spaces), since a romanisation or diacritic difference can be a different
// entity. It does not allocate (Resolve runs for every entity of every
// article): a byte at a time while s is ASCII, then a rune at a time.
func appendFold(dst []byte, s string) []byte {
	return appendFoldRunes(dst, len(dst), false, s)
}

// appendFoldRunes appends the fold of s to dst, start being where the
// fold starts in dst and space whether white space came before s. As
// strings.Fields, it splits at unicode.IsSpace, and as strings.ToLower, it
// lower-cases each rune, an invalid byte to U+FFFD; ASCII bytes, most of a
// name, take a path of their own, a byte at a time.
func appendFoldRunes(dst []byte, start int, space bool, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				space = true
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < rune(len(latinLower)) {
			if r = rune(latinLower[r]); r == 0 {
				space = true
				continue
			}
		} else if unicode.IsSpace(r) {
			space = true
			continue
		} else {
			r = unicode.ToLower(r)
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// latinLower maps each rune below U+0250 (the Latin letters of most
// romanised names) to unicode.ToLower's, or to 0 when unicode.IsSpace:
// ToLower's search of the case tables cost more than the rest of a fold.
var latinLower = func() (t [0x250]uint16) {
	for r := range rune(len(t)) {
		if !unicode.IsSpace(r) {
			t[r] = uint16(unicode.ToLower(r))
		}
	}
	return t
}()

// matchYearSuffix parses a name "X (1555)", with a year of 3 or 4 ASCII
// digits, into X and the year; ok is false for any other name. It is what
// the expression `^(.+) \((\d{3,4})\)$` matches, read from the end.
func matchYearSuffix(name string) (base string, year int, ok bool) {
	n := len(name)
	if n < len("X (123)") || name[n-1] != ')' {
		return "", 0, false
	}
	k := n - 1
	for k > n-6 && name[k-1] >= '0' && name[k-1] <= '9' {
		k--
	}
	if digits := n - 1 - k; digits < 3 || digits > 4 || name[k-1] != '(' || name[k-2] != ' ' {
		return "", 0, false
	}
	base = name[:k-2]
	if base == "" || strings.IndexByte(base, '\n') >= 0 {
		return "", 0, false
	}
	for _, c := range name[k : n-1] {
		year = 10*year + int(c-'0')
	}
	return base, year, true
}

// Resolve maps a name to the run's canonical name for it:
//   - a name that is an article title stays itself;
//   - "X (1555)" becomes the article "X" when that article's subject starts
//     in 1555 (Wikipedia titles a battle without its year when it is the
//     only one of that name);
//   - an alias that exactly one article's subject carries becomes that
//     article's title ("Japanese invasions of Korea" for
//     "Japanese invasions of Korea (1592–1598)"); an alias two articles
//     carry ("Siege of Pyongyang") stays unresolved;
//   - a person's name that the articles' years show to be several people's
//     becomes the name of the one an article of that year means (see
//     homonym.name); in an undated article it resolves as any other name.
func (c *Catalog) Resolve(article, name string, class rdf.Term) (string, bool) {
	h, lower := bloom.HashLowerName(name)
	return c.resolve(article, name, class, h, lower)
}

// ResolveCanonicalASCII is Resolve for a name that is canonical and
// ASCII, which HashLowerName would pass: its hash alone is left to take.
func (c *Catalog) ResolveCanonicalASCII(article, name string, class rdf.Term) (string, bool) {
	return c.resolve(article, name, class, bloom.HashLowerASCII(name), true)
}

// resolve is Resolve, given what bloom.HashLowerName reports of name.
func (c *Catalog) resolve(article, name string, class rdf.Term, h uint64, lower bool) (string, bool) {
	if isPerson(&class) {
		if h := c.homonyms[name]; h != nil {
			if t := c.titles[article]; t != nil && t.Year != 0 {
				return h.name(name, t.Year), true
			}
		}
	}
	// Most names are neither a title nor an alias: a canonical ASCII
	// name's key is the name lower-cased, which the filters can test
	// without building it, and the folded titles' filter tells most
	// names from titles too.
	folded := !lower || c.foldedKeys.MayContainHash(h)
	if folded && c.title(name) != nil {
		return name, true
	}
	if n := len(name); n > 0 && name[n-1] == ')' {
		if base, y, ok := matchYearSuffix(name); ok && y != 0 {
			if t := c.title(base); t != nil && y == t.Year {
				return t.Name, true
			}
		}
	}
	if lower && (!folded || !c.aliasKeys.MayContainHash(h)) {
		return "", false
	}
	var buf [128]byte
	key := appendFold(buf[:0], name)
	if !c.aliasKeys.MayContain(unsafe.String(unsafe.SliceData(key), len(key))) {
		return "", false
	}
	if ts := c.aliases[string(key)]; len(ts) == 1 {
		if t := c.titles[ts[0]]; compatible(t.Classes, class) {
			return t.Name, true
		}
	}
	return "", false
}

// isPerson reports whether class is ontology.Person, inlined: a Term
// comparison is a call, and the classes Resolve is given are mostly that
// term itself, whose string a pointer comparison tells.
func isPerson(class *rdf.Term) bool {
	p := &ontology.Person
	return len(class.Value) == len(p.Value) && class.Kind == p.Kind && len(class.Datatype)|len(class.Lang) == 0 &&
		(unsafe.StringData(class.Value) == unsafe.StringData(p.Value) || class.Value == p.Value)
}

// compatible reports whether an entity wanted as class may be the subject
// of an article of classes: a place is not a battle of the same name.
func compatible(classes []rdf.Term, class rdf.Term) bool {
	if class.IsZero() || len(classes) == 0 {
		return true
	}
	for _, c := range classes {
		if c == class || isEvent(c) && isEvent(class) {
			return true
		}
	}
	return false
}

func isEvent(c rdf.Term) bool { return c == ontology.Event || c == ontology.MilitaryConflict }

// Titles returns the number of article titles in the catalog.
func (c *Catalog) Titles() int { return len(c.titles) }

// Lookup returns what the catalog knows of the article titled name.
func (c *Catalog) Lookup(name string) (*Title, bool) {
	t, ok := c.titles[name]
	return t, ok
}
