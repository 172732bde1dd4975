package digest

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// Limits of a digest.
const (
	maxStories = 8
	maxBullets = 3
	maxQuotes  = 2
	// sameKindPenalty lowers each further bullet of a kind already
	// chosen, so a story's bullets cover several things.
	sameKindPenalty = 0.75
	// redundancyPenalty lowers a bullet by how much it repeats the words
	// of one already chosen.
	redundancyPenalty = 3.0
	// salienceWeight scales how much of the story's common vocabulary
	// not yet covered a fact or quote holds.
	salienceWeight = 2.0
	// sameTopic is the overlap at which the what's-new line would only
	// repeat a bullet or quote.
	sameTopic = 0.3
	// minBullet is the least score of a fact worth a bullet: weaker
	// sentences are commentary, not news.
	minBullet = 3.0
	// anaphoraPenalty lowers a sentence that leans on the one before.
	anaphoraPenalty = 1.5
	// sameSpeakerPenalty lowers a second quote of one speaker.
	sameSpeakerPenalty = 0.5
)

// article is a window article prepared for composition.
type article struct {
	src   *Article
	index int        // position in the window, oldest first
	words [][]string // content words of each sentence
	dupOf int        // index of the article it nearly copies, or -1
}

// Compose writes the digest of a window: new articles, near-duplicates
// dropped, clustered into stories ranked by importance, each with what
// it adds that the channel was not told.
func Compose(w Window) Digest {
	d := Digest{
		Channel:  w.Channel,
		Since:    w.Since,
		Cursor:   w.Cursor,
		Articles: len(w.Articles),
		Unread:   max(w.Total-len(w.Articles), 0),
	}
	if len(w.Articles) == 0 {
		return d
	}
	arts := make([]*article, len(w.Articles))
	sets := make([][]uint64, len(w.Articles))
	forEach(len(w.Articles), func(i int) {
		a := &article{src: &w.Articles[i], index: i, words: make([][]string, len(w.Articles[i].Sentences))}
		for k, s := range a.src.Sentences {
			a.words[k] = contentWords(s)
		}
		arts[i] = a
		sets[i] = shingles(a.src.Sentences)
	})
	var kept []*article
	for i, of := range nearDuplicates(sets) {
		arts[i].dupOf = of
		if of < 0 {
			kept = append(kept, arts[i])
		} else {
			d.Duplicates++
		}
	}
	groups := cluster(kept, vectors(kept))
	// Near-duplicates join the story of the article they copy.
	storyOf := map[int]int{}
	members := make([][]*article, len(groups))
	for s, g := range groups {
		for _, k := range g {
			storyOf[kept[k].index] = s
			members[s] = append(members[s], kept[k])
		}
	}
	dups := make([][]*article, len(groups))
	for _, a := range arts {
		if a.dupOf >= 0 {
			s := storyOf[a.dupOf]
			dups[s] = append(dups[s], a)
		}
	}

	told := newToldIndex(w.Told)
	mentions := windowMentions(w.Articles)
	// Drafts only read the told facts, so they are written side by side.
	all := make([]*draft, len(groups))
	forEach(len(groups), func(s int) {
		all[s] = newDraft(members[s], dups[s], told, mentions)
	})
	drafts := make([]*draft, 0, len(groups))
	for _, dr := range all {
		if dr.score > 0 {
			drafts = append(drafts, dr)
		}
	}
	sort.SliceStable(drafts, func(i, j int) bool {
		if drafts[i].score != drafts[j].score {
			return drafts[i].score > drafts[j].score
		}
		return drafts[i].first < drafts[j].first
	})
	for _, dr := range drafts {
		story, facts, ok := dr.write(told)
		if !ok {
			continue
		}
		if len(d.Stories) == maxStories {
			d.Omitted++
			continue
		}
		d.Stories = append(d.Stories, story)
		for _, f := range facts {
			told.add(f)
		}
		d.Facts = append(d.Facts, facts...)
	}
	return d
}

// windowMentions counts how often the window names each person.
func windowMentions(arts []Article) map[int64]int {
	m := map[int64]int{}
	for _, a := range arts {
		for _, p := range a.People {
			m[p.ID] += p.Mentions
		}
	}
	return m
}

