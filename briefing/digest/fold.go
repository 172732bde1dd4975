package digest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"briefbot/briefing/fold"
)

// textStats are what the scoring of facts reads of a text as written.
type textStats struct {
	fields int32 // its words, as strings.Fields splits it
	proper int32 // its capitalised words after the first (see fieldStats)
	quoted bool  // it holds a quotation mark (see hasQuote)
}

// statsOf measures a text.
func statsOf(s string) textStats {
	n, p := fieldStats(s)
	return textStats{fields: int32(n), proper: int32(p), quoted: hasQuote(s)}
}

// foldAppend appends fold.Key(s) to dst and measures s, in one pass over
// s when it can.
func foldAppend(dst []byte, s string) ([]byte, textStats) {
	if out, st, ok := foldFast(dst, s); ok {
		return out, st
	}
	return append(dst, fold.Key(s)...), statsOf(s)
}

// foldFast is foldAppend of a text of ASCII and the punctuation common in
// news text (curly quotes and apostrophes, dashes, ellipses), which
// Unicode normalisation leaves as they are, so that fold.Key folds them
// character by character: letters and digits lower-cased, apostrophes
// and periods dropped, anything else a word break. ok is false, dst
// unchanged, for a text with another character.
func foldFast(dst []byte, s string) (_ []byte, st textStats, ok bool) {
	start := len(dst)
	// The folded text is never longer than the text.
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	n := 0
	space := false // a word break since the last letter or digit
	field := false // in a field, for strings.Fields
	for i := 0; i < len(s); i++ {
		c := s[i]
		class := foldClass[c]
		if class <= classUpper { // a letter or digit
			if !field {
				field = true
				if class == classUpper && st.fields > 0 {
					st.proper++
				}
				st.fields++
			}
			if space {
				if n > 0 {
					out[n] = ' '
					n++
				}
				space = false
			}
			out[n] = foldLower[c]
			n++
			// The rest of a lower-case word, at once.
			for i+1 < len(s) && foldClass[s[i+1]] == classLower {
				i++
				out[n] = s[i]
				n++
			}
			continue
		}
		switch class {
		case classSpace:
			field = false
			space = true
			continue
		case classDrop:
		case classQuote:
			st.quoted = true
			space = true
		case classOther:
			space = true
		default: // not ASCII; U+2018…U+2026 are E2 80 98…A6 in UTF-8
			if i+2 >= len(s) || c != 0xE2 || s[i+1] != 0x80 {
				return dst[:start], textStats{}, false
			}
			switch s[i+2] {
			case 0x98, 0x99: // ‘ ’: dropped, as apostrophes
			case 0x9C, 0x9D: // “ ”
				st.quoted = true
				space = true
			case 0x93, 0x94, 0xA6: // – — …
				space = true
			default:
				return dst[:start], textStats{}, false
			}
			i += 2
		}
		if !field { // none of these is a space
			field = true
			st.fields++
		}
	}
	return dst[:start+n], st, true
}

// Classes of bytes for foldFast.
const (
	classLower = iota // lower-case letter or digit
	classUpper        // upper-case letter
	classDrop         // apostrophe, period, backquote: dropped
	classSpace        // a space to strings.Fields (a word break too)
	classQuote        // '"'
	classOther        // other ASCII: a word break
	classHigh         // not ASCII
)

var foldClass, foldLower = func() (class, lower [256]byte) {
	for c := range 256 {
		b := byte(c)
		lower[c] = b
		switch {
		case b >= 'a' && b <= 'z' || b >= '0' && b <= '9':
			class[c] = classLower
		case b >= 'A' && b <= 'Z':
			class[c], lower[c] = classUpper, b+'a'-'A'
		case b == '\'' || b == '.' || b == '`':
			class[c] = classDrop
		case b == ' ' || b >= '\t' && b <= '\r':
			class[c] = classSpace
		case b == '"':
			class[c] = classQuote
		case b < utf8.RuneSelf:
			class[c] = classOther
		default:
			class[c] = classHigh
		}
	}
	return class, lower
}()

// hasQuote reports whether s holds a quotation mark: ", “ or ”.
func hasQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "”")
}

// fnvBytes is fnvString of bytes.
func fnvBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// keyOf writes a hash as textKey does: 16 hex digits.
func keyOf(h uint64) string {
	const digits = "0123456789abcdef"
	var b [16]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = digits[h&15]
		h >>= 4
	}
	return string(b[:])
}
