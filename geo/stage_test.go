package geo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// ent is an entity for makeDoc: every occurrence of name in the
// paragraphs is a mention.
type ent struct{ name, typ string }

// makeDoc builds a document whose entities have correct code-point
// mentions.
func makeDoc(paragraphs []string, ents ...ent) *newsgraph.Document {
	doc := &newsgraph.Document{Paragraphs: paragraphs}
	for i, e := range ents {
		ne := newsgraph.Entity{ID: fmt.Sprintf("e%d", i+1), Name: e.name, Type: e.typ}
		for p, para := range paragraphs {
			r := []rune(para)
			n := []rune(e.name)
			for s := 0; s+len(n) <= len(r); s++ {
				if string(r[s:s+len(n)]) != e.name {
					continue
				}
				// Whole words only.
				if s > 0 && isWordRune(r[s-1]) || s+len(n) < len(r) && isWordRune(r[s+len(n)]) {
					continue
				}
				ne.Mentions = append(ne.Mentions, newsgraph.Mention{Paragraph: p, Start: s, End: s + len(n), Text: e.name})
			}
		}
		doc.Entities = append(doc.Entities, ne)
	}
	return doc
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127
}

// geoOf returns the Geo of the entity named name.
func geoOf(t *testing.T, doc *newsgraph.Document, name string) *newsgraph.Place {
	t.Helper()
	for _, e := range doc.Entities {
		if e.Name == name {
			return e.Geo
		}
	}
	t.Fatalf("no entity %q", name)
	return nil
}

