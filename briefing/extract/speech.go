package extract

import "briefbot/briefing"

// speechEvent is a person speaking in a sentence: the subject of a speech
// verb, in direct or reported speech ("Dermer insisted that …").
type speechEvent struct {
	sent, verb int // sentence and the verb's token
	entity     int
	verbText   string
}

// findSpeech records who speaks in each sentence, in reading order.
func (r *run) findSpeech() {
	for s, k := range r.bodyWords() {
		toks := r.d.tokens(s)
		t := &toks[k]
		var e int
		verb := t.text
		switch {
		case t.key == "according" && k+1 < len(toks) && toks[k+1].key == "to":
			e = r.subjectAfter(s, k+2)
			verb = "according to"
		case r.x.words.speech[t.key] && !weakSpeech[t.key]:
			e = r.speakerOf(s, k)
		default:
			continue
		}
		if e >= 0 {
			r.speech = append(r.speech, speechEvent{sent: s, verb: k, entity: e, verbText: verb})
		}
	}
}

// weakSpeech are verbs that report speech only next to a quotation
// ("called", "described"), not on their own.
var weakSpeech = set("called", "described", "dubbed", "labelled", "labeled", "termed", "put", "began",
	"hoped", "hopes", "believes", "believed", "thinks", "thought", "feared", "fears", "estimated",
	"estimates", "reported", "reports", "spoke", "speaks", "continued", "answered", "answers", "rules",
	"ruled", "posted", "agreed", "agrees", "charged", "accused", "accuses", "states", "say",
	"dismissed", "dismisses", "branded", "brands", "hailed", "hails", "slammed", "slams", "condemned",
	"condemns", "denounced", "denounces", "criticised", "criticized", "praised", "praises", "rejected",
	"rejects", "welcomed", "welcomes", "decried", "decries", "derided", "derides", "blasted", "blasts")

// speakerOf returns the subject of the speech verb at token k of sentence
// s: a name, pronoun or role description right before it ("Blinken said",
// "he said", "the minister said", "Nate Evans, spokesperson for …, said"),
// or right after it ("said Blinken").
func (r *run) speakerOf(s, k int) int {
	if e := r.subjectBefore(s, k); e >= 0 {
		return e
	}
	toks := r.d.tokens(s)
	// Inverted: ", said X" or "” said X" or sentence-initial "Said X" —
	// but who is told, urged or asked is the listener.
	if toldVerbs[toks[k].key] {
		return -1
	}
	if k == 0 || toks[k-1].text == "," || toks[k-1].kind == tQuote {
		return r.subjectAfter(s, k+1)
	}
	return -1
}

// toldVerbs name their listener after them: "…, told Thomas Bach that".
var toldVerbs = set("told", "tells", "tell", "telling", "urged", "urges", "asked", "asks", "warned", "warns", "reminded", "reminds", "assured", "assures", "informed", "informs")

// subjectBefore finds the person whose name, pronoun or role description
// ends right before token k, allowing adverbs and auxiliaries between
// ("Dermer also insisted", "he had said") and an apposition.
func (r *run) subjectBefore(s, k int) int {
	toks := r.d.tokens(s)
	j := k - 1
	for j >= 0 && toks[j].kind == tWord && r.x.words.adverbs[toks[j].key] && !r.x.words.pronouns[toks[j].key].male && !r.x.words.pronouns[toks[j].key].female {
		j--
	}
	for j > 1 && toks[j].text == "," && r.x.words.adverbs[toks[j-1].key] && toks[j-2].text == "," {
		// "Haftar, however, said" — skip a parenthetical adverb
		j -= 3
	}
	if j > 0 && toks[j].text == "." && abbreviations[toks[j-1].key] {
		j-- // "Hale Jr. told reporters"
	}
	if j < 0 {
		return -1
	}
	t := &toks[j]
	if t.kind == tWord && t.quote < 0 {
		if _, ok := r.x.words.pronouns[t.key]; ok {
			return r.resolvePronoun(s, j)
		}
	}
	for _, m := range r.mentions[s] {
		if m.kind != briefing.KindPerson {
			continue
		}
		if m.to == j+1 {
			if m.poss {
				return -1 // "Infantino's comments": an owner, not a speaker
			}
			return r.resolve(m.entity)
		}
		if _, end := r.apposition(s, toks, m.to); end > m.to && end == j+1 {
			return r.resolve(m.entity)
		}
		if toks[j].text == "," {
			if _, end := r.apposition(s, toks, m.to); end == j {
				return r.resolve(m.entity)
			}
		}
	}
	if e := r.roleRefAt(s, -1, j+1); e >= 0 {
		return e
	}
	// "Vance, a 2014 appointee who is hearing the case, warned …": the
	// name before a parenthetical set off by commas.
	if i := openingComma(toks, j); i >= 0 {
		for _, m := range r.mentions[s] {
			if m.kind == briefing.KindPerson && m.to == i && !m.inQuote && !m.poss && !m.object {
				return r.resolve(m.entity)
			}
		}
		// "The World Athletics boss, a double Olympic champion, told …"
		return r.roleRefAt(s, -1, i)
	}
	return -1
}

// subjectAfter finds the person named, or referred to, at token k.
func (r *run) subjectAfter(s, k int) int {
	toks := r.d.tokens(s)
	if k >= len(toks) {
		return -1
	}
	if _, ok := r.x.words.pronouns[toks[k].key]; ok && toks[k].quote < 0 {
		return r.resolvePronoun(s, k)
	}
	for _, m := range r.mentions[s] {
		if m.kind == briefing.KindPerson && (m.from == k || m.roleFrom == k) {
			return r.resolve(m.entity)
		}
		if m.kind == briefing.KindPerson && m.roleFrom <= k && k < m.from {
			return r.resolve(m.entity)
		}
	}
	// "said the Secretary of State"
	if k < len(toks) && toks[k].key == "the" {
		return r.roleRefAt(s, k, -1)
	}
	return -1
}

// lastSpeakerBefore returns the person who spoke most recently before
// sentence s (or in s before token k), within maxBack sentences.
func (r *run) lastSpeakerBefore(s, k, maxBack int) (int, int) {
	for i := len(r.speech) - 1; i >= 0; i-- {
		ev := r.speech[i]
		if ev.sent > s || ev.sent == s && ev.verb >= k {
			continue
		}
		if s-ev.sent > maxBack {
			return -1, -1
		}
		return ev.entity, ev.sent
	}
	return -1, -1
}
