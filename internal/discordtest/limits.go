package discordtest

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on messages. Discord's API is written in Python and
// counts lengths in code points (discord/discord-api-docs#1315), so this
// package does too: a client that counts UTF-16 units, which are never
// fewer, stays within them.
const (
	maxContent       = 2000
	maxEmbeds        = 10
	maxEmbedTitle    = 256
	maxEmbedDesc     = 4096
	maxEmbedFields   = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooterText    = 2048
	maxAuthorName    = 256
	maxEmbedsTotal   = 6000
	maxActionRows    = 5
	maxRowComponents = 5
	maxCustomID      = 100
	maxButtonLabel   = 80
	maxSelectOptions = 25
	maxChoices       = 25
	maxChoiceName    = 100
	maxChoiceValue   = 100
	maxModalTitle    = 45
)

// Discord's limits on the files sent with a message: how many a message
// may have, and the size of each (an app's default upload limit).
const (
	maxFiles    = 10
	maxFileSize = 10 << 20
)

// buttonStyleLink and buttonStylePremium are the button styles without a
// custom_id.
const (
	buttonStyleLink    = 5
	buttonStylePremium = 6
)

// outgoingMessage is what the limits apply to in a message.
type outgoingMessage struct {
	Content     string                    `json:"content"`
	Embeds      []*discordgo.MessageEmbed `json:"embeds"`
	Components  []wireComponent           `json:"components"`
	Attachments []json.RawMessage         `json:"attachments"`
	StickerIDs  []string                  `json:"sticker_ids"`
	Poll        json.RawMessage           `json:"poll"`
	Flags       discordgo.MessageFlags    `json:"flags"`
}

// wireComponent is any message component, with the fields limits apply to.
type wireComponent struct {
	Type       discordgo.ComponentType `json:"type"`
	CustomID   string                  `json:"custom_id"`
	Label      string                  `json:"label"`
	Style      int                     `json:"style"`
	URL        string                  `json:"url"`
	Options    []json.RawMessage       `json:"options"`
	Components []wireComponent         `json:"components"`
}

// runes is the length of s as Discord counts it.
func runes(s string) int { return utf8.RuneCountInString(s) }

func tooLong(path string, limit int) fieldError {
	return fieldError{path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit)}
}

