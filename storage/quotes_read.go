package storage

import (
	"context"
	"fmt"

	"briefbot/briefing"
)

// Quotes implements briefing.Store. about keeps the quotations whose
// sentence holds every word of it (full-text).
func (db *DB) Quotes(ctx context.Context, speaker int64, about string, limit int) ([]briefing.QuoteRecord, error) {
	q := `SELECT ` + docColumns + `, q.id, q.text, q.partial, q.verb, s.text
		FROM quotes q JOIN documents d ON d.id = q.document_id JOIN sentences s ON s.id = q.sentence_id
		WHERE q.speaker_id = ?1`
	args := []any{speaker, limit}
	if about != "" {
		match, err := ftsQuery(about)
		if err != nil {
			return nil, err
		}
		// A quotation lies within its sentence, so the sentence's index
		// serves both.
		q += ` AND q.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?3)`
		args = append(args, match)
	}
	q += ` ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.id LIMIT ?2`
	ref, _, err := db.personRef(ctx, speaker)
	if err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes of %d: %w", speaker, err)
	}
	defer rows.Close()
	var out []briefing.QuoteRecord
	for rows.Next() {
		r := briefing.QuoteRecord{Speaker: &ref}
		doc, err := scanDoc(rows, &r.ID, &r.Text, &r.Partial, &r.Verb, &r.Context)
		if err != nil {
			return nil, err
		}
		r.Source = doc
		out = append(out, r)
	}
	return out, rows.Err()
}
