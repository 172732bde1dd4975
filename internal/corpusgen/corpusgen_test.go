package corpusgen

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

func testConfig() Config { return Config{Seed: 20240321, Articles: 2000} }

func TestDeterminism(t *testing.T) {
	a := New(testConfig())
	b := New(testConfig())
	// b generates in reverse order, after others.
	var want [][]byte
	for i := 0; i < 200; i++ {
		want = append(want, a.Article(i).Data)
	}
	for i := 199; i >= 0; i-- {
		got := b.Article(i)
		if !bytes.Equal(got.Data, want[i]) {
			t.Fatalf("article %d differs between generators or orders", i)
		}
	}
	// Same generator, repeated and concurrent calls.
	var wg sync.WaitGroup
	errs := make(chan int, 200)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < 200; i += 4 {
				if !bytes.Equal(a.Article(i).Data, want[i]) {
					errs <- i
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for i := range errs {
		t.Fatalf("article %d differs under concurrent generation", i)
	}
	// A different seed gives a different corpus.
	c := New(Config{Seed: 1, Articles: 2000})
	if bytes.Equal(c.Article(5).Data, want[5]) {
		t.Fatal("different seeds gave the same article")
	}
}

func TestTables(t *testing.T) {
	given, surnames := map[string]bool{}, map[string]bool{}
	for c := culture(0); c < numCultures; c++ {
		for _, n := range splitNames(nameTables[c].male + " " + nameTables[c].female) {
			given[n] = true
		}
		for _, n := range splitNames(nameTables[c].surnames) {
			surnames[n] = true
		}
	}
	if len(given) < 600 || len(surnames) < 800 {
		t.Errorf("name tables: %d given names, %d surnames; want >= 600 and >= 800", len(given), len(surnames))
	}
	if len(outletNames) < 40 {
		t.Errorf("%d outlets, want >= 40", len(outletNames))
	}
	tp := compileTemplates() // panics on a malformed template
	sentences := len(tp.genericPlain) + len(tp.genericPeople)
	for d := desk(0); d < numDesks; d++ {
		sentences += len(tp.lede[d]) + len(tp.plain[d]) + len(tp.people[d]) + len(tp.outlook[d])
	}
	if sentences < 60 {
		t.Errorf("%d background templates, want >= 60", sentences)
	}
	t.Logf("%d given names, %d surnames, %d background templates, %d templates in all",
		len(given), len(surnames), sentences, tp.count)
}

func TestPool(t *testing.T) {
	g := New(testConfig())
	seen := map[string]bool{}
	var jr, mohammed int
	for _, p := range g.people {
		if seen[p.canon] {
			t.Errorf("duplicate canonical name %q", p.canon)
		}
		seen[p.canon] = true
		if p.desc == "" || p.pre == "" || p.noun == "" {
			t.Errorf("%q has an incomplete role", p.canon)
		}
		if strings.Contains(p.desc, "{") || strings.Contains(p.pre, "{") {
			t.Errorf("unfilled role %q / %q", p.pre, p.desc)
		}
		if strings.HasSuffix(p.canon, " Jr.") {
			jr++
		}
		if strings.HasPrefix(p.canon, "Mohammed ") {
			mohammed++
		}
	}
	if jr < 2 || mohammed < 2 {
		t.Errorf("confusables: %d Jr., %d Mohammeds", jr, mohammed)
	}
}

// closingOutlet returns the outlet of a closing "— Outlet" line.
func closingOutlet(data string) string {
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if o, ok := strings.CutPrefix(line, "— "); ok {
			return o
		}
	}
	return ""
}

func TestShape(t *testing.T) {
	const n = 2000
	cfg := testConfig()
	g := New(cfg)
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = g.Article(i)
	}
	start := cfg.Start
	if start.IsZero() {
		start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	end := start.AddDate(0, 0, 365)
	names := map[string]bool{}
	outlets := map[string]bool{}
	people := map[string]bool{}
	var dated, near, exact, noisy, blank, crlf, bom, quotes, meetings, figures, partial int
	noise := map[string]bool{"Advertisement": true, "Advertisment": true, "Share this article": true, "Comments": true}
	for i, a := range arts {
		data := string(a.Data)
		if names[a.Name] {
			t.Fatalf("duplicate name %s", a.Name)
		}
		names[a.Name] = true
		if !utf8.Valid(a.Data) {
			t.Errorf("%s: invalid UTF-8", a.Name)
		}
		if w := len(strings.Fields(data)); w < 200 || w > 800 {
			t.Errorf("%s: %d words", a.Name, w)
		}
		body := strings.TrimPrefix(data, "\uFEFF")
		if len(body) != len(data) {
			bom++
		}
		if strings.Contains(data, "\r\n") {
			crlf++
		}
		if strings.Contains(data, "\n\n") || strings.Contains(data, "\r\n\r\n") {
			blank++
		}
		if a.Truth.Published != "" {
			dated++
			if !strings.HasPrefix(body, " date "+a.Truth.Published+" ") {
				t.Errorf("%s: date line does not match %s", a.Name, a.Truth.Published)
			}
			d, err := time.Parse(time.DateOnly, a.Truth.Published)
			if err != nil || d.Before(start) || !d.Before(end) {
				t.Errorf("%s: date %s outside the window", a.Name, a.Truth.Published)
			}
		} else if strings.Contains(data, " date ") {
			t.Errorf("%s: undated article has a date line", a.Name)
		}
		if o := closingOutlet(data); o != "" {
			outlets[o] = true
			if o != a.Outlet {
				t.Errorf("%s: closing line %q, outlet %q", a.Name, o, a.Outlet)
			}
		}
		for _, line := range strings.Split(data, "\n") {
			line = strings.TrimRight(line, "\r")
			if noise[line] || strings.HasPrefix(line, "Read more: ") {
				noisy++
				break
			}
		}
		for _, p := range a.Truth.People {
			people[p.Canonical] = true
			if p.Role == "" || len(p.Surface) == 0 {
				t.Errorf("%s: %+v lacks role or surface", a.Name, p)
			}
			for _, s := range p.Surface {
				if !strings.Contains(data, s) {
					t.Errorf("%s: surface %q of %s not in text", a.Name, s, p.Canonical)
				}
			}
		}
		if len(a.Truth.Quotes) > 8 || len(a.Truth.Meetings) > 3 || len(a.Truth.Figures) > 3 {
			t.Errorf("%s: %d quotes, %d meetings, %d figures", a.Name, len(a.Truth.Quotes), len(a.Truth.Meetings), len(a.Truth.Figures))
		}
		for _, q := range a.Truth.Quotes {
			if !strings.Contains(data, "“"+q.Text+"”") && !strings.Contains(data, `"`+q.Text+`"`) {
				t.Errorf("%s: quote %q not in text between marks", a.Name, q.Text)
			}
			if !mentioned(a.Truth, q.Speaker) {
				t.Errorf("%s: speaker %s not among people", a.Name, q.Speaker)
			}
			if q.Partial {
				partial++
			}
		}
		for _, m := range a.Truth.Meetings {
			if len(m.Participants) < 2 {
				t.Errorf("%s: meeting %+v has fewer than two participants", a.Name, m)
			}
			for _, p := range m.Participants {
				if !mentioned(a.Truth, p) {
					t.Errorf("%s: participant %s not among people", a.Name, p)
				}
			}
			if !strings.Contains(data, m.Place) || !strings.Contains(data, m.When) {
				t.Errorf("%s: meeting place or time not in text: %+v", a.Name, m)
			}
			switch m.Status {
			case "held", "planned", "canceled":
			default:
				t.Errorf("%s: bad status %q", a.Name, m.Status)
			}
			if m.Date != "" && a.Truth.Published == "" {
				t.Errorf("%s: meeting date in an undated article", a.Name)
			}
		}
		for _, f := range a.Truth.Figures {
			if !strings.Contains(data, f) {
				t.Errorf("%s: figure %q not in text", a.Name, f)
			}
		}
		quotes += len(a.Truth.Quotes)
		meetings += len(a.Truth.Meetings)
		figures += len(a.Truth.Figures)
		if a.RepeatOf != "" {
			j, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(a.RepeatOf, "gen-"), ".txt"))
			if j >= i {
				t.Errorf("%s repeats a later article %s", a.Name, a.RepeatOf)
			}
			if a.Exact {
				exact++
				if !bytes.Equal(a.Data, arts[j].Data) {
					t.Errorf("%s: exact repeat differs from %s", a.Name, a.RepeatOf)
				}
			} else {
				near++
				if a.Outlet == arts[j].Outlet {
					t.Errorf("%s: near-duplicate from the same outlet as %s", a.Name, a.RepeatOf)
				}
				if a.Story != arts[j].Story {
					t.Errorf("%s: near-duplicate of another story", a.Name)
				}
			}
		}
		if t.Failed() {
			t.Fatalf("stopping at %s:\n%s", a.Name, data)
		}
	}
	frac := func(k int) float64 { return float64(k) / n }
	t.Logf("dated %.3f near %.3f exact %.3f noisy %.3f blank %.3f crlf %.3f bom %.3f; %d outlets, %d people; per article %.2f quotes (%d partial), %.2f meetings, %.2f figures",
		frac(dated), frac(near), frac(exact), frac(noisy), frac(blank), frac(crlf), frac(bom),
		len(outlets), len(people), frac(quotes), partial, frac(meetings), frac(figures))
	check := func(what string, v, lo, hi float64) {
		if v < lo || v > hi {
			t.Errorf("%s share %.3f outside [%.2f, %.2f]", what, v, lo, hi)
		}
	}
	check("dated", frac(dated), 0.70, 0.80)
	check("near-duplicate", frac(near+exact), 0.10, 0.20)
	check("exact", frac(exact), 0.002, 0.025)
	check("noisy", frac(noisy), 0.22, 0.38)
	check("blank-line", frac(blank), 0.42, 0.58)
	check("crlf", frac(crlf), 0.01, 0.06)
	if len(outlets) < 40 {
		t.Errorf("%d outlets used, want >= 40", len(outlets))
	}
	if len(people) < 500 {
		t.Errorf("%d distinct people, want >= 500", len(people))
	}
}

