package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// Option names of the slash commands.
const (
	optPerson  = "person"
	optWith    = "with"
	optAbout   = "about"
	optQuery   = "query"
	optSubject = "subject"
	optPrivate = "private"
	optDepth   = "depth"
)

// definitions returns the slash commands the bot registers.
func definitions() []*discordgo.ApplicationCommand {
	person := func(name, desc string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name,
			Description: desc, Required: required, Autocomplete: true, MaxLength: 100}
	}
	text := func(name, desc string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name,
			Description: desc, Required: required, MaxLength: 200}
	}
	private := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: optPrivate,
		Description: "Only you see the answer"}
	cmd := func(name briefing.CommandName, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		// Query commands run in servers, in DMs with the bot and in
		// private channels.
		contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild,
			discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel}
		installs := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
		return &discordgo.ApplicationCommand{Name: string(name), Description: desc, Type: discordgo.ChatApplicationCommand,
			Options: append(opts, private), Contexts: &contexts, IntegrationTypes: &installs}
	}
	return []*discordgo.ApplicationCommand{
		cmd(briefing.CmdWhoMet, "Meetings of a person: with whom, where, when, with sources",
			person(optPerson, "Whose meetings", true), person(optWith, "Only meetings with this person", false)),
		cmd(briefing.CmdQuotes, "What a person said, newest first, with sources",
			person(optPerson, "Who said it", true), text(optAbout, "Only quotes with these words", false)),
		cmd(briefing.CmdWhoIs, "A person's profile: roles, name variants, articles, counterparts",
			person(optPerson, "Who", true)),
		cmd(briefing.CmdSearch, "Search the articles' sentences", text(optQuery, "Words to look for", true)),
		cmd(briefing.CmdTimeline, "Dated developments, of a person or a topic",
			text(optSubject, "A person or a topic (default: everything)", false)),
		cmd(briefing.CmdGraph, "A picture of a person's meeting network: who met whom, how often",
			person(optPerson, "Whose network", true),
			&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: optDepth,
				Description: "1: the people they met (default); 2: also the people those met",
				Choices:     []*discordgo.ApplicationCommandOptionChoice{{Name: "1", Value: 1}, {Name: "2", Value: 2}}}),
		cmd(briefing.CmdTimelineChart, "A chart of articles per day, with meetings marked",
			text(optSubject, "A person or a topic (default: everything)", false)),
		cmd(briefing.CmdSources, "The articles the corpus holds"),
		cmd(briefing.CmdHelp, "The commands, with examples"),
		digestDefinition(),
		ingestDefinition(),
		feedsDefinition(),
	}
}

// commandOf reads a slash command into the query grammar's command, and
// whether the answer is private.
func commandOf(data discordgo.ApplicationCommandInteractionData) (briefing.Command, bool, error) {
	c := briefing.Command{Name: briefing.CommandName(data.Name)}
	private := false
	for _, o := range data.Options {
		switch o.Name {
		case optPrivate:
			if o.Type == discordgo.ApplicationCommandOptionBoolean {
				private = o.BoolValue()
			}
			continue
		case optDepth:
			if o.Type == discordgo.ApplicationCommandOptionInteger {
				c.Depth = int(o.IntValue())
			}
			continue
		}
		if o.Type != discordgo.ApplicationCommandOptionString {
			continue
		}
		v := strings.TrimSpace(o.StringValue())
		switch o.Name {
		case optPerson:
			c.Person = v
		case optWith:
			c.With = v
		case optAbout:
			c.About = v
		case optQuery:
			c.Words = v
		case optSubject:
			c.Subject = v
		}
	}
	switch c.Name {
	case briefing.CmdWhoMet, briefing.CmdQuotes, briefing.CmdWhoIs, briefing.CmdSearch, briefing.CmdTimeline,
		briefing.CmdGraph, briefing.CmdTimelineChart, briefing.CmdSources, briefing.CmdHelp:
		return c, private, nil
	}
	return c, private, &briefing.Error{Code: briefing.ErrBadCommand, Message: fmt.Sprintf("I don't know the command /%s. %s", clip(data.Name, 40), briefing.HelpHint)}
}
