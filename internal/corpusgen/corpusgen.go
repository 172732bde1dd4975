package corpusgen

import (
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config sets up a generator; the same Config always yields the same
// articles, byte for byte.
type Config struct {
	Seed    uint64    // random seed
	Start   time.Time // first publication day (default 2024-01-01 UTC)
	Days    int       // span of publication dates (default 365)
	People  int       // size of the person pool (default 2000, at least 12)
	Stories int       // number of distinct running stories (default Articles/8, at least 1)
	// Articles is the expected corpus size; it only sets the default of
	// Stories (default 10000). Article(i) works for any i >= 0.
	Articles int
}

// Article is one generated file.
type Article struct {
	Name  string // unique file name, e.g. "gen-0000042.txt"
	Data  []byte // the file content in the seed format
	Truth Truth  // what the text states, for tests

	Outlet   string // publishing outlet (printed only when the text has a closing line)
	Story    int    // index of the running story, or -1 for a one-off piece
	RepeatOf string // Name of the earlier article this one re-runs, or ""
	Exact    bool   // RepeatOf is a byte-for-byte re-publication
}

// Truth lists what the article states.
type Truth struct {
	Published string         // "2024-03-21", or "" when the article has no date line
	People    []TruthPerson  // people named in the text, in order of first mention
	Quotes    []TruthQuote   // quotations, in order of generation
	Meetings  []TruthMeeting // meetings (phone calls are not meetings)
	Figures   []string       // the figure phrases used, e.g. "some 40 of the remaining 134 hostages"
}

// TruthPerson is a person named in an article.
type TruthPerson struct {
	Canonical string   // the pool's canonical full name
	Surface   []string // name forms used in this text (pronouns and role nouns excluded)
	Role      string   // e.g. "foreign minister of Egypt"
}

// TruthQuote is one quotation. A split quotation ("A," she said. "B.") is
// two TruthQuotes with the same speaker.
type TruthQuote struct {
	Speaker string // canonical name
	Text    string // exactly the characters between the marks, closing comma or period included
	Partial bool   // a fragment inside a sentence: called the offer “serious”
}

// TruthMeeting is a meeting the article reports.
type TruthMeeting struct {
	Participants []string // canonical names
	Place        string   // city, or "" when not stated
	When         string   // time phrase as written ("this Friday", "on 22 March"), or ""
	Date         string   // When resolved against the date line, or "" when it cannot be
	Status       string   // held, planned or canceled
}

// Generator makes articles. It is safe for concurrent use.
type Generator struct {
	cfg      Config
	startDay int

	given    [numCultures][2][]string
	surnames [numCultures][]string
	spell    map[string][]string
	nick     map[string][]string

	countries   []country
	cities      []city
	venues      []int16
	orgs        []org
	orgsByClass [numOrgClasses][]int16
	agencyOf    map[int]int
	rolesByDesk [numDesks][]int

	people        []person
	all           []int32
	byDesk        [numDesks][]int32
	byDeskCountry map[int32][]int32
	stories       []story

	t *templates
}

type country struct {
	name, adj string
	cult      culture
	cities    []int16
}

type city struct {
	name    string
	country int16
}

// New prepares a generator: it builds the person pool, the stories and the
// compiled templates from the seed.
func New(cfg Config) *Generator {
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if cfg.Days <= 0 {
		cfg.Days = 365
	}
	if cfg.People <= 0 {
		cfg.People = 2000
	}
	cfg.People = max(cfg.People, 12)
	if cfg.Articles <= 0 {
		cfg.Articles = 10000
	}
	if cfg.Stories <= 0 {
		cfg.Stories = max(1, cfg.Articles/8)
	}
	y, m, d := cfg.Start.Date()
	cfg.Start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)

	g := &Generator{cfg: cfg}
	g.startDay = int(cfg.Start.Unix() / 86400)
	g.loadTables()
	g.t = compileTemplates()

	r := newRNG(cfg.Seed^keyPeople, 1)
	g.buildPeople(&r, cfg.People)
	g.all = make([]int32, len(g.people))
	for i := range g.all {
		g.all[i] = int32(i)
	}
	rs := newRNG(cfg.Seed^keyStories, 2)
	g.buildStories(&rs, cfg.Stories)
	return g
}

