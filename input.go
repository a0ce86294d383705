package newsgraph

import (
	"context"
	"errors"
	"fmt"
)

// Input is one raw input as a reader found it: a crawl record, an HTML page
// or one JSON line. Its bytes are kept in the store so any document can be
// re-extracted later by a newer version.
type Input struct {
	// Path is the input path exactly as given on the command line; for a file
	// found by walking a directory, the path of that file.
	Path string
	// Record is the 0-based position of this record within its file.
	Record int
	// Format is what the reader decided the input is.
	Format Format
	// Data is the raw bytes of this record (decompressed).
	Data []byte
	// Hints carries what the input itself declared besides its text.
	Hints Hints
}

// Hints are the fields an input declares about itself: a crawl record's
// header, a JSON line's url/title/date/site/language fields.
type Hints struct {
	URL      string
	Title    string
	Date     string
	Site     string
	Language string
	// Text is clean body text given by a JSON line's "text" field.
	Text string
	// HTML is page markup given by a JSON line's "html" field.
	HTML string
}

// Name identifies the input in messages and error rows: "path" or "path#N".
func (in *Input) Name() string {
	if in.Record == 0 {
		return in.Path
	}
	return fmt.Sprintf("%s#%d", in.Path, in.Record)
}

// Failure is an input that could not be turned into a document, kept with the
// reason so it can be reprocessed.
type Failure struct {
	Path   string
	Record int
	Format Format
	Reason string
	// Data is whatever raw bytes could be read (possibly none).
	Data []byte
}

// Error makes a Failure usable as an error.
func (f *Failure) Error() string {
	if f.Record == 0 {
		return fmt.Sprintf("%s: %s", f.Path, f.Reason)
	}
	return fmt.Sprintf("%s#%d: %s", f.Path, f.Record, f.Reason)
}

// Extractor turns a raw input into a document (the clean step).
type Extractor interface {
	Extract(ctx context.Context, in *Input) (*Document, error)
}

// Stage annotates a document in place (entities, actors, quotes, events).
// Stages run after extraction and before storage, in order.
type Stage interface {
	// Name identifies the stage in logs and versions.
	Name() string
	// Annotate fills the stage's fields of doc.
	Annotate(ctx context.Context, doc *Document) error
}

// PutResult says what storing an input did.
type PutResult int

// Outcomes of storing one input.
const (
	// Stored: a new document.
	Stored PutResult = iota
	// Duplicate: the input, or another input with the same article, was stored before.
	Duplicate
	// Failed: the input was kept as a failure row.
	Failed
)

// Item is one processed input on its way into the store: either a Document
// or a Failure, with the raw input it came from.
type Item struct {
	Input   *Input
	Doc     *Document
	Failure *Failure
}

// SearchQuery is a full-text search with filters.
type SearchQuery struct {
	Text   string
	From   string // YYYY, YYYY-MM or YYYY-MM-DD, inclusive
	To     string // inclusive
	Lang   string
	Site   string
	Entity string // entity name (filled by the NER issue)
	Limit  int
	Offset int
}

// SearchHit is one search result.
type SearchHit struct {
	ID        string
	Title     string
	Published Published
	Language  string
	Site      string
	URL       string
	// Snippet is a short passage with the matched terms marked by
	// SnippetOpen/SnippetClose.
	Snippet string
	Score   float64
}

// Snippet markers: the store wraps matched terms in these; the web layer
// escapes the rest and turns them into <mark>.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// SearchResult is one page of search results.
type SearchResult struct {
	// Total is the number of matches; when Capped, counting stopped there
	// and there are more.
	Total  int
	Capped bool
	Hits   []SearchHit
}

// Stats summarises a store.
type Stats struct {
	Documents   int
	Articles    int
	Inputs      int
	Failures    int
	Duplicates  int
	Languages   map[string]int
	Sites       map[string]int
	Formats     map[string]int
	Boilerplate map[string]int
	Precisions  map[string]int
	Extractors  map[string]int
	Oldest      string
	Newest      string
	// Entities counts document entities by type, Names distinct names by
	// type, Mentions all entity mentions.
	Entities map[string]int
	Names    map[string]int
	Mentions int
}

// StoredInput is a raw input kept in the store, for reprocessing.
type StoredInput struct {
	ID     int64
	Input  Input
	DocID  string
	Reason string
}

// Store keeps documents, raw inputs and failures, and searches them.
type Store interface {
	// Put stores a batch of processed inputs in one transaction and reports
	// the outcome of each, in order.
	Put(ctx context.Context, items []Item) ([]PutResult, error)
	// Seen reports whether these exact input bytes were stored before as a
	// document, so a resumed ingest can skip them. (Failures are kept per
	// input name and are retried: a newer version may read them.)
	Seen(ctx context.Context, data []byte) (bool, error)
	// Document returns a stored document by ID.
	Document(ctx context.Context, id string) (*Document, error)
	// Search runs a full-text query.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (*Stats, error)
	// Documents streams every stored document in ID order.
	Documents(ctx context.Context, fn func(*Document) error) error
	// Inputs streams every stored raw input (for reprocessing).
	Inputs(ctx context.Context, fn func(*StoredInput) error) error
	// Replace overwrites the document made from a stored input with a
	// re-extracted one (reprocessing), or records a failure for it.
	Replace(ctx context.Context, inputID int64, it Item) error
	// Close releases the store.
	Close() error
}

// ErrNotFound is returned by Store.Document for an unknown ID.
var ErrNotFound = errors.New("newsgraph: not found")
