package briefing

// Extraction is everything read from one article: its sentences and the
// people, organisations, places, quotes, meetings and figures in them.
// Entities are local to the article; Quotes and Meetings point at them by
// index. Storage resolves them against the corpus.
type Extraction struct {
	Article   Article
	Hash      string // content hash of the normalised body
	Sentences []Sentence
	Entities  []ExtractedEntity
	Quotes    []ExtractedQuote
	Meetings  []ExtractedMeeting
	Figures   []Figure
}

// Sentence is one sentence of an article. A quotation and its attribution
// stay in one sentence.
type Sentence struct {
	Paragraph int
	Text      string
	Heading   bool
}

// ExtractedEntity is a person, organisation or place as one article names
// it.
type ExtractedEntity struct {
	Kind    EntityKind
	Name    string   // the fullest form the article uses
	Aliases []string // every form the article uses, Name included
	Roles   []string // roles and titles, as written ("Mossad chief")
	Gender  Gender
	Country string // places: the country they are in
	// Affiliations are organisations named in the person's roles.
	Affiliations []string
	Mentions     []Mention
}

// Mention is one place where an article refers to an entity.
type Mention struct {
	Sentence int
	Text     string      // the words used ("Blinken", "he", "the Secretary of State")
	Via      MentionKind // how the words refer to the entity
}

// MentionKind says how a mention refers to its entity.
type MentionKind string

// Mention kinds.
const (
	ByName    MentionKind = "name"
	ByPronoun MentionKind = "pronoun"
	ByRole    MentionKind = "role"
)

// ExtractedQuote is a direct quotation in an article.
type ExtractedQuote struct {
	Speaker  int // index into Extraction.Entities; -1 unknown
	Text     string
	Partial  bool   // a fragment worked into the writer's sentence
	Verb     string // the attribution ("said", "told reporters", "according to")
	Sentence int
}

// ExtractedMeeting is a meeting or call one article reports.
type ExtractedMeeting struct {
	Kind         MeetingKind
	Participants []int // persons, indexes into Extraction.Entities
	Parties      []int // organisations or countries taking part, when named
	Groups       []string
	Place        int // index into Extraction.Entities; -1 unknown
	Date         Date
	When         string // the text's own time words ("this Friday")
	Status       MeetingStatus
	Sentences    []int
}

// Figure is a number with what it counts ("some 40 of the remaining 134
// hostages").
type Figure struct {
	Sentence int
	Text     string  // the phrase as written
	Value    float64 // the number
	Of       float64 // the total it is part of, 0 if none
	Unit     string  // what is counted ("hostages", "percent", "USD")
}
