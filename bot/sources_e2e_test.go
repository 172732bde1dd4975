package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/briefing/lexicon"
	"briefbot/internal/discordtest"
	"briefbot/sources"
	"briefbot/sources/web"
	"briefbot/storage"
)

// webHost stands in for the web and Discord's CDN: article pages, a feed
// and uploaded files, counting the requests.
type webHost struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newWebHost(t *testing.T) *webHost {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("..", "corpus", "seeds", "000_619e3d11a67195ae.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join("..", "sources", "page", "testdata", "seeds", "003_meridian.html"))
	if err != nil {
		t.Fatal(err)
	}
	h := &webHost{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /attachments/1/article.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(seed)
	})
	mux.HandleFunc("GET /attachments/2/binary.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\x00\x01\x02binary\x00"))
	})
	mux.HandleFunc("GET /world/doha-talks", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk @everyone wire</title><link>/</link>
<item><title>Doha talks</title><link>/world/doha-talks</link><guid>doha</guid><description>Summary…</description></item>
</channel></rss>`)
	})
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.hits[r.URL.Path]++
		h.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *webHost) count(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[path]
}

// sourcesBot is a bot reading sources into an empty corpus.
type sourcesBot struct {
	*harness
	db  *storage.DB
	web *webHost
}

// ingestRole is the role allowed to /ingest.
const ingestRole = "777"

func startSourcesBot(t *testing.T, allowPrivate bool) *sourcesBot {
	t.Helper()
	ctx := context.Background()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "sources.db"), storage.Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fetch := web.New(web.Options{AllowPrivateNetworks: allowPrivate, HostRate: 1000, HostBurst: 1000})
	t.Cleanup(fetch.Close)
	reader := sources.NewReader(fetch, db, ingest.New(extract.New(lex), db, ingest.Options{}), sources.Options{})
	h := startBot(t, corpusService(t), func(b *Bot) {
		b.EnableSources(reader)
		b.cfg.IngestRoles = []string{ingestRole}
	})
	return &sourcesBot{harness: h, db: db, web: newWebHost(t)}
}

// command runs /name sub in a server channel as a member with perms and
// roles, and returns the final answer.
func (s *sourcesBot) command(name string, perms int64, roles []string, sub *discordgo.ApplicationCommandInteractionDataOption, attachments map[string]*discordgo.MessageAttachment) *discordgo.Message {
	s.t.Helper()
	i := s.srv.SlashCommand(name, []*discordgo.ApplicationCommandInteractionDataOption{sub}, nil, digestGuild, "333")
	i.Member.Permissions |= perms
	i.Member.Roles = roles
	if attachments != nil {
		data := i.Data.(discordgo.ApplicationCommandInteractionData)
		data.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Attachments: attachments}
		i.Data = data
	}
	return s.final(s.dispatch(i))
}

func fileOption(id string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: optFile, Type: discordgo.ApplicationCommandOptionAttachment, Value: id}
}

func (s *sourcesBot) upload(perms int64, roles []string, name, path string, size int) *discordgo.Message {
	s.t.Helper()
	att := map[string]*discordgo.MessageAttachment{"900": {ID: "900", Filename: name, URL: s.web.srv.URL + path, Size: size}}
	return s.command(cmdIngest, perms, roles, discordtest.SubcommandOption(subFile, fileOption("900")), att)
}

func (s *sourcesBot) documents() int {
	s.t.Helper()
	_, total, err := s.db.Sources(context.Background(), 1)
	if err != nil {
		s.t.Fatal(err)
	}
	return total
}

func TestIngestFileThroughDiscord(t *testing.T) {
	s := startSourcesBot(t, true)

	m := s.upload(manager, nil, "@everyone **doha**.txt", "/attachments/1/article.txt", 4000)
	if m.Flags&discordgo.MessageFlagsEphemeral != 0 || !strings.HasPrefix(m.Content, "• Added “") ||
		!strings.Contains(m.Content, "quotes") || !strings.Contains(m.Content, "meeting") {
		t.Errorf("/ingest file: %q", m.Content)
	}
	if n := s.documents(); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
	// The same file again is a duplicate, said so.
	if m := s.upload(0, []string{ingestRole}, "again.txt", "/attachments/1/article.txt", 4000); !strings.Contains(m.Content, "Already in the corpus") {
		t.Errorf("second upload: %q", m.Content)
	}
	if n := s.documents(); n != 1 {
		t.Errorf("%d documents after a duplicate, want 1", n)
	}

	// Refused before anything is fetched: a type, a size, a member.
	for _, c := range []struct {
		name  string
		perms int64
		roles []string
		file  string
		size  int
		want  string
	}{
		{"pdf", manager, nil, "report.pdf", 100, "not an article file"},
		{"too large", manager, nil, "huge.txt", 50 << 20, "the most I read is 5.0 MiB"},
		{"no permission", 0, []string{"123"}, "article.txt", 100, "Only members with Manage Server or a role"},
	} {
		hits := s.web.count("/attachments/1/article.txt")
		m := s.upload(c.perms, c.roles, c.file, "/attachments/1/article.txt", c.size)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, c.want) {
			t.Errorf("%s: %q, want a private answer with %q", c.name, m.Content, c.want)
		}
		if got := s.web.count("/attachments/1/article.txt"); got != hits {
			t.Errorf("%s: the file was fetched", c.name)
		}
	}
	// A binary file is fetched and refused with the reason.
	m = s.upload(manager, nil, "binary.txt", "/attachments/2/binary.txt", 10)
	if !strings.Contains(m.Content, "Not added") || !strings.Contains(m.Content, "binary") {
		t.Errorf("binary upload: %q", m.Content)
	}
	if n := s.documents(); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
	s.requireNoMentions()
}

func TestIngestURLAndFeedsThroughDiscord(t *testing.T) {
	s := startSourcesBot(t, true)
	urlOpt := func(u string) *discordgo.ApplicationCommandInteractionDataOption {
		return discordtest.StringOption(optURL, u)
	}
	m := s.command(cmdIngest, 0, []string{ingestRole}, discordtest.SubcommandOption(subURL, urlOpt(s.web.srv.URL+"/world/doha-talks")), nil)
	if !strings.HasPrefix(m.Content, "• Added “") {
		t.Errorf("/ingest url: %q", m.Content)
	}
	if m := s.command(cmdIngest, 0, []string{ingestRole}, discordtest.SubcommandOption(subURL, urlOpt("ftp://example.com/x")), nil); m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "not a web address") {
		t.Errorf("/ingest url ftp: %q", m.Content)
	}

	// Feeds: Manage Server only.
	feedURL := s.web.srv.URL + "/feed.xml"
	if m := s.command(cmdFeeds, 0, []string{ingestRole}, discordtest.SubcommandOption(subAdd, urlOpt(feedURL)), nil); !strings.Contains(m.Content, "Only members with the Manage Server permission") {
		t.Errorf("/feeds add without permission: %q", m.Content)
	}
	m = s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subAdd, urlOpt(feedURL), discordtest.StringOption(optEvery, "1h")), nil)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "Added the feed “Desk @\u200beveryone wire”") || !strings.Contains(m.Content, "every 1h0m0s") {
		t.Errorf("/feeds add: %q", m.Content)
	}
	if m := s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subAdd, urlOpt(feedURL), discordtest.StringOption(optEvery, "1m")), nil); !strings.Contains(m.Content, "at most every 5m") {
		t.Errorf("/feeds add every 1m: %q", m.Content)
	}
	if m := s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subAdd, urlOpt(s.web.srv.URL+"/world/doha-talks")), nil); !strings.Contains(m.Content, "is an HTML page, not a feed") {
		t.Errorf("/feeds add of a page: %q", m.Content)
	}
	m = s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subList), nil)
	if !strings.Contains(m.Content, "/feed.xml") || !strings.Contains(m.Content, "every 1h0m0s") || !strings.Contains(m.Content, "not read yet") {
		t.Errorf("/feeds list: %q", m.Content)
	}
	// Reading the feed now: its one item is the page already added.
	m = s.command(cmdIngest, manager, nil, discordtest.SubcommandOption(subURL, urlOpt(feedURL)), nil)
	if !strings.Contains(m.Content, "Read the feed") || !strings.Contains(m.Content, "1 item, 0 new, 1 read before") {
		t.Errorf("/ingest url of the feed: %q\n%s", m.Content, s.logs.String())
	}
	m = s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subRemove, urlOpt(feedURL)), nil)
	if !strings.Contains(m.Content, "Removed the feed") {
		t.Errorf("/feeds remove: %q", m.Content)
	}
	if m := s.command(cmdFeeds, manager, nil, discordtest.SubcommandOption(subList), nil); !strings.Contains(m.Content, "No feeds yet") {
		t.Errorf("/feeds list after removing: %q", m.Content)
	}
	s.requireNoMentions()
}

func TestIngestPrivateAddressRefusedThroughDiscord(t *testing.T) {
	s := startSourcesBot(t, false)
	m := s.command(cmdIngest, manager, nil, discordtest.SubcommandOption(subURL, discordtest.StringOption(optURL, s.web.srv.URL+"/world/doha-talks")), nil)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "loopback") || !strings.Contains(m.Content, "allow\\_private\\_networks") {
		t.Errorf("/ingest url of a loopback address: %q", m.Content)
	}
	if n := s.web.count("/world/doha-talks"); n != 0 {
		t.Errorf("the refused address saw %d requests", n)
	}
	// Cloud metadata, too, whatever resolves.
	m = s.command(cmdIngest, manager, nil, discordtest.SubcommandOption(subURL, discordtest.StringOption(optURL, "http://169.254.169.254/latest/meta-data/")), nil)
	if !strings.Contains(m.Content, "metadata") {
		t.Errorf("/ingest url of the metadata address: %q", m.Content)
	}
}
