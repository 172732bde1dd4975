package normalize

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"briefbot/briefing"
)

// texts returns the paragraph texts of a.
func texts(a briefing.Article) []string {
	out := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		out[i] = p.Text
	}
	return out
}

// mustNormalize normalises a text file or fails the test.
func mustNormalize(t *testing.T, source, data string) briefing.Article {
	t.Helper()
	a, err := Normalize(source, []byte(data), Options{})
	if err != nil {
		t.Fatalf("Normalize(%q): %v", source, err)
	}
	return a
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestErrors(t *testing.T) {
	big := bytes.Repeat([]byte("word "), 1<<20+100) // over 5 MiB
	controls := append([]byte("Some text "), bytes.Repeat([]byte{0x01, 0x02, 'a'}, 100)...)
	tests := []struct {
		name    string
		source  string
		data    []byte
		opts    Options
		want    error
		message string
	}{
		{"empty", "a.txt", nil, Options{}, ErrEmpty, "empty: no data"},
		{"whitespace", "a.txt", []byte(" \n\t\r\n \u00a0\u200b "), Options{}, ErrEmpty, "empty: only whitespace"},
		{"only noise", "a.txt", []byte("Advertisement\n\nShare this article\n3 Comments\n"), Options{}, ErrEmpty, "empty: no article text after removing page noise"},
		{"only bom", "a.txt", []byte("\xEF\xBB\xBF"), Options{}, ErrEmpty, "empty: only whitespace"},
		{"nul", "a.txt", []byte("Hello world, this is\x00 binary"), Options{}, ErrBinary, "binary content (NUL byte at offset 20)"},
		{"nul after bom", "a.txt", []byte("\xEF\xBB\xBFab\x00"), Options{}, ErrBinary, "binary content (NUL byte at offset 5)"},
		{"controls", "a.txt", controls, Options{}, ErrBinary, "control characters"},
		{"png", "photo.png", []byte("\x89PNG\r\n\x1a\n"), Options{}, ErrUnsupported, `unsupported format: ".png"`},
		{"pdf", "report.PDF", []byte("%PDF-1.7"), Options{}, ErrUnsupported, `".pdf"`},
		{"docx", "https://example.com/files/story.docx?dl=1", []byte("PK"), Options{}, ErrUnsupported, `".docx"`},
		{"invalid utf8", "a.txt", []byte("Caf\xe9 society is back in fashion."), Options{}, ErrInvalidUTF8, "invalid UTF-8 at byte 3"},
		{"invalid utf8 after bom", "a.txt", []byte("\xEF\xBB\xBFab\xff"), Options{}, ErrInvalidUTF8, "invalid UTF-8 at byte 5"},
		{"odd utf16", "a.txt", append(utf16Bytes("Hi there", false), 'x'), Options{}, ErrInvalidUTF16, "odd length"},
		{"utf16 nul", "a.txt", utf16Bytes("Hi\x00there", false), Options{}, ErrBinary, "NUL character at offset 6"},
		{"too large default", "a.txt", big, Options{}, ErrTooLarge, "too large: 5243380 bytes, limit 5242880"},
		{"too large option", "a.txt", []byte("Twelve bytes"), Options{MaxBytes: 10}, ErrTooLarge, "too large: 12 bytes, limit 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Normalize(tt.source, tt.data, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("message %q does not contain %q", err.Error(), tt.message)
			}
		})
	}
}

func TestSizeLimitExact(t *testing.T) {
	if _, err := Normalize("a.txt", []byte("Ten bytes."), Options{MaxBytes: 10}); err != nil {
		t.Errorf("input at the limit: %v", err)
	}
}

