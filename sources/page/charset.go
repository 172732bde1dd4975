package page

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// toUTF8 decodes a page to UTF-8. The encoding comes from a byte-order
// mark or the Content-Type charset when there is one; otherwise valid
// UTF-8 is kept as it is, and anything else is decoded by its <meta
// charset>, else as windows-1252, as browsers do. Bytes that cannot be
// decoded become U+FFFD.
func toUTF8(raw []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(raw)) {
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if utf8.Valid(raw) {
			return raw
		}
		return []byte(strings.ToValidUTF8(string(raw), "\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return []byte(strings.ToValidUTF8(string(raw), "\uFFFD"))
	}
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
}
