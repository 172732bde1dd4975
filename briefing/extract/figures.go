package extract

import (
	"strconv"
	"strings"

	"briefbot/briefing"
)

var (
	figureQualifiers = set("some", "about", "around", "over", "nearly", "almost", "roughly", "approximately",
		"at", "least", "more", "than", "fewer", "less", "up", "to", "just", "under", "below", "above",
		"exactly", "only", "another", "estimated", "all", "remaining", "additional")
	numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
		"ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}
	scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"bn": 1e9, "m": 1e6, "k": 1e3}
	// countStop ends the counted noun phrase.
	countStop = set("in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "is", "are",
		"was", "were", "have", "has", "had", "will", "would", "who", "which", "that", "since", "during",
		"after", "before", "as", "than", "into", "across", "over", "under", "amid", "since", "out", "so")
)

// findFigures reads numbers with what they count: "some 40 of the
// remaining 134 hostages", "over 28,000 individuals", "$2.5 billion", "a
// 12 percent tariff". Years, days of the month, times and ordinals are
// left out.
func (r *run) findFigures() {
	for s := range r.d.sents {
		if r.d.heading(s) {
			continue
		}
		toks := r.d.tokens(s)
		for k := 0; k < len(toks); k++ {
			if f, end, ok := r.figureAt(s, toks, k); ok {
				r.figures = append(r.figures, f)
				k = end - 1
			}
		}
	}
}

func (r *run) figureAt(s int, toks []token, k int) (briefing.Figure, int, bool) {
	t := &toks[k]
	var value float64
	switch {
	case t.kind == tNum:
		v, ok := parseNumber(t.text)
		if !ok || r.isDateOrYear(toks, k, v) {
			return briefing.Figure{}, k, false
		}
		value = v
	case t.kind == tWord && numberWords[t.key] > 0 && t.key != "one" && (k+1 < len(toks) && (toks[k+1].key == "percent" || scales[toks[k+1].key] > 0 || toks[k+1].key == "of")):
		value = numberWords[t.key]
	default:
		return briefing.Figure{}, k, false
	}
	from := k
	for from > 0 && figureQualifiers[toks[from-1].key] && k-from < 3 {
		from--
	}
	if t.kind == tWord && from > 0 && toks[from-1].is("a", "an") {
		from-- // "a hundred", "a dozen"
	}
	if from > 0 && toks[from-1].text == "$" || from > 0 && toks[from-1].text == "€" || from > 0 && toks[from-1].text == "£" {
		from--
	}
	unit := ""
	switch toks[max(from, 0)].text {
	case "$":
		unit = "USD"
	case "€":
		unit = "EUR"
	case "£":
		unit = "GBP"
	}
	j := k + 1
	if j < len(toks) && scales[toks[j].key] > 0 && (toks[j].key != "m" && toks[j].key != "k" || unit != "") {
		value *= scales[toks[j].key]
		j++
	}
	if strings.HasSuffix(t.text, "%") {
		unit = "percent"
	} else if j < len(toks) && (toks[j].key == "percent" || toks[j].key == "per" && j+1 < len(toks) && toks[j+1].key == "cent") {
		unit = "percent"
		j++
		if toks[j-1].key == "per" {
			j++
		}
	}
	var of float64
	// "40 of the remaining 134 hostages"
	if j+1 < len(toks) && toks[j].key == "of" {
		i := j + 1
		for i < len(toks) && (toks[i].is("the", "a", "an", "its", "their", "remaining", "estimated", "some", "about", "around", "roughly")) {
			i++
		}
		if i < len(toks) && toks[i].kind == tNum {
			if v, ok := parseNumber(toks[i].text); ok {
				of = v
				j = i + 1
			}
		}
	}
	// What is counted: up to three lower-case words, ending at the first
	// plural ("134 hostages", "300 aid trucks"); a percentage counts
	// nothing more.
	nounFrom := j
	for unit != "percent" && j < len(toks) && j-nounFrom < 3 && toks[j].kind == tWord && !toks[j].cap && !countStop[toks[j].key] && toks[j].quote == t.quote {
		j++
		if strings.HasSuffix(toks[j-1].key, "s") {
			break
		}
	}
	counted := ""
	if j > nounFrom {
		counted = r.d.spanText(s, nounFrom, j)
	}
	if unit == "" {
		unit = counted
	}
	if unit == "" {
		return briefing.Figure{}, k, false
	}
	return briefing.Figure{
		Sentence: s,
		Text:     r.d.spanText(s, from, j),
		Value:    value,
		Of:       of,
		Unit:     unit,
	}, j, true
}

// parseNumber reads "28,000", "2.5" or "40%".
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// isDateOrYear reports whether the number at k is a year, a day of the
// month or a time of day.
func (r *run) isDateOrYear(toks []token, k int, v float64) bool {
	t := &toks[k]
	if v >= 1900 && v <= 2100 && !strings.Contains(t.text, ",") && !strings.Contains(t.text, ".") {
		return true
	}
	if k > 0 && r.x.isCalendarWord(&toks[k-1]) || k+1 < len(toks) && r.x.isCalendarWord(&toks[k+1]) {
		return true
	}
	if k+1 < len(toks) && (toks[k+1].is("a.m.", "p.m.", "am", "pm", "gmt", "utc") || toks[k+1].text == ":") {
		return true
	}
	if k > 0 && toks[k-1].is("october", "september") {
		return true
	}
	return false
}
