package digest

import (
	"fmt"
	"io"
	"strings"
	"time"

	"briefbot/briefing"
)

// Header is the digest's first line: what it covers.
func (d Digest) Header() string {
	s := "Briefing: " + briefing.Plural(d.Articles, "new article", "new articles")
	if !d.Since.IsZero() {
		s += " since " + FormatTime(d.Since)
	}
	if d.Duplicates > 0 {
		s += " (" + briefing.Plural(d.Duplicates, "near-duplicate", "near-duplicates") + " folded into their stories)"
	}
	return s
}

// QuietLine is what a digest with nothing new says.
func (d Digest) QuietLine() string {
	if d.Since.IsZero() {
		return "No new developments: nothing in the corpus yet."
	}
	return "No new developments since " + FormatTime(d.Since) + "."
}

// Footer notes what the digest left out, or is empty.
func (d Digest) Footer() string {
	var parts []string
	if d.Omitted > 0 {
		parts = append(parts, briefing.Plural(d.Omitted, "more story", "more stories")+" with new developments not shown: ask with /search or /timeline.")
	}
	if d.Unread > 0 {
		parts = append(parts, fmt.Sprintf("Composed from the newest %d articles; %d older new ones were not read.", MaxArticles, d.Unread))
	}
	return strings.Join(parts, " ")
}

// FormatTime writes a time as "2024-03-21 08:00 UTC" in its own zone.
func FormatTime(t time.Time) string {
	return t.Format("2006-01-02 15:04 MST")
}

// Cite names a source: its outlet when known, then its file or URL and
// its publication date.
func Cite(d briefing.DocumentRef) string {
	if d.Outlet != "" {
		return d.Outlet + ": " + d.Cite()
	}
	return d.Cite()
}

// Citations cites sources, separated by " · ".
func Citations(docs []briefing.DocumentRef) string { return briefing.CitationsBy(docs, Cite) }

// QuoteLine is a quotation with its speaker: "“…” — Antony Blinken (US
// Secretary of State)".
func QuoteLine(q briefing.QuoteRecord) string {
	s := briefing.QuoteText(q)
	if q.Speaker != nil {
		s += " — " + q.Speaker.Name
		if q.Speaker.Role != "" {
			s += " (" + q.Speaker.Role + ")"
		}
	}
	return s
}

// WriteText writes the digest as plain text, the same content the bot
// posts.
func WriteText(w io.Writer, d Digest) error {
	var b strings.Builder
	if d.Empty() {
		b.WriteString(d.QuietLine() + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(d.Header() + "\n")
	for i, s := range d.Stories {
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, s.Headline)
		if s.WhatsNew != "" {
			b.WriteString("   " + s.WhatsNew + "\n")
		}
		for _, bl := range s.Bullets {
			fmt.Fprintf(&b, "   • %s [%s]\n", bl.Text, Citations(bl.Sources))
		}
		for _, q := range s.Quotes {
			fmt.Fprintf(&b, "   %s [%s]\n", QuoteLine(q), Cite(q.Source))
		}
		fmt.Fprintf(&b, "   %s: %s\n", briefing.Plural(len(s.Sources), "source", "sources"), Citations(s.Sources))
	}
	if f := d.Footer(); f != "" {
		b.WriteString("\n" + f + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
