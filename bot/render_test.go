package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// checkLimits fails when an embed breaks one of Discord's limits.
func checkLimits(t *testing.T, embeds []*discordgo.MessageEmbed) {
	t.Helper()
	if len(embeds) > maxEmbeds {
		t.Errorf("%d embeds in one message", len(embeds))
	}
	total := 0
	for i, e := range embeds {
		n := utf16Len(e.Title) + utf16Len(e.Description)
		if utf16Len(e.Title) > maxTitle || utf16Len(e.Description) > maxDescription {
			t.Errorf("embed %d: title %d, description %d units", i, utf16Len(e.Title), utf16Len(e.Description))
		}
		if e.Footer != nil {
			n += utf16Len(e.Footer.Text)
			if utf16Len(e.Footer.Text) > maxFooter {
				t.Errorf("embed %d: footer %d units", i, utf16Len(e.Footer.Text))
			}
		}
		if len(e.Fields) > maxFields {
			t.Errorf("embed %d: %d fields", i, len(e.Fields))
		}
		for _, f := range e.Fields {
			n += utf16Len(f.Name) + utf16Len(f.Value)
			if utf16Len(f.Name) > maxFieldName || utf16Len(f.Value) > maxFieldValue {
				t.Errorf("embed %d: field %q too long", i, f.Name)
			}
		}
		total += n
	}
	if total > maxEmbedsTotal {
		t.Errorf("embeds total %d units", total)
	}
}

func meeting(i int, place, who string) briefing.MeetingRecord {
	return briefing.MeetingRecord{
		ID: int64(i), Kind: briefing.InPerson, Status: briefing.Held, Place: place, When: "on Tuesday",
		Participants: []briefing.PersonRef{{ID: 1, Name: "David Barnea", Role: "Mossad chief"}, {ID: int64(100 + i), Name: who}},
		Sources:      []briefing.MeetingSource{{DocumentRef: briefing.DocumentRef{Source: fmt.Sprintf("a%d.txt", i), Title: "Talks **resume**", URL: "https://example.com/a?x=1"}}},
	}
}

func TestRenderWhoMetPagesWithinLimits(t *testing.T) {
	a := briefing.WhoMetAnswer{Command: briefing.CmdWhoMet, Person: briefing.Person{PersonRef: briefing.PersonRef{ID: 1, Name: "David Barnea", Role: "Mossad chief"}}}
	for i := range 40 {
		a.Meetings = append(a.Meetings, meeting(i, "Doha", strings.Repeat("Very Long Name ", 40)))
	}
	pages := render(a)
	if len(pages) < 7 {
		t.Fatalf("40 meetings on %d pages, want at least 7", len(pages))
	}
	for i, p := range pages {
		checkLimits(t, []*discordgo.MessageEmbed{p})
		if p.Title != "David Barnea — Mossad chief" {
			t.Errorf("page %d title %q", i, p.Title)
		}
		if want := fmt.Sprintf("Page %d of %d · 40 meetings", i+1, len(pages)); p.Footer == nil || p.Footer.Text != want {
			t.Errorf("page %d footer %+v, want %q", i, p.Footer, want)
		}
	}
	if !strings.Contains(pages[0].Description, "[Talks \\*\\*resume\\*\\*](https://example.com/a?x=1)") {
		t.Errorf("citation not linked and escaped:\n%s", pages[0].Description)
	}
}

func TestRenderEscapesHostileCorpusText(t *testing.T) {
	a := briefing.QuotesAnswer{Command: briefing.CmdQuotes, Person: briefing.Person{PersonRef: briefing.PersonRef{ID: 1, Name: "Eve @everyone"}},
		Quotes: []briefing.QuoteRecord{{Text: "@everyone **read** <@123> [x](http://evil)", Source: briefing.DocumentRef{Source: "a.txt", URL: "javascript:alert(1)"}}}}
	pages := render(a)
	for _, p := range pages {
		for _, s := range []string{p.Title, p.Description} {
			if strings.Contains(s, "@everyone") || strings.Contains(s, "<@123>") || strings.Contains(s, "**read**") || strings.Contains(s, "javascript:") {
				t.Errorf("unescaped corpus text: %q", s)
			}
		}
	}
}

func TestRenderHugeTextIsClipped(t *testing.T) {
	huge := strings.Repeat("😀 word ", 5000)
	a := briefing.SearchAnswer{Command: briefing.CmdSearch, Words: huge, Hits: []briefing.SearchHit{{Snippet: huge, Source: briefing.DocumentRef{Source: huge}}}}
	checkLimits(t, render(a))
	w := briefing.WhoIsAnswer{Command: briefing.CmdWhoIs, Person: briefing.Person{PersonRef: briefing.PersonRef{ID: 1, Name: huge}, Roles: []string{huge, huge}, Aliases: []string{huge}}}
	checkLimits(t, render(w))
}

func TestRenderEveryAnswerKind(t *testing.T) {
	p := briefing.Person{PersonRef: briefing.PersonRef{ID: 1, Name: "Antony Blinken", Role: "Secretary of State"}}
	answers := []briefing.Answer{
		briefing.WhoMetAnswer{Person: p},
		briefing.QuotesAnswer{Person: p},
		briefing.WhoIsAnswer{Person: p},
		briefing.SearchAnswer{Words: "rafah"},
		briefing.TimelineAnswer{Subject: "rafah"},
		briefing.SourcesAnswer{},
		briefing.Help(),
	}
	for _, a := range answers {
		pages := render(a)
		if len(pages) == 0 || pages[0].Title == "" {
			t.Errorf("%s: no title", a.Kind())
		}
		checkLimits(t, pages)
	}
}
