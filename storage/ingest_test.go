package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
)

const dohaArticle = `Date: 2024-03-21

Talks on a Gaza truce move to Doha

Mossad chief David Barnea will meet CIA Director William Burns in Doha this Friday, officials said.

"We are closer than we have been in weeks," Burns told reporters in Cairo on Thursday.

Some 40 of the remaining 134 hostages could be freed in a first phase, according to Egyptian officials.
`

const rafahArticle = `Date: 2024-03-25

Rafah offensive worries aid groups

Aid groups warned that an assault on Rafah would cut the last route for food into the enclave.

"There is nowhere left to go," said Lina Haddad, a relief coordinator in Rafah.
`

func TestIngestStoresEverything(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ex := extractText(t, "doha.txt", dohaArticle)
	// The article is written so that each kind of record is there.
	if len(ex.Sentences) == 0 || len(ex.Quotes) == 0 || len(ex.Meetings) == 0 || len(ex.Figures) == 0 {
		t.Fatalf("extraction lacks records the test relies on: %d sentences, %d quotes, %d meetings, %d figures",
			len(ex.Sentences), len(ex.Quotes), len(ex.Meetings), len(ex.Figures))
	}
	res := mustIngest(t, db, ex)

	if res.Duplicate || res.DuplicateOf != "" {
		t.Fatalf("first ingest reported as a duplicate: %+v", res)
	}
	var wantPeople, wantMeetings int
	for _, e := range ex.Entities {
		if e.Kind == briefing.KindPerson {
			wantPeople++
		}
	}
	for _, m := range ex.Meetings {
		if m.Kind == briefing.InPerson {
			wantMeetings++
		}
	}
	if res.People != wantPeople || res.Quotes != len(ex.Quotes) || res.Meetings != wantMeetings || res.Figures != len(ex.Figures) {
		t.Errorf("IngestResult = %+v, want people %d, quotes %d, meetings %d, figures %d",
			res, wantPeople, len(ex.Quotes), wantMeetings, len(ex.Figures))
	}

	// The document row.
	var (
		id                                    int64
		source, title, hash, body, ingestedAt string
		url, outlet, published                *string
	)
	err := db.sql.QueryRow(`SELECT id, source, url, title, outlet, published, content_hash, body, ingested_at FROM documents`).
		Scan(&id, &source, &url, &title, &outlet, &published, &hash, &body, &ingestedAt)
	if err != nil {
		t.Fatalf("read document: %v", err)
	}
	if id != res.DocumentID {
		t.Errorf("document id %d, IngestResult.DocumentID %d", id, res.DocumentID)
	}
	if source != "doha.txt" || title != "Talks on a Gaza truce move to Doha" || hash != ex.Hash || body != ex.Article.Body() {
		t.Errorf("document row: source %q, title %q, hash %q (want %q), body matches %v",
			source, title, hash, ex.Hash, body == ex.Article.Body())
	}
	if url != nil {
		t.Errorf("file article stored with url %q, want NULL", *url)
	}
	if published == nil || *published != "2024-03-21" {
		t.Errorf("published = %v, want 2024-03-21", published)
	}
	if want := fixedNow().UTC().Format(time.RFC3339); ingestedAt != want {
		t.Errorf("ingested_at = %q, want %q", ingestedAt, want)
	}

	// Sentences, in order, each one searchable.
	texts, err := db.strings(ctx, `SELECT text FROM sentences WHERE document_id = ? ORDER BY seq`, id)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range ex.Sentences {
		want = append(want, s.Text)
	}
	if !slices.Equal(texts, want) {
		t.Errorf("stored sentences %q, want %q", texts, want)
	}
	for _, word := range []string{"Barnea", "closer", "hostages"} {
		hits, err := db.Search(ctx, word, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", word, err)
		}
		if len(hits) != 1 || !strings.Contains(hits[0].Sentence, word) || hits[0].Source.Source != "doha.txt" {
			t.Errorf("Search(%q) = %+v, want the one sentence of doha.txt with it", word, hits)
		}
	}

	// Entities: every person, organisation and place, with aliases and roles.
	exp := exportOf(t, db)
	burns := exportPerson(t, exp, "William Burns")
	if !slices.Contains(burns.Aliases, "Burns") || !slices.Contains(burns.Roles, "CIA Director") || !slices.Equal(burns.Sources, []string{"doha.txt"}) {
		t.Errorf("William Burns exported as %+v", burns)
	}
	exportPerson(t, exp, "David Barnea")
	if n := len(exp.People); n != wantPeople {
		t.Errorf("%d people stored, want %d", n, wantPeople)
	}
	var places []string
	for _, p := range exp.Places {
		places = append(places, p.Name+"/"+p.Country)
	}
	if !slices.Contains(places, "Doha/Qatar") || !slices.Contains(places, "Cairo/Egypt") {
		t.Errorf("places %q, want Doha/Qatar and Cairo/Egypt", places)
	}
	var orgs []string
	for _, o := range exp.Organizations {
		orgs = append(orgs, o.Name)
	}
	if !slices.Contains(orgs, "CIA") || !slices.Contains(orgs, "Mossad") {
		t.Errorf("organisations %q, want CIA and Mossad", orgs)
	}

	// Quotes, meetings and figures, with counts agreeing with the result.
	if n := countRows(t, db, "quotes"); n != res.Quotes {
		t.Errorf("%d quotes stored, IngestResult says %d", n, res.Quotes)
	}
	if len(exp.Quotes) != 1 || exp.Quotes[0].Speaker == nil || *exp.Quotes[0].Speaker != "William Burns" ||
		!strings.Contains(exp.Quotes[0].Text, "closer than we have been") {
		t.Errorf("quotes exported as %+v", exp.Quotes)
	}
	if n := countRows(t, db, "meetings"); n != res.Meetings {
		t.Errorf("%d meetings stored, IngestResult says %d", n, res.Meetings)
	}
	if len(exp.Meetings) != 1 {
		t.Fatalf("exported meetings %+v, want 1", exp.Meetings)
	}
	m := exp.Meetings[0]
	if m.Place == nil || *m.Place != "Doha" || m.Date.String() != "2024-03-22" || m.Status != briefing.Planned ||
		!slices.Equal(sortedCopy(m.Participants), []string{"David Barnea", "William Burns"}) {
		t.Errorf("meeting exported as %+v", m)
	}
	if n := countRows(t, db, "figures"); n != res.Figures {
		t.Errorf("%d figures stored, IngestResult says %d", n, res.Figures)
	}
	if len(exp.Figures) != 1 || exp.Figures[0].Value != 40 || exp.Figures[0].Of != 134 || exp.Figures[0].Unit != "hostages" {
		t.Errorf("figures exported as %+v", exp.Figures)
	}

	// Sources agrees with the result.
	srcs, total, err := db.Sources(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(srcs) != 1 {
		t.Fatalf("Sources = %d of %d, want 1 of 1", len(srcs), total)
	}
	s := srcs[0]
	if s.Sentences != len(ex.Sentences) || s.People != res.People || s.Quotes != res.Quotes || s.Meetings != res.Meetings || s.Figures != res.Figures {
		t.Errorf("source summary %+v disagrees with ingest result %+v", s, res)
	}
	if !s.IngestedAt.Equal(fixedNow()) {
		t.Errorf("IngestedAt = %v, want %v", s.IngestedAt, fixedNow())
	}
}

// snapshot is everything observable about a database's content.
type snapshot struct {
	counts map[string]int
	export []byte
}

func takeSnapshot(t *testing.T, db *DB) snapshot {
	t.Helper()
	return snapshot{counts: tableCounts(t, db), export: exportJSON(t, db)}
}

func (s snapshot) assertSame(t *testing.T, after snapshot) {
	t.Helper()
	for tab, n := range s.counts {
		if after.counts[tab] != n {
			t.Errorf("%s: %d rows before, %d after", tab, n, after.counts[tab])
		}
	}
	if !bytes.Equal(s.export, after.export) {
		t.Errorf("export changed:\nbefore: %s\nafter: %s", s.export, after.export)
	}
}

func TestIngestDuplicates(t *testing.T) {
	const url = "https://news.example.com/2024/03/21/doha-talks"
	tests := []struct {
		name   string
		first  func(t *testing.T) briefing.Extraction
		second func(t *testing.T) briefing.Extraction
		dupOf  string
	}{
		{
			name:   "same extraction again",
			first:  func(t *testing.T) briefing.Extraction { return extractText(t, "doha.txt", dohaArticle) },
			second: func(t *testing.T) briefing.Extraction { return extractText(t, "doha.txt", dohaArticle) },
			dupOf:  "doha.txt",
		},
		{
			name:   "same content under another file name",
			first:  func(t *testing.T) briefing.Extraction { return extractText(t, "doha.txt", dohaArticle) },
			second: func(t *testing.T) briefing.Extraction { return extractText(t, "copy-of-doha.md", dohaArticle) },
			dupOf:  "doha.txt",
		},
		{
			name:   "same URL with other content",
			first:  func(t *testing.T) briefing.Extraction { return extractText(t, url, dohaArticle) },
			second: func(t *testing.T) briefing.Extraction { return extractText(t, url, rafahArticle) },
			dupOf:  url,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			first := mustIngest(t, db, tc.first(t))
			if first.Duplicate {
				t.Fatalf("first ingest is a duplicate: %+v", first)
			}
			before := takeSnapshot(t, db)
			res := mustIngest(t, db, tc.second(t))
			if !res.Duplicate || res.DuplicateOf != tc.dupOf {
				t.Errorf("second ingest = %+v, want Duplicate of %q", res, tc.dupOf)
			}
			if res.DocumentID != 0 && res.DocumentID != first.DocumentID {
				t.Errorf("duplicate reports document %d, the original is %d", res.DocumentID, first.DocumentID)
			}
			before.assertSame(t, takeSnapshot(t, db))
		})
	}
}

