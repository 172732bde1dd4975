package normalize

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"briefbot/briefing"

	"briefbot/briefing/htmlmeta"
)

// maxHTMLDepth bounds how deep the walkers descend into the element tree;
// deeper content is ignored.
const maxHTMLDepth = 512

// publishedKeys are the lower-cased meta name, property or itemprop values
// that give the publication date, in order of preference.
var publishedKeys = []string{
	"article:published_time", "og:published_time", "date", "pubdate", "publishdate",
	"dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date", "datepublished",
}

// skipTags are elements whose content is never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Figure: true, atom.Figcaption: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Select: true, atom.Dialog: true,
	atom.Textarea: true, atom.Object: true, atom.Video: true, atom.Audio: true,
	atom.Canvas: true, atom.Math: true, atom.Head: true,
}

// skipWords mark, inside a class or id, page chrome to skip.
var skipWords = []string{
	"nav", "menu", "footer", "comment", "share", "social", "related", "advert",
	"promo", "newsletter", "cookie", "subscribe", "sidebar", "breadcrumb",
	"caption", "byline-share", "most-read",
}

// skipRoles are ARIA roles of page chrome.
var skipRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true,
}

// classExempt are elements never skipped for their class or id: they hold
// the whole page or article and often carry state classes like "has-sidebar".
var classExempt = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Main: true, atom.Article: true,
}

// blockTags give one paragraph each.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// headingTags are h1 to h6.
var headingTags = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// inlineTags join their text to the surrounding text without a break.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true,
	atom.Em: true, atom.Font: true, atom.I: true, atom.Ins: true, atom.Kbd: true,
	atom.Label: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strike: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Nobr: true, atom.Tt: true, atom.Big: true,
}

// page is what the first pass over an HTML document finds.
type page struct {
	metas     map[string]string // meta name/property/itemprop → first content
	title     string            // text of <title>
	h1        string            // text of the first <h1>
	canonical string            // href of <link rel=canonical>
	itemDate  string            // itemprop=datePublished on an element other than meta
	ldDate    string            // datePublished from JSON-LD
	ldAny     string            // datePublished from JSON-LD of a non-article type
	articles  []*html.Node      // <article> elements outside page chrome
	main      *html.Node        // first <main> outside page chrome
	body      *html.Node
}

// parseHTML reads an HTML page: metadata from <head>, JSON-LD and the like,
// and paragraphs from the main article element.
func parseHTML(text, source string) (briefing.Article, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses elements nested over 512 deep; drop the
		// deepest tags (keeping their text) and try again.
		doc, err = html.Parse(strings.NewReader(limitNesting(text, maxTagNesting)))
		if err != nil {
			return briefing.Article{}, fmt.Errorf("%w: cannot parse HTML: %v", ErrUnsupported, err)
		}
	}
	p := page{metas: map[string]string{}}
	p.scan(doc, 0, false)

	site := cleanInline(p.metas["og:site_name"])
	knownSite := site
	if knownSite == "" {
		knownSite = cleanInline(p.metas["application-name"])
	}
	title := stripSiteSuffix(cleanInline(p.metas["og:title"]), knownSite)
	if title == "" {
		title = titleBeforeSeparator(stripSiteSuffix(p.title, knownSite), p.h1)
	}
	if title == "" {
		title = p.h1
	}

	container := p.container()
	ps := extract(container, title, false)
	if !hasText(ps) {
		ps = extract(container, title, true)
	}
	published := p.published(container)
	// A dateline paragraph opening the text ("June 5, 2025").
	if i := slices.IndexFunc(ps, func(q para) bool { return !q.heading }); i >= 0 && i+1 < len(ps) && isDateOnly(ps[i].text) {
		if published.IsZero() {
			published, _ = publicationDate(ps[i].text)
		}
		ps = slices.Delete(ps, i, i+1)
	}
	if title == "" {
		for _, q := range ps {
			if !q.heading {
				title = titleFromText(q.text)
				break
			}
		}
	}
	return briefing.Article{
		Title:      title,
		URL:        p.url(source),
		Outlet:     site,
		Published:  published,
		Paragraphs: markHeadings(ps),
	}, nil
}

