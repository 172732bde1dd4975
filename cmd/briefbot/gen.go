package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"briefbot/internal/corpusgen"
)

const genUsage = `Usage: briefbot gen --articles N --out DIR [flags]

Writes N generated news articles, deterministic from the seed, as text
files in the format of the sample corpus: varied outlets, dates over a
year, people from a large name pool written with nicknames,
transliterations and surnames alone, quotes, meetings, calls and figures,
and the same story retold by several outlets. Files go into
subdirectories of 1,000 (DIR/0000/gen-0000000.txt …), ready for
"briefbot ingest DIR". DIR must be empty or not exist.

Examples:
  briefbot gen --articles 10000 --out /tmp/news
  briefbot gen --articles 500 --seed 7 --truth --out testcorpus

Flags:
`

// genPerDir is how many articles gen puts in one subdirectory.
const genPerDir = 1000

func runGen(ctx context.Context, a *app, args []string) error {
	fs := newFlags("gen", a, genUsage)
	n := fs.Int("articles", 0, "how many articles (required)")
	out := fs.String("out", "", "write into `directory` (required)")
	seed := fs.Uint64("seed", 2024, "random `seed`")
	people := fs.Int("people", 2000, "size of the person pool")
	days := fs.Int("days", 365, "publication dates span this many days")
	start := fs.String("start", "2024-01-01", "first publication `date` (YYYY-MM-DD)")
	truth := fs.Bool("truth", false, "also write DIR/truth.jsonl: what each article states (people, quotes, meetings, figures)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	first, err := time.Parse("2006-01-02", *start)
	switch {
	case *n < 1:
		return fs.usageError("--articles: give how many articles, at least 1")
	case *out == "":
		return fs.usageError("--out: give the directory to write into")
	case *people < 12:
		return fs.usageError("--people: want at least 12")
	case *days < 1:
		return fs.usageError("--days: want at least 1")
	case err != nil:
		return fs.usageError("--start: %q is not a date like 2024-01-01", *start)
	}
	if err := emptyDir(*out); err != nil {
		return err
	}
	g := corpusgen.New(corpusgen.Config{Seed: *seed, Articles: *n, People: *people, Days: *days, Start: first})
	began := a.now()
	size, err := writeCorpus(ctx, g, *n, *out, *truth)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "wrote %d articles (%.1f MB) to %s in %s\n", *n, float64(size)/1e6, *out, a.now().Sub(began).Round(time.Millisecond))
	return nil
}

// emptyDir makes sure dir can take a new corpus: it is created when
// missing and must be empty otherwise, so that no file of an earlier
// corpus is mixed in.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		return nil
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("%s is not a directory: give a new or empty directory", dir)
	case err != nil:
		return fmt.Errorf("%s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty: give a new or empty directory", dir)
	}
	return nil
}

// writeCorpus writes articles 0…n-1 of g under dir, in parallel, and
// returns the bytes written. With truth, it also writes truth.jsonl, one
// line per article in order.
func writeCorpus(ctx context.Context, g *corpusgen.Generator, n int, dir string, truth bool) (int64, error) {
	for d := 0; d*genPerDir < n; d++ {
		if err := os.Mkdir(filepath.Join(dir, fmt.Sprintf("%04d", d)), 0o755); err != nil {
			return 0, fmt.Errorf("create directory: %w", err)
		}
	}
	type written struct {
		size  int64
		truth []byte
		err   error
	}
	results := make([]written, n)
	g.Each(0, n, func() bool { return ctx.Err() != nil }, func(i int, a corpusgen.Article) {
		path := filepath.Join(dir, fmt.Sprintf("%04d", i/genPerDir), a.Name)
		r := &results[i]
		if r.err = os.WriteFile(path, a.Data, 0o644); r.err != nil {
			return
		}
		r.size = int64(len(a.Data))
		if truth {
			r.truth, r.err = json.Marshal(struct {
				Name     string          `json:"name"`
				Outlet   string          `json:"outlet"`
				RepeatOf string          `json:"repeat_of,omitempty"`
				Truth    corpusgen.Truth `json:"truth"`
			}{a.Name, a.Outlet, a.RepeatOf, a.Truth})
		}
	})
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("generation interrupted: %w", err)
	}
	var total int64
	for _, r := range results {
		if r.err != nil {
			return 0, fmt.Errorf("write article: %w", r.err)
		}
		total += r.size
	}
	if !truth {
		return total, nil
	}
	f, err := os.Create(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return 0, fmt.Errorf("truth: %w", err)
	}
	bw := bufio.NewWriter(f)
	for _, r := range results {
		bw.Write(r.truth)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, fmt.Errorf("truth: %w", err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("truth: %w", err)
	}
	return total, nil
}
