package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/sqlite"
)

// TestQuotesCommand stores one quote as three outlets printed it and lists
// it: one quote, three mentions, filters by speaker, words and dates.
func TestQuotesCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quotes.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	speaker := "Ana Ruiz"
	var items []newsgraph.Item
	for i, q := range []string{
		"We will not accept any deal that leaves our farmers without water.",
		"We will not accept any deal that leaves our farmers without water!",
		"We will not accept any deal that leaves farmers without water.",
	} {
		para := fmt.Sprintf("Outlet %d: the minister said “%s”", i, q)
		d := &newsgraph.Document{Paragraphs: []string{para}, IsArticle: true, Title: newsgraph.StringPtr(fmt.Sprintf("Water talks %d", i))}
		d.Published.Date = fmt.Sprintf("2024-03-0%d", i+2)
		start := len([]rune(para)) - len([]rune(q)) - 1
		d.Quotes = []newsgraph.Quote{{Kind: "direct", Text: q, Speaker: &speaker, Cue: "said", Paragraph: 0, Start: start, End: start + len([]rune(q)), Confidence: 0.9}}
		d.Normalize()
		items = append(items, newsgraph.Item{Input: &newsgraph.Input{Path: fmt.Sprintf("o%d.txt", i), Data: []byte(para)}, Doc: d})
	}
	if _, err := st.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errs := cli(t, "", "quotes", "--db", db, "--speaker", "ana ruiz")
	if code != 0 || !strings.Contains(out, "Ana Ruiz — direct, 2024-03-02 … 2024-03-04, 3 mention(s)") {
		t.Fatalf("quotes --speaker: exit %d:\n%s%s", code, out, errs)
	}
	code, out, _ = cli(t, "", "quotes", "--db", db, "--about", "farmers water", "--json")
	var g newsgraph.QuoteGroup
	if code != 0 || json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &g) != nil || g.Mentions != 3 || len(g.Sources) != 3 {
		t.Errorf("quotes --about --json: exit %d: %s", code, out)
	}
	if code, out, _ := cli(t, "", "quotes", "--db", db, "--to", "2024-02"); code != 0 || !strings.Contains(out, "no quotes") {
		t.Errorf("quotes --to 2024-02: exit %d: %s", code, out)
	}
	if code, _, _ := cli(t, "", "quotes", "--db", db, "--from", "2024-3"); code == 0 {
		t.Error("a malformed date was accepted")
	}
}

// TestWireQuoteAcrossOutlets ingests one wire quote as five outlets printed
// it (other quotation marks and punctuation, a word changed or dropped):
// the quote stage finds it in each, and the store makes one quote with
// five mentions, attributed to the minister.
func TestWireQuoteAcrossOutlets(t *testing.T) {
	db := filepath.Join(t.TempDir(), "wire.db")
	if code, out, errs := cli(t, "", "ingest", "--db", db, "testdata/wire"); code != 0 || !strings.Contains(out, "new 5") {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	code, out, errs := cli(t, "", "quotes", "--db", db, "--about", "coastal towns", "--json")
	if code != 0 {
		t.Fatalf("quotes: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d quotes about coastal towns, want 1:\n%s", len(lines), out)
	}
	var g newsgraph.QuoteGroup
	if err := json.Unmarshal([]byte(lines[0]), &g); err != nil {
		t.Fatal(err)
	}
	if g.Mentions != 5 || len(g.Sources) != 5 || g.Speaker != "Lena Okafor" || g.FirstDate != "2025-09-03" {
		t.Errorf("wire quote: %d mentions, speaker %q, first %s: %+v", g.Mentions, g.Speaker, g.FirstDate, g)
	}
}
