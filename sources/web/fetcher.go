package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultUserAgent is the honest User-Agent every request carries unless
// Options.UserAgent replaces it.
const DefaultUserAgent = "briefbot/1.0 (news briefing bot; +https://github.com/briefbot)"

// Defaults for the zero Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
	DefaultHostRate     = rate.Limit(1)
	DefaultHostBurst    = 2
)

// maxTrackedHosts bounds the per-host limiter map; idle limiters are
// dropped once it is reached.
const maxTrackedHosts = 4096

// Clock tells the time (tests pass a manual clock).
type Clock interface{ Now() time.Time }

// wallClock is the default Clock.
type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

// Options configure a Fetcher; the zero value is usable.
type Options struct {
	UserAgent            string        // default DefaultUserAgent
	Timeout              time.Duration // whole request including the body, default 20s
	MaxBytes             int64         // largest body, default 5 MiB; more fails with ErrTooLarge
	MaxRedirects         int           // default 5; negative follows none
	AllowPrivateNetworks bool          // lifts the address guard (tests, private deployments); wins over AddressPolicy
	HostRate             rate.Limit    // per-host request rate, default 1 per second
	HostBurst            int           // per-host burst, default 2
	Clock                Clock         // default wall clock; used for Retry-After, Expires and backoff
	Logger               *slog.Logger  // default discards

	// AddressPolicy, when set, decides whether a dialled address is
	// allowed instead of DefaultAddressPolicy (tests use it to treat one
	// loopback port as public); it returns nil to allow.
	AddressPolicy func(netip.AddrPort) error
}

// Request is one GET.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match when set
	LastModified string // sent as If-Modified-Since when set
	Accept       string // optional Accept header
}

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	URL          string        // final URL after redirects
	StatusCode   int           // 2xx or 304
	NotModified  bool          // a 304 answer: Body is empty
	Body         []byte        // at most Options.MaxBytes, decompressed
	ContentType  string        // the Content-Type header
	ETag         string        // validator to send next time (the request's when a 304 omits it)
	LastModified string        // validator to send next time (the request's when a 304 omits it)
	MaxAge       time.Duration // freshness from Cache-Control max-age or Expires; 0 when none, no-store or no-cache
}

// Fetcher is a polite, SSRF-safe HTTP client. It is safe for concurrent
// use; Close releases its idle connections.
type Fetcher struct {
	userAgent    string
	timeout      time.Duration
	maxBytes     int64
	maxRedirects int
	allowPrivate bool
	hostRate     rate.Limit
	hostBurst    int
	clock        Clock
	log          *slog.Logger
	policy       func(netip.AddrPort) error

	transport *http.Transport
	client    *http.Client

	mu       sync.Mutex
	limiters map[string]*rate.Limiter // by host key
	backoff  map[string]backoff       // by host key
}

// backoff is a host's request to be left alone.
type backoff struct {
	until time.Time
	code  int
}

// New returns a Fetcher configured by opts, with defaults for zero fields.
func New(opts Options) *Fetcher {
	f := &Fetcher{
		userAgent:    opts.UserAgent,
		timeout:      opts.Timeout,
		maxBytes:     opts.MaxBytes,
		maxRedirects: opts.MaxRedirects,
		allowPrivate: opts.AllowPrivateNetworks,
		hostRate:     opts.HostRate,
		hostBurst:    opts.HostBurst,
		clock:        opts.Clock,
		log:          opts.Logger,
		policy:       opts.AddressPolicy,
		limiters:     make(map[string]*rate.Limiter),
		backoff:      make(map[string]backoff),
	}
	if f.userAgent == "" {
		f.userAgent = DefaultUserAgent
	}
	if f.timeout <= 0 {
		f.timeout = DefaultTimeout
	}
	if f.maxBytes <= 0 {
		f.maxBytes = DefaultMaxBytes
	}
	if f.maxBytes == math.MaxInt64 {
		f.maxBytes-- // room for the one extra byte that detects overflow
	}
	switch {
	case f.maxRedirects == 0:
		f.maxRedirects = DefaultMaxRedirects
	case f.maxRedirects < 0:
		f.maxRedirects = 0
	}
	if f.hostRate <= 0 {
		f.hostRate = DefaultHostRate
	}
	if f.hostBurst <= 0 {
		f.hostBurst = DefaultHostBurst
	}
	if f.clock == nil {
		f.clock = wallClock{}
	}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}

	dialer := &net.Dialer{Timeout: f.timeout, KeepAlive: 30 * time.Second}
	if !f.allowPrivate {
		dialer.Control = f.control
	}
	f.transport = &http.Transport{
		Proxy:                  nil, // never from the environment: a proxy would bypass the guard
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	f.client = &http.Client{Transport: f.transport, CheckRedirect: f.checkRedirect}
	return f
}

