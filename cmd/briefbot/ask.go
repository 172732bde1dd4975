package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"briefbot/briefing"
)

const askUsage = `Usage: briefbot ask [--db FILE | --config FILE] [--json] COMMAND

Answers one query about the corpus:
  who-met <person> [with <person>]   meetings, counterparts, places, dates
  quotes <person> [about <words>]    direct quotes, newest first
  who-is <person>                    profile: roles, name variants, articles
  search <words>                     sentences that match, ranked
  timeline [<person or topic>]       dated developments in order
  sources                            the articles in the corpus
  help                               the commands

Examples:
  briefbot ask who-met barnea
  briefbot ask "quotes blinken about rafah"
  briefbot ask --json who-is kamal

Flags:
`

func runAsk(ctx context.Context, a *app, args []string) error {
	fs := newFlags("ask", a, askUsage)
	var f dbFlags
	f.register(fs)
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	words, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return fs.usageError("give a query, for example: briefbot ask who-met barnea")
	}
	cmd, err := briefing.ParseCommand(strings.Join(words, " "))
	if err != nil {
		return a.answerError(err, *asJSON)
	}
	ans, err := f.ask(ctx, a, cmd, *asJSON)
	if err != nil {
		return err
	}
	return writeAnswer(a.stdout, ans, *asJSON)
}

// ask opens the corpus, answers one command and closes it; an error a
// user should see is reported as answerError does.
func (f *dbFlags) ask(ctx context.Context, a *app, cmd briefing.Command, asJSON bool) (briefing.Answer, error) {
	e, err := f.open(ctx, a)
	if err != nil {
		return nil, err
	}
	defer e.close()
	ans, err := e.service().Ask(ctx, cmd)
	if err != nil {
		return nil, a.answerError(err, asJSON)
	}
	return ans, nil
}

// service returns the query layer over the corpus.
func (e *env) service() *briefing.Service {
	return briefing.NewService(e.db, e.names())
}

func writeAnswer(w io.Writer, ans briefing.Answer, asJSON bool) error {
	if !asJSON {
		return briefing.WriteText(w, ans)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ans)
}

// answerError reports a user-facing error: as JSON on stdout with --json,
// else on stderr; either way the exit status is 1.
func (a *app) answerError(err error, asJSON bool) error {
	ue, ok := briefing.UserError(err)
	if !ok {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"error": ue}); err != nil {
			return err
		}
		return errFailed
	}
	fmt.Fprintln(a.stderr, ue.Error())
	return errFailed
}
