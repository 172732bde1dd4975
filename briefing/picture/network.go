package picture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-graphviz"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"briefbot/briefing"
)

// ErrNothingToDraw is returned for a network without links or a chart
// without dated articles or meetings.
var ErrNothingToDraw = errors.New("nothing to draw")

// textLine is one line of a label, in its face.
type textLine struct {
	text  string
	face  font.Face
	muted bool // drawn in the muted colour: a role under a name
}

// nodeBox is a person's box: its label, its size and, once laid out, its
// centre, in points.
type nodeBox struct {
	node  briefing.NetworkNode
	lines []textLine
	w, h  vg.Length
	x, y  vg.Length
}

// networkLayout is a network placed on a plane by Graphviz.
type networkLayout struct {
	boxes         []nodeBox
	index         map[int64]int // person id → box
	width, height vg.Length     // the bounding box; every centre is inside
}

// Spacing of the network picture, in points.
const (
	boxPadX   = 9
	boxPadY   = 6
	margin    = 22
	nodeSep   = 16 // the least gap Graphviz leaves between two boxes
	lineRunes = 22 // a name's line on a box; a role's may be a little longer
	lineGap   = 2
	titleSize = 16
	maxTitle  = 70 // runes of a picture's title
)

// Network draws a person's meeting network: people as boxes (the person
// asked about highlighted), links as lines whose thickness grows with
// the number of meetings, solid for held, dashed for planned, crossed
// for canceled.
func (r *Renderer) Network(ctx context.Context, a briefing.GraphAnswer) (Image, error) {
	if len(a.Network.Links) == 0 {
		return Image{}, ErrNothingToDraw
	}
	// A layout too large to read at MaxWidth is drawn again with fewer
	// people, the weakest left out (and counted in the picture's note).
	for keep := len(a.Network.Nodes); ; keep = keep * 3 / 4 {
		sub := a
		sub.Network = fewerPeople(a.Network, keep)
		l, err := r.layoutNetwork(ctx, sub.Network)
		if err != nil {
			return Image{}, err
		}
		img, err := r.paintNetwork(sub, l)
		if !errors.Is(err, errTooLarge) || keep <= minDrawnPeople {
			return img, err
		}
	}
}

// minDrawnPeople is as few people as fewerPeople goes down to.
const minDrawnPeople = 6

// fewerPeople keeps the first keep people of a network (the center, then
// the nearest and strongest) and the links among them; what goes is
// counted as hidden. Every kept person keeps a link to someone nearer the
// center, as the people nearer come first.
func fewerPeople(n briefing.Network, keep int) briefing.Network {
	if keep >= len(n.Nodes) {
		return n
	}
	kept := make(map[int64]bool, keep)
	for _, node := range n.Nodes[:keep] {
		kept[node.ID] = true
	}
	out := n
	out.Nodes = n.Nodes[:keep]
	out.Links = nil
	for _, l := range n.Links {
		if kept[l.A] && kept[l.B] {
			out.Links = append(out.Links, l)
		}
	}
	out.HiddenPeople += len(n.Nodes) - keep
	out.HiddenLinks += len(n.Links) - len(out.Links)
	return out
}

// boxesOf measures each person's box.
func (r *Renderer) boxesOf(n briefing.Network) []nodeBox {
	boxes := make([]nodeBox, len(n.Nodes))
	for i, node := range n.Nodes {
		nameSize, roleSize := vg.Length(12), vg.Length(10)
		if node.Depth == 0 {
			nameSize, roleSize = 14, 11
		}
		b := nodeBox{node: node}
		for _, ln := range wrap(node.Name, lineRunes, 2) {
			b.lines = append(b.lines, textLine{text: ln, face: r.face(true, nameSize)})
		}
		for _, ln := range wrap(node.Role, lineRunes+4, 2) {
			b.lines = append(b.lines, textLine{text: ln, face: r.face(false, roleSize), muted: true})
		}
		for _, ln := range b.lines {
			b.w = max(b.w, ln.face.Width(ln.text))
			b.h += ln.face.Extents().Height + lineGap
		}
		b.w += 2 * boxPadX
		b.h += 2*boxPadY - lineGap
		boxes[i] = b
	}
	return boxes
}

