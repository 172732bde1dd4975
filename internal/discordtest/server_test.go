package discordtest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"briefbot/internal/discordtest"
)

const (
	guildID   = "900000000000000001"
	channelID = "900000000000000002"
)

// timeout bounds every wait of a test.
const timeout = 5 * time.Second

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	return ctx
}

// newSession is a discordgo session routed to srv, not yet connected.
func newSession(t *testing.T, srv *discordtest.Server, token string) *discordgo.Session {
	t.Helper()
	sess, err := discordgo.New("Bot " + token)
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	sess.Client = srv.Client()
	return sess
}

// connect opens a session to srv, with handlers added by setup first, and
// returns once READY arrived. The session is closed when the test ends.
func connect(t *testing.T, srv *discordtest.Server, setup func(*discordgo.Session)) (*discordgo.Session, *discordgo.Ready) {
	t.Helper()
	sess := newSession(t, srv, srv.Token())
	ready := make(chan *discordgo.Ready, 1)
	sess.AddHandlerOnce(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	if setup != nil {
		setup(sess)
	}
	if err := sess.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = sess.Close() })
	select {
	case r := <-ready:
		return sess, r
	case <-time.After(timeout):
		t.Fatal("no READY")
		return nil, nil
	}
}

// apiCode is the HTTP status and Discord error code of a REST error.
func apiCode(t *testing.T, err error) (status, code int) {
	t.Helper()
	var restErr *discordgo.RESTError
	if !errors.As(err, &restErr) {
		t.Fatalf("want a REST error, got %v", err)
	}
	if restErr.Message == nil {
		t.Fatalf("REST error without a Discord error body: %v", err)
	}
	return restErr.Response.StatusCode, restErr.Message.Code
}

// handled collects what an event handler reports, since handlers run on
// discordgo's goroutines and must not call t.Fatal.
type handled[T any] chan T

func (h handled[T]) next(t *testing.T) T {
	t.Helper()
	select {
	case v := <-h:
		return v
	case <-time.After(timeout):
		t.Fatal("handler did not run")
		var zero T
		return zero
	}
}

// TestSession drives one connected session through a bot's usual
// exchanges. They share the session because discordgo's Close sleeps for a
// second; each uses its own channel or user.
func TestSession(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.WithGuilds(guildID))
	guilds := make(handled[*discordgo.GuildCreate], 1)
	sess, ready := connect(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { guilds <- g })
	})

	t.Run("Ready", func(t *testing.T) { testReady(t, srv, sess, ready, guilds) })
	t.Run("RespondAndEdit", func(t *testing.T) { testRespondAndEdit(t, srv, sess) })
	t.Run("FollowupAfterRateLimit", func(t *testing.T) { testFollowupAfterRateLimit(t, srv, sess) })
	t.Run("ButtonClick", func(t *testing.T) { testButtonClick(t, srv, sess) })
	t.Run("Autocomplete", func(t *testing.T) { testAutocomplete(t, srv, sess) })
	t.Run("DirectMessages", func(t *testing.T) { testDirectMessages(t, srv, sess) })
	t.Run("GuildMessageContent", func(t *testing.T) { testGuildMessageContent(t, srv, sess) })
	t.Run("HistoryWithoutEphemeral", func(t *testing.T) { testHistoryWithoutEphemeral(t, srv, sess) })

	if got := srv.Unhandled(); len(got) != 0 {
		t.Errorf("Unhandled() = %v", got)
	}
}

func testReady(t *testing.T, srv *discordtest.Server, sess *discordgo.Session, ready *discordgo.Ready, guilds handled[*discordgo.GuildCreate]) {
	if ready.SessionID == "" || ready.User == nil || ready.User.ID != srv.ApplicationID() || !ready.User.Bot {
		t.Errorf("READY = %+v, want a session id and the bot user", ready)
	}
	if ready.Application == nil || ready.Application.ID != srv.ApplicationID() {
		t.Errorf("READY application = %+v, want id %s", ready.Application, srv.ApplicationID())
	}
	if sess.State.User == nil || sess.State.User.ID != srv.ApplicationID() {
		t.Errorf("session state user = %+v", sess.State.User)
	}
	if g := guilds.next(t); g.ID != guildID {
		t.Errorf("GUILD_CREATE for %s, want %s", g.ID, guildID)
	}
	if err := srv.WaitReady(testContext(t)); err != nil {
		t.Errorf("WaitReady after READY: %v", err)
	}
	if n := srv.Heartbeats(); n < 1 {
		t.Errorf("Heartbeats() = %d once ready, want at least 1", n)
	}
	ids := srv.Identifies()
	if len(ids) != 1 || ids[0].Intents != discordgo.IntentsAllWithoutPrivileged || !ids[0].Compress {
		t.Errorf("Identifies() = %+v, want one with discordgo's default intents and compression", ids)
	}
	me, err := sess.User("@me")
	if err != nil || me.ID != srv.ApplicationID() {
		t.Errorf("User(@me) = %+v, %v", me, err)
	}
}

