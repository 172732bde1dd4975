package digest

import "slices"

// article is a window article prepared for composition: its texts
// folded once, their content words numbered by the window's vocab.
type article struct {
	src   *Article
	index int // position in the window, oldest first
	dupOf int // index of the article it nearly copies, or -1

	// stream holds the folded sentences (fold.Key), each followed by a
	// space unless empty; sentence k is stream[spans[k][0]:spans[k][1]].
	stream   []byte
	spans    [][2]int32
	stats    []textStats // of each sentence
	words    [][]int32   // content words of each sentence, ascending
	distinct []int32     // content words of all its sentences, ascending

	quoteHash  []uint64    // FNV-1a of each quote's folded text (see textKey)
	quoteStats []textStats // of each quote's text
	quoteWords [][]int32   // content words of each quote's text
	quoteTopic [][]int32   // content words of each quote's sentence

	meetingLines []string  // each meeting stated in full (meetingLine)
	meetingWords [][]int32 // content words of each meeting line

	// The terms (see terms) of its people and meetings, like
	// src.People and src.Meetings; set for the articles clustered.
	personTerms, meetingTerms []int32

	// Before numbering: the content words of its texts in turn
	// (sentences, quotes, quotes' sentences, meeting lines) as the
	// tokenizer of worker numbered them, and where each text ends.
	worker int
	raw    []int32
	ends   []int32
}

// prepared is a window ready to compose.
type prepared struct {
	vocab *vocab
	arts  []*article
	sets  [][]uint64 // each article's shingles
	told  [][]int32  // content words of each told fact, ascending
}

// toldChunk is how many told facts one task of prepare reads.
const toldChunk = 512

// rawTexts are texts' content words as a tokenizer numbered them.
type rawTexts struct {
	worker int
	raw    []int32 // the words of every text in turn
	ends   []int32 // where each text's words end in raw
}

// prepare reads every text of a window once, on all processors: it folds
// them, hashes the articles' shingles and numbers the content words of
// articles and facts told in one vocab, in word order.
func prepare(w Window) *prepared {
	n := len(w.Articles)
	chunks := (len(w.Told) + toldChunk - 1) / toldChunk
	tasks := n + chunks
	toks := make([]*tokenizer, workers(tasks))
	p := &prepared{arts: make([]*article, n), sets: make([][]uint64, n), told: make([][]int32, len(w.Told))}
	told := make([]rawTexts, chunks)
	forEachWorker(tasks, func(wk, i int) {
		tk := toks[wk]
		if tk == nil {
			tk = newTokenizer()
			toks[wk] = tk
		}
		if i < n {
			p.arts[i], p.sets[i] = readArticle(&w.Articles[i], i, wk, tk)
			return
		}
		c := i - n
		facts := w.Told[c*toldChunk : min((c+1)*toldChunk, len(w.Told))]
		r := rawTexts{worker: wk, ends: make([]int32, len(facts))}
		for k, f := range facts {
			tk.buf, _ = foldAppend(tk.buf[:0], f.Text)
			r.raw = tk.text(r.raw, tk.buf, nil, 0)
			r.ends[k] = int32(len(r.raw))
		}
		told[c] = r
	})

	// One vocab of every content word met, in word order; then each
	// tokenizer's numbers map to the vocab's.
	seen := map[string]bool{}
	for _, tk := range toks {
		if tk == nil {
			continue
		}
		for _, f := range tk.forms {
			seen[f] = true
		}
	}
	words := make([]string, 0, len(seen))
	for f := range seen {
		words = append(words, f)
	}
	slices.Sort(words)
	p.vocab = newVocab(words)
	tables := make([][]int32, len(toks))
	for wk, tk := range toks {
		if tk == nil {
			continue
		}
		tables[wk] = make([]int32, len(tk.forms))
		for id, f := range tk.forms {
			tables[wk][id] = p.vocab.ids[f]
		}
	}

	marks := make([][]bool, workers(tasks))
	forEachWorker(tasks, func(wk, i int) {
		if i < n {
			if marks[wk] == nil {
				marks[wk] = make([]bool, len(words))
			}
			p.arts[i].number(tables[p.arts[i].worker], marks[wk])
			return
		}
		c := i - n
		r := told[c]
		texts := numberTexts(r.raw, r.ends, tables[r.worker])
		copy(p.told[c*toldChunk:], texts)
	})
	return p
}

