package page

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"briefbot/briefing/normalize"
)

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.html"))
	for _, name := range append(files, seeds...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, "text/html")
		}
	}
	for _, s := range []string{
		"", "<", "<html>", "<p>x</p>", "\xff\xfe<\x00h\x00",
		`<meta charset="shift_jis"><p>` + filler + filler + `</p>`,
		`<article><p>` + filler + `</p><p>` + filler + `</p><time datetime="2024-03-01">x</time></article>`,
		`<script type="application/ld+json">[[[{"@type":"NewsArticle","datePublished":"x"}]]]</script><p>` + filler + filler + `</p>`,
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<p>caf\xe9 "+filler+filler+"</p>"), "text/html; charset=latin1")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		if len(raw) > 64<<10 {
			return
		}
		p, err := Extract(raw, "https://fuzz.example/news/story", contentType)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if !utf8.Valid(p.HTML) {
			t.Fatalf("page HTML is not UTF-8")
		}
		if !utf8.ValidString(p.Title) || !utf8.ValidString(p.Byline) || !utf8.ValidString(p.SiteName) {
			t.Fatalf("metadata is not UTF-8: %+v", p)
		}
		// The document must be readable by the normaliser; it may still
		// find no paragraphs in it.
		_, _ = normalize.Normalize("https://fuzz.example/news/story", p.HTML, normalize.Options{})
	})
}
