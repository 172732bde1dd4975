// Command briefbot builds and queries a corpus of news articles: who met
// whom, who said what, who is who. See "briefbot help".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"briefbot/briefing"
)

// defaultMemoryLimit is the soft limit of the Go heap unless GOMEMLIMIT
// sets another: the collector runs sooner as the heap nears it, which keeps
// a long ingest under 300 MB (286 MiB) in all, SQLite's caches included.
// (At 200 MiB, the peak of a 100,000-article ingest was 303 MiB.)
const defaultMemoryLimit = 180 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	a := &app{
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		now:    time.Now,
		isTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
	}
	code := a.run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// app is what subcommands share: their streams, environment and clock.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	isTerminal     func(io.Writer) bool
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, a *app, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":   {"run the Discord bot (slash commands, autocomplete, DMs)", runServe},
		"ingest":  {"parse articles (files, directories, web pages, feeds) into the corpus", runIngest},
		"feeds":   {"add, list or remove the feeds that serve polls", runFeeds},
		"fetch":   {"poll the feeds that are due once and ingest their new items", runFetch},
		"ask":     {"answer a query: who-met, quotes, who-is, search, timeline, sources", runAsk},
		"graph":   {"draw a person's meeting network as a PNG", runGraph},
		"chart":   {"draw articles per day, with meetings marked, as a PNG", runChart},
		"digest":  {"print (and with --commit record) a channel's digest of what is new", runDigest},
		"export":  {"print the whole parsed corpus as JSON", runExport},
		"demo":    {"build a corpus from the bundled sample articles and answer sample questions", runDemo},
		"eval":    {"measure extraction against gold annotations", runEval},
		"migrate": {"create or upgrade the database schema", runMigrate},
		"gen":     {"generate a deterministic corpus of news-like articles", runGen},
		"bench":   {"measure ingest, queries, autocomplete and digests at scale", runBench},
		"version": {"print the version", runVersion},
	}
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// errUsage marks a usage mistake (exit 2); the usage was already printed.
var errUsage = errors.New("usage")

// errFailed marks a run that reported its own failures (exit 1) and has
// nothing more to say.
var errFailed = errors.New("failed")

func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		a.usage(a.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			if c, ok := commands()[args[1]]; ok {
				return a.exit(c.run(ctx, a, []string{"--help"}))
			}
		}
		a.usage(a.stdout)
		return exitOK
	case "--version", "-version":
		name = "version"
	}
	c, ok := commands()[name]
	if !ok {
		fmt.Fprintf(a.stderr, "briefbot: unknown command %q\n\n", name)
		a.usage(a.stderr)
		return exitUsage
	}
	return a.exit(c.run(ctx, a, args[1:]))
}

// exit maps a command's error to an exit code, printing it on stderr.
func (a *app) exit(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errFailed):
		return exitError
	}
	if ue, ok := briefing.UserError(err); ok {
		fmt.Fprintln(a.stderr, ue.Error())
		return exitError
	}
	fmt.Fprintf(a.stderr, "briefbot: %v\n", err)
	return exitError
}

func (a *app) usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("briefbot reads news articles into a corpus and answers who met whom, who said what and who is who.\n\nUsage:\n  briefbot <command> [flags] [arguments]\n\nCommands:\n")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun \"briefbot <command> --help\" for a command's flags.\n")
	io.WriteString(w, b.String())
}

// logger returns the log handler for a level: text on stderr.
func (a *app) logger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: l}))
}
