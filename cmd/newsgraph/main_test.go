package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/web"
	"github.com/newsgraph/newsgraph/web/webtest"
)

const seed = "../../../shared/seeds/000_5150d573eb016490.txt"

// newsgraph runs the command line in-process and returns its exit code and output.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestExtractContract(t *testing.T) {
	code, out, errs := cli(t, "", "extract", "../../samples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 6 {
		t.Fatalf("%d records from samples/, want at least 6", len(lines))
	}
	want := []string{"id", "source", "is_article", "title", "language", "published", "paragraphs", "boilerplate", "entities", "quotes", "events", "extractor"}
	for _, l := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, l)
		}
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("record lacks %q: %s", k, l[:min(len(l), 200)])
			}
		}
		var src map[string]any
		json.Unmarshal(m["source"], &src)
		if p, _ := src["path"].(string); !strings.HasPrefix(p, "../../samples/") {
			t.Errorf("source.path %q is not the path as given", p)
		}
	}
}

func TestExtractStdinAndFailures(t *testing.T) {
	code, out, errs := cli(t, " date 2022-03 Headline\nA paragraph long enough to be an article body with a full stop at its end.\n", "extract", "-", "does-not-exist.txt")
	if code != 1 {
		t.Errorf("exit %d, want 1 for a missing input", code)
	}
	if !strings.Contains(errs, "does-not-exist.txt") {
		t.Errorf("stderr does not name the failed input: %q", errs)
	}
	var d newsgraph.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.Source.Path != "-" {
		t.Errorf("stdin record: %v %+v", err, d.Source)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"ingest", "--help"}, {"search", "-h"}, {"eval", "--help"}} {
		if code, out, errs := cli(t, "", args...); code != 0 || out+errs == "" {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if code, _, _ := cli(t, "", "bogus"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// TestSeedEndToEnd ingests the seed, searches it from the command line and
// through the server, and checks the document page: its title and the
// removed headlines.
func TestSeedEndToEnd(t *testing.T) {
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("the seed record is absent (it lives in ../shared): %v", err)
	}
	db := filepath.Join(t.TempDir(), "e2e.db")
	if code, out, errs := cli(t, "", "ingest", "--db", db, seed, "../../samples"); code != 0 {
		t.Fatalf("ingest exit %d: %s %s", code, out, errs)
	}
	code, out, _ := cli(t, "", "search", "--db", db, "Bali", "--json")
	if code != 0 {
		t.Fatalf("search exit %d", code)
	}
	var res web.SearchResponse
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total < 1 {
		t.Fatalf("search Bali: %v %s", err, out)
	}
	id := res.Hits[0].ID

	st, err := openStore(context.Background(), &env{log: slog.New(slog.NewTextHandler(io.Discard, nil))}, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ts := httptest.NewServer(web.New(st, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer ts.Close()
	get := func(path string) string {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	const title = "China ready to work with South Korea for regional peace, stability"
	page := get("/?q=Bali")
	if !strings.Contains(page, title) || !strings.Contains(page, "/documents/"+id) {
		t.Errorf("search page for Bali does not show the seed")
	}
	doc := get("/documents/" + id)
	for _, want := range []string{title, "Long queues outside gas stations in France on last day of fuel discount", "Argentina, China agree to currency swap at G20 summit", "year only",
		`<a class="ent-actor" href="/actors/xi%20jinping"><mark class="ent ent-PERSON" data-entity="e2" data-actor="CHNGOV" title="PERSON: Xi Jinping · CHNGOV">Xi Jinping</mark></a>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document page lacks %q", want)
		}
	}

	// The same in a real browser, when one is installed.
	ctx := webtest.NewBrowser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "Bali"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.ID("results")),
	); err != nil {
		t.Fatalf("browser search: %v", err)
	}
	if count := browse(t, ctx, chromedp.Text(chromedp.ID("result-count"))); !strings.HasPrefix(count, "1 result") {
		t.Errorf("browser: result count %q", count)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#results a[href="/documents/`+id+`"]`)),
		chromedp.WaitVisible(chromedp.ID("document")),
	); err != nil {
		t.Fatalf("browser open document: %v", err)
	}
	if h1 := browse(t, ctx, chromedp.Text(chromedp.CSS("#document h1"))); h1 != title {
		t.Errorf("browser: title %q", h1)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#boilerplate summary")),
		chromedp.WaitVisible(chromedp.CSS("#boilerplate li .line")),
	); err != nil {
		t.Fatalf("browser expand boilerplate: %v", err)
	}
	if removed := browse(t, ctx, chromedp.Text(chromedp.ID("boilerplate"))); !strings.Contains(removed, "Environmental activists throw oil at Gustav Klimt's painting") {
		t.Errorf("browser: removed headlines not shown: %q", removed)
	}
}

func browse[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

func TestStoreCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cmds.db")
	if code, out, errs := cli(t, "", "ingest", "--db", db, "../../samples"); code != 0 || !strings.Contains(out, "new 6") {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	if code, out, _ := cli(t, "", "ingest", "--db", db, "../../samples"); code != 0 || !strings.Contains(out, "new 0, duplicates 6") {
		t.Errorf("second ingest: exit %d: %s", code, out)
	}
	code, out, errs := cli(t, "", "export", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 6 {
		t.Fatalf("export: exit %d, %d lines: %s", code, strings.Count(out, "\n"), errs)
	}
	var d newsgraph.Document
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &d); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := cli(t, "", "show", "--db", db, d.ID); code != 0 || !strings.Contains(out, d.TitleText()) {
		t.Errorf("show: exit %d: %s", code, out)
	}
	if code, _, _ := cli(t, "", "show", "--db", db, "0000"); code != 1 {
		t.Errorf("show unknown id: exit %d, want 1", code)
	}
	if code, out, _ := cli(t, "", "stats", "--db", db); code != 0 || !strings.Contains(out, "documents   6") {
		t.Errorf("stats: exit %d: %s", code, out)
	}
	if code, _, _ := cli(t, "", "ingest", "--db", db, "missing-input.txt"); code != 1 {
		t.Errorf("ingest of a missing input: exit %d, want 1", code)
	}
	if code, out, _ := cli(t, "", "stats", "--db", db, "--failures"); code != 0 || !strings.Contains(out, "missing-input.txt\tcannot read") {
		t.Errorf("stats --failures: exit %d: %q", code, out)
	}
	if code, out, _ := cli(t, "", "reprocess", "--db", db); code != 0 || !strings.Contains(out, "6 input(s) re-extracted") {
		t.Errorf("reprocess: exit %d: %s", code, out)
	}
	if code, out, _ := cli(t, "", "search", "--db", db, "security", "--from", "2024", "--lang", "en"); code != 0 || !strings.Contains(out, "result(s)") {
		t.Errorf("search: exit %d: %s", code, out)
	}
	if code, _, errs := cli(t, "", "search", "--db", db, "x", "--from", "2024-13"); code == 0 {
		t.Errorf("search with a bad date succeeded: %s", errs)
	}
}

func TestNERCommands(t *testing.T) {
	code, out, errs := cli(t, "Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol in Bali on Tuesday.\n", "ner", "tag", "--format", "text")
	if code != 0 || !strings.Contains(out, `"name": "Xi Jinping"`) || !strings.Contains(out, `"start": 18`) {
		t.Errorf("ner tag --format text: exit %d: %s %s", code, out, errs)
	}
	conll := "-DOCSTART- -X- -X- O\n\nXi NNP B-NP I-PER\nJinping NNP I-NP I-PER\nvisited VBD B-VP O\nSeoul NNP B-NP I-LOC\n. . O O\n"
	code, out, _ = cli(t, conll, "ner", "tag", "--format", "conll")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "-DOCSTART- -X- -X- O" || !strings.HasSuffix(lines[2], "B-PER") || !strings.HasSuffix(lines[5], "B-LOC") {
		t.Errorf("ner tag --format conll: exit %d:\n%s", code, out)
	}
	const testa = "../../../shared/data/conll2003/eng.testa"
	if _, err := os.Stat(testa); err == nil {
		code, out, _ = cli(t, "", "ner", "eval", testa)
		if code != 0 || !strings.Contains(out, "FB1") {
			t.Errorf("ner eval: exit %d: %s", code, out)
		}
	}
}

// TestRegistryLearnsNewActor ingests articles about an invented president
// whom no knowledge base knows: three describe him ("Chilean President
// Aurelio Quintana"), one only names him. After reprocessing, the registry
// the store learned from the three codes him in the fourth.
func TestRegistryLearnsNewActor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "registry.db")
	if code, out, errs := cli(t, "", "ingest", "--db", db, "testdata/registry"); code != 0 || !strings.Contains(out, "new 4") {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	if code, out, errs := cli(t, "", "reprocess", "--db", db); code != 0 {
		t.Fatalf("reprocess: exit %d: %s %s", code, out, errs)
	}
	code, out, errs := cli(t, "", "export", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d newsgraph.Document
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Name != "Aurelio Quintana" {
				continue
			}
			if e.Actor == nil || e.Actor.Code != "CHLGOV" {
				t.Errorf("%q: Aurelio Quintana coded %+v, want CHLGOV", d.TitleText(), e.Actor)
				continue
			}
			if strings.Contains(d.TitleText(), "fishermen") {
				found = true
				if e.Actor.Source != newsgraph.ActorFromRegistry {
					t.Errorf("the article without a descriptor coded him from %q, want the registry", e.Actor.Source)
				}
			}
		}
	}
	if !found {
		t.Error("the article that only names Aurelio Quintana has no such entity")
	}
	if code, out, _ := cli(t, "", "actors", "--db", db, "--country", "CHL"); code != 0 || !strings.Contains(out, "Aurelio Quintana") || !strings.Contains(out, "CHLGOV") {
		t.Errorf("actors --country CHL: exit %d:\n%s", code, out)
	}
}
