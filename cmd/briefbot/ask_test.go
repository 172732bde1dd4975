package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAskWhoMetBarnea(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "who-met", "barnea")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout,
		"David Barnea", "Doha", "William Burns", "Al-Thani", "Abbas Kamel",
		"Friday 22 March 2024", "Planned", "Cairo", "Held")
	if r.stderr != "" {
		t.Errorf("stderr should be empty:\n%s", r.stderr)
	}
	// The planned Doha meeting and the Cairo one that was held.
	doha, cairo := strings.Index(r.stdout, "Doha"), strings.Index(r.stdout, "Cairo")
	planned, held := strings.Index(r.stdout, "Planned"), strings.Index(r.stdout, "Held")
	if !(planned < doha && doha < held && held < cairo) {
		t.Errorf("want the planned Doha meeting, then the held Cairo meeting:\n%s", r.stdout)
	}
	golden(t, "ask_who-met_barnea.txt", r.stdout)

	// The query as one argument, and as a plain question.
	for _, q := range [][]string{{"who-met barnea"}, {"who", "met", "Barnea?"}, {"WHO-MET", "BARNEA"}} {
		r2 := run(t, append([]string{"ask", "--db", db}, q...)...)
		wantCode(t, r2, exitOK)
		if r2.stdout != r.stdout {
			t.Errorf("ask %q answers differently from ask who-met barnea:\n%s", q, r2.stdout)
		}
	}
}

func TestAskWhoMetWith(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "who-met", "barnea", "with", "kamel")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout, "David Barnea", "Doha", "Abbas Kamel")
	wantNotContains(t, "answer", r.stdout, "Cairo")
}

func TestAskQuotesBlinken(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "quotes", "blinken")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout, "Antony Blinken",
		"The gaps are narrowing",
		"Children should not be dying of malnutrition",
		"a major military operation in Rafah would be a mistake",
		"003_17d541fd9fb80723.txt")
	// Dermer's words are not Blinken's.
	wantNotContains(t, "answer", r.stdout, "finish this job", "day-after Hamas")

	about := run(t, "ask", "--db", db, "quotes blinken about rafah")
	wantCode(t, about, exitOK)
	wantContains(t, "answer", about.stdout, "Rafah", "a major military operation in Rafah")
	wantNotContains(t, "answer", about.stdout, "The gaps are narrowing", "malnutrition")
	golden(t, "ask_quotes_blinken_about_rafah.txt", about.stdout)
}

func TestAskWhoIsKamal(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	var answers []string
	for _, name := range []string{"kamal", "kamel", "Abbas Kamel", "abbas kamal"} {
		r := run(t, "ask", "--db", db, "who-is", name)
		wantCode(t, r, exitOK)
		wantContains(t, "who-is "+name, r.stdout,
			"Abbas Kamel", "Abbas Kamal",
			"Egypt's intelligence head", "Egyptian Intelligence Minister")
		answers = append(answers, r.stdout)
	}
	for i := range answers {
		if answers[i] != answers[0] {
			t.Errorf("the spellings give different profiles:\n%s\n---\n%s", answers[0], answers[i])
		}
	}
	r := run(t, "ask", "--db", db, "--json", "who-is", "kamal")
	wantCode(t, r, exitOK)
	golden(t, "ask_who-is_kamal.json", r.stdout)
}

