package storage

import (
	"context"
	"slices"
	"testing"

	"briefbot/briefing"
)

func refNames(ps []briefing.PersonRef) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func sourceNames(ss []briefing.MeetingSource) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.Source)
	}
	return out
}

func TestMeetingsSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	barnea := personID(t, db, "David Barnea")
	ms, err := db.Meetings(ctx, barnea, 0)
	if err != nil {
		t.Fatalf("Meetings: %v", err)
	}
	if len(ms) != 2 {
		for _, m := range ms {
			t.Logf("meeting: %s, sources %q", briefing.MeetingSummary(m), sourceNames(m.Sources))
		}
		t.Fatalf("David Barnea has %d meetings, want 2 (Doha, Cairo)", len(ms))
	}

	// Newest first: the dated Doha meeting, then the undated Cairo one.
	doha, cairo := ms[0], ms[1]
	if doha.Place != "Doha" || doha.Kind != briefing.InPerson || doha.Status != briefing.Planned {
		t.Errorf("first meeting: place %q, kind %q, status %q; want Doha, meeting, planned", doha.Place, doha.Kind, doha.Status)
	}
	if doha.Date.String() != "2024-03-22" || !doha.DateInferred {
		t.Errorf("Doha meeting date %q (inferred %v), want 2024-03-22 inferred", doha.Date, doha.DateInferred)
	}
	if doha.When != "this Friday" {
		t.Errorf("Doha meeting when %q, want %q", doha.When, "this Friday")
	}
	for _, who := range []string{"David Barnea", "William Burns", "Mohammed bin Abdulrahman Al-Thani", "Abbas Kamel"} {
		if !slices.Contains(refNames(doha.Participants), who) {
			t.Errorf("Doha participants %q lack %s", refNames(doha.Participants), who)
		}
	}
	if got, want := sortedCopy(sourceNames(doha.Sources)), []string{seed000, seed001, seed003}; !slices.Equal(got, want) {
		t.Errorf("Doha sources %q, want %q", got, want)
	}
	for _, s := range doha.Sources {
		if s.Evidence == "" {
			t.Errorf("Doha report in %s has no evidence sentence", s.Source)
		}
		if !slices.Contains(refNames(s.Participants), "David Barnea") {
			t.Errorf("Doha report in %s names %q, not David Barnea", s.Source, refNames(s.Participants))
		}
		if s.Source == seed001 && s.Published.String() != "2024-03-21" {
			t.Errorf("report %s published %q, want 2024-03-21", s.Source, s.Published)
		}
	}

	if cairo.Place != "Cairo" || cairo.Status != briefing.Held || cairo.When != "on Tuesday" {
		t.Errorf("second meeting: place %q, status %q, when %q; want Cairo, held, on Tuesday", cairo.Place, cairo.Status, cairo.When)
	}
	if !cairo.Date.IsZero() || cairo.DateInferred {
		t.Errorf("Cairo meeting date %q (inferred %v), want unknown", cairo.Date, cairo.DateInferred)
	}
	if got := sortedCopy(refNames(cairo.Participants)); !slices.Equal(got, []string{"David Barnea", "Mohammed bin Abdulrahman Al-Thani", "William Burns"}) {
		t.Errorf("Cairo participants %q", got)
	}
	if got := sourceNames(cairo.Sources); !slices.Equal(got, []string{seed002}) {
		t.Errorf("Cairo sources %q, want [%s]", got, seed002)
	}

	// The with filter.
	withTests := []struct {
		with string
		want []string // places, newest first
	}{
		{"William Burns", []string{"Doha", "Cairo"}},
		{"Mohammed bin Abdulrahman Al-Thani", []string{"Doha", "Cairo"}},
		{"Abbas Kamel", []string{"Doha"}},
		{"Antony Blinken", nil},
	}
	for _, tc := range withTests {
		got, err := db.Meetings(ctx, barnea, personID(t, db, tc.with))
		if err != nil {
			t.Fatalf("Meetings with %s: %v", tc.with, err)
		}
		var places []string
		for _, m := range got {
			places = append(places, m.Place)
		}
		if !slices.Equal(places, tc.want) {
			t.Errorf("Barnea's meetings with %s: %q, want %q", tc.with, places, tc.want)
		}
	}
	// Seen from another participant, it is the same meeting.
	kamel, err := db.Meetings(ctx, personID(t, db, "Abbas Kamel"), barnea)
	if err != nil {
		t.Fatal(err)
	}
	if len(kamel) != 1 || kamel[0].ID != doha.ID {
		t.Errorf("Kamel's meetings with Barnea: %+v, want the Doha meeting %d", kamel, doha.ID)
	}
	// Nobody has meetings with an unknown id.
	if none, err := db.Meetings(ctx, 987654, 0); err != nil || len(none) != 0 {
		t.Errorf("Meetings of an unknown person = %v, %v; want none", none, err)
	}
}

