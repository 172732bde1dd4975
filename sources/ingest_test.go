package sources

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

// TestIngestURL reads single addresses: pages, text, a PDF, feeds.
func TestIngestURL(t *testing.T) {
	pages := pageFixtures(t)
	seeds := seedTexts(t)
	latin1 := []byte("Talks resume in Doha\n\nThe envoy met the d\xe9l\xe9gation in Doha on Friday to discuss a truce and the release of hostages.")
	tests := []struct {
		name        string
		path        string // served path, asked with tracking parameters
		contentType string
		body        []byte
		wantErr     error
		wantText    string // in the stored article
		wantURL     string // stored address, a path of the site
	}{
		{name: "article page", path: "/world/003", contentType: htmlType, body: pages[3].body,
			wantText: "The gaps are narrowing", wantURL: "/world/003"},
		{name: "page without a content type", path: "/world/001", body: pages[1].body,
			wantText: "Barnea", wantURL: "/world/001"},
		{name: "plain text", path: "/notes/briefing", contentType: "text/plain; charset=utf-8",
			body: []byte(strings.Join(seeds[4].lines, "\n\n")), wantText: longest(seeds[4].lines, 1)[0][:40], wantURL: "/notes/briefing"},
		{name: "plain text in Latin-1", path: "/notes/latin1", contentType: "text/plain; charset=iso-8859-1",
			body: latin1, wantText: "délégation", wantURL: "/notes/latin1"},
		{name: "PDF", path: "/docs/report", contentType: "application/pdf", body: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
			wantErr: errNotArticle},
		{name: "home page", path: "/", contentType: htmlType, body: homePage(t), wantErr: page.ErrNoArticle},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fx := newFixture(t, web.Options{})
			site := newSite(t)
			site.handle("GET "+tc.path, func(w http.ResponseWriter, r *http.Request) {
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				} else {
					w.Header()["Content-Type"] = nil // no sniffing
				}
				w.Write(tc.body)
			})
			res, err := fx.r.IngestURL(fx.ctx, site.url(tc.path)+"?utm_source=share#top", "test")
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("IngestURL error = %v, want %v", err, tc.wantErr)
				}
				if msg, ok := UserMessage(err); !ok || msg == "" {
					t.Errorf("UserMessage(%v) = %q, %v", err, msg, ok)
				}
				if n := len(fx.docs()); n != 0 {
					t.Errorf("%d documents stored", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Feed != nil || res.Summary.Ingested != 1 || len(res.Outcomes) != 1 || res.Outcomes[0].Result.DocumentID == 0 {
				t.Fatalf("result: %+v", res)
			}
			docs := fx.docs()
			if len(docs) != 1 {
				t.Fatalf("%d documents", len(docs))
			}
			if docs[0].url != site.url(tc.wantURL) || docs[0].source != site.url(tc.wantURL) {
				t.Errorf("stored as %q at %q, want %q", docs[0].source, docs[0].url, site.url(tc.wantURL))
			}
			if !strings.Contains(docs[0].body, tc.wantText) {
				t.Errorf("the article lacks %q:\n%s", tc.wantText, docs[0].body)
			}
			for _, c := range chromeStrings {
				if strings.Contains(strings.ToLower(docs[0].body), strings.ToLower(c)) {
					t.Errorf("page chrome %q in the article", c)
				}
			}
			if fds, _ := fx.r.Feeds(fx.ctx); len(fds) != 0 {
				t.Errorf("a page was stored as a feed: %+v", fds)
			}
		})
	}
}

// TestIngestPDFMessage: a document that is not an article page says so.
func TestIngestPDFMessage(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.serve("GET /report.pdf", "application/pdf", []byte("%PDF-1.7\n"))
	_, err := fx.r.IngestURL(fx.ctx, site.url("/report.pdf"), "test")
	msg, ok := UserMessage(err)
	if !ok || !strings.Contains(msg, site.url("/report.pdf")+" is application/pdf, not an article page") {
		t.Errorf("UserMessage = %q, %v (err %v)", msg, ok, err)
	}
}

