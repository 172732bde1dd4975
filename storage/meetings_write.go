package storage

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"briefbot/briefing"
)

// storedMeeting is a stored meeting as the writer changes it: what
// briefing.SameMeeting compares, and the reports that date it. The
// writer's index holds it between articles (see meetingCache).
type storedMeeting struct {
	facts   briefing.MeetingFacts
	reports []briefing.MeetingReport
}

// storeMeetings merges each meeting the article reports into a stored one
// that other articles reported (see briefing.SameMeeting), or stores it as
// new.
func (in *ingestTx) storeMeetings() error {
	// The extraction already told this article's meetings apart: none
	// merges into another of the same article.
	ours := map[int64]bool{}
	for _, m := range in.ex.Meetings {
		facts, err := in.meetingFacts(m)
		if err != nil {
			return err
		}
		id, err := in.findSameMeeting(facts, ours)
		if err != nil {
			return err
		}
		var sm *storedMeeting
		if id == 0 {
			id, err = in.t.insert(`INSERT INTO meetings(kind, status, place_id, date, when_text, published) VALUES (?, ?, ?, ?, ?, ?)`,
				string(m.Kind), string(m.Status), nullID(facts.Place.ID), dateArg(m.Date), m.When, dateArg(in.ex.Article.Published))
			if err != nil {
				return fmt.Errorf("insert meeting: %w", err)
			}
			sm = &storedMeeting{facts: facts}
			sm.facts.Persons, sm.facts.Parties = nil, nil
		} else if sm, err = in.mergeIntoMeeting(id, facts); err != nil {
			return err
		}
		if err := in.addMeetingReport(id, sm, m, facts); err != nil {
			return err
		}
		in.idx.keep(id, sm)
		ours[id] = true
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
	// Cloned: the writer's index keeps it, and must not keep the article.
	f := briefing.MeetingFacts{Kind: m.Kind, Date: m.Date, When: strings.Clone(m.When), Status: m.Status, Published: in.ex.Article.Published}
	for _, p := range m.Participants {
		if id, ok := in.entityID(p).(int64); ok && !slices.Contains(f.Persons, id) {
			f.Persons = append(f.Persons, id)
		}
	}
	for _, p := range m.Parties {
		if id, ok := in.entityID(p).(int64); ok && !slices.Contains(f.Parties, id) {
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
	if p, ok := in.idx.places[id]; ok {
		return p, nil
	}
	p := briefing.PlaceFacts{ID: id}
	err := in.t.queryRow(`SELECT name, country FROM entities WHERE id = ?`, id).Scan(&p.Name, &p.Country)
	if err != nil {
		return p, fmt.Errorf("place %d: %w", id, err)
	}
	in.idx.places[id] = p
	return p, nil
}

// maxMeetingCandidates bounds how many stored meetings of one party are
// compared with a new report: the latest ones.
const maxMeetingCandidates = 40

// findSameMeeting returns the stored meeting the report describes, or 0.
// Candidates share a participant (the latest meetings of each) and are
// not among skip.
func (in *ingestTx) findSameMeeting(f briefing.MeetingFacts, skip map[int64]bool) (int64, error) {
	ids := f.Persons
	if len(ids) == 0 {
		ids = f.Parties
	}
	var cands []int64
	for _, p := range ids {
		got, err := in.meetingsOf(p)
		if err != nil {
			return 0, err
		}
		for i := len(got) - 1; i >= 0 && i >= len(got)-maxMeetingCandidates; i-- {
			if !skip[got[i]] {
				cands = append(cands, got[i])
			}
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	for i := len(cands) - 1; i >= 0; i-- {
		g, err := in.heldFacts(cands[i])
		if err != nil {
			return 0, err
		}
		if briefing.SameMeeting(f, g) {
			return cands[i], nil
		}
	}
	return 0, nil
}

// heldFacts returns what SameMeeting compares of a stored meeting, from
// the writer's index (loading the meeting into it when not held). The
// slices are the index's, not to be changed.
func (in *ingestTx) heldFacts(id int64) (briefing.MeetingFacts, error) {
	if f, ok := in.idx.meetingFacts(id); ok {
		return f, nil
	}
	sm, err := in.storedMeeting(id)
	if err != nil {
		return briefing.MeetingFacts{}, err
	}
	return sm.facts, nil
}

// meetingsOf returns the meetings an entity takes part in, oldest first,
// from the writer's index (loading it once per entity).
func (in *ingestTx) meetingsOf(entity int64) ([]int64, error) {
	if ids, ok := in.idx.meetingsOf[entity]; ok {
		return ids, nil
	}
	ids, err := in.t.int64s(`SELECT meeting_id FROM meeting_participants WHERE entity_id = ? ORDER BY meeting_id`, entity)
	if err != nil {
		return nil, fmt.Errorf("meetings of %d: %w", entity, err)
	}
	if ids == nil {
		ids = []int64{}
	}
	in.idx.meetingsOf[entity] = ids
	return ids, nil
}

// storedMeeting returns a stored meeting to change, from the writer's
// index or else from the database (then the index holds it too).
func (in *ingestTx) storedMeeting(id int64) (*storedMeeting, error) {
	if sm, ok := in.idx.meeting(id); ok {
		return sm, nil
	}
	sm := &storedMeeting{}
	f := &sm.facts
	var kind, status, when string
	var place sql.NullInt64
	var date, published sql.NullString
	err := in.t.queryRow(`SELECT kind, status, place_id, date, when_text, published FROM meetings WHERE id = ?`, id).
		Scan(&kind, &status, &place, &date, &when, &published)
	if err != nil {
		return nil, fmt.Errorf("meeting %d: %w", id, err)
	}
	f.Kind, f.Status, f.When = briefing.MeetingKind(kind), briefing.MeetingStatus(status), when
	f.Date, f.Published = parseDate(date), parseDate(published)
	if place.Valid {
		if f.Place, err = in.placeFacts(place.Int64); err != nil {
			return nil, err
		}
	}
	rows, err := in.t.query(`SELECT mp.entity_id, e.kind FROM meeting_participants mp JOIN entities e ON e.id = mp.entity_id WHERE mp.meeting_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("participants of %d: %w", id, err)
	}
	for rows.Next() {
		var pid int64
		var k string
		if err := rows.Scan(&pid, &k); err != nil {
			rows.Close()
			return nil, err
		}
		if k == string(briefing.KindPerson) {
			f.Persons = append(f.Persons, pid)
		} else {
			f.Parties = append(f.Parties, pid)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = in.t.query(`SELECT d.published, s.date, s.when_text, s.status FROM meeting_sources s
		JOIN documents d ON d.id = s.document_id WHERE s.meeting_id = ? ORDER BY d.published, s.document_id`, id)
	if err != nil {
		return nil, fmt.Errorf("reports of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var pub, date sql.NullString
		var r briefing.MeetingReport
		var status string
		if err := rows.Scan(&pub, &date, &r.When, &status); err != nil {
			return nil, err
		}
		r.Published, r.Date, r.Status = parseDate(pub), parseDate(date), briefing.MeetingStatus(status)
		sm.reports = append(sm.reports, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	in.idx.keep(id, sm)
	return sm, nil
}

// mergeIntoMeeting updates a stored meeting with a new report of it: the
// more precise place, the time words when it had none, the earliest
// publication date.
func (in *ingestTx) mergeIntoMeeting(id int64, f briefing.MeetingFacts) (*storedMeeting, error) {
	sm, err := in.storedMeeting(id)
	if err != nil {
		return nil, err
	}
	g := &sm.facts
	g.Place = briefing.MorePrecisePlace(g.Place, f.Place)
	if g.When == "" {
		g.When = f.When
	}
	if !f.Published.IsZero() && (g.Published.IsZero() || f.Published.Before(g.Published)) {
		g.Published = f.Published
	}
	_, err = in.t.exec(`UPDATE meetings SET place_id = ?, when_text = ?, published = ? WHERE id = ?`,
		nullID(g.Place.ID), g.When, dateArg(g.Published), id)
	if err != nil {
		return nil, fmt.Errorf("merge meeting %d: %w", id, err)
	}
	return sm, nil
}

// addMeetingReport records the article's report of meeting id and its
// parties, and re-dates the meeting from all its reports.
func (in *ingestTx) addMeetingReport(id int64, sm *storedMeeting, m briefing.ExtractedMeeting, f briefing.MeetingFacts) error {
	for _, p := range append(append([]int64{}, f.Persons...), f.Parties...) {
		res, err := in.t.exec(`INSERT OR IGNORE INTO meeting_participants(meeting_id, entity_id) VALUES (?, ?)`, id, p)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		if slices.Contains(f.Persons, p) {
			sm.facts.Persons = append(sm.facts.Persons, p)
		} else {
			sm.facts.Parties = append(sm.facts.Parties, p)
		}
		if ids, ok := in.idx.meetingsOf[p]; ok {
			in.idx.meetingsOf[p] = append(ids, id)
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
	res, err := in.t.exec(`INSERT OR IGNORE INTO meeting_sources(meeting_id, document_id, sentence_id, place_id, date, when_text, status)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, in.docID, sentence, nullID(f.Place.ID), dateArg(m.Date), m.When, string(m.Status))
	if err != nil {
		return fmt.Errorf("meeting source: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		r := briefing.MeetingReport{Published: in.ex.Article.Published, Date: m.Date, When: strings.Clone(m.When), Status: m.Status}
		sm.reports = append(sm.reports, r)
		slices.SortStableFunc(sm.reports, func(a, b briefing.MeetingReport) int { return a.Published.Compare(b.Published) })
	}
	for _, p := range append(append([]int64{}, f.Persons...), f.Parties...) {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO meeting_source_parties(meeting_id, document_id, entity_id) VALUES (?, ?, ?)`, id, in.docID, p); err != nil {
			return err
		}
	}
	return in.redateMeeting(id, sm)
}

// redateMeeting sets a meeting's date and status from all its reports
// (briefing.InferDate); the latest dated report's status wins.
func (in *ingestTx) redateMeeting(id int64, sm *storedMeeting) error {
	if len(sm.reports) == 0 {
		return fmt.Errorf("meeting %d has no reports", id)
	}
	status := latestStatus(sm.reports)
	d, inferred := briefing.InferDate(sm.reports, status)
	if d == sm.facts.Date && status == sm.facts.Status && len(sm.reports) > 1 {
		return nil
	}
	sm.facts.Date, sm.facts.Status = d, status
	_, err := in.t.exec(`UPDATE meetings SET date = ?, date_inferred = ?, status = ? WHERE id = ?`, dateArg(d), inferred, string(status), id)
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
