package storage

import (
	"slices"
	"testing"

	"briefbot/briefing"
)

// TestTrimMeetingsKeepsTheComparable: past the bound, the meetings no
// report can be compared with go first (outside the latest of every
// participant's list); the older half goes only when that is not enough.
func TestTrimMeetingsKeepsTheComparable(t *testing.T) {
	x := newNameIndex(1)
	n := maxIndexedMeetings + 2
	for id := int64(1); id <= int64(n); id++ {
		x.keep(id, &storedMeeting{})
	}
	// Person 7 took part in meeting 1 and in the latest meetings; only
	// the latest maxMeetingCandidates of them can be compared with.
	var list []int64
	list = append(list, 1)
	for id := int64(n - maxMeetingCandidates - 5); id <= int64(n); id++ {
		list = append(list, id)
	}
	x.meetingsOf[7] = list
	x.trimMeetings()
	if got := x.meetings.len(); got != maxMeetingCandidates {
		t.Errorf("%d meetings held after trimming, want the %d comparable", got, maxMeetingCandidates)
	}
	if x.meetings.get(int64(n)) == nil || x.meetings.get(int64(n-maxMeetingCandidates+1)) == nil || x.meetings.get(1) != nil || x.meetings.get(int64(n-maxMeetingCandidates)) != nil {
		t.Error("trimming did not keep exactly the comparable meetings")
	}
	if len(x.meetingsOf[7]) != len(list) {
		t.Error("trimming forgot who takes part in which meeting")
	}

	// Every meeting comparable: the older half goes.
	x = newNameIndex(1)
	for id := int64(1); id <= int64(n); id++ {
		x.keep(id, &storedMeeting{})
		x.meetingsOf[id] = []int64{id}
	}
	x.trimMeetings()
	if got, want := x.meetings.len(), n-n/2; got != want {
		t.Errorf("%d meetings held after trimming, want %d", got, want)
	}
	if x.meetings.get(int64(n)) == nil || x.meetings.get(1) != nil || x.meetings.get(int64(n/2)) != nil || x.meetings.get(int64(n/2+1)) == nil {
		t.Error("trimming did not keep exactly the newer half")
	}
	x.trimMeetings() // under the bound: nothing goes
	if got := x.meetings.len(); got != n-n/2 {
		t.Errorf("a second trim left %d", got)
	}
}

// TestMergesAppliedWhenRead checks that the people filed under keys and
// the participants of held meetings follow merges, through a chain of
// them, when they are read.
func TestMergesAppliedWhenRead(t *testing.T) {
	x := newNameIndex(1)
	held := func(persons ...int64) *storedMeeting {
		return &storedMeeting{facts: briefing.MeetingFacts{Persons: persons}}
	}
	x.keep(1, held(1, 2, 3))
	x.keep(2, held(2, 9))
	x.byKey["k"] = []int64{2, 5}
	x.merge(2, 9)
	x.keep(3, held(9, 4)) // kept after the first merge: up to date then
	x.merge(9, 7)
	x.merge(4, 3)
	if got := x.current(2); got != 7 {
		t.Errorf("current(2) = %d, want 7", got)
	}
	for _, tt := range []struct {
		meeting int64
		want    []int64
	}{
		{1, []int64{1, 7, 3}},
		{2, []int64{7}}, // two who became one
		{3, []int64{7, 3}},
	} {
		sm, ok := x.meeting(tt.meeting)
		if !ok || !slices.Equal(sm.facts.Persons, tt.want) {
			t.Errorf("meeting %d's persons = %v, want %v", tt.meeting, sm.facts.Persons, tt.want)
		}
	}
	if got := x.filedUnder("k"); !slices.Equal(got, []int64{7, 5}) {
		t.Errorf("filed under k: %v, want [7 5]", got)
	}
	if got := x.filedUnder("absent"); got != nil {
		t.Errorf("a key not loaded gives %v", got)
	}
	// Read again with no merge in between: unchanged.
	if sm, _ := x.meeting(1); !slices.Equal(sm.facts.Persons, []int64{1, 7, 3}) {
		t.Errorf("meeting 1 read again: %v", sm.facts.Persons)
	}
}