// report is one article reporting a meeting of some people.
type report struct {
	source    string
	published string
	people    []string
	place     string // "" when none
	country   string
	when      string
	date      string
	status    briefing.MeetingStatus
	kind      briefing.MeetingKind
}

func (r report) article(t testing.TB) handArticle {
	t.Helper()
	h := handArticle{source: r.source, published: r.published}
	m := briefing.ExtractedMeeting{Kind: r.kind, Place: -1, When: r.when, Date: date(t, r.date), Status: r.status, Sentences: []int{0}}
	if m.Kind == "" {
		m.Kind = briefing.InPerson
	}
	if m.Status == "" {
		m.Status = briefing.Planned
	}
	for _, p := range r.people {
		m.Participants = append(m.Participants, len(h.entities))
		h.entities = append(h.entities, person(p))
	}
	if r.place != "" {
		m.Place = len(h.entities)
		h.entities = append(h.entities, place(r.place, r.country))
	}
	h.meetings = []briefing.ExtractedMeeting{m}
	return h
}

func TestMeetingsMergeAcrossReports(t *testing.T) {
	ctx := context.Background()
	noamDana := []string{"Noam Varsano", "Dana Elkayam"}
	tests := []struct {
		name    string
		reports []report
		// want describes the meetings of Noam Varsano, newest first.
		want []wantMeeting
	}{
		{
			name: "weekday in an undated report, country in a dated one",
			reports: []report{
				{source: "r1.txt", people: noamDana, place: "Doha", country: "Qatar", when: "this Friday"},
				{source: "r2.txt", published: "2024-03-21", people: noamDana, place: "Qatar", country: "Qatar"},
			},
			want: []wantMeeting{{place: "Doha", date: "2024-03-22", inferred: true, when: "this Friday", status: briefing.Planned, sources: []string{"r1.txt", "r2.txt"}}},
		},
		{
			name: "country first, city later",
			reports: []report{
				{source: "r1.txt", published: "2024-03-21", people: noamDana, place: "Qatar", country: "Qatar"},
				{source: "r2.txt", people: noamDana, place: "Doha", country: "Qatar", when: "this Friday"},
			},
			want: []wantMeeting{{place: "Doha", date: "2024-03-22", inferred: true, when: "this Friday", status: briefing.Planned, sources: []string{"r1.txt", "r2.txt"}}},
		},
		{
			name: "planned, then held on the reported date",
			reports: []report{
				{source: "r1.txt", published: "2024-03-20", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-22", status: briefing.Planned},
				{source: "r2.txt", published: "2024-03-23", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-22", status: briefing.Held},
			},
			want: []wantMeeting{{place: "Doha", date: "2024-03-22", status: briefing.Held, sources: []string{"r1.txt", "r2.txt"}}},
		},
		{
			name: "reports nine days apart",
			reports: []report{
				{source: "r1.txt", published: "2024-03-01", people: noamDana, status: briefing.Held},
				{source: "r2.txt", published: "2024-03-10", people: noamDana, status: briefing.Held},
			},
			want: []wantMeeting{{status: briefing.Held, sources: []string{"r1.txt", "r2.txt"}}},
		},
		{
			name: "one person named in a report with a place",
			reports: []report{
				{source: "r1.txt", published: "2024-03-21", people: noamDana, place: "Doha", country: "Qatar"},
				{source: "r2.txt", published: "2024-03-21", people: []string{"Noam Varsano"}, place: "Qatar", country: "Qatar"},
			},
			want: []wantMeeting{{place: "Doha", status: briefing.Planned, sources: []string{"r1.txt", "r2.txt"}}},
		},
		{
			name: "incompatible places",
			reports: []report{
				{source: "r1.txt", published: "2024-03-21", people: noamDana, place: "Cairo", country: "Egypt"},
				{source: "r2.txt", published: "2024-03-21", people: noamDana, place: "Doha", country: "Qatar"},
			},
			want: []wantMeeting{
				{place: "Doha", status: briefing.Planned, sources: []string{"r2.txt"}},
				{place: "Cairo", status: briefing.Planned, sources: []string{"r1.txt"}},
			},
		},
		{
			name: "published sixty days apart, no dates",
			reports: []report{
				{source: "r1.txt", published: "2024-01-10", people: noamDana, status: briefing.Held},
				{source: "r2.txt", published: "2024-03-10", people: noamDana, status: briefing.Held},
			},
			want: []wantMeeting{
				{status: briefing.Held, sources: []string{"r2.txt"}},
				{status: briefing.Held, sources: []string{"r1.txt"}},
			},
		},
		{
			name: "different weekdays",
			reports: []report{
				{source: "r1.txt", people: noamDana, place: "Cairo", country: "Egypt", when: "on Tuesday", status: briefing.Held},
				{source: "r2.txt", people: noamDana, place: "Cairo", country: "Egypt", when: "on Thursday", status: briefing.Held},
			},
			want: []wantMeeting{
				{place: "Cairo", when: "on Thursday", status: briefing.Held, sources: []string{"r2.txt"}},
				{place: "Cairo", when: "on Tuesday", status: briefing.Held, sources: []string{"r1.txt"}},
			},
		},
		{
			name: "different reported dates",
			reports: []report{
				{source: "r1.txt", published: "2024-03-20", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-22"},
				{source: "r2.txt", published: "2024-03-21", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-25"},
			},
			want: []wantMeeting{
				{place: "Doha", date: "2024-03-25", status: briefing.Planned, sources: []string{"r2.txt"}},
				{place: "Doha", date: "2024-03-22", status: briefing.Planned, sources: []string{"r1.txt"}},
			},
		},
		{
			name: "only one person in common, both reports name two",
			reports: []report{
				{source: "r1.txt", published: "2024-03-21", people: noamDana, place: "Doha", country: "Qatar"},
				{source: "r2.txt", published: "2024-03-21", people: []string{"Noam Varsano", "Eli Mizrahi"}, place: "Doha", country: "Qatar"},
			},
			want: []wantMeeting{
				{place: "Doha", status: briefing.Planned, sources: []string{"r2.txt"}},
				{place: "Doha", status: briefing.Planned, sources: []string{"r1.txt"}},
			},
		},
		{
			name: "a call is not a meeting",
			reports: []report{
				{source: "r1.txt", published: "2024-03-21", people: noamDana, status: briefing.Held, kind: briefing.Call},
				{source: "r2.txt", published: "2024-03-21", people: noamDana, status: briefing.Held},
			},
			want: []wantMeeting{{status: briefing.Held, sources: []string{"r2.txt"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			for _, r := range tc.reports {
				ingestHand(t, db, r.article(t))
			}
			ms, err := db.Meetings(ctx, personID(t, db, "Noam Varsano"), 0)
			if err != nil {
				t.Fatal(err)
			}
			checkMeetings(t, ms, tc.want)
		})
	}
}

// wantMeeting describes an expected meeting.
type wantMeeting struct {
	place    string
	date     string
	inferred bool
	when     string
	status   briefing.MeetingStatus
	sources  []string // any order
}

func checkMeetings(t *testing.T, got []briefing.MeetingRecord, want []wantMeeting) {
	t.Helper()
	if len(got) != len(want) {
		for _, m := range got {
			t.Logf("got: %s on %q, sources %q", briefing.MeetingSummary(m), m.Date, sourceNames(m.Sources))
		}
		t.Fatalf("%d meetings, want %d", len(got), len(want))
	}
	for i, w := range want {
		m := got[i]
		if m.Place != w.place || m.Date.String() != w.date || m.DateInferred != w.inferred || m.When != w.when || m.Status != w.status {
			t.Errorf("meeting %d: place %q, date %q (inferred %v), when %q, status %q; want %q, %q (%v), %q, %q",
				i, m.Place, m.Date, m.DateInferred, m.When, m.Status, w.place, w.date, w.inferred, w.when, w.status)
		}
		if got, want := sortedCopy(sourceNames(m.Sources)), sortedCopy(w.sources); !slices.Equal(got, want) {
			t.Errorf("meeting %d: sources %q, want %q", i, got, want)
		}
	}
}

// TestMeetingReportKeepsItsOwnParticipants: a merged meeting lists
// everyone, each report only the people its article names.
func TestMeetingReportKeepsItsOwnParticipants(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db,
		report{source: "r1.txt", published: "2024-03-21", people: []string{"Noam Varsano", "Dana Elkayam", "Eli Mizrahi"}, place: "Doha", country: "Qatar"}.article(t),
		report{source: "r2.txt", published: "2024-03-22", people: []string{"Noam Varsano", "Dana Elkayam"}, place: "Qatar", country: "Qatar"}.article(t),
	)
	ms, err := db.Meetings(ctx, personID(t, db, "Eli Mizrahi"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || len(ms[0].Sources) != 2 {
		t.Fatalf("meetings: %+v, want one with two reports", ms)
	}
	m := ms[0]
	if got := sortedCopy(refNames(m.Participants)); !slices.Equal(got, []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano"}) {
		t.Errorf("participants %q", got)
	}
	for _, s := range m.Sources {
		want := map[string][]string{
			"r1.txt": {"Dana Elkayam", "Eli Mizrahi", "Noam Varsano"},
			"r2.txt": {"Dana Elkayam", "Noam Varsano"},
		}[s.Source]
		if got := sortedCopy(refNames(s.Participants)); !slices.Equal(got, want) {
			t.Errorf("report %s participants %q, want %q", s.Source, got, want)
		}
		wantPlace := map[string]string{"r1.txt": "Doha", "r2.txt": "Qatar"}[s.Source]
		if s.Place != wantPlace {
			t.Errorf("report %s place %q, want %q", s.Source, s.Place, wantPlace)
		}
	}
	// Sources are in publication order.
	if got := sourceNames(m.Sources); !slices.Equal(got, []string{"r1.txt", "r2.txt"}) {
		t.Errorf("sources in order %q, want r1.txt, r2.txt", got)
	}
}

// An article's own meetings stay apart even when another article would
// merge them: the extraction told them apart ("he will invite the five to
// a meeting" and "he is set to meet two of them in Tripoli on Tuesday").
func TestMeetingsOfOneArticleStayApart(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	h := report{source: "r1.txt", published: "2023-11-22", people: []string{"Noam Varsano", "Dana Elkayam", "Eli Mizrahi"}}.article(t)
	second := report{source: "r1.txt", people: []string{"Noam Varsano", "Dana Elkayam"}, place: "Tripoli", country: "Libya", when: "on Tuesday"}.article(t)
	offset := len(h.entities)
	h.entities = append(h.entities, second.entities...)
	m := second.meetings[0]
	for i := range m.Participants {
		m.Participants[i] += offset
	}
	m.Place += offset
	h.meetings = append(h.meetings, m)
	ingestHand(t, db, h)
	ms, err := db.Meetings(ctx, personID(t, db, "Noam Varsano"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("got %d meetings, want the article's two: %+v", len(ms), ms)
	}
}
