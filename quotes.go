package newsgraph

// QuoteQuery selects quotes across the corpus.
type QuoteQuery struct {
	// Speaker keeps quotes attributed to this name (case-insensitive).
	Speaker string
	// About is a full-text query over the quote's words.
	About string
	// From and To bound the quote's first publication date ("YYYY",
	// "YYYY-MM" or "YYYY-MM-DD", inclusive).
	From, To string
	Limit    int
	Offset   int
}

// QuoteGroup is one quote of the corpus: the same words carried by one or
// many documents (case, punctuation, quotation marks and a little editing
// aside), with the earliest as its text.
type QuoteGroup struct {
	ID           int64  `json:"id"`
	Text         string `json:"text"`
	Kind         string `json:"kind"`
	Speaker      string `json:"speaker,omitempty"`
	SpeakerActor string `json:"speaker_actor,omitempty"`
	// Mentions counts the documents' quotes in the group.
	Mentions  int    `json:"mentions"`
	FirstDate string `json:"first_date,omitempty"`
	LastDate  string `json:"last_date,omitempty"`
	// Sources are the mentions, earliest first.
	Sources []QuoteSource `json:"sources"`
}

// QuoteSource is one document's mention of a quote.
type QuoteSource struct {
	DocID     string `json:"doc_id"`
	Title     string `json:"title"`
	Site      string `json:"site,omitempty"`
	Date      string `json:"date,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Cue       string `json:"cue"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}
