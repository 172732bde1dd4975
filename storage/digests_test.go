package storage

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// runByID reads a run as stored.
func runByID(t testing.TB, db *DB, id int64) digest.Run {
	t.Helper()
	r, err := scanRun(db.sql.QueryRow(`SELECT `+runColumns+` FROM digest_runs WHERE id = ?`, id))
	if err != nil {
		t.Fatalf("run %d: %v", id, err)
	}
	return r
}

// channelState reads a channel's cursor and last posting.
func channelState(t testing.TB, db *DB, channel string) (int64, string) {
	t.Helper()
	var cursor int64
	var posted string
	if err := db.sql.QueryRow(`SELECT cursor, last_posted FROM digest_channels WHERE channel = ?`, channel).Scan(&cursor, &posted); err != nil {
		t.Fatalf("channel %s: %v", channel, err)
	}
	return cursor, posted
}

// sampleDigest is a digest with something in every field.
func sampleDigest(channel string, cursor int64, facts ...digest.Fact) digest.Digest {
	src := briefing.DocumentRef{Source: "a.txt", Title: "Talks resume", URL: "https://example.com/a", Outlet: "Example", Published: briefing.Date{Year: 2024, Month: time.March, Day: 21}}
	speaker := briefing.PersonRef{ID: 7, Name: "Antony Blinken", Role: "US Secretary of State"}
	return digest.Digest{
		Channel: channel,
		Since:   time.Date(2024, time.April, 1, 7, 0, 0, 5, time.UTC),
		Stories: []digest.Story{{
			Headline: "Talks resume in Doha",
			WhatsNew: "Negotiators meet on Friday.",
			Bullets:  []digest.Bullet{{Kind: digest.FactMeeting, Text: "Barnea to meet Burns in Doha", Sources: []briefing.DocumentRef{src}}},
			Quotes:   []briefing.QuoteRecord{{ID: 3, Speaker: &speaker, Text: "The gaps are narrowing.", Verb: "said", Context: "“The gaps are narrowing,” he said.", Source: src}},
			Sources:  []briefing.DocumentRef{src},
		}},
		Articles: 4, Duplicates: 1, Omitted: 2, Unread: 3,
		Cursor: cursor,
		Facts:  facts,
	}
}

func TestStartRunIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	// A key with nanoseconds, in another zone: it round-trips exactly.
	at := time.Date(2024, time.April, 3, 8, 0, 0, 120, time.FixedZone("IDT", 3*3600))
	d := sampleDigest("general", 42, digest.Fact{Kind: digest.FactMeeting, Key: "1|planned", Text: "Doha"})

	r, created, err := db.StartRun(ctx, "general", at, false, d)
	if err != nil || !created {
		t.Fatalf("StartRun = created %v, %v; want created", created, err)
	}
	if r.ID == 0 || r.Channel != "general" || r.State != digest.RunPending || r.Manual || r.Attempts != 0 || r.LastError != "" {
		t.Errorf("new run %+v", r)
	}
	if !r.ScheduledFor.Equal(at) || r.ScheduledFor.Location() != time.UTC || r.ScheduledFor != at.UTC() {
		t.Errorf("scheduled for %v, want %v in UTC", r.ScheduledFor, at)
	}
	if !r.StartedAt.Equal(fixedNow()) || !r.FinishedAt.IsZero() || !r.NextAttempt.IsZero() {
		t.Errorf("started %v, finished %v, next %v; want %v, zero, zero", r.StartedAt, r.FinishedAt, r.NextAttempt, fixedNow())
	}
	if !reflect.DeepEqual(r.Digest, d) {
		t.Errorf("digest\n got %+v\nwant %+v", r.Digest, d)
	}
	if r.MessageIDs == nil || len(r.MessageIDs) != 0 {
		t.Errorf("message ids %#v, want empty", r.MessageIDs)
	}

	// The same key: the run as it was, whatever is asked now.
	again, created, err := db.StartRun(ctx, "general", at.UTC(), true, sampleDigest("general", 99))
	if err != nil || created {
		t.Fatalf("StartRun again = created %v, %v; want not created", created, err)
	}
	if !reflect.DeepEqual(again, r) {
		t.Errorf("run again\n got %+v\nwant %+v", again, r)
	}
	// Another time or another channel: another run.
	for _, k := range []struct {
		channel string
		at      time.Time
	}{{"general", at.Add(time.Nanosecond)}, {"other", at}} {
		o, created, err := db.StartRun(ctx, k.channel, k.at, true, d)
		if err != nil || !created || o.ID == r.ID || !o.Manual {
			t.Errorf("StartRun(%s, %v) = %d, created %v, manual %v, %v; want a new manual run", k.channel, k.at, o.ID, created, o.Manual, err)
		}
	}
	if n := countRows(t, db, "digest_runs"); n != 3 {
		t.Errorf("%d runs stored, want 3", n)
	}
	if _, _, err := db.StartRun(ctx, "", at, false, d); err == nil {
		t.Error("StartRun without a channel succeeded")
	}
}

