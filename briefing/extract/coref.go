package extract

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/briefing/lexicon"
)

// roleRef is a definite description of a person by role: "the Secretary
// of State", "the minister", "the Qatari premier".
type roleRef struct {
	from, to int
	entity   int // the person it refers to, -1 when none
}

// headClass maps role heads to a class so that synonyms match.
var headClass = map[string]string{
	"premier": "prime minister", "pm": "prime minister",
	"chief": "chief", "head": "chief", "director": "chief", "boss": "chief", "leader": "chief",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
	"adviser": "adviser", "advisor": "adviser", "ceo": "chief executive", "executive": "chief executive",
}

func roleClass(head string) string {
	if c, ok := headClass[head]; ok {
		return c
	}
	return head
}

// findRoleReferences finds "the <role>" descriptions that are not titles
// before a name, and resolves each to the person holding that role.
func (r *run) findRoleReferences() {
	for s := range r.d.sents {
		if r.d.heading(s) {
			continue
		}
		toks := r.d.tokens(s)
		for i := 0; i < len(toks); i++ {
			if toks[i].key != "the" {
				continue
			}
			j := i + 1
			var mods []string
			head := ""
			for ; j < len(toks) && j-i <= 5; j++ {
				t := &toks[j]
				if t.kind != tWord {
					break
				}
				if r.isRoleHead(t) {
					head = t.key
					continue
				}
				if head != "" {
					break
				}
				if r.x.words.roleMods[t.key] || t.acronym || r.isDemonym(t) || capWord(t) && !r.x.words.function[t.key] {
					mods = append(mods, t.key)
					continue
				}
				break
			}
			if head == "" {
				continue
			}
			end := r.roleComplement(toks, j-1, len(toks))
			for k := j; k < end; k++ {
				if toks[k].key != "of" && toks[k].key != "the" {
					mods = append(mods, toks[k].key)
				}
			}
			if end < len(toks) && capWord(&toks[end]) {
				continue // a title before a name
			}
			if head == "prime" {
				continue
			}
			e := r.holderOf(head, mods, s)
			if e < 0 && (i == 0 || toks[i-1].is("that", ";")) {
				// "…an ally in Seb Coe. The World Athletics boss, …",
				// "Lawyers who appear before X learn that the judge …":
				// the one person named just before, when no role is known
				// for them yet.
				if e = r.bridgedHolder(s, i); e >= 0 {
					r.ents[e].addRole(r.d.spanText(s, i, end))
				}
			}
			r.roleRefs[s] = append(r.roleRefs[s], roleRef{from: i, to: end, entity: e})
			if e >= 0 {
				r.addMention(e, s, r.d.spanText(s, i, end), briefing.ByRole)
			}
			i = end - 1
		}
	}
}

// bridgedHolder returns the one person named before token k of sentence
// s — in s, or when k opens s, in the sentence before — outside
// quotation, when the article gives them no role; else -1.
func (r *run) bridgedHolder(s, k int) int {
	ps, limit := s, k
	if k == 0 {
		if s == 0 || r.d.heading(s-1) {
			return -1
		}
		ps, limit = s-1, len(r.d.tokens(s-1))
	}
	e := -1
	for _, m := range r.mentions[ps] {
		if m.kind != briefing.KindPerson || m.inQuote || m.to > limit {
			continue
		}
		p := r.resolve(m.entity)
		if e >= 0 && p != e {
			return -1
		}
		e = p
	}
	if e < 0 || len(r.ents[e].roles) > 0 {
		return -1
	}
	return e
}

// holderOf returns the person most recently mentioned up to sentence s
// whose roles match a role head and its modifiers, or -1.
func (r *run) holderOf(head string, mods []string, s int) int {
	class := roleClass(head)
	best, bestAt := -1, -1
	for i, e := range r.ents {
		if e.kind != briefing.KindPerson || e.merged >= 0 {
			continue
		}
		if !r.holdsRole(e, class, mods) {
			continue
		}
		for _, m := range e.mentions {
			if m.Sentence <= s && m.Sentence > bestAt && m.Via == briefing.ByName {
				best, bestAt = i, m.Sentence
			}
		}
	}
	return best
}

