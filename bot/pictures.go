package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/briefing"
	"briefbot/briefing/picture"
)

// Pictures draws the answers that are pictures (see picture.Renderer).
type Pictures interface {
	Network(ctx context.Context, a briefing.GraphAnswer) (picture.Image, error)
	Chart(a briefing.ChartAnswer) (picture.Image, error)
}

// EnablePictures draws /graph and /timeline-chart answers with p. Call
// it before Run; without it, those answers come in words only.
func (b *Bot) EnablePictures(p Pictures) { b.pictures = p }

// File names of the pictures, as the embeds refer to them.
const (
	networkFile = "meeting-network.png"
	chartFile   = "timeline-chart.png"
)

// attachment is a file sent with a reply.
type attachment struct {
	name        string
	contentType string
	data        []byte
}

// discordFiles turns attachments into the files of one request: each
// request reads its own copy.
func discordFiles(as []attachment) []*discordgo.File {
	if len(as) == 0 {
		return nil
	}
	files := make([]*discordgo.File, len(as))
	for i, a := range as {
		files[i] = &discordgo.File{Name: a.name, ContentType: a.contentType, Reader: bytes.NewReader(a.data)}
	}
	return files
}

// isPicture reports whether an answer is drawn rather than listed.
func isPicture(a briefing.Answer) bool {
	switch a.(type) {
	case briefing.GraphAnswer, briefing.ChartAnswer:
		return true
	}
	return false
}

// pictureReply draws a picture answer into an embed: the picture, and
// beside it the same facts in words, for screen readers and for
// notifications. When the picture cannot be drawn, the words remain.
func (b *Bot) pictureReply(ctx context.Context, a briefing.Answer, private bool) (reply, string) {
	var (
		title string
		lines []string
		name  string
		draw  func() (picture.Image, error)
	)
	switch a := a.(type) {
	case briefing.GraphAnswer:
		title, lines, name = briefing.GraphTitle(a), briefing.GraphSummary(a), networkFile
		draw = func() (picture.Image, error) { return b.pictures.Network(ctx, a) }
	case briefing.ChartAnswer:
		title, lines, name = briefing.ChartTitle(a.Chart), briefing.ChartSummary(a.Chart), chartFile
		draw = func() (picture.Image, error) { return b.pictures.Chart(a) }
	default:
		return errorReply(fmt.Errorf("picture of %T", a)), "error"
	}
	e := &discordgo.MessageEmbed{Title: clip(escape(title), maxTitle), Description: linesWithin(lines, pageBudget), Color: embedColor}
	r := reply{embeds: []*discordgo.MessageEmbed{e}, private: private}
	if b.pictures == nil {
		e.Footer = &discordgo.MessageEmbedFooter{Text: "Pictures are not set up on this bot; this is the answer in words."}
		return r, "no_pictures"
	}
	img, err := draw()
	switch {
	case errors.Is(err, picture.ErrNothingToDraw):
		return r, "ok"
	case err != nil:
		b.log.Error("draw picture", "command", string(a.Kind()), "err", err)
		e.Footer = &discordgo.MessageEmbedFooter{Text: "The picture could not be drawn; this is the answer in words."}
		return r, "picture_error"
	}
	e.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + name, Width: img.Width, Height: img.Height}
	r.files = []attachment{{name: name, contentType: "image/png", data: img.PNG}}
	return r, "ok"
}

// linesWithin escapes and joins lines, as many as fit in budget UTF-16
// units; the rest are counted in a last line.
func linesWithin(lines []string, budget int) string {
	var b strings.Builder
	used := 0
	for i, l := range lines {
		l = clip(escape(l), budget/2)
		n := utf16Len(l) + 1
		last := i == len(lines)-1
		if used+n > budget-40 && !(last && used+n <= budget) {
			fmt.Fprintf(&b, "… and %s: the picture shows them.", briefing.Plural(len(lines)-i, "more line", "more lines"))
			break
		}
		b.WriteString(l + "\n")
		used += n
	}
	return strings.TrimSuffix(b.String(), "\n")
}
