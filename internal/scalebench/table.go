package scalebench

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// WriteTable prints the report as one Markdown table: a column per corpus
// size, each figure the median of that size's runs.
func (r Report) WriteTable(w io.Writer) error {
	sizes := slices.Sorted(func(yield func(int) bool) {
		for n := range r.Results {
			if !yield(n) {
				return
			}
		}
	})
	var b strings.Builder
	b.WriteString("| |")
	for _, n := range sizes {
		fmt.Fprintf(&b, " %s articles |", thousands(n))
	}
	b.WriteString("\n|---|")
	for range sizes {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	row := func(label string, cell func(rs []Result) string) {
		fmt.Fprintf(&b, "| %s |", label)
		for _, n := range sizes {
			fmt.Fprintf(&b, " %s |", cell(r.Results[n]))
		}
		b.WriteString("\n")
	}
	row("ingest, articles/s (whole run)", func(rs []Result) string {
		return thousands(int(median(rs, Result.Rate)))
	})
	chunk := thousands(r.Config.Chunk)
	row("ingest, first / last "+chunk+" articles, articles/s", func(rs []Result) string {
		first := median(rs, func(x Result) float64 { return x.FirstRate })
		last := median(rs, func(x Result) float64 { return x.LastRate })
		return fmt.Sprintf("%s / %s (%.0f%%)", thousands(int(first)), thousands(int(last)), 100*last/first)
	})
	row("peak memory while ingesting", func(rs []Result) string {
		peak := median(rs, func(x Result) float64 { return float64(x.PeakRSS) })
		if peak == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.0f MiB", peak/(1<<20))
	})
	row("database per article", func(rs []Result) string {
		return fmt.Sprintf("%.1f KiB", median(rs, func(x Result) float64 { return float64(x.DBBytes) / float64(x.Articles) / 1024 }))
	})
	row("articles stored / duplicates", func(rs []Result) string {
		return fmt.Sprintf("%s / %s", thousands(rs[0].Summary.Ingested), thousands(rs[0].Summary.Duplicates))
	})
	ops := append(append(slices.Clone(askOps), OpAutocomplete), append(slices.Clone(pictureOps), OpDigest)...)
	for _, op := range ops {
		label := op
		if op == OpDigest {
			label = "digest of the last " + thousands(r.Config.DigestArticles) + " articles"
		}
		row(label+", p50 / p99 ms", func(rs []Result) string {
			p50 := median(rs, func(x Result) float64 { return ms(x.Ops[op].P50) })
			p99 := median(rs, func(x Result) float64 { return ms(x.Ops[op].P99) })
			return fmt.Sprintf("%s / %s", msText(p50), msText(p99))
		})
	}
	fmt.Fprintf(&b, "\nMedians of %d run(s) per size, seed %d; %d timed queries per command (%d per picture command, %d for the digest), each after a warm-up of a tenth as many. Ingest time excludes generating the articles. Machine: %s.\n",
		r.Config.Runs, r.Config.Seed, r.Config.Samples, max(1, r.Config.Samples/pictureShare), r.Config.DigestRuns, r.Machine)
	_, err := io.WriteString(w, b.String())
	return err
}

// median is the median of f over the runs.
func median(rs []Result, f func(Result) float64) float64 {
	if len(rs) == 0 {
		return 0
	}
	xs := make([]float64, len(rs))
	for i, x := range rs {
		xs[i] = f(x)
	}
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// msText prints milliseconds with two significant decimals below 10.
func msText(v float64) string {
	switch {
	case v < 1:
		return fmt.Sprintf("%.2f", v)
	case v < 10:
		return fmt.Sprintf("%.1f", v)
	}
	return thousands(int(v + 0.5))
}

// thousands prints n with commas: 100000 → "100,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
