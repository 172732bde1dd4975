package scalebench

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/ingest"
	"briefbot/internal/corpusgen"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestPercentile(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		out := make([]time.Duration, len(xs))
		for i, x := range xs {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name     string
		samples  []time.Duration
		p50, p99 time.Duration
	}{
		{"one", ms(7), 7 * time.Millisecond, 7 * time.Millisecond},
		{"two", ms(9, 1), 1 * time.Millisecond, 9 * time.Millisecond},
		{"unsorted five", ms(5, 1, 4, 2, 3), 3 * time.Millisecond, 5 * time.Millisecond},
		{"a hundred", ms(hundred...), 50 * time.Millisecond, 99 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarise(tt.samples, 1)
			if got.P50 != tt.p50 || got.P99 != tt.p99 || got.N != len(tt.samples) || got.Failed != 1 {
				t.Errorf("summarise = %+v, want p50 %s p99 %s n %d", got, tt.p50, tt.p99, len(tt.samples))
			}
		})
	}
	if got := summarise(nil, 0); got != (Latency{}) {
		t.Errorf("summarise(nil) = %+v", got)
	}
}

func TestSteps(t *testing.T) {
	tests := []struct {
		n, chunk int
		marks    []int
		want     []int
	}{
		{25, 10, []int{15, 24}, []int{10, 15, 20, 24, 25}},
		{30, 10, []int{20, 29}, []int{10, 20, 29, 30}},
		{5, 10, []int{-5, -995}, []int{5}},
		{10, 10, []int{0, 10}, []int{10}},
	}
	for _, tt := range tests {
		if got := steps(tt.n, tt.chunk, tt.marks); !slices.Equal(got, tt.want) {
			t.Errorf("steps(%d, %d, %v) = %v, want %v", tt.n, tt.chunk, tt.marks, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestWriteTable prints a made-up report: medians across runs, one column
// per size, every operation.
func TestWriteTable(t *testing.T) {
	run := func(n int, rate float64, peak int64, scale time.Duration) Result {
		r := Result{Articles: n, Summary: briefingSummary(n), Ingest: time.Duration(float64(n)/rate*1e9) * time.Nanosecond,
			FirstRate: rate * 1.1, LastRate: rate * 0.9, PeakRSS: peak << 20, DBBytes: int64(n) * 11 << 10, Ops: map[string]Latency{}}
		for i, op := range append(append(slices.Clone(askOps), pictureOps...), OpAutocomplete, OpDigest) {
			r.Ops[op] = Latency{N: 200, P50: time.Duration(i+1) * scale, P99: time.Duration(i+1) * 4 * scale}
		}
		return r
	}
	rep := Report{Machine: "test machine", Config: Config{Runs: 3, Seed: 2024, Samples: 200, DigestRuns: 5, Chunk: 10_000, DigestArticles: 1000},
		Results: map[int][]Result{
			100_000: {run(100_000, 1100, 250, time.Millisecond), run(100_000, 1300, 240, 2*time.Millisecond), run(100_000, 1200, 260, 3*time.Millisecond)},
			10_000:  {run(10_000, 1500, 200, 100*time.Microsecond), run(10_000, 1700, 210, 100*time.Microsecond), run(10_000, 1600, 205, 100*time.Microsecond)},
		}}
	var b bytes.Buffer
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.md", b.Bytes())
}

func briefingSummary(n int) ingest.Summary {
	return ingest.Summary{Ingested: n - n/100, Duplicates: n / 100}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (-update rewrites it)\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

// TestWorkload: the queries are drawn from the corpus: every operation
// gets its samples, people are named, words are words.
func TestWorkload(t *testing.T) {
	g := corpusgen.New(corpusgen.Config{Seed: 7, Articles: 500})
	w := newWorkload(g, 500, 40, 7)
	for _, op := range askOps {
		cmds := w.commands[op]
		if len(cmds) != 40 {
			t.Errorf("%s: %d commands, want 40", op, len(cmds))
		}
		for _, c := range cmds {
			switch c.Name {
			case briefing.CmdWhoMet, briefing.CmdQuotes, briefing.CmdWhoIs:
				if c.Person == "" {
					t.Errorf("%s: %+v names nobody", op, c)
				}
			}
			if op == OpWhoMetWith && c.With == "" || op == OpQuotesAbout && c.About == "" || op == OpSearch && len(strings.Fields(c.Words)) != 2 {
				t.Errorf("%s: %+v lacks its second part", op, c)
			}
		}
	}
	if len(w.typed) != 40 {
		t.Errorf("%d autocomplete inputs, want 40", len(w.typed))
	}
	for _, typed := range w.typed {
		if typed == "" || typed != strings.ToLower(typed) {
			t.Errorf("typed %q: want a lower-case prefix", typed)
		}
	}
	again := newWorkload(g, 500, 40, 7)
	if !slices.Equal(again.typed, w.typed) || !slices.Equal(again.commands[OpSearch], w.commands[OpSearch]) {
		t.Error("the workload is not the same for the same seed")
	}
}

// TestRunSmall runs the whole suite on a small corpus: a real database,
// every figure filled in.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus")
	}
	cfg := Config{Sizes: []int{400}, Runs: 2, Samples: 20, DigestRuns: 2, Chunk: 150, DigestArticles: 100, Dir: t.TempDir()}
	rep, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	rs := rep.Results[400]
	if len(rs) != 2 {
		t.Fatalf("%d runs, want 2", len(rs))
	}
	for _, r := range rs {
		if got := r.Summary.Ingested + r.Summary.Duplicates; got != 400 || r.Summary.Failed != 0 {
			t.Errorf("summary %+v, want 400 articles stored or found duplicate", r.Summary)
		}
		if r.Rate() <= 0 || r.FirstRate <= 0 || r.LastRate <= 0 || r.DBBytes < 400*1024 {
			t.Errorf("rate %.0f (first %.0f, last %.0f), database %d bytes", r.Rate(), r.FirstRate, r.LastRate, r.DBBytes)
		}
		if _, err := os.Stat("/proc/self/status"); err == nil && r.PeakRSS < 10<<20 {
			t.Errorf("peak memory %d bytes", r.PeakRSS)
		}
		for _, op := range append(slices.Clone(askOps), OpAutocomplete) {
			if l := r.Ops[op]; l.N != 20 || l.P50 <= 0 || l.P99 < l.P50 {
				t.Errorf("%s: %+v, want 20 timings", op, l)
			}
		}
		for _, op := range pictureOps {
			if l := r.Ops[op]; l.N != 20/pictureShare || l.P50 <= 0 || l.P99 < l.P50 {
				t.Errorf("%s: %+v, want %d timings", op, l, 20/pictureShare)
			}
		}
		if l := r.Ops[OpDigest]; l.N != 2 || l.P50 <= 0 {
			t.Errorf("digest: %+v", l)
		}
		if l := r.Ops[OpWhoIs]; l.Failed == l.N {
			t.Errorf("who-is: every one of %d people asked about was not found", l.N)
		}
	}
	entries, err := os.ReadDir(cfg.Dir)
	if err != nil || len(entries) != 0 {
		t.Errorf("the databases were left behind: %v %v", entries, err)
	}
}
