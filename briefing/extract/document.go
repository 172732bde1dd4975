package extract

import (
	"strings"

	"briefbot/briefing"
)

// document is an article prepared for the rules: paragraphs with their
// quotations, tokens and sentences.
type document struct {
	article   briefing.Article
	paras     []para
	sents     []sent
	published briefing.Date
}

type para struct {
	text    string
	heading bool
	quotes  []qspan
	toks    []token
	first   int // index of the paragraph's first sentence in document.sents
	nsents  int
}

// sent is one sentence: a token range of one paragraph.
type sent struct {
	para     int
	from, to int
}

func newDocument(a briefing.Article) *document {
	d := &document{article: a, published: a.Published, paras: make([]para, 0, len(a.Paragraphs))}
	for _, p := range a.Paragraphs {
		text := strings.TrimSpace(p.Text)
		if text == "" {
			continue
		}
		pp := para{text: text, heading: p.Heading}
		if !p.Heading {
			pp.quotes = findQuotes(text)
		}
		pp.toks = tokenize(text, pp.quotes)
		pp.first = len(d.sents)
		if p.Heading {
			d.sents = append(d.sents, sent{para: len(d.paras), from: 0, to: len(pp.toks)})
		} else {
			for _, s := range splitSentences(pp.toks) {
				d.sents = append(d.sents, sent{para: len(d.paras), from: s.from, to: s.to})
			}
		}
		pp.nsents = len(d.sents) - pp.first
		d.paras = append(d.paras, pp)
	}
	return d
}

// tokens returns the tokens of sentence s.
func (d *document) tokens(s int) []token {
	st := d.sents[s]
	return d.paras[st.para].toks[st.from:st.to]
}

// text returns the text of sentence s.
func (d *document) text(s int) string {
	st := d.sents[s]
	p := &d.paras[st.para]
	if st.from >= st.to {
		return ""
	}
	return p.text[p.toks[st.from].start:p.toks[st.to-1].end]
}

// heading reports whether sentence s is a section heading.
func (d *document) heading(s int) bool { return d.paras[d.sents[s].para].heading }

// spanText returns the text of tokens [from, to) of sentence s.
func (d *document) spanText(s, from, to int) string {
	toks := d.tokens(s)
	if from >= to || from < 0 || to > len(toks) {
		return ""
	}
	p := &d.paras[d.sents[s].para]
	return p.text[toks[from].start:toks[to-1].end]
}