func mentioned(tr Truth, canon string) bool {
	for _, p := range tr.People {
		if p.Canonical == canon {
			return true
		}
	}
	return false
}

// TestNearDuplicates measures near-duplication from the text alone, with
// MinHash over word 5-grams, and checks it against the declared repeats.
func TestNearDuplicates(t *testing.T) {
	const n = 2000
	const k = 64
	g := New(testConfig())
	sigs := make([][k]uint64, n)
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = g.Article(i)
		w := strings.Fields(string(arts[i].Data))
		for j := range sigs[i] {
			sigs[i][j] = ^uint64(0)
		}
		for s := 0; s+5 <= len(w); s++ {
			h := uint64(14695981039346656037)
			for _, x := range w[s : s+5] {
				for b := 0; b < len(x); b++ {
					h = (h ^ uint64(x[b])) * 1099511628211
				}
				h = (h ^ ' ') * 1099511628211
			}
			for j := range sigs[i] {
				if v := mix64(h ^ uint64(j)*0x9E3779B97F4A7C15); v < sigs[i][j] {
					sigs[i][j] = v
				}
			}
		}
	}
	sim := func(a, b int) float64 {
		same := 0
		for j := 0; j < k; j++ {
			if sigs[a][j] == sigs[b][j] {
				same++
			}
		}
		return float64(same) / k
	}
	found, weak := 0, 0
	for i := 1; i < n; i++ {
		best := 0.0
		for j := 0; j < i; j++ {
			best = max(best, sim(i, j))
		}
		if best >= 0.5 {
			found++
		}
		if a := arts[i]; a.RepeatOf != "" && !a.Exact {
			src, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(a.RepeatOf, "gen-"), ".txt"))
			if s := sim(i, src); s < 0.4 {
				weak++
				t.Logf("%s vs %s: similarity %.2f", a.Name, a.RepeatOf, s)
			}
		}
	}
	share := float64(found) / n
	t.Logf("near-duplicates found by MinHash: %.3f (%d weak declared repeats)", share, weak)
	if share < 0.10 || share > 0.20 {
		t.Errorf("measured near-duplicate share %.3f outside [0.10, 0.20]", share)
	}
	if weak > 5 {
		t.Errorf("%d declared near-duplicates are not similar to their source", weak)
	}
}

