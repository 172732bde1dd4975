package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/corpus"
)

const demoUsage = `Usage: briefbot demo [--db FILE]

Builds a corpus from the bundled sample articles (five reports on the
March 2024 Gaza ceasefire talks) in a temporary database, or in FILE with
--db (kept), prints the answers to a few representative questions and the
first digest of what is new.

Flags:
`

// demoQuestions are the questions the demo asks.
var demoQuestions = []string{
	"who-met barnea",
	"quotes blinken about rafah",
	"who-is kamal",
	"who-met mohammed",
	"search hostages",
	"timeline barnea",
	"sources",
}

func runDemo(ctx context.Context, a *app, args []string) error {
	fs := newFlags("demo", a, demoUsage)
	dbPath := fs.String("db", "", "build the corpus in this database `file` and keep it")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	cfg := defaultConfig()
	cfg.Log.Level = "warn"
	if *dbPath != "" {
		cfg.Database.Path = *dbPath
	} else {
		dir, err := os.MkdirTemp("", "briefbot-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(dir)
		cfg.Database.Path = filepath.Join(dir, "demo.db")
	}
	e, err := openEnv(ctx, a, cfg)
	if err != nil {
		return err
	}
	defer e.close()
	items, err := embeddedItems(corpus.Seeds(), "seeds")
	if err != nil {
		return err
	}
	p := ingest.New(extract.New(e.lex), e.db, ingest.Options{Logger: a.logger("warn")})
	sum, err := p.Run(ctx, items, func(o ingest.Outcome) {
		if o.Err != nil {
			fmt.Fprintf(a.stderr, "failed: %s: %v\n", o.Path, o.Err)
		}
	})
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("demo: %d of the sample articles could not be ingested", sum.Failed)
	}
	fmt.Fprintf(a.stdout, "Sample corpus: ingested %d articles, duplicates %d, failed %d (database %s)\n",
		sum.Ingested, sum.Duplicates, sum.Failed, cfg.Database.Path)
	svc := e.service()
	for _, q := range demoQuestions {
		fmt.Fprintf(a.stdout, "\n$ briefbot ask %s\n", q)
		if err := askTo(ctx, a.stdout, svc, q); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stdout, "\n$ briefbot digest\n")
	d, err := digest.NewRunner(digest.RunnerConfig{Store: e.db}).Preview(ctx, defaultDigestChannel, time.Time{})
	if err != nil {
		return err
	}
	return digest.WriteText(a.stdout, d)
}

// askTo answers one question as text; user-facing errors (an ambiguous
// name) are answers too.
func askTo(ctx context.Context, w io.Writer, svc *briefing.Service, q string) error {
	cmd, err := briefing.ParseCommand(q)
	if err == nil {
		var ans briefing.Answer
		if ans, err = svc.Ask(ctx, cmd); err == nil {
			return briefing.WriteText(w, ans)
		}
	}
	if ue, ok := briefing.UserError(err); ok {
		_, err := fmt.Fprintln(w, ue.Error())
		return err
	}
	return err
}

// embeddedItems lists the articles of an embedded corpus, by name.
func embeddedItems(fsys fs.FS, prefix string) ([]ingest.Item, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("sample corpus: %w", err)
	}
	var items []ingest.Item
	for _, e := range entries {
		name := e.Name()
		items = append(items, ingest.Item{
			Path:   prefix + "/" + name,
			Source: name,
			Open:   func() (io.ReadCloser, error) { return fsys.Open(name) },
		})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Source < items[j].Source })
	return items, nil
}
