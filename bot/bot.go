package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// Service is what the bot asks: the query layer (see briefing.Service).
type Service interface {
	Ask(ctx context.Context, c briefing.Command) (briefing.Answer, error)
	Suggest(ctx context.Context, typed string, limit int) ([]briefing.Suggestion, error)
}

// Config is how the bot reaches Discord.
type Config struct {
	Token   string // the bot token; never logged
	APIURL  string // a Discord-compatible server; DefaultAPIURL when empty
	GuildID string // register commands in this guild only; global when empty
	// IngestRoles are the role ids whose members may use /ingest, besides
	// members with Manage Server.
	IngestRoles []string
	// MaxUploadBytes bounds a file given to /ingest file; 0 means 5 MiB.
	MaxUploadBytes int
}

// Timing of answers. Discord wants a first response within 3 s.
const (
	// deferAfter is how long an answer may take before the bot defers
	// and edits the response when the answer is ready.
	deferAfter = 1500 * time.Millisecond
	// answerTimeout bounds the work of one answer.
	answerTimeout = 10 * time.Second
	// requestTimeout bounds one REST call to Discord.
	requestTimeout = 20 * time.Second
	// readyTimeout bounds the wait for the gateway's READY.
	readyTimeout = 30 * time.Second
	// drainTimeout bounds the wait for in-flight answers at shutdown.
	drainTimeout = 10 * time.Second
)

// Bot answers slash commands, autocomplete, page buttons and DMs.
type Bot struct {
	cfg        Config
	svc        Service
	digests    Digests  // nil: /digest says digests are not set up
	sources    Sources  // nil: /ingest and /feeds say sources are not set up
	pictures   Pictures // nil: /graph and /timeline-chart answer in words
	log        *slog.Logger
	deferAfter time.Duration

	sess  *discordgo.Session
	appID string

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
	// work is the context answers run under; cancelled when the bot
	// stops waiting for them.
	work   context.Context
	cancel context.CancelFunc
}

// New returns a bot that answers from svc. It does not connect; see Run.
func New(cfg Config, svc Service, log *slog.Logger) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("discord.token is empty")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	client, err := newAPIClient(cfg.APIURL)
	if err != nil {
		return nil, err
	}
	sess, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	sess.Client = client
	sess.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsDirectMessages
	sess.StateEnabled = false
	b := &Bot{cfg: cfg, svc: svc, log: log, deferAfter: deferAfter, sess: sess}
	b.work, b.cancel = context.WithCancel(context.Background())
	sess.AddHandler(b.onInteraction)
	sess.AddHandler(b.onMessage)
	return b, nil
}

// EnableDigests answers /digest from d. Call it before Run.
func (b *Bot) EnableDigests(d Digests) { b.digests = d }

// EnableSources answers /ingest and /feeds from s. Call it before Run.
func (b *Bot) EnableSources(s Sources) { b.sources = s }

// Run connects to Discord, registers the slash commands and answers until
// ctx is done; then it stops taking new work, lets in-flight answers
// finish (up to drainTimeout) and closes the connection.
func (b *Bot) Run(ctx context.Context) error {
	ready := make(chan *discordgo.Ready, 1)
	remove := b.sess.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		select {
		case ready <- r:
		default:
		}
	})
	defer remove()
	if err := b.sess.Open(); err != nil {
		return fmt.Errorf("connect to discord at %s: %w", b.cfg.APIURL, err)
	}
	defer b.close()
	select {
	case r := <-ready:
		b.appID = r.User.ID
		if r.Application != nil && r.Application.ID != "" {
			b.appID = r.Application.ID
		}
		b.log.Info("connected to discord", "user", r.User.Username, "application_id", b.appID, "api_url", b.cfg.APIURL)
	case <-time.After(readyTimeout):
		return errors.New("discord did not send READY within 30s")
	case <-ctx.Done():
		return nil
	}
	if err := register(ctx, b.sess, b.appID, b.cfg.GuildID, b.log); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while registering
		}
		return err
	}
	<-ctx.Done()
	return nil
}

// begin registers one piece of work; false once the bot is closing.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.inflight.Add(1)
	return true
}

// close stops new work, waits for what is in flight and closes the
// session.
func (b *Bot) close() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	drained := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(drained)
	}()
	select {
	case <-drained:
	case <-time.After(drainTimeout):
		b.log.Warn("answers still running at shutdown; cancelling them")
		b.cancel()
		<-drained
	}
	b.cancel()
	if err := b.sess.Close(); err != nil {
		b.log.Warn("close discord session", "err", err)
	}
	b.log.Info("disconnected from discord")
}
