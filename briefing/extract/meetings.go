package extract

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/briefing/lexicon"
)

// meetingDraft is a meeting as the article builds it up, sentence by
// sentence.
type meetingDraft struct {
	kind    briefing.MeetingKind
	status  briefing.MeetingStatus
	persons []int
	parties []int
	groups  []string
	place   int
	when    *timeExpr
	whenTxt string
	sents   []int
	// event is the noun of a gathering ("summit") whose attendees the
	// draft collects; "" for a meeting read from one sentence.
	event string
	// invitation marks a meeting read from an invitation ("would invite
	// the five to a meeting"): its list is its own, never merged with a
	// meeting some of the invitees hold separately.
	invitation bool
	// eventName tells apart events of one noun: "World Governments" and
	// "G20" summits; "" when the article only says "the summit".
	eventName string
}

var (
	meetVerbs    = set("meet", "meets", "met", "convene", "convenes", "convened", "convening", "summoned", "summons", "summon")
	hostVerbs    = set("host", "hosts", "hosted", "hosting")
	holdVerbs    = set("hold", "holds", "held", "holding", "have", "has", "had", "having")
	greetVerbs   = set("received", "receives", "welcomed", "welcomes", "receiving", "welcoming")
	joinVerbs    = set("participate", "participates", "participated", "participating", "join", "joins", "joined", "joining", "attend", "attends", "attended", "attending")
	meetNouns    = set("meeting", "meetings", "talks", "summit", "gathering", "discussions", "sit-down", "session", "huddle", "round")
	includeWords = set("included", "includes", "including", "involving", "involved", "attended", "featuring", "featured", "bringing", "brought")
	verbGroup    = set("is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "could",
		"can", "may", "might", "must", "has", "have", "had", "set", "to", "expected", "due", "scheduled", "slated",
		"planned", "planning", "plans", "plan", "going", "also", "reportedly", "later", "then", "finally", "first",
		"soon", "again", "already", "still", "not", "never", "head", "heading", "travel", "traveling", "travelling",
		"fly", "flying", "go", "come", "coming", "arrive", "arriving", "return", "returning", "likely", "poised",
		"hoping", "wants", "want", "wanted", "agreed", "did", "does", "do", "briefly", "separately", "privately",
		"secretly", "once", "twice", "last", "repeatedly", "personally", "reportedly", "jointly", "both", "all")
	plannedWords  = set("will", "set", "expected", "due", "scheduled", "slated", "planned", "planning", "plans", "plan", "going", "poised", "upcoming", "forthcoming", "proposed", "to", "next", "future", "would", "hoping", "wants", "agreed", "shall")
	canceledWords = set("cancelled", "canceled", "cancel", "cancels", "cancellation", "postponed", "postpone", "postpones", "scrapped", "shelved", "axed", "delayed", "aborted")
	callWords     = set("phone", "telephone", "video", "videoconference", "video-conference", "call", "calls", "zoom", "virtual", "virtually", "teleconference", "phoned", "videolink", "video-link")
	// speakVerbs report a conversation: a call when phone or video words
	// stand near ("spoke by phone with", "talked with X on a video call").
	speakVerbs    = set("spoke", "speak", "speaks", "speaking", "spoken", "talked", "talk", "talking", "chatted")
	phoneVerbs    = set("phoned", "phones", "phoning", "telephoned", "rang")
	callNouns     = set("call", "calls", "conversation", "conversations", "videoconference", "teleconference")
	pastMeetVerbs = set("met", "convened", "held", "hosted", "sat", "pulled", "drew", "received", "welcomed", "joined", "attended", "participated", "had", "gathered", "told", "said")
	clauseEnds    = set("which", "who", "where", "while", "as", "amid", "amidst", "after", "because", "although", "though", "but", "since", "despite", "whereas", "when", "before", "following", "ahead")
	// meetTriggers is every word meetingAt acts on, checked first.
	// asideVerbs take someone aside for a word in private.
	asideVerbs   = set("pulled", "pulls", "pull", "pulling", "took", "takes", "take", "taking", "drew", "draws")
	meetTriggers = union(meetVerbs, inviteVerbs, asideVerbs, hostVerbs, holdVerbs, greetVerbs, joinVerbs, meetNouns, speakVerbs, phoneVerbs, callNouns, set("meeting", "sat", "sit", "sits", "sitting", "did", "joint", "took", "take", "takes", "taking"))
)

func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			out[k] = true
		}
	}
	return out
}

// findMeetings reads the meetings of the article: a trigger ("met",
// "is set to meet", "held talks", "hosted", "sat down with", "joint press
// conference") with its parties, place, time and status; sentences that
// refer back ("the meeting, which included …", "will also participate in
// the Friday talks", "hosted the discussions") add to an earlier meeting.
func (r *run) findMeetings() {
	for s := range r.d.sents {
		if r.d.heading(s) {
			continue
		}
		toks := r.d.tokens(s)
		for k := 0; k < len(toks); k++ {
			if toks[k].quote >= 0 || toks[k].kind != tWord {
				continue
			}
			if next := r.meetingAt(s, k); next > k {
				k = next - 1
			}
		}
	}
	r.findAttendance()
	r.mergeDrafts()
}

