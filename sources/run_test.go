package sources

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"briefbot/sources/web"
)

// liveFeed is a feed whose items the test adds to.
type liveFeed struct {
	mu    sync.Mutex
	title string
	items []item
}

func (l *liveFeed) add(it item) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.items = append(l.items, it)
}

func (l *liveFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	body := rssFeed(l.title, l.items)
	l.mu.Unlock()
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, body)
}

// TestRun: the poll loop polls what is due, sleeps on the clock until the
// next feed is due, wakes when a feed is added, and stops with its context.
func TestRun(t *testing.T) {
	fx := newFixture(t, web.Options{})
	site := newSite(t)
	seeds := seedTexts(t)
	story := func(i int) item {
		return item{guid: fmt.Sprint(i), title: fmt.Sprintf("Story %d", i), link: site.url(fmt.Sprintf("/s/%d", i)),
			published: start.Add(time.Duration(i) * time.Minute), content: seeds[i].html()}
	}
	a := &liveFeed{title: "A"}
	a.add(story(0))
	site.handle("GET /a.xml", a.ServeHTTP)
	b := &liveFeed{title: "B"}
	b.add(story(3))
	site.handle("GET /b.xml", b.ServeHTTP)
	if _, _, err := fx.r.AddFeed(fx.ctx, site.url("/a.xml"), 30*time.Minute, "test"); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(fx.ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fx.r.Run(ctx) }()
	// wait returns once the loop sleeps with n pending timers.
	wait := func(n int) {
		t.Helper()
		wctx, stop := context.WithTimeout(ctx, 10*time.Second)
		defer stop()
		if err := fx.clock.WaitForWaiters(wctx, n); err != nil {
			t.Fatalf("the poll loop is not sleeping: %v", err)
		}
	}
	wait(1)
	if n := site.count("/a.xml"); n != 2 { // AddFeed's check, then the poll
		t.Fatalf("feed A fetched %d times, want 2", n)
	}
	if n := len(fx.docs()); n != 1 {
		t.Fatalf("%d documents after the first poll", n)
	}

	// Not yet due: the loop wakes (it sleeps at most maxSleep) and polls
	// nothing.
	a.add(story(1))
	fx.clock.Advance(30*time.Minute - maxSleep)
	wait(1)
	fx.clock.Advance(maxSleep - time.Second)
	wait(1)
	if n := site.count("/a.xml"); n != 2 {
		t.Fatalf("feed A polled before it was due (%d requests)", n)
	}
	// Due: polled.
	fx.clock.Advance(time.Second)
	wait(1)
	if n := site.count("/a.xml"); n != 3 {
		t.Fatalf("feed A fetched %d times once due, want 3", n)
	}
	if n := len(fx.docs()); n != 2 {
		t.Fatalf("%d documents after the second poll, want 2", n)
	}
	if f := fx.feed(site.url("/a.xml")); !f.LastSuccess.Equal(start.Add(30*time.Minute)) || !f.NextCheck.Equal(start.Add(time.Hour)) {
		t.Errorf("feed A: %+v", f)
	}

	// A feed added wakes the loop at once; the timer it slept on stays
	// pending.
	pending := fx.clock.Waiters()
	if _, _, err := fx.r.AddFeed(fx.ctx, site.url("/b.xml"), time.Hour, "test"); err != nil {
		t.Fatal(err)
	}
	wait(pending + 1)
	if n := site.count("/b.xml"); n != 2 {
		t.Fatalf("feed B fetched %d times, want 2", n)
	}
	if f := fx.feed(site.url("/b.xml")); f.Articles != 1 || !f.LastSuccess.Equal(start.Add(30*time.Minute)) {
		t.Errorf("feed B: %+v", f)
	}
	if n := site.count("/a.xml"); n != 3 {
		t.Errorf("feed A polled again when B was added (%d requests)", n)
	}

	cancel()
	wantStopped(t, done)
}

// TestRunStopsWhileSleeping: cancelled while it waits for a due feed, Run
// returns nil at once.
func TestRunStopsWhileSleeping(t *testing.T) {
	fx := newFixture(t, web.Options{})
	ctx, cancel := context.WithCancel(fx.ctx)
	done := make(chan error, 1)
	go func() { done <- fx.r.Run(ctx) }()
	wctx, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := fx.clock.WaitForWaiters(wctx, 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	wantStopped(t, done)
}

// wantStopped waits for Run, cancelled, to return nil.
func wantStopped(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
