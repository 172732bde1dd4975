package briefing

// Article is a normalised source document: its metadata and the paragraphs
// of its body with page noise removed. It is the input of extraction.
type Article struct {
	// Source names the article: a file's base name, or the URL of a web page.
	Source string `json:"source"`
	// URL is the article's web address, when it has one.
	URL string `json:"url,omitempty"`
	// Title is the headline; for a text without one, its first sentence.
	Title string `json:"title"`
	// Outlet is the publication, when known.
	Outlet string `json:"outlet,omitempty"`
	// Published is the publication date, zero when the text does not give one.
	Published Date `json:"published"`
	// Paragraphs hold the body in reading order, headings included.
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one block of body text.
type Paragraph struct {
	Text string `json:"text"`
	// Heading marks a section heading: searchable, but not a source of
	// quotes, meetings or figures.
	Heading bool `json:"heading,omitempty"`
}

// Body returns the article text: paragraphs separated by blank lines.
func (a Article) Body() string {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(p.Text) + 2
	}
	b := make([]byte, 0, n)
	for i, p := range a.Paragraphs {
		if i > 0 {
			b = append(b, '\n', '\n')
		}
		b = append(b, p.Text...)
	}
	return string(b)
}
