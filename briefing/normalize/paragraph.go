package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/briefing"
)

// lineKind tells the paragraph builder what a source line is.
type lineKind uint8

const (
	linePlain    lineKind = iota // text, grouped into blocks by blank lines
	lineBlank                    // ends a block
	lineHeading                  // an explicit heading (markdown #)
	lineItem                     // starts a list item, its own paragraph
	lineItemCont                 // continues the list item above
)

// line is one trimmed source line.
type line struct {
	text string
	kind lineKind
}

// para is a paragraph before headings are decided.
type para struct {
	text    string
	single  bool // made of one source line, so it may be a heading
	heading bool // an explicit heading
}

// Hard-wrap detection: a block is hard-wrapped when most of its lines but
// the last are at least wrapMinLen characters and lack terminal punctuation.
// Inside a wrapped block, a line shorter than wrapShortPct% of the widest
// line ends its paragraph.
const (
	wrapMinLen   = 40
	wrapShortPct = 60
)

// buildParagraphs groups lines into paragraphs: blank lines separate blocks;
// a hard-wrapped block is joined into paragraphs, any other block gives one
// paragraph per line. Noise lines are dropped before grouping.
func buildParagraphs(lines []line) []para {
	var out []para
	var block []string
	var item []byte // the list item being collected
	inItem := false
	flush := func() {
		out = appendBlock(out, block)
		block = block[:0]
		if inItem {
			out = append(out, para{text: string(item)})
			item, inItem = item[:0], false
		}
	}
	for _, ln := range lines {
		switch ln.kind {
		case lineBlank:
			flush()
		case lineHeading:
			flush()
			out = append(out, para{text: ln.text, heading: true})
		case lineItem:
			flush()
			item, inItem = append(item[:0], ln.text...), true
		case lineItemCont:
			if inItem {
				item = appendLine(item, ln.text)
				continue
			}
			fallthrough
		default:
			if isNoise(ln.text) {
				continue
			}
			if inItem {
				flush()
			}
			block = append(block, ln.text)
		}
	}
	flush()
	return out
}

// appendBlock appends the paragraphs of one block of lines.
func appendBlock(out []para, block []string) []para {
	if len(block) == 0 {
		return out
	}
	// A date line under a title is a paragraph of its own, never wrapped
	// text.
	for i, l := range block {
		if isDateOnly(l) {
			out = appendBlock(out, block[:i])
			out = append(out, para{text: l, single: true})
			return appendBlock(out, block[i+1:])
		}
	}
	if len(block) >= 3 && isHeadingLike(block[0]) && isShort(block[0], blockWidth(block[1:])) && isHardWrapped(block[1:]) {
		// A heading line directly above hard-wrapped text.
		out = append(out, para{text: block[0], single: true})
		block = block[1:]
	}
	if len(block) == 1 || !isHardWrapped(block) {
		for _, l := range block {
			out = append(out, para{text: l, single: true})
		}
		return out
	}
	width := blockWidth(block)
	var cur []byte
	n := 0
	for i, l := range block {
		cur = appendLine(cur, l)
		n++
		if i < len(block)-1 && isShort(l, width) {
			out = append(out, para{text: string(cur), single: n == 1})
			cur, n = cur[:0], 0
		}
	}
	if n > 0 {
		out = append(out, para{text: string(cur), single: n == 1})
	}
	return out
}

// blockWidth is the length of the longest line of a block.
func blockWidth(block []string) int {
	width := 0
	for _, l := range block {
		width = max(width, runeLen(l))
	}
	return width
}

// isShort reports whether l is clearly shorter than the width of its
// hard-wrapped block, so that it ends a paragraph or is a heading.
func isShort(l string, width int) bool {
	return runeLen(l)*100 < width*wrapShortPct
}

// hasRunes reports whether s has at least n characters.
func hasRunes(s string, n int) bool {
	switch {
	case len(s) < n:
		return false
	case len(s) >= n*utf8.UTFMax:
		return true
	}
	return runeLen(s) >= n
}

// isHardWrapped reports whether most lines of a block, not counting the
// last, are long and do not end a sentence.
func isHardWrapped(block []string) bool {
	n := len(block) - 1
	wrapped := 0
	for _, l := range block[:n] {
		if !endsSentence(l) && hasRunes(l, wrapMinLen) {
			wrapped++
		}
	}
	return wrapped*2 > n
}

// endsSentence reports whether a line ends with terminal punctuation.
func endsSentence(l string) bool {
	switch lastRune(l) {
	case '.', '!', '?', '"', '”', '’', ':':
		return true
	}
	return false
}

// appendLine joins the next line of a wrapped paragraph to it: with a
// space, or, after a hyphen break such as "negoti-" followed by a lower-case
// word, with the hyphen removed; a hyphen before any other word is kept
// ("Al-" + "Thani").
func appendLine(buf []byte, next string) []byte {
	if len(buf) == 0 {
		return append(buf, next...)
	}
	if buf[len(buf)-1] == '-' {
		before, _ := utf8.DecodeLastRune(buf[:len(buf)-1])
		if unicode.IsLetter(before) {
			if unicode.IsLower(firstRune(next)) {
				buf = buf[:len(buf)-1]
			}
			return append(buf, next...)
		}
	}
	buf = append(buf, ' ')
	return append(buf, next...)
}

// isHeadingLike reports whether a line on its own reads as a section
// heading: at most 12 words and 100 characters, starting with an upper-case
// letter or a digit (not a quotation mark), holding a letter, and not ending
// with sentence punctuation.
func isHeadingLike(s string) bool {
	if s == "" || countWords(s) > 12 || (len(s) > 100 && runeLen(s) > 100) {
		return false
	}
	switch lastRune(s) {
	case '.', ',', ';', ':', '!', '?', '"', '”', '’', '…', '\'':
		return false
	}
	first := firstRune(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// dropNoise removes empty and noise paragraphs: joined lines, list items,
// headings and HTML blocks. Single lines were checked as lines already.
func dropNoise(ps []para) []para {
	kept := ps[:0:0]
	for _, p := range ps {
		if p.text != "" && (p.single || !isNoise(p.text)) {
			kept = append(kept, p)
		}
	}
	return kept
}

// markHeadings converts paragraphs, marking headings: explicit ones, and
// single lines that read as headings unless they are the last paragraph (a
// heading introduces text).
func markHeadings(ps []para) []briefing.Paragraph {
	out := make([]briefing.Paragraph, 0, len(ps))
	for i, p := range ps {
		h := p.heading || (p.single && i < len(ps)-1 && isHeadingLike(p.text))
		out = append(out, briefing.Paragraph{Text: p.text, Heading: h})
	}
	return out
}