func testRespondAndEdit(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	const channel = "900000000000000011"
	ctx := testContext(t)
	errs := make(handled[error], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: "pong " + i.ApplicationCommandData().Options[0].StringValue(),
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: "page:2"},
				}}},
			},
		})
	})
	defer remove()

	in, err := srv.DispatchInteraction(srv.SlashCommand("ping",
		[]*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("text", "hi")},
		nil, guildID, channel))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatalf("InteractionRespond: %v", err)
	}
	cb, err := srv.WaitCallback(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Message.Content != "pong hi" {
		t.Errorf("callback = type %d %+v", cb.Type, cb.Message)
	}
	orig := srv.Original(in.Token)
	if orig == nil || orig.Content != "pong hi" || orig.ChannelID != channel || len(orig.Components) != 1 {
		t.Fatalf("Original = %+v", orig)
	}

	content := "edited"
	edited, err := sess.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content})
	if err != nil {
		t.Fatalf("InteractionResponseEdit: %v", err)
	}
	if edited.Content != "edited" || edited.EditedTimestamp == nil {
		t.Errorf("edit answered %+v", edited)
	}
	if orig := srv.Original(in.Token); orig.Content != "edited" || len(orig.Components) != 1 {
		t.Errorf("Original after edit = %+v, want new content and the button kept", orig)
	}
	if got := srv.ChannelMessages(channel); len(got) != 1 || got[0].Content != "edited" {
		t.Errorf("ChannelMessages = %+v", got)
	}

	err = sess.InteractionRespond(in, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "again"},
	})
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 40060 {
		t.Errorf("second response: %d/%d, want 400/40060", status, code)
	}
	unknown := &discordgo.Interaction{ID: "1", Token: "nope"}
	err = sess.InteractionRespond(unknown, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
	})
	if status, code := apiCode(t, err); status != http.StatusNotFound || code != 10062 {
		t.Errorf("response to an unknown interaction: %d/%d, want 404/10062", status, code)
	}
}

func testFollowupAfterRateLimit(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	errs := make(handled[error], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
		})
	})
	defer remove()

	in, err := srv.DispatchInteraction(srv.SlashCommand("ping", nil, nil, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatalf("InteractionRespond: %v", err)
	}
	if orig := srv.Original(in.Token); orig == nil || orig.Flags&discordgo.MessageFlagsLoading == 0 ||
		orig.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("deferred Original = %+v, want an ephemeral loading message", orig)
	}

	srv.Fail429(http.MethodPost, "/webhooks/", 1, 50*time.Millisecond)
	msg, err := sess.FollowupMessageCreate(in, true, &discordgo.WebhookParams{Content: "later"})
	if err != nil {
		t.Fatalf("FollowupMessageCreate: %v", err)
	}
	if msg == nil || msg.ID == "" || msg.Content != "later" {
		t.Errorf("follow-up answered %+v", msg)
	}
	var statuses []int
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/api/v9/webhooks/") {
			statuses = append(statuses, r.Status)
		}
	}
	if len(statuses) != 2 || statuses[0] != http.StatusTooManyRequests || statuses[1] != http.StatusOK {
		t.Errorf("follow-up requests answered %v, want [429 200]", statuses)
	}
	if got := srv.Followups(in.Token); len(got) != 1 || got[0].ID != msg.ID {
		t.Errorf("Followups = %+v", got)
	}
}

