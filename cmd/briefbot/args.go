package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// parseArgs parses flags anywhere among the arguments ("graph barnea --out
// g.png" works: the standard parser stops at the first positional) and
// returns the positional arguments. A lone "--" ends the flags; "-" is a
// positional. A flag's value is the next argument unless the flag is a
// boolean or written -flag=value, so "--db --" takes "--" as the value.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			pos = append(pos, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return append(pos, fs.Args()...), nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flags is a subcommand's flag set with its usage text.
type flags struct {
	*flag.FlagSet
	usage  string
	stdout io.Writer
	stderr io.Writer
}

// newFlags returns a subcommand's flag set: errors and usage after a
// mistake go to stderr, the usage asked for with --help to stdout.
func newFlags(name string, a *app, usage string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	f := &flags{FlagSet: fs, usage: usage, stdout: a.stdout, stderr: a.stderr}
	fs.Usage = func() {} // printed by parse, to the right stream
	return f
}

// printUsage writes the usage and the flags' defaults to w.
func (f *flags) printUsage(w io.Writer) {
	io.WriteString(w, f.usage)
	out := f.Output()
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(out)
}

// parse parses a subcommand's arguments: --help prints the usage on
// stdout and ends the command with success; a bad flag prints why and the
// usage on stderr and ends it with a usage error.
func (f *flags) parse(args []string) ([]string, error) {
	pos, err := parseArgs(f.FlagSet, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.printUsage(f.stdout)
		return nil, flag.ErrHelp
	case err != nil:
		f.printUsage(f.stderr)
		return nil, errUsage
	}
	return pos, nil
}

// usageError reports a mistake in the arguments with the usage.
func (f *flags) usageError(format string, args ...any) error {
	fmt.Fprintf(f.stderr, "briefbot %s: %s\n\n", f.Name(), fmt.Sprintf(format, args...))
	f.printUsage(f.stderr)
	return errUsage
}

// noArgs rejects positional arguments.
func (f *flags) noArgs(pos []string) error {
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	return nil
}
