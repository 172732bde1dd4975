package digest

import (
	"slices"
	"sort"
)

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
// repeats: exact keys, and texts sharing most of their words.
type toldIndex struct {
	keys     map[string]bool
	facts    []toldFact
	postings map[string][]int // word → facts holding it
}

type toldFact struct {
	kind  FactKind
	words []string
}

func newToldIndex(told []Fact) *toldIndex {
	t := &toldIndex{keys: map[string]bool{}, postings: map[string][]int{}}
	for _, f := range told {
		t.add(f)
	}
	return t
}

func factID(kind FactKind, key string) string { return string(kind) + "|" + key }

// add remembers a fact.
func (t *toldIndex) add(f Fact) {
	t.keys[factID(f.Kind, f.Key)] = true
	words := contentWords(f.Text)
	if len(words) == 0 {
		return
	}
	i := len(t.facts)
	t.facts = append(t.facts, toldFact{kind: f.Kind, words: words})
	for _, w := range words {
		t.postings[w] = append(t.postings[w], i)
	}
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
	// Probe with the rarest words: a text sharing most words with this
	// one shares some of its rarest too.
	// Words never told cannot lead to a told fact: probe with the rarest
	// of the others.
	probe := make([]string, 0, len(words))
	for _, w := range words {
		if len(t.postings[w]) > 0 {
			probe = append(probe, w)
		}
	}
	sort.SliceStable(probe, func(i, j int) bool { return len(t.postings[probe[i]]) < len(t.postings[probe[j]]) })
	if len(probe) > probeWords {
		probe = probe[:probeWords]
	}
	checked := map[int]bool{}
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
			if slices.Contains(kinds, f.kind) && overlap(words, f.words) >= threshold {
				return true
			}
		}
	}
	return false
}
