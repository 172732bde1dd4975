package briefing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"briefbot/briefing/fold"
	"briefbot/briefing/names"
)

// Service answers commands from the corpus. It is the one query layer the
// CLI, the Discord bot and DMs share.
type Service struct {
	store Store
	names *names.Matcher
}

// NewService returns a Service reading store.
func NewService(store Store, matcher *names.Matcher) *Service {
	return &Service{store: store, names: matcher}
}

// Limits of answers.
const (
	maxQuotes    = 50
	maxHits      = 20
	maxEvents    = 200
	counterparts = 8
	maxSources   = 100
)

// Ask answers a command. Errors a user should see are *Error.
func (s *Service) Ask(ctx context.Context, c Command) (Answer, error) {
	switch c.Name {
	case CmdWhoMet:
		return s.whoMet(ctx, c)
	case CmdQuotes:
		return s.quotes(ctx, c)
	case CmdWhoIs:
		return s.whoIs(ctx, c)
	case CmdSearch:
		hits, err := s.store.Search(ctx, c.Words, maxHits)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		return SearchAnswer{Command: CmdSearch, Words: c.Words, Hits: hits}, nil
	case CmdTimeline:
		return s.timeline(ctx, c)
	case CmdSources:
		src, total, err := s.store.Sources(ctx, maxSources)
		if err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		return SourcesAnswer{Command: CmdSources, Sources: src, Total: total}, nil
	case CmdGraph:
		return s.graph(ctx, c)
	case CmdTimelineChart:
		return s.chart(ctx, c)
	case CmdHelp:
		return Help(), nil
	}
	return nil, &Error{Code: ErrBadCommand, Message: "Unknown command. " + HelpHint}
}

func (s *Service) whoMet(ctx context.Context, c Command) (Answer, error) {
	p, err := s.profile(ctx, c.Person)
	if err != nil {
		return nil, err
	}
	a := WhoMetAnswer{Command: CmdWhoMet, Person: p}
	var with int64
	if c.With != "" {
		w, err := s.ResolvePerson(ctx, c.With)
		if err != nil {
			return nil, err
		}
		a.With, with = &w, w.ID
	}
	a.Meetings, err = s.store.Meetings(ctx, p.ID, with)
	if err != nil {
		return nil, fmt.Errorf("meetings of %d: %w", p.ID, err)
	}
	return a, nil
}

func (s *Service) quotes(ctx context.Context, c Command) (Answer, error) {
	p, err := s.profile(ctx, c.Person)
	if err != nil {
		return nil, err
	}
	q, err := s.store.Quotes(ctx, p.ID, c.About, maxQuotes)
	if err != nil {
		return nil, fmt.Errorf("quotes of %d: %w", p.ID, err)
	}
	return QuotesAnswer{Command: CmdQuotes, Person: p, About: c.About, Quotes: q}, nil
}

func (s *Service) whoIs(ctx context.Context, c Command) (Answer, error) {
	p, err := s.profile(ctx, c.Person)
	if err != nil {
		return nil, err
	}
	a := WhoIsAnswer{Command: CmdWhoIs, Person: p}
	if a.Counterparts, err = s.store.Counterparts(ctx, p.ID, counterparts); err != nil {
		return nil, fmt.Errorf("counterparts of %d: %w", p.ID, err)
	}
	qs, err := s.store.Quotes(ctx, p.ID, "", 1)
	if err != nil {
		return nil, fmt.Errorf("quotes of %d: %w", p.ID, err)
	}
	if len(qs) > 0 {
		a.LatestQuote = &qs[0]
	}
	if a.Meetings, a.Quotes, err = s.store.PersonStats(ctx, p.ID); err != nil {
		return nil, fmt.Errorf("stats of %d: %w", p.ID, err)
	}
	return a, nil
}

