package discordtest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// originalAlias is how webhook routes name an interaction's first response.
const originalAlias = "@original"

// interactionState is what the server knows of a dispatched interaction.
type interactionState struct {
	id, token  string
	typ        discordgo.InteractionType
	name       string                           // the command's name, if any
	cmdType    discordgo.ApplicationCommandType // the command's type, if any
	channelID  string
	user       discordgo.User // who interacted
	message    wireObject     // the message a component was on, if any
	dispatched time.Time

	callback   *recordedCallback
	originalID string   // the message @original names, if any
	followups  []string // follow-up message ids, oldest first
}

type recordedCallback struct {
	typ  discordgo.InteractionResponseType
	data wireObject // nil when the response had none
	at   time.Time
}

// InteractionCallback is the first response to an interaction, as the bot
// sent it to POST /interactions/{id}/{token}/callback.
type InteractionCallback struct {
	// Type is the response's type, such as 4 (channel message) or 5
	// (deferred channel message).
	Type discordgo.InteractionResponseType
	// Data is the response's "data" object as sent; nil when it had none.
	Data json.RawMessage
	// Message is Data read as a message (content, embeds, components,
	// flags) for the message-carrying types: 4 channel message, 5
	// deferred channel message and 7 update message. Otherwise it is nil.
	Message *discordgo.Message
	// Choices are the choices of an autocomplete result (type 8).
	Choices []*discordgo.ApplicationCommandOptionChoice
	// Time is when the server received the response.
	Time time.Time
}

func (cb *recordedCallback) export() InteractionCallback {
	out := InteractionCallback{Type: cb.typ, Time: cb.at}
	if cb.data == nil {
		return out
	}
	out.Data = mustJSON(cb.data)
	switch cb.typ {
	case discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource,
		discordgo.InteractionResponseUpdateMessage:
		out.Message = decodeMessage(cb.data)
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		var d struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		_ = cb.data.decode(&d) // validated when received
		out.Choices = d.Choices
	}
	return out
}

// DispatchInteraction sends INTERACTION_CREATE for i to the current
// session and returns the interaction as sent. An empty id, token or
// application id, a zero version and an empty locale are filled in; i
// itself is not changed. The interaction must name its user, in Member
// (in a guild) or User (in a DM).
func (s *Server) DispatchInteraction(i *discordgo.Interaction) (*discordgo.Interaction, error) {
	in := *i
	if in.ID == "" {
		in.ID = s.newID()
	}
	if in.Token == "" {
		in.Token = interactionToken(in.ID)
	}
	if in.AppID == "" {
		in.AppID = s.cfg.appID
	}
	if in.Version == 0 {
		in.Version = 1
	}
	if in.Locale == "" {
		in.Locale = discordgo.EnglishUS
	}
	user := in.User
	if in.Member != nil && in.Member.User != nil {
		user = in.Member.User
	}
	if user == nil {
		return nil, fmt.Errorf("discordtest: interaction %s names no user: set Member (guild) or User (DM)", in.ID)
	}
	payload, err := encodeInteraction(&in)
	if err != nil {
		return nil, err
	}

	st := &interactionState{
		id:         in.ID,
		token:      in.Token,
		typ:        in.Type,
		channelID:  in.ChannelID,
		user:       *user,
		dispatched: time.Now(),
	}
	if data, ok := in.Data.(discordgo.ApplicationCommandInteractionData); ok {
		st.name, st.cmdType = data.Name, data.CommandType
	}
	if in.Message != nil {
		if st.message, err = encodeMessage(in.Message); err != nil {
			return nil, fmt.Errorf("discordtest: interaction %s: %w", in.ID, err)
		}
	}

	s.mu.Lock()
	if _, dup := s.interactions[in.ID]; dup {
		s.mu.Unlock()
		return nil, fmt.Errorf("discordtest: interaction %s was already dispatched", in.ID)
	}
	s.interactions[in.ID] = st
	s.tokens[in.Token] = st
	s.noteChannelLocked(in.ChannelID, in.GuildID, user)
	s.mu.Unlock()

	// Registered first, so that the bot's answer finds the interaction.
	if err := s.send(event{eventType: "INTERACTION_CREATE", data: payload}); err != nil {
		s.mu.Lock()
		delete(s.interactions, in.ID)
		delete(s.tokens, in.Token)
		s.mu.Unlock()
		return nil, fmt.Errorf("discordtest: dispatching interaction: %w", err)
	}
	return &in, nil
}