func TestRunLifeCycle(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	facts := []digest.Fact{
		{Kind: digest.FactMeeting, Key: "1|planned", Text: "Barnea to meet Burns in Doha"},
		{Kind: digest.FactQuote, Key: "7|gaps narrowing", Text: "The gaps are narrowing."},
	}
	at := time.Date(2024, time.April, 3, 5, 0, 0, 0, time.UTC)
	r, _, err := db.StartRun(ctx, "general", at, false, sampleDigest("general", 5, facts...))
	if err != nil {
		t.Fatal(err)
	}

	// Parts, in order; the same part again is fine.
	steps := []struct {
		part    int
		id      string
		wantErr bool
		want    []string
	}{
		{0, "m0", false, []string{"m0"}},
		{0, "m0", false, []string{"m0"}},
		{2, "m2", true, []string{"m0"}}, // part 1 is missing
		{1, "m1", false, []string{"m0", "m1"}},
		{1, "m1", false, []string{"m0", "m1"}},
		{-1, "m", true, []string{"m0", "m1"}},
		{2, "", true, []string{"m0", "m1"}},
		{2, "m2", false, []string{"m0", "m1", "m2"}},
	}
	for _, s := range steps {
		err := db.RecordPart(ctx, r.ID, s.part, s.id)
		if (err != nil) != s.wantErr {
			t.Errorf("RecordPart(%d, %q) = %v, want error %v", s.part, s.id, err, s.wantErr)
		}
		if got := runByID(t, db, r.ID).MessageIDs; !slices.Equal(got, s.want) {
			t.Errorf("after RecordPart(%d, %q): %q, want %q", s.part, s.id, got, s.want)
		}
	}

	// A failed attempt: still pending, with when to try again.
	next := time.Date(2024, time.April, 3, 5, 1, 30, 250_000_000, time.Local)
	if err := db.RetryRun(ctx, r.ID, 2, next, "429 Too Many Requests"); err != nil {
		t.Fatal(err)
	}
	got := runByID(t, db, r.ID)
	if got.State != digest.RunPending || got.Attempts != 2 || got.NextAttempt != next.UTC() || got.LastError != "429 Too Many Requests" {
		t.Errorf("after RetryRun: state %s, attempts %d, next %v, error %q", got.State, got.Attempts, got.NextAttempt, got.LastError)
	}
	unfinished, err := db.UnfinishedRuns(ctx)
	if err != nil || len(unfinished) != 1 || !reflect.DeepEqual(unfinished[0], got) {
		t.Errorf("UnfinishedRuns = %+v, %v; want the run", unfinished, err)
	}

	// Done: the cursor moves and the facts are remembered.
	finished := time.Date(2024, time.April, 3, 5, 2, 0, 7, time.UTC)
	if err := db.FinishRun(ctx, r.ID, finished); err != nil {
		t.Fatal(err)
	}
	got = runByID(t, db, r.ID)
	if got.State != digest.RunDone || got.FinishedAt != finished || !slices.Equal(got.MessageIDs, []string{"m0", "m1", "m2"}) {
		t.Errorf("after FinishRun: state %s, finished %v, messages %q", got.State, got.FinishedAt, got.MessageIDs)
	}
	if cursor, posted := channelState(t, db, "general"); cursor != 5 || posted != timeArg(finished) {
		t.Errorf("channel: cursor %d, posted %s; want 5, %s", cursor, posted, timeArg(finished))
	}
	if n := countRows(t, db, "digest_facts"); n != 2 {
		t.Errorf("%d facts remembered, want 2", n)
	}
	if unfinished, err := db.UnfinishedRuns(ctx); err != nil || len(unfinished) != 0 {
		t.Errorf("UnfinishedRuns after finishing = %+v, %v; want none", unfinished, err)
	}

	// A done run changes no more.
	later := finished.Add(time.Hour)
	for name, call := range map[string]func() error{
		"FinishRun":  func() error { return db.FinishRun(ctx, r.ID, later) },
		"RecordPart": func() error { return db.RecordPart(ctx, r.ID, 3, "m3") },
		"RetryRun":   func() error { return db.RetryRun(ctx, r.ID, 3, later, "x") },
		"FailRun":    func() error { return db.FailRun(ctx, r.ID, "x") },
	} {
		if err := call(); err == nil {
			t.Errorf("%s of a done run succeeded", name)
		}
	}
	if again := runByID(t, db, r.ID); !reflect.DeepEqual(again, got) {
		t.Errorf("a done run changed:\n got %+v\nwant %+v", again, got)
	}
	if cursor, posted := channelState(t, db, "general"); cursor != 5 || posted != timeArg(finished) {
		t.Errorf("channel after a second FinishRun: cursor %d, posted %s", cursor, posted)
	}
	if n := countRows(t, db, "digest_facts"); n != 2 {
		t.Errorf("%d facts after a second FinishRun, want 2", n)
	}

	// Unknown runs.
	for name, call := range map[string]func() error{
		"FinishRun":  func() error { return db.FinishRun(ctx, 9999, later) },
		"RecordPart": func() error { return db.RecordPart(ctx, 9999, 0, "m") },
		"RetryRun":   func() error { return db.RetryRun(ctx, 9999, 1, later, "x") },
		"FailRun":    func() error { return db.FailRun(ctx, 9999, "x") },
	} {
		if err := call(); err == nil || !strings.Contains(err.Error(), "9999") {
			t.Errorf("%s of an unknown run = %v, want an error naming it", name, err)
		}
	}
}

