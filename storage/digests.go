package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"briefbot/briefing/digest"
)

var _ digest.Store = (*DB)(nil)

// timeFormat is how digest times are stored: RFC 3339 in UTC with nine
// fractional digits. Fixed width, unlike time.RFC3339Nano, so that the
// text sorts as the times do; exact, so that a run's key round-trips.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

// timeArg turns a time into a column value.
func timeArg(t time.Time) string { return t.UTC().Format(timeFormat) }

// nullTimeArg turns a time into a column value: NULL when zero.
func nullTimeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return timeArg(t)
}

// parseTime reads a stored time, in UTC; NULL or "" is the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s.String, err)
	}
	return t.UTC(), nil
}

// write runs f in a writing transaction and commits it, one writer at a
// time like ingestion. As there, the transaction itself does not follow
// ctx (database/sql would close the writer connection under it): ctx is
// checked before and after f.
func (db *DB) write(ctx context.Context, f func(t *wtx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	t, err := db.begin(context.Background())
	if err != nil {
		return err
	}
	if err := f(t); err != nil {
		t.rollback()
		return err
	}
	if err := ctx.Err(); err != nil {
		t.rollback()
		return err
	}
	if err := t.commit(); err != nil {
		t.rollback()
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// runColumns selects a run; scanRun reads it.
const runColumns = `id, channel, scheduled_for, manual, state, digest, message_ids, attempts, next_attempt, last_error, started_at, finished_at`

func scanRun(sc interface{ Scan(...any) error }) (digest.Run, error) {
	var r digest.Run
	var scheduled, started string
	var next, finished sql.NullString
	var state, body, ids string
	if err := sc.Scan(&r.ID, &r.Channel, &scheduled, &r.Manual, &state, &body, &ids, &r.Attempts, &next, &r.LastError, &started, &finished); err != nil {
		return r, err
	}
	r.State = digest.RunState(state)
	var err error
	if r.ScheduledFor, err = parseTime(sql.NullString{String: scheduled, Valid: true}); err != nil {
		return r, fmt.Errorf("run %d: %w", r.ID, err)
	}
	if r.StartedAt, err = parseTime(sql.NullString{String: started, Valid: true}); err != nil {
		return r, fmt.Errorf("run %d: %w", r.ID, err)
	}
	if r.NextAttempt, err = parseTime(next); err != nil {
		return r, fmt.Errorf("run %d: %w", r.ID, err)
	}
	if r.FinishedAt, err = parseTime(finished); err != nil {
		return r, fmt.Errorf("run %d: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(body), &r.Digest); err != nil {
		return r, fmt.Errorf("run %d: digest: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(ids), &r.MessageIDs); err != nil {
		return r, fmt.Errorf("run %d: message ids: %w", r.ID, err)
	}
	if r.MessageIDs == nil {
		r.MessageIDs = []string{}
	}
	return r, nil
}

// StartRun implements digest.Store: it records a pending run keyed by
// (channel, at) with the digest it posts, or returns the run already
// recorded with that key, unchanged (created is then false).
func (db *DB) StartRun(ctx context.Context, channel string, at time.Time, manual bool, d digest.Digest) (digest.Run, bool, error) {
	if channel == "" {
		return digest.Run{}, false, errors.New("start digest run: no channel")
	}
	body, err := json.Marshal(d)
	if err != nil {
		return digest.Run{}, false, fmt.Errorf("start digest run of %s: %w", channel, err)
	}
	var r digest.Run
	var created bool
	err = db.write(ctx, func(t *wtx) error {
		var err error
		created, err = t.changed(`INSERT INTO digest_runs(channel, scheduled_for, manual, state, digest, started_at)
			VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT(channel, scheduled_for) DO NOTHING`,
			channel, timeArg(at), manual, string(body), timeArg(db.now()))
		if err != nil {
			return err
		}
		r, err = scanRun(t.queryRow(`SELECT `+runColumns+` FROM digest_runs WHERE channel = ? AND scheduled_for = ?`, channel, timeArg(at)))
		return err
	})
	if err != nil {
		return digest.Run{}, false, fmt.Errorf("start digest run of %s at %s: %w", channel, timeArg(at), err)
	}
	return r, created, nil
}

// UnfinishedRuns implements digest.Store: the pending runs, oldest
// scheduled first.
func (db *DB) UnfinishedRuns(ctx context.Context) ([]digest.Run, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE state = 'pending' ORDER BY scheduled_for, id`)
	if err != nil {
		return nil, fmt.Errorf("unfinished digest runs: %w", err)
	}
	defer rows.Close()
	out := []digest.Run{}
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("unfinished digest runs: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unfinished digest runs: %w", err)
	}
	return out, nil
}

// pendingRun reads a run's state and fails unless it is pending.
func pendingRun(t *wtx, runID int64) error {
	var state string
	err := t.queryRow(`SELECT state FROM digest_runs WHERE id = ?`, runID).Scan(&state)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return errors.New("no such run")
	case err != nil:
		return err
	case state != string(digest.RunPending):
		return fmt.Errorf("run is %s, not pending", state)
	}
	return nil
}

// RecordPart implements digest.Store: it sets the message id of part
// (from 0) of a pending run. A part may be recorded again (the id is
// replaced); a part beyond the next one is an error.
func (db *DB) RecordPart(ctx context.Context, runID int64, part int, messageID string) error {
	err := db.write(ctx, func(t *wtx) error {
		if messageID == "" {
			return errors.New("no message id")
		}
		if err := pendingRun(t, runID); err != nil {
			return err
		}
		var raw string
		if err := t.queryRow(`SELECT message_ids FROM digest_runs WHERE id = ?`, runID).Scan(&raw); err != nil {
			return err
		}
		var ids []string
		if err := json.Unmarshal([]byte(raw), &ids); err != nil {
			return fmt.Errorf("message ids: %w", err)
		}
		switch {
		case part < 0 || part > len(ids):
			return fmt.Errorf("part out of order: %d parts recorded", len(ids))
		case part == len(ids):
			ids = append(ids, messageID)
		default:
			ids[part] = messageID
		}
		b, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		_, err = t.exec(`UPDATE digest_runs SET message_ids = ? WHERE id = ?`, string(b), runID)
		return err
	})
	if err != nil {
		return fmt.Errorf("record part %d of digest run %d: %w", part, runID, err)
	}
	return nil
}

// FinishRun implements digest.Store: in one transaction it marks a
// pending run done at at, moves its channel's cursor to the digest's
// (never back) and remembers the digest's facts. A run that is not
// pending is an error, so that nothing moves twice.
func (db *DB) FinishRun(ctx context.Context, runID int64, at time.Time) error {
	err := db.write(ctx, func(t *wtx) error {
		if err := pendingRun(t, runID); err != nil {
			return err
		}
		var channel, body string
		if err := t.queryRow(`SELECT channel, digest FROM digest_runs WHERE id = ?`, runID).Scan(&channel, &body); err != nil {
			return err
		}
		var d digest.Digest
		if err := json.Unmarshal([]byte(body), &d); err != nil {
			return fmt.Errorf("digest: %w", err)
		}
		if _, err := t.exec(`UPDATE digest_runs SET state = 'done', finished_at = ? WHERE id = ?`, timeArg(at), runID); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO digest_channels(channel, cursor, last_posted) VALUES (?1, ?2, ?3)
			ON CONFLICT(channel) DO UPDATE SET cursor = MAX(cursor, ?2), last_posted = ?3`, channel, d.Cursor, timeArg(at)); err != nil {
			return fmt.Errorf("move cursor: %w", err)
		}
		for _, f := range d.Facts {
			if _, err := t.exec(`INSERT OR IGNORE INTO digest_facts(channel, kind, key, text, run_id) VALUES (?, ?, ?, ?, ?)`,
				channel, string(f.Kind), f.Key, f.Text, runID); err != nil {
				return fmt.Errorf("remember facts: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("finish digest run %d: %w", runID, err)
	}
	return nil
}

// RetryRun implements digest.Store: it records a failed attempt of a
// pending run, which stays pending, and when to try again.
func (db *DB) RetryRun(ctx context.Context, runID int64, attempts int, next time.Time, reason string) error {
	err := db.write(ctx, func(t *wtx) error {
		if err := pendingRun(t, runID); err != nil {
			return err
		}
		_, err := t.exec(`UPDATE digest_runs SET attempts = ?, next_attempt = ?, last_error = ? WHERE id = ?`,
			attempts, nullTimeArg(next), reason, runID)
		return err
	})
	if err != nil {
		return fmt.Errorf("retry digest run %d: %w", runID, err)
	}
	return nil
}

// FailRun implements digest.Store: it gives a pending run up, recording
// why; its channel's cursor stays where it was.
func (db *DB) FailRun(ctx context.Context, runID int64, reason string) error {
	err := db.write(ctx, func(t *wtx) error {
		if err := pendingRun(t, runID); err != nil {
			return err
		}
		_, err := t.exec(`UPDATE digest_runs SET state = 'failed', last_error = ?, finished_at = ? WHERE id = ?`,
			reason, timeArg(db.now()), runID)
		return err
	})
	if err != nil {
		return fmt.Errorf("fail digest run %d: %w", runID, err)
	}
	return nil
}

// Subscribe implements digest.Store: it creates or replaces the channel's
// subscription, active. A zero CreatedAt is the database clock's now.
func (db *DB) Subscribe(ctx context.Context, s digest.Subscription) error {
	if s.Channel == "" {
		return errors.New("subscribe: no channel")
	}
	if s.CreatedAt.IsZero() {
		s.CreatedAt = db.now()
	}
	err := db.write(ctx, func(t *wtx) error {
		_, err := t.exec(`INSERT INTO digest_subscriptions(channel, guild, schedule, timezone, created_by, created_at, paused_at, paused_reason)
			VALUES (?, ?, ?, ?, ?, ?, NULL, '')
			ON CONFLICT(channel) DO UPDATE SET guild = excluded.guild, schedule = excluded.schedule, timezone = excluded.timezone,
				created_by = excluded.created_by, created_at = excluded.created_at, paused_at = NULL, paused_reason = ''`,
			s.Channel, s.Guild, s.Schedule, s.TimeZone, s.CreatedBy, timeArg(s.CreatedAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("subscribe %s: %w", s.Channel, err)
	}
	return nil
}

// Unsubscribe implements digest.Store. The channel's cursor and the
// facts it was told stay: subscribing again carries on from them.
func (db *DB) Unsubscribe(ctx context.Context, channel string) (bool, error) {
	var existed bool
	err := db.write(ctx, func(t *wtx) error {
		var err error
		existed, err = t.changed(`DELETE FROM digest_subscriptions WHERE channel = ?`, channel)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s: %w", channel, err)
	}
	return existed, nil
}

// PauseSubscription implements digest.Store; a channel without a
// subscription is left alone.
func (db *DB) PauseSubscription(ctx context.Context, channel, reason string, at time.Time) error {
	err := db.write(ctx, func(t *wtx) error {
		_, err := t.exec(`UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ? WHERE channel = ?`, timeArg(at), reason, channel)
		return err
	})
	if err != nil {
		return fmt.Errorf("pause subscription of %s: %w", channel, err)
	}
	return nil
}

// Subscriptions implements digest.Store: the subscriptions by channel,
// of one guild when guild is not empty, each with its latest scheduled
// run and latest posting.
func (db *DB) Subscriptions(ctx context.Context, guild string) ([]digest.Subscription, error) {
	q := `SELECT s.channel, s.guild, s.schedule, s.timezone, s.created_by, s.created_at, s.paused_at, s.paused_reason,
		(SELECT MAX(r.scheduled_for) FROM digest_runs r WHERE r.channel = s.channel AND r.manual = 0),
		c.last_posted
		FROM digest_subscriptions s LEFT JOIN digest_channels c ON c.channel = s.channel`
	var args []any
	if guild != "" {
		q += ` WHERE s.guild = ?`
		args = append(args, guild)
	}
	q += ` ORDER BY s.channel`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("subscriptions: %w", err)
	}
	defer rows.Close()
	out := []digest.Subscription{}
	for rows.Next() {
		var s digest.Subscription
		var created string
		var paused, scheduled, posted sql.NullString
		if err := rows.Scan(&s.Channel, &s.Guild, &s.Schedule, &s.TimeZone, &s.CreatedBy, &created, &paused, &s.PausedReason, &scheduled, &posted); err != nil {
			return nil, fmt.Errorf("subscriptions: %w", err)
		}
		for _, f := range []struct {
			dst *time.Time
			src sql.NullString
		}{{&s.CreatedAt, sql.NullString{String: created, Valid: true}}, {&s.PausedAt, paused}, {&s.LastScheduled, scheduled}, {&s.LastPosted, posted}} {
			if *f.dst, err = parseTime(f.src); err != nil {
				return nil, fmt.Errorf("subscription of %s: %w", s.Channel, err)
			}
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("subscriptions: %w", err)
	}
	return out, nil
}
