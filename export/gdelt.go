package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Column counts of GDELT 2.0's tables.
const (
	gdeltEventColumns   = 61
	gdeltMentionColumns = 16
)

// writeGDELTEvents writes one GDELT 2.0 Events row per event.
func writeGDELTEvents(ctx context.Context, w *bufio.Writer, r newsgraph.EventReader, q newsgraph.EventQuery, opts Options) (int, error) {
	var line []byte
	n := 0
	err := r.EachEvent(ctx, q, func(e *newsgraph.CorpusEvent) error {
		line = appendGDELTEvent(line[:0], e, opts.CountryName)
		if _, err := w.Write(line); err != nil {
			return fmt.Errorf("write event %d: %w", e.ID, err)
		}
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("export %s: %w", FormatGDELTEvents, err)
	}
	return n, nil
}

// appendGDELTEvent appends e's 61 tab-separated fields and a newline.
func appendGDELTEvent(b []byte, e *newsgraph.CorpusEvent, countryName func(string) string) []byte {
	d := parseDate(e.Date, e.DatePrecision)
	b = strconv.AppendInt(b, e.ID, 10) // GlobalEventID
	b = append(b, '\t')
	b = d.appendDay(b) // Day
	b = append(b, '\t')
	b = d.appendMonth(b) // MonthYear
	b = append(b, '\t')
	b = d.appendYear(b) // Year
	b = append(b, '\t')
	b = d.appendFraction(b) // FractionDate
	b = append(b, '\t')
	b = appendGDELTActor(b, &e.Source) // Actor1: 10 fields
	b = append(b, '\t')
	b = appendGDELTActor(b, e.Target) // Actor2: 10 fields
	b = append(b, '\t')
	// IsRootEvent: GDELT's flag for an event of the first report's lead
	// paragraph; a corpus event does not keep which mention came first.
	b = append(b, '\t')
	b = appendField(b, e.Cameo) // EventCode
	b = append(b, '\t')
	b = appendField(b, baseCode(e.Cameo)) // EventBaseCode
	b = append(b, '\t')
	b = appendField(b, rootCode(e.Root, e.Cameo)) // EventRootCode
	b = append(b, '\t')
	b = appendPositive(b, int64(e.QuadClass)) // QuadClass
	b = append(b, '\t')
	if e.Cameo != "" {
		b = appendFloat(b, e.Goldstein) // GoldsteinScale
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(e.NumMentions), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(e.NumSources), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(e.NumArticles), 10)
	b = append(b, '\t')
	// AvgTone: no tone is measured.
	b = append(b, '\t')
	b = appendGDELTGeo(b, nil, countryName) // Actor1Geo: 8 fields
	b = append(b, '\t')
	b = appendGDELTGeo(b, nil, countryName) // Actor2Geo: 8 fields
	b = append(b, '\t')
	b = appendGDELTGeo(b, e.Location, countryName) // ActionGeo: 8 fields
	b = append(b, '\t')
	b = parseDate(e.FirstSeen, "").appendTimestamp(b) // DATEADDED
	b = append(b, '\t')
	b = appendField(b, e.SourceURL) // SOURCEURL
	return append(b, '\n')
}

// appendGDELTActor appends the ten actor fields (Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code,
// Type2Code, Type3Code), empty for a nil actor.
func appendGDELTActor(b []byte, a *newsgraph.CorpusActor) []byte {
	if a == nil || a.Code == "" && a.Name == "" {
		return append(b, "\t\t\t\t\t\t\t\t\t"...)
	}
	p := splitActor(a.Code, a.Country)
	b = appendField(b, p.code)
	b = append(b, '\t')
	b = appendUpperField(b, a.Name)
	b = append(b, '\t')
	b = appendField(b, p.country)
	b = append(b, '\t')
	b = appendField(b, p.knownGroup)
	// Ethnic and religion codes: the actor stage does not code them.
	b = append(b, "\t\t\t\t"...)
	b = appendField(b, p.types[0])
	b = append(b, '\t')
	b = appendField(b, p.types[1])
	b = append(b, '\t')
	return appendField(b, p.types[2])
}

// appendGDELTGeo appends the eight geography fields (Type, FullName,
// CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID), empty for a nil
// place.
func appendGDELTGeo(b []byte, p *newsgraph.Place, countryName func(string) string) []byte {
	if p == nil {
		return append(b, "\t\t\t\t\t\t\t"...)
	}
	if t := gdeltGeoType(p); t > 0 {
		b = strconv.AppendInt(b, int64(t), 10)
	}
	b = append(b, '\t')
	b = appendFullName(b, p, countryName)
	b = append(b, '\t')
	b = appendField(b, p.Country)
	// ADM1Code and ADM2Code are FIPS and GAUL codes; the geocoder keeps the
	// region's name (in FullName) but no such code.
	b = append(b, "\t\t\t"...)
	if p.Lat != 0 || p.Lon != 0 {
		b = appendFloat(b, p.Lat)
		b = append(b, '\t')
		b = appendFloat(b, p.Lon)
	} else {
		b = append(b, '\t')
	}
	b = append(b, '\t')
	return appendPositive(b, int64(p.GeonamesID))
}

// eventStamp is what gdelt-mentions needs of an event: its ID and its
// DATEADDED.
type eventStamp struct {
	id    int64
	added string
}

// writeGDELTMentions writes one GDELT 2.0 Mentions row per mention of the
// events that match q. It merges two ordered streams: the events of q (in
// ID order, read on a goroutine for their DATEADDED) and every mention (in
// event ID order); a mention whose event is not in the first stream is
// skipped, so q filters the mentions too and memory stays flat.
func writeGDELTMentions(ctx context.Context, w *bufio.Writer, r newsgraph.EventReader, q newsgraph.EventQuery, opts Options) (int, error) {
	ectx, cancel := context.WithCancel(ctx)
	defer cancel()
	events := make(chan eventStamp, 256)
	evErr := make(chan error, 1)
	go func() {
		defer close(events)
		var b []byte
		evErr <- r.EachEvent(ectx, q, func(e *newsgraph.CorpusEvent) error {
			b = parseDate(e.FirstSeen, "").appendTimestamp(b[:0])
			select {
			case events <- eventStamp{e.ID, string(b)}:
				return nil
			case <-ectx.Done():
				return ectx.Err()
			}
		})
	}()

	var (
		cur       eventStamp
		have, eof bool
		last      int64 = math.MinInt64
		line      []byte
		n         int
	)
	cache := newLayoutCache(opts.Documents)
	err := r.EachEventMention(ctx, func(m *newsgraph.EventMention) error {
		if m.EventID < last {
			return fmt.Errorf("mentions out of event order: event %d after %d", m.EventID, last)
		}
		last = m.EventID
		for !eof && (!have || cur.id < m.EventID) {
			e, ok := <-events
			if !ok {
				eof = true
				break
			}
			cur, have = e, true
		}
		if !have || cur.id != m.EventID {
			return nil // not an event of q
		}
		l, err := cache.get(ctx, m.DocID)
		if err != nil {
			return err
		}
		line = appendGDELTMention(line[:0], m, cur.added, l)
		if _, err := w.Write(line); err != nil {
			return fmt.Errorf("write mention of event %d: %w", m.EventID, err)
		}
		n++
		return nil
	})
	cancel()
	for range events {
		// Let the event stream see the cancellation and end.
	}
	e := <-evErr
	if err != nil {
		return n, fmt.Errorf("export %s: %w", FormatGDELTMentions, err)
	}
	if e != nil && !(errors.Is(e, context.Canceled) && ctx.Err() == nil) {
		return n, fmt.Errorf("export %s: events: %w", FormatGDELTMentions, e)
	}
	return n, nil
}

// appendGDELTMention appends a mention's 16 tab-separated fields and a
// newline. added is the event's DATEADDED; l is the document's layout, nil
// when unknown.
func appendGDELTMention(b []byte, m *newsgraph.EventMention, added string, l *layout) []byte {
	b = strconv.AppendInt(b, m.EventID, 10) // GlobalEventID
	b = append(b, '\t')
	b = append(b, added...) // EventTimeDate
	b = append(b, '\t')
	b = parseDate(m.Published, "").appendTimestamp(b) // MentionTimeDate
	b = append(b, '\t')
	if m.URL != "" {
		b = append(b, "1\t"...) // MentionType WEB
		b = appendField(b, sourceName(m))
		b = append(b, '\t')
		b = appendField(b, m.URL) // MentionIdentifier
	} else {
		b = append(b, "2\t"...) // MentionType CITATIONONLY
		b = appendField(b, sourceName(m))
		b = append(b, '\t')
		b = appendField(b, m.DocID)
	}
	b = append(b, '\t')
	ev := &m.Event
	if l != nil {
		pl := l.locate(ev)
		b = appendKnown(b, pl.sentence) // SentenceID
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(pl.actor1), 10) // Actor1CharOffset
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(pl.actor2), 10) // Actor2CharOffset
		b = append(b, '\t')
		b = appendKnown(b, pl.action) // ActionCharOffset
		b = append(b, '\t')
		b = appendKnown(b, pl.raw) // InRawText
	} else {
		b = append(b, "\t\t\t\t"...)
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(confidence(ev.Confidence)), 10) // Confidence
	b = append(b, '\t')
	docLen := m.DocLength
	if docLen == 0 && l != nil {
		docLen = l.length
	}
	b = appendPositive(b, int64(docLen)) // MentionDocLen
	// MentionDocTone: no tone is measured; MentionDocTranslationInfo:
	// nothing is machine-translated.
	b = append(b, "\t\t\t"...)
	b = appendExtras(b, m)
	return append(b, '\n')
}

