package storage

import (
	"context"
	"fmt"
	"slices"

	"briefbot/briefing"
)

// Timeline implements briefing.Store: meetings and quotations of a
// person; or meetings, quotations, figures and articles whose sentences
// match a topic; or, with neither, meetings, figures and articles. Dated
// events come first, oldest first; undated ones follow.
func (db *DB) Timeline(ctx context.Context, person int64, topic string, limit int) ([]briefing.TimelineEvent, error) {
	var events []briefing.TimelineEvent
	var err error
	switch {
	case person != 0:
		events, err = db.personTimeline(ctx, person, limit)
	case topic != "":
		events, err = db.topicTimeline(ctx, topic, limit)
	default:
		events, err = db.corpusTimeline(ctx, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	slices.SortStableFunc(events, func(a, b briefing.TimelineEvent) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		}
		return a.Date.Compare(b.Date)
	})
	if len(events) > limit {
		events = events[:limit]
	}
	return events, nil
}

func (db *DB) personTimeline(ctx context.Context, person int64, limit int) ([]briefing.TimelineEvent, error) {
	ms, err := db.Meetings(ctx, person, 0)
	if err != nil {
		return nil, err
	}
	events := meetingEvents(ms)
	qs, err := db.Quotes(ctx, person, "", limit)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		events = append(events, quoteEvent(q))
	}
	return events, nil
}

func (db *DB) topicTimeline(ctx context.Context, topic string, limit int) ([]briefing.TimelineEvent, error) {
	match, err := ftsQuery(topic)
	if err != nil {
		return nil, err
	}
	const matching = `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1`
	ids, err := db.ids(ctx, `SELECT DISTINCT ms.meeting_id FROM meeting_sources ms JOIN meetings m ON m.id = ms.meeting_id
		WHERE m.kind = 'meeting' AND (ms.sentence_id IN (`+matching+`)
		OR m.place_id IN (SELECT a.entity_id FROM aliases a WHERE a.norm = lower(?2)))
		ORDER BY ms.meeting_id LIMIT ?3`, match, topic, limit)
	if err != nil {
		return nil, err
	}
	events, err := db.meetingEventsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`, q.id, q.text, q.partial, q.verb, s.text, COALESCE(e.id, 0), COALESCE(e.name, '')
		FROM quotes q JOIN sentences s ON s.id = q.sentence_id JOIN documents d ON d.id = q.document_id
		LEFT JOIN entities e ON e.id = q.speaker_id
		WHERE q.sentence_id IN (`+matching+`) ORDER BY q.id LIMIT ?2`, match, limit)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var q briefing.QuoteRecord
		var sp briefing.PersonRef
		doc, err := scanDoc(rows, &q.ID, &q.Text, &q.Partial, &q.Verb, &q.Context, &sp.ID, &sp.Name)
		if err != nil {
			rows.Close()
			return nil, err
		}
		q.Source = doc
		if sp.ID != 0 {
			q.Speaker = &sp
		}
		events = append(events, quoteEvent(q))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	figs, err := db.figureEvents(ctx, `WHERE f.sentence_id IN (`+matching+`)`, match, limit)
	if err != nil {
		return nil, err
	}
	events = append(events, figs...)
	docs, err := db.documents(ctx, `SELECT DISTINCT `+docColumns+` FROM documents d JOIN sentences s ON s.document_id = d.id
		WHERE s.id IN (`+matching+`) ORDER BY d.id LIMIT ?2`, match, limit)
	if err != nil {
		return nil, err
	}
	return append(events, articleEvents(docs)...), nil
}

func (db *DB) corpusTimeline(ctx context.Context, limit int) ([]briefing.TimelineEvent, error) {
	ids, err := db.ids(ctx, `SELECT id FROM meetings WHERE kind = 'meeting'
		ORDER BY COALESCE(date, published) DESC NULLS LAST, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	events, err := db.meetingEventsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	figs, err := db.figureEvents(ctx, "", nil, limit)
	if err != nil {
		return nil, err
	}
	events = append(events, figs...)
	docs, err := db.documents(ctx, `SELECT `+docColumns+` FROM documents d ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	return append(events, articleEvents(docs)...), nil
}

// figureEvents lists the latest figures; where may filter on ?1
// (match), ?2 is the limit.
func (db *DB) figureEvents(ctx context.Context, where string, match any, limit int) ([]briefing.TimelineEvent, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`, f.text, s.text FROM figures f
		JOIN documents d ON d.id = f.document_id JOIN sentences s ON s.id = f.sentence_id `+where+`
		ORDER BY f.id DESC LIMIT ?2`, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []briefing.TimelineEvent
	for rows.Next() {
		var fig, sentence string
		doc, err := scanDoc(rows, &fig, &sentence)
		if err != nil {
			return nil, err
		}
		out = append(out, briefing.TimelineEvent{Date: doc.Published, Kind: "figure", Text: fig + " — " + sentence, Sources: []briefing.DocumentRef{doc}})
	}
	return out, rows.Err()
}

// meetingEventsOf loads meetings by id as timeline events.
func (db *DB) meetingEventsOf(ctx context.Context, ids []int64) ([]briefing.TimelineEvent, error) {
	ms, err := db.meetingsInOrder(ctx, ids)
	if err != nil {
		return nil, err
	}
	return meetingEvents(ms), nil
}

// meetingEvents dates each meeting by its date, else its first dated
// report.
func meetingEvents(ms []briefing.MeetingRecord) []briefing.TimelineEvent {
	out := make([]briefing.TimelineEvent, 0, len(ms))
	for _, m := range ms {
		e := briefing.TimelineEvent{Date: m.Date, When: m.When, Kind: "meeting", Text: briefing.MeetingSummary(m)}
		for _, s := range m.Sources {
			e.Sources = append(e.Sources, s.DocumentRef)
			if e.Date.IsZero() && !s.Published.IsZero() {
				e.Date = s.Published
			}
		}
		out = append(out, e)
	}
	return out
}

func quoteEvent(q briefing.QuoteRecord) briefing.TimelineEvent {
	who := "unknown speaker"
	if q.Speaker != nil {
		who = q.Speaker.Name
	}
	return briefing.TimelineEvent{Date: q.Source.Published, Kind: "quote", Text: who + ": " + briefing.QuoteText(q), Sources: []briefing.DocumentRef{q.Source}}
}

func articleEvents(docs []briefing.DocumentRef) []briefing.TimelineEvent {
	out := make([]briefing.TimelineEvent, 0, len(docs))
	for _, d := range docs {
		out = append(out, briefing.TimelineEvent{Date: d.Published, Kind: "article", Text: d.Title, Sources: []briefing.DocumentRef{d}})
	}
	return out
}
