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

// TestBrowserEvents opens a document with events, follows an event's link
// to its evidence sentence (the :target, marked and scrolled into view),
// then the pair view: the chart is drawn with one bar per month and the
// Goldstein line, and a report leads to its sentence in another document.
func TestBrowserEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	doc, herald := eventDoc(), heraldDoc()
	ts := httptest.NewServer(testHandler(eventStore(), nil))
	defer ts.Close()
	bctx := webtest.NewBrowser(t)
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()
	poll := chromedp.WithPollingTimeout(5 * time.Second)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/documents/"+doc.ID),
		chromedp.WaitVisible(chromedp.ID("events")),
	); err != nil {
		t.Fatalf("open the document: %v", err)
	}
	if run(t, ctx, "no target", chromedp.Evaluate[bool](`document.querySelector(":target") !== null`)) {
		t.Error("a sentence is marked before any click")
	}
	// The evidence spans are underlined but not marked; a marked one has an outline.
	const outline = `(id) => getComputedStyle(document.getElementById(id)).outlineStyle`
	const marked = `((id) => getComputedStyle(document.getElementById(id)).outlineStyle === "solid")`

	// Click the fourth event (the sanction): its sentence in the second paragraph becomes the target.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#event-3 a.evidence-link`))); err != nil {
		t.Fatalf("click the event: %v", err)
	}
	if id := run(t, ctx, "target", chromedp.Poll[string](`document.querySelector(":target") && document.querySelector(":target").id`, poll)); id != "ev-1-0" {
		t.Errorf("target %q, want ev-1-0", id)
	}
	if got := run(t, ctx, "target text", chromedp.Evaluate[string](`document.querySelector(":target").textContent`)); got != sanctionClause {
		t.Errorf("target text %q, want %q", got, sanctionClause)
	}
	if !run(t, ctx, "target class", chromedp.Evaluate[bool](`document.querySelector(":target").matches("#document .body span.evidence")`)) {
		t.Error("the target is not an evidence span of the body")
	}
	if !run(t, ctx, "marked", chromedp.Evaluate[bool](marked+`("ev-1-0")`)) {
		t.Errorf("the target sentence is not marked: outline %q", run(t, ctx, "outline", chromedp.Evaluate[string]("("+outline+`)("ev-1-0")`)))
	}
	if run(t, ctx, "other unmarked", chromedp.Evaluate[bool](marked+`("ev-0-0")`)) {
		t.Error("another sentence is marked too")
	}
	if bg := run(t, ctx, "background", chromedp.Evaluate[string](`getComputedStyle(document.getElementById("ev-1-0")).backgroundColor`)); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the target sentence has no background")
	}
	if !run(t, ctx, "in view", chromedp.Evaluate[bool](`(() => { const r = document.getElementById("ev-1-0").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`)) {
		t.Error("the target sentence is not scrolled into view")
	}

	// Another event moves the mark to its sentence.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#event-0 a.evidence-link`))); err != nil {
		t.Fatalf("click the first event: %v", err)
	}
	if id := run(t, ctx, "second target", chromedp.Poll[string](`location.hash === "#ev-0-0" && document.querySelector(":target").id`, poll)); id != "ev-0-0" {
		t.Errorf("target %q, want ev-0-0", id)
	}
	if !run(t, ctx, "moved", chromedp.Evaluate[bool](marked+`("ev-0-0") && !`+marked+`("ev-1-0")`)) {
		t.Error("the mark did not move to the first sentence")
	}

	// The pair view, from the event's link.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#event-0 a.pair-link`)),
		chromedp.WaitVisible(chromedp.ID("pair")),
	); err != nil {
		t.Fatalf("open the pair view: %v", err)
	}
	if loc := run(t, ctx, "location", chromedp.Location()); !strings.HasSuffix(loc, "/pairs/CHN/KOR") {
		t.Errorf("pair view at %q", loc)
	}
	if !run(t, ctx, "chart visible", chromedp.Evaluate[bool](`document.querySelector("#months svg.pair-chart").checkVisibility()`)) {
		t.Error("chart not visible")
	}
	if n := run(t, ctx, "bars", chromedp.Evaluate[int](`document.querySelectorAll("#months svg.pair-chart rect.bar").length`)); n != 3 {
		t.Errorf("%d bars, want 3", n)
	}
	if h := run(t, ctx, "bar height", chromedp.Evaluate[float64](`Math.max(...[...document.querySelectorAll("#months svg.pair-chart rect.bar")].map(r => r.getBoundingClientRect().height))`)); h < 20 {
		t.Errorf("tallest bar %.1f px high", h)
	}
	if n := run(t, ctx, "points", chromedp.Evaluate[int](`document.querySelectorAll("#months svg.pair-chart circle.gpoint").length`)); n != 3 {
		t.Errorf("%d Goldstein points, want 3", n)
	}
	if l := run(t, ctx, "line", chromedp.Evaluate[float64](`document.querySelector("#months svg.pair-chart path.goldstein-gap").getTotalLength()`)); l < 100 {
		t.Errorf("Goldstein line %.1f units long", l)
	}
	if got := run(t, ctx, "chart title", chromedp.Evaluate[string](`document.getElementById("pair-chart-title").textContent`)); got != "Events between China and South Korea per month, with their mean Goldstein value" {
		t.Errorf("chart title %q", got)
	}

	// A report leads to its sentence in the reporting document.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a.report-link[href^="/documents/`+herald.ID+`"]`)),
		chromedp.WaitVisible(chromedp.ID("document")),
	); err != nil {
		t.Fatalf("open the report: %v", err)
	}
	if got := run(t, ctx, "report target", chromedp.Poll[string](`document.querySelector(":target") && document.querySelector(":target").textContent`, poll)); got != herald.Paragraphs[0] {
		t.Errorf("report target %q", got)
	}
}
