package sources

import (
	"errors"
	"fmt"
	"mime"
	"strings"

	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

// errNotArticle reports an answer that is neither a page nor text.
var errNotArticle = errors.New("not an article")

// articleDocument turns a fetched answer into an article for the
// pipeline: the main text of an HTML page (its date, else the feed
// item's), or a plain-text or markdown file as it is. it is the feed item
// that linked to the page, if any.
func articleDocument(resp *web.Response, it *feed.Item) (document, error) {
	name := resp.URL
	if canon, err := feed.CanonicalURL(resp.URL); err == nil {
		name = canon
	}
	mediaType, _, _ := mime.ParseMediaType(resp.ContentType)
	switch {
	case mediaType == "text/html" || mediaType == "application/xhtml+xml" || mediaType == "" && looksLikeHTML(resp.Body):
		p, err := page.Extract(resp.Body, resp.URL, resp.ContentType)
		if err != nil {
			return document{}, &sourceError{err}
		}
		p.URL = name
		if canon, err := feed.CanonicalURL(p.URL); err == nil && p.URL != "" {
			p.URL = canon
		}
		if it != nil {
			if p.Published.IsZero() {
				p.Published = it.Published
			}
			if p.Title == "" {
				p.Title = it.Title
			}
		}
		return document{name: name, body: page.Document(p)}, nil
	case mediaType == "text/plain" || mediaType == "text/markdown" || mediaType == "text/x-markdown" || mediaType == "":
		body, err := web.UTF8(resp.Body, resp.ContentType)
		if err != nil {
			return document{}, &sourceError{fmt.Errorf("%s: %w", name, err)}
		}
		return document{name: name, body: body}, nil
	}
	return document{}, fmt.Errorf("%s is %s, not an article page: %w", name, mediaType, errNotArticle)
}

// looksLikeHTML reports whether a body without a content type is HTML.
func looksLikeHTML(body []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(body[:min(len(body), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.Contains(head, "<html")
}
