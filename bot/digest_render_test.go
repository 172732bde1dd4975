package bot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"briefbot/briefing"
	"briefbot/briefing/digest"
)

// hostileText is corpus text that must neither ping nor format.
const hostileText = "@everyone **bold** <@123> __under__ `code` ||spoiler|| "

// bigDigest is a digest far over one message: stories stories, each with
// three long bullets and two long quotes, with 40 sources of long
// titles, addresses and outlets, hostile text throughout, and some in
// characters that count twice in UTF-16.
func bigDigest(channel string, stories int) digest.Digest {
	long := func(seed string, n int) string { return hostileText + strings.Repeat(seed+" ", n) }
	d := digest.Digest{Channel: channel, Since: time.Date(2025, time.June, 1, 8, 0, 0, 0, time.UTC),
		Articles: stories * 40, Duplicates: 7, Omitted: 3, Unread: 12, Cursor: 0}
	for i := range stories {
		var sources []briefing.DocumentRef
		for j := range 40 {
			doc := briefing.DocumentRef{
				Source:    fmt.Sprintf("%s-%d-%d-%s.txt", hostileText, i, j, strings.Repeat("f", 150)),
				Title:     long("Very long title", 30),
				Outlet:    long("The Outlet", 20),
				Published: briefing.Date{Year: 2025, Month: time.May, Day: 30},
			}
			if j%2 == 0 { // with a web address: a link
				doc.URL = fmt.Sprintf("https://news.example/%s%d/%d", strings.Repeat("section/", 55), i, j)
			}
			sources = append(sources, doc)
		}
		s := digest.Story{
			Headline: long("Headline", 60),
			WhatsNew: long("What is new", 100),
			Sources:  sources,
		}
		if i%3 == 1 {
			s.Headline = strings.Repeat("𝔇𝔦𝔤𝔢𝔰𝔱 ", 80) // 2 UTF-16 units a letter
			s.WhatsNew = strings.Repeat("😀 ", 900)
		}
		for k := range 3 {
			s.Bullets = append(s.Bullets, digest.Bullet{Kind: digest.FactStatement,
				Text: long(fmt.Sprintf("Bullet %d", k), 150), Sources: sources[k : k+5]})
		}
		for k := range 2 {
			s.Quotes = append(s.Quotes, briefing.QuoteRecord{
				Speaker: &briefing.PersonRef{Name: "Mallory " + hostileText, Role: "organiser " + hostileText},
				Text:    long(fmt.Sprintf("Quote %d", k), 120), Source: sources[10+k]})
		}
		d.Stories = append(d.Stories, s)
	}
	return d
}

// linkStart is where a markdown link's address starts; wholeLink, a whole
// link to a web address.
var (
	linkStart = regexp.MustCompile(`(^|[^\\])\]\(`)
	wholeLink = regexp.MustCompile(`\]\(https?://[^\s()]+\)`)
)

// checkDigestMessages checks messages against Discord's limits, counted
// in UTF-16 units, and that nothing in them pings or formats.
func checkDigestMessages(t *testing.T, msgs []digestMessage) {
	t.Helper()
	for i, m := range msgs {
		if m.content == "" && len(m.embeds) == 0 {
			t.Errorf("message %d is empty", i)
		}
		if n := utf16Len(m.content); n > maxContent {
			t.Errorf("message %d: content of %d units", i, n)
		}
		if len(m.embeds) > maxEmbeds {
			t.Errorf("message %d: %d embeds", i, len(m.embeds))
		}
		total := 0
		for j, e := range m.embeds {
			if n := utf16Len(e.Title); n > maxTitle {
				t.Errorf("message %d embed %d: title of %d units", i, j, n)
			}
			if n := utf16Len(e.Description); n > maxDescription {
				t.Errorf("message %d embed %d: description of %d units", i, j, n)
			}
			total += utf16Len(e.Title) + utf16Len(e.Description)
			if e.Footer != nil {
				if n := utf16Len(e.Footer.Text); n > maxFooter {
					t.Errorf("message %d embed %d: footer of %d units", i, j, n)
				}
				total += utf16Len(e.Footer.Text)
			}
			if starts, whole := len(linkStart.FindAllString(e.Description, -1)), len(wholeLink.FindAllString(e.Description, -1)); starts != whole {
				t.Errorf("message %d embed %d: %d links, %d whole:\n%s", i, j, starts, whole, e.Description)
			}
			if e.Author != nil || len(e.Fields) > 0 {
				t.Errorf("message %d embed %d has an author or fields", i, j)
			}
		}
		if total > maxEmbedsTotal {
			t.Errorf("message %d: embeds of %d units together", i, total)
		}
		all := m.content
		for _, e := range m.embeds {
			all += "\n" + e.Title + "\n" + e.Description
		}
		for _, bad := range []string{"@everyone", "<@123>", "**bold**", "__under__", "`code`", "||spoiler||"} {
			if strings.Contains(all, bad) {
				t.Errorf("message %d carries %q as is", i, bad)
			}
		}
	}
}

