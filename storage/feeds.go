package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"briefbot/briefing"
)

// feedColumns selects a feed; scanFeed reads it.
const feedColumns = `id, url, title, every_seconds, polled, origin, etag, last_modified, next_check,
	last_check, last_success, errors, last_error, articles, added_at`

func scanFeed(sc interface{ Scan(...any) error }) (briefing.Feed, error) {
	var f briefing.Feed
	var every int64
	var next, added string
	var last, success sql.NullString
	if err := sc.Scan(&f.ID, &f.URL, &f.Title, &every, &f.Polled, &f.Origin, &f.ETag, &f.LastModified, &next,
		&last, &success, &f.Errors, &f.LastError, &f.Articles, &added); err != nil {
		return f, err
	}
	f.Every = time.Duration(every) * time.Second
	var err error
	for _, c := range []struct {
		dst *time.Time
		src sql.NullString
	}{
		{&f.NextCheck, sql.NullString{String: next, Valid: true}},
		{&f.LastCheck, last},
		{&f.LastSuccess, success},
		{&f.AddedAt, sql.NullString{String: added, Valid: true}},
	} {
		if *c.dst, err = parseTime(c.src); err != nil {
			return f, fmt.Errorf("feed %d: %w", f.ID, err)
		}
	}
	return f, nil
}

