package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// register makes the registered slash commands match definitions(): one
// bulk overwrite, and only when what is registered differs (Discord caps
// how many commands an application may create a day). Commands are
// guild-scoped when guildID is set, global otherwise.
func register(ctx context.Context, s *discordgo.Session, appID, guildID string, log *slog.Logger) error {
	want := definitions()
	have, err := s.ApplicationCommands(appID, guildID, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("list registered commands: %w", err)
	}
	if sameDefinitions(want, have) {
		log.Info("slash commands up to date", "commands", len(want), "guild_id", guildID)
		return nil
	}
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guildID, want, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	log.Info("slash commands registered", "commands", len(want), "guild_id", guildID)
	return nil
}

// definition is what of a command Discord keeps and the bot sets:
// comparing these tells whether registration is needed.
type definition struct {
	Name, Description string
	Options           []option
	Contexts          []discordgo.InteractionContextType
	Integrations      []discordgo.ApplicationIntegrationType
	Permissions       *int64
}

type option struct {
	Type                   discordgo.ApplicationCommandOptionType
	Name, Description      string
	Required, Autocomplete bool
	MaxLength              int
	Options                []option
}

func defOf(c *discordgo.ApplicationCommand) definition {
	d := definition{Name: c.Name, Description: c.Description, Options: optionsOf(c.Options), Permissions: c.DefaultMemberPermissions}
	if c.Contexts != nil {
		d.Contexts = slices.Sorted(slices.Values(*c.Contexts))
	}
	if c.IntegrationTypes != nil {
		d.Integrations = slices.Sorted(slices.Values(*c.IntegrationTypes))
	}
	return d
}

func optionsOf(opts []*discordgo.ApplicationCommandOption) []option {
	out := make([]option, 0, len(opts))
	for _, o := range opts {
		out = append(out, option{Type: o.Type, Name: o.Name, Description: o.Description, Required: o.Required,
			Autocomplete: o.Autocomplete, MaxLength: o.MaxLength, Options: optionsOf(o.Options)})
	}
	return out
}

// sameDefinitions reports whether the registered commands are the wanted
// ones, in any order.
func sameDefinitions(want, have []*discordgo.ApplicationCommand) bool {
	key := func(cs []*discordgo.ApplicationCommand) map[string]string {
		m := make(map[string]string, len(cs))
		for _, c := range cs {
			b, _ := json.Marshal(defOf(c)) // plain data: cannot fail
			m[c.Name] = string(b)
		}
		return m
	}
	a, b := key(want), key(have)
	if len(a) != len(b) || len(a) != len(want) || len(b) != len(have) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