// appendKnown appends v, or nothing when it is negative (unknown).
func appendKnown(b []byte, v int) []byte {
	if v < 0 {
		return b
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// confidence is GDELT's percent confidence: the event's 0–1 confidence
// times 100, rounded and kept within 0–100.
func confidence(c float64) int {
	if math.IsNaN(c) {
		return 0
	}
	return int(math.Round(min(max(c, 0), 1) * 100))
}

// sourceName is GDELT's MentionSourceName: the site, else the URL's host.
func sourceName(m *newsgraph.EventMention) string {
	if m.Site != "" {
		return m.Site
	}
	if u, err := url.Parse(m.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}

// appendExtras appends the Extras field: GDELT reserves it for XML-style
// additions, and it carries the evidence's own location — the document,
// the 0-based paragraph and sentence in the paragraph, the code-point
// offsets into the paragraph — and <NEGATED>1</NEGATED> for a negated
// mention.
func appendExtras(b []byte, m *newsgraph.EventMention) []byte {
	ev := &m.Event.Evidence
	b = append(b, "<DOCID>"...)
	b = appendXMLText(b, m.DocID)
	b = append(b, "</DOCID><PARAGRAPH>"...)
	b = strconv.AppendInt(b, int64(ev.Paragraph), 10)
	b = append(b, "</PARAGRAPH><SENTENCE>"...)
	b = strconv.AppendInt(b, int64(ev.Sentence), 10)
	b = append(b, "</SENTENCE><START>"...)
	b = strconv.AppendInt(b, int64(ev.Start), 10)
	b = append(b, "</START><END>"...)
	b = strconv.AppendInt(b, int64(ev.End), 10)
	b = append(b, "</END>"...)
	if m.Event.Negated {
		b = append(b, "<NEGATED>1</NEGATED>"...)
	}
	return b
}

// appendXMLText appends s escaped for XML character data, on one line.
func appendXMLText(b []byte, s string) []byte {
	for _, r := range s {
		switch r {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		default:
			if r < 0x20 {
				r = ' '
			}
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
