// Package watch ingests article files dropped into a folder. It polls the
// folder, waits until each file has stopped changing, hands complete files
// to an ingest function once, and remembers them in a ledger so that a
// restart does not ingest them again.
//
// Files still being written are recognised in two ways: by name (hidden
// files, editor and download temporaries are never taken) and by waiting
// until a file's size and modification time have stayed the same for a
// while (Options.Settle), observed over at least two scans.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"briefbot/briefing/ingest"
)

// Defaults used when Options leaves a duration zero.
const (
	DefaultInterval = 2 * time.Second
	DefaultSettle   = 2 * time.Second
)

// Clock is the time source; tests pass a clocktest.Clock.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// Ledger remembers which files were ingested, so that a restart does not
// ingest them again. Names are paths relative to the watched directory,
// with forward slashes.
type Ledger interface {
	// Ingested reports whether the file with this name, size and
	// modification time was already ingested.
	Ingested(ctx context.Context, name string, size int64, modTime time.Time) (bool, error)
	// Record remembers the file as ingested.
	Record(ctx context.Context, name string, size int64, modTime time.Time) error
}

// Ingest ingests complete files, given as absolute paths, and reports one
// error or nil per path, in the same order. A per-file error (the content
// was refused: binary, empty, too large…) is logged and the file is still
// recorded, so it is not retried until it changes. A returned err means
// the whole call failed: perFile is ignored and the files are tried again
// at the next scan.
type Ingest func(ctx context.Context, paths []string) (perFile []error, err error)

// Options configures a Watcher.
type Options struct {
	// Dir is the watched directory, walked recursively.
	Dir string
	// Interval is the pause between the end of one scan and the start of
	// the next; DefaultInterval when zero.
	Interval time.Duration
	// Settle is how long a file must keep the same size and modification
	// time, seen over at least two scans, before it is ingested;
	// DefaultSettle when zero.
	Settle time.Duration
	// Clock is the time source; the system clock when nil.
	Clock Clock
	// Logger receives what happened to files; discarded when nil.
	Logger *slog.Logger
}

// Watcher polls a directory and ingests the files that appear or change in
// it. Its methods may be called from several goroutines; scans run one at
// a time.
type Watcher struct {
	dir      string
	interval time.Duration
	settle   time.Duration
	clock    Clock
	log      *slog.Logger
	ledger   Ledger
	ingest   Ingest

	mu         sync.Mutex           // held for a whole scan; guards the fields below
	seen       map[string]*sighting // by name, the files found by the last scan
	unreadable map[string]bool      // directories (names) that could not be read last time
}

// sighting is what the watcher knows of one version of a file.
type sighting struct {
	size    int64
	modTime time.Time
	since   time.Time // clock time this version was first seen
	done    bool      // this version is in the ledger
}

// file is a candidate found by a scan.
type file struct {
	name    string // relative to the watched dir, slash-separated
	path    string // absolute
	size    int64
	modTime time.Time
}

// New returns a watcher of opts.Dir, which must be an existing directory.
func New(opts Options, ledger Ledger, ingest Ingest) (*Watcher, error) {
	if opts.Dir == "" {
		return nil, errors.New("watch: no directory given")
	}
	if ledger == nil {
		return nil, errors.New("watch: no ledger given")
	}
	if ingest == nil {
		return nil, errors.New("watch: no ingest function given")
	}
	if opts.Interval < 0 || opts.Settle < 0 {
		return nil, fmt.Errorf("watch: negative interval (%v) or settle time (%v)", opts.Interval, opts.Settle)
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("watch dir %q: %w", opts.Dir, err)
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("watch dir %q does not exist: %w", opts.Dir, err)
	case err != nil:
		return nil, fmt.Errorf("watch dir %q: %w", opts.Dir, err)
	case !st.IsDir():
		return nil, fmt.Errorf("watch dir %q is not a directory", opts.Dir)
	}
	w := &Watcher{
		dir:        dir,
		interval:   orDefault(opts.Interval, DefaultInterval),
		settle:     orDefault(opts.Settle, DefaultSettle),
		clock:      opts.Clock,
		log:        opts.Logger,
		ledger:     ledger,
		ingest:     ingest,
		seen:       map[string]*sighting{},
		unreadable: map[string]bool{},
	}
	if w.clock == nil {
		w.clock = systemClock{}
	}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	return w, nil
}

// orDefault returns d, or def when d is zero.
func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// Dir returns the absolute path of the watched directory.
func (w *Watcher) Dir() string { return w.dir }

// Run scans at once, then every Interval until ctx is done, and returns
// nil then. A failing scan is logged and the next one tries again.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		_, err := w.Scan(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			w.log.Error("watch scan failed", "dir", w.dir, "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-w.clock.After(w.interval):
		}
	}
}

