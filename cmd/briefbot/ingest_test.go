package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const goodSeed = "002_9ca1e063e595d5e0.txt" // 2275 bytes, one meeting in Cairo

func TestIngestSeedsTwice(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "c.db")
	seeds := seedsDir(t)

	r := run(t, "ingest", "--db", db, seeds)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 5, duplicates 0, failed 0\n" {
		t.Errorf("first ingest stdout = %q", r.stdout)
	}
	wantNotContains(t, "stderr", r.stderr, "failed:", "duplicate:")

	before := run(t, "export", "--db", db)
	wantCode(t, before, exitOK)

	r = run(t, "ingest", "--db", db, seeds)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 0, duplicates 5, failed 0\n" {
		t.Errorf("second ingest stdout = %q", r.stdout)
	}
	for _, f := range seedFiles {
		wantContains(t, "stderr", r.stderr, fmt.Sprintf("duplicate: %s (same content as %s)", filepath.Join(seeds, f), f))
	}

	after := run(t, "export", "--db", db)
	wantCode(t, after, exitOK)
	if before.stdout != after.stdout {
		t.Errorf("re-ingesting changed the export\n--- before:\n%s\n--- after:\n%s", before.stdout, after.stdout)
	}

	// Naming the files one by one is the same as naming their directory.
	var args []string
	for _, f := range seedFiles {
		args = append(args, filepath.Join(seeds, f))
	}
	r = run(t, append([]string{"ingest", "--db", db}, args...)...)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 0, duplicates 5, failed 0\n" {
		t.Errorf("third ingest stdout = %q", r.stdout)
	}
	again := run(t, "export", "--db", db)
	if again.stdout != before.stdout {
		t.Error("ingesting the files by name changed the export")
	}
}

func TestIngestSameFileTwiceInOneRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", seedText(t, goodSeed))
	q := writeFile(t, dir, "copy/b.txt", seedText(t, goodSeed))
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), p, q)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 1, duplicates 1, failed 0\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "duplicate: "+q+" (same content as a.txt)")
}

func TestIngestOrderIsDeterministic(t *testing.T) {
	t.Parallel()
	// The same input builds the same corpus, whatever the worker timing.
	var exports []string
	for i := 0; i < 3; i++ {
		db := filepath.Join(t.TempDir(), "c.db")
		wantCode(t, run(t, "ingest", "--db", db, seedsDir(t)), exitOK)
		r := run(t, "export", "--db", db)
		wantCode(t, r, exitOK)
		exports = append(exports, r.stdout)
	}
	for i := 1; i < len(exports); i++ {
		if exports[i] != exports[0] {
			t.Fatalf("export %d differs from export 0", i)
		}
	}
}

func TestIngestNoPaths(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "c.db")
	r := run(t, "ingest", "--db", db)
	wantCode(t, r, exitUsage)
	wantContains(t, "stderr", r.stderr, "give at least one file or directory", commandUsage("ingest"))
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

// badCase is one unusable input ingested next to a good article.
type badCase struct {
	name   string
	file   string // base name
	data   []byte
	setup  func(t *testing.T, path string) // instead of writing data
	reason string                          // what stderr must say after the path
}

func badCases() []badCase {
	return []badCase{
		{name: "binary", file: "binary.txt", data: []byte("Mossad chief David Barnea\x00\x01\x02 met Burns."), reason: "binary content (NUL byte at offset 25)"},
		{name: "control characters", file: "controls.txt", data: bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 50), reason: "binary content"},
		{name: "empty", file: "empty.txt", data: []byte{}, reason: "empty: no data"},
		{name: "whitespace only", file: "blank.txt", data: []byte("  \n\t\r\n   \n\n"), reason: "empty: only whitespace"},
		{name: "BOM only", file: "bom.txt", data: []byte("\xEF\xBB\xBF"), reason: "empty"},
		{name: "invalid UTF-8", file: "latin1.txt", data: []byte("Caf\xe9 talks in Doha went on all night."), reason: "invalid UTF-8 at byte 3"},
		{name: "odd-length UTF-16", file: "utf16.txt", data: []byte("\xFF\xFEa\x00b"), reason: "invalid UTF-16: UTF-16 text"},
		{name: "markup only", file: "page.html", data: []byte("<!doctype html><html><head><title></title></head><body><script>var x = 1;</script></body></html>"), reason: "empty"},
		{name: "dangling symlink", file: "gone.txt", setup: func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(path), "no-such-target.txt"), path); err != nil {
				t.Fatal(err)
			}
		}, reason: "cannot read: "},
		{name: "symlink loop", file: "loop.txt", setup: func(t *testing.T, path string) {
			if err := os.Symlink(path, path); err != nil {
				t.Fatal(err)
			}
		}, reason: "cannot read: "},
	}
}

func TestIngestBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range badCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			good := writeFile(t, in, "good.txt", seedText(t, goodSeed))
			bad := filepath.Join(in, tc.file)
			if tc.setup != nil {
				tc.setup(t, bad)
				// The path must really be unreadable, even for root.
				if _, err := os.ReadFile(bad); err == nil {
					t.Fatalf("%s is readable; the test needs an unreadable path", bad)
				}
			} else {
				writeFile(t, in, tc.file, tc.data)
			}
			db := filepath.Join(dir, "c.db")

			// As part of a directory.
			r := run(t, "ingest", "--db", db, in)
			wantCode(t, r, exitError)
			if r.stdout != "ingested 1, duplicates 0, failed 1\n" {
				t.Errorf("stdout = %q, want the counts of one good and one bad file", r.stdout)
			}
			wantContains(t, "stderr", r.stderr, "failed: "+bad+": "+tc.reason)
			wantNotContains(t, "stderr", r.stderr, "failed: "+good)
			ask := run(t, "ask", "--db", db, "sources")
			wantCode(t, ask, exitOK)
			wantContains(t, "sources", ask.stdout, "1 article", "good.txt")

			// Named explicitly: the same reason.
			r = run(t, "ingest", "--db", filepath.Join(dir, "d.db"), bad, good)
			wantCode(t, r, exitError)
			if r.stdout != "ingested 1, duplicates 0, failed 1\n" {
				t.Errorf("stdout = %q", r.stdout)
			}
			wantContains(t, "stderr", r.stderr, "failed: "+bad+": "+tc.reason)
		})
	}
}

func TestIngestAllBadTogether(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "good.txt", seedText(t, goodSeed))
	cases := badCases()
	for _, tc := range cases {
		p := filepath.Join(in, "sub", tc.file)
		if tc.setup != nil {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, p)
		} else {
			writeFile(t, in, filepath.Join("sub", tc.file), tc.data)
		}
	}
	// Other types are skipped and counted; hidden files and directories
	// are left out without a word, even good articles.
	writeFile(t, in, "photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	writeFile(t, in, "sub/report.pdf", []byte("%PDF-1.4\n"))
	writeFile(t, in, "notes.csv", []byte("a,b\n1,2\n"))
	writeFile(t, in, ".hidden.txt", seedText(t, seedFiles[3]))
	writeFile(t, in, ".hidden.csv", []byte("a,b\n"))
	writeFile(t, in, ".git/HEAD.txt", seedText(t, seedFiles[4]))
	writeFile(t, in, ".cache/bin.txt", []byte("\x00\x00\x00"))

	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), in)
	wantCode(t, r, exitError)
	want := fmt.Sprintf("ingested 1, duplicates 0, failed %d (skipped 3 files of other types)\n", len(cases))
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
	for _, tc := range cases {
		wantContains(t, "stderr", r.stderr, "failed: "+filepath.Join(in, "sub", tc.file)+": "+tc.reason)
	}
	wantNotContains(t, "stderr", r.stderr, ".hidden", ".git", ".cache", "photo.png", "notes.csv", "report.pdf")
	if got := strings.Count(r.stderr, "failed: "); got != len(cases) {
		t.Errorf("%d failure lines, want %d:\n%s", got, len(cases), r.stderr)
	}
}

func TestIngestHiddenRootIsRead(t *testing.T) {
	t.Parallel()
	// Only entries below a named directory are hidden; the directory
	// itself, and a hidden file named explicitly, are read.
	dir := t.TempDir()
	hidden := filepath.Join(dir, ".articles")
	writeFile(t, hidden, "a.txt", seedText(t, seedFiles[0]))
	file := writeFile(t, dir, ".b.txt", seedText(t, seedFiles[1]))
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), hidden, file)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 2, duplicates 0, failed 0\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
}

func TestIngestUnsupportedExtensionNamed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", seedText(t, goodSeed))
	pdf := writeFile(t, dir, "x.pdf", []byte("%PDF-1.7\n1 0 obj\n"))
	png := writeFile(t, dir, "Photo.PNG", []byte("not really a picture, but named like one"))
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), good, pdf, png)
	wantCode(t, r, exitError)
	if r.stdout != "ingested 1, duplicates 0, failed 2\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	wantContains(t, "stderr", r.stderr,
		"failed: "+pdf+": unsupported format: \".pdf\" files are not read",
		"failed: "+png+": unsupported format: \".png\" files are not read")
}

func TestIngestUnknownExtensionNamedIsText(t *testing.T) {
	t.Parallel()
	// A file named explicitly with an extension that is neither accepted
	// nor known to be binary is read as text.
	dir := t.TempDir()
	p := writeFile(t, dir, "article.news", seedText(t, goodSeed))
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), p)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 1, duplicates 0, failed 0\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
}

func TestIngestMissingPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", seedText(t, goodSeed))
	missing := filepath.Join(dir, "no-such-dir")
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), missing, good)
	wantCode(t, r, exitError)
	if r.stdout != "ingested 1, duplicates 0, failed 1\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "failed: "+missing+": cannot read: ", "no such file or directory")
}

func TestIngestDefaultSizeLimit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good := writeFile(t, in, "good.txt", seedText(t, goodSeed))
	line := []byte("The talks in Doha continued late into the night, officials said.\n")
	big := bytes.Repeat(line, (5<<20)/len(line)+1)[:5<<20+1]
	bigPath := writeFile(t, in, "big.txt", big)
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), in)
	wantCode(t, r, exitError)
	if r.stdout != "ingested 1, duplicates 0, failed 1\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "failed: "+bigPath+": too large", "5242880")
	wantNotContains(t, "stderr", r.stderr, good)
}

// padTo pads an article with plain sentences to exactly n bytes.
func padTo(t *testing.T, article []byte, n int) []byte {
	t.Helper()
	out := append(bytes.TrimRight(article, "\n"), "\n\n"...)
	filler := "Officials declined to comment further on the negotiations. "
	for len(out) < n {
		out = append(out, filler...)
	}
	out = out[:n]
	out[n-1] = '.'
	if len(out) != n {
		t.Fatalf("padded to %d bytes, want %d", len(out), n)
	}
	return out
}

func TestIngestConfiguredSizeLimit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a-good.txt", seedText(t, goodSeed)) // 2275 bytes
	exact := writeFile(t, in, "b-exact.txt", padTo(t, seedText(t, seedFiles[0]), 3000))
	over := writeFile(t, in, "c-over.txt", padTo(t, seedText(t, seedFiles[4]), 3001))
	cfg := writeFile(t, dir, "briefbot.yaml", []byte("database:\n  path: "+filepath.Join(dir, "c.db")+"\ningest:\n  max_file_bytes: 3000\n"))

	r := run(t, "ingest", "--config", cfg, in)
	wantCode(t, r, exitError)
	if r.stdout != "ingested 2, duplicates 0, failed 1\n" {
		t.Errorf("stdout = %q, want the file at the limit ingested and the one over it failed", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "failed: "+over+": too large", "3000")
	wantNotContains(t, "stderr", r.stderr, exact)
	if _, err := os.Stat(filepath.Join(dir, "c.db")); err != nil {
		t.Errorf("the database of the config was not used: %v", err)
	}
}

// crlfBOM returns text with CRLF line ends and a UTF-8 byte-order mark.
func crlfBOM(text []byte) []byte {
	return append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))...)
}

// utf16LE returns text as UTF-16 little-endian with a byte-order mark.
func utf16LE(text []byte) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(string(text))) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// utf16BE returns text as UTF-16 big-endian with a byte-order mark.
func utf16BE(text []byte) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(string(text))) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func TestIngestEncodings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a-crlf.txt", crlfBOM(seedText(t, goodSeed)))
	writeFile(t, in, "b-utf16le.txt", utf16LE(seedText(t, seedFiles[3])))
	writeFile(t, in, "c-utf16be.md", utf16BE(seedText(t, seedFiles[0])))
	db := filepath.Join(dir, "c.db")

	r := run(t, "ingest", "--db", db, in)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 3, duplicates 0, failed 0\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	wantNotContains(t, "stderr", r.stderr, "failed:")

	// Decoded, they are the same articles as the UTF-8 originals.
	var orig []string
	for _, f := range []string{goodSeed, seedFiles[3]} {
		orig = append(orig, filepath.Join(seedsDir(t), f))
	}
	r = run(t, append([]string{"ingest", "--db", db}, orig...)...)
	wantCode(t, r, exitOK)
	if r.stdout != "ingested 0, duplicates 2, failed 0\n" {
		t.Errorf("stdout = %q, want the UTF-8 originals found to be duplicates", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "(same content as a-crlf.txt)", "(same content as b-utf16le.txt)")

	// And they answer like the originals.
	a := run(t, "ask", "--db", db, "quotes", "blinken", "about", "rafah")
	wantCode(t, a, exitOK)
	wantContains(t, "answer", a.stdout, "Antony Blinken", "b-utf16le.txt", "a major military operation in Rafah")
	a = run(t, "ask", "--db", db, "who-met", "barnea")
	wantCode(t, a, exitOK)
	wantContains(t, "answer", a.stdout, "Cairo", "a-crlf.txt")
	wantNotContains(t, "answer", a.stdout, "\r", "\uFEFF")
}

