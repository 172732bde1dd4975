package extract

// abbreviations end with a period that does not end a sentence.
var abbreviations = set("mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col",
	"capt", "sgt", "maj", "cmdr", "adm", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "v", "etc",
	"e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mt", "ft", "approx", "est", "dept", "univ", "assn", "bros", "rev", "hon", "pres", "supt", "fig", "al",
	"ave", "blvd", "rd", "mme", "mlle", "messrs")

// sentenceStarters are capitalised words that begin a new sentence even
// after an abbreviation ("… in the U.S. The talks …").
var sentenceStarters = set("the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these",
	"those", "but", "and", "in", "on", "at", "as", "his", "her", "their", "its", "there", "after", "before",
	"while", "when", "if", "however", "meanwhile", "officials", "some", "many", "no", "one")

// span is a half-open range of token indexes.
type span struct{ from, to int }

// splitSentences cuts a paragraph's tokens into sentences. A full stop,
// question or exclamation mark ends a sentence when the next token starts
// one (a capital, a digit or an opening quotation mark), unless it closes
// an abbreviation or an initial. Inside a quotation it ends a sentence only
// at the quotation's end, so a quote and its attribution stay together.
func splitSentences(toks []token) []span {
	var out []span
	from := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !isTerminal(t) && !(t.kind == tWord && t.key != "" && t.text[len(t.text)-1] == '.' && abbrevEndsSentence(toks, i)) {
			continue
		}
		// Take closing marks and brackets with the sentence.
		j := i + 1
		for j < len(toks) && (toks[j].kind == tQuote && !toks[j].opens || toks[j].text == ")" || toks[j].text == "]") {
			j++
		}
		if t.quote >= 0 && j == i+1 && !(j < len(toks) && toks[j].kind == tQuote && toks[j].opens) {
			continue // mid-quotation: the quote goes on
		}
		if j < len(toks) && !startsSentence(&toks[j]) {
			continue
		}
		if t.text == "." && i > 0 && isAbbreviation(&toks[i-1], i-1 == from) && !(j < len(toks) && toks[j].kind == tWord && sentenceStarters[toks[j].key]) {
			continue
		}
		out = append(out, span{from, j})
		from = j
		i = j - 1
	}
	if from < len(toks) {
		out = append(out, span{from, len(toks)})
	}
	return out
}

func isTerminal(t *token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case ".", "!", "?", "…", "...":
		return true
	}
	return false
}

// abbrevEndsSentence: a dotted abbreviation ("U.S.") ends a sentence only
// when a typical sentence opener follows.
func abbrevEndsSentence(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap && sentenceStarters[toks[i+1].key]
}

func startsSentence(t *token) bool {
	switch t.kind {
	case tQuote:
		return t.opens
	case tNum:
		return true
	case tWord:
		return t.cap
	}
	return t.text == "(" || t.text == "["
}

// isAbbreviation reports whether the word before a period is an
// abbreviation or a single initial ("William J. Burns").
func isAbbreviation(t *token, first bool) bool {
	if t.kind != tWord {
		return false
	}
	if len(t.text) == 1 && t.cap {
		return true
	}
	return abbreviations[t.key]
}
