package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/picture"
)

// stubPictures "draws" a fixed image, without a renderer.
type stubPictures struct{ img picture.Image }

func (p stubPictures) Network(context.Context, briefing.GraphAnswer) (picture.Image, error) {
	return p.img, nil
}

func (p stubPictures) Chart(briefing.ChartAnswer) (picture.Image, error) { return p.img, nil }

func pictureBot(p Pictures) *Bot {
	return &Bot{pictures: p, log: slog.New(slog.DiscardHandler)}
}

// bigNetwork is a network of people whose names and roles are n runes
// long, every one linked to the center and to the next.
func bigNetwork(people, n int) briefing.GraphAnswer {
	long := func(prefix string, i int) string {
		s := fmt.Sprintf("%s %d ", prefix, i)
		return s + strings.Repeat("x", max(0, n-len(s)))
	}
	center := briefing.PersonRef{ID: 1, Name: long("Center", 1), Role: long("role", 1)}
	a := briefing.GraphAnswer{Command: briefing.CmdGraph, Meetings: people, Network: briefing.Network{Center: center, Depth: 1,
		Nodes: []briefing.NetworkNode{{PersonRef: center}}}}
	for i := 2; i <= people; i++ {
		p := briefing.PersonRef{ID: int64(i), Name: long("Person", i), Role: long("role", i)}
		a.Network.Nodes = append(a.Network.Nodes, briefing.NetworkNode{PersonRef: p, Depth: 1})
		a.Network.Links = append(a.Network.Links, briefing.MeetingLink{A: 1, B: int64(i), Held: 1})
		if i > 2 {
			a.Network.Links = append(a.Network.Links, briefing.MeetingLink{A: int64(i - 1), B: int64(i), Planned: 1})
		}
	}
	return a
}

func TestIsPicture(t *testing.T) {
	for _, c := range []struct {
		a    briefing.Answer
		want bool
	}{
		{briefing.GraphAnswer{}, true},
		{briefing.ChartAnswer{}, true},
		{briefing.TimelineAnswer{}, false},
		{briefing.WhoMetAnswer{}, false},
		{briefing.Help(), false},
	} {
		if got := isPicture(c.a); got != c.want {
			t.Errorf("isPicture(%T) = %v", c.a, got)
		}
	}
}

// Each request reads its own copy of a file: a retried request (after a
// 429) sends the whole file again.
func TestDiscordFilesAreFreshEachTime(t *testing.T) {
	if discordFiles(nil) != nil {
		t.Error("files for no attachments")
	}
	as := []attachment{{name: "a.png", contentType: "image/png", data: []byte("\x89PNG data")}}
	for range 2 {
		files := discordFiles(as)
		if len(files) != 1 || files[0].Name != "a.png" || files[0].ContentType != "image/png" {
			t.Fatalf("files %+v", files)
		}
		got, err := io.ReadAll(files[0].Reader)
		if err != nil || string(got) != "\x89PNG data" {
			t.Errorf("read %q, %v", got, err)
		}
	}
}

func TestLinesWithinBudget(t *testing.T) {
	var lines []string
	for i := range 200 {
		lines = append(lines, fmt.Sprintf("• line %d: %s", i, strings.Repeat("w", 50)))
	}
	got := linesWithin(lines, pageBudget)
	if utf16Len(got) > pageBudget {
		t.Errorf("%d units, budget %d", utf16Len(got), pageBudget)
	}
	shown := strings.Split(got, "\n")
	last := shown[len(shown)-1]
	var more int
	if _, err := fmt.Sscanf(last, "… and %d more lines", &more); err != nil {
		t.Fatalf("last line %q: %v", last, err)
	}
	if len(shown)-1+more != len(lines) {
		t.Errorf("%d lines shown and %d counted, of %d", len(shown)-1, more, len(lines))
	}
	// Short answers are whole.
	if got := linesWithin([]string{"a", "b"}, pageBudget); got != "a\nb" {
		t.Errorf("short answer %q", got)
	}
}

func TestPictureReplyEscapesAndAttaches(t *testing.T) {
	img := picture.Image{PNG: []byte("png"), Width: 640, Height: 480}
	r, outcome := pictureBot(stubPictures{img}).pictureReply(context.Background(), hostileNetwork(), true)
	if outcome != "ok" || !r.private {
		t.Errorf("outcome %q, private %v", outcome, r.private)
	}
	if len(r.embeds) != 1 || len(r.files) != 1 {
		t.Fatalf("%d embeds, %d files", len(r.embeds), len(r.files))
	}
	e, f := r.embeds[0], r.files[0]
	if f.name != networkFile || f.contentType != "image/png" || string(f.data) != "png" {
		t.Errorf("file %+v", f)
	}
	if e.Image == nil || e.Image.URL != "attachment://"+networkFile || e.Image.Width != 640 || e.Image.Height != 480 {
		t.Errorf("image %+v", e.Image)
	}
	for _, s := range []string{e.Title, e.Description} {
		for _, bad := range []string{"@everyone", "@here", "<@123456>", "**boss**", "[click](", "||spoiler||"} {
			if strings.Contains(s, bad) {
				t.Errorf("%q carries %q as is", s, bad)
			}
		}
	}
	checkLimits(t, r.embeds)
}

func TestPictureReplyWithinLimits(t *testing.T) {
	b := pictureBot(stubPictures{picture.Image{PNG: []byte("png"), Width: 1, Height: 1}})
	for _, n := range []int{20, 100, 300, 2000} {
		a := bigNetwork(briefing.MaxNetworkPeople, n)
		r, _ := b.pictureReply(context.Background(), a, false)
		checkLimits(t, r.embeds)
		if !strings.Contains(r.embeds[0].Description, "Person 2") {
			t.Errorf("names %d runes long: the first counterpart is not named", n)
		}
	}
	// A chart of many meeting days lists some of them.
	var ch briefing.Chart
	for d := 1; d <= 28; d++ {
		date := briefing.Date{Year: 2024, Month: 2, Day: d}
		ch.Days = append(ch.Days, briefing.DayCount{Date: date, Articles: d})
		ch.Meetings = append(ch.Meetings, briefing.MeetingDay{Date: date, Held: 1})
	}
	r, _ := b.pictureReply(context.Background(), briefing.ChartAnswer{Command: briefing.CmdTimelineChart, Chart: ch}, false)
	checkLimits(t, r.embeds)
	if len(r.files) != 1 || r.files[0].name != chartFile {
		t.Errorf("files %+v", r.files)
	}
}

// A long last line after lines that nearly fill the budget stays within
// Discord's 4096 units: Discord would refuse the whole answer.
func TestPictureReplyLongLastLine(t *testing.T) {
	a := bigNetwork(3, 690) // lines of about 1400 units: two counterparts, "Among them:", a tie between them
	r, _ := pictureBot(nil).pictureReply(context.Background(), a, false)
	checkLimits(t, r.embeds)
}
