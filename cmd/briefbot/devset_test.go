package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// devsetFloors are the scores extraction keeps on the development set
// (testdata/devset): just under what it measures now, so that a regression
// turns the build red. They rise as extraction improves; the targets of
// `eval --check` are higher.
var devsetFloors = struct {
	quoteF1, attribution, meetingF1, callF1 float64
	variantsMerged                          int
}{quoteF1: 0.97, attribution: 0.95, meetingF1: 0.93, callF1: 0.60, variantsMerged: 54}

func TestEvalDevelopmentSet(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "devset")
	r := run(t, "eval", "--json", "--gold", filepath.Join(dir, "gold.json"), filepath.Join(dir, "articles"))
	wantCode(t, r, exitOK)
	var rep struct {
		Quotes struct {
			F1, SpeakerAccuracy float64
		} `json:"quotes"`
		NotQuotes struct{ Taken []string } `json:"not_quotes"`
		Meetings  struct{ F1 float64 }     `json:"meetings"`
		Calls     struct{ F1 float64 }     `json:"calls"`
		Merges    struct {
			Merged     int
			Overmerged []string
		} `json:"merges"`
		Dates struct{ Right, Total int } `json:"dates"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, r.stdout)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"quote F1", rep.Quotes.F1, devsetFloors.quoteF1},
		{"attribution", rep.Quotes.SpeakerAccuracy, devsetFloors.attribution},
		{"meeting pair F1", rep.Meetings.F1, devsetFloors.meetingF1},
		{"call pair F1", rep.Calls.F1, devsetFloors.callF1},
	} {
		if c.got < c.floor {
			t.Errorf("%s %.3f, floor %.2f", c.name, c.got, c.floor)
		}
	}
	if rep.Merges.Merged < devsetFloors.variantsMerged {
		t.Errorf("variant groups merged %d, floor %d", rep.Merges.Merged, devsetFloors.variantsMerged)
	}
	if len(rep.Merges.Overmerged) > 0 {
		t.Errorf("people merged who must stay apart: %q", rep.Merges.Overmerged)
	}
	if len(rep.NotQuotes.Taken) > 0 {
		t.Errorf("scare quotes taken for quotes: %q", rep.NotQuotes.Taken)
	}
	if rep.Dates.Right != rep.Dates.Total {
		t.Errorf("publication dates %d of %d", rep.Dates.Right, rep.Dates.Total)
	}
}
