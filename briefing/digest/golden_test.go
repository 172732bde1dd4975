package digest_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing/digest"
	"briefbot/internal/clocktest"
	"briefbot/storage"
)

// The channel of the golden digests.
const desk = "desk"

// dayOne returns a database holding the seeds, its file and its clock,
// at dayOneIngest.
func dayOne(t *testing.T) (*storage.DB, string, *clocktest.Clock) {
	t.Helper()
	clock := clocktest.New(dayOneIngest)
	db, path := openDB(t, clock)
	if sum := ingestItems(t, db, seedItems(t)); sum.Ingested != 5 {
		t.Fatalf("seeds: ingested %d, want 5", sum.Ingested)
	}
	return db, path, clock
}

// dayTwo returns the database of dayOne after the first digest was
// committed at firstPost and day two ingested at dayTwoIngest.
func dayTwo(t *testing.T) (*storage.DB, *clocktest.Clock) {
	t.Helper()
	db, _, clock := dayOne(t)
	clock.Set(firstPost)
	commit(t, db, clock, desk)
	clock.Set(dayTwoIngest)
	if sum := ingestItems(t, db, dirItems(t, "testdata/day2")); sum.Ingested != 5 {
		t.Fatalf("day two: ingested %d, want 5", sum.Ingested)
	}
	return db, clock
}

func TestGoldenDayOne(t *testing.T) {
	db, _, _ := dayOne(t)
	w := window(t, db, desk)
	if !w.Since.IsZero() || len(w.Articles) != 5 || len(w.Told) != 0 {
		t.Fatalf("first window: since %v, %d articles, %d facts told; want zero, 5, 0", w.Since, len(w.Articles), len(w.Told))
	}
	before := mustJSON(t, w)
	d := digest.Compose(w)
	if after := mustJSON(t, w); after != before {
		t.Errorf("Compose changed its window:\n%s", lineDiff(before, after))
	}
	got := text(t, d)
	golden(t, "day1.golden", got)

	if d.Empty() {
		t.Fatalf("the first digest is empty:\n%s", got)
	}
	if d.Articles != 5 || d.Duplicates != 0 || d.Unread != 0 {
		t.Errorf("articles %d, duplicates %d, unread %d; want 5, 0, 0", d.Articles, d.Duplicates, d.Unread)
	}
	const head = "Barnea, Burns, Al-Thani and Kamel to meet in Doha on Friday 22 March 2024"
	if h := d.Stories[0].Headline; h != head {
		t.Errorf("first headline = %q, want %q", h, head)
	}
	var meeting *digest.Bullet
	for i, b := range d.Stories[0].Bullets {
		if b.Kind == digest.FactMeeting {
			meeting = &d.Stories[0].Bullets[i]
			break
		}
	}
	switch {
	case meeting == nil:
		t.Errorf("the first story has no meeting bullet: %+v", d.Stories[0].Bullets)
	case len(meeting.Sources) != 3:
		t.Errorf("the Doha meeting bullet cites %d sources, want 3 (000, 001, 003): %s", len(meeting.Sources), digest.Citations(meeting.Sources))
	case !strings.HasPrefix(meeting.Text, "Planned meeting in Doha"):
		t.Errorf("the Doha meeting bullet = %q, want a planned meeting in Doha", meeting.Text)
	}
	for _, want := range []string{"Blinken", "resolution"} {
		if !strings.Contains(got, want) {
			t.Errorf("the first digest does not mention %q:\n%s", want, got)
		}
	}
	// Every story and bullet cites its sources, by file name.
	cited := map[string]bool{}
	for _, s := range d.Stories {
		if len(s.Sources) == 0 {
			t.Errorf("story %q cites no source", s.Headline)
		}
		for _, b := range s.Bullets {
			if len(b.Sources) == 0 {
				t.Errorf("bullet %q cites no source", b.Text)
			}
		}
		for _, src := range s.Sources {
			cited[src.Source] = true
		}
	}
	for src := range cited {
		if !strings.Contains(got, src) {
			t.Errorf("the text does not cite %s", src)
		}
	}
	if len(cited) != 5 {
		t.Errorf("the stories cite %d of the 5 articles", len(cited))
	}
	// One Discord message: at most 10 stories (the bot checks the length
	// of what it posts).
	if len(d.Stories) > 10 {
		t.Errorf("%d stories, want at most 10", len(d.Stories))
	}

	// Composition is pure: the same window gives the same digest, byte
	// for byte, and so does the same window read again.
	for i, again := range []digest.Window{w, w, window(t, db, desk)} {
		d2 := digest.Compose(again)
		if t2 := text(t, d2); t2 != got {
			t.Errorf("compose %d: text differs:\n%s", i+2, lineDiff(got, t2))
		}
		if j1, j2 := mustJSON(t, d), mustJSON(t, d2); j1 != j2 {
			t.Errorf("compose %d: JSON differs:\n%s", i+2, lineDiff(j1, j2))
		}
	}
}

