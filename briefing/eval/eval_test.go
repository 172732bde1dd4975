package eval

import (
	"strings"
	"testing"

	"briefbot/briefing"
)

func ptr(s string) *string { return &s }

func TestMatchQuotes(t *testing.T) {
	t.Parallel()
	w := func(ss ...string) [][]string {
		out := make([][]string, len(ss))
		for i, s := range ss {
			out[i] = words(s)
		}
		return out
	}
	for _, tc := range []struct {
		name       string
		gold, pred [][]string
		want       string
	}{
		{"one to one", w("we will win this", "the talks failed"), w("the talks failed", "we will win this"), "0:1 1:0"},
		{"too little overlap", w("we will win this fight in the end"), w("we will win"), ""},
		{"gold whole, predicted split", w("the gaps are narrowing and we push on for a deal"), w("the gaps are narrowing", "and we push on for a deal"), "0:0,1"},
		{"gold split, predicted whole", w("the gaps are narrowing", "and we push on for a deal"), w("the gaps are narrowing and we push on for a deal"), "0,1:0"},
		{"split parts must be adjacent", w("alpha beta gamma delta epsilon zeta"), w("alpha beta gamma", "unrelated words here", "delta epsilon zeta"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range matchQuotes(tc.gold, tc.pred) {
				got = append(got, ints(m.gold)+":"+ints(m.pred))
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("matches %q, want %q", s, tc.want)
			}
		})
	}
}

func ints(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, string(rune('0'+x)))
	}
	return strings.Join(s, ",")
}

func TestEvaluate(t *testing.T) {
	t.Parallel()
	gold, err := ParseGold([]byte(`{
	 "articles": {"a.txt": {
	   "published": "2024-05-02",
	   "people": [
	     {"name": "Lina Khan", "aliases": ["Lina Khan", "Khan"], "roles": ["FTC chair"]},
	     {"name": "Tim Cook", "aliases": ["Tim Cook"], "roles": []},
	     {"name": "Jane Roe", "aliases": ["Jane Roe"], "roles": []}],
	   "quotes": [
	     {"speaker": "Lina Khan", "text": "We will not back down from this case", "kind": "full"},
	     {"speaker": "Tim Cook", "text": "a serious offer", "kind": "partial"}],
	   "meetings": [{"participants": ["Lina Khan", "Tim Cook"], "orgs": [], "place": "Washington", "date": null, "when": null, "status": "held"}],
	   "calls": [{"participants": ["Lina Khan", "Jane Roe"], "orgs": [], "place": null, "date": null, "when": null, "status": "held"}],
	   "not_quotes": ["Operation Clean Sweep", {"text": "reforms"}],
	   "traps": []}},
	 "cross_article_people": [],
	 "must_not_merge": [["Lina Khan", "Jane Roe"]]}`))
	if err != nil {
		t.Fatal(err)
	}
	ex := briefing.Export{
		Documents: []briefing.ExportDocument{{Source: "a.txt", Published: briefing.Date{Year: 2024, Month: 5, Day: 2}}},
		People: []briefing.ExportPerson{
			{Name: "Lina Khan", Aliases: []string{"Lina Khan", "Khan"}, Sources: []string{"a.txt"}},
			{Name: "Tim Cook", Aliases: []string{"Tim Cook"}, Sources: []string{"a.txt"}},
		},
		Quotes: []briefing.ExportQuote{
			{Speaker: ptr("Tim Cook"), Text: "We will not back down from this case", Source: "a.txt"},
			{Speaker: ptr("Tim Cook"), Text: "a serious offer", Source: "a.txt", Partial: true},
			{Text: "reforms", Source: "a.txt", Partial: true},
		},
		Meetings: []briefing.ExportMeeting{{Reports: []briefing.ExportReport{{Source: "a.txt", Participants: []string{"Tim Cook", "Lina Khan"}, Place: ptr("Washington, D.C."), Status: briefing.Planned}}}},
	}
	r := Evaluate(ex, gold)
	if r.Quotes.Matched != 2 || r.Quotes.Predicted != 3 || r.Quotes.SpeakerRight != 1 || r.Quotes.KindRight != 2 {
		t.Errorf("quotes = %+v", r.Quotes)
	}
	if len(r.NotQuotes.Taken) != 1 || r.NotQuotes.Total != 2 {
		t.Errorf("not quotes = %+v", r.NotQuotes)
	}
	if m := r.Meetings; m.Matched != 1 || m.F1 != 1 || m.PlaceRight != 1 || m.StatusRight != 0 || len(m.WrongStatus) != 1 {
		t.Errorf("meetings = %+v", m)
	}
	if c := r.Calls; c.GoldPairs != 1 || c.Matched != 0 || len(c.Missed) != 1 {
		t.Errorf("calls = %+v", c)
	}
	if r.Dates.Right != 1 {
		t.Errorf("dates = %+v", r.Dates)
	}
}

func TestParseGoldErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{`{`, "gold annotations"},
		{`{"articles": {}}`, "no articles"},
		{`{"articles": {"a.txt": {"quotes": [{"text": "x", "kind": "whole"}]}}}`, `a.txt: quote 1: kind "whole"`},
		{`{"articles": {"a.txt": {"calls": [{"participants": [], "status": "done"}]}}}`, `a.txt: call 1: status "done"`},
		{`{"articles": {"a.txt": {"not_quotes": "reforms"}}}`, "a.txt: not_quotes"},
	} {
		_, err := ParseGold([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseGold(%s) = %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}