// maxTagNesting is how deep limitNesting lets tags nest.
const maxTagNesting = 256

// limitNesting rewrites an HTML document without the start and end tags of
// elements nested more than limit deep (by a simple count of open tags);
// their content stays.
func limitNesting(text string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(len(text))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			tok := z.Token()
			if voidTags[tok.DataAtom] {
				b.WriteString(tok.String())
			} else if len(open) < limit {
				open = append(open, tok.Data)
				b.WriteString(tok.String())
			}
		case html.EndTagToken:
			tok := z.Token()
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == tok.Data {
					open = open[:i]
					b.WriteString(tok.String())
					break
				}
			}
		default:
			b.Write(z.Raw())
		}
	}
}

// voidTags are elements without content or end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Keygen: true, atom.Link: true,
	atom.Meta: true, atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// scan walks the document once, collecting metadata and candidate
// containers. chrome is true inside skipped elements.
func (p *page) scan(n *html.Node, depth int, chrome bool) {
	if depth > maxHTMLDepth {
		return
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			content := htmlmeta.Attr(n, "content")
			for _, k := range []string{"property", "name", "itemprop"} {
				if key := strings.ToLower(strings.TrimSpace(htmlmeta.Attr(n, k))); key != "" {
					if _, seen := p.metas[key]; !seen {
						p.metas[key] = content
					}
				}
			}
			return
		case atom.Title:
			if p.title == "" && n.Namespace == "" {
				p.title = cleanInline(textOf(n, 0))
			}
			return
		case atom.Link:
			if htmlmeta.HasToken(htmlmeta.Attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(htmlmeta.Attr(n, "href"))
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(htmlmeta.Attr(n, "type")), "ld+json") {
				p.readJSONLD(textOf(n, 0))
			}
			return
		case atom.H1:
			if p.h1 == "" {
				p.h1 = cleanInline(textOf(n, 0))
			}
		case atom.Body:
			if p.body == nil {
				p.body = n
			}
		}
		if strings.EqualFold(htmlmeta.Attr(n, "itemprop"), "datePublished") && p.itemDate == "" {
			p.itemDate = firstNonEmpty(htmlmeta.Attr(n, "content"), htmlmeta.Attr(n, "datetime"), cleanInline(textOf(n, 0)))
		}
		chrome = chrome || isSkipped(n)
		if !chrome {
			switch n.DataAtom {
			case atom.Article:
				p.articles = append(p.articles, n)
			case atom.Main:
				if p.main == nil {
					p.main = n
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scan(c, depth+1, chrome)
	}
}

// container picks the element holding the article: the <article> with the
// most paragraph text, else <main>, else <body>.
func (p *page) container() *html.Node {
	var best *html.Node
	bestLen := 0
	for _, a := range p.articles {
		if l := paragraphTextLen(a, 0, false); l > bestLen {
			best, bestLen = a, l
		}
	}
	switch {
	case best != nil:
		return best
	case p.main != nil:
		return p.main
	case p.body != nil:
		return p.body
	}
	return nil
}

// published returns the first valid publication date, by preference: meta
// tags, itemprop=datePublished, JSON-LD, then the first <time datetime> in
// the container or else in the page.
func (p *page) published(container *html.Node) briefing.Date {
	for _, k := range publishedKeys {
		if d, ok := parseDate(p.metas[k]); ok {
			return d
		}
	}
	for _, v := range []string{p.itemDate, p.ldDate, p.ldAny} {
		if d, ok := parseDate(v); ok {
			return d
		}
	}
	for _, n := range []*html.Node{container, p.body} {
		if n == nil {
			continue
		}
		if v := htmlmeta.FirstTimeDatetime(n); v != "" {
			if d, ok := parseDate(v); ok {
				return d
			}
		}
	}
	return briefing.Date{}
}

// url returns the absolute canonical URL (<link rel=canonical>, else
// og:url), resolved against source when source is a URL.
func (p *page) url(source string) string {
	for _, ref := range []string{p.canonical, strings.TrimSpace(p.metas["og:url"])} {
		if ref == "" {
			continue
		}
		u, err := url.Parse(ref)
		if err != nil {
			continue
		}
		if !u.IsAbs() {
			base, err := url.Parse(source)
			if err != nil || !isWebURL(source) {
				continue
			}
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			return u.String()
		}
	}
	return ""
}

// readJSONLD records the datePublished of a JSON-LD script, preferring an
// object whose @type is an article.
func (p *page) readJSONLD(text string) {
	article, other := htmlmeta.LDDates(text)
	if p.ldDate == "" {
		p.ldDate = article
	}
	if p.ldAny == "" {
		p.ldAny = other
	}
}

// extractor collects paragraphs from an element tree.
type extractor struct {
	divText bool   // also collect text outside p, li, h… (div fallback)
	title   string // an h1 equal to it is skipped
	buf     strings.Builder
	in      atom.Atom // the block element being collected, or 0
	out     []para
}

// extract returns the paragraphs of container, noise dropped. Normally only
// p, li, blockquote, pre and h1-h6 give text; with divText, text anywhere is
// collected in blocks split at every non-inline element.
func extract(container *html.Node, title string, divText bool) []para {
	if container == nil {
		return nil
	}
	e := &extractor{divText: divText, title: title}
	e.children(container, 0)
	e.flush()
	return dropNoise(e.out)
}

func (e *extractor) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.visit(c, depth+1)
	}
}

