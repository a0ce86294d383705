package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/web/webtest"
)

// TestBrowser drives the UI in headless Chromium: search from the form,
// read the results, open a document, expand the boilerplate.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	festival := &newsgraph.Document{
		Source:     newsgraph.Source{Path: "crawl/festival.html", Site: "example.org", Format: newsgraph.FormatHTML},
		IsArticle:  true,
		Title:      ptr("Harvest festival draws crowds"),
		Language:   ptr("en"),
		Published:  newsgraph.Published{Date: "2022-09", Precision: newsgraph.PrecisionMonth, Origin: newsgraph.OriginURL},
		Paragraphs: []string{"Thousands came to the harvest festival on Saturday."},
	}
	festival.Normalize()
	year := yearDoc()
	ts := httptest.NewServer(testHandler(newFakeStore(articleDoc(), year, festival), nil))
	defer ts.Close()

	bctx := webtest.NewBrowser(t)
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()
	start := time.Now()

	// Search from the form.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "harvest"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.ID("results")),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	loc := run(t, ctx, "location", chromedp.Location())
	if !strings.Contains(loc, "q=harvest") {
		t.Errorf("search URL %q lacks q=harvest", loc)
	}
	if got := run(t, ctx, "result count", chromedp.Text(chromedp.ID("result-count"))); !strings.HasPrefix(got, "2 results for harvest") {
		t.Errorf("result count %q", got)
	}
	hits := run(t, ctx, "hits", chromedp.Nodes(chromedp.CSSAll("#results li.hit")))
	if len(hits) != 2 {
		t.Errorf("%d hits, want 2", len(hits))
	}
	titles := run(t, ctx, "titles", chromedp.Text(chromedp.ID("results")))
	for _, want := range []string{"Annual report on harvests", "Harvest festival draws crowds", "year only", "example.org"} {
		if !strings.Contains(titles, want) {
			t.Errorf("results lack %q:\n%s", want, titles)
		}
	}
	if got := run(t, ctx, "mark", chromedp.Text(chromedp.CSS("#results mark"))); !strings.EqualFold(got, "harvest") {
		t.Errorf("highlight %q", got)
	}

	// Click through to the year-only document, picked by its link.
	link := chromedp.CSS(`#results a[href="/documents/` + year.ID + `"]`)
	if err := chromedp.Do(ctx,
		chromedp.Click(link),
		chromedp.WaitVisible(chromedp.ID("document")),
	); err != nil {
		t.Fatalf("open document: %v", err)
	}
	if got := run(t, ctx, "h1", chromedp.Text(chromedp.CSS("#document h1"))); got != "Annual report on harvests" {
		t.Errorf("document title %q", got)
	}
	if got := run(t, ctx, "date", chromedp.Text(chromedp.CSS("#document .published"))); !strings.Contains(got, "2022 (year only · from the crawl header, raw 2022-01-01)") || !strings.Contains(got, "Date conflict") {
		t.Errorf("published %q", got)
	}

	// The boilerplate is collapsed until its summary is clicked.
	const lineVisible = `document.querySelector("#boilerplate li .line").checkVisibility()`
	if run(t, ctx, "boilerplate hidden", chromedp.Evaluate[bool](lineVisible)) {
		t.Errorf("boilerplate visible before expanding")
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#boilerplate summary")),
		chromedp.WaitVisible(chromedp.CSS("#boilerplate li .line")),
	); err != nil {
		t.Fatalf("expand boilerplate: %v", err)
	}
	if !run(t, ctx, "boilerplate shown", chromedp.Evaluate[bool](lineVisible)) {
		t.Errorf("boilerplate line not visible after expanding")
	}
	if got := run(t, ctx, "boilerplate", chromedp.Text(chromedp.CSS("#boilerplate li"))); !strings.Contains(strings.ToLower(got), "headline most read") {
		t.Errorf("boilerplate line %q", got)
	}
	t.Logf("browser steps took %v", time.Since(start).Round(time.Millisecond))
}

// run runs one chromedp action that returns a value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// TestBrowserActor opens a document, follows an entity's link to its actor
// page and reads the page: the code explained, the chart of documents per
// month (inline SVG) and the list of documents, which leads back.
func TestBrowserActor(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	doc := summitDoc()
	ts := httptest.NewServer(testHandler(actorStore(), nil))
	defer ts.Close()
	bctx := webtest.NewBrowser(t)
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()

	link := chromedp.CSS(`#document .body a.ent-actor[href="/actors/xi%20jinping"]`)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/documents/"+doc.ID),
		chromedp.WaitVisible(chromedp.ID("document")),
		chromedp.Click(link),
		chromedp.WaitVisible(chromedp.ID("actor")),
	); err != nil {
		t.Fatalf("follow the actor link: %v", err)
	}
	if loc := run(t, ctx, "location", chromedp.Location()); !strings.HasSuffix(loc, "/actors/xi%20jinping") {
		t.Errorf("actor page at %q", loc)
	}
	if got := run(t, ctx, "h1", chromedp.Text(chromedp.CSS("#actor h1"))); got != "Xi Jinping" {
		t.Errorf("actor name %q", got)
	}
	if got := run(t, ctx, "code", chromedp.Text(chromedp.CSS("#actor dd.code"))); !strings.Contains(got, "CHNGOV") || !strings.Contains(got, "China · government") {
		t.Errorf("code %q", got)
	}
	// The chart is drawn: visible, four bars, with its accessible title.
	if !run(t, ctx, "chart visible", chromedp.Evaluate[bool](`document.querySelector("#months svg.chart").checkVisibility()`)) {
		t.Error("chart not visible")
	}
	if n := run(t, ctx, "bars", chromedp.Evaluate[int](`document.querySelectorAll("#months svg.chart rect.bar").length`)); n != 4 {
		t.Errorf("%d bars, want 4", n)
	}
	if h := run(t, ctx, "bar height", chromedp.Evaluate[float64](`Math.max(...[...document.querySelectorAll("#months svg.chart rect.bar")].map(r => r.getBoundingClientRect().height))`)); h < 20 {
		t.Errorf("tallest bar %.1f px high", h)
	}
	if got := run(t, ctx, "chart title", chromedp.Evaluate[string](`document.getElementById("chart-title").textContent`)); got != "Documents per month mentioning Xi Jinping" {
		t.Errorf("chart title %q", got)
	}
	// Back to the document from the actor's documents.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#documents a[href="/documents/`+doc.ID+`"]`)),
		chromedp.WaitVisible(chromedp.ID("document")),
	); err != nil {
		t.Fatalf("back to the document: %v", err)
	}
	if got := run(t, ctx, "title", chromedp.Text(chromedp.CSS("#document h1"))); got != "Xi and Yoon meet in Bali" {
		t.Errorf("document title %q", got)
	}
}
