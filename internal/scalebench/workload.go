package scalebench

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"briefbot/briefing"
	"briefbot/internal/corpusgen"
)

// Operation names, in the order of the table.
const (
	OpWhoMet         = "who-met"
	OpWhoMetWith     = "who-met … with"
	OpQuotes         = "quotes"
	OpQuotesAbout    = "quotes … about"
	OpWhoIs          = "who-is"
	OpSearch         = "search"
	OpTimelinePerson = "timeline (person)"
	OpTimelineTopic  = "timeline (topic)"
	OpTimeline       = "timeline (all)"
	OpSources        = "sources"
	OpAutocomplete   = "autocomplete"
	OpGraph          = "graph, with its picture"
	OpGraphDeep      = "graph depth 2, with its picture"
	OpChartPerson    = "timeline-chart (person), with its picture"
	OpChartTopic     = "timeline-chart (topic), with its picture"
	OpChart          = "timeline-chart (all), with its picture"
	OpDigest         = "digest of the new articles"
)

// askOps are the ask commands the suite times, in table order.
var askOps = []string{OpWhoMet, OpWhoMetWith, OpQuotes, OpQuotesAbout, OpWhoIs, OpSearch, OpTimelinePerson, OpTimelineTopic, OpTimeline, OpSources}

// pictureOps are the commands answered with a picture, timed with the
// drawing, in table order.
var pictureOps = []string{OpGraph, OpGraphDeep, OpChartPerson, OpChartTopic, OpChart}

// pictureShare is the part of the samples drawn for pictures: a drawing
// takes tens of milliseconds.
const pictureShare = 4

// workload is what one run asks: commands per operation and what is typed
// into autocomplete. It is drawn from the truth of randomly chosen
// articles of the corpus, so it names people in the forms writers use
// (surnames alone, nicknames, other transliterations) and words the
// articles contain; people in many articles are asked about more often,
// as they would be.
type workload struct {
	commands map[string][]briefing.Command
	typed    []string
}

// newWorkload draws samples queries per operation from the first n
// articles of g.
func newWorkload(g *corpusgen.Generator, n, samples int, seed uint64) workload {
	r := rand.New(rand.NewPCG(seed, 0x5ca1e))
	w := workload{commands: map[string][]briefing.Command{}}
	add := func(op string, c briefing.Command) {
		limit := samples
		if slices.Contains(pictureOps, op) {
			limit = max(1, samples/pictureShare)
		}
		if len(w.commands[op]) < limit {
			w.commands[op] = append(w.commands[op], c)
		}
	}
	full := func() bool {
		for _, op := range askOps {
			if len(w.commands[op]) < samples {
				return false
			}
		}
		return len(w.typed) >= samples
	}
	// Enough articles to fill every operation; a corpus without meetings
	// or quotes leaves those operations short rather than looping.
	for tries := 0; tries < 50*samples && !full(); tries++ {
		a := g.Article(r.IntN(n))
		t := a.Truth
		words := contentWords(string(a.Data))
		if len(t.People) > 0 {
			p := t.People[r.IntN(len(t.People))]
			form := pickForm(r, p)
			add(OpWhoIs, briefing.Command{Name: briefing.CmdWhoIs, Person: form})
			add(OpTimelinePerson, briefing.Command{Name: briefing.CmdTimeline, Subject: form})
			add(OpChartPerson, briefing.Command{Name: briefing.CmdTimelineChart, Subject: form})
			if len(w.typed) < samples {
				w.typed = append(w.typed, typedPrefix(r, form))
			}
		}
		if len(t.Meetings) > 0 {
			m := t.Meetings[r.IntN(len(t.Meetings))]
			if len(m.Participants) > 0 {
				form := formOf(r, t, m.Participants[0])
				add(OpWhoMet, briefing.Command{Name: briefing.CmdWhoMet, Person: form})
				add(OpGraph, briefing.Command{Name: briefing.CmdGraph, Person: form})
				add(OpGraphDeep, briefing.Command{Name: briefing.CmdGraph, Person: form, Depth: 2})
			}
			if len(m.Participants) > 1 {
				add(OpWhoMetWith, briefing.Command{Name: briefing.CmdWhoMet,
					Person: formOf(r, t, m.Participants[0]), With: formOf(r, t, m.Participants[1])})
			}
		}
		if len(t.Quotes) > 0 {
			q := t.Quotes[r.IntN(len(t.Quotes))]
			speaker := formOf(r, t, q.Speaker)
			add(OpQuotes, briefing.Command{Name: briefing.CmdQuotes, Person: speaker})
			if qw := contentWords(q.Text); len(qw) > 0 {
				add(OpQuotesAbout, briefing.Command{Name: briefing.CmdQuotes, Person: speaker, About: qw[r.IntN(len(qw))]})
			}
		}
		if len(words) > 1 {
			add(OpSearch, briefing.Command{Name: briefing.CmdSearch, Words: words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]})
			add(OpTimelineTopic, briefing.Command{Name: briefing.CmdTimeline, Subject: words[r.IntN(len(words))]})
			add(OpChartTopic, briefing.Command{Name: briefing.CmdTimelineChart, Subject: words[r.IntN(len(words))]})
		}
		add(OpTimeline, briefing.Command{Name: briefing.CmdTimeline})
		add(OpChart, briefing.Command{Name: briefing.CmdTimelineChart})
		add(OpSources, briefing.Command{Name: briefing.CmdSources})
	}
	return w
}

// formOf is one written form of the person of the article's truth whose
// canonical name is canon: the canonical name when the truth does not list
// them.
func formOf(r *rand.Rand, t corpusgen.Truth, canon string) string {
	for _, p := range t.People {
		if p.Canonical == canon {
			return pickForm(r, p)
		}
	}
	return canon
}

// pickForm chooses how a user names the person: as often the canonical
// name as any one form the article used.
func pickForm(r *rand.Rand, p corpusgen.TruthPerson) string {
	if k := r.IntN(len(p.Surface) + 1); k < len(p.Surface) {
		return p.Surface[k]
	}
	return p.Canonical
}

// typedPrefix is what is in the option box after some keystrokes: every
// keystroke asks for suggestions, so each prefix length is as likely.
func typedPrefix(r *rand.Rand, form string) string {
	runes := []rune(strings.ToLower(form))
	return strings.TrimSpace(string(runes[:1+r.IntN(len(runes))]))
}

// contentWords are the lower-case words of five letters or more in s that
// are not function words: what someone would search for.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 5 || !unicode.IsLower([]rune(w)[0]) || functionWords[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// functionWords are common long words no one searches for.
var functionWords = map[string]bool{
	"about": true, "after": true, "again": true, "against": true, "among": true, "before": true,
	"being": true, "between": true, "could": true, "during": true, "their": true, "there": true,
	"these": true, "those": true, "through": true, "under": true, "until": true, "where": true,
	"which": true, "while": true, "would": true, "should": true, "since": true, "still": true,
	"other": true, "because": true, "without": true, "within": true,
}