func testButtonClick(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	const channel = "900000000000000012"
	ctx := testContext(t)
	errs := make(handled[error], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		resp := &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Embeds: []*discordgo.MessageEmbed{{Title: "Page 1"}},
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: "page:2"},
				}}},
			},
		}
		if i.Type == discordgo.InteractionMessageComponent {
			resp.Type = discordgo.InteractionResponseUpdateMessage
			resp.Data.Embeds[0].Title = "Page 2 after " + i.MessageComponentData().CustomID
		}
		errs <- s.InteractionRespond(i.Interaction, resp)
	})
	defer remove()

	cmd, err := srv.DispatchInteraction(srv.SlashCommand("search", nil, nil, guildID, channel))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatal(err)
	}
	page1 := srv.Original(cmd.Token)
	click, err := srv.DispatchInteraction(srv.ButtonClick(page1, "page:2", nil, guildID))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitCallback(ctx, click.ID); err != nil {
		t.Fatal(err)
	}
	msgs := srv.ChannelMessages(channel)
	if len(msgs) != 1 || msgs[0].ID != page1.ID || len(msgs[0].Embeds) != 1 ||
		msgs[0].Embeds[0].Title != "Page 2 after page:2" || len(msgs[0].Components) != 1 {
		t.Errorf("after the click the channel holds %+v", msgs)
	}
	if orig := srv.Original(click.Token); orig == nil || orig.ID != page1.ID {
		t.Errorf("the click's Original = %+v, want the clicked message", orig)
	}
}

func testAutocomplete(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	errs := make(handled[error], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		var typed string
		for _, o := range i.ApplicationCommandData().Options {
			if o.Focused {
				typed = o.StringValue()
			}
		}
		n := 2
		if typed == "many" {
			n = 26 // one more than Discord allows
		}
		choices := make([]*discordgo.ApplicationCommandOptionChoice, n)
		for k := range choices {
			choices[k] = &discordgo.ApplicationCommandOptionChoice{Name: typed, Value: typed}
		}
		errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		})
	})
	defer remove()

	typing := func(value string) *discordgo.Interaction {
		return srv.Autocomplete("whomet", []*discordgo.ApplicationCommandInteractionDataOption{
			discordtest.Focused(discordtest.StringOption("person", value)),
		}, nil, guildID, channelID)
	}
	in, err := srv.DispatchInteraction(typing("Mer"))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatal(err)
	}
	if cb, ok := srv.Callback(in.ID); !ok || len(cb.Choices) != 2 || cb.Choices[0].Value != "Mer" {
		t.Errorf("Callback = %+v, %v", cb, ok)
	}

	if _, err := srv.DispatchInteraction(typing("many")); err != nil {
		t.Fatal(err)
	}
	if status, code := apiCode(t, errs.next(t)); status != http.StatusBadRequest || code != 50035 {
		t.Errorf("26 choices: %d/%d, want 400/50035", status, code)
	}
}

func testDirectMessages(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	user := &discordgo.User{ID: "1200000000000000042", Username: "reader"}
	refused := &discordgo.User{ID: "1200000000000000043", Username: "private"}
	srv.RefuseDMs(refused.ID)
	dm := srv.DMChannelID(user.ID)
	replies := make(handled[error], 1)
	own := make(handled[*discordgo.Message], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
		switch {
		case m.Author.ID == s.State.User.ID:
			if m.ChannelID == dm { // other tests' messages may still be arriving
				own <- m.Message
			}
		case m.GuildID == "":
			ch, err := s.UserChannelCreate(m.Author.ID)
			if err == nil {
				_, err = s.ChannelMessageSend(ch.ID, "you said: "+m.Content)
			}
			replies <- err
		}
	})
	defer remove()

	sent, err := srv.DispatchMessage(&discordgo.Message{Author: user, Content: "hello"})
	if err != nil {
		t.Fatal(err)
	}
	if sent.ChannelID != dm || sent.GuildID != "" {
		t.Errorf("DM dispatched as %+v", sent)
	}
	if err := replies.next(t); err != nil {
		t.Fatalf("reply: %v", err)
	}
	got := srv.ChannelMessages(dm)
	if len(got) != 1 || got[0].Content != "you said: hello" || got[0].Author.ID != srv.ApplicationID() {
		t.Errorf("DM channel holds %+v", got)
	}
	if echo := own.next(t); echo.ID != got[0].ID {
		t.Errorf("MESSAGE_CREATE for the bot's own message: %+v", echo)
	}

	if _, err := srv.DispatchMessage(&discordgo.Message{Author: refused, Content: "hi"}); err != nil {
		t.Fatal(err)
	}
	if status, code := apiCode(t, replies.next(t)); status != http.StatusForbidden || code != 50007 {
		t.Errorf("DM to a user refusing DMs: %d/%d, want 403/50007", status, code)
	}
}

