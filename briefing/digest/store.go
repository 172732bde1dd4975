package digest

import (
	"context"
	"time"
)

// Store is what composing, posting and scheduling digests need from the
// database.
type Store interface {
	// Window returns the channel's next window: the articles stored after
	// its cursor, oldest first (at most the newest MaxArticles), their
	// total, the cursor they end at and the facts the channel was told.
	// A channel without a posted digest starts at the corpus's beginning,
	// or, when since is not zero, with the articles published (or, when
	// undated, ingested) on or after since's day.
	Window(ctx context.Context, channel string, since time.Time) (Window, error)

	// StartRun records the run of the channel's digest keyed by (channel,
	// at), with the digest it posts, before anything is posted; manual
	// marks a run asked for rather than scheduled. When a run with that
	// key exists, it is returned unchanged and created is false.
	StartRun(ctx context.Context, channel string, at time.Time, manual bool, d Digest) (r Run, created bool, err error)
	// UnfinishedRuns returns the runs neither done nor failed, oldest
	// first.
	UnfinishedRuns(ctx context.Context) ([]Run, error)
	// RecordPart records the id of the message that posted part (from 0)
	// of a run's digest.
	RecordPart(ctx context.Context, runID int64, part int, messageID string) error
	// FinishRun marks a run done at the given time, moves the channel's
	// cursor to the digest's and remembers its facts, atomically.
	FinishRun(ctx context.Context, runID int64, at time.Time) error
	// RetryRun records a failed attempt and when to try again.
	RetryRun(ctx context.Context, runID int64, attempts int, next time.Time, reason string) error
	// FailRun gives a run up: it stays unposted and is not tried again.
	FailRun(ctx context.Context, runID int64, reason string) error

	// Subscribe creates or replaces the channel's subscription, active.
	Subscribe(ctx context.Context, s Subscription) error
	// Unsubscribe removes the channel's subscription; false when it had
	// none.
	Unsubscribe(ctx context.Context, channel string) (bool, error)
	// PauseSubscription stops the channel's scheduled digests until it
	// subscribes again, recording why.
	PauseSubscription(ctx context.Context, channel, reason string, at time.Time) error
	// Subscriptions lists the subscriptions, paused ones included, by
	// channel; guild, when not empty, keeps those of one server.
	Subscriptions(ctx context.Context, guild string) ([]Subscription, error)
}

// RunState is where a run stands.
type RunState string

// Run states.
const (
	RunPending RunState = "pending" // recorded, not yet (fully) posted
	RunDone    RunState = "done"    // posted; the cursor moved on
	RunFailed  RunState = "failed"  // given up
)

// Run is one posting of a channel's digest, keyed by (Channel,
// ScheduledFor).
type Run struct {
	ID           int64
	Channel      string
	ScheduledFor time.Time
	Manual       bool // asked for (digest now, --commit), not scheduled
	State        RunState
	Digest       Digest
	// MessageIDs are the ids of the parts posted so far, in order.
	MessageIDs  []string
	Attempts    int
	NextAttempt time.Time
	LastError   string
	StartedAt   time.Time
	FinishedAt  time.Time
}

// Subscription is a channel's digest schedule.
type Subscription struct {
	Channel   string
	Guild     string
	Schedule  string // a standard cron spec or descriptor, as given
	TimeZone  string // IANA name
	CreatedBy string
	CreatedAt time.Time
	// PausedAt is when scheduled digests stopped because the bot could
	// no longer post in the channel; zero while active.
	PausedAt     time.Time
	PausedReason string
	// LastScheduled is the scheduled time of the channel's latest
	// recorded scheduled (not manual) run, in any state; zero when none.
	LastScheduled time.Time
	// LastPosted is when the channel's latest digest was posted; zero
	// when none.
	LastPosted time.Time
}

// Paused reports whether the subscription is paused.
func (s Subscription) Paused() bool { return !s.PausedAt.IsZero() }
