package digest

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// Story clustering: each article is a sparse TF-IDF vector of its content
// words, the people it names and the meetings it reports; an article
// joins the story whose centroid it is most similar to (cosine), when
// that similarity reaches joinStory, or starts a new one.
const (
	joinStory = 0.35
	// shareMeetingWeight and sharePeopleWeight raise the similarity of an
	// article reporting a meeting the story reports, and naming its
	// people (by the share of the article's people).
	shareMeetingWeight = 0.3
	sharePeopleWeight  = 0.2
	// vectorTerms bounds an article's vector to its heaviest terms.
	vectorTerms = 60
	// personWeight and meetingWeight scale the entity features against
	// words: reporting the same meeting is strong evidence of one story.
	personWeight  = 2.0
	meetingWeight = 4.0
)

// term is one feature of an article vector.
type term struct {
	id, rank int32 // see terms
	weight   float64
}

// terms numbers the features of article vectors: the vocab's words are
// terms 0…words-1, then come the people ("p:<id>") and the meetings
// ("m:<id>") the articles name. rank orders terms as their keys compare
// as strings, which breaks ties between equal weights.
type terms struct {
	words, people int // terms words…words+people-1 are people
	person        map[int64]int32
	meeting       map[int64]int32
	rank          []int32
}

func newTerms(arts []*article, v *vocab) *terms {
	ts := &terms{words: len(v.words), person: map[int64]int32{}, meeting: map[int64]int32{}}
	var pids, mids []int64
	for _, a := range arts {
		for _, p := range a.src.People {
			if _, ok := ts.person[p.ID]; !ok {
				ts.person[p.ID] = int32(ts.words + len(pids))
				pids = append(pids, p.ID)
			}
		}
	}
	ts.people = len(pids)
	for _, a := range arts {
		a.personTerms = make([]int32, len(a.src.People))
		for k, p := range a.src.People {
			a.personTerms[k] = ts.person[p.ID]
		}
		a.meetingTerms = make([]int32, len(a.src.Meetings))
		for k, m := range a.src.Meetings {
			t, ok := ts.meeting[m.ID]
			if !ok {
				t = int32(ts.words + ts.people + len(mids))
				ts.meeting[m.ID] = t
				mids = append(mids, m.ID)
			}
			a.meetingTerms[k] = t
		}
	}
	type entity struct {
		key string
		id  int32
	}
	entities := make([]entity, 0, len(pids)+len(mids))
	for k, id := range pids {
		entities = append(entities, entity{"p:" + strconv.FormatInt(id, 10), int32(ts.words + k)})
	}
	for k, id := range mids {
		entities = append(entities, entity{"m:" + strconv.FormatInt(id, 10), int32(ts.words + ts.people + k)})
	}
	slices.SortFunc(entities, func(a, b entity) int { return cmp.Compare(a.key, b.key) })
	// The vocab's words are sorted: merge them with the entity keys.
	words := v.words
	if !slices.IsSorted(words) {
		panic("digest: terms of a vocab not in word order")
	}
	ts.rank = make([]int32, len(words)+len(entities))
	r, e := int32(0), 0
	for w := range words {
		for e < len(entities) && entities[e].key < words[w] {
			ts.rank[entities[e].id] = r
			r++
			e++
		}
		ts.rank[w] = r
		r++
	}
	for ; e < len(entities); e++ {
		ts.rank[entities[e].id] = r
		r++
	}
	return ts
}

// size is how many terms there are.
func (ts *terms) size() int { return len(ts.rank) }

// vectors builds the normalised TF-IDF vectors of articles.
func vectors(arts []*article, ts *terms) [][]term {
	type count struct {
		id int32
		tf float64
	}
	counts := make([][]count, len(arts))
	type scratch struct {
		tf   []float64
		seen []bool
	}
	scratches := make([]*scratch, workers(len(arts)))
	forEachWorker(len(arts), func(wk, i int) {
		sc := scratches[wk]
		if sc == nil {
			sc = &scratch{tf: make([]float64, ts.size()), seen: make([]bool, ts.size())}
			scratches[wk] = sc
		}
		var touched []int32
		add := func(t int32, n float64) {
			if !sc.seen[t] {
				sc.seen[t] = true
				touched = append(touched, t)
			}
			sc.tf[t] += n
		}
		a := arts[i]
		for _, s := range a.words {
			for _, w := range s {
				add(w, 1)
			}
		}
		for k, p := range a.src.People {
			add(a.personTerms[k], float64(p.Mentions))
		}
		for _, t := range a.meetingTerms {
			add(t, 1)
		}
		c := make([]count, len(touched))
		for k, t := range touched {
			c[k] = count{t, sc.tf[t]}
			sc.tf[t], sc.seen[t] = 0, false
		}
		counts[i] = c
	})
	df := make([]int32, ts.size())
	for _, c := range counts {
		for _, x := range c {
			df[x.id]++
		}
	}
	n := float64(len(arts))
	idf := make([]float64, len(df))
	for t, f := range df {
		if f > 0 {
			idf[t] = math.Log(1 + n/float64(f))
		}
	}
	out := make([][]term, len(arts))
	forEach(len(arts), func(i int) {
		c := counts[i]
		v := make([]term, 0, len(c))
		for _, x := range c {
			w := (1 + logOf(x.tf)) * idf[x.id]
			switch {
			case int(x.id) < ts.words:
			case int(x.id) < ts.words+ts.people:
				w *= personWeight
			default:
				w *= meetingWeight
			}
			v = append(v, term{x.id, ts.rank[x.id], w})
		}
		// The heaviest terms, heaviest first, then in key order.
		if len(v) > vectorTerms {
			selectFirst(v, vectorTerms)
			v = v[:vectorTerms:vectorTerms]
		}
		slices.SortFunc(v, func(x, y term) int {
			if termBefore(x, y) {
				return -1
			}
			return 1
		})
		norm := 0.0
		for _, t := range v {
			norm += t.weight * t.weight
		}
		norm = math.Sqrt(norm)
		for j := range v {
			if norm > 0 {
				v[j].weight /= norm
			}
		}
		out[i] = v
	})
	return out
}

