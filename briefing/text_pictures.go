package briefing

import (
	"fmt"
	"strings"
)

// GraphTitle names a network picture: "Meeting network of David Barnea".
func GraphTitle(a GraphAnswer) string {
	t := "Meeting network of " + a.Network.Center.Name
	if a.Network.Depth > 1 {
		t += " (depth 2)"
	}
	return t
}

// GraphSummary says in words what a network picture shows, for people
// who cannot see it and for the terminal: who met whom, how often.
func GraphSummary(a GraphAnswer) []string {
	n := a.Network
	names := make(map[int64]PersonRef, len(n.Nodes))
	depth := make(map[int64]int, len(n.Nodes))
	for _, node := range n.Nodes {
		names[node.ID], depth[node.ID] = node.PersonRef, node.Depth
	}
	met := 0
	for _, node := range n.Nodes {
		if node.Depth == 1 {
			met++
		}
	}
	if len(n.Links) == 0 {
		return []string{fmt.Sprintf("%s has no in-person meetings with named people in the corpus.", n.Center.Name)}
	}
	lines := []string{fmt.Sprintf("%s, %s met in person:", Plural(a.Meetings, "meeting", "meetings"), Plural(met+hiddenNear(n), "person", "people"))}
	var among, beyond []string
	for _, l := range n.Links {
		switch {
		case l.Has(n.Center.ID):
			lines = append(lines, "• "+Headline(names[l.Other(n.Center.ID)])+": "+LinkCounts(l))
		case depth[l.A] == 1 && depth[l.B] == 1:
			among = append(among, "• "+names[l.A].Name+" – "+names[l.B].Name+": "+LinkCounts(l))
		default:
			beyond = append(beyond, "• "+names[l.A].Name+" – "+names[l.B].Name+": "+LinkCounts(l))
		}
	}
	if len(among) > 0 {
		lines = append(append(lines, "Among them:"), among...)
	}
	if len(beyond) > 0 {
		lines = append(append(lines, "Further out:"), beyond...)
	}
	if n.HiddenPeople > 0 || n.HiddenLinks > 0 {
		lines = append(lines, fmt.Sprintf("Not drawn, to keep the picture legible: %s and %s (the weakest).",
			Plural(n.HiddenPeople, "more person", "more people"), Plural(n.HiddenLinks, "link", "links")))
	}
	return lines
}

// hiddenNear is how many of the center's counterparts were not drawn:
// the hidden people are the farthest and weakest, so they are
// counterparts only when every drawn person is one.
func hiddenNear(n Network) int {
	for _, node := range n.Nodes {
		if node.Depth == 2 {
			return 0
		}
	}
	return n.HiddenPeople
}

// LinkCounts says how many meetings a link stands for: "3 meetings (2
// held, 1 planned)", "1 meeting (planned)".
func LinkCounts(l MeetingLink) string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{l.Held, "held"}, {l.Planned, "planned"}, {l.Canceled, "canceled"}} {
		if c.n == 0 {
			continue
		}
		if l.Total() == c.n {
			parts = append(parts, c.what)
		} else {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return Plural(l.Total(), "meeting", "meetings") + " (" + strings.Join(parts, ", ") + ")"
}

// ChartTitle names a timeline chart: "Articles per day: David Barnea".
func ChartTitle(c Chart) string {
	switch {
	case c.Person != nil:
		return "Articles per day: " + c.Person.Name
	case c.Subject != "":
		return "Articles per day: “" + c.Subject + "”"
	}
	return "Articles per day"
}

// maxListedDays bounds the meeting days a chart summary names.
const maxListedDays = 8

// ChartSummary says in words what a timeline chart shows.
func ChartSummary(c Chart) []string {
	var lines []string
	if n := c.Articles(); n > 0 {
		first, last, busiest := c.Days[0], c.Days[len(c.Days)-1], c.Days[0]
		for _, d := range c.Days {
			if d.Articles > busiest.Articles {
				busiest = d
			}
		}
		if len(c.Days) == 1 {
			lines = append(lines, fmt.Sprintf("%s on %s.", Plural(n, "article", "articles"), first.Date.Long()))
		} else {
			lines = append(lines, fmt.Sprintf("%s from %s to %s; the most on %s (%d).", Plural(n, "article", "articles"),
				first.Date.Long(), last.Date.Long(), busiest.Date.Long(), busiest.Articles))
		}
	} else {
		lines = append(lines, "No dated articles.")
	}
	t := c.MeetingCounts()
	if total := t.Held + t.Planned + t.Canceled; total > 0 {
		lines = append(lines, "Meetings marked: "+LinkCounts(MeetingLink{Held: t.Held, Planned: t.Planned, Canceled: t.Canceled})+".")
		for i, m := range c.Meetings {
			if i == maxListedDays {
				lines = append(lines, "• and "+Plural(len(c.Meetings)-i, "more day", "more days"))
				break
			}
			lines = append(lines, "• "+m.Date.Long()+": "+LinkCounts(MeetingLink{Held: m.Held, Planned: m.Planned, Canceled: m.Canceled}))
		}
	}
	var undated []string
	if c.UndatedArticles > 0 {
		undated = append(undated, Plural(c.UndatedArticles, "article", "articles"))
	}
	if c.UndatedMeetings > 0 {
		undated = append(undated, Plural(c.UndatedMeetings, "meeting", "meetings"))
	}
	if len(undated) > 0 {
		lines = append(lines, "Without a date, so not on the chart: "+strings.Join(undated, " and ")+".")
	}
	return lines
}

func textGraph(b *strings.Builder, a GraphAnswer) {
	b.WriteString(GraphTitle(a) + "\n")
	for _, l := range GraphSummary(a) {
		b.WriteString(l + "\n")
	}
}

func textChart(b *strings.Builder, a ChartAnswer) {
	b.WriteString(ChartTitle(a.Chart) + "\n")
	for _, l := range ChartSummary(a.Chart) {
		b.WriteString(l + "\n")
	}
}
