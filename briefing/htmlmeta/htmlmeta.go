// Package htmlmeta reads the metadata news pages carry: attributes and
// their token lists, <time datetime>, and the publication date of JSON-LD
// scripts. Both the article normaliser and the web page extractor use it.
package htmlmeta

import (
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxDepth bounds how deep the helpers walk a tree.
const MaxDepth = 512

// maxLDDepth bounds how deep a JSON-LD value is searched.
const maxLDDepth = 16

// Attr returns the value of the attribute key of n, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// HasToken reports whether a space-separated list (such as rel or class)
// holds tok, ignoring case.
func HasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// FirstTimeDatetime returns the datetime of the first <time> under n, or
// "".
func FirstTimeDatetime(n *html.Node) string { return firstTimeDatetime(n, 0) }

func firstTimeDatetime(n *html.Node, depth int) string {
	if n == nil || depth > MaxDepth {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Time {
			if v := strings.TrimSpace(Attr(c, "datetime")); v != "" {
				return v
			}
		}
		if v := firstTimeDatetime(c, depth+1); v != "" {
			return v
		}
	}
	return ""
}

// LDDates reads a JSON-LD script and returns its datePublished strings:
// the first on an article @type (NewsArticle, BlogPosting…) and the first
// on anything else; "" for none, or when the script is not JSON.
func LDDates(script string) (article, other string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(script)), &v) != nil {
		return "", ""
	}
	return findLDDate(v, 0)
}

// findLDDate searches decoded JSON-LD (objects, arrays, @graph) for
// datePublished. Keys are visited @graph first, then in sorted order, so
// the result is deterministic.
func findLDDate(v any, depth int) (article, other string) {
	if depth > maxLDDepth {
		return "", ""
	}
	keep := func(a, o string) {
		if article == "" {
			article = a
		}
		if other == "" {
			other = o
		}
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			keep(findLDDate(e, depth+1))
			if article != "" {
				return article, other
			}
		}
	case map[string]any:
		if s, ok := x["datePublished"].(string); ok && strings.TrimSpace(s) != "" {
			if isArticleType(x["@type"]) {
				return strings.TrimSpace(s), other
			}
			other = strings.TrimSpace(s)
		}
		for _, k := range ldKeys(x) {
			if k == "datePublished" {
				continue
			}
			keep(findLDDate(x[k], depth+1))
			if article != "" {
				return article, other
			}
		}
	}
	return article, other
}

// isArticleType reports whether a JSON-LD @type (a string or a list) names
// an article, such as NewsArticle, ReportageNewsArticle or BlogPosting.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || strings.Contains(x, "Posting")
	case []any:
		return slices.ContainsFunc(x, isArticleType)
	}
	return false
}

// ldKeys returns the keys of m with "@graph" first and the rest sorted.
func ldKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "@graph" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if _, ok := m["@graph"]; ok {
		keys = append([]string{"@graph"}, keys...)
	}
	return keys
}
