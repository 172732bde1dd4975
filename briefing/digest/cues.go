package digest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// decisionCues start the words that mark a development worth a bullet:
// decisions, votes, actions, plans, warnings. Read only.
var decisionCues = strings.Fields(`vote veto resolution approv reject agre accord sign announc order launch
	impos sanction releas kill arrest resign appoint elect decid decision adopt pass deploy withdr invad
	offensive strike attack seiz captur expel suspend halt cancel postpon delay propos draft demand warn
	threat insist pledge promis accept refus ban block fund truce ceasefire deal evacuat
	operation fight`)

// fluffCues start the words of commentary rather than news ("underscores
// the urgency", "signals a concerted effort"). Read only.
var fluffCues = strings.Fields(`underscor highlight signal reflect represent emphasi illustrat showcas
	testament symboliz pivotal crucial significan`)

// hedgeCues start the words of speculation and background rather than
// fact ("could pave the way", "efforts aimed at"). Read only.
var hedgeCues = strings.Fields(`could may might aim hope potential effort underpin backdrop amid
	optimis prospect implication landscape broader complex`)

// fieldStats counts the words of a sentence (as strings.Fields splits
// it) and, after its first, the capitalised ones: proper nouns.
func fieldStats(s string) (words, proper int) {
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			if words > 0 && c >= 'A' && c <= 'Z' {
				proper++
			}
			words++
		}
		i += size
	}
	return words, proper
}
