package storage

import (
	"strings"

	"briefbot/briefing"
)

// snippetTokens is the most tokens a search snippet shows.
const snippetTokens = 32

// textToken is a token's place in a text and whether it is a searched word.
type textToken struct {
	start, end int
	term       int // index of the term it is, or -1
}

// tokensOf splits text into tokens (see eachToken), noting which of
// terms (folded) each is.
func tokensOf(text string, terms []string) []textToken {
	var out []textToken
	eachToken(text, func(start, end int) {
		t := textToken{start: start, end: end, term: -1}
		for k, term := range terms {
			if sameToken(text[start:end], term) {
				t.term = k
				break
			}
		}
		out = append(out, t)
	})
	return out
}

// snippet is the part of a matching sentence a search shows: all of it
// when it is short, else the snippetTokens tokens that hold the most of
// the searched words, cut with "…". Searched words are between
// briefing.MarkOpen and briefing.MarkClose.
func snippet(text string, terms []string) string {
	toks := tokensOf(text, terms)
	from, to := 0, len(toks)
	if len(toks) > snippetTokens {
		from = bestWindow(text, toks, len(terms))
		to = from + snippetTokens
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	// The text's own marks, if any, would pair with the snippet's.
	unmark := strings.NewReplacer(briefing.MarkOpen, "", briefing.MarkClose, "")
	pos := 0
	if from > 0 {
		b.WriteString("…")
		pos = toks[from].start
	}
	for _, t := range toks[from:to] {
		if t.term < 0 {
			continue
		}
		unmark.WriteString(&b, text[pos:t.start])
		b.WriteString(briefing.MarkOpen)
		b.WriteString(text[t.start:t.end])
		b.WriteString(briefing.MarkClose)
		pos = t.end
	}
	if to < len(toks) {
		unmark.WriteString(&b, text[pos:toks[to-1].end])
		b.WriteString("…")
	} else {
		unmark.WriteString(&b, text[pos:])
	}
	return b.String()
}

// bestWindow returns where the window of snippetTokens tokens starts that
// shows the searched words best, choosing as FTS5's snippet() does. Each
// occurrence is tried as the start of a window, scored 1,000 for each
// different word in it and 1 for each repeat, and the window is then
// placed with its words in the middle; and each occurrence is tried with
// the window starting at the last sentence start before it (the text's
// start, or a token after ". " or ": "), which scores 120 more at the
// text's start and 100 more elsewhere. The first best wins.
func bestWindow(text string, toks []textToken, terms int) int {
	seen := make([]bool, terms)
	// score scores the window starting at token from, and says where a
	// window with its words in the middle would start.
	score := func(from int) (int, int) {
		clear(seen)
		n, first, last := 0, -1, -1
		for i := from; i < min(from+snippetTokens, len(toks)); i++ {
			t := toks[i]
			if t.term < 0 {
				continue
			}
			if seen[t.term] {
				n++
			} else {
				n += 1000
			}
			seen[t.term] = true
			if first < 0 {
				first = i
			}
			last = i + 1
		}
		centred := first - (snippetTokens-(last-first))/2
		return n, max(0, min(centred, len(toks)-snippetTokens))
	}
	best, bestStart := -1, 0
	sentence := 0 // the last sentence start seen
	for i, t := range toks {
		if i > 0 && startsSentence(text, toks[i-1].end, t.start) {
			sentence = i
		}
		if t.term < 0 {
			continue
		}
		if n, start := score(i); n > best {
			best, bestStart = n, start
		}
		if sentence < i {
			n, _ := score(sentence)
			if sentence == 0 {
				n += 120
			} else {
				n += 100
			}
			if n > best {
				best, bestStart = n, sentence
			}
		}
	}
	return bestStart
}

// startsSentence tells whether the token at start, after the previous
// token's end, begins a sentence: spaces before it, and a period or a
// colon before them.
func startsSentence(text string, prevEnd, start int) bool {
	gap := text[prevEnd:start]
	trimmed := strings.TrimRight(gap, " \t\n\r")
	return len(trimmed) < len(gap) && (strings.HasSuffix(trimmed, ".") || strings.HasSuffix(trimmed, ":"))
}
