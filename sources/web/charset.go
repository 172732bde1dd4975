package web

import (
	"fmt"

	"golang.org/x/net/html/charset"
)

// UTF8 converts an HTML or text body to UTF-8. The encoding comes from a
// byte-order mark, the charset parameter of contentType, a <meta charset>
// in the first kilobyte, or a guess, as golang.org/x/net/html/charset
// decides; a body already in UTF-8 is returned unchanged.
func UTF8(body []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return body, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decoding %s body: %w", name, err)
	}
	return out, nil
}