func testGuildMessageContent(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	const channel = "900000000000000013"
	got := make(handled[string], 2)
	remove := sess.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) {
		if m.ChannelID == channel {
			got <- m.Content
		}
	})
	defer remove()

	// discordgo does not ask for the privileged message content intent by
	// default: guild messages arrive without content unless they mention
	// the bot.
	author := &discordgo.User{ID: "1200000000000000044", Username: "speaker"}
	plain := &discordgo.Message{Author: author, GuildID: guildID, ChannelID: channel, Content: "plain"}
	if _, err := srv.DispatchMessage(plain); err != nil {
		t.Fatal(err)
	}
	if content := got.next(t); content != "" {
		t.Errorf("content without the intent: %q, want none", content)
	}
	mention := &discordgo.Message{Author: author, GuildID: guildID, ChannelID: channel,
		Content: "<@" + srv.ApplicationID() + "> hi", Mentions: []*discordgo.User{srv.BotUser()}}
	if _, err := srv.DispatchMessage(mention); err != nil {
		t.Fatal(err)
	}
	if content := got.next(t); content != mention.Content {
		t.Errorf("content of a mention: %q, want %q", content, mention.Content)
	}
}

func testHistoryWithoutEphemeral(t *testing.T, srv *discordtest.Server, sess *discordgo.Session) {
	const channel = "900000000000000014"
	errs := make(handled[error], 1)
	remove := sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "only you", Flags: discordgo.MessageFlagsEphemeral},
		})
	})
	defer remove()

	if _, err := sess.ChannelMessageSend(channel, "for everyone"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.DispatchInteraction(srv.SlashCommand("secret", nil, nil, guildID, channel)); err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatalf("InteractionRespond: %v", err)
	}
	if got, err := srv.WaitChannelMessages(testContext(t), channel, 2); err != nil || got[1].Content != "only you" {
		t.Fatalf("WaitChannelMessages = %+v, %v; want the ephemeral response second", got, err)
	}
	history, err := sess.ChannelMessages(channel, 0, "", "", "")
	if err != nil || len(history) != 1 || history[0].Content != "for everyone" {
		t.Errorf("history = %+v, %v; want only the message that is not ephemeral", history, err)
	}
}

// TestReconnect checks that a session survives losing its connection,
// both abruptly and when asked to reconnect, but not being closed.
func TestReconnect(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	commands := make(handled[string], 1)
	resumed := make(handled[*discordgo.Resumed], 2)
	sess, _ := connect(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) {
			commands <- i.ApplicationCommandData().Name
		})
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { resumed <- r })
	})
	if err := srv.WaitReady(testContext(t)); err != nil {
		t.Fatal(err)
	}

	t.Run("DroppedConnection", func(t *testing.T) {
		ctx := testContext(t)
		srv.DropConnections()
		if srv.Connected() {
			t.Fatal("Connected() = true right after DropConnections")
		}
		// Dispatched while the client is away: replayed when it resumes.
		if _, err := srv.DispatchInteraction(srv.SlashCommand("missed", nil, nil, guildID, channelID)); err != nil {
			t.Fatal(err)
		}
		if err := srv.WaitReady(ctx); err != nil {
			t.Fatal(err)
		}
		resumed.next(t)
		if got := commands.next(t); got != "missed" {
			t.Errorf("after resuming the bot got %q", got)
		}
		if n, ids := srv.Resumes(), len(srv.Identifies()); n != 1 || ids != 1 {
			t.Errorf("Resumes() = %d, Identifies() = %d; want a resume and no new IDENTIFY", n, ids)
		}
	})

	t.Run("RequestedReconnect", func(t *testing.T) {
		ctx := testContext(t)
		before := srv.Resumes()
		if err := srv.RequestReconnect(); err != nil {
			t.Fatal(err)
		}
		if err := srv.WaitReady(ctx); err != nil {
			t.Fatal(err)
		}
		resumed.next(t)
		if n := srv.Resumes(); n != before+1 {
			t.Errorf("Resumes() = %d, want %d", n, before+1)
		}
		if _, err := srv.DispatchInteraction(srv.SlashCommand("after", nil, nil, guildID, channelID)); err != nil {
			t.Fatal(err)
		}
		if got := commands.next(t); got != "after" {
			t.Errorf("after reconnecting the bot got %q", got)
		}
		// One heartbeat on connecting, none since: the interval is long.
		if n := srv.Heartbeats(); n != 3 {
			t.Errorf("Heartbeats() = %d over three connections, want 3", n)
		}
	})

	t.Run("ClosedSession", func(t *testing.T) {
		ctx := testContext(t)
		if err := sess.Close(); err != nil {
			t.Fatal(err)
		}
		if err := srv.WaitUntil(ctx, func() bool { return !srv.Connected() }); err != nil {
			t.Fatal(err)
		}
		_, err := srv.DispatchInteraction(srv.SlashCommand("late", nil, nil, guildID, channelID))
		if !errors.Is(err, discordtest.ErrNoSession) {
			t.Errorf("dispatch after the client closed: %v, want ErrNoSession", err)
		}
	})
}

