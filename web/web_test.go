package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// testHandler builds the handler over store with a logger that writes to
// logs (or discards).
func testHandler(store Store, logs io.Writer) http.Handler {
	if logs == nil {
		logs = io.Discard
	}
	return New(store, Options{Logger: slog.New(slog.NewTextHandler(logs, nil)), Title: "newsgraph test"})
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run go test ./web -update and review the diff\ngot:\n%s", path, got)
	}
}

func TestHealthz(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		body   string
	}{
		{"ok", nil, http.StatusOK, `{"status":"ok"}`},
		{"store down", errors.New("database is locked"), http.StatusServiceUnavailable, `{"status":"unavailable"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeStore()
			s.err = tc.err
			rec := get(t, testHandler(s, nil), "/healthz")
			if rec.Code != tc.status || strings.TrimSpace(rec.Body.String()) != tc.body {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), tc.status, tc.body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

func TestAPISearchShape(t *testing.T) {
	h := testHandler(newFakeStore(articleDoc(), yearDoc(), hostileDoc()), nil)
	rec := get(t, h, "/api/search?q=harvest&limit=5")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got struct {
		Total  int              `json:"total"`
		Limit  int              `json:"limit"`
		Offset int              `json:"offset"`
		Hits   []map[string]any `json:"hits"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 2 || got.Limit != 5 || got.Offset != 0 || len(got.Hits) != 2 {
		t.Fatalf("got total %d limit %d offset %d hits %d", got.Total, got.Limit, got.Offset, len(got.Hits))
	}
	for _, hit := range got.Hits {
		for _, k := range []string{"id", "title", "published", "language", "site", "url", "snippet", "score"} {
			if _, ok := hit[k]; !ok {
				t.Errorf("hit lacks %q: %v", k, hit)
			}
		}
		pub, _ := hit["published"].(map[string]any)
		for _, k := range []string{"date", "precision", "origin", "raw"} {
			if _, ok := pub[k]; !ok {
				t.Errorf("published lacks %q: %v", k, pub)
			}
		}
		if sn, _ := hit["snippet"].(string); !strings.Contains(sn, "<mark>") || strings.Contains(sn, "<iframe") || strings.Contains(sn, "<b>") {
			t.Errorf("snippet not marked or not escaped: %q", sn)
		}
	}
	golden(t, "search_harvest.json", rec.Body.Bytes())

	// No hits is an empty array, not null.
	rec = get(t, h, "/api/search?q=nothingmatches")
	if !strings.Contains(rec.Body.String(), `"hits":[]`) {
		t.Errorf("empty result: %s", rec.Body)
	}
}

func TestSearchParams(t *testing.T) {
	tests := []struct {
		query string
		want  newsgraph.SearchQuery // checked when ok
		err   string                // substring of the 400 message, "" for ok
	}{
		{"", newsgraph.SearchQuery{Limit: 20}, ""},
		{"q=+g20+&lang=en&site=x.org&entity=Joko", newsgraph.SearchQuery{Text: "g20", Lang: "en", Site: "x.org", Entity: "Joko", Limit: 20}, ""},
		{"from=2022&to=2022-12-31&limit=1000&offset=40", newsgraph.SearchQuery{From: "2022", To: "2022-12-31", Limit: 1000, Offset: 40}, ""},
		{"from=2022-05&to=2022", newsgraph.SearchQuery{From: "2022-05", To: "2022", Limit: 20}, ""},
		{"from=2024-02-29", newsgraph.SearchQuery{From: "2024-02-29", Limit: 20}, ""},
		{"limit=0", newsgraph.SearchQuery{}, "limit"},
		{"limit=1001", newsgraph.SearchQuery{}, "limit"},
		{"limit=ten", newsgraph.SearchQuery{}, "limit"},
		{"limit=99999999999999999999999", newsgraph.SearchQuery{}, "limit"},
		{"offset=-1", newsgraph.SearchQuery{}, "offset"},
		{"offset=1.5", newsgraph.SearchQuery{}, "offset"},
		{"from=22", newsgraph.SearchQuery{}, "from"},
		{"from=2022-13", newsgraph.SearchQuery{}, "from"},
		{"from=2023-02-29", newsgraph.SearchQuery{}, "from"},
		{"to=2022-1-5", newsgraph.SearchQuery{}, "to"},
		{"to=+2022", newsgraph.SearchQuery{To: "2022", Limit: 20}, ""},
		{"to=２０２２", newsgraph.SearchQuery{}, "to"},
		{"to=2022/01/05", newsgraph.SearchQuery{}, "to"},
		{"from=2023&to=2022-12", newsgraph.SearchQuery{}, "after"},
		{"q=" + strings.Repeat("a", 501), newsgraph.SearchQuery{}, "q is longer"},
		{"q=%ff%fe", newsgraph.SearchQuery{}, "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			s := newFakeStore()
			rec := get(t, testHandler(s, nil), "/api/search?"+tc.query)
			if tc.err != "" {
				var body struct{ Error string }
				if rec.Code != http.StatusBadRequest || json.Unmarshal(rec.Body.Bytes(), &body) != nil || !strings.Contains(body.Error, tc.err) {
					t.Errorf("got %d %s, want 400 mentioning %q", rec.Code, rec.Body, tc.err)
				}
				if len(s.queries) != 0 {
					t.Errorf("store was queried on a bad request")
				}
				return
			}
			if rec.Code != http.StatusOK || len(s.queries) != 1 {
				t.Fatalf("got %d %s", rec.Code, rec.Body)
			}
			if s.queries[0] != tc.want {
				t.Errorf("store got %+v, want %+v", s.queries[0], tc.want)
			}
		})
	}
}

