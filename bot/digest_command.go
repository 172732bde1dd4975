package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// Digests is what /digest needs (see digest.Scheduler).
type Digests interface {
	Preview(ctx context.Context, channel string) (digest.Digest, error)
	PostNow(ctx context.Context, channel string) (digest.Run, error)
	Subscribe(ctx context.Context, sub digest.Subscription) (time.Time, error)
	Unsubscribe(ctx context.Context, channel string) (bool, error)
	Subscriptions(ctx context.Context, guild string) ([]digest.Subscription, []time.Time, error)
}

// The /digest command and its subcommands.
const (
	cmdDigest      = "digest"
	subNow         = "now"
	subPreview     = "preview"
	subSubscribe   = "subscribe"
	subUnsubscribe = "unsubscribe"
	subList        = "list"
	optSchedule    = "schedule"
	optTimeZone    = "timezone"
)

// digestDefinition is /digest: for servers only, and by default for
// members with Manage Server, which server admins may widen in their
// integration settings; subscribing and unsubscribing check Manage
// Server whatever those settings say.
func digestDefinition() *discordgo.ApplicationCommand {
	perm := int64(discordgo.PermissionManageGuild)
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	installs := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	return &discordgo.ApplicationCommand{
		Name: cmdDigest, Description: "Briefings of what is new: now, preview, schedules",
		Type: discordgo.ChatApplicationCommand, DefaultMemberPermissions: &perm, Contexts: &contexts, IntegrationTypes: &installs,
		Options: []*discordgo.ApplicationCommandOption{
			sub(subNow, "Post this channel's digest of what is new, now"),
			sub(subPreview, "See this channel's next digest, privately; nothing is recorded"),
			sub(subSubscribe, "Post digests in this channel on a schedule (Manage Server)",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: optSchedule,
					Description: "A cron spec such as 0 8 * * 1-5 (08:00 on weekdays), or @daily", Required: true, MaxLength: 100},
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: optTimeZone,
					Description: "An IANA time zone such as Europe/Paris (default: the bot's)", MaxLength: 64}),
			sub(subUnsubscribe, "Stop this channel's scheduled digests (Manage Server)"),
			sub(subList, "This server's digest schedules"),
		},
	}
}

// onDigest answers /digest.
func (b *Bot) onDigest(x *exchange, data discordgo.ApplicationCommandInteractionData) string {
	if b.digests == nil {
		b.send(x, reply{content: "Digests are not set up on this bot.", private: true})
		return "no_digests"
	}
	if x.i.GuildID == "" || x.i.Member == nil {
		b.send(x, reply{content: "Digests are per channel: use /digest in a server channel.", private: true})
		return "not_in_guild"
	}
	if len(data.Options) != 1 || data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		b.send(x, errorReply(&briefing.Error{Code: briefing.ErrBadCommand, Message: "Use /digest now, preview, subscribe, unsubscribe or list."}))
		return "bad_command"
	}
	sub := data.Options[0]
	x.name = cmdDigest + " " + sub.Name
	channel := x.i.ChannelID
	switch sub.Name {
	case subNow:
		return b.answer(x, true, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
			run, err := b.digests.PostNow(ctx, channel)
			return b.postNowReply(run, err)
		})
	case subPreview:
		return b.answer(x, true, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
			d, err := b.digests.Preview(ctx, channel)
			if err != nil {
				b.log.Error("digest preview", "channel_id", channel, "err", err)
				return errorReply(err), "error"
			}
			return previewReply(d), "ok"
		})
	case subSubscribe, subUnsubscribe:
		if !canManage(x.i.Member) {
			b.send(x, reply{content: "Only members with the Manage Server permission can change this channel's digest schedule.", private: true})
			return "forbidden"
		}
	case subList:
	default:
		b.send(x, errorReply(&briefing.Error{Code: briefing.ErrBadCommand, Message: "Use /digest now, preview, subscribe, unsubscribe or list."}))
		return "bad_command"
	}
	return b.answer(x, false, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
		switch sub.Name {
		case subSubscribe:
			return b.subscribe(ctx, x, sub)
		case subUnsubscribe:
			ok, err := b.digests.Unsubscribe(ctx, channel)
			switch {
			case err != nil:
				b.log.Error("digest unsubscribe", "channel_id", channel, "err", err)
				return errorReply(err), "error"
			case !ok:
				return reply{content: "This channel had no digest schedule.", private: true}, "ok"
			}
			return reply{content: "Scheduled digests in this channel are stopped."}, "ok"
		default:
			subs, next, err := b.digests.Subscriptions(ctx, x.i.GuildID)
			if err != nil {
				b.log.Error("digest list", "guild_id", x.i.GuildID, "err", err)
				return errorReply(err), "error"
			}
			return reply{embeds: []*discordgo.MessageEmbed{subscriptionsEmbed(subs, next)}, private: true}, "ok"
		}
	})
}

