package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleLen is the longest title, in characters, derived from body text.
const maxTitleLen = 120

// abbreviations are words that end with a dot without ending a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true,
	"Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true, "Sgt": true,
	"Capt": true, "Maj": true, "Adm": true, "Cmdr": true, "Prof": true, "Rev": true,
	"Jr": true, "Sr": true, "Hon": true, "Pres": true, "Supt": true, "Insp": true,
	"Det": true, "Brig": true, "Cpl": true, "Pvt": true, "Fr": true, "Mt": true,
	"Ft": true, "Inc": true, "Ltd": true, "Corp": true, "Co": true, "No": true,
	"vs": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true,
	"Dec": true, "approx": true, "Ave": true, "Blvd": true, "Gens": true,
}

// siteSeparators join a page title and the site name in <title>.
var siteSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: "}

// titleFromText derives a title from a paragraph: its first sentence without
// the final period, cut to maxTitleLen characters at a word boundary.
func titleFromText(p string) string {
	s := firstSentence(p)
	s = strings.TrimSuffix(s, ".")
	return cutTitle(s, maxTitleLen)
}

// firstSentence returns s up to the end of its first sentence: the first
// '.', '?' or '!' (with any closing quotes) followed by a space, unless the
// dot ends a common abbreviation or an initial, or the next word starts in
// lower case.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isClosingMark(r) {
				break
			}
			j += size
		}
		if j >= len(s) {
			return s
		}
		if s[j] != ' ' {
			continue
		}
		if c == '.' && endsWithAbbreviation(s[:i]) {
			continue
		}
		if unicode.IsLower(firstRune(s[j+1:])) {
			continue
		}
		return s[:j]
	}
	return s
}

// isClosingMark reports whether r closes a quotation or bracket.
func isClosingMark(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

// endsWithAbbreviation reports whether the word at the end of s (just
// before a dot) is an abbreviation such as "Mr" or "U.S", or an initial.
func endsWithAbbreviation(s string) bool {
	word := s[strings.LastIndexByte(s, ' ')+1:]
	word = strings.TrimLeft(word, "(\"'“‘[")
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") || abbreviations[word] {
		return true
	}
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

// cutTitle shortens s to at most max characters, cutting at a word boundary
// and ending with "…" when it cuts.
func cutTitle(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end, n := 0, 0
	for i := range s {
		if n == max-1 {
			end = i
			break
		}
		n++
	}
	cut := s[:end]
	if s[end] != ' ' {
		if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
			cut = cut[:sp]
		}
	}
	if trimmed := strings.TrimRight(cut, " ,;:-–—"); trimmed != "" {
		cut = trimmed
	}
	return cut + "…"
}

// stripSiteSuffix removes a trailing " | Site" (or " - Site" and similar)
// from a page title when the site name is known.
func stripSiteSuffix(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range siteSeparators {
		suffix := sep + site
		if len(title) > len(suffix) && strings.EqualFold(title[len(title)-len(suffix):], suffix) {
			return strings.TrimSpace(title[:len(title)-len(suffix)])
		}
	}
	return title
}

// titleBeforeSeparator returns the part of a page title before its last
// site separator when that part equals the headline h1 (the site name is then
// evidently the rest), else the title unchanged.
func titleBeforeSeparator(title, h1 string) string {
	if h1 == "" {
		return title
	}
	for _, sep := range siteSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[:i]), h1) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}