// AddFeed stores a feed by its URL: a new feed is due at once; a feed
// already stored takes the new schedule, origin and polling (a feed read
// once becomes polled when added; a polled feed read once keeps its
// schedule and origin), and keeps where its polling stands.
// created says whether it is new.
func (db *DB) AddFeed(ctx context.Context, f briefing.Feed) (briefing.Feed, bool, error) {
	if f.URL == "" {
		return f, false, errors.New("add feed: no URL")
	}
	if f.Every <= 0 {
		return f, false, fmt.Errorf("add feed %s: no polling interval", f.URL)
	}
	now := db.now()
	if f.NextCheck.IsZero() {
		f.NextCheck = now
	}
	var out briefing.Feed
	var created bool
	err := db.write(ctx, func(t *wtx) error {
		var err error
		created, err = t.changed(`INSERT INTO feeds(url, every_seconds, polled, origin, next_check, added_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING`,
			f.URL, int64(f.Every/time.Second), f.Polled, f.Origin, timeArg(f.NextCheck), timeArg(now))
		if err != nil {
			return err
		}
		if !created {
			// Reading a polled feed once leaves its schedule and origin.
			// A shorter interval brings the next check forward.
			soonest := timeArg(now.Add(f.Every))
			if _, err := t.exec(`UPDATE feeds SET every_seconds = CASE WHEN ? OR polled = 0 THEN ? ELSE every_seconds END,
				next_check = CASE WHEN ? AND next_check > ? THEN ? ELSE next_check END,
				polled = MAX(polled, ?), origin = CASE WHEN ? THEN ? ELSE origin END WHERE url = ?`,
				f.Polled, int64(f.Every/time.Second), f.Polled, soonest, soonest, f.Polled, f.Polled, f.Origin, f.URL); err != nil {
				return err
			}
		}
		out, err = scanFeed(t.queryRow(`SELECT `+feedColumns+` FROM feeds WHERE url = ?`, f.URL))
		return err
	})
	if err != nil {
		return out, false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return out, created, nil
}

// Feed returns the feed stored with this URL; ok is false when none is.
func (db *DB) Feed(ctx context.Context, url string) (f briefing.Feed, ok bool, err error) {
	f, err = scanFeed(db.sql.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return f, false, nil
	case err != nil:
		return f, false, fmt.Errorf("feed %s: %w", url, err)
	}
	return f, true, nil
}

// Feeds lists the feeds, polled ones first, each in URL order.
func (db *DB) Feeds(ctx context.Context) ([]briefing.Feed, error) {
	return db.feeds(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY polled DESC, url`)
}

// DueFeeds lists the polled feeds due at now, the longest due first.
func (db *DB) DueFeeds(ctx context.Context, now time.Time) ([]briefing.Feed, error) {
	return db.feeds(ctx, `SELECT `+feedColumns+` FROM feeds WHERE polled = 1 AND next_check <= ? ORDER BY next_check, id`, timeArg(now))
}

// NextFeedCheck is when the next polled feed is due; zero when no feed
// is polled.
func (db *DB) NextFeedCheck(ctx context.Context) (time.Time, error) {
	var next sql.NullString
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(next_check) FROM feeds WHERE polled = 1`).Scan(&next); err != nil {
		return time.Time{}, fmt.Errorf("next feed check: %w", err)
	}
	return parseTime(next)
}

func (db *DB) feeds(ctx context.Context, q string, args ...any) ([]briefing.Feed, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []briefing.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return out, nil
}

// RemoveFeed deletes a feed and the record of its items (the articles it
// added stay); false when no feed has this URL.
func (db *DB) RemoveFeed(ctx context.Context, url string) (bool, error) {
	var removed bool
	err := db.write(ctx, func(t *wtx) error {
		var err error
		removed, err = t.changed(`DELETE FROM feeds WHERE url = ?`, url)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("remove feed %s: %w", url, err)
	}
	return removed, nil
}

// SaveFeedPoll records how a poll of the feed went: its title, validators,
// times, error count and last error, and adds added to its articles.
func (db *DB) SaveFeedPoll(ctx context.Context, f briefing.Feed, added int) error {
	err := db.write(ctx, func(t *wtx) error {
		_, err := t.exec(`UPDATE feeds SET title = ?, etag = ?, last_modified = ?, next_check = ?, last_check = ?,
			last_success = ?, errors = ?, last_error = ?, articles = articles + ? WHERE id = ?`,
			f.Title, f.ETag, f.LastModified, timeArg(f.NextCheck), nullTimeArg(f.LastCheck),
			nullTimeArg(f.LastSuccess), f.Errors, f.LastError, added, f.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("save poll of feed %s: %w", f.URL, err)
	}
	return nil
}

// KnownItem reports whether an item was read before: its GUID in this
// feed, or its canonical URL in any feed or as a stored article's
// address. An item that once failed counts as known.
func (db *DB) KnownItem(ctx context.Context, feedID int64, guid, url string) (bool, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT
		EXISTS(SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ?)
		OR (? <> '' AND (EXISTS(SELECT 1 FROM feed_items WHERE url = ?) OR EXISTS(SELECT 1 FROM documents WHERE url = ?)))`,
		feedID, guid, url, url, url).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("feed item %s: %w", guid, err)
	}
	return n == 1, nil
}

// RecordItem remembers what became of a feed's item.
func (db *DB) RecordItem(ctx context.Context, it briefing.FeedItem) error {
	var doc any
	if it.DocumentID != 0 {
		doc = it.DocumentID
	}
	err := db.write(ctx, func(t *wtx) error {
		_, err := t.exec(`INSERT INTO feed_items(feed_id, guid, url, document_id, error, seen_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(feed_id, guid) DO UPDATE SET url = excluded.url, document_id = excluded.document_id,
			error = excluded.error, seen_at = excluded.seen_at`,
			it.FeedID, it.GUID, it.URL, doc, it.Error, timeArg(it.SeenAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("record feed item %s: %w", it.GUID, err)
	}
	return nil
}

// WasIngested implements the watched folder's ledger: whether this
// version of the file (name under the folder, size, modification time)
// was ingested.
func (db *DB) WasIngested(ctx context.Context, name string, size int64, modTime time.Time) (bool, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM watched_files WHERE name = ? AND size = ? AND mod_time = ?)`,
		name, size, timeArg(modTime)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("watched file %s: %w", name, err)
	}
	return n == 1, nil
}

// RecordIngested remembers this version of a watched file as ingested.
func (db *DB) RecordIngested(ctx context.Context, name string, size int64, modTime time.Time) error {
	err := db.write(ctx, func(t *wtx) error {
		_, err := t.exec(`INSERT OR IGNORE INTO watched_files(name, size, mod_time, ingested_at) VALUES (?, ?, ?, ?)`,
			name, size, timeArg(modTime), timeArg(db.now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("record watched file %s: %w", name, err)
	}
	return nil
}
