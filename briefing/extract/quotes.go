package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/briefing"
)

// attribution says where a quotation's speaker came from.
type attribution uint8

const (
	attrNone     attribution = iota
	attrOwn                  // a speech verb in the quotation's own sentence
	attrAdjacent             // the quotation right after it, with nothing between
	attrCarried              // the previous quotation or speaker (split quotes, paragraph continuation)
)

// quoteCtx is one quotation with its place in the paragraph.
type quoteCtx struct {
	q          qspan
	open       int // para token index of the opening mark
	after      int // para token index after the quotation (its closing mark + 1, or its extent)
	sent       int // sentence of the opening mark
	speaker    int
	how        attribution
	verb       string
	partial    bool
	paraStarts bool // the paragraph opens with this quotation
}

// findQuotes attributes every quotation in the article to its speaker and
// keeps those that are statements by a named person.
func (r *run) findQuotes() {
	for pi := range r.d.paras {
		p := &r.d.paras[pi]
		if p.heading || len(p.quotes) == 0 {
			continue
		}
		ctxs := r.quoteContexts(pi)
		for i := range ctxs {
			r.attribute(pi, ctxs, i)
		}
		// A quotation followed directly by another takes its speaker.
		for i := len(ctxs) - 2; i >= 0; i-- {
			if ctxs[i].how == attrNone && ctxs[i+1].speaker >= 0 && ctxs[i].after == ctxs[i+1].open {
				ctxs[i].speaker, ctxs[i].how, ctxs[i].verb = ctxs[i+1].speaker, attrAdjacent, ctxs[i+1].verb
			}
		}
		for i := range ctxs {
			c := &ctxs[i]
			if c.how == attrNone {
				r.carrySpeaker(pi, ctxs, i)
			}
			if c.speaker < 0 || !r.isStatement(pi, c) {
				continue
			}
			r.quotes = append(r.quotes, briefing.ExtractedQuote{
				Speaker:  c.speaker,
				Text:     p.text[c.q.start:c.q.end],
				Partial:  c.partial,
				Verb:     c.verb,
				Sentence: c.sent,
			})
			r.noteSpeech(c.sent, c.open-r.d.sents[c.sent].from, c.speaker, c.verb)
		}
	}
}

// quoteContexts locates each quotation of paragraph pi among its tokens
// and sentences.
func (r *run) quoteContexts(pi int) []quoteCtx {
	p := &r.d.paras[pi]
	ctxs := make([]quoteCtx, 0, len(p.quotes))
	// One pass over the tokens: where each quotation opens and ends.
	opens, afters := make([]int, len(p.quotes)), make([]int, len(p.quotes))
	for i := range opens {
		opens[i] = -1
	}
	for k := range p.toks {
		t := &p.toks[k]
		if t.quote < 0 || t.quote >= len(p.quotes) {
			continue
		}
		if t.kind == tQuote && t.opens {
			opens[t.quote] = k
		}
		afters[t.quote] = k + 1
	}
	for qi, q := range p.quotes {
		c := quoteCtx{q: q, open: opens[qi], after: afters[qi], speaker: -1}
		if c.open < 0 {
			continue
		}
		c.sent = r.sentenceOf(pi, c.open)
		c.paraStarts = c.open == 0
		c.partial = r.isPartial(pi, &c)
		ctxs = append(ctxs, c)
	}
	return ctxs
}

// sentenceOf returns the sentence holding token k of paragraph pi.
func (r *run) sentenceOf(pi, k int) int {
	p := &r.d.paras[pi]
	sents := r.d.sents[p.first : p.first+p.nsents]
	i, _ := slices.BinarySearchFunc(sents, k, func(st sent, k int) int {
		if k < st.to {
			return 1
		}
		return -1
	})
	return p.first + min(i, p.nsents-1)
}

