package extract

import (
	"strconv"
	"time"

	"briefbot/briefing"
)

// timeExpr is a time phrase in a sentence: "this Friday", "on Tuesday",
// "tomorrow", "on 22 March", "next week".
type timeExpr struct {
	from, to int // tokens, the leading preposition included
	weekday  int // 0–6, or -1
	rel      string
	offset   *int // days from the publication date (today 0, tomorrow 1)
	month    int  // an explicit date; day 0 when none
	day      int
	year     int
}

var timePreps = set("on", "this", "next", "last", "by", "until", "from", "since", "coming", "before", "after")
var vagueTimes = map[string]bool{"next week": true, "last week": true, "this week": true, "next month": true,
	"last month": true, "this month": true, "later this month": true, "earlier this month": true,
	"later this week": true, "earlier this week": true, "later this year": true, "earlier this year": true,
	"this year": true, "next year": true, "last year": true, "in the coming days": true, "in the coming weeks": true,
	"over the weekend": true, "this weekend": true, "next weekend": true, "last weekend": true,
	"earlier in the day": true, "later in the day": true}

// sentenceTimes returns the time phrases of sentence s, read once.
func (r *run) sentenceTimes(s int) []timeExpr {
	if r.times[s] == nil {
		r.times[s] = r.timeExprs(s)
		if r.times[s] == nil {
			r.times[s] = []timeExpr{}
		}
	}
	return r.times[s]
}

// timeExprs finds the time phrases of sentence s outside quotations.
func (r *run) timeExprs(s int) []timeExpr {
	toks := r.d.tokens(s)
	var out []timeExpr
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		if t.quote >= 0 || t.kind != tWord && t.kind != tNum {
			continue
		}
		from := k
		rel := ""
		if k > 0 && timePreps[toks[k-1].key] && toks[k-1].quote < 0 {
			from, rel = k-1, toks[k-1].key
		}
		if wd, ok := r.x.words.weekdays[t.key]; ok && t.cap {
			to := k + 1
			if to < len(toks) && toks[to].is("morning", "afternoon", "evening", "night") {
				to++
			}
			out = append(out, timeExpr{from: from, to: to, weekday: wd, rel: rel})
			k = to - 1
			continue
		}
		switch t.key {
		case "today", "tonight", "tomorrow", "yesterday":
			off := map[string]int{"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[t.key]
			out = append(out, timeExpr{from: k, to: k + 1, weekday: -1, offset: &off})
			continue
		}
		if te, ok := r.explicitDate(toks, k); ok {
			te.from = min(te.from, from)
			out = append(out, te)
			k = te.to - 1
			continue
		}
		for _, n := range []int{4, 3, 2} {
			if k+n <= len(toks) && vagueTimes[joinKeys(toks[k:k+n])] {
				out = append(out, timeExpr{from: k, to: k + n, weekday: -1})
				k += n - 1
				break
			}
		}
	}
	return out
}

func joinKeys(toks []token) string {
	b := make([]byte, 0, 32)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.key...)
	}
	return string(b)
}

// explicitDate reads "March 22", "March 22, 2024", "22 March", "22 March
// 2024" starting at token k.
func (r *run) explicitDate(toks []token, k int) (timeExpr, bool) {
	te := timeExpr{from: k, weekday: -1}
	num := func(i int) (int, bool) {
		if i >= len(toks) || toks[i].kind != tNum {
			return 0, false
		}
		n, err := strconv.Atoi(toks[i].text)
		return n, err == nil
	}
	month := func(i int) (int, bool) {
		if i >= len(toks) || !toks[i].cap {
			return 0, false
		}
		m, ok := r.x.words.months[toks[i].key]
		return m, ok
	}
	year := func(i int) (int, int) {
		j := i
		if j < len(toks) && toks[j].text == "," {
			j++
		}
		if y, ok := num(j); ok && y >= 1900 && y <= 2200 {
			return y, j + 1
		}
		return 0, i
	}
	if m, ok := month(k); ok {
		at := k + 1
		if at < len(toks) && toks[at].text == "." && len(toks[k].key) <= 4 {
			at++ // "Nov. 9"
		}
		if d, ok := num(at); ok && d >= 1 && d <= 31 {
			te.month, te.day = m, d
			te.year, te.to = year(at + 1)
			return te, true
		}
		return te, false
	}
	if d, ok := num(k); ok && d >= 1 && d <= 31 {
		if m, ok := month(k + 1); ok {
			te.month, te.day = m, d
			te.year, te.to = year(k + 2)
			return te, true
		}
	}
	return te, false
}

// resolveDate turns a time phrase into a calendar date, counting from the
// publication date: a weekday of a planned meeting is the next such day, of
// a held one the last. Without a publication date only full dates resolve.
func resolveDate(te timeExpr, published briefing.Date, status briefing.MeetingStatus) briefing.Date {
	switch {
	case te.month > 0:
		y := te.year
		if y == 0 {
			if published.IsZero() {
				return briefing.Date{}
			}
			y = published.Year
		}
		d := briefing.Date{Year: y, Month: time.Month(te.month), Day: te.day}
		if d.Time().Day() != te.day { // 31 April
			return briefing.Date{}
		}
		return d
	case published.IsZero():
		return briefing.Date{}
	case te.offset != nil:
		return published.AddDays(*te.offset)
	case te.weekday >= 0:
		return briefing.ResolveWeekday(published, time.Weekday(te.weekday), te.rel, status)
	}
	return briefing.Date{}
}
