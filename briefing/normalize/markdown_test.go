package normalize

import (
	"os"
	"path/filepath"
	"testing"

	"briefbot/briefing"
)

func TestMarkdownFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Normalize("article.md", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Mossad chief to meet CIA director in Doha" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published.String() != "2024-03-21" {
		t.Errorf("published %q", a.Published)
	}
	if a.URL != "https://www.example.com/world/mossad-cia-doha" || a.Outlet != "The Example Times" {
		t.Errorf("url %q outlet %q", a.URL, a.Outlet)
	}
	want := []briefing.Paragraph{
		{Text: "Mossad chief David Barnea will meet CIA director William Burns in Doha on Friday, officials said, as mediators press for a truce in Gaza."},
		{Text: "“The gaps are narrowing,” Secretary of State Antony Blinken told reporters in Cairo."},
		{Text: "A week of shuttle diplomacy", Heading: true},
		{Text: "Qatar’s prime minister will attend."},
		{Text: "Egypt’s intelligence chief, Abbas Kamel, is also expected."},
		{Text: "A vote at the UN is due on Friday."},
		{Text: "The ceasefire proposal[^1] is on the table, see the text."},
	}
	if len(a.Paragraphs) != len(want) {
		t.Fatalf("paragraphs:\n%+v\nwant\n%+v", a.Paragraphs, want)
	}
	for i := range want {
		if a.Paragraphs[i] != want[i] {
			t.Errorf("paragraph %d = %+v, want %+v", i, a.Paragraphs[i], want[i])
		}
	}
}

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name, in, title, published string
		want                       []briefing.Paragraph
	}{
		{
			name:  "h1 is title, other headings kept",
			in:    "# Talks in Doha\n\nFirst paragraph here.\n\n### Next steps ###\n\nSecond paragraph here.",
			title: "Talks in Doha",
			want:  []briefing.Paragraph{{Text: "First paragraph here."}, {Text: "Next steps", Heading: true}, {Text: "Second paragraph here."}},
		},
		{
			name:  "front matter title wins, different h1 is a heading",
			in:    "---\ntitle: 'Front Title'\npublished: March 21, 2024\n---\n# Other Heading\n\nBody text here.",
			title: "Front Title", published: "2024-03-21",
			want: []briefing.Paragraph{{Text: "Other Heading", Heading: true}, {Text: "Body text here."}},
		},
		{
			name:  "setext heading",
			in:    "Talks in Doha\n=============\n\nBody text here.",
			title: "Talks in Doha",
			want:  []briefing.Paragraph{{Text: "Body text here."}},
		},
		{
			name:  "inline date prefix",
			in:    " date 2024-03-21 The talks resumed on *Friday*.\n\nMore text.",
			title: "The talks resumed on Friday", published: "2024-03-21",
			want: []briefing.Paragraph{{Text: "The talks resumed on Friday."}, {Text: "More text."}},
		},
		{
			name:  "no front matter: rule and text",
			in:    "---\nJust text after a rule.\n\n---\n\nMore text here.",
			title: "Just text after a rule",
			want:  []briefing.Paragraph{{Text: "Just text after a rule."}, {Text: "More text here."}},
		},
		{
			name: "source key",
			in:   "---\ntitle: T\nsource: Reuters\n---\nBody text.",
			want: []briefing.Paragraph{{Text: "Body text."}},
		},
		{
			name: "unclosed fence drops the rest",
			in:   "Before the code.\n\n~~~\ncode\n",
			want: []briefing.Paragraph{{Text: "Before the code."}},
		},
		{
			name: "nested quotes and task lists",
			in:   "> > Deeply quoted text.\n\n- [x] Done item.\n- [ ] Open item.\n+ Plus item.\n2) Paren item.",
			want: []briefing.Paragraph{{Text: "Deeply quoted text."}, {Text: "Done item."}, {Text: "Open item."}, {Text: "Plus item."}, {Text: "Paren item."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustNormalize(t, "x.md", tt.in)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.Published.String() != tt.published {
				t.Errorf("published %q, want %q", a.Published, tt.published)
			}
			if len(a.Paragraphs) != len(tt.want) {
				t.Fatalf("paragraphs %+v, want %+v", a.Paragraphs, tt.want)
			}
			for i := range tt.want {
				if a.Paragraphs[i] != tt.want[i] {
					t.Errorf("paragraph %d = %+v, want %+v", i, a.Paragraphs[i], tt.want[i])
				}
			}
		})
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"},
		{"snake_case_name stays", "snake_case_name stays"},
		{"5 * 3 = 15", "5 * 3 = 15"},
		{"~~struck~~ and ~5 km", "struck and ~5 km"},
		{"use `go test` now", "use go test now"},
		{"``code with ` tick``", "code with ` tick"},
		{"a [link](https://example.com/a_(b)) here", "a link here"},
		{"a [ref link][1] here", "a ref link here"},
		{"an ![image](x.png) here", "an here"},
		{"[![badge](b.svg)](https://x)", ""},
		{"[in Doha] stays", "[in Doha] stays"},
		{"see <https://example.com> or <mailto:a@b.c>", "see https://example.com or a@b.c"},
		{"line<br>break and <span class=\"x\">span</span>", "line break and span"},
		{"x < y and y > z", "x < y and y > z"},
		{`escaped \*stars\* and \_under\_`, "escaped *stars* and _under_"},
		{"“Curly” quotes – dashes’ kept", "“Curly” quotes – dashes’ kept"},
		{"unclosed [bracket and (paren", "unclosed [bracket and (paren"},
	}
	for _, tt := range tests {
		if got := mdInline(tt.in, 0); got != tt.want {
			t.Errorf("mdInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