func TestAPIErrorsDoNotLeak(t *testing.T) {
	s := newFakeStore(articleDoc())
	s.err = errors.New("secret: /var/db/newsgraph.sqlite corrupt")
	var logs bytes.Buffer
	h := testHandler(s, &logs)
	for _, target := range []string{"/api/search?q=x", "/api/documents/abc", "/?q=x", "/documents/abc"} {
		rec := get(t, h, target)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "secret") {
			t.Errorf("%s leaks the error: %s", target, rec.Body)
		}
	}
	if !strings.Contains(logs.String(), "secret") {
		t.Errorf("errors were not logged: %s", logs.String())
	}
}

func TestAPIDocument(t *testing.T) {
	doc := articleDoc()
	h := testHandler(newFakeStore(doc), nil)
	want, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		status int
		body   string
	}{
		{"/api/documents/" + doc.ID, http.StatusOK, string(want)},
		{"/api/documents/0123456789abcdef0123456789abcdef", http.StatusNotFound, `{"error":"not found"}`},
		{"/api/documents/" + strings.Repeat("a", 500), http.StatusNotFound, `{"error":"not found"}`},
		{"/api/documents/", http.StatusNotFound, `{"error":"not found"}`},
		{"/api/nothing", http.StatusNotFound, `{"error":"not found"}`},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			rec := get(t, h, tc.target)
			if rec.Code != tc.status || strings.TrimSpace(rec.Body.String()) != tc.body {
				t.Errorf("got %d %s, want %d %s", rec.Code, rec.Body, tc.status, tc.body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
	var back newsgraph.Document
	if err := json.Unmarshal([]byte(tests[0].body), &back); err != nil || back.ID != doc.ID {
		t.Errorf("record does not round-trip: %v", err)
	}
}

func TestSnippetHTML(t *testing.T) {
	o, c := newsgraph.SnippetOpen, newsgraph.SnippetClose
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"a " + o + "match" + c + " b", "a <mark>match</mark> b"},
		{o + "x" + c + o + "y" + c, "<mark>x</mark><mark>y</mark>"},
		{"<b>" + o + "&" + c + "</b>", "&lt;b&gt;<mark>&amp;</mark>&lt;/b&gt;"},
		{`"quoted" 'single'`, "&#34;quoted&#34; &#39;single&#39;"},
		{c + "stray close", "stray close"},
		{o + "unclosed", "<mark>unclosed</mark>"},
		{o + "nested " + o + "open" + c + c, "<mark>nested open</mark>"},
		{"<mark>fake</mark>", "&lt;mark&gt;fake&lt;/mark&gt;"},
	}
	for _, tc := range tests {
		if got := snippetHTML(tc.in); got != tc.want {
			t.Errorf("snippetHTML(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSearchPage(t *testing.T) {
	h := testHandler(newFakeStore(articleDoc(), yearDoc(), hostileDoc()), nil)
	tests := []struct {
		name    string
		target  string
		status  int
		want    []string
		notWant []string
	}{
		{"intro", "/", http.StatusOK, []string{`<form class="search"`, "Search the news"}, []string{`id="results"`, "No results"}},
		{"results", "/?q=harvest", http.StatusOK, []string{
			`2 results for <strong>harvest</strong>`, `<ol class="results" id="results" start="1">`,
			`<a href="/documents/` + yearDoc().ID + `">Annual report on harvests</a>`,
			`<mark>harvest</mark>`, `(year only · from the crawl header, raw 2022-01-01)`,
			`value="harvest"`,
		}, []string{"Search the news", `class="pagination"`}},
		{"one result", "/?q=bali&lang=en", http.StatusOK, []string{
			"1 result for", `<span class="site-name">en.yna.co.kr</span>`, `<span class="lang">en</span>`,
			`<time datetime="2022-11-15">2022-11-15</time>`, `(day · from the dateline)`,
		}, []string{"1 results"}},
		{"paginated", "/?q=harvest&limit=1&offset=1", http.StatusOK, []string{
			`start="2"`, "showing 2–2", `rel="prev" href="/?limit=1&amp;q=harvest"`,
			`<span aria-current="page">2</span>`,
		}, []string{`rel="next"`}},
		{"empty", "/?q=zebra&site=x.org", http.StatusOK, []string{"No results", "No documents match <strong>zebra</strong> with these filters"}, nil},
		{"beyond last page", "/?q=harvest&offset=100", http.StatusOK, []string{"none on this page"}, nil},
		{"filters only", "/?from=2022&to=2022", http.StatusOK, []string{"2 results", `value="2022"`}, nil},
		{"bad date", "/?q=x&from=2022-99", http.StatusBadRequest, []string{`role="alert"`, "from must be a date", `value="2022-99"`}, []string{"Search the news"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, h, tc.target)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(body, s) {
					t.Errorf("page has %q", s)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", body)
			}
		})
	}
}

func TestDocumentPage(t *testing.T) {
	a, y := articleDoc(), yearDoc()
	h := testHandler(newFakeStore(a, y), nil)
	tests := []struct {
		name   string
		doc    *newsgraph.Document
		golden string
		want   []string
	}{
		{"article", a, "document_article.html", []string{
			"<h1>Leaders meet in Bali ahead of G20 summit</h1>",
			`<a class="url" href="https://en.yna.co.kr/view/AEN20221115" rel="noopener noreferrer nofollow">`,
			"record 3", `<dd class="format">text-record</dd>`, `<dd class="lang">en</dd>`, `<dd class="is-article">yes</dd>`,
			"<p>The summit focused on food security and the war in Ukraine.</p>",
			`<details class="boilerplate" id="boilerplate">`, "Removed boilerplate (2 lines)",
			`<span class="kind kind-share">share</span> <span class="line">Share on Facebook</span>`,
			"(day · from the dateline)",
		}},
		{"year only with conflict", y, "document_year.html", []string{
			`<time datetime="2022">2022</time> <span class="date-detail">(year only · from the crawl header, raw 2022-01-01)</span>`,
			`<strong>Date conflict:</strong> header says 2022-01-01 but the text mentions 2021`,
			`<code class="path">seeds/record.txt</code>`, "no — this page does not look like an article",
			`<span class="unknown">unknown</span>`, "Prices rose &amp; farmers &lt;protested&gt;.",
			"Removed boilerplate (1 line)",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, h, "/documents/"+tc.doc.ID)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			body := rec.Body.String()
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			golden(t, tc.golden, rec.Body.Bytes())
		})
	}

	rec := get(t, h, "/documents/0123456789abcdef0123456789abcdef")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "Document not found") {
		t.Errorf("missing document: %d %s", rec.Code, rec.Body)
	}
}

