package bot

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/picture"
	"briefbot/internal/discordtest"
)

// newRenderer starts the real picture renderer, closed when the test ends
// (after the bots started later, whose cleanups run first).
func newRenderer(t *testing.T) *picture.Renderer {
	t.Helper()
	r, err := picture.NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	})
	return r
}

// withPictures is a startBot tweak that draws pictures with p.
func withPictures(p Pictures) func(*Bot) {
	return func(b *Bot) { b.EnablePictures(p) }
}

// answered is the message an interaction ended with as the server holds
// it, attachments included (a response's callback data has none): the
// response, or the original after a deferral was edited.
func (h *harness) answered(cb discordtest.InteractionCallback, i *discordgo.Interaction) *discordgo.Message {
	h.t.Helper()
	h.final(cb, i)
	m := h.srv.Original(i.Token)
	if m == nil {
		h.t.Fatalf("no original response for %s\nlogs:\n%s", i.ID, h.logs.String())
	}
	return m
}

// requirePicture checks that m carries exactly one PNG attachment named
// name, within Discord's and the renderer's limits, which its only embed
// shows, and that the server serves it at its URL; it returns the image.
func requirePicture(t *testing.T, srv *discordtest.Server, m *discordgo.Message, name string) image.Image {
	t.Helper()
	if len(m.Attachments) != 1 {
		t.Fatalf("%d attachments, want 1 (%s):\n%s", len(m.Attachments), name, text(m))
	}
	a := m.Attachments[0]
	if a.Filename != name || a.ContentType != "image/png" {
		t.Errorf("attachment %q of type %q, want %q of type image/png", a.Filename, a.ContentType, name)
	}
	if len(m.Embeds) != 1 {
		t.Fatalf("%d embeds, want 1", len(m.Embeds))
	}
	e := m.Embeds[0]
	if e.Image == nil || e.Image.URL != "attachment://"+name {
		t.Fatalf("the embed does not show the attachment: image %+v", e.Image)
	}
	data, ok := srv.AttachmentData(a.ID)
	if !ok {
		t.Fatalf("the server kept no file for attachment %s", a.ID)
	}
	if len(data) >= picture.MaxBytes || a.Size != len(data) {
		t.Errorf("picture of %d bytes (attachment says %d), want under %d", len(data), a.Size, picture.MaxBytes)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the attachment is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() > picture.MaxWidth || b.Dy() > picture.MaxHeight || b.Dx() == 0 || b.Dy() == 0 {
		t.Errorf("picture of %d×%d pixels, want at most %d×%d", b.Dx(), b.Dy(), picture.MaxWidth, picture.MaxHeight)
	}
	if e.Image.Width != b.Dx() || e.Image.Height != b.Dy() {
		t.Errorf("the embed says %d×%d, the picture is %d×%d", e.Image.Width, e.Image.Height, b.Dx(), b.Dy())
	}
	// The attachment's URL serves the same bytes, without a token, as
	// Discord's CDN does.
	resp, err := http.Get(a.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	served, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" || !bytes.Equal(served, data) {
		t.Errorf("GET %s: %d, %s, %d bytes; want 200, image/png, the %d uploaded", a.URL, resp.StatusCode,
			resp.Header.Get("Content-Type"), len(served), len(data))
	}
	return img
}

// requireNoPicture checks that m neither carries nor shows a file.
func requireNoPicture(t *testing.T, m *discordgo.Message) {
	t.Helper()
	if len(m.Attachments) != 0 {
		t.Errorf("%d attachments, want none:\n%s", len(m.Attachments), text(m))
	}
	for _, e := range m.Embeds {
		if e.Image != nil {
			t.Errorf("an embed shows %q, but nothing is attached", e.Image.URL)
		}
	}
}

// requireWordsOnly checks that m answers in words, without a picture and
// with a footer saying why.
func requireWordsOnly(t *testing.T, m *discordgo.Message, footer string) {
	t.Helper()
	requireNoPicture(t, m)
	if len(m.Embeds) != 1 || m.Embeds[0].Footer == nil || !strings.Contains(m.Embeds[0].Footer.Text, footer) {
		t.Errorf("want one embed with a footer saying %q:\n%s", footer, text(m))
	}
}

// barneaNetwork are the people the words of Barnea's network name.
var barneaNetwork = []string{"William Burns", "Mohammed bin Abdulrahman Al-Thani", "Abbas Kamel"}

// requireMentioned checks that got says each of want.
func requireMentioned(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the answer does not say %q:\n%s", w, got)
		}
	}
}

