package corpusgen

// quoteTexts are the words people say, per desk. They carry no final
// punctuation (the attribution adds a comma or a period) and no quotation
// marks.
var quoteTexts = [numDesks][]string{
	dDiplomacy: {
		"The gaps are narrowing, and we are continuing to push for an agreement in {PL1}",
		"There is still difficult work to get there, but I believe it is possible",
		"A very strong proposal has been put on the table, and now we have to see whether the other side will accept it",
		"We will not accept any deal that leaves our people behind",
		"Every day without an agreement costs lives",
		"Our delegation has the authority to reach an agreement",
		"We have made progress, but nothing is agreed until everything is agreed",
		"The humanitarian situation in {REG} is unbearable and must be addressed now",
		"We are ready to do our part, and we expect others to do theirs",
		"This is a critical moment, and we cannot afford to waste it",
		"The talks in {PL1} were constructive, and we will return to them soon",
		"No one should be under any illusion about how hard this will be",
		"Children should not be going hungry in {REG} or anywhere else",
		"A major military operation would be a mistake, and it is not necessary",
	},
	dTrade: {
		"This deal makes sense for our customers, our employees and our shareholders",
		"We are not going to negotiate in public",
		"Our priority is to protect jobs in {PL}",
		"The offer undervalues the company and its prospects",
		"We remain open to a fair agreement, but not at any price",
		"Tariffs of this kind hurt consumers on both sides",
		"We have been clear from the start about what we need",
		"The market will judge whether this strategy works",
		"There is a lot of work still to do before we can sign anything",
		"Our workers deserve certainty, not another round of speculation",
		"We expect to complete the review within the next few weeks",
		"Nobody should be surprised that we are looking at every option",
	},
	dSports: {
		"The integrity of the sport has to come first",
		"We will cooperate fully with any investigation",
		"The athletes have been left in the dark for far too long",
		"This decision was taken unanimously by the executive committee",
		"We are confident the tournament will be a success",
		"Nobody is above the rules, and that includes officials",
		"The players just want to know where they stand",
		"We have nothing to hide",
		"I am proud of the way the team responded",
		"Fans deserve a competition they can trust",
		"We will study the report carefully before deciding on any sanctions",
	},
	dCourts: {
		"My client has always maintained that the payments were legitimate",
		"The evidence will show a clear pattern of deception",
		"We respect the court's decision and will study it carefully",
		"This case is about accountability, nothing more and nothing less",
		"We intend to appeal",
		"The prosecution has failed to prove its case",
		"The court must be allowed to do its work without pressure",
		"These are serious allegations that deserve a serious hearing",
		"We will present new documents when the hearing resumes",
		"The witnesses have been consistent from the very beginning",
		"It would be wrong to comment further while the trial is under way",
	},
	dElection: {
		"The people of {C1} want change, and they will vote for it",
		"Every vote must be counted, and every vote will be counted",
		"We are confident of victory in the first round",
		"This election is about the future of our children",
		"We will respect the result, whatever it is",
		"Our opponents have run out of ideas",
		"Turnout will decide this race",
		"We have heard the concerns of voters in {PL}, and we will act on them",
		"The commission has the resources it needs to run a fair vote",
		"I call on all parties to campaign peacefully",
		"We are going to win this, and we are going to win it cleanly",
	},
	dClimate: {
		"The science is clear, and the time for half measures is over",
		"We cannot leave {PL1} without a deal on finance",
		"For small island states, this is a matter of survival",
		"The draft is a step forward, but it is not enough",
		"Rich countries must honour the promises they have already made",
		"We are closer than we have ever been, but we are not there yet",
		"Every fraction of a degree matters",
		"This text does not reflect the urgency of the moment",
		"We came here to build bridges, not to walk away",
		"The fund must be up and running by next year",
		"Our farmers are already living with the consequences",
	},
	dTech: {
		"These rules are about protecting users, not punishing companies",
		"We share the goal of a safer internet, but this bill is the wrong way to get there",
		"The era of self-regulation is over",
		"We will study the proposal carefully and engage constructively with lawmakers",
		"Innovation and accountability are not opposites",
		"Users have a right to know how decisions about them are made",
		"We have already made significant changes to our products",
		"The fines must be large enough to change behaviour",
		"Small developers cannot afford years of litigation",
		"We will not hesitate to use the full range of our powers",
		"Nobody voted for an algorithm to decide what their children see",
	},
}

// genericQuoteTexts fit any desk.
var genericQuoteTexts = []string{
	"We are working around the clock",
	"I think there is a real chance of progress this week",
	"We have been very clear about our position",
	"Nobody wants this to drag on for months",
	"It is too early to say whether this will succeed",
	"The next few days will be decisive",
	"We want a solution that lasts",
	"There are still important differences between the parties",
	"I am not going to speculate about the outcome",
	"We will keep talking as long as there is a chance of success",
	"We're continuing to make good progress",
	"I don't think anyone should underestimate how much work remains",
	"Our door remains open",
	"This is not the end of the process, but it is an important step",
}

// partialPhrases are short quoted fragments inside a sentence.
var partialPhrases = []string{
	"serious", "a step in the right direction", "deeply troubling", "unacceptable",
	"constructive", "premature", "a historic opportunity", "a mistake", "not necessary",
	"a serious proposal", "disappointing", "long overdue", "reckless", "a turning point",
	"encouraging", "far from over", "positive but incomplete", "a red line",
	"a very strong proposal", "unworkable", "a distraction", "a serious setback",
	"a breach of trust", "fundamentally flawed", "a good basis for further talks",
}

// attributionTemplates are sentences around one or two quotations of {A}.
var attributionTemplates = []string{
	"{Q,} {A} [said|stated].",
	"{Q,} {A} said {DAYP}.",
	"{Q,} said {A}.",
	"{A} said: {Q.}",
	"{Q,} {A} said. {Q2.}",
	"{Q,} {A} [told reporters|told journalists] in {PL}.",
	"{A} told reporters: {Q.}",
	"According to {A}, {Q.}",
	"{Q,} {A} said in a statement.",
	"In a statement, {A} said: {Q.}",
	"{Q,} {A} wrote on social media.",
	"{Q,} {A} said, adding that talks would resume {DAYF}.",
	"Speaking in {PL} {DAYP}, {A} said: {Q.}",
	"{Q,} {A} said in a television interview.",
	"{Q,} {A} [warned|cautioned].",
	"{A} was [blunt|direct]: {Q.}",
	"{Q,} {A} told a news conference in {PL}. {Q2.}",
}

// followTemplates continue a quotation by the previous speaker.
var followTemplates = []string{
	"{Q,} {A} added.",
	"{Q,} {A} said.",
	"{A} added: {Q.}",
	"{Q,} {A} [continued|went on].",
}

// partialTemplates embed a partial quotation of {A}.
var partialTemplates = []string{
	"{A} called the [offer|proposal] {QP}.",
	"{A} described the talks as {QP}, adding that more work was needed.",
	"{A} warned that any delay would be {QP}.",
	"{A} said the latest draft was {QP}.",
	"{A} dismissed the criticism as {QP}.",
	"The plan, {A} said, was {QP}.",
	"{A} told reporters that the decision was {QP}.",
}
