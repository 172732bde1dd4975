package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerParticles may stand inside a name in lower case ("Mohammed bin
// Salman", "Ursula von der Leyen").
var lowerParticles = set("bin", "ibn", "bint", "al", "el", "de", "da", "di", "del", "della", "der", "den",
	"van", "von", "du", "la", "le", "dos", "das", "do", "ter", "ten", "zu", "abu", "ould", "es")

// capWord reports whether a token can be part of a proper name: a word
// that starts with a capital, or a particle joined to a capitalised word
// ("al-Assad", "el-Sisi").
func capWord(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if t.cap {
		return true
	}
	if i := strings.IndexByte(t.text, '-'); i > 0 && lowerParticles[t.text[:i]] {
		r, _ := utf8.DecodeRuneInString(t.text[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// findChunks returns the runs of capitalised words in a sentence that may
// name something, with inner particles, "of" ("Secretary of State"),
// initials ("William J. Burns") and abbreviated titles ("Gen.") kept
// inside. A possessive, a quotation boundary, a weekday or a month ends a
// run; leading function words ("The", "As") are dropped.
func (x *Extractor) findChunks(toks []token) []span {
	var out []span
	for i := 0; i < len(toks); {
		if !capWord(&toks[i]) && !x.particleNameStart(toks, i) || x.isCalendarWord(&toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].poss && toks[j].quote == toks[i].quote {
			t := &toks[j]
			next := j+1 < len(toks) && capWord(&toks[j+1]) && !x.isCalendarWord(&toks[j+1])
			switch {
			case capWord(t) && !x.isCalendarWord(t):
				j++
				continue
			case t.text == "." && toks[j-1].kind == tWord && (len(toks[j-1].text) == 1 || abbreviations[toks[j-1].key]) && next:
				j++
				continue
			case lowerParticles[t.key] && !t.cap && x.nameAfterParticles(toks, j):
				j++
				continue
			case (t.key == "of" || t.key == "for") && next:
				j++
				continue
			case t.key == "of" && j+2 < len(toks) && toks[j+1].key == "the" && capWord(&toks[j+2]):
				j += 2
				continue
			case t.text == "&" && next:
				j++
				continue
			}
			break
		}
		from, to := i, j
		// "New" of "New Delhi" stays.
		for from < to && x.leadingFunctionWord(&toks[from]) {
			if k, _, _, _ := x.lexiconMatch(toks, from, to); k > from+1 {
				break
			}
			from++
		}
		for to > from && (toks[to-1].key == "of" || toks[to-1].key == "for" || toks[to-1].key == "the" || toks[to-1].text == "." || toks[to-1].text == "&" || lowerParticles[toks[to-1].key] && !toks[to-1].cap) {
			to--
		}
		if from < to {
			out = append(out, span{from, to})
		}
		i = j
	}
	return out
}

// leadingParticles may open a surname written without the given name
// ("von der Leyen", "de Gaulle", "bin Salman").
var leadingParticles = set("von", "van", "der", "de", "del", "della", "di", "da", "du", "bin", "ibn", "al", "el", "ter", "ten", "zu")

// particleNameStart reports whether lower-case particles at i open a
// name: "von der Leyen" after a word that is not itself part of a name.
func (x *Extractor) particleNameStart(toks []token, i int) bool {
	t := &toks[i]
	if t.kind != tWord || t.cap || !leadingParticles[t.key] || i > 0 && capWord(&toks[i-1]) {
		return false
	}
	return x.nameAfterParticles(toks, i)
}

// nameAfterParticles reports whether the lower-case particles starting at
// j ("von der", "bin") lead to a capitalised name word.
func (x *Extractor) nameAfterParticles(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+3; k++ {
		if capWord(&toks[k]) {
			return !x.isCalendarWord(&toks[k])
		}
		if !lowerParticles[toks[k].key] || toks[k].cap {
			return false
		}
	}
	return false
}

// leadingFunctionWord reports whether a capitalised token is a common word
// that starts a sentence rather than a name ("The", "Despite", "As").
func (x *Extractor) leadingFunctionWord(t *token) bool {
	if t.acronym {
		return false // "US", not "us"
	}
	return x.words.function[t.key] || x.words.speech[t.key] || x.words.speechIng[t.key]
}

func (x *Extractor) isCalendarWord(t *token) bool {
	if _, ok := x.words.weekdays[t.key]; ok {
		return true
	}
	// Full month names only: "Jun" or "Mar" may be a name.
	if _, ok := x.words.months[t.key]; ok && len(t.key) > 4 || t.is("march", "april", "june", "july") {
		return true
	}
	return false
}
