package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"briefbot/briefing"
)

// storeMeetings merges each meeting the article reports into a stored one
// that other articles reported (see briefing.SameMeeting), or stores it as
// new.
func (in *ingestTx) storeMeetings() error {
	for _, m := range in.ex.Meetings {
		facts, err := in.meetingFacts(m)
		if err != nil {
			return err
		}
		id, err := in.findSameMeeting(facts)
		if err != nil {
			return err
		}
		if id == 0 {
			id, err = in.t.insert(`INSERT INTO meetings(kind, status, place_id, date, when_text, published) VALUES (?, ?, ?, ?, ?, ?)`,
				string(m.Kind), string(m.Status), nullID(facts.Place.ID), dateArg(m.Date), m.When, dateArg(in.ex.Article.Published))
			if err != nil {
				return fmt.Errorf("insert meeting: %w", err)
			}
		} else if err := in.mergeIntoMeeting(id, facts); err != nil {
			return err
		}
		if err := in.addMeetingReport(id, m, facts); err != nil {
			return err
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// meetingFacts maps an extracted meeting to stored ids.
func (in *ingestTx) meetingFacts(m briefing.ExtractedMeeting) (briefing.MeetingFacts, error) {
	f := briefing.MeetingFacts{Kind: m.Kind, Date: m.Date, When: m.When, Status: m.Status, Published: in.ex.Article.Published}
	for _, p := range m.Participants {
		if id, ok := in.entityID(p).(int64); ok {
			f.Persons = append(f.Persons, id)
		}
	}
	for _, p := range m.Parties {
		if id, ok := in.entityID(p).(int64); ok {
			f.Parties = append(f.Parties, id)
		}
	}
	if id, ok := in.entityID(m.Place).(int64); ok {
		p, err := in.placeFacts(id)
		if err != nil {
			return f, err
		}
		f.Place = p
	}
	return f, nil
}

func (in *ingestTx) placeFacts(id int64) (briefing.PlaceFacts, error) {
	p := briefing.PlaceFacts{ID: id}
	err := in.t.queryRow(`SELECT name, country FROM entities WHERE id = ?`, id).Scan(&p.Name, &p.Country)
	if err != nil {
		return p, fmt.Errorf("place %d: %w", id, err)
	}
	return p, nil
}

// maxMeetingCandidates bounds how many stored meetings of the same people
// are compared with a new report.
const maxMeetingCandidates = 40

// findSameMeeting returns the stored meeting the report describes, or 0.
// Candidates share a participant and were reported around the same time.
func (in *ingestTx) findSameMeeting(f briefing.MeetingFacts) (int64, error) {
	ids := f.Persons
	if len(ids) == 0 {
		ids = f.Parties
	}
	var cands []int64
	for _, p := range ids {
		got, err := in.t.int64s(`SELECT mp.meeting_id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
			WHERE mp.entity_id = ?1 AND m.kind = ?2
			AND (?3 IS NULL OR m.published IS NULL OR m.published BETWEEN date(?3, '-10 days') AND date(?3, '+10 days'))
			ORDER BY mp.meeting_id DESC LIMIT ?4`, p, string(f.Kind), dateArg(f.Published), maxMeetingCandidates)
		if err != nil {
			return 0, fmt.Errorf("meeting candidates: %w", err)
		}
		for _, id := range got {
			if !containsID(cands, id) {
				cands = append(cands, id)
			}
		}
	}
	for _, id := range cands {
		g, err := in.storedMeetingFacts(id)
		if err != nil {
			return 0, err
		}
		if briefing.SameMeeting(f, g) {
			return id, nil
		}
	}
	return 0, nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// storedMeetingFacts loads what SameMeeting compares of a stored meeting.
func (in *ingestTx) storedMeetingFacts(id int64) (briefing.MeetingFacts, error) {
	var f briefing.MeetingFacts
	var kind, status, when string
	var place sql.NullInt64
	var date, published sql.NullString
	err := in.t.queryRow(`SELECT kind, status, place_id, date, when_text, published FROM meetings WHERE id = ?`, id).
		Scan(&kind, &status, &place, &date, &when, &published)
	if err != nil {
		return f, fmt.Errorf("meeting %d: %w", id, err)
	}
	f.Kind, f.Status, f.When = briefing.MeetingKind(kind), briefing.MeetingStatus(status), when
	f.Date = parseDate(date)
	f.Published = parseDate(published)
	if place.Valid {
		if f.Place, err = in.placeFacts(place.Int64); err != nil {
			return f, err
		}
	}
	rows, err := in.t.query(`SELECT mp.entity_id, e.kind FROM meeting_participants mp JOIN entities e ON e.id = mp.entity_id WHERE mp.meeting_id = ?`, id)
	if err != nil {
		return f, fmt.Errorf("participants of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var k string
		if err := rows.Scan(&pid, &k); err != nil {
			return f, err
		}
		if k == string(briefing.KindPerson) {
			f.Persons = append(f.Persons, pid)
		} else {
			f.Parties = append(f.Parties, pid)
		}
	}
	return f, rows.Err()
}

// mergeIntoMeeting updates a stored meeting with a new report of it: the
// more precise place, the earliest report date, the time words when it had
// none.
func (in *ingestTx) mergeIntoMeeting(id int64, f briefing.MeetingFacts) error {
	g, err := in.storedMeetingFacts(id)
	if err != nil {
		return err
	}
	place := briefing.MorePrecisePlace(g.Place, f.Place)
	_, err = in.t.exec(`UPDATE meetings SET place_id = ?2,
		when_text = CASE WHEN when_text = '' THEN ?3 ELSE when_text END,
		published = CASE WHEN published IS NULL OR (?4 IS NOT NULL AND ?4 < published) THEN COALESCE(?4, published) ELSE published END
		WHERE id = ?1`, id, nullID(place.ID), f.When, dateArg(f.Published))
	if err != nil {
		return fmt.Errorf("merge meeting %d: %w", id, err)
	}
	return nil
}

// addMeetingReport records the article's report of meeting id, its
// parties, and re-dates the meeting from all its reports.
func (in *ingestTx) addMeetingReport(id int64, m briefing.ExtractedMeeting, f briefing.MeetingFacts) error {
	for _, p := range append(append([]int64{}, f.Persons...), f.Parties...) {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO meeting_participants(meeting_id, entity_id) VALUES (?, ?)`, id, p); err != nil {
			return err
		}
	}
	for _, g := range m.Groups {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO meeting_groups(meeting_id, name) VALUES (?, ?)`, id, g); err != nil {
			return err
		}
	}
	sentence := any(nil)
	if len(m.Sentences) > 0 {
		sentence = in.sentenceID(m.Sentences[0])
	}
	if _, err := in.t.exec(`INSERT OR IGNORE INTO meeting_sources(meeting_id, document_id, sentence_id, place_id, date, when_text, status)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, in.docID, sentence, nullID(f.Place.ID), dateArg(m.Date), m.When, string(m.Status)); err != nil {
		return fmt.Errorf("meeting source: %w", err)
	}
	for _, p := range append(append([]int64{}, f.Persons...), f.Parties...) {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO meeting_source_parties(meeting_id, document_id, entity_id) VALUES (?, ?, ?)`, id, in.docID, p); err != nil {
			return err
		}
	}
	return in.redateMeeting(id)
}

// redateMeeting sets a meeting's date and status from all its reports
// (briefing.InferDate); the latest report's status wins.
func (in *ingestTx) redateMeeting(id int64) error {
	rows, err := in.t.query(`SELECT d.published, s.date, s.when_text, s.status FROM meeting_sources s
		JOIN documents d ON d.id = s.document_id WHERE s.meeting_id = ? ORDER BY d.published, s.document_id`, id)
	if err != nil {
		return err
	}
	var reports []briefing.MeetingReport
	for rows.Next() {
		var pub, date sql.NullString
		var r briefing.MeetingReport
		var status string
		if err := rows.Scan(&pub, &date, &r.When, &status); err != nil {
			rows.Close()
			return err
		}
		r.Published, r.Date, r.Status = parseDate(pub), parseDate(date), briefing.MeetingStatus(status)
		reports = append(reports, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(reports) == 0 {
		return errors.New("meeting without reports")
	}
	status := latestStatus(reports)
	d, inferred := briefing.InferDate(reports, status)
	_, err = in.t.exec(`UPDATE meetings SET date = ?, date_inferred = ?, status = ? WHERE id = ?`, dateArg(d), inferred, string(status), id)
	return err
}

// latestStatus is the status of the latest dated report, else the first.
func latestStatus(reports []briefing.MeetingReport) briefing.MeetingStatus {
	s := reports[0].Status
	var latest briefing.Date
	for _, r := range reports {
		if !r.Published.IsZero() && !r.Published.Before(latest) {
			latest, s = r.Published, r.Status
		}
	}
	return s
}

// parseDate reads a nullable ISO date column; bad values read as unknown.
func parseDate(s sql.NullString) briefing.Date {
	if !s.Valid || s.String == "" {
		return briefing.Date{}
	}
	d, err := briefing.ParseDate(s.String)
	if err != nil {
		return briefing.Date{}
	}
	return d
}
