package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// wireObject is a JSON object as it travels, field by field. Messages are
// kept in this form rather than as discordgo.Message: an edit then replaces
// exactly the fields it carries, as Discord does, and components survive,
// which discordgo.Message does not encode (its Components field is
// tagged json:"-").
type wireObject map[string]json.RawMessage

// set stores v, which must be encodable, under key.
func (o wireObject) set(key string, v any) { o[key] = mustJSON(v) }

// has reports whether key is present with a value other than null.
func (o wireObject) has(key string) bool {
	v, ok := o[key]
	return ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null"))
}

// decode decodes the object into v, as if it had been received whole.
func (o wireObject) decode(v any) error {
	raw, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

func (o wireObject) clone() wireObject {
	c := make(wireObject, len(o))
	for k, v := range o {
		c[k] = slices.Clone(v)
	}
	return c
}

// mustJSON encodes a value built by this package, which cannot fail.
func mustJSON(v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: encoding %T: %v", v, err))
	}
	return raw
}

// encodeMessage gives m in its wire form, components included.
func encodeMessage(m *discordgo.Message) (wireObject, error) {
	var obj wireObject
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding message: %w", err)
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("encoding message: %w", err)
	}
	components := m.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	if obj["components"], err = json.Marshal(components); err != nil {
		return nil, fmt.Errorf("encoding message components: %w", err)
	}
	if m.GuildID == "" {
		delete(obj, "guild_id")
	}
	return obj, nil
}

// decodeMessage reads a wire message as discordgo would.
func decodeMessage(obj wireObject) *discordgo.Message {
	var m discordgo.Message
	if err := obj.decode(&m); err != nil {
		// Stored messages were validated on the way in; a failure here is
		// a bug in this package.
		panic(fmt.Sprintf("discordtest: decoding stored message: %v", err))
	}
	return &m
}

// storedMessage is a message the server holds.
type storedMessage struct {
	obj       wireObject
	id        string
	channelID string
	deleted   bool
	// uploads are the files this version of the message was given, which
	// become downloadable once it is stored (storeMessageLocked,
	// replaceMessageLocked): a request that is refused leaves none behind.
	uploads []storedFile
}

func (m *storedMessage) flags() discordgo.MessageFlags {
	var f struct {
		Flags discordgo.MessageFlags `json:"flags"`
	}
	_ = json.Unmarshal(m.obj["flags"], &f.Flags)
	return f.Flags
}

// payloadFields are the fields of a create or edit request that become
// fields of the message.
func payloadFields() []string {
	return []string{"content", "embeds", "components", "tts", "flags", "poll"}
}

// emptyValue is what a field of a new message holds, and what a null in
// a request sets it to.
func emptyValue(field string) json.RawMessage {
	switch field {
	case "content":
		return json.RawMessage(`""`)
	case "embeds", "components", "attachments":
		return json.RawMessage(`[]`)
	case "tts":
		return json.RawMessage(`false`)
	case "flags":
		return json.RawMessage(`0`)
	}
	return json.RawMessage(`null`)
}

// upload is a file sent with a message as a multipart part.
type upload struct {
	filename    string
	contentType string // the part's Content-Type; empty when it had none
	data        []byte
}

// readPayload reads a request's JSON object, from the body or, for
// multipart requests (messages with files), from the payload_json part.
// Files are held to Discord's limits: at most maxFiles of them, each of at
// most maxFileSize bytes, and no more than one byte past that is read.
func readPayload(r *http.Request) (wireObject, []upload, *apiError) {
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		obj := wireObject{}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, nil, errInvalidJSON()
		}
		if len(bytes.TrimSpace(body)) > 0 {
			if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
				return nil, nil, errInvalidJSON()
			}
		}
		return obj, nil, nil
	}

	obj := wireObject{}
	var files []upload
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, errInvalidJSON()
		}
		switch {
		case part.FormName() == "payload_json":
			content, err := io.ReadAll(io.LimitReader(part, maxBody))
			if err != nil {
				return nil, nil, errInvalidJSON()
			}
			if err := json.Unmarshal(content, &obj); err != nil || obj == nil {
				return nil, nil, errInvalidJSON()
			}
		case part.FileName() != "":
			if len(files) == maxFiles {
				return nil, nil, errTooManyAttachments()
			}
			content, err := io.ReadAll(io.LimitReader(part, maxFileSize+1))
			if err != nil {
				return nil, nil, errInvalidJSON()
			}
			if len(content) > maxFileSize {
				return nil, nil, errEntityTooLarge()
			}
			files = append(files, upload{
				filename:    part.FileName(),
				contentType: part.Header.Get("Content-Type"),
				data:        content,
			})
		}
		// Other parts are skipped: NextPart discards what is left of them.
	}
	return obj, files, nil
}

