package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"briefbot/briefing"
)

// maxCandidates bounds the people a name lookup returns.
const maxCandidates = 200

// PeopleByKeys implements briefing.Store.
func (db *DB) PeopleByKeys(ctx context.Context, keys []string) ([]briefing.PersonCandidate, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	q := `SELECT DISTINCT e.id FROM name_keys k JOIN entities e ON e.id = k.entity_id
		WHERE k.key IN (` + placeholders(len(keys)) + `) AND e.kind = 'person' ORDER BY e.mentions DESC LIMIT ` + fmt.Sprint(maxCandidates)
	ids, err := db.ids(ctx, q, stringArgs(keys)...)
	if err != nil {
		return nil, fmt.Errorf("people by keys: %w", err)
	}
	return db.candidates(ctx, ids)
}

// PeopleByPrefix implements briefing.Store.
func (db *DB) PeopleByPrefix(ctx context.Context, prefix string, limit int) ([]briefing.PersonCandidate, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if prefix == "" {
		return nil, nil
	}
	ids, err := db.ids(ctx, `SELECT e.id FROM entities e WHERE e.kind = 'person' AND e.id IN (
			SELECT entity_id FROM name_words WHERE word >= ?1 AND word < ?1 || x'f48fbfbf')
		ORDER BY e.mentions DESC, e.id LIMIT ?2`, prefix, limit)
	if err != nil {
		return nil, fmt.Errorf("people by prefix: %w", err)
	}
	return db.candidates(ctx, ids)
}

