package digest

import (
	"math"
	"slices"
	"sort"
	"strconv"
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
	p := prepare(w)
	arts := p.arts
	var kept []*article
	for i, of := range nearDuplicates(p.sets) {
		arts[i].dupOf = of
		if of < 0 {
			kept = append(kept, arts[i])
		} else {
			d.Duplicates++
		}
	}
	ts := newTerms(kept, p.vocab)
	groups := cluster(kept, vectors(kept, ts), ts)
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

	told := newToldIndexOf(p.vocab, w.Told, p.told)
	mentions := windowMentions(w.Articles)
	// Drafts only read the told facts, so they are written side by side.
	all := make([]*draft, len(groups))
	scratch := make([]*draftScratch, workers(len(groups)))
	forEachWorker(len(groups), func(wk, s int) {
		if scratch[wk] == nil {
			scratch[wk] = newDraftScratch(len(p.vocab.words))
		}
		all[s] = newDraft(members[s], dups[s], told, mentions, p.vocab, scratch[wk])
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
		if len(d.Stories) == maxStories {
			// Only whether it would tell anything counts now.
			if dr.tells(told) {
				d.Omitted++
			}
			continue
		}
		story, facts, ok := dr.write(told, p.vocab)
		if !ok {
			continue
		}
		d.Stories = append(d.Stories, story)
		for _, c := range facts {
			f := c.toldFact()
			told.addWords(f, c.words)
			d.Facts = append(d.Facts, f)
		}
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
	words   []int32 // content words of fact.Text
	score   float64
	sources []briefing.DocumentRef
	bullet  string // the text shown
	quote   *briefing.QuoteRecord
	meeting *briefing.MeetingRecord
	lead    bool    // a sentence that opens its article
	topic   []int32 // a quote's words with its sentence's: what it is about
	// freshAt is 1 + the version of the told facts isFresh answers for
	// (see fresh); 0 before it is asked.
	freshAt int
	isFresh bool
	// keyOf, when not nil, is the article of the sentence the fact
	// states, sentence k: its key is written when the fact is told.
	keyOf *article
	k     int
}

// toldFact is the candidate's fact, with its key.
func (c *candidate) toldFact() Fact {
	if c.keyOf != nil {
		c.fact.Key, c.keyOf = c.keyOf.sentenceKey(c.k), nil
	}
	return c.fact
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
	// words are the content words of the story's articles, ascending;
	// prob is each one's share of the story's words. Choosing a fact
	// squares the share of its words, so that the next choice favours
	// what is not covered yet (after SumBasic).
	words []int32
	prob  []float64
}

// draftScratch is the working space of one worker's drafts, indexed by
// word number and left zeroed (or empty) after each draft.
type draftScratch struct {
	freq    []int32 // how many of the story's articles use each word
	occ     []int32 // how often the story's sentences use each word
	touched []int32 // the words freq and occ count
	// lists are the inverted indexes of statements' candidate lists:
	// word → candidates (by position) holding it.
	lists [2]candidateIndex
	marks factMarks // for told.repeatsWords
}

// candidateIndex finds, in a list of candidates, those sharing words
// with a new one.
type candidateIndex struct {
	postings [][]int32
	words    []int32 // the words with postings
	shared   []int32 // candidate → words shared with the one looked up
	touched  []int32 // the candidates shared counts
}

func newDraftScratch(words int) *draftScratch {
	sc := &draftScratch{freq: make([]int32, words), occ: make([]int32, words)}
	for k := range sc.lists {
		sc.lists[k].postings = make([][]int32, words)
	}
	return sc
}

// salience is the mean share of a text's words in the story.
func (dr *draft) salience(words []int32) float64 {
	if len(words) == 0 {
		return 0
	}
	s := 0.0
	for _, w := range words {
		if i, ok := slices.BinarySearch(dr.words, w); ok {
			s += dr.prob[i]
		}
	}
	return s / float64(len(words))
}

// cover squares the shares of the words of a chosen text.
func (dr *draft) cover(words []int32) {
	for _, w := range words {
		if i, ok := slices.BinarySearch(dr.words, w); ok {
			dr.prob[i] *= dr.prob[i]
		}
	}
}

// centrality scores how much of a sentence is the story's common
// vocabulary, from 0 to 2: freq counts the story's articles using each
// word, top is the highest count.
func centrality(words []int32, freq []int32, top int32) float64 {
	if len(words) == 0 {
		return 0
	}
	if top < 2 {
		return 0
	}
	s := 0.0
	for _, w := range words {
		s += float64(freq[w]-1) / float64(top-1)
	}
	return 2 * s / float64(len(words))
}

func newDraft(members, dups []*article, told *toldIndex, mentions map[int64]int, v *vocab, sc *draftScratch) *draft {
	dr := &draft{first: members[0].index, docIndex: map[int64]int{}, meetingEvs: map[string]bool{}}
	all := append(append([]*article(nil), members...), dups...)
	sort.Slice(all, func(i, j int) bool { return all[i].index < all[j].index })
	for _, a := range all {
		dr.docIndex[a.src.Doc.ID] = len(dr.sources)
		dr.sources = append(dr.sources, a.src.Doc)
	}
	// Word statistics of the story, in the scratch space.
	top, total := int32(0), 0
	for _, a := range members {
		for _, w := range a.distinct {
			if sc.freq[w] == 0 {
				sc.touched = append(sc.touched, w)
			}
			sc.freq[w]++
			top = max(top, sc.freq[w])
		}
		for _, s := range a.words {
			for _, w := range s {
				sc.occ[w]++
			}
			total += len(s)
		}
	}
	dr.central = centralArticle(members, sc.freq)
	slices.Sort(sc.touched)
	dr.words = slices.Clone(sc.touched)
	dr.prob = make([]float64, len(dr.words))
	for i, w := range dr.words {
		dr.prob[i] = float64(sc.occ[w]) / float64(total)
	}
	dr.meetings(all, told)
	dr.statements(members, told, v, sc, top)
	dr.quoteCandidates(members, told, mentions, v, &sc.marks)
	for _, w := range sc.touched {
		sc.freq[w], sc.occ[w] = 0, 0
	}
	sc.touched = sc.touched[:0]
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
// the earliest on a tie; freq counts the articles using each word.
func centralArticle(members []*article, freq []int32) *article {
	if len(members) == 1 {
		return members[0]
	}
	best, bestScore := members[0], -1.0
	for _, a := range members {
		s := 0.0
		for _, w := range a.distinct {
			s += float64(freq[w] - 1)
		}
		if len(a.distinct) > 0 {
			s /= math.Sqrt(float64(len(a.distinct)))
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

// cite returns the sources among the story's of the given documents, in
// the story's order.
func (dr *draft) cite(ids []int64) []briefing.DocumentRef {
	var buf [16]int
	idx := buf[:0]
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
			key := strconv.FormatInt(m.ID, 10) + "|" + string(m.Status)
			if told.knows(FactMeeting, key) {
				byID[m.ID] = nil
				continue
			}
			text := a.meetingLines[i]
			byID[m.ID] = &candidate{
				fact:    Fact{Kind: FactMeeting, Key: key, Text: text},
				words:   a.meetingWords[i],
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

// addTo adds a candidate said in document doc to a list, or its source
// to the first of the list saying the same, which it returns. x indexes
// the list's words.
func (x *candidateIndex) addTo(list []*candidate, c *candidate, doc int64) ([]*candidate, *candidate) {
	for _, w := range c.words {
		for _, g := range x.postings[w] {
			if x.shared[g] == 0 {
				x.touched = append(x.touched, g)
			}
			x.shared[g]++
		}
	}
	same := -1
	for _, g := range x.touched {
		if same < 0 || int(g) < same {
			if l := list[g]; l.fact.Kind == c.fact.Kind &&
				float64(x.shared[g])/float64(min(len(l.words), len(c.words))) >= sameStatement {
				same = int(g)
			}
		}
		x.shared[g] = 0
	}
	x.touched = x.touched[:0]
	if same >= 0 {
		g := list[same]
		g.sources = append(g.sources, briefing.DocumentRef{ID: doc})
		return list, g
	}
	c.sources = []briefing.DocumentRef{{ID: doc}}
	g := int32(len(list))
	for _, w := range c.words {
		if len(x.postings[w]) == 0 {
			x.words = append(x.words, w)
		}
		x.postings[w] = append(x.postings[w], g)
	}
	if len(x.shared) <= int(g) {
		x.shared = append(x.shared, make([]int32, int(g)+1-len(x.shared))...)
	}
	return append(list, c), c
}

// reset empties the index.
func (x *candidateIndex) reset() {
	for _, w := range x.words {
		x.postings[w] = x.postings[w][:0]
	}
	x.words = x.words[:0]
}

// statements adds the story's new figures, decisions and narrative
// sentences as candidates, each said once however many articles say it.
// The scratch space holds the story's word frequencies, the highest top.
func (dr *draft) statements(members []*article, told *toldIndex, v *vocab, sc *draftScratch, top int32) {
	var groups []*candidate
	var narrative []*candidate
	groupIndex, narrativeIndex := &sc.lists[0], &sc.lists[1]
	defer groupIndex.reset()
	defer narrativeIndex.reset()
	for _, a := range members {
		for i, s := range a.src.Sentences {
			words := a.words[i]
			if len(words) < 4 {
				continue
			}
			st := a.stats[i]
			n, proper := int(st.fields), int(st.proper)
			if n < 6 || n > 60 || st.quoted || len(dr.meetingEvs) > 0 && dr.meetingEvs[s] {
				continue
			}
			if told.repeatsWords(words, len(words), sameStatement, statementKinds, &sc.marks) {
				continue
			}
			position := 0.0
			switch {
			case i == 0:
				position = 1
			case i < 3:
				position = 0.5
			}
			cues, fluff, hedges, numbers := v.features(words)
			if fluff != 0 {
				continue // commentary, neither a fact nor news
			}
			// Concrete news names people and places, gives numbers and
			// says what was decided; commentary and speculation do not.
			concrete := 0.25*float64(min(proper, 4)) + 0.25*float64(min(numbers, 2)) -
				2*float64(fluff) - 0.5*float64(min(hedges, 2))
			if n > 40 {
				concrete--
			}
			if anaphoric(s) {
				concrete -= anaphoraPenalty // "This gathering…", "He said…": not self-contained
			}
			isFigure := slices.ContainsFunc(a.src.Figures, func(f Figure) bool { return f.Sentence == s })
			if isFigure || cues > 0 {
				kind, score := FactStatement, 1.5+0.75*float64(min(cues, 3))
				if isFigure {
					kind, score = FactFigure, 3
				}
				c := &candidate{fact: Fact{Kind: kind, Text: s}, keyOf: a, k: i, words: words, bullet: s,
					score: score + position + concrete, freshAt: told.version + 1, isFresh: true}
				groups, _ = groupIndex.addTo(groups, c, a.src.Doc.ID)
			}
			c := &candidate{fact: Fact{Kind: FactStatement, Text: s}, keyOf: a, k: i, words: words, bullet: s,
				score: 2*position + 0.5*float64(min(cues, 2)) + concrete + centrality(words, sc.freq, top), lead: i == 0,
				freshAt: told.version + 1, isFresh: true}
			var g *candidate
			narrative, g = narrativeIndex.addTo(narrative, c, a.src.Doc.ID)
			if g != c && a == dr.central {
				g.score += 0.5
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
func (dr *draft) quoteCandidates(members []*article, told *toldIndex, mentions map[int64]int, v *vocab, marks *factMarks) {
	var list []*candidate
	for _, a := range members {
		for i := range a.src.Quotes {
			q := &a.src.Quotes[i]
			words := a.quoteWords[i]
			if q.Speaker == nil || len(words) < 3 {
				continue
			}
			n := int(a.quoteStats[i].fields)
			if n < 5 {
				continue
			}
			if told.repeatsWords(words, len(words), sameQuote, quoteKinds, marks) {
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
			if cues, _, _, _ := v.features(words); cues > 0 {
				score += 0.5
			}
			list = append(list, &candidate{
				fact:    Fact{Kind: FactQuote, Key: strconv.FormatInt(q.Speaker.ID, 10) + "|" + keyOf(a.quoteHash[i]), Text: q.Text},
				words:   words,
				score:   score,
				quote:   q,
				topic:   a.quoteTopic[i],
				sources: []briefing.DocumentRef{{ID: a.src.Doc.ID}},
				freshAt: told.version + 1,
				isFresh: true,
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

// fresh reports whether the channel was not told a candidate yet, told
// including what earlier stories of this digest say. The answer is kept
// until more is told.
func (c *candidate) fresh(told *toldIndex) bool {
	if c.freshAt == told.version+1 {
		return c.isFresh
	}
	var f bool
	switch c.fact.Kind {
	case FactMeeting:
		f = !told.knows(FactMeeting, c.fact.Key)
	case FactQuote:
		f = !told.repeatsWords(c.words, len(c.words), sameQuote, quoteKinds, &told.marks)
	default:
		f = !told.repeatsWords(c.words, len(c.words), sameStatement, statementKinds, &told.marks)
	}
	c.freshAt, c.isFresh = told.version+1, f
	return f
}

// tells reports whether write would tell anything: whether a fact worth
// a bullet or a quote is fresh.
func (dr *draft) tells(told *toldIndex) bool {
	for _, c := range dr.facts {
		if c.score >= minBullet && c.fresh(told) {
			return true
		}
	}
	for _, c := range dr.quotes {
		if c.fresh(told) {
			return true
		}
	}
	return false
}

// write chooses the story's bullets, quotes, headline and what's-new
// line among the candidates the channel was not told, told including
// what earlier stories of this digest say. It returns the candidates
// whose facts the story tells, ok false when nothing is left to tell.
func (dr *draft) write(told *toldIndex, v *vocab) (Story, []*candidate, bool) {
	fresh := func(c *candidate) bool { return c.fresh(told) }
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
			if c == nil || c.score < minBullet || similarToAny(c, bullets) || !fresh(c) {
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
			if slices.Contains(quotes, c) || similarToAny(c, quotes) || !fresh(c) {
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
	var facts []*candidate
	if len(bullets) > 0 && bullets[0].meeting != nil {
		st.Headline = meetingHeadline(*bullets[0].meeting)
	} else {
		st.Headline = clip(dr.central.src.Doc.Title, maxHeadline)
	}
	headWords := v.numbers(contentWords(st.Headline))
	chosen := append(append([]*candidate(nil), bullets...), quotes...)
	var whatsNew *candidate
	bestScore := math.Inf(-1)
	for _, c := range dr.narrative {
		if overlap(c.words, headWords) >= sameStatement || maxOverlap(c, chosen) >= sameTopic || !fresh(c) {
			continue
		}
		s := c.score - redundancyPenalty*maxOverlap(c, chosen) + salienceWeight*dr.salience(c.words)/salNorm
		if s > bestScore {
			whatsNew, bestScore = c, s
		}
	}
	if whatsNew != nil {
		st.WhatsNew = clip(whatsNew.bullet, maxWhatsNew)
		facts = append(facts, whatsNew)
	}
	for _, c := range bullets {
		st.Bullets = append(st.Bullets, Bullet{Kind: c.fact.Kind, Text: c.bullet, Sources: c.sources})
		facts = append(facts, c)
	}
	for _, c := range quotes {
		q := *c.quote
		st.Quotes = append(st.Quotes, q)
		facts = append(facts, c)
	}
	// What the story's articles reported beyond what it tells counts as
	// told too: yesterday's quote reprinted today is not news.
	for _, list := range [][]*candidate{dr.facts, dr.quotes} {
		for _, c := range list {
			if fresh(c) && !slices.Contains(bullets, c) && !slices.Contains(quotes, c) {
				facts = append(facts, c)
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

// textKey identifies a text by its folded words: the FNV-1a hash of
// fold.Key(s) in 16 hex digits.
func textKey(s string) string { return keyOf(fnvString(fnvOffset, fold.Key(s))) }

// anaphoric reports whether a sentence opens by pointing back ("This
// gathering", "He said", "Such talks").
func anaphoric(s string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	first = strings.Trim(first, ",;:")
	if !isASCII(first) {
		first = strings.ToLower(first)
	} else if len(first) > len("these") {
		return false
	}
	for _, w := range [...]string{"this", "these", "that", "those", "it", "its", "they", "their", "he", "she", "his", "her", "such", "both"} {
		// For ASCII, EqualFold is ToLower and ==.
		if strings.EqualFold(first, w) && (isASCII(first) || first == w) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
