package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// Ingest stores one extracted article (see IngestBatch).
func (db *DB) Ingest(ctx context.Context, ex briefing.Extraction) (briefing.IngestResult, error) {
	res, errs, err := db.IngestBatch(ctx, []briefing.Extraction{ex})
	if err != nil {
		return briefing.IngestResult{}, err
	}
	return res[0], errs[0]
}

// MaxBatch is the batch size the ingest pipeline hands IngestBatch at most
// (briefing/ingest), and the size BenchmarkStore stores in.
const MaxBatch = 1024

// IngestBatch stores extracted articles in order, each atomically in its
// own savepoint, and commits them together: an article that fails leaves
// no trace and does not stop the others (its error is in errs); err is set
// only when the batch as a whole could not be committed. Each article's
// people are resolved against the corpus and the meetings it reports are
// merged into those other articles reported. Content already stored (the
// same hash, or the same URL) is skipped and reported as a duplicate.
func (db *DB) IngestBatch(ctx context.Context, exs []briefing.Extraction) (res []briefing.IngestResult, errs []error, err error) {
	res, errs = make([]briefing.IngestResult, len(exs)), make([]error, len(exs))
	if len(exs) == 0 {
		return res, errs, nil
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	// The common case: the whole batch in one transaction. (Savepoints
	// per article would make FTS5 flush its index for each.)
	failed, err := db.storeAll(ctx, exs, res, errs)
	if err != nil || !failed {
		return res, errs, err
	}
	// An article failed: store each in its own transaction, so that it
	// alone is left out.
	for i := range exs {
		res[i], errs[i] = briefing.IngestResult{}, nil
		if _, err := db.storeAll(ctx, exs[i:i+1], res[i:i+1], errs[i:i+1]); err != nil {
			return nil, nil, err
		}
	}
	return res, errs, nil
}

// storeAll stores articles in one transaction and commits it unless one
// fails (then it reports failed and rolls back: errs says which). err is
// set when the transaction itself failed or ctx was canceled; nothing is
// stored then.
func (db *DB) storeAll(ctx context.Context, exs []briefing.Extraction, res []briefing.IngestResult, errs []error) (failed bool, err error) {
	// The transaction does not follow ctx: database/sql would close the
	// writer connection under a canceled transaction. ctx is checked
	// between articles and before the commit instead.
	t, err := db.begin(context.Background())
	if err != nil {
		return false, fmt.Errorf("ingest: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			t.rollback()
			db.index = nil // it may hold what was rolled back
		}
	}()
	if err := db.checkIndex(t); err != nil {
		return false, err
	}
	var lastSentence int64
	if err := t.queryRow(`SELECT COALESCE(MAX(id), 0) FROM sentences`).Scan(&lastSentence); err != nil {
		return false, fmt.Errorf("ingest: %w", err)
	}
	mentions := map[int64]int{}
	for i, ex := range exs {
		if err := ctx.Err(); err != nil {
			return false, fmt.Errorf("ingest: %w", err)
		}
		in := &ingestTx{db: db, t: t, ex: ex, idx: db.index, mentions: mentions}
		if res[i], errs[i] = in.run(); errs[i] != nil {
			errs[i] = fmt.Errorf("ingest %s: %w", ex.Article.Source, errs[i])
			failed = true
		}
	}
	if failed {
		return true, nil
	}
	if err := storeMentions(t, mentions); err != nil {
		return false, err
	}
	// Index the batch's sentences for search in one statement, last: an
	// FTS5 flush per transaction rather than per article.
	if _, err := t.exec(`INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?`, lastSentence); err != nil {
		return false, fmt.Errorf("ingest: index sentences: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("ingest: %w", err)
	}
	if err := t.commit(); err != nil {
		return false, fmt.Errorf("ingest: commit: %w", err)
	}
	committed = true
	return false, nil
}

// storeMentions adds the batch's mentions to the people's counters, once
// per person rather than once per article.
func storeMentions(t *wtx, mentions map[int64]int) error {
	ids := make([]int64, 0, len(mentions))
	for id := range mentions {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if _, err := t.exec(`UPDATE entities SET mentions = mentions + ? WHERE id = ?`, mentions[id], id); err != nil {
			return fmt.Errorf("mention counts: %w", err)
		}
	}
	return nil
}

// checkIndex makes sure the in-memory name index matches the database: it
// is rebuilt (lazily) when another connection has committed since, or
// when it was dropped.
func (db *DB) checkIndex(t *wtx) error {
	var v int64
	if err := t.queryRow(`PRAGMA data_version`).Scan(&v); err != nil {
		return fmt.Errorf("data version: %w", err)
	}
	if db.index == nil || db.index.version != v || db.index.size > maxIndexedForms {
		db.index = newNameIndex(v)
	}
	db.index.trimMeetings()
	return nil
}

// ingestTx is the state of one article's savepoint.
type ingestTx struct {
	db        *DB
	t         *wtx
	idx       *nameIndex
	ex        briefing.Extraction
	docID     int64
	sentences []int64       // sentence ids by index
	entities  []int64       // global entity ids by local index
	mentions  map[int64]int // the batch's mentions not yet counted in entities.mentions
}

func (in *ingestTx) run() (briefing.IngestResult, error) {
	a := in.ex.Article
	if dup, err := in.duplicateOf(); err != nil || dup != "" {
		return briefing.IngestResult{Duplicate: dup != "", DuplicateOf: dup}, err
	}
	var err error
	in.docID, err = in.t.insert(`INSERT INTO documents(source, url, title, outlet, published, content_hash, body, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Source, nullString(a.URL), a.Title, nullString(a.Outlet), dateArg(a.Published), in.ex.Hash, a.Body(),
		in.db.now().UTC().Format(time.RFC3339))
	if err != nil {
		return briefing.IngestResult{}, fmt.Errorf("insert document: %w", err)
	}
	res := briefing.IngestResult{DocumentID: in.docID}
	steps := []struct {
		name string
		run  func() error
	}{
		{"sentences", in.storeSentences},
		{"entities", in.storeEntities},
		{"quotes", in.storeQuotes},
		{"meetings", in.storeMeetings},
		{"figures", in.storeFigures},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return briefing.IngestResult{}, fmt.Errorf("store %s: %w", s.name, err)
		}
	}
	for _, e := range in.ex.Entities {
		if e.Kind == briefing.KindPerson {
			res.People++
		}
	}
	res.Quotes = len(in.ex.Quotes)
	for _, m := range in.ex.Meetings {
		if m.Kind == briefing.InPerson {
			res.Meetings++
		}
	}
	res.Figures = len(in.ex.Figures)
	return res, nil
}

// duplicateOf returns the source of a stored article with the same
// content or URL, or "".
func (in *ingestTx) duplicateOf() (string, error) {
	var dup string
	err := in.t.queryRow(`SELECT source FROM documents WHERE content_hash = ?`, in.ex.Hash).Scan(&dup)
	if errors.Is(err, sql.ErrNoRows) && in.ex.Article.URL != "" {
		err = in.t.queryRow(`SELECT source FROM documents WHERE url = ?`, in.ex.Article.URL).Scan(&dup)
	}
	switch {
	case err == nil:
		return dup, nil
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	}
	return "", fmt.Errorf("check duplicate: %w", err)
}

// insertRows runs one multi-row INSERT per chunk of rows: head is the
// statement up to VALUES, each row has cols values.
func (in *ingestTx) insertRows(head string, cols int, rows [][]any, tail string) (*sql.Rows, error) {
	q := head + ` VALUES ` + strings.TrimSuffix(strings.Repeat("("+placeholders(cols)+"),", len(rows)), ",") + tail
	args := make([]any, 0, cols*len(rows))
	for _, r := range rows {
		args = append(args, r...)
	}
	return in.t.query(q, args...)
}

// maxRows is how many rows one multi-row INSERT stores.
const maxRows = 64

// execRows inserts rows in chunks of maxRows, discarding results.
func (in *ingestTx) execRows(head string, cols int, rows [][]any, tail string) error {
	for from := 0; from < len(rows); from += maxRows {
		r, err := in.insertRows(head, cols, rows[from:min(from+maxRows, len(rows))], tail)
		if err != nil {
			return err
		}
		if err := r.Close(); err != nil {
			return err
		}
	}
	return nil
}

// storeSentences stores the sentences with multi-row inserts and notes
// their ids; storeAll indexes them for search.
func (in *ingestTx) storeSentences() error {
	in.sentences = make([]int64, 0, len(in.ex.Sentences))
	for from := 0; from < len(in.ex.Sentences); from += maxRows {
		batch := in.ex.Sentences[from:min(from+maxRows, len(in.ex.Sentences))]
		rows := make([][]any, len(batch))
		for i, s := range batch {
			rows[i] = []any{in.docID, from + i, s.Paragraph, s.Heading, s.Text}
		}
		r, err := in.insertRows(`INSERT INTO sentences(document_id, seq, paragraph, heading, text)`, 5, rows, ` RETURNING id`)
		if err != nil {
			return err
		}
		for r.Next() {
			var id int64
			if err := r.Scan(&id); err != nil {
				r.Close()
				return err
			}
			in.sentences = append(in.sentences, id)
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	if len(in.sentences) != len(in.ex.Sentences) {
		return fmt.Errorf("stored %d of %d sentences", len(in.sentences), len(in.ex.Sentences))
	}
	return nil
}

// sentenceID maps a sentence index to its row, tolerating a bad index.
func (in *ingestTx) sentenceID(i int) any {
	if i < 0 || i >= len(in.sentences) {
		return nil
	}
	return in.sentences[i]
}

func (in *ingestTx) storeEntities() error {
	in.entities = make([]int64, len(in.ex.Entities))
	counts := map[int64]int{}
	var order []int64
	for i, e := range in.ex.Entities {
		var id int64
		var err error
		if e.Kind == briefing.KindPerson {
			id, err = in.resolvePerson(e)
		} else {
			id, err = in.resolveThing(e)
		}
		if err != nil {
			return fmt.Errorf("%s %q: %w", e.Kind, e.Name, err)
		}
		in.entities[i] = id
		if err := in.recordEntity(id, e); err != nil {
			return fmt.Errorf("%s %q: %w", e.Kind, e.Name, err)
		}
		if _, seen := counts[id]; !seen {
			order = append(order, id)
		}
		counts[id] += max(len(e.Mentions), 1)
	}
	// Merges during resolution may have folded one id into another.
	rows := make([][]any, 0, len(order))
	merged := map[int64]int{}
	for _, id := range order {
		merged[in.idx.current(id)] += counts[id]
	}
	for _, id := range order {
		if n, ok := merged[in.idx.current(id)]; ok {
			rows = append(rows, []any{in.idx.current(id), in.docID, n})
			in.mentions[in.idx.current(id)] += n
			delete(merged, in.idx.current(id))
		}
	}
	return in.execRows(`INSERT INTO entity_documents(entity_id, document_id, mentions)`, 3, rows, ``)
}

// entityID maps a local entity index to its row; -1 gives NULL.
func (in *ingestTx) entityID(i int) any {
	if i < 0 || i >= len(in.entities) {
		return nil
	}
	return in.entities[i]
}

// recordEntity stores an article's name forms, roles and affiliations for
// entity id.
func (in *ingestTx) recordEntity(id int64, e briefing.ExtractedEntity) error {
	added := false
	for _, a := range e.Aliases {
		isNew, err := in.addAlias(id, e.Kind, a)
		if err != nil {
			return err
		}
		added = added || isNew
	}
	for _, r := range e.Roles {
		if _, err := in.t.exec(`INSERT INTO roles(entity_id, norm, role, uses, first_doc) VALUES (?, ?, ?, 1, ?)
			ON CONFLICT(entity_id, norm) DO UPDATE SET uses = uses + 1`, id, fold.Key(r), r, in.docID); err != nil {
			return err
		}
	}
	for _, o := range e.Affiliations {
		if _, err := in.t.exec(`INSERT INTO affiliations(entity_id, org, uses) VALUES (?, ?, 1)
			ON CONFLICT(entity_id, org) DO UPDATE SET uses = uses + 1`, id, o); err != nil {
			return err
		}
	}
	if e.Kind == briefing.KindPerson && added {
		return in.updateCanonical(id)
	}
	return nil
}

func (in *ingestTx) storeQuotes() error {
	rows := make([][]any, len(in.ex.Quotes))
	for i, q := range in.ex.Quotes {
		rows[i] = []any{in.docID, in.sentenceID(q.Sentence), in.entityID(q.Speaker), q.Text, q.Partial, q.Verb}
	}
	return in.execRows(`INSERT INTO quotes(document_id, sentence_id, speaker_id, text, partial, verb)`, 6, rows, ``)
}

func (in *ingestTx) storeFigures() error {
	rows := make([][]any, len(in.ex.Figures))
	for i, f := range in.ex.Figures {
		rows[i] = []any{in.docID, in.sentenceID(f.Sentence), f.Text, f.Value, f.Of, f.Unit}
	}
	return in.execRows(`INSERT INTO figures(document_id, sentence_id, text, value, of_total, unit)`, 6, rows, ``)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
