package web

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// runeSpan returns the code-point offsets of the first sub in text; it
// panics when sub is absent, which is a broken fixture.
func runeSpan(text, sub string) (start, end int) {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("fixture: %q not in %q", sub, text))
	}
	start = utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(sub)
}

// mention is a fixture mention of sub in paragraph p.
func mention(paras []string, p int, sub string) newsgraph.Mention {
	s, e := runeSpan(paras[p], sub)
	return newsgraph.Mention{Paragraph: p, Start: s, End: e, Text: sub}
}

// evidence is a fixture evidence sentence sub of paragraph p.
func evidence(paras []string, p, sentence int, sub string) newsgraph.Evidence {
	s, e := runeSpan(paras[p], sub)
	return newsgraph.Evidence{Paragraph: p, Sentence: sentence, Start: s, End: e, Text: sub}
}

func actorOf(entity, code string) newsgraph.EventActor {
	return newsgraph.EventActor{Entity: &entity, Code: code, Country: code[:3]}
}

func targetOf(entity, code string) *newsgraph.EventActor {
	a := actorOf(entity, code)
	return &a
}

var (
	bali     = &newsgraph.Place{Name: "Bali", Country: "IDN", Lat: -8.5, Lon: 115.1, Precision: newsgraph.PrecisionAdmin1, GeonamesID: 1650535}
	day      = ptr("day")
	monthPrc = ptr("month")
)

// Fixture sentences of eventDoc.
const (
	meetSentence   = "Chinese President Xi Jinping met South Korean President Yoon Suk Yeol in Bali on Tuesday."
	talksSentence  = "The two leaders agreed to resume talks."
	sanctionClause = "Xi said China would not impose new sanctions on the ROK."
)

// eventDoc is a summit report with five events: a meeting, two intents
// sharing one sentence, a negated hypothetical sanction inside a reported
// quote, and one whose evidence lies outside the text.
func eventDoc() *newsgraph.Document {
	paras := []string{meetSentence + " " + talksSentence, sanctionClause}
	xi := "Xi Jinping"
	d := &newsgraph.Document{
		Source:     newsgraph.Source{Path: "crawl/yonhap.txt", URL: "https://en.yna.co.kr/view/1", Site: "en.yna.co.kr", Format: newsgraph.FormatTextRecord},
		IsArticle:  true,
		Title:      ptr("Xi and Yoon agree to resume talks"),
		Language:   ptr("en"),
		Published:  newsgraph.Published{Date: "2022-11-15", Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginDateline},
		Paragraphs: paras,
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Xi Jinping", Type: "PERSON", Mentions: []newsgraph.Mention{mention(paras, 0, "Xi Jinping"), mention(paras, 1, "Xi")},
				Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson}},
			{ID: "e2", Name: "Yoon Suk Yeol", Type: "PERSON", Mentions: []newsgraph.Mention{mention(paras, 0, "Yoon Suk Yeol")},
				Actor: &newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson}},
			{ID: "e3", Name: "Bali", Type: "GPE", Mentions: []newsgraph.Mention{mention(paras, 0, "Bali")}, Geo: bali},
			{ID: "e4", Name: "China", Type: "GPE", Mentions: []newsgraph.Mention{mention(paras, 1, "China")},
				Actor: &newsgraph.Actor{Code: "CHN", Country: "CHN", Kind: newsgraph.ActorCountry}},
			{ID: "e5", Name: "ROK", Type: "GPE", Mentions: []newsgraph.Mention{mention(paras, 1, "ROK")},
				Actor: &newsgraph.Actor{Code: "KOR", Country: "KOR", Kind: newsgraph.ActorCountry}},
		},
	}
	qs, qe := runeSpan(paras[1], "China would not impose new sanctions on the ROK")
	d.Quotes = []newsgraph.Quote{{Kind: "indirect", Text: "China would not impose new sanctions on the ROK", Speaker: &xi, Cue: "said",
		Paragraph: 1, Start: qs, End: qe, EndParagraph: 1, Confidence: 0.8}}
	d.Events = []newsgraph.Event{
		{Source: actorOf("e1", "CHNGOV"), Target: targetOf("e2", "KORGOV"), Cameo: "044", Root: "04", QuadClass: 1, Goldstein: 2.5, Plover: "CONSULT",
			Date: ptr("2022-11-15"), DatePrecision: day, Location: bali, Evidence: evidence(paras, 0, 0, meetSentence), Confidence: 0.8},
		{Source: actorOf("e1", "CHNGOV"), Target: targetOf("e2", "KORGOV"), Cameo: "036", Root: "03", QuadClass: 1, Goldstein: 4, Plover: "AGREE",
			Date: ptr("2022-11-15"), DatePrecision: day, Evidence: evidence(paras, 0, 1, talksSentence), Confidence: 0.7},
		{Source: actorOf("e2", "KORGOV"), Target: targetOf("e1", "CHNGOV"), Cameo: "036", Root: "03", QuadClass: 1, Goldstein: 4, Plover: "AGREE",
			Date: ptr("2022-11-15"), DatePrecision: day, Evidence: evidence(paras, 0, 1, talksSentence), Confidence: 0.7},
		{Source: actorOf("e4", "CHN"), Target: targetOf("e5", "KOR"), Cameo: "163", Root: "16", QuadClass: 4, Goldstein: -8, Plover: "SANCTION",
			Date: ptr("2022-11"), DatePrecision: monthPrc, Evidence: evidence(paras, 1, 0, sanctionClause), Negated: true, Hypothetical: true, Confidence: 0.35},
		{Source: actorOf("e1", "CHNGOV"), Cameo: "099", Root: "09", QuadClass: 3, Goldstein: -2, Plover: "CONSULT",
			Evidence: newsgraph.Evidence{Paragraph: 7, Start: 0, End: 5, Text: "Lost sentence."}, Confidence: 0.6},
	}
	d.Normalize()
	return d
}

