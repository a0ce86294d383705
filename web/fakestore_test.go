package web

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// fakeStore is an in-memory newsgraph.Store for handler tests. Search
// matches documents whose title or body contains every query word (case
// folded) and marks the first match of the first word in the snippet.
type fakeStore struct {
	mu      sync.Mutex
	docs    map[string]*newsgraph.Document
	err     error                   // returned by every call when set
	queries []newsgraph.SearchQuery // every query Search received
	// hits, when set, is returned by Search as is (for hostile snippets).
	hits []newsgraph.SearchHit
	// actors is the registry, most documents first; months by key.
	actors       []newsgraph.RegisteredActor
	months       map[string][]newsgraph.MonthCount
	actorQueries []newsgraph.ActorQuery // every query Actors received
	eventQueries []newsgraph.EventQuery // every query Events received
	pairQueries  [][2]string            // every pair PairMonths received
}

func newFakeStore(docs ...*newsgraph.Document) *fakeStore {
	s := &fakeStore{docs: map[string]*newsgraph.Document{}}
	for _, d := range docs {
		s.docs[d.ID] = d
	}
	return s
}

func (s *fakeStore) Put(ctx context.Context, items []newsgraph.Item) ([]newsgraph.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]newsgraph.PutResult, len(items))
	for i, it := range items {
		if it.Doc == nil {
			out[i] = newsgraph.Failed
			continue
		}
		if _, ok := s.docs[it.Doc.ID]; ok {
			out[i] = newsgraph.Duplicate
			continue
		}
		s.docs[it.Doc.ID] = it.Doc
	}
	return out, nil
}

func (s *fakeStore) Seen(ctx context.Context, data []byte) (bool, error) { return false, s.err }

func (s *fakeStore) Document(ctx context.Context, id string) (*newsgraph.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return nil, s.err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, ok := s.docs[id]
	if !ok {
		return nil, newsgraph.ErrNotFound
	}
	return d, nil
}

