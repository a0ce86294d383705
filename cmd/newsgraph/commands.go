package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/actor"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/event"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/registry"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/sqlite"
	"github.com/newsgraph/newsgraph/timex"
	"github.com/newsgraph/newsgraph/web"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH...", "Reads crawl text records, HTML pages and JSON Lines (files, directories, gzip, - for stdin)\nand prints one JSON record per document to stdout. Failed inputs are reported on stderr\nand make the exit status 1. No database is used.")
	format := fs.String("format", "jsonl", "output format: jsonl (one record per line) or json (an indented array)")
	workers := fs.Int("workers", 0, "extraction goroutines (default: all cores)")
	explain := fs.Bool("explain", false, "for crawl text records: print the cleaner's line-by-line decisions instead of JSON")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	if *explain {
		c := clean.New()
		return (&source.Reader{Stdin: e.stdin}).Walk(ctx, paths, func(in *newsgraph.Input, f *newsgraph.Failure) error {
			switch {
			case f != nil:
				fmt.Fprintf(e.stderr, "newsgraph extract: %s\n", f.Error())
			case in.Format != newsgraph.FormatTextRecord:
				fmt.Fprintf(e.stdout, "== %s: %s input, nothing to explain\n", in.Name(), in.Format)
			default:
				fmt.Fprintf(e.stdout, "== %s\n%s\n", in.Name(), c.Explain(string(in.Data)))
			}
			return nil
		})
	}
	if *format != "jsonl" && *format != "json" {
		return fmt.Errorf("unknown --format %q (jsonl or json)", *format)
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if *format == "json" {
		enc.SetIndent("  ", "  ")
		fmt.Fprint(w, "[")
	}
	failed, n := 0, 0
	r := &source.Reader{Stdin: e.stdin}
	err = pipeline.Process(ctx, r, paths, clean.NewExtractor(), pipeline.Options{Workers: *workers, Stages: stages(nil, nil)}, nil, func(it newsgraph.Item) error {
		if it.Failure != nil {
			failed++
			fmt.Fprintf(e.stderr, "newsgraph extract: %s\n", it.Failure.Error())
			return nil
		}
		if *format == "json" {
			if n > 0 {
				fmt.Fprint(w, ",")
			}
			fmt.Fprint(w, "\n  ")
		}
		n++
		return enc.Encode(it.Doc)
	})
	if *format == "json" {
		fmt.Fprint(w, "]\n")
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// printJSON writes v as indented JSON, without HTML escaping.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// stages returns the annotators every document goes through after
// extraction, in order: entities, time expressions, actors (with the corpus
// registry and the user's overrides when a store is at hand; reg may be
// nil), places, quotes (which read the actors and coreference), then
// events (which read all of the above).
func stages(reg newsgraph.ActorRegistry, overrides []registry.Override) []newsgraph.Stage {
	ovs := make([]actor.Override, len(overrides))
	for i, o := range overrides {
		ovs[i] = actor.Override(o)
	}
	return []newsgraph.Stage{
		ner.NewStage(nil),
		timex.NewStage(),
		actor.NewStage(nil, actor.Options{Registry: reg, Overrides: ovs}),
		geo.NewStage(nil),
		quote.NewStage(),
		event.NewStage(),
	}
}

// storeStages returns the stages with st as the actor registry and its
// overrides.
func storeStages(ctx context.Context, st *sqlite.Store) ([]newsgraph.Stage, error) {
	ovs, err := st.Overrides(ctx)
	if err != nil {
		return nil, fmt.Errorf("read actor overrides: %w", err)
	}
	return stages(st, ovs), nil
}

func openStore(ctx context.Context, e *env, path string) (*sqlite.Store, error) {
	st, err := sqlite.Open(ctx, path, sqlite.WithLogger(e.log))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return st, nil
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH...", "Reads, cleans and stores every input under PATH... (files, directories walked recursively,\ngzip, - for stdin) using all cores. Idempotent: inputs stored before are counted as\nduplicates. Failed inputs are kept in the database with the reason; exit status 1 when any failed.")
	db := dbFlag(fs, e)
	workers := fs.Int("workers", 0, "extraction goroutines (default: all cores)")
	batch := fs.Int("batch", 1024, "most inputs per transaction (smaller batches, from 256, go whenever the writer is idle)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stg, err := storeStages(ctx, st)
	if err != nil {
		return err
	}
	opts := pipeline.Options{Workers: *workers, BatchSize: *batch, Logger: e.log, Stages: stg}
	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("inputs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		last := 0
		opts.Progress = func(s pipeline.Summary) {
			_ = bar.Add(s.Read - last)
			last = s.Read
		}
	}
	sum, err := pipeline.Ingest(ctx, &source.Reader{Stdin: e.stdin}, paths, clean.NewExtractor(), st, opts)
	if bar != nil {
		_ = bar.Finish()
	}
	fmt.Fprintf(e.stdout, "ingest: %s\n", sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		fmt.Fprintf(e.stderr, "newsgraph ingest: %d input(s) failed; they are kept in %s (see 'newsgraph stats')\n", sum.Failed, *db)
		return exitError{1}
	}
	return nil
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY", "Full-text search (bm25 ranking) over titles and bodies. Words are all required;\n\"quoted phrases\", prefix* and OR are understood.")
	db := dbFlag(fs, e)
	from := fs.String("from", "", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "published on or before (YYYY, YYYY-MM or YYYY-MM-DD)")
	lng := fs.String("lang", "", "language code, e.g. en")
	site := fs.String("site", "", "site, e.g. example.com")
	entity := fs.String("entity", "", "documents mentioning this entity")
	limit := fs.Int("limit", 20, "number of results")
	offset := fs.Int("offset", 0, "results to skip")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	q := newsgraph.SearchQuery{Text: strings.Join(pos, " "), From: *from, To: *to, Lang: *lng, Site: *site, Entity: *entity, Limit: *limit, Offset: *offset}
	if err := web.ValidateQuery(&q); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, web.SearchJSON(res, q))
	}
	more := ""
	if res.Capped {
		more = "+"
	}
	fmt.Fprintf(e.stdout, "%d%s result(s)\n", res.Total, more)
	for i, h := range res.Hits {
		title := h.Title
		if title == "" {
			title = "(untitled)"
		}
		date := h.Published.Date
		if date == "" {
			date = "undated"
		}
		fmt.Fprintf(e.stdout, "\n%d. %s\n   %s · %s · %s · %s\n   %s\n", q.Offset+i+1, title, h.ID, date, orDash(h.Language), orDash(h.Site), terminalSnippet(h.Snippet))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// terminalSnippet shows matched terms in bold on a terminal-like output.
func terminalSnippet(s string) string {
	s = strings.ReplaceAll(s, newsgraph.SnippetOpen, "[")
	s = strings.ReplaceAll(s, newsgraph.SnippetClose, "]")
	return strings.ReplaceAll(s, "\n", " ")
}

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", "ID", "Prints one stored document: as text, or its JSON record with --json.")
	db := dbFlag(fs, e)
	asJSON := fs.Bool("json", false, "print the JSON record")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	doc, err := st.Document(ctx, pos[0])
	if errors.Is(err, newsgraph.ErrNotFound) {
		return fmt.Errorf("no document %s", pos[0])
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, doc)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s\n%s\n\n", orDash(doc.TitleText()), strings.Repeat("=", min(72, max(3, len([]rune(doc.TitleText()))))))
	fmt.Fprintf(w, "id:         %s\n", doc.ID)
	fmt.Fprintf(w, "published:  %s\n", web.DateDescription(doc.Published))
	fmt.Fprintf(w, "language:   %s\n", orDash(doc.LanguageCode()))
	fmt.Fprintf(w, "source:     %s (%s)", doc.Source.Path, doc.Source.Format)
	if doc.Source.URL != "" {
		fmt.Fprintf(w, " %s", doc.Source.URL)
	}
	fmt.Fprintf(w, "\narticle:    %v\nextractor:  %s\n\n", doc.IsArticle, doc.Extractor)
	for _, p := range doc.Paragraphs {
		fmt.Fprintf(w, "%s\n\n", p)
	}
	if len(doc.Boilerplate) > 0 {
		fmt.Fprintf(w, "--- removed boilerplate (%d lines) ---\n", len(doc.Boilerplate))
		for _, b := range doc.Boilerplate {
			fmt.Fprintf(w, "[%s] %s\n", b.Kind, b.Text)
		}
	}
	return nil
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "", "Summarises the database: documents, articles, failures, languages, sites, dates.")
	db := dbFlag(fs, e)
	asJSON := fs.Bool("json", false, "print JSON")
	failures := fs.Bool("failures", false, "list the failed inputs with their reasons instead")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *failures {
		return st.Failures(ctx, func(f *sqlite.FailureRow) error {
			name := f.Path
			if f.Record > 0 {
				name = fmt.Sprintf("%s#%d", f.Path, f.Record)
			}
			_, err := fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", f.Time.Format("2006-01-02 15:04"), name, f.Reason)
			return err
		})
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, s)
	}
	w := e.stdout
	fmt.Fprintf(w, "documents   %d (%d articles)\ninputs      %d (%d duplicates, %d failed)\ndates       %s … %s\nmentions    %d entity mentions\n",
		s.Documents, s.Articles, s.Inputs, s.Duplicates, s.Failures, orDash(s.Oldest), orDash(s.Newest), s.Mentions)
	for _, sec := range []struct {
		name string
		m    map[string]int
	}{{"languages", s.Languages}, {"formats", s.Formats}, {"date precision", s.Precisions}, {"sites", s.Sites}, {"boilerplate", s.Boilerplate},
		{"entities (per document)", s.Entities}, {"distinct entity names", s.Names}, {"extractors", s.Extractors}} {
		if len(sec.m) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", sec.name)
		keys := make([]string, 0, len(sec.m))
		for k := range sec.m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return sec.m[keys[i]] > sec.m[keys[j]] || sec.m[keys[i]] == sec.m[keys[j]] && keys[i] < keys[j]
		})
		for i, k := range keys {
			if i == 15 {
				fmt.Fprintf(w, "  … %d more\n", len(keys)-15)
				break
			}
			fmt.Fprintf(w, "  %-20s %d\n", orDash(k), sec.m[k])
		}
	}
	return nil
}

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reprocess", "", "Re-extracts every stored raw input with this version of newsgraph and replaces\nthe documents made from it; failures are retried.")
	db := dbFlag(fs, e)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ex := clean.NewExtractor()
	stg, err := storeStages(ctx, st)
	if err != nil {
		return err
	}
	done, failed := 0, 0
	// The store pages through its inputs without holding a transaction
	// open, so each re-extraction can be written as it is made.
	err = st.Inputs(ctx, func(si *newsgraph.StoredInput) error {
		in := si.Input
		if len(in.Data) == 0 && si.Reason != "" {
			return nil // nothing was read; nothing to retry
		}
		var it newsgraph.Item
		doc, err := ex.Extract(ctx, &in)
		for _, s := range stg {
			if err != nil {
				break
			}
			if err = s.Annotate(ctx, doc); err != nil {
				err = fmt.Errorf("stage %s: %w", s.Name(), err)
			}
		}
		if err != nil {
			it = newsgraph.Item{Input: &in, Failure: &newsgraph.Failure{Path: in.Path, Record: in.Record, Format: in.Format, Reason: err.Error(), Data: in.Data}}
			failed++
		} else {
			it = newsgraph.Item{Input: &in, Doc: doc}
		}
		if err := st.Replace(ctx, si.ID, it); err != nil {
			return fmt.Errorf("replace input %d: %w", si.ID, err)
		}
		done++
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "reprocess: %d input(s) re-extracted with %s, %d failed\n", done, newsgraph.ExtractorName(), failed)
	return nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "", "Writes every stored document's full JSON record (--format jsonl, the same contract as extract), "+
		"or the corpus events: "+strings.Join(export.Formats(), ", ")+" (GDELT 2.0 Events and Mentions layouts, CSV, Parquet, JSON Lines; "+
		"the event filters select which).")
	db := dbFlag(fs, e)
	format := fs.String("format", "jsonl", "output format: jsonl (documents), "+strings.Join(export.Formats(), ", "))
	out := fs.String("out", "-", "output file (- for stdout; required for parquet)")
	var q newsgraph.EventQuery
	fs.StringVar(&q.Actor, "actor", "", "events: source or target code prefix")
	fs.StringVar(&q.Source, "source", "", "events: source code prefix")
	fs.StringVar(&q.Target, "target", "", "events: target code prefix")
	fs.StringVar(&q.Root, "root", "", "events: CAMEO root (two digits)")
	fs.StringVar(&q.From, "from", "", "events: first date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&q.To, "to", "", "events: last date")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	events := export.Valid(*format)
	if *format != "jsonl" && !events {
		return fmt.Errorf("unknown --format %q (jsonl, %s)", *format, strings.Join(export.Formats(), ", "))
	}
	if *format == export.FormatParquet && *out == "-" && isTerminal(e.stdout) {
		return fmt.Errorf("--format parquet writes binary: give --out FILE")
	}
	if err := checkDates(q.From, q.To); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var dst io.Writer = e.stdout
	var file *os.File
	if *out != "-" {
		if file, err = os.Create(*out); err != nil {
			return fmt.Errorf("create %s: %w", *out, err)
		}
		defer file.Close()
		dst = file
	}
	n, what := 0, "record(s)"
	if events {
		what = "event(s)"
		if *format == export.FormatGDELTMentions {
			what = "event mention(s)"
		}
		if n, err = export.Events(ctx, dst, *format, st, q); err != nil {
			return fmt.Errorf("export %s: %w", *format, err)
		}
	} else {
		w := bufio.NewWriterSize(dst, 256<<10)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if err := st.Documents(ctx, func(d *newsgraph.Document) error { n++; return enc.Encode(d) }); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write export: %w", err)
		}
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("write %s: %w", *out, err)
		}
	}
	fmt.Fprintf(e.stderr, "export: %d %s\n", n, what)
	return nil
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "", "Serves the JSON API (/api/search, /api/documents/{id}, /healthz) and the web UI.")
	db := dbFlag(fs, e)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: web.New(st, web.Options{Logger: e.log}), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "newsgraph: serving %s on http://%s/\n", *db, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	}
}