// heraldDoc reports eventDoc's meeting again, from another site.
func heraldDoc() *newsgraph.Document {
	paras := []string{"Xi Jinping and Yoon Suk Yeol held talks in Bali on Tuesday, their first meeting."}
	d := &newsgraph.Document{
		Source:    newsgraph.Source{Path: "crawl/herald.txt", Site: "koreaherald.com", Format: newsgraph.FormatTextRecord},
		IsArticle: true, Title: ptr("First Xi–Yoon summit"), Language: ptr("en"),
		Published:  newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay},
		Paragraphs: paras,
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Xi Jinping", Type: "PERSON", Mentions: []newsgraph.Mention{mention(paras, 0, "Xi Jinping")},
				Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN"}},
			{ID: "e2", Name: "Yoon Suk Yeol", Type: "PERSON", Mentions: []newsgraph.Mention{mention(paras, 0, "Yoon Suk Yeol")},
				Actor: &newsgraph.Actor{Code: "KORGOV", Country: "KOR"}},
		},
		Events: []newsgraph.Event{
			{Source: actorOf("e1", "CHNGOV"), Target: targetOf("e2", "KORGOV"), Cameo: "044", Root: "04", QuadClass: 1, Goldstein: 2.5, Plover: "CONSULT",
				Date: ptr("2022-11-15"), DatePrecision: day, Location: bali, Evidence: evidence(paras, 0, 0, paras[0]), Confidence: 0.8},
		},
	}
	d.Normalize()
	return d
}

// accuseDoc has two conflict events in 2023: January and March.
func accuseDoc() *newsgraph.Document {
	paras := []string{"Seoul accused Beijing on Friday of hacking its ministries.", "In January, Seoul had criticised Beijing over fishing."}
	d := &newsgraph.Document{
		Source:    newsgraph.Source{Path: "crawl/accuse.txt", Site: "example.com", Format: newsgraph.FormatTextRecord},
		IsArticle: true, Title: ptr("Seoul accuses Beijing of hacking"),
		Published:  newsgraph.Published{Date: "2023-03-04", Precision: newsgraph.PrecisionDay},
		Paragraphs: paras,
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Seoul", Type: "GPE", Mentions: []newsgraph.Mention{mention(paras, 0, "Seoul"), mention(paras, 1, "Seoul")},
				Actor: &newsgraph.Actor{Code: "KORGOV", Country: "KOR"}},
			{ID: "e2", Name: "Beijing", Type: "GPE", Mentions: []newsgraph.Mention{mention(paras, 0, "Beijing"), mention(paras, 1, "Beijing")},
				Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN"}},
		},
		Events: []newsgraph.Event{
			{Source: actorOf("e1", "KORGOV"), Target: targetOf("e2", "CHNGOV"), Cameo: "112", Root: "11", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE",
				Date: ptr("2023-03-03"), DatePrecision: day, Evidence: evidence(paras, 0, 0, paras[0]), Confidence: 0.8},
			{Source: actorOf("e1", "KORGOV"), Target: targetOf("e2", "CHNGOV"), Cameo: "111", Root: "11", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE",
				Date: ptr("2023-01"), DatePrecision: monthPrc, Evidence: evidence(paras, 1, 0, paras[1]), Confidence: 0.7},
		},
	}
	d.Normalize()
	return d
}

// eventStore holds the three event documents and Xi in the registry.
func eventStore() *fakeStore {
	s := newFakeStore(eventDoc(), heraldDoc(), accuseDoc())
	s.actors = []newsgraph.RegisteredActor{xiActor(), yoonActor()}
	return s
}