// meetingAt reads a meeting trigger at token k of sentence s; it returns
// the token after what it consumed, or k when there is no trigger.
func (r *run) meetingAt(s, k int) int {
	toks := r.d.tokens(s)
	t := &toks[k]
	if !meetTriggers[t.key] {
		return k
	}
	switch {
	case meetVerbs[t.key] || t.key == "meeting" && k > 0 && (verbGroup[toks[k-1].key] && toks[k-1].key != "the"):
		return r.explicitMeeting(s, k, k+1)
	case asideVerbs[t.key] && r.asideObject(s, k) > 0:
		// "pulled Wanjiru aside", "took aside the minister"
		return r.explicitMeeting(s, k, r.asideObject(s, k))
	case t.key == "sat" || t.key == "sit" || t.key == "sits" || t.key == "sitting":
		if k+2 < len(toks) && toks[k+1].key == "down" && toks[k+2].key == "with" {
			return r.explicitMeeting(s, k, k+2)
		}
		// "sat in on the session"
		if k+2 < len(toks) && toks[k+1].key == "in" && toks[k+2].key == "on" && len(r.meetings) > 0 {
			if n := r.meetNounAfter(toks, k+3); n > 0 {
				r.joinMeeting(s, k, n, r.subjects(s, k))
				return n + 1
			}
		}
	case t.key == "did" && k > 0 && toks[k-1].is("so", "too") && k <= 2 && len(r.meetings) > 0 && r.recentMeeting(s):
		// "So did India's External Affairs Minister S. Jaishankar.": the
		// sentence before joined a meeting, and so did they.
		obj := r.objects(s, k+1)
		if len(obj.persons) > 0 {
			m := r.meetings[len(r.meetings)-1]
			m.sents = append(m.sents, s)
			r.addParties(m, obj)
		}
		return max(obj.end, k+1)
	case holdVerbs[t.key]:
		if n := r.meetNounAfter(toks, k+1); n > 0 {
			return r.explicitMeeting(s, k, n+1)
		}
	case t.key == "joint" && k+2 < len(toks) && toks[k+1].is("press", "news") && toks[k+2].key == "conference":
		// "A and B held a joint press conference": the subjects of "held".
		at := k
		if at > 0 && toks[at-1].is("a", "the") {
			at--
		}
		if at > 0 && holdVerbs[toks[at-1].key] {
			at--
		} else {
			at = k
		}
		return r.explicitMeeting(s, at, k+3)
	case (hostVerbs[t.key] || greetVerbs[t.key]) && !whoseClause(toks, k):
		if n := r.meetNounAfter(toks, k+1); n > 0 {
			r.joinMeeting(s, k, n, r.subjects(s, k))
			return n + 1
		}
		if n := r.ceremonyAfter(toks, k+1); n > 0 && hostVerbs[t.key] {
			// "Modi hosted the announcement … with Biden and the crown
			// prince at his side": the host and those beside him.
			return r.hostedCeremony(s, k, n)
		}
		if r.personAt(s, k+1) || k+1 < len(toks) && toks[k+1].is("him", "her") || hostVerbs[t.key] && r.partyAt(s, k+1) {
			return r.explicitMeeting(s, k, k+1)
		}
	case joinVerbs[t.key] || t.is("took", "take", "takes", "taking") && k+1 < len(toks) && toks[k+1].key == "part":
		j := k + 1
		if toks[j-1].key != "part" && j < len(toks) && toks[j].key == "part" {
			j++
		}
		if j < len(toks) && toks[j].key == "in" {
			j++
		}
		if n := r.meetNounAfter(toks, j); n > 0 {
			// A summit or a conference is read by findAttendance; "did
			// not attend" joins nothing.
			if !eventNouns[toks[n].key] && !r.absentBefore(toks, k) {
				r.joinMeeting(s, k, n, r.subjects(s, k))
			}
			return n + 1
		}
		// "Meloni joined them later": the meeting of the sentence before;
		// "…, as did A, B and C": they too.
		if j < len(toks) && toks[j].key == "them" && len(r.meetings) > 0 && r.recentMeeting(s) {
			subj := r.subjects(s, k)
			next := j + 1
			if a := r.asDid(toks, next); a > 0 {
				obj := r.objects(s, a)
				subj.absorb(obj)
				next = max(next, obj.end)
			}
			r.joinMeeting(s, k, k, subj)
			return next
		}
		// "X is also expected to attend": the latest meeting.
		if len(r.meetings) > 0 && (j >= len(toks) || toks[j].kind == tPunct) && r.alsoBefore(toks, k) {
			r.joinMeeting(s, k, k, r.subjects(s, k))
			return j
		}
	case inviteVerbs[t.key]:
		return r.invitedMeeting(s, k)
	case meetNouns[t.key]:
		return r.nominalMeeting(s, k)
	case speakVerbs[t.key]:
		if w := r.withAfter(toks, k+1); w > 0 {
			return r.callOnly(s, k, func() int { return r.explicitMeeting(s, k, w) })
		}
	case phoneVerbs[t.key]:
		if r.personAt(s, k+1) {
			return r.callOnly(s, k, func() int { return r.explicitMeeting(s, k, k+1) })
		}
	case callNouns[t.key]:
		if k+1 < len(toks) && toks[k+1].is("with", "between") {
			return r.callOnly(s, k, func() int { return r.nominalMeeting(s, k) })
		}
	}
	return k
}

// whoseClause reports whether token k stands in a "whose" clause, whose
// subject is a thing owned ("Silva, whose country hosts COP30, …").
func whoseClause(toks []token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 6; j-- {
		if toks[j].key == "whose" {
			return true
		}
		if toks[j].kind == tPunct {
			return false
		}
	}
	return false
}

// asideObject returns where the person taken aside by the verb at k is
// named ("pulled Wanjiru aside", "took aside Wanjiru"), or -1.
func (r *run) asideObject(s, k int) int {
	toks := r.d.tokens(s)
	if k+1 < len(toks) && toks[k+1].key == "aside" {
		return k + 2
	}
	if m := r.mentionStartingAt(s, skipDeterminers(toks, k+1, r)); m != nil && m.kind == briefing.KindPerson && m.to < len(toks) && toks[m.to].key == "aside" {
		return k + 1
	}
	if k+2 < len(toks) && toks[k+1].is("him", "her") && toks[k+2].key == "aside" {
		return k + 1
	}
	return -1
}

// ceremonyNouns are occasions a host holds with others beside him.
var ceremonyNouns = set("announcement", "launch", "ceremony", "signing", "unveiling", "dinner", "reception",
	"lunch", "luncheon", "breakfast", "banquet", "event")

// ceremonyAfter returns the index of a ceremony noun among the few words
// after k ("hosted the signing ceremony"), or -1.
func (r *run) ceremonyAfter(toks []token, k int) int {
	for j := k; j < len(toks) && j < k+4; j++ {
		t := &toks[j]
		if ceremonyNouns[t.key] && !(j+1 < len(toks) && ceremonyNouns[toks[j+1].key]) {
			return j
		}
		if t.kind != tWord || t.quote >= 0 || !r.x.words.determiners[t.key] && r.x.words.function[t.key] {
			return -1
		}
	}
	return -1
}

// hostedCeremony reads a ceremony noun at n hosted by the subjects of the
// verb at k: the guests are the "with" list later in the clause ("with A
// and B at his side"). Without guests, nothing is read.
func (r *run) hostedCeremony(s, k, n int) int {
	toks := r.d.tokens(s)
	for j := n + 1; j < len(toks) && j < n+16; j++ {
		t := &toks[j]
		if t.quote >= 0 || t.text == ";" || t.text == "." || clauseEnds[t.key] {
			break
		}
		if t.key != "with" {
			continue
		}
		obj := r.objects(s, j)
		if len(obj.persons) == 0 {
			break
		}
		return r.explicitMeeting(s, k, j)
	}
	return n + 1
}

// asDid finds ", as did" at k ("joined them on the stage, as did A and
// B") a few words on, and returns the token after "did", or -1.
func (r *run) asDid(toks []token, k int) int {
	for j := k; j+2 < len(toks) && j < k+8; j++ {
		if toks[j].quote >= 0 || toks[j].text == "." || toks[j].text == ";" {
			return -1
		}
		if toks[j].text == "," && toks[j+1].key == "as" && toks[j+2].is("did", "do", "does") {
			return j + 3
		}
	}
	return -1
}

