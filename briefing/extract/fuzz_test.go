package extract

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"briefbot/briefing"
)

// fuzzSeeds are paragraphs that exercise the corners of quotation pairing,
// tokenisation and sentence splitting: curly, straight and single marks,
// nesting, unclosed quotations, abbreviations, ellipses, decimals, emoji,
// right-to-left scripts, zero-width characters and combining marks.
var fuzzSeeds = []string{
	// Quotation marks.
	`“We will not give up,” Foreign Minister Lina Castell said on Monday.`,
	`"The merger harms consumers," said Lina Khan, the FTC chair.`,
	`‘It is over,’ said Bob Smith. ‘We go home.’`,
	`'Straight single,' he said, 'and more.'`,
	`“He told me ‘never again’ and left,” she said.`,
	`“Outer “inner” outer”`,
	`“‘“‘deep’”’”`,
	`«Bonjour», dit-il. „Guten Tag“, sagte sie.`,
	`“unclosed quotation that never ends`,
	`"unclosed straight`,
	`” stray closing mark`,
	`insecurity.“We must act,” he said.`,
	`He said: “”`,
	`“ ”`,
	`"""""`,
	`“”“”“”`,
	`'''`,
	`a 12" screen and 5'11" tall`,
	`the so-called "x" deal`,
	`don’t, we’re, James’ car, the Jones’s house, rock ’n’ roll`,
	`‘ ’ ‘’ ’‘`,
	`"a" "b" "c"`,
	`He said "yes"."No," she said.`,
	// Abbreviations and sentence ends.
	`Mr. Smith met Mrs. Jones in the U.S. The talks ended.`,
	`Dr. Smith agreed. Sen. Jones did not.`,
	`William J. Burns arrived on Jan. 5. He left on Feb. 2.`,
	`It was 3 p.m. in Washington, D.C. and 9 a.m. in L.A.`,
	`e.g. this, i.e. that, etc. And then.`,
	`Mr. . . Jr. Jr.`,
	`U.S.A.B.C.D.E.F.`,
	`Wait... What? Really! Yes… No.`,
	`....... ... .. .`,
	`The rate rose 2.5% to 28,000.5 from 1,000,000. Then 3.14.`,
	`1.2.3.4.5 and 10-year-old and 4th`,
	`(He left.) [Then returned.] She said.`,
	// Emoji.
	`😀😀😀 “😀,” said 👩‍👩‍👧. 🇺🇸 flag.`,
	`Smith 🤝 Jones in Paris 🇫🇷 on Friday.`,
	// Right-to-left scripts.
	`قال محمد عباس "نحن هنا" في القاهرة يوم الثلاثاء.`,
	`«السلام عليكم» قال Antony Blinken.`,
	`אמר בנימין נתניהו ״שלום״ ו־“כן” ב-Jerusalem.`,
	"\u202bmixed \u202e direction\u202c Smith.",
	// Zero-width characters and combining marks.
	"S\u200bm\u200bi\u200bt\u200bh met J\u200do\u200dn\u200de\u200ds.",
	"\ufeff“BOM inside,” he said.\ufeff",
	"\u200b\u200c\u200d\ufeff",
	"Se\u0301gole\u0300ne Royal said “oui\u0301”.",
	"a\u0300\u0301\u0302\u0303\u0304\u0305 e\u0308 \u0301\u0301 quoted “\u0301”",
	// Odd bytes and controls.
	"\x00\x01\x7f",
	"\xff\xfe“broken\xc3 utf8”",
	"tab\tseparated\u00a0nbsp\u2028line",
	"",
	" ",
}

