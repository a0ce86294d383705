package geo

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// embeddedKB returns the knowledge base shipped in the binary or skips.
func embeddedKB(t testing.TB) *kb.KB {
	t.Helper()
	k, err := kb.Default()
	if err != nil {
		t.Skipf("no embedded knowledge base (build it with newsgraph kb build): %v", err)
	}
	return k
}

// summitParagraphs is a news-style text written for these tests.
var summitParagraphs = []string{
	"BALI, Indonesia, Nov. 15 (Yonhap) -- South Korean President Yoon Suk-yeol held his first summit with Chinese President Xi Jinping on Tuesday on the sidelines of the G20 meeting in Bali, Indonesia.",
	"Xi said Beijing and Seoul should deepen cooperation, according to a statement released in Beijing, while Yoon urged China to play a bigger role in restraining North Korea.",
	"The two leaders last met when former President Moon Jae-in visited Beijing in December 2019.",
	"Officials in Seoul said the talks lasted 25 minutes. The White House said U.S. President Joe Biden would also meet Xi in Bali.",
	"Indonesia, which holds the G20 presidency, welcomed leaders from Russia, India and Brazil to Nusa Dua.",
}

var summitEntities = []ent{
	{"BALI", "GPE"}, {"Indonesia", "GPE"}, {"South Korean", "MISC"}, {"Yoon Suk-yeol", "PERSON"}, {"Chinese", "MISC"},
	{"Xi Jinping", "PERSON"}, {"G20", "ORG"}, {"Bali", "GPE"}, {"Beijing", "GPE"}, {"Seoul", "GPE"}, {"China", "GPE"},
	{"North Korea", "GPE"}, {"Moon Jae-in", "PERSON"}, {"White House", "ORG"}, {"U.S.", "GPE"}, {"Joe Biden", "PERSON"},
	{"Russia", "GPE"}, {"India", "GPE"}, {"Brazil", "GPE"}, {"Nusa Dua", "GPE"}, {"Yonhap", "ORG"},
}

func summitDoc() *newsgraph.Document {
	doc := makeDoc(summitParagraphs, summitEntities...)
	doc.Published = newsgraph.Published{Date: "2022-11-15", Precision: newsgraph.PrecisionDay}
	return doc
}

func TestGeocodeEmbedded(t *testing.T) {
	k := embeddedKB(t)
	doc := summitDoc()
	if err := NewStage(k).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, country, precision string
		geonames                 int
	}{
		{"Bali", "IDN", newsgraph.PrecisionAdmin1, 1650535},
		{"BALI", "IDN", newsgraph.PrecisionAdmin1, 1650535},
		{"Beijing", "CHN", newsgraph.PrecisionCity, 1816670},
		{"Seoul", "KOR", newsgraph.PrecisionCity, 1835848},
		{"Indonesia", "IDN", newsgraph.PrecisionCountry, 1643084},
		{"China", "CHN", newsgraph.PrecisionCountry, 1814991},
		{"North Korea", "PRK", newsgraph.PrecisionCountry, 1873107},
		{"U.S.", "USA", newsgraph.PrecisionCountry, 6252001},
		{"Russia", "RUS", newsgraph.PrecisionCountry, 2017370},
	}
	for _, tt := range tests {
		g := geoOf(t, doc, tt.name)
		if g == nil || g.Country != tt.country || g.Precision != tt.precision || g.GeonamesID != tt.geonames {
			t.Errorf("%s: Geo = %+v, want %s %s %d", tt.name, g, tt.country, tt.precision, tt.geonames)
		}
	}
	if g := geoOf(t, doc, "Beijing"); g == nil || g.Name != "Beijing" || g.Admin1 != "Beijing" {
		t.Errorf("Beijing: %+v", g)
	}
	for _, e := range doc.Entities {
		if e.Type != "GPE" && e.Type != "LOC" && e.Geo != nil {
			t.Errorf("%s (%s) was geocoded: %+v", e.Name, e.Type, e.Geo)
		}
	}
}

