package digest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

func TestParseScheduleValid(t *testing.T) {
	utc := func(d, h, m int) time.Time { return time.Date(2024, time.March, d, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		spec, zone string
		wantSpec   string
		wantZone   string
		from, next time.Time // the first run after from, in UTC
	}{
		// Friday 09:00 UTC: Monday 08:00.
		{"0 8 * * 1-5", "", "0 8 * * 1-5", "UTC", utc(22, 9, 0), utc(25, 8, 0)},
		{"  0  8 *  * 1-5 ", "UTC", "0 8 * * 1-5", "UTC", utc(22, 7, 0), utc(22, 8, 0)},
		{"@daily", "", "@daily", "UTC", utc(22, 9, 0), utc(23, 0, 0)},
		// Friday: Sunday midnight.
		{"@weekly", "", "@weekly", "UTC", utc(22, 9, 0), utc(24, 0, 0)},
		// 07:30 in Paris: 06:30 UTC in winter, 05:30 UTC from 31 March.
		{"30 7 * * *", "Europe/Paris", "30 7 * * *", "Europe/Paris", utc(22, 9, 0), utc(23, 6, 30)},
		{"30 7 * * *", "Europe/Paris", "30 7 * * *", "Europe/Paris", utc(30, 9, 0), utc(31, 5, 30)},
		// 08:00 in New York (daylight time since 10 March): 12:00 UTC.
		{"0 8 * * 1-5", "America/New_York", "0 8 * * 1-5", "America/New_York", utc(22, 13, 0), utc(25, 12, 0)},
		{"0 8 * * *", " America/New_York ", "0 8 * * *", "America/New_York", utc(22, 11, 0), utc(22, 12, 0)},
		// Every four years is rare, not never.
		{"0 0 29 2 *", "", "0 0 29 2 *", "UTC", utc(1, 0, 0), time.Date(2028, time.February, 29, 0, 0, 0, 0, time.UTC)},
		{"0 * * * *", "", "0 * * * *", "UTC", utc(22, 9, 1), utc(22, 10, 0)},
	} {
		s, err := digest.ParseSchedule(c.spec, c.zone)
		if err != nil {
			t.Errorf("ParseSchedule(%q, %q): %v", c.spec, c.zone, err)
			continue
		}
		if s.Spec != c.wantSpec || s.Zone.String() != c.wantZone {
			t.Errorf("ParseSchedule(%q, %q) = %q in %s, want %q in %s", c.spec, c.zone, s.Spec, s.Zone, c.wantSpec, c.wantZone)
		}
		next := s.Next(c.from)
		if !next.Equal(c.next) {
			t.Errorf("%q in %q: next after %v = %v, want %v", c.spec, c.zone, c.from, next.UTC(), c.next)
		}
		if next.Location() != s.Zone {
			t.Errorf("%q in %q: next in %v, want in the schedule's zone", c.spec, c.zone, next.Location())
		}
	}
}

func TestParseScheduleInvalid(t *testing.T) {
	for _, c := range []struct {
		spec, zone string
		want       []string // the message holds each
	}{
		{"", "", []string{"No schedule given", "“0 8 * * 1-5”"}},
		{"   ", "UTC", []string{"No schedule given"}},
		{"61 * * * *", "", []string{"“61 * * * *” is not a valid schedule", "59", "“0 8 * * 1-5”"}},
		{"* * *", "", []string{"“* * *” is not a standard cron spec", "5 fields"}},
		{"0 8 * * * *", "", []string{"5 fields"}},
		{"TZ=", "", []string{"time zone in the timezone option"}},
		{"CRON_TZ=UTC 0 8 * * *", "", []string{"time zone in the timezone option"}},
		{"TZ=Europe/Paris 0 8 * * *", "", []string{"time zone in the timezone option"}},
		{"@every 1h", "", []string{"“@every” is not supported"}},
		{"@hourly2", "", []string{"not a valid schedule"}},
		{"*/5 * * * *", "", []string{"more than once an hour"}},
		{"0,30 8 * * *", "", []string{"more than once an hour"}},
		{"0 0 30 2 *", "", []string{"“0 0 30 2 *” never runs"}},
		{"0 8 * * *", "Mars/Olympus", []string{"“Mars/Olympus” is not a known time zone", "“Europe/Paris”"}},
		{"0 8 * * *", "../etc/passwd", []string{"not a known time zone"}},
		{"0 8 * * *", "/etc/localtime", []string{"not a known time zone"}},
		{"0 8 * * *", "Local", []string{"“Local” is not a known time zone"}},
		{"0 8 * * *", "local", []string{"not a known time zone"}},
		{"0 8 * * *", strings.Repeat("Europe/", 20), []string{"not a known time zone"}},
		{strings.Repeat("0 ", 60), "", []string{"too long"}},
	} {
		_, err := digest.ParseSchedule(c.spec, c.zone)
		var be *briefing.Error
		if !errors.As(err, &be) {
			t.Errorf("ParseSchedule(%q, %q) = %v, want a *briefing.Error", c.spec, c.zone, err)
			continue
		}
		if be.Code != briefing.ErrInvalid {
			t.Errorf("ParseSchedule(%q, %q): code %s, want %s", c.spec, c.zone, be.Code, briefing.ErrInvalid)
		}
		for _, w := range c.want {
			if !strings.Contains(be.Message, w) {
				t.Errorf("ParseSchedule(%q, %q): message %q lacks %q", c.spec, c.zone, be.Message, w)
			}
		}
		// A message for users: a sentence, with no Go error chain.
		if m := be.Message; len(m) == 0 || !strings.HasSuffix(m, ".") || strings.Contains(m, "cron:") || len(m) > 400 {
			t.Errorf("ParseSchedule(%q, %q): message %q is not a short sentence", c.spec, c.zone, m)
		}
	}
}

func FuzzParseSchedule(f *testing.F) {
	for _, s := range [][2]string{
		{"0 8 * * 1-5", ""}, {"@daily", "UTC"}, {"@weekly", "Europe/Paris"}, {"30 7 * * *", "America/New_York"},
		{"61 * * * *", ""}, {"* * *", ""}, {"TZ=", ""}, {"@every 1h", ""}, {"*/5 * * * *", ""}, {"0 0 30 2 *", ""},
		{"0 8 * * *", "Mars/Olympus"}, {"0 8 * * *", "../etc/passwd"}, {"0 0 29 2 *", ""}, {"0-59/0 * * * *", ""},
		{"0 8 ? * MON-FRI", ""}, {"0 8 L * *", ""}, {"@yearly", "Asia/Kathmandu"}, {"0 2 * * *", "Europe/London"},
	} {
		f.Add(s[0], s[1])
	}
	starts := []time.Time{
		time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, time.March, 31, 0, 59, 59, 0, time.UTC),  // Europe's change to summer time
		time.Date(2024, time.November, 3, 5, 30, 0, 0, time.UTC), // America's change to standard time
		time.Date(2024, time.February, 29, 23, 59, 0, 0, time.UTC),
	}
	f.Fuzz(func(t *testing.T, spec, zone string) {
		s, err := digest.ParseSchedule(spec, zone)
		if err != nil {
			var be *briefing.Error
			if !errors.As(err, &be) || be.Message == "" {
				t.Fatalf("ParseSchedule(%q, %q) = %v, want a *briefing.Error with a message", spec, zone, err)
			}
			return
		}
		if s.Zone == nil || s.Spec == "" {
			t.Fatalf("ParseSchedule(%q, %q) = %+v", spec, zone, s)
		}
		for i, from := range starts {
			next := s.Next(from)
			if i == 0 && next.IsZero() {
				t.Fatalf("%q in %q accepted but never runs after %v", spec, zone, from)
			}
			if !next.IsZero() && !next.After(from) {
				t.Fatalf("%q in %q: next after %v is %v", spec, zone, from, next)
			}
		}
	})
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{30 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute,
		8 * time.Minute, 16 * time.Minute, 30 * time.Minute, 30 * time.Minute}
	for attempts, w := range want {
		if got := digest.Backoff(attempts); got != w {
			t.Errorf("Backoff(%d) = %v, want %v", attempts, got, w)
		}
	}
	prev := time.Duration(0)
	for attempts := 0; attempts <= 1000; attempts++ {
		d := digest.Backoff(attempts)
		if d < prev || d > 30*time.Minute || d <= 0 {
			t.Fatalf("Backoff(%d) = %v after %v: want growing, capped at 30m", attempts, d, prev)
		}
		prev = d
	}
	if d := digest.Backoff(1 << 30); d != 30*time.Minute {
		t.Errorf("Backoff(huge) = %v, want 30m", d)
	}
}

