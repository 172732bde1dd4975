package corpusgen

import (
	"strconv"
	"strings"
)

const (
	openCurly  = "“"
	closeCurly = "”"
	apostrophe = "’"
)

// text appends s, turning apostrophes curly in curly-style articles.
func (s *state) text(str string) {
	if !s.curlyApos || strings.IndexByte(str, '\'') < 0 {
		s.buf = append(s.buf, str...)
		return
	}
	for i := 0; i < len(str); i++ {
		if str[i] == '\'' {
			s.buf = append(s.buf, apostrophe...)
		} else {
			s.buf = append(s.buf, str[i])
		}
	}
}

// capAt upper-cases an ASCII letter at position i of the buffer.
func (s *state) capAt(i int) {
	if i < len(s.buf) {
		if c := s.buf[i]; 'a' <= c && c <= 'z' {
			s.buf[i] = c - 'a' + 'A'
		}
	}
}

// word appends str, capitalised at the start of a sentence.
func (s *state) word(str string) {
	start := s.atStart()
	i := len(s.buf)
	s.text(str)
	if start {
		s.capAt(i)
	}
}

// atStart reports whether the next character begins a sentence.
func (s *state) atStart() bool {
	n := len(s.buf)
	if n == s.startPos || n == s.cur.start {
		return true
	}
	if n >= 2 && s.buf[n-1] == ' ' {
		switch s.buf[n-2] {
		case '.', '?', '!':
			return true
		}
	}
	return false
}

// afterQuote reports whether the buffer ends with a closing mark and a space.
func (s *state) afterQuote() bool {
	b := s.buf
	n := len(b)
	if n >= 4 && b[n-1] == ' ' && string(b[n-4:n-1]) == closeCurly {
		return true
	}
	return n >= 3 && b[n-1] == ' ' && b[n-2] == '"' && (b[n-3] == ',' || b[n-3] == '.')
}

// marks returns the quotation marks for the next quotation or span.
func (s *state) marks() (string, string) {
	curly := s.curlyMarks
	if s.mixed {
		curly = s.r.chance(50)
	}
	if curly {
		return openCurly, closeCurly
	}
	return `"`, `"`
}

// alt picks one of n alternatives; a near-duplicate sometimes swaps it.
func (s *state) alt(n int) int {
	k := s.r.intn(n)
	if s.dup != nil && n > 1 && s.dup.chance(30) {
		k = (k + 1 + s.dup.intn(n-1)) % n
	}
	return k
}

// render expands a template into the buffer.
func (s *state) render(t *tmpl) {
	toks := t.toks
	for k := range toks {
		tk := &toks[k]
		switch tk.kind {
		case tLit:
			s.lit(tk.s)
		case tAlt:
			s.lit(tk.alts[s.alt(len(tk.alts))])
		case tOpen:
			s.spanOpen, s.spanClose = s.marks()
			s.buf = append(s.buf, s.spanOpen...)
		case tClose:
			s.buf = append(s.buf, s.spanClose...)
		case tSlot:
			var next *tok
			if k+1 < len(toks) {
				next = &toks[k+1]
			}
			s.slot(tk, next)
		}
	}
}

// lit appends literal template text, avoiding a doubled period after "Jr."
// and writing the possessive of a name ending in "s" as a bare apostrophe.
func (s *state) lit(str string) {
	if n := len(s.buf); n > 0 && len(str) > 0 {
		switch {
		case str[0] == '.' && s.buf[n-1] == '.':
			str = str[1:]
		case strings.HasPrefix(str, "'s") && s.buf[n-1] == 's':
			s.text("'")
			str = str[2:]
		}
	}
	s.text(str)
}

// renderNested expands a sub-template (subject, issue), capitalising it at
// the start of a sentence.
func (s *state) renderNested(t *tmpl) {
	start := s.atStart()
	i := len(s.buf)
	s.render(t)
	if start {
		s.capAt(i)
	}
}

