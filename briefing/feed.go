package briefing

import "time"

// Feed is an RSS or Atom feed the corpus reads, with where its polling
// stands.
type Feed struct {
	ID    int64
	URL   string
	Title string // the feed's own title, once read
	// Every is how often the feed is polled.
	Every time.Duration
	// Polled says the feed is read on its schedule (it was added from the
	// config, the CLI or Discord); a feed only read once by ingest is not.
	Polled bool
	// Origin says who added it: "config", "cli", or "discord:<user id>".
	Origin string
	// ETag and LastModified are the validators of its last answer, sent
	// back so that an unchanged feed costs a 304.
	ETag, LastModified string
	NextCheck          time.Time // when it is next due
	LastCheck          time.Time // its last poll, zero if never
	LastSuccess        time.Time // its last good poll, zero if never
	// Errors counts the polls that failed in a row; LastError is the last
	// one's reason.
	Errors    int
	LastError string
	Articles  int // articles it has added to the corpus
	AddedAt   time.Time
}

// FeedItem records what became of one item of a feed, so that it is read
// once: its GUID within the feed, its canonical URL, and the document it
// became (0 when none) or why it could not be used.
type FeedItem struct {
	FeedID     int64
	GUID       string
	URL        string
	DocumentID int64
	Error      string
	SeenAt     time.Time
}
