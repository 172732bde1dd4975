package bot

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// Answers are laid out as cards: a title, a few header lines, and items
// (one meeting, quote, hit or event each) spread over pages of one embed.
const (
	itemsPerPage = 6
	// pageBudget keeps a page readable on a phone, well under Discord's
	// description limit.
	pageBudget = 3000
	// embedColor is a calm blue that reads on light and dark themes.
	embedColor = 0x3B6EA5
)

// card is an answer before it is split into pages.
type card struct {
	title  string   // plain text, escaped when rendered
	header []string // markdown lines shown on the first page
	items  []string // markdown, one per entry
	empty  string   // markdown shown when there are no items
	noun   string   // what the items are, plural ("meetings")
}

// render lays an answer out as pages: one embed each, within Discord's
// limits.
func render(a briefing.Answer) []*discordgo.MessageEmbed {
	return paginate(cardOf(a))
}

func cardOf(a briefing.Answer) card {
	switch a := a.(type) {
	case briefing.WhoMetAnswer:
		return whoMetCard(a)
	case briefing.QuotesAnswer:
		return quotesCard(a)
	case briefing.WhoIsAnswer:
		return whoIsCard(a)
	case briefing.SearchAnswer:
		return searchCard(a)
	case briefing.TimelineAnswer:
		return timelineCard(a)
	case briefing.SourcesAnswer:
		return sourcesCard(a)
	case briefing.HelpAnswer:
		return helpCard(a)
	}
	return card{title: "briefbot", empty: "This answer cannot be shown here."}
}

// paginate splits a card into pages: at most itemsPerPage items and
// pageBudget UTF-16 units of description each, every text clipped to its
// limit, a footer counting pages.
func paginate(c card) []*discordgo.MessageEmbed {
	header := clip(strings.Join(c.header, "\n"), pageBudget)
	var pages [][]string
	var cur []string
	used := utf16Len(header)
	for _, it := range c.items {
		it = clip(it, pageBudget/2)
		n := utf16Len(it) + 2
		if len(cur) > 0 && (len(cur) == itemsPerPage || used+n > pageBudget) {
			pages = append(pages, cur)
			cur, used = nil, 0
		}
		cur = append(cur, it)
		used += n
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	title := clip(escape(c.title), maxTitle)
	embeds := make([]*discordgo.MessageEmbed, len(pages))
	for i, items := range pages {
		var parts []string
		if i == 0 && header != "" {
			parts = append(parts, header)
		}
		if len(items) == 0 && c.empty != "" {
			parts = append(parts, c.empty)
		}
		parts = append(parts, items...)
		e := &discordgo.MessageEmbed{
			Title:       title,
			Description: clip(strings.Join(parts, "\n\n"), maxDescription),
			Color:       embedColor,
		}
		if len(pages) > 1 {
			e.Footer = &discordgo.MessageEmbedFooter{Text: clip(fmt.Sprintf("Page %d of %d · %d %s", i+1, len(pages), len(c.items), c.noun), maxFooter)}
		}
		embeds[i] = e
	}
	return embeds
}

// cite names a source in markdown: its title linked to its URL when it
// has a web address, else its title and file, escaped.
func cite(d briefing.DocumentRef) string { return citeClipped(d, 120) }

// citeClipped is cite with the title clipped to n characters.
func citeClipped(d briefing.DocumentRef, n int) string {
	name := d.Title
	if name == "" {
		name = d.Source
	}
	s := escape(clip(name, n))
	if link := safeURL(d.URL); link != "" {
		s = "[" + s + "](" + link + ")"
	} else if d.Source != "" && d.Source != name {
		s += " (" + escape(d.Source) + ")"
	}
	if d.Outlet != "" {
		s += ", " + escape(d.Outlet)
	}
	if !d.Published.IsZero() {
		s += ", " + d.Published.String()
	}
	return s
}

// safeURL returns an http(s) address that can stand inside a markdown
// link, or "".
func safeURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	s := u.String()
	if strings.ContainsAny(s, " ()<>\n") || len(s) > 512 {
		return ""
	}
	return s
}

func cites(docs []briefing.DocumentRef) string {
	const shown = 3
	parts := make([]string, 0, shown+1)
	for i, d := range docs {
		if i == shown {
			parts = append(parts, fmt.Sprintf("and %d more", len(docs)-shown))
			break
		}
		parts = append(parts, cite(d))
	}
	return strings.Join(parts, " · ")
}

func whoMetCard(a briefing.WhoMetAnswer) card {
	c := card{title: briefing.Headline(a.Person.PersonRef), noun: "meetings", empty: "No meetings found in the corpus."}
	if a.With != nil {
		c.header = append(c.header, fmt.Sprintf("Meetings with **%s**: %d", escape(a.With.Name), len(a.Meetings)))
	} else {
		c.header = append(c.header, briefing.Plural(len(a.Meetings), "meeting", "meetings")+" in the corpus")
	}
	for _, m := range a.Meetings {
		place := m.Place
		if place == "" {
			place = "place unknown"
		}
		lines := []string{fmt.Sprintf("**%s** · %s · %s", briefing.StatusLabel(m.Status), escape(place), escape(briefing.MeetingWhen(m)))}
		if who := m.Counterparts(a.Person.ID); len(who) > 0 {
			lines = append(lines, "With "+escape(strings.Join(who, ", ")))
		}
		if also := append(append([]string{}, m.Parties...), m.Groups...); len(also) > 0 {
			lines = append(lines, "Also "+escape(strings.Join(also, ", ")))
		}
		docs := make([]briefing.DocumentRef, len(m.Sources))
		for j, s := range m.Sources {
			docs[j] = s.DocumentRef
		}
		lines = append(lines, "-# "+briefing.Plural(len(docs), "source", "sources")+": "+cites(docs))
		c.items = append(c.items, strings.Join(lines, "\n"))
	}
	return c
}

