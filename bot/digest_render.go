package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// A digest is posted as messages of story embeds, one embed per story,
// packed within Discord's limits per message.
const (
	// storyBudget bounds one story's description, so that a few stories
	// share a message and each reads on a phone.
	storyBudget = 1800
	// lineBudget bounds one bullet or quote.
	lineBudget = 450
	// storySourcesShown is how many sources a story lists by name.
	storySourcesShown = 4
	// citeTitle is how much of a source's title a digest shows.
	citeTitle = 70
)

// digestMessage is one message of a posted digest.
type digestMessage struct {
	content string
	embeds  []*discordgo.MessageEmbed
}

// digestMessages lays a digest out as messages: the header as the first
// message's text, then one embed per story, as many per message as
// Discord allows (10 embeds, 6000 characters), the footer on the last
// embed. A digest with nothing new is its one quiet line.
func digestMessages(d digest.Digest) []digestMessage {
	if d.Empty() {
		return []digestMessage{{content: clip(escape(d.QuietLine()), maxContent)}}
	}
	embeds := make([]*discordgo.MessageEmbed, len(d.Stories))
	for i, s := range d.Stories {
		embeds[i] = storyEmbed(i+1, s)
	}
	if f := d.Footer(); f != "" {
		embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: clip(f, maxFooter)}
	}
	var out []digestMessage
	cur := digestMessage{content: clip(escape(d.Header()), maxContent)}
	used := 0
	for _, e := range embeds {
		n := embedSize(e)
		if len(cur.embeds) > 0 && (len(cur.embeds) == maxEmbeds || used+n > maxEmbedsTotal) {
			out = append(out, cur)
			cur, used = digestMessage{}, 0
		}
		cur.embeds = append(cur.embeds, e)
		used += n
	}
	out = append(out, cur)
	if len(out) > 1 {
		for i := range out {
			part := fmt.Sprintf("(%d/%d)", i+1, len(out))
			if out[i].content == "" {
				out[i].content = "Briefing, continued " + part
			} else {
				out[i].content = clip(out[i].content, maxContent-len(part)-1) + " " + part
			}
		}
	}
	return out
}

// storyEmbed renders one story: the headline as title; what is new, the
// bullets, the quotes and the sources as description. A story over its
// budget is told with shorter lines and fewer citations (links to web
// addresses weigh most); lines beyond Discord's limit are left out whole,
// so that no link is cut in the middle.
func storyEmbed(n int, s digest.Story) *discordgo.MessageEmbed {
	desc := storyText(s, lineBudget, 2, storySourcesShown)
	if utf16Len(desc) > storyBudget {
		desc = storyText(s, lineBudget/2, 1, storySourcesShown/2)
	}
	return &discordgo.MessageEmbed{
		Title:       clip(fmt.Sprintf("%d. %s", n, escape(s.Headline)), maxTitle),
		Description: clipLines(desc, maxDescription),
		Color:       embedColor,
	}
}

// storyText is a story's description, each line clipped to budget, each
// bullet citing up to cited sources and the sources line naming up to
// shown.
func storyText(s digest.Story, budget, cited, shown int) string {
	var lines []string
	if s.WhatsNew != "" {
		lines = append(lines, clip(escape(s.WhatsNew), budget))
	}
	for _, b := range s.Bullets {
		lines = append(lines, clip("• "+escape(b.Text), budget)+" — "+citeList(b.Sources, cited))
	}
	for _, q := range s.Quotes {
		lines = append(lines, clip("> "+escape(digest.QuoteLine(q)), budget)+" — "+citeClipped(q.Source, citeTitle))
	}
	lines = append(lines, "**"+briefing.Plural(len(s.Sources), "source", "sources")+"**: "+citeList(s.Sources, shown))
	return strings.Join(lines, "\n")
}

// clipLines shortens s to at most limit UTF-16 units by leaving out its
// last lines whole, marking the cut with a line "…"; a first line too
// long by itself is clipped.
func clipLines(s string, limit int) string {
	if utf16Len(s) <= limit {
		return s
	}
	const more = "\n…"
	lines := strings.Split(s, "\n")
	n := utf16Len(lines[0])
	if n+utf16Len(more) > limit {
		return clip(s, limit)
	}
	kept := 1
	for kept < len(lines) && n+1+utf16Len(lines[kept])+utf16Len(more) <= limit {
		n += 1 + utf16Len(lines[kept])
		kept++
	}
	return strings.Join(lines[:kept], "\n") + more
}

// citeList cites up to shown sources and counts the rest.
func citeList(docs []briefing.DocumentRef, shown int) string {
	parts := make([]string, 0, shown+1)
	for i, d := range docs {
		if i == shown {
			parts = append(parts, fmt.Sprintf("and %d more", len(docs)-shown))
			break
		}
		parts = append(parts, citeClipped(d, citeTitle))
	}
	return strings.Join(parts, " · ")
}

// embedSize is what an embed counts toward a message's 6000 characters.
func embedSize(e *discordgo.MessageEmbed) int {
	n := utf16Len(e.Title) + utf16Len(e.Description)
	if e.Footer != nil {
		n += utf16Len(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf16Len(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += utf16Len(f.Name) + utf16Len(f.Value)
	}
	return n
}
