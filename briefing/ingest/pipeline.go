// Package ingest runs articles through the pipeline — read, normalise,
// extract, store — with extraction spread over the CPUs and one writer
// storing articles in the order they were given, so the same input always
// builds the same corpus.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/normalize"
)

// Sink stores extracted articles, in order, each atomically: errs holds
// each article's failure; err a failure of the whole batch.
type Sink interface {
	IngestBatch(ctx context.Context, exs []briefing.Extraction) (res []briefing.IngestResult, errs []error, err error)
}

// maxBatch is the most articles handed to the sink at once. Large batches
// share the index pages they change, so a commit writes fewer of them: at
// 100,000 articles, 1,024 rather than 256 took ingestion from 1,190 to 1,550
// articles/s.
const maxBatch = 1024

// Item is one article to ingest.
type Item struct {
	Path   string // how to name it in messages (a path or URL)
	Source string // the article's source name (file base name or URL)
	Open   func() (io.ReadCloser, error)
}

// Outcome is what became of one item.
type Outcome struct {
	Path   string
	Title  string
	Result briefing.IngestResult
	Err    error // why the item failed; nil on success or duplicate
}

// Summary counts the outcomes of a run.
type Summary struct {
	Ingested   int `json:"ingested"`
	Duplicates int `json:"duplicates"`
	Failed     int `json:"failed"`
}

// Pipeline ingests items.
type Pipeline struct {
	extractor *extract.Extractor
	sink      Sink
	log       *slog.Logger
	maxBytes  int
	workers   int
}

// Options configure a Pipeline.
type Options struct {
	MaxBytes int // largest article accepted, in bytes; default 5 MiB
	Workers  int // extraction goroutines; default one less than GOMAXPROCS (at least 1)
	Logger   *slog.Logger
}

// DefaultMaxBytes is the default size limit of one article.
const DefaultMaxBytes = 5 << 20

// New returns a Pipeline that extracts with x and stores into sink.
func New(x *extract.Extractor, sink Sink, opts Options) *Pipeline {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Workers <= 0 {
		// Leave a processor to the writer: its many short cgo calls lose
		// their P to a busy worker and then wait to get one back.
		opts.Workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{extractor: x, sink: sink, log: opts.Logger, maxBytes: opts.MaxBytes, workers: opts.Workers}
}

// job is an item on its way through the workers.
type job struct {
	seq  int
	item Item
	ex   briefing.Extraction
	err  error
}

// Run ingests the items in order and calls report for each outcome, in
// order, from one goroutine. A failed item does not stop the others; Run
// stops early only when ctx is done, and then returns ctx's error.
// Articles extracted while the sink is busy are stored together in one
// batch.
func (p *Pipeline) Run(ctx context.Context, items []Item, report func(Outcome)) (Summary, error) {
	var sum Summary
	// At most inFlight items are read but not yet stored, so a slow item
	// cannot make the others pile up in memory. Results wait in done, so
	// the workers go on extracting while the writer stores a batch.
	inFlight := make(chan struct{}, max(4*p.workers, 2*maxBatch))
	jobs := make(chan job)
	done := make(chan job, cap(inFlight))
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.ex, j.err = p.prepare(j.item)
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, it := range items {
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq: i, item: it}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	// Store in input order: hold back results that arrive early, and take
	// every consecutive result ready at the time as one batch.
	pending := map[int]job{}
	next := 0
	emit := func(out Outcome) {
		switch {
		case out.Err != nil:
			sum.Failed++
		case out.Result.Duplicate:
			sum.Duplicates++
		default:
			sum.Ingested++
		}
		if report != nil {
			report(out)
		}
	}
	for open := true; open; {
		j, ok := <-done
		if !ok {
			break
		}
		pending[j.seq] = j
	drain:
		for {
			select {
			case j, ok := <-done:
				if !ok {
					open = false
					break drain
				}
				pending[j.seq] = j
			default:
				break drain
			}
		}
		for {
			var run []job
			for len(run) < maxBatch {
				cur, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				run = append(run, cur)
			}
			if len(run) == 0 {
				break
			}
			if ctx.Err() == nil {
				for _, out := range p.store(ctx, run) {
					emit(out)
				}
			}
			for range run {
				<-inFlight
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("ingest interrupted after %d of %d: %w", next, len(items), err)
	}
	return sum, nil
}

// prepare reads, normalises and extracts one item.
func (p *Pipeline) prepare(it Item) (briefing.Extraction, error) {
	data, err := p.read(it)
	if err != nil {
		return briefing.Extraction{}, err
	}
	a, err := normalize.Normalize(it.Source, data, normalize.Options{MaxBytes: p.maxBytes})
	if err != nil {
		return briefing.Extraction{}, err
	}
	return p.extractor.Extract(a), nil
}

func (p *Pipeline) read(it Item) ([]byte, error) {
	rc, err := it.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(p.maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(data) > p.maxBytes {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", normalize.ErrTooLarge, p.maxBytes)
	}
	return data, nil
}

// store hands a run of prepared items to the sink and returns their
// outcomes in order.
func (p *Pipeline) store(ctx context.Context, run []job) []Outcome {
	outs := make([]Outcome, len(run))
	var exs []briefing.Extraction
	var at []int
	for i, j := range run {
		outs[i] = Outcome{Path: j.item.Path, Err: j.err}
		if j.err != nil {
			p.log.Debug("article rejected", "path", j.item.Path, "err", j.err)
			continue
		}
		outs[i].Title = j.ex.Article.Title
		exs = append(exs, j.ex)
		at = append(at, i)
	}
	if len(exs) == 0 {
		return outs
	}
	res, errs, err := p.sink.IngestBatch(ctx, exs)
	for k, i := range at {
		switch {
		case err != nil:
			outs[i].Err = err
		case errs[k] != nil:
			outs[i].Err = errs[k]
		default:
			outs[i].Result = res[k]
		}
		if outs[i].Err != nil && !errors.Is(outs[i].Err, context.Canceled) {
			p.log.Debug("article not stored", "path", outs[i].Path, "err", outs[i].Err)
		}
	}
	return outs
}
