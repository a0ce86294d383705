package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph"
)

// Row is one event as events-csv and parquet write it. The parquet tags
// are the schema of the Parquet file; the CSV header is the same column
// names in the same order. An optional column is null (an empty CSV
// field) when the value is unknown: an empty string, a zero GeoNames ID,
// no target, no location (LocationLat and LocationLon are nil exactly
// when there is no location with a point).
type Row struct {
	ID            int64   `parquet:"id,delta"`
	Date          string  `parquet:"date,optional,dict"`
	DatePrecision string  `parquet:"date_precision,optional,dict"`
	SourceCode    string  `parquet:"source_code,dict"`
	SourceCountry string  `parquet:"source_country,optional,dict"`
	SourceName    string  `parquet:"source_name,optional,dict"`
	TargetCode    string  `parquet:"target_code,optional,dict"`
	TargetCountry string  `parquet:"target_country,optional,dict"`
	TargetName    string  `parquet:"target_name,optional,dict"`
	Cameo         string  `parquet:"cameo,dict"`
	Root          string  `parquet:"root,dict"`
	QuadClass     int32   `parquet:"quad_class"`
	Goldstein     float64 `parquet:"goldstein"`
	Plover        string  `parquet:"plover,optional,dict"`
	NumMentions   int32   `parquet:"num_mentions"`
	NumSources    int32   `parquet:"num_sources"`
	NumArticles   int32   `parquet:"num_articles"`
	FirstSeen     string  `parquet:"first_seen,optional,dict"`
	LastSeen      string  `parquet:"last_seen,optional,dict"`
	LocationName  string  `parquet:"location_name,optional,dict"`
	// LocationCountry is an ISO 3166 alpha-3 code.
	LocationCountry   string   `parquet:"location_country,optional,dict"`
	LocationAdmin1    string   `parquet:"location_admin1,optional,dict"`
	LocationLat       *float64 `parquet:"location_lat,optional"`
	LocationLon       *float64 `parquet:"location_lon,optional"`
	LocationPrecision string   `parquet:"location_precision,optional,dict"`
	// LocationGeonamesID is the GeoNames feature ID.
	LocationGeonamesID int64  `parquet:"location_geonames_id,optional"`
	SourceURL          string `parquet:"source_url,optional"`
}

// Columns returns the column names of events-csv and parquet, in order.
func Columns() []string {
	return []string{"id", "date", "date_precision", "source_code", "source_country", "source_name",
		"target_code", "target_country", "target_name", "cameo", "root", "quad_class", "goldstein", "plover",
		"num_mentions", "num_sources", "num_articles", "first_seen", "last_seen",
		"location_name", "location_country", "location_admin1", "location_lat", "location_lon",
		"location_precision", "location_geonames_id", "source_url"}
}

// fill sets r from e. lat and lon are where r's LocationLat and
// LocationLon point when e has a located place, so that a batch of rows
// allocates nothing per row.
func (r *Row) fill(e *newsgraph.CorpusEvent, lat, lon *float64) {
	*r = Row{
		ID:            e.ID,
		Date:          e.Date,
		DatePrecision: e.DatePrecision,
		SourceCode:    e.Source.Code,
		SourceCountry: e.Source.Country,
		SourceName:    e.Source.Name,
		Cameo:         e.Cameo,
		Root:          e.Root,
		QuadClass:     int32(e.QuadClass),
		Goldstein:     e.Goldstein,
		Plover:        e.Plover,
		NumMentions:   int32(e.NumMentions),
		NumSources:    int32(e.NumSources),
		NumArticles:   int32(e.NumArticles),
		FirstSeen:     e.FirstSeen,
		LastSeen:      e.LastSeen,
		SourceURL:     e.SourceURL,
	}
	if t := e.Target; t != nil {
		r.TargetCode, r.TargetCountry, r.TargetName = t.Code, t.Country, t.Name
	}
	if p := e.Location; p != nil {
		r.LocationName, r.LocationCountry, r.LocationAdmin1 = p.Name, p.Country, p.Admin1
		r.LocationPrecision = p.Precision
		r.LocationGeonamesID = int64(p.GeonamesID)
		if p.Lat != 0 || p.Lon != 0 {
			*lat, *lon = p.Lat, p.Lon
			r.LocationLat, r.LocationLon = lat, lon
		}
	}
}

