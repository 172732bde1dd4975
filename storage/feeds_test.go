package storage

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
)

// addFeed stores a feed and fails the test on error.
func addFeed(t *testing.T, db *DB, f briefing.Feed) (briefing.Feed, bool) {
	t.Helper()
	got, created, err := db.AddFeed(context.Background(), f)
	if err != nil {
		t.Fatalf("AddFeed(%s): %v", f.URL, err)
	}
	return got, created
}

// mustFeed returns the stored feed with this URL.
func mustFeed(t *testing.T, db *DB, url string) briefing.Feed {
	t.Helper()
	f, ok, err := db.Feed(context.Background(), url)
	if err != nil || !ok {
		t.Fatalf("Feed(%s) = ok %v, err %v", url, ok, err)
	}
	return f
}

// feedURLs lists the URLs of feeds.
func feedURLs(fs []briefing.Feed) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.URL
	}
	return out
}

func TestAddFeedInsertsNewFeed(t *testing.T) {
	db := openTestDB(t)
	f, created := addFeed(t, db, briefing.Feed{URL: "https://a.example/feed", Every: time.Hour, Polled: true, Origin: "config"})
	if !created || f.ID == 0 {
		t.Fatalf("created %v, id %d", created, f.ID)
	}
	want := briefing.Feed{ID: f.ID, URL: "https://a.example/feed", Every: time.Hour, Polled: true, Origin: "config",
		NextCheck: fixedNow(), AddedAt: fixedNow()}
	if f != want {
		t.Errorf("stored feed\n got %+v\nwant %+v", f, want)
	}
	if got := mustFeed(t, db, f.URL); got != want {
		t.Errorf("Feed()\n got %+v\nwant %+v", got, want)
	}

	// A next check given is kept.
	later := fixedNow().Add(3 * time.Hour)
	g, created := addFeed(t, db, briefing.Feed{URL: "https://b.example/feed", Every: time.Hour, NextCheck: later})
	if !created || !g.NextCheck.Equal(later) || g.Polled {
		t.Errorf("feed with a next check: created %v, %+v", created, g)
	}

	if _, ok, err := db.Feed(context.Background(), "https://none.example/feed"); ok || err != nil {
		t.Errorf("Feed of an unknown URL: ok %v, err %v", ok, err)
	}
}

func TestAddFeedRefusesIncompleteFeeds(t *testing.T) {
	db := openTestDB(t)
	for _, f := range []briefing.Feed{
		{Every: time.Hour},
		{URL: "https://a.example/feed"},
		{URL: "https://a.example/feed", Every: -time.Hour},
	} {
		if _, _, err := db.AddFeed(context.Background(), f); err == nil {
			t.Errorf("AddFeed(%+v) succeeded", f)
		}
	}
	if fs, err := db.Feeds(context.Background()); err != nil || len(fs) != 0 {
		t.Errorf("feeds stored: %v, %v", fs, err)
	}
}

func TestAddFeedAgainUpdates(t *testing.T) {
	const url = "https://a.example/feed"
	polled := briefing.Feed{URL: url, Every: time.Hour, Polled: true, Origin: "config"}
	readOnce := briefing.Feed{URL: url, Every: 30 * time.Minute, Origin: "cli"}
	tests := []struct {
		name        string
		first, then briefing.Feed
		// want: what the second add leaves
		wantEvery  time.Duration
		wantPolled bool
		wantOrigin string
	}{
		{"polled feed re-added with a new schedule", polled,
			briefing.Feed{URL: url, Every: 2 * time.Hour, Polled: true, Origin: "discord:42"}, 2 * time.Hour, true, "discord:42"},
		{"polled feed read once stays polled, on its schedule", polled, readOnce, time.Hour, true, "config"},
		{"read-once feed becomes polled when added", readOnce, polled, time.Hour, true, "config"},
		{"read-once feed read once again", readOnce,
			briefing.Feed{URL: url, Every: 45 * time.Minute, Origin: "discord:7"}, 45 * time.Minute, false, "cli"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			ctx := context.Background()
			first, _ := addFeed(t, db, tc.first)
			// Where its polling stands is kept.
			first.Title, first.ETag, first.LastModified = "A feed", `"e1"`, "Mon, 25 Mar 2024 10:00:00 GMT"
			first.NextCheck = fixedNow().Add(20 * time.Minute)
			first.LastCheck, first.LastSuccess = fixedNow().Add(-time.Minute), fixedNow().Add(-time.Hour)
			first.Errors, first.LastError = 2, "boom"
			if err := db.SaveFeedPoll(ctx, first, 3); err != nil {
				t.Fatal(err)
			}
			got, created := addFeed(t, db, tc.then)
			if created {
				t.Error("created again")
			}
			want := first
			want.Articles = 3
			want.Every, want.Polled, want.Origin = tc.wantEvery, tc.wantPolled, tc.wantOrigin
			if got != want {
				t.Errorf("after adding again\n got %+v\nwant %+v", got, want)
			}
			if fs, err := db.Feeds(ctx); err != nil || len(fs) != 1 {
				t.Errorf("Feeds = %v, %v; want one", fs, err)
			}
		})
	}
}

