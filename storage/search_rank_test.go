package storage

import (
	"context"
	"math"
	"slices"
	"testing"
)

// TestSearchRanksAsFTS5: on the sample corpus, where every word is held by
// fewer than searchDepth sentences (so its share is counted, not
// estimated) and the length sample covers every sentence, search ranks
// as FTS5's bm25() does.
func TestSearchRanksAsFTS5(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	var sentences int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM sentences`).Scan(&sentences); err != nil {
		t.Fatal(err)
	}
	if sentences > lengthSample {
		t.Fatalf("%d sentences: the length sample no longer covers the sample corpus", sentences)
	}
	for _, words := range []string{"hostages", "ceasefire talks", "Hamas said", "Barnea Doha", "the", "aid Gaza", "Israel's", "ceasefire ceasefire", "Qatar Egypt"} {
		t.Run(words, func(t *testing.T) {
			match, err := ftsQuery(words)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := db.sql.Query(`SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts), rowid LIMIT 8`, match)
			if err != nil {
				t.Fatal(err)
			}
			var wantRanks []float64
			var wantIDs []int64
			for rows.Next() {
				var id int64
				var r float64
				if err := rows.Scan(&id, &r); err != nil {
					t.Fatal(err)
				}
				wantIDs, wantRanks = append(wantIDs, id), append(wantRanks, r)
			}
			rows.Close()
			if len(wantIDs) == 0 {
				t.Fatalf("%q matches nothing: the test tests nothing", words)
			}
			hits, err := db.Search(ctx, words, 8)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != len(wantIDs) {
				t.Fatalf("%d hits, FTS5 ranks %d", len(hits), len(wantIDs))
			}
			for i, h := range hits {
				var id int64
				if err := db.sql.QueryRow(`SELECT id FROM sentences WHERE text = ? AND document_id = ?`, h.Sentence, h.Source.ID).Scan(&id); err != nil {
					t.Fatal(err)
				}
				if math.Abs(h.Rank-wantRanks[i]) > 1e-6*math.Abs(wantRanks[i])+1e-9 {
					t.Errorf("hit %d: sentence %d ranked %.6f; FTS5 ranks sentence %d there with %.6f", i, id, h.Rank, wantIDs[i], wantRanks[i])
				} else if id != wantIDs[i] && math.Abs(h.Rank-wantRanks[i]) > 1e-9 {
					t.Errorf("hit %d: sentence %d, FTS5 ranks sentence %d there", i, id, wantIDs[i])
				}
			}
		})
	}
}

// TestEstimateHolding checks the estimate of how many sentences hold a
// word from its newest occurrences.
func TestEstimateHolding(t *testing.T) {
	few := []int64{90, 50, 10}
	if got := estimateHolding(few, 100); got != 3 {
		t.Errorf("three occurrences estimated as %v", got)
	}
	// searchDepth occurrences in the newest 2×searchDepth of 10×searchDepth
	// sentences: one sentence in two holds it.
	var dense []int64
	for i := range searchDepth {
		dense = append(dense, int64(10*searchDepth-2*i))
	}
	if got, want := estimateHolding(dense, 10*searchDepth), 5.0*searchDepth; math.Abs(got-want) > 0.01*want {
		t.Errorf("one in two of %d sentences estimated as %v, want about %v", 10*searchDepth, got, want)
	}
	// Every one of the newest sentences holds it: no more than all.
	var every []int64
	for i := range searchDepth {
		every = append(every, int64(3*searchDepth-i))
	}
	if got := estimateHolding(every, 3*searchDepth); got != 3*searchDepth {
		t.Errorf("a word in every sentence estimated as %v of %d", got, 3*searchDepth)
	}
}

// TestTokenCounts checks tokens as FTS5's unicode61 tokenizer with
// diacritics removed reads them.
func TestTokenCounts(t *testing.T) {
	tests := []struct {
		text   string
		terms  []string
		tokens int
		counts []int
	}{
		{"Israel's army, in Gaza; GAZA again.", []string{"gaza", "israel", "s"}, 7, []int{2, 1, 1}},
		{"Ségolène met Segolene — 3.5 km", []string{"segolene", "3"}, 6, []int{2, 1}},
		{"", []string{"x"}, 0, []int{0}},
		{"*** !!", nil, 0, nil},
		{"al-Thani", []string{"al", "thani"}, 2, []int{1, 1}},
	}
	for _, tt := range tests {
		counts := make([]int, len(tt.terms))
		if n := tokenCounts(tt.text, tt.terms, counts); n != tt.tokens || !slices.Equal(counts, tt.counts) {
			t.Errorf("tokenCounts(%q) = %d tokens, counts %v; want %d, %v", tt.text, n, counts, tt.tokens, tt.counts)
		}
	}
}