func TestScheduleLatest(t *testing.T) {
	s, err := digest.ParseSchedule("0 8 * * *", "UTC")
	if err != nil {
		t.Fatal(err)
	}
	day := func(d, h, m int) time.Time { return time.Date(2024, time.March, d, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		after, upTo, want time.Time
	}{
		{day(22, 7, 0), day(22, 7, 59), time.Time{}}, // none due yet
		{day(22, 8, 0), day(22, 9, 0), time.Time{}},  // the one at after is done
		{day(22, 7, 0), day(22, 8, 0), day(22, 8, 0)},
		{day(22, 8, 0), day(25, 9, 0), day(25, 8, 0)}, // three missed: the latest only
		{day(22, 8, 0), day(25, 7, 0), day(24, 8, 0)},
		{day(25, 9, 0), day(22, 9, 0), time.Time{}}, // upTo before after
	} {
		if got := s.Latest(c.after, c.upTo); !got.Equal(c.want) {
			t.Errorf("Latest(%v, %v) = %v, want %v", c.after, c.upTo, got, c.want)
		}
	}
	// A zone's schedule: in that zone.
	p, err := digest.ParseSchedule("30 7 * * 1-5", "Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	got := p.Latest(day(21, 12, 0), day(25, 12, 0)) // Thursday noon to Monday noon
	if want := day(25, 6, 30); !got.Equal(want) {
		t.Errorf("Paris weekdays: Latest = %v, want %v (Monday 07:30 CET)", got.UTC(), want)
	}
	// Years missed of an hourly schedule: bounded, still an answer.
	h, err := digest.ParseSchedule("0 * * * *", "")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if got, want := h.Latest(day(1, 0, 0), day(1, 0, 30).AddDate(2, 0, 0)), day(1, 0, 0).AddDate(2, 0, 0); !got.Equal(want) {
		t.Errorf("two years of an hourly schedule missed: latest %v, want %v", got, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Latest over two years took %v", d)
	}
}
