// Package lexicon holds the word lists that extraction and name matching
// read: given names with gender, nicknames, surnames, places, demonyms and
// organisations. The lists are embedded text files under data/, loaded once
// into a read-only Lexicon that callers pass around.
package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"

	"briefbot/briefing/fold"
)

//go:embed data
var files embed.FS

// Gender is what a name or word says about a person's gender.
type Gender uint8

// Genders.
const (
	GenderUnknown Gender = iota
	Male
	Female
)

// String returns "m", "f" or "u".
func (g Gender) String() string {
	switch g {
	case Male:
		return "m"
	case Female:
		return "f"
	}
	return "u"
}

// PlaceKind classifies a place.
type PlaceKind string

// Place kinds.
const (
	Country   PlaceKind = "country"
	Territory PlaceKind = "territory"
	City      PlaceKind = "city"
	Region    PlaceKind = "region"
	State     PlaceKind = "state"
	Landmark  PlaceKind = "landmark"
)

// Place is a named location.
type Place struct {
	Name    string
	Kind    PlaceKind
	Country string // the containing country; "" for regions spanning several
}

// Organization is a known organisation.
type Organization struct {
	Name string
	Type string
}

// Lexicon is the read-only set of word lists. Lookups take folded keys
// (see package fold) unless a method says otherwise.
type Lexicon struct {
	given     map[string]Gender
	formal    map[string][]string // nickname -> formal names
	nicks     map[string][]string // formal name -> nicknames
	surnames  map[string]bool
	places    map[string]Place // folded name or alias -> place
	demonyms  map[string]string
	orgs      map[string]Organization // folded name or alias -> organisation
	maxPlace  int                     // longest place name, in words
	maxOrg    int                     // longest organisation name, in words
	countries map[string]bool
}

// Load reads the embedded lists.
func Load() (*Lexicon, error) {
	l := &Lexicon{
		given:     map[string]Gender{},
		formal:    map[string][]string{},
		nicks:     map[string][]string{},
		surnames:  map[string]bool{},
		places:    map[string]Place{},
		demonyms:  map[string]string{},
		orgs:      map[string]Organization{},
		countries: map[string]bool{},
	}
	loaders := []struct {
		file   string
		fields int
		add    func([]string) error
	}{
		{"given_names.tsv", 2, l.addGiven},
		{"nicknames.tsv", 2, l.addNicknames},
		{"surnames.txt", 1, l.addSurname},
		{"places.tsv", 4, l.addPlace},
		{"demonyms.tsv", 2, l.addDemonym},
		{"organizations.tsv", 3, l.addOrganization},
	}
	for _, ld := range loaders {
		if err := readTable(ld.file, ld.fields, ld.add); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func readTable(name string, fields int, add func([]string) error) error {
	data, err := files.ReadFile("data/" + name)
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != fields {
			return fmt.Errorf("lexicon %s:%d: want %d fields, got %d", name, n, fields, len(parts))
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if err := add(parts); err != nil {
			return fmt.Errorf("lexicon %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (l *Lexicon) addGiven(f []string) error {
	g := GenderUnknown
	switch f[1] {
	case "m":
		g = Male
	case "f":
		g = Female
	case "u":
	default:
		return fmt.Errorf("gender %q", f[1])
	}
	l.given[fold.Key(f[0])] = g
	return nil
}

func (l *Lexicon) addNicknames(f []string) error {
	formal := fold.Key(f[0])
	for _, n := range strings.Split(f[1], ",") {
		n = fold.Key(n)
		if n == "" {
			continue
		}
		l.formal[n] = append(l.formal[n], formal)
		l.nicks[formal] = append(l.nicks[formal], n)
	}
	return nil
}

func (l *Lexicon) addSurname(f []string) error {
	l.surnames[fold.Key(f[0])] = true
	return nil
}

func (l *Lexicon) addPlace(f []string) error {
	p := Place{Name: f[0], Kind: PlaceKind(f[1]), Country: f[2]}
	if p.Country == "-" {
		p.Country = ""
	}
	if p.Kind == Country || p.Kind == Territory {
		l.countries[fold.Key(p.Name)] = true
	}
	names := []string{f[0]}
	if f[3] != "-" {
		names = append(names, strings.Split(f[3], "|")...)
	}
	for _, n := range names {
		k := fold.Key(n)
		if k == "" {
			continue
		}
		if old, ok := l.places[k]; ok && placeRank(old.Kind) >= placeRank(p.Kind) {
			continue // a name shared by a country and a city means the country
		}
		l.places[k] = p
		l.maxPlace = max(l.maxPlace, len(strings.Fields(n)))
	}
	return nil
}

func placeRank(k PlaceKind) int {
	switch k {
	case Country:
		return 5
	case Territory:
		return 4
	case State, Region:
		return 3
	case City:
		return 2
	}
	return 1
}

func (l *Lexicon) addDemonym(f []string) error {
	l.demonyms[fold.Key(f[0])] = f[1]
	return nil
}

func (l *Lexicon) addOrganization(f []string) error {
	o := Organization{Name: f[0], Type: f[1]}
	names := []string{f[0]}
	if f[2] != "-" {
		names = append(names, strings.Split(f[2], "|")...)
	}
	for _, n := range names {
		k := fold.Key(n)
		if k == "" {
			continue
		}
		if _, dup := l.orgs[k]; !dup {
			l.orgs[k] = o
		}
		l.maxOrg = max(l.maxOrg, len(strings.Fields(n)))
	}
	return nil
}

// GivenName reports whether the folded word is a known given name, and
// the gender it usually carries.
func (l *Lexicon) GivenName(key string) (Gender, bool) {
	g, ok := l.given[key]
	return g, ok
}

// FormalNames returns the formal names a nickname stands for ("bill" ->
// ["william"]).
func (l *Lexicon) FormalNames(key string) []string { return l.formal[key] }

// Nicknames returns the nicknames of a formal name ("william" -> ["bill", …]).
func (l *Lexicon) Nicknames(key string) []string { return l.nicks[key] }

// Surname reports whether the folded word is a known surname.
func (l *Lexicon) Surname(key string) bool { return l.surnames[key] }

// Place looks up a place by its folded name or alias.
func (l *Lexicon) Place(key string) (Place, bool) {
	p, ok := l.places[key]
	return p, ok
}

// IsCountry reports whether the folded name is a country or territory.
func (l *Lexicon) IsCountry(key string) bool { return l.countries[key] }

// Demonym maps a folded nationality word ("qatari", "us") to its country.
func (l *Lexicon) Demonym(key string) (string, bool) {
	c, ok := l.demonyms[key]
	return c, ok
}

// Organization looks up an organisation by its folded name or alias.
func (l *Lexicon) Organization(key string) (Organization, bool) {
	o, ok := l.orgs[key]
	return o, ok
}

// MaxPlaceWords is the word count of the longest place name.
func (l *Lexicon) MaxPlaceWords() int { return l.maxPlace }

// MaxOrgWords is the word count of the longest organisation name.
func (l *Lexicon) MaxOrgWords() int { return l.maxOrg }
