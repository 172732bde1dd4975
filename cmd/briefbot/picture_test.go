package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// decodePNG reads a written picture and checks the limits.
func decodePNG(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s does not decode: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() > 1600 || b.Dx() < 400 || len(data) > 1<<20 {
		t.Errorf("%s: %d×%d pixels, %d bytes", path, b.Dx(), b.Dy(), len(data))
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm() != 0o644 {
		t.Errorf("%s: mode %v, want 0644", path, st.Mode().Perm())
	}
}

func TestGraphCommand(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "g.png")
	// The person comes before --out: flags after the positional work.
	r := run(t, "graph", "--db", db, "barnea", "--out", out)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "Meeting network of David Barnea",
		"• William Burns — CIA director: 2 meetings (1 held, 1 planned)",
		"• Mohammed bin Abdulrahman Al-Thani", "• Abbas Kamel")
	wantContains(t, "stderr", r.stderr, "wrote "+out)
	decodePNG(t, out)

	r = run(t, "graph", "--db", db, "--depth", "2", "--json", "barnea", "--out", out)
	wantCode(t, r, exitOK)
	var ans struct {
		Network struct {
			Depth int `json:"depth"`
			Nodes []struct {
				Name string `json:"name"`
			} `json:"nodes"`
		} `json:"network"`
	}
	decodeJSON(t, r.stdout, &ans)
	if ans.Network.Depth != 2 || len(ans.Network.Nodes) < 4 || ans.Network.Nodes[0].Name != "David Barnea" {
		t.Errorf("--json answer %+v", ans)
	}
	decodePNG(t, out)
}

func TestChartCommand(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	out := filepath.Join(t.TempDir(), "t.png")
	r := run(t, "chart", "--db", db, "--out", out)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "Articles per day", "2 articles on Thursday 21 March 2024.",
		"• Friday 22 March 2024: 1 meeting (planned)", "Without a date, so not on the chart: 3 articles")
	decodePNG(t, out)

	for _, subject := range [][]string{{"barnea"}, {"rafah"}, {"hostages", "release"}} {
		r = run(t, append(append([]string{"chart", "--db", db}, subject...), "--out", out)...)
		wantCode(t, r, exitOK)
		decodePNG(t, out)
	}
}

func TestPictureCommandErrors(t *testing.T) {
	t.Parallel()
	db := seededDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.png")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no person", []string{"graph", "--db", db, "--out", out}, exitUsage, "give a person"},
		{"no --out", []string{"graph", "--db", db, "barnea"}, exitUsage, "--out FILE.png"},
		{"bad depth", []string{"graph", "--db", db, "--depth", "3", "barnea", "--out", out}, exitUsage, "--depth is 1 or 2"},
		{"unknown person", []string{"graph", "--db", db, "nobodyxyz", "--out", out}, exitError, "No one called"},
		{"no meetings", []string{"graph", "--db", db, "dermer", "--out", out}, exitError, "nothing to draw"},
		{"a directory as --out", []string{"graph", "--db", db, "barnea", "--out", dir}, exitUsage, "is a directory"},
		{"no such directory", []string{"chart", "--db", db, "--out", filepath.Join(dir, "missing", "t.png")}, exitError, "does not exist"},
		{"topic with no words", []string{"chart", "--db", db, "***", "--out", out}, exitError, "Give a person or a topic"},
		{"topic matching nothing", []string{"chart", "--db", db, "zzzqqq", "--out", out}, exitError, "No dated articles about"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			wantCode(t, r, tt.code)
			wantContains(t, "stderr", r.stderr, tt.want)
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed command wrote %s", out)
	}
	r := run(t, "graph", "--db", db, "--json", "nobodyxyz", "--out", out)
	var e map[string]json.RawMessage
	decodeJSON(t, r.stdout, &e)
	if _, ok := e["error"]; !ok {
		t.Errorf("--json error: %s", r.stdout)
	}
}
