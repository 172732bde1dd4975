package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"briefbot/briefing"
)

// TestReadsDuringIngest runs searches and meeting lookups while another
// goroutine ingests; run with -race.
func TestReadsDuringIngest(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	barnea := personID(t, db, "David Barnea")
	burns := personID(t, db, "William Burns")

	const articles = 30
	var extractions []briefing.Extraction
	for i := range articles {
		text := fmt.Sprintf(`Date: 2024-04-%02d

Envoys meet again, round %d

CIA Director William Burns met Mossad chief David Barnea in Cairo on Monday for round %d of the hostages talks, officials said.

"We made progress in round %d," Burns told reporters.
`, i%28+1, i, i, i)
		extractions = append(extractions, extractText(t, fmt.Sprintf("round-%02d.txt", i), text))
	}

	done := make(chan struct{})
	errs := make(chan error, 100)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for _, ex := range extractions {
			if _, err := db.Ingest(ctx, ex); err != nil {
				errs <- fmt.Errorf("ingest %s: %w", ex.Article.Source, err)
				return
			}
		}
	}()
	readers := []func() error{
		func() error { _, err := db.Search(ctx, "hostages", 20); return err },
		func() error { _, err := db.Meetings(ctx, barnea, 0); return err },
		func() error { _, err := db.Meetings(ctx, barnea, burns); return err },
		func() error { _, err := db.PeopleByPrefix(ctx, "bu", 10); return err },
		func() error { _, err := db.Quotes(ctx, burns, "progress", 10); return err },
		func() error { _, _, err := db.Sources(ctx, 10); return err },
		func() error { _, err := db.Timeline(ctx, barnea, "", 20); return err },
		func() error { _, err := db.Export(ctx); return err },
	}
	for i, read := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				if err := read(); err != nil {
					errs <- fmt.Errorf("reader %d, call %d: %w", i, n, err)
					return
				}
				select {
				case <-done:
					return
				default:
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	if n := countRows(t, db, "documents"); n != 5+articles {
		t.Errorf("%d documents after concurrent ingest, want %d", n, 5+articles)
	}
	// Every round names the same two people: no duplicates were made.
	exp := exportOf(t, db)
	exportPerson(t, exp, "William Burns")
	exportPerson(t, exp, "David Barnea")
	hits, err := db.Search(ctx, "round", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2*articles {
		t.Errorf("Search(round) = %d hits, want %d", len(hits), 2*articles)
	}
}

// TestConcurrentIngestCalls: Ingest may be called from several goroutines
// at once; each article is stored once.
func TestConcurrentIngestCalls(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	arts := articlesOf(
		[][]string{{"Noam Varsano"}}, [][]string{{"Dana Elkayam"}}, [][]string{{"William Burns"}},
		[][]string{{"Bill Burns"}}, [][]string{{"Abbas Kamel"}}, [][]string{{"Abbas Kamal"}},
	)
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(arts))
	for round := 0; round < 2; round++ { // every article twice: once stored, once a duplicate
		for _, h := range arts {
			ex := h.extraction(t)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := db.Ingest(ctx, ex); err != nil {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := countRows(t, db, "documents"); n != len(arts) {
		t.Errorf("%d documents, want %d", n, len(arts))
	}
	// The order of the goroutines decides which spelling of Kamel came
	// first; either way there is one person of each.
	exp := exportOf(t, db)
	if len(exp.People) != 4 {
		t.Errorf("people %q, want 4", exportNames(exp))
	}
	exportPerson(t, exp, "William Burns")
	exportPerson(t, exp, "Noam Varsano")
	exportPerson(t, exp, "Dana Elkayam")
	for _, p := range exp.People {
		if strings.HasPrefix(p.Name, "Abbas") {
			if got := sortedCopy(p.Aliases); !slices.Equal(got, []string{"Abbas Kamal", "Abbas Kamel"}) {
				t.Errorf("%s aliases %q, want both spellings", p.Name, got)
			}
		}
	}
}

// TestTwoHandlesOnOneFile: two databases open on one file (two processes,
// say) see each other's people when they resolve names.
func TestTwoHandlesOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a := openAt(t, path)
	b := openAt(t, path)
	steps := []struct {
		db *DB
		h  handArticle
	}{
		{a, handArticle{source: "a1.txt", published: "2024-03-01", entities: []briefing.ExtractedEntity{person("Noam Varsano")}}},
		{b, handArticle{source: "b1.txt", published: "2024-03-02", entities: []briefing.ExtractedEntity{person("Dana Varsano")}}},
		{a, handArticle{source: "a2.txt", published: "2024-03-03", entities: []briefing.ExtractedEntity{person("Varsano")}}},
		{b, handArticle{source: "b2.txt", published: "2024-03-04", entities: []briefing.ExtractedEntity{person("William Burns")}}},
		{a, handArticle{source: "a3.txt", published: "2024-03-05", entities: []briefing.ExtractedEntity{person("Bill Burns")}}},
		{a, handArticle{source: "a4.txt", published: "2024-03-06", entities: []briefing.ExtractedEntity{person("Eli Mizrahi")}}},
		{b, handArticle{source: "b3.txt", published: "2024-03-07", entities: []briefing.ExtractedEntity{person("Eli Mizrahi")}}},
	}
	for _, s := range steps {
		ingestHand(t, s.db, s.h)
	}
	for _, db := range []*DB{a, b} {
		exp := exportOf(t, db)
		if got := exportPerson(t, exp, "Noam Varsano").Sources; len(got) != 1 {
			t.Errorf("Noam Varsano sources %q: the lone Varsano fits Dana too and should join neither", got)
		}
		if got := exportPerson(t, exp, "William Burns").Sources; len(got) != 2 {
			t.Errorf("William Burns sources %q, want b2.txt and a3.txt", got)
		}
		if got := exportPerson(t, exp, "Eli Mizrahi").Sources; len(got) != 2 {
			t.Errorf("Eli Mizrahi sources %q, want a4.txt and b3.txt", got)
		}
	}
}