func TestAPIEvents(t *testing.T) {
	tests := []struct {
		target string
		status int
		codes  []string             // "SRC CAMEO TGT" of the events, in order
		query  newsgraph.EventQuery // what the store was asked
		err    string
	}{
		{"/api/events", 200, []string{"KORGOV 112 CHNGOV", "KORGOV 111 CHNGOV", "CHNGOV 044 KORGOV", "CHNGOV 036 KORGOV", "KORGOV 036 CHNGOV", "CHN 163 KOR", "CHNGOV 099 -"},
			newsgraph.EventQuery{Limit: 20}, ""},
		{"/api/events?pair=kor,+chn&root=11", 200, []string{"KORGOV 112 CHNGOV", "KORGOV 111 CHNGOV"},
			newsgraph.EventQuery{Pair: [2]string{"KOR", "CHN"}, Root: "11", Limit: 20}, ""},
		{"/api/events?source=chn&target=kor&from=2022-11-15&to=2022-12", 200, []string{"CHNGOV 044 KORGOV", "CHNGOV 036 KORGOV", "CHN 163 KOR"},
			newsgraph.EventQuery{Source: "CHN", Target: "KOR", From: "2022-11-15", To: "2022-12", Limit: 20}, ""},
		{"/api/events?actor=CHNGOV&name=yoon+suk+yeol&limit=1&offset=1", 200, []string{"CHNGOV 036 KORGOV"},
			newsgraph.EventQuery{Actor: "CHNGOV", Name: "yoon suk yeol", Limit: 1, Offset: 1}, ""},
		{"/api/events?doc=" + accuseDoc().ID + "&mentions=1", 200, []string{"KORGOV 112 CHNGOV", "KORGOV 111 CHNGOV"},
			newsgraph.EventQuery{DocID: accuseDoc().ID, Mentions: true, Limit: 20}, ""},
		{"/api/events?actor=---ENV&mentions=0", 200, []string{}, newsgraph.EventQuery{Actor: "---ENV", Limit: 20}, ""},
		{"/api/events?root=4", 400, nil, newsgraph.EventQuery{}, "root must be a CAMEO root code from 01 to 20"},
		{"/api/events?root=21", 400, nil, newsgraph.EventQuery{}, "root must be"},
		{"/api/events?root=00", 400, nil, newsgraph.EventQuery{}, "root must be"},
		{"/api/events?from=2022-13", 400, nil, newsgraph.EventQuery{}, "from must be a date"},
		{"/api/events?to=yesterday", 400, nil, newsgraph.EventQuery{}, "to must be a date"},
		{"/api/events?from=2023&to=2022-12", 400, nil, newsgraph.EventQuery{}, "from (2023) is after to (2022-12)"},
		{"/api/events?pair=CHN", 400, nil, newsgraph.EventQuery{}, "pair must be two country codes"},
		{"/api/events?pair=CHN,KOREA", 400, nil, newsgraph.EventQuery{}, "pair must be two country codes"},
		{"/api/events?pair=CHN,K1R", 400, nil, newsgraph.EventQuery{}, "pair must be two country codes"},
		{"/api/events?pair=CHN,XYZ", 400, nil, newsgraph.EventQuery{}, "unknown country code XYZ"},
		{"/api/events?actor=CHN+GOV", 400, nil, newsgraph.EventQuery{}, "actor must be the start of an actor code"},
		{"/api/events?target=" + strings.Repeat("A", 16), 400, nil, newsgraph.EventQuery{}, "target must be"},
		{"/api/events?limit=0", 400, nil, newsgraph.EventQuery{}, "limit must be an integer from 1 to 200"},
		{"/api/events?limit=201", 400, nil, newsgraph.EventQuery{}, "limit must be"},
		{"/api/events?offset=-1", 400, nil, newsgraph.EventQuery{}, "offset must be"},
		{"/api/events?mentions=maybe", 400, nil, newsgraph.EventQuery{}, "mentions must be 1 or 0"},
		{"/api/events?name=" + strings.Repeat("x", 201), 400, nil, newsgraph.EventQuery{}, "name is longer"},
		{"/api/events?name=%ff", 400, nil, newsgraph.EventQuery{}, "valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			store := eventStore()
			rec := get(t, testHandler(store, nil), tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status != 200 {
				var e struct{ Error string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || !strings.Contains(e.Error, tt.err) {
					t.Errorf("error %q (%v), want %q", e.Error, err, tt.err)
				}
				if len(store.eventQueries) != 0 {
					t.Errorf("the store was asked %+v", store.eventQueries)
				}
				return
			}
			var got EventsResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			codes := []string{}
			for _, e := range got.Events {
				tgt := "-"
				if e.Target != nil {
					tgt = e.Target.Code
				}
				codes = append(codes, e.Source.Code+" "+e.Cameo+" "+tgt)
				if (len(e.Mentions) > 0) != tt.query.Mentions {
					t.Errorf("event %d has %d mentions, asked for mentions: %v", e.ID, len(e.Mentions), tt.query.Mentions)
				}
			}
			if !reflect.DeepEqual(codes, tt.codes) {
				t.Errorf("events %q, want %q", codes, tt.codes)
			}
			if got.Limit != tt.query.Limit || got.Offset != tt.query.Offset || !strings.Contains(rec.Body.String(), `"events":[`) {
				t.Errorf("limit %d offset %d: %s", got.Limit, got.Offset, rec.Body)
			}
			if len(store.eventQueries) != 1 || store.eventQueries[0] != tt.query {
				t.Errorf("store asked %+v, want %+v", store.eventQueries, tt.query)
			}
		})
	}
}

// TestAPIEventsShape checks the JSON of one grouped event with mentions.
func TestAPIEventsShape(t *testing.T) {
	rec := get(t, testHandler(eventStore(), nil), "/api/events?root=04&mentions=1")
	var got struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Events) != 1 {
		t.Fatalf("%v: %s", err, rec.Body)
	}
	e := got.Events[0]
	for _, k := range []string{"id", "source", "target", "cameo", "root", "quad_class", "goldstein", "plover", "date", "date_precision",
		"location", "num_mentions", "num_sources", "num_articles", "mentions"} {
		if _, ok := e[k]; !ok {
			t.Errorf("event lacks %q: %v", k, e)
		}
	}
	if e["num_mentions"] != 2.0 || e["num_sources"] != 2.0 {
		t.Errorf("counts %v %v, want 2 2", e["num_mentions"], e["num_sources"])
	}
	ms, _ := e["mentions"].([]any)
	if len(ms) != 2 {
		t.Fatalf("%d mentions", len(ms))
	}
	m, _ := ms[0].(map[string]any)
	ev, _ := m["event"].(map[string]any)
	if _, ok := ev["evidence"]; !ok || m["doc_id"] == "" {
		t.Errorf("mention lacks its evidence or document: %v", m)
	}
}

