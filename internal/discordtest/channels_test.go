package discordtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/internal/discordtest"
)

// statuses lists the statuses answered to the requests with the given
// method whose path starts with prefix, oldest first.
func statuses(srv *discordtest.Server, method, prefix string) []int {
	var out []int
	for _, r := range srv.Requests() {
		if r.Method == method && strings.HasPrefix(r.Path, prefix) {
			out = append(out, r.Status)
		}
	}
	return out
}

func TestRevokeChannel(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())
	const other = "900000000000000021"

	if _, err := sess.ChannelMessageSend(channelID, "before"); err != nil {
		t.Fatalf("send before revoking: %v", err)
	}
	srv.RevokeChannel(channelID)

	_, err := sess.ChannelMessageSend(channelID, "while revoked")
	var restErr *discordgo.RESTError
	if !errors.As(err, &restErr) || restErr.Message == nil || restErr.Message.Code != 50001 ||
		restErr.Response.StatusCode != http.StatusForbidden || restErr.Message.Message != "Missing Access" {
		t.Errorf("send to a revoked channel: %v, want 403 Missing Access (50001)", err)
	}
	_, err = sess.ChannelMessages(channelID, 10, "", "", "")
	if status, code := apiCode(t, err); status != http.StatusForbidden || code != 50001 {
		t.Errorf("history of a revoked channel: %d/%d, want 403/50001", status, code)
	}
	if _, err := sess.ChannelMessageSend(other, "elsewhere"); err != nil {
		t.Errorf("send to another channel: %v", err)
	}
	if got := srv.ChannelMessages(channelID); len(got) != 1 || got[0].Content != "before" {
		t.Errorf("revoked channel holds %+v, want only the message sent before", got)
	}

	srv.RestoreChannel(channelID)
	if _, err := sess.ChannelMessageSend(channelID, "after"); err != nil {
		t.Errorf("send after restoring: %v", err)
	}
	if got, err := sess.ChannelMessages(channelID, 10, "", "", ""); err != nil || len(got) != 2 {
		t.Errorf("history after restoring = %d messages, %v; want 2", len(got), err)
	}
}

