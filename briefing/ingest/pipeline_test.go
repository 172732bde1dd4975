package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/normalize"
	"briefbot/corpus"
	"briefbot/storage"
)

// guard bounds every wait of these tests: none should come near it unless
// the pipeline is broken (a deadlock, a commit that never comes). runGuard
// bounds a whole run, longer so that the waits inside give up first.
const (
	guard    = 5 * time.Second
	runGuard = 4 * guard
)

// A guardian bounds a test's waits: the first that runs out fails the
// test and makes every other give up at once, so that a broken pipeline
// fails the test quickly instead of hanging it.
type guardian struct {
	t     *testing.T
	once  sync.Once
	abort chan struct{}
}

func newGuardian(t *testing.T) *guardian { return &guardian{t: t, abort: make(chan struct{})} }

// wait waits for ch. It gives up when ctx is done, when another wait ran
// out, or after guard, failing the test.
func (g *guardian) wait(ctx context.Context, ch <-chan struct{}, format string, args ...any) bool {
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		return false
	case <-g.abort:
		return false
	case <-time.After(guard):
		g.once.Do(func() { close(g.abort) })
		g.t.Errorf("timed out: "+format, args...)
		return false
	}
}

var loadExtractor = sync.OnceValues(func() (*extract.Extractor, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	return extract.New(lex), nil
})

var loadLexicon = sync.OnceValues(lexicon.Load)

func testExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := loadExtractor()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	return x
}

// articleText is a small news article about topic; different topics give
// different content hashes.
func articleText(topic string) string {
	return fmt.Sprintf(`Talks on %[1]s resume in Doha

March 22, 2024

Foreign Minister Ayman Safadi met Qatari Prime Minister Mohammed bin Abdulrahman Al-Thani in Doha on Friday to discuss %[1]s. "We are making progress," Safadi said after the meeting.

CIA director William Burns is expected to join the talks on %[1]s next week, officials said.
`, topic)
}

// articleItems are n articles named a0000, a0001…; opening item i first
// calls before(i), and fails with its error if it returns one.
func articleItems(n int, before func(i int) error) []Item {
	items := make([]Item, n)
	for i := range items {
		name := fmt.Sprintf("a%04d", i)
		text := articleText(name)
		items[i] = Item{Path: name, Source: name, Open: func() (io.ReadCloser, error) {
			if err := before(i); err != nil {
				return nil, err
			}
			return io.NopCloser(strings.NewReader(text)), nil
		}}
	}
	return items
}

var (
	errOpen   = errors.New("disk on fire")
	errCommit = errors.New("commit refused")
	errStore  = errors.New("store refused")
	errBegin  = errors.New("begin refused")
	errTail   = errors.New("tail item")
)

// textItem is an item named name (its Path and Source) with content text.
func textItem(name, text string) Item {
	return Item{Path: name, Source: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(text)), nil
	}}
}

// entry is an item of a test and the outcome it should have.
type entry struct {
	name    string
	text    string
	openErr error
	want    want
}

// want is an expected outcome.
type want struct {
	kind  string // "ingested", "duplicate" or "failed"
	err   error  // for "failed": what errors.Is must find in Outcome.Err
	dupOf string // for "duplicate": the source it duplicates ("" to skip)
}

func good(name string) entry {
	return entry{name: name, text: articleText(name), want: want{kind: "ingested"}}
}

// sameAs has the content of the article named of.
func sameAs(name, of string) entry {
	return entry{name: name, text: articleText(of), want: want{kind: "duplicate", dupOf: of}}
}

func unreadable(name string) entry {
	return entry{name: name, openErr: errOpen, want: want{kind: "failed", err: errOpen}}
}

func binary(name string) entry {
	return entry{name: name, text: "\x00\x01\x02\x03 not text \x00\xff", want: want{kind: "failed", err: normalize.ErrBinary}}
}

func empty(name string) entry {
	return entry{name: name, text: " \n\t\n ", want: want{kind: "failed", err: normalize.ErrEmpty}}
}

// failing changes what e should become: a failure with err.
func (e entry) failing(err error) entry { e.want = want{kind: "failed", err: err}; return e }

// duplicateOf changes what e should become: a duplicate of src.
func (e entry) duplicateOf(src string) entry { e.want = want{kind: "duplicate", dupOf: src}; return e }

// ingested changes what e should become: a new article.
func (e entry) ingested() entry { e.want = want{kind: "ingested"}; return e }

func (e entry) item() Item {
	if e.openErr != nil {
		name, err := e.name, e.openErr
		return Item{Path: name, Source: name, Open: func() (io.ReadCloser, error) { return nil, err }}
	}
	return textItem(e.name, e.text)
}

