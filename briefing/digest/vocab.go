package digest

import (
	"math/bits"
	"slices"
	"strings"
)

// vocab numbers content words, so that texts compare as sorted slices of
// numbers rather than of strings. The words a vocab starts with are
// numbered in their order, so that sorting numbers sorts those words as
// strings: sums over a text's words run in the same order either way.
// Words added later take the next numbers.
type vocab struct {
	ids   map[string]int32
	words []string
	info  []wordInfo // of each word
}

// wordInfo is what the scoring of facts reads of a content word.
type wordInfo struct {
	cues   uint64 // the decisionCues it starts with, one bit each
	fluff  uint64 // the fluffCues it starts with
	hedges uint64 // the hedgeCues it starts with
	number bool
}

// newVocab numbers words, sorted and without repeats.
func newVocab(words []string) *vocab {
	v := &vocab{ids: make(map[string]int32, len(words)), words: words, info: make([]wordInfo, len(words))}
	for i, w := range words {
		v.ids[w] = int32(i)
		v.info[i] = wordInfoOf(w)
	}
	return v
}

// lookup returns the number of a word, if it has one.
func (v *vocab) lookup(w string) (int32, bool) {
	id, ok := v.ids[w]
	return id, ok
}

// add returns the number of a word, numbering it if it has none.
func (v *vocab) add(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	v.info = append(v.info, wordInfoOf(w))
	return id
}

// numbers returns the numbers of words, ascending, numbering words that
// have none.
func (v *vocab) numbers(words []string) []int32 {
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = v.add(w)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// features counts, among a text's content words, the distinct decision
// cues, commentary cues and speculation cues they start with (see
// decisionCues, fluffCues and hedgeCues: a cue counts once however many
// words start with it) and the numbers.
func (v *vocab) features(words []int32) (cues, fluff, hedges, numbers int) {
	var c, f, h uint64
	for _, w := range words {
		in := &v.info[w]
		c |= in.cues
		f |= in.fluff
		h |= in.hedges
		if in.number {
			numbers++
		}
	}
	return bits.OnesCount64(c), bits.OnesCount64(f), bits.OnesCount64(h), numbers
}

// cueIndex finds the prefixes of a list that may start a word by the
// word's first byte.
type cueIndex [256][]uint8

func newCueIndex(prefixes []string) *cueIndex {
	if len(prefixes) > 64 {
		panic("digest: more than 64 cues of one kind")
	}
	var x cueIndex
	for i, p := range prefixes {
		x[p[0]] = append(x[p[0]], uint8(i))
	}
	return &x
}

// mask has a bit set for each prefix that starts w.
func (x *cueIndex) mask(w string, prefixes []string) uint64 {
	if w == "" {
		return 0
	}
	var m uint64
	for _, i := range x[w[0]] {
		if strings.HasPrefix(w, prefixes[i]) {
			m |= 1 << i
		}
	}
	return m
}

var (
	decisionIndex = newCueIndex(decisionCues)
	fluffIndex    = newCueIndex(fluffCues)
	hedgeIndex    = newCueIndex(hedgeCues)
)

func wordInfoOf(w string) wordInfo {
	return wordInfo{
		cues:   decisionIndex.mask(w, decisionCues),
		fluff:  fluffIndex.mask(w, fluffCues),
		hedges: hedgeIndex.mask(w, hedgeCues),
		number: isNumber(w),
	}
}

// tokenizer numbers the content words of the folded texts one worker
// reads, as it meets them; prepare then maps its numbers to a vocab's.
type tokenizer struct {
	ids    map[string]int32 // folded word → its number, -1 for no content word
	forms  []string         // number → content word
	buf    []byte           // a folded text being read
	starts []int32          // where the words of a text start
	// short caches ids of words of up to 8 bytes (no folded word has a
	// zero byte): most words, found without hashing strings.
	short [1 << shortBits]shortWord
}

const shortBits = 12

type shortWord struct {
	bytes uint64 // the word's bytes, the first lowest; 0 for none
	id    int32
}

func newTokenizer() *tokenizer {
	return &tokenizer{ids: make(map[string]int32, 4096)}
}

// word returns the number of the content word a folded word stands for,
// or -1.
func (t *tokenizer) word(w []byte) int32 {
	if len(w) > 8 || len(w) == 0 {
		return t.lookup(w)
	}
	var b uint64
	for i, c := range w {
		b |= uint64(c) << (8 * i)
	}
	e := &t.short[b*0x9E3779B97F4A7C15>>(64-shortBits)]
	if e.bytes == b {
		return e.id
	}
	id := t.lookup(w)
	*e = shortWord{b, id}
	return id
}

// lookup is word, from the map.
func (t *tokenizer) lookup(w []byte) int32 {
	if id, ok := t.ids[string(w)]; ok {
		return id
	}
	s := string(w)
	id := int32(-1)
	if c, ok := contentForm(s); ok {
		id = int32(len(t.forms))
		t.forms = append(t.forms, c)
	}
	t.ids[s] = id
	return id
}

// text appends to raw the numbers of the content words of a folded text,
// in order, repeats included, and to starts, when it is not nil, where
// each word starts in folded (offset by base).
func (t *tokenizer) text(raw []int32, folded []byte, starts *[]int32, base int) []int32 {
	for i := 0; i < len(folded); {
		end := i + bytesIndexSpace(folded[i:])
		if starts != nil {
			*starts = append(*starts, int32(base+i))
		}
		if id := t.word(folded[i:end]); id >= 0 {
			raw = append(raw, id)
		}
		i = end + 1
	}
	return raw
}

// bytesIndexSpace is where the first space of b is, or len(b).
func bytesIndexSpace(b []byte) int {
	for i, c := range b {
		if c == ' ' {
			return i
		}
	}
	return len(b)
}

// FNV-1a, 64 bits, as hash/fnv computes it.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}
