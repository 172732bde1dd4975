package storage

import (
	"context"
	"strings"
	"testing"

	"briefbot/briefing"
)

// TestSearchHostileInput: whatever a user types, search answers with hits
// or a user error, never an SQL or FTS syntax error, and runs nothing.
func TestSearchHostileInput(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	tests := []struct {
		name    string
		input   string
		invalid bool // must be a *briefing.Error with ErrInvalid
	}{
		{"double quote", `"`, false},
		{"star", `*`, false},
		{"operators", `AND OR NOT`, false},
		{"near", `NEAR(a b)`, false},
		{"column filter", `title:foo`, false},
		{"column filter on a real column", `text:hostages`, false},
		{"quote inside a word", `a"b`, false},
		{"open paren", `(`, false},
		{"sql injection", `'; DROP TABLE documents; --`, false},
		{"mention", `@everyone`, false},
		{"emoji", "🙂🔥 hostages 🙂", false},
		{"emoji only", "🙂🔥", false},
		{"prefix star", `host*`, false},
		{"caret", `^hostages`, false},
		{"plus and minus", `+hostages -gaza`, false},
		{"braces", `{text}: hostages`, false},
		{"nul byte", "hostages\x00gaza", false},
		{"invalid utf-8", "host\xffages", false},
		{"lone operator word", `NOT`, false},
		{"long", strings.Repeat("hostages ", 1200)[:10000], false},
		{"long word", strings.Repeat("x", 10000), false},
		{"empty", ``, true},
		{"blank", " \t\n ", true},
		{"punctuation", `!?.,;:()[]{}"'*-+^`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tc.input, 20)
			if tc.invalid {
				ue, ok := briefing.UserError(err)
				if !ok || ue.Code != briefing.ErrInvalid {
					t.Fatalf("Search(%.40q) = %v, %v; want a briefing.Error with code %q", tc.input, hits, err, briefing.ErrInvalid)
				}
				return
			}
			if err != nil {
				if ue, ok := briefing.UserError(err); !ok || ue.Code != briefing.ErrInvalid {
					t.Fatalf("Search(%.40q) failed: %v", tc.input, err)
				}
			}
			// Quotes and Timeline take the same words.
			if _, err := db.Quotes(ctx, personID(t, db, "Antony Blinken"), tc.input, 10); err != nil {
				if ue, ok := briefing.UserError(err); !ok || ue.Code != briefing.ErrInvalid {
					t.Errorf("Quotes(about %.40q) failed: %v", tc.input, err)
				}
			}
			if _, err := db.Timeline(ctx, 0, tc.input, 10); err != nil {
				if ue, ok := briefing.UserError(err); !ok || ue.Code != briefing.ErrInvalid {
					t.Errorf("Timeline(%.40q) failed: %v", tc.input, err)
				}
			}
		})
	}
	if n := countRows(t, db, "documents"); n != 5 {
		t.Errorf("documents table has %d rows after hostile searches, want 5", n)
	}
	hits, err := db.Search(ctx, "hostages", 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("search after hostile input: %d hits, %v", len(hits), err)
	}
}

// TestSearchOperatorsAreWords: words that are FTS operators are searched
// for as words, not run.
func TestSearchOperatorsAreWords(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{
		place("Gaza", "Palestine"), place("Doha", "Qatar"),
	}})
	// Sentences: "This sentence names Gaza." and "This sentence names Doha."
	tests := []struct {
		input string
		want  int
	}{
		{"gaza", 1},
		{"gaza OR doha", 0},   // "or" is not in either sentence
		{"names NOT gaza", 0}, // "not" is not in either sentence
		{"nam*", 0},           // no prefix search
		{"names", 2},
		{"NEAR(names gaza)", 0}, // "near" is not in the sentence
		{"text:gaza", 0},        // "text" is not in the sentence
	}
	for _, tc := range tests {
		hits, err := db.Search(ctx, tc.input, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.input, err)
			continue
		}
		if len(hits) != tc.want {
			t.Errorf("Search(%q) = %d hits, want %d", tc.input, len(hits), tc.want)
		}
	}
}
