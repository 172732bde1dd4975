package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

const digestUsage = `Usage: briefbot digest [--db FILE | --config FILE] [--channel NAME] [--since TIME] [--commit] [--json]

Prints the next digest of a channel: what is new in the corpus since the
channel's last posted digest, story by story, with sources. It is the same
content the bot posts. Nothing is recorded unless --commit is given; then
the digest counts as posted, exactly as a scheduled run in Discord: the
channel's next digest starts after it and does not repeat what it said.

A channel without a posted digest starts from the whole corpus, or from
--since: a date (2024-03-21), a time (2024-03-21T08:00:00Z) or an age
(36h, 7d) — the articles published (or, when undated, ingested) on or after
that day.

Examples:
  briefbot digest
  briefbot digest --channel desk --since 7d --commit
  briefbot digest --channel 123456789012345678   # a Discord channel's digest

Flags:
`

// defaultDigestChannel is the channel the CLI's digests belong to when
// none is named.
const defaultDigestChannel = "cli"

func runDigest(ctx context.Context, a *app, args []string) error {
	fs := newFlags("digest", a, digestUsage)
	var f dbFlags
	f.register(fs)
	channel := fs.String("channel", defaultDigestChannel, "the channel `name` (a Discord channel id for the bot's channels)")
	sinceText := fs.String("since", "", "for a channel without history: start at this `time` (date, RFC 3339 or age such as 36h, 7d)")
	commit := fs.Bool("commit", false, "record the digest as posted, as a scheduled run does")
	asJSON := fs.Bool("json", false, "print the digest as JSON")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	name := strings.TrimSpace(*channel)
	if name == "" || len(name) > 100 {
		return fs.usageError("--channel: give a name of 1 to 100 characters")
	}
	var since time.Time
	if *sinceText != "" {
		if since, err = parseSince(*sinceText, a.now()); err != nil {
			return fs.usageError("--since: %s", err)
		}
	}
	e, err := f.open(ctx, a)
	if err != nil {
		return err
	}
	defer e.close()
	runner := digest.NewRunner(digest.RunnerConfig{Store: e.db, Clock: appClock{a.now}, Logger: a.logger(e.cfg.Log.Level),
		Quiet: digest.QuietPolicy(e.cfg.Digest.WhenQuiet)})
	var d digest.Digest
	if *commit {
		run, err := runner.Run(ctx, name, a.now(), true, since)
		if err != nil {
			return err
		}
		d = run.Digest
	} else if d, err = runner.Preview(ctx, name, since); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
	if err := digest.WriteText(a.stdout, d); err != nil {
		return err
	}
	if *commit {
		fmt.Fprintf(a.stderr, "recorded as posted to channel %q\n", name)
	}
	return nil
}

// parseSince reads a start time: a date, an RFC 3339 time, or an age
// before now ("36h", "7d").
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 && n <= 36500 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, &briefing.Error{Code: briefing.ErrInvalid,
		Message: fmt.Sprintf("%q is not a date (2024-03-21), a time (2024-03-21T08:00:00Z) or an age (36h, 7d)", s)}
}

// appClock is the app's clock as a digest.Clock.
type appClock struct{ now func() time.Time }

func (c appClock) Now() time.Time                         { return c.now() }
func (c appClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