// attribute looks for a speech verb around quotation i in its own
// sentence: after it ("…,” Blinken said), then before it (Blinken said:
// “…”, He cautioned that “…”).
func (r *run) attribute(pi int, ctxs []quoteCtx, i int) {
	c := &ctxs[i]
	// After the quotation, up to the next one or the sentence's end.
	endSent := r.sentenceOf(pi, max(c.after-1, c.open))
	st := r.d.sents[endSent]
	stop := st.to
	if i+1 < len(ctxs) && ctxs[i+1].open < stop {
		stop = ctxs[i+1].open
	}
	if e, verb := r.attributionAfter(endSent, c.after-st.from, stop-st.from); e >= 0 {
		c.speaker, c.how, c.verb = e, attrOwn, verb
		return
	}
	// Before it, back to the previous quotation or the sentence's start.
	st = r.d.sents[c.sent]
	from := st.from
	if i > 0 && ctxs[i-1].after > from {
		from = ctxs[i-1].after
	}
	if e, verb := r.attributionBefore(c.sent, from-st.from, c.open-st.from); e >= 0 {
		c.speaker, c.how, c.verb = e, attrOwn, verb
		return
	}
	// "Al-Attiyah was blunt: “…”": a colon after the clause's subject.
	if k := c.open - st.from; k > 0 && r.d.tokens(c.sent)[k-1].text == ":" {
		if e := r.clauseSubject(c.sent, from-st.from, k-1); e >= 0 {
			c.speaker, c.how = e, attrOwn
		}
	}
}

// attributionAfter reads "…,” Blinken said", "…,” said Nate Evans",
// "…,” he stated", "…,” according to X": a speech verb within the words
// after the quotation, with only the speaker's words before it.
func (r *run) attributionAfter(s, from, to int) (int, string) {
	toks := r.d.tokens(s)
	for k := from; k < to && k < from+20; k++ {
		t := &toks[k]
		if t.quote >= 0 {
			return -1, ""
		}
		switch {
		case t.key == "according" && k+1 < to && toks[k+1].key == "to":
			if e := r.subjectAfter(s, k+2); e >= 0 {
				return e, "according to"
			}
			return -1, ""
		case r.x.words.speech[t.key] || r.x.words.speechIng[t.key] || wentOn(toks, k):
			if e := r.speakerOf(s, k); e >= 0 {
				return e, r.verbPhrase(toks, k)
			}
			return -1, ""
		case t.kind == tPunct && (t.text == "," || t.text == "—" || t.text == "–"):
		case t.text == "." && k > from && abbreviations[toks[k-1].key]: // "Hale Jr. told"
		case t.kind == tWord && (r.inPersonPhrase(s, k) || r.x.words.adverbs[t.key] || r.x.words.pronouns[t.key] != (pronoun{})):
		default:
			return -1, ""
		}
	}
	return -1, ""
}

// inPersonPhrase reports whether token k of sentence s is part of a
// person's name, title, apposition or role description.
func (r *run) inPersonPhrase(s, k int) bool {
	toks := r.d.tokens(s)
	for _, m := range r.mentions[s] {
		if m.kind != briefing.KindPerson {
			continue
		}
		if k >= m.roleFrom && k < m.to {
			return true
		}
		if _, end := r.apposition(s, toks, m.to); k >= m.to && k < end {
			return true
		}
	}
	for _, rr := range r.roleRefs[s] {
		if k >= rr.from && k < rr.to {
			return true
		}
	}
	return false
}

// attributionBefore finds the last speech verb before the quotation in its
// sentence and that verb's subject: "Blinken said: “…”", "He cautioned,
// however, that there is “…", "The Secretary of State also clarified …
// that “…”", "Blinken called the offer “serious”".
func (r *run) attributionBefore(s, from, to int) (int, string) {
	toks := r.d.tokens(s)
	for k := to - 1; k >= from; k-- {
		t := &toks[k]
		if t.quote >= 0 || t.kind != tWord {
			continue
		}
		switch {
		case t.key == "according" && k+1 < to && toks[k+1].key == "to":
			if e := r.subjectAfter(s, k+2); e >= 0 {
				return e, "according to"
			}
		case r.x.words.speechIng[t.key]:
			// "…, adding that “…”": the sentence's speaker.
			if e := r.sentenceSpeaker(s, k); e >= 0 {
				return e, t.text
			}
		case r.x.words.speech[t.key]:
			if e := r.speakerOf(s, k); e >= 0 {
				return e, r.verbPhrase(toks, k)
			}
		}
	}
	return -1, ""
}