func TestDigestMessagesWithinDiscordLimits(t *testing.T) {
	d := bigDigest("42", 8)
	msgs := digestMessages(d)
	checkDigestMessages(t, msgs)
	if len(msgs) < 2 {
		t.Fatalf("%d messages for 8 huge stories", len(msgs))
	}
	n := 0
	for i, m := range msgs {
		label := fmt.Sprintf("(%d/%d)", i+1, len(msgs))
		if !strings.HasSuffix(m.content, " "+label) {
			t.Errorf("message %d content %q is not labelled %s", i, m.content, label)
		}
		for _, e := range m.embeds {
			n++
			if want := fmt.Sprintf("%d. ", n); !strings.HasPrefix(e.Title, want) {
				t.Errorf("story %d titled %q", n, e.Title)
			}
		}
	}
	if n != len(d.Stories) {
		t.Errorf("%d stories shown, want %d", n, len(d.Stories))
	}
	if !strings.HasPrefix(msgs[0].content, "Briefing: 320 new articles since 2025-06-01 08:00 UTC (7 near-duplicates") {
		t.Errorf("header %q", msgs[0].content)
	}
	last := msgs[len(msgs)-1].embeds
	if f := last[len(last)-1].Footer; f == nil || !strings.Contains(f.Text, "3 more stories") || !strings.Contains(f.Text, "12 older") {
		t.Errorf("footer %+v", f)
	}
	for _, m := range msgs {
		for _, e := range m.embeds[:len(m.embeds)-1] {
			if e.Footer != nil {
				t.Errorf("a footer on %q, not the last story", e.Title)
			}
		}
	}
}

// webStory is a story of ordinary size with sources on the web.
func webStory(i int) digest.Story {
	var sources []briefing.DocumentRef
	for j := range 6 {
		url := fmt.Sprintf("https://www.reuters.com/world/middle-east/israel-hamas-ceasefire-talks-resume-in-doha-as-cia-and-mossad-chiefs-attend-2024-03-%d/", 20+j)
		sources = append(sources, briefing.DocumentRef{Source: url, URL: url, Outlet: "Reuters",
			Title:     "Israel, Hamas ceasefire talks resume in Doha with CIA and Mossad chiefs attending, sources say",
			Published: briefing.Date{Year: 2024, Month: time.March, Day: 21}})
	}
	line := strings.Repeat("The officials discussed a six-week truce and the release of hostages held in Gaza. ", 4)
	s := digest.Story{Headline: fmt.Sprintf("Story %d: Barnea, Burns, Al-Thani and Kamel to meet in Doha", i), WhatsNew: line, Sources: sources}
	for k := range 3 {
		s.Bullets = append(s.Bullets, digest.Bullet{Kind: digest.FactStatement, Text: line, Sources: sources[k : k+3]})
	}
	for k := range 2 {
		s.Quotes = append(s.Quotes, briefing.QuoteRecord{Text: line, Source: sources[k],
			Speaker: &briefing.PersonRef{Name: "Antony Blinken", Role: "US Secretary of State"}})
	}
	return s
}

// Stories citing web addresses, whose links weigh most, keep every line
// and their sources.
func TestDigestMessagesWebSources(t *testing.T) {
	d := digest.Digest{Articles: 24}
	for i := range 4 {
		d.Stories = append(d.Stories, webStory(i))
	}
	msgs := digestMessages(d)
	checkDigestMessages(t, msgs)
	for _, m := range msgs {
		for _, e := range m.embeds {
			if !strings.Contains(e.Description, "**6 sources**: [") || strings.HasSuffix(e.Description, "…") {
				t.Errorf("story %q lost lines:\n%s", e.Title, e.Description)
			}
		}
	}
}

