package eval

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// MinQuoteOverlap is the token F1 at which a predicted quote matches a
// gold one.
const MinQuoteOverlap = 0.8

// Report holds the scores.
type Report struct {
	Quotes   QuoteScores   `json:"quotes"`
	Meetings MeetingScores `json:"meetings"`
	Merges   MergeScores   `json:"merges"`
	Dates    DateScores    `json:"dates"`
	People   PeopleScores  `json:"people"`
}

// QuoteScores measure quotations and speakers.
type QuoteScores struct {
	Gold, Predicted, Matched int
	Recall, Precision, F1    float64
	SpeakerRight             int
	SpeakerAccuracy          float64 // of matched quotes
	KindRight                int
	KindAccuracy             float64  // full/partial, of matched quotes
	Missed                   []string `json:",omitempty"`
	Spurious                 []string `json:",omitempty"`
	WrongSpeaker             []string `json:",omitempty"`
}

// MeetingScores measure meeting participant pairs per article.
type MeetingScores struct {
	GoldPairs, PredictedPairs int
	// With places: a pair counts when the article reports it at the same
	// place (or neither names one).
	Matched               int
	Recall, Precision, F1 float64
	// Without places.
	PairMatched int
	PairF1      float64
	// Status of the gold meetings found.
	StatusRight, StatusTotal int
	Missed                   []string `json:",omitempty"`
	Spurious                 []string `json:",omitempty"`
}

// MergeScores measure people resolution across articles.
type MergeScores struct {
	Groups     int      // gold groups of variants
	Merged     int      // groups whose variants all landed on one person
	Split      []string `json:",omitempty"`
	Overmerged []string `json:",omitempty"` // predicted people standing for several gold people
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
		r.scoreMeetings(name, ga, ex, id)
		r.scoreDate(name, ga, ex)
		r.scorePeople(name, ga, ex)
	}
	r.scoreMerges(ex, g, id)
	q := &r.Quotes
	q.Recall, q.Precision = ratio(q.Matched, q.Gold), ratio(q.Matched, q.Predicted)
	q.F1 = f1(q.Recall, q.Precision)
	q.SpeakerAccuracy, q.KindAccuracy = ratio(q.SpeakerRight, q.Matched), ratio(q.KindRight, q.Matched)
	m := &r.Meetings
	m.Recall, m.Precision = ratio(m.Matched, m.GoldPairs), ratio(m.Matched, m.PredictedPairs)
	m.F1 = f1(m.Recall, m.Precision)
	m.PairF1 = f1(ratio(m.PairMatched, m.GoldPairs), ratio(m.PairMatched, m.PredictedPairs))
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
			if id.forms[gold][fold.Key(p.Name)] || slices.ContainsFunc(p.Aliases, func(a string) bool { return id.forms[gold][fold.Key(a)] && fullish(a, gold) }) {
				id.pred[p.Name] = append(id.pred[p.Name], gold)
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

// gold returns the gold person a predicted name stands for, or the name
// itself when it stands for none or several.
func (id *identities) gold(pred string) string {
	if g := id.pred[pred]; len(g) == 1 {
		return g[0]
	}
	return pred
}

func (r *Report) scoreQuotes(article string, ga GoldArticle, ex briefing.Export, id *identities) {
	var pred []briefing.ExportQuote
	for _, q := range ex.Quotes {
		if q.Source == article {
			pred = append(pred, q)
		}
	}
	gt := make([][]string, len(ga.Quotes))
	for i, q := range ga.Quotes {
		gt[i] = words(q.Text)
	}
	pt := make([][]string, len(pred))
	for i, q := range pred {
		pt[i] = words(q.Text)
	}
	pairs := matchByOverlap(gt, pt)
	s := &r.Quotes
	s.Gold += len(ga.Quotes)
	s.Predicted += len(pred)
	s.Matched += len(pairs)
	gotG, gotP := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		gq, pq := ga.Quotes[p[0]], pred[p[1]]
		gotG[p[0]], gotP[p[1]] = true, true
		want, got := "", ""
		if gq.Speaker != nil {
			want = *gq.Speaker
		}
		if pq.Speaker != nil {
			got = id.gold(*pq.Speaker)
		}
		if want == got {
			s.SpeakerRight++
		} else {
			s.WrongSpeaker = append(s.WrongSpeaker, article+": "+clip(gq.Text)+" — want "+want+", got "+got)
		}
		if (gq.Kind == "partial") == pq.Partial {
			s.KindRight++
		}
	}
	for i, q := range ga.Quotes {
		if !gotG[i] {
			s.Missed = append(s.Missed, article+": "+clip(q.Text))
		}
	}
	for i, q := range pred {
		if !gotP[i] {
			s.Spurious = append(s.Spurious, article+": "+clip(q.Text))
		}
	}
}

