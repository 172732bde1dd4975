package corpusgen

// outletNames are invented publications; an article names its outlet only in
// a closing line such as "— The Harbour Ledger".
var outletNames = []string{
	"The Harbour Ledger", "Northgate Courier", "The Meridian Post", "Capital Dispatch",
	"The Lantern Review", "Coastline Daily", "The Ridgeway Times", "Evening Almanac",
	"The Granite Herald", "Weekly Compass", "The Tidewater Gazette", "Riverside Chronicle",
	"The Observer Quarter", "Saltmarsh Press", "The Continental Wire", "Highland Sentinel",
	"The Morning Beacon", "Crossroads Journal", "The Copper Kettle Times", "Atlas Report",
	"The Eastern Standard", "Pennant Daily", "The Open Ledger", "Meridian Wire Service",
	"The Civic Register", "Harborview News", "The Plainsman", "Overland Bulletin",
	"The Quayside Mercury", "Northern Lights Review", "The Foundry Post", "Keystone Monitor",
	"The Southern Record", "Bellwether News", "The Daily Fathom", "Signal Hill Herald",
	"The Westbrook Examiner", "Frontline Digest", "The Cobblestone Courier", "Summit Gazette",
	"The Long Table Review", "Driftwood Daily", "The Calendar", "Ironside Times",
	"The Weathervane", "Market Street Journal", "The Borderline", "Amberley Telegraph",
	"The Orchard Press", "Lighthouse Wire",
}
