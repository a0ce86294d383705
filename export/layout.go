package export

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// layout is what gdelt-mentions needs of one document: where each
// paragraph starts in the body and the mentions of its coded actors. The
// sentence numbers come with the events (Evidence.DocSentence), so the
// export does not split documents again. It is a few hundred bytes for a
// news article.
type layout struct {
	// paraStart is each paragraph's code-point offset in the body, the
	// paragraphs joined by "\n" (Document.Body).
	paraStart []int
	// length is the body's length in code points.
	length int
	// mentions are the mentions of the entities with an actor code, by
	// entity ID.
	mentions map[string][]newsgraph.Mention
}

// newLayout measures d.
func newLayout(d *newsgraph.Document) *layout {
	l := &layout{
		paraStart: make([]int, len(d.Paragraphs)),
		mentions:  make(map[string][]newsgraph.Mention),
	}
	off := 0
	for i, p := range d.Paragraphs {
		if i > 0 {
			off++ // the "\n" between paragraphs
		}
		l.paraStart[i] = off
		off += utf8.RuneCountInString(p)
	}
	l.length = off
	for _, e := range d.Entities {
		if e.Actor != nil && e.Actor.Code != "" && len(e.Mentions) > 0 {
			l.mentions[e.ID] = e.Mentions
		}
	}
	return l
}

// place is where a mention's event lies in its document, -1 where unknown.
type place struct {
	// sentence is the 1-based sentence number over the document.
	sentence int
	// action is the trigger's start (else the evidence sentence's), actor1 and actor2 the
	// source's and target's mentions in it: code-point offsets into the
	// body.
	action, actor1, actor2 int
	// raw is 1 when every actor of the event is named in the evidence
	// sentence, 0 when one is there only as a pronoun or description or
	// not at all (the actor stage's coreference found it).
	raw int
}

// locate finds an event's evidence in the document.
func (l *layout) locate(ev *newsgraph.Event) place {
	pl := place{sentence: -1, action: -1, actor1: -1, actor2: -1, raw: -1}
	p := ev.Evidence.Paragraph
	if l == nil || p < 0 || p >= len(l.paraStart) {
		return pl
	}
	start, end := ev.Evidence.Start, ev.Evidence.End
	if ev.Evidence.DocSentence >= 0 {
		pl.sentence = ev.Evidence.DocSentence + 1
	}
	switch {
	case ev.Trigger != nil && ev.Trigger.Start >= 0:
		pl.action = l.paraStart[p] + ev.Trigger.Start
	case start >= 0:
		pl.action = l.paraStart[p] + start
	}
	raw := 1
	find := func(a *newsgraph.EventActor) int {
		if a == nil {
			return -1
		}
		if a.Entity == nil {
			raw = 0
			return -1
		}
		at, named := -1, false
		for _, m := range l.mentions[*a.Entity] {
			if m.Paragraph != p || m.Start < start || m.End > end {
				continue
			}
			if at < 0 {
				at = l.paraStart[p] + m.Start
			}
			if m.Kind == "" {
				named = true
			}
		}
		if !named {
			raw = 0
		}
		return at
	}
	pl.actor1 = find(&ev.Source)
	pl.actor2 = find(ev.Target)
	pl.raw = raw
	return pl
}

// layoutCache keeps the layouts of the documents read last: mentions come
// in event order, and one document's events are mostly close together.
type layoutCache struct {
	docs  DocumentGetter
	byID  map[string]*layout
	order []string // ring of the cached IDs, oldest at next
	next  int
}

// layoutCacheSize bounds the cache: a few MB at most.
const layoutCacheSize = 1024

func newLayoutCache(docs DocumentGetter) *layoutCache {
	return &layoutCache{docs: docs, byID: make(map[string]*layout, layoutCacheSize)}
}

// get returns a document's layout, nil when there is no DocumentGetter or
// the document is gone.
func (c *layoutCache) get(ctx context.Context, id string) (*layout, error) {
	if c == nil || c.docs == nil {
		return nil, nil
	}
	if l, ok := c.byID[id]; ok {
		return l, nil
	}
	var l *layout
	d, err := c.docs.Document(ctx, id)
	switch {
	case errors.Is(err, newsgraph.ErrNotFound):
		// Keep the mention; its document-level columns stay empty.
	case err != nil:
		return nil, fmt.Errorf("document %s: %w", id, err)
	default:
		l = newLayout(d)
	}
	if len(c.order) < layoutCacheSize {
		c.order = append(c.order, id)
	} else {
		delete(c.byID, c.order[c.next])
		c.order[c.next] = id
		c.next = (c.next + 1) % layoutCacheSize
	}
	c.byID[id] = l
	return l, nil
}
