package storage

import (
	"fmt"
	"reflect"
	"testing"

	"briefbot/briefing"
)

// TestMeetingCacheRoundTrip holds meetings, changes, drops and holds them
// again past several compactions, and checks each reads back as it was
// last held.
func TestMeetingCacheRoundTrip(t *testing.T) {
	c := newMeetingCache()
	want := map[int64]*storedMeeting{}
	meeting := func(id int64, round int) *storedMeeting {
		d := briefing.Date{Year: 2024, Month: 3, Day: 1 + int(id+int64(round))%28}
		sm := &storedMeeting{facts: briefing.MeetingFacts{
			Kind: briefing.InPerson, Status: briefing.Held, Date: d, Published: d.AddDays(1),
			When:    fmt.Sprintf("on day %d", round%3),
			Persons: []int64{id, id + 1, int64(round)},
		}}
		if id%3 == 0 {
			sm.facts.Kind, sm.facts.Persons, sm.facts.Parties = briefing.Call, nil, []int64{id * 7, id*7 + 1}
		}
		if id%2 == 0 {
			sm.facts.Place = briefing.PlaceFacts{ID: 1000 + id%5, Name: fmt.Sprintf("City %d", id%5), Country: "Qatar"}
		}
		for r := 0; r <= round%4; r++ {
			sm.reports = append(sm.reports, briefing.MeetingReport{Published: d.AddDays(r), When: "on Friday", Status: briefing.Planned})
		}
		return sm
	}
	for round := 0; round < 6; round++ {
		for id := int64(1); id <= 3000; id++ {
			switch {
			case (id+int64(round))%5 == 0:
				c.drop(id)
				delete(want, id)
			case (id+int64(round))%2 == 0:
				sm := meeting(id, round)
				c.put(id, sm, round)
				want[id] = sm
			}
		}
		if c.len() != len(want) {
			t.Fatalf("round %d: %d held, want %d", round, c.len(), len(want))
		}
		for id, sm := range want {
			h := c.get(id)
			if h == nil {
				t.Fatalf("round %d: meeting %d not held", round, id)
			}
			got := c.load(h)
			if got.facts.Persons == nil {
				got.facts.Persons = []int64{}
			}
			w := *sm
			if w.facts.Persons == nil {
				w.facts.Persons = []int64{}
			}
			if got.facts.Parties == nil {
				got.facts.Parties = []int64{}
			}
			if w.facts.Parties == nil {
				w.facts.Parties = []int64{}
			}
			if !reflect.DeepEqual(got.facts, w.facts) || !reflect.DeepEqual(got.reports, w.reports) {
				t.Fatalf("round %d: meeting %d reads back as\n%+v\nwant\n%+v", round, id, *got, w)
			}
		}
	}
	if c.dead >= len(c.ids)+len(c.reports) && c.dead > 1<<12 {
		t.Errorf("the arrays were never compacted: %d dead entries of %d", c.dead, len(c.ids)+len(c.reports))
	}
}

// TestMeetingCacheCopies checks that a loaded meeting is a copy: changing
// it changes nothing held until it is put back.
func TestMeetingCacheCopies(t *testing.T) {
	c := newMeetingCache()
	c.put(1, &storedMeeting{facts: briefing.MeetingFacts{Kind: briefing.InPerson, Persons: []int64{1, 2}}}, 0)
	c.put(2, &storedMeeting{facts: briefing.MeetingFacts{Kind: briefing.InPerson, Persons: []int64{3, 4}}}, 0)
	sm := c.load(c.get(1))
	sm.facts.Persons = append(sm.facts.Persons, 9)
	sm.facts.Persons[0] = 8
	if got := c.facts(c.get(1)).Persons; !reflect.DeepEqual(got, []int64{1, 2}) {
		t.Fatalf("meeting 1 changed without being put: %v", got)
	}
	if got := c.facts(c.get(2)).Persons; !reflect.DeepEqual(got, []int64{3, 4}) {
		t.Fatalf("meeting 2 changed by another's copy: %v", got)
	}
	c.put(1, sm, 0)
	if got := c.facts(c.get(1)).Persons; !reflect.DeepEqual(got, []int64{8, 2, 9}) {
		t.Fatalf("meeting 1 put back reads %v", got)
	}
}

// TestMeetingCacheStringsBounded: past the bound of distinct strings the
// cache starts afresh rather than grow.
func TestMeetingCacheStringsBounded(t *testing.T) {
	c := newMeetingCache()
	for i := range maxHeldStrings + 10 {
		c.put(int64(i), &storedMeeting{facts: briefing.MeetingFacts{Kind: briefing.Call, When: fmt.Sprint("at ", i)}}, 0)
	}
	if len(c.strs) > maxHeldStrings+1 {
		t.Fatalf("%d strings held", len(c.strs))
	}
	last := int64(maxHeldStrings + 9)
	if h := c.get(last); h == nil || c.facts(h).When != fmt.Sprint("at ", last) {
		t.Fatal("the latest meeting was lost when the cache started afresh")
	}
}
