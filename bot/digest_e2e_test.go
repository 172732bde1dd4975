package bot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/digest"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
	"briefbot/internal/clocktest"
	"briefbot/internal/discordtest"
	"briefbot/storage"
)

// The server and the channels digests are tested in.
const digestGuild = "111"

// digestStart is when the digest tests begin: a Monday, 07:30 in Paris
// (summer time, UTC+2).
var digestStart = time.Date(2025, time.June, 2, 5, 30, 0, 0, time.UTC)

// passClock is a manual clock that counts the waits asked of it. The
// scheduler asks for one wait at the end of each pass over its runs and
// subscriptions, so a test knows that a pass it caused is over, and that
// the scheduler is idle, once the count has gone up.
type passClock struct {
	*clocktest.Clock
	mu      sync.Mutex
	waits   int
	last    time.Time // when the latest wait ends
	changed chan struct{}
}

func newPassClock(t time.Time) *passClock {
	return &passClock{Clock: clocktest.New(t), changed: make(chan struct{})}
}

// After implements digest.Clock.
func (c *passClock) After(d time.Duration) <-chan time.Time {
	ch := c.Clock.After(d)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits++
	c.last = c.Clock.Now().Add(max(d, 0))
	close(c.changed)
	c.changed = make(chan struct{})
	return ch
}

// passes is how many waits were asked for, and when the latest ends.
func (c *passClock) passes() (int, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waits, c.last
}

// waitPasses waits up to 10 s for the count of waits to reach n.
func (c *passClock) waitPasses(t *testing.T, n int, what string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		c.mu.Lock()
		ok, changed := c.waits >= n, c.changed
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("the scheduler did not finish a pass %s", what)
		}
	}
}

// digestEnv is what outlives a bot: the database, the Discord server and
// the clock.
type digestEnv struct {
	t     *testing.T
	srv   *discordtest.Server
	db    *storage.DB
	lex   *lexicon.Lexicon
	svc   *briefing.Service
	clock *passClock
	runs  *sql.DB // a second, read-only look at the database
}

func newDigestEnv(t *testing.T) *digestEnv {
	t.Helper()
	clock := newPassClock(digestStart)
	db, lex := corpusDB(t, clock.Now)
	runs, err := sql.Open("sqlite3", "file:"+db.Path()+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { runs.Close() })
	return &digestEnv{
		t:     t,
		srv:   discordtest.New(t, discordtest.WithInteractionDeadline(3*time.Second)),
		db:    db,
		lex:   lex,
		svc:   briefing.NewService(db, names.NewMatcher(lex)),
		clock: clock,
		runs:  runs,
	}
}

// digestBot is a bot with its scheduler, wired as serve wires them.
type digestBot struct {
	*harness
	env    *digestEnv
	runner *digest.Runner
	sched  *digest.Scheduler
	stop   func() // stops the scheduler, then the bot
}

// start starts a bot and its scheduler on the environment's database and
// server, and waits for the scheduler's first pass. store, when not nil,
// stands in for the database in the runner.
func (e *digestEnv) start(store digest.Store) *digestBot {
	e.t.Helper()
	if store == nil {
		store = e.db
	}
	d := &digestBot{env: e}
	d.harness = startBotOn(e.t, e.srv, e.svc, func(b *Bot) {
		d.runner = digest.NewRunner(digest.RunnerConfig{Store: store, Poster: b, Clock: e.clock, Logger: b.log})
		d.sched = digest.NewScheduler(d.runner, "UTC")
		b.EnableDigests(d.sched)
	})
	before, _ := e.clock.passes()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.sched.Run(ctx) }()
	var once sync.Once
	stopSched := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					e.t.Errorf("scheduler: %v", err)
				}
			case <-time.After(10 * time.Second):
				e.t.Error("the scheduler did not stop")
			}
		})
	}
	// Registered after the bot's cleanup, so it runs before: the
	// scheduler stops before the bot closes its session.
	e.t.Cleanup(stopSched)
	stopBot := d.harness.stop
	d.stop = func() {
		stopSched()
		if err := stopBot(); err != nil {
			e.t.Errorf("bot stopped with %v", err)
		}
	}
	e.clock.waitPasses(e.t, before+1, "at start")
	return d
}