// TestIngestFeedURL: a feed read by address is remembered, not polled,
// and read conditionally the next time.
func TestIngestFeedURL(t *testing.T) {
	tests := []struct {
		name, contentType, body string
	}{
		{"RSS", "application/rss+xml", ""},
		{"RSS as text/xml", "text/xml; charset=utf-8", ""},
		{"Atom without a content type", "", "atom"},
		{"JSON feed as application/json", "application/json", "json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fx := newFixture(t, web.Options{})
			site := newSite(t)
			var items []item
			for i, p := range pageFixtures(t)[:2] {
				site.serve("GET /world/"+p.name, htmlType, p.body)
				items = append(items, item{guid: p.name, title: "Story " + p.name, link: site.url("/world/" + p.name),
					published: start.Add(time.Duration(i-5) * time.Hour), summary: "Short…"})
			}
			body := rssFeed("Once", items)
			switch tc.body {
			case "atom":
				body = atomFeed("Once", items)
			case "json":
				body = jsonFeed("Once", items)
			}
			site.serveFeed("GET /once", tc.contentType, body, `"once-1"`, "")
			url := site.url("/once")

			res, err := fx.r.IngestURL(fx.ctx, url, "cli")
			if err != nil {
				t.Fatal(err)
			}
			if res.Feed == nil || res.Items != 2 || res.Summary.Ingested != 2 || res.NotModified {
				t.Fatalf("first read: %+v", res)
			}
			f := fx.feed(url)
			if f.Polled || f.ETag != `"once-1"` || f.Title != "Once" || f.Articles != 2 || f.Origin != "cli" {
				t.Errorf("remembered feed: %+v", f)
			}
			if due, err := fx.db.DueFeeds(fx.ctx, start.Add(1000*time.Hour)); err != nil || len(due) != 0 {
				t.Errorf("a feed read once is due: %+v, %v", due, err)
			}
			if next, err := fx.db.NextFeedCheck(fx.ctx); err != nil || !next.IsZero() {
				t.Errorf("NextFeedCheck = %v, %v", next, err)
			}

			fx.clock.Advance(time.Minute)
			res, err = fx.r.IngestURL(fx.ctx, url+"?utm_medium=x", "cli")
			if err != nil {
				t.Fatal(err)
			}
			if res.Feed == nil || !res.NotModified || res.Summary.Ingested != 0 {
				t.Errorf("second read: %+v", res)
			}
			if h := site.header("/once"); h.Get("If-None-Match") != `"once-1"` {
				t.Errorf("second read not conditional: %v", h)
			}
			if n := site.count("/once"); n != 2 {
				t.Errorf("feed fetched %d times", n)
			}
		})
	}
}

// jsonFeed writes a JSON Feed 1.1.
func jsonFeed(title string, items []item) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"version": "https://jsonfeed.org/version/1.1", "title": %q, "items": [`, title)
	for i, it := range items {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": %q, "url": %q, "title": %q, "summary": %q, "date_published": %q}`,
			it.guid, it.link, it.title, it.summary, it.published.UTC().Format(time.RFC3339))
	}
	b.WriteString("]}")
	return b.String()
}

