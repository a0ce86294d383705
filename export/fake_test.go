package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// fakeReader is an in-memory EventReader over fixed events and mentions.
// EachEvent honours the Actor and Root filters of a query, which is all
// the tests ask of it.
type fakeReader struct {
	events   []newsgraph.CorpusEvent
	mentions []newsgraph.EventMention
	err      error // returned by the streams after the first callback
}

func (f *fakeReader) match(e *newsgraph.CorpusEvent, q newsgraph.EventQuery) bool {
	if q.Root != "" && e.Root != q.Root {
		return false
	}
	if q.Actor != "" {
		a := strings.ToUpper(q.Actor)
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Code
		}
		if !strings.HasPrefix(e.Source.Code, a) && !strings.HasPrefix(tgt, a) {
			return false
		}
	}
	return true
}

func (f *fakeReader) Events(ctx context.Context, q newsgraph.EventQuery) ([]newsgraph.CorpusEvent, error) {
	var out []newsgraph.CorpusEvent
	err := f.EachEvent(ctx, q, func(e *newsgraph.CorpusEvent) error { out = append(out, *e); return nil })
	return out, err
}

func (f *fakeReader) EachEvent(ctx context.Context, q newsgraph.EventQuery, fn func(*newsgraph.CorpusEvent) error) error {
	for i := range f.events {
		if err := ctx.Err(); err != nil {
			return err
		}
		e := f.events[i] // a copy: the callee must not keep it
		if !f.match(&e, q) {
			continue
		}
		if err := fn(&e); err != nil {
			return err
		}
		if f.err != nil {
			return f.err
		}
	}
	return nil
}

func (f *fakeReader) EachEventMention(ctx context.Context, fn func(*newsgraph.EventMention) error) error {
	for i := range f.mentions {
		if err := ctx.Err(); err != nil {
			return err
		}
		m := f.mentions[i]
		if err := fn(&m); err != nil {
			return err
		}
		if f.err != nil {
			return f.err
		}
	}
	return nil
}

func (f *fakeReader) PairMonths(context.Context, string, string) ([]newsgraph.PairMonth, error) {
	return nil, nil
}

// docReader is a fakeReader that also serves documents (a DocumentGetter,
// as sqlite.Store is).
type docReader struct {
	*fakeReader
	docs  map[string]*newsgraph.Document
	reads int
}

func (d *docReader) Document(_ context.Context, id string) (*newsgraph.Document, error) {
	d.reads++
	if doc, ok := d.docs[id]; ok {
		return doc, nil
	}
	return nil, fmt.Errorf("fake: document %q: %w", id, newsgraph.ErrNotFound)
}

func sp(s string) *string { return &s }

// Fixture texts. p0 is 89 code points, p1 80 (its "Ü" is two bytes), so
// p1 starts at 90 in the body.
const (
	p0 = "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali on Tuesday."
	p1 = "Über 100 Delegierte kamen. The United Nations welcomed the talks. He urged calm."
)

// fixtureDoc is d1, the document behind most fixture mentions.
func fixtureDoc() *newsgraph.Document {
	actor := func(code, country string) *newsgraph.Actor {
		return &newsgraph.Actor{Code: code, Country: country}
	}
	return &newsgraph.Document{
		ID:         "d1",
		Paragraphs: []string{p0, p1},
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Xi Jinping", Type: "PER", Actor: actor("CHNGOV", "CHN"), Mentions: []newsgraph.Mention{
				{Paragraph: 0, Start: 18, End: 28, Text: "Xi Jinping"},
				{Paragraph: 1, Start: 66, End: 68, Text: "He", Kind: newsgraph.MentionPronoun},
			}},
			{ID: "e2", Name: "Yoon Suk-yeol", Type: "PER", Actor: actor("KORGOV", "KOR"), Mentions: []newsgraph.Mention{
				{Paragraph: 0, Start: 56, End: 69, Text: "Yoon Suk-yeol"},
			}},
			{ID: "e3", Name: "United Nations", Type: "ORG", Actor: actor("IGOUNO", ""), Mentions: []newsgraph.Mention{
				{Paragraph: 1, Start: 31, End: 45, Text: "United Nations"},
			}},
			{ID: "e4", Name: "Bali", Type: "LOC", Mentions: []newsgraph.Mention{
				{Paragraph: 0, Start: 73, End: 77, Text: "Bali"},
			}},
		},
	}
}

