// Package names parses person names into their parts and decides when two
// written forms name the same person: case and diacritics, surnames alone,
// nicknames (Bill → William), transliteration variants (Kamal → Kamel,
// Mohamed → Mohammed), particles (Al Thani → Al-Thani), middle names and
// initials. It errs on the side of keeping people apart.
package names

import (
	"strings"

	"briefbot/briefing/fold"
)

// Name is a person's name split into parts. Every part is a folded key
// (see package fold); Display keeps the name as written.
type Name struct {
	Display    string
	Honorifics []string // "sheikh", "sir", "dr"
	Given      string   // first given name; "" when only one name is known
	Middle     []string // middle names, initials and patronymics ("abdulrahman", "j")
	Surname    string   // family name core without particles ("thani", "leyen")
	Particles  string   // particles before the surname ("al", "von der", "bin")
	Suffix     string   // "jr", "sr", "ii", "iii", "iv"
}

var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "sheikh": true, "shaikh": true, "sheikha": true, "rev": true,
	"reverend": true, "fr": true, "rabbi": true, "imam": true,
	"mme": true, "mlle": true, "herr": true, "frau": true, "hon": true,
}

// surnameParticles join the surname that follows them.
var surnameParticles = map[string]bool{
	"al": true, "el": true, "von": true, "van": true, "der": true, "den": true,
	"de": true, "da": true, "di": true, "del": true, "della": true, "du": true,
	"dos": true, "das": true, "do": true, "le": true, "la": true, "ter": true,
	"ten": true, "zu": true, "ibn": true, "bin": true, "bint": true,
	"abu": true, "ould": true, "ben": true,
}

// leadingParticles may open a surname written alone ("Al Otaiba", "van
// Gaal", "bin Salman"); "Ben" or "La" opening a name are given names.
var leadingParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "van": true, "von": true,
	"de": true, "del": true, "della": true, "der": true, "den": true, "du": true, "dos": true, "das": true,
	"ter": true, "ten": true, "ould": true,
}

// patronymic particles introduce a father's name; they are part of the
// middle of a name unless they stand right before its last word.
var patronymic = map[string]bool{"bin": true, "ibn": true, "bint": true, "ould": true}

var suffixes = map[string]string{
	"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr",
	"ii": "ii", "iii": "iii", "iv": "iv",
}

// IsHonorific reports whether the folded word is a courtesy title such as
// "mr" or "sheikh".
func IsHonorific(key string) bool { return honorifics[key] }

// IsSuffix reports whether the folded word is a generational suffix.
func IsSuffix(key string) bool { _, ok := suffixes[key]; return ok }

// Parse splits a written person name into its parts.
func Parse(display string) Name {
	n := Name{Display: strings.TrimSpace(display)}
	toks := tokens(n.Display)
	for len(toks) > 0 && honorifics[toks[0].w] {
		n.Honorifics = append(n.Honorifics, toks[0].w)
		toks = toks[1:]
	}
	for len(toks) > 1 {
		s, ok := suffixes[toks[len(toks)-1].w]
		if !ok {
			break
		}
		n.Suffix = s
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return n
	}
	// The surname is the last word with the particles right before it. A
	// particle word opening the name is a given name ("Ben Smith") unless
	// it was hyphenated to the surname ("Ben-Gvir").
	last := len(toks) - 1
	n.Surname = toks[last].w
	p := last
	for p > 0 && (toks[p-1].hyphen || surnameParticles[toks[p-1].w] && (p-1 > 0 || leadingParticles[toks[p-1].w])) {
		p--
	}
	if p < last {
		words := make([]string, 0, last-p)
		for _, t := range toks[p:last] {
			words = append(words, t.w)
		}
		n.Particles = strings.Join(words, " ")
	}
	rest := toks[:p]
	if len(rest) == 0 {
		return n
	}
	n.Given = rest[0].w
	for _, t := range rest[1:] {
		if !patronymic[t.w] {
			n.Middle = append(n.Middle, t.w)
		}
	}
	return n
}

// tokens folds a name into words. A hyphenated word stays one word
// ("Jean-Pierre" → "jeanpierre") unless it starts with a particle
// ("Al-Thani" → "al", "thani"; "Ben-Gvir" → "ben", "gvir").
func tokens(s string) []token {
	var out []token
	for _, raw := range strings.Fields(s) {
		parts := strings.Fields(fold.Key(raw))
		switch {
		case len(parts) == 0:
		case len(parts) > 1 && hyphenParticles[parts[0]]:
			out = append(out, token{parts[0], true}, token{strings.Join(parts[1:], ""), false})
		default:
			out = append(out, token{strings.Join(parts, ""), false})
		}
	}
	return out
}

// token is one folded word of a name; hyphen marks a particle written
// joined to the next word.
type token struct {
	w      string
	hyphen bool
}

// hyphenParticles are prefixes written with a hyphen before a surname.
var hyphenParticles = map[string]bool{
	"al": true, "el": true, "ben": true, "bin": true, "ibn": true, "abu": true,
	"ould": true, "bint": true, "ad": true, "ar": true, "as": true, "at": true, "az": true,
}

// Single reports whether the name is a lone word, such as a surname used
// on its own ("Netanyahu").
func (n Name) Single() bool { return n.Given == "" }

// Full reports whether the name has at least a given name and a surname.
func (n Name) Full() bool { return n.Given != "" && n.Surname != "" }

// Words returns the name's significant folded words: given, middle,
// surname.
func (n Name) Words() []string {
	w := make([]string, 0, 2+len(n.Middle))
	if n.Given != "" {
		w = append(w, n.Given)
	}
	w = append(w, n.Middle...)
	if n.Surname != "" {
		w = append(w, n.Surname)
	}
	return w
}

// SurnameKey is the matching key of the surname: its transliteration
// skeleton (see Skeleton), used to index people for lookup.
func (n Name) SurnameKey() string { return Skeleton(n.Surname) }

// Complexity orders names by how much they say: more words, then longer.
// Canonical names prefer the most complete form.
func (n Name) Complexity() int {
	return 100*len(n.Words()) + 10*len(strings.Fields(n.Particles)) + len(n.Display)/8
}
