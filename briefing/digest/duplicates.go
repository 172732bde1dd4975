package digest

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"briefbot/briefing/fold"
)

// Near-duplicate detection: two articles are near-duplicates when the
// shorter shares at least duplicateOverlap of its word 5-grams
// ("shingles") with the longer.
const (
	duplicateOverlap = 0.85
	shingleSize      = 5
	// shingleSample keeps one shingle in shingleSample (by hash), which
	// estimates overlap well for articles of a few hundred words and
	// keeps the index small.
	shingleSample = 4
	// commonShingle is how many articles may share a shingle before it
	// is taken for boilerplate and ignored.
	commonShingle = 128
)

// shingles returns the sampled shingle hashes of an article's body,
// without repeats, sorted.
func shingles(sentences []string) []uint64 {
	var words []string
	for _, s := range sentences {
		words = append(words, strings.Fields(fold.Key(s))...)
	}
	seen := map[uint64]bool{}
	var out []uint64
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		v := h.Sum64()
		if v%shingleSample != 0 || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	if len(out) == 0 && len(words) > 0 {
		// A text too short to sample: its whole folded body is one
		// shingle, so that only an identical text matches it.
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words, " ")))
		out = append(out, h.Sum64())
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// nearDuplicates maps each article that nearly duplicates another to the
// one kept: of two near-copies the longer is kept, the earlier on a tie.
// Articles are given oldest first; the result is indexed like them, -1
// for articles kept.
func nearDuplicates(sets [][]uint64) []int {
	keptAs := make([]int, len(sets))
	for i := range keptAs {
		keptAs[i] = -1
	}
	type pair struct{ a, b int }
	var pairs []pair
	// Identical texts pair up directly, however many copies there are.
	firstOf := map[string]int{}
	for i, set := range sets {
		key := fmt.Sprint(set)
		if j, ok := firstOf[key]; ok && len(set) > 0 {
			pairs = append(pairs, pair{j, i})
			continue
		}
		firstOf[key] = i
	}
	postings := map[uint64][]int{}
	for i, set := range sets {
		for _, h := range set {
			postings[h] = append(postings[h], i)
		}
	}
	// Shingles shared by too many articles are boilerplate: left out of
	// both the shared count and the sizes compared.
	size := make([]int, len(sets))
	for i, set := range sets {
		for _, h := range set {
			if len(postings[h]) <= commonShingle {
				size[i]++
			}
		}
	}
	// Count, for each article, the shingles it shares with each later
	// one, in a dense counter reset after use.
	shared := make([]int32, len(sets))
	var touched []int
	for i, set := range sets {
		for _, h := range set {
			ids := postings[h]
			if len(ids) > commonShingle {
				continue
			}
			// ids is ascending: the later articles follow i.
			for _, j := range ids[sort.SearchInts(ids, i+1):] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range touched {
			small := min(size[i], size[j])
			if small > 0 && float64(shared[j])/float64(small) >= duplicateOverlap {
				pairs = append(pairs, pair{i, j})
			}
			shared[j] = 0
		}
		touched = touched[:0]
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	// Union the pairs; each group keeps its longest (then earliest)
	// article.
	parent := make([]int, len(sets))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	better := func(a, b int) bool { // a is the better one to keep
		if len(sets[a]) != len(sets[b]) {
			return len(sets[a]) > len(sets[b])
		}
		return a < b
	}
	for _, p := range pairs {
		ra, rb := find(p.a), find(p.b)
		if ra == rb {
			continue
		}
		if better(rb, ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	for i := range sets {
		if r := find(i); r != i {
			keptAs[i] = r
		}
	}
	return keptAs
}
