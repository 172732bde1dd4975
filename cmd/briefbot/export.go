package main

import (
	"context"
	"encoding/json"
)

const exportUsage = `Usage: briefbot export [--db FILE | --config FILE]

Prints the whole parsed corpus as one JSON object: documents, people,
organizations, places, quotes, meetings (and calls and figures).

Flags:
`

func runExport(ctx context.Context, a *app, args []string) error {
	fs := newFlags("export", a, exportUsage)
	var f dbFlags
	f.register(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	e, err := f.open(ctx, a)
	if err != nil {
		return err
	}
	defer e.close()
	ex, err := e.db.Export(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ex)
}
