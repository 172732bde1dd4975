package briefing

// Export is the whole parsed corpus as one JSON object, for analysts and
// for measuring extraction against gold annotations.
type Export struct {
	Documents     []ExportDocument `json:"documents"`
	People        []ExportPerson   `json:"people"`
	Organizations []ExportThing    `json:"organizations"`
	Places        []ExportThing    `json:"places"`
	Quotes        []ExportQuote    `json:"quotes"`
	Meetings      []ExportMeeting  `json:"meetings"`
	Calls         []ExportMeeting  `json:"calls"`
	Figures       []ExportFigure   `json:"figures"`
}

// ExportDocument is one article.
type ExportDocument struct {
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Published Date    `json:"published"`
	URL       *string `json:"url"`
	Outlet    string  `json:"outlet,omitempty"`
}

// ExportPerson is one person with every name form and role seen.
type ExportPerson struct {
	Name          string   `json:"name"`
	Aliases       []string `json:"aliases"`
	Roles         []string `json:"roles"`
	Organizations []string `json:"organizations,omitempty"`
	Sources       []string `json:"sources"`
}

// ExportThing is an organisation or a place.
type ExportThing struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Country string   `json:"country,omitempty"`
	Sources []string `json:"sources"`
}

// ExportQuote is one quotation.
type ExportQuote struct {
	Speaker *string `json:"speaker"`
	Text    string  `json:"text"`
	Source  string  `json:"source"`
	Partial bool    `json:"partial"`
	Verb    string  `json:"verb,omitempty"`
}

// ExportMeeting is one meeting merged across its reports.
type ExportMeeting struct {
	Participants  []string       `json:"participants"`
	Organizations []string       `json:"organizations"`
	Groups        []string       `json:"groups,omitempty"`
	Place         *string        `json:"place"`
	Date          Date           `json:"date"`
	DateInferred  bool           `json:"date_inferred,omitempty"`
	When          *string        `json:"when"`
	Status        MeetingStatus  `json:"status"`
	Sources       []string       `json:"sources"`
	Reports       []ExportReport `json:"reports"`
}

// ExportReport is one article's account of a meeting.
type ExportReport struct {
	Source        string        `json:"source"`
	Participants  []string      `json:"participants"`
	Organizations []string      `json:"organizations"`
	Place         *string       `json:"place"`
	Date          Date          `json:"date"`
	When          *string       `json:"when"`
	Status        MeetingStatus `json:"status"`
}

// ExportFigure is one figure.
type ExportFigure struct {
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Of     float64 `json:"of,omitempty"`
	Unit   string  `json:"unit"`
	Source string  `json:"source"`
}
