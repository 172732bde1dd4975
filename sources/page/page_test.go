package page

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/normalize"
)

func TestSeedPages(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lex)
	for _, s := range seedPages {
		t.Run(s.fixture, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "seeds", s.fixture))
			if err != nil {
				t.Fatal(err)
			}
			seedData, err := os.ReadFile(filepath.Join(seedsDir, s.seed))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range s.outlet.chrome() {
				if strings.Contains(string(seedData), c) {
					t.Fatalf("chrome string %q occurs in the seed text: the test cannot tell them apart", c)
				}
			}

			p, err := Extract(raw, s.url(), "text/html; charset=utf-8")
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if p.Title != s.title || p.URL != s.url() || p.SiteName != s.outlet.name || p.Byline != s.author {
				t.Errorf("page = %q, %q, %q, %q; want %q, %q, %q, %q",
					p.Title, p.URL, p.SiteName, p.Byline, s.title, s.url(), s.outlet.name, s.author)
			}
			if got := p.Published.Format(time.RFC3339); got != s.published {
				t.Errorf("Published = %s, want %s", got, s.published)
			}

			a, err := normalize.Normalize(s.url(), p.HTML, normalize.Options{})
			if err != nil {
				t.Fatalf("Normalize(page.HTML): %v", err)
			}
			if a.Title != s.title || a.URL != s.url() || a.Outlet != s.outlet.name || a.Published.String() != s.date() {
				t.Errorf("article = %q, %q, %q, %s; want %q, %q, %q, %s",
					a.Title, a.URL, a.Outlet, a.Published, s.title, s.url(), s.outlet.name, s.date())
			}

			seed, err := normalize.Normalize(s.seed, seedData, normalize.Options{})
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, q := range a.Paragraphs {
				have[squash(q.Text)] = true
			}
			for _, q := range seed.Paragraphs {
				if !have[squash(q.Text)] {
					t.Errorf("seed paragraph missing from the page article: %.80q", q.Text)
				}
			}
			if len(a.Paragraphs) != len(seed.Paragraphs) {
				t.Errorf("page article has %d paragraphs, the seed %d:\n%s", len(a.Paragraphs), len(seed.Paragraphs), a.Body())
			}

			pageText := string(p.HTML)
			articleText := a.Title + "\n" + a.Body()
			for where, text := range map[string]string{"page HTML": pageText, "article": articleText} {
				for _, c := range s.outlet.chrome() {
					if strings.Contains(text, c) {
						t.Errorf("chrome %q left in the %s", c, where)
					}
				}
				if strings.Contains(strings.ToLower(text), "advertisement") {
					t.Errorf("an advertisement label is left in the %s", where)
				}
			}

			got, want := quotes(x.Extract(a)), quotes(x.Extract(seed))
			if len(want) == 0 && strings.Contains(s.seed, "003") {
				t.Fatal("no quotes found in the seed with quotes")
			}
			if !slices.Equal(got, want) {
				t.Errorf("quotes differ:\npage: %q\nseed: %q", got, want)
			}
		})
	}
}

// quotes lists an extraction's quotes as "speaker: text" lines.
func quotes(e briefing.Extraction) []string {
	var out []string
	for _, q := range e.Quotes {
		speaker := "?"
		if q.Speaker >= 0 && q.Speaker < len(e.Entities) {
			speaker = e.Entities[q.Speaker].Name
		}
		out = append(out, speaker+": "+q.Text)
	}
	return out
}

// squash collapses white space, for comparing paragraphs.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// articleHTML wraps paragraphs in a minimal article page.
func articleHTML(head string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "</head><body><main><article>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></main></body></html>")
	return b.String()
}

// filler is a paragraph of ordinary article text.
const filler = "Negotiators met for a third day on Thursday in an effort to close the remaining gaps, officials said, adding that the talks would continue through the weekend if necessary."

