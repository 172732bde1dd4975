package sources

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/ingest"
	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

// Polling limits.
const (
	// DefaultEvery is how often a feed added without an interval is polled.
	DefaultEvery = 30 * time.Minute
	// MinEvery is the shortest polling interval accepted.
	MinEvery = 5 * time.Minute
	// maxWait bounds the wait before the next poll: after errors, or when
	// a feed asks to be cached for long.
	maxWait = 24 * time.Hour
	// maxPagesPerPoll bounds the article pages one poll fetches; the
	// other items wait for the next poll.
	maxPagesPerPoll = 50
	// minSleep is the least the poll loop sleeps between passes.
	minSleep = time.Second
	// maxSleep bounds the poll loop's sleep, so that a feed added by
	// another process is noticed.
	maxSleep = time.Minute
	// reportedErrors is how many failed polls in a row make a feed's
	// failure an error in the log rather than a warning.
	reportedErrors = 5
)

// Accept headers: feeds first, pages after.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
	acceptAny  = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)

// Clock tells the time and waits.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// Ingester stores articles (an *ingest.Pipeline).
type Ingester interface {
	Run(ctx context.Context, items []ingest.Item, report func(ingest.Outcome)) (ingest.Summary, error)
}

// systemClock is the wall clock.
type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Options configure a Reader.
type Options struct {
	Every  time.Duration // polling interval of feeds added without one; default DefaultEvery
	Clock  Clock         // default the wall clock
	Logger *slog.Logger
}

// Reader reads feeds and article pages into the corpus.
type Reader struct {
	fetch  *web.Fetcher
	store  Store
	ingest Ingester
	every  time.Duration
	clock  Clock
	log    *slog.Logger
	wake   chan struct{}
	mu     sync.Mutex // one poll of a feed at a time
}

// NewReader returns a Reader fetching with fetch, keeping feeds in store
// and storing articles with in.
func NewReader(fetch *web.Fetcher, store Store, in Ingester, opts Options) *Reader {
	if opts.Every <= 0 {
		opts.Every = DefaultEvery
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Clock == nil {
		opts.Clock = systemClock{}
	}
	return &Reader{fetch: fetch, store: store, ingest: in, every: opts.Every, clock: opts.Clock, log: opts.Logger,
		wake: make(chan struct{}, 1)}
}

// Result is what reading a URL or polling a feed did.
type Result struct {
	URL         string
	Feed        *briefing.Feed // the feed, when the URL is one
	NotModified bool           // the feed answered 304: nothing to read
	Items       int            // items in the feed
	Known       int            // items read before, left alone
	Later       int            // new items left for the next poll
	// Outcomes are the articles read, in order: stored, duplicates, or
	// failed with the reason.
	Outcomes []ingest.Outcome
	Summary  ingest.Summary
}

// ItemCounts sums up a feed read: "5 items, 2 new, 3 read before, 1 left
// for the next poll" (counts of zero left out, but for new).
func (r Result) ItemCounts() string {
	line := fmt.Sprintf("%s, %d new", briefing.Plural(r.Items, "item", "items"), r.Summary.Ingested)
	if r.Known > 0 {
		line += fmt.Sprintf(", %d read before", r.Known)
	}
	if r.Later > 0 {
		line += fmt.Sprintf(", %d left for the next poll", r.Later)
	}
	return line
}

// Changed wakes the poll loop, after feeds were added or removed.
func (r *Reader) Changed() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run polls the due feeds until ctx is done; a feed that fails is logged
// and polled again later with backoff. It returns nil when ctx is done.
func (r *Reader) Run(ctx context.Context) error {
	for {
		r.PollDue(ctx)
		wait := maxSleep
		next, err := r.store.NextFeedCheck(ctx)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				r.log.Error("feeds", "err", err)
			}
		case !next.IsZero():
			// At least minSleep: a feed that could not be rescheduled
			// (the database failing) is not polled in a tight loop.
			wait = min(max(next.Sub(r.clock.Now()), minSleep), maxSleep)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-r.clock.After(wait):
		case <-r.wake:
		}
	}
}

// PollDue polls every feed due now, once, and returns what each did.
func (r *Reader) PollDue(ctx context.Context) []Result {
	due, err := r.store.DueFeeds(ctx, r.clock.Now())
	if err != nil {
		if ctx.Err() == nil {
			r.log.Error("due feeds", "err", err)
		}
		return nil
	}
	return r.PollFeeds(ctx, due)
}

// PollFeeds polls each feed once, in order, and returns what each did; a
// feed that failed has its error as its last outcome.
func (r *Reader) PollFeeds(ctx context.Context, feeds []briefing.Feed) []Result {
	var out []Result
	for _, f := range feeds {
		if ctx.Err() != nil {
			break
		}
		res, err := r.Poll(ctx, f)
		if err != nil {
			res.Outcomes = append(res.Outcomes, ingest.Outcome{Path: f.URL, Err: err})
		}
		out = append(out, res)
	}
	return out
}

