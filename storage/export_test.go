package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
)

const webArticle = `Date: 2024-03-24

Envoys return to Cairo

CIA Director William Burns returned to Cairo on Sunday for more talks, officials said.
`

const webURL = "https://news.example.com/2024/03/24/envoys-return"

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// hasKeys reports the keys of want missing from m.
func missingKeys(m map[string]any, want ...string) []string {
	var out []string
	for _, k := range want {
		if _, ok := m[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

func TestExportJSONShape(t *testing.T) {
	db := seedDB(t)
	mustIngest(t, db, extractText(t, webURL, webArticle))

	var doc map[string]any
	if err := json.Unmarshal(exportJSON(t, db), &doc); err != nil {
		t.Fatalf("export is not a JSON object: %v", err)
	}
	want := []string{"calls", "documents", "figures", "meetings", "organizations", "people", "places", "quotes"}
	if got := keysOf(doc); !slices.Equal(got, want) {
		t.Fatalf("top-level keys %q, want %q", got, want)
	}
	list := func(key string) []map[string]any {
		t.Helper()
		raw, ok := doc[key].([]any)
		if !ok {
			t.Fatalf("%s is %T, want a list", key, doc[key])
		}
		out := make([]map[string]any, 0, len(raw))
		for _, r := range raw {
			m, ok := r.(map[string]any)
			if !ok {
				t.Fatalf("%s holds a %T, want objects", key, r)
			}
			out = append(out, m)
		}
		return out
	}

	docs := list("documents")
	if len(docs) != 6 {
		t.Fatalf("%d documents, want 6", len(docs))
	}
	bySource := map[string]map[string]any{}
	for _, d := range docs {
		if miss := missingKeys(d, "source", "title", "published", "url"); len(miss) > 0 {
			t.Errorf("document %v lacks %q", d["source"], miss)
		}
		src, _ := d["source"].(string)
		bySource[src] = d
	}
	if d := bySource[seed000]; d["published"] != nil || d["url"] != nil {
		t.Errorf("undated file article: published %v, url %v; want null, null", d["published"], d["url"])
	}
	if d := bySource[seed001]; d["published"] != "2024-03-21" || d["url"] != nil {
		t.Errorf("dated file article: published %v, url %v; want 2024-03-21, null", d["published"], d["url"])
	}
	if d := bySource[webURL]; d["published"] != "2024-03-24" || d["url"] != webURL || d["title"] != "Envoys return to Cairo" {
		t.Errorf("web article exported as %v", d)
	}

	for _, p := range list("people") {
		if miss := missingKeys(p, "name", "aliases", "roles", "sources"); len(miss) > 0 {
			t.Errorf("person %v lacks %q", p["name"], miss)
		}
	}
	for _, key := range []string{"organizations", "places"} {
		for _, p := range list(key) {
			if miss := missingKeys(p, "name", "sources"); len(miss) > 0 {
				t.Errorf("%s entry %v lacks %q", key, p["name"], miss)
			}
		}
	}
	for _, q := range list("quotes") {
		if miss := missingKeys(q, "speaker", "text", "source", "partial"); len(miss) > 0 {
			t.Errorf("quote %v lacks %q", q["text"], miss)
		}
	}
	for _, f := range list("figures") {
		if miss := missingKeys(f, "text", "value", "unit", "source"); len(miss) > 0 {
			t.Errorf("figure %v lacks %q", f["text"], miss)
		}
	}
	list("calls")

	var doha, cairo map[string]any
	for _, m := range list("meetings") {
		if miss := missingKeys(m, "participants", "organizations", "place", "date", "when", "status", "sources"); len(miss) > 0 {
			t.Errorf("meeting %v lacks %q", m, miss)
		}
		if _, ok := m["participants"].([]any); !ok {
			t.Errorf("meeting participants are %T, want a list", m["participants"])
		}
		if _, ok := m["sources"].([]any); !ok {
			t.Errorf("meeting sources are %T, want a list", m["sources"])
		}
		parts, _ := m["participants"].([]any)
		if !slices.Contains(parts, any("David Barnea")) {
			continue
		}
		switch m["place"] {
		case "Doha":
			doha = m
		case "Cairo":
			cairo = m
		}
	}
	if doha == nil || cairo == nil {
		t.Fatalf("no Doha or Cairo meeting of David Barnea in %v", doc["meetings"])
	}
	if doha["date"] != "2024-03-22" || doha["when"] != "this Friday" || doha["status"] != "planned" || doha["date_inferred"] != true {
		t.Errorf("Doha meeting exported as %v", doha)
	}
	var srcs []string
	for _, s := range doha["sources"].([]any) {
		srcs = append(srcs, s.(string))
	}
	if want := []string{seed000, seed001, seed003}; !slices.Equal(sortedCopy(srcs), want) {
		t.Errorf("Doha meeting sources %q, want %q", srcs, want)
	}
	if cairo["date"] != nil || cairo["when"] != "on Tuesday" || cairo["status"] != "held" {
		t.Errorf("Cairo meeting exported as %v", cairo)
	}
}

func TestExportEmptyDatabase(t *testing.T) {
	db := openTestDB(t)
	var doc map[string]any
	if err := json.Unmarshal(exportJSON(t, db), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"documents", "people", "organizations", "places", "quotes", "meetings", "calls", "figures"} {
		l, ok := doc[k].([]any)
		if !ok || len(l) != 0 {
			t.Errorf("%s of an empty corpus is %#v, want []", k, doc[k])
		}
	}
}

func TestExportOrder(t *testing.T) {
	db := seedDB(t)
	ex := exportOf(t, db)
	var docs []string
	for _, d := range ex.Documents {
		docs = append(docs, d.Source)
	}
	if !slices.IsSorted(docs) {
		t.Errorf("documents not by source: %q", docs)
	}
	names := exportNames(ex)
	if !slices.IsSorted(names) {
		t.Errorf("people not by name: %q", names)
	}
	var orgs []string
	for _, o := range ex.Organizations {
		orgs = append(orgs, o.Name)
	}
	if !slices.IsSorted(orgs) {
		t.Errorf("organisations not by name: %q", orgs)
	}
	for _, p := range ex.People {
		if !slices.IsSorted(p.Sources) {
			t.Errorf("%s: sources not sorted: %q", p.Name, p.Sources)
		}
	}
	var quoteSources []string
	for _, q := range ex.Quotes {
		quoteSources = append(quoteSources, q.Source)
	}
	if !slices.IsSorted(quoteSources) {
		t.Errorf("quotes not by article: %q", quoteSources)
	}
}

// TestExportDeterministic: the same input in the same order gives
// byte-identical exports, whatever the clock.
func TestExportDeterministic(t *testing.T) {
	ctx := context.Background()
	build := func(now time.Time) []byte {
		path := filepath.Join(t.TempDir(), "corpus.db")
		db, err := Open(ctx, path, Options{Lexicon: testLexicon(t), Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, ex := range seedExtractions(t) {
			mustIngest(t, db, ex)
		}
		mustIngest(t, db, extractText(t, webURL, webArticle))
		ingestHand(t, db, articlesOf(
			[][]string{{"Noam Varsano"}, {"William Burns"}},
			[][]string{{"Dana Varsano"}},
			[][]string{{"Varsano"}},
		)...)
		ex, err := db.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(ex)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a := build(fixedNow())
	b := build(fixedNow().Add(1000 * time.Hour))
	if !bytes.Equal(a, b) {
		t.Errorf("exports differ:\n%s\n%s", a, b)
	}
	if strings.Contains(string(a), `"id"`) {
		t.Errorf("export carries database ids, which depend on storage history")
	}
}

// TestExportMatchesQueries: the export and the query methods tell the same
// story about one person.
func TestExportMatchesQueries(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	ex := exportOf(t, db)
	for _, name := range []string{"David Barnea", "Antony Blinken", "William Burns"} {
		ep := exportPerson(t, ex, name)
		p, err := db.Person(ctx, personID(t, db, name))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sortedCopy(ep.Aliases), sortedCopy(p.Aliases)) {
			t.Errorf("%s: export aliases %q, Person aliases %q", name, ep.Aliases, p.Aliases)
		}
		var docs []string
		for _, d := range p.Documents {
			docs = append(docs, d.Source)
		}
		if !slices.Equal(ep.Sources, sortedCopy(docs)) {
			t.Errorf("%s: export sources %q, Person documents %q", name, ep.Sources, docs)
		}
		n := 0
		for _, q := range ex.Quotes {
			if q.Speaker != nil && *q.Speaker == name {
				n++
			}
		}
		qs, err := db.Quotes(ctx, p.ID, "", 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != n {
			t.Errorf("%s: %d quotes exported, %d from Quotes", name, n, len(qs))
		}
		ms, err := db.Meetings(ctx, p.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		n = 0
		for _, m := range ex.Meetings {
			if slices.Contains(m.Participants, name) {
				n++
			}
		}
		if len(ms) != n {
			t.Errorf("%s: %d meetings exported, %d from Meetings", name, n, len(ms))
		}
	}
}

// TestQuoteWithoutSpeaker: a quotation nobody is named for is kept, with
// a null speaker.
func TestQuoteWithoutSpeaker(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	h := handArticle{source: "a.txt", published: "2024-03-21", entities: []briefing.ExtractedEntity{person("Noam Varsano")},
		quotes: []briefing.ExtractedQuote{
			{Speaker: -1, Text: "A ceasefire is close.", Verb: "said", Sentence: 0},
			{Speaker: 0, Text: "Not yet.", Verb: "said", Sentence: 0},
		}}
	ingestHand(t, db, h)
	var doc struct {
		Quotes []map[string]any `json:"quotes"`
	}
	if err := json.Unmarshal(exportJSON(t, db), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 2 {
		t.Fatalf("%d quotes exported, want 2", len(doc.Quotes))
	}
	speakers := map[string]any{}
	for _, q := range doc.Quotes {
		v, ok := q["speaker"]
		if !ok {
			t.Errorf("quote %v has no speaker key", q["text"])
		}
		speakers[q["text"].(string)] = v
	}
	if v := speakers["A ceasefire is close."]; v != nil {
		t.Errorf("unattributed quote has speaker %v, want null", v)
	}
	if v := speakers["Not yet."]; v != "Noam Varsano" {
		t.Errorf("attributed quote has speaker %v, want Noam Varsano", v)
	}
	qs, err := db.Quotes(ctx, personID(t, db, "Noam Varsano"), "", 10)
	if err != nil || len(qs) != 1 || qs[0].Text != "Not yet." {
		t.Errorf("Quotes of Noam Varsano = %+v, %v; want only his own", qs, err)
	}
	srcs, _, err := db.Sources(ctx, 10)
	if err != nil || len(srcs) != 1 || srcs[0].Quotes != 2 {
		t.Errorf("Sources = %+v, %v; want one article with 2 quotes", srcs, err)
	}
}