// interactionToken makes a token in the shape of Discord's.
func interactionToken(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("interaction:" + id + ":discordtest"))
}

// encodeInteraction gives an interaction in its wire form, with the
// components of the message it carries, which discordgo does not encode.
func encodeInteraction(in *discordgo.Interaction) (json.RawMessage, error) {
	var obj wireObject
	raw, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("discordtest: encoding interaction: %w", err)
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("discordtest: encoding interaction: %w", err)
	}
	if in.Message != nil {
		msg, err := encodeMessage(in.Message)
		if err != nil {
			return nil, fmt.Errorf("discordtest: encoding interaction: %w", err)
		}
		obj.set("message", msg)
	}
	return mustJSON(obj), nil
}

// noteChannelLocked remembers where a channel is: in a guild, or the DM
// with a user.
func (s *Server) noteChannelLocked(channelID, guildID string, user *discordgo.User) {
	s.rememberUserLocked(user)
	switch {
	case channelID == "":
	case guildID != "":
		s.channelGuild[channelID] = guildID
	case user != nil:
		if _, known := s.dmRecipient[channelID]; !known {
			s.dmRecipient[channelID] = user.ID
			if _, has := s.dmByUser[user.ID]; !has {
				s.dmByUser[user.ID] = channelID
			}
		}
	}
}

// Callback returns the first response to an interaction, and whether
// there was one.
func (s *Server) Callback(interactionID string) (InteractionCallback, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.interactions[interactionID]
	if st == nil || st.callback == nil {
		return InteractionCallback{}, false
	}
	return st.callback.export(), true
}

// WaitCallback waits for the first response to an interaction.
func (s *Server) WaitCallback(ctx context.Context, interactionID string) (InteractionCallback, error) {
	var cb InteractionCallback
	err := s.WaitUntil(ctx, func() bool {
		var ok bool
		cb, ok = s.Callback(interactionID)
		return ok
	})
	if err != nil {
		return InteractionCallback{}, fmt.Errorf("discordtest: waiting for the response to interaction %s: %w", interactionID, err)
	}
	return cb, nil
}

// Original returns the message an interaction's token calls @original, as
// it is now: the response message (types 4 and 5, after any edits), or
// the message a component was on (types 6 and 7). It is nil when there is
// none or it was deleted.
func (s *Server) Original(token string) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.tokens[token]
	if st == nil || st.originalID == "" {
		return nil
	}
	if m := s.messages[st.originalID]; m != nil && !m.deleted {
		return decodeMessage(m.obj)
	}
	return nil
}

// Followups returns an interaction's follow-up messages that were not
// deleted, oldest first, as they are now.
func (s *Server) Followups(token string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.tokens[token]
	if st == nil {
		return nil
	}
	var out []*discordgo.Message
	for _, id := range st.followups {
		if m := s.messages[id]; m != nil && !m.deleted {
			out = append(out, decodeMessage(m.obj))
		}
	}
	return out
}

func errUnknownInteraction() *apiError {
	return newAPIError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
}

func errUnknownWebhook() *apiError {
	return newAPIError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
}

func errUnknownMessage() *apiError {
	return newAPIError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
}

