package briefing

import "slices"

// MeetingFacts is what deciding whether two reports describe one meeting
// needs.
type MeetingFacts struct {
	Kind    MeetingKind
	Persons []int64
	Parties []int64
	Place   PlaceFacts
	Date    Date
	When    string
	Status  MeetingStatus
	// Published is the earliest publication date of the reporting
	// articles; zero when none is dated.
	Published Date
}

// PlaceFacts identifies a place and the country it lies in.
type PlaceFacts struct {
	ID      int64
	Name    string
	Country string
}

// maxReportGap is how far apart, in days, two dated reports of one
// undated meeting may be published.
const maxReportGap = 10

// SameMeeting decides whether two reports describe one meeting: the same
// kind; at least two people in common, or one in common when one report
// names only that person and both name a place; compatible places (equal,
// or a city within the other's country); compatible times and statuses.
func SameMeeting(a, b MeetingFacts) bool {
	// Cheapest first: the writer compares each report with a hundred
	// candidate meetings, and most share too few people.
	return a.Kind == b.Kind && enoughShared(a, b) && placesFit(a.Place, b.Place) && timesFit(a, b) &&
		(a.Status == b.Status || !a.Date.IsZero() && a.Date == b.Date)
}

// enoughShared reports whether two meetings have the people in common that
// one meeting would: two, or one with a place each and one of them alone;
// without people, two organisations.
func enoughShared(a, b MeetingFacts) bool {
	shared := countShared(a.Persons, b.Persons)
	switch {
	case shared >= 2:
	case shared == 1 && (len(a.Persons) == 1 || len(b.Persons) == 1) && a.Place.ID != 0 && b.Place.ID != 0:
	case len(a.Persons) == 0 && len(b.Persons) == 0 && countShared(a.Parties, b.Parties) >= 2:
	default:
		return false
	}
	return true
}

func countShared(a, b []int64) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// placesFit reports whether two places can be where one meeting was: one
// unknown, the same, or one a city of the other country.
func placesFit(a, b PlaceFacts) bool {
	switch {
	case a.ID == 0 || b.ID == 0 || a.ID == b.ID:
		return true
	case a.Country != "" && a.Country == b.Name, b.Country != "" && b.Country == a.Name:
		return true
	}
	return false
}

// MorePrecisePlace returns the more specific of two fitting places (a city
// over its country).
func MorePrecisePlace(a, b PlaceFacts) PlaceFacts {
	switch {
	case a.ID == 0:
		return b
	case b.ID == 0:
		return a
	case a.Country != "" && a.Country == b.Name:
		return a
	case b.Country != "" && b.Country == a.Name:
		return b
	}
	return a
}

func timesFit(a, b MeetingFacts) bool {
	wa, _, okA := ParseWhen(a.When)
	wb, _, okB := ParseWhen(b.When)
	switch {
	case !a.Date.IsZero() && !b.Date.IsZero():
		return a.Date == b.Date
	case !a.Date.IsZero() && okB:
		return a.Date.Weekday() == wb
	case !b.Date.IsZero() && okA:
		return b.Date.Weekday() == wa
	case okA && okB && wa != wb:
		return false
	}
	if !a.Published.IsZero() && !b.Published.IsZero() {
		gap := int(a.Published.Time().Sub(b.Published.Time()).Hours() / 24)
		return gap <= maxReportGap && gap >= -maxReportGap
	}
	return true
}

// MeetingReport is one article's account of a meeting.
type MeetingReport struct {
	Published Date
	Date      Date
	When      string
	Status    MeetingStatus
}

// InferDate dates a meeting from its reports: a date one report gives
// (the earliest reported), else a weekday one report gives resolved
// against the earliest publication date among all reports — "this Friday"
// in an undated article merged with one published on Thursday 21 March
// 2024 is Friday 22 March. inferred is true in the second case.
func InferDate(reports []MeetingReport, status MeetingStatus) (d Date, inferred bool) {
	var anchor Date
	for _, r := range reports {
		if !r.Date.IsZero() && (d.IsZero() || r.Date.Before(d)) {
			d = r.Date
		}
		if !r.Published.IsZero() && (anchor.IsZero() || r.Published.Before(anchor)) {
			anchor = r.Published
		}
	}
	if !d.IsZero() || anchor.IsZero() {
		return d, false
	}
	for _, r := range reports {
		if wd, rel, ok := ParseWhen(r.When); ok {
			return ResolveWeekday(anchor, wd, rel, status), true
		}
	}
	return Date{}, false
}
