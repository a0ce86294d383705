package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestExtractJSONL(t *testing.T) {
	page := `<html lang=\"de\"><head><title>Hafen wieder offen</title></head><body><article><h1>Hafen wieder offen</h1>` +
		`<p>Der Hafen ist nach einer Woche Reparaturarbeiten an der Kaimauer am Dienstag wieder geöffnet worden, teilte die Hafenbehörde mit. Die Fischerboote kehrten am Nachmittag an ihre Liegeplätze zurück.</p>` +
		`<p>Die Fähre fährt ab Donnerstag wieder, am Wochenende mit zusätzlichen Fahrten. Die Arbeiten kosteten nach Angaben der Stadt zwei Millionen Euro, und ein neuer Anleger soll bis 2025 fertig sein.</p>` +
		`<p>Händler am Hafen sprachen von einer großen Erleichterung, weil viele Besucher in der vergangenen Woche ausgeblieben waren und die Saison bald beginnt.</p></article></body></html>`
	tests := []struct {
		name, line string
		wantErr    string
		check      func(t *testing.T, d *newsgraph.Document)
	}{
		{"text with url date", `{"url": "https://www.example.org/news/2023/05/02/harbour", "title": " Harbour  reopens ", "text": "First paragraph of the story, long enough to read as a real article body for the test.\n\nSecond paragraph, also with a few words more to make the article long enough to count as one.\nThird one closes it with a full stop and some more words in it.", "language": "en-GB"}`, "",
			func(t *testing.T, d *newsgraph.Document) {
				if len(d.Paragraphs) != 3 || d.TitleText() != "Harbour reopens" || d.LanguageCode() != "en" || d.Source.Site != "example.org" {
					t.Errorf("got %d paragraphs, title %q, language %q, site %q", len(d.Paragraphs), d.TitleText(), d.LanguageCode(), d.Source.Site)
				}
				if d.Published.Date != "2023-05-02" || d.Published.Origin != newsgraph.OriginURL {
					t.Errorf("published %+v", d.Published)
				}
			}},
		{"explicit date is taken at face value", `{"date": "2023-01-01T08:30:00Z", "text": "A paragraph."}`, "",
			func(t *testing.T, d *newsgraph.Document) {
				if d.Published.Date != "2023-01-01" || d.Published.Precision != newsgraph.PrecisionDay || d.Published.Raw != "2023-01-01T08:30:00Z" || d.Published.Time != "08:30" {
					t.Errorf("published %+v", d.Published)
				}
			}},
		{"month date", `{"date": "2023-04", "text": "A paragraph."}`, "",
			func(t *testing.T, d *newsgraph.Document) {
				if d.Published.Date != "2023-04" || d.Published.Precision != newsgraph.PrecisionMonth {
					t.Errorf("published %+v", d.Published)
				}
			}},
		{"html", `{"url": "https://hafen.example.de/x", "html": "` + page + `"}`, "",
			func(t *testing.T, d *newsgraph.Document) {
				if d.Source.Format != newsgraph.FormatJSONL || d.LanguageCode() != "de" || d.TitleText() != "Hafen wieder offen" {
					t.Errorf("format %s, language %q, title %q", d.Source.Format, d.LanguageCode(), d.TitleText())
				}
				if len(d.Paragraphs) == 0 || strings.HasPrefix(d.Paragraphs[0], "Hafen wieder offen") {
					t.Errorf("paragraphs %q: the headline should not open the body", d.Paragraphs)
				}
			}},
		{"neither text nor html", `{"title": "x"}`, "neither text nor html", nil},
		{"wrong types", `{"text": 5}`, "malformed JSON", nil},
	}
	ex := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ex.Extract(context.Background(), &newsgraph.Input{Path: "in.jsonl", Format: newsgraph.FormatJSONL, Data: []byte(tt.line)})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, d)
		})
	}
}

func TestExtractTextErrors(t *testing.T) {
	ex := NewExtractor()
	for _, tt := range []struct {
		name string
		data string
		want string
	}{
		{"invalid utf-8", "Caf\xe9 au lait in the morning is a habit.\n", "not valid UTF-8"},
		{"nul bytes", "text\x00more text", "binary"},
		{"only a header", " date 2022-01-01\n\n", "no text"},
	} {
		_, err := ex.Extract(context.Background(), &newsgraph.Input{Path: "x.txt", Format: newsgraph.FormatTextRecord, Data: []byte(tt.data)})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
