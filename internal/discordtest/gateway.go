package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// gatewayPath is where the gateway websocket is served.
const gatewayPath = "/gateway"

// Gateway opcodes.
const (
	opDispatch            = 0
	opHeartbeat           = 1
	opIdentify            = 2
	opPresenceUpdate      = 3
	opVoiceStateUpdate    = 4
	opResume              = 6
	opReconnect           = 7
	opRequestGuildMembers = 8
	opInvalidSession      = 9
	opHello               = 10
	opHeartbeatACK        = 11
	opRequestSoundboard   = 31
)

// Gateway close codes.
const (
	closeUnknownOpcode        = 4001
	closeDecodeError          = 4002
	closeNotAuthenticated     = 4003
	closeAuthenticationFailed = 4004
	closeAlreadyAuthenticated = 4005
	closeInvalidIntents       = 4013
	closeDisallowedIntents    = 4014
)

// Application flags READY carries for enabled privileged intents.
const (
	flagGatewayPresence       = 1 << 12
	flagGatewayGuildMembers   = 1 << 14
	flagGatewayMessageContent = 1 << 18
)

// Limits of the gateway.
const (
	// writeTimeout bounds every write to a gateway connection.
	writeTimeout = 5 * time.Second
	// closeGrace is how long a connection closed with a code waits for the
	// client to close its side, so that the close frame is not lost.
	closeGrace = time.Second
	// maxReplay is how many dispatches a session keeps to replay on resume.
	maxReplay = 1000
)

var (
	// ErrNoSession is returned by dispatches when no client has identified,
	// or the last one closed its session (see Dispatch).
	ErrNoSession = errors.New("discordtest: no gateway session: no client has identified")
	// ErrNotConnected is returned by RequestReconnect when no client is
	// connected.
	ErrNotConnected = errors.New("discordtest: no gateway connection")
	// ErrNotSubscribed is returned by dispatches of events the session did
	// not ask for with its intents; Discord would not send them.
	ErrNotSubscribed = errors.New("discordtest: event not covered by the session's intents")
)

// frame is a gateway payload.
type frame struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

// event is a dispatch to send: its type, payload and the intent a session
// needs to receive it (0 for none).
type event struct {
	eventType string
	data      json.RawMessage
	need      discordgo.Intent
}

// gatewaySession is a session a client identified, which outlives its
// connections until a new IDENTIFY replaces it.
type gatewaySession struct {
	id       string
	identify discordgo.Identify
	seq      int64
	sent     []sentDispatch // recent dispatches, to replay on resume
	conn     *gatewayConn   // nil while no connection carries the session
}

type sentDispatch struct {
	seq     int64
	payload []byte
}

// gatewayConn is one websocket connection.
type gatewayConn struct {
	ws *websocket.Conn

	// compress is set from IDENTIFY or the resumed session's IDENTIFY:
	// discordgo asks for payload compression by default, and reads binary
	// frames as zlib streams. Guarded by Server.sendMu.
	compress bool

	// Guarded by Server.mu.
	session *gatewaySession
	ready   bool // the handshake was answered with READY or RESUMED
	beat    bool // a heartbeat came after the handshake
	dropped bool // the server gave up on the connection
}

// serveGateway upgrades a request to a gateway connection and serves it.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "discordtest: server closed", http.StatusServiceUnavailable)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	c := &gatewayConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer s.disconnect(c)

	s.serveConn(c)
}

// serveConn runs a connection's handshake and reads its payloads until
// it ends.
func (s *Server) serveConn(c *gatewayConn) {
	hello := frame{Op: opHello, D: map[string]int64{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()}}
	if err := s.writeLocking(c, mustJSON(hello)); err != nil {
		return
	}
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
				s.endSession(c)
			}
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			s.closeConn(c, closeDecodeError, "Error while decoding payload.")
			return
		}
		s.mu.Lock()
		dropped, authenticated := c.dropped, c.session != nil
		s.mu.Unlock()
		if dropped {
			return
		}

		switch p.Op {
		case opHeartbeat:
			if err := s.writeLocking(c, mustJSON(frame{Op: opHeartbeatACK})); err != nil {
				return
			}
			s.mu.Lock()
			s.heartbeats++
			c.beat = c.ready
			s.notifyLocked()
			s.mu.Unlock()
		case opIdentify, opResume:
			if authenticated {
				s.closeConn(c, closeAlreadyAuthenticated, "Already authenticated.")
				return
			}
			handshake := s.identify
			if p.Op == opResume {
				handshake = s.resume
			}
			if !handshake(c, p.D) {
				return
			}
		case opPresenceUpdate, opVoiceStateUpdate, opRequestGuildMembers, opRequestSoundboard:
			if !authenticated {
				s.closeConn(c, closeNotAuthenticated, "Not authenticated.")
				return
			}
			// Accepted and ignored: nothing here depends on them.
		default:
			s.closeConn(c, closeUnknownOpcode, "Unknown opcode.")
			return
		}
	}
}

