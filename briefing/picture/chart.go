package picture

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"briefbot/briefing"
)

// Size of a chart, in points: 1400×720 pixels at bestDPI, wide enough
// for a year of daily bars.
const (
	chartWidth  = 700
	chartHeight = 360
	// maxDailySpan is the longest span drawn a bar per day; longer ones
	// are drawn a bar per week.
	maxDailySpan = 370
)

// Chart draws articles per day as bars on a time axis, with the
// meetings of each day marked in a band under the bars: a filled dot
// for held, a ring for planned, a cross for canceled.
func (r *Renderer) Chart(a briefing.ChartAnswer) (Image, error) {
	c := a.Chart
	first, last := c.Span()
	if first.IsZero() {
		return Image{}, ErrNothingToDraw
	}
	bucket := 1
	if dayNumber(last)-dayNumber(first) > maxDailySpan {
		bucket = 7
	}
	bars := barsOf(c.Days, bucket)
	top := 1.0
	for _, b := range bars.counts {
		top = max(top, float64(b.n))
	}

	p := plot.New()
	p.TextHandler = text.Plain{Fonts: r.fonts}
	sans := func(size vg.Length) font.Font {
		return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	}
	p.Title.Text = briefing.ClipRunes(briefing.ChartTitle(c), maxTitle)
	p.Title.TextStyle.Font = sans(16)
	p.Title.TextStyle.Color = ink
	p.Title.Padding = 8
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = sans(11)
		ax.Label.TextStyle.Color = muted
		ax.Tick.Label.Font = sans(10)
		ax.Tick.Label.Color = ink
		ax.Color, ax.Tick.Color = muted, muted
	}
	p.X.Label.Text = axisLabel(first, last, c)
	p.Y.Label.Text = "articles per day"
	if bucket == 7 {
		p.Y.Label.Text = "articles per week"
	}
	p.X.Tick.Marker = dayTicks{}
	p.Y.Tick.Marker = countTicks{}
	grid := plotter.NewGrid()
	grid.Vertical.Color = color.Transparent
	grid.Horizontal.Color = color.RGBA{0xE6, 0xE8, 0xEB, 0xFF}
	p.Add(grid)

	// The marks of meetings go in rows under the axis.
	row := top * 0.09
	marks := []struct {
		label string
		count func(briefing.MeetingDay) int
		glyph draw.GlyphStyle
	}{
		{"meeting held", func(m briefing.MeetingDay) int { return m.Held }, draw.GlyphStyle{Color: heldC, Radius: 4, Shape: draw.CircleGlyph{}}},
		{"meeting planned", func(m briefing.MeetingDay) int { return m.Planned }, draw.GlyphStyle{Color: planC, Radius: 4, Shape: draw.RingGlyph{}}},
		{"meeting canceled", func(m briefing.MeetingDay) int { return m.Canceled }, draw.GlyphStyle{Color: cancelC, Radius: 4, Shape: draw.CrossGlyph{}}},
	}
	p.Add(bars)
	p.Legend.Add(p.Y.Label.Text, bars)
	rows := 0
	for _, m := range marks {
		var xys plotter.XYs
		for _, d := range c.Meetings {
			if m.count(d) > 0 {
				xys = append(xys, plotter.XY{X: float64(dayNumber(d.Date)) + 0.5, Y: -row * float64(rows+1)})
			}
		}
		if len(xys) == 0 {
			continue
		}
		rows++
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return Image{}, fmt.Errorf("meeting marks: %w", err)
		}
		sc.GlyphStyle = m.glyph
		sc.GlyphStyle.Radius = 5
		p.Add(sc)
		p.Legend.Add(m.label, sc)
	}
	p.Legend.TextStyle.Font = sans(10)
	p.Legend.TextStyle.Color = ink
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.ThumbnailWidth = 14

	p.X.Min = float64(dayNumber(first) - 1)
	p.X.Max = float64(dayNumber(last) + 2)
	p.Y.Min = -row * (float64(rows) + 0.7)
	p.Y.Max = top * 1.25 // room for the legend above the bars
	return encode(chartWidth, chartHeight, func(cv *vgimg.Canvas) {
		p.Draw(draw.Crop(draw.New(cv), 14, -22, 10, -14))
	})
}