func (s *fakeStore) Search(ctx context.Context, q newsgraph.SearchQuery) (*newsgraph.SearchResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queries = append(s.queries, q)
	if s.err != nil {
		return nil, s.err
	}
	if s.hits != nil {
		return &newsgraph.SearchResult{Total: len(s.hits), Hits: s.hits}, nil
	}
	words := strings.Fields(strings.ToLower(q.Text))
	var all []newsgraph.SearchHit
	for _, d := range s.docs {
		text := strings.ToLower(d.TitleText() + "\n" + d.Body())
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if q.Entity != "" && !slices.ContainsFunc(d.Entities, func(e newsgraph.Entity) bool { return strings.EqualFold(e.Name, q.Entity) }) {
			continue
		}
		if !ok || !inRange(d.Published.Date, q.From, q.To) ||
			(q.Lang != "" && q.Lang != d.LanguageCode()) || (q.Site != "" && q.Site != d.Source.Site) {
			continue
		}
		all = append(all, newsgraph.SearchHit{
			ID: d.ID, Title: d.TitleText(), Published: d.Published, Language: d.LanguageCode(),
			Site: d.Source.Site, URL: d.Source.URL, Snippet: fakeSnippet(d, words), Score: float64(len(words)),
		})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	res := &newsgraph.SearchResult{Total: len(all)}
	if q.Offset < len(all) {
		res.Hits = all[q.Offset:min(len(all), q.Offset+q.Limit)]
	}
	return res, nil
}

// inRange compares dates of any precision on their common prefix.
func inRange(date, from, to string) bool {
	if date == "" {
		return from == "" && to == ""
	}
	if from != "" {
		n := min(len(from), len(date))
		if date[:n] < from[:n] {
			return false
		}
	}
	if to != "" {
		n := min(len(to), len(date))
		if date[:n] > to[:n] {
			return false
		}
	}
	return true
}

func fakeSnippet(d *newsgraph.Document, words []string) string {
	for _, p := range d.Paragraphs {
		if len(words) == 0 {
			return p
		}
		i := strings.Index(strings.ToLower(p), words[0])
		if i >= 0 {
			j := i + len(words[0])
			return p[:i] + newsgraph.SnippetOpen + p[i:j] + newsgraph.SnippetClose + p[j:]
		}
	}
	return ""
}

func (s *fakeStore) Stats(ctx context.Context) (*newsgraph.Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &newsgraph.Stats{Documents: len(s.docs)}, s.err
}

func (s *fakeStore) Documents(ctx context.Context, fn func(*newsgraph.Document) error) error {
	s.mu.Lock()
	ids := make([]string, 0, len(s.docs))
	for id := range s.docs {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	sort.Strings(ids)
	for _, id := range ids {
		if err := fn(s.docs[id]); err != nil {
			return err
		}
	}
	return nil
}

func (s *fakeStore) Inputs(ctx context.Context, fn func(*newsgraph.StoredInput) error) error {
	return s.err
}

func (s *fakeStore) Replace(ctx context.Context, inputID int64, it newsgraph.Item) error {
	return s.err
}

func (s *fakeStore) Close() error { return nil }

// Actors filters the fake registry as the store would.
func (s *fakeStore) Actors(ctx context.Context, q newsgraph.ActorQuery) ([]newsgraph.RegisteredActor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.actorQueries = append(s.actorQueries, q)
	if s.err != nil {
		return nil, s.err
	}
	var out []newsgraph.RegisteredActor
	for _, a := range s.actors {
		code, country := "", ""
		if a.Actor != nil {
			code, country = a.Actor.Code, a.Actor.Country
		}
		if (q.Country != "" && country != q.Country) || !strings.HasPrefix(code, q.Code) ||
			(q.Type != "" && a.Type != q.Type) || !strings.Contains(a.Key, strings.ToLower(q.Query)) {
			continue
		}
		out = append(out, a)
	}
	if q.Offset >= len(out) {
		return nil, nil
	}
	return out[q.Offset:min(len(out), q.Offset+q.Limit)], nil
}

// Actor returns an actor of the fake registry by key.
func (s *fakeStore) Actor(ctx context.Context, key string) (*newsgraph.RegisteredActor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return nil, s.err
	}
	for _, a := range s.actors {
		if a.Key == key {
			return &a, nil
		}
	}
	return nil, newsgraph.ErrNotFound
}

// ActorMonths returns the fake months of an actor.
func (s *fakeStore) ActorMonths(ctx context.Context, key string) ([]newsgraph.MonthCount, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.months[key], s.err
}

var _ Store = (*fakeStore)(nil)

// Fixtures.

func ptr(s string) *string { return &s }

// articleDoc is an ordinary article with a day date and boilerplate.
func articleDoc() *newsgraph.Document {
	d := &newsgraph.Document{
		Source: newsgraph.Source{
			Path: "crawl/2022-11.txt", URL: "https://en.yna.co.kr/view/AEN20221115", Site: "en.yna.co.kr",
			Format: newsgraph.FormatTextRecord, Record: 3,
		},
		IsArticle: true,
		Title:     ptr("Leaders meet in Bali ahead of G20 summit"),
		Language:  ptr("en"),
		Published: newsgraph.Published{
			Date: "2022-11-15", Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginDateline, Raw: "2022-11-15",
		},
		Paragraphs: []string{
			"BALI, Indonesia, Nov. 15 (Yonhap) -- Leaders of the Group of 20 met in Bali on Tuesday.",
			"The summit focused on food security and the war in Ukraine.",
		},
		Boilerplate: []newsgraph.BoilerplateLine{
			{Text: "Share on Facebook", Kind: newsgraph.KindShare},
			{Text: "(END)", Kind: newsgraph.KindCredit},
		},
	}
	d.Normalize()
	return d
}

// yearDoc has a year-only date from the crawl header and a conflict note.
func yearDoc() *newsgraph.Document {
	d := &newsgraph.Document{
		Source:    newsgraph.Source{Path: "seeds/record.txt", Format: newsgraph.FormatTextRecord},
		IsArticle: false,
		Title:     ptr("Annual report on harvests"),
		Published: newsgraph.Published{
			Date: "2022", Precision: newsgraph.PrecisionYear, Origin: newsgraph.OriginHeader, Raw: "2022-01-01",
			Conflict: "header says 2022-01-01 but the text mentions 2021",
		},
		Paragraphs: []string{"The harvest was poor in most regions.", "Prices rose & farmers <protested>."},
		Boilerplate: []newsgraph.BoilerplateLine{
			{Text: "Most read", Kind: newsgraph.KindHeadline},
		},
	}
	d.Normalize()
	return d
}

// hostileDoc tries to inject markup and script everywhere.
func hostileDoc() *newsgraph.Document {
	d := &newsgraph.Document{
		Source: newsgraph.Source{
			Path: `"><script>alert('path')</script>`, URL: "javascript:alert('url')",
			Site: `<img src=x onerror=alert('site')>`, Format: newsgraph.FormatHTML,
		},
		IsArticle: true,
		Title:     ptr(`<script>alert("title")</script> harvest`),
		Language:  ptr(`en"><b>`),
		Published: newsgraph.Published{Date: "2021-05", Precision: newsgraph.PrecisionMonth, Origin: newsgraph.OriginURL,
			Conflict: `<i onmouseover=alert(1)>x</i>`},
		Paragraphs:  []string{`<iframe src="//evil.example"></iframe> harvest <b>bold</b>`},
		Boilerplate: []newsgraph.BoilerplateLine{{Text: `<a href="javascript:alert(2)">click</a>`, Kind: `"><script>`}},
	}
	d.Normalize()
	return d
}

// Quotes returns the documents' quotes, each as its own group, filtered by
// speaker.
func (s *fakeStore) Quotes(ctx context.Context, q newsgraph.QuoteQuery) ([]newsgraph.QuoteGroup, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []newsgraph.QuoteGroup{}
	for _, d := range s.docs {
		for _, qt := range d.Quotes {
			sp := ""
			if qt.Speaker != nil {
				sp = *qt.Speaker
			}
			if q.Speaker != "" && !strings.EqualFold(sp, q.Speaker) {
				continue
			}
			out = append(out, newsgraph.QuoteGroup{ID: int64(len(out) + 1), Text: qt.Text, Kind: qt.Kind, Speaker: sp, Mentions: 1,
				FirstDate: d.Published.Date, LastDate: d.Published.Date,
				Sources: []newsgraph.QuoteSource{{DocID: d.ID, Title: d.TitleText(), Date: d.Published.Date, Speaker: sp, Cue: qt.Cue}}})
		}
	}
	return out, s.err
}

// corpusEvents groups the documents' events as the store would: one corpus
// event per source code, target code, CAMEO root, date and place, its
// mentions in document ID order. IDs follow the order of first mention.
func (s *fakeStore) corpusEvents() []newsgraph.CorpusEvent {
	ids := make([]string, 0, len(s.docs))
	for id := range s.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	type key struct{ src, tgt, root, date, place string }
	index := map[key]int{}
	var out []newsgraph.CorpusEvent
	for _, id := range ids {
		d := s.docs[id]
		names := map[string]string{}
		for _, e := range d.Entities {
			names[e.ID] = e.Name
		}
		name := func(a *newsgraph.EventActor) string {
			if a == nil || a.Entity == nil {
				return ""
			}
			return names[*a.Entity]
		}
		for pos, ev := range d.Events {
			k := key{src: ev.Source.Code, root: ev.Root}
			if ev.Target != nil {
				k.tgt = ev.Target.Code
			}
			if ev.Date != nil {
				k.date = *ev.Date
			}
			if ev.Location != nil {
				k.place = ev.Location.Name
			}
			i, ok := index[k]
			if !ok {
				ce := newsgraph.CorpusEvent{
					ID:     int64(len(out) + 1),
					Source: newsgraph.CorpusActor{Code: ev.Source.Code, Country: ev.Source.Country, Name: name(&ev.Source)},
					Cameo:  ev.Cameo, Root: ev.Root, QuadClass: ev.QuadClass, Goldstein: ev.Goldstein, Plover: ev.Plover,
					Date: k.date, Location: ev.Location, FirstSeen: d.Published.Date, SourceURL: d.Source.URL,
				}
				if ev.DatePrecision != nil {
					ce.DatePrecision = *ev.DatePrecision
				}
				if ev.Target != nil {
					ce.Target = &newsgraph.CorpusActor{Code: ev.Target.Code, Country: ev.Target.Country, Name: name(ev.Target)}
				}
				i = len(out)
				index[k] = i
				out = append(out, ce)
			}
			ce := &out[i]
			ce.Mentions = append(ce.Mentions, newsgraph.EventMention{
				EventID: ce.ID, DocID: d.ID, Title: d.TitleText(), Site: d.Source.Site, URL: d.Source.URL,
				Published: d.Published.Date, Position: pos, SourceName: name(&ev.Source), TargetName: name(ev.Target), Event: ev,
			})
			ce.NumMentions++
			ce.LastSeen = d.Published.Date
		}
	}
	for i := range out {
		docs, sites := map[string]bool{}, map[string]bool{}
		for _, m := range out[i].Mentions {
			docs[m.DocID] = true
			sites[m.Site] = true
		}
		out[i].NumArticles, out[i].NumSources = len(docs), len(sites)
	}
	return out
}

// eventMatches applies an event query's filters (not Limit and Offset).
func eventMatches(e *newsgraph.CorpusEvent, q newsgraph.EventQuery) bool {
	src, tgt, srcCountry, tgtCountry := e.Source.Code, "", e.Source.Country, ""
	if e.Target != nil {
		tgt, tgtCountry = e.Target.Code, e.Target.Country
	}
	prefix := func(code, p string) bool { return p == "" || strings.HasPrefix(code, strings.ToUpper(p)) }
	if q.Actor != "" && !prefix(src, q.Actor) && (tgt == "" || !prefix(tgt, q.Actor)) {
		return false
	}
	if !prefix(src, q.Source) || (q.Target != "" && (tgt == "" || !prefix(tgt, q.Target))) {
		return false
	}
	if q.Pair[0] != "" && q.Pair[1] != "" &&
		!(srcCountry == q.Pair[0] && tgtCountry == q.Pair[1]) && !(srcCountry == q.Pair[1] && tgtCountry == q.Pair[0]) {
		return false
	}
	if q.Name != "" && !slices.ContainsFunc(e.Mentions, func(m newsgraph.EventMention) bool {
		return strings.EqualFold(m.SourceName, q.Name) || strings.EqualFold(m.TargetName, q.Name)
	}) {
		return false
	}
	if q.DocID != "" && !slices.ContainsFunc(e.Mentions, func(m newsgraph.EventMention) bool { return m.DocID == q.DocID }) {
		return false
	}
	return (q.Root == "" || e.Root == q.Root) && ((q.From == "" && q.To == "") || inRange(e.Date, q.From, q.To))
}

// Events filters the documents' events as the store would, newest date
// first, then most mentioned.
func (s *fakeStore) Events(ctx context.Context, q newsgraph.EventQuery) ([]newsgraph.CorpusEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eventQueries = append(s.eventQueries, q)
	if s.err != nil {
		return nil, s.err
	}
	var out []newsgraph.CorpusEvent
	for _, e := range s.corpusEvents() {
		if eventMatches(&e, q) {
			if !q.Mentions {
				e.Mentions = nil
			}
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].NumMentions > out[j].NumMentions
	})
	if q.Offset >= len(out) {
		return nil, nil
	}
	return out[q.Offset:min(len(out), q.Offset+q.Limit)], nil
}

