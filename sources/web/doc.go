// Package web is the polite, SSRF-safe HTTP client briefbot uses to fetch
// RSS/Atom feeds, article pages and Discord attachments.
//
// URLs reach briefbot from untrusted Discord users, so every connection is
// checked at dial time, after DNS resolution, against an address guard that
// refuses loopback, private, link-local, cloud-metadata, shared (CGNAT),
// multicast and reserved addresses, including their IPv4-mapped IPv6 forms.
// Checking the address actually dialled covers DNS rebinding and every
// redirect hop. Operators lift the guard with Options.AllowPrivateNetworks
// (the sources.allow_private_networks setting).
//
// The API:
//
//	func New(opts Options) *Fetcher
//	func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error)
//	func (f *Fetcher) Close()
//	func DefaultAddressPolicy(ap netip.AddrPort) error
//	func UTF8(body []byte, contentType string) ([]byte, error)
//
// A Fetcher is polite: it sends an honest User-Agent (DefaultUserAgent),
// makes conditional requests with the validators the caller kept
// (Request.ETag, Request.LastModified; a 304 answer is
// Response.NotModified, not an error), limits requests per host with
// golang.org/x/time/rate, and once a host answers 429 or 503 with
// Retry-After it refuses further requests to that host until then
// (ErrHostBackoff) without sending them.
//
// Errors are safe to show to a Discord user or on a CLI error line: lower
// case, no trailing period, credentials and signed query parameters
// redacted. Test them with errors.Is against ErrBlockedAddress, ErrScheme,
// ErrInvalidURL, ErrTooLarge, ErrTooManyRedirects, ErrHostBackoff and
// ErrTimeout (timeouts also match context.DeadlineExceeded), or with
// errors.As against *StatusError, *BlockedError and *BackoffError.
package web