func TestFailRun(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	w := mustWindow(t, db, "general", time.Time{})
	r, _, err := db.StartRun(ctx, "general", fixedNow(), false, sampleDigest("general", w.Cursor, digest.Fact{Kind: digest.FactFigure, Key: "k", Text: "t"}))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FailRun(ctx, r.ID, "missing access"); err != nil {
		t.Fatal(err)
	}
	got := runByID(t, db, r.ID)
	if got.State != digest.RunFailed || got.LastError != "missing access" || !got.FinishedAt.Equal(fixedNow()) {
		t.Errorf("failed run: state %s, error %q, finished %v", got.State, got.LastError, got.FinishedAt)
	}
	if unfinished, err := db.UnfinishedRuns(ctx); err != nil || len(unfinished) != 0 {
		t.Errorf("UnfinishedRuns = %+v, %v; want none", unfinished, err)
	}
	if err := db.FinishRun(ctx, r.ID, fixedNow()); err == nil {
		t.Error("FinishRun of a failed run succeeded")
	}
	// Nothing was posted: the window is as it was.
	if again := mustWindow(t, db, "general", time.Time{}); again.Total != 5 || len(again.Told) != 0 || !again.Since.IsZero() {
		t.Errorf("window after a failed run: total %d, told %d, since %v", again.Total, len(again.Told), again.Since)
	}
}

