package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"unicode"

	"briefbot/briefing"
)

// dayCount is a DayCount written in a test.
func dayCount(t testing.TB, d string, n int) briefing.DayCount {
	t.Helper()
	return briefing.DayCount{Date: date(t, d), Articles: n}
}

// meetingDay is a MeetingDay written in a test.
func meetingDay(t testing.TB, d string, held, planned, canceled int) briefing.MeetingDay {
	t.Helper()
	return briefing.MeetingDay{Date: date(t, d), Held: held, Planned: planned, Canceled: canceled}
}

// mustArticleDays calls ArticleDays and checks what holds of every
// answer: dated days, oldest first, each once, none empty.
func mustArticleDays(t *testing.T, db *DB, person int64, topic string) ([]briefing.DayCount, int) {
	t.Helper()
	return mustDays(t, "ArticleDays", db.ArticleDays, person, topic,
		func(d briefing.DayCount) (briefing.Date, bool) { return d.Date, d.Articles > 0 })
}

// mustMeetingDays is mustArticleDays for MeetingDays.
func mustMeetingDays(t *testing.T, db *DB, person int64, topic string) ([]briefing.MeetingDay, int) {
	t.Helper()
	return mustDays(t, "MeetingDays", db.MeetingDays, person, topic, func(d briefing.MeetingDay) (briefing.Date, bool) {
		return d.Date, d.Held >= 0 && d.Planned >= 0 && d.Canceled >= 0 && d.Held+d.Planned+d.Canceled > 0
	})
}

// mustDays calls a per-day query and checks its answer: every day dated
// and sound (ok), oldest first, each once; undated not negative.
func mustDays[D any](t *testing.T, name string, query func(context.Context, int64, string) ([]D, int, error),
	person int64, topic string, ok func(D) (briefing.Date, bool)) ([]D, int) {
	t.Helper()
	days, undated, err := query(context.Background(), person, topic)
	if err != nil {
		t.Fatalf("%s(%d, %.40q): %v", name, person, topic, err)
	}
	var prev briefing.Date
	for i, d := range days {
		date, sound := ok(d)
		if date.IsZero() || !sound {
			t.Errorf("%s(%d, %.40q): day %+v", name, person, topic, d)
		}
		if i > 0 && !prev.Before(date) {
			t.Errorf("%s(%d, %.40q): %s after %s", name, person, topic, date, prev)
		}
		prev = date
	}
	if undated < 0 {
		t.Errorf("%s(%d, %.40q): undated %d", name, person, topic, undated)
	}
	return days, undated
}

// countDays counts articles by publication date; undated those without.
func countDays(dates []briefing.Date) ([]briefing.DayCount, int) {
	by := map[briefing.Date]int{}
	undated := 0
	for _, d := range dates {
		if d.IsZero() {
			undated++
		} else {
			by[d]++
		}
	}
	var out []briefing.DayCount
	for d, n := range by {
		out = append(out, briefing.DayCount{Date: d, Articles: n})
	}
	slices.SortFunc(out, func(a, b briefing.DayCount) int { return a.Date.Compare(b.Date) })
	return out, undated
}

