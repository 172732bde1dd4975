package bot

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/ingest"
	"briefbot/sources"
)

// Sources is what /ingest and /feeds need (see sources.Reader).
type Sources interface {
	IngestURL(ctx context.Context, url, origin string) (sources.Result, error)
	IngestAttachment(ctx context.Context, name, url string) (sources.Result, error)
	AddFeed(ctx context.Context, url string, every time.Duration, origin string) (briefing.Feed, bool, error)
	RemoveFeed(ctx context.Context, url string) (bool, error)
	Feeds(ctx context.Context) ([]briefing.Feed, error)
}

// The /ingest and /feeds commands.
const (
	cmdIngest = "ingest"
	cmdFeeds  = "feeds"
	subURL    = "url"
	subFile   = "file"
	subAdd    = "add"
	subRemove = "remove"
	optURL    = "url"
	optFile   = "file"
	optEvery  = "every"
	// ingestTimeout bounds reading a source: a feed's pages are fetched
	// politely, one host at a time.
	ingestTimeout = 3 * time.Minute
	// reportedArticles is how many articles an answer lists by name.
	reportedArticles = 10
)

// uploadTypes are the file types /ingest file takes.
var uploadTypes = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm"}

func subcommand(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
}

func guildOnly() (*[]discordgo.InteractionContextType, *[]discordgo.ApplicationIntegrationType) {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	installs := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	return &contexts, &installs
}

// ingestDefinition is /ingest: for servers only; the handler checks the
// member has Manage Server or one of the configured roles.
func ingestDefinition() *discordgo.ApplicationCommand {
	contexts, installs := guildOnly()
	return &discordgo.ApplicationCommand{
		Name: cmdIngest, Description: "Add articles to the corpus: a web page, a feed, or a file",
		Type: discordgo.ChatApplicationCommand, Contexts: contexts, IntegrationTypes: installs,
		Options: []*discordgo.ApplicationCommandOption{
			subcommand(subURL, "Add an article page, or the new items of an RSS or Atom feed",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: optURL,
					Description: "The web address (http or https)", Required: true, MaxLength: 2000}),
			subcommand(subFile, "Add an article file (.txt, .md or .html)",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionAttachment, Name: optFile,
					Description: "The article file", Required: true}),
		},
	}
}

// feedsDefinition is /feeds: for servers only, and for members with
// Manage Server.
func feedsDefinition() *discordgo.ApplicationCommand {
	perm := int64(discordgo.PermissionManageGuild)
	contexts, installs := guildOnly()
	urlOpt := func(desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: optURL,
			Description: desc, Required: true, MaxLength: 2000}
	}
	return &discordgo.ApplicationCommand{
		Name: cmdFeeds, Description: "The RSS and Atom feeds the bot reads (Manage Server)",
		Type: discordgo.ChatApplicationCommand, DefaultMemberPermissions: &perm, Contexts: contexts, IntegrationTypes: installs,
		Options: []*discordgo.ApplicationCommandOption{
			subcommand(subAdd, "Read a feed on a schedule", urlOpt("The feed's address"),
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: optEvery,
					Description: "How often to read it, such as 30m or 2h (default 30m, at least 5m)", MaxLength: 20}),
			subcommand(subList, "The feeds, when each was read and how it went"),
			subcommand(subRemove, "Stop reading a feed (its articles stay)", urlOpt("The feed's address")),
		},
	}
}

// mayIngest reports whether a member may add to the corpus.
func (b *Bot) mayIngest(m *discordgo.Member) bool {
	if canManage(m) {
		return true
	}
	return m != nil && slices.ContainsFunc(m.Roles, func(r string) bool { return slices.Contains(b.cfg.IngestRoles, r) })
}

// sourcesGate answers for the cases where a sources command cannot run,
// and returns its one subcommand otherwise.
func (b *Bot) sourcesGate(x *exchange, data discordgo.ApplicationCommandInteractionData, usage string) (*discordgo.ApplicationCommandInteractionDataOption, string) {
	switch {
	case b.sources == nil:
		b.send(x, reply{content: "Live sources are not set up on this bot.", private: true})
		return nil, "no_sources"
	case x.i.GuildID == "" || x.i.Member == nil:
		b.send(x, reply{content: "Use /" + data.Name + " in a server channel.", private: true})
		return nil, "not_in_guild"
	case len(data.Options) != 1 || data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand:
		b.send(x, errorReply(&briefing.Error{Code: briefing.ErrBadCommand, Message: usage}))
		return nil, "bad_command"
	}
	x.name = data.Name + " " + data.Options[0].Name
	return data.Options[0], ""
}

