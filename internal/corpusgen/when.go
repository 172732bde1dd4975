package corpusgen

import "time"

var weekdayNames = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// dayTime converts a day number (days since the Unix epoch) to a time.
func dayTime(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// weekday of a day number (Sunday = 0); 1 January 1970 was a Thursday.
func weekday(day int) int { return ((day % 7) + 7 + 4) % 7 }

// isoDay formats a day number as YYYY-MM-DD.
func isoDay(day int) string {
	var b [10]byte
	return string(dayTime(day).AppendFormat(b[:0], time.DateOnly))
}

// writeDate writes "22 March" or "March 22".
func (s *state) writeDate(day int) {
	_, m, d := dayTime(day).Date()
	if s.usDates {
		s.buf = append(s.buf, monthNames[m-1]...)
		s.buf = append(s.buf, ' ')
		s.buf = appendInt(s.buf, d)
		return
	}
	s.buf = appendInt(s.buf, d)
	s.buf = append(s.buf, ' ')
	s.buf = append(s.buf, monthNames[m-1]...)
}

// when writes a time phrase relative to the publication day, in the future
// or in the past, and returns the day it names, or -1 when it names no day.
func (s *state) when(future bool) int {
	r := &s.r
	k := r.intn(100)
	_, _, dom := dayTime(s.pub).Date()
	if future {
		switch {
		case k < 42:
			d := 1 + r.intn(6)
			day := s.pub + d
			if d <= 4 && r.chance(60) {
				s.buf = append(s.buf, "this "...)
			} else {
				s.buf = append(s.buf, "on "...)
			}
			s.buf = append(s.buf, weekdayNames[weekday(day)]...)
			return day
		case k < 56:
			s.buf = append(s.buf, "next week"...)
		case k < 64:
			s.buf = append(s.buf, "tomorrow"...)
			return s.pub + 1
		case k < 80:
			day := s.pub + 2 + r.intn(18)
			s.buf = append(s.buf, "on "...)
			s.writeDate(day)
			return day
		case k < 90:
			if dom <= 20 {
				s.buf = append(s.buf, "later this month"...)
			} else {
				s.buf = append(s.buf, "early next month"...)
			}
		default:
			s.buf = append(s.buf, "in the coming days"...)
		}
		return -1
	}
	switch {
	case k < 45:
		day := s.pub - 1 - r.intn(6)
		s.buf = append(s.buf, "on "...)
		s.buf = append(s.buf, weekdayNames[weekday(day)]...)
		return day
	case k < 55:
		s.buf = append(s.buf, "yesterday"...)
		return s.pub - 1
	case k < 67:
		s.buf = append(s.buf, "last week"...)
	case k < 77:
		if dom > 7 {
			s.buf = append(s.buf, "earlier this month"...)
		} else {
			s.buf = append(s.buf, "late last month"...)
		}
	case k < 92:
		day := s.pub - 2 - r.intn(18)
		s.buf = append(s.buf, "on "...)
		s.writeDate(day)
		return day
	default:
		s.buf = append(s.buf, "in recent days"...)
	}
	return -1
}

// vagueTimes are time phrases that name no day.
var vagueTimes = []string{
	"earlier this month", "in recent weeks", "last week", "this week", "in recent days",
	"over the weekend", "last month",
}

func (s *state) vague() { s.text(vagueTimes[s.r.intn(len(vagueTimes))]) }