// handleCallback records the first response to an interaction and
// creates or updates the message it implies.
func (s *Server) handleCallback(w http.ResponseWriter, r *http.Request) {
	payload, files, apiErr := readPayload(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	var typ discordgo.InteractionResponseType
	if err := json.Unmarshal(payload["type"], &typ); err != nil || typ == 0 {
		writeError(w, invalidFormBody([]fieldError{required("type")}))
		return
	}
	var data wireObject
	if payload.has("data") {
		if err := json.Unmarshal(payload["data"], &data); err != nil || data == nil {
			writeError(w, errInvalidJSON())
			return
		}
	}

	s.mu.Lock()
	st := s.interactions[r.PathValue("interaction")]
	late := st != nil && s.cfg.interactionDeadline > 0 &&
		time.Since(st.dispatched) > s.cfg.interactionDeadline
	switch {
	case st == nil || st.token != r.PathValue("token") || late:
		apiErr = errUnknownInteraction()
	case st.callback != nil:
		apiErr = newAPIError(http.StatusBadRequest, codeInteractionAcknowledged,
			"Interaction has already been acknowledged.")
	case !callbackAllowed(st, typ):
		apiErr = invalidFormBody([]fieldError{{"type", "INTERACTION_RESPONSE_TYPE_INVALID",
			fmt.Sprintf("Interaction response type %d is not valid for interaction type %d", typ, st.typ)}})
	}
	var events []event
	if apiErr == nil {
		events, apiErr = s.respondLocked(st, typ, data, files)
	}
	if apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	st.callback = &recordedCallback{typ: typ, data: data, at: time.Now()}
	s.notifyLocked()
	s.mu.Unlock()

	s.sendAll(events)
	w.WriteHeader(http.StatusNoContent)
}

// callbackAllowed reports whether a response type suits an interaction.
func callbackAllowed(st *interactionState, typ discordgo.InteractionResponseType) bool {
	switch typ {
	case discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource:
		return st.typ != discordgo.InteractionApplicationCommandAutocomplete
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		return st.message != nil &&
			(st.typ == discordgo.InteractionMessageComponent || st.typ == discordgo.InteractionModalSubmit)
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		return st.typ == discordgo.InteractionApplicationCommandAutocomplete
	case discordgo.InteractionResponseModal:
		return st.typ == discordgo.InteractionApplicationCommand || st.typ == discordgo.InteractionMessageComponent
	}
	return false
}

// respondLocked carries out a response: the message it creates or
// updates, and the gateway events that follow.
func (s *Server) respondLocked(st *interactionState, typ discordgo.InteractionResponseType, data wireObject, files []upload) ([]event, *apiError) {
	if data == nil {
		data = wireObject{}
	}
	switch typ {
	case discordgo.InteractionResponseChannelMessageWithSource:
		m := s.responseMessageLocked(st, responseType(st), data, files)
		if apiErr := checkMessage(m.obj, false); apiErr != nil {
			return nil, apiErr
		}
		s.storeMessageLocked(m)
		st.originalID = m.id
		return s.messageEventsLocked("MESSAGE_CREATE", m), nil

	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		// Only the flags count: the message is empty and loading until an
		// edit gives it content.
		var flags wireObject
		if data.has("flags") {
			flags = wireObject{"flags": data["flags"]}
		}
		m := s.responseMessageLocked(st, responseType(st), flags, nil)
		m.obj.set("flags", m.flags()|discordgo.MessageFlagsLoading)
		s.storeMessageLocked(m)
		st.originalID = m.id
		return s.messageEventsLocked("MESSAGE_CREATE", m), nil

	case discordgo.InteractionResponseDeferredMessageUpdate:
		st.originalID = s.componentMessageLocked(st).id
		return nil, nil

	case discordgo.InteractionResponseUpdateMessage:
		edited := s.editMessageLocked(s.componentMessageLocked(st), data, files)
		if apiErr := checkMessage(edited.obj, false); apiErr != nil {
			return nil, apiErr
		}
		s.replaceMessageLocked(edited)
		st.originalID = edited.id
		return s.messageEventsLocked("MESSAGE_UPDATE", edited), nil

	case discordgo.InteractionApplicationCommandAutocompleteResult:
		return nil, checkChoices(data)

	case discordgo.InteractionResponseModal:
		return nil, checkModal(data)
	}
	return nil, nil
}

// responseType is the type of the messages answering an interaction.
func responseType(st *interactionState) discordgo.MessageType {
	switch {
	case st.typ != discordgo.InteractionApplicationCommand:
		return discordgo.MessageTypeDefault
	case st.cmdType == discordgo.UserApplicationCommand || st.cmdType == discordgo.MessageApplicationCommand:
		return discordgo.MessageTypeContextMenuCommand
	}
	return discordgo.MessageTypeChatInputCommand
}

// responseMessageLocked builds a message the bot sends through an
// interaction's webhook: its response or a follow-up.
func (s *Server) responseMessageLocked(st *interactionState, typ discordgo.MessageType, payload wireObject, files []upload) *storedMessage {
	m := s.newMessageLocked(st.channelID, typ, payload, files)
	m.obj.set("webhook_id", s.cfg.appID)
	m.obj.set("application_id", s.cfg.appID)
	m.obj.set("interaction", map[string]any{
		"id": st.id, "type": st.typ, "name": st.name, "user": userObject(st.user),
	})
	m.obj.set("interaction_metadata", map[string]any{
		"id": st.id, "type": st.typ, "user": userObject(st.user),
		"authorizing_integration_owners": map[string]string{},
	})
	return m
}

// componentMessageLocked is the stored message a component was on,
// stored now if the bot's messages do not include it.
func (s *Server) componentMessageLocked(st *interactionState) *storedMessage {
	var id string
	_ = json.Unmarshal(st.message["id"], &id)
	if m := s.messages[id]; m != nil && !m.deleted {
		return m
	}
	channelID := st.channelID
	_ = json.Unmarshal(st.message["channel_id"], &channelID)
	if id == "" {
		id = s.newID()
	}
	m := &storedMessage{obj: st.message.clone(), id: id, channelID: channelID}
	m.obj.set("id", id)
	m.obj.set("channel_id", channelID)
	s.storeMessageLocked(m)
	return m
}

// webhookLocked finds the interaction whose webhook a route names. Its
// webhook exists once the interaction has been responded to.
func (s *Server) webhookLocked(r *http.Request) (*interactionState, *apiError) {
	st := s.tokens[r.PathValue("token")]
	if st == nil || st.callback == nil || r.PathValue("app") != s.cfg.appID {
		return nil, errUnknownWebhook()
	}
	return st, nil
}

// webhookMessageLocked finds the message a webhook route names: @original
// or a follow-up of the same interaction.
func (s *Server) webhookMessageLocked(r *http.Request) (*interactionState, *storedMessage, *apiError) {
	st, apiErr := s.webhookLocked(r)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	id := r.PathValue("message")
	if id == originalAlias {
		id = st.originalID
	}
	if id == "" || (id != st.originalID && !slices.Contains(st.followups, id)) {
		return nil, nil, errUnknownMessage()
	}
	m := s.messages[id]
	if m == nil || m.deleted {
		return nil, nil, errUnknownMessage()
	}
	return st, m, nil
}

// handleFollowup sends a follow-up message; with ?wait=true the answer is
// the message, else 204 No Content.
func (s *Server) handleFollowup(w http.ResponseWriter, r *http.Request) {
	payload, files, apiErr := readPayload(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	s.mu.Lock()
	st, apiErr := s.webhookLocked(r)
	if apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	m := s.responseMessageLocked(st, discordgo.MessageTypeDefault, payload, files)
	if apiErr := checkMessage(m.obj, false); apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	s.storeMessageLocked(m)
	st.followups = append(st.followups, m.id)
	answer := s.publishAndUnlock("MESSAGE_CREATE", m)
	if r.URL.Query().Get("wait") != "true" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, answer)
}

func (s *Server) handleGetWebhookMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, m.obj)
}

// handleEditWebhookMessage edits @original or a follow-up: the fields the
// request carries replace the message's.
func (s *Server) handleEditWebhookMessage(w http.ResponseWriter, r *http.Request) {
	payload, files, apiErr := readPayload(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	s.mu.Lock()
	_, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	edited := s.editMessageLocked(m, payload, files)
	if apiErr := checkMessage(edited.obj, false); apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	s.replaceMessageLocked(edited)
	writeJSON(w, http.StatusOK, s.publishAndUnlock("MESSAGE_UPDATE", edited))
}

func (s *Server) handleDeleteWebhookMessage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	_, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		s.mu.Unlock()
		writeError(w, apiErr)
		return
	}
	m.deleted = true
	s.publishAndUnlock("MESSAGE_DELETE", m)
	w.WriteHeader(http.StatusNoContent)
}
