package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Corpus events. Every coded event of a stored document is an event
// mention (event_mentions); the mentions of all documents that report the
// same happening make one corpus event (events). A mention joins the event
// with the same source code, target code (or none on both sides), CAMEO
// root, a compatible date and a compatible place:
//
//   - dates: both day-precise and at most a day apart (outlets publishing
//     the next day, a time zone apart); otherwise the same date string, so
//     a year-precise "2022" joins only an event dated "2022". An undated
//     mention (a document without a publication date) joins no other:
//     "GBRGOV 010, undated" is not one happening (on the undated BBC corpus
//     it made one event of 213 mentions). It is its own event;
//   - places: the same place (geonames id), or either side without one;
//     an event without a place takes the first located mention's.
//
// Among several candidates the one at the same place, then on the same
// date, then with the most mentions wins. Negated mentions and
// hypothetical ones (confidence under minEventConfidence) are stored with
// no event: they did not happen.
//
// An event's face is its first mention's, first meaning the lowest
// document seq then position: a document stored later never changes it,
// and a document rewritten in place (reprocess) keeps its seq, so its
// mentions get their place back. Put, the hot path, therefore updates the
// events it joins incrementally (counts, first and last seen, a place the
// event lacked, a more specific cameo); clearDoc and updateDoc mark the
// events they touch and flushEvents recounts them from their mentions
// before commit, deleting those left without any. A cleared event is
// recounted at once but deleted only at flush, so that a reprocessed
// document finds its events again and their IDs stay.
const minEventConfidence = 0.4