// ingestJSON is the shape of ingest --json.
type ingestJSON struct {
	Ingested   *int `json:"ingested"`
	Duplicates *int `json:"duplicates"`
	Failed     *int `json:"failed"`
	Skipped    *int `json:"skipped_other_files"`
	Files      []struct {
		Path        string `json:"path"`
		Status      string `json:"status"`
		Title       string `json:"title"`
		Error       string `json:"error"`
		DuplicateOf string `json:"duplicate_of"`
		People      int    `json:"people"`
		Quotes      int    `json:"quotes"`
		Meetings    int    `json:"meetings"`
	} `json:"files"`
}

func TestIngestJSON(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good := writeFile(t, in, "good.txt", seedText(t, seedFiles[3]))
	bin := writeFile(t, in, "bin.txt", []byte("a\x00b"))
	writeFile(t, in, "skip.png", []byte("x"))
	missing := filepath.Join(dir, "missing.txt")
	db := filepath.Join(dir, "c.db")

	r := run(t, "ingest", "--db", db, "--json", in, missing)
	wantCode(t, r, exitError)
	var rep ingestJSON
	decodeJSON(t, r.stdout, &rep)
	if rep.Ingested == nil || rep.Duplicates == nil || rep.Failed == nil || rep.Skipped == nil || rep.Files == nil {
		t.Fatalf("report lacks a count or the file list:\n%s", r.stdout)
	}
	if *rep.Ingested != 1 || *rep.Duplicates != 0 || *rep.Failed != 2 || *rep.Skipped != 1 {
		t.Errorf("counts = %d/%d/%d/%d, want 1/0/2/1", *rep.Ingested, *rep.Duplicates, *rep.Failed, *rep.Skipped)
	}
	if len(rep.Files) != 3 {
		t.Fatalf("%d files in the report, want 3:\n%s", len(rep.Files), r.stdout)
	}
	byPath := map[string]int{}
	for i, f := range rep.Files {
		byPath[f.Path] = i
	}
	for _, p := range []string{good, bin, missing} {
		if _, ok := byPath[p]; !ok {
			t.Errorf("no entry for %s", p)
		}
	}
	g := rep.Files[byPath[good]]
	if g.Status != "ingested" || g.Title == "" || g.People == 0 || g.Quotes == 0 || g.Meetings == 0 || g.Error != "" {
		t.Errorf("good file entry = %+v", g)
	}
	b := rep.Files[byPath[bin]]
	if b.Status != "failed" || !strings.Contains(b.Error, "binary content") {
		t.Errorf("binary file entry = %+v", b)
	}
	m := rep.Files[byPath[missing]]
	if m.Status != "failed" || !strings.Contains(m.Error, "cannot read") {
		t.Errorf("missing file entry = %+v", m)
	}

	// Again: the good article is a duplicate of itself.
	r = run(t, "ingest", "--db", db, "--json", good)
	wantCode(t, r, exitOK)
	rep = ingestJSON{}
	decodeJSON(t, r.stdout, &rep)
	if *rep.Ingested != 0 || *rep.Duplicates != 1 || *rep.Failed != 0 || *rep.Skipped != 0 {
		t.Errorf("second run counts = %d/%d/%d/%d, want 0/1/0/0", *rep.Ingested, *rep.Duplicates, *rep.Failed, *rep.Skipped)
	}
	if len(rep.Files) != 1 || rep.Files[0].Status != "duplicate" || rep.Files[0].DuplicateOf != "good.txt" {
		t.Errorf("second run files = %+v", rep.Files)
	}
	wantNotContains(t, "stderr", r.stderr, "duplicate:")

	// An empty run still has a list, not null.
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	r = run(t, "ingest", "--db", db, "--json", empty)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, `"files": []`)
}

func TestIngestList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeFile(t, dir, "in/a.txt", seedText(t, goodSeed))
	r := run(t, "ingest", "--db", filepath.Join(dir, "c.db"), "--list", filepath.Join(dir, "in"))
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "ingested: "+p+" — ", " people, ", " meetings\n", "ingested 1, duplicates 0, failed 0\n")
}

func TestIngestProgressOnTerminal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	base := seedText(t, goodSeed)
	for i := 0; i < 20; i++ {
		writeFile(t, in, fmt.Sprintf("a%02d.txt", i), append(append([]byte{}, base...), fmt.Sprintf("\nThis is report number %d.\n", i)...))
	}
	writeFile(t, in, "zz-bad.txt", nil)
	r := runner{terminal: true}.run(t, "ingest", "--db", filepath.Join(dir, "c.db"), in)
	wantCode(t, r, exitError)
	if r.stdout != "ingested 20, duplicates 0, failed 1\n" {
		t.Errorf("stdout = %q; the progress bar must stay on stderr", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "\r[", "] 21/21", "\r\033[K", "failed: "+filepath.Join(in, "zz-bad.txt")+": empty")

	// Not on a terminal: no bar.
	r = run(t, "ingest", "--db", filepath.Join(dir, "d.db"), in)
	wantNotContains(t, "stderr", r.stderr, "\r", "\033")
}