func TestIngestDifferentContentGetsOwnDocument(t *testing.T) {
	db := openTestDB(t)
	a := mustIngest(t, db, extractText(t, "https://news.example.com/doha", dohaArticle))
	b := mustIngest(t, db, extractText(t, "https://news.example.com/rafah", rafahArticle))
	c := mustIngest(t, db, extractText(t, "rafah-local.txt", rafahArticle+"\nA later paragraph was added to this copy.\n"))
	for _, r := range []briefing.IngestResult{a, b, c} {
		if r.Duplicate {
			t.Fatalf("distinct article ingested as a duplicate: %+v", r)
		}
	}
	if a.DocumentID == b.DocumentID || b.DocumentID == c.DocumentID || a.DocumentID == c.DocumentID {
		t.Errorf("document ids %d, %d, %d are not distinct", a.DocumentID, b.DocumentID, c.DocumentID)
	}
	exp := exportOf(t, db)
	if len(exp.Documents) != 3 {
		t.Fatalf("%d documents exported, want 3", len(exp.Documents))
	}
	urls := map[string]*string{}
	for _, d := range exp.Documents {
		urls[d.Source] = d.URL
	}
	if u := urls["https://news.example.com/doha"]; u == nil || *u != "https://news.example.com/doha" {
		t.Errorf("web article url = %v, want its address", u)
	}
	if u := urls["rafah-local.txt"]; u != nil {
		t.Errorf("file article url = %q, want null", *u)
	}
	// The two Rafah articles name one relief coordinator: one person, two sources.
	haddad := exportPerson(t, exp, "Lina Haddad")
	if want := []string{"https://news.example.com/rafah", "rafah-local.txt"}; !slices.Equal(sortedCopy(haddad.Sources), want) {
		t.Errorf("Lina Haddad sources %q, want %q", haddad.Sources, want)
	}
}

