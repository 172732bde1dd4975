package briefing

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		in   string
		want Command
	}{
		{"who-met barnea", Command{Name: CmdWhoMet, Person: "barnea"}},
		{"who-met barnea with burns", Command{Name: CmdWhoMet, Person: "barnea", With: "burns"}},
		{"who met barnea?", Command{Name: CmdWhoMet, Person: "barnea"}},
		{"Who did Barnea meet?", Command{Name: CmdWhoMet, Person: "Barnea"}},
		{"quotes blinken about rafah", Command{Name: CmdQuotes, Person: "blinken", About: "rafah"}},
		{"what did blinken say about rafah", Command{Name: CmdQuotes, Person: "blinken", About: "rafah"}},
		{"who-is kamel", Command{Name: CmdWhoIs, Person: "kamel"}},
		{"who is kamel", Command{Name: CmdWhoIs, Person: "kamel"}},
		{"/search hostages", Command{Name: CmdSearch, Words: "hostages"}},
		{"timeline", Command{Name: CmdTimeline}},
		{"timeline of rafah", Command{Name: CmdTimeline, Subject: "rafah"}},
		{"sources", Command{Name: CmdSources}},
		{"help", Command{Name: CmdHelp}},
		{"graph barnea", Command{Name: CmdGraph, Person: "barnea"}},
		{"graph barnea 2", Command{Name: CmdGraph, Person: "barnea", Depth: 2}},
		{"graph William Burns depth 1", Command{Name: CmdGraph, Person: "William Burns", Depth: 1}},
		{"network of barnea", Command{Name: CmdGraph, Person: "barnea"}},
		{"graph 2", Command{Name: CmdGraph, Person: "2"}},
		{"timeline-chart", Command{Name: CmdTimelineChart}},
		{"timeline chart of rafah", Command{Name: CmdTimelineChart, Subject: "rafah"}},
		{"chart barnea", Command{Name: CmdTimelineChart, Subject: "barnea"}},
	}
	for _, tt := range tests {
		got, err := ParseCommand(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCommand(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "   ", "who-met", "quotes", "search", "launch missiles", strings.Repeat("x ", 300),
		"graph", "graph barnea 3", "graph barnea depth 0", "graph barnea -1"} {
		if _, err := ParseCommand(bad); err == nil {
			t.Errorf("ParseCommand(%q) succeeded", bad)
		} else if _, ok := UserError(err); !ok {
			t.Errorf("ParseCommand(%q): %v is not a user error", bad, err)
		}
	}
}

// FuzzParseCommand checks that any input gives a command or a user
// error, never a panic, and that arguments stay bounded valid text.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"who-met barnea with burns", "quotes x about y", "who is", "/", "search \"a\" OR *", "\xff\xfe", "timeline of of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCommand(s)
		if err != nil {
			if _, ok := UserError(err); !ok {
				t.Fatalf("ParseCommand(%q): %v is not a user error", s, err)
			}
			return
		}
		for _, arg := range []string{c.Person, c.With, c.About, c.Words, c.Subject} {
			if len(arg) > maxArgument {
				t.Fatalf("argument of %d bytes", len(arg))
			}
			if utf8.ValidString(s) && !utf8.ValidString(arg) {
				t.Fatalf("invalid UTF-8 argument %q", arg)
			}
		}
	})
}

func TestCommandStringParsesBack(t *testing.T) {
	for _, c := range []Command{
		{Name: CmdWhoMet, Person: "barnea", With: "burns"},
		{Name: CmdWhoMet, Person: "William J. Burns"},
		{Name: CmdQuotes, Person: "blinken", About: "rafah crossing"},
		{Name: CmdWhoIs, Person: "kamel"},
		{Name: CmdSearch, Words: "hostages deal"},
		{Name: CmdTimeline},
		{Name: CmdTimeline, Subject: "rafah"},
		{Name: CmdSources},
		{Name: CmdHelp},
		{Name: CmdGraph, Person: "barnea"},
		{Name: CmdGraph, Person: "William Burns", Depth: 2},
		{Name: CmdTimelineChart},
		{Name: CmdTimelineChart, Subject: "rafah crossing"},
	} {
		got, err := ParseCommand(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCommand(%q) = %+v, %v; want %+v", c.String(), got, err, c)
		}
	}
}
