// Package ingest runs articles through the pipeline — read, normalise,
// extract, store — with extraction spread over the CPUs and one writer
// storing articles in the order they were given, so the same input always
// builds the same corpus.
package ingest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/normalize"
)

// Sink opens the transactions articles are stored in.
type Sink interface {
	BeginIngest(ctx context.Context) (briefing.IngestTx, error)
}

// maxTxArticles is the most articles stored in one transaction. Under load
// the writer stores every extracted article as it comes and commits when it
// has stored this many, or as soon as no further article is ready. Long
// transactions share the index pages they change, so a commit writes fewer
// of them: at 100,000 articles, a batch of 1,000 changed 10,800 pages, of
// which 6,600 were in indexes keyed by person, date or hash that every
// batch touches all over.
const maxTxArticles = 4096

// maxReady is the most articles extracted but not yet stored. The writer
// takes them one at a time, so they need only cover a commit.
const maxReady = 512

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
// order, from one goroutine, once the article's transaction committed. A
// failed item does not stop the others; Run stops early only when ctx is
// done, and then returns ctx's error (what the open transaction stored is
// rolled back and not reported).
func (p *Pipeline) Run(ctx context.Context, items []Item, report func(Outcome)) (Summary, error) {
	// At most maxReady items are read but not yet stored, so a slow item
	// cannot make the others pile up in memory. Results wait in done, so
	// the workers go on extracting while the writer commits.
	inFlight := make(chan struct{}, max(4*p.workers, maxReady))
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
	w := &writer{p: p, report: report}
	// Store in input order: hold back results that arrive early.
	in := ordered{done: done, pending: map[int]job{}}
	for {
		// Wait for the next article only with nothing to commit or
		// report: else do that first, so that what is stored shows at
		// once.
		idle := w.tx == nil && len(w.waiting) == 0
		j, ok := in.next(idle)
		if !ok {
			if idle {
				break // all done
			}
			w.commit(ctx)
			continue
		}
		if ctx.Err() == nil {
			w.store(ctx, j)
			if w.stored >= maxTxArticles {
				w.commit(ctx)
			}
		}
		<-inFlight
	}
	if err := ctx.Err(); err != nil {
		return w.sum, fmt.Errorf("ingest interrupted after %d of %d: %w", in.seq, len(items), err)
	}
	return w.sum, nil
}

// ordered gives the workers' results in input order.
type ordered struct {
	done    <-chan job
	pending map[int]job // results that came before their turn
	seq     int         // the next result's turn
	closed  bool        // done is closed
}

// next returns the next result in order: waiting for it when wait is set,
// else only if it is there already. It reports false when there is none
// (and none will come once closed is set).
func (o *ordered) next(wait bool) (job, bool) {
	for {
		if j, ok := o.pending[o.seq]; ok {
			delete(o.pending, o.seq)
			o.seq++
			return j, true
		}
		if o.closed {
			return job{}, false
		}
		var j job
		var ok bool
		if wait {
			j, ok = <-o.done
		} else {
			select {
			case j, ok = <-o.done:
			default:
				return job{}, false
			}
		}
		if !ok {
			o.closed = true
			continue
		}
		o.pending[j.seq] = j
	}
}

// writer stores results in transactions and reports their outcomes when
// each commits.
type writer struct {
	p       *Pipeline
	report  func(Outcome)
	sum     Summary
	tx      briefing.IngestTx // nil while none is open
	stored  int               // articles the transaction stored
	waiting []waitingOutcome  // outcomes to report at the commit
}

// waitingOutcome is an outcome waiting for its transaction; stored says it
// depends on the commit.
type waitingOutcome struct {
	out    Outcome
	stored bool
}

// store stores one result in the open transaction, opening one if needed.
func (w *writer) store(ctx context.Context, j job) {
	out := Outcome{Path: j.item.Path, Err: j.err}
	if j.err != nil {
		w.p.log.Debug("article rejected", "path", j.item.Path, "err", j.err)
		w.waiting = append(w.waiting, waitingOutcome{out: out})
		return
	}
	out.Title = j.ex.Article.Title
	if w.tx == nil {
		tx, err := w.p.sink.BeginIngest(ctx)
		if err != nil {
			out.Err = err
			w.p.log.Debug("article not stored", "path", out.Path, "err", out.Err)
			w.waiting = append(w.waiting, waitingOutcome{out: out})
			return
		}
		w.tx = tx
	}
	out.Result, out.Err = w.tx.Store(ctx, j.ex)
	if out.Err != nil {
		out.Result = briefing.IngestResult{}
		w.p.log.Debug("article not stored", "path", out.Path, "err", out.Err)
	}
	w.stored++
	w.waiting = append(w.waiting, waitingOutcome{out: out, stored: out.Err == nil})
}

// commit ends the open transaction, committing it unless ctx is done, and
// reports the outcomes waiting for it; a failed commit fails the articles
// it stored. What a transaction rolled back for ctx stored is not
// reported; what it committed is, even when ctx is done by then.
func (w *writer) commit(ctx context.Context) {
	var err error
	if w.tx != nil {
		if ctx.Err() != nil {
			w.tx.Rollback()
			w.tx, w.stored, w.waiting = nil, 0, w.waiting[:0]
			return
		}
		err = w.tx.Commit()
		w.tx, w.stored = nil, 0
	}
	for _, wo := range w.waiting {
		out := wo.out
		if wo.stored && err != nil {
			out.Result, out.Err = briefing.IngestResult{}, err
			w.p.log.Debug("article not stored", "path", out.Path, "err", err)
		}
		switch {
		case out.Err != nil:
			w.sum.Failed++
		case out.Result.Duplicate:
			w.sum.Duplicates++
		default:
			w.sum.Ingested++
		}
		if w.report != nil {
			w.report(out)
		}
	}
	w.waiting = w.waiting[:0]
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
