package storage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// maxSearchWords bounds the words of one search.
const maxSearchWords = 16

// ftsQuery turns a user's words into an FTS5 query that matches sentences
// holding every word: each word is quoted, so FTS syntax in the input
// (OR, NEAR, *, quotes, columns) is searched for as text, never run.
func ftsQuery(words string) (string, error) {
	phrases, err := ftsPhrases(words)
	return strings.Join(phrases, " "), err
}

// ftsPhrases are the quoted words of ftsQuery, one phrase for each word.
func ftsPhrases(words string) ([]string, error) {
	var terms []string
	for _, w := range strings.FieldsFunc(words, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(terms) == maxSearchWords {
			break
		}
		terms = append(terms, `"`+w+`"`)
	}
	if len(terms) == 0 {
		return nil, &briefing.Error{Code: briefing.ErrInvalid, Message: "Nothing to search for: give some words, for example “rafah”."}
	}
	return terms, nil
}

// searchDepth bounds the matching sentences a search ranks: the newest.
// A common word matches a good part of a large corpus, and ranking every
// match would take a time that grows with it.
const searchDepth = 1000

// lengthSample is how many of the newest sentences give the average
// sentence length that BM25 compares each sentence's length with.
const lengthSample = 500

// Search implements briefing.Store: sentences holding every word, best
// BM25 rank first, among the newest searchDepth that hold them. The rank
// is computed here (see search_rank.go): each word's share of the corpus
// is exact for a word fewer than searchDepth sentences hold, else
// estimated from how densely its newest searchDepth occurrences lie.
func (db *DB) Search(ctx context.Context, words string, limit int) ([]briefing.SearchHit, error) {
	phrases, err := ftsPhrases(words)
	if err != nil {
		return nil, err
	}
	match := strings.Join(phrases, " ")
	fail := func(err error) error { return fmt.Errorf("search %q: %w", words, err) }
	ids, texts, err := db.newestMatches(ctx, match)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	var newest int64
	var avgLength float64
	if err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM sentences`).Scan(&newest); err != nil {
		return nil, fail(err)
	}
	terms := make([]string, len(phrases))
	idf := make([]float64, len(phrases))
	holding := map[string]float64{}
	for i, p := range phrases {
		terms[i] = fold.Key(strings.Trim(p, `"`))
		if _, ok := holding[p]; !ok {
			if len(phrases) == 1 {
				holding[p] = estimateHolding(ids, newest)
			} else if holding[p], err = db.sentencesHolding(ctx, p, newest); err != nil {
				return nil, fail(err)
			}
		}
		idf[i] = bm25IDF(float64(newest), holding[p])
	}
	if avgLength, err = db.averageLength(ctx, newest); err != nil {
		return nil, fail(err)
	}
	type ranked struct {
		id   int64
		rank float64
	}
	all := make([]ranked, len(ids))
	counts := make([]int, len(terms))
	for i, text := range texts {
		n := tokenCounts(text, terms, counts)
		all[i] = ranked{ids[i], bm25Score(counts, idf, n, avgLength)}
	}
	slices.SortFunc(all, func(a, b ranked) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	all = all[:min(limit, len(all))]
	text := make(map[int64]string, len(all))
	for i, id := range ids {
		text[id] = texts[i]
	}
	args := make([]any, len(all))
	for i, r := range all {
		args[i] = r.id
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`, s.id FROM sentences s JOIN documents d ON d.id = s.document_id
		WHERE s.id IN (`+placeholders(len(all))+`)`, args...)
	if err != nil {
		return nil, fail(err)
	}
	defer rows.Close()
	docs := make(map[int64]briefing.DocumentRef, len(all))
	for rows.Next() {
		var id int64
		d, err := scanDoc(rows, &id)
		if err != nil {
			return nil, fail(err)
		}
		docs[id] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fail(err)
	}
	out := make([]briefing.SearchHit, 0, len(all))
	for _, r := range all {
		if d, ok := docs[r.id]; ok {
			out = append(out, briefing.SearchHit{Snippet: snippet(text[r.id], terms), Sentence: text[r.id], Source: d, Rank: r.rank})
		}
	}
	return out, nil
}

// newestMatches returns the newest searchDepth sentences that match an
// FTS5 query, newest first, with their text.
func (db *DB) newestMatches(ctx context.Context, match string) (ids []int64, texts []string, err error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.id, s.text FROM (
			SELECT rowid AS id FROM sentences_fts WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) m
		JOIN sentences s ON s.id = m.id ORDER BY s.id DESC`, match, searchDepth)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		ids, texts = append(ids, id), append(texts, text)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	return ids, texts, nil
}

// sentencesHolding estimates how many sentences hold a phrase, from its
// newest searchDepth matches (see estimateHolding).
func (db *DB) sentencesHolding(ctx context.Context, phrase string, newest int64) (float64, error) {
	ids, err := int64s(ctx, db.sql, `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2`, phrase, searchDepth)
	if err != nil {
		return 0, err
	}
	return estimateHolding(ids, newest), nil
}

// estimateHolding estimates how many sentences hold a word, from the ids
// of the newest of them (newest first, at most searchDepth) and the
// newest sentence: their number when fewer than searchDepth, else as many
// as the density of its newest occurrences among the newest sentences
// gives for all.
func estimateHolding(ids []int64, newest int64) float64 {
	if len(ids) < searchDepth {
		return float64(len(ids))
	}
	span := newest - ids[len(ids)-1] + 1
	return float64(len(ids)) * float64(newest) / float64(max(span, int64(len(ids))))
}

// averageLength is the average length in tokens of the newest sentences,
// 1 when there are none.
func (db *DB) averageLength(ctx context.Context, newest int64) (float64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT text FROM sentences WHERE id > ?`, newest-lengthSample)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	tokens, n := 0, 0
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return 0, err
		}
		tokens += tokenCounts(text, nil, nil)
		n++
	}
	if err := rows.Err(); err != nil || tokens == 0 {
		return 1, err
	}
	return float64(tokens) / float64(n), nil
}
