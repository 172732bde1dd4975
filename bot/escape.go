package bot

import "strings"

// inlineEscaper escapes the characters Discord reads as markdown anywhere
// in a line, and breaks mentions ("@everyone", "<@123>") with a
// zero-width space so they read as text. allowed_mentions is empty on
// every message as well, so nothing pings either way.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`,
	`[`, `\[`, `]`, `\]`, `<`, `\<`, `@`, "@\u200b",
)

// escape makes corpus text show as written: markdown escaped (headings,
// quotes and lists only where a line starts), mentions broken, invalid
// UTF-8 replaced.
func escape(s string) string {
	s = inlineEscaper.Replace(validUTF8(s))
	if !strings.ContainsAny(s, "#>-+0123456789") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

// escapeLineStart escapes a heading ("# "), a block quote ("> "), a list
// item ("- ", "+ ", "1. ") or a subtext ("-# ") opening a line.
func escapeLineStart(l string) string {
	t := strings.TrimLeft(l, " ")
	pad := l[:len(l)-len(t)]
	switch {
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, ">"), strings.HasPrefix(t, "- "), strings.HasPrefix(t, "-#"), strings.HasPrefix(t, "+ "):
		return pad + `\` + t
	}
	digits := len(t) - len(strings.TrimLeft(t, "0123456789"))
	if digits > 0 && strings.HasPrefix(t[digits:], ". ") {
		return pad + t[:digits] + `\` + t[digits:]
	}
	return l
}
