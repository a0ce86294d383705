package web

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// summitDoc mentions two coded actors and one entity without a code.
func summitDoc() *newsgraph.Document {
	d := &newsgraph.Document{
		Source:    newsgraph.Source{Path: "crawl/summit.txt", Site: "en.yna.co.kr", Format: newsgraph.FormatTextRecord},
		IsArticle: true,
		Title:     ptr("Xi and Yoon meet in Bali"),
		Language:  ptr("en"),
		Published: newsgraph.Published{Date: "2022-11-15", Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginDateline},
		Paragraphs: []string{
			"Chinese President Xi Jinping met South Korean President Yoon Suk Yeol in Bali.",
			"Xi said the two countries should work together.",
		},
		Entities: []newsgraph.Entity{
			{ID: "e1", Name: "Xi Jinping", Type: "PERSON",
				Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 18, End: 28, Text: "Xi Jinping"}, {Paragraph: 1, Start: 0, End: 2, Text: "Xi"}},
				Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson,
					Evidence: "Chinese President Xi Jinping", Source: newsgraph.ActorFromText, Descriptors: []string{"Chinese President"}}},
			{ID: "e2", Name: "Yoon Suk Yeol", Type: "PERSON",
				Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 56, End: 69, Text: "Yoon Suk Yeol"}},
				Actor:    &newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson, Source: newsgraph.ActorFromText}},
			// An actor without a code is not in the registry: no link.
			{ID: "e3", Name: "Bali", Type: "GPE",
				Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 73, End: 77, Text: "Bali"}}, Actor: &newsgraph.Actor{Evidence: "no code"}},
		},
	}
	d.Normalize()
	return d
}

func xiActor() newsgraph.RegisteredActor {
	return newsgraph.RegisteredActor{
		Key: "xi jinping", Name: "Xi Jinping", Type: "PERSON", Documents: 14, FirstDate: "2021-12-30", LastDate: "2023-03",
		Actor: &newsgraph.Actor{Code: "CHNGOV", Country: "CHN", Sectors: []string{"GOV"}, Kind: newsgraph.ActorPerson,
			Evidence: `registry: "Chinese President" ×12 (2021-12 … 2023-03)`, Source: newsgraph.ActorFromRegistry},
		Codes: []newsgraph.CodeCount{
			{Code: "CHNGOV", Source: "text", Count: 12, FirstDate: "2021-12-30", LastDate: "2023-03"},
			{Code: "CHNPTY", Source: "kb", Count: 2, FirstDate: "2022-10-23", LastDate: "2022-10-24"},
		},
		Descriptors: []newsgraph.DescriptorCount{
			{Descriptor: "Chinese President", Code: "CHNGOV", Count: 12, FirstDate: "2021-12-30", LastDate: "2023-03"},
			{Descriptor: "<b>party</b> leader", Code: "CHNPTY", Count: 2, FirstDate: "2022-10-23", LastDate: "2022-10-24"},
		},
	}
}

func yoonActor() newsgraph.RegisteredActor {
	return newsgraph.RegisteredActor{
		Key: "yoon suk yeol", Name: "Yoon Suk Yeol", Type: "PERSON", Documents: 3, FirstDate: "2022-05", LastDate: "2022-11-15",
		Actor: &newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Source: newsgraph.ActorFromRegistry},
		Codes: []newsgraph.CodeCount{{Code: "KORGOV", Source: "text", Count: 3}}, Descriptors: []newsgraph.DescriptorCount{},
	}
}

func samsungActor() newsgraph.RegisteredActor {
	return newsgraph.RegisteredActor{
		Key: "samsung", Name: "Samsung", Type: "ORG", Documents: 1,
		Actor: &newsgraph.Actor{Code: "KORBUS", Country: "KOR", Sectors: []string{"BUS"}, Source: newsgraph.ActorFromOverride},
		Codes: []newsgraph.CodeCount{}, Descriptors: []newsgraph.DescriptorCount{},
	}
}