func TestFailRequests(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())
	const (
		failing = "900000000000000031"
		flaky   = "900000000000000032"
		ordered = "900000000000000033"
	)
	messages := "/api/v9/channels/" + failing + "/messages"

	t.Run("500", func(t *testing.T) {
		srv.FailRequests(http.MethodPost, "/channels/"+failing, 1, http.StatusInternalServerError)
		_, err := sess.ChannelMessageSend(failing, "lost")
		var restErr *discordgo.RESTError
		if !errors.As(err, &restErr) || restErr.Message == nil {
			t.Fatalf("send answered 500: %v, want a REST error with a body", err)
		}
		if restErr.Response.StatusCode != http.StatusInternalServerError || restErr.Message.Code != 0 ||
			restErr.Message.Message != "500: Internal Server Error" {
			t.Errorf("REST error %d %+v, want 500 {500: Internal Server Error, 0}", restErr.Response.StatusCode, restErr.Message)
		}
		if got := srv.ChannelMessages(failing); len(got) != 0 {
			t.Errorf("a failed request created %+v", got)
		}
		if _, err := sess.ChannelMessageSend(failing, "kept"); err != nil {
			t.Errorf("send after the failure: %v", err)
		}
		if got := statuses(srv, http.MethodPost, messages); len(got) != 2 || got[0] != 500 || got[1] != 200 {
			t.Errorf("sends answered %v, want [500 200]", got)
		}
	})

	t.Run("MethodAndPrefix", func(t *testing.T) {
		srv.FailRequests(http.MethodGet, "/api/v9/channels/"+failing+"/", 1, http.StatusServiceUnavailable)
		if _, err := sess.ChannelMessageSend(failing, "a post is not a get"); err != nil {
			t.Errorf("POST matched a GET rule: %v", err)
		}
		if _, err := sess.ChannelMessages(channelID, 1, "", "", ""); err != nil {
			t.Errorf("another channel matched the rule: %v", err)
		}
		_, err := sess.ChannelMessages(failing, 1, "", "", "")
		if status, code := apiCode(t, err); status != http.StatusServiceUnavailable || code != 0 {
			t.Errorf("history: %d/%d, want 503/0", status, code)
		}
		if _, err := sess.ChannelMessages(failing, 1, "", "", ""); err != nil {
			t.Errorf("history once the rule is used up: %v", err)
		}
	})

	t.Run("502IsRetried", func(t *testing.T) {
		srv.FailRequests("", "/channels/"+flaky, 2, http.StatusBadGateway)
		if _, err := sess.ChannelMessageSend(flaky, "eventually"); err != nil {
			t.Fatalf("send after two 502s: %v, want discordgo to retry", err)
		}
		got := statuses(srv, http.MethodPost, "/api/v9/channels/"+flaky)
		if len(got) != 3 || got[0] != 502 || got[1] != 502 || got[2] != 200 {
			t.Errorf("sends answered %v, want [502 502 200]", got)
		}
		if msgs := srv.ChannelMessages(flaky); len(msgs) != 1 {
			t.Errorf("%d messages stored, want 1", len(msgs))
		}
	})

	t.Run("SharedOrderWithFail429", func(t *testing.T) {
		srv.Fail429(http.MethodPost, "/channels/"+ordered, 1, 10*time.Millisecond)
		srv.FailRequests(http.MethodPost, "/channels/"+ordered, 1, http.StatusInternalServerError)
		_, err := sess.ChannelMessageSend(ordered, "x")
		if status, _ := apiCode(t, err); status != http.StatusInternalServerError {
			t.Errorf("send: %d, want the 500 after the retried 429", status)
		}
		got := statuses(srv, http.MethodPost, "/api/v9/channels/"+ordered)
		if len(got) != 2 || got[0] != 429 || got[1] != 500 {
			t.Errorf("sends answered %v, want [429 500]", got)
		}
	})

	t.Run("NotAnErrorStatus", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("FailRequests with status 200 did not panic")
			}
		}()
		srv.FailRequests("", "/", 1, http.StatusOK)
	})
}

