package corpusgen

// meetStatus is the state of a meeting as the text reports it.
type meetStatus uint8

const (
	mPlanned meetStatus = iota
	mHeld
	mCanceled
	numStatus
)

// statusNames are the Truth spellings of meetStatus.
var statusNames = [numStatus]string{"planned", "held", "canceled"}

// meetingTemplates report a meeting between the people bound to {A}…{D}.
// {PL} is the place and {MW} the time of the meeting itself.
var meetingTemplates = [numStatus][]string{
	mPlanned: {
		"{A} is set to meet {B} in {PL}{MW}.",
		"{A} is set to meet with {B} and {C} in {PL}{MW}.",
		"{A} is expected to travel to {PL}{MW} for talks with {B}.",
		"{A} will host {B} in {PL}{MW}, officials said.",
		"{A} and {B} are scheduled to hold talks in {PL}{MW}.",
		"{A} will meet {B}, {C} and {D} in {PL}{MW} to discuss {ISSUE}.",
		"{A} is due to sit down with {B} in {PL}{MW}, [according to|said] officials familiar with the plans.",
		"A meeting between {A} and {B} has been [pencilled in|scheduled] in {PL}{MW}.",
		"{A} is set to meet with {B}, {C} and {D} in {PL}{MW}, as mediators push to close the remaining gaps in {SUBJ}.",
	},
	mHeld: {
		"{A} met {B} in {PL}{MW}.",
		"{A} and {B} held talks in {PL}{MW}.",
		"{A} hosted {B} in {PL}{MW} for talks on {ISSUE}.",
		"{A}, {B} and {C} convened in {PL}{MW} to discuss {SUBJ}.",
		"{A} met with {B} on the sidelines of the gathering in {PL}{MW}.",
		"{A} sat down with {B} in {PL}{MW}, their [first|second] face-to-face meeting in a month.",
		"Top officials including {A} and {B} [convened|gathered] in {PL}{MW} to address {ISSUE}.",
	},
	mCanceled: {
		"The meeting between {A} and {B} in {PL}{MW} was called off.",
		"{A} canceled a planned meeting with {B} in {PL} at the last minute.",
		"A scheduled meeting between {A} and {B} in {PL}{MW} was [postponed indefinitely|called off], officials said.",
		"{A} pulled out of talks with {B} that had been planned in {PL}{MW}.",
	},
}

// joinTemplates add {A} to the meeting just reported.
var joinTemplates = [numStatus][]string{
	mPlanned: {
		"{A} will also participate in the talks.",
		"{A} is also expected to attend.",
		"{A} will also take part, according to a person familiar with the arrangements.",
	},
	mHeld: {
		"{A} joined the talks later in the day.",
		"{A} also took part in the discussions.",
	},
	mCanceled: {},
}

// phoneTemplates report calls and video links, which are not meetings.
var phoneTemplates = []string{
	"{A} spoke by phone with {B} {DAYP}.",
	"{A} also held a phone call with {B} to discuss {ISSUE}.",
	"In a phone call {DAYP}, {A} and {B} discussed {ISSUE}.",
	"{A} briefed {B} by video link {DAYP}.",
	"{A} and {B} spoke by telephone {DAYP}, according to a readout of the call.",
}
