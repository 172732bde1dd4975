package corpusgen

import (
	"strings"
)

// Template syntax, used by every sentence table in this package:
//
//	{A} {B} {C} {D}   people (first mention gets a role, later ones a short form)
//	{PL} {PL1} {PL2}  a story place, the main venue, the second place
//	{C1} {C2} {N1} {N2}  story countries and their adjectives
//	{O1} {O2}         story organisations
//	{SUBJ} {ISSUE} {REG}  the story's subject, sticking point and region
//	{DAYP} {DAYF} {DAYX}  a past, future or vague time phrase
//	{MW}              the time of a meeting (with its leading space, may be empty)
//	{Q,} {Q.} {Q2.}   a quotation of speaker {A} ending in a comma or period
//	{QP}              a partial quotation of {A}
//	{F:kind}          a figure phrase
//	{w:pool}          a word from a pool
//	[a|b|c]           alternatives (synonyms a near-duplicate may swap)
//	<…>               quotation marks that do not open a quote (titles, scare quotes)

type tokKind uint8

const (
	tLit tokKind = iota
	tAlt
	tSlot
	tOpen
	tClose
)

type slotID uint8

const (
	slA slotID = iota
	slB
	slC
	slD
	slPL
	slPL1
	slPL2
	slC1
	slC2
	slN1
	slN2
	slO1
	slO2
	slSUBJ
	slISSUE
	slREG
	slDAYP
	slDAYF
	slDAYX
	slMW
	slQcomma
	slQperiod
	slQ2
	slQP
	slFig
	slPool
)

// slotByName maps a slot name to its id.
func slotByName(name string) (slotID, bool) {
	switch name {
	case "A":
		return slA, true
	case "B":
		return slB, true
	case "C":
		return slC, true
	case "D":
		return slD, true
	case "PL":
		return slPL, true
	case "PL1":
		return slPL1, true
	case "PL2":
		return slPL2, true
	case "C1":
		return slC1, true
	case "C2":
		return slC2, true
	case "N1":
		return slN1, true
	case "N2":
		return slN2, true
	case "O1":
		return slO1, true
	case "O2":
		return slO2, true
	case "SUBJ":
		return slSUBJ, true
	case "ISSUE":
		return slISSUE, true
	case "REG":
		return slREG, true
	case "DAYP":
		return slDAYP, true
	case "DAYF":
		return slDAYF, true
	case "DAYX":
		return slDAYX, true
	case "MW":
		return slMW, true
	case "Q,":
		return slQcomma, true
	case "Q.":
		return slQperiod, true
	case "Q2.":
		return slQ2, true
	case "QP":
		return slQP, true
	}
	return 0, false
}

type tok struct {
	kind tokKind
	slot slotID
	arg  int // figure kind or pool index
	s    string
	alts []string
}

// tmpl is a compiled sentence template.
type tmpl struct {
	toks  []tok
	npers int  // person slots used ({A}=1 … {D}=4)
	nq    int  // quotations recorded
	lead  bool // the sentence starts with {A}
	id    int  // index for the per-article used set
	src   string
}

// maxTemplates bounds compiled templates (size of the used set).
const maxTemplates = 1024

type compiler struct {
	next int
}