// checkOutcomes checks that outs are the outcomes entries want, in order,
// and that sum counts them.
func checkOutcomes(t *testing.T, entries []entry, outs []Outcome, sum Summary) {
	t.Helper()
	if len(outs) != len(entries) {
		t.Errorf("%d outcomes for %d items", len(outs), len(entries))
	}
	var wantSum Summary
	for i, e := range entries {
		switch e.want.kind {
		case "ingested":
			wantSum.Ingested++
		case "duplicate":
			wantSum.Duplicates++
		default:
			wantSum.Failed++
		}
		if i >= len(outs) {
			continue
		}
		o := outs[i]
		if o.Path != e.name {
			t.Errorf("outcome %d is of %q, want %q (input order)", i, o.Path, e.name)
			continue
		}
		switch e.want.kind {
		case "ingested":
			if o.Err != nil || o.Result.Duplicate || o.Result.DocumentID == 0 || o.Title == "" {
				t.Errorf("%s: got err=%v result=%+v title=%q, want a new article", e.name, o.Err, o.Result, o.Title)
			}
		case "duplicate":
			if o.Err != nil || !o.Result.Duplicate || (e.want.dupOf != "" && o.Result.DuplicateOf != e.want.dupOf) {
				t.Errorf("%s: got err=%v result=%+v, want a duplicate of %q", e.name, o.Err, o.Result, e.want.dupOf)
			}
		case "failed":
			if !errors.Is(o.Err, e.want.err) {
				t.Errorf("%s: got err=%v, want %v", e.name, o.Err, e.want.err)
			}
			if o.Result != (briefing.IngestResult{}) {
				t.Errorf("%s failed with a result: %+v", e.name, o.Result)
			}
		}
	}
	if sum != wantSum {
		t.Errorf("summary %+v, want %+v", sum, wantSum)
	}
}

// fakeSink is a Sink that records its transactions, keeps what they
// commit in memory, and notes every breach of the IngestTx contract.
type fakeSink struct {
	mu       sync.Mutex
	begins   int               // BeginIngest calls
	txs      []*fakeTx         // transactions begun
	open     *fakeTx           // the open transaction, if any
	kept     map[string]string // content hash -> source, of what was committed
	storedIn map[string]*fakeTx
	lastID   int64
	problems []string

	beginErr  map[int]error    // by BeginIngest call, from 0
	storeErr  map[string]error // by source
	commitErr map[int]error    // by transaction, from 0

	// Hooks, called outside the lock.
	beforeBegin func()
	onStore     func(source string)
	onCommit    func(tx int)
}

type fakeTx struct {
	s         *fakeSink
	n         int
	attempts  []string          // sources given to Store
	hashes    map[string]string // content hash -> source stored here
	commits   int
	rollbacks int
	committed bool // Commit succeeded
}

func newFakeSink() *fakeSink {
	return &fakeSink{kept: map[string]string{}, storedIn: map[string]*fakeTx{}}
}

func (s *fakeSink) problem(format string, args ...any) {
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
}