func (s *state) slot(tk *tok, next *tok) {
	g := s.g
	st := s.st
	switch tk.slot {
	case slA, slB, slC, slD:
		s.person(int(tk.slot), next)
	case slPL:
		s.place(st.places[s.r.intn(int(st.nplaces))])
	case slPL1:
		s.place(st.places[0])
	case slPL2:
		s.place(st.places[min(1, int(st.nplaces)-1)])
	case slC1:
		s.word(g.countries[st.countries[0]].name)
	case slC2:
		s.word(g.countries[st.countries[1]].name)
	case slN1:
		s.word(g.countries[st.countries[0]].adj)
	case slN2:
		s.word(g.countries[st.countries[1]].adj)
	case slO1:
		s.word(g.orgs[st.orgs[0]].name)
	case slO2:
		s.word(g.orgs[st.orgs[1]].name)
	case slSUBJ:
		s.renderNested(g.t.subj[st.desk][st.subj])
	case slISSUE:
		s.renderNested(g.t.issue[st.desk][st.issue])
	case slREG:
		s.word(regions[st.region])
	case slDAYP, slDAYF:
		i := len(s.buf)
		start := s.atStart()
		s.when(tk.slot == slDAYF)
		if start {
			s.capAt(i)
		}
	case slDAYX:
		s.vague()
	case slMW:
		if s.r.chance(12) {
			s.mWhen, s.mDay = "", -1
			return
		}
		s.buf = append(s.buf, ' ')
		i := len(s.buf)
		s.mDay = s.when(s.mFuture)
		s.mWhen = string(s.buf[i:])
	case slQcomma, slQperiod, slQ2, slQP:
		s.quote(tk.slot)
	case slFig:
		s.figure(tk.arg)
	case slPool:
		w := wordPools[tk.arg].words
		s.word(w[s.r.intn(len(w))])
	}
}

func (s *state) place(c int16) {
	name := s.g.cities[c].name
	s.word(name)
	s.mPlace = name
}

// person writes a mention of the cast member bound to slot k and records the
// name form used.
func (s *state) person(k int, next *tok) {
	ci := s.bind[k]
	m := &s.cast[ci]
	p := &s.g.people[m.pid]
	s.cur.people = true
	start := s.atStart()
	afterQ := s.afterQuote()
	var nextSpace, nextPeriod, poss bool
	if next != nil && next.kind == tLit && next.s != "" {
		switch {
		case strings.HasPrefix(next.s, "'s"):
			poss = true
		case next.s[0] == ' ':
			nextSpace = true
		case next.s == "." || strings.HasPrefix(next.s, ". "):
			nextPeriod = true
		}
	}
	u := s.r.u64()
	if !m.intro {
		m.intro = true
		s.corder = append(s.corder, int8(ci))
		name := p.canon
		if len(p.full) > 0 && u&7 == 0 {
			name = p.full[(u>>3)%uint64(len(p.full))]
		}
		mode := (u >> 12) % 10
		switch {
		case !poss && (nextSpace || nextPeriod) && mode < 3:
			s.name(ci, name, start)
			s.text(", ")
			s.text(p.art)
			s.buf = append(s.buf, ' ')
			s.text(p.desc)
			if nextSpace {
				s.buf = append(s.buf, ',')
			}
		case start && nextSpace && mode == 3 && p.art == "the":
			s.buf = append(s.buf, "The "...)
			s.text(p.desc)
			s.buf = append(s.buf, ", "...)
			s.name(ci, name, false)
			s.buf = append(s.buf, ',')
		default:
			i := len(s.buf)
			s.text(p.pre)
			if start {
				s.capAt(i)
			}
			s.buf = append(s.buf, ' ')
			s.name(ci, name, false)
		}
		return
	}
	if (start || afterQ) && !poss && s.lastSubj == ci && u&3 != 0 {
		pr := "he"
		if !p.male {
			pr = "she"
		}
		s.word(pr)
		return
	}
	clash := s.surnameClash(ci)
	switch k := (u >> 4) % 100; {
	case k < 62 && !clash:
		sur := p.sur
		if len(p.surv) > 0 && (u>>20)%6 == 0 {
			sur = p.surv[(u>>24)%uint64(len(p.surv))]
		}
		s.name(ci, sur, start)
	case k < 74 && s.nounUnique(ci):
		s.word("the ")
		s.text(p.noun)
	case k < 90 && len(p.full) > 0:
		s.name(ci, p.full[(u>>28)%uint64(len(p.full))], start)
	default:
		s.name(ci, p.canon, start)
	}
}

