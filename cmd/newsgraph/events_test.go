package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/sqlite"
)

// TestEventsCommand stores coded events directly (two outlets reporting
// one meeting, a strike elsewhere, a denied meeting) and lists them with
// every filter.
func TestEventsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "events.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	type event struct {
		src, tgt, cameo, date, sentence string
		negated                         bool
	}
	entities := map[string]newsgraph.Entity{
		"CHNGOV": {ID: "e1", Name: "Xi Jinping", Type: "PER"},
		"KORGOV": {ID: "e2", Name: "Yoon Suk-yeol", Type: "PER"},
		"RUSMIL": {ID: "e3", Name: "Russian forces", Type: "ORG"},
		"UKR":    {ID: "e4", Name: "Ukraine", Type: "GPE"},
	}
	docs := []struct {
		site, date string
		events     []event
	}{
		{"one.example", "2022-11-15", []event{{"CHNGOV", "KORGOV", "042", "2022-11-15", "Xi met Yoon in Bali on Tuesday.", false}}},
		{"two.example", "2022-11-16", []event{{"CHNGOV", "KORGOV", "040", "2022-11-15", "Xi and Yoon held talks on Tuesday.", false}}},
		{"two.example", "2023-02-24", []event{
			{"RUSMIL", "UKR", "190", "2023-02-24", "Russian forces shelled Ukraine's east on Friday.", false},
			{"CHNGOV", "KORGOV", "040", "2023-02-23", "Xi did not meet Yoon on Thursday.", true},
		}},
	}
	var items []newsgraph.Item
	for i, d := range docs {
		doc := &newsgraph.Document{IsArticle: true, Title: newsgraph.StringPtr(fmt.Sprintf("Report %d", i)),
			Source:    newsgraph.Source{Site: d.site, URL: fmt.Sprintf("https://%s/%d", d.site, i)},
			Published: newsgraph.Published{Date: d.date, Precision: newsgraph.PrecisionDay}}
		for _, e := range d.events {
			doc.Paragraphs = append(doc.Paragraphs, e.sentence)
			src, tgt := entities[e.src], entities[e.tgt]
			doc.Entities = append(doc.Entities, src, tgt)
			day := e.date
			doc.Events = append(doc.Events, newsgraph.Event{
				Source: newsgraph.EventActor{Entity: &src.ID, Code: e.src, Country: e.src[:3]},
				Target: &newsgraph.EventActor{Entity: &tgt.ID, Code: e.tgt, Country: e.tgt[:3]},
				Cameo:  e.cameo, Root: e.cameo[:2], QuadClass: 1, Goldstein: 1, Plover: "CONSULT", Date: &day,
				Evidence: newsgraph.Evidence{Paragraph: len(doc.Paragraphs) - 1, End: len([]rune(e.sentence)), Text: e.sentence},
				Negated:  e.negated, Confidence: 0.7})
		}
		doc.Normalize()
		items = append(items, newsgraph.Item{Input: &newsgraph.Input{Path: fmt.Sprintf("d%d.txt", i), Data: []byte(doc.Body())}, Doc: doc})
	}
	if _, err := st.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	st.Close()

	meeting := "2022-11-15  CHNGOV (Xi Jinping) → KORGOV (Yoon Suk-yeol)  042 (CONSULT)  +1.0  2/2/2 mentions/sources/articles  —  “Xi met Yoon in Bali on Tuesday.”"
	strike := "2023-02-24  RUSMIL (Russian forces) → UKR (Ukraine)  190 (CONSULT)  +1.0  1/1/1 mentions/sources/articles  —  “Russian forces shelled Ukraine's east on Friday.”"
	for _, tt := range []struct {
		name string
		args []string
		want []string // lines
	}{
		{"all", nil, []string{strike, meeting}},
		{"actor", []string{"--actor", "kor"}, []string{meeting}},
		{"source", []string{"--source", "RUS"}, []string{strike}},
		{"target", []string{"--target", "UKR"}, []string{strike}},
		{"source is not target", []string{"--target", "CHN"}, []string{"no events"}},
		{"pair", []string{"--pair", "KOR,CHN"}, []string{meeting}},
		{"root", []string{"--root", "19"}, []string{strike}},
		{"name", []string{"--name", "yoon suk-yeol"}, []string{meeting}},
		{"from", []string{"--from", "2023"}, []string{strike}},
		{"to", []string{"--to", "2022-11"}, []string{meeting}},
		{"limit", []string{"--limit", "1"}, []string{strike}},
		{"offset", []string{"--offset", "1"}, []string{meeting}},
		{"nothing", []string{"--actor", "USA"}, []string{"no events"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := cli(t, "", append([]string{"events", "--db", db}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if got := strings.Split(strings.TrimSpace(out), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("events %v:\n%s\nwant\n%s", tt.args, out, strings.Join(tt.want, "\n"))
			}
		})
	}

	code, out, errs := cli(t, "", "events", "--db", db, "--pair", "CHN,KOR", "--json")
	if code != 0 {
		t.Fatalf("events --json: exit %d: %s", code, errs)
	}
	var ev newsgraph.CorpusEvent
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &ev); err != nil {
		t.Fatalf("events --json: %v\n%s", err, out)
	}
	if ev.NumMentions != 2 || len(ev.Mentions) != 2 || ev.Mentions[1].Site != "two.example" || ev.SourceURL != "https://one.example/0" {
		t.Errorf("events --json: %+v", ev)
	}

	// Exports: the GDELT layouts' column counts, the filters, Parquet's
	// magic number at both ends of the file.
	for _, tt := range []struct {
		format string
		args   []string
		lines  int
		cols   int
	}{
		{"gdelt-events", nil, 2, 61},
		{"gdelt-events", []string{"--root", "19"}, 1, 61},
		{"gdelt-mentions", nil, 3, 16},
		{"events-csv", nil, 3, 0},
		{"events-jsonl", []string{"--actor", "KOR"}, 1, 0},
	} {
		code, out, errs := cli(t, "", append([]string{"export", "--db", db, "--format", tt.format}, tt.args...)...)
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", tt.format, code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != tt.lines {
			t.Errorf("export %s %v: %d lines, want %d:\n%s", tt.format, tt.args, len(lines), tt.lines, out)
		}
		for _, l := range lines {
			if n := len(strings.Split(l, "\t")); tt.cols > 0 && n != tt.cols {
				t.Errorf("export %s: %d columns, want %d: %q", tt.format, n, tt.cols, l)
			}
		}
	}
	pq := filepath.Join(t.TempDir(), "events.parquet")
	if code, _, errs := cli(t, "", "export", "--db", db, "--format", "parquet", "--out", pq); code != 0 {
		t.Fatalf("export parquet: exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(pq); err != nil || len(b) < 8 || string(b[:4]) != "PAR1" || string(b[len(b)-4:]) != "PAR1" {
		t.Errorf("export parquet: not a Parquet file (%v)", err)
	}
	if code, _, _ := cli(t, "", "export", "--db", db, "--format", "gdelt"); code == 0 {
		t.Error("export --format gdelt was accepted")
	}

	for _, args := range [][]string{
		{"--pair", "CHN"},
		{"--pair", "CHN,KOR,JPN"},
		{"--root", "190"},
		{"--from", "2022-13"},
		{"--limit", "0"},
	} {
		if code, _, _ := cli(t, "", append([]string{"events", "--db", db}, args...)...); code == 0 {
			t.Errorf("events %v was accepted", args)
		}
	}
}

