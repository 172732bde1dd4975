package digest

import "slices"

// Thresholds of word overlap (see overlap) at which two texts say the
// same thing.
const (
	sameStatement = 0.6
	sameQuote     = 0.8
	// probeWords is how many of a text's rarest words look up the told
	// facts it may repeat.
	probeWords = 8
	// maxChecked bounds the told facts one text is compared with: the
	// rarest words' facts come first, and a text whose rarest words
	// were told hundreds of times is boilerplate.
	maxChecked = 256
)

// toldIndex remembers what a channel was told and finds what a new text
// repeats: exact keys, and texts sharing most of their words. Words are
// numbered as they are first told, so comparing two texts merges slices
// of integers rather than of strings.
type toldIndex struct {
	keys     map[string]bool
	facts    []toldFact
	vocab    map[string]int32 // told word → its number
	postings [][]int32        // word number → facts holding it
}

type toldFact struct {
	kind  FactKind
	words []int32 // ascending
}

func newToldIndex(told []Fact) *toldIndex {
	t := &toldIndex{keys: map[string]bool{}, vocab: map[string]int32{}}
	words := make([][]string, len(told))
	forEach(len(told), func(i int) { words[i] = contentWords(told[i].Text) })
	for i, f := range told {
		t.addWords(f, words[i])
	}
	return t
}

func factID(kind FactKind, key string) string { return string(kind) + "|" + key }

// add remembers a fact.
func (t *toldIndex) add(f Fact) { t.addWords(f, contentWords(f.Text)) }

// addWords remembers a fact whose content words are words.
func (t *toldIndex) addWords(f Fact, words []string) {
	t.keys[factID(f.Kind, f.Key)] = true
	if len(words) == 0 {
		return
	}
	i := int32(len(t.facts))
	ids := make([]int32, len(words))
	for k, w := range words {
		id, ok := t.vocab[w]
		if !ok {
			id = int32(len(t.postings))
			t.vocab[w] = id
			t.postings = append(t.postings, nil)
		}
		ids[k] = id
		t.postings[id] = append(t.postings[id], i)
	}
	slices.Sort(ids)
	t.facts = append(t.facts, toldFact{kind: f.Kind, words: ids})
}

// knows reports whether a fact with this key was told.
func (t *toldIndex) knows(kind FactKind, key string) bool {
	return t.keys[factID(kind, key)]
}

// repeats reports whether a told fact of one of the kinds shares at
// least threshold of the words (see overlap).
func (t *toldIndex) repeats(words []string, threshold float64, kinds ...FactKind) bool {
	if len(words) == 0 || len(t.facts) == 0 {
		return false
	}
	// Words never told cannot lead to a told fact; they still count in
	// the text's size.
	ids := make([]int32, 0, len(words))
	for _, w := range words {
		if id, ok := t.vocab[w]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return false
	}
	// Probe with the rarest told words: a text sharing most words with
	// this one shares some of its rarest too.
	probe := slices.Clone(ids)
	slices.SortStableFunc(probe, func(a, b int32) int { return len(t.postings[a]) - len(t.postings[b]) })
	if len(probe) > probeWords {
		probe = probe[:probeWords]
	}
	slices.Sort(ids)
	checked := make(map[int32]bool, maxChecked)
	for _, w := range probe {
		for _, i := range t.postings[w] {
			if checked[i] {
				continue
			}
			if len(checked) == maxChecked {
				return false
			}
			checked[i] = true
			f := t.facts[i]
			if !slices.Contains(kinds, f.kind) {
				continue
			}
			if shared := sharedCount(ids, f.words); float64(shared)/float64(min(len(words), len(f.words))) >= threshold {
				return true
			}
		}
	}
	return false
}
