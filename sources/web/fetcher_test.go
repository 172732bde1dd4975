package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefbot/internal/clocktest"

	"golang.org/x/time/rate"
)

func TestURLRefusals(t *testing.T) {
	tests := []struct {
		url    string
		kind   error
		hidden string // must not appear in the message
	}{
		{url: "file:///etc/passwd", kind: ErrScheme},
		{url: "ftp://example.com/feed.xml", kind: ErrScheme},
		{url: "javascript:alert(1)", kind: ErrScheme},
		{url: "data:text/plain,hello", kind: ErrScheme},
		{url: "gopher://example.com/", kind: ErrScheme},
		{url: "https://alice:hunter2@example.com/feed", kind: ErrScheme, hidden: "hunter2"},
		{url: "https://s3cr3ttoken@example.com/feed", kind: ErrScheme, hidden: "s3cr3ttoken"},
		{url: "example.com/feed", kind: ErrInvalidURL},
		{url: "", kind: ErrInvalidURL},
		{url: "http:///nohost", kind: ErrInvalidURL},
		{url: "http://example.com:99999/", kind: ErrInvalidURL},
		{url: "http://exa mple.com/", kind: ErrInvalidURL},
	}
	f := newFetcher(t, Options{})
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := f.Get(context.Background(), Request{URL: tt.url})
			if !errors.Is(err, tt.kind) {
				t.Fatalf("Get(%q) error = %v, want %v", tt.url, err, tt.kind)
			}
			msg := err.Error()
			if tt.hidden != "" && strings.Contains(msg, tt.hidden) {
				t.Errorf("message %q reveals %q", msg, tt.hidden)
			}
			if msg != strings.ToLower(msg[:1])+msg[1:] || strings.HasSuffix(msg, ".") {
				t.Errorf("message %q is not lower case without a trailing period", msg)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	srvB, hitsB := newServer(t, okHandler)
	portB := portString(t, srvB)
	var srvAURL string
	srvA, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/to-b":
			http.Redirect(w, r, srvB.URL+"/secret", http.StatusFound)
		case p == "/to-b-by-name":
			http.Redirect(w, r, "http://localhost:"+portB+"/secret", http.StatusFound)
		case p == "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case p == "/to-file":
			w.Header().Set("Location", "file:///etc/passwd")
			w.WriteHeader(http.StatusFound)
		case p == "/to-creds":
			http.Redirect(w, r, strings.Replace(srvAURL, "http://", "http://alice:hunter2@", 1)+"/ok", http.StatusFound)
		case p == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case p == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusMovedPermanently)
		case strings.HasPrefix(p, "/chain/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "/chain/"))
			if n == 0 {
				okHandler(w, r)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
		default:
			okHandler(w, r)
		}
	})
	srvAURL = srvA.URL
	policy := allowPort(serverPort(t, srvA))

	tests := []struct {
		name     string
		path     string
		kind     error
		mentions []string
	}{
		{name: "to a loopback server", path: "/to-b", kind: ErrBlockedAddress,
			mentions: []string{"refusing " + srvB.URL + "/secret", "loopback", "sources.allow_private_networks"}},
		{name: "to a loopback name, refused at dial time", path: "/to-b-by-name", kind: ErrBlockedAddress,
			mentions: []string{"refusing http://localhost:" + portB + "/secret", "loopback"}},
		{name: "to cloud metadata", path: "/to-metadata", kind: ErrBlockedAddress, mentions: []string{"cloud metadata"}},
		{name: "to a file url", path: "/to-file", kind: ErrScheme, mentions: []string{"file:///etc/passwd"}},
		{name: "to a url with credentials", path: "/to-creds", kind: ErrScheme, mentions: []string{"user name or password"}},
		{name: "loop", path: "/loop-a", kind: ErrTooManyRedirects, mentions: []string{"redirect loop", "/loop-a"}},
		{name: "too many", path: "/chain/6", kind: ErrTooManyRedirects, mentions: []string{"stopped after 5 redirects"}},
		{name: "as many as allowed", path: "/chain/5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFetcher(t, Options{AddressPolicy: policy})
			resp, err := f.Get(context.Background(), Request{URL: srvA.URL + tt.path})
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if resp.URL != srvA.URL+"/chain/0" || string(resp.Body) != "hello" {
					t.Errorf("response = %+v", resp)
				}
				return
			}
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want %v", err, tt.kind)
			}
			msg := err.Error()
			for _, want := range tt.mentions {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not mention %q", msg, want)
				}
			}
			if strings.Contains(msg, "hunter2") || strings.Contains(msg, `Get "`) {
				t.Errorf("message %q leaks a secret or the client's prefix", msg)
			}
		})
	}
	if n := hitsB.Load(); n != 0 {
		t.Errorf("blocked server saw %d requests, want 0", n)
	}
}

