package briefing

import (
	"strings"
	"time"
)

// ResolveWeekday turns "Friday" in an article published on a given date
// into a calendar date. rel is the word before it ("this", "next", "last",
// "on" or ""). A planned event is on the next such day (the same day
// counts), a held one on the last; "next Friday" is the Friday of the
// following week (weeks start on Monday).
func ResolveWeekday(published Date, wd time.Weekday, rel string, status MeetingStatus) Date {
	if published.IsZero() {
		return Date{}
	}
	cur, want := int(published.Weekday()), int(wd)
	switch {
	case rel == "last" || status == Held && rel != "next" && rel != "this" && rel != "coming":
		back := (cur - want + 7) % 7
		if rel == "last" && back == 0 {
			back = 7
		}
		return published.AddDays(-back)
	case rel == "next":
		toMonday := (8 - cur) % 7
		if toMonday == 0 {
			toMonday = 7
		}
		return published.AddDays(toMonday + (want+6)%7)
	}
	return published.AddDays((want - cur + 7) % 7)
}

// ParseWhen reads a weekday phrase such as "this Friday", "on Tuesday" or
// "Friday morning"; ok is false for anything else.
func ParseWhen(when string) (wd time.Weekday, rel string, ok bool) {
	words := strings.Fields(strings.ToLower(when))
	for i, w := range words {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if w == strings.ToLower(d.String()) {
				if i > 0 {
					rel = words[i-1]
				}
				return d, rel, true
			}
		}
	}
	return 0, "", false
}
