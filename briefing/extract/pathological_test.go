package extract

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefbot/briefing"
	"briefbot/briefing/normalize"
)

// pathoInput is a hostile article text.
type pathoInput struct {
	name  string
	text  func() string
	large bool  // skipped under -short
	err   error // the documented error Normalize may return instead, or nil
}

// repeatTo repeats unit until the result holds at least n bytes.
func repeatTo(unit string, n int) string {
	return strings.Repeat(unit, (n+len(unit)-1)/len(unit))
}

// alternate joins n marks taken in turn from marks, separated by sep.
func alternate(n int, sep string, marks ...string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(marks[i%len(marks)])
	}
	return b.String()
}

// interleave puts sep between every rune of s.
func interleave(s, sep string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// capitalisedWords returns n name-like words: "Aa Bb Cc … Zz Ab Bc …".
func capitalisedWords(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('A'+i%26)) + string(rune('a'+(i/26+i)%26))
	}
	return out
}

const (
	arabicPara = `قال وزير الخارجية Antony Blinken "نحن ملتزمون بالسلام" في القاهرة يوم الثلاثاء، بعد أن التقى Sameh Shoukry. وأضاف: «لن نستسلم».`
	hebrewPara = `ראש הממשלה Benjamin Netanyahu אמר ”אנחנו לא נוותר“ בירושלים ביום שישי. הוא נפגש עם William Burns ב-Doha. ״זה הסכם טוב״, אמר.`
	emojiRun   = "😀🙈🚀👩‍👩‍👧🇺🇸🤝🏽❤️‍🔥🫠"
	attributed = `“We will,” said Antony Blinken. "No," he said.`
)

var pathologicalInputs = []pathoInput{
	{name: "1MB words without punctuation", large: true, text: func() string {
		return repeatTo("the minister and officials from several countries talk about things ", 1<<20)
	}},
	{name: "10k straight double quotes", text: func() string { return strings.Repeat(`"`, 10000) }},
	{name: "10k curly double quotes", text: func() string { return alternate(10000, "", "“", "”") }},
	{name: "10k curly opening quotes", text: func() string { return strings.Repeat("“", 10000) }},
	{name: "10k straight single quotes", text: func() string { return strings.Repeat("'", 10000) }},
	{name: "10k curly single quotes", text: func() string { return alternate(10000, "", "‘", "’") }},
	{name: "10k mixed quotes", text: func() string { return alternate(10000, "", `"`, "“", "'", "”", "‘", "’", "«", "»", "„") }},
	{name: "10k alternating quotes around words", text: func() string {
		return alternate(10000, " ", `"a`, `b"`, "“Cc", "dd”", "‘e", "f’", "'G", "h'")
	}},
	{name: "10k quotes with attributions", text: func() string {
		return strings.Repeat(attributed+" ", 10000/4)
	}},
	{name: "1MB quotes with attributions in one paragraph", large: true, text: func() string {
		return repeatTo(attributed+" ", 1<<20)
	}},
	{name: "1MB quotes with attributions, one per paragraph", large: true, text: func() string {
		return repeatTo(attributed+"\n\n", 1<<20)
	}},
	{name: "5000-deep nesting", text: func() string {
		return "He said " + alternate(5000, "", "“", "‘") + "deep" + alternate(5000, "", "’", "”") + " and left."
	}},
	{name: "5000-deep nesting with words", text: func() string {
		return alternate(5000, " word ", "“", "‘") + " Smith said."
	}},
	{name: "only whitespace", err: normalize.ErrEmpty, text: func() string {
		return repeatTo(" \t\u00a0\n\r\n\u2003\u3000", 100000)
	}},
	{name: "only newlines", err: normalize.ErrEmpty, text: func() string { return strings.Repeat("\n", 100000) }},
	{name: "right-to-left paragraphs", text: func() string {
		return strings.Repeat(arabicPara+"\n\n"+hebrewPara+"\n\n", 200)
	}},
	{name: "right-to-left with direction marks", text: func() string {
		return strings.Repeat("\u202b"+arabicPara+"\u202c \u200f"+hebrewPara+"\u200e\n\n", 200)
	}},
	{name: "emoji only", text: func() string { return repeatTo(emojiRun, 200000) }},
	{name: "emoji heavy", text: func() string {
		return strings.Repeat("Antony 😀 Blinken 🤝 met “🙈” Sameh 🇪🇬 Shoukry in 🚀 Cairo on 👩‍👩‍👧 Tuesday. ", 2000)
	}},
	{name: "zero-width between every letter", text: func() string {
		s := strings.Repeat("Antony Blinken met Sameh Shoukry in Cairo on Tuesday. “We agree,” he said. ", 500)
		return interleave(s, "\u200b") + "\n\n" + interleave(s, "\u200d") + "\n\n" + interleave(s, "\ufeff")
	}},
	{name: "combining marks on every letter", text: func() string {
		return interleave(strings.Repeat("Antony Blinken said “no” in Cairo. ", 500), "\u0301\u0308")
	}},
	{name: "100k-character single word", text: func() string { return strings.Repeat("a", 100000) }},
	{name: "100k-character capitalised word", text: func() string { return "A" + strings.Repeat("b", 99999) + " met Smith." }},
	{name: "100k-character hyphenated word", text: func() string { return repeatTo("Al-", 100000) + "Thani" }},
	{name: "100k-character dotted abbreviation", text: func() string { return repeatTo("U.", 100000) }},
	{name: "100k-digit number", text: func() string { return repeatTo("1,2", 100000) + "%" }},
	{name: "50000 one-letter paragraphs", large: true, text: func() string { return strings.Repeat("a\n\n", 50000) }},
	{name: "50000 one-capital paragraphs", large: true, text: func() string { return alternate(50000, "\n\n", "A", "B", "C") }},
	{name: "1MB sentence of capitalised words", large: true, text: func() string {
		return strings.Join(capitalisedWords(1<<20/3), " ") + "."
	}},
	{name: "1MB capitalised words with said", large: true, text: func() string {
		words := capitalisedWords(1 << 20 / 3)
		for i := 50; i < len(words); i += 100 {
			words[i] = "said"
		}
		return `"Yes," ` + strings.Join(words, " ") + " met in Paris on Friday."
	}},
	{name: "lines of only quote marks", text: func() string {
		var b strings.Builder
		for i := 0; i < 5000; i++ {
			b.WriteString(alternate(1+i%20, "", `"`, "“", "”", "'", "‘", "’", "«", "»"))
			b.WriteString("\n")
		}
		return b.String()
	}},
	{name: "ellipses and periods", text: func() string { return repeatTo("Mr. ... Jr. … . U.S. ", 200000) }},
}

