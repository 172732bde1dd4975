package sources

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/corpus"
	"briefbot/internal/clocktest"
	"briefbot/internal/syncbuf"
	"briefbot/sources/web"
	"briefbot/storage"
)

// start is when every test begins.
var start = time.Date(2024, time.March, 25, 12, 0, 0, 0, time.UTC)

var loadLexicon = sync.OnceValues(lexicon.Load)

// fixture is a Reader on real parts: a SQLite file, the ingest pipeline,
// the web fetcher (allowed to reach the test servers, without waiting for
// rate limits) and a manual clock.
type fixture struct {
	t     *testing.T
	ctx   context.Context
	clock *clocktest.Clock
	db    *storage.DB
	fetch *web.Fetcher
	r     *Reader
	logs  *syncbuf.Buffer
}

// newFixture builds a fixture; web options given (Timeout, MaxBytes) are
// kept, the rest are set for tests.
func newFixture(t *testing.T, wopts web.Options) *fixture {
	t.Helper()
	lex, err := loadLexicon()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	ctx := context.Background()
	clock := clocktest.New(start)
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "sources.db"), storage.Options{Lexicon: lex, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	wopts.AllowPrivateNetworks, wopts.HostRate, wopts.HostBurst, wopts.Clock = true, 1000, 1000, clock
	fetch := web.New(wopts)
	t.Cleanup(fetch.Close)
	logs := &syncbuf.Buffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := NewReader(fetch, db, ingest.New(extract.New(lex), db, ingest.Options{}), Options{Clock: clock, Logger: logger})
	return &fixture{t: t, ctx: ctx, clock: clock, db: db, fetch: fetch, r: r, logs: logs}
}

// addFeed stores a polled feed directly, without fetching it.
func (f *fixture) addFeed(url string, every time.Duration) briefing.Feed {
	f.t.Helper()
	fd, _, err := f.db.AddFeed(f.ctx, briefing.Feed{URL: url, Every: every, Polled: true, Origin: "test"})
	if err != nil {
		f.t.Fatal(err)
	}
	return fd
}

// feed returns the stored feed with this URL.
func (f *fixture) feed(url string) briefing.Feed {
	f.t.Helper()
	fd, ok, err := f.db.Feed(f.ctx, url)
	if err != nil || !ok {
		f.t.Fatalf("feed %s: ok %v, err %v", url, ok, err)
	}
	return fd
}

// pollDue runs PollDue and returns its results by feed URL.
func (f *fixture) pollDue() map[string]Result {
	f.t.Helper()
	out := map[string]Result{}
	for _, r := range f.r.PollDue(f.ctx) {
		if _, dup := out[r.URL]; dup {
			f.t.Fatalf("PollDue polled %s twice", r.URL)
		}
		out[r.URL] = r
	}
	return out
}

// poll polls the stored feed with this URL.
func (f *fixture) poll(url string) (Result, error) {
	f.t.Helper()
	return f.r.Poll(f.ctx, f.feed(url))
}

// mustPoll polls the feed and fails the test on error.
func (f *fixture) mustPoll(url string) Result {
	f.t.Helper()
	res, err := f.poll(url)
	if err != nil {
		f.t.Fatalf("Poll(%s): %v", url, err)
	}
	return res
}

// sqlDB opens the fixture's database file for direct reading.
func (f *fixture) sqlDB() *sql.DB {
	f.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+f.db.Path()+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { db.Close() })
	return db
}

// docRow is a stored article.
type docRow struct {
	id                     int64
	source, url, published string
	body                   string
}

