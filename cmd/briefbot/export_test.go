package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "export", "--db", db)
	wantCode(t, r, exitOK)
	var top map[string]json.RawMessage
	decodeJSON(t, r.stdout, &top)
	for _, k := range []string{"documents", "people", "organizations", "places", "quotes", "meetings"} {
		raw, ok := top[k]
		if !ok {
			t.Errorf("export has no %q", k)
			continue
		}
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			t.Errorf("%q is not a list: %v", k, err)
		} else if len(list) == 0 {
			t.Errorf("%q is empty", k)
		}
	}

	var ex struct {
		Documents []map[string]json.RawMessage `json:"documents"`
		People    []struct {
			Name string `json:"name"`
		} `json:"people"`
	}
	decodeJSON(t, r.stdout, &ex)
	if len(ex.Documents) != 5 {
		t.Fatalf("%d documents, want 5", len(ex.Documents))
	}
	dated := map[string]bool{"001_01289765024a45e3.txt": true, "004_96a133d52f3f5cc3.txt": true}
	for _, d := range ex.Documents {
		var src string
		if err := json.Unmarshal(d["source"], &src); err != nil {
			t.Fatalf("document without a source: %v", d)
		}
		pub, ok := d["published"]
		if !ok {
			t.Errorf("%s: no \"published\" key (want null when undated)", src)
			continue
		}
		switch {
		case dated[src] && string(pub) != `"2024-03-21"`:
			t.Errorf("%s: published %s, want \"2024-03-21\"", src, pub)
		case !dated[src] && string(pub) != "null":
			t.Errorf("%s: published %s, want null", src, pub)
		}
	}
	var people []string
	for _, p := range ex.People {
		people = append(people, p.Name)
	}
	for _, want := range []string{"David Barnea", "William Burns", "Antony Blinken", "Abbas Kamel"} {
		if !strings.Contains(strings.Join(people, "|"), want) {
			t.Errorf("no person %q in %q", want, people)
		}
	}
}

func TestExportEmptyCorpus(t *testing.T) {
	t.Parallel()
	r := run(t, "export", "--db", filepath.Join(t.TempDir(), "c.db"))
	wantCode(t, r, exitOK)
	var top map[string]json.RawMessage
	decodeJSON(t, r.stdout, &top)
	for _, k := range []string{"documents", "people", "organizations", "places", "quotes", "meetings"} {
		if string(top[k]) != "[]" {
			t.Errorf("%q = %s in an empty corpus, want []", k, top[k])
		}
	}
}

func TestMigrate(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "c.db")
	r := run(t, "migrate", "--db", db)
	wantCode(t, r, exitOK)
	if r.stdout != db+": schema version 5\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no database: %v", err)
	}
	// Again: nothing to do, same answer.
	r = run(t, "migrate", "--db", db)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "schema version 5")
	wantNotContains(t, "stderr", r.stderr, "migrated")

	// A seeded database.
	r = run(t, "migrate", "--db", seededDB(t))
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "schema version 5")
}

func TestMigrateRejectsPositional(t *testing.T) {
	// "briefbot migrate my.db" must not quietly migrate ./briefbot.db.
	dir := t.TempDir()
	t.Chdir(dir)
	r := run(t, "migrate", "my.db")
	if r.code != exitUsage {
		t.Errorf("migrate my.db: exit %d, want %d (unexpected argument)\n%s", r.code, exitUsage, r)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefbot.db")); err == nil {
		t.Errorf("migrate my.db created briefbot.db instead")
	}
}
