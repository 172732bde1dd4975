package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

func TestDefinitionsFitDiscord(t *testing.T) {
	defs := definitions()
	if len(defs) != 12 {
		t.Fatalf("%d commands, want 12", len(defs))
	}
	for _, d := range defs {
		if len(d.Name) > 32 || d.Description == "" || len(d.Description) > 100 {
			t.Errorf("/%s: name or description out of Discord's bounds", d.Name)
		}
		switch {
		case d.Name == cmdDigest || d.Name == cmdIngest || d.Name == cmdFeeds:
			if d.Contexts == nil || len(*d.Contexts) != 1 || (*d.Contexts)[0] != discordgo.InteractionContextGuild {
				t.Errorf("/%s: not for servers only", d.Name)
			}
			// /ingest is open to configured roles: its handler checks.
			if d.Name != cmdIngest && (d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != discordgo.PermissionManageGuild) {
				t.Errorf("/%s: default_member_permissions is not Manage Server", d.Name)
			}
		case d.Contexts == nil || len(*d.Contexts) != 3:
			t.Errorf("/%s: not usable in DMs", d.Name)
		}
		seenOptional := false
		for _, o := range d.Options {
			if !o.Required {
				seenOptional = true
			} else if seenOptional {
				t.Errorf("/%s: required option %s after an optional one", d.Name, o.Name)
			}
			if (o.Name == optPerson || o.Name == optWith) && !o.Autocomplete {
				t.Errorf("/%s %s: person option without autocomplete", d.Name, o.Name)
			}
		}
	}
}

func TestCommandOf(t *testing.T) {
	str := func(name, v string) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: v}
	}
	yes := &discordgo.ApplicationCommandInteractionDataOption{Name: optPrivate, Type: discordgo.ApplicationCommandOptionBoolean, Value: true}
	c, private, err := commandOf(discordgo.ApplicationCommandInteractionData{Name: "who-met",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{str(optPerson, " barnea "), str(optWith, "burns"), yes}})
	if err != nil || private != true || c != (briefing.Command{Name: briefing.CmdWhoMet, Person: "barnea", With: "burns"}) {
		t.Errorf("who-met = %+v, %v, %v", c, private, err)
	}
	c, _, err = commandOf(discordgo.ApplicationCommandInteractionData{Name: "search", Options: []*discordgo.ApplicationCommandInteractionDataOption{str(optQuery, "rafah")}})
	if err != nil || c.Words != "rafah" {
		t.Errorf("search = %+v, %v", c, err)
	}
	if _, _, err := commandOf(discordgo.ApplicationCommandInteractionData{Name: "launch-missiles"}); err == nil {
		t.Error("an unknown command was accepted")
	}
}

func TestPageIDRoundTrip(t *testing.T) {
	c := briefing.Command{Name: briefing.CmdQuotes, Person: "blinken", About: "rafah | crossing"}
	page, user, got, ok := parsePageID(pageID(3, "42", c))
	if !ok || page != 3 || user != "42" || got != c {
		t.Errorf("round trip = %d %q %+v %v", page, user, got, ok)
	}
	for _, bad := range []string{"", "pg|", "pg|x|1|help", "pg|1|2", "other|1|2|help", "pg|1|2|launch missiles"} {
		if _, _, _, ok := parsePageID(bad); ok {
			t.Errorf("parsePageID(%q) accepted", bad)
		}
	}
	if p, _, _, _ := parsePageID("pg|-1|2|help"); p != 0 {
		t.Errorf("a negative page parsed as %d", p)
	}
}

func TestPagerButtons(t *testing.T) {
	c := briefing.Command{Name: briefing.CmdWhoMet, Person: "barnea"}
	if pager(0, 1, "1", c) != nil {
		t.Error("buttons on a one-page answer")
	}
	row := pager(0, 3, "1", c)[0].(discordgo.ActionsRow)
	prev, next := row.Components[0].(discordgo.Button), row.Components[1].(discordgo.Button)
	if !prev.Disabled || next.Disabled || prev.CustomID == next.CustomID {
		t.Errorf("first page buttons: %+v %+v", prev, next)
	}
	long := briefing.Command{Name: briefing.CmdSearch, Words: strings.Repeat("word ", 30)}
	if pager(0, 3, "123456789012345678", long) != nil {
		t.Error("a custom_id over 100 characters")
	}
}

func TestSameDefinitions(t *testing.T) {
	if !sameDefinitions(definitions(), definitions()) {
		t.Error("the definitions differ from themselves")
	}
	changed := definitions()
	changed[2].Description += "!"
	if sameDefinitions(definitions(), changed) {
		t.Error("a changed description went unnoticed")
	}
	if sameDefinitions(definitions(), definitions()[1:]) {
		t.Error("a missing command went unnoticed")
	}
	reordered := definitions()
	reordered[0], reordered[1] = reordered[1], reordered[0]
	if !sameDefinitions(definitions(), reordered) {
		t.Error("order should not matter")
	}
}
