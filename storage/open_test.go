package storage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
)

// latestSchema is the number of the last migration.
const latestSchema = 5

func TestOpenFreshFileGetsLatestSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fresh.db")
	db := openAt(t, path)

	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatalf("SchemaVersion: %v", err)
	}
	if v != latestSchema {
		t.Errorf("SchemaVersion = %d, want %d", v, latestSchema)
	}
	for version, want := range map[int]string{1: "001_corpus.sql", 2: "002_digests.sql"} {
		var name, applied string
		if err := db.sql.QueryRow(`SELECT name, applied_at FROM schema_migrations WHERE version = ?`, version).Scan(&name, &applied); err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		if name != want {
			t.Errorf("migration %d recorded as %q, want %s", version, name, want)
		}
		if want := fixedNow().Format(time.RFC3339); applied != want {
			t.Errorf("migration %d applied_at = %q, want %q (the Options.Now clock)", version, applied, want)
		}
	}
	if got := db.Path(); got != path {
		t.Errorf("Path() = %q, want %q", got, path)
	}
	for _, tab := range allTables {
		if tab == "schema_migrations" {
			continue
		}
		if n := countRows(t, db, tab); n != 0 {
			t.Errorf("fresh database: %s has %d rows", tab, n)
		}
	}
}

func TestOpenAgainAppliesNothingAndKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")

	db, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	ingestHand(t, db,
		handArticle{source: "a.txt", published: "2024-03-01", entities: []briefing.ExtractedEntity{person("Noam Varsano", "Varsano")}},
		handArticle{source: "b.txt", entities: []briefing.ExtractedEntity{person("Dana Elkayam")}},
	)
	before := tableCounts(t, db)
	exportBefore := exportJSON(t, db)
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	later := func() time.Time { return fixedNow().Add(48 * time.Hour) }
	db2, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: later})
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer db2.Close()
	n, err := db2.Migrate(ctx)
	if err != nil {
		t.Fatalf("Migrate on an up-to-date database: %v", err)
	}
	if n != 0 {
		t.Errorf("Migrate applied %d migrations to an up-to-date database, want 0", n)
	}
	if v, err := db2.SchemaVersion(ctx); err != nil || v != latestSchema {
		t.Errorf("SchemaVersion after reopening = %d, %v; want %d, nil", v, err, latestSchema)
	}
	var applied string
	if err := db2.sql.QueryRow(`SELECT applied_at FROM schema_migrations WHERE version = 1`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if want := fixedNow().Format(time.RFC3339); applied != want {
		t.Errorf("reopening re-recorded migration 1 at %q, want the original %q", applied, want)
	}
	after := tableCounts(t, db2)
	for tab, n := range before {
		if after[tab] != n {
			t.Errorf("%s: %d rows before reopening, %d after", tab, n, after[tab])
		}
	}
	if exportAfter := exportJSON(t, db2); !bytes.Equal(exportBefore, exportAfter) {
		t.Errorf("export changed across reopening:\nbefore: %s\nafter: %s", exportBefore, exportAfter)
	}
}

func TestOpenPathInMissingDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no", "such", "dir")
	path := filepath.Join(dir, "corpus.db")
	db, err := Open(context.Background(), path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err == nil {
		db.Close()
		t.Fatal("Open in a missing directory succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, "does not exist") || !strings.Contains(msg, dir) {
		t.Errorf("error %q should say that directory %s does not exist", msg, dir)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Open created the missing directory (stat: %v)", err)
	}
}

func TestOpenPathIsADirectoryOrParentIsAFile(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "plain-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		tmp,                              // a directory, not a file
		filepath.Join(file, "corpus.db"), // parent is a regular file
	} {
		db, err := Open(context.Background(), path, Options{Lexicon: testLexicon(t), Now: fixedNow})
		if err == nil {
			db.Close()
			t.Errorf("Open(%s) succeeded, want an error", path)
		}
	}
}

