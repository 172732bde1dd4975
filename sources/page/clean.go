package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags are elements removed from the article with their content:
// scripts, media, forms and page chrome that readability may leave in.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
	atom.Picture: true, atom.Img: true, atom.Source: true, atom.Figure: true,
	atom.Form: true, atom.Input: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Nav: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Dialog: true, atom.Link: true, atom.Meta: true,
	atom.Title: true, atom.Base: true, atom.Ins: true,
}

// chromeWords are words of class and id values that mark page chrome
// readability sometimes leaves inside the article: advertisements, share
// bars, newsletter boxes, related links, bylines and the like. Values are
// split into words at '-', '_' and spaces.
var chromeWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true,
	"adsbygoogle": true, "sponsored": true, "outbrain": true, "taboola": true,
	"newsletter": true, "newsletters": true, "subscribe": true, "subscription": true,
	"signup": true, "share": true, "sharing": true, "sharedaddy": true, "social": true,
	"related": true, "relatedposts": true, "promo": true, "cookie": true,
	"cookies": true, "consent": true, "gdpr": true, "comment": true, "comments": true,
	"byline": true, "dateline": true, "breadcrumb": true, "breadcrumbs": true,
	"tags": true, "popular": true, "mostread": true,
}

// noiseLabels are the lower-cased whole texts of advertisement labels.
var noiseLabels = map[string]bool{
	"advertisement": true, "advertisment": true, "advertisements": true,
	"sponsored": true, "sponsored content": true, "ad": true,
	"advertisement - scroll to continue": true, "scroll to continue with content": true,
	"story continues below advertisement": true, "article continues below advertisement": true,
	"continue reading below": true,
}

// clean removes from the article tree comments, the elements of dropTags,
// small elements whose class or id marks them as chrome, advertisement
// labels, and every attribute except a web link's href and a <time>'s
// datetime; <main>, <article> and <section> become <div>. total is the article's prose length: a chrome-classed element
// holding a third of it or more is kept, as the class is then more likely
// a theme's quirk than chrome.
func clean(n *html.Node, depth, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type != html.ElementNode:
		case dropTags[c.DataAtom] || c.Namespace != "" || depth > maxDepth:
			n.RemoveChild(c)
		case isChrome(c) && proseLength(c, 0)*3 < total:
			n.RemoveChild(c)
		case isNoiseLabel(c):
			n.RemoveChild(c)
		default:
			c.Attr = keptAttrs(c)
			if c.DataAtom == atom.Main || c.DataAtom == atom.Article || c.DataAtom == atom.Section {
				// One <article> in the output holds the whole text.
				c.DataAtom, c.Data = atom.Div, "div"
			}
			clean(c, depth+1, total)
		}
		c = next
	}
}

// maxLabel is the longest text, in bytes, of an advertisement label.
const maxLabel = 64

// isNoiseLabel reports whether the whole text of n is an advertisement
// label such as "Advertisement".
func isNoiseLabel(n *html.Node) bool {
	var b strings.Builder
	if !appendText(&b, n, 0) {
		return false
	}
	return noiseLabels[strings.ToLower(collapse(b.String()))]
}

// appendText writes the text under n to b, and reports false as soon as b
// grows past maxLabel bytes.
func appendText(b *strings.Builder, n *html.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		} else if !appendText(b, c, depth+1) {
			return false
		}
		if b.Len() > maxLabel {
			return false
		}
	}
	return true
}

// isChrome reports whether the class or id of n has a word of chromeWords,
// or the words "most read".
func isChrome(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		words := strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
			return r == '-' || r == '_' || r == ' ' || r == '\t' || r == '\n'
		})
		for i, w := range words {
			if chromeWords[w] || (w == "most" && i+1 < len(words) && words[i+1] == "read") {
				return true
			}
		}
	}
	return false
}

// keptAttrs returns the attributes of n that the clean article keeps.
func keptAttrs(n *html.Node) []html.Attribute {
	var kept []html.Attribute
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch {
		case n.DataAtom == atom.A && a.Key == "href" && isWebLink(a.Val):
			kept = append(kept, html.Attribute{Key: a.Key, Val: strings.TrimSpace(a.Val)})
		case n.DataAtom == atom.Time && a.Key == "datetime":
			kept = append(kept, a)
		}
	}
	return kept
}

// isWebLink reports whether href is an absolute http or https link.
func isWebLink(href string) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	return strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "http://")
}
