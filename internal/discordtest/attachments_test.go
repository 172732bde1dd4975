package discordtest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/internal/discordtest"
)

// download fetches url with a plain HTTP client, as a bot fetching an
// attachment would.
func download(t *testing.T, url string) (status int, contentType string, body []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading %s: %v", url, err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

// checkAttachment checks that att's URL and AttachmentData give want, with
// the given content type.
func checkAttachment(t *testing.T, srv *discordtest.Server, att *discordgo.MessageAttachment, want []byte, contentType string) {
	t.Helper()
	if att.Size != len(want) {
		t.Errorf("attachment %s: size %d, want %d", att.Filename, att.Size, len(want))
	}
	status, ct, body := download(t, att.URL)
	if status != http.StatusOK || ct != contentType || !bytes.Equal(body, want) {
		t.Errorf("GET %s = %d %q %q, want 200 %q %q", att.URL, status, ct, body, contentType, want)
	}
	if got, ok := srv.AttachmentData(att.ID); !ok || !bytes.Equal(got, want) {
		t.Errorf("AttachmentData(%s) = %q, %v, want %q", att.ID, got, ok, want)
	}
}

// notFound checks that url is answered 404 with Discord's JSON error.
func notFound(t *testing.T, url string) {
	t.Helper()
	status, ct, body := download(t, url)
	var e struct {
		Code    *int   `json:"code"`
		Message string `json:"message"`
	}
	if status != http.StatusNotFound || ct != "application/json" ||
		json.Unmarshal(body, &e) != nil || e.Code == nil || *e.Code != 0 || e.Message != "404: Not Found" {
		t.Errorf("GET %s = %d %q %s, want 404 with Discord's JSON error", url, status, ct, body)
	}
}

func TestChannelMessageAttachments(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	text := []byte("the briefing, in full")
	binary := []byte{0, 1, 2, 0xff, 0xfe, '\n', 0}
	sent, err := sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: "files",
		Files: []*discordgo.File{
			{Name: "brief.txt", ContentType: "text/plain; charset=utf-8", Reader: bytes.NewReader(text)},
			{Name: "data bin.dat", ContentType: "application/x-test", Reader: bytes.NewReader(binary)},
		},
	})
	if err != nil {
		t.Fatalf("sending files: %v", err)
	}
	if len(sent.Attachments) != 2 {
		t.Fatalf("attachments = %+v, want 2", sent.Attachments)
	}
	checkAttachment(t, srv, sent.Attachments[0], text, "text/plain; charset=utf-8")
	checkAttachment(t, srv, sent.Attachments[1], binary, "application/x-test")
	if stored := srv.Message(sent.ID); stored == nil || len(stored.Attachments) != 2 || stored.Attachments[0].URL != sent.Attachments[0].URL {
		t.Errorf("stored message = %+v, want the same attachments", stored)
	}

	// The session's client reaches the server's own address too.
	resp, err := sess.Client.Get(sent.Attachments[0].URL)
	if err != nil {
		t.Fatalf("GET with the session's client: %v", err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, text) {
		t.Errorf("GET with the session's client = %d %q", resp.StatusCode, got)
	}

	att := sent.Attachments[0]
	base := strings.TrimSuffix(att.URL, "/"+att.Filename)
	notFound(t, base+"/other.txt")
	notFound(t, strings.Replace(att.URL, "/"+channelID+"/", "/1/", 1))
	notFound(t, srv.URL()+"/attachments/"+channelID+"/1/brief.txt")
	if data, ok := srv.AttachmentData("1"); ok || data != nil {
		t.Errorf("AttachmentData of an unknown id = %q, %v", data, ok)
	}

	// Downloads are recorded like any request, none unhandled.
	if _, err := srv.WaitRequest(testContext(t), func(r discordtest.Request) bool {
		return r.Route == "GET /attachments/{channel}/{attachment}/{filename}" && r.Status == http.StatusNotFound
	}); err != nil {
		t.Error(err)
	}
	if got := srv.Unhandled(); len(got) != 0 {
		t.Errorf("Unhandled() = %v", got)
	}
}

// TestAttachmentWithoutContentType sends a file part without a
// Content-Type, which discordgo never does: it is served as
// application/octet-stream.
func TestAttachmentWithoutContentType(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	payload, _ := mw.CreateFormField("payload_json")
	_, _ = payload.Write([]byte(`{"content":"raw"}`))
	file, _ := mw.CreateFormFile("files[0]", "raw.bin")
	_, _ = file.Write([]byte("raw bytes"))
	_ = mw.Close()
	// CreateFormFile gives the part application/octet-stream: strip it.
	raw := bytes.Replace(body.Bytes(), []byte("Content-Type: application/octet-stream\r\n"), nil, 1)

	req, _ := http.NewRequest(http.MethodPost, srv.URL()+"/api/v9/channels/"+channelID+"/messages", bytes.NewReader(raw))
	req.Header.Set("Authorization", "Bot "+srv.Token())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m discordgo.Message
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || resp.StatusCode != http.StatusOK || len(m.Attachments) != 1 {
		t.Fatalf("create = %d %+v, %v", resp.StatusCode, m, err)
	}
	if m.Attachments[0].ContentType != "" {
		t.Errorf("attachment content type %q, want none", m.Attachments[0].ContentType)
	}
	checkAttachment(t, srv, m.Attachments[0], []byte("raw bytes"), "application/octet-stream")
}

