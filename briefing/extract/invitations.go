package extract

import (
	"slices"

	"briefbot/briefing"
)

// inviteVerbs open an invitation: "X invited A and B to talks".
var inviteVerbs = set("invite", "invites", "invited", "inviting")

// invitedMeeting reads an invitation at token k of sentence s — "Modi
// invited Biden to talks in Delhi", "he would invite the country's five
// main power brokers to a meeting" — as a planned meeting of the inviter
// and the invited (unless canceled words say otherwise). Invitees counted
// but not named ("five … power brokers") are taken from a roster in the
// next three sentences ("The five are A; B; …") when it names exactly that
// many people. It returns the token after the meeting noun, or k when
// there is no invitation to a meeting.
func (r *run) invitedMeeting(s, k int) int {
	toks := r.d.tokens(s)
	to, noun := -1, -1
	for j := k + 1; j < len(toks) && j < k+16; j++ {
		t := &toks[j]
		if t.quote >= 0 || t.kind == tPunct && t.text != "," && t.text != "'" && t.text != "’" && t.text != "-" {
			break
		}
		if t.key == "to" {
			if n := r.meetNounAfter(toks, j+1); n > 0 {
				to, noun = j, n
			}
			break
		}
	}
	if to < 0 {
		return k
	}
	subj := r.subjects(s, k)
	obj := r.objects(s, k+1)
	m := &meetingDraft{kind: briefing.InPerson, place: -1, sents: []int{s}, invitation: true}
	m.persons = append(slices.Clone(subj.persons), obj.persons...)
	m.parties = append(slices.Clone(subj.parties), obj.parties...)
	m.groups = append(slices.Clone(subj.groups), obj.groups...)
	if len(obj.persons)+len(obj.parties) == 0 {
		if n := invitedCount(toks, k+1, to); n > 0 {
			m.persons = append(m.persons, r.roster(s, n)...)
		}
	}
	if len(m.persons)+len(m.parties) < 2 {
		return k
	}
	m.place = r.placeAfter(s, noun+1, len(toks))
	r.invitedTime(m, s, noun)
	m.status = briefing.Planned
	if st := r.meetingStatus(toks, k, subj.from, noun+1); st == briefing.Canceled {
		m.status = st
	}
	r.meetings = append(r.meetings, m)
	return noun + 1
}

// invitedCount reads the number of a counted object between from and to
// ("the country's five main power brokers"), or 0.
func invitedCount(toks []token, from, to int) int {
	for j := from; j < to; j++ {
		if n, ok := numberWords[toks[j].key]; ok && n >= 2 && n <= 20 && j+1 < to {
			return int(n)
		}
	}
	return 0
}

// roster reads the people a counted group stands for from the three
// sentences after s: one opening "The five are", "The five leaders are"
// or "The five invited are", naming exactly n people outside quotation.
func (r *run) roster(s, n int) []int {
	for t := s + 1; t < len(r.d.sents) && t <= s+3; t++ {
		if r.d.heading(t) {
			continue
		}
		toks := r.d.tokens(t)
		j := 0
		if j < len(toks) && toks[j].key == "the" {
			j++
		}
		if j >= len(toks) || int(numberWords[toks[j].key]) != n {
			continue
		}
		j++
		for i := j; i < len(toks) && i < j+3; i++ {
			if !toks[i].is("are", "were", "include", "included", "will") {
				continue
			}
			var people []int
			for _, m := range r.mentions[t] {
				if m.kind != briefing.KindPerson || m.inQuote {
					continue
				}
				if e := r.resolve(m.entity); !slices.Contains(people, e) {
					people = append(people, e)
				}
			}
			if len(people) == n {
				return people
			}
			break
		}
	}
	return nil
}

// invitedTime sets the time of an invited meeting from a time phrase after
// its noun, in its clause ("to talks in Doha next week"); the other time
// phrases of the sentence tell when the invitation was made.
func (r *run) invitedTime(m *meetingDraft, s, noun int) {
	exprs := r.sentenceTimes(s)
	for i := range exprs {
		if exprs[i].from > noun {
			if !r.clauseBreak(s, noun+1, exprs[i].from) {
				m.when = &exprs[i]
				m.whenTxt = r.d.spanText(s, exprs[i].from, exprs[i].to)
			}
			return
		}
	}
}