// Close closes idle connections. The Fetcher stays usable.
func (f *Fetcher) Close() { f.transport.CloseIdleConnections() }

// hopKey is the context key of the *hop a Get is currently requesting.
type hopKey struct{}

// hop records the URL being requested, updated on each redirect, so that
// dial-time refusals can name it.
type hop struct{ url *url.URL }

// Get fetches req.URL. A 2xx answer returns its body; a 304 returns
// NotModified with no body and no error; any other status is a
// *StatusError. Refusals, size limits, redirects, backoff and timeouts
// fail with the errors documented in the package.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := f.parseURL(req.URL)
	if err != nil {
		return nil, err
	}
	shown := redact(u)
	host := hostKey(u)
	if err := f.checkBackoff(host, u.Host, shown); err != nil {
		return nil, err
	}
	if err := f.limiter(host).Wait(ctx); err != nil {
		return nil, fmt.Errorf("fetching %s: waiting for the per-host rate limit: %w", shown, err)
	}

	h := &hop{url: u}
	tctx, cancel := context.WithTimeout(context.WithValue(ctx, hopKey{}, h), f.timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(tctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, errorf(ErrInvalidURL, "refusing %s: %v", shown, err)
	}
	hreq.Header.Set("User-Agent", f.userAgent)
	if req.Accept != "" {
		hreq.Header.Set("Accept", req.Accept)
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}

	resp, err := f.client.Do(hreq)
	if err != nil {
		return nil, f.describe(ctx, tctx, h, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	finalShown := redact(final)
	now := f.clock.Now()
	out := &Response{
		URL:          final.String(),
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		MaxAge: parseMaxAge(strings.Join(resp.Header.Values("Cache-Control"), ","),
			resp.Header.Get("Expires"), resp.Header.Get("Date"), now),
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		drain(resp.Body)
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		f.log.DebugContext(ctx, "not modified", "url", finalShown)
		return out, nil

	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		if resp.ContentLength > f.maxBytes {
			drain(resp.Body)
			return nil, errorf(ErrTooLarge, "fetching %s: %v (%s, limit %s)",
				finalShown, ErrTooLarge, formatBytes(resp.ContentLength), formatBytes(f.maxBytes))
		}
		body, err := f.readBody(resp)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, errorf(ErrTooLarge, "fetching %s: %v (over %s)", finalShown, ErrTooLarge, formatBytes(f.maxBytes))
			}
			return nil, f.describeRead(ctx, tctx, finalShown, err)
		}
		out.Body = body
		f.log.DebugContext(ctx, "fetched", "url", finalShown, "status", resp.StatusCode, "bytes", len(body))
		return out, nil

	default:
		drain(resp.Body)
		serr := &StatusError{URL: finalShown, Code: resp.StatusCode}
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			serr.RetryAfter = parseRetryAfter(ra, now)
		}
		if (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) &&
			serr.RetryAfter.After(now) {
			f.setBackoff(hostKey(final), serr.RetryAfter, resp.StatusCode)
			f.log.WarnContext(ctx, "host asked to back off", "host", final.Host, "status", resp.StatusCode, "until", serr.RetryAfter)
		}
		return nil, serr
	}
}

// readBody reads at most maxBytes of the body, or fails with ErrTooLarge.
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	var buf bytes.Buffer
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength))
	}
	n, err := buf.ReadFrom(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, err
	}
	if n > f.maxBytes {
		drain(resp.Body)
		return nil, ErrTooLarge
	}
	return buf.Bytes(), nil
}

// drain reads a little of what is left of a body so the connection can be
// reused; the caller closes it.
func drain(body io.Reader) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
}

// parseURL parses raw and refuses what must never be fetched: schemes other
// than http and https, credentials, missing hosts and guarded literal
// addresses.
func (f *Fetcher) parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, errorf(ErrInvalidURL, "invalid url: %v", err)
	}
	if err := f.checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

// checkURL refuses u unless it may be fetched; it serves both the first
// request and every redirect.
func (f *Fetcher) checkURL(u *url.URL) error {
	shown := redact(u)
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return errorf(ErrInvalidURL, "refusing %s: not an absolute http or https url", shown)
		}
		return errorf(ErrScheme, "refusing %s: only http and https urls are fetched, not %s:", shown, u.Scheme)
	}
	if u.User != nil {
		return errorf(ErrScheme, "refusing %s: urls with a user name or password are not fetched", shown)
	}
	if u.Hostname() == "" {
		return errorf(ErrInvalidURL, "refusing %s: the url has no host", shown)
	}
	port, ok := portOf(u.Scheme, u.Port())
	if !ok {
		return errorf(ErrInvalidURL, "refusing %s: bad port %q", shown, u.Port())
	}
	if err := f.precheckHost(u.Hostname(), port); err != nil {
		var be *BlockedError
		if errors.As(err, &be) {
			be.URL = shown
		}
		return err
	}
	return nil
}

