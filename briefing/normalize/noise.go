package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noiseLine is a candidate line prepared once for all noise rules.
type noiseLine struct {
	// lower is the trimmed line, lower-cased. For a line of more than
	// wholeNoiseWords words it is only the line's first headNoiseBytes
	// bytes (cut is true): such long lines can only match by their start.
	lower string
	cut   bool
	words int // the number of words of the line
}

// is reports whether the whole line equals one of names (lower-case).
func (l noiseLine) is(names ...string) bool {
	return !l.cut && isOneOf(l.lower, names...)
}

// noiseRule recognises one kind of page-noise line. A rule must match the
// whole line, so that a real sentence is never dropped.
type noiseRule struct {
	name  string
	match func(l noiseLine) bool
}

// Limits on noise lines: longer lines are text. Rules that look at more
// than the start of a line must not match lines over wholeNoiseWords.
const (
	maxNoiseWords   = 60
	wholeNoiseWords = 30
	headNoiseBytes  = 64
)

// noiseRules is the table of page-noise matchers. Add new kinds here.
var noiseRules = []noiseRule{
	{"advertisement", exactly(
		"advertisement", "advertisment", "advertisements", "ad", "sponsored",
		"sponsored content", "paid content", "paid partnership",
		"advertisement - scroll to continue", "advertisement – scroll to continue",
		"advertisement — scroll to continue", "scroll to continue with content",
		"story continues below advertisement", "article continues below advertisement",
		"story continues below", "article continues below", "continue reading below",
		"continue reading the main story")},
	{"comments", func(l noiseLine) bool {
		return l.is("comments", "comment", "view comments", "show comments",
			"leave a comment", "add a comment", "join the conversation") ||
			countedWord(l.lower, "comment", "comments")
	}},
	{"share", func(l noiseLine) bool {
		if l.is("share", "share this", "share this article", "share this story",
			"share article", "share this page", "share via", "share:") {
			return true
		}
		rest, ok := strings.CutPrefix(l.lower, "share on ")
		return ok && shareTargets[rest]
	}},
	{"read more", func(l noiseLine) bool {
		return moreLink(l, "read more") || moreLink(l, "also read") ||
			moreLink(l, "read also") || moreLink(l, "see also")
	}},
	{"related", func(l noiseLine) bool {
		return l.is("related", "related articles", "related stories",
			"related content", "related news", "related coverage", "related topics",
			"more on this story", "more stories") ||
			(strings.HasPrefix(l.lower, "related:") && l.words <= wholeNoiseWords)
	}},
	{"tags", func(l noiseLine) bool {
		return l.words <= wholeNoiseWords && hasAnyPrefix(l.lower, tagPrefixes)
	}},
	{"recommended", exactly(
		"recommended", "recommended for you", "recommended stories", "recommended articles",
		"recommended reading", "most read", "most popular", "most viewed", "trending now",
		"you may also like", "you might also like", "editor's picks", "editor’s picks")},
	{"newsletter", func(l noiseLine) bool {
		if l.words > wholeNoiseWords || !strings.Contains(l.lower, "newsletter") {
			return false
		}
		return hasWordPrefix(l.lower, "sign up") || hasWordPrefix(l.lower, "sign-up") ||
			hasWordPrefix(l.lower, "signup") ||
			(l.words <= 15 && (hasWordPrefix(l.lower, "get our") || hasWordPrefix(l.lower, "join our")))
	}},
	{"account", exactly("sign up", "sign in", "log in", "register", "login")},
	{"subscribe", func(l noiseLine) bool {
		return l.words <= 15 && hasWordPrefix(l.lower, "subscribe")
	}},
	{"follow us", func(l noiseLine) bool {
		return l.words <= 25 && (l.lower == "follow us" || strings.HasPrefix(l.lower, "follow us on ") ||
			strings.HasPrefix(l.lower, "follow us:"))
	}},
	{"click here", func(l noiseLine) bool {
		return l.words <= 25 && hasWordPrefix(l.lower, "click here")
	}},
	{"caption", func(l noiseLine) bool {
		return hasAnyPrefix(l.lower, captionPrefixes)
	}},
	{"photo in parentheses", func(l noiseLine) bool {
		return l.words <= wholeNoiseWords && strings.HasSuffix(l.lower, ")") &&
			hasAnyPrefix(l.lower, parenPhotoPrefixes)
	}},
	{"photo credit", func(l noiseLine) bool {
		return l.words <= wholeNoiseWords && endsWithCredit(l.lower)
	}},
	{"copyright", func(l noiseLine) bool {
		if l.is("all rights reserved", "all rights reserved.") {
			return true
		}
		return l.words <= 40 && (strings.HasPrefix(l.lower, "©") ||
			strings.HasPrefix(l.lower, "copyright ©") || strings.HasPrefix(l.lower, "copyright (c)") ||
			isCopyrightYear(l.lower))
	}},
	{"listen", func(l noiseLine) bool {
		return l.words <= 10 && (hasWordPrefix(l.lower, "listen to this article") ||
			hasWordPrefix(l.lower, "listen to article"))
	}},
	{"reading time", func(l noiseLine) bool { return isReadingTime(l.lower) }},
	{"skip link", exactly("skip to content", "skip to main content", "skip to navigation",
		"skip navigation", "skip to search", "jump to content")},
	{"loading", exactly("loading", "loading…", "loading...", "please wait…", "please wait...")},
	{"updated", func(l noiseLine) bool {
		return l.words <= 8 && (hasWordPrefix(l.lower, "updated") || hasWordPrefix(l.lower, "last updated")) &&
			hasDateOrTime(l.lower)
	}},
}

