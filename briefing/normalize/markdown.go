package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"briefbot/briefing"
)

// maxFrontMatterLines bounds the search for the closing "---" of front matter.
const maxFrontMatterLines = 200

// maxLinkScan bounds how far a '[' looks for its ']' or '(' for its ')'.
const maxLinkScan = 2000

// parseMarkdown reads a markdown article: front matter, headings, lists,
// quotes and inline markup are reduced to plain lines, which are then read
// like plain text.
func parseMarkdown(text string) briefing.Article {
	raw := strings.Split(text, "\n")
	m, raw := frontMatter(raw)
	return assemble(markdownLines(raw, &m), m)
}

// frontMatter parses "key: value" front matter between "---" lines at the
// start of a document and returns it with the remaining lines. Keys title,
// date, published, url, source and outlet are used; others are ignored.
func frontMatter(raw []string) (meta, []string) {
	var m meta
	start := 0
	for start < len(raw) && strings.TrimSpace(raw[start]) == "" {
		start++
	}
	if start >= len(raw) || strings.TrimSpace(raw[start]) != "---" {
		return m, raw
	}
	end := -1
	for i := start + 1; i < len(raw) && i <= start+maxFrontMatterLines; i++ {
		if t := strings.TrimSpace(raw[i]); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 || !isFrontMatterKey(firstNonBlank(raw[start+1:end])) {
		return m, raw
	}
	var source string
	for _, l := range raw[start+1 : end] {
		key, value, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, " ") {
			continue
		}
		value = cleanInline(unquote(strings.TrimSpace(value)))
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			m.title = value
		case "date", "published":
			if d, ok := parseDate(value); ok {
				setDate(&m.published, d)
			}
		case "url":
			m.url = value
		case "outlet":
			m.outlet = value
		case "source":
			source = value
		}
	}
	switch {
	case source == "":
	case isWebURL(source):
		if m.url == "" {
			m.url = source
		}
	case m.outlet == "":
		m.outlet = source
	}
	return m, raw[end+1:]
}