// compile parses one template; it panics on a malformed one, which the
// package tests catch.
func (c *compiler) compile(src string) *tmpl {
	t := &tmpl{id: c.next, src: src}
	c.next++
	if c.next > maxTemplates {
		panic("corpusgen: too many templates")
	}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.toks = append(t.toks, tok{kind: tLit, s: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(src); i++ {
		switch ch := src[i]; ch {
		case '{':
			j := strings.IndexByte(src[i:], '}')
			if j < 0 {
				panic("corpusgen: unclosed slot in " + src)
			}
			flush()
			name := src[i+1 : i+j]
			i += j
			switch {
			case strings.HasPrefix(name, "F:"):
				k := figureKind(name[2:])
				if k < 0 {
					panic("corpusgen: unknown figure " + name + " in " + src)
				}
				t.toks = append(t.toks, tok{kind: tSlot, slot: slFig, arg: k})
			case strings.HasPrefix(name, "w:"):
				k := poolIndex(name[2:])
				if k < 0 {
					panic("corpusgen: unknown pool " + name + " in " + src)
				}
				t.toks = append(t.toks, tok{kind: tSlot, slot: slPool, arg: k})
			default:
				id, ok := slotByName(name)
				if !ok {
					panic("corpusgen: unknown slot {" + name + "} in " + src)
				}
				if id <= slD {
					t.npers = max(t.npers, int(id)+1)
				}
				switch id {
				case slQcomma, slQperiod, slQ2, slQP:
					t.nq++
					t.npers = max(t.npers, 1)
				}
				t.toks = append(t.toks, tok{kind: tSlot, slot: id})
			}
		case '[':
			j := strings.IndexByte(src[i:], ']')
			if j < 0 {
				panic("corpusgen: unclosed alternatives in " + src)
			}
			flush()
			t.toks = append(t.toks, tok{kind: tAlt, alts: strings.Split(src[i+1:i+j], "|")})
			i += j
		case '<':
			flush()
			t.toks = append(t.toks, tok{kind: tOpen})
		case '>':
			flush()
			t.toks = append(t.toks, tok{kind: tClose})
		case '}', ']', '"':
			panic("corpusgen: stray " + string(ch) + " in " + src)
		default:
			lit.WriteByte(ch)
		}
	}
	flush()
	t.lead = len(t.toks) > 0 && t.toks[0].kind == tSlot && t.toks[0].slot == slA
	return t
}

func (c *compiler) all(src []string) []*tmpl {
	out := make([]*tmpl, len(src))
	for i, s := range src {
		out[i] = c.compile(s)
	}
	return out
}

// templates holds every compiled sentence table.
type templates struct {
	lede, plain, people, outlook [numDesks][]*tmpl
	genericPlain, genericPeople  []*tmpl
	quoteText                    [numDesks][]*tmpl
	genericQuote                 []*tmpl
	attrib, follow               []*tmpl
	bare                         *tmpl
	partial                      []*tmpl
	meet                         [numStatus][]*tmpl
	join                         [numStatus][]*tmpl
	phone                        []*tmpl
	figure                       [numDesks][]*tmpl
	nonquote                     [numDesks][]*tmpl
	genericNonquote              []*tmpl
	indirect                     []*tmpl
	subj, issue                  [numDesks][]*tmpl
	count                        int
}

func compileTemplates() *templates {
	var c compiler
	t := &templates{}
	for d := desk(0); d < numDesks; d++ {
		t.lede[d] = c.all(ledeTemplates[d])
		t.plain[d] = c.all(plainTemplates[d])
		t.people[d] = c.all(peopleTemplates[d])
		t.outlook[d] = c.all(outlookTemplates[d])
		t.quoteText[d] = c.all(quoteTexts[d])
		t.figure[d] = c.all(figureTemplates[d])
		t.nonquote[d] = c.all(nonquoteTemplates[d])
		t.subj[d] = c.all(subjects[d])
		t.issue[d] = c.all(issues[d])
	}
	t.genericPlain = c.all(genericPlainTemplates)
	t.genericPeople = c.all(genericPeopleTemplates)
	t.genericQuote = c.all(genericQuoteTexts)
	t.attrib = c.all(attributionTemplates)
	t.follow = c.all(followTemplates)
	t.bare = c.compile("{Q.}")
	t.partial = c.all(partialTemplates)
	for st := meetStatus(0); st < numStatus; st++ {
		t.meet[st] = c.all(meetingTemplates[st])
		t.join[st] = c.all(joinTemplates[st])
	}
	t.phone = c.all(phoneTemplates)
	t.genericNonquote = c.all(genericNonquoteTemplates)
	t.indirect = c.all(indirectTemplates)
	t.count = c.next
	return t
}
