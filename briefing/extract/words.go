package extract

import "briefbot/briefing/fold"

// Closed word classes the rules read. Keys are folded lower case.

// set builds a word class; entries are folded like token keys, so
// "so-called" is stored as "so called".
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold.Key(w)] = true
	}
	return m
}

// wordLists holds the read-only word classes; built once per Extractor.
type wordLists struct {
	function           map[string]bool // words that never start a name
	speech             map[string]bool // speech verbs, finite forms
	speechIng          map[string]bool // speech verbs, participles ("adding")
	adverbs            map[string]bool // adverbs allowed between a speaker and the verb
	roleHeads          map[string]bool // nouns that head a role ("minister", "chief")
	roleMods           map[string]bool // lower-case words inside roles ("foreign", "intelligence")
	roleOf             map[string]bool // words after "of" in a role ("state", "defense")
	orgHeads           map[string]bool // last words of organisation names ("council")
	orgStarts          map[string]bool // first words of organisation names ("ministry")
	prepositions       map[string]bool
	determiners        map[string]bool
	months             map[string]int
	weekdays           map[string]int
	nonPersonFollowers map[string]bool // "Biden administration": the word after a name that makes it a modifier
	titleCues          map[string]bool // words before a quoted title ("podcast", "titled")
	scareCues          map[string]bool // words before a scare quote ("so-called")
	groupNouns         map[string]bool // nouns for parties named by nationality ("officials")
	pronouns           map[string]pronoun
}

type pronoun struct {
	male, female bool // compatible genders
	plural       bool
}

