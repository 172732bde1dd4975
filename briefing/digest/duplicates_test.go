package digest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing/fold"
	"briefbot/corpus"
	"briefbot/internal/corpusgen"
)

// dateLine is the seed format's first line, " date 2024-03-22 ".
var dateLine = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

// paragraphs reads an article as its paragraphs, the date line dropped:
// stand-ins for its sentences (shingles only look at the words).
func paragraphs(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, p := range strings.Split(dateLine.ReplaceAllString(string(data), ""), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func dayTwoArticle(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "day2", name))
	if err != nil {
		t.Fatal(err)
	}
	return paragraphs(t, data)
}

func seedArticle(t *testing.T, name string) []string {
	t.Helper()
	data, err := fs.ReadFile(corpus.Seeds(), name)
	if err != nil {
		t.Fatal(err)
	}
	return paragraphs(t, data)
}

const (
	veto       = "007_unsc_veto.txt"
	vetoCopy   = "009_unsc_veto_second_outlet.txt"
	telAviv    = "008_blinken_netanyahu_tel_aviv.txt"
	dohaHeld   = "006_doha_talks_held.txt"
	reprint    = "005_doha_talks_preview_reprint.txt"
	seedBlinke = "003_17d541fd9fb80723.txt"
)

// trueOverlap is the share of the shorter text's word 5-grams (all of
// them, unsampled) found in the longer: what the sampled shingles
// estimate.
func trueOverlap(a, b []string) float64 {
	grams := func(ps []string) map[string]bool {
		words := strings.Fields(fold.Key(strings.Join(ps, " ")))
		m := map[string]bool{}
		for i := 0; i+shingleSize <= len(words); i++ {
			m[strings.Join(words[i:i+shingleSize], " ")] = true
		}
		return m
	}
	ga, gb := grams(a), grams(b)
	if len(ga) > len(gb) {
		ga, gb = gb, ga
	}
	if len(ga) == 0 {
		return 0
	}
	n := 0
	for g := range ga {
		if gb[g] {
			n++
		}
	}
	return float64(n) / float64(len(ga))
}

// edit replaces every step-th word of an article (from the first) with a
// word of its own, count times.
func edit(ps []string, step, count int) []string {
	words := strings.Fields(strings.Join(ps, " "))
	for i, n := step/2, 0; i < len(words) && n < count; i, n = i+step, n+1 {
		words[i] = "zzedit" + string(rune('a'+n%26))
	}
	return []string{strings.Join(words, " ")}
}

func dupsOf(arts ...[]string) []int {
	sets := make([][]uint64, len(arts))
	for i, a := range arts {
		sets[i] = shingles(a)
	}
	return nearDuplicates(sets)
}

func TestNearDuplicatesIdentical(t *testing.T) {
	a := dayTwoArticle(t, veto)
	if got := dupsOf(a, a); !slices.Equal(got, []int{-1, 0}) {
		t.Errorf("two copies: %v, want [-1 0] (the earlier kept)", got)
	}
	// Three copies among others: all folded into the first.
	b := dayTwoArticle(t, telAviv)
	if got := dupsOf(a, b, a, a); !slices.Equal(got, []int{-1, -1, 0, 0}) {
		t.Errorf("three copies and another: %v, want [-1 -1 0 0]", got)
	}
	// Copies with other spacing and case are still copies.
	loud := []string{strings.ToUpper(strings.Join(a, "\n\n  "))}
	if got := dupsOf(a, loud); !slices.Equal(got, []int{-1, 0}) {
		t.Errorf("a copy in capitals: %v, want [-1 0]", got)
	}
}

func TestNearDuplicatesManyCopies(t *testing.T) {
	// A wire story republished by many outlets: every copy is folded into
	// one, however many there are (more than commonShingle here).
	a := dayTwoArticle(t, veto)
	arts := [][]string{dayTwoArticle(t, telAviv)}
	for range commonShingle + 6 {
		arts = append(arts, a)
	}
	got := dupsOf(arts...)
	kept := 0
	for i, of := range got {
		if of < 0 {
			kept++
		} else if of != 1 {
			t.Errorf("copy %d folded into %d, want 1", i, of)
		}
	}
	if kept != 2 {
		t.Errorf("%d copies of one article and another: %d kept, want 2 (%v)", commonShingle+6, kept, got)
	}
}

func TestNearDuplicatesLightlyEdited(t *testing.T) {
	a, b := dayTwoArticle(t, veto), dayTwoArticle(t, vetoCopy)
	if o := trueOverlap(a, b); o < duplicateOverlap {
		t.Fatalf("009 shares %.2f of its 5-grams with 007, want at least %.2f (see testdata/day2.md)", o, duplicateOverlap)
	}
	// 009 is the shorter: 007 is kept, whichever came first.
	if got := dupsOf(a, b); !slices.Equal(got, []int{-1, 0}) {
		t.Errorf("007, 009: %v, want [-1 0]", got)
	}
	if got := dupsOf(b, a); !slices.Equal(got, []int{1, -1}) {
		t.Errorf("009, 007: %v, want [1 -1] (the longer kept)", got)
	}

	// A few words changed throughout: still a copy.
	edited := edit(a, 60, 6)
	if o := trueOverlap(a, edited); o < 0.9 {
		t.Fatalf("lightly edited: overlap %.2f, want at least 0.9", o)
	}
	// (Either may be kept: they have as many words, and "longer" is
	// measured by sampled shingles.)
	if got := dupsOf(a, edited); !slices.Equal(got, []int{-1, 0}) && !slices.Equal(got, []int{1, -1}) {
		t.Errorf("6 words changed: %v, want one folded into the other", got)
	}
	// A word in every dozen changed: a rewrite, not a copy.
	rewritten := edit(a, 12, 40)
	if o := trueOverlap(a, rewritten); o > 0.7 {
		t.Fatalf("rewritten: overlap %.2f, want at most 0.7", o)
	}
	if got := dupsOf(a, rewritten); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("40 words changed: %v, want [-1 -1]", got)
	}
}

