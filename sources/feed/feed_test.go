package feed

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// wantItem is what a test expects of one parsed item; an empty Published
// means a zero time, and ContentPrefix is matched against Content.
type wantItem struct {
	GUID, Link, Canonical, Title, Author, Published string
	ContentPrefix                                   string
	FullText                                        bool
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file, url   string
		title, link string
		items       []wantItem
	}{
		{
			file:  "rss_full.xml",
			url:   "https://www.harbourgazette.example/world/feed.xml",
			title: "Harbour Gazette — World",
			link:  "https://www.harbourgazette.example/world/",
			items: []wantItem{{
				GUID:          "hg-2024-0321-001",
				Link:          "https://www.harbourgazette.example/world/2024/03/21/doha-truce-talks/?utm_source=rss&utm_medium=feed",
				Canonical:     "https://www.harbourgazette.example/world/2024/03/21/doha-truce-talks/",
				Title:         "Mediators gather in Doha as truce talks resume",
				Author:        "Amira Calloway",
				Published:     "2024-03-21T09:30:00Z",
				ContentPrefix: "<p>Negotiators from four countries",
				FullText:      true,
			}, {
				GUID:          "https://www.harbourgazette.example/world/2024/03/20/aid-convoys-crossing/",
				Link:          "https://www.harbourgazette.example/world/2024/03/20/aid-convoys-crossing/",
				Canonical:     "https://www.harbourgazette.example/world/2024/03/20/aid-convoys-crossing/",
				Title:         "Aid convoys wait at the crossing as inspections slow",
				Author:        "Tomas Ferreira",
				Published:     "2024-03-20T16:05:00Z",
				ContentPrefix: "<p>Hundreds of lorries",
				FullText:      true, // the WordPress trailer is not a teaser ending
			}},
		},
		{
			file:  "rss_summary.xml",
			url:   "https://northernledger.example/rss",
			title: "The Northern Ledger",
			link:  "https://northernledger.example",
			items: []wantItem{{
				GUID:          "https://northernledger.example/news/minister-cairo-talks",
				Link:          "https://northernledger.example/news/minister-cairo-talks?fbclid=IwAR0abc&page=2",
				Canonical:     "https://northernledger.example/news/minister-cairo-talks?page=2",
				Title:         "Foreign minister heads to Cairo for talks",
				Author:        "Lena Ostrova",
				Published:     "2024-03-19T07:00:00Z",
				ContentPrefix: "The minister will meet",
			}, {
				GUID:          "nl-88412",
				Link:          "https://northernledger.example/news/ceasefire-draft",
				Canonical:     "https://northernledger.example/news/ceasefire-draft",
				Title:         "Ceasefire draft circulated at the Security Council",
				Published:     "2024-03-19T18:45:00Z",
				ContentPrefix: "<p>Diplomats said",
			}, {
				GUID:          "nl-88413",
				Link:          "https://northernledger.example/news/long-excerpt",
				Canonical:     "https://northernledger.example/news/long-excerpt",
				Title:         "Long excerpt that is still only an excerpt",
				Published:     "2024-03-20T08:15:00Z",
				ContentPrefix: "<p>Officials from the three",
				FullText:      false, // long enough, but ends with "[…]"
			}},
		},
		{
			file:  "atom_full.xml",
			url:   "https://levantledger.example/atom.xml",
			title: "Levant Ledger",
			link:  "https://levantledger.example/",
			items: []wantItem{{
				GUID:          "tag:levantledger.example,2024:entry-5531",
				Link:          "https://levantledger.example/2024/03/22/envoy-gaps-narrowing",
				Canonical:     "https://levantledger.example/2024/03/22/envoy-gaps-narrowing",
				Title:         "Envoy says gaps are narrowing after Cairo meetings",
				Author:        "Nadia Haddad",
				Published:     "2024-03-22T06:10:00Z", // gofeed gives UTC
				ContentPrefix: "<p>The special envoy said",
				FullText:      true,
			}, {
				GUID:          "tag:levantledger.example,2024:entry-5529",
				Link:          "https://levantledger.example/2024/03/21/hospital-fuel#comments",
				Canonical:     "https://levantledger.example/2024/03/21/hospital-fuel",
				Title:         "Hospital fuel runs low in the south",
				Author:        "Yusuf Okafor",
				Published:     "2024-03-21T17:25:00Z", // no <published>: <updated>
				ContentPrefix: "<p>Generators at the largest hospital",
				FullText:      true,
			}},
		},
		{
			file:  "atom_summary.xml",
			url:   "https://gulfdispatch.example/feed.atom",
			title: "Gulf Dispatch — Latest",
			link:  "https://gulfdispatch.example/",
			items: []wantItem{{
				GUID:          "urn:uuid:0b6e3a52-7d1c-4a59-b7a4-2e5c9f0d1a33",
				Link:          "https://gulfdispatch.example/news/intelligence-chiefs-doha?ref=homepage&id=9913",
				Canonical:     "https://gulfdispatch.example/news/intelligence-chiefs-doha?id=9913",
				Title:         "Intelligence chiefs expected in Doha on Friday",
				Author:        "Rashid Al-Mansoori",
				Published:     "2024-03-20T09:00:00Z",
				ContentPrefix: "Officials expect the heads",
			}, {
				GUID:          "urn:uuid:8f2d4c61-3e7a-4b10-9c55-6a1e2b3c4d5f",
				Link:          "https://gulfdispatch.example/news/talks-adjourn",
				Canonical:     "https://gulfdispatch.example/news/talks-adjourn",
				Title:         "Talks adjourn without a date",
				Published:     "2024-03-19T21:30:00Z",
				ContentPrefix: "<p>The round ended",
			}},
		},
		{
			file:  "rss_relative.xml",
			url:   "https://coastline.example/news/feed.rss",
			title: "Coastline Courier",
			link:  "https://coastline.example/",
			items: []wantItem{{
				GUID:          "https://coastline.example/local/2024/03/18/port-reopens",
				Link:          "https://coastline.example/local/2024/03/18/port-reopens",
				Canonical:     "https://coastline.example/local/2024/03/18/port-reopens",
				Title:         "Port reopens after storm",
				Published:     "2024-03-18T06:30:00Z",
				ContentPrefix: "The port reopened",
			}, {
				GUID:          "https://coastline.example/archive/ferry-fares.html#top",
				Link:          "https://coastline.example/archive/ferry-fares.html#top",
				Canonical:     "https://coastline.example/archive/ferry-fares.html",
				Title:         "Council votes on ferry fares",
				ContentPrefix: "Councillors approved",
			}, {
				GUID:          hashGUID("Untitled brief without a link", "2024-03-17T12:00:00Z"),
				Title:         "Untitled brief without a link",
				Published:     "2024-03-17T12:00:00Z",
				ContentPrefix: "<p>A short notice",
			}, {
				// "An item with nothing to read" has neither link nor
				// content and is skipped; a javascript: link is dropped.
				GUID:          hashGUID("Script link is dropped", ""),
				Title:         "Script link is dropped",
				ContentPrefix: "Content survives",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.url)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Title != tt.title || f.Link != tt.link {
				t.Errorf("feed = %q %q, want %q %q", f.Title, f.Link, tt.title, tt.link)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("got %d items, want %d: %+v", len(f.Items), len(tt.items), f.Items)
			}
			for i, w := range tt.items {
				checkItem(t, i, f.Items[i], w)
			}
		})
	}
}

