package bot

import (
	"testing"

	"briefbot/briefing"
)

// BenchmarkRender measures laying out a long answer as pages (the part of
// an answer's time the bot adds to the query).
func BenchmarkRender(b *testing.B) {
	a := briefing.WhoMetAnswer{Command: briefing.CmdWhoMet, Person: briefing.Person{PersonRef: briefing.PersonRef{ID: 1, Name: "David Barnea", Role: "Mossad chief"}}}
	for i := range 200 {
		a.Meetings = append(a.Meetings, meeting(i, "Doha", "William J. Burns"))
	}
	for b.Loop() {
		if pages := render(a); len(pages) == 0 {
			b.Fatal("no pages")
		}
	}
}
