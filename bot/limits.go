package bot

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Discord's limits on what one message may carry, counted in UTF-16 code
// units as Discord counts them.
const (
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedsTotal = 6000 // all embeds of one message together
	maxEmbeds      = 10
	maxContent     = 2000
	maxCustomID    = 100
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
)

// utf16Len is the length of s in UTF-16 code units. Invalid bytes range
// as U+FFFD, one unit each, as they are sent.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// clip shortens s to at most limit UTF-16 units, ending with "…" when it
// cut, and never splitting a character.
func clip(s string, limit int) string {
	if utf16Len(s) <= limit {
		return s
	}
	if limit <= 0 {
		return ""
	}
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > limit-1 {
			return strings.TrimRightFunc(s[:i], isSpace) + "…"
		}
		n += w
	}
	return s
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

// validUTF8 replaces invalid bytes so that Discord accepts the text.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
