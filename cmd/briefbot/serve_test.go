package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/internal/discordtest"
	"briefbot/internal/syncbuf"
)

// TestServe runs `briefbot serve --config` against a Discord-compatible
// server on loopback: it connects, registers, answers a slash command,
// autocomplete, a DM and an unknown person, never logs the token, and
// stops cleanly on cancellation.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	wantCode(t, run(t, "demo", "--db", db), exitOK)
	srv := discordtest.New(t, discordtest.WithInteractionDeadline(3*time.Second))
	cfg := writeConfig(t, dir, "discord:\n  token: ${DISCORD_TOKEN}\n  api_url: "+srv.URL()+"\ndatabase:\n  path: "+db+"\n")

	var stdout, stderr syncbuf.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, now: time.Now,
		getenv:     func(k string) string { return map[string]string{"DISCORD_TOKEN": srv.Token()}[k] },
		isTerminal: func(io.Writer) bool { return false }}
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	go func() { code <- a.run(ctx, []string{"serve", "--config", cfg}) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case c := <-code:
			if c != exitOK {
				t.Errorf("serve exited %d\n%s", c, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	}
	t.Cleanup(stop)

	wait, cancelWait := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancelWait()
	if err := srv.WaitUntil(wait, func() bool { return srv.Connected() && len(srv.Commands("")) > 0 }); err != nil {
		t.Fatalf("serve did not connect and register: %v\n%s", err, stderr.String())
	}
	ask := func(i *discordgo.Interaction) discordtest.InteractionCallback {
		t.Helper()
		sent, err := srv.DispatchInteraction(i)
		if err != nil {
			t.Fatal(err)
		}
		cb, err := srv.WaitCallback(wait, sent.ID)
		if err != nil {
			t.Fatalf("no answer: %v\n%s", err, stderr.String())
		}
		return cb
	}
	cb := ask(srv.SlashCommand("who-met", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("person", "barnea")}, nil, "1", "2"))
	if cb.Message == nil || len(cb.Message.Embeds) == 0 || !strings.Contains(cb.Message.Embeds[0].Description, "William Burns") {
		t.Errorf("/who-met barnea: %+v", cb.Message)
	}
	cb = ask(srv.Autocomplete("quotes", []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.Focused(discordtest.StringOption("person", "blin"))}, nil, "1", "2"))
	if len(cb.Choices) == 0 || cb.Choices[0].Value != "Antony Blinken" {
		t.Errorf("autocomplete blin: %+v", cb.Choices)
	}
	cb = ask(srv.SlashCommand("who-is", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("person", "nobody-at-all")}, nil, "1", "2"))
	if cb.Message == nil || !strings.Contains(cb.Message.Content, "nobody-at-all") {
		t.Errorf("unknown person: %+v", cb.Message)
	}
	user := &discordgo.User{ID: "4242", Username: "analyst"}
	if _, err := srv.DispatchMessage(&discordgo.Message{Author: user, Content: "who met barnea?"}); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitUntil(wait, func() bool { return len(srv.ChannelMessages(srv.DMChannelID(user.ID))) > 0 }); err != nil {
		t.Fatalf("no DM answer: %v", err)
	}
	stop()
	logs := stderr.String()
	if strings.Contains(logs, srv.Token()) {
		t.Error("the token appears in the logs")
	}
	wantContains(t, "logs", logs, "connected to discord", "interaction", "disconnected from discord")
}

func TestServeNeedsAToken(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "discord:\n  token: ${DISCORD_TOKEN:-}\ndatabase:\n  path: "+filepath.Join(dir, "x.db")+"\n")
	r := run(t, "serve", "--config", cfg)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "discord.token", "DISCORD_TOKEN")
}
