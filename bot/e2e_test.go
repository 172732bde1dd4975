package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"mime/multipart"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
	"briefbot/corpus"
	"briefbot/internal/discordtest"
	"briefbot/internal/syncbuf"
	"briefbot/storage"
)

// hostileArticle puts text that must never ping or format into the corpus.
const hostileArticle = `date 2024-03-25 Hostile text
Mallory Vance, an organiser, met David Barnea in Doha on Monday.
"@everyone **now** <@123456> [click](https://evil.example) ||spoiler|| # heading," Mallory Vance said.
`

// corpusService builds the sample corpus and the hostile article into a
// SQLite file in a temporary directory and returns the query layer.
func corpusService(t *testing.T) *briefing.Service {
	t.Helper()
	db, lex := corpusDB(t, nil)
	return briefing.NewService(db, names.NewMatcher(lex))
}

// corpusDB builds the sample corpus and the hostile article into a SQLite
// file in a temporary directory, the database's clock being now (time.Now
// when nil), and returns the database and the lexicon it was built with.
func corpusDB(t *testing.T, now func() time.Time) (*storage.DB, *lexicon.Lexicon) {
	t.Helper()
	ctx := context.Background()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "bot.db"), storage.Options{Lexicon: lex, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	seeds := corpus.Seeds()
	entries, err := fs.ReadDir(seeds, ".")
	if err != nil {
		t.Fatal(err)
	}
	var items []ingest.Item
	for _, e := range entries {
		name := e.Name()
		items = append(items, ingest.Item{Path: name, Source: name, Open: func() (io.ReadCloser, error) { return seeds.Open(name) }})
	}
	items = append(items, ingest.Item{Path: "hostile.txt", Source: "hostile.txt",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(hostileArticle)), nil }})
	sum, err := ingest.New(extract.New(lex), db, ingest.Options{}).Run(ctx, items, nil)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("build corpus: %+v, %v", sum, err)
	}
	return db, lex
}

// harness is a bot connected to a local Discord-compatible server.
type harness struct {
	t    *testing.T
	srv  *discordtest.Server
	bot  *Bot
	logs *syncbuf.Buffer
	stop func() error
}

// startBot runs a bot answering from svc against a new test server; tweak
// may adjust the bot before it connects.
func startBot(t *testing.T, svc Service, tweak func(*Bot)) *harness {
	t.Helper()
	srv := discordtest.New(t, discordtest.WithInteractionDeadline(3*time.Second))
	return startBotOn(t, srv, svc, tweak)
}

func startBotOn(t *testing.T, srv *discordtest.Server, svc Service, tweak func(*Bot)) *harness {
	t.Helper()
	logs := &syncbuf.Buffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(Config{Token: srv.Token(), APIURL: srv.URL()}, svc, log)
	if err != nil {
		t.Fatal(err)
	}
	if tweak != nil {
		tweak(b)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(15 * time.Second):
				runErr = errors.New("the bot did not stop")
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("bot stopped with %v", err)
		}
		if strings.Contains(logs.String(), srv.Token()) {
			t.Error("the bot token appears in the logs")
		}
	})
	h := &harness{t: t, srv: srv, bot: b, logs: logs, stop: stop}
	readyCtx, cancelReady := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelReady()
	if err := srv.WaitReady(readyCtx); err != nil {
		t.Fatalf("the bot did not connect: %v\nlogs:\n%s", err, logs.String())
	}
	// Registration is logged after its last request: poll for it.
	for !strings.Contains(logs.String(), `"slash commands`) {
		select {
		case <-readyCtx.Done():
			t.Fatalf("the bot did not register its commands\nlogs:\n%s", logs.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	return h
}

// wait waits up to 10 s for cond.
func (h *harness) wait(cond func() bool, what string) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.srv.WaitUntil(ctx, cond); err != nil {
		h.t.Fatalf("waiting for %s: %v\nlogs:\n%s", what, err, h.logs.String())
	}
}

// slash runs a slash command in a guild channel and returns its first
// response (the server refuses one later than Discord's 3 seconds).
func (h *harness) slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) (discordtest.InteractionCallback, *discordgo.Interaction) {
	h.t.Helper()
	return h.dispatch(h.srv.SlashCommand(name, opts, nil, "111", "222"))
}

func (h *harness) dispatch(i *discordgo.Interaction) (discordtest.InteractionCallback, *discordgo.Interaction) {
	h.t.Helper()
	sent, err := h.srv.DispatchInteraction(i)
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cb, err := h.srv.WaitCallback(ctx, sent.ID)
	if err != nil {
		h.t.Fatalf("no response to %s: %v\nlogs:\n%s", i.Type, err, h.logs.String())
	}
	return cb, sent
}

