package storage

import (
	"context"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/names"
)

// The service's name suggestions (autocomplete) over a real corpus.
func TestSuggestSeedCorpus(t *testing.T) {
	ctx := context.Background()
	svc := briefing.NewService(seedDB(t), names.NewMatcher(testLexicon(t)))
	tests := []struct {
		typed, first, matched string
	}{
		{"blin", "Antony Blinken", "Antony Blinken"},
		{"BARN", "David Barnea", "David Barnea"},
		{"bill b", "William Burns", "Bill Burns"},
		{"kam", "Abbas Kamel", "Abbas Kamel"},
	}
	for _, tt := range tests {
		got, err := svc.Suggest(ctx, tt.typed, 25)
		if err != nil {
			t.Fatalf("Suggest(%q): %v", tt.typed, err)
		}
		if len(got) == 0 || got[0].Person.Name != tt.first || got[0].Matched != tt.matched {
			t.Errorf("Suggest(%q) = %+v, want %s (as %q) first", tt.typed, got, tt.first, tt.matched)
		}
	}
	for _, typed := range []string{"", "   ", "zzzz", `"; DROP TABLE`, "*"} {
		if got, err := svc.Suggest(ctx, typed, 25); err != nil || len(got) != 0 {
			t.Errorf("Suggest(%q) = %+v, %v; want nothing", typed, got, err)
		}
	}
	if got, _ := svc.Suggest(ctx, "m", 3); len(got) > 3 {
		t.Errorf("Suggest with limit 3 gave %d", len(got))
	}
}
