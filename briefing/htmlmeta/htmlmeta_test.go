package htmlmeta

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestLDDates(t *testing.T) {
	for _, c := range []struct{ script, article, other string }{
		{`{"@type":"NewsArticle","datePublished":"2024-03-21"}`, "2024-03-21", ""},
		{`{"@type":"Organization","datePublished":" 2020-01-01 "}`, "", "2020-01-01"},
		{`{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["Thing","BlogPosting"],"datePublished":"2024-03-22"}]}`, "2024-03-22", "2020-01-01"},
		{`[{"a":{"datePublished":"2019-05-05"}},{"@type":"ReportageNewsArticle","datePublished":"2024-03-23"}]`, "2024-03-23", "2019-05-05"},
		{`{"@type":"NewsArticle","datePublished":"   "}`, "", ""},
		{`not json`, "", ""},
		{strings.Repeat("[", 40) + `{"@type":"NewsArticle","datePublished":"2024-01-01"}` + strings.Repeat("]", 40), "", ""},
	} {
		a, o := LDDates(c.script)
		if a != c.article || o != c.other {
			t.Errorf("LDDates(%.60s) = %q, %q; want %q, %q", c.script, a, o, c.article, c.other)
		}
	}
}

func TestAttributesAndTime(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><head><link rel="Canonical alternate" href="/x"></head><body><p>a</p><div><time datetime=" 2024-03-21T08:00:00Z ">Thursday</time></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := FirstTimeDatetime(doc); got != "2024-03-21T08:00:00Z" {
		t.Errorf("FirstTimeDatetime = %q", got)
	}
	link := doc.FirstChild.FirstChild.FirstChild // html > head > link
	if !HasToken(Attr(link, "rel"), "canonical") || HasToken(Attr(link, "rel"), "canon") || Attr(link, "href") != "/x" || Attr(link, "id") != "" {
		t.Errorf("link attributes: rel %q href %q", Attr(link, "rel"), Attr(link, "href"))
	}
	if FirstTimeDatetime(nil) != "" {
		t.Error("FirstTimeDatetime(nil) is not empty")
	}
}
