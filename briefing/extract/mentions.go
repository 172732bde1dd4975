package extract

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
)

// mention is a name in a sentence that refers to an entity.
type mention struct {
	from, to int // the name's tokens within the sentence
	roleFrom int // first token of a title before the name; == from when none
	kind     briefing.EntityKind
	entity   int
	poss     bool // the name is possessive ("Blinken's")
	inQuote  bool
	object   bool // governed by a preposition or a verb, not a subject
}

// lone is a single capitalised word that may be a surname used alone; it
// is decided once the article's full names are known.
type lone struct {
	sent, from, to int
	thing          *thingFallback // what the word is when it is nobody's name
	strong         bool           // a title, a courtesy title or a speech verb says it is a person
	titled         bool           // a title or courtesy title
	placeHint      bool           // after "in", "at", "near"…
}

// thingFallback is the organisation or place a word names when it turns
// out not to be a person's name.
type thingFallback struct {
	kind          briefing.EntityKind
	name, country string
}

// findMentions finds every name in the article and builds its entities.
func (r *run) findMentions() {
	var lones []lone
	for s := range r.d.sents {
		if r.d.heading(s) {
			continue
		}
		toks := r.d.tokens(s)
		for _, c := range r.x.findChunks(toks) {
			lones = r.classify(s, toks, c.from, c.to, lones)
		}
	}
	r.resolveLoneNames(lones)
	for s := range r.mentions {
		slices.SortFunc(r.mentions[s], func(a, b mention) int { return a.from - b.from })
		r.markObjects(s)
	}
}

// classify decides what the capitalised run toks[from:to] of sentence s
// names, records mentions, and returns lone words for later.
func (r *run) classify(s int, toks []token, from, to int, lones []lone) []lone {
	if from >= to {
		return lones
	}
	// A known organisation or place at the start of the run. A lone word
	// that is also a name ("Suzuki", "Jordan") waits until the article's
	// people are known.
	if k, kind, name, country := r.x.lexiconMatch(toks, from, to); k > from && !(k < to && r.personAfterPrefix(s, toks, from, k, to)) {
		if k == to && to-from == 1 && (r.x.lex.Surname(toks[from].key) || r.isGiven(&toks[from])) {
			return append(lones, lone{sent: s, from: from, to: to, thing: &thingFallback{kind, name, country}})
		}
		if k == to || !r.hasRoleHead(toks, k, to) {
			r.addThing(s, toks, from, to, kind, name, country)
			return lones
		}
		r.addThing(s, toks, from, k, kind, name, country)
		// The rest may be a title and a name: "Mossad Chief David Barnea".
	}
	// A title then a name: "Qatari Prime Minister Mohammed … Al-Thani".
	if h := r.lastRoleHead(toks, from, to); h >= 0 {
		start := r.roleComplement(toks, h, to)
		if start < to && r.looksLikeName(toks, start, to) {
			return r.addPerson(s, toks, start, to, lones)
		}
		if start >= to {
			r.addInnerThings(s, toks, from, to)
			return lones
		}
	}
	n := wordCount(toks, from, to)
	switch {
	case n >= 2 && r.orgLike(toks, from, to):
		r.addThing(s, toks, from, to, briefing.KindOrganization, r.d.spanText(s, from, to), "")
		return lones
	case n == 1 && toks[from].acronym && !r.isDemonym(&toks[from]):
		r.addThing(s, toks, from, to, briefing.KindOrganization, toks[from].text, "")
		return lones
	case n == 1 && r.isDemonym(&toks[from]):
		return lones
	}
	if to < len(toks) && r.x.words.nonPersonFollowers[toks[to].key] && !toks[to-1].poss {
		return lones // "the Biden administration"
	}
	return r.addPerson(s, toks, from, to, lones)
}

// personAfterPrefix reports whether a run that starts with a known name
// (toks[from:k], "Suzuki") is rather a person's name: a given name
// follows, or a title is set off after it ("Suzuki Masahiro, the chief
// financial officer of …").
func (r *run) personAfterPrefix(s int, toks []token, from, k, to int) bool {
	if r.hasRoleHead(toks, k, to) || !r.looksLikeName(toks, from, to) {
		return false
	}
	if r.isGiven(&toks[k]) {
		return true
	}
	appo, _ := r.apposition(s, toks, to)
	return appo != ""
}

