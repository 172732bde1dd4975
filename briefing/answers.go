package briefing

// Answer is the result of a command; each kind renders as text (see
// WriteText) and marshals to stable JSON.
type Answer interface {
	// Kind names the command answered.
	Kind() CommandName
}

// WhoMetAnswer lists a person's meetings.
type WhoMetAnswer struct {
	Command  CommandName     `json:"command"`
	Person   Person          `json:"person"`
	With     *PersonRef      `json:"with,omitempty"`
	Meetings []MeetingRecord `json:"meetings"`
}

// QuotesAnswer lists a person's quotations.
type QuotesAnswer struct {
	Command CommandName   `json:"command"`
	Person  Person        `json:"person"`
	About   string        `json:"about,omitempty"`
	Quotes  []QuoteRecord `json:"quotes"`
}

// WhoIsAnswer is a person's profile.
type WhoIsAnswer struct {
	Command      CommandName   `json:"command"`
	Person       Person        `json:"person"`
	Counterparts []Counterpart `json:"counterparts"`
	LatestQuote  *QuoteRecord  `json:"latest_quote,omitempty"`
	Meetings     int           `json:"meetings"`
	Quotes       int           `json:"quotes"`
}

// SearchAnswer lists matching sentences.
type SearchAnswer struct {
	Command CommandName `json:"command"`
	Words   string      `json:"words"`
	Hits    []SearchHit `json:"hits"`
}

// TimelineAnswer lists dated developments.
type TimelineAnswer struct {
	Command CommandName     `json:"command"`
	Subject string          `json:"subject,omitempty"`
	Person  *PersonRef      `json:"person,omitempty"`
	Events  []TimelineEvent `json:"events"`
}

// SourcesAnswer lists the corpus.
type SourcesAnswer struct {
	Command CommandName     `json:"command"`
	Total   int             `json:"total"` // articles in the corpus; Sources holds the newest
	Sources []SourceSummary `json:"sources"`
}

// HelpAnswer lists the commands.
type HelpAnswer struct {
	Command  CommandName `json:"command"`
	Commands []HelpEntry `json:"commands"`
}

// HelpEntry describes one command.
type HelpEntry struct {
	Usage   string `json:"usage"`
	Does    string `json:"does"`
	Example string `json:"example"`
}

// Kind implements Answer.
func (WhoMetAnswer) Kind() CommandName { return CmdWhoMet }

// Kind implements Answer.
func (QuotesAnswer) Kind() CommandName { return CmdQuotes }

// Kind implements Answer.
func (WhoIsAnswer) Kind() CommandName { return CmdWhoIs }

// Kind implements Answer.
func (SearchAnswer) Kind() CommandName { return CmdSearch }

// Kind implements Answer.
func (TimelineAnswer) Kind() CommandName { return CmdTimeline }

// Kind implements Answer.
func (SourcesAnswer) Kind() CommandName { return CmdSources }

// Kind implements Answer.
func (HelpAnswer) Kind() CommandName { return CmdHelp }

// Help is the list of commands with examples.
var helpEntries = []HelpEntry{
	{"who-met <person> [with <person>]", "meetings of a person: counterparts, place, date, status, sources", "who-met barnea"},
	{"quotes <person> [about <words>]", "what a person said, newest first, with sources", "quotes blinken about rafah"},
	{"who-is <person>", "profile: name, roles, name variants, organisations, articles, counterparts, latest quote", "who-is kamel"},
	{"search <words>", "sentences that match, ranked, with sources", "search hostages"},
	{"timeline [<person or topic>]", "dated developments in order: meetings, statements, figures", "timeline rafah"},
	{"graph <person> [depth 1|2]", "a picture of whom the person met in person, and how often", "graph barnea"},
	{"timeline-chart [<person or topic>]", "a chart of articles per day, with meetings marked", "timeline-chart rafah"},
	{"sources", "the articles in the corpus", "sources"},
	{"/digest now|preview|subscribe|list", "what is new, for a server channel, now or on a cron schedule", "/digest subscribe 0 8 * * 1-5 Europe/Paris"},
	{"/ingest url|file", "add an article page, a feed's new items or an article file (Manage Server or an allowed role)", "/ingest url https://www.example.com/world/rss.xml"},
	{"/feeds add|list|remove", "the feeds the bot reads on a schedule (Manage Server)", "/feeds add https://www.example.com/world/rss.xml 1h"},
	{"help", "this list", "help"},
}

// Help returns the help answer.
func Help() HelpAnswer {
	return HelpAnswer{Command: CmdHelp, Commands: append([]HelpEntry(nil), helpEntries...)}
}
