package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"briefbot/briefing/ingest"
)

const ingestUsage = `Usage: briefbot ingest [--db FILE | --config FILE] [--json] [-v] PATH|URL...

Parses articles into the corpus: files and directories (recursively) of
.txt, .md and .html, and web addresses: an RSS or Atom feed (its new
items; an item whose feed text is only a summary has its page fetched) or
an article page (its main text). The same content twice is stored once,
and a feed read again is asked only for what changed. Files and addresses
that cannot be used (binary, empty, not UTF-8, too large, unreachable, a
private address) are reported with the reason; the others still land, and
the exit status is 1.

Flags:
`

// ingestReport is the --json output of ingest.
type ingestReport struct {
	ingest.Summary
	Skipped int            `json:"skipped_other_files"`
	Files   []ingestedFile `json:"files"`
}

type ingestedFile struct {
	Path        string `json:"path"`
	Status      string `json:"status"` // ingested, duplicate, failed
	Title       string `json:"title,omitempty"`
	Error       string `json:"error,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	People      int    `json:"people,omitempty"`
	Quotes      int    `json:"quotes,omitempty"`
	Meetings    int    `json:"meetings,omitempty"`
}

func runIngest(ctx context.Context, a *app, args []string) error {
	fs := newFlags("ingest", a, ingestUsage)
	var f dbFlags
	f.register(fs)
	asJSON := fs.Bool("json", false, "print a JSON report on stdout")
	verbose := fs.Bool("list", false, "list every file ingested, not only failures and duplicates")
	paths, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fs.usageError("give at least one file or directory")
	}
	e, err := f.open(ctx, a)
	if err != nil {
		return err
	}
	defer e.close()
	var files, urls []string
	for _, p := range paths {
		if isWebAddress(p) {
			urls = append(urls, p)
		} else {
			files = append(files, p)
		}
	}
	set := ingest.Files(files)
	p := e.pipeline(a)
	rep := ingestReport{Skipped: set.Skipped, Files: []ingestedFile{}}
	progress := newProgress(a, len(set.Items))
	record := func(o ingest.Outcome) {
		file := ingestedFile{Path: o.Path, Title: o.Title, People: o.Result.People, Quotes: o.Result.Quotes, Meetings: o.Result.Meetings}
		switch {
		case o.Err != nil:
			file.Status, file.Error = "failed", o.Err.Error()
			progress.clear()
			fmt.Fprintf(a.stderr, "failed: %s: %v\n", o.Path, o.Err)
		case o.Result.Duplicate:
			file.Status, file.DuplicateOf = "duplicate", o.Result.DuplicateOf
			if !*asJSON {
				progress.clear()
				fmt.Fprintf(a.stderr, "duplicate: %s (same content as %s)\n", o.Path, o.Result.DuplicateOf)
			}
		default:
			file.Status = "ingested"
			if *verbose && !*asJSON {
				progress.clear()
				fmt.Fprintf(a.stdout, "ingested: %s — %d people, %d quotes, %d meetings\n", o.Path, file.People, file.Quotes, file.Meetings)
			}
		}
		rep.Files = append(rep.Files, file)
		progress.step()
	}
	for _, o := range set.Errors {
		rep.Failed++
		record(o)
	}
	sum, runErr := p.Run(ctx, set.Items, record)
	progress.done()
	rep.Ingested, rep.Duplicates, rep.Failed = sum.Ingested, sum.Duplicates, sum.Failed+rep.Failed
	if len(urls) > 0 && runErr == nil {
		fetch := e.fetcher(a)
		defer fetch.Close()
		reader := e.reader(a, fetch)
		for _, u := range urls {
			res, err := reader.IngestURL(ctx, u, "cli")
			for _, o := range res.Outcomes {
				record(o)
			}
			rep.Ingested += res.Summary.Ingested
			rep.Duplicates += res.Summary.Duplicates
			rep.Failed += res.Summary.Failed
			if err != nil {
				if ctx.Err() != nil {
					runErr = err
					break
				}
				rep.Failed++
				record(ingest.Outcome{Path: u, Err: err})
				continue
			}
			if line := resultLine(res); line != "" && !*asJSON {
				fmt.Fprintln(a.stderr, line)
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		line := fmt.Sprintf("ingested %d, duplicates %d, failed %d", rep.Ingested, rep.Duplicates, rep.Failed)
		if rep.Skipped > 0 {
			line += fmt.Sprintf(" (skipped %d files of other types)", rep.Skipped)
		}
		fmt.Fprintln(a.stdout, line)
	}
	if runErr != nil {
		return runErr
	}
	if rep.Failed > 0 {
		return errFailed
	}
	return nil
}

// progress draws a progress bar on stderr when it is a terminal and the
// batch is large enough to be worth one.
type progress struct {
	w     io.Writer
	total int
	n     int
	on    bool
	last  time.Time
	now   func() time.Time
}

func newProgress(a *app, total int) *progress {
	return &progress{w: a.stderr, total: total, on: total >= 20 && a.isTerminal(a.stderr), now: a.now}
}

func (p *progress) step() {
	p.n++
	if !p.on || p.n < p.total && p.now().Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = p.now()
	const width = 30
	filled := width * p.n / max(p.total, 1)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d", bar, p.n, p.total)
}

// clear erases the bar before a message line.
func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *progress) done() {
	if p.on && p.n > 0 {
		fmt.Fprintln(p.w)
	}
}
