package storage

import (
	"context"
	"testing"
)

// topPerson returns the id of the most mentioned person of the corpus.
func topPerson(b *testing.B, db *DB) int64 {
	b.Helper()
	var id int64
	if err := db.sql.QueryRowContext(context.Background(), `SELECT id FROM entities WHERE kind = 'person' ORDER BY mentions DESC LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	return id
}

// chartScopes are what a chart is drawn of: everything, the most
// mentioned person, a topic, and a common word.
func chartScopes(b *testing.B, db *DB) []struct {
	name   string
	person int64
	topic  string
} {
	return []struct {
		name   string
		person int64
		topic  string
	}{
		{"all", 0, ""},
		{"person", topPerson(b, db), ""},
		{"topic", 0, "tariff"},
		{"two-words", 0, "ceasefire talks"},
	}
}

// BenchmarkArticleDays measures the articles per day of a chart on the
// generated corpus.
func BenchmarkArticleDays(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	for _, s := range chartScopes(b, db) {
		b.Run(s.name, func(b *testing.B) {
			var days int
			for b.Loop() {
				d, _, err := db.ArticleDays(ctx, s.person, s.topic)
				if err != nil {
					b.Fatal(err)
				}
				days = len(d)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(days), "days")
		})
	}
}

// BenchmarkMeetingDays measures the meetings per day of a chart on the
// generated corpus.
func BenchmarkMeetingDays(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	for _, s := range chartScopes(b, db) {
		b.Run(s.name, func(b *testing.B) {
			var days int
			for b.Loop() {
				d, _, err := db.MeetingDays(ctx, s.person, s.topic)
				if err != nil {
					b.Fatal(err)
				}
				days = len(d)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(days), "days")
		})
	}
}
