package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// gdeltEventNames are GDELT 2.0's Events columns in order, from the
// event codebook (V2.0, 2015).
var gdeltEventNames = func() []string {
	names := []string{"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			names = append(names, a+f)
		}
	}
	names = append(names, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			names = append(names, g+"_"+f)
		}
	}
	return append(names, "DATEADDED", "SOURCEURL")
}()

// gdeltMentionNames are GDELT 2.0's Mentions columns in order.
var gdeltMentionNames = []string{"GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
	"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras"}

func TestGDELTColumnCounts(t *testing.T) {
	if len(gdeltEventNames) != gdeltEventColumns || gdeltEventColumns != 61 {
		t.Errorf("events: %d names, %d columns; GDELT 2.0 has 61", len(gdeltEventNames), gdeltEventColumns)
	}
	if len(gdeltMentionNames) != gdeltMentionColumns || gdeltMentionColumns != 16 {
		t.Errorf("mentions: %d names, %d columns; GDELT 2.0 has 16", len(gdeltMentionNames), gdeltMentionColumns)
	}
}

// export runs Write and fails the test on error.
func export(t *testing.T, format string, r newsgraph.EventReader, q newsgraph.EventQuery, opts Options) (string, int) {
	t.Helper()
	if opts.CountryName == nil {
		opts.CountryName = testCountryName
	}
	var buf bytes.Buffer
	n, err := Write(context.Background(), &buf, format, r, q, opts)
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String(), n
}

// testCountryName names the fixture countries without loading the
// knowledge base.
func testCountryName(iso3 string) string {
	switch iso3 {
	case "IDN":
		return "Indonesia"
	case "USA":
		return "United States"
	}
	return iso3
}

// splitTSV splits a tab-separated export into rows of fields, checking
// that every line has want fields.
func splitTSV(t *testing.T, out string, want int) [][]string {
	t.Helper()
	if out != "" && !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline")
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != want {
			t.Fatalf("line %d has %d fields, want %d: %q", i+1, len(f), want, line)
		}
		rows = append(rows, f)
	}
	return rows
}

func field(names, row []string, name string) string {
	for i, n := range names {
		if n == name {
			return row[i]
		}
	}
	panic("no column " + name)
}