// TestIngestFailureRollsBack gives storage an article whose quote points
// at no sentence; whatever Ingest makes of it, a failure must leave nothing
// behind and the database usable, with nothing of the failed article
// remembered: the next article's new people are new people.
func TestIngestFailureRollsBack(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "first.txt", published: "2024-03-01", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	before := takeSnapshot(t, db)

	bad := handArticle{source: "bad.txt", published: "2024-03-02",
		entities: []briefing.ExtractedEntity{person("Noam Varsano", "Varsano"), person("Dana Elkayam"), place("Doha", "Qatar")},
		quotes:   []briefing.ExtractedQuote{{Speaker: 1, Text: "Nothing to add.", Sentence: 99}},
	}.extraction(t)
	if _, err := db.Ingest(ctx, bad); err == nil {
		// Storing it is acceptable too, but then it must all be there.
		exp := exportOf(t, db)
		exportPerson(t, exp, "Dana Elkayam")
		if len(exp.Quotes) != 1 {
			t.Errorf("stored article with %d quotes, want 1", len(exp.Quotes))
		}
		return
	}
	before.assertSame(t, takeSnapshot(t, db))

	// The writer recovers. The rolled-back rows' ids are free again and
	// go to whoever comes next; Dana Elkayam must not be taken for them.
	next := handArticle{source: "next.txt", published: "2024-03-03",
		entities: []briefing.ExtractedEntity{person("Eli Mizrahi"), place("Cairo", "Egypt"), person("Dana Elkayam"), place("Doha", "Qatar")}}
	res := mustIngest(t, db, next.extraction(t))
	if res.Duplicate || res.People != 2 {
		t.Errorf("ingest after a failure = %+v", res)
	}
	exp := exportOf(t, db)
	if got, want := sortedCopy(exportNames(exp)), []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano"}; !slices.Equal(got, want) {
		t.Errorf("people %q, want %q", got, want)
	}
	for _, name := range []string{"Dana Elkayam", "Eli Mizrahi"} {
		p := exportPerson(t, exp, name)
		if !slices.Equal(p.Aliases, []string{name}) || !slices.Equal(p.Sources, []string{"next.txt"}) {
			t.Errorf("%s: aliases %q, sources %q; want only itself from next.txt", name, p.Aliases, p.Sources)
		}
	}
	var places []string
	for _, p := range exp.Places {
		places = append(places, p.Name+"/"+p.Country)
	}
	if want := []string{"Cairo/Egypt", "Doha/Qatar"}; !slices.Equal(sortedCopy(places), want) {
		t.Errorf("places %q, want %q", places, want)
	}
}

