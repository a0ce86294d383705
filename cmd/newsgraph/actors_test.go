package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/registry"
	"github.com/newsgraph/newsgraph/sqlite"
)

// coded is an entity with an actor code and descriptors.
func coded(id, name, typ, code, source string, descriptors ...string) newsgraph.Entity {
	return newsgraph.Entity{ID: id, Name: name, Type: typ,
		Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: len([]rune(name)), Text: name}},
		Actor: &newsgraph.Actor{Code: code, Country: code[:3], Sectors: []string{code[3:]}, Kind: registry.KindFor(typ, code),
			Evidence: "test", Source: source, Descriptors: descriptors}}
}

// actorsDB stores a few documents whose entities carry actors and returns
// the database path.
func actorsDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "actors.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := []struct {
		date string
		ents []newsgraph.Entity
	}{
		{"2022-05-10", []newsgraph.Entity{coded("e1", "Yoon Suk Yeol", "PERSON", "KORGOV", "text", "South Korean President"), coded("e2", "Xi Jinping", "PERSON", "CHNGOV", "text", "Chinese President")}},
		{"2022-11-15", []newsgraph.Entity{coded("e1", "Yoon Suk Yeol", "PERSON", "KORGOV", "text", "South Korean President", "President"), coded("e2", "Xi Jinping", "PERSON", "CHNGOV", "kb")}},
		{"2023-01", []newsgraph.Entity{coded("e1", "Yoon Suk Yeol", "PERSON", "KORGOV", "text", "President")}},
		{"2021", []newsgraph.Entity{coded("e1", "Yoon Suk Yeol", "PERSON", "KORELI", "text", "former prosecutor general")}},
		{"2023-03-02", []newsgraph.Entity{coded("e1", "Samsung Electronics", "ORG", "KORBUS", "kb"), {ID: "e2", Name: "Seoul", Type: "GPE"}}},
	}
	var items []newsgraph.Item
	for i, d := range docs {
		doc := &newsgraph.Document{
			Source:     newsgraph.Source{Path: "actors.txt", Record: i, Format: newsgraph.FormatTextRecord},
			IsArticle:  true,
			Title:      newsgraph.StringPtr(fmt.Sprintf("Story %d", i)),
			Published:  newsgraph.Published{Date: d.date},
			Paragraphs: []string{fmt.Sprintf("The body of story %d.", i)},
			Entities:   d.ents,
		}
		doc.Normalize()
		items = append(items, newsgraph.Item{Doc: doc})
	}
	if _, err := st.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestActorsCommand(t *testing.T) {
	db := actorsDB(t)
	tests := []struct {
		name string
		args []string
	}{
		{"list", nil},
		{"list_json", []string{"--json"}},
		{"list_country", []string{"--country", "kor", "--type", "PERSON"}},
		{"list_code", []string{"--code", "CHN"}},
		{"list_page", []string{"--limit", "1", "--offset", "1"}},
		{"list_none", []string{"--country", "USA"}},
		{"detail", []string{"yoon", "suk", "YEOL"}},
		{"detail_json", []string{"Xi Jinping", "--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := cli(t, "", append([]string{"actors", "--db", db}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Check(t, filepath.Join("testdata", "actors_"+tt.name+".txt"), []byte(out))
		})
	}
}

func TestActorsOverrides(t *testing.T) {
	db := actorsDB(t)
	file := filepath.Join(t.TempDir(), "overrides.txt")
	if err := os.WriteFile(file, []byte("# corrections\nYoon Suk Yeol = KORELI 2025-04-04..  # removed from office\nYoon Suk Yeol = KORGOV ..2025-04-03\nKim Keon-hee = KORELI\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, "", "actors", "--db", db, "--overrides", file)
	if code != 0 || !strings.Contains(out, "loaded 3 override(s)") {
		t.Fatalf("load: exit %d: %s %s", code, out, errs)
	}
	code, out, _ = cli(t, "", "actors", "--db", db, "Yoon Suk Yeol")
	if code != 0 || !strings.Contains(out, "code:        KORELI — South Korea · elites / former officials (override)") ||
		!strings.Contains(out, "evidence:    override: Yoon Suk Yeol = KORELI 2025-04-04..") {
		t.Errorf("overridden actor: exit %d:\n%s", code, out)
	}
	code, out, _ = cli(t, "", "actors", "--db", db, "--country", "KOR")
	if code != 0 || !strings.Contains(out, "KORELI*") {
		t.Errorf("list does not mark the override: %s", out)
	}
	// An overridden name no document mentions has a detail view.
	if code, out, _ := cli(t, "", "actors", "--db", db, "kim keon-hee"); code != 0 || !strings.Contains(out, "documents:   0") {
		t.Errorf("kim keon-hee: exit %d: %s", code, out)
	}
	// Loading again replaces; standard input works.
	if code, out, errs := cli(t, "Acme = KORBUS\n", "actors", "--db", db, "--overrides", "-"); code != 0 || !strings.Contains(out, "loaded 1 override(s) from -") {
		t.Fatalf("load from stdin: exit %d: %s %s", code, out, errs)
	}
	if code, _, _ := cli(t, "", "actors", "--db", db, "kim keon-hee"); code != 1 {
		t.Errorf("a replaced override is still there: exit %d", code)
	}
	// A bad file names its line and loads nothing.
	code, _, errs = cli(t, "Acme = KORBUS\nBroken line\n", "actors", "--db", db, "--overrides", "-")
	if code != 1 || !strings.Contains(errs, "-: line 2: no '='") {
		t.Errorf("bad file: exit %d: %s", code, errs)
	}
	if code, _, errs := cli(t, "", "actors", "--db", db, "--overrides", filepath.Join(t.TempDir(), "missing.txt")); code != 1 || !strings.Contains(errs, "open overrides") {
		t.Errorf("missing file: exit %d: %s", code, errs)
	}
}

func TestActorsErrors(t *testing.T) {
	db := actorsDB(t)
	if code, _, errs := cli(t, "", "actors", "--db", db, "Nobody"); code != 1 || !strings.Contains(errs, `no actor "Nobody"`) {
		t.Errorf("unknown actor: exit %d: %s", code, errs)
	}
	if code, _, _ := cli(t, "", "actors", "--db", db, "--limit", "0"); code != 1 {
		t.Errorf("--limit 0: exit %d", code)
	}
	if code, out, errs := cli(t, "", "actors", "--help"); code != 0 || !strings.Contains(out+errs, "NAME = CODE [FROM..TO]") {
		t.Errorf("help: exit %d", code)
	}
}