// addPerson records a person named by toks[from:to] when the words and
// their context say it is one. A lone word is kept for resolveLoneNames.
func (r *run) addPerson(s int, toks []token, from, to int, lones []lone) []lone {
	if !r.looksLikeName(toks, from, to) {
		return lones
	}
	roleFrom := r.rolePrefix(toks, from)
	// "Prime Minister Sheikh Mohammed": the courtesy title belongs to the
	// name, not to the role.
	for roleFrom < from {
		if names.IsHonorific(toks[from-1].key) {
			from--
		} else if from > 1 && toks[from-1].text == "." && names.IsHonorific(toks[from-2].key) {
			from -= 2
		} else {
			break
		}
		roleFrom = r.rolePrefix(toks, from)
	}
	appo, _ := r.apposition(s, toks, to)
	if appo == "" && roleFrom == from {
		appo = r.leadingApposition(s, toks, from, to)
	}
	hasRole := roleFrom < from || appo != ""
	text := r.d.spanText(s, from, to)
	n := names.Parse(text)
	if n.Surname == "" {
		return lones
	}
	if n.Single() && roleFrom < from && roleFrom > 0 && toks[roleFrom-1].is("his", "her", "its", "their", "our") && !r.isGiven(&toks[from]) {
		// "his General Command": an owned title over one word is a name
		// of a body, not a person ("his coach Samuel" is one).
		hasRole = false
	}
	if n.Single() {
		lones = append(lones, lone{
			sent: s, from: from, to: to,
			titled:    hasRole || len(n.Honorifics) > 0,
			strong:    hasRole || len(n.Honorifics) > 0 || r.speechVerbAfter(toks, to),
			placeHint: from > 0 && toks[from-1].is("in", "at", "near", "from", "outside"),
		})
		if hasRole || len(n.Honorifics) > 0 {
			lones = lones[:len(lones)-1]
			// "Sheikh Mohammed", "Mr Burns": the person named in full
			// before, when there is one.
			if i := r.fullNameFor(n, s, from); i >= 0 && len(n.Honorifics) > 0 {
				r.attachLone(i, s, toks, from, to, n, text)
				if roleFrom < from {
					r.addRoleTo(r.ents[i], s, toks, roleFrom, from)
				}
				return lones
			}
			r.recordPerson(s, toks, from, to, roleFrom, n, text, appo)
		}
		return lones
	}
	if !hasRole && len(n.Honorifics) == 0 && !r.nameEvidence(s, n, toks, to) {
		return lones
	}
	r.recordPerson(s, toks, from, to, roleFrom, n, text, appo)
	return lones
}

// recordPerson adds a person mention with its titles.
func (r *run) recordPerson(s int, toks []token, from, to, roleFrom int, n names.Name, text, appo string) {
	i := r.person(n)
	e := r.ents[i]
	e.addAlias(displayName(names.Parse(text)))
	if roleFrom < from {
		r.addRoleTo(e, s, toks, roleFrom, from)
	}
	if appo != "" {
		e.addRole(appo)
		r.genderFromRole(e, appo)
	}
	r.addMention(i, s, text, briefing.ByName)
	r.mentions[s] = append(r.mentions[s], mention{
		from: from, to: to, roleFrom: roleFrom, kind: briefing.KindPerson, entity: i,
		poss: toks[to-1].poss, inQuote: toks[from].quote >= 0,
	})
}

// addRoleTo records the title toks[from:to] for e, and the organisations
// and places it names as affiliations.
func (r *run) addRoleTo(e *entity, s int, toks []token, from, to int) {
	role := r.d.spanText(s, from, to)
	e.addRole(role)
	r.genderFromRole(e, role)
	for i := from; i < to; i++ {
		if !capWord(&toks[i]) {
			continue
		}
		if k, kind, name, _ := r.x.lexiconMatch(toks, i, to); k > i && kind == briefing.KindOrganization {
			if !slices.Contains(e.affil, name) {
				e.affil = append(e.affil, name)
			}
			i = k - 1
		}
	}
}

// genderFromRole reads gender off titles such as "spokeswoman" or "King".
func (r *run) genderFromRole(e *entity, role string) {
	if e.gender != lexicon.GenderUnknown {
		return
	}
	for _, w := range strings.Fields(strings.ToLower(role)) {
		switch w {
		case "spokeswoman", "chairwoman", "congresswoman", "queen", "princess", "duchess", "countess",
			"baroness", "sheikha", "businesswoman", "mrs", "ms", "madam", "dame", "lady", "empress":
			e.gender = lexicon.Female
		case "spokesman", "chairman", "congressman", "king", "prince", "duke", "count", "baron", "emir",
			"sultan", "sheikh", "businessman", "mr", "sir", "lord", "emperor", "pope", "cardinal":
			e.gender = lexicon.Male
		}
	}
}

