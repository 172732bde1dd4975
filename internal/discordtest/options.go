package discordtest

import (
	"time"

	"github.com/bwmarrin/discordgo"
)

// Defaults used when no Option says otherwise.
const (
	// DefaultToken is the bot token the server accepts by default.
	DefaultToken = "discordtest-bot-token"
	// DefaultApplicationID is the application id, which is also the bot
	// user's id, by default.
	DefaultApplicationID = "1100000000000000001"
	// DefaultBotUsername is the bot user's name by default.
	DefaultBotUsername = "briefbot"
	// DefaultHeartbeatInterval is the heartbeat interval announced in HELLO
	// by default: Discord's. discordgo heartbeats once as soon as it is
	// connected, so heartbeats are exercised all the same. A short
	// interval makes tests that drop connections flaky: when a heartbeat
	// fails at the moment the connection is lost, discordgo's heartbeat
	// and reader goroutines both close and reconnect, and one of them may
	// close the connection the other has just opened (see Connected).
	DefaultHeartbeatInterval = 41250 * time.Millisecond
	// DefaultNonceWindow is how long, by default, a message's nonce keeps
	// a later message with the same nonce and enforce_nonce from being
	// created: Discord says "the past few minutes".
	DefaultNonceWindow = 5 * time.Minute
)

// privilegedIntents are the intents an application must have enabled in
// the developer portal before it may request them.
const privilegedIntents = discordgo.IntentGuildMembers |
	discordgo.IntentGuildPresences |
	discordgo.IntentMessageContent

// knownIntents are all intents Discord defines; any other bit is invalid.
const knownIntents = discordgo.IntentsAll |
	discordgo.IntentGuildMessagePolls |
	discordgo.IntentDirectMessagePolls

// config is what the options set.
type config struct {
	token               string
	appID               string
	botUsername         string
	heartbeat           time.Duration
	privileged          discordgo.Intent
	guilds              []string
	interactionDeadline time.Duration
	nonceWindow         time.Duration
}

func defaultConfig() config {
	return config{
		token:       DefaultToken,
		appID:       DefaultApplicationID,
		botUsername: DefaultBotUsername,
		heartbeat:   DefaultHeartbeatInterval,
		privileged:  privilegedIntents,
		nonceWindow: DefaultNonceWindow,
	}
}

// An Option configures a Server.
type Option func(*config)

// WithToken sets the bot token the server accepts, without the "Bot "
// prefix. REST requests must carry "Authorization: Bot <token>" and the
// gateway IDENTIFY must carry the token (with or without the prefix).
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithApplicationID sets the application id, which is also the id of the
// bot user, as it is for every application created since 2020.
func WithApplicationID(id string) Option {
	return func(c *config) { c.appID = id }
}

// WithBotUsername sets the bot user's name.
func WithBotUsername(name string) Option {
	return func(c *config) { c.botUsername = name }
}

// WithHeartbeatInterval sets the heartbeat interval announced in HELLO,
// for tests about heartbeats. discordgo reconnects when no ACK came for
// five intervals, so intervals under a second make tests sensitive to
// scheduling; see also DefaultHeartbeatInterval.
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithPrivilegedIntents sets which privileged intents (guild members,
// presences, message content) the application has enabled. An IDENTIFY
// asking for any other privileged intent is closed with code 4014
// "Disallowed intent(s)". By default all three are enabled.
func WithPrivilegedIntents(enabled discordgo.Intent) Option {
	return func(c *config) { c.privileged = enabled & privilegedIntents }
}

// WithGuilds makes the bot a member of the given guilds: READY lists them
// as unavailable and a GUILD_CREATE follows for each, as Discord does.
func WithGuilds(guildIDs ...string) Option {
	return func(c *config) { c.guilds = append(c.guilds, guildIDs...) }
}

// WithInteractionDeadline makes the server refuse, with 404 "Unknown
// interaction" (code 10062), a first response that arrives later than d
// after the interaction was dispatched. Discord allows three seconds
// (discordgo.InteractionDeadline). By default there is no deadline, so that
// slow test machines do not fail tests that are not about timing.
func WithInteractionDeadline(d time.Duration) Option {
	return func(c *config) { c.interactionDeadline = d }
}

// WithNonceWindow sets how long after a message was created with a nonce
// a request to create another with the same nonce and enforce_nonce true
// gets the earlier message back instead (see the package documentation);
// by default DefaultNonceWindow. Time is measured with the real clock.
func WithNonceWindow(d time.Duration) Option {
	return func(c *config) { c.nonceWindow = d }
}
