package storage

import (
	"slices"

	"briefbot/briefing"
	"briefbot/briefing/names"
)

// nameIndex is the writer's in-memory view of who is called what: the
// people filed under each name key, every stored name form of each person,
// and the organisations and places by name. It mirrors the name_keys and
// aliases tables so that resolving an article's names costs no queries
// once warm. Keys load lazily; the writer drops the whole index when
// another connection has written (PRAGMA data_version moved) or when a
// write rolled back, since either may leave it out of step.
type nameIndex struct {
	byKey   map[string][]int64 // loaded keys: the people filed under them
	people  map[int64]*personForms
	things  map[string]int64 // kind + "\x00" + folded name: organisation or place
	version int64            // data_version when loaded
	size    int              // name forms held, to bound memory

	// Meetings, likewise: who takes part in which, and what the writer
	// compares when a new report arrives.
	meetingsOf map[int64][]int64 // loaded entities: their meetings, oldest first
	meetings   *meetingCache
	places     map[int64]briefing.PlaceFacts

	// Merges since the index was loaded: each person merged away and
	// the person it went into. The people filed under keys and the
	// participants of held meetings are brought up to date when read
	// (see current, meeting), not at each merge, which had to visit
	// every held meeting and key.
	mergedInto map[int64]int64
	mergedAway []uint64 // bit id: id is in mergedInto; most ids read are not
	merges     int
	// The highest id merged away: new entities are numbered above it,
	// since mergedInto would take a new entity given the id of one
	// merged away (SQLite reuses the highest rowid once deleted) for
	// the person it went into.
	highestMerged int64
}

// personForms is a person's stored name forms and canonical name.
type personForms struct {
	canonical string
	gender    string // "" while unknown
	forms     []nameForm
}

// nameForm is one stored written form of a person's name.
type nameForm struct {
	norm  string
	name  names.Name
	first int64 // the first article that used it
}

// maxIndexedForms bounds the index; past it the index starts afresh.
const maxIndexedForms = 2_000_000

// maxIndexedMeetings bounds the meetings held (each a few hundred bytes);
// past it, those no report can be compared with go (see trimMeetings).
// A miss costs three queries, and forgetting the older half of them all
// at once made ingest slow down past 80,000 articles.
// (At 200,000 the held meetings neared the heap's soft limit by 250,000
// articles and the collector ran all the time.)
const maxIndexedMeetings = 60_000

func newNameIndex(version int64) *nameIndex {
	return &nameIndex{byKey: map[string][]int64{}, people: map[int64]*personForms{}, things: map[string]int64{}, version: version,
		meetingsOf: map[int64][]int64{}, meetings: newMeetingCache(), places: map[int64]briefing.PlaceFacts{},
		mergedInto: map[int64]int64{}}
}

func thingKey(kind, norm string) string { return kind + "\x00" + norm }

// has reports whether person id has the folded form norm.
func (x *nameIndex) has(id int64, norm string) bool {
	p := x.people[id]
	return p != nil && slices.ContainsFunc(p.forms, func(f nameForm) bool { return f.norm == norm })
}

// addForm records a new form of person id and files it under its keys
// where those keys are loaded.
func (x *nameIndex) addForm(id int64, f nameForm, keys []string) {
	p := x.people[id]
	if p == nil {
		p = &personForms{}
		x.people[id] = p
	}
	p.forms = append(p.forms, f)
	x.size++
	for _, k := range keys {
		if ids, ok := x.byKey[k]; ok && !slices.Contains(ids, id) {
			x.byKey[k] = append(ids, id)
		}
	}
}

// merge moves person from's forms to into. The meeting lists of both are
// forgotten, to be loaded again; elsewhere from gives way to into when
// read (see current and meeting). (Forgetting every meeting instead made
// the writer reload them all after each merge.)
func (x *nameIndex) merge(from, into int64) {
	delete(x.meetingsOf, from)
	delete(x.meetingsOf, into)
	x.mergedInto[from] = into
	if from >= 0 {
		for int(from/64) >= len(x.mergedAway) {
			x.mergedAway = append(x.mergedAway, make([]uint64, max(16, len(x.mergedAway)/2))...)
		}
		x.mergedAway[from/64] |= 1 << (from % 64)
	}
	x.merges++
	x.highestMerged = max(x.highestMerged, from)
	f, t := x.people[from], x.people[into]
	delete(x.people, from)
	if f == nil {
		return
	}
	if t == nil {
		x.people[into] = f
		return
	}
	if t.gender == "" {
		t.gender = f.gender
	}
	for _, form := range f.forms {
		if !slices.ContainsFunc(t.forms, func(g nameForm) bool { return g.norm == form.norm }) {
			t.forms = append(t.forms, form)
		} else {
			x.size--
		}
	}
}

