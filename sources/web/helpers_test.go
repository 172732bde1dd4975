package web

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"sync/atomic"
	"testing"

	"golang.org/x/time/rate"
)

// newServer starts an httptest server that counts the requests reaching h.
func newServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// serverPort returns the port srv listens on.
func serverPort(t *testing.T, srv *httptest.Server) uint16 {
	t.Helper()
	ap, err := netip.ParseAddrPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatalf("server address: %v", err)
	}
	return ap.Port()
}

// portString is serverPort as text.
func portString(t *testing.T, srv *httptest.Server) string {
	return strconv.Itoa(int(serverPort(t, srv)))
}

// newFetcher returns a Fetcher with no rate limit unless opts sets one,
// logging to the test's output, closed when the test ends.
func newFetcher(t *testing.T, opts Options) *Fetcher {
	t.Helper()
	if opts.HostRate == 0 {
		opts.HostRate = rate.Inf
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	f := New(opts)
	t.Cleanup(f.Close)
	return f
}

// allowPort is an AddressPolicy treating one port as public and applying
// the default guard to everything else.
func allowPort(port uint16) func(netip.AddrPort) error {
	return func(ap netip.AddrPort) error {
		if ap.Port() == port {
			return nil
		}
		return DefaultAddressPolicy(ap)
	}
}

// okHandler answers "hello" as text.
func okHandler(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("hello"))
}
