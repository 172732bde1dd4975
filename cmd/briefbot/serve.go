package main

import (
	"context"
	"errors"
	"sync"

	"briefbot/bot"
	"briefbot/briefing/digest"
	"briefbot/briefing/picture"
	"briefbot/sources/watch"
)

const serveUsage = `Usage: briefbot serve [--config FILE] [--db FILE]

Runs the Discord bot until interrupted (Ctrl-C or SIGTERM): slash commands
with autocomplete in servers and DMs, and plain questions in DMs ("who met
barnea?"), and posts the scheduled digests of subscribed channels (see
/digest subscribe), catching up once on runs missed while it was down. It
polls the feeds (sources.feeds of the config, and those added with
"briefbot feeds add" or /feeds add) on their schedule and ingests the new
files of sources.watch_dir. On the way out it finishes the answers in flight, closes the
connection and the database.

The configuration names the bot token (discord.token, usually
${DISCORD_TOKEN}), optionally a Discord-compatible server (discord.api_url)
and a server to register the commands in at once (discord.guild_id); see
config.example.yaml.

Flags:
`

func runServe(ctx context.Context, a *app, args []string) error {
	fs := newFlags("serve", a, serveUsage)
	var f dbFlags
	f.register(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	cfg, err := f.load(a)
	if err != nil {
		return err
	}
	if cfg.Discord.Token == "" {
		return errors.New("discord.token: serve needs the bot token; set it in the config (token: ${DISCORD_TOKEN}) and export DISCORD_TOKEN")
	}
	e, err := openEnv(ctx, a, cfg)
	if err != nil {
		return err
	}
	defer e.close()
	log := a.logger(cfg.Log.Level)
	if err := e.syncConfigFeeds(ctx); err != nil {
		return err
	}
	b, err := bot.New(bot.Config{Token: cfg.Discord.Token, APIURL: cfg.Discord.APIURL, GuildID: cfg.Discord.GuildID,
		IngestRoles: cfg.Sources.IngestRoles, MaxUploadBytes: cfg.Ingest.MaxFileBytes}, e.service(), log)
	if err != nil {
		return err
	}
	fetch := e.fetcher(a)
	defer fetch.Close()
	reader := e.reader(a, fetch)
	b.EnableSources(reader)
	pictures, err := picture.NewRenderer(ctx)
	if err != nil {
		return err
	}
	defer pictures.Close() // after the bot, which draws with it, has stopped
	b.EnablePictures(pictures)
	var watcher *watch.Watcher
	if cfg.Sources.WatchDir != "" {
		if watcher, err = e.watcher(a); err != nil {
			return err
		}
	}
	runner := digest.NewRunner(digest.RunnerConfig{Store: e.db, Poster: b, Clock: appClock{a.now}, Logger: log,
		Quiet: digest.QuietPolicy(cfg.Digest.WhenQuiet)})
	sched := digest.NewScheduler(runner, cfg.Digest.TimeZone)
	b.EnableDigests(sched)
	// The scheduler posts through the bot's REST session, so it stops
	// before the bot closes it; a run cut short resumes at the next start.
	// The feed poller and the folder watcher stop with it.
	schedCtx, stopSched := context.WithCancel(ctx)
	var wg sync.WaitGroup
	background := map[string]func(context.Context) error{"digest scheduler": sched.Run, "feed poller": reader.Run}
	if watcher != nil {
		background["folder watcher"] = watcher.Run
	}
	for name, run := range background {
		wg.Go(func() {
			if err := run(schedCtx); err != nil {
				log.Error(name+" stopped", "err", err)
			}
		})
	}
	err = b.Run(ctx)
	stopSched()
	wg.Wait()
	return err
}