// advance moves the clock to t and waits for the scheduler's pass, which
// the move must wake.
func (e *digestEnv) advance(t time.Time) {
	e.t.Helper()
	before, wake := e.clock.passes()
	if wake.After(t) {
		e.t.Fatalf("moving the clock to %s does not wake the scheduler, which sleeps until %s", t.UTC(), wake.UTC())
	}
	e.clock.Set(t)
	e.clock.waitPasses(e.t, before+1, "after the clock moved to "+t.UTC().String())
}

// advanceToRetry moves the clock to a retry time, or later if the
// scheduler sleeps longer, and waits for the pass that retries.
func (e *digestEnv) advanceToRetry(at time.Time) {
	e.t.Helper()
	if _, wake := e.clock.passes(); wake.After(at) {
		at = wake
	}
	e.advance(at)
}

// digestCmd runs /digest sub in a channel of the digest server as the
// default user, with extra permissions, and returns the message the
// interaction ended with.
func (d *digestBot) digestCmd(channel string, perms int64, sub *discordgo.ApplicationCommandInteractionDataOption) *discordgo.Message {
	d.t.Helper()
	i := d.srv.SlashCommand(cmdDigest, []*discordgo.ApplicationCommandInteractionDataOption{sub}, nil, digestGuild, channel)
	i.Member.Permissions |= perms
	return d.final(d.dispatch(i))
}

// manager is the permission to change schedules.
const manager = discordgo.PermissionManageGuild

// subscribe subscribes a channel as a manager, waits for the
// scheduler's pass the change causes and returns the reply.
func (d *digestBot) subscribe(channel, schedule, zone string) *discordgo.Message {
	d.t.Helper()
	opts := []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optSchedule, schedule)}
	if zone != "" {
		opts = append(opts, discordtest.StringOption(optTimeZone, zone))
	}
	before, _ := d.env.clock.passes()
	m := d.digestCmd(channel, manager, discordtest.SubcommandOption(subSubscribe, opts...))
	if !strings.HasPrefix(m.Content, "Digests will be posted") {
		d.t.Fatalf("subscribe %q %q: %q", schedule, zone, m.Content)
	}
	d.env.clock.waitPasses(d.t, before+1, "after subscribing")
	return m
}

// list runs /digest list and returns the reply's text.
func (d *digestBot) list(channel string) *discordgo.Message {
	d.t.Helper()
	return d.digestCmd(channel, 0, discordtest.SubcommandOption(subList))
}

// posts are the messages the bot posted in a channel itself, not as
// answers to interactions: the digests.
func posts(srv *discordtest.Server, channel string) []*discordgo.Message {
	var out []*discordgo.Message
	for _, m := range srv.ChannelMessages(channel) {
		if m.WebhookID == "" && m.Interaction == nil {
			out = append(out, m)
		}
	}
	return out
}

// postRequests are the requests to post in a channel, and their bodies.
func postRequests(srv *discordtest.Server, channel string) []channelMessage {
	var out []channelMessage
	for _, r := range srv.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/"+channel+"/messages") {
			var body channelMessage
			_ = r.DecodeJSON(&body)
			out = append(out, body)
		}
	}
	return out
}

// storedRun is a digest run as the database holds it.
type storedRun struct {
	ScheduledFor string
	Manual       bool
	State        string
	MessageIDs   []string
	Attempts     int
	NextAttempt  string
	LastError    string
}

// storedRuns reads a channel's runs, oldest first.
func (e *digestEnv) storedRuns(channel string) []storedRun {
	e.t.Helper()
	rows, err := e.runs.Query(`SELECT scheduled_for, manual, state, message_ids, attempts, COALESCE(next_attempt, ''), last_error
		FROM digest_runs WHERE channel = ? ORDER BY id`, channel)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []storedRun
	for rows.Next() {
		var r storedRun
		var ids string
		if err := rows.Scan(&r.ScheduledFor, &r.Manual, &r.State, &ids, &r.Attempts, &r.NextAttempt, &r.LastError); err != nil {
			e.t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(ids), &r.MessageIDs); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		e.t.Fatal(err)
	}
	return out
}