func (s *fakeSink) BeginIngest(ctx context.Context) (briefing.IngestTx, error) {
	if s.beforeBegin != nil {
		s.beforeBegin()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.begins
	s.begins++
	if s.open != nil {
		s.problem("BeginIngest while transaction %d is open", s.open.n)
	}
	if err := s.beginErr[n]; err != nil {
		return nil, err
	}
	tx := &fakeTx{s: s, n: len(s.txs), hashes: map[string]string{}}
	s.txs = append(s.txs, tx)
	s.open = tx
	return tx, nil
}

func (tx *fakeTx) Store(ctx context.Context, ex briefing.Extraction) (briefing.IngestResult, error) {
	s := tx.s
	src := ex.Article.Source
	if s.onStore != nil {
		s.onStore(src)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx.attempts = append(tx.attempts, src)
	if tx.commits+tx.rollbacks > 0 {
		s.problem("Store(%s) in transaction %d, which has ended", src, tx.n)
		return briefing.IngestResult{}, errors.New("transaction ended")
	}
	if err := s.storeErr[src]; err != nil {
		// A result with the error, which the outcome must not carry.
		return briefing.IngestResult{DocumentID: -1, Quotes: 7}, err
	}
	if of, ok := s.kept[ex.Hash]; ok {
		return briefing.IngestResult{Duplicate: true, DuplicateOf: of}, nil
	}
	if of, ok := tx.hashes[ex.Hash]; ok {
		return briefing.IngestResult{Duplicate: true, DuplicateOf: of}, nil
	}
	tx.hashes[ex.Hash] = src
	s.storedIn[src] = tx
	s.lastID++
	return briefing.IngestResult{DocumentID: s.lastID, Quotes: len(ex.Quotes)}, nil
}

func (tx *fakeTx) Commit() error {
	s := tx.s
	if s.onCommit != nil {
		s.onCommit(tx.n)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx.commits++
	if tx.commits+tx.rollbacks > 1 {
		s.problem("Commit of transaction %d, which had ended", tx.n)
		return errors.New("transaction ended")
	}
	s.open = nil
	if err := s.commitErr[tx.n]; err != nil {
		return err
	}
	for h, src := range tx.hashes {
		s.kept[h] = src
	}
	tx.committed = true
	return nil
}

func (tx *fakeTx) Rollback() {
	s := tx.s
	s.mu.Lock()
	defer s.mu.Unlock()
	tx.rollbacks++
	if tx.commits+tx.rollbacks > 1 {
		s.problem("Rollback of transaction %d, which had ended", tx.n)
		return
	}
	s.open = nil
}

// checkReported checks, from the report callback, that o may be reported:
// no transaction is open and a new article's transaction committed.
func (s *fakeSink) checkReported(o Outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open != nil {
		s.problem("%s reported while transaction %d is open", o.Path, s.open.n)
	}
	if o.Err == nil && !o.Result.Duplicate {
		if tx := s.storedIn[o.Path]; tx == nil || !tx.committed {
			s.problem("%s reported as stored but its transaction did not commit", o.Path)
		}
	}
}

// verify checks that the sink saw no breach and that every transaction
// ended exactly once.
func (s *fakeSink) verify(t *testing.T) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.problems {
		t.Error(p)
	}
	if s.open != nil {
		t.Errorf("transaction %d left open", s.open.n)
	}
	for _, tx := range s.txs {
		if tx.commits+tx.rollbacks != 1 {
			t.Errorf("transaction %d ended %d times by Commit and %d by Rollback, want once", tx.n, tx.commits, tx.rollbacks)
		}
	}
}

// txSizes returns how many articles each transaction was given.
func (s *fakeSink) txSizes() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n []int
	for _, tx := range s.txs {
		n = append(n, len(tx.attempts))
	}
	return n
}

// txRecord is what a test expects of a transaction: the articles it was
// given and how it ended.
type txRecord struct {
	stored []string
	end    string // "commit", "failed commit" or "rollback"
}

func (s *fakeSink) records() []txRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	var r []txRecord
	for _, tx := range s.txs {
		end := "open"
		switch {
		case tx.committed:
			end = "commit"
		case tx.commits > 0:
			end = "failed commit"
		case tx.rollbacks > 0:
			end = "rollback"
		}
		r = append(r, txRecord{stored: slices.Clone(tx.attempts), end: end})
	}
	return r
}

func checkTxs(t *testing.T, s *fakeSink, want []txRecord) {
	t.Helper()
	got := s.records()
	if len(got) != len(want) {
		t.Errorf("%d transactions %v, want %d %v", len(got), got, len(want), want)
		return
	}
	for i := range want {
		if !slices.Equal(got[i].stored, want[i].stored) || got[i].end != want[i].end {
			t.Errorf("transaction %d: %v, want %v", i, got[i], want[i])
		}
	}
}

// stage runs entries grouped in batches so that each batch's articles are
// stored in one transaction of their own, whatever the timing: with one
// worker, the first item of each batch cannot be opened before the last
// of the previous batch was reported, and a transaction does not begin
// before the worker has reached the next batch (so all of its batch is
// ready). A last batch, a rejected "tail" item, is added to every run.
type stage struct {
	t        *testing.T
	g        *guardian
	ctx      context.Context
	entries  []entry
	items    []Item
	batchOf  []int
	starts   []int // first item of each batch
	opened   []chan struct{}
	reported []chan struct{}
	nRep     atomic.Int64
}

func newStage(t *testing.T, ctx context.Context, batches [][]entry) *stage {
	tail := entry{name: "tail", openErr: errTail, want: want{kind: "failed", err: errTail}}
	batches = append(slices.Clone(batches), []entry{tail})
	st := &stage{t: t, g: newGuardian(t), ctx: ctx}
	for b, batch := range batches {
		st.starts = append(st.starts, len(st.entries))
		for _, e := range batch {
			st.entries = append(st.entries, e)
			st.batchOf = append(st.batchOf, b)
		}
	}
	for i, e := range st.entries {
		st.opened = append(st.opened, make(chan struct{}))
		st.reported = append(st.reported, make(chan struct{}))
		gated := i > 0 && st.batchOf[i] != st.batchOf[i-1]
		inner := e.item()
		st.items = append(st.items, Item{Path: inner.Path, Source: inner.Source, Open: func() (io.ReadCloser, error) {
			close(st.opened[i])
			if gated && !st.wait(st.reported[i-1], "%s waiting for %s to be reported", e.name, st.entries[i-1].name) {
				return nil, errors.New("gate not passed")
			}
			return inner.Open()
		}})
	}
	return st
}