// stringOption is the value of a subcommand's string option, or "".
func stringOption(sub *discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range sub.Options {
		if o.Name == name && o.Type == discordgo.ApplicationCommandOptionString {
			return strings.TrimSpace(o.StringValue())
		}
	}
	return ""
}

// onIngest answers /ingest.
func (b *Bot) onIngest(x *exchange, data discordgo.ApplicationCommandInteractionData) string {
	const usage = "Use /ingest url or /ingest file."
	sub, outcome := b.sourcesGate(x, data, usage)
	if sub == nil {
		return outcome
	}
	if !b.mayIngest(x.i.Member) {
		b.send(x, reply{content: "Only members with Manage Server or a role the bot's operator allowed can add articles.", private: true})
		return "forbidden"
	}
	origin := "discord:" + x.userID
	switch sub.Name {
	case subURL:
		url := stringOption(sub, optURL)
		if url == "" {
			b.send(x, errorReply(briefing.Invalid("Give the web address of an article or a feed.")))
			return "bad_command"
		}
		return b.answerWithin(x, ingestTimeout, false, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
			res, err := b.sources.IngestURL(ctx, url, origin)
			return b.ingestReply(url, res, err)
		})
	case subFile:
		att, problem := b.attachment(data, sub)
		if problem != "" {
			b.send(x, reply{content: problem, private: true})
			return "bad_file"
		}
		return b.answerWithin(x, ingestTimeout, false, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
			res, err := b.sources.IngestAttachment(ctx, att.Filename, att.URL)
			return b.ingestReply(att.Filename, res, err)
		})
	}
	b.send(x, errorReply(&briefing.Error{Code: briefing.ErrBadCommand, Message: usage}))
	return "bad_command"
}

// attachment is the file given to /ingest file, or why it cannot be read.
func (b *Bot) attachment(data discordgo.ApplicationCommandInteractionData, sub *discordgo.ApplicationCommandInteractionDataOption) (*discordgo.MessageAttachment, string) {
	var id string
	for _, o := range sub.Options {
		if o.Name == optFile {
			id, _ = o.Value.(string)
		}
	}
	var att *discordgo.MessageAttachment
	if data.Resolved != nil {
		att = data.Resolved.Attachments[id]
	}
	limit := b.cfg.MaxUploadBytes
	if limit <= 0 {
		limit = 5 << 20
	}
	switch {
	case att == nil || att.URL == "":
		return nil, "Attach the article file to the command."
	case !slices.Contains(uploadTypes, strings.ToLower(path.Ext(att.Filename))):
		return nil, clip(fmt.Sprintf("%s is not an article file: give a .txt, .md or .html file.", escape(att.Filename)), maxContent)
	case att.Size > limit:
		return nil, clip(fmt.Sprintf("%s is %s; the most I read is %s.", escape(att.Filename), sizeText(att.Size), sizeText(limit)), maxContent)
	}
	return att, ""
}

// sizeText writes a byte count for people.
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ingestReply tells what reading a source added, or why it could not.
func (b *Bot) ingestReply(what string, res sources.Result, err error) (reply, string) {
	if err != nil {
		if msg, ok := sources.UserMessage(err); ok {
			return reply{content: clip("Could not add "+escape(what)+": "+escape(msg), maxContent), private: true}, "refused"
		}
		b.log.Error("ingest", "source", what, "err", err)
		return errorReply(err), "error"
	}
	var lines []string
	switch {
	case res.Feed != nil && res.NotModified:
		lines = append(lines, fmt.Sprintf("The feed %s has not changed since it was last read.", feedName(*res.Feed)))
	case res.Feed != nil:
		lines = append(lines, fmt.Sprintf("Read the feed %s: %s.", feedName(*res.Feed), res.ItemCounts()))
	}
	shown := 0
	for _, o := range res.Outcomes {
		if shown == reportedArticles {
			lines = append(lines, fmt.Sprintf("…and %d more.", len(res.Outcomes)-shown))
			break
		}
		shown++
		lines = append(lines, outcomeLine(o))
	}
	if len(lines) == 0 {
		lines = append(lines, "Nothing new to add.")
	}
	return reply{content: clip(strings.Join(lines, "\n"), maxContent)}, "ok"
}

