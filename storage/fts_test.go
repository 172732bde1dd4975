package storage

import (
	"strings"
	"testing"
)

// FuzzFTSQuery checks that any search text becomes a query of quoted
// words only, or a user error: FTS syntax never gets through.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{`rafah`, `"a" OR b*`, `NEAR(x y)`, `col:val`, `'; DROP TABLE x; --`, "\x00", ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ftsQuery(s)
		if err != nil {
			return
		}
		for _, term := range strings.Split(q, " ") {
			if len(term) < 3 || term[0] != '"' || term[len(term)-1] != '"' || strings.Contains(term[1:len(term)-1], `"`) {
				t.Fatalf("ftsQuery(%q) = %q: term %q is not a quoted word", s, q, term)
			}
		}
	})
}

// TestSearchIndexMergeSettings checks the search index's merge settings
// that migration 005 stores in the database.
func TestSearchIndexMergeSettings(t *testing.T) {
	db := openTestDB(t)
	for k, want := range map[string]int{"automerge": 16, "crisismerge": 64} {
		var v int
		if err := db.sql.QueryRow(`SELECT v FROM sentences_fts_config WHERE k = ?`, k).Scan(&v); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if v != want {
			t.Errorf("%s = %d, want %d", k, v, want)
		}
	}
}
