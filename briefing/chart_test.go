package briefing

import (
	"strings"
	"testing"
)

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestChartSummary(t *testing.T) {
	c := Chart{
		Days:            []DayCount{{day("2024-03-19"), 1}, {day("2024-03-21"), 3}, {day("2024-03-22"), 2}},
		Meetings:        []MeetingDay{{Date: day("2024-03-18"), Held: 1}, {Date: day("2024-03-22"), Planned: 2, Canceled: 1}},
		UndatedArticles: 3,
		UndatedMeetings: 1,
	}
	first, last := c.Span()
	if first != day("2024-03-18") || last != day("2024-03-22") {
		t.Errorf("span %v–%v, want the first meeting to the last article", first, last)
	}
	got := strings.Join(ChartSummary(c), "\n")
	want := `6 articles from Tuesday 19 March 2024 to Friday 22 March 2024; the most on Thursday 21 March 2024 (3).
Meetings marked: 4 meetings (1 held, 2 planned, 1 canceled).
• Monday 18 March 2024: 1 meeting (held)
• Friday 22 March 2024: 3 meetings (2 planned, 1 canceled)
Without a date, so not on the chart: 3 articles and 1 meeting.`
	if got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}

	one := Chart{Subject: "rafah", Days: []DayCount{{day("2024-03-21"), 1}}}
	if got := strings.Join(ChartSummary(one), "\n"); got != "1 article on Thursday 21 March 2024." {
		t.Errorf("one day: %q", got)
	}
	if got := ChartTitle(one); got != "Articles per day: “rafah”" {
		t.Errorf("title %q", got)
	}

	var many Chart
	for i := range 12 {
		many.Meetings = append(many.Meetings, MeetingDay{Date: day("2024-01-01").AddDays(i), Held: 1})
	}
	lines := ChartSummary(many)
	if len(lines) != 2+maxListedDays+1 || lines[len(lines)-1] != "• and 4 more days" {
		t.Errorf("12 meeting days summarised as:\n%s", strings.Join(lines, "\n"))
	}
}
