package web

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func quoteDoc() *newsgraph.Document {
	xi := "Xi Jinping"
	d := &newsgraph.Document{
		ID: "q1",
		Paragraphs: []string{
			`"China is ready to work with the ROK," Xi said.`,
			`"We will go on," he added, "together.`,
			`And further."`,
		},
		Entities: []newsgraph.Entity{{ID: "e1", Name: "Xi Jinping", Type: "PERSON",
			Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 39, End: 41, Text: "Xi"}}},
			{ID: "e2", Name: "ROK", Type: "MISC", Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 32, End: 35, Text: "ROK"}}}},
		Quotes: []newsgraph.Quote{
			{Kind: "direct", Text: "China is ready to work with the ROK,", Speaker: &xi, Cue: "said", Paragraph: 0, Start: 1, End: 37, EndParagraph: 0},
			{Kind: "direct", Text: "together. And further.", Speaker: &xi, Cue: "added", Paragraph: 1, Start: 28, End: 12, EndParagraph: 2},
		},
	}
	d.Published.Date = "2022-11-15"
	return d
}

// TestMarkQuotes checks that quote contents are marked in the body, cut
// at their boundaries, across paragraphs, with entities inside kept whole.
func TestMarkQuotes(t *testing.T) {
	d := quoteDoc()
	paras := paragraphSegments(d)
	quoted := func(p int) string {
		var b strings.Builder
		for _, s := range paras[p] {
			if s.Quote != nil {
				b.WriteString(s.Text)
			}
		}
		return b.String()
	}
	for p, want := range []string{"China is ready to work with the ROK,", "together.", "And further."} {
		if got := quoted(p); got != want {
			t.Errorf("paragraph %d: quoted text %q, want %q", p, got, want)
		}
	}
	for p, segs := range paras {
		var all strings.Builder
		for _, s := range segs {
			all.WriteString(s.Text)
			if s.Entity != nil && s.Entity.ID == "e2" && s.Quote == nil {
				t.Error("the entity inside the quote is not marked quoted")
			}
		}
		if all.String() != d.Paragraphs[p] {
			t.Errorf("paragraph %d: segments join to %q", p, all.String())
		}
	}
	rec := get(t, testHandler(newFakeStore(d), nil), "/documents/q1")
	if body := rec.Body.String(); !strings.Contains(body, `<span class="quote" data-quote="0" title="Quote (direct): Xi Jinping">China is ready`) {
		t.Errorf("document page does not highlight the quote:\n%s", body)
	}
}

func TestAPIQuotes(t *testing.T) {
	store := newFakeStore(quoteDoc())
	h := testHandler(store, nil)
	rec := get(t, h, "/api/quotes?speaker=xi+jinping&from=2022")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var res QuotesResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Quotes) != 2 || res.Quotes[0].Speaker != "Xi Jinping" || res.Limit != defaultQuoteLimit {
		t.Errorf("quotes = %+v", res)
	}
	for _, bad := range []string{"/api/quotes?from=2022-13", "/api/quotes?limit=0", "/api/quotes?offset=-2"} {
		if rec := get(t, h, bad); rec.Code != 400 {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}
