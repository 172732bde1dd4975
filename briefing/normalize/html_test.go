package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/briefing"
)

func TestHTMLPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Normalize("page.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Mossad chief to meet CIA director in Doha as truce talks resume" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published.String() != "2024-03-21" {
		t.Errorf("published %q", a.Published)
	}
	if a.URL != "https://www.example.com/world/2024/03/21/mossad-cia-doha" {
		t.Errorf("url %q", a.URL)
	}
	if a.Outlet != "The Example Times" {
		t.Errorf("outlet %q", a.Outlet)
	}
	want := []briefing.Paragraph{
		{Text: "Mossad chief David Barnea will meet CIA director William Burns in Doha on Friday, officials said, as mediators press for a truce in Gaza."},
		{Text: "“The gaps are narrowing,” Secretary of State Antony Blinken told reporters in Cairo. “But there is still difficult work to get there.”"},
		{Text: "A week of shuttle diplomacy", Heading: true},
		{Text: "Qatari Prime Minister Mohammed bin Abdulrahman Al-Thani and Egyptian intelligence chief Abbas Kamel are also expected to attend. Talks are set to begin in the morning."},
		{Text: "“We have to see if Hamas will accept it,” Blinken said."},
		{Text: "The talks follow a round in Paris last month."},
		{Text: "A vote at the UN Security Council is expected on Friday."},
	}
	if len(a.Paragraphs) != len(want) {
		t.Fatalf("paragraphs:\n%+v\nwant\n%+v", a.Paragraphs, want)
	}
	for i := range want {
		if a.Paragraphs[i] != want[i] {
			t.Errorf("paragraph %d = %+v, want %+v", i, a.Paragraphs[i], want[i])
		}
	}
}

