// Command newsgraph turns raw news (crawl text records, HTML pages, JSON
// Lines) into a searchable record of articles, and serves it.
//
//	newsgraph extract PATH...        print one JSON record per document (no database)
//	newsgraph ingest PATH...         read, clean and store into the database
//	newsgraph search QUERY           full-text search
//	newsgraph show ID                one stored document
//	newsgraph stats                  what the database holds
//	newsgraph reprocess              re-extract stored raw inputs with this version
//	newsgraph export --format jsonl  every stored record
//	newsgraph serve                  JSON API and web UI
//	newsgraph eval clean|html|actors accuracy against labelled data
//	newsgraph actors                 the actor registry
//	newsgraph quotes                 who said what, across outlets
//	newsgraph events                 who did what to whom, across outlets
//	newsgraph kb build|lookup        the knowledge base
//
// The database is ./newsgraph.db, or $NEWSGRAPH_DB, or --db.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// exitError carries an exit status without a message of its own.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// env is what commands get from the outside world; tests replace it.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	log    *slog.Logger
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"extract", "print one JSON record per document found in PATH... (no database)", runExtract},
		{"ingest", "read, clean and store PATH... into the database", runIngest},
		{"search", "full-text search of the stored documents", runSearch},
		{"show", "print one stored document", runShow},
		{"stats", "summarise the database", runStats},
		{"reprocess", "re-extract every stored raw input with this version", runReprocess},
		{"export", "write every stored record", runExport},
		{"serve", "serve the JSON API and the web UI", runServe},
		{"eval", "measure extraction accuracy against labelled data (eval clean | eval html)", runEval},
		{"ner", "train, apply and evaluate the named-entity tagger (ner train | tag | eval)", runNER},
		{"actors", "list the actor registry, show one actor, or load code overrides", runActors},
		{"quotes", "list the quotes of the stored documents, across outlets", runQuotes},
		{"events", "list the events of the stored documents, across outlets", runEvents},
		{"kb", "build and query the knowledge base (kb build | kb lookup)", runKB},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "newsgraph: who said what, did what, to whom, when and where — from raw news.\n\nUsage: newsgraph COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'newsgraph COMMAND --help' for a command's flags. The database is --db, $NEWSGRAPH_DB or ./newsgraph.db.\n")
}

// batchGCPercent is the garbage collector's target for newsgraph's batch
// work (unless GOGC is set): the live heap of an ingest is small and
// short-lived garbage is plenty, so collecting less often buys 10-20%
// throughput for a few hundred megabytes at most.
const batchGCPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.code
		case errors.Is(err, errHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		}
		fmt.Fprintf(e.stderr, "newsgraph %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(e.stderr, "newsgraph: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}