func TestFeedsAndDueFeeds(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	now := fixedNow()
	for _, f := range []briefing.Feed{
		{URL: "https://z.example/late", NextCheck: now.Add(time.Minute), Polled: true},
		{URL: "https://y.example/due-now", NextCheck: now, Polled: true},
		{URL: "https://x.example/overdue", NextCheck: now.Add(-time.Hour), Polled: true},
		{URL: "https://w.example/once", NextCheck: now.Add(-2 * time.Hour)}, // read once: never due
		{URL: "https://v.example/same-time", NextCheck: now, Polled: true},
	} {
		f.Every = time.Hour
		addFeed(t, db, f)
	}
	due, err := db.DueFeeds(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	// Longest due first; the same time in the order they were added.
	want := []string{"https://x.example/overdue", "https://y.example/due-now", "https://v.example/same-time"}
	if got := feedURLs(due); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("DueFeeds = %v, want %v", got, want)
	}
	// The time given in another zone is the same instant.
	due, err = db.DueFeeds(ctx, now.In(time.FixedZone("X", -5*3600)))
	if err != nil || len(due) != 3 {
		t.Errorf("DueFeeds in another zone = %v, %v", feedURLs(due), err)
	}
	if due, err := db.DueFeeds(ctx, now.Add(-2*time.Hour)); err != nil || len(due) != 0 {
		t.Errorf("DueFeeds before all = %v, %v", feedURLs(due), err)
	}

	all, err := db.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"https://v.example/same-time", "https://x.example/overdue", "https://y.example/due-now",
		"https://z.example/late", "https://w.example/once"}
	if got := feedURLs(all); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Feeds = %v, want polled first, by URL: %v", got, want)
	}
}