// AddFeed checks that url serves a feed and stores it, polled every
// every (DefaultEvery when zero), without reading its items: the poll loop
// or fetch does. created is false when it was stored already.
func (r *Reader) AddFeed(ctx context.Context, url string, every time.Duration, origin string) (briefing.Feed, bool, error) {
	canon, err := CanonicalURL(url)
	if err != nil {
		return briefing.Feed{}, false, err
	}
	if every == 0 {
		every = r.every
	}
	if every < MinEvery {
		return briefing.Feed{}, false, briefing.Invalid("a feed is polled at most every %s", MinEvery)
	}
	resp, err := r.get(ctx, web.Request{URL: canon, Accept: acceptFeed})
	if err != nil {
		return briefing.Feed{}, false, err
	}
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return briefing.Feed{}, false, err
	}
	f, created, err := r.store.AddFeed(ctx, briefing.Feed{URL: canon, Every: every, Polled: true, Origin: origin})
	if err != nil {
		return f, false, err
	}
	if f.Title == "" && parsed.Title != "" {
		f.Title = parsed.Title
		if err := r.store.SaveFeedPoll(ctx, f, 0); err != nil {
			return f, created, err
		}
	}
	r.Changed()
	return f, created, nil
}

// CanonicalURL is the canonical form of a web address given by a user,
// or a clear error.
func CanonicalURL(raw string) (string, error) {
	u, err := feed.CanonicalURL(strings.TrimSpace(raw))
	if err != nil {
		return "", briefing.Invalid("%q is not a web address (http or https): %v", briefing.ClipRunes(raw, 80), err)
	}
	return u, nil
}

// IngestURL reads a web address: a feed's new items, or an article page.
// A feed read this way is remembered (with its validators, so that the
// next read is a conditional request) but not polled.
func (r *Reader) IngestURL(ctx context.Context, raw, origin string) (Result, error) {
	canon, err := CanonicalURL(raw)
	if err != nil {
		return Result{URL: raw}, err
	}
	if f, ok, err := r.store.Feed(ctx, canon); err != nil {
		return Result{URL: raw}, err
	} else if ok {
		return r.Poll(ctx, f)
	}
	resp, err := r.get(ctx, web.Request{URL: canon, Accept: acceptAny})
	if err != nil {
		return Result{URL: raw}, err
	}
	if looksLikeFeed(resp) {
		f, _, err := r.store.AddFeed(ctx, briefing.Feed{URL: canon, Every: r.every, Origin: origin})
		if err != nil {
			return Result{URL: raw}, err
		}
		return r.readFeed(ctx, f, resp, r.clock.Now())
	}
	res := Result{URL: raw}
	doc, err := articleDocument(resp, nil)
	if err != nil {
		return res, err
	}
	sum, err := r.ingest.Run(ctx, []ingest.Item{doc.item()}, func(o ingest.Outcome) { res.Outcomes = append(res.Outcomes, o) })
	res.Summary = sum
	return res, err
}

// Poll reads a feed once, with a conditional request, and schedules its
// next poll: after its interval (or longer when it asks to be cached),
// or after an error with backoff.
func (r *Reader) Poll(ctx context.Context, f briefing.Feed) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clock.Now()
	resp, err := r.get(ctx, web.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified, Accept: acceptFeed})
	if err != nil {
		return r.failed(ctx, f, now, err)
	}
	if resp.NotModified {
		r.succeeded(&f, now, resp)
		res := Result{URL: f.URL, Feed: &f, NotModified: true}
		return res, r.store.SaveFeedPoll(ctx, f, 0)
	}
	return r.readFeed(ctx, f, resp, now)
}

