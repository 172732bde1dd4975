package corpusgen

// countryDef describes a country: its name as written in running text (with
// "the" where English needs it), its adjective, the naming culture of most of
// its officials and its cities (capital first; "_" stands for a space).
type countryDef struct {
	name, adj string
	cult      culture
	cities    string
}

// countryDefs is the read-only country table.
var countryDefs = []countryDef{
	{"the United States", "US", cEnglish, "Washington New_York Chicago Boston"},
	{"Britain", "British", cEnglish, "London Manchester Edinburgh Birmingham"},
	{"Canada", "Canadian", cEnglish, "Ottawa Toronto Montreal Vancouver"},
	{"Australia", "Australian", cEnglish, "Canberra Sydney Melbourne"},
	{"Ireland", "Irish", cEnglish, "Dublin Cork"},
	{"New Zealand", "New Zealand", cEnglish, "Wellington Auckland"},
	{"Egypt", "Egyptian", cArabic, "Cairo Alexandria Sharm_el-Sheikh"},
	{"Qatar", "Qatari", cGulf, "Doha"},
	{"Saudi Arabia", "Saudi", cGulf, "Riyadh Jeddah"},
	{"the United Arab Emirates", "Emirati", cGulf, "Abu_Dhabi Dubai"},
	{"Kuwait", "Kuwaiti", cGulf, "Kuwait_City"},
	{"Oman", "Omani", cGulf, "Muscat Salalah"},
	{"Bahrain", "Bahraini", cGulf, "Manama"},
	{"Jordan", "Jordanian", cArabic, "Amman Aqaba"},
	{"Lebanon", "Lebanese", cArabic, "Beirut Tripoli"},
	{"Iraq", "Iraqi", cArabic, "Baghdad Basra Erbil"},
	{"Morocco", "Moroccan", cArabic, "Rabat Casablanca Marrakesh"},
	{"Tunisia", "Tunisian", cArabic, "Tunis Sfax"},
	{"Algeria", "Algerian", cArabic, "Algiers Oran"},
	{"Israel", "Israeli", cHebrew, "Jerusalem Tel_Aviv Haifa"},
	{"Russia", "Russian", cEastSlavic, "Moscow St_Petersburg Kazan"},
	{"Ukraine", "Ukrainian", cEastSlavic, "Kyiv Lviv Odesa Kharkiv"},
	{"Poland", "Polish", cCentralEuropean, "Warsaw Krakow Gdansk"},
	{"the Czech Republic", "Czech", cCentralEuropean, "Prague Brno"},
	{"Serbia", "Serbian", cCentralEuropean, "Belgrade Novi_Sad"},
	{"Croatia", "Croatian", cCentralEuropean, "Zagreb Split"},
	{"Hungary", "Hungarian", cCentralEuropean, "Budapest Debrecen"},
	{"Spain", "Spanish", cSpanish, "Madrid Barcelona Seville Valencia"},
	{"Mexico", "Mexican", cSpanish, "Mexico_City Guadalajara Monterrey"},
	{"Argentina", "Argentine", cSpanish, "Buenos_Aires Cordoba Rosario"},
	{"Colombia", "Colombian", cSpanish, "Bogota Medellin Cali"},
	{"Chile", "Chilean", cSpanish, "Santiago Valparaiso"},
	{"Peru", "Peruvian", cSpanish, "Lima Cusco"},
	{"France", "French", cFrench, "Paris Lyon Marseille Strasbourg"},
	{"Belgium", "Belgian", cDutch, "Brussels Antwerp Ghent"},
	{"Switzerland", "Swiss", cGerman, "Bern Geneva Zurich Lausanne"},
	{"Germany", "German", cGerman, "Berlin Munich Frankfurt Hamburg Bonn"},
	{"Austria", "Austrian", cGerman, "Vienna Salzburg"},
	{"the Netherlands", "Dutch", cDutch, "Amsterdam The_Hague Rotterdam"},
	{"Norway", "Norwegian", cNordic, "Oslo Bergen"},
	{"Sweden", "Swedish", cNordic, "Stockholm Gothenburg"},
	{"Denmark", "Danish", cNordic, "Copenhagen Aarhus"},
	{"Finland", "Finnish", cNordic, "Helsinki Tampere"},
	{"Italy", "Italian", cItalian, "Rome Milan Naples Turin"},
	{"Portugal", "Portuguese", cPortuguese, "Lisbon Porto"},
	{"Brazil", "Brazilian", cPortuguese, "Brasilia Sao_Paulo Rio_de_Janeiro"},
	{"Angola", "Angolan", cPortuguese, "Luanda"},
	{"India", "Indian", cIndian, "New_Delhi Mumbai Bengaluru Chennai Kolkata"},
	{"China", "Chinese", cChinese, "Beijing Shanghai Shenzhen Guangzhou"},
	{"Singapore", "Singaporean", cChinese, "Singapore"},
	{"Japan", "Japanese", cJapanese, "Tokyo Osaka Kyoto Yokohama"},
	{"South Korea", "South Korean", cKorean, "Seoul Busan Incheon"},
	{"Nigeria", "Nigerian", cWestAfrican, "Abuja Lagos Kano"},
	{"Ghana", "Ghanaian", cWestAfrican, "Accra Kumasi"},
	{"Senegal", "Senegalese", cWestAfrican, "Dakar"},
	{"Mali", "Malian", cWestAfrican, "Bamako"},
	{"Ivory Coast", "Ivorian", cWestAfrican, "Abidjan Yamoussoukro"},
	{"Kenya", "Kenyan", cEastAfrican, "Nairobi Mombasa Kisumu"},
	{"Ethiopia", "Ethiopian", cEastAfrican, "Addis_Ababa"},
	{"Tanzania", "Tanzanian", cEastAfrican, "Dodoma Dar_es_Salaam Arusha"},
	{"South Africa", "South African", cEastAfrican, "Pretoria Johannesburg Cape_Town Durban"},
	{"Zimbabwe", "Zimbabwean", cEastAfrican, "Harare Bulawayo"},
	{"Zambia", "Zambian", cEastAfrican, "Lusaka"},
	{"Turkey", "Turkish", cTurkish, "Ankara Istanbul Izmir Antalya"},
	{"Iran", "Iranian", cPersian, "Tehran Isfahan Shiraz"},
	{"Greece", "Greek", cGreek, "Athens Thessaloniki"},
	{"Cyprus", "Cypriot", cGreek, "Nicosia Limassol"},
	{"Indonesia", "Indonesian", cSoutheastAsian, "Jakarta Surabaya Bali"},
	{"the Philippines", "Philippine", cSoutheastAsian, "Manila Cebu Davao"},
	{"Vietnam", "Vietnamese", cSoutheastAsian, "Hanoi Ho_Chi_Minh_City Da_Nang"},
	{"Thailand", "Thai", cSoutheastAsian, "Bangkok Chiang_Mai"},
	{"Malaysia", "Malaysian", cSoutheastAsian, "Kuala_Lumpur Penang"},
}