// candidates loads people with their name forms and main role, in the
// order of ids: two queries for any number (autocomplete asks for a
// hundred at each keystroke). An id no longer stored is left out.
func (db *DB) candidates(ctx context.Context, ids []int64) ([]briefing.PersonCandidate, error) {
	if len(ids) == 0 {
		return []briefing.PersonCandidate{}, nil
	}
	byID := make(map[int64]*briefing.PersonCandidate, len(ids))
	err := db.snapshot(ctx, func(q querier) error {
		list := idList(ids)
		err := each(ctx, q, `SELECT e.id, e.name, e.mentions,
			COALESCE((SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc LIMIT 1), '')
			FROM entities e WHERE e.id IN `+inIDs+` AND e.kind = 'person'`, []any{list}, func(rows *sql.Rows) error {
			c := &briefing.PersonCandidate{Aliases: []string{}}
			if err := rows.Scan(&c.ID, &c.Name, &c.Mentions, &c.Role); err != nil {
				return err
			}
			byID[c.ID] = c
			return nil
		})
		if err != nil {
			return err
		}
		return each(ctx, q, `SELECT entity_id, alias FROM aliases WHERE entity_id IN `+inIDs+` ORDER BY entity_id, first_doc, alias`,
			[]any{list}, func(rows *sql.Rows) error {
				var id int64
				var alias string
				if err := rows.Scan(&id, &alias); err != nil {
					return err
				}
				if c := byID[id]; c != nil {
					c.Aliases = append(c.Aliases, alias)
				}
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	out := make([]briefing.PersonCandidate, 0, len(ids))
	for _, id := range ids {
		if c := byID[id]; c != nil {
			out = append(out, *c)
		}
	}
	return out, nil
}

// personRef loads a person's name and main role.
func (db *DB) personRef(ctx context.Context, id int64) (briefing.PersonRef, int, error) {
	ref := briefing.PersonRef{ID: id}
	var mentions int
	var role sql.NullString
	err := db.sql.QueryRowContext(ctx, `SELECT e.name, e.mentions,
		(SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc LIMIT 1)
		FROM entities e WHERE e.id = ?`, id).Scan(&ref.Name, &mentions, &role)
	if errors.Is(err, sql.ErrNoRows) {
		return ref, 0, fmt.Errorf("person %d: not found", id)
	}
	if err != nil {
		return ref, 0, fmt.Errorf("person %d: %w", id, err)
	}
	ref.Role = role.String
	return ref, mentions, nil
}

// Person implements briefing.Store.
func (db *DB) Person(ctx context.Context, id int64) (briefing.Person, error) {
	ref, mentions, err := db.personRef(ctx, id)
	if err != nil {
		return briefing.Person{}, err
	}
	p := briefing.Person{PersonRef: ref, Mentions: mentions}
	var gender string
	if err := db.sql.QueryRowContext(ctx, `SELECT gender FROM entities WHERE id = ?`, id).Scan(&gender); err != nil {
		return p, fmt.Errorf("person %d: %w", id, err)
	}
	p.Gender = briefing.Gender(gender)
	if p.Aliases, err = db.strings(ctx, `SELECT alias FROM aliases WHERE entity_id = ? ORDER BY first_doc, alias`, id); err != nil {
		return p, err
	}
	if p.Roles, err = db.strings(ctx, `SELECT role FROM roles WHERE entity_id = ? ORDER BY uses DESC, first_doc`, id); err != nil {
		return p, err
	}
	if p.Organizations, err = db.strings(ctx, `SELECT org FROM affiliations WHERE entity_id = ? ORDER BY uses DESC, org`, id); err != nil {
		return p, err
	}
	if p.Documents, err = db.documents(ctx, `SELECT `+docColumns+` FROM entity_documents ed JOIN documents d ON d.id = ed.document_id
		WHERE ed.entity_id = ? ORDER BY d.published IS NULL, d.published, d.id LIMIT 100`, id); err != nil {
		return p, err
	}
	var first, last sql.NullString
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(d.published), MAX(d.published) FROM entity_documents ed
		JOIN documents d ON d.id = ed.document_id WHERE ed.entity_id = ?`, id).Scan(&first, &last); err != nil {
		return p, fmt.Errorf("person %d: %w", id, err)
	}
	p.FirstSeen, p.LastSeen = parseDate(first), parseDate(last)
	return p, nil
}

// PersonStats implements briefing.Store.
func (db *DB) PersonStats(ctx context.Context, person int64) (meetings, quotes int, err error) {
	err = db.sql.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM meeting_participants p CROSS JOIN meetings m ON m.id = p.meeting_id WHERE p.entity_id = ?1 AND m.kind = 'meeting'),
		(SELECT COUNT(*) FROM quotes WHERE speaker_id = ?1)`, person).Scan(&meetings, &quotes)
	if err != nil {
		return 0, 0, fmt.Errorf("stats of %d: %w", person, err)
	}
	return meetings, quotes, nil
}

// coMentionWindow is how many of a person's latest articles the
// co-mention counts of Counterparts look at.
const coMentionWindow = 500

// Counterparts implements briefing.Store: people met most, then people
// named in the same articles most (among the person's latest articles).
func (db *DB) Counterparts(ctx context.Context, person int64, limit int) ([]briefing.Counterpart, error) {
	rows, err := db.sql.QueryContext(ctx, `
		WITH met AS (
			SELECT o.entity_id AS id, COUNT(*) AS n FROM meeting_participants p
			CROSS JOIN meeting_participants o ON o.meeting_id = p.meeting_id AND o.entity_id <> p.entity_id
			CROSS JOIN meetings m ON m.id = p.meeting_id AND m.kind = 'meeting'
			WHERE p.entity_id = ?1 GROUP BY o.entity_id),
		recent AS (
			SELECT document_id FROM entity_documents WHERE entity_id = ?1 ORDER BY document_id DESC LIMIT ?3),
		seen AS (
			SELECT o.entity_id AS id, COUNT(*) AS n FROM recent p
			JOIN entity_documents o ON o.document_id = p.document_id AND o.entity_id <> ?1
			GROUP BY o.entity_id)
		SELECT e.id, COALESCE(met.n, 0), COALESCE(seen.n, 0) FROM entities e
		LEFT JOIN met ON met.id = e.id LEFT JOIN seen ON seen.id = e.id
		WHERE e.kind = 'person' AND (met.n IS NOT NULL OR seen.n IS NOT NULL)
		ORDER BY COALESCE(met.n, 0) DESC, COALESCE(seen.n, 0) DESC, e.mentions DESC, e.id LIMIT ?2`, person, limit, coMentionWindow)
	if err != nil {
		return nil, fmt.Errorf("counterparts of %d: %w", person, err)
	}
	type row struct {
		id         int64
		met, times int
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.met, &r.times); err != nil {
			rows.Close()
			return nil, err
		}
		got = append(got, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]briefing.Counterpart, 0, len(got))
	for _, r := range got {
		ref, _, err := db.personRef(ctx, r.id)
		if err != nil {
			return nil, err
		}
		out = append(out, briefing.Counterpart{PersonRef: ref, Meetings: r.met, Articles: r.times})
	}
	return out, nil
}

// docColumns selects a document reference; scanDoc reads it.
const docColumns = `d.id, d.source, d.title, COALESCE(d.url, ''), COALESCE(d.outlet, ''), d.published`

func scanDoc(sc interface{ Scan(...any) error }, extra ...any) (briefing.DocumentRef, error) {
	var d briefing.DocumentRef
	var pub sql.NullString
	if err := sc.Scan(append([]any{&d.ID, &d.Source, &d.Title, &d.URL, &d.Outlet, &pub}, extra...)...); err != nil {
		return d, err
	}
	d.Published = parseDate(pub)
	return d, nil
}

func (db *DB) documents(ctx context.Context, q string, args ...any) ([]briefing.DocumentRef, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []briefing.DocumentRef
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (db *DB) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (db *DB) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func stringArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
