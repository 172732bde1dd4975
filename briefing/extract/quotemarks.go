package extract

import (
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation in a paragraph: the marks and the quoted text, as
// byte offsets into the paragraph.
type qspan struct {
	open, openLen   int
	close, closeLen int // close < 0: never closed (ends at the next opening mark or the paragraph's end)
	start, end      int // the quoted text, trimmed
}

// closed reports whether the quotation has its closing mark.
func (q qspan) closed() bool { return q.close >= 0 }

// findQuotes pairs the quotation marks of a paragraph. Curly marks are
// unambiguous; straight marks are read from the characters around them.
// An opening mark inside an open quotation closes it (a source typo such as
// `insecurity.“We must`); a quotation left open ends at the paragraph's
// end. Single quotation marks count only in paragraphs without double ones
// (British style), and never inside words (apostrophes).
func findQuotes(text string) []qspan {
	var spans []qspan
	double := hasDoubleQuotes(text)
	cur := -1
	closeAt := func(pos, l int) {
		spans[cur].close, spans[cur].closeLen = pos, l
		cur = -1
	}
	openAt := func(pos, l int) {
		spans = append(spans, qspan{open: pos, openLen: l, close: -1})
		cur = len(spans) - 1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 {
			prev = ' '
		}
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		if i+size >= len(text) {
			next = ' '
		}
		switch {
		case !double:
			switch {
			case (r == '‘' || r == '\'') && cur < 0 && opensAfter(prev) && unicode.IsLetter(next):
				openAt(i, size)
			case (r == '’' || r == '\'') && cur >= 0 && singleCloses(text, i, size, prev):
				closeAt(i, size)
			}
		case r == '“' || r == '„' || r == '«':
			if cur >= 0 {
				closeAt(i, 0)
			}
			openAt(i, size)
		case r == '”' || r == '»':
			if cur >= 0 {
				closeAt(i, size)
			}
		case r == '"':
			opening := opensAfter(prev) && !unicode.IsSpace(next)
			closing := !unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next) || i+size >= len(text))
			switch {
			case cur >= 0:
				closeAt(i, size)
			case unicode.IsDigit(prev):
				// 12" screen: an inch mark
			case opening || !closing && !unicode.IsSpace(next):
				openAt(i, size)
			}
		}
		i += size
	}
	out := spans[:0]
	for _, s := range spans {
		end := s.close
		if end < 0 {
			end = len(text)
		}
		s.start, s.end = trimSpan(text, s.open+s.openLen, end)
		if s.end > s.start {
			out = append(out, s)
		}
	}
	// A span closed by a following opening mark (closeLen 0) counts as
	// unclosed: it runs up to that mark.
	for i := range out {
		if out[i].closeLen == 0 {
			out[i].close = -1
		}
	}
	return out
}

func hasDoubleQuotes(text string) bool {
	for _, r := range text {
		switch r {
		case '“', '”', '"', '„', '«', '»':
			return true
		}
	}
	return false
}

// opensAfter reports whether a quotation may open after the rune prev.
func opensAfter(prev rune) bool {
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '«':
		return true
	}
	return unicode.IsSpace(prev)
}

// singleCloses decides whether a single mark at i closes a British-style
// quotation rather than marking a possessive or contraction.
func singleCloses(text string, i, size int, prev rune) bool {
	rest := text[i+size:]
	next, _ := utf8.DecodeRuneInString(rest)
	if rest == "" {
		return true
	}
	if unicode.IsLetter(next) {
		return false // don’t, we’re
	}
	switch prev {
	case ',', '.', '!', '?', '…':
		return true
	}
	switch next {
	case ',', '.', ';', ':', '!', '?', ')':
		return true
	}
	return false
}

func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
