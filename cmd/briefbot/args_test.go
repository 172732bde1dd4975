package main

import (
	"errors"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

// testFlags is a flag set like the subcommands' own.
type testFlags struct {
	fs   *flags
	db   *string
	json *bool
	v    *bool
	n    *int
}

func newTestFlags(w io.Writer) testFlags {
	fs := newFlags("test", &app{stdout: w, stderr: w}, "Usage: briefbot test\n")
	return testFlags{
		fs:   fs,
		db:   fs.String("db", "", "database"),
		json: fs.Bool("json", false, "json"),
		v:    fs.Bool("v", false, "verbose"),
		n:    fs.Int("n", 0, "a number"),
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		db   string
		json bool
		v    bool
		n    int
	}{
		{name: "nothing", args: nil, pos: nil},
		{name: "positionals only", args: []string{"who-met", "barnea"}, pos: []string{"who-met", "barnea"}},
		{name: "flags first", args: []string{"--db", "x.db", "--json", "who-met", "barnea"}, pos: []string{"who-met", "barnea"}, db: "x.db", json: true},
		{name: "flags last", args: []string{"who-met", "barnea", "--db", "x.db", "--json"}, pos: []string{"who-met", "barnea"}, db: "x.db", json: true},
		{name: "interleaved", args: []string{"who-met", "--json", "barnea", "-db", "x.db", "with", "-v", "burns"}, pos: []string{"who-met", "barnea", "with", "burns"}, db: "x.db", json: true, v: true},
		{name: "flag=value", args: []string{"a", "--db=x.db", "b", "-n=3"}, pos: []string{"a", "b"}, db: "x.db", n: 3},
		{name: "bool flag after positional", args: []string{"sources", "--json"}, pos: []string{"sources"}, json: true},
		{name: "bool flag=false after positional", args: []string{"sources", "--json=false", "-v=true"}, pos: []string{"sources"}, v: true},
		{name: "value that looks like a flag", args: []string{"--db", "-weird.db", "a"}, pos: []string{"a"}, db: "-weird.db"},
		{name: "value after positional", args: []string{"a", "-n", "7", "b"}, pos: []string{"a", "b"}, n: 7},
		{name: "last flag value wins", args: []string{"--db", "one.db", "a", "--db", "two.db"}, pos: []string{"a"}, db: "two.db"},
		{name: "double dash first", args: []string{"--", "--json", "-v"}, pos: []string{"--json", "-v"}},
		{name: "double dash after flags", args: []string{"--json", "--", "-v", "x"}, pos: []string{"-v", "x"}, json: true},
		{name: "double dash after positional", args: []string{"search", "--db", "x.db", "--", "--json", "-n", "3"}, pos: []string{"search", "--json", "-n", "3"}, db: "x.db"},
		{name: "double dash between positionals", args: []string{"a", "--", "b", "--", "c"}, pos: []string{"a", "b", "--", "c"}},
		{name: "single dash is a positional", args: []string{"-", "--json"}, pos: []string{"-"}, json: true},
		{name: "empty argument is a positional", args: []string{"", "--json", ""}, pos: []string{"", ""}, json: true},
		// A flag whose value is "--" is not the end of the flags: -v after
		// the positional is still a flag.
		{name: "flag value is double dash", args: []string{"--db", "--", "a", "-v"}, pos: []string{"a"}, db: "--", v: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			f := newTestFlags(&out)
			pos, err := parseArgs(f.fs.FlagSet, tt.args)
			if err != nil {
				t.Fatalf("parseArgs(%q): %v\n%s", tt.args, err, out.String())
			}
			if !slices.Equal(pos, tt.pos) {
				t.Errorf("parseArgs(%q) positionals = %q, want %q", tt.args, pos, tt.pos)
			}
			if *f.db != tt.db || *f.json != tt.json || *f.v != tt.v || *f.n != tt.n {
				t.Errorf("parseArgs(%q) flags db=%q json=%v v=%v n=%d, want db=%q json=%v v=%v n=%d",
					tt.args, *f.db, *f.json, *f.v, *f.n, tt.db, tt.json, tt.v, tt.n)
			}
		})
	}
}

func TestParseArgsErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		help bool
		msg  string
	}{
		{name: "unknown flag first", args: []string{"--bogus", "a"}, msg: "flag provided but not defined: -bogus"},
		{name: "unknown flag after positional", args: []string{"a", "--bogus"}, msg: "flag provided but not defined: -bogus"},
		{name: "missing value", args: []string{"a", "--db"}, msg: "flag needs an argument: -db"},
		{name: "bad number", args: []string{"-n", "many"}, msg: "invalid value"},
		{name: "bad bool", args: []string{"a", "--json=perhaps"}, msg: "invalid boolean value"},
		{name: "help", args: []string{"--help"}, help: true},
		{name: "help after positional", args: []string{"a", "-h"}, help: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			f := newTestFlags(&out)
			_, err := parseArgs(f.fs.FlagSet, tt.args)
			if err == nil {
				t.Fatalf("parseArgs(%q) succeeded, want an error", tt.args)
			}
			if got := errors.Is(err, flag.ErrHelp); got != tt.help {
				t.Errorf("parseArgs(%q) = %v; is ErrHelp %v, want %v", tt.args, err, got, tt.help)
			}

			// parse prints the usage and maps the errors to ErrHelp (exit 0)
			// and errUsage (exit 2).
			out.Reset()
			f = newTestFlags(&out)
			_, err = f.fs.parse(tt.args)
			if !strings.Contains(out.String(), "Usage: briefbot test") {
				t.Errorf("parse(%q) did not print the usage:\n%s", tt.args, out.String())
			}
			if tt.msg != "" && !strings.Contains(out.String(), tt.msg) {
				t.Errorf("parse(%q) output lacks %q:\n%s", tt.args, tt.msg, out.String())
			}
			want := errUsage
			if tt.help {
				want = flag.ErrHelp
			}
			if !errors.Is(err, want) {
				t.Errorf("parse(%q) = %v, want %v", tt.args, err, want)
			}
		})
	}
}
