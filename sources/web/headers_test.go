package web

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

var testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"120", testNow.Add(120 * time.Second)},
		{" 0 ", testNow},
		{testNow.Add(time.Hour).Format(http.TimeFormat), testNow.Add(time.Hour)},
		{"Sunday, 22-Nov-26 11:00:00 GMT", testNow.Add(time.Hour)},
		{testNow.Add(-time.Hour).Format(http.TimeFormat), time.Time{}},
		{"99999999999999999999999", testNow.Add(maxRetryAfter)},
		{testNow.Add(72 * time.Hour).Format(http.TimeFormat), testNow.Add(maxRetryAfter)},
		{"-5", time.Time{}},
		{"1.5", time.Time{}},
		{"soon", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, testNow); !got.Equal(tt.want) {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseMaxAge(t *testing.T) {
	date := testNow.Format(http.TimeFormat)
	tests := []struct {
		cacheControl, expires, date string
		want                        time.Duration
	}{
		{"max-age=300", "", "", 5 * time.Minute},
		{"Max-Age = 300", "", "", 5 * time.Minute},
		{`max-age="90"`, "", "", 90 * time.Second},
		{"public,max-age=60", testNow.Add(time.Hour).Format(http.TimeFormat), date, time.Minute},
		{"no-store", "", "", 0},
		{"no-cache, max-age=60", "", "", 0},
		{"max-age=60, no-cache", "", "", 0},
		{"max-age=-1", "", "", 0},
		{"max-age=abc", "", "", 0},
		{"max-age=99999999999999999999", "", "", maxMaxAge},
		{"", testNow.Add(10 * time.Minute).Format(http.TimeFormat), date, 10 * time.Minute},
		{"", testNow.Add(10 * time.Minute).Format(http.TimeFormat), "", 10 * time.Minute},
		{"", testNow.Add(10 * time.Minute).Format(http.TimeFormat), testNow.Add(5 * time.Minute).Format(http.TimeFormat), 5 * time.Minute},
		{"", testNow.Add(-time.Minute).Format(http.TimeFormat), date, 0},
		{"", "0", date, 0},
		{"", "", "", 0},
	}
	for _, tt := range tests {
		got := parseMaxAge(tt.cacheControl, tt.expires, tt.date, testNow)
		if got != tt.want {
			t.Errorf("parseMaxAge(%q, %q, %q) = %v, want %v", tt.cacheControl, tt.expires, tt.date, got, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://cdn.discordapp.com/attachments/1/2/a.txt?ex=65f&is=65e&hm=abcdef&",
			"https://cdn.discordapp.com/attachments/1/2/a.txt?ex=65f&is=65e&hm=redacted&"},
		{"https://alice:pw@example.com/feed?Token=xyz&page=2", "https://example.com/feed?Token=redacted&page=2"},
		{"http://example.com/a?q=gaza#top", "http://example.com/a?q=gaza#top"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := redact(u); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "0", "", "Sun, 22 Nov 2026 11:00:00 GMT", "Sunday, 22-Nov-26 11:00:00 GMT",
		"Sun Nov 22 11:00:00 2026", "99999999999999999999", "-1", " 5 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := parseRetryAfter(s, testNow)
		if !got.IsZero() && (got.Before(testNow) || got.After(testNow.Add(maxRetryAfter))) {
			t.Errorf("parseRetryAfter(%q) = %v, outside [now, now+%v]", s, got, maxRetryAfter)
		}
	})
}

func FuzzParseMaxAge(f *testing.F) {
	date := testNow.Format(http.TimeFormat)
	f.Add("max-age=300", "", "")
	f.Add("no-store", "", "")
	f.Add("public, max-age=\"60\"", "", date)
	f.Add("", testNow.Add(time.Hour).Format(http.TimeFormat), date)
	f.Add("max-age=99999999999999999999", "0", "garbage")
	f.Add(",,=,max-age=,", "Sun, 06 Nov 1994 08:49:37 GMT", "")
	f.Fuzz(func(t *testing.T, cacheControl, expires, date string) {
		got := parseMaxAge(cacheControl, expires, date, testNow)
		if got < 0 || got > maxMaxAge {
			t.Errorf("parseMaxAge(%q, %q, %q) = %v, outside [0, %v]", cacheControl, expires, date, got, maxMaxAge)
		}
	})
}