// count counts the rows of a table.
func (e *digestEnv) count(table string) int {
	e.t.Helper()
	var n int
	if err := e.runs.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// ingest adds an article to the corpus.
func (e *digestEnv) ingest(name, body string) {
	e.t.Helper()
	items := []ingest.Item{{Path: name, Source: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(body)), nil }}}
	sum, err := ingest.New(extract.New(e.lex), e.db, ingest.Options{}).Run(context.Background(), items, nil)
	if err != nil || sum.Failed > 0 {
		e.t.Fatalf("ingest %s: %+v, %v", name, sum, err)
	}
}

// paris is Europe/Paris.
func paris(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// newArticle is an article ingested after the first digest.
const newArticle = `date 2025-06-03 Talks resume in Cairo
Abbas Kamel hosted William Burns in Cairo on Tuesday 3 June 2025 to discuss a new hostage proposal.
"We are closer than we have ever been," Abbas Kamel said.
`

// A manager subscribes a channel; the digest is posted once at 08:00 in
// Paris; a bot restarted after missing two runs posts one catch-up, and
// a scheduled time is never posted twice.
func TestDigestSubscriptionLifeCycle(t *testing.T) {
	t.Parallel()
	const channel = "3001"
	e := newDigestEnv(t)
	d := e.start(nil)
	loc := paris(t)

	m := d.subscribe(channel, "0  8 * * *", "Europe/Paris")
	if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Error("the subscription was announced privately")
	}
	for _, want := range []string{"`0 8 * * *`", "Europe/Paris", "Next: 2025-06-02 08:00 CEST", "<t:1748844000:R>"} {
		if !strings.Contains(m.Content, want) {
			t.Errorf("subscribe reply lacks %q: %q", want, m.Content)
		}
	}
	m = d.list(channel)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("/digest list was public")
	}
	for _, want := range []string{"<#" + channel + ">", "`0 8 * * *`", "Europe/Paris", "Next: 2025-06-02 08:00 CEST"} {
		if !strings.Contains(text(m), want) {
			t.Errorf("list lacks %q:\n%s", want, text(m))
		}
	}
	if n := len(posts(e.srv, channel)); n != 0 {
		t.Fatalf("%d digests before the first scheduled time", n)
	}

	// A minute before, nothing; just after 08:00 in Paris, one digest.
	first := time.Date(2025, time.June, 2, 8, 0, 0, 0, loc)
	e.advance(first.Add(-time.Minute))
	if n := len(posts(e.srv, channel)); n != 0 {
		t.Fatalf("%d digests before 08:00", n)
	}
	e.advance(first.Add(time.Second))
	got := posts(e.srv, channel)
	runs := e.storedRuns(channel)
	if len(runs) != 1 || runs[0].State != "done" || runs[0].Manual || runs[0].ScheduledFor != "2025-06-02T06:00:00.000000000Z" {
		t.Fatalf("runs after the first digest: %+v", runs)
	}
	if len(got) == 0 || len(got) != len(runs[0].MessageIDs) {
		t.Fatalf("%d messages posted, run recorded %v", len(got), runs[0].MessageIDs)
	}
	for i, p := range got {
		if p.ID != runs[0].MessageIDs[i] {
			t.Errorf("part %d is message %s, the run recorded %s", i, p.ID, runs[0].MessageIDs[i])
		}
		if len(p.Embeds) == 0 {
			t.Errorf("part %d has no embeds: %q", i, p.Content)
		}
		if p.MentionEveryone || len(p.Mentions) > 0 || strings.Contains(text(p), "@everyone") || strings.Contains(text(p), "<@123456>") {
			t.Errorf("part %d pings:\n%s", i, text(p))
		}
	}
	if !strings.HasPrefix(got[0].Content, "Briefing: 6 new articles") {
		t.Errorf("digest header %q", got[0].Content)
	}
	headline := got[0].Embeds[0].Title
	for _, want := range []string{"Barnea", "Burns", "Al-Thani", "Kamel", "Doha"} {
		if !strings.Contains(headline, want) {
			t.Errorf("first headline %q lacks %q", headline, want)
		}
	}
	if !strings.Contains(text(got[len(got)-1]), "everyone") {
		t.Error("the hostile quote is missing from the digest")
	}
	for i, body := range postRequests(e.srv, channel) {
		if body.Nonce == "" || !body.EnforceNonce {
			t.Errorf("post %d without an enforced nonce: %+v", i, body)
		}
		if body.AllowedMentions == nil || body.AllowedMentions.Parse == nil || len(body.AllowedMentions.Parse) != 0 {
			t.Errorf("post %d: allowed_mentions %+v, want empty", i, body.AllowedMentions)
		}
	}
	d.requireNoMentions()
	if m := d.list(channel); !strings.Contains(text(m), "Last posted: 2025-06-02 06:00 UTC") || !strings.Contains(text(m), "Next: 2025-06-03 08:00 CEST") {
		t.Errorf("list after the first digest:\n%s", text(m))
	}
	posted := len(got)

	// Down while two more 08:00s pass: one catch-up at start, the
	// quiet line, as nothing new came in.
	d.stop()
	e.clock.Set(time.Date(2025, time.June, 4, 9, 30, 0, 0, loc))
	d = e.start(nil)
	got = posts(e.srv, channel)
	if len(got) != posted+1 {
		t.Fatalf("%d messages after a restart, want %d + 1 catch-up", len(got), posted)
	}
	quiet := got[posted]
	if quiet.Content != "No new developments since 2025-06-02 06:00 UTC." || len(quiet.Embeds) != 0 {
		t.Errorf("catch-up %q with %d embeds", quiet.Content, len(quiet.Embeds))
	}
	runs = e.storedRuns(channel)
	if len(runs) != 2 || runs[1].ScheduledFor != "2025-06-04T06:00:00.000000000Z" || runs[1].State != "done" {
		t.Fatalf("runs after the catch-up: %+v", runs)
	}

	// Restarted again at once: nothing is due, nothing is posted.
	d.stop()
	d = e.start(nil)
	if n := len(posts(e.srv, channel)); n != posted+1 {
		t.Errorf("%d messages after a second restart, want %d", n, posted+1)
	}
	if n := len(e.storedRuns(channel)); n != 2 {
		t.Errorf("%d runs after a second restart, want 2", n)
	}

	// An article comes in: the next 08:00 posts it, and only it.
	e.ingest("cairo.txt", newArticle)
	e.advance(time.Date(2025, time.June, 5, 8, 0, 30, 0, loc))
	got = posts(e.srv, channel)
	if len(got) != posted+2 {
		t.Fatalf("%d messages after the next 08:00, want %d", len(got), posted+2)
	}
	next := got[posted+1]
	if !strings.HasPrefix(next.Content, "Briefing: 1 new article since 2025-06-04 07:30 UTC") || len(next.Embeds) != 1 {
		t.Errorf("the next digest:\n%s", text(next))
	}
	if body := text(next); !strings.Contains(body, "Kamel") || !strings.Contains(body, "cairo.txt") || strings.Contains(body, "Al-Thani") {
		t.Errorf("the next digest is not about the new article only:\n%s", body)
	}
	if n := len(e.storedRuns(channel)); n != 3 {
		t.Errorf("%d runs, want 3", n)
	}
	d.requireNoMentions()
	if u := e.srv.Unhandled(); len(u) > 0 {
		t.Errorf("the bot called what Discord does not have: %v", u)
	}
}

