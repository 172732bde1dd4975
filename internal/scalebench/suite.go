// Package scalebench measures briefbot at scale. For each corpus size it
// generates articles with internal/corpusgen, ingests them into a fresh
// SQLite database through the real pipeline (normalise, extract, resolve,
// store), and then times every ask command, autocomplete and the digest
// of the last 1,000 articles on the result. Run returns the figures of
// every run; Report.WriteTable prints their medians as one table.
package scalebench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
	"briefbot/briefing/picture"
	"briefbot/internal/corpusgen"
	"briefbot/storage"
)

// Config sets up the suite.
type Config struct {
	Sizes      []int  // corpus sizes, in articles (default 10,000 and 100,000)
	Runs       int    // runs of each size; the table gives medians (default 3)
	Seed       uint64 // corpus and workload seed (default 2024)
	Dir        string // where the databases are built (default a new temporary directory, removed after)
	Samples    int    // timed queries per operation (default 200)
	DigestRuns int    // timed digests per run (default 5)
	// DigestArticles is how many new articles the timed digest covers: the
	// last of the corpus (default 1,000; all of a smaller corpus).
	DigestArticles int
	Chunk          int  // articles generated and ingested per step (default 10,000)
	Keep           bool // keep the databases
	// CPUProfile, when set, receives a CPU profile of the ingest of the
	// first run of the largest size.
	CPUProfile string
	// MemProfile, when set, receives a heap profile taken at the end of
	// that ingest.
	MemProfile string
	Logger     *slog.Logger // progress; default discard
	// Measure, when set, measures one run instead of this process: the
	// command runs each in a process of its own, so that one run's memory
	// (the C heap keeps what SQLite freed) does not count in the next's
	// peak. path is the database to build, profile where a CPU profile
	// goes ("" for none).
	Measure func(ctx context.Context, n, run int, path, profile string) (Result, error)
}

// Result is one run at one size.
type Result struct {
	Articles int
	Summary  ingest.Summary
	Ingest   time.Duration // ingesting, generation excluded
	// FirstRate and LastRate are the ingest rates of the first and the
	// last Chunk articles, in articles/s.
	FirstRate, LastRate float64
	PeakRSS             int64 // bytes, while ingesting; 0 where unknown
	DBBytes             int64 // database file, after ingest
	Ops                 map[string]Latency
}

// Rate is the ingest rate of the whole run, in articles/s.
func (r Result) Rate() float64 {
	if r.Ingest <= 0 {
		return 0
	}
	return float64(r.Articles) / r.Ingest.Seconds()
}

// Report is the suite's figures.
type Report struct {
	Machine string
	Config  Config
	Results map[int][]Result // by size, one per run
}