// isCallNoun: "call" at j is a phone or video call ("a phone call", "a
// call with"), not an appeal ("calls for a ceasefire").
func isCallNoun(toks []token, j int) bool {
	return j > 0 && callWords[toks[j-1].key] || j+1 < len(toks) && toks[j+1].is("with", "between")
}

// withAfter finds the "with" of "spoke with", "spoke by phone with",
// "talked on the phone with" among the few words after k, or -1.
func (r *run) withAfter(toks []token, k int) int {
	for j := k; j < len(toks) && j < k+5; j++ {
		switch {
		case toks[j].key == "with":
			return j
		case toks[j].kind != tWord || toks[j].quote >= 0 || toks[j].cap:
			return -1
		}
	}
	return -1
}

// callOnly runs build, which may add a meeting read from a conversation
// word at token k, and keeps what it added only as a phone or video call:
// a phoned person is always a call; "spoke with" or "a conversation
// with" only with phone or video words near.
func (r *run) callOnly(s, k int, build func() int) int {
	n := len(r.meetings)
	next := build()
	if len(r.meetings) == n {
		return next
	}
	m := r.meetings[len(r.meetings)-1]
	if phoneVerbs[r.d.tokens(s)[k].key] || r.isCall(r.d.tokens(s), k-3, next) {
		m.kind = briefing.Call
		return next
	}
	r.meetings = r.meetings[:n]
	return k + 1
}

// recentMeeting reports whether the latest meeting was read in sentence s
// or the one before it.
func (r *run) recentMeeting(s int) bool {
	m := r.meetings[len(r.meetings)-1]
	last := m.sents[len(m.sents)-1]
	return last == s || last == s-1
}

// alsoBefore reports whether "also" stands in the verb group before k
// ("is also expected to attend").
func (r *run) alsoBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 5; j-- {
		if toks[j].key == "also" {
			return true
		}
		if !verbGroup[toks[j].key] {
			return false
		}
	}
	return false
}

// meetNounAfter returns the index of a meeting noun among the few words
// after k ("held talks", "hosted the high-level discussions", "the Friday
// talks"), or -1.
func (r *run) meetNounAfter(toks []token, k int) int {
	for j := k; j < len(toks) && j < k+5; j++ {
		t := &toks[j]
		if meetNouns[t.key] || callNouns[t.key] && isCallNoun(toks, j) {
			return j
		}
		if t.kind != tWord || t.quote >= 0 {
			return -1
		}
		if r.x.words.determiners[t.key] || t.key == "talks" || !t.cap && !r.x.words.function[t.key] || r.x.isCalendarWord(t) {
			continue
		}
		return -1
	}
	return -1
}

// explicitMeeting builds a new meeting from a trigger spanning tokens
// [k, objFrom) and its subjects and objects.
func (r *run) explicitMeeting(s, k, objFrom int) int {
	toks := r.d.tokens(s)
	m := &meetingDraft{kind: briefing.InPerson, place: -1, sents: []int{s}}
	subj := r.subjects(s, k)
	m.persons, m.parties = subj.persons, subj.parties
	obj := r.objects(s, objFrom)
	m.persons = append(m.persons, obj.persons...)
	m.parties = append(m.parties, obj.parties...)
	m.groups = append(subj.groups, obj.groups...)
	m.place = r.meetingPlace(s, k, obj.end, subj)
	r.meetingTime(m, s, k, obj.end)
	m.status = r.meetingStatus(toks, k, subj.from, obj.end)
	if r.isCall(toks, subj.from, obj.end) {
		m.kind = briefing.Call
	}
	r.meetings = append(r.meetings, m)
	return max(obj.end, k+1)
}

// nominalMeeting reads a meeting noun: "Blinken's forthcoming meeting with
// Netanyahu", "a meeting between A and B", or a reference back to an
// earlier meeting ("The meeting, which included …", "the upcoming meeting
// in Doha").
func (r *run) nominalMeeting(s, k int) int {
	toks := r.d.tokens(s)
	// The words before the noun: a determiner, adjectives, an owner.
	j := k - 1
	var owner []int
	definite := false
	for ; j >= 0 && k-j <= 5; j-- {
		t := &toks[j]
		if t.quote >= 0 {
			break
		}
		if t.is("the", "this", "that", "these", "those") {
			definite = true
			break
		}
		if t.is("a", "an") {
			break
		}
		if t.poss {
			if e := r.personEndingAt(s, j+1); e >= 0 {
				owner = append(owner, e)
			}
			break
		}
		if t.kind != tWord || r.x.words.prepositions[t.key] || verbGroup[t.key] && !plannedWords[t.key] {
			break
		}
	}
	next := k + 1
	switch {
	case next < len(toks) && (toks[next].key == "with" || toks[next].key == "between"):
		obj := r.objects(s, next)
		if len(owner) == 0 && len(obj.persons)+len(obj.parties) == 0 {
			return k + 1
		}
		if len(owner) == 0 && toks[next].key == "with" {
			owner = r.subjects(s, r.verbBefore(toks, k)).persons
		}
		m := &meetingDraft{kind: briefing.InPerson, place: -1, sents: []int{s}}
		m.persons = append(owner, obj.persons...)
		m.parties, m.groups = obj.parties, obj.groups
		m.place = r.meetingPlace(s, k, obj.end, newGroup(max(j, 0)))
		r.meetingTime(m, s, k, obj.end)
		m.status = r.meetingStatus(toks, k, max(j, 0), obj.end)
		if r.isCall(toks, max(j, 0), obj.end) {
			m.kind = briefing.Call
		}
		r.meetings = append(r.meetings, m)
		return max(obj.end, k+1)
	case definite && r.passiveBy(toks, next) > 0:
		// "The round was led by A and B, with C and D": its participants.
		i := r.passiveBy(toks, next)
		obj := r.objects(s, i)
		end := obj.end
		if end < len(toks) && toks[end].text == "," {
			end++
		}
		if end+1 < len(toks) && toks[end].key == "with" {
			more := r.objects(s, end)
			obj.absorb(more)
			end = max(end, more.end)
		}
		var m *meetingDraft
		if len(r.meetings) > 0 {
			m = r.referredMeeting(toks, j, k)
		} else {
			m = &meetingDraft{kind: briefing.InPerson, place: r.storyCity(s), status: briefing.Held}
			r.meetings = append(r.meetings, m)
		}
		m.sents = append(m.sents, s)
		r.addParties(m, obj)
		return max(end, next)
	case definite && len(r.meetings) > 0:
		m := r.referredMeeting(toks, j, k)
		m.sents = append(m.sents, s)
		// "The meeting, which included A, B and C" / "involving discussions with …"
		i := next
		for i < len(toks) && i < next+4 && (toks[i].text == "," || toks[i].is("which", "that", "also", "was", "were")) {
			i++
		}
		if i < len(toks) && includeWords[toks[i].key] {
			i++
			if i < len(toks) && toks[i].key == "by" {
				i++
			}
			if i < len(toks) && toks[i].key == "discussions" && i+1 < len(toks) && toks[i+1].key == "with" {
				i += 2
			}
			obj := r.objects(s, i)
			r.addParties(m, obj)
			next = max(next, obj.end)
		}
		if m.place < 0 {
			m.place = r.placeAfter(s, k+1, len(toks))
		}
		return next
	}
	return k + 1
}