// boundaries returns the offsets at which a rune starts when text is
// decoded the way the extractor decodes it, plus len(text).
func boundaries(text string) map[int]bool {
	b := make(map[int]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b[len(text)] = true
	return b
}

func isOpeningMark(r rune, double bool) bool {
	if double {
		return r == '“' || r == '„' || r == '«' || r == '"'
	}
	return r == '‘' || r == '\''
}

func isClosingMark(r rune, double bool) bool {
	if double {
		return r == '”' || r == '»' || r == '"'
	}
	return r == '’' || r == '\''
}

// checkQuotes asserts the contract of findQuotes on text.
func checkQuotes(t *testing.T, text string, qs []qspan) {
	t.Helper()
	at := boundaries(text)
	double := hasDoubleQuotes(text)
	runeAt := func(i, size int) rune {
		r, n := utf8.DecodeRuneInString(text[i:])
		if n != size {
			t.Fatalf("mark at %d is %d bytes, decodes as %d: %q", i, size, n, text)
		}
		return r
	}
	prevEnd := 0
	for k, q := range qs {
		switch {
		case q.open < 0 || q.openLen <= 0 || q.open+q.openLen > len(text):
			t.Fatalf("quote %d: opening mark [%d,+%d) outside text of %d bytes: %+v", k, q.open, q.openLen, len(text), q)
		case !at[q.open]:
			t.Fatalf("quote %d: opening mark at %d not on a rune boundary: %q", k, q.open, text)
		case q.open < prevEnd:
			t.Fatalf("quote %d opens at %d, inside the previous quotation (ends %d): %+v", k, q.open, prevEnd, qs)
		}
		if r := runeAt(q.open, q.openLen); !isOpeningMark(r, double) {
			t.Fatalf("quote %d opens with %q (double-mark paragraph: %v): %q", k, r, double, text)
		} else if !double {
			// Single marks never open inside a word.
			if prev, _ := utf8.DecodeLastRuneInString(text[:q.open]); q.open > 0 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
				t.Fatalf("quote %d: single mark after %q opens a quotation: %q", k, prev, text)
			}
		} else if r == '"' && q.open > 0 {
			if prev, _ := utf8.DecodeLastRuneInString(text[:q.open]); unicode.IsDigit(prev) {
				t.Fatalf("quote %d: inch mark after %q opens a quotation: %q", k, prev, text)
			}
		}
		limit := len(text) // where the quoted text may run to
		if q.closed() {
			switch {
			case q.closeLen <= 0 || q.close+q.closeLen > len(text):
				t.Fatalf("quote %d: closing mark [%d,+%d) outside text of %d bytes", k, q.close, q.closeLen, len(text))
			case q.close < q.open+q.openLen:
				t.Fatalf("quote %d closes at %d before its opening mark ends at %d", k, q.close, q.open+q.openLen)
			case !at[q.close]:
				t.Fatalf("quote %d: closing mark at %d not on a rune boundary: %q", k, q.close, text)
			}
			r := runeAt(q.close, q.closeLen)
			if !isClosingMark(r, double) {
				t.Fatalf("quote %d closes with %q (double-mark paragraph: %v): %q", k, r, double, text)
			}
			if !double {
				// Single marks never close before a letter (don’t, we’re).
				if next, _ := utf8.DecodeRuneInString(text[q.close+q.closeLen:]); q.close+q.closeLen < len(text) && unicode.IsLetter(next) {
					t.Fatalf("quote %d: apostrophe before %q closes a quotation: %q", k, next, text)
				}
			}
			limit = q.close
			prevEnd = q.close + q.closeLen
		} else {
			if q.close != -1 {
				t.Fatalf("quote %d: unclosed with close %d", k, q.close)
			}
			if k+1 < len(qs) {
				limit = qs[k+1].open
			}
			prevEnd = q.end
		}
		switch {
		case q.start < q.open+q.openLen || q.end > limit:
			t.Fatalf("quote %d: text [%d,%d) outside its marks [%d,%d): %+v", k, q.start, q.end, q.open+q.openLen, limit, q)
		case q.start >= q.end:
			t.Fatalf("quote %d: empty quoted text [%d,%d)", k, q.start, q.end)
		case !at[q.start] || !at[q.end]:
			t.Fatalf("quote %d: text [%d,%d) not on rune boundaries: %q", k, q.start, q.end, text)
		}
		first, _ := utf8.DecodeRuneInString(text[q.start:q.end])
		last, _ := utf8.DecodeLastRuneInString(text[q.start:q.end])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("quote %d: quoted text not trimmed: %q", k, text[q.start:q.end])
		}
	}
}

