package timex

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Kind says what a time expression denotes; it is TimeExpr.Kind.
type Kind string

// Kinds of time expressions.
const (
	// KindDate is a point or period on the calendar: "Tuesday", "last
	// week", "December 2019", "three years ago".
	KindDate Kind = "date"
	// KindDuration is a length of time: "nearly three years", "for two
	// weeks", "the 30th anniversary".
	KindDuration Kind = "duration"
	// KindSet is a recurrence: "every Monday", "annually", "twice a year".
	KindSet Kind = "set"
)

// Granularity is the unit a date value is given in.
type Granularity string

// Granularities of date values, with the form of the value.
const (
	GranDay    Granularity = "day"    // "2022-11-15"
	GranWeek   Granularity = "week"   // "2022-W46" (ISO 8601 week)
	GranMonth  Granularity = "month"  // "2022-11"
	GranYear   Granularity = "year"   // "2022"
	GranDecade Granularity = "decade" // "199" (the 1990s)
)

// Precision returns the publication-date precision that matches g: day,
// month or year; a week or a decade has none ("").
func (g Granularity) Precision() newsgraph.Precision {
	switch g {
	case GranDay:
		return newsgraph.PrecisionDay
	case GranMonth:
		return newsgraph.PrecisionMonth
	case GranYear:
		return newsgraph.PrecisionYear
	}
	return newsgraph.PrecisionNone
}

// Tense is the tense of the clause a time expression belongs to. It only
// matters for expressions that name a day or month without saying which
// one ("on Tuesday", "in December", "15 November", "this Wednesday").
type Tense int8

// Tenses.
const (
	// TenseUnknown is read as past: news mostly reports what happened.
	TenseUnknown Tense = iota
	// TensePast: "met on Tuesday" → the most recent Tuesday on or before
	// the publication date.
	TensePast
	// TenseFuture: "will meet on Tuesday", "is due to … on Monday" → the
	// first Tuesday on or after the publication date.
	TenseFuture
)

// String returns "unknown", "past" or "future".
func (t Tense) String() string {
	switch t {
	case TensePast:
		return "past"
	case TenseFuture:
		return "future"
	}
	return "unknown"
}

// Resolution is a time expression found in a string and normalised.
type Resolution struct {
	// Text is the expression as written (the first one in the string).
	Text string
	// Kind is what it denotes; "" when the string holds no time expression.
	Kind Kind
	// Value is the normalised value, "" when it cannot be known:
	//   - date: "2022-11-15", "2022-W46", "2022-11", "2022" or "199";
	//   - duration: ISO 8601, "P3Y", "P2W", "PT5H", "P1.5Y";
	//   - set: the TIMEX3 form, "P1W" (weekly), "XXXX-WXX-1" (every Monday).
	Value string
	// Granularity is the unit of a date value; "" for other kinds or
	// without a value.
	Granularity Granularity
}

// ValuePtr returns a pointer to Value, or nil when it is empty (the form
// of TimeExpr.Value).
func (r Resolution) ValuePtr() *string { return newsgraph.StringPtr(r.Value) }

// Resolve finds the first time expression in expr and normalises it
// against the publication date pub, reading day and month names by tense.
// expr is typically the expression a TimeExpr holds, or the words that
// govern a predicate ("on Tuesday", "for two weeks", "last year"): a
// leading preposition is allowed, and so are a bare year ("2019") and a
// lower-case month ("december"), which the stage only accepts in context.
//
// Anchored expressions ("the day before", "the next day", "earlier in the
// day") are resolved against the publication date; use ResolveAnchored to
// give the date the narrative is at.
//
// The value is never more precise than pub allows: an expression whose
// value would differ between the first and the last day pub could be (a
// weekday with a year-precise date, "yesterday" with a month-precise one)
// gets no value. Resolve is pure and safe for concurrent use.
func Resolve(expr string, pub newsgraph.Published, tense Tense) Resolution {
	return ResolveAnchored(expr, pub, tense, pubValue(pub))
}

// ResolveAnchored is Resolve with the narrative's anchor date for anchored
// expressions ("the day before", "the following week", "that year", "two
// days later"): a value as the stage writes them ("2022-11-15", "2022-W46",
// "2022-11", "2022"). An empty anchor means the anchor is unknown (the
// previous date in the text had no value), and anchored expressions get no
// value. All other expressions are resolved as by Resolve.
func ResolveAnchored(expr string, pub newsgraph.Published, tense Tense, anchor string) Resolution {
	toks := text.Tokenize(expr)
	p := para{text: expr, toks: toks, ents: make([]entry, len(toks)), permissive: true}
	p.lookupAll()
	for i := range toks {
		if !p.ents[i].has(starters) {
			continue
		}
		m, ok := p.at(i)
		if !ok {
			continue
		}
		ref := reference{pub: pubSpan(pub), tense: tense, anchor: valueSpan(anchor)}
		r := m.resolve(&ref)
		var cur cursor
		r.Text = cur.slice(expr, toks[m.first].Start, toks[m.last].End)
		return r
	}
	return Resolution{}
}

// pubValue is pub's date cut to its precision: the anchor a text starts at.
func pubValue(pub newsgraph.Published) string {
	s := pubSpan(pub)
	if !s.ok {
		return ""
	}
	return s.value
}