// handKB is a small knowledge base with the ambiguities the rules are for.
func handKB() *kb.KB {
	return kb.New(
		[]kb.Country{
			{ISO3: "FRA", ISO2: "FR", Name: "France", Demonyms: []string{"French"}, Capitals: []string{"Paris"}, Lat: 46, Lon: 2, Population: 66987244, GeonamesID: 3017382},
			{ISO3: "USA", ISO2: "US", Name: "United States", Names: []string{"USA", "U.S.", "America"}, Demonyms: []string{"American"},
				Capitals: []string{"Washington, D.C."}, Lat: 38, Lon: -97, Population: 327167434, GeonamesID: 6252001, Borders: []string{"CAN", "MEX"}},
			{ISO3: "GEO", ISO2: "GE", Name: "Georgia", Demonyms: []string{"Georgian"}, Capitals: []string{"Tbilisi"}, Lat: 42, Lon: 43.5,
				Population: 3731000, GeonamesID: 614540, Borders: []string{"ARM", "AZE", "RUS", "TUR"}},
			{ISO3: "RUS", ISO2: "RU", Name: "Russia", Demonyms: []string{"Russian"}, Capitals: []string{"Moscow"}, Lat: 60, Lon: 100,
				Population: 144478050, GeonamesID: 2017370, Borders: []string{"GEO"}},
			{ISO3: "IDN", ISO2: "ID", Name: "Indonesia", Demonyms: []string{"Indonesian"}, Capitals: []string{"Jakarta"}, Lat: -5, Lon: 120, Population: 267663435, GeonamesID: 1643084},
			{ISO3: "IND", ISO2: "IN", Name: "India", Demonyms: []string{"Indian"}, Capitals: []string{"New Delhi"}, Lat: 20, Lon: 77, Population: 1352617328, GeonamesID: 1269750},
			{ISO3: "MEX", ISO2: "MX", Name: "Mexico", Demonyms: []string{"Mexican"}, Capitals: []string{"Mexico City"}, Lat: 23, Lon: -102, Population: 126190788, GeonamesID: 3996063},
			{ISO3: "AUT", ISO2: "AT", Name: "Austria", Demonyms: []string{"Austrian"}, Capitals: []string{"Vienna"}, Lat: 47.33, Lon: 13.33, Population: 8847037, GeonamesID: 2782113},
		},
		[]kb.Place{
			{GeonamesID: 2988507, Name: "Paris", Country: "FRA", Admin1: "Île-de-France", Kind: kb.KindCity, Lat: 48.85341, Lon: 2.3488, Population: 2138551, Capital: true},
			{GeonamesID: 4717560, Name: "Paris", Country: "USA", Admin1: "Texas", Kind: kb.KindCity, Lat: 33.66094, Lon: -95.55551, Population: 24782},
			{GeonamesID: 4736286, Name: "Texas", Country: "USA", Admin1: "Texas", Kind: kb.KindAdmin1, Lat: 29.76328, Lon: -95.36327, Population: 20000000},
			{GeonamesID: 4197000, Name: "Georgia", Country: "USA", Admin1: "Georgia", Kind: kb.KindAdmin1, Lat: 33.749, Lon: -84.38798, Population: 3456593},
			{GeonamesID: 4180439, Name: "Atlanta", Country: "USA", Admin1: "Georgia", Kind: kb.KindCity, Lat: 33.749, Lon: -84.38798, Population: 463878},
			{GeonamesID: 611717, Name: "Tbilisi", Country: "GEO", Admin1: "Tbilisi", Kind: kb.KindCity, Lat: 41.69411, Lon: 44.83368, Population: 1049498, Capital: true},
			{GeonamesID: 1650535, Name: "Bali", Country: "IDN", Admin1: "Bali", Kind: kb.KindAdmin1, Lat: -8.65, Lon: 115.21667, Population: 1256382},
			{GeonamesID: 1277539, Name: "Bāli", Alt: []string{"Bali"}, Country: "IND", Admin1: "West Bengal", Kind: kb.KindCity, Lat: 22.64859, Lon: 88.34115, Population: 296973},
			{GeonamesID: 4250542, Name: "Springfield", Country: "USA", Admin1: "Illinois", Kind: kb.KindCity, Lat: 39.80172, Lon: -89.64371, Population: 114394},
			{GeonamesID: 4409896, Name: "Springfield", Country: "USA", Admin1: "Missouri", Kind: kb.KindCity, Lat: 37.21533, Lon: -93.29824, Population: 170188},
			{GeonamesID: 4896861, Name: "Illinois", Country: "USA", Admin1: "Illinois", Kind: kb.KindAdmin1, Lat: 41.85003, Lon: -87.65005, Population: 9000000},
			{GeonamesID: 3530597, Name: "Mexico City", Alt: []string{"Mexico"}, Country: "MEX", Admin1: "Mexico City", Kind: kb.KindCity, Lat: 19.42847, Lon: -99.12766, Population: 12294193, Capital: true},
			{GeonamesID: 2781194, Name: "Burgenland", Country: "AUT", Admin1: "Burgenland", Kind: kb.KindAdmin1},
			{GeonamesID: 5128581, Name: "New York City", Alt: []string{"New York"}, Country: "USA", Admin1: "New York", Kind: kb.KindCity, Lat: 40.71427, Lon: -74.00597, Population: 8804190},
			{GeonamesID: 5128638, Name: "New York", Country: "USA", Admin1: "New York", Kind: kb.KindAdmin1, Lat: 40.71427, Lon: -74.00597, Population: 12000000},
			{GeonamesID: 4140963, Name: "Washington", Country: "USA", Admin1: "Washington, D.C.", Kind: kb.KindCity, Lat: 38.89511, Lon: -77.03637, Population: 689545, Capital: true},
			{GeonamesID: 5815135, Name: "Washington", Country: "USA", Admin1: "Washington", Kind: kb.KindAdmin1, Lat: 47.60621, Lon: -122.33207, Population: 5009039},
		},
		[]kb.Person{{ID: "wikidata:Q7747", Name: "Vladimir Putin", Roles: []kb.Role{{Code: "RUSGOV", From: "2012-01-01"}}}},
		nil, nil, nil,
	)
}

