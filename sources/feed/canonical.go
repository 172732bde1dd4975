package feed

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// trackingParams are query parameters, lower-cased, that only record how a
// reader arrived; CanonicalURL drops them. Parameters starting with "utm_"
// are dropped too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true,
	"_ga": true, "_gl": true, "ref": true, "ref_src": true, "cmpid": true,
	"ocid": true, "smid": true, "at_medium": true, "at_campaign": true, "spm": true,
	"twclid": true, "ttclid": true, "li_fat_id": true, "_hsenc": true,
	"_hsmi": true, "mkt_tok": true, "ncid": true,
}

// CanonicalURL returns raw in the form used to recognise the same article
// under different links: only http and https; scheme and host lower-cased;
// default port, user info and fragment dropped; tracking parameters
// (utm_*, fbclid, gclid, ref and the like) removed and the others sorted by
// key; "." and ".." path segments resolved; an empty path becomes "/".
// Applying it to its own result changes nothing.
func CanonicalURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("empty url")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("bad url %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("url %q is not http or https", raw)
	}
	if u.Opaque != "" || u.Host == "" {
		return "", fmt.Errorf("url %q has no host", raw)
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.Host = canonicalHost(u.Scheme, u.Host)
	if u.Host == "" {
		return "", fmt.Errorf("url %q has no host", raw)
	}

	p := removeDotSegments(u.EscapedPath())
	if p == "" {
		p = "/"
	}
	unescaped, err := url.PathUnescape(p)
	if err != nil {
		return "", fmt.Errorf("bad path in url %q: %w", raw, err)
	}
	u.Path, u.RawPath = unescaped, p
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false

	out := u.String()
	// Check that the result reads back as itself, so that canonical forms
	// can be compared as strings.
	if v, err := url.Parse(out); err != nil || v.String() != out {
		return "", fmt.Errorf("url %q has no stable canonical form", raw)
	}
	return out, nil
}

// canonicalHost lower-cases a host and drops the scheme's default port and
// an empty port.
func canonicalHost(scheme, host string) string {
	host = strings.ToLower(host)
	def := ":80"
	if scheme == "https" {
		def = ":443"
	}
	host = strings.TrimSuffix(host, def)
	return strings.TrimSuffix(host, ":")
}

// removeDotSegments resolves "." and ".." segments of an absolute path as
// RFC 3986 section 5.2.4 does; ".." never climbs above the root, and a path
// ending in a dot segment keeps its trailing slash.
func removeDotSegments(p string) string {
	if p == "" {
		return ""
	}
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	res := strings.Join(out, "/")
	if !strings.HasPrefix(res, "/") {
		res = "/" + res
	}
	return res
}

// queryParam is one key=value pair of a query string.
type queryParam struct {
	key  string // as written in the canonical query
	text string // the whole pair as written
}

// canonicalQuery drops tracking parameters and empty pairs from a raw
// query and sorts the rest by key, keeping the order of repeated keys.
// Pairs are re-encoded uniformly; a pair with a broken escape is kept as
// written.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var params []queryParam
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, hasValue := strings.Cut(pair, "=")
		dk, errK := url.QueryUnescape(k)
		if errK == nil && isTracking(dk) {
			continue
		}
		dv, errV := url.QueryUnescape(v)
		if errK != nil || errV != nil {
			params = append(params, queryParam{key: k, text: pair})
			continue
		}
		ek := url.QueryEscape(dk)
		text := ek
		if hasValue {
			text += "=" + url.QueryEscape(dv)
		}
		params = append(params, queryParam{key: ek, text: text})
	}
	slices.SortStableFunc(params, func(a, b queryParam) int { return strings.Compare(a.key, b.key) })
	texts := make([]string, len(params))
	for i, p := range params {
		texts[i] = p.text
	}
	return strings.Join(texts, "&")
}

// isTracking reports whether a decoded query key is a tracking parameter.
func isTracking(key string) bool {
	k := strings.ToLower(strings.TrimSpace(key))
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}
