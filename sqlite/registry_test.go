package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/registry"
)

// ent is a test entity: name, type, code ("" for none), source and
// descriptors.
func ent(name, typ, code, source string, descriptors ...string) newsgraph.Entity {
	e := newsgraph.Entity{ID: "e-" + strings.ToLower(strings.ReplaceAll(name, " ", "-")) + "-" + code, Name: name, Type: typ,
		Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 1, Text: "x"}}}
	if code != "" {
		prefix, sectors := registry.SplitCode(code)
		e.Actor = &newsgraph.Actor{Code: code, Country: prefix, Sectors: sectors, Kind: registry.KindFor(typ, code),
			Evidence: "test", Source: source, Descriptors: descriptors}
		if source == newsgraph.ActorFromKB {
			e.Actor.KBID = "wikidata:Q1"
		}
	}
	return e
}

// actorItem is a document with a unique body, a date and entities.
func actorItem(n int, date string, ents ...newsgraph.Entity) newsgraph.Item {
	it := docSpec{title: fmt.Sprintf("Story %d", n), body: []string{fmt.Sprintf("Body of story number %d.", n)}, date: date, lang: "en"}.item("actors.txt", n)
	it.Doc.Entities = ents
	return it
}

func TestRegistryCounts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustPut(t, s,
		actorItem(1, "2022-05-10",
			ent("Yoon Suk Yeol", "PERSON", "KORGOV", "text", "South Korean President", "President"),
			// The same actor twice in one document counts once.
			ent("YOON SUK YEOL", "PERSON", "KORGOV", "text", "South Korean President"),
			ent("Seoul", "GPE", "", "")),
		actorItem(2, "2023-01", ent("Yoon Suk Yeol", "PERSON", "KORGOV", "text", "President")),
		actorItem(3, "2021", ent("Yoon Suk Yeol", "PERSON", "KORELI", "kb", "former prosecutor")),
		actorItem(4, "", ent("Yoon Suk Yeol", "PERSON", "KORGOV", "", " South  Korean President ")),
		actorItem(5, "2023-01-20", ent("Xi Jinping", "PERSON", "CHNGOV", "text")),
	)
	got, err := s.Actor(ctx, "yoon suk yeol")
	if err != nil {
		t.Fatal(err)
	}
	want := &newsgraph.RegisteredActor{
		Key: "yoon suk yeol", Name: "Yoon Suk Yeol", Type: "PERSON", Documents: 4, FirstDate: "2021", LastDate: "2023-01",
		Actor: &newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: "person",
			// Two descriptors of two documents each: the latest wins.
			Evidence: `registry: "President" ×2 (2022-05 … 2023-01)`, Source: newsgraph.ActorFromRegistry},
		Codes: []newsgraph.CodeCount{
			{Code: "KORGOV", Source: "text", Count: 3, FirstDate: "2022-05-10", LastDate: "2023-01"},
			{Code: "KORELI", Source: "kb", Count: 1, FirstDate: "2021", LastDate: "2021"},
		},
		Descriptors: []newsgraph.DescriptorCount{
			{Descriptor: "President", Code: "KORGOV", Count: 2, FirstDate: "2022-05-10", LastDate: "2023-01"},
			{Descriptor: "South Korean President", Code: "KORGOV", Count: 2, FirstDate: "2022-05-10", LastDate: "2022-05-10"},
			{Descriptor: "former prosecutor", Code: "KORELI", Count: 1, FirstDate: "2021", LastDate: "2021"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Actor:\ngot  %s\nwant %s", dump(got), dump(want))
	}
	months, err := s.ActorMonths(ctx, "yoon suk yeol")
	if err != nil {
		t.Fatal(err)
	}
	if want := []newsgraph.MonthCount{{Month: "2022-05", Count: 1}, {Month: "2023-01", Count: 1}}; !reflect.DeepEqual(months, want) {
		t.Errorf("months = %v, want %v", months, want)
	}
	if _, err := s.Actor(ctx, "seoul"); !errors.Is(err, newsgraph.ErrNotFound) {
		t.Errorf("an entity without a code is in the registry: %v", err)
	}
	// The documents of an actor come from Search.
	res, err := s.Search(ctx, newsgraph.SearchQuery{Entity: "Yoon Suk Yeol", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 {
		t.Errorf("Search by entity: %d documents, want 4", res.Total)
	}
}

// registryDump is every registry row, as text, for comparing stores.
func registryDump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT key, name, type, docs, first_date, last_date, code, country FROM registry ORDER BY key`,
		`SELECT key, code, source, country, sectors, kind, kb_id, count, first_date, last_date FROM registry_codes ORDER BY key, code, source`,
		`SELECT key, descriptor, code, count, first_date, last_date FROM registry_descriptors ORDER BY key, descriptor`,
		`SELECT key, month, count FROM registry_months ORDER BY key, month`,
	} {
		rows, err := s.reader.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if v.Valid {
					b.WriteString(v.String)
				} else {
					b.WriteString("NULL")
				}
				b.WriteByte('|')
			}
			b.WriteByte('\n')
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

// TestRegistryUndo replaces and re-puts documents at random and checks
// that the registry always equals the one a new store builds from the
// documents that remain: clearDoc undoes exactly what a document added,
// date bounds included.
func TestRegistryUndo(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	names := []string{"Yoon Suk Yeol", "Xi Jinping", "Kim Keon-hee"}
	codes := map[string][]string{"Yoon Suk Yeol": {"KORGOV", "KORELI"}, "Xi Jinping": {"CHNGOV"}, "Kim Keon-hee": {"KORELI", "KORCVL"}}
	descs := map[string]string{"KORGOV": "President", "KORELI": "former official", "CHNGOV": "Chinese President", "KORCVL": "first lady"}
	dates := []string{"", "2020", "2021-03", "2021-03-04", "2022-07-01", "2022-07", "2023-12-31"}
	randomDoc := func(n int) *newsgraph.Document {
		var ents []newsgraph.Entity
		for _, name := range names {
			if rng.IntN(3) == 0 {
				continue
			}
			cs := codes[name]
			code := cs[rng.IntN(len(cs))]
			src := []string{"text", "kb", "registry", "override"}[rng.IntN(4)]
			var ds []string
			if rng.IntN(2) == 0 {
				ds = append(ds, descs[code])
			}
			ents = append(ents, ent(name, "PERSON", code, src, ds...))
			if rng.IntN(4) == 0 { // a second mention group of the same name
				e := ent(name, "PERSON", code, src, ds...)
				e.ID += "-2"
				ents = append(ents, e)
			}
		}
		return actorItem(n, dates[rng.IntN(len(dates))], ents...).Doc
	}
	s := openTest(t)
	const inputs = 12
	current := map[int64]*newsgraph.Document{}
	for i := range inputs {
		d := randomDoc(i)
		mustPut(t, s, newsgraph.Item{Input: &newsgraph.Input{Path: "in", Record: i, Data: []byte(fmt.Sprint("input ", i))}, Doc: d})
	}
	var ids []int64
	if err := s.Inputs(ctx, func(in *newsgraph.StoredInput) error { ids = append(ids, in.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	check := func(step int) {
		t.Helper()
		fresh := openTest(t)
		if err := s.Documents(ctx, func(d *newsgraph.Document) error {
			_, err := fresh.Put(ctx, []newsgraph.Item{{Doc: d}})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, want := registryDump(t, s), registryDump(t, fresh); got != want {
			t.Fatalf("step %d: registry differs from a fresh store's:\ngot\n%s\nwant\n%s", step, got, want)
		}
	}
	check(0)
	for step := 1; step <= 40; step++ {
		id := ids[rng.IntN(len(ids))]
		var it newsgraph.Item
		switch r := rng.IntN(10); {
		case r < 5: // same document (same body), new annotations and date
			var old *newsgraph.Document
			if err := s.Inputs(ctx, func(in *newsgraph.StoredInput) error {
				if in.ID == id && in.DocID != "" {
					old, _ = s.Document(ctx, in.DocID)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			d := randomDoc(int(id))
			if old != nil {
				d.Paragraphs, d.Title, d.ID = old.Paragraphs, old.Title, old.ID
			}
			it = newsgraph.Item{Doc: d}
		case r < 9: // another document
			it = newsgraph.Item{Doc: randomDoc(1000 + step)}
		default: // a failure
			it = newsgraph.Item{Failure: &newsgraph.Failure{Reason: "gone"}}
		}
		if err := s.Replace(ctx, id, it); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		current[id] = it.Doc
		check(step)
	}
	// Removing everything empties the registry.
	for _, id := range ids {
		if err := s.Replace(ctx, id, newsgraph.Item{Failure: &newsgraph.Failure{Reason: "gone"}}); err != nil {
			t.Fatal(err)
		}
	}
	if got := registryDump(t, s); got != "--\n--\n--\n--\n" {
		t.Errorf("registry after removing every document:\n%s", got)
	}
}

func TestLearnedActor(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		items     []newsgraph.Item
		overrides string
		ask       string
		want      *newsgraph.Actor
	}{
		{"unknown", nil, "", "Nobody", nil},
		{"most documents, case-insensitive",
			[]newsgraph.Item{
				actorItem(1, "2022-05-10", ent("Yoon Suk Yeol", "PERSON", "KORGOV", "text", "South Korean President")),
				actorItem(2, "2024-12-03", ent("Yoon Suk Yeol", "PERSON", "KORGOV", "text", "South Korean President")),
				actorItem(3, "2023", ent("Yoon Suk Yeol", "PERSON", "KORELI", "text", "former prosecutor")),
			}, "", "YOON suk yeol",
			&newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: "person",
				Evidence: `registry: "South Korean President" ×2 (2022-05 … 2024-12)`, Source: newsgraph.ActorFromRegistry}},
		{"tie goes to the latest",
			[]newsgraph.Item{
				actorItem(1, "2020-01", ent("Kim", "PERSON", "KORMIL", "text")),
				actorItem(2, "2021-06", ent("Kim", "PERSON", "KORGOV", "text")),
			}, "", "Kim",
			&newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: "person",
				Evidence: "registry: KORGOV in 1 document (2021-06)", Source: newsgraph.ActorFromRegistry}},
		{"an override code beats a more frequent one",
			[]newsgraph.Item{
				actorItem(1, "2020-01", ent("Kim", "PERSON", "KORMIL", "text")),
				actorItem(2, "2020-02", ent("Kim", "PERSON", "KORMIL", "text")),
				actorItem(3, "2019", ent("Kim", "PERSON", "KORBUS", "override")),
			}, "", "Kim",
			&newsgraph.Actor{Code: "KORBUS", Country: "KOR", Sectors: []string{"BUS"}, Kind: "person",
				Evidence: "registry: KORBUS in 1 document (2019)", Source: newsgraph.ActorFromRegistry}},
		{"the registry's own codes never count",
			[]newsgraph.Item{
				actorItem(1, "2020-01", ent("Kim", "PERSON", "KORMIL", "registry", "general")),
				actorItem(2, "2020-02", ent("Kim", "PERSON", "KORMIL", "registry", "general")),
			}, "", "Kim", nil},
		{"registry codes are ignored beside others",
			[]newsgraph.Item{
				actorItem(1, "2020-01", ent("Kim", "PERSON", "KORMIL", "registry")),
				actorItem(2, "2020-02", ent("Kim", "PERSON", "KORMIL", "registry")),
				actorItem(3, "2020-03", ent("Kim", "PERSON", "KORGOV", "kb")),
			}, "", "kim",
			&newsgraph.Actor{Code: "KORGOV", Country: "KOR", Sectors: []string{"GOV"}, Kind: "person", KBID: "wikidata:Q1",
				Evidence: "registry: KORGOV in 1 document (2020-03)", Source: newsgraph.ActorFromRegistry}},
		{"a loaded override first, the open-ended one",
			[]newsgraph.Item{actorItem(1, "2020-01", ent("Jane Doe", "PERSON", "USAOPP", "text"))},
			"Jane Doe = USAGOV 2025-01-20..\nJane Doe = USAOPP ..2025-01-19\n", "jane doe",
			&newsgraph.Actor{Code: "USAGOV", Country: "USA", Sectors: []string{"GOV"}, Kind: "person",
				Evidence: "registry override: Jane Doe = USAGOV 2025-01-20..", Source: newsgraph.ActorFromRegistry}},
		{"an override of a name never seen",
			nil, "United Nations = IGOUNO", "United Nations",
			&newsgraph.Actor{Code: "IGOUNO", Sectors: []string{"UNO"},
				Evidence: "registry override: United Nations = IGOUNO", Source: newsgraph.ActorFromRegistry}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			if len(tt.items) > 0 {
				mustPut(t, s, tt.items...)
			}
			if tt.overrides != "" {
				os, err := registry.ParseOverrides(strings.NewReader(tt.overrides))
				if err != nil {
					t.Fatal(err)
				}
				if err := s.SetOverrides(ctx, os); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.LearnedActor(ctx, tt.ask)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("LearnedActor(%q):\ngot  %s\nwant %s", tt.ask, dump(got), dump(tt.want))
			}
		})
	}
}

func TestActors(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var items []newsgraph.Item
	n := 0
	add := func(count int, e newsgraph.Entity) {
		for range count {
			n++
			items = append(items, actorItem(n, fmt.Sprintf("2022-%02d", 1+n%12), e))
		}
	}
	add(5, ent("Yoon Suk Yeol", "PERSON", "KORGOV", "text", "President"))
	add(4, ent("Xi Jinping", "PERSON", "CHNGOV", "text", "Chinese President"))
	add(3, ent("Samsung", "ORG", "KORBUS", "kb"))
	add(2, ent("Kim Jong Un", "PERSON", "PRKGOV", "text", "North Korean leader"))
	add(1, ent("Jane Doe", "PERSON", "USAOPP", "text"))
	mustPut(t, s, items...)
	if err := s.SetOverrides(ctx, []registry.Override{{Name: "Jane Doe", Code: "KORGOV"}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    newsgraph.ActorQuery
		want []string // "key code docs"
	}{
		{newsgraph.ActorQuery{}, []string{"yoon suk yeol KORGOV 5", "xi jinping CHNGOV 4", "samsung KORBUS 3", "kim jong un PRKGOV 2", "jane doe KORGOV 1"}},
		{newsgraph.ActorQuery{Country: "kor"}, []string{"yoon suk yeol KORGOV 5", "samsung KORBUS 3", "jane doe KORGOV 1"}},
		{newsgraph.ActorQuery{Country: "USA"}, nil},
		{newsgraph.ActorQuery{Code: "KORG"}, []string{"yoon suk yeol KORGOV 5", "jane doe KORGOV 1"}},
		{newsgraph.ActorQuery{Code: "USA"}, nil},
		{newsgraph.ActorQuery{Type: "org"}, []string{"samsung KORBUS 3"}},
		{newsgraph.ActorQuery{Query: "JIN"}, []string{"xi jinping CHNGOV 4"}},
		{newsgraph.ActorQuery{Country: "KOR", Type: "PERSON", Limit: 1, Offset: 1}, []string{"jane doe KORGOV 1"}},
		{newsgraph.ActorQuery{Limit: 2}, []string{"yoon suk yeol KORGOV 5", "xi jinping CHNGOV 4"}},
		{newsgraph.ActorQuery{Offset: 10}, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.q), func(t *testing.T) {
			got, err := s.Actors(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, a := range got {
				code := ""
				if a.Actor != nil {
					code = a.Actor.Code
				}
				keys = append(keys, fmt.Sprintf("%s %s %d", a.Key, code, a.Documents))
			}
			if !reflect.DeepEqual(keys, tt.want) {
				t.Errorf("got %q, want %q", keys, tt.want)
			}
		})
	}
	all, err := s.Actors(ctx, newsgraph.ActorQuery{Query: "yoon"})
	if err != nil || len(all) != 1 {
		t.Fatalf("Actors: %v %v", all, err)
	}
	if a := all[0]; len(a.Codes) != 1 || len(a.Descriptors) != 1 || a.Descriptors[0].Count != 5 || a.Actor.Evidence != `registry: "President" ×5 (2022-02 … 2022-06)` {
		t.Errorf("listed actor: %s", dump(a))
	}
	jane, err := s.Actor(ctx, "jane doe")
	if err != nil {
		t.Fatal(err)
	}
	if jane.Actor.Code != "KORGOV" || jane.Actor.Source != newsgraph.ActorFromOverride || jane.Codes[0].Code != "USAOPP" {
		t.Errorf("overridden actor: %s", dump(jane))
	}
}

func TestOverridesStore(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	os, err := registry.ParseOverrides(strings.NewReader("Jane Doe = USAGOV 2025-01-20..\nJane Doe = USAOPP ..2025-01-19\nAcme = KORBUS\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetOverrides(ctx, os); err != nil {
		t.Fatal(err)
	}
	got, err := s.Overrides(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []registry.Override{{Name: "Acme", Code: "KORBUS"}, {Name: "Jane Doe", Code: "USAOPP", To: "2025-01-19"}, {Name: "Jane Doe", Code: "USAGOV", From: "2025-01-20"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Overrides = %+v, want %+v", got, want)
	}
	// An overridden name that no document mentions is still an actor.
	a, err := s.Actor(ctx, "acme")
	if err != nil || a.Documents != 0 || a.Actor == nil || a.Actor.Code != "KORBUS" {
		t.Errorf("Actor(acme) = %s, %v", dump(a), err)
	}
	// Loading replaces.
	if err := s.SetOverrides(ctx, os[2:]); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Overrides(ctx); len(got) != 1 {
		t.Errorf("after reload: %+v", got)
	}
	if err := s.SetOverrides(ctx, []registry.Override{{Name: "X", Code: "bad"}}); err == nil {
		t.Error("a malformed code was stored")
	}
	if err := s.SetOverrides(ctx, []registry.Override{{Name: "X", Code: "USA"}, {Name: "x", Code: "KOR"}}); err == nil {
		t.Error("two overrides of one name from the same date were stored")
	}
	if got, _ := s.Overrides(ctx); len(got) != 1 {
		t.Errorf("a failed load changed the overrides: %+v", got)
	}
}

func dump(v any) string { return fmt.Sprintf("%+v", deref(v)) }

func deref(v any) any {
	switch x := v.(type) {
	case *newsgraph.Actor:
		if x != nil {
			return *x
		}
	case *newsgraph.RegisteredActor:
		if x != nil {
			a := *x
			return struct {
				newsgraph.RegisteredActor
				Actor any
			}{a, deref(a.Actor)}
		}
	case newsgraph.RegisteredActor:
		return deref(&x)
	}
	return v
}

// TestRegistryBatch checks that a batch of documents leaves the registry
// as putting them one at a time does: the writer sums a transaction's
// additions before writing them.
func TestRegistryBatch(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 99))
		dates := []string{"", "2020", "2021-03", "2021-03-04", "2022-07-01", "2022-07", "2023-12-31"}
		var items []newsgraph.Item
		for n := range 30 {
			var ents []newsgraph.Entity
			for j, name := range []string{"Yoon Suk Yeol", "Xi Jinping", "Moon Jae-in"} {
				if rng.IntN(2) == 0 {
					continue
				}
				code := []string{"KORGOV", "KORELI", "CHNGOV"}[rng.IntN(3)]
				// One descriptor, several codes: the stored code is the
				// latest document's.
				e := ent(name, "PERSON", code, []string{"text", "kb", ""}[rng.IntN(3)], "President", []string{"leader", "former leader"}[rng.IntN(2)])
				if rng.IntN(3) == 0 {
					e.Actor.KBID = fmt.Sprintf("wikidata:Q%d", j)
				}
				ents = append(ents, e)
			}
			items = append(items, actorItem(n, dates[rng.IntN(len(dates))], ents...))
		}
		batched, single := openTest(t), openTest(t)
		mustPut(t, batched, items[:10]...)
		mustPut(t, batched, items[10:]...)
		for _, it := range items {
			if _, err := single.Put(ctx, []newsgraph.Item{it}); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := registryDump(t, batched), registryDump(t, single); got != want {
			t.Fatalf("seed %d: batched registry differs:\ngot\n%s\nwant\n%s", seed, got, want)
		}
	}
}

// TestMigrationActorRegistry upgrades a version-2 database, whose entity
// rows may carry an actor code but no actor JSON, to the registry.
func TestMigrationActorRegistry(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	old := fstest.MapFS{}
	for _, name := range []string{"migrations/0001_init.sql", "migrations/0002_entity_mentions_inline.sql"} {
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	s, err := openWith(ctx, path, old)
	if err != nil {
		t.Fatal(err)
	}
	it := actorItem(1, "2022-05")
	mustPut(t, s, it)
	for _, q := range []string{
		`INSERT INTO entities(doc_seq, entity_id, name, name_key, type, actor_code, actor_country) VALUES (1, 'e1', 'Xi Jinping', 'xi jinping', 'PERSON', 'CHNGOV', 'CHN')`,
		`INSERT INTO actors(code, country) VALUES ('CHNGOV', 'CHN')`,
		`INSERT INTO actor_descriptors(actor, descriptor, count) VALUES ('CHNGOV', 'Xi Jinping', 1)`,
	} {
		if _, err := s.writer.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, table := range []string{"actors", "actor_descriptors"} {
		if err := s.reader.QueryRow("SELECT count(*) FROM " + table).Scan(new(int)); err == nil {
			t.Errorf("table %s survived the migration", table)
		}
	}
	// The old document is replaced by a coded one: nothing to undo, then
	// the registry counts it.
	var inputID int64
	if err := s.reader.QueryRow("SELECT id FROM inputs").Scan(&inputID); err != nil {
		t.Fatal(err)
	}
	d := *it.Doc
	d.Entities = []newsgraph.Entity{ent("Xi Jinping", "PERSON", "CHNGOV", "text", "Chinese President")}
	if err := s.Replace(ctx, inputID, newsgraph.Item{Doc: &d}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Actor(ctx, "xi jinping")
	if err != nil || a.Documents != 1 || a.Actor.Code != "CHNGOV" {
		t.Errorf("after replace: %s %v", dump(a), err)
	}
}
