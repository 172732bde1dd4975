package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/briefing/fold"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
	tQuote // a quotation mark
)

// token is one word, number, punctuation mark or quotation mark of a
// paragraph, with byte offsets into the paragraph text.
type token struct {
	text       string
	key        string // folded lower case
	start, end int
	kind       tokKind
	cap        bool // starts with an upper-case letter
	acronym    bool // two or more letters, all upper case ("CIA", "U.S.")
	poss       bool // followed by a possessive 's or ’ (not part of text)
	quote      int  // index of the quotation the token is inside, -1 outside
	opens      bool // for tQuote: an opening mark
}

func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.key == w {
			return true
		}
	}
	return false
}

// tokenize splits a paragraph into tokens. Quotation marks come from quotes
// (so apostrophes stay inside words).
func tokenize(text string, quotes []qspan) []token {
	marks := make(map[int]mark, 2*len(quotes))
	for i, q := range quotes {
		marks[q.open] = mark{size: q.openLen, quote: i, opens: true}
		if q.closed() {
			marks[q.close] = mark{size: q.closeLen, quote: i}
		}
	}
	toks := make([]token, 0, len(text)/5)
	qi := 0
	insideAt := func(p int) int {
		for qi < len(quotes) && quoteExtent(quotes, qi, len(text)) <= p {
			qi++
		}
		if qi < len(quotes) && quotes[qi].open < p {
			return qi
		}
		return -1
	}
	for i := 0; i < len(text); {
		if m, ok := marks[i]; ok {
			end := i + m.size
			toks = append(toks, token{text: text[i:end], key: text[i:end], start: i, end: end, kind: tQuote, opens: m.opens, quote: m.quote})
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			t := scanWord(text, i, marks)
			t.quote = insideAt(i)
			toks = append(toks, t)
			i = t.end
			if t.poss {
				i = skipPossessive(text, i)
			}
		case unicode.IsDigit(r):
			t := scanNumber(text, i)
			t.quote = insideAt(i)
			toks = append(toks, t)
			i = t.end
		default:
			end := i + size
			if r == '.' && strings.HasPrefix(text[end:], "..") {
				end += 2
			}
			toks = append(toks, token{text: text[i:end], key: text[i:end], start: i, end: end, kind: tPunct, quote: insideAt(i)})
			i = end
		}
	}
	return toks
}

// quoteExtent is where quotation i stops covering text: its closing mark,
// or for an unclosed one the next opening mark or the paragraph's end.
func quoteExtent(quotes []qspan, i, textLen int) int {
	if quotes[i].closed() {
		return quotes[i].close
	}
	if i+1 < len(quotes) {
		return quotes[i+1].open
	}
	return textLen
}

// mark is a quotation mark at some offset of a paragraph.
type mark struct {
	size  int
	quote int
	opens bool
}

// scanWord reads a word at i: letters and digits, inner hyphens and
// apostrophes, and dotted abbreviations such as "U.S." or "a.m.". A
// possessive ending ('s, ’s, or a bare ’ after s) is noted, not kept.
func scanWord(text string, i int, marks map[int]mark) token {
	start := i
	if end, ok := dottedAbbrev(text, i); ok {
		return newWordToken(text, start, end)
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if _, isMark := marks[i]; isMark {
			break
		}
		if r == '-' || r == '\'' || r == '’' {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if r != '-' && (next == 's' || next == 'S') && !letterAt(text, i+size+1) {
				t := newWordToken(text, start, i)
				t.poss = true
				return t
			}
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				i += size
				continue
			}
			if r == '’' || r == '\'' {
				if prev, _ := utf8.DecodeLastRuneInString(text[start:i]); prev == 's' && !unicode.IsLetter(next) {
					t := newWordToken(text, start, i)
					t.poss = true
					return t
				}
			}
		}
		break
	}
	return newWordToken(text, start, i)
}

func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// skipPossessive moves past the possessive ending after a word.
func skipPossessive(text string, i int) int {
	_, size := utf8.DecodeRuneInString(text[i:])
	i += size
	if i < len(text) && (text[i] == 's' || text[i] == 'S') && !letterAt(text, i+1) {
		i++
	}
	return i
}

// dottedAbbrev matches letters each followed by a period: "U.S.", "a.m.".
func dottedAbbrev(text string, i int) (int, bool) {
	n := 0
	for i+1 < len(text) && isASCIILetter(text[i]) && text[i+1] == '.' {
		i += 2
		n++
	}
	return i, n >= 2
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func newWordToken(text string, start, end int) token {
	w := text[start:end]
	r, _ := utf8.DecodeRuneInString(w)
	t := token{text: w, key: fold.Key(w), start: start, end: end, kind: tWord, cap: unicode.IsUpper(r), quote: -1}
	letters, upper := 0, 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	t.acronym = letters >= 2 && upper == letters
	return t
}

// scanNumber reads digits with inner separators ("28,000", "2.5") and a
// trailing percent sign; a hyphenated tail ("10-year-old") makes it a word.
func scanNumber(text string, i int) token {
	start := i
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		default:
			goto done
		}
	}
done:
	if i < len(text) && text[i] == '%' {
		i++
	}
	kind := tNum
	for i < len(text) && (text[i] == '-' && letterAt(text, i+1) || letterAt(text, i)) {
		kind = tWord
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	w := text[start:i]
	return token{text: w, key: strings.ToLower(w), start: start, end: i, kind: kind, quote: -1}
}
