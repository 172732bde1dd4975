package briefing

import (
	"encoding/json"
	"strings"
	"time"
)

// DocumentRef cites a stored article.
type DocumentRef struct {
	ID        int64  `json:"-"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published Date   `json:"published"`
}

// Cite is how an answer names the source: its file name or URL, with the
// publication date when known.
func (d DocumentRef) Cite() string {
	s := d.Source
	if d.URL != "" && d.URL != d.Source {
		s = d.URL
	}
	if !d.Published.IsZero() {
		s += " (" + d.Published.String() + ")"
	}
	return s
}

// PersonRef names a person of the corpus.
type PersonRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"` // the main role, when one is known
}

// Person is a person's profile.
type Person struct {
	PersonRef
	Aliases       []string      `json:"aliases"`
	Roles         []string      `json:"roles"`
	Organizations []string      `json:"organizations"`
	Gender        Gender        `json:"gender,omitempty"`
	Mentions      int           `json:"mentions"`
	Documents     []DocumentRef `json:"documents"`
	FirstSeen     Date          `json:"first_seen"`
	LastSeen      Date          `json:"last_seen"`
}

// PersonCandidate is a person a name may refer to, with the forms of the
// name the corpus holds.
type PersonCandidate struct {
	PersonRef
	Aliases  []string
	Mentions int
}

// Counterpart is someone a person met or appears with.
type Counterpart struct {
	PersonRef
	Meetings int `json:"meetings"`
	Articles int `json:"articles"` // articles naming both
}

// QuoteRecord is a stored quotation.
type QuoteRecord struct {
	ID      int64       `json:"id"`
	Speaker *PersonRef  `json:"speaker"`
	Text    string      `json:"text"`
	Partial bool        `json:"partial"`
	Verb    string      `json:"verb,omitempty"`
	Context string      `json:"context"` // the sentence it stands in
	Source  DocumentRef `json:"source"`
}

// MeetingRecord is a meeting merged across the articles that report it.
type MeetingRecord struct {
	ID           int64           `json:"id"`
	Kind         MeetingKind     `json:"kind"`
	Participants []PersonRef     `json:"participants"`
	Parties      []string        `json:"organizations"`
	Groups       []string        `json:"groups,omitempty"`
	Place        string          `json:"place"`
	Date         Date            `json:"date"`
	DateInferred bool            `json:"date_inferred,omitempty"` // resolved from another report's publication date
	When         string          `json:"when"`
	Status       MeetingStatus   `json:"status"`
	Sources      []MeetingSource `json:"sources"`
}

// MeetingSource is one article's report of a meeting.
type MeetingSource struct {
	DocumentRef
	Evidence     string        `json:"evidence"`      // the sentence that reports it
	Participants []PersonRef   `json:"participants"`  // the people this article names
	Parties      []string      `json:"organizations"` // the organisations this article names
	Place        string        `json:"place,omitempty"`
	When         string        `json:"when,omitempty"`
	Date         Date          `json:"date"`
	Status       MeetingStatus `json:"status"`
}

// Marks around the matched words of a SearchHit snippet.
const (
	MarkOpen  = "\x02"
	MarkClose = "\x03"
)

// SearchHit is a sentence that matches a search.
type SearchHit struct {
	// Snippet is the matching part of the sentence, the matched words
	// between MarkOpen and MarkClose (see Highlight).
	Snippet  string      `json:"snippet"`
	Sentence string      `json:"sentence"`
	Source   DocumentRef `json:"source"`
	Rank     float64     `json:"rank"`
}

// TimelineEvent is one dated development.
type TimelineEvent struct {
	Date    Date          `json:"date"`
	When    string        `json:"when,omitempty"`
	Kind    string        `json:"kind"` // "meeting", "quote", "figure", "article"
	Text    string        `json:"text"`
	Sources []DocumentRef `json:"sources"`
}

// SourceSummary describes one stored article.
type SourceSummary struct {
	DocumentRef
	IngestedAt time.Time `json:"ingested_at"`
	Sentences  int       `json:"sentences"`
	People     int       `json:"people"`
	Quotes     int       `json:"quotes"`
	Meetings   int       `json:"meetings"`
	Figures    int       `json:"figures"`
}

// Highlight returns the snippet with the matched words between open and
// close.
func (h SearchHit) Highlight(open, close string) string {
	return strings.NewReplacer(MarkOpen, open, MarkClose, close).Replace(h.Snippet)
}

// MarshalJSON writes the snippet with the matched words marked **so**.
func (h SearchHit) MarshalJSON() ([]byte, error) {
	type plain SearchHit
	p := plain(h)
	p.Snippet = h.Highlight("**", "**")
	return json.Marshal(p)
}

// IngestResult says what became of one stored article.
type IngestResult struct {
	DocumentID  int64  `json:"document_id,omitempty"`
	Duplicate   bool   `json:"duplicate,omitempty"` // the same content (or URL) was already stored
	DuplicateOf string `json:"duplicate_of,omitempty"`
	People      int    `json:"people"`
	Quotes      int    `json:"quotes"`
	Meetings    int    `json:"meetings"`
	Figures     int    `json:"figures"`
}
