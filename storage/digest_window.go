package storage

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// querier runs read queries: a database or one connection.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// snapshot runs f on one connection inside a read transaction, so that
// all its queries see the database as one state even while articles are
// ingested.
func (db *DB) snapshot(ctx context.Context, f func(q querier) error) (err error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// A deferred BEGIN, not BeginTx: the driver begins IMMEDIATE (the
	// _txlock of Open), which would wait for the writer.
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return err
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.Background(), `ROLLBACK`); rerr != nil {
			// A connection possibly still in a transaction must not go
			// back to the pool.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = fmt.Errorf("end read: %w", rerr)
			}
		}
	}()
	return f(conn)
}

// Window implements digest.Store: the channel's next window, read from
// one snapshot of the database.
//
// Its articles are the documents after the channel's cursor; when the
// channel has no posted digest and since is not zero, only those
// published (or, undated, ingested) on or after since's day, in since's
// location. Cursor is the last document the window looked at: a document
// the since filter left out is not looked at again.
func (db *DB) Window(ctx context.Context, channel string, since time.Time) (digest.Window, error) {
	var w digest.Window
	err := db.snapshot(ctx, func(q querier) error {
		var err error
		w, err = db.window(ctx, q, channel, since, digest.MaxArticles)
		return err
	})
	if err != nil {
		return digest.Window{}, fmt.Errorf("digest window of %s: %w", channel, err)
	}
	return w, nil
}

