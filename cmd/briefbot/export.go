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
	e, err := openNoArgs(ctx, a, "export", exportUsage, args)
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