// addThing records an organisation or place mention.
// name is the canonical name (the lexicon's, when known): it identifies the
// entity; the article's own words are its display and aliases.
func (r *run) addThing(s int, toks []token, from, to int, kind briefing.EntityKind, name, country string) {
	text := r.d.spanText(s, from, to)
	i := r.thing(kind, name, text, country)
	r.ents[i].addAlias(text)
	r.ents[i].addAlias(name)
	r.addMention(i, s, text, briefing.ByName)
	r.mentions[s] = append(r.mentions[s], mention{
		from: from, to: to, roleFrom: from, kind: kind, entity: i,
		poss: toks[to-1].poss, inQuote: toks[from].quote >= 0,
	})
}

// addInnerThings records the known organisations and places inside a
// title that names no one ("Mossad chief" alone).
func (r *run) addInnerThings(s int, toks []token, from, to int) {
	for i := from; i < to; i++ {
		if k, kind, name, country := r.x.lexiconMatch(toks, i, to); k > i {
			r.addThing(s, toks, i, k, kind, name, country)
			i = k - 1
		}
	}
}

// lexiconMatch finds the longest known organisation or place that starts
// at token from and ends by to. It returns the end token (from when none).
func (x *Extractor) lexiconMatch(toks []token, from, to int) (int, briefing.EntityKind, string, string) {
	limit := min(to, from+max(x.lex.MaxOrgWords(), x.lex.MaxPlaceWords()))
	var key strings.Builder
	best, kind, name, country := from, briefing.EntityKind(""), "", ""
	for k := from; k < limit; k++ {
		if toks[k].kind != tWord {
			break
		}
		if k > from {
			key.WriteByte(' ')
		}
		key.WriteString(toks[k].key)
		if k > from && toks[k-1].poss {
			break
		}
		ks := key.String()
		if o, ok := x.lex.Organization(ks); ok && capWord(&toks[from]) {
			best, kind, name, country = k+1, briefing.KindOrganization, o.Name, ""
		} else if p, ok := x.lex.Place(ks); ok && capWord(&toks[from]) {
			best, kind, name, country = k+1, briefing.KindPlace, p.Name, p.Country
		}
	}
	return best, kind, name, country
}

