// Package extract reads an article the way an analyst would: who is named
// and in what role, who said what, who met whom where and when, and which
// figures matter. It is rule-based and deterministic; the word lists come
// from package lexicon.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"iter"

	"briefbot/briefing"
	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
)

// Extractor extracts facts from articles. It is safe for concurrent use.
type Extractor struct {
	lex   *lexicon.Lexicon
	names *names.Matcher
	words *wordLists
}

// New returns an Extractor over the lexicon.
func New(lex *lexicon.Lexicon) *Extractor {
	return &Extractor{lex: lex, names: names.NewMatcher(lex), words: newWordLists()}
}

// Extract reads one normalised article.
func (x *Extractor) Extract(a briefing.Article) briefing.Extraction {
	r := newRun(x, newDocument(a))
	r.findMentions()
	r.findRoleReferences()
	r.findSpeech()
	r.findQuotes()
	r.findMeetings()
	r.findFigures()
	return r.result()
}

// ContentHash is the hash that identifies an article's content: the
// SHA-256 of its normalised body.
func ContentHash(a briefing.Article) string {
	sum := sha256.Sum256([]byte(a.Body()))
	return hex.EncodeToString(sum[:])
}

// run holds the state of one extraction.
type run struct {
	x        *Extractor
	d        *document
	mentions [][]mention // per sentence, in token order
	ents     []*entity
	roleRefs [][]roleRef // per sentence
	speech   []speechEvent
	quotes   []briefing.ExtractedQuote
	meetings []*meetingDraft
	figures  []briefing.Figure
	times    [][]timeExpr // per sentence, read on first use (nil until then)
}

func newRun(x *Extractor, d *document) *run {
	return &run{
		x:        x,
		d:        d,
		mentions: make([][]mention, len(d.sents)),
		roleRefs: make([][]roleRef, len(d.sents)),
		times:    make([][]timeExpr, len(d.sents)),
	}
}

// bodyWords yields, sentence by sentence, the words outside headings and
// quotations: (sentence, token).
func (r *run) bodyWords() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for s := range r.d.sents {
			if r.d.heading(s) {
				continue
			}
			toks := r.d.tokens(s)
			for k := range toks {
				if toks[k].quote < 0 && toks[k].kind == tWord && !yield(s, k) {
					return
				}
			}
		}
	}
}

func (r *run) result() briefing.Extraction {
	ex := briefing.Extraction{
		Article:  r.d.article,
		Hash:     ContentHash(r.d.article),
		Quotes:   r.quotes,
		Figures:  r.figures,
		Entities: make([]briefing.ExtractedEntity, 0, len(r.ents)),
	}
	for i := range r.d.sents {
		ex.Sentences = append(ex.Sentences, briefing.Sentence{
			Paragraph: r.d.sents[i].para,
			Text:      r.d.text(i),
			Heading:   r.d.heading(i),
		})
	}
	// Entities without a mention left (merged away) are dropped; indexes
	// are remapped.
	remap := make([]int, len(r.ents))
	for i, e := range r.ents {
		remap[i] = -1
		if e.merged >= 0 || len(e.mentions) == 0 {
			continue
		}
		remap[i] = len(ex.Entities)
		ex.Entities = append(ex.Entities, e.export())
	}
	at := func(i int) int {
		if i < 0 {
			return -1
		}
		return remap[r.resolve(i)]
	}
	for i := range ex.Quotes {
		ex.Quotes[i].Speaker = at(ex.Quotes[i].Speaker)
	}
	for _, m := range r.meetings {
		if em, ok := m.export(at, r.d.published); ok {
			ex.Meetings = append(ex.Meetings, em)
		}
	}
	return ex
}
