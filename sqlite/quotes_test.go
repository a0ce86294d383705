package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// quoteItem is a document of one outlet carrying one quote.
func quoteItem(site, date, para, quote, speaker string, rec int) newsgraph.Item {
	it := docSpec{title: "Talks in " + site, body: []string{para}, date: date, lang: "en", site: site}.item(site+".txt", rec)
	start := strings.Index(para, quote)
	var sp *string
	if speaker != "" {
		sp = &speaker
	}
	it.Doc.Quotes = []newsgraph.Quote{{Kind: "direct", Text: quote, Speaker: sp, Cue: "said",
		Paragraph: 0, Start: len([]rune(para[:start])), End: len([]rune(para[:start])) + len([]rune(quote)), Confidence: 0.9}}
	return it
}

// TestQuoteGroups stores one wire quote as five outlets printed it —
// different quotation marks and punctuation, a word changed, a word
// dropped — and one other quote: two groups, the first with five mentions
// and the earliest outlet's text.
func TestQuoteGroups(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	wire := []struct{ site, date, quote string }{
		{"wire.example", "2024-03-02", "We will not accept any deal that leaves our farmers without water this summer."},
		{"daily.example", "2024-03-03", "We will not accept any deal that leaves our farmers without water this summer"},
		{"times.example", "2024-03-02", "We will NOT accept any deal that leaves our farmers without water, this summer!"},
		{"post.example", "2024-03-04", "We will not accept a deal that leaves our farmers without water this summer."},
		{"herald.example", "2024-03-05", "We will not accept any deal that leaves farmers without water this summer."},
	}
	var items []newsgraph.Item
	for i, w := range wire {
		para := fmt.Sprintf("The minister told %s: “%s” Talks resume on Monday.", strings.TrimSuffix(w.site, ".example"), w.quote)
		items = append(items, quoteItem(w.site, w.date, para, w.quote, "Ana Ruiz", i))
	}
	items = append(items, quoteItem("other.example", "2024-03-06", `Farmers said "the rain came too late for the wheat" on Friday.`, "the rain came too late for the wheat", "farmers", 9))
	mustPut(t, s, items...)

	groups, err := s.Quotes(ctx, newsgraph.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 {
		t.Fatalf("%d quote groups, want 2: %+v", len(groups), groups)
	}
	var g newsgraph.QuoteGroup
	for _, x := range groups {
		if x.Mentions == 5 {
			g = x
		}
	}
	if g.Mentions != 5 || len(g.Sources) != 5 {
		t.Fatalf("the wire quote has %d mentions (%d sources), want 5: %+v", g.Mentions, len(g.Sources), groups)
	}
	if g.Text != wire[0].quote || g.FirstDate != "2024-03-02" || g.LastDate != "2024-03-05" || g.Speaker != "Ana Ruiz" {
		t.Errorf("group face = %q %s…%s %q, want the earliest outlet's text and dates", g.Text, g.FirstDate, g.LastDate, g.Speaker)
	}
	if g.Sources[0].Date != "2024-03-02" {
		t.Errorf("sources not earliest first: %+v", g.Sources)
	}

	// Filters.
	for _, tt := range []struct {
		q    newsgraph.QuoteQuery
		want int
	}{
		{newsgraph.QuoteQuery{Speaker: "ana ruiz"}, 1},
		{newsgraph.QuoteQuery{Speaker: "Nobody"}, 0},
		{newsgraph.QuoteQuery{About: "water"}, 1},
		{newsgraph.QuoteQuery{About: "wheat OR water"}, 2},
		{newsgraph.QuoteQuery{About: `"("`}, 0},
		{newsgraph.QuoteQuery{From: "2024-03-06"}, 1},
		{newsgraph.QuoteQuery{To: "2024-03"}, 2},
		{newsgraph.QuoteQuery{To: "2024-03-01"}, 0},
	} {
		got, err := s.Quotes(ctx, tt.q)
		if err != nil {
			t.Fatalf("%+v: %v", tt.q, err)
		}
		if len(got) != tt.want {
			t.Errorf("Quotes(%+v) = %d groups, want %d", tt.q, len(got), tt.want)
		}
	}

	// Replacing the earliest outlet's document without its quote takes
	// the mention back; the next earliest becomes the face.
	var inputID int64
	if err := s.reader.QueryRow(`SELECT id FROM inputs WHERE path = 'wire.example.txt'`).Scan(&inputID); err != nil {
		t.Fatal(err)
	}
	bare := *items[0].Doc
	bare.Quotes = nil
	if err := s.Replace(ctx, inputID, newsgraph.Item{Doc: &bare}); err != nil {
		t.Fatal(err)
	}
	groups, err = s.Quotes(ctx, newsgraph.QuoteQuery{Speaker: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].Mentions != 4 || groups[0].FirstDate != "2024-03-02" || groups[0].Text != wire[2].quote {
		t.Errorf("after replace: %+v", groups)
	}
}

func TestMinhashNearDuplicates(t *testing.T) {
	words := func(s string) []string { return contentWords(strings.Fields(newsgraph.NormalizeText(s))) }
	shared := func(a, b []int64) int {
		n := 0
		for i := range a {
			if a[i] == b[i] {
				n++
			}
		}
		return n
	}
	a := minhashBandsOf(words("We will not accept any deal that leaves our farmers without water this summer."))
	b := minhashBandsOf(words("We will not accept a deal that leaves our farmers without water this summer"))
	c := minhashBandsOf(words("Prices of copper rose for the third month in a row, traders said."))
	if shared(a, b) == 0 {
		t.Error("one word changed: no band shared")
	}
	if shared(a, c) > 1 {
		t.Errorf("unrelated texts share %d bands", shared(a, c))
	}
}

// TestQuoteBandsRows checks that a new group gets one index row per band,
// with the group's id and the signature's values.
func TestQuoteBandsRows(t *testing.T) {
	s := openTest(t)
	q := "We will not accept any deal that leaves our farmers without water this summer."
	mustPut(t, s, quoteItem("wire.example", "2024-03-02", "She said “"+q+"” then.", q, "Ana Ruiz", 0))
	want := minhashBandsOf(contentWords(strings.Fields(newsgraph.NormalizeText(q))))
	rows, err := s.reader.Query(`SELECT band, value, group_id FROM quote_bands ORDER BY band`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var b, g int
		var v int64
		if err := rows.Scan(&b, &v, &g); err != nil {
			t.Fatal(err)
		}
		if b != n || v != want[b] || g != 1 {
			t.Errorf("band row %d = (%d, %d, %d), want (%d, %d, 1)", n, b, v, g, n, want[n])
		}
		n++
	}
	if n != minhashBands {
		t.Errorf("%d band rows, want %d", n, minhashBands)
	}
}

// TestQuoteGroupRemoved replaces the only document of a quote: the group
// and its index rows go.
func TestQuoteGroupRemoved(t *testing.T) {
	s := openTest(t)
	q := "We will not accept any deal that leaves our farmers without water this summer."
	it := quoteItem("wire.example", "2024-03-02", "She said “"+q+"” then.", q, "Ana Ruiz", 0)
	mustPut(t, s, it)
	var inputID int64
	if err := s.reader.QueryRow(`SELECT id FROM inputs`).Scan(&inputID); err != nil {
		t.Fatal(err)
	}
	bare := *it.Doc
	bare.Quotes = nil
	if err := s.Replace(context.Background(), inputID, newsgraph.Item{Doc: &bare}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"quotes", "quote_groups", "quote_bands"} {
		var n int
		if err := s.reader.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows left", table, n)
		}
	}
}

// TestBandFilter checks the filter has no false negatives and few false
// positives.
func TestBandFilter(t *testing.T) {
	f := newBandFilter()
	const n = 200000
	for i := int64(0); i < n; i++ {
		f.add(i * 7919)
	}
	for i := int64(0); i < n; i++ {
		if !f.mayContain(i * 7919) {
			t.Fatalf("value %d added but not found", i*7919)
		}
	}
	fp := 0
	for i := int64(0); i < n; i++ {
		if f.mayContain(-1 - i*104729) {
			fp++
		}
	}
	if rate := float64(fp) / n; rate > 0.001 {
		t.Errorf("false positive rate %.4f at %d values", rate, n)
	}
}

// TestQuoteHashes upgrades a store whose groups predate the text hash
// (migration 0007): Open fills the hashes, and a later mention of the same
// short quote (no bands: found by its hash only) joins the old group. A
// hash collision is probed past: two texts forced onto one hash stay two
// groups with one mention each.
func TestQuoteHashes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, quoteItem("a.example", "2024-01-02", `He said "no deal" twice.`, "no deal", "Ana Ruiz", 0))
	// The group as migration 0007 found it: no hash.
	if _, err := s.writer.Exec("UPDATE quote_groups SET key_hash = NULL"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var nulls int
	if err := s.reader.QueryRow("SELECT count(*) FROM quote_groups WHERE key_hash IS NULL").Scan(&nulls); err != nil || nulls != 0 {
		t.Fatalf("groups without a hash after Open: %d (%v)", nulls, err)
	}
	mustPut(t, s, quoteItem("b.example", "2024-01-03", `She said "No deal!" again.`, "No deal!", "Ana Ruiz", 1))
	groups, err := s.Quotes(ctx, newsgraph.QuoteQuery{})
	if err != nil || len(groups) != 1 || groups[0].Mentions != 2 {
		t.Fatalf("after the upgrade: %+v %v", groups, err)
	}
	// Force a collision: give the group the hash of another text.
	other := "a different quote"
	if _, err := s.writer.Exec("UPDATE quote_groups SET key_hash = ?", keyHash(newsgraph.NormalizeText(other))); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, quoteItem("c.example", "2024-01-04", `They said "`+other+`" today.`, other, "Ana Ruiz", 2))
	groups, err = s.Quotes(ctx, newsgraph.QuoteQuery{})
	if err != nil || len(groups) != 2 {
		t.Fatalf("after a collision: %+v %v", groups, err)
	}
	for _, g := range groups {
		if want := map[bool]int{true: 1, false: 2}[g.Text == other]; g.Mentions != want {
			t.Errorf("group %q: %d mentions, want %d", g.Text, g.Mentions, want)
		}
	}
}