func TestEventsStoreErrors(t *testing.T) {
	for _, target := range []string{"/api/events", "/pairs/CHN/KOR", "/actors/xi%20jinping"} {
		t.Run(target, func(t *testing.T) {
			store := eventStore()
			store.err = errors.New("disk I/O error at /secret/path")
			var logs strings.Builder
			rec := get(t, testHandler(store, &logs), target)
			if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "secret") {
				t.Errorf("status %d, body %s", rec.Code, rec.Body)
			}
			if !strings.Contains(logs.String(), "secret") {
				t.Errorf("the error was not logged: %s", logs.String())
			}
		})
	}
}

// TestMarkEvidence checks that evidence sentences are cut out of the body
// segments, whole, around quotes and entity mentions, one span per
// sentence, and that bad spans are left out.
func TestMarkEvidence(t *testing.T) {
	paras := []string{"Xi met Yoon. They agreed.", "China's army said no."}
	ev := func(p, s, e int) newsgraph.Event {
		return newsgraph.Event{Evidence: newsgraph.Evidence{Paragraph: p, Start: s, End: e}}
	}
	ents := []newsgraph.Entity{
		{ID: "e1", Name: "Xi", Type: "PERSON", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 2}}},
		{ID: "e2", Name: "Yoon", Type: "PERSON", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 7, End: 11}}},
		{ID: "e3", Name: "China's army", Type: "ORG", Mentions: []newsgraph.Mention{{Paragraph: 1, Start: 0, End: 12}}},
	}
	tests := []struct {
		name   string
		events []newsgraph.Event
		quotes []newsgraph.Quote
		// want writes each paragraph's segments: [text] for an entity,
		// { and } around an evidence span.
		want []string
		ids  []string
	}{
		{"none", nil, nil, []string{"[Xi] met [Yoon]. They agreed.", "[China's army] said no."}, nil},
		{"two sentences, one shared", []newsgraph.Event{ev(0, 0, 12), ev(0, 13, 25), ev(0, 13, 25)}, nil,
			[]string{"{[Xi] met [Yoon].} {They agreed.}", "[China's army] said no."}, []string{"ev-0-0 0", "ev-0-13 1 2"}},
		{"inside a plain segment", []newsgraph.Event{ev(0, 18, 24)}, nil, []string{"[Xi] met [Yoon]. They {agreed}.", "[China's army] said no."}, []string{"ev-0-18 0"}},
		{"boundary inside an entity moves to its end", []newsgraph.Event{ev(1, 5, 21)}, nil,
			[]string{"[Xi] met [Yoon]. They agreed.", "[China's army]{ said no.}"}, []string{"ev-1-5 0"}},
		{"around a quote", []newsgraph.Event{ev(1, 0, 21)}, []newsgraph.Quote{{Kind: "direct", Paragraph: 1, Start: 18, End: 20, EndParagraph: 1}},
			[]string{"[Xi] met [Yoon]. They agreed.", "{[China's army] said |no|.}"}, []string{"ev-1-0 0"}},
		{"overlap and out of range left out", []newsgraph.Event{ev(0, 4, 12), ev(0, 0, 6), ev(0, 20, 99), ev(3, 0, 1), ev(1, 5, 5), ev(-1, 0, 1)}, nil,
			[]string{"{[Xi] met} [Yoon]. They agreed.", "[China's army] said no."}, []string{"ev-0-0 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &newsgraph.Document{Paragraphs: paras, Entities: ents, Events: tt.events, Quotes: tt.quotes}
			segs := paragraphSegments(doc)
			var ids []string
			for p, ss := range segs {
				var b, plain strings.Builder
				open := false
				for _, sg := range ss {
					if sg.EvidenceOpen != nil {
						if open {
							t.Errorf("paragraph %d: span %s opens inside another", p, sg.EvidenceOpen.ID)
						}
						open = true
						b.WriteString("{")
						ids = append(ids, strings.TrimSpace(sg.EvidenceOpen.ID+" "+sg.EvidenceOpen.EventList()))
					}
					switch {
					case sg.Entity != nil:
						b.WriteString("[" + sg.Text + "]")
					case sg.Quote != nil:
						b.WriteString("|" + sg.Text + "|")
					default:
						b.WriteString(sg.Text)
					}
					plain.WriteString(sg.Text)
					if sg.EvidenceClose {
						if !open {
							t.Errorf("paragraph %d: a span closes that is not open", p)
						}
						open = false
						b.WriteString("}")
					}
				}
				if open {
					t.Errorf("paragraph %d: a span is left open", p)
				}
				if got := b.String(); got != tt.want[p] {
					t.Errorf("paragraph %d: %q, want %q", p, got, tt.want[p])
				}
				if plain.String() != paras[p] {
					t.Errorf("paragraph %d: segments join to %q", p, plain.String())
				}
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("spans %q, want %q", ids, tt.ids)
			}
		})
	}
}