// shareTargets are the networks of "Share on …" buttons.
var shareTargets = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "whatsapp": true, "linkedin": true,
	"reddit": true, "email": true, "pinterest": true, "telegram": true, "bluesky": true,
	"threads": true, "messenger": true, "x (twitter)": true,
}

// tagPrefixes start the lines that file an article under topics.
var tagPrefixes = []string{"filed under:", "tags:", "tagged:", "topics:", "categories:", "category:", "more about:"}

// captionPrefixes start caption and credit lines.
var captionPrefixes = []string{
	"photo:", "photos:", "photograph:", "image:", "image caption:", "image caption,",
	"image source,", "image source:", "video caption:", "video caption,", "caption:",
	"photo credit:", "credit:", "credits:", "file photo:", "picture:",
}

// parenPhotoPrefixes start photo credits in parentheses.
var parenPhotoPrefixes = []string{"(photo by ", "(photo:", "(photo credit", "(image:", "(picture:", "(file photo"}

// creditNames are photo and wire agencies seen at the end of credit lines.
var creditNames = map[string]bool{
	"reuters": true, "afp": true, "ap": true, "associated press": true,
	"the associated press": true, "getty": true, "getty images": true, "epa": true,
	"epa-efe": true, "efe": true, "anadolu": true, "anadolu agency": true,
	"shutterstock": true, "alamy": true, "xinhua": true, "pa": true, "pa media": true,
	"pa wire": true, "bloomberg": true, "dpa": true, "ansa": true, "upi": true,
	"sipa": true, "nurphoto": true, "zuma press": true, "imago": true, "ap photo": true,
}

// isNoise reports whether a trimmed line is page noise rather than text.
func isNoise(line string) bool {
	if line == "" {
		return false
	}
	words := countWords(line)
	if words > maxNoiseWords {
		return false
	}
	l := noiseLine{words: words}
	if words > wholeNoiseWords {
		line, l.cut = headOf(line, headNoiseBytes), true
	}
	l.lower = toLower(line)
	for _, r := range noiseRules {
		if r.match(l) {
			return true
		}
	}
	return false
}

// exactly matches lines equal to one of names (lower-case).
func exactly(names ...string) func(noiseLine) bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return func(l noiseLine) bool { return !l.cut && set[l.lower] }
}

