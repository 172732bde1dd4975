package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"briefbot/briefing"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/sources"
	"briefbot/sources/watch"
	"briefbot/sources/web"
	"briefbot/storage"
)

// pipeline is the ingest pipeline of the opened corpus.
func (e *env) pipeline(a *app) *ingest.Pipeline {
	return ingest.New(extract.New(e.lex), e.db, ingest.Options{MaxBytes: e.cfg.Ingest.MaxFileBytes, Logger: a.logger(e.cfg.Log.Level)})
}

// fetcher is the web client the config describes.
func (e *env) fetcher(a *app) *web.Fetcher {
	s := e.cfg.Sources
	return web.New(web.Options{
		Timeout:              s.fetchTimeout(),
		MaxBytes:             int64(e.cfg.Ingest.MaxFileBytes),
		AllowPrivateNetworks: s.AllowPrivateNetworks,
		HostRate:             rate.Limit(s.RequestsPerSecond),
		HostBurst:            max(2, int(s.RequestsPerSecond)),
		Clock:                appClock{a.now},
		Logger:               a.logger(e.cfg.Log.Level),
	})
}

// reader reads feeds and pages into the opened corpus; close its fetcher
// when done.
func (e *env) reader(a *app, fetch *web.Fetcher) *sources.Reader {
	return sources.NewReader(fetch, e.db, e.pipeline(a), sources.Options{Clock: appClock{a.now}, Logger: a.logger(e.cfg.Log.Level)})
}

// openWithFeeds opens the corpus with the config's feeds stored.
func (f *dbFlags) openWithFeeds(ctx context.Context, a *app) (*env, error) {
	e, err := f.open(ctx, a)
	if err != nil {
		return nil, err
	}
	if err := e.syncConfigFeeds(ctx); err != nil {
		e.close()
		return nil, err
	}
	return e, nil
}

// syncConfigFeeds stores the config's feeds as polled feeds.
func (e *env) syncConfigFeeds(ctx context.Context) error {
	for _, f := range e.cfg.Sources.Feeds {
		every, err := e.cfg.Sources.feedEvery(f)
		if err != nil {
			return err
		}
		canon, err := sources.CanonicalURL(f.URL)
		if err != nil {
			return err
		}
		if _, _, err := e.db.AddFeed(ctx, briefing.Feed{URL: canon, Every: every, Polled: true, Origin: "config"}); err != nil {
			return err
		}
	}
	return nil
}

// isWebAddress reports whether an ingest argument is a web address.
func isWebAddress(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// resultLine sums up what reading a URL did.
func resultLine(r sources.Result) string {
	switch {
	case r.Feed != nil && r.NotModified:
		return fmt.Sprintf("%s: not modified since the last read", r.URL)
	case r.Feed != nil:
		return r.URL + ": " + r.ItemCounts()
	}
	return ""
}

// watcher watches the config's folder and ingests its new files.
func (e *env) watcher(a *app) (*watch.Watcher, error) {
	p := e.pipeline(a)
	ingestFiles := func(ctx context.Context, paths []string) ([]error, error) {
		set := ingest.Files(paths)
		errs := make([]error, len(paths))
		at := map[string]int{}
		for i, p := range paths {
			at[p] = i
		}
		for _, o := range set.Errors {
			errs[at[o.Path]] = o.Err
		}
		_, err := p.Run(ctx, set.Items, func(o ingest.Outcome) {
			if o.Err != nil {
				errs[at[o.Path]] = o.Err
			}
		})
		return errs, err
	}
	w, err := watch.New(watch.Options{Dir: e.cfg.Sources.WatchDir, Clock: appClock{a.now}, Logger: a.logger(e.cfg.Log.Level)},
		watchLedger{e.db}, ingestFiles)
	if err != nil {
		return nil, fmt.Errorf("sources.watch_dir: %w", err)
	}
	return w, nil
}

// watchLedger is the database as the watched folder's ledger.
type watchLedger struct{ db *storage.DB }

func (l watchLedger) Ingested(ctx context.Context, name string, size int64, modTime time.Time) (bool, error) {
	return l.db.WasIngested(ctx, name, size, modTime)
}

func (l watchLedger) Record(ctx context.Context, name string, size int64, modTime time.Time) error {
	return l.db.RecordIngested(ctx, name, size, modTime)
}