// candidate is a fact a story may tell.
type candidate struct {
	fact    Fact
	words   []string
	score   float64
	sources []briefing.DocumentRef
	bullet  string // the text shown
	quote   *briefing.QuoteRecord
	meeting *briefing.MeetingRecord
	lead    bool     // a sentence that opens its article
	topic   []string // a quote's words with its sentence's: what it is about
}

// draft is a story being written.
type draft struct {
	first      int // window index of its first article
	sources    []briefing.DocumentRef
	docIndex   map[int64]int // document id → position in sources
	central    *article
	facts      []*candidate // meetings, figures and statements, best first
	quotes     []*candidate
	narrative  []*candidate // sentences that may say what is new, best first
	score      float64
	meetingEvs map[string]bool // sentences that report a meeting
	wordFreq   map[string]int  // how many of the story's articles use each word
	// prob is each word's share of the story's words; choosing a fact
	// squares the share of its words, so that the next choice favours
	// what is not covered yet (after SumBasic).
	prob map[string]float64
}

// wordProbabilities is each content word's share of the articles' words.
func wordProbabilities(members []*article) map[string]float64 {
	p := map[string]float64{}
	total := 0.0
	for _, a := range members {
		for _, s := range a.words {
			for _, w := range s {
				p[w]++
				total++
			}
		}
	}
	for w := range p {
		p[w] /= total
	}
	return p
}

// salience is the mean share of a text's words in the story.
func (dr *draft) salience(words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	s := 0.0
	for _, w := range words {
		s += dr.prob[w]
	}
	return s / float64(len(words))
}

// cover squares the shares of the words of a chosen text.
func (dr *draft) cover(words []string) {
	for _, w := range words {
		dr.prob[w] *= dr.prob[w]
	}
}

// topFreqKey holds, in a story's word frequencies, the highest of them
// (no content word has a space).
const topFreqKey = " top"

// centrality scores how much of a sentence is the story's common
// vocabulary, from 0 to 2.
func centrality(words []string, freq map[string]int) float64 {
	if len(words) == 0 {
		return 0
	}
	top := freq[topFreqKey]
	if top < 2 {
		return 0
	}
	s := 0.0
	for _, w := range words {
		s += float64(freq[w]-1) / float64(top-1)
	}
	return 2 * s / float64(len(words))
}

func newDraft(members, dups []*article, told *toldIndex, mentions map[int64]int) *draft {
	dr := &draft{first: members[0].index, docIndex: map[int64]int{}, meetingEvs: map[string]bool{}}
	all := append(append([]*article(nil), members...), dups...)
	sort.Slice(all, func(i, j int) bool { return all[i].index < all[j].index })
	for _, a := range all {
		dr.docIndex[a.src.Doc.ID] = len(dr.sources)
		dr.sources = append(dr.sources, a.src.Doc)
	}
	dr.central = centralArticle(members)
	dr.prob = wordProbabilities(members)
	dr.wordFreq = map[string]int{}
	for _, a := range members {
		for _, w := range articleWords(a) {
			dr.wordFreq[w]++
			dr.wordFreq[topFreqKey] = max(dr.wordFreq[topFreqKey], dr.wordFreq[w])
		}
	}
	dr.meetings(all, told)
	dr.statements(members, told)
	dr.quoteCandidates(members, told, mentions)
	for _, c := range dr.facts {
		dr.score += c.score
	}
	for _, c := range dr.quotes {
		dr.score += c.score / 2
	}
	if dr.score > 0 {
		dr.score += float64(len(dr.sources))
	}
	return dr
}