// TestXSS feeds hostile strings through every field the pages and the API
// show and checks none comes out as live markup.
func TestXSS(t *testing.T) {
	o, c := newsgraph.SnippetOpen, newsgraph.SnippetClose
	doc := hostileDoc()
	s := newFakeStore(doc)
	s.hits = []newsgraph.SearchHit{{
		ID: `x"><script>alert(1)</script>`, Title: `<script>alert("t")</script>`,
		Published: newsgraph.Published{Date: `<b>2022</b>`, Precision: "year", Origin: `<i>x</i>`, Raw: `"><svg onload=alert(1)>`},
		Language:  `<img src=x onerror=alert(1)>`, Site: `<iframe src=//evil>`, URL: "javascript:alert(1)",
		Snippet: o + `<script>alert("s")</script>` + c + ` <img src=x onerror=alert(2)>`,
	}}
	h := testHandler(s, nil)
	bad := []string{"<script>alert", "<img src=x", "<iframe", "<svg", "<i onmouseover", "<i>x", "<b>2022", "<b>bold", `href="javascript:`, `<a href="javascript`, `"><b>`}
	for _, target := range []string{"/?q=harvest", "/documents/" + doc.ID, "/api/search?q=harvest", "/api/documents/" + doc.ID} {
		rec := get(t, h, target)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		body := rec.Body.String()
		for _, b := range bad {
			if strings.Contains(body, b) {
				t.Errorf("%s: output contains %q:\n%s", target, b, body)
			}
		}
	}
	// The hostile URL is shown as text, never linked.
	rec := get(t, h, "/documents/"+doc.ID)
	if strings.Contains(rec.Body.String(), `class="url" href`) {
		t.Errorf("javascript: URL was linked")
	}
	// The hostile ID in a result link stays inside its attribute.
	rec = get(t, h, "/?q=harvest")
	if !strings.Contains(rec.Body.String(), `href="/documents/x%22%3e%3cscript%3ealert%281%29%3c/script%3e"`) {
		t.Errorf("result link not escaped:\n%s", rec.Body)
	}
}

