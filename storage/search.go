package storage

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"briefbot/briefing"
)

// maxSearchWords bounds the words of one search.
const maxSearchWords = 16

// ftsQuery turns a user's words into an FTS5 query that matches sentences
// holding every word: each word is quoted, so FTS syntax in the input
// (OR, NEAR, *, quotes, columns) is searched for as text, never run.
func ftsQuery(words string) (string, error) {
	var terms []string
	for _, w := range strings.FieldsFunc(words, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(terms) == maxSearchWords {
			break
		}
		terms = append(terms, `"`+w+`"`)
	}
	if len(terms) == 0 {
		return "", &briefing.Error{Code: briefing.ErrInvalid, Message: "Nothing to search for: give some words, for example “rafah”."}
	}
	return strings.Join(terms, " "), nil
}

// searchDepth bounds the matching sentences a search ranks: the newest.
// A common word matches a good part of a large corpus, and ranking every
// match would take a time that grows with it.
const searchDepth = 1000

// Search implements briefing.Store: sentences holding every word, best
// bm25 rank first, among the newest searchDepth that hold them.
func (db *DB) Search(ctx context.Context, words string, limit int) ([]briefing.SearchHit, error) {
	match, err := ftsQuery(words)
	if err != nil {
		return nil, err
	}
	// The snippet is made for the best few only, by finding each again.
	rows, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`,
		snippet(sentences_fts, 0, char(2), char(3), '…', 32), s.text, best.rank
		FROM (SELECT id, rank FROM (
				SELECT rowid AS id, bm25(sentences_fts) AS rank FROM sentences_fts
				WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
			ORDER BY rank, id LIMIT ?2) best
		JOIN sentences_fts ON sentences_fts.rowid = best.id JOIN sentences s ON s.id = best.id JOIN documents d ON d.id = s.document_id
		WHERE sentences_fts MATCH ?1 ORDER BY best.rank, best.id`, match, limit, searchDepth)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", words, err)
	}
	defer rows.Close()
	var out []briefing.SearchHit
	for rows.Next() {
		var h briefing.SearchHit
		doc, err := scanDoc(rows, &h.Snippet, &h.Sentence, &h.Rank)
		if err != nil {
			return nil, err
		}
		h.Source = doc
		out = append(out, h)
	}
	return out, rows.Err()
}
