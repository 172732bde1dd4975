package normalize

import (
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = not a date
	}{
		{"2024-03-21", "2024-03-21"},
		{"2024/03/21", "2024-03-21"},
		{"2024/3/1", "2024-03-01"},
		{"2024-03-21T10:00:00Z", "2024-03-21"},
		{"2024-03-21T23:30:00-05:00", "2024-03-21"}, // the date as written
		{"2024-03-21T08:15:00.000+02:00", "2024-03-21"},
		{"2024-03-21 10:45:00 +0000", "2024-03-21"},
		{"March 21, 2024", "2024-03-21"},
		{"Mar 21, 2024", "2024-03-21"},
		{"Mar. 21, 2024", "2024-03-21"},
		{"march 21 2024", "2024-03-21"},
		{"March 21st, 2024", "2024-03-21"},
		{"21 March 2024", "2024-03-21"},
		{"21 Mar 2024", "2024-03-21"},
		{"1 Sept 2024", "2024-09-01"},
		{"Thursday, March 21, 2024", "2024-03-21"},
		{"Thu, 21 Mar 2024 10:00:00 GMT", "2024-03-21"},
		{"March 21, 2024 at 9 a.m.", "2024-03-21"},
		{"March 21, 2024, 3pm", "2024-03-21"},
		{"  2024-03-21  ", "2024-03-21"},
		{"2024-02-29", "2024-02-29"},
		{"2024-02-30", ""},
		{"2023-02-29", ""},
		{"2024-13-01", ""},
		{"2024-00-10", ""},
		{"February 30, 2024", ""},
		{"32 March 2024", ""},
		{"2024-03-21 In a pivotal move", ""},
		{"March 21, 2024 12 people died", ""},
		{"20240321", ""},
		{"21/03/2024", ""},
		{"March 2024", ""},
		{"yesterday", ""},
		{"", ""},
		{"2024-03-21T", ""},
		{"2024-03-211", ""},
		{"2024-03-21T09:00:00Z The talks", ""},
		{"2024-03-21 10", ""},
		{"2024-03-21T10:00:00+0530", "2024-03-21"},
		{"2024-03-21 10:00 UTC+2", "2024-03-21"},
		{"March 21, 2024 10:45 am EST", "2024-03-21"},
		{"March 21, 2024 10:45 local time", ""},
	}
	for _, tt := range tests {
		d, ok := parseDate(tt.in)
		if got := d.String(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Date: 2024-03-21", "2024-03-21"},
		{"date 2024-03-21", "2024-03-21"},
		{"DATE: 2024/03/21", "2024-03-21"},
		{"Published: March 21, 2024", "2024-03-21"},
		{"Published 21 March 2024", "2024-03-21"},
		{"Published on 21 March 2024", "2024-03-21"},
		{"Posted: Mar 21, 2024 10:45 GMT", "2024-03-21"},
		{"Published: 2024-03-21T10:00:00Z", "2024-03-21"},
		{"Date: 2024-02-30", ""},
		{"Published reports say the talks failed", ""},
		{"Dates: 2024-03-21", ""},
		{"Update: 2024-03-21", ""},
	}
	for _, tt := range tests {
		d, ok := dateLine(tt.in)
		if got := d.String(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("dateLine(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestPublishedInText(t *testing.T) {
	const body = "The talks resumed in Doha on Friday, officials said."
	tests := []struct {
		name, in, published, first string
	}{
		{"inline prefix", " date 2024-03-21 " + body, "2024-03-21", body},
		{"inline no leading space", "date 2024-03-21 " + body, "2024-03-21", body},
		{"inline upper case", "DATE 2024-03-21 " + body, "2024-03-21", body},
		{"inline timestamp", "date 2024-03-21T09:00:00Z " + body, "2024-03-21", body},
		{"inline impossible", "date 2024-02-30 " + body, "", "date 2024-02-30 " + body},
		{"inline not at start", body + " date 2024-03-21 more", "", body + " date 2024-03-21 more"},
		{"date line", "Date: 2024-03-21\n" + body, "2024-03-21", body},
		{"date line blank after", "Date: 2024-03-21\n\n" + body, "2024-03-21", body},
		{"published line", "Published: March 21, 2024\n" + body, "2024-03-21", body},
		{"published day first", "Published 21 March 2024\n\n" + body, "2024-03-21", body},
		{"date line impossible", "Date: 2024-02-30\n\n" + body + "\n\nMore text.", "", body}, // kept, as the title
		{"prefix alone", " date 2024-03-21 \n" + body, "2024-03-21", body},
		{"after title", "Talks Resume in Doha\nPublished: March 21, 2024\n\n" + body + "\n\nMore text follows here.", "2024-03-21", body},
		{"long headline, bare date, no blank", "Starmer meets Zelensky on NATO sidelines as allies weigh new air defence pledges\nJuly 10, 2024\n" + body + "\nMore text follows here.", "2024-07-10", body},
		{"headline, published line, no blank", "Norcastle opens takeover talks with family-run Hale Precision\nPublished: 8 October 2025\n\n" + body + "\n\nMore text.", "2025-10-08", body},
		{"no date", body, "", body},
		{"date after noise", "Skip to content\n\nDate: 2024-03-21\n" + body, "2024-03-21", body},
		{"date later is text", body + "\nDate: 2024-03-21", "", body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustNormalize(t, "a.txt", tt.in)
			if got := a.Published.String(); got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if got := a.Paragraphs[0].Text; got != tt.first {
				t.Errorf("first paragraph %q, want %q", got, tt.first)
			}
		})
	}
}

func TestImpossibleDateLineKeptAsText(t *testing.T) {
	a := mustNormalize(t, "a.txt", "Date: 2024-02-30\n\nThe talks resumed in Doha on Friday.\n\nMore text.")
	if !a.Published.IsZero() {
		t.Errorf("published %v", a.Published)
	}
	if a.Title != "Date: 2024-02-30" {
		t.Errorf("title %q: the line should be kept", a.Title)
	}
}