func TestStaticAndHeaders(t *testing.T) {
	h := testHandler(newFakeStore(articleDoc()), nil)
	tests := []struct {
		target, contentType string
		status              int
	}{
		{"/static/style.css", "text/css; charset=utf-8", http.StatusOK},
		{"/static/app.js", "text/javascript; charset=utf-8", http.StatusOK},
		{"/static/missing.css", "text/plain; charset=utf-8", http.StatusNotFound},
		{"/", "text/html; charset=utf-8", http.StatusOK},
		{"/nowhere", "text/html; charset=utf-8", http.StatusNotFound},
		{"/healthz", "application/json; charset=utf-8", http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			rec := get(t, h, tc.target)
			if rec.Code != tc.status || rec.Header().Get("Content-Type") != tc.contentType {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Header().Get("Content-Type"), tc.status, tc.contentType)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") {
				t.Errorf("CSP %q", csp)
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("no nosniff")
			}
		})
	}
	// Pages reference no outside resource.
	for _, target := range []string{"/", "/?q=bali", "/documents/" + articleDoc().ID, "/static/style.css"} {
		body := get(t, h, target).Body.String()
		for _, ext := range []string{"//fonts.", "cdn", "<style", "style=\"", "onclick", "<script>"} {
			if strings.Contains(body, ext) {
				t.Errorf("%s contains %q", target, ext)
			}
		}
	}
}

func TestMethods(t *testing.T) {
	h := testHandler(newFakeStore(), nil)
	for _, target := range []string{"/", "/api/search", "/documents/x"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, target, strings.NewReader("x")))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: %d", target, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD /healthz: %d", rec.Code)
	}
}

