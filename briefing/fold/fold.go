// Package fold turns names and words into comparison keys: lower case,
// without diacritics, with punctuation inside names ignored, so that
// "Al-Thani", "al Thani" and "AL THANI" compare equal, as do "U.S." and "US",
// "Zelenskyy" and "ZELENSKYY", "Ségolène" and "Segolene".
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key folds s: lower case, diacritics removed, apostrophes and periods
// dropped, hyphens and other separators turned into single spaces, trimmed.
func Key(s string) string {
	if isSimpleASCII(s) {
		return asciiKey(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == '.' || r == 'ʼ' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(foldRune(r))
		default:
			space = true
		}
	}
	return b.String()
}

// foldRune lower-cases r and maps letters that NFD does not decompose.
func foldRune(r rune) rune {
	switch r {
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ':
		return 'd'
	case 'ß':
		return 's'
	case 'ı':
		return 'i'
	case 'æ', 'Æ':
		return 'a'
	}
	return unicode.ToLower(r)
}

func isSimpleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiKey(s string) string {
	if isLowerAlnum(s) {
		return s // already a key: no copy
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '.' || c == '`':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		default:
			space = true
		}
	}
	return string(b)
}

// Compact is Key without spaces: "Al Thani" and "Al-Thani" and "AlThani"
// all give "althani".
func Compact(s string) string {
	return strings.ReplaceAll(Key(s), " ", "")
}

// isLowerAlnum reports whether s is non-empty lower-case ASCII letters and
// digits only.
func isLowerAlnum(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