// noPresident lists countries whose head of government is not a president,
// so the "President" role is not used for them.
const noPresident = "|Britain|Canada|Australia|New Zealand|Qatar|Saudi Arabia|the United Arab Emirates|Kuwait|Oman|Bahrain|Jordan|Morocco|Spain|Belgium|the Netherlands|Norway|Sweden|Denmark|Japan|Thailand|Malaysia|Israel|Italy|Germany|Greece|India|Hungary|the Czech Republic|Croatia|Serbia|Singapore|"

// venueCities are cities that often host negotiations between third parties.
var venueCities = `Doha Cairo Geneva Vienna Oslo Istanbul Muscat Nairobi Addis_Ababa Brussels
Paris Riyadh Abu_Dhabi Amman Stockholm Helsinki Singapore Jakarta Bonn Dubai
Marrakesh Lisbon Rome New_York The_Hague Copenhagen Accra Sharm_el-Sheikh Bern
Jeddah Ankara`

// regions are the areas a conflict story can centre on.
var regions = []string{
	"the border region", "the northern districts", "the coastal strip",
	"the eastern provinces", "the southern valley", "the disputed highlands",
	"the besieged enclave", "the river delta", "the frontier towns",
	"the western corridor", "the mountain passes", "the port city",
	"the central plateau", "the lake district", "the island chain",
}

// sports are the disciplines of national teams and federations.
var sports = []string{
	"football", "rugby", "basketball", "handball", "volleyball", "hockey",
	"cricket", "athletics", "cycling", "swimming", "rowing", "fencing",
}
