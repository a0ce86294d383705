package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Format names, as the command line takes them (--format).
const (
	FormatGDELTEvents   = "gdelt-events"
	FormatGDELTMentions = "gdelt-mentions"
	FormatEventsCSV     = "events-csv"
	FormatParquet       = "parquet"
	FormatEventsJSONL   = "events-jsonl"
)

// ErrUnknownFormat is returned (wrapped) for a format name Formats does not
// list.
var ErrUnknownFormat = errors.New("export: unknown format")

// DefaultRowGroupRows is the number of rows of a Parquet row group when
// Options.RowGroupRows is zero.
const DefaultRowGroupRows = 64 << 10

// Formats returns the format names Events accepts, in the order a help
// text should list them.
func Formats() []string {
	return []string{FormatGDELTEvents, FormatGDELTMentions, FormatEventsCSV, FormatParquet, FormatEventsJSONL}
}

// Valid reports whether format is one of Formats.
func Valid(format string) bool {
	for _, f := range Formats() {
		if f == format {
			return true
		}
	}
	return false
}

// Extension returns the usual file name extension of a format's output
// (".tsv", ".csv", ".parquet", ".jsonl"), or "" for an unknown format.
func Extension(format string) string {
	switch format {
	case FormatGDELTEvents, FormatGDELTMentions:
		return ".tsv"
	case FormatEventsCSV:
		return ".csv"
	case FormatParquet:
		return ".parquet"
	case FormatEventsJSONL:
		return ".jsonl"
	}
	return ""
}

// DocumentGetter reads a stored document by ID (sqlite.Store implements
// it). The gdelt-mentions format uses it to turn an event's evidence,
// located by paragraph, into document-level code-point offsets.
type DocumentGetter interface {
	Document(ctx context.Context, id string) (*newsgraph.Document, error)
}

// Options tunes an export. The zero value is usable.
type Options struct {
	// RowGroupRows bounds a Parquet row group: the writer flushes every
	// RowGroupRows rows, so memory does not grow with the number of
	// events. Zero means DefaultRowGroupRows.
	RowGroupRows int
	// Documents, when set, gives gdelt-mentions the documents behind the
	// mentions (SentenceID, the CharOffset columns and InRawText are empty
	// without it). Events sets it to the reader when the reader is also a
	// DocumentGetter.
	Documents DocumentGetter
	// CountryName names a country from its ISO 3166 alpha-3 code for the
	// GDELT Geo_FullName columns; nil uses the embedded knowledge base
	// (package kb), loaded on first use.
	CountryName func(iso3 string) string
}

// Events writes the events of r that match q to w in format and returns
// the number of rows written (events, or mentions for gdelt-mentions).
// q's Limit and Offset are ignored: an export is every matching event.
// When r is also a DocumentGetter (as sqlite.Store is), gdelt-mentions
// reads the documents behind the mentions. w is written through a buffer
// and is not closed.
func Events(ctx context.Context, w io.Writer, format string, r newsgraph.EventReader, q newsgraph.EventQuery) (int, error) {
	var opts Options
	if d, ok := r.(DocumentGetter); ok {
		opts.Documents = d
	}
	return Write(ctx, w, format, r, q, opts)
}

// Write is Events with explicit options.
func Write(ctx context.Context, w io.Writer, format string, r newsgraph.EventReader, q newsgraph.EventQuery, opts Options) (int, error) {
	if !Valid(format) {
		return 0, fmt.Errorf("%w %q (formats: %v)", ErrUnknownFormat, format, Formats())
	}
	if opts.RowGroupRows <= 0 {
		opts.RowGroupRows = DefaultRowGroupRows
	}
	if opts.CountryName == nil {
		opts.CountryName = kbCountryName()
	}
	start := time.Now()
	var (
		n   int
		err error
	)
	if format == FormatParquet {
		// The Parquet writer buffers its own output (one row group's
		// pages at a time).
		n, err = writeParquet(ctx, w, r, q, opts)
	} else {
		bw := bufio.NewWriterSize(w, 256<<10)
		switch format {
		case FormatGDELTEvents:
			n, err = writeGDELTEvents(ctx, bw, r, q, opts)
		case FormatGDELTMentions:
			n, err = writeGDELTMentions(ctx, bw, r, q, opts)
		case FormatEventsCSV:
			n, err = writeCSV(ctx, bw, r, q)
		case FormatEventsJSONL:
			n, err = writeJSONL(ctx, bw, r, q)
		}
		if err == nil {
			if ferr := bw.Flush(); ferr != nil {
				err = fmt.Errorf("export %s: write: %w", format, ferr)
			}
		}
	}
	if err != nil {
		return n, err
	}
	slog.DebugContext(ctx, "export done", "format", format, "rows", n, "elapsed", time.Since(start))
	return n, nil
}

// writeJSONL writes one CorpusEvent object per line.
func writeJSONL(ctx context.Context, w io.Writer, r newsgraph.EventReader, q newsgraph.EventQuery) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := r.EachEvent(ctx, q, func(e *newsgraph.CorpusEvent) error {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("event %d: %w", e.ID, err)
		}
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("export events-jsonl: %w", err)
	}
	return n, nil
}
