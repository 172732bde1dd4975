package normalize

import (
	"briefbot/briefing"
)

// meta is what a format knows about an article before its body is read.
type meta struct {
	title, url, outlet string
	published          briefing.Date
}

// parseText reads the plain-text format: an optional date prefix or date
// line, an optional title line, then paragraphs.
func parseText(text string) briefing.Article {
	raw := splitLines(text)
	lines := make([]line, len(raw))
	for i, l := range raw {
		lines[i] = line{text: l, kind: linePlain}
		if l == "" {
			lines[i].kind = lineBlank
		}
	}
	return assemble(lines, meta{})
}

// assemble turns the lines of a text or markdown body into an Article:
// it takes the publication date from the first line, groups paragraphs,
// drops noise, and finds the title unless m has one.
func assemble(lines []line, m meta) briefing.Article {
	lines = takeLeadingDate(lines, &m.published)
	ps := dropNoise(buildParagraphs(lines))

	if m.title == "" && len(ps) >= 3 && ps[0].single && ps[1].single && isDateOnly(ps[1].text) {
		// A headline, then its date line: a title however long it is.
		m.title = ps[0].text
		ps = ps[1:]
	} else if m.title == "" && len(ps) >= 2 && (ps[0].heading || (ps[0].single && isHeadingLike(ps[0].text))) {
		m.title = ps[0].text
		ps = ps[1:]
	}
	if m.published.IsZero() && len(ps) >= 2 && ps[0].single {
		if d, ok := publicationDate(ps[0].text); ok {
			m.published = d
			ps = ps[1:]
		}
	}
	if m.title == "" && len(ps) > 0 {
		m.title = titleFromText(ps[0].text)
	}
	return briefing.Article{
		Title:      m.title,
		URL:        m.url,
		Outlet:     m.outlet,
		Published:  m.published,
		Paragraphs: markHeadings(ps),
	}
}

// takeLeadingDate looks at the first line that is neither blank nor noise:
// a date line such as
// "Date: 2024-03-21" is blanked, and an inline prefix "date 2024-03-21 " is
// cut off the text that follows it. The first date found is stored in *d
// unless *d is already set. An impossible date leaves the line as it is.
func takeLeadingDate(lines []line, d *briefing.Date) []line {
	for i, ln := range lines {
		if ln.kind == lineBlank || (ln.kind == linePlain && isNoise(ln.text)) {
			continue
		}
		if ln.kind != linePlain {
			return lines
		}
		if date, ok := dateLine(ln.text); ok {
			setDate(d, date)
			lines[i] = line{kind: lineBlank}
		} else if date, rest, ok := datePrefix(ln.text); ok {
			setDate(d, date)
			lines[i].text = rest
			if rest == "" {
				lines[i].kind = lineBlank
			}
		}
		return lines
	}
	return lines
}

// setDate stores date in *d unless *d is already known.
func setDate(d *briefing.Date, date briefing.Date) {
	if d.IsZero() {
		*d = date
	}
}
