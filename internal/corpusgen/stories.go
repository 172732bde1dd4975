package corpusgen

import "math"

// maxPrincipals bounds the principal people of a story.
const maxPrincipals = 6

// story is a running news story that several articles cover.
type story struct {
	desk      desk
	np        uint8
	people    [maxPrincipals]int32
	nplaces   uint8
	places    [3]int16 // city indices; the first is the main venue
	countries [3]int16
	orgs      [2]int16
	subj      uint8 // index into subjects[desk]
	issue     uint8 // index into issues[desk]
	region    uint8
	start     int32 // first day, as an offset from Config.Start
	span      int32 // length of the date window in days
}

// storyOrgs are the organisation classes of a story's {O1} and {O2}.
var storyOrgs = [numDesks][2]orgClass{
	dDiplomacy: {oIntl, oIntl},
	dTrade:     {oCompany, oCompany},
	dSports:    {oFederation, oFederation},
	dCourts:    {oCompany, oCourt},
	dElection:  {oParty, oParty},
	dClimate:   {oNGO, oInstitute},
	dTech:      {oTech, oRegulator},
}

// subjects name what a story is about; they are noun phrases used only as
// objects, so that no verb has to agree with them.
var subjects = [numDesks][]string{
	dDiplomacy: {
		"the ceasefire talks", "the truce negotiations", "the hostage negotiations",
		"the talks on a prisoner exchange", "the border negotiations between {C1} and {C2}",
		"the peace talks", "the mediation effort led by {C2}", "the negotiations over {REG}",
	},
	dTrade: {
		"the merger talks between {O1} and {O2}", "the proposed takeover of {O2} by {O1}",
		"the trade negotiations between {C1} and {C2}", "the wage negotiations at {O1}",
		"the restructuring plans at {O1}", "the dispute over {C1}'s new import rules",
	},
	dSports: {
		"the doping inquiry at {O1}", "the bid to host the next world championships",
		"the dispute over broadcasting rights", "the leadership contest at {O1}",
		"the disciplinary case against {C1}'s national team", "the overhaul of the competition calendar",
	},
	dCourts: {
		"the fraud trial in {PL1}", "the corruption case against former officials in {C1}",
		"the antitrust case against {O1}", "the appeal in the bribery case",
		"the inquiry into the collapse of {O1}", "the proceedings at {O2}",
	},
	dElection: {
		"the presidential election in {C1}", "the parliamentary elections in {C1}",
		"the runoff vote in {C1}", "the mayoral race in {PL1}",
		"the coalition negotiations in {C1}", "the election campaign in {C1}",
	},
	dClimate: {
		"the climate summit in {PL1}", "the talks on the new adaptation fund",
		"the negotiations over emissions targets", "the ocean treaty talks",
		"the talks on climate finance", "the negotiations on the final communique",
	},
	dTech: {
		"the proposed online safety law in {C1}", "the investigation into {O1}",
		"the new rules on artificial intelligence", "the antitrust probe into {O1}'s app store",
		"the data protection case against {O1}", "the debate over the digital markets bill",
	},
}

// issues are the sticking points of a story, again used only as objects.
var issues = [numDesks][]string{
	dDiplomacy: {
		"the release of hostages", "a lasting ceasefire", "the withdrawal of troops from {REG}",
		"humanitarian access to {REG}", "a prisoner exchange", "the reopening of border crossings",
		"security guarantees for {C1}", "the return of displaced families to {REG}",
	},
	dTrade: {
		"tariffs on steel", "the sale of the battery division", "a new labour contract",
		"export quotas", "the future of the plant in {PL1}", "the price per share",
		"job guarantees", "state aid for the sector",
	},
	dSports: {
		"the suspension of three athletes", "the hosting rights", "revenue sharing",
		"the eligibility rules", "sanctions against the federation", "the new testing regime",
	},
	dCourts: {
		"the admissibility of key evidence", "the sentencing", "the appeal",
		"witness protection", "the freezing of assets", "the extradition request",
	},
	dElection: {
		"turnout", "the vote count", "electoral reform", "the cost of living",
		"the coalition talks", "campaign financing", "the voter rolls",
	},
	dClimate: {
		"climate finance", "the phase-out of coal", "emissions targets for 2035",
		"the loss and damage fund", "methane cuts", "deforestation rules",
	},
	dTech: {
		"data privacy", "AI safety rules", "app store fees", "content moderation",
		"age verification", "the sharing of user data",
	},
}

