package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemo(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "demo.db")
	r := run(t, "demo", "--db", db)
	wantCode(t, r, exitOK)
	first, _, _ := strings.Cut(r.stdout, "\n")
	if first != "Sample corpus: ingested 5 articles, duplicates 0, failed 0 (database "+db+")" {
		t.Errorf("first line = %q", first)
	}
	for _, q := range demoQuestions {
		wantContains(t, "demo", r.stdout, "\n$ briefbot ask "+q+"\n")
	}
	wantContains(t, "demo", r.stdout,
		"David Barnea", "Friday 22 March 2024", "Doha", "Cairo",
		"a major military operation in Rafah",
		"Abbas Kamal", "Egyptian Intelligence Minister",
		"“mohammed” fits 2 people", "Mohammed Bin Salman",
		"**hostages**", "5 articles")
	wantNotContains(t, "demo stderr", r.stderr, "failed:", "level=WARN", "level=ERROR")
	golden(t, "demo.txt", strings.ReplaceAll(r.stdout, db, "DEMO_DB"))

	// The database is kept and answers the same questions.
	a := run(t, "ask", "--db", db, "who-met", "barnea")
	wantCode(t, a, exitOK)
	wantContains(t, "demo", r.stdout, a.stdout)
}

func TestDemoTemporaryDatabaseIsRemoved(t *testing.T) {
	// No t.Parallel: the test points TMPDIR at a directory of its own.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	r := run(t, "demo")
	wantCode(t, r, exitOK)
	wantContains(t, "demo", r.stdout, "(database "+tmp)
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("demo left %s behind in the temporary directory", e.Name())
	}
}

// evalJSON is part of the eval --json report.
type evalJSON struct {
	Quotes struct {
		Recall    float64 `json:"recall"`
		Precision float64 `json:"precision"`
	} `json:"quotes"`
}

func TestEvalDefault(t *testing.T) {
	t.Parallel()
	r := run(t, "eval")
	wantCode(t, r, exitOK)
	wantContains(t, "eval", r.stdout, "quotes ", "recall", "precision", "attribution", "not quotes", "meeting pairs", "call pairs", "variants merged", "dates")

	r = run(t, "eval", "--check")
	wantCode(t, r, exitOK)
	wantNotContains(t, "stderr", r.stderr, "under the floor")

	r = run(t, "eval", "--json")
	wantCode(t, r, exitOK)
	var top map[string]json.RawMessage
	decodeJSON(t, r.stdout, &top)
	var rep evalJSON
	decodeJSON(t, r.stdout, &rep)
	if rep.Quotes.Recall < 0.95 || rep.Quotes.Precision < 0.95 {
		t.Errorf("quote recall %.3f precision %.3f; --check passed, so both should be at least 0.95", rep.Quotes.Recall, rep.Quotes.Precision)
	}
}

// goldPath is the bundled gold annotations file.
func goldPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "corpus", "gold", "seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalCorpusAndDB(t *testing.T) {
	t.Parallel()
	def := run(t, "eval")
	wantCode(t, def, exitOK)

	// The sample articles from disk measure like the bundled ones.
	r := run(t, "eval", "--gold", goldPath(t), "--check", seedsDir(t))
	wantCode(t, r, exitOK)
	if r.stdout != def.stdout {
		t.Errorf("eval seeds differs from the default eval:\n%s\n---\n%s", r.stdout, def.stdout)
	}
	// So does a database built by ingest.
	r = run(t, "eval", "--db", seededDB(t), "--gold", goldPath(t), "--check")
	wantCode(t, r, exitOK)
	if r.stdout != def.stdout {
		t.Errorf("eval --db differs from the default eval:\n%s\n---\n%s", r.stdout, def.stdout)
	}
}

func TestEvalCheckFails(t *testing.T) {
	t.Parallel()
	// One article against the gold of five: recall falls under the floor.
	dir := t.TempDir()
	writeFile(t, dir, "in/"+goodSeed, seedText(t, goodSeed))
	r := run(t, "eval", filepath.Join(dir, "in", goodSeed), "--gold", goldPath(t), "--check")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "under the floor: ", "quote F1")
	wantContains(t, "stdout", r.stdout, "missed quotes:")
}

func TestEvalUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := seededDB(t)
	for _, args := range [][]string{
		{"eval", "--db", db},
		{"eval", seedsDir(t)},
		{"eval", "--db", db, seedsDir(t), "--gold", goldPath(t)},
		{"eval", "--json", "extra"},
	} {
		r := run(t, args...)
		if r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, r.code, exitUsage, r)
		}
		if r.stdout != "" {
			t.Errorf("%q: stdout should be empty:\n%s", args, r.stdout)
		}
	}

	// --db must exist: eval does not create an empty database to measure.
	missing := filepath.Join(dir, "missing.db")
	r := run(t, "eval", "--db", missing, "--gold", goldPath(t))
	wantCode(t, r, exitError)
	if _, err := os.Stat(missing); err == nil {
		t.Error("eval created the missing database")
	}
	// A bad gold file.
	bad := writeFile(t, dir, "gold.json", []byte(`{"articles": {}}`))
	r = run(t, "eval", "--gold", bad)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "gold annotations")
	r = run(t, "eval", "--gold", filepath.Join(dir, "no-such-gold.json"))
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "no-such-gold.json")
}