func (st *stage) wait(ch <-chan struct{}, format string, args ...any) bool {
	return st.g.wait(st.ctx, ch, format, args...)
}

// beforeBegin holds a transaction back until the worker has reached the
// next batch.
func (st *stage) beforeBegin() {
	n := int(st.nRep.Load())
	if n >= len(st.items) {
		st.t.Errorf("transaction begun after every outcome was reported")
		return
	}
	b := st.batchOf[n]
	if b+1 >= len(st.starts) {
		return // the tail
	}
	st.wait(st.opened[st.starts[b+1]], "worker reaching batch %d", b+1)
}

// run runs the pipeline (one worker) over the stage's items into sink;
// hook, if set, is called after each report.
func (st *stage) run(sink *fakeSink, hook func(Outcome)) ([]Outcome, Summary, error) {
	sink.beforeBegin = st.beforeBegin
	p := New(testExtractor(st.t), sink, Options{Workers: 1})
	var outs []Outcome
	var sum Summary
	err := within(st.t, func() error {
		var err error
		sum, err = p.Run(st.ctx, st.items, func(o Outcome) {
			sink.checkReported(o)
			n := len(outs)
			outs = append(outs, o)
			if n < len(st.reported) {
				close(st.reported[n])
			}
			st.nRep.Add(1)
			if hook != nil {
				hook(o)
			}
		})
		return err
	})
	return outs, sum, err
}

// within runs f, failing the test if it does not return within runGuard.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(runGuard):
		buf := make([]byte, 1<<20)
		t.Fatalf("no return within %v:\n%s", runGuard, buf[:runtime.Stack(buf, true)])
		return nil
	}
}

// checkGoroutines fails if goroutines started since base have not ended
// shortly.
func checkGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Errorf("%d goroutines left running after Run, %d before:\n%s", runtime.NumGoroutine(), base, buf[:runtime.Stack(buf, true)])
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// TestRunOutcomesInOrder runs a mix of articles, unreadable, binary, empty,
// oversized items and duplicates (of articles in the same run, possibly
// in the same transaction) with several numbers of workers: each item has
// exactly one outcome, in input order, as the sink decided, and Summary
// counts them.
func TestRunOutcomesInOrder(t *testing.T) {
	oversized := entry{name: "big.txt", text: articleText("size") + strings.Repeat("Officials said more talks would follow. ", 200),
		want: want{kind: "failed", err: normalize.ErrTooLarge}}
	entries := []entry{
		good("a"), unreadable("b"), good("c"), binary("d"), sameAs("e", "a"), empty("f"),
		good("g"), oversized, sameAs("h", "h-original").ingested(), sameAs("i", "h-original").duplicateOf("h"),
		unreadable("j"), unreadable("k"), good("l"), sameAs("m", "c"), binary("n"),
	}
	for i := range 40 {
		e := good(fmt.Sprintf("bulk-%02d", i))
		switch i % 7 {
		case 3:
			e = sameAs(e.name, "a")
		case 5:
			e = unreadable(e.name)
		}
		entries = append(entries, e)
	}
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			g := newGuardian(t)
			items := make([]Item, len(entries))
			for i, e := range entries {
				items[i] = e.item()
			}
			// Make the first item finish after later ones started, so
			// that results come out of order.
			firstOpen := items[0].Open
			later := make(chan struct{})
			items[workers-1].Open = func(open func() (io.ReadCloser, error)) func() (io.ReadCloser, error) {
				return func() (io.ReadCloser, error) { close(later); return open() }
			}(items[workers-1].Open)
			if workers > 1 {
				items[0].Open = func() (io.ReadCloser, error) {
					g.wait(context.Background(), later, "item 0 waiting for item %d to start", workers-1)
					return firstOpen()
				}
			}
			sink := newFakeSink()
			p := New(testExtractor(t), sink, Options{Workers: workers, MaxBytes: 4096})
			var outs []Outcome
			var sum Summary
			err := within(t, func() error {
				var err error
				sum, err = p.Run(context.Background(), items, func(o Outcome) {
					sink.checkReported(o)
					outs = append(outs, o)
				})
				return err
			})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkOutcomes(t, entries, outs, sum)
			sink.verify(t)
			if n := len(sink.txs); n == 0 || n > sum.Ingested+sum.Duplicates {
				t.Errorf("%d transactions for %d stored articles", n, sum.Ingested+sum.Duplicates)
			}
		})
	}
}

