package storage

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkDigestWindow measures a channel's digest window on the
// generated corpus when the last 100 or 1,000 articles are new to it.
func BenchmarkDigestWindow(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	var last int64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(id) FROM documents`).Scan(&last); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int64{100, 1000} {
		b.Run(fmt.Sprintf("%d-new", n), func(b *testing.B) {
			channel := fmt.Sprintf("bench-%d", n)
			if _, err := db.sql.ExecContext(ctx, `INSERT OR REPLACE INTO digest_channels(channel, cursor, last_posted) VALUES (?, ?, ?)`,
				channel, max(last-n, 0), timeArg(fixedNow())); err != nil {
				b.Fatal(err)
			}
			var articles, meetings, quotes int
			for b.Loop() {
				w, err := db.Window(ctx, channel, fixedNow())
				if err != nil {
					b.Fatal(err)
				}
				seen := map[int64]bool{}
				articles, quotes = len(w.Articles), 0
				for _, a := range w.Articles {
					quotes += len(a.Quotes)
					for _, m := range a.Meetings {
						seen[m.ID] = true
					}
				}
				meetings = len(seen)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(articles), "articles")
			b.ReportMetric(float64(quotes), "quotes")
			b.ReportMetric(float64(meetings), "meetings")
		})
	}
}
