package storage

import (
	"context"
	"fmt"

	"briefbot/briefing"
)

// Quotes implements briefing.Store. about keeps the quotations whose
// sentence holds every word of it (full-text).
func (db *DB) Quotes(ctx context.Context, speaker int64, about string, limit int) ([]briefing.QuoteRecord, error) {
	// The page of quotations is picked first, then joined to their
	// sentences: a much quoted person has thousands.
	pick := `SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.speaker_id = ?1`
	args := []any{speaker, limit}
	if about != "" {
		match, err := ftsQuery(about)
		if err != nil {
			return nil, err
		}
		// A quotation lies within its sentence, so the sentence's index
		// serves both.
		pick += ` AND q.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?3)`
		args = append(args, match)
	}
	const newest = ` ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.id`
	q := `SELECT ` + docColumns + `, q.id, q.text, q.partial, q.verb, s.text
		FROM (` + pick + newest + ` LIMIT ?2) top CROSS JOIN quotes q ON q.id = top.id
		JOIN documents d ON d.id = q.document_id JOIN sentences s ON s.id = q.sentence_id` + newest
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
