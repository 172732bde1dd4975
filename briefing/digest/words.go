package digest

import (
	"cmp"
	"slices"
	"strings"

	"briefbot/briefing/fold"
)

// contentWords returns the folded content words of a text, stop words
// dropped and plurals reduced, sorted, without repeats.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(fold.Key(s)) {
		if c, ok := contentForm(w); ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// stem reduces a folded word's plural: "hostages" → "hostage",
// "talks" → "talk"; short words and words ending in -ss stay.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// contentForm is the content word a folded word stands for (see
// contentWords), or false for a word too short or too common to count.
func contentForm(w string) (string, bool) {
	if len(w) < 3 && !isNumber(w) || stopWords[w] {
		return "", false
	}
	return stem(w), true
}

// overlap is how much of the smaller of two sorted word sets the other
// holds, from 0 to 1.
func overlap[T cmp.Ordered](a, b []T) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(sharedCount(a, b)) / float64(min(len(a), len(b)))
}

// sharedCount is how many values two ascending slices without repeats
// have in common, found by merging them.
func sharedCount[T cmp.Ordered](a, b []T) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// stopWords are words too common to tell two texts apart.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does doing down during each
		few for from further had has have having he her here hers herself him himself his how i if in
		into is it its itself just me more most my myself no nor not now of off on once only or other
		our ours ourselves out over own same she should so some such than that the their theirs them
		themselves then there these they this those through to too under until up very was we were
		what when where which while who whom why will with would you your yours yourself yourselves
		said says say told tell according added also amid among while however including including
		would could may might must shall one two new last next week weeks day days year years
		monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
		mr mrs ms its it's per via`) {
		m[w] = true
	}
	return m
}()