// centralArticle is the article sharing the most words with the others,
// the earliest on a tie.
func centralArticle(members []*article) *article {
	if len(members) == 1 {
		return members[0]
	}
	freq := map[string]int{}
	for _, a := range members {
		for _, w := range articleWords(a) {
			freq[w]++
		}
	}
	best, bestScore := members[0], -1.0
	for _, a := range members {
		words := articleWords(a)
		s := 0.0
		for _, w := range words {
			s += float64(freq[w] - 1)
		}
		if len(words) > 0 {
			s /= math.Sqrt(float64(len(words)))
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

func articleWords(a *article) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range a.words {
		for _, w := range s {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// cite returns the sources among the story's of the given documents, in
// the story's order.
func (dr *draft) cite(ids []int64) []briefing.DocumentRef {
	var idx []int
	for _, id := range ids {
		if i, ok := dr.docIndex[id]; ok && !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	out := make([]briefing.DocumentRef, len(idx))
	for i, x := range idx {
		out[i] = dr.sources[x]
	}
	return out
}

// citeRefs is cite of the documents the refs name by id.
func (dr *draft) citeRefs(refs []briefing.DocumentRef) []briefing.DocumentRef {
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return dr.cite(ids)
}

// meetings adds the story's new meetings as candidates.
func (dr *draft) meetings(all []*article, told *toldIndex) {
	byID := map[int64]*candidate{}
	var order []int64
	reporters := map[int64][]int64{}
	for _, a := range all {
		for i := range a.src.Meetings {
			m := &a.src.Meetings[i]
			reporters[m.ID] = append(reporters[m.ID], a.src.Doc.ID)
			for _, s := range m.Sources {
				if s.ID == a.src.Doc.ID && s.Evidence != "" {
					dr.meetingEvs[s.Evidence] = true
				}
			}
			if _, ok := byID[m.ID]; ok {
				continue
			}
			key := fmt.Sprintf("%d|%s", m.ID, m.Status)
			if told.knows(FactMeeting, key) {
				byID[m.ID] = nil
				continue
			}
			text := meetingLine(*m)
			byID[m.ID] = &candidate{
				fact:    Fact{Kind: FactMeeting, Key: key, Text: text},
				words:   contentWords(text),
				bullet:  text,
				meeting: m,
			}
			order = append(order, m.ID)
		}
	}
	for _, id := range order {
		c := byID[id]
		c.sources = dr.cite(reporters[id])
		m := c.meeting
		c.score = 2 + 0.5*float64(min(len(m.Participants), 4)) + 1.5*float64(len(c.sources)-1)
		if m.Status != briefing.Planned {
			c.score += 0.5 // a meeting held or called off is news
		}
		if m.Place != "" {
			c.score += 0.5
		}
		if !m.Date.IsZero() {
			c.score += 0.5
		}
		if len(m.Participants) < 2 {
			c.score--
		}
		dr.facts = append(dr.facts, c)
	}
}

// statements adds the story's new figures, decisions and narrative
// sentences as candidates, each said once however many articles say it.
func (dr *draft) statements(members []*article, told *toldIndex) {
	var groups []*candidate
	var narrative []*candidate
	addTo := func(list []*candidate, c *candidate, doc int64) ([]*candidate, *candidate) {
		for _, g := range list {
			if g.fact.Kind == c.fact.Kind && overlap(g.words, c.words) >= sameStatement {
				g.sources = append(g.sources, briefing.DocumentRef{ID: doc})
				return list, g
			}
		}
		c.sources = []briefing.DocumentRef{{ID: doc}}
		return append(list, c), c
	}
	for _, a := range members {
		figures := map[string]string{}
		for _, f := range a.src.Figures {
			if _, ok := figures[f.Sentence]; !ok {
				figures[f.Sentence] = f.Text
			}
		}
		for i, s := range a.src.Sentences {
			words := a.words[i]
			n := len(strings.Fields(s))
			if hasQuote(s) || n < 6 || n > 60 || dr.meetingEvs[s] || len(words) < 4 {
				continue
			}
			if told.repeats(words, sameStatement, FactStatement, FactFigure, FactMeeting) {
				continue
			}
			position := 0.0
			switch {
			case i == 0:
				position = 1
			case i < 3:
				position = 0.5
			}
			cues, fluff := cueCount(words)
			// Concrete news names people and places, gives numbers and
			// says what was decided; commentary and speculation do not.
			concrete := 0.25*float64(min(properNouns(s), 4)) + 0.25*float64(min(numbers(words), 2)) -
				2*float64(fluff) - 0.5*float64(min(hedges(words), 2))
			if n > 40 {
				concrete--
			}
			if anaphoric(s) {
				concrete -= anaphoraPenalty // "This gathering…", "He said…": not self-contained
			}
			if _, isFigure := figures[s]; (isFigure || cues > 0) && fluff == 0 {
				kind, score := FactStatement, 1.5+0.75*float64(min(cues, 3))
				if isFigure {
					kind, score = FactFigure, 3
				}
				c := &candidate{fact: Fact{Kind: kind, Key: textKey(s), Text: s}, words: words, bullet: s,
					score: score + position + concrete}
				groups, _ = addTo(groups, c, a.src.Doc.ID)
			}
			if fluff == 0 {
				c := &candidate{fact: Fact{Kind: FactStatement, Key: textKey(s), Text: s}, words: words, bullet: s,
					score: 2*position + 0.5*float64(min(cues, 2)) + concrete + centrality(words, dr.wordFreq), lead: i == 0}
				var g *candidate
				narrative, g = addTo(narrative, c, a.src.Doc.ID)
				if g != c && a == dr.central {
					g.score += 0.5
				}
			}
		}
	}
	finish := func(list []*candidate) []*candidate {
		for _, c := range list {
			c.sources = dr.citeRefs(c.sources)
			c.score += 1.5 * float64(len(c.sources)-1)
		}
		return list
	}
	dr.facts = append(dr.facts, finish(groups)...)

	dr.narrative = finish(narrative)
	sortCandidates(dr.facts)
	sortCandidates(dr.narrative)
}

// quoteCandidates adds the story's new quotations, each once.
func (dr *draft) quoteCandidates(members []*article, told *toldIndex, mentions map[int64]int) {
	var list []*candidate
	for _, a := range members {
		for i := range a.src.Quotes {
			q := &a.src.Quotes[i]
			words := contentWords(q.Text)
			n := len(strings.Fields(q.Text))
			if q.Speaker == nil || n < 5 || len(words) < 3 {
				continue
			}
			if told.repeats(words, sameQuote, FactQuote) {
				continue
			}
			var same *candidate
			for _, c := range list {
				if c.quote.Speaker.ID == q.Speaker.ID && overlap(c.words, words) >= sameQuote {
					same = c
					break
				}
			}
			if same != nil {
				same.sources = append(same.sources, briefing.DocumentRef{ID: a.src.Doc.ID})
				if len(q.Text) > len(same.quote.Text) {
					same.quote = q // the fuller wording
				}
				continue
			}
			score := 1 + math.Log1p(float64(mentions[q.Speaker.ID]))/2
			switch {
			case n >= 12 && n <= 45:
				score++
			case n > 70:
				score--
			}
			if q.Partial {
				score -= 0.5
			}
			if cues, _ := cueCount(words); cues > 0 {
				score += 0.5
			}
			list = append(list, &candidate{
				fact:    Fact{Kind: FactQuote, Key: fmt.Sprintf("%d|%s", q.Speaker.ID, textKey(q.Text)), Text: q.Text},
				words:   words,
				score:   score,
				quote:   q,
				topic:   contentWords(q.Context),
				sources: []briefing.DocumentRef{{ID: a.src.Doc.ID}},
			})
		}
	}
	for _, c := range list {
		c.sources = dr.citeRefs(c.sources)
		c.score += 0.75 * float64(len(c.sources)-1)
		q := *c.quote
		c.quote = &q
	}
	sortCandidates(list)
	dr.quotes = list
}

func sortCandidates(cs []*candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
}

// write chooses the story's bullets, quotes, headline and what's-new
// line among the candidates the channel was not told, told including
// what earlier stories of this digest say. ok is false when nothing is
// left to tell.
func (dr *draft) write(told *toldIndex) (Story, []Fact, bool) {
	fresh := func(c *candidate) bool {
		switch c.fact.Kind {
		case FactMeeting:
			return !told.knows(FactMeeting, c.fact.Key)
		case FactQuote:
			return !told.repeats(c.words, sameQuote, FactQuote)
		default:
			return !told.repeats(c.words, sameStatement, FactStatement, FactFigure, FactMeeting)
		}
	}
	// Salience is measured against the most salient candidate's.
	salNorm := 1e-9
	for _, c := range dr.facts {
		salNorm = max(salNorm, dr.salience(c.words))
	}
	for _, c := range dr.quotes {
		salNorm = max(salNorm, dr.salience(c.topic))
	}
	var bullets []*candidate
	kinds := map[FactKind]int{}
	pool := append([]*candidate(nil), dr.facts...)
	for len(bullets) < maxBullets {
		best, bestScore := -1, math.Inf(-1)
		for i, c := range pool {
			if c == nil || c.score < minBullet || !fresh(c) || similarToAny(c, bullets) {
				continue
			}
			s := c.score - sameKindPenalty*float64(kinds[c.fact.Kind]) - redundancyPenalty*maxOverlap(c, bullets) +
				salienceWeight*dr.salience(c.words)/salNorm
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		bullets = append(bullets, pool[best])
		dr.cover(pool[best].words)
		kinds[pool[best].fact.Kind]++
		pool[best] = nil
	}
	var quotes []*candidate
	speakers := map[int64]bool{}
	for len(quotes) < maxQuotes {
		best, bestScore := -1, math.Inf(-1)
		for i, c := range dr.quotes {
			if slices.Contains(quotes, c) || !fresh(c) || similarToAny(c, quotes) {
				continue
			}
			// A second speaker is worth more than a second quote of one.
			s := c.score - redundancyPenalty*maxOverlap(c, quotes) + salienceWeight*dr.salience(c.topic)/salNorm
			if speakers[c.quote.Speaker.ID] {
				s -= sameSpeakerPenalty
			}
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		quotes = append(quotes, dr.quotes[best])
		dr.cover(dr.quotes[best].topic)
		speakers[dr.quotes[best].quote.Speaker.ID] = true
	}
	if len(bullets) == 0 && len(quotes) == 0 {
		return Story{}, nil, false
	}

	st := Story{Sources: dr.sources}
	var facts []Fact
	if len(bullets) > 0 && bullets[0].meeting != nil {
		st.Headline = meetingHeadline(*bullets[0].meeting)
	} else {
		st.Headline = clip(dr.central.src.Doc.Title, maxHeadline)
	}
	headWords := contentWords(st.Headline)
	chosen := append(append([]*candidate(nil), bullets...), quotes...)
	var whatsNew *candidate
	bestScore := math.Inf(-1)
	for _, c := range dr.narrative {
		if !fresh(c) || overlap(c.words, headWords) >= sameStatement || maxOverlap(c, chosen) >= sameTopic {
			continue
		}
		s := c.score - redundancyPenalty*maxOverlap(c, chosen) + salienceWeight*dr.salience(c.words)/salNorm
		if s > bestScore {
			whatsNew, bestScore = c, s
		}
	}
	if whatsNew != nil {
		st.WhatsNew = clip(whatsNew.bullet, maxWhatsNew)
		facts = append(facts, whatsNew.fact)
	}
	for _, c := range bullets {
		st.Bullets = append(st.Bullets, Bullet{Kind: c.fact.Kind, Text: c.bullet, Sources: c.sources})
		facts = append(facts, c.fact)
	}
	for _, c := range quotes {
		q := *c.quote
		st.Quotes = append(st.Quotes, q)
		facts = append(facts, c.fact)
	}
	// What the story's articles reported beyond what it tells counts as
	// told too: yesterday's quote reprinted today is not news.
	for _, list := range [][]*candidate{dr.facts, dr.quotes} {
		for _, c := range list {
			if fresh(c) && !slices.Contains(bullets, c) && !slices.Contains(quotes, c) {
				facts = append(facts, c.fact)
			}
		}
	}
	return st, facts, true
}

// maxOverlap is the largest overlap of a candidate's words with those
// of the chosen ones.
func maxOverlap(c *candidate, chosen []*candidate) float64 {
	m := 0.0
	for _, x := range chosen {
		m = max(m, overlap(c.words, x.words))
	}
	return m
}

func similarToAny(c *candidate, chosen []*candidate) bool {
	for _, x := range chosen {
		if overlap(c.words, x.words) >= sameStatement {
			return true
		}
	}
	return false
}

// Lengths of generated lines, in characters.
const (
	maxHeadline = 200
	maxWhatsNew = 300
)

// clip shortens s to at most n runes at a word boundary, ending in "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); utf8.RuneCountInString(cut[:max(i, 0)]) > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}

// textKey identifies a text by its folded words.
func textKey(s string) string {
	h := fnv.New64a()
	h.Write([]byte(fold.Key(s)))
	return fmt.Sprintf("%016x", h.Sum64())
}

// anaphoric reports whether a sentence opens by pointing back ("This
// gathering", "He said", "Such talks").
func anaphoric(s string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	switch strings.ToLower(strings.Trim(first, ",;:")) {
	case "this", "these", "that", "those", "it", "its", "they", "their", "he", "she", "his", "her", "such", "the latter", "both":
		return true
	}
	return false
}

func hasQuote(s string) bool {
	return strings.ContainsAny(s, "“”\"")
}

func numbers(words []string) int {
	n := 0
	for _, w := range words {
		if isNumber(w) {
			n++
		}
	}
	return n
}