// actorStore is a fake store with a registry of three actors and the
// summit document.
func actorStore() *fakeStore {
	s := newFakeStore(summitDoc(), articleDoc())
	s.actors = []newsgraph.RegisteredActor{xiActor(), yoonActor(), samsungActor()}
	s.months = map[string][]newsgraph.MonthCount{
		"xi jinping": {{Month: "2021-12", Count: 1}, {Month: "2022-01", Count: 2}, {Month: "2022-11", Count: 7}, {Month: "2023-03", Count: 3}},
	}
	return s
}

func TestAPIActors(t *testing.T) {
	tests := []struct {
		target string
		status int
		keys   []string
		query  newsgraph.ActorQuery // what the store was asked
		err    string
	}{
		{"/api/actors", 200, []string{"xi jinping", "yoon suk yeol", "samsung"}, newsgraph.ActorQuery{Limit: 50}, ""},
		{"/api/actors?country=kor&type=person", 200, []string{"yoon suk yeol"}, newsgraph.ActorQuery{Country: "KOR", Type: "PERSON", Limit: 50}, ""},
		{"/api/actors?code=CHN&q=Xi&limit=5&offset=0", 200, []string{"xi jinping"}, newsgraph.ActorQuery{Code: "CHN", Query: "Xi", Limit: 5}, ""},
		{"/api/actors?offset=10", 200, []string{}, newsgraph.ActorQuery{Limit: 50, Offset: 10}, ""},
		{"/api/actors?country=Korea", 400, nil, newsgraph.ActorQuery{}, "country must be an ISO 3166 alpha-3 code"},
		{"/api/actors?code=KOR-GOV", 400, nil, newsgraph.ActorQuery{}, "code must be"},
		{"/api/actors?type=P1", 400, nil, newsgraph.ActorQuery{}, "type must be"},
		{"/api/actors?limit=0", 400, nil, newsgraph.ActorQuery{}, "limit must be"},
		{"/api/actors?limit=1001", 400, nil, newsgraph.ActorQuery{}, "limit must be"},
		{"/api/actors?offset=-1", 400, nil, newsgraph.ActorQuery{}, "offset must be"},
		{"/api/actors?q=" + strings.Repeat("x", 201), 400, nil, newsgraph.ActorQuery{}, "q is longer"},
		{"/api/actors?q=%ff", 400, nil, newsgraph.ActorQuery{}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			store := actorStore()
			rec := get(t, testHandler(store, nil), tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status != 200 {
				if !strings.Contains(rec.Body.String(), tt.err) || len(store.actorQueries) != 0 {
					t.Errorf("body %s, %d store queries", rec.Body, len(store.actorQueries))
				}
				return
			}
			var got ActorsResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			keys := []string{}
			for _, a := range got.Actors {
				keys = append(keys, a.Key)
			}
			if !reflect.DeepEqual(keys, tt.keys) {
				t.Errorf("actors %v, want %v", keys, tt.keys)
			}
			if !strings.Contains(rec.Body.String(), `"actors":[`) {
				t.Errorf("actors is not an array: %s", rec.Body)
			}
			if len(store.actorQueries) != 1 || store.actorQueries[0] != tt.query {
				t.Errorf("store asked %+v, want %+v", store.actorQueries, tt.query)
			}
		})
	}
}

func TestAPIActor(t *testing.T) {
	h := testHandler(actorStore(), nil)
	rec := get(t, h, "/api/actors/xi%20jinping")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	golden(t, "actor_xi.json", rec.Body.Bytes())
	// The key is the lower-cased name: any case finds the actor.
	if rec := get(t, h, "/api/actors/Xi%20JINPING"); rec.Code != 200 {
		t.Errorf("mixed case: status %d", rec.Code)
	}
	// Arrays are never null.
	rec = get(t, h, "/api/actors/samsung")
	for _, want := range []string{`"codes":[]`, `"descriptors":[]`, `"months":[]`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("samsung lacks %s: %s", want, rec.Body)
		}
	}
	for _, target := range []string{"/api/actors/nobody", "/api/actors/" + strings.Repeat("x", 500), "/api/actors/%ff"} {
		if rec := get(t, h, target); rec.Code != 404 || !strings.Contains(rec.Body.String(), `"error":"not found"`) {
			t.Errorf("%s: %d %s", target, rec.Code, rec.Body)
		}
	}
}