// loadTables splits the read-only word tables into lookup structures.
func (g *Generator) loadTables() {
	for c := culture(0); c < numCultures; c++ {
		g.given[c][0] = splitNames(nameTables[c].male)
		g.given[c][1] = splitNames(nameTables[c].female)
		g.surnames[c] = splitNames(nameTables[c].surnames)
	}
	g.spell = groupTable(spellingGroups, true)
	g.nick = groupTable(nicknames, false)

	cityIdx := map[string]int16{}
	for ci, cd := range countryDefs {
		ct := country{name: cd.name, adj: cd.adj, cult: cd.cult}
		for _, name := range splitNames(cd.cities) {
			if _, ok := cityIdx[name]; !ok {
				cityIdx[name] = int16(len(g.cities))
				g.cities = append(g.cities, city{name: name, country: int16(ci)})
			}
			ct.cities = append(ct.cities, cityIdx[name])
		}
		g.countries = append(g.countries, ct)
	}
	for _, name := range splitNames(venueCities) {
		idx, ok := cityIdx[name]
		if !ok {
			idx = int16(len(g.cities))
			cityIdx[name] = idx
			g.cities = append(g.cities, city{name: name, country: -1})
		}
		g.venues = append(g.venues, idx)
	}

	g.orgs = parseOrgs()
	for i, o := range g.orgs {
		g.orgsByClass[o.class] = append(g.orgsByClass[o.class], int16(i))
	}
	g.agencyOf = map[int]int{}
	for ai, a := range agencies {
		for ci, c := range g.countries {
			if c.name == a.country {
				g.agencyOf[ci] = ai
			}
		}
	}
	for i, rd := range roleDefs {
		g.rolesByDesk[rd.desk] = append(g.rolesByDesk[rd.desk], i)
	}
	g.byDeskCountry = map[int32][]int32{}
}

// splitNames splits a white-space separated table, "_" standing for a space,
// and drops repeats.
func splitNames(s string) []string {
	f := strings.Fields(s)
	out := f[:0]
	seen := make(map[string]bool, len(f))
	for _, x := range f {
		x = strings.ReplaceAll(x, "_", " ")
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// articleName is the file name of article i.
func articleName(i int) string {
	var b [24]byte
	s := strconv.AppendInt(b[:0], int64(i), 10)
	out := make([]byte, 0, 16)
	out = append(out, "gen-"...)
	for k := len(s); k < 7; k++ {
		out = append(out, '0')
	}
	out = append(out, s...)
	out = append(out, ".txt"...)
	return string(out)
}

const (
	kindOriginal = iota
	kindNear
	kindExact
)

// rawKind is the kind drawn for article i before checking for a source.
func (g *Generator) rawKind(i int) (int, uint64) {
	h := mix64(g.cfg.Seed ^ keyKind ^ mix64(uint64(i)))
	switch u := h % 1000; {
	case u < 10:
		return kindExact, h
	case u < 160:
		return kindNear, h
	}
	return kindOriginal, h
}

// resolve returns the kind of article i and the index of its source.
func (g *Generator) resolve(i int) (int, int) {
	k, h := g.rawKind(i)
	switch k {
	case kindExact:
		for j := i - 1 - int((h>>16)%200); j >= 0; j-- {
			if kk, _ := g.rawKind(j); kk != kindExact {
				return kindExact, j
			}
		}
	case kindNear:
		for j := i - 1 - int((h>>16)%12); j >= 0; j-- {
			if kk, _ := g.rawKind(j); kk == kindOriginal {
				return kindNear, j
			}
		}
	}
	return kindOriginal, i
}

// Article returns the i-th article (0-based); it depends only on the Config
// and i, so articles can be generated in any order or in parallel.
func (g *Generator) Article(i int) Article {
	if i < 0 {
		panic("corpusgen: negative article index")
	}
	kind, src := g.resolve(i)
	switch kind {
	case kindExact:
		a := g.Article(src)
		a.Name = articleName(i)
		a.RepeatOf = articleName(src)
		a.Exact = true
		return a
	case kindNear:
		return g.build(i, src, true)
	}
	return g.build(i, i, false)
}

// outletOf is the outlet drawn for article i: the first draw of its layout stream.
func (g *Generator) outletOf(i int) int {
	L := newRNG(g.cfg.Seed^keyLayout, uint64(i))
	return L.intn(len(outletNames))
}

// build generates article i from the content of article src; near marks a
// rephrased re-run.
func (g *Generator) build(i, src int, near bool) Article {
	s := newState(g, src)
	if near {
		s.dupRNG = newRNG(g.cfg.Seed^keyDup, uint64(i))
		s.dup = &s.dupRNG
	}
	s.compose()
	if near {
		s.rephrase()
	}
	L := newRNG(g.cfg.Seed^keyLayout, uint64(i))
	outlet := L.intn(len(outletNames))
	if near {
		if so := g.outletOf(src); so == outlet {
			outlet = (outlet + 1 + L.intn(len(outletNames)-1)) % len(outletNames)
		}
	}
	a := Article{Name: articleName(i), Outlet: outletNames[outlet], Story: s.storyIdx}
	var dated bool
	a.Data, dated = s.assemble(&L, outletNames[outlet])
	a.Truth = s.truth(dated)
	if near {
		a.RepeatOf = articleName(src)
	}
	return a
}

// Each calls fn with articles from…to-1, spread over the processors; fn
// runs concurrently and must only write to state of its own index. stop,
// when it returns true, ends the work early.
func (g *Generator) Each(from, to int, stop func() bool, fn func(i int, a Article)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := from + w; i < to && !stop(); i += workers {
				fn(i, g.Article(i))
			}
		})
	}
	wg.Wait()
}