// uploads counts the bot's requests that sent files (multipart bodies).
func uploads(srv *discordtest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType == "multipart/form-data" {
			n++
		}
	}
	return n
}

// answerService answers some commands itself, and the rest from the
// service it wraps.
type answerService struct {
	Service
	answer func(c briefing.Command) briefing.Answer // nil: ask the wrapped service
}

func (s answerService) Ask(ctx context.Context, c briefing.Command) (briefing.Answer, error) {
	if a := s.answer(c); a != nil {
		return a, nil
	}
	return s.Service.Ask(ctx, c)
}

func TestPicturesEndToEnd(t *testing.T) {
	svc := answerService{Service: corpusService(t), answer: func(c briefing.Command) briefing.Answer {
		switch c.Person {
		case "loner":
			// No links: there is nothing to draw.
			p := briefing.PersonRef{ID: 900, Name: "Lone Wolf", Role: "hermit"}
			return briefing.GraphAnswer{Command: briefing.CmdGraph,
				Network: briefing.Network{Center: p, Depth: 1, Nodes: []briefing.NetworkNode{{PersonRef: p}}}}
		case "mallory":
			return hostileNetwork()
		}
		return nil
	}}
	h := startBot(t, svc, withPictures(newRenderer(t)))

	t.Run("graph barnea", func(t *testing.T) {
		cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"))
		m := h.answered(cb, i)
		requirePicture(t, h.srv, m, "meeting-network.png")
		e := m.Embeds[0]
		if e.Title != "Meeting network of David Barnea" {
			t.Errorf("title %q", e.Title)
		}
		requireMentioned(t, e.Description, barneaNetwork...)
		if e.Footer != nil {
			t.Errorf("a drawn answer has the footer %q", e.Footer.Text)
		}
		if m.Flags&discordgo.MessageFlagsEphemeral != 0 || m.Content != "" || len(m.Components) != 0 {
			t.Errorf("want a public embed only: flags %d, content %q, %d component rows", m.Flags, m.Content, len(m.Components))
		}
	})

	t.Run("graph barnea depth 2", func(t *testing.T) {
		cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"), discordtest.IntegerOption(optDepth, 2))
		m := h.answered(cb, i)
		requirePicture(t, h.srv, m, "meeting-network.png")
		if got := m.Embeds[0].Title; got != "Meeting network of David Barnea (depth 2)" {
			t.Errorf("title %q", got)
		}
		requireMentioned(t, m.Embeds[0].Description, barneaNetwork...)
	})

	t.Run("graph of no one", func(t *testing.T) {
		cb, i := h.slash("graph", discordtest.StringOption(optPerson, "nobodyxyz"))
		m := h.answered(cb, i)
		if !strings.Contains(m.Content, "No one called") || !strings.Contains(m.Content, "nobodyxyz") {
			t.Errorf("unknown person answer: %q", m.Content)
		}
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Error("the error was public")
		}
		requireNoPicture(t, m)
	})

	t.Run("graph with no links", func(t *testing.T) {
		cb, i := h.slash("graph", discordtest.StringOption(optPerson, "loner"))
		m := h.answered(cb, i)
		requireNoPicture(t, m)
		if len(m.Embeds) != 1 || m.Embeds[0].Footer != nil {
			t.Fatalf("want one embed, without a footer (nothing failed):\n%s", text(m))
		}
		requireMentioned(t, m.Embeds[0].Description, "Lone Wolf has no in-person meetings")
	})

	t.Run("timeline-chart", func(t *testing.T) {
		cb, i := h.slash("timeline-chart")
		m := h.answered(cb, i)
		requirePicture(t, h.srv, m, "timeline-chart.png")
		if got := m.Embeds[0].Title; got != "Articles per day" {
			t.Errorf("title %q", got)
		}
		requireMentioned(t, m.Embeds[0].Description, "21 March 2024", "Meetings marked")
	})

	t.Run("timeline-chart rafah", func(t *testing.T) {
		cb, i := h.slash("timeline-chart", discordtest.StringOption(optSubject, "rafah"))
		m := h.answered(cb, i)
		requirePicture(t, h.srv, m, "timeline-chart.png")
		requireMentioned(t, m.Embeds[0].Title, "rafah")
		requireMentioned(t, m.Embeds[0].Description, "21 March 2024")
	})

	t.Run("private graph", func(t *testing.T) {
		cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"), discordtest.BooleanOption(optPrivate, true))
		m := h.answered(cb, i)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Error("a private answer was public")
		}
		requirePicture(t, h.srv, m, "meeting-network.png")
		requireMentioned(t, m.Embeds[0].Description, barneaNetwork...)
	})

	t.Run("private timeline-chart", func(t *testing.T) {
		cb, i := h.slash("timeline-chart", discordtest.BooleanOption(optPrivate, true))
		m := h.answered(cb, i)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Error("a private answer was public")
		}
		requirePicture(t, h.srv, m, "timeline-chart.png")
	})

	t.Run("slash graph in a DM", func(t *testing.T) {
		user := &discordgo.User{ID: "881", Username: "dm-user"}
		cb, i := h.dispatch(h.srv.SlashCommand("graph", []*discordgo.ApplicationCommandInteractionDataOption{
			discordtest.StringOption(optPerson, "barnea")}, user, "", ""))
		m := h.answered(cb, i)
		requirePicture(t, h.srv, m, "meeting-network.png")
		requireMentioned(t, m.Embeds[0].Description, barneaNetwork...)
	})

	t.Run("DM sentences", func(t *testing.T) {
		user := &discordgo.User{ID: "771", Username: "analyst"}
		dm := h.srv.DMChannelID(user.ID)
		for n, c := range []struct {
			say, file string
			want      []string
		}{
			{"graph barnea", "meeting-network.png", barneaNetwork},
			{"timeline-chart", "timeline-chart.png", []string{"21 March 2024"}},
			{"network of barnea depth 2", "meeting-network.png", barneaNetwork},
			{"graph nobodyxyz", "", []string{"No one called"}},
		} {
			if _, err := h.srv.DispatchMessage(&discordgo.Message{Author: user, Content: c.say}); err != nil {
				t.Fatal(err)
			}
			h.wait(func() bool { return len(h.srv.ChannelMessages(dm)) > n }, "the DM answer to "+c.say)
			m := h.srv.ChannelMessages(dm)[n]
			requireMentioned(t, text(m), c.want...)
			if c.file == "" {
				requireNoPicture(t, m)
				continue
			}
			requirePicture(t, h.srv, m, c.file)
		}
	})

	t.Run("deferred answers keep their picture", func(t *testing.T) {
		slow := startBot(t, corpusService(t), func(b *Bot) {
			b.EnablePictures(newRenderer(t))
			b.deferAfter = 0
		})
		for _, private := range []bool{false, true} {
			cb, i := slow.slash("graph", discordtest.StringOption(optPerson, "barnea"), discordtest.BooleanOption(optPrivate, private))
			if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
				t.Fatalf("first response type %d, want a deferral", cb.Type)
			}
			m := slow.answered(cb, i)
			requirePicture(t, slow.srv, m, "meeting-network.png")
			requireMentioned(t, m.Embeds[0].Description, barneaNetwork...)
			if got := m.Flags&discordgo.MessageFlagsEphemeral != 0; got != private {
				t.Errorf("private %v, ephemeral %v", private, got)
			}
		}
		if uploads(slow.srv) == 0 {
			t.Error("no request of the deferred bot sent a file")
		}
		slow.requireNoMentions()
	})

	t.Run("hostile text is escaped", func(t *testing.T) {
		// The words of a picture come from the corpus: names, roles and
		// subjects are escaped like any other answer's.
		for _, c := range []struct {
			name string
			opts []*discordgo.ApplicationCommandInteractionDataOption
			file string
		}{
			{"graph", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optPerson, "mallory")}, "meeting-network.png"},
			{"timeline-chart", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optSubject, "@everyone")}, "timeline-chart.png"},
		} {
			cb, i := h.slash(c.name, c.opts...)
			m := h.answered(cb, i)
			requirePicture(t, h.srv, m, c.file)
			got := text(m)
			for _, bad := range []string{"@everyone", "@here", "<@123456>", "**boss**", "[click](", "||spoiler||"} {
				if strings.Contains(got, bad) {
					t.Errorf("/%s carries %q as is:\n%s", c.name, bad, got)
				}
			}
			if !strings.Contains(got, "everyone") {
				t.Errorf("/%s lost the text:\n%s", c.name, got)
			}
		}
	})

	if uploads(h.srv) == 0 {
		t.Error("no request sent a file")
	}
	h.requireNoMentions()
	if u := h.srv.Unhandled(); len(u) > 0 {
		t.Errorf("the bot called what Discord does not have: %v", u)
	}
}

