package bot

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/internal/discordtest"
)

// hookService runs ask before the real service answers.
type hookService struct {
	Service
	ask func(ctx context.Context, c briefing.Command)
}

func (h hookService) Ask(ctx context.Context, c briefing.Command) (briefing.Answer, error) {
	h.ask(ctx, c)
	return h.Service.Ask(ctx, c)
}

func TestHandlerPanicIsRecovered(t *testing.T) {
	svc := hookService{Service: corpusService(t), ask: func(_ context.Context, c briefing.Command) {
		if c.Person == "boom" {
			panic("a bug in the query layer")
		}
	}}
	h := startBot(t, svc, nil)
	cb, i := h.slash("who-is", discordtest.StringOption(optPerson, "boom"))
	m := h.final(cb, i)
	if !strings.Contains(m.Content, "something went wrong") || strings.Contains(m.Content, "bug in the query layer") {
		t.Errorf("after a panic the user got %q", m.Content)
	}
	if !strings.Contains(h.logs.String(), "a bug in the query layer") {
		t.Error("the panic was not logged")
	}
	// The bot goes on answering.
	cb, i = h.slash("who-met", discordtest.StringOption(optPerson, "barnea"))
	if !strings.Contains(text(h.final(cb, i)), "David Barnea") {
		t.Error("no answer after a panic")
	}
}

// A slow answer is deferred within the deadline and edited in later.
func TestSlowAnswerIsDeferred(t *testing.T) {
	svc := hookService{Service: corpusService(t), ask: func(ctx context.Context, c briefing.Command) {
		if c.Person == "burns" {
			select {
			case <-time.After(3500 * time.Millisecond):
			case <-ctx.Done():
			}
		}
	}}
	h := startBot(t, svc, func(b *Bot) { b.deferAfter = 200 * time.Millisecond })
	start := time.Now()
	cb, i := h.slash("who-met", discordtest.StringOption(optPerson, "burns"), discordtest.BooleanOption(optPrivate, true))
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response type %d, want a deferral", cb.Type)
	}
	if d := cb.Time.Sub(start); d > time.Second {
		t.Errorf("deferred after %s", d)
	}
	if cb.Message == nil || cb.Message.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("a private deferral was public")
	}
	m := h.final(cb, i)
	if !strings.Contains(text(m), "William Burns") {
		t.Errorf("deferred answer:\n%s", text(m))
	}
	h.requireNoMentions()
}

// A 429 on the edit of a deferred answer is retried, and nothing is lost.
func TestRateLimitedEditIsRetried(t *testing.T) {
	h := startBot(t, corpusService(t), func(b *Bot) { b.deferAfter = 0 })
	h.srv.Fail429("PATCH", "/webhooks/", 2, 50*time.Millisecond)
	cb, i := h.slash("quotes", discordtest.StringOption(optPerson, "blinken"))
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response type %d, want a deferral", cb.Type)
	}
	if m := h.final(cb, i); !strings.Contains(text(m), "Antony Blinken") {
		t.Errorf("answer after 429s:\n%s", text(m))
	}
	limited := 0
	for _, r := range h.srv.Requests() {
		if r.Status == 429 {
			limited++
		}
	}
	if limited != 2 {
		t.Errorf("%d requests answered 429, want 2", limited)
	}
}

// A restarted bot does not register unchanged commands again.
func TestRestartKeepsRegistration(t *testing.T) {
	srv := discordtest.New(t)
	svc := corpusService(t)
	first := startBotOn(t, srv, svc, nil)
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	second := startBotOn(t, srv, svc, nil)
	if n := srv.CommandOverwrites(""); n != 1 {
		t.Errorf("%d bulk overwrites after a restart, want 1", n)
	}
	cb, i := second.slash("who-is", discordtest.StringOption(optPerson, "kamel"))
	if !strings.Contains(text(second.final(cb, i)), "Abbas Kamel") {
		t.Error("no answer after a restart")
	}
}

// A dropped gateway connection is resumed, and an interaction sent while
// the bot was away is answered.
func TestDroppedConnectionIsResumed(t *testing.T) {
	h := startBot(t, corpusService(t), nil)
	h.srv.DropConnections()
	h.wait(func() bool { return h.srv.Connected() && h.srv.Resumes() > 0 }, "a resume")
	cb, i := h.slash("who-is", discordtest.StringOption(optPerson, "kamel"))
	if !strings.Contains(text(h.final(cb, i)), "Abbas Kamel") {
		t.Error("no answer after a reconnect")
	}
}

// Shutdown lets an answer in flight finish before closing.
func TestShutdownFinishesAnswersInFlight(t *testing.T) {
	var started atomic.Bool
	release := make(chan struct{})
	svc := hookService{Service: corpusService(t), ask: func(ctx context.Context, c briefing.Command) {
		if c.Person == "barnea" {
			started.Store(true)
			select {
			case <-release:
			case <-ctx.Done():
			}
		}
	}}
	h := startBot(t, svc, func(b *Bot) { b.deferAfter = 0 })
	sent, err := h.srv.DispatchInteraction(h.srv.SlashCommand("who-met", []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.StringOption(optPerson, "barnea")}, nil, "111", "222"))
	if err != nil {
		t.Fatal(err)
	}
	h.wait(func() bool { _, ok := h.srv.Callback(sent.ID); return ok }, "the deferral")
	for deadline := time.Now().Add(10 * time.Second); !started.Load(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the answer did not start")
		}
	}
	stopped := make(chan error, 1)
	go func() { stopped <- h.stop() }()
	time.Sleep(100 * time.Millisecond) // let shutdown begin while the answer runs
	close(release)
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if m := h.srv.Original(sent.Token); m == nil || !strings.Contains(text(m), "David Barnea") {
		t.Errorf("the answer in flight was lost: %+v", m)
	}
}

// failingService fails like a broken database.
type failingService struct{ Service }

func (failingService) Ask(context.Context, briefing.Command) (briefing.Answer, error) {
	return nil, errors.New("database is locked")
}

func TestDatabaseErrorGetsAClearAnswer(t *testing.T) {
	h := startBot(t, failingService{corpusService(t)}, nil)
	cb, i := h.slash("who-met", discordtest.StringOption(optPerson, "barnea"))
	m := h.final(cb, i)
	if !strings.Contains(m.Content, "something went wrong") || strings.Contains(m.Content, "locked") {
		t.Errorf("after a database error the user got %q", m.Content)
	}
	if !strings.Contains(h.logs.String(), "database is locked") {
		t.Error("the error was not logged")
	}
}

// With a guild id the commands are registered in that guild only.
func TestGuildScopedRegistration(t *testing.T) {
	srv := discordtest.New(t, discordtest.WithGuilds("5150"))
	h := startBotOn(t, srv, corpusService(t), func(b *Bot) { b.cfg.GuildID = "5150" })
	if n := len(srv.Commands("5150")); n != len(definitions()) {
		t.Errorf("%d guild commands, want %d", n, len(definitions()))
	}
	if n := len(srv.Commands("")); n != 0 {
		t.Errorf("%d global commands, want none", n)
	}
	cb, i := h.dispatch(srv.SlashCommand("who-is", []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.StringOption(optPerson, "kamel")}, nil, "5150", "6"))
	if !strings.Contains(text(h.final(cb, i)), "Abbas Kamel") {
		t.Error("no answer to a guild command")
	}
}
