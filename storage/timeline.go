package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// Timeline implements briefing.Store: meetings and quotations of a
// person; or meetings, quotations, figures and articles whose sentences
// match a topic; or, with neither, meetings, figures and articles. Dated
// events come first, oldest first; undated ones follow. Of more than limit
// events, the newest dated ones are kept.
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
	// The newest dated events are kept; undated ones fill what is left.
	dated, _ := slices.BinarySearchFunc(events, true, func(e briefing.TimelineEvent, _ bool) int {
		if e.Date.IsZero() {
			return 1
		}
		return -1
	})
	if dated > limit {
		events = events[dated-limit : dated]
	}
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

// topicDepth bounds the sentences a topic is looked up in: the newest
// that match. A common word matches a good part of a large corpus, and a
// timeline shows at most a few hundred events.
const topicDepth = 500

// topicTimeline gathers, from the newest sentences that match the topic,
// the meetings they report, their quotations and figures and their
// articles, with the meetings held in a place of that name; all from one
// snapshot.
func (db *DB) topicTimeline(ctx context.Context, topic string, limit int) ([]briefing.TimelineEvent, error) {
	match, err := ftsQuery(topic)
	if err != nil {
		return nil, err
	}
	var events []briefing.TimelineEvent
	err = db.snapshot(ctx, func(q querier) error {
		var sentences, docs []int64
		err := each(ctx, q, `SELECT s.id, s.document_id FROM (
				SELECT rowid AS id FROM sentences_fts WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) h
			JOIN sentences s ON s.id = h.id`, []any{match, topicDepth}, func(rows *sql.Rows) error {
			var s, d int64
			if err := rows.Scan(&s, &d); err != nil {
				return err
			}
			sentences, docs = append(sentences, s), append(docs, d)
			return nil
		})
		if err != nil {
			return fmt.Errorf("matching sentences: %w", err)
		}
		// ?1 the articles, ?2 the sentences: the articles' indexes find
		// the rows, the sentences keep those that match.
		args := []any{idList(distinct(docs)), idList(sentences), limit, fold.Key(topic)}
		const inSentences = `(SELECT value FROM json_each(?2))`
		// CROSS JOIN: from the matching meetings, never from every meeting.
		ids, err := int64s(ctx, q, `SELECT m.id FROM (
				SELECT meeting_id AS id FROM meeting_sources WHERE document_id IN `+inIDs+` AND sentence_id IN `+inSentences+`
				UNION SELECT id FROM meetings WHERE place_id IN (SELECT entity_id FROM aliases WHERE norm = ?4)) x
			CROSS JOIN meetings m ON m.id = x.id WHERE m.kind = 'meeting' ORDER BY m.id DESC LIMIT ?3`, args...)
		if err != nil {
			return fmt.Errorf("meetings: %w", err)
		}
		ms, err := meetingsByID(ctx, q, ids)
		if err != nil {
			return err
		}
		inOrder := make([]briefing.MeetingRecord, len(ids))
		for i, id := range ids {
			inOrder[i] = ms[id]
		}
		events = meetingEvents(inOrder)
		// The newest quotations are picked first, then joined: a common
		// word is in many.
		err = each(ctx, q, `SELECT `+docColumns+`, q.id, q.text, q.partial, q.verb, s.text, COALESCE(e.id, 0), COALESCE(e.name, '')
			FROM (SELECT id FROM quotes WHERE document_id IN `+inIDs+` AND sentence_id IN `+inSentences+` ORDER BY id DESC LIMIT ?3) top
			CROSS JOIN quotes q ON q.id = top.id JOIN sentences s ON s.id = q.sentence_id JOIN documents d ON d.id = q.document_id
			LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY q.id DESC`, args[:3], func(rows *sql.Rows) error {
			var r briefing.QuoteRecord
			var sp briefing.PersonRef
			doc, err := scanDoc(rows, &r.ID, &r.Text, &r.Partial, &r.Verb, &r.Context, &sp.ID, &sp.Name)
			if err != nil {
				return err
			}
			r.Source = doc
			if sp.ID != 0 {
				r.Speaker = &sp
			}
			events = append(events, quoteEvent(r))
			return nil
		})
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		figs, err := figureEvents(ctx, q, `SELECT id FROM figures WHERE document_id IN `+inIDs+` AND sentence_id IN `+inSentences+` ORDER BY id DESC LIMIT ?3`, args[:3]...)
		if err != nil {
			return err
		}
		events = append(events, figs...)
		return each(ctx, q, `SELECT `+docColumns+` FROM documents d WHERE d.id IN `+inIDs+` ORDER BY d.id DESC LIMIT ?2`,
			[]any{args[0], limit}, func(rows *sql.Rows) error {
				d, err := scanDoc(rows)
				if err != nil {
					return err
				}
				events = append(events, articleEvents([]briefing.DocumentRef{d})...)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("topic %q: %w", topic, err)
	}
	return events, nil
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
	figs, err := figureEvents(ctx, db.sql, `SELECT id FROM figures ORDER BY id DESC LIMIT ?1`, limit)
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

// figureEvents lists figures as timeline events, newest first: those whose
// ids pick selects (a query with args).
func figureEvents(ctx context.Context, q querier, pick string, args ...any) ([]briefing.TimelineEvent, error) {
	var out []briefing.TimelineEvent
	err := each(ctx, q, `SELECT `+docColumns+`, f.text, s.text FROM (`+pick+`) top CROSS JOIN figures f ON f.id = top.id
		JOIN documents d ON d.id = f.document_id JOIN sentences s ON s.id = f.sentence_id ORDER BY f.id DESC`, args, func(rows *sql.Rows) error {
		var fig, sentence string
		doc, err := scanDoc(rows, &fig, &sentence)
		if err != nil {
			return err
		}
		out = append(out, briefing.TimelineEvent{Date: doc.Published, Kind: "figure", Text: fig + " — " + sentence, Sources: []briefing.DocumentRef{doc}})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	return out, nil
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