// passiveBy reads "was led by", "were chaired by", "was attended by" at
// k and returns the token after "by", or -1.
func (r *run) passiveBy(toks []token, k int) int {
	if k+2 < len(toks) && toks[k].is("was", "were", "is", "are") && toks[k+1].is("led", "chaired", "attended", "hosted", "joined", "headed") && toks[k+2].key == "by" {
		return k + 3
	}
	return -1
}

// referredMeeting picks the earlier meeting a definite description refers
// to: one on the weekday it names ("the Friday talks"), else the latest.
func (r *run) referredMeeting(toks []token, from, k int) *meetingDraft {
	for j := max(from, 0); j < k; j++ {
		if wd, ok := r.x.words.weekdays[toks[j].key]; ok {
			for i := len(r.meetings) - 1; i >= 0; i-- {
				if w := r.meetings[i].when; w != nil && w.weekday == wd {
					return r.meetings[i]
				}
			}
		}
	}
	for i := len(r.meetings) - 1; i >= 0; i-- {
		if r.meetings[i].kind == briefing.InPerson {
			return r.meetings[i]
		}
	}
	return r.meetings[len(r.meetings)-1]
}

// joinMeeting adds the subjects of a joining or hosting verb at k to the
// meeting the noun at n refers to ("X and Y will also participate in the
// Friday talks", "Egypt … hosted the high-level discussions"); with no
// earlier meeting it starts one.
func (r *run) joinMeeting(s, k, n int, subj group) {
	toks := r.d.tokens(s)
	if len(subj.persons)+len(subj.parties) == 0 {
		return
	}
	var m *meetingDraft
	if len(r.meetings) > 0 {
		m = r.referredMeeting(toks, k+1, n)
	} else {
		m = &meetingDraft{kind: briefing.InPerson, place: -1, status: r.meetingStatus(toks, k, subj.from, n)}
		if hostVerbs[toks[k].key] {
			// "Babayev hosted the pre-COP meeting": a gathering others
			// attend, where the article is set unless it says otherwise.
			m.event = toks[n].key
			if m.place = r.placeAfter(s, n+1, len(toks)); m.place < 0 {
				m.place = r.storyCity(len(r.d.sents) - 1)
			}
		}
		r.meetings = append(r.meetings, m)
	}
	m.sents = append(m.sents, s)
	r.addParties(m, subj)
	if m.place < 0 {
		m.place = r.placeAfter(s, n+1, len(toks))
	}
	if m.when == nil {
		r.meetingTime(m, s, k, len(toks))
	}
}

func (r *run) addParties(m *meetingDraft, g group) {
	m.persons = append(m.persons, g.persons...)
	m.parties = append(m.parties, g.parties...)
	m.groups = append(m.groups, g.groups...)
}

// group is a list of parties found around a trigger.
type group struct {
	persons, parties []int
	groups           []string
	from, end        int // tokens covered
	travelPlace      int // "head to Washington to meet": the place travelled to, or -1
}

func newGroup(at int) group { return group{from: at, end: at, travelPlace: -1} }

// absorb adds the people and parties of o ("…, as did A and B").
func (g *group) absorb(o group) {
	g.persons = append(g.persons, o.persons...)
	g.parties = append(g.parties, o.parties...)
}

// subjects collects the parties before a trigger at k: past the verb group
// ("is set to", "are expected to head to Washington to"), a list of names
// joined by commas and "and", possibly "officials from A, B and C", or a
// pronoun.
func (r *run) subjects(s, k int) group {
	toks := r.d.tokens(s)
	g := newGroup(k)
	j := k - 1
	for j >= 0 {
		t := &toks[j]
		if t.quote >= 0 {
			break
		}
		if verbGroup[t.key] || r.x.words.adverbs[t.key] {
			j--
			continue
		}
		// "to Washington to meet"
		if m := r.mentionEndingAt(s, j+1); m != nil && m.kind == briefing.KindPlace && m.roleFrom > 0 && toks[m.roleFrom-1].key == "to" {
			g.travelPlace = r.resolve(m.entity)
			j = m.roleFrom - 2
			continue
		}
		break
	}
	sawAnd := false
	for j >= 0 {
		for j >= 0 && toks[j].is("the") {
			j--
		}
		if j > 0 && toks[j].text == "." && abbreviations[toks[j-1].key] {
			j-- // "Hale Jr. and …"
		}
		if j < 0 {
			break
		}
		if from, people := r.pluralSubject(s, j); len(people) > 0 {
			// "They met …", "the two leaders spoke …": the people before
			// (reversed: the list is restored to reading order below).
			slices.Reverse(people)
			g.persons = append(g.persons, people...)
			g.from = from
			break
		}
		if p, ok := r.x.words.pronouns[toks[j].key]; ok && !p.plural && toks[j].quote < 0 && toks[j].is("he", "she") {
			if e := r.resolvePronoun(s, j); e >= 0 {
				g.persons = append(g.persons, e)
			}
			g.from = j
			break
		}
		m := r.mentionEndingAt(s, j+1)
		if m == nil {
			m = r.mentionBeforeParenthetical(s, j)
		}
		if m == nil {
			// "A and his father, B, sat down with …": B, then on to "and".
			a, and := r.relationApposition(s, j)
			if a != nil && and >= 0 && r.addPartyMention(&g, a) {
				g.from, j, sawAnd = a.roleFrom, and-1, true
				if j >= 0 && toks[j].text == "," {
					j--
				}
				continue
			}
			// "the emir, Sheikh Tamim, hosted …": the name set off by commas.
			if a != nil && r.addPartyMention(&g, a) {
				g.from = a.roleFrom
				break
			}
		}
		if m == nil {
			// "The minister is expected to travel …": a role description.
			if e := r.roleRefAt(s, -1, j+1); e >= 0 {
				g.persons = append(g.persons, e)
				g.from = j
			}
			break
		}
		if m.inQuote || m.poss {
			break
		}
		if !r.addPartyMention(&g, m) {
			break
		}
		g.from = m.roleFrom
		j = m.roleFrom - 1
		for j >= 0 && toks[j].is("the") {
			j--
		}
		// A list: "A, B and C" — walking back, "and" comes first.
		switch {
		case j >= 0 && toks[j].key == "and":
			sawAnd = true
			j--
			if j >= 0 && toks[j].text == "," {
				j--
			}
			continue
		case j >= 0 && toks[j].text == "," && sawAnd:
			j--
			continue
		}
		break
	}
	slices.Reverse(g.persons) // collected walking back: restore reading order
	slices.Reverse(g.parties)
	if len(g.persons)+len(g.parties) == 0 {
		// "… told reporters during a joint press conference with …": the
		// sentence's subject.
		if e := r.subjectBeforeTrigger(s, k); e >= 0 {
			g.persons = append(g.persons, e)
		}
	}
	return g
}