func wordCount(toks []token, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// looksLikeName reports whether toks[from:to] can be a person's name: no
// function words but particles, no "of", not a known place or organisation,
// not ending in an organisation word.
func (r *run) looksLikeName(toks []token, from, to int) bool {
	if from >= to {
		return false
	}
	for i := from; i < to; i++ {
		t := &toks[i]
		if t.kind == tPunct && t.text == "." {
			continue
		}
		if t.kind != tWord {
			return false
		}
		if t.key == "of" || t.key == "for" || t.key == "the" || t.text == "&" {
			return false
		}
		if r.x.words.function[t.key] && !lowerParticles[t.key] && !(i > from && names.IsSuffix(t.key)) {
			return false
		}
		if r.isRoleHead(t) && i == to-1 && i > from {
			return false
		}
	}
	if k, _, _, _ := r.x.lexiconMatch(toks, from, to); k == to {
		return false
	}
	last := &toks[to-1]
	if wordCount(toks, from, to) >= 2 && r.x.words.orgHeads[last.key] && !r.isGiven(&toks[from]) {
		return false
	}
	return true
}

// nameEvidence reports whether a multi-word name without a title is a
// person: a known given name first, a known surname last, or a speech
// verb after it.
func (r *run) nameEvidence(s int, n names.Name, toks []token, to int) bool {
	if _, ok := r.x.lex.GivenName(n.Given); ok {
		return true
	}
	if len(r.x.lex.FormalNames(n.Given)) > 0 {
		return true
	}
	if r.x.lex.Surname(n.Surname) || r.speechVerbAfter(toks, to) {
		return true
	}
	_, appoEnd := r.apposition(s, toks, to)
	return appoEnd > to
}

func (r *run) isGiven(t *token) bool {
	_, ok := r.x.lex.GivenName(t.key)
	return ok
}

// orgLike reports whether a run of two or more capitalised words names an
// organisation: "Al-Qahera News", "Palestinian Authority", "Ministry of …".
func (r *run) orgLike(toks []token, from, to int) bool {
	last, first := &toks[to-1], &toks[from]
	if r.x.words.orgHeads[last.key] {
		return true
	}
	if r.x.words.orgStarts[first.key] {
		for i := from; i < to; i++ {
			if toks[i].key == "of" || toks[i].key == "for" {
				return true
			}
		}
	}
	return false
}

// isDemonym reports whether a word is a nationality adjective.
func (r *run) isDemonym(t *token) bool {
	_, ok := r.x.lex.Demonym(t.key)
	return ok
}

// speechVerbAfter reports whether a speech verb follows position to,
// allowing a few adverbs ("Dermer also insisted"). Forms that are also
// plural nouns ("states", "notes", "claims") do not count.
func (r *run) speechVerbAfter(toks []token, to int) bool {
	for i := to; i < len(toks) && i < to+3; i++ {
		t := &toks[i]
		if r.x.words.speech[t.key] && !nounLikeSpeech[t.key] {
			return true
		}
		if !r.x.words.adverbs[t.key] {
			return false
		}
	}
	return false
}

// nounLikeSpeech are speech verbs that are also plural nouns.
var nounLikeSpeech = set("states", "notes", "claims", "reports", "comments", "demands", "promises", "answers",
	"counters", "fears", "hopes", "rules", "estimates", "posts", "tweets", "charges", "pledges", "vows",
	"suggests", "remarks", "replies", "responds")

// resolveLoneNames decides the lone capitalised words: the surname of a
// person the article names in full, a person in their own right when the
// context says so, or a place after "in".
func (r *run) resolveLoneNames(lones []lone) {
	// A bare surname keeps naming whom it first named: "Vance" stays the
	// judge after his father, "Harold Vance Sr.", comes into the story.
	first := map[string]int{}
	for _, l := range lones {
		toks := r.d.tokens(l.sent)
		text := r.d.spanText(l.sent, l.from, l.to)
		n := names.Parse(text)
		if i := r.fullNameFor(n, l.sent, l.from); i >= 0 {
			key := fold.Key(text)
			if j, ok := first[key]; ok && r.x.names.Compatible(n, r.ents[j].name) {
				i = r.resolve(j)
			} else if !ok {
				first[key] = i
			}
			r.attachLone(i, l.sent, toks, l.from, l.to, n, text)
			continue
		}
		if l.thing != nil {
			r.addThing(l.sent, toks, l.from, l.to, l.thing.kind, l.thing.name, l.thing.country)
			continue
		}
		if toks[l.from].quote >= 0 && !l.titled {
			continue // inside quotation marks ("The Referee's Notebook"): only known people
		}
		given := r.isGiven(&toks[l.from])
		known := r.x.lex.Surname(n.Surname) || given
		if l.from == 0 && !known && !l.titled && commonWordShape(n.Surname) {
			continue // "Observers said", "Neighbouring states …"
		}
		switch {
		case l.strong || r.x.lex.Surname(n.Surname) && !(given && l.from == 0):
			if l.from == 0 && !l.strong && r.x.words.function[n.Surname] {
				continue
			}
			appo, _ := r.apposition(l.sent, toks, l.to)
			r.recordPerson(l.sent, toks, l.from, l.to, r.rolePrefix(toks, l.from), n, text, appo)
		case l.placeHint && !given && l.from > 0:
			r.addThing(l.sent, toks, l.from, l.to, briefing.KindPlace, text, "")
		}
	}
	r.mergeLoneIntoFull()
}

// attachLone records toks[from:to], one word of a name, as a mention of
// the person named in full by entity i.
func (r *run) attachLone(i, s int, toks []token, from, to int, n names.Name, text string) {
	roleFrom := r.rolePrefix(toks, from)
	r.ents[i].addAlias(displayName(n))
	r.addMention(i, s, text, briefing.ByName)
	r.mentions[s] = append(r.mentions[s], mention{
		from: from, to: to, roleFrom: roleFrom, kind: briefing.KindPerson, entity: i,
		poss: toks[to-1].poss, inQuote: toks[from].quote >= 0,
	})
}

// fullNameFor finds the person named in full whose surname (or given name,
// after "Sheikh" or "Sir") the lone word at token k of sentence s is: the
// one mentioned last before it, else the first one after it.
func (r *run) fullNameFor(n names.Name, s, k int) int {
	before, after := -1, -1
	beforeAt, afterAt := -1, 1<<30
	for i, e := range r.ents {
		if e.kind != briefing.KindPerson || e.merged >= 0 || !e.name.Full() {
			continue
		}
		if !r.x.names.Compatible(n, e.name) {
			continue
		}
		for _, m := range e.mentions {
			at := m.Sentence<<16 | r.tokenOf(i, m.Sentence)
			if at < s<<16|k && at >= beforeAt {
				before, beforeAt = i, at
			}
			if at > s<<16|k && at < afterAt {
				after, afterAt = i, at
			}
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// tokenOf returns where entity i is first named in sentence s (0 when
// the sentence's mentions do not say).
func (r *run) tokenOf(i, s int) int {
	for _, m := range r.mentions[s] {
		if r.resolve(m.entity) == i {
			return min(m.from, 1<<16-1)
		}
	}
	return 0
}

// mergeLoneIntoFull merges a person known only by one word ("Prime
// Minister Netanyahu") into the one full name in the article that has it.
func (r *run) mergeLoneIntoFull() {
	for i, e := range r.ents {
		if e.kind != briefing.KindPerson || e.merged >= 0 || !e.name.Single() {
			continue
		}
		match := -1
		for j, f := range r.ents {
			if j == i || f.kind != briefing.KindPerson || f.merged >= 0 || !f.name.Full() || !r.x.names.Compatible(e.name, f.name) {
				continue
			}
			if match >= 0 {
				match = -2 // two full names fit: leave it alone
				break
			}
			match = j
		}
		if match == -1 {
			match = r.givenNameOwner(e)
		}
		if match >= 0 {
			r.merge(i, match)
		}
	}
	for s := range r.mentions {
		for k := range r.mentions[s] {
			r.mentions[s][k].entity = r.resolve(r.mentions[s][k].entity)
		}
	}
}

// givenNameOwner returns the one person named in full whose given name a
// one-word name is, when that word is a known given name or follows a
// royal title ("his dad-turned-coach Samuel" of Samuel Okafor, "Prince
// Abdulaziz" of Abdulaziz bin Salman); -1 when none or several fit, or
// when someone in the article has it as surname.
func (r *run) givenNameOwner(e *entity) int {
	word := e.name.Surname
	royal := slices.ContainsFunc(e.roles, func(role string) bool {
		f := strings.Fields(fold.Key(role))
		return len(f) > 0 && royalTitles[f[len(f)-1]]
	})
	if _, given := r.x.lex.GivenName(word); !given && !royal || e.name.Suffix != "" {
		return -1
	}
	match := -1
	for j, f := range r.ents {
		if f == e || f.kind != briefing.KindPerson || f.merged >= 0 || !f.name.Full() {
			continue
		}
		if r.x.names.SameSpelling(word, f.name.Surname) {
			return -1
		}
		if r.x.names.SameGiven(word, f.name.Given) && len(word) > 1 {
			if match >= 0 {
				return -1
			}
			match = j
		}
	}
	return match
}

// royalTitles are used with a given name alone: "Prince Abdulaziz".
var royalTitles = set("prince", "princess", "king", "queen", "emir", "amir", "sultan", "sheikh", "sheikha", "shaikh")

// markObjects flags mentions governed by a preposition or a verb: they are
// less likely antecedents of a pronoun than subjects.
func (r *run) markObjects(s int) {
	toks := r.d.tokens(s)
	for k := range r.mentions[s] {
		m := &r.mentions[s][k]
		// Past determiners and a short lower-case description ("met the
		// eastern commander Khalifa Haftar").
		j := m.roleFrom - 1
		for described := 0; j >= 0; j-- {
			t := &toks[j]
			if r.x.words.determiners[t.key] {
				continue
			}
			if described < 3 && t.kind == tWord && !t.cap && t.quote < 0 && !r.x.words.function[t.key] &&
				!r.x.words.prepositions[t.key] && !objectVerbs[t.key] {
				described++
				continue
			}
			break
		}
		if j < 0 {
			continue
		}
		t := &toks[j]
		m.object = r.x.words.prepositions[t.key] || objectVerbs[t.key]
	}
}

// objectVerbs take a person as their object.
var objectVerbs = set("met", "meet", "meets", "meeting", "hosted", "hosts", "host", "received", "receives",
	"told", "tells", "called", "urged", "asked", "thanked", "welcomed", "invited", "visited", "replaced",
	"appointed", "named", "accused", "criticized", "criticised", "praised", "blamed", "fired", "sacked",
	"nominated", "joined", "succeeded", "defeated", "beat", "interviewed", "questioned", "sued", "charged",
	"sentenced", "arrested", "elected", "endorsed", "backed", "supported", "opposed", "warned", "briefed")

// commonWordShape reports whether a folded word looks like a common word
// — a plural noun ("observers", "officials"), a participle or adjective
// ("neighbouring", "expected") — rather than a surname.
func commonWordShape(w string) bool {
	for _, suffix := range []string{"ers", "ors", "ists", "ians", "ants", "ents", "ials", "ives", "ates", "ees", "ics",
		"ing", "ings", "ed", "ly", "ous", "able", "ible", "ment", "ments", "ness", "tion", "tions", "sion", "ful", "less", "ish"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
}
