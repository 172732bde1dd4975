package storage

import (
	"strings"
	"testing"
)

// TestSnippet checks the part of a sentence a search shows and its marks.
func TestSnippet(t *testing.T) {
	long := func(words ...string) string { return strings.Join(words, " ") }
	filler := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "w"
		}
		return out
	}
	tests := []struct {
		name, text string
		terms      []string
		want       string
	}{
		{"short: all of it", "Barnea met al-Thani in Doha.", []string{"doha", "barnea"},
			"\x02Barnea\x03 met al-Thani in \x02Doha\x03."},
		{"every occurrence, any case and accents", "GAZA, Gaza and gazá.", []string{"gaza"},
			"\x02GAZA\x03, \x02Gaza\x03 and \x02gazá\x03."},
		{"a word inside another is not it", "Hostages and hostage-taking.", []string{"hostage"},
			"Hostages and \x02hostage\x03-taking."},
		{"long: the words in the middle",
			long(append(append(filler(40), "talks", "in", "Cairo"), filler(40)...)...) + ".", []string{"cairo", "talks"},
			"…" + strings.Repeat("w ", 14) + "\x02talks\x03 in \x02Cairo\x03 " + strings.TrimSpace(strings.Repeat("w ", 15)) + "…"},
		{"long: the words within the first tokens, from the start",
			long(append(append(filler(20), "talks"), filler(40)...)...), []string{"talks"},
			strings.Repeat("w ", 20) + "\x02talks\x03 " + strings.TrimSpace(strings.Repeat("w ", 11)) + "…"},
		{"long: the words at the start", long(append([]string{"Cairo", "talks"}, filler(40)...)...), []string{"cairo"},
			"\x02Cairo\x03 talks " + strings.TrimSpace(strings.Repeat("w ", 30)) + "…"},
		{"long: the words at the end", long(append(filler(40), "Cairo")...) + "!", []string{"cairo"},
			"…" + strings.Repeat("w ", 31) + "\x02Cairo\x03!"},
		{"long: the window with both words wins", long(append(append(append([]string{"Cairo"}, filler(40)...), "Cairo", "talks"), filler(5)...)...), []string{"cairo", "talks"},
			"…" + strings.Repeat("w ", 25) + "\x02Cairo\x03 \x02talks\x03 " + strings.TrimSpace(strings.Repeat("w ", 5))},
		{"no word found: the start", long(filler(40)...), []string{"x"},
			strings.TrimSpace(strings.Repeat("w ", 32)) + "…"},
		{"empty", "", []string{"x"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snippet(tt.text, tt.terms); got != tt.want {
				t.Errorf("snippet(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzSnippet: any text gives a snippet that is a part of it with marks
// and ellipses added, the marks paired.
func FuzzSnippet(f *testing.F) {
	f.Add("Barnea met al-Thani in Doha.", "doha")
	f.Add(strings.Repeat("gaza ", 100), "gaza")
	f.Add("\xff\xfe bad utf-8 gaza", "gaza")
	f.Fuzz(func(t *testing.T, text, term string) {
		s := snippet(text, []string{term})
		if strings.Count(s, "\x02") != strings.Count(s, "\x03") {
			t.Fatalf("unpaired marks in %q", s)
		}
		unmark := strings.NewReplacer("\x02", "", "\x03", "")
		plain := strings.TrimSuffix(strings.TrimPrefix(unmark.Replace(s), "…"), "…")
		if !strings.Contains(unmark.Replace(text), plain) {
			t.Fatalf("snippet %q is not a part of %q", s, text)
		}
	})
}

// TestSnippetAsFTS5 compares snippets with FTS5's snippet() for every
// sentence of the sample corpus that holds each of some words.
func TestSnippetAsFTS5(t *testing.T) {
	db := seedDB(t)
	compared := 0
	for _, words := range []string{"hostages", "ceasefire", "Doha", "Hamas", "said", "the", "Blinken", "talks", "Israel",
		"ceasefire hostages", "the of", "Hamas Israel said", "talks Doha"} {
		match, err := ftsQuery(words)
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for _, w := range strings.Fields(words) {
			terms = append(terms, strings.ToLower(w))
		}
		rows, err := db.sql.Query(`SELECT s.text, snippet(sentences_fts, 0, char(2), char(3), '…', 32)
			FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ?`, match)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var text, want string
			if err := rows.Scan(&text, &want); err != nil {
				t.Fatal(err)
			}
			if got := snippet(text, terms); got != want {
				t.Errorf("snippet of %q for %q:\n got %q\nwant %q (FTS5)", text, words, got, want)
			}
			compared++
		}
		rows.Close()
	}
	if compared < 50 {
		t.Fatalf("compared %d snippets only", compared)
	}
}
