package extract

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// An event is a gathering many people attend — a summit, a conference, a
// ministerial. The article rarely lists who came in one place: one leader
// "told reporters at the summit", another "met X on the sidelines of the
// summit", a third "is chairing his last summit". Each such sentence adds
// its people to the one meeting the event is.

var (
	// eventNouns name gatherings that are meetings of everyone present.
	eventNouns = set("summit", "conference", "ministerial", "forum", "assembly", "congress", "convention",
		"ceremony", "retreat", "plenary", "gathering")
	// sessionNouns refer back to a meeting the article has told of ("told
	// reporters after the meeting").
	sessionNouns = set("meeting", "talks", "session", "negotiations", "dinner", "discussions")
	// edgeNouns place someone at an event: "on the sidelines of", "on the
	// eve of", "at the close of".
	edgeNouns = set("sidelines", "margins", "margin", "eve", "close", "end", "opening", "start", "side")
	// presenceNouns are what an owner does at an event: "his stay at the
	// summit", "her address to the ministerial".
	presenceNouns = set("stay", "address", "speech", "remarks", "appearance", "visit", "trip", "debut", "presence", "attendance")
	// attendVerbs take an event as their object: "is chairing his last
	// summit", "attended the forum".
	attendVerbs = set("attend", "attends", "attended", "attending", "chair", "chairs", "chaired", "chairing",
		"address", "addresses", "addressed", "addressing", "open", "opens", "opened", "opening",
		"close", "closes", "closed", "closing", "host", "hosts", "hosted", "hosting", "told", "tells", "tell",
		"briefed", "briefs", "brief", "ended", "ends", "end", "began", "begins", "left", "leaves", "joined", "joins")
	// absentWords deny presence: "who did not attend", "skipped the summit".
	absentWords = set("not", "n't", "never", "skipped", "skips", "skip", "missed", "misses", "boycotted",
		"boycotts", "boycott", "absent", "without", "instead", "declined", "refused", "snubbed")
	// afterCues make "after the meeting" a sign of presence: "told
	// reporters after the meeting", "pulled X aside after the session".
	afterCues = set("reporters", "journalists", "told", "said", "aside", "spoke", "briefed")
	// timeOfEvent follow an event's possessive in a time phrase: "on the
	// summit's second evening".
	timeOfEvent = set("day", "days", "evening", "morning", "afternoon", "night", "opening", "close", "end", "sidelines", "margins")
	// partNouns and partModifiers name a part of a gathering: "the
	// plenary", "the closing session".
	partNouns     = set("plenary", "plenaries")
	partModifiers = set("closing", "opening", "final", "plenary", "concluding", "inaugural")
	auxiliaries   = set("is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have", "had", "to", "and", "or")
)

// findAttendance reads, sentence by sentence, who was at which event and
// adds them to its meeting.
func (r *run) findAttendance() {
	for s, n := range r.bodyWords() {
		toks := r.d.tokens(s)
		if !eventNouns[toks[n].key] && !sessionNouns[toks[n].key] {
			continue
		}
		if n > 0 && toks[n-1].is("press", "news") {
			continue // a press conference is where one speaks, not a gathering
		}
		r.attendanceAt(s, n)
	}
	r.meetingsAtGathering()
}

// meetingsAtGathering places the people of a held meeting at the
// article's gathering when one of them attended it and the meeting names
// no other place ("Silva sat down with Babayev on Thursday", in a story
// about the ministerial Babayev hosted).
func (r *run) meetingsAtGathering() {
	g := r.gathering()
	if g == nil || g.status != briefing.Held {
		return
	}
	for _, m := range r.meetings {
		if m == g || m.event != "" || m.kind != briefing.InPerson || m.status != briefing.Held ||
			m.place >= 0 && r.resolve(m.place) != r.resolve(g.place) || r.shared(m.persons, g.persons) == 0 || longAgo(m) {
			continue
		}
		for _, p := range m.persons {
			if !slices.Contains(g.persons, p) {
				g.persons = append(g.persons, p)
			}
		}
	}
}

