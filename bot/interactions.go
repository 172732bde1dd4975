package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
)

// exchange is one interaction being answered: whether the bot has
// responded yet, and how.
type exchange struct {
	i        *discordgo.Interaction
	userID   string
	name     string // the command or button, for the log
	acked    bool   // a first response was sent
	deferred bool   // that response was a deferral: edit @original
}

// onInteraction answers one interaction. A panic in any handler is
// recovered: logged with its stack, and the user told something went
// wrong.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if !b.begin() {
		return
	}
	defer b.inflight.Done()
	x := &exchange{i: ic.Interaction, userID: interactionUser(ic.Interaction)}
	start := time.Now()
	outcome := "ok"
	defer func() {
		if r := recover(); r != nil {
			outcome = "panic"
			b.send(x, errorReply(b.panicked(x.name, r)))
		}
		b.log.Info("interaction", "type", ic.Type.String(), "command", x.name, "user_id", x.userID,
			"latency_ms", time.Since(start).Milliseconds(), "outcome", outcome)
	}()
	switch ic.Type {
	case discordgo.InteractionApplicationCommand:
		outcome = b.onCommand(x)
	case discordgo.InteractionApplicationCommandAutocomplete:
		outcome = b.onAutocomplete(x)
	case discordgo.InteractionMessageComponent:
		outcome = b.onButton(x)
	default:
		outcome = "ignored"
	}
}

// panicked logs a recovered panic with its stack and returns it as an
// error (whose text the user never sees).
func (b *Bot) panicked(what string, p any) error {
	b.log.Error("handler panicked", "command", what, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	return fmt.Errorf("panic: %v", p)
}

// interactionUser is who interacted, in a server or in a DM.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// onCommand answers a slash command with the first page of its answer.
func (b *Bot) onCommand(x *exchange) string {
	data := x.i.ApplicationCommandData()
	x.name = data.Name
	switch data.Name {
	case cmdDigest:
		return b.onDigest(x, data)
	case cmdIngest:
		return b.onIngest(x, data)
	case cmdFeeds:
		return b.onFeeds(x, data)
	}
	c, private, err := commandOf(data)
	if err != nil {
		b.send(x, errorReply(err))
		return "bad_command"
	}
	return b.answer(x, private, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
		return b.pageOf(ctx, c, 0, x.userID, private)
	})
}

// onButton turns the page of an earlier answer, for the one who asked.
func (b *Bot) onButton(x *exchange) string {
	id := x.i.MessageComponentData().CustomID
	x.name = "page"
	page, asker, c, ok := parsePageID(id)
	if !ok {
		b.send(x, reply{content: "This button no longer works; ask again.", private: true})
		return "stale_button"
	}
	x.name = "page " + string(c.Name)
	if asker != x.userID {
		b.send(x, reply{content: "Only the person who asked can turn these pages; ask yourself to get your own.", private: true})
		return "not_asker"
	}
	private := x.i.Message != nil && x.i.Message.Flags&discordgo.MessageFlagsEphemeral != 0
	return b.answer(x, private, discordgo.InteractionResponseDeferredMessageUpdate, func(ctx context.Context) (reply, string) {
		r, outcome := b.pageOf(ctx, c, page, x.userID, private)
		r.update = true
		return r, outcome
	})
}

// pageOf asks the service and renders page of the answer.
func (b *Bot) pageOf(ctx context.Context, c briefing.Command, page int, userID string, private bool) (reply, string) {
	a, err := b.svc.Ask(ctx, c)
	if err != nil {
		if _, ok := briefing.UserError(err); !ok {
			b.log.Error("answer failed", "command", string(c.Name), "err", err)
			return errorReply(err), "error"
		}
		return errorReply(err), "user_error"
	}
	if isPicture(a) {
		return b.pictureReply(ctx, a, private)
	}
	return pageReply(render(a), page, userID, c, private), "ok"
}

// answer computes a reply and sends it within Discord's deadline: at
// once when it is ready within deferAfter, else after a deferral (of
// kind deferKind) as an edit of the original response. The computation
// runs in its own goroutine, which answer waits for.
func (b *Bot) answer(x *exchange, private bool, deferKind discordgo.InteractionResponseType, compute func(context.Context) (reply, string)) string {
	return b.answerWithin(x, answerTimeout, private, deferKind, compute)
}

// answerWithin is answer with the work bounded by limit.
func (b *Bot) answerWithin(x *exchange, limit time.Duration, private bool, deferKind discordgo.InteractionResponseType, compute func(context.Context) (reply, string)) string {
	ctx, cancel := context.WithTimeout(b.work, limit)
	defer cancel()
	type result struct {
		r       reply
		outcome string
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{errorReply(b.panicked(x.name, p)), "panic"}
			}
		}()
		r, outcome := compute(ctx)
		done <- result{r, outcome}
	}()
	timer := time.NewTimer(b.deferAfter)
	defer timer.Stop()
	select {
	case res := <-done:
		b.send(x, res.r)
		return res.outcome
	case <-timer.C:
	}
	flags := discordgo.MessageFlags(0)
	if private {
		flags = discordgo.MessageFlagsEphemeral
	}
	err := b.sess.InteractionRespond(x.i, &discordgo.InteractionResponse{Type: deferKind,
		Data: &discordgo.InteractionResponseData{Flags: flags}})
	if err != nil {
		b.log.Warn("defer response", "command", x.name, "err", err)
	} else {
		x.acked, x.deferred = true, true
	}
	res := <-done
	b.send(x, res.r)
	return res.outcome + "_deferred"
}

// send delivers a reply: as the first response, or as an edit of the
// deferred one.
func (b *Bot) send(x *exchange, r reply) {
	var err error
	switch {
	case x.deferred:
		_, err = b.sess.InteractionResponseEdit(x.i, r.edit())
	case x.acked:
		_, err = b.sess.FollowupMessageCreate(x.i, false, r.followup())
	default:
		kind := discordgo.InteractionResponseChannelMessageWithSource
		if r.update {
			kind = discordgo.InteractionResponseUpdateMessage
		}
		err = b.sess.InteractionRespond(x.i, &discordgo.InteractionResponse{Type: kind, Data: r.responseData()})
		x.acked = err == nil
	}
	if err != nil {
		b.log.Warn("send reply", "command", x.name, "err", err)
		return
	}
	for _, f := range r.followups {
		if _, err := b.sess.FollowupMessageCreate(x.i, false, f.followup()); err != nil {
			b.log.Warn("send follow-up", "command", x.name, "err", err)
			return
		}
	}
}
