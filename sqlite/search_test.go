package sqlite

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"storm", `"storm"`},
		{"storm coast", `"storm" AND "coast"`},
		{`"tight election"`, `"tight election"`},
		{`"tight election`, `"tight election"`},
		{"elect*", `"elect" *`},
		{`"tight elect"*`, `"tight elect" *`},
		{"lula OR bolsonaro", `("lula" OR "bolsonaro")`},
		{"brazil lula OR bolsonaro vote", `"brazil" AND ("lula" OR "bolsonaro") AND "vote"`},
		{"lula or bolsonaro", `"lula" AND "or" AND "bolsonaro"`},
		{"OR lula OR", `"lula"`},
		{"lula OR OR bolsonaro", `("lula" OR "bolsonaro")`},
		{"OR", ""},
		{`"`, ""},
		{`""`, ""},
		{"*", ""},
		{"-", ""},
		{"- storm", `"storm"`},
		{"AND", `"AND"`},
		{"storm AND coast", `"storm" AND "AND" AND "coast"`},
		{"NOT storm", `"NOT" AND "storm"`},
		{"NEAR(storm coast)", `"NEAR(storm" AND "coast)"`},
		{"title:storm", `"title:storm"`},
		{`storm"coast`, `"storm" AND "coast"`},
		{`a"b"c`, `"a" AND "b" AND "c"`},
		{"😀", ""},
		{"😀 storm", `"storm"`},
		{"Émigrés", `"Émigrés"`},
		{"東京", `"東京"`},
		{"x\x00y", `"x" AND "y"`},
		{"!!! ??? ...", ""},
		{"U.S.", `"U.S."`},
		{"foo** bar", `"foo" * AND "bar"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for phrase, want := range map[string]string{
		`"a"`:             `"a"`,
		`"a b" *`:         `"a" "b" *`,
		`"say ""hi"" x"`:  `"say" """hi""" "x"`,
		`"U.S. - policy"`: `"U.S." "policy"`,
	} {
		if got := strings.Join(phraseWords(phrase), " "); got != want {
			t.Errorf("phraseWords(%s) = %s, want %s", phrase, got, want)
		}
	}
	long := strings.Repeat("word ", 100)
	if got := strings.Count(ftsQuery(long), `"word"`); got != maxQueryTerms {
		t.Errorf("long query kept %d terms, want %d", got, maxQueryTerms)
	}
}

// searchCorpus is a small store for the search tests.
func searchCorpus(t *testing.T) *Store {
	s := openTest(t)
	docs := []docSpec{
		{title: "Storm hits coast", body: []string{"A storm hit the coast on Monday.", "Thousands lost power."}, date: "2022-11-15", lang: "en", site: "example.com"},
		{title: "Elections in Brazil", body: []string{"Brazilians voted in a tight election.", "Lula won against Bolsonaro."}, date: "2022-10", lang: "en", site: "news.org"},
		{title: "Wahlen in Brasilien", body: []string{"Die Brasilianer wählten Lula.", "Émigrés und Bürger feierten 😀."}, date: "2022", lang: "de", site: "zeitung.de"},
		{title: "Undated storm note", body: []string{"Another storm, date unknown."}, lang: "en", site: "example.com"},
		{title: "Old elections", body: []string{"An election in 2018 brought Bolsonaro to power."}, date: "2018-10-28", lang: "en", site: "news.org"},
		{title: "東京で地震", body: []string{"東京 で 地震 が あった"}, date: "2023-01-02", lang: "ja", site: "nhk.jp"},
	}
	var items []newsgraph.Item
	for i, d := range docs {
		items = append(items, d.item("corpus.txt", i))
	}
	items = append(items, failureItem("f.html", 0, "storm election failure text", "storm election"))
	mustPut(t, s, items...)
	// Entities are empty today; add one row by hand to test the filter.
	if _, err := s.writer.Exec(`INSERT INTO entities(doc_seq, entity_id, name, name_key, type)
		SELECT seq, 'e1', 'Lula', 'lula', 'PER' FROM documents WHERE title = 'Elections in Brazil'`); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSearch(t *testing.T) {
	s := searchCorpus(t)
	tests := []struct {
		name  string
		q     newsgraph.SearchQuery
		want  []string // titles in order; nil means don't check order, only count
		total int
	}{
		{"word", newsgraph.SearchQuery{Text: "storm"}, nil, 2},
		{"title ranks higher", newsgraph.SearchQuery{Text: "election"}, []string{"Old elections", "Elections in Brazil"}, 2},
		{"stemming", newsgraph.SearchQuery{Text: "elections"}, nil, 2},
		{"phrase", newsgraph.SearchQuery{Text: `"tight election"`}, []string{"Elections in Brazil"}, 1},
		{"phrase order matters", newsgraph.SearchQuery{Text: `"election tight"`}, []string{}, 0},
		{"prefix", newsgraph.SearchQuery{Text: "bolso*"}, nil, 2},
		{"and", newsgraph.SearchQuery{Text: "lula bolsonaro"}, []string{"Elections in Brazil"}, 1},
		{"or", newsgraph.SearchQuery{Text: "thousands OR wählten"}, nil, 2},
		{"diacritics folded", newsgraph.SearchQuery{Text: "emigres"}, []string{"Wahlen in Brasilien"}, 1},
		{"cjk", newsgraph.SearchQuery{Text: "東京"}, []string{"東京で地震"}, 1},
		{"lang", newsgraph.SearchQuery{Text: "lula", Lang: "de"}, []string{"Wahlen in Brasilien"}, 1},
		{"site", newsgraph.SearchQuery{Text: "storm", Site: "example.com"}, nil, 2},
		{"site other", newsgraph.SearchQuery{Text: "storm", Site: "news.org"}, []string{}, 0},
		{"from day", newsgraph.SearchQuery{Text: "election", From: "2022-01-01"}, []string{"Elections in Brazil"}, 1},
		{"to year", newsgraph.SearchQuery{Text: "election", To: "2019"}, []string{"Old elections"}, 1},
		{"month overlaps year", newsgraph.SearchQuery{Text: "lula", From: "2022-05", To: "2022-05"}, []string{"Wahlen in Brasilien"}, 1},
		{"day inside month", newsgraph.SearchQuery{Text: "lula", From: "2022-10-31", To: "2022-10-31"}, nil, 2},
		{"undated excluded by date filter", newsgraph.SearchQuery{Text: "storm", From: "1900"}, []string{"Storm hits coast"}, 1},
		{"entity", newsgraph.SearchQuery{Text: "election", Entity: "LULA"}, []string{"Elections in Brazil"}, 1},
		{"entity only", newsgraph.SearchQuery{Entity: "lula"}, []string{"Elections in Brazil"}, 1},
		{"filters only, by date", newsgraph.SearchQuery{Site: "news.org"}, []string{"Elections in Brazil", "Old elections"}, 2},
		{"dates only", newsgraph.SearchQuery{From: "2022"}, []string{"東京で地震", "Wahlen in Brasilien", "Storm hits coast", "Elections in Brazil"}, 4},
		{"punctuation with filter", newsgraph.SearchQuery{Text: "!!!", Lang: "ja"}, []string{"東京で地震"}, 1},
		{"empty", newsgraph.SearchQuery{}, []string{}, 0},
		{"limit", newsgraph.SearchQuery{Text: "storm OR election", Limit: 1}, nil, 4},
		{"offset", newsgraph.SearchQuery{Text: "election", Offset: 1}, []string{"Elections in Brazil"}, 2},
		{"offset past end", newsgraph.SearchQuery{Text: "election", Offset: 5}, []string{}, 2},
		{"failures not indexed", newsgraph.SearchQuery{Text: "failure"}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.total || res.Capped != (tt.total == s.limits.count) {
				t.Errorf("Total = %d (capped %v), want %d", res.Total, res.Capped, tt.total)
			}
			titles := []string{}
			for _, h := range res.Hits {
				titles = append(titles, h.Title)
			}
			if tt.want != nil && strings.Join(titles, "|") != strings.Join(tt.want, "|") {
				t.Errorf("hits = %q, want %q", titles, tt.want)
			}
			limit := tt.q.Limit
			if limit == 0 {
				limit = DefaultLimit
			}
			if wantN := min(max(tt.total-tt.q.Offset, 0), limit); len(res.Hits) != wantN {
				t.Errorf("%d hits, want %d", len(res.Hits), wantN)
			}
		})
	}
}

func TestSearchBadDates(t *testing.T) {
	s := searchCorpus(t)
	for _, q := range []newsgraph.SearchQuery{{From: "2022-13"}, {To: "yesterday"}, {Text: "storm", From: "22"}, {From: "2022-02-30"}} {
		if _, err := s.Search(context.Background(), q); err == nil {
			t.Errorf("Search(%+v) accepted a bad date", q)
		}
	}
}

func TestSearchHostile(t *testing.T) {
	s := searchCorpus(t)
	queries := []string{`"`, `""`, `"""`, `AND`, `OR`, `NOT`, `NEAR(`, `NEAR(storm coast, 2)`, `*`, `**`, `-`, `-storm`, `storm -coast`,
		`(`, `)`, `storm)`, `{title}: storm`, `title:storm`, `^storm`, `storm +coast`, `'; DROP TABLE documents; --`,
		`Émigrés`, `😀`, `😀😀 storm`, "\x00", "\xff\xfe", `\"`, `storm"`, `"storm`, `a OR`, `OR OR OR`, `storm AND OR NOT coast`,
		strings.Repeat("(", 500), strings.Repeat(`"a" `, 300), "ⅨⅦ", "\u200b", "e\u0301", `%`, `_`, `\`}
	for _, q := range queries {
		res, err := s.Search(context.Background(), newsgraph.SearchQuery{Text: q})
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
			continue
		}
		if len(res.Hits) > res.Total {
			t.Errorf("Search(%q): %d hits > total %d", q, len(res.Hits), res.Total)
		}
	}
	st, _ := s.Stats(context.Background())
	if st.Documents != 6 {
		t.Errorf("documents = %d after hostile queries", st.Documents)
	}
}

func TestSearchSnippets(t *testing.T) {
	s := searchCorpus(t)
	if err := s.Optimize(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(context.Background(), newsgraph.SearchQuery{Text: "thousands power"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	h := res.Hits[0]
	want := "A storm hit the coast on Monday.\n" + newsgraph.SnippetOpen + "Thousands" + newsgraph.SnippetClose + " lost " +
		newsgraph.SnippetOpen + "power" + newsgraph.SnippetClose + "."
	if h.Snippet != want {
		t.Errorf("snippet = %q, want %q", h.Snippet, want)
	}
	if h.Score <= 0 || h.Site != "example.com" || h.URL == "" || h.Language != "en" || h.Published.Date != "2022-11-15" || h.ID == "" {
		t.Errorf("hit fields: %+v", h)
	}
}

func TestSearchWhilePutting(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustPut(t, s, docSpec{title: "seed", body: []string{"common words here"}}.item("seed", 0))
	var wg sync.WaitGroup
	errc := make(chan error, 16)
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for b := range 20 {
			var items []newsgraph.Item
			for i := range 50 {
				n := b*50 + i
				items = append(items, docSpec{title: fmt.Sprintf("doc %d", n), body: []string{"common words here", fmt.Sprintf("unique%d text", n)},
					date: "2022-01-02", lang: "en"}.item("batch", n))
			}
			if _, err := s.Put(ctx, items); err != nil {
				errc <- err
				return
			}
		}
	}()
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				res, err := s.Search(ctx, newsgraph.SearchQuery{Text: "common"})
				if err != nil {
					errc <- err
					return
				}
				if res.Total < last {
					errc <- fmt.Errorf("total went down: %d < %d", res.Total, last)
					return
				}
				last = res.Total
				if _, err := s.Stats(ctx); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	res, err := s.Search(ctx, newsgraph.SearchQuery{Text: "common"})
	if err != nil || res.Total != CountCap || !res.Capped {
		t.Errorf("final total = %v, %v; want %d, capped", res, err, CountCap)
	}
}

// FuzzSearch checks that no query text makes FTS5 fail or the store panic.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"storm", `"tight election"`, "elect*", "a OR b", `NEAR(`, `"`, "😀", "-x", "x:y", "(a) OR (b)"} {
		f.Add(seed)
	}
	s := openTest(f)
	mustPut(f, s, docA.item("a", 0), docB.item("a", 1))
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(context.Background(), newsgraph.SearchQuery{Text: q}); err != nil {
			t.Errorf("Search(%q): %v (fts %s)", q, err, ftsQuery(q))
		}
	})
}

