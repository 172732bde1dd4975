package main

import (
	"context"

	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
	"briefbot/storage"
)

// dbFlags are the flags every corpus command takes.
type dbFlags struct {
	db      string
	config  string
	verbose bool
}

func (f *dbFlags) register(fs *flags) {
	fs.StringVar(&f.db, "db", "", "database `file` (overrides database.path of the config)")
	fs.StringVar(&f.config, "config", "", "configuration `file` (default $BRIEFBOT_CONFIG)")
	fs.BoolVar(&f.verbose, "v", false, "log debug details")
}

// load reads the configuration: the file named by --config or
// $BRIEFBOT_CONFIG, else the defaults; --db overrides the database path.
func (f *dbFlags) load(a *app) (Config, error) {
	path := f.config
	if path == "" {
		path = a.getenv("BRIEFBOT_CONFIG")
	}
	c := defaultConfig()
	if path != "" {
		var err error
		if c, err = loadConfig(path, a.getenv); err != nil {
			return c, err
		}
	}
	if f.db != "" {
		c.Database.Path = f.db
	}
	if f.verbose {
		c.Log.Level = "debug"
	}
	return c, nil
}

// env is an opened corpus with what reads it.
type env struct {
	cfg Config
	lex *lexicon.Lexicon
	db  *storage.DB
}

// open loads the configuration and opens the database.
func (f *dbFlags) open(ctx context.Context, a *app) (*env, error) {
	cfg, err := f.load(a)
	if err != nil {
		return nil, err
	}
	return openEnv(ctx, a, cfg)
}

func openEnv(ctx context.Context, a *app, cfg Config) (*env, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	db, err := storage.Open(ctx, cfg.Database.Path, storage.Options{Lexicon: lex, Logger: a.logger(cfg.Log.Level), Now: a.now})
	if err != nil {
		return nil, err
	}
	return &env{cfg: cfg, lex: lex, db: db}, nil
}

func (e *env) close() error { return e.db.Close() }

// names returns the name matcher over the lexicon.
func (e *env) names() *names.Matcher { return names.NewMatcher(e.lex) }

// openNoArgs is the start of a command that takes the corpus flags and no
// arguments: it parses them and opens the corpus.
func openNoArgs(ctx context.Context, a *app, name, usage string, args []string) (*env, error) {
	fs := newFlags(name, a, usage)
	var f dbFlags
	f.register(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return nil, err
	}
	if err := fs.noArgs(pos); err != nil {
		return nil, err
	}
	return f.open(ctx, a)
}
