package main

import (
	"errors"
	"flag"
	"io"
)

// parseArgs parses flags anywhere among the arguments ("graph barnea --out
// g.png" works: the standard parser stops at the first positional, so the
// rest is parsed again) and returns the positional arguments. "--" ends
// flag parsing.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlags returns a flag set that reports errors instead of exiting and
// prints its usage to w.
func newFlags(name string, w io.Writer, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		io.WriteString(w, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a subcommand's arguments: --help ends the command with
// success, a bad flag with a usage error (the flag package has printed
// why and the usage).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseArgs(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, flag.ErrHelp
	case err != nil:
		return nil, errUsage
	}
	return pos, nil
}
