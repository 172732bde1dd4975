package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIsNoise(t *testing.T) {
	noise := []string{
		"Advertisement", "Advertisment", "ADVERTISEMENT", "Sponsored",
		"Advertisement - Scroll to continue", "Advertisement – Scroll to continue", "Filed under: North Africa, UN diplomacy, Notebook", "Tags: Gaza, ceasefire",
		"Story continues below advertisement",
		"Comments", "Comment", "3 Comments", "1 comment", "1,204 comments",
		"Share this article", "Share", "Share on Facebook", "Share on Twitter", "Share on X",
		"Share on WhatsApp", "Share on LinkedIn",
		"Read more: Blinken heads to Israel as pressure mounts", "Read more", "Read more …",
		"READ MORE: Hostage talks stall", "Read more »", "Read more Gaza coverage",
		"Also read: What we know about the proposal", "Related: Hamas responds to proposal",
		"Related articles", "Related", "Recommended", "Most read", "Most Popular",
		"Sign up for our Middle East newsletter", "Sign up to the Morning Briefing newsletter for free",
		"Subscribe", "Subscribe now", "Subscribe to our channel for the latest updates",
		"Follow us on Twitter", "Follow us on Facebook, Instagram and TikTok",
		"Click here to read the full report", "Click here",
		"Photo: Reuters", "Photograph: Ahmad Hasaballah/Getty Images", "Image: AFP",
		"Image caption: Palestinians wait for aid in Rafah", "Image source, Getty Images",
		"Image caption, Palestinians wait for aid", "Video caption: Blinken speaks in Cairo",
		"Caption: Smoke over Gaza City", "(Photo by Mahmud Hams / AFP)", "(Photo: Reuters)",
		"Smoke rises over Khan Younis on Thursday (Reuters)",
		"Antony Blinken speaks in Cairo (AP Photo/Evelyn Hockstein)",
		"Displaced Palestinians shelter in Rafah. Mahmud Hams / AFP via Getty Images",
		"Displaced Palestinians shelter in Rafah | AFP",
		"Blinken at a news conference. REUTERS/Evelyn Hockstein",
		"Credit: Reuters", "Copyright © 2024 The Example Times", "© 2024 Example Media Ltd.",
		"Copyright 2024 Example", "(c) 2024 Example Media", "All rights reserved.", "All rights reserved",
		"Listen to this article", "Listen to this article · 5 min",
		"5 min read", "12 minute read", "3 mins read",
		"Skip to content", "Skip to main content", "Loading…", "Loading...",
		"Updated March 21, 2024", "Updated: 10:45 GMT", "Updated 3 hours ago",
		"Last updated 21 March 2024, 10:45", "UPDATED 2024-03-21",
	}
	for _, s := range noise {
		if !isNoise(s) {
			t.Errorf("isNoise(%q) = false, want true", s)
		}
	}
	text := []string{
		"", "Efforts to Forge a Truce", "Looking Ahead",
		"The advertisement was pulled after complaints.",
		"Comments made by the minister drew criticism from Hamas.",
		"Share prices fell 3% in Tel Aviv on Friday.",
		"Read more carefully, the proposal leaves key questions open, diplomats said.",
		"Related talks in Paris last month ended without a deal.",
		"Recommended steps include a six-week pause in fighting.",
		"Subscribe, he said, was not the word he would use for a deal that Israel had accepted in principle but not in detail.",
		"Following us on the road were dozens of reporters.",
		"Photographers gathered outside the hotel in Doha.",
		"Blinken told Al Arabiya English in a video interview earlier in the day.",
		"Blinken said the U.S. would keep pushing, according to AP.",
		"Israel and Hamas are at odds over the sequencing of a deal, officials told Reuters.",
		"Updated figures from the health ministry show more than 31,000 dead.",
		"Loading trucks with aid has been slowed by inspections.",
		"The talks took 5 min to derail.",
		"Mossad chief David Barnea is set to meet with CIA director William Burns in Doha this Friday.",
		"“Read more about it,” he said.",
		"(c) the release of all remaining hostages within six weeks.",
		"Read more books, the minister urged.",
		"Subscribers were told the paper would close.",
	}
	for _, s := range text {
		if isNoise(s) {
			t.Errorf("isNoise(%q) = true, want false", s)
		}
	}
}

func TestNoiseRulesNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range noiseRules {
		if r.name == "" || r.match == nil || seen[r.name] {
			t.Errorf("bad or duplicate rule %q", r.name)
		}
		seen[r.name] = true
	}
}

func TestNoiseDroppedFromText(t *testing.T) {
	in := "Skip to content\nThe talks resumed in Doha on Friday, officials said.\n\nAdvertisement\n\n" +
		"Read more: Hostage talks stall\nBlinken said gaps were narrowing.\nShare on Facebook\n3 Comments\n"
	a := mustNormalize(t, "a.txt", in)
	want := []string{"The talks resumed in Doha on Friday, officials said.", "Blinken said gaps were narrowing."}
	if got := texts(a); !equalStrings(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestToLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC def", "Ünïcode ÀÉ “Quote” – DASH", "straße İ Σ", "\xff"} {
		if got, want := toLower(s), strings.ToLower(s); got != want && utf8.ValidString(s) {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}
