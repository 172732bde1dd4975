package briefing

import "context"

// Store is what the query layer reads from the corpus.
type Store interface {
	// PeopleByKeys returns the people having a name word with one of the
	// keys (see names.Skeleton).
	PeopleByKeys(ctx context.Context, keys []string) ([]PersonCandidate, error)
	// PeopleByPrefix returns up to limit people with a name word starting
	// with the folded prefix, most mentioned first.
	PeopleByPrefix(ctx context.Context, prefix string, limit int) ([]PersonCandidate, error)
	// Person returns a person's profile.
	Person(ctx context.Context, id int64) (Person, error)
	// Meetings returns the meetings a person took part in (with another
	// person when with is not 0), newest first.
	Meetings(ctx context.Context, person, with int64) ([]MeetingRecord, error)
	// Quotes returns a person's quotations, newest first; about, when not
	// empty, keeps those whose words match it.
	Quotes(ctx context.Context, speaker int64, about string, limit int) ([]QuoteRecord, error)
	// PersonStats counts a person's in-person meetings and quotations.
	PersonStats(ctx context.Context, person int64) (meetings, quotes int, err error)
	// Counterparts returns the people a person met or appears with most.
	Counterparts(ctx context.Context, person int64, limit int) ([]Counterpart, error)
	// Search ranks sentences that match the words (bm25).
	Search(ctx context.Context, words string, limit int) ([]SearchHit, error)
	// Timeline returns dated developments, oldest first: of a person when
	// person is not 0, else of a topic when topic is not empty, else all.
	// Of more than limit, the newest are kept.
	Timeline(ctx context.Context, person int64, topic string, limit int) ([]TimelineEvent, error)
	// Sources lists up to limit stored articles, newest first, and how
	// many there are in all.
	Sources(ctx context.Context, limit int) ([]SourceSummary, int, error)
	// People returns the people of ids with their names and main roles,
	// in the order of ids; an id not stored is left out.
	People(ctx context.Context, ids []int64) ([]PersonCandidate, error)
	// MeetingLinks counts the in-person meetings each of people shared
	// with each other person, by status: one link per pair, the lower id
	// first.
	MeetingLinks(ctx context.Context, people []int64) ([]MeetingLink, error)
	// ArticleDays counts articles per publication day, oldest first: of
	// a person when person is not 0, else of a topic when topic is not
	// empty, else all; undated counts those without a date.
	ArticleDays(ctx context.Context, person int64, topic string) (days []DayCount, undated int, err error)
	// MeetingDays counts in-person meetings per day by status, oldest
	// first, chosen as ArticleDays chooses articles (a topic's meetings
	// are those its matching sentences report); undated counts those
	// without a date.
	MeetingDays(ctx context.Context, person int64, topic string) (days []MeetingDay, undated int, err error)
}
