package storage

import (
	"context"
	"testing"

	"briefbot/briefing"
)

// BenchmarkMeetingLinks measures the two look-ups of a graph on the
// generated corpus: the most mentioned person's links, then those of up
// to MaxNetworkPeople-1 of their counterparts.
func BenchmarkMeetingLinks(b *testing.B) {
	db := queryCorpus(b)
	ctx := context.Background()
	center := topPerson(b, db)
	near, err := db.MeetingLinks(ctx, []int64{center})
	if err != nil {
		b.Fatal(err)
	}
	var next []int64
	for _, l := range near[:min(len(near), briefing.MaxNetworkPeople-1)] {
		next = append(next, l.Other(center))
	}
	for _, c := range []struct {
		name   string
		people []int64
	}{{"center", []int64{center}}, {"counterparts", next}} {
		b.Run(c.name, func(b *testing.B) {
			var links int
			for b.Loop() {
				ls, err := db.MeetingLinks(ctx, c.people)
				if err != nil {
					b.Fatal(err)
				}
				links = len(ls)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			b.ReportMetric(float64(len(c.people)), "people")
			b.ReportMetric(float64(links), "links")
		})
	}
}
