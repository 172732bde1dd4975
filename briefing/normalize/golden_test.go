package normalize

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/briefing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedDir holds the real sample articles.
const seedDir = "../../corpus/seeds"

// seedFiles returns the paths of the sample articles.
func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no seed files in %s", seedDir)
	}
	return files
}

// articleJSON renders an Article as the golden files store it.
func articleJSON(t *testing.T, a briefing.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, path := range seedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Normalize(name, data, Options{})
			if err != nil {
				t.Fatalf("Normalize: %v", err)
			}
			got := articleJSON(t, a)
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./briefing/normalize -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (rerun with -update after checking):\n%s", golden, got)
			}
		})
	}
}

// TestSeedFacts checks by rule what the golden files should hold, so that
// a careless -update cannot bless a regression.
func TestSeedFacts(t *testing.T) {
	want := map[string]struct {
		published string
		headings  []string
	}{
		"000_619e3d11a67195ae.txt": {"", []string{"Efforts to Forge a Truce", "Challenges and Progress", "Global Response and Next Steps"}},
		"001_01289765024a45e3.txt": {"2024-03-21", []string{"Strategic Diplomacy in Action", "Brokering Peace Amidst Conflict", "Implications and Future Prospects"}},
		"002_9ca1e063e595d5e0.txt": {"", nil},
		"003_17d541fd9fb80723.txt": {"", []string{"Negotiation efforts amid Gaza crisis"}},
		"004_96a133d52f3f5cc3.txt": {"2024-03-21", []string{"Progress Amidst Challenges", "International Involvement and Pressure", "Looking Ahead"}},
	}
	for _, path := range seedFiles(t) {
		name := filepath.Base(path)
		w, ok := want[name]
		if !ok {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Normalize(name, data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := a.Published.String(); got != w.published {
			t.Errorf("%s: published %q, want %q", name, got, w.published)
		}
		var headings []string
		for _, p := range a.Paragraphs {
			if p.Heading {
				headings = append(headings, p.Text)
			}
			if isNoise(p.Text) || p.Text == "Advertisment" || p.Text == "Comments" {
				t.Errorf("%s: noise paragraph %q", name, p.Text)
			}
			if strings.HasPrefix(p.Text, "date ") {
				t.Errorf("%s: date prefix left in %q", name, p.Text)
			}
		}
		if !equalStrings(headings, w.headings) {
			t.Errorf("%s: headings %q, want %q", name, headings, w.headings)
		}
		if a.Title == "" || len([]rune(a.Title)) > maxTitleLen {
			t.Errorf("%s: bad title %q", name, a.Title)
		}
		for _, mark := range []string{"’", "‘", "“", "”", "–", "—", "'", `"`} {
			if in, out := strings.Count(string(data), mark), strings.Count(a.Body(), mark); in != out {
				t.Errorf("%s: %d × %s in the input, %d in the body", name, in, mark, out)
			}
		}
	}
}

func TestSeedQuoteSpacingKept(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(seedDir, "003_17d541fd9fb80723.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Normalize("003_17d541fd9fb80723.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	for _, s := range []string{"Friday.“ This could", "food insecurity.“We must", "we don’t support.”“It’s also", "the war.He said"} {
		if !strings.Contains(body, s) {
			t.Errorf("body lost %q", s)
		}
	}
	if len(a.Paragraphs) != 30 {
		t.Errorf("%d paragraphs, want 30 (one per line)", len(a.Paragraphs))
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