func TestSearchBroadQueries(t *testing.T) {
	s := openTest(t)
	var items []newsgraph.Item
	for i := range 30 {
		body := []string{fmt.Sprintf("Common text number %d.", i)}
		if i%10 == 0 {
			body = append(body, "A rare zebra appears.")
		}
		items = append(items, docSpec{title: fmt.Sprintf("Doc %02d", i), body: body, lang: "en"}.item("broad", i))
	}
	mustPut(t, s, items...)
	s.limits = searchLimits{count: 10, rank: 5, df: 8}
	titles := func(r *newsgraph.SearchResult) string {
		var ts []string
		for _, h := range r.Hits {
			ts = append(ts, h.Title)
		}
		return strings.Join(ts, ",")
	}
	tests := []struct {
		name   string
		q      newsgraph.SearchQuery
		total  int
		titles string
		ranked bool
	}{
		{"count capped, newest first", newsgraph.SearchQuery{Text: "common", Limit: 3}, 10, "Doc 29,Doc 28,Doc 27", false},
		{"second page", newsgraph.SearchQuery{Text: "common", Limit: 3, Offset: 3}, 10, "Doc 26,Doc 25,Doc 24", false},
		{"page past the counted ones", newsgraph.SearchQuery{Text: "common", Limit: 2, Offset: 9}, 10, "Doc 20,Doc 19", false},
		{"narrow but with a common term", newsgraph.SearchQuery{Text: "common zebra"}, 3, "Doc 20,Doc 10,Doc 00", false},
		{"narrow and rare: ranked", newsgraph.SearchQuery{Text: "zebra"}, 3, "", true},
		{"filtered broad", newsgraph.SearchQuery{Text: "common", Lang: "en", Limit: 2}, 10, "Doc 29,Doc 28", false},
		{"page beyond the count", newsgraph.SearchQuery{Text: "common", Limit: 2, Offset: 20}, 10, "Doc 09,Doc 08", false},
		{"filters only, beyond the count", newsgraph.SearchQuery{Lang: "en", Limit: 2, Offset: 28}, 10, "Doc 01,Doc 00", false},
		{"filter excludes all", newsgraph.SearchQuery{Text: "common", Lang: "de"}, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.total || res.Capped != (tt.total == s.limits.count) {
				t.Errorf("Total = %d (capped %v), want %d", res.Total, res.Capped, tt.total)
			}
			if tt.titles != "" && titles(res) != tt.titles {
				t.Errorf("hits = %s, want %s", titles(res), tt.titles)
			}
			for _, h := range res.Hits {
				if (h.Score > 0) != tt.ranked {
					t.Errorf("%s: score %v, ranked = %v", h.Title, h.Score, tt.ranked)
				}
				if tt.q.Text != "" && !strings.Contains(h.Snippet, newsgraph.SnippetOpen) {
					t.Errorf("%s: snippet %q has no marker", h.Title, h.Snippet)
				}
			}
		})
	}
}
