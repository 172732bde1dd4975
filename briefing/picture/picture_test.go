package picture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot/vg/vgimg"

	"briefbot/briefing"
)

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	})
	return r
}

// checkImage decodes a picture and checks it against the limits and its
// own stated size.
func checkImage(t *testing.T, img Image) {
	t.Helper()
	got, err := png.Decode(bytes.NewReader(img.PNG))
	if err != nil {
		t.Fatalf("the picture does not decode: %v", err)
	}
	b := got.Bounds()
	if b.Dx() != img.Width || b.Dy() != img.Height {
		t.Errorf("decoded %d×%d, stated %d×%d", b.Dx(), b.Dy(), img.Width, img.Height)
	}
	if b.Dx() > MaxWidth || b.Dy() > MaxHeight || len(img.PNG) > MaxBytes {
		t.Errorf("%d×%d pixels, %d bytes: over the limits", b.Dx(), b.Dy(), len(img.PNG))
	}
	if b.Dx() < 400 || b.Dy() < 200 {
		t.Errorf("%d×%d pixels: too small to read", b.Dx(), b.Dy())
	}
}

// seedNetwork is David Barnea's network in the sample corpus.
func seedNetwork() briefing.GraphAnswer {
	p := func(id int64, name, role string, depth int) briefing.NetworkNode {
		return briefing.NetworkNode{PersonRef: briefing.PersonRef{ID: id, Name: name, Role: role}, Depth: depth}
	}
	n := briefing.Network{Depth: 1,
		Nodes: []briefing.NetworkNode{p(1, "David Barnea", "Mossad chief", 0), p(2, "William Burns", "CIA director", 1),
			p(3, "Mohammed bin Abdulrahman Al-Thani", "Qatari Prime Minister", 1), p(4, "Abbas Kamel", "Egypt's intelligence head", 1)},
		Links: []briefing.MeetingLink{{A: 1, B: 2, Held: 1, Planned: 1}, {A: 1, B: 3, Held: 1, Planned: 1}, {A: 2, B: 3, Held: 1, Planned: 1},
			{A: 1, B: 4, Planned: 1}, {A: 2, B: 4, Planned: 1}, {A: 3, B: 4, Canceled: 1}},
	}
	n.Center = n.Nodes[0].PersonRef
	return briefing.GraphAnswer{Command: briefing.CmdGraph, Network: n, Meetings: 2}
}

// bigNetwork is as large as a drawn network gets, with long names.
func bigNetwork() briefing.GraphAnswer {
	var n briefing.Network
	n.Depth = 2
	for i := range briefing.MaxNetworkPeople {
		depth := min(i, 1)
		if i > 12 {
			depth = 2
		}
		n.Nodes = append(n.Nodes, briefing.NetworkNode{Depth: depth, PersonRef: briefing.PersonRef{ID: int64(i + 1),
			Name: fmt.Sprintf("Abdulrahman bin Mohammed Al-Longname %d", i), Role: "Deputy Minister of Foreign Affairs and Expatriates"}})
	}
	n.Center = n.Nodes[0].PersonRef
	// Each person linked to one nearer the center, then other links up
	// to the most drawn.
	for i := 2; i <= briefing.MaxNetworkPeople; i++ {
		from := int64(1)
		if i > 13 {
			from = int64(i - 11)
		}
		n.Links = append(n.Links, briefing.MeetingLink{A: from, B: int64(i), Held: i % 4, Planned: 1})
	}
	for i := 2; i <= briefing.MaxNetworkPeople && len(n.Links) < briefing.MaxNetworkLinks; i++ {
		for j := i + 1; j <= briefing.MaxNetworkPeople && j < i+4 && len(n.Links) < briefing.MaxNetworkLinks; j++ {
			n.Links = append(n.Links, briefing.MeetingLink{A: int64(i), B: int64(j), Canceled: 1})
		}
	}
	return briefing.GraphAnswer{Network: n, Meetings: 99}
}

func TestNetworkLayout(t *testing.T) {
	r := newRenderer(t)
	for name, a := range map[string]briefing.GraphAnswer{"seeds": seedNetwork(), "largest": bigNetwork()} {
		t.Run(name, func(t *testing.T) {
			l, err := r.layoutNetwork(context.Background(), a.Network)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.boxes) != len(a.Network.Nodes) {
				t.Fatalf("%d boxes for %d people", len(l.boxes), len(a.Network.Nodes))
			}
			for i, b := range l.boxes {
				if b.node.ID != a.Network.Nodes[i].ID || l.index[b.node.ID] != i {
					t.Errorf("box %d is person %d", i, b.node.ID)
				}
				if b.x-b.w/2 < -0.01 || b.y-b.h/2 < -0.01 || b.x+b.w/2 > l.width+0.01 || b.y+b.h/2 > l.height+0.01 {
					t.Errorf("box of %s sticks out of the layout", b.node.Name)
				}
				for _, o := range l.boxes[i+1:] {
					if abs(b.x-o.x) < (b.w+o.w)/2 && abs(b.y-o.y) < (b.h+o.h)/2 {
						t.Errorf("boxes of %s and %s overlap", b.node.Name, o.node.Name)
					}
				}
			}
		})
	}
}