// A post that fails is retried after its backoff, and posts once.
func TestDigestFailedPostIsRetriedOnce(t *testing.T) {
	t.Parallel()
	const channel = "3002"
	e := newDigestEnv(t)
	d := e.start(nil)
	d.subscribe(channel, "@daily", "")
	e.srv.FailRequests("POST", "/channels/"+channel+"/messages", 1, 500)

	midnight := time.Date(2025, time.June, 3, 0, 0, 0, 0, time.UTC)
	e.advance(midnight.Add(time.Second))
	runs := e.storedRuns(channel)
	retryAt := midnight.Add(time.Second + digest.Backoff(1))
	if len(runs) != 1 || runs[0].State != "pending" || runs[0].Attempts != 1 || len(runs[0].MessageIDs) != 0 ||
		runs[0].NextAttempt != retryAt.Format("2006-01-02T15:04:05.000000000Z07:00") || !strings.Contains(runs[0].LastError, "500") {
		t.Fatalf("run after a failed post: %+v", runs)
	}
	if n := len(posts(e.srv, channel)); n != 0 {
		t.Fatalf("%d messages after a failed post", n)
	}
	if _, wake := e.clock.passes(); wake.After(retryAt) {
		t.Errorf("after a failed post the scheduler sleeps until %s, past the retry at %s", wake.UTC(), retryAt.UTC())
	}
	e.advanceToRetry(retryAt)
	runs = e.storedRuns(channel)
	got := posts(e.srv, channel)
	if len(runs) != 1 || runs[0].State != "done" || runs[0].Attempts != 1 || len(got) == 0 || len(got) != len(runs[0].MessageIDs) {
		t.Fatalf("after the retry: %d messages, runs %+v", len(got), runs)
	}
	if reqs := postRequests(e.srv, channel); len(reqs) != len(got)+1 {
		t.Errorf("%d post requests for %d messages and one failure", len(reqs), len(got))
	}
	// Much later, still once.
	e.advance(midnight.Add(23 * time.Hour))
	if n := len(posts(e.srv, channel)); n != len(got) {
		t.Errorf("%d messages later, want %d", n, len(got))
	}

	// /digest now that fails says so, and the scheduler retries it.
	const other = "3012"
	e.srv.FailRequests("POST", "/channels/"+other+"/messages", 1, 503)
	m := d.digestCmd(other, 0, discordtest.SubcommandOption(subNow))
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "retry it shortly") {
		t.Errorf("/digest now that failed: %q", m.Content)
	}
	runs = e.storedRuns(other)
	if len(runs) != 1 || runs[0].State != "pending" || !runs[0].Manual || runs[0].Attempts != 1 {
		t.Fatalf("run of a failed /digest now: %+v", runs)
	}
	e.advanceToRetry(e.clock.Now().Add(digest.Backoff(1)))
	runs = e.storedRuns(other)
	got = posts(e.srv, other)
	if len(runs) != 1 || runs[0].State != "done" || len(got) == 0 || len(got) != len(runs[0].MessageIDs) {
		t.Errorf("after the retry of /digest now: %d messages, runs %+v", len(got), runs)
	}
}

