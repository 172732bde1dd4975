package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Poster posts a run's digest to its channel.
type Poster interface {
	// PostDigest posts the parts of the run's digest that run.MessageIDs
	// does not hold yet, in order, calling record with each new part's
	// message id before posting the next. It returns an error wrapping
	// ErrChannelGone when the bot can no longer post in the channel.
	PostDigest(ctx context.Context, run Run, record func(part int, messageID string) error) error
}

// ErrChannelGone marks a channel the bot can no longer post in (removed,
// or its permissions taken away): its runs are not retried and its
// subscription is paused.
var ErrChannelGone = errors.New("the bot cannot post in this channel")

// Clock tells the time and waits; tests pass one they move by hand.
type Clock interface {
	Now() time.Time
	// After sends the time on the channel once d has passed.
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now implements Clock.
func (SystemClock) Now() time.Time { return time.Now() }

// After implements Clock.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// QuietPolicy says what a run with nothing new does.
type QuietPolicy string

// Quiet policies.
const (
	QuietPost QuietPolicy = "post" // post the one line "No new developments since …" (scheduled runs only)
	QuietSkip QuietPolicy = "skip" // post nothing (the run is still recorded)
)

// Retries of a failed run: the delay doubles from retryBase up to
// retryMax, and a run is given up after maxAttempts.
const (
	retryBase   = 30 * time.Second
	retryMax    = 30 * time.Minute
	maxAttempts = 8
)

// Runner composes, records and posts digests, one run at a time, so that
// each run posts at most once across retries and restarts: a run is
// recorded with its digest before anything is posted, each posted part's
// message id is recorded as it goes, and only then is the run marked
// done and the channel's cursor moved.
type Runner struct {
	store  Store
	poster Poster
	clock  Clock
	log    *slog.Logger
	quiet  QuietPolicy
	mu     sync.Mutex // one run at a time
}

// RunnerConfig configures a Runner.
type RunnerConfig struct {
	Store  Store
	Poster Poster // nil: runs are recorded as posted without posting (the CLI)
	Clock  Clock  // default SystemClock
	Logger *slog.Logger
	Quiet  QuietPolicy // default QuietPost
}

// NewRunner returns a Runner.
func NewRunner(cfg RunnerConfig) *Runner {
	if cfg.Clock == nil {
		cfg.Clock = SystemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Quiet == "" {
		cfg.Quiet = QuietPost
	}
	return &Runner{store: cfg.Store, poster: cfg.Poster, clock: cfg.Clock, log: cfg.Logger, quiet: cfg.Quiet}
}

// Preview composes the channel's next digest without recording
// anything; since starts a channel without history (see Store.Window).
func (r *Runner) Preview(ctx context.Context, channel string, since time.Time) (Digest, error) {
	w, err := r.store.Window(ctx, channel, since)
	if err != nil {
		return Digest{}, fmt.Errorf("digest window of %s: %w", channel, err)
	}
	return Compose(w), nil
}

// Run posts the channel's digest for the run keyed by (channel, at):
// composed now and recorded if the run is new, resumed if it was
// interrupted, left alone if it is done or given up. An unfinished
// earlier run of the channel is finished first. since starts a channel without
// history (see Store.Window).
func (r *Runner) Run(ctx context.Context, channel string, at time.Time, manual bool, since time.Time) (Run, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	unfinished, err := r.store.UnfinishedRuns(ctx)
	if err != nil {
		return Run{}, fmt.Errorf("digest runs: %w", err)
	}
	for _, u := range unfinished {
		if u.Channel != channel {
			continue
		}
		if u, err := r.attempt(ctx, u); err != nil || u.ScheduledFor.Equal(at) {
			return u, err
		}
	}
	w, err := r.store.Window(ctx, channel, since)
	if err != nil {
		return Run{}, fmt.Errorf("digest window of %s: %w", channel, err)
	}
	d := Compose(w)
	run, created, err := r.store.StartRun(ctx, channel, at, manual, d)
	if err != nil {
		return Run{}, fmt.Errorf("record digest run: %w", err)
	}
	if !created && run.State != RunPending {
		return run, nil // posted (or given up) before: never twice
	}
	return r.attempt(ctx, run)
}

// Retry attempts an unfinished run again.
func (r *Runner) Retry(ctx context.Context, run Run) (Run, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempt(ctx, run)
}

// attempt posts what is left of a run and records the outcome: done; to
// be retried later with backoff; or given up, its subscription paused
// when the channel is gone.
func (r *Runner) attempt(ctx context.Context, run Run) (Run, error) {
	log := r.log.With("channel", run.Channel, "scheduled_for", run.ScheduledFor, "run_id", run.ID)
	// A quiet run asked for by hand is answered to the asker, not posted.
	if r.poster != nil && !(run.Digest.Empty() && (r.quiet == QuietSkip || run.Manual)) {
		record := func(part int, id string) error {
			if err := r.store.RecordPart(ctx, run.ID, part, id); err != nil {
				return err
			}
			for len(run.MessageIDs) <= part {
				run.MessageIDs = append(run.MessageIDs, "")
			}
			run.MessageIDs[part] = id
			return nil
		}
		if err := r.poster.PostDigest(ctx, run, record); err != nil {
			return r.failed(ctx, log, run, err)
		}
	}
	now := r.clock.Now()
	if err := r.store.FinishRun(ctx, run.ID, now); err != nil {
		return run, fmt.Errorf("finish digest run: %w", err)
	}
	run.State, run.FinishedAt = RunDone, now
	log.Info("digest posted", "stories", len(run.Digest.Stories), "articles", run.Digest.Articles, "messages", len(run.MessageIDs))
	return run, nil
}

// failed records a failed attempt.
func (r *Runner) failed(ctx context.Context, log *slog.Logger, run Run, cause error) (Run, error) {
	if ctx.Err() != nil {
		// Shutting down: the run stays unfinished and resumes at start.
		return run, fmt.Errorf("post digest: %w", cause)
	}
	run.Attempts++
	run.LastError = cause.Error()
	switch {
	case errors.Is(cause, ErrChannelGone):
		log.Error("digest channel unreachable: subscription paused", "err", cause)
		run.State = RunFailed
		if err := r.store.FailRun(ctx, run.ID, run.LastError); err != nil {
			return run, fmt.Errorf("record failed digest run: %w", err)
		}
		if err := r.store.PauseSubscription(ctx, run.Channel, run.LastError, r.clock.Now()); err != nil {
			return run, fmt.Errorf("pause subscription: %w", err)
		}
	case run.Attempts >= maxAttempts:
		log.Error("digest run given up", "attempts", run.Attempts, "err", cause)
		run.State = RunFailed
		if err := r.store.FailRun(ctx, run.ID, run.LastError); err != nil {
			return run, fmt.Errorf("record failed digest run: %w", err)
		}
	default:
		run.NextAttempt = r.clock.Now().Add(Backoff(run.Attempts))
		log.Warn("digest post failed: will retry", "attempts", run.Attempts, "next_attempt", run.NextAttempt, "err", cause)
		if err := r.store.RetryRun(ctx, run.ID, run.Attempts, run.NextAttempt, run.LastError); err != nil {
			return run, fmt.Errorf("record digest retry: %w", err)
		}
	}
	return run, fmt.Errorf("post digest: %w", cause)
}

// Backoff is how long to wait before the next attempt after the given
// number of failed ones.
func Backoff(attempts int) time.Duration {
	d := retryBase
	for i := 1; i < attempts && d < retryMax; i++ {
		d *= 2
	}
	return min(d, retryMax)
}
