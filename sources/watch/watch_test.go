package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/internal/clocktest"
	"briefbot/internal/syncbuf"
)

const (
	testInterval = 2 * time.Second
	testSettle   = 2 * time.Second
)

// memLedger is an in-memory Ledger.
type memLedger struct {
	mu   sync.Mutex
	done map[string]bool
	fail error // returned by every call when set
}

func newMemLedger() *memLedger { return &memLedger{done: map[string]bool{}} }

func ledgerKey(name string, size int64, modTime time.Time) string {
	return fmt.Sprintf("%s|%d|%d", name, size, modTime.UnixNano())
}

func (l *memLedger) Ingested(_ context.Context, name string, size int64, modTime time.Time) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fail != nil {
		return false, l.fail
	}
	return l.done[ledgerKey(name, size, modTime)], nil
}

func (l *memLedger) Record(_ context.Context, name string, size int64, modTime time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fail != nil {
		return l.fail
	}
	l.done[ledgerKey(name, size, modTime)] = true
	return nil
}

func (l *memLedger) setFail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fail = err
}

func (l *memLedger) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.done)
}

// recorder is an Ingest func that records what it is handed. It refuses
// empty files with a per-file error, and fails whole calls while failCalls
// is positive.
type recorder struct {
	mu        sync.Mutex
	calls     [][]string
	failCalls int
}

func (r *recorder) ingest(_ context.Context, paths []string) ([]error, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, slices.Clone(paths))
	if r.failCalls > 0 {
		r.failCalls--
		return nil, errors.New("corpus unavailable")
	}
	perFile := make([]error, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		switch {
		case err != nil:
			perFile[i] = err
		case len(b) == 0:
			perFile[i] = errors.New("empty file")
		}
	}
	return perFile, nil
}

// handed returns every path handed over, in order, relative to dir.
func (r *recorder) handed(t *testing.T, dir string) []string {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, call := range r.calls {
		for _, p := range call {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}

func (r *recorder) numCalls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.calls)
}

type fixture struct {
	dir    string
	clock  *clocktest.Clock
	ledger *memLedger
	rec    *recorder
	logs   *syncbuf.Buffer
	w      *Watcher
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{
		dir:    t.TempDir(),
		clock:  clocktest.New(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)),
		ledger: newMemLedger(),
		rec:    &recorder{},
		logs:   &syncbuf.Buffer{},
	}
	f.w = f.newWatcher(t)
	return f
}

