package page

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract measures extracting the article of a realistic news
// page (the sample articles inside page chrome), per page.
func BenchmarkExtract(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("fixtures: %v", err)
	}
	pages := make([][]byte, len(paths))
	size := 0
	for i, p := range paths {
		if pages[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	i := 0
	for b.Loop() {
		if _, err := Extract(pages[i%len(pages)], "https://news.example/world/story", "text/html; charset=utf-8"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
