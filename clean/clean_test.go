package clean

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/pubdate"
)

const seedPath = "../../shared/seeds/000_5150d573eb016490.txt"

func extract(t *testing.T, path string, data []byte) *newsgraph.Document {
	t.Helper()
	doc, err := NewExtractor().Extract(context.Background(), &newsgraph.Input{Path: path, Format: newsgraph.FormatTextRecord, Data: data})
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return doc
}

func TestSeedRecord(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("the seed record %s is absent (it lives in ../shared): %v", seedPath, err)
	}
	doc := extract(t, "seed.txt", data)
	if got, want := doc.TitleText(), "China ready to work with South Korea for regional peace, stability"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if len(doc.Paragraphs) != 13 {
		t.Fatalf("%d paragraphs, want 13", len(doc.Paragraphs))
	}
	if !strings.HasPrefix(doc.Paragraphs[0], "Chinese President Xi Jinping said on Tuesday") {
		t.Errorf("first paragraph %q", doc.Paragraphs[0])
	}
	if !strings.HasSuffix(doc.Paragraphs[12], "he said.") {
		t.Errorf("last paragraph %q", doc.Paragraphs[12])
	}
	kinds := map[string]int{}
	for _, b := range doc.Boilerplate {
		kinds[b.Kind]++
	}
	if len(doc.Boilerplate) != 7 || kinds[newsgraph.KindHeader] != 1 || kinds[newsgraph.KindTitle] != 1 || kinds[newsgraph.KindHeadline] != 5 {
		t.Errorf("boilerplate kinds %v, want header 1, title 1, headline 5", kinds)
	}
	if doc.Boilerplate[0].Text != "Chinese President Xi Jinping" {
		t.Errorf("first boilerplate line %q, want the header's text", doc.Boilerplate[0].Text)
	}
	p := doc.Published
	if p.Date != "2022" || p.Precision != newsgraph.PrecisionYear || p.Raw != "2022-01-01" || p.Origin != newsgraph.OriginHeader {
		t.Errorf("published = %+v, want 2022 / year / raw 2022-01-01 / header", p)
	}
	if doc.LanguageCode() != "en" || !doc.IsArticle {
		t.Errorf("language %q, article %v", doc.LanguageCode(), doc.IsArticle)
	}
	golden.JSON(t, filepath.Join("testdata", "seed.golden.json"), doc)
}

// TestRecords pins whole records written for this test: each
// testdata/records/NAME.txt has its expected JSON in NAME.golden.json.
func TestRecords(t *testing.T) {
	files, _ := filepath.Glob("testdata/records/*.txt")
	if len(files) == 0 {
		t.Fatal("no records in testdata/records")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := extract(t, name+".txt", data)
			golden.JSON(t, filepath.Join("testdata", "records", name+".golden.json"), doc)
		})
	}
}

func TestHeader(t *testing.T) {
	body := "The foreign ministers of both countries met in the capital on Monday to discuss trade, energy and the security of shipping lanes in the region.\n" +
		"Officials said the talks lasted three hours and ended with an agreement to meet again before the end of the year.\n" +
		"\"We have made real progress,\" one minister told reporters after the meeting.\n"
	tests := []struct {
		name      string
		record    string
		wantFirst string // first paragraph
		wantKind  string // kind of the header's boilerplate line, "" when it is body
		wantTitle string
		wantDate  string
		wantPrec  newsgraph.Precision
	}{
		{"first words", " date 2022-01-01 The foreign ministers\n" + body + "Ministers agree to meet again on trade and energy\n", "The foreign ministers of both", newsgraph.KindHeader, "Ministers agree to meet again on trade and energy", "2022", newsgraph.PrecisionYear},
		{"moved-up lead", " date 2023-05-17 The foreign ministers of both countries met in the capital on Monday to discuss trade, energy and the security of shipping lanes.\n" +
			"Officials said the talks lasted three hours and ended with an agreement to meet again before the end of the year.\n\"We have made real progress,\" one minister told reporters after the meeting, which both sides described as friendly and useful.\n",
			"The foreign ministers of both countries met in the capital on Monday", "", "", "2023-05-17", newsgraph.PrecisionDay},
		{"headline", " date 2022-11 Foreign ministers agree to meet again on trade and energy\n" + body, "The foreign ministers of both", newsgraph.KindTitle, "Foreign ministers agree to meet again on trade and energy", "2022-11", newsgraph.PrecisionMonth},
		{"timestamp text beats the header date", " date 2020-06-01 Sunday May 31, 2020\n" + body, "The foreign ministers of both", newsgraph.KindHeader, "", "2020-05-31", newsgraph.PrecisionDay},
		{"furniture", " date 2021-03-04 World\n" + body, "The foreign ministers of both", newsgraph.KindHeader, "", "2021-03-04", newsgraph.PrecisionDay},
		{"no header", body, "The foreign ministers of both", "-", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract(t, "x.txt", []byte(tt.record))
			if len(doc.Paragraphs) == 0 || !strings.HasPrefix(doc.Paragraphs[0], tt.wantFirst) {
				t.Fatalf("paragraphs %q, want the first to start %q", doc.Paragraphs, tt.wantFirst)
			}
			kind := "-"
			if tt.wantKind != "-" {
				kind = ""
				if len(doc.Boilerplate) > 0 && strings.HasPrefix(tt.record, " date") {
					hdr := strings.SplitN(strings.SplitN(tt.record, "\n", 2)[0], " ", 4)
					if len(hdr) == 4 && doc.Boilerplate[0].Text == hdr[3] {
						kind = doc.Boilerplate[0].Kind
					}
				}
			}
			if kind != tt.wantKind {
				t.Errorf("header line kind %q, want %q (boilerplate %v)", kind, tt.wantKind, doc.Boilerplate)
			}
			if doc.TitleText() != tt.wantTitle {
				t.Errorf("title %q, want %q", doc.TitleText(), tt.wantTitle)
			}
			if doc.Published.Date != tt.wantDate || doc.Published.Precision != tt.wantPrec {
				t.Errorf("published %+v, want %s/%s", doc.Published, tt.wantDate, tt.wantPrec)
			}
		})
	}
}

