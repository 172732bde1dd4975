// Package page turns a fetched web page into a clean, standalone article
// document: readability finds the article among the page's navigation,
// advertisements and other chrome, and the result is rendered as small HTML
// that briefing/normalize reads for the title, date, outlet, URL and
// paragraphs. It does no network I/O.
package page

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"briefbot/briefing/htmlmeta"
)

// MinArticleText is the fewest characters of text outside links that an
// extracted article must have; pages with less, such as home pages and
// link indexes, fail with ErrNoArticle.
const MinArticleText = 250

// ErrNoArticle reports a page on which no substantial article was found.
var ErrNoArticle = errors.New("no article found")

// ErrEmpty reports an empty page.
var ErrEmpty = errors.New("empty page")

// Page is the article extracted from a web page.
type Page struct {
	// Title is the headline, without a trailing " | Site name".
	Title string
	// Byline names the author(s) as the page gives them, without "By".
	Byline string
	// SiteName is the outlet, from og:site_name or the JSON-LD publisher.
	SiteName string
	// URL is the page's canonical link when it gives one, else the URL
	// it was fetched from.
	URL string
	// Published is when the article was published; zero when the page
	// does not say.
	Published time.Time
	// HTML is a small standalone UTF-8 document holding the metadata above
	// as the tags briefing/normalize reads (<title>, og:title,
	// og:site_name, article:published_time, author, rel=canonical) and the
	// article body inside <article>, page chrome and attributes removed.
	HTML []byte
	// Content is the HTML of the article body alone (what HTML wraps).
	Content string
}

// Extract finds the article in raw, a page fetched from pageURL with the
// given Content-Type header (which may be empty). The bytes are decoded to
// UTF-8 first, by a byte-order mark or the header's charset, else by the
// <meta charset> unless they are valid UTF-8. A page without a substantial
// article fails with ErrNoArticle, an empty one with ErrEmpty.
func Extract(raw []byte, pageURL, contentType string) (Page, error) {
	where := pageName(pageURL)
	if len(bytes.TrimSpace(raw)) == 0 {
		return Page{}, fmt.Errorf("%w: nothing was downloaded from %s", ErrEmpty, where)
	}
	doc, err := html.Parse(bytes.NewReader(toUTF8(raw, contentType)))
	if err != nil {
		return Page{}, fmt.Errorf("cannot read the HTML of %s: %w", where, err)
	}
	base := parseBase(pageURL)
	info := scan(doc)

	art, err := readable(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("cannot find the article in %s: %w", where, err)
	}
	if art.Node == nil {
		return Page{}, fmt.Errorf("%w at %s", ErrNoArticle, where)
	}
	body := art.Node
	clean(body, 0, proseLength(body, 0))
	if n := proseLength(body, 0); n < MinArticleText {
		return Page{}, fmt.Errorf("%w at %s: only %d characters of text outside links, it looks like an index or home page", ErrNoArticle, where, n)
	}

	p := Page{
		SiteName: firstNonEmpty(art.SiteName(), info.metas["og:site_name"], info.metas["application-name"]),
		Byline:   cleanByline(art.Byline()),
		URL:      info.pageURL(base, pageURL),
	}
	p.Title = stripSite(firstNonEmpty(art.Title(), info.metas["og:title"], info.h1, info.title), p.SiteName)
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		p.Published = t
	} else if t := info.published(); !t.IsZero() {
		p.Published = t
	} else if t, ok := parseTime(htmlmeta.FirstTimeDatetime(body)); ok {
		p.Published = t
	}

	var content bytes.Buffer
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&content, c); err != nil {
			return Page{}, fmt.Errorf("cannot render the article of %s: %w", where, err)
		}
	}
	p.Content = content.String()
	p.HTML = Document(p)
	return p, nil
}

// readable runs readability on the document. It is third-party code run
// on untrusted input: a panic in it is returned as an error rather than
// crashing the caller.
func readable(doc *html.Node, base *url.URL) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = readability.Article{}, fmt.Errorf("readability failed: %v", r)
		}
	}()
	parser := readability.NewParser()
	parser.KeepClasses = true // clean reads them to find leftover chrome
	return parser.ParseDocument(doc, base)
}

// pageName returns how errors name the page: its URL, or "the page".
func pageName(pageURL string) string {
	if u := strings.TrimSpace(pageURL); u != "" {
		return u
	}
	return "the page"
}

// parseBase parses the page URL, or returns nil when it is not an absolute
// http or https URL.
func parseBase(pageURL string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// Document renders p as the standalone article document described at
// Page.HTML, with p.Content as its body; callers that change a Page's
// metadata (a date from a feed item, say) render it again with this.
func Document(p Page) []byte {
	content := p.Content
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html><head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + html.EscapeString(p.Title) + "</title>\n")
	meta := func(attr, key, value string) {
		if value != "" {
			b.WriteString("<meta " + attr + "=\"" + key + "\" content=\"" + html.EscapeString(value) + "\">\n")
		}
	}
	meta("property", "og:title", p.Title)
	meta("property", "og:site_name", p.SiteName)
	if !p.Published.IsZero() {
		meta("property", "article:published_time", p.Published.Format(time.RFC3339))
	}
	meta("name", "author", p.Byline)
	if p.URL != "" {
		b.WriteString("<link rel=\"canonical\" href=\"" + html.EscapeString(p.URL) + "\">\n")
	}
	b.WriteString("</head>\n<body>\n<article>\n")
	if p.Title != "" {
		b.WriteString("<h1>" + html.EscapeString(p.Title) + "</h1>\n")
	}
	b.WriteString(content)
	b.WriteString("\n</article>\n</body></html>\n")
	return []byte(strings.ToValidUTF8(b.String(), "\uFFFD"))
}

// siteSeparators join a headline and the site name in a page title.
var siteSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: "}

// stripSite removes a trailing " | Site" (or " - Site" and the like) from
// a title, when site is known and something is left.
func stripSite(title, site string) string {
	title = collapse(title)
	if site == "" {
		return title
	}
	for _, sep := range siteSeparators {
		if head, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(head) != "" {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// cleanByline collapses spaces and drops a leading "By".
func cleanByline(s string) string {
	s = collapse(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

// collapse trims s and collapses runs of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// firstNonEmpty returns the first of vs that is not blank, collapsed.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = collapse(v); v != "" {
			return v
		}
	}
	return ""
}

// proseLength counts the characters of text under n outside links, with
// runs of spaces counted once.
func proseLength(n *html.Node, depth int) int {
	if depth > maxDepth {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if t := collapse(c.Data); t != "" {
				total += utf8.RuneCountInString(t) + 1
			}
		case html.ElementNode:
			if c.Data != "a" {
				total += proseLength(c, depth+1)
			}
		}
	}
	return total
}