func TestHTMLSnippets(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		title      string
		published  string
		url        string
		paragraphs []string // headings prefixed with "# "
	}{
		{
			name:       "og title and meta date",
			in:         `<html><head><meta property="og:title" content="OG Title"><title>Other | Site</title><meta property="article:published_time" content="2024-03-21T10:00:00Z"></head><body><h1>OG Title</h1><p>Text.</p></body></html>`,
			title:      "OG Title",
			published:  "2024-03-21",
			paragraphs: []string{"Text."},
		},
		{
			name:       "title suffix with site name",
			in:         `<html><head><meta property="og:site_name" content="Daily Planet"><title>Talks resume - Daily Planet</title></head><body><p>Text.</p></body></html>`,
			title:      "Talks resume",
			paragraphs: []string{"Text."},
		},
		{
			name:       "title suffix without site name kept",
			in:         `<html><head><title>Talks resume - Daily Planet</title></head><body><p>Text.</p></body></html>`,
			title:      "Talks resume - Daily Planet",
			paragraphs: []string{"Text."},
		},
		{
			name:       "title suffix inferred from h1",
			in:         `<html><head><title>Talks resume | Daily Planet</title></head><body><h1>Talks resume</h1><p>Text.</p></body></html>`,
			title:      "Talks resume",
			paragraphs: []string{"Text."},
		},
		{
			name:       "h1 as title, other headings kept",
			in:         `<html><body><h1>Headline here</h1><p>Text.</p><h2>Section</h2><p>More.</p></body></html>`,
			title:      "Headline here",
			paragraphs: []string{"Text.", "# Section", "More."},
		},
		{
			name:       "title from first sentence",
			in:         `<html><body><p>First sentence here. Second one.</p></body></html>`,
			title:      "First sentence here",
			paragraphs: []string{"First sentence here. Second one."},
		},
		{
			name:       "dateline paragraph under the headline",
			in:         `<html><body><h1>Deal reached</h1><p class="dateline">June 5, 2025</p><p>Text.</p><p>More.</p></body></html>`,
			title:      "Deal reached",
			published:  "2025-06-05",
			paragraphs: []string{"Text.", "More."},
		},
		{
			name:       "meta name variants",
			in:         `<html><head><meta name="pubdate" content="2024-03-20"><meta name="DC.date" content="2024-03-19"></head><body><p>Text.</p></body></html>`,
			published:  "2024-03-20",
			paragraphs: []string{"Text."},
		},
		{
			name:       "dc date and parsely",
			in:         `<html><head><meta name="parsely-pub-date" content="2024-03-18T00:00:00Z"><meta name="DC.date" content="2024-03-19"></head><body><p>Text.</p></body></html>`,
			published:  "2024-03-19",
			paragraphs: []string{"Text."},
		},
		{
			name:       "invalid meta date skipped",
			in:         `<html><head><meta name="date" content="2024-02-30"><meta name="parsely-pub-date" content="2024-03-18"></head><body><p>Text.</p></body></html>`,
			published:  "2024-03-18",
			paragraphs: []string{"Text."},
		},
		{
			name:       "itemprop",
			in:         `<html><body><article><p>Text.</p><span itemprop="datePublished" content="2024-03-17">Mar 17</span></article></body></html>`,
			published:  "2024-03-17",
			paragraphs: []string{"Text."},
		},
		{
			name:       "json-ld array",
			in:         `<html><head><script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":["NewsArticle"],"datePublished":"2024-03-16T09:00:00-04:00"}]</script></head><body><p>Text.</p></body></html>`,
			published:  "2024-03-16",
			paragraphs: []string{"Text."},
		},
		{
			name:       "json-ld non-article type as last resort",
			in:         `<html><head><script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-03-15"}</script></head><body><p>Text.</p></body></html>`,
			published:  "2024-03-15",
			paragraphs: []string{"Text."},
		},
		{
			name:       "broken json-ld ignored, time used",
			in:         `<html><head><script type="application/ld+json">{"datePublished": </script></head><body><p>Text <time datetime="2024-03-14T10:00">today</time>.</p></body></html>`,
			published:  "2024-03-14",
			paragraphs: []string{"Text today."},
		},
		{
			name:       "no date",
			in:         `<html><body><p>Text.</p></body></html>`,
			paragraphs: []string{"Text."},
		},
		{
			name:       "og url",
			in:         `<html><head><meta property="og:url" content="https://example.com/a"></head><body><p>Text.</p></body></html>`,
			url:        "https://example.com/a",
			paragraphs: []string{"Text."},
		},
		{
			name:       "relative canonical without base dropped",
			in:         `<html><head><link rel="canonical" href="/a"></head><body><p>Text.</p></body></html>`,
			paragraphs: []string{"Text."},
		},
		{
			name:       "inline elements and br",
			in:         `<html><body><p>One <a href="#">two</a> <em>three</em><strong>four</strong><br>five<span>six</span></p></body></html>`,
			paragraphs: []string{"One two threefour fivesix"},
		},
		{
			name:       "entities and nbsp",
			in:         `<html><body><p>Caf&eacute;&nbsp;society &amp; &ldquo;quotes&rdquo; &#8212; kept&#8203;.</p></body></html>`,
			paragraphs: []string{"Café society & “quotes” — kept."},
		},
		{
			name:       "article with most text wins",
			in:         `<html><body><article><p>Short teaser.</p></article><article><p>The long article text is here and it is much longer.</p><p>Second paragraph.</p></article></body></html>`,
			paragraphs: []string{"The long article text is here and it is much longer.", "Second paragraph."},
		},
		{
			name:       "main when no article",
			in:         `<html><body><div><p>Outside main.</p></div><main><p>Inside main.</p></main></body></html>`,
			paragraphs: []string{"Inside main."},
		},
		{
			name:       "div fallback",
			in:         `<html><body><nav>Home News</nav><div class="story"><div>First block of text.</div><div>Second <b>block</b> of text.</div></div><footer>Footer</footer></body></html>`,
			paragraphs: []string{"First block of text.", "Second block of text."},
		},
		{
			name: "nested lists and blockquote paragraphs",
			in: `<html><body><ul><li>Outer item<ul><li>Inner item</li></ul></li></ul><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><pre>code
line</pre></body></html>`,
			paragraphs: []string{"Outer item", "Inner item", "Quoted one.", "Quoted two.", "code line"},
		},
		{
			name:       "skipped by tag, class, id, role and hidden",
			in:         `<html><body><p>Keep.</p><div class="social-links"><p>Social.</p></div><div id="Related-Stories"><p>Rel.</p></div><div role="navigation"><p>Nav.</p></div><p hidden>Hidden.</p><div aria-hidden="true"><p>Aria.</p></div><figure><p>Fig.</p></figure><div class="promo-box"><p>Promo.</p></div><p class="image-caption">Caption.</p><form><p>Form.</p></form></body></html>`,
			paragraphs: []string{"Keep."},
		},
		{
			name:       "noise paragraphs dropped",
			in:         `<html><body><p>Advertisement</p><p>Real text.</p><p>Share this article</p><p>(Photo by Jane Doe / AFP)</p></body></html>`,
			paragraphs: []string{"Real text."},
		},
		{
			name:       "body class exempt",
			in:         `<html><body class="has-sidebar nav-open"><p>Text.</p></body></html>`,
			paragraphs: []string{"Text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustNormalize(t, "page.html", tt.in)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.Published.String() != tt.published {
				t.Errorf("published %q, want %q", a.Published, tt.published)
			}
			if a.URL != tt.url {
				t.Errorf("url %q, want %q", a.URL, tt.url)
			}
			var got []string
			for _, p := range a.Paragraphs {
				if p.Heading {
					got = append(got, "# "+p.Text)
				} else {
					got = append(got, p.Text)
				}
			}
			if !equalStrings(got, tt.paragraphs) {
				t.Errorf("paragraphs %q, want %q", got, tt.paragraphs)
			}
		})
	}
}

func TestHTMLRelativeCanonical(t *testing.T) {
	a := mustNormalize(t, "https://example.com/news/x?id=1", `<!doctype html><html><head><link rel="Canonical" href="/news/x"></head><body><p>Text.</p></body></html>`)
	if a.URL != "https://example.com/news/x" {
		t.Errorf("url %q", a.URL)
	}
}

func TestHTMLOnlyChrome(t *testing.T) {
	_, err := Normalize("x.html", []byte(`<html><body><nav><p>Home</p></nav><footer><p>© 2024 X</p></footer></body></html>`), Options{})
	if err == nil || !strings.Contains(err.Error(), "no article text") {
		t.Errorf("err = %v", err)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	// html.Parse refuses nesting over 512 deep; Normalize retries with the
	// deepest tags removed.
	in := strings.Repeat("<div>", 5000) + "<p>Deep text.</p>" + strings.Repeat("</div>", 5000) + "<p>Shallow text.</p>"
	a := mustNormalize(t, "x.html", in)
	// Tags nested past maxTagNesting are dropped, so the deep <p> is gone
	// and its text is no longer a paragraph of its own.
	if got := texts(a); !equalStrings(got, []string{"Shallow text."}) {
		t.Errorf("paragraphs %q", got)
	}
}

func TestLimitNesting(t *testing.T) {
	in := "<div><div><div><p>x</p></div></div></div></b></div>"
	want := "<div><div>x</div></div>"
	if got := limitNesting(in, 2); got != want {
		t.Errorf("limitNesting = %q, want %q", got, want)
	}
}
