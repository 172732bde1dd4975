package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// DefaultAPIURL is Discord itself.
const DefaultAPIURL = "https://discord.com"

// rewriteTransport sends every request to a Discord-compatible server at
// base (scheme, host and a path prefix), keeping the request's path.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// newAPIClient returns the HTTP client discordgo uses: requests go to
// apiURL instead of discord.com when apiURL is another server.
func newAPIClient(apiURL string) (*http.Client, error) {
	u, err := url.Parse(apiURL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("discord.api_url %q: want an http(s) URL", apiURL)
	}
	c := &http.Client{Timeout: requestTimeout}
	if u.String() != DefaultAPIURL {
		c.Transport = rewriteTransport{base: u, next: http.DefaultTransport}
	}
	return c, nil
}

// RoundTrip implements http.RoundTripper.
func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host = t.base.Scheme, t.base.Host
	if p := strings.TrimSuffix(t.base.Path, "/"); p != "" {
		r.URL.Path = p + r.URL.Path
		r.URL.RawPath = ""
	}
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}
