package storage

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
	"briefbot/internal/corpusgen"
)

// benchSize is the generated corpus size: BRIEFBOT_BENCH_ARTICLES, default
// 10,000.
func benchSize(b *testing.B) int {
	n := 10000
	if s := os.Getenv("BRIEFBOT_BENCH_ARTICLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("BRIEFBOT_BENCH_ARTICLES=%q: want a positive number", s)
		}
		n = v
	}
	return n
}

var (
	benchLexOnce sync.Once
	benchLex     *lexicon.Lexicon
)

func loadBenchLexicon(b *testing.B) *lexicon.Lexicon {
	benchLexOnce.Do(func() {
		var err error
		if benchLex, err = lexicon.Load(); err != nil {
			b.Fatal(err)
		}
	})
	return benchLex
}

// generatedItems renders n generated articles into memory.
func generatedItems(n int) []ingest.Item {
	g := corpusgen.New(corpusgen.Config{Seed: 2024, Articles: n})
	items := make([]ingest.Item, n)
	for i := range n {
		a := g.Article(i)
		data := a.Data
		items[i] = ingest.Item{Path: a.Name, Source: a.Name, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
	}
	return items
}

// buildCorpus ingests items into a new database at path.
func buildCorpus(b *testing.B, path string, items []ingest.Item) (*DB, ingest.Summary) {
	ctx := context.Background()
	lex := loadBenchLexicon(b)
	db, err := Open(ctx, path, Options{Lexicon: lex})
	if err != nil {
		b.Fatal(err)
	}
	p := ingest.New(extract.New(lex), db, ingest.Options{})
	var firstErr error
	sum, err := p.Run(ctx, items, func(o ingest.Outcome) {
		if o.Err != nil && firstErr == nil {
			firstErr = o.Err
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	if sum.Failed > 0 {
		b.Fatalf("%d articles failed; the first: %v", sum.Failed, firstErr)
	}
	return db, sum
}

// BenchmarkIngest measures the whole pipeline — normalise, extract,
// resolve and store — into a fresh database, in articles per second.
func BenchmarkIngest(b *testing.B) {
	n := benchSize(b)
	items := generatedItems(n)
	var last ingest.Summary
	for b.Loop() {
		db, sum := buildCorpus(b, filepath.Join(b.TempDir(), "bench.db"), items)
		last = sum
		db.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(last.Ingested), "ingested")
}

// BenchmarkExtract measures normalise + extract alone, on one goroutine.
func BenchmarkExtract(b *testing.B) {
	x := extract.New(loadBenchLexicon(b))
	g := corpusgen.New(corpusgen.Config{Seed: 2024, Articles: 1000})
	arts := make([]briefing.Article, 1000)
	for i := range arts {
		a := g.Article(i)
		var err error
		if arts[i], err = normalizeBench(a.Name, a.Data); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		x.Extract(arts[i%len(arts)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

var (
	queryOnce sync.Once
	queryDB   *DB
	queryErr  error
	queryDir  string
)

// queryCorpus is one generated corpus shared by the query benchmarks.
func queryCorpus(b *testing.B) *DB {
	queryOnce.Do(func() {
		queryDir, queryErr = os.MkdirTemp("", "briefbot-bench-")
		if queryErr != nil {
			return
		}
		start := time.Now()
		queryDB, _ = buildCorpus(b, filepath.Join(queryDir, "bench.db"), generatedItems(benchSize(b)))
		b.Logf("built a %d-article corpus in %s", benchSize(b), time.Since(start).Round(time.Millisecond))
	})
	if queryErr != nil {
		b.Fatal(queryErr)
	}
	return queryDB
}

// BenchmarkAsk measures each query command on the generated corpus, for
// the most mentioned person and a topic.
func BenchmarkAsk(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	var top, second string
	rows, err := db.sql.QueryContext(ctx, `SELECT name FROM entities WHERE kind = 'person' ORDER BY mentions DESC LIMIT 2`)
	if err != nil {
		b.Fatal(err)
	}
	rows.Next()
	rows.Scan(&top)
	rows.Next()
	rows.Scan(&second)
	rows.Close()
	svc := briefing.NewService(db, names.NewMatcher(loadBenchLexicon(b)))
	commands := []struct{ name, cmd string }{
		{"who-met", "who-met " + top},
		{"who-met-with", "who-met " + top + " with " + second},
		{"quotes", "quotes " + top},
		{"quotes-about", "quotes " + top + " about talks"},
		{"who-is", "who-is " + top},
		{"search", "search ceasefire talks"},
		{"timeline-person", "timeline " + top},
		{"timeline-topic", "timeline tariff"},
		{"sources", "sources"},
	}
	for _, c := range commands {
		cmd, err := briefing.ParseCommand(c.cmd)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := svc.Ask(ctx, cmd); err != nil {
					b.Fatalf("%s: %v", c.cmd, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
		})
	}
}

// BenchmarkSuggest measures autocomplete: people whose name starts with
// what was typed, for short and longer prefixes of the most mentioned
// person's names and for a common letter.
func BenchmarkSuggest(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	var top string
	if err := db.sql.QueryRowContext(ctx, `SELECT name FROM entities WHERE kind = 'person' ORDER BY mentions DESC LIMIT 1`).Scan(&top); err != nil {
		b.Fatal(err)
	}
	svc := briefing.NewService(db, names.NewMatcher(loadBenchLexicon(b)))
	words := strings.Fields(top)
	last := words[len(words)-1]
	for _, typed := range []string{"m", last[:min(3, len(last))], last, top} {
		b.Run(fmt.Sprintf("%d-chars", len(typed)), func(b *testing.B) {
			for b.Loop() {
				if _, err := svc.Suggest(ctx, typed, 25); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if queryDB != nil {
		queryDB.Close()
		os.RemoveAll(queryDir)
	}
	os.Exit(code)
}

// BenchmarkStore measures the writer alone: storing pre-extracted
// articles in batches, as the pipeline does.
func BenchmarkStore(b *testing.B) {
	n := benchSize(b)
	lex := loadBenchLexicon(b)
	x := extract.New(lex)
	g := corpusgen.New(corpusgen.Config{Seed: 2024, Articles: n})
	exs := make([]briefing.Extraction, n)
	for i := range exs {
		a := g.Article(i)
		art, err := normalizeBench(a.Name, a.Data)
		if err != nil {
			b.Fatal(err)
		}
		exs[i] = x.Extract(art)
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "store.db"), Options{Lexicon: lex})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for from := 0; from < n; from += MaxBatch {
			if _, _, err := db.IngestBatch(ctx, exs[from:min(from+MaxBatch, n)]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
