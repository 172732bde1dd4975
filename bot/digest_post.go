package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing/digest"
)

// Discord's JSON error codes of a channel the bot can no longer post in.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// channelMessage is a message with a nonce, which discordgo's
// MessageSend cannot carry: Discord returns the first message again
// instead of posting a second with the same nonce within a few minutes.
type channelMessage struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce"`
	EnforceNonce    bool                              `json:"enforce_nonce"`
}

// PostDigest implements digest.Poster: it posts the parts of the run's
// digest not posted yet, each with a nonce derived from the run and the
// part, so that a retry right after a lost answer does not post twice.
func (b *Bot) PostDigest(ctx context.Context, run digest.Run, record func(part int, messageID string) error) error {
	msgs := digestMessages(run.Digest)
	for part := len(run.MessageIDs); part < len(msgs); part++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		m := msgs[part]
		body := channelMessage{Content: m.content, Embeds: m.embeds, AllowedMentions: noMentions(),
			Nonce: runNonce(run, part), EnforceNonce: true}
		endpoint := discordgo.EndpointChannelMessages(run.Channel)
		raw, err := b.sess.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint, discordgo.WithContext(ctx))
		if err != nil {
			return postError(run.Channel, err)
		}
		var posted discordgo.Message
		if err := json.Unmarshal(raw, &posted); err != nil || posted.ID == "" {
			return fmt.Errorf("post digest part %d: unreadable answer from discord", part+1)
		}
		if err := record(part, posted.ID); err != nil {
			return fmt.Errorf("record digest part %d: %w", part+1, err)
		}
	}
	return nil
}

// postError classifies a failed post: a channel the bot cannot reach
// any more, or a failure worth retrying.
func postError(channel string, err error) error {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		if rest.Message != nil {
			switch rest.Message.Code {
			case codeUnknownChannel, codeMissingAccess, codeMissingPermissions:
				return fmt.Errorf("channel %s: %s: %w", channel, rest.Message.Message, digest.ErrChannelGone)
			}
		}
		if rest.Response != nil && rest.Response.StatusCode == http.StatusNotFound {
			return fmt.Errorf("channel %s: not found: %w", channel, digest.ErrChannelGone)
		}
	}
	return fmt.Errorf("post to channel %s: %w", channel, err)
}

// runNonce identifies one part of one run within Discord's 25
// characters.
func runNonce(run digest.Run, part int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s", run.Channel, run.ScheduledFor.UTC().Format("2006-01-02T15:04:05.999999999Z"))
	return fmt.Sprintf("d%016x-%d", h.Sum64(), part)
}