// checkExtraction asserts that ex is self-consistent.
func checkExtraction(t testing.TB, ex briefing.Extraction) {
	t.Helper()
	n := len(ex.Entities)
	for i, s := range ex.Sentences {
		if s.Paragraph < 0 || s.Paragraph >= len(ex.Article.Paragraphs) || !utf8.ValidString(s.Text) {
			t.Fatalf("sentence %d bad: paragraph %d of %d, valid UTF-8 %v", i, s.Paragraph, len(ex.Article.Paragraphs), utf8.ValidString(s.Text))
		}
	}
	for _, q := range ex.Quotes {
		if q.Speaker < -1 || q.Speaker >= n || q.Sentence < 0 || q.Sentence >= len(ex.Sentences) {
			t.Fatalf("quote out of range: speaker %d of %d, sentence %d of %d", q.Speaker, n, q.Sentence, len(ex.Sentences))
		}
	}
	for _, m := range ex.Meetings {
		for _, p := range append(append([]int{}, m.Participants...), m.Parties...) {
			if p < 0 || p >= n {
				t.Fatalf("meeting party %d of %d entities", p, n)
			}
		}
		if m.Place < -1 || m.Place >= n {
			t.Fatalf("meeting place %d of %d entities", m.Place, n)
		}
		if !m.Date.IsZero() && !validDate(m.Date) {
			t.Fatalf("meeting date %+v", m.Date)
		}
		for _, s := range m.Sentences {
			if s < 0 || s >= len(ex.Sentences) {
				t.Fatalf("meeting sentence %d of %d", s, len(ex.Sentences))
			}
		}
	}
	for _, fg := range ex.Figures {
		if fg.Sentence < 0 || fg.Sentence >= len(ex.Sentences) {
			t.Fatalf("figure sentence %d of %d", fg.Sentence, len(ex.Sentences))
		}
	}
}

// normalizeAndExtract runs one input through Normalize and Extract; ok is
// false when Normalize refused it with the input's documented error.
func normalizeAndExtract(t testing.TB, x *Extractor, in pathoInput, data []byte) (briefing.Extraction, bool) {
	t.Helper()
	a, err := normalize.Normalize("pathological.txt", data, normalize.Options{})
	if err != nil {
		if in.err != nil && errors.Is(err, in.err) {
			return briefing.Extraction{}, false
		}
		t.Fatalf("Normalize: %v", err)
	}
	if in.err != nil {
		t.Fatalf("Normalize accepted the input, want %v", in.err)
	}
	if len(a.Paragraphs) == 0 {
		t.Fatal("Normalize: no paragraphs and no error")
	}
	return x.Extract(a), true
}

// TestPathological feeds hostile texts through normalisation and
// extraction: none may panic, and the output must be consistent. Times are
// logged (-v); BenchmarkPathological measures them.
func TestPathological(t *testing.T) {
	x := testExtractor(t)
	for _, in := range pathologicalInputs {
		t.Run(in.name, func(t *testing.T) {
			if in.large && testing.Short() {
				t.Skip("large input; skipped with -short")
			}
			data := []byte(in.text())
			start := time.Now()
			ex, ok := normalizeAndExtract(t, x, in, data)
			elapsed := time.Since(start)
			if !ok {
				t.Logf("%d bytes refused in %v", len(data), elapsed)
				return
			}
			t.Logf("%d bytes in %v: %d paragraphs, %d sentences, %d entities, %d quotes, %d meetings",
				len(data), elapsed, len(ex.Article.Paragraphs), len(ex.Sentences), len(ex.Entities), len(ex.Quotes), len(ex.Meetings))
			if len(ex.Sentences) == 0 {
				t.Fatal("paragraphs but no sentences")
			}
			checkExtraction(t, ex)
		})
	}
}

// BenchmarkPathological times each hostile input through Normalize and
// Extract.
func BenchmarkPathological(b *testing.B) {
	x := testExtractor(b)
	for _, in := range pathologicalInputs {
		data := []byte(in.text())
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				normalizeAndExtract(b, x, in, data)
			}
		})
	}
}
