package corpusgen

// maxCast bounds the people an article can mention.
const maxCast = 8

// Word budget of the article body, before headings, noise and closing line.
const (
	minBody = 230
	maxBody = 640
	hardCap = 715
)

// Agenda weights: how many quotations, meetings, figures, non-quotes and
// phone calls an article gets (index = count).
var (
	quoteWeights    = []int{8, 10, 14, 16, 16, 13, 10, 8, 5}
	meetingWeights  = []int{35, 35, 20, 10}
	figureWeights   = []int{30, 35, 22, 13}
	nonquoteWeights = []int{35, 40, 25}
)

type castMember struct {
	pid   int32
	intro bool
	surf  []string
}

// para is one body paragraph in the buffer.
type para struct {
	start, end int
	words      int
	people     bool // mentions somebody (so its position matters)
	truth      bool // records a quotation, meeting or figure
	dependent  bool // opens with a quotation whose speaker the previous paragraph names
}

// state is the working memory of one article.
type state struct {
	g        *Generator
	r        rng
	dupRNG   rng
	dup      *rng
	st       *story
	adhoc    story
	storyIdx int
	desk     desk
	pub      int

	curlyApos, curlyMarks, mixed, usDates bool
	spanOpen, spanClose                   string

	buf      []byte
	paras    []para
	order    []int // paragraph order for output
	cur      para
	startPos int
	words    int

	cast     [maxCast]castMember
	ncast    int
	corder   []int8 // cast members in order of introduction
	bind     [4]int
	lastSubj int
	pending  int
	used     [maxTemplates / 64]uint64

	quotes   []TruthQuote
	meetings []TruthMeeting
	mdays    []int
	figures  []string

	mFuture bool
	mPlace  string
	mWhen   string
	mDay    int

	nQ, nM, nF, nNQ, nPhone int
	exhausted               bool
}

func newState(g *Generator, src int) *state {
	s := &state{g: g, r: newRNG(g.cfg.Seed, uint64(src)), lastSubj: -1, pending: -1}
	s.buf = make([]byte, 0, 6144)
	s.paras = make([]para, 0, 16)
	s.startPos = -1
	return s
}

// compose writes the body paragraphs of the article.
func (s *state) compose() {
	g := s.g
	r := &s.r
	if r.chance(10) {
		s.adhoc = g.makeStory(r, desk(r.weighted(deskWeights[:])), false)
		s.st = &s.adhoc
		s.storyIdx = -1
	} else {
		s.storyIdx = g.pickStory(r)
		s.st = &g.stories[s.storyIdx]
	}
	st := s.st
	s.desk = st.desk
	s.pub = g.startDay + int(st.start) + r.intn(int(st.span))

	switch k := r.intn(100); {
	case k < 60:
		s.curlyApos, s.curlyMarks = true, true
	case k < 95:
	default:
		s.curlyApos, s.mixed = true, true
	}
	s.usDates = r.chance(30)

	n := int(st.np)
	rot := 0
	if r.chance(40) {
		rot = r.intn(n)
	}
	for k := 0; k < n; k++ {
		s.cast[k].pid = st.people[(k+rot)%n]
	}
	s.ncast = n
	if r.chance(30) {
		pool := g.byDesk[s.desk]
		c := pool[r.intn(len(pool))]
		dupe := false
		for k := 0; k < n; k++ {
			dupe = dupe || s.cast[k].pid == c
		}
		if !dupe {
			s.cast[n].pid = c
			s.ncast++
		}
	}

	s.nQ = r.weighted(quoteWeights)
	s.nM = r.weighted(meetingWeights)
	s.nF = r.weighted(figureWeights)
	s.nNQ = r.weighted(nonquoteWeights)
	if r.chance(25) {
		s.nPhone = 1
	}
	target := min(r.between(minBody, maxBody), 300+50*(s.nQ+s.nM+s.nF+s.nNQ))

	s.beginPara()
	s.lede()
	s.endPara()
	for p := 0; p < 40 && s.words < target && !s.exhausted; p++ {
		sn := s.snapshot()
		s.beginPara()
		switch s.choosePara() {
		case 0:
			s.quotePara()
		case 1:
			s.meetingPara()
		case 2:
			s.figurePara()
		case 3:
			s.asidePara()
		default:
			s.backgroundPara()
		}
		s.endPara()
		if s.words > hardCap {
			s.restore(sn)
			break
		}
	}
	for s.words < minBody && !s.exhausted {
		s.beginPara()
		s.background(false)
		s.background(false)
		s.endPara()
	}
	if s.words+45 < hardCap && r.chance(45) {
		s.beginPara()
		s.sentence(s.pickFrom(g.t.outlook[s.desk], 0))
		s.endPara()
	}
	s.order = make([]int, len(s.paras))
	for i := range s.order {
		s.order[i] = i
	}
}