// isFrontMatterKey reports whether l looks like "key: value".
func isFrontMatterKey(l string) bool {
	key, _, ok := strings.Cut(l, ":")
	if !ok || key == "" {
		return false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

// firstNonBlank returns the first line that is not blank, or "".
func firstNonBlank(lines []string) string {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// unquote removes matching single or double quotes around a value.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// markdownLines reduces markdown block syntax to lines for the paragraph
// builder. A first-level heading becomes m.title when there is none yet.
func markdownLines(raw []string, m *meta) []line {
	out := make([]line, 0, len(raw))
	var fence string // the opening fence while inside a fenced code block
	inComment, inItem := false, false
	blank := func() {
		out = append(out, line{kind: lineBlank})
		inItem = false
	}
	for _, l := range raw {
		if fence != "" {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		l, inComment = stripHTMLComments(l, inComment)
		t := strings.TrimSpace(l)
		if f := openingFence(t); f != "" {
			fence = f
			blank()
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		switch {
		case t == "" || isRule(t):
			blank()
			continue
		case isSetextUnderline(t) && len(out) > 0 && out[len(out)-1].kind == linePlain:
			prev := out[len(out)-1].text
			out = out[:len(out)-1]
			out = appendHeading(out, m, 1, prev)
			inItem = false
			continue
		case isRefDefinition(t) || isTableSeparator(t):
			continue
		}
		if level, text, ok := atxHeading(t); ok {
			out = appendHeading(out, m, level, mdInline(text, 0))
			inItem = false
			continue
		}
		if rest, ok := listItem(t); ok {
			if text := mdInline(rest, 0); text != "" {
				out = append(out, line{text: text, kind: lineItem})
				inItem = true
			}
			continue
		}
		text := mdInline(t, 0)
		if text == "" {
			continue
		}
		kind := linePlain
		if inItem {
			kind = lineItemCont
		}
		out = append(out, line{text: text, kind: kind})
	}
	return out
}

// appendHeading records a heading: the first first-level heading is the
// title when none is known; a heading equal to the title is dropped.
func appendHeading(out []line, m *meta, level int, text string) []line {
	switch {
	case text == "":
		return out
	case level == 1 && m.title == "":
		m.title = text
		return out
	case strings.EqualFold(text, m.title):
		return out
	}
	return append(out, line{text: text, kind: lineHeading})
}

// stripHTMLComments removes <!-- … --> from a line; inComment carries an
// unclosed comment from line to line.
func stripHTMLComments(l string, inComment bool) (string, bool) {
	if inComment {
		end := strings.Index(l, "-->")
		if end < 0 {
			return "", true
		}
		l = l[end+3:]
	}
	for {
		start := strings.Index(l, "<!--")
		if start < 0 {
			return l, false
		}
		end := strings.Index(l[start+4:], "-->")
		if end < 0 {
			return l[:start], true
		}
		l = l[:start] + " " + l[start+4+end+3:]
	}
}

// openingFence returns the fence ("```" or "~~~", at its full length) that
// opens a fenced code block on trimmed line t, or "".
func openingFence(t string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(t) && t[n] == c {
			n++
		}
		if n >= 3 {
			return t[:n]
		}
	}
	return ""
}

// isRule reports whether t is a horizontal rule: three or more '-', '*' or
// '_' with optional spaces.
func isRule(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// isSetextUnderline reports whether t is a line of '=' under a heading.
func isSetextUnderline(t string) bool {
	return len(t) >= 2 && strings.Trim(t, "=") == ""
}

// isRefDefinition reports whether t is a link reference definition such as
// `[1]: https://example.com "Title"`.
func isRefDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[^") {
		return false
	}
	end := strings.Index(t, "]:")
	if end < 2 {
		return false
	}
	rest := strings.Fields(t[end+2:])
	if len(rest) == 0 {
		return false
	}
	if len(rest) == 1 {
		return true
	}
	title := strings.Join(rest[1:], " ")
	q := title[0]
	return (q == '"' || q == '\'' || q == '(') && strings.ContainsAny(title[len(title)-1:], "\"')")
}

// isTableSeparator reports whether t is the |---|:---:| row of a table.
func isTableSeparator(t string) bool {
	return strings.Contains(t, "-") && strings.Contains(t, "|") && strings.Trim(t, "|-: ") == ""
}

// atxHeading parses "## Heading ##" into its level and text.
func atxHeading(t string) (level int, text string, ok bool) {
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(t) && t[level] != ' ') {
		return 0, "", false
	}
	text = strings.TrimSpace(t[level:])
	if trimmed := strings.TrimRight(text, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") {
		text = strings.TrimSpace(trimmed)
	}
	return level, text, true
}

// listItem strips a list marker ("- ", "* ", "+ ", "1. ", "1) ") and a task
// box ("[ ] ", "[x] ") from t.
func listItem(t string) (string, bool) {
	var rest string
	switch {
	case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ':
		rest = t[2:]
	default:
		i := 0
		for i < len(t) && i < 9 && isDigit(t[i]) {
			i++
		}
		if i == 0 || i+1 >= len(t) || (t[i] != '.' && t[i] != ')') || t[i+1] != ' ' {
			return "", false
		}
		rest = t[i+2:]
	}
	rest = strings.TrimSpace(rest)
	for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
		rest = strings.TrimPrefix(rest, box)
	}
	return rest, true
}

// maxInlineDepth bounds recursion into link texts.
const maxInlineDepth = 4

// mdInline removes inline markdown from a line: emphasis and code markers,
// images, links (keeping their text), autolink brackets and HTML tags.
// Backslash escapes give the literal character.
func mdInline(s string, depth int) string {
	if !strings.ContainsAny(s, "\\`*_~[]!<") {
		return collapseSpaces(s)
	}
	budget := 16*len(s) + 4096
	return collapseSpaces(inlineText(s, depth, &budget))
}

// inlineText does the work of mdInline. Searches for closing brackets and
// backticks are charged to *budget, so that no line takes quadratic time;
// once it is spent, markers are simply dropped.
func inlineText(s string, depth int, budget *int) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			n := runLen(s, i)
			end := -1
			if *budget > 0 {
				end = strings.Index(s[i+n:], s[i:i+n])
				*budget -= max(end, len(s)-i-n)
			}
			if end >= 0 {
				b.WriteString(s[i+n : i+n+end])
				i += n + end + n
			} else {
				i += n
			}
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end, ok := mdLink(s, i+1, budget); ok {
					i = end
					continue
				}
			}
		case '[':
			if text, end, ok := mdLink(s, i, budget); ok {
				if depth < maxInlineDepth {
					text = inlineText(text, depth+1, budget)
				}
				b.WriteString(text)
				i = end
				continue
			}
		case '<':
			if inner, end, ok := angleSpan(s, i); ok {
				if isAutolink(inner) {
					b.WriteString(strings.TrimPrefix(inner, "mailto:"))
				} else if !inlineTags[tagAtom(inner)] {
					b.WriteByte(' ') // <br>, <p> and the like break words
				}
				i = end
				continue
			}
		case '*', '_', '~':
			n := runLen(s, i)
			if !isEmphasisRun(s, i, n) {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// runLen counts the bytes equal to s[i] from i on.
func runLen(s string, i int) int {
	n := 1
	for i+n < len(s) && s[i+n] == s[i] {
		n++
	}
	return n
}

// isEmphasisRun reports whether the run s[i:i+n] of '*', '_' or '~' is an
// emphasis (or strikethrough) delimiter rather than a literal character: it
// touches a word on at least one side, '_' is not inside a word, and '~'
// comes doubled.
func isEmphasisRun(s string, i, n int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	if i == 0 {
		prev = ' '
	}
	if i+n >= len(s) {
		next = ' '
	}
	if prev == ' ' && next == ' ' {
		return false
	}
	switch s[i] {
	case '_':
		return !(isWordRune(prev) && isWordRune(next))
	case '~':
		return n >= 2
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdLink parses a link starting at the '[' at s[i]: [text](dest) or
// [text][ref]. It returns the text and the index after the link.
func mdLink(s string, i int, budget *int) (text string, end int, ok bool) {
	close := matching(s, i, '[', ']', budget)
	if close < 0 || close+1 >= len(s) {
		return "", 0, false
	}
	text = s[i+1 : close]
	switch s[close+1] {
	case '(':
		if e := matching(s, close+1, '(', ')', budget); e >= 0 {
			return text, e + 1, true
		}
	case '[':
		window := s[close+1 : min(len(s), close+1+maxLinkScan)]
		*budget -= len(window)
		if e := strings.IndexByte(window, ']'); e >= 0 {
			return text, close + 1 + e + 1, true
		}
	}
	return "", 0, false
}

// matching returns the index of the bracket closing the one at s[i], or -1.
// It looks at most maxLinkScan bytes ahead, charged to *budget.
func matching(s string, i int, open, close byte, budget *int) int {
	depth := 0
	for j := i; j < len(s) && j-i < maxLinkScan; j++ {
		if *budget--; *budget < 0 {
			return -1
		}
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// angleSpan recognises an autolink or an HTML tag starting at the '<' at
// s[i] and returns what is inside the brackets and the index after '>'.
func angleSpan(s string, i int) (inner string, end int, ok bool) {
	j := strings.IndexAny(s[i+1:], "<>")
	if j < 0 || j > 500 || s[i+1+j] != '>' {
		return "", 0, false
	}
	inner = s[i+1 : i+1+j]
	if isAutolink(inner) || isHTMLTag(inner) {
		return inner, i + 1 + j + 1, true
	}
	return "", 0, false
}

// isAutolink reports whether inner is the address of an <autolink>.
func isAutolink(inner string) bool {
	return !strings.Contains(inner, " ") && (strings.HasPrefix(inner, "http://") ||
		strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:"))
}

// isHTMLTag reports whether inner (between '<' and '>') is a known HTML
// start or end tag such as "br", "/span" or `a href="x"`.
func isHTMLTag(inner string) bool { return tagAtom(inner) != 0 }

// tagAtom returns the element named by a tag's inside, or 0.
func tagAtom(inner string) atom.Atom {
	inner = strings.TrimPrefix(inner, "/")
	name := inner
	if i := strings.IndexAny(inner, " /"); i >= 0 {
		name = inner[:i]
	}
	if name == "" {
		return 0
	}
	return atom.Lookup([]byte(strings.ToLower(name)))
}

// isASCIIPunct reports whether c is ASCII punctuation, escapable in markdown.
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isDigit(c) && !isASCIILetter(c)
}
