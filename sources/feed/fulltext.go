package feed

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The full-text heuristic: an item's content is the whole article when its
// text has at least MinFullTextWords words, at least MinFullTextParagraphs
// paragraphs of paragraphWords words or more, and does not end like a
// teaser (see truncated). A WordPress "The post … appeared first on …"
// trailer is ignored.
const (
	// MinFullTextWords is the fewest words of a full-text item.
	MinFullTextWords = 120
	// MinFullTextParagraphs is the fewest paragraphs of a full-text item.
	MinFullTextParagraphs = 3
	// paragraphWords is the fewest words of a block counted as a paragraph.
	paragraphWords = 5
)

// teaserEndings are lower-case endings of a summary's last block: the
// invitations to read on that feeds put after a cut.
var teaserEndings = []string{
	"read more", "read more »", "read more…", "read more...", "continue reading",
	"keep reading", "read the full story", "read the full article",
	"read full story", "read full article", "read the rest", "full story",
	"(more…)", "(more...)", "more…", "more...",
}

// isFullText applies the full-text heuristic to an item's HTML content.
func isFullText(content string) bool {
	blocks := textBlocks(content)
	if n := len(blocks); n > 0 && isWordPressTrailer(blocks[n-1]) {
		blocks = blocks[:n-1]
	}
	if len(blocks) == 0 || truncated(blocks[len(blocks)-1]) {
		return false
	}
	words, paras := 0, 0
	for _, b := range blocks {
		n := len(strings.Fields(b))
		words += n
		if n >= paragraphWords {
			paras++
		}
	}
	return words >= MinFullTextWords && paras >= MinFullTextParagraphs
}

// truncated reports whether the last block of a text ends like a teaser:
// with an ellipsis ("…", "...", "[…]", "(...)"), or with an invitation to
// read on such as "Read more" or "Continue reading …" (a short block
// starting with one counts too).
func truncated(last string) bool {
	s := strings.ToLower(strings.TrimSpace(last))
	bare := strings.TrimRight(s, " \t»›→>)]")
	if strings.HasSuffix(bare, "…") || strings.HasSuffix(bare, "...") {
		return true
	}
	for _, e := range teaserEndings {
		if strings.HasSuffix(s, e) || strings.HasSuffix(bare, e) {
			return true
		}
	}
	if len(strings.Fields(s)) <= 12 {
		for _, p := range []string{"continue reading", "read more", "read the full", "keep reading"} {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return false
}

// isWordPressTrailer reports whether a block is WordPress's "The post …
// appeared first on …" line.
func isWordPressTrailer(b string) bool {
	s := strings.ToLower(b)
	return strings.HasPrefix(s, "the post ") && strings.Contains(s, " appeared first on ")
}

// plainText returns the text of an HTML fragment, blocks separated by
// blank lines.
func plainText(s string) string {
	return strings.Join(textBlocks(s), "\n\n")
}

// breakTags end a block of text.
var breakTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Hr: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Main: true,
}

// hiddenTags hold no readable text.
var hiddenTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true,
}

// textBlocks splits an HTML fragment (or plain text, split at blank
// lines) into blocks of text with spaces collapsed, empty blocks dropped.
func textBlocks(s string) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	if !strings.Contains(s, "<") {
		for _, b := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
			cur.WriteString(html.UnescapeString(b))
			flush()
		}
		return blocks
	}
	z := html.NewTokenizer(strings.NewReader(s))
	hidden := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return blocks
		case html.TextToken:
			if hidden == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tn, _ := z.TagName()
			a := atom.Lookup(tn)
			switch {
			case hiddenTags[a] && tt == html.StartTagToken:
				hidden++
			case hiddenTags[a] && tt == html.EndTagToken:
				hidden = max(hidden-1, 0)
			case breakTags[a]:
				flush()
			}
		}
	}
}