func TestAskAmbiguous(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "who-met", "mohammed")
	wantCode(t, r, exitError)
	if r.stdout != "" {
		t.Errorf("stdout should be empty:\n%s", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "fits 2 people",
		"Mohammed bin Abdulrahman Al-Thani", "Qatari Prime Minister",
		"Mohammed Bin Salman", "Crown Prince")

	// With --json the error is the answer, on stdout.
	r = run(t, "ask", "--db", db, "--json", "who-met", "mohammed")
	wantCode(t, r, exitError)
	var got struct {
		Error *struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			Candidates []struct {
				Name string `json:"name"`
				Role string `json:"role"`
			} `json:"candidates"`
		} `json:"error"`
	}
	decodeJSON(t, r.stdout, &got)
	if got.Error == nil {
		t.Fatalf("no \"error\" object:\n%s", r.stdout)
	}
	if got.Error.Code != "ambiguous" || !strings.Contains(got.Error.Message, "mohammed") {
		t.Errorf("error = %+v", *got.Error)
	}
	var names []string
	for _, c := range got.Error.Candidates {
		names = append(names, c.Name)
	}
	joined := strings.Join(names, "|")
	if len(names) != 2 || !strings.Contains(joined, "Mohammed bin Abdulrahman Al-Thani") || !strings.Contains(joined, "Mohammed Bin Salman") {
		t.Errorf("candidates = %q", names)
	}
	if strings.Contains(r.stderr, "fits") {
		t.Errorf("with --json the error should not be repeated on stderr:\n%s", r.stderr)
	}

	// The full name settles it.
	r = run(t, "ask", "--db", db, "who-met", "mohammed", "al-thani")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout, "Mohammed bin Abdulrahman Al-Thani", "Doha")
}

func TestAskUnknownPerson(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "who-met", "zelensky")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "No one called “zelensky”")
	wantNotContains(t, "stderr", r.stderr, "Did you mean")
	if r.stdout != "" {
		t.Errorf("stdout should be empty:\n%s", r.stdout)
	}

	// A near miss gets a suggestion.
	for name, want := range map[string]string{"barnet": "David Barnea", "burnz": "William Burns"} {
		r := run(t, "ask", "--db", db, "who-is", name)
		wantCode(t, r, exitError)
		wantContains(t, "stderr", r.stderr, "No one called “"+name+"”", "Did you mean: "+want)
	}
	r = run(t, "ask", "--db", db, "--json", "quotes", "barnet")
	wantCode(t, r, exitError)
	var got struct {
		Error struct {
			Code        string   `json:"code"`
			Suggestions []string `json:"suggestions"`
		} `json:"error"`
	}
	decodeJSON(t, r.stdout, &got)
	if got.Error.Code != "not_found" || len(got.Error.Suggestions) == 0 || got.Error.Suggestions[0] != "David Barnea" {
		t.Errorf("error = %+v", got.Error)
	}

	// A transliteration close enough is the person.
	r = run(t, "ask", "--db", db, "who-met", "barnia")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout, "David Barnea", "Doha")
}

func TestAskSearch(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "search", "hostages")
	wantCode(t, r, exitOK)
	wantContains(t, "answer", r.stdout, "sentences match “hostages”", "**hostages**")

	// FTS syntax in the words is searched for as text, never run.
	for _, q := range [][]string{
		{`"rafah" OR *`},
		{"search", `"rafah"`, "OR", "*"},
		{"NEAR("},
		{"NEAR(rafah hamas, 2)"},
		{"rafah*"},
		{"body:rafah"},
		{"{body}: rafah"},
		{"^rafah"},
		{`rafah"`},
		{"AND OR NOT"},
		{"rafah AND"},
		{"-rafah"},
		{"'); DROP TABLE documents; --"},
	} {
		args := append([]string{"ask", "--db", db, "--", "search"}, q...)
		if q[0] == "search" {
			args = append([]string{"ask", "--db", db, "--"}, q...)
		}
		r := run(t, args...)
		if r.code != exitOK {
			t.Errorf("search %q: exit %d\n%s", q, r.code, r)
			continue
		}
		wantContains(t, "search "+strings.Join(q, " "), r.stdout, "match")
		wantNotContains(t, "search "+strings.Join(q, " "), r.stderr, "briefbot:", "fts5", "syntax error")
	}
	// Nothing but punctuation is nothing to search for.
	for _, q := range []string{"*", "(", "%"} {
		r := run(t, "ask", "--db", db, "search", q)
		wantCode(t, r, exitError)
		wantContains(t, "stderr", r.stderr, "Nothing to search for")
		wantNotContains(t, "stderr", r.stderr, "briefbot:")
	}
	// The database survived.
	r = run(t, "ask", "--db", db, "sources")
	wantCode(t, r, exitOK)
	wantContains(t, "sources", r.stdout, "5 articles")
}