// countWords are the numbers of "the two leaders", "the three men".
var countWords = set("two", "three", "four", "five", "both")

// pluralSubject reads a plural subject ending at token j — "they", "the
// two leaders", "both men" — and returns where it starts and the people it
// stands for: those of a meeting read in this sentence or the one before,
// else the people the sentence before names (at least two); none
// otherwise.
func (r *run) pluralSubject(s, j int) (int, []int) {
	toks := r.d.tokens(s)
	if j < 0 || toks[j].quote >= 0 {
		return j, nil
	}
	from := j
	switch {
	case toks[j].key == "they":
	case j > 0 && toks[j].is("leaders", "men", "women", "ministers", "officials", "envoys", "sides", "pair", "negotiators", "presidents", "mediators") && countWords[toks[j-1].key]:
		from = j - 1
		if from > 0 && toks[from-1].key == "the" {
			from--
		}
	case toks[j].key == "pair" && j > 0 && toks[j-1].key == "the":
		from = j - 1
	default:
		return j, nil
	}
	if len(r.meetings) > 0 && r.recentMeeting(s) {
		if m := r.meetings[len(r.meetings)-1]; len(m.persons) >= 2 {
			return from, slices.Clone(m.persons)
		}
	}
	if s == 0 || r.d.heading(s-1) {
		return j, nil
	}
	var people []int
	for _, m := range r.mentions[s-1] {
		if m.kind == briefing.KindPerson && !m.inQuote {
			if e := r.resolve(m.entity); !slices.Contains(people, e) {
				people = append(people, e)
			}
		}
	}
	if len(people) < 2 {
		return j, nil
	}
	return from, people
}

// mentionBeforeParenthetical finds a name followed by a parenthetical set
// off by commas that ends at token j ("Egypt, a key player in regional
// diplomacy, hosted …").
func (r *run) mentionBeforeParenthetical(s, j int) *mention {
	toks := r.d.tokens(s)
	i := openingComma(toks, j)
	if i < 0 || !toks[i+1].is("a", "an", "the", "who", "whose") && !r.isRoleHead(&toks[i+1]) {
		return nil
	}
	return r.mentionEndingAt(s, i)
}

// openingComma returns the comma that opens a parenthetical closed by the
// comma at j (within 24 words, no quotation between), or -1.
func openingComma(toks []token, j int) int {
	if j < 0 || toks[j].text != "," {
		return -1
	}
	for i := j - 1; i > 0 && j-i < 25; i-- {
		if toks[i].quote >= 0 || toks[i].kind == tQuote {
			return -1
		}
		if toks[i].text == "," {
			return i
		}
	}
	return -1
}

// relationApposition reads "and his father, Robert Hale Sr.," or "the
// emir, Sheikh Tamim," ending at token j (the closing comma): the named
// person and the index of the "and" before the relation (-1 without one),
// or nil.
func (r *run) relationApposition(s, j int) (*mention, int) {
	toks := r.d.tokens(s)
	if j < 1 || toks[j].text != "," {
		return nil, 0
	}
	end := j
	if toks[end-1].text == "." && end > 1 && abbreviations[toks[end-2].key] {
		end--
	}
	m := r.mentionEndingAt(s, end)
	if m == nil || m.kind != briefing.KindPerson || m.roleFrom < 2 || toks[m.roleFrom-1].text != "," {
		return nil, 0
	}
	// A short relation: "his father", "her deputy", "the company's
	// founder"; after "and" the list goes on, otherwise the relation opens
	// the subject ("the emir, Sheikh Tamim,").
	for i := m.roleFrom - 2; i >= 0 && m.roleFrom-2-i < 4; i-- {
		t := &toks[i]
		switch {
		case t.key == "and" && i < m.roleFrom-2:
			return m, i
		case i > 0 && toks[i-1].key == "and":
			continue
		case t.is("the", "his", "her", "their", "its") || i == 0 || toks[i-1].kind != tWord:
			if r.isRoleHead(&toks[m.roleFrom-2]) {
				return m, -1
			}
			return nil, 0
		case t.kind != tWord || t.cap && !r.isDemonym(t) || t.quote >= 0:
			return nil, 0
		}
	}
	return nil, 0
}

// subjectBeforeTrigger returns the first person named (or described by
// role, "The minister …") as a subject before token k of sentence s, or
// -1.
func (r *run) subjectBeforeTrigger(s, k int) int {
	for _, rr := range r.roleRefs[s] {
		if rr.from == 0 && rr.to <= k && rr.entity >= 0 {
			return rr.entity
		}
	}
	for _, m := range r.mentions[s] {
		if m.from >= k {
			break
		}
		if m.kind == briefing.KindPerson && !m.object && !m.inQuote && !m.poss {
			return r.resolve(m.entity)
		}
	}
	return -1
}

// objects collects the parties after a trigger, starting at k: "with A,
// B, and C", "between A and B", a direct object, or nationalities with a
// group noun ("with American, Qatari, and Egyptian intelligence leaders").
func (r *run) objects(s, k int) group {
	toks := r.d.tokens(s)
	g := newGroup(k)
	j := r.skipAdjuncts(s, k)
	if j < len(toks) && toks[j].is("with", "between", "by") {
		j++
	}
	for j < len(toks) {
		for j < len(toks) && r.x.words.determiners[toks[j].key] && toks[j].key != "no" {
			j++
		}
		if j >= len(toks) || toks[j].quote >= 0 {
			break
		}
		if m := r.describedMention(s, j); m != nil {
			j = m.roleFrom // "the eastern commander Khalifa Haftar"
		}
		if m, end := r.ownedRoleApposition(s, j); m != nil {
			// "Corvane's lead lawyer, Rebecca Sloane,"
			g.persons = append(g.persons, r.resolve(m.entity))
			j, g.end = end, end
			if j < len(toks) && toks[j].text == "," && j+1 < len(toks) && toks[j+1].key == "and" {
				j++
			}
			if j < len(toks) && toks[j].key == "and" && r.mentionStartingAt(s, skipDeterminers(toks, j+1, r)) != nil {
				j++
				continue
			}
			break
		}
		if toks[j].is("him", "her") {
			if e := r.resolvePronoun(s, j); e >= 0 {
				g.persons = append(g.persons, e)
			}
			j++
			g.end = j
		} else if m := r.mentionStartingAt(s, j); m != nil && !m.poss {
			if !r.addPartyMention(&g, m) {
				break
			}
			j = m.to
			if _, end := r.apposition(s, toks, m.to); end > m.to {
				j = end
			}
			g.end = j
		} else if end, names := r.nationalGroups(toks, j); end > j {
			g.groups = append(g.groups, names...)
			j = end
			g.end = j
		} else {
			break
		}
		// A list goes on after "," or "and" (past the period of "Jr.").
		if j < len(toks) && toks[j].text == "." && j > 0 && abbreviations[toks[j-1].key] {
			j++
		}
		i := j
		if i < len(toks) && toks[i].text == "," {
			i++
		}
		if i < len(toks) && toks[i].key == "and" {
			i++
		}
		if i == j || i >= len(toks) {
			break
		}
		next := skipDeterminers(toks, i, r)
		if owned, _ := r.ownedRoleApposition(s, next); owned == nil && r.describedMention(s, next) == nil && r.mentionStartingAt(s, next) == nil && !toks[i].is("him", "her") {
			if end, _ := r.nationalGroups(toks, i); end == i {
				break
			}
		}
		j = i
	}
	return g
}