func TestOpenRefusesBadOptions(t *testing.T) {
	ctx := context.Background()
	if db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"), Options{Now: fixedNow}); err == nil {
		db.Close()
		t.Error("Open without a lexicon succeeded")
	}
	if db, err := Open(ctx, "", Options{Lexicon: testLexicon(t), Now: fixedNow}); err == nil {
		db.Close()
		t.Error("Open with an empty path succeeded")
	}
}

func TestOpenNonDatabaseFile(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"text", bytes.Repeat([]byte("this is not a database, just some notes\n"), 200)},
		{"binary", bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x7f, 0xff}, 1024)},
		{"short", []byte("SQLite format 2")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(context.Background(), path, Options{Lexicon: testLexicon(t), Now: fixedNow})
			if err == nil {
				db.Close()
				t.Fatal("Open of a non-database file succeeded")
			}
			if !strings.Contains(err.Error(), path) && !strings.Contains(err.Error(), "not a database") {
				t.Errorf("error %q names neither the file nor the problem", err)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !bytes.Equal(got, tc.data) {
				t.Error("a failed Open changed the non-database file")
			}
		})
	}
}

func TestOpenNewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	db, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, '099_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err == nil {
		db2.Close()
		t.Fatal("Open of a database with a newer schema succeeded")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q should say the schema is newer", err)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	// Characters that mean something in a SQLite URI must stay part of
	// the file name.
	dir := filepath.Join(t.TempDir(), "odd dir #1 ?x=y %41")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "my corpus#2?.db")
	db := openAt(t, path)
	ingestHand(t, db, handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.Name() == filepath.Base(path) {
			found = true
		}
	}
	if !found {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("no file %q in %s; files: %q", filepath.Base(path), dir, names)
	}
	db2 := openAt(t, path)
	if n := countRows(t, db2, "documents"); n != 1 {
		t.Errorf("reopened database has %d documents, want 1", n)
	}
}

// TestConnectionSettings checks every pooled connection, not just the
// first: foreign keys on, a busy timeout, WAL journal.
func TestConnectionSettings(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	held := 3 // the pool allows 4; hold several at once so they differ
	for i := 0; i < held; i++ {
		c, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var fk, busy int
		var mode string
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if fk != 1 {
			t.Errorf("connection %d: foreign_keys = %d, want 1", i, fk)
		}
		if busy != int(busyTimeout.Milliseconds()) {
			t.Errorf("connection %d: busy_timeout = %d, want %d", i, busy, busyTimeout.Milliseconds())
		}
		if mode != "wal" {
			t.Errorf("connection %d: journal_mode = %q, want wal", i, mode)
		}
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	var docID, sentID int64
	if err := db.sql.QueryRow(`SELECT id FROM documents`).Scan(&docID); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow(`SELECT id FROM sentences LIMIT 1`).Scan(&sentID); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name string
		sql  string
		args []any
	}{
		{"sentence of a missing document", `INSERT INTO sentences(document_id, seq, paragraph, text) VALUES (?, 0, 0, 'x')`, []any{docID + 1000}},
		{"quote in a missing sentence", `INSERT INTO quotes(document_id, sentence_id, text, partial) VALUES (?, ?, 'x', 0)`, []any{docID, sentID + 1000}},
		{"alias of a missing entity", `INSERT INTO aliases(entity_id, norm, alias, first_doc) VALUES (987654, 'x', 'x', 1)`, nil},
		{"participant of a missing meeting", `INSERT INTO meeting_participants(meeting_id, entity_id) VALUES (987654, (SELECT id FROM entities LIMIT 1))`, nil},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.sql.Exec(tc.sql, tc.args...)
			if err == nil {
				t.Fatal("insert with a dangling reference succeeded: foreign keys are off")
			}
			if !strings.Contains(strings.ToUpper(err.Error()), "FOREIGN KEY") {
				t.Errorf("error %q is not a foreign key failure", err)
			}
		})
	}
	// Deleting a document cascades to its sentences, and the FTS index
	// follows through the trigger.
	if _, err := db.sql.Exec(`DELETE FROM documents WHERE id = ?`, docID); err != nil {
		t.Fatalf("delete document: %v", err)
	}
	if n := countRows(t, db, "sentences"); n != 0 {
		t.Errorf("%d sentences left after deleting their document", n)
	}
}