func TestCommittedDayOneThenQuiet(t *testing.T) {
	db, _, clock := dayOne(t)
	clock.Set(firstPost)
	run := commit(t, db, clock, desk)
	if run.Digest.Empty() || len(run.MessageIDs) != 0 {
		t.Fatalf("committed run: %d stories, %d messages; want a digest and no message", len(run.Digest.Stories), len(run.MessageIDs))
	}
	w := window(t, db, desk)
	if len(w.Articles) != 0 || !w.Since.Equal(firstPost) || len(w.Told) == 0 {
		t.Fatalf("window after the first digest: %d articles since %v, %d facts told; want none since %v and the facts told", len(w.Articles), w.Since, len(w.Told), firstPost)
	}
	d := digest.Compose(w)
	if !d.Empty() {
		t.Errorf("the next digest is not empty:\n%s", text(t, d))
	}
	const want = "No new developments since 2024-03-22 08:00 UTC.\n"
	if got := text(t, d); got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestGoldenDayTwo(t *testing.T) {
	db, _ := dayTwo(t)
	w := window(t, db, desk)
	if len(w.Articles) != 5 || !w.Since.Equal(firstPost) {
		t.Fatalf("day-two window: %d articles since %v; want 5 since %v", len(w.Articles), w.Since, firstPost)
	}
	d := digest.Compose(w)
	got := text(t, d)
	golden(t, "day2.golden", got)

	if d.Articles != 5 || d.Duplicates != 1 {
		t.Errorf("articles %d, duplicates %d; want 5, 1 (009 copies 007)", d.Articles, d.Duplicates)
	}

	// The new facts.
	if s := findStory(d, func(s digest.Story) bool { return strings.Contains(s.Headline, " met in Doha") }); s == nil {
		t.Errorf("no story headed by the Doha meeting held (“… met in Doha …”):\n%s", got)
	} else if !strings.HasPrefix(s.Headline, "Barnea, Burns, Al-Thani and Kamel met in Doha") {
		t.Errorf("Doha headline = %q, want Barnea, Burns, Al-Thani and Kamel met in Doha …", s.Headline)
	}
	veto := findStory(d, func(s digest.Story) bool { return strings.Contains(storyText(s), "vetoed") })
	if veto == nil {
		t.Errorf("no story reports the UN veto:\n%s", got)
	} else {
		var sources []string
		for _, src := range veto.Sources {
			sources = append(sources, src.Source)
		}
		for _, want := range []string{"007_unsc_veto.txt", "009_unsc_veto_second_outlet.txt"} {
			if !slices.Contains(sources, want) {
				t.Errorf("the veto story's sources %v lack %s", sources, want)
			}
		}
	}
	if !hasQuote(d, "Thomas-Greenfield", "Russia and China could not bring themselves to back a text") {
		t.Errorf("no quote of Thomas-Greenfield on the veto:\n%s", got)
	}
	if !hasQuote(d, "al-Ansari", "The discussions in Doha were serious and constructive") {
		t.Errorf("no quote of al-Ansari on the Doha talks:\n%s", got)
	}
	telAviv := findStory(d, func(s digest.Story) bool {
		for _, b := range s.Bullets {
			if b.Kind == digest.FactMeeting && strings.HasPrefix(b.Text, "Held meeting in Tel Aviv") &&
				strings.Contains(b.Text, "Blinken") && strings.Contains(b.Text, "Netanyahu") {
				return true
			}
		}
		return false
	})
	if telAviv == nil {
		t.Errorf("no bullet on Blinken meeting Netanyahu in Tel Aviv:\n%s", got)
	} else if want := "Blinken and Netanyahu met in Tel Aviv"; !strings.HasPrefix(telAviv.Headline, want) {
		t.Errorf("Tel Aviv headline = %q, want %s …", telAviv.Headline, want)
	}

	// None of the old ones.
	lower := strings.ToLower(got)
	for _, old := range []string{
		"The gaps are narrowing",
		"a major military operation in Rafah would be a mistake",
		"A very strong proposal",
		"Planned meeting in Doha",
		"some 40 of the remaining 134 hostages",
	} {
		if strings.Contains(lower, strings.ToLower(old)) {
			t.Errorf("the day-two digest repeats the day-one fact %q:\n%s", old, got)
		}
	}
}

func TestCommittedDayTwoThenQuiet(t *testing.T) {
	db, clock := dayTwo(t)
	clock.Set(secondPost)
	if run := commit(t, db, clock, desk); run.Digest.Empty() {
		t.Fatal("the day-two digest committed is empty")
	}
	d := digest.Compose(window(t, db, desk))
	const want = "No new developments since 2024-03-23 08:00 UTC.\n"
	if got := text(t, d); !d.Empty() || got != want {
		t.Errorf("third digest = %q, want %q", got, want)
	}
}

func findStory(d digest.Digest, ok func(digest.Story) bool) *digest.Story {
	for i := range d.Stories {
		if ok(d.Stories[i]) {
			return &d.Stories[i]
		}
	}
	return nil
}

// storyText is what a story says: headline, what's new and bullets.
func storyText(s digest.Story) string {
	parts := []string{s.Headline, s.WhatsNew}
	for _, b := range s.Bullets {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "\n")
}

// hasQuote reports whether a story quotes a speaker (by part of the
// name) saying text (its beginning).
func hasQuote(d digest.Digest, speaker, text string) bool {
	for _, s := range d.Stories {
		for _, q := range s.Quotes {
			if q.Speaker != nil && strings.Contains(q.Speaker.Name, speaker) && strings.HasPrefix(q.Text, text) {
				return true
			}
		}
	}
	return false
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

func TestComposeEmptyWindow(t *testing.T) {
	d := digest.Compose(digest.Window{Channel: desk})
	if !d.Empty() || d.Articles != 0 || len(d.Facts) != 0 {
		t.Errorf("digest of nothing: %+v", d)
	}
	const want = "No new developments: nothing in the corpus yet.\n"
	if got := text(t, d); got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestWriteTextFooter(t *testing.T) {
	db, _, _ := dayOne(t)
	w := window(t, db, desk)
	w.Total = len(w.Articles) + 7 // as if the window had been cut
	d := digest.Compose(w)
	if d.Unread != 7 {
		t.Fatalf("unread %d, want 7", d.Unread)
	}
	d.Omitted = 2
	got := text(t, d)
	for _, want := range []string{
		"\n2 more stories with new developments not shown: ask with /search or /timeline.",
		"Composed from the newest 2000 articles; 7 older new ones were not read.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
}
