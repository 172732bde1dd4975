package corpusgen

import "strings"

// person is one member of the shared pool.
type person struct {
	canon   string   // canonical full name, unique in the pool
	sur     string   // surname (family name) as used alone
	full    []string // other full-name forms (nickname, spelling, short form…)
	surv    []string // other surname spellings
	male    bool
	cult    culture
	country int16
	desk    desk
	pre     string // title before the name: "Egyptian Foreign Minister"
	art     string // article of desc in apposition
	desc    string // "foreign minister of Egypt"; also the Truth role
	noun    string // role noun of later mentions, without "the"
	twin    int32  // a confusable person (same given name, surname or Jr./Sr.), or -1
	org     int16  // organisation of an organisation-based role, or -1
	np      nameParts
}

// nameParts is a person name split into the pieces variants are built from.
type nameParts struct {
	given, middle, sur, sur2, suffix string
	cult                             culture
}

// familyFirst reports whether the culture writes the family name first.
func familyFirst(c culture) bool { return c == cChinese || c == cKorean }

// compose writes a name from its parts.
func (n *nameParts) compose(given, sur string, withMiddle, withSur2 bool) string {
	if familyFirst(n.cult) {
		return sur + " " + given
	}
	var b strings.Builder
	b.WriteString(given)
	if withMiddle && n.middle != "" {
		b.WriteByte(' ')
		b.WriteString(n.middle)
	}
	b.WriteByte(' ')
	b.WriteString(sur)
	if withSur2 && n.sur2 != "" {
		b.WriteByte(' ')
		b.WriteString(n.sur2)
	}
	if n.suffix != "" {
		b.WriteByte(' ')
		b.WriteString(n.suffix)
	}
	return b.String()
}

func (n *nameParts) canon() string { return n.compose(n.given, n.sur, true, true) }

// patronymics are East Slavic middle names, male and female form.
var patronymics = [][2]string{
	{"Viktorovich", "Viktorovna"}, {"Ivanovich", "Ivanovna"}, {"Sergeyevich", "Sergeyevna"},
	{"Petrovich", "Petrovna"}, {"Nikolayevich", "Nikolayevna"}, {"Alexandrovich", "Alexandrovna"},
	{"Mikhailovich", "Mikhailovna"}, {"Vladimirovich", "Vladimirovna"}, {"Yuryevich", "Yuryevna"},
	{"Borisovich", "Borisovna"}, {"Andreyevich", "Andreyevna"}, {"Olegovich", "Olegovna"},
	{"Pavlovich", "Pavlovna"}, {"Anatolyevich", "Anatolyevna"},
}

// czechSurnames take the "-ová" form for women.
const czechSurnames = " Dvořák Novák Svoboda Procházka Kučera Horák "

// feminine returns the female form of a Slavic surname.
func feminine(sur string, c culture) string {
	switch {
	case strings.HasSuffix(sur, "sky"):
		return sur[:len(sur)-1] + "aya"
	case strings.HasSuffix(sur, "ski"), strings.HasSuffix(sur, "cki"):
		return sur[:len(sur)-1] + "a"
	case strings.HasSuffix(sur, "ý"):
		return strings.TrimSuffix(sur, "ý") + "á"
	case c == cCentralEuropean && strings.Contains(czechSurnames, " "+sur+" "):
		if strings.HasSuffix(sur, "a") {
			return sur[:len(sur)-1] + "ová"
		}
		return sur + "ová"
	case c == cEastSlavic && (strings.HasSuffix(sur, "ov") || strings.HasSuffix(sur, "ev") || strings.HasSuffix(sur, "in")):
		return sur + "a"
	}
	return sur
}

// makeName draws a name of the culture.
func (g *Generator) makeName(r *rng, c culture, male bool) nameParts {
	n := nameParts{cult: c}
	gi := 1
	if male {
		gi = 0
	}
	n.given = pickStr(r, g.given[c][gi])
	n.sur = pickStr(r, g.surnames[c])
	switch c {
	case cEnglish:
		if r.chance(22) {
			n.middle = string(rune('A'+r.intn(26))) + "."
		}
	case cGerman, cDutch, cNordic:
		if r.chance(6) {
			n.middle = string(rune('A'+r.intn(26))) + "."
		}
	case cGulf:
		if male && r.chance(55) {
			f := pickStr(r, g.given[c][0])
			if f != n.given {
				n.middle = "bin " + f
			}
		}
	case cEastSlavic:
		if r.chance(25) {
			n.middle = patronymics[r.intn(len(patronymics))][gi]
		}
		if !male {
			n.sur = feminine(n.sur, c)
		}
	case cCentralEuropean:
		if !male {
			n.sur = feminine(n.sur, c)
		}
	case cSpanish:
		if r.chance(35) {
			s2 := pickStr(r, g.surnames[c])
			if s2 != n.sur && !strings.HasPrefix(s2, "de ") {
				n.sur2 = s2
			}
		}
	}
	return n
}