// docs lists the stored articles in the order they were stored.
func (f *fixture) docs() []docRow {
	f.t.Helper()
	rows, err := f.sqlDB().Query(`SELECT id, source, COALESCE(url, ''), COALESCE(published, ''), body FROM documents ORDER BY id`)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	var out []docRow
	for rows.Next() {
		var d docRow
		if err := rows.Scan(&d.id, &d.source, &d.url, &d.published, &d.body); err != nil {
			f.t.Fatal(err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// itemRow is a feed_items row.
type itemRow struct {
	feedID    int64
	guid, url string
	doc       int64 // 0 when NULL
	err       string
}

// items lists what the feed's items became, by GUID.
func (f *fixture) items(feedID int64) map[string]itemRow {
	f.t.Helper()
	rows, err := f.sqlDB().Query(`SELECT feed_id, guid, url, COALESCE(document_id, 0), error FROM feed_items WHERE feed_id = ?`, feedID)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]itemRow{}
	for rows.Next() {
		var r itemRow
		if err := rows.Scan(&r.feedID, &r.guid, &r.url, &r.doc, &r.err); err != nil {
			f.t.Fatal(err)
		}
		out[r.guid] = r
	}
	if err := rows.Err(); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// site is a test web server that counts the requests for each path and
// keeps the headers of the last one.
type site struct {
	srv  *httptest.Server
	mux  *http.ServeMux
	mu   sync.Mutex
	hits map[string]int
	last map[string]http.Header
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{mux: http.NewServeMux(), hits: map[string]int{}, last: map[string]http.Header{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.last[r.URL.Path] = r.Header.Clone()
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// url is the address of path on the site.
func (s *site) url(path string) string { return s.srv.URL + path }

// handle serves path (a ServeMux pattern) with h.
func (s *site) handle(pattern string, h http.HandlerFunc) { s.mux.HandleFunc(pattern, h) }

// count is how many requests path had.
func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// header is the headers of the last request for path.
func (s *site) header(path string) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[path]
}

// serve answers path with a fixed body.
func (s *site) serve(path, contentType string, body []byte) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	})
}

// serveFeed answers path with a feed and its validators, and 304 to a
// request that sends both back.
func (s *site) serveFeed(path, contentType, body, etag, lastModified string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastModified &&
			(etag != "" || lastModified != "") {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		if lastModified != "" {
			w.Header().Set("Last-Modified", lastModified)
		}
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

// item is a feed item to write.
type item struct {
	guid, title, link string
	published         time.Time
	summary           string // HTML
	content           string // HTML: content:encoded or Atom content
}

// rssFeed writes an RSS 2.0 feed.
func rssFeed(title string, items []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>` + html.EscapeString(title) + `</title><link>https://news.example/</link><description>Test feed</description>
`)
	for _, it := range items {
		b.WriteString("<item>")
		fmt.Fprintf(&b, "<title>%s</title>", html.EscapeString(it.title))
		if it.link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", html.EscapeString(it.link))
		}
		if it.guid != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, html.EscapeString(it.guid))
		}
		if !it.published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.published.UTC().Format(time.RFC1123Z))
		}
		if it.summary != "" {
			fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.summary))
		}
		if it.content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.content)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// atomFeed writes an Atom feed.
func atomFeed(title string, items []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>` + html.EscapeString(title) + `</title>
<id>urn:test:feed</id><updated>2024-03-25T10:00:00Z</updated>
`)
	for _, it := range items {
		b.WriteString("<entry>")
		fmt.Fprintf(&b, "<title>%s</title><id>%s</id>", html.EscapeString(it.title), html.EscapeString(it.guid))
		if it.link != "" {
			fmt.Fprintf(&b, `<link rel="alternate" href="%s"/>`, html.EscapeString(it.link))
		}
		if !it.published.IsZero() {
			fmt.Fprintf(&b, "<published>%s</published><updated>%[1]s</updated>", it.published.UTC().Format(time.RFC3339))
		}
		if it.summary != "" {
			fmt.Fprintf(&b, `<summary type="html">%s</summary>`, html.EscapeString(it.summary))
		}
		if it.content != "" {
			fmt.Fprintf(&b, `<content type="html">%s</content>`, html.EscapeString(it.content))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.String()
}

// seedText is a sample article of corpus/seeds.
type seedText struct {
	name  string
	lines []string // its paragraphs, a leading "date YYYY-MM-DD" cut off
}

// seedTexts reads the sample articles in name order.
func seedTexts(t *testing.T) []seedText {
	t.Helper()
	entries, err := fs.ReadDir(corpus.Seeds(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var out []seedText
	for _, e := range entries {
		data, err := fs.ReadFile(corpus.Seeds(), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		s := seedText{name: e.Name()}
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.TrimSpace(l)
			if len(s.lines) == 0 && strings.HasPrefix(l, "date ") && len(l) > 16 {
				l = strings.TrimSpace(l[16:])
			}
			if l != "" {
				s.lines = append(s.lines, l)
			}
		}
		out = append(out, s)
	}
	if len(out) != 5 {
		t.Fatalf("%d seed articles, want 5", len(out))
	}
	return out
}

// html is the article as paragraphs.
func (s seedText) html() string {
	var b strings.Builder
	for _, l := range s.lines {
		b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
	}
	return b.String()
}

// longest returns the n longest of lines.
func longest(lines []string, n int) []string {
	s := slices.Clone(lines)
	slices.SortStableFunc(s, func(a, b string) int { return len(b) - len(a) })
	return s[:min(n, len(s))]
}

// pageFixture is a sample article as a web page with its chrome (see
// sources/page).
type pageFixture struct {
	name string // base name without .html
	body []byte
}

// pageFixtures reads the sample pages in name order.
func pageFixtures(t *testing.T) []pageFixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("page", "testdata", "seeds", "*.html"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("page fixtures: %v %v", paths, err)
	}
	var out []pageFixture
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pageFixture{name: strings.TrimSuffix(filepath.Base(p), ".html"), body: body})
	}
	return out
}

// homePage is a news site's home page: links, no article.
func homePage(t *testing.T) []byte {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("page", "testdata", "home_meridian.html"))
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// chromeStrings are bits of the fixtures' page chrome that must not reach
// the corpus.
var chromeStrings = []string{"Most read", "cookies", "newsletter", "Advertisement", "All rights reserved", "Share on"}

const htmlType = "text/html; charset=utf-8"

type ingestSummary = ingest.Summary