// headOf returns at most the first n bytes of s, cut at a character
// boundary.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isOneOf reports whether s equals one of names.
func isOneOf(s string, names ...string) bool {
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether s starts with the words p, not followed
// directly by another letter or digit.
func hasWordPrefix(s, p string) bool {
	if !strings.HasPrefix(s, p) {
		return false
	}
	if len(s) == len(p) {
		return true
	}
	r := firstRune(s[len(p):])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// countedWord matches "N word" such as "12 comments".
func countedWord(s string, words ...string) bool {
	if s == "" || !isDigit(s[0]) || len(s) > 20 {
		return false
	}
	_, rest, ok := digits(strings.ReplaceAll(s, ",", ""), 1, 9)
	if !ok || !strings.HasPrefix(rest, " ") {
		return false
	}
	return isOneOf(rest[1:], words...)
}

// moreLink matches link lines such as "Read more: …", "READ MORE: …",
// "Read more »" or "Read more Gaza coverage" (a short line without
// sentence-ending punctuation), led by the words p.
func moreLink(l noiseLine, p string) bool {
	if !hasWordPrefix(l.lower, p) {
		return false
	}
	rest := strings.TrimSpace(l.lower[len(p):])
	switch {
	case rest == "" || rest == "»" || rest == "›" || rest == ">" || rest == "→" ||
		rest == "…" || rest == "..." || rest == ":":
		return true
	case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "…") ||
		strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, "-"):
		return l.words <= 40
	}
	return l.words <= 15 && !endsSentence(rest)
}

// endsWithCredit reports whether a lower-case line ends with a photo credit:
// "(Reuters)", "(AP Photo/Name)", "/ Getty Images", "| AFP".
func endsWithCredit(s string) bool {
	if strings.HasSuffix(s, ")") {
		if open := strings.LastIndexByte(s, '('); open >= 0 && isCredit(strings.TrimSpace(s[open+1:len(s)-1])) {
			return true
		}
	}
	if i := strings.LastIndexAny(s, "/|"); i > 0 {
		tail := strings.TrimSpace(s[i+1:])
		if isCredit(tail) {
			return true
		}
		// "AP Photo/Name", "REUTERS/Name": an agency, a slash, a name.
		head := s[:i]
		agency := head[strings.LastIndexByte(head, ' ')+1:]
		return s[i] == '/' && tail != "" && countWords(tail) <= 4 &&
			(creditNames[agency] || strings.HasSuffix(head, "ap photo"))
	}
	return false
}

// isCredit reports whether a lower-case phrase names a photo source.
func isCredit(s string) bool {
	if creditNames[s] {
		return true
	}
	return strings.HasPrefix(s, "ap photo") || strings.HasSuffix(s, "getty images") ||
		strings.HasPrefix(s, "photo by ") || strings.HasPrefix(s, "photo: ") ||
		strings.HasPrefix(s, "reuters/") || strings.HasPrefix(s, "afp/") ||
		strings.HasPrefix(s, "file photo")
}

// isCopyrightYear matches "copyright 2024 …" and "(c) 2024 …".
func isCopyrightYear(s string) bool {
	rest, ok := strings.CutPrefix(s, "copyright ")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "(c) "); !ok {
			return false
		}
	}
	_, _, ok = digits(rest, 4, 4)
	return ok
}

// isReadingTime matches "5 min read", "12 minute read".
func isReadingTime(s string) bool {
	_, rest, ok := digits(s, 1, 3)
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, " ")
	return isOneOf(rest, "min read", "mins read", "minute read", "minutes read", "-minute read", "-min read")
}

// hasDateOrTime reports whether a lower-case line mentions a date or a time
// of day: a month name, a clock time, a numeric date, am/pm or "ago".
func hasDateOrTime(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.:;()")
		if _, ok := monthByName[w]; ok {
			return true
		}
		switch w {
		case "ago", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "et", "edt", "est", "cet":
			return true
		}
	}
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == ':' || s[i] == '-' || s[i] == '/') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// toLower is strings.ToLower, faster on mostly-ASCII text.
func toLower(s string) string {
	i := 0
	for i < len(s) && s[i] < 0x80 && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+4)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
