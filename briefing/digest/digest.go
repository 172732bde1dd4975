// Package digest composes briefings of what is new in the corpus since a
// channel's last one: the new articles, near-duplicates dropped, clustered
// into stories, each with its new facts, notable quotes and sources. Facts
// a channel was already told are not repeated. Composition is pure: the
// same window and history give the same digest, byte for byte.
package digest

import (
	"time"

	"briefbot/briefing"
)

// Article is one article of a digest window with what was extracted
// from it.
type Article struct {
	Doc        briefing.DocumentRef `json:"doc"`
	IngestedAt time.Time            `json:"ingested_at"`
	// Sentences are the body's sentences in reading order, headings
	// excluded.
	Sentences []string `json:"sentences"`
	// People are the people the article names, most mentioned first.
	People []PersonMention `json:"people"`
	// Quotes are the article's quotations in reading order.
	Quotes []briefing.QuoteRecord `json:"quotes"`
	// Figures are the numbers the article reports.
	Figures []Figure `json:"figures"`
	// Meetings are the in-person meetings the article reports, each
	// merged across every article reporting it (older ones included).
	Meetings []briefing.MeetingRecord `json:"meetings"`
}

// PersonMention is a person an article names and how often.
type PersonMention struct {
	briefing.PersonRef
	Mentions int `json:"mentions"`
}

// Figure is a number an article reports, with the sentence it stands in.
type Figure struct {
	Text     string `json:"text"`     // "some 40 of the remaining 134 hostages"
	Sentence string `json:"sentence"` // the sentence that reports it
}

// Window is what a channel's next digest is composed from.
type Window struct {
	Channel string `json:"channel"`
	// Since is when the channel's last digest was posted, or the start
	// asked for; zero when the window starts at the corpus's beginning.
	Since time.Time `json:"since"`
	// Articles are the articles new to the channel, oldest first; at
	// most the newest MaxArticles of them.
	Articles []Article `json:"articles"`
	// Total counts the articles new to the channel, which may exceed
	// len(Articles).
	Total int `json:"total"`
	// Cursor is the position in the corpus the window ends at; the
	// channel's next window starts after it once this digest is posted.
	Cursor int64 `json:"cursor"`
	// Told is what earlier digests of the channel said: the latest
	// MaxToldFacts facts.
	Told []Fact `json:"told"`
}

// MaxToldFacts bounds the facts a window remembers, so that a channel's
// history does not slow its digests down as it grows: about a month of
// busy daily digests.
const MaxToldFacts = 50_000

// MaxArticles bounds the articles one digest is composed from; a longer
// window keeps its newest articles.
const MaxArticles = 2000

// FactKind classifies what a digest says.
type FactKind string

// Fact kinds.
const (
	FactMeeting   FactKind = "meeting"
	FactQuote     FactKind = "quote"
	FactFigure    FactKind = "figure"
	FactStatement FactKind = "statement"
)

// Fact is one thing a digest told a channel, remembered so that later
// digests do not repeat it.
type Fact struct {
	Kind FactKind `json:"kind"`
	// Key identifies the fact exactly (a meeting's id and status, a
	// quote's speaker and folded words).
	Key string `json:"key"`
	// Text is what was said, compared by words with new candidates.
	Text string `json:"text"`
}

// Digest is a composed briefing.
type Digest struct {
	Channel string    `json:"channel"`
	Since   time.Time `json:"since"`
	Stories []Story   `json:"stories"`
	// Articles counts the new articles the digest covers; Duplicates,
	// those among them dropped as near-copies of another.
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	// Omitted counts stories with new facts left out to keep the digest
	// short.
	Omitted int `json:"omitted"`
	// Unread counts new articles beyond MaxArticles not composed from.
	Unread int `json:"unread"`
	// Cursor is where the channel's next window starts once this digest
	// is posted.
	Cursor int64 `json:"cursor"`
	// Facts are what the digest says, and what the articles of its
	// stories reported besides, to remember when it is posted so that
	// later digests do not repeat them.
	Facts []Fact `json:"facts"`
}

// Empty reports whether the digest has nothing new to say.
func (d Digest) Empty() bool { return len(d.Stories) == 0 }

// Story is a cluster of articles about one development.
type Story struct {
	Headline string `json:"headline"`
	// WhatsNew is one line on what the story adds.
	WhatsNew string   `json:"whats_new"`
	Bullets  []Bullet `json:"bullets"`
	// Quotes are one or two notable new quotations.
	Quotes []briefing.QuoteRecord `json:"quotes"`
	// Sources are the story's articles, near-duplicates included, in
	// the order they arrived.
	Sources []briefing.DocumentRef `json:"sources"`
}

// Bullet is one new fact of a story with the articles reporting it.
type Bullet struct {
	Kind    FactKind               `json:"kind"`
	Text    string                 `json:"text"`
	Sources []briefing.DocumentRef `json:"sources"`
}