// countMeetingDays counts meetings by date and status.
func countMeetingDays(dates []briefing.Date, statuses []briefing.MeetingStatus) ([]briefing.MeetingDay, int) {
	by := map[briefing.Date]*briefing.MeetingDay{}
	undated := 0
	for i, d := range dates {
		if d.IsZero() {
			undated++
			continue
		}
		day := by[d]
		if day == nil {
			day = &briefing.MeetingDay{Date: d}
			by[d] = day
		}
		switch statuses[i] {
		case briefing.Held:
			day.Held++
		case briefing.Planned:
			day.Planned++
		case briefing.Canceled:
			day.Canceled++
		}
	}
	var out []briefing.MeetingDay
	for _, d := range by {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b briefing.MeetingDay) int { return a.Date.Compare(b.Date) })
	return out, undated
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// topicDates returns the publication dates of the articles having a
// sentence with every word of topic, found without the full-text index.
func topicDates(t *testing.T, db *DB, topic string) []briefing.Date {
	t.Helper()
	words := strings.FieldsFunc(strings.ToLower(topic), notWordRune)
	docs := map[int64]briefing.Date{}
	err := each(context.Background(), db.sql, `SELECT s.document_id, s.text, d.published FROM sentences s JOIN documents d ON d.id = s.document_id`, nil,
		func(rows *sql.Rows) error {
			var doc int64
			var text string
			var pub sql.NullString
			if err := rows.Scan(&doc, &text, &pub); err != nil {
				return err
			}
			have := strings.FieldsFunc(strings.ToLower(text), notWordRune)
			for _, w := range words {
				if !slices.Contains(have, w) {
					return nil
				}
			}
			docs[doc] = parseDate(pub)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	var out []briefing.Date
	for _, d := range docs {
		out = append(out, d)
	}
	return out
}

func TestArticleDaysSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)

	// Everything: as many as the documents, two of them dated.
	days, undated := mustArticleDays(t, db, 0, "")
	if want := []briefing.DayCount{dayCount(t, "2024-03-21", 2)}; !slices.Equal(days, want) || undated != 3 {
		t.Errorf("ArticleDays(all) = %+v, %d undated; want %+v, 3 undated", days, undated, want)
	}
	var dates []briefing.Date
	for _, d := range exportOf(t, db).Documents {
		dates = append(dates, d.Published)
	}
	wantDays, wantUndated := countDays(dates)
	if !slices.Equal(days, wantDays) || undated != wantUndated {
		t.Errorf("ArticleDays(all) = %+v, %d undated; the documents give %+v, %d", days, undated, wantDays, wantUndated)
	}
	if n := articles(days) + undated; n != countRows(t, db, "documents") {
		t.Errorf("ArticleDays(all) counts %d articles, the corpus holds %d", n, countRows(t, db, "documents"))
	}

	// A person: the articles of their profile.
	barnea := personID(t, db, "David Barnea")
	days, undated = mustArticleDays(t, db, barnea, "")
	if want := []briefing.DayCount{dayCount(t, "2024-03-21", 1)}; !slices.Equal(days, want) || undated != 3 {
		t.Errorf("ArticleDays(Barnea) = %+v, %d undated; want %+v, 3 undated", days, undated, want)
	}
	people, err := db.ids(ctx, `SELECT id FROM entities WHERE kind = 'person'`)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		prof, err := db.Person(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var dates []briefing.Date
		for _, d := range prof.Documents {
			dates = append(dates, d.Published)
		}
		wantDays, wantUndated := countDays(dates)
		days, undated := mustArticleDays(t, db, p, "")
		if !slices.Equal(days, wantDays) || undated != wantUndated {
			t.Errorf("ArticleDays(%s) = %+v, %d undated; the profile's articles give %+v, %d", prof.Name, days, undated, wantDays, wantUndated)
		}
		// The person wins over a topic.
		if d2, u2 := mustArticleDays(t, db, p, "rafah"); !slices.Equal(d2, days) || u2 != undated {
			t.Errorf("ArticleDays(%s, rafah) = %+v, %d; want the person's %+v, %d", prof.Name, d2, u2, days, undated)
		}
	}
	if days, undated := mustArticleDays(t, db, 987654, ""); len(days) != 0 || undated != 0 {
		t.Errorf("ArticleDays(unknown person) = %+v, %d; want nothing", days, undated)
	}

	// A topic: the articles with a sentence holding its words.
	for _, topic := range []string{"rafah", "Rafah", "RAFAH", "hostages", "Doha", "Burns Doha", "ceasefire", "rafah OR"} {
		days, undated := mustArticleDays(t, db, 0, topic)
		dates := topicDates(t, db, topic)
		wantDays, wantUndated := countDays(dates)
		if !slices.Equal(days, wantDays) || undated != wantUndated {
			t.Errorf("ArticleDays(%q) = %+v, %d undated; the sentences give %+v, %d", topic, days, undated, wantDays, wantUndated)
		}
		if topic == "rafah" && articles(days)+undated == 0 {
			t.Errorf("ArticleDays(rafah) found nothing: the seed corpus talks of Rafah")
		}
	}
}

func articles(days []briefing.DayCount) int {
	n := 0
	for _, d := range days {
		n += d.Articles
	}
	return n
}

