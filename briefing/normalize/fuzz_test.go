package normalize

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, path := range seedFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("seed.txt", data)
	}
	for _, path := range []string{"testdata/page.html", "testdata/article.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(path, data)
	}
	for _, s := range []string{
		"",
		" date 2024-02-30 Impossible date.",
		"date 2024-03-21",
		"Advertisement\n\nComments",
		"Title Line\nPublished: March 21, 2024\n\nBody text here.",
		"negoti-\nations and more words on a hard wrapped line here\nand more",
		"\xEF\xBB\xBFBOM text",
		"\xFF\xFEH\x00i\x00",
		"\xFE\xFF\x00H\x00i",
		"a\u00a0b\u200bc\r\nd\re\tf",
		"Friday.“ This could have happened,” he said.",
		"---\ntitle: x\n---\n# H\n- item\n  cont\n```\ncode",
		"[[[[[[[[](((((((](",
		"<!doctype html><p>a<br>b</p><article><li>x</li></article>",
		"<html><div><div><p>",
		"<html><body><p>Share</p><p> </p></body></html>",
		"Read more\n\n-\n\n*",
		"\x00binary",
	} {
		for _, name := range []string{"x.txt", "x.md", "x.html", "x"} {
			f.Add(name, []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, source string, data []byte) {
		a, err := Normalize(source, data, Options{})
		if err != nil {
			return
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("success without paragraphs")
		}
		if a.Source != source {
			t.Fatalf("Source %q, want %q", a.Source, source)
		}
		for _, s := range []string{a.Title, a.URL, a.Outlet} {
			if !utf8.ValidString(s) || strings.Contains(s, "\n") {
				t.Fatalf("bad field %q", s)
			}
		}
		for i, p := range a.Paragraphs {
			switch {
			case p.Text == "":
				t.Fatalf("paragraph %d empty", i)
			case !utf8.ValidString(p.Text):
				t.Fatalf("paragraph %d not UTF-8: %q", i, p.Text)
			case strings.Contains(p.Text, "\n"):
				t.Fatalf("paragraph %d has a newline: %q", i, p.Text)
			case unicode.IsSpace(firstRune(p.Text)) || unicode.IsSpace(lastRune(p.Text)):
				t.Fatalf("paragraph %d not trimmed: %q", i, p.Text)
			case isNoise(p.Text):
				t.Fatalf("paragraph %d is noise: %q", i, p.Text)
			}
		}
	})
}
