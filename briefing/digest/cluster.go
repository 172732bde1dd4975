package digest

import (
	"fmt"
	"math"
	"sort"
	"strings"
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
	key    string
	weight float64
}

// vectors builds the normalised TF-IDF vectors of articles.
func vectors(arts []*article) [][]term {
	df := map[string]int{}
	counts := make([]map[string]float64, len(arts))
	for i, a := range arts {
		c := map[string]float64{}
		for _, s := range a.words {
			for _, w := range s {
				c[w]++
			}
		}
		for _, p := range a.src.People {
			c[fmt.Sprintf("p:%d", p.ID)] += float64(p.Mentions)
		}
		for _, m := range a.src.Meetings {
			c[fmt.Sprintf("m:%d", m.ID)]++
		}
		for k := range c {
			df[k]++
		}
		counts[i] = c
	}
	n := float64(len(arts))
	out := make([][]term, len(arts))
	for i, c := range counts {
		v := make([]term, 0, len(c))
		for k, tf := range c {
			w := (1 + math.Log(tf)) * math.Log(1+n/float64(df[k]))
			switch {
			case strings.HasPrefix(k, "p:"):
				w *= personWeight
			case strings.HasPrefix(k, "m:"):
				w *= meetingWeight
			}
			v = append(v, term{k, w})
		}
		sort.Slice(v, func(x, y int) bool {
			if v[x].weight != v[y].weight {
				return v[x].weight > v[y].weight
			}
			return v[x].key < v[y].key
		})
		if len(v) > vectorTerms {
			v = v[:vectorTerms]
		}
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
	}
	return out
}

// cluster groups articles into stories, in order: each article joins
// the most similar story so far or starts one. Similarity is the cosine
// of the word vectors, raised when the article reports a meeting the
// story reports, or names the story's people. It returns each story's
// article indexes.
func cluster(arts []*article, vecs [][]term) [][]int {
	var stories [][]int
	var centroids []map[string]float64
	var normSq []float64
	var meetings, people []map[int64]bool
	postings := map[string][]int{} // term → stories whose centroid has it
	for i, v := range vecs {
		score := map[int]float64{}
		for _, t := range v {
			for _, s := range postings[t.key] {
				score[s] += t.weight * centroids[s][t.key]
			}
		}
		best, bestSim := -1, 0.0
		for s, dot := range score {
			sim := dot / math.Sqrt(normSq[s])
			sharedPeople, named := 0, 0
			for _, p := range arts[i].src.People {
				named++
				if people[s][p.ID] {
					sharedPeople++
				}
			}
			if named > 0 {
				sim += sharePeopleWeight * float64(sharedPeople) / float64(named)
			}
			for _, m := range arts[i].src.Meetings {
				if meetings[s][m.ID] {
					sim += shareMeetingWeight
					break
				}
			}
			if sim > bestSim || sim == bestSim && s < best {
				best, bestSim = s, sim
			}
		}
		if best < 0 || bestSim < joinStory {
			best = len(stories)
			stories = append(stories, nil)
			centroids = append(centroids, map[string]float64{})
			normSq = append(normSq, 0)
			meetings = append(meetings, map[int64]bool{})
			people = append(people, map[int64]bool{})
		}
		stories[best] = append(stories[best], i)
		c := centroids[best]
		for _, t := range v {
			old, ok := c[t.key]
			if !ok {
				postings[t.key] = append(postings[t.key], best)
			}
			c[t.key] = old + t.weight
			normSq[best] += (old+t.weight)*(old+t.weight) - old*old
		}
		for _, p := range arts[i].src.People {
			people[best][p.ID] = true
		}
		for _, m := range arts[i].src.Meetings {
			meetings[best][m.ID] = true
		}
	}
	return stories
}
