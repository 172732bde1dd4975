package briefing

import "testing"

func TestPrefixRank(t *testing.T) {
	tests := []struct {
		typed, name []string
		want        int
	}{
		{[]string{"blin"}, []string{"antony", "blinken"}, 1},
		{[]string{"ant"}, []string{"antony", "blinken"}, 0},
		{[]string{"antony", "bl"}, []string{"antony", "blinken"}, 0},
		{[]string{"bl", "antony"}, []string{"antony", "blinken"}, 2},
		{[]string{"burns"}, []string{"william", "j", "burns"}, 1},
		{[]string{"xyz"}, []string{"antony", "blinken"}, -1},
		{[]string{"anton", "blinken"}, []string{"antony", "blinken"}, 2},
	}
	for _, tt := range tests {
		if got := prefixRank(tt.typed, tt.name); got != tt.want {
			t.Errorf("prefixRank(%q, %q) = %d, want %d", tt.typed, tt.name, got, tt.want)
		}
	}
}