// newMessageLocked builds a message the bot sends to a channel from the
// fields of a request. It is neither validated nor stored.
func (s *Server) newMessageLocked(channelID string, typ discordgo.MessageType, payload wireObject, files []upload) *storedMessage {
	id := s.newID()
	obj := wireObject{}
	obj.set("id", id)
	obj.set("channel_id", channelID)
	if guildID := s.channelGuild[channelID]; guildID != "" {
		obj.set("guild_id", guildID)
	}
	obj.set("author", userObject(s.bot))
	obj.set("timestamp", time.Now().UTC().Format(time.RFC3339Nano))
	obj["edited_timestamp"] = json.RawMessage("null")
	obj.set("mentions", []any{})
	obj.set("mention_roles", []any{})
	obj.set("mention_everyone", false)
	obj.set("pinned", false)
	obj.set("type", typ)
	for _, k := range payloadFields() {
		obj[k] = emptyValue(k)
	}
	obj["attachments"] = emptyValue("attachments")

	m := &storedMessage{obj: obj, id: id, channelID: channelID}
	s.applyPayloadLocked(m, payload, files, false)
	if payload.has("message_reference") {
		obj["message_reference"] = payload["message_reference"]
		if typ == discordgo.MessageTypeDefault {
			obj.set("type", discordgo.MessageTypeReply)
		}
	}
	return m
}

// applyPayloadLocked sets the fields a create or edit request carries.
// For an edit, an "attachments" list says which attachments to keep, and
// uploaded files are added to them.
func (s *Server) applyPayloadLocked(m *storedMessage, payload wireObject, files []upload, edit bool) {
	for _, k := range payloadFields() {
		v, ok := payload[k]
		if !ok {
			continue
		}
		if !payload.has(k) {
			v = emptyValue(k)
		}
		m.obj[k] = slices.Clone(v)
	}

	var attachments []*discordgo.MessageAttachment
	if edit {
		_ = json.Unmarshal(m.obj["attachments"], &attachments)
	}
	if edit && payload.has("attachments") {
		var keep []struct {
			ID string `json:"id"`
		}
		_ = json.Unmarshal(payload["attachments"], &keep)
		kept := make(map[string]bool, len(keep))
		for _, k := range keep {
			kept[k.ID] = true
		}
		attachments = slices.DeleteFunc(attachments, func(a *discordgo.MessageAttachment) bool {
			return !kept[a.ID]
		})
	}
	for _, f := range files {
		id := s.newID()
		url := s.ts.URL + attachmentPath(m.channelID, id, f.filename)
		attachments = append(attachments, &discordgo.MessageAttachment{
			ID:          id,
			URL:         url,
			ProxyURL:    url,
			Filename:    f.filename,
			ContentType: f.contentType,
			Size:        len(f.data),
		})
		m.uploads = append(m.uploads, storedFile{
			id:          id,
			channelID:   m.channelID,
			filename:    f.filename,
			contentType: f.contentType,
			data:        f.data,
		})
	}
	if attachments == nil {
		attachments = []*discordgo.MessageAttachment{}
	}
	m.obj.set("attachments", attachments)
}

