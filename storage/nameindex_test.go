package storage

import "testing"

// TestTrimMeetingsKeepsTheNewer: past the bound, the older half of the
// meetings held goes; the newer ones, which reports are compared with,
// stay.
func TestTrimMeetingsKeepsTheNewer(t *testing.T) {
	x := newNameIndex(1)
	n := maxIndexedMeetings + 2
	for id := int64(1); id <= int64(n); id++ {
		x.meetings[id] = &storedMeeting{}
	}
	x.meetingsOf[7] = []int64{1, int64(n)}
	x.trimMeetings()
	if got, want := len(x.meetings), n-n/2; got != want {
		t.Errorf("%d meetings held after trimming, want %d", got, want)
	}
	if x.meetings[int64(n)] == nil || x.meetings[1] != nil || x.meetings[int64(n/2)] != nil || x.meetings[int64(n/2+1)] == nil {
		t.Error("trimming did not keep exactly the newer half")
	}
	if len(x.meetingsOf[7]) != 2 {
		t.Error("trimming forgot who takes part in which meeting")
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