// Scan looks through the directory once: it notes new and changed files,
// hands those that have settled and are not in the ledger to the ingest
// function (in name order, in one call) and records them. It returns how
// many were ingested without a per-file error. An error means some files
// could not be handled this time; they are tried again at the next scan.
func (w *Watcher) Scan(ctx context.Context) (ingested int, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	files, unreadable, err := w.list()
	if err != nil {
		return 0, err
	}
	w.forget(files, unreadable)

	now := w.clock.Now()
	var ready []file
	var errs []error
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		s := w.seen[f.name]
		if s == nil || s.size != f.size || !s.modTime.Equal(f.modTime) {
			w.seen[f.name] = &sighting{size: f.size, modTime: f.modTime, since: now}
			continue
		}
		if s.done || now.Sub(s.since) < w.settle {
			continue
		}
		done, err := w.ledger.Ingested(ctx, f.name, f.size, f.modTime)
		if err != nil {
			errs = append(errs, fmt.Errorf("ledger lookup of %s: %w", f.name, err))
			continue
		}
		if done {
			s.done = true
			continue
		}
		ready = append(ready, f)
	}
	n, err := w.hand(ctx, ready)
	if err != nil {
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

// hand ingests ready files and records them.
func (w *Watcher) hand(ctx context.Context, ready []file) (int, error) {
	if len(ready) == 0 {
		return 0, nil
	}
	paths := make([]string, len(ready))
	for i, f := range ready {
		paths[i] = f.path
	}
	perFile, err := w.ingest(ctx, paths)
	if err != nil {
		return 0, fmt.Errorf("ingest of %d files: %w", len(paths), err)
	}
	if len(perFile) != len(paths) {
		return 0, fmt.Errorf("ingest returned %d results for %d files", len(perFile), len(paths))
	}
	n := 0
	var errs []error
	for i, f := range ready {
		if perFile[i] != nil {
			w.log.Warn("watched file not ingested", "file", f.name, "err", perFile[i])
		} else {
			n++
			w.log.Info("watched file ingested", "file", f.name, "size", f.size)
		}
		// Marked done even if the ledger fails, so that this process does
		// not ingest the file at every scan; a restart may ingest it again.
		w.seen[f.name].done = true
		if err := w.ledger.Record(ctx, f.name, f.size, f.modTime); err != nil {
			errs = append(errs, fmt.Errorf("ledger record of %s: %w", f.name, err))
		}
	}
	return n, errors.Join(errs...)
}

// forget drops what is known of files no longer there, except under
// directories that could not be read this time.
func (w *Watcher) forget(files []file, unreadable []string) {
	present := make(map[string]bool, len(files))
	for _, f := range files {
		present[f.name] = true
	}
	for name := range w.seen {
		if present[name] || under(name, unreadable) {
			continue
		}
		delete(w.seen, name)
	}
}

// under reports whether name lies in one of the directories dirs.
func under(name string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(name, d+"/") {
			return true
		}
	}
	return false
}

// list walks the directory and returns the candidate files sorted by name
// and the subdirectories that could not be read. It fails only when the
// watched directory itself cannot be read.
func (w *Watcher) list() ([]file, []string, error) {
	var files []file
	var unreadable []string
	failed := map[string]bool{}
	var walk func(dir, rel string) error
	walk = func(dir, rel string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if rel == "" {
				return fmt.Errorf("read watch dir: %w", err)
			}
			unreadable = append(unreadable, rel)
			failed[rel] = true
			if !w.unreadable[rel] {
				w.log.Warn("watched directory cannot be read", "dir", rel, "err", err)
			}
			// Entries read before the error are still looked at.
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			full, sub := filepath.Join(dir, name), path.Join(rel, name)
			if e.IsDir() {
				if err := walk(full, sub); err != nil {
					return err
				}
				continue
			}
			if ignored(name) {
				continue
			}
			if f, ok := w.stat(full, sub, e); ok {
				files = append(files, f)
			}
		}
		return nil
	}
	if err := walk(w.dir, ""); err != nil {
		return nil, nil, err
	}
	for rel := range w.unreadable {
		if !failed[rel] {
			w.log.Info("watched directory readable again", "dir", rel)
		}
	}
	w.unreadable = failed
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, unreadable, nil
}

// stat returns the file at full if it is a regular file or a symbolic link
// to one.
func (w *Watcher) stat(full, rel string, e fs.DirEntry) (file, bool) {
	var info fs.FileInfo
	var err error
	switch {
	case e.Type().IsRegular():
		info, err = e.Info()
	case e.Type()&fs.ModeSymlink != 0:
		info, err = os.Stat(full)
	default:
		return file{}, false
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.log.Warn("watched file cannot be examined", "file", rel, "err", err)
		}
		return file{}, false
	}
	if !info.Mode().IsRegular() {
		return file{}, false
	}
	return file{name: rel, path: full, size: info.Size(), modTime: info.ModTime()}, true
}

// ignored reports whether a file named name (not hidden) is left alone:
// a file still being written by an editor, browser or download tool, or
// one of a type that is not ingested.
func ignored(name string) bool {
	lower := strings.ToLower(name)
	temporary := [...]string{"~", ".tmp", ".part", ".crdownload", ".partial", ".swp", ".download"}
	for _, s := range temporary {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	ext := filepath.Ext(lower)
	return !slices.ContainsFunc(ingest.Extensions, func(e string) bool { return strings.EqualFold(e, ext) })
}

// systemClock is the real clock.
type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