// final is the message an interaction ended with: the response, or the
// original after a deferral was edited.
func (h *harness) final(cb discordtest.InteractionCallback, i *discordgo.Interaction) *discordgo.Message {
	h.t.Helper()
	if cb.Type == discordgo.InteractionResponseChannelMessageWithSource || cb.Type == discordgo.InteractionResponseUpdateMessage {
		return cb.Message
	}
	h.wait(func() bool {
		m := h.srv.Original(i.Token)
		return m != nil && (len(m.Embeds) > 0 || m.Content != "")
	}, "the deferred answer")
	return h.srv.Original(i.Token)
}

func text(m *discordgo.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

// requireNoMentions fails unless every message-carrying request the bot
// made had an empty allowed_mentions.
func (h *harness) requireNoMentions() {
	h.t.Helper()
	for _, r := range h.srv.Requests() {
		if r.Method != "POST" && r.Method != "PATCH" || !strings.Contains(r.Path, "/messages") && !strings.Contains(r.Path, "/callback") && !strings.Contains(r.Path, "/webhooks/") {
			continue
		}
		var body struct {
			Type int `json:"type"`
			Data *struct {
				Embeds          []json.RawMessage `json:"embeds"`
				Content         string            `json:"content"`
				AllowedMentions *struct {
					Parse []string `json:"parse"`
				} `json:"allowed_mentions"`
			} `json:"data"`
			Content         string `json:"content"`
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		}
		if err := decodePayload(r, &body); err != nil {
			continue
		}
		am := body.AllowedMentions
		hasText := body.Content != ""
		if body.Data != nil {
			am = body.Data.AllowedMentions
			hasText = body.Data.Content != "" || len(body.Data.Embeds) > 0
			if body.Type == int(discordgo.InteractionResponseDeferredChannelMessageWithSource) || body.Type == int(discordgo.InteractionResponseDeferredMessageUpdate) {
				continue
			}
		}
		if hasText && (am == nil || len(am.Parse) != 0) {
			h.t.Errorf("%s %s: allowed_mentions not empty: %s", r.Method, r.Path, r.Body)
		}
	}
}

// decodePayload decodes a request's JSON object into v: the body, or the
// payload_json part of a multipart request (a message with files).
func decodePayload(r discordtest.Request, v any) error {
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		return r.DecodeJSON(v)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return fmt.Errorf("%s %s: no payload_json part: %w", r.Method, r.Path, err)
		}
		if part.FormName() == "payload_json" {
			return json.NewDecoder(part).Decode(v)
		}
	}
}