// buildStories creates the shared running stories.
func (g *Generator) buildStories(r *rng, n int) {
	g.stories = make([]story, n)
	big := max(1, n/20)
	for i := range g.stories {
		d := desk(r.weighted(deskWeights[:]))
		g.stories[i] = g.makeStory(r, d, i < big)
	}
}

// pickStory draws a story index, favouring low indices (the big stories).
func (g *Generator) pickStory(r *rng) int {
	n := len(g.stories)
	i := int(float64(n) * math.Pow(r.float(), 1.6))
	return min(i, n-1)
}

// makeStory draws one story of the desk.
func (g *Generator) makeStory(r *rng, d desk, big bool) story {
	var s story
	s.desk = d
	want := uint8(2 + r.intn(maxPrincipals-1))
	has := func(p int32) bool {
		for k := uint8(0); k < s.np; k++ {
			if s.people[k] == p {
				return true
			}
		}
		return false
	}
	pool := g.byDesk[d]
	if len(pool) == 0 {
		pool = g.all
	}
	s.people[0] = pool[r.intn(len(pool))]
	s.np = 1
	home := int(g.people[s.people[0]].country)
	for tries := 0; s.np < want && tries < 40; tries++ {
		var c int32
		switch {
		case (d == dElection || d == dCourts) && r.chance(70):
			list := g.byDeskCountry[deskCountryKey(d, home)]
			if len(list) == 0 {
				continue
			}
			c = list[r.intn(len(list))]
		case r.chance(15):
			c = g.all[r.intn(len(g.all))]
		default:
			c = pool[r.intn(len(pool))]
		}
		if !has(c) {
			s.people[s.np] = c
			s.np++
		}
	}
	if r.chance(35) {
		for k := uint8(0); k < s.np && s.np < maxPrincipals; k++ {
			if t := g.people[s.people[k]].twin; t >= 0 && !has(t) {
				s.people[s.np] = t
				s.np++
				break
			}
		}
	}
	// Countries: those of the principals, then random others.
	nc := 0
	addC := func(c int16) {
		for k := 0; k < nc; k++ {
			if s.countries[k] == c {
				return
			}
		}
		if nc < 3 {
			s.countries[nc] = c
			nc++
		}
	}
	for k := uint8(0); k < s.np; k++ {
		addC(g.people[s.people[k]].country)
	}
	for nc < 3 {
		addC(int16(r.intn(len(g.countries))))
	}
	// Places.
	addP := func(city int16) {
		for k := uint8(0); k < s.nplaces; k++ {
			if s.places[k] == city {
				return
			}
		}
		s.places[s.nplaces] = city
		s.nplaces++
	}
	if (d == dDiplomacy || d == dClimate || d == dSports) && r.chance(70) {
		addP(g.venues[r.intn(len(g.venues))])
	} else {
		cs := g.countries[s.countries[0]].cities
		addP(cs[r.intn(min(2, len(cs)))])
	}
	for extra := r.intn(3); extra > 0; extra-- {
		if r.chance(50) {
			addP(g.venues[r.intn(len(g.venues))])
		} else {
			cs := g.countries[s.countries[1+r.intn(2)]].cities
			addP(cs[0])
		}
	}
	// Organisations: those of the principals when they fit.
	no := 0
	for k := uint8(0); k < s.np && no < 2; k++ {
		p := &g.people[s.people[k]]
		if p.org >= 0 && g.orgs[p.org].class == storyOrgs[d][no] {
			if no == 1 && s.orgs[0] == p.org {
				continue
			}
			s.orgs[no] = p.org
			no++
		}
	}
	for ; no < 2; no++ {
		list := g.orgsByClass[storyOrgs[d][no]]
		for t := 0; t < 8; t++ {
			s.orgs[no] = list[r.intn(len(list))]
			if no == 0 || s.orgs[1] != s.orgs[0] {
				break
			}
		}
	}
	s.subj = uint8(r.intn(len(subjects[d])))
	s.issue = uint8(r.intn(len(issues[d])))
	s.region = uint8(r.intn(len(regions)))
	days := g.cfg.Days
	s.start = int32(r.intn(days))
	if big {
		s.span = int32(r.between(20, 120))
	} else {
		s.span = int32(r.between(2, 40))
	}
	if int(s.start+s.span) > days {
		s.span = int32(days) - s.start
	}
	return s
}
