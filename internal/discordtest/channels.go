package discordtest

import (
	"encoding/json"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// DMChannelID returns the id of the DM channel between the bot and a user,
// the one POST /users/@me/channels answers with, creating it if needed.
func (s *Server) DMChannelID(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmChannelLocked(userID)
}

func (s *Server) dmChannelLocked(userID string) string {
	if id, ok := s.dmByUser[userID]; ok {
		return id
	}
	id := s.newID()
	s.dmByUser[userID] = id
	s.dmRecipient[id] = userID
	return id
}

// RefuseDMs makes messages to the user's DM channel fail with 403 "Cannot
// send messages to this user" (code 50007), as for a user who does not
// accept direct messages from the bot. Opening the channel still works, as
// on Discord.
func (s *Server) RefuseDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dmRefused[userID] = true
}

// rememberUserLocked keeps a user seen in a dispatched event, to describe
// them later as Discord would.
func (s *Server) rememberUserLocked(u *discordgo.User) {
	if u != nil && u.ID != "" {
		s.users[u.ID] = *u
	}
}

// userLocked describes a user by id: as last seen, else with a made-up name.
func (s *Server) userLocked(id string) discordgo.User {
	if u, ok := s.users[id]; ok {
		return u
	}
	return discordgo.User{ID: id, Username: "user" + id, Discriminator: "0"}
}

// handleCreateDM opens (or finds) the DM channel with a user.
func (s *Server) handleCreateDM(w http.ResponseWriter, r *http.Request) {
	var body struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := decodeBody(r, &body); err != nil {
		writeError(w, errInvalidJSON())
		return
	}
	if body.RecipientID == "" {
		writeError(w, invalidFormBody([]fieldError{required("recipient_id")}))
		return
	}
	if body.RecipientID == s.cfg.appID {
		writeError(w, newAPIError(http.StatusBadRequest, codeCannotMessageUser, "Cannot send messages to this user"))
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	channelID := s.dmChannelLocked(body.RecipientID)
	var last json.RawMessage = json.RawMessage("null")
	if ids := s.channelMsgs[channelID]; len(ids) > 0 {
		last = mustJSON(ids[len(ids)-1])
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id":              channelID,
		"type":            discordgo.ChannelTypeDM,
		"last_message_id": last,
		"flags":           0,
		"recipients":      []map[string]any{userObject(s.userLocked(body.RecipientID))},
	})
}

// RevokeChannel makes the bot lose access to a channel, as when it is
// removed from it or loses the View Channel permission: until
// RestoreChannel, POST and GET /channels/{id}/messages answer 403
// {"message": "Missing Access", "code": 50001}, which discordgo returns as
// a *discordgo.RESTError with Message.Code 50001. Messages already in the
// channel stay, and interaction responses and follow-ups, which go
// through the interaction's webhook, still work, as on Discord.
func (s *Server) RevokeChannel(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revoked[channelID] = true
	s.notifyLocked()
}

// RestoreChannel gives back the access RevokeChannel took away.
func (s *Server) RestoreChannel(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.revoked, channelID)
	s.notifyLocked()
}

// channelRevoked reports whether RevokeChannel took the channel away.
func (s *Server) channelRevoked(channelID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revoked[channelID]
}

func errMissingAccess() *apiError {
	return newAPIError(http.StatusForbidden, codeMissingAccess, "Missing Access")
}

// handleCreateMessage sends a message to a channel. Any channel id is
// accepted, except revoked channels and DM channels of users who refuse
// DMs. With a nonce and enforce_nonce, a recent message with the same
// nonce is answered instead of creating another.
func (s *Server) handleCreateMessage(w http.ResponseWriter, r *http.Request) {
	channelID := r.PathValue("channel")
	if s.channelRevoked(channelID) {
		writeError(w, errMissingAccess())
		return
	}
	payload, files, apiErr := readPayload(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	nonce, apiErr := readNonce(payload)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}

	s.mu.Lock()
	if recipient, ok := s.dmRecipient[channelID]; ok && s.dmRefused[recipient] {
		s.mu.Unlock()
		writeError(w, newAPIError(http.StatusForbidden, codeCannotMessageUser, "Cannot send messages to this user"))
		return
	}
	m := s.newMessageLocked(channelID, discordgo.MessageTypeDefault, payload, files)
	if nonce.raw != nil {
		m.obj["nonce"] = nonce.raw
	}
	if apiErr := checkMessage(m.obj, false); apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	if nonce.enforce {
		if earlier := s.nonceMessageLocked(channelID, nonce.key); earlier != nil {
			answer := mustJSON(earlier.obj)
			s.mu.Unlock()
			writeJSON(w, http.StatusOK, answer)
			return
		}
	}
	s.storeMessageLocked(m)
	s.rememberNonceLocked(m, nonce.key)
	writeJSON(w, http.StatusOK, s.publishAndUnlock("MESSAGE_CREATE", m))
}

// userObject is a user as Discord shows users to others.
func userObject(u discordgo.User) map[string]any {
	obj := map[string]any{
		"id":            u.ID,
		"username":      u.Username,
		"discriminator": u.Discriminator,
		"global_name":   nullable(u.GlobalName),
		"avatar":        nullable(u.Avatar),
		"public_flags":  u.PublicFlags,
	}
	if u.Discriminator == "" {
		obj["discriminator"] = "0"
	}
	if u.Bot {
		obj["bot"] = true
	}
	return obj
}

// botObject is the bot user as it sees itself, in READY and GET /users/@me.
func (s *Server) botObject() map[string]any {
	obj := userObject(s.bot)
	obj["verified"] = true
	obj["mfa_enabled"] = false
	obj["flags"] = 0
	obj["email"] = nil
	return obj
}

// nullable is s, or null when empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