func TestActorsStoreErrors(t *testing.T) {
	for _, target := range []string{"/api/actors", "/api/actors/xi%20jinping", "/actors", "/actors/xi%20jinping"} {
		t.Run(target, func(t *testing.T) {
			store := actorStore()
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

func TestActorPage(t *testing.T) {
	h := testHandler(actorStore(), nil)
	rec := get(t, h, "/actors/xi%20jinping")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, want := range []string{
		"<h1>Xi Jinping</h1>",
		`<span class="badge code">CHNGOV</span> China · government`,
		"<li><code>CHN</code> China</li><li><code>GOV</code> government</li>",
		`registry: &#34;Chinese President&#34; ×12 (2021-12 … 2023-03)`,
		`<svg class="chart"`, `<title id="chart-title">Documents per month mentioning Xi Jinping</title>`,
		`<td>China · party</td>`,
		`&lt;b&gt;party&lt;/b&gt; leader`,
		`<a href="/documents/` + summitDoc().ID + `">Xi and Yoon meet in Bali</a>`,
		`<a href="/?entity=Xi&#43;Jinping">Search the documents mentioning Xi Jinping</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("actor page lacks %q", want)
		}
	}
	golden(t, "actor_xi.html", rec.Body.Bytes())

	rec = get(t, h, "/actors/nobody")
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), "Actor not found") {
		t.Errorf("unknown actor: %d", rec.Code)
	}
	// An actor without dated months or documents still has a page.
	rec = get(t, h, "/actors/samsung")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "No document of this actor is dated to the month") ||
		strings.Contains(rec.Body.String(), "<svg") || !strings.Contains(rec.Body.String(), "from an override") {
		t.Errorf("samsung page: %d\n%s", rec.Code, rec.Body)
	}
}

func TestActorsPage(t *testing.T) {
	tests := []struct {
		target string
		status int
		want   []string
		not    []string
	}{
		{"/actors", 200, []string{`<a href="/actors/xi%20jinping">Xi Jinping</a>`, `<span class="badge code" title="China · government">CHNGOV</span>`,
			`<td class="dates">2021-12-30 … 2023-03</td>`, `Chinese President <span class="count">×12</span>; &lt;b&gt;party&lt;/b&gt; leader`,
			`<a href="/actors/samsung">Samsung</a>`, `<option value="ORG">ORG</option>`}, []string{`rel="next"`}},
		{"/actors?type=ORG", 200, []string{`<a href="/actors/samsung">Samsung</a>`, `<option value="ORG" selected>ORG</option>`}, []string{"Xi Jinping"}},
		{"/actors?limit=1", 200, []string{`<a rel="next" href="/actors?limit=1&amp;offset=1">`}, []string{"Yoon", `rel="prev"`}},
		{"/actors?limit=1&offset=1&country=KOR", 200, []string{"Samsung", `<a rel="prev" href="/actors?country=KOR&amp;limit=1">`, `value="KOR"`},
			[]string{"Yoon Suk Yeol", `rel="next"`}},
		{"/actors?q=nobody", 200, []string{"No actor matches these filters."}, nil},
		{"/actors?country=Korea", 400, []string{"country must be an ISO 3166 alpha-3 code", `value="KOREA"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, testHandler(actorStore(), nil), tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(rec.Body.String(), w) {
					t.Errorf("page has %q", w)
				}
			}
		})
	}
	// The layout links the index.
	if rec := get(t, testHandler(actorStore(), nil), "/"); !strings.Contains(rec.Body.String(), `<a href="/actors">Actors</a>`) {
		t.Error("the navigation does not link /actors")
	}
}

func TestDocumentPageActors(t *testing.T) {
	d := summitDoc()
	rec := get(t, testHandler(newFakeStore(d), nil), "/documents/"+d.ID)
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<a class="ent-actor" href="/actors/xi%20jinping"><mark class="ent ent-PERSON" data-entity="e1" data-actor="CHNGOV" title="PERSON: Xi Jinping · CHNGOV">Xi Jinping</mark></a>`,
		`<a class="ent-actor" href="/actors/xi%20jinping"><mark class="ent ent-PERSON" data-entity="e1" data-actor="CHNGOV" title="PERSON: Xi Jinping · CHNGOV">Xi</mark></a>`,
		`<a class="actor-link" href="/actors/yoon%20suk%20yeol" title="The actor Yoon Suk Yeol">Yoon Suk Yeol</a> <span class="badge code" title="South Korea · government">KORGOV</span>`,
		// Entities without an actor keep their plain highlight and link.
		`<mark class="ent ent-GPE" data-entity="e3" title="GPE: Bali">Bali</mark>`,
		`<a href="/?entity=Bali" title="Documents mentioning Bali">Bali</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %s", want)
		}
	}
	golden(t, "document_actors.html", rec.Body.Bytes())
}