func TestNextFeedCheck(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	next := func() time.Time {
		t.Helper()
		n, err := db.NextFeedCheck(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := next(); !n.IsZero() {
		t.Errorf("no feeds: NextFeedCheck = %v", n)
	}
	now := fixedNow()
	addFeed(t, db, briefing.Feed{URL: "https://a.example/once", Every: time.Hour, NextCheck: now.Add(-time.Hour)})
	if n := next(); !n.IsZero() {
		t.Errorf("only a read-once feed: NextFeedCheck = %v", n)
	}
	addFeed(t, db, briefing.Feed{URL: "https://b.example/feed", Every: time.Hour, Polled: true, NextCheck: now.Add(2 * time.Hour)})
	soon := now.Add(90*time.Minute + 123456789*time.Nanosecond)
	addFeed(t, db, briefing.Feed{URL: "https://c.example/feed", Every: time.Hour, Polled: true, NextCheck: soon})
	if n := next(); !n.Equal(soon) {
		t.Errorf("NextFeedCheck = %v, want %v", n, soon)
	}
}

func TestSaveFeedPollRoundTrip(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	f, _ := addFeed(t, db, briefing.Feed{URL: "https://a.example/feed", Every: time.Hour, Polled: true, Origin: "cli"})
	zone := time.FixedZone("AST", 3*3600)
	f.Title = "Gulf “Dispatch” — latest"
	f.ETag = `W/"abc-123"`
	f.LastModified = "Mon, 25 Mar 2024 10:00:00 GMT"
	f.NextCheck = time.Date(2024, 4, 2, 13, 0, 1, 123456789, zone)
	f.LastCheck = time.Date(2024, 4, 2, 12, 0, 0, 1, zone)
	f.LastSuccess = time.Date(2024, 4, 1, 11, 59, 59, 999999999, time.UTC)
	f.Errors, f.LastError = 3, "http://a.example/feed: 503 Service Unavailable"
	if err := db.SaveFeedPoll(ctx, f, 4); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveFeedPoll(ctx, f, 2); err != nil {
		t.Fatal(err)
	}
	got := mustFeed(t, db, f.URL)
	want := f
	want.Articles = 6 // added up
	for _, c := range []struct {
		name      string
		got, want time.Time
	}{
		{"NextCheck", got.NextCheck, want.NextCheck},
		{"LastCheck", got.LastCheck, want.LastCheck},
		{"LastSuccess", got.LastSuccess, want.LastSuccess},
		{"AddedAt", got.AddedAt, want.AddedAt},
	} {
		if !c.got.Equal(c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
		if c.got.Location() != time.UTC {
			t.Errorf("%s read back in %v, want UTC", c.name, c.got.Location())
		}
	}
	got.NextCheck, got.LastCheck, got.LastSuccess, got.AddedAt = want.NextCheck, want.LastCheck, want.LastSuccess, want.AddedAt
	if got != want {
		t.Errorf("read back\n got %+v\nwant %+v", got, want)
	}

	// Zero times and an empty error round-trip too.
	f.LastCheck, f.LastSuccess, f.Errors, f.LastError, f.ETag, f.LastModified = time.Time{}, time.Time{}, 0, "", "", ""
	if err := db.SaveFeedPoll(ctx, f, 0); err != nil {
		t.Fatal(err)
	}
	got = mustFeed(t, db, f.URL)
	if !got.LastCheck.IsZero() || !got.LastSuccess.IsZero() || got.Errors != 0 || got.LastError != "" || got.ETag != "" ||
		got.LastModified != "" || got.Articles != 6 || got.Title != f.Title {
		t.Errorf("after clearing: %+v", got)
	}
}

func TestKnownItem(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	a, _ := addFeed(t, db, briefing.Feed{URL: "https://a.example/feed", Every: time.Hour, Polled: true})
	b, _ := addFeed(t, db, briefing.Feed{URL: "https://b.example/feed", Every: time.Hour, Polled: true})
	doc := mustIngest(t, db, extractText(t, "https://news.example/stored",
		"Talks resume in Doha\n\nNegotiators met again on Friday in Doha to discuss a truce."))
	for _, it := range []briefing.FeedItem{
		{FeedID: a.ID, GUID: "a-1", URL: "https://news.example/one", DocumentID: doc.DocumentID, SeenAt: fixedNow()},
		{FeedID: a.ID, GUID: "a-2", URL: "https://news.example/failed", Error: "404 Not Found", SeenAt: fixedNow()},
		{FeedID: a.ID, GUID: "a-3", SeenAt: fixedNow()}, // no URL
	} {
		if err := db.RecordItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		feed      int64
		guid, url string
		want      bool
	}{
		{"GUID in the feed", a.ID, "a-1", "https://news.example/elsewhere", true},
		{"GUID in the feed, no URL", a.ID, "a-3", "", true},
		{"GUID of another feed", b.ID, "a-1", "", false},
		{"GUID of another feed, another URL", b.ID, "a-1", "https://news.example/new", false},
		{"URL read by another feed", b.ID, "b-9", "https://news.example/one", true},
		{"URL that failed in another feed", b.ID, "b-9", "https://news.example/failed", true},
		{"URL of a stored article", b.ID, "b-10", "https://news.example/stored", true},
		{"new item", a.ID, "a-4", "https://news.example/new", false},
		{"new item without URL", a.ID, "a-5", "", false},
		{"no URL matches an item without one only by GUID", b.ID, "b-11", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.KnownItem(ctx, tc.feed, tc.guid, tc.url)
			if err != nil || got != tc.want {
				t.Errorf("KnownItem(%d, %q, %q) = %v, %v; want %v", tc.feed, tc.guid, tc.url, got, err, tc.want)
			}
		})
	}
}

// feedItemRow is a feed_items row.
type feedItemRow struct {
	guid, url string
	doc       sql.NullInt64
	err, seen string
}

func feedItemRows(t *testing.T, db *DB, feedID int64) []feedItemRow {
	t.Helper()
	rows, err := db.sql.Query(`SELECT guid, url, document_id, error, seen_at FROM feed_items WHERE feed_id = ? ORDER BY guid`, feedID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []feedItemRow
	for rows.Next() {
		var r feedItemRow
		if err := rows.Scan(&r.guid, &r.url, &r.doc, &r.err, &r.seen); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRecordItemUpserts(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	a, _ := addFeed(t, db, briefing.Feed{URL: "https://a.example/feed", Every: time.Hour, Polled: true})
	b, _ := addFeed(t, db, briefing.Feed{URL: "https://b.example/feed", Every: time.Hour, Polled: true})
	doc := mustIngest(t, db, extractText(t, "https://news.example/one",
		"Talks resume in Doha\n\nNegotiators met again on Friday in Doha to discuss a truce."))

	first := briefing.FeedItem{FeedID: a.ID, GUID: "g", URL: "https://news.example/one", Error: "503 Service Unavailable", SeenAt: fixedNow()}
	if err := db.RecordItem(ctx, first); err != nil {
		t.Fatal(err)
	}
	// The same GUID in another feed is another item.
	if err := db.RecordItem(ctx, briefing.FeedItem{FeedID: b.ID, GUID: "g", SeenAt: fixedNow()}); err != nil {
		t.Fatal(err)
	}
	later := fixedNow().Add(time.Hour)
	second := briefing.FeedItem{FeedID: a.ID, GUID: "g", URL: "https://news.example/one?x=1", DocumentID: doc.DocumentID, SeenAt: later}
	if err := db.RecordItem(ctx, second); err != nil {
		t.Fatal(err)
	}
	got := feedItemRows(t, db, a.ID)
	want := []feedItemRow{{guid: "g", url: "https://news.example/one?x=1", doc: sql.NullInt64{Int64: doc.DocumentID, Valid: true}, seen: timeArg(later)}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("feed_items of a = %+v, want %+v", got, want)
	}
	if got := feedItemRows(t, db, b.ID); len(got) != 1 || got[0].doc.Valid || got[0].url != "" {
		t.Errorf("feed_items of b = %+v", got)
	}
	// An item of a feed that does not exist is refused.
	if err := db.RecordItem(ctx, briefing.FeedItem{FeedID: 999, GUID: "x", SeenAt: fixedNow()}); err == nil {
		t.Error("RecordItem of an unknown feed succeeded")
	}
}

func TestRemoveFeedKeepsDocuments(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	a, _ := addFeed(t, db, briefing.Feed{URL: "https://a.example/feed", Every: time.Hour, Polled: true})
	b, _ := addFeed(t, db, briefing.Feed{URL: "https://b.example/feed", Every: time.Hour, Polled: true})
	doc := mustIngest(t, db, extractText(t, "https://news.example/one",
		"Talks resume in Doha\n\nNegotiators met again on Friday in Doha to discuss a truce."))
	for _, it := range []briefing.FeedItem{
		{FeedID: a.ID, GUID: "a-1", URL: "https://news.example/one", DocumentID: doc.DocumentID, SeenAt: fixedNow()},
		{FeedID: a.ID, GUID: "a-2", URL: "https://news.example/two", Error: "404 Not Found", SeenAt: fixedNow()},
		{FeedID: b.ID, GUID: "b-1", URL: "https://news.example/three", SeenAt: fixedNow()},
	} {
		if err := db.RecordItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	docs := countRows(t, db, "documents")

	removed, err := db.RemoveFeed(ctx, a.URL)
	if err != nil || !removed {
		t.Fatalf("RemoveFeed = %v, %v", removed, err)
	}
	if removed, err := db.RemoveFeed(ctx, a.URL); err != nil || removed {
		t.Errorf("RemoveFeed again = %v, %v", removed, err)
	}
	if _, ok, _ := db.Feed(ctx, a.URL); ok {
		t.Error("the removed feed is still stored")
	}
	if rows := feedItemRows(t, db, a.ID); len(rows) != 0 {
		t.Errorf("the removed feed's items remain: %+v", rows)
	}
	if rows := feedItemRows(t, db, b.ID); len(rows) != 1 {
		t.Errorf("the other feed's items: %+v", rows)
	}
	if n := countRows(t, db, "documents"); n != docs {
		t.Errorf("%d documents after removing the feed, want %d", n, docs)
	}
	// The removed feed's failed item is forgotten; its article is still
	// known by its address.
	for url, want := range map[string]bool{"https://news.example/one": true, "https://news.example/two": false} {
		if got, err := db.KnownItem(ctx, b.ID, "new", url); err != nil || got != want {
			t.Errorf("KnownItem(%s) = %v, %v; want %v", url, got, err, want)
		}
	}
	// Added again, it starts afresh.
	again, created := addFeed(t, db, briefing.Feed{URL: a.URL, Every: time.Hour, Polled: true})
	if !created || len(feedItemRows(t, db, again.ID)) != 0 || again.Articles != 0 {
		t.Errorf("added again: created %v, %+v", created, again)
	}
}

func TestWatchedFilesLedger(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	mod := time.Date(2024, 3, 21, 8, 0, 0, 123456789, time.UTC)
	was := func(name string, size int64, at time.Time) bool {
		t.Helper()
		ok, err := db.WasIngested(ctx, name, size, at)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if was("a/one.txt", 100, mod) {
		t.Error("ingested before being recorded")
	}
	if err := db.RecordIngested(ctx, "a/one.txt", 100, mod); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordIngested(ctx, "a/one.txt", 100, mod); err != nil {
		t.Errorf("recording again: %v", err)
	}
	tests := []struct {
		name string
		size int64
		at   time.Time
		want bool
	}{
		{"a/one.txt", 100, mod, true},
		{"a/one.txt", 100, mod.In(time.FixedZone("X", 7200)), true}, // the same instant
		{"a/one.txt", 101, mod, false},
		{"a/one.txt", 100, mod.Add(time.Nanosecond), false},
		{"b/one.txt", 100, mod, false},
	}
	for _, tc := range tests {
		if got := was(tc.name, tc.size, tc.at); got != tc.want {
			t.Errorf("WasIngested(%s, %d, %v) = %v, want %v", tc.name, tc.size, tc.at, got, tc.want)
		}
	}
	if n := countRows(t, db, "watched_files"); n != 1 {
		t.Errorf("%d watched files, want 1", n)
	}
}

// A polled feed added again with a shorter interval is due no later than
// one new interval from now; a longer one leaves its next check.
func TestAddFeedShorterIntervalBringsNextCheckForward(t *testing.T) {
	const url = "https://a.example/feed"
	db := openTestDB(t)
	f, _ := addFeed(t, db, briefing.Feed{URL: url, Every: 24 * time.Hour, Polled: true, Origin: "cli"})
	f.NextCheck = fixedNow().Add(24 * time.Hour)
	if err := db.SaveFeedPoll(context.Background(), f, 0); err != nil {
		t.Fatal(err)
	}
	g, _ := addFeed(t, db, briefing.Feed{URL: url, Every: time.Hour, Polled: true, Origin: "cli"})
	if want := fixedNow().Add(time.Hour); !g.NextCheck.Equal(want) {
		t.Errorf("next check %v, want %v", g.NextCheck, want)
	}
	h, _ := addFeed(t, db, briefing.Feed{URL: url, Every: 48 * time.Hour, Polled: true, Origin: "cli"})
	if !h.NextCheck.Equal(g.NextCheck) || h.Every != 48*time.Hour {
		t.Errorf("after a longer interval: next check %v, every %v", h.NextCheck, h.Every)
	}
}