// TestRunEmpty: no items, no transaction, no outcome.
func TestRunEmpty(t *testing.T) {
	sink := newFakeSink()
	p := New(testExtractor(t), sink, Options{})
	sum, err := p.Run(context.Background(), nil, func(o Outcome) { t.Errorf("outcome %+v for no items", o) })
	if err != nil || sum != (Summary{}) {
		t.Errorf("Run = %+v, %v; want a zero summary, nil", sum, err)
	}
	if sink.begins != 0 {
		t.Errorf("%d transactions for no items", sink.begins)
	}
}

// TestTransactionsGrowWhileExtractionKeepsUp: when articles are ready
// faster than they are stored (here each Store waits until the worker is
// 256 items ahead), the writer does not commit until it has stored
// maxTxArticles articles: 5000 articles make two transactions, of 4096
// and 904, not thousands. (A last, unreadable item lets the last article
// be known ready: the worker opens it once it is done with the article.)
func TestTransactionsGrowWhileExtractionKeepsUp(t *testing.T) {
	const n = maxTxArticles + 904
	const ahead = 256
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			g := newGuardian(t)
			opened := make([]chan struct{}, n+1)
			for i := range opened {
				opened[i] = make(chan struct{})
			}
			items := articleItems(n, func(i int) error { close(opened[i]); return nil })
			index := map[string]int{}
			for i, it := range items {
				index[it.Source] = i
			}
			items = append(items, Item{Path: "tail", Source: "tail", Open: func() (io.ReadCloser, error) {
				close(opened[n])
				return nil, errTail
			}})
			sink := newFakeSink()
			sink.onStore = func(src string) {
				g.wait(context.Background(), opened[min(index[src]+ahead, n)], "storing %s: the worker getting %d items ahead", src, ahead)
			}
			p := New(testExtractor(t), sink, Options{Workers: workers})
			next := 0
			var sum Summary
			err := within(t, func() error {
				var err error
				sum, err = p.Run(context.Background(), items, func(o Outcome) {
					sink.checkReported(o)
					if next > n || o.Path != items[next].Path || (o.Err != nil) != (next == n) {
						t.Errorf("outcome %d: %s, %v", next, o.Path, o.Err)
					}
					next++
				})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if sum != (Summary{Ingested: n, Failed: 1}) || next != n+1 {
				t.Errorf("summary %+v, %d outcomes; want %d ingested, 1 failed", sum, next, n)
			}
			sink.verify(t)
			sizes := sink.txSizes()
			for i, s := range sizes {
				if s > maxTxArticles {
					t.Errorf("transaction %d stored %d articles, over %d", i, s, maxTxArticles)
				}
			}
			if workers == 1 {
				// One worker opens item i+256 only after it sent items
				// up to i+255: the next article is always ready.
				if !slices.Equal(sizes, []int{maxTxArticles, n - maxTxArticles}) {
					t.Errorf("transaction sizes %v, want [%d %d]", sizes, maxTxArticles, n-maxTxArticles)
				}
			} else if len(sizes) > 20 {
				t.Errorf("%d transactions for %d articles (sizes %v), want a few", len(sizes), n, sizes)
			}
		})
	}
}

// TestReadAheadIsBounded: while the writer is stuck storing the first
// article, the workers read maxReady items and no more.
func TestReadAheadIsBounded(t *testing.T) {
	const n = maxReady + 100
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			g := newGuardian(t)
			opened := make([]chan struct{}, n)
			for i := range opened {
				opened[i] = make(chan struct{})
			}
			items := articleItems(n, func(i int) error { close(opened[i]); return nil })
			sink := newFakeSink()
			sink.onStore = func(src string) {
				if src != items[0].Source {
					return
				}
				if !g.wait(context.Background(), opened[maxReady-1], "item %d to be read while the writer stores item 0", maxReady-1) {
					return
				}
				// A negative check: give a broken bound a moment to show.
				select {
				case <-opened[maxReady]:
					t.Errorf("item %d read while item 0 is being stored: more than %d items read ahead", maxReady, maxReady)
				case <-time.After(50 * time.Millisecond):
				}
			}
			p := New(testExtractor(t), sink, Options{Workers: workers})
			var sum Summary
			err := within(t, func() error {
				var err error
				sum, err = p.Run(context.Background(), items, nil)
				return err
			})
			if err != nil || sum != (Summary{Ingested: n}) {
				t.Errorf("Run = %+v, %v; want %d ingested", sum, err, n)
			}
			sink.verify(t)
		})
	}
}