func TestGDELTEvents(t *testing.T) {
	out, n := export(t, FormatGDELTEvents, fixtureReader(), newsgraph.EventQuery{}, Options{})
	rows := splitTSV(t, out, 61)
	if n != 5 || len(rows) != 5 {
		t.Fatalf("wrote %d (%d lines), want 5", n, len(rows))
	}
	tests := []struct {
		name string
		row  int
		want map[string]string
	}{
		{"day-precise event with place", 0, map[string]string{
			"GlobalEventID": "1", "Day": "20221115", "MonthYear": "202211", "Year": "2022",
			"FractionDate": "2022.8630", // 2022 + (10*30+15)/365
			"Actor1Code":   "CHNGOV", "Actor1Name": "XI JINPING", "Actor1CountryCode": "CHN",
			"Actor1KnownGroupCode": "", "Actor1Type1Code": "GOV", "Actor1Type2Code": "",
			"Actor2Code": "KORGOV", "Actor2Name": "YOON SUK-YEOL", "Actor2CountryCode": "KOR", "Actor2Type1Code": "GOV",
			"IsRootEvent": "", "EventCode": "0421", "EventBaseCode": "042", "EventRootCode": "04",
			"QuadClass": "1", "GoldsteinScale": "1.9", "NumMentions": "3", "NumSources": "2", "NumArticles": "2",
			"AvgTone": "", "Actor1Geo_Type": "", "Actor1Geo_FullName": "", "Actor2Geo_Lat": "",
			"ActionGeo_Type": "5", "ActionGeo_FullName": "Bali, Indonesia", "ActionGeo_CountryCode": "IDN",
			"ActionGeo_ADM1Code": "", "ActionGeo_ADM2Code": "",
			"ActionGeo_Lat": "-8.5", "ActionGeo_Long": "115.0833", "ActionGeo_FeatureID": "1650535",
			"DATEADDED": "20221115000000", "SOURCEURL": "https://example.com/xi-yoon",
		}},
		{"month-precise IGO event, no target, no place", 1, map[string]string{
			"Day": "", "MonthYear": "202211", "Year": "2022", "FractionDate": "",
			"Actor1Code": "IGOUNO", "Actor1Name": "UNITED NATIONS", "Actor1CountryCode": "",
			"Actor1KnownGroupCode": "UNO", "Actor1Type1Code": "IGO",
			"Actor2Code": "", "Actor2Name": "", "Actor2Type1Code": "",
			"EventCode": "010", "EventBaseCode": "010", "EventRootCode": "01", "GoldsteinScale": "0",
			"ActionGeo_Type": "", "ActionGeo_FullName": "", "ActionGeo_Lat": "",
			"DATEADDED": "", "SOURCEURL": "",
		}},
		{"escaped values, year only, sector-only target, US city", 2, map[string]string{
			"Day": "", "MonthYear": "", "Year": "2023",
			"Actor1Name": `MR. "QUOTE", JR. X`, "Actor2Code": "ENV", "Actor2CountryCode": "",
			"Actor2Type1Code": "ENV", "Actor2Name": "ENVIRONMENTAL  ACTIVISTS",
			"GoldsteinScale": "-2", "QuadClass": "3",
			"ActionGeo_Type": "3", "ActionGeo_FullName": "Washington, District of Columbia, United States",
			"ActionGeo_Lat": "38.89511", "ActionGeo_Long": "-77.03637", "ActionGeo_FeatureID": "",
			"DATEADDED": "20230102000000", "SOURCEURL": "https://example.org/a b",
		}},
		{"day-form date of month precision", 3, map[string]string{
			"Day": "", "MonthYear": "202203", "Year": "2022", "FractionDate": "",
			"Actor2Code": "UKR", "Actor2CountryCode": "UKR", "Actor2Type1Code": "",
			"EventBaseCode": "190", "GoldsteinScale": "-10",
		}},
		{"US state without a point, two sectors, year-precise first seen", 4, map[string]string{
			"Day": "20211231", "FractionDate": "2021.9890", // 2021 + (11*30+31)/365
			"Actor1Type1Code": "GOV", "Actor1Type2Code": "LEG",
			"ActionGeo_Type": "2", "ActionGeo_FullName": "California, United States",
			"ActionGeo_Lat": "", "ActionGeo_Long": "", "DATEADDED": "",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := rows[tt.row]
			for name, want := range tt.want {
				if got := field(gdeltEventNames, row, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestGDELTMentions(t *testing.T) {
	tests := []struct {
		name   string
		reader newsgraph.EventReader
		q      newsgraph.EventQuery
		want   []map[string]string
	}{
		{"with documents", fixtureDocReader(), newsgraph.EventQuery{}, []map[string]string{
			{"GlobalEventID": "1", "EventTimeDate": "20221115000000", "MentionTimeDate": "20221115000000",
				"MentionType": "1", "MentionSourceName": "example.com", "MentionIdentifier": "https://example.com/xi-yoon",
				"SentenceID": "1", "Actor1CharOffset": "18", "Actor2CharOffset": "56", "ActionCharOffset": "0",
				"InRawText": "1", "Confidence": "80", "MentionDocLen": "170", "MentionDocTone": "",
				"MentionDocTranslationInfo": "",
				"Extras":                    "<DOCID>d1</DOCID><PARAGRAPH>0</PARAGRAPH><SENTENCE>0</SENTENCE><START>0</START><END>89</END>"},
			// d2 is not in the store: its document-level columns are empty.
			{"GlobalEventID": "1", "MentionTimeDate": "", "MentionType": "2", "MentionSourceName": "",
				"MentionIdentifier": "d2", "SentenceID": "", "Actor1CharOffset": "", "ActionCharOffset": "",
				"InRawText": "", "Confidence": "70", "MentionDocLen": ""},
			// Paragraph 1 starts at 90; its "Ü" is one code point.
			{"GlobalEventID": "2", "EventTimeDate": "", "MentionSourceName": "example.net",
				"SentenceID": "3", "Actor1CharOffset": "121", "Actor2CharOffset": "-1", "ActionCharOffset": "130", // the trigger's start
				"InRawText": "1", "Confidence": "60", "MentionDocLen": "170"},
			// The source is a pronoun: not in the raw text.
			{"GlobalEventID": "3", "EventTimeDate": "20230102000000", "SentenceID": "4",
				"Actor1CharOffset": "156", "Actor2CharOffset": "-1", "ActionCharOffset": "156", "InRawText": "0",
				"Confidence": "35",
				"Extras":     "<DOCID>d1</DOCID><PARAGRAPH>1</PARAGRAPH><SENTENCE>2</SENTENCE><START>66</START><END>80</END><NEGATED>1</NEGATED>"},
		}},
		{"without documents", fixtureReader(), newsgraph.EventQuery{}, []map[string]string{
			{"GlobalEventID": "1", "SentenceID": "", "Actor1CharOffset": "", "Actor2CharOffset": "",
				"ActionCharOffset": "", "InRawText": "", "Confidence": "80", "MentionDocLen": "170"},
			{"GlobalEventID": "1"},
			{"GlobalEventID": "2", "MentionDocLen": "", "SentenceID": ""},
			{"GlobalEventID": "3"},
		}},
		{"query filters the mentions", fixtureDocReader(), newsgraph.EventQuery{Actor: "igo"}, []map[string]string{
			{"GlobalEventID": "2", "SentenceID": "3"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts Options
			if d, ok := tt.reader.(DocumentGetter); ok {
				opts.Documents = d
			}
			out, n := export(t, FormatGDELTMentions, tt.reader, tt.q, opts)
			rows := splitTSV(t, out, 16)
			if n != len(tt.want) || len(rows) != len(tt.want) {
				t.Fatalf("wrote %d (%d lines), want %d:\n%s", n, len(rows), len(tt.want), out)
			}
			for i, want := range tt.want {
				for name, w := range want {
					if got := field(gdeltMentionNames, rows[i], name); got != w {
						t.Errorf("row %d: %s = %q, want %q", i+1, name, got, w)
					}
				}
			}
		})
	}
}

// A document read once serves all its mentions.
func TestGDELTMentionsReadsEachDocumentOnce(t *testing.T) {
	r := fixtureDocReader()
	if _, err := Events(context.Background(), &bytes.Buffer{}, FormatGDELTMentions, r, newsgraph.EventQuery{}); err != nil {
		t.Fatal(err)
	}
	if r.reads != 2 { // d1 and the missing d2
		t.Errorf("%d document reads, want 2", r.reads)
	}
}

func TestGDELTMentionsOutOfOrder(t *testing.T) {
	r := fixtureReader()
	r.mentions[0], r.mentions[3] = r.mentions[3], r.mentions[0]
	_, err := Write(context.Background(), &bytes.Buffer{}, FormatGDELTMentions, r, newsgraph.EventQuery{}, Options{CountryName: testCountryName})
	if err == nil || !strings.Contains(err.Error(), "out of event order") {
		t.Fatalf("err = %v, want out of event order", err)
	}
}

func TestEventsCSV(t *testing.T) {
	out, n := export(t, FormatEventsCSV, fixtureReader(), newsgraph.EventQuery{}, Options{})
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if n != 5 || len(recs) != 6 {
		t.Fatalf("wrote %d, read %d records, want 5 and a header", n, len(recs))
	}
	if !reflect.DeepEqual(recs[0], Columns()) {
		t.Fatalf("header %v, want %v", recs[0], Columns())
	}
	tests := []struct {
		name string
		row  int
		want map[string]string
	}{
		{"full", 1, map[string]string{"id": "1", "date": "2022-11-15", "date_precision": "day",
			"source_code": "CHNGOV", "source_name": "Xi Jinping", "target_code": "KORGOV", "target_country": "KOR",
			"cameo": "0421", "root": "04", "quad_class": "1", "goldstein": "1.9", "plover": "CONSULT",
			"num_mentions": "3", "num_sources": "2", "num_articles": "2", "first_seen": "2022-11-15",
			"last_seen": "2022-11-16", "location_name": "Bali", "location_country": "IDN", "location_admin1": "Bali",
			"location_lat": "-8.5", "location_lon": "115.0833", "location_precision": "admin1",
			"location_geonames_id": "1650535", "source_url": "https://example.com/xi-yoon"}},
		{"nulls are empty", 2, map[string]string{"date": "2022-11", "source_country": "", "target_code": "",
			"target_country": "", "target_name": "", "plover": "", "goldstein": "0", "location_name": "",
			"location_lat": "", "location_lon": "", "location_precision": "", "location_geonames_id": "", "source_url": ""}},
		{"quotes, tabs and newlines survive", 3, map[string]string{"source_name": "Mr.\t\"Quote\", Jr.\nX",
			"target_code": "---ENV", "target_name": "environmental\nactivists", // the reader folds a quoted \r\n "source_url": "https://example.org/a\tb",
			"location_geonames_id": "", "location_lat": "38.89511"}},
		{"place without a point", 5, map[string]string{"location_name": "California", "location_lat": "",
			"location_lon": "", "location_precision": "admin1"}},
	}
	cols := Columns()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(recs[tt.row]) != len(cols) {
				t.Fatalf("%d fields, want %d", len(recs[tt.row]), len(cols))
			}
			for name, want := range tt.want {
				if got := field(cols, recs[tt.row], name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestEventsJSONL(t *testing.T) {
	out, n := export(t, FormatEventsJSONL, fixtureReader(), newsgraph.EventQuery{}, Options{})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := fixtureEvents()
	if n != len(want) || len(lines) != len(want) {
		t.Fatalf("wrote %d (%d lines), want %d", n, len(lines), len(want))
	}
	for i, line := range lines {
		var got newsgraph.CorpusEvent
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("line %d reads back as %+v, want %+v", i+1, got, want[i])
		}
	}
}

func TestQueryFilters(t *testing.T) {
	tests := []struct {
		format string
		q      newsgraph.EventQuery
		want   int
	}{
		{FormatGDELTEvents, newsgraph.EventQuery{Root: "19"}, 1},
		{FormatEventsCSV, newsgraph.EventQuery{Actor: "USA"}, 2},
		{FormatEventsJSONL, newsgraph.EventQuery{Actor: "KOR"}, 1},
		{FormatParquet, newsgraph.EventQuery{Root: "04"}, 1},
		{FormatGDELTMentions, newsgraph.EventQuery{Root: "04"}, 2},
		{FormatGDELTEvents, newsgraph.EventQuery{Root: "20"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			_, n := export(t, tt.format, fixtureReader(), tt.q, Options{})
			if n != tt.want {
				t.Errorf("%+v: %d rows, want %d", tt.q, n, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	boom := errors.New("boom")
	ctx := context.Background()
	if _, err := Events(ctx, &bytes.Buffer{}, "gdelt", fixtureReader(), newsgraph.EventQuery{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: err = %v", err)
	}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			r := fixtureReader()
			r.err = boom
			n, err := Write(ctx, &bytes.Buffer{}, format, r, newsgraph.EventQuery{}, Options{CountryName: testCountryName})
			if !errors.Is(err, boom) {
				t.Errorf("reader error: err = %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), format) {
				t.Errorf("error %q does not name the format", err)
			}
			if n > 1 {
				t.Errorf("%d rows written after the error", n)
			}
		})
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	for _, format := range Formats() {
		if _, err := Write(cctx, &bytes.Buffer{}, format, fixtureReader(), newsgraph.EventQuery{}, Options{CountryName: testCountryName}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s, canceled: err = %v", format, err)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, f := range Formats() {
		if !Valid(f) || Extension(f) == "" {
			t.Errorf("%s: valid %v, extension %q", f, Valid(f), Extension(f))
		}
	}
	if Valid("jsonl") || Extension("jsonl") != "" {
		t.Error(`"jsonl" is not an event format`)
	}
}

func TestSplitActor(t *testing.T) {
	tests := []struct {
		code, country string
		want          actorParts
	}{
		{"CHNGOV", "CHN", actorParts{code: "CHNGOV", country: "CHN", types: [3]string{"GOV"}}},
		{"KORELI", "KOR", actorParts{code: "KORELI", country: "KOR", types: [3]string{"ELI"}}},
		{"USA", "USA", actorParts{code: "USA", country: "USA"}},
		{"IGOUNO", "", actorParts{code: "IGOUNO", knownGroup: "UNO", types: [3]string{"IGO"}}},
		{"IGOUNOWHO", "", actorParts{code: "IGOUNOWHO", knownGroup: "UNO", types: [3]string{"IGO"}}},
		{"---ENV", "", actorParts{code: "ENV", types: [3]string{"ENV"}}},
		{"USAGOVLEGMILCOP", "USA", actorParts{code: "USAGOVLEGMILCOP", country: "USA", types: [3]string{"GOV", "LEG", "MIL"}}},
		{"NGOHRI", "", actorParts{code: "NGOHRI", types: [3]string{"NGO", "HRI"}}},
		{"", "", actorParts{}},
	}
	for _, tt := range tests {
		if got := splitActor(tt.code, tt.country); got != tt.want {
			t.Errorf("splitActor(%q, %q) = %+v, want %+v", tt.code, tt.country, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		date, precision         string
		day, month, year, fract string
		timestamp               string
	}{
		{"2022-11-15", "day", "20221115", "202211", "2022", "2022.8630", "20221115000000"},
		{"2021-03-23", "", "20210323", "202103", "2021", "2021.2274", "20210323000000"},
		{"2022-01-01", "", "20220101", "202201", "2022", "2022.0027", "20220101000000"},
		{"2022-11-15", "month", "", "202211", "2022", "", ""},
		{"2022-11-15", "year", "", "", "2022", "", ""},
		{"2022-11", "day", "", "202211", "2022", "", ""},
		{"2022", "", "", "", "2022", "", ""},
		{"", "", "", "", "", "", ""},
		{"2022-02-30", "day", "", "", "", "", ""},
		{"22-11-15", "day", "", "", "", "", ""},
	}
	for _, tt := range tests {
		d := parseDate(tt.date, tt.precision)
		got := [5]string{string(d.appendDay(nil)), string(d.appendMonth(nil)), string(d.appendYear(nil)),
			string(d.appendFraction(nil)), string(d.appendTimestamp(nil))}
		want := [5]string{tt.day, tt.month, tt.year, tt.fract, tt.timestamp}
		if got != want {
			t.Errorf("parseDate(%q, %q): %q, want %q", tt.date, tt.precision, got, want)
		}
	}
}

func TestAppendField(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb\nc\r\nd", "a b c  d"},
		{"line\u2028sep\u0085next", "line sep next"},
		{"Zürich — “quoted”", "Zürich — “quoted”"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(appendField(nil, tt.in)); got != tt.want {
			t.Errorf("appendField(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendUpperField(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Xi Jinping", "XI JINPING"},
		{"Yoon Suk-yeol\t", "YOON SUK-YEOL "},
		{"Recep Tayyip Erdoğan", "RECEP TAYYIP ERDOĞAN"},
		{"Émile\nZola", "ÉMILE ZOLA"},
	}
	for _, tt := range tests {
		if got := string(appendUpperField(nil, tt.in)); got != tt.want {
			t.Errorf("appendUpperField(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendFullName(t *testing.T) {
	tests := []struct {
		place newsgraph.Place
		want  string
	}{
		{newsgraph.Place{Name: "Denpasar", Admin1: "Bali", Country: "IDN", Precision: "city"}, "Denpasar, Bali, Indonesia"},
		{newsgraph.Place{Name: "Bali", Admin1: "Bali", Country: "IDN", Precision: "admin1"}, "Bali, Indonesia"},
		{newsgraph.Place{Name: "Republic of Indonesia", Country: "IDN", Precision: "country"}, "Indonesia"},
		{newsgraph.Place{Name: "Atlantis", Precision: "country"}, "Atlantis"},
		{newsgraph.Place{Name: "Singapore", Admin1: "", Country: "SGP", Precision: "city"}, "Singapore, SGP"},
		{newsgraph.Place{Name: "New\tYork", Admin1: "New York", Country: "USA", Precision: "city"}, "New York, New York, United States"},
	}
	for _, tt := range tests {
		if got := string(appendFullName(nil, &tt.place, testCountryName)); got != tt.want {
			t.Errorf("appendFullName(%+v) = %q, want %q", tt.place, got, tt.want)
		}
	}
}

func TestKnowledgeBaseCountryName(t *testing.T) {
	name := kbCountryName()
	for iso3, want := range map[string]string{"IDN": "Indonesia", "KOR": "South Korea", "XYZ": "XYZ"} {
		if got := name(iso3); got != want {
			t.Errorf("country name of %s = %q, want %q", iso3, got, want)
		}
	}
}