func TestPaginate(t *testing.T) {
	q := func(limit, offset int) newsgraph.SearchQuery {
		return newsgraph.SearchQuery{Text: "x", Limit: limit, Offset: offset}
	}
	tests := []struct {
		q          newsgraph.SearchQuery
		total      int
		prev, next string
		pages      []int
		current    int
	}{
		{q(20, 0), 5, "", "", nil, 0},
		{q(20, 0), 45, "", "/?offset=20&q=x", []int{1, 2, 3}, 1},
		{q(20, 20), 45, "/?q=x", "/?offset=40&q=x", []int{1, 2, 3}, 2},
		{q(10, 5), 30, "/?limit=10&q=x", "/?limit=10&offset=15&q=x", []int{1, 2, 3}, 0},
		{q(1, 50), 100, "/?limit=1&offset=49&q=x", "/?limit=1&offset=51&q=x", []int{48, 49, 50, 51, 52, 53, 54}, 51},
	}
	for _, tc := range tests {
		prev, next, pages := paginate(tc.q, tc.total)
		if prev != tc.prev || next != tc.next {
			t.Errorf("%+v total %d: prev %q next %q, want %q %q", tc.q, tc.total, prev, next, tc.prev, tc.next)
		}
		var nums []int
		current := 0
		for _, p := range pages {
			nums = append(nums, p.Number)
			if p.Current {
				current = p.Number
			}
		}
		if !equalInts(nums, tc.pages) || current != tc.current {
			t.Errorf("%+v total %d: pages %v current %d, want %v %d", tc.q, tc.total, nums, current, tc.pages, tc.current)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFormatCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1234567: "1,234,567", -5: "-5"} {
		if got := formatCount(n); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzSnippetHTML(f *testing.F) {
	f.Add("a \x02b\x03 <c>")
	f.Add("\x03\x02\x02&\"'")
	f.Fuzz(func(t *testing.T, s string) {
		out := snippetHTML(s)
		rest := strings.ReplaceAll(strings.ReplaceAll(out, "<mark>", ""), "</mark>", "")
		if strings.ContainsAny(rest, "<>\"'") {
			t.Fatalf("unescaped markup in %q", out)
		}
		if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced marks in %q", out)
		}
	})
}

func FuzzParseSearch(f *testing.F) {
	f.Add("q=x&from=2022&to=2022-12&limit=5&offset=3")
	f.Add("from=2022-02-30&limit=-1")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseSearch(v)
		if err != nil {
			var pe *paramError
			if !errors.As(err, &pe) {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > maxLimit || q.Offset < 0 {
			t.Fatalf("out of range: %+v", q)
		}
		for _, d := range []string{q.From, q.To} {
			if d != "" && !newsgraph.ValidDate(d) {
				t.Fatalf("invalid date accepted: %q", d)
			}
		}
	})
}

// FuzzHandler sends arbitrary paths and queries through the whole handler:
// nothing may panic or answer 500 with a healthy store.
func FuzzHandler(f *testing.F) {
	f.Add("/", "q=harvest&from=2022")
	f.Add("/api/search", "limit=0&offset=x")
	f.Add("/documents/%3Cscript%3E", "")
	f.Add("/api/documents/", "q=\x02")
	f.Add("/api/events", "pair=CHN,KOR&root=04&mentions=1")
	f.Add("/pairs/CHN/KOR", "offset=25")
	f.Add("/pairs", "a=chn&b=kor")
	f.Add("/documents/"+eventDoc().ID, "")
	h := testHandler(newFakeStore(articleDoc(), yearDoc(), hostileDoc(), eventDoc(), heraldDoc()), nil)
	f.Fuzz(func(t *testing.T, path, rawQuery string) {
		u := &url.URL{Path: path, RawQuery: rawQuery}
		if !strings.HasPrefix(path, "/") {
			u.Path = "/" + path
		}
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL = u
		r.RequestURI = u.RequestURI()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code == http.StatusInternalServerError {
			t.Fatalf("%s: 500: %s", u, rec.Body)
		}
	})
}

func benchmarkGet(b *testing.B, target string) {
	h := testHandler(newFakeStore(articleDoc(), yearDoc(), hostileDoc()), nil)
	r := httptest.NewRequest(http.MethodGet, target, nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkAPISearch(b *testing.B)    { benchmarkGet(b, "/api/search?q=harvest") }
func BenchmarkSearchPage(b *testing.B)   { benchmarkGet(b, "/?q=harvest") }
func BenchmarkDocumentPage(b *testing.B) { benchmarkGet(b, "/documents/"+yearDoc().ID) }
func BenchmarkAPIDocument(b *testing.B)  { benchmarkGet(b, "/api/documents/"+yearDoc().ID) }

func TestValidateQuery(t *testing.T) {
	tests := []struct {
		in   newsgraph.SearchQuery
		want newsgraph.SearchQuery
		err  string
	}{
		{newsgraph.SearchQuery{Text: " bali "}, newsgraph.SearchQuery{Text: "bali", Limit: 20}, ""},
		{newsgraph.SearchQuery{From: "2022-02", To: "2022-02-28", Limit: 7, Offset: 3}, newsgraph.SearchQuery{From: "2022-02", To: "2022-02-28", Limit: 7, Offset: 3}, ""},
		{newsgraph.SearchQuery{Limit: -1}, newsgraph.SearchQuery{}, "limit"},
		{newsgraph.SearchQuery{Limit: 1001}, newsgraph.SearchQuery{}, "limit"},
		{newsgraph.SearchQuery{Offset: -5}, newsgraph.SearchQuery{}, "offset"},
		{newsgraph.SearchQuery{From: "2022-02-30"}, newsgraph.SearchQuery{}, "from"},
		{newsgraph.SearchQuery{To: "yesterday"}, newsgraph.SearchQuery{}, "to"},
		{newsgraph.SearchQuery{Site: strings.Repeat("x", 201)}, newsgraph.SearchQuery{}, "site"},
	}
	for _, tc := range tests {
		q := tc.in
		err := ValidateQuery(&q)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ValidateQuery(%+v): %v", tc.in, err)
		case tc.err == "" && q != tc.want:
			t.Errorf("ValidateQuery(%+v) = %+v, want %+v", tc.in, q, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ValidateQuery(%+v) error %v, want one about %q", tc.in, err, tc.err)
		}
	}
}

func TestDateDescription(t *testing.T) {
	tests := []struct {
		in   newsgraph.Published
		want string
	}{
		{newsgraph.Published{}, "unknown"},
		{newsgraph.Published{Date: "2022", Precision: "year", Origin: "header", Raw: "2022-01-01"}, "2022 (year only · from the crawl header, raw 2022-01-01)"},
		{newsgraph.Published{Date: "2022-11-15", Precision: "day", Origin: "dateline", Raw: "2022-11-15", Time: "09:30"}, "2022-11-15 09:30 (day · from the dateline)"},
		{newsgraph.Published{Date: "2021-05", Precision: "month", Origin: "url"}, "2021-05 (month only · from the URL)"},
		{newsgraph.Published{Raw: "someday"}, "unknown (raw someday)"},
		{newsgraph.Published{Date: "2020", Precision: "year", Origin: "text", Conflict: "header says 2019"}, "2020 (year only · from the article text) — conflict: header says 2019"},
		{newsgraph.Published{Date: "2020", Precision: "year", Origin: "mystery"}, "2020 (year only · from mystery)"},
	}
	for _, tc := range tests {
		if got := DateDescription(tc.in); got != tc.want {
			t.Errorf("DateDescription(%+v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSearchJSONNil(t *testing.T) {
	b, err := json.Marshal(SearchJSON(nil, newsgraph.SearchQuery{Limit: 20}))
	if err != nil || string(b) != `{"total":0,"capped":false,"limit":20,"offset":0,"hits":[]}` {
		t.Errorf("got %s %v", b, err)
	}
}