func TestDocumentPageEvents(t *testing.T) {
	d := eventDoc()
	rec := get(t, testHandler(newFakeStore(d), nil), "/documents/"+d.ID)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	talks, _ := runeSpan(d.Paragraphs[0], talksSentence)
	for _, want := range []string{
		// The evidence sentences in the body, entities and quotes inside.
		`<span class="evidence" id="ev-0-0" data-events="0" title="Evidence of event 1">Chinese President <a class="ent-actor" href="/actors/xi%20jinping">`,
		`in <mark class="ent ent-GPE" data-entity="e3" title="GPE: Bali">Bali</mark> on Tuesday.</span> <span class="evidence" id="ev-0-` + fmt.Sprint(talks) + `" data-events="1 2" title="Evidence of events 2, 3">The two leaders agreed to resume talks.</span></p>`,
		`<span class="evidence" id="ev-1-0" data-events="3" title="Evidence of event 4">`,
		`<span class="quote" data-quote="0" title="Quote (indirect): Xi Jinping"> would not impose new sanctions on the </span>`,
		`ROK</mark></a></span>.</span></p>`,
		// The list: actors with codes, CAMEO names from the codebook, dates, places, flags.
		`<a class="actor-link" href="/actors/xi%20jinping">Xi Jinping</a> <span class="badge code" title="China · government">CHNGOV</span> <span class="arrow" aria-label="to">→</span> <a class="actor-link" href="/actors/yoon%20suk%20yeol">Yoon Suk Yeol</a>`,
		`<a class="pair-link" href="/pairs/CHN/KOR" title="Events between these two countries">pair view</a>`,
		`<span class="badge cameo" title="CAMEO code">044</span> <span class="cameo-label">Meet at a &#39;third&#39; location</span> <span class="plover" title="PLOVER category">CONSULT</span> <span class="goldstein" title="Goldstein value, −10 to +10">&#43;2.5</span> <span class="quad">verbal cooperation</span>`,
		`<p class="meta">2022-11-15 · in Bali, Indonesia · confidence 0.80</p>`,
		`<span class="cameo-label">Express intent to meet or negotiate</span>`,
		`<span class="cameo-label">Impose embargo, boycott, or sanctions</span>`,
		`<p class="meta">2022-11 (month only) · confidence 0.35 <span class="flag flag-negated" title="The text says this did not happen">negated</span> <span class="flag flag-hypothetical"`,
		`<span class="goldstein" title="Goldstein value, −10 to +10">−8.0</span> <span class="quad">material conflict</span>`,
		// Links to the sentences: the two events of one sentence share it.
		`<a class="evidence-link" href="#ev-0-0" title="Show the sentence in the text">` + meetSentence + `</a>`,
		`<a class="evidence-link" href="#ev-1-0" title="Show the sentence in the text">` + sanctionClause + `</a>`,
		// Evidence outside the text is listed without a link; the label falls back to PLOVER.
		`<span class="cameo-label">Consult</span>`,
		`<span class="unknown">no target</span>`,
		`<span class="evidence-text">Lost sentence.</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %s", want)
		}
	}
	if n := strings.Count(body, `href="#ev-0-`+fmt.Sprint(talks)+`"`); n != 2 {
		t.Errorf("%d links to the shared sentence, want 2", n)
	}
	if n := strings.Count(body, `class="evidence-link"`); n != 4 {
		t.Errorf("%d evidence links, want 4", n)
	}
	if n := strings.Count(body, `<li class="event-item"`); n != 5 {
		t.Errorf("%d events listed, want 5", n)
	}
	if strings.Count(body, `<span class="flag flag-hypothetical"`) != 1 || strings.Count(body, `<span class="flag flag-negated"`) != 1 {
		t.Error("flags on the wrong events")
	}
	// Every id an evidence link names is in the page exactly once.
	for _, m := range regexp.MustCompile(`href="#(ev-[0-9-]+)"`).FindAllStringSubmatch(body, -1) {
		if n := strings.Count(body, `id="`+m[1]+`"`); n != 1 {
			t.Errorf("anchor %s appears %d times", m[1], n)
		}
	}
	golden(t, "document_events.html", rec.Body.Bytes())

	// A document without events has no section and no spans.
	a := articleDoc()
	rec = get(t, testHandler(newFakeStore(a), nil), "/documents/"+a.ID)
	if strings.Contains(rec.Body.String(), `id="events"`) || strings.Contains(rec.Body.String(), `class="evidence"`) {
		t.Error("events section without events")
	}
}

// TestEventsXSS puts markup in every event field a page shows.
func TestEventsXSS(t *testing.T) {
	bad := `<script>alert(1)</script>`
	paras := []string{bad + " met " + bad + "."}
	d := &newsgraph.Document{
		Title: ptr("hostile"), Paragraphs: paras,
		Published: newsgraph.Published{Date: "2022-11-15", Precision: newsgraph.PrecisionDay},
		Entities: []newsgraph.Entity{{ID: "e1", Name: bad, Type: "PERSON", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 25}},
			Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN"}}},
		Events: []newsgraph.Event{{Source: actorOf("e1", "CHNGOV"), Target: &newsgraph.EventActor{Code: `"><img src=x onerror=alert(2)>`, Country: "KOR"},
			Cameo: `<b>036</b>`, Plover: `<i onmouseover=alert(3)>`, Date: ptr(bad), DatePrecision: ptr(bad),
			Location: &newsgraph.Place{Name: bad, Country: "IDN"}, Evidence: newsgraph.Evidence{Paragraph: 0, Start: 0, End: 30, Text: bad}}},
	}
	d.Normalize()
	h := testHandler(newFakeStore(d), nil)
	for _, target := range []string{"/documents/" + d.ID, "/pairs/CHN/KOR", "/api/events?mentions=1"} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		for _, b := range []string{"<script>alert", "<img src=x", "<b>036", "<i onmouseover"} {
			if strings.Contains(rec.Body.String(), b) {
				t.Errorf("%s: output contains %q", target, b)
			}
		}
	}
}