// newWatcher returns a watcher sharing the fixture's dir, clock, ledger
// and recorder, as after a restart.
func (f *fixture) newWatcher(t *testing.T) *Watcher {
	t.Helper()
	w, err := New(Options{
		Dir:      f.dir,
		Interval: testInterval,
		Settle:   testSettle,
		Clock:    f.clock,
		Logger:   slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}, f.ledger, f.rec.ingest)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (f *fixture) write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(f.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *fixture) appendTo(t *testing.T, name, content string) {
	t.Helper()
	fh, err := os.OpenFile(filepath.Join(f.dir, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteString(content); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// scan runs one scan of w and fails the test on error.
func (f *fixture) scan(t *testing.T, w *Watcher) int {
	t.Helper()
	n, err := w.Scan(context.Background())
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return n
}

// settle scans, moves the clock past the settle time, and scans again.
func (f *fixture) settle(t *testing.T, w *Watcher) int {
	t.Helper()
	n := f.scan(t, w)
	f.clock.Advance(testSettle)
	return n + f.scan(t, w)
}

func wantHanded(t *testing.T, f *fixture, want ...string) {
	t.Helper()
	if got := f.rec.handed(t, f.dir); !slices.Equal(got, want) {
		t.Fatalf("handed over %q, want %q", got, want)
	}
}

func TestWholeFileIngestedOnceAfterSettling(t *testing.T) {
	f := newFixture(t)
	f.write(t, "article.txt", "Some news.")

	if n := f.scan(t, f.w); n != 0 {
		t.Fatalf("first sight ingested %d files", n)
	}
	f.clock.Advance(testSettle / 2)
	if n := f.scan(t, f.w); n != 0 {
		t.Fatalf("ingested %d files before the settle time", n)
	}
	wantHanded(t, f)

	f.clock.Advance(testSettle / 2)
	if n := f.scan(t, f.w); n != 1 {
		t.Fatalf("settled scan ingested %d files, want 1", n)
	}
	wantHanded(t, f, "article.txt")
	if f.ledger.len() != 1 {
		t.Fatalf("ledger holds %d files, want 1", f.ledger.len())
	}

	f.clock.Advance(time.Hour)
	if n := f.scan(t, f.w); n != 0 {
		t.Fatalf("second scan ingested %d files", n)
	}
	wantHanded(t, f, "article.txt")
}

func TestSettleNeedsTwoScans(t *testing.T) {
	f := newFixture(t)
	f.write(t, "late.md", "# Title\n")
	// However much time has passed, a file seen once is not taken.
	f.clock.Advance(time.Hour)
	f.scan(t, f.w)
	wantHanded(t, f)
	f.clock.Advance(testSettle)
	f.scan(t, f.w)
	wantHanded(t, f, "late.md")
}

func TestGrowingFileWaitsUntilItStops(t *testing.T) {
	f := newFixture(t)
	f.write(t, "copy.html", "<p>first")
	f.scan(t, f.w)
	for i := range 5 {
		f.clock.Advance(testSettle)
		f.appendTo(t, "copy.html", fmt.Sprintf(" part %d", i))
		f.scan(t, f.w)
		wantHanded(t, f)
	}
	f.appendTo(t, "copy.html", "</p>")
	f.scan(t, f.w)
	f.clock.Advance(testSettle - time.Millisecond)
	f.scan(t, f.w)
	wantHanded(t, f)
	f.clock.Advance(time.Millisecond)
	f.scan(t, f.w)
	wantHanded(t, f, "copy.html")
	if b, _ := os.ReadFile(filepath.Join(f.dir, "copy.html")); !strings.HasSuffix(string(b), "part 4</p>") {
		t.Fatalf("unexpected content %q", b)
	}
}

func TestChangedModTimeRestartsSettling(t *testing.T) {
	f := newFixture(t)
	p := f.write(t, "a.txt", "same size")
	f.scan(t, f.w)
	f.clock.Advance(testSettle)
	mt := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(p, mt, mt); err != nil {
		t.Fatal(err)
	}
	f.scan(t, f.w)
	wantHanded(t, f)
	f.clock.Advance(testSettle)
	f.scan(t, f.w)
	wantHanded(t, f, "a.txt")
}

func TestTempThenRename(t *testing.T) {
	for _, temp := range []string{".article.txt.tmp", "article.txt.x8Fq2a", ".article.txt.x8Fq2a", "article.txt.tmp"} {
		t.Run(temp, func(t *testing.T) {
			f := newFixture(t)
			tmp := f.write(t, "sub/"+temp, "partial")
			f.settle(t, f.w)
			f.appendTo(t, "sub/"+temp, " and the rest")
			f.settle(t, f.w)
			wantHanded(t, f)

			if err := os.Rename(tmp, filepath.Join(f.dir, "sub", "article.txt")); err != nil {
				t.Fatal(err)
			}
			f.scan(t, f.w)
			wantHanded(t, f)
			f.settle(t, f.w)
			f.settle(t, f.w)
			wantHanded(t, f, "sub/article.txt")
		})
	}
}

func TestIgnoredNamesAndTypes(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{
		"a.txt.crdownload", "b.txt.part", "c.txt~", "d.txt.tmp", "e.txt.partial",
		"f.txt.swp", ".g.txt.swp", "h.html.download", "i.TXT.PART",
		".hidden.txt", ".hidden/in-hidden.txt", "sub/.rsync.txt.Ab12Cd", "sub/.deep/x.md",
		"report.pdf", "photo.png", "noext", "data.json",
	} {
		f.write(t, name, "content")
	}
	f.write(t, "ok.txt", "yes")
	f.write(t, "sub/ok.MD", "yes")
	f.write(t, "Upper.HTML", "<p>yes</p>")
	if err := os.MkdirAll(filepath.Join(f.dir, "dir.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	f.settle(t, f.w)
	f.settle(t, f.w)
	wantHanded(t, f, "Upper.HTML", "ok.txt", "sub/ok.MD")
}

func TestSymlinks(t *testing.T) {
	f := newFixture(t)
	outside := t.TempDir()
	target := filepath.Join(outside, "target.txt")
	if err := os.WriteFile(target, []byte("linked"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(f.dir, "link.txt")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(f.dir, "dirlink.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "missing.txt"), filepath.Join(f.dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	f.settle(t, f.w)
	wantHanded(t, f, "link.txt")
}

func TestNameOrderAcrossDirectories(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"b.txt", "a/z.md", "a.txt", "a/b/c.htm"} {
		f.write(t, name, "x")
	}
	if n := f.settle(t, f.w); n != 4 {
		t.Fatalf("ingested %d files, want 4", n)
	}
	if f.rec.numCalls() != 1 {
		t.Fatalf("%d ingest calls, want one batch", f.rec.numCalls())
	}
	wantHanded(t, f, "a.txt", "a/b/c.htm", "a/z.md", "b.txt")
}

func TestRestartAndModifiedFile(t *testing.T) {
	f := newFixture(t)
	f.write(t, "one.txt", "first version")
	p2 := f.write(t, "two.txt", "0123456789")
	f.settle(t, f.w)
	wantHanded(t, f, "one.txt", "two.txt")

	w2 := f.newWatcher(t)
	f.settle(t, w2)
	f.settle(t, w2)
	wantHanded(t, f, "one.txt", "two.txt")

	f.appendTo(t, "one.txt", ", amended")
	// Same size, new modification time.
	mt := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	if err := os.WriteFile(p2, []byte("9876543210"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p2, mt, mt); err != nil {
		t.Fatal(err)
	}
	if n := f.settle(t, w2); n != 2 {
		t.Fatalf("modified files: ingested %d, want 2", n)
	}
	wantHanded(t, f, "one.txt", "two.txt", "one.txt", "two.txt")

	w3 := f.newWatcher(t)
	f.settle(t, w3)
	wantHanded(t, f, "one.txt", "two.txt", "one.txt", "two.txt")
}

func TestPerFileErrorsRecordedNotRetried(t *testing.T) {
	f := newFixture(t)
	f.write(t, "empty.txt", "")
	f.write(t, "good.txt", "news")
	if n := f.settle(t, f.w); n != 1 {
		t.Fatalf("ingested %d, want 1 (the empty file fails)", n)
	}
	wantHanded(t, f, "empty.txt", "good.txt")
	if f.ledger.len() != 2 {
		t.Fatalf("ledger holds %d files, want both", f.ledger.len())
	}
	if !strings.Contains(f.logs.String(), "empty file") {
		t.Fatalf("per-file error not logged:\n%s", f.logs)
	}
	f.settle(t, f.w)
	f.settle(t, f.newWatcher(t))
	wantHanded(t, f, "empty.txt", "good.txt")

	// Once the empty file gets content it is a new version.
	f.appendTo(t, "empty.txt", "now with text")
	if n := f.settle(t, f.w); n != 1 {
		t.Fatalf("filled file: ingested %d, want 1", n)
	}
	wantHanded(t, f, "empty.txt", "good.txt", "empty.txt")
}

func TestFailingIngestRetriedNextScan(t *testing.T) {
	f := newFixture(t)
	f.rec.failCalls = 1
	f.write(t, "a.txt", "a")
	f.scan(t, f.w)
	f.clock.Advance(testSettle)
	n, err := f.w.Scan(context.Background())
	if err == nil || !strings.Contains(err.Error(), "corpus unavailable") {
		t.Fatalf("scan error = %v, want the ingest failure", err)
	}
	if n != 0 || f.ledger.len() != 0 {
		t.Fatalf("failed call: ingested %d, ledger %d; want none", n, f.ledger.len())
	}
	if n := f.scan(t, f.w); n != 1 {
		t.Fatalf("retry ingested %d, want 1", n)
	}
	f.scan(t, f.w)
	wantHanded(t, f, "a.txt", "a.txt")
	if f.ledger.len() != 1 {
		t.Fatalf("ledger holds %d files, want 1", f.ledger.len())
	}
}

func TestLedgerErrors(t *testing.T) {
	f := newFixture(t)
	f.write(t, "a.txt", "a")
	f.scan(t, f.w)
	f.clock.Advance(testSettle)
	f.ledger.setFail(errors.New("database locked"))
	if _, err := f.w.Scan(context.Background()); err == nil || !strings.Contains(err.Error(), "database locked") {
		t.Fatalf("scan error = %v, want the ledger failure", err)
	}
	wantHanded(t, f)
	f.ledger.setFail(nil)
	f.scan(t, f.w)
	wantHanded(t, f, "a.txt")
}

func TestBadIngestResultCount(t *testing.T) {
	f := newFixture(t)
	w, err := New(Options{Dir: f.dir, Clock: f.clock}, f.ledger, func(context.Context, []string) ([]error, error) {
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f.write(t, "a.txt", "a")
	f.scan(t, w)
	f.clock.Advance(DefaultSettle)
	if _, err := w.Scan(context.Background()); err == nil || !strings.Contains(err.Error(), "0 results for 1 files") {
		t.Fatalf("scan error = %v, want a result count complaint", err)
	}
}

func TestVanishedFileForgotten(t *testing.T) {
	f := newFixture(t)
	p := f.write(t, "gone.txt", "soon gone")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	f.scan(t, f.w)
	f.clock.Advance(testSettle / 2)
	f.scan(t, f.w)
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	f.scan(t, f.w)
	f.w.mu.Lock()
	left := len(f.w.seen)
	f.w.mu.Unlock()
	if left != 0 {
		t.Fatalf("watcher still remembers %d files", left)
	}

	// Back with the same size and time: settling starts again.
	f.write(t, "gone.txt", "soon gone")
	if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(testSettle / 2)
	f.scan(t, f.w)
	wantHanded(t, f)
	f.clock.Advance(testSettle)
	f.scan(t, f.w)
	wantHanded(t, f, "gone.txt")
}

func TestUnreadableDirectoryLoggedNotFatal(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions are not enforced for root")
	}
	f := newFixture(t)
	f.write(t, "locked/inside.txt", "x")
	f.write(t, "open.txt", "y")
	locked := filepath.Join(f.dir, "locked")
	f.scan(t, f.w)
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	f.clock.Advance(testSettle)
	if n := f.scan(t, f.w); n != 1 {
		t.Fatalf("ingested %d, want the readable file", n)
	}
	f.scan(t, f.w)
	if got := strings.Count(f.logs.String(), "cannot be read"); got != 1 {
		t.Fatalf("unreadable directory logged %d times, want once:\n%s", got, f.logs)
	}
	// What was seen inside is kept, so the file is not made to wait again.
	if err := os.Chmod(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	f.scan(t, f.w)
	wantHanded(t, f, "open.txt", "locked/inside.txt")
	if !strings.Contains(f.logs.String(), "readable again") {
		t.Fatalf("recovery not logged:\n%s", f.logs)
	}
}

func TestWatchedDirRemoved(t *testing.T) {
	f := newFixture(t)
	sub := filepath.Join(f.dir, "inbox")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := New(Options{Dir: sub, Clock: f.clock}, f.ledger, f.rec.ingest)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(sub); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Scan(context.Background()); err == nil || !strings.Contains(err.Error(), "read watch dir") {
		t.Fatalf("scan error = %v, want a read failure", err)
	}
}

func TestRunScansUntilCancelled(t *testing.T) {
	f := newFixture(t)
	f.rec.failCalls = 1
	f.write(t, "a.txt", "a")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f.w.Run(ctx) }()

	step := func() {
		t.Helper()
		if err := f.clock.WaitForWaiters(ctx, 1); err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(testInterval)
	}
	step() // after the first scan (file seen), starts the second
	if err := f.clock.WaitForWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// The second scan found the file settled; the ingest failed.
	wantHanded(t, f, "a.txt")
	if !strings.Contains(f.logs.String(), "watch scan failed") {
		t.Fatalf("failed scan not logged:\n%s", f.logs)
	}
	f.clock.Advance(testInterval) // third scan: retried
	if err := f.clock.WaitForWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	wantHanded(t, f, "a.txt", "a.txt")
	if f.ledger.len() != 1 {
		t.Fatalf("ledger holds %d files, want 1", f.ledger.len())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestRunReturnsAtOnceWhenCancelled(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.w.Run(ctx); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
}

func TestNewRefusesBadDirs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ing := (&recorder{}).ingest
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"missing", Options{Dir: filepath.Join(dir, "nope")}, "does not exist"},
		{"file", Options{Dir: file}, "is not a directory"},
		{"empty", Options{}, "no directory"},
		{"negative", Options{Dir: dir, Settle: -time.Second}, "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(tt.opts, newMemLedger(), ing)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v, %v; want an error containing %q", w, err, tt.want)
			}
		})
	}
	if _, err := New(Options{Dir: dir}, nil, ing); err == nil {
		t.Fatal("New accepted a nil ledger")
	}
	if _, err := New(Options{Dir: dir}, newMemLedger(), nil); err == nil {
		t.Fatal("New accepted a nil ingest func")
	}
	w, err := New(Options{Dir: dir}, newMemLedger(), ing)
	if err != nil {
		t.Fatal(err)
	}
	if w.interval != DefaultInterval || w.settle != DefaultSettle || !filepath.IsAbs(w.Dir()) {
		t.Fatalf("defaults not applied: interval %v settle %v dir %q", w.interval, w.settle, w.Dir())
	}
}
