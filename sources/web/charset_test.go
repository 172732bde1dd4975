package web

import (
	"bytes"
	"strings"
	"testing"
)

func TestUTF8(t *testing.T) {
	tests := []struct {
		name        string
		body        string
		contentType string
	}{
		{"content-type charset", "<html><body><p>caf\xe9</p></body></html>", "text/html; charset=ISO-8859-1"},
		{"meta charset", `<html><head><meta charset="iso-8859-1"></head><body><p>caf` + "\xe9" + `</p></body></html>`, "text/html"},
		{"meta http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>caf` + "\xe9" + `</body></html>`, ""},
		{"plain text latin-1", "caf\xe9", "text/plain; charset=latin1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := UTF8([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatalf("UTF8: %v", err)
			}
			if !strings.Contains(string(got), "café") {
				t.Errorf("UTF8 = %q, want it to contain café", got)
			}
		})
	}
}

func TestUTF8Unchanged(t *testing.T) {
	for _, ct := range []string{"text/html; charset=utf-8", "text/html", ""} {
		body := []byte(`<html><head><meta charset="utf-8"></head><body>café — «ok»</body></html>`)
		got, err := UTF8(body, ct)
		if err != nil {
			t.Fatalf("UTF8(%q): %v", ct, err)
		}
		if !bytes.Equal(got, body) || &got[0] != &body[0] {
			t.Errorf("UTF8(%q) changed a UTF-8 body: %q", ct, got)
		}
	}
}
