package corpusgen

// headingPools are section headings per desk: short, title case, without
// final punctuation.
var headingPools = [numDesks][]string{
	dDiplomacy: {
		"Efforts to Forge a Truce", "Mediators Step Up Pressure", "Humanitarian Concerns",
		"Strategic Diplomacy in Action", "Brokering Peace Amid Conflict", "The Hostage Question",
		"A Narrow Window", "Regional Powers Weigh In",
	},
	dTrade: {
		"Investors Weigh In", "A Deal in the Balance", "Jobs on the Line", "The Numbers Behind the Offer",
		"Regulatory Hurdles", "Unions Push Back",
	},
	dSports: {
		"Athletes Demand Answers", "Governance Under Scrutiny", "Sponsors Stay Silent",
		"A Season in Doubt", "The Road to the Championships",
	},
	dCourts: {
		"Inside the Courtroom", "The Case So Far", "Defense Pushes Back", "Prosecutors Make Their Case",
		"A Question of Evidence",
	},
	dElection: {
		"The Race Tightens", "Voters Have Their Say", "On the Campaign Trail", "Coalition Arithmetic",
		"Turnout in Focus",
	},
	dClimate: {
		"Finance Remains the Sticking Point", "Science and Politics", "Island Nations Speak Out",
		"A Race Against the Clock", "Inside the Negotiating Rooms",
	},
	dTech: {
		"Industry Pushback", "Rules for the Digital Age", "Enforcement Questions", "What the Bill Would Do",
		"Users in the Balance",
	},
}

// genericHeadings fit any desk.
var genericHeadings = []string{
	"Looking Ahead", "What Comes Next", "Challenges and Progress", "A Long Road",
	"The Road Ahead", "Key Questions Remain", "Reactions", "Background", "Next Steps",
	"Pressure Mounts", "Stakes Are High", "Global Response and Next Steps",
	"Implications and Future Prospects", "Divisions Persist", "Cautious Optimism",
	"Progress Amidst Challenges", "International Involvement and Pressure",
}

// headingNouns build headings of the form "Progress Amid Uncertainty".
var headingNouns = []string{
	"Progress", "Uncertainty", "Tension", "Hope", "Pressure", "Delay", "Criticism",
	"Doubts", "Optimism", "Setbacks", "Deadlock", "Urgency",
}

// readMoreHeadlines follow "Read more: "; {X} is replaced by a place.
var readMoreHeadlines = []string{
	"Talks Resume in {X} After Weekend Pause",
	"{X} Weighs New Tariffs on Imported Steel",
	"Court Delays Ruling in Long-Running Fraud Case",
	"Federation Faces Fresh Doping Inquiry",
	"Climate Summit in {X} Ends Without Deal",
	"Regulator Fines Streaming Service Over Data Breach",
	"Polls Open in Closely Fought Regional Vote",
	"Ministers Meet in {X} as Trade Talks Stall",
	"Aid Convoys Reach {X} After Weeks of Delay",
	"Carmaker Cuts Forecast as Demand Slows",
	"Opposition Leader Rallies Supporters in {X}",
	"New Rules for Social Media Take Effect",
	"Floods Displace Thousands in {X}",
	"Central Bank Holds Rates Steady",
}

// noiseLines are page furniture scraped along with the article.
var noiseLines = []string{"Advertisement", "Advertisment", "Share this article", "Comments"}