func TestAskJSON(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	for _, q := range []string{"who-met barnea", "quotes blinken", "who-is kamel", "search rafah", "timeline", "timeline barnea", "sources", "help"} {
		r := run(t, "ask", "--db", db, "--json", q)
		wantCode(t, r, exitOK)
		var got map[string]any
		decodeJSON(t, r.stdout, &got)
		want := strings.Fields(q)[0]
		if got["command"] != want {
			t.Errorf("ask --json %q: command = %v, want %q", q, got["command"], want)
		}
	}
	r := run(t, "ask", "--db", db, "--json", "who-met", "barnea")
	golden(t, "ask_who-met_barnea.json", r.stdout)
	var wm struct {
		Person struct {
			Name string `json:"name"`
		} `json:"person"`
		Meetings []json.RawMessage `json:"meetings"`
	}
	decodeJSON(t, r.stdout, &wm)
	if wm.Person.Name != "David Barnea" || len(wm.Meetings) != 2 {
		t.Errorf("who-met barnea: person %q, %d meetings; want David Barnea, 2", wm.Person.Name, len(wm.Meetings))
	}
}

func TestAskSourcesUseClock(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "--json", "sources")
	wantCode(t, r, exitOK)
	var got struct {
		Total   int `json:"total"`
		Sources []struct {
			Source     string  `json:"source"`
			Published  *string `json:"published"`
			IngestedAt string  `json:"ingested_at"`
		} `json:"sources"`
	}
	decodeJSON(t, r.stdout, &got)
	if got.Total != 5 || len(got.Sources) != 5 {
		t.Fatalf("total %d, %d sources; want 5", got.Total, len(got.Sources))
	}
	for _, s := range got.Sources {
		if s.IngestedAt != "2024-03-25T09:30:00Z" {
			t.Errorf("%s ingested_at %q, want the injected clock's time", s.Source, s.IngestedAt)
		}
	}
}

func TestAskFlagsAfterPositionals(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	first := run(t, "ask", "--db", db, "--json", "who-met", "barnea")
	wantCode(t, first, exitOK)
	for _, args := range [][]string{
		{"ask", "who-met", "barnea", "--db", db, "--json"},
		{"ask", "who-met", "--json", "barnea", "--db", db},
		{"ask", "--json", "who-met", "barnea", "--db=" + db},
		{"ask", "who-met barnea", "-json", "-db", db},
	} {
		r := run(t, args...)
		wantCode(t, r, exitOK)
		if r.stdout != first.stdout {
			t.Errorf("%q answers differently from flags first:\n%s", args, r.stdout)
		}
	}
	text := run(t, "ask", "who-met", "barnea", "--db", db)
	wantCode(t, text, exitOK)
	if strings.HasPrefix(text.stdout, "{") {
		t.Errorf("without --json the answer is text:\n%s", text.stdout)
	}
}

func TestAskEmptyCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	// No command at all is a usage error, like ingest without paths.
	r := run(t, "ask", "--db", db)
	wantCode(t, r, exitUsage)
	wantContains(t, "stderr", r.stderr, commandUsage("ask"))
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

func TestAskBlankCommand(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "c.db")
	for _, q := range []string{"", "   ", "/"} {
		r := run(t, "ask", "--db", db, q)
		if r.code == exitOK {
			t.Errorf("ask %q succeeded:\n%s", q, r)
		}
		wantContains(t, "stderr", r.stderr, "Empty command")
	}
}

