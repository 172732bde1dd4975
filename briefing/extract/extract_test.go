package extract

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/lexicon"
)

var (
	lexOnce sync.Once
	testLex *lexicon.Lexicon
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	lexOnce.Do(func() {
		var err error
		if testLex, err = lexicon.Load(); err != nil {
			panic(err)
		}
	})
	return New(testLex)
}

// article builds an article from paragraphs separated by blank lines.
func article(text, published string) briefing.Article {
	a := briefing.Article{Source: "test.txt", Title: "Test"}
	if published != "" {
		a.Published, _ = briefing.ParseDate(published)
	}
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		a.Paragraphs = append(a.Paragraphs, briefing.Paragraph{Text: strings.TrimSpace(p)})
	}
	return a
}

func speakerName(ex briefing.Extraction, q briefing.ExtractedQuote) string {
	if q.Speaker < 0 {
		return ""
	}
	return ex.Entities[q.Speaker].Name
}

type wantQuote struct {
	speaker string
	prefix  string // the quote text starts with this
	partial bool
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{
			name: "attribution after",
			text: `“We will not give up,” Foreign Minister Lina Castell said on Monday.`,
			want: []wantQuote{{"Lina Castell", "We will not give up", false}},
		},
		{
			name: "inverted attribution with apposition",
			text: `"The merger harms consumers," said Lina Khan, the FTC chair.`,
			want: []wantQuote{{"Lina Khan", "The merger harms consumers", false}},
		},
		{
			name: "attribution before with colon",
			text: `Sebastian Coe, president of World Athletics, told reporters: "The rules are clear."`,
			want: []wantQuote{{"Sebastian Coe", "The rules are clear.", false}},
		},
		{
			name: "split quote is two quotes of one speaker",
			text: `“The gaps are narrowing,” Antony Blinken said. “We are not there yet.”`,
			want: []wantQuote{{"Antony Blinken", "The gaps are narrowing", false}, {"Antony Blinken", "We are not there yet.", false}},
		},
		{
			name: "pronoun speaker prefers the previous subject over an object",
			text: `Antony Blinken met Egyptian Foreign Minister Sameh Shoukry in Cairo on Wednesday.

“We are making progress,” he said.`,
			want: []wantQuote{{"Antony Blinken", "We are making progress", false}},
		},
		{
			name: "pronoun with gender",
			text: `Prime Minister Mark Carney spoke after Chancellor Olaf Scholz. Maria Lopez, the mayor, listened.

“It was a good day,” she said.`,
			want: []wantQuote{{"Maria Lopez", "It was a good day", false}},
		},
		{
			name: "role noun speaker",
			text: `Secretary of State Antony Blinken arrived in Cairo on Thursday.

The Secretary of State said that “a major operation would be a mistake.”`,
			want: []wantQuote{{"Antony Blinken", "a major operation would be a mistake.", true}},
		},
		{
			name: "paragraph-opening quote continues the previous speaker",
			text: `Ron Dermer insisted that the operation would go ahead.

“We’re going in and we will finish the job.”`,
			want: []wantQuote{{"Ron Dermer", "We’re going in and we will finish the job.", false}},
		},
		{
			name: "unclosed quote ends at the paragraph",
			text: `Antony Blinken said there is “still difficult work to get there. But I believe it’s possible.

Other officials were less sure.`,
			want: []wantQuote{{"Antony Blinken", "still difficult work to get there.", true}},
		},
		{
			name: "according to",
			text: `“The deal is close,” according to Qatari Prime Minister Mohammed bin Abdulrahman Al-Thani.`,
			want: []wantQuote{{"Mohammed bin Abdulrahman Al-Thani", "The deal is close", false}},
		},
		{
			name: "partial quote inside a sentence",
			text: `Antony Blinken called the offer “serious” and urged a reply.`,
			want: []wantQuote{{"Antony Blinken", "serious", true}},
		},
		{
			name: "scare quotes and titles are not quotes",
			text: `Officials discussed the so-called “humanitarian pause” at length. Ron Dermer spoke on the podcast “Call Me Back” with Dan Senor.`,
			want: nil,
		},
		{
			name: "titles after a speech verb are not quotes",
			text: `Antony Blinken said the commitments in the "Washington Summit Declaration" went further. The agency published a report, "Buy or Bury: Serial Acquisitions in Consumer Messaging," last year.`,
			want: nil,
		},
		{
			name: "split quotation: the short second part keeps the speaker",
			text: `"We are not going to let this slide," said Lina Khan, the FTC chair. "The evidence is overwhelming."`,
			want: []wantQuote{{"Lina Khan", "We are not going to let this slide", false}, {"Lina Khan", "The evidence is overwhelming", false}},
		},
		{
			name: "indirect speech is not a quote",
			text: `Antony Blinken said the gaps were narrowing and an agreement was within reach.`,
			want: nil,
		},
		{
			name: "quote closed by a new opening mark",
			text: `“Children should not be dying of malnutrition.“We must not allow that to continue,” Antony Blinken stated.`,
			want: []wantQuote{{"Antony Blinken", "Children should not be dying", false}, {"Antony Blinken", "We must not allow", false}},
		},
		{
			name: "quote inside a quote stays one quote",
			text: `“He told me ‘we are done’ and left,” said Lina Castell.`,
			want: []wantQuote{{"Lina Castell", "He told me ‘we are done’ and left", false}},
		},
		{
			name: "a colon after the speaker's clause",
			text: `Mansour Al-Attiyah was blunt: "The market will judge whether this strategy works."`,
			want: []wantQuote{{"Mansour Al-Attiyah", "The market will judge", false}},
		},
		{
			name: "went on",
			text: `Boris Lysenko sat in the front row. “We are working around the clock,” he went on.`,
			want: []wantQuote{{"Boris Lysenko", "We are working around the clock", false}},
		},
		{
			name: "a characterising verb introduces a partial quote",
			text: `Ayu Razak dismissed the criticism as “reckless”.`,
			want: []wantQuote{{"Ayu Razak", "reckless", true}},
		},
		{
			name: "a paragraph-opening quote continues the person the previous paragraph ends on",
			text: `Ebrahim Naderi stated that the suspension was critical. Aissatou Nwachukwu told reporters that no decision had been taken. Naderi has held the post for several years.

“This decision was taken unanimously by the executive committee.”`,
			want: []wantQuote{{"Ebrahim Naderi", "This decision was taken", false}},
		},
		{
			name: "a surname that is also a company",
			text: `Suzuki Masahiro, the chief financial officer of Vantora Pharma, set out new terms. “The offer undervalues the company,” said Suzuki.`,
			want: []wantQuote{{"Suzuki Masahiro", "The offer undervalues", false}},
		},
		{
			name: "a family name written first",
			text: `Singaporean Trade Minister Liang Jun arrived on Monday. “The next few days will be decisive,” Liang said.`,
			want: []wantQuote{{"Liang Jun", "The next few days", false}},
		},
		{
			name: "unnamed speaker is not attributed to a nearby person",
			text: `Antony Blinken met Sameh Shoukry. “We are close,” an Israeli official said.`,
			want: nil,
		},
		{
			name: "a coach named by given name only, then by role; a possessive is not a speaker",
			text: `Sprinter Marcus Okafor and his dad-turned-coach Samuel have criticised the plan. "I have coached Marcus since he was twelve," the coach said. FIFA boss Gianni Infantino insisted there was room. Samuel Okafor isn't buying it. Asked about Infantino's comments, he laughed. "Room for everyone, just not at night," he said.`,
			want: []wantQuote{{"Samuel Okafor", "I have coached Marcus", false}, {"Samuel Okafor", "Room for everyone", false}},
		},
		{
			name: "a role given in a who-clause names the role-noun speaker; a clause after a semicolon has its own subject",
			text: `Burns sat down with Sheikh Mohammed bin Abdulrahman Al Thani, who is both Qatar's prime minister and its foreign minister, in Paris. Speaking in Washington on Monday, the Qatari premier said the mood had improved. “That is progress,” he told an audience. Nadia Farouk has called the design too fragile; Leila Haddad does not dispute that. “A fragile text is worth more,” she said.`,
			want: []wantQuote{{"Mohammed bin Abdulrahman Al Thani", "That is progress", false}, {"Leila Haddad", "A fragile text", false}},
		},
		{
			name: "a who-clause makes its person salient for one sentence, not two",
			text: `Tasha Greene, who chairs the Harbor Neighbors Association, called the deal "a giveaway dressed up as a bargain" and said her group would pack the chamber. Council President Elizabeth Moreno, whose district includes the site, was more cautious than Greene. “I’m not going to vote on a press release,” she said.`,
			want: []wantQuote{{"Tasha Greene", "a giveaway", true}, {"Elizabeth Moreno", "I’m not going to vote", false}},
		},
		{
			name: "a role description bridging to the person just named; the one told is not the speaker",
			text: `The sprinters have an ally in Seb Coe. The World Athletics boss, a double Olympic champion himself, told Thomas Bach in Lausanne that the draft was "not good enough for the athletes or the fans".`,
			want: []wantQuote{{"Seb Coe", "not good enough", true}},
		},
	}
	x := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := x.Extract(article(tt.text, ""))
			if len(ex.Quotes) != len(tt.want) {
				for _, q := range ex.Quotes {
					t.Logf("got [%s] %q partial=%v", speakerName(ex, q), q.Text, q.Partial)
				}
				t.Fatalf("got %d quotes, want %d", len(ex.Quotes), len(tt.want))
			}
			for i, w := range tt.want {
				q := ex.Quotes[i]
				if got := speakerName(ex, q); got != w.speaker {
					t.Errorf("quote %d speaker = %q, want %q", i, got, w.speaker)
				}
				if !strings.HasPrefix(q.Text, w.prefix) {
					t.Errorf("quote %d text = %q, want prefix %q", i, q.Text, w.prefix)
				}
				if q.Partial != w.partial {
					t.Errorf("quote %d partial = %v, want %v", i, q.Partial, w.partial)
				}
			}
		})
	}
}

