package corpusgen

import "strings"

// orgClass is the kind of organisation a role or a story refers to.
type orgClass uint8

const (
	oNone orgClass = iota
	oIntl
	oCompany
	oTech
	oFederation
	oCourt
	oLawFirm
	oParty
	oUnion
	oNGO
	oInstitute
	oRegulator
	oBank
	numOrgClasses
)

// orgTables lists invented organisations by class, one per line. A leading
// "the " marks names that take the article in running text.
var orgTables = [numOrgClasses]string{
	oIntl: `the United Nations
the African Union
the European Union
the Arab League
the Red Cross
the World Food Programme
the International Organization for Migration
the Gulf Cooperation Council`,
	oCompany: `Arlen Motors
Castlebrook Steel
Norvane Logistics
Pelican Foods
Vantora Pharma
Heliox Energy
Brightwater Shipping
Kestrel Aerospace
Corvid Chemicals
Silverline Telecom
Marlow Textiles
Tidewater Mining
Oakhurst Holdings
Quillon Insurance
Redfern Retail
Sable Rail
Halcyon Airlines
Ironbridge Cement
Westmere Paper
Juniper Agritech
Calder Batteries
Dunmore Brewing
Everhart Construction
Solvane Glass
Pinecrest Motors
Ardent Shipping
Goldmoor Resources
Lindqvist Marine
Orrin Electric
Thessaly Foods
Maraval Sugar
Kilnworth Ceramics
Novaterra Fertilisers
Bramblecourt Hotels
Stonegate Cables
Veridian Turbines
Halden Paper Mills
Corbel Automotive
Ashgrove Dairies
Fenwick Defence`,
	oTech: `Lumen Social
Quanta Search
Vireo Cloud
Nimbus Apps
Parallax AI
Tessellate Labs
Brightpath Payments
Orbital Messaging
Kinetic Maps
Halo Streaming
Corvex Semiconductors
Mosaic Marketplace
Beacon Video
Sparrow Chat
Glasswing Devices
Driftwood Games
Cobalt Data
Meridian Robotics`,
	oFederation: `the International Rowing Union
the Continental Handball Federation
the World Fencing Council
the Pan-Regional Football Association
the Global Athletics Alliance
the International Cycling Board
the World Volleyball Confederation
the Continental Rugby Union
the International Swimming League
the World Hockey Federation
the Premier Basketball League
the National Cricket Board
the World Anti-Doping Panel
the Southern Football Confederation
the International Boxing Council
the Nordic Ski Association
the Eastern Athletics Association
the Global Esports Federation`,
	oCourt: `the Central Criminal Court
the Supreme Court
the Court of Appeal
the High Court
the Constitutional Court
the Regional Court
the Commercial Court
the Court of Arbitration for Sport
the District Court
the Administrative Court`,
	oLawFirm: `Hale & Morrow
Whitcombe Partners
Ardley Voss
Quintero Legal
Marsh Lindgren
Okafor & Bello Chambers
Tanaka Sato Law
Brandt Keller
Delacroix Avocats
Sterling Crane`,
	oParty: `the Civic Renewal Party
the People's Alliance
the Liberal Forward Movement
the National Unity Front
the Social Democratic Union
the Green Future Party
the Conservative Reform Party
the Labour and Farmers' Party
the New Republic Movement
the Centre Coalition
the Workers' Democratic Party
the Freedom and Justice Party
the Progressive Bloc
the Citizens' Platform
the Heritage Party
the Popular Action Party
the Democratic Renewal Alliance
the Independent Federation
the Rural Voice Party
the Coastal People's Party`,
	oUnion: `United Dockworkers' Union
Federation of Steel Workers
National Union of Drivers
Metalworkers' Alliance
Transport and General Workers' Union
Union of Textile Workers
Aviation Crews Union
Miners' Solidarity Union`,
	oNGO: `the Global Adaptation Fund
Green Horizon
the Ocean Futures Trust
Climate Action Network South
the Coalition for Clean Air
Earthwatch Alliance
the Loss and Damage Fund
the Forest Guardians Initiative
Rising Tide Collective
the Renewable Transition Fund`,
	oInstitute: `the Institute for Climate Risk
the Centre for Digital Rights
the Northbridge Polling Institute
the Institute for Trade Studies
the Centre for Security Studies
the Polar Research Institute
the Hollins School of Economics
the Veritas Polling Group
the Institute for Sport Governance
the Center for Public Law`,
	oRegulator: `the Data Protection Authority
the Digital Markets Office
the Competition Commission
the Online Safety Regulator
the Communications Authority
the Financial Conduct Board
the AI Standards Office
the Consumer Protection Agency`,
	oBank: `Harcourt Capital
Meridian Bank
Stanwick Securities
Aldgate Investment Bank
Pellham Research
Crestline Asset Management`,
}

// org is one organisation: its name as used in running text and its bare
// form (without a leading "the") for use before a title.
type org struct {
	name, bare string
	class      orgClass
}

// agencyDef names the intelligence service of a country.
type agencyDef struct {
	country string // countryDefs name
	name    string // as in running text
	pre     string // title before a name
	desc    string // role description
}

// agencies is the read-only table of intelligence services.
var agencies = []agencyDef{
	{"the United States", "the CIA", "CIA Director", "director of the CIA"},
	{"Israel", "Mossad", "Mossad chief", "head of Mossad"},
	{"Britain", "MI6", "MI6 chief", "head of MI6"},
	{"Egypt", "the General Intelligence Service", "Egyptian intelligence chief", "head of Egypt's General Intelligence Service"},
	{"France", "the DGSE", "DGSE chief", "head of the DGSE"},
	{"Germany", "the BND", "BND President", "president of the BND"},
	{"Turkey", "MIT", "MIT chief", "head of Turkey's MIT intelligence agency"},
	{"Qatar", "the State Security Bureau", "Qatari security chief", "head of Qatar's State Security Bureau"},
	{"Jordan", "the General Intelligence Directorate", "Jordanian intelligence chief", "head of Jordan's General Intelligence Directorate"},
	{"Saudi Arabia", "the General Intelligence Presidency", "Saudi intelligence chief", "head of Saudi Arabia's General Intelligence Presidency"},
}

// parseOrgs splits the organisation tables.
func parseOrgs() []org {
	var out []org
	for c := orgClass(0); c < numOrgClasses; c++ {
		for _, line := range strings.Split(orgTables[c], "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			o := org{name: line, bare: line, class: c}
			if strings.HasPrefix(line, "the ") {
				o.bare = line[4:]
			}
			out = append(out, o)
		}
	}
	return out
}
