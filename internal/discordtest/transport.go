package discordtest

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// isDiscordHost reports whether the transport sends requests for host to
// the server.
func isDiscordHost(host string) bool {
	switch host {
	case "discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com":
		return true
	}
	return false
}

// rewriteTransport sends requests for Discord's hosts to a test server.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == t.base.Host {
		// The server's own address, as in attachment URLs.
		return t.next.RoundTrip(r)
	}
	if !isDiscordHost(r.URL.Hostname()) {
		return nil, fmt.Errorf("discordtest: refusing request to %s: only Discord's hosts are served", r.URL.Host)
	}
	out := r.Clone(r.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	out.Host = t.base.Host
	return t.next.RoundTrip(out)
}

// Transport returns a RoundTripper that sends requests for
// https://discord.com (and discordapp.com) to the server, keeping path
// and query, and refuses requests to any other host but the server's own
// (that of URL, where attachments are served), so that nothing reaches
// the network by accident.
func (s *Server) Transport() http.RoundTripper {
	base, _ := url.Parse(s.ts.URL) // httptest's URL always parses
	return &rewriteTransport{base: base, next: s.ts.Client().Transport}
}

// Client returns an HTTP client using Transport, to set as a discordgo
// session's Client.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: s.Transport(), Timeout: 10 * time.Second}
}