type wantMeeting struct {
	people []string
	place  string
	status briefing.MeetingStatus
	when   string
	date   string
}

func TestMeetings(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		want      []wantMeeting
		calls     int
	}{
		{
			name:      "planned with list and weekday resolved",
			text:      `Mossad chief David Barnea is set to meet with CIA director William Burns and Egypt’s intelligence head Abbas Kamel in Doha this Friday.`,
			published: "2024-03-21",
			want:      []wantMeeting{{[]string{"David Barnea", "William Burns", "Abbas Kamel"}, "Doha", briefing.Planned, "this Friday", "2024-03-22"}},
		},
		{
			name:  "a phone call read from 'spoke by phone with' is not a meeting",
			text:  `Tim Cook spoke by phone with Lina Khan on Monday. Sundar Pichai spoke with reporters.`,
			want:  nil,
			calls: 1,
		},
		{
			name: "a participant joining in the next sentence",
			text: `French President Emmanuel Macron received Keir Starmer in Paris. German Chancellor Olaf Scholz joined them later.`,
			want: []wantMeeting{{[]string{"Emmanuel Macron", "Keir Starmer", "Olaf Scholz"}, "Paris", briefing.Held, "", ""}},
		},
		{
			name: "father and son in the subject, a particle surname in the object",
			text: `Robert Hale Jr. and his father, Robert Hale Sr., sat down with Ursula von der Leyen in Brussels.`,
			want: []wantMeeting{{[]string{"Robert Hale Jr", "Robert Hale Sr", "Ursula von der Leyen"}, "Brussels", briefing.Held, "", ""}},
		},
		{
			name: "the subject set off by commas after a role",
			text: `Sheikh Mohammed bin Abdulrahman Al Thani met William Burns, days after the emir, Sheikh Tamim bin Hamad Al Thani, hosted Ismail Haniyeh.`,
			want: []wantMeeting{
				{[]string{"Mohammed bin Abdulrahman Al Thani", "William Burns"}, "", briefing.Held, "", ""},
				{[]string{"Tamim bin Hamad Al Thani", "Ismail Haniyeh"}, "", briefing.Held, "", ""},
			},
		},
		{
			name:      "held, weekday looks back",
			text:      `Antony Blinken met Sameh Shoukry in Cairo on Tuesday.`,
			published: "2024-03-21",
			want:      []wantMeeting{{[]string{"Antony Blinken", "Sameh Shoukry"}, "Cairo", briefing.Held, "on Tuesday", "2024-03-19"}},
		},
		{
			name: "undated article keeps the words, no date",
			text: `Antony Blinken will meet Sameh Shoukry in Cairo on Friday.`,
			want: []wantMeeting{{[]string{"Antony Blinken", "Sameh Shoukry"}, "Cairo", briefing.Planned, "on Friday", ""}},
		},
		{
			name: "canceled",
			text: `The meeting between Antony Blinken and Sameh Shoukry in Cairo was called off.`,
			want: []wantMeeting{{[]string{"Antony Blinken", "Sameh Shoukry"}, "Cairo", briefing.Canceled, "", ""}},
		},
		{
			name: "later participants join the meeting",
			text: `David Barnea is set to meet William Burns in Qatar on Friday. Qatari Prime Minister Mohammed Al-Thani and Abbas Kamal will also participate in the Friday talks.`,
			want: []wantMeeting{{[]string{"David Barnea", "William Burns", "Mohammed Al-Thani", "Abbas Kamal"}, "Qatar", briefing.Planned, "on Friday", ""}},
		},
		{
			name: "phone call is not a meeting",
			text: `Antony Blinken spoke by phone with Sameh Shoukry on Monday. Joe Biden held a phone call with Benjamin Netanyahu.`,
			want: nil,
		},
		{
			name: "an interview is not a meeting",
			text: `On an episode of the Call Me Back podcast with Dan Senor, Ron Dermer insisted that the operation would happen.`,
			want: nil,
		},
		{
			name: "travel without a counterpart is not a meeting",
			text: `An Israeli team led by Ron Dermer and Tzachi Hanegbi is expected to travel to the United States next week.`,
			want: nil,
		},
		{
			name: "pronoun subject and a place before the trigger",
			text: `Antony Blinken said that while he was in Saudi Arabia, he met with its Crown Prince Mohammed Bin Salman to discuss normalization.`,
			want: []wantMeeting{{[]string{"Antony Blinken", "Mohammed Bin Salman"}, "Saudi Arabia", briefing.Held, "", ""}},
		},
		{
			name: "a role noun as the subject",
			text: `Thai volleyball champion Ngoc Razak will retire next year. The champion pulled out of talks with Lwazi Mengistu that had been planned in Accra.`,
			want: []wantMeeting{{[]string{"Ngoc Razak", "Lwazi Mengistu"}, "Accra", briefing.Canceled, "", ""}},
		},
		{
			name: "took part joins the meeting",
			text: `Corbel chair Kiprono Girma sat down with Masahiro Suzuki in Pretoria on Tuesday. Analyst Cai Ming also took part in the discussions.`,
			want: []wantMeeting{{[]string{"Kiprono Girma", "Masahiro Suzuki", "Cai Ming"}, "Pretoria", briefing.Held, "on Tuesday", ""}},
		},
		{
			name:      "a described object, a place after outside, an abbreviated month",
			text:      `Abdoulaye Bathily, the United Nations envoy for Libya, met the eastern commander Khalifa Haftar outside Benghazi on Tuesday. On Nov. 9 he held talks in Tripoli with Mohamed al-Menfi.`,
			published: "2023-11-22",
			want: []wantMeeting{
				{[]string{"Abdoulaye Bathily", "Khalifa Haftar"}, "Benghazi", briefing.Held, "on Tuesday", "2023-11-21"},
				{[]string{"Abdoulaye Bathily", "Mohamed al-Menfi"}, "Tripoli", briefing.Held, "On Nov. 9", "2023-11-09"},
			},
		},
		{
			name: "an owned role set off by commas in the object list",
			text: `Judge Harold Vance met with Daniel Matheson and Corvane's lead lawyer, Rebecca Sloane, in chambers. Sir Keir Starmer sat down with Ukraine's president, Volodymyr Zelenskyy, on the sidelines.`,
			want: []wantMeeting{
				{[]string{"Harold Vance", "Daniel Matheson", "Rebecca Sloane"}, "", briefing.Held, "", ""},
				{[]string{"Keir Starmer", "Volodymyr Zelenskyy"}, "", briefing.Held, "", ""},
			},
		},
		{
			name: "a meeting postponed after 'but', a pronoun hosted",
			text: `Gianni Infantino had been due to meet LA28 chairman Casey Wasserman in Los Angeles on Thursday, but that meeting has been postponed until the review is complete. Crown Prince Mohammed bin Salman stayed on. Narendra Modi is set to host him for a state visit on Monday.`,
			want: []wantMeeting{
				{[]string{"Gianni Infantino", "Casey Wasserman"}, "Los Angeles", briefing.Canceled, "on Thursday", ""},
				{[]string{"Narendra Modi", "Mohammed bin Salman"}, "", briefing.Planned, "on Monday", ""},
			},
		},
		{
			name: "a summit collects everyone the article places there",
			text: `British Prime Minister Keir Starmer met Ukrainian President Volodymyr Zelensky on the sidelines of the NATO summit in Washington on Tuesday. German Chancellor Olaf Scholz, speaking on the margins of the summit, promised another Patriot system. NATO Secretary General Jens Stoltenberg, who is chairing his last summit, spoke of unity. French President Emmanuel Macron, who did not attend the summit, sent a message.`,
			want: []wantMeeting{
				{[]string{"Keir Starmer", "Volodymyr Zelensky"}, "Washington", briefing.Held, "on Tuesday", ""},
				{[]string{"Keir Starmer", "Volodymyr Zelensky", "Olaf Scholz", "Jens Stoltenberg"}, "Washington", briefing.Held, "", ""},
			},
		},
		{
			name: "a stay at the summit, a press conference is not a gathering",
			text: `Antony Blinken spoke during a joint press conference with Sameh Shoukry in Cairo. During his Cairo press conference, he criticised Israel. Recep Tayyip Erdogan cut short his stay at the summit in Vilnius. Giorgia Meloni told reporters at the summit that Italy agreed.`,
			want: []wantMeeting{
				{[]string{"Antony Blinken", "Sameh Shoukry"}, "Cairo", briefing.Held, "", ""},
				{[]string{"Recep Tayyip Erdogan", "Giorgia Meloni"}, "Vilnius", briefing.Held, "", ""},
			},
		},
		{
			name: "plural subjects, a hosted ceremony with guests, 'as did'",
			text: `The Israeli team was led by Mossad director David Barnea and included Shin Bet chief Ronen Bar. They met CIA Director William Burns at a hotel in Paris. Indian Prime Minister Narendra Modi hosted the announcement in a side hall with U.S. President Joe Biden at his side. Mohamed bin Zayed joined them on the stage, as did Italian Prime Minister Giorgia Meloni.`,
			want: []wantMeeting{
				{[]string{"David Barnea", "Ronen Bar", "William Burns"}, "Paris", briefing.Held, "", ""},
				{[]string{"Narendra Modi", "Joe Biden", "Mohamed bin Zayed", "Giorgia Meloni"}, "", briefing.Held, "", ""},
			},
		},
		{
			name: "a round led by named people; a session called off is not the one planned",
			text: `The round was led by European Commission Vice-President Maroš Šefčovič and Britain's minister for trade policy, Sebastian Crane, with the EU's chief negotiator, Sabine Weyland. A session between Šefčovič and Crane originally planned for Oct. 19 had been postponed. Crane is now set to host Šefčovič in London next week.`,
			want: []wantMeeting{
				{[]string{"Maroš Šefčovič", "Sebastian Crane", "Sabine Weyland"}, "", briefing.Held, "", ""},
				{[]string{"Maroš Šefčovič", "Sebastian Crane"}, "", briefing.Canceled, "Oct. 19", ""},
				{[]string{"Sebastian Crane", "Maroš Šefčovič"}, "London", briefing.Planned, "next week", ""},
			},
		},
		{
			name: "a cabinet meeting of one party is not a meeting between people",
			text: `The unexpected cancellation of a critical meeting by Benjamin Netanyahu's war cabinet surprised observers.`,
			want: nil,
		},
		{
			name: "a hosted gathering: its plenary, its closing session, and the meetings held there",
			text: `Mukhtar Babayev, the Azerbaijani minister who will preside over COP29 next month, hosted the pre-COP meeting in Baku. Marina Silva, whose country hosts COP30 in Belém next year, sat down with Babayev on Thursday. Sergey Volkov told the plenary that gas was needed. Simon Stiell pulled Grace Wanjiru aside after the closing session on Friday.`,
			want: []wantMeeting{
				{[]string{"Mukhtar Babayev", "Sergey Volkov", "Simon Stiell", "Grace Wanjiru", "Marina Silva"}, "Baku", briefing.Held, "", ""},
				{[]string{"Marina Silva", "Mukhtar Babayev"}, "", briefing.Held, "on Thursday", ""},
				{[]string{"Simon Stiell", "Grace Wanjiru"}, "", briefing.Held, "on Friday", ""},
			},
		},
		{
			name: "a meeting told of without names is the one the next sentence names people at",
			text: `The heads of the American and Israeli intelligence services met Qatar's prime minister in Paris on Sunday. CIA Director William Burns and Mossad chief David Barnea sat down with Sheikh Mohammed bin Abdulrahman Al Thani for several hours.`,
			want: []wantMeeting{{[]string{"William Burns", "David Barnea", "Mohammed bin Abdulrahman Al Thani"}, "Paris", briefing.Held, "on Sunday", ""}},
		},
		{
			name: "a bare surname keeps naming whom it first named when a father of that name comes in",
			text: `Lawyers who appear before Harold T. Vance Jr. learn quickly that the judge does not like to be read to. Vance, 61, is the son of Harold Vance Sr., a civil rights lawyer. Vance met privately with Dan Matheson and Rebecca Sloane in chambers on Thursday.`,
			want: []wantMeeting{{[]string{"Harold T. Vance Jr", "Dan Matheson", "Rebecca Sloane"}, "", briefing.Held, "on Thursday", ""}},
		},
		{
			name: "a landmark in the host city; sitting in on the session; 'So did X'",
			text: `UAE President Sheikh Muhammad bin Zayed Al Nahyan hosted Indian Prime Minister Narendra Modi in Abu Dhabi on Tuesday. The two leaders held talks at Qasr Al Watan. Sheikh Abdullah bin Zayed Al Nahyan, the foreign minister, sat in on the session. So did India's External Affairs Minister S. Jaishankar.`,
			want: []wantMeeting{{[]string{"Muhammad bin Zayed Al Nahyan", "Narendra Modi", "Abdullah bin Zayed Al Nahyan", "S. Jaishankar"}, "Abu Dhabi", briefing.Held, "on Tuesday", ""}},
		},
		{
			name: "two named summits stay apart; 'where' places a meeting; 'alongside' places people at an event",
			text: `On Wednesday Narendra Modi travelled to Dubai, where he addressed the World Governments Summit and held talks with Sheikh Mohammed bin Rashid Al Maktoum. Crown Prince Mohammed bin Salman, who signed the memorandum alongside Modi and Joe Biden at the G20 summit in New Delhi last September, said nothing.`,
			want: []wantMeeting{
				{[]string{"Narendra Modi", "Mohammed bin Rashid Al Maktoum"}, "Dubai", briefing.Held, "On Wednesday", ""},
				{[]string{"Narendra Modi", "Mohammed bin Rashid Al Maktoum"}, "Dubai", briefing.Held, "", ""},
				{[]string{"Mohammed bin Salman", "Narendra Modi", "Joe Biden"}, "New Delhi", briefing.Held, "", ""},
			},
		},
		{
			name: "a meeting last month was not at this week's gathering",
			text: `Mukhtar Babayev hosted the pre-COP meeting in Baku. Marina Silva sat down with Babayev on Thursday. Babayev met Sergey Volkov last month.`,
			want: []wantMeeting{
				{[]string{"Mukhtar Babayev", "Marina Silva"}, "Baku", briefing.Held, "", ""},
				{[]string{"Marina Silva", "Mukhtar Babayev"}, "", briefing.Held, "on Thursday", ""},
				{[]string{"Mukhtar Babayev", "Sergey Volkov"}, "", briefing.Held, "last month", ""},
			},
		},
		{
			name: "an invitation names its guests, counted then listed two sentences on",
			text: `Envoy Abdoulaye Bathily met the eastern commander Khalifa Haftar outside Benghazi on Tuesday and said that he would invite the country's three main leaders to a meeting. “It is time,” he said. The three are Haftar; Mohamed al-Menfi, who heads the Presidential Council; and Aguila Saleh.`,
			want: []wantMeeting{
				{[]string{"Abdoulaye Bathily", "Khalifa Haftar"}, "Benghazi", briefing.Held, "on Tuesday", ""},
				{[]string{"Abdoulaye Bathily", "Khalifa Haftar", "Mohamed al-Menfi", "Aguila Saleh"}, "", briefing.Planned, "", ""},
			},
		},
		{
			name: "a roster of the wrong size names nobody; a named invitee needs none",
			text: `Emmanuel Macron invited Olaf Scholz to talks in Paris next week. Sanchez will invite the four leaders to a summit. The four are Meloni and Tusk.`,
			want: []wantMeeting{{[]string{"Emmanuel Macron", "Olaf Scholz"}, "Paris", briefing.Planned, "next week", ""}},
		},
		{
			name: "each clause keeps its own day",
			text: `On Nov. 9 Abdoulaye Bathily held talks in Tripoli with Mohamed al-Menfi, and he is set to meet Abdul Hamid Dbeibah there on Tuesday.`,
			want: []wantMeeting{
				{[]string{"Abdoulaye Bathily", "Mohamed al-Menfi"}, "Tripoli", briefing.Held, "On Nov. 9", ""},
				{[]string{"Abdoulaye Bathily", "Abdul Hamid Dbeibah"}, "Tripoli", briefing.Planned, "on Tuesday", ""},
			},
		},
	}
	x := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := x.Extract(article(tt.text, tt.published))
			var got []briefing.ExtractedMeeting
			for _, m := range ex.Meetings {
				if m.Kind == briefing.InPerson {
					got = append(got, m)
				}
			}
			if len(got) != len(tt.want) {
				for _, m := range got {
					t.Logf("got %+v", m)
				}
				t.Fatalf("got %d meetings, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				var people []string
				for _, p := range m.Participants {
					people = append(people, ex.Entities[p].Name)
				}
				if strings.Join(people, "|") != strings.Join(w.people, "|") {
					t.Errorf("people = %q, want %q", people, w.people)
				}
				place := ""
				if m.Place >= 0 {
					place = ex.Entities[m.Place].Name
				}
				if place != w.place || m.Status != w.status || m.When != w.when || m.Date.String() != w.date {
					t.Errorf("place/status/when/date = %q/%s/%q/%q, want %q/%s/%q/%q", place, m.Status, m.When, m.Date, w.place, w.status, w.when, w.date)
				}
			}
		})
	}
}

