package discordtest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"time"
)

// maxNonce is the longest nonce Discord accepts, in characters.
const maxNonce = 25

// integerNonce is the text of a nonce sent as a JSON integer.
var integerNonce = regexp.MustCompile(`^-?[0-9]+$`)

// messageNonce is what a message create request says about its nonce.
type messageNonce struct {
	raw     json.RawMessage // the nonce as sent, echoed in the message; nil when none
	key     string          // the nonce as text, "" when none
	enforce bool            // enforce_nonce
}

// readNonce reads the nonce (a string or an integer of at most 25
// characters) and enforce_nonce (a boolean) fields of a message create
// request, answering 400 "Invalid Form Body" when they are not that.
func readNonce(payload wireObject) (messageNonce, *apiError) {
	var n messageNonce
	var errs []fieldError
	if payload.has("nonce") {
		raw := bytes.TrimSpace(payload["nonce"])
		var text string
		switch {
		case json.Unmarshal(raw, &text) == nil:
		case integerNonce.Match(raw):
			text = string(raw)
		default:
			errs = append(errs, fieldError{"nonce", "BASE_TYPE_STRING", "Must be a string or an integer."})
		}
		if runes(text) > maxNonce {
			errs = append(errs, tooLong("nonce", maxNonce))
		}
		n.raw, n.key = bytes.Clone(raw), text
	}
	if payload.has("enforce_nonce") {
		if err := json.Unmarshal(payload["enforce_nonce"], &n.enforce); err != nil {
			errs = append(errs, fieldError{"enforce_nonce", "BASE_TYPE_BOOLEAN", "Must be either true or false."})
		}
	}
	if len(errs) > 0 {
		return messageNonce{}, invalidFormBody(errs)
	}
	n.enforce = n.enforce && n.key != ""
	return n, nil
}

// nonceKey identifies the messages whose nonces enforce_nonce compares:
// Discord compares those by the same author in the same channel.
type nonceKey struct {
	channelID, authorID, nonce string
}

// nonceUse is the latest message created with a nonce.
type nonceUse struct {
	messageID string
	at        time.Time
}

// nonceMessageLocked returns the bot's message in the channel created
// with nonce within the nonce window, if there is one and it was not
// deleted.
func (s *Server) nonceMessageLocked(channelID, nonce string) *storedMessage {
	use, ok := s.nonces[nonceKey{channelID, s.cfg.appID, nonce}]
	if !ok || time.Since(use.at) > s.cfg.nonceWindow {
		return nil
	}
	if m := s.messages[use.messageID]; m != nil && !m.deleted {
		return m
	}
	return nil
}

// rememberNonceLocked records that the bot just created m with nonce, if
// it had one.
func (s *Server) rememberNonceLocked(m *storedMessage, nonce string) {
	if nonce != "" {
		s.nonces[nonceKey{m.channelID, s.cfg.appID, nonce}] = nonceUse{messageID: m.id, at: time.Now()}
	}
}
