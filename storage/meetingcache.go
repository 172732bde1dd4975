package storage

import (
	"slices"

	"briefbot/briefing"
)

// meetingCache holds the writer's copies of stored meetings (what
// briefing.SameMeeting compares and the reports that date them) in a few
// arrays without pointers. The collector marks such an array without
// reading it; the tens of thousands of meetings held as structs of slices
// and strings had to be traced at every cycle, which made the collector's
// share of a 100,000-article ingest grow threefold from its start to its
// end.
type meetingCache struct {
	// slots[id-base] is 1 + the index in held of meeting id, 0 when not
	// held: meeting ids are dense, and a map of tens of thousands of them
	// cost a cache miss at every candidate a report was compared with.
	slots   []int32
	base    int64
	count   int
	held    []heldMeeting
	free    []int32      // slots of dropped meetings, for reuse
	ids     []int64      // the persons and parties of the held meetings
	reports []heldReport // their reports
	dead    int          // entries of ids and reports no meeting uses
	strs    []string     // kinds, statuses, time words and place names, each once
	strIdx  map[string]uint32
}

// heldMeeting is one held meeting; spans point into the cache's arrays,
// strings are indexes into its table of strings.
type heldMeeting struct {
	persons, parties, reports span
	place                     int64
	placeName, placeCountry   uint32
	date, published           briefing.Date
	kind, status, when        uint32
	merges                    int // the index's merges its persons reflect
}

// heldReport is one article's report of a held meeting.
type heldReport struct {
	published, date briefing.Date
	when, status    uint32
}

// span is a range of one of the cache's arrays.
type span struct{ off, n int32 }

// maxHeldStrings bounds the table of strings; past it the cache starts
// afresh (see put).
const maxHeldStrings = 1 << 16

func newMeetingCache() *meetingCache {
	return &meetingCache{strIdx: map[string]uint32{"": 0}, strs: []string{""}}
}

// len is the number of meetings held.
func (c *meetingCache) len() int { return c.count }

// slotOf returns the index in held of meeting id.
func (c *meetingCache) slotOf(id int64) (int32, bool) {
	if id < c.base || id >= c.base+int64(len(c.slots)) || c.slots[id-c.base] == 0 {
		return 0, false
	}
	return c.slots[id-c.base] - 1, true
}

// setSlot records meeting id's index in held (-1: not held), making room
// for id in slots.
func (c *meetingCache) setSlot(id int64, i int32) {
	switch {
	case len(c.slots) == 0:
		c.base = id
	case id < c.base:
		grown := make([]int32, c.base-id+int64(len(c.slots)))
		copy(grown[c.base-id:], c.slots)
		c.slots, c.base = grown, id
	}
	for id-c.base >= int64(len(c.slots)) {
		c.slots = append(c.slots, make([]int32, max(1024, len(c.slots)/2))...)
	}
	c.slots[id-c.base] = i + 1
}

// each calls f with every held meeting's id.
func (c *meetingCache) each(f func(id int64)) {
	for k, s := range c.slots {
		if s != 0 {
			f(c.base + int64(k))
		}
	}
}

// get returns meeting id's entry, to read or to bring up to date in place.
func (c *meetingCache) get(id int64) *heldMeeting {
	i, ok := c.slotOf(id)
	if !ok {
		return nil
	}
	return &c.held[i]
}

// personsOf returns the persons of a held meeting as stored in the cache:
// changing them in place changes the meeting.
func (c *meetingCache) personsOf(h *heldMeeting) []int64 {
	return c.ids[h.persons.off : h.persons.off+h.persons.n]
}

// setPersons shortens a held meeting's persons to the first n, after
// they were rewritten in place.
func (c *meetingCache) setPersons(h *heldMeeting, n int) {
	c.dead += int(h.persons.n) - n
	h.persons.n = int32(n)
}

// facts returns what SameMeeting compares of a held meeting. Its slices
// are the cache's own, valid until the next put or drop, not to be
// changed.
func (c *meetingCache) facts(h *heldMeeting) briefing.MeetingFacts {
	f := briefing.MeetingFacts{
		Kind:      briefing.MeetingKind(c.strs[h.kind]),
		Persons:   c.personsOf(h),
		Parties:   c.ids[h.parties.off : h.parties.off+h.parties.n],
		Date:      h.date,
		When:      c.strs[h.when],
		Status:    briefing.MeetingStatus(c.strs[h.status]),
		Published: h.published,
	}
	if h.place != 0 {
		f.Place = briefing.PlaceFacts{ID: h.place, Name: c.strs[h.placeName], Country: c.strs[h.placeCountry]}
	}
	return f
}