// TestDump writes sample articles to a directory when CORPUSGEN_DUMP is set.
func TestDump(t *testing.T) {
	dir := os.Getenv("CORPUSGEN_DUMP")
	if dir == "" {
		t.Skip("set CORPUSGEN_DUMP=dir to write samples")
	}
	g := New(testConfig())
	for i := 0; i < 50; i++ {
		a := g.Article(i)
		if err := os.WriteFile(dir+"/"+a.Name, a.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	g := New(Config{Seed: 1, Articles: 100000})
	b.ReportAllocs()
	b.ResetTimer()
	bytesOut := 0
	for i := 0; b.Loop(); i++ {
		bytesOut += len(g.Article(i).Data)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(int64(bytesOut / max(b.N, 1)))
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New(Config{Seed: 1, Articles: 100000})
	}
}

func TestLargePool(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	g := New(Config{Seed: 3, People: 60000, Stories: 10})
	seen := make(map[string]bool, len(g.people))
	for _, p := range g.people {
		if seen[p.canon] {
			t.Fatalf("duplicate canonical name %q in a pool of %d", p.canon, len(g.people))
		}
		seen[p.canon] = true
	}
}

// TestEach: every article of the range once, the same as Article; stop
// ends the work.
func TestEach(t *testing.T) {
	g := New(Config{Seed: 5, Articles: 100})
	got := make([]string, 30)
	g.Each(10, 40, func() bool { return false }, func(i int, a Article) { got[i-10] = a.Name })
	for i, name := range got {
		if want := g.Article(10 + i).Name; name != want {
			t.Errorf("article %d: %q, want %q", 10+i, name, want)
		}
	}
	var calls atomic.Int64
	g.Each(0, 1000, func() bool { return calls.Load() >= 5 }, func(int, Article) { calls.Add(1) })
	if n := calls.Load(); n < 5 || n > 5+int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d articles made after stop, want about 5", n)
	}
}