func TestUnfinishedRunsOldestFirst(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	base := time.Date(2024, time.April, 3, 9, 30, 0, 0, time.UTC)
	// Stored out of order; fractions of a second must sort too.
	keys := []struct {
		channel string
		at      time.Time
	}{
		{"b", base.Add(time.Second)},
		{"a", base.Add(500 * time.Millisecond)},
		{"c", base},
		{"a", base.Add(-time.Hour)},
		{"d", base.Add(time.Second + time.Nanosecond)},
	}
	for _, k := range keys {
		if _, _, err := db.StartRun(ctx, k.channel, k.at, false, digest.Digest{Channel: k.channel}); err != nil {
			t.Fatal(err)
		}
	}
	runs, err := db.UnfinishedRuns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []time.Time
	for _, r := range runs {
		got = append(got, r.ScheduledFor)
	}
	want := []time.Time{base.Add(-time.Hour), base, base.Add(500 * time.Millisecond), base.Add(time.Second), base.Add(time.Second + time.Nanosecond)}
	if !slices.Equal(got, want) {
		t.Errorf("unfinished runs scheduled for %v, want %v", got, want)
	}
}

func TestFinishRunNeverMovesTheCursorBack(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	first := time.Date(2024, time.April, 3, 8, 0, 0, 0, time.UTC)
	fact := func(text string) digest.Fact { return digest.Fact{Kind: digest.FactStatement, Key: "same", Text: text} }
	r1, _, err := db.StartRun(ctx, "general", first, false, digest.Digest{Cursor: 9, Facts: []digest.Fact{fact("first words")}})
	if err != nil {
		t.Fatal(err)
	}
	r2, _, err := db.StartRun(ctx, "general", first.Add(time.Hour), true, digest.Digest{Cursor: 4, Facts: []digest.Fact{fact("other words"), {Kind: digest.FactFigure, Key: "n", Text: "40"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, r1.ID, first); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, r2.ID, first.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if cursor, posted := channelState(t, db, "general"); cursor != 9 || posted != timeArg(first.Add(2*time.Hour)) {
		t.Errorf("cursor %d, posted %s; want 9 and the later posting", cursor, posted)
	}
	told := mustWindow(t, db, "general", time.Time{}).Told
	want := []digest.Fact{{Kind: digest.FactFigure, Key: "n", Text: "40"}, fact("first words")}
	if !reflect.DeepEqual(told, want) {
		t.Errorf("told %+v, want %+v (a fact once, as first said)", told, want)
	}
	var runID int64
	if err := db.sql.QueryRow(`SELECT run_id FROM digest_facts WHERE key = 'same'`).Scan(&runID); err != nil || runID != r1.ID {
		t.Errorf("fact recorded by run %d (%v), want %d", runID, err, r1.ID)
	}
}

func TestSubscriptionLifeCycle(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	created := time.Date(2024, time.March, 30, 18, 5, 1, 999, time.FixedZone("EST", -5*3600))
	subs := []digest.Subscription{
		{Channel: "c2", Guild: "g1", Schedule: "0 7 * * *", TimeZone: "Asia/Jerusalem", CreatedBy: "u1", CreatedAt: created},
		{Channel: "c1", Guild: "g2", Schedule: "@daily", TimeZone: "UTC", CreatedBy: "u2", CreatedAt: created.Add(time.Minute)},
		{Channel: "c3", Guild: "g1", Schedule: "30 6 * * 1-5", TimeZone: "Europe/London"},
	}
	for _, s := range subs {
		if err := db.Subscribe(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	list := func(guild string) []digest.Subscription {
		t.Helper()
		out, err := db.Subscriptions(ctx, guild)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	channels := func(ss []digest.Subscription) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Channel)
		}
		return out
	}
	all := list("")
	if got := channels(all); !slices.Equal(got, []string{"c1", "c2", "c3"}) {
		t.Fatalf("subscriptions %q, want c1 c2 c3", got)
	}
	want := subs[0]
	want.CreatedAt = created.UTC()
	if !reflect.DeepEqual(all[1], want) {
		t.Errorf("subscription\n got %+v\nwant %+v", all[1], want)
	}
	if !all[2].CreatedAt.Equal(fixedNow()) {
		t.Errorf("created at %v, want the clock's %v for none given", all[2].CreatedAt, fixedNow())
	}
	if got := channels(list("g1")); !slices.Equal(got, []string{"c2", "c3"}) {
		t.Errorf("guild g1: %q, want c2 c3", got)
	}
	if got := list("nobody"); got == nil || len(got) != 0 {
		t.Errorf("unknown guild: %+v, want empty", got)
	}

	// Paused; pausing a channel without a subscription does nothing.
	paused := time.Date(2024, time.April, 1, 3, 0, 0, 1, time.UTC)
	if err := db.PauseSubscription(ctx, "c2", "missing access", paused); err != nil {
		t.Fatal(err)
	}
	if err := db.PauseSubscription(ctx, "nowhere", "missing access", paused); err != nil {
		t.Errorf("PauseSubscription of an unsubscribed channel: %v", err)
	}
	all = list("")
	if len(all) != 3 || !all[1].Paused() || all[1].PausedAt != paused || all[1].PausedReason != "missing access" || all[0].Paused() {
		t.Errorf("after pausing c2: %+v", all)
	}

	// Subscribing again replaces the schedule and resumes.
	again := digest.Subscription{Channel: "c2", Guild: "g1", Schedule: "0 8 * * *", TimeZone: "UTC", CreatedBy: "u3", CreatedAt: paused.Add(time.Hour)}
	if err := db.Subscribe(ctx, again); err != nil {
		t.Fatal(err)
	}
	if got := list("g1")[0]; !reflect.DeepEqual(got, again) {
		t.Errorf("after subscribing again\n got %+v\nwant %+v", got, again)
	}

	// Unsubscribing.
	if ok, err := db.Unsubscribe(ctx, "c1"); err != nil || !ok {
		t.Errorf("Unsubscribe(c1) = %v, %v; want true", ok, err)
	}
	if ok, err := db.Unsubscribe(ctx, "c1"); err != nil || ok {
		t.Errorf("Unsubscribe(c1) again = %v, %v; want false", ok, err)
	}
	if got := channels(list("")); !slices.Equal(got, []string{"c2", "c3"}) {
		t.Errorf("after unsubscribing c1: %q", got)
	}
	if err := db.Subscribe(ctx, digest.Subscription{Schedule: "@daily", TimeZone: "UTC"}); err == nil {
		t.Error("Subscribe without a channel succeeded")
	}
}

func TestSubscriptionLastScheduledAndPosted(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	if err := db.Subscribe(ctx, digest.Subscription{Channel: "c", Schedule: "@daily", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sub := func() digest.Subscription {
		t.Helper()
		ss, err := db.Subscriptions(ctx, "")
		if err != nil || len(ss) != 1 {
			t.Fatalf("Subscriptions = %+v, %v", ss, err)
		}
		return ss[0]
	}
	if s := sub(); !s.LastScheduled.IsZero() || !s.LastPosted.IsZero() {
		t.Errorf("before any run: last scheduled %v, posted %v; want zero", s.LastScheduled, s.LastPosted)
	}
	day := time.Date(2024, time.April, 1, 7, 0, 0, 0, time.UTC)
	failed, _, err := db.StartRun(ctx, "c", day, false, digest.Digest{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FailRun(ctx, failed.ID, "gone"); err != nil {
		t.Fatal(err)
	}
	scheduled, _, err := db.StartRun(ctx, "c", day.AddDate(0, 0, 1), false, digest.Digest{})
	if err != nil {
		t.Fatal(err)
	}
	manual, _, err := db.StartRun(ctx, "c", day.AddDate(0, 0, 1).Add(3*time.Hour), true, digest.Digest{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.StartRun(ctx, "elsewhere", day.AddDate(0, 0, 5), false, digest.Digest{}); err != nil {
		t.Fatal(err)
	}
	posted := day.AddDate(0, 0, 1).Add(3*time.Hour + 2*time.Second)
	if err := db.FinishRun(ctx, manual.ID, posted); err != nil {
		t.Fatal(err)
	}
	s := sub()
	if s.LastScheduled != scheduled.ScheduledFor || s.LastPosted != posted {
		t.Errorf("last scheduled %v, posted %v; want %v (not the manual run), %v", s.LastScheduled, s.LastPosted, scheduled.ScheduledFor, posted)
	}
}

func TestDigestsSurviveReopening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	db, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ingestHand(t, db, handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	if err := db.Subscribe(ctx, digest.Subscription{Channel: "c", Guild: "g", Schedule: "@daily", TimeZone: "UTC", CreatedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PauseSubscription(ctx, "c", "missing access", fixedNow()); err != nil {
		t.Fatal(err)
	}
	w := mustWindow(t, db, "c", time.Time{})
	postWindow(t, db, w, fixedNow().Add(time.Minute), digest.Fact{Kind: digest.FactStatement, Key: "k", Text: "said"})
	pending, _, err := db.StartRun(ctx, "c", fixedNow().Add(24*time.Hour), false, sampleDigest("c", 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RecordPart(ctx, pending.ID, 0, "m0"); err != nil {
		t.Fatal(err)
	}
	subsBefore, err := db.Subscriptions(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	runsBefore, err := db.UnfinishedRuns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	windowBefore := mustWindow(t, db, "c", time.Time{})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db2 := openAt(t, path)
	subsAfter, err := db2.Subscriptions(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	runsAfter, err := db2.UnfinishedRuns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(subsAfter, subsBefore) || len(subsAfter) != 1 || !subsAfter[0].Paused() {
		t.Errorf("subscriptions after reopening\n got %+v\nwant %+v", subsAfter, subsBefore)
	}
	if !reflect.DeepEqual(runsAfter, runsBefore) || len(runsAfter) != 1 || !slices.Equal(runsAfter[0].MessageIDs, []string{"m0"}) {
		t.Errorf("unfinished runs after reopening\n got %+v\nwant %+v", runsAfter, runsBefore)
	}
	if windowAfter := mustWindow(t, db2, "c", time.Time{}); !reflect.DeepEqual(windowAfter, windowBefore) || len(windowAfter.Told) != 1 {
		t.Errorf("window after reopening\n got %+v\nwant %+v", windowAfter, windowBefore)
	}
}

// TestMigrationFromVersion1 upgrades a database made before digests.
func TestMigrationFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	db, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ingestHand(t, db, handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	// Back to version 1: as if made by the previous release.
	if _, err := db.sql.Exec(`DROP INDEX meetings_place; DROP TABLE watched_files; DROP TABLE feed_items; DROP TABLE feeds;
		DROP TABLE digest_facts; DROP TABLE digest_runs; DROP TABLE digest_subscriptions; DROP TABLE digest_channels;
		DELETE FROM schema_migrations WHERE version >= 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db2 := openAt(t, path)
	if v, err := db2.SchemaVersion(ctx); err != nil || v != latestSchema {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, latestSchema)
	}
	if n := countRows(t, db2, "documents"); n != 1 {
		t.Errorf("%d documents after upgrading, want 1", n)
	}
	if w := mustWindow(t, db2, "c", time.Time{}); w.Total != 1 {
		t.Errorf("window after upgrading: %d articles, want 1", w.Total)
	}
}

func TestDigestWritesWithCanceledContext(t *testing.T) {
	db := openTestDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := db.StartRun(ctx, "c", fixedNow(), false, digest.Digest{}); err == nil {
		t.Error("StartRun with a canceled context succeeded")
	}
	if err := db.Subscribe(ctx, digest.Subscription{Channel: "c", Schedule: "@daily", TimeZone: "UTC"}); err == nil {
		t.Error("Subscribe with a canceled context succeeded")
	}
	if _, err := db.Window(ctx, "c", time.Time{}); err == nil {
		t.Error("Window with a canceled context succeeded")
	}
	if n := countRows(t, db, "digest_runs") + countRows(t, db, "digest_subscriptions"); n != 0 {
		t.Errorf("%d rows written under a canceled context", n)
	}
	// The database works on afterwards.
	if _, created, err := db.StartRun(context.Background(), "c", fixedNow(), false, digest.Digest{}); err != nil || !created {
		t.Errorf("StartRun after a canceled one = created %v, %v", created, err)
	}
}