// name writes a name form and records it as a surface of cast member ci.
func (s *state) name(ci int, str string, capital bool) {
	i := len(s.buf)
	s.text(str)
	if capital {
		s.capAt(i)
	}
	form := s.buf[i:]
	m := &s.cast[ci]
	for _, x := range m.surf {
		if x == string(form) {
			return
		}
	}
	m.surf = append(m.surf, string(form))
}

// surnameClash reports whether another introduced cast member shares the
// surname of ci, so that a bare surname would be ambiguous.
func (s *state) surnameClash(ci int) bool {
	p := &s.g.people[s.cast[ci].pid]
	for _, o := range s.corder {
		if int(o) == ci {
			continue
		}
		q := &s.g.people[s.cast[o].pid]
		if q.sur == p.sur {
			return true
		}
		for _, v := range q.surv {
			if v == p.sur {
				return true
			}
		}
		for _, v := range p.surv {
			if v == q.sur {
				return true
			}
		}
	}
	return false
}

// nounUnique reports whether no other introduced cast member has ci's role noun.
func (s *state) nounUnique(ci int) bool {
	p := &s.g.people[s.cast[ci].pid]
	for _, o := range s.corder {
		if int(o) != ci && s.g.people[s.cast[o].pid].noun == p.noun {
			return false
		}
	}
	return true
}

// pickQuote draws an unused quotation text.
func (s *state) pickQuote() *tmpl {
	list := s.g.t.quoteText[s.desk]
	if s.r.chance(30) {
		list = s.g.t.genericQuote
	}
	return s.pickFrom(list, 0)
}

// quote writes a quotation of the speaker bound to {A} and records it.
func (s *state) quote(kind slotID) {
	open, close := s.marks()
	s.buf = append(s.buf, open...)
	i := len(s.buf)
	if kind == slQP {
		s.text(partialPhrases[s.r.intn(len(partialPhrases))])
	} else {
		s.startPos = i
		s.render(s.pickQuote())
		if kind == slQcomma {
			s.buf = append(s.buf, ',')
		} else {
			s.buf = append(s.buf, '.')
		}
	}
	text := string(s.buf[i:])
	s.buf = append(s.buf, close...)
	s.quotes = append(s.quotes, TruthQuote{
		Speaker: s.g.people[s.cast[s.bind[0]].pid].canon,
		Text:    text,
		Partial: kind == slQP,
	})
	s.cur.truth = true
	s.cur.people = true
	s.nQ--
}

// appendInt appends n with thousands separators.
func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if n < 1000 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	b = appendInt(b, n/1000)
	r := n % 1000
	b = append(b, ',', byte('0'+r/100), byte('0'+r/10%10), byte('0'+r%10))
	return b
}

// appendTenths appends v/10 with one decimal unless it is whole.
func appendTenths(b []byte, v int) []byte {
	b = appendInt(b, v/10)
	if v%10 != 0 {
		b = append(b, '.', byte('0'+v%10))
	}
	return b
}

var (
	qualAbout  = []string{"some", "about", "around", "more than", "nearly", "over", "at least"}
	currencies = []string{"$", "$", "$", "€", "£"}
)

