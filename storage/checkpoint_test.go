package storage

import (
	"os"
	"testing"
	"time"
)

// TestBackgroundCheckpoint: what the writer commits reaches the database
// file without the writer checkpointing (its own threshold is far off).
func TestBackgroundCheckpoint(t *testing.T) {
	db := openTestDB(t)
	size := func() int64 {
		st, err := os.Stat(db.Path())
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	before := size()
	for _, ex := range seedExtractions(t) {
		mustIngest(t, db, ex)
	}
	deadline := time.Now().Add(20 * time.Second)
	for size() <= before {
		if time.Now().After(deadline) {
			t.Fatalf("the database file stayed at %d bytes: nothing was checkpointed", before)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db.Close() // stops nothing twice
}
