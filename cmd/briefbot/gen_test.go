package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/internal/scalebench"
)

func TestGen(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "news")
	r := run(t, "gen", "--articles", "1205", "--seed", "9", "--truth", "--out", dir)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "wrote 1205 articles")
	for _, sub := range []string{"0000", "0001"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"0000": 1000, "0001": 205}[sub]; len(entries) != want {
			t.Errorf("%s holds %d files, want %d", sub, len(entries), want)
		}
	}
	first, err := os.ReadFile(filepath.Join(dir, "0001", "gen-0001204.txt"))
	if err != nil || len(first) < 200 {
		t.Fatalf("the last article: %d bytes, %v", len(first), err)
	}
	truth, err := os.ReadFile(filepath.Join(dir, "truth.jsonl"))
	if err != nil || bytes.Count(truth, []byte("\n")) != 1205 || !bytes.Contains(truth, []byte(`"name":"gen-0000000.txt"`)) {
		t.Errorf("truth.jsonl: %d lines, %v", bytes.Count(truth, []byte("\n")), err)
	}

	// The same seed writes the same corpus.
	again := filepath.Join(t.TempDir(), "again")
	wantCode(t, run(t, "gen", "--articles", "1205", "--seed", "9", "--out", again), exitOK)
	if second, _ := os.ReadFile(filepath.Join(again, "0001", "gen-0001204.txt")); !bytes.Equal(first, second) {
		t.Error("the same seed wrote a different article")
	}

	// An earlier corpus is never mixed in.
	r = run(t, "gen", "--articles", "5", "--out", dir)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "is not empty")

	// A file is not a directory to write into.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	r = run(t, "gen", "--articles", "5", "--out", file)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "is not a directory")

	// The corpus ingests: every article stored or recognised as a repeat.
	db := filepath.Join(t.TempDir(), "gen.db")
	r = run(t, "ingest", "--db", db, dir)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "failed 0")
}

func TestGenUsage(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "x")
	for _, args := range [][]string{
		{"gen", "--out", out},
		{"gen", "--articles", "10"},
		{"gen", "--articles", "-3", "--out", out},
		{"gen", "--articles", "10", "--people", "3", "--out", out},
		{"gen", "--articles", "10", "--start", "March", "--out", out},
		{"gen", "--articles", "10", "--out", out, "extra"},
	} {
		r := run(t, args...)
		if r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, r.code, exitUsage, r)
		}
	}
}

// TestBench runs the suite on a small corpus from the command line: one
// table with every figure.
func TestBench(t *testing.T) {
	t.Parallel()
	// In this process: the test binary cannot be the child.
	r := run(t, "bench", "--articles", "300", "--runs", "1", "--samples", "10", "--dir", t.TempDir(), "--isolate=false")
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "| | 300 articles |", "ingest, articles/s", "peak memory", "database per article",
		"who-met, p50 / p99 ms", "quotes … about", "timeline (topic)", "autocomplete, p50 / p99 ms", "digest of the last 1,000 articles", "Machine:")
	if rows := strings.Count(r.stdout, "\n|"); rows < 17 {
		t.Errorf("%d table rows, want 17 or more:\n%s", rows, r.stdout)
	}
	// What a child process of --isolate does: one run, as JSON.
	db := filepath.Join(t.TempDir(), "one.db")
	r = run(t, "bench", "--one", db, "--articles", "200", "--samples", "10")
	wantCode(t, r, exitOK)
	var res scalebench.Result
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("--one printed %q: %v", r.stdout, err)
	}
	if res.Articles != 200 || res.Summary.Ingested+res.Summary.Duplicates != 200 || res.Ops[scalebench.OpWhoMet].N != 10 || res.DBBytes == 0 {
		t.Errorf("--one: %+v", res)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("--one left its database behind: %v", err)
	}
	for _, args := range [][]string{
		{"bench", "--one", db, "--articles", "100,200"},
		{"bench", "--articles", "ten"},
		{"bench", "--articles", "0"},
		{"bench", "--runs", "0"},
		{"bench", "--samples", "3"},
	} {
		if r := run(t, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, r.code, exitUsage, r)
		}
	}
}
