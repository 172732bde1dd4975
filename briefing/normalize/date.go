package normalize

import (
	"strings"
	"time"

	"briefbot/briefing"
)

// monthByName maps lower-case English month names and abbreviations to
// months.
var monthByName = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

// weekdayNames are lower-case weekday names and abbreviations that may lead
// a date ("Thursday, March 21, 2024", "Thu, 21 Mar 2024 10:00:00 GMT").
var weekdayNames = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true,
	"thurs": true, "friday": true, "fri": true, "saturday": true, "sat": true,
	"sunday": true, "sun": true,
}

// dateLineKeys are the lower-case labels of a line that holds only a
// publication date, such as "Published: March 21, 2024".
var dateLineKeys = []string{"published on", "posted on", "publication date", "published", "posted", "dated", "date"}

// parseDate parses a whole string as a calendar date. Accepted: 2024-03-21,
// 2024/03/21, RFC 3339 and similar timestamps (the date as written is kept),
// "March 21, 2024", "Mar 21, 2024", "Mar. 21 2024", "21 March 2024",
// "21 Mar 2024", each optionally led by a weekday and followed by a time of
// day. Impossible dates such as 2024-02-30 are rejected.
func parseDate(s string) (briefing.Date, bool) {
	s = stripWeekday(strings.TrimSpace(s))
	for _, parse := range []func(string) (briefing.Date, string, bool){parseISODate, parseMonthFirst, parseDayFirst} {
		if d, rest, ok := parse(s); ok && isTimeRest(rest) {
			return d, true
		}
	}
	return briefing.Date{}, false
}

// stripWeekday removes a leading weekday name and the comma or space after it.
func stripWeekday(s string) string {
	word, rest := leadingLetters(s)
	if word == "" || !weekdayNames[strings.ToLower(word)] {
		return s
	}
	rest = strings.TrimPrefix(rest, ".")
	rest = strings.TrimPrefix(rest, ",")
	if !strings.HasPrefix(rest, " ") {
		return s
	}
	return strings.TrimLeft(rest, " ")
}

// parseISODate parses a leading YYYY-MM-DD or YYYY/MM/DD (month and day may
// have one digit) and returns the rest of s.
func parseISODate(s string) (briefing.Date, string, bool) {
	y, rest, ok := digits(s, 4, 4)
	if !ok || rest == "" || (rest[0] != '-' && rest[0] != '/') {
		return briefing.Date{}, "", false
	}
	sep := rest[0]
	m, rest, ok := digits(rest[1:], 1, 2)
	if !ok || rest == "" || rest[0] != sep {
		return briefing.Date{}, "", false
	}
	d, rest, ok := digits(rest[1:], 1, 2)
	if !ok {
		return briefing.Date{}, "", false
	}
	date, ok := makeDate(y, m, d)
	return date, rest, ok
}

// parseMonthFirst parses a leading "March 21, 2024" (also "Mar 21 2024",
// "Mar. 21st, 2024") and returns the rest of s.
func parseMonthFirst(s string) (briefing.Date, string, bool) {
	month, rest, ok := monthWord(s)
	if !ok || !strings.HasPrefix(rest, " ") {
		return briefing.Date{}, "", false
	}
	d, rest, ok := dayNumber(strings.TrimLeft(rest, " "))
	if !ok {
		return briefing.Date{}, "", false
	}
	return yearAfter(rest, int(month), d)
}

// yearAfter reads the ", 2024" or " 2024" that ends a written date and
// makes the date.
func yearAfter(rest string, month, day int) (briefing.Date, string, bool) {
	rest = strings.TrimPrefix(rest, ",")
	if !strings.HasPrefix(rest, " ") {
		return briefing.Date{}, "", false
	}
	y, rest, ok := digits(strings.TrimLeft(rest, " "), 4, 4)
	if !ok {
		return briefing.Date{}, "", false
	}
	date, ok := makeDate(y, month, day)
	return date, rest, ok
}

// parseDayFirst parses a leading "21 March 2024" (also "21 Mar 2024",
// "21st March, 2024") and returns the rest of s.
func parseDayFirst(s string) (briefing.Date, string, bool) {
	d, rest, ok := dayNumber(s)
	if !ok || !strings.HasPrefix(rest, " ") {
		return briefing.Date{}, "", false
	}
	month, rest, ok := monthWord(strings.TrimLeft(rest, " "))
	if !ok {
		return briefing.Date{}, "", false
	}
	return yearAfter(rest, int(month), d)
}