// choosePara picks the kind of the next paragraph from what is left to say.
func (s *state) choosePara() int {
	w := [5]int{0, 0, 0, 0, 3}
	if s.nQ > 0 {
		w[0] = 3 + min(s.nQ, 3)
	}
	if s.nM > 0 && s.ncast >= 2 {
		w[1] = 3
	}
	if s.nF > 0 {
		w[2] = 2
	}
	if (s.nNQ > 0 || s.nPhone > 0) && s.ncast >= 2 {
		w[3] = 2
	}
	return s.r.weighted(w[:])
}

func (s *state) beginPara() {
	s.cur = para{start: len(s.buf)}
	s.startPos = len(s.buf)
}

func (s *state) endPara() {
	if len(s.buf) == s.cur.start {
		return
	}
	s.cur.end = len(s.buf)
	s.cur.words = countWords(s.buf[s.cur.start:])
	s.words += s.cur.words
	s.paras = append(s.paras, s.cur)
	s.pending = -1
	if s.lastSubj >= 0 && s.cast[s.lastSubj].intro {
		s.pending = s.lastSubj
	}
	s.lastSubj = -1
}

// spaceTab marks the bytes strings.Fields treats as separators in this
// package's output.
var spaceTab = [256]uint8{' ': 1, '\n': 1, '\t': 1, '\r': 1}