func TestWrongTokenIsRefused(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, "not-the-token")

	err := sess.Open()
	var closeErr *websocket.CloseError
	if !errors.As(err, &closeErr) || closeErr.Code != 4004 {
		t.Errorf("Open with a wrong token: %v, want close code 4004", err)
	}
	if srv.Connected() {
		t.Error("Connected() = true after a refused IDENTIFY")
	}
	_, err = sess.User("@me")
	if status, code := apiCode(t, err); status != http.StatusUnauthorized || code != 0 {
		t.Errorf("User(@me) with a wrong token: %d/%d, want 401/0", status, code)
	}
}

func TestDisallowedIntentsAreRefused(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.WithPrivilegedIntents(0))
	sess := newSession(t, srv, srv.Token())
	sess.Identify.Intents = discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent

	err := sess.Open()
	var closeErr *websocket.CloseError
	if !errors.As(err, &closeErr) || closeErr.Code != 4014 {
		t.Errorf("Open asking for a disabled privileged intent: %v, want close code 4014", err)
	}
}

func TestCommandRegistration(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())
	app := srv.ApplicationID()
	cmds := []*discordgo.ApplicationCommand{
		{Name: "whomet", Description: "Who met whom", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "person", Description: "A person", Required: true, Autocomplete: true},
			{Type: discordgo.ApplicationCommandOptionInteger, Name: "year", Description: "A year"},
		}},
		{Name: "help", Description: "How to use the bot"},
	}

	first, err := sess.ApplicationCommandBulkOverwrite(app, guildID, cmds)
	if err != nil {
		t.Fatalf("first overwrite: %v", err)
	}
	if len(first) != 2 || first[0].ID == "" || first[0].ApplicationID != app || first[0].GuildID != guildID {
		t.Fatalf("overwrite answered %+v", first)
	}
	second, err := sess.ApplicationCommandBulkOverwrite(app, guildID, cmds[:1])
	if err != nil {
		t.Fatalf("second overwrite: %v", err)
	}
	if second[0].ID != first[0].ID {
		t.Errorf("command id changed across overwrites: %s, then %s", first[0].ID, second[0].ID)
	}
	if n := srv.CommandOverwrites(guildID); n != 2 {
		t.Errorf("CommandOverwrites = %d, want 2", n)
	}
	if got := srv.Commands(guildID); len(got) != 1 || got[0].Name != "whomet" || len(got[0].Options) != 2 {
		t.Errorf("Commands(guild) = %+v", got)
	}
	if got := srv.Commands(""); len(got) != 0 {
		t.Errorf("global commands = %+v, want none", got)
	}
	listed, err := sess.ApplicationCommands(app, guildID)
	if err != nil || len(listed) != 1 {
		t.Errorf("ApplicationCommands = %+v, %v", listed, err)
	}
	if in := srv.SlashCommand("whomet", nil, nil, guildID, channelID); in.ApplicationCommandData().ID != first[0].ID {
		t.Errorf("SlashCommand data id = %s, want the registered %s", in.ApplicationCommandData().ID, first[0].ID)
	}

	created, err := sess.ApplicationCommandCreate(app, "", &discordgo.ApplicationCommand{Name: "sources", Description: "Sources"})
	if err != nil {
		t.Fatalf("ApplicationCommandCreate: %v", err)
	}
	edited, err := sess.ApplicationCommandEdit(app, "", created.ID, &discordgo.ApplicationCommand{Name: "sources", Description: "Where from"})
	if err != nil || edited.ID != created.ID || edited.Description != "Where from" {
		t.Errorf("ApplicationCommandEdit = %+v, %v", edited, err)
	}
	if err := sess.ApplicationCommandDelete(app, "", created.ID); err != nil {
		t.Errorf("ApplicationCommandDelete: %v", err)
	}
	_, err = sess.ApplicationCommand(app, "", created.ID)
	if status, code := apiCode(t, err); status != http.StatusNotFound || code != 10063 {
		t.Errorf("deleted command: %d/%d, want 404/10063", status, code)
	}

	invalid := []*discordgo.ApplicationCommand{{Name: "Who Met", Description: "x"}}
	_, err = sess.ApplicationCommandBulkOverwrite(app, "", invalid)
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50035 {
		t.Errorf("invalid command name: %d/%d, want 400/50035", status, code)
	}
	if n := srv.CommandOverwrites(""); n != 0 {
		t.Errorf("a refused overwrite counted: %d", n)
	}
}

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	// Discord counts code points: 2000 astral characters fit.
	if _, err := sess.ChannelMessageSend(channelID, strings.Repeat("😀", 2000)); err != nil {
		t.Errorf("2000 emoji refused: %v", err)
	}
	cases := map[string]*discordgo.MessageSend{
		"long content":     {Content: strings.Repeat("a", 2001)},
		"long description": {Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("a", 4097)}}},
		"eleven embeds":    {Embeds: embeds(11)},
		"six rows": {Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{}, discordgo.ActionsRow{}, discordgo.ActionsRow{},
			discordgo.ActionsRow{}, discordgo.ActionsRow{}, discordgo.ActionsRow{},
		}},
	}
	for name, msg := range cases {
		_, err := sess.ChannelMessageSendComplex(channelID, msg)
		if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50035 {
			t.Errorf("%s: %d/%d, want 400/50035", name, status, code)
		}
	}
	_, err := sess.ChannelMessageSend(channelID, "")
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50006 {
		t.Errorf("empty message: %d/%d, want 400/50006", status, code)
	}
	if got := srv.ChannelMessages(channelID); len(got) != 1 {
		t.Errorf("%d messages stored, want only the valid one", len(got))
	}
}

