package briefing

import (
	"context"
	"fmt"

	"briefbot/briefing/fold"
)

// Chart is how a story moved over time: articles per publication day,
// with the in-person meetings of the same subject marked on the days
// they were held or planned for.
type Chart struct {
	Subject  string       `json:"subject,omitempty"`
	Person   *PersonRef   `json:"person,omitempty"` // when the subject names one person
	Days     []DayCount   `json:"days"`             // oldest first
	Meetings []MeetingDay `json:"meetings"`         // oldest first
	// Articles and meetings without a date cannot be placed on the
	// time axis; they are counted here.
	UndatedArticles int `json:"undated_articles,omitempty"`
	UndatedMeetings int `json:"undated_meetings,omitempty"`
}

// DayCount is how many articles were published on a day.
type DayCount struct {
	Date     Date `json:"date"`
	Articles int  `json:"articles"`
}

// MeetingDay counts the in-person meetings of a day, by status.
type MeetingDay struct {
	Date     Date `json:"date"`
	Held     int  `json:"held"`
	Planned  int  `json:"planned"`
	Canceled int  `json:"canceled"`
}

// Articles is the number of dated articles of the chart.
func (c Chart) Articles() int {
	n := 0
	for _, d := range c.Days {
		n += d.Articles
	}
	return n
}

// MeetingCounts adds up the dated meetings of the chart by status.
func (c Chart) MeetingCounts() MeetingDay {
	var t MeetingDay
	for _, m := range c.Meetings {
		t.Held += m.Held
		t.Planned += m.Planned
		t.Canceled += m.Canceled
	}
	return t
}

// Span is the first and last day the chart covers: its articles' and its
// meetings' days (zero dates when it has none).
func (c Chart) Span() (first, last Date) {
	see := func(d Date) {
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if last.IsZero() || last.Before(d) {
			last = d
		}
	}
	for _, d := range c.Days {
		see(d.Date)
	}
	for _, m := range c.Meetings {
		see(m.Date)
	}
	return first, last
}

// ChartAnswer is a timeline chart.
type ChartAnswer struct {
	Command CommandName `json:"command"`
	Chart   Chart       `json:"chart"`
}

// Kind implements Answer.
func (ChartAnswer) Kind() CommandName { return CmdTimelineChart }

func (s *Service) chart(ctx context.Context, c Command) (Answer, error) {
	ch := Chart{Subject: c.Subject}
	person, err := s.subject(ctx, c.Subject)
	if err != nil {
		return nil, err
	}
	var id int64
	if person != nil {
		ch.Person, id = person, person.ID
	}
	if ch.Days, ch.UndatedArticles, err = s.store.ArticleDays(ctx, id, c.Subject); err != nil {
		return nil, fmt.Errorf("articles per day: %w", err)
	}
	if ch.Meetings, ch.UndatedMeetings, err = s.store.MeetingDays(ctx, id, c.Subject); err != nil {
		return nil, fmt.Errorf("meetings per day: %w", err)
	}
	if len(ch.Days) == 0 && len(ch.Meetings) == 0 {
		what := "The corpus has no dated articles yet."
		if c.Subject != "" {
			what = fmt.Sprintf("No dated articles about “%s”.", clip(c.Subject, 60))
		}
		return nil, &Error{Code: ErrNotFound, Message: what}
	}
	return ChartAnswer{Command: CmdTimelineChart, Chart: ch}, nil
}

// subject reads the subject of a timeline: a person when it names
// exactly one, else a topic (nil, nil). An empty subject is everything.
func (s *Service) subject(ctx context.Context, subject string) (*PersonRef, error) {
	if subject == "" {
		return nil, nil
	}
	if fold.Key(subject) == "" {
		return nil, &Error{Code: ErrInvalid, Message: "Give a person or a topic, for example “rafah”."}
	}
	p, err := s.ResolvePerson(ctx, subject)
	if err == nil {
		return &p, nil
	}
	if ue, ok := UserError(err); !ok || ue.Code == ErrInvalid {
		return nil, err
	}
	return nil, nil
}