const (
	sqlInsertEventMention = `INSERT INTO event_mentions(doc_seq, position, event_id, outlet, published, url, doc_length,
		source_entity, source_name, source_code, source_country,
		has_target, target_entity, target_name, target_code, target_country,
		cameo, root, quad_class, goldstein, plover, date, date_precision,
		place_key, location_name, location_country, location_admin1, location_lat, location_lon, location_precision, geonames_id,
		evidence_paragraph, evidence_sentence, evidence_start, evidence_end, evidence_text, negated, confidence,
		trigger_text, trigger_start, trigger_end, hypothetical, evidence_doc_sentence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// sqlEventJoin counts a mention into the event it joins, if there is
	// one, and returns the event's id. The candidates have the same codes
	// (?1, ?2) and root (?3), one of the dates ?4 … ?6 (the day before,
	// the day, the day after; the date three times when it is not a day;
	// an undated mention joins only an event a rewrite has emptied) and a
	// compatible place (?7 the mention's key). The counts take ?8 the
	// outlet, ?9 the document seq and ?10 its publication date; an event
	// without a place takes the mention's (?11 … ?17), a longer cameo
	// replaces the event's (?18 … ?21). It runs before the mention is
	// inserted.
	sqlEventJoin = `UPDATE events SET num_mentions = num_mentions + 1,
		num_sources = num_sources + NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id AND m.outlet = ?8),
		num_articles = num_articles + NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id AND m.doc_seq = ?9),
		first_seen = CASE WHEN ?10 IS NOT NULL AND (first_seen IS NULL OR ?10 < first_seen) THEN ?10 ELSE first_seen END,
		last_seen = CASE WHEN ?10 IS NOT NULL AND (last_seen IS NULL OR ?10 > last_seen) THEN ?10 ELSE last_seen END,
		place_key = coalesce(place_key, ?7),
		location_name = CASE WHEN place_key IS NULL THEN ?11 ELSE location_name END,
		location_country = CASE WHEN place_key IS NULL THEN ?12 ELSE location_country END,
		location_admin1 = CASE WHEN place_key IS NULL THEN ?13 ELSE location_admin1 END,
		location_lat = CASE WHEN place_key IS NULL THEN ?14 ELSE location_lat END,
		location_lon = CASE WHEN place_key IS NULL THEN ?15 ELSE location_lon END,
		location_precision = CASE WHEN place_key IS NULL THEN ?16 ELSE location_precision END,
		geonames_id = CASE WHEN place_key IS NULL THEN ?17 ELSE geonames_id END,
		cameo = CASE WHEN length(?18) > length(cameo) THEN ?18 ELSE cameo END,
		quad_class = CASE WHEN length(?18) > length(cameo) THEN ?19 ELSE quad_class END,
		goldstein = CASE WHEN length(?18) > length(cameo) THEN ?20 ELSE goldstein END,
		plover = CASE WHEN length(?18) > length(cameo) THEN ?21 ELSE plover END
		WHERE id = (SELECT id FROM events
			WHERE source_code = ?1 AND target_code = ?2 AND root = ?3 AND date IN (?4, ?5, ?6)
				AND (?5 <> '' OR num_mentions = 0)
				AND (?7 IS NULL OR place_key IS NULL OR place_key = ?7)
			ORDER BY place_key IS ?7 DESC, date = ?5 DESC, num_mentions DESC, id LIMIT 1)
		RETURNING id`
	sqlInsertCorpusEvent = `INSERT INTO events(source_code, source_country, source_name, source_name_key,
		target_code, target_country, target_name, target_name_key, cameo, root, quad_class, goldstein, plover,
		date, date_precision, date_lo, date_hi, place_key, location_name, location_country, location_admin1,
		location_lat, location_lon, location_precision, geonames_id,
		num_mentions, num_sources, num_articles, first_seen, last_seen, source_url)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?, ?)`
	sqlEventSetPlace = `UPDATE events SET place_key = ?, location_name = ?, location_country = ?, location_admin1 = ?,
		location_lat = ?, location_lon = ?, location_precision = ?, geonames_id = ? WHERE id = ?`
	sqlEventSetCameo = `UPDATE events SET cameo = ?, quad_class = ?, goldstein = ?, plover = ? WHERE id = ?`

	sqlEventsOfDoc    = `SELECT DISTINCT event_id FROM event_mentions WHERE doc_seq = ? AND event_id IS NOT NULL`
	sqlEventMentsDel  = `DELETE FROM event_mentions WHERE doc_seq = ?`
	sqlEventCounts    = `SELECT count(*), count(DISTINCT outlet), count(DISTINCT doc_seq), min(published), max(published) FROM event_mentions WHERE event_id = ?`
	sqlEventSetCounts = `UPDATE events SET num_mentions = ?, num_sources = ?, num_articles = ?, first_seen = ?, last_seen = ? WHERE id = ?`
	sqlEventFace      = `SELECT source_country, source_name, coalesce(target_country, ''), target_name, coalesce(date, ''), date_precision, url
		FROM event_mentions WHERE event_id = ? ORDER BY doc_seq, position LIMIT 1`
	sqlEventSetFace = `UPDATE events SET source_country = ?, source_name = ?, source_name_key = ?, target_country = ?,
		target_name = ?, target_name_key = ?, date = ?, date_precision = ?, date_lo = ?, date_hi = ?, source_url = ? WHERE id = ?`
	sqlEventFirstPlace = `SELECT place_key, location_name, location_country, location_admin1, location_lat, location_lon,
		location_precision, geonames_id FROM event_mentions WHERE event_id = ? AND place_key IS NOT NULL
		ORDER BY doc_seq, position LIMIT 1`
	sqlEventBestCameo = `SELECT cameo, quad_class, goldstein, plover FROM event_mentions WHERE event_id = ?
		ORDER BY length(cameo) DESC, doc_seq, position LIMIT 1`
	sqlEventDel = `DELETE FROM events WHERE id = ?`
)

// eventMention is one document event in the columns it is stored in.
type eventMention struct {
	e                           *newsgraph.Event
	sourceName, targetName      any // entity names, or NULL
	targetCode, targetCountry   string
	targetEntity, tCode, tCntry any // NULL without a target
	date                        string
	place                       placeCols
}

// placeCols are the location columns of a mention or an event.
type placeCols struct {
	key, name, country, admin1, lat, lon, precision, gid any
}

// newPlaceCols returns the columns of p, all NULL for nil. The key is the
// geonames id when there is one, else the lower-cased name and country.
func newPlaceCols(p *newsgraph.Place) placeCols {
	if p == nil {
		return placeCols{}
	}
	key := "n:" + strings.ToLower(p.Name) + "|" + p.Country
	if p.GeonamesID != 0 {
		key = "g:" + strconv.Itoa(p.GeonamesID)
	}
	return placeCols{key, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.Precision, p.GeonamesID}
}

func (p placeCols) args() []any {
	return []any{p.key, p.name, p.country, p.admin1, p.lat, p.lon, p.precision, p.gid}
}

// insertEvents writes a document's events as mentions, each merged into
// its corpus event unless it did not happen.
func (w *writeTx) insertEvents(ctx context.Context, seq int64, d *newsgraph.Document) error {
	if len(d.Events) == 0 {
		return nil
	}
	outlet := d.Source.Site
	if outlet == "" {
		outlet = "#" + strconv.FormatInt(seq, 10)
	}
	published, url := null(d.Published.Date), null(d.Source.URL)
	length := max(len(d.Paragraphs)-1, 0)
	for _, p := range d.Paragraphs {
		length += utf8.RuneCountInString(p)
	}
	for i := range d.Events {
		e := &d.Events[i]
		m := eventMention{e: e, sourceName: entityName(d, e.Source.Entity), date: stringOf(e.Date), place: newPlaceCols(e.Location)}
		if t := e.Target; t != nil {
			m.targetCode, m.targetCountry = t.Code, t.Country
			m.targetEntity, m.tCode, m.tCntry = t.Entity, t.Code, t.Country
			m.targetName = entityName(d, t.Entity)
		}
		var eventID any
		if !e.Negated && !e.Hypothetical && e.Confidence >= minEventConfidence {
			id, err := w.mergeEvent(ctx, seq, outlet, published, url, &m)
			if err != nil {
				return fmt.Errorf("event %d: %w", i, err)
			}
			eventID = id
		}
		ev := e.Evidence
		args := []any{seq, i, eventID, outlet, published, url, length,
			e.Source.Entity, m.sourceName, e.Source.Code, e.Source.Country,
			e.Target != nil, m.targetEntity, m.targetName, m.tCode, m.tCntry,
			e.Cameo, e.Root, e.QuadClass, e.Goldstein, e.Plover, e.Date, e.DatePrecision}
		args = append(args, m.place.args()...)
		args = append(args, ev.Paragraph, ev.Sentence, ev.Start, ev.End, ev.Text, e.Negated, e.Confidence)
		if t := e.Trigger; t != nil {
			args = append(args, t.Text, t.Start, t.End, e.Hypothetical)
		} else {
			args = append(args, nil, nil, nil, e.Hypothetical)
		}
		var docSent any
		if ev.DocSentence >= 0 {
			docSent = ev.DocSentence
		}
		args = append(args, docSent)
		if _, err := w.exec(ctx, sqlInsertEventMention, args...); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	return nil
}

// entityName returns the name of the document's entity with this id, or
// NULL.
func entityName(d *newsgraph.Document, id *string) any {
	if id == nil {
		return nil
	}
	for i := range d.Entities {
		if d.Entities[i].ID == *id {
			return d.Entities[i].Name
		}
	}
	return nil
}

// mergeEvent counts a mention into its corpus event, making the event when
// there is none, and returns the event's id.
func (w *writeTx) mergeEvent(ctx context.Context, seq int64, outlet string, published, url any, m *eventMention) (int64, error) {
	e := m.e
	lo, hi := m.date, m.date
	if len(m.date) == len(time.DateOnly) {
		if t, err := time.Parse(time.DateOnly, m.date); err == nil {
			lo, hi = t.AddDate(0, 0, -1).Format(time.DateOnly), t.AddDate(0, 0, 1).Format(time.DateOnly)
		}
	}
	p := &m.place
	// An undated mention can only join an event a rewrite emptied, and
	// only a rewrite marks events.
	if m.date != "" || len(w.evDirty) > 0 {
		st, err := w.stmt(ctx, sqlEventJoin)
		if err != nil {
			return 0, err
		}
		var id int64
		err = st.QueryRowContext(ctx, e.Source.Code, m.targetCode, e.Root, lo, m.date, hi, p.key, outlet, seq, published,
			p.name, p.country, p.admin1, p.lat, p.lon, p.precision, p.gid, e.Cameo, e.QuadClass, e.Goldstein, e.Plover).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("join event: %w", err)
		}
	}
	var dateLo, dateHi any
	if l, h, ok := dateRange(m.date); ok {
		dateLo, dateHi = l, h
	}
	args := []any{e.Source.Code, e.Source.Country, m.sourceName, nameKey(m.sourceName),
		m.targetCode, m.targetCountry, m.targetName, nameKey(m.targetName),
		e.Cameo, e.Root, e.QuadClass, e.Goldstein, e.Plover, m.date, e.DatePrecision, dateLo, dateHi}
	args = append(args, p.args()...)
	args = append(args, published, published, url)
	res, err := w.exec(ctx, sqlInsertCorpusEvent, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("event id: %w", err)
	}
	return id, nil
}

// nameKey lower-cases a name column (NULL stays NULL).
func nameKey(name any) any {
	if s, ok := name.(string); ok {
		return strings.ToLower(s)
	}
	return nil
}

// stringOf returns *s, or "" for nil.
func stringOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// docEvents returns the events a document's mentions belong to.
func (w *writeTx) docEvents(ctx context.Context, seq int64) ([]int64, error) {
	st, err := w.stmt(ctx, sqlEventsOfDoc)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, seq)
	if err != nil {
		return nil, fmt.Errorf("events of document: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("events of document: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of document: %w", err)
	}
	return ids, nil
}

// markEvents marks the events of a document's mentions for recounting
// before commit: a document rewritten in place keeps its seq, so its
// mentions may come before an event's first.
func (w *writeTx) markEvents(ctx context.Context, seq int64) error {
	ids, err := w.docEvents(ctx, seq)
	if err != nil {
		return err
	}
	w.markDirty(ids)
	return nil
}

// markDirty marks events for recounting before commit.
func (w *writeTx) markDirty(ids []int64) {
	if len(ids) == 0 {
		return
	}
	if w.evDirty == nil {
		w.evDirty = map[int64]struct{}{}
	}
	for _, id := range ids {
		w.evDirty[id] = struct{}{}
	}
}

// clearEvents removes a document's event mentions and recounts their
// events; an event left without mentions keeps its row until flushEvents.
func (w *writeTx) clearEvents(ctx context.Context, seq int64) error {
	ids, err := w.docEvents(ctx, seq)
	if err != nil {
		return err
	}
	if _, err := w.exec(ctx, sqlEventMentsDel, seq); err != nil {
		return err
	}
	w.markDirty(ids)
	for _, id := range ids {
		if _, err := w.recountEvent(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// flushEvents recounts the marked events from their mentions, deleting
// those without any.
func (w *writeTx) flushEvents(ctx context.Context) error {
	ids := make([]int64, 0, len(w.evDirty))
	for id := range w.evDirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		n, err := w.recountEvent(ctx, id)
		if err != nil {
			return err
		}
		if n == 0 {
			if _, err := w.exec(ctx, sqlEventDel, id); err != nil {
				return err
			}
		}
	}
	w.evDirty = nil
	return nil
}

// recountEvent sets an event's counts, face, place and cameo from its
// mentions and returns the number of mentions. An event without mentions
// keeps its face (for a document being rewritten to find it again).
func (w *writeTx) recountEvent(ctx context.Context, id int64) (int, error) {
	var n, sources, articles int
	var first, last sql.NullString
	if err := w.queryRow(ctx, sqlEventCounts, id).Scan(&n, &sources, &articles, &first, &last); err != nil {
		return 0, fmt.Errorf("recount event %d: %w", id, err)
	}
	if _, err := w.exec(ctx, sqlEventSetCounts, n, sources, articles, first, last, id); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	var srcCountry, tgtCountry, date string
	var srcName, tgtName, prec, url sql.NullString
	if err := w.queryRow(ctx, sqlEventFace, id).Scan(&srcCountry, &srcName, &tgtCountry, &tgtName, &date, &prec, &url); err != nil {
		return 0, fmt.Errorf("first mention of event %d: %w", id, err)
	}
	var dateLo, dateHi any
	if l, h, ok := dateRange(date); ok {
		dateLo, dateHi = l, h
	}
	sn, tn := nullString(srcName), nullString(tgtName)
	if _, err := w.exec(ctx, sqlEventSetFace, srcCountry, sn, nameKey(sn), tgtCountry, tn, nameKey(tn),
		date, nullString(prec), dateLo, dateHi, nullString(url), id); err != nil {
		return 0, err
	}
	var p placeCols
	var key, name, country, admin1, precision sql.NullString
	var lat, lon sql.NullFloat64
	var gid sql.NullInt64
	switch err := w.queryRow(ctx, sqlEventFirstPlace, id).Scan(&key, &name, &country, &admin1, &lat, &lon, &precision, &gid); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, fmt.Errorf("place of event %d: %w", id, err)
	default:
		p = placeCols{key.String, name.String, country.String, admin1.String, lat.Float64, lon.Float64, precision.String, gid.Int64}
	}
	if _, err := w.exec(ctx, sqlEventSetPlace, append(p.args(), id)...); err != nil {
		return 0, err
	}
	var cameo, plover string
	var quad int
	var goldstein float64
	if err := w.queryRow(ctx, sqlEventBestCameo, id).Scan(&cameo, &quad, &goldstein, &plover); err != nil {
		return 0, fmt.Errorf("cameo of event %d: %w", id, err)
	}
	if _, err := w.exec(ctx, sqlEventSetCameo, cameo, quad, goldstein, plover, id); err != nil {
		return 0, err
	}
	return n, nil
}

// queryRow runs a one-row query through the transaction's prepared
// statement for it.
func (w *writeTx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		// The returned row reports the error at Scan.
		return w.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// nullString maps an invalid sql.NullString to NULL.
func nullString(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}