// readArticle folds an article's texts, numbers their content words with
// the tokenizer of worker wk and hashes its shingles.
func readArticle(src *Article, index, wk int, tk *tokenizer) (*article, []uint64) {
	a := &article{src: src, index: index, dupOf: -1, worker: wk}
	a.spans = make([][2]int32, len(src.Sentences))
	a.stats = make([]textStats, len(src.Sentences))
	a.ends = make([]int32, 0, len(src.Sentences)+2*len(src.Quotes)+len(src.Meetings))
	size := 0
	for _, s := range src.Sentences {
		size += len(s) + 1
	}
	a.stream = make([]byte, 0, size)
	a.raw = make([]int32, 0, size/8)
	starts := tk.starts[:0] // where each word starts in the stream
	for k, s := range src.Sentences {
		from := len(a.stream)
		a.stream, a.stats[k] = foldAppend(a.stream, s)
		to := len(a.stream)
		a.spans[k] = [2]int32{int32(from), int32(to)}
		a.raw = tk.text(a.raw, a.stream[from:to], &starts, from)
		if to > from {
			a.stream = append(a.stream, ' ')
		}
		a.ends = append(a.ends, int32(len(a.raw)))
	}
	starts = append(starts, int32(len(a.stream)))
	set := shingleSet(a.stream, starts)
	tk.starts = starts
	a.quoteHash = make([]uint64, len(src.Quotes))
	a.quoteStats = make([]textStats, len(src.Quotes))
	for k, q := range src.Quotes {
		tk.buf, a.quoteStats[k] = foldAppend(tk.buf[:0], q.Text)
		a.quoteHash[k] = fnvBytes(fnvOffset, tk.buf)
		a.raw = tk.text(a.raw, tk.buf, nil, 0)
		a.ends = append(a.ends, int32(len(a.raw)))
	}
	for _, q := range src.Quotes {
		tk.buf, _ = foldAppend(tk.buf[:0], q.Context)
		a.raw = tk.text(a.raw, tk.buf, nil, 0)
		a.ends = append(a.ends, int32(len(a.raw)))
	}
	a.meetingLines = make([]string, len(src.Meetings))
	for k, m := range src.Meetings {
		a.meetingLines[k] = meetingLine(m)
		tk.buf, _ = foldAppend(tk.buf[:0], a.meetingLines[k])
		a.raw = tk.text(a.raw, tk.buf, nil, 0)
		a.ends = append(a.ends, int32(len(a.raw)))
	}
	return a, set
}

// sentenceKey is textKey of sentence k.
func (a *article) sentenceKey(k int) string {
	sp := a.spans[k]
	return keyOf(fnvBytes(fnvOffset, a.stream[sp[0]:sp[1]]))
}

// number maps the article's content words to the vocab's numbers through
// table; marks, false for every word, is left so.
func (a *article) number(table []int32, marks []bool) {
	texts := numberTexts(a.raw, a.ends, table)
	s, q := len(a.src.Sentences), len(a.src.Quotes)
	a.words = texts[:s:s]
	a.quoteWords = texts[s : s+q : s+q]
	a.quoteTopic = texts[s+q : s+2*q : s+2*q]
	a.meetingWords = texts[s+2*q:]
	var distinct []int32
	for _, ws := range a.words {
		for _, w := range ws {
			if !marks[w] {
				marks[w] = true
				distinct = append(distinct, w)
			}
		}
	}
	for _, w := range distinct {
		marks[w] = false
	}
	slices.Sort(distinct)
	a.distinct = slices.Clip(distinct)
	a.raw, a.ends = nil, nil
}

// numberTexts maps texts' words through table, each text's sorted without
// repeats: the content words contentWords gives, numbered.
func numberTexts(raw, ends, table []int32) [][]int32 {
	out := make([]int32, len(raw))
	texts := make([][]int32, len(ends))
	from := int32(0)
	for k, end := range ends {
		t := out[from:end]
		for i, r := range raw[from:end] {
			t[i] = table[r]
		}
		slices.Sort(t)
		t = slices.Compact(t)
		texts[k] = t[:len(t):len(t)]
		from = end
	}
	return texts
}