func pickStr(r *rng, list []string) string { return list[r.intn(len(list))] }

// surnameAlts lists other spellings of a surname.
func (g *Generator) surnameAlts(sur string, c culture) []string {
	var out []string
	add := func(s string) {
		if s == sur || s == "" {
			return
		}
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, s := range g.spell[sur] {
		add(s)
	}
	add(asciiFold(sur, c == cGerman))
	switch {
	case strings.HasPrefix(sur, "Al-"):
		add("Al " + sur[3:])
	case strings.HasPrefix(sur, "al-"):
		add(sur[3:])
	}
	return out
}

// variants computes the alternative full-name and surname forms.
func (g *Generator) variants(n *nameParts, canon string, bitsSeed uint64) (full, surv []string) {
	add := func(list []string, s string) []string {
		if s == "" || s == canon {
			return list
		}
		for _, x := range list {
			if x == s {
				return list
			}
		}
		return append(list, s)
	}
	if n.middle != "" || n.sur2 != "" {
		full = add(full, n.compose(n.given, n.sur, false, false))
	}
	if n.middle == "" && n.suffix == "" && (n.cult == cEnglish || n.cult == cGerman || n.cult == cDutch) && bitsSeed&3 == 0 {
		ini := string(rune('A'+(bitsSeed>>8)%26)) + "."
		full = add(full, n.given+" "+ini+" "+n.sur)
	}
	for _, nk := range g.nick[n.given] {
		full = add(full, n.compose(nk, n.sur, false, true))
	}
	for _, alt := range g.spell[n.given] {
		full = add(full, n.compose(alt, n.sur, true, true))
	}
	for _, s := range g.surnameAlts(n.sur, n.cult) {
		surv = add(surv, s)
		full = add(full, n.compose(n.given, s, false, true))
	}
	switch n.cult {
	case cChinese, cKorean:
		full = add(full, n.given+" "+n.sur)
	case cJapanese:
		full = add(full, n.sur+" "+n.given)
	}
	full = add(full, asciiFold(canon, n.cult == cGerman))
	if len(full) > 6 {
		full = full[:6]
	}
	return full, surv
}

// officeKey identifies a unique office.
func officeKey(role, country, orgIdx, extra int) uint64 {
	return uint64(role)<<40 | uint64(country+1)<<24 | uint64(orgIdx+1)<<8 | uint64(extra)
}

// fillRole expands the placeholders of a role string.
func fillRole(s, adj, country, orgName, orgBare, city, sport string) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '}') + i
		switch s[i+1 : j] {
		case "N":
			b.WriteString(adj)
		case "C":
			b.WriteString(country)
		case "O":
			b.WriteString(orgName)
		case "Ob":
			b.WriteString(orgBare)
		case "CITY":
			b.WriteString(city)
		case "SP":
			b.WriteString(sport)
		default:
			panic("corpusgen: bad role placeholder in " + s)
		}
		s = s[j+1:]
	}
}

// assignRole gives p a role of its desk, keeping unique offices unique.
func (g *Generator) assignRole(r *rng, p *person, taken map[uint64]bool) {
	cands := g.rolesByDesk[p.desk]
	ctry := &g.countries[p.country]
	for try := 0; ; try++ {
		ri := cands[r.intn(len(cands))]
		rd := &roleDefs[ri]
		if rd.pre == "{N} President" && strings.Contains(noPresident, "|"+ctry.name+"|") {
			continue
		}
		orgIdx, extra := -1, 0
		var oName, oBare, city, sport string
		pre, desc := rd.pre, rd.desc
		if rd.org != oNone {
			list := g.orgsByClass[rd.org]
			orgIdx = int(list[r.intn(len(list))])
			oName, oBare = g.orgs[orgIdx].name, g.orgs[orgIdx].bare
		}
		if rd.agency {
			if a, ok := g.agencyOf[int(p.country)]; ok {
				pre, desc = agencies[a].pre, agencies[a].desc
			}
		}
		if strings.Contains(rd.pre, "{CITY}") {
			ci := r.intn(len(ctry.cities))
			city = g.cities[ctry.cities[ci]].name
			extra = ci + 1
		}
		if strings.Contains(rd.pre, "{SP}") {
			si := r.intn(len(sports))
			sport = sports[si]
			extra = si + 1
		}
		ck := int(p.country)
		if rd.org != oNone {
			ck = -1
		}
		key := officeKey(ri, ck, orgIdx, extra)
		former := false
		if rd.unique && taken[key] {
			if try < 6 {
				continue
			}
			former = true
		}
		taken[key] = true
		p.pre = fillRole(pre, ctry.adj, ctry.name, oName, oBare, city, sport)
		p.desc = fillRole(desc, ctry.adj, ctry.name, oName, oBare, city, sport)
		p.art = rd.art
		p.noun = rd.noun
		p.org = int16(orgIdx)
		if former {
			p.pre = "former " + p.pre
			p.desc = "former " + p.desc
			p.art = "a"
			p.noun = "former " + p.noun
		}
		return
	}
}