// readFeed reads the new items of a feed's answer and records the poll.
func (r *Reader) readFeed(ctx context.Context, f briefing.Feed, resp *web.Response, now time.Time) (Result, error) {
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return r.failed(ctx, f, now, err)
	}
	res := Result{URL: f.URL, Items: len(parsed.Items)}
	if parsed.Title != "" {
		f.Title = parsed.Title
	}
	// Oldest first, so that the corpus grows in the order of the news.
	items := append([]feed.Item(nil), parsed.Items...)
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Published, items[j].Published
		return !a.IsZero() && (b.IsZero() || a.Before(b))
	})
	var docs []document
	var feedItems []briefing.FeedItem
	pages, retry := 0, 0 // pages fetched; items left for the next poll
	for _, it := range items {
		rec := briefing.FeedItem{FeedID: f.ID, GUID: it.GUID, URL: it.CanonicalURL}
		known, err := r.store.KnownItem(ctx, f.ID, it.GUID, "")
		if err != nil {
			return res, err
		}
		if known {
			res.Known++
			continue
		}
		if it.CanonicalURL != "" {
			if known, err = r.store.KnownItem(ctx, f.ID, it.GUID, it.CanonicalURL); err != nil {
				return res, err
			}
		}
		if known {
			// Read from another feed or by address: this feed's item is
			// recorded too, as a duplicate.
			res.Known++
			rec.SeenAt = now
			if err := r.store.RecordItem(ctx, rec); err != nil {
				return res, err
			}
			continue
		}
		doc, err := r.itemDocument(ctx, it, &pages)
		switch {
		case errors.Is(err, errLater):
			res.Later++
			retry++
			continue
		case err != nil && transient(err):
			// Tried again at the next poll.
			r.log.Warn("feed item not fetched", "feed", f.URL, "item", it.Link, "err", err)
			res.Outcomes = append(res.Outcomes, ingest.Outcome{Path: itemName(it), Err: err})
			res.Summary.Failed++
			retry++
			continue
		case err != nil:
			rec.Error, rec.SeenAt = err.Error(), now
			if err := r.store.RecordItem(ctx, rec); err != nil {
				return res, err
			}
			res.Outcomes = append(res.Outcomes, ingest.Outcome{Path: itemName(it), Err: err})
			res.Summary.Failed++
			continue
		}
		docs = append(docs, doc)
		feedItems = append(feedItems, rec)
	}
	ingestItems := make([]ingest.Item, len(docs))
	for i, d := range docs {
		ingestItems[i] = d.item()
	}
	k := 0
	sum, runErr := r.ingest.Run(ctx, ingestItems, func(o ingest.Outcome) {
		rec := feedItems[k]
		k++
		rec.DocumentID, rec.SeenAt = o.Result.DocumentID, r.clock.Now()
		if o.Err != nil {
			rec.Error = o.Err.Error()
		}
		if err := r.store.RecordItem(ctx, rec); err != nil && ctx.Err() == nil {
			r.log.Error("record feed item", "feed", f.URL, "item", rec.GUID, "err", err)
		}
		res.Outcomes = append(res.Outcomes, o)
	})
	res.Summary.Ingested += sum.Ingested
	res.Summary.Duplicates += sum.Duplicates
	res.Summary.Failed += sum.Failed
	if runErr != nil {
		return res, runErr
	}
	r.succeeded(&f, now, resp)
	if retry > 0 {
		// Items are left for the next poll: it must read the feed again
		// rather than be told it has not changed.
		f.ETag, f.LastModified = "", ""
	}
	res.Feed = &f
	if err := r.store.SaveFeedPoll(ctx, f, sum.Ingested); err != nil {
		return res, err
	}
	r.log.Info("feed polled", "feed", f.URL, "items", res.Items, "new", sum.Ingested, "known", res.Known, "later", res.Later)
	return res, nil
}

// errLater marks an item left for the next poll.
var errLater = errors.New("left for the next poll")

// itemDocument is the article of a feed item: the feed's own text when it
// is the whole article, else the item's page. pages counts the pages
// fetched in this poll.
func (r *Reader) itemDocument(ctx context.Context, it feed.Item, pages *int) (document, error) {
	if it.FullText || it.Link == "" {
		if strings.TrimSpace(it.Content) == "" {
			return document{}, fmt.Errorf("feed item %q has neither text nor link", briefing.ClipRunes(it.Title, 80))
		}
		name := it.CanonicalURL
		if name == "" {
			name = itemName(it)
		}
		return document{name: name, body: page.Document(page.Page{
			Title: it.Title, URL: it.CanonicalURL, Published: it.Published, Byline: it.Author, Content: it.Content,
		})}, nil
	}
	if *pages >= maxPagesPerPoll {
		return document{}, errLater
	}
	*pages++
	resp, err := r.get(ctx, web.Request{URL: it.Link, Accept: acceptAny})
	if err != nil {
		return document{}, err
	}
	return articleDocument(resp, &it)
}

// get fetches req; its errors are about the source, worded for people.
func (r *Reader) get(ctx context.Context, req web.Request) (*web.Response, error) {
	resp, err := r.fetch.Get(ctx, req)
	if err != nil && !errors.Is(err, context.Canceled) {
		err = &sourceError{err}
	}
	return resp, err
}

