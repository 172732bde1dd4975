package normalize

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// sniffLen is how much of the input the control-character test looks at.
const sniffLen = 8 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode turns raw bytes into normalised text (see normalizeChars): it strips
// a UTF-8 byte-order mark, decodes UTF-16 that starts with a byte-order mark,
// and rejects binary data and invalid UTF-8. Offsets in errors count bytes of
// data.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, true)
	}
	base := 0
	if bytes.HasPrefix(data, bomUTF8) {
		base = len(bomUTF8)
	}
	body := data[base:]
	if i := bytes.IndexByte(body, 0); i >= 0 {
		return "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, base+i)
	}
	if err := checkControls(string(body[:min(len(body), sniffLen)])); err != nil {
		return "", err
	}
	if !utf8.Valid(body) {
		return "", fmt.Errorf("%w at byte %d", ErrInvalidUTF8, base+invalidUTF8Offset(body))
	}
	return normalizeChars(string(body)), nil
}

// decodeUTF16 decodes data, which starts with a UTF-16 byte-order mark.
// Unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	body := data[2:]
	if len(body)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 text (by its byte-order mark) has an odd length of %d bytes", ErrInvalidUTF16, len(data))
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		lo, hi := body[2*i], body[2*i+1]
		if bigEndian {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
		if units[i] == 0 {
			return "", fmt.Errorf("%w (NUL character at offset %d of UTF-16 text)", ErrBinary, 2+2*i)
		}
	}
	text := string(utf16.Decode(units))
	if err := checkControls(text[:min(len(text), sniffLen)]); err != nil {
		return "", err
	}
	return normalizeChars(text), nil
}

// checkControls fails with ErrBinary when more than 10% of the characters
// of s are control characters (C0, DEL or C1) other than tab, newline,
// carriage return and form feed. It counts characters by their lead bytes,
// so bytes that are not valid UTF-8 count as ordinary characters.
func checkControls(s string) error {
	total, controls := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			total++
			continue
		}
		if c&0xC0 == 0x80 {
			continue // a continuation byte
		}
		total++
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				controls++
			}
		case c == 0x7F:
			controls++
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
			controls++ // U+0080..U+009F
		}
	}
	if controls*10 > total {
		return fmt.Errorf("%w (%d of the first %d characters are control characters)", ErrBinary, controls, total)
	}
	return nil
}

// invalidUTF8Offset returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence, or len(b).
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
