package export

import (
	"bytes"
	"context"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph"
)

func TestParquetRoundTrip(t *testing.T) {
	out, n := export(t, FormatParquet, fixtureReader(), newsgraph.EventQuery{}, Options{RowGroupRows: 2})
	data := []byte(out)
	if n != 5 {
		t.Fatalf("wrote %d rows, want 5", n)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if f.NumRows() != 5 || len(f.RowGroups()) != 3 {
		t.Errorf("%d rows in %d row groups, want 5 in 3 (2 rows a group)", f.NumRows(), len(f.RowGroups()))
	}
	if v, _ := f.Lookup("newsgraph.format"); v != FormatParquet {
		t.Errorf("key-value metadata newsgraph.format = %q", v)
	}
	var cols []string
	for _, path := range f.Schema().Columns() {
		cols = append(cols, strings.Join(path, "."))
	}
	if !slices.Equal(cols, Columns()) {
		t.Fatalf("columns %v, want %v", cols, Columns())
	}

	// Values, read back as Row.
	rows, err := parquet.Read[Row](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	lat, lon := -8.5, 115.0833
	want0 := Row{ID: 1, Date: "2022-11-15", DatePrecision: "day", SourceCode: "CHNGOV", SourceCountry: "CHN",
		SourceName: "Xi Jinping", TargetCode: "KORGOV", TargetCountry: "KOR", TargetName: "Yoon Suk-yeol",
		Cameo: "0421", Root: "04", QuadClass: 1, Goldstein: 1.9, Plover: "CONSULT", NumMentions: 3, NumSources: 2,
		NumArticles: 2, FirstSeen: "2022-11-15", LastSeen: "2022-11-16", LocationName: "Bali",
		LocationCountry: "IDN", LocationAdmin1: "Bali", LocationLat: &lat, LocationLon: &lon,
		LocationPrecision: "admin1", LocationGeonamesID: 1650535, SourceURL: "https://example.com/xi-yoon"}
	if len(rows) != 5 {
		t.Fatalf("read %d rows, want 5", len(rows))
	}
	if !reflect.DeepEqual(rows[0], want0) {
		t.Errorf("row 1 reads back as\n%+v\nwant\n%+v", rows[0], want0)
	}
	if rows[2].SourceName != "Mr.\t\"Quote\", Jr.\nX" || rows[2].TargetName != "environmental\r\nactivists" {
		t.Errorf("row 3 strings read back as %q, %q", rows[2].SourceName, rows[2].TargetName)
	}
	if rows[4].Goldstein != 4 || rows[3].Goldstein != -10 || rows[1].Goldstein != 0 {
		t.Errorf("goldstein read back as %v, %v, %v", rows[4].Goldstein, rows[3].Goldstein, rows[1].Goldstein)
	}

	// Nulls, read as raw values.
	nulls := readNulls(t, data)
	tests := []struct {
		row    int
		column string
		null   bool
	}{
		{0, "target_code", false},
		{0, "location_lat", false},
		{0, "location_geonames_id", false},
		{1, "target_code", true}, // no target
		{1, "target_name", true},
		{1, "source_country", true}, // an IGO: no country
		{1, "plover", true},
		{1, "location_name", true}, // no location
		{1, "location_lat", true},
		{1, "source_url", true},
		{1, "goldstein", false}, // required, 0
		{1, "quad_class", false},
		{2, "location_lat", false},
		{2, "location_geonames_id", true}, // 0: unknown
		{2, "target_country", true},
		{4, "location_name", false},
		{4, "location_lat", true}, // a region without a point
		{4, "location_lon", true},
		{4, "target_code", true},
	}
	for _, tt := range tests {
		if got := nulls[tt.row][tt.column]; got != tt.null {
			t.Errorf("row %d, %s: null %v, want %v", tt.row+1, tt.column, got, tt.null)
		}
	}
}

// readNulls reads a Parquet file's rows as raw values and reports, per
// row, which columns are null.
func readNulls(t *testing.T, data []byte) []map[string]bool {
	t.Helper()
	r := parquet.NewReader(bytes.NewReader(data))
	defer r.Close()
	var names []string
	for _, path := range r.Schema().Columns() {
		names = append(names, strings.Join(path, "."))
	}
	var out []map[string]bool
	buf := make([]parquet.Row, 4)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			m := map[string]bool{}
			for _, v := range row {
				m[names[v.Column()]] = v.IsNull()
			}
			out = append(out, m)
		}
		if err != nil {
			break
		}
	}
	return out
}

// genReader generates n synthetic events (and two mentions of each) on
// the fly, so that an export of millions of events holds none of them.
type genReader struct {
	n int
}