// termBefore orders terms by weight, heaviest first, then by key: a
// total order, as no two terms have one key.
func termBefore(x, y term) bool {
	if x.weight != y.weight {
		return x.weight > y.weight
	}
	return x.rank < y.rank
}

// selectFirst moves the first k terms of v (see termBefore) to v[:k], in
// some order.
func selectFirst(v []term, k int) {
	lo, hi := 0, len(v)-1
	for lo < hi {
		pivot := v[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for termBefore(v[i], pivot) {
				i++
			}
			for termBefore(pivot, v[j]) {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// smallLogs are the logarithms of 0…63.
var smallLogs = func() (l [64]float64) {
	for i := range l {
		l[i] = math.Log(float64(i))
	}
	return l
}()

// logOf is math.Log(x), looked up for small whole numbers.
func logOf(x float64) float64 {
	if x >= 0 && x < float64(len(smallLogs)) && x == math.Trunc(x) {
		return smallLogs[int(x)]
	}
	return math.Log(x)
}

// cluster groups articles into stories, in order: each article joins
// the most similar story so far or starts one. Similarity is the cosine
// of the word vectors, raised when the article reports a meeting the
// story reports, or names the story's people. It returns each story's
// article indexes.
func cluster(arts []*article, vecs [][]term, ts *terms) [][]int {
	// postings lists, for each term, the stories whose centroid has it
	// with its weight there; entityStories, for each person and meeting
	// (by term), the stories naming it.
	type posting struct {
		story  int32
		weight float64
	}
	var stories [][]int
	var normSq []float64          // of each story's centroid
	var entities []map[int32]bool // story → the people and meetings it names
	postings := make([][]posting, ts.size())
	entityStories := make([][]int32, ts.size()-ts.words)
	// For the article being placed, by story: its dot product with the
	// story's centroid, whether they share a term, how many of its
	// people the story names and whether the story reports one of its
	// meetings.
	var score []float64
	var hit, meets []bool
	var sharedPeople []int32
	var touched []int32
	for i, v := range vecs {
		a := arts[i]
		for _, t := range v {
			for _, p := range postings[t.id] {
				if !hit[p.story] {
					hit[p.story] = true
					touched = append(touched, p.story)
				}
				score[p.story] += t.weight * p.weight
			}
		}
		if len(touched) > 0 {
			for _, t := range a.personTerms {
				for _, s := range entityStories[int(t)-ts.words] {
					sharedPeople[s]++
				}
			}
			for _, t := range a.meetingTerms {
				for _, s := range entityStories[int(t)-ts.words] {
					meets[s] = true
				}
			}
		}
		named := len(a.personTerms)
		best, bestSim := -1, 0.0
		for _, st := range touched {
			s := int(st)
			sim := score[s] / math.Sqrt(normSq[s])
			if named > 0 {
				sim += sharePeopleWeight * float64(sharedPeople[s]) / float64(named)
			}
			if meets[s] {
				sim += shareMeetingWeight
			}
			if sim > bestSim || sim == bestSim && s < best {
				best, bestSim = s, sim
			}
		}
		for _, s := range touched {
			score[s], hit[s] = 0, false
		}
		if len(touched) > 0 {
			for _, t := range a.personTerms {
				for _, s := range entityStories[int(t)-ts.words] {
					sharedPeople[s] = 0
				}
			}
			for _, t := range a.meetingTerms {
				for _, s := range entityStories[int(t)-ts.words] {
					meets[s] = false
				}
			}
		}
		touched = touched[:0]
		isNew := best < 0 || bestSim < joinStory
		if isNew {
			best = len(stories)
			stories = append(stories, nil)
			normSq = append(normSq, 0)
			entities = append(entities, map[int32]bool{})
			score = append(score, 0)
			hit = append(hit, false)
			meets = append(meets, false)
			sharedPeople = append(sharedPeople, 0)
		}
		stories[best] = append(stories[best], i)
		for _, t := range v {
			ps := postings[t.id]
			k := -1
			if !isNew {
				for j := range ps {
					if int(ps[j].story) == best {
						k = j
						break
					}
				}
			}
			if k < 0 {
				k = len(ps)
				postings[t.id] = append(ps, posting{story: int32(best)})
			}
			p := &postings[t.id][k]
			old := p.weight
			p.weight = old + t.weight
			normSq[best] += (old+t.weight)*(old+t.weight) - old*old
		}
		for _, list := range [][]int32{a.personTerms, a.meetingTerms} {
			for _, t := range list {
				if !entities[best][t] {
					entities[best][t] = true
					entityStories[int(t)-ts.words] = append(entityStories[int(t)-ts.words], int32(best))
				}
			}
		}
	}
	return stories
}
