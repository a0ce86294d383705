package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph"
)

var (
	docA = docSpec{title: "Storm hits coast", body: []string{"A storm hit the coast on Monday.", "Thousands lost power."}, date: "2022-11-15", lang: "en", site: "example.com"}
	docB = docSpec{title: "Elections in Brazil", body: []string{"Brazilians voted in a tight election.", "Lula won."}, date: "2022-10", lang: "en", site: "news.org"}
	// docA2 is docA crawled again: different raw bytes, same article text.
	docA2 = docSpec{raw: "header junk\n" + "Storm hits coast\nA storm hit the coast on Monday.\nThousands lost power.", title: "Storm hits coast",
		body: []string{"A storm  hit the coast on Monday!", "Thousands lost power."}, date: "2022-11-15", lang: "en", site: "mirror.net"}
)

func TestPutSemantics(t *testing.T) {
	S, D, F := newsgraph.Stored, newsgraph.Duplicate, newsgraph.Failed
	tests := []struct {
		name    string
		batches [][]newsgraph.Item
		want    [][]newsgraph.PutResult
		docs    int
		inputs  int
		fails   int
		dups    int
	}{
		{"one document", [][]newsgraph.Item{{docA.item("a.txt", 0)}}, [][]newsgraph.PutResult{{S}}, 1, 1, 0, 0},
		{"two documents", [][]newsgraph.Item{{docA.item("a.txt", 0), docB.item("a.txt", 1)}}, [][]newsgraph.PutResult{{S, S}}, 2, 2, 0, 0},
		{"same input twice in a batch", [][]newsgraph.Item{{docA.item("a.txt", 0), docA.item("a.txt", 0)}}, [][]newsgraph.PutResult{{S, D}}, 1, 1, 0, 0},
		{"same article, other bytes", [][]newsgraph.Item{{docA.item("a.txt", 0)}, {docA2.item("b.txt", 0)}}, [][]newsgraph.PutResult{{S}, {D}}, 1, 2, 0, 1},
		{"failure", [][]newsgraph.Item{{failureItem("c.html", 0, "<html>", "no text")}}, [][]newsgraph.PutResult{{F}}, 0, 1, 1, 0},
		{"failure twice", [][]newsgraph.Item{{failureItem("c.html", 0, "<html>", "no text")}, {failureItem("c.html", 0, "<html>", "no text")}}, [][]newsgraph.PutResult{{F}, {D}}, 0, 1, 1, 0},
		{"mixed batch", [][]newsgraph.Item{{docA.item("a.txt", 0), failureItem("c.html", 0, "<p>", "empty"), docA2.item("b.txt", 0), docB.item("a.txt", 1)}},
			[][]newsgraph.PutResult{{S, F, D, S}}, 2, 4, 1, 1},
		{"empty batch", [][]newsgraph.Item{{}}, [][]newsgraph.PutResult{{}}, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			for i, b := range tt.batches {
				got := mustPut(t, s, b...)
				if !reflect.DeepEqual(got, tt.want[i]) {
					t.Errorf("batch %d: got %v, want %v", i, got, tt.want[i])
				}
			}
			st, err := s.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != tt.docs || st.Inputs != tt.inputs || st.Failures != tt.fails || st.Duplicates != tt.dups {
				t.Errorf("stats docs/inputs/failures/dups = %d/%d/%d/%d, want %d/%d/%d/%d",
					st.Documents, st.Inputs, st.Failures, st.Duplicates, tt.docs, tt.inputs, tt.fails, tt.dups)
			}
		})
	}
}

// TestPutIdempotent runs with Seen answering from the fresh store's memory
// and with that memory overflowing back to queries.
func TestPutIdempotent(t *testing.T) {
	for _, limit := range []int{maxSession, 1} {
		t.Run(fmt.Sprint("session=", limit), func(t *testing.T) { testPutIdempotent(t, limit) })
	}
}

