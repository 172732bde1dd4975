package digest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
	"briefbot/internal/clocktest"
	"briefbot/storage"
)

// post is one message the fake poster posted.
type post struct {
	Channel      string
	ScheduledFor time.Time
	RunID        int64
	Part         int
	MessageID    string
}

// failure makes one PostDigest call post parts parts and then fail with
// err.
type failure struct {
	parts int
	err   error
}

// fakePoster posts digests into memory: each digest in parts messages
// (1 when 0), failing the next calls as told.
type fakePoster struct {
	mu       sync.Mutex
	parts    int
	failures []failure
	posts    []post
	calls    int
	next     int // message ids
}

// failNext queues failures for the next calls.
func (p *fakePoster) failNext(fs ...failure) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.failures = append(p.failures, fs...)
}

// PostDigest implements digest.Poster like the bot: the parts not posted
// yet, in order, each recorded before the next.
func (p *fakePoster) PostDigest(ctx context.Context, run digest.Run, record func(part int, messageID string) error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	fail := failure{parts: -1}
	if len(p.failures) > 0 {
		fail, p.failures = p.failures[0], p.failures[1:]
	}
	parts := max(p.parts, 1)
	for part, n := len(run.MessageIDs), 0; part < parts; part, n = part+1, n+1 {
		if n == fail.parts {
			return fail.err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		p.next++
		id := fmt.Sprintf("m%d", p.next)
		p.posts = append(p.posts, post{Channel: run.Channel, ScheduledFor: run.ScheduledFor, RunID: run.ID, Part: part, MessageID: id})
		if err := record(part, id); err != nil {
			return err
		}
	}
	if fail.err != nil {
		return fail.err
	}
	return nil
}

// Posts returns what was posted so far.
func (p *fakePoster) Posts() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]post(nil), p.posts...)
}

// Calls counts the PostDigest calls.
func (p *fakePoster) Calls() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

var errTransient = errors.New("discord: 503 Service Unavailable")

// schedHarness is a scheduler over a real database holding the seeds, a
// fake poster and a manual clock; Run runs in a goroutine the test owns.
type schedHarness struct {
	t      *testing.T
	clock  *clocktest.Clock
	db     *storage.DB
	path   string
	poster *fakePoster
	sched  *digest.Scheduler
	cancel context.CancelFunc
	done   chan error
}

// Friday 22 March 2024, half an hour before the 08:00 digests.
var schedStart = time.Date(2024, time.March, 22, 7, 30, 0, 0, time.UTC)

func newSchedHarness(t *testing.T) *schedHarness {
	t.Helper()
	h := &schedHarness{t: t, clock: clocktest.New(schedStart), poster: &fakePoster{}}
	h.db, h.path = openDB(t, h.clock)
	ingestItems(t, h.db, seedItems(t))
	return h
}

// start makes a new Runner and Scheduler on the database and runs the
// scheduler until stop (or the end of the test).
func (h *schedHarness) start() {
	h.t.Helper()
	if h.cancel != nil {
		h.t.Fatal("scheduler already running")
	}
	runner := digest.NewRunner(digest.RunnerConfig{Store: h.db, Poster: h.poster, Clock: h.clock})
	h.sched = digest.NewScheduler(runner, "")
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	sched, done := h.sched, h.done
	go func() { done <- sched.Run(ctx) }()
	h.t.Cleanup(h.stop)
}

// stop cancels the scheduler and waits for Run to return.
func (h *schedHarness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Scheduler.Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Error("Scheduler.Run did not return after its context was canceled")
	}
	h.cancel = nil
}

// idle waits until n timers are pending on the clock: the loop has done
// its work and waits on the clock. Every step of the tests knows how
// many timers are left (a timer fires and goes once the clock passes
// it; each iteration of the loop sets one).
func (h *schedHarness) idle(n int) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.clock.WaitForWaiters(ctx, n); err != nil {
		h.t.Fatalf("the scheduler did not go idle with %d timers pending (%d are): %v", n, h.clock.Waiters(), err)
	}
}