// load returns a copy of a held meeting, to change and put back.
func (c *meetingCache) load(h *heldMeeting) *storedMeeting {
	sm := &storedMeeting{facts: c.facts(h)}
	sm.facts.Persons = slices.Clone(sm.facts.Persons)
	sm.facts.Parties = slices.Clone(sm.facts.Parties)
	for _, r := range c.reports[h.reports.off : h.reports.off+h.reports.n] {
		sm.reports = append(sm.reports, briefing.MeetingReport{Published: r.published, Date: r.date,
			When: c.strs[r.when], Status: briefing.MeetingStatus(c.strs[r.status])})
	}
	return sm
}

// put holds meeting id as sm says, its persons up to date with merges.
func (c *meetingCache) put(id int64, sm *storedMeeting, merges int) {
	if id <= 0 {
		return // not a stored meeting
	}
	if len(c.strs) > maxHeldStrings {
		*c = *newMeetingCache()
	}
	f := &sm.facts
	h := heldMeeting{place: f.Place.ID, date: f.Date, published: f.Published, merges: merges,
		kind: c.intern(string(f.Kind)), status: c.intern(string(f.Status)), when: c.intern(f.When)}
	if f.Place.ID != 0 {
		h.placeName, h.placeCountry = c.intern(f.Place.Name), c.intern(f.Place.Country)
	}
	i, held := c.slotOf(id)
	old := heldMeeting{}
	if held {
		old = c.held[i]
	}
	h.persons = c.putIDs(old.persons, f.Persons)
	h.parties = c.putIDs(old.parties, f.Parties)
	h.reports = c.putReports(old.reports, sm.reports)
	switch {
	case held:
	case len(c.free) > 0:
		c.count++
		i, c.free = c.free[len(c.free)-1], c.free[:len(c.free)-1]
	default:
		c.count++
		i = int32(len(c.held))
		c.held = append(c.held, heldMeeting{})
	}
	c.held[i] = h
	c.setSlot(id, i)
	c.compactIfSparse()
}

// putIDs stores ids, where old was when they did not change.
func (c *meetingCache) putIDs(old span, ids []int64) span {
	if int(old.n) == len(ids) && slices.Equal(c.ids[old.off:old.off+old.n], ids) {
		return old
	}
	c.dead += int(old.n)
	s := span{int32(len(c.ids)), int32(len(ids))}
	c.ids = append(c.ids, ids...)
	return s
}

// putReports stores reports, after the old ones (a new report is added
// at a time, so they are stored afresh).
func (c *meetingCache) putReports(old span, reports []briefing.MeetingReport) span {
	c.dead += int(old.n)
	s := span{int32(len(c.reports)), int32(len(reports))}
	for _, r := range reports {
		c.reports = append(c.reports, heldReport{published: r.Published, date: r.Date, when: c.intern(r.When), status: c.intern(string(r.Status))})
	}
	return s
}

// intern returns the index of s in the table of strings, adding it.
func (c *meetingCache) intern(s string) uint32 {
	if i, ok := c.strIdx[s]; ok {
		return i
	}
	i := uint32(len(c.strs))
	s = string(append([]byte(nil), s...)) // not a slice of an article
	c.strs = append(c.strs, s)
	c.strIdx[s] = i
	return i
}

// drop forgets meeting id.
func (c *meetingCache) drop(id int64) {
	i, ok := c.slotOf(id)
	if !ok {
		return
	}
	h := c.held[i]
	c.dead += int(h.persons.n + h.parties.n + h.reports.n)
	c.held[i] = heldMeeting{}
	c.free = append(c.free, i)
	c.slots[id-c.base] = 0
	c.count--
	c.compactIfSparse()
}

// compactIfSparse copies the held meetings' entries into new arrays when
// most entries are no meeting's any more.
func (c *meetingCache) compactIfSparse() {
	if c.dead < 1<<12 || c.dead < (len(c.ids)+len(c.reports))/2 {
		return
	}
	held := make([]heldMeeting, 0, c.count)
	ids := make([]int64, 0, len(c.ids)-c.dead/2)
	reports := make([]heldReport, 0, len(c.reports)-c.dead/2)
	move := func(s span, from []int64) span {
		n := span{int32(len(ids)), s.n}
		ids = append(ids, from[s.off:s.off+s.n]...)
		return n
	}
	first := -1
	for k, s := range c.slots {
		if s == 0 {
			continue
		}
		if first < 0 {
			first = k
		}
		h := c.held[s-1]
		h.persons, h.parties = move(h.persons, c.ids), move(h.parties, c.ids)
		r := span{int32(len(reports)), h.reports.n}
		reports = append(reports, c.reports[h.reports.off:h.reports.off+h.reports.n]...)
		h.reports = r
		c.slots[k] = int32(len(held)) + 1
		held = append(held, h)
	}
	c.held, c.ids, c.reports, c.free, c.dead = held, ids, reports, nil, 0
	// The slots start at the oldest meeting held.
	if first > 0 {
		c.slots, c.base = append([]int32(nil), c.slots[first:]...), c.base+int64(first)
	}
}