func TestNoRedirects(t *testing.T) {
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/start" {
			http.Redirect(w, r, "/end", http.StatusFound)
			return
		}
		okHandler(w, r)
	})
	f := newFetcher(t, Options{AllowPrivateNetworks: true, MaxRedirects: -1})
	_, err := f.Get(context.Background(), Request{URL: srv.URL + "/start"})
	if !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), "redirects are not followed") {
		t.Errorf("error = %v", err)
	}
}

func TestConditionalGet(t *testing.T) {
	const (
		etag    = `"v1"`
		lastMod = "Mon, 02 Jan 2006 15:04:05 GMT"
	)
	var (
		mu   sync.Mutex
		seen []http.Header
	)
	srv, hits := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Clone())
		mu.Unlock()
		switch {
		case r.Header.Get("If-None-Match") == etag:
			w.Header().Set("ETag", etag)
			w.WriteHeader(http.StatusNotModified)
		case r.Header.Get("If-Modified-Since") == lastMod:
			w.WriteHeader(http.StatusNotModified) // repeats no validator
		default:
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write([]byte("<rss/>"))
		}
	})
	f := newFetcher(t, Options{AllowPrivateNetworks: true})
	ctx := context.Background()

	first, err := f.Get(ctx, Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("first Get: %v", err)
	}
	if first.NotModified || first.ETag != etag || first.LastModified != lastMod || string(first.Body) != "<rss/>" {
		t.Fatalf("first response = %+v", first)
	}

	tests := []struct {
		name          string
		req           Request
		header, sent  string // the conditional header the server must see
		etag, lastMod string // validators to keep
	}{
		// The server repeats the ETag in its 304.
		{name: "if-none-match", req: Request{URL: srv.URL, ETag: first.ETag},
			header: "If-None-Match", sent: etag, etag: etag},
		// The server's 304 repeats nothing: the request's validator is kept.
		{name: "if-modified-since", req: Request{URL: srv.URL, LastModified: first.LastModified},
			header: "If-Modified-Since", sent: lastMod, lastMod: lastMod},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := f.Get(ctx, tt.req)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if !resp.NotModified || resp.StatusCode != http.StatusNotModified || len(resp.Body) != 0 {
				t.Errorf("response = %+v, want not modified", resp)
			}
			if resp.ETag != tt.etag || resp.LastModified != tt.lastMod {
				t.Errorf("validators = %q, %q; want %q, %q", resp.ETag, resp.LastModified, tt.etag, tt.lastMod)
			}
			mu.Lock()
			got := seen[i+1].Get(tt.header)
			mu.Unlock()
			if got != tt.sent {
				t.Errorf("server saw %s %q, want %q", tt.header, got, tt.sent)
			}
		})
	}
	if hits.Load() != 3 {
		t.Errorf("server saw %d requests, want 3", hits.Load())
	}
}