// flakyStore is the database, except that recording a part fails once:
// as when the bot stops, or Discord's answer is lost, after a part was
// posted and before it was recorded.
type flakyStore struct {
	*storage.DB
	mu       sync.Mutex
	failPart int // the part whose recording fails; -1 once it failed
}

func (s *flakyStore) RecordPart(ctx context.Context, runID int64, part int, messageID string) error {
	s.mu.Lock()
	fail := part == s.failPart
	if fail {
		s.failPart = -1
	}
	s.mu.Unlock()
	if fail {
		return errors.New("disk I/O error")
	}
	return s.DB.RecordPart(ctx, runID, part, messageID)
}

// A part posted but not recorded is posted again with the same nonce:
// Discord answers the first message, and the channel has it once.
func TestDigestPostedButUnrecordedPartIsNotDuplicated(t *testing.T) {
	t.Parallel()
	const channel = "3003"
	e := newDigestEnv(t)
	d := e.start(&flakyStore{DB: e.db, failPart: 0})
	d.subscribe(channel, "@daily", "UTC")

	midnight := time.Date(2025, time.June, 3, 0, 0, 0, 0, time.UTC)
	e.advance(midnight.Add(time.Second))
	runs := e.storedRuns(channel)
	if len(runs) != 1 || runs[0].State != "pending" || len(runs[0].MessageIDs) != 0 || !strings.Contains(runs[0].LastError, "disk I/O error") {
		t.Fatalf("run after a lost record: %+v", runs)
	}
	first := posts(e.srv, channel)
	if len(first) != 1 {
		t.Fatalf("%d messages, want the one part posted", len(first))
	}
	e.advanceToRetry(midnight.Add(time.Second + digest.Backoff(1)))
	runs = e.storedRuns(channel)
	if got := posts(e.srv, channel); len(got) != 1 || got[0].ID != first[0].ID {
		t.Fatalf("after the retry the channel has %d messages, want the first only", len(got))
	}
	if len(runs) != 1 || runs[0].State != "done" || len(runs[0].MessageIDs) != 1 || runs[0].MessageIDs[0] != first[0].ID {
		t.Fatalf("run after the retry: %+v, want done with message %s", runs, first[0].ID)
	}
	reqs := postRequests(e.srv, channel)
	if len(reqs) != 2 || reqs[0].Nonce != reqs[1].Nonce || reqs[0].Nonce == "" {
		t.Errorf("post requests %+v, want two with the same nonce", reqs)
	}
}

