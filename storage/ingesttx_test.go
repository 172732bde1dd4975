package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/internal/syncbuf"
)

// Tests of BeginIngest's transactions (briefing.IngestTx): articles stored
// one by one in a long transaction, each atomically, visible at Commit.

// writerWait bounds how long a write may wait for the writer once it is
// free; writerHeld is how long a write is watched for not going ahead
// while the writer is held.
const (
	writerWait = 10 * time.Second
	writerHeld = 150 * time.Millisecond
)

// withSentence adds a paragraph of one sentence to an extraction, to give
// an article words no other article has.
func withSentence(ex briefing.Extraction, text string) briefing.Extraction {
	ex.Article.Paragraphs = append(slices.Clone(ex.Article.Paragraphs), briefing.Paragraph{Text: text})
	ex.Sentences = append(slices.Clone(ex.Sentences), briefing.Sentence{Paragraph: len(ex.Article.Paragraphs) - 1, Text: text})
	return ex
}

// badQuote makes an article fail in storeQuotes, once its document,
// sentences and people are written: the quote points at no sentence.
var badQuote = briefing.ExtractedQuote{Speaker: 0, Text: "Nothing to add.", Verb: "said", Sentence: 99}

// badFigure makes an article fail in storeFigures, its last step, once
// everything else of it is written.
var badFigure = briefing.Figure{Sentence: 99, Text: "seven", Value: 7, Unit: "trucks"}

// beginTx starts an ingest transaction; it is rolled back when the test
// ends unless it was ended.
func beginTx(t *testing.T, db *DB) briefing.IngestTx {
	t.Helper()
	tx, err := db.BeginIngest(context.Background())
	if err != nil {
		t.Fatalf("BeginIngest: %v", err)
	}
	t.Cleanup(tx.Rollback)
	return tx
}

// mustStore stores an article in tx and fails the test on error.
func mustStore(t *testing.T, tx briefing.IngestTx, ex briefing.Extraction) briefing.IngestResult {
	t.Helper()
	res, err := tx.Store(context.Background(), ex)
	if err != nil {
		t.Fatalf("Store(%s): %v", ex.Article.Source, err)
	}
	return res
}

// mustCommit commits tx and fails the test on error.
func mustCommit(t *testing.T, tx briefing.IngestTx) {
	t.Helper()
	if err := tx.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
}

