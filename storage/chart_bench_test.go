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
	benchDays(b, func(db *DB, person int64, topic string) (int, error) {
		d, _, err := db.ArticleDays(context.Background(), person, topic)
		return len(d), err
	})
}

// BenchmarkMeetingDays measures the meetings per day of a chart on the
// generated corpus.
func BenchmarkMeetingDays(b *testing.B) {
	benchDays(b, func(db *DB, person int64, topic string) (int, error) {
		d, _, err := db.MeetingDays(context.Background(), person, topic)
		return len(d), err
	})
}

// benchDays times days in every chart scope, reporting how many days it
// returned.
func benchDays(b *testing.B, days func(db *DB, person int64, topic string) (int, error)) {
	db := queryCorpus(b)
	for _, s := range chartScopes(b, db) {
		b.Run(s.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				var err error
				if n, err = days(db, s.person, s.topic); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(n), "days")
		})
	}
}