// EachEvent streams the matching events in ID order, without mentions.
func (s *fakeStore) EachEvent(ctx context.Context, q newsgraph.EventQuery, fn func(*newsgraph.CorpusEvent) error) error {
	s.mu.Lock()
	events, err := s.corpusEvents(), s.err
	s.mu.Unlock()
	if err != nil {
		return err
	}
	for _, e := range events {
		if eventMatches(&e, q) {
			e.Mentions = nil
			if err := fn(&e); err != nil {
				return err
			}
		}
	}
	return nil
}

// EachEventMention streams every mention in event ID, document order.
func (s *fakeStore) EachEventMention(ctx context.Context, fn func(*newsgraph.EventMention) error) error {
	s.mu.Lock()
	events, err := s.corpusEvents(), s.err
	s.mu.Unlock()
	if err != nil {
		return err
	}
	for _, e := range events {
		for _, m := range e.Mentions {
			if err := fn(&m); err != nil {
				return err
			}
		}
	}
	return nil
}

// PairMonths counts the events between two countries per month, with
// their mean Goldstein value.
func (s *fakeStore) PairMonths(ctx context.Context, a, b string) ([]newsgraph.PairMonth, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pairQueries = append(s.pairQueries, [2]string{a, b})
	if s.err != nil {
		return nil, s.err
	}
	sums := map[string]*newsgraph.PairMonth{}
	for _, e := range s.corpusEvents() {
		if len(e.Date) < 7 || !eventMatches(&e, newsgraph.EventQuery{Pair: [2]string{a, b}}) {
			continue
		}
		m := sums[e.Date[:7]]
		if m == nil {
			m = &newsgraph.PairMonth{Month: e.Date[:7]}
			sums[e.Date[:7]] = m
		}
		m.Events++
		m.MeanGoldstein += e.Goldstein
	}
	out := []newsgraph.PairMonth{}
	for _, m := range sums {
		m.MeanGoldstein /= float64(m.Events)
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out, nil
}
