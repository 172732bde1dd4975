package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

const migrateUsage = `Usage: briefbot migrate [--db FILE | --config FILE]

Creates the database, or upgrades its schema, and says which version it has.
Every command does this on its own; migrate does only that.

Flags:
`

func runMigrate(ctx context.Context, a *app, args []string) error {
	e, err := openNoArgs(ctx, a, "migrate", migrateUsage, args)
	if err != nil {
		return err
	}
	defer e.close()
	v, err := e.db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s: schema version %d\n", e.db.Path(), v)
	return nil
}

// version is set at build time: go build -ldflags "-X main.version=v1.2.3".
var version = "dev"

func runVersion(_ context.Context, a *app, args []string) error {
	fs := newFlags("version", a, "Usage: briefbot version\n")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(pos); err != nil {
		return err
	}
	v := version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	fmt.Fprintf(a.stdout, "briefbot %s\n", v)
	return nil
}