func TestActorPageEvents(t *testing.T) {
	store := eventStore()
	rec := get(t, testHandler(store, nil), "/actors/xi%20jinping")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<section class="actor-events events" id="events" aria-labelledby="events-h">`,
		`<span class="badge cameo" title="CAMEO code">044</span> <span class="cameo-label">Meet at a &#39;third&#39; location</span>`,
		`2022-11-15 · in Bali, Indonesia · 2 mentions · 2 sources · reported 2022-11-15 … 2022-11-16</p>`,
		`<span class="actor-name">Xi Jinping</span> <span class="badge code" title="China · government">CHNGOV</span> <span class="arrow" aria-label="to">→</span> <span class="actor-name">Yoon Suk Yeol</span>`,
		`<a class="pair-link" href="/pairs/CHN/KOR"`,
		`<a href="/api/events?name=Xi&#43;Jinping">All the events of Xi Jinping as JSON</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("actor page lacks %s", want)
		}
	}
	// Three events name Xi (the meeting, his intent, Yoon's intent towards
	// him) and one more has no target: four, not the sanction of "China".
	if n := strings.Count(body, `<li class="event-item corpus-event"`); n != 4 {
		t.Errorf("%d events, want 4", n)
	}
	if strings.Contains(body, "The newest") {
		t.Error(`"The newest" without more events`)
	}
	want := newsgraph.EventQuery{Name: "Xi Jinping", Limit: actorEvents + 1}
	if len(store.eventQueries) != 1 || store.eventQueries[0] != want {
		t.Errorf("store asked %+v, want %+v", store.eventQueries, want)
	}
}

func TestPairPage(t *testing.T) {
	tests := []struct {
		target   string
		status   int
		location string // of a redirect
		bars     int
		want     []string
	}{
		{"/pairs/CHN/KOR", 200, "", 3, []string{
			"<h1>China and South Korea</h1>",
			`<title id="pair-chart-title">Events between China and South Korea per month, with their mean Goldstein value</title>`,
			`6 events in 3 months, mean Goldstein value −0.3.`,
			`<rect class="bar" x="52.8" y="65.6" width="102.4" height="150.4"><title>2022-11: 4 events, mean Goldstein +0.6</title></rect>`,
			`<path class="goldstein-gap" fill="none" d="M104 116.1 L360 140.8 M360 140.8 L616 140.8"/>`,
			`<a class="report-link" href="/documents/` + eventDoc().ID + `#ev-0-0">Xi and Yoon agree to resume talks</a> · <span class="site-name">en.yna.co.kr</span>`,
			`<blockquote class="event-evidence">` + meetSentence + `</blockquote>`,
			`<a class="report-link" href="/documents/` + heraldDoc().ID + `#ev-0-0">First Xi–Yoon summit</a>`,
			`<a href="/pairs/KOR/CHN">swap</a> · <a href="/api/events?mentions=1&amp;pair=CHN%2CKOR">JSON</a>`,
			`<span class="date-detail">2022-11-15</span> <span class="flag flag-negated">negated</span> <span class="flag flag-hypothetical">hypothetical</span>`,
		}},
		{"/pairs/KOR/CHN", 200, "", 3, []string{"<h1>South Korea and China</h1>"}},
		{"/pairs/chn/Kor?offset=0", 301, "/pairs/CHN/KOR?offset=0", 0, nil},
		{"/pairs/CHN/JPN", 200, "", 0, []string{"No event between these countries is dated to the month.", "No stored event has one of these countries"}},
		{"/pairs/CH/KOR", 400, "", 0, []string{"Bad country code", "&#34;CH&#34; is not a country code"}},
		{"/pairs/CHN/K%3COR", 400, "", 0, []string{"Bad country code"}},
		{"/pairs/CHN/XYZ", 404, "", 0, []string{"Country not found"}},
		{"/pairs/CHN/KOR?offset=-3", 400, "", 0, []string{"offset must be"}},
		{"/pairs", 200, "", 0, []string{`<form class="search pair-form" method="get" action="/pairs">`, `<input type="text" id="a" name="a" value=""`}},
		{"/pairs?a=chn&b=+kor", 303, "/pairs/CHN/KOR", 0, nil},
		{"/pairs?a=china&b=kor", 400, "", 0, []string{`&#34;CHINA&#34; is not a country code`, `value="CHINA"`}},
		{"/pairs?a=CHN&b=XYZ", 400, "", 0, []string{"Unknown country code"}},
		{"/pairs/CHN", 404, "", 0, []string{"Page not found"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, testHandler(eventStore(), nil), tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if loc := rec.Header().Get("Location"); loc != tt.location {
				t.Errorf("Location %q, want %q", loc, tt.location)
			}
			body := rec.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if n := strings.Count(body, `<rect class="bar"`); n != tt.bars {
				t.Errorf("%d bars, want %d", n, tt.bars)
			}
			if strings.Contains(body, `class="pair-link"`) {
				t.Error("the pair page links to pair views")
			}
			if t.Failed() && tt.status == 200 {
				t.Logf("body:\n%s", body)
			}
		})
	}
	rec := get(t, testHandler(eventStore(), nil), "/pairs/CHN/KOR")
	golden(t, "pair_chn_kor.html", rec.Body.Bytes())
}