// TestCommitsWhenNothingIsReady: the writer commits (and reports) as soon
// as no further article is ready, rather than waiting for more: each
// item here can only be read once the previous one was reported, so
// waiting would deadlock.
func TestCommitsWhenNothingIsReady(t *testing.T) {
	const n = 12
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			g := newGuardian(t)
			reported := make([]chan struct{}, n)
			for i := range reported {
				reported[i] = make(chan struct{})
			}
			var items []Item
			items = articleItems(n, func(i int) error {
				if i > 0 && !g.wait(context.Background(), reported[i-1], "%s waiting for %s to be reported (no commit while nothing was ready)", items[i].Path, items[i-1].Path) {
					return errors.New("gave up")
				}
				return nil
			})
			sink := newFakeSink()
			p := New(testExtractor(t), sink, Options{Workers: workers})
			var outs []Outcome
			var sum Summary
			err := within(t, func() error {
				var err error
				sum, err = p.Run(context.Background(), items, func(o Outcome) {
					sink.checkReported(o)
					close(reported[len(outs)])
					outs = append(outs, o)
				})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if sum != (Summary{Ingested: n}) {
				t.Errorf("summary %+v, want %d ingested", sum, n)
			}
			sink.verify(t)
			if sizes := sink.txSizes(); !slices.Equal(sizes, slices.Repeat([]int{1}, n)) {
				t.Errorf("transaction sizes %v, want %d of 1", sizes, n)
			}
		})
	}
}

// TestTransactionFailures: a failed BeginIngest, Store or Commit fails the
// articles concerned — a failed commit every article its transaction was
// given, with the commit's error and no result — and not the items
// rejected before storage; the transactions after go on.
func TestTransactionFailures(t *testing.T) {
	tests := []struct {
		name      string
		batches   [][]entry
		beginErr  map[int]error
		storeErr  map[string]error
		commitErr map[int]error
		wantTxs   []txRecord
	}{{
		name: "commit fails",
		batches: [][]entry{
			{good("a0").failing(errCommit), unreadable("a1"), good("a2").failing(errCommit), binary("a3"),
				sameAs("a4", "a0").failing(errCommit), empty("a5")},
			// What the failed transaction stored was not kept.
			{good("b0"), sameAs("b1", "a2").ingested(), sameAs("b2", "b0"), sameAs("b3", "a0").ingested()},
			// An article Store refused keeps its own error.
			{good("c0").failing(errCommit), good("c1").failing(errStore)},
			{unreadable("d0"), sameAs("d1", "a2").duplicateOf("b1"), good("d2")},
		},
		storeErr:  map[string]error{"c1": errStore},
		commitErr: map[int]error{0: errCommit, 2: errCommit},
		wantTxs: []txRecord{
			{[]string{"a0", "a2", "a4"}, "failed commit"},
			{[]string{"b0", "b1", "b2", "b3"}, "commit"},
			{[]string{"c0", "c1"}, "failed commit"},
			{[]string{"d1", "d2"}, "commit"},
		},
	}, {
		name: "store fails",
		batches: [][]entry{
			{good("a0"), good("a1").failing(errStore), good("a2")},
			// a1 was not stored: its content is new.
			{good("b0").failing(errStore), sameAs("b1", "a1").ingested(), sameAs("b2", "a2")},
		},
		storeErr: map[string]error{"a1": errStore, "b0": errStore},
		wantTxs: []txRecord{
			{[]string{"a0", "a1", "a2"}, "commit"},
			{[]string{"b0", "b1", "b2"}, "commit"},
		},
	}, {
		name: "begin fails",
		batches: [][]entry{
			{unreadable("a0"), good("a1").failing(errBegin), good("a2"), good("a3")},
			{good("b0").failing(errBegin)},
			{good("c0").failing(errBegin), good("c1").failing(errBegin), good("c2"), sameAs("c3", "a1").ingested()},
		},
		beginErr: map[int]error{0: errBegin, 2: errBegin, 3: errBegin, 4: errBegin},
		wantTxs: []txRecord{
			{[]string{"a2", "a3"}, "commit"},
			{[]string{"c2", "c3"}, "commit"},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newStage(t, context.Background(), tt.batches)
			sink := newFakeSink()
			sink.beginErr, sink.storeErr, sink.commitErr = tt.beginErr, tt.storeErr, tt.commitErr
			outs, sum, err := st.run(sink, nil)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkOutcomes(t, st.entries, outs, sum)
			checkTxs(t, sink, tt.wantTxs)
			sink.verify(t)
		})
	}
}

