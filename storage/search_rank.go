package storage

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/briefing/fold"
)

// The ranking of search results is Okapi BM25, as FTS5's bm25() computes
// it, but over the sentences a search reads (the newest matches) and with
// each word's share of the corpus estimated (see Search). FTS5's bm25()
// counts every sentence holding each word at each query: 15-20 ms for a
// common word at 100,000 articles, and growing with the corpus.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25IDF is a word's inverse document frequency among total sentences of
// which holding of them hold it, as FTS5 computes it (never below 1e-6).
func bm25IDF(total, holding float64) float64 {
	idf := math.Log((total - holding + 0.5) / (holding + 0.5))
	if idf <= 0 {
		idf = 1e-6
	}
	return idf
}

// bm25Score ranks a sentence of length tokens in which term i occurs
// counts[i] times: lower is better, as with FTS5's bm25().
func bm25Score(counts []int, idf []float64, length int, avgLength float64) float64 {
	score := 0.0
	for i, tf := range counts {
		f := float64(tf)
		score += idf[i] * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(length)/avgLength))
	}
	return -score
}

// tokenCounts counts the tokens of text and the occurrences of each of
// terms (folded) among them, into counts.
func tokenCounts(text string, terms []string, counts []int) (tokens int) {
	clear(counts)
	eachToken(text, func(start, end int) {
		tokens++
		for i, t := range terms {
			if sameToken(text[start:end], t) {
				counts[i]++
			}
		}
	})
	return tokens
}

// eachToken calls f with the bounds of each token of text, in order: runs
// of letters and digits, as FTS5's unicode61 tokenizer reads them.
func eachToken(text string, f func(start, end int)) {
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
		f(start, i)
	}
}

// isTokenRune tells the characters of tokens: letters, digits and
// private-use characters, with the marks that follow them.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Co, r)
}

// sameToken tells whether a token of a sentence is the folded term.
func sameToken(tok, term string) bool {
	if isASCII(tok) {
		return strings.EqualFold(tok, term)
	}
	return fold.Key(tok) == term
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
