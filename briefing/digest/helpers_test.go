package digest_test

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing/digest"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/corpus"
	"briefbot/internal/clocktest"
	"briefbot/storage"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

var loadLexicon = sync.OnceValues(lexicon.Load)

// testLexicon returns the embedded lexicon, loaded once.
func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := loadLexicon()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	return lex
}

// Times of the day-one / day-two story: the seeds are ingested on the
// evening of 21 March 2024, the first digest is posted on the morning of
// the 22nd, day two is ingested on the 23rd.
var (
	dayOneIngest = time.Date(2024, time.March, 21, 18, 0, 0, 0, time.UTC)
	firstPost    = time.Date(2024, time.March, 22, 8, 0, 0, 0, time.UTC)
	dayTwoIngest = time.Date(2024, time.March, 23, 6, 0, 0, 0, time.UTC)
	secondPost   = time.Date(2024, time.March, 23, 8, 0, 0, 0, time.UTC)
)

// openDB opens a fresh database whose clock is clock's, closed when the
// test ends. It returns the database and its file.
func openDB(t testing.TB, clock *clocktest.Clock) (*storage.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "b.db")
	db, err := storage.Open(context.Background(), path, storage.Options{Lexicon: testLexicon(t), Now: clock.Now})
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// seedItems lists the embedded day-one articles, by name, as the demo
// does.
func seedItems(t testing.TB) []ingest.Item {
	t.Helper()
	fsys := corpus.Seeds()
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatalf("seeds: %v", err)
	}
	var items []ingest.Item
	for _, e := range entries {
		name := e.Name()
		items = append(items, ingest.Item{
			Path:   "seeds/" + name,
			Source: name,
			Open:   func() (io.ReadCloser, error) { return fsys.Open(name) },
		})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Source < items[j].Source })
	return items
}

// dirItems lists the articles of a directory as `briefbot ingest DIR`
// does.
func dirItems(t testing.TB, dir string) []ingest.Item {
	t.Helper()
	set := ingest.Files([]string{dir})
	if len(set.Errors) > 0 {
		t.Fatalf("list %s: %v", dir, set.Errors[0].Err)
	}
	return set.Items
}

// ingestItems runs the real pipeline into db and fails the test unless
// every item is ingested.
func ingestItems(t testing.TB, db *storage.DB, items []ingest.Item) ingest.Summary {
	t.Helper()
	p := ingest.New(extract.New(testLexicon(t)), db, ingest.Options{})
	var firstErr error
	sum, err := p.Run(context.Background(), items, func(o ingest.Outcome) {
		if o.Err != nil && firstErr == nil {
			firstErr = o.Err
		}
	})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if sum.Failed > 0 {
		t.Fatalf("ingest: %d failed; the first: %v", sum.Failed, firstErr)
	}
	return sum
}

// window reads a channel's next window.
func window(t testing.TB, db *storage.DB, channel string) digest.Window {
	t.Helper()
	w, err := db.Window(context.Background(), channel, time.Time{})
	if err != nil {
		t.Fatalf("window of %s: %v", channel, err)
	}
	return w
}

// text writes a digest as the bot would post it.
func text(t testing.TB, d digest.Digest) string {
	t.Helper()
	var b bytes.Buffer
	if err := digest.WriteText(&b, d); err != nil {
		t.Fatalf("WriteText: %v", err)
	}
	return b.String()
}

// commit records the channel's next digest as posted at the clock's time,
// as `briefbot digest --commit` does, and returns the run.
func commit(t testing.TB, db *storage.DB, clock *clocktest.Clock, channel string) digest.Run {
	t.Helper()
	r := digest.NewRunner(digest.RunnerConfig{Store: db, Clock: clock})
	run, err := r.Run(context.Background(), channel, clock.Now(), true, time.Time{})
	if err != nil {
		t.Fatalf("commit digest of %s: %v", channel, err)
	}
	if run.State != digest.RunDone {
		t.Fatalf("commit digest of %s: run is %s, want done", channel, run.State)
	}
	return run
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("update %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (run with -update to create it)", path, err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// rawDB opens the database file read-only beside the storage layer, to
// read what its API does not list (the state of finished runs).
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