func (c *Config) defaults() {
	if len(c.Sizes) == 0 {
		c.Sizes = []int{10_000, 100_000}
	}
	if c.Runs <= 0 {
		c.Runs = 3
	}
	if c.Seed == 0 {
		c.Seed = 2024
	}
	if c.Samples <= 0 {
		c.Samples = 200
	}
	if c.DigestRuns <= 0 {
		c.DigestRuns = 5
	}
	if c.DigestArticles <= 0 {
		c.DigestArticles = 1000
	}
	if c.Chunk <= 0 {
		c.Chunk = 10_000
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Run runs the suite.
func Run(ctx context.Context, cfg Config) (Report, error) {
	cfg.defaults()
	for _, n := range cfg.Sizes {
		if n < 1 {
			return Report{}, fmt.Errorf("corpus size %d: want at least 1 article", n)
		}
	}
	rep := Report{Machine: Machine(), Config: cfg, Results: map[int][]Result{}}
	var lex *lexicon.Lexicon // for runs in this process
	var err error
	if cfg.Measure == nil {
		if lex, err = lexicon.Load(); err != nil {
			return rep, err
		}
	}
	dir := cfg.Dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "briefbot-bench-"); err != nil {
			return rep, fmt.Errorf("bench directory: %w", err)
		}
		if !cfg.Keep {
			defer os.RemoveAll(dir)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("bench directory: %w", err)
	}
	largest := 0
	for _, n := range cfg.Sizes {
		largest = max(largest, n)
	}
	for _, n := range cfg.Sizes {
		for run := range cfg.Runs {
			path := filepath.Join(dir, fmt.Sprintf("bench-%d-%d.db", n, run+1))
			profile := ""
			if run == 0 && n == largest {
				profile = cfg.CPUProfile
			}
			cfg.Logger.Info("run", "articles", n, "run", run+1, "of", cfg.Runs, "db", path)
			var res Result
			if cfg.Measure != nil {
				res, err = cfg.Measure(ctx, n, run, path, profile)
			} else {
				res, err = runOnce(ctx, cfg, lex, n, path, profile)
			}
			if !cfg.Keep {
				removeDB(path)
			}
			if err != nil {
				return rep, fmt.Errorf("%d articles, run %d: %w", n, run+1, err)
			}
			rep.Results[n] = append(rep.Results[n], res)
		}
	}
	return rep, nil
}

// MeasureOne builds a corpus of n articles at path and measures it, in
// this process: one run of Run.
func MeasureOne(ctx context.Context, cfg Config, n int, path, profile string) (Result, error) {
	cfg.defaults()
	if n < 1 {
		return Result{}, fmt.Errorf("corpus size %d: want at least 1 article", n)
	}
	lex, err := lexicon.Load()
	if err != nil {
		return Result{}, err
	}
	defer func() {
		if !cfg.Keep {
			removeDB(path)
		}
	}()
	return runOnce(ctx, cfg, lex, n, path, profile)
}

// removeDB removes a database and its WAL files.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// runOnce builds a corpus of n articles at path and times it.
func runOnce(ctx context.Context, cfg Config, lex *lexicon.Lexicon, n int, path, profile string) (Result, error) {
	removeDB(path)
	res := Result{Articles: n, Ops: map[string]Latency{}}
	g := corpusgen.New(corpusgen.Config{Seed: cfg.Seed, Articles: n})
	db, err := storage.Open(ctx, path, storage.Options{Lexicon: lex})
	if err != nil {
		return res, err
	}
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return res, fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return res, fmt.Errorf("cpu profile: %w", err)
		}
	}
	runner := digest.NewRunner(digest.RunnerConfig{Store: db})
	const channel = "bench"
	err = ingestCorpus(ctx, cfg, lex, g, db, n, &res, func() error {
		// The channel is told everything before the last articles, so
		// that its next digest covers exactly those.
		_, err := runner.Run(ctx, channel, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), true, time.Time{})
		return err
	})
	if profile != "" {
		pprof.StopCPUProfile()
		if cfg.MemProfile != "" {
			if err := writeHeapProfile(cfg.MemProfile); err != nil {
				return res, err
			}
		}
	}
	if err != nil {
		return res, err
	}
	cfg.Logger.Info("ingested", "articles", n, "seconds", res.Ingest.Seconds(), "per_second", int(res.Rate()),
		"first", int(res.FirstRate), "last", int(res.LastRate), "peak_mib", res.PeakRSS>>20)

	// The queries run on the database as a restarted bot finds it.
	if err := db.Close(); err != nil {
		return res, err
	}
	db = nil
	if res.DBBytes, err = fileSize(path); err != nil {
		return res, err
	}
	if db, err = storage.Open(ctx, path, storage.Options{Lexicon: lex}); err != nil {
		return res, err
	}
	svc := briefing.NewService(db, names.NewMatcher(lex))
	w := newWorkload(g, n, cfg.Samples, cfg.Seed)
	for _, op := range askOps {
		lat, err := timeOp(ctx, w.commands[op], func(c briefing.Command) error {
			_, err := svc.Ask(ctx, c)
			return err
		})
		if err != nil {
			return res, fmt.Errorf("%s: %w", op, err)
		}
		res.Ops[op] = lat
	}
	if res.Ops[OpAutocomplete], err = timeOp(ctx, w.typed, func(typed string) error {
		_, err := svc.Suggest(ctx, typed, 25)
		return err
	}); err != nil {
		return res, fmt.Errorf("autocomplete: %w", err)
	}
	pictures, err := picture.NewRenderer(ctx)
	if err != nil {
		return res, err
	}
	defer pictures.Close()
	for _, op := range pictureOps {
		lat, err := timeOp(ctx, w.commands[op], func(c briefing.Command) error {
			a, err := svc.Ask(ctx, c)
			if err != nil {
				return err
			}
			switch a := a.(type) {
			case briefing.GraphAnswer:
				_, err = pictures.Network(ctx, a)
			case briefing.ChartAnswer:
				_, err = pictures.Chart(a)
			}
			if errors.Is(err, picture.ErrNothingToDraw) {
				return nil // an answer in words
			}
			return err
		})
		if err != nil {
			return res, fmt.Errorf("%s: %w", op, err)
		}
		res.Ops[op] = lat
	}
	runner = digest.NewRunner(digest.RunnerConfig{Store: db})
	digests := make([]int, cfg.DigestRuns)
	if res.Ops[OpDigest], err = timeOp(ctx, digests, func(int) error {
		_, err := runner.Preview(ctx, channel, time.Time{})
		return err
	}); err != nil {
		return res, fmt.Errorf("digest: %w", err)
	}
	cfg.Logger.Info("queried", "articles", n)
	return res, nil
}

// timeOp runs op on every input, after a warm-up of a tenth of them, and
// summarises the timings. Errors a user would see (not found, ambiguous)
// count as answers; any other error stops the suite.
func timeOp[T any](ctx context.Context, inputs []T, op func(T) error) (Latency, error) {
	failed := 0
	do := func(in T) error {
		err := op(in)
		if _, ok := briefing.UserError(err); ok {
			failed++
			return nil
		}
		return err
	}
	for _, in := range inputs[:len(inputs)/10] {
		if err := do(in); err != nil {
			return Latency{}, err
		}
	}
	failed = 0
	samples := make([]time.Duration, 0, len(inputs))
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return Latency{}, err
		}
		start := time.Now()
		err := do(in)
		samples = append(samples, time.Since(start))
		if err != nil {
			return Latency{}, err
		}
	}
	return summarise(samples, failed), nil
}

// writeHeapProfile writes the live heap to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}

// fileSize is the size of a database with its WAL.
func fileSize(path string) (int64, error) {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		st, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) && p != path {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("database size: %w", err)
		}
		total += st.Size()
	}
	return total, nil
}
