package main

import (
	"context"
	"errors"
	"sync"

	"briefbot/bot"
	"briefbot/briefing/digest"
)

const serveUsage = `Usage: briefbot serve [--config FILE] [--db FILE]

Runs the Discord bot until interrupted (Ctrl-C or SIGTERM): slash commands
with autocomplete in servers and DMs, and plain questions in DMs ("who met
barnea?"), and posts the scheduled digests of subscribed channels (see
/digest subscribe), catching up once on runs missed while it was down. On
the way out it finishes the answers in flight, closes the
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
	b, err := bot.New(bot.Config{Token: cfg.Discord.Token, APIURL: cfg.Discord.APIURL, GuildID: cfg.Discord.GuildID}, e.service(), log)
	if err != nil {
		return err
	}
	runner := digest.NewRunner(digest.RunnerConfig{Store: e.db, Poster: b, Clock: appClock{a.now}, Logger: log,
		Quiet: digest.QuietPolicy(cfg.Digest.WhenQuiet)})
	sched := digest.NewScheduler(runner, cfg.Digest.TimeZone)
	b.EnableDigests(sched)
	// The scheduler posts through the bot's REST session, so it stops
	// before the bot closes it; a run cut short resumes at the next start.
	schedCtx, stopSched := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := sched.Run(schedCtx); err != nil {
			log.Error("digest scheduler stopped", "err", err)
		}
	}()
	err = b.Run(ctx)
	stopSched()
	wg.Wait()
	return err
}
