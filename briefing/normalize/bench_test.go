package normalize

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkNormalizeText measures a 5 KB plain-text article.
func BenchmarkNormalizeText(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(seedDir, "003_17d541fd9fb80723.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Normalize("003.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNormalizeHTML measures the test page.
func BenchmarkNormalizeHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Normalize("page.html", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNormalizeMarkdown measures the test markdown file.
func BenchmarkNormalizeMarkdown(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.md"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Normalize("article.md", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
