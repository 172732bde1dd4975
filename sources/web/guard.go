package web

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
)

// Address categories the default guard refuses.
const (
	catLoopback    = "loopback"
	catPrivate     = "private"
	catLinkLocal   = "link-local"
	catMetadata    = "cloud metadata"
	catUnspecified = "unspecified"
	catMulticast   = "multicast"
	catShared      = "shared (CGNAT)"
	catBroadcast   = "broadcast"
	catReserved    = "reserved"
)

// metadataAddrs are cloud instance-metadata endpoints (AWS, ECS, AWS IPv6,
// Alibaba). Most also fall in a blocked range; they get their own name.
var metadataAddrs = [...]netip.Addr{
	netip.MustParseAddr("169.254.169.254"),
	netip.MustParseAddr("169.254.170.2"),
	netip.MustParseAddr("fd00:ec2::254"),
	netip.MustParseAddr("100.100.100.200"),
}

// guardedRange is a block of addresses the default guard refuses.
type guardedRange struct {
	prefix   netip.Prefix
	category string
}

// guardedRanges is checked in order; the first match names the category.
var guardedRanges = [...]guardedRange{
	{netip.MustParsePrefix("0.0.0.0/8"), catUnspecified},
	{netip.MustParsePrefix("127.0.0.0/8"), catLoopback},
	{netip.MustParsePrefix("10.0.0.0/8"), catPrivate},
	{netip.MustParsePrefix("172.16.0.0/12"), catPrivate},
	{netip.MustParsePrefix("192.168.0.0/16"), catPrivate},
	{netip.MustParsePrefix("169.254.0.0/16"), catLinkLocal},
	{netip.MustParsePrefix("100.64.0.0/10"), catShared},
	{netip.MustParsePrefix("192.0.0.0/24"), catReserved},    // IETF protocol assignments
	{netip.MustParsePrefix("192.0.2.0/24"), catReserved},    // documentation
	{netip.MustParsePrefix("198.51.100.0/24"), catReserved}, // documentation
	{netip.MustParsePrefix("203.0.113.0/24"), catReserved},  // documentation
	{netip.MustParsePrefix("192.88.99.0/24"), catReserved},  // deprecated 6to4 relays
	{netip.MustParsePrefix("198.18.0.0/15"), catReserved},   // benchmarking
	{netip.MustParsePrefix("224.0.0.0/4"), catMulticast},
	{netip.MustParsePrefix("255.255.255.255/32"), catBroadcast},
	{netip.MustParsePrefix("240.0.0.0/4"), catReserved},
	{netip.MustParsePrefix("::/128"), catUnspecified},
	{netip.MustParsePrefix("::1/128"), catLoopback},
	{netip.MustParsePrefix("fc00::/7"), catPrivate},
	{netip.MustParsePrefix("fec0::/10"), catPrivate}, // deprecated site-local
	{netip.MustParsePrefix("64:ff9b:1::/48"), catPrivate},
	{netip.MustParsePrefix("fe80::/10"), catLinkLocal},
	{netip.MustParsePrefix("ff00::/8"), catMulticast},
	{netip.MustParsePrefix("100::/64"), catReserved},      // discard-only
	{netip.MustParsePrefix("2001::/23"), catReserved},     // IETF protocol assignments, Teredo
	{netip.MustParsePrefix("2001:db8::/32"), catReserved}, // documentation
	{netip.MustParsePrefix("3fff::/20"), catReserved},     // documentation
	{netip.MustParsePrefix("::/96"), catReserved},         // deprecated IPv4-compatible
	{netip.MustParsePrefix("::ffff:0:0/96"), catReserved}, // IPv4-translated
}

// Prefixes of IPv6 addresses that carry an IPv4 address.
var (
	compatPrefix   = netip.MustParsePrefix("::/96")         // IPv4-compatible, last 32 bits
	nat64Prefix    = netip.MustParsePrefix("64:ff9b::/96")  // NAT64, last 32 bits
	siitPrefix     = netip.MustParsePrefix("::ffff:0:0/96") // IPv4-translated, last 32 bits
	sixToFourRange = netip.MustParsePrefix("2002::/16")     // 6to4, bits 16–47
)

// classify names the guarded category of a, or returns "" for an address
// the default guard allows.
func classify(a netip.Addr) string {
	if !a.IsValid() {
		return catReserved
	}
	a = a.WithZone("").Unmap()
	for _, m := range metadataAddrs {
		if a == m {
			return catMetadata
		}
	}
	if a.Is6() && a != netip.IPv6Unspecified() && a != netip.IPv6Loopback() {
		if v4, ok := embeddedIPv4(a); ok {
			if c := classify(v4); c != "" {
				return c
			}
		}
	}
	for _, r := range guardedRanges {
		if r.prefix.Contains(a) {
			return r.category
		}
	}
	return ""
}

// embeddedIPv4 extracts the IPv4 address carried by an IPv4-compatible,
// IPv4-translated, NAT64 or 6to4 IPv6 address.
func embeddedIPv4(a netip.Addr) (netip.Addr, bool) {
	b := a.As16()
	switch {
	case compatPrefix.Contains(a), nat64Prefix.Contains(a), siitPrefix.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixToFourRange.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// DefaultAddressPolicy is the guard used when Options.AddressPolicy is
// nil: it refuses loopback, private, link-local, cloud-metadata,
// unspecified, multicast, shared (CGNAT), broadcast and reserved
// addresses, in IPv4, IPv6 and IPv4-in-IPv6 forms, with a *BlockedError.
func DefaultAddressPolicy(ap netip.AddrPort) error {
	if c := classify(ap.Addr()); c != "" {
		return &BlockedError{Host: ap.Addr().String(), Category: c}
	}
	return nil
}

// checkAddr applies the configured policy to ap; a refusal is always a
// *BlockedError.
func (f *Fetcher) checkAddr(ap netip.AddrPort) error {
	if f.allowPrivate {
		return nil
	}
	policy := f.policy
	if policy == nil {
		policy = DefaultAddressPolicy
	}
	err := policy(ap)
	if err == nil {
		return nil
	}
	var be *BlockedError
	if errors.As(err, &be) {
		c := *be
		return &c
	}
	return &BlockedError{Host: ap.Addr().String(), Err: err}
}

// control is the dialer's hook: it sees the resolved address about to be
// connected to, for every connection including redirects and re-resolved
// names, and refuses guarded ones before any packet is sent.
func (f *Fetcher) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &BlockedError{Host: address, Err: errors.New("not an ip address")}
	}
	return f.checkAddr(ap)
}

// precheckHost refuses, before any request, a host written as a literal
// IP address (or a localhost name under the default guard) that the guard
// would refuse at dial time; this gives a clean message without touching
// the network.
func (f *Fetcher) precheckHost(host string, port uint16) error {
	if f.allowPrivate {
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return f.checkAddr(netip.AddrPortFrom(a, port))
	}
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	if f.policy == nil && (name == "localhost" || strings.HasSuffix(name, ".localhost")) {
		return &BlockedError{Host: host, Category: catLoopback}
	}
	return nil
}

// portOf returns the port a URL with scheme and port string connects to.
func portOf(scheme, port string) (uint16, bool) {
	if port == "" {
		if scheme == "https" {
			return 443, true
		}
		return 80, true
	}
	n, err := strconv.ParseUint(port, 10, 16)
	if err != nil || n == 0 {
		return 0, false
	}
	return uint16(n), true
}