func TestChannelHistory(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	var sent []*discordgo.Message // m0 ... m6, oldest first
	for i := range 7 {
		msg := &discordgo.MessageSend{Content: fmt.Sprintf("m%d", i)}
		if i == 3 {
			msg.Embeds = []*discordgo.MessageEmbed{{Title: "third", Description: "with an embed"}}
		}
		m, err := sess.ChannelMessageSendComplex(channelID, msg)
		if err != nil {
			t.Fatal(err)
		}
		sent = append(sent, m)
	}
	contents := func(msgs []*discordgo.Message) string {
		var out []string
		for _, m := range msgs {
			out = append(out, m.Content)
		}
		return strings.Join(out, " ")
	}
	id := func(i int) string { return sent[i].ID }

	all, err := sess.ChannelMessages(channelID, 0, "", "", "")
	if err != nil {
		t.Fatalf("ChannelMessages: %v", err)
	}
	if got := contents(all); got != "m6 m5 m4 m3 m2 m1 m0" {
		t.Errorf("history = %q, want newest first", got)
	}
	third := all[3]
	if third.ID != id(3) || third.ChannelID != channelID || third.Author == nil || third.Author.ID != srv.ApplicationID() ||
		third.Timestamp.IsZero() || len(third.Embeds) != 1 || third.Embeds[0].Title != "third" {
		t.Errorf("history message = %+v, want the message as created", third)
	}

	pages := []struct {
		name                         string
		limit                        int
		before, after, around, wants string
	}{
		{name: "limit", limit: 3, wants: "m6 m5 m4"},
		{name: "before", limit: 2, before: id(3), wants: "m2 m1"},
		{name: "before the first", before: id(0), wants: ""},
		{name: "after", limit: 2, after: id(1), wants: "m3 m2"},
		{name: "after near the end", after: id(4), wants: "m6 m5"},
		{name: "around", limit: 3, around: id(3), wants: "m4 m3 m2"},
		{name: "around one", limit: 1, around: id(3), wants: "m3"},
		{name: "around the newest", limit: 4, around: id(6), wants: "m6 m5 m4"},
	}
	for _, p := range pages {
		got, err := sess.ChannelMessages(channelID, p.limit, p.before, p.after, p.around)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		if contents(got) != p.wants {
			t.Errorf("%s: %q, want %q", p.name, contents(got), p.wants)
		}
	}

	// Paging back with before, as a bot reading a whole channel does.
	var paged []*discordgo.Message
	before := ""
	for {
		page, err := sess.ChannelMessages(channelID, 3, before, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		before = page[len(page)-1].ID
	}
	if got := contents(paged); got != "m6 m5 m4 m3 m2 m1 m0" {
		t.Errorf("paged history = %q", got)
	}

	if got, err := sess.ChannelMessages("900000000000000041", 0, "", "", ""); err != nil || got == nil || len(got) != 0 {
		t.Errorf("history of an empty channel = %v, %v; want an empty list", got, err)
	}

	invalid := []string{"limit=0", "limit=101", "limit=ten", "before=yesterday"}
	for _, query := range invalid {
		url := discordgo.EndpointChannelMessages(channelID) + "?" + query
		_, err := sess.RequestWithBucketID(http.MethodGet, url, nil, discordgo.EndpointChannelMessages(channelID))
		if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50035 {
			t.Errorf("%s: %d/%d, want 400/50035", query, status, code)
		}
	}
	_, err = sess.ChannelMessages(channelID, 101, "", "", "")
	if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50035 {
		t.Errorf("ChannelMessages with limit 101: %d/%d, want 400/50035", status, code)
	}
}

// noncedMessage is a message create request with a nonce, which
// discordgo.MessageSend cannot carry.
type noncedMessage struct {
	Content      string `json:"content"`
	Nonce        any    `json:"nonce,omitempty"`
	EnforceNonce any    `json:"enforce_nonce,omitempty"`
}

// noncedAnswer is what the tests read of a created message.
type noncedAnswer struct {
	ID      string          `json:"id"`
	Content string          `json:"content"`
	Nonce   json.RawMessage `json:"nonce"`
}

func sendNonced(sess *discordgo.Session, channel string, m noncedMessage) (noncedAnswer, error) {
	endpoint := discordgo.EndpointChannelMessages(channel)
	body, err := sess.RequestWithBucketID(http.MethodPost, endpoint, m, endpoint)
	if err != nil {
		return noncedAnswer{}, err
	}
	var a noncedAnswer
	err = json.Unmarshal(body, &a)
	return a, err
}

func TestMessageNonce(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())
	const (
		enforced   = "900000000000000051"
		unenforced = "900000000000000052"
		integer    = "900000000000000053"
	)

	first, err := sendNonced(sess, enforced, noncedMessage{Content: "once", Nonce: "brief-42", EnforceNonce: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(first.Nonce) != `"brief-42"` {
		t.Errorf("created message nonce = %s, want the nonce sent", first.Nonce)
	}
	again, err := sendNonced(sess, enforced, noncedMessage{Content: "twice", Nonce: "brief-42", EnforceNonce: true})
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || again.Content != "once" {
		t.Errorf("repeated nonce answered %+v, want the first message %s", again, first.ID)
	}
	if got := srv.ChannelMessages(enforced); len(got) != 1 {
		t.Errorf("%d messages stored with enforce_nonce, want 1", len(got))
	}
	if got := statuses(srv, http.MethodPost, "/api/v9/channels/"+enforced); len(got) != 2 || got[1] != http.StatusOK {
		t.Errorf("sends answered %v, want 200 twice", got)
	}
	// The nonce belongs to its channel.
	if other, err := sendNonced(sess, unenforced, noncedMessage{Content: "x", Nonce: "brief-42", EnforceNonce: true}); err != nil || other.ID == first.ID {
		t.Errorf("same nonce in another channel = %+v, %v; want a new message", other, err)
	}

	a, errA := sendNonced(sess, unenforced, noncedMessage{Content: "a", Nonce: "brief-43"})
	b, errB := sendNonced(sess, unenforced, noncedMessage{Content: "b", Nonce: "brief-43"})
	if errA != nil || errB != nil || a.ID == b.ID {
		t.Errorf("without enforce_nonce: %+v, %v and %+v, %v; want two messages", a, errA, b, errB)
	}
	if got := srv.ChannelMessages(unenforced); len(got) != 3 {
		t.Errorf("%d messages stored without enforce_nonce, want 3", len(got))
	}

	n1, err1 := sendNonced(sess, integer, noncedMessage{Content: "n", Nonce: 1234567890123, EnforceNonce: true})
	n2, err2 := sendNonced(sess, integer, noncedMessage{Content: "n", Nonce: "1234567890123", EnforceNonce: true})
	if err1 != nil || err2 != nil || n1.ID != n2.ID || string(n1.Nonce) != "1234567890123" {
		t.Errorf("integer nonce: %+v, %v then %+v, %v; want one message echoing the integer", n1, err1, n2, err2)
	}
	listed, err := sess.RequestWithBucketID(http.MethodGet, discordgo.EndpointChannelMessages(integer), nil, discordgo.EndpointChannelMessages(integer))
	if err != nil || !strings.Contains(string(listed), `"nonce":1234567890123`) {
		t.Errorf("history = %s, %v; want the nonce", listed, err)
	}

	invalid := map[string]noncedMessage{
		"long nonce":           {Content: "x", Nonce: strings.Repeat("n", 26)},
		"boolean nonce":        {Content: "x", Nonce: true},
		"fractional nonce":     {Content: "x", Nonce: 1.5},
		"string enforce_nonce": {Content: "x", Nonce: "n", EnforceNonce: "yes"},
	}
	for name, m := range invalid {
		_, err := sendNonced(sess, enforced, m)
		if status, code := apiCode(t, err); status != http.StatusBadRequest || code != 50035 {
			t.Errorf("%s: %d/%d, want 400/50035", name, status, code)
		}
	}
	if _, err := sendNonced(sess, enforced, noncedMessage{Content: "x", Nonce: strings.Repeat("😀", 25)}); err != nil {
		t.Errorf("25-character nonce: %v", err)
	}
}

func TestMessageNonceWindow(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.WithNonceWindow(50*time.Millisecond))
	sess := newSession(t, srv, srv.Token())

	m := noncedMessage{Content: "daily", Nonce: "day-1", EnforceNonce: true}
	first, err := sendNonced(sess, channelID, m)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	later, err := sendNonced(sess, channelID, m)
	if err != nil || later.ID == first.ID {
		t.Errorf("after the window: %+v, %v; want a new message", later, err)
	}
}

func TestWaitChannelMessages(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	sess := newSession(t, srv, srv.Token())

	errs := make(chan error, 1)
	go func() {
		for i := range 3 {
			time.Sleep(10 * time.Millisecond)
			if _, err := sess.ChannelMessageSend(channelID, fmt.Sprintf("part %d", i)); err != nil {
				errs <- err
				return
			}
		}
		errs <- nil
	}()
	got, err := srv.WaitChannelMessages(testContext(t), channelID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Content != "part 0" || got[2].Content != "part 2" {
		t.Errorf("WaitChannelMessages = %+v", got)
	}
	if err := <-errs; err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := srv.WaitChannelMessages(ctx, channelID, 4); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting for a message never sent: %v, want the context's error", err)
	}
}
