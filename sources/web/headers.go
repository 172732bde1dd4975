package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Bounds on what a server may ask for.
const (
	maxRetryAfter = 24 * time.Hour       // longest backoff honoured
	maxMaxAge     = 365 * 24 * time.Hour // longest freshness reported
)

// parseRetryAfter reads a Retry-After value, delta-seconds or HTTP-date,
// relative to now. It returns the zero time when v is empty, malformed or a
// date already past, and caps the wait at maxRetryAfter.
func parseRetryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if secs, ok := parseSeconds(v, maxRetryAfter); ok {
		return now.Add(secs)
	}
	t, err := http.ParseTime(v)
	if err != nil || !t.After(now) {
		return time.Time{}
	}
	if t.Sub(now) > maxRetryAfter {
		return now.Add(maxRetryAfter)
	}
	return t
}

// parseMaxAge reads how long a response stays fresh: Cache-Control max-age
// (no-store and no-cache mean 0), else Expires relative to Date, or to now
// when Date is missing. It returns 0 when there is nothing usable.
func parseMaxAge(cacheControl, expires, date string, now time.Time) time.Duration {
	var (
		maxAge time.Duration
		found  bool
	)
	for _, directive := range strings.Split(cacheControl, ",") {
		name, value, _ := strings.Cut(directive, "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "no-store", "no-cache":
			return 0
		case "max-age":
			value = strings.Trim(strings.TrimSpace(value), `"`)
			if d, ok := parseSeconds(value, maxMaxAge); ok && !found {
				maxAge, found = d, true
			}
		}
	}
	if found {
		return maxAge
	}
	expires = strings.TrimSpace(expires)
	if expires == "" {
		return 0
	}
	exp, err := http.ParseTime(expires)
	if err != nil {
		return 0 // "0" and other invalid dates mean already expired
	}
	base := now
	if d, err := http.ParseTime(strings.TrimSpace(date)); err == nil {
		base = d
	}
	if !exp.After(base) {
		return 0
	}
	return min(exp.Sub(base), maxMaxAge)
}

// parseSeconds reads a non-negative decimal count of seconds, capped at
// limit; ok is false unless s is all digits.
func parseSeconds(s string, limit time.Duration) (time.Duration, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > int64(limit/time.Second) {
		return limit, true // only overflow fails once all bytes are digits
	}
	return time.Duration(n) * time.Second, true
}

// sensitiveParam reports whether a query parameter's value is redacted
// from error messages and logs (tokens, keys, signatures such as Discord's
// hm).
func sensitiveParam(name string) bool {
	switch strings.ToLower(name) {
	case "token", "access_token", "refresh_token", "id_token",
		"api_key", "apikey", "key", "secret", "client_secret",
		"password", "passwd", "pwd", "auth", "code",
		"sig", "signature", "hm", "session", "sessionid",
		"x-amz-signature", "x-amz-credential", "x-amz-security-token":
		return true
	}
	return false
}

// redact renders u for people: without user info, and with the values of
// sensitive query parameters replaced.
func redact(u *url.URL) string {
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, p := range parts {
			name, _, hasValue := strings.Cut(p, "=")
			key, err := url.QueryUnescape(name)
			if err != nil {
				key = name
			}
			if hasValue && sensitiveParam(key) {
				parts[i] = name + "=redacted"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}