// matchByOverlap pairs gold and predicted word lists one to one, best
// overlap first, keeping pairs with token F1 ≥ MinQuoteOverlap.
func matchByOverlap(gold, pred [][]string) [][2]int {
	type cand struct {
		g, p int
		f    float64
	}
	var cands []cand
	for i := range gold {
		for j := range pred {
			if f := TokenF1(gold[i], pred[j]); f >= MinQuoteOverlap {
				cands = append(cands, cand{i, j, f})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.f, a.f) })
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, c := range cands {
		if !usedG[c.g] && !usedP[c.p] {
			usedG[c.g], usedP[c.p] = true, true
			out = append(out, [2]int{c.g, c.p})
		}
	}
	return out
}

// words splits text into lower-case words, apostrophes unified.
func words(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
}

// TokenF1 is the F1 of the word multisets of a and b.
func TokenF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(b)), float64(common)/float64(len(a))
	return 2 * p * r / (p + r)
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// pair is two people (sorted) meeting at a place ("" when none).
type pair struct{ a, b, place string }

func (r *Report) scoreMeetings(article string, ga GoldArticle, ex briefing.Export, id *identities) {
	goldPairs := map[pair]bool{}
	goldStatus := map[pair]briefing.MeetingStatus{}
	for _, m := range ga.Meetings {
		place := ""
		if m.Place != nil {
			place = fold.Key(*m.Place)
		}
		for _, p := range pairsOf(m.Participants, place) {
			goldPairs[p] = true
			goldStatus[p] = briefing.MeetingStatus(m.Status)
		}
	}
	predPairs := map[pair]bool{}
	predStatus := map[pair]briefing.MeetingStatus{}
	for _, m := range ex.Meetings {
		for _, rep := range m.Reports {
			if rep.Source != article {
				continue
			}
			place := ""
			if rep.Place != nil {
				place = fold.Key(*rep.Place)
			}
			people := make([]string, len(rep.Participants))
			for i, p := range rep.Participants {
				people[i] = id.gold(p)
			}
			for _, p := range pairsOf(people, place) {
				predPairs[p] = true
				predStatus[p] = rep.Status
			}
		}
	}
	s := &r.Meetings
	s.GoldPairs += len(goldPairs)
	s.PredictedPairs += len(predPairs)
	noPlace := func(m map[pair]bool) map[pair]bool {
		out := map[pair]bool{}
		for p := range m {
			out[pair{a: p.a, b: p.b}] = true
		}
		return out
	}
	gp, pp := noPlace(goldPairs), noPlace(predPairs)
	for p := range pp {
		if gp[p] {
			s.PairMatched++
		}
	}
	for _, p := range sortedPairs(goldPairs) {
		if predPairs[p] {
			s.Matched++
			s.StatusTotal++
			if predStatus[p] == goldStatus[p] {
				s.StatusRight++
			}
		} else {
			s.Missed = append(s.Missed, article+": "+p.String())
		}
	}
	for _, p := range sortedPairs(predPairs) {
		if !goldPairs[p] {
			s.Spurious = append(s.Spurious, article+": "+p.String())
		}
	}
}

func (p pair) String() string {
	s := p.a + " + " + p.b
	if p.place != "" {
		s += " in " + p.place
	}
	return s
}

func pairsOf(people []string, place string) []pair {
	var out []pair
	for _, p := range PersonPairs(people) {
		out = append(out, pair{p[0], p[1], place})
	}
	return out
}

// PersonPairs lists every pair of different people, each pair sorted.
func PersonPairs(people []string) [][2]string {
	var out [][2]string
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			a, b := people[i], people[j]
			if a == b {
				continue
			}
			if b < a {
				a, b = b, a
			}
			out = append(out, [2]string{a, b})
		}
	}
	return out
}

func sortedPairs(m map[pair]bool) []pair {
	out := make([]pair, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y pair) int { return strings.Compare(x.String(), y.String()) })
	return out
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