var (
	genCodes   = []string{"CHNGOV", "KORGOV", "USAGOV", "RUSMIL", "UKRMIL", "IGOUNO", "FRAGOV", "DEUBUS", "INDOPP", "---ENV"}
	genNames   = []string{"Xi Jinping", "Yoon Suk-yeol", "Joe Biden", "Russian forces", "Ukrainian army", "United Nations", "Emmanuel Macron", "Siemens", "Rahul Gandhi", "environmental activists"}
	genCameos  = []string{"010", "036", "042", "0421", "051", "112", "173", "190", "1823", "057"}
	genPlaces  = []newsgraph.Place{{Name: "Bali", Country: "IDN", Admin1: "Bali", Lat: -8.5, Lon: 115.08, Precision: "admin1", GeonamesID: 1650535}, {Name: "Kyiv", Country: "UKR", Admin1: "Kyiv City", Lat: 50.45, Lon: 30.52, Precision: "city", GeonamesID: 703448}}
	genPlovers = []string{"", "CONSULT", "COOPERATE", "ACCUSE", "FIGHT"}
)

func (g *genReader) event(i int, e *newsgraph.CorpusEvent, target *newsgraph.CorpusActor) {
	s, t := i%len(genCodes), (i*7+3)%len(genCodes)
	cameo := genCameos[i%len(genCameos)]
	day := 1 + i%28
	month := 1 + (i/28)%12
	date := strconv.Itoa(2015+i%10) + "-" + pad2(month) + "-" + pad2(day)
	*e = newsgraph.CorpusEvent{
		ID:     int64(i + 1),
		Source: newsgraph.CorpusActor{Code: genCodes[s], Country: countryOf(genCodes[s]), Name: genNames[s]},
		Cameo:  cameo, Root: cameo[:2], QuadClass: 1 + i%4, Goldstein: float64(i%21) - 10, Plover: genPlovers[i%len(genPlovers)],
		Date: date, DatePrecision: "day",
		NumMentions: 1 + i%5, NumSources: 1 + i%3, NumArticles: 1 + i%4,
		FirstSeen: date, LastSeen: date,
		SourceURL: "https://news.example.com/2022/story-" + strconv.Itoa(i),
	}
	switch i % 3 {
	case 0:
		e.Date, e.DatePrecision = date[:7], "month"
	case 1:
		*target = newsgraph.CorpusActor{Code: genCodes[t], Country: countryOf(genCodes[t]), Name: genNames[t]}
		e.Target = target
	}
	if i%2 == 0 {
		e.Location = &genPlaces[(i/2)%len(genPlaces)]
	}
}

func pad2(v int) string {
	if v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

func countryOf(code string) string {
	switch code[:3] {
	case "IGO", "---":
		return ""
	}
	return code[:3]
}

func (g *genReader) Events(ctx context.Context, q newsgraph.EventQuery) ([]newsgraph.CorpusEvent, error) {
	return nil, nil
}

func (g *genReader) EachEvent(ctx context.Context, _ newsgraph.EventQuery, fn func(*newsgraph.CorpusEvent) error) error {
	var (
		e      newsgraph.CorpusEvent
		target newsgraph.CorpusActor
	)
	for i := range g.n {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		g.event(i, &e, &target)
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

func (g *genReader) EachEventMention(ctx context.Context, fn func(*newsgraph.EventMention) error) error {
	var m newsgraph.EventMention
	for i := range g.n {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for k := range 2 {
			m = newsgraph.EventMention{
				EventID: int64(i + 1), DocID: "doc" + strconv.Itoa(i/3+k), Site: "news.example.com",
				URL: "https://news.example.com/2022/story-" + strconv.Itoa(i/3+k), Published: "2022-11-15", DocLength: 2400,
				Event: newsgraph.Event{Evidence: newsgraph.Evidence{Paragraph: i % 7, Sentence: i % 3, Start: 40, End: 160}, Confidence: 0.7},
			}
			if err := fn(&m); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *genReader) PairMonths(context.Context, string, string) ([]newsgraph.PairMonth, error) {
	return nil, nil
}

// countingWriter discards what it is given and counts the bytes.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// TestParquetMemory streams a million generated events through the
// Parquet writer while sampling the heap: memory must stay flat (one row
// group's pages), far under 500 MB.
func TestParquetMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 1,000,000 events; skipped with -short")
	}
	const events = 1_000_000
	runtime.GC()
	var (
		peakHeap, peakSys uint64
		stop              = make(chan struct{})
		done              = make(chan struct{})
	)
	go func() {
		defer close(done)
		tick := time.NewTicker(25 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peakHeap = max(peakHeap, ms.HeapInuse)
			peakSys = max(peakSys, ms.Sys)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	w := &countingWriter{}
	start := time.Now()
	n, err := Write(context.Background(), w, FormatParquet, &genReader{n: events}, newsgraph.EventQuery{}, Options{})
	elapsed := time.Since(start)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if n != events {
		t.Fatalf("wrote %d rows, want %d", n, events)
	}
	t.Logf("%d events in %v (%.0f events/s), %.1f MB of Parquet; peak HeapInuse %.1f MB, peak Sys %.1f MB",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), float64(w.n)/1e6,
		float64(peakHeap)/(1<<20), float64(peakSys)/(1<<20))
	if peakHeap >= 500<<20 {
		t.Errorf("peak HeapInuse %d MB, want < 500 MB", peakHeap>>20)
	}
}