// window reads a channel's window of at most limit articles.
func (db *DB) window(ctx context.Context, q querier, channel string, since time.Time, limit int) (digest.Window, error) {
	w := digest.Window{Channel: channel, Articles: []digest.Article{}, Told: []digest.Fact{}}
	var cursor int64
	var posted sql.NullString
	err := q.QueryRowContext(ctx, `SELECT cursor, last_posted FROM digest_channels WHERE channel = ?`, channel).Scan(&cursor, &posted)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return w, fmt.Errorf("channel: %w", err)
	}
	day := "" // the since filter; "" for none
	if posted.Valid {
		if w.Since, err = parseTime(posted); err != nil {
			return w, err
		}
	} else {
		w.Since = since
		if !since.IsZero() {
			day = since.Format("2006-01-02")
		}
	}

	// The window's articles, newest first, and where it ends.
	const newer = `d.id > ?1 AND (?2 = '' OR COALESCE(d.published, substr(d.ingested_at, 1, 10)) >= ?2)`
	ids, err := int64s(ctx, q, `SELECT d.id FROM documents d WHERE `+newer+` ORDER BY d.id DESC LIMIT ?3`, cursor, day, limit)
	if err != nil {
		return w, fmt.Errorf("articles: %w", err)
	}
	slices.Reverse(ids)
	w.Total = len(ids)
	if len(ids) == limit {
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents d WHERE `+newer, cursor, day).Scan(&w.Total); err != nil {
			return w, fmt.Errorf("count articles: %w", err)
		}
	}
	if err := q.QueryRowContext(ctx, `SELECT MAX(?1, COALESCE(MAX(id), 0)) FROM documents`, cursor).Scan(&w.Cursor); err != nil {
		return w, fmt.Errorf("cursor: %w", err)
	}

	if len(ids) > 0 {
		if w.Articles, err = db.windowArticles(ctx, q, ids); err != nil {
			return w, err
		}
	}

	rows, err := q.QueryContext(ctx, `SELECT kind, key, text FROM (
			SELECT kind, key, text FROM digest_facts WHERE channel = ? ORDER BY run_id DESC LIMIT ?)
		ORDER BY kind, key`, channel, digest.MaxToldFacts)
	if err != nil {
		return w, fmt.Errorf("facts told: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f digest.Fact
		var kind string
		if err := rows.Scan(&kind, &f.Key, &f.Text); err != nil {
			return w, fmt.Errorf("facts told: %w", err)
		}
		f.Kind = digest.FactKind(kind)
		w.Told = append(w.Told, f)
	}
	if err := rows.Err(); err != nil {
		return w, fmt.Errorf("facts told: %w", err)
	}
	return w, nil
}

// inIDs is a subquery listing the ids of a JSON array given as ?1: one
// parameter for any number of ids.
const inIDs = `(SELECT value FROM json_each(?1))`

// idList writes ids as a JSON array for inIDs.
func idList(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// windowArticles loads the articles with the ids, in that order, with
// everything extracted from them: a few queries for all of them rather
// than a few per article.
func (db *DB) windowArticles(ctx context.Context, q querier, ids []int64) ([]digest.Article, error) {
	list := idList(ids)
	arts := make([]digest.Article, len(ids))
	byDoc := make(map[int64]*digest.Article, len(ids))
	for i, id := range ids {
		arts[i] = digest.Article{Sentences: []string{}, People: []digest.PersonMention{}, Quotes: []briefing.QuoteRecord{},
			Figures: []digest.Figure{}, Meetings: []briefing.MeetingRecord{}}
		arts[i].Doc.ID = id
		byDoc[id] = &arts[i]
	}
	// article finds the article of a row's document.
	article := func(doc int64) (*digest.Article, error) {
		a, ok := byDoc[doc]
		if !ok {
			return nil, fmt.Errorf("document %d is not in the window", doc)
		}
		return a, nil
	}

	err := each(ctx, q, `SELECT `+docColumns+`, d.ingested_at FROM documents d WHERE d.id IN `+inIDs, []any{list}, func(rows *sql.Rows) error {
		var ingested string
		doc, err := scanDoc(rows, &ingested)
		if err != nil {
			return err
		}
		a, err := article(doc.ID)
		if err != nil {
			return err
		}
		a.Doc = doc
		if a.IngestedAt, err = time.Parse(time.RFC3339, ingested); err != nil {
			return fmt.Errorf("document %d: ingested at %q: %w", doc.ID, ingested, err)
		}
		a.IngestedAt = a.IngestedAt.UTC()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}

	ok, err := windowSentences(ctx, q, list, article)
	if err == nil && !ok {
		// Not expected: read them again, one row each.
		for i := range arts {
			arts[i].Sentences = []string{}
		}
		err = each(ctx, q, `SELECT document_id, text FROM sentences WHERE document_id IN `+inIDs+` AND heading = 0
			ORDER BY document_id, seq`, []any{list}, func(rows *sql.Rows) error {
			var doc int64
			var text string
			if err := rows.Scan(&doc, &text); err != nil {
				return err
			}
			a, err := article(doc)
			if err != nil {
				return err
			}
			a.Sentences = append(a.Sentences, text)
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}

	// People and quote speakers: who, then their names and roles, once
	// per person.
	type mention struct {
		doc, person int64
		n           int
	}
	var mentions []mention
	var people []int64
	err = each(ctx, q, `SELECT ed.document_id, ed.entity_id, ed.mentions FROM entity_documents ed
		CROSS JOIN entities e ON e.id = ed.entity_id WHERE ed.document_id IN `+inIDs+` AND e.kind = 'person'`, []any{list}, func(rows *sql.Rows) error {
		var m mention
		if err := rows.Scan(&m.doc, &m.person, &m.n); err != nil {
			return err
		}
		mentions = append(mentions, m)
		people = append(people, m.person)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	type quote struct {
		doc, speaker int64
		r            briefing.QuoteRecord
	}
	var quotes []quote
	err = each(ctx, q, `SELECT q.document_id, COALESCE(q.speaker_id, 0), q.id, q.text, q.partial, q.verb, s.text
		FROM quotes q JOIN sentences s ON s.id = q.sentence_id WHERE q.document_id IN `+inIDs+`
		ORDER BY q.document_id, s.seq, q.id`, []any{list}, func(rows *sql.Rows) error {
		var qt quote
		if err := rows.Scan(&qt.doc, &qt.speaker, &qt.r.ID, &qt.r.Text, &qt.r.Partial, &qt.r.Verb, &qt.r.Context); err != nil {
			return err
		}
		quotes = append(quotes, qt)
		if qt.speaker != 0 {
			people = append(people, qt.speaker)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	refs, err := personRefs(ctx, q, people)
	if err != nil {
		return nil, err
	}
	for _, m := range mentions {
		a, err := article(m.doc)
		if err != nil {
			return nil, err
		}
		ref, ok := refs[m.person]
		if !ok {
			return nil, fmt.Errorf("person %d: not found", m.person)
		}
		a.People = append(a.People, digest.PersonMention{PersonRef: ref, Mentions: m.n})
	}
	for i := range arts {
		slices.SortFunc(arts[i].People, func(x, y digest.PersonMention) int {
			return cmp.Or(cmp.Compare(y.Mentions, x.Mentions), cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
		})
	}
	for _, qt := range quotes {
		a, err := article(qt.doc)
		if err != nil {
			return nil, err
		}
		if qt.speaker != 0 {
			ref, ok := refs[qt.speaker]
			if !ok {
				return nil, fmt.Errorf("speaker %d: not found", qt.speaker)
			}
			qt.r.Speaker = &ref
		}
		qt.r.Source = a.Doc
		a.Quotes = append(a.Quotes, qt.r)
	}

	err = each(ctx, q, `SELECT f.document_id, f.text, s.text FROM figures f JOIN sentences s ON s.id = f.sentence_id
		WHERE f.document_id IN `+inIDs+` ORDER BY f.document_id, s.seq, f.id`, []any{list}, func(rows *sql.Rows) error {
		var doc int64
		var f digest.Figure
		if err := rows.Scan(&doc, &f.Text, &f.Sentence); err != nil {
			return err
		}
		a, err := article(doc)
		if err != nil {
			return err
		}
		a.Figures = append(a.Figures, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}

	// Meetings: which articles report which, then each meeting once.
	type report struct{ doc, meeting int64 }
	var reports []report
	var meetingIDs []int64
	err = each(ctx, q, `SELECT ms.document_id, ms.meeting_id FROM meeting_sources ms
		CROSS JOIN meetings m ON m.id = ms.meeting_id LEFT JOIN sentences s ON s.id = ms.sentence_id
		WHERE ms.document_id IN `+inIDs+` AND m.kind = 'meeting'
		ORDER BY ms.document_id, s.seq IS NULL, s.seq, ms.meeting_id`, []any{list}, func(rows *sql.Rows) error {
		var r report
		if err := rows.Scan(&r.doc, &r.meeting); err != nil {
			return err
		}
		reports = append(reports, r)
		meetingIDs = append(meetingIDs, r.meeting)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	meetings, err := meetingsByID(ctx, q, meetingIDs)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		a, err := article(r.doc)
		if err != nil {
			return nil, err
		}
		a.Meetings = append(a.Meetings, meetings[r.meeting])
	}
	return arts, nil
}

// errUnreadable stops reading rows that do not read back.
var errUnreadable = errors.New("unreadable row")

// windowSentences loads the body sentences of the documents listed (see
// idList) in reading order, adding them to their articles. Each
// document's sentences come in one row, each as its length in bytes, a
// colon and its text: a few rows cross from SQLite to Go rather than
// one per sentence. ok is false, the articles' sentences partly loaded,
// when a row does not read back.
func windowSentences(ctx context.Context, q querier, list string, article func(doc int64) (*digest.Article, error)) (ok bool, err error) {
	err = each(ctx, q, `SELECT document_id, group_concat(octet_length(text) || ':' || text, '' ORDER BY seq, id)
		FROM sentences WHERE document_id IN `+inIDs+` AND heading = 0 GROUP BY document_id`, []any{list}, func(rows *sql.Rows) error {
		var doc int64
		var texts string
		if err := rows.Scan(&doc, &texts); err != nil {
			return err
		}
		a, err := article(doc)
		if err != nil {
			return err
		}
		sentences, ok := splitLengthPrefixed(texts)
		if !ok {
			return errUnreadable
		}
		if len(sentences) > 0 {
			a.Sentences = sentences
		}
		return nil
	})
	if errors.Is(err, errUnreadable) {
		return false, nil
	}
	return err == nil, err
}

// splitLengthPrefixed splits texts written each as its length in bytes,
// a colon and itself.
func splitLengthPrefixed(s string) ([]string, bool) {
	var out []string
	for s != "" {
		colon := strings.IndexByte(s, ':')
		if colon <= 0 {
			return nil, false
		}
		n, err := strconv.Atoi(s[:colon])
		if err != nil || n < 0 || n > len(s)-colon-1 {
			return nil, false
		}
		out = append(out, s[colon+1:colon+1+n])
		s = s[colon+1+n:]
	}
	return out, true
}

// personRefs loads the names and main roles of people, once each.
func personRefs(ctx context.Context, q querier, ids []int64) (map[int64]briefing.PersonRef, error) {
	ids = distinct(ids)
	out := make(map[int64]briefing.PersonRef, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := each(ctx, q, `SELECT e.id, e.name,
		COALESCE((SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc LIMIT 1), '')
		FROM entities e WHERE e.id IN `+inIDs, []any{idList(ids)}, func(rows *sql.Rows) error {
		var p briefing.PersonRef
		if err := rows.Scan(&p.ID, &p.Name, &p.Role); err != nil {
			return err
		}
		out[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	return out, nil
}

// each runs a query and calls f for every row.
func each(ctx context.Context, q querier, query string, args []any, f func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// int64s runs a query that returns one integer column.
func int64s(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	var out []int64
	err := each(ctx, q, query, args, func(rows *sql.Rows) error {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// distinct returns the ids sorted, each once.
func distinct(ids []int64) []int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}
