package eval

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// Report holds the scores.
type Report struct {
	Quotes    QuoteScores    `json:"quotes"`
	NotQuotes NotQuoteScores `json:"not_quotes"`
	Meetings  MeetingScores  `json:"meetings"`
	Calls     MeetingScores  `json:"calls"`
	Merges    MergeScores    `json:"merges"`
	Dates     DateScores     `json:"dates"`
	People    PeopleScores   `json:"people"`
}

// DateScores measure publication dates.
type DateScores struct {
	Right, Total int
	Wrong        []string `json:",omitempty"`
}

// PeopleScores measure people found per article (informative).
type PeopleScores struct {
	Gold, Found int
	Recall      float64
	RolesGold   int
	RolesFound  int
}

// Evaluate scores an export against gold annotations.
func Evaluate(ex briefing.Export, g Gold) Report {
	id := newIdentities(ex, g)
	var r Report
	for _, name := range sortedKeys(g.Articles) {
		ga := g.Articles[name]
		r.scoreQuotes(name, ga, ex, id)
		scoreMeetings(&r.Meetings, name, ga.Meetings, ex.Meetings, id)
		scoreMeetings(&r.Calls, name, ga.Calls, ex.Calls, id)
		r.scoreDate(name, ga, ex)
		r.scorePeople(name, ga, ex)
	}
	r.scoreMerges(ex, g, id)
	q := &r.Quotes
	q.Recall, q.Precision = ratio(q.Matched, q.Gold), ratio(q.MatchedPredicted, q.Predicted)
	q.F1 = f1(q.Recall, q.Precision)
	q.SpeakerAccuracy, q.KindAccuracy = ratio(q.SpeakerRight, q.Matched), ratio(q.KindRight, q.Matched)
	r.Meetings.finish()
	r.Calls.finish()
	r.People.Recall = ratio(r.People.Found, r.People.Gold)
	return r
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ratio is a/b, and 1 when there is nothing to find.
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(r, p float64) float64 {
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

// identities maps predicted people to the gold people they stand for.
type identities struct {
	forms map[string]map[string]bool // gold name -> folded written forms
	pred  map[string][]string        // predicted name -> gold names
}

func newIdentities(ex briefing.Export, g Gold) *identities {
	id := &identities{forms: map[string]map[string]bool{}, pred: map[string][]string{}}
	add := func(name string, forms ...string) {
		if id.forms[name] == nil {
			id.forms[name] = map[string]bool{}
		}
		for _, f := range append(forms, name) {
			id.forms[name][fold.Key(f)] = true
		}
	}
	for _, a := range g.Articles {
		for _, p := range a.People {
			add(p.Name, p.Aliases...)
		}
	}
	for _, v := range g.CrossArticlePeople {
		add(v.Name, v.Variants...)
	}
	for _, p := range ex.People {
		for _, gold := range sortedKeys(id.forms) {
			if id.forms[gold][fold.Key(p.Name)] || slices.ContainsFunc(p.Aliases, func(a string) bool {
				return id.forms[gold][fold.Key(a)] && fullish(a, gold) && !id.shared(a)
			}) {
				if !slices.Contains(id.pred[p.Name], gold) {
					id.pred[p.Name] = append(id.pred[p.Name], gold)
				}
			}
		}
	}
	return id
}

// fullish: a lone surname alias only counts for the gold person whose
// surname it is (it is not evidence of two identities).
func fullish(alias, gold string) bool {
	if strings.Contains(strings.TrimSpace(alias), " ") {
		return true
	}
	return strings.HasSuffix(fold.Key(gold), fold.Key(alias))
}

// shared reports whether a name form ends the names of several gold people
// ("Haftar" of Khalifa and Saddam Haftar): alone it identifies nobody.
func (id *identities) shared(alias string) bool {
	k := fold.Key(alias)
	n := 0
	for gold := range id.forms {
		if g := fold.Key(gold); g != k && strings.HasSuffix(g, " "+k) {
			n++
		}
	}
	return n > 1
}

// gold returns the gold person a predicted name stands for, or the name
// itself when it stands for none or several.
func (id *identities) gold(pred string) string {
	if g := id.pred[pred]; len(g) == 1 {
		return g[0]
	}
	return pred
}

func (r *Report) scoreDate(article string, ga GoldArticle, ex briefing.Export) {
	want := ""
	if ga.Published != nil {
		want = *ga.Published
	}
	got, found := "", false
	for _, d := range ex.Documents {
		if d.Source == article {
			got, found = d.Published.String(), true
		}
	}
	r.Dates.Total++
	if found && got == want {
		r.Dates.Right++
		return
	}
	r.Dates.Wrong = append(r.Dates.Wrong, article+": want "+orNull(want)+", got "+orNull(got))
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func (r *Report) scorePeople(article string, ga GoldArticle, ex briefing.Export) {
	for _, gp := range ga.People {
		r.People.Gold++
		r.People.RolesGold += len(gp.Roles)
		forms := map[string]bool{fold.Key(gp.Name): true}
		for _, a := range gp.Aliases {
			forms[fold.Key(a)] = true
		}
		for _, p := range ex.People {
			if !slices.Contains(p.Sources, article) {
				continue
			}
			if !slices.ContainsFunc(p.Aliases, func(a string) bool { return forms[fold.Key(a)] }) {
				continue
			}
			r.People.Found++
			for _, role := range gp.Roles {
				if slices.ContainsFunc(p.Roles, func(x string) bool { return fold.Key(x) == fold.Key(role) }) {
					r.People.RolesFound++
				}
			}
			break
		}
	}
}
