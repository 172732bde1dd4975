package main

import (
	"context"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"briefbot/briefing"
	"briefbot/sources"
)

const feedsUsage = `Usage: briefbot feeds add [--every 30m] URL
       briefbot feeds list
       briefbot feeds remove URL

Manages the RSS and Atom feeds that "serve" polls and "fetch" reads. add
checks that the address serves a feed first; list shows when each feed was
last read, when it is next due and, for a feed that keeps failing, its
failures in a row and the last error. Feeds of the config's sources.feeds
are added at every start of serve and fetch.

Flags:
`

func runFeeds(ctx context.Context, a *app, args []string) error {
	fs := newFlags("feeds", a, feedsUsage)
	var f dbFlags
	f.register(fs)
	every := fs.Duration("every", 0, "how often to poll the feed (add; default 30m, at least 5m)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fs.usageError("give add, list or remove")
	}
	verb, rest := pos[0], pos[1:]
	want := map[string]int{"add": 1, "remove": 1, "list": 0}
	n, ok := want[verb]
	switch {
	case !ok:
		return fs.usageError("unknown action %q: give add, list or remove", verb)
	case len(rest) != n && n == 1:
		return fs.usageError("feeds %s takes one feed address", verb)
	case len(rest) != n:
		return fs.usageError("feeds list takes no argument")
	}
	e, err := f.openWithFeeds(ctx, a)
	if err != nil {
		return err
	}
	defer e.close()
	switch verb {
	case "add":
		fetch := e.fetcher(a)
		defer fetch.Close()
		feed, created, err := e.reader(a, fetch).AddFeed(ctx, rest[0], *every, "cli")
		if err != nil {
			return err
		}
		word := "added"
		if !created {
			word = "updated"
		}
		fmt.Fprintf(a.stdout, "%s %s%s, polled every %s\n", word, feed.URL, titled(feed.Title), feed.Every)
		return nil
	case "remove":
		canon, err := sources.CanonicalURL(rest[0])
		if err != nil {
			return err
		}
		removed, err := e.db.RemoveFeed(ctx, canon)
		if err != nil {
			return err
		}
		if !removed {
			return fmt.Errorf("no feed %s (see briefbot feeds list)", canon)
		}
		fmt.Fprintf(a.stdout, "removed %s (its articles stay in the corpus)\n", canon)
		return nil
	}
	feeds, err := e.db.Feeds(ctx)
	if err != nil {
		return err
	}
	writeFeeds(a, feeds)
	return nil
}

// titled is " (title)" or "".
func titled(title string) string {
	if title == "" {
		return ""
	}
	return " (" + title + ")"
}

// writeFeeds prints the feeds as a table.
func writeFeeds(a *app, feeds []briefing.Feed) {
	if len(feeds) == 0 {
		fmt.Fprintln(a.stdout, "No feeds. Add one with: briefbot feeds add URL")
		return
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tEVERY\tARTICLES\tLAST READ\tNEXT\tSTATUS")
	for _, f := range feeds {
		every, next := f.Every.String(), stamp(f.NextCheck)
		if !f.Polled {
			every, next = "once", "-"
		}
		status := "ok"
		switch {
		case f.LastCheck.IsZero():
			status = "not read yet"
		case f.Errors > 0:
			status = fmt.Sprintf("failing (%d in a row): %s", f.Errors, f.LastError)
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%d\t%s\t%s\t%s\n", f.URL, titled(f.Title), every, f.Articles, stamp(f.LastSuccess), next, status)
	}
	tw.Flush()
}

// stamp formats a time for a table, "-" when zero.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

const fetchUsage = `Usage: briefbot fetch [--db FILE | --config FILE] [--all] [--json]

Polls every feed that is due once (with --all, every polled feed), with
conditional requests, and ingests their new items. A feed that fails is
reported and tried again later with backoff; the exit status is then 1.

Flags:
`

func runFetch(ctx context.Context, a *app, args []string) error {
	fs := newFlags("fetch", a, fetchUsage)
	var f dbFlags
	f.register(fs)
	all := fs.Bool("all", false, "poll every polled feed, due or not")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	e, err := f.openWithFeeds(ctx, a)
	if err != nil {
		return err
	}
	defer e.close()
	fetch := e.fetcher(a)
	defer fetch.Close()
	reader := e.reader(a, fetch)
	var results []sources.Result
	if *all {
		feeds, err := e.db.Feeds(ctx)
		if err != nil {
			return err
		}
		polled := slices.DeleteFunc(feeds, func(f briefing.Feed) bool { return !f.Polled })
		results = reader.PollFeeds(ctx, polled)
	} else {
		results = reader.PollDue(ctx)
	}
	failed := 0
	total := 0
	for _, r := range results {
		for _, o := range r.Outcomes {
			if o.Err != nil {
				failed++
				fmt.Fprintf(a.stderr, "failed: %s: %v\n", o.Path, o.Err)
			}
		}
		total += r.Summary.Ingested
		if line := resultLine(r); line != "" {
			fmt.Fprintln(a.stdout, line)
		}
	}
	fmt.Fprintf(a.stdout, "%s polled, %d new articles, %d failed\n", briefing.Plural(len(results), "feed", "feeds"), total, failed)
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
