package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"briefbot/briefing/digest"
)

// largeDigestDB opens the database BRIEFBOT_DIGEST_DB names: a large
// corpus with a digest channel "bench" (see BenchmarkDigestPreviewLarge),
// skipping when it names none. Benchmarks only read it, but opening it
// migrates its schema: name a copy.
func largeDigestDB(b *testing.B) *DB {
	b.Helper()
	path := os.Getenv("BRIEFBOT_DIGEST_DB")
	if path == "" {
		b.Skip("BRIEFBOT_DIGEST_DB names no database")
	}
	db, err := Open(context.Background(), path, Options{Lexicon: testLexicon(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkDigestPreviewLarge measures previewing the digest of channel
// "bench" of the database BRIEFBOT_DIGEST_DB names (as briefbot bench
// --keep leaves it: 100,000 articles, the channel told one digest and
// some 1,000 articles behind): the window read and the composition,
// together and apart, as Runner.Preview does them. It reports the median
// and p99 of the whole preview. When BRIEFBOT_DIGEST_OUT names a file,
// the digest is written there, as JSON and as text, to compare versions.
func BenchmarkDigestPreviewLarge(b *testing.B) {
	db := largeDigestDB(b)
	ctx := context.Background()
	runner := digest.NewRunner(digest.RunnerConfig{Store: db})

	b.Run("preview", func(b *testing.B) {
		var d digest.Digest
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			var err error
			if d, err = runner.Preview(ctx, "bench", time.Time{}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(times[(len(times)*99)/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(d.Articles), "articles")
		b.ReportMetric(float64(len(d.Stories)), "stories")
		if out := os.Getenv("BRIEFBOT_DIGEST_OUT"); out != "" {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", " ")
			if err := enc.Encode(d); err != nil {
				b.Fatal(err)
			}
			if err := digest.WriteText(&buf, d); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("window", func(b *testing.B) {
		var w digest.Window
		for b.Loop() {
			var err error
			if w, err = db.Window(ctx, "bench", time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(w.Articles)), "articles")
		b.ReportMetric(float64(len(w.Told)), "told")
	})

	b.Run("compose", func(b *testing.B) {
		w, err := db.Window(ctx, "bench", time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			digest.Compose(w)
		}
	})
}
