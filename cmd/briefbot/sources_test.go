package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// webSite serves an RSS feed whose items (summaries only) link to the
// sample articles inside realistic page chrome, with ETag validators, and
// counts what it is asked.
type webSite struct {
	srv *httptest.Server
	mu  sync.Mutex
	// hits counts requests by path; conditional counts the feed requests
	// that carried If-None-Match.
	hits        map[string]int
	conditional int
}

// pageFixtures are the sample articles as web pages (see sources/page).
const pageFixtures = "../../sources/page/testdata/seeds"

func newWebSite(t *testing.T) *webSite {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(pageFixtures, "*.html"))
	if err != nil || len(pages) != len(seedFiles) {
		t.Fatalf("page fixtures: %v %v", pages, err)
	}
	w := &webSite{hits: map[string]int{}}
	mux := http.NewServeMux()
	var items strings.Builder
	for i, p := range pages {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		path := "/world/" + strings.TrimSuffix(filepath.Base(p), ".html")
		mux.HandleFunc("GET "+path, func(rw http.ResponseWriter, r *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			rw.Write(body)
		})
		// Tracking parameters on the links: the canonical address drops them.
		fmt.Fprintf(&items, `<item><title>Story %d</title><link>%s?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">story-%d</guid><pubDate>Thu, 2%d Mar 2024 08:00:00 GMT</pubDate>
<description>A short summary of story %d…</description></item>
`, i, path, i, i, i)
	}
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Desk wire</title><link>/</link><description>Test feed</description>
` + items.String() + `</channel></rss>`
	mux.HandleFunc("GET /feed.xml", func(rw http.ResponseWriter, r *http.Request) {
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") != "" {
			w.mu.Lock()
			w.conditional++
			w.mu.Unlock()
		}
		if r.Header.Get("If-None-Match") == etag {
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("ETag", etag)
		rw.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(rw, feed)
	})
	mux.HandleFunc("GET /broken.xml", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</channel>`)
	})
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.hits[r.URL.Path]++
		w.mu.Unlock()
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(w.srv.Close)
	return w
}

func (w *webSite) count(path string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.hits[path]
}

// webConfig writes a config for a database in dir that may fetch from
// loopback, fast.
func webConfig(t *testing.T, dir string, private bool) string {
	t.Helper()
	cfg := fmt.Sprintf("database:\n  path: %s\nsources:\n  allow_private_networks: %v\n  requests_per_second: 100\n",
		filepath.Join(dir, "web.db"), private)
	return writeFile(t, dir, "config.yaml", []byte(cfg))
}

// chromeStrings are bits of the fixtures' page chrome that must not reach
// the corpus.
var chromeStrings = []string{"Most read", "cookies", "newsletter", "Advertisement", "All rights reserved", "Share on"}

func TestIngestFeedURL(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	cfg := webConfig(t, dir, true)

	r := run(t, "ingest", "--config", cfg, site.srv.URL+"/feed.xml")
	wantCode(t, r, 0)
	wantContains(t, "stderr", r.stderr, "5 items, 5 new")
	wantContains(t, "stdout", r.stdout, "ingested 5, duplicates 0, failed 0")

	db, err := sql.Open("sqlite3", filepath.Join(dir, "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT url, body FROM documents ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var url, body string
		if err := rows.Scan(&url, &body); err != nil {
			t.Fatal(err)
		}
		n++
		if strings.Contains(url, "utm_") {
			t.Errorf("stored address keeps tracking parameters: %s", url)
		}
		for _, c := range chromeStrings {
			if strings.Contains(strings.ToLower(body), strings.ToLower(c)) {
				t.Errorf("%s: page chrome %q in the article text", url, c)
			}
		}
	}
	rows.Close()
	if n != 5 {
		t.Fatalf("%d documents, want 5", n)
	}
	// The quotes are those of the sample articles read from files.
	var quotes int
	if err := db.QueryRow(`SELECT COUNT(*) FROM quotes`).Scan(&quotes); err != nil {
		t.Fatal(err)
	}
	fromFiles := seededDB(t)
	files, err := sql.Open("sqlite3", fromFiles)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	var want int
	if err := files.QueryRow(`SELECT COUNT(*) FROM quotes`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if quotes != want {
		t.Errorf("%d quotes from the web pages, %d from the files", quotes, want)
	}

	// Again: a conditional request, answered 304; no page fetched again.
	pageHits := site.count("/world/000_meridian")
	r = run(t, "ingest", "--config", cfg, site.srv.URL+"/feed.xml")
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "ingested 0, duplicates 0, failed 0")
	wantContains(t, "stderr", r.stderr, "not modified")
	if site.conditional != 1 {
		t.Errorf("%d conditional feed requests, want 1", site.conditional)
	}
	if got := site.count("/world/000_meridian"); got != pageHits {
		t.Errorf("page fetched %d times, want %d", got, pageHits)
	}

	// The feed is listed as read once, with its articles.
	r = run(t, "feeds", "list", "--config", cfg)
	wantCode(t, r, 0)
	wantContains(t, "feeds list", r.stdout, "/feed.xml (Desk wire)", "once", " 5 ")
}

func TestIngestBrokenFeedURL(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	r := run(t, "ingest", "--config", webConfig(t, dir, true), site.srv.URL+"/broken.xml")
	wantCode(t, r, 1)
	wantContains(t, "stderr", r.stderr, "/broken.xml", "feed could not be parsed")
}

func TestIngestArticleURL(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	r := run(t, "ingest", "--config", webConfig(t, dir, true), "--list", site.srv.URL+"/world/003_meridian")
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "ingested 1, duplicates 0, failed 0")
	if got := site.count("/world/003_meridian"); got != 1 {
		t.Errorf("page fetched %d times", got)
	}
}