// TestQuoteGroupsBatched stores a document whose quotes repeat each
// other (the same quote twice, a near-duplicate, new ones) in a fresh
// store, where new groups are written in batches, and in a store that is
// not fresh, where every quote takes the one-by-one path: the groups are
// the same.
func TestQuoteGroupsBatched(t *testing.T) {
	ctx := context.Background()
	long := "We will not accept any deal that leaves our farmers without water this summer"
	para := "Long talks."
	quotes := []newsgraph.Quote{
		{Kind: "direct", Text: long},
		{Kind: "indirect", Text: "the talks would resume in spring"},
		{Kind: "direct", Text: long + "!"},
		{Kind: "direct", Text: strings.Replace(long, "any", "a", 1)},
		{Kind: "partial", Text: "dogged, resilient"},
		{Kind: "indirect", Text: "the talks would resume in spring"},
	}
	groups := func(s *Store) []string {
		it := docSpec{title: "Water talks", body: []string{para}, date: "2024-03-02", lang: "en", site: "wire.example"}.item("w.txt", 0)
		for _, q := range quotes {
			q.Cue, q.End = "said", 3
			it.Doc.Quotes = append(it.Doc.Quotes, q)
		}
		mustPut(t, s, it)
		gs, err := s.Quotes(ctx, newsgraph.QuoteQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, g := range gs {
			out = append(out, fmt.Sprintf("%s ×%d", g.Text, g.Mentions))
		}
		sort.Strings(out)
		return out
	}
	fresh := openTest(t)
	if fresh.keys == nil {
		t.Fatal("a new store is not fresh")
	}
	got := groups(fresh)
	want := []string{"dogged, resilient ×1", long + " ×3", "the talks would resume in spring ×2"}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fresh store groups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A store that held an input when opened takes the one-by-one path.
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, docSpec{title: "Other", body: []string{"Nothing quoted here."}, lang: "en"}.item("o.txt", 0))
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.keys != nil {
		t.Fatal("a store with inputs is fresh")
	}
	if old := groups(s); strings.Join(old, "\n") != strings.Join(got, "\n") {
		t.Errorf("groups differ between the batched and the one-by-one paths:\n%s\nand\n%s", strings.Join(got, "\n"), strings.Join(old, "\n"))
	}
}