func TestActorURL(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Xi Jinping", "/actors/xi%20jinping"},
		{"AC/DC", "/actors/ac%2Fdc"},
		{"Ünal Çelik", "/actors/%C3%BCnal%20%C3%A7elik"},
		{"50% Club?", "/actors/50%25%20club%3F"},
	}
	store := newFakeStore()
	h := testHandler(store, nil)
	for _, tt := range tests {
		if got := ActorURL(tt.name); got != tt.want {
			t.Errorf("ActorURL(%q) = %q, want %q", tt.name, got, tt.want)
		}
		// The URL leads back to the key.
		store.actors = []newsgraph.RegisteredActor{{Key: strings.ToLower(tt.name), Name: tt.name}}
		if rec := get(t, h, tt.want); rec.Code != 200 {
			t.Errorf("GET %s: %d", tt.want, rec.Code)
		}
	}
}

func TestMonthChart(t *testing.T) {
	tests := []struct {
		name   string
		months []newsgraph.MonthCount
	}{
		{"one", []newsgraph.MonthCount{{Month: "2022-11", Count: 1}}},
		{"gaps", []newsgraph.MonthCount{{Month: "2021-12", Count: 1}, {Month: "2022-01", Count: 2}, {Month: "2022-11", Count: 7}, {Month: "2023-03", Count: 3}}},
		{"decade", func() []newsgraph.MonthCount {
			var ms []newsgraph.MonthCount
			for y := 2010; y < 2020; y++ {
				for m := 1; m <= 12; m += 1 + y%3 {
					ms = append(ms, newsgraph.MonthCount{Month: fmt.Sprintf("%d-%02d", y, m), Count: (y*m)%37 + 1})
				}
			}
			return ms
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := string(monthChart(`Documents per month mentioning <Bob> & "Al"`, tt.months))
			dec := xml.NewDecoder(strings.NewReader(svg))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed XML: %v\n%s", err, svg)
				}
			}
			if !strings.Contains(svg, "<title id=\"chart-title\">Documents per month mentioning &lt;Bob&gt; &amp; &#34;Al&#34;</title>") {
				t.Errorf("title not escaped: %s", svg)
			}
			if strings.Contains(svg, "style=") || strings.Contains(svg, "<script") {
				t.Errorf("inline style or script: %s", svg)
			}
			golden(t, "chart_"+tt.name+".svg", []byte(svg+"\n"))
		})
	}
	if got := monthChart("x", nil); got != "" {
		t.Errorf("empty chart: %q", got)
	}
	if got := monthChart("x", []newsgraph.MonthCount{{Month: "bad", Count: 3}, {Month: "2022-01", Count: 0}}); got != "" {
		t.Errorf("chart of nothing valid: %q", got)
	}
}

func TestNiceCeil(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, 1}, {1, 1}, {2, 2}, {3, 5}, {7, 10}, {10, 10}, {11, 20}, {412, 500}, {1000, 1000}} {
		if got := niceCeil(tt.in); got != tt.want {
			t.Errorf("niceCeil(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
