package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// CommandName names a query.
type CommandName string

// Commands.
const (
	CmdWhoMet   CommandName = "who-met"
	CmdQuotes   CommandName = "quotes"
	CmdWhoIs    CommandName = "who-is"
	CmdSearch   CommandName = "search"
	CmdTimeline CommandName = "timeline"
	CmdSources  CommandName = "sources"
	CmdHelp     CommandName = "help"
	// CmdGraph draws a person's meeting network.
	CmdGraph CommandName = "graph"
	// CmdTimelineChart draws articles per day and meetings over time.
	CmdTimelineChart CommandName = "timeline-chart"
)

// Command is a parsed query: the same grammar serves slash commands, DMs
// and the CLI's ask.
type Command struct {
	Name    CommandName `json:"name"`
	Person  string      `json:"person,omitempty"`  // who-met, quotes, who-is
	With    string      `json:"with,omitempty"`    // who-met … with …
	About   string      `json:"about,omitempty"`   // quotes … about …
	Words   string      `json:"words,omitempty"`   // search
	Subject string      `json:"subject,omitempty"` // timeline, timeline-chart
	Depth   int         `json:"depth,omitempty"`   // graph: 1 (default) or 2
}

// maxArgument bounds any argument of a command, in bytes.
const maxArgument = 200

// ParseCommand reads a command: "who-met barnea with burns", "quotes
// blinken about rafah", "who-is kamel", "search rafah", "timeline
// [subject]", "sources", "help". Plain questions work too: "who met
// barnea?", "what did blinken say about rafah", "who is kamel".
func ParseCommand(s string) (Command, error) {
	words := strings.Fields(strings.TrimSpace(s))
	for len(words) > 0 && strings.HasPrefix(words[0], "/") && len(words[0]) == 1 {
		words = words[1:]
	}
	if len(words) == 0 {
		return Command{}, &Error{Code: ErrBadCommand, Message: "Empty command. " + HelpHint}
	}
	if len(words) > 0 {
		words[0] = strings.TrimPrefix(words[0], "/")
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(strings.TrimRight(w, "?!.,"))
	}
	cmd, rest, ok := matchVerb(lower, words)
	if !ok {
		return Command{}, &Error{Code: ErrBadCommand, Message: "I don't know the command “" + clip(words[0], 40) + "”. " + HelpHint}
	}
	arg := cleanArg(strings.Join(rest, " "))
	if len(arg) > maxArgument {
		return Command{}, &Error{Code: ErrInvalid, Message: "That argument is too long (at most 200 characters)."}
	}
	c := Command{Name: cmd}
	switch cmd {
	case CmdWhoMet:
		c.Person, c.With = splitOn(arg, " with ")
		if c.Person == "" {
			return c, needs(cmd, "a person", "who-met barnea")
		}
	case CmdQuotes:
		c.Person, c.About = splitOn(arg, " about ")
		if c.Person == "" {
			return c, needs(cmd, "a person", "quotes blinken about rafah")
		}
	case CmdWhoIs:
		c.Person = arg
		if c.Person == "" {
			return c, needs(cmd, "a person", "who-is kamel")
		}
	case CmdSearch:
		c.Words = arg
		if c.Words == "" {
			return c, needs(cmd, "some words", "search rafah")
		}
	case CmdTimeline, CmdTimelineChart:
		c.Subject = strings.TrimPrefix(strings.TrimPrefix(arg, "of "), "for ")
	case CmdGraph:
		var err error
		if c.Person, c.Depth, err = graphArgs(arg); err != nil {
			return c, err
		}
		if c.Person == "" {
			return c, needs(cmd, "a person", "graph barnea 2")
		}
	}
	return c, nil
}

// HelpHint points at the help command.
const HelpHint = "Type “help” to see the commands."

func needs(cmd CommandName, what, example string) error {
	return &Error{Code: ErrBadCommand, Message: string(cmd) + " needs " + what + ", for example: " + example}
}