// A story too long for an embed loses whole lines, not half a link.
func TestClipLines(t *testing.T) {
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"one\ntwo\nthree", 8, "one\n…"},
		{"one\ntwo\nthree", 9, "one\ntwo\n…"},
		{"one\ntwo\nthree", 13, "one\ntwo\nthree"},
		{"a long first line\ntwo", 8, "a long…"},
	} {
		if got := clipLines(c.in, c.limit); got != c.want || utf16Len(got) > c.limit {
			t.Errorf("clipLines(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
	}
}

// A preview of a digest of many messages: every part private, within
// limits.
func TestDigestPreviewReplyOfManyParts(t *testing.T) {
	d := bigDigest("42", 8)
	r := previewReply(d)
	msgs := []digestMessage{{content: r.content, embeds: r.embeds}}
	if !r.private || !strings.HasPrefix(r.content, "Preview (not posted, nothing recorded): Briefing:") {
		t.Errorf("preview %q (private %v)", r.content, r.private)
	}
	for _, f := range r.followups {
		if !f.private {
			t.Errorf("follow-up %q is public", f.content)
		}
		msgs = append(msgs, digestMessage{content: f.content, embeds: f.embeds})
	}
	if want := len(digestMessages(d)); len(msgs) != want {
		t.Errorf("preview in %d messages, the digest in %d", len(msgs), want)
	}
	checkDigestMessages(t, msgs)
}

// Many short stories: ten embeds a message at most.
func TestDigestMessagesTenEmbedsAMessage(t *testing.T) {
	d := digest.Digest{Articles: 25}
	for i := range 25 {
		d.Stories = append(d.Stories, digest.Story{Headline: fmt.Sprintf("Story %d", i),
			Sources: []briefing.DocumentRef{{Source: fmt.Sprintf("%d.txt", i)}}})
	}
	msgs := digestMessages(d)
	checkDigestMessages(t, msgs)
	if len(msgs) != 3 || len(msgs[0].embeds) != 10 || len(msgs[1].embeds) != 10 || len(msgs[2].embeds) != 5 {
		t.Errorf("25 short stories in %d messages", len(msgs))
	}
	if msgs[1].content != "Briefing, continued (2/3)" {
		t.Errorf("second message content %q", msgs[1].content)
	}
}

// One story: one message, unlabelled; nothing new: the quiet line.
func TestDigestMessagesSmall(t *testing.T) {
	d := bigDigest("42", 1)
	d.Stories[0] = digest.Story{Headline: "Talks resume", WhatsNew: "Kamel hosted Burns.",
		Sources: []briefing.DocumentRef{{Source: "cairo.txt"}}}
	msgs := digestMessages(d)
	checkDigestMessages(t, msgs)
	if len(msgs) != 1 || strings.Contains(msgs[0].content, "(1/1)") || len(msgs[0].embeds) != 1 {
		t.Errorf("a one-story digest: %+v", msgs)
	}
	quiet := digestMessages(digest.Digest{Since: time.Date(2025, time.June, 1, 8, 0, 0, 0, time.UTC)})
	if len(quiet) != 1 || quiet[0].content != "No new developments since 2025-06-01 08:00 UTC." || len(quiet[0].embeds) != 0 {
		t.Errorf("an empty digest: %+v", quiet)
	}
}

// A huge digest posted through the runner: Discord (the test server,
// which enforces its limits) accepts every part; a part posted but not
// recorded is posted again with its nonce and not duplicated, and the
// parts recorded before are not posted again.
func TestDigestLargeDigestIsPostedWithinLimits(t *testing.T) {
	t.Parallel()
	const channel = "3100"
	e := newDigestEnv(t)
	d := e.start(&flakyStore{DB: e.db, failPart: 1})
	ctx := context.Background()
	at := e.clock.Now()
	big := bigDigest(channel, 8)
	want := len(digestMessages(big))
	if _, _, err := e.db.StartRun(ctx, channel, at, false, big); err != nil {
		t.Fatal(err)
	}

	run, err := d.runner.Run(ctx, channel, at, false, time.Time{})
	if err == nil || run.State != digest.RunPending {
		t.Fatalf("run with a lost record: %v, %+v", err, run.State)
	}
	if got := posts(e.srv, channel); len(got) != 2 {
		t.Fatalf("%d messages after the lost record of part 2, want 2", len(got))
	}
	run, err = d.runner.Run(ctx, channel, at, false, time.Time{})
	if err != nil || run.State != digest.RunDone {
		t.Fatalf("run resumed: %v, %+v", err, run.State)
	}

	got := posts(e.srv, channel)
	if len(got) != want {
		t.Fatalf("%d messages posted, want %d", len(got), want)
	}
	runs := e.storedRuns(channel)
	if len(runs) != 1 || runs[0].State != "done" || len(runs[0].MessageIDs) != want {
		t.Fatalf("runs: %+v", runs)
	}
	for i, p := range got {
		if p.ID != runs[0].MessageIDs[i] {
			t.Errorf("message %d is %s, the run recorded %s", i, p.ID, runs[0].MessageIDs[i])
		}
		if label := fmt.Sprintf("(%d/%d)", i+1, want); !strings.HasSuffix(p.Content, label) {
			t.Errorf("message %d: %q", i, p.Content)
		}
		if p.MentionEveryone || len(p.Mentions) > 0 {
			t.Errorf("message %d mentions", i)
		}
	}
	var nonces []string
	for _, r := range e.srv.Requests() {
		if r.Method != "POST" || !strings.HasSuffix(r.Path, "/channels/"+channel+"/messages") {
			continue
		}
		if r.Status != 200 {
			t.Errorf("%s: %s", r, r.Body)
		}
		var body channelMessage
		if err := r.DecodeJSON(&body); err != nil {
			t.Fatal(err)
		}
		nonces = append(nonces, body.Nonce)
	}
	// Parts 1 and 2, part 2 again, then the rest.
	if len(nonces) != want+1 || nonces[1] != nonces[2] || nonces[0] == nonces[1] {
		t.Errorf("post nonces %q, want %d with the second repeated", nonces, want+1)
	}
	d.requireNoMentions()
	if u := e.srv.Unhandled(); len(u) > 0 {
		t.Errorf("unhandled requests: %v", u)
	}
}