func TestDecoding(t *testing.T) {
	const want = "The talks in Doha resumed on Friday. “We’re close,” she said."
	tests := []struct {
		name string
		data []byte
	}{
		{"plain", []byte(want)},
		{"utf8 bom", append([]byte("\xEF\xBB\xBF"), want...)},
		{"utf16 le", utf16Bytes(want, false)},
		{"utf16 be", utf16Bytes(want, true)},
		{"utf16 le crlf", utf16Bytes("\r\n"+want+"\r\n", false)},
		{"nbsp and thin spaces", []byte("The\u00a0talks in\u2009Doha resumed\u202fon Friday. “We’re close,” she said.")},
		{"zero width", []byte("\u200bThe talks in Do\u200cha resumed on Fri\u200dday.\u2060 “We’re close,”\ufeff she said.")},
		{"tabs and runs", []byte("\t The   talks\tin Doha resumed on Friday.  “We’re close,”    she said.  \t")},
		{"controls dropped", []byte("The talks in Doha\x07 resumed on Friday. “We’re close,” she said.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Normalize("a.txt", tt.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(a); len(got) != 1 || got[0] != want {
				t.Errorf("paragraphs %q, want [%q]", got, want)
			}
		})
	}
}

func TestLineEndings(t *testing.T) {
	want := []string{"First paragraph of the story ends here.", "Second paragraph of the story ends here."}
	for name, in := range map[string]string{
		"lf":       "First paragraph of the story ends here.\n\nSecond paragraph of the story ends here.\n",
		"crlf":     "First paragraph of the story ends here.\r\n\r\nSecond paragraph of the story ends here.\r\n",
		"cr":       "First paragraph of the story ends here.\r\rSecond paragraph of the story ends here.\r",
		"mixed":    "First paragraph of the story ends here.\r\n\rSecond paragraph of the story ends here.",
		"u2029":    "First paragraph of the story ends here.\u2029Second paragraph of the story ends here.",
		"one line": "First paragraph of the story ends here.\r\nSecond paragraph of the story ends here.",
	} {
		a := mustNormalize(t, "a.txt", in)
		if got := texts(a); !equalStrings(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

func TestQuotesKept(t *testing.T) {
	in := "Blinken spoke ahead of his visit to Israel on Friday.“ This could have happened immediately,” he said. It’s ‘odd’ — isn't it – \"really\"?"
	a := mustNormalize(t, "a.txt", in)
	if got := texts(a); len(got) != 1 || got[0] != in {
		t.Errorf("got %q, want %q", got, in)
	}
}

func TestFormatDetection(t *testing.T) {
	const page = "\n  <!DOCTYPE html><html><head><title>A page title here</title></head><body><p>Body text of the page, long enough.</p></body></html>"
	tests := []struct {
		source, data, firstPara string
	}{
		{"story", page, "Body text of the page, long enough."},
		{"https://example.com/news/story", page, "Body text of the page, long enough."},
		{"story.php", "<html><body><p>Body text of the page.</p></body></html>", "Body text of the page."},
		{"story.txt", page, strings.TrimSpace(page)}, // the extension wins over sniffing
		{"notes.log", "Just some text that is plain.", "Just some text that is plain."},
		{"noext", "<p>Not sniffed as HTML.</p>", "<p>Not sniffed as HTML.</p>"},
		{"story.md", "**Bold** text here.", "Bold text here."},
		{"story.HTM", "<p>Upper-case extension.</p>", "Upper-case extension."},
	}
	for _, tt := range tests {
		a := mustNormalize(t, tt.source, tt.data)
		if a.Source != tt.source {
			t.Errorf("%s: Source %q", tt.source, a.Source)
		}
		if got := a.Paragraphs[0].Text; got != tt.firstPara {
			t.Errorf("%s: first paragraph %q, want %q", tt.source, got, tt.firstPara)
		}
	}
}

func TestURLSource(t *testing.T) {
	a := mustNormalize(t, "https://example.com/news/story.html", "<html><body><p>Text of the story.</p></body></html>")
	if a.URL != "https://example.com/news/story.html" {
		t.Errorf("URL %q", a.URL)
	}
	a = mustNormalize(t, "003_x.txt", "Text of the story.")
	if a.URL != "" {
		t.Errorf("URL %q for a file", a.URL)
	}
}
