package names

import "strings"

// Skeleton is a word's transliteration skeleton: its first letter, then
// its consonants with doubled letters collapsed and a final h dropped.
// Spellings of one name in Latin script usually share it: Kamel/Kamal → kml,
// Mohammed/Muhammad → mhmd, Zelensky/Zelenskyy/Zelenskiy → zlnsk.
func Skeleton(word string) string {
	if word == "" {
		return ""
	}
	b := make([]byte, 0, len(word))
	b = append(b, word[0])
	for i := 1; i < len(word); i++ {
		c := word[i]
		if isVowel(c) || c == ' ' || c == '-' {
			continue
		}
		if c == b[len(b)-1] {
			continue
		}
		b = append(b, c)
	}
	if len(b) > 2 && b[len(b)-1] == 'h' {
		b = b[:len(b)-1]
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}

// givenVariants groups transliterations of common given names (and a few
// family names) whose skeletons differ.
var givenVariants = [][]string{
	{"mohammed", "mohamed", "muhammad", "mohammad", "mohamad", "muhammed", "mohamud", "mehmet", "mehmed", "mohd"},
	{"ahmed", "ahmad", "ahmet"},
	{"yusuf", "youssef", "yousef", "yousif", "yusef", "yossef", "yousuf"},
	{"hussein", "hossein", "husain", "hussain", "husein", "huseyin"},
	{"abdel", "abdul", "abd", "abdal"},
	{"abdulrahman", "abdelrahman", "abdurrahman", "abdul rahman", "abdel rahman", "abdulrahmane"},
	{"abdullah", "abdallah", "abdulla"},
	{"sergei", "sergey", "serhiy", "serhii"},
	{"dmitry", "dmitri", "dmytro"},
	{"alexei", "alexey", "aleksei", "oleksiy", "oleksii"},
	{"yevgeny", "evgeny", "yevgeniy", "evgeni"},
	{"volodymyr", "wolodymyr"},
	{"andriy", "andrii", "andrey", "andrei"},
	{"mikhail", "mykhailo", "michail"},
	{"olena", "elena", "yelena"},
	{"yulia", "yuliya", "julia"},
	{"tzachi", "tsachi", "tzahi"},
	{"yitzhak", "itzhak", "yitzchak", "isaac"},
	{"moshe", "moishe"},
	{"abu", "abou"},
	{"khaled", "khalid"},
	{"omar", "umar"},
	{"osama", "usama"},
	{"ismail", "ismael", "ismayil"},
	{"ibrahim", "ebrahim"},
	{"mustafa", "mostafa", "moustafa", "mustapha"},
	{"suleiman", "sulaiman", "suleyman"},
	{"saif", "seif", "sayf", "saeef"},
	{"gaddafi", "qadhafi", "qaddafi", "kadhafi", "gadhafi", "kaddafi", "qathafi", "gadafi"},
	{"zayed", "zayid", "zaid"},
	{"nahyan", "nahayan", "nahyaan"},
	{"erdogan", "erdoğan"},
}

// variantGroup maps each spelling in givenVariants to its group number.
type variantGroup map[string]int

func buildVariantGroups() variantGroup {
	g := variantGroup{}
	for i, grp := range givenVariants {
		for _, v := range grp {
			if v != "" {
				g[strings.ReplaceAll(v, " ", "")] = i + 1
			}
		}
	}
	return g
}

// SameSpelling reports whether two folded words are spellings of one name:
// equal, in one variant group, or transliteration variants (same skeleton
// and close letters: Kamel/Kamal, Zelensky/Zelenskyy, Haniyeh/Haniya).
// Different names that merely sound alike (Burns/Barnes) stay apart.
func (m *Matcher) SameSpelling(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	if ga, ok := m.variants[a]; ok && ga == m.variants[b] {
		return true
	}
	if a[0] != b[0] || Skeleton(a) != Skeleton(b) {
		return false
	}
	d := editDistance(a, b)
	switch {
	case d <= 1:
		return len(a) >= 4 && len(b) >= 4
	case d == 2:
		return min(len(a), len(b)) >= 6 && vowelsOnlyDiffer(a, b)
	}
	return false
}

// vowelsOnlyDiffer reports whether a and b differ only in vowels and
// doubled letters, e.g. Mohammed/Muhammad, Haniyeh/Haniya.
func vowelsOnlyDiffer(a, b string) bool {
	return consonants(a) == consonants(b)
}

func consonants(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isVowel(c) {
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	if len(b) > 1 && b[len(b)-1] == 'h' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// editDistance is the Levenshtein distance between two ASCII-folded words.
func editDistance(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// EditDistance is the Levenshtein distance between two words, in bytes.
func EditDistance(a, b string) int { return editDistance(a, b) }