// TestPairPagination lists a pair's events a page at a time.
func TestPairPagination(t *testing.T) {
	var docs []*newsgraph.Document
	for i := range pairEvents + 5 {
		d := accuseDoc()
		d.Paragraphs = []string{fmt.Sprintf("Seoul accused Beijing %d times.", i)}
		d.Entities[0].Mentions = d.Entities[0].Mentions[:1]
		d.Entities[1].Mentions = d.Entities[1].Mentions[:1]
		d.Events = d.Events[:1]
		d.Events[0].Date = ptr(fmt.Sprintf("2020-01-%02d", i+1))
		d.Events[0].Evidence = evidence(d.Paragraphs, 0, 0, d.Paragraphs[0])
		d.ID = ""
		d.Normalize()
		docs = append(docs, d)
	}
	store := newFakeStore(docs...)
	h := testHandler(store, nil)
	rec := get(t, h, "/pairs/KOR/CHN")
	body := rec.Body.String()
	if n := strings.Count(body, `<li class="event-item corpus-event"`); n != pairEvents {
		t.Errorf("first page: %d events", n)
	}
	if !strings.Contains(body, `<a rel="next" href="/pairs/KOR/CHN?offset=25">Older →</a>`) || strings.Contains(body, `rel="prev"`) {
		t.Errorf("first page links:\n%s", body)
	}
	want := newsgraph.EventQuery{Pair: [2]string{"KOR", "CHN"}, Mentions: true, Limit: pairEvents + 1}
	if len(store.eventQueries) != 1 || store.eventQueries[0] != want || len(store.pairQueries) != 1 || store.pairQueries[0] != [2]string{"KOR", "CHN"} {
		t.Errorf("store asked %+v and %v", store.eventQueries, store.pairQueries)
	}
	body = get(t, h, "/pairs/KOR/CHN?offset=25").Body.String()
	if n := strings.Count(body, `<li class="event-item corpus-event"`); n != 5 {
		t.Errorf("second page: %d events", n)
	}
	if !strings.Contains(body, `<a rel="prev" href="/pairs/KOR/CHN">← Newer</a>`) || strings.Contains(body, `rel="next"`) || !strings.Contains(body, `<ol class="event-list" start="26">`) {
		t.Errorf("second page links:\n%s", body)
	}
}

func TestPairChart(t *testing.T) {
	tests := []struct {
		name   string
		months []newsgraph.PairMonth
		bars   int
	}{
		{"one", []newsgraph.PairMonth{{Month: "2022-11", Events: 3, MeanGoldstein: 10}}, 1},
		{"gaps", []newsgraph.PairMonth{{Month: "2021-12", Events: 1, MeanGoldstein: -10}, {Month: "2022-01", Events: 2, MeanGoldstein: 4},
			{Month: "2022-02", Events: 0}, {Month: "2022-11", Events: 7, MeanGoldstein: 1.25}, {Month: "2023-03", Events: 3, MeanGoldstein: -2.5}}, 4},
		{"years", func() []newsgraph.PairMonth {
			var ms []newsgraph.PairMonth
			for y := 2015; y < 2020; y++ {
				for m := 1; m <= 12; m += 1 + y%2 {
					ms = append(ms, newsgraph.PairMonth{Month: fmt.Sprintf("%d-%02d", y, m), Events: (y*m)%11 + 1, MeanGoldstein: float64((y*m)%21 - 10)})
				}
			}
			return ms
		}(), 42},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := string(pairChart(`Events between <A> & "B"`, tt.months))
			dec := xml.NewDecoder(strings.NewReader(svg))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed XML: %v\n%s", err, svg)
				}
			}
			if !strings.Contains(svg, `<title id="pair-chart-title">Events between &lt;A&gt; &amp; &#34;B&#34;</title>`) {
				t.Errorf("title not escaped: %s", svg)
			}
			if strings.Contains(svg, "style=") || strings.Contains(svg, "<script") {
				t.Errorf("inline style or script: %s", svg)
			}
			if n := strings.Count(svg, `<rect class="bar"`); n != tt.bars {
				t.Errorf("%d bars, want %d", n, tt.bars)
			}
			if n := strings.Count(svg, `<circle class="gpoint"`); n != tt.bars {
				t.Errorf("%d points, want %d", n, tt.bars)
			}
			for _, label := range []string{">+10</text>", ">0</text>", ">−10</text>", ">events per month</text>", ">mean Goldstein (−10 … +10)</text>"} {
				if !strings.Contains(svg, label) {
					t.Errorf("chart lacks the label %s", label)
				}
			}
			golden(t, "pair_chart_"+tt.name+".svg", []byte(svg+"\n"))
		})
	}
	// +10 is drawn at the top of the plot, −10 at its bottom.
	svg := string(pairChart("x", []newsgraph.PairMonth{{Month: "2022-01", Events: 1, MeanGoldstein: 10}, {Month: "2022-02", Events: 1, MeanGoldstein: -10}}))
	if !strings.Contains(svg, `d="M`+num(float64(pairLeft)+float64(chartWidth-pairRight-pairLeft)/4)+" "+num(pairTop)+" L") ||
		!strings.Contains(svg, " "+num(pairHeight-pairBottom)+`"/>`) {
		t.Errorf("Goldstein scale:\n%s", svg)
	}
	for _, empty := range [][]newsgraph.PairMonth{nil, {{Month: "bad", Events: 3}, {Month: "2022-01", Events: 0}}} {
		if got := pairChart("x", empty); got != "" {
			t.Errorf("chart of nothing: %q", got)
		}
	}
}