func TestLineKinds(t *testing.T) {
	c := New()
	tests := []struct {
		line string
		kind string
	}{
		{"Advertisement", newsgraph.KindAdvertisement},
		{"Story continues below advertisement", newsgraph.KindAdvertisement},
		{"READ MORE: Ministers agree to meet again", ""}, // a label with its headline: related
		{"(Reporting by Jane Doe; Editing by John Roe)", newsgraph.KindCredit},
		{"【编辑:王小明】", newsgraph.KindCredit},
		{"--AFP", newsgraph.KindCredit},
		{"jk/rt", newsgraph.KindCredit},
		{"Protesters gather outside parliament on Tuesday. (AP Photo/Jane Doe)", newsgraph.KindCaption},
		{"Photo: Ministry of Defence", newsgraph.KindCaption},
		{"1 of 3", newsgraph.KindCaption},
		{"We use cookies to improve your experience on our site.", newsgraph.KindCookie},
		{"Share on Facebook", newsgraph.KindShare},
		{"12 Comments", newsgraph.KindShare},
		{"Leave a comment", newsgraph.KindComment},
		{"Tags: trade, energy, diplomacy", newsgraph.KindTags},
		{"By Jane Doe", newsgraph.KindByline},
		{"홍길동 기자", newsgraph.KindByline},
		{"Home > World > Asia", newsgraph.KindNavigation},
		{"<br />", newsgraph.KindMarkup},
		{"© 2024 Example Media. All rights reserved.", newsgraph.KindLegal},
		{"Updated 2 hours ago", newsgraph.KindTimestamp},
		{"vor 3 Std.", newsgraph.KindTimestamp},
		{"Subscribe now to continue reading", newsgraph.KindPaywall},
		{"BACA JUGA: Harga beras naik lagi", ""},
		{"The ministers met on Monday and agreed to cut tariffs on steel, which had risen sharply.", ""},
		{"By the end of the year, the ministry expects exports to double.", ""},
	}
	for _, tt := range tests {
		l := &line{orig: tt.line}
		c.classify(l, pubdate.Date{})
		if l.kind != tt.kind {
			t.Errorf("%q: kind %q, want %q", tt.line, l.kind, tt.kind)
		}
		if strings.Contains(tt.line, ":") && strings.HasPrefix(strings.ToUpper(tt.line), strings.ToUpper(tt.line[:4])) && tt.kind == "" && (strings.HasPrefix(tt.line, "READ") || strings.HasPrefix(tt.line, "BACA")) && !l.labelHead {
			t.Errorf("%q: want a read-more label with its headline", tt.line)
		}
	}
}

func FuzzCleanRecord(f *testing.F) {
	f.Add(" date 2022-01-01 Chinese President\nChinese President said on Tuesday that talks went well.\nHeadline here\n")
	f.Add("Advertisement\n\n\u00a0\nBy Jane Doe\nA body paragraph that is long enough to count as one, with a full stop.\n")
	f.Add(" date 2022-11\n<br />&amp;\n[caption id=1]x[/caption]\n")
	f.Add("\xff\xfe broken \x00 bytes")
	f.Add(" date 2022-13-45 x")
	f.Fuzz(func(t *testing.T, s string) {
		doc := New().CleanRecord(s, newsgraph.Source{})
		if doc == nil {
			t.Fatal("nil document")
		}
		for _, p := range doc.Paragraphs {
			if p == "" {
				t.Fatal("empty paragraph")
			}
		}
		if doc.Published.Date != "" && doc.Published.Precision == "" {
			t.Fatalf("date %q without precision", doc.Published.Date)
		}
	})
}