// record appends r's CSV fields to rec.
func (r *Row) record(rec []string) []string {
	num := func(v int64) string { return strconv.FormatInt(v, 10) }
	flt := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	geo := ""
	if r.LocationGeonamesID > 0 {
		geo = num(r.LocationGeonamesID)
	}
	return append(rec, num(r.ID), r.Date, r.DatePrecision, r.SourceCode, r.SourceCountry, r.SourceName,
		r.TargetCode, r.TargetCountry, r.TargetName, r.Cameo, r.Root, num(int64(r.QuadClass)),
		strconv.FormatFloat(r.Goldstein, 'f', -1, 64), r.Plover,
		num(int64(r.NumMentions)), num(int64(r.NumSources)), num(int64(r.NumArticles)), r.FirstSeen, r.LastSeen,
		r.LocationName, r.LocationCountry, r.LocationAdmin1, flt(r.LocationLat), flt(r.LocationLon),
		r.LocationPrecision, geo, r.SourceURL)
}

// writeCSV writes events-csv: a header, then one RFC 4180 record per
// event.
func writeCSV(ctx context.Context, w io.Writer, r newsgraph.EventReader, q newsgraph.EventQuery) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return 0, fmt.Errorf("export %s: header: %w", FormatEventsCSV, err)
	}
	var (
		row      Row
		lat, lon float64
		rec      []string
		n        int
	)
	err := r.EachEvent(ctx, q, func(e *newsgraph.CorpusEvent) error {
		row.fill(e, &lat, &lon)
		rec = row.record(rec[:0])
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("event %d: %w", e.ID, err)
		}
		n++
		return nil
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return n, fmt.Errorf("export %s: %w", FormatEventsCSV, err)
	}
	return n, nil
}

// parquetBatch is how many rows writeParquet hands the writer at once.
const parquetBatch = 1024

// writeParquet writes the events as a Parquet file of Row, zstd
// compressed, flushing a row group every opts.RowGroupRows rows.
func writeParquet(ctx context.Context, w io.Writer, r newsgraph.EventReader, q newsgraph.EventQuery, opts Options) (int, error) {
	pw := parquet.NewGenericWriter[Row](w,
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(int64(opts.RowGroupRows)),
		parquet.CreatedBy("newsgraph", newsgraph.Version, ""),
		parquet.KeyValueMetadata("newsgraph.format", FormatParquet),
	)
	var (
		rows     = make([]Row, 0, parquetBatch)
		points   = make([][2]float64, parquetBatch)
		n, group int
	)
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		if _, err := pw.Write(rows); err != nil {
			return fmt.Errorf("write rows: %w", err)
		}
		n += len(rows)
		group += len(rows)
		rows = rows[:0]
		if group >= opts.RowGroupRows {
			group = 0
			if err := pw.Flush(); err != nil {
				return fmt.Errorf("flush row group: %w", err)
			}
		}
		return nil
	}
	err := r.EachEvent(ctx, q, func(e *newsgraph.CorpusEvent) error {
		i := len(rows)
		rows = rows[:i+1]
		rows[i].fill(e, &points[i][0], &points[i][1])
		if len(rows) == cap(rows) || group+len(rows) >= opts.RowGroupRows {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		if cerr := pw.Close(); cerr != nil {
			err = fmt.Errorf("close: %w", cerr)
		}
	}
	if err != nil {
		return n, fmt.Errorf("export %s: %w", FormatParquet, err)
	}
	return n, nil
}
