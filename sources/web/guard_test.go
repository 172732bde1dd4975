package web

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1", catLoopback},
		{"127.255.0.9", catLoopback},
		{"::1", catLoopback},
		{"10.0.0.1", catPrivate},
		{"172.16.5.4", catPrivate},
		{"172.31.255.255", catPrivate},
		{"192.168.1.1", catPrivate},
		{"fc00::1", catPrivate},
		{"fd12:3456::1", catPrivate},
		{"169.254.1.1", catLinkLocal},
		{"fe80::1", catLinkLocal},
		{"fe80::1%eth0", catLinkLocal},
		{"169.254.169.254", catMetadata},
		{"fd00:ec2::254", catMetadata},
		{"100.100.100.200", catMetadata},
		{"0.0.0.0", catUnspecified},
		{"0.1.2.3", catUnspecified},
		{"::", catUnspecified},
		{"224.0.0.1", catMulticast},
		{"239.255.255.250", catMulticast},
		{"ff02::1", catMulticast},
		{"100.64.0.1", catShared},
		{"100.127.255.254", catShared},
		{"192.0.0.8", catReserved},
		{"198.18.0.1", catReserved},
		{"198.19.255.255", catReserved},
		{"240.0.0.1", catReserved},
		{"255.255.255.255", catBroadcast},
		{"192.0.2.10", catReserved},
		{"2001:db8::1", catReserved},
		// IPv4 inside IPv6.
		{"::ffff:127.0.0.1", catLoopback},
		{"::ffff:10.1.2.3", catPrivate},
		{"::ffff:169.254.169.254", catMetadata},
		{"::127.0.0.1", catLoopback},
		{"::10.0.0.1", catPrivate},
		{"::8.8.8.8", catReserved},
		{"64:ff9b::7f00:1", catLoopback},
		{"64:ff9b::a9fe:a9fe", catMetadata},
		{"2002:7f00:1::1", catLoopback},
		{"2002:c0a8:101::1", catPrivate},
		// Public.
		{"8.8.8.8", ""},
		{"1.1.1.1", ""},
		{"93.184.216.34", ""},
		{"172.32.0.1", ""},
		{"100.128.0.1", ""},
		{"2606:4700:4700::1111", ""},
		{"2a00:1450:4001:80e::200e", ""},
		{"::ffff:8.8.8.8", ""},
		{"64:ff9b::808:808", ""},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := classify(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("classify(%s) = %q, want %q", tt.addr, got, tt.want)
			}
		})
	}
}

func TestDefaultGuardRefuses(t *testing.T) {
	srv, hits := newServer(t, okHandler)
	port := portString(t, srv)
	tests := []struct {
		name     string
		url      string
		policy   func(netip.AddrPort) error
		category string
		mention  string
	}{
		{name: "httptest server", url: srv.URL + "/x", category: catLoopback, mention: "127.0.0.1"},
		{name: "localhost", url: "http://localhost:" + port + "/", category: catLoopback, mention: "localhost"},
		{name: "localhost resolved and refused at dial time", url: "http://localhost:" + port + "/",
			policy: DefaultAddressPolicy, category: catLoopback, mention: "http://localhost:" + port + "/"},
		{name: "ipv6 loopback", url: "http://[::1]:" + port + "/", category: catLoopback, mention: "::1"},
		{name: "ipv4-mapped loopback", url: "http://[::ffff:127.0.0.1]:" + port + "/", category: catLoopback, mention: "::ffff:127.0.0.1"},
		{name: "cloud metadata", url: "http://169.254.169.254/latest/meta-data/", category: catMetadata, mention: "169.254.169.254"},
		{name: "private", url: "http://10.0.0.1/", category: catPrivate, mention: "10.0.0.1"},
		{name: "unspecified", url: "http://0.0.0.0:" + port + "/", category: catUnspecified, mention: "0.0.0.0"},
		{name: "cgnat", url: "http://100.64.1.1/", category: catShared, mention: "shared (CGNAT)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFetcher(t, Options{AddressPolicy: tt.policy})
			resp, err := f.Get(context.Background(), Request{URL: tt.url})
			if err == nil {
				t.Fatalf("Get(%s) = %d, want a refusal", tt.url, resp.StatusCode)
			}
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("Get(%s) error %v is not ErrBlockedAddress", tt.url, err)
			}
			var be *BlockedError
			if !errors.As(err, &be) || be.Category != tt.category {
				t.Errorf("Get(%s) error %#v, want category %q", tt.url, be, tt.category)
			}
			msg := err.Error()
			for _, want := range []string{"sources.allow_private_networks: true", tt.mention, tt.category, "refusing http://"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not mention %q", msg, want)
				}
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server saw %d requests, want 0", n)
	}
}

func TestBlockedMessage(t *testing.T) {
	srv, _ := newServer(t, okHandler)
	f := newFetcher(t, Options{})
	_, err := f.Get(context.Background(), Request{URL: srv.URL + "/x"})
	want := "refusing " + srv.URL + "/x: 127.0.0.1 is a loopback address (set sources.allow_private_networks: true to allow)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestCustomPolicyReason(t *testing.T) {
	f := newFetcher(t, Options{AddressPolicy: func(netip.AddrPort) error { return errors.New("not on the list") }})
	_, err := f.Get(context.Background(), Request{URL: "http://192.0.2.1:8080/"})
	if !errors.Is(err, ErrBlockedAddress) || !strings.Contains(err.Error(), "192.0.2.1 is not allowed: not on the list") {
		t.Errorf("error = %v", err)
	}
}

func TestAllowPrivateNetworks(t *testing.T) {
	srv, hits := newServer(t, okHandler)
	f := newFetcher(t, Options{AllowPrivateNetworks: true})
	resp, err := f.Get(context.Background(), Request{URL: srv.URL + "/page"})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if resp.StatusCode != 200 || string(resp.Body) != "hello" || resp.URL != srv.URL+"/page" ||
		resp.ContentType != "text/plain; charset=utf-8" || resp.NotModified {
		t.Errorf("response = %+v", resp)
	}
	if hits.Load() != 1 {
		t.Errorf("server saw %d requests, want 1", hits.Load())
	}
}

func TestNoProxyFromEnvironment(t *testing.T) {
	f := newFetcher(t, Options{})
	if f.transport.Proxy != nil {
		t.Error("transport takes a proxy, which would bypass the address guard")
	}
}
