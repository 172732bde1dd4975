package extract

import "strings"

// titleAbbreviations are abbreviated titles written before names.
var titleAbbreviations = set("gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm", "pres", "supt", "cmdr", "maj", "amb")

// isRoleHead reports whether a word heads a role ("minister", "Chief").
func (r *run) isRoleHead(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if r.x.words.roleHeads[t.key] || titleAbbreviations[t.key] {
		return true
	}
	// "dad-turned-coach", "player-manager" (keyed "dad turned coach"): the
	// last part is the role.
	if i := strings.LastIndexByte(t.key, ' '); i > 0 && !t.cap {
		return r.x.words.roleHeads[t.key[i+1:]]
	}
	return false
}

// lastRoleHead returns the last role word in toks[from:to], or -1.
func (r *run) lastRoleHead(toks []token, from, to int) int {
	h := -1
	for i := from; i < to; i++ {
		if r.isRoleHead(&toks[i]) {
			h = i
		}
	}
	return h
}

func (r *run) hasRoleHead(toks []token, from, to int) bool {
	return r.lastRoleHead(toks, from, to) >= 0
}

// roleComplement returns the index after a role head at h and its "of"
// complement: "Secretary of State", "Minister of Foreign Affairs", "Head of
// Mossad".
func (r *run) roleComplement(toks []token, h, to int) int {
	j := h + 1
	if j < to && toks[j].text == "." && titleAbbreviations[toks[h].key] {
		j++
	}
	// One complement or two: "Minister of State for Foreign Affairs".
	for range 2 {
		if j >= to || toks[j].key != "of" && toks[j].key != "for" {
			return j
		}
		k := j + 1
		if k < to && toks[k].key == "the" {
			k++
		}
		start := k
		for k < to {
			if e, _, _, _ := r.x.lexiconMatch(toks, k, to); e > k {
				k = e
				continue
			}
			if r.x.words.roleOf[toks[k].key] || toks[k].acronym {
				k++
				continue
			}
			break
		}
		if k == start {
			return j
		}
		j = k
	}
	return j
}

// rolePrefix returns where the title before a name starts: the run of
// role words, organisations, places and nationalities that ends with a role
// head right before the name ("Egypt’s intelligence head", "US Secretary of
// State", "Mossad chief"). It returns from when there is none.
func (r *run) rolePrefix(toks []token, from int) int {
	if from > 0 && toks[from-1].poss {
		return from // "the Referee's Notebook": a possessive is not a title
	}
	j := from - 1
	head := false
	sawCap := false // a capitalised word passed since the head
	for ; j >= 0; j-- {
		t := &toks[j]
		if head && capWord(t) && !r.isRoleHead(t) {
			sawCap = true
		}
		switch {
		case t.text == "." && j > 0 && titleAbbreviations[toks[j-1].key]:
			continue
		case t.kind != tWord || t.quote != toks[from].quote:
		case r.isRoleHead(t):
			head = true
			continue
		case t.poss && capWord(t):
			j-- // "Egypt’s": the owner opens the title
		case r.x.words.roleMods[t.key]:
			continue
		case capWord(t) && (t.acronym || !r.x.words.function[t.key]) && !r.x.isCalendarWord(t):
			continue
		case (t.key == "of" || t.key == "for") && j > 0 && j+1 < from:
			continue
		case t.kind == tWord && !t.cap && !r.x.words.function[t.key] && head && !sawCap && !looksVerb(t) && r.capRunBefore(toks, j):
			continue // "Solvane Glass strategy director"
		case t.key == "the" && j > 0 && toks[j-1].key == "of":
			continue
		}
		break
	}
	start := j + 1
	for start < from && (toks[start].key == "of" || toks[start].key == "for" || toks[start].key == "the") {
		start++
	}
	if !head || start >= from {
		return from
	}
	// The title must end with its head or a complement, not a loose word.
	return start
}

