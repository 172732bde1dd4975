package discordtest

import (
	"fmt"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DispatchMessage sends MESSAGE_CREATE for a message a user wrote and
// returns the message as sent. The author is required. With GuildID empty
// the message is a DM to the bot: ChannelID defaults to the author's DM
// channel (see DMChannelID). An empty id and a zero timestamp are filled
// in; m itself is not changed.
//
// As on Discord, the session must have asked for the intent that covers
// the message (IntentDirectMessages or IntentGuildMessages), else
// ErrNotSubscribed is returned; and in a guild, without the privileged
// IntentMessageContent, the content, embeds, attachments and components
// of a message that does not mention the bot arrive empty.
func (s *Server) DispatchMessage(m *discordgo.Message) (*discordgo.Message, error) {
	if m.Author == nil {
		return nil, fmt.Errorf("discordtest: message has no author")
	}
	msg := *m
	if msg.ID == "" {
		msg.ID = s.newID()
	}
	if msg.Timestamp.IsZero() {
		msg.Timestamp = time.Now().UTC()
	}
	need := discordgo.IntentGuildMessages
	if msg.GuildID == "" {
		need = discordgo.IntentDirectMessages
		if msg.ChannelID == "" {
			msg.ChannelID = s.DMChannelID(msg.Author.ID)
		}
	} else if msg.Member == nil {
		msg.Member = &discordgo.Member{JoinedAt: time.Now().Add(-24 * time.Hour).UTC(), Roles: []string{}}
	}

	s.mu.Lock()
	s.noteChannelLocked(msg.ChannelID, msg.GuildID, msg.Author)
	var intents discordgo.Intent
	if s.current != nil {
		intents = s.current.identify.Intents
	}
	s.mu.Unlock()

	mentioned := slices.ContainsFunc(msg.Mentions, func(u *discordgo.User) bool {
		return u != nil && u.ID == s.cfg.appID
	})
	if msg.GuildID != "" && intents&discordgo.IntentMessageContent == 0 && !mentioned {
		msg.Content = ""
		msg.Embeds = []*discordgo.MessageEmbed{}
		msg.Attachments = []*discordgo.MessageAttachment{}
		msg.Components = nil
	}

	obj, err := encodeMessage(&msg)
	if err != nil {
		return nil, fmt.Errorf("discordtest: %w", err)
	}
	if err := s.send(event{eventType: "MESSAGE_CREATE", data: mustJSON(obj), need: need}); err != nil {
		return nil, fmt.Errorf("discordtest: dispatching message: %w", err)
	}
	return &msg, nil
}
