package corpusgen

// Non-quotes exercise precision: text in quotation marks that is a title or
// a scare quote, and reported speech without quotation marks. None of them
// is a quotation in Truth.

// nonquoteTemplates hold titles and scare quotes per desk.
var nonquoteTemplates = [numDesks][]string{
	dDiplomacy: {
		"Officials have discussed a so-called <humanitarian pause> that would allow aid convoys to move more freely.",
		"The plan for the <day after> the fighting remains vague, diplomats said.",
		"Critics have dismissed the proposal as a <pause for show>.",
	},
	dTrade: {
		"Executives have described the restructuring as a <right-sizing> exercise, a term unions reject.",
		"The company's <Project Lighthouse> cost-cutting plan was announced in the spring.",
	},
	dSports: {
		"The federation has promoted its <clean sport> campaign heavily this year.",
		"The scandal was the subject of the documentary <{w:film}>, released last year.",
	},
	dCourts: {
		"Supporters of the defendant have dismissed the case as <lawfare>.",
		"The prosecution's case relies heavily on a ledger known as the <blue book>.",
	},
	dElection: {
		"Both campaigns have focused on what strategists call <kitchen-table issues>.",
		"The opposition's manifesto, titled <{w:book}>, runs to more than 200 pages.",
	},
	dClimate: {
		"Negotiators are still arguing over the meaning of a <just transition>.",
		"The report, titled <{w:report}>, was published by a research group in {PL}.",
	},
	dTech: {
		"The bill's supporters talk of <digital sovereignty>, a phrase critics find vague.",
		"Engineers refer to the system internally as <the funnel>, according to court filings.",
	},
}

// genericNonquoteTemplates fit any desk; some mention {A}.
var genericNonquoteTemplates = []string{
	"{A} discussed {SUBJ} in an episode of the podcast <{w:podcast}>.",
	"{A} appeared on the podcast <{w:podcast}> {DAYP} to defend the approach.",
	"The documentary <{w:film}> examined the origins of the dispute.",
	"{A} set out the argument at length in a book titled <{w:book}>.",
	"A report titled <{w:report}> raised similar concerns last year.",
	"What officials privately call the <final stretch> has already lasted weeks.",
}

// indirectTemplates report speech without quoting it.
var indirectTemplates = []string{
	"{A} said the gaps were narrowing.",
	"{A} said that the talks would continue {DAYF}.",
	"{A} told reporters that no decision had been taken.",
	"According to {A}, the two sides remain far apart.",
	"{A} said an agreement was within reach but that difficult work remained.",
	"{A} insisted that the plan would go ahead with or without outside support.",
	"{A} stated that resolving {ISSUE} was critical to any lasting arrangement.",
	"{A} has said the organisation will cooperate fully with investigators.",
	"{A} cautioned that there was still a long way to go.",
}

// wordPools are the pools templates may use as {w:name}.
var wordPools = []struct {
	name  string
	words []string
}{
	{"podcast", []string{
		"The Long Table", "Borderlines", "After Hours in the Capital", "Market Hours",
		"Open Court", "The Ballot Box", "Hot Planet", "Signal and Noise", "The Back Channel",
		"Off the Record Weekly", "The Briefing Room", "Deep Water",
	}},
	{"film", []string{
		"The Last Lap", "Paper Trails", "A Quiet Arrangement", "The Referee's Notebook",
		"Salt and Ashes", "The Weight of Gold", "Under the Table", "Running Clean",
	}},
	{"book", []string{
		"A Country Worth Building", "The Next Chapter", "Common Ground", "Rules for Rivals",
		"The Open Door", "Moving Forward Together", "Hard Choices Ahead",
	}},
	{"report", []string{
		"Running Out of Time", "The Price of Delay", "Code and Consequence",
		"Heat on the Horizon", "Counting the Cost", "The Missing Billions",
		"Fair Play, Unfair Rules",
	}},
}

func poolIndex(name string) int {
	for i, p := range wordPools {
		if p.name == name {
			return i
		}
	}
	return -1
}