func TestRetryAfter(t *testing.T) {
	start := time.Date(2026, 11, 22, 9, 58, 0, 0, time.UTC)
	tests := []struct {
		name       string
		code       int
		retryAfter func(now time.Time) string
		want       time.Duration // from start
	}{
		{"429 delta seconds", http.StatusTooManyRequests, func(time.Time) string { return "120" }, 120 * time.Second},
		{"503 http date", http.StatusServiceUnavailable, func(now time.Time) string {
			return now.Add(time.Hour).Format(http.TimeFormat)
		}, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := clocktest.New(start)
			var busy atomic.Bool
			busy.Store(true)
			srv, hits := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if busy.Load() {
					w.Header().Set("Retry-After", tt.retryAfter(clock.Now()))
					w.WriteHeader(tt.code)
					return
				}
				okHandler(w, r)
			})
			other, otherHits := newServer(t, okHandler)
			f := newFetcher(t, Options{AllowPrivateNetworks: true, Clock: clock})
			ctx := context.Background()
			until := start.Add(tt.want)

			_, err := f.Get(ctx, Request{URL: srv.URL + "/feed"})
			var serr *StatusError
			if !errors.As(err, &serr) {
				t.Fatalf("first Get error = %v, want a *StatusError", err)
			}
			if serr.Code != tt.code || !serr.RetryAfter.Equal(until) {
				t.Errorf("status error = %+v, want code %d retry after %v", serr, tt.code, until)
			}
			if !strings.Contains(err.Error(), "(retry after "+formatTime(until)+")") {
				t.Errorf("message %q does not name the time", err)
			}
			busy.Store(false)

			for _, path := range []string{"/feed", "/other-page"} {
				_, err = f.Get(ctx, Request{URL: srv.URL + path})
				var berr *BackoffError
				if !errors.Is(err, ErrHostBackoff) || !errors.As(err, &berr) || !berr.Until.Equal(until) {
					t.Fatalf("Get %s during backoff error = %v, want ErrHostBackoff until %v", path, err, until)
				}
				if !strings.Contains(err.Error(), formatTime(until)) {
					t.Errorf("message %q does not name the time", err)
				}
			}
			if hits.Load() != 1 {
				t.Errorf("server saw %d requests during backoff, want 1", hits.Load())
			}
			if _, err := f.Get(ctx, Request{URL: other.URL}); err != nil || otherHits.Load() != 1 {
				t.Errorf("another host: err %v, hits %d", err, otherHits.Load())
			}

			clock.Advance(tt.want - time.Second)
			if _, err := f.Get(ctx, Request{URL: srv.URL + "/feed"}); !errors.Is(err, ErrHostBackoff) {
				t.Errorf("one second early: error = %v, want ErrHostBackoff", err)
			}
			clock.Advance(2 * time.Second)
			resp, err := f.Get(ctx, Request{URL: srv.URL + "/feed"})
			if err != nil || string(resp.Body) != "hello" {
				t.Fatalf("after the backoff: %v", err)
			}
			if hits.Load() != 2 {
				t.Errorf("server saw %d requests, want 2", hits.Load())
			}
		})
	}
}

func TestStatusWithoutRetryAfter(t *testing.T) {
	srv, hits := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	})
	f := newFetcher(t, Options{AllowPrivateNetworks: true})
	for range 2 {
		_, err := f.Get(context.Background(), Request{URL: srv.URL + "/feed"})
		want := srv.URL + "/feed: 429 Too Many Requests"
		var serr *StatusError
		if !errors.As(err, &serr) || err.Error() != want || !serr.RetryAfter.IsZero() {
			t.Errorf("error = %v, want %s", err, want)
		}
	}
	if hits.Load() != 2 {
		t.Errorf("server saw %d requests, want 2 (no backoff without Retry-After)", hits.Load())
	}
}

func TestStatusErrorMessage(t *testing.T) {
	err := &StatusError{URL: "http://x/feed", Code: 503, RetryAfter: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)}
	if got, want := err.Error(), "http://x/feed: 503 Service Unavailable (retry after 2026-11-22 10:00 UTC)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	err = &StatusError{URL: "http://x/", Code: 404}
	if got, want := err.Error(), "http://x/: 404 Not Found"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestMaxAge(t *testing.T) {
	tests := []struct {
		cacheControl string
		want         time.Duration
	}{
		{"max-age=300", 5 * time.Minute},
		{"public, max-age=60, must-revalidate", time.Minute},
		{"no-store", 0},
		{"max-age=60, no-cache", 0},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.cacheControl, func(t *testing.T) {
			srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.cacheControl != "" {
					w.Header().Set("Cache-Control", tt.cacheControl)
				}
				okHandler(w, r)
			})
			f := newFetcher(t, Options{AllowPrivateNetworks: true})
			resp, err := f.Get(context.Background(), Request{URL: srv.URL})
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if resp.MaxAge != tt.want {
				t.Errorf("MaxAge = %v, want %v", resp.MaxAge, tt.want)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	const limit = 1024
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/content-length":
			w.Header().Set("Content-Length", "2048")
			_, _ = w.Write(bytes.Repeat([]byte("a"), 2048))
		case "/chunked":
			_, _ = w.Write(bytes.Repeat([]byte("a"), 600))
			w.(http.Flusher).Flush() // no Content-Length from here on
			_, _ = w.Write(bytes.Repeat([]byte("a"), 600))
		case "/exact":
			_, _ = w.Write(bytes.Repeat([]byte("a"), limit))
		}
	})
	tests := []struct {
		path    string
		tooBig  bool
		mention string
	}{
		{"/content-length", true, "response too large (2 KiB, limit 1 KiB)"},
		{"/chunked", true, "response too large (over 1 KiB)"},
		{"/exact", false, ""},
	}
	f := newFetcher(t, Options{AllowPrivateNetworks: true, MaxBytes: limit})
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := f.Get(context.Background(), Request{URL: srv.URL + tt.path})
			if !tt.tooBig {
				if err != nil || len(resp.Body) != limit {
					t.Fatalf("Get = %v, %v; want %d bytes", resp, err, limit)
				}
				return
			}
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error = %v, want ErrTooLarge mentioning %q", err, tt.mention)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" {
			_, _ = w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	t.Cleanup(func() { close(release) }) // runs before the server closes
	f := newFetcher(t, Options{AllowPrivateNetworks: true, Timeout: 200 * time.Millisecond})
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		t.Run(path, func(t *testing.T) {
			_, err := f.Get(context.Background(), Request{URL: srv.URL + path})
			if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("error = %v, want a timeout", err)
			}
			if want := "fetching " + srv.URL + path + ": timed out after 200ms"; err.Error() != want {
				t.Errorf("message = %q, want %q", err, want)
			}
		})
	}
}