// attendanceAt reads the event noun at token n of sentence s: the meeting
// it names and who the sentence places there.
func (r *run) attendanceAt(s, n int) {
	toks := r.d.tokens(s)
	start, owner := r.eventPhraseStart(s, n)
	cue := r.attendanceCue(s, start, n)
	if cue < 0 {
		return
	}
	if owner < 0 && presenceNouns[toks[cue].key] && cue > 0 {
		// "cut short his stay at the summit": the stay's owner.
		if toks[cue-1].is("his", "her") {
			owner = r.resolvePronoun(s, cue-1)
		} else if toks[cue-1].poss {
			owner = r.personEndingAt(s, cue)
		}
	}
	var people []int
	relative := false
	switch {
	case owner >= 0:
		people = append(people, owner) // "his stay at the summit", "his last summit"
	default:
		var e int
		if e, relative = r.attendee(s, cue); e >= 0 {
			people = append(people, e)
		}
	}
	// The people of a meeting read in this sentence ("met X on the
	// sidelines of the summit") were there too — unless the event belongs
	// to one of them ("X, who is attending his first summit, will meet Y").
	if owner < 0 && !relative {
		// Drafts read sentence by sentence are in reading order: walk back
		// from the latest to the first read before s.
		for i := len(r.meetings) - 1; i >= 0; i-- {
			m := r.meetings[i]
			if m.event != "" {
				continue
			}
			if m.sents[0] < s {
				break
			}
			if m.kind == briefing.InPerson && m.sents[0] == s {
				people = append(people, m.persons...)
			}
		}
	}
	// "…, hosted by X": the host.
	if h := r.hostedBy(s, n+1); h >= 0 {
		people = append(people, h)
	}
	// "signed the memorandum alongside A and B at the summit": they too.
	if len(people) > 0 {
		people = append(people, r.alongside(s, cue)...)
	}
	if len(people) == 0 || r.absentBefore(toks, cue) {
		return
	}
	ev := r.eventMeeting(s, start, n, cue)
	if ev == nil {
		return
	}
	ev.sents = append(ev.sents, s)
	for _, p := range people {
		if !slices.Contains(ev.persons, p) {
			ev.persons = append(ev.persons, p)
		}
	}
}

// eventPhraseStart walks back from the noun at n over its modifiers ("the
// alliance's 75th-anniversary summit", "his first NATO summit") to the
// token that opens the phrase; owner is the person a possessive names, or
// -1.
func (r *run) eventPhraseStart(s, n int) (int, int) {
	toks := r.d.tokens(s)
	owner := -1
	j := n - 1
	for ; j >= 0 && n-j <= 5; j-- {
		t := &toks[j]
		if t.quote >= 0 || t.kind == tPunct {
			break
		}
		if t.is("the", "a", "an", "this", "that", "its") {
			return j, owner
		}
		if t.is("his", "her") {
			owner = r.resolvePronoun(s, j)
			return j, owner
		}
		if t.poss {
			if e := r.personEndingAt(s, j+1); e >= 0 {
				owner = e
				if m := r.mentionEndingAt(s, j+1); m != nil {
					return m.roleFrom, owner
				}
			}
			continue // "the alliance's", "Tuesday's"
		}
		if partModifiers[t.key] {
			continue // "the closing session"
		}
		if r.x.words.prepositions[t.key] || auxiliaries[t.key] || attendVerbs[t.key] {
			break
		}
	}
	return j + 1, owner
}

