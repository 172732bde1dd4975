package sources

import (
	"context"
	"time"

	"briefbot/briefing"
)

// Store keeps the feeds, where their polling stands and the items they
// gave (storage.DB implements it).
type Store interface {
	// AddFeed stores a feed by URL or updates the one stored; created
	// says whether it is new.
	AddFeed(ctx context.Context, f briefing.Feed) (stored briefing.Feed, created bool, err error)
	// Feed returns the feed with this URL; ok is false when none is.
	Feed(ctx context.Context, url string) (f briefing.Feed, ok bool, err error)
	// DueFeeds lists the polled feeds due at now.
	DueFeeds(ctx context.Context, now time.Time) ([]briefing.Feed, error)
	// NextFeedCheck is when the next polled feed is due, zero if none is.
	NextFeedCheck(ctx context.Context) (time.Time, error)
	// SaveFeedPoll records a poll's outcome and the articles it added.
	SaveFeedPoll(ctx context.Context, f briefing.Feed, added int) error
	// KnownItem reports whether an item was read before: by GUID in the
	// feed, or by canonical URL anywhere.
	KnownItem(ctx context.Context, feedID int64, guid, url string) (bool, error)
	// RecordItem remembers what became of an item.
	RecordItem(ctx context.Context, it briefing.FeedItem) error
	// Feeds lists the feeds.
	Feeds(ctx context.Context) ([]briefing.Feed, error)
	// RemoveFeed deletes a feed; false when none has this URL.
	RemoveFeed(ctx context.Context, url string) (bool, error)
}
