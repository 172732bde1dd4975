package storage

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// testClock is a settable clock for a test database.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// openClocked opens a fresh database whose clock the test sets.
func openClocked(t testing.TB) (*DB, *testClock) {
	t.Helper()
	clock := &testClock{t: fixedNow()}
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "corpus.db"), Options{Lexicon: testLexicon(t), Now: clock.now})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, clock
}

// mustWindow returns the channel's window and fails the test on error.
func mustWindow(t testing.TB, db *DB, channel string, since time.Time) digest.Window {
	t.Helper()
	w, err := db.Window(context.Background(), channel, since)
	if err != nil {
		t.Fatalf("Window(%s, %v): %v", channel, since, err)
	}
	return w
}

// postWindow records and finishes a run that posts a digest covering the
// window, with the facts given, and returns the run.
func postWindow(t testing.TB, db *DB, w digest.Window, at time.Time, facts ...digest.Fact) digest.Run {
	t.Helper()
	ctx := context.Background()
	r, created, err := db.StartRun(ctx, w.Channel, at, false, digest.Digest{Channel: w.Channel, Since: w.Since, Cursor: w.Cursor, Facts: facts})
	if err != nil || !created {
		t.Fatalf("StartRun(%s, %v) = created %v, %v", w.Channel, at, created, err)
	}
	if err := db.FinishRun(ctx, r.ID, at); err != nil {
		t.Fatalf("FinishRun(%d): %v", r.ID, err)
	}
	return r
}

// sources lists the articles' source names.
func sources(arts []digest.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Doc.Source
	}
	return out
}

// sentenceIndex returns where s stands among the article's sentences, or
// -1.
func sentenceIndex(a digest.Article, s string) int { return slices.Index(a.Sentences, s) }

func TestDigestWindowSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	w := mustWindow(t, db, "general", time.Time{})

	if w.Channel != "general" || !w.Since.IsZero() || w.Total != 5 || len(w.Told) != 0 || w.Told == nil {
		t.Errorf("window: channel %q, since %v, total %d, told %v; want general, zero, 5, empty", w.Channel, w.Since, w.Total, w.Told)
	}
	if got, want := sources(w.Articles), []string{seed000, seed001, seed002, seed003, seed004}; !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q (oldest first)", got, want)
	}
	if last := w.Articles[4].Doc.ID; w.Cursor != last {
		t.Errorf("cursor %d, want the last article's id %d", w.Cursor, last)
	}

	var doha int64
	reporting := map[string]bool{}
	for i, a := range w.Articles {
		if i > 0 && a.Doc.ID <= w.Articles[i-1].Doc.ID {
			t.Errorf("article %s out of order", a.Doc.Source)
		}
		if !a.IngestedAt.Equal(fixedNow()) || a.IngestedAt.Location() != time.UTC {
			t.Errorf("%s ingested at %v, want %v in UTC", a.Doc.Source, a.IngestedAt, fixedNow())
		}
		if a.Doc.Title == "" {
			t.Errorf("%s has no title", a.Doc.Source)
		}
		// Sentences: the body's, headings left out, in order.
		want, err := db.strings(ctx, `SELECT text FROM sentences WHERE document_id = ? AND heading = 0 ORDER BY seq`, a.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.Sentences, want) || len(want) == 0 {
			t.Errorf("%s: %d sentences, want the %d that are not headings", a.Doc.Source, len(a.Sentences), len(want))
		}
		// People: as personRef names them, most mentioned first.
		for j, p := range a.People {
			ref, _, err := db.personRef(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p.PersonRef != ref || p.Mentions < 1 {
				t.Errorf("%s: person %+v, want %+v with mentions", a.Doc.Source, p, ref)
			}
			if j > 0 {
				prev := a.People[j-1]
				if prev.Mentions < p.Mentions || prev.Mentions == p.Mentions && prev.Name > p.Name {
					t.Errorf("%s: %s (%d) after %s (%d)", a.Doc.Source, p.Name, p.Mentions, prev.Name, prev.Mentions)
				}
			}
		}
		// Quotes, figures and meetings in reading order.
		last := -1
		for _, q := range a.Quotes {
			at := sentenceIndex(a, q.Context)
			if at < last || q.Source != a.Doc || q.Speaker == nil {
				t.Errorf("%s: quote %q at sentence %d (after %d), source %v, speaker %v", a.Doc.Source, q.Text, at, last, q.Source.Source, q.Speaker)
			}
			last = at
		}
		last = -1
		for _, f := range a.Figures {
			at := sentenceIndex(a, f.Sentence)
			if at < last || !strings.Contains(f.Sentence, f.Text) {
				t.Errorf("%s: figure %q in %q at sentence %d (after %d)", a.Doc.Source, f.Text, f.Sentence, at, last)
			}
			last = at
		}
		last = -1
		for _, m := range a.Meetings {
			if m.Kind != briefing.InPerson {
				t.Errorf("%s: meeting %d is a %s", a.Doc.Source, m.ID, m.Kind)
			}
			i := slices.IndexFunc(m.Sources, func(s briefing.MeetingSource) bool { return s.ID == a.Doc.ID })
			if i < 0 {
				t.Errorf("%s: meeting %d has no report from it", a.Doc.Source, m.ID)
				continue
			}
			at := sentenceIndex(a, m.Sources[i].Evidence)
			if at < last {
				t.Errorf("%s: meeting %d reported at sentence %d, after one at %d", a.Doc.Source, m.ID, at, last)
			}
			last = at
			if m.Place == "Doha" {
				doha = m.ID
				reporting[a.Doc.Source] = true
			}
		}
	}

	// The Doha meeting, in every article reporting it, with all its
	// sources.
	if got, want := sortedCopy(keysOfBool(reporting)), []string{seed000, seed001, seed003}; !slices.Equal(got, want) {
		t.Errorf("the Doha meeting is in %q, want %q", got, want)
	}
	for _, a := range w.Articles {
		for _, m := range a.Meetings {
			if m.ID == doha {
				if got := sortedCopy(sourceNames(m.Sources)); !slices.Equal(got, []string{seed000, seed001, seed003}) {
					t.Errorf("%s: the Doha meeting's sources %q", a.Doc.Source, got)
				}
				if !slices.Contains(refNames(m.Participants), "David Barnea") || m.Date.String() != "2024-03-22" {
					t.Errorf("%s: the Doha meeting: participants %q, date %s", a.Doc.Source, refNames(m.Participants), m.Date)
				}
			}
		}
	}

	// Blinken's quotes, as Quotes builds them; his role; a figure.
	blinken := personID(t, db, "Antony Blinken")
	want, err := db.Quotes(ctx, blinken, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]briefing.QuoteRecord{}
	for _, a := range w.Articles {
		for _, q := range a.Quotes {
			if q.Speaker != nil && q.Speaker.ID == blinken {
				got[q.ID] = q
			}
		}
	}
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%d quotes of Blinken in the window, want %d", len(got), len(want))
	}
	for _, q := range want {
		g, ok := got[q.ID]
		if !ok || g.Text != q.Text || g.Partial != q.Partial || g.Verb != q.Verb || g.Context != q.Context || g.Source != q.Source || *g.Speaker != *q.Speaker {
			t.Errorf("quote %d\n got %+v\nwant %+v", q.ID, g, q)
		}
	}
	first := w.Articles[0].People[0]
	if first.Name != "Antony Blinken" || first.Role != "US Secretary of State" || first.Mentions != 5 {
		t.Errorf("%s: first person %+v, want Antony Blinken, US Secretary of State, 5 mentions", seed000, first)
	}
	var figures []string
	for _, f := range w.Articles[3].Figures {
		figures = append(figures, f.Text)
	}
	if !slices.Contains(figures, "some 40 of the remaining 134 hostages") {
		t.Errorf("%s: figures %q", seed003, figures)
	}
}