func badLength(path string, lo, hi int) fieldError {
	return fieldError{path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", lo, hi)}
}

func required(path string) fieldError {
	return fieldError{path, "BASE_TYPE_REQUIRED", "This field is required"}
}

// checkMessage checks a message about to be stored against Discord's
// limits. With allowEmpty false, a message with nothing to show is refused
// as Discord refuses it.
func checkMessage(obj wireObject, allowEmpty bool) *apiError {
	var m outgoingMessage
	if err := obj.decode(&m); err != nil {
		return errInvalidJSON()
	}
	if !allowEmpty && m.Content == "" && len(m.Embeds) == 0 && len(m.Components) == 0 &&
		len(m.Attachments) == 0 && len(m.StickerIDs) == 0 && !obj.has("poll") {
		return errEmptyMessage()
	}
	if len(m.Attachments) > maxFiles {
		return errTooManyAttachments()
	}

	var errs []fieldError
	if n := runes(m.Content); n > maxContent {
		errs = append(errs, tooLong("content", maxContent))
	}
	errs = append(errs, checkEmbeds(m.Embeds)...)
	if m.Flags&discordgo.MessageFlagsIsComponentsV2 == 0 {
		errs = append(errs, checkComponents(m.Components)...)
	}
	if len(errs) > 0 {
		return invalidFormBody(errs)
	}
	return nil
}

func checkEmbeds(embeds []*discordgo.MessageEmbed) []fieldError {
	var errs []fieldError
	if len(embeds) > maxEmbeds {
		errs = append(errs, tooLong("embeds", maxEmbeds))
	}
	total := 0
	for i, e := range embeds {
		if e == nil {
			continue
		}
		at := func(field string) string { return fmt.Sprintf("embeds.%d.%s", i, field) }
		check := func(field, value string, limit int) {
			n := runes(value)
			total += n
			if n > limit {
				errs = append(errs, tooLong(at(field), limit))
			}
		}
		check("title", e.Title, maxEmbedTitle)
		check("description", e.Description, maxEmbedDesc)
		if e.Footer != nil {
			check("footer.text", e.Footer.Text, maxFooterText)
		}
		if e.Author != nil {
			check("author.name", e.Author.Name, maxAuthorName)
		}
		if len(e.Fields) > maxEmbedFields {
			errs = append(errs, tooLong(at("fields"), maxEmbedFields))
		}
		for j, f := range e.Fields {
			if f == nil {
				continue
			}
			field := fmt.Sprintf("fields.%d.", j)
			if f.Name == "" {
				errs = append(errs, required(at(field+"name")))
			}
			if f.Value == "" {
				errs = append(errs, required(at(field+"value")))
			}
			check(field+"name", f.Name, maxFieldName)
			check(field+"value", f.Value, maxFieldValue)
		}
	}
	if total > maxEmbedsTotal {
		errs = append(errs, fieldError{"embeds", "MAX_EMBED_SIZE_EXCEEDED",
			fmt.Sprintf("Embed size exceeds maximum size of %d", maxEmbedsTotal)})
	}
	return errs
}

// checkComponents checks classic (not "components v2") components: up to
// five action rows of up to five buttons or one select menu each.
func checkComponents(rows []wireComponent) []fieldError {
	var errs []fieldError
	if len(rows) > maxActionRows {
		errs = append(errs, tooLong("components", maxActionRows))
	}
	customIDs := make(map[string]bool)
	for i, row := range rows {
		at := fmt.Sprintf("components.%d", i)
		if row.Type != discordgo.ActionsRowComponent {
			errs = append(errs, fieldError{at + ".type", "UNION_TYPE_CHOICES",
				"Value of field \"type\" must be one of (1,)."})
			continue
		}
		if len(row.Components) == 0 || len(row.Components) > maxRowComponents {
			errs = append(errs, badLength(at+".components", 1, maxRowComponents))
		}
		for j, c := range row.Components {
			cat := fmt.Sprintf("%s.components.%d", at, j)
			errs = append(errs, checkComponent(cat, c, len(row.Components), customIDs)...)
		}
	}
	return errs
}

func checkComponent(at string, c wireComponent, siblings int, customIDs map[string]bool) []fieldError {
	var errs []fieldError
	needsCustomID := true
	switch c.Type {
	case discordgo.ButtonComponent:
		if runes(c.Label) > maxButtonLabel {
			errs = append(errs, tooLong(at+".label", maxButtonLabel))
		}
		if c.Style == buttonStyleLink || c.Style == buttonStylePremium {
			needsCustomID = false
			if c.Style == buttonStyleLink && c.URL == "" {
				errs = append(errs, required(at+".url"))
			}
			if c.CustomID != "" {
				errs = append(errs, fieldError{at + ".custom_id", "BUTTON_CANNOT_HAVE_CUSTOM_ID",
					"A link button cannot have a custom id"})
			}
		}
	case discordgo.SelectMenuComponent, discordgo.UserSelectMenuComponent,
		discordgo.RoleSelectMenuComponent, discordgo.MentionableSelectMenuComponent,
		discordgo.ChannelSelectMenuComponent:
		if siblings > 1 {
			errs = append(errs, fieldError{at, "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
				"The specified component exceeds the maximum width"})
		}
		if len(c.Options) > maxSelectOptions {
			errs = append(errs, tooLong(at+".options", maxSelectOptions))
		}
	default:
		errs = append(errs, fieldError{at + ".type", "COMPONENT_TYPE_INVALID",
			fmt.Sprintf("Component type %d is not valid in an action row", c.Type)})
		return errs
	}
	if !needsCustomID {
		return errs
	}
	switch {
	case c.CustomID == "":
		errs = append(errs, required(at+".custom_id"))
	case runes(c.CustomID) > maxCustomID:
		errs = append(errs, tooLong(at+".custom_id", maxCustomID))
	case customIDs[c.CustomID]:
		errs = append(errs, fieldError{at + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED",
			"Component custom id cannot be duplicated"})
	}
	customIDs[c.CustomID] = true
	return errs
}

// checkChoices checks the choices of an autocomplete result.
func checkChoices(data wireObject) *apiError {
	var d struct {
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if err := data.decode(&d); err != nil {
		return errInvalidJSON()
	}
	var errs []fieldError
	if d.Choices == nil {
		errs = append(errs, required("data.choices"))
	}
	if len(d.Choices) > maxChoices {
		errs = append(errs, tooLong("data.choices", maxChoices))
	}
	for i, c := range d.Choices {
		at := fmt.Sprintf("data.choices.%d.", i)
		if n := runes(c.Name); n < 1 || n > maxChoiceName {
			errs = append(errs, badLength(at+"name", 1, maxChoiceName))
		}
		switch v := c.Value.(type) {
		case string:
			if n := runes(v); n < 1 || n > maxChoiceValue {
				errs = append(errs, badLength(at+"value", 1, maxChoiceValue))
			}
		case float64:
		default:
			errs = append(errs, required(at+"value"))
		}
	}
	if len(errs) > 0 {
		return invalidFormBody(errs)
	}
	return nil
}

// checkModal checks the data of a modal response.
func checkModal(data wireObject) *apiError {
	var d struct {
		CustomID   string          `json:"custom_id"`
		Title      string          `json:"title"`
		Components []wireComponent `json:"components"`
	}
	if err := data.decode(&d); err != nil {
		return errInvalidJSON()
	}
	var errs []fieldError
	if n := runes(d.CustomID); n < 1 || n > maxCustomID {
		errs = append(errs, badLength("data.custom_id", 1, maxCustomID))
	}
	if n := runes(d.Title); n < 1 || n > maxModalTitle {
		errs = append(errs, badLength("data.title", 1, maxModalTitle))
	}
	if n := len(d.Components); n < 1 || n > maxActionRows {
		errs = append(errs, badLength("data.components", 1, maxActionRows))
	}
	if len(errs) > 0 {
		return invalidFormBody(errs)
	}
	return nil
}
