package storage

import (
	"context"
	"database/sql"
	"fmt"

	"briefbot/briefing"
)

// maxMeetings bounds the meetings of one answer.
const maxMeetings = 100

// Meetings implements briefing.Store: in-person meetings of a person
// (with another when with is not 0), newest first, undated last.
func (db *DB) Meetings(ctx context.Context, person, with int64) ([]briefing.MeetingRecord, error) {
	// CROSS JOIN: from the person's participations, never from every
	// meeting of the kind, whatever the planner's statistics say.
	ids, err := db.ids(ctx, `SELECT m.id FROM meeting_participants p CROSS JOIN meetings m ON m.id = p.meeting_id
		WHERE p.entity_id = ?1 AND m.kind = 'meeting'
		AND (?2 = 0 OR EXISTS (SELECT 1 FROM meeting_participants w WHERE w.meeting_id = m.id AND w.entity_id = ?2))
		ORDER BY COALESCE(m.date, m.published) IS NULL, COALESCE(m.date, m.published) DESC, m.id DESC LIMIT ?3`,
		person, with, maxMeetings)
	if err != nil {
		return nil, fmt.Errorf("meetings of %d: %w", person, err)
	}
	out := make([]briefing.MeetingRecord, 0, len(ids))
	for _, id := range ids {
		m, err := db.meeting(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// meeting loads one meeting with its parties and reports.
func (db *DB) meeting(ctx context.Context, id int64) (briefing.MeetingRecord, error) {
	m := briefing.MeetingRecord{ID: id, Participants: []briefing.PersonRef{}, Parties: []string{}, Sources: []briefing.MeetingSource{}}
	var kind, status string
	var place, date sql.NullString
	err := db.sql.QueryRowContext(ctx, `SELECT m.kind, m.status, p.name, m.date, m.date_inferred, m.when_text
		FROM meetings m LEFT JOIN entities p ON p.id = m.place_id WHERE m.id = ?`, id).
		Scan(&kind, &status, &place, &date, &m.DateInferred, &m.When)
	if err != nil {
		return m, fmt.Errorf("meeting %d: %w", id, err)
	}
	m.Kind, m.Status, m.Place, m.Date = briefing.MeetingKind(kind), briefing.MeetingStatus(status), place.String, parseDate(date)
	rows, err := db.sql.QueryContext(ctx, `SELECT e.id, e.kind, e.name,
		COALESCE((SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc LIMIT 1), '')
		FROM meeting_participants mp JOIN entities e ON e.id = mp.entity_id WHERE mp.meeting_id = ? ORDER BY e.mentions DESC, e.id`, id)
	if err != nil {
		return m, fmt.Errorf("participants of %d: %w", id, err)
	}
	for rows.Next() {
		var p briefing.PersonRef
		var k string
		if err := rows.Scan(&p.ID, &k, &p.Name, &p.Role); err != nil {
			rows.Close()
			return m, err
		}
		if k == string(briefing.KindPerson) {
			m.Participants = append(m.Participants, p)
		} else {
			m.Parties = append(m.Parties, p.Name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return m, err
	}
	if m.Groups, err = db.strings(ctx, `SELECT name FROM meeting_groups WHERE meeting_id = ? ORDER BY name`, id); err != nil {
		return m, err
	}
	src, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`, COALESCE(s.text, ''), COALESCE(p.name, ''), ms.date, ms.when_text, ms.status
		FROM meeting_sources ms JOIN documents d ON d.id = ms.document_id
		LEFT JOIN sentences s ON s.id = ms.sentence_id LEFT JOIN entities p ON p.id = ms.place_id
		WHERE ms.meeting_id = ? ORDER BY d.published IS NULL, d.published, d.id`, id)
	if err != nil {
		return m, fmt.Errorf("sources of %d: %w", id, err)
	}
	for src.Next() {
		ms := briefing.MeetingSource{Participants: []briefing.PersonRef{}, Parties: []string{}}
		var date sql.NullString
		var status string
		doc, err := scanDoc(src, &ms.Evidence, &ms.Place, &date, &ms.When, &status)
		if err != nil {
			src.Close()
			return m, err
		}
		ms.DocumentRef, ms.Date, ms.Status = doc, parseDate(date), briefing.MeetingStatus(status)
		m.Sources = append(m.Sources, ms)
	}
	src.Close()
	if err := src.Err(); err != nil {
		return m, err
	}
	for i := range m.Sources {
		if err := db.reportParties(ctx, id, &m.Sources[i]); err != nil {
			return m, err
		}
	}
	return m, nil
}

// reportParties loads the people and organisations one article names in
// its report of a meeting.
func (db *DB) reportParties(ctx context.Context, meeting int64, ms *briefing.MeetingSource) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT e.id, e.kind, e.name FROM meeting_source_parties p
		JOIN entities e ON e.id = p.entity_id WHERE p.meeting_id = ? AND p.document_id = ? ORDER BY e.mentions DESC, e.id`, meeting, ms.ID)
	if err != nil {
		return fmt.Errorf("report of %d: %w", meeting, err)
	}
	defer rows.Close()
	for rows.Next() {
		var p briefing.PersonRef
		var kind string
		if err := rows.Scan(&p.ID, &kind, &p.Name); err != nil {
			return err
		}
		if kind == string(briefing.KindPerson) {
			ms.Participants = append(ms.Participants, p)
		} else {
			ms.Parties = append(ms.Parties, p.Name)
		}
	}
	return rows.Err()
}
