package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/normalize"
	"briefbot/corpus"
)

// The seed corpus's file names, in name order.
const (
	seed000 = "000_619e3d11a67195ae.txt"
	seed001 = "001_01289765024a45e3.txt"
	seed002 = "002_9ca1e063e595d5e0.txt"
	seed003 = "003_17d541fd9fb80723.txt"
	seed004 = "004_96a133d52f3f5cc3.txt"
)

var loadLexicon = sync.OnceValues(lexicon.Load)

// testLexicon returns the embedded lexicon, loaded once.
func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := loadLexicon()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	return lex
}

// fixedNow is the clock of every test database.
func fixedNow() time.Time { return time.Date(2024, time.April, 2, 9, 30, 0, 0, time.UTC) }

// openAt opens (creating) the database at path with the test lexicon and
// clock, and closes it when the test ends.
func openAt(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path, Options{Lexicon: testLexicon(t), Now: fixedNow})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openTestDB opens a fresh database file in a temporary directory.
func openTestDB(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "corpus.db"))
}

// extractText runs the real pipeline (normalise, extract) on an article
// written in the test.
func extractText(t testing.TB, source, text string) briefing.Extraction {
	t.Helper()
	a, err := normalize.Normalize(source, []byte(text), normalize.Options{})
	if err != nil {
		t.Fatalf("normalize %s: %v", source, err)
	}
	return extract.New(testLexicon(t)).Extract(a)
}

// mustIngest stores an extraction and fails the test on error.
func mustIngest(t testing.TB, db *DB, ex briefing.Extraction) briefing.IngestResult {
	t.Helper()
	res, err := db.Ingest(context.Background(), ex)
	if err != nil {
		t.Fatalf("Ingest(%s): %v", ex.Article.Source, err)
	}
	return res
}

// seedExtractions reads the sample corpus, in name order, through the
// real pipeline.
func seedExtractions(t testing.TB) []briefing.Extraction {
	t.Helper()
	entries, err := fs.ReadDir(corpus.Seeds(), ".")
	if err != nil {
		t.Fatalf("read seeds: %v", err)
	}
	var out []briefing.Extraction
	for _, e := range entries {
		data, err := fs.ReadFile(corpus.Seeds(), e.Name())
		if err != nil {
			t.Fatalf("read seed %s: %v", e.Name(), err)
		}
		a, err := normalize.Normalize(e.Name(), data, normalize.Options{})
		if err != nil {
			t.Fatalf("normalize %s: %v", e.Name(), err)
		}
		out = append(out, extract.New(testLexicon(t)).Extract(a))
	}
	if len(out) != 5 {
		t.Fatalf("seed corpus has %d articles, want 5", len(out))
	}
	return out
}

// seedDB returns a fresh database holding the five seed articles.
func seedDB(t testing.TB) *DB {
	t.Helper()
	db := openTestDB(t)
	for _, ex := range seedExtractions(t) {
		if res := mustIngest(t, db, ex); res.Duplicate {
			t.Fatalf("seed %s ingested as a duplicate of %s", ex.Article.Source, res.DuplicateOf)
		}
	}
	return db
}

// allTables lists every table of the schema with rows: the corpus's, the
// digests' and the migrations'.
var allTables = []string{
	"documents", "sentences", "sentences_fts", "entities", "aliases", "name_keys", "name_words",
	"roles", "affiliations", "entity_documents", "quotes", "meetings",
	"meeting_participants", "meeting_groups", "meeting_sources", "meeting_source_parties", "figures",
	"digest_channels", "digest_subscriptions", "digest_runs", "digest_facts",
	"schema_migrations",
}

// tableCounts returns the row count of every table.
func tableCounts(t testing.TB, db *DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tab := range allTables {
		out[tab] = countRows(t, db, tab)
	}
	return out
}