func TestGeocodeHandKB(t *testing.T) {
	k := handKB()
	tests := []struct {
		name       string
		paragraphs []string
		ents       []ent
		target     string
		country    string // "" for no location
		precision  string
		geonames   int
	}{
		{"capital over a small namesake", []string{"Talks opened in Paris on Monday."},
			[]ent{{"Paris", "GPE"}}, "Paris", "FRA", newsgraph.PrecisionCity, 2988507},
		{"Paris in a document about France", []string{"French officials met in Paris.", "France said the talks went well."},
			[]ent{{"French", "MISC"}, {"Paris", "GPE"}, {"France", "GPE"}}, "Paris", "FRA", newsgraph.PrecisionCity, 2988507},
		{"Paris, Texas: the container wins", []string{"The storm hit Paris, Texas, on Sunday."},
			[]ent{{"Paris", "GPE"}, {"Texas", "GPE"}}, "Paris", "USA", newsgraph.PrecisionCity, 4717560},
		{"Paris, Tex. in AP style", []string{"The storm hit Paris, Tex., on Sunday."},
			[]ent{{"Paris", "GPE"}}, "Paris", "USA", newsgraph.PrecisionCity, 4717560},
		{"Paris, TX", []string{"The storm hit Paris, TX on Sunday."},
			[]ent{{"Paris", "GPE"}}, "Paris", "USA", newsgraph.PrecisionCity, 4717560},
		{"Springfield, Illinois", []string{"He spoke in Springfield, Illinois."},
			[]ent{{"Springfield", "GPE"}, {"Illinois", "GPE"}}, "Springfield", "USA", newsgraph.PrecisionCity, 4250542},
		{"Springfield, Ill.", []string{"He spoke in Springfield, Ill., on Friday."},
			[]ent{{"Springfield", "GPE"}}, "Springfield", "USA", newsgraph.PrecisionCity, 4250542},
		{"Springfield alone: the larger", []string{"He spoke in Springfield."},
			[]ent{{"Springfield", "GPE"}}, "Springfield", "USA", newsgraph.PrecisionCity, 4409896},
		{"Georgia alone is the country", []string{"Georgia held elections."},
			[]ent{{"Georgia", "GPE"}}, "Georgia", "GEO", newsgraph.PrecisionCountry, 614540},
		{"Georgia with US context", []string{"Voters in Georgia lined up in Atlanta.", "The U.S. Senate race in Georgia drew American money."},
			[]ent{{"Georgia", "GPE"}, {"Atlanta", "GPE"}}, "Georgia", "USA", newsgraph.PrecisionAdmin1, 4197000},
		{"Georgia with Tbilisi and Russia", []string{"Georgia accused Russia of provocations.", "Protesters gathered in Tbilisi."},
			[]ent{{"Georgia", "GPE"}, {"Russia", "GPE"}, {"Tbilisi", "GPE"}}, "Georgia", "GEO", newsgraph.PrecisionCountry, 614540},
		{"Georgia with Putin", []string{"Georgia braced for pressure from Vladimir Putin."},
			[]ent{{"Georgia", "GPE"}, {"Vladimir Putin", "PERSON"}}, "Georgia", "GEO", newsgraph.PrecisionCountry, 614540},
		{"Atlanta, Georgia", []string{"The company is based in Atlanta, Georgia."},
			[]ent{{"Atlanta", "GPE"}, {"Georgia", "GPE"}}, "Atlanta", "USA", newsgraph.PrecisionCity, 4180439},
		{"Georgia state", []string{"Georgia state officials certified the count."},
			[]ent{{"Georgia", "GPE"}}, "Georgia", "USA", newsgraph.PrecisionAdmin1, 4197000},
		{"Bali alone is the province", []string{"Leaders met in Bali."},
			[]ent{{"Bali", "GPE"}}, "Bali", "IDN", newsgraph.PrecisionAdmin1, 1650535},
		{"Bali, Indonesia", []string{"Leaders met in Bali, Indonesia."},
			[]ent{{"Bali", "GPE"}, {"Indonesia", "GPE"}}, "Bali", "IDN", newsgraph.PrecisionAdmin1, 1650535},
		{"Bali with Indian context", []string{"Indian commuters in Bali crossed the Hooghly to Kolkata.", "India's rail ministry said the Bali station would close."},
			[]ent{{"Indian", "MISC"}, {"Bali", "GPE"}, {"India", "GPE"}}, "Bali", "IND", newsgraph.PrecisionCity, 1277539},
		{"a country", []string{"Indonesia hosted the summit."},
			[]ent{{"Indonesia", "GPE"}}, "Indonesia", "IDN", newsgraph.PrecisionCountry, 1643084},
		{"Mexico is the country, not its capital", []string{"Mexico raised tariffs."},
			[]ent{{"Mexico", "GPE"}}, "Mexico", "MEX", newsgraph.PrecisionCountry, 3996063},
		{"New York is the city", []string{"Shares fell in New York."},
			[]ent{{"New York", "GPE"}}, "New York", "USA", newsgraph.PrecisionCity, 5128581},
		{"New York State", []string{"New York state lawmakers voted."},
			[]ent{{"New York", "GPE"}}, "New York", "USA", newsgraph.PrecisionAdmin1, 5128638},
		{"Washington is the capital", []string{"Washington imposed sanctions."},
			[]ent{{"Washington", "GPE"}}, "Washington", "USA", newsgraph.PrecisionCity, 4140963},
		{"Washington state", []string{"Wildfires spread in Washington state."},
			[]ent{{"Washington", "GPE"}}, "Washington", "USA", newsgraph.PrecisionAdmin1, 5815135},
		{"a region without a point is known at country level", []string{"Floods hit Burgenland."},
			[]ent{{"Burgenland", "LOC"}}, "Burgenland", "AUT", newsgraph.PrecisionCountry, 2781194},
		{"unknown names get nothing", []string{"They met in Atlantis."},
			[]ent{{"Atlantis", "LOC"}}, "Atlantis", "", "", 0},
		{"organisations are not geocoded", []string{"Georgia Power raised prices."},
			[]ent{{"Georgia Power", "ORG"}}, "Georgia Power", "", "", 0},
		{"nor demonyms", []string{"French officials said so."},
			[]ent{{"French", "MISC"}}, "French", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := makeDoc(tt.paragraphs, tt.ents...)
			if err := NewStage(k).Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			g := geoOf(t, doc, tt.target)
			if tt.country == "" {
				if g != nil {
					t.Fatalf("Geo = %+v, want none", *g)
				}
				return
			}
			if g == nil {
				t.Fatalf("Geo = nil, want %s %s", tt.country, tt.precision)
			}
			if g.Country != tt.country || g.Precision != tt.precision || g.GeonamesID != tt.geonames {
				t.Errorf("Geo = %+v, want %s %s %d", *g, tt.country, tt.precision, tt.geonames)
			}
			if g.Lat == 0 && g.Lon == 0 {
				t.Errorf("Geo has no point: %+v", *g)
			}
		})
	}
}

