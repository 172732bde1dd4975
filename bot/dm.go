package bot

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// dmHelp answers a DM the bot cannot read as a command.
const dmHelp = "I answer questions about the news corpus. Try “who met barnea?”, “quotes blinken about rafah”, " +
	"“who is kamel”, “search hostages”, “timeline”, “graph barnea”, “timeline-chart”, “sources” or “help” — or use the slash commands."

// onMessage answers a direct message written in plain words ("who met
// barnea?") as the same command a slash command would run; anything else
// gets a short help. Messages in servers are not read.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Author == nil || m.Author.Bot || m.GuildID != "" {
		return
	}
	if !b.begin() {
		return
	}
	defer b.inflight.Done()
	start := time.Now()
	outcome := "ok"
	name := "dm"
	defer func() {
		if r := recover(); r != nil {
			outcome = "panic"
			b.sendDM(m.ChannelID, errorReply(b.panicked(name, r)))
		}
		b.log.Info("dm", "command", name, "user_id", m.Author.ID, "latency_ms", time.Since(start).Milliseconds(), "outcome", outcome)
	}()
	c, err := briefing.ParseCommand(m.Content)
	if err != nil {
		outcome = "help"
		b.sendDM(m.ChannelID, reply{content: dmHelp})
		return
	}
	name = string(c.Name)
	ctx, cancel := context.WithTimeout(b.work, answerTimeout)
	defer cancel()
	var r reply
	r, outcome = b.pageOf(ctx, c, 0, m.Author.ID, false)
	b.sendDM(m.ChannelID, r)
}

func (b *Bot) sendDM(channelID string, r reply) {
	if _, err := b.sess.ChannelMessageSendComplex(channelID, r.message()); err != nil {
		b.log.Warn("send dm", "channel_id", channelID, "err", err)
	}
}