func countRows(t testing.TB, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// exportJSON returns the database's export as indented JSON.
func exportJSON(t testing.TB, db *DB) []byte {
	t.Helper()
	ex, err := db.Export(context.Background())
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	b, err := json.MarshalIndent(ex, "", "  ")
	if err != nil {
		t.Fatalf("marshal export: %v", err)
	}
	return b
}

// exportOf returns the database's export.
func exportOf(t testing.TB, db *DB) briefing.Export {
	t.Helper()
	ex, err := db.Export(context.Background())
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return ex
}

// exportPerson returns the exported person with the canonical name, and
// fails the test when there is not exactly one.
func exportPerson(t testing.TB, ex briefing.Export, name string) briefing.ExportPerson {
	t.Helper()
	var found []briefing.ExportPerson
	for _, p := range ex.People {
		if p.Name == name {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("export has %d people named %q, want 1; people: %v", len(found), name, exportNames(ex))
	}
	return found[0]
}

// exportNames lists the canonical names of the exported people.
func exportNames(ex briefing.Export) []string {
	out := make([]string, 0, len(ex.People))
	for _, p := range ex.People {
		out = append(out, p.Name)
	}
	return out
}

// personID returns the id of the one person with the canonical name.
func personID(t testing.TB, db *DB, name string) int64 {
	t.Helper()
	ids, err := db.ids(context.Background(), `SELECT id FROM entities WHERE kind = 'person' AND name = ?`, name)
	if err != nil {
		t.Fatalf("find %q: %v", name, err)
	}
	if len(ids) != 1 {
		var all []string
		all, _ = db.strings(context.Background(), `SELECT name FROM entities WHERE kind = 'person' ORDER BY name`)
		t.Fatalf("%d people named %q, want 1; people: %q", len(ids), name, all)
	}
	return ids[0]
}

// date parses an ISO date; "" is the zero date.
func date(t testing.TB, s string) briefing.Date {
	t.Helper()
	if s == "" {
		return briefing.Date{}
	}
	d, err := briefing.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// handArticle builds extractions by hand, for precise control of what
// storage is given. Each entity gets one sentence naming it.
type handArticle struct {
	source    string
	url       string
	published string // YYYY-MM-DD or ""
	entities  []briefing.ExtractedEntity
	meetings  []briefing.ExtractedMeeting
	quotes    []briefing.ExtractedQuote
}

// person is a person entity with the written forms of its name; the first
// is its Name.
func person(forms ...string) briefing.ExtractedEntity {
	return briefing.ExtractedEntity{Kind: briefing.KindPerson, Name: forms[0], Aliases: forms}
}

// place is a place entity lying in country.
func place(name, country string) briefing.ExtractedEntity {
	return briefing.ExtractedEntity{Kind: briefing.KindPlace, Name: name, Aliases: []string{name}, Country: country}
}

func (h handArticle) extraction(t testing.TB) briefing.Extraction {
	t.Helper()
	a := briefing.Article{Source: h.source, URL: h.url, Title: "Report " + h.source, Published: date(t, h.published)}
	ex := briefing.Extraction{}
	for i, e := range h.entities {
		text := "This sentence names " + e.Name + "."
		if e.Kind == briefing.KindPerson {
			text = strings.Join(e.Aliases, " and ") + " were named here."
		}
		a.Paragraphs = append(a.Paragraphs, briefing.Paragraph{Text: text})
		ex.Sentences = append(ex.Sentences, briefing.Sentence{Paragraph: i, Text: text})
		for _, f := range e.Aliases {
			e.Mentions = append(e.Mentions, briefing.Mention{Sentence: i, Text: f, Via: briefing.ByName})
		}
		ex.Entities = append(ex.Entities, e)
	}
	if len(a.Paragraphs) == 0 {
		a.Paragraphs = []briefing.Paragraph{{Text: "Nothing much happened."}}
		ex.Sentences = []briefing.Sentence{{Text: "Nothing much happened."}}
	}
	ex.Article = a
	ex.Meetings = h.meetings
	ex.Quotes = h.quotes
	sum := sha256.Sum256([]byte(h.source + "\x00" + a.Body()))
	ex.Hash = hex.EncodeToString(sum[:])
	return ex
}

// ingestHand stores hand-made articles in order.
func ingestHand(t testing.TB, db *DB, arts ...handArticle) {
	t.Helper()
	for _, h := range arts {
		if res := mustIngest(t, db, h.extraction(t)); res.Duplicate {
			t.Fatalf("%s ingested as a duplicate of %s", h.source, res.DuplicateOf)
		}
	}
}

// sortedCopy returns a sorted copy of ss.
func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}