func TestFileUpload(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	sent, err := sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: "the briefing",
		Files:   []*discordgo.File{{Name: "brief.txt", ContentType: "text/plain", Reader: strings.NewReader("hello")}},
	})
	if err != nil {
		t.Fatalf("sending a file: %v", err)
	}
	if len(sent.Attachments) != 1 || sent.Attachments[0].Filename != "brief.txt" || sent.Attachments[0].Size != 5 {
		t.Errorf("attachments = %+v", sent.Attachments)
	}
	req, err := srv.WaitRequest(testContext(t), func(r discordtest.Request) bool {
		return r.Route == "POST /api/v9/channels/{channel}/messages"
	})
	if err != nil || !strings.HasPrefix(req.Header.Get("Content-Type"), "multipart/form-data") {
		t.Errorf("WaitRequest = %v (%s), %v", req, req.Header.Get("Content-Type"), err)
	}
}

func embeds(n int) []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, n)
	for i := range out {
		out[i] = &discordgo.MessageEmbed{Title: "t"}
	}
	return out
}

func TestUnhandledRequestsAreRecorded(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	_, err := sess.GuildRoles(guildID)
	if status, _ := apiCode(t, err); status != http.StatusNotFound {
		t.Errorf("unmodelled route answered %d, want 404", status)
	}
	got := srv.Unhandled()
	if len(got) != 1 || got[0].Path != "/api/v9/guilds/"+guildID+"/roles" || got[0].Header.Get("Authorization") != "" {
		t.Errorf("Unhandled() = %v, want the roles request without its Authorization header", got)
	}
}