// checkItem compares one item with what is wanted.
func checkItem(t *testing.T, i int, got Item, w wantItem) {
	t.Helper()
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("item %d %s = %q, want %q", i, field, got, want)
		}
	}
	check("GUID", got.GUID, w.GUID)
	check("Link", got.Link, w.Link)
	check("CanonicalURL", got.CanonicalURL, w.Canonical)
	check("Title", got.Title, w.Title)
	check("Author", got.Author, w.Author)
	pub := ""
	if !got.Published.IsZero() {
		pub = got.Published.Format(time.RFC3339)
	}
	check("Published", pub, w.Published)
	if !strings.HasPrefix(got.Content, w.ContentPrefix) {
		t.Errorf("item %d Content = %.60q…, want it to start with %q", i, got.Content, w.ContentPrefix)
	}
	if got.FullText != w.FullText {
		t.Errorf("item %d FullText = %v, want %v", i, got.FullText, w.FullText)
	}
}

// hashGUID is the GUID of an item without guid or link.
func hashGUID(title, published string) string {
	var p time.Time
	if published != "" {
		p, _ = time.Parse(time.RFC3339, published)
	}
	return guid("", Item{Title: title, Published: p})
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		url      string
		is       error
		contains []string
		feeds    []string // for an HTML page: the advertised feeds
	}{
		{
			name: "html page advertising feeds",
			data: readFixture(t, "html_page.html"),
			url:  "https://www.harbourgazette.example/world/",
			is:   ErrNotFeed,
			contains: []string{
				"https://www.harbourgazette.example/world/ is an HTML page, not a feed",
				"it advertises the feeds https://www.harbourgazette.example/world/feed.xml, https://www.harbourgazette.example/world/atom.xml",
			},
			feeds: []string{
				"https://www.harbourgazette.example/world/feed.xml",
				"https://www.harbourgazette.example/world/atom.xml",
			},
		},
		{
			name:     "html page without feeds",
			data:     []byte("\ufeff  <!-- hi --><HTML><body><p>Nothing here</p></body></HTML>"),
			url:      "https://plain.example/",
			is:       ErrNotFeed,
			contains: []string{"https://plain.example/ is an HTML page, not a feed"},
		},
		{
			name:     "xhtml page",
			data:     []byte(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="alternate" type="application/atom+xml" href="a.atom"/></head></html>`),
			url:      "https://x.example/dir/page",
			is:       ErrNotFeed,
			contains: []string{"it advertises the feed https://x.example/dir/a.atom"},
			feeds:    []string{"https://x.example/dir/a.atom"},
		},
		{
			name:     "truncated feed",
			data:     readFixture(t, "malformed.xml"),
			url:      "https://broken.example/feed",
			is:       ErrMalformed,
			contains: []string{"https://broken.example/feed: feed could not be parsed:", "line 15"},
		},
		{
			name:     "broken json feed",
			data:     []byte(`{"version": "https://jsonfeed.org/version/1.1", "items": [}`),
			url:      "https://j.example/feed.json",
			is:       ErrMalformed,
			contains: []string{"feed could not be parsed"},
		},
		{
			name:     "empty",
			data:     nil,
			url:      "https://e.example/feed",
			is:       ErrEmpty,
			contains: []string{"https://e.example/feed: empty response, not a feed"},
		},
		{
			name:     "only whitespace and a byte-order mark",
			data:     []byte("\xef\xbb\xbf \n\t"),
			is:       ErrEmpty,
			contains: []string{"the feed: empty response"},
		},
		{
			name:     "plain text",
			data:     []byte("404 page not found"),
			url:      "https://t.example/rss",
			is:       ErrNotFeed,
			contains: []string{"https://t.example/rss: not a feed (no RSS, Atom or JSON feed found)"},
		},
		{
			name:     "other xml",
			data:     []byte(`<?xml version="1.0"?><sitemapindex><sitemap><loc>https://s.example/a.xml</loc></sitemap></sitemapindex>`),
			url:      "https://s.example/sitemap.xml",
			is:       ErrNotFeed,
			contains: []string{"not a feed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data, tt.url)
			if !errors.Is(err, tt.is) {
				t.Fatalf("Parse error = %v, want %v", err, tt.is)
			}
			for _, c := range tt.contains {
				if !strings.Contains(err.Error(), c) {
					t.Errorf("error %q does not contain %q", err, c)
				}
			}
			var nf *NotFeedError
			if errors.As(err, &nf) != (tt.feeds != nil || strings.Contains(err.Error(), "HTML page")) {
				t.Errorf("errors.As(%v, *NotFeedError) = %v", err, nf != nil)
			}
			if nf != nil && !slices.Equal(nf.Feeds, tt.feeds) {
				t.Errorf("advertised feeds = %q, want %q", nf.Feeds, tt.feeds)
			}
			if msg := err.Error(); msg != strings.ToValidUTF8(msg, "") || strings.HasSuffix(msg, ".") {
				t.Errorf("message %q is not a clean error line", msg)
			}
		})
	}
}

func TestFullText(t *testing.T) {
	para := "<p>" + strings.Repeat("Delegations met again in the capital on Thursday. ", 6) + "</p>\n"
	tests := []struct {
		name    string
		content string
		want    bool
	}{
		{"three long paragraphs", para + para + para, true},
		{"two long paragraphs", para + para, false},
		{"one long paragraph", "<p>" + strings.Repeat("word ", 400) + "</p>", false},
		{"short summary", "<p>Delegations met again on Thursday.</p>", false},
		{"ends with an ellipsis", para + para + "<p>And then the talks…</p>", false},
		{"ends with three dots", para + para + para + "<p>Officials said that...</p>", false},
		{"ends with a bracketed ellipsis", para + para + "<p>More is expected [&#8230;]</p>", false},
		{"ends with read more", para + para + para + `<p><a href="/x">Read more</a></p>`, false},
		{"ends with read more and an arrow", para + para + para + `<p>Read more &raquo;</p>`, false},
		{"ends with continue reading a title", para + para + para + `<p>Continue reading <a href="/x">Talks resume in Doha</a></p>`, false},
		{"ends with keep reading", para + para + para + "Keep reading", false},
		{"wordpress trailer", para + para + para + `<p>The post <a href="/x">Talks</a> appeared first on <a href="/">Site</a>.</p>`, true},
		{"plain text paragraphs", strings.Repeat(strings.Repeat("Delegations met again in the capital. ", 8)+"\n\n", 3), true},
		{"line breaks as paragraphs", strings.Repeat(strings.Repeat("Delegations met again in the capital. ", 8)+"<br><br>", 3), true},
		{"script text does not count", `<script>` + strings.Repeat("var x = 1; ", 200) + `</script><p>Short.</p>`, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isFullText(tt.content); got != tt.want {
				t.Errorf("isFullText = %v, want %v (blocks %q)", got, tt.want, textBlocks(tt.content))
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, base string
		want             []string
	}{
		{
			name: "rss and atom, relative and absolute",
			page: `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="https://other.example/atom"></head></html>`,
			base: "https://site.example/a/b",
			want: []string{"https://site.example/feed.xml", "https://other.example/atom"},
		},
		{
			name: "base href",
			page: `<head><base href="/blog/"><link rel="alternate" type="application/rss+xml" href="rss"></head>`,
			base: "https://site.example/x/y",
			want: []string{"https://site.example/blog/rss"},
		},
		{
			name: "case, parameters, several rel tokens and json feed",
			page: `<LINK REL="Alternate Home" TYPE="Application/RSS+XML; charset=utf-8" HREF="/r"><link rel=alternate type=application/feed+json href=/f.json>`,
			base: "https://site.example/",
			want: []string{"https://site.example/r", "https://site.example/f.json"},
		},
		{
			name: "repeats, other alternates and stylesheets ignored",
			page: `<link rel="alternate" type="application/rss+xml" href="/r"><link rel="alternate" type="application/rss+xml" href="https://site.example/r"><link rel="alternate" hreflang="de" href="/de/"><link rel="alternate" type="application/json" href="/wp-json/"><link rel="stylesheet" type="application/rss+xml" href="/s">`,
			base: "https://site.example/",
			want: []string{"https://site.example/r"},
		},
		{
			name: "relative without a base is dropped",
			page: `<link rel="alternate" type="application/rss+xml" href="/r"><link rel="alternate" type="application/rss+xml" href="http://abs.example/r">`,
			base: "",
			want: []string{"http://abs.example/r"},
		},
		{
			name: "non-web schemes are dropped",
			page: `<link rel="alternate" type="application/rss+xml" href="javascript:void(0)"><link rel="alternate" type="application/rss+xml" href="feed://x.example/r">`,
			base: "https://site.example/",
			want: nil,
		},
		{
			name: "no feeds",
			page: `<html><head><title>x</title></head><body><a href="/feed.xml" type="application/rss+xml" rel="alternate">RSS</a></body></html>`,
			base: "https://site.example/",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Discover([]byte(tt.page), tt.base); !slices.Equal(got, tt.want) {
				t.Errorf("Discover = %q, want %q", got, tt.want)
			}
		})
	}
}

// readFixture reads a file of testdata.
func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
