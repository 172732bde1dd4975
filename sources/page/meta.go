package page

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"briefbot/briefing/htmlmeta"
)

// maxDepth bounds how deep the walkers descend into the element tree.
const maxDepth = 512

// publishedKeys are lower-cased meta name, property or itemprop values
// that give the publication date, in order of preference.
var publishedKeys = []string{
	"article:published_time", "og:published_time", "datepublished",
	"parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.created",
	"pubdate", "publishdate", "date",
}

// info is the metadata a pass over the page finds.
type info struct {
	metas     map[string]string // meta name/property/itemprop → first content
	title     string            // text of <title>
	h1        string            // text of the first <h1>
	canonical string            // href of <link rel=canonical>
	itemDate  string            // itemprop=datePublished on an element other than meta
	ldDate    string            // datePublished of a JSON-LD article
	ldAny     string            // datePublished of any other JSON-LD object
	timeDate  string            // datetime of the first <time> in the first <article>
}

// Published returns the publication date a parsed page gives in its
// markup: a meta tag (article:published_time and the like), an
// itemprop=datePublished, a JSON-LD datePublished, else the datetime of the
// first <time> in the page's first <article>. It is zero when there is none
// or none parses.
func Published(doc *html.Node) time.Time {
	if doc == nil {
		return time.Time{}
	}
	return scan(doc).published()
}

// scan reads the page's metadata.
func scan(doc *html.Node) *info {
	in := &info{metas: map[string]string{}}
	in.walk(doc, 0, false)
	return in
}

func (in *info) walk(n *html.Node, depth int, inArticle bool) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode && n.Namespace == "" {
		switch n.DataAtom {
		case atom.Meta:
			content := htmlmeta.Attr(n, "content")
			for _, k := range []string{"property", "name", "itemprop"} {
				key := strings.ToLower(strings.TrimSpace(htmlmeta.Attr(n, k)))
				if _, seen := in.metas[key]; key != "" && !seen {
					in.metas[key] = content
				}
			}
			return
		case atom.Title:
			if in.title == "" {
				in.title = collapse(textOf(n, 0))
			}
			return
		case atom.Link:
			if in.canonical == "" && htmlmeta.HasToken(htmlmeta.Attr(n, "rel"), "canonical") {
				in.canonical = strings.TrimSpace(htmlmeta.Attr(n, "href"))
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(htmlmeta.Attr(n, "type")), "ld+json") {
				in.readJSONLD(textOf(n, 0))
			}
			return
		case atom.H1:
			if in.h1 == "" {
				in.h1 = collapse(textOf(n, 0))
			}
		case atom.Time:
			if inArticle && in.timeDate == "" {
				in.timeDate = strings.TrimSpace(htmlmeta.Attr(n, "datetime"))
			}
		case atom.Article:
			inArticle = in.timeDate == ""
		}
		if in.itemDate == "" && strings.EqualFold(htmlmeta.Attr(n, "itemprop"), "datePublished") {
			in.itemDate = firstNonEmpty(htmlmeta.Attr(n, "content"), htmlmeta.Attr(n, "datetime"), textOf(n, 0))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		in.walk(c, depth+1, inArticle)
	}
}

// published returns the first date that parses, by preference.
func (in *info) published() time.Time {
	candidates := make([]string, 0, len(publishedKeys)+4)
	for _, k := range publishedKeys {
		candidates = append(candidates, in.metas[k])
	}
	candidates = append(candidates, in.itemDate, in.ldDate, in.ldAny, in.timeDate)
	for _, c := range candidates {
		if t, ok := parseTime(c); ok {
			return t
		}
	}
	return time.Time{}
}

// pageURL returns the canonical link resolved against base, or else
// fallback. A canonical link to the site's root from a deeper page is a
// common CMS mistake and is ignored.
func (in *info) pageURL(base *url.URL, fallback string) string {
	fallback = strings.TrimSpace(fallback)
	if in.canonical == "" {
		return fallback
	}
	u, err := url.Parse(in.canonical)
	if err != nil {
		return fallback
	}
	if !u.IsAbs() {
		if base == nil {
			return fallback
		}
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fallback
	}
	if (u.Path == "" || u.Path == "/") && base != nil && base.Path != "" && base.Path != "/" {
		return fallback
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// readJSONLD records the datePublished of a JSON-LD script, preferring an
// object whose @type is an article.
func (in *info) readJSONLD(text string) {
	article, other := htmlmeta.LDDates(text)
	if in.ldDate == "" {
		in.ldDate = article
	}
	if in.ldAny == "" {
		in.ldAny = other
	}
}

// timeLayouts are the timestamp forms parseTime accepts.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseTime parses a publication timestamp in one of timeLayouts; times
// without a zone are taken as UTC.
func parseTime(s string) (time.Time, bool) {
	s = collapse(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1900 {
			return t, true
		}
	}
	return time.Time{}, false
}

// textOf returns all the text under n.
func textOf(n *html.Node, depth int) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if depth > maxDepth {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c, depth+1))
	}
	return b.String()
}
