package extract

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
)

// entity is a person, organisation or place of one article.
type entity struct {
	kind     briefing.EntityKind
	name     names.Name // persons
	key      string     // organisations and places: folded name
	display  string
	aliases  []string
	roles    []string
	gender   lexicon.Gender
	country  string
	affil    []string
	mentions []briefing.Mention
	merged   int // index of the entity this one was merged into, or -1
}

func (e *entity) export() briefing.ExtractedEntity {
	out := briefing.ExtractedEntity{
		Kind:         e.kind,
		Name:         e.display,
		Aliases:      e.aliases,
		Roles:        e.roles,
		Country:      e.country,
		Affiliations: e.affil,
		Mentions:     e.mentions,
	}
	switch e.gender {
	case lexicon.Male:
		out.Gender = briefing.Male
	case lexicon.Female:
		out.Gender = briefing.Female
	}
	return out
}

func (e *entity) addAlias(a string) {
	if a != "" && !slices.Contains(e.aliases, a) {
		e.aliases = append(e.aliases, a)
	}
}

func (e *entity) addRole(role string) {
	role = cleanRole(role)
	if role == "" {
		return
	}
	k := fold.Key(role)
	for _, old := range e.roles {
		if fold.Key(old) == k {
			return
		}
	}
	e.roles = append(e.roles, role)
}

// cleanRole trims a role phrase: no leading article, curly apostrophes
// made straight, spaces collapsed.
func cleanRole(role string) string {
	role = strings.Join(strings.Fields(role), " ")
	role = strings.ReplaceAll(role, "’", "'")
	for _, det := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		role = strings.TrimPrefix(role, det)
	}
	return strings.Trim(role, " ,")
}

// resolve follows merges to the entity that stands for i.
func (r *run) resolve(i int) int {
	for i >= 0 && r.ents[i].merged >= 0 {
		i = r.ents[i].merged
	}
	return i
}

// addMention records a mention of entity i in sentence s.
func (r *run) addMention(i, s int, text string, via briefing.MentionKind) {
	e := r.ents[r.resolve(i)]
	e.mentions = append(e.mentions, briefing.Mention{Sentence: s, Text: text, Via: via})
}

// person finds the article's person that a name form refers to, or
// creates one. Full names join a compatible full name; a lone word is left
// to resolveLoneNames.
func (r *run) person(n names.Name) int {
	best := -1
	for i, e := range r.ents {
		if e.kind != briefing.KindPerson || e.merged >= 0 {
			continue
		}
		if n.Full() && e.name.Full() && r.x.names.Compatible(n, e.name) {
			best = i // the latest compatible one
		}
		if n.Single() && e.name.Single() && r.x.names.SameSpelling(n.Surname, e.name.Surname) && len(n.Honorifics) == len(e.name.Honorifics) {
			best = i
		}
	}
	if best >= 0 {
		e := r.ents[best]
		if n.Complexity() > e.name.Complexity() {
			e.name, e.display = n, displayName(n)
		}
		if g := r.x.names.Gender(n); g != lexicon.GenderUnknown && e.gender == lexicon.GenderUnknown {
			e.gender = g
		}
		return best
	}
	r.ents = append(r.ents, &entity{
		kind:    briefing.KindPerson,
		name:    n,
		display: displayName(n),
		gender:  r.x.names.Gender(n),
		merged:  -1,
	})
	return len(r.ents) - 1
}

// displayName is the name as written without courtesy titles.
// styleTitles stay in a two-word name form: they are how the person is
// called, and "Sheikh Mohammed" alone would read as a surname.
var styleTitles = set("sheikh", "shaikh", "sheikha", "sir", "dame", "lord", "lady")

func displayName(n names.Name) string {
	words := strings.Fields(n.Display)
	if len(words) == 2 && styleTitles[fold.Key(words[0])] {
		return n.Display // "Sheikh Mohammed", "Sir Keir", "Lord Coe": the name as people say it
	}
	for len(words) > 1 && names.IsHonorific(fold.Key(words[0])) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// thing finds or creates the organisation or place with the canonical
// name; a new one is displayed as the article first writes it.
func (r *run) thing(kind briefing.EntityKind, name, written, country string) int {
	k := fold.Key(name)
	for i, e := range r.ents {
		if e.kind == kind && e.key == k && e.merged < 0 {
			return i
		}
	}
	r.ents = append(r.ents, &entity{kind: kind, key: k, display: written, country: country, merged: -1})
	return len(r.ents) - 1
}

// merge folds entity from into entity into.
func (r *run) merge(from, into int) {
	from, into = r.resolve(from), r.resolve(into)
	if from == into {
		return
	}
	f, t := r.ents[from], r.ents[into]
	for _, a := range f.aliases {
		t.addAlias(a)
	}
	for _, ro := range f.roles {
		t.addRole(ro)
	}
	t.mentions = append(t.mentions, f.mentions...)
	slices.SortStableFunc(t.mentions, func(a, b briefing.Mention) int { return a.Sentence - b.Sentence })
	if t.gender == lexicon.GenderUnknown {
		t.gender = f.gender
	}
	for _, a := range f.affil {
		if !slices.Contains(t.affil, a) {
			t.affil = append(t.affil, a)
		}
	}
	f.merged = into
	f.mentions = nil
}
