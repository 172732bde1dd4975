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

// rateLimitRule makes matching requests answer 429 a number of times.
type rateLimitRule struct {
	method     string // empty for any method
	pathPrefix string
	remaining  int
	retryAfter time.Duration
}

func (r *rateLimitRule) matches(req *http.Request) bool {
	return r.remaining > 0 &&
		(r.method == "" || strings.EqualFold(r.method, req.Method)) &&
		strings.HasPrefix(req.URL.Path, r.pathPrefix)
}

// Fail429 makes the next times requests with the given method (any method
// when empty) whose path starts with pathPrefix answer 429 Too Many
// Requests, asking the client to retry after retryAfter. A prefix not
// starting with "/api/" is taken relative to /api/v9, so "/webhooks/" and
// "/api/v9/webhooks/" are the same. Rules apply in the order they were
// added, each request consuming one answer of the first rule it matches.
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
	if !strings.HasPrefix(pathPrefix, "/api/") {
		pathPrefix = apiPrefix + "/" + strings.TrimPrefix(pathPrefix, "/")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimits = append(s.rateLimits, &rateLimitRule{
		method:     method,
		pathPrefix: pathPrefix,
		remaining:  times,
		retryAfter: retryAfter,
	})
}

// injectRateLimits answers 429 to requests a Fail429 rule matches.
func (s *Server) injectRateLimits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		var rule *rateLimitRule
		for _, candidate := range s.rateLimits {
			if candidate.matches(r) {
				rule = candidate
				rule.remaining--
				break
			}
		}
		s.mu.Unlock()
		if rule == nil {
			next.ServeHTTP(w, r)
			return
		}
		writeRateLimited(w, rule)
	})
}

func writeRateLimited(w http.ResponseWriter, rule *rateLimitRule) {
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