// A channel the bot lost access to: the run fails, the subscription is
// paused and says so, the error is logged, and nothing is tried again.
func TestDigestLostChannelPausesSubscription(t *testing.T) {
	t.Parallel()
	const channel = "3004"
	e := newDigestEnv(t)
	d := e.start(nil)
	d.subscribe(channel, "0 6 * * *", "UTC")
	e.srv.RevokeChannel(channel)

	six := time.Date(2025, time.June, 2, 6, 0, 0, 0, time.UTC)
	e.advance(six.Add(time.Second))
	runs := e.storedRuns(channel)
	if len(runs) != 1 || runs[0].State != "failed" || !strings.Contains(runs[0].LastError, "Missing Access") {
		t.Fatalf("run in a revoked channel: %+v", runs)
	}
	if n := len(postRequests(e.srv, channel)); n != 1 {
		t.Fatalf("%d post requests, want 1", n)
	}
	m := d.list(channel)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(text(m), "Paused since 2025-06-02 06:00 UTC") ||
		!strings.Contains(text(m), "Missing Access") || strings.Contains(text(m), "Next:") {
		t.Errorf("list of a paused subscription:\n%s", text(m))
	}
	logs := d.logs.String()
	var logged bool
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, `"level":"ERROR"`) && strings.Contains(line, "digest channel unreachable") && strings.Contains(line, `"channel":"`+channel+`"`) {
			logged = true
		}
	}
	if !logged {
		t.Errorf("the lost channel was not logged as an error with its id:\n%s", logs)
	}
	if strings.Contains(logs, e.srv.Token()) {
		t.Error("the token is in the logs")
	}

	// Days pass: no retry, no scheduled run.
	e.advance(six.Add(10 * time.Minute))
	e.advance(six.Add(72 * time.Hour))
	if n := len(postRequests(e.srv, channel)); n != 1 {
		t.Errorf("%d post requests after the pause, want 1", n)
	}
	if n := len(e.storedRuns(channel)); n != 1 {
		t.Errorf("%d runs after the pause, want 1", n)
	}

	// /digest now says what to do.
	m = d.digestCmd(channel, 0, discordtest.SubcommandOption(subNow))
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "I can't post in this channel") {
		t.Errorf("/digest now in a revoked channel: %q", m.Content)
	}

	// Access back and subscribed again: the schedule resumes.
	e.srv.RestoreChannel(channel)
	d.subscribe(channel, "0 6 * * *", "UTC")
	if m := d.list(channel); strings.Contains(text(m), "Paused") || !strings.Contains(text(m), "Next: 2025-06-06 06:00 UTC") {
		t.Errorf("list after subscribing again:\n%s", text(m))
	}
	e.advance(six.Add(96*time.Hour + time.Second))
	if got := posts(e.srv, channel); len(got) == 0 || !strings.HasPrefix(got[0].Content, "Briefing: 6 new articles") {
		t.Errorf("no digest after access came back: %d messages", len(got))
	}
	if strings.Contains(d.logs.String(), e.srv.Token()) {
		t.Error("the token is in the logs")
	}
}

