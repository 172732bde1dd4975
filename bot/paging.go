package bot

import (
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// A page button carries its whole state in its custom_id: the page it
// shows, who asked (only they may page) and the command, in the query
// grammar: "pg|2|123456|who-met barnea". Stale buttons keep working
// across restarts.
const pagePrefix = "pg|"

func pageID(page int, userID string, c briefing.Command) string {
	return pagePrefix + strconv.Itoa(page) + "|" + userID + "|" + c.String()
}

// parsePageID reads a page button's custom_id.
func parsePageID(id string) (page int, userID string, c briefing.Command, ok bool) {
	rest, found := strings.CutPrefix(id, pagePrefix)
	if !found {
		return 0, "", c, false
	}
	parts := strings.SplitN(rest, "|", 3)
	if len(parts) != 3 {
		return 0, "", c, false
	}
	page, err := strconv.Atoi(parts[0])
	if err != nil {
		return 0, "", c, false
	}
	c, err = briefing.ParseCommand(parts[2])
	if err != nil {
		return 0, "", c, false
	}
	return max(page, 0), parts[1], c, true
}

// pager returns ◀ ▶ buttons for page of pages, or none when the answer
// fits one page or its command is too long to carry in a custom_id.
func pager(page, pages int, userID string, c briefing.Command) []discordgo.MessageComponent {
	if pages <= 1 {
		return nil
	}
	prev, next := pageID(page-1, userID, c), pageID(page+1, userID, c)
	if len(prev) > maxCustomID || len(next) > maxCustomID {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀", Style: discordgo.SecondaryButton, CustomID: prev, Disabled: page == 0},
		discordgo.Button{Label: "▶", Style: discordgo.SecondaryButton, CustomID: next, Disabled: page >= pages-1},
	}}}
}

// pageReply is page of an answer's pages, with its buttons.
func pageReply(pages []*discordgo.MessageEmbed, page int, userID string, c briefing.Command, private bool) reply {
	page = min(max(page, 0), len(pages)-1)
	return reply{embeds: pages[page : page+1], components: pager(page, len(pages), userID, c), private: private}
}
