package newsgraph

import "context"

// EventQuery selects events across the corpus. Codes are prefixes of actor
// codes ("CHN" matches CHN, CHNGOV, CHNMIL…), compared case-insensitively.
type EventQuery struct {
	// Actor keeps events whose source or target code starts with it.
	Actor string
	// Source and Target keep events whose source (target) code starts
	// with them.
	Source, Target string
	// Pair keeps the events between two country codes in either
	// direction, when both are set (Pair[0] with Pair[1]).
	Pair [2]string
	// Name keeps events whose source or target came from an entity of this
	// name (case-insensitive): an actor page's events.
	Name string
	// Root keeps events of one CAMEO root ("19").
	Root string
	// From and To bound the event date ("YYYY", "YYYY-MM" or
	// "YYYY-MM-DD", inclusive).
	From, To string
	// DocID keeps events with a mention in this document.
	DocID string
	// Mentions asks for each event's mentions (evidence and documents).
	Mentions bool
	Limit    int
	Offset   int
}

// CorpusActor is an event's source or target across the corpus.
type CorpusActor struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	// Name is the entity's name in the first mention ("Xi Jinping").
	Name string `json:"name,omitempty"`
}

// CorpusEvent is one real-world event: the mentions of all documents that
// report the same source, target, CAMEO root, a compatible date (±1 day)
// and place. Counts follow GDELT: NumMentions counts the mentions,
// NumSources the distinct sites, NumArticles the distinct documents.
type CorpusEvent struct {
	ID            int64        `json:"id"`
	Source        CorpusActor  `json:"source"`
	Target        *CorpusActor `json:"target"`
	Cameo         string       `json:"cameo"`
	Root          string       `json:"root"`
	QuadClass     int          `json:"quad_class"`
	Goldstein     float64      `json:"goldstein"`
	Plover        string       `json:"plover"`
	Date          string       `json:"date,omitempty"`
	DatePrecision string       `json:"date_precision,omitempty"`
	Location      *Place       `json:"location"`
	NumMentions   int          `json:"num_mentions"`
	NumSources    int          `json:"num_sources"`
	NumArticles   int          `json:"num_articles"`
	// FirstSeen and LastSeen are the publication dates of the earliest
	// and latest reporting documents.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// SourceURL is the URL of the first reporting document, when known.
	SourceURL string `json:"source_url,omitempty"`
	// Mentions are filled when the query asks for them, earliest first.
	Mentions []EventMention `json:"mentions,omitempty"`
}

// EventMention is one document's report of an event: the coded event of
// the document record with the document it came from.
type EventMention struct {
	EventID int64  `json:"event_id"`
	DocID   string `json:"doc_id"`
	Title   string `json:"title,omitempty"`
	Site    string `json:"site,omitempty"`
	URL     string `json:"url,omitempty"`
	// Published is the document's publication date.
	Published string `json:"published,omitempty"`
	// Position is the event's index in the document's events.
	Position int `json:"position"`
	// SourceName and TargetName are the names of the entities the
	// event's actors came from.
	SourceName string `json:"source_name,omitempty"`
	TargetName string `json:"target_name,omitempty"`
	// DocLength is the document's length in code points (GDELT's
	// MentionDocLen).
	DocLength int   `json:"doc_length,omitempty"`
	Event     Event `json:"event"`
}

// PairMonth is one month of the events between two countries.
type PairMonth struct {
	Month string `json:"month"` // YYYY-MM
	// Events counts the events of the month (either direction).
	Events int `json:"events"`
	// MeanGoldstein is the mean Goldstein value of those events.
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// EventReader reads the corpus events of a store.
type EventReader interface {
	// Events returns the events that match q, newest date first, then
	// most mentioned.
	Events(ctx context.Context, q EventQuery) ([]CorpusEvent, error)
	// EachEvent streams every event that matches q (Limit and Offset
	// ignored) in ID order, without its mentions, stopping at fn's first
	// error; memory stays flat whatever the number of events.
	EachEvent(ctx context.Context, q EventQuery, fn func(*CorpusEvent) error) error
	// EachEventMention streams every event mention in (event ID, document)
	// order, stopping at fn's first error.
	EachEventMention(ctx context.Context, fn func(*EventMention) error) error
	// PairMonths returns the monthly counts and mean Goldstein values of
	// the events between two country codes, in either direction.
	PairMonths(ctx context.Context, a, b string) ([]PairMonth, error)
}