func TestBotEndToEnd(t *testing.T) {
	h := startBot(t, corpusService(t), nil)

	t.Run("registers its commands once", func(t *testing.T) {
		if n := h.srv.CommandOverwrites(""); n != 1 {
			t.Errorf("%d bulk overwrites, want 1", n)
		}
		for _, c := range h.srv.Commands("") {
			serverOnly := c.Name == cmdDigest || c.Name == cmdIngest || c.Name == cmdFeeds
			if !serverOnly && (c.Contexts == nil || len(*c.Contexts) != 3) {
				t.Errorf("/%s is not usable in DMs", c.Name)
			}
		}
	})

	t.Run("who-met barnea", func(t *testing.T) {
		cb, i := h.slash("who-met", discordtest.StringOption(optPerson, "barnea"))
		m := h.final(cb, i)
		got := text(m)
		for _, want := range []string{"David Barnea — Mossad chief", "William Burns", "Doha", "source"} {
			if !strings.Contains(got, want) {
				t.Errorf("answer lacks %q:\n%s", want, got)
			}
		}
		if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Error("a public answer was ephemeral")
		}
	})

	t.Run("quotes blinken, privately", func(t *testing.T) {
		cb, i := h.slash("quotes", discordtest.StringOption(optPerson, "blinken"), discordtest.BooleanOption(optPrivate, true))
		m := h.final(cb, i)
		if !strings.Contains(text(m), "Antony Blinken") || !strings.Contains(text(m), "“") {
			t.Errorf("quotes answer:\n%s", text(m))
		}
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Error("a private answer was public")
		}
	})

	t.Run("autocomplete blin", func(t *testing.T) {
		cb, _ := h.dispatch(h.srv.Autocomplete("quotes", []*discordgo.ApplicationCommandInteractionDataOption{
			discordtest.Focused(discordtest.StringOption(optPerson, "blin"))}, nil, "111", "222"))
		if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(cb.Choices) == 0 {
			t.Fatalf("autocomplete response %+v", cb)
		}
		if c := cb.Choices[0]; c.Value != "Antony Blinken" || !strings.HasPrefix(c.Name, "Antony Blinken") {
			t.Errorf("first choice %+v, want Antony Blinken", c)
		}
	})

	t.Run("every other command", func(t *testing.T) {
		for _, c := range []struct {
			name string
			opts []*discordgo.ApplicationCommandInteractionDataOption
			want string
		}{
			{"who-is", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optPerson, "kamal")}, "Abbas Kamel"},
			{"search", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optQuery, "rafah")}, "**Rafah**"},
			{"timeline", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optSubject, "barnea")}, "Timeline — David Barnea"},
			{"sources", nil, "6 articles"},
			{"help", nil, "**/who-met"},
		} {
			cb, i := h.slash(c.name, c.opts...)
			if got := text(h.final(cb, i)); !strings.Contains(got, c.want) {
				t.Errorf("/%s lacks %q:\n%s", c.name, c.want, got)
			}
		}
	})

	t.Run("an unknown person", func(t *testing.T) {
		cb, i := h.slash("who-is", discordtest.StringOption(optPerson, "zebulon quibble"))
		m := h.final(cb, i)
		if !strings.Contains(strings.ToLower(m.Content), "zebulon") || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("unknown person answer: %q (flags %d)", m.Content, m.Flags)
		}
	})

	t.Run("hostile corpus text pings nobody and is escaped", func(t *testing.T) {
		cb, i := h.slash("quotes", discordtest.StringOption(optPerson, "mallory vance"))
		got := text(h.final(cb, i))
		for _, bad := range []string{"@everyone", "<@123456>", "**now**", "||spoiler||"} {
			if strings.Contains(got, bad) {
				t.Errorf("answer carries %q as is:\n%s", bad, got)
			}
		}
		if !strings.Contains(got, "everyone") {
			t.Errorf("the quote is missing:\n%s", got)
		}
	})

	t.Run("a slash command in a DM", func(t *testing.T) {
		cb, i := h.dispatch(h.srv.SlashCommand("who-met", []*discordgo.ApplicationCommandInteractionDataOption{
			discordtest.StringOption(optPerson, "barnea")}, &discordgo.User{ID: "888", Username: "dm-user"}, "", ""))
		if got := text(h.final(cb, i)); !strings.Contains(got, "David Barnea") {
			t.Errorf("DM slash answer:\n%s", got)
		}
	})

	t.Run("a DM sentence", func(t *testing.T) {
		user := &discordgo.User{ID: "777", Username: "analyst"}
		if _, err := h.srv.DispatchMessage(&discordgo.Message{Author: user, Content: "who met barnea?"}); err != nil {
			t.Fatal(err)
		}
		dm := h.srv.DMChannelID(user.ID)
		h.wait(func() bool { return len(h.srv.ChannelMessages(dm)) > 0 }, "the DM answer")
		if got := text(h.srv.ChannelMessages(dm)[0]); !strings.Contains(got, "David Barnea") {
			t.Errorf("DM answer:\n%s", got)
		}
		if _, err := h.srv.DispatchMessage(&discordgo.Message{Author: user, Content: "what's the weather like?"}); err != nil {
			t.Fatal(err)
		}
		h.wait(func() bool { return len(h.srv.ChannelMessages(dm)) > 1 }, "the DM help")
		if got := h.srv.ChannelMessages(dm)[1].Content; !strings.Contains(got, "who met barnea?") {
			t.Errorf("DM help: %q", got)
		}
	})

	t.Run("paging", func(t *testing.T) {
		cb, i := h.slash("timeline")
		m := h.final(cb, i)
		if len(m.Components) == 0 {
			t.Fatalf("a long timeline has no page buttons:\n%s", text(m))
		}
		first := text(m)
		next := pageButton(t, m, "▶")
		// Someone else may not turn the pages.
		other := &discordgo.User{ID: "999", Username: "someone-else"}
		cb2, _ := h.dispatch(h.srv.ButtonClick(m, next, other, "111"))
		if cb2.Message == nil || cb2.Message.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(cb2.Message.Content, "Only the person who asked") {
			t.Errorf("another user's click: %+v", cb2)
		}
		cb3, i3 := h.dispatch(h.srv.ButtonClick(m, next, nil, "111"))
		page2 := h.final(cb3, i3)
		if cb3.Type != discordgo.InteractionResponseUpdateMessage && cb3.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Errorf("page turn answered with type %d, want an update", cb3.Type)
		}
		if text(page2) == first || !strings.Contains(text(page2), "Page 2 of") {
			t.Errorf("page 2:\n%s", text(page2))
		}
		// A stale or forged button gets a clear answer.
		cb4, _ := h.dispatch(h.srv.ButtonClick(m, "pg|garbage", nil, "111"))
		if cb4.Message == nil || !strings.Contains(cb4.Message.Content, "no longer works") {
			t.Errorf("stale button: %+v", cb4)
		}
	})

	h.requireNoMentions()
	if u := h.srv.Unhandled(); len(u) > 0 {
		t.Errorf("the bot called what Discord does not have: %v", u)
	}
}

// pageButton returns the custom_id of the button labelled label.
func pageButton(t *testing.T, m *discordgo.Message, label string) string {
	t.Helper()
	for _, row := range m.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if b, ok := c.(*discordgo.Button); ok && b.Label == label {
				return b.CustomID
			}
		}
	}
	t.Fatalf("no %s button in %+v", label, m.Components)
	return ""
}