// subscribe subscribes channel to spec (UTC) while the loop is idle on
// its first timer, and waits for the loop to be idle again.
func (h *schedHarness) subscribe(channel, spec string) {
	h.t.Helper()
	h.idle(1) // the first iteration: nothing subscribed
	next, err := h.sched.Subscribe(context.Background(), digest.Subscription{Channel: channel, Guild: "g1", Schedule: spec, TimeZone: "UTC", CreatedBy: "tester"})
	if err != nil {
		h.t.Fatalf("Subscribe: %v", err)
	}
	if want := time.Date(2024, time.March, 22, 8, 0, 0, 0, time.UTC); spec == "0 8 * * *" && !next.Equal(want) {
		h.t.Errorf("Subscribe: first digest due %v, want %v", next, want)
	}
	h.idle(2) // Subscribe woke the loop, which set a second timer
}

// subscription reads a channel's subscription.
func (h *schedHarness) subscription(channel string) digest.Subscription {
	h.t.Helper()
	subs, err := h.db.Subscriptions(context.Background(), "")
	if err != nil {
		h.t.Fatal(err)
	}
	for _, s := range subs {
		if s.Channel == channel {
			return s
		}
	}
	h.t.Fatalf("no subscription of %s", channel)
	return digest.Subscription{}
}

// storedRun is a run as the database holds it.
type storedRun struct {
	ScheduledFor string
	State        string
	Attempts     int
	MessageIDs   []string
}

