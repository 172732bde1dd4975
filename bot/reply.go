package bot

import (
	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// reply is one message of an answer: its embeds, buttons and privacy.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	private    bool
	update     bool         // replaces the message a button is on
	files      []attachment // pictures the embeds show (attachment://name)
	followups  []reply      // further messages, sent after this one
}

// noMentions lets no text of a message ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (r reply) flags() discordgo.MessageFlags {
	if r.private {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// replacingComponents are the reply's buttons, empty rather than nil so
// that replacing a message also clears the buttons it had.
func (r reply) replacingComponents() []discordgo.MessageComponent {
	if r.components == nil {
		return []discordgo.MessageComponent{}
	}
	return r.components
}

// responseData is the reply as an interaction response.
func (r reply) responseData() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: r.content, Embeds: r.embeds, Components: r.replacingComponents(),
		Flags: r.flags(), AllowedMentions: noMentions(), Files: discordFiles(r.files)}
}

// edit is the reply as an edit of a deferred response.
func (r reply) edit() *discordgo.WebhookEdit {
	components := r.replacingComponents()
	embeds := r.embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	content := r.content
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions(),
		Files: discordFiles(r.files)}
}

// followup is the reply as a follow-up message.
func (r reply) followup() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: r.content, Embeds: r.embeds, Components: r.components,
		Flags: r.flags(), AllowedMentions: noMentions(), Files: discordFiles(r.files)}
}

// message is the reply as a channel message (DMs).
func (r reply) message() *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: r.content, Embeds: r.embeds, Components: r.components, AllowedMentions: noMentions(),
		Files: discordFiles(r.files)}
}

// errorReply tells the user what went wrong, in words safe to show.
func errorReply(err error) reply {
	if ue, ok := briefing.UserError(err); ok {
		msg := ue.Message
		for i, c := range ue.Candidates {
			if i == 10 {
				break
			}
			msg += "\n• " + briefing.Headline(c)
		}
		return reply{content: clip(escape(msg), maxContent), private: true}
	}
	return reply{content: "Sorry, something went wrong while answering. The error was logged; please try again.", private: true}
}
