package sources

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

// TestPollFullTextFeed: a feed carrying whole articles is read from its
// own text, with the items' dates, and no page is fetched.
func TestPollFullTextFeed(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	seeds := seedTexts(t)
	var items []item
	for i := len(seeds) - 1; i >= 0; i-- { // newest first, as feeds list them
		items = append(items, item{
			guid:      fmt.Sprintf("seed-%d", i),
			title:     fmt.Sprintf("Seed story %d", i),
			link:      site.url(fmt.Sprintf("/news/seed-%d?utm_source=rss&utm_medium=feed", i)),
			published: time.Date(2024, time.March, 10+i, 8, 0, 0, 0, time.UTC),
			summary:   "A short summary.",
			content:   seeds[i].html(),
		})
	}
	site.serveFeed("GET /full.xml", "application/rss+xml", rssFeed("Full wire", items), "", "")
	for _, it := range items { // a page fetch would find nothing
		p := strings.TrimPrefix(it.link, site.srv.URL)
		p = p[:strings.Index(p, "?")]
		site.handle("GET "+p, http.NotFound)
	}
	parsed, err := feed.Parse([]byte(rssFeed("Full wire", items)), site.url("/full.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range parsed.Items {
		if !it.FullText {
			t.Fatalf("the item %s is not seen as full text: the test feed is wrong", it.GUID)
		}
	}

	fd, created, err := fx.r.AddFeed(fx.ctx, site.url("/full.xml"), 0, "test")
	if err != nil || !created {
		t.Fatalf("AddFeed: %v (created %v)", err, created)
	}
	res := fx.pollDue()[fd.URL]
	if res.Items != 5 || res.Summary.Ingested != 5 || res.Summary.Failed != 0 || res.Known != 0 || res.Later != 0 {
		t.Fatalf("first poll: %+v", res)
	}
	for i := range seeds {
		if n := site.count(fmt.Sprintf("/news/seed-%d", i)); n != 0 {
			t.Errorf("page %d fetched %d times", i, n)
		}
	}
	docs := fx.docs()
	if len(docs) != 5 {
		t.Fatalf("%d documents, want 5", len(docs))
	}
	for i, d := range docs { // oldest first: the corpus grows in the order of the news
		if want := fmt.Sprintf("2024-03-%02d", 10+i); d.published != want {
			t.Errorf("document %d published %q, want %q (the item's date)", i, d.published, want)
		}
		want := site.url(fmt.Sprintf("/news/seed-%d", i))
		if d.url != want {
			t.Errorf("document %d url %q, want %q", i, d.url, want)
		}
		if strings.Contains(d.source, "utm_") {
			t.Errorf("document %d source keeps tracking parameters: %s", i, d.source)
		}
		for _, l := range longest(seeds[i].lines, 2) {
			if l = l[:min(len(l), 60)]; !strings.Contains(d.body, l) {
				t.Errorf("document %d lacks the seed's text %q", i, l)
			}
		}
	}
	stored := fx.feed(fd.URL)
	if stored.Title != "Full wire" || stored.Articles != 5 || !stored.LastSuccess.Equal(start) ||
		!stored.NextCheck.Equal(start.Add(DefaultEvery)) || stored.Errors != 0 {
		t.Errorf("feed after the poll: %+v", stored)
	}
	recs := fx.items(fd.ID)
	for i := range seeds {
		r := recs[fmt.Sprintf("seed-%d", i)]
		if r.doc == 0 || r.err != "" || r.url != site.url(fmt.Sprintf("/news/seed-%d", i)) {
			t.Errorf("feed item %d: %+v", i, r)
		}
	}

	// Polled again (no validators): every item is known.
	fx.clock.Advance(DefaultEvery)
	res = fx.pollDue()[fd.URL]
	if res.Known != 5 || res.Summary != (ingestSummary{}) {
		t.Errorf("second poll: %+v", res)
	}
	if n := len(fx.docs()); n != 5 {
		t.Errorf("%d documents after the second poll", n)
	}
}

// TestPollSummaryFeedFetchesPages: an Atom feed of summaries has each
// page read, chrome removed; the next poll is conditional and answered
// 304.
func TestPollSummaryFeedFetchesPages(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	var items []item
	for i, p := range pageFixtures(t) {
		site.serve("GET /world/"+p.name, htmlType, p.body)
		items = append(items, item{
			guid:      "urn:test:" + p.name,
			title:     "Story " + p.name,
			link:      site.url("/world/" + p.name + "?utm_source=atom&fbclid=abc"),
			published: time.Date(2024, time.March, 22, i, 0, 0, 0, time.UTC),
			summary:   "<p>Officials expect talks in the Qatari capital. Continue reading…</p>",
		})
	}
	const etag, lastMod = `"atom-v1"`, "Mon, 25 Mar 2024 10:00:00 GMT"
	site.serveFeed("GET /atom.xml", "application/atom+xml; charset=utf-8", atomFeed("Gulf wire", items), etag, lastMod)
	fd := fx.addFeed(site.url("/atom.xml"), time.Hour)

	res := fx.mustPoll(fd.URL)
	if res.Items != 5 || res.Summary.Ingested != 5 || res.Summary.Failed != 0 || res.NotModified {
		t.Fatalf("first poll: %+v", res)
	}
	for _, o := range res.Outcomes {
		if o.Err != nil {
			t.Errorf("%s: %v", o.Path, o.Err)
		}
	}
	wantDates := map[string]string{
		"000_meridian": "2024-03-20", "001_gulfdispatch": "2024-03-21", "002_levantledger": "2024-03-06",
		"003_meridian": "2024-03-21", "004_gulfdispatch": "2024-03-21",
	}
	docs := fx.docs()
	if len(docs) != 5 {
		t.Fatalf("%d documents", len(docs))
	}
	for _, d := range docs {
		name := strings.TrimPrefix(d.url, site.url("/world/"))
		want, ok := wantDates[name]
		if !ok {
			t.Errorf("document url %q is not the page's canonical address", d.url)
			continue
		}
		if d.published != want {
			t.Errorf("%s published %q, want the page's date %q", name, d.published, want)
		}
		for _, c := range chromeStrings {
			if strings.Contains(strings.ToLower(d.body), strings.ToLower(c)) {
				t.Errorf("%s: page chrome %q in the article", name, c)
			}
		}
		if site.count("/world/"+name) != 1 {
			t.Errorf("%s fetched %d times", name, site.count("/world/"+name))
		}
	}
	stored := fx.feed(fd.URL)
	if stored.ETag != etag || stored.LastModified != lastMod || stored.Title != "Gulf wire" || stored.Articles != 5 {
		t.Errorf("feed after the poll: %+v", stored)
	}

	// The next poll is conditional: 304, nothing added, no page fetched.
	fx.clock.Advance(time.Hour)
	res = fx.pollDue()[fd.URL]
	if !res.NotModified || res.Summary != (ingestSummary{}) || len(res.Outcomes) != 0 {
		t.Errorf("second poll: %+v", res)
	}
	h := site.header("/atom.xml")
	if h.Get("If-None-Match") != etag || h.Get("If-Modified-Since") != lastMod {
		t.Errorf("second request's validators: If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
	for name := range wantDates {
		if n := site.count("/world/" + name); n != 1 {
			t.Errorf("%s fetched %d times", name, n)
		}
	}
	if n := len(fx.docs()); n != 5 {
		t.Errorf("%d documents after the 304", n)
	}
	stored = fx.feed(fd.URL)
	if !stored.LastSuccess.Equal(start.Add(time.Hour)) || !stored.NextCheck.Equal(start.Add(2*time.Hour)) || stored.Articles != 5 ||
		stored.ETag != etag {
		t.Errorf("feed after the 304: %+v", stored)
	}
}

// TestSameStoryInTwoFeeds: one article reached from two feeds lands once,
// and both feeds remember their item.
func TestSameStoryInTwoFeeds(t *testing.T) {
	pages := pageFixtures(t)
	tests := []struct {
		name         string
		linkA, linkB string // paths
		wantFetches  int    // page requests
		wantKnownB   int
		wantDupB     int
	}{
		{"links differing by tracking parameters", "/wire/story?utm_source=a", "/wire/story?utm_campaign=b&fbclid=x", 1, 1, 0},
		{"different links, the same text", "/a/story", "/b/story", 2, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fx := newFixture(t, web.Options{})
			site := newSite(t)
			for _, p := range []string{"/wire/story", "/a/story", "/b/story"} {
				site.serve("GET "+p, htmlType, pages[1].body)
			}
			when := time.Date(2024, time.March, 21, 6, 0, 0, 0, time.UTC)
			site.serveFeed("GET /a.xml", "application/rss+xml", rssFeed("A", []item{
				{guid: "a-1", title: "Mossad head to meet mediators", link: site.url(tc.linkA), published: when, summary: "Short."}}), "", "")
			site.serveFeed("GET /b.xml", "application/rss+xml", rssFeed("B", []item{
				{guid: "b-1", title: "Mossad chief heads to Qatar", link: site.url(tc.linkB), published: when, summary: "Short."}}), "", "")
			a := fx.addFeed(site.url("/a.xml"), time.Hour)
			b := fx.addFeed(site.url("/b.xml"), time.Hour)

			results := fx.pollDue()
			ra, rb := results[a.URL], results[b.URL]
			if ra.Summary.Ingested != 1 || ra.Summary.Failed != 0 {
				t.Errorf("feed A: %+v", ra)
			}
			if rb.Summary.Ingested != 0 || rb.Known != tc.wantKnownB || rb.Summary.Duplicates != tc.wantDupB || rb.Summary.Failed != 0 {
				t.Errorf("feed B: %+v", rb)
			}
			if n := len(fx.docs()); n != 1 {
				t.Errorf("%d documents, want 1", n)
			}
			fetches := 0
			for _, p := range []string{"/wire/story", "/a/story", "/b/story"} {
				fetches += site.count(p)
			}
			if fetches != tc.wantFetches {
				t.Errorf("%d page requests, want %d", fetches, tc.wantFetches)
			}
			ia, ib := fx.items(a.ID), fx.items(b.ID)
			docID := fx.docs()[0].id
			if r, ok := ia["a-1"]; !ok || r.doc != docID || r.err != "" {
				t.Errorf("feed A's item: %+v (found %v)", r, ok)
			}
			if r, ok := ib["b-1"]; !ok || r.doc != 0 || r.err != "" {
				t.Errorf("feed B's item: %+v (found %v)", r, ok)
			}
			if fx.feed(a.URL).Articles != 1 || fx.feed(b.URL).Articles != 0 {
				t.Errorf("articles: A %d, B %d", fx.feed(a.URL).Articles, fx.feed(b.URL).Articles)
			}

			// Polled again, neither feed reads the story again.
			fx.clock.Advance(time.Hour)
			results = fx.pollDue()
			if results[a.URL].Known != 1 || results[b.URL].Known != 1 {
				t.Errorf("second poll: A %+v, B %+v", results[a.URL], results[b.URL])
			}
			again := 0
			for _, p := range []string{"/wire/story", "/a/story", "/b/story"} {
				again += site.count(p)
			}
			if again != tc.wantFetches {
				t.Errorf("pages fetched again: %d requests, want %d", again, tc.wantFetches)
			}
		})
	}
}

// TestRetryAfter: a feed answering 429 with Retry-After is left alone
// until then, and then read.
func TestRetryAfter(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	var busy atomic.Bool
	busy.Store(true)
	body := rssFeed("Busy", []item{{guid: "x", title: "Talks", link: site.url("/x"), summary: "Short."}})
	site.handle("GET /busy.xml", func(w http.ResponseWriter, r *http.Request) {
		if busy.Load() {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
	site.serve("GET /x", "text/plain; charset=utf-8", []byte("Talks resume\n\nNegotiators met again in Doha on Friday to discuss the truce and the hostages."))
	fd := fx.addFeed(site.url("/busy.xml"), 30*time.Minute)

	_, err := fx.poll(fd.URL)
	var st *web.StatusError
	if !errors.As(err, &st) || st.Code != http.StatusTooManyRequests {
		t.Fatalf("Poll error = %v, want a 429 status error", err)
	}
	retryAt := start.Add(time.Hour)
	stored := fx.feed(fd.URL)
	if !stored.NextCheck.Equal(retryAt) || stored.Errors != 1 || !strings.Contains(stored.LastError, "429 Too Many Requests") ||
		!stored.LastCheck.Equal(start) || !stored.LastSuccess.IsZero() {
		t.Errorf("feed after the 429: %+v", stored)
	}
	if msg, ok := UserMessage(err); !ok || !strings.Contains(msg, "429") {
		t.Errorf("UserMessage = %q, %v", msg, ok)
	}
	if next, err := fx.db.NextFeedCheck(fx.ctx); err != nil || !next.Equal(retryAt) {
		t.Errorf("NextFeedCheck = %v, %v", next, err)
	}

	// Until then, nothing is sent.
	fx.clock.Set(retryAt.Add(-time.Second))
	if res := fx.r.PollDue(fx.ctx); len(res) != 0 {
		t.Errorf("PollDue before the Retry-After time polled %+v", res)
	}
	if n := site.count("/busy.xml"); n != 1 {
		t.Errorf("the server had %d requests, want 1", n)
	}

	busy.Store(false)
	fx.clock.Set(retryAt)
	res := fx.pollDue()[fd.URL]
	if res.Summary.Ingested != 1 || res.Summary.Failed != 0 {
		t.Errorf("poll after the Retry-After time: %+v", res)
	}
	stored = fx.feed(fd.URL)
	if stored.Errors != 0 || stored.LastError != "" || !stored.LastSuccess.Equal(retryAt) ||
		!stored.NextCheck.Equal(retryAt.Add(30*time.Minute)) {
		t.Errorf("feed after the good poll: %+v", stored)
	}
}

// TestFailingFeedBacksOff: a feed failing again and again is polled less
// and less often, at most once a day, and reported; other feeds go on.
func TestFailingFeedBacksOff(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.handle("GET /down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	seeds := seedTexts(t)
	var items []item
	for i, s := range seeds {
		items = append(items, item{guid: fmt.Sprint(i), title: fmt.Sprintf("Story %d", i), link: site.url(fmt.Sprintf("/s/%d", i)),
			published: time.Date(2024, time.March, 20, i, 0, 0, 0, time.UTC), content: s.html()})
	}
	site.serveFeed("GET /good.xml", "application/rss+xml", rssFeed("Good", items), "", "")
	down := fx.addFeed(site.url("/down.xml"), time.Hour)
	good := fx.addFeed(site.url("/good.xml"), time.Hour)

	waits := []time.Duration{1, 2, 4, 8, 16, 24, 24, 24}
	for i, w := range waits {
		now := fx.clock.Now()
		results := fx.pollDue()
		res, ok := results[down.URL]
		if !ok || len(res.Outcomes) != 1 || res.Outcomes[0].Err == nil {
			t.Fatalf("failure %d: result %+v", i+1, res)
		}
		if i == 0 {
			if g := results[good.URL]; g.Summary.Ingested != 5 {
				t.Errorf("the good feed polled with the failing one: %+v", g)
			}
		}
		stored := fx.feed(down.URL)
		if want := now.Add(w * time.Hour); stored.Errors != i+1 || !stored.NextCheck.Equal(want) {
			t.Errorf("after failure %d: errors %d, next check in %v, want %d and %v",
				i+1, stored.Errors, stored.NextCheck.Sub(now), i+1, w*time.Hour)
		}
		fx.clock.Set(stored.NextCheck)
	}
	if n := site.count("/down.xml"); n != len(waits) {
		t.Errorf("the failing feed had %d requests, want %d", n, len(waits))
	}
	if n := len(fx.docs()); n != 5 {
		t.Errorf("%d documents, want the good feed's 5", n)
	}

	// It is reported: in the feed list, and in the log as an error once
	// it has failed reportedErrors times in a row.
	all, err := fx.r.Feeds(fx.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var listed briefing.Feed
	for _, f := range all {
		if f.URL == down.URL {
			listed = f
		}
	}
	if listed.Errors != len(waits) || listed.LastError != site.url("/down.xml")+": 500 Internal Server Error" {
		t.Errorf("listed: errors %d, last error %q", listed.Errors, listed.LastError)
	}
	if msg, ok := UserMessage(errors.New(listed.LastError)); ok {
		t.Errorf("a plain error is shown: %q", msg)
	}
	logs := fx.logs.String()
	if !strings.Contains(logs, "level=WARN msg=\"feed poll failed\"") || !strings.Contains(logs, "level=ERROR msg=\"feed poll failed\"") ||
		!strings.Contains(logs, fmt.Sprintf("failures_in_a_row=%d", reportedErrors)) {
		t.Errorf("log:\n%s", logs)
	}
}

// TestBackoffDoesNotOverflow: a feed polled rarely that fails again and
// again is polled again within a day, never in the past.
func TestBackoffDoesNotOverflow(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	site.handle("GET /down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusBadGateway)
	})
	down := fx.addFeed(site.url("/down.xml"), 200000*time.Hour)
	for i := range 14 {
		now := fx.clock.Now()
		if _, err := fx.poll(down.URL); err == nil {
			t.Fatal("no error")
		}
		if next := fx.feed(down.URL).NextCheck; !next.Equal(now.Add(maxWait)) {
			t.Fatalf("after failure %d: next check in %v, want %v", i+1, next.Sub(now), maxWait)
		}
		fx.clock.Advance(maxWait)
	}
}

// TestBadFeeds: each broken feed fails with a clear error of its own, and
// the others are read.
func TestBadFeeds(t *testing.T) {
	const maxBytes = 256 << 10
	fx := newFixture(t, web.Options{Timeout: 300 * time.Millisecond, MaxBytes: maxBytes})
	site := newSite(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the server closes
	site.serve("GET /malformed.xml", "application/rss+xml",
		[]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</channel>`))
	site.serve("GET /page.html", htmlType, pageFixtures(t)[0].body)
	site.handle("GET /huge.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
		chunk := strings.Repeat("<!-- padding padding padding -->\n", 1024)
		for written := 0; written < 2*maxBytes; written += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	site.handle("GET /slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	site.handle("GET /loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	site.handle("GET /loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	seeds := seedTexts(t)
	site.serveFeed("GET /good.xml", "application/rss+xml", rssFeed("Good", []item{
		{guid: "g", title: "Story", link: site.url("/s/0"), published: start.Add(-time.Hour), content: seeds[0].html()}}), "", "")

	tests := []struct {
		path  string
		is    error
		says  []string
		check func(t *testing.T, err error)
	}{
		{"/malformed.xml", feed.ErrMalformed, []string{"/malformed.xml", "feed could not be parsed"}, nil},
		{"/page.html", feed.ErrNotFeed, []string{"/page.html is an HTML page, not a feed", "it advertises the feed " + site.url("/rss.xml")},
			func(t *testing.T, err error) {
				var nf *feed.NotFeedError
				if !errors.As(err, &nf) || len(nf.Feeds) != 1 || nf.Feeds[0] != site.url("/rss.xml") {
					t.Errorf("not a *feed.NotFeedError naming the advertised feed: %#v", err)
				}
			}},
		{"/huge.xml", web.ErrTooLarge, []string{"/huge.xml", "response too large", "256 KiB"}, nil},
		{"/slow.xml", web.ErrTimeout, []string{"/slow.xml", "timed out after 300ms"}, nil},
		{"/loop-a", web.ErrTooManyRedirects, []string{"/loop-a", "redirect loop"}, nil},
	}
	// The good feed in the middle of the bad ones.
	for i, tc := range tests {
		if i == 2 {
			fx.addFeed(site.url("/good.xml"), time.Hour)
		}
		fx.addFeed(site.url(tc.path), time.Hour)
	}
	results := fx.pollDue()
	if len(results) != len(tests)+1 {
		t.Fatalf("%d feeds polled, want %d", len(results), len(tests)+1)
	}
	if g := results[site.url("/good.xml")]; g.Summary.Ingested != 1 || len(g.Outcomes) != 1 || g.Outcomes[0].Err != nil {
		t.Errorf("the good feed: %+v", g)
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res := results[site.url(tc.path)]
			if len(res.Outcomes) != 1 || res.Outcomes[0].Err == nil {
				t.Fatalf("result: %+v", res)
			}
			err := res.Outcomes[0].Err
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			for _, s := range tc.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
			if tc.check != nil {
				tc.check(t, err)
			}
			if msg, ok := UserMessage(err); !ok || msg != err.Error() {
				t.Errorf("UserMessage = %q, %v", msg, ok)
			}
			stored := fx.feed(site.url(tc.path))
			if stored.Errors != 1 || stored.LastError != err.Error() || !stored.NextCheck.Equal(start.Add(time.Hour)) {
				t.Errorf("stored: %+v", stored)
			}
		})
	}
}

// TestPageLimitLeavesItemsForLater: items over the page limit of a poll
// are read at the next poll, even when the feed has not changed.
func TestPageLimitLeavesItemsForLater(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	const n = maxPagesPerPoll + 5
	var items []item
	for i := range n {
		path := fmt.Sprintf("/p/%d", i)
		text := fmt.Sprintf("Round %d of the talks\n\nDelegates met for round %d of the talks in Doha on day %d. "+
			"The mediators said round %d ended without agreement.\n\nAnother meeting, round %d, is planned.", i, i, i, i, i+1)
		site.serve("GET "+path, "text/plain; charset=utf-8", []byte(text))
		items = append(items, item{guid: fmt.Sprint(i), title: fmt.Sprintf("Round %d", i), link: site.url(path),
			published: start.Add(-time.Duration(n-i) * time.Minute), summary: "Short."})
	}
	site.serveFeed("GET /many.xml", "application/rss+xml", rssFeed("Many", items), `"many-1"`, "")
	fd := fx.addFeed(site.url("/many.xml"), time.Hour)

	res := fx.mustPoll(fd.URL)
	if res.Items != n || res.Later != 5 || res.Summary.Ingested != maxPagesPerPoll || res.Summary.Failed != 0 {
		t.Fatalf("first poll: items %d, later %d, %+v", res.Items, res.Later, res.Summary)
	}
	for i := range n {
		want := 1
		if i >= maxPagesPerPoll { // the newest wait
			want = 0
		}
		if got := site.count(fmt.Sprintf("/p/%d", i)); got != want {
			t.Errorf("page %d fetched %d times, want %d", i, got, want)
		}
	}
	if got := len(fx.items(fd.ID)); got != maxPagesPerPoll {
		t.Errorf("%d items recorded, want %d", got, maxPagesPerPoll)
	}

	// The feed has not changed, but the items left are read.
	fx.clock.Advance(time.Hour)
	res = fx.mustPoll(fd.URL)
	if res.NotModified || res.Later != 0 || res.Known != maxPagesPerPoll || res.Summary.Ingested != 5 {
		t.Fatalf("second poll: not modified %v, later %d, known %d, %+v", res.NotModified, res.Later, res.Known, res.Summary)
	}
	if got := len(fx.docs()); got != n {
		t.Errorf("%d documents, want %d", got, n)
	}
	for i := range n {
		if got := site.count(fmt.Sprintf("/p/%d", i)); got != 1 {
			t.Errorf("page %d fetched %d times", i, got)
		}
	}

	// Nothing left: the next poll is conditional again.
	fx.clock.Advance(time.Hour)
	if res := fx.mustPoll(fd.URL); !res.NotModified {
		t.Errorf("third poll: %+v", res)
	}
	if fx.feed(fd.URL).Articles != n {
		t.Errorf("articles %d, want %d", fx.feed(fd.URL).Articles, n)
	}
}

// TestItemPageFailures: a page that fails for now is tried again at the
// next poll; one that is gone or holds no article is recorded and left.
func TestItemPageFailures(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	pages := pageFixtures(t)
	var flakyMu sync.Mutex
	flaky := 0
	site.handle("GET /p/flaky", func(w http.ResponseWriter, r *http.Request) {
		flakyMu.Lock()
		flaky++
		first := flaky == 1
		flakyMu.Unlock()
		if first {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", htmlType)
		w.Write(pages[2].body)
	})
	site.handle("GET /p/gone", http.NotFound)
	site.serve("GET /p/index", htmlType, homePage(t))
	site.serve("GET /p/ok", htmlType, pages[4].body)
	var items []item
	for i, name := range []string{"flaky", "gone", "index", "ok"} {
		items = append(items, item{guid: name, title: "Story " + name, link: site.url("/p/" + name),
			published: start.Add(-time.Duration(10-i) * time.Hour), summary: "Short."})
	}
	site.serveFeed("GET /items.xml", "application/rss+xml", rssFeed("Items", items), `"items-1"`, "")
	fd := fx.addFeed(site.url("/items.xml"), time.Hour)

	res := fx.mustPoll(fd.URL)
	if res.Summary.Ingested != 1 || res.Summary.Failed != 3 {
		t.Fatalf("first poll: %+v", res.Summary)
	}
	errs := map[string]error{}
	for _, o := range res.Outcomes {
		errs[strings.TrimPrefix(o.Path, site.url("/p/"))] = o.Err
	}
	var st *web.StatusError
	if err := errs["flaky"]; !errors.As(err, &st) || st.Code != http.StatusServiceUnavailable {
		t.Errorf("flaky: %v", err)
	}
	if err := errs["gone"]; !errors.As(err, &st) || st.Code != http.StatusNotFound {
		t.Errorf("gone: %v", err)
	}
	if err := errs["index"]; !errors.Is(err, page.ErrNoArticle) {
		t.Errorf("index: %v", err)
	}
	recs := fx.items(fd.ID)
	if _, ok := recs["flaky"]; ok {
		t.Errorf("the page that failed for now was recorded: %+v", recs["flaky"])
	}
	if r := recs["gone"]; !strings.Contains(r.err, "404 Not Found") || r.doc != 0 {
		t.Errorf("gone: %+v", r)
	}
	if r := recs["index"]; !strings.Contains(r.err, "no article found") || r.doc != 0 {
		t.Errorf("index: %+v", r)
	}
	if r := recs["ok"]; r.doc == 0 || r.err != "" {
		t.Errorf("ok: %+v", r)
	}

	fx.clock.Advance(time.Hour)
	res = fx.mustPoll(fd.URL)
	if res.NotModified || res.Summary.Ingested != 1 || res.Summary.Failed != 0 || res.Known != 3 {
		t.Fatalf("second poll: not modified %v, known %d, %+v", res.NotModified, res.Known, res.Summary)
	}
	for name, want := range map[string]int{"flaky": 2, "gone": 1, "index": 1, "ok": 1} {
		if got := site.count("/p/" + name); got != want {
			t.Errorf("%s fetched %d times, want %d", name, got, want)
		}
	}
	if r := fx.items(fd.ID)["flaky"]; r.doc == 0 {
		t.Errorf("flaky after the retry: %+v", r)
	}
	fx.clock.Advance(time.Hour)
	if res := fx.mustPoll(fd.URL); !res.NotModified {
		t.Errorf("third poll: %+v", res)
	}
}