// skipAdjuncts skips, from token k, the place and time phrases that may
// stand between a meeting word and its "with" ("held talks in Tripoli on
// Tuesday with …"); it returns k unless a "with" follows them.
func (r *run) skipAdjuncts(s, k int) int {
	toks := r.d.tokens(s)
	exprs := r.sentenceTimes(s)
	j := k
	for j < len(toks) && j < k+12 {
		if toks[j].is("with", "between") {
			if j == k {
				return k
			}
			return j
		}
		moved := false
		for _, e := range exprs {
			if e.from == j && e.to > j {
				j, moved = e.to, true
				break
			}
		}
		if moved {
			continue
		}
		if toks[j].is("in", "at", "outside", "near") {
			i := skipDeterminers(toks, j+1, r)
			if m := r.mentionStartingAt(s, i); m != nil && m.kind == briefing.KindPlace {
				j = m.to
				if j < len(toks) && toks[j].text == "," && j+1 < len(toks) && toks[j+1].cap {
					j++ // "in Wiesbaden, Germany"
				}
				continue
			}
		}
		if r.x.words.adverbs[toks[j].key] || toks[j].is("later", "again", "privately", "separately", "briefly") {
			j++
			continue
		}
		break
	}
	return k
}

// ownedRoleApposition reads "Ukraine's president, Volodymyr Zelenskyy,"
// or "his deputy, X," opening at k: the person named after the owned role
// and the token after the name (past its closing comma), or nil.
func (r *run) ownedRoleApposition(s, k int) (*mention, int) {
	toks := r.d.tokens(s)
	j := k
	switch m := r.mentionStartingAt(s, k); {
	case m != nil && m.poss:
		j = m.to
	case m == nil && k < len(toks) && toks[k].is("his", "her", "their", "its"):
		j = k + 1
	case m == nil && k < len(toks) && toks[k].cap && toks[k].poss:
		j = k + 1 // "Corvane's", a name the article does not otherwise place
	default:
		return nil, k
	}
	if j < len(toks) && toks[j].kind == tPunct && toks[j].text != "," {
		j++ // the "'s" token, when split off
	}
	head := false
	for i := j; i < len(toks) && i < j+5; i++ {
		t := &toks[i]
		if t.text == "," {
			if !head {
				return nil, k
			}
			m := r.mentionStartingAt(s, i+1)
			if m == nil || m.kind != briefing.KindPerson || m.poss {
				return nil, k
			}
			end := m.to
			if end < len(toks) && toks[end].text == "," {
				end++
			}
			return m, end
		}
		if t.kind != tWord || t.quote >= 0 || t.cap && !r.isRoleHead(t) && !r.isDemonym(t) {
			return nil, k
		}
		head = head || r.isRoleHead(t)
	}
	return nil, k
}

// describedMention finds a person named after a lower-case description
// that opens at k: "the eastern commander Khalifa Haftar", "the veteran
// negotiator X"; nil when a mention starts at k or none follows.
func (r *run) describedMention(s, k int) *mention {
	if r.mentionStartingAt(s, k) != nil {
		return nil
	}
	toks := r.d.tokens(s)
	for j := k; j < len(toks) && j < k+3; j++ {
		t := &toks[j]
		if t.kind != tWord || t.quote >= 0 || t.cap || r.x.words.function[t.key] || r.x.words.prepositions[t.key] {
			return nil
		}
		if m := r.mentionStartingAt(s, j+1); m != nil {
			if m.kind == briefing.KindPerson && m.roleFrom < m.from {
				return m
			}
			return nil
		}
	}
	return nil
}

func skipDeterminers(toks []token, i int, r *run) int {
	for i < len(toks) && r.x.words.determiners[toks[i].key] {
		i++
	}
	return i
}

// addPartyMention adds a person, an organisation or a country to a group;
// it reports false for anything else (a city is a place, not a party).
func (r *run) addPartyMention(g *group, m *mention) bool {
	e := r.resolve(m.entity)
	switch m.kind {
	case briefing.KindPerson:
		g.persons = append(g.persons, e)
	case briefing.KindOrganization:
		g.parties = append(g.parties, e)
	case briefing.KindPlace:
		if !r.x.lex.IsCountry(fold.Key(r.ents[e].display)) {
			return false
		}
		g.parties = append(g.parties, e)
	default:
		return false
	}
	return true
}

// nationalGroups reads "American, Qatari, and Egyptian intelligence
// leaders" at k into one group name per nationality.
func (r *run) nationalGroups(toks []token, k int) (int, []string) {
	var dems []string
	j := k
	for j < len(toks) {
		if !capWord(&toks[j]) || !r.isDemonym(&toks[j]) {
			break
		}
		dems = append(dems, toks[j].text)
		j++
		if j < len(toks) && toks[j].text == "," {
			j++
		}
		if j < len(toks) && toks[j].key == "and" {
			j++
		}
	}
	if len(dems) == 0 {
		return k, nil
	}
	// Back up over a trailing "," / "and" left by the loop.
	end := j
	for end > k && (toks[end-1].text == "," || toks[end-1].key == "and") {
		end--
	}
	var tail []string
	i := end
	for ; i < len(toks) && i < end+3; i++ {
		t := &toks[i]
		if t.kind != tWord || t.cap && !r.x.words.roleMods[t.key] {
			break
		}
		tail = append(tail, t.text)
		if r.x.words.groupNouns[t.key] && !(i+1 < len(toks) && r.x.words.groupNouns[toks[i+1].key]) {
			i++
			out := make([]string, len(dems))
			for d := range dems {
				out[d] = dems[d] + " " + strings.Join(tail, " ")
			}
			return i, out
		}
	}
	return k, nil
}

