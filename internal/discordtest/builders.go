package discordtest

import (
	"time"

	"github.com/bwmarrin/discordgo"
)

// memberPermissions are the permissions of the members interactions come
// from: an ordinary member's.
const memberPermissions = discordgo.PermissionViewChannel |
	discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks |
	discordgo.PermissionAttachFiles |
	discordgo.PermissionReadMessageHistory |
	discordgo.PermissionAddReactions |
	discordgo.PermissionUseApplicationCommands

// botPermissions are the bot's permissions in guild channels.
const botPermissions = memberPermissions

// DefaultUser returns the user interactions and messages come from when
// none is given.
func (s *Server) DefaultUser() *discordgo.User {
	return &discordgo.User{
		ID:            "1200000000000000001",
		Username:      "tester",
		GlobalName:    "Tester",
		Discriminator: "0",
	}
}

// SlashCommand builds the interaction of a user running the chat input
// command name with options, in a guild channel, or in the user's DM with
// the bot when guildID is empty. An empty channelID is the DM channel (see
// DMChannelID) in a DM, the guild's id in a guild. A nil user is
// DefaultUser. The command's id
// is that of the registered command of that name (the guild's, else the
// global one) when there is one. Send it with DispatchInteraction; it may
// be changed before.
func (s *Server) SlashCommand(name string, options []*discordgo.ApplicationCommandInteractionDataOption, user *discordgo.User, guildID, channelID string) *discordgo.Interaction {
	in := s.baseInteraction(discordgo.InteractionApplicationCommand, user, guildID, channelID)
	in.Data = s.commandData(name, options, guildID)
	return in
}

// Autocomplete builds the interaction of a user typing into an option of
// the chat input command name, which asks for autocomplete choices. One
// of the options should be marked with Focused; its value is what the user
// has typed so far. Arguments are as for SlashCommand.
func (s *Server) Autocomplete(name string, options []*discordgo.ApplicationCommandInteractionDataOption, user *discordgo.User, guildID, channelID string) *discordgo.Interaction {
	in := s.baseInteraction(discordgo.InteractionApplicationCommandAutocomplete, user, guildID, channelID)
	in.Data = s.commandData(name, options, guildID)
	return in
}

// ButtonClick builds the interaction of a user clicking the button with
// customID on msg, a message the bot sent (for instance one returned by
// Original or ChannelMessages). The interaction happens in msg's channel,
// in guildID's guild or, when guildID is empty, in a DM. A nil user is
// DefaultUser.
func (s *Server) ButtonClick(msg *discordgo.Message, customID string, user *discordgo.User, guildID string) *discordgo.Interaction {
	return s.ComponentInteraction(msg, discordgo.MessageComponentInteractionData{
		CustomID:      customID,
		ComponentType: discordgo.ButtonComponent,
	}, user, guildID)
}

// SelectMenuChoice builds the interaction of a user choosing values in the
// string select menu with customID on msg. Arguments are as for
// ButtonClick.
func (s *Server) SelectMenuChoice(msg *discordgo.Message, customID string, values []string, user *discordgo.User, guildID string) *discordgo.Interaction {
	return s.ComponentInteraction(msg, discordgo.MessageComponentInteractionData{
		CustomID:      customID,
		ComponentType: discordgo.SelectMenuComponent,
		Values:        values,
	}, user, guildID)
}

// ComponentInteraction builds the interaction of a user using any
// component of msg. Arguments are as for ButtonClick.
func (s *Server) ComponentInteraction(msg *discordgo.Message, data discordgo.MessageComponentInteractionData, user *discordgo.User, guildID string) *discordgo.Interaction {
	in := s.baseInteraction(discordgo.InteractionMessageComponent, user, guildID, msg.ChannelID)
	in.Data = data
	in.Message = msg
	return in
}

// baseInteraction builds what all interactions share.
func (s *Server) baseInteraction(typ discordgo.InteractionType, user *discordgo.User, guildID, channelID string) *discordgo.Interaction {
	if user == nil {
		user = s.DefaultUser()
	}
	in := &discordgo.Interaction{
		ID:             s.newID(),
		AppID:          s.cfg.appID,
		Type:           typ,
		GuildID:        guildID,
		ChannelID:      channelID,
		AppPermissions: botPermissions,
		Locale:         discordgo.EnglishUS,
		Version:        1,
	}
	in.Token = interactionToken(in.ID)
	if guildID == "" {
		if in.ChannelID == "" {
			in.ChannelID = s.DMChannelID(user.ID)
		}
		in.User = user
		in.Context = discordgo.InteractionContextBotDM
		return in
	}
	if in.ChannelID == "" {
		in.ChannelID = guildID
	}
	locale := discordgo.EnglishUS
	in.GuildLocale = &locale
	in.Member = &discordgo.Member{
		GuildID:     guildID,
		User:        user,
		Roles:       []string{},
		JoinedAt:    time.Now().Add(-24 * time.Hour).UTC(),
		Permissions: memberPermissions,
	}
	in.Context = discordgo.InteractionContextGuild
	in.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{
		discordgo.ApplicationIntegrationGuildInstall: guildID,
	}
	return in
}

// commandData is the data of a chat input command interaction.
func (s *Server) commandData(name string, options []*discordgo.ApplicationCommandInteractionDataOption, guildID string) discordgo.ApplicationCommandInteractionData {
	if options == nil {
		options = []*discordgo.ApplicationCommandInteractionDataOption{}
	}
	s.mu.Lock()
	cmd := s.lookupCommandLocked(guildID, discordgo.ChatApplicationCommand, name)
	s.mu.Unlock()
	id := s.newID()
	if cmd != nil {
		id = cmd.ID
	}
	return discordgo.ApplicationCommandInteractionData{
		ID:          id,
		Name:        name,
		CommandType: discordgo.ChatApplicationCommand,
		Options:     options,
	}
}

// StringOption is a string option of a command interaction.
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value,
	}
}

// IntegerOption is an integer option of a command interaction. Its value
// is a float64, as after decoding JSON, which is what discordgo's
// IntValue expects.
func IntegerOption(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: float64(value),
	}
}

// NumberOption is a number option of a command interaction.
func NumberOption(name string, value float64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionNumber, Value: value,
	}
}

// BooleanOption is a boolean option of a command interaction.
func BooleanOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value,
	}
}

// UserOption is a user option of a command interaction: the user's id.
func UserOption(name, userID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionUser, Value: userID,
	}
}

// SubcommandOption is a sub-command with its options.
func SubcommandOption(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	if options == nil {
		options = []*discordgo.ApplicationCommandInteractionDataOption{}
	}
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options,
	}
}

// Focused marks an option as the one being typed into, for Autocomplete,
// and returns it.
func Focused(o *discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o.Focused = true
	return o
}