func TestExtractHomePage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "home_meridian.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Extract(raw, "https://www.meridianpost.example/", "text/html")
	if !errors.Is(err, ErrNoArticle) {
		t.Fatalf("Extract(home page) error = %v, want ErrNoArticle", err)
	}
	if !strings.Contains(err.Error(), "no article found at https://www.meridianpost.example/") {
		t.Errorf("error %q does not name the page", err)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		is   error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t ", ErrEmpty},
		{"no body text", "<html><head><title>x</title></head><body></body></html>", ErrNoArticle},
		{"short note", articleHTML("", "Page not found."), ErrNoArticle},
		{"link list", articleHTML("", strings.Repeat(`<a href="/a">A long headline about the talks in Doha</a> `, 20)), ErrNoArticle},
		{"plain text", "just some words", ErrNoArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.raw), "https://x.example/a", "")
			if !errors.Is(err, tt.is) {
				t.Fatalf("error = %v, want %v", err, tt.is)
			}
			if msg := err.Error(); !strings.Contains(msg, "https://x.example/a") || strings.HasSuffix(msg, ".") {
				t.Errorf("message %q should name the page and not end with a period", msg)
			}
		})
	}
}

func TestExtractCharset(t *testing.T) {
	body := "Le café de la place a rouvert ses portes après trois mois de travaux, et les habitués sont revenus dès le premier matin. " + filler
	page := articleHTML(`<title>Le café rouvre</title>`, body, filler, filler)
	latin1 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r)) // every rune here is below U+0100
		}
		return b
	}
	tests := []struct {
		name, contentType string
		raw               []byte
	}{
		{"iso-8859-1 by header", "text/html; charset=ISO-8859-1", latin1(page)},
		{"iso-8859-1 by meta", "text/html", latin1(strings.Replace(page, "<head>", `<head><meta charset="iso-8859-1">`, 1))},
		{"windows-1252 by http-equiv", "", latin1(strings.Replace(page, "<head>", `<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, 1))},
		{"utf-8 undeclared", "", []byte(page)},
		{"utf-8 with a byte-order mark", "", append([]byte("\xef\xbb\xbf"), page...)},
		{"utf-8 by header", "text/html; charset=utf-8", []byte(page)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(tt.raw, "https://cafe.example/news/1", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != "Le café rouvre" {
				t.Errorf("Title = %q", p.Title)
			}
			a, err := normalize.Normalize("https://cafe.example/news/1", p.HTML, normalize.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Paragraphs) == 0 || !strings.HasPrefix(a.Paragraphs[0].Text, "Le café de la place") {
				t.Errorf("paragraphs = %+v", a.Paragraphs)
			}
			if !strings.Contains(string(p.HTML), "après trois mois") {
				t.Errorf("accented text not decoded:\n%s", p.HTML)
			}
		})
	}
}

func TestExtractNoDate(t *testing.T) {
	page := articleHTML(`<title>Talks continue</title><meta property="og:site_name" content="Nowhere News">`, filler, filler, filler)
	p, err := Extract([]byte(page), "https://nowhere.example/talks", "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Published.IsZero() {
		t.Errorf("Published = %v, want zero", p.Published)
	}
	if strings.Contains(string(p.HTML), "published_time") {
		t.Errorf("HTML has a date tag:\n%s", p.HTML)
	}
	a, err := normalize.Normalize("https://nowhere.example/talks", p.HTML, normalize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.IsZero() || a.Outlet != "Nowhere News" || a.URL != "https://nowhere.example/talks" || a.Title != "Talks continue" {
		t.Errorf("article = %q, %q, %q, %s", a.Title, a.Outlet, a.URL, a.Published)
	}
}

func TestExtractMetadata(t *testing.T) {
	tests := []struct {
		name, head, pageURL string
		paras               []string
		title, site, url    string
		published           string // RFC 3339, or "" for none
	}{
		{
			name:    "relative canonical, title suffix",
			head:    `<title>Talks resume | Daily Example</title><meta property="og:site_name" content="Daily Example"><link rel="canonical" href="/news/talks-resume">`,
			pageURL: "https://daily.example/news/talks-resume?utm_source=x", paras: []string{filler, filler},
			title: "Talks resume", site: "Daily Example", url: "https://daily.example/news/talks-resume",
		},
		{
			name:    "canonical to the home page is ignored",
			head:    `<title>Talks resume</title><link rel="canonical" href="https://daily.example/">`,
			pageURL: "https://daily.example/news/talks-resume", paras: []string{filler, filler},
			title: "Talks resume", url: "https://daily.example/news/talks-resume",
		},
		{
			name:    "itemprop date",
			head:    `<title>Talks resume</title>`,
			pageURL: "https://daily.example/a", paras: []string{`<span itemprop="datePublished" content="2024-03-19">19 March</span> ` + filler, filler},
			title: "Talks resume", url: "https://daily.example/a", published: "2024-03-19T00:00:00Z",
		},
		{
			name:    "time element in the article",
			head:    `<title>Talks resume</title>`,
			pageURL: "https://daily.example/a", paras: []string{`<time datetime="2024-03-18T10:00:00+01:00">Monday</time>`, filler, filler},
			title: "Talks resume", url: "https://daily.example/a", published: "2024-03-18T10:00:00+01:00",
		},
		{
			name:    "markup in the title is escaped",
			head:    `<title>A &lt;b&gt; &amp; "quoted" title</title>`,
			pageURL: "https://daily.example/a", paras: []string{filler, filler},
			title: `A <b> & "quoted" title`, url: "https://daily.example/a",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract([]byte(articleHTML(tt.head, tt.paras...)), tt.pageURL, "")
			if err != nil {
				t.Fatal(err)
			}
			pub := ""
			if !p.Published.IsZero() {
				pub = p.Published.Format(time.RFC3339)
			}
			if p.Title != tt.title || p.SiteName != tt.site || p.URL != tt.url || pub != tt.published {
				t.Errorf("page = %q, %q, %q, %q; want %q, %q, %q, %q", p.Title, p.SiteName, p.URL, pub, tt.title, tt.site, tt.url, tt.published)
			}
			a, err := normalize.Normalize(tt.pageURL, p.HTML, normalize.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.URL != tt.url {
				t.Errorf("article = %q, %q; want %q, %q", a.Title, a.URL, tt.title, tt.url)
			}
		})
	}
}

func TestPublished(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2024-03-21T09:30:00Z">`, "2024-03-21T09:30:00Z"},
		{"og:published_time", `<meta property="og:published_time" content="2024-03-21T09:30:00+02:00">`, "2024-03-21T09:30:00+02:00"},
		{"meta itemprop", `<meta itemprop="datePublished" content="2024-03-20">`, "2024-03-20T00:00:00Z"},
		{"element itemprop", `<p>Posted <span itemprop="datePublished">2024-03-19 08:00</span></p>`, "2024-03-19T08:00:00Z"},
		{"json-ld article", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-18T07:00:00Z"}</script>`, "2024-03-18T07:00:00Z"},
		{"json-ld graph prefers the article", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["ReportageNewsArticle"],"datePublished":"2024-03-17"}]}</script>`, "2024-03-17T00:00:00Z"},
		{"time in the article", `<article><p>x</p><time datetime="2024-03-16T12:00:00Z">Sat</time></article>`, "2024-03-16T12:00:00Z"},
		{"time outside the article is ignored", `<aside><time datetime="2024-03-15">x</time></aside><article><p>x</p></article>`, ""},
		{"meta wins over json-ld", `<meta property="article:published_time" content="2024-03-14"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01"}</script>`, "2024-03-14T00:00:00Z"},
		{"unparsable values are skipped", `<meta property="article:published_time" content="last Tuesday"><meta name="date" content="Mar 13, 2024">`, "2024-03-13T00:00:00Z"},
		{"broken json-ld", `<script type="application/ld+json">{"datePublished": </script>`, ""},
		{"none", `<p>No date here.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<!doctype html><html><head></head><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if p := Published(doc); !p.IsZero() {
				got = p.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
	if !Published(nil).IsZero() {
		t.Error("Published(nil) is not zero")
	}
}