func TestRegionWithoutPoint(t *testing.T) {
	doc := makeDoc([]string{"Floods hit Burgenland."}, ent{"Burgenland", "LOC"})
	if err := NewStage(handKB()).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Entities[0].Geo
	if g == nil || g.Name != "Burgenland" || g.Admin1 != "Burgenland" || g.Lat != 47.33 || g.Lon != 13.33 {
		t.Errorf("Geo = %+v: want the region's name with Austria's reference point", g)
	}
}

func TestContainerWords(t *testing.T) {
	tests := []struct{ rest, want string }{
		{", Indonesia.", "Indonesia"},
		{", Indonesia, Nov. 15", "Indonesia"},
		{" , Texas, on Sunday", "Texas"},
		{", Ill., on Friday", "Ill."},
		{", D.C., on Friday", "D.C."},
		{", Republic of Korea", "Republic of Korea"},
		{", the U.S.", "the U.S."},
		{" and Japan", ""},
		{", which", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(containerWords(tt.rest), " "); got != tt.want {
			t.Errorf("containerWords(%q) = %q, want %q", tt.rest, got, tt.want)
		}
	}
}

func TestAnnotateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := makeDoc([]string{"Paris."}, ent{"Paris", "GPE"})
	if err := NewStage(handKB()).Annotate(ctx, doc); err == nil {
		t.Fatal("Annotate with a cancelled context succeeded")
	}
}