func TestCameoLabel(t *testing.T) {
	withKB := &server{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	withKB.codebook = sync.OnceValue(withKB.loadCodebook)
	withoutKB := &server{codebook: func() *kb.KB { return nil }}
	tests := []struct {
		s                  *server
		code, plover, want string
	}{
		{withKB, "036", "AGREE", "Express intent to meet or negotiate"},
		{withKB, "01", "", "Make public statement"},
		{withKB, "193", "FIGHT", "Fight with small arms and light weapons"},
		{withKB, "099", "CONSULT", "Consult"},
		{withKB, "099", "", "Investigate"},
		{withKB, "999", "", ""},
		{withoutKB, "036", "AGREE", "Agree"},
		{withoutKB, "036", "", ""},
	}
	for _, tt := range tests {
		if got := tt.s.cameoLabel(tt.code, tt.plover); got != tt.want {
			t.Errorf("cameoLabel(%q, %q) = %q, want %q", tt.code, tt.plover, got, tt.want)
		}
	}
}

func TestEventFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{signed(4), "+4.0"},
		{signed(-2.55), "−2.6"},
		{signed(-0.04), "0.0"},
		{signed(0), "0.0"},
		{eventDate("2022-11-15", "day"), "2022-11-15"},
		{eventDate("2022-11", "month"), "2022-11 (month only)"},
		{eventDate("2022", "year"), "2022 (year only)"},
		{eventDate("", "day"), ""},
		{sentenceCase("MAKE PUBLIC STATEMENT"), "Make public statement"},
		{sentenceCase("fight with small arms"), "Fight with small arms"},
		{sentenceCase("Meet at a 'third' location"), "Meet at a 'third' location"},
		{placeLabel(bali), "Bali, Indonesia"},
		{placeLabel(&newsgraph.Place{Name: "Indonesia", Country: "IDN"}), "Indonesia"},
		{placeLabel(&newsgraph.Place{Name: "Atlantis", Country: "ATL"}), "Atlantis"},
		{placeLabel(nil), ""},
		{PairURL("chn", "KOR"), "/pairs/CHN/KOR"},
		{PairURL("CHN", "XYZ"), ""},
		{PairURL("CHN", ""), ""},
		{quadLabel(2), "material cooperation"},
		{quadLabel(0), ""},
		{evidenceAnchor(newsgraph.Evidence{Paragraph: 3, Start: 41}), "ev-3-41"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

// FuzzParseEventQuery checks that every accepted query is one the store
// can take: codes in capitals, a root from 01 to 20, valid dates in order,
// limit and offset in range.
func FuzzParseEventQuery(f *testing.F) {
	f.Add("pair=CHN,KOR&root=04&from=2022&to=2022-12&limit=5&mentions=1")
	f.Add("actor=chn&source=---&target=KORGOV&name=Xi&doc=abc&offset=3")
	f.Add("root=4&from=2022-13&pair=CHN")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseEventQuery(v)
		if err != nil {
			var pe *paramError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *paramError", err)
			}
			return
		}
		for _, c := range []string{q.Actor, q.Source, q.Target} {
			if c != "" && !codePrefix(c) {
				t.Fatalf("accepted code %q", c)
			}
		}
		if (q.Pair[0] == "") != (q.Pair[1] == "") || (q.Pair[0] != "" && (PairURL(q.Pair[0], q.Pair[1]) == "")) {
			t.Fatalf("accepted pair %q", q.Pair)
		}
		if q.Root != "" && !validRoot(q.Root) {
			t.Fatalf("accepted root %q", q.Root)
		}
		for _, d := range []string{q.From, q.To} {
			if d != "" && !newsgraph.ValidDate(d) {
				t.Fatalf("accepted date %q", d)
			}
		}
		if q.Limit < 1 || q.Limit > maxEventLimit || q.Offset < 0 || q.Offset > maxOffset || !utf8.ValidString(q.Name) {
			t.Fatalf("accepted %+v", q)
		}
	})
}

func benchmarkPage(b *testing.B, store *fakeStore, target string) {
	h := testHandler(store, nil)
	r := httptest.NewRequest(http.MethodGet, target, nil)
	h.ServeHTTP(httptest.NewRecorder(), r) // loads the codebook
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkDocumentPageEvents renders a document with five events, their
// evidence marked in the body.
func BenchmarkDocumentPageEvents(b *testing.B) {
	benchmarkPage(b, eventStore(), "/documents/"+eventDoc().ID)
}

// BenchmarkPairPage renders the pair view of the fake store's events.
func BenchmarkPairPage(b *testing.B) { benchmarkPage(b, eventStore(), "/pairs/CHN/KOR") }
