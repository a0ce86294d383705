package htmlpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"github.com/newsgraph/newsgraph"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		hints   newsgraph.Hints
		check   func(t *testing.T, d *newsgraph.Document)
		article bool
	}{
		{
			name: "headings become paragraphs", file: "headings.html", article: true,
			check: func(t *testing.T, d *newsgraph.Document) {
				wantParas(t, d, "River towns brace for spring floods", "Emergency shelters open", "Farmers count the cost")
				wantOrder(t, d, "Residents of the lower valley", "Emergency shelters open", "Three schools", "Farmers count the cost", "The agriculture ministry")
				eq(t, "title", d.TitleText(), "River towns brace for spring floods")
				eq(t, "language", d.LanguageCode(), "en")
				eq(t, "author", d.Author, "Maria Jensen")
				eq(t, "site", d.Source.Site, "Valley Courier")
				eq(t, "date", d.Published.Date, "2021-03-04")
				eq(t, "precision", string(d.Published.Precision), "day")
				eq(t, "origin", d.Published.Origin, newsgraph.OriginHTMLMeta)
				eq(t, "time", d.Published.Time, "10:20")
				notIn(t, d, "Copyright 2021", "Home")
			},
		},
		{
			name: "lists: one paragraph per item", file: "lists.html", article: true,
			check: func(t *testing.T, d *newsgraph.Document) {
				wantParas(t, d,
					"Baisser le chauffage d'un degré permet d'économiser environ sept pour cent de la consommation.",
					"Fermer les volets la nuit limite les pertes de chaleur par les fenêtres.",
					"Éteindre les appareils en veille.",
					"Laver le linge à trente degrés.")
				eq(t, "language (og:locale)", d.LanguageCode(), "fr")
			},
		},
		{
			name: "nested divs: text once, in order", file: "nested.html", article: true,
			check: func(t *testing.T, d *newsgraph.Document) {
				eq(t, "language (content-language)", d.LanguageCode(), "de")
				once(t, d, "Die Arbeiten sollen im Herbst beginnen", "Vertreter des Einzelhandels", "sagte die Bürgermeisterin")
				wantOrder(t, d, "Vertreter des Einzelhandels", "„Das ist ein guter Tag", "Die Opposition kritisierte", "Eine entsprechende Erweiterung")
				for _, p := range d.Paragraphs {
					if strings.Contains(p, "wohnen.") && strings.Contains(p, "Eine entsprechende") {
						t.Errorf("<br> did not split the paragraph: %q", p)
					}
				}
			},
		},
		{
			name: "comments reported as boilerplate", file: "comments.html", article: true,
			check: func(t *testing.T, d *newsgraph.Document) {
				wantBoilerplate(t, d, newsgraph.KindComment, "Great news, I could never make it before six.")
				notIn(t, d, "Great news", "Saturday afternoons")
			},
		},
		{
			name: "link list is not an article", file: "listing.html", article: false,
			check: func(t *testing.T, d *newsgraph.Document) {
				wantBoilerplate(t, d, newsgraph.KindTitle, "Latest news")
			},
		},
		{
			name: "URL date only", file: "comments.html", article: true,
			hints: newsgraph.Hints{URL: "https://news.example.org/2020/05/17/library-hours"},
			check: func(t *testing.T, d *newsgraph.Document) {
				eq(t, "date", d.Published.Date, "2020-05-17")
				eq(t, "origin", d.Published.Origin, newsgraph.OriginURL)
				eq(t, "url", d.Source.URL, "https://news.example.org/2020/05/17/library-hours")
				eq(t, "site (URL host)", d.Source.Site, "news.example.org")
			},
		},
		{
			name: "metadata date wins over URL date", file: "headings.html", article: true,
			hints: newsgraph.Hints{URL: "https://news.example.org/2019/01/02/floods"},
			check: func(t *testing.T, d *newsgraph.Document) {
				eq(t, "date", d.Published.Date, "2021-03-04")
				eq(t, "origin", d.Published.Origin, newsgraph.OriginHTMLMeta)
			},
		},
		{
			name: "hints win", file: "headings.html", article: true,
			hints: newsgraph.Hints{Title: "Floods", Date: "2021-03-05", Site: "Courier", Language: "en-GB"},
			check: func(t *testing.T, d *newsgraph.Document) {
				eq(t, "title", d.TitleText(), "Floods")
				eq(t, "site", d.Source.Site, "Courier")
				eq(t, "language", d.LanguageCode(), "en")
				eq(t, "date", d.Published.Date, "2021-03-05")
				eq(t, "origin", d.Published.Origin, newsgraph.OriginInput)
				eq(t, "raw", d.Published.Raw, "2021-03-05")
				if d.Published.Conflict == "" {
					t.Error("no conflict recorded between input date and page date")
				}
			},
		},
		{
			name: "unparsable hint date kept as raw", file: "headings.html", article: true,
			hints: newsgraph.Hints{Date: "last Tuesday"},
			check: func(t *testing.T, d *newsgraph.Document) {
				eq(t, "date", d.Published.Date, "2021-03-04")
				eq(t, "raw", d.Published.Raw, "last Tuesday")
				eq(t, "origin", d.Published.Origin, newsgraph.OriginHTMLMeta)
			},
		},
	}
	e := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &newsgraph.Input{Path: tt.file, Format: newsgraph.FormatHTML, Data: readTestdata(t, tt.file), Hints: tt.hints}
			d, err := e.Extract(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "format", string(d.Source.Format), string(newsgraph.FormatHTML))
			eq(t, "path", d.Source.Path, tt.file)
			if d.IsArticle != tt.article {
				t.Errorf("IsArticle = %v, want %v", d.IsArticle, tt.article)
			}
			if d.ID == "" || d.Extractor == "" || d.Entities == nil || d.Boilerplate == nil {
				t.Errorf("document not normalized: %+v", d)
			}
			for i, p := range d.Paragraphs {
				if p == "" || p != collapse(p) {
					t.Errorf("paragraph %d not collapsed: %q", i, p)
				}
			}
			tt.check(t, d)
		})
	}
}