func newWordLists() *wordLists {
	return &wordLists{
		function: set("a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "so", "yet",
			"as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with", "without", "within",
			"after", "before", "during", "while", "when", "where", "whereas", "since", "until", "although", "though",
			"despite", "amid", "amidst", "among", "amongst", "against", "about", "above", "across", "along",
			"around", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "down", "inside",
			"near", "off", "out", "outside", "over", "past", "through", "throughout", "toward", "towards", "under",
			"underneath", "unlike", "up", "upon", "via", "if", "unless", "whether", "because", "once", "than",
			"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "him",
			"them", "us", "me", "who", "whom", "whose", "which", "what", "there", "here", "then", "now", "still",
			"also", "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "instead",
			"indeed", "notably", "separately", "earlier", "later", "today", "yesterday", "tomorrow", "tonight",
			"some", "many", "most", "several", "few", "all", "both", "each", "every", "any", "no", "not", "none",
			"other", "another", "such", "only", "even", "just", "more", "less", "much", "very", "again", "already",
			"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
			"would", "can", "could", "may", "might", "must", "shall", "should", "according", "asked", "speaking",
			"following", "under", "like", "thus", "therefore", "hence", "yes", "oh", "please", "thank", "thanks",
			"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second",
			"third", "last", "next", "new", "top", "senior", "former", "latest", "recent", "why", "how",
			"whatever", "whoever", "wherever", "whenever", "let", "per", "plus", "minus", "regarding", "concerning",
			"including", "excluding", "alongside", "elsewhere", "overall", "ultimately", "finally", "initially",
			"currently", "recently", "reportedly", "officially", "publicly", "privately", "late", "early", "mid"),
		speech: set("said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds",
			"insisted", "insists", "cautioned", "cautions", "warned", "warns", "noted", "notes", "explained",
			"explains", "argued", "argues", "asked", "asks", "replied", "replies", "responded", "responds",
			"wrote", "writes", "tweeted", "tweets", "posted", "declared", "declares", "announced", "announces",
			"acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims", "continued", "concluded",
			"remarked", "observed", "emphasized", "emphasised", "emphasizes", "emphasises", "stressed",
			"stresses", "urged", "urges", "pledged", "pledges", "vowed", "vows", "promised", "promises",
			"conceded", "concedes", "countered", "counters", "recalled", "recalls", "predicted", "predicts",
			"suggested", "suggests", "complained", "complains", "joked", "jokes", "lamented", "laments", "quipped",
			"clarified", "clarifies", "indicated", "indicates", "reiterated", "reiterates", "confirmed",
			"confirms", "denied", "denies", "maintained", "maintains", "contended", "contends", "agreed", "agrees",
			"demanded", "demands", "testified", "testifies", "ruled", "rules", "wrote", "mused", "muses",
			"cautioned", "insisted", "announced", "exclaimed", "shouted", "whispered", "boasted", "boasts",
			"assured", "assures", "reminded", "reminds", "acknowledged", "called", "described", "describes",
			"dubbed", "labelled", "labeled", "termed", "hoped", "hopes", "believes", "believed", "thinks",
			"thought", "feared", "fears", "estimated", "estimates", "reported", "reports", "signalled", "signaled",
			"conceded", "charged", "accused", "accuses", "alleged", "alleges", "objected", "protested", "pleaded",
			"answered", "answers", "began", "begins", "went on", "summed", "put", "spoke", "speaks", "texted",
			"emailed", "messaged", "commented", "comments", "opined", "reasoned", "wondered", "mused",
			"dismissed", "dismisses", "branded", "brands", "hailed", "hails", "slammed", "slams", "condemned",
			"condemns", "denounced", "denounces", "criticised", "criticized", "praised", "praises", "rejected",
			"rejects", "welcomed", "welcomes", "decried", "decries", "derided", "derides", "blasted", "blasts"),
		speechIng: set("saying", "adding", "stating", "noting", "warning", "insisting", "cautioning",
			"explaining", "arguing", "telling", "declaring", "calling", "describing", "stressing", "emphasizing",
			"emphasising", "urging", "vowing", "pledging", "promising", "claiming", "acknowledging", "admitting",
			"asking", "writing", "tweeting", "suggesting", "predicting", "recalling", "clarifying", "indicating",
			"reiterating", "confirming", "denying", "maintaining", "contending", "conceding", "lamenting",
			"complaining", "joking", "quipping", "replying", "responding", "remarking", "observing", "answering"),
		adverbs: set("also", "however", "later", "then", "again", "further", "once", "had", "has", "have",
			"previously", "recently", "earlier", "repeatedly", "publicly", "privately", "separately",
			"reportedly", "flatly", "firmly", "bluntly", "simply", "quickly", "sharply", "angrily", "calmly",
			"frankly", "candidly", "forcefully", "emphatically", "openly", "initially", "finally", "first",
			"would", "will", "might", "could", "did", "does", "not", "never", "even", "still", "just", "only",
			"now", "cautiously", "wryly", "tersely", "quietly", "loudly", "directly", "personally", "herself",
			"himself", "themselves", "subsequently", "immediately", "swiftly", "publicly", "furiously"),
		roleHeads: set("minister", "ministers", "secretary", "president", "vice-president", "premier", "chancellor",
			"chief", "director", "head", "chair", "chairman", "chairwoman", "chairperson", "ceo", "cfo", "coo",
			"spokesperson", "spokesman", "spokeswoman", "spokespeople", "ambassador", "envoy", "adviser",
			"advisor", "king", "queen", "prince", "princess", "emir", "amir", "sultan", "sheikh", "monarch",
			"governor", "mayor", "senator", "congressman", "congresswoman", "representative", "lawmaker", "mp",
			"judge", "justice", "prosecutor", "attorney", "lawyer", "commissioner", "general", "commander",
			"admiral", "colonel", "captain", "coach", "manager", "founder", "co-founder", "leader", "negotiator",
			"mediator", "diplomat", "official", "officer", "executive", "boss", "editor", "correspondent",
			"analyst", "economist", "professor", "researcher", "scientist", "spokesperson", "chairs", "pope",
			"cardinal", "archbishop", "bishop", "rabbi", "imam", "speaker", "whip", "deputy", "undersecretary",
			"under-secretary", "secretary-general", "director-general", "president-elect", "prime", "coordinator",
			"administrator", "inspector", "auditor", "treasurer", "comptroller", "regulator", "striker",
			"midfielder", "defender", "goalkeeper", "player", "captain", "champion", "owner", "partner",
			"candidate", "nominee", "challenger", "incumbent", "rapporteur", "delegate", "representative",
			"minister-president", "taoiseach", "chancellor", "magistrate", "sheriff", "marshal", "provost",
			"dean", "rector", "principal", "superintendent", "inspector-general", "chief-of-staff", "aide",
			"consul", "attaché", "attache", "emissary", "czar", "tsar", "presidents", "directors", "chiefs",
			"heads", "leaders", "officials", "spokespersons", "spokesmen", "ambassadors", "envoys", "advisers",
			"advisors", "judges", "prosecutors", "lawyers", "negotiators", "mediators", "diplomats", "premiers",
			"monarchs", "governors", "senators", "mayors", "chairman-elect", "ceo-designate", "chieftain",
			"lieutenant", "sergeant", "major", "marshal", "brigadier", "campaigner", "activist", "author",
			"writer", "journalist", "reporter", "doctor", "surgeon", "engineer", "investor", "banker", "trader",
			"consultant", "entrepreneur", "businessman", "businesswoman", "philanthropist", "producer",
			"athlete", "footballer", "cyclist", "swimmer", "boxer", "referee", "commentator", "historian",
			"strategist", "pollster", "organiser", "organizer", "legislator", "mep", "councillor", "councilor",
			"trustee", "economist", "academic", "lecturer", "scholar", "fellow", "detective", "investigator",
			"barrister", "solicitor", "counsel", "staffer", "veteran", "spokesperson", "campaigners", "activists",
			"analysts", "economists", "journalists", "investigators", "researchers", "scientists", "lawmakers",
			"medallist", "medalist", "sprinter", "runner", "chairwoman", "commissioner", "ceo", "cto", "president"),
		roleMods: set("foreign", "defense", "defence", "interior", "finance", "economy", "economic", "trade",
			"intelligence", "security", "national", "prime", "deputy", "vice", "acting", "interim", "former",
			"senior", "chief", "executive", "general", "attorney", "strategic", "affairs", "state", "federal",
			"military", "army", "navy", "police", "justice", "health", "energy", "education", "environment",
			"culture", "sports", "transport", "labour", "labor", "agriculture", "housing", "treasury", "crown",
			"top", "lead", "head", "assistant", "associate", "principal", "special", "presidential", "royal",
			"supreme", "high", "first", "second", "minister", "cabinet", "opposition", "party", "house", "senate",
			"majority", "minority", "technology", "digital", "climate", "development", "humanitarian", "aid",
			"information", "communications", "immigration", "home", "legal", "financial", "operating",
			"technical", "commercial", "sporting", "football", "team", "club", "union", "labor", "district",
			"regional", "local", "municipal", "provincial", "parliamentary", "european", "international",
			"global", "world", "public", "private", "civil", "nuclear", "defense", "veteran", "longtime",
			"long-serving", "newly", "appointed", "elected", "outgoing", "incoming", "then", "ex", "joint",
			"deputy-prime", "co", "managing", "science", "research", "policy", "media", "press", "news",
			"investment", "portfolio", "fund", "bank", "central", "monetary", "fiscal", "budget", "tax",
			"customs", "border", "coast", "guard", "air", "force", "forces", "naval", "marine", "special",
			"counterterrorism", "counter-terrorism", "cyber", "homeland", "veterans", "water", "mining",
			"oil", "petroleum", "industry", "industrial", "tourism", "information", "planning", "women",
			"youth", "family", "social", "welfare", "works", "infrastructure", "communications", "lands",
			"ministry", "department", "office", "embassy", "agency", "council", "commission", "committee",
			"government", "union", "federation", "association", "company", "court", "campaign", "board",
			"institute", "university", "mission", "delegation", "central", "bureau", "authority", "tribunal"),
		roleOf: set("state", "defense", "defence", "foreign", "affairs", "the", "interior", "finance", "treasury",
			"justice", "health", "energy", "education", "commerce", "labor", "labour", "agriculture", "transport",
			"transportation", "housing", "homeland", "security", "staff", "mission", "operations", "and",
			"economy", "trade", "industry", "culture", "environment", "tourism", "veterans", "information",
			"communications", "development", "planning", "intelligence", "police", "army", "navy", "research"),
		orgHeads: set("ministry", "council", "agency", "party", "union", "authority", "committee", "commission",
			"court", "bank", "university", "college", "institute", "institution", "foundation", "association",
			"federation", "confederation", "league", "organization", "organisation", "group", "corporation",
			"corp", "inc", "ltd", "llc", "plc", "co", "company", "companies", "holdings", "news", "times", "post",
			"journal", "herald", "tribune", "gazette", "telegraph", "guardian", "press", "network", "channel",
			"television", "radio", "tv", "broadcasting", "forces", "army", "navy", "brigades", "brigade", "front",
			"movement", "alliance", "coalition", "department", "office", "service", "services", "bureau",
			"administration", "parliament", "assembly", "senate", "congress", "cabinet", "government", "fund",
			"program", "programme", "mission", "center", "centre", "hospital", "school", "club", "fc", "team",
			"unit", "board", "trust", "society", "church", "airlines", "airways", "motors", "industries",
			"technologies", "systems", "group", "partners", "capital", "energy", "petroleum", "oil", "media",
			"labs", "studios", "records", "reserve", "exchange", "police", "guard", "corps", "command",
			"directorate", "secretariat", "tribunal", "chamber", "house", "legislature", "caucus", "observatory",
			"watch", "international", "network", "initiative", "council", "forum", "summit", "conference",
			"games", "cup", "championship", "olympics", "festival", "review", "magazine", "daily", "weekly",
			"agency", "wire", "outlet", "mills", "mill", "pharma", "pharmaceuticals", "steel", "automotive", "foods",
			"logistics", "shipping", "mining", "power", "telecom", "telecoms", "paper", "glass", "chemicals",
			"textiles", "insurance", "securities", "management", "ventures", "trading", "electric", "electronics",
			"semiconductor", "semiconductors", "robotics", "aerospace", "rail", "railways", "software", "biotech",
			"therapeutics", "healthcare", "hotels", "resorts", "brewing", "brewery", "farms", "cement", "construction",
			"engineering", "solutions", "consulting", "investments", "properties", "realty", "resources", "metals",
			"minerals", "gas", "petrochemicals", "shipyards", "foundation", "bancorp", "fund", "funds", "trust"),
		orgStarts: set("ministry", "department", "university", "bank", "office", "council", "court", "house",
			"institute", "commission", "committee", "federation", "association", "union", "league", "party",
			"agency", "board", "bureau", "church", "order", "school", "college", "academy", "society", "fund",
			"federal", "national", "supreme", "royal", "central", "united", "european", "international",
			"world", "islamic", "democratic", "republican", "palestinian", "israeli", "american"),
		prepositions: set("with", "to", "by", "from", "for", "of", "on", "at", "in", "into", "onto", "against",
			"between", "among", "alongside", "toward", "towards", "about", "after", "before", "over", "under",
			"via", "without", "like", "than", "including", "involving", "beside", "behind", "across", "through",
			"during", "amid", "despite", "near", "upon", "within", "per"),
		determiners: set("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
			"our", "my", "your", "whose", "some", "any", "each", "every", "no"),
		months: map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
			"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
			"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
			"oct": 10, "nov": 11, "dec": 12},
		weekdays: map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
			"friday": 5, "saturday": 6},
		nonPersonFollowers: set("administration", "government", "campaign", "era", "doctrine", "plan",
			"presidency", "white", "regime", "camp", "family", "foundation", "library", "center", "centre",
			"institute", "prize", "award", "cup", "trophy", "street", "avenue", "square", "bridge", "airport",
			"station", "stadium", "arena", "building", "tower", "hall", "park", "river", "road", "school",
			"university", "college", "hospital", "doctrine", "team", "years", "legacy", "method", "rule",
			"effect", "syndrome", "disease", "act", "law", "bill", "amendment", "agreement", "accords",
			"accord", "protocol", "principle", "memorial", "house", "museum", "era", "cabinet", "-led",
			"loyalists", "supporters", "allies", "voters", "administration's", "government's", "coalition",
			"ministry", "trust", "group", "brand", "model", "line", "channel", "show", "podcast"),
		titleCues: set("podcast", "book", "film", "movie", "documentary", "report", "album", "song", "show",
			"series", "programme", "program", "article", "op-ed", "column", "essay", "titled", "entitled",
			"headlined", "named", "dubbed", "called", "nicknamed", "branded", "code-named", "codenamed",
			"operation", "campaign", "initiative", "slogan", "motto", "hashtag", "banner", "newsletter",
			"magazine", "novel", "memoir", "play", "opera", "poem", "painting", "exhibition", "episode",
			"segment", "headline", "study", "paper", "manifesto", "plan", "tagline", "theme", "phrase", "term",
			"word", "words", "label", "labelled", "labeled", "termed", "known"),
		scareCues: set("so-called", "self-styled", "self-described", "supposed", "alleged", "quote-unquote", "dubbed", "nicknamed"),
		groupNouns: set("officials", "official", "leaders", "leader", "delegation", "delegations", "team",
			"teams", "negotiators", "mediators", "counterparts", "intelligence", "diplomats", "envoys",
			"representatives", "ministers", "authorities", "government", "officers", "chiefs", "side",
			"security", "military", "commanders", "generals", "spies", "agents"),
		pronouns: map[string]pronoun{
			"he": {male: true}, "him": {male: true}, "his": {male: true}, "himself": {male: true},
			"she": {female: true}, "her": {female: true}, "hers": {female: true}, "herself": {female: true},
			"they": {male: true, female: true, plural: true},
		},
	}
}