func files(n, size int) []*discordgo.File {
	out := make([]*discordgo.File, n)
	for i := range out {
		out[i] = &discordgo.File{Name: fmt.Sprintf("f%d.txt", i), ContentType: "text/plain", Reader: bytes.NewReader(make([]byte, size))}
	}
	return out
}

func TestAttachmentLimits(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	_, err := sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{Content: "eleven", Files: files(11, 3)})
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 30015 {
		t.Errorf("11 files: %d/%d, want 400/30015", status, code)
	}
	const limit = 10 << 20
	_, err = sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{Content: "large", Files: files(1, limit+1)})
	if status, code := apiCode(t, err); status != http.StatusRequestEntityTooLarge || code != 40005 {
		t.Errorf("file of 10 MiB + 1: %d/%d, want 413/40005", status, code)
	}
	// Each file within the limit, but the request over 25 MiB.
	_, err = sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{Content: "too much", Files: files(3, 9<<20)})
	if status, code := apiCode(t, err); status != http.StatusRequestEntityTooLarge || code != 40005 {
		t.Errorf("request of 27 MiB: %d/%d, want 413/40005", status, code)
	}
	if got := srv.ChannelMessages(channelID); len(got) != 0 {
		t.Fatalf("refused messages stored: %+v", got)
	}

	sent, err := sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{Content: "ten", Files: files(10, 3)})
	if err != nil || len(sent.Attachments) != 10 {
		t.Fatalf("10 files: %+v, %v", sent, err)
	}
	sent, err = sess.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{Content: "at the limit", Files: files(1, limit)})
	if err != nil || len(sent.Attachments) != 1 {
		t.Fatalf("file of 10 MiB: %+v, %v", sent, err)
	}
	if data, ok := srv.AttachmentData(sent.Attachments[0].ID); !ok || len(data) != limit {
		t.Errorf("AttachmentData of the 10 MiB file: %d bytes, %v", len(data), ok)
	}
}

func TestInteractionAttachments(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.WithGuilds(guildID))
	const channel = "900000000000000031"
	errs := make(handled[error], 1)
	sess, _ := connect(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
			errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content: "report attached",
					Files:   []*discordgo.File{{Name: "report.csv", ContentType: "text/csv", Reader: strings.NewReader("a,b\n1,2\n")}},
				},
			})
		})
	})

	in, err := srv.DispatchInteraction(srv.SlashCommand("report", nil, nil, guildID, channel))
	if err != nil {
		t.Fatal(err)
	}
	if err := errs.next(t); err != nil {
		t.Fatalf("InteractionRespond: %v", err)
	}
	orig := srv.Original(in.Token)
	if orig == nil || len(orig.Attachments) != 1 {
		t.Fatalf("Original = %+v, want one attachment", orig)
	}
	checkAttachment(t, srv, orig.Attachments[0], []byte("a,b\n1,2\n"), "text/csv")

	content := "chart added"
	edited, err := sess.InteractionResponseEdit(in, &discordgo.WebhookEdit{
		Content: &content,
		Files:   []*discordgo.File{{Name: "chart.png", ContentType: "image/png", Reader: strings.NewReader("\x89PNG fake")}},
	})
	if err != nil {
		t.Fatalf("InteractionResponseEdit with a file: %v", err)
	}
	if len(edited.Attachments) != 2 || edited.Attachments[0].ID != orig.Attachments[0].ID {
		t.Fatalf("edited attachments = %+v, want the report kept and the chart added", edited.Attachments)
	}
	checkAttachment(t, srv, edited.Attachments[1], []byte("\x89PNG fake"), "image/png")
	checkAttachment(t, srv, edited.Attachments[0], []byte("a,b\n1,2\n"), "text/csv")

	// Nine more would make eleven: the edit is refused.
	_, err = sess.InteractionResponseEdit(in, &discordgo.WebhookEdit{Files: files(9, 1)})
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 30015 {
		t.Errorf("edit to 11 attachments: %d/%d, want 400/30015", status, code)
	}
	if orig := srv.Original(in.Token); len(orig.Attachments) != 2 {
		t.Errorf("Original after a refused edit has %d attachments, want 2", len(orig.Attachments))
	}

	followup, err := sess.FollowupMessageCreate(in, true, &discordgo.WebhookParams{
		Content: "raw data",
		Files:   []*discordgo.File{{Name: "raw.json", ContentType: "application/json", Reader: strings.NewReader(`{"ok":true}`)}},
	})
	if err != nil || len(followup.Attachments) != 1 {
		t.Fatalf("follow-up with a file: %+v, %v", followup, err)
	}
	checkAttachment(t, srv, followup.Attachments[0], []byte(`{"ok":true}`), "application/json")
}
