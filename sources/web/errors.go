package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// allowSetting names the configuration setting that lifts the address guard.
const allowSetting = "sources.allow_private_networks"

// Sentinel errors; test for them with errors.Is.
var (
	// ErrBlockedAddress reports a URL that resolves to a guarded address
	// (loopback, private, link-local, cloud metadata, …).
	ErrBlockedAddress = errors.New("blocked address")
	// ErrScheme reports a URL that is not http or https, or that carries
	// user:password credentials.
	ErrScheme = errors.New("unsupported url")
	// ErrInvalidURL reports a URL that cannot be parsed or has no host.
	ErrInvalidURL = errors.New("invalid url")
	// ErrTooLarge reports a body larger than Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects reports a redirect chain longer than
	// Options.MaxRedirects, or a redirect loop.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrHostBackoff reports a request not sent because the host asked,
	// with Retry-After, to be left alone until a later time.
	ErrHostBackoff = errors.New("host asked to back off")
	// ErrTimeout reports a request that took longer than Options.Timeout;
	// such errors also match context.DeadlineExceeded.
	ErrTimeout = errors.New("timed out")
)

// kindError is an error whose message is written for people and whose
// kinds answer errors.Is.
type kindError struct {
	msg   string
	kinds []error
}

func (e *kindError) Error() string   { return e.msg }
func (e *kindError) Unwrap() []error { return e.kinds }

// errorf formats a message for people and tags it with kind.
func errorf(kind error, format string, args ...any) error {
	return &kindError{msg: fmt.Sprintf(format, args...), kinds: []error{kind}}
}

// timeoutError reports that fetching shown took longer than after.
func timeoutError(shown string, after time.Duration) error {
	return &kindError{
		msg:   fmt.Sprintf("fetching %s: timed out after %s", shown, after),
		kinds: []error{ErrTimeout, context.DeadlineExceeded},
	}
}

// BlockedError reports an address refused by the address guard. It
// matches ErrBlockedAddress.
type BlockedError struct {
	URL      string // the refused URL, redacted; empty when not known
	Host     string // the refused address or host name, as written
	Category string // loopback, private, link-local, cloud metadata, …; empty when a custom policy refused
	Err      error  // a custom AddressPolicy's reason, if any
}

// Error tells which address was refused, why, and how to allow it.
func (e *BlockedError) Error() string {
	var b strings.Builder
	if e.URL != "" {
		b.WriteString("refusing " + e.URL + ": ")
	}
	switch {
	case e.Category != "":
		fmt.Fprintf(&b, "%s is %s %s address", e.Host, article(e.Category), e.Category)
	case e.Err != nil:
		fmt.Fprintf(&b, "%s is not allowed: %v", e.Host, e.Err)
	default:
		fmt.Fprintf(&b, "%s is not allowed", e.Host)
	}
	b.WriteString(" (set " + allowSetting + ": true to allow)")
	return b.String()
}

// Is reports whether target is ErrBlockedAddress.
func (e *BlockedError) Is(target error) bool { return target == ErrBlockedAddress }

// Unwrap returns the custom policy's reason, if any.
func (e *BlockedError) Unwrap() error { return e.Err }

// article returns "an" before a vowel sound and "a" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// StatusError reports an answer other than 2xx or 304.
type StatusError struct {
	URL        string    // the URL that answered, redacted
	Code       int       // the HTTP status code
	RetryAfter time.Time // from Retry-After; zero when absent
}

// Error reads like "http://x/feed: 503 Service Unavailable (retry after
// 2026-11-22 10:00 UTC)".
func (e *StatusError) Error() string {
	s := e.URL + ": " + statusText(e.Code)
	if !e.RetryAfter.IsZero() {
		s += " (retry after " + formatTime(e.RetryAfter) + ")"
	}
	return s
}

// BackoffError reports a request not sent because its host asked to be
// left alone until Until. It matches ErrHostBackoff.
type BackoffError struct {
	URL   string    // the URL not fetched, redacted
	Host  string    // the host that asked
	Until time.Time // when requests may resume
	Code  int       // the status code that asked (429 or 503)
}

// Error names the host and the time requests may resume.
func (e *BackoffError) Error() string {
	return fmt.Sprintf("not fetching %s: %s asked to be left alone until %s (%s)",
		e.URL, e.Host, formatTime(e.Until), statusText(e.Code))
}

// Is reports whether target is ErrHostBackoff.
func (e *BackoffError) Is(target error) bool { return target == ErrHostBackoff }

// statusText renders a status code as "503 Service Unavailable".
func statusText(code int) string {
	s := strconv.Itoa(code)
	if t := http.StatusText(code); t != "" {
		s += " " + t
	}
	return s
}

// formatTime renders t in UTC to the minute, or to the second when it
// does not fall on a minute.
func formatTime(t time.Time) string {
	t = t.UTC()
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05 UTC")
	}
	return t.Format("2006-01-02 15:04 UTC")
}

// formatBytes renders n as a short human size such as "5 MiB".
func formatBytes(n int64) string {
	const (
		kib = 1 << 10
		mib = 1 << 20
	)
	switch {
	case n >= mib && n%mib == 0:
		return strconv.FormatInt(n/mib, 10) + " MiB"
	case n >= mib:
		return strconv.FormatFloat(float64(n)/mib, 'f', 1, 64) + " MiB"
	case n >= kib && n%kib == 0:
		return strconv.FormatInt(n/kib, 10) + " KiB"
	default:
		return strconv.FormatInt(n, 10) + " bytes"
	}
}