func TestCallerCancels(t *testing.T) {
	srv, hits := newServer(t, okHandler)
	f := newFetcher(t, Options{AllowPrivateNetworks: true})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.Get(ctx, Request{URL: srv.URL})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if hits.Load() != 0 {
		t.Errorf("server saw %d requests, want 0", hits.Load())
	}
}

func TestHeadersSent(t *testing.T) {
	var ua, accept atomic.Value
	srv, _ := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		accept.Store(r.Header.Get("Accept"))
		okHandler(w, r)
	})
	tests := []struct {
		name, userAgent, accept, wantUA string
	}{
		{"defaults", "", "application/rss+xml, application/atom+xml", DefaultUserAgent},
		{"custom agent, no accept", "briefbot-test/2", "", "briefbot-test/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFetcher(t, Options{AllowPrivateNetworks: true, UserAgent: tt.userAgent})
			if _, err := f.Get(context.Background(), Request{URL: srv.URL, Accept: tt.accept}); err != nil {
				t.Fatalf("Get: %v", err)
			}
			if got := ua.Load(); got != tt.wantUA {
				t.Errorf("User-Agent = %q, want %q", got, tt.wantUA)
			}
			if got := accept.Load(); got != tt.accept {
				t.Errorf("Accept = %q, want %q", got, tt.accept)
			}
		})
	}
}

func TestPerHostLimiters(t *testing.T) {
	srvA, hitsA := newServer(t, okHandler)
	srvB, hitsB := newServer(t, okHandler)
	// One request per hour with a burst of one: a shared limiter would
	// refuse the second host at once.
	f := newFetcher(t, Options{AllowPrivateNetworks: true, HostRate: rate.Every(time.Hour), HostBurst: 1})
	ctx := context.Background()
	for _, u := range []string{srvA.URL, srvB.URL} {
		short, cancel := context.WithTimeout(ctx, time.Minute)
		_, err := f.Get(short, Request{URL: u})
		cancel()
		if err != nil {
			t.Fatalf("Get %s: %v", u, err)
		}
	}
	// The third request to A would wait an hour; Wait refuses at once.
	short, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := f.Get(short, Request{URL: srvA.URL}); err == nil || !strings.Contains(err.Error(), "rate limit") {
		t.Errorf("second Get to A = %v, want a rate-limit error", err)
	}
	if hitsA.Load() != 1 || hitsB.Load() != 1 {
		t.Errorf("hits A %d B %d, want 1 and 1", hitsA.Load(), hitsB.Load())
	}
}

func TestConcurrentGets(t *testing.T) {
	srvA, hitsA := newServer(t, okHandler)
	srvB, hitsB := newServer(t, okHandler)
	f := newFetcher(t, Options{AllowPrivateNetworks: true})
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		u := srvA.URL
		if i%2 == 1 {
			u = srvB.URL
		}
		wg.Go(func() {
			_, err := f.Get(context.Background(), Request{URL: u})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if hitsA.Load()+hitsB.Load() != 20 {
		t.Errorf("servers saw %d requests, want 20", hitsA.Load()+hitsB.Load())
	}
}