func TestPeopleAndRoles(t *testing.T) {
	text := `Mossad chief David Barnea met CIA director Bill Burns and Nate Evans, spokesperson for the US mission to the United Nations, in Doha.

The Biden administration said Barnea and Burns made progress. Mohammed Bin Salman and Qatari Prime Minister Mohammed bin Abdulrahman Al-Thani were not present.`
	ex := testExtractor(t).Extract(article(text, ""))
	people := map[string]briefing.ExtractedEntity{}
	for _, e := range ex.Entities {
		if e.Kind == briefing.KindPerson {
			people[e.Name] = e
		}
	}
	want := map[string][]string{
		"David Barnea":                      {"Mossad chief"},
		"Bill Burns":                        {"CIA director"},
		"Nate Evans":                        {"spokesperson for the US mission to the United Nations"},
		"Mohammed Bin Salman":               nil,
		"Mohammed bin Abdulrahman Al-Thani": {"Qatari Prime Minister"},
	}
	for name, roles := range want {
		e, ok := people[name]
		if !ok {
			t.Errorf("missing person %q (have %v)", name, keys(people))
			continue
		}
		if strings.Join(e.Roles, "|") != strings.Join(roles, "|") {
			t.Errorf("%s roles = %q, want %q", name, e.Roles, roles)
		}
	}
	if _, ok := people["Biden"]; ok {
		t.Error(`"Biden administration" made Biden a person mention`)
	}
	if len(people) != len(want) {
		t.Errorf("people = %v, want %d", keys(people), len(want))
	}
	if !contains(people["David Barnea"].Aliases, "Barnea") || !contains(people["Bill Burns"].Aliases, "Burns") {
		t.Errorf("surnames not resolved: %q %q", people["David Barnea"].Aliases, people["Bill Burns"].Aliases)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestLeadingTitleAndOrganisationWords(t *testing.T) {
	text := `The lead climate negotiator of Mexico, Adriana González, has become a prominent voice. Solvane Glass strategy director Maryam Salehi agreed. Observers said the mood had improved.`
	ex := testExtractor(t).Extract(article(text, ""))
	roles := map[string][]string{}
	for _, e := range ex.Entities {
		if e.Kind == briefing.KindPerson {
			roles[e.Name] = e.Roles
		}
	}
	want := map[string]string{"Adriana González": "lead climate negotiator of Mexico", "Maryam Salehi": "Solvane Glass strategy director"}
	for name, role := range want {
		if strings.Join(roles[name], "|") != role {
			t.Errorf("%s roles = %q, want %q", name, roles[name], role)
		}
	}
	ex2 := testExtractor(t).Extract(article(`The documentary “The Referee’s Notebook” examined the dispute. Hearings continued in Dar es Salaam. Neighbouring states fear a spillover.`, ""))
	for _, e := range ex2.Entities {
		if e.Kind == briefing.KindPerson {
			t.Errorf("%q taken for a person", e.Name)
		}
		if e.Kind == briefing.KindPlace && e.Name != "Dar es Salaam" {
			t.Errorf("place %q, want only Dar es Salaam", e.Name)
		}
	}
	if _, ok := roles["Observers"]; ok || len(roles) != 2 {
		t.Errorf("people = %v, want only the two named", keys(roles))
	}
}

func TestFigures(t *testing.T) {
	text := `The deal could release some 40 of the remaining 134 hostages. Health officials reported the deaths of over 28,000 individuals. The fund holds $2.5 billion, and a 12 percent tariff applies from March 2024 on 7 October.`
	ex := testExtractor(t).Extract(article(text, ""))
	var got []string
	for _, f := range ex.Figures {
		got = append(got, f.Text)
	}
	want := []string{"some 40 of the remaining 134 hostages", "over 28,000 individuals", "$2.5 billion", "12 percent"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("figures = %q, want %q", got, want)
	}
	if ex.Figures[0].Value != 40 || ex.Figures[0].Of != 134 || ex.Figures[0].Unit != "hostages" {
		t.Errorf("first figure = %+v", ex.Figures[0])
	}
	if ex.Figures[2].Value != 2.5e9 || ex.Figures[2].Unit != "USD" {
		t.Errorf("money figure = %+v", ex.Figures[2])
	}
}

func TestSentences(t *testing.T) {
	text := `U.S. Secretary of State Antony Blinken met William J. Burns at 3 p.m. in Washington. He left the war.He said the talks went on. “We are close. Very close,” Mr. Blinken said. Dr. Smith agreed.`
	ex := testExtractor(t).Extract(article(text, ""))
	var got []string
	for _, s := range ex.Sentences {
		got = append(got, s.Text)
	}
	want := []string{
		"U.S. Secretary of State Antony Blinken met William J. Burns at 3 p.m. in Washington.",
		"He left the war.",
		"He said the talks went on.",
		"“We are close. Very close,” Mr. Blinken said.",
		"Dr. Smith agreed.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzExtract checks that no input makes extraction panic or point
// outside its own tables.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`“We will,” he said.`, `"unclosed`, `” stray`, `‘single’ quotes, said Bob Smith.`,
		`Mr. . . Jr. Jr.`, `A met B in C on Friday.`, `$ % 1,2,3 of the 4`, "\u201c\u201c\u201d\u201d",
		`the so-called "x"`, `Al- bin al de van`, `...”“`, `He said: “”`,
	} {
		f.Add(s)
	}
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := briefing.Article{Source: "f.txt"}
		for _, p := range strings.Split(text, "\n") {
			if strings.TrimSpace(p) != "" {
				a.Paragraphs = append(a.Paragraphs, briefing.Paragraph{Text: p})
			}
		}
		ex := x.Extract(a)
		n := len(ex.Entities)
		for _, q := range ex.Quotes {
			if q.Speaker >= n || q.Sentence >= len(ex.Sentences) {
				t.Fatalf("quote out of range: %+v", q)
			}
		}
		for _, m := range ex.Meetings {
			for _, p := range append(append([]int{}, m.Participants...), m.Parties...) {
				if p < 0 || p >= n {
					t.Fatalf("meeting party out of range: %+v", m)
				}
			}
			if m.Place >= n {
				t.Fatalf("meeting place out of range: %+v", m)
			}
		}
	})
}