// identify answers an IDENTIFY: READY, then a GUILD_CREATE for each guild.
// It reports whether the connection lives on.
func (s *Server) identify(c *gatewayConn, d json.RawMessage) bool {
	// Not decoded into discordgo.Identify, which cannot read what it
	// writes: its presence's activity encodes created_at as a time and
	// decodes it as a number.
	var p struct {
		Token          string                       `json:"token"`
		Properties     discordgo.IdentifyProperties `json:"properties"`
		Compress       bool                         `json:"compress"`
		LargeThreshold int                          `json:"large_threshold"`
		Shard          *[2]int                      `json:"shard"`
		Intents        discordgo.Intent             `json:"intents"`
	}
	if err := json.Unmarshal(d, &p); err != nil {
		s.closeConn(c, closeDecodeError, "Error while decoding payload.")
		return false
	}
	id := discordgo.Identify{
		Token:          p.Token,
		Properties:     p.Properties,
		Compress:       p.Compress,
		LargeThreshold: p.LargeThreshold,
		Shard:          p.Shard,
		Intents:        p.Intents,
	}
	s.mu.Lock()
	s.identifies = append(s.identifies, id)
	s.notifyLocked()
	s.mu.Unlock()

	switch {
	case !s.tokenOK(id.Token):
		s.closeConn(c, closeAuthenticationFailed, "Authentication failed.")
		return false
	case id.Intents&^knownIntents != 0:
		s.closeConn(c, closeInvalidIntents, "Invalid intent(s).")
		return false
	case id.Intents&privilegedIntents&^s.cfg.privileged != 0:
		s.closeConn(c, closeDisallowedIntents, "Disallowed intent(s).")
		return false
	}

	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	if c.dropped {
		s.mu.Unlock()
		return false
	}
	sess := &gatewaySession{id: "session-" + s.newID(), identify: id, conn: c}
	s.sessions[sess.id] = sess
	s.current = sess
	c.session = sess
	c.compress = id.Compress
	payloads := [][]byte{s.sequenceLocked(sess, "READY", s.readyData(sess))}
	if id.Intents&discordgo.IntentGuilds != 0 {
		for _, g := range s.cfg.guilds {
			payloads = append(payloads, s.sequenceLocked(sess, "GUILD_CREATE", s.guildData(g)))
		}
	}
	s.mu.Unlock()

	return s.finishHandshake(c, payloads)
}

// resume answers a RESUME: the dispatches the client missed, then
// RESUMED; or INVALID_SESSION when the session is unknown or the missed
// dispatches are no longer all kept, after which the client identifies
// anew on the same connection.
func (s *Server) resume(c *gatewayConn, d json.RawMessage) bool {
	var rp struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &rp); err != nil {
		s.closeConn(c, closeDecodeError, "Error while decoding payload.")
		return false
	}
	if !s.tokenOK(rp.Token) {
		s.closeConn(c, closeAuthenticationFailed, "Authentication failed.")
		return false
	}

	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	if c.dropped {
		s.mu.Unlock()
		return false
	}
	sess := s.sessions[rp.SessionID]
	if sess == nil || (len(sess.sent) > 0 && sess.sent[0].seq > rp.Seq+1) {
		s.mu.Unlock()
		return s.write(c, mustJSON(frame{Op: opInvalidSession, D: false})) == nil
	}
	previous := sess.conn
	if previous != nil {
		previous.dropped = true
		s.detachLocked(previous)
	}
	sess.conn = c
	c.session = sess
	c.compress = sess.identify.Compress
	s.current = sess
	s.resumes++
	var payloads [][]byte
	for _, sent := range sess.sent {
		if sent.seq > rp.Seq {
			payloads = append(payloads, sent.payload)
		}
	}
	payloads = append(payloads, s.sequenceLocked(sess, "RESUMED", map[string]any{"_trace": []string{"discordtest"}}))
	s.mu.Unlock()

	if previous != nil {
		previous.ws.Close()
	}
	return s.finishHandshake(c, payloads)
}

// finishHandshake marks the connection ready and sends a handshake's
// dispatches. It marks it first, so that a client that has READY or
// RESUMED finds Connected true; as the caller holds s.sendMu, whatever is
// dispatched once Connected reports true still leaves after them.
func (s *Server) finishHandshake(c *gatewayConn, payloads [][]byte) bool {
	s.mu.Lock()
	c.ready = !c.dropped
	s.notifyLocked()
	s.mu.Unlock()
	if !c.ready {
		return false
	}
	for _, p := range payloads {
		if err := s.write(c, p); err != nil {
			return false // the reader's disconnect clears ready
		}
	}
	return true
}

