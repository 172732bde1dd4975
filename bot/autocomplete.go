package bot

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// autocompleteTimeout bounds a suggestion lookup: autocomplete cannot be
// deferred, and an empty list is better than none.
const autocompleteTimeout = 2 * time.Second

// onAutocomplete offers people from the corpus for the focused person
// option: up to 25, best match first, each shown with its role and
// valued with the canonical name.
func (b *Bot) onAutocomplete(x *exchange) string {
	data := x.i.ApplicationCommandData()
	x.name = "autocomplete " + data.Name
	typed := ""
	for _, o := range data.Options {
		if o.Focused && o.Type == discordgo.ApplicationCommandOptionString {
			typed = o.StringValue()
		}
	}
	ctx, cancel := context.WithTimeout(b.work, autocompleteTimeout)
	defer cancel()
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	outcome := "ok"
	if strings.TrimSpace(typed) != "" {
		sugg, err := b.svc.Suggest(ctx, typed, maxChoices)
		if err != nil {
			b.log.Warn("autocomplete", "err", err)
			outcome = "error"
		}
		for _, s := range sugg {
			label := s.Person.Name
			if s.Matched != "" && s.Matched != s.Person.Name {
				label = s.Matched + " (" + s.Person.Name + ")"
			}
			if s.Person.Role != "" {
				label += " — " + s.Person.Role
			}
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{
				Name: clip(validUTF8(label), maxChoiceName), Value: clip(validUTF8(s.Person.Name), maxChoiceValue)})
		}
	}
	err := b.sess.InteractionRespond(x.i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		b.log.Warn("autocomplete response", "err", err)
		return "send_error"
	}
	x.acked = true
	return outcome
}