func TestRolesAroundNames(t *testing.T) {
	tests := []struct{ text, person, role string }{
		{`Biden spoke with Qatar's emir, Sheikh Tamim bin Hamad Al Thani, on Friday.`, "Tamim bin Hamad Al Thani", "Qatar's emir"},
		{`Burns met Sheikh Mohammed bin Abdulrahman Al Thani, who is both Qatar's prime minister and its foreign minister, in Paris.`, "Mohammed bin Abdulrahman Al Thani", "Qatar's prime minister and its foreign minister"},
		{`Marcus Okafor and his dad-turned-coach Samuel criticised the plan.`, "Samuel", "dad-turned-coach"},
		{`The sprinters have an ally in Seb Coe. The World Athletics boss said the draft was poor.`, "Seb Coe", "World Athletics boss"},
	}
	x := testExtractor(t)
	for _, tt := range tests {
		ex := x.Extract(article(tt.text, ""))
		found := false
		for _, e := range ex.Entities {
			if e.Name == tt.person {
				found = true
				if !slices.Contains(e.Roles, tt.role) {
					t.Errorf("%q: %s roles = %q, want %q among them", tt.text, tt.person, e.Roles, tt.role)
				}
			}
		}
		if !found {
			t.Errorf("%q: no person %q", tt.text, tt.person)
		}
	}
}
