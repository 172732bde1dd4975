package digest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/internal/corpusgen"
)

// foldCases are texts foldFast reads itself or leaves to fold.Key.
var foldCases = []string{
	"", " ", "“", "a“b", "’s", "x ’y", "Egypt’s “talks” — now… ok", "\xe2\x80", "\xe2\x80\x99",
	"\xe2", "A.B. C-D", "\t\nX  Y", "é", "a\u00a0b", "“Hello,” he said.", "'\"`", "ÀB", "Ségolène Royal",
	"O'Brien met Al-Thani in Doha.", "U.S. talks on 22 March — “a step”…", "İT", "Łukasz Øster", "a\u2028b",
}

// checkFold checks foldAppend against fold.Key and the measures of s.
func checkFold(t *testing.T, s string) {
	t.Helper()
	out, st := foldAppend([]byte("pre"), s)
	if got, want := string(out[3:]), fold.Key(s); got != want {
		t.Errorf("foldAppend(%q) = %q, fold.Key gives %q", s, got, want)
	}
	n, proper := fieldStats(s)
	if want := (textStats{fields: int32(n), proper: int32(proper), quoted: hasQuote(s)}); st != want {
		t.Errorf("foldAppend(%q) measures %+v, want %+v", s, st, want)
	}
	if n != len(strings.Fields(s)) {
		t.Errorf("fieldStats(%q) = %d words, strings.Fields gives %d", s, n, len(strings.Fields(s)))
	}
	if want := strings.ContainsAny(s, "“”\""); hasQuote(s) != want {
		t.Errorf("hasQuote(%q) = %v, want %v", s, !want, want)
	}
}

func TestFoldAppendAgreesWithFoldKey(t *testing.T) {
	for _, s := range foldCases {
		checkFold(t, s)
	}
	g := corpusgen.New(corpusgen.Config{Seed: 11, Articles: 200})
	for i := range 200 {
		for _, p := range paragraphs(t, g.Article(i).Data) {
			checkFold(t, p)
			for _, s := range strings.SplitAfter(p, ". ") {
				checkFold(t, s)
			}
		}
	}
}

func FuzzFoldAppend(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(checkFold)
}

// generatedWindow is a window of generated articles: their paragraphs as
// sentences, some as quotes, some with a meeting.
func generatedWindow(t *testing.T, n int) Window {
	t.Helper()
	g := corpusgen.New(corpusgen.Config{Seed: 5, Articles: n})
	w := Window{Channel: "test"}
	for i := range n {
		ps := paragraphs(t, g.Article(i).Data)
		a := Article{Doc: briefing.DocumentRef{ID: int64(i + 1)}, Sentences: ps}
		for k, p := range ps {
			if k%3 == 1 {
				a.Quotes = append(a.Quotes, briefing.QuoteRecord{ID: int64(k), Text: p, Context: ps[0]})
			}
		}
		if i%4 == 0 {
			a.Meetings = []briefing.MeetingRecord{{ID: int64(i), Place: "Doha", Status: briefing.Held,
				Participants: []briefing.PersonRef{{ID: 1, Name: "Ségolène Royal", Role: "envoy"}}}}
		}
		w.Articles = append(w.Articles, a)
		if i%5 == 0 {
			w.Told = append(w.Told, Fact{Kind: FactStatement, Key: "k", Text: ps[len(ps)-1]})
		}
	}
	return w
}

func TestPrepareAgreesWithContentWords(t *testing.T) {
	w := generatedWindow(t, 150)
	p := prepare(w)
	if !slices.IsSorted(p.vocab.words) {
		t.Fatal("vocab not in word order")
	}
	// words returns the content words numbered.
	words := func(ids []int32) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = p.vocab.words[id]
		}
		return out
	}
	for i, a := range p.arts {
		src := &w.Articles[i]
		if want := shingles(src.Sentences); !slices.Equal(p.sets[i], want) {
			t.Errorf("article %d: shingles differ", i)
		}
		var all []string
		for k, s := range src.Sentences {
			if got, want := words(a.words[k]), contentWords(s); !slices.Equal(got, want) {
				t.Errorf("article %d sentence %d: words %q, want %q", i, k, got, want)
			}
			if got, want := a.sentenceKey(k), textKey(s); got != want {
				t.Errorf("article %d sentence %d: key %s, want %s", i, k, got, want)
			}
			all = append(all, contentWords(s)...)
		}
		slices.Sort(all)
		if got := words(a.distinct); !slices.Equal(got, slices.Compact(all)) {
			t.Errorf("article %d: distinct words differ", i)
		}
		for k, q := range src.Quotes {
			if got, want := words(a.quoteWords[k]), contentWords(q.Text); !slices.Equal(got, want) {
				t.Errorf("article %d quote %d: words %q, want %q", i, k, got, want)
			}
			if got, want := words(a.quoteTopic[k]), contentWords(q.Context); !slices.Equal(got, want) {
				t.Errorf("article %d quote %d: topic %q, want %q", i, k, got, want)
			}
			if got, want := keyOf(a.quoteHash[k]), textKey(q.Text); got != want {
				t.Errorf("article %d quote %d: key %s, want %s", i, k, got, want)
			}
		}
		for k, m := range src.Meetings {
			line := meetingLine(m)
			if a.meetingLines[k] != line || !slices.Equal(words(a.meetingWords[k]), contentWords(line)) {
				t.Errorf("article %d meeting %d: %q %q", i, k, a.meetingLines[k], words(a.meetingWords[k]))
			}
		}
	}
	for i, f := range w.Told {
		if got, want := words(p.told[i]), contentWords(f.Text); !slices.Equal(got, want) {
			t.Errorf("told %d: words %q, want %q", i, got, want)
		}
	}
}

func TestSelectFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		v := make([]term, r.IntN(200))
		for i, k := range r.Perm(len(v)) {
			// Few weights, so that ties are broken by rank.
			v[i] = term{id: int32(i), rank: int32(k), weight: float64(r.IntN(5))}
		}
		cmp := func(x, y term) int {
			if termBefore(x, y) {
				return -1
			}
			return 1
		}
		want := slices.SortedFunc(slices.Values(v), cmp)
		k := min(len(v), 1+r.IntN(80))
		got := slices.Clone(v)
		selectFirst(got, k)
		got = got[:k]
		slices.SortFunc(got, cmp)
		if !slices.Equal(got, want[:k]) {
			t.Fatalf("selectFirst(%d of %d) differs from sorting", k, len(v))
		}
	}
}

func TestSharesAtLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	set := func() []int32 {
		var s []int32
		for w := range int32(40) {
			if r.IntN(3) == 0 {
				s = append(s, w)
			}
		}
		return s
	}
	for range 2000 {
		a, b := set(), set()
		shared := sharedCount(a, b)
		for _, threshold := range []float64{sameStatement, sameQuote} {
			if len(a) == 0 || len(b) == 0 {
				continue
			}
			m := min(len(a), len(b))
			want := float64(shared)/float64(m) >= threshold
			if got := sharesAtLeast(a, b, atLeast(threshold, m)); got != want {
				t.Fatalf("%v and %v: sharesAtLeast says %v at %v, overlap %d of %d", a, b, got, threshold, shared, m)
			}
		}
	}
}