func (e *extractor) visit(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		if e.in != 0 || e.divText {
			e.buf.WriteString(n.Data)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if isSkipped(n) {
		return
	}
	switch a := n.DataAtom; {
	case a == atom.Br:
		e.buf.WriteByte(' ')
	case blockTags[a]:
		e.flush()
		saved := e.in
		e.in = a
		e.children(n, depth)
		e.flush()
		e.in = saved
	case inlineTags[a]:
		e.children(n, depth)
	case e.in != 0:
		e.buf.WriteByte(' ')
		e.children(n, depth)
		e.buf.WriteByte(' ')
	default:
		e.flush()
		e.children(n, depth)
		e.flush()
	}
}

// flush ends the current paragraph.
func (e *extractor) flush() {
	if e.buf.Len() == 0 {
		return
	}
	text := cleanInline(e.buf.String())
	e.buf.Reset()
	if text == "" || (e.in == 0 && !e.divText) {
		return
	}
	if e.in == atom.H1 && strings.EqualFold(text, e.title) {
		return
	}
	e.out = append(e.out, para{text: text, heading: headingTags[e.in]})
}

// hasText reports whether ps holds a paragraph that is not a heading.
func hasText(ps []para) bool {
	for _, p := range ps {
		if !p.heading {
			return true
		}
	}
	return false
}

// isSkipped reports whether an element is page chrome: by tag, by the
// hidden attribute, by ARIA role, or by a class or id naming navigation,
// sharing, comments, advertising and the like.
func isSkipped(n *html.Node) bool {
	if skipTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "role":
			if skipRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "class", "id":
			if !classExempt[n.DataAtom] && containsSkipWord(a.Val) {
				return true
			}
		}
	}
	return false
}

// containsSkipWord reports whether a class or id value contains one of
// skipWords, ignoring case.
func containsSkipWord(v string) bool {
	if v == "" {
		return false
	}
	v = strings.ToLower(v)
	for _, w := range skipWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// paragraphTextLen measures the text inside <p> elements under n, outside
// page chrome.
func paragraphTextLen(n *html.Node, depth int, inP bool) int {
	if depth > maxHTMLDepth {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if inP {
				total += len(strings.TrimSpace(c.Data))
			}
		case html.ElementNode:
			if !isSkipped(c) {
				total += paragraphTextLen(c, depth+1, inP || c.DataAtom == atom.P)
			}
		}
	}
	return total
}

// textOf returns all the text under n.
func textOf(n *html.Node, depth int) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if depth > maxHTMLDepth {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c, depth+1))
		if c.Type == html.ElementNode && !inlineTags[c.DataAtom] {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// firstNonEmpty returns the first of vs that is not empty after trimming.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