// editMessageLocked applies an edit request to m, marking it edited and no
// longer loading. The result is returned for validation; m is unchanged.
func (s *Server) editMessageLocked(m *storedMessage, payload wireObject, files []upload) *storedMessage {
	edited := &storedMessage{obj: m.obj.clone(), id: m.id, channelID: m.channelID}
	s.applyPayloadLocked(edited, payload, files, true)
	edited.obj.set("flags", edited.flags()&^discordgo.MessageFlagsLoading)
	edited.obj.set("edited_timestamp", time.Now().UTC().Format(time.RFC3339Nano))
	return edited
}

// storeMessageLocked adds a new message to its channel.
func (s *Server) storeMessageLocked(m *storedMessage) {
	s.messages[m.id] = m
	s.channelMsgs[m.channelID] = append(s.channelMsgs[m.channelID], m.id)
	s.keepUploadsLocked(m)
}

// replaceMessageLocked replaces a stored message by an edited version.
func (s *Server) replaceMessageLocked(edited *storedMessage) {
	s.messages[edited.id] = edited
	s.keepUploadsLocked(edited)
}

// publishAndUnlock announces a change to message m, with the server's
// lock held: it wakes the waiters, releases the lock, sends the gateway
// events of type eventType and returns the message as JSON for the answer.
func (s *Server) publishAndUnlock(eventType string, m *storedMessage) json.RawMessage {
	events := s.messageEventsLocked(eventType, m)
	answer := mustJSON(m.obj)
	s.notifyLocked()
	s.mu.Unlock()
	s.sendAll(events)
	return answer
}

// messageEventsLocked returns the gateway event Discord sends about a
// change to m (MESSAGE_CREATE, MESSAGE_UPDATE or MESSAGE_DELETE), or none:
// ephemeral messages have no events, and neither do messages in channels
// the server cannot place in a guild or a DM.
func (s *Server) messageEventsLocked(eventType string, m *storedMessage) []event {
	if m.flags()&discordgo.MessageFlagsEphemeral != 0 {
		return nil
	}
	guildID, inGuild := s.channelGuild[m.channelID]
	_, isDM := s.dmRecipient[m.channelID]
	var need discordgo.Intent
	switch {
	case inGuild:
		need = discordgo.IntentGuildMessages
	case isDM:
		need = discordgo.IntentDirectMessages
	default:
		return nil
	}
	var data json.RawMessage
	if eventType == "MESSAGE_DELETE" {
		del := map[string]string{"id": m.id, "channel_id": m.channelID}
		if inGuild {
			del["guild_id"] = guildID
		}
		data = mustJSON(del)
	} else {
		data = mustJSON(m.obj)
	}
	return []event{{eventType: eventType, data: data, need: need}}
}

// ChannelMessages returns the messages the bot has sent to a channel and
// not deleted, oldest first, as they are now: through
// POST /channels/{id}/messages, or as interaction responses and
// follow-ups, ephemeral ones (flag 64) included.
func (s *Server) ChannelMessages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.Message
	for _, id := range s.channelMsgs[channelID] {
		if m := s.messages[id]; !m.deleted {
			out = append(out, decodeMessage(m.obj))
		}
	}
	return out
}

// WaitChannelMessages waits until the channel holds at least n messages
// as ChannelMessages counts them, checking again whenever a message is
// created, edited or deleted, and returns them all, oldest first. It
// fails with the context's error when the context ends first, and with
// ErrClosed when the server closes.
func (s *Server) WaitChannelMessages(ctx context.Context, channelID string, n int) ([]*discordgo.Message, error) {
	var got []*discordgo.Message
	err := s.WaitUntil(ctx, func() bool {
		got = s.ChannelMessages(channelID)
		return len(got) >= n
	})
	if err != nil {
		return nil, fmt.Errorf("discordtest: waiting for %d messages in channel %s, have %d: %w", n, channelID, len(got), err)
	}
	return got, nil
}

// Message returns a message the server holds by id, or nil when there is
// none or it was deleted.
func (s *Server) Message(id string) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.messages[id]; m != nil && !m.deleted {
		return decodeMessage(m.obj)
	}
	return nil
}
