package eval

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"briefbot/briefing"
)

// MinQuoteOverlap is the token F1 at which a predicted quote matches a
// gold one.
const MinQuoteOverlap = 0.8

// QuoteScores measure quotations and their attribution.
type QuoteScores struct {
	Gold, Predicted int
	// Matched counts gold quotes found; MatchedPredicted counts predicted
	// quotes that stand for a gold one (they differ when one side splits a
	// quotation the other keeps whole).
	Matched, MatchedPredicted int
	Recall, Precision, F1     float64
	SpeakerRight              int
	SpeakerAccuracy           float64 // attribution: of matched gold quotes
	KindRight                 int
	KindAccuracy              float64  // full/partial, of matched gold quotes
	Missed                    []string `json:",omitempty"`
	Spurious                  []string `json:",omitempty"`
	WrongSpeaker              []string `json:",omitempty"`
}

// NotQuoteScores count scare quotes and titles taken for quotations.
type NotQuoteScores struct {
	Total int
	Taken []string `json:",omitempty"`
}

// quoteMatch links gold quotes to the predicted quotes that stand for them:
// one to one, or a quotation that one side keeps whole and the other splits
// in two consecutive parts.
type quoteMatch struct{ gold, pred []int }

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
	matches := matchQuotes(gt, pt)
	s := &r.Quotes
	s.Gold += len(ga.Quotes)
	s.Predicted += len(pred)
	gotG, gotP := map[int]bool{}, map[int]bool{}
	for _, m := range matches {
		for _, g := range m.gold {
			gotG[g] = true
		}
		for _, p := range m.pred {
			gotP[p] = true
		}
		s.MatchedPredicted += len(m.pred)
		pq := pred[m.pred[0]]
		got := ""
		if pq.Speaker != nil {
			got = id.gold(*pq.Speaker)
		}
		for _, g := range m.gold {
			gq := ga.Quotes[g]
			s.Matched++
			want := ""
			if gq.Speaker != nil {
				want = *gq.Speaker
			}
			if want == got {
				s.SpeakerRight++
			} else {
				s.WrongSpeaker = append(s.WrongSpeaker, article+": "+clip(gq.Text)+" — want "+orNone(want)+", got "+orNone(got))
			}
			if (gq.Kind == "partial") == pq.Partial {
				s.KindRight++
			}
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
	for _, nq := range ga.NotQuoteTexts() {
		r.NotQuotes.Total++
		nw := words(nq)
		for _, p := range pt {
			if TokenF1(nw, p) >= MinQuoteOverlap {
				r.NotQuotes.Taken = append(r.NotQuotes.Taken, article+": "+clip(nq))
				break
			}
		}
	}
}

// matchQuotes pairs gold and predicted word lists: one to one first, best
// overlap first, keeping pairs with token F1 ≥ MinQuoteOverlap; then a
// quote left over on one side may match two consecutive leftovers on the
// other taken together.
func matchQuotes(gold, pred [][]string) []quoteMatch {
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
	var out []quoteMatch
	for _, c := range cands {
		if !usedG[c.g] && !usedP[c.p] {
			usedG[c.g], usedP[c.p] = true, true
			out = append(out, quoteMatch{gold: []int{c.g}, pred: []int{c.p}})
		}
	}
	// One gold quote split in two predicted parts.
	for g := range gold {
		for p := 0; p+1 < len(pred) && !usedG[g]; p++ {
			if !usedP[p] && !usedP[p+1] && TokenF1(gold[g], join(pred[p], pred[p+1])) >= MinQuoteOverlap {
				usedG[g], usedP[p], usedP[p+1] = true, true, true
				out = append(out, quoteMatch{gold: []int{g}, pred: []int{p, p + 1}})
			}
		}
	}
	// Two gold quotes predicted as one.
	for p := range pred {
		for g := 0; g+1 < len(gold) && !usedP[p]; g++ {
			if !usedG[g] && !usedG[g+1] && TokenF1(join(gold[g], gold[g+1]), pred[p]) >= MinQuoteOverlap {
				usedG[g], usedG[g+1], usedP[p] = true, true, true
				out = append(out, quoteMatch{gold: []int{g, g + 1}, pred: []int{p}})
			}
		}
	}
	return out
}

func join(a, b []string) []string {
	return append(append(make([]string, 0, len(a)+len(b)), a...), b...)
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

func orNone(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}