// hostileNetwork is a meeting network whose names and roles would ping
// and format if they were not escaped.
func hostileNetwork() briefing.GraphAnswer {
	center := briefing.PersonRef{ID: 1, Name: "Mallory @everyone Vance", Role: "**boss** of <@123456>"}
	other := briefing.PersonRef{ID: 2, Name: "[click](https://evil.example) @here", Role: "||spoiler|| # heading"}
	return briefing.GraphAnswer{Command: briefing.CmdGraph, Meetings: 1, Network: briefing.Network{
		Center: center, Depth: 1,
		Nodes: []briefing.NetworkNode{{PersonRef: center}, {PersonRef: other, Depth: 1}},
		Links: []briefing.MeetingLink{{A: 1, B: 2, Held: 1}},
	}}
}

func TestPicturesNotSetUp(t *testing.T) {
	h := startBot(t, corpusService(t), nil)
	const footer = "Pictures are not set up"

	cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"))
	m := h.answered(cb, i)
	requireWordsOnly(t, m, footer)
	requireMentioned(t, text(m), append([]string{"Meeting network of David Barnea"}, barneaNetwork...)...)

	cb, i = h.slash("timeline-chart", discordtest.StringOption(optSubject, "rafah"))
	m = h.answered(cb, i)
	requireWordsOnly(t, m, footer)
	requireMentioned(t, text(m), "21 March 2024")

	user := &discordgo.User{ID: "772", Username: "analyst"}
	if _, err := h.srv.DispatchMessage(&discordgo.Message{Author: user, Content: "graph barnea"}); err != nil {
		t.Fatal(err)
	}
	dm := h.srv.DMChannelID(user.ID)
	h.wait(func() bool { return len(h.srv.ChannelMessages(dm)) > 0 }, "the DM answer")
	m = h.srv.ChannelMessages(dm)[0]
	requireWordsOnly(t, m, footer)
	requireMentioned(t, text(m), barneaNetwork...)

	if n := uploads(h.srv); n != 0 {
		t.Errorf("%d requests sent files", n)
	}
	h.requireNoMentions()
}