// Only managers change schedules; bad schedules and time zones get a
// clear private answer; /digest is for servers.
func TestDigestPermissionsAndBadInput(t *testing.T) {
	t.Parallel()
	const channel = "3005"
	e := newDigestEnv(t)
	d := e.start(nil)

	for _, sub := range []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.SubcommandOption(subSubscribe, discordtest.StringOption(optSchedule, "0 8 * * *")),
		discordtest.SubcommandOption(subUnsubscribe),
	} {
		m := d.digestCmd(channel, 0, sub)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "Manage Server") {
			t.Errorf("/digest %s by a member: %q", sub.Name, m.Content)
		}
	}
	if n := e.count("digest_subscriptions"); n != 0 {
		t.Fatalf("a member without Manage Server subscribed: %d subscriptions", n)
	}

	for _, c := range []struct{ schedule, zone, want string }{
		{"61 * * * *", "", "not a valid schedule"},
		{"TZ=", "", "timezone option"},
		{"CRON_TZ=Europe/Paris 0 8 * * *", "", "timezone option"},
		{"* * *", "", "needs 5 fields"},
		{"0 8 * * * *", "", "needs 5 fields"},
		{"@every 1m", "", "every” is not supported"},
		{"@every 24h", "", "every” is not supported"},
		{"*/5 * * * *", "", "more than once an hour"},
		{"* 8 * * *", "", "more than once an hour"},
		{"0 8 31 2 *", "", "never runs"},
		{"@reboot", "", "not a valid schedule"},
		{"0 8 * * 8", "", "not a valid schedule"},
		{"0 8 * * MON-", "", "not a valid schedule"},
		{"0-/ 8 * * *", "", "not a valid schedule"},
		{"0 8 * * * @everyone <@123> **x**", "", "\\<@\u200b123> \\*\\*x\\*\\*” is not a standard cron spec"},
		{"@everyone", "", ""},
		{"0 8 * * *", "Mars/Olympus", "not a known time zone"},
		{"0 8 * * *", "Local", "not a known time zone"},
		{"0 8 * * *", "../../etc/passwd", "not a known time zone"},
		{"0 8 * * *", "@everyone", "not a known time zone"},
	} {
		m := d.digestCmd(channel, manager, discordtest.SubcommandOption(subSubscribe,
			discordtest.StringOption(optSchedule, c.schedule), discordtest.StringOption(optTimeZone, c.zone)))
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, c.want) {
			t.Errorf("subscribe %q %q: %q, want a private answer with %q", c.schedule, c.zone, m.Content, c.want)
		}
		if strings.Contains(m.Content, "@everyone") || strings.Contains(m.Content, "<@123>") || strings.Contains(m.Content, "something went wrong") {
			t.Errorf("subscribe %q %q: %q", c.schedule, c.zone, m.Content)
		}
	}
	if n := e.count("digest_subscriptions"); n != 0 {
		t.Errorf("a bad schedule was stored: %d subscriptions", n)
	}
	if strings.Contains(d.logs.String(), "panicked") {
		t.Errorf("a handler panicked:\n%s", d.logs.String())
	}

	// An administrator may; unsubscribing twice says there is nothing.
	d.digestCmd(channel, discordgo.PermissionAdministrator, discordtest.SubcommandOption(subSubscribe,
		discordtest.StringOption(optSchedule, "@weekly")))
	if n := e.count("digest_subscriptions"); n != 1 {
		t.Errorf("an administrator's subscription: %d subscriptions", n)
	}
	if m := d.digestCmd(channel, manager, discordtest.SubcommandOption(subUnsubscribe)); !strings.Contains(m.Content, "stopped") || m.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Errorf("unsubscribe: %q", m.Content)
	}
	if m := d.digestCmd(channel, manager, discordtest.SubcommandOption(subUnsubscribe)); !strings.Contains(m.Content, "no digest schedule") {
		t.Errorf("unsubscribe again: %q", m.Content)
	}
	if m := d.list(channel); !strings.Contains(text(m), "No channel of this server has a digest schedule") {
		t.Errorf("list with no schedule:\n%s", text(m))
	}

	// In a DM.
	cb, i := d.dispatch(e.srv.SlashCommand(cmdDigest, []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.SubcommandOption(subNow)}, &discordgo.User{ID: "888", Username: "dm-user"}, "", ""))
	if m := d.final(cb, i); !strings.Contains(m.Content, "use /digest in a server channel") || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("/digest in a DM: %q", m.Content)
	}
	if n := e.count("digest_runs"); n != 0 {
		t.Errorf("%d runs, want none", n)
	}
	d.requireNoMentions()
}