// canManage reports whether a member has Manage Server (or is an
// administrator).
func canManage(m *discordgo.Member) bool {
	return m != nil && m.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
}

// subscribe stores the channel's schedule.
func (b *Bot) subscribe(ctx context.Context, x *exchange, opt *discordgo.ApplicationCommandInteractionDataOption) (reply, string) {
	s := digest.Subscription{Channel: x.i.ChannelID, Guild: x.i.GuildID, CreatedBy: x.userID}
	for _, o := range opt.Options {
		if o.Type != discordgo.ApplicationCommandOptionString {
			continue
		}
		switch o.Name {
		case optSchedule:
			s.Schedule = o.StringValue()
		case optTimeZone:
			s.TimeZone = o.StringValue()
		}
	}
	next, err := b.digests.Subscribe(ctx, s)
	if err != nil {
		if _, ok := briefing.UserError(err); !ok {
			b.log.Error("digest subscribe", "channel_id", s.Channel, "err", err)
			return errorReply(err), "error"
		}
		return errorReply(err), "user_error"
	}
	msg := fmt.Sprintf("Digests will be posted in this channel on the schedule `%s` (%s).", escapeCode(strings.Join(strings.Fields(s.Schedule), " ")), escape(next.Location().String()))
	if !next.IsZero() {
		msg += fmt.Sprintf(" Next: %s (<t:%d:R>).", digest.FormatTime(next), next.Unix())
	}
	return reply{content: msg}, "ok"
}

// postNowReply tells the asker how posting went.
func (b *Bot) postNowReply(run digest.Run, err error) (reply, string) {
	switch {
	case errors.Is(err, digest.ErrChannelGone):
		return reply{content: "I can't post in this channel: give me View Channel, Send Messages and Embed Links here, then subscribe again.", private: true}, "channel_gone"
	case err != nil && run.ID != 0 && run.State == digest.RunPending:
		b.log.Warn("digest now", "channel_id", run.Channel, "err", err)
		return reply{content: "Posting the digest failed; I'll retry it shortly.", private: true}, "retrying"
	case err != nil:
		b.log.Error("digest now", "channel_id", run.Channel, "err", err)
		return errorReply(err), "error"
	case run.Digest.Empty():
		return reply{content: escape(run.Digest.QuietLine()), private: true}, "ok"
	}
	return reply{content: fmt.Sprintf("Posted: %s from %s.", briefing.Plural(len(run.Digest.Stories), "story", "stories"),
		briefing.Plural(run.Digest.Articles, "new article", "new articles")), private: true}, "ok"
}

// previewReply shows a digest privately: its first message as the
// answer, the rest as follow-ups.
func previewReply(d digest.Digest) reply {
	msgs := digestMessages(d)
	r := reply{content: clip("Preview (not posted, nothing recorded): "+msgs[0].content, maxContent), embeds: msgs[0].embeds, private: true}
	for _, m := range msgs[1:] {
		r.followups = append(r.followups, reply{content: m.content, embeds: m.embeds, private: true})
	}
	return r
}

// subscriptionsEmbed lists a server's schedules.
func subscriptionsEmbed(subs []digest.Subscription, next []time.Time) *discordgo.MessageEmbed {
	if len(subs) == 0 {
		return &discordgo.MessageEmbed{Title: "Digest schedules", Color: embedColor,
			Description: "No channel of this server has a digest schedule. Subscribe one with /digest subscribe."}
	}
	var lines []string
	for i, s := range subs {
		line := fmt.Sprintf("<#%s> · `%s` · %s", s.Channel, escapeCode(s.Schedule), escape(s.TimeZone))
		switch {
		case s.Paused():
			line += "\n  Paused since " + digest.FormatTime(s.PausedAt) + ": " + escape(clip(s.PausedReason, 200))
		case !next[i].IsZero():
			line += fmt.Sprintf("\n  Next: %s (<t:%d:R>)", digest.FormatTime(next[i]), next[i].Unix())
		}
		if !s.LastPosted.IsZero() {
			line += "\n  Last posted: " + digest.FormatTime(s.LastPosted)
		}
		lines = append(lines, line)
	}
	return &discordgo.MessageEmbed{Title: "Digest schedules", Color: embedColor,
		Description: clip(strings.Join(lines, "\n"), maxDescription)}
}

// escapeCode makes text safe inside `code`.
func escapeCode(s string) string { return strings.ReplaceAll(validUTF8(s), "`", "'") }