// attendanceCue returns the token that places people at the event phrase
// [start, n]: its preposition ("at the summit", "on the sidelines of the
// summit", "told reporters after the meeting") or verb ("attending his
// first summit"); -1 when the sentence does not place anyone there.
func (r *run) attendanceCue(s, start, n int) int {
	toks := r.d.tokens(s)
	p := start - 1
	if p < 0 || toks[p].quote >= 0 {
		return -1
	}
	if toks[n].poss && toks[p].is("on", "during", "at") {
		// "on the summit's second evening"
		for i := n + 1; i < len(toks) && i <= n+3; i++ {
			if timeOfEvent[toks[i].key] {
				return p
			}
		}
	}
	switch {
	case toks[p].is("at", "during", "to") || toks[p].key == "in" && eventNouns[toks[n].key]:
		if p > 0 && presenceNouns[toks[p-1].key] {
			return p - 1
		}
		return p
	case toks[p].key == "of" && p > 0 && edgeNouns[toks[p-1].key]:
		i := p - 1
		for i > 0 && toks[i-1].is("the", "on", "at", "in") {
			i--
		}
		return i
	case toks[p].key == "after" && sessionNouns[toks[n].key] || toks[p].key == "after" && eventNouns[toks[n].key]:
		for i := p - 1; i >= 0 && p-i <= 4; i-- {
			if afterCues[toks[i].key] {
				return p
			}
		}
	case toks[p].key == "for":
		for i := p - 1; i >= 0 && p-i <= 8; i-- {
			if hostVerbs[toks[i].key] {
				return i
			}
		}
	case attendVerbs[toks[p].key] && eventNouns[toks[n].key]:
		return p
	}
	return -1
}

// attendee returns the person the clause holding token k is about:
// the name before ", who" when k is in a relative clause, else the
// sentence's subject (a name, a role description or he/she).
func (r *run) attendee(s, k int) (e int, relative bool) {
	toks := r.d.tokens(s)
	for j := k - 1; j > 0; j-- {
		if toks[j].quote >= 0 || toks[j].text == "," && j+1 < k && !toks[j+1].is("who") {
			break
		}
		if toks[j].key == "who" && toks[j-1].text == "," {
			return r.personEndingAt(s, j-1), true
		}
	}
	e = r.subjectBeforeTrigger(s, k)
	for j := 0; j < k; j++ {
		if toks[j].quote < 0 && toks[j].is("he", "she") {
			// "He and his successor, X, held …": the pronoun comes first.
			if m := r.mentionStartingAt(s, 0); m == nil || m.from > j {
				return r.resolvePronoun(s, j), false
			}
			break
		}
	}
	return e, false
}

// alongside returns the people named after "alongside" or "together
// with" in the clause before token k.
func (r *run) alongside(s, k int) []int {
	toks := r.d.tokens(s)
	for j := k - 1; j >= 0 && k-j <= 16; j-- {
		t := &toks[j]
		if t.quote >= 0 || t.text == ";" || t.text == "," && !r.inPersonPhrase(s, j-1) {
			return nil
		}
		if t.key == "alongside" || t.key == "with" && j > 0 && toks[j-1].key == "together" {
			return r.objects(s, j+1).persons
		}
	}
	return nil
}

// hostedBy reads ", hosted by X" from token k.
func (r *run) hostedBy(s, k int) int {
	toks := r.d.tokens(s)
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	if k+1 >= len(toks) || !toks[k].is("hosted", "chaired", "convened", "organised", "organized") || toks[k+1].key != "by" {
		return -1
	}
	k += 2
	for limit := k + 12; k < len(toks) && k < limit; {
		if m := r.mentionStartingAt(s, skipDeterminers(toks, k, r)); m != nil {
			if m.kind == briefing.KindPerson {
				return r.resolve(m.entity)
			}
			k = m.to
		} else {
			k++
		}
		if k < len(toks) && (toks[k].text == "." || toks[k].text == ";") {
			break
		}
	}
	return -1
}

// absentBefore reports a denial of presence in the clause before the cue
// ("who did not attend", "skipped").
func (r *run) absentBefore(toks []token, cue int) bool {
	for j := cue; j >= 0 && cue-j <= 6; j-- {
		if absentWords[toks[j].key] {
			return true
		}
		if toks[j].text == "," && j < cue-1 {
			break
		}
	}
	return false
}