func TestIngestCanceledContext(t *testing.T) {
	db := openTestDB(t)
	// Open the writer connection first, so the cancellation hits a
	// connection in use.
	ingestHand(t, db, handArticle{source: "first.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	before := takeSnapshot(t, db)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := db.Ingest(ctx, extractText(t, "doha.txt", dohaArticle))
	if err == nil {
		t.Fatal("Ingest with a canceled context succeeded")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %q does not wrap context.Canceled", err)
	}
	before.assertSame(t, takeSnapshot(t, db))

	res := mustIngest(t, db, extractText(t, "doha.txt", dohaArticle))
	if res.Duplicate {
		t.Errorf("article refused after a canceled attempt: %+v", res)
	}
}

// TestIngestLongArticle stores an article with more sentences than one
// multi-row insert takes, and checks that quotes and figures point at the
// right sentences on both sides of every chunk boundary.
func TestIngestLongArticle(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	const n = 150
	ex := briefing.Extraction{Article: briefing.Article{Source: "long.txt", Title: "A long report"}}
	for i := range n {
		text := fmt.Sprintf("Sentence number %d says word%d aloud.", i, i)
		ex.Article.Paragraphs = append(ex.Article.Paragraphs, briefing.Paragraph{Text: text})
		ex.Sentences = append(ex.Sentences, briefing.Sentence{Paragraph: i, Text: text})
	}
	ex.Hash = "long-article-hash"
	speaker := person("Noam Varsano")
	speaker.Mentions = []briefing.Mention{{Sentence: 0, Text: "Noam Varsano", Via: briefing.ByName}}
	ex.Entities = []briefing.ExtractedEntity{speaker}
	at := []int{0, 1, 62, 63, 64, 65, 127, 128, 129, 149}
	for _, i := range at {
		ex.Quotes = append(ex.Quotes, briefing.ExtractedQuote{Speaker: 0, Text: fmt.Sprintf("word%d", i), Verb: "said", Sentence: i})
		ex.Figures = append(ex.Figures, briefing.Figure{Sentence: i, Text: fmt.Sprintf("number %d", i), Value: float64(i), Unit: "sentences"})
	}
	mustIngest(t, db, ex)

	texts, err := db.strings(ctx, `SELECT text FROM sentences ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != n {
		t.Fatalf("%d sentences stored, want %d", len(texts), n)
	}
	for i, s := range texts {
		if s != ex.Sentences[i].Text {
			t.Fatalf("sentence %d is %q, want %q", i, s, ex.Sentences[i].Text)
		}
	}
	qs, err := db.Quotes(ctx, personID(t, db, "Noam Varsano"), "", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != len(at) {
		t.Fatalf("%d quotes, want %d", len(qs), len(at))
	}
	for _, q := range qs {
		if !strings.Contains(q.Context, " "+q.Text+" ") {
			t.Errorf("quote %q stands in sentence %q", q.Text, q.Context)
		}
	}
	evs, err := db.Timeline(ctx, 0, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	figures := 0
	for _, e := range evs {
		if e.Kind != "figure" {
			continue
		}
		figures++
		// "number 64 — Sentence number 64 says word64 aloud."
		var num int
		if _, err := fmt.Sscanf(e.Text, "number %d", &num); err != nil || !strings.HasSuffix(e.Text, fmt.Sprintf("word%d aloud.", num)) {
			t.Errorf("figure event %q joins a figure to another sentence", e.Text)
		}
	}
	if figures != len(at) {
		t.Errorf("%d figure events, want %d", figures, len(at))
	}
	for _, i := range []int{0, 64, 149} {
		hits, err := db.Search(ctx, fmt.Sprintf("word%d", i), 10)
		if err != nil || len(hits) != 1 || hits[0].Sentence != ex.Sentences[i].Text {
			t.Errorf("Search(word%d) = %+v, %v", i, hits, err)
		}
	}
}

// TestIngestBatch stores several articles in one transaction: a failing
// one leaves no trace and does not stop the others, and a copy of an
// article earlier in the same batch is a duplicate.
func TestIngestBatch(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	good1 := extractText(t, "doha.txt", dohaArticle)
	bad := handArticle{source: "bad.txt", entities: []briefing.ExtractedEntity{person("Dana Elkayam")},
		quotes: []briefing.ExtractedQuote{{Speaker: 0, Text: "x", Sentence: 99}}}.extraction(t)
	good2 := extractText(t, "rafah.txt", rafahArticle)
	copy1 := extractText(t, "copy-of-doha.txt", dohaArticle)
	next := handArticle{source: "next.txt", entities: []briefing.ExtractedEntity{person("Eli Mizrahi"), person("Dana Elkayam")}}.extraction(t)

	res, errs, err := db.IngestBatch(ctx, []briefing.Extraction{good1, bad, good2, copy1, next})
	if err != nil {
		t.Fatalf("IngestBatch: %v", err)
	}
	if len(res) != 5 || len(errs) != 5 {
		t.Fatalf("IngestBatch gave %d results and %d errors for 5 articles", len(res), len(errs))
	}
	for i, e := range errs {
		if (e != nil) != (i == 1) {
			t.Errorf("article %d: error %v", i, e)
		}
	}
	if res[0].Duplicate || res[2].Duplicate || res[4].Duplicate {
		t.Errorf("distinct articles reported as duplicates: %+v", res)
	}
	if !res[3].Duplicate || res[3].DuplicateOf != "doha.txt" {
		t.Errorf("copy in the same batch: %+v, want a duplicate of doha.txt", res[3])
	}
	exp := exportOf(t, db)
	var docs []string
	for _, d := range exp.Documents {
		docs = append(docs, d.Source)
	}
	if want := []string{"doha.txt", "next.txt", "rafah.txt"}; !slices.Equal(docs, want) {
		t.Errorf("documents %q, want %q", docs, want)
	}
	for _, name := range []string{"Dana Elkayam", "Eli Mizrahi"} {
		if p := exportPerson(t, exp, name); !slices.Equal(p.Sources, []string{"next.txt"}) || len(p.Aliases) != 1 {
			t.Errorf("%s: aliases %q, sources %q; want only itself from next.txt", name, p.Aliases, p.Sources)
		}
	}
	if res, errs, err := db.IngestBatch(ctx, nil); err != nil || len(res) != 0 || len(errs) != 0 {
		t.Errorf("empty batch = %v, %v, %v", res, errs, err)
	}
}

// countdownCtx is a context that is canceled at the k-th time its Done
// channel is asked for, so that cancellation can be injected at every
// point of a write.
type countdownCtx struct {
	context.Context
	mu   sync.Mutex
	left int
	ch   chan struct{}
}

func newCountdownCtx(k int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), left: k, ch: make(chan struct{})}
}

func (c *countdownCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left > 0 {
		c.left--
		if c.left == 0 {
			close(c.ch)
		}
	}
	return c.ch
}

func (c *countdownCtx) Err() error {
	select {
	case <-c.ch:
		return context.Canceled
	default:
		return nil
	}
}

// stop cancels the context if it has not been.
func (c *countdownCtx) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left > 0 {
		c.left = 0
		close(c.ch)
	}
}

// TestIngestBatchCanceledAnywhere cancels a batch at every point in turn;
// whatever was stored, nothing of what was not may linger in memory: the
// next article's people must be resolved against what the file holds.
func TestIngestBatchCanceledAnywhere(t *testing.T) {
	for k := 1; ; k++ {
		if k > 5000 {
			t.Fatal("batch never completed")
		}
		completed := false
		ok := t.Run(fmt.Sprintf("cancel at %d", k), func(t *testing.T) {
			db := openTestDB(t)
			ingestHand(t, db, handArticle{source: "a1.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
			ctx := newCountdownCtx(k)
			defer ctx.stop()
			batch := []briefing.Extraction{
				handArticle{source: "a2.txt", entities: []briefing.ExtractedEntity{person("Dana Elkayam"), place("Doha", "Qatar")}}.extraction(t),
				handArticle{source: "a3.txt", entities: []briefing.ExtractedEntity{person("Eli Mizrahi", "Mizrahi")}}.extraction(t),
			}
			_, errs, err := db.IngestBatch(ctx, batch)
			completed = err == nil && errs[0] == nil && errs[1] == nil
			ctx.stop()

			// New people arrive, taking whatever ids are free.
			mustIngest(t, db, handArticle{source: "a4.txt", entities: []briefing.ExtractedEntity{
				person("Yael Tamir"), place("Cairo", "Egypt"), person("Omer Golan"), person("Dana Elkayam"), person("Eli Mizrahi"),
			}}.extraction(t))
			exp := exportOf(t, db)
			for _, p := range exp.People {
				for _, a := range p.Aliases {
					if a != p.Name && !(p.Name == "Eli Mizrahi" && a == "Mizrahi") {
						t.Errorf("%s has the alias %q of someone else; people %q", p.Name, a, exportNames(exp))
					}
				}
			}
			if got, want := sortedCopy(exportNames(exp)), []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano", "Omer Golan", "Yael Tamir"}; !slices.Equal(got, want) {
				t.Errorf("people %q, want %q", got, want)
			}
			var places []string
			for _, p := range exp.Places {
				places = append(places, p.Name)
			}
			if !slices.Contains(places, "Cairo") {
				t.Errorf("places %q lack Cairo", places)
			}
		})
		if !ok {
			return
		}
		if completed {
			t.Logf("the batch ran to completion when the cancellation came at check %d", k)
			return
		}
	}
}

// TestIngestAfterCanceledIngest cancels ingests while their transaction is
// open (the clock, read as the document is stored, cancels the context)
// and checks that the database goes on storing articles: a canceled
// request must not break the writer for the ones after it.
func TestIngestAfterCanceledIngest(t *testing.T) {
	var mu sync.Mutex
	var cancelNow context.CancelFunc
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if cancelNow != nil {
			cancelNow()
		}
		return fixedNow()
	}
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "corpus.db"), Options{Lexicon: testLexicon(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const rounds = 100
	for i := range rounds {
		ctx, cancel := context.WithCancel(context.Background())
		mu.Lock()
		cancelNow = cancel
		mu.Unlock()
		canceled := handArticle{source: fmt.Sprintf("canceled-%d.txt", i), entities: []briefing.ExtractedEntity{person("Dana Elkayam")}}
		if _, err := db.Ingest(ctx, canceled.extraction(t)); err == nil {
			t.Fatalf("round %d: Ingest succeeded though its context was canceled", i)
		}
		mu.Lock()
		cancelNow = nil
		mu.Unlock()
		cancel()

		ok := handArticle{source: fmt.Sprintf("ok-%d.txt", i), entities: []briefing.ExtractedEntity{person("Noam Varsano")}}
		if _, err := db.Ingest(context.Background(), ok.extraction(t)); err != nil {
			t.Fatalf("round %d: Ingest after a canceled one failed: %v", i, err)
		}
	}
	if n := countRows(t, db, "documents"); n != rounds {
		t.Errorf("%d documents, want %d", n, rounds)
	}
	exp := exportOf(t, db)
	if got := exportNames(exp); !slices.Equal(got, []string{"Noam Varsano"}) {
		t.Errorf("people %q, want only Noam Varsano", got)
	}
}