func abs[T ~float64](v T) T { return max(v, -v) }

func TestNetworkImage(t *testing.T) {
	r := newRenderer(t)
	for name, a := range map[string]briefing.GraphAnswer{"seeds": seedNetwork(), "largest": bigNetwork()} {
		t.Run(name, func(t *testing.T) {
			img, err := r.Network(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			checkImage(t, img)
		})
	}
	if _, err := r.Network(context.Background(), briefing.GraphAnswer{Network: briefing.Network{Nodes: seedNetwork().Network.Nodes[:1]}}); !errors.Is(err, ErrNothingToDraw) {
		t.Errorf("a network without links: %v, want ErrNothingToDraw", err)
	}
}

// Names from any corpus are drawn as text: scripts the font lacks,
// control characters, invalid bytes and markdown do not break a picture.
func TestNetworkOddNames(t *testing.T) {
	r := newRenderer(t)
	a := seedNetwork()
	for i, name := range []string{"محمد بن عبد الرحمن آل ثاني " + strings.Repeat("long ", 60), "习近平\x00\x07", "\xff\xfe broken", "@everyone **bold** <@123>"} {
		a.Network.Nodes[i].Name = name
		a.Network.Nodes[i].Role = strings.Repeat("role ", 40)
	}
	a.Network.Center = a.Network.Nodes[0].PersonRef
	img, err := r.Network(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkImage(t, img)
	c := briefing.Chart{Subject: strings.Repeat("a very long topic ", 12), Days: []briefing.DayCount{{Date: date("2024-03-21"), Articles: 1}}}
	if img, err = r.Chart(briefing.ChartAnswer{Chart: c}); err != nil {
		t.Fatal(err)
	}
	checkImage(t, img)
}

// One renderer serves concurrent answers.
func TestNetworkConcurrent(t *testing.T) {
	r := newRenderer(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			if _, err := r.Network(context.Background(), seedNetwork()); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func date(s string) briefing.Date {
	d, err := briefing.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestChartImage(t *testing.T) {
	r := newRenderer(t)
	year := briefing.Chart{Subject: "ceasefire"}
	for i := range 400 {
		d := date("2024-01-01").AddDays(i)
		year.Days = append(year.Days, briefing.DayCount{Date: d, Articles: 1 + i%17})
		if i%9 == 0 {
			year.Meetings = append(year.Meetings, briefing.MeetingDay{Date: d, Held: 1, Planned: i % 2, Canceled: i % 3 / 2})
		}
	}
	charts := map[string]briefing.Chart{
		"seeds": {Days: []briefing.DayCount{{Date: date("2024-03-21"), Articles: 2}},
			Meetings: []briefing.MeetingDay{{Date: date("2024-03-22"), Planned: 1}}, UndatedArticles: 3, UndatedMeetings: 5},
		"meetings only": {Meetings: []briefing.MeetingDay{{Date: date("2024-03-22"), Held: 1}}},
		"a month":       {Days: []briefing.DayCount{{Date: date("2024-03-01"), Articles: 5}, {Date: date("2024-03-31"), Articles: 1}}},
		"over a year":   year,
	}
	for name, c := range charts {
		t.Run(name, func(t *testing.T) {
			img, err := r.Chart(briefing.ChartAnswer{Chart: c})
			if err != nil {
				t.Fatal(err)
			}
			checkImage(t, img)
		})
	}
	if _, err := r.Chart(briefing.ChartAnswer{}); !errors.Is(err, ErrNothingToDraw) {
		t.Errorf("an empty chart: %v, want ErrNothingToDraw", err)
	}
}

func TestBarsOf(t *testing.T) {
	days := []briefing.DayCount{{Date: date("2024-03-18"), Articles: 1}, {Date: date("2024-03-20"), Articles: 2}, {Date: date("2024-03-25"), Articles: 4}}
	if got := barsOf(days, 1).counts; len(got) != 3 || got[1].n != 2 {
		t.Errorf("daily bars %v", got)
	}
	// 18 and 20 March 2024 are in the week of Monday 18 March.
	weekly := barsOf(days, 7).counts
	if len(weekly) != 2 || weekly[0].n != 3 || weekly[0].day != dayNumber(date("2024-03-18")) || weekly[1].n != 4 {
		t.Errorf("weekly bars %v", weekly)
	}
}

func TestDayTicks(t *testing.T) {
	for _, span := range []int{1, 5, 20, 60, 400, 2000} {
		lo := float64(dayNumber(date("2024-03-01")))
		ticks := dayTicks{}.Ticks(lo, lo+float64(span))
		if len(ticks) == 0 || len(ticks) > maxTicks+1 {
			t.Errorf("span %d days: %d ticks", span, len(ticks))
		}
		for i := 1; i < len(ticks); i++ {
			if ticks[i].Value <= ticks[i-1].Value {
				t.Errorf("span %d days: ticks out of order", span)
			}
		}
	}
}

func TestPoint(t *testing.T) {
	for _, tt := range []struct {
		in   string
		x, y float64
		ok   bool
	}{{"12.5,40", 12.5, 40, true}, {"1,2!", 1, 2, true}, {"", 0, 0, false}, {"1", 0, 0, false}, {"a,b", 0, 0, false}} {
		x, y, err := point(tt.in)
		if (err == nil) != tt.ok || tt.ok && (x.Points() != tt.x || y.Points() != tt.y) {
			t.Errorf("point(%q) = %v, %v, %v", tt.in, x, y, err)
		}
	}
}

func BenchmarkNetwork(b *testing.B) {
	r := newRenderer(b)
	for name, a := range map[string]briefing.GraphAnswer{"seeds": seedNetwork(), "largest": bigNetwork()} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Network(context.Background(), a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkChartYear(b *testing.B) {
	r := newRenderer(b)
	var c briefing.Chart
	for i := range 365 {
		d := date("2024-01-01").AddDays(i)
		c.Days = append(c.Days, briefing.DayCount{Date: d, Articles: 1 + i%40})
		c.Meetings = append(c.Meetings, briefing.MeetingDay{Date: d, Held: i % 2, Planned: 1})
	}
	for b.Loop() {
		if _, err := r.Chart(briefing.ChartAnswer{Chart: c}); err != nil {
			b.Fatal(err)
		}
	}
}

// wideNetwork is larger than any network the query layer builds, so
// that its layout is too wide to read at MaxWidth.
func wideNetwork() briefing.GraphAnswer {
	var n briefing.Network
	n.Depth = 2
	add := func(id int64, depth int) {
		n.Nodes = append(n.Nodes, briefing.NetworkNode{Depth: depth, PersonRef: briefing.PersonRef{ID: id,
			Name: fmt.Sprintf("Person With A Long Name %d", id), Role: "Special Envoy for the Middle East Peace Process"}})
	}
	add(1, 0)
	for i := int64(2); i <= 21; i++ {
		add(i, 1)
		n.Links = append(n.Links, briefing.MeetingLink{A: 1, B: i, Held: 2})
	}
	for i := int64(22); i <= 80; i++ {
		add(i, 2)
		n.Links = append(n.Links, briefing.MeetingLink{A: 2 + (i-22)%20, B: i, Planned: 1})
	}
	n.Center = n.Nodes[0].PersonRef
	return briefing.GraphAnswer{Network: n, Meetings: 10}
}

// A network too wide to read is drawn with fewer people, the rest
// counted as not drawn.
func TestNetworkTooWideDrawsFewer(t *testing.T) {
	r := newRenderer(t)
	a := wideNetwork()
	l, err := r.layoutNetwork(context.Background(), a.Network)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := encode(l.width, l.height, func(*vgimg.Canvas) {}); !errors.Is(err, errTooLarge) {
		t.Fatalf("the whole network (%.0f×%.0f points) fits: %v", l.width.Points(), l.height.Points(), err)
	}
	img, err := r.Network(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkImage(t, img)

	fewer := fewerPeople(a.Network, 10)
	if len(fewer.Nodes) != 10 || fewer.HiddenPeople != len(a.Network.Nodes)-10 || fewer.HiddenLinks != len(a.Network.Links)-len(fewer.Links) {
		t.Errorf("fewerPeople(10): %d people, %d hidden, %d links, %d hidden", len(fewer.Nodes), fewer.HiddenPeople, len(fewer.Links), fewer.HiddenLinks)
	}
	for _, l := range fewer.Links {
		if l.A > 10 || l.B > 10 {
			t.Errorf("link %d–%d to someone left out", l.A, l.B)
		}
	}
}