func TestNearDuplicatesDifferent(t *testing.T) {
	got := dupsOf(dayTwoArticle(t, veto), dayTwoArticle(t, telAviv), dayTwoArticle(t, dohaHeld))
	if !slices.Equal(got, []int{-1, -1, -1}) {
		t.Errorf("three articles: %v, want none a copy", got)
	}
	// 005 rewords the start of seed 003 (about 27% of its 5-grams):
	// related, not a copy.
	seed, re := seedArticle(t, seedBlinke), dayTwoArticle(t, reprint)
	if o := trueOverlap(seed, re); o > 0.5 {
		t.Fatalf("005 shares %.2f of its 5-grams with 003, want well under the threshold", o)
	}
	if got := dupsOf(seed, re); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("003, 005: %v, want [-1 -1]", got)
	}
}

func TestNearDuplicatesShortInsideLong(t *testing.T) {
	long := dayTwoArticle(t, veto)
	// Two paragraphs of a long article, alone: a copy of part of it, and
	// the long article is kept.
	excerpt := long[:2]
	if got := dupsOf(excerpt, long); !slices.Equal(got, []int{1, -1}) {
		t.Errorf("excerpt, article: %v, want [1 -1]", got)
	}
	// A short text too short to sample matches only an identical one.
	short := []string{"Russia and China vetoed"}
	if got := dupsOf(short, long); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("a few words of the article: %v, want [-1 -1]", got)
	}
	if got := dupsOf(short, []string{"RUSSIA and China  vetoed"}); !slices.Equal(got, []int{-1, 0}) {
		t.Errorf("the same few words twice: %v, want [-1 0]", got)
	}
	// A brief sharing one sentence with a long article and otherwise its
	// own is not a copy.
	other := dayTwoArticle(t, telAviv)
	brief := append([]string{long[0]}, other[:3]...)
	if got := dupsOf(brief, long); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("a brief quoting the article's first sentence: %v, want [-1 -1] (overlap %.2f)", got, trueOverlap(brief, long))
	}
}

func TestNearDuplicatesEmpty(t *testing.T) {
	if got := nearDuplicates(nil); len(got) != 0 {
		t.Errorf("no articles: %v", got)
	}
	if s := shingles(nil); len(s) != 0 {
		t.Errorf("shingles of nothing: %v", s)
	}
	if s := shingles([]string{"", "  "}); len(s) != 0 {
		t.Errorf("shingles of blank sentences: %v", s)
	}
	empty := []string{}
	if got := dupsOf(empty, empty); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("two empty articles: %v, want [-1 -1]", got)
	}
	if got := dupsOf(empty, dayTwoArticle(t, veto)); !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("an empty article and another: %v, want [-1 -1]", got)
	}
}

func TestShinglesSampledAndSorted(t *testing.T) {
	a := dayTwoArticle(t, veto)
	s := shingles(a)
	if !slices.IsSorted(s) || len(slices.Compact(slices.Clone(s))) != len(s) {
		t.Errorf("shingles not sorted without repeats")
	}
	words := len(strings.Fields(strings.Join(a, " ")))
	// About one in shingleSample of the 5-grams.
	if n := len(s); n < words/shingleSample/2 || n > words/shingleSample*2 {
		t.Errorf("%d shingles of %d words, want about %d", n, words, words/shingleSample)
	}
	if !slices.Equal(s, shingles(a)) {
		t.Error("shingles differ between calls")
	}
}

func TestNearDuplicatesLargeWindow(t *testing.T) {
	// The generator re-runs about 15% of its articles from another outlet
	// with light rephrasing. Those that are clear copies (90% of their
	// 5-grams shared) are found in a window of 1,000 articles as in one
	// of 100: phrases many articles share make no copy less of a copy.
	const n = 1000
	g := corpusgen.New(corpusgen.Config{Seed: 2024, Articles: n})
	arts := make([][]string, n)
	index := map[string]int{}
	repeatOf := make([]string, n)
	for i := range n {
		a := g.Article(i)
		arts[i], index[a.Name], repeatOf[i] = paragraphs(t, a.Data), i, a.RepeatOf
	}
	for _, size := range []int{100, n} {
		got := dupsOf(arts[:size]...)
		root := func(i int) int {
			if got[i] >= 0 {
				return got[i]
			}
			return i
		}
		copies, missed := 0, 0
		var examples []string
		for i := range size {
			orig, ok := index[repeatOf[i]]
			if !ok || orig >= size || trueOverlap(arts[i], arts[orig]) < 0.9 {
				continue
			}
			copies++
			if root(i) != root(orig) {
				missed++
				if len(examples) < 3 {
					examples = append(examples, fmt.Sprintf("%d copies %d (overlap %.2f)", i, orig, trueOverlap(arts[i], arts[orig])))
				}
			}
		}
		if copies == 0 {
			t.Fatalf("window of %d: no copies generated", size)
		}
		if missed > copies/20 {
			t.Errorf("window of %d articles: %d of %d clear copies not found as near-duplicates, e.g. %v", size, missed, copies, examples)
		}
	}
}
