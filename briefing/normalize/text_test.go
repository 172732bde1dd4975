package normalize

import (
	"strings"
	"testing"

	"briefbot/briefing"
)

func TestIsHeadingLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Efforts to Forge a Truce", true},
		{"Negotiation efforts amid Gaza crisis", true},
		{"Looking Ahead", true},
		{"2024 in Review", true},
		{"What Happens Next?", false},
		{"Blinken said he spoke about this plan with Shoukry.", false},
		{"Looking Ahead:", false},
		{"Looking ahead,", false},
		{"Still to come…", false},
		{"“Quoted Words Here”", false},
		{"\"Quoted words", false},
		{"lower-case start here", false},
		{"(Reporting by Jane Doe)", false},
		{"2024", false},
		{"One two three four five six seven eight nine ten eleven twelve", true},
		{"One two three four five six seven eight nine ten eleven twelve thirteen", false},
		{strings.Repeat("A", 101), false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isHeadingLike(tt.in); got != tt.want {
			t.Errorf("isHeadingLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTextParagraphs(t *testing.T) {
	type p = briefing.Paragraph
	tests := []struct {
		name  string
		in    string
		title string
		want  []p
	}{
		{
			name: "blank-line blocks with headings",
			in:   "Lead paragraph of the story ends here.\n\nEfforts to Forge a Truce\n\nSecond paragraph of the story.\n",
			want: []p{{Text: "Lead paragraph of the story ends here."}, {Text: "Efforts to Forge a Truce", Heading: true}, {Text: "Second paragraph of the story."}},
		},
		{
			name: "one line per paragraph",
			in:   "Lead paragraph of the story ends here.\nSecond line is its own paragraph.\nNegotiation efforts amid Gaza crisis\n“A quote,” he said.\nLast line.",
			want: []p{{Text: "Lead paragraph of the story ends here."}, {Text: "Second line is its own paragraph."}, {Text: "Negotiation efforts amid Gaza crisis", Heading: true}, {Text: "“A quote,” he said."}, {Text: "Last line."}},
		},
		{
			name: "hard wrapped",
			in: "Mossad chief David Barnea is set to meet with CIA director\n" +
				"William Burns in Doha this Friday, as the US presses mediators\n" +
				"to hasten negotiations for a truce.\n\n" +
				"The talks aim to bridge gaps between Israel and Hamas,\n" +
				"facilitated by key mediators Egypt and Qatar.\n",
			title: "Mossad chief David Barnea is set to meet with CIA director William Burns in Doha this Friday, as the US presses…",
			want: []p{
				{Text: "Mossad chief David Barnea is set to meet with CIA director William Burns in Doha this Friday, as the US presses mediators to hasten negotiations for a truce."},
				{Text: "The talks aim to bridge gaps between Israel and Hamas, facilitated by key mediators Egypt and Qatar."},
			},
		},
		{
			name: "hyphen breaks",
			in: "The negotiating teams of both sides resumed their negoti-\n" +
				"ations on Friday with Qatari Prime Minister Mohammed Al-\n" +
				"Thani and a delegation of the Egyptian intelligence ser-\n" +
				"vice led by Abbas Kamel, officials in Doha said.\n",
			want: []p{{Text: "The negotiating teams of both sides resumed their negotiations on Friday with Qatari Prime Minister Mohammed Al-Thani and a delegation of the Egyptian intelligence service led by Abbas Kamel, officials in Doha said."}},
		},
		{
			name: "wrapped paragraphs without blank lines",
			in: "Mossad chief David Barnea is set to meet with CIA director\n" +
				"William Burns in Doha this Friday, officials said on\n" +
				"Thursday.\n" +
				"The talks aim to bridge gaps between Israel and Hamas,\n" +
				"facilitated by key mediators Egypt and Qatar, amid\n" +
				"warnings.\n",
			want: []p{
				{Text: "Mossad chief David Barnea is set to meet with CIA director William Burns in Doha this Friday, officials said on Thursday."},
				{Text: "The talks aim to bridge gaps between Israel and Hamas, facilitated by key mediators Egypt and Qatar, amid warnings."},
			},
		},
		{
			name:  "title line",
			in:    "Mossad Chief to Meet CIA Director in Doha\n\nMossad chief David Barnea will meet William Burns on Friday.\n\nLooking Ahead\n\nThe talks continue.",
			title: "Mossad Chief to Meet CIA Director in Doha",
			want:  []p{{Text: "Mossad chief David Barnea will meet William Burns on Friday."}, {Text: "Looking Ahead", Heading: true}, {Text: "The talks continue."}},
		},
		{
			name:  "title line then wrapped text in one block",
			in:    "Talks Resume in Doha\nMossad chief David Barnea is set to meet with CIA director\nWilliam Burns in Doha this Friday, officials said on Thursday.\n",
			title: "Talks Resume in Doha",
			want:  []p{{Text: "Mossad chief David Barnea is set to meet with CIA director William Burns in Doha this Friday, officials said on Thursday."}},
		},
		{
			name:  "heading-like line alone is not a title or heading",
			in:    "Looking Ahead",
			title: "Looking Ahead",
			want:  []p{{Text: "Looking Ahead"}},
		},
		{
			name: "last line is never a heading",
			in:   "The talks resumed on Friday.\n\nReporting by Jane Doe",
			want: []p{{Text: "The talks resumed on Friday."}, {Text: "Reporting by Jane Doe"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustNormalize(t, "a.txt", tt.in)
			if len(a.Paragraphs) != len(tt.want) {
				t.Fatalf("paragraphs %+v, want %+v", a.Paragraphs, tt.want)
			}
			for i := range tt.want {
				if a.Paragraphs[i] != tt.want[i] {
					t.Errorf("paragraph %d = %+v, want %+v", i, a.Paragraphs[i], tt.want[i])
				}
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
		})
	}
}

func TestTitleFromText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Talks resumed in Doha. More text follows.", "Talks resumed in Doha"},
		{"Will the talks succeed? Nobody knows.", "Will the talks succeed?"},
		{"Talks resumed! More text.", "Talks resumed!"},
		{"The U.S. Secretary of State arrived. Then he left.", "The U.S. Secretary of State arrived"},
		{"Mr. Blinken and Dr. Smith met St. Paul's envoy and Gen. Jones. Then they left.", "Mr. Blinken and Dr. Smith met St. Paul's envoy and Gen. Jones"},
		{"John F. Kennedy airport was closed. Flights resumed.", "John F. Kennedy airport was closed"},
		{"He said “we are close.” Talks went on.", "He said “we are close.”"},
		{"The meeting at 10 a.m. Friday ended early. Then more.", "The meeting at 10 a.m. Friday ended early"},
		{"Prices rose 3.5 percent. Then fell.", "Prices rose 3.5 percent"},
		{"No sentence end here", "No sentence end here"},
		{"Ends with a period.", "Ends with a period"},
		{
			"Mossad chief David Barnea is set to meet with CIA director William Burns, Qatari Prime Minister Mohammed bin Abdulrahman Al-Thani, and Egypt’s intelligence head Abbas Kamel in Doha this Friday. This high-stakes gathering.",
			"Mossad chief David Barnea is set to meet with CIA director William Burns, Qatari Prime Minister Mohammed bin…",
		},
		{strings.Repeat("x", 200), strings.Repeat("x", 119) + "…"},
		{strings.Repeat("word, ", 40), strings.TrimSuffix(strings.Repeat("word, ", 20), ", ") + "…"},
	}
	for _, tt := range tests {
		got := titleFromText(tt.in)
		if got != tt.want {
			t.Errorf("titleFromText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if n := runeLen(got); n > maxTitleLen {
			t.Errorf("title of %d characters", n)
		}
	}
}
