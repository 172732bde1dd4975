package fold

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Al-Thani", "al thani"},
		{"al Thani", "al thani"},
		{"U.S.", "us"},
		{"Ségolène Royal", "segolene royal"},
		{"Egypt’s", "egypts"},
		{"O'Brien", "obrien"},
		{"  Zelenskyy  ", "zelenskyy"},
		{"Łukasz Øster", "lukasz oster"},
		{"Sharm el-Sheikh", "sharm el sheikh"},
		{"", ""},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Compact("Al Thani"); got != "althani" {
		t.Errorf("Compact = %q", got)
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Al-Thani", "Ségolène", "U.S.", "\xff", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
	})
}
