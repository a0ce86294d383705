package pubdate

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// The corpus tests measure behaviour on real text. They skip when the
// shared datasets are absent, and log their figures (go test -v).

// TestBBCFalsePositives runs Timestamp and Dateline over every line of the
// BBC corpus: body text and titles, no timestamps, no datelines. Any hit is
// a false positive.
func TestBBCFalsePositives(t *testing.T) {
	lines := bbcLines(t, 1<<30)
	ts, dl := 0, 0
	for _, l := range lines {
		if _, ok := Timestamp(l, Date{Year: 2005, Precision: "year"}); ok {
			ts++
			if ts <= 10 {
				t.Logf("timestamp false positive: %q", l)
			}
		}
		if _, n, _ := Dateline(l, Date{}); n > 0 {
			dl++
			if dl <= 10 {
				t.Logf("dateline false positive: %q", l)
			}
		}
	}
	t.Logf("%d lines: %d timestamp lines (%.3f%%), %d datelines (%.3f%%)",
		len(lines), ts, 100*float64(ts)/float64(len(lines)), dl, 100*float64(dl)/float64(len(lines)))
	if float64(ts) > 0.001*float64(len(lines)) || float64(dl) > 0.002*float64(len(lines)) {
		t.Errorf("too many false positives")
	}
}

const htmlDir = "../../shared/data/html"

type goldPage struct {
	url, file, date string
}

// goldPages reads the htmldate and trafilatura evaluation sets: URL, cached
// page file (when stored) and gold publication date.
func goldPages(t *testing.T) []goldPage {
	t.Helper()
	var out []goldPage
	for _, set := range []struct{ json, dir string }{
		{"htmldate/eval_default.json", "htmldate/pages"},
		{"trafilatura/evaldata.json", "trafilatura/cache"},
	} {
		b, err := os.ReadFile(filepath.Join(htmlDir, set.json))
		if err != nil {
			t.Skipf("evaluation data not available under %s: %v", htmlDir, err)
		}
		var m map[string]struct {
			File string `json:"file"`
			Date string `json:"date"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("parse %s: %v", set.json, err)
		}
		for u, v := range m {
			if v.Date == "" {
				continue
			}
			f := filepath.Join(htmlDir, set.dir, v.File)
			if _, err := os.Stat(f); err != nil {
				f = ""
			}
			out = append(out, goldPage{u, f, v.Date})
		}
	}
	return out
}

// agrees reports whether d agrees with a gold "YYYY-MM-DD" at d's precision.
func agrees(d Date, gold string) bool { return strings.HasPrefix(gold, d.String()) }

// TestURLEval measures FromURL on the URLs of the evaluation sets.
func TestURLEval(t *testing.T) {
	pages := goldPages(t)
	found, right := 0, 0
	for _, p := range pages {
		d, ok := FromURL(p.url)
		if !ok {
			continue
		}
		found++
		if agrees(d, p.date) {
			right++
		} else {
			t.Logf("URL disagrees: %s → %s, gold %s", p.url, d, p.date)
		}
	}
	t.Logf("%d URLs with gold dates: date found in %d (%.1f%%), agreeing %d (%.1f%% precision)",
		len(pages), found, 100*float64(found)/float64(len(pages)), right, 100*float64(right)/float64(max(found, 1)))
	if found > 0 && float64(right) < 0.9*float64(found) {
		t.Errorf("URL precision below 90%%")
	}
}

// pageLines extracts the text lines of an HTML page (script and style
// skipped), one per text node.
func pageLines(b []byte) []string {
	z := html.NewTokenizer(strings.NewReader(string(b)))
	var out []string
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			n, _ := z.TagName()
			if s := string(n); s == "script" || s == "style" || s == "noscript" {
				skip++
			}
		case html.EndTagToken:
			n, _ := z.TagName()
			if s := string(n); (s == "script" || s == "style" || s == "noscript") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			for _, l := range strings.Split(string(z.Text()), "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					out = append(out, l)
				}
			}
		}
	}
}

// TestPageTimestampEval runs Timestamp over the text of the cached pages and
// compares the first day-precision timestamp date with the gold date.
func TestPageTimestampEval(t *testing.T) {
	pages := goldPages(t)
	n, found, right := 0, 0, 0
	seen := map[string]bool{}
	var golden []string
	for _, p := range pages {
		if p.file == "" || seen[p.file] {
			continue
		}
		seen[p.file] = true
		b, err := os.ReadFile(p.file)
		if err != nil {
			t.Fatalf("read %s: %v", p.file, err)
		}
		n++
		ref := Date{}
		got := "-"
		for _, l := range pageLines(b) {
			d, ok := Timestamp(l, ref)
			if !ok || d.Precision != "day" {
				continue
			}
			got = d.String()
			found++
			if agrees(d, p.date) {
				right++
			} else {
				t.Logf("page %s: %q → %s, gold %s", filepath.Base(p.file), l, d, p.date)
			}
			break
		}
		golden = append(golden, fmt.Sprintf("%s\t%s\t%s", filepath.Base(p.file), p.date, got))
	}
	checkGolden(t, "pages.golden", golden)
	t.Logf("%d cached pages: timestamp line with a full date in %d (%.1f%%), agreeing with gold %d (%.1f%% precision)",
		n, found, 100*float64(found)/float64(max(n, 1)), right, 100*float64(right)/float64(max(found, 1)))
}

// TestSeedRecord checks the project's seed crawl record: its header date is
// the YYYY-01-01 placeholder (year precision) and none of its lines is a
// timestamp or opens with a dateline.
func TestSeedRecord(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("seed record not available under ../../shared/seeds")
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	f := strings.Fields(lines[0])
	if len(f) < 2 || f[0] != "date" {
		t.Fatalf("seed header %q", lines[0])
	}
	ref, ok := ParseHeader(f[1])
	if !ok || ref.String() != "2022" || ref.Precision != "year" {
		t.Errorf("ParseHeader(%q) = %v %q %v, want 2022 year", f[1], ref, ref.Precision, ok)
	}
	for _, l := range lines[1:] {
		if d, ok := Timestamp(l, ref); ok || !d.IsZero() {
			t.Errorf("Timestamp(%q) = %v %v", l, d, ok)
		}
		if _, n, _ := Dateline(l, ref); n != 0 {
			t.Errorf("Dateline(%q) = prefix %d", l, n)
		}
		if fs := InText(l); len(fs) != 0 {
			t.Errorf("InText(%q) = %v", l, fs)
		}
	}
}

// checkGolden compares lines (sorted) with testdata/name, or rewrites it
// with -update.
func checkGolden(t *testing.T, name string, lines []string) {
	t.Helper()
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s line %d: got %q, want %q", name, i+1, g, w)
				break
			}
		}
	}
}
