package storage

import (
	"context"
	"testing"
)

// TestWriterConnectionSettings checks the writer's own connection: its
// temporary data (statement journals) in memory, its larger cache and its
// backstop checkpoint.
func TestWriterConnectionSettings(t *testing.T) {
	db := openTestDB(t)
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	tx, err := db.begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.rollback()
	for _, c := range []struct {
		pragma string
		want   int64
	}{
		{"temp_store", 2}, // MEMORY
		{"cache_size", -writerCacheKiB},
		{"wal_autocheckpoint", writerAutocheckpoint},
	} {
		var got int64
		if err := tx.queryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", c.pragma, err)
		}
		if got != c.want {
			t.Errorf("writer's %s = %d, want %d", c.pragma, got, c.want)
		}
	}
}