// current is the person id stands for now: itself, or the one it was
// merged into, through any later merges.
func (x *nameIndex) current(id int64) int64 {
	for x.wasMerged(id) {
		id = x.mergedInto[id]
	}
	return id
}

// wasMerged reports whether person id was merged into another.
func (x *nameIndex) wasMerged(id int64) bool {
	if id < 0 {
		_, ok := x.mergedInto[id] // not a rowid: never so far
		return ok
	}
	if int(id/64) >= len(x.mergedAway) {
		return false
	}
	return x.mergedAway[id/64]&(1<<(id%64)) != 0
}

// currentIDs maps ids to the people they stand for now, in place, keeping
// the first of any that became one.
func (x *nameIndex) currentIDs(ids []int64) []int64 {
	if !slices.ContainsFunc(ids, x.wasMerged) {
		return ids
	}
	out := ids[:0]
	for _, id := range ids {
		if id = x.current(id); !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// meetingFacts returns what SameMeeting compares of a held meeting, its
// participants brought up to date with the merges since it was last
// read. The slices are the cache's: valid until the next meeting is held
// or dropped, not to be changed.
func (x *nameIndex) meetingFacts(id int64) (briefing.MeetingFacts, bool) {
	h := x.heldMeeting(id)
	if h == nil {
		return briefing.MeetingFacts{}, false
	}
	return x.meetings.facts(h), true
}

// heldMeeting returns a held meeting's entry, its participants up to
// date with the merges so far, or nil.
func (x *nameIndex) heldMeeting(id int64) *heldMeeting {
	h := x.meetings.get(id)
	if h != nil && h.merges != x.merges {
		x.meetings.setPersons(h, len(x.currentIDs(x.meetings.personsOf(h))))
		h.merges = x.merges
	}
	return h
}

// meeting returns a copy of a held meeting, up to date with the merges,
// to change and keep again.
func (x *nameIndex) meeting(id int64) (*storedMeeting, bool) {
	h := x.heldMeeting(id)
	if h == nil {
		return nil, false
	}
	return x.meetings.load(h), true
}

// keep holds a meeting as up to date with the merges so far.
func (x *nameIndex) keep(id int64, sm *storedMeeting) {
	x.meetings.put(id, sm, x.merges)
}

// filedUnder returns the people filed under a loaded key, up to date with
// the merges so far.
func (x *nameIndex) filedUnder(key string) []int64 {
	ids, ok := x.byKey[key]
	if ok && len(x.mergedInto) > 0 {
		ids = x.currentIDs(ids)
		x.byKey[key] = ids
	}
	return ids
}

// trimMeetings forgets meetings when they are too many: first those no
// report can be compared with any more (outside the latest
// maxMeetingCandidates of every loaded participant: a participant's list
// only grows at its end), then, if that was not enough, the older half.
func (x *nameIndex) trimMeetings() {
	if x.meetings.len() <= maxIndexedMeetings {
		return
	}
	live := make(map[int64]bool, x.meetings.len())
	for _, ids := range x.meetingsOf {
		for _, id := range ids[max(0, len(ids)-maxMeetingCandidates):] {
			live[id] = true
		}
	}
	ids := make([]int64, 0, x.meetings.len())
	x.meetings.each(func(id int64) { ids = append(ids, id) })
	for _, id := range ids {
		if !live[id] {
			x.meetings.drop(id)
		}
	}
	if x.meetings.len() <= maxIndexedMeetings*3/4 {
		return
	}
	ids = ids[:0]
	x.meetings.each(func(id int64) { ids = append(ids, id) }) // in order
	for _, id := range ids[:len(ids)/2] {
		x.meetings.drop(id)
	}
}
