package corpusgen

// figureNames are the figure kinds templates may use as {F:kind}.
var figureNames = []string{
	"hostages", "deaths", "money", "tariff", "delegates", "jobs", "spectators",
	"prison", "vote", "voters", "tonnes", "fine", "users", "trucks", "percent",
}

func figureKind(name string) int {
	for i, n := range figureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// figureTemplates state a figure; each holds one {F:kind}.
var figureTemplates = [numDesks][]string{
	dDiplomacy: {
		"The deal under discussion could see the release of {F:hostages}, officials said.",
		"Health officials have reported the deaths of {F:deaths} since the fighting began.",
		"Aid agencies say {F:trucks} are needed to meet basic needs in {REG}.",
		"Donors have pledged {F:money} for reconstruction in {REG}.",
		"The execution of a deal that could release {F:hostages} is at issue.",
	},
	dTrade: {
		"The offer values {O2} at {F:money}, according to people familiar with the terms.",
		"{C1} has threatened to impose {F:tariff} on imports from {C2}.",
		"The plan could put {F:jobs} at risk across the group's plants.",
		"Shares in {O1} have fallen {F:percent} since the start of the year.",
	},
	dSports: {
		"The tournament drew {F:spectators} last year.",
		"The broadcasting contract is worth {F:money} over five years.",
		"The federation has set aside {F:money} for a new integrity unit.",
	},
	dCourts: {
		"If convicted, the defendants face {F:prison}.",
		"Prosecutors say {F:money} was diverted over a period of six years.",
		"The company set aside {F:money} to cover potential penalties.",
	},
	dElection: {
		"The governing party won {F:vote} in the first round.",
		"{F:voters} are registered to vote, according to the electoral commission.",
		"The latest poll puts the opposition on {F:vote}.",
	},
	dClimate: {
		"The summit has drawn {F:delegates} to {PL1}.",
		"The fund has so far received {F:money} in pledges.",
		"Global emissions reached {F:tonnes} last year, according to researchers.",
	},
	dTech: {
		"The company faces {F:fine} if found in breach of the rules.",
		"The platform has {F:users} in {C1} alone.",
		"Regulators imposed {F:money} in fines on a rival firm last year.",
	},
}