// countWords counts white-space separated fields, like strings.Fields on
// this package's output (which has no Unicode spaces).
func countWords(b []byte) int {
	n := 0
	prev := uint8(1)
	for _, c := range b {
		sp := spaceTab[c]
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

// snap saves what a discarded paragraph may change.
type snap struct {
	blen, plen, q, m, f, words, norder int
	intro                              [maxCast]bool
	nsurf                              [maxCast]int
	pending                            int
}

func (s *state) snapshot() snap {
	sn := snap{blen: len(s.buf), plen: len(s.paras), q: len(s.quotes), m: len(s.meetings),
		f: len(s.figures), words: s.words, norder: len(s.corder), pending: s.pending}
	for i := 0; i < s.ncast; i++ {
		sn.intro[i] = s.cast[i].intro
		sn.nsurf[i] = len(s.cast[i].surf)
	}
	return sn
}

func (s *state) restore(sn snap) {
	s.buf = s.buf[:sn.blen]
	s.paras = s.paras[:sn.plen]
	s.quotes = s.quotes[:sn.q]
	s.meetings = s.meetings[:sn.m]
	s.mdays = s.mdays[:sn.m]
	s.figures = s.figures[:sn.f]
	s.words = sn.words
	s.corder = s.corder[:sn.norder]
	s.pending = sn.pending
	s.lastSubj = -1
	for i := 0; i < s.ncast; i++ {
		s.cast[i].intro = sn.intro[i]
		s.cast[i].surf = s.cast[i].surf[:sn.nsurf[i]]
	}
}

// pickFresh draws a template not used yet in this article that needs at
// most maxPers people (0: the cast size); nil when none is left.
func (s *state) pickFresh(list []*tmpl, maxPers int) *tmpl {
	if maxPers == 0 {
		maxPers = s.ncast
	}
	n := len(list)
	fits := func(t *tmpl) bool {
		return t.npers <= maxPers && s.used[t.id>>6]&(1<<(t.id&63)) == 0
	}
	var t *tmpl
	for try := 0; try < 4 && t == nil; try++ {
		if c := list[s.r.intn(n)]; fits(c) {
			t = c
		}
	}
	if t == nil {
		off := s.r.intn(n)
		for k := 0; k < n; k++ {
			if c := list[(off+k)%n]; fits(c) {
				t = c
				break
			}
		}
	}
	if t != nil {
		s.used[t.id>>6] |= 1 << (t.id & 63)
	}
	return t
}

// pickFrom is pickFresh that falls back to a used template that fits.
func (s *state) pickFrom(list []*tmpl, maxPers int) *tmpl {
	if t := s.pickFresh(list, maxPers); t != nil {
		return t
	}
	if maxPers == 0 {
		maxPers = s.ncast
	}
	off := s.r.intn(len(list))
	for k := range list {
		if t := list[(off+k)%len(list)]; t.npers <= maxPers {
			return t
		}
	}
	return list[0]
}

// sentence writes one template as a sentence of the current paragraph.
func (s *state) sentence(t *tmpl) {
	if len(s.buf) > s.cur.start {
		if s.r.intn(500) != 0 {
			s.buf = append(s.buf, ' ')
		}
	}
	s.startPos = len(s.buf)
	s.render(t)
	if t.lead || t.nq > 0 {
		s.lastSubj = s.bind[0]
	} else {
		s.lastSubj = -1
	}
}

// pickCast draws a cast member, favouring people already introduced.
func (s *state) pickCast() int {
	if len(s.corder) > 0 && s.r.chance(55) {
		return int(s.corder[s.r.intn(len(s.corder))])
	}
	a, b := s.r.intn(s.ncast), s.r.intn(s.ncast)
	return min(a, b)
}

// bindPeople binds k distinct cast members to {A}…; lead, when >= 0, is {A}.
func (s *state) bindPeople(k, lead int) {
	var taken [maxCast]bool
	j := 0
	if lead >= 0 {
		s.bind[0] = lead
		taken[lead] = true
		j = 1
	}
	for ; j < k; j++ {
		c := s.pickCast()
		for taken[c] {
			c = (c + 1) % s.ncast
		}
		taken[c] = true
		s.bind[j] = c
	}
}

// bindInOrder binds {A}… to the first cast members.
func (s *state) bindInOrder(k int) {
	for j := 0; j < k; j++ {
		s.bind[j] = j
	}
}

// background writes one background sentence, with a person when allowed;
// when every background template has been used it sets exhausted.
func (s *state) background(people bool) {
	t := s.g.t
	var lists [4][]*tmpl
	n := 0
	if people && s.r.chance(50) {
		if s.r.chance(25) {
			lists[0], lists[1] = t.genericPeople, t.people[s.desk]
		} else {
			lists[0], lists[1] = t.people[s.desk], t.genericPeople
		}
		n = 2
	}
	if s.r.chance(25) {
		lists[n], lists[n+1] = t.genericPlain, t.plain[s.desk]
	} else {
		lists[n], lists[n+1] = t.plain[s.desk], t.genericPlain
	}
	n += 2
	for _, list := range lists[:n] {
		if tp := s.pickFresh(list, 0); tp != nil {
			s.bindPeople(tp.npers, -1)
			s.sentence(tp)
			return
		}
	}
	s.exhausted = true
}

func (s *state) lede() {
	t := s.g.t
	if s.nM > 0 && s.ncast >= 2 && s.r.chance(50) {
		s.meeting(true)
	} else {
		tp := s.pickFrom(t.lede[s.desk], 0)
		s.bindInOrder(tp.npers)
		s.sentence(tp)
	}
	for k := 1 + s.r.intn(2); k > 0; k-- {
		if s.nF > 0 && s.r.chance(25) {
			s.figureSentence()
			continue
		}
		s.background(true)
	}
}

// chooseSpeaker picks the speaker of a quotation.
func (s *state) chooseSpeaker() int {
	if len(s.corder) > 0 && s.r.chance(70) {
		return int(s.corder[s.r.intn(len(s.corder))])
	}
	return s.r.intn(min(s.ncast, 4))
}

// attributed writes one attributed quotation sentence by sp.
func (s *state) attributed(sp int) {
	t := s.g.t
	var tp *tmpl
	if s.r.chance(20) {
		tp = s.pickFrom(t.partial, 0)
	} else {
		for try := 0; try < 6; try++ {
			tp = s.pickFrom(t.attrib, 0)
			if tp.nq <= s.nQ {
				break
			}
			tp = nil
		}
		if tp == nil {
			tp = t.attrib[0]
		}
	}
	s.bind[0] = sp
	s.sentence(tp)
}

func (s *state) quotePara() {
	t := s.g.t
	var sp int
	if s.pending >= 0 && s.r.chance(50) {
		sp = s.pending
		s.bind[0] = sp
		s.sentence(t.bare)
		s.cur.dependent = true
	} else {
		sp = s.chooseSpeaker()
		if s.r.chance(35) {
			tp := s.pickFrom(t.people[s.desk], 0)
			s.bindPeople(tp.npers, sp)
			s.sentence(tp)
		}
		if s.nQ > 0 {
			s.attributed(sp)
		}
	}
	if s.nQ > 0 && s.r.chance(40) {
		s.bind[0] = sp
		s.sentence(s.pickFrom(t.follow, 0))
	}
	if s.r.chance(25) {
		s.background(true)
	}
}

// meeting writes a meeting sentence and records it; lede binds the first
// cast members in order.
func (s *state) meeting(lede bool) {
	t := s.g.t
	status := meetStatus(s.r.weighted([]int{50, 35, 15}))
	tp := s.pickFrom(t.meet[status], 0)
	if lede {
		s.bindInOrder(tp.npers)
	} else {
		s.bindPeople(tp.npers, -1)
	}
	s.mFuture = status != mHeld
	s.mPlace, s.mWhen, s.mDay = "", "", -1
	s.sentence(tp)
	m := TruthMeeting{Place: s.mPlace, When: s.mWhen, Status: statusNames[status]}
	m.Participants = make([]string, tp.npers, tp.npers+1)
	for j := 0; j < tp.npers; j++ {
		m.Participants[j] = s.g.people[s.cast[s.bind[j]].pid].canon
	}
	s.meetings = append(s.meetings, m)
	s.mdays = append(s.mdays, s.mDay)
	s.cur.truth = true
	s.nM--
	// Someone else joins the meeting.
	if joins := t.join[status]; len(joins) > 0 && tp.npers < s.ncast && s.r.chance(30) {
		var in [maxCast]bool
		for j := 0; j < tp.npers; j++ {
			in[s.bind[j]] = true
		}
		c := s.r.intn(s.ncast)
		for in[c] {
			c = (c + 1) % s.ncast
		}
		s.bind[0] = c
		s.sentence(s.pickFrom(joins, 1))
		last := &s.meetings[len(s.meetings)-1]
		last.Participants = append(last.Participants, s.g.people[s.cast[c].pid].canon)
	}
}

func (s *state) meetingPara() {
	s.meeting(false)
	if s.nPhone > 0 && s.r.chance(50) {
		s.phone()
	}
	if s.r.chance(50) {
		s.background(true)
	}
}

func (s *state) phone() {
	tp := s.pickFrom(s.g.t.phone, 0)
	s.bindPeople(tp.npers, -1)
	s.sentence(tp)
	s.nPhone--
}

func (s *state) figureSentence() {
	s.sentence(s.pickFrom(s.g.t.figure[s.desk], 0))
	s.nF--
}

func (s *state) figurePara() {
	plain := s.r.chance(65)
	if s.r.chance(50) {
		s.background(!plain)
	}
	s.figureSentence()
	for k := s.r.intn(2); k >= 0; k-- {
		s.background(!plain)
	}
}

// asidePara holds non-quotes (titles, scare quotes, reported speech) and
// phone calls.
func (s *state) asidePara() {
	t := s.g.t
	if s.nPhone > 0 && (s.nNQ == 0 || s.r.chance(40)) {
		s.phone()
	}
	for k := 0; k < 2 && s.nNQ > 0; k++ {
		var tp *tmpl
		switch s.r.intn(3) {
		case 0:
			tp = s.pickFrom(t.nonquote[s.desk], 0)
		case 1:
			tp = s.pickFrom(t.genericNonquote, 0)
		default:
			tp = s.pickFrom(t.indirect, 0)
		}
		s.bindPeople(tp.npers, -1)
		s.sentence(tp)
		s.nNQ--
		if s.r.chance(50) {
			break
		}
	}
	s.background(true)
}

func (s *state) backgroundPara() {
	plain := s.r.chance(60)
	for k := 2 + s.r.intn(3); k > 0; k-- {
		s.background(!plain)
	}
}