// buildPeople fills the person pool.
func (g *Generator) buildPeople(r *rng, n int) {
	seen := make(map[string]bool, n)
	taken := make(map[uint64]bool)
	g.people = make([]person, 0, n)
	for len(g.people) < n {
		var p person
		p.twin = -1
		p.country = int16(r.intn(len(g.countries)))
		p.cult = g.countries[p.country].cult
		if r.chance(8) {
			p.cult = culture(r.intn(int(numCultures)))
		}
		p.male = r.chance(58)
		for try := 0; ; try++ {
			p.np = g.makeName(r, p.cult, p.male)
			if try >= 20 {
				// A crowded pool: widen the name space with a middle initial.
				if familyFirst(p.cult) {
					p.cult = cEnglish
					p.np = g.makeName(r, p.cult, p.male)
				}
				p.np.middle = string(rune('A'+r.intn(26))) + "."
			}
			if c := p.np.canon(); !seen[c] || try > 200 {
				break
			}
		}
		seen[p.np.canon()] = true
		p.desk = desk(r.weighted(deskWeights[:]))
		g.assignRole(r, &p, taken)
		g.people = append(g.people, p)
	}
	g.addConfusables(r, seen)
	for i := range g.people {
		p := &g.people[i]
		p.canon = p.np.canon()
		p.sur = p.np.sur
		p.full, p.surv = g.variants(&p.np, p.canon, mix64(uint64(i)^0xABCDEF))
	}
	for i := range g.people {
		d := g.people[i].desk
		g.byDesk[d] = append(g.byDesk[d], int32(i))
		k := deskCountryKey(d, int(g.people[i].country))
		g.byDeskCountry[k] = append(g.byDeskCountry[k], int32(i))
	}
}

func deskCountryKey(d desk, country int) int32 { return int32(d)<<16 | int32(country) }

// addConfusables makes father-and-son pairs and pairs of people who share a
// given name or a surname.
func (g *Generator) addConfusables(r *rng, seen map[string]bool) {
	n := len(g.people)
	pair := func(a, b int) {
		if g.people[a].twin < 0 {
			g.people[a].twin = int32(b)
		}
		if g.people[b].twin < 0 {
			g.people[b].twin = int32(a)
		}
	}
	rename := func(i int, np nameParts) bool {
		c := np.canon()
		if seen[c] {
			return false
		}
		delete(seen, g.people[i].np.canon())
		seen[c] = true
		g.people[i].np = np
		return true
	}
	// find returns a random person of the culture and sex, or -1.
	find := func(c culture, male bool, not int) int {
		for t := 0; t < 400; t++ {
			i := r.intn(n)
			if i != not && g.people[i].cult == c && g.people[i].male == male && g.people[i].twin < 0 {
				return i
			}
		}
		return -1
	}
	// Father and son.
	for k := 0; k < max(2, n/250); k++ {
		a := find(cEnglish, true, -1)
		b := find(cEnglish, true, a)
		if a < 0 || b < 0 {
			break
		}
		na := g.people[a].np
		na.suffix = "Sr."
		nb := na
		nb.suffix = "Jr."
		if rename(a, na) && rename(b, nb) {
			pair(a, b)
		}
	}
	// Two (or more) Mohammeds.
	for k := 0; k < max(2, n/400); k++ {
		c := cArabic
		if k%2 == 1 {
			c = cGulf
		}
		a := find(c, true, -1)
		b := find(c, true, a)
		if a < 0 || b < 0 {
			continue
		}
		na, nb := g.people[a].np, g.people[b].np
		na.given, nb.given = "Mohammed", "Mohammed"
		if rename(a, na) && rename(b, nb) {
			pair(a, b)
		}
	}
	// Shared given names and shared surnames.
	for k := 0; k < max(4, n/60); k++ {
		c := culture(r.intn(int(numCultures)))
		male := r.chance(60)
		a := find(c, male, -1)
		b := find(c, male, a)
		if a < 0 || b < 0 {
			continue
		}
		np := g.people[b].np
		if k%2 == 0 {
			np.given = g.people[a].np.given
		} else {
			np.sur = g.people[a].np.sur
		}
		if rename(b, np) {
			pair(a, b)
		}
	}
}