// checkTokens asserts that tokens are ordered, disjoint slices of text and
// that every quotation mark findQuotes paired became a quotation token.
func checkTokens(t *testing.T, text string, qs []qspan, toks []token) {
	t.Helper()
	at := boundaries(text)
	prev := 0
	nmarks := 0
	for i, tk := range toks {
		switch {
		case tk.start < prev || tk.end <= tk.start || tk.end > len(text):
			t.Fatalf("token %d [%d,%d) out of order or empty (previous ends %d, text %d bytes)", i, tk.start, tk.end, prev, len(text))
		case !at[tk.start] || !at[tk.end]:
			t.Fatalf("token %d [%d,%d) not on rune boundaries: %q", i, tk.start, tk.end, text)
		case tk.text != text[tk.start:tk.end]:
			t.Fatalf("token %d text %q, want %q", i, tk.text, text[tk.start:tk.end])
		case tk.quote < -1 || tk.quote >= len(qs):
			t.Fatalf("token %d in quotation %d of %d", i, tk.quote, len(qs))
		}
		if tk.kind == tQuote {
			q := qs[tk.quote]
			if tk.opens && tk.start != q.open || !tk.opens && (!q.closed() || tk.start != q.close) {
				t.Fatalf("quotation token %d at %d (opens %v) does not match quotation %+v", i, tk.start, tk.opens, q)
			}
			nmarks++
		}
		prev = tk.end
	}
	want := 0
	for _, q := range qs {
		want++
		if q.closed() {
			want++
		}
	}
	if nmarks != want {
		t.Fatalf("%d quotation tokens, want %d marks: %q", nmarks, want, text)
	}
}

// FuzzFindQuotes checks findQuotes keeps its contract on any paragraph:
// marks and quoted text inside the paragraph, on rune boundaries, in order
// and disjoint, single marks not inside words.
func FuzzFindQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := findQuotes(text)
		checkQuotes(t, text, qs)
		checkTokens(t, text, qs, tokenize(text, qs))
	})
}

// FuzzSplitSentences checks splitSentences cuts any paragraph's tokens
// into non-empty sentences that follow each other and cover every token.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text, findQuotes(text))
		spans := splitSentences(toks)
		if len(toks) == 0 {
			if len(spans) != 0 {
				t.Fatalf("%d sentences without tokens", len(spans))
			}
			return
		}
		next := 0
		for i, s := range spans {
			switch {
			case s.from < 0 || s.to > len(toks):
				t.Fatalf("sentence %d [%d,%d) outside %d tokens", i, s.from, s.to, len(toks))
			case s.from >= s.to:
				t.Fatalf("sentence %d [%d,%d) empty", i, s.from, s.to)
			case s.from < next:
				t.Fatalf("sentence %d [%d,%d) overlaps the previous one (ends %d)", i, s.from, s.to, next)
			case s.from > next:
				t.Fatalf("sentence %d [%d,%d) leaves tokens [%d,%d) out", i, s.from, s.to, next, s.from)
			}
			next = s.to
		}
		if next != len(toks) {
			t.Fatalf("sentences end at token %d of %d", next, len(toks))
		}
	})
}

// validDate reports whether d is a real calendar date.
func validDate(d briefing.Date) bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && briefing.NewDate(d.Time()) == d
}

// clampDate turns fuzzed parts into a valid Date (years 1–9999).
func clampDate(y, m, d int) briefing.Date {
	y = 1 + mod(y, 9999)
	m = 1 + mod(m, 12)
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return briefing.Date{Year: y, Month: time.Month(m), Day: 1 + mod(d, last)}
}

func mod(a, n int) int {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}