// fixtureEvents are five events covering the cases of every format: a
// full day-precise event; a month-precise IGO event without target or
// location; an event whose values hold tabs, quotes and newlines; a
// day-form date of month precision; a US region without a point.
func fixtureEvents() []newsgraph.CorpusEvent {
	return []newsgraph.CorpusEvent{
		{
			ID:     1,
			Source: newsgraph.CorpusActor{Code: "CHNGOV", Country: "CHN", Name: "Xi Jinping"},
			Target: &newsgraph.CorpusActor{Code: "KORGOV", Country: "KOR", Name: "Yoon Suk-yeol"},
			Cameo:  "0421", Root: "04", QuadClass: 1, Goldstein: 1.9, Plover: "CONSULT",
			Date: "2022-11-15", DatePrecision: "day",
			Location:    &newsgraph.Place{Name: "Bali", Country: "IDN", Admin1: "Bali", Lat: -8.5, Lon: 115.0833, Precision: "admin1", GeonamesID: 1650535},
			NumMentions: 3, NumSources: 2, NumArticles: 2,
			FirstSeen: "2022-11-15", LastSeen: "2022-11-16",
			SourceURL: "https://example.com/xi-yoon",
		},
		{
			ID:     2,
			Source: newsgraph.CorpusActor{Code: "IGOUNO", Name: "United Nations"},
			Cameo:  "010", Root: "01", QuadClass: 1, Goldstein: 0,
			Date: "2022-11", DatePrecision: "month",
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			FirstSeen: "2022-11", LastSeen: "2022-11",
		},
		{
			ID:     3,
			Source: newsgraph.CorpusActor{Code: "USAGOV", Country: "USA", Name: "Mr.\t\"Quote\", Jr.\nX"},
			Target: &newsgraph.CorpusActor{Code: "---ENV", Name: "environmental\r\nactivists"},
			Cameo:  "112", Root: "11", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE",
			Date: "2023", DatePrecision: "year",
			Location:    &newsgraph.Place{Name: "Washington", Country: "USA", Admin1: "District of Columbia", Lat: 38.89511, Lon: -77.03637, Precision: "city"},
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			FirstSeen: "2023-01-02", LastSeen: "2023-01-02",
			SourceURL: "https://example.org/a\tb",
		},
		{
			ID:     4,
			Source: newsgraph.CorpusActor{Code: "RUSMIL", Country: "RUS", Name: "Russian forces"},
			Target: &newsgraph.CorpusActor{Code: "UKR", Country: "UKR", Name: "Ukraine"},
			Cameo:  "190", Root: "19", QuadClass: 4, Goldstein: -10, Plover: "FIGHT",
			Date: "2022-03-01", DatePrecision: "month",
			NumMentions: 2, NumSources: 2, NumArticles: 2,
			FirstSeen: "2022-03-01", LastSeen: "2022-03-05",
		},
		{
			ID:     5,
			Source: newsgraph.CorpusActor{Code: "USAGOVLEG", Country: "USA", Name: "Congress"},
			Cameo:  "036", Root: "03", QuadClass: 1, Goldstein: 4,
			Date: "2021-12-31", DatePrecision: "day",
			Location:    &newsgraph.Place{Name: "California", Country: "USA", Admin1: "California", Precision: "admin1"},
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			FirstSeen: "2022", LastSeen: "2022",
		},
	}
}

// fixtureMentions are the mentions of the fixture events, in event order:
// two of event 1 (d1 with a URL, d2 unknown to the store and without
// URL), one of event 2 and a negated pronoun mention of event 3 in d1.
func fixtureMentions() []newsgraph.EventMention {
	ev := func(src string, tgt *string, para, sent, start, end int, conf float64, neg bool) newsgraph.Event {
		var target *newsgraph.EventActor
		if tgt != nil {
			target = &newsgraph.EventActor{Entity: tgt}
		}
		return newsgraph.Event{
			Source: newsgraph.EventActor{Entity: sp(src)},
			Target: target,
			// The fixture documents' first paragraphs are one sentence.
			Evidence:   newsgraph.Evidence{Paragraph: para, Sentence: sent, DocSentence: para + sent, Start: start, End: end},
			Confidence: conf,
			Negated:    neg,
		}
	}
	return []newsgraph.EventMention{
		{EventID: 1, DocID: "d1", Site: "example.com", URL: "https://example.com/xi-yoon", Published: "2022-11-15",
			DocLength: 170, Event: ev("e1", sp("e2"), 0, 0, 0, 89, 0.8, false)},
		{EventID: 1, DocID: "d2", Published: "2022-11",
			Event: ev("e1", sp("e2"), 0, 1, 10, 40, 0.7, false)},
		{EventID: 2, DocID: "d1", URL: "https://www.example.net/un", Published: "2022-11-15",
			Event: withTrigger(ev("e3", nil, 1, 1, 27, 65, 0.6, false), 40, 46)},
		{EventID: 3, DocID: "d1", Site: "example.com", URL: "https://example.com/xi-yoon", Published: "2022-11-15",
			DocLength: 170, Event: ev("e1", nil, 1, 2, 66, 80, 0.35, true)},
	}
}

func fixtureReader() *fakeReader {
	return &fakeReader{events: fixtureEvents(), mentions: fixtureMentions()}
}

func fixtureDocReader() *docReader {
	return &docReader{fakeReader: fixtureReader(), docs: map[string]*newsgraph.Document{"d1": fixtureDoc()}}
}

// withTrigger gives an event its trigger's offsets.
func withTrigger(e newsgraph.Event, start, end int) newsgraph.Event {
	e.Trigger = &newsgraph.Trigger{Text: "called", Start: start, End: end}
	return e
}