// succeeded records a good poll: validators kept, errors cleared, next
// poll after the interval or the feed's cache lifetime.
func (r *Reader) succeeded(f *briefing.Feed, now time.Time, resp *web.Response) {
	if resp.ETag != "" || resp.LastModified != "" {
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
	}
	f.LastCheck, f.LastSuccess = now, now
	f.Errors, f.LastError = 0, ""
	wait := f.Every
	if resp.MaxAge > wait {
		wait = min(resp.MaxAge, maxWait)
	}
	f.NextCheck = now.Add(wait)
}

// failed records a failed poll and returns err: the feed is polled again
// after its interval doubled for each failure in a row (at most a day),
// or when the server asked, if later.
func (r *Reader) failed(ctx context.Context, f briefing.Feed, now time.Time, err error) (Result, error) {
	res := Result{URL: f.URL, Feed: &f}
	if ctx.Err() != nil {
		return res, err
	}
	f.Errors++
	f.LastError = err.Error()
	f.LastCheck = now
	// Doubled step by step: a shift of a long interval overflows.
	wait := f.Every
	for i := 1; i < f.Errors && wait < maxWait; i++ {
		wait *= 2
	}
	next := now.Add(min(wait, maxWait))
	var st *web.StatusError
	var bo *web.BackoffError
	switch {
	case errors.As(err, &st) && st.RetryAfter.After(next):
		next = st.RetryAfter
	case errors.As(err, &bo) && bo.Until.After(next):
		next = bo.Until
	}
	f.NextCheck = next
	log := r.log.Warn
	if f.Errors >= reportedErrors {
		log = r.log.Error
	}
	if f.Polled {
		log("feed poll failed", "feed", f.URL, "failures_in_a_row", f.Errors, "next", next, "err", err)
	}
	if serr := r.store.SaveFeedPoll(ctx, f, 0); serr != nil {
		// Logged here: err is the feed's, for whoever asked, and must
		// not carry the database's.
		r.log.Error("save feed poll", "feed", f.URL, "err", serr)
	}
	return res, err
}

// transient reports an error that may go away: a timeout, a server error,
// a host asking to wait, a network failure.
func transient(err error) bool {
	var st *web.StatusError
	if errors.As(err, &st) {
		return st.Code == http.StatusTooManyRequests || st.Code >= 500
	}
	if errors.Is(err, web.ErrBlockedAddress) || errors.Is(err, web.ErrScheme) || errors.Is(err, web.ErrInvalidURL) ||
		errors.Is(err, web.ErrTooLarge) || errors.Is(err, web.ErrTooManyRedirects) ||
		errors.Is(err, page.ErrNoArticle) || errors.Is(err, errNotArticle) {
		return false
	}
	return true
}

// looksLikeFeed reports whether an answer is a feed rather than a page.
func looksLikeFeed(resp *web.Response) bool {
	ct := strings.ToLower(resp.ContentType)
	switch {
	case strings.Contains(ct, "html"):
		return false
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "feed+json"):
		return true
	}
	head := bytes.TrimSpace(bytes.TrimPrefix(resp.Body, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(head, []byte("{")) {
		// A JSON Feed, often served as application/json, names its version.
		return bytes.Contains(head[:min(len(head), 4096)], []byte("jsonfeed.org/version"))
	}
	head = head[:min(len(head), 512)]
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<!doctype html")) {
		return false
	}
	return bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) ||
		bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf"))
}

// itemName names a feed item in messages.
func itemName(it feed.Item) string {
	if it.Link != "" {
		return it.Link
	}
	return it.Title
}

// document is an article ready for the ingest pipeline.
type document struct {
	name string // its canonical URL, or a title
	body []byte
}

func (d document) item() ingest.Item {
	body := d.body
	return ingest.Item{Path: d.name, Source: d.name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	}}
}

// Feeds lists the stored feeds.
func (r *Reader) Feeds(ctx context.Context) ([]briefing.Feed, error) { return r.store.Feeds(ctx) }

// RemoveFeed stops polling a feed and forgets it (its articles stay);
// false when no feed has this address.
func (r *Reader) RemoveFeed(ctx context.Context, url string) (bool, error) {
	canon, err := CanonicalURL(url)
	if err != nil {
		return false, err
	}
	ok, err := r.store.RemoveFeed(ctx, canon)
	if ok {
		r.Changed()
	}
	return ok, err
}

// IngestAttachment reads a file uploaded to Discord, named name, from its
// address: a text, markdown or HTML article.
func (r *Reader) IngestAttachment(ctx context.Context, name, url string) (Result, error) {
	res := Result{URL: name}
	resp, err := r.get(ctx, web.Request{URL: url})
	if err != nil {
		return res, err
	}
	doc := document{name: name, body: resp.Body}
	sum, err := r.ingest.Run(ctx, []ingest.Item{doc.item()}, func(o ingest.Outcome) { res.Outcomes = append(res.Outcomes, o) })
	res.Summary = sum
	return res, err
}
