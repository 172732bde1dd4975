package digest_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefbot/briefing/digest"
	"briefbot/briefing/ingest"
	"briefbot/internal/clocktest"
	"briefbot/internal/corpusgen"
	"briefbot/storage"
)

// benchHistory is how many generated articles a benchmark channel has
// already had a digest of: its window then holds facts told.
const benchHistory = 200

// benchSizes are the numbers of new articles of the benchmark windows:
// BRIEFBOT_BENCH_ARTICLES (a number, or numbers separated by commas),
// default 100 and 1,000.
func benchSizes(b *testing.B) []int {
	s := os.Getenv("BRIEFBOT_BENCH_ARTICLES")
	if s == "" {
		return []int{100, 1000}
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > digest.MaxArticles {
			b.Fatalf("BRIEFBOT_BENCH_ARTICLES=%q: want positive numbers up to %d", s, digest.MaxArticles)
		}
		out = append(out, n)
	}
	return out
}

// generated renders generated articles first to first+n-1 of a corpus.
func generated(g *corpusgen.Generator, first, n int) []ingest.Item {
	items := make([]ingest.Item, n)
	for i := range n {
		a := g.Article(first + i)
		data := a.Data
		items[i] = ingest.Item{Path: a.Name, Source: a.Name, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
	}
	return items
}

// benchCorpus builds a database in which channel "bench" had a digest of
// benchHistory generated articles, and n more arrived since; it returns
// how many of those were stored (exact re-publications are not).
func benchCorpus(b *testing.B, n int) (*storage.DB, int) {
	b.Helper()
	clock := clocktest.New(time.Date(2024, time.June, 1, 8, 0, 0, 0, time.UTC))
	db, err := storage.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), storage.Options{Lexicon: testLexicon(b), Now: clock.Now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	g := corpusgen.New(corpusgen.Config{Seed: 2024, Articles: benchHistory + n})
	ingestItems(b, db, generated(g, 0, benchHistory))
	commit(b, db, clock, "bench")
	clock.Advance(24 * time.Hour)
	sum := ingestItems(b, db, generated(g, benchHistory, n))
	return db, sum.Ingested
}

// BenchmarkCompose measures composing a digest of 100 and 1,000 new
// articles (see benchSizes), the window read beforehand.
func BenchmarkCompose(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%d-new", n), func(b *testing.B) {
			db, stored := benchCorpus(b, n)
			w := window(b, db, "bench")
			if len(w.Articles) != stored || len(w.Told) == 0 {
				b.Fatalf("window: %d articles, %d facts told; want %d and some", len(w.Articles), len(w.Told), stored)
			}
			var d digest.Digest
			for b.Loop() {
				d = digest.Compose(w)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(len(d.Stories)), "stories")
			b.ReportMetric(float64(d.Duplicates), "duplicates")
			b.ReportMetric(float64(len(w.Told)), "told")
			b.ReportMetric(float64(len(w.Articles)), "articles")
		})
	}
}

// toldHistory makes n facts a channel may have been told: the sentences
// of other generated articles, some of them as quotes.
func toldHistory(n int) []digest.Fact {
	g := corpusgen.New(corpusgen.Config{Seed: 7, Articles: n / 10})
	var facts []digest.Fact
	for i := 0; len(facts) < n; i++ {
		for _, s := range strings.Split(string(g.Article(i).Data), ". ") {
			if len(facts) == n {
				break
			}
			kind := digest.FactStatement
			if strings.ContainsAny(s, "“\"") {
				kind = digest.FactQuote
			}
			facts = append(facts, digest.Fact{Kind: kind, Key: fmt.Sprintf("h%d", len(facts)), Text: strings.TrimSpace(s)})
		}
	}
	return facts
}

// BenchmarkComposeToldHistory measures composing a digest of 1,000 new
// articles for a channel told the most facts a window holds
// (digest.MaxToldFacts).
func BenchmarkComposeToldHistory(b *testing.B) {
	db, _ := benchCorpus(b, 1000)
	w := window(b, db, "bench")
	w.Told = append(toldHistory(digest.MaxToldFacts-len(w.Told)), w.Told...)
	var d digest.Digest
	for b.Loop() {
		d = digest.Compose(w)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
	b.ReportMetric(float64(len(d.Stories)), "stories")
	b.ReportMetric(float64(len(w.Told)), "told")
}

// BenchmarkDigestEndToEnd measures reading a channel's window from the
// database and composing its digest.
func BenchmarkDigestEndToEnd(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%d-new", n), func(b *testing.B) {
			db, stored := benchCorpus(b, n)
			ctx := context.Background()
			var d digest.Digest
			for b.Loop() {
				w, err := db.Window(ctx, "bench", time.Time{})
				if err != nil {
					b.Fatal(err)
				}
				d = digest.Compose(w)
			}
			if d.Articles != stored {
				b.Fatalf("digest of %d articles, want %d", d.Articles, stored)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(len(d.Stories)), "stories")
		})
	}
}
