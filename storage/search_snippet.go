package storage

import (
	"strings"
	"unicode/utf8"

	"briefbot/briefing"
)

// snippetTokens is the most tokens a search snippet shows.
const snippetTokens = 32

// snippetLead is how many tokens a cut snippet shows before its first
// matched word, when the sentence has them.
const snippetLead = 4

// textToken is a token's place in a text and whether it is a searched word.
type textToken struct {
	start, end int
	term       int // index of the term it is, or -1
}

// tokensOf splits text into tokens as tokenCounts reads them, noting
// which of terms (folded) each is.
func tokensOf(text string, terms []string) []textToken {
	var out []textToken
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTokenRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isTokenRune(r) {
				break
			}
			i += size
		}
		t := textToken{start: start, end: i, term: -1}
		for k, term := range terms {
			if sameToken(text[start:i], term) {
				t.term = k
				break
			}
		}
		out = append(out, t)
	}
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
		from = bestWindow(toks, len(terms))
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
// holds the most different searched words, then the most occurrences,
// starting snippetLead tokens before its first one where it can.
func bestWindow(toks []textToken, terms int) int {
	bestFrom, bestDistinct, bestHits := 0, -1, -1
	seen := make([]int, terms)
	for from := 0; from+snippetTokens <= len(toks); from++ {
		clear(seen)
		distinct, hits, first := 0, 0, -1
		for i, t := range toks[from : from+snippetTokens] {
			if t.term < 0 {
				continue
			}
			if seen[t.term] == 0 {
				distinct++
			}
			seen[t.term]++
			hits++
			if first < 0 {
				first = i
			}
		}
		if distinct > bestDistinct || distinct == bestDistinct && hits > bestHits {
			// Windows starting later, up to a lead before its first
			// word, hold all the same words and more text after them.
			bestFrom, bestDistinct, bestHits = from+max(0, first-snippetLead), distinct, hits
		}
	}
	return min(bestFrom, len(toks)-snippetTokens)
}
