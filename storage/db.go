// Package storage keeps the parsed corpus in SQLite: one file, WAL mode,
// foreign keys and a busy timeout on every connection, full-text search
// with FTS5, schema changes as embedded numbered migrations. It implements
// the interfaces the briefing package reads through.
//
// Builds need the sqlite_fts5 build tag.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver

	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
)

// DB is the corpus database.
type DB struct {
	sql     *sql.DB
	path    string
	log     *slog.Logger
	now     func() time.Time
	names   *names.Matcher
	lex     *lexicon.Lexicon
	writeMu sync.Mutex // one writing transaction at a time; guards w
	w       *writer
	index   *nameIndex // the writer's name index; guarded by writeMu
	ckpt    *checkpointer
}

// Options configure Open.
type Options struct {
	Logger  *slog.Logger     // default: discard
	Now     func() time.Time // default: time.Now
	Lexicon *lexicon.Lexicon // required: name matching for resolution
}

// busyTimeout is how long a connection waits for a lock before failing.
const busyTimeout = 5 * time.Second

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if opts.Lexicon == nil {
		return nil, errors.New("open database: no lexicon")
	}
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("open database %s: directory %s does not exist", path, dir)
		}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	// Every connection: foreign keys, WAL, a busy timeout, a 16 MiB page
	// cache (the writer's is larger, see begin); reads of a large corpus
	// come from the system's file cache too.
	dsn := fmt.Sprintf("file:%s?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=%d&_synchronous=NORMAL&_txlock=immediate&_cache_size=-16384",
		escapePath(path), busyTimeout.Milliseconds())
	sqldb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sqldb.SetMaxOpenConns(4)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{sql: sqldb, path: path, log: opts.Logger, now: opts.Now, lex: opts.Lexicon, names: names.NewMatcher(opts.Lexicon)}
	if err := db.check(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	if n, err := db.Migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	} else if n > 0 {
		db.log.Debug("database migrated", "path", path, "migrations", n)
	}
	db.ckpt = startCheckpointer(sqldb, db.log)
	return db, nil
}

// escapePath percent-encodes the characters that would end a SQLite URI
// file name.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// check verifies that the file is a database and that FTS5 is compiled in.
func (db *DB) check(ctx context.Context) error {
	var fts int
	if err := db.sql.QueryRowContext(ctx, `SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&fts); err != nil {
		return fmt.Errorf("open database %s: %w", db.path, err)
	}
	if fts != 1 {
		return errors.New("this build has no SQLite FTS5: build and test with -tags sqlite_fts5")
	}
	var mode string
	if err := db.sql.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return fmt.Errorf("open database %s: %w", db.path, err)
	}
	if mode != "wal" {
		return fmt.Errorf("open database %s: journal mode is %q, not WAL", db.path, mode)
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.ckpt.close()
	db.writeMu.Lock()
	db.closeWriter()
	db.writeMu.Unlock()
	if err := db.sql.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// dateArg turns a date into a column value: NULL when unknown.
func dateArg(d interface{ String() string }) any {
	if s := d.String(); s != "" {
		return s
	}
	return nil
}
