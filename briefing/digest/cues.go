package digest

import "strings"

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

// cueCount counts the distinct decision cues and commentary cues among
// folded content words.
func cueCount(words []string) (cues, fluff int) {
	return countPrefixes(words, decisionCues), countPrefixes(words, fluffCues)
}

// hedges counts the speculation cues among folded content words.
func hedges(words []string) int { return countPrefixes(words, hedgeCues) }

// properNouns counts the capitalised words of a sentence after its first.
func properNouns(s string) int {
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 && w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			n++
		}
	}
	return n
}

// countPrefixes counts the prefixes that start one of the words.
func countPrefixes(words, prefixes []string) int {
	n := 0
	for _, p := range prefixes {
		for _, w := range words {
			if strings.HasPrefix(w, p) {
				n++
				break
			}
		}
	}
	return n
}
