package digest

import (
	"fmt"
	"testing"
)

func TestToldIndexExactKey(t *testing.T) {
	told := newToldIndex([]Fact{
		{Kind: FactMeeting, Key: "12|planned", Text: "Planned meeting in Doha, Friday 22 March 2024: David Barnea, William Burns"},
		{Kind: FactQuote, Key: "7|abc", Text: "The gaps are narrowing."},
	})
	for _, c := range []struct {
		kind FactKind
		key  string
		want bool
	}{
		{FactMeeting, "12|planned", true},
		{FactMeeting, "12|held", false}, // the same meeting, now held: news
		{FactQuote, "12|planned", false},
		{FactQuote, "7|abc", true},
		{FactStatement, "7|abc", false},
	} {
		if got := told.knows(c.kind, c.key); got != c.want {
			t.Errorf("knows(%s, %q) = %v, want %v", c.kind, c.key, got, c.want)
		}
	}
	// A fact added later is known too.
	told.add(Fact{Kind: FactMeeting, Key: "12|held", Text: "Held meeting in Doha"})
	if !told.knows(FactMeeting, "12|held") {
		t.Error("a fact added is not known")
	}
}

const vetoTold = "Russia and China vetoed the US resolution at the Security Council, which called for an immediate ceasefire in Gaza."

func TestToldIndexRewordedStatement(t *testing.T) {
	told := newToldIndex([]Fact{{Kind: FactStatement, Key: textKey(vetoTold), Text: vetoTold}})
	reworded := "At the Security Council, the US resolution calling for an immediate Gaza ceasefire was vetoed by Russia and China."
	words := contentWords(reworded)
	if o := overlap(words, contentWords(vetoTold)); o < sameStatement {
		t.Fatalf("the rewording shares %.2f of the words, want at least %.2f", o, sameStatement)
	}
	if !told.repeats(words, sameStatement, FactStatement, FactFigure) {
		t.Error("a reworded statement told before is not a repeat")
	}
	// Only facts of the kinds asked about count.
	if told.repeats(words, sameStatement, FactQuote) {
		t.Error("a statement told before repeats a quote")
	}
	// An exact repeat is one too.
	if !told.repeats(contentWords(vetoTold), sameStatement, FactStatement) {
		t.Error("a statement told before, word for word, is not a repeat")
	}
}

func TestToldIndexDifferentStatement(t *testing.T) {
	told := newToldIndex([]Fact{{Kind: FactStatement, Key: textKey(vetoTold), Text: vetoTold}})
	for _, s := range []string{
		"Blinken met Netanyahu and the war cabinet in Tel Aviv on Friday.",
		// Same topic, another fact.
		"The vote was 11 of the 15 council members in favour, with Guyana abstaining.",
		"",
	} {
		if told.repeats(contentWords(s), sameStatement, FactStatement) {
			t.Errorf("%q repeats %q", s, vetoTold)
		}
	}
	if newToldIndex(nil).repeats(contentWords(vetoTold), sameStatement, FactStatement) {
		t.Error("nothing told, yet a repeat")
	}
}

func TestToldIndexRepeatWithinLongerSentence(t *testing.T) {
	// Today's sentence holds yesterday's fact and adds to it: by overlap
	// (of the smaller set), it repeats the fact — the index must find it
	// even though most of the sentence's words were never told.
	const old = "Russia and China vetoed the resolution at the Security Council."
	told := newToldIndex([]Fact{{Kind: FactStatement, Key: textKey(old), Text: old}})
	longer := "Russia and China vetoed the resolution at the Security Council, deepening divisions among major powers while diplomats scrambled to salvage hostage negotiations elsewhere."
	words := contentWords(longer)
	if o := overlap(words, contentWords(old)); o < sameStatement {
		t.Fatalf("overlap %.2f, want at least %.2f", o, sameStatement)
	}
	if !told.repeats(words, sameStatement, FactStatement) {
		t.Errorf("repeats(%q) = false, want true: it holds the told %q (overlap %.2f)", longer, old, overlap(words, contentWords(old)))
	}
}

func TestToldIndexAgreesWithScan(t *testing.T) {
	// The index is a shortcut: it answers as a scan of every fact told
	// would, among many facts.
	var facts []Fact
	for i := range 200 {
		s := fmt.Sprintf("Officials in city%d reported %d trucks of aid crossing at checkpoint%d on route%d.", i, i*3, i%17, i%5)
		facts = append(facts, Fact{Kind: FactStatement, Key: textKey(s), Text: s})
	}
	facts = append(facts, Fact{Kind: FactStatement, Key: textKey(vetoTold), Text: vetoTold})
	told := newToldIndex(facts)
	scan := func(words []string) bool {
		for _, f := range facts {
			if overlap(words, contentWords(f.Text)) >= sameStatement {
				return true
			}
		}
		return false
	}
	for _, s := range []string{
		vetoTold,
		"At the Security Council, the US resolution calling for an immediate Gaza ceasefire was vetoed by Russia and China.",
		"Officials in city42 reported 126 trucks of aid crossing at checkpoint8 on route2.",
		"Officials in city42 reported trucks crossing.",
		"Blinken met Netanyahu in Tel Aviv.",
		"Russia and China vetoed the resolution at the Security Council, deepening divisions among major powers while diplomats scrambled to salvage hostage negotiations elsewhere.",
	} {
		words := contentWords(s)
		if got, want := told.repeats(words, sameStatement, FactStatement), scan(words); got != want {
			t.Errorf("repeats(%q) = %v, a scan of the facts says %v", s, got, want)
		}
	}
}
