package names

import (
	"sync"
	"testing"

	"briefbot/briefing/lexicon"
)

var (
	lexOnce sync.Once
	lex     *lexicon.Lexicon
)

func matcher(t testing.TB) *Matcher {
	lexOnce.Do(func() {
		var err error
		if lex, err = lexicon.Load(); err != nil {
			panic(err)
		}
	})
	return NewMatcher(lex)
}

func TestParse(t *testing.T) {
	tests := []struct {
		in                                string
		given, surname, particles, suffix string
		middle                            int
	}{
		{"Mohammed bin Abdulrahman Al-Thani", "mohammed", "thani", "al", "", 1},
		{"Mohammed Bin Salman", "mohammed", "salman", "bin", "", 0},
		{"William J. Burns", "william", "burns", "", "", 1},
		{"Ursula von der Leyen", "ursula", "leyen", "von der", "", 0},
		{"Robert F. Kennedy Jr.", "robert", "kennedy", "", "jr", 1},
		{"Itamar Ben-Gvir", "itamar", "gvir", "ben", "", 0},
		{"Ben-Gvir", "", "gvir", "ben", "", 0},
		{"Ben Smith", "ben", "smith", "", "", 0},
		{"Al Otaiba", "", "otaiba", "al", "", 0},
		{"Sheikh Tamim", "", "tamim", "", "", 0},
		{"Jean-Pierre Raffarin", "jeanpierre", "raffarin", "", "", 0},
	}
	for _, tt := range tests {
		n := Parse(tt.in)
		if n.Given != tt.given || n.Surname != tt.surname || n.Particles != tt.particles || n.Suffix != tt.suffix || len(n.Middle) != tt.middle {
			t.Errorf("Parse(%q) = %+v", tt.in, n)
		}
	}
}

func TestCompatible(t *testing.T) {
	m := matcher(t)
	tests := []struct {
		a, b string
		want bool
	}{
		{"William Burns", "Bill Burns", true},
		{"Antony Blinken", "Tony Blinken", true},
		{"Abbas Kamel", "Abbas Kamal", true},
		{"Mohammed Al-Thani", "Mohammed bin Abdulrahman Al-Thani", true},
		{"Mohammed Al Thani", "Mohammed Al-Thani", true},
		{"Muhammad Al-Thani", "Mohammed Al-Thani", true},
		{"Volodymyr Zelenskyy", "Volodymyr Zelensky", true},
		{"Ismail Haniyeh", "Ismail Haniya", true},
		{"William J. Burns", "William Burns", true},
		{"Burns", "William Burns", true},
		{"Suzuki Masahiro", "Masahiro Suzuki", true},
		{"Huang", "Huang Jianguo", true},   // family name first: Huang is a surname, Jianguo is not
		{"Jianguo", "Huang Jianguo", true}, // or given name first
		{"Jordan", "Jordan Smith", false},  // Smith is a surname too: Jordan is the given name
		{"Mohammed Bin Salman", "Mohammed bin Abdulrahman Al-Thani", false},
		{"Tamim bin Hamad Al Thani", "Mohammed bin Abdulrahman Al-Thani", false},
		{"William J. Burns", "William H. Burns", false},
		{"Robert Kennedy Jr.", "Robert Kennedy", false},
		{"Hale Jr.", "Walter Hale", false},
		{"Hale", "Robert Hale Jr.", true},
		{"Bob Hale", "Robert Hale Sr.", true},
		{"Robert Hale Jr.", "Robert Hale Sr.", false},
		{"Gaddafi", "Muammar Qadhafi", true},
		{"Kennedy Jr.", "Kennedy Sr.", false},
		{"Tom Burns", "Tom Barnes", false},
		{"Yair Lapid", "Tal Lapid", false},
		{"Muhammad bin Zayed", "Mohamed bin Zayed Al Nahyan", true},
		{"Mohammed bin Salman Al Saud", "Mohammed bin Salman", true},
		{"Mohammed bin Salman", "Mohammed bin Rashid Al Maktoum", false},
		{"Abdullah bin Zayed", "Mohamed bin Zayed Al Nahyan", false},
	}
	for _, tt := range tests {
		if got := m.Compatible(Parse(tt.a), Parse(tt.b)); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestQueryScore(t *testing.T) {
	m := matcher(t)
	for _, tt := range []struct {
		q, name string
		ok      bool
	}{
		{"kamal", "Abbas Kamel", true},
		{"bill burns", "William Burns", true},
		{"BARNEA", "David Barnea", true},
		{"al thani", "Mohammed bin Abdulrahman Al-Thani", true},
		{"mohammed", "Mohammed Bin Salman", true},
		{"burns", "David Barnea", false},
		{"zzz", "David Barnea", false},
	} {
		if got := m.QueryScore(tt.q, Parse(tt.name)) > 0; got != tt.ok {
			t.Errorf("QueryScore(%q, %q) > 0 = %v, want %v", tt.q, tt.name, got, tt.ok)
		}
	}
}

// FuzzCompatible checks Parse never panics and Compatible is symmetric:
// whether two names can be one person does not depend on the order.
func FuzzCompatible(f *testing.F) {
	for _, p := range [][2]string{{"William Burns", "Bill Burns"}, {"Al-Thani", "Mohammed Al Thani"}, {"Jr.", "Sr."}, {"-", "bin"}, {"Sheikh Tamim", "Tamim bin Hamad"}} {
		f.Add(p[0], p[1])
	}
	m := matcher(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := Parse(a), Parse(b)
		if m.Compatible(na, nb) != m.Compatible(nb, na) {
			t.Fatalf("Compatible(%q, %q) is not symmetric", a, b)
		}
		m.QueryScore(a, nb)
		m.Keys(na)
	})
}