// eventMeeting returns the meeting the event phrase [start, n] names: for
// a summit or a conference, the article's one event of that kind (created
// at its first mention, placed by "in PLACE" after it); for "the meeting",
// "the talks", the latest meeting told of before this sentence.
func (r *run) eventMeeting(s, start, n, cue int) *meetingDraft {
	toks := r.d.tokens(s)
	noun := toks[n].key
	if partNouns[noun] || n > 0 && partModifiers[toks[n-1].key] {
		// "told the plenary", "after the closing session": a part of the
		// gathering the article is about.
		if g := r.gathering(); g != nil {
			return g
		}
	}
	if sessionNouns[noun] {
		if start >= len(toks) || !toks[start].is("the", "this", "that", "its") && !toks[start].poss {
			return nil
		}
		for i := len(r.meetings) - 1; i >= 0; i-- {
			m := r.meetings[i]
			if m.kind == briefing.InPerson && m.event == "" && m.sents[0] < s {
				return m
			}
		}
		return nil
	}
	name := eventName(toks, start, n)
	for _, m := range r.meetings {
		if m.event == noun && (m.eventName == "" || name == "" || m.eventName == name) {
			if m.place < 0 {
				m.place = r.placeAfter(s, n+1, len(toks))
			}
			if m.eventName == "" {
				m.eventName = name
			}
			return m
		}
	}
	m := &meetingDraft{kind: briefing.InPerson, status: r.meetingStatus(toks, cue, max(0, cue-6), n), place: r.placeAfter(s, n+1, len(toks)),
		event: noun, eventName: name}
	if m.place < 0 {
		m.place = r.wherePlace(s, start)
	}
	if m.place < 0 {
		m.place = r.firstEventPlace(noun, name)
	}
	r.meetings = append(r.meetings, m)
	return m
}

// eventName is the name an event phrase [start, n) gives its event: its
// capitalised words ("World Governments", "G20", "NATO"), folded; "" for
// "the summit".
func eventName(toks []token, start, n int) string {
	var words []string
	for j := start; j < n; j++ {
		if capWord(&toks[j]) || toks[j].acronym {
			words = append(words, toks[j].key)
		}
	}
	return strings.Join(words, " ")
}

// longAgo reports a meeting dated too far from a gathering of a few days
// to fall within it ("last month", "in March", "in 2022").
func longAgo(m *meetingDraft) bool {
	if m.when == nil {
		return false
	}
	txt := strings.ToLower(m.whenTxt)
	return m.when.year > 0 || m.when.month > 0 && m.when.day == 0 || strings.Contains(txt, "month") || strings.Contains(txt, "year")
}

// gathering returns the article's first event — a summit, a conference,
// a meeting someone hosted before any other was told of — or nil.
func (r *run) gathering() *meetingDraft {
	for _, m := range r.meetings {
		if m.event != "" {
			return m
		}
	}
	return nil
}

// firstEventPlace is the place named right after the first mention of an
// event noun (with that name, when it has one) in the article ("the NATO summit in Washington"), else the
// city the article is filed from or first set in, or -1.
func (r *run) firstEventPlace(noun, name string) int {
	for s := range r.d.sents {
		toks := r.d.tokens(s)
		for n := range toks {
			if toks[n].key != noun || toks[n].quote >= 0 {
				continue
			}
			if start, _ := r.eventPhraseStart(s, n); name != "" && eventName(toks, start, n) != name {
				continue
			}
			if p := r.placeAfter(s, n+1, min(len(toks), n+4)); p >= 0 {
				return p
			}
		}
	}
	return r.storyCity(len(r.d.sents) - 1)
}

// storyCity is the city of the article's dateline ("WASHINGTON —") or
// the first city it says something happened in, up to sentence upto, or
// -1.
func (r *run) storyCity(upto int) int {
	for s := 0; s <= upto && s < len(r.d.sents); s++ {
		if r.d.heading(s) {
			continue
		}
		toks := r.d.tokens(s)
		for _, m := range r.mentions[s] {
			if m.kind != briefing.KindPlace || m.inQuote {
				continue
			}
			e := r.resolve(m.entity)
			if r.ents[e].country == "" || r.x.lex.IsCountry(fold.Key(r.ents[e].display)) {
				continue
			}
			dateline := m.roleFrom == 0 && m.to < len(toks) && toks[m.to].kind == tPunct
			if dateline || m.roleFrom > 0 && toks[m.roleFrom-1].is("in", "at") {
				return e
			}
		}
	}
	return -1
}