// holdsRole reports whether one of e's roles has the head class and every
// modifier (a nationality matches its country).
func (r *run) holdsRole(e *entity, class string, mods []string) bool {
	for _, role := range e.roles {
		words := strings.Fields(fold.Key(role))
		ok := false
		for k, w := range words {
			if roleClass(w) == class || class == "prime minister" && w == "prime" && k+1 < len(words) && words[k+1] == "minister" {
				ok = true
			}
		}
		if !ok {
			continue
		}
		for _, m := range mods {
			if !r.roleHasWord(words, m) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (r *run) roleHasWord(words []string, m string) bool {
	country, isDemonym := r.x.lex.Demonym(m)
	for _, w := range words {
		if w == m || roleClass(w) == roleClass(m) {
			return true
		}
		if isDemonym {
			if c, ok := r.x.lex.Demonym(w); ok && c == country {
				return true
			}
			if p, ok := r.x.lex.Place(w); ok && p.Name == country {
				return true
			}
			// "Qatar's" is keyed "qatars"
			if p, ok := r.x.lex.Place(strings.TrimSuffix(w, "s")); ok && p.Name == country && strings.HasSuffix(w, "s") {
				return true
			}
		}
	}
	switch m {
	case "top", "senior", "former", "new", "current":
		return true
	}
	return false
}

// roleRefAt returns the person a role description ending right before
// token end (or starting at token from, when end < 0) refers to.
func (r *run) roleRefAt(s, from, end int) int {
	for _, rr := range r.roleRefs[s] {
		if end >= 0 && rr.to == end || end < 0 && rr.from == from {
			return rr.entity
		}
	}
	return -1
}

// resolvePronoun finds the person a he/she at token k of sentence s refers
// to: a compatible person in the same sentence before it, or in the three
// sentences before; subjects and speakers first, then the most recent.
func (r *run) resolvePronoun(s, k int) int {
	p, ok := r.x.words.pronouns[r.d.tokens(s)[k].key]
	if !ok || p.plural {
		return -1
	}
	objectCase := r.d.tokens(s)[k].is("him", "her")
	possessive := r.d.tokens(s)[k].is("his", "her")
	best, bestScore := -1, -1e9
	for back := 0; back <= 3 && s-back >= 0; back++ {
		ps := s - back
		if r.d.heading(ps) {
			continue
		}
		for _, m := range r.mentions[ps] {
			if m.kind != briefing.KindPerson || m.inQuote || back == 0 && m.from >= k {
				continue
			}
			if objectCase && back == 0 && !m.object && r.sameClause(s, m.to, k) {
				continue // "Modi will host him": not Modi
			}
			e := r.ents[r.resolve(m.entity)]
			if !genderFits(e.gender, p) {
				continue
			}
			score := -2.05 * float64(back) // ties go to the nearer sentence
			if !m.object {
				score += 2
			}
			if possessive && back == 0 && k-m.to <= 6 && r.sameClause(s, r.pastWho(ps, m.to), k) {
				score += 3 // "after Mr Erdogan cut short his stay", "X, who was attending his first summit"
			}
			if back <= 1 && r.pastWho(ps, m.to) > m.to {
				score += 2 // "X, who steps down …": the subject of its clause, salient for a sentence
			}
			if m.poss {
				score -= 2 // "Asked about Infantino's comments, he laughed."
			}
			if m.roleFrom == 0 || r.d.tokens(ps)[m.roleFrom-1].text == ";" {
				score += 0.5 // the subject opening its sentence or clause
			}
			if e.gender == lexicon.GenderUnknown {
				score -= 0.5
			}
			if r.spokeIn(r.resolve(m.entity), ps) {
				score += 1.5
			}
			score += float64(m.from) / 1000 // later in the sentence breaks ties
			if score > bestScore {
				best, bestScore = r.resolve(m.entity), score
			}
		}
		// Who spoke in an earlier sentence, however named ("“…,” the
		// envoy said. He said …").
		if back > 0 {
			for _, ev := range r.speechIn(ps) {
				e := r.resolve(ev.entity)
				if !genderFits(r.ents[e].gender, p) {
					continue
				}
				if score := -2.0*float64(back) + 3.5; score > bestScore {
					best, bestScore = e, score
				}
			}
		}
		// "The French president, who …, was in buoyant mood. “…,” he said."
		for _, rr := range r.roleRefs[ps] {
			if rr.entity < 0 || back == 0 && rr.from >= k || rr.from > 0 {
				continue
			}
			e := r.resolve(rr.entity)
			if !genderFits(r.ents[e].gender, p) {
				continue
			}
			score := -2.0*float64(back) + 2
			if r.spokeIn(e, ps) {
				score += 1.5
			}
			if score > bestScore {
				best, bestScore = e, score
			}
		}
	}
	return best
}

// pastWho returns the token after ", who" at k, or k.
func (r *run) pastWho(s, k int) int {
	toks := r.d.tokens(s)
	if k+1 < len(toks) && toks[k].text == "," && toks[k+1].key == "who" {
		return k + 2
	}
	return k
}

// sameClause reports whether tokens from..to of sentence s stand in one
// clause: no comma, conjunction or relative word between them.
func (r *run) sameClause(s, from, to int) bool {
	toks := r.d.tokens(s)
	for j := from; j < to && j < len(toks); j++ {
		if toks[j].text == "," || toks[j].text == ";" || toks[j].quote >= 0 || clauseEnds[toks[j].key] || toks[j].is("that", "and", "said", "says") {
			return false
		}
	}
	return true
}

func genderFits(g lexicon.Gender, p pronoun) bool {
	switch g {
	case lexicon.Male:
		return p.male
	case lexicon.Female:
		return p.female
	}
	return true
}

// spokeIn reports whether entity e is the speaker of a speech verb or a
// quotation in sentence s.
func (r *run) spokeIn(e, s int) bool {
	return slices.ContainsFunc(r.speechIn(s), func(ev speechEvent) bool { return ev.entity == e })
}

// speechIn returns the speech events of sentence s (r.speech is kept in
// reading order).
func (r *run) speechIn(s int) []speechEvent {
	i, _ := slices.BinarySearchFunc(r.speech, s, func(ev speechEvent, s int) int { return ev.sent - s })
	j := i
	for j < len(r.speech) && r.speech[j].sent == s {
		j++
	}
	return r.speech[i:j]
}
