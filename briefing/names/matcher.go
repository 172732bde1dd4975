package names

import (
	"slices"
	"strings"

	"briefbot/briefing/lexicon"
)

// Matcher compares names using the nickname and given-name lists.
type Matcher struct {
	lex      *lexicon.Lexicon
	variants variantGroup
}

// NewMatcher returns a Matcher over the lexicon.
func NewMatcher(lex *lexicon.Lexicon) *Matcher {
	return &Matcher{lex: lex, variants: buildVariantGroups()}
}

// SameGiven reports whether two folded given names can name the same
// person: one spelling, a nickname of the other (Bill/William, Tony/Antony),
// nicknames of one formal name, or an initial of the other.
func (m *Matcher) SameGiven(a, b string) bool {
	if m.SameSpelling(a, b) {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	fa, fb := m.formals(a), m.formals(b)
	for _, x := range fa {
		for _, y := range fb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// formals returns a name and the formal names it is a nickname of.
func (m *Matcher) formals(a string) []string {
	return append([]string{a}, m.lex.FormalNames(a)...)
}

// Compatible reports whether two names can name the same person: no part
// of one contradicts the other. A lone surname is compatible with every
// full name that has it; callers decide whether that is enough.
func (m *Matcher) Compatible(a, b Name) bool {
	switch {
	case a.Surname == "" || b.Surname == "":
		return false
	case a.Single() && b.Single():
		return sameSuffix(a, b) && givenTitle(a.Honorifics) == givenTitle(b.Honorifics) && m.SameSpelling(a.Surname, b.Surname)
	case a.Single():
		return m.loneMatches(a, b)
	case b.Single():
		return m.loneMatches(b, a)
	}
	if !fullSuffixes(a, b) {
		return false
	}
	if swapped(a, b) && m.SameSpelling(a.Given, b.Surname) && m.SameSpelling(a.Surname, b.Given) {
		return true // "Suzuki Masahiro" and "Masahiro Suzuki"
	}
	if m.patronymicOf(a, b) || m.patronymicOf(b, a) {
		return true
	}
	if !m.SameSpelling(a.Surname, b.Surname) || !m.SameGiven(a.Given, b.Given) {
		return false
	}
	if a.Particles != "" && b.Particles != "" && !sameParticles(a.Particles, b.Particles) {
		return false
	}
	return m.middlesAgree(a.Middle, b.Middle)
}

// patronymicOf reports whether a is b without its family name: "Muhammad
// bin Zayed" of "Muhammad bin Zayed Al Nahyan" — the same given name, and
// a's father's name first among b's middle names.
func (m *Matcher) patronymicOf(a, b Name) bool {
	if !sameParticles(a.Particles, "bin") && a.Particles != "bint" || len(a.Middle) > 0 || len(b.Middle) == 0 {
		return false
	}
	return m.SameGiven(a.Given, b.Given) && m.SameSpelling(a.Surname, b.Middle[0])
}

// sameSuffix: "Jr." and "Sr." name different people; a surname written
// without its suffix may be either.
func sameSuffix(a, b Name) bool {
	return a.Suffix == "" || b.Suffix == "" || a.Suffix == b.Suffix
}

// fullSuffixes: for full names, one written without a suffix is the
// father ("Robert Kennedy" is not "Robert Kennedy Jr." but may be
// "Robert Kennedy Sr.").
func fullSuffixes(a, b Name) bool {
	return a.Suffix == b.Suffix || a.Suffix == "" && b.Suffix == "sr" || b.Suffix == "" && a.Suffix == "sr"
}

// swapped reports whether two names are two words each without particles,
// so one may be the other in family-name-first order.
func swapped(a, b Name) bool {
	return len(a.Middle) == 0 && len(b.Middle) == 0 && a.Particles == "" && b.Particles == "" && len(a.Honorifics) == 0 && len(b.Honorifics) == 0
}

// loneMatches reports whether a one-word name refers to the full name: its
// surname, or its given name after a title such as "Sheikh Tamim".
func (m *Matcher) loneMatches(lone, full Name) bool {
	if lone.Suffix != "" && !fullSuffixes(lone, full) {
		return false // "Hale Jr." is not Walter Hale
	}
	if givenTitle(lone.Honorifics) {
		return m.SameGiven(lone.Surname, full.Given)
	}
	return m.SameSpelling(lone.Surname, full.Surname) || m.FamilyFirst(lone, full)
}

// FamilyFirst reports whether a lone word is the family name of a
// two-word name written family name first ("Liang" of "Liang Jun"): it
// is the first word, a known surname, and the second word is not one.
func (m *Matcher) FamilyFirst(lone, full Name) bool {
	return lone.Single() && len(full.Middle) == 0 && full.Particles == "" && lone.Surname == full.Given &&
		m.lex.Surname(full.Given) && !m.lex.Surname(full.Surname)
}

// givenTitle reports whether the titles are ones used with a given name
// ("Sheikh Tamim", "Sir Keir").
func givenTitle(h []string) bool {
	for _, t := range h {
		switch t {
		case "sheikh", "shaikh", "sheikha", "sir", "dame":
			return true
		}
	}
	return false
}

func sameParticles(a, b string) bool {
	// "al" and "el" are one article; "bin" and "ibn" one patronymic.
	norm := func(s string) string {
		switch s {
		case "el":
			return "al"
		case "ibn":
			return "bin"
		}
		return s
	}
	return norm(a) == norm(b)
}

// middlesAgree reports whether the shorter list of middle names matches,
// in order, a part of the longer one; an initial matches a name with that
// first letter. "William J. Burns" agrees with "William Burns" but not with
// "William H. Burns".
func (m *Matcher) middlesAgree(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	j := 0
	for _, x := range a {
		found := false
		for j < len(b) {
			y := b[j]
			j++
			if m.SameSpelling(x, y) || (len(x) == 1 || len(y) == 1) && x[0] == y[0] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Gender returns the gender a name's given name or title suggests.
func (m *Matcher) Gender(n Name) lexicon.Gender {
	for _, h := range n.Honorifics {
		switch h {
		case "mr", "sir", "lord", "sheikh", "shaikh", "herr", "fr", "rabbi", "imam":
			return lexicon.Male
		case "mrs", "ms", "miss", "dame", "lady", "sheikha", "mme", "mlle", "frau":
			return lexicon.Female
		}
	}
	if n.Given == "" {
		return lexicon.GenderUnknown
	}
	if g, ok := m.lex.GivenName(n.Given); ok {
		return g
	}
	for _, f := range m.lex.FormalNames(n.Given) {
		if g, ok := m.lex.GivenName(f); ok {
			return g
		}
	}
	return lexicon.GenderUnknown
}

// QueryScore rates how well a user's query names a person with the given
// name form: 0 for no match, higher for closer matches. Scores: the exact
// written form 100, a full name agreeing part by part 80, the surname
// alone 60, a particle-joined surname 55, the given name alone 40, a
// middle name 20.
func (m *Matcher) QueryScore(query string, n Name) int {
	q := Parse(query)
	switch {
	case q.Surname == "":
		return 0
	case foldedEqual(query, n.Display):
		return 100
	case !q.Single():
		if m.Compatible(q, n) && !n.Single() {
			return 80
		}
		// "al thani" or "bin salman": a surname with its particles.
		if q.Given != "" && len(q.Middle) == 0 && isParticleWord(q.Given) && m.SameSpelling(q.Surname, n.Surname) {
			return 55
		}
		return 0
	}
	w := q.Surname
	switch {
	case m.SameSpelling(w, n.Surname):
		return 60
	case n.Given != "" && m.SameGiven(w, n.Given) && len(w) > 1:
		return 40
	case slices.ContainsFunc(n.Middle, func(x string) bool { return len(x) > 1 && m.SameSpelling(w, x) }):
		return 20
	}
	return 0
}

func isParticleWord(w string) bool { return surnameParticles[w] || hyphenParticles[w] }

func foldedEqual(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i].w != tb[i].w {
			return false
		}
	}
	return true
}

// Keys returns the index keys of a name: the skeleton of each of its words
// (particles and titles left out), and of the formal names a given name
// is a nickname of. People are indexed by the same keys.
func (m *Matcher) Keys(n Name) []string {
	var keys []string
	add := func(w string) {
		if w == "" {
			return
		}
		k := Skeleton(w)
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if n.Single() && givenTitle(n.Honorifics) {
		keys = append(keys, TitleKey(n.Surname))
	}
	for _, w := range n.Words() {
		add(w)
		for _, f := range m.lex.FormalNames(w) {
			add(f)
		}
		if g, ok := m.variants[w]; ok {
			for _, v := range givenVariants[g-1] {
				add(strings.ReplaceAll(v, " ", ""))
			}
		}
	}
	return keys
}

// TitleKey is the index key of a given name used after a title ("Sheikh
// Tamim"), so that a full name arriving later finds it.
func TitleKey(given string) string { return "title:" + Skeleton(given) }