func (s *Server) tokenOK(token string) bool {
	return token == s.cfg.token || token == "Bot "+s.cfg.token
}

// readyData is READY's payload, with what discordgo's Ready and State read.
func (s *Server) readyData(sess *gatewaySession) map[string]any {
	guilds := make([]map[string]any, 0, len(s.cfg.guilds))
	for _, g := range s.cfg.guilds {
		guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
	}
	flags := 0
	if s.cfg.privileged&discordgo.IntentGuildPresences != 0 {
		flags |= flagGatewayPresence
	}
	if s.cfg.privileged&discordgo.IntentGuildMembers != 0 {
		flags |= flagGatewayGuildMembers
	}
	if s.cfg.privileged&discordgo.IntentMessageContent != 0 {
		flags |= flagGatewayMessageContent
	}
	ready := map[string]any{
		"v":                  9,
		"user":               s.botObject(),
		"guilds":             guilds,
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": s.wsURL,
		"application":        map[string]any{"id": s.cfg.appID, "flags": flags},
		"private_channels":   []any{},
		"relationships":      []any{},
		"presences":          []any{},
		"user_settings":      map[string]any{},
		"_trace":             []string{"discordtest"},
	}
	if sess.identify.Shard != nil {
		ready["shard"] = sess.identify.Shard
	}
	return ready
}

// guildData is the GUILD_CREATE payload of a guild the bot is in.
func (s *Server) guildData(guildID string) map[string]any {
	return map[string]any{
		"id":                     guildID,
		"name":                   "Guild " + guildID,
		"icon":                   nil,
		"owner_id":               guildID,
		"unavailable":            false,
		"joined_at":              time.Now().UTC().Format(time.RFC3339Nano),
		"large":                  false,
		"member_count":           1,
		"preferred_locale":       string(discordgo.EnglishUS),
		"features":               []string{},
		"channels":               []any{},
		"threads":                []any{},
		"members":                []any{},
		"presences":              []any{},
		"voice_states":           []any{},
		"emojis":                 []any{},
		"stickers":               []any{},
		"stage_instances":        []any{},
		"guild_scheduled_events": []any{},
		"roles": []map[string]any{{
			"id": guildID, "name": "@everyone", "permissions": "0", "position": 0,
		}},
	}
}

// sequenceLocked numbers a dispatch for a session and keeps it for replay.
// The caller holds s.sendMu and s.mu.
func (s *Server) sequenceLocked(sess *gatewaySession, eventType string, data any) []byte {
	sess.seq++
	seq := sess.seq
	payload := mustJSON(frame{Op: opDispatch, D: data, S: &seq, T: &eventType})
	sess.sent = append(sess.sent, sentDispatch{seq: seq, payload: payload})
	if n := len(sess.sent); n > maxReplay {
		sess.sent = slices.Delete(sess.sent, 0, n-maxReplay)
	}
	return payload
}

// write sends a payload on a connection, compressed when the client asked
// for it. The caller holds s.sendMu.
func (s *Server) write(c *gatewayConn, payload []byte) error {
	if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	if !c.compress {
		return c.ws.WriteMessage(websocket.TextMessage, payload)
	}
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	if _, err := zw.Write(payload); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return c.ws.WriteMessage(websocket.BinaryMessage, buf.Bytes())
}

// writeLocking is write for callers not holding s.sendMu.
func (s *Server) writeLocking(c *gatewayConn, payload []byte) error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	return s.write(c, payload)
}

// closeConn closes a connection with a close code, as Discord does when a
// client breaks the protocol, and waits briefly for the client to close
// its side. It is called by the connection's reader only.
func (s *Server) closeConn(c *gatewayConn, code int, reason string) {
	msg := websocket.FormatCloseMessage(code, reason)
	if err := c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(writeTimeout)); err != nil {
		return
	}
	if err := c.ws.SetReadDeadline(time.Now().Add(closeGrace)); err != nil {
		return
	}
	for {
		if _, _, err := c.ws.ReadMessage(); err != nil {
			return
		}
	}
}

// endSession ends the session of a connection the client closed with code
// 1000 or 1001, which on Discord means it will not resume: dispatches fail
// with ErrNoSession until a client identifies again. discordgo's Close
// closes so.
func (s *Server) endSession(c *gatewayConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := c.session
	if sess == nil || sess.conn != c {
		return
	}
	delete(s.sessions, sess.id)
	if s.current == sess {
		s.current = nil
	}
	s.notifyLocked()
}

