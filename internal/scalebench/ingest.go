package scalebench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"time"

	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/internal/corpusgen"
	"briefbot/storage"
)

// ingestCorpus ingests articles 0…n-1 of g into db through the pipeline,
// a step at a time: each step's articles are generated first (not timed),
// then ingested (timed). beforeLast runs (not timed) before the last
// cfg.DigestArticles articles. It fills res's ingest figures.
func ingestCorpus(ctx context.Context, cfg Config, lex *lexicon.Lexicon, g *corpusgen.Generator, db *storage.DB, n int, res *Result, beforeLast func() error) error {
	p := ingest.New(extract.New(lex), db, ingest.Options{})
	chunk := min(cfg.Chunk, n)
	steps := steps(n, cfg.Chunk, []int{n - chunk, n - cfg.DigestArticles})
	elapsed := map[int]time.Duration{0: 0}
	var total time.Duration
	var peak int64
	// What earlier runs freed goes back to the system first, so that the
	// peak is this ingest's.
	debug.FreeOSMemory()
	resetPeakRSS()
	from := 0
	for _, to := range steps {
		if from == n-cfg.DigestArticles {
			peak = max(peak, peakRSS())
			if err := beforeLast(); err != nil {
				return fmt.Errorf("digest before the last articles: %w", err)
			}
			// What the digest freed goes back to the system before the
			// peak restarts, so that it does not count as ingesting.
			debug.FreeOSMemory()
			resetPeakRSS()
		}
		items := generate(g, from, to)
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		start, startCPU, startGC := time.Now(), processCPU(), gcCPU()
		var sum ingest.Summary
		var err error
		// Profiles tell the steps apart: go tool pprof -tagfocus step=90000-100000.
		pprof.Do(ctx, pprof.Labels("step", fmt.Sprintf("%d-%d", from/cfg.Chunk*cfg.Chunk, (from/cfg.Chunk+1)*cfg.Chunk)), func(ctx context.Context) {
			sum, err = p.Run(ctx, items, nil)
		})
		total += time.Since(start)
		cpu, gc := processCPU()-startCPU, gcCPU()-startGC
		if err != nil {
			return err
		}
		res.Summary.Ingested += sum.Ingested
		res.Summary.Duplicates += sum.Duplicates
		res.Summary.Failed += sum.Failed
		elapsed[to] = total
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		cfg.Logger.Debug("ingest step", "to", to, "per_second", int(float64(to-from)/(total-elapsed[from]).Seconds()),
			"cpu_ms_per_article", msPerArticle(cpu, to-from), "gc_ms_per_article", msPerArticle(gc, to-from),
			"gc_cycles", ms.NumGC-before.NumGC, "gc_goal_mib", ms.NextGC>>20, "rss_mib", currentRSS()>>20, "go_heap_mib", ms.HeapInuse>>20, "go_sys_mib", ms.Sys>>20)
		from = to
	}
	res.PeakRSS = max(peak, peakRSS())
	res.Ingest = total
	res.FirstRate = float64(chunk) / elapsed[chunk].Seconds()
	res.LastRate = float64(chunk) / (total - elapsed[n-chunk]).Seconds()
	if res.Summary.Failed > 0 {
		return fmt.Errorf("%d generated articles failed to ingest", res.Summary.Failed)
	}
	return nil
}

// msPerArticle formats d per article in milliseconds, for the step log.
func msPerArticle(d time.Duration, articles int) string {
	return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000/float64(articles))
}

// steps are the ends of the ingest steps: every multiple of chunk, the
// marks inside (0, n) and n, in order.
func steps(n, chunk int, marks []int) []int {
	var out []int
	for to := chunk; to < n; to += chunk {
		out = append(out, to)
	}
	for _, m := range marks {
		if m > 0 && m < n {
			out = append(out, m)
		}
	}
	out = append(out, n)
	slices.Sort(out)
	return slices.Compact(out)
}

// generate renders articles from…to-1 in parallel into in-memory items.
func generate(g *corpusgen.Generator, from, to int) []ingest.Item {
	items := make([]ingest.Item, to-from)
	g.Each(from, to, func() bool { return false }, func(i int, a corpusgen.Article) {
		data := a.Data
		items[i-from] = ingest.Item{Path: a.Name, Source: a.Name, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
	})
	return items
}