func keysOfBool(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDigestWindowAfterPosting(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	w := mustWindow(t, db, "general", time.Time{})
	posted := time.Date(2024, time.April, 3, 7, 0, 0, 123456789, time.FixedZone("IDT", 3*3600))
	facts := []digest.Fact{
		{Kind: digest.FactQuote, Key: "blinken|gaps narrowing", Text: "The gaps are narrowing."},
		{Kind: digest.FactMeeting, Key: "1|planned", Text: "Barnea and Burns to meet in Doha"},
		{Kind: digest.FactFigure, Key: "134 hostages", Text: "some 40 of the remaining 134 hostages"},
	}
	postWindow(t, db, w, posted, facts...)

	// Nothing new: an empty window starting where the last ended.
	again := mustWindow(t, db, "general", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(again.Articles) != 0 || again.Total != 0 || again.Cursor != w.Cursor {
		t.Errorf("window after posting: %d articles, total %d, cursor %d; want none, 0, %d", len(again.Articles), again.Total, again.Cursor, w.Cursor)
	}
	if !again.Since.Equal(posted) || again.Since.Location() != time.UTC {
		t.Errorf("since %v, want the posting time %v in UTC", again.Since, posted)
	}
	wantTold := slices.Clone(facts)
	slices.SortFunc(wantTold, func(a, b digest.Fact) int {
		return strings.Compare(string(a.Kind)+"\x00"+a.Key, string(b.Kind)+"\x00"+b.Key)
	})
	if !reflect.DeepEqual(again.Told, wantTold) {
		t.Errorf("told %+v, want %+v", again.Told, wantTold)
	}

	// Another channel is not affected.
	if other := mustWindow(t, db, "other", time.Time{}); other.Total != 5 || len(other.Told) != 0 {
		t.Errorf("other channel: total %d, told %d; want 5, 0", other.Total, len(other.Told))
	}

	// A new article, whatever since says once the channel has posted.
	ingestHand(t, db, handArticle{source: "new.txt", published: "2019-01-01", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	next := mustWindow(t, db, "general", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if got := sources(next.Articles); !slices.Equal(got, []string{"new.txt"}) || next.Total != 1 || next.Cursor != w.Cursor+1 {
		t.Errorf("next window: %q, total %d, cursor %d; want [new.txt], 1, %d", got, next.Total, next.Cursor, w.Cursor+1)
	}
	if _, err := db.Window(ctx, "general", time.Time{}); err != nil {
		t.Fatal(err)
	}
}

func TestDigestWindowSince(t *testing.T) {
	db, clock := openClocked(t)
	ingest := func(at string, h handArticle) {
		t.Helper()
		ts, err := time.Parse(time.RFC3339, at)
		if err != nil {
			t.Fatal(err)
		}
		clock.set(ts)
		ingestHand(t, db, h)
	}
	ingest("2024-03-01T12:00:00Z", handArticle{source: "a.txt", published: "2024-03-01"})
	ingest("2024-03-10T12:00:00Z", handArticle{source: "b.txt", published: "2024-03-10"})
	ingest("2024-03-04T23:30:00Z", handArticle{source: "c.txt"}) // undated: its ingestion day
	ingest("2024-03-12T10:00:00Z", handArticle{source: "d.txt"})
	ingest("2024-03-13T10:00:00Z", handArticle{source: "e.txt", published: "2024-02-20"}) // an old article, stored last

	day := func(s string, loc *time.Location) time.Time {
		ts, err := time.ParseInLocation("2006-01-02T15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	east, west := time.FixedZone("UTC+5", 5*3600), time.FixedZone("UTC-5", -5*3600)
	tests := []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"no start", time.Time{}, []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}},
		{"before everything", day("2024-02-01T00:00", time.UTC), []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}},
		{"ingestion day of an undated article", day("2024-03-04T18:00", time.UTC), []string{"b.txt", "c.txt", "d.txt"}},
		{"the day after", day("2024-03-05T00:00", time.UTC), []string{"b.txt", "d.txt"}},
		{"publication day, east of UTC", day("2024-03-10T02:00", east), []string{"b.txt", "d.txt"}},
		{"publication day, west of UTC (the next day in UTC)", day("2024-03-10T23:00", west), []string{"b.txt", "d.txt"}},
		{"the day after, west of UTC", day("2024-03-11T00:30", west), []string{"d.txt"}},
		{"after everything", day("2024-03-13T00:00", time.UTC), []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, db, "new-channel", tc.since)
			if got := sources(w.Articles); !slices.Equal(got, tc.want) || w.Total != len(tc.want) {
				t.Errorf("articles %q (total %d), want %q", got, w.Total, tc.want)
			}
			if !w.Since.Equal(tc.since) {
				t.Errorf("since %v, want %v", w.Since, tc.since)
			}
			// The window ends after the last article it looked at, even
			// one the start left out, so that it is not looked at again.
			if w.Cursor != 5 {
				t.Errorf("cursor %d, want 5", w.Cursor)
			}
		})
	}

	// Posted: the articles left out do not come back.
	w := mustWindow(t, db, "new-channel", day("2024-03-13T00:00", time.UTC))
	postWindow(t, db, w, day("2024-03-14T08:00", time.UTC))
	clock.set(day("2024-03-14T09:00", time.UTC))
	ingestHand(t, db, handArticle{source: "f.txt", published: "2024-01-01"})
	if got := sources(mustWindow(t, db, "new-channel", time.Time{}).Articles); !slices.Equal(got, []string{"f.txt"}) {
		t.Errorf("after posting: %q, want [f.txt]", got)
	}
}

func TestDigestWindowKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	for _, s := range []string{"1.txt", "2.txt", "3.txt", "4.txt", "5.txt", "6.txt", "7.txt"} {
		ingestHand(t, db, handArticle{source: s, entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	}
	windowOf := func(channel string, limit int) digest.Window {
		t.Helper()
		var w digest.Window
		err := db.snapshot(ctx, func(q querier) error {
			var err error
			w, err = db.window(ctx, q, channel, time.Time{}, limit)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	if _, err := db.sql.Exec(`INSERT INTO digest_channels(channel, cursor, last_posted) VALUES ('later', 2, ?)`, timeArg(fixedNow())); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		channel string
		limit   int
		want    []string
		total   int
	}{
		{"new", 3, []string{"5.txt", "6.txt", "7.txt"}, 7},
		{"new", 7, []string{"1.txt", "2.txt", "3.txt", "4.txt", "5.txt", "6.txt", "7.txt"}, 7},
		{"new", 10, []string{"1.txt", "2.txt", "3.txt", "4.txt", "5.txt", "6.txt", "7.txt"}, 7},
		{"new", 1, []string{"7.txt"}, 7},
		{"later", 3, []string{"5.txt", "6.txt", "7.txt"}, 5},
		{"later", 5, []string{"3.txt", "4.txt", "5.txt", "6.txt", "7.txt"}, 5},
	}
	for _, tc := range tests {
		w := windowOf(tc.channel, tc.limit)
		if got := sources(w.Articles); !slices.Equal(got, tc.want) || w.Total != tc.total || w.Cursor != 7 {
			t.Errorf("%s, limit %d: %q, total %d, cursor %d; want %q, %d, 7", tc.channel, tc.limit, got, w.Total, w.Cursor, tc.want, tc.total)
		}
		for _, a := range w.Articles {
			if len(a.People) != 1 || a.People[0].Name != "Noam Varsano" {
				t.Errorf("%s: people %+v", a.Doc.Source, a.People)
			}
		}
	}
}

func TestDigestWindowMeetings(t *testing.T) {
	db := openTestDB(t)
	noamDana := []string{"Noam Varsano", "Dana Elkayam"}
	r1 := report{source: "r1.txt", published: "2024-03-20", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-22", status: briefing.Planned}.article(t)
	// r1 also reports a call, which is not a meeting.
	r1.meetings = append(r1.meetings, briefing.ExtractedMeeting{Kind: briefing.Call, Participants: []int{0, 1}, Place: -1, Status: briefing.Held, Sentences: []int{1}})
	ingestHand(t, db, r1)
	if n := countRows(t, db, "meetings"); n != 2 {
		t.Fatalf("%d meetings stored, want a meeting and a call", n)
	}
	w := mustWindow(t, db, "c", time.Time{})
	if len(w.Articles) != 1 || len(w.Articles[0].Meetings) != 1 || w.Articles[0].Meetings[0].Kind != briefing.InPerson {
		t.Fatalf("window: %+v, want one article with one in-person meeting", w.Articles)
	}
	postWindow(t, db, w, fixedNow())

	// A later report of the same meeting: merged with the earlier one,
	// which is not in the window.
	r2 := report{source: "r2.txt", published: "2024-03-23", people: noamDana, place: "Doha", country: "Qatar", date: "2024-03-22", status: briefing.Held}.article(t)
	ingestHand(t, db, r2)
	w = mustWindow(t, db, "c", time.Time{})
	if len(w.Articles) != 1 || len(w.Articles[0].Meetings) != 1 {
		t.Fatalf("window: %+v, want one article with one meeting", w.Articles)
	}
	m := w.Articles[0].Meetings[0]
	if got := sourceNames(m.Sources); !slices.Equal(got, []string{"r1.txt", "r2.txt"}) || m.Status != briefing.Held {
		t.Errorf("meeting sources %q, status %s; want [r1.txt r2.txt], held", got, m.Status)
	}
}

func TestDigestWindowEmptyCorpus(t *testing.T) {
	db := openTestDB(t)
	w := mustWindow(t, db, "c", fixedNow())
	if w.Channel != "c" || w.Total != 0 || w.Cursor != 0 || w.Articles == nil || len(w.Articles) != 0 || !w.Since.Equal(fixedNow()) {
		t.Errorf("window of an empty corpus: %+v", w)
	}
}

// TestDigestWindowDuringIngest reads windows while articles are stored;
// run with -race. Every window is consistent: as many articles as its
// cursor says.
func TestDigestWindowDuringIngest(t *testing.T) {
	db := seedDB(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 20 {
			h := handArticle{source: "more-" + string(rune('a'+i)) + ".txt", entities: []briefing.ExtractedEntity{person("Noam Varsano"), person("Dana Elkayam")}}
			if _, err := db.Ingest(context.Background(), h.extraction(t)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for stop := false; !stop; {
		select {
		case <-done:
			stop = true // one more window, after the last article
		default:
		}
		w, err := db.Window(context.Background(), "c", time.Time{})
		if err != nil {
			t.Error(err)
			break
		}
		if int64(w.Total) != w.Cursor || len(w.Articles) != w.Total {
			t.Errorf("window of %d articles, total %d, ends at %d", len(w.Articles), w.Total, w.Cursor)
			break
		}
		if stop && w.Total != 25 {
			t.Errorf("last window: %d articles, want 25", w.Total)
		}
	}
	<-done
}