// apposition reads a title set off by commas after a name: "David Barnea,
// the head of Mossad," or "Nate Evans, spokesperson for the US mission to
// the United Nations, said". It returns the title and the index after it.
func (r *run) apposition(s int, toks []token, to int) (string, int) {
	if to >= len(toks) || toks[to].text != "," {
		return "", to
	}
	k := to + 1
	// ", who is both Qatar's prime minister and its foreign minister,"
	if k+1 < len(toks) && toks[k].key == "who" && toks[k+1].is("is", "was", "serves", "served") {
		k += 2
		for k < len(toks) && toks[k].is("as", "also", "both", "now", "still", "currently") {
			k++
		}
	}
	for k < len(toks) && r.x.words.determiners[toks[k].key] && !toks[k].cap || k < len(toks) && toks[k].is("the", "a", "an") {
		k++
	}
	start := k
	headAt := -1
	for ; k < len(toks) && k-start < 16; k++ {
		t := &toks[k]
		if t.kind == tPunct || t.kind == tQuote {
			break
		}
		if r.x.words.speech[t.key] && headAt >= 0 {
			break
		}
		if r.isRoleHead(t) && headAt < 0 {
			headAt = k
		}
		if k-start >= 5 && headAt < 0 {
			return "", to
		}
		if k == start && !(r.isRoleHead(t) || r.x.words.roleMods[t.key] || capWord(t) || t.acronym) {
			return "", to
		}
		if t.kind == tWord && !t.cap && headAt < 0 && !r.x.words.roleMods[t.key] && !r.isRoleHead(t) && !r.isDemonymKey(t.key) {
			return "", to
		}
	}
	if headAt < 0 || k == start {
		return "", to
	}
	// "Burns, Qatari Prime Minister Mohammed …": a title before the next
	// name in a list, not an apposition.
	if after := r.roleComplement(toks, r.lastRoleHead(toks, start, k), k); after < k && capWord(&toks[after]) {
		if e, _, _, _ := r.x.lexiconMatch(toks, after, k); e == after {
			return "", to
		}
	}
	end := k
	if end < len(toks) && !(toks[end].text == "," || toks[end].text == "." || toks[end].text == ")" || toks[end].text == ";" || r.x.words.speech[toks[end].key]) {
		return "", to
	}
	// Stop a title at a name: "Nate Evans, spokesperson" is fine, but "X, Y
	// and Z" lists are not titles.
	for i := start; i < end; i++ {
		if capWord(&toks[i]) && r.isGiven(&toks[i]) && i+1 < end && capWord(&toks[i+1]) {
			return "", to
		}
	}
	return r.d.spanText(s, start, end), end
}

func (r *run) isDemonymKey(k string) bool {
	_, ok := r.x.lex.Demonym(k)
	return ok
}

// leadingApposition reads a title set off by a comma before a name:
// "The lead climate negotiator of Mexico, Adriana González, said". The
// name must be followed by a comma or a verb-like word, not another name.
func (r *run) leadingApposition(s int, toks []token, from, to int) string {
	if from < 3 || toks[from-1].text != "," || to < len(toks) && toks[to].kind == tWord && capWord(&toks[to]) {
		return ""
	}
	end := from - 1 // the comma
	start := -1
	for j := end - 1; j >= 0 && end-j <= 12; j-- {
		t := &toks[j]
		if t.kind != tWord || t.quote >= 0 {
			break
		}
		if t.is("the", "a", "an") {
			start = j + 1
			break
		}
		if t.poss && capWord(t) {
			start = j // "Qatar's emir, Sheikh Tamim"
			break
		}
	}
	if start < 0 || !r.hasRoleHead(toks, start, end) {
		return ""
	}
	for j := start; j < end; j++ {
		if capWord(&toks[j]) && r.isGiven(&toks[j]) && j+1 < end && capWord(&toks[j+1]) {
			return "" // another name inside: not a title
		}
	}
	return r.d.spanText(s, start, end)
}

// capRunBefore reports whether, at most two lower-case words to the left
// of token j, capitalised words (an organisation's name) stand.
func (r *run) capRunBefore(toks []token, j int) bool {
	for k := j - 1; k >= 0 && j-k <= 2; k-- {
		t := &toks[k]
		if t.kind != tWord || r.x.words.function[t.key] && !t.acronym {
			return false
		}
		if capWord(t) {
			return true
		}
	}
	return false
}

// looksVerb reports whether a lower-case word is likely a verb: a past or
// present form ("met", "hosted", "meets"), which never belongs to a title.
func looksVerb(t *token) bool {
	return strings.HasSuffix(t.key, "ed") || meetVerbs[t.key] || hostVerbs[t.key] || greetVerbs[t.key]
}