// layoutNetwork places the boxes with Graphviz's twopi (radial layout):
// the person asked about in the middle, the people they met on a ring
// around them, the people those met on the next ring; overlaps removed.
// The boxes' sizes are fixed to the measured text, so that the layout
// and the drawing agree.
func (r *Renderer) layoutNetwork(ctx context.Context, n briefing.Network) (networkLayout, error) {
	l := networkLayout{boxes: r.boxesOf(n), index: make(map[int64]int, len(n.Nodes))}
	r.mu.Lock()
	defer r.mu.Unlock()
	g, err := r.gv.Graph(graphviz.WithDirectedType(graphviz.UnDirected))
	if err != nil {
		return l, fmt.Errorf("graphviz graph: %w", err)
	}
	defer g.Close()
	r.gv.SetLayout(graphviz.TWOPI)
	g.SetOverlap(false)
	if err := g.SafeSet("sep", fmt.Sprintf("+%d", nodeSep), ""); err != nil {
		return l, fmt.Errorf("graphviz sep: %w", err)
	}
	if err := g.SafeSet("root", "n0", ""); err != nil {
		return l, fmt.Errorf("graphviz root: %w", err)
	}
	inches := func(v vg.Length) float64 { return v.Points() / 72 }
	nodes := make([]*graphviz.Node, len(l.boxes))
	for i, b := range l.boxes {
		l.index[b.node.ID] = i
		nd, err := g.CreateNodeByName("n" + strconv.Itoa(i))
		if err != nil {
			return l, fmt.Errorf("graphviz node: %w", err)
		}
		nd.SetShape(graphviz.BoxShape).SetFixedSize(true).SetWidth(inches(b.w)).SetHeight(inches(b.h)).SetLabel("")
		nodes[i] = nd
	}
	for i, link := range n.Links {
		a, okA := l.index[link.A]
		b, okB := l.index[link.B]
		if !okA || !okB {
			return l, fmt.Errorf("link %d–%d: a person is not in the network", link.A, link.B)
		}
		e, err := g.CreateEdgeByName("e"+strconv.Itoa(i), nodes[a], nodes[b])
		if err != nil {
			return l, fmt.Errorf("graphviz edge: %w", err)
		}
		// Stronger links pull their people closer.
		e.SetLen(0.6 - 0.05*float64(min(link.Total(), 4)))
	}
	if err := r.gv.Render(ctx, g, graphviz.XDOT, &bytes.Buffer{}); err != nil {
		return l, fmt.Errorf("graphviz layout: %w", err)
	}
	for i, nd := range nodes {
		x, y, err := point(nd.GetStr("pos"))
		if err != nil {
			return l, fmt.Errorf("graphviz position of %s: %w", l.boxes[i].node.Name, err)
		}
		l.boxes[i].x, l.boxes[i].y = x, y
	}
	// The boxes' extent, from their centres and sizes.
	minX, minY, maxX, maxY := l.boxes[0].x, l.boxes[0].y, l.boxes[0].x, l.boxes[0].y
	for _, b := range l.boxes {
		minX, maxX = min(minX, b.x-b.w/2), max(maxX, b.x+b.w/2)
		minY, maxY = min(minY, b.y-b.h/2), max(maxY, b.y+b.h/2)
	}
	for i := range l.boxes {
		l.boxes[i].x -= minX
		l.boxes[i].y -= minY
	}
	l.width, l.height = maxX-minX, maxY-minY
	return l, nil
}

// point reads a Graphviz position, "x,y" in points.
func point(s string) (vg.Length, vg.Length, error) {
	xs, ys, ok := strings.Cut(s, ",")
	if !ok {
		return 0, 0, fmt.Errorf("position %q", s)
	}
	x, err := strconv.ParseFloat(xs, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("position %q: %w", s, err)
	}
	y, err := strconv.ParseFloat(strings.TrimSuffix(ys, "!"), 64)
	if err != nil {
		return 0, 0, fmt.Errorf("position %q: %w", s, err)
	}
	return vg.Length(x), vg.Length(y), nil
}

// wrap breaks s into at most lines lines of about n runes, at spaces
// when it can; what does not fit is cut with "…".
func wrap(s string, n, lines int) []string {
	var out []string
	words := strings.Fields(s)
	for len(words) > 0 && len(out) < lines {
		line := words[0]
		words = words[1:]
		for len(words) > 0 && len([]rune(line))+1+len([]rune(words[0])) <= n {
			line += " " + words[0]
			words = words[1:]
		}
		out = append(out, briefing.ClipRunes(line, n))
	}
	if len(words) > 0 {
		last := out[len(out)-1]
		if !strings.HasSuffix(last, "…") {
			out[len(out)-1] = briefing.ClipRunes(last+" "+strings.Join(words, " "), len([]rune(last))+1)
		}
	}
	return out
}