// mentionEndingAt returns the mention whose name (or apposition) ends at
// token end of sentence s.
func (r *run) mentionEndingAt(s, end int) *mention {
	toks := r.d.tokens(s)
	for i := range r.mentions[s] {
		m := &r.mentions[s][i]
		if m.to == end {
			return m
		}
		if m.kind == briefing.KindPerson {
			if _, e := r.apposition(s, toks, m.to); e > m.to && (e == end || e+1 == end && toks[e].text == ",") {
				return m
			}
		}
	}
	return nil
}

// mentionStartingAt returns the mention whose title or name starts at k;
// of overlapping ones ("CIA" inside "CIA director William Burns") the
// longest.
func (r *run) mentionStartingAt(s, k int) *mention {
	var best *mention
	for i := range r.mentions[s] {
		m := &r.mentions[s][i]
		if (m.roleFrom == k || m.from == k) && (best == nil || m.to > best.to) {
			best = m
		}
	}
	return best
}

// personEndingAt returns the person whose name ends at token end, or -1.
func (r *run) personEndingAt(s, end int) int {
	if m := r.mentionEndingAt(s, end); m != nil && m.kind == briefing.KindPerson {
		return r.resolve(m.entity)
	}
	return -1
}

func (r *run) personAt(s, k int) bool {
	k = skipDeterminers(r.d.tokens(s), k, r)
	m := r.mentionStartingAt(s, k)
	return m != nil && m.kind == briefing.KindPerson
}

func (r *run) partyAt(s, k int) bool {
	m := r.mentionStartingAt(s, skipDeterminers(r.d.tokens(s), k, r))
	return m != nil && m.kind == briefing.KindOrganization
}

// verbBefore returns the index of the verb that governs a noun at k ("had
// talks with"): the token before the noun's modifiers.
func (r *run) verbBefore(toks []token, k int) int {
	j := k - 1
	for j >= 0 && toks[j].kind == tWord && !holdVerbs[toks[j].key] && k-j < 4 {
		j--
	}
	if j >= 0 && holdVerbs[toks[j].key] {
		return j
	}
	return k
}

// meetingPlace is where a meeting is: "in/at PLACE" after the trigger in
// its clause, else the place travelled to ("head to Washington to meet"),
// else "in PLACE" before it in the sentence ("while he was in Saudi Arabia,
// he met …"), else a place naming the meeting ("the Doha talks").
func (r *run) meetingPlace(s, k, objEnd int, subj group) int {
	toks := r.d.tokens(s)
	if p := r.placeAfter(s, k+1, len(toks)); p >= 0 {
		return p
	}
	if subj.travelPlace >= 0 {
		return subj.travelPlace
	}
	if p := r.wherePlace(s, k); p >= 0 {
		return p
	}
	for i := len(r.mentions[s]) - 1; i >= 0; i-- {
		m := &r.mentions[s][i]
		if m.kind != briefing.KindPlace || m.inQuote || m.to > subj.from || m.roleFrom == 0 || r.inRelativeClause(s, m.roleFrom) {
			continue
		}
		if toks[m.roleFrom-1].is("in", "at") {
			return r.resolve(m.entity)
		}
	}
	if m := r.mentionEndingAt(s, k); m != nil && m.kind == briefing.KindPlace {
		return r.resolve(m.entity)
	}
	return -1
}

// wherePlace returns the place a ", where" clause holding token k hangs
// on ("travelled to Dubai, where he held talks with …"), or -1.
func (r *run) wherePlace(s, k int) int {
	toks := r.d.tokens(s)
	for j := k - 1; j > 1; j-- {
		if toks[j].quote >= 0 || toks[j].text == ";" {
			return -1
		}
		if toks[j].key == "where" && toks[j-1].text == "," {
			if m := r.mentionEndingAt(s, j-1); m != nil && m.kind == briefing.KindPlace {
				return r.resolve(m.entity)
			}
			return -1
		}
	}
	return -1
}

// placeAfter returns the first "in/at PLACE" from token k on, before the
// clause ends.
func (r *run) placeAfter(s, k, limit int) int {
	toks := r.d.tokens(s)
	for j := k; j < len(toks) && j < limit; j++ {
		t := &toks[j]
		if t.quote >= 0 || t.text == ";" || t.text == "." || clauseEnds[t.key] || t.text == "," && j+1 < len(toks) && clauseEnds[toks[j+1].key] {
			return -1
		}
		if t.key == "to" && j+1 < len(toks) && !toks[j+1].cap && !r.x.words.determiners[toks[j+1].key] {
			return -1 // "to discuss …": a purpose clause
		}
		if !t.is("in", "at", "outside", "near") {
			continue
		}
		i := skipDeterminers(toks, j+1, r)
		if m := r.mentionStartingAt(s, i); m != nil && m.kind == briefing.KindPlace {
			return r.resolve(m.entity)
		}
	}
	return -1
}

// meetingTime sets a meeting's time from the time phrases of sentence s:
// the first after the trigger in its clause, else the first in the
// sentence.
func (r *run) meetingTime(m *meetingDraft, s, k, objEnd int) {
	exprs := r.sentenceTimes(s)
	var pick, before *timeExpr
	for i := range exprs {
		if exprs[i].from >= k {
			pick = &exprs[i]
			break
		}
		before = &exprs[i]
	}
	// "On Nov. 9 he held talks with X, and he is set to meet Y on
	// Tuesday": a phrase past the clause belongs to the next one.
	if pick != nil && before != nil && r.clauseBreak(s, max(k, objEnd), pick.from) {
		pick = before
	}
	for i := 0; pick == nil && i < len(exprs); i++ {
		if !r.inRelativeClause(s, exprs[i].from) {
			pick = &exprs[i]
		}
	}
	if pick == nil {
		return
	}
	m.when = pick
	m.whenTxt = r.d.spanText(s, pick.from, pick.to)
}

// inRelativeClause reports whether token k stands in a relative clause
// ("the minister who will preside over COP29 next month").
func (r *run) inRelativeClause(s, k int) bool {
	toks := r.d.tokens(s)
	for j := k - 1; j > 0; j-- {
		if toks[j].text == "," || toks[j].quote >= 0 {
			return false
		}
		if toks[j].is("who", "whose", "which", "where") {
			return true
		}
	}
	return false
}

// clauseBreak reports whether a new clause starts between tokens from and
// to of sentence s: a semicolon, a relative or subordinating word, or a
// comma before "and" or "but".
func (r *run) clauseBreak(s, from, to int) bool {
	toks := r.d.tokens(s)
	for j := from; j < to && j < len(toks); j++ {
		t := &toks[j]
		if t.text == ";" || clauseEnds[t.key] || t.text == "," && j+1 < len(toks) && toks[j+1].is("and", "but") {
			return true
		}
	}
	return false
}

