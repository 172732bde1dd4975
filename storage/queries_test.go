package storage

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/names"
	"briefbot/corpus"
)

// goldQuote is a quotation of the gold annotations.
type goldQuote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Kind    string `json:"kind"` // "full" or "partial"
}

// goldQuotes returns the gold quotations of the sample corpus by article.
func goldQuotes(t *testing.T) map[string][]goldQuote {
	t.Helper()
	var g struct {
		Articles map[string]struct {
			Quotes []goldQuote `json:"quotes"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(corpus.Gold(), &g); err != nil {
		t.Fatalf("read gold: %v", err)
	}
	out := map[string][]goldQuote{}
	for src, a := range g.Articles {
		out[src] = a.Quotes
	}
	return out
}

func TestQueriesSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)

	t.Run("PeopleByKeys transliteration", func(t *testing.T) {
		keys := names.NewMatcher(testLexicon(t)).Keys(names.Parse("kamal"))
		cands, err := db.PeopleByKeys(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		var found *briefing.PersonCandidate
		for i := range cands {
			if cands[i].Name == "Abbas Kamel" {
				found = &cands[i]
			}
		}
		if found == nil {
			t.Fatalf("PeopleByKeys(keys of kamal = %q) = %v, want Abbas Kamel", keys, cands)
		}
		if !slices.Contains(found.Aliases, "Abbas Kamal") || found.Mentions < 2 || found.Role == "" {
			t.Errorf("candidate %+v: want the alias Abbas Kamal, mentions from both articles, a role", *found)
		}
		// Most mentioned first.
		for i := 1; i < len(cands); i++ {
			if cands[i].Mentions > cands[i-1].Mentions {
				t.Errorf("candidates not by mentions: %d before %d", cands[i-1].Mentions, cands[i].Mentions)
			}
		}
	})

	t.Run("PeopleByKeys nickname", func(t *testing.T) {
		cands, err := db.PeopleByKeys(ctx, names.NewMatcher(testLexicon(t)).Keys(names.Parse("bill burns")))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cands {
			got = append(got, c.Name)
		}
		if !slices.Contains(got, "William Burns") {
			t.Errorf("PeopleByKeys(bill burns) = %q, want William Burns", got)
		}
	})

	t.Run("PeopleByPrefix", func(t *testing.T) {
		tests := []struct {
			prefix string
			limit  int
			want   string // a name among the results; "" for none at all
		}{
			{"bar", 10, "David Barnea"},
			{"BAR", 10, "David Barnea"},
			{"  bar ", 10, "David Barnea"},
			{"kam", 10, "Abbas Kamel"},
			{"kamal", 10, "Abbas Kamel"},
			{"bill", 10, "William Burns"},
			{"al", 10, "Mohammed bin Abdulrahman Al-Thani"},
			{"zzz", 10, ""},
			{"", 10, ""},
			{"%", 10, ""},
			{"_", 10, ""},
		}
		for _, tc := range tests {
			cands, err := db.PeopleByPrefix(ctx, tc.prefix, tc.limit)
			if err != nil {
				t.Fatalf("PeopleByPrefix(%q): %v", tc.prefix, err)
			}
			var got []string
			for _, c := range cands {
				got = append(got, c.Name)
			}
			if tc.want == "" && len(got) != 0 || tc.want != "" && !slices.Contains(got, tc.want) {
				t.Errorf("PeopleByPrefix(%q) = %q, want %q among them", tc.prefix, got, tc.want)
			}
		}
		cands, err := db.PeopleByPrefix(ctx, "m", 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(cands) != 2 {
			t.Errorf("PeopleByPrefix(m, 2) returned %d people, want 2", len(cands))
		}
	})

	t.Run("Person", func(t *testing.T) {
		p, err := db.Person(ctx, personID(t, db, "David Barnea"))
		if err != nil {
			t.Fatal(err)
		}
		if got := sortedCopy(p.Aliases); !slices.Equal(got, []string{"Barnea", "David Barnea"}) {
			t.Errorf("aliases %q", got)
		}
		for _, r := range []string{"Mossad chief", "head of Mossad"} {
			if !slices.ContainsFunc(p.Roles, func(s string) bool { return strings.EqualFold(s, r) }) {
				t.Errorf("roles %q lack %q", p.Roles, r)
			}
		}
		if p.Role == "" || !slices.Contains(p.Roles, p.Role) {
			t.Errorf("main role %q not among roles %q", p.Role, p.Roles)
		}
		if !slices.Contains(p.Organizations, "Mossad") {
			t.Errorf("organisations %q lack Mossad", p.Organizations)
		}
		if p.Gender != briefing.Male {
			t.Errorf("gender %q, want m", p.Gender)
		}
		var docs []string
		for _, d := range p.Documents {
			docs = append(docs, d.Source)
		}
		// Dated first, then undated in the order stored.
		if want := []string{seed001, seed000, seed002, seed003}; !slices.Equal(docs, want) {
			t.Errorf("documents %q, want %q", docs, want)
		}
		if p.FirstSeen.String() != "2024-03-21" || p.LastSeen.String() != "2024-03-21" {
			t.Errorf("first/last seen %q/%q, want 2024-03-21 for both", p.FirstSeen, p.LastSeen)
		}
		if p.Mentions < len(p.Documents) {
			t.Errorf("mentions %d fewer than articles %d", p.Mentions, len(p.Documents))
		}
	})

	t.Run("Quotes", func(t *testing.T) {
		blinken := personID(t, db, "Antony Blinken")
		var want []goldQuote
		for _, q := range goldQuotes(t)[seed003] {
			if q.Speaker == "Antony Blinken" {
				want = append(want, q)
			}
		}
		qs, err := db.Quotes(ctx, blinken, "", 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != len(want) {
			t.Errorf("Blinken has %d quotes, want the %d of the gold annotations", len(qs), len(want))
		}
		byText := map[string]briefing.QuoteRecord{}
		for _, q := range qs {
			byText[q.Text] = q
			if q.Source.Source != seed003 {
				t.Errorf("quote %q from %s, want %s", q.Text, q.Source.Source, seed003)
			}
			if q.Speaker == nil || q.Speaker.ID != blinken {
				t.Errorf("quote %q has speaker %v", q.Text, q.Speaker)
			}
			if q.Context == "" || !strings.Contains(q.Context, strings.TrimSpace(q.Text)[:10]) {
				t.Errorf("quote %q stands in sentence %q", q.Text, q.Context)
			}
		}
		for _, g := range want {
			q, ok := byText[g.Text]
			if !ok {
				t.Errorf("missing quote %q", g.Text)
				continue
			}
			if q.Partial != (g.Kind == "partial") {
				t.Errorf("quote %q: partial %v, gold says %s", g.Text, q.Partial, g.Kind)
			}
		}
		// Newest first: one article here, so in the article's order.
		for i := 1; i < len(qs); i++ {
			if qs[i].ID < qs[i-1].ID {
				t.Errorf("quotes of one article out of order: %d after %d", qs[i].ID, qs[i-1].ID)
			}
		}
		if few, err := db.Quotes(ctx, blinken, "", 3); err != nil || len(few) != 3 {
			t.Errorf("Quotes limit 3: %d quotes, %v", len(few), err)
		}

		rafah, err := db.Quotes(ctx, blinken, "rafah", 50)
		if err != nil {
			t.Fatal(err)
		}
		wantRafah := 0
		for _, q := range qs {
			if strings.Contains(strings.ToLower(q.Text+" "+q.Context), "rafah") {
				wantRafah++
			}
		}
		if len(rafah) != wantRafah || wantRafah == 0 {
			t.Errorf("quotes about rafah: %d, want %d", len(rafah), wantRafah)
		}
		for _, q := range rafah {
			if !strings.Contains(strings.ToLower(q.Text+" "+q.Context), "rafah") {
				t.Errorf("quote about rafah mentions no Rafah: %q in %q", q.Text, q.Context)
			}
		}
		if both, err := db.Quotes(ctx, blinken, "Rafah mistake", 50); err != nil || len(both) != 1 {
			t.Errorf("quotes about \"Rafah mistake\" (every word): %d, %v; want 1", len(both), err)
		}
		if none, err := db.Quotes(ctx, blinken, "malnutrition rafah", 50); err != nil || len(none) != 0 {
			t.Errorf("quotes about \"malnutrition rafah\": %d, %v; want 0", len(none), err)
		}
		if _, err := db.Quotes(ctx, 987654, "", 10); err == nil {
			t.Error("Quotes of an unknown person succeeded")
		}
	})

	t.Run("Counterparts", func(t *testing.T) {
		cps, err := db.Counterparts(ctx, personID(t, db, "David Barnea"), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(cps) < 3 {
			t.Fatalf("counterparts %+v, want at least Burns, Al-Thani and Kamel", cps)
		}
		met := map[string]int{}
		for _, c := range cps[:3] {
			met[c.Name] = c.Meetings
		}
		want := map[string]int{"William Burns": 2, "Mohammed bin Abdulrahman Al-Thani": 2, "Abbas Kamel": 1}
		for name, n := range want {
			if met[name] != n {
				t.Errorf("counterparts %+v: want %s met %d times among the first three", cps, name, n)
			}
		}
		if cps[2].Name != "Abbas Kamel" {
			t.Errorf("third counterpart %q, want Abbas Kamel (met once)", cps[2].Name)
		}
		for i, c := range cps {
			if c.Name == "David Barnea" {
				t.Errorf("Barnea is his own counterpart")
			}
			if i > 0 && (c.Meetings > cps[i-1].Meetings || c.Meetings == cps[i-1].Meetings && c.Articles > cps[i-1].Articles) {
				t.Errorf("counterparts out of order at %d: %+v after %+v", i, c, cps[i-1])
			}
		}
		for _, c := range cps {
			if c.Name == "William Burns" && c.Articles != 3 {
				t.Errorf("Burns appears with Barnea in %d articles, want 3", c.Articles)
			}
		}
		if few, err := db.Counterparts(ctx, personID(t, db, "David Barnea"), 2); err != nil || len(few) != 2 {
			t.Errorf("Counterparts limit 2: %d, %v", len(few), err)
		}
	})

	t.Run("Search", func(t *testing.T) {
		hits, err := db.Search(ctx, "hostages", 100)
		if err != nil {
			t.Fatal(err)
		}
		all, err := db.strings(ctx, `SELECT text FROM sentences`)
		if err != nil {
			t.Fatal(err)
		}
		word := regexp.MustCompile(`(?i)\bhostages\b`)
		want := 0
		for _, s := range all {
			if word.MatchString(s) {
				want++
			}
		}
		if len(hits) != want || want == 0 {
			t.Errorf("Search(hostages) = %d hits, want the %d sentences with the word", len(hits), want)
		}
		for i, h := range hits {
			if !word.MatchString(h.Sentence) {
				t.Errorf("hit %q lacks the word", h.Sentence)
			}
			if !strings.Contains(h.Snippet, briefing.MarkOpen+"hostages"+briefing.MarkClose) {
				t.Errorf("snippet %q does not mark the word", h.Snippet)
			}
			if h.Source.Source == "" || h.Source.Title == "" {
				t.Errorf("hit without its source: %+v", h.Source)
			}
			if i > 0 && h.Rank < hits[i-1].Rank {
				t.Errorf("hits not best first: rank %v after %v", h.Rank, hits[i-1].Rank)
			}
		}
		if few, err := db.Search(ctx, "hostages", 2); err != nil || len(few) != 2 || few[0].Sentence != hits[0].Sentence {
			t.Errorf("Search limit 2: %d hits, %v", len(few), err)
		}
		for _, variant := range []string{"HOSTAGES", "Hostages!", "hostages?"} {
			got, err := db.Search(ctx, variant, 100)
			if err != nil || len(got) != len(hits) {
				t.Errorf("Search(%q) = %d hits, %v; want %d like hostages", variant, len(got), err, len(hits))
			}
		}
		// Every word must match; diacritics do not matter.
		both, err := db.Search(ctx, "hostages Doha", 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range both {
			if !strings.Contains(h.Sentence, "Doha") || !word.MatchString(h.Sentence) {
				t.Errorf("hit %q for \"hostages Doha\" lacks a word", h.Sentence)
			}
		}
		plain, err := db.Search(ctx, "rafah", 100)
		if err != nil {
			t.Fatal(err)
		}
		accented, err := db.Search(ctx, "Rafáh", 100)
		if err != nil || len(accented) != len(plain) || len(plain) == 0 {
			t.Errorf("Search(Rafáh) = %d hits, %v; want the %d of rafah", len(accented), err, len(plain))
		}
		if none, err := db.Search(ctx, "xylophone", 10); err != nil || len(none) != 0 {
			t.Errorf("Search(xylophone) = %v, %v; want no hits", none, err)
		}
	})

	t.Run("Timeline", func(t *testing.T) {
		checkOrder := func(t *testing.T, evs []briefing.TimelineEvent) {
			t.Helper()
			undated := false
			for i, e := range evs {
				if e.Date.IsZero() {
					undated = true
					continue
				}
				if undated {
					t.Errorf("dated event %d (%s) after an undated one", i, e.Date)
				}
				if i > 0 && !evs[i-1].Date.IsZero() && e.Date.Before(evs[i-1].Date) {
					t.Errorf("event %d (%s) before event %d (%s)", i, e.Date, i-1, evs[i-1].Date)
				}
				if len(e.Sources) == 0 {
					t.Errorf("event %d %q has no sources", i, e.Text)
				}
			}
		}

		// A person: meetings and quotations.
		evs, err := db.Timeline(ctx, personID(t, db, "David Barnea"), "", 50)
		if err != nil {
			t.Fatal(err)
		}
		checkOrder(t, evs)
		if len(evs) != 2 || evs[0].Kind != "meeting" || evs[0].Date.String() != "2024-03-22" || !strings.Contains(evs[0].Text, "Doha") ||
			evs[1].Kind != "meeting" || !evs[1].Date.IsZero() || !strings.Contains(evs[1].Text, "Cairo") {
			t.Errorf("Barnea's timeline %+v, want the Doha meeting on 2024-03-22, then the undated Cairo one", evs)
		}
		evs, err = db.Timeline(ctx, personID(t, db, "Antony Blinken"), "", 100)
		if err != nil {
			t.Fatal(err)
		}
		checkOrder(t, evs)
		kinds := map[string]int{}
		for _, e := range evs {
			kinds[e.Kind]++
		}
		if kinds["quote"] != 12 || kinds["meeting"] == 0 {
			t.Errorf("Blinken's timeline kinds %v, want 12 quotes and his meetings", kinds)
		}

		// A topic.
		evs, err = db.Timeline(ctx, 0, "rafah", 100)
		if err != nil {
			t.Fatal(err)
		}
		checkOrder(t, evs)
		var articles []string
		kinds = map[string]int{}
		for _, e := range evs {
			kinds[e.Kind]++
			if e.Kind == "article" {
				articles = append(articles, e.Sources[0].Source)
			}
		}
		if want := []string{seed003, seed004}; !slices.Equal(sortedCopy(articles), want) {
			t.Errorf("rafah timeline articles %q, want %q", articles, want)
		}
		if kinds["quote"] == 0 {
			t.Errorf("rafah timeline kinds %v, want quotes", kinds)
		}
		if len(evs) == 0 || evs[0].Date.String() != "2024-03-21" {
			t.Errorf("rafah timeline should open with the dated article of 2024-03-21: %+v", evs)
		}
		if _, err := db.Timeline(ctx, 0, "?!", 10); err == nil {
			t.Error("timeline of a topic without words succeeded")
		}

		// The whole corpus.
		evs, err = db.Timeline(ctx, 0, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		checkOrder(t, evs)
		var dated []string
		kinds = map[string]int{}
		for _, e := range evs {
			kinds[e.Kind]++
			if !e.Date.IsZero() {
				dated = append(dated, e.Date.String()+" "+e.Kind)
			}
		}
		if want := []string{"2024-03-21 article", "2024-03-21 article", "2024-03-22 meeting"}; !slices.Equal(dated, want) {
			t.Errorf("dated corpus events %q, want %q", dated, want)
		}
		if kinds["article"] != 5 || kinds["figure"] != 3 || kinds["meeting"] < 2 {
			t.Errorf("corpus timeline kinds %v, want 5 articles, 3 figures, the meetings", kinds)
		}
		if few, err := db.Timeline(ctx, 0, "", 2); err != nil || len(few) != 2 || few[0].Date.String() != "2024-03-21" {
			t.Errorf("Timeline limit 2 = %+v, %v; want the two oldest events", few, err)
		}
	})

	t.Run("Sources", func(t *testing.T) {
		srcs, total, err := db.Sources(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 || len(srcs) != 5 {
			t.Fatalf("Sources = %d of %d, want 5 of 5", len(srcs), total)
		}
		var order []string
		for _, s := range srcs {
			order = append(order, s.Source)
		}
		// Newest first, undated last.
		if want := []string{seed001, seed004, seed000, seed002, seed003}; !slices.Equal(order, want) {
			t.Errorf("sources in order %q, want %q", order, want)
		}
		exp := exportOf(t, db)
		gold := goldQuotes(t)
		exs := map[string]briefing.Extraction{}
		for _, ex := range seedExtractions(t) {
			exs[ex.Article.Source] = ex
		}
		for _, s := range srcs {
			ex := exs[s.Source]
			people := 0
			for _, p := range exp.People {
				if slices.Contains(p.Sources, s.Source) {
					people++
				}
			}
			meetings := 0
			for _, m := range ex.Meetings {
				if m.Kind == briefing.InPerson {
					meetings++
				}
			}
			if s.Sentences != len(ex.Sentences) || s.People != people || s.Quotes != len(gold[s.Source]) || s.Meetings != meetings || s.Figures != len(ex.Figures) {
				t.Errorf("%s: %d sentences, %d people, %d quotes, %d meetings, %d figures; want %d, %d, %d, %d, %d",
					s.Source, s.Sentences, s.People, s.Quotes, s.Meetings, s.Figures,
					len(ex.Sentences), people, len(gold[s.Source]), meetings, len(ex.Figures))
			}
			if !s.IngestedAt.Equal(fixedNow()) {
				t.Errorf("%s ingested at %v, want %v", s.Source, s.IngestedAt, fixedNow())
			}
		}
		few, total, err := db.Sources(ctx, 2)
		if err != nil || total != 5 || len(few) != 2 {
			t.Errorf("Sources limit 2 = %d of %d, %v; want 2 of 5", len(few), total, err)
		}
	})
}
