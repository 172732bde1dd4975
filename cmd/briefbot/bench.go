package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"briefbot/internal/scalebench"
)

const benchUsage = `Usage: briefbot bench [--articles N,N,…] [--runs R] [flags]

Measures briefbot at scale and prints one Markdown table. For each corpus
size it generates articles (as "briefbot gen" does), ingests them into a
fresh database in a temporary directory, then times every ask command,
autocomplete and the digest of the last 1,000 articles. Figures are the
medians of the runs: ingest rate (whole run, first and last 10,000),
peak memory while ingesting, database size per article, and p50/p99
latency of each operation. Progress goes to stderr.

Each run is measured in a process of its own (--isolate), so that what one
run leaves in memory does not count in the next one's peak.

Examples:
  briefbot bench                                   10,000 and 100,000 articles, 3 runs each
  briefbot bench --articles 1000000 --runs 1       one run at a million (about 17 minutes and 11 GB of disk)
  briefbot bench --articles 100000 --runs 1 --cpuprofile ingest.pprof

Flags:
`

func runBench(ctx context.Context, a *app, args []string) error {
	fs := newFlags("bench", a, benchUsage)
	sizes := fs.String("articles", "10000,100000", "corpus `sizes`, comma-separated")
	runs := fs.Int("runs", 3, "runs of each size; the table gives their medians")
	seed := fs.Uint64("seed", 2024, "corpus and query `seed`")
	samples := fs.Int("samples", 200, "timed queries per command")
	dir := fs.String("dir", "", "build the databases in `directory` (default: a temporary one)")
	keep := fs.Bool("keep", false, "keep the databases")
	verbose := fs.Bool("v", false, "log each ingest step: its rate and memory")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the largest size's first ingest to `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of that ingest to `file` (with --cpuprofile)")
	isolate := fs.Bool("isolate", true, "measure each run in a process of its own (so that memory one run freed does not count in the next's peak)")
	one := fs.String("one", "", "measure one run building the database `file`, and print its figures as JSON (what --isolate runs)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	cfg := scalebench.Config{Runs: *runs, Seed: *seed, Samples: *samples, Dir: *dir, Keep: *keep,
		CPUProfile: *profile, MemProfile: *memProfile, Logger: a.logger("info")}
	if *verbose {
		cfg.Logger = a.logger("debug")
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(s), "_", ""))
		if err != nil || n < 1 {
			return fs.usageError("--articles: %q is not a positive number of articles", s)
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	switch {
	case *runs < 1:
		return fs.usageError("--runs: want at least 1")
	case *samples < 10:
		return fs.usageError("--samples: want at least 10")
	}
	if *one != "" {
		if len(cfg.Sizes) != 1 {
			return fs.usageError("--one measures one size: give --articles N")
		}
		res, err := scalebench.MeasureOne(ctx, cfg, cfg.Sizes[0], *one, *profile)
		if err != nil {
			return err
		}
		return json.NewEncoder(a.stdout).Encode(res)
	}
	if *isolate {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		cfg.Measure = func(ctx context.Context, n, run int, path, profile string) (scalebench.Result, error) {
			return measureInChild(ctx, a, exe, cfg, *verbose, n, path, profile)
		}
	}
	rep, err := scalebench.Run(ctx, cfg)
	if err != nil {
		return err
	}
	return rep.WriteTable(a.stdout)
}

// measureInChild runs "briefbot bench --one" for one run and reads its
// figures; its progress goes to our stderr.
func measureInChild(ctx context.Context, a *app, exe string, cfg scalebench.Config, verbose bool, n int, path, profile string) (scalebench.Result, error) {
	args := []string{"bench", "--one", path, "--articles", strconv.Itoa(n), "--seed", strconv.FormatUint(cfg.Seed, 10),
		"--samples", strconv.Itoa(cfg.Samples), "--keep=" + strconv.FormatBool(cfg.Keep)}
	if verbose {
		args = append(args, "-v")
	}
	if profile != "" {
		args = append(args, "--cpuprofile", profile)
		if cfg.MemProfile != "" {
			args = append(args, "--memprofile", cfg.MemProfile)
		}
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, a.stderr
	if err := cmd.Run(); err != nil {
		return scalebench.Result{}, fmt.Errorf("measuring in a child process: %w", err)
	}
	var res scalebench.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return res, fmt.Errorf("measuring in a child process: its figures: %w", err)
	}
	return res, nil
}
