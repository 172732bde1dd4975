package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// The watched folder as serve runs it: the real pipeline and database,
// the ledger in SQLite, time moved by hand.
func TestWatchedFolderIngestsOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := testNow
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }}
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	cfg := defaultConfig()
	cfg.Database.Path = filepath.Join(dir, "w.db")
	cfg.Sources.WatchDir = inbox

	scan := func(e *env, want int) {
		t.Helper()
		w, err := e.watcher(a)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for range 2 { // once to see the files, once after they settled
			n, err := w.Scan(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got += n
			advance(5 * time.Second)
		}
		if got != want {
			t.Errorf("ingested %d files, want %d", got, want)
		}
	}
	documents := func(e *env) int {
		t.Helper()
		_, n, err := e.db.Sources(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	e, err := openEnv(ctx, a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// A written-then-renamed file, a partial download and another type.
	writeFile(t, inbox, ".001.txt.tmp", seedText(t, seedFiles[1]))
	if err := os.Rename(filepath.Join(inbox, ".001.txt.tmp"), filepath.Join(inbox, "001.txt")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, inbox, "002.txt.part", seedText(t, seedFiles[2]))
	writeFile(t, inbox, "notes.pdf", []byte("%PDF-1.4"))
	scan(e, 1)
	if n := documents(e); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
	e.close()

	// After a restart, nothing is ingested again.
	e, err = openEnv(ctx, a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	scan(e, 0)
	if n := documents(e); n != 1 {
		t.Errorf("%d documents after a restart, want 1", n)
	}

	// A bad directory is a clear error.
	cfg.Sources.WatchDir = filepath.Join(dir, "missing")
	e2 := &env{cfg: cfg, lex: e.lex, db: e.db}
	if _, err := e2.watcher(a); err == nil {
		t.Error("a missing watch_dir was accepted")
	} else {
		wantContains(t, "error", err.Error(), "sources.watch_dir", "does not exist")
	}
}
