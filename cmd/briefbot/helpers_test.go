package main

// Shared harness of the command-line tests: the program runs in-process
// with captured streams, a map for the environment and a fixed clock.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/internal/syncbuf"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// testNow is the fixed clock of every run.
var testNow = time.Date(2024, time.March, 25, 9, 30, 0, 0, time.UTC)

// seedFiles are the sample articles, by base name.
var seedFiles = []string{
	"000_619e3d11a67195ae.txt",
	"001_01289765024a45e3.txt",
	"002_9ca1e063e595d5e0.txt",
	"003_17d541fd9fb80723.txt",
	"004_96a133d52f3f5cc3.txt",
}

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s\n--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// runner runs the program with an environment and a terminal setting.
type runner struct {
	env      map[string]string
	terminal bool
}

func (rn runner) run(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr syncbuf.Buffer
	a := &app{
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return rn.env[k] },
		now:    func() time.Time { return testNow },
		isTerminal: func(w io.Writer) bool {
			return rn.terminal
		},
	}
	code := a.run(context.Background(), args)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// run runs the program with an empty environment.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runner{}.run(t, args...)
}

// wantCode fails the test unless the run exited with code.
func wantCode(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit status %d, want %d\n%s", r.code, code, r)
	}
}

// wantContains fails the test unless s holds every one of subs.
func wantContains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

// wantNotContains fails the test if s holds one of subs.
func wantNotContains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s contains %q, should not:\n%s", what, sub, s)
		}
	}
}

// seedsDir is the directory of the sample articles.
func seedsDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "corpus", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// seedText returns the content of one sample article.
func seedText(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedsDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// writeFile writes data to dir/name, creating directories, and returns
// the path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var seeded struct {
	once sync.Once
	dir  string
	err  error
}

// seededDB returns a private copy of a database holding the sample
// corpus: it is built once per test binary, and every caller gets its
// own file so that tests may run in parallel.
func seededDB(t *testing.T) string {
	t.Helper()
	seeded.once.Do(func() {
		dir, err := os.MkdirTemp("", "briefbot-cli-test-")
		if err != nil {
			seeded.err = err
			return
		}
		seeded.dir = dir
		r := run(t, "ingest", "--db", filepath.Join(dir, "seeds.db"), seedsDir(t))
		if r.code != 0 || r.stdout != "ingested 5, duplicates 0, failed 0\n" {
			seeded.err = fmt.Errorf("building the seeded database:\n%s", r)
		}
	})
	if seeded.err != nil {
		t.Fatal(seeded.err)
	}
	db := filepath.Join(t.TempDir(), "corpus.db")
	copyFile(t, filepath.Join(seeded.dir, "seeds.db"), db)
	// A WAL left behind holds committed pages too.
	if _, err := os.Stat(filepath.Join(seeded.dir, "seeds.db-wal")); err == nil {
		copyFile(t, filepath.Join(seeded.dir, "seeds.db-wal"), db+"-wal")
	}
	return db
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// decodeJSON parses s, which must be exactly one JSON value, into v.
func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("output has more than one JSON value:\n%s", s)
	}
}

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run go test -tags sqlite_fts5 ./cmd/briefbot/ -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("output differs from %s at line %d:\n got: %q\nwant: %q\n(run with -update to accept the new output)\n--- full output:\n%s", path, i+1, g, w, got)
			return
		}
	}
}