// figure writes a figure phrase of the kind and records it.
func (s *state) figure(kind int) {
	r := &s.r
	start := s.atStart()
	i := len(s.buf)
	qual := func() {
		s.buf = append(s.buf, qualAbout[r.intn(len(qualAbout))]...)
		s.buf = append(s.buf, ' ')
	}
	money := func() {
		s.buf = append(s.buf, currencies[r.intn(len(currencies))]...)
		if r.chance(55) {
			s.buf = appendTenths(s.buf, 11+r.intn(490))
			s.buf = append(s.buf, " billion"...)
		} else {
			s.buf = appendInt(s.buf, 10+r.intn(940))
			s.buf = append(s.buf, " million"...)
		}
	}
	switch figureNames[kind] {
	case "hostages":
		n := 10 + r.intn(51)
		s.buf = append(s.buf, []string{"some ", "about ", "around ", "up to ", "at least "}[r.intn(5)]...)
		s.buf = appendInt(s.buf, n)
		s.buf = append(s.buf, " of the remaining "...)
		s.buf = appendInt(s.buf, n+40+r.intn(160))
		s.buf = append(s.buf, " hostages"...)
	case "deaths":
		qual()
		s.buf = appendInt(s.buf, (10+r.intn(590))*100)
		s.buf = append(s.buf, []string{" people", " civilians", " people"}[r.intn(3)]...)
	case "money":
		money()
	case "tariff":
		n := []int{5, 10, 12, 15, 20, 25, 30, 35, 40, 50, 60}[r.intn(11)]
		if r.chance(60) {
			s.buf = append(s.buf, "a "...)
			s.buf = appendInt(s.buf, n)
			s.buf = append(s.buf, " percent tariff"...)
		} else {
			s.buf = append(s.buf, "tariffs of up to "...)
			s.buf = appendInt(s.buf, n)
			s.buf = append(s.buf, " percent"...)
		}
	case "delegates":
		qual()
		s.buf = appendInt(s.buf, (3+r.intn(900))*100)
		s.buf = append(s.buf, " delegates"...)
	case "jobs":
		qual()
		s.buf = appendInt(s.buf, (2+r.intn(120))*100)
		s.buf = append(s.buf, " jobs"...)
	case "spectators":
		qual()
		s.buf = appendInt(s.buf, (20+r.intn(380))*1000)
		s.buf = append(s.buf, " spectators"...)
	case "prison":
		s.buf = append(s.buf, []string{"up to ", "as many as "}[r.intn(2)]...)
		s.buf = appendInt(s.buf, 5+r.intn(21))
		s.buf = append(s.buf, " years in prison"...)
	case "vote":
		s.buf = appendTenths(s.buf, 150+r.intn(400))
		s.buf = append(s.buf, " percent of the vote"...)
	case "voters":
		qual()
		s.buf = appendTenths(s.buf, 12+r.intn(600))
		s.buf = append(s.buf, " million voters"...)
	case "tonnes":
		s.buf = appendTenths(s.buf, 300+r.intn(120))
		s.buf = append(s.buf, " billion tonnes of carbon dioxide"...)
	case "fine":
		if r.chance(50) {
			s.buf = append(s.buf, "a fine of up to "...)
			s.buf = appendInt(s.buf, 2+r.intn(9))
			s.buf = append(s.buf, " percent of its global turnover"...)
		} else {
			s.buf = append(s.buf, "a fine of "...)
			money()
		}
	case "users":
		if r.chance(50) {
			qual()
		}
		s.buf = appendTenths(s.buf, 5+r.intn(400))
		s.buf = append(s.buf, " million users"...)
	case "trucks":
		s.buf = append(s.buf, "at least "...)
		s.buf = appendInt(s.buf, (2+r.intn(9))*100)
		s.buf = append(s.buf, " aid trucks a day"...)
	case "percent":
		if r.chance(40) {
			s.buf = append(s.buf, "nearly "...)
		}
		s.buf = appendInt(s.buf, 3+r.intn(45))
		s.buf = append(s.buf, " percent"...)
	}
	if start {
		s.capAt(i)
	}
	s.figures = append(s.figures, string(s.buf[i:]))
	s.cur.truth = true
}
