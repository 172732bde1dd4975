package storage

import (
	"context"
	"database/sql"
	"fmt"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// matchingSentences lists the sentences that match the FTS query ?1 and
// their articles. Unlike search, a chart counts every match: it is a
// count per day, not a ranking, and it must not under-report the old.
const matchingSentences = `SELECT s.id AS sid, s.document_id AS did FROM sentences_fts f
	CROSS JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ?1`

// ArticleDays implements briefing.Store.
func (db *DB) ArticleDays(ctx context.Context, person int64, topic string) ([]briefing.DayCount, int, error) {
	query, args := `SELECT published, COUNT(*) FROM documents GROUP BY published ORDER BY published`, []any{}
	switch {
	case person != 0:
		query, args = `SELECT d.published, COUNT(*) FROM entity_documents ed CROSS JOIN documents d ON d.id = ed.document_id
			WHERE ed.entity_id = ?1 GROUP BY d.published ORDER BY d.published`, []any{person}
	case topic != "":
		match, err := ftsQuery(topic)
		if err != nil {
			return nil, 0, err
		}
		query, args = `SELECT d.published, COUNT(*) FROM documents d WHERE d.id IN (SELECT did FROM (`+matchingSentences+`))
			GROUP BY d.published ORDER BY d.published`, []any{match}
	}
	days := []briefing.DayCount{}
	undated := 0
	err := each(ctx, db.sql, query, args, func(rows *sql.Rows) error {
		var date sql.NullString
		var n int
		if err := rows.Scan(&date, &n); err != nil {
			return err
		}
		d := parseDate(date)
		if d.IsZero() {
			undated += n
			return nil
		}
		days = append(days, briefing.DayCount{Date: d, Articles: n})
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("articles per day: %w", err)
	}
	return days, undated, nil
}

// MeetingDays implements briefing.Store. A topic's meetings are those its
// matching sentences report and those held in a place of that name, as
// in a topic's timeline.
func (db *DB) MeetingDays(ctx context.Context, person int64, topic string) ([]briefing.MeetingDay, int, error) {
	scope, args := "", []any{}
	switch {
	case person != 0:
		scope, args = `SELECT meeting_id FROM meeting_participants WHERE entity_id = ?1`, []any{person}
	case topic != "":
		match, err := ftsQuery(topic)
		if err != nil {
			return nil, 0, err
		}
		scope = `SELECT ms.meeting_id FROM (` + matchingSentences + `) hit
			CROSS JOIN meeting_sources ms ON ms.document_id = hit.did AND ms.sentence_id = hit.sid
			UNION SELECT id FROM meetings WHERE place_id IN (SELECT entity_id FROM aliases WHERE norm = ?2)`
		args = []any{match, fold.Key(topic)}
	}
	if scope != "" {
		scope = ` AND id IN (` + scope + `)`
	}
	days := []briefing.MeetingDay{}
	undated := 0
	err := each(ctx, db.sql, `SELECT date, status, COUNT(*) FROM meetings
		WHERE kind = 'meeting'`+scope+` GROUP BY date, status ORDER BY date`, args, func(rows *sql.Rows) error {
		var date sql.NullString
		var status string
		var n int
		if err := rows.Scan(&date, &status, &n); err != nil {
			return err
		}
		d := parseDate(date)
		if d.IsZero() {
			undated += n
			return nil
		}
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, briefing.MeetingDay{Date: d})
		}
		day := &days[len(days)-1]
		switch briefing.MeetingStatus(status) {
		case briefing.Held:
			day.Held += n
		case briefing.Planned:
			day.Planned += n
		case briefing.Canceled:
			day.Canceled += n
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("meetings per day: %w", err)
	}
	return days, undated, nil
}