func daysBetween(a, b briefing.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// checkMeetingDates asserts every resolved meeting date of ex is valid and
// that one resolved from a weekday lies within 14 days of published.
func checkMeetingDates(t *testing.T, ex briefing.Extraction, published briefing.Date) {
	t.Helper()
	for _, m := range ex.Meetings {
		if m.Date.IsZero() {
			continue
		}
		if !validDate(m.Date) {
			t.Fatalf("meeting date %+v (when %q, published %+v) is not a calendar date", m.Date, m.When, published)
		}
		if !validDate(published) {
			continue
		}
		if _, _, ok := briefing.ParseWhen(m.When); ok {
			if d := daysBetween(published, m.Date); d < -14 || d > 14 {
				t.Fatalf("meeting %q resolved to %s, %d days from publication %s", m.When, m.Date, d, published)
			}
		}
	}
}

// FuzzResolveDates extracts a short dated article and checks the meetings'
// resolved dates, for any text and any publication date, including the
// zero date and parts out of range.
func FuzzResolveDates(f *testing.F) {
	for _, s := range []string{
		"Smith met Jones in Paris on Tuesday.",
		"Antony Blinken met Sameh Shoukry in Cairo on Tuesday.",
		"Antony Blinken will meet Sameh Shoukry in Cairo on Friday.",
		"Antony Blinken will meet Sameh Shoukry in Cairo next Sunday.",
		"Antony Blinken met Sameh Shoukry in Cairo last Saturday morning.",
		"Antony Blinken will meet Sameh Shoukry in Cairo this coming Monday.",
		"Antony Blinken met Sameh Shoukry in Cairo yesterday.",
		"Antony Blinken will meet Sameh Shoukry in Cairo tomorrow.",
		"Antony Blinken will meet Sameh Shoukry in Cairo on 31 April.",
		"Antony Blinken will meet Sameh Shoukry in Cairo on February 29.",
		"Antony Blinken met Sameh Shoukry in Cairo on February 29, 2023.",
		"Antony Blinken met Sameh Shoukry in Cairo on March 22, 2200.",
		"Antony Blinken met Sameh Shoukry in Cairo on 1 January 1900.",
		"Mossad chief David Barnea is set to meet with CIA director William Burns and Egypt’s intelligence head Abbas Kamel in Doha this Friday.",
		"David Barnea is set to meet William Burns in Qatar on Friday. Qatari Prime Minister Mohammed Al-Thani and Abbas Kamal will also participate in the Friday talks.",
		"Corbel chair Kiprono Girma sat down with Masahiro Suzuki in Pretoria on Tuesday. Analyst Cai Ming also took part in the discussions.",
		"The meeting between Antony Blinken and Sameh Shoukry on Wednesday, March 20, was called off.",
		"“We met on Friday,” Antony Blinken said after meeting Sameh Shoukry on Thursday.",
		"Antony Blinken met Sameh Shoukry on Jan. 5.",
		"Antony Blinken met Sameh Shoukry in قاهرة on الثلاثاء Tuesday.",
		"Antony\u200b Blinken met Sameh Shoukry on Tues\u200bday.",
		"Antony Blinken met Sameh Shoukry on FRIDAY.",
	} {
		for _, d := range [][3]int{{2024, 3, 21}, {2024, 2, 29}, {2023, 12, 31}, {0, 0, 0}, {1, 1, 1}, {9999, 12, 31}, {2024, 13, 40}, {-5, -1, -1}, {1 << 40, 1 << 40, -1 << 40}} {
			f.Add(s, d[0], d[1], d[2])
		}
	}
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string, year, month, day int) {
		article := func(published briefing.Date) briefing.Article {
			a := briefing.Article{Source: "f.txt", Published: published}
			for _, p := range strings.Split(text, "\n") {
				if strings.TrimSpace(p) != "" {
					a.Paragraphs = append(a.Paragraphs, briefing.Paragraph{Text: p})
				}
			}
			return a
		}
		// Raw parts: the Date API accepts them; extraction must not panic.
		raw := briefing.Date{Year: year, Month: time.Month(month), Day: day}
		x.Extract(article(raw))
		// Valid dates: resolved dates must be calendar dates near the
		// publication date.
		for _, published := range []briefing.Date{{}, clampDate(year, month, day)} {
			checkMeetingDates(t, x.Extract(article(published)), published)
		}
		// resolveDate directly, for every weekday and relation word.
		published := clampDate(year, month, day)
		for wd := 0; wd < 7; wd++ {
			for _, rel := range []string{"", "on", "this", "next", "last", "coming", "by"} {
				for _, st := range []briefing.MeetingStatus{briefing.Planned, briefing.Held, briefing.Canceled} {
					got := resolveDate(timeExpr{weekday: wd, rel: rel}, published, st)
					if !validDate(got) || got.Weekday() != time.Weekday(wd) {
						t.Fatalf("%s %s (%s) from %s: %+v", rel, time.Weekday(wd), st, published, got)
					}
					if d := daysBetween(published, got); d < -14 || d > 14 {
						t.Fatalf("%s %s (%s) from %s: %s, %d days away", rel, time.Weekday(wd), st, published, got, d)
					}
				}
			}
		}
		// An explicit day of a month: the publication year, or nothing
		// for a day the month does not have.
		m, d := 1+mod(month, 12), mod(day, 33)
		got := resolveDate(timeExpr{weekday: -1, month: m, day: d}, published, briefing.Planned)
		if !got.IsZero() && (!validDate(got) || got.Year != published.Year || int(got.Month) != m || got.Day != d) {
			t.Fatalf("day %d of month %d in %d: %+v", d, m, published.Year, got)
		}
	})
}