func TestAskUnknownCommandWord(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "frobnicate", "barnea")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "I don't know the command “frobnicate”", "help")
	if r.stdout != "" {
		t.Errorf("stdout should be empty:\n%s", r.stdout)
	}
	r = run(t, "ask", "--db", db, "--json", "frobnicate")
	wantCode(t, r, exitError)
	var got struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	decodeJSON(t, r.stdout, &got)
	if got.Error.Code != "bad_command" {
		t.Errorf("error code %q, want bad_command", got.Error.Code)
	}
}

func TestAskMissingArgument(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	for q, want := range map[string]string{
		"who-met": "who-met needs a person",
		"quotes":  "quotes needs a person",
		"who-is":  "who-is needs a person",
		"search":  "search needs some words",
	} {
		r := run(t, "ask", "--db", db, q)
		wantCode(t, r, exitError)
		wantContains(t, "stderr", r.stderr, want)
	}
	r := run(t, "ask", "--db", db, "who-is", strings.Repeat("x", 201))
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "too long")
}

func TestAskOtherCommands(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	r := run(t, "ask", "--db", db, "timeline", "barnea")
	wantCode(t, r, exitOK)
	wantContains(t, "timeline", r.stdout, "David Barnea", "2024-03-22", "Doha")
	r = run(t, "ask", "--db", db, "sources")
	wantCode(t, r, exitOK)
	for _, f := range seedFiles {
		wantContains(t, "sources", r.stdout, f)
	}
	r = run(t, "ask", "--db", db, "help")
	wantCode(t, r, exitOK)
	wantContains(t, "help", r.stdout, "who-met", "quotes", "who-is", "search", "timeline", "sources")
}

func TestAskEmptyCorpus(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "c.db")
	r := run(t, "ask", "--db", db, "who-met", "barnea")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "No one called “barnea”")
	r = run(t, "ask", "--db", db, "sources")
	wantCode(t, r, exitOK)
}

func TestAskNotADatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := seedText(t, goodSeed)
	p := writeFile(t, dir, "article.txt", text)
	r := run(t, "ask", "--db", p, "sources")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "briefbot: ", p)
	got, err := os.ReadFile(p)
	if err != nil || string(got) != string(text) {
		t.Errorf("opening a text file as the database changed it")
	}

	// A database in a directory that does not exist.
	missing := filepath.Join(dir, "no-such-dir", "c.db")
	r = run(t, "ask", "--db", missing, "sources")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "does not exist")
}

// listKeys are the JSON keys of answers whose values are lists.
var listKeys = map[string]bool{
	"aliases": true, "roles": true, "organizations": true, "documents": true,
	"participants": true, "sources": true, "hits": true, "events": true,
	"counterparts": true, "candidates": true, "commands": true, "groups": true,
}

// nullLists returns the paths of list keys whose value is null.
func nullLists(path string, v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if x == nil && listKeys[k] {
				out = append(out, path+"."+k)
			}
			out = append(out, nullLists(path+"."+k, x)...)
		}
	case []any:
		for i, x := range v {
			out = append(out, nullLists(fmt.Sprintf("%s[%d]", path, i), x)...)
		}
	}
	return out
}

func TestAskJSONListsAreNeverNull(t *testing.T) {
	t.Parallel()
	// An empty list is [], as in export and the ingest report, so that
	// JSON readers need not tell null from an empty list.
	db := seededDB(t)
	for _, q := range []string{"who-met barnea", "who-is kamel", "quotes blinken", "timeline barnea", "sources"} {
		r := run(t, "ask", "--db", db, "--json", q)
		wantCode(t, r, exitOK)
		var v any
		decodeJSON(t, r.stdout, &v)
		if nulls := nullLists("", v); len(nulls) > 0 {
			slices.Sort(nulls)
			t.Errorf("ask --json %s: lists that are null instead of []: %s", q, strings.Join(nulls, ", "))
		}
	}
}
