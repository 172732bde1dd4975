package briefing

// EntityKind says what an entity is.
type EntityKind string

// Entity kinds.
const (
	KindPerson       EntityKind = "person"
	KindOrganization EntityKind = "org"
	KindPlace        EntityKind = "place"
)

// Gender is what the text says about a person's gender: "m", "f" or "".
type Gender string

// Genders.
const (
	GenderUnknown Gender = ""
	Male          Gender = "m"
	Female        Gender = "f"
)

// MeetingStatus says whether a meeting happened.
type MeetingStatus string

// Meeting statuses.
const (
	Held     MeetingStatus = "held"
	Planned  MeetingStatus = "planned"
	Canceled MeetingStatus = "canceled"
)

// MeetingKind separates in-person meetings from calls.
type MeetingKind string

// Meeting kinds.
const (
	InPerson MeetingKind = "meeting"
	Call     MeetingKind = "call"
)
