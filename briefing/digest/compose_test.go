package digest

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefbot/briefing"
)

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"", 10, ""},
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"  spaces \n\t collapsed  ", 40, "spaces collapsed"},
		// Cut at the last word boundary in reach, with an ellipsis.
		{"The quick brown fox jumps over the lazy dog", 20, "The quick brown…"},
		// Punctuation before the cut goes.
		{"Talks resume, officials say in Doha today", 16, "Talks resume…"},
		{"Talks resume – officials say in Doha today", 16, "Talks resume…"},
		// No boundary in the second half: a hard cut.
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"ab cdefghijklmnopqrstuvwxyz", 10, "ab cdefgh…"},
		// Runes, not bytes.
		{"Ça va très bien, merci beaucoup", 12, "Ça va très…"},
	} {
		got := clip(c.in, c.n)
		if got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > c.n {
			t.Errorf("clip(%q, %d) = %q: %d runes", c.in, c.n, got, n)
		}
	}
}

func TestClipKeepsMoreThanHalf(t *testing.T) {
	// A boundary in the first half is not used: the cut keeps more than
	// half of what fits, whatever the script.
	for _, s := range []string{
		"Lorem ipsum dolorsitametconsecteturadipiscingelitseddo",
		"Привет мирвсемлюдямназемлеисчастья",
		"Συνάντηση στηνΝτόχαγιατηνεκεχειρίακαιτουςομήρους",
	} {
		for n := 10; n <= 30; n++ {
			got := clip(s, n)
			if r := utf8.RuneCountInString(got); r > n || utf8.RuneCountInString(s) > n && r <= n/2 {
				t.Errorf("clip(%q, %d) = %q: %d runes, want more than %d and at most %d", s, n, got, r, n/2, n)
				break
			}
		}
	}
}

func TestSurname(t *testing.T) {
	for in, want := range map[string]string{
		"Mohammed bin Abdulrahman Al-Thani": "Al-Thani",
		"David Barnea":                      "Barnea",
		"Martin Luther King Jr.":            "King",
		"John Smith III":                    "Smith",
		"Madonna":                           "Madonna",
		"":                                  "",
		"Jr.":                               "Jr.",
	} {
		if got := surname(in); got != want {
			t.Errorf("surname(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoinAnd(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, "Unnamed parties"},
		{[]string{"Barnea"}, "Barnea"},
		{[]string{"Barnea", "Burns"}, "Barnea and Burns"},
		{[]string{"Barnea", "Burns", "Al-Thani", "Kamel"}, "Barnea, Burns, Al-Thani and Kamel"},
	} {
		if got := joinAnd(c.in); got != c.want {
			t.Errorf("joinAnd(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMeetingHeadline(t *testing.T) {
	people := func(names ...string) []briefing.PersonRef {
		var out []briefing.PersonRef
		for i, n := range names {
			out = append(out, briefing.PersonRef{ID: int64(i + 1), Name: n})
		}
		return out
	}
	friday := briefing.NewDate(time.Date(2024, time.March, 22, 0, 0, 0, 0, time.UTC))
	doha := people("David Barnea", "William Burns", "Mohammed bin Abdulrahman Al-Thani", "Abbas Kamel")
	for _, c := range []struct {
		m    briefing.MeetingRecord
		want string
	}{
		{briefing.MeetingRecord{Participants: doha, Place: "Doha", Date: friday, When: "this Friday", Status: briefing.Planned},
			"Barnea, Burns, Al-Thani and Kamel to meet in Doha on Friday 22 March 2024"},
		{briefing.MeetingRecord{Participants: doha, Place: "Doha", Date: friday, Status: briefing.Held},
			"Barnea, Burns, Al-Thani and Kamel met in Doha on Friday 22 March 2024"},
		{briefing.MeetingRecord{Participants: doha[:2], Place: "Cairo", Date: friday, Status: briefing.Canceled},
			"Barnea and Burns meeting called off in Cairo on Friday 22 March 2024"},
		// No date: the words of the report.
		{briefing.MeetingRecord{Participants: people("Antony Blinken", "Benjamin Netanyahu"), When: "next week", Status: briefing.Planned},
			"Blinken and Netanyahu to meet next week"},
		{briefing.MeetingRecord{Participants: doha[:3], Place: "Cairo", When: "on Tuesday", Status: briefing.Held},
			"Barnea, Burns and Al-Thani met in Cairo on Tuesday"},
		// One person: the organisations complete the parties.
		{briefing.MeetingRecord{Participants: people("Antony Blinken"), Parties: []string{"Hamas"}, Place: "Doha", Status: briefing.Planned},
			"Blinken and Hamas to meet in Doha"},
		{briefing.MeetingRecord{Parties: []string{"Qatar", "Egypt"}, Status: briefing.Held},
			"Qatar and Egypt met"},
		{briefing.MeetingRecord{Place: "Doha", Status: briefing.Planned},
			"Unnamed parties to meet in Doha"},
		// The status is unknown: read as planned.
		{briefing.MeetingRecord{Participants: doha[:2], Status: ""},
			"Barnea and Burns to meet"},
	} {
		if got := meetingHeadline(c.m); got != c.want {
			t.Errorf("meetingHeadline(%s) = %q, want %q", c.m.Status, got, c.want)
		}
	}
	// A headline of many people fits.
	var many []string
	for i := range 60 {
		many = append(many, "Person Number"+strings.Repeat("x", i%7))
	}
	got := meetingHeadline(briefing.MeetingRecord{Participants: people(many...), Place: "Doha", Status: briefing.Held})
	if n := utf8.RuneCountInString(got); n > maxHeadline || !strings.HasSuffix(got, "…") {
		t.Errorf("long headline: %d runes (%q), want at most %d, clipped", n, got, maxHeadline)
	}
}

func TestMeetingLine(t *testing.T) {
	m := briefing.MeetingRecord{
		Participants: []briefing.PersonRef{{ID: 1, Name: "David Barnea", Role: "Mossad chief"}, {ID: 2, Name: "William Burns", Role: "CIA director"}},
		Parties:      []string{"Qatar"},
		Place:        "Doha",
		Date:         briefing.NewDate(time.Date(2024, time.March, 22, 0, 0, 0, 0, time.UTC)),
		When:         "this Friday",
		Status:       briefing.Planned,
	}
	const want = "Planned meeting in Doha, Friday 22 March 2024 (“this Friday”): David Barnea (Mossad chief), William Burns (CIA director), Qatar"
	if got := meetingLine(m); got != want {
		t.Errorf("meetingLine = %q, want %q", got, want)
	}
	if got := meetingLine(briefing.MeetingRecord{Status: briefing.Held}); got != "Held meeting" {
		t.Errorf("meetingLine of nothing = %q", got)
	}
}
