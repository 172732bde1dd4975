package briefing

import "context"

// IngestTx stores extracted articles, in order, in one transaction of the
// corpus. Each article is stored atomically: one that fails leaves no
// trace, and the transaction goes on with the next. Nothing is visible to
// readers until Commit.
type IngestTx interface {
	// Store stores one article, or reports it as a duplicate of one
	// already stored. An error either concerns the article alone, or
	// says the transaction broke; then Commit fails too and nothing it
	// stored is kept.
	Store(ctx context.Context, ex Extraction) (IngestResult, error)
	// Commit makes what was stored durable and visible, and ends the
	// transaction.
	Commit() error
	// Rollback abandons what was stored and ends the transaction; after
	// Commit it does nothing.
	Rollback()
}
