package eval

import (
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
)

// MeetingScores measure the person pairs of meetings (or of calls), per
// article: a pair matches when the article reports the two people meeting;
// its place is scored apart.
type MeetingScores struct {
	GoldPairs, PredictedPairs, Matched int
	Recall, Precision, F1              float64
	// Places of the matched pairs: right when both name the same place (one
	// possibly fuller, "Lausanne, Switzerland") or neither names one.
	PlaceRight int
	// Status of the matched pairs.
	StatusRight int
	Missed      []string `json:",omitempty"`
	Spurious    []string `json:",omitempty"`
	WrongPlace  []string `json:",omitempty"`
	WrongStatus []string `json:",omitempty"`
}

func (s *MeetingScores) finish() {
	s.Recall, s.Precision = ratio(s.Matched, s.GoldPairs), ratio(s.Matched, s.PredictedPairs)
	s.F1 = f1(s.Recall, s.Precision)
}

// pair is two people (sorted) meeting at a place ("" when none), with the
// status of the meeting.
type pair struct {
	a, b, place string
	status      briefing.MeetingStatus
}

func (p pair) String() string {
	s := p.a + " + " + p.b
	if p.place != "" {
		s += " in " + p.place
	}
	return s
}

func (p pair) samePeople(q pair) bool { return p.a == q.a && p.b == q.b }

// samePlace: both name none, or the same place, one name possibly
// fuller than the other ("Lausanne" and "Lausanne, Switzerland").
func (p pair) samePlace(q pair) bool {
	if p.place == "" || q.place == "" {
		return p.place == q.place
	}
	return p.place == q.place || containsWords(p.place, q.place) || containsWords(q.place, p.place)
}

func containsWords(long, short string) bool {
	lw := strings.Fields(long)
	for _, w := range strings.Fields(short) {
		if !slices.Contains(lw, w) {
			return false
		}
	}
	return true
}

// scoreMeetings compares the pairs an article's gold meetings (or calls)
// name with the pairs the extraction reports from that article.
func scoreMeetings(s *MeetingScores, article string, gold []GoldMeeting, predicted []briefing.ExportMeeting, id *identities) {
	var gp []pair
	for _, m := range gold {
		place := ""
		if m.Place != nil {
			place = fold.Key(*m.Place)
		}
		gp = addPairs(gp, m.Participants, place, briefing.MeetingStatus(m.Status))
	}
	var pp []pair
	for _, m := range predicted {
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
			pp = addPairs(pp, people, place, rep.Status)
		}
	}
	s.GoldPairs += len(gp)
	s.PredictedPairs += len(pp)
	usedP := make([]bool, len(pp))
	for _, g := range gp {
		// The same people, preferring a report at the same place.
		j := -1
		for k, p := range pp {
			if !usedP[k] && g.samePeople(p) && (j < 0 || g.samePlace(p) && !g.samePlace(pp[j])) {
				j = k
			}
		}
		if j < 0 {
			s.Missed = append(s.Missed, article+": "+g.String())
			continue
		}
		usedP[j] = true
		s.Matched++
		if g.samePlace(pp[j]) {
			s.PlaceRight++
		} else {
			s.WrongPlace = append(s.WrongPlace, article+": "+g.String()+" — got "+orNone(pp[j].place))
		}
		if pp[j].status == g.status {
			s.StatusRight++
		} else {
			s.WrongStatus = append(s.WrongStatus, article+": "+g.String()+" — want "+string(g.status)+", got "+string(pp[j].status))
		}
	}
	for j, p := range pp {
		if !usedP[j] {
			s.Spurious = append(s.Spurious, article+": "+p.String())
		}
	}
}

// addPairs adds every pair of different people, once per pair and place.
func addPairs(out []pair, people []string, place string, status briefing.MeetingStatus) []pair {
	for _, pp := range PersonPairs(people) {
		p := pair{pp[0], pp[1], place, status}
		if !slices.ContainsFunc(out, func(q pair) bool { return q.samePeople(p) && q.place == p.place }) {
			out = append(out, p)
		}
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