// brokenPictures fails to draw: with an error, or with a panic.
type brokenPictures struct{ panics bool }

var errDrawing = errors.New("graphviz: out of memory in layout")

func (p brokenPictures) Network(context.Context, briefing.GraphAnswer) (picture.Image, error) {
	if p.panics {
		panic("a bug in the renderer")
	}
	return picture.Image{}, errDrawing
}

func (p brokenPictures) Chart(briefing.ChartAnswer) (picture.Image, error) {
	if p.panics {
		panic("a bug in the renderer")
	}
	return picture.Image{}, errDrawing
}

func TestPictureThatCannotBeDrawn(t *testing.T) {
	h := startBot(t, corpusService(t), withPictures(brokenPictures{}))
	const footer = "could not be drawn"

	cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"))
	m := h.answered(cb, i)
	requireWordsOnly(t, m, footer)
	requireMentioned(t, text(m), barneaNetwork...)
	if strings.Contains(text(m), "out of memory") {
		t.Errorf("the user sees the error:\n%s", text(m))
	}
	if !strings.Contains(h.logs.String(), "out of memory in layout") {
		t.Error("the error was not logged")
	}

	cb, i = h.slash("timeline-chart", discordtest.BooleanOption(optPrivate, true))
	m = h.answered(cb, i)
	requireWordsOnly(t, m, footer)
	requireMentioned(t, text(m), "21 March 2024")
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("a private answer was public")
	}

	// The bot goes on answering.
	cb, i = h.slash("who-met", discordtest.StringOption(optPerson, "barnea"))
	requireMentioned(t, text(h.answered(cb, i)), "David Barnea", "William Burns")
	h.requireNoMentions()
}

func TestPictureRendererPanicIsRecovered(t *testing.T) {
	h := startBot(t, corpusService(t), withPictures(brokenPictures{panics: true}))
	cb, i := h.slash("graph", discordtest.StringOption(optPerson, "barnea"))
	m := h.answered(cb, i)
	if !strings.Contains(m.Content, "something went wrong") || strings.Contains(m.Content, "renderer") {
		t.Errorf("after a panic the user got %q", m.Content)
	}
	requireNoPicture(t, m)
	if !strings.Contains(h.logs.String(), "a bug in the renderer") {
		t.Error("the panic was not logged")
	}
	cb, i = h.slash("who-is", discordtest.StringOption(optPerson, "kamel"))
	requireMentioned(t, text(h.answered(cb, i)), "Abbas Kamel")
}
