package digest

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// maxSleep bounds how long the scheduler waits without looking at the
// subscriptions again, so changes made by another process are seen.
const maxSleep = 5 * time.Minute

// Scheduler runs the digests of subscribed channels on their schedules:
// each scheduled time once; the latest of the times missed while it was
// not running, once, at start; unfinished runs again after their backoff.
// Time comes from its Clock, so tests move time instead of sleeping.
type Scheduler struct {
	runner *Runner
	store  Store
	clock  Clock
	log    *slog.Logger
	wake   chan struct{}
	zone   string // the time zone of subscriptions that give none
	// done maps each channel to the latest scheduled time dealt with.
	done map[string]time.Time
}

// NewScheduler returns a scheduler posting through runner; defaultZone
// (an IANA name, UTC when empty) reads the schedules subscribed without
// a time zone.
func NewScheduler(runner *Runner, defaultZone string) *Scheduler {
	return &Scheduler{
		zone:   defaultZone,
		runner: runner,
		store:  runner.store,
		clock:  runner.clock,
		log:    runner.log,
		wake:   make(chan struct{}, 1),
		done:   map[string]time.Time{},
	}
}

// Changed tells the scheduler that subscriptions changed.
func (s *Scheduler) Changed() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run schedules until ctx is done; a run being posted is finished first
// unless ctx's cancellation interrupts it, in which case it resumes at the
// next start.
func (s *Scheduler) Run(ctx context.Context) error {
	for {
		wait, err := s.tick(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			s.log.Error("digest scheduler", "err", err)
			wait = min(wait, retryBase)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.wake:
		case <-s.clock.After(wait):
		}
	}
}

// tick runs what is due and returns how long to wait for the next.
func (s *Scheduler) tick(ctx context.Context) (time.Duration, error) {
	now := s.clock.Now()
	next := now.Add(maxSleep)
	runs, err := s.store.UnfinishedRuns(ctx)
	if err != nil {
		return maxSleep, fmt.Errorf("unfinished digest runs: %w", err)
	}
	for _, run := range runs {
		if run.NextAttempt.After(now) {
			next = earlier(next, run.NextAttempt)
			continue
		}
		if run, err := s.runner.Retry(ctx, run); err != nil && run.State == RunPending {
			next = earlier(next, run.NextAttempt)
		}
	}
	subs, err := s.store.Subscriptions(ctx, "")
	if err != nil {
		return maxSleep, fmt.Errorf("digest subscriptions: %w", err)
	}
	for _, sub := range subs {
		if sub.Paused() || ctx.Err() != nil {
			continue
		}
		sched, err := ParseSchedule(sub.Schedule, sub.TimeZone)
		if err != nil {
			s.log.Error("digest subscription has a bad schedule", "channel", sub.Channel, "schedule", sub.Schedule, "timezone", sub.TimeZone, "err", err)
			continue
		}
		from := s.handled(sub)
		if due := sched.Latest(from, now); !due.IsZero() {
			if run, err := s.runner.Run(ctx, sub.Channel, due, false, time.Time{}); err != nil {
				s.log.Warn("digest run", "channel", sub.Channel, "scheduled_for", due, "err", err)
				if run.State == RunPending && !run.NextAttempt.IsZero() {
					next = earlier(next, run.NextAttempt)
				}
			}
			s.done[sub.Channel] = due
			from = due
		}
		if n := sched.Next(maxTime(from, now)); !n.IsZero() {
			next = earlier(next, n)
		}
	}
	return max(next.Sub(s.clock.Now()), 0), nil
}

// handled is the latest scheduled time of the subscription already dealt
// with: run, or before it existed.
func (s *Scheduler) handled(sub Subscription) time.Time {
	t := maxTime(sub.CreatedAt, sub.LastScheduled)
	if d, ok := s.done[sub.Channel]; ok {
		t = maxTime(t, d)
	}
	return t
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Preview composes the channel's next digest without recording anything.
func (s *Scheduler) Preview(ctx context.Context, channel string) (Digest, error) {
	return s.runner.Preview(ctx, channel, time.Time{})
}

// PostNow posts the channel's digest now, as a scheduled run would.
func (s *Scheduler) PostNow(ctx context.Context, channel string) (Run, error) {
	return s.runner.Run(ctx, channel, s.clock.Now(), true, time.Time{})
}

// Subscribe validates and stores a channel's schedule (replacing any it
// had, and lifting a pause), and returns when its first digest is due.
// A bad schedule or time zone is a *briefing.Error.
func (s *Scheduler) Subscribe(ctx context.Context, sub Subscription) (time.Time, error) {
	if sub.TimeZone == "" {
		sub.TimeZone = s.zone
	}
	sched, err := ParseSchedule(sub.Schedule, sub.TimeZone)
	if err != nil {
		return time.Time{}, err
	}
	now := s.clock.Now()
	sub.Schedule, sub.TimeZone, sub.CreatedAt = sched.Spec, sched.Zone.String(), now
	if err := s.store.Subscribe(ctx, sub); err != nil {
		return time.Time{}, fmt.Errorf("subscribe %s: %w", sub.Channel, err)
	}
	s.Changed()
	return sched.Next(now), nil
}

// Unsubscribe removes a channel's schedule; false when it had none.
func (s *Scheduler) Unsubscribe(ctx context.Context, channel string) (bool, error) {
	ok, err := s.store.Unsubscribe(ctx, channel)
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s: %w", channel, err)
	}
	s.Changed()
	return ok, nil
}

// Subscriptions lists the subscriptions of a server (all when guild is
// empty), each with when its next digest is due (zero when paused).
func (s *Scheduler) Subscriptions(ctx context.Context, guild string) ([]Subscription, []time.Time, error) {
	subs, err := s.store.Subscriptions(ctx, guild)
	if err != nil {
		return nil, nil, fmt.Errorf("digest subscriptions: %w", err)
	}
	next := make([]time.Time, len(subs))
	now := s.clock.Now()
	for i, sub := range subs {
		if sched, err := ParseSchedule(sub.Schedule, sub.TimeZone); err == nil && !sub.Paused() {
			next[i] = sched.Next(now)
		}
	}
	return subs, next, nil
}