// TestEventAcrossOutlets ingests one meeting of two leaders as four outlets
// reported it on two days, in their own words (one of them dates it by its
// publication day, without a place), with two other meetings: one event
// with four mentions, sources and articles, and two separate events. A
// second ingest stores nothing and reprocess keeps every event as it was.
func TestEventAcrossOutlets(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leaders.db")
	if code, out, errs := cli(t, "", "ingest", "--db", db, "testdata/events"); code != 0 || !strings.Contains(out, "new 6") {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	list := func() ([]newsgraph.CorpusEvent, string) {
		t.Helper()
		code, out, errs := cli(t, "", "events", "--db", db, "--json")
		if code != 0 {
			t.Fatalf("events: exit %d: %s", code, errs)
		}
		var evs []newsgraph.CorpusEvent
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var ev newsgraph.CorpusEvent
			if err := json.Unmarshal([]byte(l), &ev); err != nil {
				t.Fatalf("events: %v\n%s", err, l)
			}
			evs = append(evs, ev)
		}
		return evs, out
	}
	evs, before := list()
	var bali []newsgraph.CorpusEvent
	others := 0
	for _, ev := range evs {
		if ev.Source.Code == "CHNGOV" && ev.Target != nil && ev.Target.Code == "KORGOV" && (ev.Date == "2024-11-12" || ev.Date == "2024-11-13") {
			bali = append(bali, ev)
		} else {
			others++
		}
	}
	if len(bali) != 1 || others != 2 {
		t.Fatalf("%d events of the Bali meeting, %d others; want 1 and 2:\n%s", len(bali), others, before)
	}
	b := bali[0]
	if b.NumMentions != 4 || b.NumSources != 4 || b.NumArticles != 4 || b.Date != "2024-11-12" ||
		b.FirstSeen != "2024-11-12" || b.LastSeen != "2024-11-13" || b.Source.Name != "Xi Jinping" || b.Target.Name != "Yoon Suk-yeol" ||
		b.SourceURL != "https://harbor-times.example/world/1" || len(b.Mentions) != 4 {
		t.Errorf("the Bali meeting: %+v", b)
	}
	sites := map[string]bool{}
	for _, m := range b.Mentions {
		sites[m.Site] = true
	}
	if len(sites) != 4 {
		t.Errorf("mentions from %d sites, want 4: %+v", len(sites), b.Mentions)
	}

	if code, out, errs := cli(t, "", "ingest", "--db", db, "testdata/events"); code != 0 || !strings.Contains(out, "new 0") {
		t.Fatalf("second ingest: exit %d: %s %s", code, out, errs)
	}
	if _, after := list(); after != before {
		t.Errorf("a second ingest changed the events:\n%s\nwant\n%s", after, before)
	}
	if code, out, errs := cli(t, "", "reprocess", "--db", db); code != 0 {
		t.Fatalf("reprocess: exit %d: %s %s", code, out, errs)
	}
	if _, after := list(); after != before {
		t.Errorf("reprocess changed the events:\n%s\nwant\n%s", after, before)
	}
}