// isTimeRest reports whether what follows a date is nothing, or only a time
// of day with an optional zone: "T10:00:00Z", " 10:45 GMT", ", 3pm",
// " at 9 a.m.", " 10:00:00 +0000". A time needs minutes or am/pm, so that
// "March 21, 2024 12 people" is not a date.
func isTimeRest(rest string) bool {
	if rest == "" {
		return true
	}
	r := strings.TrimLeft(rest, " ,")
	switch {
	case strings.HasPrefix(rest, "T"):
		r = rest[1:]
	case r == rest:
		return false // the date must end at a separator
	}
	if hasPrefixFold(r, "at ") {
		r = r[3:]
	}
	_, r, ok := digits(r, 1, 2)
	if !ok {
		return false
	}
	clock := false
	for i := 0; i < 2 && strings.HasPrefix(r, ":"); i++ {
		if _, r, ok = digits(r[1:], 2, 2); !ok {
			return false
		}
		clock = true
	}
	if clock && (strings.HasPrefix(r, ".") || strings.HasPrefix(r, ",")) {
		if _, r, ok = digits(r[1:], 1, 9); !ok {
			return false
		}
	}
	r = strings.TrimLeft(r, " ")
	for _, m := range []string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if hasPrefixFold(r, m) {
			r, clock = strings.TrimLeft(r[len(m):], " "), true
			break
		}
	}
	return clock && isZone(r)
}

// isZone reports whether s is empty or a time zone: "Z", "+02:00", "-0500",
// or a short name such as "GMT", "UTC+2" or "ET".
func isZone(s string) bool {
	if s == "" || s == "Z" {
		return true
	}
	word, rest := leadingLetters(s)
	if len(word) > 5 || (word != "" && strings.ToUpper(word) != word) {
		return false
	}
	if rest == "" {
		return word != ""
	}
	if rest[0] != '+' && rest[0] != '-' {
		return false
	}
	if _, r, ok := digits(rest[1:], 4, 4); ok {
		return r == ""
	}
	_, rest, ok := digits(rest[1:], 1, 2)
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, ":")
	if rest == "" {
		return true
	}
	_, rest, ok = digits(rest, 2, 2)
	return ok && rest == ""
}

// dateLine reports whether a whole line is a date label such as
// "Date: 2024-03-21" or "Published 21 March 2024", and returns its date.
func dateLine(line string) (briefing.Date, bool) {
	for _, key := range dateLineKeys {
		if !hasPrefixFold(line, key) {
			continue
		}
		rest := line[len(key):]
		rest = strings.TrimPrefix(rest, ":")
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		return parseDate(rest)
	}
	return briefing.Date{}, false
}

// isDateOnly reports whether a line is only a publication date, labelled
// ("Published: 8 October 2025") or bare ("March 13, 2025").
func isDateOnly(line string) bool {
	_, ok := publicationDate(line)
	return ok
}

// publicationDate reads a line that is only a publication date.
func publicationDate(line string) (briefing.Date, bool) {
	if d, ok := dateLine(line); ok {
		return d, true
	}
	return parseDate(strings.TrimSpace(line))
}

// datePrefix splits the inline prefix "date YYYY-MM-DD " off the start of a
// line (case-insensitive "date", optional colon; the date is one token such
// as 2024-03-21 or an RFC 3339 timestamp) and returns the date and the rest
// of the line. ok is false when there is no such prefix or its date is
// impossible.
func datePrefix(line string) (d briefing.Date, rest string, ok bool) {
	if !hasPrefixFold(line, "date") {
		return briefing.Date{}, "", false
	}
	r := strings.TrimPrefix(line[4:], ":")
	if !strings.HasPrefix(r, " ") {
		return briefing.Date{}, "", false
	}
	r = strings.TrimLeft(r, " ")
	token, rest, _ := strings.Cut(r, " ")
	d, ok = parseDate(token)
	if !ok {
		return briefing.Date{}, "", false
	}
	return d, strings.TrimLeft(rest, " "), true
}

// digits reads between min and max ASCII digits from the start of s.
func digits(s string, minN, maxN int) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && i < maxN && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i < minN || (i < len(s) && s[i] >= '0' && s[i] <= '9') {
		return 0, s, false
	}
	return n, s[i:], true
}

// dayNumber reads a day of the month with an optional ordinal suffix
// ("21", "21st").
func dayNumber(s string) (int, string, bool) {
	d, rest, ok := digits(s, 1, 2)
	if !ok {
		return 0, s, false
	}
	if len(rest) >= 2 {
		switch strings.ToLower(rest[:2]) {
		case "st", "nd", "rd", "th":
			if len(rest) == 2 || !isASCIILetter(rest[2]) {
				rest = rest[2:]
			}
		}
	}
	return d, rest, true
}

// monthWord reads an English month name or abbreviation, with an optional
// trailing dot.
func monthWord(s string) (time.Month, string, bool) {
	word, rest := leadingLetters(s)
	m, ok := monthByName[strings.ToLower(word)]
	if !ok {
		return 0, s, false
	}
	return m, strings.TrimPrefix(rest, "."), true
}

// leadingLetters splits s after its leading ASCII letters.
func leadingLetters(s string) (word, rest string) {
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// makeDate validates a year, month and day.
func makeDate(y, m, d int) (briefing.Date, bool) {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return briefing.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return briefing.Date{}, false
	}
	return briefing.Date{Year: y, Month: time.Month(m), Day: d}, true
}
