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
	return db.meetingsInOrder(ctx, ids)
}

// meetingsInOrder loads meetings in the order of ids, from one snapshot.
func (db *DB) meetingsInOrder(ctx context.Context, ids []int64) ([]briefing.MeetingRecord, error) {
	out := make([]briefing.MeetingRecord, 0, len(ids))
	err := db.snapshot(ctx, func(q querier) error {
		byID, err := meetingsByID(ctx, q, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			out = append(out, byID[id])
		}
		return nil
	})
	return out, err
}

// meetingsByID loads meetings with their parties and reports: five
// queries for any number of them.
func meetingsByID(ctx context.Context, q querier, ids []int64) (map[int64]briefing.MeetingRecord, error) {
	ids = distinct(ids)
	out := make(map[int64]*briefing.MeetingRecord, len(ids))
	if len(ids) == 0 {
		return map[int64]briefing.MeetingRecord{}, nil
	}
	list := idList(ids)
	meeting := func(id int64) (*briefing.MeetingRecord, error) {
		m, ok := out[id]
		if !ok {
			return nil, fmt.Errorf("meeting %d: not found", id)
		}
		return m, nil
	}

	err := each(ctx, q, `SELECT m.id, m.kind, m.status, p.name, m.date, m.date_inferred, m.when_text
		FROM meetings m LEFT JOIN entities p ON p.id = m.place_id WHERE m.id IN `+inIDs, []any{list}, func(rows *sql.Rows) error {
		m := &briefing.MeetingRecord{Participants: []briefing.PersonRef{}, Parties: []string{}, Groups: []string{}, Sources: []briefing.MeetingSource{}}
		var kind, status string
		var place, date sql.NullString
		if err := rows.Scan(&m.ID, &kind, &status, &place, &date, &m.DateInferred, &m.When); err != nil {
			return err
		}
		m.Kind, m.Status, m.Place, m.Date = briefing.MeetingKind(kind), briefing.MeetingStatus(status), place.String, parseDate(date)
		out[m.ID] = m
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	for _, id := range ids {
		if _, err := meeting(id); err != nil {
			return nil, err
		}
	}

	err = each(ctx, q, `SELECT mp.meeting_id, e.id, e.kind, e.name,
		COALESCE((SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc LIMIT 1), '')
		FROM meeting_participants mp JOIN entities e ON e.id = mp.entity_id WHERE mp.meeting_id IN `+inIDs+`
		ORDER BY mp.meeting_id, e.mentions DESC, e.id`, []any{list}, func(rows *sql.Rows) error {
		var id int64
		var p briefing.PersonRef
		var kind string
		if err := rows.Scan(&id, &p.ID, &kind, &p.Name, &p.Role); err != nil {
			return err
		}
		m, err := meeting(id)
		if err != nil {
			return err
		}
		if kind == string(briefing.KindPerson) {
			m.Participants = append(m.Participants, p)
		} else {
			m.Parties = append(m.Parties, p.Name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meeting participants: %w", err)
	}

	err = each(ctx, q, `SELECT meeting_id, name FROM meeting_groups WHERE meeting_id IN `+inIDs+` ORDER BY meeting_id, name`,
		[]any{list}, func(rows *sql.Rows) error {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			m, err := meeting(id)
			if err != nil {
				return err
			}
			m.Groups = append(m.Groups, name)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("meeting groups: %w", err)
	}

	type reportKey struct{ meeting, doc int64 }
	sources := map[reportKey]int{} // index in the meeting's sources
	err = each(ctx, q, `SELECT `+docColumns+`, COALESCE(s.text, ''), COALESCE(p.name, ''), ms.date, ms.when_text, ms.status, ms.meeting_id
		FROM meeting_sources ms JOIN documents d ON d.id = ms.document_id
		LEFT JOIN sentences s ON s.id = ms.sentence_id LEFT JOIN entities p ON p.id = ms.place_id
		WHERE ms.meeting_id IN `+inIDs+` ORDER BY ms.meeting_id, d.published IS NULL, d.published, d.id`, []any{list}, func(rows *sql.Rows) error {
		ms := briefing.MeetingSource{Participants: []briefing.PersonRef{}, Parties: []string{}}
		var date sql.NullString
		var status string
		var id int64
		doc, err := scanDoc(rows, &ms.Evidence, &ms.Place, &date, &ms.When, &status, &id)
		if err != nil {
			return err
		}
		ms.DocumentRef, ms.Date, ms.Status = doc, parseDate(date), briefing.MeetingStatus(status)
		m, err := meeting(id)
		if err != nil {
			return err
		}
		sources[reportKey{id, doc.ID}] = len(m.Sources)
		m.Sources = append(m.Sources, ms)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meeting sources: %w", err)
	}

	err = each(ctx, q, `SELECT p.meeting_id, p.document_id, e.id, e.kind, e.name FROM meeting_source_parties p
		JOIN entities e ON e.id = p.entity_id WHERE p.meeting_id IN `+inIDs+`
		ORDER BY p.meeting_id, p.document_id, e.mentions DESC, e.id`, []any{list}, func(rows *sql.Rows) error {
		var id, doc int64
		var p briefing.PersonRef
		var kind string
		if err := rows.Scan(&id, &doc, &p.ID, &kind, &p.Name); err != nil {
			return err
		}
		i, ok := sources[reportKey{id, doc}]
		if !ok {
			return fmt.Errorf("meeting %d: no report in document %d", id, doc)
		}
		ms := &out[id].Sources[i]
		if kind == string(briefing.KindPerson) {
			ms.Participants = append(ms.Participants, p)
		} else {
			ms.Parties = append(ms.Parties, p.Name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meeting reports: %w", err)
	}

	res := make(map[int64]briefing.MeetingRecord, len(out))
	for id, m := range out {
		res[id] = *m
	}
	return res, nil
}
