package normalize

import (
	"strings"
	"unicode/utf8"
)

// normalizeChars makes line ends and spaces uniform: CRLF and lone CR become
// LF (as do form feed, NEL and U+2028; U+2029 becomes a blank line), tabs and
// Unicode spaces such as NBSP become ' ', and zero-width characters (U+200B..
// U+200D, U+2060, U+FEFF, and the soft hyphen U+00AD) and other control
// characters are removed. Quotes, apostrophes and dashes are left as they are.
// It neither trims nor collapses spaces.
func normalizeChars(s string) string {
	var b []byte // allocated at the first change
	done := 0    // s[:done] has been dealt with
	for i := 0; i < len(s); {
		c := s[i]
		if (c >= 0x20 && c < 0x7f) || c == '\n' {
			i++
			continue
		}
		repl, size := "", 1
		if c < 0x80 {
			switch c {
			case '\r':
				if i+1 >= len(s) || s[i+1] != '\n' {
					repl = "\n"
				}
			case '\t', '\v':
				repl = " "
			case '\f':
				repl = "\n"
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case r == 0x85 || r == 0x2028:
				repl = "\n"
			case r == 0x2029:
				repl = "\n\n"
			case isZeroWidth(r) || (r >= 0x80 && r < 0xa0):
			case isUnicodeSpace(r):
				repl = " "
			default:
				i += size
				continue
			}
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[done:i]...)
		b = append(b, repl...)
		i += size
		done = i
	}
	if b == nil {
		return s
	}
	return string(append(b, s[done:]...))
}

// isUnicodeSpace reports whether r is a space separator (category Zs) other
// than ' ': NBSP, the en/em/thin/hair spaces, and the like.
func isUnicodeSpace(r rune) bool {
	return r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) ||
		r == 0x202F || r == 0x205F || r == 0x3000
}

// isZeroWidth reports whether r is an invisible character that is dropped.
func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return true
	}
	return false
}

// collapseSpaces trims s and turns each run of spaces and newlines inside it
// into one space. It expects text already passed through normalizeChars.
func collapseSpaces(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// needsCollapse reports whether collapseSpaces would change s.
func needsCollapse(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// cleanInline normalises a fragment taken from markup (an HTML text node or
// attribute, a front-matter value) to a single trimmed line.
func cleanInline(s string) string {
	return collapseSpaces(normalizeChars(s))
}

// splitLines splits normalised text into lines, each trimmed with inner runs
// of spaces collapsed; blank lines are kept as "".
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = collapseSpaces(l)
	}
	return lines
}

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// countWords counts the space-separated words of a collapsed line.
func countWords(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// firstRune and lastRune return the first and last character of s, or
// utf8.RuneError when s is empty.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