// checkRedirect vets each redirect hop: count, loops, scheme, credentials,
// guarded literal addresses and host backoff; then it waits for the hop's
// host rate limit. The dial guard still checks the address finally used.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	first := redact(via[0].URL)
	if len(via) > f.maxRedirects {
		if f.maxRedirects == 0 {
			return errorf(ErrTooManyRedirects, "fetching %s: redirects are not followed", first)
		}
		return errorf(ErrTooManyRedirects, "fetching %s: stopped after %d redirects", first, f.maxRedirects)
	}
	if err := f.checkURL(req.URL); err != nil {
		return err
	}
	target := withoutFragment(req.URL)
	for _, v := range via {
		if withoutFragment(v.URL) == target {
			return errorf(ErrTooManyRedirects, "fetching %s: redirect loop: %s leads back to %s",
				first, redact(via[len(via)-1].URL), redact(req.URL))
		}
	}
	if h, ok := req.Context().Value(hopKey{}).(*hop); ok {
		h.url = req.URL
	}
	host := hostKey(req.URL)
	shown := redact(req.URL)
	if err := f.checkBackoff(host, req.URL.Host, shown); err != nil {
		return err
	}
	if err := f.limiter(host).Wait(req.Context()); err != nil {
		return fmt.Errorf("waiting for the per-host rate limit of %s: %w", req.URL.Host, err)
	}
	return nil
}

// describe turns an error from http.Client.Do into one for people: the
// client's "Get <url>:" prefix goes, refusals name the hop refused, and
// timeouts say how long was waited.
func (f *Fetcher) describe(parent, tctx context.Context, h *hop, err error) error {
	shown := redact(h.url)
	var be *BlockedError
	if errors.As(err, &be) {
		c := *be
		if c.URL == "" {
			c.URL = shown
		}
		return &c
	}
	for _, mine := range []error{ErrScheme, ErrInvalidURL, ErrTooManyRedirects, ErrHostBackoff} {
		if errors.Is(err, mine) {
			return unwrapURLError(err)
		}
	}
	return f.describeRead(parent, tctx, shown, err)
}

// describeRead classifies a transport or body-read error for shown.
func (f *Fetcher) describeRead(parent, tctx context.Context, shown string, err error) error {
	if perr := parent.Err(); perr != nil {
		return fmt.Errorf("fetching %s: %w", shown, perr)
	}
	var ne net.Error
	if errors.Is(tctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout()) {
		return timeoutError(shown, f.timeout)
	}
	return fmt.Errorf("fetching %s: %w", shown, unwrapURLError(err))
}

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// unredacted URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// checkBackoff refuses a request to host while it has asked to be left
// alone; expired entries are forgotten.
func (f *Fetcher) checkBackoff(host, shownHost, shown string) error {
	now := f.clock.Now()
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.backoff[host]
	if !ok {
		return nil
	}
	if !now.Before(b.until) {
		delete(f.backoff, host)
		return nil
	}
	return &BackoffError{URL: shown, Host: shownHost, Until: b.until, Code: b.code}
}

// setBackoff remembers that host asked to be left alone until until.
func (f *Fetcher) setBackoff(host string, until time.Time, code int) {
	now := f.clock.Now()
	f.mu.Lock()
	defer f.mu.Unlock()
	for h, b := range f.backoff {
		if !now.Before(b.until) {
			delete(f.backoff, h)
		}
	}
	if b, ok := f.backoff[host]; ok && b.until.After(until) {
		return
	}
	f.backoff[host] = backoff{until: until, code: code}
}

// limiter returns host's rate limiter, creating it on first use.
func (f *Fetcher) limiter(host string) *rate.Limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	if l, ok := f.limiters[host]; ok {
		return l
	}
	if len(f.limiters) >= maxTrackedHosts {
		now := time.Now() // rate.Limiter runs on wall time
		for h, l := range f.limiters {
			if l.TokensAt(now) >= float64(f.hostBurst) {
				delete(f.limiters, h)
			}
		}
	}
	l := rate.NewLimiter(f.hostRate, f.hostBurst)
	f.limiters[host] = l
	return l
}

// hostKey identifies a host for rate limits and backoff: lower-case name
// and port, with the scheme's default port made explicit.
func hostKey(u *url.URL) string {
	port, _ := portOf(u.Scheme, u.Port())
	return net.JoinHostPort(strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), strconv.Itoa(int(port)))
}

// withoutFragment renders u without its fragment, for loop detection.
func withoutFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}
