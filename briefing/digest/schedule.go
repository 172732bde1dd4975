package digest

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"briefbot/briefing"
)

// Schedule is a validated digest schedule: a standard cron spec or
// descriptor, read in a time zone.
type Schedule struct {
	Spec string
	Zone *time.Location
	cron cron.Schedule
}

// Bounds of a schedule.
const (
	maxSpecLength = 100
	// minInterval is the shortest time allowed between two digests.
	minInterval = time.Hour
	// intervalChecks is how many upcoming runs the interval is checked
	// on.
	intervalChecks = 50
	// maxCatchUpSteps bounds the walk over missed runs (an hourly
	// schedule missed for eleven years).
	maxCatchUpSteps = 100_000
)

// ParseSchedule validates a schedule — a standard 5-field cron spec such
// as "0 8 * * 1-5" or a descriptor such as "@daily" — and an IANA time
// zone such as "Europe/Paris". Every problem is a *briefing.Error whose
// message can be shown to the user; it never panics, though the cron
// parser does on some input.
func ParseSchedule(spec, zone string) (Schedule, error) {
	spec = strings.Join(strings.Fields(spec), " ")
	invalid := func(format string, args ...any) (Schedule, error) {
		return Schedule{}, briefing.Invalid(format, args...)
	}
	const example = "a cron spec such as “0 8 * * 1-5” (08:00 on weekdays) or “@daily”"
	switch {
	case spec == "":
		return invalid("No schedule given: give %s.", example)
	case len(spec) > maxSpecLength:
		return invalid("The schedule is too long: give %s.", example)
	case strings.Contains(strings.ToUpper(spec), "TZ="):
		return invalid("Give the time zone in the timezone option, not in the schedule.")
	case spec == "@every" || strings.HasPrefix(spec, "@every "):
		return invalid("“@every” is not supported: give %s.", example)
	case !strings.HasPrefix(spec, "@") && len(strings.Fields(spec)) != 5:
		return invalid("“%s” is not a standard cron spec: it needs 5 fields (minute hour day-of-month month day-of-week), e.g. %s.", spec, example)
	}
	loc, err := loadZone(zone)
	if err != nil {
		return Schedule{}, err
	}
	sched, err := parseCron(spec)
	if err != nil {
		return invalid("“%s” is not a valid schedule (%s): give %s.", spec, err, example)
	}
	s := Schedule{Spec: spec, Zone: loc, cron: sched}
	// Check the next runs from a fixed, ordinary start so that the
	// answer does not depend on today's date.
	t := s.Next(time.Date(2025, time.January, 1, 0, 0, 0, 0, loc))
	if t.IsZero() {
		return invalid("“%s” never runs.", spec)
	}
	for i := 0; i < intervalChecks; i++ {
		next := s.Next(t)
		if next.IsZero() {
			break
		}
		if next.Sub(t) < minInterval {
			return invalid("“%s” runs more than once an hour: a digest at most every hour, please.", spec)
		}
		t = next
	}
	return s, nil
}

// parseCron parses a standard spec, turning the parser's panics into
// errors.
func parseCron(spec string) (s cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("unreadable: %v", r)
		}
	}()
	return cron.ParseStandard(spec)
}

// loadZone loads an IANA time zone; "UTC" when empty.
func loadZone(zone string) (*time.Location, error) {
	zone = strings.TrimSpace(zone)
	if zone == "" {
		return time.UTC, nil
	}
	bad := &briefing.Error{Code: briefing.ErrInvalid,
		Message: fmt.Sprintf("“%s” is not a known time zone: give an IANA name such as “Europe/Paris”, “America/New_York” or “UTC”.", clip(zone, 40))}
	if len(zone) > 64 || strings.EqualFold(zone, "local") || strings.Contains(zone, "..") || strings.HasPrefix(zone, "/") {
		return nil, bad
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, bad
	}
	return loc, nil
}

// Next returns the first scheduled time after t, zero when there is
// none within five years.
func (s Schedule) Next(t time.Time) time.Time {
	return s.cron.Next(t.In(s.Zone))
}

// Latest returns the latest scheduled time after after and not after
// upTo; zero when there is none.
func (s Schedule) Latest(after, upTo time.Time) time.Time {
	var latest time.Time
	t := after
	for i := 0; i < maxCatchUpSteps; i++ {
		next := s.Next(t)
		if next.IsZero() || next.After(upTo) {
			return latest
		}
		latest, t = next, next
	}
	return latest
}