func TestDaysHostileTopics(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	docs := countRows(t, db, "documents")
	tests := []struct {
		name    string
		topic   string
		invalid bool // a *briefing.Error with ErrInvalid: no words
	}{
		{"dangling operator", "rafah OR", false},
		{"operators", "AND OR NOT", false},
		{"lone operator", "NOT", false},
		{"near", "NEAR(", false},
		{"near call", "NEAR(rafah hostages, 5)", false},
		{"mention", "@everyone", false},
		{"column filter", "text:rafah", false},
		{"prefix star", "raf*", false},
		{"caret", "^rafah", false},
		{"plus and minus", "+rafah -gaza", false},
		{"quote inside a word", `ra"fah`, false},
		{"sql injection", `'; DROP TABLE documents; --`, false},
		{"nul byte", "rafah\x00gaza", false},
		{"invalid utf-8", "raf\xffah", false},
		{"emoji", "🙂 rafah 🔥", false},
		{"long", strings.Repeat("rafah ", 2000), false},
		{"long word", strings.Repeat("x", 10000), false},
		{"nothing matches", "zanzibarqx", false},
		{"double quote", `"`, true},
		{"star", `*`, true},
		{"open paren", `(`, true},
		{"blank", " \t\n ", true},
		{"punctuation", `!?.,;:()[]{}"'*-+^`, true},
		{"emoji only", "🙂🔥", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			aDays, aUndated, aErr := db.ArticleDays(ctx, 0, tc.topic)
			mDays, mUndated, mErr := db.MeetingDays(ctx, 0, tc.topic)
			for _, c := range []struct {
				what string
				err  error
			}{{"ArticleDays", aErr}, {"MeetingDays", mErr}} {
				if tc.invalid {
					if ue, ok := briefing.UserError(c.err); !ok || ue.Code != briefing.ErrInvalid {
						t.Errorf("%s(%.40q) error %v; want a briefing.Error with code %q", c.what, tc.topic, c.err, briefing.ErrInvalid)
					}
				} else if c.err != nil {
					t.Errorf("%s(%.40q): %v", c.what, tc.topic, c.err)
				}
			}
			if tc.invalid {
				return
			}
			// A clean answer: the shape holds, within the whole corpus.
			mustArticleDays(t, db, 0, tc.topic)
			mustMeetingDays(t, db, 0, tc.topic)
			if n := articles(aDays) + aUndated; n > docs {
				t.Errorf("ArticleDays(%.40q) counts %d articles of %d", tc.topic, n, docs)
			}
			if n := len(mDays) + mUndated; n > countRows(t, db, "meetings") {
				t.Errorf("MeetingDays(%.40q) counts more meetings than stored", tc.topic)
			}
			if tc.name == "nothing matches" && (len(aDays) != 0 || aUndated != 0 || len(mDays) != 0 || mUndated != 0) {
				t.Errorf("a topic matching nothing: articles %+v, %d undated; meetings %+v, %d undated", aDays, aUndated, mDays, mUndated)
			}
		})
	}
	if got := countRows(t, db, "documents"); got != docs {
		t.Errorf("the corpus holds %d documents after the hostile topics, %d before", got, docs)
	}
}

func TestMeetingDaysSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)

	// Everything: the export's in-person meetings (its calls apart).
	days, undated := mustMeetingDays(t, db, 0, "")
	if want := []briefing.MeetingDay{meetingDay(t, "2024-03-22", 0, 1, 0)}; !slices.Equal(days, want) || undated != 5 {
		t.Errorf("MeetingDays(all) = %+v, %d undated; want %+v, 5 undated", days, undated, want)
	}
	var dates []briefing.Date
	var statuses []briefing.MeetingStatus
	for _, m := range exportOf(t, db).Meetings {
		dates, statuses = append(dates, m.Date), append(statuses, m.Status)
	}
	if wantDays, wantUndated := countMeetingDays(dates, statuses); !slices.Equal(days, wantDays) || undated != wantUndated {
		t.Errorf("MeetingDays(all) = %+v, %d undated; the export gives %+v, %d", days, undated, wantDays, wantUndated)
	}

	// A person: their meetings as who-met lists them.
	barnea := personID(t, db, "David Barnea")
	days, undated = mustMeetingDays(t, db, barnea, "")
	if want := []briefing.MeetingDay{meetingDay(t, "2024-03-22", 0, 1, 0)}; !slices.Equal(days, want) || undated != 1 {
		t.Errorf("MeetingDays(Barnea) = %+v, %d undated; want %+v (Doha), 1 undated (Cairo)", days, undated, want)
	}
	people, err := db.ids(ctx, `SELECT id FROM entities WHERE kind = 'person'`)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		ms, err := db.Meetings(ctx, p, 0)
		if err != nil {
			t.Fatal(err)
		}
		var dates []briefing.Date
		var statuses []briefing.MeetingStatus
		for _, m := range ms {
			dates, statuses = append(dates, m.Date), append(statuses, m.Status)
		}
		wantDays, wantUndated := countMeetingDays(dates, statuses)
		days, undated := mustMeetingDays(t, db, p, "")
		if !slices.Equal(days, wantDays) || undated != wantUndated {
			t.Errorf("MeetingDays(%d) = %+v, %d undated; who-met gives %+v, %d", p, days, undated, wantDays, wantUndated)
		}
	}
	if days, undated := mustMeetingDays(t, db, 987654, ""); len(days) != 0 || undated != 0 {
		t.Errorf("MeetingDays(unknown person) = %+v, %d; want nothing", days, undated)
	}

	// A topic: Doha is where the planned meeting is, and a sentence
	// about the Cairo press conference (an undated meeting) names it.
	days, undated = mustMeetingDays(t, db, 0, "Doha")
	if want := []briefing.MeetingDay{meetingDay(t, "2024-03-22", 0, 1, 0)}; !slices.Equal(days, want) || undated != 1 {
		t.Errorf("MeetingDays(Doha) = %+v, %d undated; want %+v, 1 undated", days, undated, want)
	}
}

