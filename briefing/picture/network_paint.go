package picture

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"briefbot/briefing"
)

// Box colours by depth: the person asked about, the people they met,
// the people those met.
var (
	boxFill   = []color.RGBA{{0xFF, 0xE0, 0x8A, 0xFF}, {0xE3, 0xEE, 0xF9, 0xFF}, {0xF1, 0xF1, 0xF1, 0xFF}}
	boxStroke = []color.RGBA{{0xB0, 0x7D, 0x00, 0xFF}, {0x3B, 0x6E, 0xA5, 0xFF}, {0x9E, 0x9E, 0x9E, 0xFF}}
)

// Line styles of a link by its strongest status.
var (
	dashed = []vg.Length{7, 4}
	dotted = []vg.Length{2, 3}
)

// linkStyle is how a link is drawn: held meetings make it solid, planned
// ones only dashed, canceled ones only dotted; canceled ones are also
// crossed at the middle.
func linkStyle(l briefing.MeetingLink) (color.RGBA, []vg.Length) {
	switch {
	case l.Held > 0:
		return heldC, nil
	case l.Planned > 0:
		return planC, dashed
	}
	return cancelC, dotted
}

// linkWidth grows with the meetings of a link, up to five.
func linkWidth(l briefing.MeetingLink) vg.Length {
	return vg.Length(1.5 + 1.4*float64(min(l.Total(), 5)-1))
}

// paintNetwork draws a laid-out network under a title, with a legend.
func (r *Renderer) paintNetwork(a briefing.GraphAnswer, l networkLayout) (Image, error) {
	title := textLine{text: briefing.ClipRunes(briefing.GraphTitle(a), maxTitle), face: r.face(true, titleSize)}
	sub := textLine{text: fmt.Sprintf("%s · %s drawn · %s", briefing.Plural(a.Meetings, "in-person meeting", "in-person meetings"),
		briefing.Plural(len(a.Network.Nodes)-1, "person", "people"), briefing.Plural(len(a.Network.Links), "link", "links")), face: r.face(false, 11)}
	notes := []textLine{}
	if a.Network.HiddenPeople > 0 || a.Network.HiddenLinks > 0 {
		notes = append(notes, textLine{text: fmt.Sprintf("Not drawn: %s and %s, the weakest.",
			briefing.Plural(a.Network.HiddenPeople, "more person", "more people"), briefing.Plural(a.Network.HiddenLinks, "link", "links")), face: r.face(false, 10)})
	}
	legendFace := r.face(false, 10)
	legend := legendItems(legendFace)

	headH := title.face.Extents().Height + sub.face.Extents().Height + 10
	footH := legendFace.Extents().Height + 12
	for _, n := range notes {
		footH += n.face.Extents().Height + 4
	}
	width := max(l.width, title.face.Width(title.text), sub.face.Width(sub.text), legend.width) + 2*margin
	height := l.height + headH + footH + 2*margin

	return encode(width, height, func(c *vgimg.Canvas) {
		// Title and subtitle, top left.
		y := height - margin - title.face.Extents().Ascent
		c.SetColor(ink)
		c.FillString(title.face, vg.Point{X: margin, Y: y}, title.text)
		y -= sub.face.Extents().Height + 4
		c.SetColor(muted)
		c.FillString(sub.face, vg.Point{X: margin, Y: y}, sub.text)

		// The network, centred between the head and the foot.
		ox := (width - l.width) / 2
		oy := margin + footH
		at := func(b nodeBox) vg.Point { return vg.Point{X: ox + b.x, Y: oy + b.y} }
		for _, link := range a.Network.Links {
			ba, bb := l.boxes[l.index[link.A]], l.boxes[l.index[link.B]]
			r.paintLink(c, link, at(ba), at(bb), visibleMiddle(ba, bb, at(ba), at(bb)))
		}
		for _, b := range l.boxes {
			paintBox(c, b, at(b))
		}

		// Legend and notes, bottom left.
		y = margin + footH - legendFace.Extents().Ascent - 4
		for _, n := range notes {
			c.SetColor(muted)
			c.FillString(n.face, vg.Point{X: margin, Y: y}, n.text)
			y -= n.face.Extents().Height + 4
		}
		legend.paint(c, vg.Point{X: margin, Y: margin})
	})
}

// paintLink draws one link between two box centres; the boxes, drawn
// after, hide its ends.
func (r *Renderer) paintLink(c *vgimg.Canvas, link briefing.MeetingLink, from, to, mid vg.Point) {
	col, dash := linkStyle(link)
	c.SetColor(col)
	c.SetLineWidth(linkWidth(link))
	c.SetLineDash(dash, 0)
	var p vg.Path
	p.Move(from)
	p.Line(to)
	c.Stroke(p)
	c.SetLineDash(nil, 0)
	if link.Canceled > 0 {
		paintCross(c, mid, 6, cancelC)
	}
	if link.Total() > 1 {
		// The number of meetings on a small white disc.
		f := r.face(true, 10)
		s := strconv.Itoa(link.Total())
		rad := max(f.Width(s)/2+4, f.Extents().Height/2+2)
		var disc vg.Path
		disc.Move(vg.Point{X: mid.X + rad, Y: mid.Y})
		disc.Arc(mid, rad, 0, 2*math.Pi)
		disc.Close()
		c.SetColor(paper)
		c.Fill(disc)
		c.SetColor(col)
		c.SetLineWidth(1.2)
		c.Stroke(disc)
		c.SetColor(ink)
		c.FillString(f, vg.Point{X: mid.X - f.Width(s)/2, Y: mid.Y - f.Extents().Ascent/2 + 1}, s)
	}
}