func testPutIdempotent(t *testing.T, limit int) {
	s := openTest(t)
	if !s.fresh {
		t.Fatal("a new store is not fresh")
	}
	s.sessionLimit = limit
	batch := []newsgraph.Item{docA.item("a.txt", 0), docB.item("a.txt", 1), failureItem("c.html", 0, "<x>", "bad"), docA2.item("b.txt", 0)}
	mustPut(t, s, batch...)
	before, _ := s.Stats(context.Background())
	for i, r := range mustPut(t, s, batch...) {
		if r != newsgraph.Duplicate {
			t.Errorf("item %d: second put = %v, want Duplicate", i, r)
		}
	}
	after, _ := s.Stats(context.Background())
	if !reflect.DeepEqual(before, after) {
		t.Errorf("stats changed by a repeated batch:\n%+v\n%+v", before, after)
	}
	for _, it := range batch {
		// Failures are keyed on their input's name too, so Seen (bytes
		// only) answers for documents; a failing input is retried.
		ok, err := s.Seen(context.Background(), it.Input.Data)
		if err != nil || ok != (it.Doc != nil) {
			t.Errorf("Seen(%q) = %v, %v", it.Input.Data, ok, err)
		}
	}
	if ok, _ := s.Seen(context.Background(), []byte("never stored")); ok {
		t.Error("Seen(new bytes) = true")
	}
	if s.fresh != (limit > len(batch)) {
		t.Errorf("fresh = %v with a session limit of %d", s.fresh, limit)
	}
}

func TestPutRejectsEmptyItem(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put(context.Background(), []newsgraph.Item{docA.item("a", 0), {}}); err == nil {
		t.Fatal("Put of an empty item succeeded")
	}
	if st, _ := s.Stats(context.Background()); st.Inputs != 0 {
		t.Errorf("a failed batch left %d inputs", st.Inputs)
	}
}

// fullDoc fills every field of the record contract.
func fullDoc() *newsgraph.Document {
	sp := func(s string) *string { return &s }
	d := &newsgraph.Document{
		Source:      newsgraph.Source{Path: "in/x.jsonl", URL: "https://ex.com/a", Site: "ex.com", Format: newsgraph.FormatJSONL, Record: 7},
		IsArticle:   true,
		Title:       sp("Leaders meet in Bali"),
		Language:    sp("en"),
		Published:   newsgraph.Published{Date: "2022-11", Precision: newsgraph.PrecisionMonth, Origin: newsgraph.OriginInput, Raw: "Nov 2022", Time: "10:30", Conflict: "header says 2021"},
		Paragraphs:  []string{"BALI (Yonhap) -- Leaders met on Tuesday.", "\"We agree,\" said Yoon Suk Yeol. Émigrés 😀 cheered."},
		Boilerplate: []newsgraph.BoilerplateLine{{Text: "Share", Kind: newsgraph.KindShare}},
		Entities: []newsgraph.Entity{{ID: "e1", Name: "Yoon Suk Yeol", Type: "PER",
			Mentions: []newsgraph.Mention{{Paragraph: 1, Start: 17, End: 30, Text: "Yoon Suk Yeol"}},
			Actor:    &newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: "person", KBID: "Q123", Evidence: "president"},
			Geo:      &newsgraph.Place{Name: "Bali", Country: "ID", Admin1: "BA", Lat: -8.5, Lon: 115.1, Precision: "admin1", GeonamesID: 1650535}}},
		Quotes: []newsgraph.Quote{{Kind: "direct", Text: "We agree,", Speaker: sp("Yoon Suk Yeol"), SpeakerEntity: sp("e1"), Cue: "said",
			Paragraph: 1, Start: 1, End: 10, EndParagraph: 1, Confidence: 0.9}},
		Events: []newsgraph.Event{{Source: newsgraph.EventActor{Entity: sp("e1"), Code: "KORGOV", Country: "KOR"}, Target: nil,
			Cameo: "036", Root: "03", QuadClass: 1, Goldstein: 4, Plover: "CONSULT", Date: sp("2022-11-15"), DatePrecision: sp("day"),
			Location: &newsgraph.Place{Name: "Bali"}, Evidence: newsgraph.Evidence{Paragraph: 0, Sentence: 0, Start: 0, End: 40, Text: "Leaders met"},
			Trigger: &newsgraph.Trigger{Text: "met", Start: 8, End: 11}, Negated: false, Confidence: 0.7}},
		Times:     []newsgraph.TimeExpr{{Text: "Tuesday", Paragraph: 0, Start: 32, End: 39, Value: sp("2022-11-15"), Kind: "date"}},
		Extractor: "newsgraph/test",
		Author:    "Kim Min-ji",
	}
	d.Normalize()
	return d
}

func TestDocumentRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		doc  *newsgraph.Document
	}{
		{"full", fullDoc()},
		{"minimal", func() *newsgraph.Document {
			d := &newsgraph.Document{Source: newsgraph.Source{Path: "-", Format: newsgraph.FormatHTML}}
			d.Normalize()
			return d
		}()},
		{"nil slices", &newsgraph.Document{ID: "fixed", Source: newsgraph.Source{Path: "p"}, Paragraphs: []string{"x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			res := mustPut(t, s, newsgraph.Item{Input: &newsgraph.Input{Path: "p", Data: []byte(tt.name)}, Doc: tt.doc})
			if res[0] != newsgraph.Stored {
				t.Fatalf("Put = %v", res)
			}
			got, err := s.Document(context.Background(), tt.doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := *tt.doc
			want.Normalize() // the store records the normalised form
			wj, _ := json.Marshal(&want)
			gj, _ := json.Marshal(got)
			if !bytes.Equal(wj, gj) {
				t.Errorf("JSON differs:\nwant %s\ngot  %s", wj, gj)
			}
			if got.Source.Record != want.Source.Record || got.Published.Time != want.Published.Time ||
				got.Published.Conflict != want.Published.Conflict || got.Author != want.Author {
				t.Errorf("non-JSON fields: got %+v %+v %q", got.Source, got.Published, got.Author)
			}
		})
	}
}

func TestDocumentNotFound(t *testing.T) {
	s := openTest(t)
	_, err := s.Document(context.Background(), "nope")
	if !errors.Is(err, newsgraph.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestChildTables(t *testing.T) {
	s := openTest(t)
	d := fullDoc()
	mustPut(t, s, newsgraph.Item{Input: &newsgraph.Input{Path: "p", Data: []byte("x")}, Doc: d})
	for table, want := range map[string]int{"entities": 1, "quotes": 1, "event_mentions": 1,
		"registry": 1, "registry_codes": 1, "registry_months": 1} {
		var n int
		if err := s.reader.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	ms, err := s.Events(context.Background(), newsgraph.EventQuery{Mentions: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || len(ms[0].Mentions) != 1 || ms[0].Mentions[0].Event.Trigger == nil || *ms[0].Mentions[0].Event.Trigger != *d.Events[0].Trigger {
		t.Errorf("event mention's trigger not kept: %+v", ms)
	}
	var count int
	var spans string
	if err := s.reader.QueryRow("SELECT mention_count, spans FROM entities").Scan(&count, &spans); err != nil {
		t.Fatal(err)
	}
	if count != 1 || spans != "[[1,17,30]]" {
		t.Errorf("entity mentions: count %d, spans %s", count, spans)
	}
	// Replacing the document with one without annotations clears them.
	var inputID int64
	if err := s.reader.QueryRow("SELECT id FROM inputs").Scan(&inputID); err != nil {
		t.Fatal(err)
	}
	bare := *d
	bare.Entities, bare.Quotes, bare.Events, bare.Times = nil, nil, nil, nil
	if err := s.Replace(context.Background(), inputID, newsgraph.Item{Doc: &bare}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"entities", "quotes", "event_mentions", "registry", "registry_codes", "registry_months"} {
		var n int
		if err := s.reader.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows after replace, want 0", table, n)
		}
	}
}

func TestDocumentsAndInputsStream(t *testing.T) {
	s := openTest(t)
	var items []newsgraph.Item
	for i := range 600 { // more than two pages
		items = append(items, docSpec{title: "T", body: []string{"body number", string(rune('a' + i%26)), "n" + strconv.Itoa(i)}}.item("f", i))
	}
	items = append(items, failureItem("bad.html", 3, "<broken", "no body"))
	mustPut(t, s, items...)
	var ids []string
	if err := s.Documents(context.Background(), func(d *newsgraph.Document) error {
		ids = append(ids, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 600 {
		t.Fatalf("Documents streamed %d, want 600", len(ids))
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("not in ID order at %d: %s >= %s", i, ids[i-1], ids[i])
		}
	}
	n := 0
	if err := s.Inputs(context.Background(), func(in *newsgraph.StoredInput) error {
		want := items[n].Input
		if !bytes.Equal(in.Input.Data, want.Data) || in.Input.Path != want.Path || in.Input.Record != want.Record ||
			in.Input.Format != want.Format || in.Input.Hints != want.Hints {
			t.Errorf("input %d: got %+v, want %+v", n, in.Input, *want)
		}
		if items[n].Doc != nil && in.DocID != items[n].Doc.ID {
			t.Errorf("input %d: doc %q, want %q", n, in.DocID, items[n].Doc.ID)
		}
		if items[n].Failure != nil && in.Reason != "no body" {
			t.Errorf("input %d: reason %q", n, in.Reason)
		}
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != len(items) {
		t.Errorf("Inputs streamed %d, want %d", n, len(items))
	}
	stop := errors.New("stop")
	if err := s.Documents(context.Background(), func(*newsgraph.Document) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("callback error not returned: %v", err)
	}
	var fails []*FailureRow
	if err := s.Failures(context.Background(), func(f *FailureRow) error { fails = append(fails, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(fails) != 1 || fails[0].Path != "bad.html" || fails[0].Record != 3 || fails[0].Reason != "no body" || fails[0].Time.IsZero() {
		t.Errorf("Failures = %+v", fails)
	}
}

func TestReplace(t *testing.T) {
	ctx := context.Background()
	newText := docSpec{title: "Storm hits coast (updated)", body: []string{"A storm hit the coast on Monday night.", "Thousands lost power."}, date: "2022-11-16", lang: "en", site: "example.com"}
	sameText := docSpec{title: "Storm hits coast: better title", body: docA.body, date: "2022-11-15", lang: "en", site: "example.com"}
	tests := []struct {
		name     string
		setup    []newsgraph.Item
		replace  int // index into setup of the input to replace
		with     newsgraph.Item
		wantDocs []string // document titles left, sorted by title
		wantFail int
		search   string
		hits     int
	}{
		{"same id, new content", []newsgraph.Item{docA.item("a", 0)}, 0, sameText.item("a", 0),
			[]string{"Storm hits coast: better title"}, 0, "better", 1},
		{"new id replaces unreferenced old", []newsgraph.Item{docA.item("a", 0)}, 0, newText.item("a", 0),
			[]string{"Storm hits coast (updated)"}, 0, "night", 1},
		{"old kept when another input uses it", []newsgraph.Item{docA.item("a", 0), docA2.item("b", 0)}, 0, newText.item("a", 0),
			[]string{"Storm hits coast", "Storm hits coast (updated)"}, 0, "storm", 2},
		{"new id already stored: link", []newsgraph.Item{docA.item("a", 0), docB.item("b", 0)}, 0, docB.item("a", 0),
			[]string{"Elections in Brazil"}, 0, "storm", 0},
		{"failure replaces document", []newsgraph.Item{docA.item("a", 0)}, 0, failureItem("a", 0, "", "now broken"),
			nil, 1, "storm", 0},
		{"document replaces failure", []newsgraph.Item{failureItem("c", 0, "<p>", "bad")}, 0, docB.item("c", 0),
			[]string{"Elections in Brazil"}, 0, "brazil", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			mustPut(t, s, tt.setup...)
			var ids []int64
			if err := s.Inputs(ctx, func(in *newsgraph.StoredInput) error { ids = append(ids, in.ID); return nil }); err != nil {
				t.Fatal(err)
			}
			if err := s.Replace(ctx, ids[tt.replace], tt.with); err != nil {
				t.Fatalf("Replace: %v", err)
			}
			var titles []string
			if err := s.Documents(ctx, func(d *newsgraph.Document) error { titles = append(titles, d.TitleText()); return nil }); err != nil {
				t.Fatal(err)
			}
			sortStrings(titles)
			if !reflect.DeepEqual(titles, tt.wantDocs) {
				t.Errorf("documents = %q, want %q", titles, tt.wantDocs)
			}
			st, _ := s.Stats(ctx)
			if st.Failures != tt.wantFail {
				t.Errorf("failures = %d, want %d", st.Failures, tt.wantFail)
			}
			res, err := s.Search(ctx, newsgraph.SearchQuery{Text: tt.search})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.hits || len(res.Hits) != tt.hits {
				t.Errorf("search %q: total %d, hits %d, want %d", tt.search, res.Total, len(res.Hits), tt.hits)
			}
			// Every input still points at a stored document or at none.
			var dangling int
			if err := s.reader.QueryRow(`SELECT count(*) FROM inputs WHERE doc_id IS NOT NULL AND doc_id NOT IN (SELECT id FROM documents)`).Scan(&dangling); err != nil || dangling != 0 {
				t.Errorf("dangling links: %d %v", dangling, err)
			}
			var ftsRows, docRows int
			s.reader.QueryRow(`SELECT count(*) FROM documents_fts`).Scan(&ftsRows)
			s.reader.QueryRow(`SELECT count(*) FROM documents`).Scan(&docRows)
			if ftsRows != docRows {
				t.Errorf("fts rows %d != documents %d", ftsRows, docRows)
			}
		})
	}
	t.Run("unknown input", func(t *testing.T) {
		s := openTest(t)
		if err := s.Replace(ctx, 42, docA.item("a", 0)); !errors.Is(err, newsgraph.ErrNotFound) {
			t.Errorf("err = %v, want ErrNotFound", err)
		}
	})
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func TestStats(t *testing.T) {
	s := openTest(t)
	noDate := docSpec{title: "Undated", body: []string{"No date here."}, lang: "de"}
	year := docSpec{title: "Old", body: []string{"Something in 2019."}, date: "2019", lang: "en", site: "news.org"}
	mustPut(t, s, docA.item("a", 0), docB.item("a", 1), docA2.item("b", 0), noDate.item("c", 0), year.item("c", 1),
		failureItem("d", 0, "<x>", "bad"))
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := &newsgraph.Stats{
		Documents: 4, Articles: 4, Inputs: 6, Failures: 1, Duplicates: 1,
		Languages:   map[string]int{"en": 3, "de": 1},
		Sites:       map[string]int{"example.com": 1, "news.org": 2, "": 1},
		Formats:     map[string]int{"text-record": 4},
		Boilerplate: map[string]int{"share": 8, "advertisement": 4},
		Precisions:  map[string]int{"day": 1, "month": 1, "year": 1, "": 1},
		Extractors:  map[string]int{newsgraph.ExtractorName(): 4},
		Oldest:      "2019",
		Newest:      "2022-11-15",
		Entities:    map[string]int{},
		Names:       map[string]int{},
	}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats:\ngot  %+v\nwant %+v", st, want)
	}
}

// TestMigrationInlineMentions upgrades a version-1 database whose mentions
// are rows to version 2, where they are the entity's spans.
func TestMigrationInlineMentions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	initSQL, err := migrationFiles.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	s, err := openWith(ctx, path, fstest.MapFS{"migrations/0001_init.sql": {Data: initSQL}})
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, docA.item("a", 0))
	var id string
	if err := s.reader.QueryRow("SELECT id FROM documents").Scan(&id); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO entities(doc_id, entity_id, name, name_key, type) VALUES (?, 'e1', 'Xi Jinping', 'xi jinping', 'PERSON')`,
		`INSERT INTO entities(doc_id, entity_id, name, name_key, type) VALUES (?, 'e2', 'Bali', 'bali', 'GPE')`,
		`INSERT INTO mentions(doc_id, entity_id, name, type, paragraph, start, "end", text) VALUES (?, 'e1', 'Xi Jinping', 'PERSON', 2, 0, 2, 'Xi')`,
		`INSERT INTO mentions(doc_id, entity_id, name, type, paragraph, start, "end", text) VALUES (?, 'e1', 'Xi Jinping', 'PERSON', 0, 18, 28, 'Xi Jinping')`,
	} {
		if _, err := s.writer.Exec(q, id); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]string{}
	rows, err := s.reader.Query("SELECT entity_id, mention_count, spans FROM entities")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e, spans string
		var n int
		if err := rows.Scan(&e, &n, &spans); err != nil {
			t.Fatal(err)
		}
		got[e] = strconv.Itoa(n) + " " + spans
	}
	want := map[string]string{"e1": "2 [[0,18,28],[2,0,2]]", "e2": "0 []"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after migration: %v, want %v", got, want)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mentions != 2 {
		t.Errorf("Stats.Mentions = %d, want 2", st.Mentions)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	// An "old" database: only the first migration.
	initSQL, err := migrationFiles.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{"migrations/0001_init.sql": {Data: initSQL}}
	s, err := openWith(ctx, path, old)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, docA.item("a", 0))
	s.Close()

	// A newer build with a second migration upgrades it and keeps the data.
	newer := fstest.MapFS{
		"migrations/0001_init.sql":  {Data: initSQL},
		"migrations/0002_extra.sql": {Data: []byte("ALTER TABLE documents ADD COLUMN extra TEXT;")},
	}
	for range 2 { // the second open must not re-apply anything
		s, err = openWith(ctx, path, newer)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := s.Migrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(vs, []int{1, 2}) {
			t.Errorf("migrations = %v", vs)
		}
		var n int
		if err := s.reader.QueryRow("SELECT count(*) FROM documents WHERE extra IS NULL").Scan(&n); err != nil || n != 1 {
			t.Errorf("documents after migration: %d %v", n, err)
		}
		s.Close()
	}

	// The real migrations open twice cleanly.
	p2 := filepath.Join(t.TempDir(), "r.db")
	for range 2 {
		s, err := Open(ctx, p2)
		if err != nil {
			t.Fatal(err)
		}
		vs, _ := s.Migrations(ctx)
		if len(vs) == 0 || vs[0] != 1 {
			t.Errorf("migrations = %v", vs)
		}
		s.Close()
	}

	bad := fstest.MapFS{"migrations/0001_init.sql": {Data: initSQL}, "migrations/0002_bad.sql": {Data: []byte("CREATE TABLE documents(x);")}}
	if _, err := openWith(ctx, filepath.Join(t.TempDir(), "b.db"), bad); err == nil {
		t.Error("a failing migration did not fail Open")
	}
}

func TestOpenRejectsMemory(t *testing.T) {
	for _, p := range []string{"", ":memory:"} {
		if _, err := Open(context.Background(), p); err == nil {
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	p := filepath.Join(t.TempDir(), "odd ?#%name.db")
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, docA.item("a", 0))
	s.Close()
	s, err = Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, _ := s.Stats(context.Background()); st.Documents != 1 {
		t.Errorf("reopened store has %d documents", st.Documents)
	}
}
