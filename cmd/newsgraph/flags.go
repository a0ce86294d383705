package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

var (
	errHelp  = errors.New("help shown")
	errUsage = errors.New("usage error")
)

// newFlags makes a flag set for a command, with --db when withDB is set.
func newFlags(e *env, name, argsUsage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: newsgraph %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, about)
		fs.PrintDefaults()
	}
	return fs
}

func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("NEWSGRAPH_DB")
	if def == "" {
		def = "newsgraph.db"
	}
	return fs.String("db", def, "database file (default from $NEWSGRAPH_DB, else ./newsgraph.db)")
}

// parse parses flags that may come before, between or after the positional
// arguments ("newsgraph search Bali --limit 5"), and returns the positionals.
// "--" ends flag parsing; "-" alone is a positional (stdin).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
		// The flag package stops at "-": keep going after it.
	}
}

// checkPage checks --limit (1 to 1000) and --offset (at least 0).
func checkPage(limit, offset int) error {
	if limit < 1 || limit > 1000 || offset < 0 {
		return errors.New("--limit must be from 1 to 1000 and --offset at least 0")
	}
	return nil
}

// checkDates checks --from and --to style dates: YYYY, YYYY-MM or
// YYYY-MM-DD, or empty.
func checkDates(dates ...string) error {
	for _, d := range dates {
		if d != "" && !newsgraph.ValidDate(d) {
			return fmt.Errorf("bad date %q: use YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	return nil
}