// disconnect forgets a connection that ended.
func (s *Server) disconnect(c *gatewayConn) {
	c.ws.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	s.detachLocked(c)
	s.notifyLocked()
}

// detachLocked takes a connection off its session: dispatches are kept
// for a resume instead of being sent on it.
func (s *Server) detachLocked(c *gatewayConn) {
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	c.ready = false
}

// send dispatches an event to the current session. A session without a
// connection keeps the event, to replay it when the client resumes.
func (s *Server) send(e event) error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	sess := s.current
	switch {
	case s.closed:
		s.mu.Unlock()
		return ErrClosed
	case sess == nil:
		s.mu.Unlock()
		return ErrNoSession
	case sess.identify.Intents&e.need != e.need:
		s.mu.Unlock()
		return fmt.Errorf("%w: %s needs intents %d, the session asked for %d",
			ErrNotSubscribed, e.eventType, e.need, sess.identify.Intents)
	}
	payload := s.sequenceLocked(sess, e.eventType, e.data)
	c := sess.conn
	s.mu.Unlock()
	if c != nil {
		// A failed write ends the connection, and the client will resume.
		_ = s.write(c, payload)
	}
	return nil
}

// sendAll sends events the bot's own requests caused, such as
// MESSAGE_CREATE for a message it sent; those not covered by the
// session's intents are not sent, as on Discord.
func (s *Server) sendAll(events []event) {
	for _, e := range events {
		_ = s.send(e)
	}
}

// Dispatch sends an event of any type to the current session (the one
// last identified or resumed), with data encoded as its payload ("d"). It
// fails with ErrNoSession when there is none: no client has identified, or
// the last one closed its connection for good, as discordgo's Close does.
// While the client is disconnected, events wait for it to resume, as on
// Discord.
func (s *Server) Dispatch(eventType string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("discordtest: encoding %s: %w", eventType, err)
	}
	return s.send(event{eventType: eventType, data: raw})
}

// Connected reports whether a client is connected, its handshake was
// answered with READY or RESUMED, and it has heartbeated since, as
// discordgo does as soon as it is connected.
//
// The heartbeat matters to tests that then drop the connection: discordgo
// starts its heartbeat goroutine after the handshake, and if that
// goroutine first writes once the connection is lost, it reconnects as
// well as the reader, and may close the connection the reader has just
// opened. Once the first heartbeat is in, that cannot happen (with a
// heartbeat interval long enough that no other is due).
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if c.ready && c.beat {
			return true
		}
	}
	return false
}

// WaitReady waits until Connected reports true. After DropConnections or
// RequestReconnect it waits for the client to come back.
func (s *Server) WaitReady(ctx context.Context) error {
	if err := s.WaitUntil(ctx, s.Connected); err != nil {
		return fmt.Errorf("discordtest: waiting for a gateway client: %w", err)
	}
	return nil
}

// Identifies returns every IDENTIFY received, oldest first, refused ones
// included: the token, intents, properties, compression and shard the
// client sent (not its presence).
func (s *Server) Identifies() []discordgo.Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.identifies)
	for i := range out {
		if shard := out[i].Shard; shard != nil {
			dup := *shard
			out[i].Shard = &dup
		}
	}
	return out
}

// Resumes is how many RESUMEs of a known session were answered RESUMED.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Heartbeats is how many heartbeats (op 1) were received and acknowledged.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// DropConnections closes every gateway connection abruptly, without a
// close frame, as a network failure would. Sessions survive: a client that
// resumes receives what was dispatched meanwhile. When it returns,
// Connected reports false until a client is connected again; WaitReady
// waits for that. Call it once WaitReady has returned (see Connected).
func (s *Server) DropConnections() {
	s.mu.Lock()
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		c.dropped = true
		s.detachLocked(c)
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
}

// RequestReconnect sends RECONNECT (op 7) on the current session's
// connection, asking the client to reconnect and resume, as Discord does
// before it restarts a gateway server. The connection no longer counts as
// connected and receives no more dispatches. Call it once WaitReady has
// returned (see Connected).
func (s *Server) RequestReconnect() error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	var c *gatewayConn
	if s.current != nil {
		c = s.current.conn
	}
	s.mu.Unlock()
	if c == nil {
		return ErrNotConnected
	}
	err := s.write(c, mustJSON(frame{Op: opReconnect}))
	// Marked only now: the reader closes dropped connections, which must
	// not happen before RECONNECT is out. Holding sendMu, no dispatch can
	// come in between.
	s.mu.Lock()
	c.dropped = true
	s.detachLocked(c)
	s.notifyLocked()
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("discordtest: sending RECONNECT: %w", err)
	}
	return nil
}
