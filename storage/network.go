package storage

import (
	"context"
	"database/sql"
	"fmt"

	"briefbot/briefing"
)

// People implements briefing.Store.
func (db *DB) People(ctx context.Context, ids []int64) ([]briefing.PersonCandidate, error) {
	return db.candidates(ctx, ids)
}

// MeetingLinks implements briefing.Store: one grouped query over the
// participations of the people asked for, whatever their number.
func (db *DB) MeetingLinks(ctx context.Context, people []int64) ([]briefing.MeetingLink, error) {
	if len(people) == 0 {
		return []briefing.MeetingLink{}, nil
	}
	links := map[[2]int64]*briefing.MeetingLink{}
	var order [][2]int64
	// CROSS JOIN: from the people's participations, never from every
	// meeting.
	err := each(ctx, db.sql, `SELECT p.entity_id, o.entity_id, m.status, COUNT(*)
		FROM meeting_participants p
		CROSS JOIN entities pe ON pe.id = p.entity_id AND pe.kind = 'person'
		CROSS JOIN meetings m ON m.id = p.meeting_id
		CROSS JOIN meeting_participants o ON o.meeting_id = p.meeting_id AND o.entity_id <> p.entity_id
		CROSS JOIN entities e ON e.id = o.entity_id
		WHERE p.entity_id IN `+inIDs+` AND m.kind = 'meeting' AND e.kind = 'person'
		GROUP BY p.entity_id, o.entity_id, m.status`, []any{idList(distinct(people))}, func(rows *sql.Rows) error {
		var from, to int64
		var status string
		var n int
		if err := rows.Scan(&from, &to, &status, &n); err != nil {
			return err
		}
		key := [2]int64{min(from, to), max(from, to)}
		l := links[key]
		if l == nil {
			l = &briefing.MeetingLink{A: key[0], B: key[1]}
			links[key] = l
			order = append(order, key)
		}
		// A pair whose both ends were asked for comes twice, with the
		// same counts: set, don't add.
		switch briefing.MeetingStatus(status) {
		case briefing.Held:
			l.Held = n
		case briefing.Planned:
			l.Planned = n
		case briefing.Canceled:
			l.Canceled = n
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meeting links: %w", err)
	}
	out := make([]briefing.MeetingLink, 0, len(order))
	for _, k := range order {
		out = append(out, *links[k])
	}
	return out, nil
}