// runs lists the channel's runs, oldest first.
func (h *schedHarness) runs(channel string) []storedRun {
	h.t.Helper()
	rows, err := rawDB(h.t, h.path).Query(`SELECT scheduled_for, state, attempts, message_ids FROM digest_runs WHERE channel = ? ORDER BY scheduled_for`, channel)
	if err != nil {
		h.t.Fatal(err)
	}
	defer rows.Close()
	var out []storedRun
	for rows.Next() {
		var r storedRun
		var ids string
		if err := rows.Scan(&r.ScheduledFor, &r.State, &r.Attempts, &ids); err != nil {
			h.t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(ids), &r.MessageIDs); err != nil {
			h.t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		h.t.Fatal(err)
	}
	return out
}

func at(day, hour, minute, sec int) time.Time {
	return time.Date(2024, time.March, day, hour, minute, sec, 0, time.UTC)
}

func TestSchedulerPostsEachScheduledTimeOnce(t *testing.T) {
	h := newSchedHarness(t)
	h.start()
	h.subscribe("c1", "0 8 * * *")
	if got := h.poster.Posts(); len(got) != 0 {
		t.Fatalf("posted before the schedule: %+v", got)
	}

	// Past 08:00: one run, for 08:00.
	h.clock.Set(at(22, 8, 0, 30))
	h.idle(1)
	posts := h.poster.Posts()
	if len(posts) != 1 || posts[0].Channel != "c1" || !posts[0].ScheduledFor.Equal(at(22, 8, 0, 0)) {
		t.Fatalf("after 08:00: posts %+v, want one for c1 scheduled for 08:00", posts)
	}
	if s := h.subscription("c1"); !s.LastScheduled.Equal(at(22, 8, 0, 0)) || !s.LastPosted.Equal(at(22, 8, 0, 30)) {
		t.Errorf("subscription: last scheduled %v, last posted %v; want 08:00, 08:00:30", s.LastScheduled, s.LastPosted)
	}

	// Later in the same minute, the loop woken: nothing more.
	h.clock.Set(at(22, 8, 0, 50))
	h.sched.Changed()
	h.idle(2) // the 08:05:30 timer is still pending, and the new one
	if got := h.poster.Posts(); len(got) != 1 {
		t.Fatalf("within the minute: %d posts, want still 1: %+v", len(got), got)
	}
	// Through the day: nothing more.
	h.clock.Set(at(22, 23, 0, 0))
	h.idle(1)
	if got := h.poster.Posts(); len(got) != 1 {
		t.Fatalf("later that day: %d posts, want still 1: %+v", len(got), got)
	}
	// The next morning: the next run.
	h.clock.Set(at(23, 8, 0, 10))
	h.idle(1)
	posts = h.poster.Posts()
	if len(posts) != 2 || !posts[1].ScheduledFor.Equal(at(23, 8, 0, 0)) {
		t.Fatalf("the next morning: posts %+v, want a second one scheduled for 2024-03-23 08:00", posts)
	}
	runs := h.runs("c1")
	if len(runs) != 2 || runs[0].State != "done" || runs[1].State != "done" {
		t.Errorf("runs %+v, want two done", runs)
	}
}

func TestSchedulerRetriesTransientFailure(t *testing.T) {
	h := newSchedHarness(t)
	h.poster.failNext(failure{parts: 0, err: errTransient})
	h.start()
	h.subscribe("c1", "0 8 * * *")

	failedAt := at(22, 8, 0, 30)
	h.clock.Set(failedAt)
	h.idle(1)
	if got := h.poster.Posts(); len(got) != 0 {
		t.Fatalf("posted despite the failure: %+v", got)
	}
	unfinished, err := h.db.UnfinishedRuns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(unfinished) != 1 {
		t.Fatalf("%d unfinished runs, want 1", len(unfinished))
	}
	run := unfinished[0]
	wantNext := failedAt.Add(digest.Backoff(1))
	if run.State != digest.RunPending || run.Attempts != 1 || !run.NextAttempt.Equal(wantNext) ||
		!run.ScheduledFor.Equal(at(22, 8, 0, 0)) || !strings.Contains(run.LastError, "503") {
		t.Fatalf("run after the failure: state %s, attempts %d, next attempt %v, scheduled for %v, error %q; want pending, 1, %v, 08:00, the error",
			run.State, run.Attempts, run.NextAttempt, run.ScheduledFor, run.LastError, wantNext)
	}

	// Past the next attempt: posted, once.
	h.clock.Set(wantNext.Add(time.Second))
	h.idle(1)
	if got := h.poster.Posts(); len(got) != 1 {
		t.Errorf("%v, past the next attempt (%v): %d posts, want 1 — the scheduler does not wake for the retry",
			h.clock.Now(), wantNext, len(got))
	}
	// Whenever the retry happens, it posts once.
	h.clock.Set(at(22, 8, 10, 0))
	h.idle(1)
	posts := h.poster.Posts()
	if len(posts) != 1 || !posts[0].ScheduledFor.Equal(at(22, 8, 0, 0)) {
		t.Fatalf("posts %+v, want one scheduled for 08:00", posts)
	}
	if runs := h.runs("c1"); len(runs) != 1 || runs[0].State != "done" || runs[0].Attempts != 1 {
		t.Errorf("runs %+v, want one done after 1 failed attempt", runs)
	}
}

func TestSchedulerPausesGoneChannel(t *testing.T) {
	h := newSchedHarness(t)
	h.poster.failNext(failure{parts: 0, err: fmt.Errorf("channel c1: Unknown Channel: %w", digest.ErrChannelGone)})
	h.start()
	h.subscribe("c1", "0 8 * * *")

	h.clock.Set(at(22, 8, 0, 30))
	h.idle(1)
	if runs := h.runs("c1"); len(runs) != 1 || runs[0].State != "failed" {
		t.Fatalf("runs %+v, want one failed", runs)
	}
	s := h.subscription("c1")
	if !s.Paused() || !s.PausedAt.Equal(at(22, 8, 0, 30)) || !strings.Contains(s.PausedReason, "Unknown Channel") {
		t.Errorf("subscription: paused at %v (%q), want paused at 08:00:30 with the reason", s.PausedAt, s.PausedReason)
	}
	if unfinished, err := h.db.UnfinishedRuns(context.Background()); err != nil || len(unfinished) != 0 {
		t.Errorf("unfinished runs %+v (%v), want none", unfinished, err)
	}

	// The following days: nothing posted, nothing attempted.
	h.clock.Set(at(23, 8, 0, 30))
	h.idle(1)
	h.clock.Set(at(24, 8, 0, 30))
	h.idle(1)
	if got, calls := h.poster.Posts(), h.poster.Calls(); len(got) != 0 || calls != 1 {
		t.Errorf("after the pause: %d posts, %d attempts; want 0, 1", len(got), calls)
	}
	if runs := h.runs("c1"); len(runs) != 1 {
		t.Errorf("runs %+v, want only the failed one", runs)
	}
}

func TestSchedulerCatchesUpOnceAfterRestart(t *testing.T) {
	h := newSchedHarness(t)
	h.start()
	h.subscribe("c1", "0 8 * * *")
	h.clock.Set(at(22, 8, 0, 30))
	h.idle(1)
	if got := h.poster.Posts(); len(got) != 1 {
		t.Fatalf("first run: %d posts, want 1", len(got))
	}
	h.stop()

	// Down from Friday to Monday 09:00: Saturday's, Sunday's and
	// Monday's 08:00 digests were missed.
	h.clock.Set(at(25, 9, 0, 0)) // fires the stopped loop's timer
	h.start()
	h.idle(1)
	posts := h.poster.Posts()
	if len(posts) != 2 || !posts[1].ScheduledFor.Equal(at(25, 8, 0, 0)) {
		t.Fatalf("after the restart: posts %+v, want one more, scheduled for Monday 08:00", posts)
	}
	runs := h.runs("c1")
	if len(runs) != 2 || !strings.HasPrefix(runs[1].ScheduledFor, "2024-03-25T08:00:00") {
		t.Errorf("runs %+v, want Friday's and Monday's only", runs)
	}
	// And no second catch-up later.
	h.clock.Set(at(25, 12, 0, 0))
	h.idle(1)
	if got := h.poster.Posts(); len(got) != 2 {
		t.Errorf("later: %d posts, want still 2", len(got))
	}
}

func TestSchedulerResumesInterruptedRun(t *testing.T) {
	h := newSchedHarness(t)
	h.poster.parts = 2
	h.poster.failNext(failure{parts: 1, err: errTransient}) // part 0 posted, then a failure
	h.start()
	h.subscribe("c1", "0 8 * * *")
	h.clock.Set(at(22, 8, 0, 30))
	h.idle(1)
	posts := h.poster.Posts()
	if len(posts) != 1 || posts[0].Part != 0 {
		t.Fatalf("interrupted run: posts %+v, want part 0 only", posts)
	}
	unfinished, err := h.db.UnfinishedRuns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(unfinished) != 1 || len(unfinished[0].MessageIDs) != 1 || unfinished[0].MessageIDs[0] != posts[0].MessageID {
		t.Fatalf("unfinished runs %+v, want one holding part 0's message id %s", unfinished, posts[0].MessageID)
	}
	h.stop()

	// A new process, past the retry time (and the stopped loop's timer).
	h.clock.Set(at(22, 8, 6, 0))
	h.start()
	h.idle(1)
	posts = h.poster.Posts()
	if len(posts) != 2 || posts[1].Part != 1 || posts[1].RunID != posts[0].RunID {
		t.Fatalf("resumed run: posts %+v, want part 0 then part 1 of the same run", posts)
	}
	runs := h.runs("c1")
	if len(runs) != 1 || runs[0].State != "done" || len(runs[0].MessageIDs) != 2 ||
		runs[0].MessageIDs[0] != posts[0].MessageID || runs[0].MessageIDs[1] != posts[1].MessageID {
		t.Errorf("runs %+v, want one done with the two message ids", runs)
	}
}

func TestSchedulerSubscribeRejectsBadSchedule(t *testing.T) {
	h := newSchedHarness(t)
	runner := digest.NewRunner(digest.RunnerConfig{Store: h.db, Poster: h.poster, Clock: h.clock})
	sched := digest.NewScheduler(runner, "")
	for _, sub := range []digest.Subscription{
		{Channel: "c1", Schedule: "*/5 * * * *"},
		{Channel: "c1", Schedule: "0 8 * * *", TimeZone: "Mars/Olympus"},
	} {
		_, err := sched.Subscribe(context.Background(), sub)
		var be *briefing.Error
		if !errors.As(err, &be) || be.Code != briefing.ErrInvalid {
			t.Errorf("Subscribe(%q, %q) = %v, want a *briefing.Error", sub.Schedule, sub.TimeZone, err)
		}
	}
	if subs, err := h.db.Subscriptions(context.Background(), ""); err != nil || len(subs) != 0 {
		t.Errorf("subscriptions %+v (%v), want none", subs, err)
	}
}

func TestRunnerRunsAKeyOnce(t *testing.T) {
	h := newSchedHarness(t)
	runner := digest.NewRunner(digest.RunnerConfig{Store: h.db, Poster: h.poster, Clock: h.clock})
	ctx := context.Background()
	key := at(22, 8, 0, 0)
	first, err := runner.Run(ctx, "c1", key, false, time.Time{})
	if err != nil || first.State != digest.RunDone {
		t.Fatalf("first Run: %+v, %v", first.State, err)
	}
	again, err := runner.Run(ctx, "c1", key, false, time.Time{})
	if err != nil || again.ID != first.ID || again.State != digest.RunDone {
		t.Fatalf("second Run: run %d %s, %v; want run %d done", again.ID, again.State, err, first.ID)
	}
	if got := h.poster.Posts(); len(got) != 1 {
		t.Errorf("%d posts, want 1: %+v", len(got), got)
	}
}
