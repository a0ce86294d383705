package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// docSpec describes a test document briefly.
type docSpec struct {
	raw   string // raw input bytes; defaults to title + body
	title string
	body  []string
	date  string
	lang  string
	site  string
}

func (d docSpec) item(path string, rec int) newsgraph.Item {
	raw := d.raw
	if raw == "" {
		raw = d.title + "\n" + strings.Join(d.body, "\n")
	}
	prec := map[int]newsgraph.Precision{4: newsgraph.PrecisionYear, 7: newsgraph.PrecisionMonth, 10: newsgraph.PrecisionDay}[len(d.date)]
	doc := &newsgraph.Document{
		Source:     newsgraph.Source{Path: path, Record: rec, Format: newsgraph.FormatTextRecord, Site: d.site, URL: urlFor(d.site, rec)},
		IsArticle:  true,
		Title:      newsgraph.StringPtr(d.title),
		Language:   newsgraph.StringPtr(d.lang),
		Published:  newsgraph.Published{Date: d.date, Precision: prec, Origin: originFor(d.date)},
		Paragraphs: d.body,
		Boilerplate: []newsgraph.BoilerplateLine{
			{Text: "Share this", Kind: newsgraph.KindShare},
			{Text: "Advertisement", Kind: newsgraph.KindAdvertisement},
			{Text: "Share on X", Kind: newsgraph.KindShare},
		},
	}
	doc.Normalize()
	return newsgraph.Item{
		Input: &newsgraph.Input{Path: path, Record: rec, Format: newsgraph.FormatTextRecord, Data: []byte(raw),
			Hints: newsgraph.Hints{Title: d.title, Date: d.date}},
		Doc: doc,
	}
}

func urlFor(site string, rec int) string {
	if site == "" {
		return ""
	}
	return fmt.Sprintf("https://%s/article/%d", site, rec)
}

func originFor(date string) string {
	if date == "" {
		return ""
	}
	return newsgraph.OriginHeader
}

func failureItem(path string, rec int, raw, reason string) newsgraph.Item {
	return newsgraph.Item{
		Input:   &newsgraph.Input{Path: path, Record: rec, Format: newsgraph.FormatHTML, Data: []byte(raw)},
		Failure: &newsgraph.Failure{Path: path, Record: rec, Format: newsgraph.FormatHTML, Reason: reason, Data: []byte(raw)},
	}
}

func mustPut(t testing.TB, s *Store, items ...newsgraph.Item) []newsgraph.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), items)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}
