package eval

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// MergeScores measure people resolution across articles.
type MergeScores struct {
	Groups     int      // gold groups of variants
	Merged     int      // groups whose variants all landed on one person
	Split      []string `json:",omitempty"`
	Overmerged []string `json:",omitempty"` // predicted people standing for several gold people
}

func (r *Report) scoreMerges(ex briefing.Export, g Gold, id *identities) {
	for _, v := range g.CrossArticlePeople {
		r.Merges.Groups++
		var holders []string
		for _, p := range ex.People {
			if slices.ContainsFunc(v.Variants, func(x string) bool {
				return slices.ContainsFunc(p.Aliases, func(a string) bool { return fold.Key(a) == fold.Key(x) })
			}) {
				holders = append(holders, p.Name)
			}
		}
		all := len(holders) == 1
		if all {
			for _, p := range ex.People {
				if p.Name != holders[0] {
					continue
				}
				for _, x := range v.Variants {
					if !slices.ContainsFunc(p.Aliases, func(a string) bool { return fold.Key(a) == fold.Key(x) }) {
						all = false
					}
				}
			}
		}
		if all {
			r.Merges.Merged++
		} else {
			r.Merges.Split = append(r.Merges.Split, v.Name+" → "+strings.Join(holders, " | "))
		}
	}
	for _, p := range ex.People {
		if gs := id.pred[p.Name]; len(gs) > 1 {
			r.Merges.Overmerged = append(r.Merges.Overmerged, p.Name+" = "+strings.Join(gs, " + "))
		}
	}
	for _, pairNames := range g.MustNotMerge {
		for _, p := range ex.People {
			gs := id.pred[p.Name]
			if len(pairNames) == 2 && slices.Contains(gs, pairNames[0]) && slices.Contains(gs, pairNames[1]) && len(gs) == 1 {
				r.Merges.Overmerged = append(r.Merges.Overmerged, p.Name+" merges "+pairNames[0]+" and "+pairNames[1])
			}
		}
	}
}
