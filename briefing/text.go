package briefing

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WriteText writes an answer as plain text for a terminal.
func WriteText(w io.Writer, a Answer) error {
	var b strings.Builder
	switch a := a.(type) {
	case WhoMetAnswer:
		textWhoMet(&b, a)
	case QuotesAnswer:
		textQuotes(&b, a)
	case WhoIsAnswer:
		textWhoIs(&b, a)
	case SearchAnswer:
		textSearch(&b, a)
	case TimelineAnswer:
		textTimeline(&b, a)
	case SourcesAnswer:
		textSources(&b, a)
	case GraphAnswer:
		textGraph(&b, a)
	case ChartAnswer:
		textChart(&b, a)
	case HelpAnswer:
		textHelp(&b, a)
	default:
		return fmt.Errorf("write text: unknown answer %T", a)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Headline is a person's name with their main role: "David Barnea —
// Mossad chief".
func Headline(p PersonRef) string {
	if p.Role == "" {
		return p.Name
	}
	return p.Name + " — " + p.Role
}

// ClipRunes shortens s to at most n runes, the last of them "…" when it
// cut.
func ClipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Plural returns "1 source" or "3 sources".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// MeetingWhen describes when a meeting is: "Friday 22 March 2024 (“this
// Friday”)", or "date unknown (“on Tuesday”)".
func MeetingWhen(m MeetingRecord) string {
	s := "date unknown"
	if !m.Date.IsZero() {
		s = m.Date.Long()
	}
	if m.When != "" {
		s += " (“" + m.When + "”)"
	}
	return s
}

// Counterparts returns the other participants of a meeting, with their
// roles.
func (m MeetingRecord) Counterparts(of int64) []string {
	var out []string
	for _, p := range m.Participants {
		if p.ID == of {
			continue
		}
		s := p.Name
		if p.Role != "" {
			s += " (" + p.Role + ")"
		}
		out = append(out, s)
	}
	return out
}

// StatusLabel capitalises a meeting status.
func StatusLabel(s MeetingStatus) string {
	switch s {
	case Held:
		return "Held"
	case Planned:
		return "Planned"
	case Canceled:
		return "Canceled"
	}
	return string(s)
}

// Citations joins the citations of documents.
func Citations(docs []DocumentRef) string { return CitationsBy(docs, DocumentRef.Cite) }

// CitationsBy cites sources with cite, separated by " · ".
func CitationsBy(docs []DocumentRef, cite func(DocumentRef) string) string {
	parts := make([]string, len(docs))
	for i, d := range docs {
		parts[i] = cite(d)
	}
	return strings.Join(parts, " · ")
}

func textWhoMet(b *strings.Builder, a WhoMetAnswer) {
	b.WriteString(Headline(a.Person.PersonRef) + "\n")
	if a.With != nil {
		fmt.Fprintf(b, "Meetings with %s: %d\n", a.With.Name, len(a.Meetings))
	} else {
		fmt.Fprintf(b, "%s:\n", Plural(len(a.Meetings), "meeting", "meetings"))
	}
	if len(a.Meetings) == 0 {
		b.WriteString("No meetings found in the corpus.\n")
		return
	}
	for i, m := range a.Meetings {
		place := m.Place
		if place == "" {
			place = "place unknown"
		}
		fmt.Fprintf(b, "\n%d. %s · %s · %s\n", i+1, StatusLabel(m.Status), place, MeetingWhen(m))
		if c := m.Counterparts(a.Person.ID); len(c) > 0 {
			fmt.Fprintf(b, "   With: %s\n", strings.Join(c, ", "))
		}
		if also := append(append([]string{}, m.Parties...), m.Groups...); len(also) > 0 {
			fmt.Fprintf(b, "   Also: %s\n", strings.Join(also, ", "))
		}
		docs := make([]DocumentRef, len(m.Sources))
		for j, s := range m.Sources {
			docs[j] = s.DocumentRef
		}
		fmt.Fprintf(b, "   %s: %s\n", Plural(len(docs), "source", "sources"), Citations(docs))
	}
}

// QuoteText renders a quotation in curly quotes, without the comma that
// led into its attribution; a partial quotation that starts mid-sentence
// opens with an ellipsis.
func QuoteText(q QuoteRecord) string {
	t := strings.TrimRight(strings.TrimSpace(q.Text), ", ")
	if r, _ := utf8.DecodeRuneInString(t); q.Partial && unicode.IsLower(r) {
		t = "…" + t
	}
	return "“" + t + "”"
}

func textQuotes(b *strings.Builder, a QuotesAnswer) {
	b.WriteString(Headline(a.Person.PersonRef) + "\n")
	head := Plural(len(a.Quotes), "quote", "quotes")
	if a.About != "" {
		head += " about “" + a.About + "”"
	}
	b.WriteString(head + ":\n")
	if len(a.Quotes) == 0 {
		b.WriteString("No quotes found.\n")
		return
	}
	for i, q := range a.Quotes {
		fmt.Fprintf(b, "\n%d. %s\n", i+1, QuoteText(q))
		attr := "   —"
		if q.Verb != "" {
			attr += " " + q.Verb + ","
		}
		if q.Partial {
			attr += " partial quote,"
		}
		fmt.Fprintf(b, "%s %s\n", attr, q.Source.Cite())
	}
}

func textWhoIs(b *strings.Builder, a WhoIsAnswer) {
	p := a.Person
	b.WriteString(p.Name + "\n")
	if len(p.Roles) > 0 {
		fmt.Fprintf(b, "Roles: %s\n", strings.Join(p.Roles, "; "))
	}
	if len(p.Aliases) > 0 {
		fmt.Fprintf(b, "Also written: %s\n", strings.Join(p.Aliases, ", "))
	}
	if len(p.Organizations) > 0 {
		fmt.Fprintf(b, "Organisations: %s\n", strings.Join(p.Organizations, ", "))
	}
	seen := "no dated article"
	if !p.FirstSeen.IsZero() {
		seen = "first seen " + p.FirstSeen.String() + ", last seen " + p.LastSeen.String()
	}
	fmt.Fprintf(b, "%s, %s (%s):\n", Plural(len(p.Documents), "article", "articles"), Plural(p.Mentions, "mention", "mentions"), seen)
	for _, d := range p.Documents {
		fmt.Fprintf(b, "  - %s\n", d.Cite())
	}
	if len(a.Counterparts) > 0 {
		parts := make([]string, len(a.Counterparts))
		for i, c := range a.Counterparts {
			parts[i] = c.Name
			switch {
			case c.Meetings > 0:
				parts[i] += fmt.Sprintf(" (met %s)", Plural(c.Meetings, "time", "times"))
			default:
				parts[i] += fmt.Sprintf(" (%s together)", Plural(c.Articles, "article", "articles"))
			}
		}
		fmt.Fprintf(b, "Main counterparts: %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintf(b, "%s, %s.\n", Plural(a.Meetings, "meeting", "meetings"), Plural(a.Quotes, "quote", "quotes"))
	if q := a.LatestQuote; q != nil {
		fmt.Fprintf(b, "Latest quote: %s — %s\n", QuoteText(*q), q.Source.Cite())
	}
}

func textSearch(b *strings.Builder, a SearchAnswer) {
	fmt.Fprintf(b, "%s match “%s”", Plural(len(a.Hits), "sentence", "sentences"), a.Words)
	if len(a.Hits) == 0 {
		b.WriteString(".\n")
		return
	}
	b.WriteString(":\n")
	for i, h := range a.Hits {
		fmt.Fprintf(b, "\n%d. %s\n   %s\n", i+1, h.Highlight("**", "**"), h.Source.Cite())
	}
}

func textTimeline(b *strings.Builder, a TimelineAnswer) {
	title := "Timeline"
	switch {
	case a.Person != nil:
		title += " of " + a.Person.Name
	case a.Subject != "":
		title += " of “" + a.Subject + "”"
	}
	fmt.Fprintf(b, "%s (%s):\n", title, Plural(len(a.Events), "event", "events"))
	if len(a.Events) == 0 {
		b.WriteString("Nothing dated found.\n")
		return
	}
	for _, e := range a.Events {
		when := e.Date.String()
		if when == "" {
			when = "undated   "
		}
		fmt.Fprintf(b, "%s  %-8s %s\n", when, e.Kind, e.Text)
		fmt.Fprintf(b, "            %s\n", Citations(e.Sources))
	}
}

func textSources(b *strings.Builder, a SourcesAnswer) {
	if a.Total > len(a.Sources) {
		fmt.Fprintf(b, "%s; the newest %d:\n", Plural(a.Total, "article", "articles"), len(a.Sources))
	} else {
		fmt.Fprintf(b, "%s:\n", Plural(a.Total, "article", "articles"))
	}
	for _, s := range a.Sources {
		pub := "undated"
		if !s.Published.IsZero() {
			pub = s.Published.String()
		}
		name := s.Source
		if s.URL != "" {
			name = s.URL
		}
		fmt.Fprintf(b, "\n%s — %s\n", name, pub)
		fmt.Fprintf(b, "  %s\n", s.Title)
		fmt.Fprintf(b, "  %s, %s, %s, %s, %s\n", Plural(s.Sentences, "sentence", "sentences"),
			Plural(s.People, "person", "people"), Plural(s.Quotes, "quote", "quotes"),
			Plural(s.Meetings, "meeting", "meetings"), Plural(s.Figures, "figure", "figures"))
	}
}

func textHelp(b *strings.Builder, a HelpAnswer) {
	b.WriteString("Commands:\n")
	for _, c := range a.Commands {
		fmt.Fprintf(b, "  %-36s %s\n  %-36s e.g. %s\n", c.Usage, c.Does, "", c.Example)
	}
	b.WriteString("\nNames match like a reader would: “burns”, “bill burns”, “kamal” for Kamel.\n")
}

// MeetingSummary is a one-line account of a meeting: "Planned meeting:
// David Barnea, William Burns in Doha".
func MeetingSummary(m MeetingRecord) string {
	var who []string
	for _, p := range m.Participants {
		who = append(who, p.Name)
	}
	who = append(who, m.Parties...)
	who = append(who, m.Groups...)
	s := StatusLabel(m.Status) + " meeting: " + strings.Join(who, ", ")
	if m.Place != "" {
		s += " in " + m.Place
	}
	if m.When != "" && m.Date.IsZero() {
		s += " (“" + m.When + "”)"
	}
	return s
}
