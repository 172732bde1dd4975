package digest

import (
	"math"
	"slices"
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

// kindSet is a set of fact kinds, one bit each.
type kindSet uint8

func kindBit(k FactKind) kindSet {
	switch k {
	case FactMeeting:
		return 1
	case FactQuote:
		return 2
	case FactFigure:
		return 4
	case FactStatement:
		return 8
	}
	return 0
}

func kindsOf(kinds ...FactKind) kindSet {
	var s kindSet
	for _, k := range kinds {
		s |= kindBit(k)
	}
	return s
}

// The kinds of told facts a new statement and a new quote may repeat.
var (
	statementKinds = kindsOf(FactStatement, FactFigure, FactMeeting)
	quoteKinds     = kindsOf(FactQuote)
)

// toldIndex remembers what a channel was told and finds what a new text
// repeats: exact keys, and texts sharing most of their words. Words are
// numbered (see vocab), so comparing two texts merges slices of integers
// rather than of strings.
type toldIndex struct {
	keys     map[factKey]bool
	vocab    *vocab
	facts    []toldFact
	postings [][]int32 // word number → facts holding it
	// version changes whenever a fact is told, so that answers about
	// the facts told so far may be remembered until then.
	version int
	marks   factMarks // for the callers of repeats one at a time
}

// factMarks marks the told facts one text was compared with: fact i is
// marked when mark[i] is gen, so that unmarking them all is a new gen.
// Each goroutine asking repeatsWords has its own.
type factMarks struct {
	gen  uint32
	mark []uint32
}

// reset unmarks every fact of n.
func (m *factMarks) reset(n int) {
	m.gen++
	if m.gen == 0 { // wrapped around: marks of old gens may match
		clear(m.mark)
		m.gen = 1
	}
	if len(m.mark) < n {
		m.mark = append(m.mark, make([]uint32, n-len(m.mark))...)
	}
}

type factKey struct {
	kind FactKind
	key  string
}

type toldFact struct {
	kind  kindSet
	words []int32 // ascending
}

// newToldIndex indexes told facts with a vocab of their own.
func newToldIndex(told []Fact) *toldIndex {
	words := make([][]string, len(told))
	forEach(len(told), func(i int) { words[i] = contentWords(told[i].Text) })
	t := &toldIndex{keys: make(map[factKey]bool, len(told)), vocab: newVocab(nil)}
	for i, f := range told {
		t.addWords(f, t.vocab.numbers(words[i]))
	}
	return t
}

// newToldIndexOf indexes told facts whose content words, numbered by v,
// are words.
func newToldIndexOf(v *vocab, told []Fact, words [][]int32) *toldIndex {
	t := &toldIndex{keys: make(map[factKey]bool, len(told)), vocab: v, postings: make([][]int32, len(v.words))}
	// The postings, in one allocation, each with room for its facts.
	count := make([]int32, len(v.words))
	total := 0
	for _, ws := range words {
		for _, w := range ws {
			count[w]++
		}
		total += len(ws)
	}
	all := make([]int32, total)
	for w, c := range count {
		t.postings[w], all = all[:0:c], all[c:]
	}
	t.facts = make([]toldFact, 0, len(told))
	for i, f := range told {
		t.addWords(f, words[i])
	}
	return t
}

// add remembers a fact.
func (t *toldIndex) add(f Fact) { t.addWords(f, t.vocab.numbers(contentWords(f.Text))) }

// addWords remembers a fact whose content words are words, ascending,
// without repeats. It keeps words.
func (t *toldIndex) addWords(f Fact, words []int32) {
	t.version++
	t.keys[factKey{f.Kind, f.Key}] = true
	if len(words) == 0 {
		return
	}
	i := int32(len(t.facts))
	for _, w := range words {
		if int(w) >= len(t.postings) {
			t.postings = append(t.postings, make([][]int32, int(w)+1-len(t.postings))...)
		}
		t.postings[w] = append(t.postings[w], i)
	}
	t.facts = append(t.facts, toldFact{kind: kindBit(f.Kind), words: words})
}

// knows reports whether a fact with this key was told.
func (t *toldIndex) knows(kind FactKind, key string) bool {
	return t.keys[factKey{kind, key}]
}

// repeats reports whether a told fact of one of the kinds shares at
// least threshold of the words (see overlap).
func (t *toldIndex) repeats(words []string, threshold float64, kinds ...FactKind) bool {
	ids := make([]int32, 0, len(words))
	for _, w := range words {
		if id, ok := t.vocab.lookup(w); ok {
			ids = append(ids, id)
		}
	}
	return t.repeatsWords(ids, len(words), threshold, kindsOf(kinds...), &t.marks)
}

// repeatsWords is repeats of a text of n content words, of which words
// are those the vocab numbers, in the order of the words; marks is the
// calling goroutine's.
func (t *toldIndex) repeatsWords(words []int32, n int, threshold float64, kinds kindSet, marks *factMarks) bool {
	if n == 0 || len(t.facts) == 0 {
		return false
	}
	// Words never told cannot lead to a told fact; they still count in
	// the text's size.
	var buf, probeBuf [64]int32
	ids := buf[:0]
	for _, w := range words {
		if int(w) < len(t.postings) && len(t.postings[w]) > 0 {
			ids = append(ids, w)
		}
	}
	if len(ids) == 0 {
		return false
	}
	// Probe with the rarest told words: a text sharing most words with
	// this one shares some of its rarest too. Stable: of words told as
	// often, the first in word order.
	probe := append(probeBuf[:0], ids...)
	for i := 1; i < len(probe); i++ {
		w := probe[i]
		c := len(t.postings[w])
		j := i
		for ; j > 0 && len(t.postings[probe[j-1]]) > c; j-- {
			probe[j] = probe[j-1]
		}
		probe[j] = w
	}
	if len(probe) > probeWords {
		probe = probe[:probeWords]
	}
	if !slices.IsSorted(ids) {
		slices.Sort(ids)
	}
	marks.reset(len(t.facts))
	checked := 0
	for _, w := range probe {
		for _, i := range t.postings[w] {
			if marks.mark[i] == marks.gen {
				continue
			}
			if checked == maxChecked {
				return false
			}
			marks.mark[i] = marks.gen
			checked++
			f := &t.facts[i]
			if f.kind&kinds == 0 {
				continue
			}
			if sharesAtLeast(ids, f.words, atLeast(threshold, min(n, len(f.words)))) {
				return true
			}
		}
	}
	return false
}

// atLeast is the least number of words shared of m that makes an overlap
// of threshold: float64(k)/float64(m) >= threshold exactly when k is at
// least that.
func atLeast(threshold float64, m int) int {
	k := int(math.Ceil(threshold * float64(m)))
	for k > 0 && float64(k-1)/float64(m) >= threshold {
		k--
	}
	for float64(k)/float64(m) < threshold {
		k++
	}
	return k
}

// sharesAtLeast reports whether two ascending slices without repeats
// have at least k values in common (see sharedCount), merging them only
// until the answer is known.
func sharesAtLeast(a, b []int32, k int) bool {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if n >= k {
			return true
		}
		if n+min(len(a)-i, len(b)-j) < k {
			return false
		}
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n >= k
}
