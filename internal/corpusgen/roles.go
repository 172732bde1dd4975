package corpusgen

// desk is the newsroom desk, and so the topic, of a person or story.
type desk uint8

const (
	dDiplomacy desk = iota
	dTrade
	dSports
	dCourts
	dElection
	dClimate
	dTech
	numDesks
)

// deskWeights sets how common each desk is among people and stories.
var deskWeights = [numDesks]int{26, 15, 12, 11, 14, 11, 11}

// roleDef is a role template. pre is the title written before a name,
// desc the description used in apposition and as Truth role, noun the short
// role noun of later mentions ("the minister"). Placeholders: {N} country
// adjective, {C} country, {O} organisation, {Ob} organisation without "the",
// {CITY} a city of the country, {SP} a sport.
type roleDef struct {
	desk   desk
	pre    string
	art    string
	desc   string
	noun   string
	org    orgClass
	unique bool // one holder per country or organisation
	agency bool // use the country's intelligence service when it has one
}

// roleDefs is the read-only role table.
var roleDefs = []roleDef{
	{dDiplomacy, "{N} Foreign Minister", "the", "foreign minister of {C}", "minister", oNone, true, false},
	{dDiplomacy, "{N} Prime Minister", "the", "prime minister of {C}", "prime minister", oNone, true, false},
	{dDiplomacy, "{N} President", "the", "president of {C}", "president", oNone, true, false},
	{dDiplomacy, "{N} Defense Minister", "the", "defense minister of {C}", "defense minister", oNone, true, false},
	{dDiplomacy, "{N} National Security Adviser", "the", "national security adviser of {C}", "adviser", oNone, true, false},
	{dDiplomacy, "{N} intelligence chief", "the", "head of {C}'s intelligence service", "spy chief", oNone, true, true},
	{dDiplomacy, "{N} Intelligence Minister", "the", "intelligence minister of {C}", "minister", oNone, true, false},
	{dDiplomacy, "{N} Ambassador", "the", "ambassador of {C} to the United Nations", "ambassador", oNone, true, false},
	{dDiplomacy, "{N} special envoy", "a", "special envoy of {C}", "envoy", oNone, false, false},
	{dDiplomacy, "{N} Deputy Foreign Minister", "a", "deputy foreign minister of {C}", "deputy minister", oNone, false, false},
	{dDiplomacy, "{N} Strategic Affairs Minister", "the", "strategic affairs minister of {C}", "minister", oNone, true, false},
	{dDiplomacy, "{N} foreign ministry spokesperson", "a", "spokesperson for {C}'s foreign ministry", "spokesperson", oNone, false, false},
	{dDiplomacy, "{Ob} envoy", "the", "envoy of {O}", "envoy", oIntl, true, false},
	{dDiplomacy, "{Ob} humanitarian coordinator", "the", "humanitarian coordinator of {O}", "coordinator", oIntl, true, false},

	{dTrade, "{Ob} chief executive", "the", "chief executive of {O}", "chief executive", oCompany, true, false},
	{dTrade, "{Ob} chair", "the", "chair of {O}", "chair", oCompany, true, false},
	{dTrade, "{Ob} finance chief", "the", "chief financial officer of {O}", "finance chief", oCompany, true, false},
	{dTrade, "{N} Trade Minister", "the", "trade minister of {C}", "minister", oNone, true, false},
	{dTrade, "{N} Economy Minister", "the", "economy minister of {C}", "minister", oNone, true, false},
	{dTrade, "{Ob} leader", "the", "leader of the {Ob}", "union leader", oUnion, true, false},
	{dTrade, "{N} chief trade negotiator", "the", "chief trade negotiator of {C}", "negotiator", oNone, true, false},
	{dTrade, "{Ob} strategy director", "the", "strategy director at {O}", "executive", oCompany, true, false},
	{dTrade, "{Ob} analyst", "an", "analyst at {O}", "analyst", oBank, false, false},
	{dTrade, "{Ob} founder", "the", "founder of {O}", "founder", oCompany, true, false},

	{dSports, "{Ob} president", "the", "president of {O}", "federation president", oFederation, true, false},
	{dSports, "{Ob} secretary general", "the", "secretary general of {O}", "secretary general", oFederation, true, false},
	{dSports, "{N} {SP} coach", "the", "coach of {C}'s national {SP} team", "coach", oNone, true, false},
	{dSports, "{N} {SP} captain", "the", "captain of {C}'s national {SP} team", "captain", oNone, true, false},
	{dSports, "{N} Sports Minister", "the", "sports minister of {C}", "minister", oNone, true, false},
	{dSports, "{N} anti-doping chief", "the", "head of {C}'s anti-doping agency", "anti-doping chief", oNone, true, false},
	{dSports, "{Ob} commissioner", "the", "commissioner of {O}", "commissioner", oFederation, true, false},
	{dSports, "{N} {SP} champion", "a", "former {SP} world champion from {C}", "champion", oNone, false, false},

	{dCourts, "Judge", "a", "judge at {O}", "judge", oCourt, false, false},
	{dCourts, "{N} chief prosecutor", "the", "chief prosecutor of {C}", "prosecutor", oNone, true, false},
	{dCourts, "defense lawyer", "a", "defense lawyer at {O}", "lawyer", oLawFirm, false, false},
	{dCourts, "{N} Attorney General", "the", "attorney general of {C}", "attorney general", oNone, true, false},
	{dCourts, "{N} Justice Minister", "the", "justice minister of {C}", "minister", oNone, true, false},
	{dCourts, "{N} Chief Justice", "the", "chief justice of {C}", "chief justice", oNone, true, false},
	{dCourts, "former {N} Finance Minister", "a", "former finance minister of {C}", "former minister", oNone, false, false},
	{dCourts, "{Ob} founder", "the", "founder of {O}", "founder", oCompany, true, false},
	{dCourts, "{Ob} senior partner", "a", "senior partner at {O}", "lawyer", oLawFirm, false, false},

	{dElection, "{Ob} leader", "the", "leader of {O}", "party leader", oParty, true, false},
	{dElection, "{Ob} candidate", "the", "presidential candidate of {O}", "candidate", oParty, true, false},
	{dElection, "{N} Interior Minister", "the", "interior minister of {C}", "minister", oNone, true, false},
	{dElection, "election commission chair", "the", "chair of {C}'s electoral commission", "commission chair", oNone, true, false},
	{dElection, "{Ob} campaign manager", "the", "campaign manager of {O}", "campaign manager", oParty, true, false},
	{dElection, "pollster", "a", "pollster at {O}", "pollster", oInstitute, false, false},
	{dElection, "{CITY} Mayor", "the", "mayor of {CITY}", "mayor", oNone, true, false},
	{dElection, "opposition lawmaker", "an", "opposition lawmaker in {C}", "lawmaker", oNone, false, false},

	{dClimate, "{N} climate envoy", "the", "climate envoy of {C}", "envoy", oNone, true, false},
	{dClimate, "{N} Environment Minister", "the", "environment minister of {C}", "minister", oNone, true, false},
	{dClimate, "{N} Energy Minister", "the", "energy minister of {C}", "energy minister", oNone, true, false},
	{dClimate, "climate scientist", "a", "climate scientist at {O}", "scientist", oInstitute, false, false},
	{dClimate, "{Ob} campaigner", "a", "campaigner with {O}", "campaigner", oNGO, false, false},
	{dClimate, "{Ob} director", "the", "director of {O}", "director", oNGO, true, false},
	{dClimate, "{N} lead negotiator", "the", "lead climate negotiator of {C}", "negotiator", oNone, true, false},

	{dTech, "{Ob} chief executive", "the", "chief executive of {O}", "chief executive", oTech, true, false},
	{dTech, "{Ob} general counsel", "the", "general counsel of {O}", "general counsel", oTech, true, false},
	{dTech, "{N} Digital Minister", "the", "digital minister of {C}", "minister", oNone, true, false},
	{dTech, "{Ob} chief", "the", "head of {O}", "regulator", oRegulator, true, false},
	{dTech, "{N} lawmaker", "a", "lawmaker in {C}", "lawmaker", oNone, false, false},
	{dTech, "{Ob} founder", "the", "founder of {O}", "founder", oTech, true, false},
	{dTech, "privacy researcher", "a", "privacy researcher at {O}", "researcher", oInstitute, false, false},
}
