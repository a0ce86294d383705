package lang

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// bbcDir is the BBC corpus, seen from this package directory.
const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// sample is one labelled text.
type sample struct {
	lang, kind, text string
}

// loadMultilingual reads the hand-written test set under testdata.
func loadMultilingual(t testing.TB) []sample {
	t.Helper()
	files, err := filepath.Glob("testdata/multilingual_*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test set: %v", err)
	}
	var out []sample
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts := strings.SplitN(line, "\t", 3)
			if len(parts) != 3 {
				t.Fatalf("%s: bad line %q", f, line)
			}
			out = append(out, sample{parts[0], parts[1], parts[2]})
		}
		_ = fh.Close()
	}
	// Each language's paragraphs, joined, make an article.
	paras := map[string][]string{}
	for _, s := range out {
		if s.kind == "paragraph" {
			paras[s.lang] = append(paras[s.lang], s.text)
		}
	}
	for l, p := range paras {
		out = append(out, sample{l, "article", strings.Join(p, "\n")})
	}
	return out
}

// loadBBC reads BBC articles as titles (first line), first sentences of
// the body, and whole texts.
func loadBBC(t testing.TB, limit int) []sample {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skipf("BBC corpus not found at %s", bbcDir)
	}
	sort.Strings(files)
	if limit > 0 && len(files) > limit {
		step := len(files) / limit
		var picked []string
		for i := 0; i < len(files); i += step {
			picked = append(picked, files[i])
		}
		files = picked
	}
	var out []sample
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToValidUTF8(string(b), "")
		lines := strings.Split(strings.TrimSpace(text), "\n")
		out = append(out, sample{"en", "bbc-title", strings.TrimSpace(lines[0])})
		body := strings.TrimSpace(strings.Join(lines[1:], "\n"))
		first := body
		if i := strings.Index(body, ". "); i > 0 {
			first = body[:i+1]
		}
		out = append(out, sample{"en", "bbc-sentence", first}, sample{"en", "bbc-article", text})
	}
	return out
}

// bucket names a length bucket as in the report.
func bucket(s sample) string {
	n := utf8.RuneCountInString(s.text)
	switch {
	case s.kind != "":
		return s.kind
	case n < 60:
		return "headline<60"
	case n < 1000:
		return "paragraph"
	}
	return "article"
}

type tally struct{ n, right, unknown, wrong int }

func (t tally) String() string {
	if t.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%5.1f%% right %5.1f%% unknown %5.1f%% wrong (n=%d)",
		100*float64(t.right)/float64(t.n), 100*float64(t.unknown)/float64(t.n),
		100*float64(t.wrong)/float64(t.n), t.n)
}

func evaluate(samples []sample, detect func(string) string) (map[string]*tally, map[string]*tally, []string) {
	byBucket, byLang := map[string]*tally{}, map[string]*tally{}
	var errs []string
	for _, s := range samples {
		got := detect(s.text)
		for i, m := range []map[string]*tally{byBucket, byLang} {
			k := bucket(s)
			if i == 1 {
				k = s.lang + " " + bucket(s)
			}
			if m[k] == nil {
				m[k] = &tally{}
			}
			m[k].n++
			switch got {
			case s.lang:
				m[k].right++
			case "":
				m[k].unknown++
			default:
				m[k].wrong++
			}
		}
		if got != s.lang && got != "" {
			errs = append(errs, fmt.Sprintf("%s %s -> %s: %.60q", s.lang, s.kind, got, s.text))
		}
	}
	return byBucket, byLang, errs
}

func logTallies(t *testing.T, title string, m map[string]*tally) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("%s:", title)
	for _, k := range keys {
		t.Logf("  %-22s %s", k, m[k])
	}
}

func detectCode(s string) string { c, _ := Detect(s); return c }

// whatlangRaw is the baseline: whatlanggo alone, with no whitelist.
func whatlangRaw(s string) string {
	l := whatlanggo.DetectLang(s)
	if l < 0 {
		return ""
	}
	return l.Iso6391()
}

// TestAccuracyMultilingual measures Detect on the hand-written test set and
// fails when too many answers are wrong. Run with -v to see the table.
func TestAccuracyMultilingual(t *testing.T) {
	samples := loadMultilingual(t)
	for _, c := range []struct {
		name   string
		detect func(string) string
	}{{"Detect", detectCode}, {"whatlanggo alone", whatlangRaw}} {
		byBucket, byLang, errs := evaluate(samples, c.detect)
		logTallies(t, c.name+" by length", byBucket)
		if c.name != "Detect" {
			continue
		}
		if testing.Verbose() {
			logTallies(t, c.name+" by language", byLang)
			for _, e := range errs {
				t.Logf("  wrong: %s", e)
			}
		}
		for k, v := range byBucket {
			if float64(v.wrong) > 0.03*float64(v.n) {
				t.Errorf("%s: %s: too many wrong answers", c.name, k)
			}
			minRight := 0.95
			if k == "headline" {
				minRight = 0.6 // the rest must be "unknown", not wrong
			}
			if float64(v.right) < minRight*float64(v.n) {
				t.Errorf("%s: %s: too few right answers", c.name, k)
			}
		}
	}
}

// TestAccuracyBBC measures Detect on BBC titles, first sentences and whole
// articles (English).
func TestAccuracyBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	samples := loadBBC(t, 0)
	for _, c := range []struct {
		name   string
		detect func(string) string
	}{{"Detect", detectCode}, {"whatlanggo alone", whatlangRaw}} {
		byBucket, _, errs := evaluate(samples, c.detect)
		logTallies(t, c.name+" on BBC", byBucket)
		if c.name != "Detect" {
			continue
		}
		if testing.Verbose() {
			for i, e := range errs {
				if i < 20 {
					t.Logf("  wrong: %s", e)
				}
			}
		}
		for k, v := range byBucket {
			if float64(v.wrong) > 0.01*float64(v.n) {
				t.Errorf("%s: %s: too many wrong answers", c.name, k)
			}
		}
		if v := byBucket["bbc-article"]; v.right != v.n {
			t.Errorf("articles: %s", v)
		}
	}
}
