package discordtest

import (
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// apiPrefix is where the REST API lives.
const apiPrefix = "/api/v9"

// failKind is how a failRule answers.
type failKind int

const (
	// failRateLimit answers 429 with Discord's rate limit headers (Fail429).
	failRateLimit failKind = iota
	// failStatus answers a plain error status (FailRequests).
	failStatus
)

// failRule makes matching requests fail a number of times without being
// served.
type failRule struct {
	kind       failKind
	method     string // empty for any method
	pathPrefix string // absolute: it starts with /api/
	remaining  int
	retryAfter time.Duration // for failRateLimit
	status     int           // for failStatus
}

func (r *failRule) matches(req *http.Request) bool {
	return r.remaining > 0 &&
		(r.method == "" || strings.EqualFold(r.method, req.Method)) &&
		strings.HasPrefix(req.URL.Path, r.pathPrefix)
}

// addFailRule adds rule after the existing ones, making its path prefix
// absolute: a prefix not starting with "/api/" is relative to /api/v9.
func (s *Server) addFailRule(rule *failRule) {
	if !strings.HasPrefix(rule.pathPrefix, "/api/") {
		rule.pathPrefix = apiPrefix + "/" + strings.TrimPrefix(rule.pathPrefix, "/")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, rule)
}

// Fail429 makes the next times requests with the given method (any method
// when empty) whose path starts with pathPrefix answer 429 Too Many
// Requests, asking the client to retry after retryAfter. A prefix not
// starting with "/api/" is taken relative to /api/v9, so "/webhooks/" and
// "/api/v9/webhooks/" are the same. Rules, these and FailRequests' alike,
// apply in the order they were added, each request consuming one answer of
// the first rule it matches.
//
// The answer is a per-route (not global) limit in Discord's shape, which
// discordgo honours by sleeping and retrying the request: headers
// X-RateLimit-Limit, X-RateLimit-Remaining: 0, X-RateLimit-Reset,
// X-RateLimit-Reset-After, X-RateLimit-Bucket, X-RateLimit-Scope: user and
// Retry-After (whole seconds, rounded up), and the body
// {"message": "You are being rate limited.", "retry_after": 0.05, "global": false}.
// X-RateLimit-Global is not sent: Discord sends it only on global limits,
// and discordgo takes its mere presence to mean one.
func (s *Server) Fail429(method, pathPrefix string, times int, retryAfter time.Duration) {
	s.addFailRule(&failRule{
		kind:       failRateLimit,
		method:     method,
		pathPrefix: pathPrefix,
		remaining:  times,
		retryAfter: retryAfter,
	})
}

// FailRequests makes the next times requests with the given method (any
// method when empty) whose path starts with pathPrefix answer with status,
// an HTTP error status (400 to 599), without being served: nothing is
// created, edited or deleted. The prefix and the order in which rules
// apply are as for Fail429. The body is Discord's generic error, such as
// {"message": "500: Internal Server Error", "code": 0}. For 429, use
// Fail429, which sends the rate limit headers clients need.
//
// What a discordgo (v0.29.0) client sees depends on the status:
//   - 502 Bad Gateway is retried immediately, up to
//     Session.MaxRestRetries times (3 by default): one call consumes up to
//     four answers, and with times at most 3 it succeeds, the failures
//     showing only in Requests. When all four are 502 the call fails with
//     a plain error ("Exceeded Max retries HTTP 502 ..."), not a
//     *discordgo.RESTError.
//   - Any other status, 500 and 503 included, is not retried: the call
//     fails with a *discordgo.RESTError whose Response.StatusCode is status
//     and whose Message.Code is 0.
//
// FailRequests panics when status is not an error status.
func (s *Server) FailRequests(method, pathPrefix string, times int, status int) {
	if status < 400 || status > 599 {
		panic(fmt.Sprintf("discordtest: FailRequests with status %d, want 400 to 599", status))
	}
	s.addFailRule(&failRule{
		kind:       failStatus,
		method:     method,
		pathPrefix: pathPrefix,
		remaining:  times,
		status:     status,
	})
}

// injectFailures answers requests a Fail429 or FailRequests rule matches,
// and passes the others to next.
func (s *Server) injectFailures(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		var rule *failRule
		for _, candidate := range s.failures {
			if candidate.matches(r) {
				rule = candidate
				rule.remaining--
				break
			}
		}
		s.mu.Unlock()
		switch {
		case rule == nil:
			next.ServeHTTP(w, r)
		case rule.kind == failRateLimit:
			writeRateLimited(w, rule)
		default:
			writeError(w, newAPIError(rule.status, codeGeneral,
				fmt.Sprintf("%d: %s", rule.status, http.StatusText(rule.status))))
		}
	})
}

func writeRateLimited(w http.ResponseWriter, rule *failRule) {
	seconds := rule.retryAfter.Seconds()
	reset := float64(time.Now().Add(rule.retryAfter).UnixMilli()) / 1000
	bucket := fnv.New64a()
	_, _ = bucket.Write([]byte(rule.method + " " + rule.pathPrefix))

	h := w.Header()
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(seconds, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", fmt.Sprintf("%016x", bucket.Sum64()))
	h.Set("X-RateLimit-Scope", "user")
	h.Set("Retry-After", strconv.FormatInt(int64(math.Ceil(seconds)), 10))
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": math.Round(seconds*1000) / 1000,
		"global":      false,
	})
}
