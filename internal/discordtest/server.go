package discordtest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// ErrClosed is returned by waits and dispatches once the server is closed.
var ErrClosed = errors.New("discordtest: server closed")

// discordEpoch is the first second of 2015 in milliseconds, where Discord
// snowflakes start counting.
const discordEpoch = 1420070400000

// Server is a Discord-compatible HTTP and gateway server on loopback. All
// methods are safe for concurrent use.
type Server struct {
	tb     testing.TB
	cfg    config
	ts     *httptest.Server
	wsURL  string
	bot    discordgo.User
	idBase uint64
	idSeq  atomic.Uint64

	// sendMu serialises everything written to gateway connections, so that
	// events leave in the order of their sequence numbers. It is taken
	// before mu, never while holding it.
	sendMu sync.Mutex

	// wg counts gateway connection handlers, which the HTTP server stops
	// tracking once they hijack their connection.
	wg sync.WaitGroup

	mu      sync.Mutex
	closed  bool
	changed chan struct{} // closed and replaced whenever state changes

	requests []Request
	failures []*failRule // Fail429 and FailRequests, in the order added

	commands   map[string][]*discordgo.ApplicationCommand // by guild id, "" for global
	overwrites map[string]int                             // bulk overwrites by guild id

	interactions map[string]*interactionState // by interaction id
	tokens       map[string]*interactionState // by interaction token

	messages     map[string]*storedMessage // by message id
	channelMsgs  map[string][]string       // message ids by channel id, oldest first
	nonces       map[nonceKey]nonceUse     // latest message created with each nonce
	revoked      map[string]bool           // channels the bot has lost access to
	channelGuild map[string]string         // guild id of channels seen in a guild
	dmByUser     map[string]string         // DM channel id by recipient id
	dmRecipient  map[string]string         // recipient id by DM channel id
	dmRefused    map[string]bool           // users who do not accept DMs
	users        map[string]discordgo.User // users seen in dispatched events
	attachments  map[string]storedFile     // uploaded files by attachment id

	conns      map[*gatewayConn]struct{}
	sessions   map[string]*gatewaySession // by session id
	current    *gatewaySession            // receives dispatches
	identifies []discordgo.Identify
	resumes    int
	heartbeats int
}

// New starts a server on 127.0.0.1 and closes it when the test ends.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	s := &Server{
		tb:  tb,
		cfg: cfg,
		bot: discordgo.User{
			ID:            cfg.appID,
			Username:      cfg.botUsername,
			Discriminator: "0",
			Bot:           true,
			Verified:      true,
		},
		idBase:       uint64(time.Now().UnixMilli()-discordEpoch) << 22,
		changed:      make(chan struct{}),
		commands:     make(map[string][]*discordgo.ApplicationCommand),
		overwrites:   make(map[string]int),
		interactions: make(map[string]*interactionState),
		tokens:       make(map[string]*interactionState),
		messages:     make(map[string]*storedMessage),
		channelMsgs:  make(map[string][]string),
		nonces:       make(map[nonceKey]nonceUse),
		revoked:      make(map[string]bool),
		channelGuild: make(map[string]string),
		dmByUser:     make(map[string]string),
		dmRecipient:  make(map[string]string),
		dmRefused:    make(map[string]bool),
		users:        make(map[string]discordgo.User),
		attachments:  make(map[string]storedFile),
		conns:        make(map[*gatewayConn]struct{}),
		sessions:     make(map[string]*gatewaySession),
	}
	top := http.NewServeMux()
	top.HandleFunc("GET "+gatewayPath, s.serveGateway)
	top.HandleFunc("GET "+gatewayPath+"/", s.serveGateway)
	api := s.apiRoutes()
	top.Handle("/", s.recordRequests(api, s.injectFailures(api)))

	s.ts = httptest.NewUnstartedServer(top)
	s.ts.Start() // httptest listens on 127.0.0.1
	s.wsURL = "ws" + strings.TrimPrefix(s.ts.URL, "http") + gatewayPath
	tb.Cleanup(s.Close)
	return s
}

// URL is the server's base address, such as http://127.0.0.1:41234: what
// replaces https://discord.com in every REST request.
func (s *Server) URL() string { return s.ts.URL }

// GatewayURL is the address of the gateway websocket, as GET
// /api/v9/gateway announces it.
func (s *Server) GatewayURL() string { return s.wsURL }

// Token is the bot token the server accepts, without the "Bot " prefix.
func (s *Server) Token() string { return s.cfg.token }

// ApplicationID is the application's id, which is also the bot user's id.
func (s *Server) ApplicationID() string { return s.cfg.appID }

// BotUser is the bot's user, as READY and GET /users/@me describe it.
func (s *Server) BotUser() *discordgo.User {
	u := s.bot
	return &u
}

// Close closes all gateway connections and stops the server, waiting for
// every goroutine it started, and logs the requests no route matched. New
// arranges for it to run when the test ends; calling it earlier, or more
// than once, is harmless. A discordgo session still open when the server
// closes keeps trying to reconnect: close sessions first, which t.Cleanup
// does when they are opened after New.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	unhandled := s.unhandledLocked()
	s.notifyLocked()
	s.mu.Unlock()

	for _, c := range conns {
		c.ws.Close()
	}
	s.ts.Close()
	s.wg.Wait()

	for _, r := range unhandled {
		s.tb.Logf("discordtest: unhandled request %s", r)
	}
}

// newID returns a fresh snowflake. Ids increase in the order they are
// handed out, and their timestamp is the server's start.
func (s *Server) newID() string {
	return strconv.FormatUint(s.idBase+s.idSeq.Add(1), 10)
}

// notifyLocked wakes everything waiting for the server's state to change.
// The caller holds s.mu.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// WaitUntil waits until cond reports true, checking it again after every
// change to the server's state (a request, a connection, a handshake). cond
// may call the server's methods; it must not block. WaitUntil returns the
// context's error when it ends first, and ErrClosed when the server closes.
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		changed, closed := s.changed, s.closed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		if closed {
			return ErrClosed
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
