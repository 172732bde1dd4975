package feed

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "https://example.com/a/b", want: "https://example.com/a/b"},
		{in: "HTTPS://Example.COM/Path/Case", want: "https://example.com/Path/Case"},
		{in: "http://example.com", want: "http://example.com/"},
		{in: "http://example.com?b=2&a=1", want: "http://example.com/?a=1&b=2"},
		{in: "http://example.com:80/a", want: "http://example.com/a"},
		{in: "https://example.com:443/a", want: "https://example.com/a"},
		{in: "https://example.com:8443/a", want: "https://example.com:8443/a"},
		{in: "http://example.com:443/a", want: "http://example.com:443/a"},
		{in: "https://user:secret@example.com/a", want: "https://example.com/a"},
		{in: "https://example.com/a#section-2", want: "https://example.com/a"},
		{in: "https://example.com/a/./b/../c", want: "https://example.com/a/c"},
		{in: "https://example.com/a/b/..", want: "https://example.com/a/"},
		{in: "https://example.com/../../x", want: "https://example.com/x"},
		{in: "https://example.com/a//b/", want: "https://example.com/a//b/"},
		{in: "https://example.com/news?utm_source=rss&utm_medium=feed&UTM_Campaign=x", want: "https://example.com/news"},
		{in: "https://example.com/n?id=7&fbclid=abc&gclid=d&dclid=e&gbraid=f&wbraid=g&msclkid=h", want: "https://example.com/n?id=7"},
		{in: "https://example.com/n?mc_cid=1&mc_eid=2&igshid=3&yclid=4&_ga=5&_gl=6&page=2", want: "https://example.com/n?page=2"},
		{in: "https://example.com/n?ref=hp&ref_src=twsrc&cmpid=x&ocid=y&smid=z&at_medium=a&at_campaign=b&spm=c", want: "https://example.com/n"},
		{in: "https://example.com/search?q=gaza+talks&lang=en", want: "https://example.com/search?lang=en&q=gaza+talks"},
		{in: "https://example.com/s?q=a%20b&z=%E2%80%9C", want: "https://example.com/s?q=a+b&z=%E2%80%9C"},
		{in: "https://example.com/s?tag=b&tag=a&id=1", want: "https://example.com/s?id=1&tag=b&tag=a"},
		{in: "https://example.com/s?&&a=1&", want: "https://example.com/s?a=1"},
		{in: "https://example.com/s?", want: "https://example.com/s"},
		{in: "https://example.com/s?flag", want: "https://example.com/s?flag"},
		{in: "https://example.com/s?bad=%zz&a=1", want: "https://example.com/s?a=1&bad=%zz"},
		{in: "https://example.com/caf%C3%A9/a%2Fb", want: "https://example.com/caf%C3%A9/a%2Fb"},
		{in: "  https://example.com/trim  ", want: "https://example.com/trim"},
		{in: "https://[2001:DB8::1]:443/x", want: "https://[2001:db8::1]/x"},
		{in: "ftp://example.com/file", wantErr: true},
		{in: "mailto:desk@example.com", wantErr: true},
		{in: "/relative/path", wantErr: true},
		{in: "https:///no-host", wantErr: true},
		{in: "", wantErr: true},
		{in: "http://exa mple.com/", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CanonicalURL(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("CanonicalURL(%q) = %q, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("CanonicalURL(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := CanonicalURL(got)
			if err != nil || again != got {
				t.Errorf("CanonicalURL(%q) = %q, %v; not idempotent", got, again, err)
			}
		})
	}
}