func quotesCard(a briefing.QuotesAnswer) card {
	c := card{title: briefing.Headline(a.Person.PersonRef), noun: "quotes", empty: "No quotes found."}
	head := briefing.Plural(len(a.Quotes), "quote", "quotes")
	if a.About != "" {
		head += " about “" + escape(a.About) + "”"
	}
	c.header = append(c.header, head)
	for _, q := range a.Quotes {
		attr := "—"
		if q.Verb != "" {
			attr += " " + escape(q.Verb) + ","
		}
		if q.Partial {
			attr += " partial quote,"
		}
		c.items = append(c.items, escape(briefing.QuoteText(q))+"\n-# "+attr+" "+cite(q.Source))
	}
	return c
}

func whoIsCard(a briefing.WhoIsAnswer) card {
	p := a.Person
	c := card{title: briefing.Headline(p.PersonRef), noun: "articles"}
	add := func(label string, values []string) {
		if len(values) > 0 {
			c.header = append(c.header, "**"+label+":** "+escape(strings.Join(values, "; ")))
		}
	}
	add("Roles", p.Roles)
	add("Also written", p.Aliases)
	add("Organisations", p.Organizations)
	seen := "no dated article"
	if !p.FirstSeen.IsZero() {
		seen = "first seen " + p.FirstSeen.String() + ", last seen " + p.LastSeen.String()
	}
	c.header = append(c.header, fmt.Sprintf("%s, %s, %s, %s (%s)", briefing.Plural(len(p.Documents), "article", "articles"),
		briefing.Plural(p.Mentions, "mention", "mentions"), briefing.Plural(a.Meetings, "meeting", "meetings"), briefing.Plural(a.Quotes, "quote", "quotes"), seen))
	if len(a.Counterparts) > 0 {
		parts := make([]string, len(a.Counterparts))
		for i, cp := range a.Counterparts {
			parts[i] = escape(cp.Name)
			if cp.Meetings > 0 {
				parts[i] += " (met " + briefing.Plural(cp.Meetings, "time", "times") + ")"
			} else {
				parts[i] += " (" + briefing.Plural(cp.Articles, "article", "articles") + " together)"
			}
		}
		c.header = append(c.header, "**Main counterparts:** "+strings.Join(parts, ", "))
	}
	if q := a.LatestQuote; q != nil {
		c.header = append(c.header, "**Latest quote:** "+escape(briefing.QuoteText(*q))+"\n-# "+cite(q.Source))
	}
	for _, d := range p.Documents {
		c.items = append(c.items, cite(d))
	}
	return c
}

func searchCard(a briefing.SearchAnswer) card {
	c := card{title: "Search: " + a.Words, noun: "sentences", empty: "No sentence matches."}
	c.header = append(c.header, briefing.Plural(len(a.Hits), "sentence matches", "sentences match"))
	for _, h := range a.Hits {
		snippet := escape(h.Snippet)
		snippet = strings.NewReplacer(briefing.MarkOpen, "**", briefing.MarkClose, "**").Replace(snippet)
		c.items = append(c.items, snippet+"\n-# "+cite(h.Source))
	}
	return c
}

func timelineCard(a briefing.TimelineAnswer) card {
	title := "Timeline"
	switch {
	case a.Person != nil:
		title += " — " + a.Person.Name
	case a.Subject != "":
		title += " — " + a.Subject
	}
	c := card{title: title, noun: "events", empty: "Nothing dated found."}
	for _, e := range a.Events {
		when := e.Date.String()
		if when == "" {
			when = "undated"
		}
		c.items = append(c.items, fmt.Sprintf("**%s** · %s · %s\n-# %s", when, escape(e.Kind), escape(e.Text), cites(e.Sources)))
	}
	return c
}

func sourcesCard(a briefing.SourcesAnswer) card {
	c := card{title: "Sources", noun: "articles", empty: "The corpus is empty."}
	if a.Total > len(a.Sources) {
		c.header = append(c.header, fmt.Sprintf("%s; the newest %d:", briefing.Plural(a.Total, "article", "articles"), len(a.Sources)))
	} else {
		c.header = append(c.header, briefing.Plural(a.Total, "article", "articles"))
	}
	for _, s := range a.Sources {
		c.items = append(c.items, cite(s.DocumentRef)+"\n-# "+fmt.Sprintf("%s, %s, %s",
			briefing.Plural(s.People, "person", "people"), briefing.Plural(s.Quotes, "quote", "quotes"), briefing.Plural(s.Meetings, "meeting", "meetings")))
	}
	return c
}

func helpCard(a briefing.HelpAnswer) card {
	c := card{title: "briefbot — commands", noun: "commands"}
	c.header = append(c.header, "Ask in a channel with slash commands, or in a DM in plain words (“who met barnea?”).")
	for _, e := range a.Commands {
		c.items = append(c.items, fmt.Sprintf("**/%s** — %s\n-# e.g. %s", escape(e.Usage), escape(e.Does), escape(e.Example)))
	}
	return c
}
