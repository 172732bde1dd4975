package digest

import (
	"slices"
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
	var stream []byte
	var starts []int32
	for _, s := range sentences {
		for _, w := range strings.Fields(fold.Key(s)) {
			starts = append(starts, int32(len(stream)))
			stream = append(append(stream, w...), ' ')
		}
	}
	return shingleSet(stream, append(starts, int32(len(stream))))
}

// shingleSet returns the sampled shingle hashes of a text whose folded
// words, each followed by a space, are stream, word i starting at
// starts[i], and starts ending with len(stream); without repeats, sorted.
// A shingle's hash is FNV-1a of its words, each followed by a space.
func shingleSet(stream []byte, starts []int32) []uint64 {
	words := len(starts) - 1
	if words <= 0 {
		return nil
	}
	var out []uint64
	// Four shingles at a time: four independent hashes keep the
	// processor busy.
	k := 0
	for ; k+3+shingleSize <= words; k += 4 {
		a := stream[starts[k]:starts[k+shingleSize]]
		b := stream[starts[k+1]:starts[k+1+shingleSize]]
		c := stream[starts[k+2]:starts[k+2+shingleSize]]
		d := stream[starts[k+3]:starts[k+3+shingleSize]]
		m := min(len(a), len(b), len(c), len(d))
		ha, hb, hc, hd := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
		a2, b2, c2, d2 := a[:m], b[:m], c[:m], d[:m]
		for i := range a2 {
			ha = (ha ^ uint64(a2[i])) * fnvPrime
			hb = (hb ^ uint64(b2[i])) * fnvPrime
			hc = (hc ^ uint64(c2[i])) * fnvPrime
			hd = (hd ^ uint64(d2[i])) * fnvPrime
		}
		for _, h := range [4]uint64{fnvBytes(ha, a[m:]), fnvBytes(hb, b[m:]), fnvBytes(hc, c[m:]), fnvBytes(hd, d[m:])} {
			if h%shingleSample == 0 {
				out = append(out, h)
			}
		}
	}
	for ; k+shingleSize <= words; k++ {
		if h := fnvBytes(fnvOffset, stream[starts[k]:starts[k+shingleSize]]); h%shingleSample == 0 {
			out = append(out, h)
		}
	}
	if len(out) == 0 {
		// A text too short to sample: its whole folded body is one
		// shingle, so that only an identical text matches it.
		return []uint64{fnvBytes(fnvOffset, stream[:len(stream)-1])}
	}
	slices.Sort(out)
	return slices.Compact(out)
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
	// Identical texts pair up directly, however many copies there are:
	// each with the first of its copies.
	firstOf := make(map[uint64][]int, len(sets)) // hash of a set → the first articles with it
	total := 0
	for i, set := range sets {
		total += len(set)
		if len(set) == 0 {
			continue
		}
		h := uint64(fnvOffset)
		for _, v := range set {
			h = (h ^ v) * fnvPrime
		}
		same := -1
		for _, j := range firstOf[h] {
			if slices.Equal(sets[j], set) {
				same = j
				break
			}
		}
		if same >= 0 {
			pairs = append(pairs, pair{same, i})
			continue
		}
		firstOf[h] = append(firstOf[h], i)
	}
	// Number the distinct shingles; postings[start[r]:start[r+1]] are the
	// articles holding shingle r, ascending.
	// The numbers are found in an open-addressing table indexed by the
	// hashes' high bits: a sorted set reads it in order.
	bits := 4
	for 1<<bits < 2*total {
		bits++
	}
	keys := make([]uint64, 1<<bits)
	numbers := make([]int32, 1<<bits)   // 1 + the number of keys[i], 0 for none
	numbered := make([]int32, 0, total) // the shingles of each set in turn
	var count []int32
	for _, set := range sets {
		for _, h := range set {
			i := h >> (64 - bits)
			for numbers[i] != 0 && keys[i] != h {
				i = (i + 1) & (1<<bits - 1)
			}
			if numbers[i] == 0 {
				keys[i] = h
				count = append(count, 0)
				numbers[i] = int32(len(count))
			}
			r := numbers[i] - 1
			count[r]++
			numbered = append(numbered, r)
		}
	}
	start := make([]int32, len(count)+1)
	for r, c := range count {
		start[r+1] = start[r] + c
	}
	postings := make([]int32, total)
	fill := slices.Clone(start[:len(count)])
	k := 0
	for i, set := range sets {
		for range set {
			r := numbered[k]
			k++
			postings[fill[r]] = int32(i)
			fill[r]++
		}
	}
	// Shingles shared by too many articles are boilerplate: left out of
	// both the shared count and the sizes compared.
	size := make([]int, len(sets))
	k = 0
	for i, set := range sets {
		for range set {
			if count[numbered[k]] <= commonShingle {
				size[i]++
			}
			k++
		}
	}
	// Count, for each article, the shingles it shares with each later
	// one, in a dense counter reset after use.
	shared := make([]int32, len(sets))
	var touched []int32
	k = 0
	for i, set := range sets {
		for range set {
			r := numbered[k]
			k++
			if count[r] > commonShingle {
				continue
			}
			ids := postings[start[r]:start[r+1]]
			// ids is ascending: the later articles follow i.
			from, _ := slices.BinarySearch(ids, int32(i+1))
			for _, j := range ids[from:] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range touched {
			small := min(size[i], size[j])
			if small > 0 && float64(shared[j])/float64(small) >= duplicateOverlap {
				pairs = append(pairs, pair{i, int(j)})
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
