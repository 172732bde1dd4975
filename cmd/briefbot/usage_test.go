package main

import (
	"path/filepath"
	"strings"
	"testing"
)

var subcommands = []string{"ingest", "ask", "export", "demo", "eval", "migrate", "version", "gen", "bench"}

func TestNoArgumentsIsUsageError(t *testing.T) {
	t.Parallel()
	r := run(t)
	wantCode(t, r, exitUsage)
	if r.stdout != "" {
		t.Errorf("stdout should be empty:\n%s", r.stdout)
	}
	wantContains(t, "stderr", r.stderr, "Usage:", "briefbot <command>")
	for _, c := range subcommands {
		wantContains(t, "stderr", r.stderr, "  "+c+" ")
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}, {"-help"}, {"help", "no-such-command"}} {
		r := run(t, args...)
		wantCode(t, r, exitOK)
		wantContains(t, "stdout of "+strings.Join(args, " "), r.stdout, "Usage:", "Commands:", "Run \"briefbot <command> --help\"")
		for _, c := range subcommands {
			wantContains(t, "stdout", r.stdout, "  "+c+" ")
		}
		if r.stderr != "" {
			t.Errorf("%q: stderr should be empty:\n%s", args, r.stderr)
		}
	}
}

// commandUsage is how each subcommand's usage starts.
func commandUsage(c string) string { return "Usage: briefbot " + c }

func TestSubcommandHelp(t *testing.T) {
	t.Parallel()
	for _, c := range subcommands {
		for _, args := range [][]string{{c, "--help"}, {c, "-h"}, {"help", c}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				r := run(t, args...)
				wantCode(t, r, exitOK)
				wantContains(t, "output", r.stdout+r.stderr, commandUsage(c))
			})
		}
	}
	// The flags are listed.
	r := run(t, "ingest", "--help")
	wantContains(t, "ingest usage", r.stdout+r.stderr, "-db", "-config", "-json")
	r = run(t, "ask", "--help")
	wantContains(t, "ask usage", r.stdout+r.stderr, "who-met", "quotes", "who-is", "search", "-json")
}

func TestHelpFlagAfterPositional(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "never.db")
	r := run(t, "ask", "who-met", "barnea", "--db", db, "--help")
	wantCode(t, r, exitOK)
	wantContains(t, "output", r.stdout+r.stderr, commandUsage("ask"))
}

func TestUnknownFlag(t *testing.T) {
	t.Parallel()
	for _, c := range subcommands {
		for _, args := range [][]string{{c, "--no-such-flag"}, {c, "x", "--no-such-flag"}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				r := run(t, args...)
				wantCode(t, r, exitUsage)
				wantContains(t, "stderr", r.stderr, "flag provided but not defined: -no-such-flag", commandUsage(c))
				if r.stdout != "" {
					t.Errorf("stdout should be empty:\n%s", r.stdout)
				}
			})
		}
	}
}

func TestFlagMissingValue(t *testing.T) {
	t.Parallel()
	r := run(t, "ask", "who-met", "barnea", "--db")
	wantCode(t, r, exitUsage)
	wantContains(t, "stderr", r.stderr, "flag needs an argument: -db")
}

func TestUnknownCommand(t *testing.T) {
	t.Parallel()
	r := run(t, "frobnicate")
	wantCode(t, r, exitUsage)
	wantContains(t, "stderr", r.stderr, `unknown command "frobnicate"`, "Usage:")
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		r := run(t, args...)
		wantCode(t, r, exitOK)
		if !strings.HasPrefix(r.stdout, "briefbot ") || !strings.HasSuffix(r.stdout, "\n") || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%q printed %q, want one line \"briefbot VERSION\"", args, r.stdout)
		}
		if len(strings.TrimSpace(strings.TrimPrefix(r.stdout, "briefbot "))) == 0 {
			t.Errorf("%q printed no version: %q", args, r.stdout)
		}
	}
}

func TestUnexpectedArguments(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"export", "--db", db, "extra"},
		{"demo", "--db", db, "extra"},
		{"eval", "extra"},
	} {
		r := run(t, args...)
		if r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, r.code, exitUsage, r)
		}
	}
}