// TestCancelWhileStoring: ctx canceled while the second transaction is
// open: Run returns ctx's error; that transaction is rolled back, and
// nothing it was given is reported; no transaction begins after; every
// goroutine ends.
func TestCancelWhileStoring(t *testing.T) {
	base := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := newStage(t, ctx, [][]entry{
		{good("a0"), unreadable("a1"), good("a2")},
		{good("b0"), binary("b1"), good("b2"), good("b3"), good("b4")},
		{good("c0"), good("c1")},
	})
	sink := newFakeSink()
	sink.onStore = func(src string) {
		if src == "b2" {
			cancel()
		}
	}
	outs, sum, err := st.run(sink, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	checkOutcomes(t, st.entries[:3], outs, sum)
	checkTxs(t, sink, []txRecord{
		{[]string{"a0", "a2"}, "commit"},
		{[]string{"b0", "b2"}, "rollback"},
	})
	sink.verify(t)
	checkGoroutines(t, base)
}

// TestCancelFromReport: ctx canceled by the report callback. Only
// committed articles are reported, nothing is stored after, no
// transaction is left open, and Run returns ctx's error.
func TestCancelFromReport(t *testing.T) {
	base := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := newStage(t, ctx, [][]entry{
		{good("a0"), good("a1"), good("a2")},
		{good("b0"), good("b1")},
	})
	sink := newFakeSink()
	outs, _, err := st.run(sink, func(o Outcome) {
		if o.Path == "a1" {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	for _, o := range outs {
		if !strings.HasPrefix(o.Path, "a") {
			t.Errorf("%s reported after the cancellation", o.Path)
		}
	}
	checkTxs(t, sink, []txRecord{{[]string{"a0", "a1", "a2"}, "commit"}})
	sink.verify(t)
	checkGoroutines(t, base)
}

// TestCancelDuringCommit: ctx canceled while a transaction commits, which
// succeeds. Its articles are stored for good, so they must be reported
// and counted: the caller would otherwise never learn of them (a feed
// reader records items from the outcomes).
func TestCancelDuringCommit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := newStage(t, ctx, [][]entry{
		{good("a0"), good("a1")},
		{good("b0"), good("b1")},
		{good("c0")},
	})
	sink := newFakeSink()
	sink.onCommit = func(tx int) {
		if tx == 1 {
			cancel()
		}
	}
	outs, sum, err := st.run(sink, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	checkTxs(t, sink, []txRecord{{[]string{"a0", "a1"}, "commit"}, {[]string{"b0", "b1"}, "commit"}})
	sink.verify(t)
	checkOutcomes(t, st.entries[:4], outs, sum)
}

// seedEntries are the sample articles, as items named after their files.
func seedEntries(t *testing.T) []entry {
	t.Helper()
	fsys := corpus.Seeds()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil || len(names) < 5 {
		t.Fatalf("seeds: %v, %d files", err, len(names))
	}
	var es []entry
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, entry{name: name, text: string(data), want: want{kind: "ingested"}})
	}
	return es
}

func openDB(t *testing.T) *storage.DB {
	t.Helper()
	lex, err := loadLexicon()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "ingest.db"), storage.Options{Lexicon: lex})
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() {
		// Close waits for the writer: it would hang for ever if a
		// transaction were left open.
		closed := make(chan struct{})
		go func() { db.Close(); close(closed) }()
		select {
		case <-closed:
		case <-time.After(guard):
			t.Error("closing the database hangs: a transaction was left open")
		}
	})
	return db
}

// storedIDs returns the ids of the documents readers see, and their count.
func storedIDs(t *testing.T, db *storage.DB) (map[int64]string, int) {
	t.Helper()
	srcs, total, err := db.Sources(context.Background(), 1000)
	if err != nil {
		t.Errorf("Sources: %v", err)
		return nil, 0
	}
	ids := map[int64]string{}
	for _, s := range srcs {
		ids[s.ID] = s.Source
	}
	return ids, total
}