// feedName names a feed in an answer.
func feedName(f briefing.Feed) string {
	if f.Title != "" {
		return "“" + escape(clip(f.Title, 80)) + "” (<" + escape(f.URL) + ">)"
	}
	return "<" + escape(f.URL) + ">"
}

// outcomeLine tells what became of one article.
func outcomeLine(o ingest.Outcome) string {
	name := o.Title
	if name == "" {
		name = o.Path
	}
	name = "“" + escape(clip(name, 100)) + "”"
	switch {
	case o.Err != nil:
		msg, ok := sources.UserMessage(o.Err)
		if !ok {
			msg = "it could not be stored"
		}
		return "• Not added: " + escape(clip(o.Path, 120)) + ": " + escape(clip(msg, 200))
	case o.Result.Duplicate:
		return "• Already in the corpus: " + name
	}
	r := o.Result
	return fmt.Sprintf("• Added %s: %s, %s, %s", name, briefing.Plural(r.People, "person", "people"),
		briefing.Plural(r.Quotes, "quote", "quotes"), briefing.Plural(r.Meetings, "meeting", "meetings"))
}

// onFeeds answers /feeds.
func (b *Bot) onFeeds(x *exchange, data discordgo.ApplicationCommandInteractionData) string {
	sub, outcome := b.sourcesGate(x, data, "Use /feeds add, list or remove.")
	if sub == nil {
		return outcome
	}
	if !canManage(x.i.Member) {
		b.send(x, reply{content: "Only members with the Manage Server permission can manage feeds.", private: true})
		return "forbidden"
	}
	origin := "discord:" + x.userID
	return b.answerWithin(x, time.Minute, true, discordgo.InteractionResponseDeferredChannelMessageWithSource, func(ctx context.Context) (reply, string) {
		switch sub.Name {
		case subAdd:
			var every time.Duration
			if v := stringOption(sub, optEvery); v != "" {
				d, err := time.ParseDuration(v)
				if err != nil || d <= 0 {
					return reply{content: clip("“"+escape(v)+"” is not a duration: write it like 30m or 2h.", maxContent), private: true}, "bad_command"
				}
				every = d
			}
			f, created, err := b.sources.AddFeed(ctx, stringOption(sub, optURL), every, origin)
			if err != nil {
				return b.ingestReply(stringOption(sub, optURL), sources.Result{}, err)
			}
			verb := "Added"
			if !created {
				verb = "Updated"
			}
			return reply{content: fmt.Sprintf("%s the feed %s: read every %s. Its new articles will come in from the next read.", verb, feedName(f), f.Every), private: true}, "ok"
		case subRemove:
			ok, err := b.sources.RemoveFeed(ctx, stringOption(sub, optURL))
			switch {
			case err != nil:
				return b.ingestReply(stringOption(sub, optURL), sources.Result{}, err)
			case !ok:
				return reply{content: "No feed has that address; /feeds list shows them.", private: true}, "not_found"
			}
			return reply{content: "Removed the feed; its articles stay in the corpus.", private: true}, "ok"
		case subList:
			feeds, err := b.sources.Feeds(ctx)
			if err != nil {
				b.log.Error("feeds list", "err", err)
				return errorReply(err), "error"
			}
			return reply{content: feedsText(feeds), private: true}, "ok"
		}
		return errorReply(&briefing.Error{Code: briefing.ErrBadCommand, Message: "Use /feeds add, list or remove."}), "bad_command"
	})
}

// feedsText lists the feeds for /feeds list.
func feedsText(feeds []briefing.Feed) string {
	if len(feeds) == 0 {
		return "No feeds yet. Add one with /feeds add."
	}
	var lines []string
	for _, f := range feeds {
		state := "not read yet"
		switch {
		case f.Errors > 0:
			state = fmt.Sprintf("failing (%d in a row): %s", f.Errors, escape(clip(f.LastError, 200)))
		case !f.LastSuccess.IsZero():
			state = fmt.Sprintf("read <t:%d:R>", f.LastSuccess.Unix())
		}
		every := "every " + f.Every.String()
		if !f.Polled {
			every = "read once"
		}
		lines = append(lines, fmt.Sprintf("• %s — %s, %s, %s", feedName(f), every,
			briefing.Plural(f.Articles, "article", "articles"), state))
	}
	return clipLines(strings.Join(lines, "\n"), maxContent)
}