// visibleMiddle is the middle of the part of the line between two box
// centres that lies outside both boxes, where the marks of a link show.
func visibleMiddle(a, b nodeBox, pa, pb vg.Point) vg.Point {
	// exit is the fraction of the way from p to q where the line leaves
	// a box of half-size w×h centred at p.
	exit := func(w, h vg.Length, p, q vg.Point) float64 {
		dx, dy := math.Abs(float64(q.X-p.X)), math.Abs(float64(q.Y-p.Y))
		t := 1.0
		if dx > 0 {
			t = min(t, float64(w)/dx)
		}
		if dy > 0 {
			t = min(t, float64(h)/dy)
		}
		return t
	}
	t0 := exit(a.w/2, a.h/2, pa, pb)
	t1 := 1 - exit(b.w/2, b.h/2, pb, pa)
	t := (t0 + t1) / 2
	if t0 >= t1 {
		t = 0.5 // the boxes touch along the line
	}
	return vg.Point{X: pa.X + vg.Length(t)*(pb.X-pa.X), Y: pa.Y + vg.Length(t)*(pb.Y-pa.Y)}
}

// paintCross draws an × of half-size d at p.
func paintCross(c *vgimg.Canvas, p vg.Point, d vg.Length, col color.Color) {
	c.SetColor(col)
	c.SetLineWidth(2.5)
	var x vg.Path
	x.Move(vg.Point{X: p.X - d, Y: p.Y - d})
	x.Line(vg.Point{X: p.X + d, Y: p.Y + d})
	x.Move(vg.Point{X: p.X - d, Y: p.Y + d})
	x.Line(vg.Point{X: p.X + d, Y: p.Y - d})
	c.Stroke(x)
}

// paintBox draws a person's rounded box centred at p, with the label
// lines centred in it.
func paintBox(c *vgimg.Canvas, b nodeBox, p vg.Point) {
	depth := min(b.node.Depth, len(boxFill)-1)
	box := roundedRect(p.X-b.w/2, p.Y-b.h/2, b.w, b.h, 6)
	c.SetColor(boxFill[depth])
	c.Fill(box)
	c.SetColor(boxStroke[depth])
	c.SetLineWidth(1.2)
	if depth == 0 {
		c.SetLineWidth(2.4)
	}
	c.Stroke(box)
	y := p.Y + b.h/2 - boxPadY
	for _, ln := range b.lines {
		ext := ln.face.Extents()
		y -= ext.Ascent
		c.SetColor(ink)
		if ln.muted {
			c.SetColor(muted)
		}
		c.FillString(ln.face, vg.Point{X: p.X - ln.face.Width(ln.text)/2, Y: y}, ln.text)
		y -= ext.Descent + lineGap
	}
}

// roundedRect is the outline of a rectangle with rounded corners.
func roundedRect(x, y, w, h, rad vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x + rad, Y: y})
	p.Line(vg.Point{X: x + w - rad, Y: y})
	p.Arc(vg.Point{X: x + w - rad, Y: y + rad}, rad, -math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: x + w, Y: y + h - rad})
	p.Arc(vg.Point{X: x + w - rad, Y: y + h - rad}, rad, 0, math.Pi/2)
	p.Line(vg.Point{X: x + rad, Y: y + h})
	p.Arc(vg.Point{X: x + rad, Y: y + h - rad}, rad, math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: x, Y: y + rad})
	p.Arc(vg.Point{X: x + rad, Y: y + rad}, rad, math.Pi, math.Pi/2)
	p.Close()
	return p
}

// legend explains the line styles in one row.
type legend struct {
	face  font.Face
	width vg.Length
}

// legendItems measures the legend row.
func legendItems(f font.Face) legend {
	l := legend{face: f}
	for _, it := range legendEntries {
		l.width += legendSample + 6 + f.Width(it.text) + 16
	}
	l.width += f.Width(legendThickness)
	return l
}

const (
	legendSample    = 28 // points of line shown per entry
	legendThickness = "thicker: more meetings"
)

var legendEntries = []struct {
	text string
	link briefing.MeetingLink
}{
	{"held", briefing.MeetingLink{Held: 1}},
	{"planned", briefing.MeetingLink{Planned: 1}},
	{"canceled", briefing.MeetingLink{Canceled: 1}},
}

// paint draws the legend with its baseline at p.
func (l legend) paint(c *vgimg.Canvas, p vg.Point) {
	x := p.X
	mid := p.Y + l.face.Extents().Ascent/2 - 1
	for _, it := range legendEntries {
		col, dash := linkStyle(it.link)
		c.SetColor(col)
		c.SetLineWidth(2.5)
		c.SetLineDash(dash, 0)
		var s vg.Path
		s.Move(vg.Point{X: x, Y: mid})
		s.Line(vg.Point{X: x + legendSample, Y: mid})
		c.Stroke(s)
		c.SetLineDash(nil, 0)
		if it.link.Canceled > 0 {
			paintCross(c, vg.Point{X: x + legendSample/2, Y: mid}, 4, cancelC)
		}
		x += legendSample + 6
		c.SetColor(ink)
		c.FillString(l.face, vg.Point{X: x, Y: p.Y}, it.text)
		x += l.face.Width(it.text) + 16
	}
	c.SetColor(muted)
	c.FillString(l.face, vg.Point{X: x, Y: p.Y}, legendThickness)
}