// TestIngestBrokenFeedURL: a broken feed read by address fails clearly.
func TestIngestBrokenFeedURL(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.serve("GET /broken.xml", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item>`))
	_, err := fx.r.IngestURL(fx.ctx, site.url("/broken.xml"), "cli")
	if !errors.Is(err, feed.ErrMalformed) {
		t.Fatalf("IngestURL = %v", err)
	}
	if msg, ok := UserMessage(err); !ok || !strings.Contains(msg, "feed could not be parsed") {
		t.Errorf("UserMessage = %q, %v", msg, ok)
	}
}

// TestIngestURLRefusals: what is not a web address, or cannot be reached,
// fails with a message for the user.
func TestIngestURLRefusals(t *testing.T) {
	fx := newFixture(t, web.Options{})
	down := newSite(t)
	down.srv.Close()
	guardedFetch := web.New(web.Options{Clock: fx.clock})
	defer guardedFetch.Close()
	guarded := NewReader(guardedFetch, fx.db, nil, Options{Clock: fx.clock})
	tests := []struct {
		name string
		r    *Reader
		url  string
		is   error
		says string
	}{
		{"ftp", fx.r, "ftp://example.com/x", nil, "not a web address"},
		{"no host", fx.r, "http:///x", nil, "not a web address"},
		{"private address", guarded, "http://127.0.0.1:9/x", web.ErrBlockedAddress, "loopback"},
		{"connection refused", fx.r, down.url("/x"), nil, down.url("/x")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.r.IngestURL(fx.ctx, tc.url, "test")
			if err == nil || tc.is != nil && !errors.Is(err, tc.is) {
				t.Fatalf("IngestURL = %v, want %v", err, tc.is)
			}
			msg, ok := UserMessage(err)
			if !ok || !strings.Contains(msg, tc.says) {
				t.Errorf("UserMessage = %q, %v; want it to say %q", msg, ok, tc.says)
			}
		})
	}
}

// TestAddFeed checks feeds before storing them, and updates one added
// again.
func TestAddFeed(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.serve("GET /page", htmlType, pageFixtures(t)[0].body)
	site.serveFeed("GET /feed.xml", "application/rss+xml", rssFeed("Desk wire", nil), "", "")
	site.serveFeed("GET /once.xml", "application/rss+xml", rssFeed("Once wire", nil), "", "")

	// Not a feed: refused, naming the feed the page advertises.
	_, _, err := fx.r.AddFeed(fx.ctx, site.url("/page"), time.Hour, "cli")
	var nf *feed.NotFeedError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "is an HTML page, not a feed; it advertises the feed "+site.url("/rss.xml")) {
		t.Errorf("AddFeed of a page = %v", err)
	}
	// Too often: refused before anything is fetched.
	for _, every := range []time.Duration{time.Minute, MinEvery - time.Second, -time.Hour} {
		_, _, err = fx.r.AddFeed(fx.ctx, site.url("/feed.xml"), every, "cli")
		if msg, ok := UserMessage(err); !isInvalid(err) || !ok || !strings.Contains(msg, "at most every 5m0s") {
			t.Errorf("AddFeed every %v = %v (%q)", every, err, msg)
		}
	}
	if n := site.count("/feed.xml"); n != 0 {
		t.Errorf("the feed was fetched %d times for refused intervals", n)
	}
	if fds, _ := fx.r.Feeds(fx.ctx); len(fds) != 0 {
		t.Fatalf("feeds stored: %+v", fds)
	}

	f, created, err := fx.r.AddFeed(fx.ctx, site.url("/feed.xml")+"?utm_source=x", 0, "discord:1")
	if err != nil || !created {
		t.Fatalf("AddFeed = %v, created %v", err, created)
	}
	want := briefing.Feed{ID: f.ID, URL: site.url("/feed.xml"), Title: "Desk wire", Every: DefaultEvery, Polled: true,
		Origin: "discord:1", NextCheck: start, AddedAt: start}
	if f != want {
		t.Errorf("added\n got %+v\nwant %+v", f, want)
	}
	if got := fx.feed(want.URL); got != want {
		t.Errorf("stored\n got %+v\nwant %+v", got, want)
	}

	// Again, with another interval: updated, not duplicated.
	f, created, err = fx.r.AddFeed(fx.ctx, site.url("/feed.xml"), 2*time.Hour, "cli")
	if err != nil || created || f.ID != want.ID || f.Every != 2*time.Hour || f.Title != "Desk wire" || f.Origin != "cli" {
		t.Errorf("added again: %+v, created %v, %v", f, created, err)
	}
	if fds, _ := fx.r.Feeds(fx.ctx); len(fds) != 1 {
		t.Errorf("%d feeds, want 1", len(fds))
	}

	// A feed read once becomes polled when added.
	if _, err := fx.r.IngestURL(fx.ctx, site.url("/once.xml"), "cli"); err != nil {
		t.Fatal(err)
	}
	f, created, err = fx.r.AddFeed(fx.ctx, site.url("/once.xml"), time.Hour, "discord:2")
	if err != nil || created || !f.Polled || f.Every != time.Hour || f.Origin != "discord:2" || f.Title != "Once wire" {
		t.Errorf("read-once feed added: %+v, created %v, %v", f, created, err)
	}

	// Removed: gone, and removing again says so.
	for i, want := range []bool{true, false} {
		if ok, err := fx.r.RemoveFeed(fx.ctx, site.url("/feed.xml")+"#x"); ok != want || err != nil {
			t.Errorf("RemoveFeed %d = %v, %v", i, ok, err)
		}
	}
}

// isInvalid reports whether err is the user's mistake.
func isInvalid(err error) bool {
	ue, ok := briefing.UserError(err)
	return ok && ue.Code == briefing.ErrInvalid
}