// TestReportAfterCommitStorage runs the pipeline into a real database. In
// the report callback, each stored article is already visible to
// readers, and a write goes through at once: a transaction still open
// would hold the writer, and the write would wait for ever.
func TestReportAfterCommitStorage(t *testing.T) {
	db := openDB(t)
	seeds := seedEntries(t)
	entries := []entry{seeds[0], unreadable("gone.txt"), seeds[1], binary("blob.txt"), seeds[2],
		sameAs("copy-of-0.txt", seeds[0].name), empty("blank.txt"), seeds[3], seeds[4]}
	entries[5].text = seeds[0].text
	entries = append(entries, entry{name: "copy-of-4.txt", text: seeds[4].text, want: want{kind: "duplicate", dupOf: seeds[4].name}})
	items := make([]Item, len(entries))
	for i, e := range entries {
		items[i] = e.item()
	}
	ctx := context.Background()
	g := newGuardian(t)
	var outs []Outcome
	var writes sync.WaitGroup
	defer writes.Wait()
	report := func(o Outcome) {
		i := len(outs)
		outs = append(outs, o)
		if o.Err == nil && !o.Result.Duplicate {
			if ids, _ := storedIDs(t, db); ids[o.Result.DocumentID] != o.Path {
				t.Errorf("%s (document %d) reported before readers can see it", o.Path, o.Result.DocumentID)
			}
		}
		done := make(chan struct{})
		var err error
		writes.Add(1)
		go func() {
			defer writes.Done()
			err = db.RecordIngested(ctx, o.Path, int64(i), time.Unix(int64(i), 0))
			close(done)
		}()
		if !g.wait(context.Background(), done, "a write from the report of %s (its transaction still open?)", o.Path) {
			return
		}
		if err != nil {
			t.Errorf("write from report: %v", err)
		}
	}
	p := New(testExtractor(t), db, Options{Workers: 2})
	var sum Summary
	err := within(t, func() error {
		var err error
		sum, err = p.Run(ctx, items, report)
		return err
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	checkOutcomes(t, entries, outs, sum)
	if _, total := storedIDs(t, db); total != sum.Ingested {
		t.Errorf("%d documents stored, %d reported ingested", total, sum.Ingested)
	}
	for i, e := range entries {
		if ok, err := db.WasIngested(ctx, e.name, int64(i), time.Unix(int64(i), 0)); err != nil || !ok {
			t.Errorf("write from the report of %s lost: %v, %v", e.name, ok, err)
		}
	}
}

// cancelingSink stores into a database and cancels after storing the
// cancelAt-th article (from 1), before its transaction commits.
type cancelingSink struct {
	db       *storage.DB
	cancel   context.CancelFunc
	cancelAt int
	stores   int
	begins   int
	stored   []int64 // documents stored in the transaction that was open at the cancel
}

func (s *cancelingSink) BeginIngest(ctx context.Context) (briefing.IngestTx, error) {
	tx, err := s.db.BeginIngest(ctx)
	if err != nil {
		return nil, err
	}
	s.begins++
	return &cancelingTx{IngestTx: tx, s: s}, nil
}

type cancelingTx struct {
	briefing.IngestTx
	s   *cancelingSink
	ids []int64
}

func (tx *cancelingTx) Store(ctx context.Context, ex briefing.Extraction) (briefing.IngestResult, error) {
	res, err := tx.IngestTx.Store(ctx, ex)
	if err == nil && !res.Duplicate {
		tx.ids = append(tx.ids, res.DocumentID)
	}
	tx.s.stores++
	if tx.s.stores == tx.s.cancelAt {
		tx.s.stored = tx.ids
		tx.s.cancel()
	}
	return res, err
}

// TestCancelRollsBackStorage cancels a run into a real database while a
// transaction is open: what that transaction stored is neither kept nor
// reported, what was reported is kept, and the writer is free again.
func TestCancelRollsBackStorage(t *testing.T) {
	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var items []Item
	for _, e := range seedEntries(t) {
		items = append(items, e.item())
	}
	for i := range 6 {
		items = append(items, good(fmt.Sprintf("extra-%d", i)).item())
	}
	sink := &cancelingSink{db: db, cancel: cancel, cancelAt: 7}
	p := New(testExtractor(t), sink, Options{Workers: 2})
	var outs []Outcome
	var sum Summary
	err := within(t, func() error {
		var err error
		sum, err = p.Run(ctx, items, func(o Outcome) { outs = append(outs, o) })
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	if len(sink.stored) == 0 {
		t.Fatal("no article stored in the transaction canceled")
	}
	ids, total := storedIDs(t, db)
	if total != sum.Ingested || total != len(ids) {
		t.Errorf("%d documents stored, %d reported ingested", total, sum.Ingested)
	}
	if total+len(sink.stored) != 7 {
		t.Errorf("%d documents kept and %d rolled back, want 7 in all", total, len(sink.stored))
	}
	for i, o := range outs {
		if o.Path != items[i].Path || o.Err != nil || ids[o.Result.DocumentID] != o.Path {
			t.Errorf("outcome %d: %s (document %d, err %v) reported but not kept", i, o.Path, o.Result.DocumentID, o.Err)
		}
	}
	for _, id := range sink.stored {
		if _, ok := ids[id]; ok {
			t.Errorf("document %d of the canceled transaction kept", id)
		}
	}
	// The canceled transaction released the writer.
	done := make(chan struct{})
	go func() {
		if err := db.RecordIngested(context.Background(), "after", 1, time.Unix(1, 0)); err != nil {
			t.Errorf("write after the cancellation: %v", err)
		}
		close(done)
	}()
	newGuardian(t).wait(context.Background(), done, "a write after the cancellation (the writer still held?)")
}
