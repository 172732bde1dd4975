package storage

import (
	"slices"
	"strconv"
	"testing"
)

func TestSplitLengthPrefixed(t *testing.T) {
	texts := []string{"One.", "", "Two: with a colon", "Ségolène “quoted” 12:30", "3:x", "\x00"}
	var joined string
	for _, s := range texts {
		joined += strconv.Itoa(len(s)) + ":" + s
	}
	got, ok := splitLengthPrefixed(joined)
	if !ok || !slices.Equal(got, texts) {
		t.Errorf("splitLengthPrefixed(%q) = %q, %v; want %q", joined, got, ok, texts)
	}
	for _, bad := range []string{"5:abc", ":abc", "x:abc", "-1:a", "3abc", "2:ab3:"} {
		if got, ok := splitLengthPrefixed(bad); ok {
			t.Errorf("splitLengthPrefixed(%q) = %q, want not ok", bad, got)
		}
	}
}
