package feed

import (
	"bytes"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types of <link rel="alternate"> elements that
// point to a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
}

// Discover returns the absolute addresses of the feeds an HTML page
// advertises with <link rel="alternate" type="application/rss+xml">
// (or atom+xml, or feed+json), in page order and without repeats. Relative
// addresses are resolved against the page's <base href>, else against base,
// the page's own URL; only http and https addresses are kept.
func Discover(page []byte, base string) []string {
	baseURL := baseURL(base)
	sawBase := false
	var feeds []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return feeds
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		tn, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(tn) {
		case atom.Base:
			attrs := attributes(z)
			if sawBase || attrs["href"] == "" {
				continue
			}
			sawBase = true
			if u, err := url.Parse(strings.TrimSpace(attrs["href"])); err == nil {
				if baseURL != nil {
					u = baseURL.ResolveReference(u)
				}
				if u.IsAbs() {
					baseURL = u
				}
			}
		case atom.Link:
			attrs := attributes(z)
			if !hasToken(attrs["rel"], "alternate") || !feedTypes[mediaType(attrs["type"])] {
				continue
			}
			if f := resolve(baseURL, attrs["href"]); f != "" && !slices.Contains(feeds, f) {
				feeds = append(feeds, f)
			}
		}
	}
}

// attributes returns the remaining attributes of the current tag, keys
// lower-cased; the first of repeated keys wins.
func attributes(z *html.Tokenizer) map[string]string {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		key := strings.ToLower(string(k))
		if _, seen := attrs[key]; !seen {
			attrs[key] = string(v)
		}
		if !more {
			return attrs
		}
	}
}

// mediaType returns the lower-cased type/subtype of a media type value,
// parameters dropped.
func mediaType(v string) string {
	v, _, _ = strings.Cut(v, ";")
	return strings.ToLower(strings.TrimSpace(v))
}

// hasToken reports whether a space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