// /digest preview shows the digest privately and records nothing;
// /digest now posts it, once.
func TestDigestPreviewAndNow(t *testing.T) {
	t.Parallel()
	const channel = "3006"
	e := newDigestEnv(t)
	d := e.start(nil)

	cb, i := d.dispatch(e.srv.SlashCommand(cmdDigest, []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.SubcommandOption(subPreview)}, nil, digestGuild, channel))
	preview := d.final(cb, i)
	if preview.Flags&discordgo.MessageFlagsEphemeral == 0 || cb.Message == nil || cb.Message.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("the preview was public")
	}
	if !strings.HasPrefix(preview.Content, "Preview (not posted, nothing recorded): Briefing: 6 new articles") || len(preview.Embeds) == 0 {
		t.Fatalf("preview:\n%s", text(preview))
	}
	for _, f := range e.srv.Followups(i.Token) {
		if f.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Error("a part of the preview was public")
		}
	}
	for _, table := range []string{"digest_runs", "digest_channels", "digest_facts"} {
		if n := e.count(table); n != 0 {
			t.Errorf("the preview recorded %d rows in %s", n, table)
		}
	}
	if n := len(posts(e.srv, channel)); n != 0 {
		t.Errorf("the preview posted %d messages", n)
	}

	// Posted now: the digest the preview showed, in the channel.
	m := d.digestCmd(channel, 0, discordtest.SubcommandOption(subNow))
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasPrefix(m.Content, "Posted: 4 stories from 6 new articles") {
		t.Errorf("/digest now: %q", m.Content)
	}
	got := posts(e.srv, channel)
	if len(got) == 0 || !strings.HasPrefix(got[0].Content, "Briefing: 6 new articles") {
		t.Fatalf("/digest now posted %d messages", len(got))
	}
	var shown, posted []string
	for _, e := range preview.Embeds {
		shown = append(shown, e.Title+"\n"+e.Description)
	}
	for _, f := range e.srv.Followups(i.Token) {
		for _, e := range f.Embeds {
			shown = append(shown, e.Title+"\n"+e.Description)
		}
	}
	for _, p := range got {
		for _, e := range p.Embeds {
			posted = append(posted, e.Title+"\n"+e.Description)
		}
	}
	if strings.Join(shown, "\n") != strings.Join(posted, "\n") {
		t.Errorf("the preview showed:\n%s\n\nthe digest posted:\n%s", strings.Join(shown, "\n"), strings.Join(posted, "\n"))
	}
	runs := e.storedRuns(channel)
	if len(runs) != 1 || !runs[0].Manual || runs[0].State != "done" || len(runs[0].MessageIDs) != len(got) {
		t.Errorf("runs after /digest now: %+v", runs)
	}

	// Again, a minute later: nothing new.
	e.clock.Advance(time.Minute)
	m = d.digestCmd(channel, 0, discordtest.SubcommandOption(subNow))
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || m.Content != "No new developments since 2025-06-02 05:30 UTC." {
		t.Errorf("/digest now again: %q", m.Content)
	}
	if n := len(e.storedRuns(channel)); n != 2 {
		t.Errorf("%d runs, want 2", n)
	}
	// Only the asker hears of it: nothing is posted in the channel.
	if again := posts(e.srv, channel)[len(got):]; len(again) != 0 {
		t.Errorf("a second /digest now posted %d messages, the first %q", len(again), again[0].Content)
	}
	d.requireNoMentions()
}