func TestExtractHTMLHint(t *testing.T) {
	in := &newsgraph.Input{Path: "lines.jsonl", Record: 3, Format: newsgraph.FormatJSONL,
		Hints: newsgraph.Hints{HTML: string(readTestdata(t, "headings.html"))}}
	d, err := New().Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "title", d.TitleText(), "River towns brace for spring floods")
	if d.Source.Record != 3 {
		t.Errorf("record = %d, want 3", d.Source.Record)
	}
}

func TestExtractErrors(t *testing.T) {
	garbage := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		in   *newsgraph.Input
		opts []Option
		want string
	}{
		{name: "nil input", in: nil, want: "nil input"},
		{name: "empty", in: &newsgraph.Input{Path: "e.html"}, want: "empty input e.html"},
		{name: "blank", in: &newsgraph.Input{Path: "b.html", Data: []byte(" \n\t ")}, want: "empty input"},
		{name: "plain text", in: &newsgraph.Input{Path: "t.html", Data: []byte("Just some words, no markup at all.")}, want: "not HTML"},
		{name: "garbage bytes", in: &newsgraph.Input{Path: "g.html", Data: garbage}, want: "not HTML"},
		{name: "no body text", in: &newsgraph.Input{Path: "nobody.html", Data: readTestdata(t, "nobody.html")}, want: "no main text found in nobody.html"},
		{name: "markup only", in: &newsgraph.Input{Path: "m.html", Data: []byte("<html><body><script>var x = 1;</script><img src=x></body></html>")}, want: "no main text"},
		{name: "too large", in: &newsgraph.Input{Path: "l.html", Data: readTestdata(t, "headings.html")}, opts: []Option{WithMaxBytes(100)}, want: "too large"},
		{name: "cancelled", ctx: cancelled, in: &newsgraph.Input{Path: "c.html", Data: readTestdata(t, "headings.html")}, want: "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			d, err := New(tt.opts...).Extract(ctx, tt.in)
			if err == nil {
				t.Fatalf("no error; got document %+v", d)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "htmlpage: ") {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if tt.ctx != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("error %v does not wrap context.Canceled", err)
			}
		})
	}
}

func TestExtractHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("huge page skipped in -short mode")
	}
	var b bytes.Buffer
	b.WriteString("<html><head><title>Huge</title></head><body><article>")
	for i := range 4000 {
		fmt.Fprintf(&b, "<p>Paragraph %d of a very long page: the council met again today to discuss the budget, and nothing was decided.</p>\n", i)
	}
	// A deeply nested tail as well.
	for range 500 {
		b.WriteString("<div>")
	}
	b.WriteString("deep text")
	for range 500 {
		b.WriteString("</div>")
	}
	b.WriteString("</article></body></html>")
	d, err := New().Extract(context.Background(), &newsgraph.Input{Path: "huge.html", Data: b.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) < 1000 {
		t.Errorf("got %d paragraphs from a %d-byte page", len(d.Paragraphs), b.Len())
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"inline spacing kept", "<p>Hello <b>world</b>! and<i>more</i>.</p>", []string{"Hello world! andmore."}},
		{"whitespace collapsed", "<p>  a \n\t b\u00a0 c  </p>", []string{"a b c"}},
		{"headings", "<h1>Title</h1><p>Body.</p><h3>Sub</h3>", []string{"Title", "Body.", "Sub"}},
		{"nested blocks not duplicated", "<div>intro<p>inner</p>tail</div>", []string{"intro", "inner", "tail"}},
		{"nested lists", "<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul>", []string{"one", "one.a", "two"}},
		{"table rows", "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>", []string{"Name Age", "Ann 31"}},
		{"br splits", "<p>line one<br>line two<br><br>line three</p>", []string{"line one", "line two", "line three"}},
		{"blockquote and pre", "<blockquote>quoted</blockquote><pre>code  here</pre>", []string{"quoted", "code here"}},
		{"scripts skipped", "<p>text<script>var a;</script></p><style>p{}</style>", []string{"text"}},
		{"empty", "<div> </div>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := parse([]byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range paragraphs(dom.QuerySelector(root, "body")) {
				got = append(got, p.text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNormalizeLang(t *testing.T) {
	tests := map[string]string{
		"en": "en", "en-US": "en", "de_DE": "de", "FR": "fr", " pt-br ": "pt",
		"fr, en": "fr", "": "", "eng": "", "x": "", "12": "", "zh-Hant-TW": "zh",
	}
	for in, want := range tests {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeclaredLanguage(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<html lang="en-GB"><body>x</body></html>`, "en"},
		{`<html xml:lang="nl"><body>x</body></html>`, "nl"},
		{`<html><head><meta property="og:locale" content="it_IT"></head></html>`, "it"},
		{`<html><head><meta http-equiv="Content-Language" content="es"></head></html>`, "es"},
		{`<html><head><meta name="language" content="sv"></head></html>`, "sv"},
		{`<html lang="en"><head><meta property="og:locale" content="de_DE"></head></html>`, "en"},
		{`<html><body>no declaration</body></html>`, ""},
	}
	for _, tt := range tests {
		root, err := parse([]byte(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := declaredLanguage(root); got != tt.want {
			t.Errorf("declaredLanguage(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

func TestPageDate(t *testing.T) {
	tests := []struct {
		src  string
		date string
		prec newsgraph.Precision
	}{
		{"2021-03-04T10:20:00+01:00", "2021-03-04", newsgraph.PrecisionDay},
		{"24. August 2019 um 03:36 Uhr", "2021-03-04", newsgraph.PrecisionDay},
		{"01/01/2004", "2021-03-04", newsgraph.PrecisionDay},
		{"20210304", "2021-03-04", newsgraph.PrecisionDay},
		{"Comunicato Stampa n. 03/2020", "2021-03", newsgraph.PrecisionMonth},
		{"Dezember 2016", "2021-03", newsgraph.PrecisionMonth},
		{"/2018/08/irland-roadtrip.html\" rel=\"canonical\"/> <link rel=\"alternate\"", "2021-03", newsgraph.PrecisionMonth},
		{"2021", "2021", newsgraph.PrecisionYear},
		{"", "2021-03-04", newsgraph.PrecisionDay},
	}
	for _, tt := range tests {
		r := htmldate.Result{DateTime: mustDate(t, "2021-03-04"), SrcString: tt.src}
		d, p := pageDate(r)
		if d != tt.date || p != tt.prec {
			t.Errorf("pageDate(%q) = %s %s, want %s %s", tt.src, d, p, tt.date, tt.prec)
		}
	}
}

func TestParseHintDate(t *testing.T) {
	tests := []struct {
		in, date string
		prec     newsgraph.Precision
		tm       string
		ok       bool
	}{
		{"2020-05-17", "2020-05-17", newsgraph.PrecisionDay, "", true},
		{"2020-05-17T08:30:00Z", "2020-05-17", newsgraph.PrecisionDay, "08:30", true},
		{"2020-05", "2020-05", newsgraph.PrecisionMonth, "", true},
		{"2020", "2020", newsgraph.PrecisionYear, "", true},
		{"Sun, 17 May 2020 08:30:00 +0000", "2020-05-17", newsgraph.PrecisionDay, "08:30", true},
		{"2020-13-01", "", "", "", false},
		{"yesterday", "", "", "", false},
	}
	for _, tt := range tests {
		d, p, tm, ok := parseHintDate(tt.in)
		if d != tt.date || p != tt.prec || tm != tt.tm || ok != tt.ok {
			t.Errorf("parseHintDate(%q) = %q %q %q %v, want %q %q %q %v", tt.in, d, p, tm, ok, tt.date, tt.prec, tt.tm, tt.ok)
		}
	}
}

func TestIsArticle(t *testing.T) {
	long := strings.Repeat("This is a sentence of running text in the article body. ", 3)
	item := para{text: "A short link title", kind: kindItem}
	longItem := para{text: long, kind: kindItem}
	text := para{text: long, kind: kindText}
	tests := []struct {
		name  string
		paras []para
		typ   string
		want  bool
	}{
		{"running text", []para{text, text, text, text}, "", true},
		{"too short", []para{text}, "", false},
		{"single long paragraph", []para{{text: strings.Repeat(long, 7)}}, "", true},
		{"link list", repeat(item, 60), "", false},
		{"list of long items, untyped", append(repeat(longItem, 4), text), "", false},
		{"list of long items, typed article", append(repeat(longItem, 4), text), "NewsArticle", true},
		{"listing type", []para{text, text, text, text}, "CollectionPage", false},
		{"table page", repeat(para{text: long, kind: kindRow}, 6), "", false},
	}
	for _, tt := range tests {
		if got := isArticle(tt.paras, tt.typ); got != tt.want {
			t.Errorf("%s: isArticle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func repeat(p para, n int) []para {
	out := make([]para, n)
	for i := range out {
		out[i] = p
	}
	return out
}

func eq(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func wantParas(t *testing.T, d *newsgraph.Document, want ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, p := range d.Paragraphs {
		have[p] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("no paragraph %q in %q", w, d.Paragraphs)
		}
	}
}

// wantOrder checks that paragraphs starting with the prefixes appear in order.
func wantOrder(t *testing.T, d *newsgraph.Document, prefixes ...string) {
	t.Helper()
	i := 0
	for _, p := range d.Paragraphs {
		if i < len(prefixes) && strings.HasPrefix(p, prefixes[i]) {
			i++
		}
	}
	if i < len(prefixes) {
		t.Errorf("paragraph starting %q missing or out of order in %q", prefixes[i], d.Paragraphs)
	}
}

// once checks that each snippet occurs exactly once in the body.
func once(t *testing.T, d *newsgraph.Document, snippets ...string) {
	t.Helper()
	body := d.Body()
	for _, s := range snippets {
		if n := strings.Count(body, s); n != 1 {
			t.Errorf("%q occurs %d times in the body", s, n)
		}
	}
}

func notIn(t *testing.T, d *newsgraph.Document, snippets ...string) {
	t.Helper()
	for _, s := range snippets {
		if strings.Contains(d.Body(), s) {
			t.Errorf("body contains %q", s)
		}
	}
}

func wantBoilerplate(t *testing.T, d *newsgraph.Document, kind, text string) {
	t.Helper()
	for _, b := range d.Boilerplate {
		if b.Kind == kind && b.Text == text {
			return
		}
	}
	t.Errorf("no %s boilerplate %q in %+v", kind, text, d.Boilerplate)
}

func mustDate(t *testing.T, s string) (tm time.Time) {
	t.Helper()
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestPublishedOrigin(t *testing.T) {
	d := mustDate(t, "2020-05-17")
	tests := []struct {
		src, url, origin string
	}{
		{"https://x.org/2020/05/17/a", "https://x.org/2020/05/17/a", newsgraph.OriginURL},
		{"https://x.org/2020/05/17/a", "", newsgraph.OriginURL}, // canonical URL found by htmldate
		{"2020-05-17T10:00:00Z", "https://x.org/2020/05/17/a", newsgraph.OriginHTMLMeta},
	}
	for _, tt := range tests {
		p := published(htmldate.Result{DateTime: d, SrcString: tt.src}, tt.url, "")
		if p.Origin != tt.origin || p.Date != "2020-05-17" {
			t.Errorf("published(%q, %q) = %+v, want origin %s", tt.src, tt.url, p, tt.origin)
		}
	}
}