// meetingStatus reads whether a meeting was held, is planned or was
// called off from the words around its trigger at k (subject from).
func (r *run) meetingStatus(toks []token, k, from, objEnd int) briefing.MeetingStatus {
	limit := max(k+8, objEnd+10)
	for j := objEnd; j < len(toks) && j < limit; j++ {
		if toks[j].text == "," || toks[j].text == ";" || clauseEnds[toks[j].key] {
			limit = j // the clause ends
			break
		}
	}
	limit = max(limit, k+8, objEnd+6)
	for j := objEnd; j < len(toks); j++ {
		if toks[j].key == "but" && toks[j].quote < 0 {
			// "had been due to meet X on Thursday, but that meeting has
			// been postponed"
			limit = max(limit, j+8)
			break
		}
	}
	for j := max(0, from-3); j < len(toks) && j < limit; j++ {
		t := &toks[j]
		next := ""
		if j+1 < len(toks) {
			next = toks[j+1].key
		}
		if canceledWords[t.key] || t.is("called", "broke") && next == "off" || t.is("pulled", "walked", "backed") && next == "out" || t.is("withdrew", "withdrawn", "withdraws") && next == "from" {
			return briefing.Canceled
		}
	}
	for j := k - 1; j >= 0 && j >= from-1 && k-j <= 8; j-- {
		t := &toks[j]
		if t.text == "," {
			break // "X, who will preside over COP29, hosted …"
		}
		if plannedWords[t.key] && t.key != "next" {
			return briefing.Planned
		}
		if pastMeetVerbs[t.key] {
			return briefing.Held
		}
	}
	if pastMeetVerbs[toks[k].key] {
		return briefing.Held
	}
	for j := k + 1; j < len(toks) && j < k+12; j++ {
		if toks[j].is("tomorrow", "next") || toks[j].key == "later" && j+1 < len(toks) && toks[j+1].is("this", "today") {
			return briefing.Planned
		}
	}
	return briefing.Held
}

// isCall reports whether a meeting is a phone or video call.
func (r *run) isCall(toks []token, from, to int) bool {
	for j := max(0, from); j < len(toks) && j < to+4; j++ {
		if callWords[toks[j].key] {
			return true
		}
	}
	return false
}

// mergeDrafts merges meetings of the article that are one: the same
// kind, two shared people or the same parties, and no conflicting place.
func (r *run) mergeDrafts() {
	for i := 0; i < len(r.meetings); i++ {
		a := r.meetings[i]
		for j := i + 1; j < len(r.meetings); j++ {
			b := r.meetings[j]
			if a.kind != b.kind || a.event != b.event || a.eventName != b.eventName || a.invitation || b.invitation || !r.samePlace(a.place, b.place) {
				continue
			}
			if r.shared(a.persons, b.persons) < 2 && !elaborates(a, b) || conflicting(a.status, b.status) || differentTimes(a.when, b.when) {
				continue
			}
			if b.status == briefing.Canceled {
				a.status = b.status // planned, then called off
			}
			a.persons = append(a.persons, b.persons...)
			a.parties = append(a.parties, b.parties...)
			a.groups = append(a.groups, b.groups...)
			a.sents = append(a.sents, b.sents...)
			if a.place < 0 {
				a.place = b.place
			}
			if a.when == nil {
				a.when, a.whenTxt = b.when, b.whenTxt
			}
			r.meetings = slices.Delete(r.meetings, j, j+1)
			j--
		}
	}
}

// samePlace reports whether two meeting places may be one: either is
// unknown, they are the same, or one is a landmark in the other's country
// and the other a city ("Qasr Al Watan" and "Abu Dhabi").
func (r *run) samePlace(a, b int) bool {
	if a < 0 || b < 0 {
		return true
	}
	a, b = r.resolve(a), r.resolve(b)
	if a == b {
		return true
	}
	pa, okA := r.x.lex.Place(fold.Key(r.ents[a].display))
	pb, okB := r.x.lex.Place(fold.Key(r.ents[b].display))
	if !okA || !okB || pa.Country == "" || pa.Country != pb.Country {
		return false
	}
	return pa.Kind == lexicon.Landmark && pb.Kind == lexicon.City || pb.Kind == lexicon.Landmark && pa.Kind == lexicon.City
}

// elaborates: a meeting told of with nobody named ("The heads of the
// intelligence services met Qatar's prime minister in Paris") is the one
// the next sentence names people at.
func elaborates(a, b *meetingDraft) bool {
	return len(a.persons) == 0 && len(b.persons) >= 2 && a.event == "" && b.event == "" &&
		b.sents[0] == a.sents[len(a.sents)-1]+1
}

// differentTimes: two time phrases that name different days ("on
// Saturday", "on Monday").
func differentTimes(a, b *timeExpr) bool {
	if a == nil || b == nil {
		return false
	}
	if a.weekday >= 0 && b.weekday >= 0 {
		return a.weekday != b.weekday
	}
	if a.month > 0 && b.month > 0 {
		return a.month != b.month || a.day != b.day
	}
	// A weekday and a date may be one day; a date or a weekday and a vague
	// phrase ("next week") are not.
	return a.weekday < 0 && a.month == 0 || b.weekday < 0 && b.month == 0
}

// conflicting: a meeting that took place is neither the one called off
// nor the one still to come.
func conflicting(a, b briefing.MeetingStatus) bool {
	return a == briefing.Held && b != briefing.Held || b == briefing.Held && a != briefing.Held
}

func (r *run) shared(a, b []int) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if r.resolve(x) == r.resolve(y) {
				n++
				break
			}
		}
	}
	return n
}

// export turns a draft into the article's meeting; at maps entity
// indexes. Meetings with fewer than two parties are dropped.
func (m *meetingDraft) export(at func(int) int, published briefing.Date) (briefing.ExtractedMeeting, bool) {
	out := briefing.ExtractedMeeting{Kind: m.kind, Status: m.status, Place: at(m.place), When: m.whenTxt}
	for _, p := range m.persons {
		if e := at(p); e >= 0 && !slices.Contains(out.Participants, e) {
			out.Participants = append(out.Participants, e)
		}
	}
	for _, p := range m.parties {
		if e := at(p); e >= 0 && !slices.Contains(out.Parties, e) {
			out.Parties = append(out.Parties, e)
		}
	}
	for _, g := range m.groups {
		if !slices.Contains(out.Groups, g) {
			out.Groups = append(out.Groups, g)
		}
	}
	if len(out.Participants)+len(out.Parties)+len(out.Groups) < 2 {
		return out, false
	}
	if m.when != nil {
		out.Date = resolveDate(*m.when, published, m.status)
	}
	slices.Sort(m.sents)
	out.Sentences = slices.Compact(m.sents)
	return out, true
}