// axisLabel names the time axis: the month or the years it covers, and
// what could not be placed on it.
func axisLabel(first, last briefing.Date, c briefing.Chart) string {
	var s string
	switch {
	case first.Year == last.Year && first.Month == last.Month:
		s = first.Time().Format("January 2006")
	case first.Year == last.Year:
		s = first.Time().Format("January") + " – " + last.Time().Format("January 2006")
	default:
		s = first.Time().Format("January 2006") + " – " + last.Time().Format("January 2006")
	}
	if c.UndatedArticles > 0 {
		s += fmt.Sprintf(" · %s without a date not shown", briefing.Plural(c.UndatedArticles, "article", "articles"))
	}
	return s
}

// dayNumber counts days since 1 January 1970.
func dayNumber(d briefing.Date) int {
	return int(d.Time().Unix() / 86400)
}

// dateOf is the date of a day number.
func dateOf(n int) briefing.Date {
	return briefing.Date{Year: 1970, Month: 1, Day: 1}.AddDays(n)
}

// dayBars are the bars of articles per day (or week).
type dayBars struct {
	counts []dayBar
	width  int // days a bar covers
}

type dayBar struct {
	day int // the first day of the bar
	n   int
}

// barsOf adds up the days into bars of bucket days (weeks start on
// Mondays).
func barsOf(days []briefing.DayCount, bucket int) *dayBars {
	b := &dayBars{width: bucket}
	for _, d := range days {
		day := dayNumber(d.Date)
		if bucket == 7 {
			day -= (int(d.Date.Weekday()) + 6) % 7
		}
		if n := len(b.counts); n > 0 && b.counts[n-1].day == day {
			b.counts[n-1].n += d.Articles
			continue
		}
		b.counts = append(b.counts, dayBar{day: day, n: d.Articles})
	}
	return b
}

// Plot implements plot.Plotter: one bar per day, from the axis up.
func (b *dayBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	gap := 0.12 * float64(b.width)
	for _, bar := range b.counts {
		x0, x1 := trX(float64(bar.day)+gap), trX(float64(bar.day+b.width)-gap)
		if x1-x0 < 1 {
			x1 = x0 + 1 // a bar stays visible however many days there are
		}
		y0, y1 := trY(0), trY(float64(bar.n))
		c.FillPolygon(barC, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
	}
	c.StrokeLine2(draw.LineStyle{Color: muted, Width: 1}, c.Min.X, trY(0), c.Max.X, trY(0))
}

// DataRange implements plot.DataRanger.
func (b *dayBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	if len(b.counts) == 0 {
		return 0, 1, 0, 1
	}
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, bar := range b.counts {
		xmin, xmax = min(xmin, float64(bar.day)), max(xmax, float64(bar.day+b.width))
		ymax = max(ymax, float64(bar.n))
	}
	return xmin, xmax, 0, ymax
}

// Thumbnail implements plot.Thumbnailer for the legend.
func (b *dayBars) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(barC, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}})
}

// dayTicks marks the time axis on whole days, weeks, months or years,
// whichever gives at most maxTicks labels.
type dayTicks struct{}

const maxTicks = 8

// Ticks implements plot.Ticker.
func (dayTicks) Ticks(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo)), int(math.Floor(hi))
	span := last - first
	var ticks []plot.Tick
	add := func(n int, format string) {
		ticks = append(ticks, plot.Tick{Value: float64(n) + 0.5, Label: dateOf(n).Time().Format(format)})
	}
	switch {
	case span <= maxTicks:
		for n := first; n <= last; n++ {
			add(n, "2 Jan")
		}
	case span <= 7*maxTicks:
		step := 7 * ((span + 7*maxTicks - 1) / (7 * maxTicks))
		for n := first; n <= last; n++ {
			if d := dateOf(n); d.Weekday() == 1 && (n-first)%step < 7 {
				add(n, "2 Jan")
			}
		}
	default:
		months := span/30/maxTicks + 1
		switch {
		case months > 6:
			months = 12 * (months/12 + 1) // whole years
		case months > 3:
			months = 6
		}
		for n := first; n <= last; n++ {
			if d := dateOf(n); d.Day == 1 && (d.Year*12+int(d.Month)-1)%months == 0 {
				format := "Jan"
				if d.Month == 1 || len(ticks) == 0 {
					format = "Jan 2006"
				}
				add(n, format)
			}
		}
	}
	return ticks
}

// countTicks marks whole counts from zero up; nothing below zero, where
// the meetings are marked.
type countTicks struct{}

// Ticks implements plot.Ticker.
func (countTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(0, hi) {
		if t.Value >= 0 && t.Value == math.Trunc(t.Value) && t.Value <= hi {
			out = append(out, t)
		}
	}
	return out
}
