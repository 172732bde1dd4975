package storage

import (
	"context"
	"fmt"
	"time"

	"briefbot/briefing"
)

// Sources implements briefing.Store.
func (db *DB) Sources(ctx context.Context, limit int) ([]briefing.SourceSummary, int, error) {
	var total int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count documents: %w", err)
	}
	// The newest documents first, then their counts: counting in the
	// same query would count every document before sorting. CROSS JOIN
	// keeps each count starting from the document's own rows, whatever
	// the planner's statistics say.
	rows, err := db.sql.QueryContext(ctx, `WITH newest AS (
			SELECT id, published, source FROM documents ORDER BY published DESC NULLS LAST, source LIMIT ?)
		SELECT `+docColumns+`, d.ingested_at,
		(SELECT COUNT(*) FROM sentences WHERE document_id = d.id),
		(SELECT COUNT(*) FROM entity_documents ed CROSS JOIN entities e ON e.id = ed.entity_id WHERE ed.document_id = d.id AND e.kind = 'person'),
		(SELECT COUNT(*) FROM quotes WHERE document_id = d.id),
		(SELECT COUNT(*) FROM meeting_sources ms CROSS JOIN meetings m ON m.id = ms.meeting_id WHERE ms.document_id = d.id AND m.kind = 'meeting'),
		(SELECT COUNT(*) FROM figures WHERE document_id = d.id)
		FROM newest n JOIN documents d ON d.id = n.id ORDER BY n.published DESC NULLS LAST, n.source`, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("sources: %w", err)
	}
	defer rows.Close()
	var out []briefing.SourceSummary
	for rows.Next() {
		var s briefing.SourceSummary
		var ingested string
		doc, err := scanDoc(rows, &ingested, &s.Sentences, &s.People, &s.Quotes, &s.Meetings, &s.Figures)
		if err != nil {
			return nil, 0, err
		}
		s.DocumentRef = doc
		s.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		out = append(out, s)
	}
	return out, total, rows.Err()
}