// assertMentionsAddUp checks that every entity's mention count is the sum
// of its mentions in the articles naming it.
func assertMentionsAddUp(t *testing.T, db *DB) {
	t.Helper()
	rows, err := db.sql.Query(`SELECT e.id, e.name, e.mentions, (SELECT COALESCE(SUM(mentions), 0) FROM entity_documents WHERE entity_id = e.id)
		FROM entities e ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, mentions, sum int64
		var name string
		if err := rows.Scan(&id, &name, &mentions, &sum); err != nil {
			t.Fatal(err)
		}
		if mentions != sum {
			t.Errorf("entity %d (%s): entities.mentions = %d, its articles' mentions add up to %d", id, name, mentions, sum)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// searchSources returns the sources of the sentences Search finds for
// words, sorted.
func searchSources(t *testing.T, db *DB, words string) []string {
	t.Helper()
	hits, err := db.Search(context.Background(), words, 100)
	if err != nil {
		t.Fatalf("Search(%q): %v", words, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.Source.Source)
	}
	slices.Sort(out)
	return out
}

// corpusTables are the tables an article writes to.
var corpusTables = []string{
	"documents", "sentences", "entities", "aliases", "name_keys", "name_words", "roles", "affiliations",
	"entity_documents", "quotes", "meetings", "meeting_participants", "meeting_groups", "meeting_sources",
	"meeting_source_parties", "figures",
}

// dumpCorpus returns every row, ids included, of the tables an article
// writes to and of the search index, each table's rows sorted.
func dumpCorpus(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tab := range append(slices.Clone(corpusTables), "sentences_fts") {
		q := `SELECT * FROM ` + tab
		if tab == "sentences_fts" {
			q = `SELECT rowid, text FROM sentences_fts`
		}
		rows, err := db.sql.Query(q)
		if err != nil {
			t.Fatalf("dump %s: %v", tab, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			lines = append(lines, b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		slices.Sort(lines)
		out[tab] = lines
	}
	return out
}

// assertSameCorpus fails the test when two dumps differ, table by table.
func assertSameCorpus(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for tab, w := range want {
		if g := got[tab]; !slices.Equal(g, w) {
			t.Errorf("%s differs:\ngot  %q\nwant %q", tab, g, w)
		}
	}
}

// goDo runs f on its own goroutine and returns a channel closed when it
// returns.
func goDo(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	return done
}

// waitFor fails the test when done is not closed within writerWait.
func waitFor(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(writerWait):
		t.Fatalf("%s did not return within %v", what, writerWait)
	}
}

// assertWaiting fails the test when done is closed within writerHeld.
func assertWaiting(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
		t.Errorf("%s went ahead while a transaction held the writer", what)
	case <-time.After(writerHeld):
	}
}

// TestIngestTxFailedArticleLeavesNoTrace stores a good article, one that
// fails after writing much of itself (its people, a new name form of a
// known person, a report of the first article's meeting), and one more
// naming the same people, in one transaction. The failed article must
// leave nothing behind, in the file or in the writer's name index: the
// corpus must be row for row what storing the two good articles alone
// makes.
func TestIngestTxFailedArticleLeavesNoTrace(t *testing.T) {
	meeting := func(a, b, place int) briefing.ExtractedMeeting {
		return briefing.ExtractedMeeting{Kind: briefing.InPerson, Participants: []int{a, b}, Place: place, Status: briefing.Held, Sentences: []int{a}}
	}
	articleA := withSentence(handArticle{source: "a.txt", url: "https://news.example.com/a", published: "2024-03-01",
		entities: []briefing.ExtractedEntity{person("Noam Varsano"), person("William Burns", "Burns"), place("Doha", "Qatar")},
		quotes:   []briefing.ExtractedQuote{{Speaker: 1, Text: "Talks go on.", Verb: "said", Sentence: 1}},
		meetings: []briefing.ExtractedMeeting{meeting(0, 1, 2)},
	}.extraction(t), "Alphaword talks resumed in the capital.")
	articleC := withSentence(handArticle{source: "c.txt", published: "2024-03-03",
		entities: []briefing.ExtractedEntity{person("Eli Mizrahi"), person("Noam Varsano"), person("Burns"),
			place("Cairo", "Egypt"), person("Dana Elkayam"), place("Doha", "Qatar")},
		quotes:   []briefing.ExtractedQuote{{Speaker: 4, Text: "We are hopeful.", Verb: "said", Sentence: 4}},
		meetings: []briefing.ExtractedMeeting{meeting(1, 2, 5), meeting(0, 4, 3)},
	}.extraction(t), "Gammaword talks ended without a deal.")
	badB := func(fail func(*briefing.Extraction)) briefing.Extraction {
		ex := withSentence(handArticle{source: "b.txt", url: "https://news.example.com/b", published: "2024-03-02",
			entities: []briefing.ExtractedEntity{person("Noam Varsano", "Varsano"), person("Dana Elkayam"), place("Cairo", "Egypt"),
				person("William Burns"), place("Doha", "Qatar")},
			quotes:   []briefing.ExtractedQuote{{Speaker: 1, Text: "Not yet.", Verb: "said", Sentence: 1}},
			meetings: []briefing.ExtractedMeeting{meeting(0, 3, 4), meeting(0, 1, 2)},
		}.extraction(t), "Betaword talks collapsed overnight.")
		ex.Figures = []briefing.Figure{{Sentence: 5, Text: "two", Value: 2, Unit: "rounds"}}
		fail(&ex)
		return ex
	}
	tests := []struct {
		name string
		bad  briefing.Extraction
	}{
		{"fails at its quotes", badB(func(ex *briefing.Extraction) { ex.Quotes = append(ex.Quotes, badQuote) })},
		{"fails at its figures, last", badB(func(ex *briefing.Extraction) { ex.Figures = append(ex.Figures, badFigure) })},
	}

	// What storing A and C alone makes.
	ref := openTestDB(t)
	tx := beginTx(t, ref)
	mustStore(t, tx, articleA)
	mustStore(t, tx, articleC)
	mustCommit(t, tx)
	want := dumpCorpus(t, ref)

	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			tx := beginTx(t, db)
			if res := mustStore(t, tx, articleA); res.Duplicate || res.DocumentID == 0 {
				t.Errorf("Store(a.txt) = %+v", res)
			}
			res, err := tx.Store(context.Background(), tc.bad)
			if err == nil {
				t.Fatalf("Store(b.txt) = %+v, want an error", res)
			}
			if res != (briefing.IngestResult{}) {
				t.Errorf("failed Store(b.txt) reports %+v", res)
			}
			if res := mustStore(t, tx, articleC); res.Duplicate || res.People != 4 {
				t.Errorf("Store(c.txt) after a failed article = %+v", res)
			}
			mustCommit(t, tx)

			assertSameCorpus(t, dumpCorpus(t, db), want)
			// Explicitly, besides the dump: what only the failed article had.
			for what, q := range map[string]string{
				"documents":                     `SELECT COUNT(*) FROM documents WHERE source = 'b.txt' OR url = 'https://news.example.com/b'`,
				"sentences":                     `SELECT COUNT(*) FROM sentences WHERE text LIKE '%Betaword%'`,
				"quotes":                        `SELECT COUNT(*) FROM quotes WHERE text IN ('Not yet.', 'Nothing to add.')`,
				"figures":                       `SELECT COUNT(*) FROM figures WHERE unit IN ('rounds', 'trucks')`,
				"aliases":                       `SELECT COUNT(*) FROM aliases WHERE alias = 'Varsano'`,
				"meetings of Noam and Dana":     `SELECT COUNT(*) FROM meeting_participants a JOIN meeting_participants b ON a.meeting_id = b.meeting_id JOIN entities x ON x.id = a.entity_id JOIN entities y ON y.id = b.entity_id WHERE x.name = 'Noam Varsano' AND y.name = 'Dana Elkayam'`,
				"reports of Noam and Dana":      `SELECT COUNT(*) FROM meeting_source_parties a JOIN meeting_source_parties b ON a.meeting_id = b.meeting_id AND a.document_id = b.document_id JOIN entities x ON x.id = a.entity_id JOIN entities y ON y.id = b.entity_id WHERE x.name = 'Noam Varsano' AND y.name = 'Dana Elkayam'`,
				"Dana Elkayam outside c.txt":    `SELECT COUNT(*) FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id JOIN documents d ON d.id = ed.document_id WHERE e.name = 'Dana Elkayam' AND d.source <> 'c.txt'`,
				"Noam Varsano reports of b.txt": `SELECT COUNT(*) FROM meeting_sources s JOIN documents d ON d.id = s.document_id WHERE d.source NOT IN ('a.txt', 'c.txt')`,
			} {
				var n int
				if err := db.sql.QueryRow(q).Scan(&n); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if n != 0 {
					t.Errorf("%s: %d rows of the failed article", what, n)
				}
			}
			exp := exportOf(t, db)
			if got, want := sortedCopy(exportNames(exp)), []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano", "William Burns"}; !slices.Equal(got, want) {
				t.Errorf("people %q, want %q", got, want)
			}
			checkPeople(t, exp, []wantPerson{
				{"Noam Varsano", []string{"Noam Varsano"}, []string{"a.txt", "c.txt"}},
				{"William Burns", []string{"Burns", "William Burns"}, []string{"a.txt", "c.txt"}},
				{"Dana Elkayam", []string{"Dana Elkayam"}, []string{"c.txt"}},
				{"Eli Mizrahi", []string{"Eli Mizrahi"}, []string{"c.txt"}},
			})
			checkPlaces(t, exp, "Cairo/Egypt", "Doha/Qatar")
			assertMentionsAddUp(t, db)
			for word, want := range map[string][]string{
				"alphaword": {"a.txt"}, "betaword": nil, "gammaword": {"c.txt"}, "talks": {"a.txt", "c.txt"},
			} {
				if got := searchSources(t, db, word); !slices.Equal(got, want) {
					t.Errorf("Search(%q) finds sentences of %q, want %q", word, got, want)
				}
			}
		})
	}
}

// openLoggedDB opens a fresh database whose debug log is kept.
func openLoggedDB(t *testing.T) (*DB, *syncbuf.Buffer) {
	t.Helper()
	log := &syncbuf.Buffer{}
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "corpus.db"), Options{
		Lexicon: testLexicon(t), Now: fixedNow,
		Logger: slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, log
}

// wantMentions is where a person should be found and how often.
type wantMentions struct {
	sources  []string
	mentions int
}

// TestIngestTxMentionsAcrossMerges stores articles in which one person
// is known by two short forms ("Sheikh Tamim", "Al-Thani") that only the
// full name joins: the full name takes over one and the other is merged
// into it, in the middle of a transaction. The mention counts must add
// up afterwards, whichever articles were committed before and whichever
// came in the same transaction, before or after the merge. Where the
// person merged away had the highest id, the next new person (Dana
// Elkayam) is given that id again: her articles and mentions must stay
// hers, not follow the merge.
func TestIngestTxMentionsAcrossMerges(t *testing.T) {
	const full = "Tamim bin Hamad Al-Thani"
	type art struct {
		forms [][]string // per person, the written forms
		fail  bool       // the article fails (at its quotes)
	}
	tests := []struct {
		name      string
		committed []art // stored and committed first, one article each
		tx        []art // then stored in one transaction
		mentions  int   // the full name's mentions at the end
	}{
		{
			name: "short forms, merge and more mentions all in the transaction",
			tx: []art{
				{forms: [][]string{{"Sheikh Tamim"}, {"Noam Varsano"}}},
				{forms: [][]string{{"Al-Thani"}, {"Noam Varsano"}}},
				{forms: [][]string{{full, "Al-Thani"}, {"Dana Elkayam"}}},
				{forms: [][]string{{"Al-Thani"}, {"Sheikh Tamim"}}},
				{forms: [][]string{{full}}},
			},
			mentions: 1 + 1 + 2 + 2 + 1,
		},
		{
			name:      "short forms committed, the merge in the transaction",
			committed: []art{{forms: [][]string{{"Sheikh Tamim"}}}, {forms: [][]string{{"Al-Thani"}, {"Noam Varsano"}}}},
			tx: []art{
				{forms: [][]string{{"Sheikh Tamim"}, {"Noam Varsano"}}},
				{forms: [][]string{{full}, {"Noam Varsano"}}},
				{forms: [][]string{{"Al-Thani"}}},
			},
			mentions: 1 + 1 + 1 + 1 + 1,
		},
		{
			name: "short forms and the full name in one article",
			committed: []art{
				{forms: [][]string{{"Sheikh Tamim"}}},
			},
			tx: []art{
				{forms: [][]string{{"Al-Thani"}}},
				{forms: [][]string{{"Sheikh Tamim"}, {"Al-Thani"}, {full}}},
				{forms: [][]string{{"Sheikh Tamim", full}}},
			},
			mentions: 1 + 1 + 3 + 2,
		},
		{
			name: "a merge in a failed article, then for real",
			tx: []art{
				{forms: [][]string{{"Sheikh Tamim"}}},
				{forms: [][]string{{"Al-Thani"}}},
				{forms: [][]string{{full}, {"Dana Elkayam"}}, fail: true},
				{forms: [][]string{{"Al-Thani"}}},
				{forms: [][]string{{full}, {"Dana Elkayam"}}},
				{forms: [][]string{{"Sheikh Tamim"}}},
			},
			mentions: 1 + 1 + 1 + 1 + 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db, log := openLoggedDB(t)
			// The others' articles and mentions, as the articles give them.
			others := map[string]*wantMentions{}
			n := 0
			article := func(a art) briefing.Extraction {
				n++
				h := handArticle{source: fmt.Sprintf("a%d.txt", n), published: fmt.Sprintf("2024-03-%02d", n)}
				for _, f := range a.forms {
					h.entities = append(h.entities, person(f...))
					if tamim := slices.ContainsFunc(f, func(s string) bool { return strings.Contains(s, "Tamim") || strings.Contains(s, "Al-Thani") }); !tamim && !a.fail {
						w := others[f[0]]
						if w == nil {
							w = &wantMentions{}
							others[f[0]] = w
						}
						w.sources = append(w.sources, h.source)
						w.mentions += len(f)
					}
				}
				if a.fail {
					h.quotes = []briefing.ExtractedQuote{badQuote}
				}
				return h.extraction(t)
			}
			for _, a := range tc.committed {
				mustIngest(t, db, article(a))
			}
			merges := log.Count("people merged")
			tx := beginTx(t, db)
			for _, a := range tc.tx {
				ex := article(a)
				if _, err := tx.Store(context.Background(), ex); (err != nil) != a.fail {
					t.Fatalf("Store(%s): %v", ex.Article.Source, err)
				}
			}
			mustCommit(t, tx)
			if log.Count("people merged") == merges {
				t.Fatal("no merge in the transaction: the test no longer tests what it is for")
			}

			assertMentionsAddUp(t, db)
			exp := exportOf(t, db)
			for _, name := range exportNames(exp) {
				if name == "Sheikh Tamim" || name == "Al-Thani" {
					t.Errorf("%q is still a person of its own; people %q", name, exportNames(exp))
				}
			}
			p, err := db.Person(context.Background(), personID(t, db, full))
			if err != nil {
				t.Fatal(err)
			}
			if p.Mentions != tc.mentions {
				t.Errorf("%s: %d mentions, want %d", full, p.Mentions, tc.mentions)
			}
			for name, w := range others {
				p, err := db.Person(context.Background(), personID(t, db, name))
				if err != nil {
					t.Fatal(err)
				}
				var docs []string
				for _, d := range p.Documents {
					docs = append(docs, d.Source)
				}
				if !slices.Equal(sortedCopy(docs), w.sources) || p.Mentions != w.mentions {
					t.Errorf("%s: %d mentions in %q, want %d in %q", name, p.Mentions, docs, w.mentions, w.sources)
				}
			}
			var total, forms int
			if err := db.sql.QueryRow(`SELECT COALESCE(SUM(mentions), 0) FROM entities WHERE kind = 'person'`).Scan(&total); err != nil {
				t.Fatal(err)
			}
			for _, a := range append(slices.Clone(tc.committed), tc.tx...) {
				for _, f := range a.forms {
					if !a.fail {
						forms += len(f)
					}
				}
			}
			if total != forms {
				t.Errorf("people have %d mentions in all, the stored articles name them %d times", total, forms)
			}
		})
	}
}

// TestIngestTxDuplicates stores, in one open transaction, an article and
// then a copy of it (the same content, or the same address): the copy is
// a duplicate of the first though the first is not committed yet. An
// article that failed earlier in the transaction is no original.
func TestIngestTxDuplicates(t *testing.T) {
	const url = "https://news.example.com/2024/03/21/doha-talks"
	failed := handArticle{source: "failed.txt", url: url, entities: []briefing.ExtractedEntity{person("Dana Elkayam")},
		quotes: []briefing.ExtractedQuote{badQuote}}.extraction(t)
	tests := []struct {
		name   string
		before []briefing.Extraction // stored first in the transaction, failing or not
		first  briefing.Extraction
		second briefing.Extraction
		dupOf  string // "" when second is no duplicate
	}{
		{
			name:   "same content under another name",
			first:  extractText(t, "doha.txt", dohaArticle),
			second: extractText(t, "copy-of-doha.md", dohaArticle),
			dupOf:  "doha.txt",
		},
		{
			name:   "same extraction again",
			first:  extractText(t, "doha.txt", dohaArticle),
			second: extractText(t, "doha.txt", dohaArticle),
			dupOf:  "doha.txt",
		},
		{
			name:   "same URL with other content",
			first:  extractText(t, url, dohaArticle),
			second: extractText(t, url, rafahArticle),
			dupOf:  url,
		},
		{
			name:   "an article failed with the same URL",
			before: []briefing.Extraction{failed},
			first:  extractText(t, "rafah.txt", rafahArticle),
			second: extractText(t, url, dohaArticle),
		},
		{
			name:   "an article failed with the same content",
			before: []briefing.Extraction{withSentence(failed, "Failed article text.")},
			first:  extractText(t, "rafah.txt", rafahArticle),
			second: func() briefing.Extraction {
				ex := handArticle{source: "retry.txt", entities: []briefing.ExtractedEntity{person("Dana Elkayam")}}.extraction(t)
				ex.Hash = failed.Hash
				return ex
			}(),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			tx := beginTx(t, db)
			for _, ex := range tc.before {
				if _, err := tx.Store(context.Background(), ex); err == nil {
					t.Fatalf("Store(%s) succeeded, want it to fail", ex.Article.Source)
				}
			}
			first := mustStore(t, tx, tc.first)
			if first.Duplicate {
				t.Fatalf("first Store is a duplicate: %+v", first)
			}
			res := mustStore(t, tx, tc.second)
			if res.Duplicate != (tc.dupOf != "") || res.DuplicateOf != tc.dupOf {
				t.Errorf("second Store = %+v, want duplicate of %q", res, tc.dupOf)
			}
			if res.Duplicate && res.DocumentID != 0 && res.DocumentID != first.DocumentID {
				t.Errorf("duplicate reports document %d, the original is %d", res.DocumentID, first.DocumentID)
			}
			mustCommit(t, tx)
			var docs []string
			for _, d := range exportOf(t, db).Documents {
				docs = append(docs, d.Source)
			}
			want := []string{tc.first.Article.Source}
			if tc.dupOf == "" {
				want = append(want, tc.second.Article.Source)
			}
			if !slices.Equal(sortedCopy(docs), sortedCopy(want)) {
				t.Errorf("documents %q, want %q", docs, want)
			}
			assertMentionsAddUp(t, db)
		})
	}
}

// TestIngestTxRollback stores articles and rolls the transaction back:
// nothing of them is stored or found, and the next transaction resolves
// names against what the file holds, not against the rolled-back people.
func TestIngestTxRollback(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "first.txt", published: "2024-03-01",
		entities: []briefing.ExtractedEntity{person("Noam Varsano"), place("Cairo", "Egypt")}})
	before := dumpCorpus(t, db)
	beforeSnap := takeSnapshot(t, db)

	tx := beginTx(t, db)
	mustStore(t, tx, withSentence(handArticle{source: "gone1.txt", published: "2024-03-02",
		entities: []briefing.ExtractedEntity{person("Noam Varsano", "Varsano"), person("Dana Elkayam"), place("Doha", "Qatar")},
		quotes:   []briefing.ExtractedQuote{{Speaker: 1, Text: "We wait.", Verb: "said", Sentence: 1}},
		meetings: []briefing.ExtractedMeeting{{Kind: briefing.InPerson, Participants: []int{0, 1}, Place: 2, Status: briefing.Held, Sentences: []int{0}}},
	}.extraction(t), "Deltaword rolled back."))
	mustStore(t, tx, handArticle{source: "gone2.txt", entities: []briefing.ExtractedEntity{person("Eli Mizrahi", "Mizrahi")}}.extraction(t))
	tx.Rollback()

	assertSameCorpus(t, dumpCorpus(t, db), before)
	beforeSnap.assertSame(t, takeSnapshot(t, db))
	for _, w := range []string{"deltaword", "elkayam", "mizrahi"} {
		if got := searchSources(t, db, w); len(got) != 0 {
			t.Errorf("Search(%q) after Rollback finds %q", w, got)
		}
	}
	if cands, err := db.PeopleByPrefix(ctx, "elkayam", 10); err != nil || len(cands) != 0 {
		t.Errorf("PeopleByPrefix(elkayam) after Rollback = %v, %v", cands, err)
	}

	// New people take the rolled-back ids first; the rolled-back people
	// come back after them and must be taken for no one else.
	tx = beginTx(t, db)
	res := mustStore(t, tx, handArticle{source: "next.txt", published: "2024-03-03",
		entities: []briefing.ExtractedEntity{person("Omer Golan"), place("Jerusalem", "Israel"), person("Yael Tamir"), person("Dana Elkayam"),
			person("Eli Mizrahi"), place("Doha", "Qatar"), person("Varsano")}}.extraction(t))
	if res.Duplicate || res.People != 5 {
		t.Errorf("Store after a rollback = %+v", res)
	}
	mustCommit(t, tx)

	exp := exportOf(t, db)
	if got, want := sortedCopy(exportNames(exp)), []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano", "Omer Golan", "Yael Tamir"}; !slices.Equal(got, want) {
		t.Errorf("people %q, want %q", got, want)
	}
	checkPeople(t, exp, []wantPerson{
		{"Dana Elkayam", []string{"Dana Elkayam"}, []string{"next.txt"}},
		{"Eli Mizrahi", []string{"Eli Mizrahi"}, []string{"next.txt"}},
		{"Omer Golan", []string{"Omer Golan"}, []string{"next.txt"}},
		{"Noam Varsano", []string{"Noam Varsano", "Varsano"}, []string{"first.txt", "next.txt"}},
	})
	checkPlaces(t, exp, "Cairo/Egypt", "Doha/Qatar", "Jerusalem/Israel")
	if n := countRows(t, db, "meetings"); n != 0 {
		t.Errorf("%d meetings, want none: the one reported was rolled back", n)
	}
	assertMentionsAddUp(t, db)
	if got := searchSources(t, db, "elkayam"); !slices.Equal(got, []string{"next.txt"}) {
		t.Errorf("Search(elkayam) = %q, want next.txt", got)
	}
}

// TestIngestTxEnded uses a transaction after it ended: Store and Commit
// fail, Rollback does nothing, and in particular none of them touches the
// writer, which is free for the next transaction and then held by it.
func TestIngestTxEnded(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		end    func(*testing.T, briefing.IngestTx) error
		stored bool
	}{
		{"after Commit", func(t *testing.T, tx briefing.IngestTx) error { return tx.Commit() }, true},
		{"after Rollback", func(t *testing.T, tx briefing.IngestTx) error { tx.Rollback(); return nil }, false},
		{"after Rollback twice", func(t *testing.T, tx briefing.IngestTx) error { tx.Rollback(); tx.Rollback(); return nil }, false},
		{"after a failed Commit", func(t *testing.T, tx briefing.IngestTx) error {
			canceled, cancel := context.WithCancel(context.Background())
			cancel()
			tx.Store(canceled, handArticle{source: "never.txt"}.extraction(t))
			if err := tx.Commit(); err == nil {
				return errors.New("Commit of a broken transaction succeeded")
			}
			return nil
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			tx := beginTx(t, db)
			mustStore(t, tx, handArticle{source: "one.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}}.extraction(t))
			if err := tc.end(t, tx); err != nil {
				t.Fatal(err)
			}
			two := handArticle{source: "two.txt", entities: []briefing.ExtractedEntity{person("Dana Elkayam")}}.extraction(t)
			afterEnd := func(when string) {
				t.Helper()
				if res, err := tx.Store(ctx, two); err == nil || !errors.Is(err, errIngestEnded) {
					t.Errorf("Store %s = %+v, %v; want the ended transaction's error", when, res, err)
				}
				if err := tx.Commit(); err == nil || !errors.Is(err, errIngestEnded) {
					t.Errorf("Commit %s = %v; want the ended transaction's error", when, err)
				}
				tx.Rollback()
			}
			afterEnd("after the end")

			// The writer is free: a new transaction begins.
			var next briefing.IngestTx
			var err error
			waitFor(t, goDo(func() { next, err = db.BeginIngest(ctx) }), "BeginIngest after the end")
			if err != nil {
				t.Fatalf("BeginIngest after the end: %v", err)
			}
			t.Cleanup(next.Rollback)
			// The ended transaction must not end or use the new one.
			afterEnd("while another transaction is open")
			var batchErr error
			batch := goDo(func() {
				var errs []error
				_, errs, batchErr = db.IngestBatch(ctx, []briefing.Extraction{
					handArticle{source: "three.txt", entities: []briefing.ExtractedEntity{person("Omer Golan")}}.extraction(t)})
				batchErr = errors.Join(batchErr, errors.Join(errs...))
			})
			assertWaiting(t, batch, "IngestBatch")
			mustStore(t, next, two)
			mustCommit(t, next)
			waitFor(t, batch, "IngestBatch after Commit")
			if batchErr != nil {
				t.Fatalf("IngestBatch: %v", batchErr)
			}
			var docs []string
			for _, d := range exportOf(t, db).Documents {
				docs = append(docs, d.Source)
			}
			want := []string{"three.txt", "two.txt"}
			if tc.stored {
				want = []string{"one.txt", "three.txt", "two.txt"}
			}
			if !slices.Equal(sortedCopy(docs), want) {
				t.Errorf("documents %q, want %q", docs, want)
			}
			assertMentionsAddUp(t, db)
		})
	}
}

// TestIngestTxCanceledStore passes Store a canceled context: the
// transaction is broken, Store and Commit keep failing, nothing it stored
// is kept, and the writer is free afterwards.
func TestIngestTxCanceledStore(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "first.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})
	before := dumpCorpus(t, db)

	a := withSentence(handArticle{source: "a.txt", entities: []briefing.ExtractedEntity{person("Noam Varsano", "Varsano"), person("Dana Elkayam")}}.extraction(t),
		"Alphaword before the cancellation.")
	b := handArticle{source: "b.txt", entities: []briefing.ExtractedEntity{person("Eli Mizrahi")}}.extraction(t)
	c := handArticle{source: "c.txt", entities: []briefing.ExtractedEntity{person("Omer Golan")}}.extraction(t)

	tx := beginTx(t, db)
	mustStore(t, tx, a)
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	_, err := tx.Store(canceled, b)
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Store with a canceled context = %v, want an error wrapping context.Canceled", err)
	}
	if _, err := tx.Store(ctx, c); err == nil {
		t.Error("Store after a canceled Store succeeded")
	}
	if err := tx.Commit(); err == nil {
		t.Error("Commit after a canceled Store succeeded")
	} else if !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after a canceled Store: %v, want the cancellation", err)
	}
	tx.Rollback()

	assertSameCorpus(t, dumpCorpus(t, db), before)
	if got := searchSources(t, db, "alphaword"); len(got) != 0 {
		t.Errorf("Search(alphaword) finds %q of a broken transaction", got)
	}

	// The writer is free and resolves against the file.
	var res []briefing.IngestResult
	var errs []error
	waitFor(t, goDo(func() { res, errs, err = db.IngestBatch(ctx, []briefing.Extraction{c, b, a}) }), "IngestBatch after a broken transaction")
	if err := errors.Join(append(errs, err)...); err != nil {
		t.Fatalf("IngestBatch after a broken transaction: %v", err)
	}
	for i, r := range res {
		if r.Duplicate {
			t.Errorf("article %d refused after the broken transaction: %+v", i, r)
		}
	}
	exp := exportOf(t, db)
	if got, want := sortedCopy(exportNames(exp)), []string{"Dana Elkayam", "Eli Mizrahi", "Noam Varsano", "Omer Golan"}; !slices.Equal(got, want) {
		t.Errorf("people %q, want %q", got, want)
	}
	if p := exportPerson(t, exp, "Noam Varsano"); !slices.Equal(sortedCopy(p.Sources), []string{"a.txt", "first.txt"}) {
		t.Errorf("Noam Varsano: sources %q", p.Sources)
	}
	assertMentionsAddUp(t, db)
}

// TestIngestTxInvisibleUntilCommit reads the corpus while a transaction
// is open: readers do not wait for it and do not see its articles; other
// writes wait for it. After Commit everything is there.
func TestIngestTxInvisibleUntilCommit(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db, handArticle{source: "first.txt", published: "2024-03-01", entities: []briefing.ExtractedEntity{person("Noam Varsano")}})

	tx := beginTx(t, db)
	for _, h := range []handArticle{
		{source: "a.txt", published: "2024-03-02", entities: []briefing.ExtractedEntity{person("Dana Elkayam"), person("Noam Varsano")}},
		{source: "b.txt", published: "2024-03-03", entities: []briefing.ExtractedEntity{person("Eli Mizrahi")}},
	} {
		mustStore(t, tx, withSentence(h.extraction(t), "Zetaword in "+h.source+"."))
	}

	type view struct {
		sources   []string
		total     int
		zeta      []string
		people    []string
		noamDocs  int
		documents int
	}
	read := func() view {
		t.Helper()
		var v view
		var done <-chan struct{}
		var errs []error
		done = goDo(func() {
			srcs, total, err := db.Sources(ctx, 10)
			errs = append(errs, err)
			for _, s := range srcs {
				v.sources = append(v.sources, s.Source)
			}
			slices.Sort(v.sources)
			v.total = total
			hits, err := db.Search(ctx, "zetaword", 10)
			errs = append(errs, err)
			for _, h := range hits {
				v.zeta = append(v.zeta, h.Source.Source)
			}
			slices.Sort(v.zeta)
			for _, prefix := range []string{"elkayam", "mizrahi", "varsano"} {
				cands, err := db.PeopleByPrefix(ctx, prefix, 10)
				errs = append(errs, err)
				for _, c := range cands {
					v.people = append(v.people, c.Name)
				}
			}
			slices.Sort(v.people)
			ids, err := db.ids(ctx, `SELECT id FROM entities WHERE kind = 'person' AND name = 'Noam Varsano'`)
			errs = append(errs, err)
			if len(ids) == 1 {
				p, err := db.Person(ctx, ids[0])
				errs = append(errs, err)
				v.noamDocs = len(p.Documents)
			}
			errs = append(errs, db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&v.documents))
		})
		waitFor(t, done, "reading while a transaction is open")
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("reading: %v", err)
		}
		return v
	}

	v := read()
	if !slices.Equal(v.sources, []string{"first.txt"}) || v.total != 1 || v.documents != 1 {
		t.Errorf("Sources while the transaction is open: %q of %d (%d documents), want first.txt alone", v.sources, v.total, v.documents)
	}
	if len(v.zeta) != 0 {
		t.Errorf("Search finds the open transaction's sentences in %q", v.zeta)
	}
	if !slices.Equal(v.people, []string{"Noam Varsano"}) || v.noamDocs != 1 {
		t.Errorf("people while the transaction is open: %q, Noam Varsano in %d articles; want only the committed", v.people, v.noamDocs)
	}

	// Another write waits for the transaction.
	var batchErr error
	batch := goDo(func() {
		var errs []error
		_, errs, batchErr = db.IngestBatch(ctx, []briefing.Extraction{
			handArticle{source: "c.txt", published: "2024-03-04", entities: []briefing.ExtractedEntity{person("Dana Elkayam")}}.extraction(t)})
		batchErr = errors.Join(batchErr, errors.Join(errs...))
	})
	assertWaiting(t, batch, "IngestBatch")

	mustCommit(t, tx)
	v = read()
	if !slices.Equal(v.zeta, []string{"a.txt", "b.txt"}) {
		t.Errorf("Search after Commit finds %q, want a.txt and b.txt", v.zeta)
	}
	if !slices.Contains(v.sources, "a.txt") || !slices.Contains(v.sources, "b.txt") {
		t.Errorf("Sources after Commit: %q", v.sources)
	}
	if !slices.Contains(v.people, "Dana Elkayam") || !slices.Contains(v.people, "Eli Mizrahi") || v.noamDocs != 2 {
		t.Errorf("people after Commit: %q, Noam Varsano in %d articles", v.people, v.noamDocs)
	}
	waitFor(t, batch, "IngestBatch after Commit")
	if batchErr != nil {
		t.Fatalf("IngestBatch: %v", batchErr)
	}
	v = read()
	if !slices.Equal(v.sources, []string{"a.txt", "b.txt", "c.txt", "first.txt"}) || v.total != 4 {
		t.Errorf("Sources at the end: %q of %d", v.sources, v.total)
	}
	exp := exportOf(t, db)
	if p := exportPerson(t, exp, "Dana Elkayam"); !slices.Equal(sortedCopy(p.Sources), []string{"a.txt", "c.txt"}) {
		t.Errorf("Dana Elkayam: sources %q", p.Sources)
	}
	assertMentionsAddUp(t, db)
}

// checkPlaces checks an export's places, as name/country, in any order.
func checkPlaces(t *testing.T, exp briefing.Export, want ...string) {
	t.Helper()
	var places []string
	for _, p := range exp.Places {
		places = append(places, p.Name+"/"+p.Country)
	}
	if got := sortedCopy(places); !slices.Equal(got, sortedCopy(want)) {
		t.Errorf("places %q, want %q", places, want)
	}
}
