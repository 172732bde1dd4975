package storage

import "testing"

// TestTrimMeetingsKeepsTheComparable: past the bound, the meetings no
// report can be compared with go first (outside the latest of every
// participant's list); the older half goes only when that is not enough.
func TestTrimMeetingsKeepsTheComparable(t *testing.T) {
	x := newNameIndex(1)
	n := maxIndexedMeetings + 2
	for id := int64(1); id <= int64(n); id++ {
		x.meetings[id] = &storedMeeting{}
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
	if got := len(x.meetings); got != maxMeetingCandidates {
		t.Errorf("%d meetings held after trimming, want the %d comparable", got, maxMeetingCandidates)
	}
	if x.meetings[int64(n)] == nil || x.meetings[int64(n-maxMeetingCandidates+1)] == nil || x.meetings[1] != nil || x.meetings[int64(n-maxMeetingCandidates)] != nil {
		t.Error("trimming did not keep exactly the comparable meetings")
	}
	if len(x.meetingsOf[7]) != len(list) {
		t.Error("trimming forgot who takes part in which meeting")
	}

	// Every meeting comparable: the older half goes.
	x = newNameIndex(1)
	for id := int64(1); id <= int64(n); id++ {
		x.meetings[id] = &storedMeeting{}
		x.meetingsOf[id] = []int64{id}
	}
	x.trimMeetings()
	if got, want := len(x.meetings), n-n/2; got != want {
		t.Errorf("%d meetings held after trimming, want %d", got, want)
	}
	if x.meetings[int64(n)] == nil || x.meetings[1] != nil || x.meetings[int64(n/2)] != nil || x.meetings[int64(n/2+1)] == nil {
		t.Error("trimming did not keep exactly the newer half")
	}
	x.trimMeetings() // under the bound: nothing goes
	if got := len(x.meetings); got != n-n/2 {
		t.Errorf("a second trim left %d", got)
	}
}

func TestReplaceID(t *testing.T) {
	tests := []struct {
		ids  []int64
		want []int64
	}{
		{[]int64{1, 2, 3}, []int64{1, 9, 3}},
		{[]int64{2, 9}, []int64{9}},
		{[]int64{1, 3}, []int64{1, 3}},
		{nil, nil},
	}
	for _, tt := range tests {
		got := replaceID(append([]int64(nil), tt.ids...), 2, 9)
		if len(got) != len(tt.want) {
			t.Errorf("replaceID(%v, 2, 9) = %v, want %v", tt.ids, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("replaceID(%v, 2, 9) = %v, want %v", tt.ids, got, tt.want)
				break
			}
		}
	}
}