// matchVerb recognises the command words at the start, in command form or
// as a plain question, and returns the remaining original words.
func matchVerb(lower, words []string) (CommandName, []string, bool) {
	has := func(seq ...string) bool {
		if len(lower) < len(seq) {
			return false
		}
		for i, w := range seq {
			if lower[i] != w {
				return false
			}
		}
		return true
	}
	switch {
	case has("who-met"), has("whomet"), has("met"):
		return CmdWhoMet, words[1:], true
	case has("who", "met"), has("who", "has", "met"), has("who", "did"), has("meetings", "of"):
		n := 2
		if lower[1] == "has" {
			n = 3
		}
		rest := words[n:]
		if lower[1] == "did" && len(rest) > 0 && strings.EqualFold(strings.TrimRight(rest[len(rest)-1], "?"), "meet") {
			rest = rest[:len(rest)-1]
		}
		return CmdWhoMet, rest, true
	case has("meetings"):
		return CmdWhoMet, words[1:], true
	case has("quotes", "from"), has("quotes", "by"), has("quotes", "of"):
		return CmdQuotes, words[2:], true
	case has("quotes"), has("quote"), has("said"):
		return CmdQuotes, words[1:], true
	case has("what", "did"), has("what", "has"):
		rest := words[2:]
		for i, w := range rest {
			lw := strings.ToLower(w)
			if lw == "say" || lw == "said" {
				rest = append(append([]string{}, rest[:i]...), rest[i+1:]...)
				break
			}
		}
		return CmdQuotes, rest, true
	case has("who-is"), has("whois"), has("profile"):
		return CmdWhoIs, words[1:], true
	case has("who", "is"), has("who's"), has("tell", "me", "about"):
		n := 2
		if lower[0] == "who's" {
			n = 1
		} else if lower[0] == "tell" {
			n = 3
		}
		return CmdWhoIs, words[n:], true
	case has("search"), has("find"), has("grep"):
		return CmdSearch, words[1:], true
	case has("timeline-chart"), has("chart"), has("timeline", "chart"):
		if lower[0] == "timeline" && len(lower) > 1 && lower[1] == "chart" {
			return CmdTimelineChart, words[2:], true
		}
		return CmdTimelineChart, words[1:], true
	case has("timeline"):
		return CmdTimeline, words[1:], true
	case has("graph"), has("network"):
		if len(lower) > 1 && lower[1] == "of" {
			return CmdGraph, words[2:], true
		}
		return CmdGraph, words[1:], true
	case has("sources"), has("source"), has("articles"), has("what", "sources"):
		return CmdSources, nil, true
	case has("help"), has("?"), has("commands"):
		return CmdHelp, nil, true
	}
	return "", nil, false
}

// splitOn cuts s at the first sep, an ASCII word matched regardless of
// case. (Lower-casing s to search it could change its byte offsets.)
func splitOn(s, sep string) (string, string) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sep)], sep) {
			return strings.TrimSpace(s[:i]), cleanArg(s[i+len(sep):])
		}
	}
	return s, ""
}

// cleanArg trims punctuation and quotation marks around an argument.
func cleanArg(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("?!.,;:\"'“”‘’`", r)
	})
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// String writes the command in the grammar ParseCommand reads, so that it
// parses back to the same command: "who-met barnea with burns".
func (c Command) String() string {
	parts := []string{string(c.Name)}
	add := func(sep, v string) {
		if v != "" {
			if sep != "" {
				parts = append(parts, sep)
			}
			parts = append(parts, v)
		}
	}
	switch c.Name {
	case CmdWhoMet:
		add("", c.Person)
		add("with", c.With)
	case CmdQuotes:
		add("", c.Person)
		add("about", c.About)
	case CmdWhoIs:
		add("", c.Person)
	case CmdSearch:
		add("", c.Words)
	case CmdTimeline, CmdTimelineChart:
		add("", c.Subject)
	case CmdGraph:
		add("", c.Person)
		if c.Depth > 1 {
			add("depth", strconv.Itoa(c.Depth))
		}
	}
	return strings.Join(parts, " ")
}

// MaxGraphDepth is the deepest meeting network a graph draws: the
// person's counterparts, and theirs.
const MaxGraphDepth = 2

// graphArgs reads "barnea", "barnea 2" or "barnea depth 2": a person and
// an optional depth (0 when not given).
func graphArgs(arg string) (string, int, error) {
	words := strings.Fields(arg)
	if len(words) < 2 {
		return arg, 0, nil
	}
	last := words[len(words)-1]
	n, err := strconv.Atoi(last)
	if err != nil {
		return arg, 0, nil
	}
	words = words[:len(words)-1]
	if len(words) > 1 && strings.EqualFold(words[len(words)-1], "depth") {
		words = words[:len(words)-1]
	}
	if n < 1 || n > MaxGraphDepth {
		return "", 0, &Error{Code: ErrInvalid, Message: fmt.Sprintf("The depth of a graph is 1 or 2, not %d.", n)}
	}
	return strings.Join(words, " "), n, nil
}