// TestDaysHandCorpus counts articles and meetings per day on a corpus
// written for it: every status, a call, undated meetings and articles,
// and meetings in a place no report sentence names.
func TestDaysHandCorpus(t *testing.T) {
	db := openTestDB(t)
	const noam, dana, yoel, tamar, ruth = "Noam Varsano", "Dana Elkayam", "Yoel Harpaz", "Tamar Goldin", "Ruth Abarbanel"
	// Each report's sentence names its first participant only; a place
	// has a sentence of its own.
	ingestHand(t, db,
		report{source: "c1.txt", published: "2024-06-02", people: []string{noam, dana}, date: "2024-06-01", status: briefing.Held}.article(t),
		report{source: "c2.txt", published: "2024-05-30", people: []string{noam, yoel}, date: "2024-06-01", status: briefing.Planned}.article(t),
		report{source: "c3.txt", published: "2024-06-03", people: []string{noam, tamar}, date: "2024-06-05", status: briefing.Canceled}.article(t),
		report{source: "c4.txt", people: []string{noam, ruth}, status: briefing.Planned}.article(t),
		report{source: "c5.txt", published: "2024-06-02", people: []string{noam, dana}, date: "2024-06-01", status: briefing.Held, kind: briefing.Call}.article(t),
		report{source: "c6.txt", published: "2024-06-11", people: []string{yoel, tamar}, place: "Lusail", country: "Qatar", date: "2024-06-10", status: briefing.Held}.article(t),
		report{source: "c7.txt", people: []string{dana, tamar}, place: "Lusail", country: "Qatar", status: briefing.Planned}.article(t),
		handArticle{source: "c8.txt", published: "2024-06-02", entities: []briefing.ExtractedEntity{place("Lusail", "Qatar")}},
	)
	var meetings, calls, lusailInReports int
	if err := db.sql.QueryRow(`SELECT (SELECT COUNT(*) FROM meetings WHERE kind = 'meeting'), (SELECT COUNT(*) FROM meetings WHERE kind = 'call'),
		(SELECT COUNT(*) FROM meeting_sources ms JOIN sentences s ON s.id = ms.sentence_id WHERE s.text LIKE '%Lusail%')`).
		Scan(&meetings, &calls, &lusailInReports); err != nil {
		t.Fatal(err)
	}
	if meetings != 6 || calls != 1 || lusailInReports != 0 {
		t.Fatalf("stored %d meetings, %d calls, %d reports whose sentence names Lusail; want 6, 1, 0", meetings, calls, lusailInReports)
	}
	id := func(name string) int64 { return personID(t, db, name) }

	t.Run("ArticleDays", func(t *testing.T) {
		noamDays := []briefing.DayCount{dayCount(t, "2024-05-30", 1), dayCount(t, "2024-06-02", 2), dayCount(t, "2024-06-03", 1)}
		tests := []struct {
			name    string
			person  int64
			topic   string
			want    []briefing.DayCount
			undated int
		}{
			{"all", 0, "", []briefing.DayCount{dayCount(t, "2024-05-30", 1), dayCount(t, "2024-06-02", 3), dayCount(t, "2024-06-03", 1), dayCount(t, "2024-06-11", 1)}, 2},
			{"person", id(noam), "", noamDays, 1},
			{"person over topic", id(noam), "Lusail", noamDays, 1},
			{"another person", id(tamar), "", []briefing.DayCount{dayCount(t, "2024-06-03", 1), dayCount(t, "2024-06-11", 1)}, 1},
			{"undated only", id(ruth), "", nil, 1},
			{"topic", 0, "Varsano", noamDays, 1},
			{"place topic", 0, "Lusail", []briefing.DayCount{dayCount(t, "2024-06-02", 1), dayCount(t, "2024-06-11", 1)}, 1},
			{"place topic in capitals", 0, "LUSAIL", []briefing.DayCount{dayCount(t, "2024-06-02", 1), dayCount(t, "2024-06-11", 1)}, 1},
			{"two words", 0, "yoel harpaz", []briefing.DayCount{dayCount(t, "2024-05-30", 1), dayCount(t, "2024-06-11", 1)}, 0},
			{"nothing", 0, "zanzibar", nil, 0},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				days, undated := mustArticleDays(t, db, tc.person, tc.topic)
				if !slices.Equal(days, tc.want) || undated != tc.undated {
					t.Errorf("ArticleDays(%d, %q) = %+v, %d undated; want %+v, %d", tc.person, tc.topic, days, undated, tc.want, tc.undated)
				}
			})
		}
		days, undated := mustArticleDays(t, db, 0, "")
		if n := articles(days) + undated; n != countRows(t, db, "documents") {
			t.Errorf("all: %d articles counted, %d stored", n, countRows(t, db, "documents"))
		}
	})

	t.Run("MeetingDays", func(t *testing.T) {
		// Held and planned on 1 June (the call of that day left out),
		// canceled on 5 June, held in Lusail on 10 June.
		noamDays := []briefing.MeetingDay{meetingDay(t, "2024-06-01", 1, 1, 0), meetingDay(t, "2024-06-05", 0, 0, 1)}
		tests := []struct {
			name    string
			person  int64
			topic   string
			want    []briefing.MeetingDay
			undated int
		}{
			{"all", 0, "", append(slices.Clone(noamDays), meetingDay(t, "2024-06-10", 1, 0, 0)), 2},
			{"person", id(noam), "", noamDays, 1},
			{"person over topic", id(noam), "Lusail", noamDays, 1},
			{"another person", id(dana), "", []briefing.MeetingDay{meetingDay(t, "2024-06-01", 1, 0, 0)}, 1},
			{"a third", id(tamar), "", []briefing.MeetingDay{meetingDay(t, "2024-06-05", 0, 0, 1), meetingDay(t, "2024-06-10", 1, 0, 0)}, 1},
			{"undated only", id(ruth), "", nil, 1},
			// The report sentences name Noam Varsano.
			{"topic", 0, "Varsano", noamDays, 1},
			// No report sentence names Lusail: its meetings count by
			// their place.
			{"place topic", 0, "Lusail", []briefing.MeetingDay{meetingDay(t, "2024-06-10", 1, 0, 0)}, 1},
			{"place topic in capitals", 0, "LUSAIL", []briefing.MeetingDay{meetingDay(t, "2024-06-10", 1, 0, 0)}, 1},
			// Only the report whose sentence names him: c6, not c2.
			{"two words", 0, "yoel harpaz", []briefing.MeetingDay{meetingDay(t, "2024-06-10", 1, 0, 0)}, 0},
			{"nothing", 0, "zanzibar", nil, 0},
			{"unknown person", 987654, "", nil, 0},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				days, undated := mustMeetingDays(t, db, tc.person, tc.topic)
				if !slices.Equal(days, tc.want) || undated != tc.undated {
					t.Errorf("MeetingDays(%d, %q) = %+v, %d undated; want %+v, %d", tc.person, tc.topic, days, undated, tc.want, tc.undated)
				}
			})
		}
	})
}