// clauseSubject is the person a clause from token from to token to opens
// with: a name, a pronoun or a role description ("He was direct").
func (r *run) clauseSubject(s, from, to int) int {
	toks := r.d.tokens(s)
	if from >= to {
		return -1
	}
	if toks[from].is("he", "she") {
		return r.resolvePronoun(s, from)
	}
	if e := r.roleRefAt(s, from, -1); e >= 0 {
		return e
	}
	for _, m := range r.mentions[s] {
		if m.kind == briefing.KindPerson && (m.roleFrom == from || m.from == from) && !m.poss {
			return r.resolve(m.entity)
		}
	}
	return -1
}

// sentenceSpeaker is who speaks in sentence s before token k: the subject
// of an earlier speech verb, else the first person named as a subject.
func (r *run) sentenceSpeaker(s, k int) int {
	for i := len(r.speech) - 1; i >= 0; i-- {
		if ev := r.speech[i]; ev.sent == s && ev.verb < k {
			return ev.entity
		}
	}
	for _, m := range r.mentions[s] {
		if m.kind == briefing.KindPerson && !m.object && !m.inQuote && m.from < k {
			return r.resolve(m.entity)
		}
	}
	return -1
}

// wentOn reports "went on" / "goes on" (continuing to speak) at k.
func wentOn(toks []token, k int) bool {
	return toks[k].is("went", "goes", "go") && k+1 < len(toks) && toks[k+1].key == "on"
}

// verbPhrase is the attribution as written: the verb, with its object for
// "told" ("told reporters").
func (r *run) verbPhrase(toks []token, k int) string {
	v := toks[k].text
	if wentOn(toks, k) {
		return v + " on"
	}
	if toks[k].key == "told" && k+1 < len(toks) && toks[k+1].kind == tWord && !toks[k+1].cap && toks[k+1].quote < 0 {
		v += " " + toks[k+1].text
	}
	return v
}

// carrySpeaker gives an unattributed quotation the speaker it continues:
// the previous quotation of its paragraph (`“A,” she said. “B.”`), or, for
// a paragraph that opens with a quotation or a quotation without any
// attribution, the last person who spoke.
func (r *run) carrySpeaker(pi int, ctxs []quoteCtx, i int) {
	c := &ctxs[i]
	for j := i - 1; j >= 0; j-- {
		if ctxs[j].speaker >= 0 {
			c.speaker, c.how, c.verb = ctxs[j].speaker, attrCarried, ctxs[j].verb
			return
		}
	}
	st := r.d.sents[c.sent]
	back := 2
	if c.paraStarts {
		back = 4
	}
	e, at := r.lastSpeakerBefore(c.sent, c.open-st.from, back)
	// A paragraph that opens with a quotation continues the person the
	// previous paragraph ends on, when that comes after the last speaker.
	if c.paraStarts && pi > 0 {
		prev := &r.d.paras[pi-1]
		last := prev.first + prev.nsents - 1
		if subj := r.sentenceSubject(last); subj >= 0 && last > at && !prev.heading {
			e = subj
		}
	}
	if e >= 0 {
		c.speaker, c.how = e, attrCarried
	}
}

// sentenceSubject is the person a sentence opens with (a name, a pronoun
// or a role description), or -1.
func (r *run) sentenceSubject(s int) int {
	if r.d.heading(s) {
		return -1
	}
	return r.clauseSubject(s, 0, len(r.d.tokens(s)))
}

