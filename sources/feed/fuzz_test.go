package feed

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", " ", "<", "<rss", "<feed>", "{", "{}", `{"items":[{}]}`,
		`<rss version="2.0"><channel><item><link>/a</link></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>x</content></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><title>t</title><link>x</link></item></rdf:RDF>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		fd, err := Parse(data, "https://fuzz.example/feed/rss.xml")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, it := range fd.Items {
			if it.GUID == "" {
				t.Errorf("item without GUID: %+v", it)
			}
			if it.Link == "" && strings.TrimSpace(it.Content) == "" {
				t.Errorf("item with neither link nor content: %+v", it)
			}
			if it.Link != "" {
				u, err := url.Parse(it.Link)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					t.Errorf("link %q is not an absolute web address", it.Link)
				}
			}
			if it.FullText && strings.TrimSpace(it.Content) == "" {
				t.Errorf("empty content marked full text: %+v", it)
			}
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://example.com/a/./b/../c?utm_source=x&b=2&a=1#frag",
		"HTTP://User:Pw@EXAMPLE.com:80",
		"https://[::1]:443/x?q=a%20b&q=c",
		"http://example.com/%2e%2e/a?x=%zz",
		"https://example.com/a;b?c=d;e",
		"http://a/..//../b/.",
		"https://example.com?&=&=x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := CanonicalURL(raw)
		if err != nil {
			return
		}
		again, err := CanonicalURL(c)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, whose canonical form fails: %v", raw, c, err)
		}
		if again != c {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, c, again)
		}
		u, err := url.Parse(c)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" || u.User != nil {
			t.Fatalf("CanonicalURL(%q) = %q: not a clean web address", raw, c)
		}
	})
}