func TestAmbiguousEmbedded(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct {
		name       string
		paragraphs []string
		ents       []ent
		target     string
		country    string
		precision  string
	}{
		{"Paris in a document about France", []string{"French farmers drove tractors into Paris on Monday.", "France's agriculture minister promised talks."},
			[]ent{{"French", "MISC"}, {"Paris", "GPE"}, {"France", "GPE"}}, "Paris", "FRA", newsgraph.PrecisionCity},
		{"Paris, Texas", []string{"A tornado damaged homes in Paris, Texas, late on Sunday."},
			[]ent{{"Paris", "GPE"}, {"Texas", "GPE"}}, "Paris", "USA", newsgraph.PrecisionCity},
		{"Georgia with US context", []string{"Early voting in Georgia broke records, election officials in Atlanta said.", "The U.S. Senate runoff in Georgia drew candidates from both American parties."},
			[]ent{{"Georgia", "GPE"}, {"Atlanta", "GPE"}, {"U.S.", "GPE"}}, "Georgia", "USA", newsgraph.PrecisionAdmin1},
		{"Georgia with Tbilisi and Russia", []string{"Thousands rallied in Tbilisi against a bill critics say copies Russia's foreign-agent law.", "Georgia's parliament passed the bill on Tuesday."},
			[]ent{{"Tbilisi", "GPE"}, {"Russia", "GPE"}, {"Georgia", "GPE"}}, "Georgia", "GEO", newsgraph.PrecisionCountry},
		{"Seoul", []string{"Seoul said it would respond."}, []ent{{"Seoul", "GPE"}}, "Seoul", "KOR", newsgraph.PrecisionCity},
		{"South Korea", []string{"South Korea won the match."}, []ent{{"South Korea", "GPE"}}, "South Korea", "KOR", newsgraph.PrecisionCountry},
		{"Springfield, Illinois", []string{"Lincoln lived in Springfield, Illinois."}, []ent{{"Springfield", "GPE"}}, "Springfield", "USA", newsgraph.PrecisionCity},
		{"Denpasar, Bali", []string{"Flights to Denpasar, Bali, resumed."}, []ent{{"Denpasar", "GPE"}}, "Denpasar", "IDN", newsgraph.PrecisionCity},
		{"Bali as written, near China", []string{"Chinese and South Korean leaders met in Bali on Tuesday."},
			[]ent{{"Chinese", "MISC"}, {"South Korean", "MISC"}, {"Bali", "GPE"}}, "Bali", "IDN", newsgraph.PrecisionAdmin1},
		{"unknown", []string{"Ships sank near Xanadu-Upon-Tyne."}, []ent{{"Xanadu-Upon-Tyne", "LOC"}}, "Xanadu-Upon-Tyne", "", ""},
		{"a continent is not a point", []string{"Markets in Asia fell."}, []ent{{"Asia", "LOC"}}, "Asia", "", ""},
		{"New York is the city", []string{"Shares fell in New York."}, []ent{{"New York", "GPE"}}, "New York", "USA", newsgraph.PrecisionCity},
		{"New York state", []string{"New York state lawmakers voted."}, []ent{{"New York", "GPE"}}, "New York", "USA", newsgraph.PrecisionAdmin1},
		{"Kiev is the capital", []string{"Talks in Kiev ended."}, []ent{{"Kiev", "GPE"}}, "Kiev", "UKR", newsgraph.PrecisionCity},
		{"Washington, D.C.", []string{"He flew to Washington, D.C., on Monday."}, []ent{{"Washington", "GPE"}}, "Washington", "USA", newsgraph.PrecisionCity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := makeDoc(tt.paragraphs, tt.ents...)
			if err := NewStage(k).Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			g := geoOf(t, doc, tt.target)
			switch {
			case tt.country == "" && g != nil:
				t.Errorf("Geo = %+v, want none", *g)
			case tt.country == "":
			case g == nil:
				t.Errorf("Geo = nil, want %s %s", tt.country, tt.precision)
			case g.Country != tt.country || g.Precision != tt.precision:
				t.Errorf("Geo = %+v, want %s %s", *g, tt.country, tt.precision)
			}
		})
	}
	// Springfield, Illinois is the capital of Illinois, not the larger one in Missouri.
	doc := makeDoc([]string{"Lincoln lived in Springfield, Illinois."}, ent{"Springfield", "GPE"})
	if err := NewStage(k).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if g := doc.Entities[0].Geo; g == nil || g.Admin1 != "Illinois" {
		t.Errorf("Springfield, Illinois: %+v", g)
	}
}

// BenchmarkGeocode geocodes a realistic news document (five paragraphs,
// twenty-one entities) with the embedded knowledge base.
func BenchmarkGeocode(b *testing.B) {
	k := embeddedKB(b)
	s := NewStage(k)
	base := summitDoc()
	ctx := context.Background()
	for b.Loop() {
		doc := *base
		doc.Entities = append([]newsgraph.Entity(nil), base.Entities...)
		if err := s.Annotate(ctx, &doc); err != nil {
			b.Fatal(err)
		}
	}
}