// noteSpeech records that a person spoke at token k of sentence s, keeping
// the speech events in reading order.
func (r *run) noteSpeech(s, k, e int, verb string) {
	ev := speechEvent{sent: s, verb: k, entity: e, verbText: verb}
	at, _ := slices.BinarySearchFunc(r.speech, ev, func(a, b speechEvent) int {
		if a.sent != b.sent {
			return a.sent - b.sent
		}
		return a.verb - b.verb
	})
	r.speech = slices.Insert(r.speech, at, ev)
}

// isPartial reports whether a quotation is a fragment worked into the
// writer's sentence: it starts in lower case, or words of the sentence come
// right before it without a colon or comma after a speech verb.
func (r *run) isPartial(pi int, c *quoteCtx) bool {
	p := &r.d.paras[pi]
	first, _ := utf8.DecodeRuneInString(p.text[c.q.start:c.q.end])
	if unicode.IsLower(first) {
		return true
	}
	st := r.d.sents[c.sent]
	if c.open == st.from {
		return false
	}
	prev := &p.toks[c.open-1]
	switch {
	case prev.text == ":" || prev.text == ",":
		return false
	case prev.kind == tQuote:
		return false
	case r.x.words.speech[prev.key] || r.x.words.speechIng[prev.key]:
		return false
	}
	return true
}

// isStatement separates quotations from scare quotes, titles and
// nicknames: a short quotation needs a speech verb of its own, a title cue
// or "so-called" before it rules it out, and a Title Case phrase without
// attribution is a name.
func (r *run) isStatement(pi int, c *quoteCtx) bool {
	p := &r.d.paras[pi]
	text := p.text[c.q.start:c.q.end]
	words := strings.Fields(text)
	if c.open > 0 {
		prev := &p.toks[c.open-1]
		if r.x.words.titleCues[prev.key] || r.x.words.scareCues[prev.key] {
			return false
		}
	}
	if len(words) <= 4 && c.how != attrOwn && !(c.how == attrCarried && len(words) >= 2 && !c.partial && sentenceLike(text)) {
		return false
	}
	if len(words) <= 2 && c.partial {
		// A word or two in a sentence: a statement only with a speech verb
		// right before ("called the offer “serious”", "warned of “chaos”").
		if !r.speechVerbNear(pi, c.open) {
			return false
		}
	}
	if c.how != attrOwn && titleCase(words) {
		return false
	}
	// "the commitments written into the “Washington Summit Declaration”",
	// "a staff report, “Buy or Bury: Serial Acquisitions in …”": a title
	// worked into the sentence, even after a speech verb.
	if (c.partial && len(words) >= 2 || len(words) >= 3) && len(words) <= 12 && headlineCase(words) {
		return false
	}
	return true
}

// minorTitleWords stay lower case inside a title.
var minorTitleWords = set("a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "vs", "v")

// headlineCase reports whether quoted words are capitalised like a title:
// every word but short function words, the first and last capitalised.
func headlineCase(words []string) bool {
	for i, w := range words {
		w = strings.Trim(w, ":;,.!?—–-()")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i == 0 || i == len(words)-1 || !minorTitleWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// speechVerbNear reports whether a speech verb stands in the clause
// before para token k, within ten words.
func (r *run) speechVerbNear(pi, k int) bool {
	p := &r.d.paras[pi]
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		t := &p.toks[j]
		if r.x.words.speech[t.key] || r.x.words.speechIng[t.key] {
			return true
		}
		if t.text == ";" || t.text == "." || t.kind == tQuote {
			return false
		}
	}
	return false
}

// sentenceLike reports whether quoted words read as a whole sentence: a
// capital first letter and a sentence's end inside the marks.
func sentenceLike(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " "))
	return unicode.IsUpper(first) && strings.ContainsRune(".!?…", last)
}

func titleCase(words []string) bool {
	if len(words) > 6 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps == len(words)
}
