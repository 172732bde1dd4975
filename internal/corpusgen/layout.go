package corpusgen

import "strings"

// maxWords is the hard ceiling of an article's length in words.
const maxWords = 795

// rephrase turns a regenerated article into a near-duplicate: it swaps two
// paragraphs that mention nobody and may drop one that records nothing.
// (Synonym swaps happened while rendering.)
func (s *state) rephrase() {
	d := s.dup
	var movable []int
	for i := 1; i < len(s.paras); i++ {
		if !s.paras[i].people {
			movable = append(movable, i)
		}
	}
	if len(movable) >= 2 && d.chance(75) {
		a := d.intn(len(movable))
		b := (a + 1 + d.intn(len(movable)-1)) % len(movable)
		s.order[movable[a]], s.order[movable[b]] = s.order[movable[b]], s.order[movable[a]]
	}
	if len(s.order) > 3 && d.chance(35) {
		for _, k := range []int{d.intn(len(s.order)), d.intn(len(s.order))} {
			p := s.paras[s.order[k]]
			if k > 0 && !p.people && !p.truth && s.words-p.words >= minBody {
				s.words -= p.words
				s.order = append(s.order[:k], s.order[k+1:]...)
				break
			}
		}
	}
}

// assemble lays the body out as a file: date line, headings, noise,
// separators, closing line, line endings. It reports whether the text is dated.
func (s *state) assemble(L *rng, outlet string) ([]byte, bool) {
	dated := L.chance(75)
	sep := "\n"
	if L.chance(50) {
		sep = "\n\n"
	}
	crlf := L.intn(100) < 3
	bom := L.intn(100) < 1
	closing := L.chance(50)
	trailing := L.chance(30)
	words := s.words
	if dated {
		words += 2
	}

	np := len(s.order)
	// Headings go before body paragraphs (never the first, never before a
	// paragraph that continues the previous one).
	headings := make([]string, np)
	nh := min(L.weighted([]int{45, 20, 15, 12, 8}), np-1)
	for k := 0; k < nh; k++ {
		pos := 1 + L.intn(np-1)
		if headings[pos] != "" || s.paras[s.order[pos]].dependent {
			continue
		}
		h := s.heading(L)
		if dupHeading(headings, h) {
			continue
		}
		w := countWords([]byte(h))
		if words+w > maxWords {
			break
		}
		headings[pos] = h
		words += w
	}
	// Page noise: between paragraphs or at the end.
	noise := make([]string, np+1)
	if L.chance(30) {
		for k := 1 + L.intn(3); k > 0; k-- {
			var line string
			pos := 1 + L.intn(np)
			switch L.intn(5) {
			case 0, 1:
				line = noiseLines[L.intn(2)]
			case 2:
				line = noiseLines[2]
			case 3:
				line = noiseLines[3]
				pos = np
			default:
				line = s.readMore(L)
			}
			w := countWords([]byte(line))
			if noise[pos] != "" || words+w > maxWords {
				continue
			}
			noise[pos] = line
			words += w
		}
	}
	if closing && words+1+countWords([]byte(outlet)) > maxWords {
		closing = false
	}

	n := len(s.buf) + 256
	out := make([]byte, 0, n)
	if bom {
		out = append(out, 0xEF, 0xBB, 0xBF)
	}
	if dated {
		out = append(out, " date "...)
		out = append(out, isoDay(s.pub)...)
		out = append(out, ' ')
	}
	for k, pi := range s.order {
		if k > 0 {
			out = append(out, sep...)
			if noise[k] != "" {
				out = append(out, noise[k]...)
				out = append(out, sep...)
			}
			if headings[k] != "" {
				out = append(out, headings[k]...)
				out = append(out, sep...)
			}
		}
		p := s.paras[pi]
		out = append(out, s.buf[p.start:p.end]...)
	}
	if closing {
		out = append(out, sep...)
		out = append(out, "— "...)
		out = append(out, outlet...)
	}
	if noise[np] != "" {
		out = append(out, sep...)
		out = append(out, noise[np]...)
	}
	if trailing {
		out = append(out, '\n')
	}
	if crlf {
		c := make([]byte, 0, len(out)+len(out)/40)
		for _, b := range out {
			if b == '\n' {
				c = append(c, '\r')
			}
			c = append(c, b)
		}
		out = c
	}
	return out, dated
}

func dupHeading(list []string, h string) bool {
	for _, x := range list {
		if x == h {
			return true
		}
	}
	return false
}

// heading draws a section heading.
func (s *state) heading(L *rng) string {
	switch k := L.intn(100); {
	case k < 50:
		p := headingPools[s.desk]
		return p[L.intn(len(p))]
	case k < 82:
		return genericHeadings[L.intn(len(genericHeadings))]
	default:
		a := L.intn(len(headingNouns))
		b := (a + 1 + L.intn(len(headingNouns)-1)) % len(headingNouns)
		return headingNouns[a] + " Amid " + headingNouns[b]
	}
}

// readMore draws a "Read more:" line about some other story.
func (s *state) readMore(L *rng) string {
	h := readMoreHeadlines[L.intn(len(readMoreHeadlines))]
	if i := strings.Index(h, "{X}"); i >= 0 {
		c := s.g.cities[L.intn(len(s.g.cities))].name
		h = h[:i] + c + h[i+3:]
	}
	return "Read more: " + h
}

// truth collects what the article states.
func (s *state) truth(dated bool) Truth {
	var t Truth
	if dated {
		t.Published = isoDay(s.pub)
	}
	t.People = make([]TruthPerson, 0, len(s.corder))
	for _, ci := range s.corder {
		m := &s.cast[ci]
		p := &s.g.people[m.pid]
		t.People = append(t.People, TruthPerson{Canonical: p.canon, Surface: m.surf, Role: p.desc})
	}
	t.Quotes = s.quotes
	t.Meetings = s.meetings
	for i := range t.Meetings {
		if dated && s.mdays[i] >= 0 {
			t.Meetings[i].Date = isoDay(s.mdays[i])
		}
	}
	t.Figures = s.figures
	return t
}