func (s *Service) timeline(ctx context.Context, c Command) (Answer, error) {
	a := TimelineAnswer{Command: CmdTimeline, Subject: c.Subject}
	var person int64
	p, err := s.subject(ctx, c.Subject)
	if err != nil {
		return nil, err
	}
	if p != nil {
		a.Person, person = p, p.ID
	}
	events, err := s.store.Timeline(ctx, person, c.Subject, maxEvents)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	a.Events = events
	return a, nil
}

func (s *Service) profile(ctx context.Context, name string) (Person, error) {
	ref, err := s.ResolvePerson(ctx, name)
	if err != nil {
		return Person{}, err
	}
	p, err := s.store.Person(ctx, ref.ID)
	if err != nil {
		return Person{}, fmt.Errorf("person %d: %w", ref.ID, err)
	}
	return p, nil
}

// ResolvePerson finds the one person a name refers to, the way a reader
// would: case and diacritics ignored, a surname alone, a nickname, a
// transliteration. Several equally good fits give an ErrAmbiguous error
// listing them; none gives ErrNotFound with close names.
func (s *Service) ResolvePerson(ctx context.Context, query string) (PersonRef, error) {
	query = strings.TrimSpace(query)
	if fold.Key(query) == "" {
		return PersonRef{}, &Error{Code: ErrInvalid, Message: "Give a person's name, for example “barnea”."}
	}
	if len(query) > maxArgument {
		return PersonRef{}, &Error{Code: ErrInvalid, Message: "That name is too long."}
	}
	cands, err := s.store.PeopleByKeys(ctx, s.QueryKeys(query))
	if err != nil {
		return PersonRef{}, fmt.Errorf("find %q: %w", query, err)
	}
	type scored struct {
		c     PersonCandidate
		score int
	}
	var best []scored
	top := 0
	for _, c := range cands {
		sc := 0
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			sc = max(sc, s.names.QueryScore(query, names.Parse(a)))
		}
		switch {
		case sc == 0 || sc < top:
		case sc > top:
			top, best = sc, []scored{{c, sc}}
		default:
			best = append(best, scored{c, sc})
		}
	}
	switch len(best) {
	case 1:
		return best[0].c.PersonRef, nil
	case 0:
		return PersonRef{}, s.notFound(ctx, query)
	}
	slices.SortFunc(best, func(a, b scored) int { return cmp.Compare(b.c.Mentions, a.c.Mentions) })
	e := &Error{Code: ErrAmbiguous, Message: fmt.Sprintf("“%s” fits %d people; say which one:", clip(query, 60), len(best))}
	for _, b := range best {
		e.Candidates = append(e.Candidates, b.c.PersonRef)
	}
	return PersonRef{}, e
}

// QueryKeys are the index keys a name query may match: the skeleton of
// each word, and of the formal names a nickname stands for.
func (s *Service) QueryKeys(query string) []string {
	return s.names.Keys(names.Parse(query))
}

// notFound builds the error for an unknown name, with close names.
func (s *Service) notFound(ctx context.Context, query string) error {
	e := &Error{Code: ErrNotFound, Message: fmt.Sprintf("No one called “%s” in the corpus.", clip(query, 60))}
	n := names.Parse(query)
	word := n.Surname
	if len(word) < 2 {
		return e
	}
	cands, err := s.store.PeopleByPrefix(ctx, word[:min(2, len(word))], 200)
	if err != nil {
		return fmt.Errorf("suggest for %q: %w", query, err)
	}
	type near struct {
		name string
		d    int
		m    int
	}
	var close []near
	for _, c := range cands {
		best := 1 << 30
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			for _, w := range names.Parse(a).Words() {
				best = min(best, names.EditDistance(word, w))
			}
		}
		if best <= max(2, len(word)/3) {
			close = append(close, near{c.Name, best, c.Mentions})
		}
	}
	slices.SortFunc(close, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(b.m, a.m), strings.Compare(a.name, b.name))
	})
	for i := 0; i < len(close) && i < 5; i++ {
		e.Suggestions = append(e.Suggestions, close[i].name)
	}
	return e
}
