package briefing

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// validCalendarDate reports whether d is a real calendar date.
func validCalendarDate(d Date) bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && NewDate(d.Time()) == d
}

// fuzzDate turns fuzzed parts into a valid Date (years 1–9999).
func fuzzDate(y, m, d int) Date {
	mod := func(a, n int) int {
		if a %= n; a < 0 {
			a += n
		}
		return a
	}
	y = 1 + mod(y, 9999)
	m = 1 + mod(m, 12)
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return Date{Year: y, Month: time.Month(m), Day: 1 + mod(d, last)}
}

// mondayOf returns the Monday that starts d's week.
func mondayOf(d Date) Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

// FuzzParseWhen reads any weekday phrase and resolves it against any
// publication date: the date must be a real one, on the weekday named,
// within 14 days of publication and on the side the status and relation
// word call for.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{
		"this Friday", "on Tuesday", "Friday morning", "next Sunday", "last Saturday", "coming Monday",
		"this coming Wednesday", "FRIDAY", "friday friday", "on Thursday evening", "by Monday", "",
		"   ", "next week", "Fri", "Tues\u200bday", "the\u00a0Friday", "يوم الثلاثاء Tuesday", "Ｆｒｉｄａｙ",
		"😀 Saturday 😀", "last\tSunday\n", "\xff Monday", "next next Monday", "Mondays",
	} {
		for _, d := range [][3]int{{2024, 3, 21}, {2024, 3, 24}, {2024, 3, 25}, {2024, 2, 29}, {0, 0, 0}, {1, 1, 1}, {9999, 12, 31}, {2024, 13, 40}, {-1 << 40, 1 << 40, 1 << 62}} {
			f.Add(s, d[0], d[1], d[2], uint8(0))
		}
	}
	statuses := []MeetingStatus{Planned, Held, Canceled, ""}
	f.Fuzz(func(t *testing.T, when string, year, month, day int, status uint8) {
		wd, rel, ok := ParseWhen(when)
		words := strings.Fields(strings.ToLower(when))
		if !ok {
			if wd != 0 || rel != "" {
				t.Fatalf("ParseWhen(%q) = %v, %q, false", when, wd, rel)
			}
			return
		}
		i := slices.Index(words, strings.ToLower(wd.String()))
		switch {
		case wd < time.Sunday || wd > time.Saturday:
			t.Fatalf("ParseWhen(%q): weekday %d", when, wd)
		case i < 0:
			t.Fatalf("ParseWhen(%q) = %s, not a word of the phrase", when, wd)
		case i == 0 && rel != "", i > 0 && rel != words[i-1]:
			t.Fatalf("ParseWhen(%q): rel %q, want the word before %s", when, rel, wd)
		}
		st := statuses[int(status)%len(statuses)]

		// Any parts, in range or not: no panic; the zero date resolves to
		// nothing.
		ResolveWeekday(Date{Year: year, Month: time.Month(month), Day: day}, wd, rel, st)
		if got := ResolveWeekday(Date{}, wd, rel, st); !got.IsZero() {
			t.Fatalf("%q from the zero date: %+v", when, got)
		}

		published := fuzzDate(year, month, day)
		got := ResolveWeekday(published, wd, rel, st)
		if !validCalendarDate(got) || got.Weekday() != wd {
			t.Fatalf("%q (%s) from %s: %+v, want a %s", when, st, published, got, wd)
		}
		days := int(got.Time().Sub(published.Time()).Hours() / 24)
		if days < -14 || days > 14 {
			t.Fatalf("%q (%s) from %s: %s, %d days away", when, st, published, got, days)
		}
		switch {
		case rel == "last":
			if days < -7 || days > -1 {
				t.Fatalf("%q from %s: %s, %d days, want the week before", when, published, got, days)
			}
		case rel == "next":
			if mondayOf(got) != mondayOf(published).AddDays(7) {
				t.Fatalf("%q from %s: %s, not in the following week", when, published, got)
			}
		case st == Held && rel != "this" && rel != "coming":
			if days < -6 || days > 0 {
				t.Fatalf("held %q from %s: %s, %d days, want the last such day", when, published, got, days)
			}
		default:
			if days < 0 || days > 6 {
				t.Fatalf("%s %q from %s: %s, %d days, want the next such day", st, when, published, got, days)
			}
		}
	})
}
