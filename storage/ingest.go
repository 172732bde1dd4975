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

// MaxBatch is how many articles BenchmarkStore hands IngestBatch at once.
const MaxBatch = 1024

// IngestBatch stores extracted articles in order in one transaction, each
// atomically (see BeginIngest): an article that fails leaves no trace and
// does not stop the others (its error is in errs); err is set only when
// the batch as a whole could not be committed, and then nothing of it is
// stored.
func (db *DB) IngestBatch(ctx context.Context, exs []briefing.Extraction) (res []briefing.IngestResult, errs []error, err error) {
	res, errs = make([]briefing.IngestResult, len(exs)), make([]error, len(exs))
	if len(exs) == 0 {
		return res, errs, nil
	}
	g, err := db.beginIngestion()
	if err != nil {
		return res, errs, err
	}
	defer g.Rollback()
	for i, ex := range exs {
		res[i], errs[i] = g.Store(ctx, ex)
		if g.err != nil {
			return res, errs, g.err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, errs, fmt.Errorf("ingest: %w", err)
	}
	return res, errs, g.Commit()
}

// BeginIngest starts a transaction that stores articles (see
// briefing.IngestTx). It holds the writer until Commit or Rollback: other
// writes wait, reads go on. Each article's people are resolved against the
// corpus and the meetings it reports are merged into those other articles
// reported. Content already stored (the same hash, or the same URL, also
// earlier in the same transaction) is reported as a duplicate. Longer
// transactions write less per article: an index page the articles share
// is written once per commit.
func (db *DB) BeginIngest(context.Context) (briefing.IngestTx, error) {
	return db.beginIngestion()
}

// ingestion is an open IngestTx.
type ingestion struct {
	db           *DB
	t            *wtx
	lastSentence int64         // sentences above it are still to index for search
	unindexed    int           // articles stored since the sentences were last indexed
	mentions     map[int64]int // stored mentions not yet counted in entities.mentions
	err          error         // what broke the transaction
	done         bool
}

func (db *DB) beginIngestion() (*ingestion, error) {
	db.writeMu.Lock()
	// The transaction does not follow a context: database/sql would close
	// the writer connection under a canceled transaction. Store checks
	// its context before each article instead.
	t, err := db.begin(context.Background())
	if err != nil {
		db.writeMu.Unlock()
		return nil, fmt.Errorf("ingest: %w", err)
	}
	g := &ingestion{db: db, t: t, mentions: map[int64]int{}}
	if err := db.checkIndex(t); err != nil {
		g.Rollback()
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if err := t.queryRow(`SELECT COALESCE(MAX(id), 0) FROM sentences`).Scan(&g.lastSentence); err != nil {
		g.Rollback()
		return nil, fmt.Errorf("ingest: %w", err)
	}
	return g, nil
}

// errIngestEnded is Store's and Commit's error after the transaction ended.
var errIngestEnded = errors.New("ingest: the transaction has ended")

// Store stores one article in a savepoint of its own.
func (g *ingestion) Store(ctx context.Context, ex briefing.Extraction) (briefing.IngestResult, error) {
	switch {
	case g.done:
		return briefing.IngestResult{}, errIngestEnded
	case g.err != nil:
		return briefing.IngestResult{}, g.err
	}
	if err := ctx.Err(); err != nil {
		g.err = fmt.Errorf("ingest: %w", err)
		return briefing.IngestResult{}, g.err
	}
	if _, err := g.t.exec(`SAVEPOINT article`); err != nil {
		g.err = fmt.Errorf("ingest: %w", err)
		return briefing.IngestResult{}, g.err
	}
	in := &ingestTx{db: g.db, t: g.t, ex: ex, idx: g.db.index, mentions: map[int64]int{}}
	res, err := in.run()
	if err != nil {
		// The article leaves no trace, in the database or in the
		// writer's index (it may hold what was rolled back).
		if rerr := g.rollbackArticle(); rerr != nil {
			g.err = fmt.Errorf("ingest: roll back %s: %w", ex.Article.Source, rerr)
		}
		g.db.index = newNameIndex(g.db.index.version)
		return briefing.IngestResult{}, fmt.Errorf("ingest %s: %w", ex.Article.Source, err)
	}
	if _, err := g.t.exec(`RELEASE article`); err != nil {
		g.err = fmt.Errorf("ingest: %w", err)
		return briefing.IngestResult{}, g.err
	}
	// Merges recounted these people's mentions from what is stored.
	for _, id := range in.recounted {
		delete(g.mentions, id)
	}
	for id, n := range in.mentions {
		g.mentions[id] += n
	}
	if g.unindexed++; g.unindexed >= indexEvery {
		if err := g.indexSentences(); err != nil {
			g.err = err
			return briefing.IngestResult{}, err
		}
	}
	return res, nil
}

// indexEvery is how many articles' sentences are indexed for search in
// one statement. FTS5 writes a new segment of its index at the end of each
// such statement; indexing all of a long transaction's sentences at once
// made SQLite's memory grow by a hundred megabytes.
const indexEvery = 1024

// indexSentences indexes the sentences stored since the last call for
// search, in one statement: FTS5 flushes its pending index at every
// statement savepoint, so indexing article by article would write a
// segment per article.
func (g *ingestion) indexSentences() error {
	var last int64
	if err := g.t.queryRow(`SELECT COALESCE(MAX(id), 0) FROM sentences`).Scan(&last); err != nil {
		return fmt.Errorf("ingest: index sentences: %w", err)
	}
	if _, err := g.t.exec(`INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?`, g.lastSentence); err != nil {
		return fmt.Errorf("ingest: index sentences: %w", err)
	}
	g.lastSentence, g.unindexed = last, 0
	return nil
}

// rollbackArticle undoes the article's savepoint and ends it.
func (g *ingestion) rollbackArticle() error {
	if _, err := g.t.exec(`ROLLBACK TO article`); err != nil {
		return err
	}
	_, err := g.t.exec(`RELEASE article`)
	return err
}

// Commit counts the transaction's mentions, indexes its sentences for
// search and commits.
func (g *ingestion) Commit() error {
	if g.done {
		return errIngestEnded
	}
	defer g.Rollback()
	if g.err != nil {
		return g.err
	}
	if err := storeMentions(g.t, g.mentions); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if err := g.indexSentences(); err != nil {
		return err
	}
	if err := g.t.commit(); err != nil {
		return fmt.Errorf("ingest: commit: %w", err)
	}
	g.release()
	return nil
}

// Rollback abandons the transaction unless it ended.
func (g *ingestion) Rollback() {
	if g.done {
		return
	}
	g.t.rollback()
	g.db.index = nil // it may hold what was rolled back
	g.release()
}

func (g *ingestion) release() {
	g.done = true
	g.db.writeMu.Unlock()
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
	mentions  map[int64]int // the article's mentions, to count in entities.mentions
	recounted []int64       // people whose mentions a merge counted afresh
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