func TestIngestPrivateAddressRefused(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	r := run(t, "ingest", "--config", webConfig(t, dir, false), site.srv.URL+"/feed.xml")
	wantCode(t, r, 1)
	wantContains(t, "stderr", r.stderr, "loopback", "allow_private_networks")
	if got := site.count("/feed.xml"); got != 0 {
		t.Errorf("the refused server saw %d requests", got)
	}
}

func TestFeedsAndFetch(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	cfg := webConfig(t, dir, true)
	feed := site.srv.URL + "/feed.xml"

	r := run(t, "feeds", "add", "--config", cfg, "--every", "1h", feed+"?utm_campaign=x")
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "added "+feed+" (Desk wire), polled every 1h0m0s")
	r = run(t, "feeds", "add", "--config", cfg, site.srv.URL+"/world/000_meridian")
	wantCode(t, r, 1)
	wantContains(t, "stderr", r.stderr, "is an HTML page, not a feed")
	r = run(t, "feeds", "add", "--config", cfg, "--every", "1m", feed)
	wantCode(t, r, 1)
	wantContains(t, "stderr", r.stderr, "at most every 5m")

	r = run(t, "fetch", "--config", cfg)
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "5 items, 5 new", "1 feed polled, 5 new articles, 0 failed")
	// Not due again within the hour (the test clock stands still).
	r = run(t, "fetch", "--config", cfg)
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "0 feeds polled, 0 new articles")
	// --all polls it anyway: a conditional request, not modified.
	r = run(t, "fetch", "--all", "--config", cfg)
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, "not modified", "1 feed polled, 0 new articles")
	if site.conditional != 1 {
		t.Errorf("%d conditional requests, want 1", site.conditional)
	}

	r = run(t, "feeds", "list", "--config", cfg)
	wantCode(t, r, 0)
	wantContains(t, "stdout", r.stdout, feed+" (Desk wire)", "1h0m0s", "2024-03-25 09:30 UTC", "ok")
	r = run(t, "feeds", "remove", "--config", cfg, feed)
	wantCode(t, r, 0)
	r = run(t, "feeds", "remove", "--config", cfg, feed)
	wantCode(t, r, 1)
	wantContains(t, "stderr", r.stderr, "no feed")
	r = run(t, "feeds", "list", "--config", cfg)
	wantContains(t, "stdout", r.stdout, "No feeds")
	r = run(t, "feeds", "--config", cfg)
	wantCode(t, r, 2)
	r = run(t, "feeds", "rename", "--config", cfg)
	wantCode(t, r, 2)
}

// A failing feed of the config is reported by fetch and listed with its
// error, and fetch still reads the good one.
func TestFetchReportsFailingFeed(t *testing.T) {
	site := newWebSite(t)
	dir := t.TempDir()
	cfg := fmt.Sprintf("database:\n  path: %s\nsources:\n  allow_private_networks: true\n  requests_per_second: 100\n  feeds:\n    - url: %s/broken.xml\n    - url: %s/feed.xml\n      every: 2h\n",
		filepath.Join(dir, "web.db"), site.srv.URL, site.srv.URL)
	path := writeFile(t, dir, "config.yaml", []byte(cfg))
	r := run(t, "fetch", "--config", path)
	wantCode(t, r, 1)
	wantContains(t, "stdout", r.stdout, "2 feeds polled, 5 new articles, 1 failed")
	wantContains(t, "stderr", r.stderr, "/broken.xml", "feed could not be parsed")
	r = run(t, "feeds", "list", "--config", path)
	wantContains(t, "stdout", r.stdout, "failing (1 in a row)", "2h0m0s")
}
