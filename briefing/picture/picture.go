// Package picture draws answers as PNG images a Discord client shows
// inline: a person's meeting network, laid out by Graphviz, and a
// timeline chart of articles per day with meetings marked, drawn with
// gonum/plot. Images are light cards (legible on dark and light themes),
// at most MaxWidth pixels wide and MaxBytes large.
package picture

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"sync"

	"github.com/goccy/go-graphviz"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// Limits of an image.
const (
	MaxWidth  = 1600    // pixels
	MaxHeight = 1600    // pixels
	MaxBytes  = 1 << 20 // of the PNG file
	// bestDPI draws 2 pixels per point: sharp on a phone's screen.
	bestDPI = 144
	// leastDPI is as small as a picture is scaled to fit MaxWidth before
	// it gives up: below it, text is no longer legible.
	leastDPI = 72
)

// Image is a rendered PNG.
type Image struct {
	PNG    []byte
	Width  int // pixels
	Height int // pixels
}

// Renderer draws pictures. It holds a Graphviz instance (a WebAssembly
// module run by wazero, no cgo), which is used by one drawing at a time.
// Close releases it.
type Renderer struct {
	mu    sync.Mutex // guards gv
	gv    *graphviz.Graphviz
	fonts *font.Cache
}

// NewRenderer starts Graphviz.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	return &Renderer{gv: gv, fonts: font.NewCache(liberation.Collection())}, nil
}

// Close releases Graphviz.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.gv.Close(); err != nil {
		return fmt.Errorf("close graphviz: %w", err)
	}
	return nil
}

// Colours of the pictures: dark ink on a white card.
var (
	paper   = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ink     = color.RGBA{0x21, 0x25, 0x29, 0xFF}
	muted   = color.RGBA{0x5F, 0x66, 0x6D, 0xFF}
	heldC   = color.RGBA{0x2E, 0x7D, 0x32, 0xFF}
	planC   = color.RGBA{0xE0, 0x6C, 0x00, 0xFF}
	cancelC = color.RGBA{0xC6, 0x28, 0x28, 0xFF}
	barC    = color.RGBA{0x3B, 0x6E, 0xA5, 0xFF}
)

// face returns a Liberation Sans face of the given size in points.
func (r *Renderer) face(bold bool, size vg.Length) font.Face {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return r.fonts.Lookup(f, size)
}

// encode draws a picture of w×h points with draw at the largest
// resolution (up to bestDPI) that keeps it within MaxWidth, MaxHeight
// and MaxBytes.
func encode(w, h vg.Length, paint func(*vgimg.Canvas)) (Image, error) {
	dpi := bestDPI
	fit := func(length vg.Length, most int) int { return int(float64(most) / (length.Points() / 72)) }
	dpi = min(dpi, fit(w, MaxWidth), fit(h, MaxHeight))
	for ; dpi >= leastDPI; dpi = dpi * 3 / 4 {
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(paper))
		paint(c)
		var buf bytes.Buffer
		// Flat colours compress well at the fastest level, which takes a
		// third of the time of the default.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, c.Image()); err != nil {
			return Image{}, fmt.Errorf("encode png: %w", err)
		}
		b := c.Image().Bounds()
		if buf.Len() <= MaxBytes && b.Dx() <= MaxWidth && b.Dy() <= MaxHeight {
			return Image{PNG: buf.Bytes(), Width: b.Dx(), Height: b.Dy()}, nil
		}
	}
	return Image{}, fmt.Errorf("picture of %.0f×%.0f points: %w", w.Points(), h.Points(), errTooLarge)
}

// errTooLarge is a picture that does not fit the limits legibly.
var errTooLarge = fmt.Errorf("does not fit %d×%d pixels and %d bytes legibly", MaxWidth, MaxHeight, MaxBytes)
