package sources

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/normalize"
	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

func TestUserMessage(t *testing.T) {
	errOf := func(_ any, err error) error { return err }
	_, normErr := normalize.Normalize("report.pdf", []byte("%PDF"), normalize.Options{})
	tests := []struct {
		name string
		err  error
		want string // "" when hidden
	}{
		{"status", &web.StatusError{URL: "https://x.example/feed", Code: 503}, "https://x.example/feed: 503 Service Unavailable"},
		{"status wrapped", fmt.Errorf("poll: %w", &web.StatusError{URL: "https://x.example/feed", Code: 404}), "poll: https://x.example/feed: 404 Not Found"},
		{"blocked", &web.BlockedError{URL: "http://10.0.0.1/", Host: "10.0.0.1", Category: "private"}, "private address"},
		{"fetch failure", &sourceError{errors.New("fetching https://x.example/: dial tcp: lookup x.example: no such host")}, "no such host"},
		{"not a feed", errOf(feed.Parse([]byte("<!doctype html><html><head><link rel=alternate type=application/rss+xml href=/f.xml></head></html>"), "https://x.example/")),
			"https://x.example/ is an HTML page, not a feed; it advertises the feed https://x.example/f.xml"},
		{"empty feed", errOf(feed.Parse(nil, "https://x.example/feed")), "https://x.example/feed: empty response, not a feed"},
		{"malformed feed", errOf(feed.Parse([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x<item>`), "https://x.example/feed")), "feed could not be parsed"},
		{"no article", errOf(page.Extract(homePage(t), "https://x.example/", htmlType)), "no article found at https://x.example/"},
		{"empty page", errOf(page.Extract([]byte(" "), "https://x.example/", htmlType)), "empty page"},
		{"not an article", fmt.Errorf("https://x.example/a is image/png, not an article page: %w", errNotArticle), "is image/png, not an article page"},
		{"unsupported file", normErr, "unsupported format"},
		{"user error", briefing.Invalid("a feed is polled at most every %s", MinEvery), "a feed is polled at most every 5m0s"},
		{"database", fmt.Errorf("save poll of feed https://x.example/feed: %w", errors.New("database is locked")), ""},
		{"sql", fmt.Errorf("feeds: %w", sql.ErrConnDone), ""},
		{"cancelled", fmt.Errorf("fetching https://x.example/: %w", context.Canceled), ""},
		{"plain", errors.New("record feed item 7: constraint failed"), ""},
		{"nil", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg, ok := UserMessage(tc.err)
			if tc.want == "" {
				if ok || msg != "" {
					t.Errorf("UserMessage(%v) = %q, %v; want it hidden", tc.err, msg, ok)
				}
				return
			}
			if !ok || !strings.Contains(msg, tc.want) {
				t.Errorf("UserMessage(%v) = %q, %v; want %q", tc.err, msg, ok, tc.want)
			}
		})
	}
}

// TestPollFailureHidesStoreFailure: when a failed poll cannot even be
// recorded, the error returned is the feed's, for the user, and the
// database's goes to the log.
func TestPollFailureHidesStoreFailure(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.handle("GET /down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	f := fx.addFeed(site.url("/down.xml"), time.Hour)
	fx.db.Close()
	_, err := fx.r.Poll(fx.ctx, f)
	msg, ok := UserMessage(err)
	if !ok || msg != site.url("/down.xml")+": 500 Internal Server Error" {
		t.Errorf("UserMessage = %q, %v (err %v)", msg, ok, err)
	}
	if logs := fx.logs.String(); !strings.Contains(logs, "database is closed") {
		t.Errorf("the store's failure is not logged:\n%s", logs)
	}
}

// TestCancelledIngestIsNotShown: a read stopped by its context is not the
// source's fault.
func TestCancelledIngestIsNotShown(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.serve("GET /a", htmlType, pageFixtures(t)[0].body)
	ctx, cancel := context.WithCancel(fx.ctx)
	cancel()
	_, err := fx.r.IngestURL(ctx, site.url("/a"), "test")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("IngestURL = %v", err)
	}
	if msg, ok := UserMessage(err); ok {
		t.Errorf("UserMessage = %q", msg)
	}
}
