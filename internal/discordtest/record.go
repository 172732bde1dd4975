package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// maxBody is the largest request body the server reads, Discord's upload
// limit for bots. A larger one is answered 413 without being served; the
// request is recorded with its first maxBody bytes.
const maxBody = 25 << 20

// fallbackPattern is the pattern of the handler that answers requests no
// route matched.
const fallbackPattern = "/"

// Request is an HTTP request the server received, with the answer it gave.
type Request struct {
	Method string
	Path   string     // the URL path, e.g. /api/v9/channels/123/messages
	Query  url.Values // the parsed query string
	// Header holds the request's headers except Authorization.
	Header http.Header
	Body   []byte
	Time   time.Time // when the server received it
	// Route is the pattern that served the request, such as
	// "POST /api/v9/channels/{channel}/messages"; it is empty for requests
	// no route matched, which were answered 404.
	Route string
	// Status is the status code of the answer.
	Status int
}

// String gives the method and path, and the status answered.
func (r Request) String() string {
	target := r.Path
	if len(r.Query) > 0 {
		target += "?" + r.Query.Encode()
	}
	return fmt.Sprintf("%s %s -> %d", r.Method, target, r.Status)
}

// DecodeJSON decodes the request's body into v.
func (r Request) DecodeJSON(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("discordtest: decoding body of %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

func (r Request) clone() Request {
	r.Query = cloneValues(r.Query)
	r.Header = r.Header.Clone()
	r.Body = bytes.Clone(r.Body)
	return r
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	c := make(url.Values, len(v))
	for k, vs := range v {
		c[k] = slices.Clone(vs)
	}
	return c
}

// Requests returns every HTTP request received so far, oldest first. The
// gateway's websocket upgrades are not included.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = r.clone()
	}
	return out
}

// Unhandled returns the requests no route matched, oldest first. They were
// answered 404 {"message": "404: Not Found", "code": 0}.
func (s *Server) Unhandled() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unhandledLocked()
}

func (s *Server) unhandledLocked() []Request {
	var out []Request
	for _, r := range s.requests {
		if r.Route == "" {
			out = append(out, r.clone())
		}
	}
	return out
}

// WaitRequest returns the first request, in the order received, for which
// match reports true, waiting for it if none has come yet. Requests
// received before the call count.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	seen := 0 // requests already checked; the list only grows
	err := s.WaitUntil(ctx, func() bool {
		s.mu.Lock()
		fresh := make([]Request, 0, len(s.requests)-seen)
		for _, r := range s.requests[seen:] {
			fresh = append(fresh, r.clone())
		}
		seen = len(s.requests)
		s.mu.Unlock()
		for _, r := range fresh { // match may call the server: no lock held
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	if err != nil {
		return Request{}, fmt.Errorf("discordtest: waiting for a request: %w", err)
	}
	return found, nil
}

// recordRequests records every request with the answer it got, and the
// route of routes that matches it. The answer is held back until the
// request is recorded, so that a client that has its answer finds the
// request in Requests.
func (s *Server) recordRequests(routes *http.ServeMux, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received := time.Now()
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil {
			http.Error(w, "discordtest: reading body: "+err.Error(), http.StatusBadRequest)
			return
		}
		tooLarge := len(body) > maxBody
		if tooLarge {
			body = body[:maxBody]
		}
		r.Body = io.NopCloser(bytes.NewReader(body))

		_, route := routes.Handler(r)
		if route == fallbackPattern {
			route = ""
		}
		buf := newBufferedResponse()
		if tooLarge {
			writeError(buf, errEntityTooLarge())
		} else {
			next.ServeHTTP(buf, r)
		}

		header := r.Header.Clone()
		header.Del("Authorization")
		rec := Request{
			Method: r.Method,
			Path:   r.URL.Path,
			Query:  r.URL.Query(),
			Header: header,
			Body:   body,
			Time:   received,
			Route:  route,
			Status: buf.status,
		}
		s.mu.Lock()
		s.requests = append(s.requests, rec)
		s.notifyLocked()
		s.mu.Unlock()

		buf.copyTo(w)
	})
}

// bufferedResponse is an http.ResponseWriter that keeps the answer in
// memory until copyTo sends it.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: make(http.Header)}
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *bufferedResponse) copyTo(w http.ResponseWriter) {
	b.WriteHeader(http.StatusOK)
	for k, vs := range b.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(b.status)
	_, _ = w.Write(b.body.Bytes())
}
